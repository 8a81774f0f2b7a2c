//! The one-cell form: splitting rules of GUIDE §1.4, problems, round trip,
//! canonical rendering.

use jixiao_core::grammar::{
    format_cell, format_cell_canonical, parse_category, parse_cell, parse_value, CellProblem,
};
use jixiao_core::{Category, Comparator, Origin, Target};

const O: Origin = Origin::new(3, 7);

fn codes(p: &[CellProblem]) -> Vec<&'static str> {
    p.iter().map(|p| p.code).collect()
}

#[test]
fn empty_cell_gives_nothing() {
    let p = parse_cell("", O);
    assert!(p.indicators.is_empty());
    assert!(p.problems.is_empty());
    assert_eq!(format_cell(&p.indicators), "");
}

#[test]
fn blank_cell_is_reported() {
    let p = parse_cell(" \n", O);
    assert!(p.indicators.is_empty());
    assert_eq!(codes(&p.problems), ["whitespace-outside-item"]);
    assert_eq!((p.problems[0].span.start, p.problems[0].span.end), (0, 2));
}

#[test]
fn cell_without_items() {
    let cell = "活动服务人数5000人次";
    let p = parse_cell(cell, O);
    assert!(p.indicators.is_empty());
    assert_eq!(codes(&p.problems), ["no-items"]);
    assert_eq!(p.problems[0].span.end as usize, cell.len());
    assert!(p.problems[0].message.contains("活动服务人数"));
}

#[test]
fn text_before_the_first_item() {
    let cell = "说明：1-产出指标：甲，年度指标值：5个。";
    let p = parse_cell(cell, O);
    assert_eq!(codes(&p.problems), ["text-outside-item"]);
    assert_eq!(&cell[p.problems[0].span.range()], "说明：");
    assert_eq!(p.indicators.len(), 1);
    assert_eq!(p.indicators[0].seq, Some(1));
    assert_eq!(p.indicators[0].name, "甲");

    let cell = "  1-产出指标：甲，年度指标值：5个。";
    let p = parse_cell(cell, O);
    assert_eq!(codes(&p.problems), ["whitespace-outside-item"]);
    assert_eq!(p.indicators.len(), 1);
}

#[test]
fn glued_item_is_a_missing_terminator() {
    let cell = "1-满意度指标：满意度，年度指标值：90%2-效益指标：文章，年度指标值：10篇。";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].raw_value, "90%");
    assert_eq!(p.indicators[0].terminator, None);
    assert_eq!(p.indicators[1].seq, Some(2));
    assert_eq!(p.indicators[1].category, Category::Outcome);
    assert_eq!(format_cell(&p.indicators), cell);

    // digits of the value run into the seq: the expected number decides
    let cell = "1-产出指标：甲，年度指标值：1002-产出指标：乙，年度指标值：3";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty());
    assert_eq!(p.indicators[0].raw_value, "100");
    assert_eq!(p.indicators[1].seq, Some(2));
    assert_eq!(p.indicators[1].raw_value, "3");
    assert_eq!(p.indicators[1].terminator, None);
    assert_eq!(format_cell(&p.indicators), cell);

    let cell = "11-产出指标：甲，年度指标值：5012-产出指标：乙，年度指标值：3个";
    let p = parse_cell(cell, O);
    assert_eq!(p.indicators[0].raw_value, "50");
    assert_eq!(p.indicators[1].seq, Some(12));
}

#[test]
fn a_number_in_brackets_starts_an_item() {
    // `（1）产出指标：…` (a probe's tk17): read as `1-`, written back as typed.
    for cell in [
        "（1）产出指标：资助参保人数，年度指标值：≥12000人。（2）满意度指标：救助对象满意度，年度指标值：≥90%。",
        "(1)产出指标：资助参保人数，年度指标值：≥12000人。(2)满意度指标：救助对象满意度，年度指标值：≥90%。",
    ] {
        let p = parse_cell(cell, O);
        assert!(p.problems.is_empty(), "{cell}: {:?}", p.problems);
        let got: Vec<_> = p
            .indicators
            .iter()
            .map(|i| (i.seq, i.category, i.name.as_str(), i.raw_value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), Category::Output, "资助参保人数", "≥12000人"),
                (Some(2), Category::Satisfaction, "救助对象满意度", "≥90%"),
            ],
            "{cell}"
        );
        // The item starts at its opening bracket.
        assert!(cell[p.indicators[1].span.unwrap().range()].starts_with(['（', '(']));
        assert_eq!(format_cell(&p.indicators), cell);
    }
    // Brackets elsewhere stay text: in a value, or before a word that is no
    // 一级 named with 指标.
    let cell =
        "1-产出指标：完成（1）期工程，年度指标值：≥1期。2-产出指标：乙（2）产出，年度指标值：3个。";
    let p = parse_cell(cell, O);
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].name, "完成（1）期工程");
    let p = parse_cell("（1）产出：甲，年度指标值：5个。", O);
    assert!(p.indicators.is_empty());
}

#[test]
fn an_ascii_full_stop_ends_an_item() {
    // Typed on an English keyboard: the `.` is the item's terminator, not
    // part of its value (which made every target qualitative).
    let cell = "1-产出指标:补贴人数,年度指标值:≥3600人.2-满意度指标:满意度,年度指标值:≥90%.3-产出指标:完成时间,年度指标值:100.";
    let p = parse_cell(cell, O);
    assert_eq!(p.indicators.len(), 3);
    let values: Vec<_> = p.indicators.iter().map(|i| i.raw_value.as_str()).collect();
    assert_eq!(values, ["≥3600人", "≥90%", "100"]);
    for i in &p.indicators {
        assert_eq!(i.terminator.as_deref(), Some("."), "{i:?}");
        assert!(!i.target.is_qualitative(), "{i:?}");
    }
    // The full stop is written back as typed.
    let cell = "1-产出指标：补贴人数，年度指标值：≥3600人.2-满意度指标：满意度，年度指标值：≥90%.";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(format_cell(&p.indicators), cell);
    // A decimal point inside a value stays in it; a full-width one ends it.
    let cell = "1-产出指标：甲，年度指标值：≥95.5%．2-产出指标：乙，年度指标值：3.5万元。";
    let p = parse_cell(cell, O);
    let values: Vec<_> = p.indicators.iter().map(|i| i.raw_value.as_str()).collect();
    assert_eq!(values, ["≥95.5%", "3.5万元"]);
    assert_eq!(p.indicators[0].terminator.as_deref(), Some("．"));
    assert_eq!(format_cell(&p.indicators), cell);
}

#[test]
fn separators_between_items() {
    let cell = "1-产出指标：甲，年度指标值：100个，2-产出指标：乙，年度指标值：3名；3-产出指标：丙，年度指标值：4场;4-产出指标：丁，年度指标值：5篇 5-产出指标：戊，年度指标值：6人。\n";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let terms: Vec<_> = p
        .indicators
        .iter()
        .map(|i| i.terminator.as_deref())
        .collect();
    assert_eq!(
        terms,
        [Some("，"), Some("；"), Some(";"), Some(" "), Some("。\n")]
    );
    let values: Vec<_> = p.indicators.iter().map(|i| i.raw_value.as_str()).collect();
    assert_eq!(values, ["100个", "3名", "4场", "5篇", "6人"]);
    assert_eq!(format_cell(&p.indicators), cell);
}

#[test]
fn names_with_commas_and_item_like_digits() {
    let cell = "1-效益指标：维系社会组织，志愿服务队，年度指标值：50个。2-效益指标：为社区解决1-2个困难，年度指标值：完成率100%。";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty());
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].name, "维系社会组织，志愿服务队");
    assert_eq!(p.indicators[1].name, "为社区解决1-2个困难");
    assert_eq!(p.indicators[1].value_label.as_deref(), Some("完成率"));
}

#[test]
fn level_synonyms_at_item_starts() {
    for (level, cat) in [
        ("产出目标", Category::Output),
        ("项目完成指标", Category::Output),
        ("效果指标", Category::Outcome),
        ("效果目标", Category::Outcome),
        ("服务对象满意度指标", Category::Satisfaction),
        ("社会公众或服务对象满意度指标", Category::Satisfaction),
        ("成本指标", Category::Cost),
        ("经济成本指标", Category::Cost),
        ("实施效果指标", Category::ImplementationEffect),
    ] {
        let cell = format!("1-{level}：名称，年度指标值：≤90万元。");
        let p = parse_cell(&cell, O);
        assert!(p.problems.is_empty(), "{level}");
        assert_eq!(p.indicators[0].category, cat, "{level}");
        assert_eq!(p.indicators[0].category_raw, level);
        assert_eq!(parse_category(level).0, cat);
        assert_eq!(format_cell(&p.indicators), cell);
    }
}

#[test]
fn values_inside_cells() {
    let cell = "1-产出指标：推送，年度指标值：≥95%。2-效益指标：效果，年度指标值：效果明显。3-满意度指标：满意度，年度指标值：优:100% 良:90% 中:85% 差:85%。4-产出指标：空，年度指标值：。5-产出指标：时效，年度指标值：12月底前。";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty());
    let i = &p.indicators;
    assert_eq!(i[0].target.quantity().unwrap().op, Some(Comparator::Ge));
    assert_eq!(
        i[1].target,
        Target::Qualitative {
            text: "效果明显".into()
        }
    );
    assert!(matches!(i[2].target, Target::Graded(_)));
    assert_eq!(i[3].target, Target::Missing);
    assert_eq!(i[3].raw_value, "");
    assert!(i[4].target.is_qualitative());
    assert_eq!(format_cell(i), cell);
}

#[test]
fn missing_value_marker() {
    let cell = "1-产出指标：活动服务人数5000人次。2-产出指标：乙，年度指标值：3名。";
    let p = parse_cell(cell, O);
    assert_eq!(codes(&p.problems), ["value-marker-missing"]);
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].name, "活动服务人数5000人次");
    assert_eq!(p.indicators[0].target, Target::Missing);
    assert_eq!(p.indicators[0].terminator.as_deref(), Some("。"));
    assert_eq!(p.indicators[1].raw_value, "3名");
}

#[test]
fn nonstandard_markers_parse_but_are_reported() {
    for (cell, name, value) in [
        ("1-产出指标：甲,年度指标值:5个。", "甲", "5个"),
        ("1-产出指标：甲，年度指标值:5个。", "甲", "5个"),
        ("1-产出指标：甲，指标值：5个。", "甲", "5个"),
        ("1-产出指标：甲年度指标值：5个。", "甲", "5个"),
        ("1-产出指标:甲，年度指标值：5个。", "甲", "5个"),
    ] {
        let p = parse_cell(cell, O);
        assert_eq!(codes(&p.problems), ["marker-nonstandard"], "{cell}");
        assert_eq!(p.indicators[0].name, name, "{cell}");
        assert_eq!(p.indicators[0].raw_value, value, "{cell}");
    }
    // the first canonical marker wins over an earlier variant
    let p = parse_cell("1-产出指标：旧指标值：说明，年度指标值：5个", O);
    assert!(p.problems.is_empty());
    assert_eq!(p.indicators[0].name, "旧指标值：说明");
}

#[test]
fn leading_zero_seq_is_reported() {
    let p = parse_cell("01-产出指标：甲，年度指标值：5个。", O);
    assert_eq!(codes(&p.problems), ["seq-nonstandard"]);
    assert_eq!(p.indicators[0].seq, Some(1));
}

#[test]
fn item_start_needs_a_boundary_or_is_glued() {
    // `1-2个` is not an item start (no level follows)
    let p = parse_cell("1-产出指标：解决1-2个问题，年度指标值：2个", O);
    assert_eq!(p.indicators.len(), 1);
    // a start after a name character is glued: it still splits
    let p = parse_cell(
        "1-产出指标：甲，年度指标值：5个2-产出指标：乙，年度指标值：6个",
        O,
    );
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].terminator, None);
}

#[test]
fn spans_and_origin() {
    let cell = "1-产出指标：甲，年度指标值：5个。 2-效益指标：乙，年度指标值：6个";
    let p = parse_cell(cell, O);
    let a = p.indicators[0].span.unwrap();
    let b = p.indicators[1].span.unwrap();
    assert_eq!(&cell[a.range()], "1-产出指标：甲，年度指标值：5个。 ");
    assert_eq!(&cell[b.range()], "2-效益指标：乙，年度指标值：6个");
    assert_eq!(p.indicators[1].origin, O);
    assert_eq!(p.indicators[0].terminator.as_deref(), Some("。 "));
}

#[test]
fn canonical_rendering() {
    let cell = "1-产出指标：推送，年度指标值：发布新媒体推送100篇。2-满意度指标：满意度，年度指标值：不低于90%。3-效益指标：时效，年度指标值：维持时效 ≥1 年，4-成本指标：成本，年度指标值：控制在90万元以内";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty());
    let canon = format_cell_canonical(&p.indicators);
    assert_eq!(
        canon,
        "1-产出指标：推送，年度指标值：发布新媒体推送100篇。2-满意度指标：满意度，年度指标值：≥90%。3-效益指标：时效，年度指标值：维持时效≥1年。4-成本指标：成本，年度指标值：≤90万元。"
    );
    // the canonical text parses to the same targets
    let again = parse_cell(&canon, O);
    assert!(again.problems.is_empty());
    for (a, b) in p.indicators.iter().zip(&again.indicators) {
        let (qa, qb) = (a.target.quantity().unwrap(), b.target.quantity().unwrap());
        assert_eq!(
            (qa.op, qa.value, qa.unit.as_deref()),
            (qb.op, qb.value, qb.unit.as_deref())
        );
        assert_eq!(a.value_label, b.value_label);
    }
    assert_eq!(parse_value("80-90%").target.to_string(), "80-90%");
    assert_eq!(parse_value("效果明显").target.to_string(), "效果明显");
    assert_eq!(
        parse_value("优100%，良90%，中85%，差85%")
            .target
            .to_string(),
        "优:100% 良:90% 中:85% 差:85%"
    );
}

#[test]
fn format_numbers_items_without_seq() {
    let mut p = parse_cell(
        "1-产出指标：甲，年度指标值：5个。2-产出指标：乙，年度指标值：6个。",
        O,
    );
    for i in &mut p.indicators {
        i.seq = None;
    }
    p.indicators.swap(0, 1);
    assert_eq!(
        format_cell(&p.indicators),
        "1-产出指标：乙，年度指标值：6个。2-产出指标：甲，年度指标值：5个。"
    );
}

#[test]
fn unknown_level_at_the_expected_number_starts_an_item() {
    // A misspelt or invented 一级 (质量指标, 其他指标) at the number expected
    // next is an item of unknown category (the reviewer reports it), never
    // text glued onto the value before it.
    for cell in [
        "1-产出指标：活动服务人数，年度指标值：5000人次。2-质量指标：家庭探访个数，年度指标值：70个。",
        "1-产出指标：活动服务人数，年度指标值：5000人次2-质量指标：家庭探访个数，年度指标值：70个。",
    ] {
        let p = parse_cell(cell, O);
        assert_eq!(p.indicators.len(), 2, "{cell}");
        let (a, b) = (&p.indicators[0], &p.indicators[1]);
        assert_eq!(a.raw_value, "5000人次", "{cell}");
        assert_eq!((b.seq, b.category), (Some(2), Category::Unknown));
        assert_eq!(b.category_raw, "质量指标");
        assert_eq!((b.name.as_str(), b.raw_value.as_str()), ("家庭探访个数", "70个"));
        // Written back as read.
        assert_eq!(format_cell(&p.indicators), cell);
    }
    // As the first item, and a known category under another name.
    let p = parse_cell(
        "1-其他指标：甲，年度指标值：5个。2-产出：乙，年度指标值：6个。",
        O,
    );
    let cats: Vec<(Category, &str)> = p
        .indicators
        .iter()
        .map(|i| (i.category, i.category_raw.as_str()))
        .collect();
    assert_eq!(
        cats,
        [(Category::Unknown, "其他指标"), (Category::Output, "产出")]
    );
    assert!(p.problems.is_empty(), "{:?}", p.problems);
}

#[test]
fn unknown_level_elsewhere_is_text() {
    // Not at the number expected next, or not a level word: the text stays
    // inside the value or name it belongs to.
    for (cell, values) in [
        (
            "1-产出指标：甲，年度指标值：完成3-质量指标：检查。",
            vec!["完成3-质量指标：检查"],
        ),
        (
            "1-产出指标：甲，年度指标值：2-3场次。2-效益指标：乙，年度指标值：明显。",
            vec!["2-3场次", "明显"],
        ),
        (
            "1-产出指标：甲，年度指标值：第2-阶段：完成。",
            vec!["第2-阶段：完成"],
        ),
        // At the number expected next, but no value marker in its item.
        (
            "1-产出指标：甲，年度指标值：5个。2-产出指标：乙，年度指标值：完成3-质量指标：70个。3-效益指标：丙，年度指标值：明显。",
            vec!["5个", "完成3-质量指标：70个", "明显"],
        ),
    ] {
        let p = parse_cell(cell, O);
        let got: Vec<&str> = p.indicators.iter().map(|i| i.raw_value.as_str()).collect();
        assert_eq!(got, values, "{cell}");
    }
}

#[test]
fn another_level_name_round_trips() {
    // Found by the fuzzer: an item start under another name of a known level
    // (`产出`) is written back as written, so a clean cell formats to itself.
    for cell in [
        "1-产出：推送，年度指标值：≥95%。",
        "1-产出：推送，年庶指标值：≥95%。2-效益指标\u{f03c}：效果明显。3-满意度挡意度指标：满意度，年度指标值：优:1\0\0=000000(000≧00000000% 良:90% 中:85% 差:85%。4-成本指标：成本，年度指标值：控制在90万元以内",
    ] {
        let p = parse_cell(cell, O);
        if p.problems.is_empty() {
            assert_eq!(format_cell(&p.indicators), cell);
        }
        assert_eq!(p.indicators[0].category, Category::Output);
        assert_eq!(p.indicators[0].category_raw, "产出");
    }
    let p = parse_cell("1-产出：推送，年度指标值：≥95%。", O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
}

// ---- item markers in full-width digits or with another hyphen ----

#[test]
fn full_width_and_dash_item_markers_start_items() {
    for (cell, markers) in [
        (
            "1－产出指标：活动服务人数，年度指标值：5000人次。2－效益指标：实务经验文章，年度指标值：10篇。",
            [Some("1－"), Some("2－")],
        ),
        (
            "１-产出指标：活动服务人数，年度指标值：５０００人次。２-满意度指标：服务对象满意度，年度指标值：85%。",
            [Some("１-"), Some("２-")],
        ),
        (
            "１—产出指标：活动服务人数，年度指标值：5000人次。2–效益指标：实务经验文章，年度指标值：10篇。",
            [Some("１—"), Some("2–")],
        ),
        (
            "1‐产出指标：活动服务人数，年度指标值：5000人次。2﹣效益指标：实务经验文章，年度指标值：10篇",
            [Some("1‐"), Some("2﹣")],
        ),
        (
            "1-产出指标：活动服务人数，年度指标值：5000人次。２－效益指标：实务经验文章，年度指标值：10篇。",
            [None, Some("２－")],
        ),
    ] {
        let p = parse_cell(cell, O);
        assert!(p.problems.is_empty(), "{cell}: {:?}", p.problems);
        assert_eq!(p.indicators.len(), 2, "{cell}");
        let got: Vec<_> = p.indicators.iter().map(|i| i.seq_raw.as_deref()).collect();
        assert_eq!(got, markers, "{cell}");
        assert_eq!(p.indicators[0].seq, Some(1));
        assert_eq!(p.indicators[1].seq, Some(2));
        assert_eq!(p.indicators[0].name, "活动服务人数");
        assert!(matches!(p.indicators[0].target, Target::Quantitative(_)));
        // kept as written
        assert_eq!(format_cell(&p.indicators), cell);
        // the canonical form writes the plain marker
        assert!(format_cell_canonical(&p.indicators).starts_with("1-产出指标："));
    }
}

#[test]
fn full_width_marker_glued_to_the_previous_value() {
    let cell = "１－产出指标：活动服务人数，年度指标值：５０００人次２－效益指标：实务经验文章，年度指标值：10篇。";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].raw_value, "５０００人次");
    assert_eq!(p.indicators[0].terminator, None);
    assert_eq!(p.indicators[1].seq, Some(2));
    assert_eq!(p.indicators[1].seq_raw.as_deref(), Some("２－"));
    assert_eq!(format_cell(&p.indicators), cell);
}

#[test]
fn dash_in_a_name_is_no_item_start() {
    // `6—30岁` and `1－2个`: no level follows the dash
    let cell = "1-产出指标：服务6—30岁青少年，年度指标值：5000人次。2-效益指标：解决1－2个困难，年度指标值：100%。";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].name, "服务6—30岁青少年");
    assert_eq!(p.indicators[1].name, "解决1－2个困难");
}

#[test]
fn leading_zero_marker_is_kept_as_written() {
    let cell = "01-产出指标：活动服务人数，年度指标值：5000人次。";
    let p = parse_cell(cell, O);
    assert_eq!(codes(&p.problems), ["seq-nonstandard"]);
    assert_eq!(p.indicators[0].seq_raw.as_deref(), Some("01-"));
    assert_eq!(format_cell(&p.indicators), cell);
}

#[test]
fn a_stale_marker_is_not_written_for_another_number() {
    let mut p = parse_cell("１－产出指标：活动服务人数，年度指标值：5000人次。", O);
    p.indicators[0].seq = Some(3);
    assert_eq!(
        format_cell(&p.indicators),
        "3-产出指标：活动服务人数，年度指标值：5000人次。"
    );
}

// ---- `1、产出指标：`: an item number with an ideographic comma ----

#[test]
fn ideographic_comma_item_markers_start_items() {
    // Published tables write `1、产出指标：`; kept as written, written back so.
    for (cell, markers) in [
        (
            "1、产出指标：活动服务人数，年度指标值：5000人次。2、效益指标：实务经验文章，年度指标值：10篇。",
            [Some("1、"), Some("2、")],
        ),
        (
            "1-产出指标：活动服务人数，年度指标值：5000人次。2、满意度指标：服务对象满意度，年度指标值：85%。",
            [None, Some("2、")],
        ),
        (
            "１、产出指标：举办团、队干部培训，年度指标值：300人次；2、成本指标：培训成本，年度指标值：≤10万元",
            [Some("１、"), Some("2、")],
        ),
        // glued to the value before it (a missing terminator), like `2-`
        (
            "1、产出指标：活动服务人数，年度指标值：5000人次2、效益指标：实务经验文章，年度指标值：10篇。",
            [Some("1、"), Some("2、")],
        ),
    ] {
        let p = parse_cell(cell, O);
        assert!(p.problems.is_empty(), "{cell}: {:?}", p.problems);
        assert_eq!(p.indicators.len(), 2, "{cell}");
        let got: Vec<_> = p.indicators.iter().map(|i| i.seq_raw.as_deref()).collect();
        assert_eq!(got, markers, "{cell}");
        assert_eq!(p.indicators[0].seq, Some(1), "{cell}");
        assert_eq!(p.indicators[1].seq, Some(2), "{cell}");
        assert!(matches!(p.indicators[1].target, Target::Quantitative(_)));
        assert_eq!(format_cell(&p.indicators), cell);
        assert!(format_cell_canonical(&p.indicators).starts_with("1-产出指标："));
    }
    // the 、 inside a name is no marker
    let p = parse_cell("1、产出指标：举办团、队干部培训，年度指标值：300人次。", O);
    assert_eq!(p.indicators.len(), 1);
    assert_eq!(p.indicators[0].name, "举办团、队干部培训");
}

#[test]
fn ideographic_comma_needs_a_level_and_a_colon() {
    // Only before 一级 + 指标 + colon: `1、2个`, `3、质量指标：`, `2、产出：`
    // and `2、产出指标` without colon are text, in the name or the value.
    let cell = "1-产出指标：解决1、2个问题，年度指标值：完成1、2、3号楼。2、产出：某某，年度指标值：5个。3、质量指标：合格率，年度指标值：100%。4、产出指标 其他";
    let p = parse_cell(cell, O);
    assert_eq!(p.indicators.len(), 1, "{:?}", p.indicators);
    assert_eq!(p.indicators[0].name, "解决1、2个问题");
    assert!(p.indicators[0]
        .raw_value
        .starts_with("完成1、2、3号楼。2、产出："));
    assert_eq!(format_cell(&p.indicators), cell);
    // a seq_raw `、` is written only before a level it starts an item with
    let mut p = parse_cell("1、产出指标：活动服务人数，年度指标值：5000人次。", O);
    p.indicators[0].category_raw = "质量指标".into();
    assert_eq!(
        format_cell(&p.indicators),
        "1-质量指标：活动服务人数，年度指标值：5000人次。"
    );
}

// ---- `1.产出指标：`: an item number with a full stop (/tmp/ur12 defect 9) ----

#[test]
fn full_stop_item_markers_start_items() {
    // `1.` and `1．` as `1、`: before a 一级 named with 指标 and its colon,
    // kept as written and written back so; a decimal point stays a number.
    for (cell, markers) in [
        (
            "1.产出指标：培训人次，年度指标值：≥500人次。2.产出指标：培训合格率，年度指标值：≥95.5%。",
            [Some("1."), Some("2.")],
        ),
        (
            "1．产出指标：培训人次，年度指标值：≥500人次；2．满意度指标：学员满意度，年度指标值：≥90%",
            [Some("1．"), Some("2．")],
        ),
        // glued to the value before it (a missing terminator)
        (
            "1.产出指标：培训人次，年度指标值：≥500人次2.效益指标：就业率，年度指标值：≥60%。",
            [Some("1."), Some("2.")],
        ),
    ] {
        let p = parse_cell(cell, O);
        assert!(p.problems.is_empty(), "{cell}: {:?}", p.problems);
        let got: Vec<_> = p.indicators.iter().map(|i| i.seq_raw.as_deref()).collect();
        assert_eq!(got, markers, "{cell}");
        assert_eq!(p.indicators[1].seq, Some(2), "{cell}");
        assert_eq!(format_cell(&p.indicators), cell);
    }
    // Not before another word, nor without the colon: `3.5个`, `2.产出：`,
    // `3.质量指标：`, `4.产出指标 其他` stay text.
    let cell = "1-产出指标：完成3.5个，年度指标值：合格率98.5%。2.产出：某某，年度指标值：5个。3.质量指标：合格率，年度指标值：100%。4.产出指标 其他";
    let p = parse_cell(cell, O);
    assert_eq!(p.indicators.len(), 1, "{:?}", p.indicators);
    assert_eq!(p.indicators[0].name, "完成3.5个");
    assert_eq!(format_cell(&p.indicators), cell);
}

#[test]
fn a_second_level_after_the_first_in_the_item_head() {
    // The classic framework's two levels in one item head: the 二级 is kept,
    // the head written back as typed.
    let cell = "1-产出指标-数量指标：资助参保人数，年度指标值：≥12000人。\
                2-成本指标－经济成本指标：人均资助参保标准，年度指标值：≤350元/人。\
                3、满意度指标-服务对象满意度指标：救助对象满意度，年度指标值：≥90%。";
    let p = parse_cell(cell, O);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let got: Vec<_> = p
        .indicators
        .iter()
        .map(|i| {
            (
                i.category,
                i.category_raw.as_str(),
                i.subcategory.as_deref(),
                i.name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Category::Output,
                "产出指标-数量指标",
                Some("数量指标"),
                "资助参保人数"
            ),
            (
                Category::Cost,
                "成本指标－经济成本指标",
                Some("经济成本指标"),
                "人均资助参保标准"
            ),
            (
                Category::Satisfaction,
                "满意度指标-服务对象满意度指标",
                Some("服务对象满意度指标"),
                "救助对象满意度"
            ),
        ]
    );
    assert!(matches!(p.indicators[0].target, Target::Quantitative(_)));
    assert_eq!(p.indicators[2].seq_raw.as_deref(), Some("3、"));
    assert_eq!(format_cell(&p.indicators), cell);
    let canonical = format_cell_canonical(&p.indicators);
    assert!(
        canonical.starts_with("1-产出指标-数量指标：资助参保人数"),
        "{canonical}"
    );
    assert_eq!(parse_cell(&canonical, O).indicators.len(), 3);

    // Only a level word after the hyphen, and only with its colon: a name
    // holding a hyphen, or another word, is no 二级.
    let p = parse_cell("1-产出指标：A-数量指标完成率，年度指标值：100%。", O);
    assert_eq!(p.indicators.len(), 1);
    assert_eq!(p.indicators[0].subcategory, None);
    assert_eq!(p.indicators[0].category_raw, "产出指标");
    let p = parse_cell("1-产出指标-其他：甲，年度指标值：5个。", O);
    assert!(p.indicators.is_empty());
    assert_eq!(codes(&p.problems), ["no-items"]);
}

#[test]
fn one_indicator_a_line_without_item_numbers() {
    let cell = "产出指标-数量指标-资助参保人数：≥12000人\n\
                产出指标-质量指标-救助政策落实率：100%\r\n\
                效益指标-困难群众医疗负担：明显减轻。\n\
                满意度指标-服务对象满意度指标-救助对象满意度:≥90%\n";
    let p = parse_cell(cell, O);
    // Read, and said to be no standard form (it is written back as one).
    assert_eq!(codes(&p.problems), ["marker-nonstandard"]);
    let got: Vec<_> = p
        .indicators
        .iter()
        .map(|i| {
            (
                i.seq,
                i.category,
                i.subcategory.as_deref(),
                i.name.as_str(),
                i.raw_value.as_str(),
                i.terminator.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                None,
                Category::Output,
                Some("数量指标"),
                "资助参保人数",
                "≥12000人",
                Some("\n")
            ),
            (
                None,
                Category::Output,
                Some("质量指标"),
                "救助政策落实率",
                "100%",
                Some("\r\n")
            ),
            (
                None,
                Category::Outcome,
                None,
                "困难群众医疗负担",
                "明显减轻",
                Some("。\n")
            ),
            (
                None,
                Category::Satisfaction,
                Some("服务对象满意度指标"),
                "救助对象满意度",
                "≥90%",
                Some("\n")
            ),
        ]
    );
    assert!(matches!(p.indicators[0].target, Target::Quantitative(_)));
    // The spans tile the cell, line by line.
    let tiles: String = p
        .indicators
        .iter()
        .map(|i| &cell[i.span.unwrap().range()])
        .collect();
    assert_eq!(tiles, cell);
    // Written back in the standard form, which reads as the same items.
    let standard = format_cell(&p.indicators);
    assert!(
        standard.starts_with("1-产出指标-数量指标：资助参保人数，年度指标值：≥12000人"),
        "{standard}"
    );
    let again = parse_cell(&standard, O);
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    let names = |c: &jixiao_core::grammar::ParsedCell| -> Vec<String> {
        c.indicators
            .iter()
            .map(|i| format!("{}|{}|{}", i.category_raw, i.name, i.raw_value))
            .collect()
    };
    assert_eq!(names(&again), names(&p));

    // Only when every line reads so: a line of other text leaves the cell
    // without items, as before (never a partial reading).
    for cell in [
        "产出指标-数量指标-资助参保人数：≥12000人\n另附说明",
        "产出指标-资助参保人数≥12000人",
        "产出指标：资助参保人数：≥12000人",
        "其他指标-甲：5个",
    ] {
        let p = parse_cell(cell, O);
        assert!(p.indicators.is_empty(), "{cell}");
        assert_eq!(codes(&p.problems), ["no-items"], "{cell}");
    }
}
