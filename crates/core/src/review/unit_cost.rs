//! `unit-cost`: money per unit of the main output, and outliers within the table.
//!
//! The main output of a project is its first quantitative 产出 indicator counted
//! in a counting unit (人次, 个, 场 …). Its unit cost is the project total in 元
//! divided by the target number (e.g. 316.00 元/人次), reported as info.
//! Projects whose main output shares a unit form a group; when a group has at
//! least `unit_cost_min_group` members, the modified z-score
//! `0.6745 × |x − median| / MAD` (MAD = median absolute deviation; when it is 0,
//! `1.2533 × mean absolute deviation`) above `unit_cost_outlier_z` marks an
//! outlier, reported as a warning.

use super::text::{unit_of, COUNT_UNITS};
use super::{ind_label, projects, value_loc, Severity, Sink};
use crate::model::{Category, Indicator, Project};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

struct Cost<'a> {
    pi: usize,
    p: &'a Project,
    i: &'a Indicator,
    unit: String,
    yuan_per_unit: Decimal,
}

pub(super) fn check(s: &mut Sink<'_>) {
    if !s.on("unit-cost") {
        return;
    }
    let t = s.table;
    let mut costs: Vec<Cost<'_>> = Vec::new();
    for (pi, p) in projects(t) {
        let Some(total) = p.funding.total.filter(|v| *v > Decimal::ZERO) else {
            continue;
        };
        let main = p.indicators.iter().find_map(|i| {
            if i.category != Category::Output {
                return None;
            }
            let q = i.target.quantity()?;
            let u = unit_of(i)?;
            (COUNT_UNITS.contains(&u.as_ref()) && q.value > Decimal::ZERO)
                .then_some((i, q.value, u))
        });
        let Some((i, value, unit)) = main else {
            continue;
        };
        let Some(yuan) = total.checked_mul(Decimal::from(10_000)) else {
            continue;
        };
        let Some(per) = yuan.checked_div(value) else {
            continue;
        };
        costs.push(Cost {
            pi,
            p,
            i,
            unit: unit.into_owned(),
            yuan_per_unit: per.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        });
    }
    let th = s.profile.thresholds.clone();
    let mut groups: BTreeMap<&str, Vec<Decimal>> = BTreeMap::new();
    for c in &costs {
        groups
            .entry(c.unit.as_str())
            .or_default()
            .push(c.yuan_per_unit);
    }
    let stats: BTreeMap<String, (Decimal, Decimal)> = groups
        .into_iter()
        .filter(|(_, v)| v.len() >= th.unit_cost_min_group.max(3) as usize)
        .filter_map(|(u, v)| spread(v).map(|st| (u.to_string(), st)))
        .collect();
    let k = Decimal::new(6745, 4);
    for c in &costs {
        let label = ind_label(c.p, c.i);
        let cost = c.yuan_per_unit;
        let unit = &c.unit;
        let outlier = stats.get(unit).and_then(|&(median, scale)| {
            let z = k * (cost - median).abs() / scale;
            (z > th.unit_cost_outlier_z).then_some((median, z.round_dp(1)))
        });
        match outlier {
            Some((median, z)) => s.emit_at("unit-cost", Severity::Warning, || (value_loc(c.pi, c.p, c.i), format!(
                    "项目「{}」单位成本 {cost} 元/{unit}，明显偏离本表同类项目中位数 {median} 元/{unit}（修正 z 值 {z}）；主要产出：{label}",
                    c.p.name
                ), format!(
                    "project \"{}\" costs {cost} 元/{unit}, an outlier against the table's median {median} 元/{unit} (modified z {z})",
                    c.p.name
                ))),
            None => s.emit("unit-cost", || (value_loc(c.pi, c.p, c.i), format!("项目「{}」单位成本约 {cost} 元/{unit}（主要产出：{label}）", c.p.name), format!("project \"{}\" costs about {cost} 元/{unit}", c.p.name))),
        }
    }
}

/// Median and the robust scale (MAD, or 1.2533 × mean absolute deviation when MAD is 0).
fn spread(mut v: Vec<Decimal>) -> Option<(Decimal, Decimal)> {
    let median = median(&mut v)?;
    let mut dev: Vec<Decimal> = v.iter().map(|x| (*x - median).abs()).collect();
    let mad = median_of(&mut dev)?;
    if mad > Decimal::ZERO {
        return Some((median, mad));
    }
    let n = Decimal::from(dev.len() as u64);
    let mean: Decimal = dev.iter().copied().sum::<Decimal>() / n;
    let scale = mean * Decimal::new(12533, 4);
    (scale > Decimal::ZERO).then_some((median, scale))
}

fn median(v: &mut [Decimal]) -> Option<Decimal> {
    median_of(v)
}

fn median_of(v: &mut [Decimal]) -> Option<Decimal> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    let mid = n / 2;
    if n % 2 == 1 {
        v.get(mid).copied()
    } else {
        let a = *v.get(mid - 1)?;
        let b = *v.get(mid)?;
        Some((a + b) / Decimal::TWO)
    }
}
