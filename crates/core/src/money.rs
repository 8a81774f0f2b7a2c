//! Exact money: amounts as printed in tables, parsed to [`Decimal`] 万元.

use crate::model::MoneyScale;
use rust_decimal::Decimal;

/// Why an amount cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("「{0}」不是金额 (not an amount)")]
    NotANumber(String),
    #[error("「{0}」位数过多 (too many digits)")]
    TooLarge(String),
    /// The cell names a money unit (`158.00元`) other than the table's.
    #[error("「{0}」的单位与表的金额单位不一致 (the amount's unit differs from the table's)")]
    ScaleMismatch(String),
}

/// Parse an amount cell into 万元.
///
/// Blank, `—`, `-`, `/` give `Ok(None)` (blank counts as 0 in sums).
/// Accepts full-width digits, thousands separators between digit groups
/// (`3,309,840.00`, or a space as PDF text and some Word tables print them:
/// `12 600 000.00`, in groups of three only), surrounding spaces, and a
/// trailing `万元`/`元` when it is the table's own scale (another is
/// [`AmountError::ScaleMismatch`]).
/// Values in 元 are converted exactly by moving the decimal point four places,
/// so the printed precision survives (`3,309,840.00` 元 → `330.984000` 万元).
pub fn parse_amount(text: &str, scale: MoneyScale) -> Result<Option<Decimal>, AmountError> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.is_empty() || matches!(t, "—" | "-" | "–" | "/" | "－" | "——" | "／") {
        return Ok(None);
    }
    // A money unit written in the cell must be the table's: `158.00元` in a
    // 万元 table is either a slip or ten thousand times off, and only the
    // person who wrote it can say which.
    let (t, written) = split_scale(t);
    if written.is_some_and(|w| w != scale) {
        return Err(AmountError::ScaleMismatch(text.trim().to_string()));
    }
    let t = t.trim();
    // Accounting brackets, `(10.00)`: a negative amount, as a spreadsheet's
    // accounting format shows −10 (the review reports it: amount-negative).
    if let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
    {
        let inner = inner.trim();
        if inner.starts_with(['-', '－', '(', '（']) {
            return Err(AmountError::NotANumber(text.to_string()));
        }
        return match parse_amount(inner, scale) {
            Ok(Some(d)) => Ok(Some(-d)),
            Ok(None) => Err(AmountError::NotANumber(text.to_string())),
            Err(AmountError::NotANumber(_)) => Err(AmountError::NotANumber(text.to_string())),
            Err(e) => Err(e),
        };
    }
    let mut clean = String::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '，' => ',',
            '－' => '-',
            _ => c,
        };
        match c {
            '0'..='9' | '.' => clean.push(c),
            '-' if clean.is_empty() => clean.push(c),
            ',' => {
                // A thousands separator sits between digits and is followed by exactly three digits.
                let before = i > 0 && chars[i - 1].is_ascii_digit();
                let after = chars.len() >= i + 4
                    && chars[i + 1..i + 4].iter().all(|d| d.is_ascii_digit())
                    && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit());
                if !(before && after) {
                    return Err(AmountError::NotANumber(text.to_string()));
                }
            }
            // A space inside: only between groups of three digits
            // (`12 600 000.00`), read as if they were not there. (Asked
            // here, where a space is met: most amounts hold none.)
            c if is_group_space(c) => {
                let Some(grouped) = without_group_spaces(t) else {
                    return Err(AmountError::NotANumber(text.to_string()));
                };
                return parse_amount(&grouped, scale).map_err(|e| match e {
                    AmountError::TooLarge(_) => AmountError::TooLarge(text.to_string()),
                    _ => AmountError::NotANumber(text.to_string()),
                });
            }
            _ => return Err(AmountError::NotANumber(text.to_string())),
        }
    }
    if clean.is_empty() || clean == "-" || clean == "." {
        return Err(AmountError::NotANumber(text.to_string()));
    }
    let d: Decimal = clean.parse().map_err(|e: rust_decimal::Error| match e {
        rust_decimal::Error::ExceedsMaximumPossibleValue
        | rust_decimal::Error::LessThanMinimumPossibleValue
        | rust_decimal::Error::Underflow => AmountError::TooLarge(text.to_string()),
        _ => AmountError::NotANumber(text.to_string()),
    })?;
    Ok(Some(
        to_wan(d, scale).ok_or_else(|| AmountError::TooLarge(text.to_string()))?,
    ))
}

/// The spaces printed between digit groups: ASCII, no-break (U+00A0), thin
/// (U+2009), narrow no-break (U+202F) and ideographic (U+3000).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{2009}' | '\u{202F}' | '\u{3000}')
}

/// `t` without the spaces between its digit groups, when it is a number
/// grouped in threes by one kind of space, and by nothing else: 1–3 digits,
/// then one or more groups of one space and exactly three digits, then an
/// optional decimal part (`12 600 000.00`, `-1 234`). `None` for any other
/// space (`12 60 000`, `1 2`, `12  600`, `1 234.567 8`, two kinds of space in
/// one number) and for a number that also has a comma (`1 234,567`): a space
/// elsewhere may join two numbers, and a reading of it would be a guess.
fn without_group_spaces(t: &str) -> Option<String> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let body = t.strip_prefix(['-', '－']).unwrap_or(t);
    let sign = &t[..t.len() - body.len()];
    let (int, frac) = match body.find(['.', '．']) {
        Some(at) => body.split_at(at),
        None => (body, ""),
    };
    // The decimal part: its point and at least one digit, no space.
    let decimals: Vec<char> = frac.chars().skip(1).collect();
    if !frac.is_empty() && (decimals.is_empty() || !decimals.iter().all(|c| digit(*c))) {
        return None;
    }
    let sep = int.chars().find(|c| is_group_space(*c))?;
    let mut groups = int.split(sep);
    let lead = groups.next()?;
    if !(1..=3).contains(&lead.chars().count()) || !lead.chars().all(digit) {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    out.push_str(sign);
    out.push_str(lead);
    for g in groups {
        if g.chars().count() != 3 || !g.chars().all(digit) {
            return None;
        }
        out.push_str(g);
    }
    out.push_str(frac);
    Some(out)
}

/// The money unit an amount cell names after its number (`158.00万元`,
/// `1,580,000.00元`), if any.
pub fn written_scale(text: &str) -> Option<MoneyScale> {
    split_scale(text.trim()).1
}

/// The text before a trailing `万元`/`万`/`元` (also in brackets: `1000.00（万元）`),
/// and the scale it names.
fn split_scale(t: &str) -> (&str, Option<MoneyScale>) {
    for (unit, scale) in [("万元", MoneyScale::WanYuan), ("元", MoneyScale::Yuan)] {
        let inner = t
            .strip_suffix([')', '）'])
            .and_then(|r| r.strip_suffix(unit))
            .and_then(|r| r.trim_end().strip_suffix(['(', '（']));
        if let Some(number) = inner.filter(|n| !n.trim().is_empty()) {
            return (number, Some(scale));
        }
    }
    // `1000.00万`, shorthand for 万元.
    match t.strip_suffix("万元").or_else(|| t.strip_suffix('万')) {
        Some(rest) => (rest, Some(MoneyScale::WanYuan)),
        None => match t.strip_suffix('元') {
            Some(rest) => (rest, Some(MoneyScale::Yuan)),
            None => (t, None),
        },
    }
}

/// Convert an amount in `scale` to 万元 exactly, keeping precision.
pub fn to_wan(d: Decimal, scale: MoneyScale) -> Option<Decimal> {
    match scale {
        MoneyScale::WanYuan => Some(d),
        MoneyScale::Yuan => {
            let s = d.scale() + 4;
            if s > 28 {
                return None;
            }
            Some(Decimal::from_i128_with_scale(d.mantissa(), s))
        }
    }
}

/// An amount held in 万元 as the table printed it in `scale`, exactly: the
/// inverse of [`to_wan`] (`158.010000` 万元 read from `1,580,100.00` 元 is
/// `1580100.00` again).
pub fn from_wan(d: Decimal, scale: MoneyScale) -> Decimal {
    match scale {
        MoneyScale::WanYuan => d,
        MoneyScale::Yuan => match d.scale().checked_sub(4) {
            Some(s) => Decimal::from_i128_with_scale(d.mantissa(), s),
            None => d.checked_mul(Decimal::from(10_000)).unwrap_or(d),
        },
    }
}

/// An amount in 万元 for a message: the trailing zeros a conversion from 元
/// left (`10.000000`) dropped, two decimals kept (`10.00`, `158.01`, `0.0125`).
pub fn wan_for_message(d: Decimal) -> Decimal {
    let mut d = d.normalize();
    if d.scale() < 2 {
        d.rescale(2);
    }
    d
}

/// Tolerance for a sum of amounts printed with `decimals` places: half a unit of the last place.
///
/// `Decimal` holds at most 28 places; beyond 27 printed places the tolerance is the
/// smallest representable step, never a panic.
pub fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.saturating_add(1).min(28))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_printed_amounts_keeping_precision() {
        let v = parse_amount("552.50", MoneyScale::WanYuan)
            .unwrap()
            .unwrap();
        assert_eq!(v.to_string(), "552.50");
        assert_eq!(parse_amount("", MoneyScale::WanYuan), Ok(None));
        assert_eq!(parse_amount(" — ", MoneyScale::WanYuan), Ok(None));
        assert_eq!(
            parse_amount("１２．５０", MoneyScale::WanYuan),
            Ok(Some(d("12.50")))
        );
    }

    #[test]
    fn converts_yuan_with_separators_exactly() {
        let v = parse_amount("3,309,840.00", MoneyScale::Yuan)
            .unwrap()
            .unwrap();
        assert_eq!(v, d("330.984"));
        assert_eq!(v.to_string(), "330.984000");
        let v = parse_amount("120,000.00元", MoneyScale::Yuan)
            .unwrap()
            .unwrap();
        assert_eq!(v.to_string(), "12.000000");
    }

    #[test]
    fn a_money_unit_in_the_cell_must_be_the_tables() {
        assert_eq!(
            parse_amount("158.00万元", MoneyScale::WanYuan),
            Ok(Some(d("158.00")))
        );
        assert_eq!(
            parse_amount("158.00元", MoneyScale::WanYuan),
            Err(AmountError::ScaleMismatch("158.00元".into()))
        );
        // `万` alone is shorthand for 万元.
        assert_eq!(
            parse_amount("1000.00万", MoneyScale::WanYuan),
            Ok(Some(d("1000.00")))
        );
        assert_eq!(
            parse_amount("12万", MoneyScale::Yuan),
            Err(AmountError::ScaleMismatch("12万".into()))
        );
        assert_eq!(
            parse_amount(" 1580000元 ", MoneyScale::WanYuan),
            Err(AmountError::ScaleMismatch("1580000元".into()))
        );
        assert_eq!(
            parse_amount("12万元", MoneyScale::Yuan),
            Err(AmountError::ScaleMismatch("12万元".into()))
        );
        // The unit in brackets after the number, as forms write it.
        assert_eq!(
            parse_amount("1000.00（万元）", MoneyScale::WanYuan),
            Ok(Some(d("1000.00")))
        );
        assert_eq!(
            parse_amount("1000.00 (万元)", MoneyScale::WanYuan),
            Ok(Some(d("1000.00")))
        );
        assert_eq!(
            parse_amount("1000.00（元）", MoneyScale::WanYuan),
            Err(AmountError::ScaleMismatch("1000.00（元）".into()))
        );
        // An accounting bracket is no unit.
        assert_eq!(
            parse_amount("(10.00)", MoneyScale::WanYuan),
            Ok(Some(d("-10.00")))
        );
        assert!(parse_amount("（万元）", MoneyScale::WanYuan).is_err());
    }

    #[test]
    fn rejects_text_and_misplaced_commas() {
        assert!(parse_amount("约100", MoneyScale::WanYuan).is_err());
        assert!(parse_amount("1,00", MoneyScale::WanYuan).is_err());
        assert!(parse_amount("12,3456", MoneyScale::WanYuan).is_err());
        assert!(parse_amount("-", MoneyScale::WanYuan).unwrap().is_none());
        assert!(parse_amount(".", MoneyScale::WanYuan).is_err());
    }

    #[test]
    fn spaces_between_digit_groups_are_thousands_separators() {
        // A probe's tk18: `12 600 000.00` 元, as PDF text and some Word
        // tables print it, was 「12 600 000.00」不是金额.
        let y = MoneyScale::Yuan;
        let w = MoneyScale::WanYuan;
        assert_eq!(parse_amount("12 600 000.00", y), Ok(Some(d("1260"))));
        assert_eq!(
            parse_amount("12 600 000.00", y)
                .unwrap()
                .unwrap()
                .to_string(),
            "1260.000000"
        );
        for (t, v) in [
            ("1 234", "1234"),
            ("123 456", "123456"),
            ("1 234 567", "1234567"),
            ("1 234.5", "1234.5"),
            ("-1 234.50", "-1234.50"),
            ("(1 234.50)", "-1234.50"),
            ("12 600.00万元", "12600.00"),
            (" 3 000 000.00 ", "3000000.00"),
            // No-break, thin, narrow no-break and ideographic spaces.
            ("12\u{A0}600\u{A0}000.00", "12600000.00"),
            ("12\u{2009}600\u{2009}000.00", "12600000.00"),
            ("12\u{202F}600\u{202F}000.00", "12600000.00"),
            ("12\u{3000}600\u{3000}000.00", "12600000.00"),
            ("１２ ６００．５０", "12600.50"),
        ] {
            assert_eq!(parse_amount(t, w), Ok(Some(d(v))), "{t:?}");
        }
        assert_eq!(parse_amount("3 000 000.00元", y), Ok(Some(d("300.000000"))));
    }

    #[test]
    fn other_inner_spaces_are_refused() {
        let w = MoneyScale::WanYuan;
        for t in [
            "12 60 000",
            "1 2",
            "12  600",
            "1234 567",
            "12 6000",
            "12 600 00",
            " 1 234 5",
            "1 234.567 8",
            "1 234.",
            "1 234 .50",
            "- 1 234",
            "12.50 12.50",
            "100 万元 20",
            // Comma and space in one number.
            "1 234,567",
            "1,234 567",
            "1 234，567",
            // Two kinds of space in one number.
            "12\u{A0}600 000",
            "12 600\u{2009}000",
            // A tab is no group space.
            "12\t600",
            "(12 60)",
        ] {
            assert_eq!(
                parse_amount(t, w),
                Err(AmountError::NotANumber(t.to_string())),
                "{t:?}"
            );
        }
    }

    #[test]
    fn accounting_brackets_are_negative() {
        // /tmp/ur8 D11: an XLSX accounting format reads −10; the text it
        // prints, (10.00), reads the same.
        let w = MoneyScale::WanYuan;
        assert_eq!(parse_amount("(10.00)", w), Ok(Some(d("-10.00"))));
        assert_eq!(parse_amount("（1,234.50）", w), Ok(Some(d("-1234.50"))));
        assert_eq!(
            parse_amount("(12,345.00)", MoneyScale::Yuan),
            Ok(Some(d("-1.234500")))
        );
        for t in ["(-10)", "((10))", "()", "(—)", "(约10)", "(10"] {
            assert!(parse_amount(t, w).is_err(), "{t}");
        }
    }

    #[test]
    fn tolerance_is_half_the_last_place() {
        assert_eq!(half_unit(2), d("0.005"));
        assert_eq!(half_unit(28), Decimal::new(5, 28));
        assert_eq!(half_unit(u32::MAX), Decimal::new(5, 28));
    }
}
