//! Goal-text rules: `goal-duplicate` (near-duplicate goals, linear by hashing)
//! and `goal-indicator-mismatch` (a counted output in the goal that no
//! indicator measures).

use super::text::{bigrams, mask_numbers_into, sentences};
use super::{project_loc, projects, Sink};
use crate::model::{Field, Project, Span};
use std::collections::HashMap;

pub(super) fn check(s: &mut Sink<'_>) {
    if s.on("goal-duplicate") {
        duplicates(s);
    }
    if s.on("goal-indicator-mismatch") {
        for (pi, p) in projects(s.table) {
            mismatch(s, pi, p);
        }
    }
}

/// Near-duplicate goals: every goal is split into sentences, Arabic numbers are
/// masked (`6个` and `12个` become `#个`), and each sentence of at least
/// `goal_duplicate_min_chars` characters goes into a hash map keyed by its
/// masked text. Only projects landing in the same bucket are compared, so the
/// work is linear in the total goal length (plus the size of the output).
fn duplicates(s: &mut Sink<'_>) {
    let t = s.table;
    let min = s.profile.thresholds.goal_duplicate_min_chars as usize;
    // masked sentence → projects (index, byte offset and length of the sentence in its goal)
    let mut buckets: HashMap<String, Vec<(usize, usize, usize)>> = HashMap::new();
    let all: Vec<(usize, &Project)> = projects(t).collect();
    let mut key = String::new();
    for &(pi, p) in &all {
        let Some(goal) = p.goal.as_deref() else {
            continue;
        };
        for (off, sentence) in sentences(goal) {
            // A character takes at least one byte: short byte length, short text.
            if sentence.len() < min || sentence.chars().count() < min {
                continue;
            }
            mask_numbers_into(sentence, &mut key);
            if !buckets.contains_key(key.as_str()) {
                buckets.insert(key.clone(), Vec::new());
            }
            let Some(entry) = buckets.get_mut(key.as_str()) else {
                continue;
            };
            if entry.last().is_none_or(|(last, _, _)| *last != pi) {
                entry.push((pi, off, sentence.len()));
            }
        }
    }
    // (earlier project, later project, offset, length of the later one's shared sentence),
    // sorted: one run per pair, its sentences in text order.
    let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
    for members in buckets.values() {
        let Some(&(first, _, _)) = members.first() else {
            continue;
        };
        for &(pi, off, len) in members.iter().skip(1) {
            pairs.push((first, pi, off, len));
        }
    }
    drop(buckets);
    pairs.sort_unstable();
    for run in pairs.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let Some(&(a, b, off, len)) = run.first() else {
            continue;
        };
        let (Some(&(_, pa)), Some(&(_, pb))) = (all.get(a), all.get(b)) else {
            continue;
        };
        let mut loc = project_loc(t, b, pb, Field::Goal);
        loc.span = Some(Span::new(off as u32, (off + len) as u32));
        let n = run.len();
        s.emit("goal-duplicate", || {
            (
                loc,
                format!(
                    "项目「{}」与项目「{}」的绩效目标有 {n} 句相同（数字除外）",
                    pb.name, pa.name
                ),
                format!(
                "project \"{}\" shares {n} goal sentence(s) with project \"{}\" (numbers aside)",
                pb.name, pa.name
            ),
            )
        });
    }
}

const CLASSIFIERS: [char; 13] = [
    '个', '家', '所', '座', '场', '次', '人', '名', '篇', '期', '批', '户', '项',
];
const STOP: [char; 16] = [
    '，', '。', '；', '、', '：', ',', ';', ':', ' ', '（', '(', '）', ')', '\n', '！', '？',
];

/// `goal-indicator-mismatch`: `<Arabic number><classifier><noun>` in the goal
/// whose noun shares no 2-character run with any indicator name.
fn mismatch(s: &mut Sink<'_>, pi: usize, p: &Project) {
    let Some(goal) = p.goal.as_deref() else {
        return;
    };
    if p.indicators.is_empty() {
        return;
    }
    let chars: Vec<(usize, char)> = goal.char_indices().collect();
    let mut k = 0usize;
    let mut hits: Vec<(usize, usize, String)> = Vec::new();
    let mut name_grams: Option<Vec<[char; 2]>> = None;
    while k < chars.len() {
        let Some(&(start, c)) = chars.get(k) else {
            break;
        };
        if !c.is_ascii_digit() {
            k += 1;
            continue;
        }
        // A number run.
        let mut j = k;
        while chars
            .get(j)
            .is_some_and(|x| x.1.is_ascii_digit() || x.1 == '.')
        {
            j += 1;
        }
        let prev = k.checked_sub(1).and_then(|q| chars.get(q)).map(|x| x.1);
        let after = chars.get(j).map(|x| x.1);
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
        let noun: String = chars
            .iter()
            .skip(j + 1)
            .map(|x| x.1)
            .take_while(|c| !STOP.contains(c))
            .take(16)
            .collect();
        let grams = bigrams(&noun);
        if grams.is_empty() {
            continue;
        }
        // A noun starting like a date/age is not an output.
        if matches!(noun.chars().next(), Some('岁' | '年' | '月' | '日')) {
            continue;
        }
        let names = name_grams.get_or_insert_with(|| {
            let mut v: Vec<[char; 2]> =
                p.indicators.iter().flat_map(|i| bigrams(&i.name)).collect();
            v.sort_unstable();
            v.dedup();
            v
        });
        let measured = grams.iter().any(|g| names.binary_search(g).is_ok());
        if !measured {
            let end = chars
                .iter()
                .skip(j + 1)
                .take_while(|x| !STOP.contains(&x.1))
                .take(16)
                .last()
                .map(|x| x.0 + x.1.len_utf8())
                .unwrap_or(start);
            hits.push((start, end, format!("{cl}{noun}")));
        }
    }
    for (start, end, what) in hits {
        let number = goal.get(start..end).unwrap_or(&what).to_string();
        let mut loc = project_loc(s.table, pi, p, Field::Goal);
        loc.span = Some(Span::new(start as u32, end as u32));
        s.emit("goal-indicator-mismatch", || {
            (
                loc,
                format!("项目「{}」的目标提到「{number}」，但没有指标衡量它", p.name),
                format!(
                    "project \"{}\": the goal names \"{number}\" but no indicator measures it",
                    p.name
                ),
            )
        });
    }
}
