//! The indicator-cell grammar (GUIDE §1.4, §2.3): parse the one-cell form
//! `N-产出指标：名称，年度指标值：5000人次。` into [`Indicator`]s and format them back.
//!
//! CONTRACT (used by readers and writers; implementation owned by the grammar work):
//! - [`parse_cell`] never panics, on any input.
//! - For a cell with no [`CellProblem`]s, `format_cell(&parse_cell(c, o).indicators) == c`.
//!
//! Parts: [`cell`] (item splitting, [`parse_cell`], [`format_cell`]),
//! [`value`] (年度指标值: [`parse_value`], [`parse_target_parts`]),
//! [`comparator`] (spellings of ≥ ≤ > < = and ranges), [`category`] (一级
//! normalisation), [`display`] (canonical `Display` of targets and indicators).
//!
//! [`Indicator`]: crate::model::Indicator

pub mod category;
pub mod cell;
pub mod comparator;
pub mod date;
pub mod display;
pub mod value;

use crate::model::{Indicator, Span, Target};

pub use category::{parent_of_second_level, parse_category};
pub use cell::{format_cell, parse_cell};
pub use comparator::{parse_comparator, parse_direction};
pub use date::{deadline_in_words, is_date_value};
pub use display::{
    format_cell_canonical, format_indicator_canonical, format_value_canonical, join_label,
};
pub use value::{normalize_unit, normalize_unit_cow, parse_target_parts, parse_value};

/// Something in a cell that did not fit the grammar. Nothing is dropped silently:
/// text that is not part of an item is reported here with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub span: Span,
    /// Stable code: `text-outside-item`, `whitespace-outside-item`, `no-items`,
    /// `value-marker-missing`, `marker-nonstandard`, `seq-nonstandard`
    /// (see [`cell`] for when each is given).
    pub code: &'static str,
    /// What is wrong, in Chinese.
    pub message: String,
    /// The same in English.
    pub message_en: String,
}

/// Result of parsing one 绩效指标 cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedCell {
    pub indicators: Vec<Indicator>,
    pub problems: Vec<CellProblem>,
}

/// A parsed 年度指标值: optional text label before the number, and the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedValue {
    pub label: Option<String>,
    pub target: Target,
}
