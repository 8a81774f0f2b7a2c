//! Structure and notation rules: goal/indicators present, levels, numbering,
//! separators, value notation, units, percentages, placeholders.

use super::text::{norm_unit, unit_of, FastMap, Keywords};
use super::{indicator_loc, project_loc, projects, value_loc, Sink};
use crate::model::{Category, Field, Target};
use rust_decimal::Decimal;

pub(super) fn check(s: &mut Sink<'_>) {
    let t = s.table;
    // name → (first unit, its project and indicator)
    type First<'t> = (
        std::borrow::Cow<'t, str>,
        &'t crate::model::Project,
        &'t crate::model::Indicator,
    );
    let mut units_by_name: FastMap<&str, First<'_>> = FastMap::default();
    // Switches looked up once: disabled rules cost nothing per indicator.
    let on_separator = s.on("separator-nonstandard");
    let on_units = s.on("unit-inconsistent");
    let on_name_unit = s.on("unit-name-mismatch");
    let on_percent = s.on("percent-out-of-range");
    let on_ocr = s.on("ocr-suspect");
    let on_placeholder = on_ocr || s.on("placeholder-value");
    for (pi, p) in projects(t) {
        let goal_blank = p.goal.as_deref().is_none_or(|g| g.trim().is_empty());
        if goal_blank && !p.indicators.is_empty() {
            s.emit("goal-missing", || {
                (
                    project_loc(t, pi, p, Field::Goal),
                    format!("项目「{}」有绩效指标但没有绩效目标", p.name),
                    format!("project \"{}\" has indicators but no goal", p.name),
                )
            });
        }
        if p.indicators.is_empty() {
            s.emit("indicators-missing", || {
                (
                    project_loc(t, pi, p, Field::IndicatorCell),
                    format!("项目「{}」没有可识别的绩效指标", p.name),
                    format!("project \"{}\" has no parseable indicator", p.name),
                )
            });
            continue;
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
                let mut loc = indicator_loc(pi, p, i);
                loc.indicator = i.seq;
                s.emit("numbering-gap", || {
                    (
                        loc,
                        format!(
                            "项目「{}」的指标序号为 [{}]，应为 1..{}",
                            p.name,
                            list.join(", "),
                            n_seqs
                        ),
                        format!(
                            "project \"{}\" numbers its items [{}], expected 1..{}",
                            p.name,
                            list.join(", "),
                            n_seqs
                        ),
                    )
                });
            }
        }
        let one_cell = p.indicator_cell.is_some();
        let last = p.indicators.len().saturating_sub(1);
        for (k, i) in p.indicators.iter().enumerate() {
            let label = super::Label(p, i);
            if i.category == Category::Unknown {
                s.emit("level-unknown", || {
                    (
                        indicator_loc(pi, p, i),
                        format!("{label}：一级指标「{}」无法识别", i.category_raw),
                        format!("{label}: unknown first level \"{}\"", i.category_raw),
                    )
                });
            }
            if one_cell && on_separator {
                // Whitespace around the terminator is the reader's padding, not a separator.
                let term = i
                    .terminator
                    .as_deref()
                    .map(|t| t.trim_matches(|c: char| c.is_whitespace()))
                    .filter(|t| !t.is_empty());
                let bad = match term {
                    Some("。") => None,
                    Some(other) => Some(format!("“{other}”")),
                    None if k < last => Some("无分隔".to_string()),
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
                    s.emit("separator-nonstandard", || {
                        (
                            loc,
                            format!("{label}以{sep}结束，应为“。”"),
                            format!("{label} ends with {sep} instead of 。"),
                        )
                    });
                }
            }
            if let Some(lbl) = i.value_label.as_deref().filter(|l| !l.trim().is_empty()) {
                s.emit("value-prefixed", || {
                    (
                        value_loc(pi, p, i),
                        format!("{label}：指标值「{}」前带有文字「{lbl}」", i.raw_value),
                        format!(
                            "{label}: value \"{}\" starts with the label \"{lbl}\"",
                            i.raw_value
                        ),
                    )
                });
            }
            let unit = unit_of(i);
            if let Some(q) = i.target.quantity() {
                let op_col = i.op_column().is_some_and(|o| !o.trim().is_empty());
                if q.op.is_none() && !op_col {
                    s.emit("operator-missing", || {
                        (
                            value_loc(pi, p, i),
                            format!("{label}：指标值「{}」缺少比较符", i.raw_value),
                            format!("{label}: value \"{}\" has no comparator", i.raw_value),
                        )
                    });
                }
                if unit.is_none() {
                    s.emit("unit-missing", || {
                        (
                            value_loc(pi, p, i),
                            format!("{label}：指标值「{}」缺少计量单位", i.raw_value),
                            format!("{label}: value \"{}\" has no unit", i.raw_value),
                        )
                    });
                }
                // Value unit against the unit column.
                if let (Some(vu), Some(cu)) = (q.unit.as_deref(), i.unit_column()) {
                    let (vu, cu) = (norm_unit(vu), norm_unit(cu));
                    if !cu.is_empty() && vu != cu {
                        s.emit("unit-inconsistent", || {
                            (
                                value_loc(pi, p, i),
                                format!("{label}：指标值单位「{vu}」与计量单位列「{cu}」不一致"),
                                format!(
                                "{label}: value unit \"{vu}\" differs from unit column \"{cu}\""
                            ),
                            )
                        });
                    }
                }
                if let Some(u) = unit.as_deref() {
                    if on_name_unit {
                        name_unit(s, pi, p, i, u, &label);
                    }
                    if u == "%" && on_percent {
                        percent(s, pi, p, i, u, q, &label);
                    }
                }
                if on_ocr {
                    ocr_percent(s, pi, p, i, unit.as_deref(), &label);
                }
            }
            if on_placeholder {
                placeholder(s, pi, p, i, &label);
            }
            // Same name, different units across the table.
            if let Some(u) = unit.filter(|_| on_units) {
                let key = i.name.trim();
                match units_by_name.get(key) {
                    None => {
                        units_by_name.insert(key, (u, p, i));
                    }
                    Some((first, fp, fi)) if *first != u => {
                        let first_label = super::Label(fp, fi);
                        s.emit("unit-inconsistent", || (value_loc(pi, p, i), format!(
                                "同名指标「{}」单位不一致：{first_label}为「{first}」，{label}为「{u}」",
                                i.name
                            ), format!(
                                "indicator \"{}\" measured in \"{first}\" at {first_label} but \"{u}\" at {label}",
                                i.name
                            )));
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

fn name_unit(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    unit: &str,
    label: &super::Label<'_>,
) {
    let n = i.name.as_str();
    // The unit is asked first: most names need no search at all.
    let person_time = unit == "人次";
    let person = matches!(unit, "人" | "名");
    let problem = if person_time && n.contains("人数") {
        Some("名称为“人数”，单位却是“人次”")
    } else if person && n.contains("人次") {
        Some("名称为“人次”，单位却是“人”")
    } else if unit != "%" && (n.ends_with('率') || n.contains("满意度")) {
        Some("名称为比率或满意度，单位却不是 %")
    } else {
        None
    };
    if let Some(why) = problem {
        s.emit("unit-name-mismatch", || {
            (
                value_loc(pi, p, i),
                format!("{label}：{why}（{unit}）"),
                format!("{label}: the name and the unit \"{unit}\" disagree"),
            )
        });
    }
}

fn percent(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    unit: &str,
    q: &crate::model::Quantity,
    label: &super::Label<'_>,
) {
    static GROWTH: Keywords = Keywords::new(&["增长", "增幅", "增速", "提高", "提升"]);
    if GROWTH.find(&i.name).is_some() {
        return;
    }
    if ocr_like(i, Some(unit)) {
        return;
    }
    let th = &s.profile.thresholds;
    let (min, max) = (th.percent_min, th.percent_max);
    let (value, hi) = (q.value, q.value_hi);
    let top = hi.unwrap_or(value).max(value);
    if top > max || value < min {
        s.emit("percent-out-of-range", || {
            (
                value_loc(pi, p, i),
                format!("{label}：百分比「{}」超出 {min}–{max}%", i.raw_value),
                format!(
                    "{label}: percentage \"{}\" outside {min}–{max} %",
                    i.raw_value
                ),
            )
        });
    }
}

/// `295%` for `≥95%`: a percent above 100 starting with 2 whose rest is a sane percent.
fn ocr_like(i: &crate::model::Indicator, unit: Option<&str>) -> bool {
    let raw = i.raw_value.trim();
    let Some(q) = i.target.quantity() else {
        return false;
    };
    if unit != Some("%") || q.op.is_some() {
        return false;
    }
    let v = q.value;
    v > Decimal::from(200) && v <= Decimal::from(300) && raw.starts_with('2')
}

fn ocr_percent(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    unit: Option<&str>,
    label: &super::Label<'_>,
) {
    if ocr_like(i, unit) {
        s.emit("ocr-suspect", || {
            (
                value_loc(pi, p, i),
                format!("{label}：指标值「{}」中的“2”可能是“≥”", i.raw_value),
                format!("{label}: the 2 in \"{}\" may be a misread ≥", i.raw_value),
            )
        });
    }
}

fn placeholder(
    s: &mut Sink<'_>,
    pi: usize,
    p: &crate::model::Project,
    i: &crate::model::Indicator,
    label: &super::Label<'_>,
) {
    let raw = i.raw_value.trim();
    const HOLDERS: [&str; 12] = [
        "/", "／", "无", "XX", "X", "××", "—", "--", "-", "待定", "略", "空",
    ];
    let is_holder = (raw.len() <= 6 && HOLDERS.contains(&raw))
        || raw
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, [b'X' | b'x', b'X' | b'x'] | [b'*', b'*']))
        || raw.contains("××")
        || matches!(i.target, Target::Missing)
        || raw.is_empty();
    let implausible = i
        .target
        .quantity()
        .is_some_and(|q| q.value.abs() >= Decimal::from(1_000_000_000_000i64));
    if is_holder || implausible {
        s.emit("placeholder-value", || {
            (
                value_loc(pi, p, i),
                format!("{label}：指标值「{raw}」是占位内容或不合理的数字"),
                format!("{label}: value \"{raw}\" is a placeholder or implausible"),
            )
        });
        return;
    }
    // OCR-damaged operators: W90%, (X), （X）.
    let ocr = (raw.starts_with('W') || raw.starts_with('w'))
        && raw.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        || raw.starts_with("(X)")
        || raw.starts_with("（X）")
        || raw.starts_with("(x)");
    if ocr {
        s.emit("ocr-suspect", || {
            (
                value_loc(pi, p, i),
                format!("{label}：指标值「{raw}」疑似比较符识别错误"),
                format!("{label}: value \"{raw}\" looks like a misread comparator"),
            )
        });
    }
}
