//! 一级指标 label normalisation (GUIDE §2.2).

use crate::model::Category;
use rust_decimal::Decimal;

/// 一级 names accepted at an item start of the one-cell form
/// (`N-产出指标：…`). Each is also a synonym of [`parse_category`].
/// No entry is a prefix of another, so the match at a position is unique.
pub const ITEM_LEVELS: &[&str] = &[
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "产出目标",
    "项目完成指标",
    "效果指标",
    "效果目标",
    "服务对象满意度指标",
    "社会公众或服务对象满意度指标",
    "经济成本指标",
    "实施效果指标",
];

/// Synonym table after normalisation (spaces and weight labels removed).
fn lookup(name: &str) -> Option<Category> {
    let c = match name {
        "产出指标" | "产出目标" | "项目完成指标" | "产出" | "產出指標" | "產出目標" => {
            Category::Output
        }
        "效益指标" | "效果指标" | "效果目标" | "效益" | "效益指標" | "效果指標" => {
            Category::Outcome
        }
        "满意度指标"
        | "服务对象满意度指标"
        | "社会公众或服务对象满意度指标"
        | "满意度"
        | "滿意度指標"
        | "服務對象滿意度指標" => Category::Satisfaction,
        "成本指标" | "经济成本指标" | "成本" | "成本指標" | "經濟成本指標" => {
            Category::Cost
        }
        "实施效果指标" | "實施效果指標" => Category::ImplementationEffect,
        _ => return None,
    };
    Some(c)
}

/// Normalise a 一级 label (§2.2) and look it up.
///
/// Removes every space (also the spacing of `产 出 指 标`), a weight label at
/// the end (`(50分)`, `（50分）`, `（0-20）分`, `(40-50)分`, `50分`) and a
/// trailing `：`/`:`. The weight is returned when the label holds a single
/// number (`(50分)` → 50); a range such as `（0-20）分` gives none.
/// `实施效果指标` → [`Category::ImplementationEffect`]; anything else unknown →
/// [`Category::Unknown`]. 二级 names (`时效指标`, `生态效益指标` …) are not 一级 and
/// give `Unknown` too.
pub fn parse_category(raw: &str) -> (Category, Option<Decimal>) {
    if let Some(c) = lookup(raw) {
        return (c, None);
    }
    let norm: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let (name, weight) = strip_weight(&norm);
    (lookup(name).unwrap_or(Category::Unknown), weight)
}

/// The 一级 a 二级 name belongs to (GUIDE §2.1), for a 二级 written where
/// the 一级 goes (`1-数量指标：…`, `时效指标`, `生态效益指标`): the item is
/// still of that 一级 in substance. Normalised as [`parse_category`] does;
/// `None` for anything else.
pub fn parent_of_second_level(raw: &str) -> Option<Category> {
    let norm: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let (name, _) = strip_weight(&norm);
    let c = match name {
        "数量指标" | "质量指标" | "时效指标" | "进度指标" | "數量指標" | "質量指標"
        | "時效指標" => Category::Output,
        "经济效益指标"
        | "社会效益指标"
        | "生态效益指标"
        | "环境效益指标"
        | "可持续影响指标"
        | "經濟效益指標"
        | "社會效益指標"
        | "生態效益指標"
        | "可持續影響指標" => Category::Outcome,
        "社会成本指标" | "生态环境成本指标" | "社會成本指標" => Category::Cost,
        _ => return None,
    };
    Some(c)
}

fn strip_colon(s: &str) -> &str {
    s.trim_end_matches(['：', ':'])
}

/// Split `产出指标(50分)` into `产出指标` and the weight 50.
fn strip_weight(s: &str) -> (&str, Option<Decimal>) {
    let s = strip_colon(s);
    let (name, content) = if let Some(body) = s.strip_suffix('分') {
        if let Some(inner) = body.strip_suffix([')', '）']) {
            match inner.rfind(['(', '（']) {
                Some(open) => {
                    let open_len = if inner[open..].starts_with('(') { 1 } else { 3 };
                    (&inner[..open], &inner[open + open_len..])
                }
                None => return (s, None),
            }
        } else {
            let start = body
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == '-')
                .last()
                .map(|(i, _)| i);
            match start {
                Some(i) => (&body[..i], &body[i..]),
                None => return (s, None),
            }
        }
    } else if let Some(inner) = s.strip_suffix([')', '）']) {
        match inner.rfind(['(', '（']) {
            Some(open) => {
                let open_len = if inner[open..].starts_with('(') { 1 } else { 3 };
                let content = &inner[open + open_len..];
                (
                    &inner[..open],
                    content.strip_suffix('分').unwrap_or(content),
                )
            }
            None => return (s, None),
        }
    } else {
        return (s, None);
    };
    let content = content.strip_suffix('分').unwrap_or(content);
    let weight_like = !content.is_empty()
        && content
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '－' | '～' | '~'));
    if !weight_like {
        return (s, None);
    }
    let weight = content.parse::<Decimal>().ok();
    (strip_colon(name), weight)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn synonyms() {
        assert_eq!(parse_category("产出指标"), (Category::Output, None));
        assert_eq!(parse_category("项目完成指标"), (Category::Output, None));
        assert_eq!(parse_category("产出目标"), (Category::Output, None));
        assert_eq!(parse_category("效果指标"), (Category::Outcome, None));
        assert_eq!(parse_category("效果目标"), (Category::Outcome, None));
        assert_eq!(
            parse_category("社会公众或服务对象满意度指标"),
            (Category::Satisfaction, None)
        );
        assert_eq!(parse_category("经济成本指标"), (Category::Cost, None));
        assert_eq!(
            parse_category("实施效果指标"),
            (Category::ImplementationEffect, None)
        );
        assert_eq!(parse_category("长期绩效指标"), (Category::Unknown, None));
        assert_eq!(parse_category("时效指标"), (Category::Unknown, None));
        assert_eq!(parse_category(""), (Category::Unknown, None));
    }

    #[test]
    fn spacing_weights_and_colons() {
        assert_eq!(parse_category("产 出 指 标"), (Category::Output, None));
        assert_eq!(
            parse_category(" 满意度指标： "),
            (Category::Satisfaction, None)
        );
        assert_eq!(
            parse_category("产出指标(50分)"),
            (Category::Output, Some(d("50")))
        );
        assert_eq!(
            parse_category("效益指标（30分）："),
            (Category::Outcome, Some(d("30")))
        );
        assert_eq!(parse_category("成本指标(0-20)分"), (Category::Cost, None));
        assert_eq!(parse_category("成本指标（0-20）分"), (Category::Cost, None));
        assert_eq!(
            parse_category("产出指标 (40-50)分"),
            (Category::Output, None)
        );
        assert_eq!(
            parse_category("满意度指标10分"),
            (Category::Satisfaction, Some(d("10")))
        );
        assert_eq!(
            parse_category("产出指标(12.5)"),
            (Category::Output, Some(d("12.5")))
        );
        assert_eq!(
            parse_category("产出指标（试行）"),
            (Category::Unknown, None)
        );
    }

    #[test]
    fn item_levels_are_synonyms_and_prefix_free() {
        for a in ITEM_LEVELS {
            assert_ne!(parse_category(a).0, Category::Unknown, "{a}");
            for b in ITEM_LEVELS {
                if a != b {
                    assert!(!a.starts_with(b), "{a} starts with {b}");
                }
            }
        }
    }
}
