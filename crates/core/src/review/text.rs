//! Small text helpers for the content rules.

use crate::model::{Category, Indicator};
use std::borrow::Cow;

/// The first keyword found in `hay` (one pass over its characters; faster than a
/// `contains` per keyword on short texts).
pub(super) fn find_any<'k>(hay: &str, keywords: &[&'k str]) -> Option<&'k str> {
    let bytes = hay.as_bytes();
    for (pos, _) in hay.char_indices() {
        let rest = bytes.get(pos..).unwrap_or_default();
        for kw in keywords {
            let k = kw.as_bytes();
            if rest.len() >= k.len() && rest.first() == k.first() && rest.get(..k.len()) == Some(k)
            {
                return Some(kw);
            }
        }
    }
    None
}

/// Normalise a unit for comparison (`％`/`百分比` → `%`, spaces removed).
pub(super) fn norm_unit(u: &str) -> Cow<'_, str> {
    let t: Cow<'_, str> = if u.chars().any(char::is_whitespace) {
        Cow::Owned(u.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(u)
    };
    match t.as_ref() {
        "％" | "百分比" | "百分点" => Cow::Borrowed("%"),
        _ => t,
    }
}

/// The unit of an indicator: from the value, else the unit column.
pub(super) fn unit_of(i: &Indicator) -> Option<Cow<'_, str>> {
    i.target
        .quantity()
        .and_then(|q| q.unit.as_deref())
        .or(i.unit_column.as_deref())
        .map(norm_unit)
        .filter(|u| !u.is_empty())
}

/// Whether an indicator counts as a benefit (效益) one.
pub(super) fn is_outcome(c: Category) -> bool {
    matches!(c, Category::Outcome | Category::ImplementationEffect)
}

/// Whether an indicator is a cost one (一级 成本, or 二级 naming 成本 under 产出).
pub(super) fn is_cost(i: &Indicator) -> bool {
    i.category == Category::Cost || i.subcategory.as_deref().is_some_and(|s| s.contains("成本"))
}

/// Counting units of outputs (GUIDE §2.4).
pub(super) const COUNT_UNITS: [&str; 22] = [
    "个",
    "人",
    "人次",
    "次",
    "场",
    "场次",
    "批次",
    "台",
    "套",
    "户",
    "名",
    "篇",
    "期",
    "项",
    "家",
    "所",
    "座",
    "件",
    "份",
    "册",
    "平方米",
    "公里",
];

/// Split a goal into sentences at `。；;！？!?` and line breaks, dropping a
/// leading list number (`1.`, `2、`, `（3）`). Yields (byte start, sentence).
pub(super) fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n' | '\r') {
            push_sentence(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_sentence(text, start, text.len(), &mut out);
    out
}

fn push_sentence<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<(usize, &'a str)>) {
    let Some(seg) = text.get(start..end) else {
        return;
    };
    let trimmed_start = seg.len() - seg.trim_start().len();
    let mut s = seg.trim();
    let mut offset = start + trimmed_start;
    // Drop a list number: digits followed by . ． 、 ) ）.
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        if let Some(rest) = s.get(digits..) {
            for sep in [".", "．", "、", ")", "）"] {
                if let Some(r) = rest.strip_prefix(sep) {
                    let cut = digits + sep.len();
                    offset += cut;
                    s = r;
                    break;
                }
            }
        }
    }
    let lead = s.len() - s.trim_start().len();
    let s = s.trim_start();
    if !s.is_empty() {
        out.push((offset + lead, s));
    }
}

/// Mask runs of Arabic digits (and decimal points between them) with `#`,
/// into a reused buffer (cleared first).
pub(super) fn mask_numbers_into(s: &str, out: &mut String) {
    out.clear();
    let mut in_num = false;
    for c in s.chars() {
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if digit || (in_num && c == '.') {
            if !in_num {
                out.push('#');
                in_num = true;
            }
        } else {
            in_num = false;
            out.push(c);
        }
    }
}

/// Whether text speaks of several years (`三年内`, `到2025年`, `2024-2026年`).
pub(super) fn long_term(s: &str) -> bool {
    if !s.contains('年') && !s.contains("长期") {
        return false;
    }
    const MULTI: [&str; 9] = [
        "两年内",
        "二年内",
        "三年内",
        "四年内",
        "五年内",
        "十年内",
        "长期",
        "未来几年",
        "年均",
    ];
    if find_any(s, &MULTI).is_some() {
        return true;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        // 到/至 + 4 digits + 年
        if matches!(c, '到' | '至') {
            let digits: String = chars
                .iter()
                .skip(i + 1)
                .take_while(|d| d.is_ascii_digit())
                .collect();
            if digits.len() == 4 && chars.get(i + 5) == Some(&'年') {
                return true;
            }
        }
        // N年内 with an Arabic N ≥ 2
        if *c == '年' && chars.get(i + 1) == Some(&'内') {
            let mut j = i;
            let mut n = 0u32;
            let mut p = 1u32;
            while j > 0 {
                j -= 1;
                match chars.get(j).and_then(|d| d.to_digit(10)) {
                    Some(d) => {
                        n += d * p;
                        p = p.saturating_mul(10);
                    }
                    None => break,
                }
            }
            if (2..100).contains(&n) {
                return true;
            }
        }
    }
    false
}

/// Character bigrams of the CJK/alphanumeric text in `s` (quotes and punctuation dropped).
pub(super) fn bigrams(s: &str) -> Vec<[char; 2]> {
    let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.windows(2).map(|w| [w[0], w[1]]).collect()
}
