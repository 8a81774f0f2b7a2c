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

/// Layout text → grid with the cells of every line after the header placed
/// under the header's columns by character position, so that a blank cell
/// stays an empty column (see [`place`]). `header` is the index (a 0-based
/// line) of a one-line header found by [`layout_grid`] and `fields` its
/// columns' fields. Also:
///
/// - a line repeating the header (printed on every page) takes the header's
///   place: its positions become the columns from there on, and it is dropped;
///   so is a line repeating a title line above the header;
/// - page-number lines and blank lines are dropped;
/// - a line with no text in a short column (amounts, 指标性质, 度量单位, 权重,
///   指标方向性) is a wrapped continuation: each of its pieces is joined to
///   the cell above or below in the same column, whichever of the two table
///   rows around it has text there and the other not.
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
    let short: Vec<bool> = fields.iter().map(|f| is_short(*f)).collect();
    let any_short = short.iter().any(|x| *x);
    for (i, raw) in lines(text).enumerate() {
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
        if ps.is_empty() || is_page_marker(line) {
            continue;
        }
        let sig = squash(line);
        if sig == head_sig && ps.len() == cols.len() {
            // The header again (repeated on each page): new positions.
            cols = ps.iter().map(|p| (p.start, p.end)).collect();
            continue;
        }
        if titles.contains(&sig) {
            continue;
        }
        let cells = place(&ps, &cols).map_err(|m| match m {
            Misplaced::Between(t) => refuse(
                file,
                page,
                number,
                format!("「{t}」位于两列表头之间，无法确定属于哪一列"),
                format!("“{t}” lies between two header columns and cannot be placed in either"),
            ),
            Misplaced::Crowded(t) => refuse(
                file,
                page,
                number,
                format!("「{t}」不在任何一列表头之下，其最近的一列已有内容"),
                format!(
                    "“{t}” lies under no header column, and the nearest column already holds text"
                ),
            ),
        })?;
        let starts_row = !any_short || cells.iter().zip(&short).any(|(c, s)| *s && !c.is_empty());
        placed.push(Placed {
            line: number,
            page,
            cells,
            starts_row,
        });
    }
    // Join wrapped continuation lines to the row above or below.
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
        for c in 0..cols.len() {
            let frags: Vec<(u32, u32, String)> = placed[k..run_end]
                .iter()
                .filter(|p| !p.cells[c].is_empty())
                .map(|p| (p.page, p.line, p.cells[c].clone()))
                .collect();
            let Some((pg, ln, first)) = frags.first().cloned() else {
                continue;
            };
            let has = |a: Option<usize>| a.is_some_and(|a| !placed[a].cells[c].is_empty());
            let target = match (has(above), has(below)) {
                (true, false) => above.map(|a| (a, false)),
                (false, true) => below.map(|b| (b, true)),
                _ => None,
            };
            let Some((t, before)) = target else {
                return Err(refuse(
                    file,
                    pg,
                    ln,
                    format!("「{first}」像是上一行或下一行单元格的折行，但无法确定属于哪一行"),
                    format!(
                        "“{first}” looks like a wrapped part of a cell of the row above or \
                         below, but which one cannot be told"
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
    for p in placed.into_iter().filter(|p| p.starts_row) {
        rows.push(GridRow {
            number: p.line,
            cells: p
                .cells
                .into_iter()
                .map(|t| GridCell {
                    text: Cow::Owned(t),
                    merged: false,
                    bare_number: false,
                })
                .collect(),
        });
    }
    Ok(Grid {
        rows,
        ..Grid::default()
    })
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
