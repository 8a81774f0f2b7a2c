//! Rules that compare a target with the past: `target-too-low`.
//!
//! Row layouts such as the Hubei 黄石 批复表 print last year's actual beside the
//! target (`指标值 / 2021年实际实现值 | 预期2022年实现值`, GUIDE §3.3). A target less
//! ambitious than what was already achieved needs a reason (GUIDE §2.6, §4 row 30).
//!
//! Only comparable pairs are judged: the prior actual must read as one plain
//! number (no comparator, range or label), in the target's unit or bare; the
//! direction must be stated or safely implied. Anything else gives no finding.

use super::id;
use super::text::{norm_unit, unit_of};
use super::{msg, projects, value_loc, Arg, Sink, Template};
use crate::grammar::parse_value;
use crate::model::{Approx, Comparator, Direction, Indicator, Quantity, Target};
use rust_decimal::Decimal;

static BELOW_YEAR: Template = Template {
    zh: "{0}：目标值「{0.raw}」低于{1}年实际值「{0.prior}」",
    en: "{0}: target \"{0.raw}\" is below the {1} actual \"{0.prior}\"",
};
static BELOW_LAST_YEAR: Template = Template {
    zh: "{0}：目标值「{0.raw}」低于上年实际值「{0.prior}」",
    en: "{0}: target \"{0.raw}\" is below last year's actual \"{0.prior}\"",
};
static ABOVE_YEAR: Template = Template {
    zh: "{0}：反向指标的目标值「{0.raw}」高于{1}年实际值「{0.prior}」",
    en: "{0}: target \"{0.raw}\" of a lower-is-better indicator is above the {1} actual \"{0.prior}\"",
};
static ABOVE_LAST_YEAR: Template = Template {
    zh: "{0}：反向指标的目标值「{0.raw}」高于上年实际值「{0.prior}」",
    en: "{0}: target \"{0.raw}\" of a lower-is-better indicator is above last year's actual \"{0.prior}\"",
};

pub(super) fn check(s: &mut Sink<'_>) {
    const ID: super::RuleId = id!("target-too-low");
    if !s.on(ID) {
        return;
    }
    let t = s.table;
    // Nothing to compare in tables without a 上年实际值 column (the one-cell layout).
    if !t.has_prior_actual() {
        return;
    }
    let year = t.prior_year();
    for (pi, p) in projects(t) {
        for i in &p.indicators {
            let Some(direction) = too_low(i) else {
                continue;
            };
            let template = match (direction, year) {
                (Direction::HigherBetter, Some(_)) => &BELOW_YEAR,
                (Direction::HigherBetter, None) => &BELOW_LAST_YEAR,
                (Direction::LowerBetter, Some(_)) => &ABOVE_YEAR,
                (Direction::LowerBetter, None) => &ABOVE_LAST_YEAR,
            };
            let year_arg = year.map_or(Arg::None, |y| Arg::Int(i64::from(y)));
            s.emit(ID, || {
                (
                    value_loc(pi, p, i),
                    msg!(*template, Arg::indicator(pi, p, i), year_arg),
                )
            });
        }
    }
}

/// The direction in which the target of `i` falls short of its prior actual,
/// or `None` when it does not, or when the two cannot be compared safely.
fn too_low(i: &Indicator) -> Option<Direction> {
    let prior_text = i.prior_actual()?;
    let Target::Quantitative(q) = &i.target else {
        return None;
    };
    let direction = better(i, q)?;
    let unit = unit_of(i);
    // magnitudes applied on both sides: `2万人次` against `18000人次`
    let value = q.scaled()?;
    let prior = prior_value(prior_text, unit.as_deref(), value)?;
    let short = match direction {
        // A range promises at least its lower bound.
        Direction::HigherBetter => value < prior,
        // … and at most its upper bound.
        Direction::LowerBetter => q.scaled_hi().unwrap_or(value) > prior,
    };
    short.then_some(direction)
}

/// Which way is better for the target: `≥ > =`, a range or no comparator mean
/// higher is better, `≤ <` or a 指标方向性 column saying 反向 lower is better.
/// `None` (no judgement) when the comparator and the column disagree, or when
/// nothing is stated and the name suggests lower is better (成本, 投诉, 事故 … see
/// [`Indicator::direction`]): an `=0起` accident target is not "too low".
fn better(i: &Indicator, q: &Quantity) -> Option<Direction> {
    let by_op = q.op.and_then(Comparator::direction);
    match (by_op, i.direction_stated()) {
        (Some(a), Some(b)) if a != b => None,
        (Some(d), _) | (None, Some(d)) => Some(d),
        // Nothing stated: a time or deadline (时效, 30分钟, 10月底前) may be better
        // lower or higher, and a name reading lower-is-better stays unjudged.
        (None, None) if is_time(i) => None,
        (None, None) => match i.direction() {
            (Direction::HigherBetter, _) => Some(Direction::HigherBetter),
            (Direction::LowerBetter, _) => None,
        },
    }
}

/// A 时效 indicator: by its 二级, its name or a time unit.
fn is_time(i: &Indicator) -> bool {
    const NAMES: [&str; 6] = ["时间", "时限", "时长", "用时", "周期", "期限"];
    const UNITS: [&str; 9] = ["年", "月", "日", "天", "周", "小时", "分钟", "工作日", "秒"];
    let sub = i.subcategory.as_deref().unwrap_or_default();
    sub.contains("时效")
        || sub.contains("进度")
        || NAMES.iter().any(|n| i.name.contains(n))
        || unit_of(i).is_some_and(|u| UNITS.contains(&u.as_ref()))
}

/// The prior actual as a number in the target's unit, when it is one: a single
/// number without comparator, range or label, whose unit equals the target's
/// (after normalisation) or is absent. A bare prior is not trusted where its
/// scale is in doubt: `0.9` against a percentage above 1 (a fraction?), or a
/// money target a thousand times larger or smaller (元 against 万元?).
fn prior_value(text: &str, target_unit: Option<&str>, target: Decimal) -> Option<Decimal> {
    let parsed = parse_value(text);
    if parsed.label.is_some() {
        return None;
    }
    let Target::Quantitative(prior) = parsed.target else {
        return None;
    };
    // `约200` is not compared, as when the grammar read 约 as a label
    // (`200左右` and `200余` are).
    if prior.approx.is_some_and(Approx::before_number) {
        return None;
    }
    if !matches!(prior.op, None | Some(Comparator::Eq)) || prior.value_hi.is_some() {
        return None;
    }
    let value = prior.scaled()?;
    match prior.unit.as_deref().map(norm_unit) {
        Some(u) => (target_unit == Some(u.as_ref())).then_some(value),
        None => {
            let unit = target_unit.unwrap_or_default();
            if unit == "%" && value.abs() <= Decimal::ONE && target.abs() > Decimal::ONE {
                return None;
            }
            if unit.ends_with('元') && scale_doubt(value, target) {
                return None;
            }
            Some(value)
        }
    }
}

/// Whether two positive amounts differ by a factor of 1000 or more.
fn scale_doubt(a: Decimal, b: Decimal) -> bool {
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() || b.is_zero() {
        return false;
    }
    let factor = Decimal::from(1000);
    let (small, big) = if a < b { (a, b) } else { (b, a) };
    small.checked_mul(factor).is_none_or(|s| big >= s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn prior_values() {
        assert_eq!(prior_value("200", Some("人次"), d("220")), Some(d("200")));
        assert_eq!(
            prior_value("200人次", Some("人次"), d("220")),
            Some(d("200"))
        );
        assert_eq!(prior_value("90％", Some("%"), d("92")), Some(d("90")));
        assert_eq!(prior_value("200人", Some("人次"), d("220")), None);
        assert_eq!(prior_value("200人次", None, d("220")), None);
        assert_eq!(prior_value("≥200", None, d("220")), None);
        assert_eq!(prior_value("80-90%", Some("%"), d("92")), None);
        assert_eq!(prior_value("约200", None, d("220")), None);
        assert_eq!(prior_value("大约200", None, d("220")), None);
        assert_eq!(prior_value("/", None, d("220")), None);
        assert_eq!(prior_value("", None, d("220")), None);
        assert_eq!(prior_value("0.9", Some("%"), d("92")), None);
        assert_eq!(prior_value("600000", Some("万元"), d("50")), None);
        assert_eq!(prior_value("60", Some("万元"), d("50")), Some(d("60")));
    }
}
