//! Canonical text of targets and indicators.
//!
//! - [`Quantity`]: written `{op}{约|大约}{value}{magnitude}{余|多}{unit}{左右}{note}`
//!   with the canonical symbol (`≥95%`, `≤90万元`, `=8个`, `5000人次`,
//!   `2万余人次`, `5000人次（全年）`, `≥约90%`), a range as
//!   `{约}{lo}-{hi}{magnitude}{unit}` (`80-90%`); in 千万元 a 余/多 follows 千
//!   (`3千余万元`).
//!   The value keeps its precision (`1.50`). [`super::parse_value`] reads it
//!   back to the same quantity, with `op_raw` the canonical symbol.
//! - [`Grades`]: `优:100% 良:90% 中:85% 差:85%`.
//! - [`Target`]: the quantity, the wording (`效果明显`), the grades, or nothing
//!   for [`Target::Missing`].

use super::cell::{item_level, push_seq, LEVEL_COLON, VALUE_MARKER};
use crate::model::{Comparator, Grades, Indicator, Quantity, Target};
use std::fmt;

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let head = self.head();
        match (self.op, self.value_hi) {
            (_, Some(hi)) => write!(f, "{head}{}-{}", self.value, hi)?,
            (Some(Comparator::Range), None) => write!(f, "{head}{}-{}", self.value, self.value)?,
            (Some(op), None) => write!(f, "{}{head}{}", op.symbol(), self.value)?,
            (None, None) => write!(f, "{head}{}", self.value)?,
        }
        // A rate per population (`/100`, `/10万`) goes after `左右`, as it is
        // read (`0左右/100`): `0/100左右` would read as a fraction, and
        // `10/10万左右` as 10万.
        // After a unit too (`7777指标左右/10万`).
        let unit = self.unit.as_deref().unwrap_or("");
        let per_at = unit.char_indices().find_map(|(i, c)| {
            (matches!(c, '/' | '／')
                && unit
                    .get(i + c.len_utf8()..)
                    .is_some_and(|b| b.starts_with(|d: char| d.is_ascii_digit())))
            .then_some(i)
        });
        if let Some((head, per)) = per_at
            .filter(|_| self.magnitude.is_none())
            .and_then(|i| Some((unit.get(..i)?, unit.get(i..)?)))
        {
            // `余`/`多` stay after the number (`3800余/10万`).
            f.write_str(&self.unit_as_written(head))?;
            if self.approx == Some(crate::model::Approx::ZuoYou) {
                f.write_str("左右")?;
            }
            f.write_str(per)?;
            return f.write_str(self.note.as_deref().unwrap_or(""));
        }
        let written = self.unit_as_written(unit);
        // After a magnitude, a unit is read bare only while magnitude, 余 and
        // unit come to eight characters (`2万人次百分比/WY` is wording); a
        // longer one is written in brackets, where it is read whole
        // (`2万(人次百分比/WY)`, `2万左右(QQQQQQQQ)`). Found by CI's fuzzer.
        if written.chars().count() > 8
            && self.magnitude.is_some()
            && self.note.is_none()
            && super::value::reads_as_bracket_unit(unit)
        {
            f.write_str(&self.unit_as_written(""))?;
            if self.approx == Some(crate::model::Approx::ZuoYou) {
                f.write_str("左右")?;
            }
            return write!(f, "({unit})");
        }
        f.write_str(&written)?;
        f.write_str(&self.tail())
    }
}

impl fmt::Display for Grades {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "优:{} 良:{} 中:{}", self.you, self.liang, self.zhong)?;
        if let Some(cha) = &self.cha {
            write!(f, " 差:{cha}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Quantitative(q) => q.fmt(f),
            Target::Qualitative { text } => f.write_str(text),
            Target::Graded(g) => g.fmt(f),
            Target::Missing => Ok(()),
        }
    }
}

/// A 年度指标值 in canonical form: the label (if any) then the target
/// (`发布新媒体推送100篇`, `维持时效≥1年`, `≥95%`, `服务人次：约300人次`).
pub fn format_value_canonical(label: Option<&str>, target: &Target) -> String {
    match label {
        Some(l) => join_label(l, &target.to_string()),
        None => target.to_string(),
    }
}

/// A value's label and the value written after it: glued (`发布新媒体推送100篇`),
/// but with `：` between them when the value starts with 约/大约
/// (`服务人次：约300人次`), which glued to a word reads as the word's (节约,
/// 预约), so as part of the label.
pub fn join_label(label: &str, value: &str) -> String {
    let colon = !label.is_empty() && (value.starts_with('约') || value.starts_with("大约"));
    let mut s = String::with_capacity(label.len() + value.len() + 3);
    s.push_str(label);
    if colon {
        s.push('：');
    }
    s.push_str(value);
    s
}

/// One indicator in canonical one-cell form, numbered `seq`:
/// `{seq}-{一级}：{name}，年度指标值：{canonical value}。`.
pub fn format_indicator_canonical(ind: &Indicator, seq: u32) -> String {
    let mut out = String::with_capacity(ind.name.len() + ind.raw_value.len() + 48);
    push_seq(&mut out, seq);
    out.push('-');
    out.push_str(item_level(ind));
    out.push_str(LEVEL_COLON);
    out.push_str(&ind.name);
    out.push_str(VALUE_MARKER);
    out.push_str(&format_value_canonical(
        ind.value_label.as_deref(),
        &ind.target,
    ));
    out.push('。');
    out
}

/// All indicators in canonical one-cell form; an item without `seq` is
/// numbered by its position (1-based).
pub fn format_cell_canonical(items: &[Indicator]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(k, ind)| {
            let pos = u32::try_from(k + 1).unwrap_or(u32::MAX);
            format_indicator_canonical(ind, ind.seq.unwrap_or(pos))
        })
        .collect()
}
