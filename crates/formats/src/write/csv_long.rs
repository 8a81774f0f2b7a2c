//! Long CSV: one row per indicator, ready for pandas or an Excel pivot table.
//! Columns are documented in `docs/csv.md`.
//!
//! A project without indicators still gets one row (indicator fields blank), so
//! no project or amount is lost. Text cells are neutralised against formula
//! injection; numbers are written as printed. Of [`HEADERS_ZH`], the amount
//! columns the table has no use for (no row fills them and the source had
//! none, see `view::AmountColumns`) and 指标方向性 when no indicator states one
//! are left out.

use super::view::{
    amount_text, category_text, direction_text, measure_unit_with_magnitude, neutralize_formula,
    op_text, prior_text, qualitative_text, unit_cell, value_hi_text, value_text, AmountColumns,
};
use super::{io_error, WriteOptions};
use crate::error::{Error, Result};
use jixiao_core::Text;
use jixiao_core::{Indicator, Project, Table, Unit};

/// Chinese column names, in order (each table's file has those it uses: see
/// the module documentation).
pub const HEADERS_ZH: [&str; 24] = [
    "部门",
    "资金使用单位",
    "项目名称",
    "项目总计（万元）",
    "财政拨款（万元）",
    "财政专户拨款（万元）",
    "其他资金（万元）",
    "绩效目标",
    "序号",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "指标值上限",
    "度量单位",
    "原始指标值",
    "值前缀",
    "定性描述",
    "权重",
    "上年实际值",
    "指标方向性",
    "行",
    "列",
];

/// English column names, in the same order.
pub const HEADERS_EN: [&str; 24] = [
    "department",
    "unit",
    "project",
    "total_wan_yuan",
    "fiscal_appropriation_wan_yuan",
    "special_account_wan_yuan",
    "other_funds_wan_yuan",
    "goal",
    "seq",
    "category",
    "subcategory",
    "indicator",
    "op",
    "value",
    "value_hi",
    "unit_of_measure",
    "raw_value",
    "value_label",
    "qualitative_text",
    "weight",
    "prior_actual",
    "direction",
    "row",
    "col",
];

/// Write the long CSV.
pub fn write_csv(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    if opts.csv_bom {
        out.write_all(b"\xEF\xBB\xBF")
            .map_err(|e| io_error("CSV", e))?;
    }
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let err = |e: csv::Error| match e.kind() {
        // The writer failed (a full disk): said as such.
        csv::ErrorKind::Io(io) => io_error("CSV", std::io::Error::new(io.kind(), io.to_string())),
        _ => Error::Write(Text::new(
            format!("CSV 写出失败：{e}"),
            format!("writing the CSV failed: {e}"),
        )),
    };
    let headers = if opts.english_headers {
        HEADERS_EN
    } else {
        HEADERS_ZH
    };
    let keep = written(table);
    let kept = |cells: Vec<String>| {
        cells
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
    };
    w.write_record(kept(headers.map(str::to_string).to_vec()))
        .map_err(err)?;
    let department = table.department.as_deref().unwrap_or("");
    for unit in &table.units {
        for project in &unit.projects {
            if project.indicators.is_empty() {
                w.write_record(kept(record(department, unit, project, None)))
                    .map_err(err)?;
            }
            for ind in &project.indicators {
                w.write_record(kept(record(department, unit, project, Some(ind))))
                    .map_err(err)?;
            }
        }
    }
    w.flush().map_err(|e| io_error("CSV", e))
}

/// Which of the [`HEADERS_ZH`] columns `table` is written with.
fn written(table: &Table) -> [bool; 24] {
    let amounts = AmountColumns::of(table);
    let direction = table.states_direction();
    HEADERS_ZH.map(|h| match h {
        "项目总计（万元）" => amounts.total,
        "财政拨款（万元）" | "财政专户拨款（万元）" | "其他资金（万元）" => {
            amounts.sources
        }
        "指标方向性" => direction,
        _ => true,
    })
}

fn text(s: &str) -> String {
    neutralize_formula(s).into_owned()
}

fn record(department: &str, unit: &Unit, p: &Project, ind: Option<&Indicator>) -> Vec<String> {
    let f = &p.funding;
    let mut r = vec![
        text(department),
        text(&unit_cell(unit)),
        text(&p.name),
        amount_text(f.total),
        amount_text(f.fiscal_appropriation),
        amount_text(f.special_account),
        amount_text(f.other_funds),
        text(p.goal.as_deref().unwrap_or("")),
    ];
    let origin = ind.map(|i| i.origin).unwrap_or(p.origin);
    match ind {
        None => r.extend(std::iter::repeat_n(String::new(), 14)),
        Some(i) => {
            let is_number = i.target.quantity().is_some();
            r.extend([
                i.seq.map(|s| s.to_string()).unwrap_or_default(),
                text(category_text(i)),
                text(i.subcategory.as_deref().unwrap_or("")),
                text(&i.name),
                text(op_text(i)),
                if is_number {
                    value_text(i)
                } else {
                    text(&value_text(i))
                },
                value_hi_text(i),
                text(&measure_unit_with_magnitude(i)),
                text(&i.raw_value),
                text(i.value_label.as_deref().unwrap_or("")),
                text(qualitative_text(i)),
                i.weight().map(|w| w.to_string()).unwrap_or_default(),
                text(prior_text(i)),
                direction_text(i).to_string(),
            ]);
        }
    }
    let pos = |n: u32| if n > 0 { n.to_string() } else { String::new() };
    r.push(pos(origin.row));
    r.push(pos(origin.col));
    r
}
