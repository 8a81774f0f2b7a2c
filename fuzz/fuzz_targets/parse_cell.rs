//! Fuzz the indicator-cell grammar: arbitrary UTF-8 into `parse_cell`,
//! `format_cell`, `parse_value`, `parse_category` and `parse_target_parts`.
//! Checks the contract: no panic; spans on char boundaries; a cell without
//! problems formats back to itself; a parsed quantity's canonical text
//! parses back to the same quantity.
#![no_main]

use jixiao_core::grammar::{
    format_cell, format_cell_canonical, parse_category, parse_cell, parse_target_parts, parse_value,
};
use jixiao_core::{Origin, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse_cell(s, Origin::new(1, 7));
    for ind in &parsed.indicators {
        let span = ind.span.expect("every one-cell item has a span");
        assert!(s.get(span.range()).is_some(), "span off char boundaries");
        if let Target::Quantitative(q) = &ind.target {
            let back = parse_value(&q.to_string());
            let Target::Quantitative(b) = back.target else {
                panic!("canonical `{q}` did not parse back as a quantity");
            };
            assert_eq!(
                (b.op, b.value, b.value_hi, &b.unit),
                (q.op, q.value, q.value_hi, &q.unit)
            );
            assert_eq!(
                (b.magnitude, b.approx, &b.note),
                (q.magnitude, q.approx, &q.note)
            );
        }
    }
    for p in &parsed.problems {
        assert!(
            s.get(p.span.range()).is_some(),
            "problem span off char boundaries"
        );
    }
    let formatted = format_cell(&parsed.indicators);
    if parsed.problems.is_empty() {
        assert_eq!(formatted, s, "clean cell did not round-trip");
    }
    let _ = format_cell_canonical(&parsed.indicators);
    let _ = parse_value(s);
    let _ = parse_category(s);
    let _ = parse_target_parts(Some(s), s, Some(s));
});
