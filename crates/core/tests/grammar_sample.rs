//! The 29 indicators of the Haizhu sample (GUIDE §1.6), field by field.

use jixiao_core::grammar::{format_cell, parse_cell};
use jixiao_core::{Category, Origin, Target};
use rust_decimal::Decimal;

const SAMPLE: &str =
    include_str!("../../../tests/fixtures/haizhu-youth-league-2024-project-targets.txt");

/// (project, seq, 一级, name, raw value, label, number, unit)
type Row = (
    &'static str,
    u32,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
);

const ORACLE: [Row; 29] = [
    (
        "“青年地带”青少年服务经费",
        1,
        "产出指标",
        "活动服务人数",
        "5000人次",
        None,
        "5000",
        "人次",
    ),
    (
        "“青年地带”青少年服务经费",
        2,
        "产出指标",
        "家庭探访个数",
        "70个",
        None,
        "70",
        "个",
    ),
    (
        "“青年地带”青少年服务经费",
        3,
        "产出指标",
        "发布新媒体推送",
        "发布新媒体推送100篇",
        Some("发布新媒体推送"),
        "100",
        "篇",
    ),
    (
        "“青年地带”青少年服务经费",
        4,
        "满意度指标",
        "服务对象满意度",
        "服务对象满意度85%",
        Some("服务对象满意度"),
        "85",
        "%",
    ),
    (
        "“青年地带”青少年服务经费",
        5,
        "效益指标",
        "实务经验文章",
        "10篇",
        None,
        "10",
        "篇",
    ),
    (
        "“青年地带”青少年服务经费",
        6,
        "产出指标",
        "个案介入个数",
        "服务个案数65个",
        Some("服务个案数"),
        "65",
        "个",
    ),
    (
        "驻镇帮镇扶村项目资金",
        2,
        "效益指标",
        "为对口帮扶社区解决1-2个实际困难或问题",
        "完成率100%",
        Some("完成率"),
        "100",
        "%",
    ),
    (
        "团委各项工作经费",
        1,
        "效益指标",
        "维系青少年人数",
        "30000人",
        None,
        "30000",
        "人",
    ),
    (
        "团委各项工作经费",
        2,
        "产出指标",
        "发布新媒体推送",
        "30篇",
        None,
        "30",
        "篇",
    ),
    (
        "团委各项工作经费",
        3,
        "产出指标",
        "新发展团员",
        "1000名",
        None,
        "1000",
        "名",
    ),
    (
        "团委各项工作经费",
        4,
        "产出指标",
        "新建“两新”团组织",
        "100个",
        None,
        "100",
        "个",
    ),
    (
        "团委各项工作经费",
        5,
        "产出指标",
        "招募大学实习生",
        "300名",
        None,
        "300",
        "名",
    ),
    (
        "团委各项活动费",
        1,
        "产出指标",
        "举办婚恋交友活动",
        "200人次",
        None,
        "200",
        "人次",
    ),
    (
        "团委各项活动费",
        2,
        "产出指标",
        "举办团、队干部培训",
        "300人次",
        None,
        "300",
        "人次",
    ),
    (
        "团委各项活动费",
        3,
        "产出指标",
        "举办全区党青团课大赛",
        "1场",
        None,
        "1",
        "场",
    ),
    (
        "青年地带（预防青少年违法犯罪服务）项目经费",
        1,
        "产出指标",
        "活动服务人次",
        "4500人次",
        None,
        "4500",
        "人次",
    ),
    (
        "青年地带（预防青少年违法犯罪服务）项目经费",
        2,
        "产出指标",
        "服务个案数",
        "150个",
        None,
        "150",
        "个",
    ),
    (
        "青年地带（预防青少年违法犯罪服务）项目经费",
        3,
        "满意度指标",
        "服务对象满意度",
        "90%",
        None,
        "90",
        "%",
    ),
    (
        "青年地带（预防青少年违法犯罪服务）项目经费",
        4,
        "效益指标",
        "实务经验文章",
        "10篇",
        None,
        "10",
        "篇",
    ),
    (
        "青年地带（预防青少年违法犯罪服务）项目经费",
        5,
        "效益指标",
        "组建志愿服务队",
        "1000人次",
        None,
        "1000",
        "人次",
    ),
    (
        "2024年“青年地带”驻校社工服务项目经费",
        1,
        "产出指标",
        "活动服务人次",
        "20000人次",
        None,
        "20000",
        "人次",
    ),
    (
        "2024年“青年地带”驻校社工服务项目经费",
        2,
        "产出指标",
        "服务个案数",
        "150个",
        None,
        "150",
        "个",
    ),
    (
        "2024年“青年地带”驻校社工服务项目经费",
        3,
        "满意度指标",
        "服务对象满意度",
        "90%",
        None,
        "90",
        "%",
    ),
    (
        "2024年“青年地带”驻校社工服务项目经费",
        4,
        "效益指标",
        "实务经验文章",
        "10篇",
        None,
        "10",
        "篇",
    ),
    (
        "2024年“青年地带”驻校社工服务项目经费",
        5,
        "效益指标",
        "组建志愿服务队",
        "10个",
        None,
        "10",
        "个",
    ),
    (
        "综合业务费",
        1,
        "效益指标",
        "维系社会组织，志愿服务队",
        "50个",
        None,
        "50",
        "个",
    ),
    (
        "综合业务费",
        2,
        "产出指标",
        "志愿服务岗位",
        "5000个",
        None,
        "5000",
        "个",
    ),
    (
        "志愿服务费",
        1,
        "产出指标",
        "志愿服务岗位",
        "5000个",
        None,
        "5000",
        "个",
    ),
    (
        "志愿服务费",
        2,
        "产出指标",
        "开展志愿服务活动次数",
        "20场",
        None,
        "20",
        "场",
    ),
];

fn category_of(label: &str) -> Category {
    match label {
        "产出指标" => Category::Output,
        "效益指标" => Category::Outcome,
        "满意度指标" => Category::Satisfaction,
        other => panic!("unexpected 一级 in the oracle: {other}"),
    }
}

/// (line number, project name, indicator cell) of every row with indicators.
fn project_cells() -> Vec<(u32, &'static str, &'static str)> {
    SAMPLE
        .split('\n')
        .enumerate()
        .filter_map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() == 7 && !fields[6].is_empty() && fields[6] != "绩效指标" {
                Some((i as u32 + 1, fields[0], fields[6]))
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn sample_has_eight_project_cells() {
    let cells = project_cells();
    assert_eq!(cells.len(), 8);
    assert_eq!(cells[0].0, 12);
    assert_eq!(cells[7].0, 20);
}

#[test]
fn all_29_indicators_field_by_field() {
    let mut got = Vec::new();
    for (line, project, cell) in project_cells() {
        let origin = Origin::new(line, 7);
        let parsed = parse_cell(cell, origin);
        assert!(
            parsed.problems.is_empty(),
            "{project}: {:?}",
            parsed.problems
        );
        for ind in parsed.indicators {
            assert_eq!(ind.origin, origin);
            got.push((project, ind));
        }
    }
    assert_eq!(got.len(), 29);
    for (k, ((project, ind), row)) in got.iter().zip(ORACLE.iter()).enumerate() {
        let (o_project, seq, level, name, raw, label, number, unit) = *row;
        let ctx = format!("indicator {} ({o_project}-{seq})", k + 1);
        assert_eq!(*project, o_project, "{ctx}");
        assert_eq!(ind.seq, Some(seq), "{ctx}");
        assert_eq!(ind.category, category_of(level), "{ctx}");
        assert_eq!(ind.category_raw, level, "{ctx}");
        assert_eq!(ind.subcategory, None, "{ctx}");
        assert_eq!(ind.name, name, "{ctx}");
        assert_eq!(ind.raw_value, raw, "{ctx}");
        assert_eq!(ind.value_label.as_deref(), label, "{ctx}");
        let q = match &ind.target {
            Target::Quantitative(q) => q,
            other => panic!("{ctx}: not quantitative: {other:?}"),
        };
        let n: Decimal = number.parse().unwrap();
        assert_eq!(q.value, n, "{ctx}");
        assert_eq!(q.value.scale(), 0, "{ctx}");
        assert_eq!(q.value_hi, None, "{ctx}");
        assert_eq!(q.unit.as_deref(), Some(unit), "{ctx}");
        assert_eq!(q.op, None, "{ctx}");
        assert_eq!(q.op_raw, None, "{ctx}");
        let term = if (*project, seq) == ("团委各项工作经费", 4) {
            "，"
        } else {
            "。"
        };
        assert_eq!(ind.terminator.as_deref(), Some(term), "{ctx}");
        assert_eq!(ind.weight(), None, "{ctx}");
        assert!(
            ind.columns.is_none(),
            "{ctx}: the one-cell layout stores no row columns"
        );
        let span = ind.span.expect("span");
        assert!(span.start < span.end, "{ctx}");
    }
}

#[test]
fn spans_tile_each_cell_and_cells_round_trip() {
    for (line, project, cell) in project_cells() {
        let parsed = parse_cell(cell, Origin::new(line, 7));
        assert_eq!(format_cell(&parsed.indicators), cell, "{project}");
        let mut pos = 0usize;
        for ind in &parsed.indicators {
            let span = ind.span.unwrap();
            assert_eq!(span.start as usize, pos, "{project}");
            let text = &cell[span.range()];
            assert!(
                text.starts_with(&format!("{}-", ind.seq.unwrap())),
                "{project}"
            );
            assert!(
                text.ends_with(ind.terminator.as_deref().unwrap()),
                "{project}"
            );
            pos = span.end as usize;
        }
        assert_eq!(pos, cell.len(), "{project}");
    }
}

#[test]
fn sample_totals_by_category_and_unit() {
    let mut by_cat = std::collections::BTreeMap::new();
    let mut by_unit = std::collections::BTreeMap::new();
    for (line, _, cell) in project_cells() {
        for ind in parse_cell(cell, Origin::new(line, 7)).indicators {
            *by_cat.entry(ind.category).or_insert(0) += 1;
            let unit = ind.target.quantity().and_then(|q| q.unit.clone()).unwrap();
            *by_unit.entry(unit).or_insert(0) += 1;
        }
    }
    assert_eq!(by_cat.get(&Category::Output), Some(&18));
    assert_eq!(by_cat.get(&Category::Outcome), Some(&8));
    assert_eq!(by_cat.get(&Category::Satisfaction), Some(&3));
    assert_eq!(by_cat.get(&Category::Cost), None);
    let units: Vec<(&str, i32)> = by_unit.iter().map(|(u, n)| (u.as_str(), *n)).collect();
    let mut expected = vec![
        ("个", 9),
        ("人次", 6),
        ("篇", 5),
        ("%", 4),
        ("名", 2),
        ("场", 2),
        ("人", 1),
    ];
    expected.sort();
    assert_eq!(units, expected);
}
