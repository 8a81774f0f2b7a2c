//! Layout detection and hierarchy inference on grids built directly (no front end).

use jixiao_core::{
    Category, Direction, Field, LayoutFamily, MoneyScale, SourceInfo, Table, Target,
};
use jixiao_formats::grid::{Grid, GridCell, GridRow};
use jixiao_formats::read::build::{build_table, build_table_with};
use jixiao_formats::Error;
use std::borrow::Cow;

const SAMPLE: &str =
    include_str!("../../../tests/fixtures/haizhu-youth-league-2024-project-targets.txt");

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Split text into a grid by `\n` and `\t`; row numbers are line numbers.
/// A cell written `⟪text⟫` is a merged copy (merged = true) of `text`.
fn grid(text: &str) -> Grid<'_> {
    Grid {
        rows: text
            .split('\n')
            .enumerate()
            .map(|(i, line)| GridRow {
                number: i as u32 + 1,
                cells: line
                    .split('\t')
                    .map(
                        |t| match t.strip_prefix('⟪').and_then(|t| t.strip_suffix('⟫')) {
                            Some(inner) => GridCell {
                                text: Cow::Borrowed(inner),
                                merged: true,
                                bare_number: false,
                            },
                            None => GridCell {
                                text: Cow::Borrowed(t),
                                merged: false,
                                bare_number: false,
                            },
                        },
                    )
                    .collect(),
            })
            .collect(),
        ..Grid::default()
    }
}

fn source(path: &str) -> SourceInfo {
    SourceInfo {
        path: path.into(),
        format: "text".into(),
        ..SourceInfo::default()
    }
}

fn build(text: &str, path: &str) -> Table {
    build_table(&grid(text), source(path)).unwrap_or_else(|e| panic!("{e}"))
}

fn codes(t: &Table) -> Vec<&str> {
    t.notices.iter().map(|n| n.code.as_str()).collect()
}

fn invalid_message(e: Error) -> String {
    match &e {
        Error::Invalid { .. } => e.to_string(),
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

#[test]
fn sample_preamble_and_header() {
    let t = build(SAMPLE, "haizhu.txt");
    assert_eq!(
        t.title.as_deref(),
        Some("项目支出绩效目标表（含转移支付项目）")
    );
    assert_eq!(
        t.department.as_deref(),
        Some("中国共产主义青年团广州市海珠区委员会")
    );
    assert_eq!(t.fiscal_year, None);
    assert_eq!(t.money_scale, MoneyScale::WanYuan);
    assert!(t.money_scale_stated);
    assert_eq!(t.layout, LayoutFamily::OneCell);
    assert_eq!(t.header_row, Some(9));
    let rows: Vec<(u32, &str)> = t
        .preamble
        .iter()
        .map(|p| (p.row, p.text.as_str()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (3, "项目支出绩效目标表（含转移支付项目）"),
            (5, "部门名称：中国共产主义青年团广州市海珠区委员会"),
            (7, "单位：万元"),
        ]
    );
    let cols: Vec<(Field, &str, u32)> = t
        .columns
        .iter()
        .map(|c| (c.field, c.header.as_str(), c.col))
        .collect();
    assert_eq!(
        cols,
        vec![
            (Field::ProjectName, "项目名称（资金使用单位）", 1),
            (Field::Total, "总计", 2),
            (Field::FiscalAppropriation, "财政拨款", 3),
            (Field::SpecialAccount, "财政专户拨款", 4),
            (Field::OtherFunds, "其他资金", 5),
            (Field::Goal, "绩效目标", 6),
            (Field::IndicatorCell, "绩效指标", 7),
        ]
    );
    assert_eq!(t.source.path, "haizhu.txt");
    // The sample reads without any assumption or doubt.
    assert!(t.notices.is_empty(), "{:?}", t.notices);
}

#[test]
fn sample_hierarchy_and_amounts() {
    let t = build(SAMPLE, "haizhu.txt");
    let total = t.grand_total.as_ref().expect("合计 row");
    assert_eq!(total.label, "合计");
    assert_eq!(total.origin.row, 10);
    assert_eq!(
        total.funding.total.map(|d| d.to_string()).as_deref(),
        Some("552.50")
    );
    assert_eq!(
        total
            .funding
            .fiscal_appropriation
            .map(|d| d.to_string())
            .as_deref(),
        Some("552.50")
    );
    assert_eq!(total.funding.special_account, None);
    assert_eq!(total.funding.other_funds, None);

    assert_eq!(t.units.len(), 2);
    let u1 = &t.units[0];
    let u2 = &t.units[1];
    assert_eq!(u1.name, "中国共产主义青年团广州市海珠区委员会");
    assert_eq!(u2.name, "广州市海珠区志愿者行动指导中心");
    assert_eq!(u1.code, None);
    let s1 = u1.stated.as_ref().expect("unit row 11");
    let s2 = u2.stated.as_ref().expect("unit row 18");
    assert_eq!(
        (s1.origin.row, s1.funding.total.map(|d| d.to_string())),
        (11, Some("522.50".into()))
    );
    assert_eq!(
        (s2.origin.row, s2.funding.total.map(|d| d.to_string())),
        (18, Some("30.00".into()))
    );
    assert_eq!(u1.projects.len(), 6);
    assert_eq!(u2.projects.len(), 2);

    let lines: Vec<&str> = SAMPLE.split('\n').collect();
    let expected = [
        (12, "“青年地带”青少年服务经费", "158.00"),
        (13, "驻镇帮镇扶村项目资金", "10.00"),
        (14, "团委各项工作经费", "50.00"),
        (15, "团委各项活动费", "10.00"),
        (16, "青年地带（预防青少年违法犯罪服务）项目经费", "94.50"),
        (17, "2024年“青年地带”驻校社工服务项目经费", "200.00"),
        (19, "综合业务费", "20.00"),
        (20, "志愿服务费", "10.00"),
    ];
    let projects: Vec<_> = t.projects().collect();
    assert_eq!(projects.len(), expected.len());
    for (p, (row, name, amount)) in projects.iter().zip(expected) {
        let fields: Vec<&str> = lines[row as usize - 1].split('\t').collect();
        assert_eq!(p.name, name);
        assert_eq!(p.origin.row, row);
        assert_eq!(p.origin.col, 1);
        assert_eq!(
            p.funding.total.map(|d| d.to_string()).as_deref(),
            Some(amount)
        );
        assert_eq!(p.funding.fiscal_appropriation, p.funding.total);
        assert_eq!(p.funding.special_account, None);
        assert_eq!(p.funding.other_funds, None);
        assert_eq!(
            p.goal.as_deref(),
            Some(fields[5]),
            "goal verbatim on line {row}"
        );
        assert_eq!(
            p.indicator_cell.as_deref(),
            Some(fields[6]),
            "cell verbatim on line {row}"
        );
        assert_eq!(p.code, None);
    }
}

/// Needs the indicator grammar (`jixiao_core::grammar::parse_cell`).
#[test]
fn sample_indicators_with_origins() {
    let t = build(SAMPLE, "haizhu.txt");
    let counts: Vec<usize> = t.projects().map(|p| p.indicators.len()).collect();
    assert_eq!(counts, vec![6, 1, 5, 3, 5, 5, 2, 2]);
    assert_eq!(t.indicators().count(), 29);
    for (p, i) in t.indicators() {
        assert_eq!(i.origin.row, p.origin.row);
        assert_eq!(i.origin.col, 7);
    }
    let (_, first) = t.indicators().next().expect("29 indicators");
    assert_eq!(first.name, "活动服务人数");
    assert_eq!(first.raw_value, "5000人次");
    assert_eq!(first.category, Category::Output);
    assert_eq!(first.origin.row, 12);
}

#[test]
fn sichuan_row_per_indicator_in_yuan() {
    let t = build(&fixture("lay-sichuan.tsv"), "lay-sichuan.tsv");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(t.title.as_deref(), Some("部门预算项目绩效目标申报表"));
    assert_eq!(t.department.as_deref(), Some("马踏镇"));
    assert_eq!(t.fiscal_year, Some(2023));
    assert_eq!(t.money_scale, MoneyScale::Yuan);
    assert!(t.money_scale_stated);
    assert_eq!(t.header_row, Some(5));
    assert_eq!(t.columns.len(), 12);
    assert_eq!(t.column_of(Field::Direction), Some(12));
    assert_eq!(t.column_of(Field::Comparator), Some(8));

    // The department subtotal is the table's only total.
    let total = t
        .grand_total
        .as_ref()
        .expect("department subtotal as total");
    assert_eq!(total.label, "820-马踏镇部门");
    assert_eq!(
        total.funding.total.map(|d| d.to_string()).as_deref(),
        Some("342.984000")
    );
    assert!(codes(&t).contains(&"subtotal-as-total"), "{:?}", t.notices);

    assert_eq!(t.units.len(), 2);
    assert_eq!(t.units[0].name, "马踏镇人民政府");
    assert_eq!(t.units[0].code.as_deref(), Some("820001"));
    assert_eq!(t.units[1].name, "马踏镇农业服务中心");
    assert_eq!(t.units[1].code.as_deref(), Some("820002"));

    let p = &t.units[0].projects[0];
    assert_eq!(p.name, "机关运行经费");
    assert_eq!(
        p.funding.total.map(|d| d.to_string()).as_deref(),
        Some("330.984000")
    );
    assert_eq!(p.goal.as_deref(), Some("保障机关正常运转，服务群众"));
    assert_eq!(p.origin.row, 7);
    // Ragged rows are right-aligned; the empty 社会成本指标 placeholder is skipped.
    let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["保障在编人数", "机关运转正常率", "群众满意度"]);
    let i1 = &p.indicators[1];
    assert_eq!(i1.category_raw, "效益指标");
    assert_eq!(i1.subcategory.as_deref(), Some("社会效益指标"));
    assert_eq!(i1.op_column(), Some("≥"));
    assert_eq!(i1.raw_value, "95");
    assert_eq!(i1.unit_column(), Some("%"));
    assert_eq!(i1.weight().map(|d| d.to_string()).as_deref(), Some("10"));
    assert_eq!(i1.direction_stated(), Some(Direction::HigherBetter));
    assert_eq!((i1.origin.row, i1.origin.col), (8, 9));
    assert_eq!(i1.seq, None);

    let q = &t.units[1].projects[0];
    assert_eq!(q.name, "农业技术推广项目");
    assert_eq!(
        q.funding.total.map(|d| d.to_string()).as_deref(),
        Some("12.000000")
    );
    let names: Vec<&str> = q.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["培训人次", "培训合格率", "人均培训成本"]);
    // Blank leading cells: 一级 written again, continuation of the same project.
    assert_eq!(q.indicators[1].category_raw, "产出指标");
    assert_eq!(q.indicators[1].subcategory.as_deref(), Some("质量指标"));
    assert_eq!(q.indicators[2].unit_column(), Some("元/人"));
    assert_eq!(
        q.indicators[2].direction_stated(),
        Some(Direction::LowerBetter)
    );
    assert_eq!(t.indicators().count(), 6);
}

/// (unit name, code, projects) of each unit.
fn unit_shape(t: &Table) -> Vec<(String, Option<String>, Vec<String>)> {
    t.units
        .iter()
        .map(|u| {
            (
                u.name.clone(),
                u.code.clone(),
                u.projects.iter().map(|p| p.name.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn an_unbalanced_department_subtotal_still_heads_its_units() {
    // GUIDE §3.2: `820-马踏镇部门` is the department's subtotal over the units
    // 820001 and 820002. When it does not balance — a project off by 1.00 元,
    // by 100.00 元, or the subtotal itself mistyped — it is still the
    // table's total, the projects stay under their units, and the mismatch
    // is left to `sum-mismatch.total`; it is never an empty unit.
    let base = fixture("lay-sichuan.tsv");
    let variants = [
        ("120,000.00", "120,001.00"),
        ("120,000.00", "120,100.00"),
        ("3,429,840.00", "3,429,000.00"),
    ];
    let balanced = unit_shape(&build(&base, "lay-sichuan.tsv"));
    for (from, to) in variants {
        let text = base.replacen(from, to, 1);
        let t = build(&text, "lsc.tsv");
        let total = t
            .grand_total
            .as_ref()
            .unwrap_or_else(|| panic!("{to}: no total"));
        assert_eq!(total.label, "820-马踏镇部门", "{to}");
        assert_eq!(unit_shape(&t), balanced, "{to}");
        let notice = t
            .notices
            .iter()
            .find(|n| n.code == "subtotal-as-total")
            .unwrap_or_else(|| panic!("{to}: {:?}", t.notices));
        assert!(
            notice
                .message
                .contains("编码 820 是其后单位编码 820001 的上级"),
            "{}",
            notice.message
        );
        assert!(notice.message.contains("不符"), "{}", notice.message);
        assert!(
            notice.english().contains("do not equal"),
            "{}",
            notice.english()
        );
        assert!(
            !codes(&t).contains(&"unit-row-by-name"),
            "{to}: {:?}",
            t.notices
        );
    }
}

#[test]
fn an_unbalanced_department_row_without_codes_is_a_subtotal_by_its_name() {
    // No codes: the name says department (部门). Before a 合计 row it is a
    // subtotal row, and its mismatch is said in the notice with both sums;
    // without one it is the total.
    let body = "单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
马踏镇部门\t\t16.00\t\t\t\t
甲局\t公共服务经费\t10.00\t目标甲\t产出指标\t服务次数\t≥10次
乙中心\t设备购置\t5.00\t目标乙\t产出指标\t设备数量\t≥2台";
    let t = build(&format!("金额单位:万元\n{body}"), "dept.tsv");
    assert_eq!(
        t.grand_total.as_ref().map(|g| g.label.as_str()),
        Some("马踏镇部门"),
        "{:?}",
        t.notices
    );
    let names: Vec<&str> = t.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["甲局", "乙中心"]);

    let with_total = body.replacen("马踏镇部门", "合计\t\t15.00\t\t\t\t\n马踏镇部门", 1);
    let t = build(&format!("金额单位:万元\n{with_total}"), "dept-total.tsv");
    assert_eq!(
        t.grand_total.as_ref().map(|g| g.label.as_str()),
        Some("合计")
    );
    let names: Vec<&str> = t.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["甲局", "乙中心"]);
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "subtotal-mismatch")
        .unwrap_or_else(|| panic!("{:?}", t.notices));
    assert!(
        n.message
            .contains("其金额（16.00 万元）与其下项目之和（15.00 万元）不符"),
        "{}",
        n.message
    );
    // A 元 table's amounts are quoted in 元, as printed (not 0.0016 万元).
    let t = build(&format!("金额单位:元\n{with_total}"), "dept-total-yuan.tsv");
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "subtotal-mismatch")
        .unwrap_or_else(|| panic!("{:?}", t.notices));
    assert!(
        n.message
            .contains("其金额（16.00 元）与其下项目之和（15.00 元）不符"),
        "{}",
        n.message
    );
}

#[test]
fn several_department_subtotals_without_a_total_are_subtotal_rows() {
    // Two departments, each with its subtotal row, no 合计: neither is the
    // table's total (each covers a part of it); the mistyped one says so
    // with both sums, and every project stays under its unit.
    let text = "金额单位:万元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
820-甲镇部门\t\t16.00\t\t\t\t
820001-甲局\t公共服务经费\t10.00\t目标甲\t产出指标\t服务次数\t≥10次
820002-乙中心\t设备购置\t5.00\t目标乙\t产出指标\t设备数量\t≥2台
821-乙镇部门\t\t7.00\t\t\t\t
821001-丙站\t维修经费\t7.00\t目标丙\t产出指标\t维修次数\t≥3次";
    let t = build(text, "two-departments.tsv");
    assert!(t.grand_total.is_none(), "{:?}", t.grand_total);
    let names: Vec<&str> = t.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["甲局", "乙中心", "丙站"]);
    assert!(t.units.iter().all(|u| u.projects.len() == 1));
    let subtotals: Vec<(&str, u32)> = t
        .notices
        .iter()
        .filter(|n| n.code.starts_with("subtotal"))
        .map(|n| (n.code.as_str(), n.origin.map_or(0, |o| o.row)))
        .collect();
    assert_eq!(subtotals, [("subtotal-mismatch", 3), ("subtotal-row", 6)]);
}

#[test]
fn one_cell_department_row_over_coded_units_is_the_total_when_it_does_not_balance() {
    // The one-cell family: unit rows with codes under a department row whose
    // code heads theirs, the department's amount mistyped.
    let text = "单位：万元
项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标
101-某某部\t40.00\t40.00\t\t\t\t
101001-信息中心\t20.00\t20.00\t\t\t\t
系统运维经费\t20.00\t20.00\t\t\t目标甲\t1-产出指标：运维系统数，年度指标值：≥3个。
101002-后勤服务中心\t10.00\t10.00\t\t\t\t
物业管理经费\t10.00\t10.00\t\t\t目标乙\t1-产出指标：物业面积，年度指标值：≥500平方米。";
    let t = build(text, "one-cell-dept.tsv");
    assert_eq!(
        t.grand_total.as_ref().map(|g| g.label.as_str()),
        Some("101-某某部"),
        "{:?}",
        t.notices
    );
    let shape = unit_shape(&t);
    assert_eq!(
        shape,
        [
            (
                "信息中心".to_string(),
                Some("101001".to_string()),
                vec!["系统运维经费".to_string()]
            ),
            (
                "后勤服务中心".to_string(),
                Some("101002".to_string()),
                vec!["物业管理经费".to_string()]
            ),
        ]
    );
}

/// Central 申报表-style grid: two-row header under a merged 绩效指标, merged
/// (rowspan) project/amount cells and merged 一级 cells.
const CENTRAL: &str = "项目支出绩效目标申报表（2024年度）
主管部门：某某部
单位：万元
项目名称\t实施单位\t年度资金总额\t其中：财政拨款\t其他资金\t年度目标\t绩效指标\t⟪绩效指标⟫\t⟪绩效指标⟫\t⟪绩效指标⟫
⟪项目名称⟫\t⟪实施单位⟫\t⟪年度资金总额⟫\t⟪其中：财政拨款⟫\t⟪其他资金⟫\t⟪年度目标⟫\t一级指标\t二级指标\t三级指标\t指标值
数据平台运维\t信息中心\t80.00\t70.00\t10.00\t确保平台稳定运行\t产出指标\t数量指标\t运维系统数\t≥5个
⟪数据平台运维⟫\t⟪信息中心⟫\t⟪80.00⟫\t⟪70.00⟫\t⟪10.00⟫\t⟪确保平台稳定运行⟫\t⟪产出指标⟫\t质量指标\t系统可用率\t≥99%
⟪数据平台运维⟫\t⟪信息中心⟫\t⟪80.00⟫\t⟪70.00⟫\t⟪10.00⟫\t⟪确保平台稳定运行⟫\t成本指标\t社会成本指标\t\t
⟪数据平台运维⟫\t⟪信息中心⟫\t⟪80.00⟫\t⟪70.00⟫\t⟪10.00⟫\t⟪确保平台稳定运行⟫\t满意度指标\t服务对象满意度指标\t用户满意度\t≥90%
网络安全等级保护\t信息中心\t20.00\t20.00\t\t通过等保测评\t产出指标\t数量指标\t测评系统数\t3个
⟪网络安全等级保护⟫\t⟪信息中心⟫\t⟪20.00⟫\t⟪20.00⟫\t\t⟪通过等保测评⟫\t效益指标\t社会效益指标\t安全事件发生率\t≤1%";

#[test]
fn central_two_row_header_with_merged_cells() {
    let t = build(CENTRAL, "central.tsv");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(
        t.title.as_deref(),
        Some("项目支出绩效目标申报表（2024年度）")
    );
    assert_eq!(t.fiscal_year, Some(2024));
    assert_eq!(t.department.as_deref(), Some("某某部"));
    assert_eq!(t.header_row, Some(5));
    assert_eq!(t.preamble.len(), 3);
    let cols: Vec<(Field, &str, u32)> = t
        .columns
        .iter()
        .map(|c| (c.field, c.header.as_str(), c.col))
        .collect();
    assert_eq!(
        cols,
        vec![
            (Field::ProjectName, "项目名称", 1),
            (Field::UnitName, "实施单位", 2),
            (Field::Total, "年度资金总额", 3),
            (Field::FiscalAppropriation, "其中：财政拨款", 4),
            (Field::OtherFunds, "其他资金", 5),
            (Field::Goal, "年度目标", 6),
            (Field::Category, "绩效指标/一级指标", 7),
            (Field::Subcategory, "绩效指标/二级指标", 8),
            (Field::IndicatorName, "绩效指标/三级指标", 9),
            (Field::TargetValue, "绩效指标/指标值", 10),
        ]
    );
    assert_eq!(t.units.len(), 1);
    assert_eq!(t.units[0].name, "信息中心");
    let ps = &t.units[0].projects;
    assert_eq!(ps.len(), 2);
    // Merged (repeated) amounts are counted once.
    assert_eq!(
        ps[0].funding.total.map(|d| d.to_string()).as_deref(),
        Some("80.00")
    );
    assert_eq!(
        ps[0].funding.other_funds.map(|d| d.to_string()).as_deref(),
        Some("10.00")
    );
    assert_eq!(
        ps[1].funding.total.map(|d| d.to_string()).as_deref(),
        Some("20.00")
    );
    let first: Vec<(&str, Option<&str>, &str)> = ps[0]
        .indicators
        .iter()
        .map(|i| {
            (
                i.category_raw.as_str(),
                i.subcategory.as_deref(),
                i.name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        first,
        vec![
            ("产出指标", Some("数量指标"), "运维系统数"),
            ("产出指标", Some("质量指标"), "系统可用率"),
            ("满意度指标", Some("服务对象满意度指标"), "用户满意度"),
        ]
    );
    assert_eq!(ps[1].indicators.len(), 2);
    assert_eq!(ps[1].indicators[1].raw_value, "≤1%");
    assert!(!codes(&t).contains(&"amount-repeated-differs"));
}

#[test]
fn mixed_synonyms_spaced_total_and_unknown_column() {
    let t = build(&fixture("lay-synonyms.tsv"), "lay-synonyms.tsv");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(t.fiscal_year, Some(2024));
    assert_eq!(t.department.as_deref(), Some("某区文化广电旅游体育局"));
    assert!(!t.money_scale_stated);
    assert_eq!(t.money_scale, MoneyScale::WanYuan);
    assert_eq!(t.column_of(Field::UnitName), Some(1));
    assert_eq!(t.column_of(Field::Total), Some(3));
    assert_eq!(t.column_of(Field::FiscalAppropriation), Some(4));
    assert_eq!(t.column_of(Field::OtherFunds), Some(5));
    assert_eq!(t.column_of(Field::Goal), Some(6));
    assert_eq!(t.column_of(Field::Comparator), Some(9));
    assert_eq!(t.column_of(Field::TargetValue), Some(10));
    assert_eq!(t.column_of(Field::MeasureUnit), Some(11));
    assert_eq!(t.column_of(Field::Weight), Some(12));
    let c = codes(&t);
    assert!(c.contains(&"money-scale-assumed"), "{c:?}");
    assert!(c.contains(&"column-unknown"), "{c:?}");
    // The row holding only a 备注 is reported, not dropped silently.
    let unplaced = t
        .notices
        .iter()
        .find(|n| n.code == "row-unplaced")
        .expect("row 7 reported");
    assert_eq!(unplaced.origin.map(|o| o.row), Some(7));

    let total = t.grand_total.as_ref().expect("合 计");
    assert_eq!(total.label, "合 计");
    assert_eq!(
        total.funding.total.map(|d| d.to_string()).as_deref(),
        Some("20.5000")
    );
    assert_eq!(t.units.len(), 2);
    assert_eq!(t.units[0].name, "某区图书馆");
    assert_eq!(t.units[0].stated, None);
    let p = &t.units[0].projects[0];
    assert_eq!(p.name, "阅读推广活动经费");
    assert_eq!(
        p.funding.total.map(|d| d.to_string()).as_deref(),
        Some("12.5000")
    );
    assert_eq!(
        p.funding.other_funds.map(|d| d.to_string()).as_deref(),
        Some("2.5000")
    );
    assert_eq!(p.indicators.len(), 2);
    assert_eq!(p.indicators[0].category_raw, "项目完成指标");
    assert_eq!(p.indicators[1].category_raw, "效果指标");
    assert_eq!(
        p.indicators[0].weight().map(|d| d.to_string()).as_deref(),
        Some("30")
    );
    let q = &t.units[1].projects[0];
    assert_eq!(q.indicators[0].raw_value, "≥30");
    assert_eq!(q.indicators[0].op_column(), None);
}

#[test]
fn one_cell_synonyms_without_unit_rows() {
    let t = build(&fixture("lay-onecell-synonyms.tsv"), "one.tsv");
    assert_eq!(t.layout, LayoutFamily::OneCell);
    assert_eq!(t.column_of(Field::Total), Some(2));
    assert_eq!(t.column_of(Field::OtherFunds), Some(4));
    assert_eq!(t.column_of(Field::IndicatorCell), Some(6));
    assert!(!t.money_scale_stated);
    assert!(codes(&t).contains(&"money-scale-assumed"));
    assert_eq!(
        t.grand_total.as_ref().map(|r| r.label.as_str()),
        Some("合 计")
    );
    // No unit rows: one implicit unit named after the department.
    assert_eq!(t.units.len(), 1);
    assert_eq!(t.units[0].name, "某街道办事处");
    assert_eq!(t.units[0].stated, None);
    let names: Vec<&str> = t.projects().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["社区服务经费", "环境整治经费"]);
    assert_eq!(
        t.projects()
            .next()
            .and_then(|p| p.indicator_cell.as_deref()),
        Some("1-产出指标：服务人次，年度指标值：1000人次。")
    );
}

#[test]
fn unbalanced_centre_is_a_unit_by_name() {
    let text = SAMPLE.replace(
        "广州市海珠区志愿者行动指导中心\t30.00\t30.00",
        "广州市海珠区志愿者行动指导中心\t35.00\t35.00",
    );
    let t = build(&text, "x.txt");
    assert_eq!(t.units.len(), 2);
    assert_eq!(t.units[1].name, "广州市海珠区志愿者行动指导中心");
    assert_eq!(t.units[1].projects.len(), 2);
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "unit-row-by-name")
        .expect("notice");
    assert_eq!(n.origin.map(|o| o.row), Some(18));
    assert!(n.message.contains("广州市海珠区志愿者行动指导中心"));
}

#[test]
fn unbalanced_funds_row_is_a_project_without_targets() {
    let text = SAMPLE.replace(
        "\n广州市海珠区志愿者行动指导中心",
        "\n办公设备购置经费\t5.00\t5.00\t\t\t\t\n广州市海珠区志愿者行动指导中心",
    );
    let t = build(&text, "x.txt");
    assert_eq!(t.units.len(), 2);
    let u1 = &t.units[0];
    assert_eq!(u1.projects.len(), 7);
    let p = &u1.projects[6];
    assert_eq!(p.name, "办公设备购置经费");
    assert_eq!(p.origin.row, 18);
    assert_eq!(p.goal, None);
    assert_eq!(p.indicator_cell, None);
    assert!(p.indicators.is_empty());
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "project-without-targets")
        .expect("notice");
    assert_eq!(n.origin.map(|o| o.row), Some(18));
    // The other rows are still confirmed by their sums.
    assert!(!codes(&t).contains(&"unit-row-by-name"));
    assert_eq!(t.units[1].projects.len(), 2);
}

/// A one-cell table of `rows` (name, total, goal, indicators) under a
/// 合计 of `total`, without unit rows.
fn flat_table(total: &str, rows: &[(&str, &str, bool)]) -> String {
    let mut text = String::from(
        "项目支出绩效目标表\n部门名称：某区文化广电旅游体育局\n单位：万元\n\
         项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n",
    );
    if !total.is_empty() {
        text.push_str(&format!("合计\t{total}\t{total}\t\t\t\t\n"));
    }
    for (name, amount, targets) in rows {
        if *targets {
            text.push_str(&format!(
                "{name}\t{amount}\t{amount}\t\t\t保障工作正常开展。\t1-产出指标：开展活动，年度指标值：≥60场。2-满意度指标：群众满意度，年度指标值：≥90%。\n"
            ));
        } else {
            text.push_str(&format!("{name}\t{amount}\t{amount}\t\t\t\t\n"));
        }
    }
    text
}

/// Project names of each unit.
fn projects_by_unit(t: &Table) -> Vec<(String, Vec<String>)> {
    t.units
        .iter()
        .map(|u| {
            (
                u.name.clone(),
                u.projects.iter().map(|p| p.name.clone()).collect(),
            )
        })
        .collect()
}

#[test]
fn a_project_without_targets_whose_amount_the_next_rows_add_up_to_stays_a_project_when_the_total_says_so(
) {
    // 党建工作经费 10.00 over 森林防火专项经费 10.00: read alone, a unit of
    // one project; the 合计 (80.00) balances only with it counted as a project.
    let text = flat_table(
        "80.00",
        &[
            ("公共图书馆免费开放补助", "60.00", true),
            ("党建工作经费", "10.00", false),
            ("森林防火专项经费", "10.00", true),
        ],
    );
    let t = build(&text, "x.txt");
    assert_eq!(
        projects_by_unit(&t),
        [(
            "某区文化广电旅游体育局".to_string(),
            vec![
                "公共图书馆免费开放补助".to_string(),
                "党建工作经费".to_string(),
                "森林防火专项经费".to_string()
            ]
        )]
    );
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "project-without-targets")
        .expect("notice");
    assert_eq!(n.origin.map(|o| o.row), Some(7));
    assert!(
        !codes(&t).contains(&"projects-before-unit"),
        "{:?}",
        codes(&t)
    );
    // A row equal to the sum of the two after it (880.68 = 268.20 + 612.48).
    let text = flat_table(
        "1761.36",
        &[
            ("老年人意外伤害保险补助", "880.68", false),
            ("高龄津贴", "268.20", true),
            ("残疾人两项补贴", "612.48", true),
        ],
    );
    let t = build(&text, "x.txt");
    assert_eq!(t.units.len(), 1);
    assert_eq!(t.units[0].projects.len(), 3);
    assert!(codes(&t).contains(&"project-without-targets"));
}

#[test]
fn a_project_without_targets_inside_a_unit_stays_a_project_when_the_unit_row_says_so() {
    // 某区教育局 105.50 = 85.50 + 10.00 + 10.00: 校园安全管理经费 (10.00, no
    // targets) is its project, not a unit of the 10.00 after it; no 合计.
    let mut text = flat_table("", &[]);
    text.push_str("某区教育局\t105.50\t105.50\t\t\t\t\n");
    text.push_str(
        &flat_table(
            "",
            &[
                ("中小学教师培训经费", "85.50", true),
                ("校园安全管理经费", "10.00", false),
                ("森林防火专项经费", "10.00", true),
            ],
        )
        .lines()
        .skip(4)
        .map(|l| format!("{l}\n"))
        .collect::<String>(),
    );
    let t = build(&text, "x.txt");
    assert_eq!(
        projects_by_unit(&t),
        [(
            "某区教育局".to_string(),
            vec![
                "中小学教师培训经费".to_string(),
                "校园安全管理经费".to_string(),
                "森林防火专项经费".to_string()
            ]
        )]
    );
    assert!(!codes(&t).contains(&"unit-row-by-name"), "{:?}", codes(&t));
}

#[test]
fn a_row_the_projects_after_it_add_up_to_stays_a_unit_where_the_table_balances_so() {
    // The same rows under a 合计 of the units (20.00): 党建工作经费 heads the
    // 10.00 after it, and the table balances as read: nothing is changed.
    let text = flat_table(
        "70.00",
        &[
            ("公共图书馆免费开放补助", "60.00", true),
            ("党建工作经费", "10.00", false),
            ("森林防火专项经费", "10.00", true),
        ],
    );
    let t = build(&text, "x.txt");
    assert_eq!(t.units.len(), 2, "{:?}", projects_by_unit(&t));
    assert_eq!(t.units[1].name, "党建工作经费");
    assert!(!codes(&t).contains(&"project-without-targets"));
    // A unit-like name is never taken for a project (its sum error is real).
    let text = flat_table(
        "80.00",
        &[
            ("公共图书馆免费开放补助", "60.00", true),
            ("某区文化馆", "10.00", false),
            ("森林防火专项经费", "10.00", true),
        ],
    );
    let t = build(&text, "x.txt");
    assert_eq!(t.units.len(), 2, "{:?}", projects_by_unit(&t));
    assert!(!codes(&t).contains(&"project-without-targets"));
}

#[test]
fn projects_before_the_first_unit_go_to_an_implicit_unit() {
    let text = SAMPLE.replace(
        "合计\t552.50\t552.50\t\t\t\t\n",
        "合计\t552.50\t552.50\t\t\t\t\n零星项目经费\t1.00\t1.00\t\t\t目标\t1-产出指标：次数，年度指标值：1次。\n",
    );
    let t = build(&text, "x.txt");
    assert_eq!(t.units.len(), 3);
    assert_eq!(t.units[0].name, "中国共产主义青年团广州市海珠区委员会");
    assert_eq!(t.units[0].stated, None);
    assert_eq!(t.units[0].projects[0].name, "零星项目经费");
    assert!(t.units[1].stated.is_some());
    assert!(codes(&t).contains(&"projects-before-unit"));
}

#[test]
fn text_in_amount_cell_is_an_error_with_location() {
    let text = SAMPLE.replace("团委各项活动费\t10.00", "团委各项活动费\t约10万");
    let mut src = source("bad.xlsx");
    src.sheet = Some("Sheet1".into());
    let e = build_table(&grid(&text), src).expect_err("text amount");
    let loc = e.location().cloned().expect("location");
    assert_eq!((loc.row, loc.col), (Some(15), Some(2)));
    assert_eq!(
        e.render(jixiao_core::Lang::English),
        "bad.xlsx [sheet Sheet1] row 15, column 2: 总计: “约10万”: not an amount; \
         a number in 万元 was expected\n  \
         hint: write a number such as 158.00 or 3,309,840.00; leave the cell blank for 0"
    );
    let msg = invalid_message(e);
    assert!(msg.contains("bad.xlsx"), "{msg}");
    assert!(msg.contains("Sheet1"), "{msg}");
    assert!(msg.contains("[工作表 Sheet1] 第15行 第2列"), "{msg}");
    assert!(msg.contains("约10万"), "{msg}");
    assert!(msg.contains("万元"), "{msg}");
    assert!(msg.contains("总计"), "{msg}");
}

#[test]
fn cell_beyond_the_header_is_an_error() {
    let text = SAMPLE.replace(
        "团委各项活动费\t10.00\t10.00\t\t\t",
        "团委各项活动费\t10.00\t10.00\t\t\t目标\t指标\t多余的备注\t",
    );
    let e = build_table(&grid(&text), source("extra.txt")).expect_err("extra column");
    let loc = e.location().cloned().expect("location");
    assert_eq!((loc.row, loc.col), (Some(15), Some(8)));
    let msg = invalid_message(e);
    assert!(msg.contains("多余的备注"), "{msg}");
    assert!(msg.contains("7列"), "{msg}");
}

#[test]
fn no_recognisable_header_is_an_error() {
    let text = "某某情况说明\n\n名称\t数量\t备注\n甲\t1\t无";
    let e = build_table(&grid(text), source("notes.csv")).expect_err("no header");
    let msg = invalid_message(e);
    assert!(msg.contains("notes.csv"), "{msg}");
    assert!(msg.contains("第1–4行"), "{msg}");
    assert!(msg.contains("项目名称"), "{msg}");
    assert!(msg.contains("一级指标/三级指标/指标值"), "{msg}");
    assert!(msg.contains("名称 | 数量 | 备注"), "{msg}");
    let e = build_table(&Grid::default(), source("empty.txt")).expect_err("empty");
    assert!(invalid_message(e).contains("empty.txt"));
}

#[test]
fn yuan_amount_text_error_names_the_scale() {
    let text = fixture("lay-sichuan.tsv").replace("120,000.00", "十二万");
    let e = build_table(&grid(&text), source("s.tsv")).expect_err("bad amount");
    let msg = invalid_message(e);
    assert!(msg.contains("第11行 第3列"), "{msg}");
    assert!(msg.contains("以元为单位"), "{msg}");
}

#[test]
fn many_projects_keep_source_order() {
    let mut text = String::from("单位：万元\n项目名称\t总计\t财政拨款\t绩效目标\t绩效指标\n");
    for k in 0..600 {
        text.push_str(&format!(
            "项目{k}经费\t1.00\t1.00\t目标{k}\t1-产出指标：数量，年度指标值：{k}个。\n"
        ));
    }
    let t = build(&text, "many.txt");
    let ps: Vec<_> = t.projects().collect();
    assert_eq!(ps.len(), 600);
    for (k, p) in ps.iter().enumerate() {
        assert_eq!(p.name, format!("项目{k}经费"));
        assert_eq!(p.origin.row, k as u32 + 3);
        for i in &p.indicators {
            assert_eq!(i.origin.row, p.origin.row);
        }
    }
    assert_eq!(t.units.len(), 1);
    assert_eq!(t.units[0].name, "（未注明单位）");
}

#[test]
fn quantity_targets_come_from_the_grammar() {
    // Depends on grammar::parse_target_parts; checks only what the contract promises.
    let t = build(&fixture("lay-sichuan.tsv"), "s.tsv");
    let i = &t.units[0].projects[0].indicators[0];
    match &i.target {
        Target::Quantitative(q) => assert_eq!(q.value.to_string(), "230"),
        other => panic!("expected a quantity, got {other:?}"),
    }
}

/// A synthetic table of `n` projects with five indicators each, in both families.
fn large(n: usize, row_family: bool) -> String {
    let mut s = String::with_capacity(n * 400);
    if row_family {
        s.push_str("金额单位:元\n单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重\t指标方向性\n");
        for k in 0..n {
            let unit = k / 50;
            for j in 0..5 {
                if j == 0 {
                    s.push_str(&format!(
                        "{:06}-单位{unit}中心\t项目{k}经费\t1,000.00\t目标{k}\t",
                        820000 + unit
                    ));
                } else {
                    s.push_str("\t\t\t\t");
                }
                s.push_str(&format!(
                    "产出指标\t数量指标\t指标{j}\t≥\t{k}\t个\t10\t正向指标\n"
                ));
            }
        }
    } else {
        s.push_str(
            "单位：万元\n项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n",
        );
        for k in 0..n {
            if k % 50 == 0 {
                s.push_str(&format!("单位{k}中心\t50.00\t50.00\t\t\t\t\n"));
            }
            s.push_str(&format!("项目{k}经费\t1.00\t1.00\t\t\t目标{k}\t"));
            for j in 1..=5 {
                s.push_str(&format!("{j}-产出指标：指标{j}，年度指标值：{k}个。"));
            }
            s.push('\n');
        }
    }
    s
}

#[test]
fn large_tables_build_in_both_families() {
    let n = std::env::var("LAYOUT_LARGE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000);
    for row_family in [false, true] {
        let text = large(n, row_family);
        let started = std::time::Instant::now();
        let t = build(&text, "large.tsv");
        eprintln!("row_family={row_family} n={n}: {:?}", started.elapsed());
        assert_eq!(t.projects().count(), n);
        assert_eq!(t.units.len(), n.div_ceil(50));
        assert!(t.units.iter().all(|u| u.projects.len() <= 50));
        if row_family {
            assert_eq!(t.indicators().count(), 5 * n);
            assert_eq!(t.units[0].code.as_deref(), Some("820000"));
        } else {
            assert!(t.units.iter().all(|u| u.stated.is_some()));
            assert!(!codes(&t).contains(&"unit-row-by-name"));
        }
    }
}

/// Hubei 批复表-style: `指标值` over `2021年实际实现值 | 预期2022年实现值`.
const HUBEI: &str = "2022年项目支出绩效目标批复表
单位：万元
项目名称\t项目金额\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标值\t⟪指标值⟫
⟪项目名称⟫\t⟪项目金额⟫\t⟪年度绩效目标⟫\t⟪一级指标⟫\t⟪二级指标⟫\t⟪三级指标⟫\t2021年实际实现值\t预期2022年实现值
职业技能培训\t50.00\t培训城乡劳动者\t产出指标\t数量指标\t开设课程数量\t200\t220
⟪职业技能培训⟫\t⟪50.00⟫\t⟪培训城乡劳动者⟫\t⟪产出指标⟫\t质量指标\t培训合格率\t90%\t≥92%";

#[test]
fn two_row_header_with_year_columns() {
    let t = build(HUBEI, "hubei.tsv");
    assert_eq!(t.header_row, Some(4));
    assert_eq!(t.fiscal_year, Some(2022));
    assert_eq!(t.column_of(Field::TargetValue), Some(8));
    let value = t
        .columns
        .iter()
        .find(|c| c.field == Field::TargetValue)
        .expect("value");
    assert_eq!(value.header, "指标值/预期2022年实现值");
    // The 2021 actual is kept (GUIDE §3.3; feeds target-too-low), not dropped.
    assert_eq!(t.column_of(Field::PriorActual), Some(7));
    let prior = t
        .columns
        .iter()
        .find(|c| c.field == Field::PriorActual)
        .expect("prior actual column");
    assert_eq!(prior.header, "指标值/2021年实际实现值");
    assert_eq!(t.prior_year(), Some(2021));
    assert!(!codes(&t).contains(&"column-unknown"), "{:?}", t.notices);
    let ps: Vec<_> = t.projects().collect();
    assert_eq!(ps.len(), 1);
    assert_eq!(
        ps[0].funding.total.map(|d| d.to_string()).as_deref(),
        Some("50.00")
    );
    let values: Vec<&str> = ps[0]
        .indicators
        .iter()
        .map(|i| i.raw_value.as_str())
        .collect();
    let priors: Vec<Option<&str>> = ps[0].indicators.iter().map(|i| i.prior_actual()).collect();
    assert_eq!(priors, vec![Some("200"), Some("90%")]);
    assert_eq!(values, vec!["220", "≥92%"]);
}

/// One-row header naming the prior actual `上年实际完成值`; a blank cell stores nothing,
/// and its year comes from the fiscal year of the title.
#[test]
fn one_row_header_with_prior_actual_column() {
    let text = "2024年项目支出绩效目标表
单位：万元
项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t上年实际完成值\t指标值\t度量单位
社区服务\t20.00\t开展活动\t产出指标\t数量指标\t活动场次\t 12 \t≥15\t场
\t\t\t\t质量指标\t活动覆盖率\t\t≥90%\t%
\t\t\t效益指标\t社会效益指标\t居民参与率\t80%\t≥85%\t%";
    let t = build(text, "prior.tsv");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(t.fiscal_year, Some(2024));
    assert_eq!(t.column_of(Field::PriorActual), Some(7));
    assert_eq!(t.column_of(Field::TargetValue), Some(8));
    assert_eq!(t.prior_year(), Some(2023));
    assert!(!codes(&t).contains(&"column-unknown"), "{:?}", t.notices);
    let inds = &t.units[0].projects[0].indicators;
    let got: Vec<(&str, Option<&str>)> = inds
        .iter()
        .map(|i| (i.raw_value.as_str(), i.prior_actual()))
        .collect();
    assert_eq!(
        got,
        vec![("≥15", Some("12")), ("≥90%", None), ("≥85%", Some("80%"))]
    );
    // A blank prior cell with no other own column leaves the others as they were.
    assert_eq!(inds[1].unit_column(), Some("%"));
}

/// Ragged continuation rows (shorter, right-aligned by the header count) and merged
/// copies keep their prior actual; a prior cell merged down two indicators applies to both.
#[test]
fn ragged_and_merged_continuation_rows_keep_prior_actual() {
    let text = "单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t上年实际值\t指标值\t度量单位
820001-某镇\t道路养护\t10.00\t养护道路\t产出指标\t数量指标\t养护里程\t30\t≥32\t公里
效益指标\t社会效益指标\t群众满意度\t91%\t≥92%\t%
⟪820001-某镇⟫\t⟪道路养护⟫\t⟪10.00⟫\t⟪养护道路⟫\t⟪效益指标⟫\t可持续影响指标\t维护周期\t⟪91%⟫\t1年\t年";
    let t = build(text, "ragged.tsv");
    assert_eq!(t.column_of(Field::PriorActual), Some(8));
    let ps: Vec<_> = t.projects().collect();
    assert_eq!(ps.len(), 1);
    let got: Vec<(&str, &str, Option<&str>)> = ps[0]
        .indicators
        .iter()
        .map(|i| (i.name.as_str(), i.raw_value.as_str(), i.prior_actual()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("养护里程", "≥32", Some("30")),
            ("群众满意度", "≥92%", Some("91%")),
            ("维护周期", "1年", Some("91%")),
        ]
    );
    assert_eq!(ps[0].indicators[1].category, Category::Outcome);
    // Without a year in the header or a fiscal year, the year is unknown.
    assert_eq!(t.prior_year(), None);
}

/// Sichuan continuation rows that hold only the indicator cells and lost their
/// blank 指标方向性 too: right-aligned by the header count they would put 产出指标
/// in the 二级 column and `=` in 指标值; they line up by their content instead,
/// and a note names them.
#[test]
fn ragged_rows_missing_their_trailing_blank_line_up_by_content() {
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重\t指标方向性
820001-马踏镇人民政府\t高龄津贴\t2,682,000.00\t按标准发放高龄津贴。\t产出指标\t数量指标\t享受津贴老年人数\t≥\t4470\t人\t20
产出指标\t质量指标\t津贴发放准确率\t=\t100\t%\t20
时效指标\t按季发放及时率\t=\t100\t%\t20
效益指标\t社会效益指标\t老年人生活质量\t定性\t有所提升\t\t20
满意度指标\t服务对象满意度指标\t老年人满意度\t≥\t95\t%\t20\t正向指标";
    let t = build(text, "ragged-trimmed.tsv");
    let p = &t.units[0].projects[0];
    // 一级/二级/三级 | 指标性质 | 指标值 of each indicator.
    let got: Vec<String> = p
        .indicators
        .iter()
        .map(|i| {
            format!(
                "{}/{}/{} | {} | {}",
                i.category_raw,
                i.subcategory.as_deref().unwrap_or(""),
                i.name,
                i.op_column().unwrap_or(""),
                i.raw_value
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            "产出指标/数量指标/享受津贴老年人数 | ≥ | 4470",
            "产出指标/质量指标/津贴发放准确率 | = | 100",
            // One cell shorter still (一级 filled down): 二级 in the 二级 column.
            "产出指标/时效指标/按季发放及时率 | = | 100",
            "效益指标/社会效益指标/老年人生活质量 | 定性 | 有所提升",
            "满意度指标/服务对象满意度指标/老年人满意度 | ≥ | 95",
        ]
    );
    assert_eq!(
        p.indicators[1].weight().map(|d| d.to_string()).as_deref(),
        Some("20")
    );
    assert_eq!(p.indicators[1].direction_stated(), None);
    assert_eq!(
        p.indicators[4].direction_stated(),
        Some(Direction::HigherBetter)
    );
    let realigned: Vec<&str> = t
        .notices
        .iter()
        .filter(|n| n.code == "row-realigned")
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(realigned.len(), 1, "{:?}", t.notices);
    assert!(realigned[0].starts_with("第4、5、6行"), "{}", realigned[0]);
    assert!(!codes(&t).contains(&"direction-unknown"), "{:?}", t.notices);
    assert!(
        !codes(&t).contains(&"weight-unparseable"),
        "{:?}",
        t.notices
    );
}

/// A short row whose cells no shift lines up (a 一级 name first, a direction
/// word right after it) is refused at its row: it is not read in the header
/// count's columns, and not guessed.
#[test]
fn ragged_row_that_no_shift_lines_up_is_refused() {
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重\t指标方向性
820001-马踏镇人民政府\t高龄津贴\t2,682,000.00\t按标准发放高龄津贴。\t产出指标\t数量指标\t享受津贴老年人数\t≥\t4470\t人\t20\t正向指标
产出指标\t正向指标\t津贴发放准确率\t=\t100\t%\t20";
    let e = build_table(&grid(text), source("ragged-bad.tsv")).expect_err("misaligned row");
    let loc = e.location().cloned().expect("location");
    assert_eq!(loc.row, Some(4));
    let msg = invalid_message(e);
    assert!(msg.contains("第4行比表头短"), "{msg}");
    assert!(msg.contains("「产出指标」落在「二级指标」列"), "{msg}");
}

/// A short row the header count lines up (its trailing cells all there, or
/// a 二级 first with 一级 filled down) is read as before, with no note.
#[test]
fn ragged_rows_right_aligned_by_the_header_count_need_no_note() {
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重\t指标方向性
820001-马踏镇人民政府\t高龄津贴\t2,682,000.00\t按标准发放高龄津贴。\t产出指标\t数量指标\t享受津贴老年人数\t≥\t4470\t人\t20\t正向指标
产出指标\t质量指标\t津贴发放准确率\t=\t100\t%\t20\t正向指标
时效指标\t按季发放及时率\t=\t100\t%\t20\t正向指标";
    let t = build(text, "ragged-ok.tsv");
    let p = &t.units[0].projects[0];
    let subs: Vec<Option<&str>> = p
        .indicators
        .iter()
        .map(|i| i.subcategory.as_deref())
        .collect();
    assert_eq!(
        subs,
        vec![Some("数量指标"), Some("质量指标"), Some("时效指标")]
    );
    assert_eq!(p.indicators[2].category_raw, "产出指标");
    assert!(!codes(&t).contains(&"row-realigned"), "{:?}", t.notices);
}

/// Hubei 鄂州 (GUIDE §3.4): `项目预算成本构成 | 金额` lists the cost lines of the
/// budget, one a row, and `合计` is the project's money. The 金额 column is not
/// the total (its first line, 60.00, was read as the project's, silently); a
/// note says so and names 合计.
#[test]
fn ezhou_cost_lines_are_not_the_project_total() {
    let text = "鄂州市2022年市直部门预算项目支出绩效目标表
单位：万元
项目名称\t项目类别\t项目预算成本构成\t金额\t测算（公式）依据\t2021年实际执行数\t合计\t绩效目标\t一级指标\t二级指标\t绩效指标\t当年预期实现值
中小学教师培训经费\t专项业务类\t培训费\t60.00\t1500人次×400元\t82.30\t85.50\t组织全区中小学教师参加全员培训。\t产出指标\t数量指标\t培训教师人次\t≥1500人次
⟪中小学教师培训经费⟫\t⟪专项业务类⟫\t师资费\t18.00\t60课时×3000元\t⟪82.30⟫\t⟪85.50⟫\t⟪组织全区中小学教师参加全员培训。⟫\t产出指标\t质量指标\t培训考核合格率\t≥95%
⟪中小学教师培训经费⟫\t⟪专项业务类⟫\t资料印刷费\t7.50\t1500份×50元\t⟪82.30⟫\t⟪85.50⟫\t⟪组织全区中小学教师参加全员培训。⟫\t满意度指标\t服务对象满意度指标\t参训教师满意度\t≥90%";
    let t = build(text, "ezhou.xlsx");
    assert_eq!(t.column_of(Field::Total), Some(7));
    let ps: Vec<_> = t.projects().collect();
    assert_eq!(ps.len(), 1);
    assert_eq!(
        ps[0].funding.total.map(|d| d.to_string()).as_deref(),
        Some("85.50")
    );
    assert_eq!(ps[0].indicators.len(), 3);
    let note = t
        .notices
        .iter()
        .find(|n| n.origin.is_some_and(|o| o.col == 4))
        .unwrap_or_else(|| panic!("{:?}", t.notices));
    assert_eq!(note.code, "column-unknown");
    assert!(note.message.contains("成本构成"), "{}", note.message);
    assert!(
        note.message.contains("项目总计取「合计」"),
        "{}",
        note.message
    );
    assert!(!codes(&t).contains(&"column-duplicate"), "{:?}", t.notices);
    assert!(
        !codes(&t).contains(&"amount-repeated-differs"),
        "{:?}",
        t.notices
    );
}

/// A `金额` column with no cost lines beside it is the total as before; one
/// beside cost lines with no 合计 leaves the total unread and says so.
#[test]
fn amount_column_beside_no_cost_lines_stays_the_total() {
    let text = "单位：万元
项目名称\t金额\t测算（公式）依据\t绩效目标\t一级指标\t二级指标\t三级指标\t指标值
中小学教师培训经费\t85.50\t1500人次×570元\t组织全区中小学教师参加全员培训。\t产出指标\t数量指标\t培训教师人次\t≥1500人次";
    let t = build(text, "amount.tsv");
    assert_eq!(t.column_of(Field::Total), Some(2));
    let p = t.projects().next().expect("project");
    assert_eq!(
        p.funding.total.map(|d| d.to_string()).as_deref(),
        Some("85.50")
    );
    let lines_only = "单位：万元
项目名称\t项目预算成本构成\t金额\t绩效目标\t一级指标\t二级指标\t三级指标\t指标值
中小学教师培训经费\t培训费\t60.00\t组织全区中小学教师参加全员培训。\t产出指标\t数量指标\t培训教师人次\t≥1500人次";
    let t = build(lines_only, "lines.tsv");
    assert_eq!(t.column_of(Field::Total), None);
    let p = t.projects().next().expect("project");
    assert_eq!(p.funding.total, None);
    assert!(
        t.notices
            .iter()
            .any(|n| n.message.contains("表中没有项目总计列")),
        "{:?}",
        t.notices
    );
}

/// A year-stamped actual column of the budget year itself is not last year's actual,
/// and 执行数 columns (money, 鄂州) are never read as one.
#[test]
fn actual_column_of_the_budget_year_or_money_is_not_prior_actual() {
    let text = "2022年项目支出绩效目标表
单位：万元
项目名称\t项目金额\t2021年实际执行数\t一级指标\t三级指标\t2022年实际完成值\t预期2022年实现值
培训项目\t50.00\t40.00\t产出指标\t培训人次\t180\t≥200人次";
    let t = build(text, "same-year.tsv");
    assert_eq!(t.column_of(Field::PriorActual), None);
    assert_eq!(t.prior_year(), None);
    let unknown: Vec<u32> = t
        .notices
        .iter()
        .filter(|n| n.code == "column-unknown")
        .filter_map(|n| n.origin.map(|o| o.col))
        .collect();
    assert_eq!(unknown, vec![3, 6]);
    let ind = &t.units[0].projects[0].indicators[0];
    assert_eq!(ind.prior_actual(), None);
    assert_eq!(ind.raw_value, "≥200人次");
}

#[test]
fn row_layout_with_unit_rows_in_the_name_column() {
    let text = "单位：万元
项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某区教育局\t30.00\t\t\t\t
教师培训经费\t30.00\t培训教师\t产出指标\t培训人次\t≥500人次
\t\t\t满意度指标\t参训满意度\t≥90%
某区卫生健康中心\t12.00\t\t\t\t
疾病防控项目\t10.00\t开展防控\t产出指标\t筛查人数\t≥1000人";
    let t = build(text, "rows.tsv");
    assert_eq!(t.units.len(), 2);
    assert_eq!(t.units[0].name, "某区教育局");
    assert!(t.units[0].stated.is_some());
    assert_eq!(t.units[0].projects.len(), 1);
    assert_eq!(t.units[0].projects[0].indicators.len(), 2);
    // 12.00 ≠ 10.00: a unit by its name, with a notice.
    assert_eq!(t.units[1].name, "某区卫生健康中心");
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "unit-row-by-name")
        .expect("notice");
    assert_eq!(n.origin.map(|o| o.row), Some(6));
}

#[test]
fn heading_merged_across_the_row_is_reported_not_read_as_amounts() {
    let text = SAMPLE.replace(
        "合计\t552.50\t552.50\t\t\t\t\n",
        "合计\t552.50\t552.50\t\t\t\t\n一、部门本级\t⟪一、部门本级⟫\t⟪一、部门本级⟫\t⟪一、部门本级⟫\t⟪一、部门本级⟫\t⟪一、部门本级⟫\t⟪一、部门本级⟫\n",
    );
    let t = build(&text, "x.xlsx");
    assert_eq!(t.units.len(), 2);
    assert_eq!(t.projects().count(), 8);
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "row-heading")
        .expect("heading reported");
    assert_eq!(n.origin.map(|o| o.row), Some(11));
}

/// The central 88号 key–value form: one project, facts above a vertical indicator grid.
const FORM: &str = "项目支出绩效目标申报表
（2024年度）
项目名称\t数据平台运维\t⟪数据平台运维⟫\t⟪数据平台运维⟫\t⟪数据平台运维⟫
主管部门及代码\t某某部（101）\t实施单位\t101001-信息中心\t⟪101001-信息中心⟫
项目资金（万元）\t年度资金总额：\t80.00\t\t
⟪项目资金（万元）⟫\t其中：财政拨款\t70.00\t\t
⟪项目资金（万元）⟫\t其他资金\t10.00\t\t
总体目标\t中长期目标\t⟪中长期目标⟫\t年度目标\t⟪年度目标⟫
⟪总体目标⟫\t三年内建成统一平台\t⟪三年内建成统一平台⟫\t确保平台全年稳定运行\t⟪确保平台全年稳定运行⟫
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
⟪绩效指标⟫\t产出指标\t数量指标\t运维系统数\t≥5个
⟪绩效指标⟫\t⟪产出指标⟫\t时效指标\t故障响应时间\t≤2小时
⟪绩效指标⟫\t效益指标\t社会效益指标\t服务效率\t明显提升
⟪绩效指标⟫\t满意度指标\t服务对象满意度指标\t用户满意度\t≥90%";

#[test]
fn central_key_value_form() {
    let t = build(FORM, "form.xlsx");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(t.title.as_deref(), Some("项目支出绩效目标申报表"));
    assert_eq!(t.fiscal_year, Some(2024));
    assert_eq!(t.department.as_deref(), Some("某某部（101）"));
    assert_eq!(t.money_scale, MoneyScale::WanYuan);
    assert!(t.money_scale_stated);
    assert_eq!(t.header_row, Some(10));
    assert_eq!(t.units.len(), 1);
    assert_eq!(t.units[0].name, "信息中心");
    assert_eq!(t.units[0].code.as_deref(), Some("101001"));
    let p = &t.units[0].projects[0];
    assert_eq!(p.name, "数据平台运维");
    assert_eq!((p.origin.row, p.origin.col), (3, 2));
    assert_eq!(
        p.funding.total.map(|d| d.to_string()).as_deref(),
        Some("80.00")
    );
    assert_eq!(
        p.funding
            .fiscal_appropriation
            .map(|d| d.to_string())
            .as_deref(),
        Some("70.00")
    );
    assert_eq!(
        p.funding.other_funds.map(|d| d.to_string()).as_deref(),
        Some("10.00")
    );
    assert_eq!(p.goal.as_deref(), Some("确保平台全年稳定运行"));
    let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["运维系统数", "故障响应时间", "服务效率", "用户满意度"]
    );
    assert_eq!(p.indicators[1].category_raw, "产出指标");
    assert_eq!(
        (p.indicators[3].origin.row, p.indicators[3].origin.col),
        (14, 5)
    );
    assert!(!codes(&t).contains(&"row-unplaced"), "{:?}", t.notices);

    let bad = FORM.replace("\t80.00\t", "\t八十万\t");
    let e = build_table(&grid(&bad), source("form.xlsx")).expect_err("bad amount");
    let en = e.render(jixiao_core::Lang::English);
    assert!(
        en.contains("form.xlsx row 5, column 3: “八十万” is not an amount"),
        "{en}"
    );
    assert!(invalid_message(e).contains("第5行 第3列"));

    // A blank 其他资金 is blank: not the 年度目标 text of the row under it.
    let blank = FORM
        .replace("\t10.00\t", "\t\t")
        .replace("总体目标\t中长期目标\t⟪中长期目标⟫\t年度目标\t⟪年度目标⟫\n⟪总体目标⟫\t三年内建成统一平台\t⟪三年内建成统一平台⟫\t", "年度目标\t");
    let t = build(&blank, "form-blank.xlsx");
    let p = &t.units[0].projects[0];
    assert_eq!(p.funding.other_funds, None);
    assert_eq!(p.goal.as_deref(), Some("确保平台全年稳定运行"));
}

/// One central 申报表 (GUIDE §3.1) as grid text, for stacking several in a
/// sheet: optional title, the facts, then the indicator grid under a merged
/// 绩效指标 (the layout of /tmp/ur8/gen8.py, a user tester's file).
fn form_text(
    title: bool,
    name: &str,
    department: &str,
    unit: &str,
    amounts: [&str; 3],
    goal: &str,
    indicators: &[[&str; 4]],
) -> String {
    let [total, fiscal, other] = amounts;
    let mut s = String::new();
    if title {
        s.push_str("项目支出绩效目标申报表（2024年度）\t⟪项目支出绩效目标申报表（2024年度）⟫\n");
    }
    s.push_str(&format!("项目名称\t{name}\t⟪{name}⟫\t⟪{name}⟫\t⟪{name}⟫\n"));
    s.push_str(&format!(
        "主管部门及代码\t{department}\t\t实施单位\t{unit}\n"
    ));
    s.push_str(&format!("项目资金（万元）\t年度资金总额：\t{total}\t\t\n"));
    s.push_str(&format!(
        "⟪项目资金（万元）⟫\t其中：财政拨款\t{fiscal}\t\t\n"
    ));
    s.push_str(&format!("⟪项目资金（万元）⟫\t其他资金\t{other}\t\t\n"));
    s.push_str(&format!("年度目标\t{goal}\t⟪{goal}⟫\t⟪{goal}⟫\t⟪{goal}⟫\n"));
    s.push_str("绩效指标\t一级指标\t二级指标\t三级指标\t指标值");
    for [a, b, c, d] in indicators {
        s.push_str(&format!("\n⟪绩效指标⟫\t{a}\t{b}\t{c}\t{d}"));
    }
    s
}

const IND_A: &[[&str; 4]] = &[
    ["产出指标", "数量指标", "甲数量", "≥10个"],
    ["满意度指标", "服务对象满意度指标", "甲满意度", "≥90%"],
];
const IND_B: &[[&str; 4]] = &[
    ["产出指标", "数量指标", "乙数量", "≥20个"],
    ["⟪产出指标⟫", "质量指标", "乙合格率", "≥95%"],
    ["效益指标", "社会效益指标", "乙效益", "明显"],
];

fn amount(d: Option<rust_decimal::Decimal>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn forms_stacked_in_one_sheet_are_projects_of_their_own() {
    // /tmp/ur8 x15: the second form's title, name, amounts, goal and header
    // were read as indicators of the first project, and its 30 万元 lost.
    let a = form_text(
        true,
        "项目甲",
        "[101]某市委组织部",
        "某中心",
        ["50.00", "40.00", "10.00"],
        "甲目标。",
        IND_A,
    );
    let b = form_text(
        true,
        "项目乙",
        "[101]某市委组织部",
        "某中心",
        ["30.00", "30.00", "0.00"],
        "乙目标。",
        IND_B,
    );
    // Blank rows between, or none; the title repeated, or not.
    for (sep, b_title) in [
        ("\n\n\n", true),
        ("\n", true),
        ("\n", false),
        ("\n\n", false),
    ] {
        let b = if b_title {
            b.clone()
        } else {
            b.split_once('\n')
                .map(|(_, rest)| rest.to_string())
                .unwrap_or_default()
        };
        let text = format!("{a}{sep}{b}");
        let t = build(&text, "stacked.xlsx");
        let case = format!("sep {sep:?}, title {b_title}");
        assert_eq!(t.units.len(), 1, "{case}: same 实施单位, one unit");
        assert_eq!(t.units[0].name, "某中心");
        assert_eq!(t.department.as_deref(), Some("[101]某市委组织部"), "{case}");
        assert_eq!(t.fiscal_year, Some(2024));
        let ps = &t.units[0].projects;
        assert_eq!(ps.len(), 2, "{case}: {ps:#?}");
        let (pa, pb) = (&ps[0], &ps[1]);
        assert_eq!((pa.name.as_str(), pb.name.as_str()), ("项目甲", "项目乙"));
        assert_eq!(amount(pa.funding.total), "50.00");
        assert_eq!(amount(pb.funding.total), "30.00", "{case}");
        assert_eq!(amount(pb.funding.fiscal_appropriation), "30.00");
        assert_eq!(pa.goal.as_deref(), Some("甲目标。"));
        assert_eq!(pb.goal.as_deref(), Some("乙目标。"), "{case}");
        assert_eq!(pa.indicators.len(), 2, "{case}: {:#?}", pa.indicators);
        assert_eq!(pb.indicators.len(), 3, "{case}");
        assert_eq!(pb.indicators[1].category_raw, "产出指标");
        // Origins are the source rows: 甲 row 2, its last indicator row 10;
        // 乙's name sits after them, the blank rows and its title.
        assert_eq!((pa.origin.row, pa.origin.col), (2, 2));
        assert_eq!(pa.indicators[1].origin.row, 10);
        let gap = sep.len() as u32 - 1 + u32::from(b_title);
        let b_name = 11 + gap;
        assert_eq!((pb.origin.row, pb.origin.col), (b_name, 2), "{case}");
        let b_total = pb.amount_origins.as_ref().and_then(|o| o[0]);
        assert_eq!(b_total.map(|o| (o.row, o.col)), Some((b_name + 2, 3)));
        assert_eq!(pb.indicators[0].origin.row, b_name + 7, "{case}");
        assert_eq!(pb.indicators[2].origin.row, b_name + 9, "{case}");
        let stacked: Vec<_> = t
            .notices
            .iter()
            .filter(|n| n.code == "forms-stacked")
            .collect();
        assert_eq!(stacked.len(), 1, "{case}: {:?}", t.notices);
        assert_eq!(stacked[0].origin.map(|o| o.row), Some(b_name));
        assert!(
            stacked[0].message.contains("项目乙"),
            "{}",
            stacked[0].message
        );
        // Nothing of the second form became an indicator of the first.
        for i in &pa.indicators {
            assert!(
                !i.name.contains("项目") && !i.category_raw.contains("申报表"),
                "{case}: {i:?}"
            );
        }
        assert!(
            !codes(&t).contains(&"row-unplaced"),
            "{case}: {:?}",
            t.notices
        );
    }
}

#[test]
fn three_stacked_forms_of_different_units() {
    let a = form_text(
        true,
        "项目甲",
        "[101]某局",
        "101001-甲中心",
        ["50.00", "50.00", ""],
        "甲目标。",
        IND_A,
    );
    let b = form_text(
        false,
        "项目乙",
        "[101]某局",
        "101002-乙中心",
        ["30.00", "30.00", ""],
        "乙目标。",
        IND_B,
    );
    let c = form_text(
        true,
        "项目丙",
        "[101]某局",
        "101001-甲中心",
        ["20.00", "20.00", ""],
        "丙目标。",
        IND_A,
    );
    let t = build(&format!("{a}\n\n{b}\n{c}"), "three.xlsx");
    let units: Vec<(&str, Option<&str>, usize)> = t
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.code.as_deref(), u.projects.len()))
        .collect();
    assert_eq!(
        units,
        vec![
            ("甲中心", Some("101001"), 1),
            ("乙中心", Some("101002"), 1),
            ("甲中心", Some("101001"), 1)
        ]
    );
    let totals: Vec<String> = t
        .units
        .iter()
        .flat_map(|u| &u.projects)
        .map(|p| {
            format!(
                "{} {} {}",
                p.name,
                amount(p.funding.total),
                p.indicators.len()
            )
        })
        .collect();
    assert_eq!(
        totals,
        vec!["项目甲 50.00 2", "项目乙 30.00 3", "项目丙 20.00 2"]
    );
    assert_eq!(
        codes(&t).iter().filter(|c| **c == "forms-stacked").count(),
        2
    );

    // Different 主管部门: the table names none, and says why.
    let b = b.replace("[101]某局", "[102]另一局");
    let t = build(&format!("{a}\n{b}"), "two-departments.xlsx");
    assert_eq!(t.department, None);
    assert!(
        t.notices
            .iter()
            .any(|n| n.code == "forms-stacked" && n.message.contains("[102]另一局")),
        "{:?}",
        t.notices
    );
    // A form without 实施单位 is its own 主管部门's, not the unit above it.
    let b = b.replace("\t实施单位\t101002-乙中心", "\t\t");
    let t = build(&format!("{a}\n{b}"), "no-unit.xlsx");
    let names: Vec<&str> = t.units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, vec!["甲中心", "[102]另一局"]);
}

#[test]
fn a_second_form_that_cannot_be_read_is_refused_at_its_row() {
    let a = form_text(
        true,
        "项目甲",
        "[101]某局",
        "某中心",
        ["50.00", "50.00", ""],
        "甲目标。",
        IND_A,
    );
    let b = form_text(
        true,
        "项目乙",
        "[101]某局",
        "某中心",
        ["30.00", "30.00", ""],
        "乙目标。",
        IND_B,
    );
    // Rows 1–10 are 甲, 11 is blank, 12 乙's title, 13 its 项目名称, 19 its header.
    let refused = |text: &str| {
        let e = build_table(&grid(text), source("bad.xlsx")).expect_err("refused");
        invalid_message(e)
    };
    // No indicator header under the second form's facts.
    let no_header = format!(
        "{a}\n\n{}",
        b.replace(
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
            "绩效指标\t\t\t\t"
        )
    );
    let m = refused(&no_header);
    assert!(
        m.contains("第13行") && m.contains("项目名称") && m.contains("表头"),
        "{m}"
    );
    // A 项目名称 row alone in an indicator block, nothing after it.
    let lone = format!("{a}\n⟪绩效指标⟫\t项目名称\t项目乙");
    let m = refused(&lone);
    assert!(m.contains("第11行") && m.contains("「项目名称」"), "{m}");
    for label in [
        "年度资金总额：",
        "其中：财政拨款",
        "实施单位",
        "年度目标",
        "项目资金（万元）",
    ] {
        let m = refused(&format!("{a}\n⟪绩效指标⟫\t{label}\t30.00\t\t"));
        assert!(m.contains("第11行") && m.contains(label), "{label}: {m}");
    }
    // Its 项目名称 blank.
    let m = refused(&format!(
        "{a}\n\n{}",
        b.replace(
            "项目名称\t项目乙\t⟪项目乙⟫\t⟪项目乙⟫\t⟪项目乙⟫",
            "项目名称\t\t\t\t"
        )
    ));
    assert!(m.contains("第13行") && m.contains("第2张"), "{m}");
    // Another year.
    let m = refused(&format!("{a}\n\n{}", b.replace("2024年度", "2025年度")));
    assert!(m.contains("第12行") && m.contains("2025"), "{m}");
    // Another money scale.
    let m = refused(&format!(
        "{a}\n\n{}",
        b.replace("项目资金（万元）\t", "项目资金（元）\t")
    ));
    assert!(m.contains("第13行") && m.contains("元"), "{m}");
    // Its header of other columns.
    let m = refused(&format!(
        "{a}\n\n{}",
        b.replace("\t三级指标\t指标值", "\t指标值\t三级指标")
    ));
    assert!(m.contains("第19行"), "{m}");
    // Indicator rows between its facts and its header would be lost.
    let m = refused(&format!(
        "{a}\n\n{}",
        b.replace(
            "绩效指标\t一级指标",
            "⟪绩效指标⟫\t产出指标\t数量指标\t某数量\t≥1个\n绩效指标\t一级指标"
        )
    ));
    assert!(m.contains("第19行") && m.contains("产出指标"), "{m}");
    // A first form without its header, then a second: the first name would
    // take the second's indicators.
    let head_less = a.split("\n绩效指标").next().unwrap_or_default().to_string();
    let m = refused(&format!("{head_less}\n{b}"));
    assert!(m.contains("第9行") && m.contains("项目名称"), "{m}");
    // ur45 S16/S21: 元 stated in the first form's own money block (its
    // label, or a `单位：元` cell there), none on the second: the second's
    // unit cannot be told (it read 500.00 as 元).
    let yuan = |a: &str| {
        let bare_b = b.replace("项目资金（万元）", "项目资金");
        refused(&format!("{a}\n\n{bare_b}"))
    };
    let label = a
        .replace("项目资金（万元）", "项目资金（元）")
        .replace("\t50.00\t", "\t500000.00\t");
    let cell = a
        .replace(
            "项目资金（万元）\t年度资金总额：\t50.00\t\t",
            "项目资金\t年度资金总额：\t500000.00\t单位：元\t",
        )
        .replace("项目资金（万元）", "项目资金")
        .replace("\t50.00\t", "\t500000.00\t");
    // ur49 S40/S49/S18: in the first form's title (`（单位：元）`), in two
    // cells among its facts (`金额单位 | 元`), or after its labels' slash
    // (`年度资金总额/元`). (It read the second's 500.00 as 元, or the
    // first's 500000.00 as 万元, or the first's money not at all.)
    let title = a
        .replace(
            "项目支出绩效目标申报表（2024年度）\t⟪项目支出绩效目标申报表（2024年度）⟫",
            "项目支出绩效目标申报表（2024年度）（单位：元）\t⟪项目支出绩效目标申报表（2024年度）（单位：元）⟫",
        )
        .replace("项目资金（万元）", "项目资金")
        .replace("\t50.00\t", "\t500000.00\t");
    let two_cells = a
        .replace("\t实施单位\t某中心", "\t实施单位\t某中心\t金额单位\t元")
        .replace("项目资金（万元）", "项目资金")
        .replace("\t50.00\t", "\t500000.00\t");
    let slash = a
        .replace("项目资金（万元）", "项目资金")
        .replace("年度资金总额：", "年度资金总额/元")
        .replace("其中：财政拨款", "其中：财政拨款/元")
        .replace("\t50.00\t", "\t500000.00\t");
    // (ur52 U07/U26: a `单位：元` line under the first form's title is that
    // form's too, when the second has a title of its own.)
    let line = a
        .replacen("\n项目名称", "\n单位：元\n项目名称", 1)
        .replace("项目资金（万元）", "项目资金")
        .replace("\t50.00\t", "\t500000.00\t");
    for first in [&label, &cell, &title, &two_cells, &slash, &line] {
        let m = yuan(first);
        assert!(
            m.contains("第2张") && m.contains("没有写明金额单位"),
            "{first}: {m}"
        );
    }
    // A line above the first title is the whole table's: both forms are
    // read in 元 (ur45 S02).
    let t = build_table(
        &grid(&format!(
            "单位：元\n{}\n\n{}",
            a.replace("项目资金（万元）", "项目资金")
                .replace("\t50.00\t", "\t500000.00\t"),
            b.replace("项目资金（万元）", "项目资金")
                .replace("\t30.00\t", "\t300000.00\t")
        )),
        source("above.xlsx"),
    )
    .expect("read");
    let totals: Vec<_> = t.projects().filter_map(|p| p.funding.total).collect();
    assert_eq!(
        totals,
        vec![
            rust_decimal::Decimal::from(50),
            rust_decimal::Decimal::from(30)
        ]
    );
    // Alone, each such form is read in 元: 500000.00 is 50 万元.
    for alone in [&title, &two_cells, &slash, &line] {
        let t = build_table(&grid(alone), source("alone.xlsx")).expect("read");
        let total = t.projects().next().and_then(|p| p.funding.total);
        assert_eq!(total, Some(rust_decimal::Decimal::from(50)), "{alone}");
    }
    // ur48 S06/S07/S09: 元 in other spellings of the label states it too.
    for spelled in [
        "项目资金（人民币元）",
        "项目资金/元",
        "项目资金【元】",
        "项目资金（元人民币）",
        "项目资金／元",
        "项目资金【人民币元】",
    ] {
        let first = a
            .replace("项目资金（万元）", spelled)
            .replace("\t50.00\t", "\t500000.00\t");
        let m = yuan(&first);
        assert!(m.contains("第2张"), "{spelled}: {m}");
    }
    // (万元 stated by the first form, in a `单位：万元` cell too: a bare
    // second form is read in it, ur48 S68–S70.)
    let wan_cell = a
        .replace(
            "项目资金（万元）\t年度资金总额：\t50.00\t\t",
            "项目资金\t年度资金总额：\t50.00\t单位：万元\t",
        )
        .replace("项目资金（万元）", "项目资金");
    let t = build_table(
        &grid(&format!(
            "{wan_cell}\n\n{}",
            b.replace("项目资金（万元）", "项目资金")
        )),
        source("ok.xlsx"),
    )
    .expect("read");
    assert_eq!(t.projects().count(), 2);
    // (万元 in the first form's label: a bare second form is read in it.)
    let t = build_table(
        &grid(&format!(
            "{a}\n\n{}",
            b.replace("项目资金（万元）", "项目资金")
        )),
        source("ok.xlsx"),
    )
    .expect("read");
    assert_eq!(t.projects().count(), 2);
}

#[test]
fn form_labels_inside_a_form_s_indicators() {
    let a = form_text(
        true,
        "项目甲",
        "[101]某局",
        "某中心",
        ["50.00", "50.00", ""],
        "甲目标。",
        IND_A,
    );
    // Indicators named like a label (项目资金到位率, 财政拨款) stay indicators.
    let text = format!("{a}\n⟪绩效指标⟫\t成本指标\t经济成本指标\t财政拨款\t≤50万元\n⟪绩效指标⟫\t产出指标\t质量指标\t项目资金到位率\t100%");
    let t = build(&text, "labels.xlsx");
    let p = &t.units[0].projects;
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].indicators.len(), 4, "{:#?}", p[0].indicators);
    // The header and title printed again after a page break are not indicators,
    // and do not lend the title to the 一级指标 below.
    let text = format!(
        "{a}\n项目支出绩效目标申报表（2024年度）\t⟪项目支出绩效目标申报表（2024年度）⟫\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n⟪绩效指标⟫\t\t\t乙满意度\t≥95%"
    );
    let t = build(&text, "page-break.xlsx");
    let p = &t.units[0].projects[0];
    assert_eq!(p.indicators.len(), 3, "{:#?}", p.indicators);
    assert_eq!(p.indicators[2].category_raw, "满意度指标");
    assert!(codes(&t).contains(&"header-repeated") && codes(&t).contains(&"row-heading"));
}

#[test]
fn same_name_projects_with_their_own_first_rows_stay_apart() {
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
820001-某镇政府\t公共服务经费\t1,000.00\t目标甲\t产出指标\t服务次数\t≥10次
\t\t\t\t效益指标\t群众获益\t明显
820001-某镇政府\t公共服务经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥90%
820001-某镇政府\t公共服务经费\t2,000.00\t目标乙\t产出指标\t服务次数\t≥20次";
    let t = build(text, "same.tsv");
    let ps: Vec<_> = t.projects().collect();
    assert_eq!(ps.len(), 2);
    // A verbatim repeat of the first row continues the project; a different amount starts another.
    assert_eq!(ps[0].indicators.len(), 3);
    assert_eq!(
        ps[0].funding.total.map(|d| d.to_string()).as_deref(),
        Some("0.100000")
    );
    assert_eq!(
        ps[1].funding.total.map(|d| d.to_string()).as_deref(),
        Some("0.200000")
    );
    assert_eq!(ps[1].origin.row, 6);
}

/// Two copies of one project (same unit, name, amount, goal and indicators).
const DUP_BLANK: &str = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
820001-某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
\t\t\t\t满意度指标\t满意度\t≥90%
820001-某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
\t\t\t\t满意度指标\t满意度\t≥90%";

fn totals(t: &Table) -> Vec<String> {
    t.projects()
        .map(|p| p.funding.total.map(|d| d.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn copied_project_after_blank_continuation_rows_is_a_second_project() {
    let t = build(DUP_BLANK, "dup.tsv");
    let ps: Vec<_> = t.projects().collect();
    assert_eq!(ps.len(), 2, "{:?}", codes(&t));
    assert_eq!(ps[0].indicators.len(), 2);
    assert_eq!(ps[1].indicators.len(), 2);
    assert_eq!(ps[1].origin.row, 5);
    assert_eq!(totals(&t), ["0.100000", "0.100000"]);
    // The layout itself says so (the name left blank below a first row): no notice.
    assert!(!codes(&t).contains(&"project-split"), "{:?}", codes(&t));
}

#[test]
fn copied_project_in_merged_cells_is_a_second_project() {
    // As jixiao's own --layout rows XLSX: the project cells merged down each block.
    let text = DUP_BLANK.replace(
        "\n\t\t\t\t满意度指标",
        "\n⟪820001-某镇政府⟫\t⟪普法经费⟫\t⟪1,000.00⟫\t⟪目标甲⟫\t满意度指标",
    );
    let t = build(&text, "dup.xlsx");
    assert_eq!(totals(&t), ["0.100000", "0.100000"], "{:?}", codes(&t));
    assert_eq!(t.projects().map(|p| p.indicators.len()).sum::<usize>(), 4);
}

#[test]
fn copied_project_with_the_name_on_every_row_is_split_with_a_notice() {
    // As jixiao's long CSV: every row repeats the project's fields.
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
某镇政府\t普法经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥90%
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
某镇政府\t普法经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥90%";
    let t = build(text, "dup.csv");
    assert_eq!(totals(&t), ["0.100000", "0.100000"]);
    let split: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "project-split")
        .collect();
    assert_eq!(split.len(), 1);
    assert_eq!(split[0].origin.map(|o| o.row), Some(5));
}

#[test]
fn copied_project_without_indicators_is_a_second_project() {
    // A project without indicators has one row (long CSV, rows XLSX): the same
    // row again is a copy, read as a second project with a notice.
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某镇政府\t普法经费\t1,000.00\t目标甲\t\t\t
某镇政府\t普法经费\t1,000.00\t目标甲\t\t\t";
    let t = build(text, "noind.csv");
    assert_eq!(totals(&t), ["0.100000", "0.100000"], "{:?}", codes(&t));
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "project-split")
        .expect("project-split");
    assert!(n.message.contains("没有绩效指标"), "{}", n.message);
}

#[test]
fn a_project_repeating_some_of_its_own_indicators_is_not_split() {
    // Name on every row, indicators A B A B C: the rows from the second A on
    // are not the block (A B) again, whole, so this is one project. (A long
    // CSV of the 100 000-project bench table read as 110 136 projects when
    // the first two indicators alone decided.)
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
某镇政府\t普法经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥90%
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥12次
某镇政府\t普法经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥95%
某镇政府\t普法经费\t1,000.00\t目标甲\t效益指标\t群众获益\t明显";
    let t = build(text, "aabbc.csv");
    assert_eq!(totals(&t), ["0.100000"], "{:?}", codes(&t));
    assert_eq!(t.projects().map(|p| p.indicators.len()).sum::<usize>(), 5);
    assert!(!codes(&t).contains(&"project-split"));
    // Three copies are three projects.
    let block = "某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
某镇政府\t普法经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥90%";
    let three = format!(
        "金额单位:元\n单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值\n{block}\n{block}\n{block}"
    );
    let t = build(&three, "three.csv");
    assert_eq!(
        totals(&t),
        ["0.100000", "0.100000", "0.100000"],
        "{:?}",
        codes(&t)
    );
}

#[test]
fn a_repeated_list_without_the_projects_money_is_not_a_copy() {
    // Unit and name on every row, amount and goal on the first only: the
    // indicator list written again (for a second village) continues the
    // project; a copy would state the money and the goal again.
    let text = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某镇政府\t道路维修\t1,000.00\t目标甲\t产出指标\t维修长度\t≥3公里
某镇政府\t道路维修\t\t\t满意度指标\t满意度\t≥90%
某镇政府\t道路维修\t\t\t产出指标\t维修长度\t≥2公里
某镇政府\t道路维修\t\t\t满意度指标\t满意度\t≥90%";
    let t = build(text, "villages.tsv");
    assert_eq!(totals(&t), ["0.100000"], "{:?}", codes(&t));
    assert!(!codes(&t).contains(&"project-split"));
}

#[test]
fn one_indicator_written_twice_does_not_split_a_project() {
    // The first indicator again, but not the block's sequence: one project
    // (the review says indicator-duplicate), in both layouts.
    let repeated = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
某镇政府\t普法经费\t1,000.00\t目标甲\t满意度指标\t满意度\t≥90%
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
某镇政府\t普法经费\t1,000.00\t目标甲\t效益指标\t群众获益\t明显";
    let t = build(repeated, "one.csv");
    assert_eq!(totals(&t), ["0.100000"], "{:?}", codes(&t));
    assert_eq!(t.projects().map(|p| p.indicators.len()).sum::<usize>(), 4);
    assert!(!codes(&t).contains(&"project-split"));
    // Blank continuation rows, the first indicator again on a blank-name row.
    let blank = "金额单位:元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
某镇政府\t普法经费\t1,000.00\t目标甲\t产出指标\t宣传次数\t≥10次
\t\t\t\t满意度指标\t满意度\t≥90%
\t\t\t\t产出指标\t宣传次数\t≥10次";
    let t = build(blank, "one.tsv");
    assert_eq!(totals(&t), ["0.100000"]);
    assert_eq!(t.projects().map(|p| p.indicators.len()).sum::<usize>(), 3);
}

#[test]
fn amount_column_label_wins_over_the_scale_line_and_says_so() {
    let text = "单位：万元
项目名称\t预算数（元）\t年度目标\t一级指标\t二级指标\t三级指标\t指标值
项目甲\t100000.00\t完成甲任务。\t产出指标\t数量指标\t甲数量\t≥5个";
    let t = build(text, "conflict.tsv");
    assert_eq!(t.money_scale, MoneyScale::Yuan);
    assert_eq!(totals(&t), ["10.000000"]);
    let n: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "money-scale-conflict")
        .collect();
    assert_eq!(n.len(), 1, "{:?}", codes(&t));
    assert_eq!(n[0].origin.map(|o| (o.row, o.col)), Some((2, 2)));
    assert!(n[0].message.contains("第1行") && n[0].message.contains("预算数（元）"));
    // Agreeing statements: no notice.
    let agree = text.replace("单位：万元", "单位：元");
    assert!(!codes(&build(&agree, "agree.tsv")).contains(&"money-scale-conflict"));
    // The label's scale in other words: `（单位：元）`, `（人民币元）`, `(金额单位:元)`.
    for label in [
        "预算金额（单位：元）",
        "预算金额（人民币元）",
        "预算金额(金额单位:元)",
    ] {
        let t = build(&text.replace("预算数（元）", label), "words.tsv");
        assert_eq!(t.money_scale, MoneyScale::Yuan, "{label}");
        assert_eq!(totals(&t), ["10.000000"], "{label}");
        assert!(codes(&t).contains(&"money-scale-conflict"), "{label}");
    }
    let t = build(
        &text
            .replace("预算数（元）", "预算金额（单位：万元）")
            .replace("100000.00", "10.00"),
        "w.tsv",
    );
    assert_eq!(totals(&t), ["10.00"]);
}

#[test]
fn an_amount_column_in_a_scale_jixiao_does_not_hold_is_refused() {
    for label in ["预算数（千元）", "预算数（单位：千元）", "预算数(亿元)"] {
        let text = format!(
            "单位：万元\n项目名称\t{label}\t年度目标\t一级指标\t三级指标\t指标值\n项目甲\t10.00\t完成。\t产出指标\t甲数量\t≥5个\n"
        );
        let e = jixiao_formats::read_bytes("k.tsv", text.as_bytes(), &Default::default())
            .expect_err(label)
            .to_string();
        assert!(
            e.contains("第2行 第2列") && e.contains("只读元或万元"),
            "{e}"
        );
    }
}

#[test]
fn the_weight_is_the_score_among_the_indicator_columns() {
    // Chongqing's 审批表 scores the project's budget execution (分值 10)
    // before its indicators, each with its own 分值 after 指标值.
    let text = "单位：万元
项目名称\t当年年度预算\t分值\t年度主要目标和成果\t一级指标\t二级指标\t三级指标\t指标值\t分值
项目甲\t10.00\t10\t完成甲任务。\t产出指标\t数量指标\t甲数量\t≥5个\t20
\t\t\t\t效益指标\t社会效益指标\t甲效益\t明显\t15";
    let t = build(text, "cq.tsv");
    let w: Vec<String> = t
        .projects()
        .flat_map(|p| &p.indicators)
        .map(|i| i.weight().map(|d| d.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(w, ["20", "15"], "{:?}", codes(&t));
    assert!(codes(&t).contains(&"column-duplicate"));
}

#[test]
fn chongqing_approval_headers_give_goal_and_the_years_amounts() {
    // GUIDE §3.4: 年度主要目标和成果 is the goal, 当年年度预算 the year's total
    // (not 项目总预算, the multi-year one), 其中:财政资金 / 其中:其它资金 the sources.
    let text = "单位：万元
项目名称\t项目总预算\t当年年度预算\t其中:财政资金\t其中:其它资金\t年度主要目标和成果\t一级指标\t二级指标\t三级指标\t指标值
脐橙项目\t500.00\t120.00\t100.00\t20.00\t完成改造3000亩。\t产出指标\t数量指标\t改造面积\t≥3000亩";
    let t = build(text, "cq.tsv");
    let p = t.projects().next().expect("project");
    assert_eq!(p.goal.as_deref(), Some("完成改造3000亩。"));
    let f = &p.funding;
    let s = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    assert_eq!(
        [s(f.total), s(f.fiscal_appropriation), s(f.other_funds)],
        ["120.00", "100.00", "20.00"]
    );
    let multi = t
        .notices
        .iter()
        .find(|n| n.origin.map(|o| o.col) == Some(2))
        .expect("a note on 项目总预算");
    assert!(multi.message.contains("全周期") && multi.message.contains("当年年度预算"));
    assert!(!codes(&t).contains(&"amount-columns-unread"));
    for (header, goal) in [("项目年度目标", true), ("申请金额", false)] {
        let t = build(&text.replace("年度主要目标和成果", header), "cq2.tsv");
        let cols: Vec<Field> = t.columns.iter().map(|c| c.field).collect();
        assert_eq!(cols.contains(&Field::Goal), goal, "{header}");
    }
}

#[test]
fn a_table_whose_amount_columns_are_all_unread_says_so() {
    let text = "单位：万元
项目名称\t项目总预算\t年度目标\t一级指标\t二级指标\t三级指标\t指标值
脐橙项目\t500.00\t完成改造。\t产出指标\t数量指标\t改造面积\t≥3000亩";
    let t = build(text, "none.tsv");
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "amount-columns-unread")
        .expect("amount-columns-unread");
    assert!(n.message.contains("项目总预算"), "{}", n.message);
    // Without anything that looks like money: no such notice.
    let plain = "项目名称\t年度目标\t一级指标\t二级指标\t三级指标\t指标值
脐橙项目\t完成改造。\t产出指标\t数量指标\t改造面积\t≥3000亩";
    assert!(!codes(&build(plain, "plain.tsv")).contains(&"amount-columns-unread"));
}

#[test]
fn unit_column_row_with_amounts_and_no_projects_is_a_unit() {
    // A row naming a unit in the 单位名称 column alone, with amounts, and no
    // projects of its own (the next rows belong to another unit, or the table
    // ends): a unit without projects, not a project of the unit before it. A
    // row of the previous unit with its project name left blank stays a
    // project without targets, with the reader's notice.
    let text = "金额单位:万元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
甲局\t公共服务经费\t10.00\t目标甲\t产出指标\t服务次数\t≥10次
乙中心\t\t5.00\t\t\t\t
丙站\t设备购置\t3.00\t目标丙\t产出指标\t设备数量\t≥2台
丙站\t\t1.00\t\t\t\t
丁所\t\t7.00\t\t\t\t";
    let t = build(text, "units.tsv");
    let units: Vec<(&str, usize, Option<String>)> = t
        .units
        .iter()
        .map(|u| {
            (
                u.name.as_str(),
                u.projects.len(),
                u.stated
                    .as_ref()
                    .and_then(|s| s.funding.total)
                    .map(|d| d.to_string()),
            )
        })
        .collect();
    assert_eq!(
        units,
        [
            ("甲局", 1, None),
            ("乙中心", 0, Some("5.00".into())),
            ("丙站", 2, None),
            ("丁所", 0, Some("7.00".into())),
        ]
    );
    assert_eq!(t.units[1].stated.as_ref().map(|s| s.origin.row), Some(4));
    // 丙站's blank-named row: a project without targets, located and explained.
    let unassigned: Vec<u32> = t
        .notices
        .iter()
        .filter(|n| n.code == "amount-row-unassigned")
        .filter_map(|n| n.origin.map(|o| o.row))
        .collect();
    assert_eq!(unassigned, [6]);
}

#[test]
fn one_cell_unit_column_row_with_amounts_and_no_projects_is_a_unit() {
    let text = "金额单位:万元
单位名称\t项目名称\t合计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标
甲局\t公共服务经费\t10.00\t10.00\t\t\t目标甲\t1-产出指标：服务次数，年度指标值：≥10次。
乙中心\t\t5.00\t5.00\t\t\t\t
丙站\t设备购置\t3.00\t3.00\t\t\t目标丙\t1-产出指标：设备数量，年度指标值：≥2台。";
    let t = build(text, "one-cell-units.tsv");
    let units: Vec<(&str, usize, bool)> = t
        .units
        .iter()
        .map(|u| (u.name.as_str(), u.projects.len(), u.stated.is_some()))
        .collect();
    assert_eq!(
        units,
        [("甲局", 1, false), ("乙中心", 0, true), ("丙站", 1, false)],
        "{:?}",
        t.notices
    );
    assert!(!codes(&t).contains(&"row-unplaced"), "{:?}", t.notices);
}

#[test]
fn bad_amounts_fail_the_read_or_become_notices_for_review() {
    let text = "金额单位:万元
单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
甲局\t公共服务经费\t十万\t目标甲\t产出指标\t服务次数\t≥10次
甲局\t设备购置\t3.00\t目标乙\t产出指标\t设备数量\t≥2台";
    let e = build_table(&grid(text), source("bad.tsv")).expect_err("strict");
    assert!(invalid_message(e).contains("第3行 第3列"));
    let t = build_table_with(&grid(text), source("bad.tsv"), true).expect("lenient");
    let bad: Vec<(u32, u32)> = t
        .notices
        .iter()
        .filter(|n| n.code == "amount-unparseable")
        .filter_map(|n| n.origin.map(|o| (o.row, o.col)))
        .collect();
    assert_eq!(bad, [(3, 3)]);
    let totals: Vec<Option<String>> = t
        .projects()
        .map(|p| p.funding.total.map(|d| d.to_string()))
        .collect();
    assert_eq!(totals, [None, Some("3.00".into())]);
}

#[test]
fn unit_by_name_notice_prints_the_amount_and_the_reason() {
    // P1 (row 12) with goal and indicators blanked: the unit row above has no
    // project with targets right after it to be checked against.
    let mut lines: Vec<String> = SAMPLE.split('\n').map(str::to_string).collect();
    let mut cells: Vec<String> = lines[11].split('\t').map(str::to_string).collect();
    cells[5].clear();
    cells[6].clear();
    lines[11] = cells.join("\t");
    let t = build(&lines.join("\n"), "blank.txt");
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "unit-row-by-name")
        .expect("a unit-row-by-name notice");
    assert!(
        n.message
            .contains("（522.50 万元）之后没有带绩效目标或指标的项目行"),
        "{}",
        n.message
    );
}

#[test]
fn a_money_unit_in_the_amount_cells() {
    // No scale printed above the header: the cells' own 元 decides.
    let text = "单位名称\t项目名称\t预算数\t年度目标\t一级指标\t三级指标\t指标值
甲局\t公共服务经费\t500,000.00元\t目标甲\t产出指标\t服务次数\t≥10次";
    let t = build(text, "yuan.tsv");
    assert_eq!(t.money_scale, MoneyScale::Yuan);
    let total = t.projects().next().and_then(|p| p.funding.total);
    assert_eq!(total.map(|d| d.to_string()).as_deref(), Some("50.000000"));
    assert!(!codes(&t).contains(&"money-scale-assumed"));
    // A 万元 table with one amount written in 元: refused at that cell, not
    // read ten thousand times too large.
    let text = format!(
        "金额单位:万元\n{}",
        text.replace("500,000.00元", "158.00元")
    );
    let e = build_table(&grid(&text), source("mixed.tsv")).expect_err("scale mismatch");
    let m = invalid_message(e);
    assert!(m.contains("第3行 第3列") && m.contains("158.00元"), "{m}");
}

/// Random grids of header words, amounts, level names and junk, with random
/// merged flags and ragged rows: the reader must return, never panic.
#[test]
fn random_grids_never_panic() {
    const WORDS: [&str; 34] = [
        "项目名称",
        "单位名称",
        "总计",
        "合计",
        "合 计",
        "财政拨款",
        "其他资金",
        "绩效目标",
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "指标性质",
        "度量单位",
        "权重",
        "指标方向性",
        "年度资金总额：",
        "实施单位",
        "某某中心",
        "某某经费",
        "820001-某镇",
        "产出指标",
        "成本指标(0-20)分",
        "1,000.00",
        "12.50",
        "约10",
        "",
        "",
        "≥",
        "正向指标",
        "单位：元",
        "（）",
        "1-产出指标：甲，年度指标值：5个。",
    ];
    let mut state: u64 = 0x2024;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n.max(1)
    };
    for _ in 0..3000 {
        let rows = next(12);
        let g = Grid {
            rows: (0..rows)
                .map(|r| GridRow {
                    number: r as u32 + 1,
                    cells: (0..next(14))
                        .map(|_| GridCell {
                            text: Cow::Borrowed(WORDS[next(WORDS.len())]),
                            merged: next(5) == 0,
                            bare_number: false,
                        })
                        .collect(),
                })
                .collect(),
            ..Grid::default()
        };
        let _ = build_table(&g, source("fuzz.tsv"));
    }
}

#[test]
fn serial_column_total_and_footer_lines() {
    let mut text = String::new();
    for (i, line) in SAMPLE.split('\n').enumerate() {
        let n = i + 1;
        if n < 9 {
            text.push_str(line);
        } else if n == 9 {
            text.push_str(&format!("序号\t{line}"));
        } else if n == 10 {
            text.push_str(&format!("合计\t{}", line.replacen("合计", "", 1)));
        } else {
            text.push_str(&format!("{}\t{line}", n - 10));
        }
        text.push('\n');
    }
    text.push_str("填报人：张三\t\t\t联系电话：020-12345678");
    let t = build(&text, "serial.tsv");
    assert_eq!(t.column_of(Field::ProjectName), Some(2));
    let total = t.grand_total.as_ref().expect("合计 in the 序号 column");
    assert_eq!(total.label, "合计");
    assert_eq!(
        total.funding.total.map(|d| d.to_string()).as_deref(),
        Some("552.50")
    );
    assert_eq!(t.units.len(), 2);
    assert_eq!(t.projects().count(), 8);
    assert_eq!(t.indicators().count(), 29);
    let c = codes(&t);
    assert!(c.contains(&"column-unknown"), "{c:?}");
    let note = t
        .notices
        .iter()
        .find(|n| n.code == "row-note")
        .expect("footer");
    assert_eq!(note.origin.map(|o| o.row), Some(21));
}

#[test]
fn indicator_column_beside_levels_names_the_indicator() {
    let text = "单位：万元
项目名称\t合计\t绩效目标\t绩效指标\t一级指标\t二级指标\t绩效标准\t当年预期实现值
道路养护经费\t100.00\t保障道路通行\t养护里程\t产出指标\t数量指标\t计划标准\t≥120公里
\t\t\t路面完好率\t产出指标\t质量指标\t行业标准\t≥95%";
    let t = build(text, "ezhou.tsv");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(t.column_of(Field::IndicatorName), Some(4));
    assert_eq!(t.column_of(Field::IndicatorCell), None);
    assert_eq!(t.column_of(Field::TargetValue), Some(8));
    let p = t.projects().next().expect("project");
    let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, vec!["养护里程", "路面完好率"]);
    assert!(codes(&t).contains(&"column-unknown"));
}

#[test]
fn header_without_rows_reads_with_a_notice() {
    let t = build(
        "单位：万元\n项目名称\t总计\t财政拨款\t绩效目标\t绩效指标",
        "empty.tsv",
    );
    assert_eq!(t.projects().count(), 0);
    assert!(codes(&t).contains(&"no-projects"), "{:?}", codes(&t));
    let sample = build(SAMPLE, "s.txt");
    assert!(!codes(&sample).contains(&"no-projects"));
}

/// In the one-cell layout a 上年实际值 column has no indicator row to go to: reported.
#[test]
fn prior_actual_column_in_one_cell_layout_is_reported() {
    let text = "单位：万元
项目名称\t总计\t财政拨款\t绩效目标\t绩效指标\t上年实际值
合计\t10.00\t10.00\t\t\t
某项目\t10.00\t10.00\t目标\t1-产出指标：培训人次，年度指标值：≥100人次。\t90";
    let t = build(text, "one-cell-prior.tsv");
    assert_eq!(t.layout, LayoutFamily::OneCell);
    assert_eq!(t.column_of(Field::PriorActual), None);
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "column-unknown")
        .expect("notice");
    assert_eq!(n.origin.map(|o| o.col), Some(6));
    assert!(n.message.contains("上年实际值"), "{}", n.message);
}

#[test]
fn direction_cells_are_read_by_the_grammar() {
    use jixiao_core::model::Direction;
    let mut text = String::from("金额单位:元\n单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重\t指标方向性\n");
    let cells = ["正向指标（越大越好）", "越小越好", "逆向指标", "正向/反向"];
    for (j, d) in cells.iter().enumerate() {
        let head = if j == 0 {
            "820001-某中心\t某某经费\t1,000.00\t目标\t"
        } else {
            "\t\t\t\t"
        };
        text.push_str(&format!(
            "{head}产出指标\t数量指标\t指标{j}\t≥\t5\t个\t10\t{d}\n"
        ));
    }
    let t = build(&text, "d.tsv");
    let read: Vec<Option<Direction>> = t.indicators().map(|(_, i)| i.direction_stated()).collect();
    assert_eq!(
        read,
        [
            Some(Direction::HigherBetter),
            Some(Direction::LowerBetter),
            Some(Direction::LowerBetter),
            None
        ]
    );
    // The contradicting cell is reported where it stands, not guessed.
    let notice = t
        .notices
        .iter()
        .find(|n| n.code == "direction-unknown")
        .expect("a notice for 正向/反向");
    assert_eq!(notice.origin.map(|o| (o.row, o.col)), Some((6, 12)));
}

/// Mark every cell of `g` that parses as a plain number as a bare number, as
/// the XLS/ODS reader does for numeric cells (no display format known).
fn bare_numbers(mut g: Grid<'_>) -> Grid<'_> {
    for row in &mut g.rows {
        for cell in &mut row.cells {
            cell.bare_number =
                !cell.text.is_empty() && cell.text.chars().all(|c| c.is_ascii_digit() || c == '.');
        }
    }
    g
}

#[test]
fn bare_numbers_in_amount_columns_get_two_decimals_and_no_more() {
    let text = "单位：万元\n\
        项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n\
        合计\t168.0049999\t168.0049999\t\t\t\t\n\
        甲项目\t158\t158\t\t\t目标\t1-产出指标：人数，年度指标值：100人。\n\
        乙项目\t10.0049999\t10.0049999\t\t\t目标\t1-产出指标：人数，年度指标值：20人。";
    let t = build_table(&bare_numbers(grid(text)), source("t.xls")).unwrap();
    let totals: Vec<String> = t
        .projects()
        .map(|p| p.funding.total.unwrap().to_string())
        .collect();
    // 158 stored, 158.00 printed; a value with more decimals keeps them all.
    assert_eq!(totals, ["158.00", "10.0049999"]);
    let total = t.grand_total.as_ref().unwrap().funding.total.unwrap();
    assert_eq!(total.to_string(), "168.0049999");
    // The same text from a text file keeps what it printed.
    let t = build_table(&grid(text), source("t.txt")).unwrap();
    let first = t.projects().next().unwrap().funding.total.unwrap();
    assert_eq!(first.to_string(), "158");
}

#[test]
fn bare_numbers_in_yuan_get_two_decimals_in_yuan() {
    let text = "金额单位：元\n\
        项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n\
        甲项目\t1580000\t1580000\t\t\t目标\t1-产出指标：人数，年度指标值：100人。";
    let t = build_table(&bare_numbers(grid(text)), source("t.ods")).unwrap();
    let p = t.projects().next().unwrap();
    let total = p.funding.total.unwrap();
    assert_eq!(total.to_string(), "158.000000");
    assert_eq!(
        jixiao_core::money::from_wan(total, MoneyScale::Yuan).to_string(),
        "1580000.00"
    );
}

/// A unit row that does not balance, in a 元 table: the notice quotes its
/// amount as the table prints it, in 元 (it said `金额 90`, the amount in
/// 万元 with no unit, before).
#[test]
fn unit_sum_notice_quotes_the_amount_in_the_tables_unit() {
    let text = "2024年部门预算项目绩效目标申报表\n金额单位：元\n\
        单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\n\
        合计\t\t900,000.00\t\t\t\t\t\n\
        310001-某区司法局\t\t900,000.00\t\t\t\t\t\n\
        310001-某区司法局\t普法宣传经费\t300,000.00\t深入开展普法宣传。\t产出指标\t数量指标\t开展法治宣传活动\t≥50场\n";
    let t = build(text, "x.txt");
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "unit-sum-mismatch")
        .expect("a unit-sum-mismatch notice");
    assert!(n.message.contains("900000.00 元"), "{}", n.message);
    assert!(n.english().contains("900000.00 元"), "{}", n.english());
}

/// The amounts (总计, 财政拨款, 财政专户拨款, 其他资金) of the 合计 row and of each
/// project, in 万元, as printed ("" for a blank).
fn money_rows(t: &Table) -> Vec<[String; 4]> {
    let row = |f: &jixiao_core::Funding| {
        [
            f.total,
            f.fiscal_appropriation,
            f.special_account,
            f.other_funds,
        ]
        .map(|d| d.map(|d| d.normalize().to_string()).unwrap_or_default())
    };
    t.grand_total
        .iter()
        .map(|g| row(&g.funding))
        .chain(t.projects().map(|p| row(&p.funding)))
        .collect()
}

/// The 1-based column read as `f`.
fn col_of(t: &Table, f: Field) -> Option<u32> {
    t.columns.iter().find(|c| c.field == f).map(|c| c.col)
}

fn refusal(text: &str, path: &str) -> String {
    invalid_message(build_table(&grid(text), source(path)).expect_err(path))
}

/// A two-row header as published: `其中` over the funding sources, the money
/// scale in the second row only, under 资金总额. Merged labels come either as
/// the first cell filled and the cells they cover blank (text saved from a
/// spreadsheet) or as copies of it (XLSX, HTML: ⟪…⟫ here).
#[test]
fn a_two_row_header_with_the_scale_in_its_second_row() {
    let body = "合计\t180.00\t150.00\t\t30.00\t\t
某局\t180.00\t150.00\t\t30.00\t\t
项目甲\t100.00\t80.00\t\t20.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。
项目乙\t80.00\t70.00\t\t10.00\t完成乙任务。\t1-产出指标：乙数量，年度指标值：≥6个。";
    let rows =
        |v: [[&str; 4]; 3]| -> Vec<[String; 4]> { v.iter().map(|r| r.map(String::from)).collect() };
    let wan = rows([
        ["180", "150", "", "30"],
        ["100", "80", "", "20"],
        ["80", "70", "", "10"],
    ]);
    let yuan = rows([
        ["0.018", "0.015", "", "0.003"],
        ["0.01", "0.008", "", "0.002"],
        ["0.008", "0.007", "", "0.001"],
    ]);
    let tops = [
        // Text saved from a spreadsheet: a merged label in its first cell.
        "项目名称\t资金总额\t其中\t\t\t绩效目标\t绩效指标",
        "项目名称\t资金总额\t其中：\t\t\t绩效目标\t绩效指标",
        // XLSX / HTML: the covered cells carry copies.
        "项目名称\t资金总额\t其中：\t⟪其中：⟫\t⟪其中：⟫\t绩效目标\t绩效指标",
    ];
    for top in tops {
        for (unit, scale) in [
            ("（万元）", MoneyScale::WanYuan),
            ("(元)", MoneyScale::Yuan),
            ("万元", MoneyScale::WanYuan),
            ("单位：元", MoneyScale::Yuan),
        ] {
            for copies in [false, true] {
                let bottom = if copies {
                    format!("⟪项目名称⟫\t{unit}\t财政拨款\t财政专户拨款\t其他资金\t⟪绩效目标⟫\t⟪绩效指标⟫")
                } else {
                    format!("\t{unit}\t财政拨款\t财政专户拨款\t其他资金\t\t")
                };
                let text = format!("某局项目支出绩效目标表\n{top}\n{bottom}\n{body}");
                let label = format!("{top} / {bottom}");
                let t = build(&text, "two.tsv");
                assert_eq!(t.money_scale, scale, "{label}");
                assert!(t.money_scale_stated, "{label}");
                assert_eq!(t.header_row, Some(3), "{label}");
                assert_eq!(col_of(&t, Field::Total), Some(2), "{label}");
                assert_eq!(col_of(&t, Field::OtherFunds), Some(5), "{label}");
                let want = if scale == MoneyScale::WanYuan {
                    &wan
                } else {
                    &yuan
                };
                assert_eq!(&money_rows(&t), want, "{label}");
                assert_eq!(t.units.len(), 1, "{label}");
                assert!(t.notices.is_empty(), "{label}: {:?}", t.notices);
                let hs: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
                assert_eq!(hs[1], format!("资金总额/{unit}"), "{label}");
            }
        }
    }
}

/// The scale in the top row (a group label `资金来源（元）` over 合计 and the
/// sources), a `小计` under 资金总额, and the column's own label winning over
/// the 单位 line above the table.
#[test]
fn a_two_row_header_with_the_scale_in_its_group_label() {
    let text = "单位：万元
项目名称\t资金来源（元）\t⟪资金来源（元）⟫\t⟪资金来源（元）⟫\t绩效目标\t绩效指标
⟪项目名称⟫\t合计\t财政拨款\t其他资金\t⟪绩效目标⟫\t⟪绩效指标⟫
项目甲\t1,000,000.00\t800,000.00\t200,000.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。";
    let t = build(text, "group.tsv");
    assert_eq!(t.money_scale, MoneyScale::Yuan);
    assert_eq!(money_rows(&t), [["100", "80", "", "20"].map(String::from)]);
    let conflict: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "money-scale-conflict")
        .collect();
    assert_eq!(conflict.len(), 1, "{:?}", codes(&t));
    assert_eq!(conflict[0].origin.map(|o| (o.row, o.col)), Some((3, 2)));
    // Only the first of the covered cells filled (text saved from a sheet),
    // the total as 小计 under the group, no source column: the same reading.
    let text = "单位：元
项目名称\t资金总额（万元）\t\t绩效目标\t绩效指标
\t小计\t其中：财政拨款\t\t
项目甲\t100.00\t80.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。";
    let t = build(text, "subtotal.tsv");
    assert_eq!(t.money_scale, MoneyScale::WanYuan);
    assert_eq!(money_rows(&t), [["100", "80", "", ""].map(String::from)]);
    assert_eq!(col_of(&t, Field::Total), Some(2));
    assert!(
        codes(&t).contains(&"money-scale-conflict"),
        "{:?}",
        codes(&t)
    );
}

/// A row-per-indicator table whose 预算数 has its scale in the second header
/// row: the indicator columns are blank there.
#[test]
fn a_row_layout_header_with_the_scale_under_its_amount() {
    let text = "单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标值
\t\t（元）\t\t\t\t\t
某单位\t项目甲\t120,000.00\t完成甲任务。\t产出指标\t数量指标\t甲数量\t≥5个
\t\t\t\t效益指标\t社会效益指标\t甲效益\t明显";
    let t = build(text, "rows.tsv");
    assert_eq!(t.layout, LayoutFamily::RowPerIndicator);
    assert_eq!(t.money_scale, MoneyScale::Yuan);
    assert_eq!(t.header_row, Some(2));
    assert_eq!(money_rows(&t), [["12", "", "", ""].map(String::from)]);
    assert_eq!(t.projects().map(|p| p.indicators.len()).sum::<usize>(), 2);
    assert!(!codes(&t).contains(&"amount-unparseable"));
}

/// Where the two rows cannot be read with confidence, the header is refused
/// naming the cells: never read in a guessed scale.
#[test]
fn an_ambiguous_two_row_header_scale_is_refused_naming_the_cells() {
    let body = "项目甲\t100.00\t80.00\t20.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。";
    // One column's two rows disagree.
    let e = refusal(
        &format!(
            "项目名称\t预算数（万元）\t其中\t\t绩效目标\t绩效指标\n\t（元）\t财政拨款\t其他资金\t\t\n{body}"
        ),
        "both.tsv",
    );
    assert!(
        e.contains("第2行 第2列")
            && e.contains("同时写了万元和元")
            && e.contains("预算数（万元）/（元）"),
        "{e}"
    );
    // Two amount columns disagree (also in a one-row header).
    let e = refusal(
        &format!("项目名称\t总计（万元）\t财政拨款（元）\t其他资金\t绩效目标\t绩效指标\n{body}"),
        "cols.tsv",
    );
    assert!(
        e.contains("第1行 第3列")
            && e.contains("「总计（万元）」为万元")
            && e.contains("「财政拨款（元）」为元"),
        "{e}"
    );
    let e = refusal(
        &format!(
            "项目名称\t资金总额\t其中\t\t绩效目标\t绩效指标\n\t（万元）\t财政拨款（元）\t其他资金\t\t\n{body}"
        ),
        "rows.tsv",
    );
    assert!(
        e.contains("第2行 第3列") && e.contains("金额单位不一致"),
        "{e}"
    );
    // A unit alone beside no amount column: which column it meant is unknown.
    for (bottom, col) in [
        ("（万元）\t\t财政拨款\t其他资金\t\t", 1),
        ("\t\t财政拨款\t其他资金\t（元）\t", 5),
    ] {
        let e = refusal(
            &format!("项目名称\t预算数\t其中\t\t绩效目标\t绩效指标\n{bottom}\n{body}"),
            "stray.tsv",
        );
        assert!(
            e.contains(&format!("第2行 第{col}列")) && e.contains("不在金额列"),
            "{bottom}: {e}"
        );
    }
    // A unit jixiao does not hold, in the second row: refused as in one row.
    let e = refusal(
        &format!("项目名称\t预算数\t其中\t\t绩效目标\t绩效指标\n\t（千元）\t财政拨款\t其他资金\t\t\n{body}"),
        "k.tsv",
    );
    assert!(
        e.contains("第2行 第2列") && e.contains("只读元或万元"),
        "{e}"
    );
}

/// `小计` under `年度预算资金（万元）` spread over the total and the sources
/// (/tmp/ur7/in/h3-2row-xiaoji.tsv: the total column was unknown and the
/// scale assumed).
#[test]
fn a_two_row_header_with_a_subtotal_under_the_years_budget() {
    let text = "某局项目支出绩效目标表
项目名称\t年度预算资金（万元）\t⟪年度预算资金（万元）⟫\t⟪年度预算资金（万元）⟫\t⟪年度预算资金（万元）⟫\t绩效目标\t绩效指标
⟪项目名称⟫\t小计\t财政拨款\t财政专户拨款\t其他资金\t⟪绩效目标⟫\t⟪绩效指标⟫
项目甲\t100.00\t80.00\t\t20.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。";
    let t = build(text, "xiaoji.tsv");
    assert_eq!(t.money_scale, MoneyScale::WanYuan);
    assert!(t.money_scale_stated);
    assert_eq!(col_of(&t, Field::Total), Some(2));
    assert_eq!(money_rows(&t), [["100", "80", "", "20"].map(String::from)]);
    assert!(t.notices.is_empty(), "{:?}", t.notices);
}

/// 合计 with a colon, its scale in brackets or the department before it is
/// the grand total, not a fund-using unit that owns every project
/// (/tmp/ur8 D8: `合计：` became the unit 合计：).
#[test]
fn total_rows_labelled_with_a_colon_scale_or_department() {
    for label in [
        "合计：",
        "合计:",
        "合计（万元）",
        "合计(万元)",
        "本部门合计",
        "部门合计",
        "合  计",
    ] {
        let text = format!(
            "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标
{label}\t30.00\t30.00\t\t\t\t
甲项目\t10.00\t10.00\t\t\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。
乙项目\t20.00\t20.00\t\t\t完成乙任务。\t1-产出指标：乙数量，年度指标值：≥6个。"
        );
        let t = build(&text, "total.tsv");
        assert!(t.grand_total.is_some(), "{label}");
        assert!(t.units.iter().all(|u| u.name != label), "{label}");
        assert_eq!(t.projects().count(), 2, "{label}");
    }
    // A name that merely holds 合计 is no total row.
    let text =
        "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标
合计报表编制经费\t30.00\t30.00\t\t\t编制报表。\t1-产出指标：报表数量，年度指标值：≥5份。";
    let t = build(text, "not-total.tsv");
    assert!(t.grand_total.is_none());
}

/// The one-cell layout with a project's cells merged down over rows, one
/// 绩效指标 item a row (rowspan here, merged cells in XLSX): one project whose
/// money counts once (/tmp/ur8 D1: 5 projects and 130 万元 instead of 2 and 50).
#[test]
fn one_cell_rows_of_a_merged_project_are_one_project() {
    let html = "<table>
<tr><td>项目名称（资金使用单位）</td><td>总计</td><td>财政拨款</td><td>财政专户拨款</td><td>其他资金</td><td>绩效目标</td><td>绩效指标</td></tr>
<tr><td rowspan=3>甲项目</td><td rowspan=3>30.00</td><td rowspan=3>30.00</td><td rowspan=3></td><td rowspan=3></td><td rowspan=3>完成甲任务。</td><td>1-产出指标：服务人次，年度指标值：≥500人次。</td></tr>
<tr><td>2-效益指标：覆盖率，年度指标值：≥90%。</td></tr>
<tr><td>3-满意度指标：满意度，年度指标值：≥85%。</td></tr>
<tr><td rowspan=2>乙项目</td><td rowspan=2>20.00</td><td rowspan=2>20.00</td><td rowspan=2></td><td rowspan=2></td><td rowspan=2>完成乙任务。</td><td>1-产出指标：场次，年度指标值：≥5场。</td></tr>
<tr><td>2-满意度指标：满意度，年度指标值：≥90%。</td></tr>
</table>";
    let t = jixiao_formats::read::read_bytes("merged.html", html.as_bytes(), &Default::default())
        .unwrap();
    let projects: Vec<(&str, usize)> = t
        .projects()
        .map(|p| (p.name.as_str(), p.indicators.len()))
        .collect();
    assert_eq!(projects, [("甲项目", 3), ("乙项目", 2)]);
    let sum: rust_decimal::Decimal = t.projects().filter_map(|p| p.funding.amount()).sum();
    assert_eq!(sum.to_string(), "50.00");
    let merged = t
        .notices
        .iter()
        .filter(|n| n.code == "project-rows-merged")
        .count();
    assert_eq!(merged, 3, "{:?}", t.notices);
    // Two projects of one name, each its own row (no merge), stay two.
    let html = html.replace(" rowspan=3", "").replace(" rowspan=2", "");
    let t = jixiao_formats::read::read_bytes("plain.html", html.as_bytes(), &Default::default())
        .unwrap();
    assert!(t.notices.iter().all(|n| n.code != "project-rows-merged"));
}

/// The header printed again on the next page (after data) is dropped with a
/// note, in one row or two; after title and 单位 lines it starts another
/// table, which is refused with that said (/tmp/ur8 D10: "「总计」不是金额",
/// with a hint to type a number into the header). A signature line
/// `单位负责人：…` is a note.
#[test]
fn a_header_printed_again() {
    let h = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标";
    let p = |name: &str, a: &str| {
        format!("{name}\t{a}\t{a}\t\t\t完成任务。\t1-产出指标：数量，年度指标值：≥5个。")
    };
    let text = format!(
        "{h}\n合计\t30.00\t30.00\t\t\t\t\n{}\n{h}\n{}\n单位负责人：赵六\t2024-01-10\t\t\t\t\t",
        p("甲项目", "10.00"),
        p("乙项目", "20.00")
    );
    let t = build(&text, "pages.tsv");
    assert_eq!(t.projects().count(), 2);
    assert!(codes(&t).contains(&"header-repeated"), "{:?}", codes(&t));
    assert!(codes(&t).contains(&"row-note"), "{:?}", codes(&t));
    // The note quotes the whole line, the date beside the name too (/tmp/ur8 D13).
    let note = t.notices.iter().find(|n| n.code == "row-note").unwrap();
    assert!(
        note.message.contains("单位负责人：赵六  2024-01-10"),
        "{}",
        note.message
    );
    // Two rows again.
    let top = "项目名称\t资金总额\t其中：\t\t\t绩效目标\t绩效指标";
    let bottom = "\t（万元）\t财政拨款\t财政专户拨款\t其他资金\t\t";
    let text = format!(
        "{top}\n{bottom}\n合计\t30.00\t30.00\t\t\t\t\n{}\n{top}\n{bottom}\n{}",
        p("甲项目", "10.00"),
        p("乙项目", "20.00")
    );
    let t = build(&text, "pages2.tsv");
    assert_eq!(t.projects().count(), 2);
    assert_eq!(
        codes(&t)
            .iter()
            .filter(|c| **c == "header-repeated")
            .count(),
        2
    );
    // After a title and a 单位 line: another table.
    let text = format!(
        "{h}\n合计\t10.00\t10.00\t\t\t\t\n{}\n项目支出绩效目标表\n单位：万元\n{h}\n合计\t20.00\t20.00\t\t\t\t\n{}",
        p("甲项目", "10.00"),
        p("乙项目", "20.00")
    );
    let e = build_table(&grid(&text), source("two.tsv")).unwrap_err();
    let m = invalid_message(e);
    assert!(m.contains("另一张表"), "{m}");
}

/// `单位：元` midway through a 万元 table starts rows in another scale
/// (another table, /tmp/ur8 D6: 455 000 元 read as 455 000 万元): refused at
/// its row. The same scale again is a heading, as before.
#[test]
fn a_scale_line_midway_in_another_scale_is_refused() {
    let h = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标";
    let p = |name: &str, a: &str| {
        format!("{name}\t{a}\t{a}\t\t\t完成任务。\t1-产出指标：数量，年度指标值：≥5个。")
    };
    let text = format!(
        "单位：万元\n{h}\n合计\t10.00\t10.00\t\t\t\t\n{}\n单位：元\n{}",
        p("甲项目", "10.00"),
        p("图书采购", "455000.00")
    );
    let e = build_table(&grid(&text), source("two.tsv")).unwrap_err();
    let m = invalid_message(e);
    assert!(m.contains("第5行") && m.contains("单位：元"), "{m}");
    let text = format!(
        "单位：万元\n{h}\n合计\t30.00\t30.00\t\t\t\t\n{}\n单位：万元\n{}",
        p("甲项目", "10.00"),
        p("乙项目", "20.00")
    );
    let t = build(&text, "same.tsv");
    assert_eq!(t.projects().count(), 2);
}

/// The title's `（单位：元）` against a line of its own saying 万元: the line
/// is read, and the disagreement said.
#[test]
fn a_scale_line_wins_over_the_title_brackets_and_says_so() {
    let text = "2024年项目支出绩效目标表（单位：元）
单位：万元
项目名称\t总计\t绩效目标\t绩效指标
项目甲\t10.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。";
    let t = build(text, "title-conflict.tsv");
    assert_eq!(t.money_scale, MoneyScale::WanYuan);
    assert_eq!(totals(&t), ["10.00"]);
    let n: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "money-scale-conflict")
        .collect();
    assert_eq!(n.len(), 1, "{:?}", codes(&t));
    assert!(n[0].message.contains("第1行") && n[0].message.contains("第2行"));
    // The title alone: its scale, no notice.
    let t = build(
        &text
            .replace("单位：万元\n", "")
            .replace("10.00", "100,000.00"),
        "t.tsv",
    );
    assert_eq!(t.money_scale, MoneyScale::Yuan);
    assert_eq!(totals(&t), ["10.000000"]);
    assert!(
        !codes(&t).iter().any(|c| c.starts_with("money-scale")),
        "{:?}",
        codes(&t)
    );
}

/// ur10 D7: a 上年结转资金 column was left unread (`column-unknown`), and the
/// row's 总计 100 then failed against 财政拨款 60 + 其他资金 10.
#[test]
fn a_carry_over_column_is_counted_in_fiscal_appropriation() {
    let one_cell =
        "单位：万元\n项目名称\t总计\t当年财政拨款\t上年结转资金\t其他资金\t绩效目标\t绩效指标\n\
        甲项目\t100\t60\t30\t10\t甲目标。\t1-产出指标：数量，年度指标值：5个。\n\
        乙项目\t100\t90\t30\t10\t乙目标。\t1-产出指标：数量，年度指标值：5个。";
    let rows = "单位：万元\n项目名称\t总计\t财政拨款\t上年结转\t其他资金\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\n\
        甲项目\t100\t60\t30\t10\t甲目标。\t产出指标\t数量指标\t人数\t≥5人\n\
        \t\t\t\t\t\t满意度指标\t满意度指标\t满意度\t≥90%\n\
        乙项目\t100\t90\t30\t10\t乙目标。\t产出指标\t数量指标\t人数\t≥5人";
    for text in [one_cell, rows] {
        let t = build(text, "carry.tsv");
        let fiscal: Vec<Option<String>> = t.units[0]
            .projects
            .iter()
            .map(|p| p.funding.fiscal_appropriation.map(|d| d.to_string()))
            .collect();
        // 乙: its sources already make its total, so the carry-over is within them.
        assert_eq!(
            fiscal,
            [Some("90".to_string()), Some("90".to_string())],
            "{text}"
        );
        assert!(codes(&t).contains(&"amount-carry-over"), "{:?}", codes(&t));
        assert!(!codes(&t).contains(&"column-unknown"), "{:?}", codes(&t));
    }
    // Its other names (/tmp/ur11 c10–c13); an indicator-like 率 is none.
    for label in [
        "上年结余结转",
        "结转结余资金",
        "上年结余资金",
        "以前年度结转",
    ] {
        let t = build(&one_cell.replace("上年结转资金", label), "carry.tsv");
        assert_eq!(
            t.units[0].projects[0]
                .funding
                .fiscal_appropriation
                .map(|d| d.to_string()),
            Some("90".to_string()),
            "{label}"
        );
    }
    let t = build(
        &one_cell.replace("上年结转资金", "结转资金消化率"),
        "rate.tsv",
    );
    assert!(!codes(&t).contains(&"amount-carry-over"), "{:?}", codes(&t));
}

/// A form's closing rows printed under a table (`其他需要说明的问题 | 无`,
/// `主管部门审核意见 | 同意`) are notes: the table was refused at 「无」 as an
/// amount (the label of /tmp/ur11 left outside forms).
#[test]
fn closing_rows_under_a_table_are_notes() {
    let text = "单位：万元\n项目名称\t总计\t绩效目标\t绩效指标\n\
        项目甲\t10.00\t完成甲任务。\t1-产出指标：甲数量，年度指标值：≥5个。\n\
        其他需要说明的问题\t无\n主管部门审核意见\t同意\n财政部门审核意见：同意\n";
    let t = build(text, "close.tsv");
    assert_eq!(t.projects().count(), 1);
    let rows: Vec<u32> = t
        .notices
        .iter()
        .filter(|n| n.code == "row-note")
        .filter_map(|n| n.origin.map(|o| o.row))
        .collect();
    assert_eq!(rows, [4, 5, 6], "{:?}", codes(&t));
    // A project whose name merely contains 意见 is a project.
    let t = build(&text.replace("项目甲", "群众意见征集经费"), "p.tsv");
    assert_eq!(
        t.projects().next().map(|p| p.name.as_str()),
        Some("群众意见征集经费")
    );
}

#[test]
fn a_row_of_another_period_in_a_table_of_rows_is_refused_at_its_cell() {
    // ur45 P27/P28: a 年度 column the header reader does not hold said the
    // row's money was 2023's in a 2024 table (it was read as the year's).
    let table = |title: &str, head: &str, a: &str, b: &str| {
        format!(
            "部门预算项目绩效目标申报表\n{title}\n单位：万元\n\
             单位名称\t项目名称\t{head}\t资金总额\t财政拨款\t其他资金\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\n\
             101-人社局\t技能培训项目\t{a}\t1000.00\t800.00\t200.00\t培训500人次\t产出指标\t数量指标\t培训人次\t≥500人次\n\
             101-人社局\t就业补助项目\t{b}\t900.00\t700.00\t200.00\t补助300人\t产出指标\t数量指标\t补助人数\t≥300人"
        )
    };
    let read = |text: &str| build_table(&grid(text), source("rows.xlsx"));
    for (head, b) in [
        ("年度", "2023年"),
        ("所属年度", "上年"),
        ("资金年度", "2023"),
    ] {
        let m =
            invalid_message(read(&table("（2024年度）", head, "2024年", b)).expect_err("refused"));
        assert!(
            m.contains("第6行") && m.contains("第3列") && m.contains("不是本表的2024年度"),
            "{head} {b}: {m}"
        );
    }
    // ur48 R: other spellings of another period; a sentence in a column
    // headed 年度 (a goal's) is no period.
    for b in [
        "下一年度",
        "次年",
        "前年",
        "23年",
        "2023.1-2023.12",
        "二〇二三",
        "2023财年",
    ] {
        let m = invalid_message(
            read(&table("（2024年度）", "年度", "2024年", b)).expect_err("refused"),
        );
        assert!(m.contains("第6行"), "{b}: {m}");
    }
    for goal in [
        "2023年结转任务完成后，2024年培训500人次",
        "完成2023年结转任务",
    ] {
        let t = read(&table("（2024年度）", "年度", goal, "2024年")).expect("read");
        assert_eq!(t.projects().count(), 2, "{goal}");
    }
    // A table naming no year, its rows two years.
    let m = invalid_message(read(&table("", "年度", "2024年", "2023年")).expect_err("refused"));
    assert!(m.contains("第6行") && m.contains("没有写明预算年度"), "{m}");
    // The year's rows read; a project's date is no such column.
    for (head, a, b) in [("年度", "2024年", "2024"), ("立项年度", "2019年", "2020年")] {
        let t = read(&table("（2024年度）", head, a, b)).expect("read");
        assert_eq!(t.projects().count(), 2, "{head}");
    }
}

#[test]
fn a_form_above_a_table_of_rows_is_refused_not_dropped() {
    // ur48 S37: the form's project was dropped unread.
    let text = "项目支出绩效目标申报表\n（2024年度）\n项目名称\t技能培训项目\n\
        主管部门及代码\t101-人社局\t\t实施单位\t市就业服务中心\n\
        项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n\
        绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥500人次\n\
        单位名称\t项目名称\t资金总额\t财政拨款\t其他资金\t一级指标\t二级指标\t三级指标\t指标值\n\
        102-交通局\t道路养护项目\t500.00\t400.00\t100.00\t产出指标\t数量指标\t养护里程\t≥50公里";
    let m = invalid_message(build_table(&grid(text), source("mixed.xlsx")).expect_err("refused"));
    assert!(m.contains("第3行") && m.contains("申报表"), "{m}");
    // A title naming the project above a table of rows is no form.
    let rows = "某局2024年项目支出绩效目标表\n\
        单位名称\t项目名称\t资金总额\t财政拨款\t其他资金\t一级指标\t二级指标\t三级指标\t指标值\n\
        102-交通局\t道路养护项目\t500.00\t400.00\t100.00\t产出指标\t数量指标\t养护里程\t≥50公里";
    assert!(build_table(&grid(rows), source("rows.xlsx")).is_ok());
}

#[test]
fn a_tianjin_investment_plan_reads_its_money_and_the_places_it_goes_to() {
    // GUIDE §3.4 (a probe's ot02): `下达中央预算内投资(万元)` is the money and
    // `下达地方或单位` the unit; one 专项 allotted to two districts is two
    // projects of two units, not one unit's project entered twice.
    let text = [
        "2022年中央预算内投资计划绩效目标表",
        "专项名称\t下达地方或单位\t下达中央预算内投资(万元)\t总体目标\t绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
        "城镇老旧小区改造配套基础设施\t和平区\t2860.00\t完成12个老旧小区配套基础设施改造。\t\t产出指标\t数量指标\t改造小区个数\t≥12个",
        "\t\t\t\t\t满意度指标\t服务对象满意度指标\t居民满意度\t≥90%",
        "城镇老旧小区改造配套基础设施\t河西区\t1540.00\t完成7个老旧小区配套基础设施改造。\t\t产出指标\t数量指标\t改造小区个数\t≥7个",
        "\t\t\t\t\t满意度指标\t服务对象满意度指标\t居民满意度\t≥90%",
    ]
    .join("\n");
    let t = build(&text, "tj.txt");
    let got: Vec<(String, Vec<(String, String)>)> = t
        .units
        .iter()
        .map(|u| {
            let ps = u
                .projects
                .iter()
                .map(|p| {
                    (
                        p.name.clone(),
                        p.funding.total.map_or("-".into(), |d| d.to_string()),
                    )
                })
                .collect();
            (u.name.clone(), ps)
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "和平区".to_string(),
                vec![(
                    "城镇老旧小区改造配套基础设施".to_string(),
                    "2860.00".to_string()
                )]
            ),
            (
                "河西区".to_string(),
                vec![(
                    "城镇老旧小区改造配套基础设施".to_string(),
                    "1540.00".to_string()
                )]
            ),
        ]
    );
    assert!(
        !codes(&t).contains(&"amount-columns-unread"),
        "{:?}",
        codes(&t)
    );
}

#[test]
fn amounts_grouped_by_spaces_read_and_other_spaces_are_refused() {
    // A probe's tk18: 元 printed `12 600 000.00`, as PDF text and some Word
    // tables print them, were 「12 600 000.00」不是金额 (amount-unparseable).
    let text = "项目支出绩效目标表
金额单位：元
项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标
城区环境卫生保洁服务经费\t12 600 000.00\t12\u{A0}600\u{A0}000.00\t\t\t保洁全覆盖。\t1-产出指标：保洁面积，年度指标值：≥320万平方米。
高标准农田建设项目\t15 000 000.00\t12 000 000.00\t\t3\u{202F}000\u{202F}000.00\t新建高标准农田1.2万亩。\t1-产出指标：新建高标准农田面积，年度指标值：≥1.2万亩。";
    let t = build(text, "spaces.tsv");
    let s = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let got: Vec<[String; 3]> = t
        .projects()
        .map(|p| {
            let f = &p.funding;
            [s(f.total), s(f.fiscal_appropriation), s(f.other_funds)]
        })
        .collect();
    assert_eq!(
        got,
        [
            ["1260.000000", "1260.000000", ""],
            ["1500.000000", "1200.000000", "300.000000"]
        ]
    );
    assert!(
        !codes(&t).contains(&"amount-unparseable"),
        "{:?}",
        t.notices
    );
    // A space not between groups of three is still no amount: the read
    // fails at that cell, and a lenient read says so and leaves it blank.
    for bad in ["12 60 000.00", "1 2", "12  600", "1 260,000.00"] {
        let text = text.replacen("12 600 000.00", bad, 1);
        let e = build_table(&grid(&text), source("spaces.tsv")).expect_err(bad);
        let m = invalid_message(e);
        assert!(m.contains("第4行 第2列") && m.contains(bad), "{bad}: {m}");
        let t = build_table_with(&grid(&text), source("spaces.tsv"), true).expect("lenient");
        let bad_at: Vec<(u32, u32)> = t
            .notices
            .iter()
            .filter(|n| n.code == "amount-unparseable")
            .filter_map(|n| n.origin.map(|o| (o.row, o.col)))
            .collect();
        assert_eq!(bad_at, [(4, 2)], "{bad}");
    }
}

/// A multi-year project's table (a probe's tk12): `项目总金额 | 2024年预算数`,
/// `header` in place of the header row's money columns.
fn multi_year(title: &str, header: &str) -> String {
    format!(
        "{title}
单位：万元
项目名称\t{header}\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标值
高标准农田建设项目\t4500.00\t1500.00\t新建高标准农田1.2万亩。\t产出指标\t数量指标\t新建高标准农田面积\t≥1.2万亩
\t\t\t\t产出指标\t质量指标\t工程验收合格率\t100%
农村公路养护资金\t1440.00\t480.00\t完成全区农村公路日常养护。\t产出指标\t数量指标\t养护农村公路里程\t≥620公里"
    )
}

fn notice_at(t: &Table, col: u32) -> Option<String> {
    t.notices
        .iter()
        .find(|n| n.origin.is_some_and(|o| o.col == col))
        .map(|n| format!("{} {}", n.code, n.message))
}

#[test]
fn a_year_budget_beside_the_whole_projects_amount_is_the_total() {
    // A probe's tk12: neither money column was read (column-unknown twice,
    // amount-columns-unread), so the projects had no money at all.
    let read = ["1500.00", "480.00"];
    for (title, header) in [
        ("2024年项目支出绩效目标表", "项目总金额\t2024年预算数"),
        (
            "2024年项目支出绩效目标表",
            "项目总金额\t2024年度预算（万元）",
        ),
        ("2024年项目支出绩效目标表", "项目总金额\t本年预算数"),
        ("2024年项目支出绩效目标表", "项目总金额\t当年预算数"),
        ("2024年项目支出绩效目标表", "项目总投资\t2024年预算"),
        ("2024年项目支出绩效目标表", "总投资\t2024年预算数"),
        ("2024年项目支出绩效目标表", "项目总预算\t2024年预算数"),
        // Last year's beside this year's: this year's.
        ("2024年项目支出绩效目标表", "2023年预算数\t2024年预算数"),
        // No year above the header: the only year's budget.
        ("项目支出绩效目标表", "项目总金额\t2024年预算数"),
    ] {
        let t = build(&multi_year(title, header), "multi.tsv");
        assert_eq!(totals(&t), read, "{header}");
        let total = t.columns.iter().find(|c| c.field == Field::Total);
        assert_eq!(total.map(|c| c.col), Some(3), "{header}");
        assert!(
            !codes(&t).contains(&"amount-columns-unread"),
            "{header}: {:?}",
            t.notices
        );
        // The whole project's amount is not dropped silently: a note says
        // what it is and where the year's total was read instead.
        let note = notice_at(&t, 2).unwrap_or_else(|| panic!("{header}: no note on column 2"));
        assert!(note.starts_with("column-unknown "), "{header}: {note}");
        let h2 = header.split('\t').next().unwrap_or_default();
        let h3 = header.split('\t').nth(1).unwrap_or_default();
        if h2 == "2023年预算数" {
            assert!(note.contains("不是本表2024年度的总计"), "{note}");
        } else {
            assert!(
                note.contains("全周期") && note.contains(&format!("本年总计取「{h3}」")),
                "{header}: {note}"
            );
        }
    }
}

#[test]
fn another_years_budget_or_an_unknown_year_is_not_the_total() {
    for (title, header, note3) in [
        // Another year's money than the table's.
        (
            "2024年项目支出绩效目标表",
            "项目总金额\t2023年预算数",
            "不是本表2024年度的总计",
        ),
        (
            "2025年项目支出绩效目标表",
            "项目总金额\t2024年预算数",
            "不是本表2025年度的总计",
        ),
        // Several years and none stated: which is the year's cannot be told.
        (
            "项目支出绩效目标表",
            "2024年预算数\t2025年预算数",
            "无法确定哪一列是本年的总计",
        ),
    ] {
        let t = build(&multi_year(title, header), "other.tsv");
        assert_eq!(totals(&t), ["", ""], "{title} {header}");
        assert!(codes(&t).contains(&"amount-columns-unread"), "{header}");
        let note = notice_at(&t, 3).unwrap_or_default();
        assert!(
            note.starts_with("column-unknown ") && note.contains(note3),
            "{header}: {note}"
        );
    }
}

#[test]
fn the_whole_projects_amount_alone_reads_as_before() {
    // `项目总金额` alone is not read (it may be the year's amount or the
    // whole project's): unchanged, with the notes it had.
    let text = multi_year("2024年项目支出绩效目标表", "项目总金额\t2024年预算数")
        .lines()
        .map(|l| {
            let mut cells: Vec<&str> = l.split('\t').collect();
            if cells.len() > 2 {
                cells.remove(2);
            }
            cells.join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let t = build(&text, "alone.tsv");
    assert_eq!(totals(&t), ["", ""]);
    let note = notice_at(&t, 2).unwrap_or_default();
    assert!(
        note.starts_with("column-unknown ") && note.contains("未识别的表头「项目总金额」"),
        "{note}"
    );
    assert!(codes(&t).contains(&"amount-columns-unread"));
    // Beside a total named as such, a year's budget by its year is left as
    // it was (the named total is read).
    let t = build(
        &multi_year("2024年项目支出绩效目标表", "预算数\t2024年预算数"),
        "named.tsv",
    );
    assert_eq!(totals(&t), ["4500.00", "1440.00"]);
    let note = notice_at(&t, 3).unwrap_or_default();
    assert!(note.contains("未识别的表头「2024年预算数」"), "{note}");
}
