//! Printable HTML: one standalone page (no external CSS or JS), zh-CN, with the
//! title, department and money lines and the table in the one-cell (7 columns)
//! or row-per-indicator layout (rowspans). Print CSS: A4 landscape, header
//! repeated on each page, no page break inside a row. All text is auto-escaped
//! by the askama template `templates/table.html`.

use super::view::{
    amount_text, department_line, for_each_one_cell_row, indicator_grid, money_line,
    one_cell_headers, prior_text, project_rows, row_headers, title, unit_rows, IndicatorGrid,
    RowKind, ROW_HEADERS,
};
use super::{io_error, WriteOptions};
use crate::error::{Error, Result};
use askama::Template;
use jixiao_core::{Funding, LayoutFamily, Table};

/// One cell of the page's table.
#[derive(Debug, Clone)]
pub struct HtmlCell {
    pub text: String,
    pub rowspan: usize,
    /// `num` (right-aligned amount), `long` (prose), or empty.
    pub class: &'static str,
}

/// One row of the page's table.
#[derive(Debug, Clone)]
pub struct HtmlRow {
    /// `total`, `unit`, `project` or empty.
    pub class: &'static str,
    pub cells: Vec<HtmlCell>,
}

#[derive(Template)]
#[template(path = "table.html")]
struct Page<'a> {
    title: &'a str,
    department: Option<String>,
    money: &'a str,
    layout_class: &'static str,
    headers: Vec<String>,
    rows: Vec<HtmlRow>,
}

fn cell(text: impl Into<String>, class: &'static str) -> HtmlCell {
    HtmlCell {
        text: text.into(),
        rowspan: 1,
        class,
    }
}

fn amounts(f: &Funding) -> [HtmlCell; 4] {
    [
        cell(amount_text(f.total), "num"),
        cell(amount_text(f.fiscal_appropriation), "num"),
        cell(amount_text(f.special_account), "num"),
        cell(amount_text(f.other_funds), "num"),
    ]
}

/// Render the page to a string.
pub fn to_html_string(table: &Table, opts: &WriteOptions) -> Result<String> {
    let (headers, rows, layout_class) = match opts.layout_for(table) {
        LayoutFamily::OneCell => (
            one_cell_headers(table)
                .iter()
                .map(|h| h.to_string())
                .collect(),
            one_cell_rows(table),
            "one-cell",
        ),
        LayoutFamily::RowPerIndicator => {
            let headers = row_headers(table);
            let prior = headers.len() > ROW_HEADERS.len();
            (headers, row_family_rows(table, prior), "row-per-indicator")
        }
    };
    let page = Page {
        title: title(table),
        department: department_line(table),
        money: money_line(),
        layout_class,
        headers,
        rows,
    };
    page.render()
        .map_err(|e| Error::Write(format!("HTML 模板渲染失败 (HTML template failed): {e}")))
}

/// Write the page.
pub fn write_html(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    let s = to_html_string(table, opts)?;
    out.write_all(s.as_bytes()).map_err(|e| io_error("HTML", e))
}

fn one_cell_rows(table: &Table) -> Vec<HtmlRow> {
    let mut rows = Vec::new();
    let _ = for_each_one_cell_row::<std::convert::Infallible>(table, |r| {
        let mut cells = vec![cell(r.name, "")];
        cells.extend(amounts(&r.funding));
        cells.push(cell(r.goal, "long"));
        cells.push(cell(r.indicators.into_owned(), "long"));
        rows.push(HtmlRow {
            class: match r.kind {
                RowKind::Total => "total",
                RowKind::Unit => "unit",
                RowKind::Project => "project",
            },
            cells,
        });
        Ok(())
    });
    rows
}

/// The row-per-indicator rows; `prior` adds the 上年实际值 column after 权重.
fn row_family_rows(table: &Table, prior: bool) -> Vec<HtmlRow> {
    let extra = usize::from(prior);
    let mut rows = Vec::new();
    if let Some(gt) = &table.grand_total {
        let mut cells = vec![cell(gt.label.clone(), ""), cell("", "")];
        cells.extend(amounts(&gt.funding));
        cells.extend((0..8 + extra).map(|_| cell("", "")));
        rows.push(HtmlRow {
            class: "total",
            cells,
        });
    }
    for unit in &table.units {
        let mut unit_cell = Some(HtmlCell {
            text: unit.name.clone(),
            rowspan: unit_rows(unit),
            class: "",
        });
        if unit.projects.is_empty() {
            let mut cells: Vec<HtmlCell> = unit_cell.take().into_iter().collect();
            cells.extend((0..13 + extra).map(|_| cell("", "")));
            rows.push(HtmlRow {
                class: "unit",
                cells,
            });
        }
        for p in &unit.projects {
            let n = project_rows(p);
            let IndicatorGrid {
                cells: ind_cells,
                cat_runs,
                sub_runs,
            } = indicator_grid(p);
            for r in 0..n {
                let mut cells: Vec<HtmlCell> = unit_cell.take().into_iter().collect();
                if r == 0 {
                    let span = |mut c: HtmlCell| {
                        c.rowspan = n;
                        c
                    };
                    cells.push(span(cell(p.name.clone(), "")));
                    cells.extend(amounts(&p.funding).into_iter().map(span));
                    cells.push(span(cell(p.goal.clone().unwrap_or_default(), "long")));
                }
                match (ind_cells.get(r), p.indicators.get(r)) {
                    (Some(ic), Some(ind)) => {
                        for (i, text) in ic.iter().enumerate() {
                            let run = match i {
                                0 => cat_runs.get(r).copied().unwrap_or(1),
                                1 => sub_runs.get(r).copied().unwrap_or(1),
                                _ => 1,
                            };
                            if run == 0 {
                                continue;
                            }
                            let class = if i == 6 { "num" } else { "" };
                            cells.push(HtmlCell {
                                text: text.clone(),
                                rowspan: run,
                                class,
                            });
                        }
                        if prior {
                            cells.push(cell(prior_text(ind), ""));
                        }
                    }
                    _ => cells.extend((0..7 + extra).map(|_| cell("", ""))),
                }
                rows.push(HtmlRow {
                    class: "project",
                    cells,
                });
            }
        }
    }
    rows
}
