//! The text layout of the published sample: tab-separated, 7 columns, preamble
//! lines above the header.
//!
//! A table read from such a file is written back byte for byte: preamble lines at
//! their original row numbers, the header texts verbatim, amounts with their
//! printed precision, blank cells blank, the verbatim 绩效指标 cell, and the final
//! newline as the source had it. Other tables (row-per-indicator family, or
//! sources in 元) get the same 7-column layout with a synthesised preamble and
//! indicators formatted as one cell.

use super::view::{
    amount_text, clean_cell, department_line, for_each_one_cell_row, money_line, one_cell_headers,
    title,
};
use super::{io_error, WriteOptions};
use crate::error::Result;
use jixiao_core::{LayoutFamily, MoneyScale, Table};

/// Write the TSV text layout.
pub fn write_tsv(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    let _ = opts;
    let text = to_tsv_string(table);
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
            lines.push(&clean_cell(&p.text));
        }
        lines.pad_to(table.header_row);
    } else {
        lines.push(&clean_cell(title(table)));
        lines.push("");
        if let Some(d) = department_line(table) {
            lines.push(&clean_cell(&d));
            lines.push("");
        }
        lines.push(money_line());
        lines.push("");
    }
    let headers = one_cell_headers(table);
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
        let f = row.funding;
        let cells = [
            clean_cell(&row.name).into_owned(),
            amount_text(f.total),
            amount_text(f.fiscal_appropriation),
            amount_text(f.special_account),
            amount_text(f.other_funds),
            clean_cell(row.goal).into_owned(),
            row.indicators.into_owned(),
        ];
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
