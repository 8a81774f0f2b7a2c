//! 年度指标值 parsing (GUIDE §2.3, §2.4, §3.9 "operators", "numbers", "script, width").
//!
//! Shape of a quantitative value, read from the **last number** backwards:
//!
//! ```text
//! value  := label? op? about? sign? number (unit-echo? range-sep number)? unit? suffix-op? note?
//! unit   := approx? magnitude? approx? unit-word 左右?       (one approx at most)
//! about  := 约 | 大约                                         (counts as the approx)
//! ```
//!
//! - A magnitude `千 万 十万 百万 千万 亿` right after the number is kept in
//!   `Quantity::magnitude`, not in the unit (`2万人次`: 2, 万, 人次); before `元`
//!   it stays in the money unit (`50万元`, `亿元`, GUIDE §2.4), and `千米 千克
//!   千瓦 …` are units of their own. `余`/`多` ("more than") and a final `左右`
//!   ("about") are kept in `Quantity::approx`; they set no comparator (GUIDE §2.3
//!   lists no such spelling, and a value written `20000余人次` states an
//!   estimate, not the ≥ of 指标性质, so `operator-missing` still applies).
//!   `约`/`大约` right before the number (after the comparator, if any) are
//!   the same kind of approximation, "about", written before it (`约300人次`,
//!   `≥约90%`, `服务人次：约300人次`), not a label; only when nothing, a
//!   space, a colon or a comparator comes before them: glued to a word 约 is
//!   the word's (`节约300万元`, `预约300人次`: label). Before a number
//!   followed by 余/多 the two are one approximation, "about, more than"
//!   (`约300余人次`, `大约2万多人次`: [`Approx::YueYu`] …); with 左右 in the
//!   value (`约5000人次左右`) 约 stays in the label.
//! - `sign` is `-`/`－`/`−` (a negative number, `-5%`) or `+`/`＋` (an
//!   increase written with its sign, `+10%`, `≥+10%`: the number 10; the sign
//!   is the number's, not a label, and stays in the value as written).
//! - A trailing bracket `（…）`/`(…)` without brackets inside is read apart: the
//!   quantity before it is parsed, and the bracket is its unit when it has none
//!   and the bracket names a unit word or symbol (`≥5000（人次）`, `（%）`,
//!   `（次/年）`), else it is kept verbatim in `Quantity::note` (`（全年）`).
//!
//! - The number is the last run of digits (ASCII or full-width `０-９`), with an
//!   optional decimal point (`.` or `．`) and `,` thousands separators that sit
//!   between digit groups (`3,309,840.00`). It is kept exact with its printed
//!   precision (`Decimal::from_str_exact`); a number too large for `Decimal`
//!   makes the value qualitative.
//! - A range is `a-b`, `a～b`, `a~b`, `a—b`, `a至b` (also `80%-90%`); `a > b`
//!   makes the value qualitative.
//! - `op` is any spelling of [`super::comparator::PREFIX_OPS`] right before the
//!   number; a suffix `以上`/`及以上` (Ge) or `以内`/`以下`/`之内`/`内` (Le) after the
//!   unit. Both together (`控制在90万元以内`) give `op_raw = "控制在…以内"`, the
//!   prefix deciding the comparator. A range takes no comparator.
//! - The unit is what follows the number: letters (Han or Latin) and
//!   `% ％ / ／ ‰ ℃ ° ㎡ ² ³ ·`, at most 8 characters, no digits, no
//!   punctuation, no deadline marker (`前 底 末`), no second suffix
//!   comparator, and a percent sign only on its own. `％`/`百分比` → `%`,
//!   `／` → `/`, full-width Latin → ASCII, spaces removed ([`normalize_unit`]).
//!   Anything else after the number (`12月底前`, `100%完成`) makes the value
//!   qualitative.
//! - The label is the text before the comparator/number (`发布新媒体推送`),
//!   trimmed, without a trailing `：`. A label holding comparator symbols, `%`,
//!   `，,；;。` or ending in a dash makes the value qualitative
//!   (`≥95%，≤100%` is not one target).
//! - `百分之90` reads as 90 %.
//!
//! A calendar date (`2024年12月31日`, `2024.12`, `2024-12-31`, `≤2024年6月`,
//! `2024年6月前`: [`super::date`]) is a deadline and stays qualitative, like
//! `12月底前`; it is never read as a number with a unit (31 日).
//!
//! Graded values (`优:100% 良:90% 中:85% 差:85%`, `优100%，良90%，中85%，差85%`):
//! the letters 优, 良, 中 (and optionally 差), in this order, each directly
//! followed (after optional `:`, `：`, `为` or spaces) by a digit or comparator
//! symbol. Every grade's text must be a quantity without a label; separators
//! `，,；;、/|` and spaces between grades are ignored. Text before 优 becomes
//! the label.

use super::comparator::{
    is_op_symbol_char, parse_comparator, prefix_op_at_end, suffix_op_at_end, RANGE_SEPS,
};
use super::ParsedValue;
use crate::model::{Approx, Comparator, Grades, Magnitude, Quantity, Target};
use rust_decimal::Decimal;

/// Whitespace as met in cells: Unicode whitespace (includes U+3000).
pub(crate) fn is_ws(c: char) -> bool {
    c.is_whitespace()
}

fn trim_ws(s: &str) -> &str {
    s.trim_matches(is_ws)
}

use crate::model::digit_of;

fn is_digit(c: char) -> bool {
    digit_of(c).is_some()
}

fn is_point(c: char) -> bool {
    c == '.' || c == '．'
}

/// A number token: byte range inside the text.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

/// Length of a number starting at `start` (which holds a digit).
fn number_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut seen_point = false;
    let chars = s[start..].char_indices();
    for (off, c) in chars {
        let pos = start + off;
        if is_digit(c) {
            end = pos + c.len_utf8();
            continue;
        }
        let rest = &s[pos + c.len_utf8()..];
        if is_point(c) && !seen_point && rest.chars().next().is_some_and(is_digit) {
            seen_point = true;
            end = pos + c.len_utf8();
            continue;
        }
        if c == ',' && !seen_point && end == pos {
            // thousands separator: exactly three ASCII digits follow, then a non-digit
            let b = rest.as_bytes();
            let three = b.len() >= 3 && b.iter().take(3).all(u8::is_ascii_digit);
            // after three ASCII digits, byte 3 is a char boundary
            let fourth_ok = three
                && rest
                    .get(3..)
                    .is_some_and(|r| r.chars().next().is_none_or(|d| !is_digit(d)));
            if three && fourth_ok {
                end = pos + 1;
                continue;
            }
        }
        break;
    }
    end
}

/// The last two number tokens of `s`.
fn last_two_numbers(s: &str) -> (Option<Tok>, Option<Tok>) {
    let mut prev = None;
    let mut last = None;
    let mut i = 0;
    while i < s.len() {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if is_digit(c) {
            let end = number_end(s, i);
            prev = last;
            last = Some(Tok { start: i, end });
            i = end.max(i + c.len_utf8());
        } else {
            i += c.len_utf8();
        }
    }
    (prev, last)
}

/// Exact decimal of a number token (full-width digits and separators handled).
fn to_decimal(text: &str, negative: bool) -> Option<Decimal> {
    let mut buf = [0u8; 72];
    let mut n = 0;
    if negative {
        buf[0] = b'-';
        n = 1;
    }
    for c in text.chars() {
        let b = if let Some(d) = digit_of(c) {
            b'0' + d
        } else if is_point(c) {
            b'.'
        } else if c == ',' {
            continue;
        } else {
            return None;
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    let s = std::str::from_utf8(buf.get(..n)?).ok()?;
    Decimal::from_str_exact(s).ok()
}

fn is_unit_char(c: char) -> bool {
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        // CJK Unified Ideographs: the common case, without the Unicode table lookup
        return !matches!(c, '前' | '底' | '末');
    }
    c.is_alphabetic() && !is_digit(c) && !matches!(c, '前' | '底' | '末') && !is_op_symbol_char(c)
        || matches!(
            c,
            '%' | '％' | '/' | '／' | '‰' | '℃' | '°' | '㎡' | '²' | '³' | '·'
        )
}

/// Normalise a unit of measure: `％`/`百分比` → `%`, `／` → `/`, full-width
/// Latin letters → ASCII, spaces removed.
pub fn normalize_unit(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '％' => out.push('%'),
            '／' => out.push('/'),
            // full-width Latin letters (ｋｍ → km), as the targeted NFKC of GUIDE §3.9
            'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                out.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c));
            }
            c if is_ws(c) => {}
            c => out.push(c),
        }
    }
    // The whole word, also when a wrapped cell split it (`百分\n比`).
    if out == "百分比" {
        out.clear();
        out.push('%');
    }
    out
}

/// [`normalize_unit`], borrowing the unit when it is already normal (nearly
/// all are): reviewing compares hundreds of thousands of units.
pub fn normalize_unit_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    // Every character the normalisation changes is whitespace (ASCII ≤ 0x20,
    // or led in UTF-8 by 0xC2 or 0xE1–0xE3) or a full-width form (led by
    // 0xEF); 百分比 is the one whole word it replaces.
    let may_change = raw
        .bytes()
        .any(|b| b <= 0x20 || matches!(b, 0xC2 | 0xE1..=0xE3 | 0xEF));
    if may_change || raw == "百分比" {
        std::borrow::Cow::Owned(normalize_unit(raw))
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

/// What follows the number: magnitude, approximation, unit and suffix
/// comparator. `None` when the text there is not a unit (the value is then
/// qualitative).
struct After<'a> {
    /// Everything before the suffix comparator and `左右`, as written
    /// (`万余人次`): what a range may echo after its first number.
    full: &'a str,
    magnitude: Option<Magnitude>,
    approx: Option<Approx>,
    /// The unit as written, without magnitude and approximation (`人次`);
    /// money keeps its magnitude (`万元`).
    unit: std::borrow::Cow<'a, str>,
    suffix: Option<(&'static str, Comparator)>,
}

/// Units that begin with a magnitude character but are units of their own
/// (千米 km, 千克 kg, 千瓦 kW …): `5千米` is 5 in `千米`, not 5 thousand `米`.
fn is_prefixed_unit(m: Magnitude, rest: &str) -> bool {
    m == Magnitude::Qian
        && rest.starts_with([
            '米', '克', '瓦', '伏', '帕', '焦', '卡', '赫', '兆', '字', '位',
        ])
}

fn strip_approx(a: &str) -> (Option<Approx>, &str) {
    if let Some(r) = a.strip_prefix('余') {
        (Some(Approx::Yu), r)
    } else if let Some(r) = a.strip_prefix('多') {
        (Some(Approx::Duo), r)
    } else {
        (None, a)
    }
}

fn strip_magnitude(a: &str) -> (Option<Magnitude>, &str) {
    for m in Magnitude::ALL {
        if let Some(r) = a.strip_prefix(m.as_str()) {
            if !is_prefixed_unit(m, r) {
                return (Some(m), r);
            }
        }
    }
    (None, a)
}

/// Split a unit text as written (`万余人次`, `余万元`, `千米`) into magnitude,
/// approximation and unit: `[余|多] magnitude? [余|多] unit` with at most one
/// approximation. A magnitude before `元` stays in the unit (`万元`, `亿元`: money
/// units, GUIDE §2.4).
pub(crate) fn split_unit(
    a: &str,
) -> (Option<Magnitude>, Option<Approx>, std::borrow::Cow<'_, str>) {
    let (approx, after_first) = strip_approx(a);
    let (magnitude, r) = strip_magnitude(after_first);
    let (approx, r, inner) = match approx {
        Some(x) => (Some(x), r, false),
        None if magnitude.is_some() => {
            let (x, r) = strip_approx(r);
            (x, r, x.is_some())
        }
        None => (None, r, false),
    };
    // A money unit keeps the magnitude, also across an approximation:
    // `3千余万元` is in 千万元 like `3千万元`, not 3千 × 万元. Without an
    // approximation between them the money unit is the text as written.
    match magnitude {
        Some(m) if r.starts_with('元') || (m == Magnitude::Qian && r == "万元") => {
            let unit = if inner {
                std::borrow::Cow::Owned(format!("{}{r}", m.as_str()))
            } else {
                std::borrow::Cow::Borrowed(after_first)
            };
            (None, approx, unit)
        }
        _ => (magnitude, approx, std::borrow::Cow::Borrowed(r)),
    }
}

fn parse_after(after: &str) -> Option<After<'_>> {
    let a = trim_ws(after);
    let (a, about) = match a.strip_suffix("左右") {
        Some(r) => (trim_ws(r), true),
        None => (a, false),
    };
    let (a, suffix) = match suffix_op_at_end(a) {
        Some((s, op)) => (trim_ws(&a[..a.len() - s.len()]), Some((s, op))),
        None => (a, None),
    };
    // one comparator per value: a unit that still ends in one (`90以上以内`) is wording
    if a.chars().count() > 8 || suffix_op_at_end(a).is_some() || a.ends_with("左右") {
        return None;
    }
    // every char is a unit char; whitespace only next to a slash
    let mut prev: Option<char> = None;
    let mut chars = a.chars();
    while let Some(c) = chars.next() {
        if is_ws(c) {
            let next = chars.clone().find(|d| !is_ws(*d));
            let slash = |x: Option<char>| matches!(x, Some('/') | Some('／'));
            if !(slash(prev) || slash(next)) {
                return None;
            }
            continue;
        }
        if !is_unit_char(c) {
            return None;
        }
        prev = Some(c);
    }
    // a percent sign is a whole unit: `100%完成` is wording, not a unit
    if a.contains(['%', '％', '‰']) && a.chars().count() > 1 {
        return None;
    }
    let (magnitude, approx, unit) = split_unit(a);
    // one approximation per value (`2余万多人次` is wording)
    if unit.starts_with(['余', '多']) {
        return None;
    }
    // a percentage takes neither (`5万百分比`, like `5万%`, is wording)
    if (magnitude.is_some() || approx.is_some()) && normalize_unit_cow(&unit) == "%" {
        return None;
    }
    let approx = match (approx, about) {
        (Some(_), true) => return None,
        (None, true) => Some(Approx::ZuoYou),
        (x, false) => x,
    };
    Some(After {
        full: a,
        magnitude,
        approx,
        unit,
        suffix,
    })
}

/// A trailing bracketed text (`（全年）`, `(人次)`): (text before it, the
/// bracket as written, its content). Brackets `（）` or `()`, either kind on
/// either side; the content holds no bracket.
fn trailing_bracket(t: &str) -> Option<(&str, &str, &str)> {
    let inner = t.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let content = &inner[open..];
    let open_len = content.chars().next()?.len_utf8();
    let content = &content[open_len..];
    if content.contains(['（', '(', '）', ')']) {
        return None;
    }
    Some((t[..open].trim_end_matches(is_ws), &t[open..], content))
}

/// Whether a bracketed text after a number without unit is its unit
/// (`≥5000（人次）`, `（%）`, `（次/年）`, `（万人次）`): a unit by the usual rules
/// without comparator or `左右`, whose unit is a measure word or unit symbol
/// met in these tables. Anything else (`（全年）`, `（正向）`, `（含）`) is a note.
fn bracket_unit(content: &str) -> Option<After<'_>> {
    const WORDS: [&str; 12] = [
        "年",
        "月",
        "日",
        "天",
        "周",
        "季度",
        "工作日",
        "个工作日",
        "小时",
        "分钟",
        "秒",
        "人天",
    ];
    const ENDINGS: &[char] = &[
        '次', '人', '个', '元', '米', '里', '时', '顷', '亩', '吨', '克', '户', '名', '件', '篇',
        '场', '所', '家', '项', '台', '套', '张', '份', '册', '本', '条', '处', '批', '期', '株',
        '棵', '辆', '部', '间', '节', '座', '床', '位', '支', '只', '头', '匹', '盏', '块', '页',
        '集', '门', '班', '组', '队', '轮', '届', '%', '％', '‰', '℃', '㎡',
    ];
    let after = parse_after(content)?;
    if after.suffix.is_some() || after.approx == Some(Approx::ZuoYou) {
        return None;
    }
    let u = after.unit.as_ref();
    let known = WORDS.contains(&u)
        || u.ends_with(ENDINGS)
        || u.contains(['/', '／'])
        || (!u.is_empty()
            && u.chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '²' | '³')));
    known.then_some(after)
}

/// Whether `unit` (normalised) is read back whole from brackets after a
/// number: `(人次百分比/WY)` is, `(全年)` is a note.
pub(super) fn reads_as_bracket_unit(unit: &str) -> bool {
    bracket_unit(unit).is_some_and(|a| {
        a.magnitude.is_none() && a.approx.is_none() && normalize_unit_cow(&a.unit) == unit
    })
}

/// `约`/`大约` ending `b` (the text before the number, trimmed) with nothing,
/// whitespace, a colon or a comparator before it (`约300人次`, `服务人次：约300人次`,
/// `≥约90%`): the approximation and the text before it. Glued to a word, 约
/// is the word's (节约 saving, 预约 booking, 签约 signing): `None`.
fn about_at_end(b: &str) -> Option<(Approx, &str)> {
    let (approx, rest) = match b.strip_suffix("大约") {
        Some(r) => (Approx::DaYue, r),
        None => (Approx::Yue, b.strip_suffix('约')?),
    };
    let bounded = match rest.chars().next_back() {
        None => true,
        Some(c) => is_ws(c) || matches!(c, '：' | ':') || prefix_op_at_end(rest).is_some(),
    };
    bounded.then_some((approx, rest))
}

fn has_bad_label_char(label: &str) -> bool {
    label
        .chars()
        .any(|c| is_op_symbol_char(c) || matches!(c, '，' | ',' | '；' | ';' | '。' | '%' | '％'))
        || label.ends_with(['-', '－', '—', '–', '～', '~', '〜'])
}

/// A quantity with optional label, or `None` when the text is not one.
///
/// A bracketed text at the end (`5000人次（全年）`, `≥5000（人次）`) is read
/// apart: the quantity before it is parsed, and the bracket is its unit when
/// the quantity has none and the bracket holds a unit ([`bracket_unit`]), else
/// it is kept as the quantity's `note`.
fn parse_quantity(t: &str) -> Option<(Option<&str>, Quantity)> {
    if let Some((before, bracket, content)) = trailing_bracket(t) {
        let (label, mut q) = parse_plain_quantity(before)?;
        // The bracket is the unit of a number without one, also after a
        // magnitude or 余 (`≥2万（人次）`), unless it brings its own of those too.
        let fits = |a: &After<'_>| {
            q.unit.is_none()
                && !(q.magnitude.is_some() && a.magnitude.is_some())
                && !(q.approx.is_some() && a.approx.is_some())
                // a percentage takes neither (`5万(%)` is wording, as `5万%` is)
                && !((q.magnitude.is_some() || q.approx.is_some())
                    && normalize_unit_cow(&a.unit) == "%")
        };
        // `≤10（1/10万）`: a rate per population in the bracket.
        let per = trim_ws(content).trim_start_matches('1');
        if q.unit.is_none() && q.magnitude.is_none() {
            if let Some(base) = per
                .strip_prefix(['/', '／'])
                .map(trim_ws)
                .filter(|b| population_base(b))
            {
                q.unit = Some(format!("/{}", normalize_unit(base)));
                return Some((label, q));
            }
        }
        match bracket_unit(content).filter(fits) {
            Some(a) => {
                q.magnitude = q.magnitude.or(a.magnitude);
                q.approx = q.approx.or(a.approx);
                q.unit = (!a.unit.is_empty()).then(|| normalize_unit(&a.unit));
            }
            None => q.note = Some(bracket.into()),
        }
        return Some((label, q));
    }
    parse_plain_quantity(t)
}

/// A rate per population after its number (`≤10/10万`, `<1/10万`,
/// `≤10人/10万人`, `≤0.5/1000`): the number and the unit before the slash
/// are read as usual, and the unit becomes `unit/base` (`/10万`, `人/10万人`).
/// The base is a power of ten from 100 written in digits, or a magnitude
/// (`万`, `10万`, `千`), with the word for its people or none after it; `2/3`
/// is no such rate.
fn per_population(t: &str) -> Option<(Option<&str>, Quantity)> {
    let slash = t.rfind(['/', '／'])?;
    let head = &t[..slash];
    let base = trim_ws(t[slash..].trim_start_matches(['/', '／']));
    // a comparator after the base (`10/10万以下`) is the value's
    let (base, suffix) = match suffix_op_at_end(base) {
        Some((w, op)) => (trim_ws(&base[..base.len() - w.len()]), Some((w, op))),
        None => (base, None),
    };
    if !population_base(base) {
        return None;
    }
    let (label, mut q) = parse_plain_quantity(head)?;
    if q.magnitude.is_some() || q.unit.as_deref().is_some_and(|u| u.contains(['/', '%'])) {
        return None;
    }
    if let Some((w, op)) = suffix {
        if q.op.is_some() {
            return None;
        }
        q.op = Some(op);
        q.op_raw = Some(w.to_string());
    }
    q.unit = Some(format!(
        "{}/{}",
        q.unit.as_deref().unwrap_or_default(),
        normalize_unit(base)
    ));
    Some((label, q))
}

/// The base of a rate per population (`10万`, `万人`, `1000`): a power of ten
/// from 100 in digits, or a magnitude (`万`, `10万`, `千`), and the word for
/// its people or none (`人`, `人口`, `例`, `活产` …).
pub(crate) fn population_base(base: &str) -> bool {
    let digits_end = base
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(base.len());
    let (n, rest) = base.split_at(digits_end);
    let tail = match ["十万", "万", "千", "百"]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
    {
        Some(tail) => tail,
        None if n.len() >= 3 && n.starts_with('1') && n.bytes().skip(1).all(|b| b == b'0') => rest,
        None => return false,
    };
    // the people of the base, or nothing
    matches!(
        tail,
        "" | "人" | "人口" | "例" | "名" | "户" | "活产" | "人次" | "次"
    )
}

/// [`parse_quantity`] without a trailing bracket.
fn parse_plain_quantity(t: &str) -> Option<(Option<&str>, Quantity)> {
    if t.contains(['/', '／']) {
        if let Some(found) = per_population(t) {
            return Some(found);
        }
    }
    let (prev, last) = last_two_numbers(t);
    let last = last?;
    let after = parse_after(&t[last.end..])?;
    let mut unit = if after.unit.is_empty() {
        None
    } else {
        Some(normalize_unit(&after.unit))
    };

    // range: `a-b`, `a%-b%`, `a 至 b`
    let mut range: Option<(Tok, &'static str)> = None;
    if let Some(p) = prev {
        let mid = trim_ws(&t[p.end..last.start]);
        if let Some(sep) = RANGE_SEPS.iter().find(|s| mid.ends_with(**s)) {
            let echo = trim_ws(&mid[..mid.len() - sep.len()]);
            let echo_ok = echo.is_empty()
                || echo == after.full
                || after.magnitude.is_some_and(|m| echo == m.as_str())
                || (matches!(echo, "%" | "％") && unit.as_deref() == Some("%"));
            if echo_ok {
                range = Some((p, sep));
            }
        }
    }

    let num_start = range.map_or(last.start, |(p, _)| p.start);
    let mut before = &t[..num_start];

    // sign of a single value: `-5%`, `≥-5%`; a plus sign (`+10%`, `＋10%`,
    // an increase) is the number's too, not a label: the number is 10, and
    // the `+` stays in the value as written
    let mut negative = false;
    let trimmed = before.trim_end_matches(is_ws);
    if range.is_none() {
        if let Some(rest) = trimmed
            .strip_suffix('-')
            .or_else(|| trimmed.strip_suffix('－'))
            .or_else(|| trimmed.strip_suffix('−'))
        {
            let rest_t = rest.trim_end_matches(is_ws);
            if rest_t.is_empty()
                || prefix_op_at_end(rest_t).is_some()
                || (after.approx.is_none_or(Approx::more_than) && about_at_end(rest_t).is_some())
            {
                negative = true;
                before = rest_t;
            }
        }
    }
    // a plus changes no number: also before a range (`+10-20%`) and after a
    // word (`增长+10%`: the label 增长, as `下降5%` has 下降), not after a
    // digit (`5+10%`)
    if let Some(rest) = trimmed
        .strip_suffix('+')
        .or_else(|| trimmed.strip_suffix('＋'))
    {
        let rest_t = rest.trim_end_matches(is_ws);
        if !rest_t.ends_with(|c: char| is_digit(c) || matches!(c, '+' | '＋' | '-' | '－' | '−'))
        {
            before = rest_t;
        }
    }

    let mut b = before.trim_end_matches(is_ws);
    if unit.is_none() && after.magnitude.is_none() && after.approx.is_none() {
        if let Some(r) = b.strip_suffix("百分之") {
            unit = Some("%".to_string());
            b = r.trim_end_matches(is_ws);
        }
    }
    // `约`/`大约` before the number, after the comparator; with a 余/多
    // after the number the two make one approximation (`约300余人次`:
    // about, more than 300); with 左右 (`约5000人次左右`) it stays in the label
    let mut approx = after.approx;
    match after.approx {
        None => {
            if let Some((a, r)) = about_at_end(b) {
                approx = Some(a);
                b = r.trim_end_matches(is_ws);
            }
        }
        Some(more) if more.more_than() => {
            if let Some((a, r)) = about_at_end(b) {
                if let Some(both) = a.with_more(more) {
                    approx = Some(both);
                    b = r.trim_end_matches(is_ws);
                }
            }
        }
        Some(_) => {}
    }
    let prefix = prefix_op_at_end(b);
    if let Some((s, _)) = prefix {
        b = &b[..b.len() - s.len()];
    }
    let label = trim_ws(b);
    let label = label.trim_end_matches(['：', ':']).trim_end_matches(is_ws);
    if has_bad_label_char(label) {
        return None;
    }
    let label = if label.is_empty() { None } else { Some(label) };

    let (op, op_raw, value, value_hi) = match range {
        Some((p, sep)) => {
            if prefix.is_some() || after.suffix.is_some() {
                return None;
            }
            let lo = to_decimal(&t[p.start..p.end], false)?;
            let hi = to_decimal(&t[last.start..last.end], false)?;
            if lo > hi {
                return None;
            }
            (Some(Comparator::Range), Some(sep.to_string()), lo, Some(hi))
        }
        None => {
            let v = to_decimal(&t[last.start..last.end], negative)?;
            let (op, op_raw) = match (prefix, after.suffix) {
                (Some((p, op)), Some((s, _))) => (Some(op), Some(format!("{p}…{s}"))),
                (Some((p, op)), None) => (Some(op), Some(p.to_string())),
                (None, Some((s, op))) => (Some(op), Some(s.to_string())),
                (None, None) => (None, None),
            };
            (op, op_raw, v, None)
        }
    };
    Some((
        label,
        Quantity {
            op,
            op_raw,
            value,
            value_hi,
            unit,
            magnitude: after.magnitude,
            approx,
            note: None,
        },
    ))
}

fn is_grade_sep(c: char) -> bool {
    is_ws(c) || matches!(c, '，' | ',' | '；' | ';' | '、' | '/' | '|' | '。')
}

/// 优/良/中/差 graded targets; see the module docs for the accepted shapes.
fn parse_graded(t: &str) -> Option<ParsedValue> {
    if !(t.contains('优') && t.contains('良') && t.contains('中')) {
        return None;
    }
    const GRADES: [char; 4] = ['优', '良', '中', '差'];
    // (marker position, value start)
    let mut marks: [(usize, usize); 4] = [(0, 0); 4];
    let mut found = 0usize;
    for (i, c) in t.char_indices() {
        if !GRADES.contains(&c) {
            continue;
        }
        let mut j = i + c.len_utf8();
        let mut rest = t[j..].chars();
        let mut next = rest.next();
        while let Some(n) = next {
            if is_ws(n) || matches!(n, ':' | '：' | '为') {
                j += n.len_utf8();
                next = rest.next();
            } else {
                break;
            }
        }
        let Some(n) = next else { continue };
        if !(is_digit(n) || is_op_symbol_char(n)) {
            continue;
        }
        if found >= 4 || GRADES.get(found) != Some(&c) {
            return None;
        }
        *marks.get_mut(found)? = (i, j);
        found += 1;
    }
    if found < 3 {
        return None;
    }
    let mut qs: Vec<Quantity> = Vec::with_capacity(found);
    for k in 0..found {
        let (_, start) = *marks.get(k)?;
        let end = if k + 1 < found {
            marks.get(k + 1)?.0
        } else {
            t.len()
        };
        let seg = t.get(start..end)?.trim_end_matches(is_grade_sep);
        match parse_quantity(seg) {
            // a note in a grade (`（中期）`) could hold a grade letter: not graded
            Some((None, q)) if q.note.is_none() => qs.push(q),
            _ => return None,
        }
    }
    let prefix = trim_ws(t.get(..marks.first()?.0)?);
    let prefix = prefix.trim_end_matches(['：', ':']).trim_end_matches(is_ws);
    let label = if prefix.is_empty() {
        None
    } else {
        Some(prefix.to_string())
    };
    let mut it = qs.into_iter();
    let grades = Grades {
        you: it.next()?,
        liang: it.next()?,
        zhong: it.next()?,
        cha: it.next(),
    };
    Some(ParsedValue {
        label,
        target: Target::Graded(Box::new(grades)),
    })
}

/// A number that may be a year (1900–2100): the quick test before asking
/// whether a quantity's canonical text is a date.
fn could_be_year(q: &Quantity) -> bool {
    let year = |v: &Decimal| *v >= Decimal::from(1900) && *v < Decimal::from(2101);
    year(&q.value) || q.value_hi.as_ref().is_some_and(year)
}

/// Parse a 年度指标值 on its own (`≥95%`, `发布新媒体推送100篇`, `效果明显`, `不低于90%` …).
/// Never panics. Empty or blank → [`Target::Missing`]; wording → qualitative.
pub fn parse_value(raw: &str) -> ParsedValue {
    let t = trim_ws(raw);
    if t.is_empty() {
        return ParsedValue {
            label: None,
            target: Target::Missing,
        };
    }
    // A date (`2024年12月31日`, `2024.12`, `≤2024年6月`) is a deadline, as
    // `12月底前` is: wording, not a number with a unit (31 日) or a label.
    if super::date::is_date_value(t) {
        return ParsedValue {
            label: None,
            target: Target::Qualitative {
                text: t.to_string(),
            },
        };
    }
    if let Some(g) = parse_graded(t) {
        return g;
    }
    // A ratio (`≥1:5`, `1：1.5`) is no number: kept as written rather than
    // read as `1.5` after the label `1:`.
    if is_ratio(t) {
        return ParsedValue {
            label: None,
            target: Target::Qualitative {
                text: t.to_string(),
            },
        };
    }
    match parse_quantity(t) {
        // A quantity whose canonical text reads as a date (`2,024.12`,
        // `2024（年）`) is kept as written too, so that the canonical text of
        // every quantity parses back to it.
        Some((_, q)) if could_be_year(&q) && super::date::is_date_value(&q.to_string()) => {
            ParsedValue {
                label: None,
                target: Target::Qualitative {
                    text: t.to_string(),
                },
            }
        }
        // A year with words after its 年 (`保持2023年水平`, `不低于2023年水平`,
        // `使用2023年版教材`) names a baseline or an edition, not 2023 of a
        // unit `年水平`.
        Some((_, q)) if could_be_year(&q) && q.unit.as_deref().is_some_and(year_and_words) => {
            ParsedValue {
                label: None,
                target: Target::Qualitative {
                    text: t.to_string(),
                },
            }
        }
        Some((label, q)) => ParsedValue {
            label: label.map(str::to_string),
            target: Target::Quantitative(q),
        },
        None => ParsedValue {
            label: None,
            target: Target::Qualitative {
                text: t.to_string(),
            },
        },
    }
}

/// A unit that is `年` and more words (`年水平`, `年版教材`, `年度补贴`), not a
/// unit of its own (`年`, `年/次`).
fn year_and_words(unit: &str) -> bool {
    unit.strip_prefix('年')
        .is_some_and(|rest| rest.chars().count() >= 2 && !rest.contains(['/', '／']))
}

/// Whether `t` holds a ratio: a digit, `:` or `：`, a digit.
fn is_ratio(t: &str) -> bool {
    t.match_indices([':', '：']).any(|(at, colon)| {
        let before = trim_ws(&t[..at]).chars().next_back();
        let after = trim_ws(&t[at + colon.len()..]).chars().next();
        before.is_some_and(is_digit) && after.is_some_and(is_digit)
    })
}

/// Parse a target given in separate columns (row layouts): 指标性质 (`≥`, `定性` …),
/// 指标值, 度量单位.
///
/// The value is parsed with [`parse_value`]. Then, for a quantitative value:
/// the 指标性质 comparator (any spelling of [`parse_comparator`]) applies only
/// when the value states none (a comparator in the value wins; a range never
/// takes one); the 度量单位 applies only when the value has no unit (a unit in
/// the value wins). A suffix comparator in the unit column (`%以上`) also
/// counts. `定性`/`定量`/`正向` … set nothing. The caller keeps both raw texts
/// in `Indicator::op_column` / `Indicator::unit_column` so a reviewer can
/// compare them.
pub fn parse_target_parts(op: Option<&str>, value: &str, unit: Option<&str>) -> ParsedValue {
    let mut pv = parse_value(value);
    // A bare number that reads as a date (`2023.5`, `2024.10`, `2010-08`)
    // beside a 度量单位 that is no date's (`亩`, `万元`, `吨`) is that number
    // in that unit.
    let unit_text = unit.map(trim_ws).filter(|u| !u.is_empty());
    if let (Target::Qualitative { .. }, Some(u)) = (&pv.target, unit_text) {
        let t = trim_ws(value);
        let dated = |s: &str| s.contains(['年', '月', '日', '号', '期', '时', '前', '底', '末']);
        if !dated(t) && !dated(u) && super::date::is_date_value(t) {
            if let Some((label, q)) = parse_quantity(t) {
                pv = ParsedValue {
                    label: label.map(str::to_string),
                    target: Target::Quantitative(q),
                };
            }
        }
    }
    if let Target::Quantitative(q) = &mut pv.target {
        let is_range = q.op == Some(Comparator::Range);
        if let Some(u) = unit.map(trim_ws).filter(|u| !u.is_empty()) {
            let (u_text, u_suffix) = match suffix_op_at_end(u) {
                Some((s, c)) if u.len() > s.len() => {
                    (trim_ws(&u[..u.len() - s.len()]), Some((s, c)))
                }
                _ => (u, None),
            };
            if q.unit.is_none() {
                // `万人次` in the column: magnitude 万, unit 人次 (once: a value
                // with its own magnitude keeps it, and the column is then the unit)
                let (m, a, rest) = split_unit(u_text);
                match (q.magnitude, m) {
                    (None, _) | (Some(_), None) => {
                        q.magnitude = q.magnitude.or(m);
                        q.approx = q.approx.or(a);
                        q.unit = (!rest.is_empty()).then(|| normalize_unit(&rest));
                    }
                    (Some(_), Some(_)) => q.unit = Some(normalize_unit(u_text)),
                }
            }
            if let (None, Some((s, c)), false) = (q.op, u_suffix, is_range) {
                q.op = Some(c);
                q.op_raw = Some(s.to_string());
            }
        }
        if let Some(o) = op.map(trim_ws).filter(|o| !o.is_empty()) {
            if q.op.is_none() && !is_range {
                if let Some(c) = parse_comparator(o) {
                    q.op = Some(c);
                    q.op_raw = Some(o.to_string());
                }
            }
        }
    }
    pv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_per_population_reads_back_from_its_canonical_text() {
        // Found by the fuzzer: `0左右/100` printed as `0/100左右`, read back as 100.
        for raw in [
            "≤10（1/10万）",
            "5万(0左右/100",
            "≤3（1/1000）",
            "3800306余/10万",
            "约5多（1/100）",
            "约30099999999999999999.99左右/10万(至)",
            "10左右/10万（全年）",
            // `7777指标/10万左右` read back as no quantity: 左右 goes
            // before the rate after a unit too.
            "控制77777777777777777777指标左右/10万",
            "≤10人左右/10万",
            // `2万QQQQQQQQ` read back as no quantity (CI's fuzzer).
            "x2万(QQQQQQQQ)",
            "指标值:5万(人次百分比/WY)",
            "5万余(人次百分比/WYZ)",
            "约5万(人次百分比/WY)",
            "5万左右(人次百分比/WY)",
            "5万左右(QQQQQQQQ)",
        ] {
            let Target::Quantitative(q) = parse_value(raw).target else {
                continue;
            };
            let Target::Quantitative(b) = parse_value(&q.to_string()).target else {
                panic!("{raw}: `{q}` did not read back");
            };
            assert_eq!(
                (b.op, b.value, &b.unit, b.approx, b.magnitude, &b.note),
                (q.op, q.value, &q.unit, q.approx, q.magnitude, &q.note),
                "{raw}: `{q}`"
            );
        }
    }

    #[test]
    fn unit_normalisation() {
        for (raw, want) in [
            ("人次", "人次"),
            (" 人 次 ", "人次"),
            ("％", "%"),
            ("百分比", "%"),
            ("百分\n比", "%"),
            ("　百分比　", "%"),
            ("百分比例", "百分比例"),
            ("ｋｍ", "km"),
            ("次／年", "次/年"),
            ("百分点", "百分点"),
            ("", ""),
        ] {
            assert_eq!(normalize_unit(raw), want, "{raw:?}");
            assert_eq!(normalize_unit_cow(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn number_scanner() {
        let (p, l) = last_two_numbers("80-90%");
        let (p, l) = (p.unwrap(), l.unwrap());
        assert_eq!((p.start, p.end, l.start, l.end), (0, 2, 3, 5));
        let (_, l) = last_two_numbers("3,309,840.00元");
        assert_eq!(l.unwrap().end, "3,309,840.00".len());
        let (_, l) = last_two_numbers("1,23");
        assert_eq!(l.unwrap().start, 2);
        assert_eq!(
            to_decimal("３,309．5", false).unwrap().to_string(),
            "3309.5"
        );
        assert!(to_decimal("99999999999999999999999999999999", false).is_none());
    }
}
