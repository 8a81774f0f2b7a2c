//! `unit-cost`: money per unit of the main output, and outliers within the table.
//!
//! The main output of a project is its first quantitative 产出 indicator counted
//! in a counting unit (人次, 个, 场 …). Its unit cost is the project total in 元
//! divided by the target number (e.g. 316.00 元/人次), reported as info.
//! Projects whose main output shares a unit form a group; when a group has at
//! least `unit_cost_min_group` members, the modified z-score of the logarithm
//! `0.6745 × |ln x − median(ln)| / MAD(ln)` (MAD = median absolute deviation;
//! when it is 0, `1.2533 × mean absolute deviation`) above `unit_cost_outlier_z`
//! marks an outlier, reported as a warning. Logarithms because unit costs are
//! skewed: a project costing ten times the median is as far out as one costing a tenth.

use super::text::{unit_of, COUNT_UNITS};
use super::{msg, projects, value_loc, Arg, Message, Severity, Sink, Template};
use crate::model::{Category, Indicator, Project};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;

struct Cost<'a> {
    pi: usize,
    p: &'a Project,
    i: &'a Indicator,
    /// Borrowed from the table unless normalised (`％` → `%`).
    unit: std::borrow::Cow<'a, str>,
    yuan_per_unit: Decimal,
}

static UNIT_COST: Template = Template {
    zh: "项目「{0}」单位成本约 {1} 元/{2.unit}（主要产出：{2}）",
    en: "project \"{0}\" costs about {1} 元/{2.unit}",
};

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
            unit,
            yuan_per_unit: per.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        });
    }
    let th = s.profile.thresholds.clone();
    let mut groups: BTreeMap<&str, Vec<Decimal>> = BTreeMap::new();
    for c in &costs {
        groups
            .entry(c.unit.as_ref())
            .or_default()
            .push(c.yuan_per_unit);
    }
    let min_group = th.unit_cost_min_group.max(3) as usize;
    let stats: BTreeMap<&str, Stats> = groups
        .into_iter()
        .filter(|(_, v)| v.len() >= min_group)
        .filter_map(|(u, v)| Stats::of(v).map(|st| (u, st)))
        .collect();
    let limit = th.unit_cost_outlier_z.to_f64().unwrap_or(3.5);
    for c in &costs {
        let cost = c.yuan_per_unit;
        let unit = &c.unit;
        let outlier = stats.get(unit.as_ref()).and_then(|st| {
            let z = st.z(cost)?;
            (z > limit).then_some((st.median, (z * 10.0).round() / 10.0))
        });
        match outlier {
            Some((median, z)) => s.emit_at("unit-cost", Severity::Warning, || {
                let label = super::Label(c.p, c.i);
                (
                    value_loc(c.pi, c.p, c.i),
                    Message::owned(
                        format!(
                            "项目「{}」单位成本 {cost} 元/{unit}，明显偏离本表同类项目中位数 {median} 元/{unit}（对数修正 z 值 {z}）；主要产出：{label}",
                            c.p.name
                        ),
                        format!(
                            "project \"{}\" costs {cost} 元/{unit}, an outlier against the table's median {median} 元/{unit} (log modified z {z})",
                            c.p.name
                        ),
                    ),
                )
            }),
            None => s.emit("unit-cost", || {
                (
                    value_loc(c.pi, c.p, c.i),
                    msg!(
                        UNIT_COST,
                        Arg::project(c.pi),
                        Arg::Dec(cost),
                        Arg::indicator(c.pi, c.p, c.i)
                    ),
                )
            }),
        }
    }
}

/// Robust statistics of one group's unit costs. Costs are skewed (a few
/// projects cost ten times the rest), so the score works on their natural
/// logarithm; this is a statistic, not money arithmetic, hence `f64`.
struct Stats {
    /// Median cost in 元, exact, for messages.
    median: Decimal,
    /// Median of ln(cost).
    log_median: f64,
    /// MAD of ln(cost), or 1.2533 × mean absolute deviation when the MAD is 0.
    log_scale: f64,
}

impl Stats {
    fn of(mut v: Vec<Decimal>) -> Option<Stats> {
        let median = median_of(&mut v)?.round_dp(2);
        let mut logs: Vec<f64> = v
            .iter()
            .filter_map(|x| x.to_f64())
            .filter(|x| *x > 0.0)
            .map(f64::ln)
            .collect();
        let log_median = median_f64(&mut logs)?;
        let mut dev: Vec<f64> = logs.iter().map(|x| (x - log_median).abs()).collect();
        let mad = median_f64(&mut dev)?;
        let log_scale = if mad > 0.0 {
            mad
        } else {
            1.2533 * dev.iter().sum::<f64>() / dev.len().max(1) as f64
        };
        (log_scale > 0.0).then_some(Stats {
            median,
            log_median,
            log_scale,
        })
    }

    /// Modified z-score `0.6745 × |ln x − median| / scale`.
    fn z(&self, cost: Decimal) -> Option<f64> {
        let x = cost.to_f64().filter(|x| *x > 0.0)?.ln();
        Some(0.6745 * (x - self.log_median).abs() / self.log_scale)
    }
}

fn median_f64(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v.get(mid).copied()
    } else {
        Some((v.get(mid - 1)? + v.get(mid)?) / 2.0)
    }
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
