//! Goal-text rules: `goal-duplicate` (near-duplicate goals, linear by hashing)
//! and `goal-indicator-mismatch` (a counted output in the goal that no
//! indicator measures).

use super::text::{bigrams_into, for_each_sentence, mask_numbers_into, FastHasher, FastMap};
use super::{msg, project_loc, Arg, Sink, Template};
use crate::model::{Field, Project, Span};

static GOAL_DUPLICATE: Template = Template {
    zh: "项目「{0}」与项目「{1}」的绩效目标有 {2} 句相同（数字除外）",
    en: "project \"{0}\" shares {2} goal sentence(s) with project \"{1}\" (numbers aside)",
};
static GOAL_MISMATCH: Template = Template {
    zh: "项目「{0}」的目标提到「{1}」，但没有指标衡量它",
    en: "project \"{0}\": the goal names \"{1}\" but no indicator measures it",
};

/// `goal-duplicate` over the whole table.
/// `skip[pi]`: project `pi` copies an earlier one (`project-duplicate` says
/// so; its goal is not compared again).
pub(super) fn check_duplicates(s: &mut Sink<'_>, skip: &[bool]) {
    if s.on("goal-duplicate") {
        duplicates(s, skip);
    }
}

/// `goal-indicator-mismatch`, project by project (beside the other
/// per-project rules), with buffers reused from one project to the next.
pub(super) struct Mismatches {
    on: bool,
    scratch: Scratch,
}

impl Mismatches {
    pub(super) fn new(s: &Sink<'_>) -> Self {
        Mismatches {
            on: s.on("goal-indicator-mismatch"),
            scratch: Scratch::default(),
        }
    }

    pub(super) fn project(&mut self, s: &mut Sink<'_>, pi: usize, p: &Project) {
        if self.on {
            mismatch(s, pi, p, &mut self.scratch);
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
    let mut key = String::new();
    for (pi, p) in all.iter().enumerate() {
        let Some(goal) = p.goal.as_deref() else {
            continue;
        };
        if skip.get(pi).copied().unwrap_or(false) {
            continue;
        }
        for_each_sentence(goal, |off, sentence| {
            // A character takes one to four bytes: only mid-length texts need counting.
            if sentence.len() < min || (sentence.len() < 4 * min && sentence.chars().count() < min)
            {
                return;
            }
            mask_numbers_into(sentence, &mut key);
            let bucket = buckets.number(&key);
            members.push((bucket, pi as u32, off as u32, sentence.len() as u32));
        });
    }
    // Only buckets met more than once can pair projects.
    let sizes = buckets.sizes;
    members.retain(|m| sizes.get(m.0 as usize).is_some_and(|n| *n > 1));
    // Stable: each bucket's members stay in project order, and a project
    // counts once per bucket (its first such sentence).
    members.sort_by_key(|m| m.0);
    members.dedup_by_key(|m| (m.0, m.1));
    // (earlier project, later project, offset, length of the later one's shared sentence),
    // sorted: one run per pair, its sentences in text order.
    let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
    for bucket in members.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(_, first, _, _)) = bucket.first() else {
            continue;
        };
        for &(_, pi, off, len) in bucket.iter().skip(1) {
            pairs.push((first as usize, pi as usize, off as usize, len as usize));
        }
    }
    drop(members);
    pairs.sort_unstable();
    for run in pairs.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let Some(&(a, b, off, len)) = run.first() else {
            continue;
        };
        let Some(&pb) = all.get(b) else {
            continue;
        };
        let mut loc = project_loc(t, b, pb, Field::Goal);
        loc.span = Some(Span::new(off as u32, (off + len) as u32));
        let n = run.len();
        s.emit("goal-duplicate", || {
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

const CLASSIFIERS: [char; 13] = [
    '个', '家', '所', '座', '场', '次', '人', '名', '篇', '期', '批', '户', '项',
];
const STOP: [char; 16] = [
    '，', '。', '；', '、', '：', ',', ';', ':', ' ', '（', '(', '）', ')', '\n', '！', '？',
];

/// Buffers of [`mismatch`], reused from project to project.
#[derive(Default)]
struct Scratch {
    /// Bigrams of the current noun.
    grams: Vec<[char; 2]>,
    /// Sorted bigrams of the current project's indicator names.
    names: Vec<[char; 2]>,
}

/// `goal-indicator-mismatch`: `<Arabic number><classifier><noun>` in the goal
/// whose noun shares no 2-character run with any indicator name.
fn mismatch(s: &mut Sink<'_>, pi: usize, p: &Project, scratch: &mut Scratch) {
    let Some(goal) = p.goal.as_deref() else {
        return;
    };
    if p.indicators.is_empty() {
        return;
    }
    let bytes = goal.as_bytes();
    let mut names_ready = false;
    // Byte positions: ASCII digits never occur inside a multi-byte character.
    let mut k = 0usize;
    while k < bytes.len() {
        let Some(off) = bytes
            .get(k..)
            .and_then(|b| b.iter().position(u8::is_ascii_digit))
        else {
            break;
        };
        let start = k + off;
        // A number run.
        let j = start
            + bytes
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|b| b.is_ascii_digit() || **b == b'.')
                .count();
        let prev = goal.get(..start).and_then(|h| h.chars().next_back());
        let after = goal.get(j..).and_then(|r| r.chars().next());
        // List number at a sentence start (`1.`), or a range start (`6—30岁`, `1-2个`).
        let list_number = after == Some('.')
            || (after == Some('、') && prev.is_none_or(|c| STOP.contains(&c) || c == '。'));
        k = j;
        let Some(cl) = after.filter(|c| CLASSIFIERS.contains(c)) else {
            continue;
        };
        if list_number {
            continue;
        }
        // The noun: up to the next stop character, at most 16 characters.
        let noun_start = j + cl.len_utf8();
        let rest = goal.get(noun_start..).unwrap_or_default();
        let noun_len: usize = rest
            .chars()
            .take_while(|c| !STOP.contains(c))
            .take(16)
            .map(char::len_utf8)
            .sum();
        let noun = rest.get(..noun_len).unwrap_or_default();
        scratch.grams.clear();
        bigrams_into(noun, &mut scratch.grams);
        if scratch.grams.is_empty() {
            continue;
        }
        // A noun starting like a date/age is not an output.
        if matches!(noun.chars().next(), Some('岁' | '年' | '月' | '日')) {
            continue;
        }
        if !names_ready {
            scratch.names.clear();
            for i in &p.indicators {
                bigrams_into(&i.name, &mut scratch.names);
            }
            scratch.names.sort_unstable();
            scratch.names.dedup();
            names_ready = true;
        }
        let names = &scratch.names;
        let measured = scratch.grams.iter().any(|g| names.binary_search(g).is_ok());
        if !measured {
            let end = if noun.is_empty() {
                start
            } else {
                noun_start + noun_len
            };
            let mut loc = project_loc(s.table, pi, p, Field::Goal);
            loc.span = Some(Span::new(start as u32, end as u32));
            s.emit("goal-indicator-mismatch", || {
                (
                    loc,
                    msg!(
                        GOAL_MISMATCH,
                        Arg::project(pi),
                        Arg::GoalSpan(pi as u32, start as u32, end as u32)
                    ),
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Buckets;

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
