//! Compiler-style diagnostics:
//!
//! ```text
//! warning[missing-satisfaction]: 项目「驻镇帮镇扶村项目资金」缺少满意度指标
//!  --> file.txt:13:7
//! ```
//! followed by the cell text with the offending span underlined (miette).

use super::{Counts, FileReport, Lang, Shown};
use jixiao_core::review::{Messages, Severity};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::fmt;
use std::io::Write;

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
        .with_context_lines(1);
    for r in reports {
        if let Some(e) = &r.error {
            writeln!(out, "error[unreadable]: {e}")?;
            writeln!(out, " --> {}", r.path)?;
            writeln!(out)?;
            continue;
        }
        let messages = r.messages();
        for s in &r.findings {
            write_one(out, &handler, r, &messages, s, lang)?;
        }
    }
    writeln!(out, "{}", summary(counts, lang))?;
    Ok(())
}

fn write_one(
    out: &mut impl Write,
    handler: &GraphicalReportHandler,
    r: &FileReport,
    messages: &Messages<'_>,
    s: &Shown,
    lang: Lang,
) -> anyhow::Result<()> {
    let f = &s.finding;
    let other_lang = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let msg = messages.display(&f.message, lang.core());
    let other = messages.render(&f.message, other_lang.core());
    let help = f.help(lang.core());
    writeln!(out, "{}[{}]: {msg}", f.severity.as_str(), f.rule)?;
    let mut place = r.path.clone();
    if let Some(sheet) = &r.sheet {
        place.push_str(&format!("[{sheet}]"));
    }
    if let Some(row) = f.location.row {
        place.push_str(&format!(":{row}"));
        if let Some(col) = f.location.col {
            place.push_str(&format!(":{col}"));
        }
    }
    writeln!(out, " --> {place}")?;
    match &s.snippet {
        Some(sn) => {
            let name = match (f.location.row, sn.header.is_empty()) {
                (Some(row), false) => format!("第{row}行 {}", sn.header),
                (Some(row), true) => format!("第{row}行"),
                _ => String::new(),
            };
            let diag = CellDiag {
                text: other,
                help: help.to_string(),
                severity: f.severity,
                src: NamedSource::new(name, sn.text.clone()),
                label: (sn.len > 0).then(|| LabeledSpan::new(None, sn.start, sn.len)),
            };
            let mut buf = String::new();
            if handler.render_report(&mut buf, &diag).is_ok() {
                write!(out, "{buf}")?;
            }
        }
        None => {
            writeln!(out, "  = {other}")?;
            writeln!(out, "  = help: {help}")?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// The summary line with counts by severity. A file that could not be read
/// is printed as `error[unreadable]`, so it is counted among the errors, and
/// said so, in both languages.
pub fn summary(c: &Counts, lang: Lang) -> String {
    let errors = c.error + c.unreadable;
    let (zh_unreadable, en_unreadable) = if c.unreadable > 0 {
        (
            format!("（其中 {} 个文件无法读取）", c.unreadable),
            format!(" ({} unreadable)", c.unreadable),
        )
    } else {
        (String::new(), String::new())
    };
    let en = format!(
        "checked {} files: {errors} errors{en_unreadable}, {} warnings, {} infos",
        c.files, c.warning, c.info
    );
    match lang {
        Lang::Zh => format!(
            "审核 {} 个文件：错误 {errors}{zh_unreadable}，警告 {}，提示 {} ({en})",
            c.files, c.warning, c.info
        ),
        Lang::En => en,
    }
}

/// One finding as a miette diagnostic over the cell text.
#[derive(Debug)]
struct CellDiag {
    text: String,
    help: String,
    severity: Severity,
    src: NamedSource<String>,
    label: Option<LabeledSpan>,
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
        let label = self
            .label
            .clone()
            .unwrap_or_else(|| LabeledSpan::new(None, 0, 0));
        Some(Box::new(std::iter::once(label)))
    }
}
