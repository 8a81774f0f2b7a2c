//! The indicator-cell grammar (GUIDE §1.4, §2.3): parse the one-cell form
//! `N-产出指标：名称，年度指标值：5000人次。` into [`Indicator`]s and format them back.
//!
//! CONTRACT (used by readers and writers; implementation owned by the grammar work):
//! - [`parse_cell`] never panics, on any input.
//! - For a cell with no [`CellProblem`]s, `format_cell(&parse_cell(c, o).indicators) == c`.

use crate::model::{Category, Indicator, Origin, Span, Target};
use rust_decimal::Decimal;

/// Something in a cell that did not fit the grammar. Nothing is dropped silently:
/// text that is not part of an item is reported here with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub span: Span,
    /// Stable code: `text-outside-item`, `no-items`, `value-marker-missing` …
    pub code: &'static str,
    pub message: String,
}

/// Result of parsing one 绩效指标 cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedCell {
    pub indicators: Vec<Indicator>,
    pub problems: Vec<CellProblem>,
}

/// Parse a one-cell 绩效指标 text. Every indicator gets `origin` and its byte span.
pub fn parse_cell(cell: &str, origin: Origin) -> ParsedCell {
    let _ = (cell, origin);
    ParsedCell::default()
}

/// Format indicators back into the one-cell form, using each item's raw text
/// (seq, 一级 as written, name, raw value, terminator).
pub fn format_cell(items: &[Indicator]) -> String {
    let _ = items;
    String::new()
}

/// A parsed 年度指标值: optional text label before the number, and the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedValue {
    pub label: Option<String>,
    pub target: Target,
}

/// Parse a 年度指标值 on its own (`≥95%`, `发布新媒体推送100篇`, `效果明显`, `不低于90%` …).
pub fn parse_value(raw: &str) -> ParsedValue {
    ParsedValue {
        label: None,
        target: Target::Qualitative {
            text: raw.to_string(),
        },
    }
}

/// Parse a target given in separate columns (row layouts): 指标性质 (`≥`, `定性` …),
/// 指标值, 度量单位.
pub fn parse_target_parts(op: Option<&str>, value: &str, unit: Option<&str>) -> ParsedValue {
    let _ = (op, unit);
    parse_value(value)
}

/// Normalise a 一级 label (§2.2): strips spaces, weight labels `(50分)`, trailing `：`.
/// Returns the category and a weight found in the label.
pub fn parse_category(raw: &str) -> (Category, Option<Decimal>) {
    let _ = raw;
    (Category::Unknown, None)
}
