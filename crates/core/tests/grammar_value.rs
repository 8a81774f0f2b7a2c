//! 年度指标值 parsing: every comparator spelling, ranges, units, labels,
//! qualitative, graded and missing values (GUIDE §2.3, §2.4, §3.9).

use jixiao_core::grammar::{format_value_canonical, parse_target_parts, parse_value, ParsedValue};
use jixiao_core::{Approx, Comparator, Magnitude, Quantity, Target};
use rust_decimal::Decimal;

fn q(raw: &str) -> (Option<String>, Quantity) {
    match parse_value(raw) {
        ParsedValue {
            label,
            target: Target::Quantitative(q),
        } => (label, q),
        other => panic!("`{raw}` is not quantitative: {other:?}"),
    }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Asserts op, op_raw, value (with its printed scale) and unit.
fn check(raw: &str, op: Option<Comparator>, op_raw: Option<&str>, value: &str, unit: Option<&str>) {
    let (_, got) = q(raw);
    assert_eq!(got.op, op, "op of `{raw}`");
    assert_eq!(got.op_raw.as_deref(), op_raw, "op_raw of `{raw}`");
    assert_eq!(got.value.to_string(), value, "value of `{raw}`");
    assert_eq!(got.value_hi, None, "value_hi of `{raw}`");
    assert_eq!(got.unit.as_deref(), unit, "unit of `{raw}`");
}

fn qualitative(raw: &str) -> String {
    match parse_value(raw) {
        ParsedValue {
            label: None,
            target: Target::Qualitative { text },
        } => text,
        other => panic!("`{raw}` is not qualitative: {other:?}"),
    }
}

#[test]
fn symbol_comparators() {
    use Comparator::*;
    let cases = [
        ("≥", Ge),
        (">=", Ge),
        ("＞＝", Ge),
        (">＝", Ge),
        ("≧", Ge),
        ("⩾", Ge),
        ("≤", Le),
        ("<=", Le),
        ("＜＝", Le),
        ("<＝", Le),
        ("≦", Le),
        ("⩽", Le),
        (">", Gt),
        ("＞", Gt),
        ("<", Lt),
        ("＜", Lt),
        ("=", Eq),
        ("＝", Eq),
    ];
    for (sym, op) in cases {
        check(&format!("{sym}95%"), Some(op), Some(sym), "95", Some("%"));
        check(
            &format!("{sym} 50 个"),
            Some(op),
            Some(sym),
            "50",
            Some("个"),
        );
    }
}

#[test]
fn word_comparators() {
    use Comparator::*;
    let cases = [
        ("不低于", Ge),
        ("不少于", Ge),
        ("不小于", Ge),
        ("至少", Ge),
        ("达到", Ge),
        ("高于", Gt),
        ("大于", Gt),
        ("多于", Gt),
        ("超过", Gt),
        ("不高于", Le),
        ("不超过", Le),
        ("不多于", Le),
        ("不大于", Le),
        ("最多", Le),
        ("低于", Lt),
        ("小于", Lt),
        ("少于", Lt),
        ("不足", Lt),
        ("不满", Lt),
        ("等于", Eq),
        ("大于等于", Ge),
        ("小于或等于", Le),
    ];
    for (word, op) in cases {
        check(&format!("{word}90%"), Some(op), Some(word), "90", Some("%"));
        let (label, got) = q(&format!("服务对象满意度{word}90%"));
        assert_eq!(label.as_deref(), Some("服务对象满意度"), "{word}");
        assert_eq!((got.op, got.op_raw.as_deref()), (Some(op), Some(word)));
    }
}

#[test]
fn suffix_comparators() {
    check(
        "100人次以上",
        Some(Comparator::Ge),
        Some("以上"),
        "100",
        Some("人次"),
    );
    check(
        "95%及以上",
        Some(Comparator::Ge),
        Some("及以上"),
        "95",
        Some("%"),
    );
    check(
        "90万元以内",
        Some(Comparator::Le),
        Some("以内"),
        "90",
        Some("万元"),
    );
    check("5%以下", Some(Comparator::Le), Some("以下"), "5", Some("%"));
    check(
        "3个工作日内",
        Some(Comparator::Le),
        Some("内"),
        "3",
        Some("个工作日"),
    );
    check(
        "控制在90万元以内",
        Some(Comparator::Le),
        Some("控制在…以内"),
        "90",
        Some("万元"),
    );
    check(
        "控制在90万元",
        Some(Comparator::Le),
        Some("控制在"),
        "90",
        Some("万元"),
    );
    check(
        "不少于20场以上",
        Some(Comparator::Ge),
        Some("不少于…以上"),
        "20",
        Some("场"),
    );
}

#[test]
fn operator_after_label() {
    let (label, got) = q("维持时效 ≥1 年");
    assert_eq!(label.as_deref(), Some("维持时效"));
    assert_eq!(got.op, Some(Comparator::Ge));
    assert_eq!(got.op_raw.as_deref(), Some("≥"));
    assert_eq!(got.value, d("1"));
    assert_eq!(got.unit.as_deref(), Some("年"));
    let (label, got) = q("满意度：≥95%");
    assert_eq!(label.as_deref(), Some("满意度"));
    assert_eq!(got.op, Some(Comparator::Ge));
}

#[test]
fn bare_and_fused_values() {
    check("5000人次", None, None, "5000", Some("人次"));
    check("≥95%", Some(Comparator::Ge), Some("≥"), "95", Some("%"));
    check(
        "≤90万元",
        Some(Comparator::Le),
        Some("≤"),
        "90",
        Some("万元"),
    );
    check("=8个", Some(Comparator::Eq), Some("="), "8", Some("个"));
    check(">92%", Some(Comparator::Gt), Some(">"), "92", Some("%"));
    check("开设课程数量 220", None, None, "220", None);
    check("220", None, None, "220", None);
    check("0.5", None, None, "0.5", None);
    check("98.50%", None, None, "98.50", Some("%"));
    check("3,309,840.00元", None, None, "3309840.00", Some("元"));
    check("-5%", None, None, "-5", Some("%"));
    check("≥-5%", Some(Comparator::Ge), Some("≥"), "-5", Some("%"));
}

#[test]
fn units() {
    for unit in [
        "人次",
        "个",
        "篇",
        "名",
        "场",
        "人",
        "户",
        "平方米",
        "公里",
        "万元",
        "元",
        "人/年",
        "元/人",
        "年",
        "月",
        "天",
        "次",
        "项",
        "场次",
        "批次",
        "台",
        "套",
        "期",
        "‰",
    ] {
        check(&format!("12{unit}"), None, None, "12", Some(unit));
    }
    check(
        "≥100百分比",
        Some(Comparator::Ge),
        Some("≥"),
        "100",
        Some("%"),
    );
    check("95％", None, None, "95", Some("%"));
    check(
        "≥1 人/年",
        Some(Comparator::Ge),
        Some("≥"),
        "1",
        Some("人/年"),
    );
    check("1 人 / 年", None, None, "1", Some("人/年"));
    check("2元／人", None, None, "2", Some("元/人"));
    check("≤5ｋｍ", Some(Comparator::Le), Some("≤"), "5", Some("km"));
    check(
        "不低于百分之90",
        Some(Comparator::Ge),
        Some("不低于"),
        "90",
        Some("%"),
    );
}

#[test]
fn full_width_forms() {
    check("１００％", None, None, "100", Some("%"));
    check(
        "＞＝95％",
        Some(Comparator::Ge),
        Some("＞＝"),
        "95",
        Some("%"),
    );
    check(
        "≥９８．５％",
        Some(Comparator::Ge),
        Some("≥"),
        "98.5",
        Some("%"),
    );
}

#[test]
fn labels() {
    let (label, got) = q("发布新媒体推送100篇");
    assert_eq!(label.as_deref(), Some("发布新媒体推送"));
    assert_eq!((got.value, got.unit.as_deref()), (d("100"), Some("篇")));
    let (label, got) = q("完成率100%");
    assert_eq!(label.as_deref(), Some("完成率"));
    assert_eq!((got.value, got.unit.as_deref()), (d("100"), Some("%")));
    let (label, got) = q("服务对象满意度85%");
    assert_eq!(label.as_deref(), Some("服务对象满意度"));
    assert_eq!(got.value, d("85"));
    let (label, got) = q("2024年完成率100%");
    assert_eq!(label.as_deref(), Some("2024年完成率"));
    assert_eq!(got.value, d("100"));
    let (label, _) = q("  5000人次  ");
    assert_eq!(label, None);
}

#[test]
fn ranges() {
    for (raw, sep) in [
        ("80-90%", "-"),
        ("80～90%", "～"),
        ("80~90%", "~"),
        ("80—90%", "—"),
        ("80至90%", "至"),
        ("80%-90%", "-"),
        ("80 - 90 %", "-"),
    ] {
        let (label, got) = q(raw);
        assert_eq!(label, None, "{raw}");
        assert_eq!(got.op, Some(Comparator::Range), "{raw}");
        assert_eq!(got.op_raw.as_deref(), Some(sep), "{raw}");
        assert_eq!(got.value, d("80"), "{raw}");
        assert_eq!(got.value_hi, Some(d("90")), "{raw}");
        assert_eq!(got.unit.as_deref(), Some("%"), "{raw}");
    }
    let (_, got) = q("1-2个");
    assert_eq!((got.value, got.value_hi), (d("1"), Some(d("2"))));
    let (label, got) = q("年龄6—30岁");
    assert_eq!(label.as_deref(), Some("年龄"));
    assert_eq!(
        (got.value, got.value_hi, got.unit.as_deref()),
        (d("6"), Some(d("30")), Some("岁"))
    );
    // a descending pair is not a range
    qualitative("2024-12");
}

#[test]
fn qualitative_values() {
    for raw in [
        "效果明显",
        "明显改善",
        "有效提升",
        "有所提升",
        "按计划实施",
        "合规",
        "及时",
        "不超预算",
        "达成年度指标",
        "12月底前",
        "2024年12月31日前",
        "6月30日前完成",
        "2024年底",
        "100%完成",
        "≥95%，≤100%",
        "—",
        "控制在90以上以内",
        "5天内内",
    ] {
        assert_eq!(qualitative(raw), raw);
    }
    assert_eq!(qualitative("  效果明显 "), "效果明显");
}

#[test]
fn huge_numbers_do_not_panic() {
    let raw = "999999999999999999999999999999999999999个";
    assert_eq!(qualitative(raw), raw);
    let raw = "0.00000000000000000000000000000000001%";
    assert_eq!(qualitative(raw), raw);
    let long = "9".repeat(500);
    assert!(parse_value(&long).target.is_qualitative());
}

#[test]
fn missing_values() {
    assert_eq!(parse_value("").target, Target::Missing);
    assert_eq!(parse_value(" \u{3000}\n").target, Target::Missing);
    assert_eq!(parse_value("").label, None);
}

#[test]
fn graded_values() {
    for raw in [
        "优:100% 良:90% 中:85% 差:85%",
        "优100%，良90%，中85%，差85%",
        "优：100%；良：90%；中：85%；差：85%",
        "优为100%、良为90%、中为85%、差为85%",
    ] {
        let pv = parse_value(raw);
        let Target::Graded(g) = &pv.target else {
            panic!("`{raw}` not graded: {pv:?}")
        };
        assert_eq!(pv.label, None);
        assert_eq!(g.you.value, d("100"), "{raw}");
        assert_eq!(g.liang.value, d("90"), "{raw}");
        assert_eq!(g.zhong.value, d("85"), "{raw}");
        assert_eq!(g.cha.as_ref().map(|c| c.value), Some(d("85")), "{raw}");
        assert_eq!(g.you.unit.as_deref(), Some("%"), "{raw}");
    }
    let pv = parse_value("满意度 优≥95% 良≥85% 中≥75%");
    let Target::Graded(g) = &pv.target else {
        panic!("{pv:?}")
    };
    assert_eq!(pv.label.as_deref(), Some("满意度"));
    assert_eq!(g.you.op, Some(Comparator::Ge));
    assert_eq!(g.zhong.value, d("75"));
    assert_eq!(g.cha, None);
    // 优良率 is a name, not a grade
    let (label, got) = q("优良率≥95%");
    assert_eq!(label.as_deref(), Some("优良率"));
    assert_eq!(got.value, d("95"));
    // grades out of order are not graded
    assert!(parse_value("良90% 优100% 中85%").target.is_qualitative());
}

#[test]
fn target_parts_for_row_layouts() {
    let pv = parse_target_parts(Some("≥"), "95", Some("%"));
    let Target::Quantitative(got) = pv.target else {
        panic!()
    };
    assert_eq!(
        (got.op, got.op_raw.as_deref()),
        (Some(Comparator::Ge), Some("≥"))
    );
    assert_eq!((got.value, got.unit.as_deref()), (d("95"), Some("%")));

    let pv = parse_target_parts(Some(">="), "100", Some("百分比"));
    let Target::Quantitative(got) = pv.target else {
        panic!()
    };
    assert_eq!(
        (got.op, got.op_raw.as_deref()),
        (Some(Comparator::Ge), Some(">="))
    );
    assert_eq!(got.unit.as_deref(), Some("%"));

    // a unit in the value wins over the unit column; an op in the value wins too
    let pv = parse_target_parts(Some("="), "≤230人", Some("个"));
    let Target::Quantitative(got) = pv.target else {
        panic!()
    };
    assert_eq!(
        (got.op, got.unit.as_deref()),
        (Some(Comparator::Le), Some("人"))
    );

    // 定性 / 定量 / 正向 set no comparator
    for op in ["定性", "定量", "正向", ""] {
        let pv = parse_target_parts(Some(op), "50", Some("个"));
        let Target::Quantitative(got) = pv.target else {
            panic!()
        };
        assert_eq!(got.op, None, "{op}");
        assert_eq!(got.unit.as_deref(), Some("个"));
    }
    let pv = parse_target_parts(Some("定性"), "效果明显", None);
    assert_eq!(
        pv.target,
        Target::Qualitative {
            text: "效果明显".into()
        }
    );
    assert_eq!(
        parse_target_parts(Some("≥"), "", Some("%")).target,
        Target::Missing
    );
    // suffix comparator in the unit column
    let pv = parse_target_parts(None, "95", Some("%以上"));
    let Target::Quantitative(got) = pv.target else {
        panic!()
    };
    assert_eq!(
        (got.op, got.unit.as_deref()),
        (Some(Comparator::Ge), Some("%"))
    );
    // a range never takes the column comparator
    let pv = parse_target_parts(Some("≥"), "80-90", Some("%"));
    let Target::Quantitative(got) = pv.target else {
        panic!()
    };
    assert_eq!(got.op, Some(Comparator::Range));
}

// ---- magnitudes (万 亿 千) and approximations (余 多 左右) ----

/// (value as printed, magnitude, approximation, unit, scaled value)
fn mq(
    raw: &str,
) -> (
    String,
    Option<Magnitude>,
    Option<Approx>,
    Option<String>,
    String,
) {
    let (_, got) = q(raw);
    let scaled = got.scaled().unwrap().normalize().to_string();
    (
        got.value.to_string(),
        got.magnitude,
        got.approx,
        got.unit,
        scaled,
    )
}

#[test]
fn magnitude_is_not_part_of_the_unit() {
    use Magnitude::*;
    let u = |s: &str| Some(s.to_string());
    for (raw, want) in [
        ("2万人次", ("2", Some(Wan), None, u("人次"), "20000")),
        ("0.5万人次", ("0.5", Some(Wan), None, u("人次"), "5000")),
        ("１.２万人次", ("1.2", Some(Wan), None, u("人次"), "12000")),
        ("1.5亿人次", ("1.5", Some(Yi), None, u("人次"), "150000000")),
        ("3千人", ("3", Some(Qian), None, u("人"), "3000")),
        ("2十万册", ("2", Some(ShiWan), None, u("册"), "200000")),
        ("5百万人次", ("5", Some(BaiWan), None, u("人次"), "5000000")),
        ("2万", ("2", Some(Wan), None, None, "20000")),
        ("2万平方米", ("2", Some(Wan), None, u("平方米"), "20000")),
    ] {
        let (v, m, a, un, s) = want;
        assert_eq!(mq(raw), (v.to_string(), m, a, un, s.to_string()), "{raw}");
    }
}

#[test]
fn money_and_metric_units_keep_their_prefix() {
    for (raw, unit) in [
        ("50万元", "万元"),
        ("≤90万元", "万元"),
        ("2亿元", "亿元"),
        ("3千元", "千元"),
        ("1.5万元/人", "万元/人"),
        ("5千米", "千米"),
        ("10千克", "千克"),
        ("200千瓦时", "千瓦时"),
        ("≥100百分比", "%"),
        ("5人/万人", "人/万人"),
    ] {
        let (_, got) = q(raw);
        assert_eq!(got.unit.as_deref(), Some(unit), "{raw}");
        assert_eq!(got.magnitude, None, "{raw}");
        assert_eq!(got.scaled(), Some(got.value), "{raw}");
    }
}

#[test]
fn more_than_and_about_are_approximations() {
    use Approx::*;
    use Magnitude::*;
    let u = |s: &str| Some(s.to_string());
    for (raw, want) in [
        ("20000余人次", ("20000", None, Some(Yu), u("人次"), "20000")),
        ("2万余人次", ("2", Some(Wan), Some(Yu), u("人次"), "20000")),
        ("10余万人", ("10", Some(Wan), Some(Yu), u("人"), "100000")),
        ("300多名", ("300", None, Some(Duo), u("名"), "300")),
        (
            "1.5万多人次",
            ("1.5", Some(Wan), Some(Duo), u("人次"), "15000"),
        ),
        ("20余", ("20", None, Some(Yu), None, "20")),
        (
            "5000人次左右",
            ("5000", None, Some(ZuoYou), u("人次"), "5000"),
        ),
        ("10余万元", ("10", None, Some(Yu), u("万元"), "10")),
        ("5万余元", ("5", None, Some(Yu), u("万元"), "5")),
        // 千万元 with 余 inside reads like 3千万元: one money unit, 千万元.
        ("3千余万元", ("3", None, Some(Yu), u("千万元"), "3")),
        // A bracketed unit after a magnitude or 余.
        ("2万（人次）", ("2", Some(Wan), None, u("人次"), "20000")),
        (
            "5000余（人次）",
            ("5000", None, Some(Yu), u("人次"), "5000"),
        ),
        ("3千万元", ("3", None, None, u("千万元"), "3")),
    ] {
        let (v, m, a, un, s) = want;
        assert_eq!(mq(raw), (v.to_string(), m, a, un, s.to_string()), "{raw}");
        // not a comparator: the value states none
        let (_, got) = q(raw);
        assert_eq!(got.op, None, "{raw}");
    }
    // with a comparator and a range
    let (_, got) = q("≥2万人次以上");
    assert_eq!((got.op, got.magnitude), (Some(Comparator::Ge), Some(Wan)));
    let (_, got) = q("1-2万人次");
    assert_eq!(got.op, Some(Comparator::Range));
    assert_eq!(
        (got.scaled(), got.scaled_hi()),
        (Some(d("10000")), Some(d("20000")))
    );
    assert_eq!(got.unit.as_deref(), Some("人次"));
    let (_, got) = q("1万-2万人次");
    assert_eq!((got.value_hi, got.magnitude), (Some(d("2")), Some(Wan)));
    // two approximations or a magnitude with a percentage are wording
    qualitative("2余万多人次");
    qualitative("5万%");
    // found by the fuzz target: `万百分比` displayed as `万%`, which reads as wording
    qualitative("033333万百分比内");
    qualitative("90余百分比");
    qualitative("20余人次左右");
}

#[test]
fn about_before_the_number_is_an_approximation() {
    // `约300人次` is about 300 人次: an approximation written before the
    // number, not a label (which made `value-prefixed` report 「约」). No
    // comparator either: `operator-missing` still applies.
    let ge = Some(Comparator::Ge);
    let range = Some(Comparator::Range);
    // (as written, label, op, value, unit, approximation, shown)
    for (raw, label, op, value, unit, approx, shown) in [
        ("约300人次", None, None, "300", "人次", "约", "约300人次"),
        ("约5000人次", None, None, "5000", "人次", "约", "约5000人次"),
        (
            "大约300人次",
            None,
            None,
            "300",
            "人次",
            "大约",
            "大约300人次",
        ),
        ("约95%", None, None, "95", "%", "约", "约95%"),
        ("≥约90%", None, ge, "90", "%", "约", "≥约90%"),
        ("不低于约90%", None, ge, "90", "%", "约", "≥约90%"),
        ("约 300 人次", None, None, "300", "人次", "约", "约300人次"),
        ("约百分之90", None, None, "90", "%", "约", "约90%"),
        ("约2万人次", None, None, "2", "人次", "约", "约2万人次"),
        ("约80-90%", None, range, "80", "%", "约", "约80-90%"),
        ("约-5%", None, None, "-5", "%", "约", "约-5%"),
        // a label, then 约 after a colon or a space
        (
            "服务人次：约300人次",
            Some("服务人次"),
            None,
            "300",
            "人次",
            "约",
            "约300人次",
        ),
        (
            "服务人次 大约300人次",
            Some("服务人次"),
            None,
            "300",
            "人次",
            "大约",
            "大约300人次",
        ),
        (
            "满意度≥约90%",
            Some("满意度"),
            ge,
            "90",
            "%",
            "约",
            "≥约90%",
        ),
    ] {
        let (got_label, got) = q(raw);
        assert_eq!(got_label.as_deref(), label, "label of {raw}");
        assert_eq!(got.op, op, "op of {raw}");
        assert_eq!(got.value.to_string(), value, "value of {raw}");
        assert_eq!(got.unit.as_deref(), Some(unit), "unit of {raw}");
        assert_eq!(got.approx.map(Approx::as_str), Some(approx), "{raw}");
        assert!(!got.approx.is_some_and(Approx::more_than), "{raw}");
        assert_eq!(got.to_string(), shown, "{raw}");
        // read back the same (the comparator in its canonical spelling)
        let back = Quantity {
            op_raw: got.op_raw.clone(),
            ..q(shown).1
        };
        assert_eq!(back, got, "{raw} → {shown}");
    }
    // 约 ending a word is the word's (节约 saving, 预约 booking, 签约
    // signing): the label, as before
    for (raw, label) in [
        ("节约300万元", "节约"),
        ("预约300人次", "预约"),
        ("签约100户", "签约"),
        ("大大约300人次", "大大约"),
    ] {
        let (got_label, got) = q(raw);
        assert_eq!(got_label.as_deref(), Some(label), "{raw}");
        assert_eq!(got.approx, None, "{raw}");
    }
    // with 左右 the 约 stays a label; with 余 the two are one approximation
    // (about_and_more_than_together_are_one_approximation)
    let (got_label, got) = q("约5000人次左右");
    assert_eq!(
        (got_label.as_deref(), got.approx),
        (Some("约"), Some(Approx::ZuoYou))
    );
    let (got_label, got) = q("约300余人");
    assert_eq!(
        (got_label.as_deref(), got.approx),
        (None, Some(Approx::YueYu))
    );
    // alone it is wording, as before
    qualitative("约");
    qualitative("约为");
    // the canonical value sets it apart from a label by a colon, so that it
    // reads back (glued, `服务人次约` would be the label)
    for raw in [
        "服务人次：约300人次",
        "服务人次约 300人次",
        "服务人次 大约300人次",
    ] {
        let pv = parse_value(raw);
        let text = format_value_canonical(pv.label.as_deref(), &pv.target);
        assert_eq!(parse_value(&text), pv, "{raw} → {text}");
    }
    assert_eq!(
        format_value_canonical(Some("服务人次"), &parse_value("约300人次").target),
        "服务人次：约300人次"
    );
    assert_eq!(
        format_value_canonical(Some("满意度"), &parse_value("≥约90%").target),
        "满意度≥约90%"
    );
    // in separate columns (row layouts)
    let pv = parse_target_parts(Some("≥"), "约90", Some("%"));
    let Target::Quantitative(got) = pv.target else {
        panic!("{pv:?}")
    };
    assert_eq!(
        (got.op, got.approx, got.unit.as_deref()),
        (Some(Comparator::Ge), Some(Approx::Yue), Some("%"))
    );
}

#[test]
fn magnitudes_and_approximations_display_and_parse_back() {
    for raw in [
        "2万人次",
        "≥2万余人次",
        "10余万人",
        "5000人次左右",
        "10余万元",
        "1-2万人次",
        "300多名",
        "5000人次（全年）",
    ] {
        let (_, got) = q(raw);
        let text = got.to_string();
        let (_, back) = q(&text);
        assert_eq!(back, got, "{raw} → {text}");
    }
    assert_eq!(q("10余万人").1.to_string(), "10万余人");
    assert_eq!(q("5万余元").1.to_string(), "5余万元");
}

#[test]
fn more_than_inside_ten_million_yuan_displays_as_written() {
    // 千万元 with 余/多 is written 千余万元 (`3千余万元`, 30-odd million yuan);
    // the display wrote `3余千万元`. Both read as 3 in 千万元 with 余.
    for (raw, shown) in [
        ("3千余万元", "3千余万元"),
        ("≥3千多万元", "≥3千多万元"),
        ("3余千万元", "3千余万元"),
        ("1-3千余万元", "1-3千余万元"),
    ] {
        let (_, got) = q(raw);
        assert_eq!(got.unit.as_deref(), Some("千万元"), "{raw}");
        assert!(got.approx.is_some_and(Approx::more_than), "{raw}");
        assert_eq!(got.to_string(), shown, "{raw}");
        assert_eq!(q(shown).1, got, "{raw} → {shown}");
    }
}

#[test]
fn unit_column_magnitude_is_split_too() {
    let pv = parse_target_parts(Some("≥"), "2", Some("万人次"));
    let Target::Quantitative(got) = pv.target else {
        panic!("{pv:?}")
    };
    assert_eq!(got.unit.as_deref(), Some("人次"));
    assert_eq!(got.magnitude, Some(Magnitude::Wan));
    assert_eq!(got.scaled(), Some(d("20000")));
    let pv = parse_target_parts(Some("≤"), "50", Some("万元"));
    let Target::Quantitative(got) = pv.target else {
        panic!("{pv:?}")
    };
    assert_eq!((got.unit.as_deref(), got.magnitude), (Some("万元"), None));
}

// ---- a bracket after the value ----

#[test]
fn bracketed_unit_is_the_unit() {
    for (raw, op, unit) in [
        ("≥5000（人次）", Some(Comparator::Ge), "人次"),
        ("5000(人次)", None, "人次"),
        ("≥90（%）", Some(Comparator::Ge), "%"),
        ("≥12（次/年）", Some(Comparator::Ge), "次/年"),
        ("30（个工作日）", None, "个工作日"),
        ("≥5（km）", Some(Comparator::Ge), "km"),
    ] {
        let (label, got) = q(raw);
        assert_eq!(label, None, "{raw}");
        assert_eq!((got.op, got.unit.as_deref()), (op, Some(unit)), "{raw}");
        assert_eq!(got.note, None, "{raw}");
    }
    let (_, got) = q("≥2（万人次）");
    assert_eq!(
        (got.magnitude, got.unit.as_deref()),
        (Some(Magnitude::Wan), Some("人次"))
    );
}

#[test]
fn other_bracketed_text_is_a_note() {
    for (raw, value, unit, note) in [
        ("5000人次（全年）", "5000", Some("人次"), "（全年）"),
        ("≥90%（正向）", "90", Some("%"), "（正向）"),
        ("≥95%（含95%）", "95", Some("%"), "（含95%）"),
        ("100%（2024年）", "100", Some("%"), "（2024年）"),
        ("≥5000（全年）", "5000", None, "（全年）"),
        ("≥5000 (累计)", "5000", None, "(累计)"),
        ("5000人次（人次）", "5000", Some("人次"), "（人次）"),
        ("发布新媒体推送100篇（暂定）", "100", Some("篇"), "（暂定）"),
    ] {
        let (_, got) = q(raw);
        assert_eq!(got.value.to_string(), value, "{raw}");
        assert_eq!(got.unit.as_deref(), unit, "{raw}");
        assert_eq!(got.note.as_deref(), Some(note), "{raw}");
    }
    // no number before the bracket, or brackets inside it: wording as before
    qualitative("按计划完成（12月底前）");
    qualitative("≥5000（人次（全年））");
    qualitative("≥5000（人次）（全年）");
}

#[test]
fn dates_are_deadlines_not_numbers() {
    // A date is wording like `12月底前`: no 31 日, no label 「2024年12月」.
    for v in [
        "2024年6月",
        "2024年12月31日",
        "2024.12",
        "2024-12-31",
        "2024/6/30",
        "2024年12月31日前",
        "2024年6月之前",
        "2024年12月底前",
        "≤2024年12月31日",
        "≤ 2024.12",
        "2024年1月-2024年6月",
    ] {
        let pv = parse_value(v);
        assert_eq!(pv.label, None, "{v}");
        assert_eq!(pv.target, Target::Qualitative { text: v.into() }, "{v}");
        let pv = parse_target_parts(Some("≤"), v, None);
        assert!(pv.target.is_qualitative(), "{v} | ≤");
    }
    // Numbers stay numbers: durations, counts, a decimal that is no month.
    for v in [
        "12月",
        "≤12个月",
        "3年",
        "2024人次",
        "2024.125",
        "2024.13",
        "≥2024",
    ] {
        assert!(parse_value(v).target.quantity().is_some(), "{v}");
    }
}

#[test]
fn a_date_without_year_and_a_number_beside_its_unit() {
    // Month and day alone are a deadline too; a month alone may be a duration.
    for v in ["6月30日", "6月30日前", "12月31号以前", "≤6月30日"] {
        assert_eq!(
            parse_value(v).target,
            Target::Qualitative { text: v.into() },
            "{v}"
        );
    }
    assert!(matches!(
        parse_value("≤12月").target,
        Target::Quantitative(_)
    ));
    // A bare number that could read as a date is the number when its
    // 度量单位 column names no date's unit (a row layout).
    for (value, unit, number) in [
        ("2023.5", "亩", "2023.5"),
        ("2024.10", "万元", "2024.10"),
        ("2010.08", "吨", "2010.08"),
    ] {
        let pv = parse_target_parts(Some("≥"), value, Some(unit));
        match pv.target {
            Target::Quantitative(q) => {
                assert_eq!(q.value.to_string(), number, "{value}");
                assert_eq!(q.unit.as_deref(), Some(unit), "{value}");
            }
            other => panic!("{value} {unit}: {other:?}"),
        }
    }
    // Beside no unit, or a date's, it stays a date.
    for unit in [None, Some("年月"), Some("")] {
        assert!(
            matches!(
                parse_target_parts(Some("≤"), "2024.12", unit).target,
                Target::Qualitative { .. }
            ),
            "{unit:?}"
        );
    }
}

#[test]
fn a_quarter_and_a_fiscal_year_are_deadlines() {
    for v in ["第4季度", "第4季度前", "2024年度", "2024年度内", "≤第3季度"] {
        assert_eq!(
            parse_value(v).target,
            Target::Qualitative { text: v.into() },
            "{v}"
        );
    }
    // Not a quarter: a count of seasons, or a fifth one.
    assert!(matches!(
        parse_value("≥4季度").target,
        Target::Quantitative(_)
    ));
    assert!(matches!(
        parse_value("第5季度").target,
        Target::Quantitative(_)
    ));
}

#[test]
fn a_span_of_years_is_a_period_not_a_range() {
    // `2023-2024学年` was the range 2023–2024 in the unit 学年: a school or
    // fiscal year is a period, a deadline kept as wording like `2024年度`.
    for v in [
        "2023-2024学年",
        "2023—2024学年度",
        "2023－2024学年",
        "2023～2024学年度",
        "2023至2024学年",
        "2023 - 2024 学年",
        "2023-24学年",
        "2024-2025年度",
        "2024-2025年度内",
        "2023-2025年",
        "2024-2025学年底前",
        "≤2024-2025学年",
        "于2023-2024学年内",
        "2023学年",
        "2023学年度",
    ] {
        let pv = parse_value(v);
        assert_eq!(pv.label, None, "{v}");
        assert_eq!(pv.target, Target::Qualitative { text: v.into() }, "{v}");
        assert!(parse_target_parts(Some("≤"), v, None)
            .target
            .is_qualitative());
    }
    // Real ranges and counts stay numbers: not years, no year word, the
    // years the wrong way round, or more after the year word.
    for (v, lo, hi, unit) in [
        ("2000-3000人", "2000", "3000", "人"),
        ("85%-90%", "85", "90", "%"),
        ("80-90%", "80", "90", "%"),
        ("2000-3000年", "2000", "3000", "年"),
        ("2023-2024人次", "2023", "2024", "人次"),
        ("1800-1801年", "1800", "1801", "年"),
        ("2024-2025个", "2024", "2025", "个"),
    ] {
        let (label, got) = q(v);
        assert_eq!(label, None, "{v}");
        assert_eq!(got.op, Some(Comparator::Range), "{v}");
        assert_eq!(
            (got.value.to_string(), got.value_hi.map(|h| h.to_string())),
            (lo.to_string(), Some(hi.to_string())),
            "{v}"
        );
        assert_eq!(got.unit.as_deref(), Some(unit), "{v}");
    }
    for v in ["2025-2024学年", "2023-25学年", "2023-2024学年开展活动"] {
        assert!(!jixiao_core::grammar::is_date_value(v), "{v} is no period");
    }
}

#[test]
fn a_plus_sign_is_the_numbers_not_a_label() {
    // `+10%` (an increase, 增长率 +10%) was 10 % with the label 「+」. The sign
    // belongs to the number as `-5%`'s does: the number 10, no label; the
    // value as written keeps the `+`.
    for (raw, op, shown) in [
        ("+10%", None, "10%"),
        ("＋10%", None, "10%"),
        ("+ 10%", None, "10%"),
        ("≥+10%", Some(Comparator::Ge), "≥10%"),
        ("不低于+5%", Some(Comparator::Ge), "≥5%"),
        ("+2.5个百分点", None, "2.5个百分点"),
        ("约+10%", None, "约10%"),
    ] {
        let (label, got) = q(raw);
        assert_eq!(label, None, "label of {raw}");
        assert_eq!(got.op, op, "op of {raw}");
        assert!(got.value > Decimal::ZERO, "{raw}: {}", got.value);
        assert_eq!(got.to_string(), shown, "{raw}");
        // the canonical text reads back the same
        let back = Quantity {
            op_raw: got.op_raw.clone(),
            ..q(shown).1
        };
        assert_eq!(back, got, "{raw} → {shown}");
    }
    // as before: a minus is a negative number, 下降 a label; a plus between
    // numbers is no sign
    assert_eq!(q("-5%").1.value, d("-5"));
    assert_eq!(q("下降5%").0.as_deref(), Some("下降"));
    assert_eq!(q("≥-5%").1.value, d("-5"));
    assert_eq!(q("5+10%").0.as_deref(), Some("5+"));
    // after a word, the word is the label (as 下降 in `下降5%`)
    let (label, got) = q("增长+10%");
    assert_eq!((label.as_deref(), got.value), (Some("增长"), d("10")));
    // a range with a plus before it
    let (label, got) = q("+10-20%");
    assert_eq!(label, None);
    assert_eq!((got.value, got.value_hi), (d("10"), Some(d("20"))));
    assert_eq!(got.to_string(), "10-20%");
}

#[test]
fn about_and_more_than_together_are_one_approximation() {
    // `约300余人次` was 300 余 人次 with the label 「约」 (value-prefixed):
    // about, more than 300 人次. 约/大约 before the number and 余/多 after it
    // are one approximation; the canonical text writes both where they stand.
    for (raw, value, magnitude, unit, approx, shown) in [
        (
            "约300余人次",
            "300",
            None,
            "人次",
            Approx::YueYu,
            "约300余人次",
        ),
        (
            "约300多人次",
            "300",
            None,
            "人次",
            Approx::YueDuo,
            "约300多人次",
        ),
        (
            "大约300多名",
            "300",
            None,
            "名",
            Approx::DaYueDuo,
            "大约300多名",
        ),
        (
            "大约2万余人次",
            "2",
            Some(Magnitude::Wan),
            "人次",
            Approx::DaYueYu,
            "大约2万余人次",
        ),
        (
            "约 300 余人次",
            "300",
            None,
            "人次",
            Approx::YueYu,
            "约300余人次",
        ),
        // a negative number too (found by grammar_props: `约-1余` was wording)
        ("约-5余个", "-5", None, "个", Approx::YueYu, "约-5余个"),
        (
            "约3千余万元",
            "3",
            None,
            "千万元",
            Approx::YueYu,
            "约3千余万元",
        ),
    ] {
        let (label, got) = q(raw);
        assert_eq!(label, None, "label of {raw}");
        assert_eq!(got.op, None, "{raw}");
        assert_eq!(got.value.to_string(), value, "{raw}");
        assert_eq!(got.magnitude, magnitude, "{raw}");
        assert_eq!(got.unit.as_deref(), Some(unit), "{raw}");
        assert_eq!(got.approx, Some(approx), "{raw}");
        assert!(approx.more_than() && approx.before_number(), "{raw}");
        assert_eq!(got.to_string(), shown, "{raw}");
        assert_eq!(q(shown).1, Quantity { ..got.clone() }, "{raw} → {shown}");
    }
    // each alone, as before
    assert_eq!(q("约300人次").1.approx, Some(Approx::Yue));
    assert_eq!(q("300余人次").1.approx, Some(Approx::Yu));
    // with a label and a comparator
    let (label, got) = q("服务人次：≥约300余人次");
    assert_eq!(label.as_deref(), Some("服务人次"));
    assert_eq!(
        (got.op, got.approx),
        (Some(Comparator::Ge), Some(Approx::YueYu))
    );
    assert_eq!(got.to_string(), "≥约300余人次");
    // 约 glued to a word stays the word's; 约 with 左右 stays a label
    assert_eq!(q("节约300余万元").0.as_deref(), Some("节约"));
    assert_eq!(q("节约300余万元").1.approx, Some(Approx::Yu));
    assert_eq!(q("约5000人次左右").0.as_deref(), Some("约"));
    // JSON names both
    let json = serde_json::to_string(&Approx::YueYu).unwrap();
    assert_eq!(json, "\"约…余\"");
    assert_eq!(
        serde_json::from_str::<Approx>(&json).unwrap(),
        Approx::YueYu
    );
}

#[test]
fn a_rate_per_population_is_a_quantity_and_a_ratio_is_kept_as_written() {
    // /tmp/ur6/clean/t18-health-rural-onecell.tsv: 孕产妇死亡率 ≤10/10万 was 定性.
    for (raw, value, unit) in [
        ("≤10/10万", "10", "/10万"),
        ("<1/10万", "1", "/10万"),
        ("≤10人/10万人", "10", "人/10万人"),
        ("≤18／10万", "18", "/10万"),
        ("≤0.5/1000", "0.5", "/1000"),
        ("≤2/万", "2", "/万"),
    ] {
        let pv = parse_value(raw);
        let q = pv.target.quantity().unwrap_or_else(|| panic!("{raw}"));
        assert_eq!(q.value.to_string(), value, "{raw}");
        assert_eq!(q.unit.as_deref(), Some(unit), "{raw}");
        assert_eq!(pv.label, None, "{raw}");
        // The canonical text reads back to the same quantity.
        assert_eq!(
            parse_value(&q.to_string()).target.quantity(),
            Some(q),
            "{raw}"
        );
    }
    // Not a rate per population: a fraction, a per-count unit as before.
    assert!(parse_value("≥2/3").target.quantity().is_none());
    assert_eq!(
        parse_value("≥2次/年")
            .target
            .quantity()
            .and_then(|q| q.unit.clone())
            .as_deref(),
        Some("次/年")
    );
    // A ratio is no number: `1:1.5` was 1.5 after the label `1:`.
    for raw in ["≥1:5", "1：1.5", "≥1:3配比"] {
        let pv = parse_value(raw);
        assert!(pv.target.is_qualitative(), "{raw}");
        assert_eq!(pv.label, None, "{raw}");
    }
}

#[test]
fn a_rate_per_population_takes_a_comparator_after_it() {
    // /tmp/ur7: `10/10万以下` was 10万 with unit-missing.
    let pv = parse_value("10/10万以下");
    let q = pv.target.quantity().expect("a quantity");
    assert_eq!(q.op, Some(Comparator::Le));
    assert_eq!(q.unit.as_deref(), Some("/10万"));
    assert_eq!(q.value.to_string(), "10");
    assert_eq!(
        parse_value(&q.to_string())
            .target
            .quantity()
            .map(|r| (r.op, r.value, r.unit.clone())),
        Some((q.op, q.value, q.unit.clone()))
    );
}

#[test]
fn a_year_with_words_after_it_is_no_number() {
    // /tmp/ur7/in/d4-years-in-values.tsv: `不低于2023年水平` was ≥ 2023 in 年水平.
    for raw in [
        "不低于2023年水平",
        "保持2023年水平",
        "使用2023年版教材",
        "2023年度补贴",
    ] {
        let pv = parse_value(raw);
        assert!(pv.target.is_qualitative(), "{raw}");
        assert_eq!(pv.label, None, "{raw}");
    }
    // A count of years, or a number with another unit, stays one.
    for raw in ["≥3年", "≥2000人", "2000人/年", "≥2023人次"] {
        let pv = parse_value(raw);
        assert!(!pv.target.is_qualitative(), "{raw}: {:?}", pv.target);
    }
}

#[test]
fn a_rate_per_population_in_a_bracket_is_the_unit() {
    // /tmp/ur7/in/u1-per100k.tsv: `≤10（1/10万）` gave unit-missing.
    let pv = parse_value("≤10（1/10万）");
    let q = pv.target.quantity().expect("a quantity");
    assert_eq!(q.unit.as_deref(), Some("/10万"));
    assert_eq!(q.note, None);
    // Another bracket stays a note.
    let pv = parse_value("≤10（2/3）");
    assert!(pv
        .target
        .quantity()
        .is_some_and(|q| q.unit.is_none() && q.note.is_some()));
}

#[test]
fn a_percent_in_a_bracket_takes_no_magnitude() {
    // Found by the fuzzer: `5万(%)` gave `5万%`, which does not parse back.
    let pv = parse_value("5万(%)");
    if let Some(q) = pv.target.quantity() {
        assert_ne!(q.unit.as_deref(), Some("%"));
        let back = parse_value(&q.to_string());
        assert_eq!(back.target.quantity().map(|b| &b.unit), Some(&q.unit));
    }
}
