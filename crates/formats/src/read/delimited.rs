//! Delimited text → [`Grid`]: tab (the published sample), comma (CSV), `|` and
//! full-width `｜` (tables copied out of web pages).
//!
//! Every source line becomes one row, empty lines included, so a row's
//! `number` is its true 1-based line. Unquoted text is split without copying
//! (cells borrow the text); only when a field starts with `"` is the `csv`
//! crate used, and then a row's number is the line its record starts on.

use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridCell, GridRow};
use crate::read::limits::Limits;
use jixiao_core::Text;
use std::borrow::Cow;

/// Delimiters tried by the sniffer, in order of preference on a tie.
pub const CANDIDATES: [char; 4] = ['\t', ',', '|', '｜'];

/// How many bytes of a file the sniffer looks at.
const SNIFF_BYTES: usize = 256 * 1024;

/// A text grid and the facts [`jixiao_core::SourceInfo`] records about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextGrid<'a> {
    pub grid: Grid<'a>,
    /// `None` when no delimiter was found (one cell per line).
    pub delimiter: Option<char>,
    /// Whether the text ends with a line break.
    pub final_newline: bool,
}

/// Split `text` into a grid, sniffing the delimiter.
/// `prefer_comma` breaks ties in favour of `,` (a `.csv` file name).
pub fn grid_from_text<'a>(
    file: &str,
    text: &'a str,
    prefer_comma: bool,
    limits: &Limits,
) -> Result<TextGrid<'a>> {
    let delimiter = sniff_delimiter(text, prefer_comma);
    let grid = split(file, text, delimiter, limits)?;
    Ok(TextGrid {
        grid,
        delimiter,
        final_newline: text.ends_with('\n') || text.ends_with('\r'),
    })
}

/// The line separator of `text`: LF (also covering CRLF), or CR for old Mac files.
fn line_sep(text: &str) -> u8 {
    let b = text.as_bytes();
    if memchr::memchr(b'\n', b).is_none() && memchr::memchr(b'\r', b).is_some() {
        b'\r'
    } else {
        b'\n'
    }
}

/// Lines of `text` without their terminators (a trailing CR is dropped);
/// a final line break does not start another line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let sep = line_sep(text);
    let body = text.strip_suffix(sep as char).unwrap_or(text);
    let body_bytes = body.as_bytes();
    let mut start = 0usize;
    let mut done = text.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let line = match memchr::memchr(sep, body_bytes.get(start..).unwrap_or(&[])) {
            Some(rel) => {
                let l = body.get(start..start + rel).unwrap_or("");
                start += rel + 1;
                l
            }
            None => {
                done = true;
                body.get(start..).unwrap_or("")
            }
        };
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

fn count_fields(line: &str, d: char) -> usize {
    if d.is_ascii() {
        memchr::memchr_iter(d as u8, line.as_bytes()).count() + 1
    } else {
        line.matches(d).count() + 1
    }
}

/// The delimiter that gives one consistent field count (≥ 3, else ≥ 2) on the
/// most lines of the first 256 KiB; one-cell lines (`单位：万元`) do not count.
pub fn sniff_delimiter(text: &str, prefer_comma: bool) -> Option<char> {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or("");
    let order: Vec<char> = if prefer_comma {
        let mut o = vec![','];
        o.extend(CANDIDATES.iter().copied().filter(|&c| c != ','));
        o
    } else {
        CANDIDATES.to_vec()
    };
    for min_fields in [3usize, 2] {
        let mut best: Option<(usize, char)> = None;
        for &d in &order {
            let mut counts: std::collections::HashMap<usize, usize> = Default::default();
            for line in lines(sample) {
                let n = count_fields(line, d);
                if n >= min_fields {
                    *counts.entry(n).or_default() += 1;
                }
            }
            let score = counts.values().copied().max().unwrap_or(0);
            if score > 0 && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, d));
            }
        }
        if let Some((_, d)) = best {
            return Some(d);
        }
    }
    None
}

/// True when some field starts with `"`, so quoting must be honoured.
fn has_quoted_field(text: &str, d: char) -> bool {
    if !d.is_ascii() {
        return false;
    }
    let b = text.as_bytes();
    memchr::memchr_iter(b'"', b).any(|pos| {
        pos == 0
            || b.get(pos - 1)
                .is_some_and(|&p| p == d as u8 || p == b'\n' || p == b'\r')
    })
}

fn too_many_cells(file: &str, row: u32, limits: &Limits) -> Error {
    Error::too_large(
        Location {
            file: file.to_string(),
            row: Some(row),
            ..Location::default()
        },
        Text::new(
            format!("单元格超过 {} 个", limits.max_cells),
            format!("more than {} cells", limits.max_cells),
        ),
        Text::new(
            "请把表拆成几个文件后再读（程序接口可调高 ReadOptions.limits.max_cells）",
            "split the table into several files (the library's ReadOptions.limits.max_cells is the bound)",
        ),
    )
}

/// Split `text` into rows by `delimiter` (`None`: one cell per non-empty line).
pub fn split<'a>(
    file: &str,
    text: &'a str,
    delimiter: Option<char>,
    limits: &Limits,
) -> Result<Grid<'a>> {
    match delimiter {
        Some(d) if has_quoted_field(text, d) => split_quoted(file, text, d, limits),
        _ => split_plain(file, text, delimiter, limits),
    }
}

/// Zero-copy split: cells borrow `text`.
fn split_plain<'a>(
    file: &str,
    text: &'a str,
    delimiter: Option<char>,
    limits: &Limits,
) -> Result<Grid<'a>> {
    // Pipe tables copied from web pages often have border pipes: `| a | b |`.
    // Strip them when every line holding the delimiter starts and ends with it.
    let borders = match delimiter {
        Some(d @ ('|' | '｜')) => {
            let mut with_d = lines(text)
                .map(str::trim)
                .filter(|l| l.contains(d))
                .peekable();
            with_d.peek().is_some()
                && with_d.all(|t| t.len() > d.len_utf8() && t.starts_with(d) && t.ends_with(d))
        }
        _ => false,
    };
    let mut rows = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut cells_total = 0usize;
    for (i, line) in lines(text).enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let cells: Vec<GridCell<'a>> = if line.is_empty() {
            Vec::new()
        } else {
            match delimiter {
                None => vec![borrowed(line)],
                Some(d) => {
                    let body = if borders && line.contains(d) {
                        let t = line.trim();
                        t.get(d.len_utf8()..t.len() - d.len_utf8()).unwrap_or(t)
                    } else {
                        line
                    };
                    if matches!(d, '|' | '｜') {
                        // `| a | b |`: the spaces beside a pipe are layout, not data.
                        body.split(d)
                            .map(|c| borrowed(c.trim_matches(' ')))
                            .collect()
                    } else {
                        body.split(d).map(borrowed).collect()
                    }
                }
            }
        };
        cells_total += cells.len().max(1);
        if cells_total > limits.max_cells {
            return Err(too_many_cells(file, number, limits));
        }
        rows.push(GridRow { number, cells });
    }
    Ok(Grid {
        rows,
        ..Grid::default()
    })
}

fn borrowed(s: &str) -> GridCell<'_> {
    GridCell {
        text: Cow::Borrowed(s),
        merged: false,
        bare_number: false,
    }
}

/// The field count most lines have (lines of fewer than 3 fields, such as
/// titles and `单位：万元`, do not vote); 0 when no line has 3.
fn usual_fields(text: &str, d: char) -> usize {
    let mut counts: std::collections::HashMap<usize, usize> = Default::default();
    for line in lines(text) {
        let n = count_fields(line, d);
        if n >= 3 {
            *counts.entry(n).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(n, c)| (c, n))
        .map_or(0, |(n, _)| n)
}

/// Lines a quoted cell may swallow that hold a whole row's delimiters before
/// it counts as a stray quote: one. A goal written over several lines rarely
/// holds as many ASCII delimiters as the table has columns, on any line.
const ROW_LIKE_LINES: usize = 1;

/// Refuse a `"` that opens a quoted field and runs on to the end of the
/// text, or across lines that are table rows of their own.
///
/// The `csv` crate (as RFC 4180 wants) reads an unclosed quoted field to the
/// end of the file, so one stray `"` at the start of a cell (`"驻镇帮镇…`)
/// silently made the rest of the table one cell: seven projects lost and the
/// check passing. Quoting is followed as csv-core follows it: only a `"` at
/// the start of a field opens quoting, `""` inside is a quote, and a `"`
/// elsewhere is literal. A quoted cell with line breaks (what Excel writes
/// for a goal typed over several lines) is kept, unless
/// - a line it swallows is a table row of its own: as many delimiters as
///   the table's rows ([`usual_fields`], at least 4 columns) and a field that
///   is a bare amount (`10.00`), which a goal typed with ASCII commas is not;
/// - it holds a tab in a tab-delimited table and leaves its row with fewer
///   than half the table's usual cells: the quote swallowed the row's own
///   cells (a quoted cell holding a tab, as Excel writes one, leaves its row
///   whole);
/// - text follows its closing quote (`"驻镇…,10.00,…质量"优秀"`) after it
///   swallowed a delimiter or a line: Excel closes a quoted cell with a
///   delimiter or the line's end, so that quote was a stray one.
fn check_quotes(file: &str, text: &str, d: char) -> Result<()> {
    let b = text.as_bytes();
    let sep = line_sep(text);
    let Ok(d) = u8::try_from(d) else {
        return Ok(());
    };
    let mut usual: Option<usize> = None;
    let mut line: u64 = 1;
    let mut field: u64 = 1;
    let mut i = 0usize;
    while i < b.len() {
        // At the start of a field here.
        if b.get(i) == Some(&b'"') {
            let (open_line, open_field) = (line, field);
            let mut j = i + 1;
            // Start of the current line inside the field (after a break).
            let mut seg: Option<usize> = None;
            let mut row_like = 0usize;
            let is_row = |from: usize, to: usize, usual: &mut Option<usize>| -> bool {
                let want = *usual.get_or_insert_with(|| usual_fields(text, d as char));
                let part = b.get(from..to).unwrap_or_default();
                want >= 4
                    && memchr::memchr_iter(d, part).count() + 1 >= want
                    && part.split(|x| *x == d).any(is_bare_amount)
            };
            loop {
                let Some(k) = b.get(j..).and_then(|r| memchr::memchr2(b'"', sep, r)) else {
                    let after = (lines(text).count() as u64).saturating_sub(open_line);
                    return Err(unpaired(file, open_line, open_field, after, None));
                };
                let at = j + k;
                if b.get(at) == Some(&sep) {
                    if let Some(from) = seg {
                        row_like += usize::from(is_row(from, at, &mut usual));
                    }
                    line += 1;
                    seg = Some(at + 1);
                    j = at + 1;
                } else if b.get(at + 1) == Some(&b'"') {
                    j = at + 2; // `""`: a quote inside the field
                } else {
                    if let Some(from) = seg {
                        row_like += usize::from(is_row(from, at, &mut usual));
                    }
                    let inside = b.get(i + 1..at).unwrap_or_default();
                    let swallowed = memchr::memchr2(d, sep, inside).is_some();
                    let text_after = !matches!(b.get(at + 1), None | Some(b'\r' | b'\n'))
                        && b.get(at + 1) != Some(&d);
                    if (d == b'\t' && inside.contains(&b'\t') && {
                        // The row the quote leaves: the fields before it, the
                        // quoted one, those after it on the closing line.
                        let rest = b.get(at + 1..).unwrap_or_default();
                        let rest = rest.split(|x| *x == sep).next().unwrap_or_default();
                        let after = memchr::memchr_iter(d, rest).count() as u64;
                        let want = *usual.get_or_insert_with(|| usual_fields(text, d as char));
                        (open_field + after) * 2 < want as u64
                    }) || (swallowed && text_after)
                    {
                        return Err(stray(file, open_line, open_field, line));
                    }
                    if row_like >= ROW_LIKE_LINES {
                        return Err(unpaired(
                            file,
                            open_line,
                            open_field,
                            row_like as u64,
                            Some(line),
                        ));
                    }
                    i = at + 1;
                    break;
                }
            }
        }
        // Rest of the field: up to the next delimiter or line break.
        match b.get(i..).and_then(|r| memchr::memchr2(d, sep, r)) {
            None => break,
            Some(k) => {
                let at = i + k;
                if b.get(at) == Some(&sep) {
                    line += 1;
                    field = 1;
                } else {
                    field += 1;
                }
                i = at + 1;
            }
        }
    }
    Ok(())
}

/// A field that is a bare amount (`10.00`, `1,234.5`, `-3`): digits with
/// at most a sign, thousands commas and a decimal point, spaces around.
fn is_bare_amount(field: &[u8]) -> bool {
    let t = field.trim_ascii();
    let t = t.strip_prefix(b"-").unwrap_or(t);
    t.first().is_some_and(u8::is_ascii_digit)
        && t.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b','))
}

/// The error for a quote opened at `line`, field `col` that took in the
/// row's own delimiters (a tab, or a delimiter or line with text after the
/// closing quote) and closed at line `closed`: a stray quote, not a quoted
/// cell.
fn stray(file: &str, line: u64, col: u64, closed: u64) -> Error {
    let mut e = unpaired(file, line, col, 0, Some(closed));
    if let Error::Invalid { message, .. } = &mut e {
        **message = Text::new(
            format!(
                "引号未配对：此格开头的英文引号 \" 把其后的分隔符（本行其余的单元格或下一行）也并入了这一格，到第 {closed} 行才闭合；这不是 Excel 写出的带引号单元格，其间的单元格会丢失"
            ),
            format!(
                "unpaired quote: the ASCII \" opening this cell takes in the delimiters after it (the rest of \
                 the row's cells, or the next line) and closes only on line {closed}; no spreadsheet writes a \
                 quoted cell so, and the cells in between would be lost"
            ),
        );
    }
    e
}

/// The error for a quote opened at `line`, field `col`, never closed
/// (`closed_at` `None`: `lines` lines after it would be swallowed) or closed
/// at line `closed_at` after swallowing `lines` lines that are table rows.
fn unpaired(file: &str, line: u64, col: u64, lines: u64, closed_at: Option<u64>) -> Error {
    let message = match closed_at {
        None => Text::new(
            format!(
                "引号未闭合：此格开头的英文引号 \" 一直到文件末尾都没有配对的结尾引号，其后 {lines} 行会全部被并入这一格"
            ),
            format!(
                "unpaired quote: the ASCII \" opening this cell is never closed, \
                 so the {lines} lines after it would all be read into this one cell"
            ),
        ),
        Some(end) => Text::new(
            format!(
                "引号未配对：此格开头的英文引号 \" 到第 {end} 行才闭合，中间 {lines} 行是完整的表格行，会被并入这一格"
            ),
            format!(
                "unpaired quote: the ASCII \" opening this cell closes only on line {end}, \
                 so {lines} table row(s) in between would be read into this one cell"
            ),
        ),
    };
    Error::invalid(
        Location {
            file: file.to_string(),
            row: Some(u32::try_from(line).unwrap_or(u32::MAX)),
            col: Some(u32::try_from(col).unwrap_or(u32::MAX)),
            ..Location::default()
        },
        message,
        Text::new(
            "请删除这个引号或改用中文引号“”；若要保留英文引号，请给整个单元格加上引号，并把其中的引号写成两个（\"\"）",
            "remove the quote or use Chinese quotes “”; to keep an ASCII quote, enclose the whole \
             cell in quotes and double the quote inside it (\"\")",
        ),
    )
}

/// Quote-aware split with the `csv` crate; empty lines are kept as blank rows.
fn split_quoted<'a>(file: &str, text: &'a str, d: char, limits: &Limits) -> Result<Grid<'a>> {
    check_quotes(file, text, d)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(d as u8)
        .from_reader(text.as_bytes());
    let mut rows: Vec<GridRow<'a>> = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut next_line: u64 = 1;
    // Byte offset up to which line breaks are accounted for in `next_line`.
    let mut counted = 0usize;
    let mut cells_total = 0usize;
    loop {
        let start_line = reader.position().line();
        let more = reader.read_record(&mut record).map_err(|e| {
            let row = e
                .position()
                .map(|p| p.line())
                .unwrap_or(start_line)
                .try_into()
                .unwrap_or(u32::MAX);
            Error::invalid(
                Location {
                    file: file.to_string(),
                    row: Some(row),
                    ..Location::default()
                },
                Text::new(
                    format!("无法解析带引号的字段：{e}"),
                    format!("cannot parse a quoted field: {e}"),
                ),
                Text::new("请检查引号是否成对", "check that the quotes are balanced"),
            )
        })?;
        if !more {
            break;
        }
        // csv reports a record after skipped empty lines at the first of
        // those lines, and its line counter is unreliable across quoted line
        // breaks: count line breaks in the bytes ourselves.
        let bytes = text.as_bytes();
        let rec_byte = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let lead = bytes
            .get(rec_byte..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let start = rec_byte.saturating_add(lead);
        let line = next_line.max(1)
            + memchr::memchr_iter(b'\n', bytes.get(counted..start).unwrap_or(&[])).count() as u64;
        let mut after = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
        if after > 0 && bytes.get(after - 1) == Some(&b'\r') && bytes.get(after) == Some(&b'\n') {
            after += 1;
        }
        while next_line < line {
            rows.push(GridRow {
                number: u32::try_from(next_line).unwrap_or(u32::MAX),
                cells: Vec::new(),
            });
            next_line += 1;
        }
        let number = u32::try_from(line).unwrap_or(u32::MAX);
        cells_total += record.len().max(1);
        if cells_total > limits.max_cells {
            return Err(too_many_cells(file, number, limits));
        }
        let cells = record
            .iter()
            .map(|f| GridCell {
                text: Cow::Owned(f.to_string()),
                merged: false,
                bare_number: false,
            })
            .collect();
        rows.push(GridRow { number, cells });
        next_line = line
            + memchr::memchr_iter(b'\n', bytes.get(start..after).unwrap_or(&[])).count() as u64;
        if after >= bytes.len() {
            next_line = next_line.max(line + 1);
        }
        counted = after.min(bytes.len());
    }
    // Trailing empty lines (not the final line break itself).
    let total_lines = lines(text).count() as u64;
    while next_line <= total_lines {
        rows.push(GridRow {
            number: u32::try_from(next_line).unwrap_or(u32::MAX),
            cells: Vec::new(),
        });
        next_line += 1;
    }
    Ok(Grid {
        rows,
        ..Grid::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(g: &Grid<'_>) -> Vec<(u32, Vec<String>)> {
        g.rows
            .iter()
            .map(|r| {
                (
                    r.number,
                    r.cells.iter().map(|c| c.text.to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn lines_keep_empty_and_crlf() {
        let v: Vec<&str> = lines("\n\na\r\nb").collect();
        assert_eq!(v, ["", "", "a", "b"]);
        let v: Vec<&str> = lines("a\nb\n").collect();
        assert_eq!(v, ["a", "b"]);
        let v: Vec<&str> = lines("a\rb\r").collect();
        assert_eq!(v, ["a", "b"]);
        assert_eq!(lines("").count(), 0);
    }

    #[test]
    fn sniff_ignores_one_cell_lines() {
        let t = "单位：万元\n\na\tb\tc\n1\t2\t3\n";
        assert_eq!(sniff_delimiter(t, false), Some('\t'));
        let t = "标题\na,b,c\n1,2,3\n";
        assert_eq!(sniff_delimiter(t, false), Some(','));
        let t = "标题\na｜b｜c\n1｜2｜3\n";
        assert_eq!(sniff_delimiter(t, false), Some('｜'));
        assert_eq!(sniff_delimiter("一行\n两行\n", false), None);
    }

    #[test]
    fn quoted_fields_keep_line_numbers() {
        let t = "\n标题\n\"a,1\",b,c\n\"多\n行\",x,y\n\nz,\"q\"\"q\",w";
        let g = split("t.csv", t, Some(','), &Limits::default()).unwrap();
        assert_eq!(
            texts(&g),
            vec![
                (1, vec![]),
                (2, vec!["标题".to_string()]),
                (3, vec!["a,1".into(), "b".into(), "c".into()]),
                (4, vec!["多\n行".into(), "x".into(), "y".into()]),
                (6, vec![]),
                (7, vec!["z".into(), "q\"q".into(), "w".into()]),
            ]
        );
    }

    #[test]
    fn pipe_borders_and_padding_stripped() {
        let t = "| a | b | c |\n|  1 | 2 |  3 多 |";
        let g = split("t.txt", t, Some('|'), &Limits::default()).unwrap();
        assert_eq!(texts(&g)[0].1, vec!["a", "b", "c"]);
        assert_eq!(texts(&g)[1].1, vec!["1", "2", "3 多"]);
    }

    #[test]
    fn cell_limit() {
        let limits = Limits {
            max_cells: 5,
            ..Limits::default()
        };
        let err = split("t.txt", "a\tb\tc\nd\te\tf", Some('\t'), &limits).unwrap_err();
        assert!(matches!(err, Error::TooLarge { .. }));
    }
}
