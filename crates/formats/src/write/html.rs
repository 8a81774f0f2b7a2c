//! Printable HTML: one standalone page (no external CSS or JS), zh-CN, with the
//! title (with the fiscal year), department and money lines and the table in
//! the one-cell layout (the sample's 7 columns, fewer when amount columns no
//! row fills are left out) or the row-per-indicator layout (rowspans). Print CSS: A4 landscape, header
//! repeated on each page, no page break inside a row. All text is auto-escaped
//! by the askama template `templates/table.html`.

use super::view::{
    amount_text, department_line, for_each_one_cell_row, for_each_row_layout_row, money_line,
    one_cell_headers, title, unit_cell, unit_row_amounts, AmountColumns, ProjectRow, RowColumns,
    RowKind, RowLayoutRow, WEIGHT_CELL,
};
use super::{io_error, WriteOptions};
use crate::error::{Error, Result};
use askama::Template;
use jixiao_core::Text;
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

/// The amount cells of `f` in the columns written.
fn amounts(columns: AmountColumns, f: &Funding) -> impl Iterator<Item = HtmlCell> + '_ {
    columns.values(f).map(|v| cell(amount_text(v), "num"))
}

/// Render the page to a string.
pub fn to_html_string(table: &Table, opts: &WriteOptions) -> Result<String> {
    let (headers, rows, layout_class) = match opts.layout_for(table) {
        LayoutFamily::OneCell => {
            let amounts = AmountColumns::of(table);
            (
                one_cell_headers(table, amounts)
                    .iter()
                    .map(|h| h.to_string())
                    .collect(),
                one_cell_rows(table, amounts),
                "one-cell",
            )
        }
        LayoutFamily::RowPerIndicator => {
            let columns = RowColumns::of(table);
            (
                columns.headers(),
                row_family_rows(table, &columns),
                "row-per-indicator",
            )
        }
    };
    let title = title(table);
    let page = Page {
        title: &title,
        department: department_line(table),
        money: money_line(),
        layout_class,
        headers,
        rows,
    };
    page.render().map_err(|e| {
        Error::Write(Text::new(
            format!("HTML 模板渲染失败：{e}"),
            format!("the HTML template failed: {e}"),
        ))
    })
}

/// Write the page.
pub fn write_html(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    let s = to_html_string(table, opts)?;
    out.write_all(s.as_bytes()).map_err(|e| io_error("HTML", e))
}

fn one_cell_rows(table: &Table, columns: AmountColumns) -> Vec<HtmlRow> {
    let mut rows = Vec::new();
    let _ = for_each_one_cell_row::<std::convert::Infallible>(table, |r| {
        let mut cells = vec![cell(r.name.as_ref(), "")];
        cells.extend(amounts(columns, &r.funding));
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

/// The row-per-indicator rows in `columns`.
fn row_family_rows(table: &Table, columns: &RowColumns) -> Vec<HtmlRow> {
    let width = columns.len();
    let mut rows = Vec::new();
    let _ = for_each_row_layout_row::<std::convert::Infallible>(table, columns, |r| {
        rows.push(match r {
            RowLayoutRow::Total(gt) => {
                let mut cells = vec![cell(gt.label.clone(), ""), cell("", "")];
                cells.extend(amounts(columns.amounts, &gt.funding));
                padded("total", cells, width)
            }
            RowLayoutRow::Unit(unit) => {
                let mut cells = vec![cell(unit_cell(unit).into_owned(), ""), cell("", "")];
                if let Some(funding) = unit_row_amounts(unit) {
                    cells.extend(amounts(columns.amounts, funding));
                }
                padded("unit", cells, width)
            }
            RowLayoutRow::Project(pr) => project_row(&pr, columns),
        });
        Ok(())
    });
    rows
}

/// A row of `class` whose leading `cells` are followed by blanks up to `width` columns.
fn padded(class: &'static str, mut cells: Vec<HtmlCell>, width: usize) -> HtmlRow {
    cells.resize_with(width.max(cells.len()), || cell("", ""));
    HtmlRow { class, cells }
}

fn spanned(mut c: HtmlCell, rowspan: usize) -> HtmlCell {
    c.rowspan = rowspan;
    c
}

/// A project row: only the cells that start on it (a spanned cell is written once, on
/// the first row it covers), so the browser lays the rowspans out.
fn project_row(pr: &ProjectRow<'_>, columns: &RowColumns) -> HtmlRow {
    let mut cells = Vec::new();
    if pr.unit_span > 0 {
        cells.push(spanned(
            cell(unit_cell(pr.unit).into_owned(), ""),
            pr.unit_span,
        ));
    }
    if pr.project_span > 0 {
        let p = pr.project;
        let span = |c| spanned(c, pr.project_span);
        cells.push(span(cell(p.name.clone(), "")));
        cells.extend(amounts(columns.amounts, &p.funding).map(span));
        cells.push(span(cell(p.goal.clone().unwrap_or_default(), "long")));
    }
    match &pr.indicator {
        Some(ind) => cells.extend(ind.cells().filter(|c| c.span > 0).map(|c| {
            let class = if c.pos == WEIGHT_CELL { "num" } else { "" };
            spanned(cell(c.text, class), c.span)
        })),
        None => cells.extend((columns.project_cols()..columns.len()).map(|_| cell("", ""))),
    }
    HtmlRow {
        class: "project",
        cells,
    }
}
