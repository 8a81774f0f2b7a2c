//! PDF → text → grid (experimental).
//!
//! Text comes from a [`PdfText`] backend; the default runs poppler's
//! `pdftotext -layout` and degrades with a clear message when it is not
//! installed. [`layout_grid`] turns the layout text into a grid naively (one
//! row per line, cells split at runs of two or more spaces), which is enough
//! to find the header; [`column_grid`] then places every later line's text
//! under the header's columns by character position (blank cells stay
//! empty), drops repeated headers, titles and page numbers, and joins wrapped
//! lines to their row. What cannot be placed with confidence is an error that
//! names the page and line and says to use the XLSX/HTML edition.

use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridCell, GridRow};
use crate::read::build::is_closing_label;
use crate::read::delimited::lines;
use jixiao_core::{Field, Text};
use std::borrow::Cow;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

/// Something that extracts the text layer of a PDF.
pub trait PdfText {
    /// The text of `pdf` (the content of `file`), pages separated by form feeds.
    fn pdf_to_text(&self, file: &str, pdf: &[u8]) -> Result<String>;
}

/// poppler's `pdftotext -layout -enc UTF-8` (Debian: poppler-utils + poppler-data).
#[derive(Debug, Clone)]
pub struct Pdftotext {
    /// The program to run (default `pdftotext` on `PATH`).
    pub program: PathBuf,
}

impl Default for Pdftotext {
    fn default() -> Self {
        Pdftotext {
            program: PathBuf::from("pdftotext"),
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl PdfText for Pdftotext {
    fn pdf_to_text(&self, file: &str, pdf: &[u8]) -> Result<String> {
        let tmp = std::env::temp_dir().join(format!(
            "jixiao-{}-{}.pdf",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&tmp, pdf).map_err(|source| Error::Io {
            location: Location::file(file),
            source,
        })?;
        let out = Command::new(&self.program)
            .arg("-layout")
            .arg("-enc")
            .arg("UTF-8")
            .arg("-q")
            .arg(&tmp)
            .arg("-")
            .output();
        let _ = std::fs::remove_file(&tmp);
        let out =
            match out {
                Ok(o) => o,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::invalid(
                    Location::file(file),
                    Text::new(
                        format!(
                            "读取 PDF 需要 pdftotext，但找不到 {}",
                            self.program.display()
                        ),
                        format!(
                        "reading PDF needs pdftotext (from poppler-utils), and {} was not found",
                        self.program.display()
                    ),
                    ),
                    Text::new(
                        "请安装 poppler-utils 和 poppler-data，或改用该表的 XLSX/HTML 版本",
                        "install poppler-utils and poppler-data, or use the XLSX or HTML edition \
                         of the table",
                    ),
                )),
                Err(source) => {
                    return Err(Error::Io {
                        location: Location::file(file),
                        source,
                    })
                }
            };
        if !out.status.success() {
            return Err(Error::invalid(
                Location::file(file),
                Text::new(
                    format!(
                        "PDF 无法转换为文本（pdftotext {}）：{}",
                        out.status,
                        String::from_utf8_lossy(&out.stderr).trim()
                    ),
                    format!(
                        "the PDF could not be converted to text (pdftotext {}): {}",
                        out.status,
                        String::from_utf8_lossy(&out.stderr).trim()
                    ),
                ),
                Text::new(
                    "文件可能已损坏或加密；请改用 XLSX/HTML 版本",
                    "the PDF may be damaged or encrypted: use the XLSX or HTML edition of the table",
                ),
            ));
        }
        let text = String::from_utf8(out.stdout).map_err(|_| {
            Error::invalid(
                Location::file(file),
                Text::new(
                    "pdftotext 输出不是 UTF-8",
                    "the output of pdftotext is not UTF-8",
                ),
                Text::new(
                    "请改用该表的 XLSX/HTML 版本",
                    "use the XLSX or HTML edition of the table",
                ),
            )
        })?;
        if text.chars().all(|c| c.is_whitespace() || c == '\u{c}') {
            return Err(Error::invalid(
                Location::file(file),
                Text::new(
                    "PDF 没有文字层，可能是扫描件",
                    "the PDF has no text layer: it is probably a scanned image",
                ),
                Text::new(
                    "扫描件需先做文字识别（OCR），或改用 XLSX/HTML 版本",
                    "run text recognition (OCR) on the scan first, or use the XLSX or HTML edition \
                     of the table",
                ),
            ));
        }
        Ok(text)
    }
}

/// True for a page-number line such as `第 2 页 共 5 页`, `- 2 -` or `2/5`.
fn is_page_marker(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "第共页-/—".contains(c))
}

/// True for a line of page furniture printed on the page rather than in the
/// table: a browser's footer (`http://… 1/1`), a print date (`2024/2/5 10:30`,
/// `2024年1月10日`) alone, or a `…监制` imprint. Such lines are dropped like
/// page numbers; kept, they would be glued into the last row's cells.
///
/// All of the line's text must be such furniture: a line that also holds
/// other text (a cell beside a URL) is table text.
fn is_page_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    is_furniture_piece(t)
        || pieces(line)
            .iter()
            .all(|p| is_furniture_piece(p.text) || is_page_marker(p.text))
}

/// One piece of page furniture (see [`is_page_furniture`]).
fn is_furniture_piece(t: &str) -> bool {
    let t = t.trim();
    let first = t.split_whitespace().next().unwrap_or("");
    let url = ["http://", "https://", "www.", "file://"]
        .iter()
        .any(|p| first.starts_with(p));
    let url = url && t.split_whitespace().skip(1).all(is_page_marker);
    url || t.ends_with("监制") || is_date_only(t)
}

/// True for a date (and time) alone: `2024/2/5 10:30`, `2024-02-05`, `2024年1月10日`.
fn is_date_only(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && t.chars().any(|c| "/-年".contains(c))
        && t.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "/-.:：年月日".contains(c))
}

/// True for a line that closes the table: its first run of text is a note
/// or a signature label (`注：…`, `填报人：…`, `制表人：王五`; see
/// `is_closing_label`).
fn closes_table(line: &str) -> bool {
    let first = line
        .split("  ")
        .map(str::trim)
        .find(|p| !p.is_empty())
        .unwrap_or("");
    is_closing_label(first)
}

/// Layout text → grid (see the module doc). Row numbers are text lines.
pub fn layout_grid(text: &str) -> Grid<'_> {
    let rows = lines(text)
        .enumerate()
        .map(|(i, line)| {
            let line = line.trim_start_matches('\u{c}');
            let cells = if is_page_marker(line) {
                Vec::new()
            } else {
                split_wide(line)
                    .map(|t| GridCell {
                        text: Cow::Borrowed(t),
                        merged: false,
                        bare_number: false,
                    })
                    .collect()
            };
            GridRow {
                number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                cells,
            }
        })
        .collect();
    Grid {
        rows,
        ..Grid::default()
    }
}

/// A piece of a layout line: text between runs of two or more spaces, with
/// its character offsets `[start, end)` in the line (pdftotext -layout puts
/// text at character columns, one column per character, CJK included).
#[derive(Debug, Clone)]
struct Piece<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut pos = 0usize; // char offset of `rest`
    let mut rest = line;
    loop {
        let lead = rest.len() - rest.trim_start_matches(' ').len();
        pos += lead; // spaces are one byte and one char
        rest = &rest[lead..];
        if rest.is_empty() {
            break;
        }
        let end = rest.find("  ").unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        let text = piece.trim_end();
        let n = text.chars().count();
        if !text.is_empty() {
            out.push(Piece {
                start: pos,
                end: pos + n,
                text,
            });
        }
        pos += piece.chars().count();
        rest = tail;
    }
    out
}

/// Why a line could not be placed under the header's columns.
#[derive(Debug)]
enum Misplaced {
    /// A piece lies under no header column and between two of them.
    Between(String),
    /// A piece lies beside a column that already holds another piece.
    Crowded(String),
    /// A piece runs from one column into the next, with no one place to split it.
    Crossing(String),
}

/// Place the pieces of a line under the header columns `cols` (character
/// ranges of the header cells): each piece goes to the column it overlaps
/// most (ties: the column starting nearest the piece); a piece overlapping
/// none goes to the nearest column only when that is clearly nearest and
/// still empty. Pieces under one column are joined with a space.
fn place(ps: &[Piece<'_>], cols: &[(usize, usize)]) -> std::result::Result<Vec<String>, Misplaced> {
    let mut cells = vec![String::new(); cols.len()];
    let mut nearest = Vec::new();
    for p in ps {
        let best = cols
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| {
                let ov = p.end.min(e).saturating_sub(p.start.max(s));
                (i, ov, s.abs_diff(p.start))
            })
            .filter(|&(_, ov, _)| ov > 0)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
        match best {
            Some((i, _, _)) => {
                let cell = &mut cells[i];
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(p.text);
            }
            None => nearest.push(p),
        }
    }
    for p in nearest {
        let mut d: Vec<(usize, usize)> = cols
            .iter()
            .enumerate()
            .map(|(i, &(s, e))| {
                let dist = if p.end <= s {
                    s - p.end
                } else {
                    p.start.saturating_sub(e)
                };
                (dist, i)
            })
            .collect();
        d.sort_unstable();
        // No column at all, or two about as near: not placed with confidence.
        let Some(&(d0, i)) = d.first() else {
            return Err(Misplaced::Between(p.text.to_string()));
        };
        if d.get(1).is_some_and(|&(d1, _)| d1 < d0 * 2 + 2) {
            return Err(Misplaced::Between(p.text.to_string()));
        }
        match cells.get_mut(i) {
            Some(cell) if cell.is_empty() => *cell = p.text.to_string(),
            _ => return Err(Misplaced::Crowded(p.text.to_string())),
        }
    }
    Ok(cells)
}

/// True for a column whose cells are short and never wrap: amounts,
/// 指标性质, 度量单位, 权重, 指标方向性. A line with text in one of them starts
/// a table row; a line without is a wrapped continuation of a neighbour.
fn is_short(f: Option<Field>) -> bool {
    f.is_some_and(|f| {
        f.is_funding_source()
            || matches!(
                f,
                Field::Total
                    | Field::Comparator
                    | Field::MeasureUnit
                    | Field::Weight
                    | Field::Direction
            )
    })
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Join a wrapped cell's lines: no separator between CJK text, a space
/// between two ASCII letters or digits.
fn join_wrapped(a: &str, b: &str) -> String {
    let glue = a.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
        && b.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if glue {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// One line of the text after the header, placed under the columns.
struct Placed {
    line: u32,
    page: u32,
    cells: Vec<String>,
    starts_row: bool,
    /// The last line with text on its page, where a page footer stands.
    footer: bool,
}

fn refuse(file: &str, page: u32, line: u32, zh: String, en: String) -> Error {
    Error::invalid(
        Location {
            row: Some(line),
            ..Location::file(file)
        },
        Text::new(
            format!("PDF 第{page}页（版式文本第{line}行）：{zh}"),
            format!("PDF page {page} (line {line} of the layout text): {en}"),
        ),
        Text::new(
            "无法可靠地还原该行的单元格，为免错读而停止；请改用该表的 XLSX/HTML 版本",
            "the cells of this line cannot be restored with confidence, and reading stopped \
             rather than guess: use the XLSX or HTML edition of the table",
        ),
    )
}

/// True when a header has the columns of a target table's indicators
/// (绩效指标 in one cell, or 一级指标/三级指标 one per row). A PDF header
/// without them is usually a table printed wider than the paper, its other
/// columns on later pages: read on, those pages would be glued into the last
/// project's name.
pub fn has_indicator_columns(fields: &[Option<Field>]) -> bool {
    fields.iter().any(|f| {
        matches!(
            f,
            Some(Field::IndicatorCell | Field::Category | Field::IndicatorName)
        )
    })
}

/// The first layout line of a header whose indicator column is wrapped over
/// the lines next to the one found (`绩效` on the line above, `指标` on the
/// line below, `（一级/三级）` under it): a header of several lines. `None`
/// when no line within two of row `at` holds a piece of an indicator header.
pub fn wrapped_indicator_header(grid: &Grid<'_>, at: usize) -> Option<u32> {
    // Pieces whole: a short title (`绩效指标表`) or project (`指标库建设`)
    // near a header that truly lacks the column is no piece of it.
    const PIECES: [&str; 11] = [
        "绩效指标",
        "指标",
        "绩效",
        "一级",
        "二级",
        "三级",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "一级/三级",
    ];
    let holds_piece = |r: &GridRow<'_>| {
        r.cells.iter().any(|c| {
            let t: String = c
                .text
                .split_whitespace()
                .collect::<String>()
                .replace(['（', '）', '(', ')'], "");
            PIECES.contains(&t.as_str())
        })
    };
    let near = at.saturating_sub(2)..=at.saturating_add(2);
    let rows: Vec<&GridRow<'_>> = near
        .filter(|&i| i != at)
        .filter_map(|i| grid.rows.get(i))
        .filter(|r| holds_piece(r))
        .collect();
    let first = rows.first()?.number;
    Some(first.min(grid.rows.get(at)?.number))
}

/// The refusal of a header found on layout line `line` without indicator
/// columns (see [`has_indicator_columns`]).
pub fn header_without_indicators(file: &str, line: usize) -> Error {
    Error::invalid(
        Location {
            row: u32::try_from(line).ok(),
            ..Location::file(file)
        },
        Text::new(
            format!(
                "PDF 版式文本第{line}行的表头没有绩效指标（或一级指标、三级指标）列；\
                 可能是打印时表格比纸宽，其余的列被打印到了其他页上"
            ),
            format!(
                "the header on line {line} of the PDF's layout text has no 绩效指标 (or \
                 一级指标, 三级指标) column: the sheet was probably printed wider than the \
                 paper, and its other columns went to other pages"
            ),
        ),
        Text::new(
            "请改用该表的 XLSX/HTML 版本，或将整表缩放到一页宽后重新导出 PDF",
            "use the XLSX or HTML edition of the table, or print it again fitted to one page wide",
        ),
    )
}

/// Layout text → grid with the cells of every line after the header placed
/// under the header's columns by character position, so that a blank cell
/// stays an empty column (see [`place`]). `header` is the index (a 0-based
/// line) of a one-line header found by [`layout_grid`] and `fields` its
/// columns' fields. Also:
///
/// - a line repeating the header (printed on every page) takes the header's
///   place: its positions become the columns from there on, and it is dropped;
///   so is a line repeating a title line above the header;
/// - page-number lines, page furniture (a browser's `http://… 1/1` footer, a
///   print date, a `…监制` imprint) and blank lines are dropped;
/// - a closing line (`注：…`, `填报人：…`, see [`closes_table`]) and the lines
///   after it on its page become one row with the text in its first cell,
///   which the table reader names in a `row-note`;
/// - a run of text crossing into the next header column is split at the one
///   space that sits at the boundary, or refused (see [`split_crossing`]);
/// - in the row layout, the lines of a merged project cell (unit, name, goal)
///   printed top-aligned on the project's later indicator rows are joined to
///   the project's first line (see [`join_merged_project_cells`]);
/// - a line with no text in a short column (amounts, 指标性质, 度量单位, 权重,
///   指标方向性) is a wrapped continuation: each of its pieces is joined to
///   the cell above or below in the same column, whichever of the two table
///   rows around it has text there and the other not; vertically centred
///   cells, where this cannot be told, are refused (see [`refuse_centred`]).
///
/// Anything that cannot be placed with confidence is an error naming the
/// page and line, never a shifted reading.
pub fn column_grid<'a>(
    text: &'a str,
    file: &str,
    header: usize,
    fields: &[Option<Field>],
) -> Result<Grid<'a>> {
    let mut rows = Vec::new();
    let mut page = 1u32;
    let mut cols: Vec<(usize, usize)> = Vec::new();
    let mut head_sig = String::new();
    let mut titles: Vec<String> = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    // Closing lines (line number, text), and the page they close.
    let mut notes: Vec<(u32, String)> = Vec::new();
    let mut closed_page: Option<u32> = None;
    let short: Vec<bool> = fields.iter().map(|f| is_short(*f)).collect();
    let any_short = short.iter().any(|x| *x);
    let all: Vec<&str> = lines(text).collect();
    let foot_markers = pages_ending_in_marker(&all, header);
    // Lines dropped as page furniture: (line, page, text).
    let mut dropped: Vec<(u32, u32, String)> = Vec::new();
    for (i, raw) in all.iter().enumerate() {
        let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let ff = raw.chars().take_while(|c| *c == '\u{c}').count();
        page += u32::try_from(ff).unwrap_or(0);
        let line = raw.trim_start_matches('\u{c}');
        if i < header {
            let t = line.trim();
            if !t.is_empty() && !is_page_marker(line) {
                titles.push(squash(t));
            }
            rows.push(GridRow {
                number,
                cells: if is_page_marker(line) {
                    Vec::new()
                } else {
                    split_wide(line).map(borrowed).collect()
                },
            });
            continue;
        }
        let ps = pieces(line);
        if i == header {
            cols = ps.iter().map(|p| (p.start, p.end)).collect();
            head_sig = squash(line);
            rows.push(GridRow {
                number,
                cells: ps.iter().map(|p| borrowed(p.text)).collect(),
            });
            continue;
        }
        if ps.is_empty() {
            continue;
        }
        let marker = is_page_marker(line);
        if marker || is_page_furniture(line) {
            match furniture(&Foot {
                all: &all,
                i,
                page,
                ps: &ps,
                cols: &cols,
                short: &short,
                above: placed.last(),
                marker,
                foot_markers,
            }) {
                Furniture::Drop => {
                    dropped.push((number, page, squash(line.trim())));
                    continue;
                }
                Furniture::Ambiguous => {
                    return Err(refuse(
                        file,
                        page,
                        number,
                        format!(
                            "「{}」像是页码或页脚，却紧接在上一行单元格文字的下方、同一列中，\
                             也可能是该单元格的最后一行；无法确定",
                            line.trim()
                        ),
                        format!(
                            "“{}” looks like a page number or footer, but it stands right under \
                             a cell's text in the same column and may be that cell's last line; \
                             which it is cannot be told",
                            line.trim()
                        ),
                    ));
                }
                Furniture::Cell => {}
            }
        }
        let sig = squash(line);
        if sig == head_sig && ps.len() == cols.len() {
            // The header again (repeated on each page): new positions.
            cols = ps.iter().map(|p| (p.start, p.end)).collect();
            closed_page = None;
            continue;
        }
        if titles.contains(&sig) {
            continue;
        }
        // A note or signature under the table: it and what follows it on
        // its page are not table text.
        let text_of = || ps.iter().map(|p| p.text).collect::<Vec<_>>().join("  ");
        if closes_table(line) {
            closed_page = Some(page);
            notes.push((number, text_of()));
            continue;
        }
        if closed_page == Some(page) {
            if let Some((_, note)) = notes.last_mut() {
                note.push_str("  ");
                note.push_str(&text_of());
            }
            continue;
        }
        let footer = is_last_on_page(&all, i);
        let ps =
            split_crossing(&ps, &cols).map_err(|m| misplaced(file, page, number, m, footer))?;
        let cells = place(&ps, &cols).map_err(|m| misplaced(file, page, number, m, footer))?;
        let starts_row = !any_short || cells.iter().zip(&short).any(|(c, s)| *s && !c.is_empty());
        placed.push(Placed {
            line: number,
            page,
            cells,
            starts_row,
            footer,
        });
    }
    if is_row_layout(fields) && !repeats_project_cells(&placed, fields) {
        join_merged_project_cells(&mut placed, file, fields, &short)?;
    }
    refuse_centred(&placed, file, &short)?;
    join_continuations(&mut placed, file, cols.len())?;
    let mut data: Vec<GridRow<'a>> = placed
        .into_iter()
        .filter(|p| p.starts_row)
        .map(|p| GridRow {
            number: p.line,
            cells: p.cells.into_iter().map(owned).collect(),
        })
        .collect();
    data.extend(notes.into_iter().map(|(line, t)| GridRow {
        number: line,
        cells: vec![owned(t)],
    }));
    data.sort_by_key(|r| r.number);
    rows.extend(data);
    let mut grid = Grid {
        rows,
        ..Grid::default()
    };
    grid.hidden.furniture = dropped;
    Ok(grid)
}

/// What a line of page furniture's text (see [`is_page_furniture`],
/// [`is_page_marker`]) is, by where it stands.
enum Furniture {
    /// Printed on the page, not in the table: dropped (and named in a note).
    Drop,
    /// Table text: placed like any other line.
    Cell,
    /// Either; refused.
    Ambiguous,
}

/// Where a furniture-like line stands (see [`furniture`]).
struct Foot<'x, 'a> {
    all: &'x [&'a str],
    /// The line's 0-based index in `all`.
    i: usize,
    page: u32,
    ps: &'x [Piece<'a>],
    cols: &'x [(usize, usize)],
    short: &'x [bool],
    /// The last table line before it.
    above: Option<&'x Placed>,
    /// The line is a page number.
    marker: bool,
    /// How many pages end in a page number (see [`pages_ending_in_marker`]).
    foot_markers: usize,
}

/// A line whose text is all page furniture is dropped only where no cell
/// explains it: at the top of a page (before its first table line) or
/// under the page's last table line. Between two table lines of a page it
/// is table text (a value `6`, a goal's `http://…` line), and so is a line
/// right under the last one that stands in a long column where that line
/// has text (a wrapped cell's last line); a page number there is refused,
/// unless every page ends in one (numbered pages).
fn furniture(f: &Foot<'_, '_>) -> Furniture {
    let above = f.above.filter(|a| a.page == f.page);
    let Some(above) = above else {
        return Furniture::Drop;
    };
    if table_text_follows(f.all, f.i) {
        return Furniture::Cell;
    }
    if f.marker && f.foot_markers >= 2 {
        return Furniture::Drop;
    }
    let adjacent = usize::try_from(above.line).is_ok_and(|l| l == f.i);
    let Ok(cells) = place(f.ps, f.cols) else {
        return Furniture::Drop;
    };
    let explained = adjacent
        && cells.iter().enumerate().all(|(c, t)| {
            t.is_empty() || (!f.short.get(c).copied().unwrap_or(true) && !above.cells[c].is_empty())
        });
    match (explained, f.marker) {
        (false, _) => Furniture::Drop,
        (true, false) => Furniture::Cell,
        (true, true) => Furniture::Ambiguous,
    }
}

/// True when a line of table text follows line `i` on its page: a line
/// with text that is neither page furniture nor a closing line (a note or
/// signature under the table).
fn table_text_follows(all: &[&str], i: usize) -> bool {
    for next in all.iter().skip(i + 1) {
        if next.starts_with('\u{c}') {
            return false;
        }
        let t = next.trim();
        if t.is_empty() || is_page_marker(next) || is_page_furniture(next) {
            continue;
        }
        return !closes_table(next);
    }
    false
}

/// How many pages after the header's end in a page-number line as their
/// last text: numbered pages, whose page numbers are furniture wherever
/// they stand.
fn pages_ending_in_marker(all: &[&str], header: usize) -> usize {
    let mut n = 0;
    let mut last: Option<&str> = None;
    for raw in all.iter().skip(header) {
        if raw.starts_with('\u{c}') {
            n += usize::from(last.is_some_and(is_page_marker));
            last = None;
        }
        let line = raw.trim_start_matches('\u{c}');
        if !line.trim().is_empty() {
            last = Some(line);
        }
    }
    n + usize::from(last.is_some_and(is_page_marker))
}

fn owned<'a>(t: String) -> GridCell<'a> {
    GridCell {
        text: Cow::Owned(t),
        merged: false,
        bare_number: false,
    }
}

/// True when line `i` is the last line with text before a page break or the
/// end of the text: where a page footer stands.
fn is_last_on_page(all: &[&str], i: usize) -> bool {
    for next in all.iter().skip(i + 1) {
        if next.starts_with('\u{c}') {
            return true;
        }
        if !next.trim().is_empty() {
            return false;
        }
    }
    true
}

/// The error for a line that could not be placed; on the last line of a
/// page it says the line may be the page's footer.
fn misplaced(file: &str, page: u32, line: u32, m: Misplaced, footer: bool) -> Error {
    let (zh, en) = match m {
        Misplaced::Between(t) => (
            format!("「{t}」位于两列表头之间，无法确定属于哪一列"),
            format!("“{t}” lies between two header columns and cannot be placed in either"),
        ),
        Misplaced::Crowded(t) => (
            format!("「{t}」不在任何一列表头之下，其最近的一列已有内容"),
            format!("“{t}” lies under no header column, and the nearest column already holds text"),
        ),
        Misplaced::Crossing(t) => (
            format!("「{t}」从一列延伸到下一列表头之下，无法确定两格的分界"),
            format!(
                "“{t}” runs from one column into the next one's header, and where one cell \
                 ends cannot be told"
            ),
        ),
    };
    if footer {
        return refuse(
            file,
            page,
            line,
            format!("{zh}；这是该页表格下方的最后一行，可能是页脚（页码、网址、日期等）"),
            format!(
                "{en}; it is the last line of the page under the table, probably the page's \
                 footer (page number, address, date)"
            ),
        );
    }
    refuse(file, page, line, zh, en)
}

/// True for the row layout: one indicator per row, under 一级指标/三级指标
/// columns, with the project's cells merged over its indicator rows.
fn is_row_layout(fields: &[Option<Field>]) -> bool {
    !fields.contains(&Some(Field::IndicatorCell))
        && fields
            .iter()
            .any(|f| matches!(f, Some(Field::Category | Field::IndicatorName)))
}

/// A column printed once per project in the row layout (a merged cell).
fn is_project_level(f: Option<Field>) -> bool {
    matches!(f, Some(Field::UnitName | Field::ProjectName | Field::Goal))
}

fn is_amount(f: Option<Field>) -> bool {
    f.is_some_and(|f| f == Field::Total || f.is_funding_source())
}

/// Row layout: a project's unit, name and goal are merged cells printed
/// once; aligned to the top, their wrapped lines stand on the project's
/// later indicator rows. Text in such a column on a line without amounts is
/// joined to the project's line (the last line with amounts) when it
/// continues that cell line by line from there; the same text again (a cell
/// repeated on every row) is left as it is. Text there that does not
/// continue the cell (a vertically centred merged cell, a project without
/// amounts after a gap) cannot be told apart and is refused.
fn join_merged_project_cells(
    placed: &mut [Placed],
    file: &str,
    fields: &[Option<Field>],
    short: &[bool],
) -> Result<()> {
    let amount_cols: Vec<usize> = (0..fields.len())
        .filter(|&c| is_amount(fields[c]))
        .collect();
    if amount_cols.is_empty() {
        return Ok(());
    }
    // The cells as printed: a line's check looks at the lines before it
    // before any of them was joined.
    let printed: Vec<Vec<String>> = placed.iter().map(|p| p.cells.clone()).collect();
    let mut anchor: Option<usize> = None;
    for k in 0..placed.len() {
        if has_amount_text(&placed[k], &amount_cols) {
            anchor = Some(k);
            continue;
        }
        let Some(a) = anchor else { continue };
        for c in (0..fields.len()).filter(|&c| is_project_level(fields[c])) {
            let t = printed[k][c].clone();
            if t.is_empty() || squash(&t) == squash(&printed[a][c]) {
                continue;
            }
            // The cell continues line by line from the project's line.
            let continues = printed[a..k].iter().all(|cells| !cells[c].is_empty());
            if !continues {
                let p = &placed[k];
                return Err(refuse(
                    file,
                    p.page,
                    p.line,
                    format!(
                        "「{t}」在没有金额的指标行上，像是合并单元格（单位、项目名称或目标）的一行，\
                         但无法确定属于哪个项目（单元格可能垂直居中）"
                    ),
                    format!(
                        "“{t}” stands on an indicator line without amounts, like a line of a \
                         merged cell (unit, project name or goal), but which project it belongs \
                         to cannot be told (the cells may be vertically centred)"
                    ),
                ));
            }
            placed[a].cells[c] = join_wrapped(&placed[a].cells[c], &t);
            placed[k].cells[c].clear();
        }
        if placed[k].starts_row
            && placed[k]
                .cells
                .iter()
                .zip(short)
                .all(|(t, s)| *s || t.is_empty())
        {
            give_short_cells_to_neighbour(placed, k, file, short)?;
        }
    }
    Ok(())
}

/// A line left with text only in short columns (a weight printed on the
/// last line of a wrapped name, beside no indicator) belongs to the row
/// above or below that has that column empty; when both or neither do, it
/// cannot be told and is refused.
fn give_short_cells_to_neighbour(
    placed: &mut [Placed],
    k: usize,
    file: &str,
    short: &[bool],
) -> Result<()> {
    let above = (0..k).rev().find(|&j| placed[j].starts_row);
    let below = (k + 1..placed.len()).find(|&j| placed[j].starts_row);
    let filled: Vec<usize> = (0..short.len())
        .filter(|&c| short[c] && !placed[k].cells[c].is_empty())
        .collect();
    for c in filled {
        let empty = |j: Option<usize>| j.is_some_and(|j| placed[j].cells[c].is_empty());
        let target = match (empty(above), empty(below)) {
            (true, false) => above,
            (false, true) => below,
            _ => None,
        };
        let t = std::mem::take(&mut placed[k].cells[c]);
        let Some(j) = target else {
            let p = &placed[k];
            return Err(refuse(
                file,
                p.page,
                p.line,
                format!("「{t}」单独在一行，无法确定属于上一行还是下一行的指标"),
                format!(
                    "“{t}” stands alone on its line, and whether it belongs to the indicator \
                     above or below cannot be told"
                ),
            ));
        };
        placed[j].cells[c] = t;
    }
    placed[k].starts_row = false;
    Ok(())
}

/// True when the project's cells are printed on every indicator row (not
/// merged): two lines with amounts name the same project. Lines between
/// them are then no merged cell's lines (see [`join_merged_project_cells`]).
fn repeats_project_cells(placed: &[Placed], fields: &[Option<Field>]) -> bool {
    let key = |p: &Placed| -> Option<String> {
        let amounts: String = (0..fields.len())
            .filter(|&c| is_amount(fields[c]))
            .map(|c| p.cells[c].as_str())
            .collect::<Vec<_>>()
            .join("|");
        let name = (0..fields.len())
            .find(|&c| fields[c] == Some(Field::ProjectName))
            .map_or("", |c| p.cells[c].as_str());
        (amounts.chars().any(|c| c.is_ascii_digit()) && !name.is_empty())
            .then(|| format!("{name}|{amounts}"))
    };
    let keys: Vec<String> = placed.iter().filter_map(key).collect();
    keys.windows(2).any(|w| w[0] == w[1])
}

fn has_amount_text(p: &Placed, amount_cols: &[usize]) -> bool {
    amount_cols.iter().any(|&c| !p.cells[c].is_empty())
}

/// Vertically centred cells: a cell of an even number of lines leaves the
/// row's own line (the one with the amount) blank in its column, with its
/// lines above and below it. pdftotext cannot tell which row such lines
/// belong to; joined to the neighbour with text, they would go to another
/// project. A row line blank in a long column with wrapped lines in that
/// column directly above and below it is refused.
fn refuse_centred(placed: &[Placed], file: &str, short: &[bool]) -> Result<()> {
    for k in 1..placed.len().saturating_sub(1) {
        let (prev, row, next) = (&placed[k - 1], &placed[k], &placed[k + 1]);
        if !row.starts_row || prev.starts_row || next.starts_row {
            continue;
        }
        let centred = (0..row.cells.len()).find(|&c| {
            !short[c]
                && row.cells[c].is_empty()
                && !prev.cells[c].is_empty()
                && !next.cells[c].is_empty()
        });
        if let Some(c) = centred {
            return Err(Error::invalid(
                Location {
                    row: Some(prev.line),
                    ..Location::file(file)
                },
                Text::new(
                    format!(
                        "PDF 第{}页（版式文本第{}–{}行）：单元格垂直居中，第{}行在该列为空，\
                         而其上下两行都有该列的文字「{}」「{}」；pdftotext 的文本无法判断这些行属于哪一行",
                        prev.page, prev.line, next.line, row.line, prev.cells[c], next.cells[c]
                    ),
                    format!(
                        "PDF page {} (lines {}–{} of the layout text): the cells are vertically \
                         centred: line {} is blank in a column whose text stands on the lines \
                         above and below it (“{}”, “{}”), and pdftotext's text cannot tell \
                         which row those lines belong to",
                        prev.page, prev.line, next.line, row.line, prev.cells[c], next.cells[c]
                    ),
                ),
                Text::new(
                    "为免错读而停止；请改用该表的 XLSX/HTML 版本",
                    "reading stopped rather than guess: use the XLSX or HTML edition of the table",
                ),
            ));
        }
    }
    Ok(())
}

/// Join wrapped continuation lines to the row above or below: in each
/// column, to the one of the two that has text there and the other not.
fn join_continuations(placed: &mut [Placed], file: &str, ncols: usize) -> Result<()> {
    let anchors: Vec<usize> = (0..placed.len())
        .filter(|&k| placed[k].starts_row)
        .collect();
    let mut k = 0;
    while k < placed.len() {
        if placed[k].starts_row {
            k += 1;
            continue;
        }
        let run_end = (k..placed.len())
            .find(|&j| placed[j].starts_row)
            .unwrap_or(placed.len());
        let above = anchors.iter().rev().find(|&&a| a < k).copied();
        let below = (run_end < placed.len()).then_some(run_end);
        for c in 0..ncols {
            let frags: Vec<(u32, u32, String)> = placed[k..run_end]
                .iter()
                .filter(|p| !p.cells[c].is_empty())
                .map(|p| (p.page, p.line, p.cells[c].clone()))
                .collect();
            let Some((pg, ln, first)) = frags.first().cloned() else {
                continue;
            };
            let footer =
                frags.len() == 1 && placed[k..run_end].iter().any(|p| p.line == ln && p.footer);
            let has = |a: Option<usize>| a.is_some_and(|a| !placed[a].cells[c].is_empty());
            let target = match (has(above), has(below)) {
                (true, false) => above.map(|a| (a, false)),
                (false, true) => below.map(|b| (b, true)),
                _ => None,
            };
            let Some((t, before)) = target else {
                let (zh, en) = if footer {
                    (
                        "；这是该页表格下方的最后一行，可能是页脚",
                        "; it is the last line of the page under the table, probably the page's footer",
                    )
                } else {
                    ("", "")
                };
                return Err(refuse(
                    file,
                    pg,
                    ln,
                    format!("「{first}」像是上一行或下一行单元格的折行，但无法确定属于哪一行{zh}"),
                    format!(
                        "“{first}” looks like a wrapped part of a cell of the row above or \
                         below, but which one cannot be told{en}"
                    ),
                ));
            };
            let mut joined = String::new();
            for (_, _, f) in &frags {
                joined = join_wrapped(&joined, f);
            }
            let cell = &mut placed[t].cells[c];
            *cell = if before {
                join_wrapped(&joined, cell)
            } else {
                join_wrapped(cell, &joined)
            };
        }
        k = run_end;
    }
    Ok(())
}

/// A run of text that starts under one header column and reaches into the
/// next one's header is two cells that pdftotext set one space apart (it
/// splits cells only at two spaces or more). Split it at the one space that
/// leaves each part under a single column; a run with no space stays whole
/// (a cell overflowing its column), one with spaces but no single such split
/// is refused.
fn split_crossing<'a>(
    ps: &[Piece<'a>],
    cols: &[(usize, usize)],
) -> std::result::Result<Vec<Piece<'a>>, Misplaced> {
    let mut out = Vec::new();
    for p in ps {
        let mut rest = p.clone();
        while spanned(&rest, cols).len() > 1 {
            let splits: Vec<(Piece<'a>, Piece<'a>)> = single_spaces(&rest)
                .into_iter()
                .filter_map(|b| split_at_space(&rest, b))
                .filter(|(l, r)| {
                    let (sl, sr) = (spanned(l, cols), spanned(r, cols));
                    sl.len() <= 1 && sr.first().is_some_and(|&j| sl.iter().all(|&i| i < j))
                })
                .collect();
            match splits.as_slice() {
                [] if !rest.text.contains(' ') => break,
                [(l, r)] => {
                    out.push(l.clone());
                    rest = r.clone();
                }
                _ => return Err(Misplaced::Crossing(rest.text.to_string())),
            }
        }
        out.push(rest);
    }
    Ok(out)
}

/// The header columns whose span `p` overlaps.
fn spanned(p: &Piece<'_>, cols: &[(usize, usize)]) -> Vec<usize> {
    cols.iter()
        .enumerate()
        .filter(|(_, &(s, e))| p.end.min(e) > p.start.max(s))
        .map(|(i, _)| i)
        .collect()
}

/// Byte offsets of the single spaces inside a piece's text.
fn single_spaces(p: &Piece<'_>) -> Vec<usize> {
    p.text
        .char_indices()
        .filter(|&(i, c)| {
            c == ' ' && i > 0 && !p.text[..i].ends_with(' ') && !p.text[i + 1..].starts_with(' ')
        })
        .map(|(i, _)| i)
        .collect()
}

/// `p` split at the space at byte offset `b` of its text.
fn split_at_space<'a>(p: &Piece<'a>, b: usize) -> Option<(Piece<'a>, Piece<'a>)> {
    let left = p.text.get(..b)?;
    let right = p.text.get(b + 1..)?;
    let n = left.chars().count();
    Some((
        Piece {
            start: p.start,
            end: p.start + n,
            text: left,
        },
        Piece {
            start: p.start + n + 1,
            end: p.end,
            text: right,
        },
    ))
}

fn borrowed(t: &str) -> GridCell<'_> {
    GridCell {
        text: Cow::Borrowed(t),
        merged: false,
        bare_number: false,
    }
}

/// Pieces of `line` separated by two or more spaces, trimmed, empty ones dropped.
fn split_wide(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || loop {
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.is_empty() {
            return None;
        }
        let end = trimmed.find("  ").unwrap_or(trimmed.len());
        let (piece, tail) = trimmed.split_at(end);
        rest = tail;
        let piece = piece.trim();
        if !piece.is_empty() {
            return Some(piece);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A closing label is matched whole: a project named 制表打印耗材购置
    /// or 审核人员业务培训经费 closes nothing (/tmp/ur14 defect 1).
    #[test]
    fn closing_lines_are_labels_not_name_prefixes() {
        for line in [
            "制表人：王五",
            "制表：王五  审核人：李四",
            "注：1.本表金额单位为万元",
            "填报人：张三",
        ] {
            assert!(closes_table(line), "{line}");
        }
        for line in [
            "制表打印耗材购置      80.00",
            "审核人员业务培训经费   80.00",
            "联系电话费补助  10.00",
        ] {
            assert!(!closes_table(line), "{line}");
        }
    }

    #[test]
    fn layout_text_to_grid() {
        let text = "标题\n\n合计      552.50  552.50\n\u{c}  第 2 页 共 5 页\n 其他 资金   x";
        let g = layout_grid(text);
        let t: Vec<Vec<&str>> = g
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_ref()).collect())
            .collect();
        assert_eq!(
            t,
            vec![
                vec!["标题"],
                vec![],
                vec!["合计", "552.50", "552.50"],
                vec![],
                vec!["其他 资金", "x"],
            ]
        );
    }

    #[test]
    fn missing_program_is_a_clear_error() {
        let p = Pdftotext {
            program: PathBuf::from("/nonexistent/pdftotext"),
        };
        let err = p.pdf_to_text("a.pdf", b"%PDF-1.4").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("a.pdf") && msg.contains("poppler-utils"),
            "{msg}"
        );
    }
}
