//! Structure and notation rules: goal/indicators present, levels, numbering,
//! separators, value notation, units, percentages, placeholders.

use super::id;
use super::text::{
    has, is_time_limit, name_bracket, name_states_unit, norm_unit, trim, FastMap, Keywords,
};
use super::{
    indicator_loc, msg, project_loc, unit_loc, value_loc, Arg, Facts, Message, Severity, Sink,
    Template,
};
use crate::grammar::parent_of_second_level;
use crate::model::{Category, Field, Target};
use rust_decimal::Decimal;

static GOAL_MISSING: Template = Template {
    zh: "项目「{0}」有绩效指标但没有绩效目标",
    en: "project \"{0}\" has indicators but no goal",
};
static INDICATORS_MISSING: Template = Template {
    zh: "项目「{0}」没有可识别的绩效指标",
    en: "project \"{0}\" has no parseable indicator",
};
static LEVEL_UNKNOWN: Template = Template {
    zh: "{0}：一级指标「{0.level}」无法识别",
    en: "{0}: unknown first level \"{0.level}\"",
};
static LEVEL_IS_SECOND: Template = Template {
    zh: "{0}：「{0.level}」是二级指标，写在了一级指标的位置；一级指标应为「{1}」",
    en: "{0}: \"{0.level}\" is a second level, written where the first goes; the first level is \"{1}\"",
};
static SEPARATOR: Template = Template {
    zh: "{0}以{1}结束，应为“。”",
    en: "{0} ends with {1} instead of 。",
};
static NO_SEPARATOR: Template = Template {
    zh: "{0}之后没有分隔符，应以“。”结束",
    en: "{0} is not followed by a separator; 。 expected",
};
static VALUE_PREFIXED: Template = Template {
    zh: "{0}：指标值「{0.raw}」前带有文字「{0.prefix}」",
    en: "{0}: value \"{0.raw}\" starts with the label \"{0.prefix}\"",
};
static OPERATOR_MISSING: Template = Template {
    zh: "{0}：指标值「{0.raw}」缺少比较符",
    en: "{0}: value \"{0.raw}\" has no comparator",
};
static UNIT_MISSING: Template = Template {
    zh: "{0}：指标值「{0.raw}」缺少计量单位",
    en: "{0}: value \"{0.raw}\" has no unit",
};
static UNIT_VS_COLUMN: Template = Template {
    zh: "{0}：指标值单位「{1}」与计量单位列「{2}」不一致",
    en: "{0}: value unit \"{1}\" differs from unit column \"{2}\"",
};
static UNIT_ACROSS: Template = Template {
    zh: "同名指标「{0.name}」单位不一致：{1}为「{1.unit}」，{0}为「{0.unit}」",
    en: "indicator \"{0.name}\" measured in \"{1.unit}\" at {1} but \"{0.unit}\" at {0}",
};
static UNIT_NAME: Template = Template {
    zh: "{0}：{1}（{0.unit}）",
    en: "{0}: the name and the unit \"{0.unit}\" disagree",
};
static PERCENT: Template = Template {
    zh: "{0}：百分比「{0.raw}」超出 {1}–{2}%",
    en: "{0}: percentage \"{0.raw}\" outside {1}–{2} %",
};
static OCR_PERCENT: Template = Template {
    zh: "{0}：指标值「{0.raw}」中的“2”可能是“≥”",
    en: "{0}: the 2 in \"{0.raw}\" may be a misread ≥",
};
static PLACEHOLDER: Template = Template {
    zh: "{0}：指标值「{0.raw}」是占位内容或不合理的数字",
    en: "{0}: value \"{0.raw}\" is a placeholder or implausible",
};
static RATE_SLIP: Template = Template {
    zh: "{0}：指标值「{0.raw}」作为目标明显偏低，可能是 {1}% 之误（小数点错位）",
    en:
        "{0}: the target \"{0.raw}\" is implausibly low; {1} % may be meant (a decimal point moved)",
};
static VALUE_EMPTY: Template = Template {
    zh: "{0}：指标值为空",
    en: "{0}: the value is empty",
};
static OCR_LETTERS: Template = Template {
    zh: "{0}：指标值「{0.raw}」中的字母疑为数字识别错误（O 为 0，l、I 为 1），现按文字读取",
    en: "{0}: the letters in \"{0.raw}\" look like misread digits (O for 0, l or I for 1); read as words",
};
static OCR_OPERATOR: Template = Template {
    zh: "{0}：指标值「{0.raw}」疑似比较符识别错误",
    en: "{0}: value \"{0.raw}\" looks like a misread comparator",
};

/// Name → (first unit, its project index, project and indicator).
type First<'t> = (
    std::borrow::Cow<'t, str>,
    usize,
    &'t crate::model::Project,
    &'t crate::model::Indicator,
);

/// The structure rules over one table, project by project: the switches
/// looked up once (disabled rules cost nothing per indicator) and the first
/// unit met for each indicator name (for `unit-inconsistent` across projects).
pub(super) struct Structure<'t> {
    units_by_name: FastMap<&'t str, First<'t>>,
    on_separator: bool,
    on_units: bool,
    on_name_unit: bool,
    on_percent: bool,
    on_ocr: bool,
    on_placeholder: bool,
}

impl<'t> Structure<'t> {
    pub(super) fn new(s: &Sink<'t>) -> Self {
        let on_ocr = s.on(id!("ocr-suspect"));
        Structure {
            units_by_name: FastMap::default(),
            on_separator: s.on(id!("separator-nonstandard")),
            on_units: s.on(id!("unit-inconsistent")),
            on_name_unit: s.on(id!("unit-name-mismatch")),
            on_percent: s.on(id!("percent-out-of-range")),
            on_ocr,
            on_placeholder: on_ocr || s.on(id!("placeholder-value")),
        }
    }

    /// The rules on project `p` (index `pi`); projects in source order.
    /// `facts`: its indicators', in order.
    pub(super) fn project(
        &mut self,
        s: &mut Sink<'t>,
        pi: usize,
        p: &'t crate::model::Project,
        facts: &[Facts<'t>],
    ) {
        let t = s.table;
        let goal_blank = p.goal.as_deref().is_none_or(|g| trim(g).is_empty());
        if goal_blank && !p.indicators.is_empty() {
            s.emit(id!("goal-missing"), || {
                (
                    project_loc(t, pi, p, Field::Goal),
                    msg!(GOAL_MISSING, Arg::project(pi)),
                )
            });
        }
        if p.indicators.is_empty() {
            s.emit(id!("indicators-missing"), || {
                (
                    project_loc(t, pi, p, Field::IndicatorCell),
                    msg!(INDICATORS_MISSING, Arg::project(pi)),
                )
            });
            return;
        }
        // numbering-gap: the written item numbers must be 1..n.
        let mut n_seqs = 0u32;
        let mut in_order = true;
        for q in p.indicators.iter().filter_map(|i| i.seq) {
            n_seqs += 1;
            in_order &= q == n_seqs;
        }
        // When no item is numbered, `in_order` stays true.
        if !in_order {
            let at = p
                .indicators
                .iter()
                .enumerate()
                .find(|(k, i)| i.seq != Some(*k as u32 + 1))
                .map(|(_, i)| i)
                .or(p.indicators.first());
            if let Some(i) = at {
                let list: Vec<String> = p
                    .indicators
                    .iter()
                    .filter_map(|i| i.seq)
                    .map(|q| q.to_string())
                    .collect();
                let loc = indicator_loc(pi, p, i);
                s.emit(id!("numbering-gap"), || {
                    (
                        loc,
                        Message::owned(
                            format!(
                                "项目「{}」的指标序号为 [{}]，应为 1..{}",
                                super::Named(p, super::Lang::Zh),
                                list.join(", "),
                                n_seqs
                            ),
                            format!(
                                "project \"{}\" numbers its items [{}], expected 1..{}",
                                super::Named(p, super::Lang::English),
                                list.join(", "),
                                n_seqs
                            ),
                        ),
                    )
                });
            }
        }
        let one_cell = p.indicator_cell.is_some();
        let last = p.indicators.len().saturating_sub(1);
        for ((k, i), fact) in p.indicators.iter().enumerate().zip(facts) {
            let ind = || Arg::Indicator(pi as u32, k as u32);
            let unit = fact.unit.as_deref();
            if i.category == Category::Unknown {
                let loc = || {
                    let mut loc = indicator_loc(pi, p, i);
                    // A row layout has the 一级 in a column of its own.
                    if let (false, Some(c)) = (one_cell, t.column_of(Field::Category)) {
                        loc.col = Some(c);
                        loc.span = None;
                    }
                    loc
                };
                // A 二级 name in the 一级's place is a slip of form, not an
                // item of no known kind: a warning that names its 一级.
                match parent_of_second_level(&i.category_raw) {
                    Some(parent) => s.emit_at(id!("level-unknown"), Severity::Warning, || {
                        (
                            loc(),
                            msg!(LEVEL_IS_SECOND, ind(), Arg::Str(parent.label())),
                        )
                    }),
                    None => s.emit(id!("level-unknown"), || (loc(), msg!(LEVEL_UNKNOWN, ind()))),
                }
            }
            if one_cell && self.on_separator {
                // Whitespace around the terminator is the reader's padding, not a separator.
                let term = i.terminator.as_deref().map(trim).filter(|t| !t.is_empty());
                let bad = match term {
                    Some("。") => None,
                    Some(other) => Some(Some(Arg::text(format!("“{other}”")))),
                    // Items on lines of their own are separated by the line break.
                    None if k < last && !line_break_after(p, k) => Some(None),
                    None => None,
                };
                if let Some(sep) = bad {
                    let mut loc = indicator_loc(pi, p, i);
                    if let (Some(span), Some(term)) = (loc.span, i.terminator.as_deref()) {
                        let len = term.len() as u32;
                        if span.end >= span.start + len {
                            loc.span = Some(crate::model::Span::new(span.end - len, span.end));
                        }
                    }
                    s.emit(id!("separator-nonstandard"), || match sep {
                        Some(sep) => (loc, msg!(SEPARATOR, ind(), sep)),
                        None => (loc, msg!(NO_SEPARATOR, ind())),
                    });
                }
            }
            // The value and the words before it, trimmed once for the rules
            // below that read them.
            let raw = trim(&i.raw_value);
            let label = i.value_label.as_deref().map(trim);
            // An OCR-damaged comparator (`W90%`) is one `ocr-suspect`, not also
            // a label before the value and a missing comparator.
            let damaged = ocr_damaged_operator(raw);
            let damaged_op = self.on_ocr && damaged;
            // A time limit counted from an event (`每学期开学后2个月内`,
            // `自受理之日起5个工作日内`) names its starting point, not the
            // indicator: without it the limit means nothing.
            let starting_point = |label: &str| {
                (label.ends_with('后') || label.ends_with('起'))
                    && i.target.quantity().is_some_and(|q| is_time_limit(q, unit))
            };
            // A change against a base (`较上年增长10%以上`, `缩短10分钟`): the
            // words are the target's meaning, its direction included.
            let relative = label.is_some_and(relative_change);
            if !damaged_op
                && !relative
                && label.is_some_and(|l| !l.is_empty() && !starting_point(l) && !frequency_base(l))
            {
                s.emit(id!("value-prefixed"), || {
                    (value_loc(pi, p, i), msg!(VALUE_PREFIXED, ind()))
                });
            }
            if let Some(q) = i.target.quantity() {
                let op_col = i.op_column().is_some_and(|o| !trim(o).is_empty());
                if q.op.is_none() && !op_col && !damaged_op && !relative {
                    s.emit(id!("operator-missing"), || {
                        (value_loc(pi, p, i), msg!(OPERATOR_MISSING, ind()))
                    });
                }
                if unit.is_none() && !dimensionless(&i.name, q.value) && !name_states_unit(&i.name)
                {
                    s.emit(id!("unit-missing"), || {
                        (value_loc(pi, p, i), msg!(UNIT_MISSING, ind()))
                    });
                }
                // Value unit against the unit column.
                if let (Some(vu), Some(cu)) = (q.unit.as_deref(), i.unit_column()) {
                    // The column's magnitude and 余 are the value's (`0.5` | `万人次`).
                    let cu = crate::grammar::value::split_unit(trim(cu)).2;
                    let (vu, cu) = (norm_unit(vu), norm_unit(&cu));
                    if !cu.is_empty() && vu != cu {
                        s.emit(id!("unit-inconsistent"), || {
                            (
                                value_loc(pi, p, i),
                                msg!(UNIT_VS_COLUMN, ind(), Arg::text(vu), Arg::text(cu)),
                            )
                        });
                    }
                }
                if let Some(u) = unit {
                    if self.on_name_unit {
                        name_unit(s, pi, p, i, u, fact);
                    }
                    if u == "%" && self.on_percent {
                        percent(s, pi, p, i, raw, q);
                    }
                }
                if self.on_ocr {
                    ocr_percent(s, pi, p, i, raw, unit);
                }
            }
            if self.on_ocr && i.target.is_qualitative() && letters_for_digits(raw) {
                s.emit(id!("ocr-suspect"), || {
                    (value_loc(pi, p, i), msg!(OCR_LETTERS, ind()))
                });
            }
            if self.on_placeholder {
                placeholder(s, pi, p, i, raw, unit, damaged);
            }
            // Same name, different units across the table.
            if let Some(u) = fact.unit.as_ref().filter(|_| self.on_units) {
                let key = trim(&i.name);
                match self.units_by_name.get(key) {
                    None => {
                        self.units_by_name.insert(key, (u.clone(), pi, p, i));
                    }
                    Some((first, fpi, fp, fi)) if first != u => {
                        let first = Arg::indicator(*fpi, fp, fi);
                        let t = s.table;
                        s.emit(id!("unit-inconsistent"), || {
                            (unit_loc(t, pi, p, i), msg!(UNIT_ACROSS, ind(), first))
                        });
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

/// Words before a value that make it a change against a base, and
/// nothing else: a comparison (`较上年`, `比上年`, `同比`, `环比`) and a verb
/// of change (`增长`, `下降`, `缩短` …). Other words (`青少年违法犯罪率下降`)
/// still label the value. `label`: trimmed ([`trim`]).
fn relative_change(label: &str) -> bool {
    const BASES: [&str; 10] = [
        "较上一年",
        "较上年度",
        "较上年",
        "较去年",
        "较基期",
        "比上年",
        "同比",
        "环比",
        "相比",
        "较",
    ];
    const CHANGES: [&str; 10] = [
        "增长", "下降", "提高", "降低", "提升", "减少", "缩短", "增加", "上升", "压缩",
    ];
    let l = label;
    // `较2023年`, `比2023年度`: a base year written out.
    let dated = l
        .strip_prefix('较')
        .or_else(|| l.strip_prefix('比'))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .and_then(|r| r.strip_prefix("年度").or_else(|| r.strip_prefix('年')));
    let rest = dated
        .or_else(|| BASES.iter().find_map(|b| l.strip_prefix(b)))
        .unwrap_or(l);
    CHANGES
        .iter()
        .find_map(|c| rest.strip_suffix(c))
        .is_some_and(|r| trim(r).is_empty())
}

/// Whether a label before the value is the base the number is counted per
/// (`每月≥1次`, `每季度≥2次`, `每人每年≤1200元`, `每万人≥3名`, `全年≥4次`):
/// a period or a population, part of the target's meaning, not a rewording
/// of the name. `label`: trimmed ([`trim`]).
fn frequency_base(label: &str) -> bool {
    const BASES: [&str; 27] = [
        "季度",
        "星期",
        "学期",
        "学年",
        "半年",
        "小时",
        "工作日",
        "人口",
        "乡镇",
        "社区",
        "年",
        "月",
        "季",
        "周",
        "旬",
        "日",
        "天",
        "人",
        "名",
        "户",
        "村",
        "校",
        "所",
        "家",
        "县",
        "床",
        "班",
    ];
    // The period counted over (`全年≥4次`, `年度≥2次`, `季度≥1次`), also
    // with 累计 or before a 每 base (`全年累计≥4次`, `全年每月≥1次`): the
    // same meaning as 每年. Longer words first (全年度 before 全年).
    const PERIODS: [&str; 10] = [
        "全年度",
        "本年度",
        "上半年",
        "下半年",
        "全年",
        "年度",
        "本年",
        "当年",
        "年内",
        "季度",
    ];
    let mut rest = label;
    let mut bases = 0;
    if let Some(r) = PERIODS.iter().find_map(|p| rest.strip_prefix(p)) {
        let r = r.trim_start();
        rest = ["累计", "共计", "共"]
            .iter()
            .find_map(|w| r.strip_prefix(w))
            .unwrap_or(r)
            .trim_start();
        bases += 1;
    }
    while let Some(r) = rest.strip_prefix('每') {
        let r = r.trim_start_matches(['十', '百', '千', '万', '个']);
        let Some(base) = BASES.iter().find(|b| r.starts_with(**b)) else {
            return false;
        };
        rest = r.get(base.len()..).unwrap_or_default().trim_start();
        bases += 1;
    }
    bases > 0 && rest.is_empty()
}

/// Whether the indicator names a quantity that has no unit: a coefficient
/// or an index (灌溉水有效利用系数, 恩格尔系数, 空气质量综合指数), a ratio
/// (性别比, 投入产出比, 容积率, a 比率 written as a fraction below 1) or a
/// multiple (倍数). A share (占比) is a percentage and keeps its %. Asked
/// only of a value without a unit.
fn dimensionless(name: &str, value: Decimal) -> bool {
    let n = without_abbreviation(trim(name));
    (["系数", "指数", "比", "比值", "倍数", "倍差", "容积率"]
        .iter()
        .any(|w| n.ends_with(w))
        && !n.ends_with("占比"))
        || (n.ends_with("比率") && value < Decimal::ONE)
        || unitless_symbol(n)
}

/// The name without a Latin abbreviation in brackets at its end
/// (`路面技术状况指数（PQI）`, `桥梁技术状况评定指数(BCI)`), which names
/// the quantity, not its unit.
fn without_abbreviation(name: &str) -> &str {
    let Some(open) = name
        .strip_suffix(['）', ')'])
        .and_then(|n| n.rfind(['（', '(']))
    else {
        return name;
    };
    let inside = name
        .get(open..)
        .unwrap_or("")
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let abbreviation = inside.len() >= 2
        && inside.starts_with(|c: char| c.is_ascii_uppercase())
        && inside
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    match name.get(..open) {
        Some(before) if abbreviation => before.trim_end(),
        _ => name,
    }
}

/// Whether the name ends in a quantity that is a pure number by definition,
/// PUE (a data centre's power usage effectiveness) or pH, with or without
/// 值. 值 alone says nothing: 产值 is in 万元.
fn unitless_symbol(name: &str) -> bool {
    let n = name.strip_suffix('值').unwrap_or(name);
    ["PUE", "pH"].iter().any(|s| {
        n.len()
            .checked_sub(s.len())
            .and_then(|at| Some((n.get(..at)?, n.get(at..)?)))
            // A longer Latin word ending so (`GRAPH`) is not the symbol.
            .is_some_and(|(before, sym)| {
                sym.eq_ignore_ascii_case(s) && !before.ends_with(|c: char| c.is_ascii_alphabetic())
            })
    })
}

/// Whether the name states its unit in brackets at its end
/// (`设备采购及安装成本（万元）`) and the value is in a unit of another kind:
/// money against a percentage or a count, and so on.
fn bracket_unit_differs(name: &str, unit: &str) -> bool {
    #[derive(PartialEq)]
    enum Kind {
        Money,
        Percent,
        Count,
    }
    let kind = |u: &str| match u {
        "万元" | "元" | "千元" | "亿元" => Some(Kind::Money),
        "%" | "％" => Some(Kind::Percent),
        "人" | "人次" | "户" | "个" | "次" | "场" | "家" | "所" | "名" => {
            Some(Kind::Count)
        }
        _ => None,
    };
    // (The unit's kind first: most units are of none, and the name need not
    // be looked at.)
    let Some(of_unit) = kind(unit) else {
        return false;
    };
    let Some(inner) = name_bracket(name) else {
        return false;
    };
    kind(inner).is_some_and(|k| k != of_unit)
}

/// `fact`: the indicator's.
fn name_unit(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    unit: &str,
    fact: &Facts<'_>,
) {
    let n = i.name.as_str();
    // The unit is asked first: most names need no search at all.
    let person_time = unit == "人次";
    let person = matches!(unit, "人" | "名");
    let problem = if person_time && has(n, "人数") {
        Some("名称为“人数”，单位却是“人次”")
    } else if person && has(n, "人次") {
        Some("名称为“人次”，单位却是“人”")
    } else if (person || person_time) && has(n, "户数") {
        Some("名称为“户数”，单位却是“人”或“人次”")
    } else if unit == "户" && has(n, "人数") {
        Some("名称为“人数”，单位却是“户”")
    } else if unit == "个" && n.ends_with("面积") {
        Some("名称为“面积”，单位却是“个”")
    } else if unit == "个" && (n.ends_with("长度") || n.ends_with("里程")) {
        // (ur59: `维修养护渠道长度 ≥120个`, `农村公路日常养护里程 ≥150个`.)
        Some("名称为“长度”或“里程”，单位却是“个”")
    } else if !matches!(unit, "%" | "‰" | "‱" | "个百分点" | "百分点")
        && !per_population(unit)
        && (n.ends_with('率') || fact.satisfaction())
    {
        Some("名称为比率或满意度，单位却不是 %")
    } else if bracket_unit_differs(n, unit) {
        Some("名称括注的单位与指标值的单位不是同一类（金额、百分比或计数）")
    } else {
        None
    };
    if let Some(why) = problem {
        let t = s.table;
        s.emit(id!("unit-name-mismatch"), || {
            (
                unit_loc(t, pi, p, i),
                msg!(UNIT_NAME, Arg::indicator(pi, p, i), Arg::Str(why)),
            )
        });
    }
}

/// `percent-out-of-range` of an indicator in % (`raw`: its value, trimmed).
fn percent(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    raw: &str,
    q: &crate::model::Quantity,
) {
    let th = &s.profile.thresholds;
    let (min, mut max) = (th.percent_min, th.percent_max);
    let (value, hi) = (q.value, q.value_hi);
    let top = hi.unwrap_or(value).max(value);
    // Most percentages are in the range: the exemptions below (growth, OCR,
    // a ratio above the whole, which only widens the range) change nothing
    // for them, and the name is not looked at.
    if top <= max && value >= min {
        return;
    }
    // Growth rates (exempt), and ratios above 100 % by definition, up to
    // three times: 出栏率 (slaughtered over the year's opening stock), 复种指数
    // (sown over arable area), 毛入学率. One scan of the name for both.
    static WORDS: Keywords = Keywords::new(&[
        "增长",
        "增幅",
        "增速",
        "提高",
        "提升",
        "出栏率",
        "复种指数",
        "毛入学率",
    ]);
    // The words looked at one by one only for the rare name that has one.
    let (growth, above_whole) = match WORDS.find(&i.name) {
        Some(_) => (
            ["增长", "增幅", "增速", "提高", "提升"]
                .iter()
                .any(|w| i.name.contains(w)),
            ["出栏率", "复种指数", "毛入学率"]
                .iter()
                .any(|w| i.name.contains(w)),
        ),
        None => (false, false),
    };
    if growth {
        return;
    }
    if ocr_like(q, raw, Some("%")) {
        return;
    }
    if above_whole {
        max = max.max(Decimal::from(300));
    }
    if top > max || value < min {
        s.emit(id!("percent-out-of-range"), || {
            (
                value_loc(pi, p, i),
                msg!(
                    PERCENT,
                    Arg::indicator(pi, p, i),
                    Arg::Dec(min),
                    Arg::Dec(max)
                ),
            )
        });
    }
}

/// `295%` for `≥95%`: a percent above 100 starting with 2 whose rest is a sane percent.
/// `q`: the indicator's quantity; `raw`: its value, trimmed. (The unit and
/// the text are asked before the numbers: comparing decimals costs more.)
fn ocr_like(q: &crate::model::Quantity, raw: &str, unit: Option<&str>) -> bool {
    if unit != Some("%") || q.op.is_some() || !raw.starts_with('2') {
        return false;
    }
    let v = q.value;
    v > Decimal::from(200) && v <= Decimal::from(300)
}

/// `raw`: the value, trimmed.
fn ocr_percent(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    raw: &str,
    unit: Option<&str>,
) {
    if i.target.quantity().is_some_and(|q| ocr_like(q, raw, unit)) {
        s.emit(id!("ocr-suspect"), || {
            (
                value_loc(pi, p, i),
                msg!(OCR_PERCENT, Arg::indicator(pi, p, i)),
            )
        });
    }
}

/// `raw`: the value, trimmed; `damaged`: [`ocr_damaged_operator`] of it.
fn placeholder(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    raw: &str,
    unit: Option<&str>,
    damaged: bool,
) {
    const HOLDERS: [&str; 12] = [
        "/", "／", "无", "XX", "X", "××", "—", "--", "-", "待定", "略", "空",
    ];
    // (The bytes of XX, xx, ** and ×× (C3 97) looked for first: most values
    // hold none.)
    let marks = holds_mark_byte(raw.as_bytes());
    let is_holder = (raw.len() <= 6 && HOLDERS.contains(&raw))
        || (marks
            && (raw
                .as_bytes()
                .windows(2)
                .any(|w| matches!(w, [b'X' | b'x', b'X' | b'x'] | [b'*', b'*']))
                || has(raw, "××")))
        || matches!(i.target, Target::Missing)
        || raw.is_empty();
    // (A value's size is at most its mantissa's, the scale being no negative
    // power: the mantissa is looked at first.)
    let implausible = i.target.quantity().is_some_and(|q| {
        q.value.mantissa().unsigned_abs() >= 1_000_000_000_000
            && q.value.abs() >= Decimal::from(1_000_000_000_000i64)
    });
    if is_holder || implausible {
        let template = if raw.is_empty() {
            &VALUE_EMPTY
        } else {
            &PLACEHOLDER
        };
        s.emit(id!("placeholder-value"), || {
            (
                value_loc(pi, p, i),
                msg!(*template, Arg::indicator(pi, p, i)),
            )
        });
        return;
    }
    if let Some(meant) = rate_decimal_slip(i, unit) {
        s.emit(id!("placeholder-value"), || {
            (
                value_loc(pi, p, i),
                msg!(RATE_SLIP, Arg::indicator(pi, p, i), Arg::Dec(meant)),
            )
        });
        return;
    }
    if damaged {
        s.emit(id!("ocr-suspect"), || {
            (
                value_loc(pi, p, i),
                msg!(OCR_OPERATOR, Arg::indicator(pi, p, i)),
            )
        });
    }
}

/// Whether `b` holds a byte of XX, xx, ** or ×× (C3 97): X, x, * or 0x97.
/// Eight bytes at a time: a value is mostly of CJK characters and digits,
/// and the usual answer is no.
fn holds_mark_byte(b: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Some byte of `v` is zero (exact for the word as a whole).
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    // X (0x58) and x (0x78) are the bytes whose bit 5 set gives 0x78; a
    // zero byte (the padding of the last word) gives none of the three.
    let (bit5, xs, stars, times) = (LO * 0x20, LO * 0x78, LO * 0x2A, LO * 0x97);
    let word = |w: u64| zero((w | bit5) ^ xs) || zero(w ^ stars) || zero(w ^ times);
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        if word(u64::from_le_bytes(bytes)) {
            return true;
        }
    }
    let mut last = [0u8; 8];
    last.iter_mut()
        .zip(chunks.remainder())
        .for_each(|(to, from)| *to = *from);
    word(u64::from_le_bytes(last))
}

/// A floor on a rate of quality or completion under 10 % that is a usual
/// target with its decimal point moved (`培训考核合格率 ≥9.5%` for 95 %):
/// the target meant.
/// `unit`: the indicator's ([`super::text::unit_of`]).
fn rate_decimal_slip(i: &crate::model::Indicator, unit: Option<&str>) -> Option<Decimal> {
    use crate::model::Comparator;
    // (Not 覆盖率: a forest's or a pilot's can be that low; nor a rate of
    // failures, `不合格率`.)
    // (Also the rates a service or a facility is kept at, `路灯亮灯率`,
    // `视频监控在线率`, `设备运行正常率`, `案件办结率`.)
    const RATES: [&str; 26] = [
        "合格率",
        "达标率",
        "完成率",
        "通过率",
        "知晓率",
        "满意度",
        "满意率",
        "及时率",
        "准确率",
        "正确率",
        "验收率",
        "优良率",
        "完好率",
        "治疗率",
        "管理率",
        "巩固率",
        "参保率",
        "亮灯率",
        "在线率",
        "正常率",
        "运行率",
        "办结率",
        "处置率",
        "整改率",
        "到位率",
        "出勤率",
    ];
    // (The unit first: most values are in no %, and comparing decimals costs more.)
    if unit != Some("%") {
        return None;
    }
    let q = i.target.quantity()?;
    // (A bare value is a floor too, `合格率 9.5%`; an exact one, `=9.8%`, is
    // the same slip.)
    let floor = matches!(
        q.op,
        None | Some(Comparator::Ge | Comparator::Gt | Comparator::Eq)
    );
    if !floor || q.value >= Decimal::TEN {
        return None;
    }
    let meant = q.value * Decimal::TEN;
    (meant >= Decimal::from(80)
        && meant <= Decimal::ONE_HUNDRED
        && RATES.iter().any(|r| trim(&i.name).ends_with(r))
        && !has(&i.name, "不"))
    .then_some(meant.normalize())
}

/// OCR-damaged comparators: `W90%` (≤ misread), `(X)`, `（X）`.
/// Whether a line break stands between item `k` of a one-cell project and
/// the next item: as its terminator (the reader keeps whitespace there), or
/// between their spans in the cell.
fn line_break_after(p: &crate::model::Project, k: usize) -> bool {
    if p.indicators
        .get(k)
        .and_then(|i| i.terminator.as_deref())
        .is_some_and(|t| t.contains('\n'))
    {
        return true;
    }
    let (Some(cell), Some(i), Some(next)) = (
        p.indicator_cell.as_deref(),
        p.indicators.get(k).and_then(|i| i.span),
        p.indicators.get(k + 1).and_then(|i| i.span),
    ) else {
        return false;
    };
    cell.get(i.end as usize..next.start as usize)
        .is_some_and(|between| between.contains('\n'))
}

/// `1OO%`, `≥9O%`, `l200人`: the letter O, or l or I, among digits, as
/// OCR misreads 0 and 1, so that a target reads as words. A run of digits
/// and those letters with no other Latin letter beside it (`CO2` is a
/// name), which reads as a number once the letters are digits.
fn letters_for_digits(raw: &str) -> bool {
    // (Most words hold no digit, or none of the letters: asked of the bytes.)
    let b = raw.as_bytes();
    if !b.iter().any(u8::is_ascii_digit)
        || !b.iter().any(|c| matches!(c, b'O' | b'o' | b'l' | b'I'))
    {
        return false;
    }
    let letter = |c: char| matches!(c, 'O' | 'o' | 'l' | 'I');
    let chars: Vec<char> = raw.chars().collect();
    let mut k = 0;
    let mut found = false;
    while let Some(&c) = chars.get(k) {
        let in_run = |c: char| c.is_ascii_digit() || letter(c) || c == '.';
        if !in_run(c) {
            k += 1;
            continue;
        }
        let start = k;
        while chars.get(k).is_some_and(|&c| in_run(c)) {
            k += 1;
        }
        let run = chars.get(start..k).unwrap_or(&[]);
        let latin_beside = |at: Option<usize>| {
            at.and_then(|a| chars.get(a))
                .is_some_and(|c| c.is_ascii_alphabetic())
        };
        if run.iter().any(char::is_ascii_digit)
            && run.iter().any(|&c| letter(c))
            && !latin_beside(start.checked_sub(1))
            && !latin_beside(Some(k))
        {
            found = true;
        }
    }
    if !found {
        return false;
    }
    let fixed: String = raw
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' => '1',
            c => c,
        })
        .collect();
    let parsed = crate::grammar::parse_value(&fixed);
    parsed.target.quantity().is_some() && parsed.label.is_none()
}

fn ocr_damaged_operator(raw: &str) -> bool {
    (raw.starts_with('W') || raw.starts_with('w'))
        && raw.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        || raw.starts_with("(X)")
        || raw.starts_with("（X）")
        || raw.starts_with("(x)")
}

/// A rate per population (`1/10万`, `/10万`, `人/10万人`, `1/1000`): how
/// incidence and mortality are stated (`孕产妇死亡率 ≤10/10万`).
fn per_population(unit: &str) -> bool {
    unit.rsplit_once(['/', '／'])
        .is_some_and(|(_, base)| crate::grammar::value::population_base(base))
}

#[cfg(test)]
mod tests {
    use super::{frequency_base, holds_mark_byte, ocr_like, relative_change, trim};
    use crate::model::{Comparator, Quantity};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    /// [`relative_change`] as it was, trimming its label itself.
    fn relative_change_untrimmed(label: &str) -> bool {
        relative_change(trim(label))
    }

    /// [`frequency_base`] as it was, trimming its label itself.
    fn frequency_base_untrimmed(label: &str) -> bool {
        frequency_base(trim(label))
    }

    /// [`ocr_like`] as it was: the indicator's quantity (`None`: no number)
    /// and its value untrimmed, the numbers asked before the text.
    fn ocr_like_before(q: Option<&Quantity>, raw_value: &str, unit: Option<&str>) -> bool {
        let raw = trim(raw_value);
        let Some(q) = q else {
            return false;
        };
        if unit != Some("%") || q.op.is_some() {
            return false;
        }
        let v = q.value;
        v > Decimal::from(200) && v <= Decimal::from(300) && raw.starts_with('2')
    }

    proptest! {
        /// The rules given the label trimmed once answer as when each
        /// trimmed it (trimming twice is trimming once).
        #[test]
        fn label_rules_on_a_trimmed_label_agree(
            label in "[ \u{3000}较比上年度去同环相2023增长下降缩短每十个月季人全累计共后起a]{0,10}"
        ) {
            let trimmed = trim(&label);
            prop_assert_eq!(relative_change(trimmed), relative_change_untrimmed(&label));
            prop_assert_eq!(frequency_base(trimmed), frequency_base_untrimmed(&label));
        }

        /// The word-wise test finds the bytes the byte-wise test found.
        #[test]
        fn mark_bytes_found_as_before(raw in "[Xx*×ėØ\n\u{17}WYwyJZz:8≥%人次 0-9]{0,20}") {
            let want = raw.bytes().any(|b| matches!(b, b'X' | b'x' | b'*' | 0x97));
            prop_assert_eq!(holds_mark_byte(raw.as_bytes()), want);
        }

        /// The text asked first changes no answer of [`ocr_like`].
        #[test]
        fn ocr_like_agrees(
            raw in "[ 2951≥%.]{0,6}",
            value in 0i64..400,
            scale in 0u32..2,
            op in proptest::option::of(Just(Comparator::Ge)),
            percent in any::<bool>(),
        ) {
            let q = Quantity { op, value: Decimal::new(value, scale), ..Quantity::default() };
            let unit = percent.then_some("%");
            prop_assert_eq!(
                ocr_like(&q, trim(&raw), unit),
                ocr_like_before(Some(&q), &raw, unit)
            );
        }
    }
}
