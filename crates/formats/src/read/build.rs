//! Grid → [`Table`]: layout detection by header names and hierarchy inference.
//!
//! Steps: find the header by its names (`header.rs`; a key–value 申报表 form
//! falls back to `layout_form.rs`), read the lines above it (`preamble.rs`),
//! turn the data rows into items for the layout family (`rows.rs`), infer
//! 合计 → 单位 → 项目 (`hierarchy.rs`), then parse the one-cell 绩效指标 texts
//! with the grammar (in parallel for large tables).

#[path = "closing.rs"]
mod closing;
#[path = "form_header.rs"]
mod form_header;
#[path = "header.rs"]
mod header;
#[path = "hierarchy.rs"]
mod hierarchy;
#[path = "layout_form.rs"]
mod layout_form;
/// The labels that close a table or a form (notes, signatures), for the PDF
/// reader too.
pub(crate) use closing::is_closing_label;
#[path = "preamble.rs"]
mod preamble;

pub(crate) use preamble::{bracketed_scale, year_in};

/// The name of the one unit of a table without unit rows and without a
/// department to name it after.
pub(crate) const UNNAMED_UNIT: &str = "（未注明单位）";
#[path = "rows.rs"]
mod rows;

use crate::error::{Error, Location, Result};
use crate::grid::Grid;
use jixiao_core::grammar::{self, CellProblem};
use jixiao_core::text::Text;
use jixiao_core::{LayoutFamily, MoneyScale, Notice, Origin, Project, SourceInfo, Table};
use rayon::prelude::*;

/// Above this many projects the indicator cells are parsed in parallel.
const PARALLEL_PROJECTS: usize = 256;

/// For the PDF reader: the header found in `grid` as (index of its first
/// row, index of its last row, field of each of its columns), or `None`
/// when there is no tabular header.
pub(crate) fn header_columns(
    grid: &Grid<'_>,
) -> Option<(usize, usize, Vec<Option<jixiao_core::Field>>)> {
    let mut notices = Vec::new();
    let layout = header::detect(grid, &Location::default(), &mut notices).ok()?;
    Some((layout.first_row, layout.last_row, layout.field_at))
}

/// Recognise the layout of `grid` and build the table. `source` is copied into
/// [`Table::source`] and used for error locations.
pub fn build_table(grid: &Grid<'_>, source: SourceInfo) -> Result<Table> {
    build_table_with(grid, source, false)
}

/// [`build_table`]; with `report_bad_amounts` (see
/// [`ReadOptions::report_bad_amounts`](super::ReadOptions::report_bad_amounts))
/// an amount that is not a number is a notice instead of an error.
pub fn build_table_with(
    grid: &Grid<'_>,
    source: SourceInfo,
    report_bad_amounts: bool,
) -> Result<Table> {
    build_table_in(grid, source, report_bad_amounts, None)
}

/// A table's money scale taken from an earlier table of the same page when
/// its own rows state none (a page prints `单位：元` once, above its first table).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Inherited {
    pub scale: MoneyScale,
    /// The earlier table's place on the page (`表格2`).
    pub from_table: u32,
}

/// [`build_table_with`], with the money scale `inherited` from an earlier
/// table where this one states none.
pub(crate) fn build_table_in(
    grid: &Grid<'_>,
    source: SourceInfo,
    report_bad_amounts: bool,
    inherited: Option<Inherited>,
) -> Result<Table> {
    let location = Location {
        file: source.path.clone(),
        sheet: source.sheet.clone(),
        table: source.table,
        row: None,
        col: None,
    };
    // A table of another kind, refused at the cell that tells it.
    let refuse = |(row, col, _): (u32, u32, String), message: Text, hint: Text| {
        Error::invalid(
            Location {
                row: Some(row),
                col: Some(col),
                ..location.clone()
            },
            message,
            hint,
        )
    };
    if let Some(at) = self_evaluation(grid) {
        let word = &at.2;
        let message = Text::new(
            format!("这是项目支出绩效自评表（「{word}」），不是绩效目标表：jixiao 目前只读取绩效目标表，自评表的读取和评分尚未支持"),
            format!("this is a 项目支出绩效自评表 (year-end self-evaluation, “{word}”), not a performance-target table: jixiao reads target tables only; self-evaluations are not supported yet"),
        );
        return Err(refuse(
            at.clone(),
            message,
            Text::new(
                "请提供同一项目的绩效目标表（如 项目支出绩效目标表、绩效目标申报表）",
                "give the project's target table instead (项目支出绩效目标表, 绩效目标申报表)",
            ),
        ));
    }
    if let Some(at) = department_overall(grid) {
        let word = &at.2;
        let message = Text::new(
            format!("这是部门（单位）整体支出绩效目标表（「{word}」），不是项目支出绩效目标表：jixiao 目前只读取项目支出绩效目标表，部门整体支出表的读取尚未支持"),
            format!("this is a 部门整体支出绩效目标表 (whole-department targets, “{word}”), not a project table: jixiao reads project-expenditure target tables only; whole-department tables are not supported yet"),
        );
        return Err(refuse(
            at.clone(),
            message,
            Text::new(
                "不要把它改成项目表再读取（年度主要任务不是项目）；请提供部门的项目支出绩效目标表",
                "do not relabel it as a project table (its tasks are not projects); give the department's project-expenditure target table instead",
            ),
        ));
    }
    let mut notices = Vec::new();
    let mut form = None;
    let mut layout = match header::detect(grid, &location, &mut notices) {
        Ok(layout) => layout,
        Err(e) => {
            // A form's money written a line per amount in one cell: read as
            // the form that sets each out in a cell of its own.
            if let Some(apart) = layout_form::money_lines_apart(grid) {
                return build_table_in(&apart, source, report_bad_amounts, inherited);
            }
            // A form whose money labels stand beside figures that are no
            // money (科目代码, 执行率, 分值): read without them, and named.
            if let Some((apart, figures)) = layout_form::figures_apart(grid) {
                let mut t = build_table_in(&apart, source, report_bad_amounts, inherited)?;
                t.notices.extend(layout_form::figures_unread(&figures));
                return Ok(t);
            }
            // No tabular header: maybe a key–value 申报表 form with an indicator grid.
            let mut form_notices = Vec::new();
            let Some(idx) = header::form_header_row(grid) else {
                return Err(e);
            };
            let above = grid.rows.get(..idx).unwrap_or(&[]);
            let f = layout_form::read(above, None);
            // No money read, and blank rows among the form's facts: read
            // without them, if that reads the year's money (a blank row
            // between the money's labels and its amounts).
            if f.has_project() && f.no_money() {
                if let Some(compact) = layout_form::without_blank_rows(grid, idx) {
                    if let Ok(t) =
                        build_table_in(&compact, source.clone(), report_bad_amounts, inherited)
                    {
                        if t.projects()
                            .next()
                            .is_some_and(|p| p.funding != jixiao_core::Funding::default())
                        {
                            return Ok(t);
                        }
                    }
                }
            }
            // The form's year as the table's is read below: its own
            // statement, else the lines above it.
            let form_year = form_header::FormYear {
                year: f.year.or_else(|| preamble::read(above).fiscal_year),
                above,
            };
            let layout =
                form_header::form_header_at(grid, idx, &form_year, &location, &mut form_notices)?;
            if !f.has_project() {
                return Err(e);
            }
            if let Some(unclear) = &f.money_unclear {
                return Err(unclear.error(&location));
            }
            notices.extend(form_notices);
            form = Some(f);
            layout
        }
    };
    let mut pre = preamble::read(grid.rows.get(..layout.first_row).unwrap_or(&[]));
    // A form's own statement of its year (`预算年度 | 2025`) is the year its
    // money was read for, before a year the preamble met first.
    if let Some(y) = form.as_ref().and_then(|f| f.year) {
        pre.fiscal_year = Some(y);
    }
    layout.check_prior_year(
        pre.fiscal_year.map(i32::from),
        grid.rows.get(layout.last_row).map_or(0, |r| r.number),
        &mut notices,
    );
    // A form's own 主管部门 before a line above it (`填报单位：…` may name
    // the unit that filled the form in).
    if let Some(d) = form.as_ref().and_then(|f| f.department.clone()) {
        pre.department = Some(d);
    }

    // Amounts naming a unit (`1000.00（万元）`) beside bare ones, under a
    // `单位：` line naming the other: the bare ones' unit cannot be told.
    if let (Some(f), Some(line)) = (&form, pre.scale) {
        if let (Some(at), Some(own)) = (f.bare_beside_named(), f.scale.filter(|s| *s != line)) {
            let mut loc = location.clone();
            loc.row = Some(at.row);
            loc.col = Some(at.col);
            return Err(Error::invalid(
                loc,
                Text::new(
                    format!(
                        "表头以上写「单位：{}」，而申报表的金额有的写明{}、有的未写单位：无法确定未写单位的金额",
                        line.label(),
                        own.label()
                    ),
                    format!(
                        "the line above says “单位：{}” while some of the form's amounts state {} and others no unit: the unit of those cannot be told",
                        line.label(),
                        own.label()
                    ),
                ),
                Text::new(
                    "请在每个金额后写明单位，或统一单位行与金额的单位后再读取",
                    "state the unit after every amount, or make the line above and the amounts agree, then read it again",
                ),
            ));
        }
    }
    let form_scale = form.as_ref().and_then(|f| f.scale);
    let data = grid.rows.get(layout.last_row + 1..).unwrap_or(&[]);
    // An amount column's own label (`预算数（元）`, a form's `项目资金（万元）`) is
    // the more specific statement: it wins over a `单位：…` line above the
    // table, and a disagreement between the two is said.
    // The title's `（单位：元）` against a line of its own that says otherwise:
    // the line was read (it is the table's own statement), and that is said.
    if let (Some((title, title_row)), Some(line)) = (pre.title_scale, pre.scale) {
        if title != line {
            let (t, l) = (title.label(), line.label());
            let line_row = pre.scale_row.unwrap_or(0);
            notices.push(Notice::new(
                Some(Origin::new(title_row, 1)),
                "money-scale-conflict",
                format!("第{title_row}行标题写（单位：{t}），而第{line_row}行写「单位：{l}」：按「单位：{l}」读取金额"),
                format!("row {title_row}: the title says (单位：{t}) but row {line_row} says “单位：{l}”; amounts were read in {l}"),
            ));
        }
    }
    let column_scale = layout.header_scale.or(form_scale);
    if let (Some(line), Some(column)) = (pre.scale, column_scale) {
        if line != column {
            notices.push(scale_conflict(
                (line.label(), pre.scale_row),
                &layout,
                grid.rows.get(layout.last_row).map_or(0, |r| r.number),
                column,
            ));
        }
    }
    // `单位：千元` above a table: amounts in a unit the model does not hold,
    // never read as 万元; nor by one amount label naming 万元 (the others may
    // be bare, in 千元).
    // Every amount label naming 元 or 万元 is the more specific statement:
    // read so, with a note.
    let whole = match &form {
        Some(f) => f.scale_whole,
        None => layout.header_scale_whole,
    };
    if let (Some((unit, row)), Some(column), true) = (pre.unit_not_held, column_scale, whole) {
        notices.push(scale_conflict(
            (unit, Some(row)),
            &layout,
            grid.rows.get(layout.last_row).map_or(0, |r| r.number),
            column,
        ));
    } else if let Some((unit, row)) = pre.unit_not_held {
        let mut at = location.clone();
        at.row = Some(row);
        let (zh, en) = match column_scale.or(pre.scale) {
            Some(other) => (
                format!(
                    "表头以上写明金额单位为{unit}，而本表又写{}：单位不一致，jixiao 只读元或万元",
                    other.label()
                ),
                format!(
                    "the money unit {unit} is stated above the table, and {} elsewhere in it; jixiao reads 元 or 万元 only",
                    other.label()
                ),
            ),
            None => (
                format!("表头以上写明金额单位为{unit}，jixiao 只读元或万元"),
                format!("the money unit {unit} is stated above the table; jixiao reads 元 or 万元 only"),
            ),
        };
        return Err(Error::invalid(
            at,
            Text::new(zh, en),
            Text::new(
                "请把金额换算为元或万元，并统一单位行与金额栏目的单位（如「单位：万元」）后再读取",
                "convert the amounts to 元 or 万元 and state one unit above the table and in the amount labels (e.g. 单位：万元), then read it again",
            ),
        ));
    }
    let stated = column_scale.or(pre.scale);
    let (money_scale, money_scale_stated) = match (
        stated.or_else(|| cell_scale(data, &layout)),
        inherited,
    ) {
        (Some(s), _) => (s, true),
        (None, Some(Inherited { scale, from_table })) => {
            let unit = match scale {
                MoneyScale::WanYuan => "万元",
                MoneyScale::Yuan => "元",
            };
            notices.push(Notice::new(
                None,
                "money-scale-inherited",
                format!("表头以上没有金额单位，沿用本页表格{from_table}上方的「单位：{unit}」"),
                format!(
                    "no money scale is printed above this table; the page's “单位：{unit}” above table {from_table} was used"
                ),
            ));
            (scale, true)
        }
        (None, None) => {
            notices.push(Notice::new(
                None,
                "money-scale-assumed",
                "表头以上没有金额单位（如「单位：万元」），按万元读取".into(),
                "no money scale (such as “单位：万元”) is printed above the header; the amounts were read in 万元"
                    .into(),
            ));
            (MoneyScale::WanYuan, false)
        }
    };

    let reader = rows::Reader {
        layout: &layout,
        scale: money_scale,
        location: &location,
        report_bad_amounts,
        csv: source.format == "csv",
        hidden_cols: &grid.hidden.cols,
    };
    if form.is_none() {
        if let Some(e) = period_column(data, &layout, pre.fiscal_year, &location) {
            return Err(e);
        }
        // A form (`项目名称 | 某项目`) above a table of rows naming projects
        // in a column: its project would be dropped unread.
        if layout.col(jixiao_core::Field::ProjectName).is_some() {
            let above = grid.rows.get(..layout.first_row).unwrap_or(&[]);
            if let Some(r) = above.iter().find(|r| layout_form::project_name_row(r)) {
                return Err(Error::invalid(
                    Location {
                        row: Some(r.number),
                        col: Some(1),
                        ..location.clone()
                    },
                    Text::new(
                        "这里是一张申报表的「项目名称」，而其下的表格按行列出项目：一个工作表只读一种表，申报表的项目会被漏读",
                        "a form's 项目名称 stands here, above a table listing projects by rows: one kind of table is read per sheet, and the form's project would be lost",
                    ),
                    Text::new(
                        "请把申报表和按行填写的表格分放在不同的工作表或文件中，再分别读取",
                        "put the form and the table of rows in separate sheets or files, then read each",
                    ),
                ));
            }
        }
    }
    let items = match layout.family {
        LayoutFamily::OneCell => reader.one_cell(data, &mut notices)?,
        LayoutFamily::RowPerIndicator => match &form {
            Some(f) => {
                let ctx = layout_form::Context {
                    layout: &layout,
                    reader: &reader,
                    preamble: &pre,
                };
                let (items, department) = layout_form::read_all(grid, f, &ctx, &mut notices)?;
                pre.department = department;
                items
            }
            None => reader.per_indicator(data, None, &mut notices)?,
        },
    };
    if let Some(c) = layout.long_department {
        let header_row = grid.rows.get(layout.last_row).map_or(0, |r| r.number);
        let department =
            column_department(data, c, source.format == "csv", header_row, &mut notices);
        if pre.department.is_none() {
            pre.department = department;
        }
    }
    let (grand_total, mut units) =
        hierarchy::resolve(items, pre.department.as_deref(), money_scale, &mut notices);
    if units.iter().all(|u| u.projects.is_empty()) {
        // A header with nothing under it reads, but must not pass for an empty department.
        notices.push(Notice::new(
            grid.rows.get(layout.last_row).map(|r| Origin::new(r.number, 1)),
            jixiao_core::review::catalogue::NO_PROJECTS,
            "表头之下没有项目行，请确认文件完整、工作表选择正确".into(),
            "no project rows under the header: check that the file is complete and the right sheet was read"
                .into(),
        ));
    }

    if let Some(col) = layout.col(jixiao_core::Field::IndicatorCell) {
        if layout.family == LayoutFamily::OneCell {
            let col = u32::try_from(col + 1).unwrap_or(u32::MAX);
            let mut projects: Vec<&mut Project> = units
                .iter_mut()
                .flat_map(|u| u.projects.iter_mut())
                .collect();
            let parsed: Vec<Vec<Notice>> = if projects.len() >= PARALLEL_PROJECTS {
                projects
                    .par_iter_mut()
                    .map(|p| parse_indicators(p, col))
                    .collect()
            } else {
                projects
                    .iter_mut()
                    .map(|p| parse_indicators(p, col))
                    .collect()
            };
            notices.extend(parsed.into_iter().flatten());
        }
    }

    let mut table = Table {
        title: pre.title,
        department: pre.department,
        fiscal_year: pre.fiscal_year,
        money_scale,
        money_scale_stated,
        layout: layout.family,
        source,
        columns: layout.columns.clone(),
        header_row: grid.rows.get(layout.last_row).map(|r| r.number),
        grand_total,
        units,
        preamble: pre.lines,
        notices,
    };
    table.notices.extend(sources_blank(&table));
    table.notices.extend(rows_hidden(grid, &table));
    table.notices.extend(texts_hidden(grid));
    table.notices.extend(furniture_dropped(grid));
    table.notices.extend(stylesheets_unread(grid));
    Ok(table)
}

/// Why a sheet that is no project target table was not read, when it is a
/// table of another kind jixiao does not read yet (a self-evaluation, a
/// whole-department table), rather than no table at all.
pub(crate) fn other_kind(grid: &Grid<'_>) -> Option<Text> {
    if self_evaluation(grid).is_some() {
        return Some(Text::new(
            "是项目支出绩效自评表，暂不支持",
            "a self-evaluation (自评表), not supported yet",
        ));
    }
    department_overall(grid).map(|_| {
        Text::new(
            "是部门整体支出绩效目标表，暂不支持",
            "a whole-department target table (部门整体支出), not supported yet",
        )
    })
}

/// A whole-department target table (部门整体支出绩效目标表, GUIDE §3.5) rather
/// than a project table: its title (`2024年部门整体支出绩效目标表`,
/// `部门（单位）整体支出绩效目标申报表`), or a header row with the column
/// only it has (`年度主要任务`, `部门职能概述`). Read as a project table, its
/// tasks would pass for projects. Only title rows (one cell filled) and
/// header cells count: a project named 部门整体支出绩效评价 is data. As (row,
/// column, word).
pub(crate) fn department_overall(grid: &Grid<'_>) -> Option<(u32, u32, String)> {
    const OWN: [&str; 3] = ["年度主要任务", "部门职能概述", "任务名称"];
    grid.rows.iter().take(40).find_map(|r| {
        let mut filled = r
            .cells
            .iter()
            .enumerate()
            .map(|(k, c)| (k, c.text.trim()))
            .filter(|(_, t)| !t.is_empty());
        let at = |k: usize, t: &str| Some((r.number, k as u32 + 1, t.to_string()));
        let first = filled.next()?;
        let second = filled.next();
        if second.is_none() {
            let (k, title) = first;
            let short = title.chars().count() <= 40;
            let targets = ["绩效目标表", "目标申报表", "绩效目标申报表"]
                .iter()
                .any(|w| title.contains(w));
            // `部门整体支出…`, `部门整体绩效目标表`, `单位整体支出…`
            let whole = ["整体支出", "部门整体", "单位整体"]
                .iter()
                .any(|w| title.contains(w));
            return (short && targets && whole).then(|| at(k, title)).flatten();
        }
        // A header row: the own column beside an amount or indicator label,
        // and no project column (a project table may add a 年度主要任务
        // column to its projects).
        let cells: Vec<(usize, &str)> =
            std::iter::once(first).chain(second).chain(filled).collect();
        let beside = cells.iter().any(|(_, t)| {
            [
                "总计",
                "财政拨款",
                "预算",
                "绩效指标",
                "绩效目标",
                "主要内容",
            ]
            .iter()
            .any(|b| t.starts_with(b))
        });
        let projects = cells.iter().any(|(_, t)| t.starts_with("项目名称"));
        cells
            .iter()
            .find(|(_, t)| beside && !projects && OWN.iter().any(|h| t.starts_with(h)))
            .and_then(|(k, t)| at(*k, t))
    })
}

/// A notice per cell of a web page holding hidden text (`display:none`),
/// which is left out as a browser leaves it out: the text is quoted so that
/// a reviewer sees what the page's author kept out of view (a stale digit,
/// a withdrawn name).
fn texts_hidden(grid: &Grid<'_>) -> Vec<Notice> {
    grid.hidden
        .texts
        .iter()
        .map(|(row, col, text)| {
            let shown: String = text.chars().take(40).collect();
            let more = if shown.len() < text.len() { "…" } else { "" };
            Notice::new(
                Some(Origin::new(*row, col.saturating_add(1))),
                "text-hidden",
                format!(
                    "第{row}行第{}列：网页隐藏了单元格中的文字「{shown}{more}」（浏览器不显示），未读入；请核对显示的内容是否完整",
                    col.saturating_add(1)
                ),
                format!(
                    "row {row}, column {}: the page hides text in this cell (“{shown}{more}”, not shown by a browser); it was left out, check that what is shown is complete",
                    col.saturating_add(1)
                ),
            )
        })
        .collect()
}

/// The notice naming the lines of a PDF's text dropped as page furniture
/// (page numbers, a URL footer, a print date, a `…监制` imprint), so that a
/// reviewer can see that nothing of the table went with them.
fn furniture_dropped(grid: &Grid<'_>) -> Option<Notice> {
    let all = &grid.hidden.furniture;
    let (first, _, _) = all.first()?;
    let shown: Vec<(String, String)> = all
        .iter()
        .take(5)
        .map(|(line, page, text)| {
            let t: String = text.chars().take(40).collect();
            let more = if t.len() < text.len() { "…" } else { "" };
            (
                format!("第{page}页第{line}行「{t}{more}」"),
                format!("page {page} line {line} “{t}{more}”"),
            )
        })
        .collect();
    let rest = all.len().saturating_sub(shown.len());
    let (zh_more, en_more) = if rest > 0 {
        (format!("等{}行", all.len()), format!(" and {rest} more"))
    } else {
        (String::new(), String::new())
    };
    let zh: Vec<&str> = shown.iter().map(|(z, _)| z.as_str()).collect();
    let en: Vec<&str> = shown.iter().map(|(_, e)| e.as_str()).collect();
    Some(Notice::new(
        Some(Origin::new(*first, 1)),
        "page-furniture",
        format!(
            "PDF 版式文本中{}{zh_more}在表格之外（页码、页脚网址、日期或监制），按页面装饰未读入；请核对表格最后的单元格是否完整",
            zh.join("、")
        ),
        format!(
            "the PDF's layout text: {}{en_more} stand outside the table (page number, footer address, date or imprint) and were left out as page furniture; check that the table's last cells are complete",
            en.join(", ")
        ),
    ))
}

/// The notice naming the filled rows a workbook hides. They are read like
/// any other: a hidden row is often a withdrawn project, but dropping it
/// would lose data without a word, and reading it silently would count a
/// project the reviewer never saw in Excel. So the rows are named, each
/// with its project (or its first cells), for the reviewer to decide.
fn rows_hidden(grid: &Grid<'_>, table: &Table) -> Option<Notice> {
    const SHOWN: usize = 20;
    if grid.hidden.rows.is_empty() {
        return None;
    }
    let projects: std::collections::HashMap<u32, &str> = table
        .projects()
        .map(|p| (p.origin.row, p.name.as_str()))
        .collect();
    let mut items: Vec<(u32, Text)> = Vec::new();
    for &n in &grid.hidden.rows {
        let Ok(i) = grid.rows.binary_search_by_key(&n, |r| r.number) else {
            continue;
        };
        let Some(row) = grid.rows.get(i).filter(|r| !r.is_blank()) else {
            continue;
        };
        let what = match projects.get(&n) {
            Some(name) => Text::new(format!("项目「{name}」"), format!("project “{name}”")),
            None => {
                let cells: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| c.text.trim())
                    .filter(|t| !t.is_empty())
                    .take(2)
                    .map(|t| t.chars().take(20).collect())
                    .collect();
                let joined = cells.join(" ");
                Text::new(format!("「{joined}」"), format!("“{joined}”"))
            }
        };
        items.push((n, what));
    }
    let first = items.first()?.0;
    let total = items.len();
    let list = |zh: bool| {
        let mut out = items
            .iter()
            .take(SHOWN)
            .map(|(n, what)| {
                if zh {
                    format!("第{n}行{}", what.zh)
                } else {
                    format!("row {n} {}", what.en)
                }
            })
            .collect::<Vec<_>>()
            .join(if zh { "、" } else { ", " });
        if total > SHOWN {
            out.push_str(&if zh {
                format!(" 等共 {total} 行")
            } else {
                format!(" and more, {total} rows in all")
            });
        }
        out
    };
    // A web page hides a row from the browser (`<tr style="display:none">`),
    // a workbook from whoever opens it.
    let (zh, en) = if table.source.format == "html" {
        (
            "网页中有隐藏的行（display:none 等），浏览器中看不到",
            "the page hides rows (display:none or the like) that a browser does not show",
        )
    } else {
        (
            "工作表中有隐藏的行，打开文件时看不到",
            "the sheet hides rows that are not seen when the file is opened",
        )
    };
    Some(Notice::new(
        Some(Origin::new(first, 0)),
        "row-hidden",
        format!(
            "{zh}，已照常读取：{}；隐藏的行常是已撤销的项目，请核对是否应计入",
            list(true)
        ),
        format!(
            "{en}; they were read like the others: {}; \
             a hidden row is often a withdrawn project, so check whether it belongs",
            list(false)
        ),
    ))
}

/// The notice that a web page links style sheets whose rules are not read:
/// text or rows they hide are read as if shown.
fn stylesheets_unread(grid: &Grid<'_>) -> Option<Notice> {
    let names = &grid.hidden.stylesheets_unread;
    if names.is_empty() {
        return None;
    }
    let shown: Vec<String> = names
        .iter()
        .take(5)
        .map(|n| {
            let n: String = n.chars().take(60).collect();
            crate::grid::visible_controls(n)
        })
        .collect();
    let more = if names.len() > shown.len() {
        " …"
    } else {
        ""
    };
    let list = format!("{}{more}", shown.join(" "));
    Some(Notice::new(
        None,
        "css-linked-unread",
        format!(
            "网页引用的外部样式表（{list}）未读取，其中隐藏文字或行的规则未应用：浏览器中看不到的内容可能已照常读入；请对照浏览器中的页面核对"
        ),
        format!(
            "the style sheets the page links ({list}) were not read, so rules in them that hide text or rows were not applied: \
             content a browser does not show may have been read; check against the page in a browser"
        ),
    ))
}

/// A year-end self-evaluation (自评表, GUIDE §3.6–3.8) rather than a target
/// table: its title, or a header row only a self-evaluation has (实际完成值,
/// 全年执行数, 偏差原因分析… beside 一级指标, 得分, 年初预算数…). Read as a
/// target table it would lose the actuals and scores and take column labels
/// for the goal, so it is refused. Only title rows (one cell filled) and
/// header-like rows count: a project or indicator named 绩效自评表印制费 or
/// 审核绩效自评表份数 is data. As (row, column, word).
pub(crate) fn self_evaluation(grid: &Grid<'_>) -> Option<(u32, u32, String)> {
    // Header cells start so (`实际完成值(B)`); a target table's
    // `上年实际完成值` is last year's actual, not this one.
    const OWN: [&str; 4] = [
        "实际完成值",
        "全年执行数",
        "偏差原因分析",
        "偏差大或目标未完成原因分析",
    ];
    // What stands beside them in a self-evaluation's header rows.
    const BESIDE: [&str; 8] = [
        "一级指标",
        "三级指标",
        "年度指标值",
        "年初目标值",
        "分值",
        "得分",
        "年初预算数",
        "全年预算数",
    ];
    grid.rows.iter().take(40).find_map(|r| {
        let filled: Vec<(usize, &str)> = r
            .cells
            .iter()
            .enumerate()
            .map(|(k, c)| (k, c.text.trim()))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        let at = |k: usize, t: &str| Some((r.number, k as u32 + 1, t.to_string()));
        if let [(k, title)] = filled.as_slice() {
            if title.chars().count() <= 30 && title.contains("自评表") {
                return at(*k, title);
            }
            return None;
        }
        let beside = filled
            .iter()
            .any(|(_, t)| BESIDE.iter().any(|b| t.starts_with(b)));
        filled
            .iter()
            .find(|(_, t)| beside && OWN.iter().any(|h| t.starts_with(h)))
            .and_then(|(k, t)| at(*k, t))
    })
}

/// A column of a table of rows saying each row's period (`年度`,
/// `所属年度`, `资金年度`) that names another period than the table's year
/// (`2023年` in a 2024 table, `上年`), or, in a table naming no year, two
/// different years: that row's money is not the year's, refused at its
/// cell.
fn period_column(
    data: &[crate::grid::GridRow<'_>],
    layout: &header::Layout,
    year: Option<u16>,
    location: &Location,
) -> Option<Error> {
    let columns = (0..layout.ncols).filter(|&c| {
        layout.field(c).is_none() && {
            let h = header::normalize(layout.header(c));
            let bare = h.split(['(', '（']).next().unwrap_or_default();
            layout_form::period_label_text(bare.trim_end_matches(':'))
        }
    });
    for c in columns {
        let mut first: Option<u16> = None;
        for row in data {
            let t = row.text(c).trim();
            if t.is_empty() {
                continue;
            }
            let named = layout_form::period_year(t);
            let differs = match (year, named, first) {
                (None, Some(y), Some(f)) => y != f,
                _ => layout_form::other_period_text(t, year),
            };
            first = first.or(named);
            if !differs {
                continue;
            }
            let k = u32::try_from(c + 1).unwrap_or(u32::MAX);
            let head = layout.header(c).trim();
            let (zh, en) = match year {
                Some(y) => (
                    format!("「{head}」为「{t}」，不是本表的{y}年度：这一行的金额不是本年度的"),
                    format!("“{head}” says “{t}”, not the table's year, {y}: this row's amounts are not the year's"),
                ),
                None => (
                    format!("「{head}」为「{t}」，与上面的行年度不同，而表上没有写明预算年度：无法确定哪些金额是本年度的"),
                    format!("“{head}” says “{t}”, another year than the rows above, and the table names no budget year: which amounts are the year's cannot be told"),
                ),
            };
            return Some(Error::invalid(
                Location {
                    row: Some(row.number),
                    col: Some(k),
                    ..location.clone()
                },
                Text::new(zh, en),
                Text::new(
                    "请只保留本年度的项目行（不同年度的项目分表填报），并写明本表的预算年度后再读取",
                    "keep only the year's project rows (one table per year), state the table's budget year, then read it again",
                ),
            ));
        }
    }
    None
}

/// The table's department from the 部门 column of jixiao's long layout
/// (docs/csv.md), which writes it on every row: the one name its rows give.
/// Rows naming several departments (files joined together) give none, and
/// a `column-unknown` notice names them. `csv`: the writer's apostrophe
/// before `= + - @` is taken off, as in every column of that file.
fn column_department(
    data: &[crate::grid::GridRow<'_>],
    c: usize,
    csv: bool,
    header_row: u32,
    notices: &mut Vec<Notice>,
) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for row in data {
        let t = row.text(c).trim();
        let t = if csv {
            crate::write::view::unneutralize_formula(t)
        } else {
            t
        };
        if !t.is_empty() && !names.contains(&t) {
            names.push(t);
        }
    }
    match names.as_slice() {
        [] => None,
        [one] => Some((*one).to_string()),
        more => {
            let k = u32::try_from(c + 1).unwrap_or(u32::MAX);
            let shown = more.iter().take(3).copied().collect::<Vec<_>>();
            let (list, list_en) = (shown.join("」「"), shown.join("” “"));
            notices.push(Notice::new(
                Some(Origin::new(header_row, k)),
                "column-unknown",
                format!(
                    "第{header_row}行第{k}列：部门列写了{}个不同的部门（「{list}」…），表格的部门未读取",
                    more.len()
                ),
                format!(
                    "row {header_row}, column {k}: the 部门 column names {} different departments (“{list_en}” …); the table's department was not read",
                    more.len()
                ),
            ));
            None
        }
    }
}

/// Funding-source columns that no row fills (a table of 预算数 written with
/// blank 财政拨款 … columns): the sources are not stated, not 0 against every
/// total ([`Table::source_columns_blank`], and the review checks no total
/// against them). Said once, at the header's first source column; the reverse
/// of `total-column-missing`.
fn sources_blank(table: &Table) -> Option<Notice> {
    if !table.source_columns_blank() {
        return None;
    }
    let first = table
        .columns
        .iter()
        .filter(|c| c.field.is_funding_source())
        .min_by_key(|c| c.col)?;
    let row = table.header_row.unwrap_or(0);
    let header = &first.header;
    Some(Notice::new(
        Some(Origin::new(row, first.col)),
        "source-columns-blank",
        format!(
            "第{row}行：资金来源列（「{header}」等）各行均为空，按未填写处理，不核对总计与资金来源之和"
        ),
        format!(
            "row {row}: the funding-source columns (“{header}” …) are blank on every row; \
             the sources are taken as not stated and no total is checked against them"
        ),
    ))
}

/// Parse one project's 绩效指标 cell; problems become notices with row/column.
fn parse_indicators(p: &mut Project, col: u32) -> Vec<Notice> {
    let Some(cell) = p.indicator_cell.as_deref() else {
        return Vec::new();
    };
    let origin = Origin::new(p.origin.row, col);
    let parsed = grammar::parse_cell(cell, origin);
    p.indicators = parsed.indicators;
    parsed
        .problems
        .into_iter()
        .map(|pr| problem_notice(pr, origin, cell))
        .collect()
}

/// A cell problem as a notice, its place in the cell counted in characters
/// as a reviewer counts them (1-based), not in the bytes the span holds.
fn problem_notice(pr: CellProblem, origin: Origin, cell: &str) -> Notice {
    let chars_to = |byte: u32| {
        cell.get(..byte as usize)
            .map_or_else(|| cell.chars().count(), |h| h.chars().count())
    };
    let (first, last) = (chars_to(pr.span.start) + 1, chars_to(pr.span.end));
    let (zh_at, en_at) = if last == first {
        (format!("第{first}个字"), format!("character {first}"))
    } else if last > first {
        (
            format!("第{first}–{last}个字"),
            format!("characters {first}–{last}"),
        )
    } else {
        (format!("第{first}个字处"), format!("at character {first}"))
    };
    Notice::new(
        Some(origin),
        pr.code,
        format!(
            "第{}行第{}列（{zh_at}）：{}",
            origin.row, origin.col, pr.message
        ),
        format!(
            "row {}, column {} ({en_at}): {}",
            origin.row, origin.col, pr.message_en
        ),
    )
}

/// The `money-scale-conflict` notice: the line above the table says `line`,
/// an amount column's header (or a form's 项目资金 label) says `column`,
/// which was used.
fn scale_conflict(
    (line_u, line_row): (&str, Option<u32>),
    layout: &header::Layout,
    header_row: u32,
    column: MoneyScale,
) -> Notice {
    let col_u = column.label();
    // An HTML page's scale line is text above the table (row 0): no row of it.
    let line_at = match line_row.filter(|r| *r > 0) {
        Some(r) => Text::new(format!("第{r}行"), format!("row {r}")),
        None => Text::new("表格上方", "the line above the table"),
    };
    let (origin, col_at) = match layout.header_scale_col {
        Some(c) => {
            let c1 = u32::try_from(c + 1).unwrap_or(u32::MAX);
            let h = layout.header(c);
            (
                Some(Origin::new(header_row, c1)),
                Text::new(
                    format!("第{header_row}行第{c1}列「{h}」"),
                    format!("row {header_row}, column {c1} (“{h}”)"),
                ),
            )
        }
        None => (None, Text::new("项目资金栏", "the form's 项目资金 label")),
    };
    Notice::new(
        origin,
        "money-scale-conflict",
        format!(
            "{}写「单位：{line_u}」，而金额列{}写{col_u}：按列标题的{col_u}读取金额",
            line_at.zh, col_at.zh
        ),
        format!(
            "{} says “单位：{line_u}” but the amount column {} says {col_u}: the amounts were read in {col_u}, as the column's own label says",
            line_at.en, col_at.en
        ),
    )
}

/// The money scale written in the amount cells themselves (`1,580,000.00元`,
/// `158.00万元`), for a table that prints none above its header: the first
/// amount cell with a unit decides. A cell naming another unit than the
/// table's is then refused where it is read.
fn cell_scale(data: &[crate::grid::GridRow<'_>], layout: &header::Layout) -> Option<MoneyScale> {
    let cols: Vec<usize> = rows::AMOUNT_FIELDS
        .iter()
        .filter_map(|f| layout.col(*f))
        .collect();
    data.iter()
        .flat_map(|row| cols.iter().filter_map(|&c| row.cells.get(c)))
        .filter(|cell| cell.text.trim().starts_with(|c: char| c.is_ascii_digit()))
        .find_map(|cell| jixiao_core::money::written_scale(&cell.text))
}
