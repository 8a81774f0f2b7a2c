//! Compiler-style diagnostics:
//!
//! ```text
//! warning[missing-satisfaction]: 项目「驻镇帮镇扶村项目资金」缺少满意度指标
//!  --> file.txt:13:7
//! ```
//! followed by the cell text with the offending span underlined (miette), under
//! `第13行 绩效指标:1:21`: the line in the cell and the character column of
//! the span (none when the finding concerns the whole cell, then underlined).
//! A JSON document's findings are placed in the original table it names
//! (` --> s.json (原表 t.txt:13:7)`, `原表第13行 绩效指标:1:21`).

use super::{Counts, FileReport, Lang, Shown};
use jixiao_core::review::{self, Messages, Severity};
use jixiao_formats::grid::{visible_message, visible_name};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use std::fmt;
use std::io::Write;

/// Findings one thread renders into one buffer.
const RENDER_CHUNK: usize = 512;

pub fn write(
    out: &mut impl Write,
    reports: &[FileReport],
    counts: &Counts,
    lang: Lang,
    color: bool,
) -> anyhow::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(100)
        // No wrapping of the help (nor of the rule's few words above the
        // snippet): miette's wrapping breaks Chinese text anywhere, in the
        // middle of a word or number (`产出数` / `量。`). A help line is one
        // line, as it is for a finding without a snippet (`= help: …`); the
        // terminal folds a long one. The snippet is not wrapped either way.
        .with_wrap_lines(false)
        .with_context_lines(1)
        // miette would count the column in bytes of the shown window: the
        // header names the place in the cell itself (`Snippet::position`).
        .without_primary_span_start();
    for r in reports {
        // A file name is the folder's, not ours: its control characters are
        // shown, not sent to the terminal. Once per file, not per finding.
        let path = visible_name(&r.path);
        if let Some(e) = &r.error {
            let text = visible_message(e.get(lang.core()), &r.path);
            writeln!(out, "error[unreadable]: {text}")?;
            writeln!(out, " --> {path}")?;
            writeln!(out)?;
            continue;
        }
        let messages = r.messages();
        super::render::in_order(
            &r.findings,
            RENDER_CHUNK,
            |chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for s in chunk {
                    write_one(&mut buf, &handler, r, &path, &messages, s, lang)?;
                }
                Ok::<_, anyhow::Error>(buf)
            },
            |buf| Ok(out.write_all(&buf)?),
        )?;
    }
    writeln!(out, "{}", summary(counts, lang))?;
    Ok(())
}

fn write_one(
    out: &mut impl Write,
    handler: &GraphicalReportHandler,
    r: &FileReport,
    // `r.path` as the terminal may show it.
    path: &str,
    messages: &Messages<'_>,
    s: &Shown,
    lang: Lang,
) -> anyhow::Result<()> {
    let f = &s.finding;
    let msg = messages.display(&f.message, lang.core());
    // Under the snippet: what the rule checks, in a few words, in the same
    // language (the full message is the headline above).
    let notice = || review::profile::notice_code(&f.rule);
    let title = match (review::rule(&f.rule), lang) {
        (Some(r), Lang::Zh) => r.message,
        (Some(r), Lang::En) => r.message_en,
        (None, Lang::Zh) => notice().map_or("读取提示", |n| n.zh),
        (None, Lang::En) => notice().map_or("reader note", |n| n.en),
    };
    let help = f.help(lang.core());
    writeln!(out, "{}[{}]: {msg}", f.severity.as_str(), f.rule)?;
    // A JSON document's coordinates are its original table's: name that file
    // (` --> s.json (原表 t.txt:12:7)`), never `s.json:12:7`.
    let mut place = match r.origin.as_deref() {
        None => path.to_string(),
        Some("") => match lang {
            Lang::Zh => "未注明".to_string(),
            Lang::En => "unnamed".to_string(),
        },
        Some(origin) => origin.to_string(),
    };
    // An HTML page's rows are rows of one <table>: name it when no sheet
    // name does (`p.html[表格2]:5:7`).
    let whole = super::about_the_file(&f.rule);
    match (
        r.sheet.as_ref().filter(|_| !whole),
        r.table_index.filter(|_| !whole),
        lang,
    ) {
        (Some(sheet), _, _) => place.push_str(&format!("[{sheet}]")),
        (None, Some(t), Lang::Zh) => place.push_str(&format!("[表格{t}]")),
        (None, Some(t), Lang::En) => place.push_str(&format!("[table {t}]")),
        (None, None, _) => {}
    }
    if let Some(row) = f.location.row {
        place.push_str(&format!(":{row}"));
        if let Some(col) = f.location.col {
            place.push_str(&format!(":{col}"));
        }
    }
    if r.origin.is_some() {
        place = match lang {
            Lang::Zh => format!("{path} (原表 {place})"),
            Lang::En => format!("{path} (source {place})"),
        };
    }
    writeln!(out, " --> {place}")?;
    match &s.snippet {
        Some(sn) => {
            // 第12行 绩效指标:1:21 — line in the cell and character column of
            // the span; no position when the cell as a whole is meant.
            let (zh, en) = match r.origin {
                Some(_) => ("原表", "source "),
                None => ("", ""),
            };
            let mut name = match (f.location.row, lang) {
                (Some(row), Lang::Zh) => format!("{zh}第{row}行 {}", sn.header),
                (Some(row), Lang::En) => format!("{en}row {row} {}", sn.header),
                _ => String::new(),
            };
            let name_len = name.trim_end().len();
            name.truncate(name_len);
            if let Some((line, col)) = sn.position {
                name.push_str(&format!(":{line}:{col}"));
            }
            let diag = CellDiag {
                text: title.to_string(),
                help: help.to_string(),
                severity: f.severity,
                src: CellSource {
                    name,
                    text: sn.text.clone(),
                    first_line: sn.first_line,
                },
                label: LabeledSpan::new(None, sn.start, sn.len),
            };
            let mut buf = String::new();
            if handler.render_report(&mut buf, &diag).is_ok() {
                write!(out, "{buf}")?;
            }
        }
        None => {
            writeln!(out, "  = help: {help}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// The summary line with counts by severity. A file that could not be read
/// is printed as `error[unreadable]`, so it is counted among the errors, and
/// said so, in the language asked for.
pub fn summary(c: &Counts, lang: Lang) -> String {
    let errors = c.error + c.unreadable;
    match lang {
        Lang::Zh => {
            let unreadable = if c.unreadable > 0 {
                format!("（其中 {} 个文件无法读取）", c.unreadable)
            } else {
                String::new()
            };
            let hidden = if c.hidden > 0 {
                format!("（另有 {} 条低于 --min-severity 的问题未显示）", c.hidden)
            } else {
                String::new()
            };
            let tables = if c.tables > c.files.saturating_sub(c.unreadable) {
                format!("（{} 张表）", c.tables)
            } else {
                String::new()
            };
            format!(
                "审核 {} 个文件{tables}：错误 {errors}{unreadable}，警告 {}，提示 {}{hidden}",
                c.files, c.warning, c.info
            )
        }
        Lang::En => {
            let unreadable = if c.unreadable > 0 {
                format!(" ({} unreadable)", c.unreadable)
            } else {
                String::new()
            };
            let n = |k: usize, one: &str| {
                if k == 1 {
                    format!("{k} {one}")
                } else {
                    format!("{k} {one}s")
                }
            };
            let hidden = if c.hidden > 0 {
                format!(
                    " ({} below --min-severity not shown)",
                    n(c.hidden, "finding")
                )
            } else {
                String::new()
            };
            let tables = if c.tables > c.files.saturating_sub(c.unreadable) {
                format!(" ({} tables)", c.tables)
            } else {
                String::new()
            };
            format!(
                "checked {}{tables}: {}{unreadable}, {}, {}{hidden}",
                n(c.files, "file"),
                n(errors, "error"),
                n(c.warning, "warning"),
                n(c.info, "info")
            )
        }
    }
}

/// One finding as a miette diagnostic over the cell text.
#[derive(Debug)]
struct CellDiag {
    text: String,
    help: String,
    severity: Severity,
    src: CellSource,
    label: LabeledSpan,
}

/// The shown cell text under its name (`第12行 绩效指标:1:21`), its lines
/// numbered as lines of the cell (a window may start on a later line).
#[derive(Debug)]
struct CellSource {
    name: String,
    text: String,
    first_line: usize,
}

impl miette::SourceCode for CellSource {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line.saturating_sub(1),
            inner.column(),
            inner.line_count(),
        )))
    }
}

impl fmt::Display for CellDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for CellDiag {}

impl Diagnostic for CellDiag {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}
