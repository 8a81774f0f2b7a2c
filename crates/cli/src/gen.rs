//! `jixiao gen`: realistic synthetic performance-target tables for benchmarks and tests.
//!
//! The generator writes rows directly (it is a source of test data, not a writer of
//! the model): the one-cell family of the sample, and the row-per-indicator family
//! of the Sichuan 申报表 with amounts in 元 and ragged continuation rows. Wording,
//! notation (bare, `≥`, `>=`, words, labels, qualitative), units and terminators vary;
//! every unit row and the 合计 balance exactly, so a correct reader finds no
//! arithmetic error.

use crate::check::Lang;
use crate::said;
use anyhow::{Context, Result};
use jixiao_core::LayoutFamily;
use rust_decimal::Decimal;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `jixiao gen`.
#[derive(Debug, clap::Args)]
pub struct GenArgs {
    /// Number of projects (项目数).
    #[arg(long, default_value_t = 1000)]
    pub projects: usize,
    /// Layout family: `one-cell` (the sample's) or `rows` (one row per indicator, Sichuan style).
    #[arg(long, default_value = "one-cell")]
    pub layout: String,
    /// Output format: `tsv`, `csv` or `xlsx`.
    #[arg(long, default_value = "tsv")]
    pub format: String,
    /// Text encoding for tsv/csv: `utf-8` or `gbk`.
    #[arg(long, default_value = "utf-8")]
    pub encoding: String,
    /// Random seed (the same seed gives the same file).
    #[arg(long, default_value_t = 2024)]
    pub seed: u64,
    /// Output file.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// SplitMix64: tiny, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const DISTRICTS: &[&str] = &[
    "海珠区",
    "天河区",
    "越秀区",
    "白云区",
    "黄埔区",
    "番禺区",
    "花都区",
    "南沙区",
    "从化区",
    "增城区",
];
const DEPARTMENTS: &[&str] = &[
    "教育局",
    "卫生健康局",
    "民政局",
    "交通运输局",
    "文化广电旅游局",
    "农业农村局",
    "司法局",
    "人力资源和社会保障局",
    "城市管理和综合执法局",
    "共青团委员会",
];
const SUB_UNITS: &[&str] = &[
    "综合服务中心",
    "事务中心",
    "第一中学",
    "疾病预防控制中心",
    "社会福利院",
    "档案馆",
    "公路养护站",
    "农业技术推广站",
    "图书馆",
    "志愿者行动指导中心",
];
const TOPICS: &[&str] = &[
    "青少年服务",
    "社区养老服务",
    "公共卫生应急",
    "校园安全管理",
    "农村公路养护",
    "法律援助",
    "就业培训",
    "垃圾分类宣传",
    "非遗保护传承",
    "志愿服务",
    "数字化平台运维",
    "困难群众救助",
];
const KINDS: &[&str] = &[
    "经费",
    "项目经费",
    "专项资金",
    "工作经费",
    "补助资金",
    "运维费",
];
const OUTPUT_NAMES: &[(&str, &[&str])] = &[
    ("活动服务人次", &["人次"]),
    ("举办培训班", &["期", "场"]),
    ("服务个案数", &["个"]),
    ("发放宣传资料", &["份", "册"]),
    ("覆盖社区数量", &["个"]),
    ("维修道路里程", &["公里"]),
    ("验收合格率", &["%"]),
    ("资料归档及时率", &["%"]),
    ("新建站点", &["个", "所"]),
    ("培训人数", &["人", "名"]),
];
const OUTCOME_NAMES: &[&str] = &[
    "群众知晓率",
    "青少年违法犯罪率下降",
    "服务对象获得感提升",
    "社会影响力",
    "可持续运行机制建立",
    "区域环境质量改善",
];
const SATISFACTION_NAMES: &[&str] = &[
    "服务对象满意度",
    "群众满意度",
    "参训人员满意度",
    "家长满意度",
];
const COST_NAMES: &[&str] = &["项目总成本", "人均服务成本", "单次活动成本"];
const QUALITATIVE: &[&str] = &[
    "效果明显",
    "明显改善",
    "有效提升",
    "按计划实施",
    "逐步完善",
    "持续发挥作用",
];
const GOAL_PHRASES: &[&str] = &[
    "建设运营好{n}个服务站点，打造群众身边的服务阵地",
    "组织开展各类主题活动{n}场，提升服务覆盖面",
    "完善工作机制，强化日常监督管理",
    "保障项目按计划实施，资金使用规范高效",
    "为辖区内{n}名困难群众提供帮扶服务",
    "持续提升服务质量和群众满意度",
    "围绕辖区重点人群需求，整合社会组织、志愿者和专业社工等多方资源，开展个案辅导、小组活动和社区宣传，形成常态化服务机制",
    "加强项目过程管理和绩效跟踪，按季度开展督导评估，及时发现并整改存在问题，确保各项任务按期保质完成",
    "通过线上线下相结合的方式开展政策宣传{n}次，提高群众对相关政策的知晓率和参与度，营造良好社会氛围",
];

struct Project {
    name: String,
    amount_fen: i64,
    fiscal_fen: i64,
    other_fen: i64,
    goal: String,
    indicators: Vec<GenIndicator>,
}

struct GenIndicator {
    level: &'static str,
    sub: &'static str,
    name: String,
    /// Value as printed in the one-cell form (operator fused).
    value: String,
    /// Separate columns for the row family.
    op: &'static str,
    number: String,
    unit: &'static str,
    weight: u32,
    direction: &'static str,
}

struct Unit {
    name: String,
    code: String,
    projects: Vec<Project>,
}

fn gen_indicator(rng: &mut Rng, level_pick: usize) -> GenIndicator {
    let (level, sub, name, unit, lower): (&str, &str, String, &str, bool) = match level_pick {
        0 => {
            let (n, units) = OUTPUT_NAMES[rng.below(OUTPUT_NAMES.len())];
            let unit = units[rng.below(units.len())];
            let sub = if unit == "%" {
                if n.contains("及时") {
                    "时效指标"
                } else {
                    "质量指标"
                }
            } else {
                "数量指标"
            };
            ("产出指标", sub, n.to_string(), unit, false)
        }
        1 => (
            "效益指标",
            rng.pick(&["社会效益指标", "可持续影响指标", "经济效益指标"]),
            rng.pick(OUTCOME_NAMES).to_string(),
            "%",
            false,
        ),
        2 => (
            "满意度指标",
            "服务对象满意度指标",
            rng.pick(SATISFACTION_NAMES).to_string(),
            "%",
            false,
        ),
        _ => (
            "成本指标",
            "经济成本指标",
            rng.pick(COST_NAMES).to_string(),
            "万元",
            true,
        ),
    };
    let qualitative = level == "效益指标" && rng.chance(35);
    if qualitative {
        let text = rng.pick(QUALITATIVE);
        return GenIndicator {
            level,
            sub,
            name,
            value: text.to_string(),
            op: "定性",
            number: text.to_string(),
            unit: "",
            weight: 10,
            direction: "正向指标",
        };
    }
    let number = match unit {
        "%" => format!("{}", [85, 90, 92, 95, 98, 100][rng.below(6)]),
        "万元" => format!("{}.{:02}", 1 + rng.below(90), rng.below(100)),
        "公里" => format!("{}.{}", 1 + rng.below(50), rng.below(10)),
        _ => format!(
            "{}",
            [1, 2, 5, 10, 12, 20, 30, 50, 100, 150, 300, 500, 1000, 5000][rng.below(14)]
        ),
    };
    let (op_sym, op_written): (&str, String) = if lower {
        let w = ["≤", "<=", "不超过"][rng.below(3)];
        ("≤", w.to_string())
    } else {
        match rng.below(10) {
            0..=3 => ("", String::new()),
            4..=6 => ("≥", "≥".to_string()),
            7 => ("≥", ">=".to_string()),
            8 => ("≥", "不低于".to_string()),
            _ => ("=", "=".to_string()),
        }
    };
    let label = if op_written.is_empty() && rng.chance(8) {
        name.clone()
    } else {
        String::new()
    };
    let value = format!("{label}{op_written}{number}{unit}");
    GenIndicator {
        level,
        sub,
        name,
        value,
        op: if op_sym.is_empty() { "≥" } else { op_sym },
        number,
        unit,
        weight: 10,
        direction: if lower {
            "反向指标"
        } else {
            "正向指标"
        },
    }
}

fn gen_project(rng: &mut Rng, year: u32, idx: usize) -> Project {
    let topic = rng.pick(TOPICS);
    let name = if rng.chance(30) {
        format!("{year}年{topic}{}", rng.pick(KINDS))
    } else {
        format!("{topic}{}（{}）", rng.pick(KINDS), idx % 97 + 1)
    };
    let amount_fen = (1 + rng.below(500)) as i64 * 100
        + if rng.chance(50) {
            rng.below(100) as i64
        } else {
            0
        };
    let other_fen = if rng.chance(20) {
        amount_fen / (2 + rng.below(5) as i64)
    } else {
        0
    };
    let fiscal_fen = amount_fen - other_fen;
    let mut goal = String::new();
    let n_goals = 2 + rng.below(4);
    for g in 0..n_goals {
        let phrase = rng
            .pick(GOAL_PHRASES)
            .replace("{n}", &(2 + rng.below(30)).to_string());
        if n_goals > 1 {
            goal.push_str(&format!(
                "{}.{}{}",
                g + 1,
                phrase,
                if g + 1 == n_goals { "。" } else { "； " }
            ));
        } else {
            goal.push_str(&phrase);
            goal.push('。');
        }
    }
    let n_ind = 3 + rng.below(5); // 3..=7, mean 5
    let mut indicators = Vec::with_capacity(n_ind);
    for k in 0..n_ind {
        let pick = match k {
            0 | 1 => 0,
            2 => 1,
            3 => 2,
            _ => rng.below(4),
        };
        indicators.push(gen_indicator(rng, pick));
    }
    Project {
        name,
        amount_fen,
        fiscal_fen,
        other_fen,
        goal,
        indicators,
    }
}

fn fen(f: i64) -> String {
    format!("{}.{:02}", f / 100, f % 100)
}

/// 元 with thousands separators from 分 of 万元 (1 fen of 万元 = 100 元).
fn yuan(fen_wan: i64) -> String {
    let yuan = fen_wan * 100;
    let s = yuan.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(".00");
    out
}

fn blank_if_zero(f: i64) -> String {
    if f == 0 {
        String::new()
    } else {
        fen(f)
    }
}

fn build(args: &GenArgs) -> (String, Vec<Unit>) {
    let mut rng = Rng(args.seed);
    let district = rng.pick(DISTRICTS);
    let department = format!("广州市{district}{}", rng.pick(DEPARTMENTS));
    let year = 2024;
    let n_units = (args.projects / 40).clamp(1, 500);
    let mut units: Vec<Unit> = (0..n_units)
        .map(|u| Unit {
            name: if u == 0 {
                department.clone()
            } else {
                format!("{district}{}（{u}）", rng.pick(SUB_UNITS))
            },
            code: format!("{}{:03}", 820 + rng.below(10), u + 1),
            projects: Vec::new(),
        })
        .collect();
    for p in 0..args.projects {
        let u = p * n_units / args.projects.max(1);
        let proj = gen_project(&mut rng, year, p);
        units[u].projects.push(proj);
    }
    (department, units)
}

fn rows_one_cell(department: &str, units: &[Unit]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = vec![
        vec![],
        vec!["项目支出绩效目标表（含转移支付项目）".into()],
        vec![],
        vec![format!("部门名称：{department}")],
        vec![],
        vec!["单位：万元".into()],
        vec![],
        jixiao_formats::write::ONE_CELL_HEADERS
            .iter()
            .map(|s| s.to_string())
            .collect(),
    ];
    let sum = |u: &Unit, f: fn(&Project) -> i64| u.projects.iter().map(f).sum::<i64>();
    let (mut gt, mut gf, mut go) = (0, 0, 0);
    for u in units {
        gt += sum(u, |p| p.amount_fen);
        gf += sum(u, |p| p.fiscal_fen);
        go += sum(u, |p| p.other_fen);
    }
    rows.push(vec![
        "合计".into(),
        fen(gt),
        blank_if_zero(gf),
        String::new(),
        blank_if_zero(go),
        String::new(),
        String::new(),
    ]);
    let mut rng = Rng(7);
    for u in units {
        rows.push(vec![
            u.name.clone(),
            fen(sum(u, |p| p.amount_fen)),
            blank_if_zero(sum(u, |p| p.fiscal_fen)),
            String::new(),
            blank_if_zero(sum(u, |p| p.other_fen)),
            String::new(),
            String::new(),
        ]);
        for p in &u.projects {
            let mut cell = String::new();
            for (k, i) in p.indicators.iter().enumerate() {
                let term = if k + 1 == p.indicators.len() || !rng.chance(3) {
                    "。"
                } else {
                    "，"
                };
                cell.push_str(&format!(
                    "{}-{}：{}，年度指标值：{}{}",
                    k + 1,
                    i.level,
                    i.name,
                    i.value,
                    term
                ));
            }
            rows.push(vec![
                p.name.clone(),
                fen(p.amount_fen),
                blank_if_zero(p.fiscal_fen),
                String::new(),
                blank_if_zero(p.other_fen),
                p.goal.clone(),
                cell,
            ]);
        }
    }
    rows
}

fn rows_per_indicator(department: &str, units: &[Unit]) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = vec![
        vec!["部门预算项目绩效目标申报表".into()],
        vec![format!("部门名称：{department}")],
        vec!["金额单位:元".into()],
        [
            "单位名称",
            "项目名称",
            "预算数",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "指标方向性",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
    ];
    for u in units {
        let unit_label = format!("{}-{}", u.code, u.name);
        for p in &u.projects {
            for (k, i) in p.indicators.iter().enumerate() {
                let ind = [
                    i.level.to_string(),
                    i.sub.to_string(),
                    i.name.clone(),
                    i.op.to_string(),
                    i.number.clone(),
                    i.unit.to_string(),
                    i.weight.to_string(),
                    i.direction.to_string(),
                ];
                let mut row = if k == 0 {
                    vec![
                        unit_label.clone(),
                        p.name.clone(),
                        yuan(p.amount_fen),
                        p.goal.clone(),
                    ]
                } else {
                    vec![String::new(); 4]
                };
                row.extend(ind);
                rows.push(row);
            }
        }
    }
    rows
}

fn write_text(rows: &[Vec<String>], delimiter: char, gbk: bool, out: &mut dyn Write) -> Result<()> {
    let mut text = String::new();
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        for (k, cell) in row.iter().enumerate() {
            if k > 0 {
                text.push(delimiter);
            }
            if delimiter == ',' && (cell.contains(',') || cell.contains('"')) {
                text.push('"');
                text.push_str(&cell.replace('"', "\"\""));
                text.push('"');
            } else {
                text.push_str(cell);
            }
        }
    }
    if gbk {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        if unmappable {
            return Err(said(
                "内容无法用 GBK 编码",
                "the content cannot be represented in GBK",
            ));
        }
        out.write_all(&bytes)?;
    } else {
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

fn write_xlsx(rows: &[Vec<String>], path: &std::path::Path) -> Result<()> {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("绩效目标表")?;
    let numeric = |s: &str| {
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'.') && s.contains('.')
    };
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            if numeric(cell) {
                let v: f64 = cell.parse().context("number")?;
                ws.write_number(r as u32, c as u16, v)?;
            } else {
                ws.write_string(r as u32, c as u16, cell)?;
            }
        }
    }
    wb.save(path)?;
    Ok(())
}

/// Run `jixiao gen`.
pub fn run(args: &GenArgs, lang: Lang) -> Result<()> {
    let (department, units) = build(args);
    let rows = match crate::convert::parse_layout(&args.layout)? {
        LayoutFamily::OneCell => rows_one_cell(&department, &units),
        LayoutFamily::RowPerIndicator => rows_per_indicator(&department, &units),
    };
    let gbk = match args.encoding.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => false,
        "gbk" | "gb18030" | "gb2312" => true,
        other => {
            return Err(said(
                format!("未知编码「{other}」：请用 utf-8 或 gbk"),
                format!("unknown encoding “{other}”: use utf-8 or gbk"),
            ))
        }
    };
    match args.format.as_str() {
        "tsv" | "txt" | "csv" => {
            let cannot = |e: std::io::Error| crate::convert::cannot(&args.output, e.into());
            let file = std::fs::File::create(&args.output).map_err(cannot)?;
            let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
            let delimiter = if args.format == "csv" { ',' } else { '\t' };
            write_text(&rows, delimiter, gbk, &mut out).map_err(|e| {
                match e.downcast::<std::io::Error>() {
                    Ok(io) => cannot(io),
                    Err(e) => e,
                }
            })?;
            out.flush().map_err(cannot)?;
        }
        "xlsx" => write_xlsx(&rows, &args.output).map_err(|e| {
            let out = args.output.display();
            said(
                format!("无法写入 {out}：{e:#}"),
                format!("cannot write {out}: {e:#}"),
            )
        })?,
        other => {
            return Err(said(
                format!("未知格式「{other}」：请用 tsv、csv 或 xlsx"),
                format!("unknown format “{other}”: use tsv, csv or xlsx"),
            ))
        }
    }
    let indicators: usize = units
        .iter()
        .flat_map(|u| &u.projects)
        .map(|p| p.indicators.len())
        .sum();
    let total: i64 = units
        .iter()
        .flat_map(|u| &u.projects)
        .map(|p| p.amount_fen)
        .sum();
    let (out, units, total) = (
        crate::shown_path(&args.output),
        units.len(),
        Decimal::new(total, 2),
    );
    match lang {
        Lang::Zh => eprintln!(
            "已生成 {out}：{units} 个单位，{} 个项目，{indicators} 条指标，合计 {total} 万元",
            args.projects
        ),
        Lang::En => eprintln!(
            "generated {out}: {units} units, {} projects, {indicators} indicators, \
             {total} (10 000 yuan) in all",
            args.projects
        ),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_has_thousands_separators() {
        assert_eq!(yuan(330_984), "33,098,400.00");
        assert_eq!(yuan(1), "100.00");
        assert_eq!(fen(55250), "552.50");
    }

    #[test]
    fn generation_is_deterministic_and_balanced() {
        let args = GenArgs {
            projects: 200,
            layout: "one-cell".into(),
            format: "tsv".into(),
            encoding: "utf-8".into(),
            seed: 1,
            output: PathBuf::from("x"),
        };
        let (d1, u1) = build(&args);
        let (d2, u2) = build(&args);
        assert_eq!(d1, d2);
        let rows1 = rows_one_cell(&d1, &u1);
        let rows2 = rows_one_cell(&d2, &u2);
        assert_eq!(rows1, rows2);
        assert_eq!(u1.iter().map(|u| u.projects.len()).sum::<usize>(), 200);
        for p in u1.iter().flat_map(|u| &u.projects) {
            assert_eq!(p.fiscal_fen + p.other_fen, p.amount_fen);
            assert!((3..=7).contains(&p.indicators.len()));
        }
    }
}
