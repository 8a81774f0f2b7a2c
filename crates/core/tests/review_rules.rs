//! Every rule: a positive and a negative test on hand-built tables.

mod review_common;

use jixiao_core::review::{review, Lang, Messages, Profile, RuleSetting, Severity, RULES};
use jixiao_core::*;
use review_common::*;

fn fired(t: &Table, rule: &str) -> usize {
    of(&run(t), rule).len()
}

fn with_inds(inds: Vec<Indicator>) -> Table {
    Builder::new()
        .project(
            "技能培训经费",
            "50.00",
            "开展青年技能培训，提升就业能力。",
            inds,
        )
        .finish()
}

fn replace(k: usize, new: Indicator) -> Table {
    let mut inds = clean_indicators();
    inds[k] = new;
    with_inds(inds)
}

#[test]
fn clean_table_has_only_unit_cost_info() {
    let t = clean_table();
    let f = run(&t);
    assert!(f.iter().all(|x| x.rule == "unit-cost"), "{:?}", ids(&f));
    assert_eq!(of(&f, "unit-cost").len(), 1);
    assert_eq!(of(&f, "unit-cost")[0].severity, Severity::Info);
    let text = zh(&t, of(&f, "unit-cost")[0]);
    assert!(text.contains("1000.00 元/人次"), "{text}");
    let text = en(&t, of(&f, "unit-cost")[0]);
    assert!(text.contains("costs about 1000.00 元/人次"), "{text}");
}

/// Every rule's explanation and fix split into a Chinese and an English
/// text, each in its own language (ur15 C15: SARIF gave both under --lang
/// en); an abbreviation in the Chinese (`以 PUE、pH 结尾`) is no boundary.
#[test]
fn catalogue_texts_split_by_language() {
    let english_run = |t: &str| {
        t.split(|c: char| !c.is_ascii_alphabetic() && c != ' ')
            .any(|run| run.split_whitespace().filter(|w| w.len() > 1).count() >= 4)
    };
    let cjk = |t: &str| {
        t.chars()
            .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
            .count()
    };
    for r in RULES {
        for (what, zh, en) in [
            (
                "explanation",
                r.explanation_in(Lang::Zh),
                r.explanation_in(Lang::English),
            ),
            ("fix", r.fix_in(Lang::Zh), r.fix_in(Lang::English)),
        ] {
            assert_ne!(zh, en, "{} {what} not split", r.id);
            assert!(
                !english_run(&zh),
                "{} {what}: English in the Chinese: {zh}",
                r.id
            );
            assert!(
                cjk(&en) * 4 < en.chars().count(),
                "{} {what}: Chinese in the English: {en}",
                r.id
            );
            assert!(
                en.starts_with(|c: char| c.is_ascii_uppercase()),
                "{} {what}: {en}",
                r.id
            );
        }
    }
    // The basis without GUIDE's evidence tags; the Chinese without glosses.
    for r in RULES {
        let (zh, en) = (r.basis_in(Lang::Zh), r.basis_in(Lang::English));
        for tag in ["[D]", "[S]", "[P]", "[V]"] {
            assert!(
                !zh.contains(tag) && !en.contains(tag),
                "{}: {zh} / {en}",
                r.id
            );
        }
        assert!(
            !zh.contains("(table definition)") && !zh.contains("(practice)"),
            "{}: {zh}",
            r.id
        );
        assert!(!zh.is_empty() && !zh.ends_with('；'), "{}: {zh}", r.id);
    }
    let row = RULES.iter().find(|r| r.id == "sum-mismatch.row").unwrap();
    assert_eq!(row.basis_in(Lang::Zh), "表格定义");
    assert_eq!(row.basis_in(Lang::English), "表格定义 (table definition)");
    let cost = RULES.iter().find(|r| r.id == "missing-cost").unwrap();
    assert_eq!(
        cost.basis_in(Lang::Zh),
        "财预〔2021〕101号；软件按缺失封顶 5 分"
    );
    let unit_missing = RULES.iter().find(|r| r.id == "unit-missing").unwrap();
    assert!(unit_missing.explanation_in(Lang::Zh).contains("PUE、pH"));
}

#[test]
fn catalogue_ids_are_unique_and_complete() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n);
    for id in [
        "sum-mismatch.row",
        "sum-mismatch.unit",
        "sum-mismatch.total",
        "sum-rounding",
        "amount-unparseable",
        "no-projects",
        "goal-missing",
        "indicators-missing",
        "level-unknown",
        "numbering-gap",
        "separator-nonstandard",
        "value-prefixed",
        "operator-missing",
        "unit-missing",
        "unit-inconsistent",
        "unit-name-mismatch",
        "percent-out-of-range",
        "missing-output",
        "missing-benefit",
        "missing-satisfaction",
        "missing-cost",
        "too-few-indicators",
        "qualitative-share",
        "missing-quantity-quality",
        "input-as-output",
        "level-misplaced",
        "benefit-is-output",
        "boilerplate-indicator",
        "project-name-duplicate",
        "indicator-duplicate",
        "goal-duplicate",
        "goal-indicator-mismatch",
        "goal-indicator-number",
        "goal-count-unquantified",
        "satisfaction-low",
        "satisfaction-high",
        "direction-conflict",
        "timeliness-no-date",
        "cost-exceeds-budget",
        "cost-below-budget",
        "long-term-in-annual",
        "scale-mismatch",
        "placeholder-value",
        "ocr-suspect",
        "unit-cost",
    ] {
        assert!(
            review::rule(id).is_some(),
            "{id} missing from the catalogue"
        );
    }
}

// ---- arithmetic ----

#[test]
fn sum_mismatch_row() {
    let mut t = clean_table();
    t.units[0].projects[0].funding.fiscal_appropriation = Some(d("40.00"));
    let f = run(&t);
    let hits = of(&f, "sum-mismatch.row");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(hits[0].location.row, Some(4));
    assert_eq!(hits[0].location.col, Some(2));
    assert_eq!(fired(&clean_table(), "sum-mismatch.row"), 0);
}

#[test]
fn amount_negative() {
    // /tmp/ur8 t03_4.csv: (10.00) under 总计 and 其他资金.
    let mut t = clean_table();
    let p = &mut t.units[0].projects[0].funding;
    let col = t
        .columns
        .iter()
        .find(|c| c.field == Field::OtherFunds)
        .map(|c| c.col);
    p.other_funds = Some(d("-10.00"));
    let f = run(&t);
    let hits = of(&f, "amount-negative");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(hits[0].location.row, Some(4));
    assert_eq!(hits[0].location.col, col);
    let m = zh(&t, hits[0]);
    assert!(m.contains("其他资金 -10.00万元"), "{m}");
    // Zero (−0 included) and positive amounts: nothing.
    let mut t = clean_table();
    t.units[0].projects[0].funding.special_account = Some(d("-0.00"));
    assert_eq!(fired(&t, "amount-negative"), 0);
    assert_eq!(fired(&clean_table(), "amount-negative"), 0);
}

#[test]
fn sum_mismatch_row_blank_part_counts_as_zero() {
    let mut t = clean_table();
    let p = &mut t.units[0].projects[0].funding;
    p.fiscal_appropriation = Some(d("30.00"));
    p.other_funds = Some(d("20.00"));
    // 30 + blank + 20 = 50: fine at the row; the unit's columns now differ.
    let f = run(&t);
    assert_eq!(of(&f, "sum-mismatch.row").len(), 0, "{:?}", ids(&f));
}

#[test]
fn a_unit_without_projects_prints_its_sum_with_decimals() {
    // A unit stating 50.00 but holding no project: the sum of its projects
    // is 0.00 (not 0); a blank total reads 空白 / blank.
    let mut t = clean_table();
    let mut empty = t.units[0].clone();
    empty.name = "乙中心".into();
    empty.projects.clear();
    t.units.push(empty);
    let f = run(&t);
    let u: Vec<_> = of(&f, "sum-mismatch.unit")
        .into_iter()
        .filter(|x| zh(&t, x).contains("0.00（相差 50.00）"))
        .collect();
    // 总计 and 财政拨款.
    assert_eq!(
        u.len(),
        2,
        "{:?}",
        of(&f, "sum-mismatch.unit")
            .iter()
            .map(|x| zh(&t, x))
            .collect::<Vec<_>>()
    );
    let mut blank = clean_table();
    blank.units[0].stated.as_mut().unwrap().funding.total = None;
    let f = run(&blank);
    let texts: Vec<String> = of(&f, "sum-mismatch.unit")
        .iter()
        .map(|x| en(&blank, x))
        .collect();
    assert!(
        texts.iter().any(|x| x.starts_with("total blank ≠")),
        "{texts:?}"
    );
}

#[test]
fn sum_mismatch_unit_and_total() {
    let mut t = clean_table();
    t.units[0].stated.as_mut().unwrap().funding.total = Some(d("51.00"));
    let f = run(&t);
    let u = of(&f, "sum-mismatch.unit");
    assert_eq!(u.len(), 1, "{:?}", ids(&f));
    assert_eq!(u[0].location.row, Some(3));
    assert_eq!(u[0].location.col, Some(2));
    // The unit row itself no longer balances, and 合计 no longer equals it.
    assert_eq!(of(&f, "sum-mismatch.total").len(), 1);
    let ok = run(&clean_table());
    assert!(of(&ok, "sum-mismatch.unit").is_empty() && of(&ok, "sum-mismatch.total").is_empty());
}

#[test]
fn sum_mismatch_total_per_column() {
    let mut t = clean_table();
    t.grand_total.as_mut().unwrap().funding.fiscal_appropriation = Some(d("49.00"));
    let f = run(&t);
    let hits = of(&f, "sum-mismatch.total");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].location.col, Some(3));
    assert_eq!(hits[0].location.row, Some(2));
}

#[test]
fn sum_rounding_within_n_half_units() {
    let mut b = Builder::new();
    for k in 0..3 {
        b = b.project(
            &format!("项目{k}"),
            "10.00",
            "开展培训。",
            clean_indicators(),
        );
    }
    let mut t = b.finish();
    // Unit printed as 30.01 against 30.00: 0.01 ≤ 3 × 0.005.
    let st = t.units[0].stated.as_mut().unwrap();
    st.funding.total = Some(d("30.01"));
    st.funding.fiscal_appropriation = Some(d("30.01"));
    t.grand_total.as_mut().unwrap().funding.total = Some(d("30.01"));
    t.grand_total.as_mut().unwrap().funding.fiscal_appropriation = Some(d("30.01"));
    let f = run(&t);
    assert_eq!(of(&f, "sum-rounding").len(), 2, "{:?}", ids(&f));
    assert!(errors(&f).is_empty(), "{:?}", ids(&f));
    // 0.02 exceeds the bound: an error.
    let st = t.units[0].stated.as_mut().unwrap();
    st.funding.total = Some(d("30.02"));
    st.funding.fiscal_appropriation = Some(d("30.02"));
    let f = run(&t);
    assert_eq!(of(&f, "sum-mismatch.unit").len(), 2, "{:?}", ids(&f));
}

// ---- structure ----

#[test]
fn goal_missing() {
    let t = Builder::new()
        .project("项目", "50.00", "", clean_indicators())
        .finish();
    let f = run(&t);
    assert_eq!(of(&f, "goal-missing").len(), 1);
    assert_eq!(of(&f, "goal-missing")[0].location.col, Some(6));
    assert_eq!(fired(&clean_table(), "goal-missing"), 0);
}

#[test]
fn indicators_missing() {
    let t = Builder::new()
        .project("项目", "50.00", "开展培训。", vec![])
        .finish();
    let f = run(&t);
    assert_eq!(of(&f, "indicators-missing").len(), 1);
    assert_eq!(of(&f, "indicators-missing")[0].severity, Severity::Error);
    // No category noise for a project without indicators.
    assert!(of(&f, "missing-output").is_empty());
    assert_eq!(fired(&clean_table(), "indicators-missing"), 0);
}

#[test]
fn level_unknown() {
    let mut i = q(1, Category::Unknown, "培训人次", "≥500人次");
    i.category_raw = "项目指标".into();
    let f = run(&replace(0, i));
    assert_eq!(of(&f, "level-unknown").len(), 1);
    assert_eq!(of(&f, "level-unknown")[0].severity, Severity::Error);
    assert_eq!(fired(&clean_table(), "level-unknown"), 0);
}

#[test]
fn level_unknown_names_the_first_level_of_a_second_level_name() {
    // A probe's c25: every item under its 二级 name. The slip is a warning
    // naming the 一级; the items still count, so nothing is missing.
    let mut inds = clean_indicators();
    for i in inds.iter_mut() {
        let second = match i.category {
            Category::Output => "数量指标",
            Category::Outcome => "生态效益指标",
            _ => continue,
        };
        i.category = Category::Unknown;
        i.category_raw = second.into();
    }
    let t = with_inds(inds);
    let f = run(&t);
    let hits = of(&f, "level-unknown");
    assert!(!hits.is_empty());
    for h in &hits {
        assert_eq!(h.severity, Severity::Warning);
    }
    let text = zh(&t, hits[0]);
    assert!(
        text.contains("「数量指标」是二级指标") && text.contains("「产出指标」"),
        "{text}"
    );
    assert!(hits.iter().any(|h| zh(&t, h).contains("「效益指标」")));
    for rule in ["missing-output", "missing-benefit"] {
        assert_eq!(of(&f, rule).len(), 0, "{rule}: {:?}", ids(&f));
    }
}

#[test]
fn numbering_gap() {
    let mut inds = clean_indicators();
    for (k, i) in inds.iter_mut().enumerate() {
        i.seq = Some(k as u32 + 2);
    }
    let t = with_inds(inds);
    let f = run(&t);
    let hits = of(&f, "numbering-gap");
    assert_eq!(hits.len(), 1);
    let text = zh(&t, hits[0]);
    assert!(text.contains("[2, 3, 4, 5]"), "{text}");
    assert_eq!(hits[0].location.indicator, Some(2));
    assert_eq!(fired(&clean_table(), "numbering-gap"), 0);
}

#[test]
fn separator_nonstandard() {
    let mut inds = clean_indicators();
    inds[1].terminator = Some("，".into());
    let t = with_inds(inds);
    let f = run(&t);
    let hits = of(&f, "separator-nonstandard");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].location.indicator, Some(2));
    let span = hits[0].location.span.unwrap();
    let cell = t.units[0].projects[0].indicator_cell.as_ref().unwrap();
    assert_eq!(&cell[span.range()], "，");
    assert_eq!(fired(&clean_table(), "separator-nonstandard"), 0);
}

#[test]
fn value_prefixed_points_at_the_value() {
    let t = replace(0, q(1, Category::Output, "培训人次", "培训人次≥500人次"));
    // (the builder keeps ≥ first only when written first; here the label comes first)
    let f = run(&t);
    let hits = of(&f, "value-prefixed");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let span = hits[0].location.span.unwrap();
    let cell = t.units[0].projects[0].indicator_cell.as_ref().unwrap();
    assert_eq!(&cell[span.range()], "培训人次≥500人次");
    assert_eq!(fired(&clean_table(), "value-prefixed"), 0);
}

#[test]
fn operator_missing() {
    let f = run(&replace(0, q(1, Category::Output, "培训人次", "500人次")));
    assert_eq!(of(&f, "operator-missing").len(), 1);
    assert_eq!(fired(&clean_table(), "operator-missing"), 0);
}

#[test]
fn unit_missing() {
    let f = run(&replace(0, q(1, Category::Output, "培训人次", "≥500")));
    assert_eq!(of(&f, "unit-missing").len(), 1);
    assert_eq!(of(&f, "unit-missing")[0].severity, Severity::Warning);
    assert_eq!(fired(&clean_table(), "unit-missing"), 0);
}

#[test]
fn unit_missing_spares_a_dimensionless_quantity() {
    // /tmp/ur9/clean/t01-water-onecell.tsv row 12, item 6.
    for (name, raw) in [
        ("项目区灌溉水有效利用系数", "≥0.58"),
        ("恩格尔系数", "≤0.3"),
        ("空气质量综合指数", "≤4.5"),
        ("出生人口性别比", "≤110"),
        ("资产负债比率", "≤0.6"),
        ("容积率", "≤2.5"),
        ("带动投资倍数", "≥3"),
        // An index named with its abbreviation (a probe's transport tables).
        ("路面技术状况指数（PQI）", "≥80"),
        ("桥梁技术状况评定指数(BCI)", "≥75"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        assert_eq!(fired(&t, "unit-missing"), 0, "{name}");
    }
    // An abbreviation names the quantity, not a unit: a count stays one.
    for (name, raw) in [("新增充电桩（EV）", "≥30"), ("改造户数（ABC）", "≥12")] {
        let t = replace(1, q(2, Category::Output, name, raw));
        assert_eq!(fired(&t, "unit-missing"), 1, "{name}");
    }
    // A share, a rate written as a percentage number, a count: a unit is missing.
    for (name, raw) in [
        ("脱贫人口占比", "≥30"),
        ("资产负债比率", "≤60"),
        ("PM2.5年均浓度", "≤35"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        assert_eq!(fired(&t, "unit-missing"), 1, "{name}");
    }
}

#[test]
fn unit_inconsistent_across_projects_and_with_column() {
    let mut other = clean_indicators();
    other[0] = q(1, Category::Output, "培训人次", "≥500人");
    let t = Builder::new()
        .project("甲", "50.00", "开展培训。", clean_indicators())
        .project("乙", "50.00", "组织培训。", other)
        .finish();
    let f = run(&t);
    let hits = of(&f, "unit-inconsistent");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].location.row, Some(5));
    let mut i = q(1, Category::Output, "培训人次", "≥500人次");
    i.columns = jixiao_core::IndicatorColumns::boxed(Some("个".into()), None, None, None, None);
    assert_eq!(fired(&replace(0, i), "unit-inconsistent"), 1);
    let mut i = q(1, Category::Output, "培训人次", "≥500人次");
    i.columns = jixiao_core::IndicatorColumns::boxed(Some("人次".into()), None, None, None, None);
    assert_eq!(fired(&replace(0, i), "unit-inconsistent"), 0);
    // Spellings the grammar normalises are one unit: full-width letters and
    // slash, ％, spaces; 百分点 counts as %.
    for (value, column) in [
        ("≥5km", "ｋｍ"),
        ("≥5次/年", "次／年"),
        ("≥90%", "％"),
        ("≥90%", " 百分比 "),
        ("≥90%", "百分\n比"),
        ("≥5%", "百分点"),
    ] {
        let mut i = q(1, Category::Output, "培训人次", value);
        i.columns =
            jixiao_core::IndicatorColumns::boxed(Some(column.into()), None, None, None, None);
        assert_eq!(
            fired(&replace(0, i), "unit-inconsistent"),
            0,
            "{value} {column}"
        );
    }
}

#[test]
fn unit_name_mismatch() {
    let f = run(&replace(
        0,
        q(1, Category::Output, "活动服务人数", "≥500人次"),
    ));
    assert_eq!(of(&f, "unit-name-mismatch").len(), 1);
    let f = run(&replace(1, q(2, Category::Outcome, "技能合格率", "≥90个")));
    assert_eq!(of(&f, "unit-name-mismatch").len(), 1);
    assert_eq!(
        fired(
            &replace(0, q(1, Category::Output, "活动服务人数", "≥500人")),
            "unit-name-mismatch"
        ),
        0
    );
}

#[test]
fn percent_out_of_range() {
    let f = run(&replace(1, q(2, Category::Outcome, "技能合格率", "≥120%")));
    assert_eq!(of(&f, "percent-out-of-range").len(), 1);
    assert_eq!(
        fired(
            &replace(1, q(2, Category::Outcome, "就业人数增长率", "≥120%")),
            "percent-out-of-range"
        ),
        0
    );
    assert_eq!(fired(&clean_table(), "percent-out-of-range"), 0);
}

// ---- completeness ----

#[test]
fn missing_categories() {
    let base = clean_indicators();
    for (k, rule) in [
        (0, "missing-output"),
        (1, "missing-benefit"),
        (2, "missing-satisfaction"),
        (3, "missing-cost"),
    ] {
        let mut inds = base.clone();
        inds.remove(k);
        for (n, i) in inds.iter_mut().enumerate() {
            i.seq = Some(n as u32 + 1);
        }
        let f = run(&with_inds(inds));
        assert_eq!(of(&f, rule).len(), 1, "{rule}: {:?}", ids(&f));
        assert_eq!(fired(&clean_table(), rule), 0, "{rule}");
    }
}

#[test]
fn missing_cost_is_a_warning_when_required() {
    let mut inds = clean_indicators();
    inds.pop();
    let t = with_inds(inds);
    assert_eq!(of(&run(&t), "missing-cost")[0].severity, Severity::Info);
    let mut p = Profile::national();
    p.thresholds.require_cost = true;
    let f = review(&t, &p);
    assert_eq!(of(&f, "missing-cost")[0].severity, Severity::Warning);
}

#[test]
fn missing_cost_accepts_cost_as_second_level() {
    let mut inds = clean_indicators();
    inds[3].category = Category::Output;
    inds[3].subcategory = Some("经济成本指标".into());
    assert_eq!(fired(&with_inds(inds), "missing-cost"), 0);
}

#[test]
fn missing_cost_accepts_a_cost_in_money_under_output_without_a_second_level() {
    // A probe's c29: the one-cell form has no room for the 二级 成本指标.
    for (name, raw) in [
        ("项目总成本", "≤50万元"),
        ("保洁员人均年工资成本", "≤8000元/人"),
    ] {
        let mut inds = clean_indicators();
        inds[3] = q(4, Category::Output, name, raw);
        assert_eq!(fired(&with_inds(inds), "missing-cost"), 0, "{name}");
    }
    // 成本 words that are no cost in money stay what they are.
    let mut inds = clean_indicators();
    inds[3] = q(4, Category::Output, "成本核算覆盖单位数", "≥5个");
    assert_eq!(fired(&with_inds(inds), "missing-cost"), 1);
}

#[test]
fn too_few_indicators_info_then_warning() {
    let inds = || {
        vec![
            q(1, Category::Output, "培训人次", "≥500人次"),
            q(2, Category::Satisfaction, "满意度", "≥90%"),
        ]
    };
    let small = Builder::new()
        .project("项目", "50.00", "培训。", inds())
        .finish();
    let hits = run(&small);
    assert_eq!(of(&hits, "too-few-indicators")[0].severity, Severity::Info);
    let big = Builder::new()
        .project("项目", "200.00", "培训。", inds())
        .finish();
    let hits = run(&big);
    assert_eq!(
        of(&hits, "too-few-indicators")[0].severity,
        Severity::Warning
    );
    assert_eq!(fired(&clean_table(), "too-few-indicators"), 0);
}

#[test]
fn qualitative_share() {
    let mut inds = clean_indicators();
    inds[0] = ql(1, Category::Output, "培训质量", "有效提升");
    inds[1] = ql(2, Category::Outcome, "就业能力", "明显改善");
    inds[3] = ql(4, Category::Cost, "成本控制", "不超预算");
    let f = run(&with_inds(inds.clone()));
    assert_eq!(of(&f, "qualitative-share").len(), 1);
    inds[3] = q(4, Category::Cost, "项目总成本", "≤50万元");
    // 2 of 4 = 50 %: not above the threshold.
    assert_eq!(fired(&with_inds(inds), "qualitative-share"), 0);
}

#[test]
fn missing_quantity_quality_only_with_second_level() {
    let mut inds = clean_indicators();
    inds[0].subcategory = Some("数量指标".into());
    let t = with_inds(inds.clone());
    let f = run(&t);
    let hits = of(&f, "missing-quantity-quality");
    assert_eq!(hits.len(), 1);
    assert!(zh(&t, hits[0]).ends_with("缺少定量的质量指标"));
    assert!(en(&t, hits[0]).ends_with("lacks a quantitative quality indicator"));
    let mut extra = q(5, Category::Output, "培训合格率", "≥95%");
    extra.subcategory = Some("质量指标".into());
    inds.push(extra);
    assert_eq!(
        fired(&with_inds(inds.clone()), "missing-quantity-quality"),
        0
    );
    assert_eq!(fired(&clean_table(), "missing-quantity-quality"), 0);
    // An output naming no 二级 beside one that does (`1-产出指标：…` and
    // `2-产出指标-数量指标：…` in one cell) may be the 质量 one: not judged.
    let mut mixed = clean_indicators();
    mixed[0].subcategory = Some("数量指标".into());
    mixed.push(q(5, Category::Output, "培训合格率", "≥95%"));
    assert_eq!(fired(&with_inds(mixed), "missing-quantity-quality"), 0);
}

// ---- quality ----

#[test]
fn input_as_output() {
    let f = run(&replace(1, q(2, Category::Outcome, "预算执行率", "≥95%")));
    assert_eq!(of(&f, "input-as-output").len(), 1);
    assert_eq!(fired(&clean_table(), "input-as-output"), 0);
}

#[test]
fn level_misplaced() {
    let f = run(&replace(
        1,
        q(2, Category::Outcome, "服务对象满意度", "≥95%"),
    ));
    assert_eq!(of(&f, "level-misplaced").len(), 1);
    let f = run(&replace(
        1,
        q(2, Category::Outcome, "单位培训成本", "≤100元"),
    ));
    assert_eq!(of(&f, "level-misplaced").len(), 1);
    assert_eq!(fired(&clean_table(), "level-misplaced"), 0);
    // The project's only satisfaction indicator, filed under 效益: misplaced,
    // not missing as well (probe-b p17, q07; probe-c p30).
    let mut inds = clean_indicators();
    inds[2] = q(3, Category::Outcome, "参训人员满意度", "≥90%");
    let f = run(&with_inds(inds.clone()));
    assert_eq!(of(&f, "level-misplaced").len(), 1, "{:?}", ids(&f));
    assert_eq!(of(&f, "missing-satisfaction").len(), 0, "{:?}", ids(&f));
    // A survey counted is no satisfaction indicator: still missing.
    inds[2] = q(3, Category::Output, "满意度调查覆盖率", "≥90%");
    assert_eq!(fired(&with_inds(inds), "missing-satisfaction"), 1);
}

#[test]
fn level_misplaced_points_at_the_category() {
    // /tmp/ur9/seeded/s4-health-rows.tsv row 19: the 一级 cell is what to change.
    let t = replace(1, q(2, Category::Outcome, "服务对象满意度", "≥95%"));
    let f = run(&t);
    let hits = of(&f, "level-misplaced");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let cell = t.units[0].projects[0].indicator_cell.as_ref().unwrap();
    assert_eq!(&cell[hits[0].location.span.unwrap().range()], "效益指标");
    // A row layout: the 一级指标 column on the indicator's row.
    let mut t = t;
    t.columns.push(ColumnInfo {
        field: Field::Category,
        header: "一级指标".into(),
        col: 8,
    });
    let p = &mut t.units[0].projects[0];
    p.indicator_cell = None;
    for i in &mut p.indicators {
        i.origin.col = 11;
        i.span = None;
    }
    let row = p.indicators[1].origin.row;
    let f = run(&t);
    let hits = of(&f, "level-misplaced");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].location.col, Some(8));
    assert_eq!(hits[0].location.row, Some(row));
    assert_eq!(hits[0].location.span, None);
    // Without a category column the indicator's own cell stays.
    t.columns.pop();
    let f = run(&t);
    assert_eq!(of(&f, "level-misplaced")[0].location.col, Some(11));
}

#[test]
fn benefit_is_output() {
    let f = run(&replace(
        1,
        q(2, Category::Outcome, "组建志愿服务队", "≥10个"),
    ));
    assert_eq!(of(&f, "benefit-is-output").len(), 1);
    let f = run(&replace(
        1,
        q(2, Category::Outcome, "实务经验文章", "≥10篇"),
    ));
    assert_eq!(of(&f, "benefit-is-output").len(), 1);
    assert_eq!(fired(&clean_table(), "benefit-is-output"), 0);
}

#[test]
fn boilerplate_tells_two_projects_of_one_name_apart_by_their_rows() {
    let t = Builder::new()
        .project(
            "普法宣传经费",
            "30.00",
            "开展普法宣传。",
            clean_indicators(),
        )
        .project(
            "普法宣传经费",
            "60.00",
            "深入开展普法。",
            clean_indicators(),
        )
        .finish();
    let f = run(&t);
    let hits = of(&f, "boilerplate-indicator");
    assert!(!hits.is_empty(), "{:?}", ids(&f));
    for h in hits {
        let text = zh(&t, h);
        assert!(
            text.contains("（第4行）") && text.contains("（第5行）"),
            "{text}"
        );
    }
    // Projects of different names are named alone.
    let t = Builder::new()
        .project("甲", "30.00", "开展普法宣传。", clean_indicators())
        .project("乙", "60.00", "深入开展普法。", clean_indicators())
        .finish();
    let f = run(&t);
    assert!(of(&f, "boilerplate-indicator")
        .iter()
        .all(|h| !zh(&t, h).contains("行）")));
}

#[test]
fn boilerplate_indicator_groups() {
    let t = Builder::new()
        .project("甲", "60.00", "开展培训。", clean_indicators())
        .project("乙", "60.00", "组织培训。", clean_indicators())
        .project("丙", "60.00", "举办培训。", {
            let mut v = clean_indicators();
            v[0] = q(1, Category::Output, "培训人次", "≥800人次");
            v
        })
        .finish();
    let f = run(&t);
    // 培训人次 500 (甲, 乙), 技能合格率 90% (甲 乙 丙), 总成本 50万元 (all, of
    // projects of 60 万元); 满意度 excluded.
    let hits = of(&f, "boilerplate-indicator");
    assert_eq!(hits.len(), 3, "{:?}", ids(&f));
    assert!(hits.iter().all(|h| h.location.row == Some(4)));
    assert_eq!(fired(&clean_table(), "boilerplate-indicator"), 0);
    let mut p = Profile::national();
    p.thresholds.boilerplate_min_projects = 3;
    assert_eq!(of(&review(&t, &p), "boilerplate-indicator").len(), 2);
}

/// ur59 155: a qualitative 效益 pasted into several projects is a copy
/// group too; a 效益 named by its 二级 alone with a vague value
/// (`社会效益：显著提升`) is reported on each project; a qualitative output
/// shared by all (`2024年12月底前`) and a 效益 whose value says what it is
/// are not.
#[test]
fn boilerplate_indicator_qualitative_benefits() {
    let with = |extra: Vec<Indicator>| {
        let mut v = clean_indicators();
        v.extend(extra);
        v
    };
    let copied = ql(5, Category::Outcome, "群众文化素养", "显著提升");
    let t = Builder::new()
        .project("甲", "60.00", "开展培训。", with(vec![copied.clone()]))
        .project("乙", "70.00", "组织培训。", with(vec![copied.clone()]))
        .finish();
    let f = run(&t);
    let hits: Vec<_> = of(&f, "boilerplate-indicator")
        .into_iter()
        .filter(|h| zh(&t, h).contains("群众文化素养"))
        .collect();
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert!(
        zh(&t, hits[0]).contains("「显著提升」 在 2 个项目中"),
        "{}",
        zh(&t, hits[0])
    );
    // Named by its level: one finding on each project, copied or not.
    let level = ql(5, Category::Outcome, "社会效益", "显著提升");
    let t = Builder::new()
        .project("甲", "60.00", "开展培训。", with(vec![level.clone()]))
        .project("乙", "70.00", "组织培训。", with(vec![level.clone()]))
        .project("丙", "80.00", "举办培训。", with(vec![level]))
        .finish();
    let f = run(&t);
    // (The clean indicators, the same in each project, are groups of their own.)
    let named = of(&f, "boilerplate-indicator")
        .into_iter()
        .filter(|h| zh(&t, h).contains("社会效益"))
        .map(|h| (h.location.row, zh(&t, h)))
        .collect::<Vec<_>>();
    assert_eq!(named.len(), 3, "{named:?}");
    assert!(
        named.iter().all(|(_, m)| m.contains("二级指标名称")),
        "{named:?}"
    );
    // Not reported: an output's date, a benefit saying what, a different text.
    let t = Builder::new()
        .project(
            "甲",
            "60.00",
            "开展培训。",
            with(vec![
                ql(5, Category::Output, "项目完成时间", "2024年12月底前"),
                ql(6, Category::Outcome, "社会效益", "带动就业200人以上"),
                ql(7, Category::Outcome, "群众文化素养", "显著提升"),
            ]),
        )
        .project(
            "乙",
            "70.00",
            "组织培训。",
            with(vec![
                ql(5, Category::Output, "项目完成时间", "2024年12月底前"),
                ql(6, Category::Outcome, "社会效益", "带动就业300人以上"),
                ql(7, Category::Outcome, "群众文化素养", "有所提升"),
            ]),
        )
        .finish();
    let f = run(&t);
    let ours = of(&f, "boilerplate-indicator")
        .into_iter()
        .map(|h| zh(&t, h))
        .filter(|m| {
            ["项目完成时间", "社会效益", "群众文化素养"]
                .iter()
                .any(|n| m.contains(n))
        })
        .collect::<Vec<_>>();
    assert!(ours.is_empty(), "{ours:?}");
}

/// ur59 132: a goal copied from another project with a phrase appended
/// (`，确保项目顺利实施`) or put before it holds that project's whole goal;
/// a goal sharing only a clause, or holding a goal shorter than
/// `goal_duplicate_min_chars`, does not count.
#[test]
fn goal_duplicate_finds_a_goal_with_a_phrase_added() {
    let a = "为100所中小学幼儿园配备专职保安200名，实现校园“护学岗”全覆盖，保障师生安全。";
    let mk = |b: &str| {
        Builder::new()
            .project("中小学校园安保服务经费", "240.00", a, clean_indicators())
            .project("中小学教师继续教育培训经费", "50.00", b, clean_indicators())
            .finish()
    };
    for b in [
        "为100所中小学幼儿园配备专职保安200名，实现校园“护学岗”全覆盖，保障师生安全，确保项目顺利实施。",
        "按照上级要求，为120所中小学幼儿园配备专职保安240名，实现校园“护学岗”全覆盖，保障师生安全。",
    ] {
        let t = mk(b);
        let f = run(&t);
        let hits = of(&f, "goal-duplicate");
        assert_eq!(hits.len(), 1, "{b}: {:?}", ids(&f));
        assert_eq!(hits[0].location.row, Some(5));
        let text = zh(&t, hits[0]);
        assert!(text.contains("包含项目「中小学校园安保服务经费」的全部目标"), "{text}");
    }
    for b in [
        "组织全区中小学教师参加全员培训3000人次，实现校园“护学岗”全覆盖，提升教师教育教学能力。",
        "开展教师培训3000人次，提升教师教育教学能力，确保项目顺利实施。",
    ] {
        assert_eq!(fired(&mk(b), "goal-duplicate"), 0, "{b}");
    }
    // A whole goal shorter than the minimum is no copied goal.
    let t = Builder::new()
        .project("甲", "50.00", "保障师生安全。", clean_indicators())
        .project(
            "乙",
            "50.00",
            "组织全区中小学教师参加全员培训3000人次，保障师生安全。",
            clean_indicators(),
        )
        .finish();
    assert_eq!(fired(&t, "goal-duplicate"), 0);
}

#[test]
fn goal_duplicate_masks_numbers() {
    let a =
        "1.建设运营好6个社工站点，打造青少年身边的共青团阵地，丰富社区青少年文化； 2.开展培训。";
    let b =
        "1.建设运营好12个社工站点，打造青少年身边的共青团阵地，丰富社区青少年文化； 2.其他工作。";
    let mk = |g2: &str| {
        Builder::new()
            .project("甲", "50.00", a, clean_indicators())
            .project("乙", "50.00", g2, clean_indicators())
            .finish()
    };
    let t = mk(b);
    let f = run(&t);
    let hits = of(&f, "goal-duplicate");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].location.row, Some(5));
    let span = hits[0].location.span.unwrap();
    assert!(b[span.range()].starts_with("建设运营好12个"));
    assert_eq!(
        fired(
            &mk("完全不同的另一段目标文字，描述的是别的事情而且足够长。"),
            "goal-duplicate"
        ),
        0
    );
}

/// Goals written from one template with a place name changed share no
/// whole sentence; they are near-duplicates as wholes.
#[test]
fn goal_duplicate_finds_template_goals_as_wholes() {
    let goal = |place: &str, n: u32| {
        format!("在{place}街道辖区开展生活垃圾分类宣传活动{n}场，实现垃圾分类投放点全覆盖，生活垃圾回收利用率达到38%以上。")
    };
    let mk = |second: &str| {
        Builder::new()
            .project(
                "东湖街道经费",
                "50.00",
                &goal("东湖", 24),
                clean_indicators(),
            )
            .project("西湖街道经费", "50.00", second, clean_indicators())
            .finish()
    };
    let t = mk(&goal("西湖", 18));
    let f = review(&t, &only_goal_duplicate());
    assert_eq!(f.len(), 1, "{:?}", ids(&f));
    assert_eq!(f[0].location.row, Some(5));
    assert_eq!(f[0].location.span, None, "the goal as a whole");
    let text = zh(&t, &f[0]);
    assert!(
        text.contains("「西湖街道经费」的绩效目标与项目「东湖街道经费」的几乎相同（")
            && text.contains("% 的字词片段相同，数字除外）"),
        "{text}"
    );
    // Same subject, written differently: not a near-duplicate.
    let other = "组织辖区居民参加垃圾分类知识竞赛和入户指导，推动西湖街道生活垃圾减量，回收利用率达到38%以上。";
    assert_eq!(fired(&mk(other), "goal-duplicate"), 0);
    // The threshold: only identical texts at 1.
    let mut strict = only_goal_duplicate();
    strict.thresholds.goal_duplicate_similarity = rust_decimal::Decimal::ONE;
    assert!(review(&mk(&goal("西湖", 18)), &strict).is_empty());
    assert_eq!(review(&mk(&goal("东湖", 18)), &strict).len(), 1);
}

#[test]
fn goal_duplicate_finds_a_template_at_scale_each_later_goal_once() {
    // 5 000 goals of one template, each with its own place name: every later
    // goal meets an earlier one in some band (LSH: a probability, so at
    // least 95 % are asserted), and is reported at most once.
    let n = 5_000usize;
    let mut b = Builder::new();
    for k in 0..n {
        let goal = format!(
            "在{}街道辖区开展生活垃圾分类宣传活动，实现垃圾分类投放点全覆盖，生活垃圾回收利用率明显提高。",
            cn(k)
        );
        b = b.project(&format!("项目{k}"), "10.00", &goal, clean_indicators());
    }
    let t = b.finish();
    let f = review(&t, &only_goal_duplicate());
    let mut later: Vec<u32> = f.iter().filter_map(|x| x.location.project).collect();
    later.sort_unstable();
    let found = later.len();
    later.dedup();
    assert_eq!(later.len(), found, "each later goal once");
    assert!(found >= (n - 1) * 95 / 100, "{found} of {}", n - 1);
    assert!(!later.contains(&0), "the first goal is no one's copy");
}

#[test]
fn goal_indicator_mismatch() {
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "1.建设运营好6个“青年地带”社工站点，打造阵地。",
            clean_indicators(),
        )
        .finish();
    let f = run(&t);
    let hits = of(&f, "goal-indicator-mismatch");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let span = hits[0].location.span.unwrap();
    let goal = t.units[0].projects[0].goal.as_ref().unwrap();
    assert_eq!(&goal[span.range()], "6个“青年地带”社工站点");
    // Ages, ranges named by an indicator, list numbers: no finding.
    let mut inds = clean_indicators();
    inds[0] = q(
        1,
        Category::Output,
        "为社区解决1-2个实际困难或问题",
        "≥500人次",
    );
    let t = Builder::new()
        .project(
            "乙",
            "50.00",
            "服务对象以6—30岁青少年为主；解决1-2个实际困难或问题。 2.培训。",
            inds,
        )
        .finish();
    assert_eq!(
        fired(&t, "goal-indicator-mismatch"),
        0,
        "{:?}",
        ids(&run(&t))
    );
    // Measured by an indicator sharing a 2-character run.
    let mut inds = clean_indicators();
    inds[0] = q(1, Category::Output, "运营社工站点数", "≥6个");
    let t = Builder::new()
        .project("丙", "50.00", "建设运营好6个“青年地带”社工站点。", inds)
        .finish();
    assert_eq!(fired(&t, "goal-indicator-mismatch"), 0);
    // The same with many indicators (their names' runs are then sorted and
    // searched): measured by the last one, or by none.
    for (last, expected) in [("运营社工站点数", 0), ("培训教师人次", 1)] {
        let mut inds: Vec<_> = (1..=60)
            .map(|k| q(k, Category::Output, &format!("第{k}类设备购置数量"), "≥1台"))
            .collect();
        inds.push(q(61, Category::Output, last, "≥6个"));
        let t = Builder::new()
            .project("丁", "50.00", "建设运营好6个“青年地带”社工站点。", inds)
            .finish();
        assert_eq!(fired(&t, "goal-indicator-mismatch"), expected, "{last}");
    }
}

#[test]
fn satisfaction_low() {
    let f = run(&replace(
        2,
        q(3, Category::Satisfaction, "参训人员满意度", "≥80%"),
    ));
    assert_eq!(of(&f, "satisfaction-low").len(), 1);
    assert_eq!(
        fired(
            &replace(2, q(3, Category::Satisfaction, "参训人员满意度", "≥85%")),
            "satisfaction-low"
        ),
        0
    );
    // A cap is direction-conflict's, once; with that rule off, it is low.
    let capped = replace(2, q(3, Category::Satisfaction, "参训人员满意度", "≤80%"));
    let f = run(&capped);
    assert_eq!(of(&f, "direction-conflict").len(), 1, "{:?}", ids(&f));
    assert_eq!(of(&f, "satisfaction-low").len(), 0, "{:?}", ids(&f));
    let mut p = Profile::national();
    p.rules.insert(
        "direction-conflict".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    assert_eq!(of(&review(&capped, &p), "satisfaction-low").len(), 1);
}

/// ur59 070/151: a satisfaction target of 100 %, however worded, is sent
/// back (not 合理可行); 95 %, a survey's coverage of 100 %, a complaint rate
/// and a cap are not this rule's.
#[test]
fn satisfaction_high() {
    let worded = |name: &str, value: &str| {
        let mut i = q(3, Category::Satisfaction, name, "≥90%");
        i.target = jixiao_core::grammar::parse_target_parts(None, value, None).target;
        i.raw_value = value.into();
        replace(2, i)
    };
    for value in ["=100%", "≥100%", "达到100%", "100%", "不低于100%", "100.0%"] {
        let t = worded("儿童家长满意度", value);
        let f = run(&t);
        let hit = of(&f, "satisfaction-high");
        assert_eq!(hit.len(), 1, "{value}: {:?}", ids(&f));
        assert_eq!(hit[0].severity, Severity::Warning);
        assert!(zh(&t, hit[0]).contains(value), "{}", zh(&t, hit[0]));
        assert!(en(&t, hit[0]).contains("90–95 %"), "{}", en(&t, hit[0]));
    }
    for (name, value) in [
        ("儿童家长满意度", "≥95%"),
        ("儿童家长满意度", "≥99%"),
        ("满意度调查覆盖率", "100%"),
        ("投诉办结率", "100%"),
        ("服务对象不满意率", "≤100%"),
    ] {
        let t = worded(name, value);
        assert_eq!(fired(&t, "satisfaction-high"), 0, "{name} {value}");
    }
    // A cap is direction-conflict's alone.
    let capped = worded("儿童家长满意度", "≤100%");
    assert_eq!(fired(&capped, "satisfaction-high"), 0);
    // The threshold lowers the bar: ≥98 % is reported from 98 on.
    let mut p = Profile::national();
    p.thresholds.satisfaction_max = 98.into();
    assert_eq!(
        of(
            &review(&worded("儿童家长满意度", "≥98%"), &p),
            "satisfaction-high"
        )
        .len(),
        1
    );
}

#[test]
fn timeliness_no_date() {
    let mut i = ql(5, Category::Output, "项目完成时间", "按时完成");
    i.subcategory = Some("时效指标".into());
    let mut inds = clean_indicators();
    inds.push(i.clone());
    assert_eq!(fired(&with_inds(inds.clone()), "timeliness-no-date"), 1);
    inds[4].raw_value = "2024年12月底前".into();
    inds[4].target = Target::Qualitative {
        text: "2024年12月底前".into(),
    };
    assert_eq!(fired(&with_inds(inds), "timeliness-no-date"), 0);
}

#[test]
fn direction_conflict() {
    use jixiao_core::model::Direction;
    let with_columns = |value: &str, op: Option<&str>, dir: Option<Direction>| {
        let parsed = jixiao_core::grammar::parse_target_parts(op, value, None);
        let mut i = q(1, Category::Output, "培训人次", value);
        i.target = parsed.target;
        i.columns = jixiao_core::IndicatorColumns::boxed(None, op.map(Into::into), None, dir, None);
        replace(0, i)
    };
    // 指标性质 ≥ beside a value written ≤70.
    let f = run(&with_columns("≤70", Some("≥"), None));
    let hit = of(&f, "direction-conflict");
    assert_eq!(hit.len(), 1, "{:?}", ids(&f));
    assert_eq!(hit[0].severity, Severity::Warning);
    assert!(zh(&with_columns("≤70", Some("≥"), None), hit[0]).contains("指标性质「≥」"));
    // 正向 with a ≤ comparator (from the column or the value).
    for (value, op) in [("70", Some("≤")), ("≤70", None)] {
        let t = with_columns(value, op, Some(Direction::HigherBetter));
        assert_eq!(fired(&t, "direction-conflict"), 1, "{value} {op:?}");
    }
    // Satisfaction as a cap, in the one-cell layout too.
    let capped = replace(2, q(3, Category::Satisfaction, "参训人员满意度", "≤90%"));
    assert_eq!(fired(&capped, "direction-conflict"), 1);
    // Agreeing or unstated directions: nothing.
    for (value, op, dir) in [
        ("≥70", Some("≥"), Some(Direction::HigherBetter)),
        ("70", Some("≤"), Some(Direction::LowerBetter)),
        ("≤70", Some("定量"), None),
        ("70", None, Some(Direction::LowerBetter)),
        ("70", Some("="), Some(Direction::HigherBetter)),
    ] {
        let t = with_columns(value, op, dir);
        assert_eq!(fired(&t, "direction-conflict"), 0, "{value} {op:?} {dir:?}");
    }
    assert_eq!(fired(&clean_table(), "direction-conflict"), 0);
}

#[test]
fn lower_is_better_rates_under_satisfaction_are_no_capped_satisfaction() {
    // 投诉率 ≤5% under 满意度指标: lower is better, so neither a cap on
    // satisfaction nor a satisfaction target below 85 %.
    for name in ["服务对象投诉率", "服务对象不满意率"] {
        let t = replace(2, q(3, Category::Satisfaction, name, "≤5%"));
        assert_eq!(fired(&t, "direction-conflict"), 0, "{name}");
        assert_eq!(fired(&t, "satisfaction-low"), 0, "{name}");
    }
}

#[test]
fn cost_exceeds_budget_in_every_money_unit() {
    // The project has 50.00 万元.
    for (value, fires) in [
        ("≤3千万元", 1),
        ("≤1亿元", 1),
        ("≤0.6百万元", 1),
        ("≤0.4百万元", 0),
        ("≤600千元", 1),
        ("≤400千元", 0),
    ] {
        let t = replace(3, q(4, Category::Cost, "项目总成本", value));
        assert_eq!(fired(&t, "cost-exceeds-budget"), fires, "{value}");
    }
}

#[test]
fn cost_exceeds_budget_with_a_magnitude_and_no_unit() {
    // `≤60万` under 成本 is 60 万元 (the project has 50.00 万元); unit-missing
    // still says the 元 is missing.
    for (value, fires) in [("≤60万", 1), ("≤40万", 0), ("≤0.6百万", 1)] {
        let mut i = q(4, Category::Cost, "项目总成本", value);
        i.target = grammar::parse_value(value).target;
        i.raw_value = value.into();
        let f = run(&replace(3, i));
        assert_eq!(of(&f, "cost-exceeds-budget").len(), fires, "{value}");
        assert_eq!(of(&f, "unit-missing").len(), 1, "{value}");
    }
    // A row layout: `60` in 指标值, the bare `万` in 度量单位.
    for (value, fires) in [("60", 1), ("40", 0)] {
        let mut i = q(4, Category::Cost, "项目总成本", "≤1万元");
        i.target = grammar::parse_target_parts(Some("≤"), value, Some("万")).target;
        i.raw_value = value.into();
        i.columns = jixiao_core::IndicatorColumns::boxed(Some("万".into()), None, None, None, None);
        assert_eq!(
            fired(&replace(3, i), "cost-exceeds-budget"),
            fires,
            "{value} | 万"
        );
    }
}

#[test]
fn timeliness_with_its_unit_in_a_column_has_a_duration() {
    // Row layouts: `30` in 指标值, `天` in 度量单位.
    let mut i = q(5, Category::Output, "项目完成时间", "≤30天");
    i.subcategory = Some("时效指标".into());
    i.raw_value = "30".into();
    i.columns = jixiao_core::IndicatorColumns::boxed(Some("天".into()), None, None, None, None);
    let mut inds = clean_indicators();
    inds.push(i);
    assert_eq!(fired(&with_inds(inds), "timeliness-no-date"), 0);
}

#[test]
fn a_magnitude_in_the_unit_column_is_no_other_unit() {
    // `0.5` | `万人次`: the value's unit is 人次 with magnitude 万.
    let parsed = jixiao_core::grammar::parse_target_parts(None, "0.5", Some("万人次"));
    let mut i = q(1, Category::Output, "培训人次", "0.5人次");
    i.target = parsed.target;
    i.raw_value = "0.5".into();
    i.columns = jixiao_core::IndicatorColumns::boxed(Some("万人次".into()), None, None, None, None);
    assert_eq!(fired(&replace(0, i), "unit-inconsistent"), 0);
}

#[test]
fn timeliness_no_date_by_name_alone() {
    // The one-cell layout has no 二级: the name tells a 时效 indicator.
    for (name, value, fires) in [
        ("服务时效", "及时", 1),
        ("活动开展及时性", "及时", 1),
        // Any name of a time (a probe's m18: 竣工时间), unless a duration.
        ("项目竣工时间", "按时", 1),
        ("志愿服务时间", "≥2000小时", 0),
        ("项目进度", "按计划推进", 1),
        ("活动开展及时性", "11月底前", 0),
        // A rate is measured in %, not by a date.
        ("活动开展及时率", "100%", 0),
        ("服务对象满意度", "较满意", 0),
    ] {
        let mut inds = clean_indicators();
        inds.push(ql(5, Category::Output, name, value));
        assert_eq!(
            fired(&with_inds(inds), "timeliness-no-date"),
            fires,
            "{name} {value}"
        );
    }
}

#[test]
fn cost_exceeds_budget() {
    let f = run(&replace(3, q(4, Category::Cost, "项目总成本", "≤60万元")));
    assert_eq!(of(&f, "cost-exceeds-budget").len(), 1);
    // 元 converted: 400000 元 = 40 万元.
    assert_eq!(
        fired(
            &replace(3, q(4, Category::Cost, "项目总成本", "≤400000元")),
            "cost-exceeds-budget"
        ),
        0
    );
    assert_eq!(
        fired(
            &replace(3, q(4, Category::Cost, "项目总成本", "≤600000元")),
            "cost-exceeds-budget"
        ),
        1
    );
}

/// ur59 053: `≤181万元` on a 180.80 万元 project is the cap rounded up to
/// its last written digit, not a cost above the money; an overshoot of a
/// whole unit of that digit, or of 1 % of the money, still is.
#[test]
fn cost_exceeds_budget_tolerates_a_cap_rounded_up_to_its_last_digit() {
    let with_amount = |amount: &str, value: &str| {
        let mut inds = clean_indicators();
        inds[3] = q(4, Category::Cost, "工作经费支出", value);
        Builder::new()
            .project(
                "河湖长制工作经费",
                amount,
                "开展青年技能培训，提升就业能力。",
                inds,
            )
            .finish()
    };
    for (amount, value, fires) in [
        ("180.80", "≤181万元", 0),
        ("180.85", "≤180.9万元", 0),
        ("180.80", "≤180.9万元", 1),
        // Trailing zeros are taken as meant: 100 元 over is over.
        ("180.80", "≤1808100元", 1),
        ("180.00", "≤181万元", 1),
        ("180.80", "≤180.85万元", 1),
        ("180.80", "≤182万元", 1),
        ("5.50", "≤6万元", 1),
        ("50.00", "≤1亿元", 1),
    ] {
        let t = with_amount(amount, value);
        assert_eq!(fired(&t, "cost-exceeds-budget"), fires, "{amount} {value}");
    }
}

/// ur59 078/125: a total named as the project's whole cost under a fifth of
/// the amount (`项目总成本 ≤2.4万元` on 24.50 万元) is a digit lost; a part's
/// fee, a cost borne out by another, and a standard times its output are not
/// reported.
#[test]
fn cost_below_budget() {
    let with = |amount: &str, costs: Vec<Indicator>| {
        let mut inds = clean_indicators();
        inds.truncate(3);
        inds.extend(costs);
        Builder::new()
            .project(
                "动物防疫经费",
                amount,
                "开展青年技能培训，提升就业能力。",
                inds,
            )
            .finish()
    };
    let t = with(
        "24.50",
        vec![q(4, Category::Cost, "项目总成本", "≤2.4万元")],
    );
    let f = run(&t);
    let hits = of(&f, "cost-below-budget");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].severity, Severity::Warning);
    let text = zh(&t, hits[0]);
    assert!(
        text.contains("成本 2.40万元 不到项目金额 24.50万元的五分之一"),
        "{text}"
    );
    for (amount, costs) in [
        // Within a fifth.
        ("24.50", vec![q(4, Category::Cost, "项目总成本", "≤6万元")]),
        // A part's fee.
        (
            "24.50",
            vec![q(4, Category::Cost, "专家评审费", "≤2.4万元")],
        ),
        // Another cost bears the amount out.
        (
            "24.50",
            vec![
                q(4, Category::Cost, "项目总成本", "≤2.4万元"),
                q(5, Category::Cost, "设备购置成本", "≤22万元"),
            ],
        ),
        // A standard times its output a tenth of the amount: not this rule's.
        (
            "50.00",
            vec![q(4, Category::Cost, "人均培训成本", "≤100元/人次")],
        ),
    ] {
        let t = with(amount, costs.clone());
        assert_eq!(fired(&t, "cost-below-budget"), 0, "{amount} {costs:?}");
    }
}

#[test]
fn cost_exceeds_budget_per_unit_times_its_output() {
    // ur42 f46: `人均培训成本 ≤3000元/人次` × `培训人次 ≥3200人次` against 96
    // 万元 (a ×10 slip) was not compared. The clean project: 50 万元 and
    // `培训人次 ≥500人次`.
    let per = |raw: &str| replace(3, q(4, Category::Cost, "人均培训成本", raw));
    let f = run(&per("≤4000元/人次"));
    let hits = of(&f, "cost-exceeds-budget");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let zh = Messages::new(&per("≤4000元/人次")).render(&hits[0].message, Lang::Zh);
    assert!(
        zh.contains("200.00万元") && zh.contains("50.00万元"),
        "{zh}"
    );
    // Fits, or a loose cap (up to three times the money): not reported.
    for raw in ["≤1000元/人次", "≤2500元/人次", "≤3000元/人次"] {
        assert_eq!(fired(&per(raw), "cost-exceeds-budget"), 0, "{raw}");
    }
    // A smaller count in a unit alike (人, not 人次) does not excuse it when
    // an output is counted in the standard's own unit (a probe's q05); alone,
    // it is a pairing as before.
    let mut t = per("≤4000元/人次");
    t.units[0].projects[0]
        .indicators
        .push(q(5, Category::Output, "新入职教师培训人数", "≥200人"));
    assert_eq!(fired(&t, "cost-exceeds-budget"), 1, "{:?}", ids(&run(&t)));
    t.units[0].projects[0].indicators.remove(0);
    assert_eq!(fired(&t, "cost-exceeds-budget"), 0, "{:?}", ids(&run(&t)));
    // A count over years is no year's output to multiply.
    let mut t = per("≤4000元/人次");
    t.units[0].projects[0].indicators[0].name = "三年内累计培训人次".into();
    assert_eq!(fired(&t, "cost-exceeds-budget"), 0);
    // A part of the output (`其中…`) is no pairing that lets it fit (ur50 d63).
    let mut t = per("≤4000元/人次");
    let mut part = t.units[0].projects[0].indicators[0].clone();
    part.name = "其中骨干教师培训人次".into();
    part.raw_value = "≥50人次".into();
    part.target = jixiao_core::grammar::parse_value("≥50人次").target;
    t.units[0].projects[0].indicators.push(part.clone());
    assert_eq!(fired(&t, "cost-exceeds-budget"), 1);
    // Unless the standard names the part (ur54 c03): 骨干教师 × 50 fits.
    t.units[0].projects[0].indicators[3].name = "骨干教师人均培训成本".into();
    assert_eq!(fired(&t, "cost-exceeds-budget"), 0, "{:?}", ids(&run(&t)));
    // Nor is a ceiling per case (ur50 k64) a cost of each.
    let t = replace(
        3,
        q(4, Category::Cost, "单人次最高救助标准", "≤4000元/人次"),
    );
    assert_eq!(fired(&t, "cost-exceeds-budget"), 0);
    let t = replace(
        3,
        q(4, Category::Cost, "个人创业担保贷款额度", "≤4000元/人次"),
    );
    assert_eq!(fired(&t, "cost-exceeds-budget"), 0);
    // The unit in the name's brackets (ur51).
    let t = replace(3, q(4, Category::Cost, "人均培训成本（元/人次）", "≤4000"));
    assert_eq!(fired(&t, "cost-exceeds-budget"), 1);
    // A standard per month paid monthly is twelve months' (ur50 d64): 1000
    // 元 × 500 人 fits 50 万元 once, not twelve times.
    let monthly = |goal: &str| {
        Builder::new()
            .project(
                "高龄老人津贴",
                "50.00",
                goal,
                vec![
                    q(1, Category::Output, "发放高龄津贴人数", "≥500人"),
                    q(2, Category::Cost, "高龄津贴标准", "=1000元/人·月"),
                    q(3, Category::Satisfaction, "老人满意度", "≥90%"),
                ],
            )
            .finish()
    };
    let t = monthly("按月向500名高龄老人发放津贴。");
    let f = run(&t);
    let hits = of(&f, "cost-exceeds-budget");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = Messages::new(&t).render(&hits[0].message, Lang::Zh);
    assert!(text.contains("12个月"), "{text}");
    assert_eq!(
        fired(
            &monthly("向500名高龄老人发放一次性慰问金。"),
            "cost-exceeds-budget"
        ),
        0
    );
    // (ur56) Nor when the goal says for how many months it is paid.
    for goal in [
        "按月向500名高龄老人发放津贴，发放3个月。",
        "7月至9月按月向500名职工发放高温补贴。",
        "寒假期间每月向500名学生发放补助。",
    ] {
        assert_eq!(fired(&monthly(goal), "cost-exceeds-budget"), 0, "{goal}");
    }
}

#[test]
fn management_meetings_and_rate_slips() {
    // ur42 f27: the project's own meetings counted as its output.
    let meetings = replace(0, q(1, Category::Output, "召开培训工作推进会次数", "≥4次"));
    let f = run(&meetings);
    assert_eq!(of(&f, "input-as-output").len(), 1, "{:?}", ids(&f));
    // A project about meetings has them as its output; a meeting's
    // participants are no count of meetings.
    let mut t = meetings.clone();
    t.units[0].projects[0].name = "区人大会议经费".into();
    assert_eq!(fired(&t, "input-as-output"), 0);
    let t = replace(0, q(1, Category::Output, "座谈会参与人数", "≥40人"));
    assert_eq!(fired(&t, "input-as-output"), 0);
    // (ur50) Talks with the public or deputies are a service; a project
    // named for its meeting has it as output.
    let t = replace(0, q(1, Category::Output, "召开居民代表座谈会次数", "≥4次"));
    assert_eq!(fired(&t, "input-as-output"), 0);
    // Counted by the value's unit, other meetings (ur50 d69, d70).
    for name in ["召开工作调度会", "召开领导小组会议", "召开工作专班会议"] {
        let t = replace(0, q(1, Category::Output, name, "≥12次"));
        assert_eq!(fired(&t, "input-as-output"), 1, "{name}");
    }
    // (ur51) Consultations, meetings served or mediated for others, caps on
    // a system's failures.
    for (name, raw) in [
        ("疑难病例会诊次数", "≥300次"),
        ("多学科专题会诊场次", "≥200场"),
        ("保障视频调度会场次", "≥150场"),
        ("三方协调会场次", "≥48场"),
        ("劳资纠纷调处协调会场次", "≥60场"),
        ("产业链供需对接推进会场次", "≥6场"),
        ("视频调度会议系统故障次数", "≤2次"),
        // (ur54: meetings a conference centre hosts for others.)
        ("承接部署会等党政会议场次", "≥60场"),
    ] {
        let t = replace(0, q(1, Category::Output, name, raw));
        assert_eq!(fired(&t, "input-as-output"), 0, "{name}");
    }
    let mut t = meetings.clone();
    t.units[0].projects[0].name = "全区培训工作推进会经费".into();
    assert_eq!(fired(&t, "input-as-output"), 0);
    // A building named for meetings is no project about them (ur50 d71).
    for building in ["会议中心维修改造工程", "机关会议室改造"] {
        let mut t = meetings.clone();
        t.units[0].projects[0].name = building.into();
        assert_eq!(fired(&t, "input-as-output"), 1, "{building}");
    }
    // ur42 f47: a floor on a rate of quality at a tenth of a usual target.
    // (Bare, and other rates of quality, ur50 d74/d75.)
    // (And an exact one, `=9.8%`, ur50 d74.)
    for (name, raw) in [
        ("培训考核合格率", "9.5%"),
        ("高血压患者规范管理率", "≥9%"),
        ("工程验收合格率", "=9.8%"),
    ] {
        let t = replace(1, q(2, Category::Output, name, raw));
        assert_eq!(fired(&t, "placeholder-value"), 1, "{name} {raw}");
    }
    let slip = replace(1, q(2, Category::Output, "培训考核合格率", "≥9.5%"));
    let f = run(&slip);
    let hits = of(&f, "placeholder-value");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let zh = Messages::new(&slip).render(&hits[0].message, Lang::Zh);
    assert!(zh.contains("95%"), "{zh}");
    for (name, raw) in [
        ("培训考核合格率", "≥95%"),
        ("培训考核合格率", "≤9.5%"),
        ("失业率", "≥9.5%"),
        ("项目覆盖率", "≥5%"),
        ("全旗森林覆盖率", "≥8.2%"),
        ("抽检不合格率", "≥8%"),
        ("60岁及以上老年人流感疫苗接种率", "≥8%"),
    ] {
        let t = replace(1, q(2, Category::Output, name, raw));
        assert_eq!(fired(&t, "placeholder-value"), 0, "{name} {raw}");
    }
}

#[test]
fn a_unit_closing_the_name_is_the_values() {
    // ur46 d41: `项目总成本（万元）：≤1200` drew unit-missing and hid the cost
    // over the project's 50 万元.
    let t = replace(3, q(4, Category::Cost, "项目总成本（万元）", "≤1200"));
    let f = run(&t);
    assert_eq!(of(&f, "unit-missing").len(), 0, "{:?}", ids(&f));
    assert_eq!(of(&f, "cost-exceeds-budget").len(), 1, "{:?}", ids(&f));
    let t = replace(1, q(2, Category::Outcome, "参训人员技能合格率（%）", "≥90"));
    assert_eq!(fired(&t, "unit-missing"), 0);
    // With a magnitude, a classifier, money per something (ur51).
    for name in [
        "受益人口（万人）",
        "运营补贴床位数（张）",
        "法律援助案件补贴标准（元/件）",
    ] {
        let t = replace(0, q(1, Category::Output, name, "≥500"));
        assert_eq!(fired(&t, "unit-missing"), 0, "{name}");
    }
    // A bracket that is no unit leaves the value without one.
    let t = replace(0, q(1, Category::Output, "培训人次（含线上）", "≥500"));
    assert_eq!(fired(&t, "unit-missing"), 1);
}

#[test]
fn long_term_in_annual() {
    let mut i = ql(2, Category::Outcome, "青年就业能力", "三年内明显提升");
    i.terminator = Some("。".into());
    assert_eq!(fired(&replace(1, i), "long-term-in-annual"), 1);
    assert_eq!(
        fired(
            &replace(1, ql(2, Category::Outcome, "覆盖面", "到2026年全覆盖")),
            "long-term-in-annual"
        ),
        1
    );
    assert_eq!(fired(&clean_table(), "long-term-in-annual"), 0);
    // `到2024年底` in the table of 2024 is the end of this year.
    let mut t = replace(1, ql(2, Category::Outcome, "覆盖面", "到2024年底全覆盖"));
    t.fiscal_year = Some(2024);
    assert_eq!(fired(&t, "long-term-in-annual"), 0);
    t.fiscal_year = Some(2023);
    assert_eq!(fired(&t, "long-term-in-annual"), 1);
}

#[test]
fn long_term_in_annual_spares_a_multi_year_table_up_to_its_last_year() {
    // /tmp/ur9/clean/t18-multiyear-onecell.tsv: a 中期 table by its title.
    let i = || q(5, Category::Outcome, "到2026年森林覆盖率", "≥45%");
    for title in [
        "某县林业局2024-2026年项目中期绩效目标表",
        "2024年至2026年项目支出绩效目标表",
        "2024 ～ 2026年度中期绩效目标",
    ] {
        let mut t = replace(1, i());
        t.title = Some(title.into());
        assert_eq!(fired(&t, "long-term-in-annual"), 0, "{title}");
        // Beyond the span's last year: long-term even here.
        let mut t = replace(1, q(5, Category::Outcome, "到2030年森林覆盖率", "≥45%"));
        t.title = Some(title.into());
        assert_eq!(fired(&t, "long-term-in-annual"), 1, "{title}");
    }
    // One year in the title, a budget year read elsewhere, or numbers that
    // are no years: annual.
    for (title, year) in [
        ("某县林业局2024年项目支出绩效目标表", None),
        ("2024-2026年项目中期绩效目标表", Some(2024)),
        ("项目支出绩效目标表（编号2024-2026）", None),
    ] {
        let mut t = replace(1, i());
        t.title = Some(title.into());
        t.fiscal_year = year;
        assert_eq!(fired(&t, "long-term-in-annual"), 1, "{title}");
    }
}

#[test]
fn scale_mismatch() {
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "安排培训经费500000元，开展培训。",
            clean_indicators(),
        )
        .finish();
    assert_eq!(fired(&t, "scale-mismatch"), 1);
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "人均培训成本不超过500元/人。",
            clean_indicators(),
        )
        .finish();
    assert_eq!(fired(&t, "scale-mismatch"), 0);
}

#[test]
fn placeholder_value() {
    let f = run(&replace(1, ql(2, Category::Outcome, "社会效益", "/")));
    assert_eq!(of(&f, "placeholder-value").len(), 1);
    let f = run(&replace(1, ql(2, Category::Outcome, "社会效益", "XX%")));
    assert_eq!(of(&f, "placeholder-value").len(), 1);
    assert_eq!(fired(&clean_table(), "placeholder-value"), 0);
}

#[test]
fn ocr_suspect() {
    let f = run(&replace(1, ql(2, Category::Outcome, "技能合格率", "W90%")));
    assert_eq!(of(&f, "ocr-suspect").len(), 1);
    let f = run(&replace(1, q(2, Category::Outcome, "技能合格率", "295%")));
    assert_eq!(of(&f, "ocr-suspect").len(), 1, "{:?}", ids(&f));
    assert_eq!(of(&f, "percent-out-of-range").len(), 0);
    assert_eq!(fired(&clean_table(), "ocr-suspect"), 0);
}

#[test]
fn ocr_suspect_letters_read_for_digits() {
    // A probe's n06: `1OO%`, `≥9O%` read as words, the target gone silently.
    for raw in ["1OO%", "≥9O%", "l200人", "≥1O0人次", "≥95.O%"] {
        let t = replace(2, ql(3, Category::Satisfaction, "参训人员满意度", raw));
        let f = run(&t);
        let hits = of(&f, "ocr-suspect");
        assert_eq!(hits.len(), 1, "{raw}: {:?}", ids(&f));
        assert!(zh(&t, hits[0]).contains("O 为 0"), "{}", zh(&t, hits[0]));
    }
    // Names and words with those letters are no digits.
    for raw in [
        "CO2减排明显",
        "有效提升",
        "OK",
        "符合ISO9001标准",
        "达到IPv6要求",
        "Office2016",
    ] {
        let t = replace(1, ql(2, Category::Outcome, "技能水平", raw));
        assert_eq!(fired(&t, "ocr-suspect"), 0, "{raw}");
    }
}

#[test]
fn a_damaged_comparator_is_one_finding() {
    // `W90%` as the grammar reads it (label W, 90 %): the OCR suspicion alone,
    // not also a label before the value and a missing comparator; with
    // ocr-suspect switched off, those two say what they see.
    let t = replace(1, q(2, Category::Outcome, "技能合格率", "W90%"));
    let f = run(&t);
    assert_eq!(of(&f, "ocr-suspect").len(), 1, "{:?}", ids(&f));
    assert_eq!(of(&f, "value-prefixed").len(), 0, "{:?}", ids(&f));
    assert_eq!(of(&f, "operator-missing").len(), 0, "{:?}", ids(&f));
    let mut profile = Profile::national();
    profile.rules.insert(
        "ocr-suspect".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    let f = review(&t, &profile);
    assert_eq!(of(&f, "value-prefixed").len(), 1, "{:?}", ids(&f));
    assert_eq!(of(&f, "operator-missing").len(), 1, "{:?}", ids(&f));
}

/// One 10 万元 training project per count of 人次, each with its own names.
fn training_projects(counts: &[&str]) -> Table {
    let mut b = Builder::new();
    for (k, n) in counts.iter().enumerate() {
        let mut inds = clean_indicators();
        inds[0] = q(
            1,
            Category::Output,
            &format!("培训人次{k}"),
            &format!("≥{n}人次"),
        );
        inds[1] = q(2, Category::Outcome, &format!("技能合格率{k}"), "≥90%");
        inds[3] = q(4, Category::Cost, &format!("项目总成本{k}"), "≤10万元");
        b = b.project(
            &format!("项目{k}"),
            "10.00",
            &format!("第{k}期培训。"),
            inds,
        );
    }
    b.finish()
}

#[test]
fn unit_cost_outlier_by_median_mad() {
    // 10 万元 for 500, 520, 480, 510 人次 ≈ 200 元/人次; one at 10 万元 for 20 人次 = 5000.
    let t = training_projects(&["500", "520", "480", "510", "20"]);
    let f = run(&t);
    let hits = of(&f, "unit-cost");
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|h| h.severity == Severity::Info));
    let warn = of(&f, "unit-cost-outlier");
    assert_eq!(
        warn.len(),
        1,
        "{:?}",
        hits.iter().map(|h| zh(&t, h)).collect::<Vec<_>>()
    );
    assert_eq!(warn[0].severity, Severity::Warning);
    assert_eq!(warn[0].location.project, Some(4));
    assert!(zh(&t, warn[0]).contains("5000"));
    // Outliers alone can be made to fail a build, the information left as
    // it is (ur15 A4: one severity for both made every cost an error).
    let mut p = Profile::national();
    p.rules.insert(
        "unit-cost-outlier".into(),
        RuleSetting {
            enabled: None,
            severity: Some(Severity::Error),
        },
    );
    let f = review(&t, &p);
    assert_eq!(errors(&f).len(), 1);
    assert_eq!(errors(&f)[0].rule, "unit-cost-outlier");
    assert!(of(&f, "unit-cost")
        .iter()
        .all(|h| h.severity == Severity::Info));
    // Switched off, the outlier's cost is information like the others'.
    p.rules.insert(
        "unit-cost-outlier".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    let f = review(&t, &p);
    assert_eq!(of(&f, "unit-cost").len(), 5);
    assert!(of(&f, "unit-cost-outlier").is_empty());
    // A profile written before the split: `unit-cost`'s settings are the
    // outlier rule's too, unless it has its own (ur16 S2).
    let setting =
        |enabled: Option<bool>, severity: Option<Severity>| RuleSetting { enabled, severity };
    let mut p = Profile::national();
    p.rules
        .insert("unit-cost".into(), setting(None, Some(Severity::Error)));
    let f = review(&t, &p);
    assert_eq!(errors(&f).len(), 5);
    p.rules.insert(
        "unit-cost-outlier".into(),
        setting(None, Some(Severity::Warning)),
    );
    let f = review(&t, &p);
    assert_eq!(of(&f, "unit-cost-outlier")[0].severity, Severity::Warning);
    let mut p = Profile::national();
    p.rules
        .insert("unit-cost".into(), setting(Some(false), None));
    assert!(review(&t, &p)
        .iter()
        .all(|f| !f.rule.starts_with("unit-cost")));
    // A severity of the outlier rule's own asks for it (ur17 S1).
    p.rules.insert(
        "unit-cost-outlier".into(),
        setting(None, Some(Severity::Error)),
    );
    let f = review(&t, &p);
    assert_eq!(errors(&f).len(), 1);
    assert!(of(&f, "unit-cost").is_empty());
}

// ---- profiles, notices, order ----

#[test]
fn profile_disables_and_overrides() {
    let t = replace(0, q(1, Category::Output, "培训人次", "500人次"));
    let mut p = Profile::national();
    p.rules.insert(
        "operator-missing".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    p.rules.insert(
        "unit-cost".into(),
        RuleSetting {
            enabled: None,
            severity: Some(Severity::Warning),
        },
    );
    let f = review(&t, &p);
    assert!(of(&f, "operator-missing").is_empty());
    assert_eq!(of(&f, "unit-cost")[0].severity, Severity::Warning);
    assert!(p.validate().is_empty());
    p.rules
        .insert("no-such-rule".into(), RuleSetting::default());
    assert_eq!(p.validate().len(), 1);
}

#[test]
fn reader_notices_become_info_findings() {
    let mut t = clean_table();
    t.notices.push(Notice::new(
        Some(Origin::new(4, 2)),
        "encoding-detected",
        "编码按 GB18030 检测".into(),
        "the encoding was detected as GB18030".into(),
    ));
    let f = run(&t);
    let n = of(&f, "encoding-detected");
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].severity, Severity::Info);
    assert_eq!(n[0].location.row, Some(4));
    // Each language its own text, never both.
    assert_eq!(zh(&t, n[0]), "编码按 GB18030 检测");
    assert_eq!(en(&t, n[0]), "the encoding was detected as GB18030");
    let mut p = Profile::national();
    p.notices = false;
    assert!(of(&review(&t, &p), "encoding-detected").is_empty());
    // A notice switched on by name is reported with the others off, at the
    // profile's severity (ur15 A3: the explicit `enabled = true` was ignored).
    p.rules.insert(
        "encoding-detected".into(),
        RuleSetting {
            enabled: Some(true),
            severity: Some(Severity::Warning),
        },
    );
    let f = review(&t, &p);
    assert_eq!(of(&f, "encoding-detected").len(), 1);
    assert_eq!(of(&f, "encoding-detected")[0].severity, Severity::Warning);
    // A severity asked for a notice is asking for the notice (ur16 S3).
    p.rules.insert(
        "encoding-detected".into(),
        RuleSetting {
            enabled: None,
            severity: Some(Severity::Warning),
        },
    );
    assert_eq!(of(&review(&t, &p), "encoding-detected").len(), 1);
}

/// A notice from a document written before the English text was kept apart
/// (`message_en` empty) shows its one message in both languages.
#[test]
fn a_notice_without_english_shows_its_message() {
    let mut t = clean_table();
    t.notices.push(Notice {
        origin: Some(Origin::new(4, 2)),
        code: "encoding-detected".into(),
        message: "编码按 GB18030 检测 (encoding detected)".into(),
        message_en: String::new(),
    });
    let f = run(&t);
    let n = of(&f, "encoding-detected");
    assert_eq!(zh(&t, n[0]), "编码按 GB18030 检测 (encoding detected)");
    assert_eq!(en(&t, n[0]), "编码按 GB18030 检测 (encoding detected)");
}

#[test]
fn findings_are_deterministic_and_sorted() {
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "",
            vec![q(2, Category::Output, "活动服务人数", "发布100人次")],
        )
        .project(
            "乙",
            "50.00",
            "",
            vec![q(1, Category::Outcome, "组建队伍", "10个")],
        )
        .finish();
    let a = run(&t);
    let b = run(&t);
    assert_eq!(a, b);
    let keys: Vec<_> = a
        .iter()
        .map(|f| (f.location.row.unwrap_or(0), f.location.col.unwrap_or(0)))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    for f in &a {
        assert!(!f.help(Lang::Zh).is_empty() && !f.help(Lang::English).is_empty());
        assert!(!en(&t, f).is_empty() && !zh(&t, f).is_empty());
        assert!(
            !zh(&t, f).contains('{'),
            "unfilled placeholder: {}",
            zh(&t, f)
        );
    }
}

#[test]
fn cell_text_reconstructs_cells() {
    let t = clean_table();
    assert_eq!(review::cell_text(&t, 4, 1).as_deref(), Some("技能培训经费"));
    assert_eq!(review::cell_text(&t, 4, 2).as_deref(), Some("50.00"));
    assert_eq!(review::cell_text(&t, 2, 1).as_deref(), Some("合计"));
    assert!(review::cell_text(&t, 4, 7)
        .unwrap()
        .starts_with("1-产出指标：培训人次"));
}

#[test]
fn separator_accepts_items_on_lines_of_their_own() {
    let mut inds = clean_indicators();
    let last = inds.len() - 1;
    for i in inds.iter_mut().take(last) {
        i.terminator = Some("\n".into());
    }
    assert_eq!(fired(&with_inds(inds.clone()), "separator-nonstandard"), 0);
    // Nothing at all between two items: said as such.
    inds[1].terminator = None;
    let t = with_inds(inds);
    let f = run(&t);
    let hits = of(&f, "separator-nonstandard");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(text.contains("之后没有分隔符，应以“。”结束"), "{text}");
}

#[test]
fn separator_ignores_whitespace_around_the_terminator() {
    let mut inds = clean_indicators();
    inds[0].terminator = Some("。 ".into());
    inds[3].terminator = Some(" ".into());
    assert_eq!(fired(&with_inds(inds.clone()), "separator-nonstandard"), 0);
    inds[1].terminator = Some("， ".into());
    assert_eq!(fired(&with_inds(inds), "separator-nonstandard"), 1);
}

/// Chinese digits, so that goals differ even after Arabic numbers are masked.
fn cn(mut k: usize) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let mut s = Vec::new();
    loop {
        s.push(D[k % 10]);
        k /= 10;
        if k == 0 {
            break;
        }
    }
    s.iter().rev().collect()
}

/// A goal sentence of its own for project `k`: 24 ideographs drawn by a
/// linear congruential generator from 2 000, so that no two projects' texts
/// are alike (a template with only the number changed would be a
/// near-duplicate goal).
fn own_sentence(k: usize) -> String {
    let mut x = (k as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..24)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            char::from_u32(0x4E00 + ((x >> 33) % 2000) as u32).unwrap_or('一')
        })
        .collect()
}

fn goals_table(n: usize) -> Table {
    let mut b = Builder::new();
    for k in 0..n {
        let mut goal = format!("第{}号项目{}。", cn(k), own_sentence(k));
        if k % 100 == 0 {
            goal.push_str("建设运营好12个社工站点，打造青少年身边的共青团阵地。");
        }
        b = b.project(&format!("项目{k}"), "10.00", &goal, clean_indicators());
    }
    b.finish()
}

/// The national profile with only `goal-duplicate` on.
fn only_goal_duplicate() -> Profile {
    let mut only = Profile::national();
    for r in RULES {
        if r.id != "goal-duplicate" {
            only.rules.insert(
                r.id.into(),
                RuleSetting {
                    enabled: Some(false),
                    severity: None,
                },
            );
        }
    }
    only
}

#[test]
fn goal_duplicate_groups_by_bucket_not_by_pair() {
    // 20 000 goals of one template (numbers differ, so they mask to the same
    // sentences): a pairwise method would report n(n-1)/2 pairs; grouping by
    // masked sentence reports each later project once, against the first.
    let n = 20_000usize;
    let mut b = Builder::new();
    for k in 0..n {
        let goal = format!(
            "开展青少年服务活动{}场，覆盖全区各街道社区青少年群体。建设运营好{}个社工站点，打造青少年身边的共青团阵地。",
            k + 1,
            k % 50 + 1
        );
        b = b.project(&format!("项目{k}"), "10.00", &goal, clean_indicators());
    }
    let t = b.finish();
    let f = review(&t, &only_goal_duplicate());
    assert_eq!(f.len(), n - 1);
    let mut later: Vec<u32> = f.iter().filter_map(|x| x.location.project).collect();
    later.sort_unstable();
    assert_eq!(later, (1..n as u32).collect::<Vec<_>>());
    assert!(f.iter().all(|x| {
        let text = zh(&t, x);
        text.contains("与项目「项目0」") && text.contains("有 2 句相同")
    }));
}

#[test]
fn goal_duplicate_counts_at_two_sizes() {
    // One shared sentence every 100 projects: one finding per later project of
    // the bucket, at any size.
    let only = only_goal_duplicate();
    for (n, want) in [(4_000usize, 39usize), (20_000, 199)] {
        let t = goals_table(n);
        let f = review(&t, &only);
        assert_eq!(f.len(), want, "{n} projects");
        assert!(f.iter().all(|x| zh(&t, x).contains("与项目「项目0」")));
    }
}

#[test]
fn unit_cost_does_not_flag_a_geometric_spread() {
    // 10 万元 for 1000, 500, 250, 125, 62 人次: costs double each time (100 … 1613 元/人次).
    let t = training_projects(&["1000", "500", "250", "125", "62"]);
    let f = run(&t);
    let hits = of(&f, "unit-cost");
    assert_eq!(hits.len(), 5);
    assert!(of(&f, "unit-cost-outlier").is_empty(), "{:?}", ids(&f));
}

#[test]
fn money_scale_suspect_fires_on_yuan_amounts_under_wanyuan() {
    let build = |amount: &str| {
        let mut b = Builder::new();
        for k in 0..4 {
            b = b.project(
                &format!("项目{k}"),
                amount,
                "开展培训。",
                clean_indicators(),
            );
        }
        b.finish()
    };
    // 1 200 000 "万元" per project (120亿): surely typed in 元.
    let t = build("1200000.00");
    let f = run(&t);
    let hits = of(&f, "money-scale-suspect");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(text.contains("1200000"), "{text}");
    assert_eq!(hits[0].location.row, t.header_row.or(Some(1)));
    // 120 万元 per project is ordinary.
    let f = run(&build("120.00"));
    assert!(of(&f, "money-scale-suspect").is_empty(), "{:?}", ids(&f));
}

#[test]
fn money_scale_suspect_fires_on_wanyuan_amounts_under_yuan() {
    let mut b = Builder::new();
    for k in 0..3 {
        b = b.project(
            &format!("项目{k}"),
            "0.0158",
            "开展培训。",
            clean_indicators(),
        );
    }
    let mut t = b.finish();
    // Printed as 158.00 元 per project: the amounts were meant in 万元.
    t.money_scale = jixiao_core::MoneyScale::Yuan;
    let f = run(&t);
    assert_eq!(of(&f, "money-scale-suspect").len(), 1, "{:?}", ids(&f));
    // Fewer than 3 projects: no judgement.
    t.units[0].projects.truncate(2);
    let f = run(&t);
    assert!(of(&f, "money-scale-suspect").is_empty(), "{:?}", ids(&f));
}

#[test]
fn money_scale_suspect_judges_one_project_only_under_an_assumed_scale() {
    let build = |amount: &str, stated: bool| {
        let mut t = Builder::new()
            .project("项目0", amount, "开展培训。", clean_indicators())
            .finish();
        t.money_scale_stated = stated;
        t
    };
    // A form's 10 000 000.00 under no printed unit: read as 1000亿 万元.
    let t = build("10000000.00", false);
    let f = run(&t);
    let hits = of(&f, "money-scale-suspect");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(
        text.contains("项目金额为 10000000") && text.contains("推定"),
        "{text}"
    );
    assert_eq!(hits[0].location.project, Some(0));
    // A printed 万元 is the filer's word; an ordinary amount is no sign.
    for (amount, stated) in [("10000000.00", true), ("1000.00", false)] {
        let f = run(&build(amount, stated));
        assert!(
            of(&f, "money-scale-suspect").is_empty(),
            "{amount}: {:?}",
            ids(&f)
        );
    }
}

// ---- target-too-low (GUIDE §4 row 30) ----

/// The clean project with a 上年实际值 column headed `header`; indicator `k`
/// replaced by `new`.
fn with_prior_table(header: Option<&str>, k: usize, new: Indicator) -> Table {
    let mut inds = clean_indicators();
    inds[k] = new;
    let mut b = Builder::new();
    if let Some(h) = header {
        b = b.prior_column(h);
    }
    b.project(
        "技能培训经费",
        "50.00",
        "开展青年技能培训，提升就业能力。",
        inds,
    )
    .finish()
}

fn too_low(header: Option<&str>, k: usize, new: Indicator) -> usize {
    fired(&with_prior_table(header, k, new), "target-too-low")
}

const PRIOR_2023: Option<&str> = Some("指标值/2023年实际实现值");

#[test]
fn target_too_low_is_catalogued_as_a_warning() {
    let r = review::rule("target-too-low").expect("catalogued");
    assert_eq!(r.severity, Severity::Warning);
    assert!(r.basis.contains("10号"), "{}", r.basis);
    assert!(r.explanation.contains("130%"), "{}", r.explanation);
}

#[test]
fn target_too_low_higher_is_better() {
    let out = |raw: &str| q(1, Category::Output, "培训人次", raw);
    let t = with_prior_table(PRIOR_2023, 0, with_prior(out("≥500人次"), "600人次"));
    let f = run(&t);
    let hits = of(&f, "target-too-low");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let h = hits[0];
    assert_eq!(h.severity, Severity::Warning);
    assert_eq!(h.location.row, Some(4));
    assert_eq!(h.location.col, Some(7));
    assert_eq!(h.location.indicator, Some(1));
    let cell = t.units[0].projects[0].indicator_cell.clone().unwrap();
    assert_eq!(&cell[h.location.span.unwrap().range()], "≥500人次");
    assert_eq!(
        zh(&t, h),
        "「技能培训经费」第1项「培训人次」：目标值「≥500人次」低于2023年实际值「600人次」"
    );
    assert_eq!(
        en(&t, h),
        "\"技能培训经费\" item 1 \"培训人次\": target \"≥500人次\" is below the 2023 actual \"600人次\""
    );
    // A bare prior number takes the target's unit; > and = and no comparator are higher-is-better.
    for raw in ["≥500人次", ">500人次", "=500人次", "500人次"] {
        assert_eq!(
            too_low(PRIOR_2023, 0, with_prior(out(raw), "501")),
            1,
            "{raw}"
        );
    }
    // Equal or above the prior: fine.
    assert_eq!(
        too_low(PRIOR_2023, 0, with_prior(out("≥500人次"), "500")),
        0
    );
    assert_eq!(
        too_low(PRIOR_2023, 0, with_prior(out("≥500人次"), "500.00人次")),
        0
    );
    assert_eq!(
        too_low(PRIOR_2023, 0, with_prior(out("≥500人次"), "450人次")),
        0
    );
    // Percentages, with ％ spelled full-width in the prior.
    let rate =
        |prior: &str| with_prior(q(2, Category::Outcome, "参训人员技能合格率", "≥90%"), prior);
    assert_eq!(too_low(PRIOR_2023, 1, rate("95％")), 1);
    assert_eq!(too_low(PRIOR_2023, 1, rate("88%")), 0);
}

#[test]
fn target_too_low_lower_is_better() {
    let cost = |raw: &str, prior: &str| with_prior(q(4, Category::Cost, "项目总成本", raw), prior);
    let t = with_prior_table(PRIOR_2023, 3, cost("≤50万元", "45万元"));
    let f = run(&t);
    let hits = of(&f, "target-too-low");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(
        zh(&t, hits[0]),
        "「技能培训经费」第4项「项目总成本」：反向指标的目标值「≤50万元」高于2023年实际值「45万元」"
    );
    assert_eq!(
        en(&t, hits[0]),
        "\"技能培训经费\" item 4 \"项目总成本\": target \"≤50万元\" of a lower-is-better indicator is above the 2023 actual \"45万元\""
    );
    assert_eq!(too_low(PRIOR_2023, 3, cost("<50万元", "45")), 1);
    // At or below the prior: fine (a lower cost is more ambitious).
    assert_eq!(too_low(PRIOR_2023, 3, cost("≤50万元", "50")), 0);
    assert_eq!(too_low(PRIOR_2023, 3, cost("≤50万元", "60万元")), 0);
    // 反向 stated in a 指标方向性 column, no comparator.
    let faults = |prior: &str| {
        with_prior(
            with_direction(
                q(1, Category::Output, "设备故障次数", "5次"),
                Direction::LowerBetter,
            ),
            prior,
        )
    };
    assert_eq!(too_low(PRIOR_2023, 0, faults("3次")), 1);
    assert_eq!(too_low(PRIOR_2023, 0, faults("8次")), 0);
    // A bare target whose name reads lower-is-better: no guess either way.
    let accidents =
        |raw: &str, prior: &str| with_prior(q(1, Category::Output, "安全事故发生次数", raw), prior);
    assert_eq!(too_low(PRIOR_2023, 0, accidents("=0次", "1次")), 0);
    assert_eq!(too_low(PRIOR_2023, 0, accidents("2次", "1次")), 0);
    // ≥ contradicted by a 反向 column: no judgement.
    let conflict = with_prior(
        with_direction(
            q(1, Category::Output, "培训人次", "≥500人次"),
            Direction::LowerBetter,
        ),
        "600人次",
    );
    assert_eq!(too_low(PRIOR_2023, 0, conflict), 0);
}

#[test]
fn target_too_low_range_uses_its_bound() {
    let range = |prior: &str, lower: Direction| {
        let mut i = q(2, Category::Outcome, "就业率", "80-90%");
        if let Target::Quantitative(qq) = &mut i.target {
            qq.op = Some(Comparator::Range);
            qq.value = d("80");
            qq.value_hi = Some(d("90"));
            qq.unit = Some("%".into());
        }
        let i = if lower == Direction::LowerBetter {
            with_direction(i, lower)
        } else {
            i
        };
        with_prior(i, prior)
    };
    let hi = Direction::HigherBetter;
    let lo = Direction::LowerBetter;
    // Higher is better: the lower bound 80 counts.
    assert_eq!(too_low(PRIOR_2023, 1, range("85%", hi)), 1);
    assert_eq!(too_low(PRIOR_2023, 1, range("80%", hi)), 0);
    // 反向: the upper bound 90 counts.
    assert_eq!(too_low(PRIOR_2023, 1, range("85%", lo)), 1);
    assert_eq!(too_low(PRIOR_2023, 1, range("90%", lo)), 0);
}

#[test]
fn target_too_low_needs_comparable_values() {
    let out = |prior: &str| with_prior(q(1, Category::Output, "培训人次", "≥500人次"), prior);
    // Another unit: no finding, never a conversion.
    assert_eq!(too_low(PRIOR_2023, 0, out("600人")), 0);
    // A magnitude is no other unit: 0.06万人次 is 600 人次, above the target 500.
    assert_eq!(too_low(PRIOR_2023, 0, out("0.06万人次")), 1);
    assert_eq!(too_low(PRIOR_2023, 0, out("0.04万人次")), 0);
    // Unparseable, ranged, labelled or comparator-bearing priors.
    for prior in ["/", "无", "较好", "550-650", "约600", "≥600", ""] {
        assert_eq!(too_low(PRIOR_2023, 0, out(prior)), 0, "{prior}");
    }
    // A bare fraction against a percentage target: 0.95 may mean 95 %.
    let rate = with_prior(q(2, Category::Outcome, "技能合格率", "≥90%"), "0.95");
    assert_eq!(too_low(PRIOR_2023, 1, rate), 0);
    // A qualitative target with a prior: nothing to compare.
    let qual = with_prior(ql(2, Category::Outcome, "就业能力", "明显提升"), "90%");
    assert_eq!(too_low(PRIOR_2023, 1, qual), 0);
    // No prior at all (the one-cell layout): nothing.
    assert_eq!(fired(&clean_table(), "target-too-low"), 0);
    assert_eq!(
        too_low(
            PRIOR_2023,
            0,
            q(1, Category::Output, "培训人次", "≥500人次")
        ),
        0
    );
}

#[test]
fn target_too_low_without_a_year_says_last_year() {
    let i = with_prior(q(1, Category::Output, "培训人次", "≥500人次"), "600");
    // No 上年实际值 column recorded (so no year): 上年 / last year's.
    let t = with_prior_table(None, 0, i.clone());
    let f = run(&t);
    let hits = of(&f, "target-too-low");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(
        zh(&t, hits[0]),
        "「技能培训经费」第1项「培训人次」：目标值「≥500人次」低于上年实际值「600」"
    );
    assert_eq!(
        en(&t, hits[0]),
        "\"技能培训经费\" item 1 \"培训人次\": target \"≥500人次\" is below last year's actual \"600\""
    );
    // `上年实际完成值` with the fiscal year: the year before it.
    let mut t = with_prior_table(Some("上年实际完成值"), 0, i.clone());
    t.fiscal_year = Some(2025);
    let f = run(&t);
    assert!(zh(&t, of(&f, "target-too-low")[0]).contains("低于2024年实际值"));
    // Switched off by a profile.
    let mut p = Profile::national();
    p.rules.insert(
        "target-too-low".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    assert!(of(&review(&t, &p), "target-too-low").is_empty());
    // Lower-is-better without a year.
    let cost = with_prior(q(4, Category::Cost, "项目总成本", "≤50万元"), "45");
    let t = with_prior_table(None, 3, cost);
    let f = run(&t);
    assert_eq!(
        en(&t, of(&f, "target-too-low")[0]),
        "\"技能培训经费\" item 4 \"项目总成本\": target \"≤50万元\" of a lower-is-better indicator is above last year's actual \"45\""
    );
    assert!(zh(&t, of(&f, "target-too-low")[0]).contains("高于上年实际值「45」"));
}

// ---- boilerplate-indicator: generic 经济/生态/可持续 values (GUIDE §4 row 27) ----

fn sub(mut i: Indicator, subcategory: &str) -> Indicator {
    i.subcategory = Some(subcategory.to_string());
    i
}

/// A Sichuan-style township pay project with one 效益 indicator `benefit`.
fn pay_project(project: &str, benefit: Indicator) -> Table {
    Builder::new()
        .project(
            project,
            "120.00",
            "保障机关干部职工工资按时足额发放。",
            vec![
                sub(q(1, Category::Output, "发放工资人数", "≥25人"), "数量指标"),
                sub(
                    q(2, Category::Output, "工资发放及时率", "=100%"),
                    "时效指标",
                ),
                benefit,
                sub(
                    q(4, Category::Satisfaction, "干部职工满意度", "≥90%"),
                    "服务对象满意度指标",
                ),
                sub(q(5, Category::Cost, "工资支出", "≤120万元"), "经济成本指标"),
            ],
        )
        .finish()
}

fn generic(project: &str, benefit: Indicator) -> usize {
    fired(&pay_project(project, benefit), "boilerplate-indicator")
}

const PAY: &str = "马踏镇机关干部职工工资";

#[test]
fn boilerplate_generic_ecological_value_on_a_pay_project() {
    let eco = |name: &str, raw: &str| sub(q(3, Category::Outcome, name, raw), "生态效益指标");
    let t = pay_project(PAY, eco("保护生态环境卫生", "≥95%"));
    let f = run(&t);
    let hits = of(&f, "boilerplate-indicator");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let h = hits[0];
    assert_eq!(h.severity, Severity::Info);
    assert_eq!(h.location.row, Some(4));
    assert_eq!(h.location.indicator, Some(3));
    assert_eq!(
        zh(&t, h),
        "「马踏镇机关干部职工工资」第3项「保护生态环境卫生」：生态效益指标以笼统的高百分比「≥95%」为目标，名称不是可计量的比率，与项目名称和产出指标也无关联，疑为套用"
    );
    assert_eq!(
        en(&t, h),
        "\"马踏镇机关干部职工工资\" item 3 \"保护生态环境卫生\": ecological benefit indicator with a generic high percentage \"≥95%\"; the name is no measurable rate and is not tied to the project's name or outputs (likely boilerplate)"
    );
    // 100 %, no comparator, and the vague 程度 count too.
    assert_eq!(generic(PAY, eco("保护生态环境卫生", "100%")), 1);
    assert_eq!(generic(PAY, eco("生态环境改善程度", "≥98%")), 1);
    // Switched off with the rule.
    let mut p = Profile::national();
    p.rules.insert(
        "boilerplate-indicator".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    assert!(of(&review(&t, &p), "boilerplate-indicator").is_empty());
}

#[test]
fn boilerplate_generic_economic_and_sustainability_branches() {
    let t = pay_project(
        PAY,
        sub(
            q(3, Category::Outcome, "项目长期发挥作用", "≥96%"),
            "可持续影响指标",
        ),
    );
    let f = run(&t);
    let hits = of(&f, "boilerplate-indicator");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert!(zh(&t, hits[0]).contains("：可持续影响指标以笼统的高百分比「≥96%」"));
    assert!(en(&t, hits[0]).contains(": sustainability indicator with"));
    // Without a 二级 the name decides the branch.
    let t = pay_project(PAY, q(3, Category::Outcome, "促进地方经济发展", "≥95%"));
    let f = run(&t);
    let hits = of(&f, "boilerplate-indicator");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert!(en(&t, hits[0]).contains(": economic benefit indicator with"));
}

#[test]
fn boilerplate_generic_spares_measurable_and_tied_values() {
    let eco = |name: &str, raw: &str| sub(q(3, Category::Outcome, name, raw), "生态效益指标");
    // A measurable rate or share.
    for name in [
        "生活垃圾无害化处理率",
        "绿化覆盖面积比例",
        "污水处理达标",
        "设施完好度",
    ] {
        assert_eq!(generic(PAY, eco(name, "≥95%")), 0, "{name}");
    }
    // Not a high percentage, or a ceiling.
    for raw in ["≥90%", "≤95%", "<96%", "120%", "≥95个"] {
        assert_eq!(generic(PAY, eco("保护生态环境卫生", raw)), 0, "{raw}");
    }
    // Tied to the project: its name (or an output) shares 环境/卫生.
    assert_eq!(
        generic("镇区环境卫生整治经费", eco("保护生态环境卫生", "≥95%")),
        0
    );
    // 社会效益 is not this variant; neither is a name without 经济/生态/可持续.
    let social = sub(
        q(3, Category::Outcome, "保障干部队伍稳定", "≥95%"),
        "社会效益指标",
    );
    assert_eq!(generic(PAY, social), 0);
    assert_eq!(
        generic(PAY, q(3, Category::Outcome, "促进社区和谐", "≥95%")),
        0
    );
    // An output under 产出 with an ecological name is not a 效益 value.
    let output = sub(
        q(3, Category::Output, "保护生态环境卫生", "≥95%"),
        "质量指标",
    );
    assert_eq!(generic(PAY, output), 0);
    // A qualitative 生态效益 target is not a percentage.
    assert_eq!(
        generic(
            PAY,
            sub(
                ql(3, Category::Outcome, "保护生态环境卫生", "明显改善"),
                "生态效益指标"
            )
        ),
        0
    );
}

#[test]
fn target_too_low_leaves_times_and_deadlines_unjudged() {
    // Faster or earlier is better for these, and nothing says which way the
    // bare number should go: no finding either way.
    let response = with_prior(q(1, Category::Output, "平均响应时间", "30分钟"), "45分钟");
    assert_eq!(too_low(PRIOR_2023, 0, response), 0);
    let mut deadline = with_prior(q(1, Category::Output, "资金拨付", "10月"), "12月");
    deadline.subcategory = Some("时效指标".into());
    assert_eq!(too_low(PRIOR_2023, 0, deadline), 0);
    let days = with_prior(q(1, Category::Output, "办结", "5工作日"), "7工作日");
    assert_eq!(too_low(PRIOR_2023, 0, days), 0);
    // An explicit comparator still decides: ≥ on a time is higher-is-better.
    let stated = with_prior(q(1, Category::Output, "服务时长", "≥30小时"), "40小时");
    assert_eq!(too_low(PRIOR_2023, 0, stated), 1);
}

#[test]
fn boilerplate_generic_value_copied_across_projects_is_one_group_finding() {
    // The same generic value in three projects: the copy group names them all,
    // and no member gets a second, generic-value finding of its own.
    let eco = || {
        sub(
            q(3, Category::Outcome, "保护生态环境卫生", "≥95%"),
            "生态效益指标",
        )
    };
    let inds = |k: u32| {
        vec![
            sub(
                q(1, Category::Output, &format!("发放工资人数{k}"), "≥25人"),
                "数量指标",
            ),
            eco(),
            sub(
                q(4, Category::Satisfaction, "干部职工满意度", "≥90%"),
                "服务对象满意度指标",
            ),
        ]
    };
    let mut b = Builder::new();
    for k in 0..3 {
        b = b.project(
            &format!("{PAY}{k}"),
            "120.00",
            "保障工资按时发放。",
            inds(k),
        );
    }
    let t = b.finish();
    let f = run(&t);
    let hits = of(&f, "boilerplate-indicator");
    assert_eq!(
        hits.len(),
        1,
        "{:?}",
        hits.iter().map(|h| zh(&t, h)).collect::<Vec<_>>()
    );
    assert!(
        zh(&t, hits[0]).contains("在 3 个项目中完全相同"),
        "{}",
        zh(&t, hits[0])
    );
}

#[test]
fn project_duplicate() {
    let goal = "开展青年技能培训，提升就业能力。";
    let two = |second_amount: &str, second_goal: &str, second: Vec<Indicator>| {
        Builder::new()
            .project("技能培训经费", "50.00", goal, clean_indicators())
            .project("技能培训经费", second_amount, second_goal, second)
            .finish()
    };
    // The same project twice: one warning, at the copy.
    let t = two("50.00", goal, clean_indicators());
    let f = run(&t);
    let hits = of(&f, "project-duplicate");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let first_row = t.units[0].projects[0].origin.row;
    assert_eq!(
        hits[0].location.row,
        Some(t.units[0].projects[1].origin.row)
    );
    assert!(zh(&t, hits[0]).contains(&format!("第{first_row}行")));
    // Same name, but another amount, goal or indicator: two projects.
    let mut other = clean_indicators();
    other[0] = q(1, Category::Output, "培训人次", "≥600人次");
    for t in [
        two("60.00", goal, clean_indicators()),
        two("50.00", "另一个目标。", clean_indicators()),
        two("50.00", goal, other),
    ] {
        assert_eq!(fired(&t, "project-duplicate"), 0);
    }
    assert_eq!(fired(&clean_table(), "project-duplicate"), 0);
    // The first of the name differs; the second and third are the same.
    let t = Builder::new()
        .project("技能培训经费", "50.00", "目标一。", clean_indicators())
        .project("技能培训经费", "50.00", goal, clean_indicators())
        .project("技能培训经费", "50.00", goal, clean_indicators())
        .finish();
    let f = run(&t);
    let hits = of(&f, "project-duplicate");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].location.project, Some(2));
    let second_row = t.units[0].projects[1].origin.row;
    assert!(zh(&t, hits[0]).contains(&format!("第{second_row}行")));
}

#[test]
fn project_name_duplicate() {
    let goal = "开展青年技能培训，提升就业能力。";
    // The same name in one unit, another amount: an edited copy.
    let t = Builder::new()
        .unit("某单位")
        .project("技能培训经费", "50.00", goal, clean_indicators())
        .project("技能培训经费", "40.00", goal, clean_indicators())
        .finish();
    let f = run(&t);
    let hits = of(&f, "project-name-duplicate");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let (first, second) = (&t.units[0].projects[0], &t.units[0].projects[1]);
    assert_eq!(hits[0].location.row, Some(second.origin.row));
    assert_eq!(hits[0].severity, Severity::Warning);
    assert!(zh(&t, hits[0]).contains(&format!("第{}行", first.origin.row)));
    assert!(en(&t, hits[0]).contains(&format!("row {}", first.origin.row)));
    // An exact copy is project-duplicate alone.
    let t = Builder::new()
        .project("技能培训经费", "50.00", goal, clean_indicators())
        .project("技能培训经费", "50.00", goal, clean_indicators())
        .finish();
    let f = run(&t);
    assert_eq!(of(&f, "project-name-duplicate").len(), 0, "{:?}", ids(&f));
    assert_eq!(of(&f, "project-duplicate").len(), 1);
    // Two units may each have a project of that name.
    let t = Builder::new()
        .unit("甲单位")
        .project("办公经费", "50.00", goal, clean_indicators())
        .unit("乙单位")
        .project("办公经费", "40.00", goal, clean_indicators())
        .finish();
    assert_eq!(fired(&t, "project-name-duplicate"), 0);
    assert_eq!(fired(&clean_table(), "project-name-duplicate"), 0);
}

#[test]
fn indicator_duplicate() {
    // The same item twice: a warning at the repeat, naming the first.
    let mut inds = clean_indicators();
    inds.insert(1, q(2, Category::Output, "培训人次", "≥500人次"));
    for (k, i) in inds.iter_mut().enumerate() {
        i.seq = Some(k as u32 + 1);
    }
    let t = with_inds(inds.clone());
    let f = run(&t);
    let hits = of(&f, "indicator-duplicate");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].location.indicator, Some(2));
    assert_eq!(hits[0].severity, Severity::Warning);
    assert_eq!(
        zh(&t, hits[0]),
        "「技能培训经费」第2项「培训人次」与本项目第1项重复（名称、指标值均相同）"
    );
    // Both written as item 2: the earlier one is named by its place in the cell.
    let mut twice = inds.clone();
    twice[0].seq = Some(2);
    let t = with_inds(twice);
    let f = run(&t);
    assert_eq!(
        zh(&t, of(&f, "indicator-duplicate")[0]),
        "「技能培训经费」第2项「培训人次」与本项目单元格中第1个指标重复（名称、指标值均相同）"
    );
    // Same name, another value: which is the target?
    inds[1] = q(2, Category::Output, "培训人次", "≥600人次");
    let t = with_inds(inds.clone());
    let hits_t = run(&t);
    let hits = of(&hits_t, "indicator-duplicate");
    assert_eq!(hits.len(), 1);
    assert!(
        zh(&t, hits[0]).contains("指标值却不同（「≥600人次」与「≥500人次」）"),
        "{}",
        zh(&t, hits[0])
    );
    assert!(
        en(&t, hits[0]).contains("another value"),
        "{}",
        en(&t, hits[0])
    );
    // The same name under another 二级 (数量 and 质量) is two indicators.
    let mut a = q(1, Category::Output, "培训人次", "≥500人次");
    a.subcategory = Some("数量指标".into());
    let mut b = q(2, Category::Output, "培训人次", "≥500人次");
    b.subcategory = Some("时效指标".into());
    let mut inds = clean_indicators();
    inds[0] = a;
    inds.insert(1, b);
    assert_eq!(fired(&with_inds(inds), "indicator-duplicate"), 0);
    assert_eq!(fired(&clean_table(), "indicator-duplicate"), 0);
    // Many indicators (the map path): the 40th repeats the 3rd.
    let mut inds: Vec<Indicator> = (1..=40)
        .map(|k| q(k, Category::Output, &format!("产出{k}"), "≥1个"))
        .collect();
    inds[39] = q(40, Category::Output, "产出3", "≥1个");
    let t = with_inds(inds);
    let f = run(&t);
    let hits = of(&f, "indicator-duplicate");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert!(
        zh(&t, hits[0]).contains("与本项目第3项重复"),
        "{}",
        zh(&t, hits[0])
    );
}

// ---- magnitudes in values (`2万人次`) ----

/// An output indicator whose target is read by the grammar from `raw`.
fn parsed(seq: u32, name: &str, raw: &str) -> Indicator {
    let mut i = q(seq, Category::Output, name, "1人次");
    i.target = grammar::parse_value(raw).target;
    i.raw_value = raw.to_string();
    i
}

#[test]
fn unit_cost_applies_the_magnitude() {
    // 50 万元 for 2万人次 = 25.00 元/人次, the same as for 20000人次
    for raw in ["2万人次", "20000人次", "2万余人次", "≥2（万人次）"] {
        let mut inds = clean_indicators();
        inds[0] = parsed(1, "培训人次", raw);
        let t = with_inds(inds);
        let f = run(&t);
        let hits = of(&f, "unit-cost");
        assert_eq!(hits.len(), 1, "{raw}: {:?}", ids(&f));
        let text = zh(&t, hits[0]);
        assert!(text.contains("25.00 元/人次"), "{raw}: {text}");
    }
}

#[test]
fn magnitude_is_no_other_unit() {
    // 2万人次 and 5000人次 under one name: one unit, no unit-inconsistent
    let t = Builder::new()
        .project(
            "技能培训经费",
            "50.00",
            "开展青年技能培训。",
            vec![parsed(1, "培训人次", "2万人次")],
        )
        .project(
            "就业培训经费",
            "20.00",
            "开展就业培训。",
            vec![parsed(1, "培训人次", "5000人次")],
        )
        .finish();
    assert_eq!(fired(&t, "unit-inconsistent"), 0);
    // and the name-unit rule sees 人次
    let t = with_inds(vec![parsed(1, "培训人数", "0.5万人次")]);
    assert_eq!(fired(&t, "unit-name-mismatch"), 1);
}

#[test]
fn cost_in_wan_yuan_keeps_its_unit() {
    // 60万元 of cost against a 50.00 万元 project, also as `60余万元`
    for raw in ["≤60万元", "60余万元", "≤60.0万元"] {
        let mut inds = clean_indicators();
        let mut i = parsed(4, "项目总成本", raw);
        i.category = Category::Cost;
        inds[3] = i;
        let t = with_inds(inds);
        assert_eq!(fired(&t, "cost-exceeds-budget"), 1, "{raw}");
    }
}

#[test]
fn boilerplate_compares_the_scaled_number() {
    let t = Builder::new()
        .project(
            "甲项目",
            "50.00",
            "开展培训。",
            vec![parsed(1, "培训人次", "2万人次")],
        )
        .project(
            "乙项目",
            "20.00",
            "开展讲座。",
            vec![parsed(1, "培训人次", "20000人次")],
        )
        .finish();
    assert_eq!(fired(&t, "boilerplate-indicator"), 1);
}

// ---- dates as 时效 values ----

/// The indicators of a one-cell 绩效指标 cell, as the reader parses them.
fn cell(text: &str) -> Vec<Indicator> {
    grammar::parse_cell(text, Origin::new(0, 7)).indicators
}

#[test]
fn dates_in_one_cell_values_are_deadlines_not_numbers_with_units() {
    // /tmp/ur4/20-clean-onecell-dates.tsv: `2024年6月` was read as 6 月 and
    // `2024年12月31日` as 31 日 with the label 「2024年12月」.
    let rules = [
        "unit-inconsistent",
        "value-prefixed",
        "operator-missing",
        "unit-missing",
        "timeliness-no-date",
        "direction-conflict",
    ];
    let base = "1-产出指标：培训人次，年度指标值：≥500人次。2-效益指标：参训人员技能合格率，年度指标值：≥90%。3-满意度指标：参训人员满意度，年度指标值：≥90%。4-成本指标：项目总成本，年度指标值：≤50万元。";
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "开展青年技能培训，提升就业能力。",
            cell(&format!(
                "{base}5-产出指标：完成采购时间，年度指标值：2024年6月。"
            )),
        )
        .project(
            "乙",
            "50.00",
            "开展青年技能培训，提升就业能力。",
            cell(&format!(
                "{base}5-产出指标：完成采购时间，年度指标值：2024年12月31日。"
            )),
        )
        .finish();
    let f = run(&t);
    for r in rules {
        assert_eq!(of(&f, r).len(), 0, "{r}: {:?}", ids(&f));
    }
    for v in [
        "2024.12",
        "2024-12-31",
        "2024/6/30",
        "2024年6月前",
        "2024年12月31日以前",
        "2024年12月底前",
        "≤2024年12月31日",
        "于2024年12月31日前",
    ] {
        let inds = cell(&format!("{base}5-产出指标：完成时间，年度指标值：{v}。"));
        assert!(inds[4].target.is_qualitative(), "{v}");
        let f = run(&with_inds(inds));
        for r in rules {
            assert_eq!(of(&f, r).len(), 0, "{v} {r}: {:?}", ids(&f));
        }
    }
    // Still numbers: a duration and a count.
    let inds = cell(&format!("{base}5-产出指标：完成时间，年度指标值：30。"));
    assert_eq!(fired(&with_inds(inds), "timeliness-no-date"), 1);
    let inds = cell(&format!(
        "{base}5-产出指标：维修响应时间，年度指标值：≤24小时。"
    ));
    assert!(inds[4].target.quantity().is_some());
}

#[test]
fn dates_in_row_layouts_are_deadlines_and_le_means_by() {
    use jixiao_core::model::Direction;
    // /tmp/ur4/19-clean-dates-permille.tsv and probe9.tsv: `定性 | 2024.12 |`
    // gave unit-missing and timeliness-no-date, `≤ | 2024年12月31日 | ` beside
    // 正向指标 a direction-conflict.
    let row = |op: &str, value: &str, dir: Direction| {
        let mut i = q(5, Category::Output, "完成时限", "1");
        i.subcategory = Some("时效指标".into());
        i.target = grammar::parse_target_parts(Some(op), value, None).target;
        i.raw_value = value.into();
        i.columns =
            jixiao_core::IndicatorColumns::boxed(None, Some(op.into()), None, Some(dir), None);
        let mut inds = clean_indicators();
        inds.push(i);
        with_inds(inds)
    };
    for (op, value) in [
        ("定性", "2024.12"),
        ("定性", "2024年3月31日"),
        ("≤", "2024年12月31日"),
        ("＝", "2024.12"),
        ("≤", "2024年12月"),
    ] {
        let f = run(&row(op, value, Direction::HigherBetter));
        for r in [
            "unit-missing",
            "timeliness-no-date",
            "value-prefixed",
            "direction-conflict",
            "operator-missing",
        ] {
            assert_eq!(of(&f, r).len(), 0, "{op} {value} {r}: {:?}", ids(&f));
        }
    }
    // A duration bounded the other way still conflicts.
    let f = run(&row("≤", "12月", Direction::HigherBetter));
    assert_eq!(of(&f, "direction-conflict").len(), 1);
}

#[test]
fn level_misplaced_spares_savings_and_satisfaction_surveys() {
    // /tmp/ur4/21-rows-benefit-fp.tsv: a saving of someone's cost is an
    // economic benefit; a survey carried out is an output.
    for (k, i) in [
        (1, q(2, Category::Outcome, "降低企业物流成本", "≥10%")),
        (1, q(2, Category::Outcome, "节约运行成本", "≥20万元")),
        (1, q(2, Category::Outcome, "单位产品能耗成本下降率", "≥5%")),
        (0, q(1, Category::Output, "开展满意度测评次数", "≥2次")),
        (0, q(1, Category::Output, "满意度调查覆盖率", "≥95%")),
        // (ur54 g27: by a channel.)
        (0, q(1, Category::Output, "满意度电话回访人数", "≥500人")),
        // A standard raised is the benefit itself; money per head earned too.
        (
            1,
            q(2, Category::Outcome, "城乡低保保障标准", "≥720元/人·月"),
        ),
        (1, q(2, Category::Outcome, "人均增收", "≥2000元/人")),
    ] {
        let f = run(&replace(k, i.clone()));
        assert_eq!(of(&f, "level-misplaced").len(), 0, "{}", i.name);
        assert_eq!(of(&f, "unit-name-mismatch").len(), 0, "{}", i.name);
    }
    // Still misplaced: the project's own cost, a satisfaction level.
    for (k, i) in [
        (1, q(2, Category::Outcome, "项目运行成本", "≤20万元")),
        (0, q(1, Category::Output, "服务对象满意度", "≥90%")),
        (0, q(1, Category::Output, "满意度", "≥90%")),
        // A standard capped in money per unit is a cost (ur59 091, 115).
        (
            1,
            q(2, Category::Outcome, "岗位补贴标准", "不超过1500元/人·月"),
        ),
        (
            1,
            q(2, Category::Outcome, "人均康复救助标准", "≤20000元/人·年"),
        ),
    ] {
        assert_eq!(
            fired(&replace(k, i.clone()), "level-misplaced"),
            1,
            "{}",
            i.name
        );
    }
    // A satisfaction level counted in 次 is still a unit mismatch.
    let t = replace(2, q(3, Category::Satisfaction, "参训人员满意度", "≥90次"));
    assert_eq!(fired(&t, "unit-name-mismatch"), 1);
}

#[test]
fn boilerplate_spares_a_cost_equal_to_each_projects_own_amount() {
    // /tmp/ur4/10-dup-boiler.tsv: 项目总成本 ≤10万元 in two projects of 10.00
    // 万元 is each project's own amount, not copy-paste.
    let mk = |a: &str, b: &str, cost: &str| {
        let inds = |out: &str, rate: &str| {
            let mut v = clean_indicators();
            v[0] = q(1, Category::Output, "培训人次", out);
            v[1] = q(2, Category::Outcome, "就业率", rate);
            v[3] = q(4, Category::Cost, "项目总成本", cost);
            v
        };
        Builder::new()
            .project("甲", a, "开展培训。", inds("≥500人次", "≥60%"))
            .project("乙", b, "组织培训。", inds("≥800人次", "≥70%"))
            .finish()
    };
    for cost in ["≤10万元", "≤100000元", "≤10.00万元"] {
        assert_eq!(
            fired(&mk("10.00", "10.00", cost), "boilerplate-indicator"),
            0,
            "{cost}"
        );
    }
    // The same cost in projects of other amounts is still a copy.
    assert_eq!(
        fired(&mk("20.00", "30.00", "≤10万元"), "boilerplate-indicator"),
        1
    );
    assert_eq!(
        fired(&mk("10.00", "30.00", "≤10万元"), "boilerplate-indicator"),
        0
    );
}

#[test]
fn benefit_is_output_spares_rates_of_effects() {
    // /tmp/ur4/13-csv-yuan-multiline.csv, probe6.tsv.
    for (name, value) in [
        ("培训后就业率", "≥60%"),
        ("购置设备使用率", "≥90%"),
        ("开展活动群众参与率", "≥80%"),
        ("培训学员就业比例", "≥60%"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, value));
        assert_eq!(fired(&t, "benefit-is-output"), 0, "{name}");
    }
    let t = replace(1, q(2, Category::Outcome, "开展培训", "≥10次"));
    assert_eq!(fired(&t, "benefit-is-output"), 1);
}

#[test]
fn unit_name_mismatch_counts_households_people_and_areas() {
    // /tmp/ur9/seeded/s2-housing-sichuan.tsv S2c: 发放租赁补贴户数 ≥1200 人.
    for (name, raw) in [
        ("发放租赁补贴户数", "≥1200人"),
        ("帮扶脱贫户数", "≥300人次"),
        ("就业困难人员帮扶人数", "≥300户"),
        ("改造建筑面积", "≥15个"),
        // ur59 103, 128.
        ("维修养护渠道长度", "≥120个"),
        ("农村公路日常养护里程", "≥150个"),
    ] {
        let t = replace(0, q(1, Category::Output, name, raw));
        assert_eq!(fired(&t, "unit-name-mismatch"), 1, "{name} {raw}");
    }
    for (name, raw) in [
        ("发放租赁补贴户数", "≥1200户"),
        ("就业困难人员帮扶人数", "≥300人"),
        ("改造建筑面积", "≥15.6万平方米"),
        ("受益户人口", "≥300人"),
        ("农村公路日常养护里程", "≥150公里"),
        ("维修养护渠道长度", "≥12.5千米"),
    ] {
        let t = replace(0, q(1, Category::Output, name, raw));
        assert_eq!(fired(&t, "unit-name-mismatch"), 0, "{name} {raw}");
    }
}

#[test]
fn unit_name_mismatch_takes_permille_for_a_rate() {
    // /tmp/ur4/19-clean-dates-permille.tsv: 森林火灾受害率 ≤0.9‰, 婴儿死亡率 ≤5‰.
    for value in ["≤0.9‰", "≤5‰", "≤1‱"] {
        let t = replace(1, q(2, Category::Outcome, "森林火灾受害率", value));
        assert_eq!(fired(&t, "unit-name-mismatch"), 0, "{value}");
    }
    let t = replace(1, q(2, Category::Outcome, "森林火灾受害率", "≤0.9公顷"));
    assert_eq!(fired(&t, "unit-name-mismatch"), 1);
}

#[test]
fn long_term_in_annual_quotes_the_phrase_and_spares_per_year_averages() {
    // /tmp/ur4/probe1.tsv, probe2.tsv, 03-clean-central-form.xlsx.
    for (k, i) in [
        (3, q(4, Category::Cost, "单个站点年均补贴标准", "≤6.5万元")),
        (0, q(1, Category::Output, "年均培训人次", "≥500人次")),
        (1, q(2, Category::Outcome, "带动农户年均增收", "≥2000元")),
    ] {
        assert_eq!(
            fired(&replace(k, i.clone()), "long-term-in-annual"),
            0,
            "{}",
            i.name
        );
    }
    for (i, phrase) in [
        (
            ql(2, Category::Outcome, "人均年收入增长", "逐年提高"),
            "逐年",
        ),
        (
            q(2, Category::Outcome, "近三年平均就业率", "≥90%"),
            "近三年",
        ),
        (
            ql(2, Category::Outcome, "青年就业能力", "三年内明显提升"),
            "三年内",
        ),
    ] {
        let t = replace(1, i.clone());
        let f = run(&t);
        let hits = of(&f, "long-term-in-annual");
        assert_eq!(hits.len(), 1, "{}", i.name);
        assert!(
            zh(&t, hits[0]).ends_with(&format!("跨年度表述「{phrase}」")),
            "{}",
            zh(&t, hits[0])
        );
        assert!(
            en(&t, hits[0]).contains(&format!("(\"{phrase}\")")),
            "{}",
            en(&t, hits[0])
        );
    }
}

#[test]
fn direction_conflict_on_a_floor_for_a_lower_is_better_indicator() {
    // /tmp/ur4/probe8.tsv (GUIDE §2.3: 成本 投诉 事故 差错率 发生率 are 反向).
    for (k, i) in [
        (3, q(4, Category::Cost, "设备采购成本", "≥30万元")),
        (1, q(2, Category::Outcome, "安全事故发生率", "≥1%")),
        (1, q(2, Category::Outcome, "群众投诉率", "≥5%")),
        (0, q(1, Category::Output, "工程差错率", "≥2%")),
        (0, q(1, Category::Output, "工程差错率", ">2%")),
        (3, q(4, Category::Cost, "人均培训费用", "≥800元")),
        (3, q(4, Category::Cost, "培训成本", "≥500元/人")),
        (3, q(4, Category::Cost, "道路养护成本", "≥2万元/公里")),
        // ur59 094: funds spent, under 成本指标.
        (3, q(4, Category::Cost, "强制免疫经费支出", "≥45.50万元")),
    ] {
        let t = replace(k, i.clone());
        let f = run(&t);
        let hits = of(&f, "direction-conflict");
        assert_eq!(hits.len(), 1, "{} {}", i.name, i.raw_value);
        assert!(zh(&t, hits[0]).contains("越低越好"), "{}", zh(&t, hits[0]));
    }
    // Caps, exact values, rates of handling, savings and reductions: nothing.
    for (k, i) in [
        (3, q(4, Category::Cost, "设备采购成本", "≤30万元")),
        (1, q(2, Category::Outcome, "安全事故发生率", "≤1%")),
        (1, q(2, Category::Outcome, "安全事故发生次数", "=0起")),
        (1, q(2, Category::Outcome, "投诉处理率", "≥95%")),
        (3, q(4, Category::Cost, "成本控制率", "≥95%")),
        (1, q(2, Category::Outcome, "节约运行成本", "≥20万元")),
        (1, q(2, Category::Outcome, "降低安全事故发生率", "≥10%")),
        (1, q(2, Category::Outcome, "带动社会资本投入", "≥100万元")),
        (0, q(1, Category::Output, "培训成本核算覆盖", "≥5个")),
        (1, q(2, Category::Outcome, "补助发放标准", "≥2000元/人")),
        (3, q(4, Category::Cost, "培训成本", "≤500元/人")),
        (3, q(4, Category::Cost, "强制免疫经费支出", "≤45.50万元")),
        // A standard or quota of 经费 is what each beneficiary is owed at least
        // (a probe's c02, c16).
        (
            3,
            q(
                4,
                Category::Cost,
                "人均基本公共卫生服务经费补助标准",
                "≥94元/人",
            ),
        ),
        (
            3,
            q(
                4,
                Category::Cost,
                "小学生均公用经费基准定额",
                "≥720元/生·年",
            ),
        ),
        // Others' spending, outside 成本指标.
        (1, q(2, Category::Outcome, "带动居民消费支出", "≥100万元")),
    ] {
        let t = replace(k, i.clone());
        assert_eq!(
            fired(&t, "direction-conflict"),
            0,
            "{} {}",
            i.name,
            i.raw_value
        );
    }
}

#[test]
fn input_as_output_catches_rules_and_budget_execution() {
    // /tmp/ur4/probe7.tsv.
    for name in [
        "制度建设",
        "建立健全管理制度",
        "预算执行进度",
        "资金支付进度",
        "项目资金执行率",
        "制度建立",
        "资金到位率",
        "财政资金支出率",
        // A probe's q04: how the money is handled.
        "资金使用合规率",
        "专项资金使用规范性",
        "政府采购执行率",
    ] {
        let t = replace(0, ql(1, Category::Output, name, "完善"));
        assert_eq!(fired(&t, "input-as-output"), 1, "{name}");
    }
    for name in [
        "培训人次",
        "服务质量达标率",
        "项目完成时间",
        "执法检查企业数",
        "企业排污合规率",
    ] {
        let t = replace(0, q(1, Category::Output, name, "≥10个"));
        assert_eq!(fired(&t, "input-as-output"), 0, "{name}");
    }
}

#[test]
fn input_as_output_spares_investment_the_project_induces() {
    // /tmp/ur6/clean/t11-enterprise.tsv, t18-health-rural-onecell.tsv.
    for name in [
        "带动企业研发投入",
        "带动社会资本投入",
        "撬动金融资本投入",
        "吸引社会投入",
        // The spending of the firms it supports (a probe's c-keji).
        "获奖补企业研发投入增长率",
        "社会资本投入",
    ] {
        let t = replace(1, q(2, Category::Outcome, name, "≥1000万元"));
        assert_eq!(fired(&t, "input-as-output"), 0, "{name}");
    }
    // The project's own input stays one, before or without a lever.
    for name in ["财政资金投入", "投入带动就业人数", "项目投入资金"] {
        let t = replace(1, q(2, Category::Outcome, name, "≥10万元"));
        assert_eq!(fired(&t, "input-as-output"), 1, "{name}");
    }
}

#[test]
fn input_as_output_spares_the_sector_service_and_rd_intensity() {
    // /tmp/ur9/probe/p10-rule-names.tsv, p11-rule-names2.tsv.
    for (cat, name, raw) in [
        (Category::Output, "人力资源市场招聘会场次", "≥12场"),
        (
            Category::Outcome,
            "人力资源市场求职者达成就业意向人数",
            "≥500人",
        ),
        (Category::Output, "供水站点投入使用率", "≥95%"),
        (Category::Output, "新建便民服务设施投入运营数量", "≥15处"),
        (Category::Outcome, "全社会研发经费投入强度", "≥2.8%"),
        (
            Category::Outcome,
            "规上工业企业研发投入占营业收入比重",
            "≥1.5%",
        ),
    ] {
        let t = replace(1, q(2, cat, name, raw));
        assert_eq!(fired(&t, "input-as-output"), 0, "{name}");
    }
    // The project's own input stays one, also after a word in another sense.
    for name in ["人力投入", "人力资源投入", "财政投入占比"] {
        let t = replace(1, q(2, Category::Outcome, name, "≥10万元"));
        assert_eq!(fired(&t, "input-as-output"), 1, "{name}");
    }
}

#[test]
fn benefit_is_output_catches_a_count_of_works_built() {
    // /tmp/ur9/seeded/s2-housing-sichuan.tsv S2b.
    for (name, raw) in [
        ("改造老旧小区数量", "=23个"),
        ("新建便民服务设施数量", "≥15处"),
        ("维修农村公路长度", "≥12公里"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        let f = run(&t);
        assert_eq!(of(&f, "benefit-is-output").len(), 1, "{name}");
        assert!(zh(&t, of(&f, "benefit-is-output")[0]).contains("更像产出"));
    }
    // People helped, jobs created, a rate of the works, an effect: benefits.
    for (name, raw) in [
        ("受益人数", "≥1860人"),
        ("带动就业人数", "≥50人"),
        ("新增就业岗位数量", "≥50个"),
        ("改造后小区设施完好率", "≥95%"),
        ("改造小区居民满意度提升数量", "≥10个"),
        ("改造老旧小区数量", "=23个"),
    ] {
        let cat = if name == "改造老旧小区数量" {
            Category::Output
        } else {
            Category::Outcome
        };
        let t = replace(1, q(2, cat, name, raw));
        assert_eq!(fired(&t, "benefit-is-output"), 0, "{name}");
    }
}

#[test]
fn benefit_is_output_spares_an_effect_named_after_the_activity() {
    // /tmp/ur6/clean/t18-health-rural-onecell.tsv row 8.
    for i in [
        q(2, Category::Outcome, "培训带动脱贫人口人均增收", "≥1000元"),
        ql(2, Category::Outcome, "开展宣传提升群众知晓度", "显著提升"),
    ] {
        let name = i.name.clone();
        assert_eq!(fired(&replace(1, i), "benefit-is-output"), 0, "{name}");
    }
    let t = replace(1, q(2, Category::Outcome, "培训村医", "≥100人"));
    assert_eq!(fired(&t, "benefit-is-output"), 1);
}

/// An indicator with the 指标性质, 度量单位 and 指标方向性 columns of a row layout.
fn with_columns(
    cat: Category,
    name: &str,
    op: Option<&str>,
    value: &str,
    unit: Option<&str>,
    dir: Option<jixiao_core::model::Direction>,
) -> Indicator {
    let parsed = jixiao_core::grammar::parse_target_parts(op, value, unit);
    let mut i = q(2, cat, name, value);
    i.target = parsed.target;
    i.value_label = parsed.label;
    i.columns = jixiao_core::IndicatorColumns::boxed(
        unit.map(Into::into),
        op.map(Into::into),
        None,
        dir,
        None,
    );
    i
}

#[test]
fn direction_conflict_reads_a_time_limit_as_a_deadline() {
    use jixiao_core::model::Direction;
    // /tmp/ur6/clean/t12-training-events.tsv row 7.
    for value in ["培训结束后3个月内", "15个工作日内", "30天以内"] {
        let i = with_columns(
            Category::Output,
            "培训补贴发放时间",
            Some("定性"),
            value,
            None,
            Some(Direction::HigherBetter),
        );
        assert_eq!(fired(&replace(1, i), "direction-conflict"), 0, "{value}");
    }
    // A cap in a comparator, or on a count, still disagrees with 正向.
    for (op, value) in [(Some("≤"), "70"), (None, "5人以内")] {
        let i = with_columns(
            Category::Output,
            "培训人次",
            op,
            value,
            None,
            Some(Direction::HigherBetter),
        );
        assert_eq!(fired(&replace(1, i), "direction-conflict"), 1, "{value}");
    }
}

#[test]
fn direction_conflict_reports_a_satisfaction_cap_the_direction_column_repeats() {
    use jixiao_core::model::Direction;
    // /tmp/ur6/probe/sat-cap-rows.tsv: 求职者满意度 | ≤ | 90 | % | 反向指标.
    let i = with_columns(
        Category::Satisfaction,
        "求职者满意度",
        Some("≤"),
        "90",
        Some("%"),
        Some(Direction::LowerBetter),
    );
    let t = replace(2, i);
    assert_eq!(fired(&t, "direction-conflict"), 1);
    // A complaint rate under 满意度 is better lower: no conflict.
    let i = with_columns(
        Category::Satisfaction,
        "群众投诉率",
        Some("≤"),
        "5",
        Some("%"),
        Some(Direction::LowerBetter),
    );
    assert_eq!(fired(&replace(2, i), "direction-conflict"), 0);
}

#[test]
fn value_prefixed_spares_the_starting_point_of_a_time_limit() {
    // /tmp/ur6/clean/t01-education.tsv, t09-environment.tsv.
    let one_cell = |value: &str| {
        let i = with_columns(Category::Output, "资金发放时间", None, value, None, None);
        replace(1, i)
    };
    for value in [
        "每学期开学后2个月内",
        "每季度结束后15日内",
        "自受理之日起5个工作日内",
    ] {
        assert_eq!(fired(&one_cell(value), "value-prefixed"), 0, "{value}");
    }
    // A label that is no starting point, or before no time limit, still is one.
    for value in ["完成时间3个月内", "培训后考核合格率95%"] {
        assert_eq!(fired(&one_cell(value), "value-prefixed"), 1, "{value}");
    }
}

#[test]
fn value_prefixed_spares_a_frequency_or_population_base() {
    // /tmp/ur9/probe/p14-values2.tsv item 12.
    let one_cell = |name: &str, value: &str| {
        replace(
            0,
            with_columns(Category::Output, name, None, value, None, None),
        )
    };
    for (name, value) in [
        ("巡查频次", "每月≥1次"),
        ("督导检查频次", "每季度≥2次"),
        ("人均补助标准", "每人每年≤1200元"),
        ("每万人口全科医生数", "每万人≥3名"),
    ] {
        let t = one_cell(name, value);
        assert_eq!(fired(&t, "value-prefixed"), 0, "{value}");
    }
    // A base followed by other words, or no base at all: a label.
    for (name, value) in [("巡查频次", "每月巡查≥1次"), ("巡查频次", "巡查≥1次")]
    {
        let t = one_cell(name, value);
        assert_eq!(fired(&t, "value-prefixed"), 1, "{value}");
    }
}

#[test]
fn boilerplate_spares_full_compliance_and_no_incident_targets() {
    // /tmp/ur6/clean/t10-infrastructure.html, t20-culture-multi-onecell.tsv.
    let with = |i: Indicator| {
        let mut v = clean_indicators();
        v.push(i);
        v
    };
    for i in [
        q(5, Category::Output, "工程验收合格率", "100%"),
        q(5, Category::Outcome, "活动安全事故", "0起"),
        q(5, Category::Outcome, "重大安全责任事故发生次数", "≤0次"),
    ] {
        let t = Builder::new()
            .project("甲", "60.00", "开展培训。", with(i.clone()))
            .project("乙", "60.00", "组织培训。", with(i.clone()))
            .finish();
        let f = run(&t);
        let hits = of(&f, "boilerplate-indicator");
        assert!(
            hits.iter().all(|h| h.location.indicator != Some(5)),
            "{}",
            i.name
        );
    }
    // A copied rate below full compliance is still a copy.
    let i = q(5, Category::Output, "工程验收合格率", "≥95%");
    let t = Builder::new()
        .project("甲", "60.00", "开展培训。", with(i.clone()))
        .project("乙", "60.00", "组织培训。", with(i))
        .finish();
    let f = run(&t);
    let hits = of(&f, "boilerplate-indicator");
    assert!(hits.iter().any(|h| h.location.indicator == Some(5)));
}

#[test]
fn unit_name_mismatch_takes_a_rate_per_population() {
    // /tmp/ur6/clean/t02-health.tsv: 麻疹发病率 < 1 /10万.
    for unit in ["/10万", "1/10万", "/万", "／10万人", "人/10万人"] {
        let i = with_columns(
            Category::Outcome,
            "麻疹发病率",
            Some("<"),
            "1",
            Some(unit),
            None,
        );
        assert_eq!(fired(&replace(1, i), "unit-name-mismatch"), 0, "{unit}");
    }
    let i = with_columns(
        Category::Outcome,
        "麻疹发病率",
        Some("<"),
        "1",
        Some("例"),
        None,
    );
    assert_eq!(fired(&replace(1, i), "unit-name-mismatch"), 1);
}

#[test]
fn deadline_outside_year() {
    let in_year = |value: &str, year: Option<u16>| {
        let mut t = replace(1, q(2, Category::Output, "工程完工时间", value));
        t.fiscal_year = year;
        t
    };
    // /tmp/ur6/seeded/r1-education.tsv row 11, /tmp/ur6/probe/p1-onecell-misc.tsv.
    for (value, word) in [
        ("2025年6月30日前", "晚于"),
        ("≤2025.3", "晚于"),
        ("2023年12月底前", "早于"),
        // The date inside wording (/tmp/ur6 left out; ur7).
        ("2025年3月底前完成竣工结算", "晚于"),
        ("2026年底前（三年项目）", "晚于"),
    ] {
        let t = in_year(value, Some(2024));
        let f = run(&t);
        let hits = of(&f, "deadline-outside-year");
        assert_eq!(hits.len(), 1, "{value}");
        assert_eq!(hits[0].severity, Severity::Warning);
        let m = zh(&t, hits[0]);
        assert!(m.contains(word) && m.contains("2024年"), "{m}");
    }
    // In the year, over two years, worded over years (long-term-in-annual's),
    // or in a table of unknown year: nothing.
    for (value, year) in [
        ("2024年12月31日前", Some(2024)),
        ("2024年第二季度", Some(2024)),
        ("2024年9月-2025年6月", Some(2024)),
        ("2024-2025学年", Some(2024)),
        ("到2025年底", Some(2024)),
        ("2025年6月30日前", None),
        ("≥2025人", Some(2024)),
    ] {
        let t = in_year(value, year);
        assert_eq!(fired(&t, "deadline-outside-year"), 0, "{value}");
    }
}

#[test]
fn qualitative_vague() {
    // /tmp/ur6/seeded/r2-transport.tsv row 10, r4-environment.tsv row 7.
    for value in ["效果良好", "良好", "较好", "好", "良好以上"] {
        let t = replace(1, ql(2, Category::Outcome, "社会效益", value));
        let f = run(&t);
        let hits = of(&f, "qualitative-vague");
        assert_eq!(hits.len(), 1, "{value}");
        assert_eq!(hits[0].severity, Severity::Info);
    }
    for value in [
        "显著提升",
        "有效改善",
        "符合国家标准",
        "按计划完成",
        "良好的社会氛围逐步形成",
    ] {
        let t = replace(1, ql(2, Category::Outcome, "社会效益", value));
        assert_eq!(fired(&t, "qualitative-vague"), 0, "{value}");
    }
    assert_eq!(fired(&clean_table(), "qualitative-vague"), 0);
}

// ---- periods, signed increases and 约…余 give no spurious findings ----

#[test]
fn a_period_a_plus_sign_and_about_more_than_give_no_value_findings() {
    // `2023-2024学年` was a range with the unit 学年 (unit-inconsistent
    // against the same name elsewhere, operator-missing), `+10%` had the
    // label 「+」 (value-prefixed), `约300余人次` the label 「约」.
    let base = "1-产出指标：培训人次，年度指标值：≥500人次。2-效益指标：参训人员技能合格率，年度指标值：≥90%。3-满意度指标：参训人员满意度，年度指标值：≥90%。4-成本指标：项目总成本，年度指标值：≤50万元。";
    let project = |b: Builder, name: &str, extra: &str| {
        b.project(
            name,
            "50.00",
            "开展青年技能培训，提升就业能力。",
            cell(&format!("{base}{extra}")),
        )
    };
    let mut b = Builder::new();
    for (k, extra) in [
        "5-产出指标：完成时间，年度指标值：2023-2024学年。",
        "5-产出指标：完成时间，年度指标值：2023—2024学年度。",
        "5-产出指标：完成时间，年度指标值：2024-2025年度。",
        "5-产出指标：完成时间，年度指标值：2024年12月底前。",
        "5-效益指标：就业率增长率，年度指标值：≥+10%。6-效益指标：服务人次增长率，年度指标值：＋10%。",
        "5-产出指标：服务人次，年度指标值：≥约300余人次。",
    ]
    .iter()
    .enumerate()
    {
        b = project(b, &format!("项目{k}"), extra);
    }
    let t = b.finish();
    let f = run(&t);
    for rule in [
        "unit-inconsistent",
        "value-prefixed",
        "unit-missing",
        "timeliness-no-date",
        "percent-out-of-range",
        "direction-conflict",
    ] {
        assert!(of(&f, rule).is_empty(), "{rule}: {:?}", ids(&f));
    }
    // the period is a deadline, not a number: no comparator asked for
    assert!(of(&f, "operator-missing").len() <= 1, "{:?}", ids(&f));
    for x in of(&f, "operator-missing") {
        let text = zh(&t, x);
        assert!(text.contains("＋10%") || text.contains("增长率"), "{text}");
    }
    // the values read as the grammar says
    let inds: Vec<&Indicator> = t.projects().flat_map(|p| p.indicators.iter()).collect();
    let by_raw = |raw: &str| {
        inds.iter()
            .find(|i| i.raw_value == raw)
            .unwrap_or_else(|| panic!("{raw}"))
    };
    for raw in ["2023-2024学年", "2023—2024学年度", "2024-2025年度"] {
        assert!(by_raw(raw).target.is_qualitative(), "{raw}");
    }
    let plus = by_raw("＋10%");
    assert_eq!(plus.value_label, None);
    assert_eq!(plus.target.quantity().map(|q| q.value), Some(d("10")));
    let about = by_raw("≥约300余人次");
    assert_eq!(about.value_label, None);
    assert_eq!(
        about.target.quantity().and_then(|q| q.approx),
        Some(Approx::YueYu)
    );
}

// ---- money-scale-project ----

/// One unit of projects of these amounts (万元), its unit row and 合计 as
/// `finish` sums them unless `unit_total` is given.
fn scale_table(amounts: &[&str], unit_total: Option<&str>) -> Table {
    let mut b = Builder::new();
    for (k, a) in amounts.iter().enumerate() {
        b = b.project(
            &format!("项目{k}"),
            a,
            "开展青年技能培训，提升就业能力。",
            clean_indicators(),
        );
    }
    let mut t = b.finish();
    if let Some(total) = unit_total {
        let f = Funding {
            total: Some(d(total)),
            fiscal_appropriation: Some(d(total)),
            special_account: None,
            other_funds: None,
        };
        if let Some(st) = &mut t.units[0].stated {
            st.funding = f;
        }
        if let Some(g) = &mut t.grand_total {
            g.funding = f;
        }
    }
    t
}

const SMALL: [&str; 5] = ["10.00", "50.00", "120.00", "200.00", "500.00"];

#[test]
fn money_scale_project_fires_when_the_unit_row_adds_up_in_yuan() {
    // 35000.00 among 10–500 万元; the unit row 883.50 = 880.00 + 3.50: the
    // amount was typed in 元 (3.50 万元).
    let mut amounts = SMALL.to_vec();
    amounts.push("35000.00");
    let t = scale_table(&amounts, Some("883.50"));
    let f = run(&t);
    let hits = of(&f, "money-scale-project");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].severity, Severity::Warning);
    assert_eq!(hits[0].location.project, Some(5));
    assert_eq!(
        hits[0].location.row,
        Some(t.units[0].projects[5].origin.row)
    );
    let text = zh(&t, hits[0]);
    assert!(
        text.contains("35000") && text.contains("3.50 万元"),
        "{text}"
    );
    assert!(text.contains("单位行 883.50"), "{text}");
    assert!(text.contains("883.50"), "{text}");
    let text = en(&t, hits[0]);
    assert!(text.contains("probably in 元"), "{text}");
    // the table's scale as a whole is fine
    assert!(of(&f, "money-scale-suspect").is_empty(), "{:?}", ids(&f));
}

#[test]
fn money_scale_rules_quote_the_true_median() {
    // /tmp/ur9/seeded/s3-rural-onecell.tsv: 180, 320, 1040 and 600000 (60
    // 万元 typed in 元): the median is 680, the mean of the middle two.
    let mut t = scale_table(
        &["180.00", "320.00", "1040.00", "600000.00"],
        Some("1600.00"),
    );
    // Its cost indicator not the others' `≤50万元`, which would refute the
    // amount on its own (money_scale_project_from_cost_indicators_in_both_scales).
    t.units[0].projects[3].indicators.truncate(3);
    let f = run(&t);
    let hits = of(&f, "money-scale-project");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(text.contains("中位数 680 万元的 882 倍"), "{text}");
    assert!(!text.contains("1040 万元"), "{text}");
    // An odd count keeps its middle value.
    let mut t = scale_table(
        &["180.00", "320.00", "1040.00", "1500.00", "600000.00"],
        Some("3100.00"),
    );
    t.units[0].projects[4].indicators.truncate(3);
    let text = zh(&t, of(&run(&t), "money-scale-project")[0]);
    assert!(text.contains("中位数 1040 万元"), "{text}");
    // money-scale-suspect: 4 projects of 40000, 40000, 80000, 80000 万元 have
    // the median 60000 (above 50000: 元 suspected), not 80000.
    let t = scale_table(&["40000.00", "40000.00", "80000.00", "80000.00"], None);
    let f = run(&t);
    let hits = of(&f, "money-scale-suspect");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(text.contains("60000"), "{text}");
    // 20000, 20000, 80000, 80000: the median 50000 is not above the bar (the
    // upper middle value alone, 80000, was).
    let t = scale_table(&["20000.00", "20000.00", "80000.00", "80000.00"], None);
    assert_eq!(fired(&t, "money-scale-suspect"), 0);
}

#[test]
fn money_scale_project_fires_when_the_amount_exceeds_its_unit_row() {
    // A unit row of 900.00 cannot hold a project of 35000.00 万元.
    let mut amounts = SMALL.to_vec();
    amounts.push("35000.00");
    let f = run(&scale_table(&amounts, Some("900.00")));
    assert_eq!(of(&f, "money-scale-project").len(), 1, "{:?}", ids(&f));
}

#[test]
fn money_scale_project_without_totals_needs_a_thousandfold_amount() {
    // No unit or 合计 row: only the spread speaks, so the amount must be
    // 1 000 × the median (10 × project_scale_ratio), among ≥ 5 projects.
    let build = |amounts: &[&str]| {
        let mut t = scale_table(amounts, None);
        t.units[0].stated = None;
        t.grand_total = None;
        t
    };
    let small = ["1.00", "2.00", "3.00", "5.00", "8.00"];
    let mut amounts = small.to_vec();
    amounts.push("35000.00"); // median 4 → 8750 ×; 3.50 万元 in 元
    assert_eq!(fired(&build(&amounts), "money-scale-project"), 1);
    // 219 × the median (10–500 万元): not enough without a total to back it
    let mut amounts = SMALL.to_vec();
    amounts.push("35000.00");
    assert_eq!(fired(&build(&amounts), "money-scale-project"), 0);
    // too few projects
    let amounts = ["1.00", "2.00", "3.00", "35000.00"];
    assert_eq!(fired(&build(&amounts), "money-scale-project"), 0);
}

#[test]
fn money_scale_project_is_quiet_on_a_large_project_that_adds_up() {
    // One big infrastructure project of 12000 万元 among 50–500 万元, the
    // totals adding up with it: a real amount.
    let t = scale_table(
        &["50.00", "80.00", "200.00", "300.00", "500.00", "12000.00"],
        None,
    );
    let f = run(&t);
    assert!(of(&f, "money-scale-project").is_empty(), "{:?}", ids(&f));
    assert!(errors(&f).is_empty(), "{:?}", ids(&f));
    // Even 350000 万元 (35亿) among 10–500 is not reported while its unit
    // row and 合计 add up with it in 万元 (its cost indicator no longer the
    // `≤50万元` of the others, which would put it at 35 万元 in 元:
    // money_scale_project_from_cost_indicators_in_both_scales).
    let mut amounts = SMALL.to_vec();
    amounts.push("350000.00");
    let mut t = scale_table(&amounts, None);
    t.units[0].projects[5].indicators[3] = q(4, Category::Cost, "项目总成本", "≤350000万元");
    let f = run(&t);
    assert!(of(&f, "money-scale-project").is_empty(), "{:?}", ids(&f));
    // Divided by 10 000 outside the others' range (9000000.00 would be 900
    // 万元 in 元, above the largest other project, 500): not a 元 slip of a
    // comparable project, even where it exceeds its unit row.
    let mut amounts = SMALL.to_vec();
    amounts.push("9000000.00");
    assert_eq!(
        fired(
            &scale_table(&amounts, Some("880.00")),
            "money-scale-project"
        ),
        0
    );
    // the same with a project in range fires (the control of the case above)
    let mut amounts = SMALL.to_vec();
    amounts.push("4000000.00");
    assert_eq!(
        fired(
            &scale_table(&amounts, Some("880.00")),
            "money-scale-project"
        ),
        1
    );
    // several projects far above the median are a pattern of the table,
    // not one slip
    let t = scale_table(
        &[
            "10.00", "20.00", "30.00", "40000.00", "50000.00", "60000.00",
        ],
        Some("60.00"),
    );
    assert_eq!(fired(&t, "money-scale-project"), 0);
    // a 元 table is not judged by this rule
    let mut amounts = SMALL.to_vec();
    amounts.push("35000.00");
    let mut t = scale_table(&amounts, Some("883.50"));
    t.money_scale = jixiao_core::MoneyScale::Yuan;
    assert_eq!(fired(&t, "money-scale-project"), 0);
}

#[test]
fn money_scale_project_follows_the_profile() {
    let mut amounts = SMALL.to_vec();
    amounts.push("35000.00");
    let t = scale_table(&amounts, Some("883.50"));
    let mut profile = Profile::national();
    profile.rules.insert(
        "money-scale-project".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    assert!(of(&review(&t, &profile), "money-scale-project").is_empty());
    // 219 × the median (160, between 120 and 200): under a ratio of 250 it
    // is not suspected
    let mut profile = Profile::national();
    profile.thresholds.project_scale_ratio = d("250");
    assert!(of(&review(&t, &profile), "money-scale-project").is_empty());
    profile.thresholds.project_scale_ratio = d("150");
    assert_eq!(of(&review(&t, &profile), "money-scale-project").len(), 1);
    // out-of-range thresholds are refused
    profile.thresholds.project_scale_ratio = d("2");
    profile.thresholds.project_scale_min_projects = 2;
    let keys: Vec<String> = profile.problems().into_iter().map(|p| p.key).collect();
    assert!(
        keys.contains(&"thresholds.project_scale_ratio".to_string()),
        "{keys:?}"
    );
    assert!(
        keys.contains(&"thresholds.project_scale_min_projects".to_string()),
        "{keys:?}"
    );
}

#[test]
fn money_scale_project_does_not_overflow_on_huge_amounts() {
    // Amounts near the largest decimal: the sums overflow, nothing panics,
    // and the rule reports what it can prove (nothing here).
    let huge = "79228162514264337593543950335";
    let mut t = scale_table(&["1.00", "2.00", "3.00", "4.00", "5.00"], Some("15.00"));
    for p in &mut t.units[0].projects[3..] {
        p.funding.total = Some(d(huge));
        p.funding.fiscal_appropriation = Some(d(huge));
    }
    let f = review(&t, &Profile::national());
    assert!(of(&f, "money-scale-project").is_empty(), "{:?}", ids(&f));
    let mut t = scale_table(
        &["0.0001", "0.0001", "0.0001", "0.0001", "0.0001", huge],
        Some("1.00"),
    );
    t.units[0].stated = None;
    let _ = review(&t, &Profile::national());
}

// ---- ur6: goal suffixes, goal numbers, per-unit 元, unit-cost format ----

/// A project of `goal` with the clean indicators plus `extra`.
fn goal_with(goal: &str, extra: Vec<Indicator>) -> Table {
    let mut inds = clean_indicators();
    for (k, mut i) in extra.into_iter().enumerate() {
        i.seq = Some(5 + k as u32);
        inds.push(i);
    }
    Builder::new().project("甲", "60.00", goal, inds).finish()
}

#[test]
fn goal_indicator_mismatch_reads_a_count_closing_its_clause() {
    // ur42 f35, ur44 d12, ur46 d36: `培训养老护理员500人次，` (noun before the
    // count, nothing after it) and `800部` were never checked. The clause's
    // work (first two characters) and what it names (last three) must be
    // measured: the field's words (`养老`) shared with other outputs are not.
    let hits = |goal: &str, extra: Vec<Indicator>| {
        let t = goal_with(goal, extra);
        let f = run(&t);
        let goal = t.units[0].projects[0].goal.clone().unwrap();
        of(&f, "goal-indicator-mismatch")
            .iter()
            .map(|h| goal[h.location.span.unwrap().range()].to_string())
            .collect::<Vec<_>>()
    };
    let stations = || vec![parsed(1, "运营社区居家养老服务站点数量", "≥18个")];
    assert_eq!(
        hits(
            "运营社区居家养老服务站点18个，表彰养老护理员50名，提升服务质量。",
            stations()
        ),
        ["表彰养老护理员50名"]
    );
    assert_eq!(
        hits(
            "为社区民警配备800部数字对讲机。",
            vec![parsed(1, "一线民警满意度", "≥90%")]
        ),
        ["800部数字对讲机"]
    );
    assert_eq!(
        hits("配备执法记录仪800部，规范执法。", vec![]),
        ["配备执法记录仪800部"]
    );
    // A verb of any work is not the work (ur50 d54); a satisfaction
    // indicator measures no output, nor does a count in 个 of something else
    // (ur50 d55).
    assert_eq!(
        hits(
            "开展消防安全培训20场，开展应急疏散演练10次。",
            vec![parsed(1, "开展消防安全培训场次", "≥20场")]
        ),
        ["开展应急疏散演练10次"]
    );
    assert_eq!(
        hits(
            "新建村级综合服务站20个，方便群众就近办事。",
            vec![
                parsed(1, "覆盖行政村数量", "≥20个"),
                parsed(2, "服务对象满意度", "≥90%"),
            ]
        ),
        ["新建村级综合服务站20个"]
    );
    assert!(hits(
        "开展消防安全培训20场，",
        vec![parsed(1, "消防安全培训场次", "≥20场")]
    )
    .is_empty());
    // A figure per unit is no output of its own (ur56 n33, n36).
    assert!(hits(
        "举办培训班10期，每期50人。",
        vec![parsed(1, "培训班期数", "≥10期")]
    )
    .is_empty());
    // A word for any work closing the clause (`活动`, `工作`) is no name
    // of what it counts (ur54 g23, g24).
    assert!(hits(
        "开展文化惠民演出活动40场，",
        vec![parsed(1, "文化惠民演出次数", "≥40次")]
    )
    .is_empty());
    assert!(hits(
        "开展困难群众走访慰问工作800户次，",
        vec![parsed(1, "走访慰问困难群众户数", "≥800户")]
    )
    .is_empty());
    // A list's item number is not quoted; list markers and words of time
    // are not the work.
    assert_eq!(
        hits("1.组织开展主题活动15场；", vec![]),
        ["组织开展主题活动15场"]
    );
    assert_eq!(
        hits("一是全年表彰养老护理员50名；", stations()),
        ["一是全年表彰养老护理员50名"]
    );
    assert_eq!(
        hits(
            "全年表彰养老护理员50名；",
            vec![parsed(1, "全年工作完成率", "≥90%")]
        ),
        ["全年表彰养老护理员50名"]
    );
    // Measured: by its work or what it names; a later year's count, a
    // department (`3部门`) and a part (`2部分`) are none.
    for (goal, extra) in [
        ("组织招聘会8场，", vec![parsed(1, "招聘会场次", "≥8场")]),
        (
            "惠及群众3000人，",
            vec![parsed(1, "受益群众人数", "≥3000人")],
        ),
        (
            "培训养老护理员500人次，",
            vec![parsed(1, "护理员培训人次", "≥500人次")],
        ),
        ("明年力争800人次，", vec![]),
        ("联合3部门开展执法，", vec![]),
        ("分2部分实施，", vec![]),
        // ur50: an enumeration's items, words naming nothing, what there
        // is, another year's, and a count an indicator gives in its unit.
        ("开展普法宣传进社区30场、进乡村40场，", vec![]),
        ("惠及1500人次，", vec![]),
        ("全区现有养老机构30家，", vec![]),
        ("上年完成改造120户，", vec![]),
        ("到2026年建成示范点10个，", vec![]),
        ("组织招聘会8场，", vec![parsed(1, "活动场次", "≥8场")]),
    ] {
        assert_eq!(hits(goal, extra), Vec::<String>::new(), "{goal}");
    }
}

#[test]
fn goal_indicator_mismatch_reads_the_noun_before_a_suffix() {
    // `60场以上`, `40场左右`, `3000个以上`, `1200户次以上`, `2个百分点`: the
    // noun measured stands before the number; each has its indicator.
    for (goal, name, raw) in [
        ("开展社区活动40场左右。", "开展社区活动", "≥40场"),
        (
            "全年开展禁毒宣传活动40场以上，提高意识。",
            "开展禁毒宣传活动",
            "≥40场",
        ),
        ("提供就业岗位3000个以上。", "提供就业岗位", "≥3000个"),
        (
            "全年监督检查单位1200户次以上，案件查处率达到100%。",
            "监督检查单位户次",
            "≥1200户次",
        ),
        ("参与群众5000人次以上。", "参与群众人次", "≥5000人次"),
        ("联农带农500户以上。", "联农带农户数", "≥500户"),
        (
            "农村自来水普及率提高2个百分点。",
            "农村自来水普及率提高",
            "≥2个百分点",
        ),
        ("服务对象300余人。", "服务对象人数", "≥300人"),
    ] {
        let t = goal_with(goal, vec![parsed(1, name, raw)]);
        let f = run(&t);
        assert_eq!(
            of(&f, "goal-indicator-mismatch").len(),
            0,
            "{goal}: {:?}",
            ids(&f)
        );
    }
    // Nothing measures the noun before the suffix: still reported, the
    // noun quoted with the number.
    let t = goal_with("全年开展禁毒宣传活动40场以上。", vec![]);
    let f = run(&t);
    let hits = of(&f, "goal-indicator-mismatch");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let goal = t.units[0].projects[0].goal.as_ref().unwrap();
    let span = hits[0].location.span.unwrap();
    assert_eq!(&goal[span.range()], "全年开展禁毒宣传活动40场以上");
    // A rise in percentage points no rate indicator measures.
    let t = goal_with("农村自来水普及率提高2个百分点。", vec![]);
    assert_eq!(fired(&t, "goal-indicator-mismatch"), 1);
    // A noun after the count still decides (the seeded case).
    let t = goal_with(
        "改造危桥2座，新建3个农村客运招呼站点。",
        vec![parsed(1, "危桥改造数量", "≥2座")],
    );
    let f = run(&t);
    let hits = of(&f, "goal-indicator-mismatch");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let goal = t.units[0].projects[0].goal.as_ref().unwrap();
    assert_eq!(
        &goal[hits[0].location.span.unwrap().range()],
        "3个农村客运招呼站点"
    );
}

#[test]
fn goal_indicator_mismatch_reads_a_verb_phrase_after_the_count() {
    // /tmp/ur9/probe/p16-gim.tsv A, C, D; clean/t14-rural-revitalization.tsv row 17.
    for (goal, name, raw) in [
        (
            "支持脱贫户和监测户5200户发展生产。",
            "获贷脱贫户和监测户数量",
            "≥5200户",
        ),
        (
            "支持科技型中小企业40家开展技术改造。",
            "支持科技型中小企业数量",
            "≥40家",
        ),
        ("带动脱贫户210户增收。", "带动脱贫户户数", "≥210户"),
    ] {
        let t = goal_with(goal, vec![parsed(1, name, raw)]);
        let f = run(&t);
        assert_eq!(
            of(&f, "goal-indicator-mismatch").len(),
            0,
            "{goal}: {:?}",
            ids(&f)
        );
    }
    // No indicator names the words before or after the count: still
    // reported beside an indicator of the same number in 个, which counts
    // anything (/work/main/bench-data: `20个服务站点` against `覆盖社区数量
    // ≥20个`), and in 户 when the number differs; the same number in 户 is
    // what it counts (probe-d m7: `2900户家庭` against `…用户数 ≥2900户`).
    for (goal, name, raw, fires) in [
        (
            "支持脱贫户和监测户5200户发展生产。",
            "获贷数量",
            "≥5200户",
            0,
        ),
        (
            "支持脱贫户和监测户5200户发展生产。",
            "获贷数量",
            "≥3000户",
            1,
        ),
        ("建设运营好20个服务站点。", "覆盖社区数量", "≥20个", 1),
    ] {
        let t = goal_with(goal, vec![parsed(1, name, raw)]);
        assert_eq!(fired(&t, "goal-indicator-mismatch"), fires, "{goal} {raw}");
    }
}

/// ur59: a count with something added after it (`45台及配套采集存储设备`) and
/// a count of people in 名 measured in 人 are measured by an indicator of
/// the same number; a loose clause's work (`新建`) needs an indicator in
/// the clause's unit; two counts of one span are one finding.
#[test]
fn goal_indicator_mismatch_ur59_counts() {
    for (goal, name, raw) in [
        (
            "为基层派出所购置执法记录仪45台及配套采集存储设备，实现现场执法全过程记录。",
            "购置执法记录仪数量",
            "≥45台",
        ),
        (
            "为502名经济困难的高龄、失能老年人购买居家养老服务。",
            "居家养老服务对象人数",
            "≥502人",
        ),
        // The work counted in the same unit still measures a loose clause.
        ("全年新建村级服务站点15个。", "新建站点个数", "≥16个"),
    ] {
        let t = goal_with(goal, vec![parsed(1, name, raw)]);
        let f = run(&t);
        assert_eq!(
            of(&f, "goal-indicator-mismatch").len(),
            0,
            "{goal}: {:?}",
            ids(&f)
        );
    }
    for (goal, name, raw) in [
        // Another number: not measured by the same count.
        (
            "为基层派出所购置执法记录仪45台及配套采集存储设备。",
            "维修车辆数量",
            "≥40台",
        ),
        (
            "为502名经济困难的高龄、失能老年人购买居家养老服务。",
            "服务对象人数",
            "≥500人",
        ),
        // 新建 alone, in 亩, measures no station.
        (
            "新建高标准农田1200亩；新建标准化服务站点15个。",
            "新建高标准农田面积",
            "≥1200亩",
        ),
    ] {
        let t = goal_with(goal, vec![parsed(1, name, raw)]);
        assert_eq!(fired(&t, "goal-indicator-mismatch"), 1, "{goal}");
    }
    let t = goal_with(
        "为100所中小学幼儿园配备专职保安200名，实现校园“护学岗”全覆盖。",
        vec![parsed(1, "教师培训人次", "≥3000人次")],
    );
    assert_eq!(fired(&t, "goal-indicator-mismatch"), 1);
}

#[test]
fn deadline_outside_year_in_the_goal() {
    // A probe's q07: last year's goal copied into the table of 2024.
    let goal = "对全区3座危桥实施改造，确保2023年12月底前完工，消除通行安全隐患。";
    let mut t = goal_with(goal, vec![]);
    t.fiscal_year = Some(2024);
    let f = run(&t);
    let hits = of(&f, "deadline-outside-year");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(
        &goal[hits[0].location.span.unwrap().range()],
        "确保2023年12月底前完工"
    );
    assert!(
        zh(&t, hits[0]).contains("早于预算年度（2024年）"),
        "{}",
        zh(&t, hits[0])
    );
    // After the year (a project over years), compared with, a scope, or
    // this year: nothing.
    for goal in [
        "项目计划于2025年6月底前全部竣工，本年度完成主体工程。",
        "较2023年底提高5个百分点。",
        "对2023年底前已建成的农村公路开展养护。",
        "确保2024年12月底前完工。",
    ] {
        let mut t = goal_with(goal, vec![]);
        t.fiscal_year = Some(2024);
        assert_eq!(fired(&t, "deadline-outside-year"), 0, "{goal}");
    }
}

#[test]
fn goal_indicator_number() {
    // The goal's 3000人次 against the one 人次 indicator's ≥300: a digit slip.
    let t = goal_with(
        "组织全区中小学教师参加全员培训3000人次，提升教师教育教学能力。",
        vec![],
    );
    let mut t = t;
    t.units[0].projects[0].indicators[0] = q(1, Category::Output, "培训教师人次", "≥300人次");
    let f = run(&t);
    let hits = of(&f, "goal-indicator-number");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let goal = t.units[0].projects[0].goal.as_ref().unwrap();
    assert_eq!(&goal[hits[0].location.span.unwrap().range()], "3000人次");
    let text = zh(&t, hits[0]);
    assert!(
        text.contains("3000人次") && text.contains("≥300人次"),
        "{text}"
    );
    let text = en(&t, hits[0]);
    assert!(
        text.contains("3000人次") && text.contains("≥300人次"),
        "{text}"
    );
    // ur59: the project is named a project, not an indicator.
    assert!(text.contains("but project \""), "{text}");
    assert!(!text.contains("but indicator"), "{text}");
    // 12 stations in the goal, =21 in the indicator: the digits swapped.
    let t = goal_with(
        "保障12个乡镇综合文化站免费开放，每站每年补助5万元。",
        vec![q(1, Category::Output, "免费开放文化站数量", "=21个")],
    );
    assert_eq!(fired(&t, "goal-indicator-number"), 1, "{:?}", ids(&run(&t)));
    // A probe's c27: the indicator states the sum of two counts (12 + 120),
    // the second's noun one character before a bracket.
    for goal in [
        "保障全区12个镇街服务站和120个村（社区）服务站正常运行。",
        "保障全区12个镇街服务站和120个村服务站正常运行。",
    ] {
        let t = goal_with(
            goal,
            vec![q(1, Category::Output, "保障服务站数量", "=132个")],
        );
        assert_eq!(
            fired(&t, "goal-indicator-number"),
            0,
            "{goal}: {:?}",
            ids(&run(&t))
        );
    }
    // A profile switches it off like any rule.
    let mut off = Profile::national();
    off.rules.insert(
        "goal-indicator-number".into(),
        RuleSetting {
            enabled: Some(false),
            severity: None,
        },
    );
    assert!(off.validate().is_empty());
    assert!(of(&review(&t, &off), "goal-indicator-number").is_empty());
    // Agreeing numbers, a floor in the goal, a magnitude, a near number,
    // a goal number another indicator has: no finding.
    for (goal, name, raw) in [
        ("开展培训不少于3000人次。", "培训教师人次", "≥3000人次"),
        ("开展培训3000人次以上。", "培训教师人次", "≥3000人次"),
        ("开展培训2万人次。", "培训教师人次", "≥20000人次"),
        ("开展培训3000人次。", "培训教师人次", "≥2800人次"),
        (
            "保障12个乡镇综合文化站免费开放。",
            "免费开放文化站数量",
            "=13个",
        ),
        ("建设运营好6个社工站点。", "运营社工站点数", "≥6个"),
    ] {
        let mut t = goal_with(goal, vec![]);
        t.units[0].projects[0].indicators[0] = parsed(1, name, raw);
        let f = run(&t);
        assert_eq!(
            of(&f, "goal-indicator-number").len(),
            0,
            "{goal} / {raw}: {:?}",
            ids(&f)
        );
    }
    // Two indicators of the unit could measure it: not confident, no finding.
    let mut t = goal_with(
        "培训教师3000人次，其中骨干教师培训。",
        vec![q(1, Category::Output, "骨干教师培训人次", "≥100人次")],
    );
    t.units[0].projects[0].indicators[0] = q(1, Category::Output, "培训教师人次", "≥300人次");
    assert_eq!(fired(&t, "goal-indicator-number"), 0);
    // (ur42 x06) Another count of the unit measured by an indicator of its
    // own does not hide the slip; a part of the indicator's sum
    // (`420家…和160家…` against 580), or a background count beside the one
    // the indicator gives (`约2.1万人` beside `3000人`), is no pairing.
    let two = |goal: &str, inds: Vec<Indicator>| {
        let mut t = goal_with(goal, vec![]);
        t.units[0].projects[0].indicators = inds;
        fired(&t, "goal-indicator-number")
    };
    assert_eq!(
        two(
            "配置分类收集容器3500个，建设集中投放点220个。",
            vec![
                parsed(1, "配置分类收集容器数量", "≥350个"),
                parsed(2, "建设集中投放点数量", "≥220个"),
            ]
        ),
        1
    );
    assert_eq!(
        two(
            "对全区420家规模以上工业企业和160家限额以上批零住餐企业开展联网直报审核。",
            vec![parsed(1, "联网直报企业审核数量", "≥580家")]
        ),
        0
    );
    assert_eq!(
        two(
            "我区持证残疾人约2.1万人，为残疾儿童和成年残疾人提供基本康复服务3000人。",
            vec![
                parsed(1, "接受基本康复服务残疾人人数", "≥3000人"),
                parsed(2, "残疾儿童康复救助人数", "≥260人"),
            ]
        ),
        0
    );
    // (ur56) A figure per unit (`各配备2名`) is no total; an indicator of
    // one (`月均安全巡查次数`) measures no annual count.
    assert_eq!(
        two(
            "为全区120个社区各配备2名专职网格员。",
            vec![parsed(1, "配备专职网格员人数", "≥240名")]
        ),
        0
    );
    assert_eq!(
        two(
            "每月开展2次校园周边安全巡查，全年开展安全巡查24次。",
            vec![parsed(1, "月均安全巡查次数", "≥2次")]
        ),
        0
    );
    // The project's clean goal and the sample-like table: nothing.
    assert_eq!(fired(&clean_table(), "goal-indicator-number"), 0);
}

#[test]
fn goal_indicator_number_compares_measures_and_magnitudes() {
    // /tmp/ur9/probe/gin.tsv A, B, D, E, G, H; seeded/s1 S1c, s4 S4e.
    for (goal, name, raw) in [
        (
            "新建和改造灌溉渠道12公里，改善灌溉条件。",
            "新建和改造灌溉渠道长度",
            "≥120公里",
        ),
        (
            "新建和改造灌溉渠道12.5公里，改善灌溉条件。",
            "新建和改造灌溉渠道长度",
            "≥1.25公里",
        ),
        (
            "签约居民14万人，提高健康管理水平。",
            "签约居民人数",
            "≥1.4万人",
        ),
        (
            "签约居民14万人，提高健康管理水平。",
            "签约居民人数",
            "≥14000人",
        ),
        (
            "完成造林1.2万亩，提高森林覆盖率。",
            "完成造林面积",
            "≥0.12万亩",
        ),
        (
            "完成造林12000亩，提高森林覆盖率。",
            "完成造林面积",
            "≥1200亩",
        ),
    ] {
        let mut t = goal_with(goal, vec![]);
        t.units[0].projects[0].indicators[0] = parsed(1, name, raw);
        let f = run(&t);
        let hits = of(&f, "goal-indicator-number");
        assert_eq!(hits.len(), 1, "{goal} / {raw}: {:?}", ids(&f));
        let text = zh(&t, hits[0]);
        assert!(text.contains(raw), "{text}");
    }
    // The same quantity in another magnitude, a goal that measures in the
    // unit twice (parts), a 千米 that is no magnitude: no finding.
    for (goal, name, raw) in [
        (
            "签约居民1.4万人，提高健康管理水平。",
            "签约居民人数",
            "≥14000人",
        ),
        ("完成造林1.2万亩。", "完成造林面积", "≥12000亩"),
        (
            "新建渠道12公里、改造渠道30公里。",
            "新建和改造渠道长度",
            "≥420公里",
        ),
        ("新建灌溉渠道12千米。", "新建灌溉渠道长度", "≥12千米"),
    ] {
        let mut t = goal_with(goal, vec![]);
        t.units[0].projects[0].indicators[0] = parsed(1, name, raw);
        let f = run(&t);
        assert_eq!(
            of(&f, "goal-indicator-number").len(),
            0,
            "{goal} / {raw}: {:?}",
            ids(&f)
        );
    }
    // A measure or a magnitude no indicator names is still no
    // goal-indicator-mismatch (never was).
    for goal in ["修建12.5公里灌溉渠道。", "签约14万人家庭医生服务。"] {
        assert_eq!(
            fired(&goal_with(goal, vec![]), "goal-indicator-mismatch"),
            0,
            "{goal}"
        );
    }
}

#[test]
fn scale_mismatch_ignores_per_unit_standards() {
    for goal in [
        "按每亩120元标准发放耕地地力保护补贴。",
        "为80周岁以上老人每人每月发放100元高龄津贴。",
        "带动脱贫人口人均增收1000元以上。",
        "户均补助500元。",
        "补助标准为200元/人。",
        "为每名学员补助5000元，开展培训。",
        "按照每人每年1200元的标准发放。",
        // /tmp/ur7/in/r1-rows-fixes.tsv: others' money the project brings in.
        "带动企业研发投入3000000元。",
    ] {
        let t = Builder::new()
            .project("甲", "50.00", goal, clean_indicators())
            .finish();
        assert_eq!(fired(&t, "scale-mismatch"), 0, "{goal}");
    }
    // A project total quoted in 元 in a 万元 table still counts.
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "项目总投资500000元，开展培训。",
            clean_indicators(),
        )
        .finish();
    assert_eq!(fired(&t, "scale-mismatch"), 1);
}

#[test]
fn unit_cost_prints_two_decimals_and_large_costs_in_wan() {
    // 4500.0 万元 for 3公里: 1500.00 万元/公里, never 15000000.0 元/公里.
    let mut inds = clean_indicators();
    inds[0] = q(1, Category::Output, "道路改造长度", "≥3公里");
    inds[3] = q(4, Category::Cost, "项目总成本", "≤4500万元");
    let t = Builder::new()
        .project("城区主干道提升改造工程", "4500.0", "改造道路3公里。", inds)
        .finish();
    let f = run(&t);
    let hits = of(&f, "unit-cost");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(text.contains("约 1500.00 万元/公里（主要产出："), "{text}");
    let text = en(&t, hits[0]);
    assert!(text.contains("about 1500.00 万元/公里"), "{text}");
    // English names the main output as the Chinese does.
    assert!(
        text.contains("main output") && text.contains("道路改造长度"),
        "{text}"
    );
    // Below 10 000 元 the cost stays in 元, with two decimals.
    let t = clean_table();
    let text = zh(&t, of(&run(&t), "unit-cost")[0]);
    assert!(text.contains("约 1000.00 元/人次"), "{text}");
}

#[test]
fn money_scale_suspect_is_settled_by_the_tables_own_costs() {
    // /tmp/ur6/clean/t19-province-transport.tsv: a provincial department's
    // median project of 18亿 is borne out by ≤30万元/公里 × 6000公里.
    let build = |cost: Indicator| {
        let mut b = Builder::new();
        for k in 0..4 {
            b = b.project(
                &format!("农村公路提档升级{k}"),
                "180000.00",
                "支持农村公路提档升级。",
                vec![
                    q(1, Category::Output, "提档升级里程", "≥6000公里"),
                    q(2, Category::Outcome, "群众出行条件改善率", "≥90%"),
                    q(3, Category::Satisfaction, "群众满意度", "≥90%"),
                    cost.clone(),
                ],
            );
        }
        b.finish()
    };
    for cost in [
        q(4, Category::Cost, "每公里补助标准", "≤30万元/公里"),
        q(4, Category::Cost, "项目总成本", "≤180000万元"),
        q(4, Category::Cost, "项目总成本", "≤18亿元"),
    ] {
        let t = build(cost.clone());
        assert_eq!(fired(&t, "money-scale-suspect"), 0, "{}", cost.raw_value);
    }
    // Costs that fit the amounts only when read as 元 do not settle it.
    for cost in [
        q(4, Category::Cost, "每公里补助标准", "≤3元/公里"),
        q(4, Category::Cost, "项目总成本", "≤18万元"),
    ] {
        let t = build(cost.clone());
        assert_eq!(fired(&t, "money-scale-suspect"), 1, "{}", cost.raw_value);
    }
}

#[test]
fn deadline_outside_year_spares_reference_dates_and_the_years_own_span() {
    // /tmp/ur7: 普查时点 2023年12月31日 in a 2024 table is a reference date.
    let mut t = replace(1, ql(2, Category::Output, "普查时点", "2023年12月31日"));
    t.fiscal_year = Some(2024);
    assert_eq!(fired(&t, "deadline-outside-year"), 0);
    // A date that is neither a timeliness value nor followed by a deadline word.
    let mut t = replace(1, ql(2, Category::Outcome, "保持水平", "2023年"));
    t.fiscal_year = Some(2024);
    assert_eq!(fired(&t, "deadline-outside-year"), 0);
    // `2024年1月1日至2024年12月31日` is this year: no long-term wording.
    let mut t = replace(
        1,
        ql(
            2,
            Category::Output,
            "实施时间",
            "2024年1月1日至2024年12月31日",
        ),
    );
    t.fiscal_year = Some(2024);
    assert_eq!(fired(&t, "long-term-in-annual"), 0);
    assert_eq!(fired(&t, "deadline-outside-year"), 0);
    // Wording that names a year compared with, or a start, is no deadline;
    // a deadline in wording under any name is.
    for (name, value, hits) in [
        ("服务水平", "较2023年底提高5%", 0),
        ("政策实施", "自2023年1月起实施", 0),
        ("竣工结算", "2025年3月底前完成竣工结算", 1),
        ("竣工结算", "2024年3月底前完成竣工结算", 0),
        // a scope (/tmp/ur10 d03): which roads are meant, not when
        ("养护范围", "2023年底前已建成的农村公路全部纳入养护", 0),
        (
            "资助对象范围",
            "2023年12月31日前认定的脱贫家庭学生全覆盖",
            0,
        ),
    ] {
        let mut t = replace(1, ql(2, Category::Output, name, value));
        t.fiscal_year = Some(2024);
        assert_eq!(fired(&t, "deadline-outside-year"), hits, "{value}");
    }
}

#[test]
fn qualitative_vague_spares_grades_of_a_graded_assessment() {
    // /tmp/ur7: 考核结果等次 优秀, 体质健康测试等级 良好以上, 空气质量 优良.
    for (name, value) in [
        ("考核结果等次", "优秀"),
        ("绩效评价等级", "优"),
        ("学生体质健康测试等级", "良好以上"),
        ("环境空气质量", "优良"),
        ("文明城市测评等次", "良好"),
    ] {
        let t = replace(1, ql(2, Category::Outcome, name, value));
        assert_eq!(fired(&t, "qualitative-vague"), 0, "{name}");
    }
    for value in ["整体运行良好", "达到良好水平", "高", "中"] {
        let t = replace(1, ql(2, Category::Outcome, "社会效益", value));
        assert_eq!(fired(&t, "qualitative-vague"), 1, "{value}");
    }
}

#[test]
fn money_scale_project_in_a_small_unit_and_not_against_the_goals_words() {
    // /tmp/ur7/in/mx1.tsv: 120 + 85 + 60 and 350000 "万元" under a unit row of
    // 300.00 (= 265 + 35): the 元 slip is proven in a unit of four projects.
    let t = scale_table(&["120.00", "85.00", "60.00", "350000.00"], Some("300.00"));
    assert_eq!(fired(&t, "money-scale-project"), 1);
    // /tmp/ur7/in/m8-province-nototals.tsv: a genuine 25亿 project, its goal
    // says so; no unit or total rows.
    let big = |goal: &str| {
        let mut b = Builder::new();
        for (k, a) in ["300.00", "120.00", "80.00", "200.00", "50.00"]
            .iter()
            .enumerate()
        {
            b = b.project(&format!("项目{k}"), a, "开展工作。", clean_indicators());
        }
        b.project(
            "普通国省干线公路建设",
            "250000.00",
            goal,
            clean_indicators(),
        )
        .finish()
    };
    let mut t = big("安排资金25亿元，新改建国省干线500公里。");
    t.units[0].stated = None;
    t.grand_total = None;
    assert_eq!(fired(&t, "money-scale-project"), 0);
    let mut t = big("新改建国省干线500公里。");
    t.units[0].stated = None;
    t.grand_total = None;
    assert_eq!(fired(&t, "money-scale-project"), 1);
}

#[test]
fn unit_inconsistent_reads_a_rate_per_population_with_or_without_its_people() {
    // /tmp/ur7/in/u1-per100k.tsv: ≤10/10万, ≤10/10万人, ≤10人/10万人 are one unit.
    let with = |value: &str| {
        let mut v = clean_indicators();
        let i = jixiao_core::grammar::parse_value(value);
        let mut x = q(5, Category::Outcome, "孕产妇死亡率", "≤10");
        x.target = i.target;
        x.raw_value = value.into();
        v.push(x);
        v
    };
    let table = |b: &str| {
        Builder::new()
            .project("甲", "60.00", "开展孕产妇系统管理。", with("≤10/10万"))
            .project("乙", "60.00", "开展孕产妇系统管理。", with(b))
            .finish()
    };
    for b in ["≤10/10万人", "≤10人/10万人", "≤1/10万"] {
        assert_eq!(fired(&table(b), "unit-inconsistent"), 0, "{b}");
    }
    // Another base is another unit.
    assert_eq!(fired(&table("≤0.5/万"), "unit-inconsistent"), 1);
}

// ---- money-scale-project from the project's own cost indicators ----

/// A project whose cost standard times its output puts its money 10 000
/// times away from its amount, its totals following it (/tmp/ur9 s5, s6;
/// /tmp/ur6 r4 with two projects, too few for a median).
#[test]
fn money_scale_project_from_cost_indicators_in_both_scales() {
    let inds = |standard: &str, count: &str| {
        vec![
            q(1, Category::Output, "补助学生人次", count),
            q(2, Category::Cost, "补助标准", standard),
            q(3, Category::Outcome, "因贫辍学人数", "=0人"),
            q(4, Category::Satisfaction, "受助学生满意度", "≥95%"),
        ]
    };
    let table = |amount: &str, standard: &str, count: &str| {
        Builder::new()
            .project("职业教育补助", amount, "发放补助。", inds(standard, count))
            .project("其他项目", "20.00", "完成任务。", clean_indicators())
            .finish()
    };
    // 万元 table: 600000.00 against 1500元 × 400人次 = 60 万元.
    let t = table("600000.00", "=1500元/人·学期", "≥400人次");
    let f = run(&t);
    let hits = of(&f, "money-scale-project");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].severity, Severity::Warning);
    assert_eq!(hits[0].location.project, Some(0));
    assert_eq!(hits[0].location.col, Some(2));
    let m = zh(&t, hits[0]);
    assert!(
        m.contains("600000.00 万元") && m.contains("60.00 万元") && m.contains("按元填写"),
        "{m}"
    );
    // The same money in 万元 (60.00): borne out, nothing.
    assert_eq!(
        fired(
            &table("60.00", "=1500元/人·学期", "≥400人次"),
            "money-scale-project"
        ),
        0
    );
    // A total cost in money refutes as well.
    let mut t = table("2600000.00", "≤2600000元", "≥400人次");
    t.units[0].projects[0].indicators[1].name = "项目总成本".into();
    assert_eq!(fired(&t, "money-scale-project"), 1);
    // Unrelated units, or no money unit: nothing to compare.
    assert_eq!(
        fired(
            &table("600000.00", "=1500元/亩", "≥400人次"),
            "money-scale-project"
        ),
        0
    );
    assert_eq!(
        fired(
            &table("600000.00", "≤100%", "≥400人次"),
            "money-scale-project"
        ),
        0
    );
    // A part of a large project's cost, not close to the amount ÷ 10 000
    // (50000.00 万元 with a ≤2万元 fee: 5 against 2).
    let mut t = table("50000.00", "≤2万元", "≥400人次");
    t.units[0].projects[0].indicators[1].name = "专家评审费".into();
    assert_eq!(fired(&t, "money-scale-project"), 0);
    // A part's fee near the amount ÷ 10 000 by chance (/tmp/ur10 m01, m10):
    // 专家评审费 ≤1.2万元 in 12000.00, 1200元/人次 × 8人次 in 9600.00.
    let mut t = table("12000.00", "≤1.2万元", "≥400人次");
    t.units[0].projects[0].indicators[1].name = "专家评审费".into();
    assert_eq!(fired(&t, "money-scale-project"), 0);
    let mut t = table("9600.00", "≤1200元/人次", "≥8人次");
    t.units[0].projects[0].indicators[1].name = "专家评审费标准".into();
    assert_eq!(fired(&t, "money-scale-project"), 0);
    // A standard per month, for the year's 12 (/tmp/ur10 m11): 1200元/人·月 ×
    // 4人 × 12 = 5.76 万元 against 57600.00.
    let t = table("57600.00", "=1200元/人·月", "=4人");
    let f = run(&t);
    let hits = of(&f, "money-scale-project");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert!(
        zh(&t, hits[0]).contains("× 12个月 约 5.76 万元"),
        "{}",
        zh(&t, hits[0])
    );
    assert_eq!(
        fired(
            &table("5.76", "=1200元/人·月", "=4人"),
            "money-scale-project"
        ),
        0
    );
    // The goal states the amount in 万元: borne out.
    let mut t = table("600000.00", "=1500元/人·学期", "≥400人次");
    t.units[0].projects[0].goal = Some("安排资金60亿元，发放补助。".into());
    assert_eq!(fired(&t, "money-scale-project"), 0);

    // 元 table: 360.00 元 (0.036 万元 in the model) against 8万元/人 × 45人.
    let mut t = Builder::new()
        .project(
            "消防队运行经费",
            "0.036000",
            "保障专职消防队员45名。",
            vec![
                q(1, Category::Output, "保障专职消防队员人数", "=45人"),
                q(2, Category::Cost, "人均运行经费", "≤8万元/人"),
                q(3, Category::Outcome, "火灾亡人事故", "=0起"),
                q(4, Category::Satisfaction, "群众满意度", "≥90%"),
            ],
        )
        .finish();
    t.money_scale = MoneyScale::Yuan;
    let f = run(&t);
    let hits = of(&f, "money-scale-project");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    let m = zh(&t, hits[0]);
    assert!(m.contains("360.00 元") && m.contains("按万元填写"), "{m}");
    // 3,600,000.00 元 (360 万元): borne out.
    t.units[0].projects[0].funding.total = Some(d("360.00"));
    t.units[0].projects[0].funding.fiscal_appropriation = Some(d("360.00"));
    assert_eq!(fired(&t, "money-scale-project"), 0);
}

#[test]
fn input_as_output_spares_farm_inputs_fiscal_capacity_and_human_capital() {
    // /tmp/ur10/in/r10_iao_more.tsv and r01_rules.tsv (ur10 D8).
    for (cat, name, raw) in [
        (Category::Output, "农业投入品监督抽查批次", "≥50批次"),
        (Category::Outcome, "农业投入品质量合格率", "≥98%"),
        (Category::Output, "农业投入品监管覆盖率", "≥95%"),
        (Category::Output, "基本财力保障率", "=100%"),
        (Category::Outcome, "县级基本财力保障水平", "稳步提高"),
        (Category::Outcome, "人力资本提升", "有效提升"),
        (Category::Outcome, "投入产出比", "≥1.5"),
    ] {
        let i = if raw.starts_with(['≥', '=']) {
            q(2, cat, name, raw)
        } else {
            ql(2, cat, name, raw)
        };
        assert_eq!(fired(&replace(1, i), "input-as-output"), 0, "{name}");
    }
    // The project's own money, people or capacity stays an input, also after
    // a word in another sense.
    for name in [
        "财政资金投入",
        "资金投入",
        "人力投入",
        "农业投入品及资金投入",
        "财力投入",
    ] {
        let t = replace(1, q(2, Category::Outcome, name, "≥10万元"));
        assert_eq!(fired(&t, "input-as-output"), 1, "{name}");
    }
}

#[test]
fn unit_missing_spares_an_income_gap_and_pue() {
    // /tmp/ur10/in/r06_rules2.tsv items 3 and 6, r01_rules.tsv (ur10 D9).
    for (name, raw) in [
        ("城乡居民收入倍差", "≤2.1"),
        ("城乡居民人均可支配收入倍差", "≤2.0"),
        ("数据中心PUE值", "≤1.3"),
        ("新建数据中心PUE", "≤1.25"),
        ("出水pH值", "≤9"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        assert_eq!(fired(&t, "unit-missing"), 0, "{name}");
    }
    // A score, a value in money or a count still needs its unit; 值 alone
    // is no sign (产值 is in 万元).
    for (name, raw) in [
        ("评估得分", "≥85"),
        ("农业总产值", "≥500"),
        ("监测点位值", "≥20"),
        ("GRAPH值", "≥2"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        assert_eq!(fired(&t, "unit-missing"), 1, "{name}");
    }
}

#[test]
fn cost_exceeds_budget_spares_the_whole_projects_investment() {
    // /tmp/ur10/in/m07_multiyear.tsv: 3000.00 万元 this year of a 2024-2026
    // project, 项目总投资 ≤9000万元 (ur10 D12). Here 50.00 万元.
    for name in ["项目总投资", "计划总投资", "项目投资总额", "工程总概算"] {
        let t = replace(3, q(4, Category::Cost, name, "≤150万元"));
        assert_eq!(fired(&t, "cost-exceeds-budget"), 0, "{name}");
    }
    // The year's investment or a cost is this year's money.
    for name in ["年度总投资", "本年总投资", "项目总成本", "年度投资"] {
        let t = replace(3, q(4, Category::Cost, name, "≤150万元"));
        assert_eq!(fired(&t, "cost-exceeds-budget"), 1, "{name}");
    }
}

#[test]
fn value_prefixed_spares_the_period_counted_over() {
    // /tmp/ur10/in/r06_rules2.tsv item 2 (ur10 D13).
    let one_cell = |name: &str, value: &str| {
        replace(
            0,
            with_columns(Category::Output, name, None, value, None, None),
        )
    };
    for value in [
        "全年≥4次",
        "年度≥2次",
        "季度≥1次",
        "全年累计≥4次",
        "全年每月≥1次",
        "本年度≥6次",
    ] {
        let t = one_cell("督导频次", value);
        assert_eq!(fired(&t, "value-prefixed"), 0, "{value}");
    }
    // A period followed by other words is a label.
    for value in ["全年督导≥4次", "年度目标≥2次", "年度督导频次≥2次"] {
        let t = one_cell("督导频次", value);
        assert_eq!(fired(&t, "value-prefixed"), 1, "{value}");
    }
}

#[test]
fn benefit_is_output_spares_a_count_after_the_activity() {
    // /tmp/ur10/in/r09_bio_clean.tsv item 5 (ur10 D14).
    for (name, raw) in [
        ("培训后就业人数", "≥300人"),
        ("建设后受益群众人数", "≥2000人"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        assert_eq!(fired(&t, "benefit-is-output"), 0, "{name}");
    }
    // The activity itself under 效益 stays an output, also when 后 begins
    // another word (后勤 logistics, 后续 follow-up).
    for (name, raw) in [
        ("培训人数", "≥300人"),
        ("培训后勤人员", "≥30人"),
        ("培训后续跟踪人数", "≥300人"),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, raw));
        assert_eq!(fired(&t, "benefit-is-output"), 1, "{name}");
    }
}

/// Switching one rule off removes that rule's findings and changes no other
/// (ur15 A1: with `project-duplicate` off, an exact copy was reported as an
/// edited copy by `project-name-duplicate`, and joined the copy groups and
/// the unit costs). The one coupling by design: a capped satisfaction target
/// is `direction-conflict`'s, and `satisfaction-low`'s when that rule is off;
/// an outlier's cost is `unit-cost-outlier`'s, and `unit-cost`'s information
/// when that rule is off; `unit-cost`'s settings are the outlier rule's too
/// unless it has its own (a profile from before the split).
#[test]
fn switching_a_rule_off_removes_its_findings_alone() {
    let goal = "开展青年技能培训，提升就业能力。";
    let mut capped = clean_indicators();
    capped[2] = q(3, Category::Satisfaction, "参训人员满意度", "≤80%");
    let tables = [
        clean_table(),
        Builder::new()
            .unit("某单位")
            .project("技能培训经费", "50.00", goal, clean_indicators())
            .project("技能培训经费", "50.00", goal, clean_indicators())
            .project("技能培训经费", "40.00", goal, clean_indicators())
            .project("宣传经费", "20.00", "开展宣传。", capped)
            .project("会议经费", "10.00", "", Vec::new())
            .finish(),
    ];
    let coupled = |off: &str, rule: &str| {
        (off == "direction-conflict" && rule == "satisfaction-low")
            || (off == "unit-cost-outlier" && rule == "unit-cost")
            || (off == "unit-cost" && rule == "unit-cost-outlier")
    };
    for t in &tables {
        let all = run(t);
        for r in RULES {
            let mut p = Profile::national();
            p.rules.insert(
                r.id.into(),
                RuleSetting {
                    enabled: Some(false),
                    severity: None,
                },
            );
            let got: Vec<_> = review(t, &p)
                .into_iter()
                .filter(|f| !coupled(r.id, &f.rule))
                .collect();
            let want: Vec<_> = all
                .iter()
                .filter(|f| f.rule != r.id && !coupled(r.id, &f.rule))
                .cloned()
                .collect();
            assert_eq!(ids(&got), ids(&want), "{} off", r.id);
            assert_eq!(got, want, "{} off", r.id);
        }
    }
}

/// ur42, an expert reviewer's round: tables they pass drew warnings, and
/// defects the catalogue promises went unreported.
#[test]
fn expert_round_false_alarms_and_misses() {
    // A deadline is met or not, no 定性 grade: two qualitative of four, a
    // date beside them, is 50 %.
    let mut inds = clean_indicators();
    inds[1] = ql(2, Category::Outcome, "就业能力", "明显改善");
    inds[3] = ql(4, Category::Cost, "成本控制", "不超预算");
    for deadline in [
        "2024年12月31日前",
        "12月底前",
        "年底前",
        "年内完成",
        "上半年完成",
    ] {
        inds[0] = ql(1, Category::Output, "完成时间", deadline);
        assert_eq!(
            fired(&with_inds(inds.clone()), "qualitative-share"),
            0,
            "{deadline}"
        );
    }
    inds[0] = ql(1, Category::Output, "培训质量", "有效提升");
    assert_eq!(fired(&with_inds(inds), "qualitative-share"), 1);
    // A growth word anywhere keeps the growth exemption (`毛入学率提高`).
    let t = replace(1, q(2, Category::Outcome, "毛入学率提高", "≥-2%"));
    assert_eq!(fired(&t, "percent-out-of-range"), 0);
    // A rhythm (`按月完成`) is no deadline.
    let mut v = clean_indicators();
    v[0] = ql(1, Category::Output, "巡查频次", "按月完成");
    v[1] = ql(2, Category::Outcome, "就业能力", "明显改善");
    v[3] = ql(4, Category::Cost, "成本控制", "不超预算");
    assert_eq!(fired(&with_inds(v), "qualitative-share"), 1);
    // Ratios above 100 % by definition, up to 300 %.
    for (name, value, fires) in [
        ("生猪出栏率", "≥150%", 0),
        ("耕地复种指数", "≥180%", 0),
        ("小学毛入学率", "≥102%", 0),
        ("生猪出栏率", "≥1600%", 1),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, value));
        assert_eq!(fired(&t, "percent-out-of-range"), fires, "{name} {value}");
    }
    // A cost per unit named so, above the project's 50.00, for less than
    // one unit delivered (0.3公里); for one or more it is still reported.
    // (The cost of what is delivered must fit: 0.3 × 160 = 48 ≤ 50, but
    // 0.3 × 1600 = 480 is a slip; a fraction of another unit excuses nothing.)
    for (name, km, cost, fires) in [
        ("每公里改造成本", "≥0.3公里", "≤160万元", 0),
        ("单公里造价", "≥0.3公里", "≤160万元", 0),
        ("项目总成本", "≥0.3公里", "≤160万元", 1),
        ("每公里改造成本", "≥3公里", "≤160万元", 1),
        ("每公里改造成本", "≥0.3公里", "≤1600万元", 1),
        ("单次活动成本", "≥0.5小时", "≤80万元", 1),
    ] {
        let mut v = clean_indicators();
        v[0] = q(1, Category::Output, "道路改造长度", km);
        v[3] = q(4, Category::Cost, name, cost);
        assert_eq!(
            fired(&with_inds(v), "cost-exceeds-budget"),
            fires,
            "{name} {km} {cost}"
        );
    }
    // A cost to the public lowered, the verb in the value, is a benefit; the
    // project's own cost in money is not, whatever the value adds.
    let t = replace(1, ql(2, Category::Outcome, "群众就医成本", "有所降低"));
    assert_eq!(fired(&t, "level-misplaced"), 0);
    let t = replace(1, q(2, Category::Outcome, "改造工程成本", "≤120万元"));
    assert_eq!(fired(&t, "level-misplaced"), 1);
    for (name, value, fires) in [
        ("企业融资成本", "较上年下降200万元", 0),
        ("群众出行成本", "人均节省120元", 0),
        ("改造工程成本", "≤350万元，较预算节约", 1),
    ] {
        let mut i = q(2, Category::Outcome, name, "≥1%");
        i.target = grammar::parse_value(value).target;
        i.raw_value = value.into();
        i.value_label = grammar::parse_value(value).label;
        assert_eq!(
            fired(&replace(1, i), "level-misplaced"),
            fires,
            "{name} {value}"
        );
    }
    // 满意率 is satisfaction as 满意度 is: misplaced under 效益.
    let t = replace(1, q(2, Category::Outcome, "监护人满意率", "≥90%"));
    assert_eq!(fired(&t, "level-misplaced"), 1);
    // 经费 arriving is an input.
    for name in ["培训经费到位率", "工作经费执行率"] {
        let t = replace(1, q(2, Category::Outcome, name, "=100%"));
        assert_eq!(fired(&t, "input-as-output"), 1, "{name}");
    }
    // …as a rate; a count of the work is an output.
    for (name, value) in [
        ("专项经费执行情况审计项目数", "≥12个"),
        ("预算执行情况审计项目数", "≥12个"),
        ("助学经费拨付学生人数", "≥800人"),
    ] {
        let t = replace(0, q(1, Category::Output, name, value));
        assert_eq!(fired(&t, "input-as-output"), 0, "{name}");
    }
    // 台 and 套 count what a goal promises.
    for goal in [
        "为独居老人安装800台智能烟感报警器。",
        "配备300套应急救援装备。",
        "购置30辆新能源公交车。",
    ] {
        let t = Builder::new()
            .project("甲", "50.00", goal, clean_indicators())
            .finish();
        assert_eq!(fired(&t, "goal-indicator-mismatch"), 1, "{goal}");
    }
    // The population there is (`现有…6000人`) is no output to compare.
    let inds = |n: &str| {
        let mut v = clean_indicators();
        v[0] = q(1, Category::Output, "居家托养服务重度残疾人人数", n);
        v
    };
    for (goal, fires) in [
        (
            "全区现有持证重度残疾人6000人，为困难重度残疾人提供居家托养服务。",
            0,
        ),
        ("为6000人重度残疾人提供居家托养服务。", 1),
        // 现有 in the object of the project's work: its own output.
        ("对全区现有的6000人重度残疾人提供居家托养服务。", 1),
        ("计划托养服务全区现有重度残疾人6000人，", 1),
    ] {
        let t = Builder::new()
            .project("甲", "50.00", goal, inds("≥800人"))
            .finish();
        assert_eq!(fired(&t, "goal-indicator-number"), fires, "{goal}");
    }
    // A unit in brackets in the name against a value of another kind.
    for (name, value, fires) in [
        ("设备采购及安装成本（万元）", "≤95%", 1),
        ("设备采购及安装成本（万元）", "≤95万元", 0),
        ("培训人次（含线上）", "≥500人次", 0),
        ("参训人员技能合格率（%）", "≥90人", 1),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, value));
        assert_eq!(fired(&t, "unit-name-mismatch"), fires, "{name} {value}");
    }
    // A count of outputs under 满意度 or 成本 belongs under 产出.
    for (k, cat, name, value, fires) in [
        (
            2,
            Category::Satisfaction,
            "补贴性职业技能培训人次",
            "≥3000人次",
            1,
        ),
        (2, Category::Satisfaction, "群众有效投诉次数", "≤5次", 0),
        (3, Category::Cost, "维护覆盖街道数量", "=22个", 1),
        (3, Category::Cost, "项目总成本", "≤50万元", 0),
        // A cap or a zero limits a harm: no output.
        (3, Category::Cost, "施工影响居民户数", "≤200户", 0),
        (2, Category::Satisfaction, "差评工单数量", "≤100件", 0),
        (2, Category::Satisfaction, "媒体负面报道次数", "=0次", 0),
    ] {
        let t = replace(k, q(k as u32 + 1, cat, name, value));
        assert_eq!(fired(&t, "level-misplaced"), fires, "{name}");
    }
    // A change against a base: the words are the target, no label to
    // delete, no comparator missing; 个百分点 is a rate's change.
    for (name, value) in [
        ("高新技术企业总数", "较上年增长10%以上"),
        ("学生近视率", "较上年下降0.5个百分点"),
        ("办理时限", "缩短10分钟以上"),
        ("空气优良天数比例", "较2023年提高1个百分点"),
        ("财政收入", "比2023年增长6%"),
    ] {
        let mut i = q(2, Category::Outcome, name, "≥1%");
        i.target = grammar::parse_value(value).target;
        i.raw_value = value.into();
        i.value_label = grammar::parse_value(value).label;
        let f = run(&replace(1, i));
        for rule in ["value-prefixed", "operator-missing", "unit-name-mismatch"] {
            assert_eq!(of(&f, rule).len(), 0, "{value} {rule}");
        }
    }
    for value in ["开展培训500人次", "青少年违法犯罪率下降90%"] {
        let mut i = q(2, Category::Outcome, "培训人次", "≥1人次");
        i.target = grammar::parse_value(value).target;
        i.raw_value = value.into();
        i.value_label = grammar::parse_value(value).label;
        assert!(i.value_label.is_some());
        assert_eq!(fired(&replace(1, i), "value-prefixed"), 1, "{value}");
    }
    let t = replace(1, ql(2, Category::Outcome, "经费到位情况", "及时足额到位"));
    assert_eq!(fired(&t, "input-as-output"), 1);
    // An amount is no count of work.
    let t = replace(0, q(1, Category::Output, "预算执行数", "≥100万元"));
    assert_eq!(fired(&t, "input-as-output"), 1);
    // 千米 is 公里.
    let mut v = clean_indicators();
    v[0] = q(1, Category::Output, "道路改造长度", "≥0.3千米");
    v[3] = q(4, Category::Cost, "每公里改造成本", "≤160万元");
    assert_eq!(fired(&with_inds(v), "cost-exceeds-budget"), 0);
    // A response time in minutes is a time limit.
    let t = replace(1, q(2, Category::Outcome, "接警出动时限", "≤5分钟"));
    assert_eq!(fired(&t, "timeliness-no-date"), 0);
    // A count per day is not what the year's money buys.
    let mut v = clean_indicators();
    v[0] = q(1, Category::Output, "公交日均客运量", "≥80000人次");
    assert_eq!(fired(&with_inds(v), "unit-cost"), 0);
}

/// ur42 x05: one slip in a project's total, summed into its unit's and the
/// 合计's totals, shows on three rows; the two above name the project's row
/// as the likely cause. So does a unit's column that a project's source
/// slip put out.
#[test]
fn a_slip_summed_upwards_is_traced_to_its_row() {
    let mut t = clean_table();
    let project_row = t.units[0].projects[0].origin.row;
    t.units[0].projects[0].funding.total = Some(d("59.00"));
    t.units[0].stated.as_mut().unwrap().funding.total = Some(d("59.00"));
    t.grand_total.as_mut().unwrap().funding.total = Some(d("59.00"));
    let f = run(&t);
    let rows = of(&f, "sum-mismatch.row");
    assert_eq!(rows.len(), 3, "{:?}", ids(&f));
    let traced: Vec<String> = rows.iter().map(|x| zh(&t, x)).collect();
    let cause = format!("第{project_row}行的总计与其资金来源也相差 9.00");
    assert_eq!(
        traced.iter().filter(|m| m.contains(&cause)).count(),
        2,
        "{traced:?}"
    );
    assert!(rows.iter().any(|x| en(&t, x).contains(&format!(
        "row {project_row}'s total and sources differ by the same 9.00"
    ))));
    // A source's slip: the unit's 财政拨款 no longer equals its projects'.
    let mut t = clean_table();
    t.units[0].projects[0].funding.fiscal_appropriation = Some(d("59.00"));
    let f = run(&t);
    let unit = of(&f, "sum-mismatch.unit");
    assert_eq!(unit.len(), 1, "{:?}", ids(&f));
    assert!(zh(&t, unit[0]).contains(&cause), "{}", zh(&t, unit[0]));
    // Differences the other way are no such cascade: correcting the
    // project's row would widen the unit's gap (the 合计's gap is the unit
    // row's own slip, and names it).
    let mut t = clean_table();
    t.units[0].projects[0].funding.total = Some(d("41.00"));
    t.units[0].stated.as_mut().unwrap().funding.total = Some(d("59.00"));
    let unit_row = t.units[0].stated.as_ref().unwrap().origin.row;
    let f = run(&t);
    let texts: Vec<String> = f.iter().map(|x| zh(&t, x)).collect();
    assert!(
        texts
            .iter()
            .all(|m| !m.contains(&format!("第{project_row}行的总计"))),
        "{texts:?}"
    );
    assert!(
        of(&f, "sum-mismatch.total")
            .iter()
            .any(|x| zh(&t, x).contains(&format!("第{unit_row}行的总计与其资金来源也相差 9.00"))),
        "{texts:?}"
    );
    // A project's total typed too high, its unit's total right: the unit's
    // total falls short of the sum by as much, and that row is named.
    let mut t = clean_table();
    t.units[0].projects[0].funding.total = Some(d("59.00"));
    let f = run(&t);
    let unit = of(&f, "sum-mismatch.unit");
    assert_eq!(unit.len(), 1, "{:?}", ids(&f));
    assert!(zh(&t, unit[0]).contains(&cause), "{}", zh(&t, unit[0]));
    // A slip with no row below it the same is not linked.
    let mut t = clean_table();
    t.grand_total.as_mut().unwrap().funding.fiscal_appropriation = Some(d("48.00"));
    let f = run(&t);
    assert!(!of(&f, "sum-mismatch.total").is_empty());
    assert!(f.iter().all(|x| !zh(&t, x).contains("可能同出于")));
}

#[test]
fn goal_count_unquantified() {
    // A probe's p23: the goal says 培育高素质农民300人, its indicator only
    // 按计划完成.
    let t = goal_with(
        "围绕主导产业，培育高素质农民300人，开展实用技术培训与跟踪服务。",
        vec![ql(1, Category::Output, "培育高素质农民", "按计划完成")],
    );
    let f = run(&t);
    let hits = of(&f, "goal-count-unquantified");
    assert_eq!(hits.len(), 1, "{:?}", ids(&f));
    assert_eq!(hits[0].severity, Severity::Warning);
    assert_eq!(hits[0].location.indicator, Some(5));
    let text = zh(&t, hits[0]);
    assert!(
        text.contains("培育高素质农民300人") && text.contains("按计划完成"),
        "{text}"
    );
    assert!(en(&t, hits[0]).contains("with no number"));
    // Not when the indicator gives a number, nor a deadline, a rate or a
    // quality in words, nor when an indicator with a number measures the
    // count too, nor for a count per unit.
    for (goal, extra) in [
        (
            "培育高素质农民300人，带动农民增收。",
            vec![q(1, Category::Output, "培育高素质农民", "≥300人")],
        ),
        (
            "培育高素质农民300人，带动农民增收。",
            vec![ql(
                1,
                Category::Output,
                "培育高素质农民完成时间",
                "2024年10月底前",
            )],
        ),
        (
            "培育高素质农民300人，带动农民增收。",
            vec![ql(1, Category::Output, "高素质农民培育质量", "较好")],
        ),
        (
            "培育高素质农民300人，带动农民增收。",
            vec![
                q(1, Category::Output, "培育高素质农民人数", "≥300人"),
                ql(2, Category::Output, "培育高素质农民", "按计划完成"),
            ],
        ),
        (
            "每个村培育高素质农民3人，带动农民增收。",
            vec![ql(1, Category::Output, "培育高素质农民", "按计划完成")],
        ),
    ] {
        let t = goal_with(goal, extra);
        assert_eq!(
            fired(&t, "goal-count-unquantified"),
            0,
            "{goal}: {:?}",
            ids(&run(&t))
        );
    }
    assert_eq!(fired(&clean_table(), "goal-count-unquantified"), 0);
}

#[test]
fn probe_c_misses_now_reported() {
    // A fee or price capped per thing under 效益 is the project's cost
    // (m15); held down per head it may be the public's (次均住院费用).
    for (name, value, fires) in [
        ("单处健身路径年维护费用", "≤2500元/处", 1),
        ("设备采购单价", "≤1.05万元/台", 1),
        ("患者次均住院费用", "≤8000元/人次", 0),
        ("单处健身路径年维护费用", "≥2500元/处", 0),
    ] {
        let t = replace(1, q(2, Category::Outcome, name, value));
        assert_eq!(fired(&t, "level-misplaced"), fires, "{name} {value}");
    }
    // 份 is a classifier: 5000份 in the goal against ≥500份 (m20).
    let t = goal_with(
        "印发宣传册5000份，普及防灾减灾知识。",
        vec![q(1, Category::Output, "印发宣传册数量", "≥500份")],
    );
    assert_eq!(fired(&t, "goal-indicator-number"), 1, "{:?}", ids(&run(&t)));
    let t = goal_with(
        "印发宣传册5000份，普及防灾减灾知识。",
        vec![q(1, Category::Output, "印发宣传册数量", "≥5000份")],
    );
    assert_eq!(fired(&t, "goal-indicator-number"), 0);
    // The rates a service is kept at, slipped by a decimal point (m17, m21);
    // a growth rate may be that low.
    for (name, fires) in [
        ("路灯亮灯率", 1),
        ("视频监控在线率", 1),
        ("招商引资增长率", 0),
    ] {
        let t = replace(1, q(2, Category::Output, name, "≥9.8%"));
        assert_eq!(fired(&t, "placeholder-value"), fires, "{name}");
    }
}

#[test]
fn goal_count_unquantified_looks_past_rates_and_costs_per_head() {
    // A rate (m14) or a cost per head (m22) counts nothing the goal counts:
    // it does not excuse the output in words.
    for (goal, extra) in [
        (
            "拆除违规户外广告600处，改善城市街景面貌。",
            vec![
                ql(1, Category::Output, "拆除违规户外广告数量", "全部拆除"),
                q(2, Category::Outcome, "主要街道违规广告反弹率", "≤5%"),
            ],
        ),
        (
            "选派科技特派员80名深入镇村开展技术服务。",
            vec![
                ql(1, Category::Output, "选派科技特派员人数", "按计划选派"),
                q(2, Category::Cost, "科技特派员人均工作补助", "≤6000元/人"),
            ],
        ),
    ] {
        let t = goal_with(goal, extra);
        assert_eq!(
            fired(&t, "goal-count-unquantified"),
            1,
            "{goal}: {:?}",
            ids(&run(&t))
        );
    }
}

#[test]
fn sum_mismatch_names_a_decimal_point_moved() {
    // probe-c p12: one project's 75.00 typed 7500.00 (its row balances): the
    // unit's mismatch says which row and what was meant.
    let two = |amount: &str| {
        Builder::new()
            .project(
                "技能培训经费",
                "50.00",
                "开展青年技能培训，提升就业能力。",
                clean_indicators(),
            )
            .project(
                "档案数字化经费",
                amount,
                "完成馆藏档案数字化。",
                clean_indicators(),
            )
            .finish()
    };
    let mut t = two("75.00");
    assert_eq!(fired(&t, "sum-mismatch.unit"), 0);
    let p = &mut t.units[0].projects[1].funding;
    p.total = Some(d("7500.00"));
    p.fiscal_appropriation = Some(d("7500.00"));
    let row = t.units[0].projects[1].origin.row;
    let f = run(&t);
    let hits = of(&f, "sum-mismatch.unit");
    assert_eq!(hits.len(), 2, "{:?}", ids(&f));
    let text = zh(&t, hits[0]);
    assert!(
        text.contains(&format!("第{row}行的总计 7500.00 与 75.00 之差"))
            && text.contains("小数点错位"),
        "{text}"
    );
    assert!(en(&t, hits[0]).contains("decimal point moved"));
    // A gap no moved point explains names no row.
    let mut t = two("75.00");
    let p = &mut t.units[0].projects[1].funding;
    p.total = Some(d("80.00"));
    p.fiscal_appropriation = Some(d("80.00"));
    let f = run(&t);
    let hits = of(&f, "sum-mismatch.unit");
    assert_eq!(hits.len(), 2, "{:?}", ids(&f));
    assert!(!zh(&t, hits[0]).contains("小数点"), "{}", zh(&t, hits[0]));
}

#[test]
fn goal_indicator_number_reads_a_count_before_de() {
    // probe-c p21, m24: `1.5万吨的储存费用` counts the 储备粮 before it.
    for (value, fires) in [("≥1500吨", 1), ("≥1.5万吨", 0)] {
        let t = goal_with(
            "保障县级储备粮1.5万吨的储存费用和利息补贴，确保储备粮数量真实、质量良好。",
            vec![q(1, Category::Output, "县级储备粮规模", value)],
        );
        assert_eq!(
            fired(&t, "goal-indicator-number"),
            fires,
            "{value}: {:?}",
            ids(&run(&t))
        );
    }
}

#[test]
fn probe_d_false_alarms_on_clean_tables_are_gone() {
    // timeliness-no-date: a count whose name holds 时间, 进度 or 及时 (m9,
    // m10); a deadline in words still fires.
    for (name, value, fires) in [
        ("\"时间银行\"新增注册志愿者人数", "≥500人", 0),
        ("部门预算执行进度通报次数", "≥12次", 0),
        ("及时救助困难群众人次", "≥300人次", 0),
        ("项目完工时间", "按时", 1),
    ] {
        let i = if value.chars().any(|c| c.is_ascii_digit()) {
            q(1, Category::Output, name, value)
        } else {
            ql(1, Category::Output, name, value)
        };
        let t = replace(0, i);
        assert_eq!(fired(&t, "timeliness-no-date"), fires, "{name}");
    }
    // cost-exceeds-budget: a guarantee line is no payment per head (m1).
    let goal = "对全区3800名城乡低保对象实施按月救助，实行差额救助。";
    let mut inds = clean_indicators();
    inds[0] = q(1, Category::Output, "城乡低保对象人数", "≥3800人");
    inds[3] = q(4, Category::Cost, "城乡低保保障标准", "=960元/人·月");
    let t = Builder::new()
        .project("城乡低保资金", "1400.83", goal, inds.clone())
        .finish();
    assert_eq!(fired(&t, "cost-exceeds-budget"), 0, "{:?}", ids(&run(&t)));
    inds[3] = q(4, Category::Cost, "人均救助成本", "=960元/人·月");
    let t = Builder::new()
        .project("城乡低保资金", "1400.83", goal, inds)
        .finish();
    assert_eq!(fired(&t, "cost-exceeds-budget"), 1, "{:?}", ids(&run(&t)));
    // direction-conflict: 经费 allocated per pupil or case has its floor (m4).
    for (name, value, fires) in [
        ("生均公用经费", "≥950元/生·年", 0),
        ("以案定补经费", "≥300元/件", 0),
        ("设备采购成本", "≥30万元", 1),
    ] {
        let t = replace(3, q(4, Category::Cost, name, value));
        assert_eq!(fired(&t, "direction-conflict"), fires, "{name}");
    }
    // input-as-output: watching others' budget execution is the work (m3).
    for (name, fires) in [
        ("预算执行动态监控覆盖率", 0),
        ("预算执行情况通报次数", 0),
        ("预算执行率", 1),
    ] {
        let t = replace(0, q(1, Category::Output, name, "≥95%"));
        assert_eq!(fired(&t, "input-as-output"), fires, "{name}");
    }
    // goal-indicator-mismatch: the same number in the same 所 or 户 (m6, m7);
    // not in 个, which counts anything.
    for (goal, name, value, fires) in [
        (
            "对辖区6所中小学的屋面防水进行维修改造。",
            "维修改造学校数量",
            "=6所",
            0,
        ),
        (
            "预计惠及2900户家庭。",
            "减免基本殡葬服务费用户数",
            "≥2900户",
            0,
        ),
        ("建设20个服务站点。", "覆盖社区数量", "≥20个", 1),
    ] {
        let t = goal_with(goal, vec![q(1, Category::Output, name, value)]);
        assert_eq!(
            fired(&t, "goal-indicator-mismatch"),
            fires,
            "{goal}: {:?}",
            ids(&run(&t))
        );
    }
    // scale-mismatch: a ceiling per case in the goal (m8) is no total.
    let t = Builder::new()
        .project(
            "甲",
            "50.00",
            "个人创业担保贷款额度最高30万元。",
            clean_indicators(),
        )
        .finish();
    assert_eq!(fired(&t, "scale-mismatch"), 0);
}

#[test]
fn unit_cost_outliers_are_not_sought_among_generic_counts() {
    // probe-d m5: stations, plots and villages are all 个; their costs are
    // not alike. The same spread in 人次 is an outlier.
    let projects = |unit: &str| {
        let mut b = Builder::new();
        for (k, n) in ["500", "520", "480", "510", "20"].iter().enumerate() {
            let mut inds = clean_indicators();
            inds[0] = q(
                1,
                Category::Output,
                &format!("产出数量{k}"),
                &format!("≥{n}{unit}"),
            );
            inds[3] = q(4, Category::Cost, &format!("项目总成本{k}"), "≤10万元");
            b = b.project(&format!("项目{k}"), "10.00", &format!("第{k}期。"), inds);
        }
        b.finish()
    };
    assert_eq!(fired(&projects("个"), "unit-cost-outlier"), 0);
    assert_eq!(fired(&projects("人次"), "unit-cost-outlier"), 1);
}
