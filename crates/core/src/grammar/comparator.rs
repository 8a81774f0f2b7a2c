//! Comparator spellings (GUIDE §2.3): symbols, full-width forms and Chinese words.
//!
//! The tables are ordered so that a longer spelling comes before any shorter
//! spelling it ends with (`不低于` before `低于`, `>=` before `=`); matching
//! takes the first hit. A unit test checks that ordering.

use crate::model::{Comparator, Direction};

/// Comparators written before the number (`≥95%`, `不低于90%`, `维持时效 ≥1 年`).
pub const PREFIX_OPS: &[(&str, Comparator)] = &[
    // words, longest first
    ("大于或等于", Comparator::Ge),
    ("小于或等于", Comparator::Le),
    ("大于等于", Comparator::Ge),
    ("小于等于", Comparator::Le),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("不高于", Comparator::Le),
    ("不超过", Comparator::Le),
    ("不多于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("控制在", Comparator::Le),
    ("至少", Comparator::Ge),
    ("达到", Comparator::Ge),
    ("最多", Comparator::Le),
    ("高于", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("超过", Comparator::Gt),
    ("低于", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("不足", Comparator::Lt),
    ("不满", Comparator::Lt),
    ("等于", Comparator::Eq),
    // two-character symbols
    (">=", Comparator::Ge),
    ("＞＝", Comparator::Ge),
    (">＝", Comparator::Ge),
    ("＞=", Comparator::Ge),
    ("≥=", Comparator::Ge),
    ("<=", Comparator::Le),
    ("＜＝", Comparator::Le),
    ("<＝", Comparator::Le),
    ("＜=", Comparator::Le),
    ("≤=", Comparator::Le),
    ("==", Comparator::Eq),
    // one-character symbols
    ("≥", Comparator::Ge),
    ("≧", Comparator::Ge),
    ("⩾", Comparator::Ge),
    ("≤", Comparator::Le),
    ("≦", Comparator::Le),
    ("⩽", Comparator::Le),
    (">", Comparator::Gt),
    ("＞", Comparator::Gt),
    ("<", Comparator::Lt),
    ("＜", Comparator::Lt),
    ("=", Comparator::Eq),
    ("＝", Comparator::Eq),
];

/// Comparators written after the number and unit (`100人次以上`, `90万元以内`).
/// Chinese law counts 以上/以下/以内 as inclusive, hence `Ge`/`Le`.
pub const SUFFIX_OPS: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("以上", Comparator::Ge),
    ("以内", Comparator::Le),
    ("以下", Comparator::Le),
    ("之内", Comparator::Le),
    ("内", Comparator::Le),
];

/// Separators of a range target (`80-90%`, `80～90%`, `80至90%`).
pub const RANGE_SEPS: &[&str] = &["——", "-", "－", "～", "~", "〜", "—", "–", "至", "到"];

/// Characters that belong to comparator symbols; a value label never contains them.
pub(crate) fn is_op_symbol_char(c: char) -> bool {
    matches!(
        c,
        '≥' | '≤' | '<' | '>' | '=' | '＞' | '＜' | '＝' | '≧' | '≦' | '⩾' | '⩽'
    )
}

/// The comparator a text ends with, and its spelling (`维持时效 ≥` → `≥`).
pub(crate) fn prefix_op_at_end(text: &str) -> Option<(&'static str, Comparator)> {
    // fast exit: every spelling ends in one of these characters
    let last = text.chars().next_back()?;
    if !matches!(
        last,
        '于' | '少'
            | '到'
            | '多'
            | '过'
            | '足'
            | '满'
            | '在'
            | '='
            | '＝'
            | '≥'
            | '≧'
            | '⩾'
            | '≤'
            | '≦'
            | '⩽'
            | '>'
            | '<'
            | '＞'
            | '＜'
    ) {
        return None;
    }
    PREFIX_OPS
        .iter()
        .find(|(spelling, _)| text.ends_with(spelling))
        .copied()
}

/// The suffix comparator a text ends with (`人次以上` → `以上`).
pub(crate) fn suffix_op_at_end(text: &str) -> Option<(&'static str, Comparator)> {
    if !text.ends_with(['上', '内', '下']) {
        return None;
    }
    SUFFIX_OPS
        .iter()
        .find(|(spelling, _)| text.ends_with(spelling))
        .copied()
}

/// Read a 指标性质 / 计算符号 cell on its own: any spelling of §2.3
/// (`≥`, `>=`, `＞＝`, `不低于`, `以上` …), surrounding spaces ignored.
/// `定性`, `定量`, `正向`, `反向` and unknown text give `None`.
pub fn parse_comparator(raw: &str) -> Option<Comparator> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    PREFIX_OPS
        .iter()
        .chain(SUFFIX_OPS.iter())
        .find(|(spelling, _)| *spelling == t)
        .map(|(_, op)| *op)
}

/// Read a 指标方向性 cell: `正向`/`正向指标`/`越大越好` → higher is better,
/// `反向`/`反向指标`/`越小越好`/`逆向` → lower is better. A longer cell
/// (`正向指标（越大越好）`) is read by the direction words it contains, and
/// only when they all point the same way: a cell naming both directions, or
/// neither, gives `None` (the reader then says it could not read the cell).
pub fn parse_direction(raw: &str) -> Option<Direction> {
    let t = raw.trim();
    let t = t.strip_suffix("指标").unwrap_or(t);
    // One-character answers only as the whole cell: 正/反 occur in other words.
    match t {
        "正" => return Some(Direction::HigherBetter),
        "反" => return Some(Direction::LowerBetter),
        _ => {}
    }
    const HIGHER: [&str; 4] = ["正向", "越大越好", "越高越好", "越多越好"];
    const LOWER: [&str; 6] = ["反向", "逆向", "负向", "越小越好", "越低越好", "越少越好"];
    let higher = HIGHER.iter().any(|w| t.contains(w));
    let lower = LOWER.iter().any(|w| t.contains(w));
    match (higher, lower) {
        (true, false) => Some(Direction::HigherBetter),
        (false, true) => Some(Direction::LowerBetter),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_spelling_is_shadowed_by_an_earlier_one() {
        for table in [PREFIX_OPS, SUFFIX_OPS] {
            for (i, (earlier, _)) in table.iter().enumerate() {
                for (later, _) in &table[i + 1..] {
                    assert!(
                        !later.ends_with(earlier),
                        "`{later}` is shadowed by `{earlier}`"
                    );
                }
            }
        }
        for (i, earlier) in RANGE_SEPS.iter().enumerate() {
            for later in &RANGE_SEPS[i + 1..] {
                assert!(
                    !later.ends_with(earlier),
                    "`{later}` shadowed by `{earlier}`"
                );
            }
        }
    }

    #[test]
    fn fast_exits_cover_every_spelling() {
        for (spelling, op) in PREFIX_OPS {
            assert_eq!(
                prefix_op_at_end(spelling),
                Some((*spelling, *op)),
                "{spelling}"
            );
            assert_eq!(
                prefix_op_at_end(&format!("标签{spelling}")).map(|x| x.0),
                Some(*spelling)
            );
        }
        for (spelling, op) in SUFFIX_OPS {
            assert_eq!(
                suffix_op_at_end(spelling),
                Some((*spelling, *op)),
                "{spelling}"
            );
        }
    }

    #[test]
    fn column_spellings() {
        assert_eq!(parse_comparator(" ≥ "), Some(Comparator::Ge));
        assert_eq!(parse_comparator(">="), Some(Comparator::Ge));
        assert_eq!(parse_comparator("＞＝"), Some(Comparator::Ge));
        assert_eq!(parse_comparator("不超过"), Some(Comparator::Le));
        assert_eq!(parse_comparator("以上"), Some(Comparator::Ge));
        assert_eq!(parse_comparator("＜"), Some(Comparator::Lt));
        assert_eq!(parse_comparator("＝"), Some(Comparator::Eq));
        assert_eq!(parse_comparator("定性"), None);
        assert_eq!(parse_comparator("定量"), None);
        assert_eq!(parse_comparator(""), None);
        assert_eq!(parse_direction("正向"), Some(Direction::HigherBetter));
        assert_eq!(parse_direction("反向指标"), Some(Direction::LowerBetter));
        assert_eq!(parse_direction("定性"), None);
    }

    #[test]
    fn direction_spellings() {
        use Direction::{HigherBetter as Up, LowerBetter as Down};
        for (cell, want) in [
            ("正向", Some(Up)),
            (" 正向指标 ", Some(Up)),
            ("正", Some(Up)),
            ("越大越好", Some(Up)),
            ("正向指标（越大越好）", Some(Up)),
            ("反向", Some(Down)),
            ("反向指标", Some(Down)),
            ("反", Some(Down)),
            ("逆向指标", Some(Down)),
            ("负向", Some(Down)),
            ("反向（越小越好）", Some(Down)),
            ("越少越好", Some(Down)),
            // Both directions, or none: not readable.
            ("正向/反向", None),
            ("正向（越小越好）", None),
            ("定性", None),
            ("正常", None),
            ("", None),
        ] {
            assert_eq!(parse_direction(cell), want, "{cell:?}");
        }
    }
}
