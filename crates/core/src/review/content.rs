//! Completeness and quality rules: categories present, counts, shares,
//! misplaced levels, inputs as outputs, boilerplate, satisfaction, time, cost,
//! long-term wording, money scale in the goal.

use super::id;
use super::text::{
    bigrams_into, char_positions, deadline_year, has, has_either, has_in, is_cost, is_outcome,
    is_time_limit, long_term, long_term_in, names_cost_saving, names_satisfaction, trim, unit_of,
    ByteSet, FastHasher, FastMap, Keywords,
};
use super::{
    ind_label, indicator_loc, msg, project_loc, value_loc, Arg, Facts, Lang, Message, Severity,
    Sink, Template,
};
use crate::grammar::{parent_of_second_level, parse_comparator};
use crate::model::{Category, Comparator, Direction, Field, Indicator, MoneyScale, Project, Span};
use crate::money::wan_for_message;
use rust_decimal::Decimal;
use std::hash::Hasher;

static MISSING_OUTPUT: Template = Template {
    zh: "项目「{0}」缺少产出指标",
    en: "project \"{0}\" has no output indicator",
};
static MISSING_BENEFIT: Template = Template {
    zh: "项目「{0}」缺少效益指标",
    en: "project \"{0}\" has no outcome indicator",
};
static MISSING_SATISFACTION: Template = Template {
    zh: "项目「{0}」缺少满意度指标",
    en: "project \"{0}\" has no satisfaction indicator",
};
static MISSING_COST: Template = Template {
    zh: "项目「{0}」缺少成本指标",
    en: "project \"{0}\" has no cost indicator",
};
static QUALITATIVE_SHARE: Template = Template {
    zh: "项目「{0}」{1} 个指标中有 {2} 个定性指标，占比过高",
    en: "project \"{0}\": {2} of {1} indicators are qualitative",
};
static MISSING_QUANTITY_QUALITY: Template = Template {
    zh: "项目「{0}」缺少定量的{1}指标",
    en: "project \"{0}\" lacks a quantitative {1} indicator",
};
static QUANTITY_AND_QUALITY: Template = Template {
    zh: "数量、质量",
    en: "quantity and quality",
};
static QUANTITY: Template = Template {
    zh: "数量",
    en: "quantity",
};
static QUALITY: Template = Template {
    zh: "质量",
    en: "quality",
};
static INPUT_AS_OUTPUT: Template = Template {
    zh: "{0}：含「{1}」，衡量的是投入或管理过程，不是{0.category}",
    en: "{0}: \"{1}\" measures an input or a process, not an {0.category}",
};
static LEVEL_MISPLACED: Template = Template {
    zh: "{0}放在{0.category}下，应归入{1}",
    en: "{0} is under {0.category}, belongs to {1}",
};
static SATISFACTION_LEVEL: Template = Template {
    zh: "满意度指标",
    en: "satisfaction",
};
static OUTPUT_LEVEL: Template = Template {
    zh: "产出指标",
    en: "output",
};
static COST_LEVEL: Template = Template {
    zh: "成本指标",
    en: "cost",
};
static BENEFIT_VERB: Template = Template {
    zh: "{0}以“{1}”开头，更像产出指标",
    en: "{0} looks like an output, not an outcome",
};
static BENEFIT_COUNT: Template = Template {
    zh: "{0}以“{0.unit}”计建设、改造的数量，更像产出指标",
    en: "{0} counts what is built or renovated, an output, not an outcome",
};
static BENEFIT_UNIT: Template = Template {
    zh: "{0}以“{0.unit}”计量，更像产出指标",
    en: "{0} looks like an output, not an outcome",
};
static SATISFACTION_LOW: Template = Template {
    zh: "{0}：满意度目标 {1}% 低于 {2}%",
    en: "{0}: satisfaction target {1} % below {2} %",
};
static SATISFACTION_HIGH: Template = Template {
    zh: "{0}：满意度目标「{0.raw}」要求全部满意，不合理可行，通常设为 90%–95%",
    en: "{0}: the satisfaction target \"{0.raw}\" asks everyone to be satisfied; about 90–95 % is attainable",
};
static OP_COLUMN_CONFLICT: Template = Template {
    zh: "{0}：指标性质「{1}」与指标值「{0.raw}」的比较方向相反",
    en: "{0}: the comparator column \"{1}\" points the other way from the value \"{0.raw}\"",
};
static DIRECTION_CONFLICT: Template = Template {
    zh: "{0}：指标方向性为{1}，目标却以「{2}」设限",
    en: "{0}: the direction column says {1}, but the target is bounded with \"{2}\"",
};
static SATISFACTION_CAPPED: Template = Template {
    zh: "{0}：满意度越高越好，目标却以「{1}」设上限",
    en: "{0}: satisfaction is better higher, but the target caps it with \"{1}\"",
};
static LOWER_FLOORED: Template = Template {
    zh: "{0}：成本、差错、事故、投诉类指标越低越好，目标却以「{1}」设下限",
    en: "{0}: a cost, error, accident or complaint indicator is better lower, but the target sets a floor with \"{1}\"",
};
static HIGHER_BETTER: Template = Template {
    zh: "正向指标",
    en: "正向 (higher is better)",
};
static LOWER_BETTER: Template = Template {
    zh: "反向指标",
    en: "反向 (lower is better)",
};
static TIMELINESS_NO_DATE: Template = Template {
    zh: "{0}：时效指标值「{0.raw}」没有日期或期限",
    en: "{0}: timeliness value \"{0.raw}\" has no date or duration",
};
static QUALITATIVE_VAGUE: Template = Template {
    zh: "{0}：定性指标值「{0.raw}」只是评价词，没有可判断的标准",
    en: "{0}: the qualitative target \"{0.raw}\" is a grade word with nothing to judge it by",
};
static DEADLINE_OUTSIDE: Template = Template {
    zh: "{0}：期限「{0.raw}」{1}预算年度（{2}年）",
    en: "{0}: the deadline \"{0.raw}\" is {1} the budget year ({2})",
};
static GOAL_DEADLINE_BEFORE: Template = Template {
    zh: "项目「{0}」的绩效目标「{1}」中的期限早于预算年度（{2}年），多是沿用了往年的目标",
    en: "project \"{0}\": the deadline in its goal \"{1}\" is before the budget year ({2}), most often last year's goal copied",
};
static AFTER_YEAR: Template = Template {
    zh: "晚于",
    en: "after",
};
static BEFORE_YEAR: Template = Template {
    zh: "早于",
    en: "before",
};
static COST_EXCEEDS: Template = Template {
    zh: "{0}：成本 {1}万元 超过项目金额 {2}万元",
    en: "{0}: cost {1} 万元 exceeds the project amount {2} 万元",
};
static COST_BELOW: Template = Template {
    zh: "{0}：成本 {1}万元 不到项目金额 {0.amount}万元的五分之一，成本与资金不匹配（可能少写了一位，或金额偏大）",
    en: "{0}: a cost of {1} 万元 is under a fifth of the project amount of {0.amount} 万元; cost and money do not match (a digit lost, or the money overstated)",
};
static COST_TIMES_OUTPUT: Template = Template {
    zh: "{0}：按此成本标准，{1}（{1.raw}）需 {2}万元，超过项目金额 {0.amount}万元的三倍",
    en: "{0}: at this cost standard, {1} ({1.raw}) needs {2} 万元, over three times the project amount of {0.amount} 万元",
};
static COST_TIMES_OUTPUT_MONTHS: Template = Template {
    zh: "{0}：按此成本标准（每月，全年12个月），{1}（{1.raw}）需 {2}万元，超过项目金额 {0.amount}万元的三倍",
    en: "{0}: at this cost standard (per month, twelve months a year), {1} ({1.raw}) needs {2} 万元, over three times the project amount of {0.amount} 万元",
};
static COST_TIMES_OUTPUT_QUARTERS: Template = Template {
    zh: "{0}：按此成本标准（每季度，全年4个季度），{1}（{1.raw}）需 {2}万元，超过项目金额 {0.amount}万元的三倍",
    en: "{0}: at this cost standard (per quarter, four quarters a year), {1} ({1.raw}) needs {2} 万元, over three times the project amount of {0.amount} 万元",
};
static LONG_TERM: Template = Template {
    zh: "{0}使用了跨年度表述「{1}」",
    en: "{0} is worded over several years (\"{1}\")",
};
/// `indicator-duplicate`, by how the earlier indicator is found: [same value,
/// another value] × [its item number (one-cell); its row (row layouts); its
/// place in the cell (one-cell, when it has no number or the same one)].
static REPEATED: [[Template; 3]; 2] = [
    [
        Template {
            zh: "{0}与本项目第{1}项重复（名称、指标值均相同）",
            en: "{0} repeats item {1} of the same project (same name and value)",
        },
        Template {
            zh: "{0}与本项目第{1}行的指标重复（名称、指标值均相同）",
            en: "{0} repeats the indicator on row {1} of the same project (same name and value)",
        },
        Template {
            zh: "{0}与本项目单元格中第{1}个指标重复（名称、指标值均相同）",
            en: "{0} repeats indicator {1} of the same project's cell (same name and value)",
        },
    ],
    [
        Template {
            zh: "{0}与本项目第{1}项同名，指标值却不同（「{0.raw}」与「{2.raw}」）",
            en: "{0} has the name of item {1} of the same project but another value (\"{0.raw}\" and \"{2.raw}\")",
        },
        Template {
            zh: "{0}与本项目第{1}行的指标同名，指标值却不同（「{0.raw}」与「{2.raw}」）",
            en: "{0} has the name of the indicator on row {1} of the same project but another value (\"{0.raw}\" and \"{2.raw}\")",
        },
        Template {
            zh: "{0}与本项目单元格中第{1}个指标同名，指标值却不同（「{0.raw}」与「{2.raw}」）",
            en: "{0} has the name of indicator {1} of the same project's cell but another value (\"{0.raw}\" and \"{2.raw}\")",
        },
    ],
];
static SCALE_MISMATCH: Template = Template {
    zh: "项目「{0}」的目标以“{1}”表述金额，表格单位为{2}",
    en: "project \"{0}\": goal quotes money in {1}, the table is in {2}",
};

/// `satisfaction-high`: a satisfaction target of 100 % (`=100%`, `≥100%`,
/// `达到100%`, a bare `100%`) is not 合理可行: reviewers send it back for
/// about 90–95 %. Only a name that says 满意度/满意率 counts (under 满意度指标
/// sit 投诉办结率 and the like, whose 100 % is a plain target); above 100 %
/// is percent-out-of-range's, and a cap (`≤100%`) direction-conflict's.
/// `fact`: the indicator's.
fn satisfaction_high(
    s: &mut Sink,
    pi: usize,
    p: &Project,
    i: &Indicator,
    unit: Option<&str>,
    fact: &Facts<'_>,
) {
    let Some(q) = i.target.quantity() else {
        return;
    };
    let max = s.profile.thresholds.satisfaction_max;
    let hundred = Decimal::from(100);
    let capped = q.op.and_then(Comparator::direction) == Some(Direction::LowerBetter);
    if unit == Some("%")
        && q.value >= max
        && q.value <= hundred
        && !capped
        && fact.satisfaction()
        && !lower_is_better_rate(i)
    {
        s.emit(id!("satisfaction-high"), || {
            (
                value_loc(pi, p, i),
                msg!(SATISFACTION_HIGH, Arg::indicator(pi, p, i)),
            )
        });
    }
}

/// `direction-conflict`: the comparator of the value, the 指标性质 column and
/// the 指标方向性 column must point the same way, and a satisfaction target
/// cannot be an upper bound. One finding per indicator, the first conflict.
/// `fact`: the indicator's.
fn direction_conflict(s: &mut Sink<'_>, pi: usize, p: &Project, i: &Indicator, fact: &Facts<'_>) {
    let Some(q) = i.target.quantity() else {
        return;
    };
    let Some(way) = q.op.and_then(Comparator::direction) else {
        return;
    };
    let op_written = || q.op_raw.clone().unwrap_or_default();
    // The value's comparator wins over the column's when both are written
    // (`parse_target_parts`), so the column is compared with it here.
    let column = i.op_column().filter(|c| {
        parse_comparator(c)
            .and_then(Comparator::direction)
            .is_some_and(|d| d != way)
    });
    let message = if let Some(c) = column {
        msg!(
            OP_COLUMN_CONFLICT,
            Arg::indicator(pi, p, i),
            Arg::text(c.trim())
        )
    } else if let Some(stated) = i
        .direction_stated()
        .filter(|d| *d != way)
        // `3个月内` beside 正向 is a deadline ("by"), as `≤2024年12月31日` is.
        .filter(|d| !(*d == Direction::HigherBetter && is_time_limit(q, unit_of(i).as_deref())))
    {
        let term = match stated {
            Direction::HigherBetter => &HIGHER_BETTER,
            Direction::LowerBetter => &LOWER_BETTER,
        };
        msg!(
            DIRECTION_CONFLICT,
            Arg::indicator(pi, p, i),
            Arg::Term(term),
            Arg::text(op_written())
        )
    } else if way == Direction::LowerBetter
        && (i.category == Category::Satisfaction || fact.satisfaction())
        && !lower_is_better_rate(i)
    {
        msg!(
            SATISFACTION_CAPPED,
            Arg::indicator(pi, p, i),
            Arg::text(op_written())
        )
    } else if way == Direction::HigherBetter && lower_better_name(i, q) {
        msg!(
            LOWER_FLOORED,
            Arg::indicator(pi, p, i),
            Arg::text(op_written())
        )
    } else {
        return;
    };
    s.emit(id!("direction-conflict"), || (value_loc(pi, p, i), message));
}

/// A name that is better lower (GUIDE §2.3: 成本 费用 投诉 事故 差错率 发生率 …),
/// read narrowly so that a floor on it is a mistake: a rate of errors,
/// accidents, complaints or losses (`安全事故发生率`, `工程差错率`,
/// `群众投诉率`), or a cost or fee in money (`设备采购成本 ≥30万元`). Not a
/// rate of handling them (`投诉处理率`, `成本控制率`), a saving
/// (`节约运行成本`) or a reduction (`事故发生率下降`).
fn lower_better_name(i: &Indicator, q: &crate::model::Quantity) -> bool {
    let name = trim(&i.name);
    const RATES: [&str; 20] = [
        "发生率",
        "差错率",
        "出错率",
        "错误率",
        "失误率",
        "事故率",
        "投诉率",
        "死亡率",
        "受害率",
        "发病率",
        "不合格率",
        "返工率",
        "超支率",
        "故障率",
        "失败率",
        "误报率",
        "漏报率",
        "违规率",
        "破损率",
        "损失率",
    ];
    // The cheap tests first: most floors (`≥500人次`, `≥95%`) fail them.
    let hit = if name.ends_with('率') {
        RATES.iter().any(|r| name.ends_with(r))
    } else {
        let money = q
            .unit
            .as_deref()
            .or(i.unit_column().map(trim))
            .is_some_and(in_money);
        // Under 成本指标, money spent is a cost too (`强制免疫经费支出
        // 45.50万元以上`, ur59 094); elsewhere 支出 may be others' spending
        // (`带动居民消费支出`). A standard or quota of 经费 is the least each
        // beneficiary is owed (`人均基本公共卫生服务经费补助标准 ≥94元/人`,
        // `小学生均公用经费基准定额 ≥720元/生·年`): its floor is right.
        // So is 经费 allocated per beneficiary or case (`生均公用经费
        // ≥950元/生·年`, `以案定补经费 ≥300元/件`), without 标准 in its name.
        let per_head = || {
            ["生均", "人均", "户均", "校均", "以案"]
                .iter()
                .any(|w| has(name, w))
                && q.unit.as_deref().is_some_and(|u| u.contains("元/"))
        };
        let standard = || name.ends_with("标准") || name.ends_with("定额") || per_head();
        let spent = || {
            i.category == Category::Cost && (has(name, "经费") || has(name, "支出")) && !standard()
        };
        money && (has(name, "成本") || has(name, "费用") || spent())
    };
    hit && !names_cost_saving(name)
}

/// A rate under 满意度 that is better lower: 投诉率, 不满意率, or one whose
/// 指标方向性 says 反向. Its `≤5%` is no capped satisfaction and no low one.
fn lower_is_better_rate(i: &Indicator) -> bool {
    let complaints = ["投诉", "不满意", "差评", "举报"]
        .iter()
        .any(|k| has(&i.name, k));
    // A 反向 beside `求职者满意度 ≤90%` repeats the cap; it does not make
    // satisfaction better lower.
    complaints
        || (i.direction_stated() == Some(Direction::LowerBetter) && !names_satisfaction(&i.name))
}

/// The completeness and quality rules on project `p` (index `pi`);
/// `facts`: its indicators', in order.
pub(super) fn project(
    s: &mut Sink<'_>,
    pi: usize,
    p: &Project,
    on: &mut Switches,
    facts: &[Facts<'_>],
) {
    if p.indicators.is_empty() {
        return;
    }
    let on_long_term = on.long_term;
    let span = on.span;
    completeness(s, pi, p, facts);
    if on.repeated {
        repeated(s, pi, p, facts, &mut on.hashes);
    }
    for ((k, i), fact) in p.indicators.iter().enumerate().zip(facts) {
        quality(s, pi, p, (k, i), on_long_term, span, fact);
    }
    scale_in_goal(s, pi, p);
    cost_below_budget(s, pi, p, facts);
    goal_deadline_before_year(s, pi, p);
}

/// Whether `text` may name a year before `fiscal`: a run of four ASCII
/// digits from 1900 on and below it, or any full-width digit (left to
/// [`crate::grammar::deadline_in_words`] to read). Most goals name none.
fn names_earlier_year(text: &str, fiscal: u16) -> bool {
    let b = text.as_bytes();
    // Full-width digits are U+FF10..U+FF19: EF BC 90..99.
    if b.windows(3).any(|w| matches!(w, [0xEF, 0xBC, 0x90..=0x99])) {
        return true;
    }
    b.split(|c| !c.is_ascii_digit()).any(|run| {
        run.len() == 4
            && std::str::from_utf8(run)
                .ok()
                .and_then(|r| r.parse::<u16>().ok())
                .is_some_and(|y| (1900..fiscal).contains(&y))
    })
}

/// `deadline-outside-year` in the goal: a sentence whose deadline
/// (`确保2023年12月底前完工`) falls before the budget year, as when last
/// year's goal is copied. One after the year is not reported here: a
/// project over several years states when the whole is done.
fn goal_deadline_before_year(s: &mut Sink<'_>, pi: usize, p: &Project) {
    let (Some(fiscal), Some(goal)) = (s.table.fiscal_year, p.goal.as_deref()) else {
        return;
    };
    if !s.on(id!("deadline-outside-year")) || !names_earlier_year(goal, fiscal) {
        return;
    }
    // Clause by clause: the finding underlines the words of the deadline.
    const MARKS: [char; 7] = ['。', '；', ';', '\n', '，', ',', '、'];
    let mut from = 0;
    for clause in goal.split_inclusive(MARKS) {
        let at = from;
        from += clause.len();
        let text = clause.trim_end_matches(MARKS);
        if crate::grammar::deadline_in_words(text).is_none_or(|y| y >= fiscal) {
            continue;
        }
        let lead = text.len() - text.trim_start().len();
        let (start, end) = (at + lead, at + text.len());
        let mut loc = project_loc(s.table, pi, p, Field::Goal);
        loc.span = Some(Span::new(start as u32, end as u32));
        s.emit(id!("deadline-outside-year"), || {
            (
                loc,
                msg!(
                    GOAL_DEADLINE_BEFORE,
                    Arg::project(pi),
                    Arg::GoalSpan(pi as u32, start as u32, end as u32),
                    Arg::Int(i64::from(fiscal))
                ),
            )
        });
    }
}

/// `cost-below-budget`: a total named as the project's whole cost
/// (`项目总成本 ≤2.4万元`) under a fifth of the amount (24.50 万元): 相应匹配
/// broken the other way from cost-exceeds-budget (a digit lost, or the
/// money overstated). Not when another cost of the project bears the amount
/// out (within three times) or exceeds it. A standard times its output
/// about a tenth of the amount is not reported: that is as often the
/// output's count a digit short (`教师培训人次 ≥320` for the goal's 3200,
/// goal-indicator-number's), or a subsidy paying part of each case.
fn cost_below_budget(s: &mut Sink<'_>, pi: usize, p: &Project, facts: &[Facts<'_>]) {
    let Some(e) = whole_cost_far_below(p, facts) else {
        return;
    };
    let message = msg!(
        COST_BELOW,
        Arg::indicator(pi, p, e.cost),
        Arg::Dec(wan_for_message(e.estimate))
    );
    s.emit(id!("cost-below-budget"), || {
        (value_loc(pi, p, e.cost), message)
    });
}

/// The estimate [`cost_below_budget`] reports: the first total named as the
/// whole cost under a fifth of the amount, when no estimate bears the
/// amount out or exceeds it. `facts`: `p`'s indicators', in order.
fn whole_cost_far_below<'p>(p: &'p Project, facts: &'p [Facts<'p>]) -> Option<Estimate<'p>> {
    // Cheap test first: most projects state no cost in money.
    if !p
        .indicators
        .iter()
        .any(|i| is_cost(i) && i.target.quantity().is_some())
    {
        return None;
    }
    let amount = p.funding.amount().filter(|a| *a > Decimal::ZERO)?;
    // One pass: an estimate bearing the amount out or above it settles it
    // (whatever came before); else the first total far below is the one.
    let mut below = None;
    for e in cost_estimates_by(p, facts) {
        if within_3x(e.estimate, amount) || e.estimate > amount {
            return None;
        }
        if below.is_none()
            && e.count.is_none()
            && e.estimate > Decimal::ZERO
            && e.estimate * Decimal::from(5) <= amount
            && names_whole_cost(&e.cost.name)
        {
            below = Some(e);
        }
    }
    below
}

/// Money a cost indicator puts on a project, as [`CostEstimate`] without
/// `whole` (which [`cost_below_budget`] does not ask).
#[derive(Debug, PartialEq)]
struct Estimate<'p> {
    cost: &'p Indicator,
    count: Option<&'p Indicator>,
    /// 万元.
    estimate: Decimal,
}

/// [`cost_estimates`] of `p`, in the same order, with the units of
/// `facts` (its indicators', in order) instead of each found again for
/// every cost per unit.
fn cost_estimates_by<'p>(
    p: &'p Project,
    facts: &'p [Facts<'p>],
) -> impl Iterator<Item = Estimate<'p>> + 'p {
    p.indicators
        .iter()
        .zip(facts)
        .filter(|(i, _)| is_cost(i))
        .flat_map(move |(i, fact)| cost_estimates_of_by(p, facts, i, fact.unit.as_deref()))
}

/// [`cost_estimates_of`] of the cost indicator `i` of `p`, whose unit is
/// `unit`; `facts`: `p`'s indicators', in order.
fn cost_estimates_of_by<'p>(
    p: &'p Project,
    facts: &'p [Facts<'p>],
    i: &'p Indicator,
    unit: Option<&'p str>,
) -> impl Iterator<Item = Estimate<'p>> + 'p {
    let q = i.target.quantity();
    let unit = q.and(unit);
    let total = q.and_then(|q| cost_wan(q, unit));
    let per_unit = match (q, total, unit) {
        (Some(q), None, Some(u)) => u
            .split_once(['/', '／'])
            .and_then(|(money, per)| Some((cost_wan(q, Some(money))?, per))),
        _ => None,
    };
    let whole = total.map(|estimate| Estimate {
        cost: i,
        count: None,
        estimate,
    });
    let times = per_unit.into_iter().flat_map(move |(each, per)| {
        let periods: &'static [u32] = if has(per, "月") {
            &[1, 12]
        } else if has(per, "季") {
            &[1, 4]
        } else {
            &[1]
        };
        p.indicators
            .iter()
            .zip(facts)
            .filter(move |(c, fact)| {
                !is_cost(c)
                    && fact
                        .unit
                        .as_deref()
                        .is_some_and(|u| same_count_unit(per, u))
            })
            .filter_map(|(c, _)| Some((c, c.target.quantity()?.scaled()?)))
            .flat_map(move |(c, n)| {
                periods.iter().filter_map(move |&k| {
                    Some(Estimate {
                        cost: i,
                        count: Some(c),
                        estimate: each.checked_mul(n)?.checked_mul(Decimal::from(k))?,
                    })
                })
            })
    });
    whole.into_iter().chain(times)
}

/// Rules of [`project`] looked up once per review.
pub(super) struct Switches {
    /// `long-term-in-annual`.
    pub long_term: bool,
    /// The years a multi-year table spans, by its title (`2024-2026年`),
    /// when it has no budget year.
    pub span: Option<(u16, u16)>,
    /// `indicator-duplicate`.
    pub repeated: bool,
    /// Scratch room of `indicator-duplicate`, kept from project to project.
    hashes: Vec<u64>,
}

impl Switches {
    pub(super) fn new(s: &Sink<'_>) -> Self {
        Switches {
            long_term: s.on(id!("long-term-in-annual")),
            span: s
                .table
                .fiscal_year
                .is_none()
                .then(|| s.table.title.as_deref().and_then(year_span))
                .flatten(),
            repeated: s.on(id!("indicator-duplicate")),
            hashes: Vec::new(),
        }
    }
}

/// `indicator-duplicate`: an indicator whose (一级, 二级, name) an earlier
/// indicator of the same project already has. Each repeat names the first.
fn repeated(s: &mut Sink<'_>, pi: usize, p: &Project, facts: &[Facts<'_>], hashes: &mut Vec<u64>) {
    let n = p.indicators.len();
    if n < 2 {
        return;
    }
    // Pairs are told apart by a fingerprint first (the keys compared only
    // when the fingerprints agree): most names of a project have the same
    // length, and a string comparison per pair cost more than a fingerprint
    // of each name.
    hashes.clear();
    hashes.extend(
        p.indicators
            .iter()
            .zip(facts)
            .map(|(i, fact)| fingerprint(key(i), (&i.name, fact.name_bytes))),
    );
    let mut seen: FastMap<u64, Vec<usize>> = FastMap::default();
    for (k, i) in p.indicators.iter().enumerate().skip(1) {
        let Some(this) = key(i) else {
            continue;
        };
        let h = hashes.get(k).copied();
        let same = |j: &usize| {
            hashes.get(*j).copied() == h && p.indicators.get(*j).and_then(key) == Some(this)
        };
        // Most projects have a handful of indicators: comparing pairs beats a map.
        let first = if n <= 32 {
            (0..k).find(same)
        } else {
            if seen.is_empty() {
                if let Some(h0) = hashes.first() {
                    seen.insert(*h0, vec![0]);
                }
            }
            let bucket = seen.entry(h.unwrap_or_default()).or_default();
            let found = bucket.iter().copied().find(same);
            if found.is_none() {
                bucket.push(k);
            }
            found
        };
        let Some(j) = first else {
            continue;
        };
        let Some(earlier) = p.indicators.get(j) else {
            continue;
        };
        let same_value = trim(&earlier.raw_value) == trim(&i.raw_value);
        let one_cell = p.indicator_cell.is_some();
        let (how, number) = match earlier.seq {
            Some(q) if one_cell && i.seq != Some(q) => (0, i64::from(q)),
            _ if !one_cell => (1, i64::from(earlier.origin.row)),
            _ => (2, j as i64 + 1),
        };
        let template = REPEATED
            .get(usize::from(!same_value))
            .and_then(|t| t.get(how))
            .unwrap_or(&super::message::EMPTY);
        s.emit(id!("indicator-duplicate"), || {
            (
                super::indicator_loc(pi, p, i),
                msg!(
                    *template,
                    Arg::Indicator(pi as u32, k as u32),
                    Arg::Int(number),
                    Arg::Indicator(pi as u32, j as u32)
                ),
            )
        });
    }
}

/// What makes two indicators of a project the same for
/// `indicator-duplicate`: (一级, 二级, name), trimmed.
type DupKey<'a> = (Category, &'a str, &'a str);

/// [`DupKey`] of `i`; `None` for a blank name.
fn key(i: &Indicator) -> Option<DupKey<'_>> {
    let name = trim(&i.name);
    (!name.is_empty()).then(|| (i.category, i.subcategory.as_deref().map_or("", trim), name))
}

/// A fingerprint of a key, 0 for none: equal keys have equal fingerprints,
/// which is all [`repeated`] needs. The name counts by its length and its
/// bytes' set ([`ByteSet`]); `untrimmed`: the name before trimming and its
/// set, which is the trimmed name's when trimming took nothing off.
fn fingerprint(k: Option<DupKey<'_>>, untrimmed: (&str, ByteSet)) -> u64 {
    let ends = |t: &str| {
        let b = t.as_bytes();
        let (mut head, mut tail) = ([0u8; 8], [0u8; 8]);
        head.iter_mut().zip(b).for_each(|(d, x)| *d = *x);
        tail.iter_mut()
            .zip(b.iter().rev())
            .for_each(|(d, x)| *d = *x);
        u64::from_le_bytes(head) ^ u64::from_le_bytes(tail).rotate_left(29)
    };
    k.map_or(0, |(c, sub, name)| {
        let set = if name.len() == untrimmed.0.len() {
            untrimmed.1
        } else {
            ByteSet::of(name)
        };
        let lens = (name.len() as u64) << 40 ^ (sub.len() as u64) << 52 ^ (c as u64) << 60;
        let mut h = FastHasher::default();
        h.write_u64(set.bits() ^ lens);
        h.write_u64(if sub.is_empty() { 0 } else { ends(sub) });
        h.finish() | 1
    })
}

/// The completeness rules (missing-*, too-few-indicators,
/// qualitative-share, missing-quantity-quality) on project `p`; `facts`:
/// its indicators', in order.
fn completeness(s: &mut Sink<'_>, pi: usize, p: &Project, facts: &[Facts<'_>]) {
    let t = s.table;
    let profile = s.profile;
    let th = &profile.thresholds;
    let loc = || project_loc(t, pi, p, Field::IndicatorCell);
    // One pass over the indicators for every question asked of them.
    let mut output = false;
    let mut outcome = false;
    let mut satisfaction = false;
    let mut cost = false;
    let mut qual = 0usize;
    let mut any_sub = false;
    // An output item naming no 二级 may be the 数量 or 质量 one: then the
    // question cannot be answered (`1-产出指标：…` beside
    // `2-产出指标-数量指标：…` in one cell).
    let mut output_without_sub = false;
    let mut quant_quantity = false;
    let mut quant_quality = false;
    for (i, fact) in p.indicators.iter().zip(facts) {
        let is_c = is_cost(i);
        // A 二级 written as the 一级 (`1-数量指标：…`) counts for its 一级:
        // level-unknown reports the slip, not a missing kind as well.
        let category = match i.category {
            Category::Unknown => {
                parent_of_second_level(&i.category_raw).unwrap_or(Category::Unknown)
            }
            c => c,
        };
        // A cost in money under 产出 (`3-产出指标：项目总成本，…≤25万元`,
        // `保洁员人均年工资成本 ≤8000元/人`): tables of the classic framework
        // keep 成本 as a 二级 of 产出 (GUIDE §2.1), and the one-cell form
        // has no room for the 二级.
        let cost_as_output = category == Category::Output
            && has_in(&i.name, fact.name_bytes, "成本")
            && fact.unit.as_deref().is_some_and(in_money);
        output |= category == Category::Output && !is_c && !cost_as_output;
        outcome |= is_outcome(category);
        // A satisfaction indicator filed under another 一级 (`沿线群众满意度`
        // under 效益) is there: level-misplaced says where it belongs, not
        // missing-satisfaction as well.
        satisfaction |= category == Category::Satisfaction
            || (category != Category::Unknown && fact.satisfaction());
        cost |= is_c || cost_as_output || category == Category::Cost;
        // A deadline (`2024年12月31日前`) is met or not: no 定性 grade.
        qual += usize::from(
            i.target.is_qualitative() && !deadline_text(trim(&i.raw_value), fact.raw_bytes),
        );
        output_without_sub |= i.category == Category::Output
            && i.subcategory.as_deref().is_none_or(|s| trim(s).is_empty());
        if let Some(sub) = i.subcategory.as_deref() {
            any_sub = true;
            if i.category == Category::Output && i.target.quantity().is_some() {
                quant_quantity |= has(sub, "数量");
                quant_quality |= has(sub, "质量");
            }
        }
    }
    if !output {
        s.emit(id!("missing-output"), || {
            (loc(), msg!(MISSING_OUTPUT, Arg::project(pi)))
        });
    }
    if !outcome {
        s.emit(id!("missing-benefit"), || {
            (loc(), msg!(MISSING_BENEFIT, Arg::project(pi)))
        });
    }
    if !satisfaction {
        s.emit(id!("missing-satisfaction"), || {
            (loc(), msg!(MISSING_SATISFACTION, Arg::project(pi)))
        });
    }
    if !cost {
        let sev = if th.require_cost {
            Severity::Warning
        } else {
            Severity::Info
        };
        s.emit_at(id!("missing-cost"), sev, || {
            (loc(), msg!(MISSING_COST, Arg::project(pi)))
        });
    }
    let n = p.indicators.len();
    if (n as u64) < u64::from(th.too_few_indicators_count) {
        let amount = p.funding.amount().unwrap_or_default();
        let sev = if amount >= th.too_few_indicators_amount {
            Severity::Warning
        } else {
            Severity::Info
        };
        s.emit_at(id!("too-few-indicators"), sev, || {
            (
                loc(),
                Message::owned(
                    format!(
                        "项目「{}」（{}万元）只有 {n} 个指标，少于 {}",
                        super::Named(p, Lang::Zh),
                        wan_for_message(amount),
                        th.too_few_indicators_count
                    ),
                    format!(
                        "project \"{}\" ({} 万元) has only {n} indicator{}, fewer than {}",
                        super::Named(p, Lang::English),
                        wan_for_message(amount),
                        if n == 1 { "" } else { "s" },
                        th.too_few_indicators_count
                    ),
                ),
            )
        });
    }
    if qual > 0 {
        let share = Decimal::from(qual as u64) / Decimal::from(n as u64);
        if share > th.qualitative_share_max {
            s.emit(id!("qualitative-share"), || {
                (
                    loc(),
                    msg!(
                        QUALITATIVE_SHARE,
                        Arg::project(pi),
                        Arg::Int(n as i64),
                        Arg::Int(qual as i64)
                    ),
                )
            });
        }
    }
    // missing-quantity-quality: only where 二级 is given, to every output.
    if any_sub && !output_without_sub {
        let lacking = match (quant_quantity, quant_quality) {
            (false, false) => Some(&QUANTITY_AND_QUALITY),
            (false, true) => Some(&QUANTITY),
            (true, false) => Some(&QUALITY),
            (true, true) => None,
        };
        if let Some(l) = lacking {
            s.emit(id!("missing-quantity-quality"), || {
                (
                    loc(),
                    msg!(MISSING_QUANTITY_QUALITY, Arg::project(pi), Arg::Term(l)),
                )
            });
        }
    }
}

/// A standard capped in money per unit (`岗位补贴标准 不超过1500元/人·月`,
/// `人均康复救助标准 ≤20000元/人·年`): what the project pays for each, a
/// cost (ur59 091, 115). A standard raised (`低保保障标准 ≥720元/人·月`) is
/// the benefit itself.
fn capped_standard_in_money(i: &Indicator, name: &str, unit: Option<&str>) -> bool {
    let cap = capped_as_written(i);
    let per = unit.and_then(|u| u.split_once("元/")).map(|(_, per)| per);
    // A fee or price per thing, `单处健身路径年维护费用 ≤2500元/处`, `采购单价
    // ≤1.05万元/台`, is the project's cost too; not per head, where it may
    // be the public's, a benefit when held down (`次均住院费用 ≤8000元/人次`).
    let per_thing = || {
        ["费用", "经费", "单价"].iter().any(|w| name.ends_with(w))
            && per.is_some_and(|p| !p.starts_with(['人', '户', '名', '次']))
    };
    cap && per.is_some() && (name.ends_with("标准") || per_thing())
}

fn quality(
    s: &mut Sink<'_>,
    pi: usize,
    p: &Project,
    (k, i): (usize, &Indicator),
    on_long_term: bool,
    span: Option<(u16, u16)>,
    fact: &Facts<'_>,
) {
    let ind = || Arg::Indicator(pi as u32, k as u32);
    let name = i.name.as_str();
    // The name's bytes: most words asked of the name are settled by them.
    let nb = fact.name_bytes;
    let unit = fact.unit.as_deref();
    // input-as-output
    static INPUTS: Keywords = Keywords::new(&[
        "资金支出率",
        "预算执行率",
        "资金到位率",
        "支出进度",
        "结余率",
        "规章制度",
        "制度建立",
        "科目调整",
        "投入",
        "人力",
        "物力",
        "财力",
        "资金拨付率",
        "资金使用率",
        "制度建设",
        "管理制度",
        "健全制度",
        "完善制度",
        "制度健全",
        "制度完善",
        "预算执行",
        "资金执行",
        "支付进度",
        "拨付进度",
        "资金支付率",
        // 经费 is the word of many 区县 projects (…工作经费).
        "经费到位",
        "经费执行",
        "经费使用率",
        "经费支出率",
        "经费拨付",
        // How the money is handled is the process, not what it buys (a
        // probe's q04: `资金使用合规率 100%` under 产出).
        "资金使用合规",
        "资金管理合规",
        "资金使用规范",
        "资金管理规范",
        "采购执行率",
    ]);
    if matches!(i.category, Category::Output) || is_outcome(i.category) {
        let keyword = input_keyword(&INPUTS, name, nb).or_else(|| {
            matches!(i.category, Category::Output)
                .then(|| management_meetings(name, nb, &p.name, unit))
                .flatten()
        });
        if let Some(keyword) = keyword {
            s.emit(id!("input-as-output"), || {
                (
                    indicator_loc(pi, p, i),
                    msg!(INPUT_AS_OUTPUT, ind(), Arg::Str(keyword)),
                )
            });
        }
    }
    // level-misplaced
    let sub = i.subcategory.as_deref().unwrap_or("");
    // A cost to the public lowered, the verb in the value (`群众就医成本` |
    // `有所降低`), is a benefit as `降低群众就医成本` is; the project's own
    // cost in money is not.
    // (`较上年下降200万元`, `人均节省120元` are savings; `≤350万元，较预算节约`
    // caps the project's own cost.)
    let lowered_in_value = || {
        let raw = trim(&i.raw_value);
        let cap = capped_as_written(i);
        let money = money_unit(unit) || raw.contains('元');
        names_cost_saving(raw) && !(cap && money)
    };
    let misplaced = if i.category != Category::Satisfaction
        && i.category != Category::Unknown
        && (fact.satisfaction() || has(sub, "满意度"))
    {
        Some(&SATISFACTION_LEVEL)
    } else if counts_output_out_of_place(i, unit) {
        Some(&OUTPUT_LEVEL)
    } else if is_outcome(i.category)
        && ((has_in(name, nb, "成本") && !names_cost_saving(name) && !lowered_in_value())
            || has(sub, "成本")
            || capped_standard_in_money(i, name, unit))
    {
        Some(&COST_LEVEL)
    } else {
        None
    };
    if let Some(level) = misplaced {
        let t = s.table;
        // The category is what to change, not the value.
        s.emit(id!("level-misplaced"), || {
            (
                super::category_loc(t, pi, p, i),
                msg!(LEVEL_MISPLACED, ind(), Arg::Term(level)),
            )
        });
    }
    // benefit-is-output
    if is_outcome(i.category) {
        const EFFECT_WORDS: [&str; 10] = [
            "带动", "增收", "提升", "提高", "促进", "改善", "降低", "减少", "增长", "拉动",
        ];
        const VERBS: [&str; 8] = [
            "组建", "举办", "开展", "发布", "建设", "购置", "招募", "培训",
        ];
        const UNITS: [&str; 5] = ["篇", "场", "期", "份", "册"];
        // A rate of what the activity brought about (培训后就业率, 购置设备使用率,
        // 开展活动群众参与率) measures an effect, whatever verb it starts with.
        let rate = || {
            name.ends_with('率')
                || matches!(unit, Some("%" | "‰" | "‱"))
                || ["比例", "占比", "比重"].iter().any(|k| has_in(name, nb, k))
        };
        // An effect the activity brings about, in its own words
        // (`培训带动脱贫人口人均增收`, `开展宣传提升群众知晓率`).
        let effect = || EFFECT_WORDS.iter().any(|w| has_in(name, nb, w));
        // A count of what followed the activity (`培训后就业人数`,
        // `建设后受益群众人数`) is its effect, not the activity; 后勤
        // (logistics) and 后续 (follow-up) are words of their own.
        let after_activity = |rest: &str| {
            rest.starts_with('后') && !rest.starts_with("后勤") && !rest.starts_with("后续")
        };
        let verb = VERBS
            .iter()
            .find(|v| name.starts_with(*v))
            .filter(|v| !after_activity(&name[v.len()..]))
            .filter(|_| !rate() && !effect());
        let unit_hit = unit.filter(|u| UNITS.contains(u));
        // A count of things built or renovated (`改造老旧小区数量 =23个`):
        // the works themselves. People helped (受益人数, 新增就业人数) are
        // counted in other units and stay benefits.
        let built = || {
            const THINGS: [&str; 12] = [
                "个",
                "套",
                "处",
                "座",
                "公里",
                "千米",
                "米",
                "栋",
                "间",
                "台",
                "条",
                "平方米",
            ];
            const WORKS: [&str; 10] = [
                "改造", "新建", "建成", "修建", "维修", "修缮", "改建", "扩建", "安装", "铺设",
            ];
            unit.is_some_and(|u| THINGS.contains(&u))
                && ["数量", "个数", "数", "长度", "面积"]
                    .iter()
                    .any(|w| name.ends_with(w))
                && WORKS.iter().any(|w| has_in(name, nb, w))
                && !rate()
                && !effect()
        };
        let message = match (verb, unit_hit) {
            (Some(v), _) => Some(msg!(BENEFIT_VERB, ind(), Arg::Str(v))),
            (None, Some(_)) => Some(msg!(BENEFIT_UNIT, ind())),
            (None, None) if built() => Some(msg!(BENEFIT_COUNT, ind())),
            _ => None,
        };
        if let Some(message) = message {
            s.emit(id!("benefit-is-output"), || {
                (indicator_loc(pi, p, i), message)
            });
        }
    }
    let profile = s.profile;
    let th = &profile.thresholds;
    // satisfaction-low
    if let Some(q) = i.target.quantity() {
        if unit == Some("%")
            && q.value < th.satisfaction_min
            && (i.category == Category::Satisfaction || fact.satisfaction())
            && !lower_is_better_rate(i)
            // A cap (`≤90%`) is direction-conflict's finding: its number is
            // no floor to call low.
            && !(q.op.and_then(Comparator::direction) == Some(Direction::LowerBetter)
                && s.on(id!("direction-conflict")))
        {
            s.emit(id!("satisfaction-low"), || {
                (
                    value_loc(pi, p, i),
                    msg!(
                        SATISFACTION_LOW,
                        ind(),
                        Arg::Dec(q.value),
                        Arg::Dec(th.satisfaction_min)
                    ),
                )
            });
        }
    }
    satisfaction_high(s, pi, p, i, unit, fact);
    direction_conflict(s, pi, p, i, fact);
    // timeliness-no-date
    // The 二级 column says it in row layouts; the one-cell layout has only
    // the name (`服务时效`, `活动开展及时性`, `项目进度`).
    // Every name word has 时 or 进: one scan of the short name before the searches.
    // (Nor a count whose name holds such a word, `"时间银行"新增注册志愿者
    // 人数`, `预算执行进度通报次数`, `及时救助困难群众人次`.)
    let counts = ["数", "数量", "人次", "户次", "次"]
        .iter()
        .any(|w| name.ends_with(w));
    let timely = !name.ends_with('率')
        && !counts
        && (has(sub, "时效")
            || has(sub, "进度")
            || ((nb.may_have("时") || nb.may_have("进"))
                && has_either(name, "时", "进")
                // (`竣工时间`, `资金拨付时间`; a duration, `志愿服务时间
                // ≥2000小时`, states its unit of time.)
                && ["时间", "时限", "时效", "及时", "进度"]
                    .iter()
                    .any(|k| has_in(name, nb, k))));
    if timely {
        // (Minutes and seconds: a response time, `接警出动时限 ≤5分钟`.)
        const TIME: [&str; 16] = [
            "年",
            "月",
            "日",
            "天",
            "周",
            "季度",
            "小时",
            "工作日",
            "分钟",
            "秒",
            "前",
            "底",
            "内",
            "期间",
            "/",
            "-",
        ];
        // The row layouts give the unit its own column (`30` | `天`).
        let unit_text = unit.unwrap_or_default();
        // A date of any spelling (`2024.12`, `2024-12-31`) is one.
        let has_time = TIME.iter().any(|k| has_in(&i.raw_value, fact.raw_bytes, k))
            || crate::grammar::is_date_value(trim(&i.raw_value))
            || unit_text == "%"
            || TIME[..10].iter().any(|k| has(unit_text, k));
        if !has_time {
            s.emit(id!("timeliness-no-date"), || {
                (value_loc(pi, p, i), msg!(TIMELINESS_NO_DATE, ind()))
            });
        }
    }
    // qualitative-vague
    if let crate::model::Target::Qualitative { text } = &i.target {
        // A grade of a graded assessment has its standard
        // (`考核结果等次 优秀`, `体质健康测试等级 良好以上`, `空气质量 优良`).
        const GRADED: [&str; 10] = [
            "等次",
            "等级",
            "评级",
            "级别",
            "测评",
            "考核",
            "评价",
            "评定",
            "空气质量",
            "档次",
        ];
        if bare_grade(text) && !GRADED.iter().any(|g| has_in(name, nb, g)) {
            s.emit(id!("qualitative-vague"), || {
                (value_loc(pi, p, i), msg!(QUALITATIVE_VAGUE, ind()))
            });
        }
    }
    // deadline-outside-year
    if let Some(fiscal) = s.table.fiscal_year {
        // `到2025年底` is long-term-in-annual's already.
        let over_years = || on_long_term && long_term_in(&i.raw_value, fact.raw_bytes).is_some();
        // A deadline: said by a word after the date (`前`, `底前`, `完成`), or
        // the value of a timeliness indicator. A reference date
        // (`普查时点 2023年12月31日`, `基期`) is none.
        let raw = trim(&i.raw_value);
        let reference = || {
            ["时点", "基期", "基准", "基年", "截至"]
                .iter()
                .any(|w| has_in(name, nb, w))
        };
        let deadline = || {
            (timely
                || has_in(name, nb, "时间")
                || ["前", "内", "完成", "止", "底", "末"]
                    .iter()
                    .any(|w| raw.ends_with(w)))
                && !reference()
        };
        // Or a date with its deadline word inside wording
        // (`2025年3月底前完成竣工结算`).
        let in_words = || {
            has_in(raw, fact.raw_bytes, "年")
                .then(|| crate::grammar::deadline_in_words(raw))
                .flatten()
                .filter(|_| !reference())
        };
        let year = deadline_year(raw).filter(|_| deadline()).or_else(in_words);
        if let Some(year) = year.filter(|y| *y != fiscal && !over_years()) {
            let term = if year > fiscal {
                &AFTER_YEAR
            } else {
                &BEFORE_YEAR
            };
            s.emit(id!("deadline-outside-year"), || {
                (
                    value_loc(pi, p, i),
                    msg!(
                        DEADLINE_OUTSIDE,
                        ind(),
                        Arg::Term(term),
                        Arg::Int(i64::from(fiscal))
                    ),
                )
            });
        }
    }
    // cost-exceeds-budget
    if is_cost(i) {
        if let (Some(q), Some(total)) = (i.target.quantity(), p.funding.amount()) {
            if let Some(w) = cost_wan(q, unit) {
                // A cost per unit (`每公里改造成本`) above the whole amount, for
                // less than one unit of the output it names (`≥0.6公里`):
                // the cost of what is delivered is what must fit.
                let delivered_fits = || {
                    p.indicators.iter().any(|o| {
                        o.category == Category::Output
                            && o.target.quantity().is_some_and(|q| {
                                let o_unit = unit_of(o);
                                let named = o_unit.as_deref().is_some_and(|u| {
                                    let u = if u == "千米" { "公里" } else { u };
                                    !u.is_empty() && name.contains(u)
                                });
                                let scaled = q.scaled().unwrap_or(q.value);
                                named
                                    && scaled > Decimal::ZERO
                                    && scaled < Decimal::ONE
                                    && w.checked_mul(scaled).is_some_and(|c| c <= total)
                            })
                    })
                };
                let excused = || {
                    within_last_digit(q, w, total)
                        || whole_life_cost(name)
                        || (per_unit_cost(name) && delivered_fits())
                };
                if w > total && !excused() {
                    s.emit(id!("cost-exceeds-budget"), || {
                        (
                            value_loc(pi, p, i),
                            msg!(
                                COST_EXCEEDS,
                                ind(),
                                Arg::Dec(wan_for_message(w)),
                                Arg::Dec(wan_for_message(total))
                            ),
                        )
                    });
                }
            } else if total > Decimal::ZERO {
                // A cost per unit of an output (`人均培训成本 ≤3000元/人次`)
                // times that output (`≥3200人次`): more than three times the
                // money under every pairing is a slip (×10), not a loose cap.
                // (Not a count over years, `三年内累计培训教师人次`; nor a ceiling
                // per case, `最高救助标准`, `最高支付限额`, which few reach.)
                // (Nor a part of another count, `其中骨干教师培训人次`: the
                // standard is for all of them, unless it names the part,
                // `骨干教师人均培训成本`.)
                let over_years = |c: &Indicator| {
                    has(&c.name, "累计")
                        || long_term(&c.name).is_some()
                        || (trim(&c.name).starts_with("其中") && !names_part(name, c, p))
                };
                // (Nor a loan's quota, `创业担保贷款额度`: the bank's money.)
                // (Nor a guarantee line, `城乡低保保障标准 =960元/人·月`: what
                // is paid is the gap below it, 差额救助.)
                let ceiling = [
                    "最高",
                    "上限",
                    "限额",
                    "封顶",
                    "额度",
                    "贷款",
                    "保障标准",
                    "低保标准",
                ]
                .iter()
                .any(|w| has_in(name, nb, w));
                // A standard per month paid monthly (`按月发放`, `每月发放`)
                // is paid all year: twelve times, not once.
                // (Not when the goal says for how many months, `发放3个月`,
                // `7月至9月`, `寒假期间`; nor for an output counted in
                // payments, `3.6万人次`, which are person-months already.)
                let monthly = p.goal.as_deref().is_some_and(|g| {
                    ["按月", "每月"].iter().any(|w| has(g, w))
                        && ![
                            "个月", "月至", "月到", "月-", "月—", "月~", "月～", "期间", "寒假",
                            "暑假", "暑期", "见习", "试用", "季",
                        ]
                        .iter()
                        .any(|w| has(g, w))
                });
                let per_month = has(unit.unwrap_or(""), "月");
                let pairings: Vec<(&Indicator, Decimal, u32)> = cost_estimates_of(p, i)
                    .filter(|e| {
                        let payments = e.count.and_then(unit_of).is_some_and(|u| u.ends_with('次'));
                        !(monthly && per_month && e.times == 1 && !payments)
                    })
                    .filter_map(|e| Some((e.count?, e.estimate, e.times)))
                    .filter(|(c, ..)| !over_years(c))
                    .collect();
                // A standard per 人次 is paid per 人次: an output counted in
                // exactly that unit is the one it multiplies, and a smaller
                // count in a unit alike (`新入职教师培训人数 ≥200人`) does not
                // excuse it (a probe's q05: ×3000人次 is 900 万元 in 90.00).
                let per = unit
                    .and_then(|u| u.split_once(['/', '／']))
                    .map(|(_, per)| per.split(['·', '•']).next().unwrap_or(per));
                let exact =
                    |c: &Indicator| per.is_some_and(|per| unit_of(c).is_some_and(|u| u == per));
                let any_exact = pairings.iter().any(|(c, ..)| exact(c));
                let least = pairings
                    .into_iter()
                    .filter(|(c, ..)| !any_exact || exact(c))
                    .min_by(|a, b| a.1.cmp(&b.1));
                if let Some((count, need, times)) =
                    least.filter(|(_, need, _)| !ceiling && *need > total * Decimal::from(3))
                {
                    let template = match times {
                        12 => &COST_TIMES_OUTPUT_MONTHS,
                        4 => &COST_TIMES_OUTPUT_QUARTERS,
                        _ => &COST_TIMES_OUTPUT,
                    };
                    s.emit(id!("cost-exceeds-budget"), || {
                        (
                            value_loc(pi, p, i),
                            msg!(
                                *template,
                                ind(),
                                Arg::indicator(pi, p, count),
                                Arg::Dec(wan_for_message(need))
                            ),
                        )
                    });
                }
            }
        }
    }
    // long-term-in-annual
    if on_long_term {
        let year_of = |phrase: &str| {
            phrase
                .strip_prefix(['到', '至'])
                .and_then(|r| r.strip_suffix('年'))
                .and_then(|n| n.parse::<u16>().ok())
        };
        // `到2024年底` in the table of 2024 is this year's end: annual. A
        // multi-year table (`2024-2026年…中期绩效目标表`) has no annual
        // targets to confuse: only a year beyond its last is reported.
        let this_year = |phrase: &&str| match span {
            Some((_, last)) => year_of(phrase).is_none_or(|y| y <= last),
            None => s
                .table
                .fiscal_year
                .is_some_and(|y| year_of(phrase) == Some(y)),
        };
        let phrase = long_term_in(&i.raw_value, fact.raw_bytes)
            .filter(|p| !this_year(p))
            .or_else(|| long_term_in(name, nb).filter(|p| !this_year(p)));
        if let Some(phrase) = phrase {
            s.emit(id!("long-term-in-annual"), || {
                (
                    indicator_loc(pi, p, i),
                    msg!(LONG_TERM, ind(), Arg::text(phrase)),
                )
            });
        }
    }
}

/// Whether a cost's name names a part of the output (`其中骨干教师培训人次`)
/// by the words that set the part apart from the project's other outputs
/// (`骨干教师人均培训成本`'s 骨干, against `教师培训人次`).
fn names_part(cost: &str, part: &Indicator, p: &Project) -> bool {
    let mut own = Vec::new();
    bigrams_into(trim(&part.name).trim_start_matches("其中"), &mut own);
    let mut others = Vec::new();
    for o in p.indicators.iter().filter(|o| {
        o.category == Category::Output
            && !std::ptr::eq(*o, part)
            && !trim(&o.name).starts_with("其中")
    }) {
        bigrams_into(&o.name, &mut others);
    }
    own.iter()
        .filter(|g| !others.contains(g))
        .any(|[a, b]| cost.contains(&format!("{a}{b}")))
}

/// Whether a cost indicator names the whole project's investment
/// (`项目总投资`, `计划总投资`, `投资总额`, `总概算`): every year's and every
/// source's money (bonds, 自筹, later years), which a multi-year or co-funded
/// project's amount for this year is expected to fall short of, so no
/// measure of it. The year's own investment (`年度总投资`, `本年总投资`,
/// `当年总投资`) is not one. Asked only of a cost about to be reported.
fn whole_life_cost(name: &str) -> bool {
    ["总投资", "投资总额", "总概算"]
        .iter()
        .any(|w| has(name, w))
        && !["年度", "本年", "当年"].iter().any(|w| has(name, w))
}

/// The first span of years in `title` (`2024-2026年`, `2024年至2026年`):
/// (first, last), first before last, both plausible years.
fn year_span(title: &str) -> Option<(u16, u16)> {
    const SEPS: [&str; 8] = ["-", "—", "–", "－", "~", "～", "至", "到"];
    let year = |t: &str| {
        t.get(..4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u16>().ok())
            .filter(|y| (1990..=2100).contains(y))
    };
    let b = title.as_bytes();
    (0..b.len()).find_map(|i| {
        if i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let first = year(title.get(i..)?)?;
        let rest = title.get(i + 4..)?.trim_start();
        let rest = rest.strip_prefix('年').unwrap_or(rest).trim_start();
        let rest = SEPS
            .iter()
            .find_map(|sep| rest.strip_prefix(sep))?
            .trim_start();
        // The last year is followed by 年 (`2024-2026年`, `2024年至2026年度`):
        // `编号2024-2026` is no span.
        let last = year(rest).filter(|l| *l > first)?;
        rest.get(4..)?
            .trim_start()
            .starts_with('年')
            .then_some((first, last))
    })
}

/// The first input keyword of `name` that means an input here: a word the
/// sector or the phrase gives another sense (`人力资源`, `投入使用`,
/// `研发经费投入强度`) is passed over, and the rest of the name searched on.
/// A count of outputs (`补贴性职业技能培训人次 ≥3000人次`, `维护覆盖街道数量
/// =22个`) under 满意度 or 成本: neither what the served think nor money,
/// an output in the wrong slot.
fn counts_output_out_of_place(i: &Indicator, unit: Option<&str>) -> bool {
    const OPINION: [&str; 9] = [
        "满意", "投诉", "评价", "好评", "认可", "信任", "回访", "调查", "测评",
    ];
    const MONEY: [&str; 8] = ["成本", "费", "价", "资金", "金额", "元", "投资", "支出"];
    let words: &[&str] = match i.category {
        Category::Satisfaction => &OPINION,
        Category::Cost => &MONEY,
        _ => return false,
    };
    // A cap or a zero (`施工影响居民户数 ≤200户`, `媒体负面报道次数 =0次`)
    // limits a harm: no output.
    let cap = capped(i) || i.target.quantity().is_some_and(|q| q.value.is_zero());
    !cap && unit.is_some_and(|u| super::text::COUNT_UNITS.contains(&u))
        && !words.iter().any(|w| has(&i.name, w))
}

/// Whether an indicator's target is a ceiling (`≤`, `<`).
fn capped(i: &Indicator) -> bool {
    i.target
        .quantity()
        .is_some_and(|q| matches!(q.op, Some(Comparator::Le | Comparator::Lt)))
}

/// [`capped`], or a value written as a ceiling whatever it parsed to
/// (`≤350万元，较预算节约`, `不超过1500元/人·月`, `不高于…`).
fn capped_as_written(i: &Indicator) -> bool {
    let raw = trim(&i.raw_value);
    capped(i)
        || raw.starts_with(['≤', '<', '＜'])
        || raw.starts_with("不超过")
        || raw.starts_with("不高于")
}

/// A deadline, met or not: a date (`2024年12月31日前`) or a month's or the
/// year's end (`12月底前`, `年底前`, `6月底完成`).
/// `set`: the [`ByteSet`] of `t` or of a text holding it.
fn deadline_text(t: &str, set: ByteSet) -> bool {
    // Not a rhythm (`按月完成`, `每季度按时完成`).
    static PERIOD_ENDS: Keywords = Keywords::new(&[
        "年内",
        "上半年",
        "下半年",
        "季度内",
        "季度末",
        "月底",
        "月末",
        "年底",
        "年末",
    ]);
    if has_in(t, set, "每") || has_in(t, set, "按月") || has_in(t, set, "按季") {
        return false;
    }
    crate::grammar::is_date_value(t)
        || (["前", "底", "以前"].iter().any(|e| t.ends_with(e))
            && (has_in(t, set, "月") || has_in(t, set, "年底") || has_in(t, set, "年末")))
        || PERIOD_ENDS.find_in(t, set).is_some()
}

/// Whether a unit is one of money (`元`, `万元`, `元/人`).
fn money_unit(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| u.starts_with('元') || u.starts_with("万元") || u.starts_with("亿元"))
}

/// A cost per unit of output named so (`每公里改造成本`, `单公里造价`,
/// `单位成本`, `单价`): no total to set against the project's money.
fn per_unit_cost(name: &str) -> bool {
    name.contains('每')
        || (name.starts_with('单') && !name.starts_with("单位"))
        || name.contains("单位成本")
        || name.contains("单价")
}

/// The project's own management meetings counted as its output
/// (`召开培训工作推进会次数 ≥4次`): a process, unless the project is about
/// meetings (`人大会议经费`, `论坛`, `会展`), whose meetings are its output.
fn management_meetings(
    name: &str,
    name_bytes: ByteSet,
    project: &str,
    unit: Option<&str>,
) -> Option<&'static str> {
    // (Not 座谈会: talks with the public, deputies or firms are a service.)
    const MEETINGS: [&str; 10] = [
        "推进会",
        "调度会",
        "协调会",
        "部署会",
        "联席会",
        "例会",
        "工作会",
        "专题会",
        "领导小组会",
        "专班会",
    ];
    if !name_bytes.may_have("会") || !name.contains('会') {
        return None;
    }
    // (Counted by its name, or its value: `召开工作调度会 ≥12次`.)
    let counted = ["次数", "场次", "次", "场"]
        .iter()
        .any(|e| name.ends_with(e))
        || matches!(unit, Some("次" | "场" | "场次"));
    // (The cheap questions first: each is asked only when the answer could
    // still be a meeting.)
    if !counted {
        return None;
    }
    let meeting = MEETINGS.iter().find(|w| {
        name.match_indices(**w).any(|(at, _)| {
            let after = &name[at + w.len()..];
            let before = &name[..at];
            let consultation = after.starts_with('诊') || (**w == "例会" && before.ends_with('病'));
            !consultation
        })
    })?;
    // Not a consultation (`病例会诊`, `专题会诊`), a meeting served or
    // mediated for others (`保障…会场次`, `劳资纠纷调处协调会`, `三方协调会`,
    // `供需对接推进会`), nor a cap on failures (`…系统故障次数`).
    const SERVED: [&str; 13] = [
        "保障", "服务", "会务", "承办", "承接", "纠纷", "调处", "调解", "三方", "对接", "供需",
        "招商", "系统",
    ];
    if SERVED.iter().any(|w| name.contains(w)) {
        return None;
    }
    let about_meetings = [
        "会议",
        "会务",
        "论坛",
        "会展",
        "大会",
        "年会",
        "峰会",
        "博览会",
        "座谈会",
    ]
    .iter()
    .chain(MEETINGS.iter())
    .any(|w| {
        // (A building named for meetings is no meeting: `会议中心维修改造工程`,
        // `会议室改造`, `人民大会堂`.)
        project.match_indices(*w).any(|(at, _)| {
            let after = &project[at + w.len()..];
            !["中心", "室", "厅", "楼", "堂", "馆", "场所"]
                .iter()
                .any(|b| after.starts_with(b))
        })
    });
    (!about_meetings).then_some(*meeting)
}

/// `name_bytes`: the name's [`ByteSet`], which holds every rest's.
fn input_keyword(inputs: &Keywords, name: &str, name_bytes: ByteSet) -> Option<&'static str> {
    let mut rest = name;
    while let Some(k) = inputs.find_in(rest, name_bytes) {
        let at = rest.find(k)?;
        let after = &rest[at + k.len()..];
        // Money words name an input, not in a count of the work
        // (`专项经费执行情况审计项目数`, `预算执行情况审计项目数`,
        // `助学经费拨付学生人数`).
        // (Not an amount: `预算执行数`.)
        let counted = ["经费", "预算执行", "资金"].iter().any(|w| k.contains(w))
            && [
                "项目数",
                "人数",
                "户数",
                "个数",
                "次数",
                "件数",
                "家数",
                "单位数",
                "数量",
            ]
            .iter()
            .any(|e| name.ends_with(e));
        if !other_sense(k, after) && !induced_investment(name, k) && !counted {
            return Some(k);
        }
        rest = after;
    }
    None
}

/// Whether `keyword`, followed by `after`, is not the project's input:
/// 人力资源 is the 人社 sector's name (人力资源市场, 人力资源服务) and
/// 人力资本 people's skills, an outcome; 财力保障 is what 基本财力保障机制
/// (a transfer programme) secures for counties, its outcome, not the
/// project's resources; 投入使用/运营/运行/生产 is putting a facility into
/// service, an output; 投入品 are farm inputs (农业投入品: fertiliser,
/// pesticide), a thing inspected, not money; 投入产出比/率 is an efficiency
/// ratio; 投入强度 and 投入占…比重 measure society's or enterprises' R&D
/// spending, the standard 科技 outcome.
fn other_sense(keyword: &str, after: &str) -> bool {
    // Watching others' spending is a finance bureau's work, its output
    // (`预算执行动态监控覆盖率`, `预算执行情况通报次数`).
    const OVERSIGHT: [&str; 9] = [
        "动态监控",
        "监控",
        "监督",
        "监管",
        "分析",
        "通报",
        "检查",
        "考核",
        "审计",
    ];
    if keyword.contains("预算执行") || keyword.contains("支出进度") {
        let after = after.strip_prefix("情况").unwrap_or(after);
        if OVERSIGHT.iter().any(|w| after.starts_with(w)) {
            return true;
        }
    }
    match keyword {
        "人力" => after.starts_with("资源") || after.starts_with("资本"),
        "财力" => after.starts_with("保障"),
        "投入" => {
            [
                "使用",
                "运营",
                "运行",
                "生产",
                "试运行",
                "强度",
                "品",
                "产出",
            ]
            .iter()
            .any(|w| after.starts_with(w))
                || (after.starts_with('占') && ["比重", "比例"].iter().any(|w| after.contains(w)))
        }
        _ => false,
    }
}

/// `投入` that the project brings others to make (`带动企业研发投入`,
/// `撬动社会资本投入`, `吸引民间投入`): the investment it induces, an economic
/// benefit, not the project's own input. So is the spending of others the
/// project supports, named before it without a lever (`获奖补企业研发投入增长率`,
/// `社会资本投入`, `农户自筹投入`).
fn induced_investment(name: &str, keyword: &str) -> bool {
    const LEVERS: [&str; 7] = ["带动", "撬动", "吸引", "拉动", "引导", "吸纳", "引进"];
    const OTHERS: [&str; 6] = ["企业", "社会", "民间", "农户", "市场主体", "自筹"];
    keyword == "投入"
        && name.find("投入").is_some_and(|at| {
            name.get(..at)
                .is_some_and(|before| LEVERS.iter().chain(&OTHERS).any(|l| before.contains(l)))
        })
}

/// A target that is only a grade word (`良好`, `较好`, `效果良好`, `好`,
/// `一般`, `良好以上`): no direction, object or standard to judge it by.
fn bare_grade(text: &str) -> bool {
    let t = trim(text).trim_end_matches(['。', '.', '；', ';']);
    let t = t
        .strip_suffix("及以上")
        .or_else(|| t.strip_suffix("以上"))
        .unwrap_or(t);
    // Words around the grade that add no standard: `整体运行良好`, `达到良好水平`.
    let mut t = t
        .strip_suffix("水平")
        .or_else(|| t.strip_suffix("状态"))
        .unwrap_or(t);
    while let Some(r) = [
        "效果", "情况", "状况", "成效", "运行", "总体", "整体", "达到", "保持",
    ]
    .iter()
    .find_map(|w| t.strip_prefix(w))
    {
        t = r;
    }
    matches!(
        t,
        "好" | "良好"
            | "较好"
            | "很好"
            | "优"
            | "优良"
            | "优秀"
            | "一般"
            | "良"
            | "中"
            | "较优"
            | "好评"
            | "高"
            | "较高"
    )
}

/// Whether a cost of `w` 万元 exceeds `total` by less than one unit of the
/// cost's last written digit and by less than 1 % of the money (`≤181万元`
/// on 180.80 万元: the department rounded the cap up to a whole 万元, which
/// reads as "no more than the money"; `≤180.9万元` on 180.85 万元 likewise). A cap
/// written with trailing zeros (`≤1810000元`) is granted its last digit
/// only: the zeros may be meant. The 1 % bound keeps a coarse digit
/// (`≤1亿元`, `≤6万元` on 5.50 万元) from excusing more than rounding.
fn within_last_digit(q: &crate::model::Quantity, w: Decimal, total: Decimal) -> bool {
    if q.value <= Decimal::ZERO || total <= Decimal::ZERO {
        return false;
    }
    let over = w - total;
    // One unit of the last digit in the value's own terms, carried into
    // 万元 by the same factor as the value (w / value).
    let digit = Decimal::new(1, q.value.scale());
    let last_digit = w
        .checked_div(q.value)
        .and_then(|factor| factor.checked_mul(digit));
    last_digit.is_some_and(|d| over < d) && over * Decimal::from(100) < total
}

/// A cost target in 万元, when its unit is money (`≤50万元`, `≤400000元`);
/// `unit` is the indicator's ([`unit_of`]).
fn cost_wan(q: &crate::model::Quantity, unit: Option<&str>) -> Option<Decimal> {
    // `5万余元` is 5 × 万 元: the magnitude applied. A cost written
    // with a magnitude and no unit (`≤160万`) is in 元 (unit-missing
    // says the 元 is missing).
    // The same in a row layout whose 度量单位 is the bare `万` (the
    // magnitude is the quantity's, no unit left).
    let money_unit = match unit {
        _ if q.magnitude.is_some() && q.unit.is_none() => Some("元"),
        u => u,
    };
    q.scaled().and_then(|v| match wan_factor(money_unit?)? {
        WanFactor::Divide(d) => Some(v / Decimal::from(d)),
        WanFactor::Multiply(m) => v.checked_mul(Decimal::from(m)),
    })
}

/// The money `p`'s cost indicators put on it, in 万元: a total cost in money
/// (`≤250000万元`), or a cost per unit times the indicator counting that unit
/// (`≤30万元/公里` and `≥6000公里`; `=1500元/人·学期` and `≥400人次`; a
/// standard per month, `1200元/人·月` × `4人`, also for the year's 12
/// months, per quarter for its 4), with the indicators it comes from.
fn cost_estimates(p: &Project) -> impl Iterator<Item = CostEstimate<'_>> + '_ {
    p.indicators
        .iter()
        .filter(|i| is_cost(i))
        .flat_map(move |i| cost_estimates_of(p, i))
}

/// [`cost_estimates`] of the one cost indicator `i` of `p`.
fn cost_estimates_of<'p>(
    p: &'p Project,
    i: &'p Indicator,
) -> impl Iterator<Item = CostEstimate<'p>> + 'p {
    {
        {
            let q = i.target.quantity();
            let unit = q.and(unit_of(i));
            let total = q.and_then(|q| cost_wan(q, unit.as_deref()));
            let per_unit = match (q, total, unit.as_deref()) {
                (Some(q), None, Some(u)) => u
                    .split_once(['/', '／'])
                    .and_then(|(money, per)| Some((cost_wan(q, Some(money))?, per.to_string()))),
                _ => None,
            };
            let whole = total.map(|estimate| CostEstimate {
                cost: i,
                count: None,
                estimate,
                times: 1,
                whole: names_whole_cost(&i.name),
            });
            let times = per_unit.into_iter().flat_map(move |(each, per)| {
                let periods: &'static [u32] = if has(&per, "月") {
                    &[1, 12]
                } else if has(&per, "季") {
                    &[1, 4]
                } else {
                    &[1]
                };
                let whole = !names_part_fee(&i.name);
                p.indicators
                    .iter()
                    .filter(move |c| {
                        !is_cost(c) && unit_of(c).is_some_and(|u| same_count_unit(&per, &u))
                    })
                    .filter_map(|c| Some((c, c.target.quantity()?.scaled()?)))
                    .flat_map(move |(c, n)| {
                        periods.iter().filter_map(move |&k| {
                            Some(CostEstimate {
                                cost: i,
                                count: Some(c),
                                estimate: each.checked_mul(n)?.checked_mul(Decimal::from(k))?,
                                times: k,
                                whole,
                            })
                        })
                    })
            });
            whole.into_iter().chain(times)
        }
    }
}

/// Money a cost indicator (times the count it is per) puts on a project.
pub(super) struct CostEstimate<'p> {
    pub(super) cost: &'p Indicator,
    pub(super) count: Option<&'p Indicator>,
    /// 万元.
    pub(super) estimate: Decimal,
    /// The periods of the year a standard per month (12) or quarter (4) was
    /// multiplied by; 1 otherwise.
    pub(super) times: u32,
    /// Whether it can stand for the project's whole money: a total cost
    /// named as the project's (`项目总成本`), or a standard that is not the
    /// fee of one part (`专家评审费 ≤1.2万元` in a 12000 万元 project is a
    /// part, and near the amount ÷ 10 000 by chance).
    whole: bool,
}

/// Whether a cost's name says it is the project's whole cost for the year
/// (`项目总成本`, `成本总额`, `项目经费`), not a part (`专家评审费`) nor the
/// investment of a project over several years (`项目总投资`, `总概算`).
fn names_whole_cost(name: &str) -> bool {
    static WHOLE: Keywords = Keywords::new(&[
        "总成本",
        "成本总额",
        "总费用",
        "费用总额",
        "项目成本",
        "项目资金",
        "项目经费",
        "项目支出",
        "全年成本",
        "年度成本",
        "全年经费",
        "年度经费",
        "资金总额",
        "经费总额",
    ]);
    const BARE: [&str; 6] = ["成本", "经济成本", "成本控制", "资金", "经费", "项目总额"];
    let name = name.trim();
    !has(name, "投资") && !has(name, "概算") && (WHOLE.find(name).is_some() || BARE.contains(&name))
}

/// Whether a standard's name is the fee of one part of a project
/// (`专家评审费标准`, `监理费`, `会议费`): a 费 that is not 经费 or 费用.
fn names_part_fee(name: &str) -> bool {
    name.match_indices('费').any(|(at, _)| {
        let before = name.get(..at).unwrap_or_default();
        let after = name.get(at + '费'.len_utf8()..).unwrap_or_default();
        !before.ends_with('经') && !after.starts_with('用')
    })
}

/// Whether the unit a cost is per (`人·学期`, `公里`) is the unit an output
/// counts in (`人次`, `公里`): the same, or the same thing counted (a
/// standard per person and term against 人次).
fn same_count_unit(per: &str, unit: &str) -> bool {
    let base = |u: &str| -> String {
        let u = u.split(['·', '.', '•', '/', '／']).next().unwrap_or(u);
        let u = u.strip_suffix('次').filter(|r| !r.is_empty()).unwrap_or(u);
        u.to_string()
    };
    per == unit || base(per) == base(unit)
}

/// Whether a cost indicator of `p` bears out its amount in the table's scale,
/// within a factor of 3 (in 万元). Read as the other scale, the amount would
/// be 10 000 times off.
pub(super) fn cost_bears_out_amount(p: &Project) -> bool {
    let Some(amount) = p
        .funding
        .amount()
        .filter(|a| a.is_sign_positive() && !a.is_zero())
    else {
        return false;
    };
    cost_estimates(p).any(|e| within_3x(e.estimate, amount))
}

/// A cost estimate of `p` that puts its money 10 000 times away from its
/// amount, in the other scale, when none bears the amount out: in a 万元
/// table, the amount read as 元 (600000.00 for `=1500元/人·学期` × `400人次`,
/// 60 万元); in a 元 table, the amount read as 万元 (360.00 for `≤8万元/人`
/// × `45人`, 360 万元).
pub(super) fn cost_refutes_amount(p: &Project, scale: MoneyScale) -> Option<CostEstimate<'_>> {
    let amount = p
        .funding
        .amount()
        .filter(|a| a.is_sign_positive() && !a.is_zero())?;
    // Cheap test first: most projects state no cost in money.
    if !p.indicators.iter().any(is_cost) {
        return None;
    }
    let wan = Decimal::from(10_000);
    let other = match scale {
        MoneyScale::WanYuan => amount / wan,
        MoneyScale::Yuan => amount.checked_mul(wan)?,
    };
    // Closer than bearing out asks: a budget is computed from its standard
    // (1500元 × 400人次 is the 60 万元 exactly); and only from a cost that can
    // stand for the whole project: a part of a large project's cost
    // (`专家评审费 ≤1.2万元` in 12000 万元) near the amount ÷ 10 000 is a
    // coincidence.
    let near = |v: Decimal| {
        v * Decimal::from(3) >= other * Decimal::TWO && v * Decimal::TWO <= other * Decimal::from(3)
    };
    // One pass: an estimate bearing the amount out (in the table's scale)
    // settles it; the goal is read only for a candidate.
    let mut candidate = None;
    for e in cost_estimates(p) {
        if within_3x(e.estimate, amount) {
            return None;
        }
        if candidate.is_none() && e.whole && near(e.estimate) {
            candidate = Some(e);
        }
    }
    candidate.filter(|_| !goal_states_amount(p))
}

/// Whether `p`'s goal quotes its amount in 万元 or 亿元 (`安排资金25亿元`,
/// `投入250000万元`), within a factor of 3.
pub(super) fn goal_states_amount(p: &Project) -> bool {
    let (Some(goal), Some(amount)) = (p.goal.as_deref(), p.funding.amount()) else {
        return false;
    };
    if amount <= Decimal::ZERO {
        return false;
    }
    // `亿` covers `亿元`
    [("亿", 10_000u32), ("万元", 1)]
        .iter()
        .any(|(word, factor)| {
            goal.match_indices(word).any(|(at, _)| {
                let before = goal.get(..at).unwrap_or_default();
                let start = before
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
                    .last()
                    .map_or(at, |(i, _)| i);
                before
                    .get(start..)
                    .and_then(|n| n.parse::<Decimal>().ok())
                    .and_then(|n| n.checked_mul(Decimal::from(*factor)))
                    .is_some_and(|v| within_3x(v, amount))
            })
        })
}

/// Whether `v` is within a factor of 3 of `amount` (both in 万元): the same
/// money in the same scale, where the other scale would be 10 000 times off.
fn within_3x(v: Decimal, amount: Decimal) -> bool {
    v * Decimal::from(3) >= amount && v <= amount * Decimal::from(3)
}

/// How an amount in a money unit becomes 万元.
enum WanFactor {
    Divide(u32),
    Multiply(u32),
}

/// Money, or money per something (`元/人`, `万元/公里`).
fn in_money(unit: &str) -> bool {
    let money = |u: &str| wan_factor(u).is_some();
    money(unit) || unit.split(['/', '／']).next().is_some_and(money)
}

/// The money units an indicator's value may be in, with their way to 万元;
/// `None` for any other unit.
fn wan_factor(unit: &str) -> Option<WanFactor> {
    Some(match unit {
        "元" => WanFactor::Divide(10_000),
        "千元" => WanFactor::Divide(10),
        "万元" => WanFactor::Multiply(1),
        "十万元" => WanFactor::Multiply(10),
        "百万元" => WanFactor::Multiply(100),
        "千万元" => WanFactor::Multiply(1_000),
        "亿元" => WanFactor::Multiply(10_000),
        _ => return None,
    })
}

/// `scale-mismatch`: the goal quotes money in a scale other than the table's.
fn scale_in_goal(s: &mut Sink<'_>, pi: usize, p: &Project) {
    let Some(goal) = p.goal.as_deref() else {
        return;
    };
    let scale = s.table.money_scale;
    let Some((pos, found)) = money_in_other_scale(goal, scale) else {
        return;
    };
    let mut loc = project_loc(s.table, pi, p, Field::Goal);
    loc.span = Some(crate::model::Span::new(
        pos as u32,
        (pos + '元'.len_utf8()) as u32,
    ));
    s.emit(id!("scale-mismatch"), || {
        (
            loc,
            msg!(
                SCALE_MISMATCH,
                Arg::project(pi),
                Arg::Str(found),
                Arg::Str(scale.label())
            ),
        )
    });
}

/// The first money of `goal` quoted in a scale other than the table's
/// `scale` (`500元` in a 万元 table, `50万元` in a 元 table): the byte
/// position of its 元 and the scale quoted.
fn money_in_other_scale(goal: &str, scale: MoneyScale) -> Option<(usize, &'static str)> {
    const YUAN_LEN: usize = '元'.len_utf8();
    char_positions(goal, '元').find_map(|pos| {
        if pos == 0 {
            return None;
        }
        let mut before_rev = goal.get(..pos).unwrap_or_default().chars().rev();
        let prev = before_rev.next().unwrap_or(' ');
        let next = goal
            .get(pos + YUAN_LEN..)
            .and_then(|r| r.chars().next())
            .unwrap_or(' ');
        if next == '/' || next == '／' || next == '每' {
            return None; // a rate such as 元/人
        }
        let found = match (scale, prev) {
            (MoneyScale::WanYuan, d) if d.is_ascii_digit() => Some("元"),
            (MoneyScale::Yuan, '万') => before_rev
                .next()
                .filter(|d| d.is_ascii_digit())
                .map(|_| "万元"),
            _ => None,
        };
        // A standard per unit (每亩120元, 人均增收1000元) is always in 元;
        // its clause is read only for money in the other scale (most 元 of
        // a goal are the table's own 万元).
        found
            .filter(|_| !per_unit_clause(goal, pos, pos + YUAN_LEN))
            .map(|f| (pos, f))
    })
}

/// Whether the clause of a goal around the money at bytes `start..end`
/// (up to the punctuation on either side) states an amount per unit, which
/// tables write in 元 whatever their own scale: a 每 (`按每亩120元标准`,
/// `每人每月100元`), an average (`人均增收1000元`, `户均`, `亩均`), a
/// 标准 or 单价 (`补助标准为200元`), or a rate sign (`200元/人`); or others'
/// money the project brings in (`撬动社会资本投入500万元`), or a ceiling per
/// case (`个人创业担保贷款额度最高30万元`). Only an amount
/// quoted without such a word (`项目总投资500000元`) is a total in 元.
fn per_unit_clause(goal: &str, start: usize, end: usize) -> bool {
    const CLAUSE_END: [char; 9] = ['，', '。', '；', '、', ',', ';', '！', '？', '\n'];
    let before = goal.get(..start).unwrap_or_default();
    let from = before
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE_END.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = goal.get(end..).unwrap_or_default();
    let to = end
        + after
            .find(|c| CLAUSE_END.contains(&c))
            .unwrap_or(after.len());
    let clause = goal.get(from..to).unwrap_or_default();
    // Others' money the project induces (`撬动社会资本投入500万元`) is not
    // the project's amount either, and is quoted in whatever scale it has.
    // Nor is a ceiling per case (`贷款额度最高30万元`, `补助上限5万元`).
    static PER_UNIT: Keywords = Keywords::new(&[
        "每", "均", "标准", "单价", "/", "／", "带动", "撬动", "吸引", "拉动", "引导", "最高",
        "上限", "额度", "封顶",
    ]);
    PER_UNIT.find(clause).is_some()
}

/// Key of a copy group: (一级, name, value, unit); a qualitative 效益 has no
/// number and its text in the unit's place (`社会效益`, `None`, `显著提升`).
type Key<'a> = (
    Category,
    &'a str,
    Option<Decimal>,
    std::borrow::Cow<'a, str>,
);

/// A [`Key`] as looked up: the value by the bytes of its normalized form,
/// which equal values share (comparing decimals cost more than the rest of
/// a look-up).
type Print<'a> = (
    Category,
    &'a str,
    Option<[u8; 16]>,
    std::borrow::Cow<'a, str>,
);

/// (group, project index, project, indicator, number through the table).
type Member<'t> = (u32, usize, &'t Project, &'t Indicator, usize);

/// `boilerplate-indicator` over the whole table, fed project by project
/// ([`Boilerplate::project`], in one pass with the other table-wide rules)
/// and reported at the end ([`Boilerplate::finish`]).
///
/// One finding per (一级, name, value, unit) group shared by at least
/// `boilerplate_min_projects` projects; 满意度 excluded. Linear: one hash map.
/// Each key gets a group number on first sight; members are kept in one flat
/// list (most groups have one member: a vector per group would cost an
/// allocation each) and sorted into groups once, stably. The candidates of
/// the generic-value variant are picked out in the same pass.
pub(super) struct Boilerplate<'t> {
    on: bool,
    groups: CopyGroups<'t>,
    members: Vec<Member<'t>>,
    candidates: Vec<Generic<'t>>,
    /// 效益 named by their 二级 alone with a vague value (`社会效益：显著提升`):
    /// (project index, project, position).
    level_named: Vec<(usize, &'t Project, usize)>,
    n_indicators: usize,
}

impl<'t> Boilerplate<'t> {
    pub(super) fn new(s: &Sink<'t>) -> Self {
        let on = s.on(id!("boilerplate-indicator"));
        // A member per indicator at most: room for all at once (pages are
        // touched only as written; growing copied the list a dozen times).
        let room = match on {
            true => s.table.projects().map(|p| p.indicators.len()).sum(),
            false => 0,
        };
        Boilerplate {
            on,
            groups: CopyGroups::default(),
            members: Vec::with_capacity(room),
            candidates: Vec::new(),
            level_named: Vec::new(),
            n_indicators: 0,
        }
    }

    /// A project left out of the groups (a copy of an earlier one): its
    /// indicators keep their numbers through the table.
    pub(super) fn skip(&mut self, p: &Project) {
        self.n_indicators += p.indicators.len();
    }

    /// Project `p` (index `pi`); projects in source order.
    pub(super) fn project(&mut self, pi: usize, p: &'t Project) {
        if !self.on {
            return;
        }
        let first = self.n_indicators;
        self.n_indicators += p.indicators.len();
        for (k, i) in p.indicators.iter().enumerate() {
            if i.category == Category::Satisfaction {
                continue;
            }
            let Some(q) = i.target.quantity() else {
                // A qualitative 效益 pasted into several projects
                // (`社会效益：显著提升`, ur59 155) is copied as surely as a number;
                // outputs' qualitative values (`2024年12月底前`) are alike by
                // nature and not grouped.
                if let crate::model::Target::Qualitative { text } = &i.target {
                    if is_outcome(i.category) {
                        if level_named_vague(i, text) {
                            self.level_named.push((pi, p, k));
                        } else {
                            self.join(
                                (i.category, trim(&i.name), None, trim(text).into()),
                                None,
                                pi,
                                p,
                                i,
                                first + k,
                            );
                        }
                    }
                }
                continue;
            };
            // A cost equal to the project's own amount (`项目总成本 ≤10万元` in
            // a project of 10.00 万元) is that project's number, not a copy.
            if is_cost(i)
                && p.funding
                    .amount()
                    .is_some_and(|total| cost_wan(q, unit_of(i).as_deref()) == Some(total))
            {
                continue;
            }
            if standard_target(i, q) {
                continue;
            }
            if let Some(branch) = generic_benefit(i) {
                self.candidates.push(Generic {
                    pi,
                    p,
                    k,
                    index: first + k,
                    branch,
                });
            }
            // `2万人次` and `20000人次` are the same number
            let value = q.scaled().unwrap_or(q.value).normalize();
            let key = (
                i.category,
                trim(&i.name),
                Some(value.serialize()),
                unit_of(i).unwrap_or_default(),
            );
            self.join(key, Some(value), pi, p, i, first + k);
        }
    }

    /// Indicator `i` of project `p` (number `index` through the table) into
    /// the copy group of `key` (`value`: its value, normalized).
    fn join(
        &mut self,
        key: Print<'t>,
        value: Option<Decimal>,
        pi: usize,
        p: &'t Project,
        i: &'t Indicator,
        index: usize,
    ) {
        let group = self.groups.number(key, value);
        self.members.push((group, pi, p, i, index));
    }

    /// Report the copy groups, then the generic-value variant except on
    /// indicators a copy group already reports (one finding per indicator is
    /// enough).
    pub(super) fn finish(self, s: &mut Sink<'t>) {
        if !self.on {
            return;
        }
        let CopyGroups { keys, sizes, .. } = self.groups;
        let copied = copy_groups(s, &keys, &sizes, self.members, self.n_indicators);
        for (pi, p, k) in self.level_named {
            if let Some(i) = p.indicators.get(k) {
                s.emit(id!("boilerplate-indicator"), || {
                    (
                        indicator_loc(pi, p, i),
                        msg!(LEVEL_NAMED, Arg::Indicator(pi as u32, k as u32)),
                    )
                });
            }
        }
        let mut generic = GenericBenefits::default();
        for run in self.candidates.chunk_by(|a, b| a.pi == b.pi) {
            generic.project(s, run, &copied);
        }
    }
}

/// The copy groups' keys numbered by first sight, with the members met per
/// group. The map holds 64-bit fingerprints (an entry of 16 bytes, where a
/// whole key took 72: the map spans a table's indicators), each confirmed
/// on the key it stands for; a fingerprint shared by two different keys (not
/// expected, but possible) sends the later key to an exact map.
#[derive(Default)]
struct CopyGroups<'t> {
    /// Fingerprint → the group first given it.
    by_print: FastMap<u64, u32>,
    /// Keys whose fingerprint was taken by another key.
    collided: FastMap<Print<'t>, u32>,
    /// Each group's key, and the indicators met in it.
    keys: Vec<Key<'t>>,
    sizes: Vec<u32>,
}

impl<'t> CopyGroups<'t> {
    /// The group of `key` (`value`: its value, normalized, whose bytes
    /// `key` holds), counting one more member in it.
    fn number(&mut self, key: Print<'t>, value: Option<Decimal>) -> u32 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let print = BuildHasherDefault::<FastHasher>::default().hash_one(&key);
        self.number_printed(key, value, print)
    }

    /// [`CopyGroups::number`] with the fingerprint given (tests force collisions).
    fn number_printed(&mut self, key: Print<'t>, value: Option<Decimal>, print: u64) -> u32 {
        let next = self.keys.len() as u32;
        let found = match self.by_print.get(&print) {
            None => {
                self.by_print.insert(print, next);
                None
            }
            Some(&g) if self.keys.get(g as usize).is_some_and(|k| same_key(k, &key)) => Some(g),
            Some(_) => match self.collided.get(&key) {
                Some(&g) => Some(g),
                None => {
                    self.collided.insert(key.clone(), next);
                    None
                }
            },
        };
        let group = found.unwrap_or_else(|| {
            self.keys.push((key.0, key.1, value, key.3));
            self.sizes.push(0);
            next
        });
        if let Some(n) = self.sizes.get_mut(group as usize) {
            *n += 1;
        }
        group
    }
}

/// Whether a group's key is the one looked up (its value by the bytes of
/// its normalized form, as the look-up has it).
fn same_key(k: &Key<'_>, print: &Print<'_>) -> bool {
    k.0 == print.0 && k.1 == print.1 && k.2.map(|v| v.serialize()) == print.2 && k.3 == print.3
}

/// A target every project of its kind states the same way, so that two
/// projects sharing it copy nothing: full compliance (`工程验收合格率 100%`,
/// `设备验收合格率 =100%`) and no incident (`活动安全事故 0起`,
/// `重大安全责任事故发生次数 ≤0次`).
fn standard_target(i: &Indicator, q: &crate::model::Quantity) -> bool {
    let name = trim(&i.name);
    let full = q.value == Decimal::ONE_HUNDRED
        && matches!(unit_of(i).as_deref(), Some("%" | "％"))
        && ["合格率", "达标率", "合规率", "验收率"]
            .iter()
            .any(|k| name.ends_with(k));
    let none = q.value.is_zero()
        && !matches!(q.op, Some(Comparator::Ge | Comparator::Gt))
        && ["事故", "案件", "伤亡", "差错", "投诉"]
            .iter()
            .any(|k| has(name, k));
    full || none
}

/// The copy groups of [`Boilerplate`] that reach `boilerplate_min_projects`
/// projects, one finding each. Returns which indicators (numbered through
/// the table in source order) belong to a reported group.
fn copy_groups<'t>(
    s: &mut Sink<'t>,
    keys: &[Key<'t>],
    sizes: &[u32],
    members: Vec<Member<'t>>,
    n_indicators: usize,
) -> Vec<bool> {
    let min = s.profile.thresholds.boilerplate_min_projects.max(2) as usize;
    // Only groups of `min` or more can be reported: the rest are left out.
    let members = super::text::group_stably(&members, |m| m.0, sizes, |n| n as usize >= min);
    let mut copied = vec![false; n_indicators];
    for group in members.chunk_by(|a, b| a.0 == b.0) {
        // Members arrive in project order: count the changes of project
        // (what `dedup` would keep, without a vector per group).
        let distinct = 1 + group
            .windows(2)
            .filter(|w| matches!(w, [a, b] if a.1 != b.1))
            .count();
        if distinct < min {
            continue;
        }
        let Some(&(number, pi, p, i, _)) = group.first() else {
            continue;
        };
        let Some((_, name, value, unit)) = keys.get(number as usize) else {
            continue;
        };
        for m in group {
            if let Some(c) = copied.get_mut(m.4) {
                *c = true;
            }
        }
        // Name at most a few members; the count says the rest.
        const SHOWN: usize = 5;
        let shown = || group.iter().take(SHOWN);
        let mut where_zh: Vec<String> = shown()
            .map(|(_, _, p, i, _)| ind_label(p, i, Lang::Zh))
            .collect();
        let mut where_en: Vec<String> = shown()
            .map(|(_, _, p, i, _)| ind_label(p, i, Lang::English))
            .collect();
        // Two projects of one name (or one indicator twice in a project) are
        // told apart by their rows.
        for (labels, lang) in [(&mut where_zh, Lang::Zh), (&mut where_en, Lang::English)] {
            let twice: Vec<bool> = labels
                .iter()
                .map(|l| labels.iter().filter(|x| *x == l).count() > 1)
                .collect();
            for ((label, twice), (_, _, _, i, _)) in labels.iter_mut().zip(twice).zip(shown()) {
                if twice {
                    let row = i.origin.row;
                    label.push_str(&match lang {
                        Lang::Zh => format!("（第{row}行）"),
                        Lang::English => format!(" (row {row})"),
                    });
                }
            }
        }
        if group.len() > SHOWN {
            where_zh.push(format!("等 {} 处", group.len()));
            where_en.push(format!("and {} more", group.len() - SHOWN));
        }
        // A qualitative value is quoted: `「社会效益」「显著提升」`.
        let value = match value {
            Some(v) => format!("{v}{unit}"),
            None => format!("「{unit}」"),
        };
        let zh = format!(
            "指标「{name}」{value} 在 {} 个项目中完全相同：{}",
            distinct,
            where_zh.join("、")
        );
        let en = format!(
            "indicator \"{name}\" {value} is identical in {} projects: {}",
            distinct,
            where_en.join(", ")
        );
        s.emit(id!("boilerplate-indicator"), || {
            (indicator_loc(pi, p, i), Message::owned(zh, en))
        });
    }
    copied
}

/// An indicator of the generic-value variant's kind ([`generic_benefit`]):
/// project index, project, position, number through the table, 效益 branch.
struct Generic<'t> {
    pi: usize,
    p: &'t Project,
    k: usize,
    index: usize,
    branch: &'static Template,
}

static LEVEL_NAMED: Template = Template {
    zh: "{0}：以二级指标名称作指标名称，目标「{0.raw}」不可考核，疑为套用；应写明具体的效益及可衡量的目标",
    en: "{0}: named by its level alone, with the target \"{0.raw}\" nothing can be assessed (likely boilerplate); name the benefit and a measurable target",
};

/// Whether a qualitative 效益 is named by its 二级 alone (`社会效益`,
/// `经济效益指标`, `可持续影响`) with a vague value (`显著提升`, `长期`: a few
/// characters, no number): it names no benefit and states no target. A
/// value that says what (`带动就业200人`) is the benefit, however named.
fn level_named_vague(i: &Indicator, text: &str) -> bool {
    const LEVELS: [&str; 4] = ["社会效益", "经济效益", "生态效益", "可持续影响"];
    let name = trim(&i.name);
    let name = name.strip_suffix("指标").unwrap_or(name);
    let text = trim(text);
    LEVELS.contains(&name)
        && !text.is_empty()
        && text.chars().count() <= 8
        && !text.chars().any(|c| c.is_ascii_digit())
}

static GENERIC_BENEFIT: Template = Template {
    zh: "{0}：{1}指标以笼统的高百分比「{0.raw}」为目标，名称不是可计量的比率，与项目名称和产出指标也无关联，疑为套用",
    en: "{0}: {1} indicator with a generic high percentage \"{0.raw}\"; the name is no measurable rate and is not tied to the project's name or outputs (likely boilerplate)",
};
static ECONOMIC_BENEFIT: Template = Template {
    zh: "经济效益",
    en: "economic benefit",
};
static ECOLOGICAL_BENEFIT: Template = Template {
    zh: "生态效益",
    en: "ecological benefit",
};
static SUSTAINABILITY: Template = Template {
    zh: "可持续影响",
    en: "sustainability",
};

/// The generic-value variant of `boilerplate-indicator` (GUIDE §4 row 27; the
/// Sichuan township cadre-pay project claiming 保护生态环境卫生 ≥95%): a 效益
/// indicator under 经济效益 / 生态效益 / 可持续影响 whose target is a high
/// percentage (95–100 %, not ≤/<) although its name measures no rate, and whose
/// name shares no two-character run with the project's name or its 产出 names.
/// One finding per such indicator.
#[derive(Default)]
struct GenericBenefits {
    /// Bigrams of the project's name and 产出 names; of the indicator's name.
    tie: Vec<[char; 2]>,
    own: Vec<[char; 2]>,
}

impl GenericBenefits {
    /// The variant on one project's candidates (in indicator order), skipping
    /// the `copied` indicators (`copied[index]`: in a copy group).
    fn project(&mut self, s: &mut Sink<'_>, candidates: &[Generic<'_>], copied: &[bool]) {
        let mut tie_built = false;
        for c in candidates {
            let (pi, p, k, branch) = (c.pi, c.p, c.k, c.branch);
            let Some(i) = p.indicators.get(k) else {
                continue;
            };
            if copied.get(c.index).copied().unwrap_or(false) {
                continue;
            }
            if !tie_built {
                self.tie.clear();
                bigrams_into(&p.name, &mut self.tie);
                for o in p
                    .indicators
                    .iter()
                    .filter(|o| o.category == Category::Output)
                {
                    bigrams_into(&o.name, &mut self.tie);
                }
                tie_built = true;
            }
            self.own.clear();
            bigrams_into(&i.name, &mut self.own);
            if self.own.iter().any(|b| self.tie.contains(b)) {
                continue;
            }
            s.emit(id!("boilerplate-indicator"), || {
                (
                    indicator_loc(pi, p, i),
                    msg!(
                        GENERIC_BENEFIT,
                        Arg::Indicator(pi as u32, k as u32),
                        Arg::Term(branch)
                    ),
                )
            });
        }
    }
}

/// The 效益 branch (经济 / 生态 / 可持续) of an indicator whose target is a
/// generic high percentage, or `None`. The branch is read from the 二级 when
/// there is one, else from the name.
fn generic_benefit(i: &Indicator) -> Option<&'static Template> {
    if !is_outcome(i.category) {
        return None;
    }
    let q = i.target.quantity()?;
    let high = Decimal::from(95)..=Decimal::from(100);
    let lower_better = matches!(
        q.op,
        Some(crate::model::Comparator::Le | crate::model::Comparator::Lt)
    );
    if lower_better || !high.contains(&q.value) || unit_of(i).as_deref() != Some("%") {
        return None;
    }
    let name = trim(&i.name);
    // A rate, share or index is measurable (垃圾无害化处理率 ≥95%); so is a
    // 度 such as 完好度, but not the vague 程度.
    static RATES: Keywords = Keywords::new(&[
        "率", "比例", "占比", "比重", "覆盖", "指数", "合格", "达标", "满意",
    ]);
    if RATES.find(name).is_some() || (name.ends_with('度') && !name.ends_with("程度")) {
        return None;
    }
    static SUB: Keywords = Keywords::new(&["可持续", "经济", "生态", "环境"]);
    static NAME: Keywords = Keywords::new(&[
        "可持续",
        "经济效益",
        "经济发展",
        "经济增长",
        "生态",
        "环保",
        "环境保护",
    ]);
    let hit = match i
        .subcategory
        .as_deref()
        .map(str::trim)
        .filter(|x| !x.is_empty())
    {
        Some(sub) => SUB.find(sub)?,
        None => NAME.find(name)?,
    };
    Some(match hit {
        "可持续" => &SUSTAINABILITY,
        h if h.starts_with("经济") => &ECONOMIC_BENEFIT,
        _ => &ECOLOGICAL_BENEFIT,
    })
}

#[cfg(test)]
mod tests {
    use super::{
        cost_estimates, cost_estimates_by, induced_investment, input_keyword, is_cost,
        management_meetings, names_whole_cost, other_sense, whole_cost_far_below, within_3x,
    };
    use super::{
        deadline_text, fingerprint, money_in_other_scale, per_unit_clause, ByteSet, Facts,
        Indicator, Keywords, MoneyScale, Project,
    };
    use super::{CopyGroups, Key, Print};
    use crate::model::Category;
    use crate::model::{Funding, Origin};
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use std::borrow::Cow;
    use std::collections::HashMap;

    /// The numbering by a map of whole keys (the former form, the oracle):
    /// each key's group and the groups' keys and sizes.
    fn by_whole_keys<'a>(
        keys: &[(Print<'a>, Option<Decimal>)],
    ) -> (Vec<u32>, Vec<Key<'a>>, Vec<u32>) {
        let (mut numbers, mut groups, mut sizes) = (HashMap::new(), Vec::new(), Vec::new());
        let mut got = Vec::new();
        for (key, value) in keys {
            let g = *numbers.entry(key.clone()).or_insert_with(|| {
                groups.push((key.0, key.1, *value, key.3.clone()));
                sizes.push(0u32);
                (groups.len() - 1) as u32
            });
            if let Some(n) = sizes.get_mut(g as usize) {
                *n += 1;
            }
            got.push(g);
        }
        (got, groups, sizes)
    }

    fn keys_of(picks: &[(bool, u8, u8, u8)]) -> Vec<(Print<'static>, Option<Decimal>)> {
        let names = ["学生数", "覆盖率", ""];
        let units = ["人", "%", "显著提升"];
        picks
            .iter()
            .map(|&(outcome, name, value, unit)| {
                let category = if outcome {
                    Category::Outcome
                } else {
                    Category::Output
                };
                let value = (value < 3).then(|| Decimal::new(i64::from(value) * 5, 1).normalize());
                let key = (
                    category,
                    names[usize::from(name % 3)],
                    value.map(|v| v.serialize()),
                    Cow::Borrowed(units[usize::from(unit % 3)]),
                );
                (key, value)
            })
            .collect()
    }

    proptest! {
        /// Groups numbered by fingerprint are those of the whole keys, with
        /// real fingerprints and when every fingerprint is the same.
        #[test]
        fn copy_groups_by_print_are_by_key(picks in proptest::collection::vec((any::<bool>(), 0u8..3, 0u8..4, 0u8..3), 0..40)) {
            let keys = keys_of(&picks);
            let want = by_whole_keys(&keys);
            for collide in [false, true] {
                let mut groups = CopyGroups::default();
                let got: Vec<u32> = keys
                    .iter()
                    .map(|(key, value)| match collide {
                        true => groups.number_printed(key.clone(), *value, 7),
                        false => groups.number(key.clone(), *value),
                    })
                    .collect();
                prop_assert_eq!(&(got, groups.keys, groups.sizes), &want);
            }
        }
    }

    static INPUTS: Keywords =
        Keywords::new(&["投入", "人力", "财力", "经费到位", "预算执行", "资金"]);

    /// `input_keyword` before the byte-set test: every rest searched.
    fn input_keyword_searching(inputs: &Keywords, name: &str) -> Option<&'static str> {
        let mut rest = name;
        while let Some(k) = inputs.find(rest) {
            let at = rest.find(k)?;
            let after = &rest[at + k.len()..];
            let counted = ["经费", "预算执行", "资金"].iter().any(|w| k.contains(w))
                && [
                    "项目数",
                    "人数",
                    "户数",
                    "个数",
                    "次数",
                    "件数",
                    "家数",
                    "单位数",
                    "数量",
                ]
                .iter()
                .any(|e| name.ends_with(e));
            if !other_sense(k, after) && !induced_investment(name, k) && !counted {
                return Some(k);
            }
            rest = after;
        }
        None
    }

    /// A set holding every byte's six low bits: the test it gives always
    /// passes, which is the search without it.
    fn every_byte() -> ByteSet {
        let all: String = (0u8..64).map(char::from).collect();
        ByteSet::of(&all)
    }

    /// A one-cell project of `items` (`1-成本指标：…，年度指标值：…。`) and
    /// the amount `amount` (万元).
    fn project_of(items: &str, amount: Decimal) -> Project {
        let parsed = crate::grammar::parse_cell(items, Origin::default());
        Project {
            name: "项目".to_string(),
            code: None,
            funding: Funding {
                total: Some(amount),
                ..Funding::default()
            },
            goal: None,
            indicators: parsed.indicators,
            origin: Origin::default(),
            indicator_cell: Some(items.to_string()),
            amount_origins: None,
        }
    }

    /// `cost_below_budget`'s choice before the one pass: two passes over
    /// `cost_estimates`.
    fn far_below_in_two_passes(p: &Project) -> Option<(*const Indicator, Decimal)> {
        if !p
            .indicators
            .iter()
            .any(|i| is_cost(i) && i.target.quantity().is_some())
        {
            return None;
        }
        let amount = p.funding.amount().filter(|a| *a > Decimal::ZERO)?;
        if cost_estimates(p).any(|e| within_3x(e.estimate, amount) || e.estimate > amount) {
            return None;
        }
        cost_estimates(p)
            .find(|e| {
                e.count.is_none()
                    && e.estimate > Decimal::ZERO
                    && names_whole_cost(&e.cost.name)
                    && e.estimate * Decimal::from(5) <= amount
            })
            .map(|e| (std::ptr::from_ref(e.cost), e.estimate))
    }

    /// Indicator items for the cost rules: costs in money, per unit and
    /// per period, and counts in the units they are per.
    fn cost_item() -> impl Strategy<Value = String> {
        let name = prop::sample::select(vec![
            "成本指标：项目总成本",
            "成本指标：人均培训成本",
            "成本指标：专家评审费",
            "成本指标：项目经费",
            "产出指标：培训人次",
            "产出指标：改造长度",
            "产出指标：补贴人数",
            "效益指标：受益人数",
        ]);
        let unit = prop::sample::select(vec![
            "万元",
            "元",
            "元/人次",
            "万元/公里",
            "元/人·月",
            "元/人·季度",
            "人次",
            "公里",
            "人",
            "%",
        ]);
        let op = prop::sample::select(vec!["≤", "≥", "=", ""]);
        (name, op, 1u32..50_000, unit)
            .prop_map(|(n, o, v, u)| format!("{n}，年度指标值：{o}{v}{u}。"))
    }

    /// The generated items reach both kinds of estimate and the finding.
    #[test]
    fn estimates_by_facts_cover_totals_and_standards() {
        let p = project_of(
            "1-成本指标：人均培训成本，年度指标值：≤3000元/人次。2-产出指标：培训人次，年度指标值：≥3200人次。3-成本指标：项目总成本，年度指标值：≤20万元。",
            Decimal::from(1000),
        );
        let facts: Vec<Facts<'_>> = p.indicators.iter().map(Facts::of).collect();
        let got: Vec<_> = cost_estimates_by(&p, &facts).map(|e| e.estimate).collect();
        assert_eq!(got, [Decimal::from(960), Decimal::from(20)]);
        assert_eq!(whole_cost_far_below(&p, &facts), None);
        let p = project_of(
            "1-成本指标：项目总成本，年度指标值：≤20万元。",
            Decimal::from(1000),
        );
        let facts: Vec<Facts<'_>> = p.indicators.iter().map(Facts::of).collect();
        let far = whole_cost_far_below(&p, &facts).map(|e| e.estimate);
        assert_eq!(far, Some(Decimal::from(20)));
    }

    /// `scale_in_goal`'s choice before the clause was read last: every 元
    /// by `match_indices`, the clause read before the scale.
    fn other_scale_clause_first(goal: &str, scale: MoneyScale) -> Option<(usize, &'static str)> {
        for (pos, c) in goal.match_indices('元') {
            if pos == 0 {
                continue;
            }
            let mut before_rev = goal.get(..pos).unwrap_or_default().chars().rev();
            let prev = before_rev.next().unwrap_or(' ');
            let next = goal
                .get(pos + c.len()..)
                .and_then(|r| r.chars().next())
                .unwrap_or(' ');
            if next == '/' || next == '／' || next == '每' {
                continue;
            }
            if per_unit_clause(goal, pos, pos + c.len()) {
                continue;
            }
            let found = match (scale, prev) {
                (MoneyScale::WanYuan, d) if d.is_ascii_digit() => Some("元"),
                (MoneyScale::Yuan, '万') => before_rev
                    .next()
                    .filter(|d| d.is_ascii_digit())
                    .map(|_| "万元"),
                _ => None,
            };
            if let Some(found) = found {
                return Some((pos, found));
            }
        }
        None
    }

    proptest! {
        /// The money in the other scale is found as before.
        #[test]
        fn money_in_other_scale_as_before(goal in "[元万1每人均，。/标准资金a]{0,24}") {
            for scale in [MoneyScale::WanYuan, MoneyScale::Yuan] {
                prop_assert_eq!(money_in_other_scale(&goal, scale), other_scale_clause_first(&goal, scale));
            }
        }

        /// Names equal once trimmed have equal fingerprints, however they
        /// are padded (the set of the padded name is not the trimmed one's).
        #[test]
        fn equal_keys_have_equal_fingerprints(
            core in "[服务人次满意度a1\u{85}]{0,6}",
            pads in prop::collection::vec("[ \t\u{3000}\u{a0}]{0,2}", 4),
            sub in "[ 数量质]{0,3}",
        ) {
            let (a, b) = (format!("{}{core}{}", pads[0], pads[1]), format!("{}{core}{}", pads[2], pads[3]));
            let sub = crate::review::text::trim(&sub);
            let (ta, tb) = (crate::review::text::trim(&a), crate::review::text::trim(&b));
            let (ka, kb) = (
                (!ta.is_empty()).then_some((Category::Output, sub, ta)),
                (!tb.is_empty()).then_some((Category::Output, sub, tb)),
            );
            prop_assert_eq!(
                fingerprint(ka, (&a, ByteSet::of(&a))),
                fingerprint(kb, (&b, ByteSet::of(&b)))
            );
        }

        /// The estimates by the facts' units are `cost_estimates`'s, in order.
        #[test]
        fn estimates_by_facts_are_cost_estimates(items in prop::collection::vec(cost_item(), 1..6), amount in 1u32..5000) {
            let text: String = items
                .iter()
                .enumerate()
                .map(|(k, t)| format!("{}-{t}", k + 1))
                .collect();
            let p = project_of(&text, Decimal::from(amount));
            let facts: Vec<Facts<'_>> = p.indicators.iter().map(Facts::of).collect();
            let want: Vec<_> = cost_estimates(&p)
                .map(|e| (std::ptr::from_ref(e.cost), e.count.map(std::ptr::from_ref), e.estimate))
                .collect();
            let got: Vec<_> = cost_estimates_by(&p, &facts)
                .map(|e| (std::ptr::from_ref(e.cost), e.count.map(std::ptr::from_ref), e.estimate))
                .collect();
            prop_assert_eq!(got, want);
            let far = whole_cost_far_below(&p, &facts).map(|e| (std::ptr::from_ref(e.cost), e.estimate));
            prop_assert_eq!(far, far_below_in_two_passes(&p));
        }

        /// The byte-set test changes no input keyword found.
        #[test]
        fn input_keyword_in_set_is_the_search(name in "[投入人力财资金源使用带动经费到位预算执行数a ]{0,14}") {
            prop_assert_eq!(
                input_keyword(&INPUTS, &name, ByteSet::of(&name)),
                input_keyword_searching(&INPUTS, &name)
            );
        }

        /// The byte-set test changes no deadline (with every byte in the
        /// set, each search is made: the former `deadline_text`).
        #[test]
        fn deadline_text_in_set_is_the_search(t in "[每按月季年底末前内上下半度2024.以完成a ]{0,12}") {
            prop_assert_eq!(deadline_text(&t, ByteSet::of(&t)), deadline_text(&t, every_byte()));
        }

        /// The byte-set test changes no meeting found.
        #[test]
        fn meetings_in_set_are_the_search(
            name in "[召开推进调度例会病诊次数场保障a \\u{9a}]{0,12}",
            project in "[会议论坛中心室a]{0,6}",
            unit in proptest::option::of("[次场]{1,2}"),
        ) {
            prop_assert_eq!(
                management_meetings(&name, ByteSet::of(&name), &project, unit.as_deref()),
                management_meetings(&name, every_byte(), &project, unit.as_deref())
            );
        }
    }
}
