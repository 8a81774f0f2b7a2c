//! Writers: [`Table`] → canonical JSON, long CSV, XLSX in the official layout,
//! printable HTML, and the text (TSV) layout of the published sample.
//!
//! Every writer takes the same [`WriteOptions`]; [`write()`] dispatches on
//! [`OutputFormat`]. Text cells that a spreadsheet could mistake for a formula
//! are neutralised (公式注入防护) in CSV and XLSX, see [`neutralize_formula`].

pub mod csv_long;
pub mod html;
pub mod json;
pub mod tsv;
pub mod xlsx;

pub(crate) mod view;

use crate::error::{Error, Result};
use jixiao_core::Text;
use jixiao_core::{LayoutFamily, Table};
use std::borrow::Cow;
use std::path::Path;
use std::str::FromStr;

pub use json::{read_json, JSON_SCHEMA};
pub use view::{neutralize_formula, ONE_CELL_HEADERS};

/// An output format (输出格式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// Canonical JSON (`jixiao.table/1`).
    Json,
    /// Long CSV: one row per indicator.
    Csv,
    /// XLSX in the official layout.
    Xlsx,
    /// Standalone printable HTML page.
    Html,
    /// The tab-separated text layout of the published sample.
    Tsv,
}

impl OutputFormat {
    /// All formats, in documentation order.
    pub const ALL: [OutputFormat; 5] = [
        OutputFormat::Json,
        OutputFormat::Csv,
        OutputFormat::Xlsx,
        OutputFormat::Html,
        OutputFormat::Tsv,
    ];

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Html => "html",
            OutputFormat::Tsv => "tsv",
        }
    }

    /// Guess the format from a file name's extension (`.txt` counts as TSV).
    pub fn from_path(path: &Path) -> Option<OutputFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(|e| e.parse().ok())
    }
}

impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for OutputFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(OutputFormat::Json),
            "csv" => Ok(OutputFormat::Csv),
            "xlsx" => Ok(OutputFormat::Xlsx),
            "html" | "htm" => Ok(OutputFormat::Html),
            "tsv" | "txt" | "text" => Ok(OutputFormat::Tsv),
            other => Err(Error::Write(Text::new(
                format!("未知的输出格式「{other}」，可选 json、csv、xlsx、html、tsv"),
                format!("unknown output format “{other}”; use json, csv, xlsx, html or tsv"),
            ))),
        }
    }
}

/// Options shared by all writers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// Layout family for XLSX and HTML (`None` = the table's own family) and
    /// for TSV (`None` = the one-cell layout of the published sample). JSON is
    /// the full model, CSV is always one row per indicator; see
    /// [`layout_written`].
    pub layout: Option<LayoutFamily>,
    /// CSV: start with a UTF-8 byte-order mark so Excel opens the file as UTF-8 (default on).
    pub csv_bom: bool,
    /// CSV: English column names instead of Chinese ones (default off).
    pub english_headers: bool,
    /// JSON: pretty-printed with two-space indentation (default on).
    pub json_pretty: bool,
    /// XLSX, row-per-indicator layout: merge repeated project cells vertically only
    /// while the sheet has at most this many data rows. Beyond it values are
    /// repeated on every row, so memory stays bounded for very large tables.
    pub xlsx_merge_limit: usize,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            layout: None,
            csv_bom: true,
            english_headers: false,
            json_pretty: true,
            xlsx_merge_limit: 200_000,
        }
    }
}

impl WriteOptions {
    /// The layout family to render `table` in.
    pub fn layout_for(&self, table: &Table) -> LayoutFamily {
        self.layout.unwrap_or(table.layout)
    }
}

/// The layout family `format` writes `table` in with `opts`; `None` for JSON
/// and the long CSV, which have none.
pub fn layout_written(
    table: &Table,
    format: OutputFormat,
    opts: &WriteOptions,
) -> Option<LayoutFamily> {
    match format {
        OutputFormat::Xlsx | OutputFormat::Html => Some(opts.layout_for(table)),
        OutputFormat::Tsv => Some(opts.layout.unwrap_or(LayoutFamily::OneCell)),
        OutputFormat::Json | OutputFormat::Csv => None,
    }
}

/// What the one-cell layout has no place for: per kind, how many indicators
/// state it (in the row layouts each has a column of its own, which the
/// one-cell 绩效指标 text lacks). [`OneCellLosses::of`] counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OneCellLosses {
    /// 二级指标.
    pub subcategory: usize,
    /// 权重.
    pub weight: usize,
    /// 上年实际值.
    pub prior_actual: usize,
    /// 指标方向性.
    pub direction: usize,
}

impl OneCellLosses {
    /// Count what `table`'s indicators would lose in the one-cell layout.
    pub fn of(table: &Table) -> Self {
        let mut l = OneCellLosses::default();
        for (_, i) in table.indicators() {
            l.subcategory += usize::from(i.subcategory.as_deref().is_some_and(|s| !s.is_empty()));
            l.weight += usize::from(i.weight().is_some());
            l.prior_actual += usize::from(i.prior_actual().is_some());
            l.direction += usize::from(i.direction_stated().is_some());
        }
        l
    }

    /// Nothing is lost.
    pub fn is_empty(&self) -> bool {
        *self == OneCellLosses::default()
    }

    /// The kinds lost, each as (Chinese column name, English name, indicators).
    pub fn kinds(&self) -> Vec<(&'static str, &'static str, usize)> {
        [
            ("二级指标", "subcategory", self.subcategory),
            ("权重", "weight", self.weight),
            ("上年实际值", "prior-year actual", self.prior_actual),
            ("指标方向性", "direction", self.direction),
        ]
        .into_iter()
        .filter(|k| k.2 > 0)
        .collect()
    }
}

/// Write `table` in `format` to `out`.
///
/// XLSX is assembled in memory before it is copied to `out`; for very large
/// tables prefer [`xlsx::write_xlsx_file`], which streams rows to disk.
pub fn write(
    table: &Table,
    format: OutputFormat,
    opts: &WriteOptions,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    match format {
        OutputFormat::Json => json::write_json(table, opts, out),
        OutputFormat::Csv => csv_long::write_csv(table, opts, out),
        OutputFormat::Xlsx => xlsx::write_xlsx(table, opts, out),
        OutputFormat::Html => html::write_html(table, opts, out),
        OutputFormat::Tsv => tsv::write_tsv(table, opts, out),
    }
}

/// Write `table` to a file at `path`; XLSX goes straight to disk in constant-memory mode.
pub fn write_path(
    table: &Table,
    format: OutputFormat,
    opts: &WriteOptions,
    path: &Path,
) -> Result<()> {
    if format == OutputFormat::Xlsx {
        return xlsx::write_xlsx_file(table, opts, path);
    }
    let file = std::fs::File::create(path).map_err(|e| io_error(path.display().to_string(), e))?;
    let mut buf = std::io::BufWriter::new(file);
    write(table, format, opts, &mut buf)?;
    std::io::Write::flush(&mut buf).map_err(|e| io_error(path.display().to_string(), e))
}

pub(crate) fn io_error(what: impl Into<Cow<'static, str>>, e: std::io::Error) -> Error {
    let what = what.into();
    let why = crate::error::io_write_text(&e);
    Error::Write(Text::new(
        format!("{what}：{}", why.zh),
        format!("{what}: {}", why.en),
    ))
}
