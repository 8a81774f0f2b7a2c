//! Calendar dates as target values (GUIDE §2.4: "deadlines are dates, not
//! numbers"): `2024年6月`, `2024年12月31日`, `2024.12`, `2024-12-31`,
//! `2024/6/30`, `2024年底`, with a deadline word after them (`前`, `以前`,
//! `之前`, `底前` …) and a comparator or words before them (`≤2024年12月31日`,
//! where ≤ means "by", not a lower-is-better bound; `于2024年6月前`,
//! `完成时间：2024年12月`).
//!
//! Such a value is a deadline, like `12月底前`: the value parser keeps it as
//! the qualitative text it is ([`super::parse_value`]), so that no number and
//! unit (31 日) are read out of it and no label (`2024年12月`) is split off.
//!
//! ```text
//! date-value := lead date (range-sep (date | month-day))? tail?
//! lead       := any text without digits, not ending in - or .
//! date       := year 年 (month 月 (day (日|号))?)?
//!             | year sep month (sep day)?          (the same sep: . ． - － / ／)
//! month-day  := month 月 (day (日|号))? | day (日|号)
//!             | year 学年                          (`2023学年`, `2023学年度`)
//! also, alone: month 月 day (日|号)        (`6月30日前`; a month alone is not a date)
//!             year range-sep year (学年|年)  (a period of years: `2023-2024学年`,
//!                                   `2023—2024学年度`, `2024-2025年度`, `2023-24学年`)
//!             第 quarter 季度               (`第4季度前`, quarter 1–4)
//! A year's 度 is a tail (`2024年度`, `2024年度内`).
//! year       := 4 digits, 1900–2100; month 1–12; day 1–31 (1–2 digits, ASCII or full-width)
//! ```
//!
//! Whitespace is allowed between the parts. A year alone needs its 年
//! (`2024` is a number); `12月` alone is not a date here (it may be a
//! duration, `≤12月`), `12月底前` is qualitative already.

use super::value::is_ws;
use crate::model::digit_of;

/// Deadline words after a date, longest first where one ends another.
const TAILS: &[&str] = &[
    "度内",
    "度",
    "及以上",
    "底前完成",
    "前完成",
    "之前完成",
    "以前完成",
    "底前",
    "末前",
    "以前",
    "之前",
    "以内",
    "之内",
    "以上",
    "以下",
    "为止",
    "上旬",
    "中旬",
    "下旬",
    "完成",
    "前",
    "底",
    "末",
    "初",
    "内",
    "止",
];

fn skip_ws(s: &str) -> &str {
    s.trim_start_matches(is_ws)
}

/// A run of 1..=max digits at the start: (value, rest).
fn digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let mut v = 0u32;
    let mut n = 0usize;
    let mut end = 0usize;
    for (i, c) in s.char_indices() {
        match digit_of(c) {
            Some(d) => {
                n += 1;
                if n > max {
                    return None;
                }
                v = v * 10 + u32::from(d);
                end = i + c.len_utf8();
            }
            None => break,
        }
    }
    (n >= min).then(|| (v, s.get(end..).unwrap_or("")))
}

fn month(s: &str) -> Option<&str> {
    let (m, rest) = digits(s, 1, 2)?;
    (1..=12).contains(&m).then_some(rest)
}

fn day(s: &str) -> Option<&str> {
    let (d, rest) = digits(s, 1, 2)?;
    (1..=31).contains(&d).then_some(rest)
}

fn strip_char(s: &str, c: char) -> Option<&str> {
    skip_ws(s).strip_prefix(c).map(skip_ws)
}

/// `month 月 (day 日|号)?` or `day 日|号`: the rest.
fn month_day(s: &str) -> Option<&str> {
    if let Some(r) = month(s).and_then(|r| strip_char(r, '月')) {
        if let Some(r2) = day(r).and_then(|r2| {
            let r2 = skip_ws(r2);
            r2.strip_prefix('日').or_else(|| r2.strip_prefix('号'))
        }) {
            return Some(r2);
        }
        return Some(r);
    }
    let r = skip_ws(day(s)?);
    r.strip_prefix('日').or_else(|| r.strip_prefix('号'))
}

/// A date at the start of `s`: the rest.
fn date(s: &str) -> Option<&str> {
    let (y, rest) = digits(s, 4, 4)?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let rest = skip_ws(rest);
    // a school year (`2023学年`, `2023学年度`): the year alone
    if let Some(r) = rest.strip_prefix("学年") {
        return Some(r);
    }
    if let Some(r) = rest.strip_prefix('年') {
        let r = skip_ws(r);
        // `2024年第二季度`, `2024年一季度末`, `2024年上半年`
        if let Some(r) = part_of_year(r) {
            return Some(r);
        }
        // `2024年12月31日`, `2024年6月`, or the year alone (`2024年底前`)
        return Some(month_day(r).filter(|_| month(r).is_some()).unwrap_or(r));
    }
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '．' | '-' | '－' | '/' | '／') {
        return None;
    }
    let r = month(skip_ws(&rest[sep.len_utf8()..]))?;
    let r2 = skip_ws(r);
    match r2.strip_prefix(sep) {
        Some(d) => day(skip_ws(d)),
        None => Some(r),
    }
}

/// A quarter (`第二季度`, `第4季度`, `一季度`) or a half (`上半年`, `下半年`)
/// at the start of `s`: the rest.
fn part_of_year(s: &str) -> Option<&str> {
    if let Some(r) = s
        .strip_prefix("上半年")
        .or_else(|| s.strip_prefix("下半年"))
    {
        return Some(r);
    }
    // a season or a school term: `2025年春季学期`, `2024年秋季开学前`, `2025年寒假前`
    const SEASONS: [&str; 8] = [
        "春季", "夏季", "秋季", "冬季", "春节", "寒假", "暑假", "汛期",
    ];
    if let Some(r) = SEASONS.iter().find_map(|w| s.strip_prefix(w)) {
        let r = skip_ws(r);
        return Some(
            ["学期末", "学期", "开学前", "开学"]
                .iter()
                .find_map(|w| r.strip_prefix(w))
                .unwrap_or(r),
        );
    }
    quarter(skip_ws(s.strip_prefix('第').unwrap_or(s)))
}

/// A quarter's number, 1–4 in digits or 一二三四, and `季度`: the rest.
fn quarter(s: &str) -> Option<&str> {
    let r = match digits(s, 1, 1) {
        Some((q, r)) => (1..=4).contains(&q).then_some(r)?,
        None => s.strip_prefix(['一', '二', '三', '四'])?,
    };
    skip_ws(r).strip_prefix("季度")
}

/// `month 月 day 日|号` without a year (`6月30日`, `12月31号`): the rest. A
/// month alone (`12月`) may be a duration and is not taken.
fn month_and_day(s: &str) -> Option<&str> {
    let r = strip_char(month(s)?, '月')?;
    let r = skip_ws(day(r)?);
    r.strip_prefix('日').or_else(|| r.strip_prefix('号'))
}

/// Words after a span of years that make it a period: a school year
/// (`2023-2024学年`, `学年度`) or years (`2023-2025年`, `2024-2025年度`), longest first.
const YEAR_SPAN_WORDS: &[&str] = &["学年", "年"];

/// A span of years `year range-sep year (学年|年)` (`2023-2024学年`,
/// `2023—2024学年度`, `2024-2025年度`, `2023-24学年`): the rest. The second
/// year is later than the first, written in full or as its last two digits
/// (the year after the first: `2023-24`). Without the year word it is a range
/// of numbers (`2000-2020` stays one).
fn year_span(s: &str) -> Option<&str> {
    let (y1, rest) = digits(s, 4, 4)?;
    if !(1900..=2100).contains(&y1) {
        return None;
    }
    let rest = skip_ws(rest);
    let sep = super::comparator::RANGE_SEPS
        .iter()
        .find(|sep| rest.starts_with(**sep))?;
    let after = skip_ws(&rest[sep.len()..]);
    let (y2, r) = match digits(after, 4, 4) {
        Some((y2, r)) => (y2, r),
        None => {
            let (yy, r) = digits(after, 2, 2)?;
            (((y1 + 1) % 100 == yy).then_some(y1 + 1)?, r)
        }
    };
    if !(y1 < y2 && y2 <= 2100) {
        return None;
    }
    let r = skip_ws(r);
    YEAR_SPAN_WORDS
        .iter()
        .find_map(|w| r.strip_prefix(*w))
        .map(skip_ws)
}

/// Whether `t` (trimmed) is a date target: see the module docs.
pub fn is_date_value(t: &str) -> bool {
    // The date starts at the first digit; what comes before it is a
    // comparator or wording (`≤`, `于`, `截至`, `完成时间：`).
    let Some(p) = t.find(|c: char| digit_of(c).is_some()) else {
        return false;
    };
    let (before, s) = t.split_at(p);
    // `-2024.12` is a negative number, `.2024` a decimal
    if before.ends_with(['-', '－', '−', '.', '．']) {
        return false;
    }
    // `第4季度` alone (a quarter in words, `第四季度`, has no digit to start at)
    let quarter = || {
        before
            .trim_end_matches(is_ws)
            .ends_with('第')
            .then(|| quarter(s))
            .flatten()
    };
    let Some(mut rest) = year_span(s)
        .or_else(|| date(s))
        .or_else(|| month_and_day(s))
        .or_else(quarter)
    else {
        return false;
    };
    // a period: `2024年1月-2024年6月`, `2024年1月至12月`
    let r = skip_ws(rest);
    if let Some(sep) = super::comparator::RANGE_SEPS
        .iter()
        .find(|sep| r.starts_with(**sep))
    {
        let after = skip_ws(&r[sep.len()..]);
        match date(after).or_else(|| month_day(after)) {
            Some(r2) => rest = r2,
            None => return false,
        }
    }
    let rest = rest.trim_matches(is_ws);
    rest.is_empty() || TAILS.contains(&rest)
}

/// The year of a deadline written inside wording: a date followed by a
/// deadline word (`2025年3月底前完成竣工结算`, `于2024年6月30日前全部投入使用`,
/// `2026年底前（三年项目）`). Not a period (`2024年9月-2025年6月`), nor a date
/// compared with (`较2023年底提高`), nor one of several different years.
pub fn deadline_in_words(t: &str) -> Option<u16> {
    /// Words after a date that make it a deadline; `底`/`末` before them
    /// (`3月底前`) are skipped first.
    const BY: [&str; 10] = [
        "前",
        "以前",
        "之前",
        "内",
        "以内",
        "之内",
        "完成",
        "全部完成",
        "全面完成",
        "为止",
    ];
    /// Words before a date that make it a point of comparison or a start.
    const FROM: [&str; 8] = ["较", "比", "与", "同", "自", "从", "截至", "相对"];
    let mut seen: Option<u16> = None;
    let mut deadline = false;
    let mut prev_digit = false;
    for (i, c) in t.char_indices() {
        let is_digit = digit_of(c).is_some();
        let starts_run = is_digit && !prev_digit;
        prev_digit = is_digit;
        if !starts_run {
            continue;
        }
        let s = &t[i..];
        let Some((y, _)) = digits(s, 4, 4) else {
            continue;
        };
        if !(1900..=2100).contains(&y) {
            continue;
        }
        let y = u16::try_from(y).ok()?;
        // One year only: a text naming two is not one deadline.
        if seen.is_some_and(|f| f != y) {
            return None;
        }
        seen = Some(y);
        if year_span(s).is_some() {
            return None;
        }
        let Some(rest) = date(s) else {
            continue;
        };
        let rest = skip_ws(rest);
        if super::comparator::RANGE_SEPS
            .iter()
            .any(|sep| rest.starts_with(*sep))
        {
            return None;
        }
        let rest = rest
            .strip_prefix('底')
            .or_else(|| rest.strip_prefix('末'))
            .map_or(rest, skip_ws);
        let before = t[..i].trim_end_matches(is_ws);
        let Some(by) = BY.iter().find(|w| rest.starts_with(**w)) else {
            continue;
        };
        // `2023年底前已建成的农村公路`, `2023年12月以前入学的学生`: the date
        // bounds which things are meant (a scope), not when the work is due.
        let clause = rest
            .get(by.len()..)
            .unwrap_or_default()
            .split(['，', ',', '。', '；', ';', '、', '（', '('])
            .next()
            .unwrap_or_default();
        let scope = clause.trim_start_matches(is_ws).starts_with('已') || clause.contains('的');
        if !scope && !FROM.iter().any(|w| before.ends_with(w)) {
            deadline = true;
        }
    }
    seen.filter(|_| deadline)
}

#[cfg(test)]
mod tests {
    use super::is_date_value;

    #[test]
    fn dates() {
        for t in [
            "2024年6月",
            "2024年12月31日",
            "2024年12月31号",
            "2024.12",
            "2024.6.30",
            "2024-12-31",
            "2024/6/30",
            "２０２４年６月",
            "2024年12月底前",
            "2024年12月31日前",
            "2024年12月31日以前",
            "2024年6月之前",
            "2024年底",
            "2024年底前",
            "2024年",
            "≤2024年12月31日",
            "≤ 2024.12",
            "＜2024年12月",
            "于2024年12月31日前",
            "截至2024年12月31日",
            "2024年1月-2024年6月",
            "2024年1月至12月",
            "2024年3月 31日",
            "2024年12月31日前完成",
            "完成时间：2024年12月",
            "完成2024年6月",
            "控制在2024.12以内",
            "2024年第二季度",
            "2024年第4季度前",
            "2024年一季度末",
            "2024年第三季度内",
            "2024年上半年",
            "2024年下半年完成",
            "2025年春季学期",
            "2024年秋季开学前",
            "2025年寒假前",
            "2024年汛期前",
            "2025年春季学期末",
            "第3季度",
            "2023-2024学年",
            "2023—2024学年度",
            "2023～2024学年",
            "2023至2024学年度",
            "2023 - 2024 学年",
            "2023-24学年",
            "2024-2025年度",
            "2024-2025年",
            "2024年-2025年",
            "2023-2024学年度内",
            "≤2024-2025学年",
            "2023学年",
            "2023学年度",
        ] {
            assert!(is_date_value(t), "{t}");
        }
        for t in [
            "2024",
            "2024.125",
            "2024.13",
            "12月",
            "≤12月",
            "12月底前",
            "3年",
            "30天",
            "≥95%",
            "5000人次",
            "2024年12月31日开展活动",
            "2024-12/31",
            "1800年",
            "2024年13月",
            "2024年12月32日",
            "≥2024人",
            "20245年",
            "-2024.12",
            "2024年（全年）",
            "5000人次",
            "2024年第五季度",
            "2024年第5季度",
            "第5季度",
            "2024年上半年度开展",
            "2025年春季学期开展活动",
            "2000-3000人",
            "2000-3000年",
            "2024-2023学年",
            "2024-2024年度",
            "2023-2024",
            "2023-2024人",
            "2023-25学年",
            "1800-1801学年",
            "2023-2024学年开展活动",
            "85%-90%",
        ] {
            assert!(!is_date_value(t), "{t}");
        }
    }

    #[test]
    fn deadlines_in_words() {
        use super::deadline_in_words as d;
        assert_eq!(d("2025年3月底前完成竣工结算"), Some(2025));
        assert_eq!(d("2026年底前（三年项目）"), Some(2026));
        assert_eq!(d("于2024年6月30日前全部投入使用"), Some(2024));
        assert_eq!(d("项目2024年第三季度内完成验收"), Some(2024));
        assert_eq!(d("2024年12月完成"), Some(2024));
        // compared with, a start, a period, two years, no deadline word
        assert_eq!(d("较2023年底提高5%"), None);
        assert_eq!(d("较2023年底前水平提高"), None);
        assert_eq!(d("自2024年1月起实施"), None);
        assert_eq!(d("2024年9月-2025年6月完成"), None);
        assert_eq!(d("2023年底前完成一期，2024年底前完成二期"), None);
        assert_eq!(d("2024-2025学年内完成"), None);
        assert_eq!(d("保持2023年水平"), None);
        assert_eq!(d("≥2025人"), None);
        assert_eq!(d("20251年前"), None);
        // a scope, not a deadline (/tmp/ur10 d01, d03)
        assert_eq!(d("2023年底前已建成的农村公路全部纳入养护"), None);
        assert_eq!(d("2023年12月31日前认定的脱贫家庭学生全覆盖"), None);
        assert_eq!(d("2023年12月以前入学的学生全部资助"), None);
        assert_eq!(d("2023年底前已完成的设施全部纳入维护"), None);
        assert_eq!(d("2025年3月底前完成竣工结算，验收合格"), Some(2025));
    }
}
