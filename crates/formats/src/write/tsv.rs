//! The text layout of the published sample: tab-separated, 7 columns (fewer
//! when a table has no use for some amount columns, see `view::AmountColumns`),
//! preamble lines above the header.
//!
//! A table read from such a file is written back byte for byte: preamble lines at
//! their original row numbers, the header texts verbatim, amounts with their
//! printed precision, blank cells blank, the verbatim 绩效指标 cell, and the final
//! newline as the source had it. Other tables (row-per-indicator family, or
//! sources in 元) get the same layout with a synthesised preamble and
//! indicators formatted as one cell.
//!
//! With [`WriteOptions::layout`] set to the row-per-indicator family, the text
//! is that layout instead (as the XLSX and HTML writers have it, one line per
//! indicator, the project's cells on its first line only, as Sichuan's tables
//! print them): nothing of a row-layout table is lost.

use super::view::{
    amount_text, clean_cell, department_line, for_each_one_cell_row, for_each_row_layout_row,
    money_line, one_cell_headers, title, unit_cell, unit_row_amounts, AmountColumns, RowColumns,
    RowLayoutRow,
};
use super::{io_error, WriteOptions};
use crate::error::Result;
use jixiao_core::{LayoutFamily, MoneyScale, Table};

/// Write the TSV text layout.
pub fn write_tsv(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    let text = match opts.layout {
        Some(LayoutFamily::RowPerIndicator) => to_rows_tsv_string(table),
        _ => to_tsv_string(table),
    };
    out.write_all(text.as_bytes())
        .map_err(|e| io_error("TSV", e))
}

/// Lines placed at source row numbers when they are known and increasing.
struct Lines {
    buf: String,
    /// Number of lines written so far.
    count: u32,
}

impl Lines {
    fn push(&mut self, line: &str) {
        if self.count > 0 {
            self.buf.push('\n');
        }
        self.buf.push_str(line);
        self.count += 1;
    }
    /// Pad with blank lines so the next line lands on `row` (1-based), if it is ahead.
    fn pad_to(&mut self, row: Option<u32>) {
        if let Some(r) = row {
            while self.count + 1 < r {
                self.push("");
            }
        }
    }
}

/// The TSV text as a string.
pub fn to_tsv_string(table: &Table) -> String {
    let mut lines = Lines {
        buf: String::new(),
        count: 0,
    };
    // The preamble is verbatim only for one-cell tables whose amounts are in 万元
    // (the model always holds 万元, so a `金额单位:元` line would be wrong).
    let verbatim = table.layout == LayoutFamily::OneCell
        && table.money_scale == MoneyScale::WanYuan
        && (!table.preamble.is_empty() || table.header_row.is_some());
    if verbatim {
        for p in &table.preamble {
            lines.pad_to(Some(p.row));
            // A title's `（单位：元）` that a `单位：万元` line overruled (the
            // reader said so) is not copied: read back, it would say 元 again
            // above amounts in 万元.
            let text = match crate::read::build::bracketed_scale(&p.text) {
                Some((MoneyScale::Yuan, at)) if table.title.as_deref() == Some(p.text.trim()) => {
                    p.text.get(..at).unwrap_or(&p.text).trim_end()
                }
                _ => p.text.as_str(),
            };
            lines.push(&clean_cell(text));
        }
        lines.pad_to(table.header_row);
    } else {
        synthesised_preamble(table, &mut lines);
    }
    let amounts = AmountColumns::of(table);
    let headers = one_cell_headers(table, amounts);
    lines.push(
        &headers
            .iter()
            .map(|h| clean_cell(h))
            .collect::<Vec<_>>()
            .join("\t"),
    );
    let _ = for_each_one_cell_row::<std::convert::Infallible>(table, |row| {
        if verbatim {
            lines.pad_to(row.source_row);
        }
        let cells: Vec<String> = std::iter::once(clean_cell(&row.name).into_owned())
            .chain(amounts.values(&row.funding).map(amount_text))
            .chain([
                clean_cell(row.goal).into_owned(),
                row.indicators.into_owned(),
            ])
            .collect();
        lines.push(&cells.join("\t"));
        Ok(())
    });
    let final_newline = if verbatim {
        table.source.final_newline.unwrap_or(true)
    } else {
        true
    };
    if final_newline {
        lines.buf.push('\n');
    }
    lines.buf
}

/// Title, 部门名称 and 单位：万元, each followed by a blank line.
fn synthesised_preamble(table: &Table, lines: &mut Lines) {
    lines.push(&clean_cell(&title(table)));
    lines.push("");
    if let Some(d) = department_line(table) {
        lines.push(&clean_cell(&d));
        lines.push("");
    }
    lines.push(money_line());
    lines.push("");
}

/// The TSV text in the row-per-indicator layout (`--layout rows`): the
/// synthesised preamble, the header of [`RowColumns`], then a line per
/// indicator. A project's unit, name, amounts and goal are on its first line,
/// blank on the lines after it; 一级 and 二级 are repeated on every line.
pub fn to_rows_tsv_string(table: &Table) -> String {
    let mut lines = Lines {
        buf: String::new(),
        count: 0,
    };
    synthesised_preamble(table, &mut lines);
    let columns = RowColumns::of(table);
    let headers = columns.headers();
    lines.push(&headers.join("\t"));
    let width = columns.len();
    let amounts = columns.amounts;
    let mut push = |mut cells: Vec<String>| {
        cells.resize(width, String::new());
        lines.push(&cells.join("\t"));
    };
    let amount_cells = |f: Option<&jixiao_core::Funding>| -> Vec<String> {
        match f {
            Some(f) => amounts.values(f).map(amount_text).collect(),
            None => vec![String::new(); amounts.count()],
        }
    };
    let _ = for_each_row_layout_row::<std::convert::Infallible>(table, &columns, |r| {
        match r {
            RowLayoutRow::Total(gt) => {
                let mut cells = vec![clean_cell(&gt.label).into_owned(), String::new()];
                cells.extend(amount_cells(Some(&gt.funding)));
                push(cells);
            }
            RowLayoutRow::Unit(unit) => {
                let mut cells = vec![clean_cell(&unit_cell(unit)).into_owned(), String::new()];
                cells.extend(amount_cells(unit_row_amounts(unit)));
                push(cells);
            }
            RowLayoutRow::Project(pr) => {
                // The project's cells on its first line; the unit there too, so
                // that each project names its unit.
                let first = pr.project_span > 0;
                let p = pr.project;
                let mut cells = if first {
                    let mut c = vec![
                        clean_cell(&unit_cell(pr.unit)).into_owned(),
                        clean_cell(&p.name).into_owned(),
                    ];
                    c.extend(amount_cells(Some(&p.funding)));
                    c.push(clean_cell(p.goal.as_deref().unwrap_or("")).into_owned());
                    c
                } else {
                    vec![String::new(); columns.project_cols()]
                };
                if let Some(ind) = &pr.indicator {
                    cells.extend(ind.cells().map(|c| clean_cell(c.text).into_owned()));
                }
                push(cells);
            }
        }
        Ok(())
    });
    lines.buf.push('\n');
    lines.buf
}
