//! Arithmetic rules (GUIDE §4.2): `sum-mismatch.row|unit|total`, `sum-rounding`,
//! and the plausibility of the money scale (`money-scale-suspect`, §4.1 #5).
//!
//! Exact decimals; tolerance = half a unit of the last printed decimal of the
//! compared amounts; a difference within `n ×` that bound (n summands) is the
//! info `sum-rounding`, beyond it an error. Blank counts as 0; a table without
//! a 总计 column states no totals, so its rows' identity is not checked.

use super::{column, Location, Message, Sink};
use crate::model::{AmountRow, Funding, FundingColumn, Origin, Span, Table};
use crate::money::half_unit;
use rust_decimal::Decimal;

pub(super) fn check(s: &mut Sink<'_>) {
    money_scale(s);
    let t = s.table;
    let rows = all_rows(t);
    let has_parts = [
        crate::model::Field::FiscalAppropriation,
        crate::model::Field::SpecialAccount,
        crate::model::Field::OtherFunds,
    ]
    .iter()
    .any(|f| t.column_of(*f).is_some())
        || rows.iter().any(|(_, f, _)| f.parts_sum().is_some());

    // Rows with an amount the reader could not read (`amount-unparseable`):
    // that finding says it; a row sum over the blank would only repeat it.
    // Sorted: a garbled amount column can give one per row.
    let mut unreadable: Vec<u32> = t
        .notices
        .iter()
        .filter(|n| n.code == super::catalogue::AMOUNT_UNPARSEABLE)
        .filter_map(|n| n.origin.map(|o| o.row))
        .collect();
    unreadable.sort_unstable();
    // Row identity: 总计 = 财政拨款 + 财政专户拨款 + 其他资金. Without a 总计
    // column no total is stated (the reader says so: `total-column-missing`),
    // so there is nothing to compare the sources with.
    if has_parts && !t.lacks_total_column() {
        for &(origin, f, project) in &rows {
            if unreadable.binary_search(&origin.row).is_ok() {
                continue;
            }
            let parts_sum = f.parts_sum();
            if f.total.is_none() && parts_sum.is_none() {
                continue;
            }
            let parts = [f.fiscal_appropriation, f.special_account, f.other_funds];
            let sum = parts_sum.unwrap_or_default();
            let stated = f.total_or_zero();
            let n = parts.iter().filter(|p| p.is_some()).count().max(1) as u32;
            let d = decimals(parts.iter().copied().chain([f.total]));
            compare(
                s,
                "sum-mismatch.row",
                origin.row,
                FundingColumn::Total,
                f.total,
                stated,
                sum,
                n,
                d,
                project,
                "总计",
                "财政拨款 + 财政专户拨款 + 其他资金",
                "the funding sources",
            );
        }
    }

    // Unit rows against their projects.
    for u in &t.units {
        let Some(stated) = &u.stated else { continue };
        let sum = Funding::sum(u.projects.iter().map(|p| &p.funding));
        let n = u.projects.len().max(1) as u32;
        check_columns(
            s,
            "sum-mismatch.unit",
            stated,
            &sum,
            n,
            "其下各项目",
            "its projects",
        );
    }

    // 合计 against the unit rows (or the projects when there are none).
    if let Some(gt) = &t.grand_total {
        let stated_units: Vec<&Funding> = t
            .units
            .iter()
            .filter_map(|u| u.stated.as_ref().map(|r| &r.funding))
            .collect();
        let (sum, n, what_zh, what_en) =
            if !stated_units.is_empty() && stated_units.len() == t.units.len() {
                (
                    Funding::sum(stated_units.iter().copied()),
                    stated_units.len(),
                    "各单位",
                    "the units",
                )
            } else {
                let projects: Vec<&Funding> = t.projects().map(|p| &p.funding).collect();
                let n = projects.len();
                (Funding::sum(projects), n, "各项目", "the projects")
            };
        check_columns(
            s,
            "sum-mismatch.total",
            gt,
            &sum,
            n.max(1) as u32,
            what_zh,
            what_en,
        );
    }
}

/// Every amount row (合计, unit rows, projects) with its origin, in source order.
fn all_rows(t: &Table) -> Vec<(Origin, &Funding, Option<u32>)> {
    let mut rows = Vec::new();
    if let Some(r) = &t.grand_total {
        rows.push((r.origin, &r.funding, None));
    }
    let mut index = 0usize;
    for u in &t.units {
        if let Some(r) = &u.stated {
            rows.push((r.origin, &r.funding, None));
        }
        for p in &u.projects {
            rows.push((p.origin, &p.funding, Some(index as u32)));
            index += 1;
        }
    }
    rows
}

fn check_columns(
    s: &mut Sink<'_>,
    id: &'static str,
    stated: &AmountRow,
    sum: &Funding,
    n: u32,
    what_zh: &str,
    what_en: &str,
) {
    for (col, value) in stated.funding.columns() {
        let computed = sum
            .columns()
            .iter()
            .find(|(c, _)| *c == col)
            .and_then(|(_, v)| *v);
        if value.is_none() && computed.is_none() {
            continue;
        }
        let d = decimals([value, computed]);
        compare(
            s,
            id,
            stated.origin.row,
            col,
            value,
            value.unwrap_or_default(),
            computed.unwrap_or_default(),
            n,
            d,
            None,
            col.label(),
            what_zh,
            what_en,
        );
    }
}

/// Largest number of printed decimals among the amounts (2 when none).
fn decimals(values: impl IntoIterator<Item = Option<Decimal>>) -> u32 {
    values
        .into_iter()
        .flatten()
        .map(|v| v.scale())
        .max()
        .unwrap_or(2)
}

#[allow(clippy::too_many_arguments)]
fn compare(
    s: &mut Sink<'_>,
    id: &'static str,
    row: u32,
    col: FundingColumn,
    cell: Option<Decimal>,
    stated: Decimal,
    computed: Decimal,
    n: u32,
    decimals: u32,
    project: Option<u32>,
    col_zh: &str,
    what_zh: &str,
    what_en: &str,
) {
    let diff = (stated - computed).abs();
    let tol = half_unit(decimals);
    if diff <= tol {
        return;
    }
    let loc = Location {
        row: Some(row),
        col: Some(column(s.table, col.field())),
        span: cell.map(|v| Span::new(0, v.to_string().len() as u32)),
        project,
        indicator: None,
    };
    let (stated_txt, stated_en) = match cell {
        Some(v) => (v.to_string(), v.to_string()),
        None => ("空白".to_string(), "blank".to_string()),
    };
    // Printed with at least the compared amounts' decimals (a sum over no
    // project is 0.00 beside 20.00, not 0).
    let padded = |d: Decimal| {
        let mut d = d;
        if d.scale() < decimals.min(28) {
            d.rescale(decimals.min(28));
        }
        d
    };
    let (computed, diff) = (padded(computed), padded(diff));
    if diff <= tol * Decimal::from(n) {
        s.emit("sum-rounding", || (loc, Message::owned(format!(
                "{col_zh} {stated_txt} 与{what_zh}之和 {computed} 相差 {diff}，在 {n} 个加数的四舍五入误差内"
            ), format!(
                "{} {stated_en} differs from the sum of {what_en} {computed} by {diff}, within rounding of {n} summands",
                col_en(col)
            ))));
    } else {
        s.emit(id, || {
            (
                loc,
                Message::owned(
                    format!("{col_zh} {stated_txt} ≠ {what_zh}之和 {computed}（相差 {diff}）"),
                    format!(
                        "{} {stated_en} ≠ sum of {what_en} {computed} (difference {diff})",
                        col_en(col)
                    ),
                ),
            )
        });
    }
}

fn col_en(c: FundingColumn) -> &'static str {
    match c {
        FundingColumn::Total => "total",
        FundingColumn::FiscalAppropriation => "fiscal appropriation",
        FundingColumn::SpecialAccount => "special account",
        FundingColumn::OtherFunds => "other funds",
    }
}

/// Under 万元 a median project above this many 万元 (5亿) suggests amounts typed in 元.
const WAN_MEDIAN_MAX: i64 = 50_000;
/// Under 元 a median project below this many 元 suggests amounts typed in 万元.
const YUAN_MEDIAN_MIN: i64 = 1_000;

/// `money-scale-suspect`: the printed (or assumed) scale against the median project amount.
fn money_scale(s: &mut Sink<'_>) {
    if !s.on("money-scale-suspect") {
        return;
    }
    let t = s.table;
    let mut amounts: Vec<Decimal> = t.projects().filter_map(|p| t.amount(&p.funding)).collect();
    if amounts.len() < 3 {
        return;
    }
    let mid = amounts.len() / 2;
    let median = *amounts.select_nth_unstable(mid).1;
    // The model holds 万元; judge in the scale the table printed.
    let (printed, suspect) = match t.money_scale {
        crate::model::MoneyScale::WanYuan => (median, median > Decimal::from(WAN_MEDIAN_MAX)),
        crate::model::MoneyScale::Yuan => {
            let yuan = median * Decimal::from(10_000);
            (yuan, yuan < Decimal::from(YUAN_MEDIAN_MIN))
        }
    };
    if !suspect {
        return;
    }
    let scale = t.money_scale.label();
    let other = match t.money_scale {
        crate::model::MoneyScale::WanYuan => "元",
        crate::model::MoneyScale::Yuan => "万元",
    };
    let stated = if t.money_scale_stated {
        "注明"
    } else {
        "推定"
    };
    let row = t.header_row.unwrap_or(1);
    let loc = Location {
        row: Some(row),
        col: Some(column(t, crate::model::Field::Total)),
        ..Location::default()
    };
    let printed = printed.normalize();
    s.emit("money-scale-suspect", || {
        (
            loc,
            Message::owned(format!("表中{stated}的金额单位为{scale}，但项目金额中位数为 {printed} {scale}，金额可能是按{other}填写的"),
            format!("the table's money scale is {scale} ({}), but the median project amount is {printed} {scale}: the amounts may be in {other}", if t.money_scale_stated { "printed" } else { "assumed" })),
        )
    });
}
