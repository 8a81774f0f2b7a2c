//! Goal-text rules: `goal-duplicate` (near-duplicate goals, linear by hashing)
//! `goal-indicator-mismatch` (a counted output in the goal that no
//! indicator measures), `goal-indicator-number` (a count in the goal
//! that the one indicator measuring it gives another number for) and
//! `goal-count-unquantified` (a count in the goal whose one indicator states
//! no number).

use super::id;
use super::text::{
    bigrams_into, char_of_three, code_point_of_three, for_each_sentence_between, group_stably, has,
    mask_numbers_into, unit_of, FastHasher, FastMap, Keywords,
};
use super::{msg, project_loc, Arg, Sink, Template};
use crate::model::{Comparator, Field, Project, Span};
use rust_decimal::Decimal;

static GOAL_DUPLICATE: Template = Template {
    zh: "项目「{0}」与项目「{1}」的绩效目标有 {2} 句相同（数字除外）",
    en: "project \"{0}\" shares {2} goal sentence(s) with project \"{1}\" (numbers aside)",
};
static GOAL_NEAR: Template = Template {
    zh: "项目「{0}」的绩效目标与项目「{1}」的几乎相同（{2}% 的字词片段相同，数字除外）",
    en: "project \"{0}\": the goal is nearly the same as project \"{1}\"'s ({2} % of their character trigrams shared, numbers aside)",
};
static GOAL_CONTAINED: Template = Template {
    zh: "项目「{0}」的绩效目标包含项目「{1}」的全部目标，只在前后添加了文字（数字除外）",
    en: "project \"{0}\": the goal is project \"{1}\"'s whole goal with words added before or after it (numbers aside)",
};
static GOAL_NUMBER: Template = Template {
    zh: "项目「{0}」的目标写「{1}」，衡量它的指标{2}却是「{2.raw}」，两个数字明显不一致",
    en: "project \"{0}\": the goal says \"{1}\" but project {2}, which measures it, says \"{2.raw}\"; the numbers clearly differ",
};
static GOAL_UNQUANTIFIED: Template = Template {
    zh: "{1}：目标写明「{0}」，衡量它的这项指标却只写了「{1.raw}」，没有数值",
    en: "{1}: the goal states \"{0}\", but this indicator, which measures it, says only \"{1.raw}\", with no number",
};
static GOAL_MISMATCH: Template = Template {
    zh: "项目「{0}」的目标提到「{1}」，但没有指标衡量它",
    en: "project \"{0}\": the goal names \"{1}\" but no indicator measures it",
};

/// `goal-duplicate` over the whole table.
/// `skip[pi]`: project `pi` copies an earlier one (`project-duplicate` says
/// so; its goal is not compared again).
pub(super) fn check_duplicates(s: &mut Sink<'_>, skip: &[bool]) {
    if s.on(id!("goal-duplicate")) {
        duplicates(s, skip);
    }
}

/// `goal-indicator-mismatch`, project by project (beside the other
/// per-project rules), with buffers reused from one project to the next.
pub(super) struct Mismatches {
    on: bool,
    /// `goal-indicator-number`, which pairs the same goal counts.
    numbers: bool,
    /// `goal-count-unquantified`, which pairs them with words.
    unquantified: bool,
    scratch: Scratch,
}

impl Mismatches {
    pub(super) fn new(s: &Sink<'_>) -> Self {
        Mismatches {
            on: s.on(id!("goal-indicator-mismatch")),
            numbers: s.on(id!("goal-indicator-number")),
            unquantified: s.on(id!("goal-count-unquantified")),
            scratch: Scratch::default(),
        }
    }

    pub(super) fn project(&mut self, s: &mut Sink<'_>, pi: usize, p: &Project) {
        // (Most projects have no output in words to pair a count with.)
        let unquantified = self.unquantified && p.indicators.iter().any(in_words);
        let keep = self.numbers || unquantified;
        if self.on || keep {
            mismatch(s, pi, p, &mut self.scratch, self.on, keep);
        }
        if self.numbers && !self.scratch.counted.is_empty() {
            numbers(s, pi, p, &mut self.scratch);
        }
        if unquantified && !self.scratch.counted.is_empty() {
            counts_in_words(s, pi, p, &mut self.scratch);
        }
    }
}

/// Near-duplicate goals: every goal is split into sentences, Arabic numbers are
/// masked (`6个` and `12个` become `#个`), and each sentence of at least
/// `goal_duplicate_min_chars` characters goes into a hash map keyed by its
/// masked text. Only projects landing in the same bucket are compared, so the
/// work is linear in the total goal length (plus the size of the output).
fn duplicates(s: &mut Sink<'_>, skip: &[bool]) {
    let t = s.table;
    let min = s.profile.thresholds.goal_duplicate_min_chars as usize;
    let mut buckets = Buckets::default();
    // (bucket, project, byte offset and length of the sentence in its goal),
    // in project order.
    let mut members: Vec<(u32, u32, u32, u32)> = Vec::new();
    let all: Vec<&Project> = t.projects().collect();
    // Each goal is masked once, whole: its sentences' keys are cut from it
    // (a sentence starting inside a number is masked on its own), and the
    // whole goal goes into [`contained_goals`]' map.
    let mut masked = String::new();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut key = String::new();
    let mut whole: FastMap<u64, u32> = FastMap::default();
    // Each goal's sketch for the whole-goal comparison, taken while the goal
    // is in the cache: (project, sketch), in project order.
    let mut sketches: Vec<(u32, [u64; SLOTS])> = Vec::with_capacity(all.len());
    for (pi, p) in all.iter().enumerate() {
        let Some(goal) = p.goal.as_deref() else {
            continue;
        };
        if skip.get(pi).copied().unwrap_or(false) {
            continue;
        }
        // One walk over the goal's characters for the sketch, the numbers
        // and the sentence marks.
        let mut sketch = Sketch::new();
        runs.clear();
        marks.clear();
        let n = scan_goal(
            goal,
            |h| sketch.take(h),
            |a, b| runs.push((a, b)),
            |at, len| marks.push((at, len)),
        );
        if let Some(sk) = sketch.finish(n, min) {
            sketches.push((pi as u32, sk));
        }
        mask_runs_into(goal, &runs, &mut masked);
        let trimmed = trim_goal(&masked);
        if long_enough(trimmed, min) {
            whole.entry(fingerprint(trimmed)).or_insert(pi as u32);
        }
        let mut at = MaskedAt::new(&runs);
        for_each_sentence_between(goal, &marks, min, |off, sentence| {
            // A character takes one to four bytes: only mid-length texts need counting.
            if sentence.len() < min || (sentence.len() < 4 * min && sentence.chars().count() < min)
            {
                return;
            }
            let end = off + sentence.len();
            let cut = at
                .at(off)
                .zip(at.at(end))
                .and_then(|(a, b)| masked.get(a..b));
            let bucket = match cut {
                Some(k) => buckets.number(k),
                None => {
                    mask_numbers_into(sentence, &mut key);
                    buckets.number(&key)
                }
            };
            members.push((bucket, pi as u32, off as u32, sentence.len() as u32));
        });
    }
    // Only buckets met more than once can pair projects; each bucket's
    // members stay in project order, and a project counts once per bucket
    // (its first such sentence).
    let mut members = group_stably(&members, |m| m.0, &buckets.sizes, |n| n > 1);
    members.dedup_by_key(|m| (m.0, m.1));
    // (earlier project, later project, offset, length of the later one's shared sentence),
    // sorted: one run per pair, its sentences in text order. Packed in one
    // number each (four u32s, the first the most significant): sorted as the
    // tuples, by one comparison.
    let mut pairs: Vec<u128> = Vec::new();
    for bucket in members.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(_, first, _, _)) = bucket.first() else {
            continue;
        };
        for &(_, pi, off, len) in bucket.iter().skip(1) {
            pairs.push(pack([first, pi, off, len]));
        }
    }
    drop(members);
    pairs.sort_unstable();
    // Later projects already reported for a shared sentence.
    let mut said = vec![false; all.len()];
    for run in pairs.chunk_by(|x, y| x >> 64 == y >> 64) {
        let Some(&[a, b, off, len]) = run.first().map(|&x| unpack(x)).as_ref() else {
            continue;
        };
        let (a, b, off, len) = (a as usize, b as usize, off as usize, len as usize);
        if let Some(x) = said.get_mut(b) {
            *x = true;
        }
        let Some(&pb) = all.get(b) else {
            continue;
        };
        let mut loc = project_loc(t, b, pb, Field::Goal);
        loc.span = Some(Span::new(off as u32, (off + len) as u32));
        let n = run.len();
        s.emit(id!("goal-duplicate"), || {
            (
                loc,
                msg!(
                    GOAL_DUPLICATE,
                    Arg::project(b),
                    Arg::project(a),
                    Arg::Int(n as i64)
                ),
            )
        });
    }
    drop(pairs);
    contained_goals(s, &all, skip, &whole, &mut said);
    near_duplicates(s, &all, &sketches, &said);
}

/// Four u32s in one number, the first the most significant.
fn pack(x: [u32; 4]) -> u128 {
    x.iter().fold(0, |acc, &v| (acc << 32) | u128::from(v))
}

/// [`pack`] undone.
fn unpack(x: u128) -> [u32; 4] {
    [
        (x >> 96) as u32,
        (x >> 64) as u32,
        (x >> 32) as u32,
        x as u32,
    ]
}

/// Where a byte offset of a goal falls in the goal masked by
/// [`mask_numbers_noting`](super::text::mask_numbers_noting), given the number runs it noted; offsets asked in
/// increasing order. `None` inside a run (where the masked text has no
/// counterpart).
struct MaskedAt<'r> {
    runs: &'r [(usize, usize)],
    /// Runs wholly before the offsets asked so far, and the bytes they lost.
    passed: usize,
    lost: usize,
}

impl<'r> MaskedAt<'r> {
    fn new(runs: &'r [(usize, usize)]) -> Self {
        MaskedAt {
            runs,
            passed: 0,
            lost: 0,
        }
    }

    fn at(&mut self, x: usize) -> Option<usize> {
        while let Some(&(start, end)) = self.runs.get(self.passed) {
            if end > x {
                if start < x {
                    return None;
                }
                break;
            }
            // A run of `end - start` bytes became one `#`.
            self.lost += end.saturating_sub(start + 1);
            self.passed += 1;
        }
        x.checked_sub(self.lost)
    }
}

/// Whether a text has at least `min` characters (a character takes one to
/// four bytes: only mid-length texts need counting).
fn long_enough(t: &str, min: usize) -> bool {
    t.len() >= min && (t.len() >= 4 * min || t.chars().count() >= min)
}

/// Punctuation a goal's clauses end with: where a phrase is added to a
/// copied goal (`…保障师生安全，确保项目顺利实施。`).
const CLAUSE_ENDS: [char; 6] = ['，', '；', '。', ',', ';', '、'];

/// A masked goal without the punctuation and spaces around it.
fn trim_goal(masked: &str) -> &str {
    masked.trim_matches(|c: char| c.is_whitespace() || CLAUSE_ENDS.contains(&c))
}

fn fingerprint(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<FastHasher>::default().hash_one(text)
}

/// Goals that hold another project's whole goal with a phrase added before
/// or after it at a clause boundary (ur59 132: a goal copied with
/// `，确保项目顺利实施` appended, whose trigram similarity falls just under
/// the threshold). Linear in the goals' total length: every whole goal
/// (masked, at least `goal_duplicate_min_chars` characters) is in `whole`
/// by fingerprint (the first project with it), and each goal's prefixes cut
/// at its last four clause ends and suffixes cut at its first four are
/// looked up in it; a hit is confirmed on the texts. Reported once per goal
/// holding another, at it; `said` marks it for [`near_duplicates`].
fn contained_goals(
    s: &mut Sink<'_>,
    all: &[&Project],
    skip: &[bool],
    whole: &FastMap<u64, u32>,
    said: &mut [bool],
) {
    let min = s.profile.thresholds.goal_duplicate_min_chars as usize;
    let skipped = |pi: usize| skip.get(pi).copied().unwrap_or(false);
    if whole.is_empty() {
        return;
    }
    let mut key = String::new();
    let mut other = String::new();
    for (pi, p) in all.iter().enumerate() {
        if said.get(pi).copied().unwrap_or(true) || skipped(pi) {
            continue;
        }
        let Some(goal) = p.goal.as_deref() else {
            continue;
        };
        mask_numbers_into(goal, &mut key);
        let t = trim_goal(&key);
        // (A goal of fewer than twice the minimum in bytes cannot hold one
        // of the minimum and a clause end besides.)
        if t.len() < 2 * min {
            continue;
        }
        // An added phrase is a clause or a few: the goal before one of the
        // last CUTS clause ends, or after one of the first CUTS, is looked
        // up (linear even in a goal of a hundred clauses).
        const CUTS: usize = 4;
        let ends = || {
            t.char_indices()
                .filter(|(_, c)| CLAUSE_ENDS.contains(c))
                .map(|(at, c)| (at, at + c.len_utf8()))
        };
        let n_ends = ends().count();
        let prefixes = ends()
            .skip(n_ends.saturating_sub(CUTS))
            .map(|(at, _)| trim_goal(&t[..at]));
        let suffixes = ends().take(CUTS).map(|(_, next)| trim_goal(&t[next..]));
        let found = prefixes
            .chain(suffixes)
            .filter(|part| long_enough(part, min))
            .find_map(|part| {
                let a = *whole.get(&fingerprint(part))? as usize;
                // Confirmed on the text: a fingerprint may be shared.
                let there = all.get(a)?.goal.as_deref()?;
                mask_numbers_into(there, &mut other);
                (a != pi && trim_goal(&other) == part).then_some(a)
            });
        let Some(a) = found else {
            continue;
        };
        if let Some(x) = said.get_mut(pi) {
            *x = true;
        }
        let loc = project_loc(s.table, pi, p, Field::Goal);
        s.emit(id!("goal-duplicate"), || {
            (loc, msg!(GOAL_CONTAINED, Arg::project(pi), Arg::project(a)))
        });
    }
}

/// Slots of a goal's sketch, and slots per band (see [`near_duplicates`]).
const SLOTS: usize = 16;
const ROWS: usize = 4;
const BANDS: usize = SLOTS / ROWS;

/// Whole goals nearly the same (one template, a place name or phrase
/// changed), by MinHash with locality-sensitive hashing: linear, each goal
/// sketched once and met in one hash map per band with the first goal that
/// had the same band (docs/rules.md, "How near-duplicate goals are found").
/// `sketches`: (project, its goal's [`Sketch`]) in project order; `said[pi]`:
/// the later project is already reported for a shared sentence.
fn near_duplicates(
    s: &mut Sink<'_>,
    all: &[&Project],
    sketches: &[(u32, [u64; SLOTS])],
    said: &[bool],
) {
    use rust_decimal::prelude::ToPrimitive;
    let th = &s.profile.thresholds;
    let similarity = th.goal_duplicate_similarity.to_f64().unwrap_or(1.0);
    // Sketches agreeing in this many slots are compared exactly: the
    // estimate's error (a few slots of 16) must not decide.
    let need = ((similarity * SLOTS as f64).ceil() as usize)
        .saturating_sub(3)
        .clamp(1, SLOTS);
    let mut bands: [FastMap<u64, u32>; BANDS] = Default::default();
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    for (here, (pi, sketch)) in sketches.iter().enumerate() {
        let (here, pi) = (here as u32, *pi as usize);
        let Some(p) = all.get(pi) else {
            continue;
        };
        // Earlier goals meeting this one in a band, agreeing enough.
        let mut met: [Option<u32>; BANDS] = [None; BANDS];
        for (b, band) in bands.iter_mut().enumerate() {
            let rows = sketch.get(b * ROWS..(b + 1) * ROWS).unwrap_or_default();
            match band.entry(band_print(rows, b)) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    let there = *e.get();
                    let agree = sketches.get(there as usize).map_or(0, |(_, other)| {
                        other.iter().zip(sketch).filter(|(x, y)| x == y).count()
                    });
                    if agree >= need {
                        met[b] = Some(there);
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(here);
                }
            }
        }
        if said.get(pi).copied().unwrap_or(false) || met.iter().all(Option::is_none) {
            continue;
        }
        // The exact similarity (Jaccard of the trigram sets) with each.
        trigram_set(p.goal.as_deref().unwrap_or_default(), &mut mine);
        let mut best: Option<(f64, u32)> = None;
        for (k, there) in met
            .iter()
            .enumerate()
            .filter_map(|(k, t)| t.map(|t| (k, t)))
        {
            if met[..k].contains(&Some(there)) {
                continue;
            }
            let Some(q) = sketches
                .get(there as usize)
                .and_then(|(a, _)| all.get(*a as usize))
            else {
                continue;
            };
            trigram_set(q.goal.as_deref().unwrap_or_default(), &mut theirs);
            let j = jaccard(&mine, &theirs);
            if j >= similarity && best.is_none_or(|(b, _)| j > b) {
                best = Some((j, there));
            }
        }
        let Some((j, there)) = best else {
            continue;
        };
        let Some(&(a, _)) = sketches.get(there as usize) else {
            continue;
        };
        let loc = project_loc(s.table, pi, p, Field::Goal);
        let percent = (j * 100.0).floor() as i64;
        s.emit(id!("goal-duplicate"), || {
            (
                loc,
                msg!(
                    GOAL_NEAR,
                    Arg::project(pi),
                    Arg::project(a as usize),
                    Arg::Int(percent)
                ),
            )
        });
    }
}

/// The hashes of a goal's character trigrams (see [`Sketch`]): each
/// trigram's 64-bit hash, in the order met.
fn for_each_trigram(goal: &str, f: impl FnMut(u64)) -> usize {
    scan_goal(goal, f, |_, _| {}, |_, _| {})
}

/// One walk over a goal's characters, for everything the duplicate rule
/// reads in it: the hash of each character trigram (see [`Sketch`]), in the
/// order met, to `trigram`; the byte range of each number (a digit, then
/// digits and points: the runs [`mask_numbers_noting`](super::text::mask_numbers_noting) masks) to `number`;
/// the byte offset and length of each sentence mark ([`for_each_sentence`](super::text::for_each_sentence)'s
/// `。；！？;!?` and line breaks) to `mark`. Returns the characters counted.
/// (Three walks over every goal, for the sketch, the masking and the
/// sentences, cost twice this one.)
fn scan_goal(
    goal: &str,
    mut trigram: impl FnMut(u64),
    mut number: impl FnMut(usize, usize),
    mut mark: impl FnMut(usize, usize),
) -> usize {
    // The last two characters, the earlier in the low 21 bits (a code point
    // takes at most 21), and the characters counted.
    let mut last = 0u64;
    let mut n = 0usize;
    let mut take = |c: u32| {
        let three = last | (u64::from(c) << 42);
        n += 1;
        if n >= 3 {
            // One multiply: its high bits (the slot) are well mixed, and the
            // shift folds them into the low ones that compete.
            let h = three.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            trigram(h ^ (h >> 29));
        }
        last = three >> 21;
    };
    // Where the number being read started, if one is.
    let mut number_from: Option<usize> = None;
    let mut rest = goal.as_bytes();
    // The code points decoded by hand: `chars()` and the general tests cost
    // twice as much in this loop, which every goal goes through.
    loop {
        // A run of CJK ideographs (most of a goal; U+4E00–U+9FFF are led by
        // E4–E9), taken with none of the tests below: outside a number, an
        // ideograph is no mark and always counts.
        if number_from.is_none() {
            while let [x @ 0xE4..=0xE9, y, z, tail @ ..] = rest {
                let c = code_point_of_three(*x, *y, *z);
                if c < 0x4E00 {
                    break;
                }
                rest = tail;
                take(c);
            }
        }
        let Some((c, tail)) = code_point(rest) else {
            break;
        };
        let at = goal.len() - rest.len();
        rest = tail;
        let c = if (0x4E00..=0x9FFF).contains(&c) {
            if let Some(from) = number_from.take() {
                number(from, at);
            }
            c
        } else if matches!(c, 0x30..=0x39 | 0xFF10..=0xFF19) {
            // A number counts once, as `#`.
            if number_from.is_some() {
                continue;
            }
            number_from = Some(at);
            u32::from(b'#')
        } else if number_from.is_some() && c == u32::from(b'.') {
            continue;
        } else {
            if let Some(from) = number_from.take() {
                number(from, at);
            }
            if let Some(len) = sentence_mark_len(c) {
                mark(at, len);
            }
            if !counts_in_sketch(c) {
                continue;
            }
            c
        };
        take(c);
    }
    if let Some(from) = number_from {
        number(from, goal.len());
    }
    n
}

/// The length in bytes of code point `c` if it ends a sentence for
/// [`for_each_sentence`](super::text::for_each_sentence) (`。；！？`, `;!?` and line breaks).
fn sentence_mark_len(c: u32) -> Option<usize> {
    match c {
        0x3B | 0x21 | 0x3F | 0x0A | 0x0D => Some(1),
        // 。 ； ！ ？
        0x3002 | 0xFF1B | 0xFF01 | 0xFF1F => Some(3),
        _ => None,
    }
}

/// The first code point of valid UTF-8 and the bytes after it.
fn code_point(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let low = |y: &u8| u32::from(y & 0x3F);
    Some(match bytes {
        [x @ 0xE0..=0xEF, y, z, tail @ ..] => (code_point_of_three(*x, *y, *z), tail),
        [x @ 0x00..=0x7F, tail @ ..] => (u32::from(*x), tail),
        [x @ 0xC0..=0xDF, y, tail @ ..] => ((u32::from(x & 0x1F) << 6) | low(y), tail),
        [x, y, z, w, tail @ ..] => (
            (u32::from(x & 0x07) << 18) | (low(y) << 12) | (low(z) << 6) | low(w),
            tail,
        ),
        _ => return None,
    })
}

/// A goal's trigram hashes, sorted and each once, into `out`.
fn trigram_set(goal: &str, out: &mut Vec<u64>) {
    out.clear();
    for_each_trigram(goal, |h| out.push(h));
    out.sort_unstable();
    out.dedup();
}

/// |a ∩ b| / |a ∪ b| of two sorted sets (0 for two empty ones).
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// The MinHash sketch of a goal, built trigram by trigram: the character
/// trigrams of its letters and `%`, each number (digits and points, `6`,
/// `38.5`, `１２`) one `#` as in the sentence buckets, punctuation and spaces
/// left out ([`scan_goal`]); each trigram hashed once, the hash's top bits
/// picking one of [`SLOTS`] slots and the rest competing for the slot's
/// minimum (one-permutation hashing).
struct Sketch([u64; SLOTS]);

impl Sketch {
    fn new() -> Self {
        Sketch([u64::MAX; SLOTS])
    }

    /// One trigram's hash.
    fn take(&mut self, h: u64) {
        let slot = (h >> 60) as usize;
        let rest = h & ((1 << 60) - 1);
        if let Some(m) = self.0.get_mut(slot) {
            *m = (*m).min(rest);
        }
    }

    /// The sketch of a goal of `n` counted characters. An empty slot takes
    /// the next filled one's minimum, shifted by the distance (so that two
    /// short goals do not agree on slots neither filled). `None` for a goal
    /// of fewer than `min` such characters.
    fn finish(self, n: usize, min: usize) -> Option<[u64; SLOTS]> {
        let slots = self.0;
        if n < min.max(3) {
            return None;
        }
        let filled = slots.iter().position(|&m| m != u64::MAX)?;
        let mut out = slots;
        for (i, slot) in out.iter_mut().enumerate() {
            if *slot == u64::MAX {
                let (d, m) = (1..=SLOTS)
                    .map(|d| (d, slots[(i + d) % SLOTS]))
                    .find(|(_, m)| *m != u64::MAX)
                    .unwrap_or((SLOTS, slots[filled]));
                *slot = m.wrapping_add(0x9E37_79B9_7F4A_7C15u64.wrapping_mul(d as u64));
            }
        }
        Some(out)
    }
}

/// `s` with each number of `runs` (byte ranges, in order, as
/// [`mask_numbers_noting`](super::text::mask_numbers_noting) notes them) masked as `#`, into `out` (cleared
/// first): what [`mask_numbers_noting`](super::text::mask_numbers_noting) writes, from the runs a
/// [`scan_goal`] found.
fn mask_runs_into(s: &str, runs: &[(usize, usize)], out: &mut String) {
    out.clear();
    let mut copied = 0;
    for &(from, to) in runs {
        out.push_str(s.get(copied..from).unwrap_or_default());
        out.push('#');
        copied = to;
    }
    out.push_str(s.get(copied..).unwrap_or_default());
}

/// Whether code point `c` (not a digit) is part of a goal's wording for
/// [`Sketch`]: letters (CJK by range first: most of a goal) and `%`; not
/// punctuation or spaces.
fn counts_in_sketch(c: u32) -> bool {
    match c {
        0x4E00..=0x9FFF => true,
        // % ％
        0x25 | 0xFF05 => true,
        0x00..=0x7F => u8::try_from(c).is_ok_and(|c| c.is_ascii_alphabetic()),
        // General punctuation, CJK symbols and punctuation, full-width forms
        // (，：；（）“”…—): looked up by range, not in Unicode's tables.
        0x2000..=0x206F | 0x3000..=0x303F => false,
        0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => false,
        c => char::from_u32(c).is_some_and(char::is_alphanumeric),
    }
}

/// SplitMix64's finaliser: a well-spread 64-bit hash of a trigram's code points.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The key of band `b` of a sketch.
fn band_print(rows: &[u64], b: usize) -> u64 {
    rows.iter()
        .fold(mix(b as u64 + 1), |h, &r| mix(h ^ r).rotate_left(17))
}

/// Masked sentences numbered by first sight. The texts live in one buffer
/// and the map holds 64-bit fingerprints, so a new sentence costs no
/// allocation of its own; a fingerprint shared by two different texts (not
/// expected, but possible) sends the later text to an exact map.
#[derive(Default)]
struct Buckets {
    /// Fingerprint → the bucket first given it.
    by_print: FastMap<u64, u32>,
    /// Texts whose fingerprint was taken by another text.
    collided: FastMap<String, u32>,
    /// All bucket texts, one after another; `ends[b]` ends bucket `b`'s.
    texts: String,
    ends: Vec<usize>,
    /// Sentences met per bucket.
    sizes: Vec<u32>,
}

impl Buckets {
    fn number(&mut self, key: &str) -> u32 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let print = BuildHasherDefault::<FastHasher>::default().hash_one(key);
        self.number_printed(key, print)
    }

    /// [`Buckets::number`] with the fingerprint given (tests force collisions).
    fn number_printed(&mut self, key: &str, print: u64) -> u32 {
        let next = self.ends.len() as u32;
        let found = match self.by_print.get(&print) {
            None => {
                self.by_print.insert(print, next);
                None
            }
            Some(&b) if self.text(b) == Some(key) => Some(b),
            Some(_) => match self.collided.get(key) {
                Some(&b) => Some(b),
                None => {
                    self.collided.insert(key.to_string(), next);
                    None
                }
            },
        };
        let bucket = found.unwrap_or_else(|| {
            self.texts.push_str(key);
            self.ends.push(self.texts.len());
            self.sizes.push(0);
            next
        });
        if let Some(n) = self.sizes.get_mut(bucket as usize) {
            *n += 1;
        }
        bucket
    }

    fn text(&self, bucket: u32) -> Option<&str> {
        let b = bucket as usize;
        let end = *self.ends.get(b)?;
        let start = match b.checked_sub(1) {
            Some(prev) => *self.ends.get(prev)?,
            None => 0,
        };
        self.texts.get(start..end)
    }
}

const CLASSIFIERS: [char; 25] = [
    '个', '家', '所', '座', '场', '次', '人', '名', '篇', '期', '批', '户', '项', '台', '套', '件',
    '辆', '株', '处', '条', '部', '份', '册', '本', '盏',
];
/// Words 部 begins after a number that make it no classifier (`3部门`,
/// `2部分`).
const BU_WORDS: [char; 8] = ['门', '分', '署', '位', '件', '长', '队', '委'];
const STOP: [char; 16] = [
    '，', '。', '；', '、', '：', ',', ';', ':', ' ', '（', '(', '）', ')', '\n', '！', '？',
];
/// Units of measure a goal gives a quantity in (`渠道12.5公里`, `造林1200亩`),
/// the longer before the shorter they begin.
const MEASURES: [&str; 8] = [
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "公顷",
    "亩",
    "吨",
];
/// Words after a count that say "or more", "about", "at most" (`60场以上`,
/// `40场左右`, `3000个及以上`): not the noun counted.
const SUFFIXES: [&str; 8] = ["及以上", "以上", "以下", "以内", "之内", "左右", "余", "多"];
/// Words before a goal's count that make it no total the project's
/// indicator would restate: a standard per unit (`每站`, `人均`), a part
/// (`其中`), a sum over years (`累计`).
const NOT_A_TOTAL: [&str; 4] = ["每", "均", "其中", "累计"];

/// Whether words before a count make it a figure per unit (`每期50人`,
/// `村均2个`, `120个社区各配备2名`), no total: 每, 均, or 各 before a verb
/// (not 各类, 各项, 各级 …, which name all of them).
fn per_unit(before: &str) -> bool {
    const ALL_OF: [char; 12] = [
        '类', '种', '项', '级', '地', '部', '乡', '村', '单', '行', '界', '方',
    ];
    // One walk over the characters, each with the one after it.
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let hit = match c {
            // (每年 is the year's: `每年培训500人次` is a total.)
            '每' => next != Some('年'),
            '均' => true,
            '各' => next.is_some_and(|n| !ALL_OF.contains(&n)),
            _ => false,
        };
        if hit {
            return true;
        }
    }
    false
}
/// Words before a count that state what there already is (`全区现有持证残疾人
/// 6000人，`): no output, when the count ends its clause and the clause is
/// no object of the project's work (`对现有村道实施硬化改造12.5公里`, `为全区现有的
/// 1200户低保家庭发放…`).
const ALREADY_THERE: [&str; 2] = ["现有", "共有"];
/// Characters a noun taken from before a count may hold at most.
const NOUN_MAX: usize = 16;

/// One counted quantity of a goal, as [`mismatch`] found it (byte offsets
/// into the goal).
struct Counted {
    /// The number.
    number: (usize, usize),
    /// The factor of a magnitude between the number and the unit (`14万人`: 10 000).
    magnitude: i64,
    /// The unit after it (`个`, `人次`, `户次`).
    unit: (usize, usize),
    /// The noun it counts after the unit; `None` when nothing but a suffix
    /// or punctuation follows, and the words before the number are the noun
    /// (`提供就业岗位3000个以上`, [`clause_before`]).
    noun: Option<(usize, usize)>,
    /// Where the words before the number begin ([`clause_before`], found
    /// once: [`numbers`] asks it of each count several times).
    clause: usize,
}

/// Where the words before a goal's number at byte `start` begin: back to
/// the previous stop character, at most 16 characters; and whether they
/// hold 每, 均 or 各 (without one, [`per_unit`] of them is false). One walk
/// back over the bytes for both.
/// A list's item number opening the clause (`4.`, `4、`, `4）`) is not
/// among its words.
fn clause_before(goal: &str, start: usize) -> (usize, bool) {
    if goal.get(..start).is_none() {
        return (start, false);
    }
    let b = goal.as_bytes();
    let (mut from, mut taken, mut per_unit_word) = (start, 0, false);
    while taken < NOUN_MAX && from > 0 {
        let back = char_before(b, from);
        if back.stop {
            break;
        }
        per_unit_word |= back.per_unit_word;
        from = back.lead;
        taken += 1;
    }
    (after_item_number(goal, from, start), per_unit_word)
}

/// The character ending at byte `at` (> 0) of a text, as [`clause_before`]
/// needs it.
struct Back {
    /// Where it begins.
    lead: usize,
    /// It is a stop character ([`is_stop`]).
    stop: bool,
    /// It is 每, 均 or 各.
    per_unit_word: bool,
}

/// [`Back`] of the character ending at byte `at` (> 0) of `b`, valid
/// UTF-8. A goal is mostly of three-byte characters (CJK and full-width
/// punctuation): a lead byte three bytes back settles one of those at once
/// (in valid UTF-8, nothing else can stand there), and is decoded only
/// when it could begin a stop (E3 and EF, U+3000–U+303F and U+FF00–U+FFEF).
fn char_before(b: &[u8], at: usize) -> Back {
    let three = at.checked_sub(3).and_then(|l| Some((l, b.get(l..at)?)));
    if let Some((lead, &[x, y, z])) = three {
        if x & 0xF0 == 0xE0 {
            let stop = matches!(x, 0xE3 | 0xEF) && char_of_three(x, y, z).is_some_and(is_stop);
            let per_unit_word = matches!(
                [x, y, z],
                [0xE6, 0xAF, 0x8F] | [0xE5, 0x9D, 0x87] | [0xE5, 0x90, 0x84]
            );
            return Back {
                lead,
                stop,
                per_unit_word,
            };
        }
    }
    // ASCII, or a character of two or four bytes: back to its lead byte.
    let mut lead = at.saturating_sub(1);
    while lead > 0 && b.get(lead).is_some_and(|x| x & 0xC0 == 0x80) {
        lead -= 1;
    }
    let stop = matches!(b.get(lead), Some(&x) if x < 0x80 && is_stop(char::from(x)));
    Back {
        lead,
        stop,
        per_unit_word: false,
    }
}

/// The bytes of the words at the start of `text`: up to the first stop
/// character ([`is_stop`]), at most [`NOUN_MAX`] characters. Walked by lead
/// bytes: a character is decoded only when its lead byte could begin a stop
/// (ASCII, or E3 and EF for U+3000–U+303F and U+FF00–U+FFEF).
fn words_len(text: &str) -> usize {
    let b = text.as_bytes();
    let mut at = 0;
    for _ in 0..NOUN_MAX {
        let Some(&x) = b.get(at) else {
            break;
        };
        let (stop, len) = match x {
            0..=0x7F => (is_stop(char::from(x)), 1),
            0xE3 | 0xEF => match b.get(at + 1..at + 3) {
                Some(&[y, z]) => (char_of_three(x, y, z).is_some_and(is_stop), 3),
                _ => break,
            },
            0xE0..=0xEF => (false, 3),
            0xF0..=0xFF => (false, 4),
            _ => (false, 2),
        };
        if stop {
            break;
        }
        at += len;
    }
    at.min(b.len())
}

/// `from`, or past a list's item number opening the words from `from` to
/// `start` (`4.`, `4、`, `4）`).
fn after_item_number(goal: &str, from: usize, start: usize) -> usize {
    let clause = goal.get(from..start).unwrap_or_default();
    let digits = clause.bytes().take_while(u8::is_ascii_digit).count();
    let item = clause
        .get(digits..)
        .and_then(|r| r.chars().next())
        .filter(|c| digits > 0 && matches!(c, '.' | '、' | '）' | ')' | '．'));
    match item {
        Some(c) if from + digits + c.len_utf8() <= start => from + digits + c.len_utf8(),
        _ => from,
    }
}

/// Whether an indicator's unit is `unit` (a classifier such as `个`,
/// `人次`): the unit as written compared first; normalised ([`unit_of`])
/// only when normalising could change it (spaces, full-width forms).
fn in_unit(i: &crate::model::Indicator, unit: &str) -> bool {
    let raw = i
        .target
        .quantity()
        .and_then(|q| q.unit.as_deref())
        .or(i.unit_column());
    match raw {
        Some(r) if r == unit => true,
        Some(r)
            if r.bytes()
                .any(|b| b <= 0x20 || matches!(b, 0xC2 | 0xE1..=0xE3 | 0xEF)) =>
        {
            unit_of(i).is_some_and(|u| u == unit)
        }
        _ => false,
    }
}

/// Whether an indicator counts in the goal's classifier `unit` for
/// `goal-indicator-mismatch`: [`in_unit`], or 名 and 人, which are one
/// counter of people (`为502名…老年人` against `服务对象人数 ≥502人`).
fn counts_alike(i: &crate::model::Indicator, unit: &str) -> bool {
    in_unit(i, unit)
        || match unit {
            "名" => in_unit(i, "人"),
            "人" => in_unit(i, "名"),
            _ => false,
        }
}

/// Whether the noun after a count is added to it, not counted by it
/// (`45台及配套采集存储设备`, `3套和附属设施`): the count's thing is named
/// before the number (`购置执法记录仪`).
fn noun_added(noun: &str) -> bool {
    ["及", "和", "并", "以及", "与"]
        .iter()
        .any(|w| noun.starts_with(w))
}

/// Whether `name` shares one of the bigrams `grams` (`own`: a buffer for
/// the name's).
fn shares_name(grams: &[[char; 2]], name: &str, own: &mut Vec<[char; 2]>) -> bool {
    own.clear();
    bigrams_into(name, own);
    grams.iter().any(|g| own.contains(g))
}

/// Buffers of [`mismatch`], reused from project to project.
#[derive(Default)]
struct Scratch {
    /// Bigrams of the current noun.
    grams: Vec<[char; 2]>,
    /// Bigrams of the current project's indicator names (sorted when many).
    names: Vec<[char; 2]>,
    /// The goal's counted quantities measured by some indicator name.
    counted: Vec<Counted>,
    /// Bigrams of one indicator's name.
    own: Vec<[char; 2]>,
    /// The bits of `names` ([`bigram_bit`]).
    bloom: [u64; 4],
}

/// The bigrams of an indicator name appended to `names`, unless the name
/// holds 满意. The name is read once: 满意 in it leaves the bigram 满意 (two
/// ideographs, side by side), so the text is searched only for a name with
/// that bigram (`满 意` has it too), and its bigrams are then taken back.
fn name_bigrams_unless_satisfied(name: &str, names: &mut Vec<[char; 2]>) {
    let at = names.len();
    bigrams_into(name, names);
    let satisfied = names
        .get(at..)
        .is_some_and(|own| own.contains(&['满', '意']))
        && has(name, "满意");
    if satisfied {
        names.truncate(at);
    }
}

/// A bigram's bit among 256 in [`Scratch::bloom`].
fn bigram_bit([a, b]: &[char; 2]) -> usize {
    ((*a as usize).wrapping_mul(31) ^ (*b as usize)) & 255
}

/// [`STOP`]`.contains(&c)`, without comparing a CJK ideograph with each.
fn is_stop(c: char) -> bool {
    match c as u32 {
        0..=0x7F | 0x3000..=0x303F | 0xFF00..=0xFFEF => STOP.contains(&c),
        _ => false,
    }
}

/// The first ASCII digit of `bytes` at or after `from`: eight bytes at a
/// time (a goal is mostly CJK text), then byte by byte.
fn next_ascii_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut k = from;
    while let Some(chunk) = bytes.get(k..k + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // A byte b is a digit when b ^ 0x30 < 10; "some byte under 10" is
        // exact for the word as a whole.
        let y = u64::from_le_bytes(word) ^ (ONES * 0x30);
        if y.wrapping_sub(ONES * 10) & !y & HIGHS != 0 {
            break;
        }
        k += 8;
    }
    bytes
        .get(k..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|o| k + o)
}

fn part(goal: &str, (a, b): (usize, usize)) -> &str {
    goal.get(a..b).unwrap_or_default()
}

/// `goal-indicator-mismatch`: `<Arabic number><classifier><noun>` in the goal
/// whose noun shares no 2-character run with any indicator name. The noun is
/// the text after the classifier (and a suffix such as 以上, 左右, 余); when
/// nothing follows but punctuation, the text before the number
/// (`开展禁毒宣传活动40场以上`). `N个百分点` is a change in a rate: the
/// rate named before the number is the noun. The quantities an indicator
/// name does measure are kept for `goal-indicator-number`.
/// `report`: `goal-indicator-mismatch` is on; `keep`: `goal-indicator-number`
/// is, and wants the counts.
fn mismatch(
    s: &mut Sink<'_>,
    pi: usize,
    p: &Project,
    scratch: &mut Scratch,
    report: bool,
    keep: bool,
) {
    let Some(goal) = p.goal.as_deref() else {
        return;
    };
    if p.indicators.is_empty() {
        return;
    }
    scratch.counted.clear();
    let bytes = goal.as_bytes();
    let mut names_ready = false;
    // The span of the last finding.
    let mut reported: Option<(usize, usize)> = None;
    // Byte positions: ASCII digits never occur inside a multi-byte character.
    let mut k = 0usize;
    while k < bytes.len() {
        let Some(start) = next_ascii_digit(bytes, k) else {
            break;
        };
        // A number run.
        let j = start
            + bytes
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b'.')
                .count();
        let prev = goal.get(..start).and_then(|h| h.chars().next_back());
        let mut after = goal.get(j..).and_then(|r| r.chars().next());
        // List number at a sentence start (`1.`), or a range start (`6—30岁`, `1-2个`).
        // An item's number, or an ordinal (`第9条`, `第3批`): no count.
        let list_number = after == Some('.')
            || (after == Some('、') && prev.is_none_or(is_stop))
            || prev == Some('第');
        k = j;
        let mut unit_start = j;
        // `14万人`, `1.2万亩`: a magnitude before the unit (not the 千 of 千米).
        let mut magnitude = None;
        if let Some(m @ ('万' | '亿' | '千')) = after {
            let rest = goal.get(unit_start..).unwrap_or_default();
            if !rest.starts_with("千米") {
                magnitude = Some(m);
                unit_start += m.len_utf8();
                after = goal.get(unit_start..).and_then(|r| r.chars().next());
            }
        }
        // `300余人`, `50多家`: the classifier after the approximation.
        if let Some(a @ ('余' | '多')) = after {
            unit_start += a.len_utf8();
            after = goal.get(unit_start..).and_then(|r| r.chars().next());
        }
        // (Asked first: it passes over the number whatever follows.)
        if list_number {
            continue;
        }
        // A measure (`12.5公里`, `1200亩`) is paired with its indicator's
        // number only; so is a count with a magnitude. Neither was ever a
        // goal-indicator-mismatch, and neither becomes one.
        let bu_word = after == Some('部')
            && goal
                .get(unit_start + '部'.len_utf8()..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| BU_WORDS.contains(&c));
        if bu_word {
            continue;
        }
        let measure = match after {
            Some(c) if CLASSIFIERS.contains(&c) => None,
            // (The first characters of the measures.)
            Some('平' | '立' | '公' | '千' | '亩' | '吨') => {
                let rest = goal.get(unit_start..).unwrap_or_default();
                match MEASURES.iter().find(|m| rest.starts_with(**m)) {
                    Some(m) => Some(m.len()),
                    None => continue,
                }
            }
            _ => continue,
        };
        // The words before the count begin here (found once for the count).
        let (from, per_unit_word) = clause_before(goal, start);
        // A figure per unit (`每期50人`, `村均2个`) is no output of its own.
        // (Most clauses hold no word of one, as the walk back saw.)
        let before = part(goal, (from, start));
        if per_unit_word && per_unit(before) {
            continue;
        }
        let numbers_only = measure.is_some() || magnitude.is_some();
        let (cl, mut unit_end) = match (measure, after) {
            (Some(len), _) => (' ', unit_start + len),
            (None, Some(cl)) => (cl, unit_start + cl.len_utf8()),
            (None, None) => continue,
        };
        // The unit: the classifier, with 次 after it (`人次`, `户次`, `场次`).
        if measure.is_none()
            && cl != '次'
            && goal.get(unit_end..).is_some_and(|r| r.starts_with('次'))
        {
            unit_end += '次'.len_utf8();
        }
        let points = cl == '个'
            && goal
                .get(unit_end..)
                .is_some_and(|r| r.starts_with("百分点"));
        let mut noun_start = unit_end + if points { "百分点".len() } else { 0 };
        // At most two suffixes (`1000余人以上` is not written, `3000个及以上` is one).
        let mut suffixed = false;
        for _ in 0..2 {
            let rest = goal.get(noun_start..).unwrap_or_default();
            // Most counts are followed by their noun: one look at the first
            // character before the word list.
            if !rest.starts_with(['及', '以', '之', '左', '余', '多']) {
                break;
            }
            match SUFFIXES.iter().find(|w| rest.starts_with(**w)) {
                Some(w) => {
                    noun_start += w.len();
                    suffixed = true;
                }
                None => break,
            }
        }
        // The noun after: up to the next stop character, at most 16 characters.
        let rest = goal.get(noun_start..).unwrap_or_default();
        // `储备粮1.5万吨的储存费用`: what follows 的 is of the count, which
        // counts the words before it.
        let noun_len = if rest.starts_with('的') {
            0
        } else {
            words_len(rest)
        };
        let noun_before = points || noun_len == 0;
        // With nothing after the count (`组织招聘会8场，`, `开展活动40场以上`) or
        // as percentage points, the words before it are the noun.
        // A noun starting like a date/age is not an output.
        if !noun_before && matches!(rest.chars().next(), Some('岁' | '年' | '月' | '日')) {
            continue;
        }
        let factor = magnitude_factor(magnitude);
        let counted = (keep && !points).then_some(Counted {
            number: (start, j),
            magnitude: factor,
            unit: (unit_start, unit_end),
            noun: (!noun_before).then_some((noun_start, noun_start + noun_len)),
            clause: from,
        });
        if !report || numbers_only {
            // Only `goal-indicator-number` may use it, and it pairs the
            // count with an indicator name itself.
            scratch.counted.extend(counted);
            continue;
        }
        let noun = if noun_before {
            (from, start)
        } else {
            (noun_start, noun_start + noun_len)
        };
        let mut loose_head = "";
        // A count closing its clause whose words are still to be asked
        // whether they name an output of the year ([`no_output_of_the_year`]):
        // asked only when no indicator measures it, most are.
        let mut unasked: Option<&str> = None;
        scratch.grams.clear();
        if noun_before && !points && !suffixed {
            // A count closing its clause (`培训养老护理员500人次，`): the clause
            // holds its verb and the words of the project's field (`养老`),
            // which other outputs share. Its work (its first two characters)
            // and what it names (its last three) must be measured.
            // (An item of an enumeration, `进社区30场、进乡村40场`, counts a part.)
            let listed = goal
                .get(unit_end..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c == '、');
            // (Such counts are still `goal-indicator-number`'s to pair.)
            let Some(clause) = loose_clause(goal, noun).filter(|_| !listed) else {
                scratch.counted.extend(counted);
                continue;
            };
            unasked = Some(clause);
            // (A verb of any work, `开展`, `组织`, says nothing: what the
            // clause names is then the whole of it, `开展应急疏散演练10次`'s
            // 演练, and the words between are the field's, `垃圾分类`.)
            let generic = GENERIC_VERBS.iter().any(|v| clause.starts_with(v));
            let head = if generic {
                ""
            } else {
                clause
                    .char_indices()
                    .nth(2)
                    .map_or(clause, |(at, _)| &clause[..at])
            };
            // (What a clause names before a word for any work, `活动`, `工作`:
            // `开展文化惠民演出活动40场`'s 演出.)
            let named = ["活动", "工作"]
                .iter()
                .find_map(|w| clause.strip_suffix(w))
                .filter(|rest| rest.chars().count() >= 3)
                .unwrap_or(clause);
            let tail = named
                .char_indices()
                .rev()
                .nth(2)
                .map_or(named, |(at, _)| &named[at..]);
            // What it names first; its work (the head) below, only with an
            // indicator counted in the same unit: `新建标准化服务站点15个`
            // is not measured by `新建高标准农田面积` in 亩.
            bigrams_into(tail, &mut scratch.grams);
            loose_head = head;
        } else {
            bigrams_into(part(goal, noun), &mut scratch.grams);
        }
        let year = s.table.fiscal_year;
        let no_output =
            |clause: Option<&str>| clause.is_some_and(|c| no_output_of_the_year(c, year));
        if scratch.grams.is_empty() && loose_head.is_empty() {
            // Too short a noun to pair with an indicator (`120个村（社区）`),
            // but `goal-indicator-number` still sees it: another part of
            // what an indicator may sum (`12个镇街服务站和120个村（社区）服务站`
            // against `=132个`). Words of no output it pairs as well.
            scratch.counted.extend(counted);
            continue;
        }
        if !names_ready {
            scratch.names.clear();
            // (Not satisfaction's: `服务对象满意度` measures no `服务站`.)
            for i in p
                .indicators
                .iter()
                .filter(|i| i.category != crate::model::Category::Satisfaction)
            {
                name_bigrams_unless_satisfied(&i.name, &mut scratch.names);
            }
            scratch.bloom = [0; 4];
            for g in &scratch.names {
                let h = bigram_bit(g);
                if let Some(w) = scratch.bloom.get_mut(h >> 6) {
                    *w |= 1 << (h & 63);
                }
            }
            // A few dozen: a scan beats sorting them for each project.
            if scratch.names.len() > 256 {
                scratch.names.sort_unstable();
                scratch.names.dedup();
            }
            names_ready = true;
        }
        let (names, bloom) = (&scratch.names, &scratch.bloom);
        // (Most bigrams are in no name: the bit of their hash says so first.)
        let maybe = |g: &[char; 2]| {
            let h = bigram_bit(g);
            bloom.get(h >> 6).is_some_and(|w| w >> (h & 63) & 1 == 1)
        };
        let shares = |grams: &[[char; 2]]| {
            if names.len() > 256 {
                grams
                    .iter()
                    .any(|g| maybe(g) && names.binary_search(g).is_ok())
            } else {
                grams.iter().any(|g| maybe(g) && names.contains(g))
            }
        };
        let mut measured = shares(&scratch.grams);
        let unit = part(goal, (unit_start, unit_end));
        if !measured && !loose_head.is_empty() {
            scratch.grams.clear();
            bigrams_into(loose_head, &mut scratch.grams);
            let (grams, own) = (&scratch.grams, &mut scratch.own);
            measured = p.indicators.iter().any(|i| {
                i.category != crate::model::Category::Satisfaction
                    && counts_alike(i, unit)
                    && shares_name(grams, &i.name, own)
            });
        }
        // A verb phrase after the count (`5200户发展生产`, `210户增收`) is
        // what the counted do, not the noun: the words before the number
        // (`支持脱贫户和监测户5200户`) name it. The same number alone is no
        // proof: `20个服务站点` and `覆盖社区数量 ≥20个` count different things.
        // (Things counted, `800部数字对讲机`, do nothing: the words before
        // them are the work's, `为社区民警配备`.)
        let beings = matches!(cl, '户' | '人' | '名' | '家' | '个' | '所');
        let added = !noun_before && noun_added(part(goal, noun));
        if !measured && !noun_before && (beings || added) {
            scratch.grams.clear();
            bigrams_into(part(goal, (from, start)), &mut scratch.grams);
            measured = shares(&scratch.grams);
        }
        // (A count closing its clause is measured by an indicator giving the
        // same number in the same unit; not in 个, which counts anything:
        // `新建村级综合服务站20个，` against `覆盖行政村数量 ≥20个`.)
        // So is a count of people whose noun follows (`为502名经济困难的高龄、
        // 失能老年人` against `服务对象人数 ≥502人`), and a count with
        // something added after it (`45台及配套采集存储设备` against
        // `购置执法记录仪数量 ≥45台`).
        // So is any count with its noun after it in a classifier of its own
        // (`6所中小学的屋面防水` against `维修改造学校数量 =6所`, `2900户家庭`
        // against `减免服务费用户数 ≥2900户`): the same number in the same
        // 所 or 户 is what it counts, though the words differ.
        let same_number = !noun_before || !(points || suffixed);
        if !measured && same_number && cl != '个' {
            let count = goal_count(goal, (start, j), factor);
            measured = count.is_some_and(|count| {
                p.indicators.iter().any(|i| {
                    i.target.quantity().is_some_and(|q| {
                        q.scaled().unwrap_or(q.value) == count && counts_alike(i, unit)
                    })
                })
            });
        }
        if measured || no_output(unasked) {
            scratch.counted.extend(counted);
            continue;
        }
        let span = if noun_before {
            (noun.0, noun_start)
        } else {
            (start, noun.1)
        };
        let (from, end) = span;
        // Two counts of one span (`100所中小学幼儿园配备专职保安200名，`: the
        // first's noun runs to the second) are one finding.
        if reported.is_some_and(|(a, b)| a <= from && end <= b) {
            continue;
        }
        reported = Some(span);
        let mut loc = project_loc(s.table, pi, p, Field::Goal);
        loc.span = Some(Span::new(from as u32, end as u32));
        s.emit(id!("goal-indicator-mismatch"), || {
            (
                loc,
                msg!(
                    GOAL_MISMATCH,
                    Arg::project(pi),
                    Arg::GoalSpan(pi as u32, from as u32, end as u32)
                ),
            )
        });
    }
}

/// Verbs of any work, which say nothing of what a clause counts.
const GENERIC_VERBS: [&str; 7] = ["开展", "组织", "完成", "实施", "举办", "进行", "做好"];

/// The words a count closing its clause counts (`培训养老护理员` in `全年培训养老
/// 护理员500人次，`), list markers (`一是`, `①`) and words of time or plan
/// (`全年`, `计划`) taken off; `None` for an item of an enumeration
/// (`…、家庭教育讲座各20场`). Whether the words name an output of the year
/// at all is [`no_output_of_the_year`]'s to say, asked only of a clause no
/// indicator measures.
fn loose_clause(goal: &str, (from, to): (usize, usize)) -> Option<&str> {
    const MARKERS: [&str; 20] = [
        "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "一是", "二是", "三是", "四是", "五是",
        "六是", "七是", "八是", "九是", "十是",
    ];
    const TIME: [&str; 9] = [
        "全年",
        "本年度",
        "年度内",
        "年内",
        "今年",
        "本年",
        "计划",
        "力争",
        "拟",
    ];
    // (Meetings convened, `召开河长制工作例会12次`, are the project's process,
    // which input-as-output says no indicator should count.)
    if goal.get(..from).and_then(|h| h.chars().next_back()) == Some('、') {
        return None;
    }
    let mut clause = goal.get(from..to)?;
    // The first characters of the markers and the words of time: a clause
    // starting otherwise has none to take off.
    let strippable = |c: char| {
        ('①'..='⑩').contains(&c)
            || matches!(
                c,
                '一' | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '全'
                    | '本'
                    | '年'
                    | '今'
                    | '计'
                    | '力'
                    | '拟'
            )
    };
    while clause.starts_with(strippable) {
        let before = clause.len();
        for w in MARKERS.iter().chain(TIME.iter()) {
            clause = clause.strip_prefix(w).unwrap_or(clause);
        }
        if clause.len() == before {
            break;
        }
    }
    Some(clause)
}

/// Whether the words of a count closing its clause ([`loose_clause`]) count
/// no output of the year (`year`: the table's) to check: what there is
/// (`现有`), another year's (`上年`, `明年`, `到2026年`, `预计`), or words
/// that name nothing (`惠及`, `共计`).
fn no_output_of_the_year(clause: &str, year: Option<u16>) -> bool {
    const NOTHING: [&str; 10] = [
        "惠及", "共计", "合计", "累计", "总计", "共", "达到", "达", "约", "覆盖",
    ];
    // Another year's (明年 … 往年), what there is ([`ALREADY_THERE`]) and
    // meetings convened (召开), in one pass.
    static NO_OUTPUT: Keywords = Keywords::new(&[
        "明年",
        "下一年",
        "下年",
        "今后",
        "未来",
        "下一步",
        "十四五",
        "十五五",
        "预计",
        "上年",
        "去年",
        "往年",
        "现有",
        "共有",
        "召开",
    ]);
    if NO_OUTPUT.find(clause).is_some() {
        return true;
    }
    // `到2026年`, `至2025年底`: another year's target.
    let later = ['到', '至'].iter().any(|w| {
        clause.match_indices(*w).any(|(at, _)| {
            let w = w.len_utf8();
            let y = clause.get(at + w..at + w + 4);
            y.and_then(|y| y.parse::<u16>().ok())
                .is_some_and(|y| Some(y) != year)
        })
    });
    later || clause.chars().count() < 2 || NOTHING.contains(&clause)
}

/// The factor of a magnitude written between a count and its unit
/// (`14万人`: 10 000).
fn magnitude_factor(magnitude: Option<char>) -> i64 {
    match magnitude {
        Some('千') => 1_000,
        Some('万') => 10_000,
        Some('亿') => 100_000_000,
        _ => 1,
    }
}

/// The count a goal writes at bytes `number`, times its magnitude's factor.
fn goal_count(goal: &str, number: (usize, usize), factor: i64) -> Option<Decimal> {
    part(goal, number)
        .parse::<Decimal>()
        .ok()?
        .checked_mul(Decimal::from(factor))
}

/// A count of what there already is ([`ALREADY_THERE`]): it ends its
/// clause, which is no object of the project's work.
fn already_there(goal: &str, c: &Counted) -> bool {
    let clause = part(goal, (c.clause, c.number.0));
    let ends_clause = c.noun.is_none()
        && goal
            .get(c.unit.1..)
            .and_then(|rest| rest.chars().next())
            .is_none_or(|ch| STOP.contains(&ch));
    // Work done on them (`计划培训全区现有…`) makes them the output.
    const WORK: [&str; 12] = [
        "培训", "改造", "建设", "提供", "发放", "服务", "慰问", "救助", "安装", "维修", "实施",
        "帮扶",
    ];
    let at = ALREADY_THERE.iter().filter_map(|w| clause.find(w)).min();
    at.is_some_and(|at| {
        let before = clause.get(..at).unwrap_or_default();
        ends_clause
            && !clause.starts_with(['对', '为', '向', '给'])
            && !WORK.iter().any(|w| before.contains(w))
    })
}

/// `goal-indicator-number`: a count in the goal and the one indicator that
/// measures it give clearly different numbers (`全员培训3000人次` against
/// `培训教师人次 ≥300人次`). Conservative, since most goals restate their
/// indicators loosely: the goal's count (a classifier unit, `个` `人次` `场`
/// …, right after the number; not per unit, a part or a sum over years) is
/// paired only when exactly one indicator of the project is in that unit and
/// its name shares two different 2-character runs with the counted noun; the indicator
/// must be a floor or an exact count (≥, >, = or none; one number); and
/// the goal's number may not be another indicator's, and the goal may count
/// in that unit only once (several counts are parts, their sum the
/// indicator's). Then only a
/// factor of 2 or more between them (a digit slip ×10 among them) or the
/// same digits in another order (12 and 21) is reported; `3000` against
/// `≥2800` is a target set a little lower, not a typo.
fn numbers(s: &mut Sink<'_>, pi: usize, p: &Project, scratch: &mut Scratch) {
    let Some(goal) = p.goal.as_deref() else {
        return;
    };
    let Scratch {
        grams,
        own,
        counted,
        ..
    } = scratch;
    // The words a count counts: its noun, else the words before it.
    let noun_of = |c: &Counted| part(goal, c.noun.unwrap_or((c.clause, c.number.0)));
    for (n, c) in counted.iter().enumerate() {
        let unit = part(goal, c.unit);
        // (Most counts have no indicator in their unit: nothing to pair,
        // before any look at their clause.)
        if !p.indicators.iter().any(|i| in_unit(i, unit)) {
            continue;
        }
        let Some(g) = goal_count(goal, c.number, c.magnitude) else {
            continue;
        };
        // (Nor, mostly, one whose number clearly differs from the count's.)
        let differs = |i: &crate::model::Indicator| {
            in_unit(i, unit)
                && i.target
                    .quantity()
                    .and_then(|q| q.scaled())
                    .is_some_and(|v| v > Decimal::ZERO && clearly_differ(g, v))
        };
        if g <= Decimal::ZERO || !p.indicators.iter().any(differs) {
            continue;
        }
        let before = (c.clause, c.number.0);
        if no_total(goal, c) {
            continue;
        }
        // The indicator measuring the noun: the one in its unit sharing two
        // different bigrams with it (one alone is often a generic word:
        // `服务站点` and `服务个案数` share only 服务). Others in the unit
        // count other things (`配置分类收集容器3500个` beside `建设集中投放点
        // 220个`).
        grams.clear();
        bigrams_into(part(goal, c.noun.unwrap_or(before)), grams);
        let mut measuring = p.indicators.iter().filter(|i| {
            // (Not an indicator of a figure per unit, `月均安全巡查次数`.)
            in_unit(i, unit) && !per_unit(&i.name) && shared_with(grams, own, &i.name) >= 2
        });
        let (Some(i), None) = (measuring.next(), measuring.next()) else {
            continue;
        };
        let Some(q) = i.target.quantity() else {
            continue;
        };
        if q.value_hi.is_some()
            || matches!(
                q.op,
                Some(Comparator::Le | Comparator::Lt | Comparator::Range)
            )
        {
            continue;
        }
        let Some(v) = q.scaled() else {
            continue;
        };
        // (Most counts agree with their indicator: the look at the goal's
        // other counts below is for those that do not.)
        if v <= Decimal::ZERO || v == g || !clearly_differ(g, v) {
            continue;
        }
        // The goal's number is some indicator's; or the goal counts in this
        // unit another part of what the indicator measures, or items of a
        // list (`进社区30场、进乡村40场`, whose sum the indicator may state):
        // no one count to pair.
        let elsewhere = p
            .indicators
            .iter()
            .any(|x| x.target.quantity().and_then(|q| q.scaled()) == Some(g))
            || counted.iter().enumerate().any(|(m, o)| {
                if m == n || part(goal, o.unit) != unit || already_there(goal, o) {
                    return false;
                }
                // (Another count is no part when another indicator of the
                // unit measures it: `建设集中投放点220个` by `建设集中投放点数量`.)
                let mut theirs = Vec::new();
                bigrams_into(noun_of(o), &mut theirs);
                let count = goal_count(goal, o.number, o.magnitude);
                let its_own = p.indicators.iter().any(|x| {
                    !std::ptr::eq(x, i)
                        && in_unit(x, unit)
                        && (shared_with(&theirs, own, &x.name) >= 2
                            || x.target.quantity().and_then(|q| q.scaled()) == count)
                });
                // (Nor when it is the indicator's number: that count is what
                // the indicator measures, `提供基本康复服务3000人` beside
                // `持证残疾人约2.1万人`.)
                listed(goal, c) || listed(goal, o) || !its_own || count == Some(v)
            });
        if elsewhere {
            continue;
        }
        let (from, end) = (c.number.0, c.unit.1);
        let mut loc = project_loc(s.table, pi, p, Field::Goal);
        loc.span = Some(Span::new(from as u32, end as u32));
        s.emit(id!("goal-indicator-number"), || {
            (
                loc,
                msg!(
                    GOAL_NUMBER,
                    Arg::project(pi),
                    Arg::GoalSpan(pi as u32, from as u32, end as u32),
                    Arg::indicator(pi, p, i)
                ),
            )
        });
    }
}

/// An output whose target is words with no number (`按计划完成`, `较好`),
/// and which could count something: not a deadline (`2024年10月底前` is
/// words too), nor a rate, a quality or a time by its name.
fn in_words(i: &crate::model::Indicator) -> bool {
    const NOT_COUNTS: [&str; 12] = [
        "率", "度", "质量", "效果", "水平", "情况", "时间", "时限", "进度", "标准", "规范", "成效",
    ];
    i.category == crate::model::Category::Output
        && i.target.is_qualitative()
        && !i.raw_value.bytes().any(|b| b.is_ascii_digit())
        && !i
            .raw_value
            .chars()
            .any(|c| ('０'..='９').contains(&c) || "〇一二三四五六七八九十百千万".contains(c))
        && !NOT_COUNTS.iter().any(|w| i.name.contains(w))
}

/// `goal-count-unquantified`: a count of the goal (`培育高素质农民300人`)
/// whose words the name of exactly one output in words
/// ([`in_words`]: `培育高素质农民` | `按计划完成`) shares two different
/// 2-character runs with, when no indicator with a number shares them: the
/// goal knows the number the indicator should state. Counts per unit, parts
/// and sums over years are left out as for `goal-indicator-number`.
fn counts_in_words(s: &mut Sink<'_>, pi: usize, p: &Project, scratch: &mut Scratch) {
    let Some(goal) = p.goal.as_deref() else {
        return;
    };
    let Scratch {
        grams,
        own,
        counted,
        ..
    } = scratch;
    // Each indicator once, at the first count it measures.
    let mut said: Vec<&crate::model::Indicator> = Vec::new();
    for c in counted.iter() {
        let before = (c.clause, c.number.0);
        if no_total(goal, c) {
            continue;
        }
        // Only what could count it: an output in words, or an indicator in
        // the count's unit (a rate, `违规广告反弹率 ≤5%`, or a cost per head,
        // `人均工作补助 ≤6000元/人`, counts nothing the goal counts).
        let unit = part(goal, c.unit);
        // The words it counts: its noun, else the words before it; and
        // those before it when its noun names no indicator (`选派科技特派员
        // 80名深入镇村…`: what follows is what they do).
        let words = [c.noun, Some(before)];
        let mut found = None;
        for w in words.iter().flatten() {
            grams.clear();
            bigrams_into(part(goal, *w), grams);
            let mut paired = p.indicators.iter().filter(|i| {
                i.category != crate::model::Category::Satisfaction
                    && (in_words(i) || counts_alike(i, unit))
                    && shared_with(grams, own, &i.name) >= 2
            });
            match (paired.next(), paired.next()) {
                (None, _) => continue,
                (Some(i), None) => found = Some(i),
                (Some(_), Some(_)) => {}
            }
            break;
        }
        let Some(i) = found else {
            continue;
        };
        if !in_words(i) || said.iter().any(|x| std::ptr::eq(*x, i)) {
            continue;
        }
        said.push(i);
        let (from, end) = (c.clause, c.noun.map_or(c.unit.1, |n| n.1));
        let loc = super::value_loc(pi, p, i);
        s.emit(id!("goal-count-unquantified"), || {
            (
                loc,
                msg!(
                    GOAL_UNQUANTIFIED,
                    Arg::GoalSpan(pi as u32, from as u32, end as u32),
                    Arg::indicator(pi, p, i)
                ),
            )
        });
    }
}

/// The distinct bigrams of `grams` (a noun's) that `name` holds; `own` is
/// scratch for the name's.
fn shared_with(grams: &[[char; 2]], own: &mut Vec<[char; 2]>, name: &str) -> usize {
    own.clear();
    bigrams_into(name, own);
    grams
        .iter()
        .enumerate()
        .filter(|(k, g)| own.contains(g) && !grams.get(..*k).unwrap_or_default().contains(g))
        .count()
}

/// A count that is no output total of the year: after 每, 均, 其中 or 累计,
/// per unit, or the population already there ([`already_there`]).
fn no_total(goal: &str, c: &Counted) -> bool {
    let before = part(goal, (c.clause, c.number.0));
    NOT_A_TOTAL.iter().any(|w| before.contains(w)) || per_unit(before) || already_there(goal, c)
}

/// Whether a count is an item of a list: `、` right after it, or right
/// before its clause (`进社区30场、进乡村40场`).
fn listed(goal: &str, c: &Counted) -> bool {
    let after = goal.get(c.unit.1..).and_then(|r| r.chars().next()) == Some('、');
    let before = goal.get(..c.clause).and_then(|h| h.chars().next_back()) == Some('、');
    after || before
}

/// Two different positive numbers that cannot be one target written loosely:
/// one at least twice the other, or the same digits in another order (`12`
/// and `21`, `580` and `850`).
fn clearly_differ(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    if hi >= lo * rust_decimal::Decimal::TWO {
        return true;
    }
    let digits = |d: rust_decimal::Decimal| {
        let mut v: Vec<u8> = d.normalize().to_string().into_bytes();
        v.retain(u8::is_ascii_digit);
        v.sort_unstable();
        v
    };
    lo >= rust_decimal::Decimal::TEN && digits(lo) == digits(hi)
}

#[cfg(test)]
mod tests {
    use super::{
        bigrams_into, clause_before, has, is_stop, name_bigrams_unless_satisfied, Buckets,
        Keywords, NOUN_MAX,
    };
    use crate::review::text::{for_each_sentence, mask_numbers_noting};
    use proptest::prelude::*;

    /// [`super::clause_before`]'s first answer as it was found before: a
    /// walk back decoding each lead byte's character.
    fn clause_start(goal: &str, start: usize) -> usize {
        // Back by bytes: a character is decoded only when its lead byte could
        // begin a stop (ASCII, or E3 and EF for U+3000–U+303F and U+FF00–U+FFEF).
        if goal.get(..start).is_none() {
            return start;
        }
        let b = goal.as_bytes();
        let (mut from, mut at, mut taken) = (start, start, 0);
        while taken < NOUN_MAX && at > 0 {
            let mut lead = at - 1;
            while lead > 0 && b.get(lead).is_some_and(|x| x & 0xC0 == 0x80) {
                lead -= 1;
            }
            let stop = match b.get(lead) {
                Some(&x) if x < 0x80 => is_stop(char::from(x)),
                Some(0xE3 | 0xEF) => goal
                    .get(lead..at)
                    .and_then(|c| c.chars().next())
                    .is_some_and(is_stop),
                _ => false,
            };
            if stop {
                break;
            }
            from = lead;
            at = lead;
            taken += 1;
        }
        let clause = goal.get(from..start).unwrap_or_default();
        let digits = clause.bytes().take_while(u8::is_ascii_digit).count();
        let item = clause
            .get(digits..)
            .and_then(|r| r.chars().next())
            .filter(|c| digits > 0 && matches!(c, '.' | '、' | '）' | ')' | '．'));
        match item {
            Some(c) if from + digits + c.len_utf8() <= start => from + digits + c.len_utf8(),
            _ => from,
        }
    }

    /// [`super::clause_before`]'s second answer as it was found before: a
    /// scan of the words' bytes.
    fn holds_per_unit_word(text: &str) -> bool {
        let b = text.as_bytes();
        b.iter().enumerate().any(|(end, x)| {
            matches!(x, 0x8F | 0x87 | 0x84)
                && end
                    .checked_sub(2)
                    .and_then(|start| b.get(start..=end))
                    .is_some_and(|w| ["每", "均", "各"].iter().any(|u| w == u.as_bytes()))
        })
    }

    /// [`super::per_unit`] as it was: three searches of the words.
    fn per_unit_by_searches(before: &str) -> bool {
        const ALL_OF: [char; 12] = [
            '类', '种', '项', '级', '地', '部', '乡', '村', '单', '行', '界', '方',
        ];
        // (每年 is the year's: `每年培训500人次` is a total.)
        let each = before.match_indices('每').any(|(at, w)| {
            !before
                .get(at + w.len()..)
                .is_some_and(|r| r.starts_with('年'))
        });
        each || before.contains('均')
            || before.match_indices('各').any(|(at, w)| {
                before
                    .get(at + w.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| !ALL_OF.contains(&c))
            })
    }

    /// [`super::loose_clause`] and [`super::no_output_of_the_year`] as they
    /// were: one function.
    fn loose_clause_as_one(
        goal: &str,
        (from, to): (usize, usize),
        year: Option<u16>,
    ) -> Option<&str> {
        const MARKERS: [&str; 20] = [
            "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "一是", "二是", "三是", "四是",
            "五是", "六是", "七是", "八是", "九是", "十是",
        ];
        const TIME: [&str; 9] = [
            "全年",
            "本年度",
            "年度内",
            "年内",
            "今年",
            "本年",
            "计划",
            "力争",
            "拟",
        ];
        const NOTHING: [&str; 10] = [
            "惠及", "共计", "合计", "累计", "总计", "共", "达到", "达", "约", "覆盖",
        ];
        // (Meetings convened, `召开河长制工作例会12次`, are the project's process,
        // which input-as-output says no indicator should count.)
        if goal.get(..from).and_then(|h| h.chars().next_back()) == Some('、') {
            return None;
        }
        let mut clause = goal.get(from..to)?;
        // The first characters of the markers and the words of time: a clause
        // starting otherwise has none to take off.
        let strippable = |c: char| {
            ('①'..='⑩').contains(&c)
                || matches!(
                    c,
                    '一' | '二'
                        | '三'
                        | '四'
                        | '五'
                        | '六'
                        | '七'
                        | '八'
                        | '九'
                        | '十'
                        | '全'
                        | '本'
                        | '年'
                        | '今'
                        | '计'
                        | '力'
                        | '拟'
                )
        };
        while clause.starts_with(strippable) {
            let before = clause.len();
            for w in MARKERS.iter().chain(TIME.iter()) {
                clause = clause.strip_prefix(w).unwrap_or(clause);
            }
            if clause.len() == before {
                break;
            }
        }
        // Another year's (明年 … 往年), what there is ([`ALREADY_THERE`]) and
        // meetings convened (召开), in one pass.
        static NO_OUTPUT: Keywords = Keywords::new(&[
            "明年",
            "下一年",
            "下年",
            "今后",
            "未来",
            "下一步",
            "十四五",
            "十五五",
            "预计",
            "上年",
            "去年",
            "往年",
            "现有",
            "共有",
            "召开",
        ]);
        if NO_OUTPUT.find(clause).is_some() {
            return None;
        }
        // `到2026年`, `至2025年底`: another year's target.
        let later = ['到', '至'].iter().any(|w| {
            clause.match_indices(*w).any(|(at, _)| {
                let w = w.len_utf8();
                let y = clause.get(at + w..at + w + 4);
                y.and_then(|y| y.parse::<u16>().ok())
                    .is_some_and(|y| Some(y) != year)
            })
        });
        if later || clause.chars().count() < 2 || NOTHING.contains(&clause) {
            return None;
        }
        Some(clause)
    }

    proptest! {
        /// The one walk back finds where the words begin and their 每, 均 or
        /// 各 as the character walk and the byte scan did (at every
        /// character boundary; stops, item numbers, characters of one, two,
        /// three and four bytes).
        #[test]
        fn walk_back_agrees(goal in "[，。；、：,;: （()）\n！？.．）4a é每均各开展服务𠀀〇ｱ]{0,24}") {
            for start in (0..=goal.len()).filter(|k| goal.is_char_boundary(*k)) {
                let from = clause_start(&goal, start);
                let (got_from, got_word) = clause_before(&goal, start);
                prop_assert_eq!(got_from, from);
                let before = goal.get(from..start).unwrap_or_default();
                prop_assert_eq!(got_word, holds_per_unit_word(before));
            }
        }

        /// The clause and the question of its year, asked apart, answer as
        /// the one function did.
        #[test]
        fn loose_clause_split_agrees(
            goal in "[、①一是全年本度内计划拟现有明上到至2026惠及共达培训人员活动 ]{0,14}",
            from in 0usize..16,
            len in 0usize..16,
            year in proptest::option::of(2025u16..2027),
        ) {
            // (Offsets of characters, mostly: a byte offset inside one is rarer.)
            let at = |k: usize| goal.char_indices().nth(k).map_or(k, |(b, _)| b);
            let span = (at(from), at(from + len));
            let split = super::loose_clause(&goal, span)
                .filter(|c| !super::no_output_of_the_year(c, year));
            prop_assert_eq!(split, loose_clause_as_one(&goal, span, year));
        }

        /// The one walk over the words answers as the three searches did.
        #[test]
        fn per_unit_walk_agrees(before in "[每均各年类种项级部门人a1 ]{0,10}") {
            prop_assert_eq!(super::per_unit(&before), per_unit_by_searches(&before));
        }

        /// The words after a count are measured as the character walk did.
        #[test]
        fn words_len_agrees(text in "[，。；、：,;: （()）\n！？〃ｱé开展服务𠀀4a]{0,24}") {
            let want: usize = text
                .chars()
                .take_while(|c| !is_stop(*c))
                .take(NOUN_MAX)
                .map(char::len_utf8)
                .sum();
            prop_assert_eq!(super::words_len(&text), want);
        }

        /// A name's bigrams are kept exactly when it does not hold 满意.
        #[test]
        fn satisfied_names_skipped_as_before(name in "[满意度 人a（]{0,8}") {
            let mut got = vec![['x', 'y']];
            name_bigrams_unless_satisfied(&name, &mut got);
            let mut want = vec![['x', 'y']];
            if !has(&name, "满意") {
                bigrams_into(&name, &mut want);
            }
            prop_assert_eq!(got, want);
        }
    }

    /// The sketch as taken before [`super::scan_goal`] (the oracle).
    fn sketch_alone(goal: &str, min: usize) -> Option<[u64; super::SLOTS]> {
        use super::SLOTS;
        let mut slots = [u64::MAX; SLOTS];
        let n = super::for_each_trigram(goal, |h| {
            let slot = (h >> 60) as usize;
            let rest = h & ((1 << 60) - 1);
            if let Some(m) = slots.get_mut(slot) {
                *m = (*m).min(rest);
            }
        });
        if n < min.max(3) {
            return None;
        }
        let filled = slots.iter().position(|&m| m != u64::MAX)?;
        let mut out = slots;
        for (i, slot) in out.iter_mut().enumerate() {
            if *slot == u64::MAX {
                let (d, m) = (1..=SLOTS)
                    .map(|d| (d, slots[(i + d) % SLOTS]))
                    .find(|(_, m)| *m != u64::MAX)
                    .unwrap_or((SLOTS, slots[filled]));
                *slot = m.wrapping_add(0x9E37_79B9_7F4A_7C15u64.wrapping_mul(d as u64));
            }
        }
        Some(out)
    }

    /// (sketch, masked goal, number runs, sentences) by the one walk.
    type Scanned = (
        Option<[u64; super::SLOTS]>,
        String,
        Vec<(usize, usize)>,
        Vec<(usize, String)>,
    );

    fn by_one_walk(goal: &str, min: usize) -> Scanned {
        let mut sketch = super::Sketch::new();
        let (mut runs, mut marks) = (Vec::new(), Vec::new());
        let n = super::scan_goal(
            goal,
            |h| sketch.take(h),
            |a, b| runs.push((a, b)),
            |at, len| marks.push((at, len)),
        );
        let mut masked = String::new();
        super::mask_runs_into(goal, &runs, &mut masked);
        let mut sentences = Vec::new();
        crate::review::text::for_each_sentence_between(goal, &marks, min, |off, t| {
            sentences.push((off, t.to_string()));
        });
        (sketch.finish(n, min), masked, runs, sentences)
    }

    fn by_separate_walks(goal: &str, min: usize) -> Scanned {
        let (mut masked, mut runs) = (String::new(), Vec::new());
        mask_numbers_noting(goal, &mut masked, |a, b| runs.push((a, b)));
        let mut sentences = Vec::new();
        for_each_sentence(goal, |off, t| {
            if t.len() >= min {
                sentences.push((off, t.to_string()));
            }
        });
        (sketch_alone(goal, min), masked, runs, sentences)
    }

    /// The trigram hashes by a walk over `chars()` (the byte decoding must
    /// agree with it).
    fn trigrams_by_chars(goal: &str) -> (Vec<u64>, usize) {
        fn counts(c: char) -> bool {
            match c {
                '\u{4E00}'..='\u{9FFF}' => true,
                '%' | '％' => true,
                c if c.is_ascii() => c.is_ascii_alphabetic(),
                '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' => false,
                '\u{FF00}'..='\u{FF0F}'
                | '\u{FF1A}'..='\u{FF20}'
                | '\u{FF3B}'..='\u{FF40}'
                | '\u{FF5B}'..='\u{FF65}' => false,
                c => c.is_alphanumeric(),
            }
        }
        let (mut a, mut b) = (0u64, 0u64);
        let (mut n, mut in_number, mut out) = (0usize, false, Vec::new());
        for c in goal.chars() {
            let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
            if digit || (in_number && c == '.') {
                if in_number {
                    continue;
                }
                in_number = true;
            } else {
                in_number = false;
                if !counts(c) {
                    continue;
                }
            }
            let c = u64::from(if digit { '#' } else { c });
            n += 1;
            if n >= 3 {
                let h = (a | (b << 21) | (c << 42)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
                out.push(h ^ (h >> 29));
            }
            (a, b) = (b, c);
        }
        (out, n)
    }

    proptest! {
        /// A sentence's key cut from its goal masked whole is the sentence
        /// masked on its own, list numbers (`1.5…`, `2..`) and full-width
        /// digits alike; a sentence starting inside a number gets none.
        #[test]
        fn keys_cut_from_the_masked_goal_agree(goal in "[0-9０９.．。；\n、a开展 ]{0,24}") {
            let (mut masked, mut runs) = (String::new(), Vec::new());
            mask_numbers_noting(&goal, &mut masked, |a, b| runs.push((a, b)));
            let mut at = super::MaskedAt::new(&runs);
            let mut want = String::new();
            let mut checked = Ok(());
            for_each_sentence(&goal, |off, sentence| {
                super::mask_numbers_into(sentence, &mut want);
                let cut = at.at(off).zip(at.at(off + sentence.len()));
                if let Some(got) = cut.and_then(|(a, b)| masked.get(a..b)) {
                    if got != want {
                        checked = Err(format!("{got:?} != {want:?} at {off}"));
                    }
                }
            });
            prop_assert_eq!(checked, Ok(()));
        }

        /// The one walk over a goal finds the sketch, the number runs (and
        /// masked goal) and the sentences of the separate walks.
        #[test]
        fn one_walk_agrees_with_separate_walks(
            goal in "[0-9０９.．%％a#，。；！？;!?\n\r、开展服务一鿿䷀㐀é〇ｱ𠀀😀 　]{0,40}",
            min in 0usize..6,
        ) {
            prop_assert_eq!(by_one_walk(&goal, min), by_separate_walks(&goal, min));
        }

        /// Decoding by bytes gives the trigrams of the character walk,
        /// characters of one to four bytes and numbers alike.
        #[test]
        fn trigrams_by_bytes_agree(goal in "[0-9０９.．%％a#，。开展服务一鿿䷀㐀é〇ｱ𠀀😀 ]{0,24}") {
            let mut got = Vec::new();
            let n = super::for_each_trigram(&goal, |h| got.push(h));
            prop_assert_eq!((got, n), trigrams_by_chars(&goal));
        }
    }

    #[test]
    fn buckets_are_exact_even_when_fingerprints_collide() {
        let mut b = Buckets::default();
        // Every text gets the same fingerprint: only the texts tell them apart.
        let texts = ["甲", "乙", "甲", "丙", "乙", "", "丙", ""];
        let got: Vec<u32> = texts.iter().map(|t| b.number_printed(t, 7)).collect();
        assert_eq!(got, [0, 1, 0, 2, 1, 3, 2, 3]);
        assert_eq!(b.sizes, [2, 2, 2, 2]);
        assert_eq!(b.text(2), Some("丙"));
        // With real fingerprints the same numbering.
        let mut b = Buckets::default();
        let got: Vec<u32> = texts.iter().map(|t| b.number(t)).collect();
        assert_eq!(got, [0, 1, 0, 2, 1, 3, 2, 3]);
    }
}
