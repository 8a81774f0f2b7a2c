//! The reviewer on the real sample (GUIDE §4.3) and on mutations of it.
//!
//! The sample Table is built here from the fixture's lines and tabs with the
//! core grammar (`grammar::parse_cell`), independently of the readers.

use jixiao_core::grammar::parse_cell;
use jixiao_core::money::parse_amount;
use jixiao_core::review::{review, Finding, Lang, Messages, Profile, Severity};
use jixiao_core::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

const FIXTURE: &str =
    include_str!("../../../tests/fixtures/haizhu-youth-league-2024-project-targets.txt");

fn amount(s: &str) -> Option<Decimal> {
    parse_amount(s, MoneyScale::WanYuan).unwrap()
}

/// The sample as a Table: 合计 row 10, unit rows 11 and 18, projects P1..P8.
fn sample() -> Table {
    let headers = jixiao_core::ONE_CELL_FIELDS;
    let mut t = Table {
        title: Some("项目支出绩效目标表（含转移支付项目）".into()),
        department: Some("中国共产主义青年团广州市海珠区委员会".into()),
        money_scale: MoneyScale::WanYuan,
        money_scale_stated: true,
        source: SourceInfo {
            path: "haizhu.txt".into(),
            format: "text".into(),
            ..SourceInfo::default()
        },
        columns: headers
            .iter()
            .enumerate()
            .map(|(k, f)| ColumnInfo {
                field: *f,
                header: String::new(),
                col: k as u32 + 1,
            })
            .collect(),
        header_row: Some(9),
        ..Table::default()
    };
    for (k, line) in FIXTURE.split('\n').enumerate() {
        let row = k as u32 + 1;
        if row < 10 {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 7, "line {row}");
        let funding = Funding {
            total: amount(f[1]),
            fiscal_appropriation: amount(f[2]),
            special_account: amount(f[3]),
            other_funds: amount(f[4]),
        };
        if f[0] == "合计" {
            t.grand_total = Some(AmountRow {
                label: f[0].into(),
                funding,
                origin: Origin::new(row, 1),
            });
        } else if f[5].is_empty() && f[6].is_empty() {
            t.units.push(Unit {
                name: f[0].into(),
                code: None,
                stated: Some(AmountRow {
                    label: f[0].into(),
                    funding,
                    origin: Origin::new(row, 1),
                }),
                projects: vec![],
            });
        } else {
            let parsed = parse_cell(f[6], Origin::new(row, 7));
            t.units.last_mut().unwrap().projects.push(Project {
                name: f[0].into(),
                code: None,
                funding,
                goal: Some(f[5].into()),
                indicators: parsed.indicators,
                origin: Origin::new(row, 1),
                indicator_cell: Some(f[6].into()),
                amount_origins: None,
            });
        }
    }
    t
}

/// P1..P8 are rows 12..17 and 19..20.
fn prow(p: usize) -> u32 {
    if p <= 6 {
        11 + p as u32
    } else {
        12 + p as u32
    }
}

fn project_mut(t: &mut Table, p: usize) -> &mut Project {
    let (u, k) = if p <= 6 { (0, p - 1) } else { (1, p - 7) };
    &mut t.units[u].projects[k]
}

/// (rule → sorted list of "P<n>" or "P<n>-<seq>") for findings at a project.
fn by_rule(f: &[Finding]) -> BTreeMap<String, Vec<String>> {
    let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for x in f {
        let p = x
            .location
            .project
            .as_ref()
            .map(|p| {
                let n = p + 1;
                match x.location.indicator {
                    Some(s) => format!("P{n}-{s}"),
                    None => format!("P{n}"),
                }
            })
            .unwrap_or_else(|| format!("row{}", x.location.row.unwrap_or(0)));
        m.entry(x.rule.to_string()).or_default().push(p);
    }
    m
}

fn list(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn errors(f: &[Finding]) -> Vec<String> {
    f.iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| {
            format!(
                "{} row {:?} col {:?}",
                x.rule, x.location.row, x.location.col
            )
        })
        .collect()
}

#[test]
fn sample_has_the_29_indicators() {
    let t = sample();
    assert_eq!(t.indicators().count(), 29);
}

#[test]
fn sample_findings_match_guide_4_3() {
    let t = sample();
    let f = review(&t, &Profile::national());
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
    let m = by_rule(&f);
    let get = |r: &str| m.get(r).cloned().unwrap_or_default();
    assert_eq!(get("missing-output"), list("P2"));
    assert_eq!(get("missing-benefit"), list("P4 P8"));
    assert_eq!(get("missing-satisfaction"), list("P2 P3 P4 P7 P8"));
    assert_eq!(get("numbering-gap"), list("P2-2"));
    assert_eq!(get("unit-inconsistent"), list("P6-5"));
    assert_eq!(get("missing-cost"), list("P1 P2 P3 P4 P5 P6 P7 P8"));
    assert_eq!(get("operator-missing").len(), 29);
    assert_eq!(get("value-prefixed"), list("P1-3 P1-4 P1-6 P2-2"));
    assert_eq!(get("separator-nonstandard"), list("P3-4"));
    assert_eq!(get("too-few-indicators"), list("P2 P7 P8"));
    assert_eq!(get("unit-name-mismatch"), list("P1-1"));
    assert_eq!(get("boilerplate-indicator"), list("P1-5 P5-2 P7-2"));
    assert_eq!(get("benefit-is-output"), list("P1-5 P5-4 P5-5 P6-4 P6-5"));
    assert_eq!(get("goal-indicator-mismatch"), list("P5 P6"));
    assert_eq!(get("goal-duplicate"), list("P6"));
    // unit-cost: the extra rule of this reviewer, one info per project with a counted output.
    assert_eq!(get("unit-cost"), list("P1-1 P3-2 P4-1 P5-1 P6-1 P7-2 P8-1"));
    let expected: Vec<&str> = vec![
        "missing-output",
        "missing-benefit",
        "missing-satisfaction",
        "numbering-gap",
        "unit-inconsistent",
        "missing-cost",
        "operator-missing",
        "value-prefixed",
        "separator-nonstandard",
        "too-few-indicators",
        "unit-name-mismatch",
        "boilerplate-indicator",
        "benefit-is-output",
        "goal-indicator-mismatch",
        "goal-duplicate",
        "unit-cost",
    ];
    let extra: Vec<&String> = m
        .keys()
        .filter(|k| !expected.contains(&k.as_str()))
        .collect();
    assert!(extra.is_empty(), "unexpected rules {extra:?}");
    // Severities as in the GUIDE table.
    for x in &f {
        let want = match x.rule.as_ref() {
            "missing-output"
            | "missing-benefit"
            | "missing-satisfaction"
            | "numbering-gap"
            | "unit-inconsistent" => Severity::Warning,
            _ => Severity::Info,
        };
        assert_eq!(x.severity, want, "{}", x.rule);
    }
    // Cell precision: the P3-4 separator is the `，` in row 14, column 7.
    let sep = f
        .iter()
        .find(|x| x.rule == "separator-nonstandard")
        .unwrap();
    assert_eq!((sep.location.row, sep.location.col), (Some(14), Some(7)));
    let cell = &t.units[0].projects[2].indicator_cell.clone().unwrap();
    assert_eq!(&cell[sep.location.span.unwrap().range()], "，");
    // The P5 goal mismatch underlines the stations.
    let gm = f
        .iter()
        .find(|x| x.rule == "goal-indicator-mismatch")
        .unwrap();
    let goal = t.units[0].projects[4].goal.clone().unwrap();
    assert_eq!(
        &goal[gm.location.span.unwrap().range()],
        "6个“青年地带”社工站点"
    );
    assert_eq!(gm.location.row, Some(16));
}

fn review_sample(t: &Table) -> Vec<Finding> {
    review(t, &Profile::national())
}

#[test]
fn mutation_change_one_amount() {
    let mut t = sample();
    let p = project_mut(&mut t, 3);
    p.funding.total = Some(Decimal::from_str("55.00").unwrap());
    let f = review_sample(&t);
    // Row 14 no longer balances; unit 1's 总计 column no longer sums.
    let mut e = errors(&f);
    e.sort();
    assert_eq!(
        e,
        vec![
            "sum-mismatch.row row Some(14) col Some(2)".to_string(),
            "sum-mismatch.unit row Some(11) col Some(2)".to_string(),
        ]
    );
}

#[test]
fn mutation_move_a_decimal_point() {
    let mut t = sample();
    let p = project_mut(&mut t, 6);
    p.funding.total = Some(Decimal::from_str("2000.00").unwrap());
    p.funding.fiscal_appropriation = p.funding.total;
    // P6 printed as 2000.00 instead of 200.00 in both columns: the unit row catches it.
    let f = review_sample(&t);
    let mut e = errors(&f);
    e.sort();
    assert_eq!(
        e,
        vec![
            "sum-mismatch.unit row Some(11) col Some(2)".to_string(),
            "sum-mismatch.unit row Some(11) col Some(3)".to_string(),
        ]
    );
}

#[test]
fn mutation_blank_a_funding_cell() {
    let mut t = sample();
    project_mut(&mut t, 1).funding.fiscal_appropriation = None;
    let f = review_sample(&t);
    let mut e = errors(&f);
    e.sort();
    // The row (blank = 0) and the unit's 财政拨款 column.
    assert_eq!(
        e,
        vec![
            format!("sum-mismatch.row row Some({}) col Some(2)", prow(1)),
            "sum-mismatch.unit row Some(11) col Some(3)".to_string(),
        ]
    );
}

#[test]
fn mutation_drop_an_indicator() {
    let mut t = sample();
    // Drop P5-3 (the satisfaction item): missing-satisfaction at P5 and a numbering gap.
    project_mut(&mut t, 5).indicators.remove(2);
    let f = review_sample(&t);
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
    let m = by_rule(&f);
    assert_eq!(m["missing-satisfaction"], list("P2 P3 P4 P5 P7 P8"));
    assert_eq!(m["numbering-gap"], list("P2-2 P5-4"));
}

#[test]
fn mutation_drop_all_indicators() {
    let mut t = sample();
    project_mut(&mut t, 4).indicators.clear();
    let f = review_sample(&t);
    let e = errors(&f);
    assert_eq!(
        e,
        vec![format!(
            "indicators-missing row Some({}) col Some(7)",
            prow(4)
        )]
    );
}

#[test]
fn mutation_change_a_category() {
    let mut t = sample();
    // P5-3 服务对象满意度 moved under 效益: misplaced, one finding (P5 has
    // its satisfaction indicator, in the wrong place: not missing as well).
    let i = &mut project_mut(&mut t, 5).indicators[2];
    i.category = Category::Outcome;
    i.category_raw = "效益指标".into();
    let f = review_sample(&t);
    assert!(errors(&f).is_empty(), "{:?}", errors(&f));
    let m = by_rule(&f);
    assert_eq!(m["level-misplaced"], list("P5-3"));
    assert!(!m["missing-satisfaction"].contains(&"P5".to_string()));
    // Under 效益 with another name it is gone: then it is missing.
    let mut t = sample();
    let i = &mut project_mut(&mut t, 5).indicators[2];
    i.category = Category::Outcome;
    i.category_raw = "效益指标".into();
    i.name = "服务对象获得感".into();
    let m = by_rule(&review_sample(&t));
    assert!(m["missing-satisfaction"].contains(&"P5".to_string()));
    // Unknown category: an error at that item only.
    let mut t = sample();
    let i = &mut project_mut(&mut t, 1).indicators[0];
    i.category = Category::Unknown;
    i.category_raw = "产品指标".into();
    let f = review_sample(&t);
    let e: Vec<_> = f.iter().filter(|x| x.severity == Severity::Error).collect();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].rule, "level-unknown");
    assert_eq!(e[0].location.indicator, Some(1));
    assert_eq!(e[0].location.row, Some(prow(1)));
}

#[test]
fn mutation_duplicate_a_project() {
    let mut t = sample();
    let p7 = t.units[1].projects[0].clone();
    let mut copy = p7.clone();
    copy.origin = Origin::new(21, 1);
    for i in &mut copy.indicators {
        i.origin = Origin::new(21, 7);
    }
    t.units[1].projects.push(copy);
    let f = review_sample(&t);
    // The unit (30.00) and 合计 no longer balance; the copy's goal and indicators repeat P7's.
    let mut e = errors(&f);
    e.sort();
    assert_eq!(
        e,
        vec![
            "sum-mismatch.unit row Some(18) col Some(2)".to_string(),
            "sum-mismatch.unit row Some(18) col Some(3)".to_string(),
        ]
    );
    let messages = Messages::new(&t);
    // The copy itself, at its name, naming P7's row …
    let twice: Vec<_> = f.iter().filter(|x| x.rule == "project-duplicate").collect();
    assert_eq!(twice.len(), 1);
    assert_eq!(twice[0].location.row, Some(21));
    assert_eq!(twice[0].severity, Severity::Warning);
    assert!(messages
        .render(&twice[0].message, Lang::Zh)
        .contains(&format!("与第{}行的项目完全相同", p7.origin.row)));
    // … and not again as a goal or indicators shared with itself.
    assert!(!f
        .iter()
        .any(|x| x.rule == "goal-duplicate" && x.location.row == Some(21)));
    assert!(!f.iter().any(|x| x.rule == "boilerplate-indicator"
        && messages
            .render(&x.message, Lang::Zh)
            .contains("维系社会组织")));
}

#[test]
fn mutation_one_project_typed_in_yuan() {
    // The sample as published: no project looks typed in 元.
    let f = review_sample(&sample());
    assert!(!f.iter().any(|x| x.rule == "money-scale-project"));
    // 驻镇帮镇扶村项目资金 (10.00 万元) typed as 100000.00, its 元: the unit
    // row 522.50 still adds up with 10.00, so money-scale-project names the
    // project beside the unit row's sum-mismatch.
    let mut t = sample();
    let p = project_mut(&mut t, 2);
    p.funding.total = Some(Decimal::from_str("100000.00").unwrap());
    p.funding.fiscal_appropriation = p.funding.total;
    let f = review_sample(&t);
    let hits: Vec<&Finding> = f
        .iter()
        .filter(|x| x.rule == "money-scale-project")
        .collect();
    assert_eq!(hits.len(), 1, "{:?}", by_rule(&f));
    assert_eq!(hits[0].location.row, Some(prow(2)));
    assert_eq!(hits[0].location.project, Some(1));
    assert!(errors(&f).iter().all(|e| e.starts_with("sum-mismatch")));
}
