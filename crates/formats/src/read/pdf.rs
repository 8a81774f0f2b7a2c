//! PDF → text → grid (experimental).
//!
//! Text comes from a [`PdfText`] backend; the default runs poppler's
//! `pdftotext -layout` and degrades with a clear message when it is not
//! installed. The layout text is turned into a grid naively: one row per
//! line, cells split at runs of two or more spaces, page-number lines
//! (`第 2 页 共 5 页`, `- 2 -`) blanked, form feeds dropped. Column
//! positions and cells wrapped over several lines are NOT reconstructed, so
//! only simple PDFs (one line per row) are recognised; for others the error
//! says to use the XLSX/HTML edition.

use crate::error::{Error, Location, Result};
use crate::grid::{Grid, GridCell, GridRow};
use crate::read::delimited::lines;
use jixiao_core::Text;
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
    Grid { rows }
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
