//! `unit-cost`: money per unit of the main output, and outliers within the table.
//!
//! The main output of a project is its first quantitative 产出 indicator counted
//! in a counting unit (人次, 个, 场 …). Its unit cost is the project total in 元
//! divided by the target number with its magnitude applied (`2万人次` = 20000
//! 人次; e.g. 316.00 元/人次), reported as info.
//! Projects whose main output shares a unit form a group (not 个, 项 or 次,
//! which count anything); when a group has at
//! least `unit_cost_min_group` members, the modified z-score of the logarithm
//! `0.6745 × |ln x − median(ln)| / MAD(ln)` (MAD = median absolute deviation;
//! when it is 0, `1.2533 × mean absolute deviation`) above `unit_cost_outlier_z`
//! marks an outlier, reported as a warning. Logarithms because unit costs are
//! skewed: a project costing ten times the median is as far out as one costing a tenth.

use super::id;
use super::text::{unit_of, FastMap, COUNT_UNITS};
use super::{msg, value_loc, Arg, Location, Message, Sink, Template};
use crate::model::{Category, Indicator, Project};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

struct Cost<'a> {
    pi: usize,
    p: &'a Project,
    i: &'a Indicator,
    /// Borrowed from the table unless normalised (`％` → `%`).
    unit: std::borrow::Cow<'a, str>,
    yuan_per_unit: Decimal,
    /// ln of `yuan_per_unit` (None when it is not positive), computed once.
    ln: Option<f64>,
    /// Where the finding points and the indicator argument, found while the
    /// project is at hand: the findings come after a second pass, by which time
    /// the project has long left the cache.
    loc: Location,
    ind: Arg,
}

static UNIT_COST: Template = Template {
    zh: "项目「{0}」单位成本约 {1} 元/{2.unit}（主要产出：{2}）",
    en: "project \"{0}\" costs about {1} 元/{2.unit} (main output: {2})",
};
static UNIT_COST_WAN: Template = Template {
    zh: "项目「{0}」单位成本约 {1} 万元/{2.unit}（主要产出：{2}）",
    en: "project \"{0}\" costs about {1} 万元/{2.unit} (main output: {2})",
};

/// A cost per unit as messages print it: two decimals always, and from
/// 10 000 元 on in 万元 (`1500.00 万元/公里`, as tables write such costs),
/// below in 元 (`316.00 元/人次`). Rounded half away from zero.
fn shown(yuan: Decimal) -> (Decimal, bool) {
    let wan = yuan.abs() >= Decimal::from(10_000);
    // ÷ 10 000 exactly, by moving the point (no division: this runs once
    // per project).
    let v = match wan {
        true => Decimal::try_from_i128_with_scale(yuan.mantissa(), yuan.scale() + 4)
            .unwrap_or_else(|_| yuan / Decimal::from(10_000)),
        false => yuan,
    };
    let mut v = if v.scale() > 2 {
        v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    } else {
        v
    };
    v.rescale(2);
    (v, wan)
}

/// A count per day, week or month (`公交日均客运量`, `每月服务人次`): not
/// what the year's money buys, so no divisor of it.
fn per_period(name: &str) -> bool {
    // One scan for the period's character first: most names have none.
    name.contains(['日', '天', '周', '月'])
        && ["日均", "周均", "月均", "每日", "每天", "每周", "每月"]
            .iter()
            .any(|w| name.contains(w))
}

/// [`shown`] with its unit, for the outlier message.
fn shown_text(yuan: Decimal) -> String {
    match shown(yuan) {
        (v, true) => format!("{v} 万元"),
        (v, false) => format!("{v} 元"),
    }
}

/// `unit-cost` over the whole table, fed project by project
/// ([`UnitCosts::project`], in one pass with the other table-wide rules) and
/// reported at the end ([`UnitCosts::finish`]).
pub(super) struct UnitCosts<'t> {
    on: bool,
    costs: Vec<Cost<'t>>,
}

impl<'t> UnitCosts<'t> {
    pub(super) fn new(s: &Sink<'t>) -> Self {
        let on = s.on(id!("unit-cost")) || s.on(id!("unit-cost-outlier"));
        // A cost per project at most: room for all at once (a cost is large,
        // and growing copied the list a dozen times).
        let room = match on {
            true => s.table.projects().count(),
            false => 0,
        };
        UnitCosts {
            on,
            costs: Vec::with_capacity(room),
        }
    }

    /// Project `p` (index `pi`); projects in source order.
    pub(super) fn project(&mut self, pi: usize, p: &'t Project) {
        if !self.on {
            return;
        }
        let Some(total) = p.funding.amount().filter(|v| *v > Decimal::ZERO) else {
            return;
        };
        let main = p.indicators.iter().find_map(|i| {
            if i.category != Category::Output || per_period(&i.name) {
                return None;
            }
            let q = i.target.quantity()?;
            let u = unit_of(i)?;
            // the number meant: `2万人次` counts 20000 人次 (normalised: `0.5万`
            // gives 5000, not 5000.0, so the cost prints as for `5000`)
            let value = q.scaled()?.normalize();
            (COUNT_UNITS.contains(&u.as_ref()) && value > Decimal::ZERO).then_some((i, value, u))
        });
        let Some((i, value, unit)) = main else {
            return;
        };
        let Some(yuan) = total.checked_mul(Decimal::from(10_000)) else {
            return;
        };
        let Some(per) = yuan.checked_div(value) else {
            return;
        };
        let yuan_per_unit = per.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        self.costs.push(Cost {
            pi,
            p,
            i,
            unit,
            yuan_per_unit,
            ln: ln_of(yuan_per_unit),
            loc: value_loc(pi, p, i),
            ind: Arg::indicator(pi, p, i),
        });
    }

    /// The unit cost of every project, outliers as warnings.
    pub(super) fn finish(self, s: &mut Sink<'t>) {
        if self.on {
            report(s, &self.costs);
        }
    }
}

fn report(s: &mut Sink<'_>, costs: &[Cost<'_>]) {
    let th = s.profile.thresholds.clone();
    let mut groups: FastMap<&str, Vec<&Cost<'_>>> = FastMap::default();
    // 个, 项 and 次 count anything (an air-quality station, a soil plot, a
    // village's sewage works are all 个): costs per such unit are not alike,
    // and no median of them says what one should cost.
    for c in costs
        .iter()
        .filter(|c| !matches!(c.unit.as_ref(), "个" | "项" | "次"))
    {
        groups.entry(c.unit.as_ref()).or_default().push(c);
    }
    let min_group = th.unit_cost_min_group.max(3) as usize;
    let stats: FastMap<&str, Stats> = groups
        .into_iter()
        .filter(|(_, v)| v.len() >= min_group)
        .filter_map(|(u, v)| Stats::of(&v).map(|st| (u, st)))
        .collect();
    let limit = th.unit_cost_outlier_z.to_f64().unwrap_or(3.5);
    let outliers = s.on(id!("unit-cost-outlier"));
    for c in costs {
        let cost = c.yuan_per_unit;
        let unit = &c.unit;
        // With unit-cost-outlier off, an outlier's cost is information too.
        let outlier = stats
            .get(unit.as_ref())
            .filter(|_| outliers)
            .and_then(|st| {
                let z = st.z(c.ln?);
                (z > limit).then_some((st.median, (z * 10.0).round() / 10.0))
            });
        match outlier {
            Some((median, z)) => s.emit(id!("unit-cost-outlier"), || {
                let label = super::Label(c.p, c.i, super::Lang::Zh);
                (
                    c.loc.clone(),
                    Message::owned(
                        format!(
                            "项目「{}」单位成本 {}/{unit}，明显偏离本表同类项目中位数 {}/{unit}（对数修正 z 值 {z}）；主要产出：{label}",
                            super::Named(c.p, super::Lang::Zh),
                            shown_text(cost),
                            shown_text(median),
                        ),
                        format!(
                            "project \"{}\" costs {}/{unit}, an outlier against the table's median {}/{unit} (log modified z {z}); main output: {}",
                            super::Named(c.p, super::Lang::English),
                            shown_text(cost),
                            shown_text(median),
                            super::Label(c.p, c.i, super::Lang::English),
                        ),
                    ),
                )
            }),
            None => s.emit(id!("unit-cost"), || {
                let (v, wan) = shown(cost);
                let template: &'static Template = if wan { &UNIT_COST_WAN } else { &UNIT_COST };
                (
                    c.loc.clone(),
                    msg!(*template, Arg::project(c.pi), Arg::Dec(v), c.ind.clone()),
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
    fn of(group: &[&Cost<'_>]) -> Option<Stats> {
        let mut v: Vec<Decimal> = group.iter().map(|c| c.yuan_per_unit).collect();
        let median = median_of(&mut v)?.round_dp(2);
        let mut logs: Vec<f64> = group.iter().filter_map(|c| c.ln).collect();
        let log_median = median_f64(&mut logs)?;
        let mut dev: Vec<f64> = logs.iter().map(|x| (x - log_median).abs()).collect();
        let mad = median_f64(&mut dev)?;
        let log_scale = if mad > 0.0 {
            mad
        } else {
            // Summed in ascending order, so the score does not depend on
            // where the selection above left each deviation.
            dev.sort_unstable_by(f64::total_cmp);
            1.2533 * dev.iter().sum::<f64>() / dev.len().max(1) as f64
        };
        (log_scale > 0.0).then_some(Stats {
            median,
            log_median,
            log_scale,
        })
    }

    /// Modified z-score `0.6745 × |ln x − median| / scale` of a cost's logarithm.
    fn z(&self, ln: f64) -> f64 {
        0.6745 * (ln - self.log_median).abs() / self.log_scale
    }
}

/// ln of a positive cost.
fn ln_of(cost: Decimal) -> Option<f64> {
    cost.to_f64().filter(|x| *x > 0.0).map(f64::ln)
}

/// The middle element (odd length), or the two middle ones (even length),
/// by selection: linear, where sorting is not; the order of `v` is changed.
enum Middle<T> {
    One(T),
    Two(T, T),
}

fn middle<T: Copy>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) -> Option<Middle<T>> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    let (below, &mut upper, _) = v.select_nth_unstable_by(mid, &cmp);
    if n % 2 == 1 {
        return Some(Middle::One(upper));
    }
    // The lower middle is the largest element below the upper one.
    let lower = below.iter().copied().max_by(|a, b| cmp(a, b))?;
    Some(Middle::Two(lower, upper))
}

fn median_f64(v: &mut [f64]) -> Option<f64> {
    Some(match middle(v, f64::total_cmp)? {
        Middle::One(m) => m,
        Middle::Two(a, b) => (a + b) / 2.0,
    })
}

fn median_of(v: &mut [Decimal]) -> Option<Decimal> {
    // Unit costs are rounded to cents: each compared as whole cents (and
    // its scale), two integers, where comparing decimals cost more than the
    // rest of the selection. The comparisons' outcomes are the same, so the
    // selection picks the same values.
    if v.iter().all(|d| d.scale() <= CENTS) {
        let mut keyed: Vec<((i128, u32), Decimal)> =
            v.iter().map(|&d| (cents_then_scale(d), d)).collect();
        return Some(match middle(&mut keyed, |a, b| a.0.cmp(&b.0))? {
            Middle::One((_, m)) => m,
            Middle::Two((_, a), (_, b)) => (a + b) / Decimal::TWO,
        });
    }
    Some(match middle(v, by_value_then_scale)? {
        Middle::One(m) => m,
        Middle::Two(a, b) => (a + b) / Decimal::TWO,
    })
}

/// Equal values of different scales (20000 and 20000.00) are ordered by
/// scale, so which one is the median, and how it prints, is fixed.
fn by_value_then_scale(a: &Decimal, b: &Decimal) -> std::cmp::Ordering {
    a.cmp(b).then_with(|| a.scale().cmp(&b.scale()))
}

/// The decimals of a cent.
const CENTS: u32 = 2;

/// A value of at most [`CENTS`] decimals in whole cents, and its scale:
/// ordered as [`by_value_then_scale`] orders the values (a mantissa takes
/// 96 bits: times 100 it fits).
fn cents_then_scale(d: Decimal) -> (i128, u32) {
    let scale = d.scale().min(CENTS);
    (d.mantissa() * 10i128.pow(CENTS - scale), d.scale())
}

#[cfg(test)]
mod tests {
    use super::{by_value_then_scale, cents_then_scale, median_f64, median_of};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// The median by comparing the decimals themselves (the former form).
    fn median_by_decimals(v: &mut [Decimal]) -> Option<Decimal> {
        Some(match super::middle(v, by_value_then_scale)? {
            super::Middle::One(m) => m,
            super::Middle::Two(a, b) => (a + b) / Decimal::TWO,
        })
    }

    proptest! {
        /// Cents and scale order values as the decimals do, and the median
        /// by them is the one by the decimals, digit for digit.
        #[test]
        fn median_by_cents_is_by_decimals(
            v in proptest::collection::vec((-3000i64..3000, 0u32..4), 0..60),
        ) {
            let mut d: Vec<Decimal> = v.iter().map(|&(m, s)| Decimal::new(m, s)).collect();
            for a in &d {
                for b in &d {
                    if a.scale() <= 2 && b.scale() <= 2 {
                        prop_assert_eq!(cents_then_scale(*a).cmp(&cents_then_scale(*b)), by_value_then_scale(a, b));
                    }
                }
            }
            let want = median_by_decimals(&mut d.clone()).map(|m| m.to_string());
            prop_assert_eq!(median_of(&mut d).map(|m| m.to_string()), want.clone());
            let mut cents: Vec<Decimal> = v.iter().map(|&(m, s)| Decimal::new(m, s.min(2))).collect();
            let want = median_by_decimals(&mut cents.clone()).map(|m| m.to_string());
            prop_assert_eq!(median_of(&mut cents).map(|m| m.to_string()), want);
        }
    }

    /// The medians by selection equal the medians of the sorted values.
    #[test]
    fn medians_by_selection_equal_sorting() {
        let mut state = 17u64;
        for n in 0..40usize {
            let v: Vec<i64> = (0..n)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((state >> 40) % 9) as i64
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_unstable();
            let want = match n {
                0 => None,
                _ if n % 2 == 1 => sorted.get(n / 2).map(|m| *m as f64),
                _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
            };
            let mut f: Vec<f64> = v.iter().map(|x| *x as f64).collect();
            assert_eq!(median_f64(&mut f), want, "{v:?}");
            let mut d: Vec<Decimal> = v.iter().map(|x| Decimal::new(*x, 1)).collect();
            let want_d = want.map(|m| Decimal::try_from(m / 10.0).unwrap_or_default());
            assert_eq!(median_of(&mut d), want_d, "{v:?}");
            // Equal values at mixed scales: the median prints the same
            // whatever order the values come in.
            let mixed: Vec<Decimal> = v
                .iter()
                .enumerate()
                .map(|(k, x)| Decimal::new(*x * 10i64.pow(k as u32 % 3), k as u32 % 3))
                .collect();
            let printed = |mut d: Vec<Decimal>| median_of(&mut d).map(|m| m.to_string());
            let mut reversed = mixed.clone();
            reversed.reverse();
            let mut rotated = mixed.clone();
            rotated.rotate_left(n / 3);
            assert_eq!(printed(mixed.clone()), printed(reversed), "{v:?}");
            assert_eq!(printed(mixed), printed(rotated), "{v:?}");
        }
    }
}
