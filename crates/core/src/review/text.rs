//! Small text helpers for the content rules.

use crate::model::{Category, Indicator};
use std::borrow::Cow;

/// The first keyword found in `hay` (one pass over its characters; faster than a
/// `contains` per keyword on short texts). Ties at one position go to the
/// keyword listed first.
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

/// `s.trim()`, without a character walk when the text neither starts nor
/// ends with whitespace (a name or value usually starts and ends with a CJK
/// character or a mark such as `。` or `≥`). Whether it does is read from
/// the bytes at each end ([`starts_with_space`], [`ends_with_space`]).
pub(super) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if starts_with_space(b) || ends_with_space(b) {
        s.trim()
    } else {
        s
    }
}

/// Whether valid UTF-8 `b` starts with a character of Unicode's White_Space
/// (what `char::is_whitespace` answers): 0x09–0x0D and 0x20, U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000,
/// by their UTF-8 bytes.
fn starts_with_space(b: &[u8]) -> bool {
    matches!(
        b,
        [0x09..=0x0D | 0x20, ..]
            | [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// Whether valid UTF-8 `b` ends with a character of White_Space (see
/// [`starts_with_space`]).
fn ends_with_space(b: &[u8]) -> bool {
    matches!(
        b,
        [.., 0x09..=0x0D | 0x20]
            | [.., 0xC2, 0x85 | 0xA0]
            | [.., 0xE1, 0x9A, 0x80]
            | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
            | [.., 0xE2, 0x81, 0x9F]
            | [.., 0xE3, 0x80, 0x80]
    )
}

/// `hay.contains(needle)` for the short texts of names and values, by
/// [`find_short`].
pub(super) fn has(hay: &str, needle: &str) -> bool {
    find_short(hay, needle).is_some()
}

/// `has(hay, a) || has(hay, b)`, in one pass over a short text: the two
/// needles' last bytes looked for together.
pub(super) fn has_either(hay: &str, a: &str, b: &str) -> bool {
    let h = hay.as_bytes();
    let (Some((&la, _)), Some((&lb, _))) = (a.as_bytes().split_last(), b.as_bytes().split_last())
    else {
        return has(hay, a) || has(hay, b);
    };
    if h.len() > SHORT_BYTES {
        return has(hay, a) || has(hay, b);
    }
    let ends =
        |end: usize, n: &[u8]| end + 1 >= n.len() && h.get(end + 1 - n.len()..=end) == Some(n);
    any_byte_at(h, la, lb, |end| {
        ends(end, a.as_bytes()) || ends(end, b.as_bytes())
    })
}

/// `hay.find(needle)` for the short texts of names and values: a search for
/// the needle's last byte (the telling byte of a CJK character; lead bytes
/// are shared by thousands of characters), then one compare per candidate.
/// The standard searcher's set-up (two-way) costs more than the search on
/// such texts.
pub(super) fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&last, _)) = n.split_last() else {
        return Some(0);
    };
    if h.len() < n.len() {
        return None;
    }
    let before = n.len() - 1;
    let at = |end: usize| end >= before && h.get(end - before..=end) == Some(n);
    if h.len() <= SHORT_BYTES {
        let mut first = None;
        any_byte_at(h, last, last, |end| {
            let hit = at(end);
            if hit {
                first = Some(end - before);
            }
            hit
        });
        return first;
    }
    memchr::memchr_iter(last, h)
        .find(|&end| at(end))
        .map(|end| end - before)
}

/// Texts up to this many bytes are searched eight bytes at a time by
/// [`any_byte_at`]: memchr's dispatch and set-up cost more than the whole
/// search on a name or a value.
const SHORT_BYTES: usize = 64;

/// Whether `hit` holds at some position of `h` holding byte `a` or byte `b`
/// (each such position is offered, lowest first within each eight bytes).
/// A word's bytes equal to `a` or `b` are flagged by the zero-byte test on
/// `word ^ pattern`; the test may also flag a byte above a true one (the
/// borrow), never miss one, so every flagged position is checked against
/// the byte itself before `hit` is asked.
fn any_byte_at(h: &[u8], a: u8, b: u8, mut hit: impl FnMut(usize) -> bool) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let (pa, pb) = (LO * u64::from(a), LO * u64::from(b));
    // The positions from `base` of the word `w` flagged, checked, offered.
    let mut word = |w: u64, base: usize| {
        let mut m = zero(w ^ pa) | zero(w ^ pb);
        while m != 0 {
            let k = base + (m.trailing_zeros() / 8) as usize;
            if h.get(k).is_some_and(|&x| x == a || x == b) && hit(k) {
                return true;
            }
            m &= m - 1;
        }
        false
    };
    let mut chunks = h.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        if word(u64::from_le_bytes(bytes), base) {
            return true;
        }
        base += 8;
    }
    // The last bytes as one word padded with zeros: a padding byte flagged
    // lies past the end, and `h.get` rejects it.
    let rest = chunks.remainder();
    if rest.is_empty() {
        return false;
    }
    let mut bytes = [0u8; 8];
    bytes
        .iter_mut()
        .zip(rest)
        .for_each(|(to, from)| *to = *from);
    word(u64::from_le_bytes(bytes), base)
}

/// The bytes of a text as a set of 64 (each byte by its low six bits). A
/// text that holds a needle holds each of its bytes, so a needle with a byte
/// outside a text's set is not in the text: one AND settles what would be a
/// search. (A CJK character's last byte carries six bits of its code point;
/// a name of ten characters fills about a third of the set, so a needle of
/// two characters gets past the test about once in fifty.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct ByteSet(u64);

impl ByteSet {
    /// The set of `s`'s bytes (constant for a literal).
    #[inline]
    pub(super) const fn of(s: &str) -> Self {
        ByteSet(ByteSet::of_bytes(s.as_bytes()))
    }

    /// The set of `bytes`, as bits.
    const fn of_bytes(mut bytes: &[u8]) -> u64 {
        let mut set = 0u64;
        while let [b, rest @ ..] = bytes {
            set |= 1 << (*b & 63);
            bytes = rest;
        }
        set
    }

    /// The set as bits (bit `b & 63` for each byte `b`).
    pub(super) const fn bits(self) -> u64 {
        self.0
    }

    /// Whether every byte of `needle`'s set is in this one: `false` proves
    /// the text of this set does not hold the needle.
    #[inline]
    pub(super) const fn may_hold(self, needle: ByteSet) -> bool {
        needle.0 & !self.0 == 0
    }

    /// [`ByteSet::may_hold`] of a needle's text.
    #[inline]
    pub(super) const fn may_have(self, needle: &str) -> bool {
        self.may_hold(ByteSet::of(needle))
    }
}

/// [`has`]`(hay, needle)`, where `set` is `hay`'s [`ByteSet`] (or that of a
/// text holding `hay`): a needle with a byte `hay` lacks is answered at once.
#[inline]
pub(super) fn has_in(hay: &str, set: ByteSet, needle: &str) -> bool {
    set.may_have(needle) && has(hay, needle)
}

/// [`long_term`]`(s)`, where `set` is `s`'s [`ByteSet`]: text without the
/// bytes of 年 or 长期 speaks of no years (`long_term` asks them first).
pub(super) fn long_term_in(s: &str, set: ByteSet) -> Option<&str> {
    if !set.may_have("年") && !set.may_have("长期") {
        return None;
    }
    long_term(s)
}

/// The byte positions of `c` in `hay`, in order: `hay.match_indices(c)`'s,
/// by a vectorised search for the character's last byte (the standard
/// searcher's byte search is a word at a time, slow on a goal's hundreds of
/// bytes).
pub(super) fn char_positions(hay: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let mut buf = [0u8; 4];
    let needle: &[u8] = c.encode_utf8(&mut buf).as_bytes();
    let (len, last) = (needle.len(), needle.last().copied().unwrap_or_default());
    let needle = buf;
    let h = hay.as_bytes();
    memchr::memchr_iter(last, h).filter_map(move |end| {
        let start = (end + 1).checked_sub(len)?;
        (h.get(start..=end) == needle.get(..len)).then_some(start)
    })
}

/// The one year of a deadline value (`2025年6月30日前`, `≤2024.12`,
/// `2023年12月底前`, `2024年第二季度`), or `None`: not a date, or a period
/// over two years (`2024年9月-2025年6月`, a school year).
pub(super) fn deadline_year(raw: &str) -> Option<u16> {
    let t = trim(raw);
    if !crate::grammar::is_date_value(t) || has(t, "学年") {
        return None;
    }
    let mut year = None;
    let mut run = 0u32;
    let mut digits = 0usize;
    for c in t.chars().chain(std::iter::once(' ')) {
        match crate::model::digit_of(c) {
            Some(d) => {
                run = run.saturating_mul(10).saturating_add(u32::from(d));
                digits += 1;
            }
            None => {
                if digits == 4 && (1900..=2100).contains(&run) {
                    let y = u16::try_from(run).ok()?;
                    if year.is_some_and(|first| first != y) {
                        return None;
                    }
                    year = Some(y);
                }
                run = 0;
                digits = 0;
            }
        }
    }
    year
}

/// A time limit (`3个月内`, `15日以内`, `5个工作日前`): a duration bounded by
/// a deadline word rather than a comparator. It reads "by", as a date with
/// `≤` does, whatever the 指标方向性 column says.
pub(super) fn is_time_limit(q: &crate::model::Quantity, unit: Option<&str>) -> bool {
    const WORDS: [&str; 6] = ["内", "以内", "之内", "前", "以前", "之前"];
    const TIME: [&str; 13] = [
        "天",
        "日",
        "工作日",
        "个工作日",
        "月",
        "个月",
        "周",
        "个周",
        "小时",
        "个小时",
        "分钟",
        "季度",
        "个季度",
    ];
    q.op_raw
        .as_deref()
        .map(trim)
        .is_some_and(|o| WORDS.contains(&o))
        && unit.map(trim).is_some_and(|u| TIME.contains(&u))
}

/// A fixed keyword list matched in one pass by an Aho–Corasick automaton
/// (leftmost match; at one position the keyword listed first), built once per
/// process. Same answers as [`find_any`] over the same list.
pub(super) struct Keywords {
    words: &'static [&'static str],
    matcher: std::sync::OnceLock<Matcher>,
}

/// What [`Keywords`] builds on first use.
struct Matcher {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// The keywords' first characters, as a set of their low 12 bits, and
    /// each keyword's first character; `None` when a keyword is empty (it
    /// matches before any character).
    firsts: Option<(Box<[u64; 64]>, Vec<char>)>,
    /// Each keyword's [`ByteSet`].
    sets: Vec<ByteSet>,
}

/// Texts up to this many bytes (names, values, clauses) are scanned by
/// [`Keywords::scan`]: the automaton's set-up per search costs more than
/// the scan on them.
const SHORT_TEXT: usize = 128;

impl Keywords {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        Keywords {
            words,
            matcher: std::sync::OnceLock::new(),
        }
    }

    /// The first keyword found in `hay`.
    pub(super) fn find(&self, hay: &str) -> Option<&'static str> {
        let matcher = self.matcher();
        if let (true, Some((set, starts))) = (hay.len() <= SHORT_TEXT, &matcher.firsts) {
            return self.scan(hay, set, starts);
        }
        match &matcher.automaton {
            Some(ac) => ac
                .find(hay)
                .and_then(|m| self.words.get(m.pattern().as_usize()).copied()),
            // The automaton could not be built: the plain scan.
            None => find_any(hay, self.words),
        }
    }

    /// The matcher, built on first use. (`get` first: the initialising call
    /// costs more than the look.)
    fn matcher(&self) -> &Matcher {
        match self.matcher.get() {
            Some(m) => m,
            None => self.matcher.get_or_init(|| self.build()),
        }
    }

    fn build(&self) -> Matcher {
        Matcher {
            automaton: aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(self.words)
                .ok(),
            firsts: first_chars(self.words),
            sets: self.words.iter().map(|w| ByteSet::of(w)).collect(),
        }
    }

    /// [`Keywords::find`]`(hay)`, where `set` is the [`ByteSet`] of `hay`
    /// or of a text holding it: when no keyword's bytes are all in `set`,
    /// none is in `hay`, found without the scan.
    pub(super) fn find_in(&self, hay: &str, set: ByteSet) -> Option<&'static str> {
        if !self.matcher().sets.iter().any(|w| set.may_hold(*w)) {
            return None;
        }
        self.find(hay)
    }

    /// [`find_any`], looking at the keywords only where a character that
    /// begins one stands.
    fn scan(&self, hay: &str, set: &[u64; 64], starts: &[char]) -> Option<&'static str> {
        let bytes = hay.as_bytes();
        for (pos, c) in hay.char_indices() {
            let h = (c as usize) & 0xFFF;
            let maybe = set.get(h >> 6).is_some_and(|w| w >> (h & 63) & 1 == 1);
            if !maybe {
                continue;
            }
            let rest = bytes.get(pos..).unwrap_or_default();
            // (The bytes compared only for keywords starting with `c`.)
            let kw = self
                .words
                .iter()
                .zip(starts)
                .find(|(k, first)| **first == c && rest.starts_with(k.as_bytes()));
            if let Some((kw, _)) = kw {
                return Some(kw);
            }
        }
        None
    }
}

/// [`Matcher::firsts`] of `words`.
fn first_chars(words: &[&str]) -> Option<(Box<[u64; 64]>, Vec<char>)> {
    let mut set = Box::new([0u64; 64]);
    let mut starts = Vec::with_capacity(words.len());
    for w in words {
        let first = w.chars().next()?;
        starts.push(first);
        let h = (first as usize) & 0xFFF;
        if let Some(word) = set.get_mut(h >> 6) {
            *word |= 1 << (h & 63);
        }
    }
    Some((set, starts))
}

/// Normalise a unit for comparison: the grammar's normalisation
/// ([`crate::grammar::normalize_unit`]), and 百分点 (percentage points)
/// compared as `%`.
pub(super) fn norm_unit(u: &str) -> Cow<'_, str> {
    let t = crate::grammar::normalize_unit_cow(u);
    if t == "百分点" {
        return Cow::Borrowed("%");
    }
    match per_population_unit(&t) {
        Some(p) => Cow::Owned(p),
        None => t,
    }
}

/// A rate per population (a normalised unit), with or without its base's
/// people: `/10万人`, `人/10万人` and `1/10万` are all `/10万`.
fn per_population_unit(t: &str) -> Option<String> {
    let (count, base) = t.split_once('/')?;
    (crate::grammar::value::population_base(base) && matches!(count, "" | "1" | "人" | "例")).then(
        || {
            let base = base.trim_end_matches("人口").trim_end_matches('人');
            format!("/{base}")
        },
    )
}

/// The unit of an indicator: from the value, else the unit column, else a
/// unit in brackets closing its name (`项目总成本（万元）` valued `≤1200`).
pub(super) fn unit_of(i: &Indicator) -> Option<Cow<'_, str>> {
    i.target
        .quantity()
        .and_then(|q| q.unit.as_deref())
        .or(i.unit_column())
        .or_else(|| name_unit(&i.name))
        .map(norm_unit)
        .filter(|u| !u.is_empty())
}

/// A unit in the brackets that close a name (`覆盖率（%）`, `人均成本（元/人）`);
/// one with a magnitude (`受益人口（万人）`) is none: the value's number
/// would be read without it.
fn name_unit(name: &str) -> Option<&str> {
    name_bracket(name).filter(|inner| NAME_UNITS.contains(inner))
}

/// Whether the brackets closing a name state the value's unit, with a
/// magnitude or without (`受益人口（万人）`, `覆盖率（%）`): its value lacks none.
pub(super) fn name_states_unit(name: &str) -> bool {
    name_bracket(name).is_some_and(|inner| {
        let bare = inner.trim_start_matches(['万', '亿', '千', '百']);
        // A classifier (`（张）`, `（万头（羽））`'s 羽) or money per something
        // (`（元/件）`, `（万元/个）`, `（元/生·年）`).
        let classifier = bare.chars().count() == 1
            && bare.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let per = bare
            .split_once('/')
            .is_some_and(|(money, of)| money.ends_with('元') && !of.is_empty());
        NAME_UNITS.contains(&bare) || NAME_UNITS.contains(&inner) || classifier || per
    })
}

/// What stands in the brackets closing a name.
pub(super) fn name_bracket(name: &str) -> Option<&str> {
    let n = name.trim_end();
    n.strip_suffix(['）', ')'])
        .and_then(|n| n.rfind(['（', '(']).map(|at| &n[at..]))
        .map(|b| b.trim_start_matches(['（', '(']).trim())
}

/// Units a name's brackets may state for its value.
const NAME_UNITS: [&str; 63] = [
    "万元",
    "元",
    "千元",
    "亿元",
    "%",
    "％",
    "‰",
    "人",
    "人次",
    "户",
    "户次",
    "个",
    "次",
    "场",
    "家",
    "所",
    "名",
    "公里",
    "千米",
    "亩",
    "吨",
    "平方米",
    "天",
    "小时",
    "分钟",
    "件",
    "台",
    "套",
    "辆",
    "座",
    "项",
    "部",
    "头",
    "分",
    "批次",
    "期",
    "篇",
    "册",
    "台次",
    "元/人",
    "元/人次",
    "元/亩",
    "元/户",
    "元/人·月",
    "元/平方米",
    "万元/公里",
    "分钟",
    "岁",
    "cm",
    "厘米",
    "米",
    "元/台",
    "日",
    "周",
    "月",
    "年",
    "元/头",
    "元/只",
    "只",
    "株",
    "棵",
    "条",
    "处",
];

/// Whether a name measures satisfaction itself (`服务对象满意度`, `群众满意度`),
/// not the survey that asks for it (`开展满意度测评次数`, `满意度调查覆盖率`:
/// outputs of the project, counted in 次 or %).
pub(super) fn names_satisfaction(name: &str) -> bool {
    const SURVEY: [&str; 6] = ["测评", "调查", "调研", "问卷", "回访", "测试"];
    // The quick test first: most names hold no 满意 (满意度, 满意率).
    if !has(name, "满意") {
        return false;
    }
    ["满意度", "满意率"].iter().any(|word| {
        find_short(name, word).is_some_and(|at| {
            let after = name.get(at + word.len()..).unwrap_or_default();
            // (Also by a channel: `满意度电话回访`, `满意度网络调查`.)
            let after = ["电话", "网络", "网上", "线上", "入户", "抽样", "第三方"]
                .iter()
                .find_map(|c| after.strip_prefix(c))
                .unwrap_or(after);
            !SURVEY.iter().any(|w| after.starts_with(w))
        })
    })
}

/// Whether a name speaks of a cost saved or lowered (`降低企业物流成本`,
/// `节约运行成本`, `能耗成本下降率`): someone's saving is an economic benefit,
/// not the project's own cost.
pub(super) fn names_cost_saving(name: &str) -> bool {
    static SAVING: Keywords = Keywords::new(&[
        "节约", "节省", "降低", "减少", "下降", "减轻", "压减", "缩减", "降本", "减负",
    ]);
    SAVING.find(name).is_some()
}

/// Whether an indicator counts as a benefit (效益) one.
pub(super) fn is_outcome(c: Category) -> bool {
    matches!(c, Category::Outcome | Category::ImplementationEffect)
}

/// Whether an indicator is a cost one (一级 成本, or 二级 naming 成本 under 产出).
pub(super) fn is_cost(i: &Indicator) -> bool {
    i.category == Category::Cost || i.subcategory.as_deref().is_some_and(|s| has(s, "成本"))
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
/// leading list number (`1.`, `2、`, `（3）`). Calls `f` with (byte start, sentence).
/// (The review finds the marks in its one walk over a goal and splits by
/// [`for_each_sentence_between`]; this search for them is its tests' oracle.)
#[cfg(test)]
pub(super) fn for_each_sentence<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    // Bytes, not chars: the full-width marks are `E3 80 82` (。) and
    // `EF BC 9B/81/9F` (；！？), and a lead byte never occurs inside another
    // character, so matching their bytes finds exactly those characters.
    let bytes = text.as_bytes();
    let mark_len = |i: usize| match bytes.get(i) {
        Some(b';' | b'!' | b'?' | b'\n' | b'\r') => 1,
        Some(0xE3) if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => 3,
        Some(0xEF) if matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x9B | 0x81 | 0x9F])) => 3,
        _ => 0,
    };
    let mut start = 0usize;
    let mut at = |i: usize| {
        let len = mark_len(i);
        if len > 0 {
            push_sentence(text, start, i, &mut f);
            start = i + len;
        }
    };
    // Chinese goals rarely hold ASCII `;!?` or `\r`: then only the lead bytes
    // of 。；！？ and `\n` need looking at, found by memchr. (Two loops, not
    // one boxed iterator: a virtual call per candidate cost more than the
    // search.)
    let rare = memchr::memchr3(b';', b'!', b'?', bytes).is_some()
        || memchr::memchr(b'\r', bytes).is_some();
    if rare {
        (0..bytes.len()).for_each(&mut at);
    } else {
        memchr::memchr3_iter(0xE3, 0xEF, b'\n', bytes).for_each(&mut at);
    }
    push_sentence(text, start, text.len(), &mut f);
}

/// [`for_each_sentence`] with the sentence marks given: each mark's byte
/// offset and length, in order (as a walk over the text's characters finds
/// them, beside other work on them); only the sentences of at least
/// `shortest` bytes (a sentence is part of the text between two marks: a
/// shorter stretch is passed without trimming it).
pub(super) fn for_each_sentence_between<'a>(
    text: &'a str,
    marks: &[(usize, usize)],
    shortest: usize,
    mut f: impl FnMut(usize, &'a str),
) {
    let mut start = 0usize;
    let mut f = |at: usize, sentence: &'a str| {
        if sentence.len() >= shortest {
            f(at, sentence);
        }
    };
    for &(at, len) in marks {
        if at.saturating_sub(start) >= shortest {
            push_sentence(text, start, at, &mut f);
        }
        start = at + len;
    }
    if text.len().saturating_sub(start) >= shortest {
        push_sentence(text, start, text.len(), &mut f);
    }
}

fn push_sentence<'a>(text: &'a str, start: usize, end: usize, f: &mut impl FnMut(usize, &'a str)) {
    let Some(seg) = text.get(start..end) else {
        return;
    };
    // `trim` is `trim_start` then `trim_end`: each end walked once.
    let rest = trim_start_quick(seg);
    let mut offset = start + (seg.len() - rest.len());
    let mut s = trim_end_quick(rest);
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
    let trimmed = trim_start_quick(s);
    let lead = s.len() - trimmed.len();
    if !trimmed.is_empty() {
        f(offset + lead, trimmed);
    }
}

/// Whether a character led by byte `lead` may be whitespace: ASCII
/// 0x09–0x0D and 0x20, or led by 0xC2 (U+0085, U+00A0), 0xE1 (U+1680), 0xE2
/// (U+2000–U+205F) or 0xE3 (U+3000).
fn may_be_space(lead: u8) -> bool {
    matches!(lead, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1..=0xE3)
}

/// `s.trim_start()`, answering at once when the first character cannot be
/// whitespace.
fn trim_start_quick(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&b) if !may_be_space(b) => s,
        _ => s.trim_start(),
    }
}

/// `s.trim_end()`, answering at once when the last character cannot be
/// whitespace.
fn trim_end_quick(s: &str) -> &str {
    // The last character's lead byte: the last byte that is not 10xxxxxx.
    match s
        .as_bytes()
        .iter()
        .rev()
        .take(4)
        .find(|&&x| x & 0xC0 != 0x80)
    {
        Some(&b) if !may_be_space(b) => s,
        _ => s.trim_end(),
    }
}

/// Mask runs of Arabic digits (and decimal points between them) with `#`,
/// into a reused buffer (cleared first).
pub(super) fn mask_numbers_into(s: &str, out: &mut String) {
    mask_numbers_noting(s, out, |_, _| {});
}

/// [`mask_numbers_into`], also calling `run(start, end)` with the byte range
/// of each number masked, in order (to find a part of `s` in `out`).
pub(super) fn mask_numbers_noting(s: &str, out: &mut String, mut run: impl FnMut(usize, usize)) {
    out.clear();
    // By bytes: an ASCII digit or '.' is never part of a longer character,
    // and a full-width digit ０–９ is EF BC 90–99; everything else is copied
    // in runs.
    let b = s.as_bytes();
    let mut copied = 0;
    let mut from = 0;
    while let Some(k) = next_digit(b, from) {
        out.push_str(s.get(copied..k).unwrap_or_default());
        out.push('#');
        let mut end = k + digit_len(b, k);
        // The rest of the number: digits and points.
        loop {
            let n = digit_len(b, end);
            if n > 0 {
                end += n;
            } else if b.get(end) == Some(&b'.') {
                end += 1;
            } else {
                break;
            }
        }
        run(k, end);
        copied = end;
        from = end;
    }
    out.push_str(s.get(copied..).unwrap_or_default());
}

/// The length of the digit at `k`: 1 for an ASCII digit, 3 for a full-width
/// one (EF BC 90–99), 0 for anything else.
fn digit_len(b: &[u8], k: usize) -> usize {
    match (b.get(k), b.get(k + 1), b.get(k + 2)) {
        (Some(x), _, _) if x.is_ascii_digit() => 1,
        (Some(0xEF), Some(0xBC), Some(0x90..=0x99)) => 3,
        _ => 0,
    }
}

/// Where the next digit at or after `from` starts. Eight bytes at a time:
/// most words of a Chinese text hold neither an ASCII digit nor the lead
/// byte of a full-width one, and are passed by a few word operations; a
/// word that does is resumed after its first such byte.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    while let Some(word) = b.get(k..).and_then(|r| r.first_chunk::<8>()) {
        let m = digits_or_ef(u64::from_le_bytes(*word));
        if m == 0 {
            k += 8;
            continue;
        }
        let j = k + (m.trailing_zeros() / 8) as usize;
        if digit_len(b, j) > 0 {
            return Some(j);
        }
        k = j + 1;
    }
    (k..b.len()).find(|&j| digit_len(b, j) > 0)
}

/// Bit 7 of each byte of `w` (little-endian) that is an ASCII digit or 0xEF;
/// exact up to the lowest byte marked (the 0xEF test may also mark bytes
/// above a true one).
fn digits_or_ef(w: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // An ASCII byte's low seven bits plus 0x50 reach bit 7 from 0x30 up, plus
    // 0x46 from 0x3A up; no sum carries into the next byte.
    let low = w & !HI;
    let from_0 = low + 0x50 * LO;
    let past_9 = low + 0x46 * LO;
    let digit = from_0 & !past_9 & !w & HI;
    // The zero bytes of w ^ EF..EF (the classic test: a borrow may mark
    // bytes above a zero one, never below).
    let x = w ^ (0xEF * LO);
    let ef = x.wrapping_sub(LO) & !x & HI;
    digit | ef
}

/// The phrase by which text speaks of several years (`三年内`, `到2025年`,
/// `3年内`, `逐年提高`, `近三年平均`), or `None`. A per-year average (`年均`,
/// `单个站点年均补贴标准`) is an annual figure, not a span of years.
pub(super) fn long_term(s: &str) -> Option<&str> {
    if !has_year_or_long(s) {
        return None;
    }
    static MULTI: Keywords = Keywords::new(&[
        "两年内",
        "二年内",
        "三年内",
        "四年内",
        "五年内",
        "十年内",
        "长期",
        "未来几年",
        "逐年",
        "近两年",
        "近二年",
        "近三年",
        "近四年",
        "近五年",
        "近十年",
        "近几年",
        "连续两年",
        "连续三年",
        "连续五年",
    ]);
    if let Some(k) = MULTI.find(s) {
        return Some(k);
    }
    let bytes = s.as_bytes();
    for (i, c) in s.char_indices() {
        let after = i + c.len_utf8();
        // 到/至 + exactly 4 digits + 年
        if matches!(c, '到' | '至') {
            let digits = bytes
                .get(after..)
                .unwrap_or_default()
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if digits == 4 && s.get(after + 4..).is_some_and(|r| r.starts_with('年')) {
                return s.get(i..after + 4 + "年".len());
            }
        }
        // N年内 (or 近N年) with an Arabic N ≥ 2
        let within = s.get(after..).is_some_and(|r| r.starts_with('内'));
        if c == '年' {
            let mut n = 0u32;
            let mut p = 1u32;
            let mut start = i;
            for d in bytes.get(..i).unwrap_or_default().iter().rev() {
                if !d.is_ascii_digit() {
                    break;
                }
                n = n.wrapping_add(u32::from(d - b'0').wrapping_mul(p));
                p = p.saturating_mul(10);
                start -= 1;
            }
            let recent = s.get(..start).is_some_and(|b| b.ends_with('近'));
            if (2..100).contains(&n) {
                if within {
                    return s.get(start..after + "内".len());
                }
                if recent {
                    return s.get(start - "近".len()..after);
                }
            }
        }
    }
    None
}

/// `has(s, "年") || has(s, "长期")` in one pass: the last bytes of 年
/// (E5 B9 B4) and 期 (E6 9C 9F) found together.
fn has_year_or_long(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |end: usize| {
        let ends =
            |n: &str| end + 1 >= n.len() && b.get(end + 1 - n.len()..=end) == Some(n.as_bytes());
        ends("年") || ends("长期")
    };
    if b.len() <= SHORT_BYTES {
        return any_byte_at(b, 0xB4, 0x9F, at);
    }
    memchr::memchr2_iter(0xB4, 0x9F, b).any(at)
}

/// Character bigrams of the CJK/alphanumeric text in `s` (quotes and punctuation
/// dropped), appended to `out`.
pub(super) fn bigrams_into(s: &str, out: &mut Vec<[char; 2]>) {
    let mut prev: Option<char> = None;
    for c in s.chars().filter(|&c| is_alphanumeric(c)) {
        if let Some(a) = prev {
            out.push([a, c]);
        }
        prev = Some(c);
    }
}

/// The character of the three bytes `x y z` of valid UTF-8 (`x`: its lead
/// byte, E0–EF).
pub(super) fn char_of_three(x: u8, y: u8, z: u8) -> Option<char> {
    char::from_u32(code_point_of_three(x, y, z))
}

/// The code point of the three bytes `x y z` of valid UTF-8 (`x`: its lead
/// byte, E0–EF).
pub(super) const fn code_point_of_three(x: u8, y: u8, z: u8) -> u32 {
    ((x & 0x0F) as u32) << 12 | ((y & 0x3F) as u32) << 6 | (z & 0x3F) as u32
}

/// `char::is_alphanumeric`, with ASCII and the CJK Unified Ideographs block
/// (all alphabetic) answered without the Unicode table look-up.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphanumeric()
    }
}

/// The `items` of the groups whose size (`sizes[group]`) is `kept`, grouped
/// by group number and each group's in their order in `items`: what
/// filtering and a stable sort by group give, by counting (the sizes are
/// known), without comparisons.
pub(super) fn group_stably<T: Copy>(
    items: &[T],
    group: impl Fn(&T) -> u32,
    sizes: &[u32],
    kept: impl Fn(u32) -> bool,
) -> Vec<T> {
    // Where each kept group's items start in the output.
    let mut next: Vec<usize> = Vec::with_capacity(sizes.len());
    let mut total = 0usize;
    for &n in sizes {
        next.push(total);
        if kept(n) {
            total += n as usize;
        }
    }
    let Some(&fill) = items.first() else {
        return Vec::new();
    };
    let mut out = vec![fill; total];
    let wanted = |g: u32| sizes.get(g as usize).is_some_and(|&n| kept(n));
    for item in items.iter().filter(|x| wanted(group(x))) {
        if let Some(at) = next.get_mut(group(item) as usize) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = *item;
            }
            *at += 1;
        }
    }
    out
}

/// A hash map with [`FastHasher`]: the review's maps are keyed by short texts
/// from one table, where SipHash's flooding resistance buys nothing.
pub(super) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// The multiply–rotate hash of rustc's `FxHasher`, eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub(super) struct FastHasher(u64);

impl FastHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, b) in w.iter_mut().zip(rest) {
                *d = *b;
            }
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{
        find_any, for_each_sentence, has, has_in, long_term, long_term_in, mask_numbers_into,
        names_satisfaction, norm_unit, per_population_unit, push_sentence, trim, ByteSet, Keywords,
    };
    use proptest::prelude::*;

    /// The sentences by a plain walk over the characters.
    fn sentences_by_chars(text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut f = |off: usize, s: &str| out.push((off, s.to_string()));
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n' | '\r') {
                push_sentence(text, start, i, &mut f);
                start = i + c.len_utf8();
            }
        }
        push_sentence(text, start, text.len(), &mut f);
        out
    }

    /// [`trim`] as it was: the lead bytes that may begin whitespace, then
    /// the characters at the ends decoded and asked.
    fn trim_by_lead_bytes(s: &str) -> &str {
        fn may_be_space(lead: u8) -> bool {
            matches!(lead, 0x09..=0x0D | 0x20 | 0xC2 | 0xE1..=0xE3)
        }
        let b = s.as_bytes();
        let Some(&first) = b.first() else {
            return s;
        };
        let last = b.iter().rev().take(4).find(|&&x| x & 0xC0 != 0x80);
        let first_space = may_be_space(first) && s.chars().next().is_some_and(char::is_whitespace);
        let last_space = last.is_none_or(|&x| may_be_space(x))
            && s.chars().next_back().is_some_and(char::is_whitespace);
        if first_space || last_space {
            s.trim()
        } else {
            s
        }
    }

    /// Numbers masked by a plain walk over the characters.
    fn masked_by_chars(s: &str) -> String {
        let mut out = String::new();
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
        out
    }

    const WORDS: &[&str] = &["投入", "投入率", "入率", "资金", "金", "X", "XX"];
    static KW: Keywords = Keywords::new(WORDS);

    /// `names_satisfaction` as it was, by `str::find`.
    fn names_satisfaction_by_find(name: &str) -> bool {
        const SURVEY: [&str; 6] = ["测评", "调查", "调研", "问卷", "回访", "测试"];
        ["满意度", "满意率"].iter().any(|word| {
            name.find(word).is_some_and(|at| {
                let after = name.get(at + word.len()..).unwrap_or_default();
                let after = ["电话", "网络", "网上", "线上", "入户", "抽样", "第三方"]
                    .iter()
                    .find_map(|c| after.strip_prefix(c))
                    .unwrap_or(after);
                !SURVEY.iter().any(|w| after.starts_with(w))
            })
        })
    }

    proptest! {
        /// `names_satisfaction` by the short search is the one by `str::find`.
        #[test]
        fn names_satisfaction_as_before(name in "[满意度率测评调查电话网络群众a \u{b4}]{0,40}") {
            prop_assert_eq!(names_satisfaction(&name), names_satisfaction_by_find(&name));
        }

        /// The automaton answers exactly like the plain scan (leftmost, then list order).
        #[test]
        fn keywords_agree_with_scan(hay in "[投入率资金X年a1 ]{0,12}") {
            prop_assert_eq!(KW.find(&hay), find_any(&hay, WORDS));
        }

        /// The short-text scan answers like the plain scan, with and without
        /// the automaton (texts around the short-text bound).
        #[test]
        fn keyword_scan_agrees(hay in "[投入率资金X年a1 ]{0,60}") {
            prop_assert_eq!(KW.find(&hay), find_any(&hay, WORDS));
            if let Some((set, starts)) = super::first_chars(WORDS) {
                prop_assert_eq!(KW.scan(&hay, &set, &starts), find_any(&hay, WORDS));
            }
        }

        /// The byte scan masks exactly like the character walk.
        #[test]
        fn number_masking_by_bytes_agrees(text in "[0-9０９.．。a开展１ 〇]{0,16}") {
            let mut got = String::new();
            mask_numbers_into(&text, &mut got);
            prop_assert_eq!(got, masked_by_chars(&text));
        }

        /// The quick trim equals `str::trim`.
        #[test]
        fn quick_trim_is_trim(t in "[ \t\u{b}\u{85}\u{a0}\u{1680}\u{2000}\u{205f}\u{3000}·。」甲a1]{0,8}") {
            prop_assert_eq!(trim(&t), t.trim());
        }

        /// The byte test of the ends trims as the test by lead bytes and
        /// characters did, and as `str::trim` (every White_Space character,
        /// and characters sharing their lead bytes: · ≥ ‰ 。 」 \u{200b}).
        #[test]
        fn trim_by_end_bytes_agrees(t in "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2000}\u{2005}\u{200a}\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}·≥‰。」ᚁ甲a1]{0,6}") {
            prop_assert_eq!(trim(&t), trim_by_lead_bytes(&t));
            prop_assert_eq!(trim(&t), t.trim());
        }

        /// The quick one-sided trims equal `str`'s.
        #[test]
        fn quick_side_trims_are_trims(t in "[ \t\u{b}\u{85}\u{a0}\u{1680}\u{2000}\u{205f}\u{3000}·。」甲a1]{0,8}") {
            prop_assert_eq!(super::trim_start_quick(&t), t.trim_start());
            prop_assert_eq!(super::trim_end_quick(&t), t.trim_end());
        }

        /// The borrowing normalisation equals the grammar's.
        #[test]
        fn unit_normalisation_is_the_grammars(u in "[ 　\u{a0}\t％%／/ＡａｚＺkm人次百分比点个]{0,6}") {
            let want = crate::grammar::normalize_unit(&u);
            let want = if want == "百分点" { "%".to_string() } else { want };
            let want = per_population_unit(&want).unwrap_or(want);
            let got = norm_unit(&u);
            prop_assert_eq!(got.as_ref(), want.as_str());
        }

        /// The one-pass test equals its two searches.
        #[test]
        fn year_or_long_is_both_searches(hay in "[年长期斯a1 ]{0,30}") {
            prop_assert_eq!(super::has_year_or_long(&hay), has(&hay, "年") || has(&hay, "长期"));
        }

        /// The one-pass search for either needle is the two searches.
        #[test]
        fn either_is_both_searches(hay in "[人次数时进度年×a1 \u{b4}\u{ff}]{0,30}", a in "[时进度年a1\u{ff}]{0,2}", b in "[时进度人a1\u{b4}]{0,2}") {
            prop_assert_eq!(super::has_either(&hay, &a, &b), has(&hay, &a) || has(&hay, &b));
        }

        /// The memchr search agrees with `str::contains`.
        #[test]
        fn has_agrees_with_contains(hay in "[人次数满意度年长期×a1 \u{80}\u{b4}\u{ff}]{0,40}", needle in "[人次数满意度年长期×a1\u{b4}\u{ff}]{0,3}") {
            prop_assert_eq!(has(&hay, &needle), hay.contains(needle.as_str()));
        }

        /// The short search finds `str::find`'s position.
        #[test]
        fn find_short_is_find(hay in "[满意度率人次年×a1 \u{80}\u{b4}\u{ff}]{0,40}", needle in "[满意度率年×a1\u{b4}\u{ff}]{0,3}") {
            prop_assert_eq!(super::find_short(&hay, &needle), hay.find(needle.as_str()));
        }

        /// The vectorised search finds `match_indices`'s positions.
        #[test]
        fn char_positions_are_match_indices(hay in "[元万1a。/\u{83}\u{c3}\u{e5}]{0,40}", c in "[元万a\u{83}\u{c3}]") {
            let c = c.chars().next().unwrap_or('元');
            let want: Vec<usize> = hay.match_indices(c).map(|(at, _)| at).collect();
            prop_assert_eq!(super::char_positions(&hay, c).collect::<Vec<_>>(), want);
        }

        /// The byte-set test never turns a hit away: `has_in` is `has`, with
        /// the set of the text or of a text holding it (bytes sharing low six
        /// bits with the needles' make the test pass where the search fails).
        #[test]
        fn has_in_is_has(pre in "[满意度年长期时进a1\u{b4}\u{ff} ]{0,6}", hay in "[满意度年长期时进人次×a1\u{80}\u{b4}\u{ff} ]{0,30}", needle in "[满意度年长期时进a1\u{b4}\u{ff}]{0,3}") {
            prop_assert_eq!(has_in(&hay, ByteSet::of(&hay), &needle), has(&hay, &needle));
            let whole = format!("{pre}{hay}");
            prop_assert_eq!(has_in(&hay, ByteSet::of(&whole), &needle), has(&hay, &needle));
        }

        /// The keyword search behind the byte-set test is the search, on a
        /// text and on its rests (the set of the whole text).
        #[test]
        fn keywords_in_set_are_find(hay in "[投入率资金X年a1 \u{85}\u{91}]{0,40}", cut in 0usize..40) {
            let set = ByteSet::of(&hay);
            prop_assert_eq!(KW.find_in(&hay, set), KW.find(&hay));
            let rest = hay.char_indices().nth(cut).map_or("", |(at, _)| &hay[at..]);
            prop_assert_eq!(KW.find_in(rest, set), KW.find(rest));
        }

        /// The long-term wording behind the byte-set test is `long_term`.
        #[test]
        fn long_term_in_set_is_long_term(hay in "[到至近年内长期逐两三2025a \u{b4}\u{9f}]{0,16}") {
            prop_assert_eq!(long_term_in(&hay, ByteSet::of(&hay)), long_term(&hay));
        }

        /// The satisfaction test behind the byte-set test (`Facts::satisfaction`)
        /// is `names_satisfaction`.
        #[test]
        fn satisfaction_in_set_is_names_satisfaction(name in "[满意度率测评调查电话群众a \u{b4}]{0,10}") {
            prop_assert_eq!(
                ByteSet::of(&name).may_have("满意") && names_satisfaction(&name),
                names_satisfaction(&name)
            );
        }

        /// The byte scan splits exactly where the character walk does, also
        /// next to characters sharing the marks' lead bytes (〃 ｜ ＃ ．).
        #[test]
        fn sentence_split_by_bytes_agrees(text in "[。；;！？!?\n\r〃｜＃．、1a 开展服务]{0,24}") {
            let mut got = Vec::new();
            for_each_sentence(&text, |off, s| got.push((off, s.to_string())));
            prop_assert_eq!(got, sentences_by_chars(&text));
        }
    }

    /// The byte tests of whitespace answer `char::is_whitespace` for every
    /// character, alone and between others.
    #[test]
    fn space_bytes_are_white_space() {
        for c in '\0'..=char::MAX {
            let mut buf = [0u8; 4];
            let one = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(super::starts_with_space(one), c.is_whitespace(), "{c:?}");
            assert_eq!(super::ends_with_space(one), c.is_whitespace(), "{c:?}");
            let around = format!("\u{3001}{c}甲");
            assert!(!super::starts_with_space(around.as_bytes()));
            assert!(!super::ends_with_space(around.as_bytes()));
        }
    }

    #[test]
    fn alphanumeric_shortcut_agrees() {
        for c in ('\0'..='\u{2FFFF}').step_by(7) {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        for c in [
            '\u{4E00}', '\u{9FFF}', '一', '，', '（', 'A', '9', '_', '￥',
        ] {
            assert_eq!(super::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn long_term_wording() {
        assert_eq!(long_term("三年内完成"), Some("三年内"));
        assert_eq!(long_term("到2025年底"), Some("到2025年"));
        assert_eq!(long_term("3年内"), Some("3年内"));
        assert_eq!(long_term("12年内"), Some("12年内"));
        assert_eq!(long_term("逐年提高"), Some("逐年"));
        assert_eq!(long_term("近三年平均就业率"), Some("近三年"));
        assert_eq!(long_term("近3年平均就业率"), Some("近3年"));
        assert_eq!(long_term("1年内"), None);
        assert_eq!(long_term("到20251年"), None);
        assert_eq!(long_term("2024年12月"), None);
        assert_eq!(long_term("年内完成"), None);
        assert_eq!(long_term("99999999999年内"), None);
        // a per-year average is annual
        assert_eq!(long_term("单个站点年均补贴标准"), None);
        assert_eq!(long_term("年均≥2000元"), None);
        assert_eq!(long_term("近1年"), None);
    }
}
