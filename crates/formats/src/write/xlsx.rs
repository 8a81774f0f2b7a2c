//! XLSX in the official layout (rust_xlsxwriter, constant-memory mode).
//!
//! Rows: the title merged across the table width, `部门名称：…`, `单位：万元`
//! (right-aligned), the header (bold, borders, wrap), then the data with borders
//! and wrap. Amounts are NUMBERS with the number format `0.00` (or the decimal's
//! own precision when it has more places, e.g. `0.000000`).
//!
//! Of the four amount columns, those a table has no use for (no row fills them
//! and the source had none: `view::AmountColumns`) are left out in both families.
//!
//! - One-cell family: the sample's 7 columns; 合计 and unit rows bold.
//! - Row-per-indicator family: 14 columns (with 指标方向性 and 上年实际值 after 权重
//!   when some indicator states them), one row per indicator; the unit, project,
//!   amount and goal cells are merged down the project's rows, 一级/二级 where
//!   consecutive rows repeat (up to [`WriteOptions::xlsx_merge_limit`] data rows;
//!   beyond it values are repeated instead, to keep memory bounded).
//!
//! Column widths are computed from the text (CJK = 2 cells) and capped; long
//! columns wrap. A4 landscape, fit to one page wide, header row repeated on every
//! printed page, panes frozen under the header. Every text cell is written as a
//! string (never a formula) and neutralised against formula injection.
//! Worksheets use rust_xlsxwriter's constant-memory mode: rows are flushed to a
//! temporary file as they are written, so memory stays flat for 100 000 projects.

use super::view::{
    amount_text, department_line, display_width, for_each_one_cell_row, for_each_row_layout_row,
    money_line, neutralize_formula, one_cell_headers, row_layout_rows, title, unit_cell,
    unit_row_amounts, value_number, AmountColumns, IndicatorCells, ProjectRow, RowColumns, RowKind,
    RowLayoutRow, VALUE_CELL, WEIGHT_CELL,
};
use super::{io_error, WriteOptions};
use crate::error::{Error, Result};
use jixiao_core::Text;
use jixiao_core::{AmountRow, Funding, LayoutFamily, Table, Unit};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// Sheet name used for the table.
pub const SHEET_NAME: &str = "绩效目标表";

const FONT: &str = "宋体";
/// Points per wrapped text line (10.5 pt font).
const LINE_HEIGHT: f64 = 13.5;

fn xerr(e: XlsxError) -> Error {
    Error::Write(Text::new(
        format!("XLSX 写出失败：{e}"),
        format!("writing the XLSX failed: {e}"),
    ))
}

/// Write the workbook to `out` (assembled in memory, then copied).
pub fn write_xlsx(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    let mut wb = Workbook::new();
    build(&mut wb, table, opts)?;
    let buf = wb.save_to_buffer().map_err(xerr)?;
    out.write_all(&buf).map_err(|e| io_error("XLSX", e))
}

/// Write the workbook straight to a file; rows stream through a temporary file
/// (constant memory), suitable for very large tables.
pub fn write_xlsx_file(table: &Table, opts: &WriteOptions, path: &Path) -> Result<()> {
    let mut wb = Workbook::new();
    build(&mut wb, table, opts)?;
    wb.save(path).map_err(|e| match e {
        XlsxError::IoError(io) => io_error(path.display().to_string(), io),
        other => xerr(other),
    })
}

/// Formats used by the sheet.
struct Formats {
    title: Format,
    meta_left: Format,
    meta_right: Format,
    header: Format,
    text: Format,
    text_bold: Format,
    /// `text` and `text_bold` with Excel's quote prefix: a text that would
    /// read as a formula (`=`, `+`, `-`, `@`) stays text, also when the cell
    /// is edited, and shows as written (no apostrophe in the printed table).
    text_quoted: Format,
    text_bold_quoted: Format,
    /// Amount formats by (decimal places, bold).
    amounts: HashMap<(u32, bool), Format>,
    /// Plain-number formats (the text cell with `0.00…`) by decimal places.
    plains: HashMap<u32, Format>,
}

impl Formats {
    /// A plain number's format: the text cell, with its decimals shown.
    fn plain(&mut self, places: u32) -> &Format {
        if places == 0 {
            return &self.text;
        }
        let text = &self.text;
        self.plains.entry(places).or_insert_with(|| {
            let pattern = format!("0.{}", "0".repeat(places as usize));
            text.clone().set_num_format(pattern)
        })
    }

    fn new() -> Self {
        let base = Format::new().set_font_name(FONT).set_font_size(10.5);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            meta_left: base.clone().set_align(FormatAlign::Left),
            meta_right: base.clone().set_align(FormatAlign::Right),
            header: cell.clone().set_bold().set_align(FormatAlign::Center),
            text: cell.clone(),
            text_quoted: cell.clone().set_quote_prefix(),
            text_bold_quoted: cell.clone().set_bold().set_quote_prefix(),
            text_bold: cell.set_bold(),
            amounts: HashMap::new(),
            plains: HashMap::new(),
        }
    }

    /// The format of a text cell: quote-prefixed when the text would
    /// otherwise be taken for a formula ([`neutralize_formula`] would mark it).
    fn text_format(&self, text: &str, bold: bool) -> &Format {
        let formula_like = matches!(neutralize_formula(text), Cow::Owned(_));
        match (bold, formula_like) {
            (false, false) => &self.text,
            (true, false) => &self.text_bold,
            (false, true) => &self.text_quoted,
            (true, true) => &self.text_bold_quoted,
        }
    }

    fn amount(&mut self, places: u32, bold: bool) -> &Format {
        let places = places.max(2);
        self.amounts.entry((places, bold)).or_insert_with(|| {
            let pattern = format!("0.{}", "0".repeat(places as usize));
            let f = Format::new()
                .set_font_name(FONT)
                .set_font_size(10.5)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::VerticalCenter)
                .set_num_format(pattern);
            if bold {
                f.set_bold()
            } else {
                f
            }
        })
    }
}

/// A worksheet writer that keeps rows in order (constant-memory mode).
struct Sheet<'w> {
    ws: &'w mut Worksheet,
    fmt: Formats,
}

impl Sheet<'_> {
    fn text(&mut self, row: u32, col: u16, text: &str, bold: bool) -> Result<()> {
        let f = self.fmt.text_format(text, bold);
        if text.is_empty() {
            self.ws.write_blank(row, col, f).map_err(xerr)?;
        } else {
            self.ws
                .write_string_with_format(row, col, text, f)
                .map_err(xerr)?;
        }
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, v: Option<Decimal>, bold: bool) -> Result<()> {
        match v {
            None => self.text(row, col, "", bold),
            Some(d) => match d.to_f64() {
                Some(x) => {
                    let f = self.fmt.amount(d.scale(), bold);
                    self.ws
                        .write_number_with_format(row, col, x, f)
                        .map_err(xerr)?;
                    Ok(())
                }
                None => self.text(row, col, &d.to_string(), bold),
            },
        }
    }

    /// Set the row height for `n` wrapped lines (LibreOffice does not re-fit
    /// row heights on load, and Excel does not fit merged cells).
    fn row_lines(&mut self, row: u32, n: usize) -> Result<()> {
        if n > 1 {
            let height = (n as f64 * LINE_HEIGHT + 4.0).min(409.0);
            self.ws.set_row_height(row, height).map_err(xerr)?;
        }
        Ok(())
    }

    /// A plain number in General format (indicator values, weights).
    fn plain_number(&mut self, row: u32, col: u16, d: Decimal) -> Result<()> {
        match d.to_f64() {
            Some(x) => {
                let f = self.fmt.plain(d.scale());
                self.ws
                    .write_number_with_format(row, col, x, f)
                    .map_err(xerr)?;
                Ok(())
            }
            None => self.text(row, col, &d.to_string(), false),
        }
    }

    /// The amounts of `f` in the columns written, from `first_col` on.
    fn amounts(
        &mut self,
        row: u32,
        first_col: u16,
        columns: AmountColumns,
        f: &Funding,
        bold: bool,
    ) -> Result<()> {
        for (i, v) in columns.values(f).enumerate() {
            self.number(row, first_col + i as u16, v, bold)?;
        }
        Ok(())
    }

    /// Merge `rows` rows down from `row` in `col` with a text value.
    fn merged_text(
        &mut self,
        row: u32,
        col: u16,
        rows: usize,
        text: &str,
        bold: bool,
    ) -> Result<()> {
        if rows <= 1 {
            return self.text(row, col, text, bold);
        }
        let last = row + u32::try_from(rows - 1).map_err(|_| too_many())?;
        let f = self.fmt.text_format(text, bold);
        self.ws
            .merge_range(row, col, last, col, text, f)
            .map_err(xerr)?;
        Ok(())
    }

    /// Merge `rows` rows down from `row` in `col` with an amount.
    fn merged_number(&mut self, row: u32, col: u16, rows: usize, v: Option<Decimal>) -> Result<()> {
        if rows > 1 {
            let last = row + u32::try_from(rows - 1).map_err(|_| too_many())?;
            let f = match v {
                Some(d) => self.fmt.amount(d.scale(), false),
                None => &self.fmt.text,
            };
            self.ws
                .merge_range(row, col, last, col, "", f)
                .map_err(xerr)?;
        }
        self.number(row, col, v, false)
    }
}

fn too_many() -> Error {
    Error::Write(Text::new(
        "表格行数超出 XLSX 上限",
        "the table has more rows than an XLSX sheet holds",
    ))
}

/// Column width in Excel units for texts of the given display widths.
fn width(max_display: usize, min: usize, cap: usize) -> f64 {
    (max_display.clamp(min, cap) + 2) as f64
}

/// Estimated wrapped lines of `text` in a column `col_width` wide.
fn lines(text: &str, col_width: f64) -> usize {
    let usable = (col_width - 1.0).max(1.0);
    text.split('\n')
        .map(|l| ((display_width(l) as f64) / usable).ceil().max(1.0) as usize)
        .sum::<usize>()
        .max(1)
}

fn build(wb: &mut Workbook, table: &Table, opts: &WriteOptions) -> Result<()> {
    let ws = wb.add_worksheet_with_constant_memory().map_err(xerr)?;
    ws.set_name(SHEET_NAME).map_err(xerr)?;
    let layout = opts.layout_for(table);
    let amounts = AmountColumns::of(table);
    let row_columns = match layout {
        LayoutFamily::OneCell => None,
        LayoutFamily::RowPerIndicator => Some(RowColumns::of(table)),
    };
    let headers: Vec<String> = match &row_columns {
        None => one_cell_headers(table, amounts)
            .iter()
            .map(|h| h.to_string())
            .collect(),
        Some(columns) => columns.headers(),
    };
    let ncols = u16::try_from(headers.len()).unwrap_or(u16::MAX);
    let mut sheet = Sheet {
        ws,
        fmt: Formats::new(),
    };
    let widths = match &row_columns {
        None => one_cell_widths(table, amounts, &headers),
        Some(columns) => row_widths(table, columns, &headers),
    };
    for (i, w) in widths.iter().enumerate() {
        sheet.ws.set_column_width(i as u16, *w).map_err(xerr)?;
    }
    // Preamble: title, department, money scale.
    let last_col = ncols - 1;
    let t = neutralize_formula(&title(table)).into_owned();
    sheet
        .ws
        .merge_range(0, 0, 0, last_col, &t, &sheet.fmt.title)
        .map_err(xerr)?;
    sheet.ws.set_row_height(0, 30).map_err(xerr)?;
    let mut row: u32 = 1;
    if let Some(d) = department_line(table) {
        let d = neutralize_formula(&d).into_owned();
        sheet
            .ws
            .merge_range(row, 0, row, last_col, &d, &sheet.fmt.meta_left)
            .map_err(xerr)?;
        row += 1;
    }
    sheet
        .ws
        .merge_range(row, 0, row, last_col, money_line(), &sheet.fmt.meta_right)
        .map_err(xerr)?;
    row += 1;
    let header_row = row;
    for (i, h) in headers.iter().enumerate() {
        sheet
            .ws
            .write_string_with_format(
                header_row,
                i as u16,
                neutralize_formula(h),
                &sheet.fmt.header,
            )
            .map_err(xerr)?;
    }
    row += 1;
    match &row_columns {
        None => write_one_cell(&mut sheet, table, amounts, row, &widths)?,
        Some(columns) => write_row_family(&mut sheet, table, columns, row, &widths, opts)?,
    }
    sheet
        .ws
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true);
    sheet
        .ws
        .set_repeat_rows(header_row, header_row)
        .map_err(xerr)?;
    sheet.ws.set_freeze_panes(header_row + 1, 0).map_err(xerr)?;
    Ok(())
}

/// Widths of the one-cell columns: name, the amounts written, goal, indicators.
fn one_cell_widths(table: &Table, amounts: AmountColumns, headers: &[String]) -> Vec<f64> {
    let mut max: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
    let _ = for_each_one_cell_row::<std::convert::Infallible>(table, |r| {
        let cols = std::iter::once(display_width(&r.name))
            .chain(amounts.values(&r.funding).map(|v| amount_text(v).len()))
            .chain([display_width(r.goal), display_width(&r.indicators)]);
        for (m, c) in max.iter_mut().zip(cols) {
            *m = (*m).max(c);
        }
        Ok(())
    });
    // (cap, min) by column: name, each amount, goal, indicators.
    let limits = std::iter::once((30, 10))
        .chain(std::iter::repeat_n((12, 8), amounts.count()))
        .chain([(40, 10), (50, 10)]);
    max.iter()
        .zip(limits)
        .map(|(m, (cap, min))| width(*m, min, cap))
        .collect()
}

fn write_one_cell(
    sheet: &mut Sheet<'_>,
    table: &Table,
    amounts: AmountColumns,
    first_row: u32,
    widths: &[f64],
) -> Result<()> {
    let w = |i: usize| widths.get(i).copied().unwrap_or(10.0);
    // 绩效目标 and 绩效指标 follow the name and the amounts.
    let goal = 1 + amounts.count();
    let cell = goal + 1;
    let mut row = first_row;
    for_each_one_cell_row(table, |r| {
        let bold = r.kind != RowKind::Project;
        sheet.text(row, 0, &r.name, bold)?;
        sheet.amounts(row, 1, amounts, &r.funding, bold)?;
        sheet.text(row, goal as u16, r.goal, bold)?;
        sheet.text(row, cell as u16, &r.indicators, bold)?;
        let n = lines(&r.name, w(0))
            .max(lines(r.goal, w(goal)))
            .max(lines(&r.indicators, w(cell)));
        sheet.row_lines(row, n)?;
        row = row.checked_add(1).ok_or_else(too_many)?;
        Ok(())
    })
}

fn row_widths(table: &Table, columns: &RowColumns, headers: &[String]) -> Vec<f64> {
    let mut max: Vec<usize> = headers.iter().map(|h| display_width(h)).collect();
    let amounts = columns.amounts;
    let (goal, first_indicator) = (columns.goal_col(), columns.project_cols());
    let mut bump = |i: usize, w: usize| {
        if let Some(m) = max.get_mut(i) {
            *m = (*m).max(w);
        }
    };
    // A merged cell is measured once, on the row it starts on. The 合计 row's
    // amounts are the largest: a number wider than its column shows as ####.
    let _ = for_each_row_layout_row::<std::convert::Infallible>(table, columns, |r| {
        match r {
            RowLayoutRow::Total(total) => {
                for (i, v) in amounts.values(&total.funding).enumerate() {
                    bump(2 + i, amount_text(v).len());
                }
            }
            RowLayoutRow::Unit(unit) => {
                bump(0, display_width(&unit_cell(unit)));
                for (i, v) in unit_row_amounts(unit)
                    .into_iter()
                    .flat_map(|f| amounts.values(f))
                    .enumerate()
                {
                    bump(2 + i, amount_text(v).len());
                }
            }
            RowLayoutRow::Project(pr) => {
                if pr.unit_span > 0 {
                    bump(0, display_width(&unit_cell(pr.unit)));
                }
                if pr.project_span > 0 {
                    let p = pr.project;
                    bump(1, display_width(&p.name));
                    for (i, v) in amounts.values(&p.funding).enumerate() {
                        bump(2 + i, amount_text(v).len());
                    }
                    bump(goal, display_width(p.goal.as_deref().unwrap_or("")));
                }
                if let Some(ind) = &pr.indicator {
                    for c in ind.cells() {
                        bump(first_indicator + c.pos, display_width(c.text));
                    }
                }
            }
        }
        Ok(())
    });
    // (cap, min) by column: unit, project, each amount, goal, 一级 … 权重,
    // then 指标方向性 and 上年实际值 when written.
    let limits = [(20, 8), (24, 10)]
        .into_iter()
        .chain(std::iter::repeat_n((12, 8), amounts.count()))
        .chain([
            (36, 10),
            (10, 6),
            (14, 6),
            (26, 10),
            (8, 6),
            (14, 6),
            (8, 6),
            (6, 6),
        ])
        .chain(columns.direction.then_some((10, 6)))
        .chain(columns.prior.as_ref().map(|_| (14, 6)));
    max.iter()
        .zip(limits)
        .map(|(m, (cap, min))| width(*m, min, cap))
        .collect()
}

fn write_row_family(
    sheet: &mut Sheet<'_>,
    table: &Table,
    columns: &RowColumns,
    first_row: u32,
    widths: &[f64],
    opts: &WriteOptions,
) -> Result<()> {
    // The data rows as written, 合计 and 单位 rows included.
    let total_rows = row_layout_rows(table);
    let mut writer = RowFamily {
        sheet,
        widths,
        columns,
        ncols: u16::try_from(columns.len()).unwrap_or(u16::MAX),
        merge: total_rows <= opts.xlsx_merge_limit,
        project_lines: 1,
    };
    let mut row = first_row;
    for_each_row_layout_row(table, columns, |r| {
        match r {
            RowLayoutRow::Total(gt) => writer.total(row, gt)?,
            RowLayoutRow::Unit(unit) => writer.unit(row, unit)?,
            RowLayoutRow::Project(pr) => writer.project(row, &pr)?,
        }
        row = row.checked_add(1).ok_or_else(too_many)?;
        Ok(())
    })
}

/// Writes the rows of the row-per-indicator layout.
struct RowFamily<'s, 'w> {
    sheet: &'s mut Sheet<'w>,
    widths: &'s [f64],
    columns: &'s RowColumns,
    ncols: u16,
    /// Merge cells down their spans; off beyond [`WriteOptions::xlsx_merge_limit`],
    /// where every row repeats the values instead (merges cost memory).
    merge: bool,
    /// Wrapped lines per row that the current project's merged name and goal cells
    /// need, spread over the project's rows.
    project_lines: usize,
}

impl RowFamily<'_, '_> {
    fn w(&self, col: usize) -> f64 {
        self.widths.get(col).copied().unwrap_or(10.0)
    }

    /// The rows a cell covers as written: its span when merging, else every row
    /// holds its own copy.
    fn span(&self, span: usize) -> usize {
        if self.merge {
            span
        } else {
            1
        }
    }

    /// The column of 绩效目标 (the first after the amounts).
    fn goal_col(&self) -> u16 {
        self.columns.goal_col() as u16
    }

    fn total(&mut self, row: u32, gt: &AmountRow) -> Result<()> {
        self.sheet.text(row, 0, &gt.label, true)?;
        self.sheet.text(row, 1, "", true)?;
        self.sheet
            .amounts(row, 2, self.columns.amounts, &gt.funding, true)?;
        for c in self.goal_col()..self.ncols {
            self.sheet.text(row, c, "", true)?;
        }
        Ok(())
    }

    fn unit(&mut self, row: u32, unit: &Unit) -> Result<()> {
        self.sheet.text(row, 0, &unit_cell(unit), true)?;
        self.sheet.text(row, 1, "", false)?;
        let rest = match unit_row_amounts(unit) {
            Some(funding) => {
                self.sheet
                    .amounts(row, 2, self.columns.amounts, funding, true)?;
                self.goal_col()
            }
            None => 2,
        };
        for c in rest..self.ncols {
            self.sheet.text(row, c, "", false)?;
        }
        Ok(())
    }

    fn project(&mut self, row: u32, pr: &ProjectRow<'_>) -> Result<()> {
        let p = pr.project;
        let goal = p.goal.as_deref().unwrap_or("");
        let goal_col = self.goal_col();
        if pr.project_span > 0 {
            let block_lines =
                lines(&p.name, self.w(1)).max(lines(goal, self.w(usize::from(goal_col))));
            self.project_lines = block_lines.div_ceil(pr.project_span);
        }
        let unit_span = self.span(pr.unit_span);
        if unit_span > 0 {
            self.sheet
                .merged_text(row, 0, unit_span, &unit_cell(pr.unit), false)?;
        }
        let project_span = self.span(pr.project_span);
        if project_span > 0 {
            self.sheet
                .merged_text(row, 1, project_span, &p.name, false)?;
            for (i, v) in self.columns.amounts.values(&p.funding).enumerate() {
                self.sheet
                    .merged_number(row, 2 + i as u16, project_span, v)?;
            }
            self.sheet
                .merged_text(row, goal_col, project_span, goal, false)?;
        }
        let own_lines = match &pr.indicator {
            Some(ind) => self.indicator(row, ind)?,
            None => {
                for c in goal_col + 1..self.ncols {
                    self.sheet.text(row, c, "", false)?;
                }
                1
            }
        };
        self.sheet.row_lines(row, own_lines.max(self.project_lines))
    }

    /// Write an indicator's cells; returns the wrapped lines its unmerged cells need
    /// (a merged cell's text has the rows it covers).
    fn indicator(&mut self, row: u32, ind: &IndicatorCells<'_>) -> Result<usize> {
        let mut own_lines = 1;
        let first = self.columns.project_cols();
        for c in ind.cells() {
            let span = self.span(c.span);
            let col = (first + c.pos) as u16;
            if span == 0 {
                continue;
            }
            if span > 1 {
                self.sheet.merged_text(row, col, span, c.text, false)?;
                continue;
            }
            own_lines = own_lines.max(lines(c.text, self.w(first + c.pos)));
            match (c.pos, value_number(ind.indicator), ind.indicator.weight()) {
                // A number cell only where the cell says the number alone
                // (not `230人` beside a 度量单位 of its own).
                (VALUE_CELL, Some(v), _) if c.text == v.to_string() => {
                    self.sheet.plain_number(row, col, v)?
                }
                (WEIGHT_CELL, _, Some(wt)) => self.sheet.plain_number(row, col, wt)?,
                _ => self.sheet.text(row, col, c.text, false)?,
            }
        }
        Ok(own_lines)
    }
}
