//! Hierarchy inference (GUIDE §1.3): 合计 → 资金使用单位 → 项目.
//!
//! The row readers produce a flat list of [`Item`]s; [`resolve`] turns it into
//! the grand total and the units. Rules:
//! 1. `合计`/`总计`/`合 计` is the grand total.
//! 2. A row with amounts but no goal and no indicators is a candidate unit,
//!    confirmed when the project rows up to the next candidate sum to it in every
//!    column (tolerance: half a unit of the last printed decimal × summands).
//! 3. Rows with a goal or indicators are projects of the current unit; without
//!    unit rows the department is the only unit.
//! 4. A candidate that does not balance is decided by its name suffix;
//!    first, though, one with no projects of its own that heads the units
//!    after it — its code a proper prefix of theirs (`820` over `820001`,
//!    GUIDE §3.2), or its name a department's (`…部门`) — is their subtotal,
//!    so that its mismatch is reported against the projects under it instead
//!    of the row becoming an empty unit. Without a 合计 row the first
//!    subtotal is the table's total only if it covers the rest of the table:
//!    one department of several is a subtotal row.

use jixiao_core::money::half_unit;
use jixiao_core::{AmountRow, Funding, Notice, Project, Text, Unit};
use rust_decimal::Decimal;

/// A unit named in a 单位名称 column (row layouts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnitKey {
    pub(crate) name: String,
    pub(crate) code: Option<String>,
}

/// One meaningful source row (or row group) before the hierarchy is known.
#[derive(Debug)]
pub(crate) enum Item {
    /// 合计 / 总计.
    Total(AmountRow),
    /// Amounts without goal or indicators: a unit, a subtotal, or a project without targets.
    Candidate(AmountRow, Named),
    /// A project, with the unit named in its row when the layout has a 单位名称 column.
    Project(Box<Project>, Option<UnitKey>),
}

/// Which column named an amount-only row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    /// The 项目名称 column (or the only name column): unit, subtotal or project.
    NameColumn,
    /// Only the 单位名称 column, the project column blank: a unit's own row.
    UnitColumn,
}

/// Normalised text equals 合计 / 总计 (spaces removed), also with a colon
/// after it (`合计：`), the scale in brackets (`合计（万元）`) or the
/// department before it (`本部门合计`, `部门合计`).
pub(crate) fn is_total_label(text: &str) -> bool {
    const LABELS: [&str; 6] = ["合计", "总计", "总合计", "合计数", "总计数", "项目合计"];
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_end_matches([':', '：']);
    let t = match t.find(['（', '(']) {
        Some(at) if t.ends_with(['）', ')']) && t.get(at..).is_some_and(|b| b.contains('元')) => {
            t.get(..at).unwrap_or(t)
        }
        _ => t,
    };
    let t = t
        .strip_prefix("本部门")
        .or_else(|| t.strip_prefix("部门"))
        .unwrap_or(t);
    LABELS.contains(&t)
}

/// Split a code prefix such as `820001-马踏镇人民政府` into (`820001`, `马踏镇人民政府`).
pub(crate) fn split_code(text: &str) -> (Option<String>, String) {
    let t = text.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits >= 3 {
        let rest = t.get(digits..).unwrap_or("");
        let mut chars = rest.chars();
        if let Some(sep) = chars.next() {
            if matches!(sep, '-' | '－' | '—' | '_' | ' ' | '\u{3000}' | '.') {
                let name = chars.as_str().trim();
                if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) {
                    return (
                        Some(t.get(..digits).unwrap_or("").to_string()),
                        name.to_string(),
                    );
                }
            }
        }
    }
    (None, t.to_string())
}

const PROJECT_SUFFIXES: [&str; 10] = [
    "经费", "资金", "费", "项目", "补助", "补贴", "工程", "专项", "支出", "款",
];
const UNIT_SUFFIXES: [&str; 22] = [
    "委员会",
    "中心",
    "局",
    "办公室",
    "院",
    "校",
    "站",
    "所",
    "馆",
    "处",
    "室",
    "队",
    "厅",
    "委",
    "办",
    "政府",
    "街道",
    "镇",
    "乡",
    "园",
    "协会",
    "部门",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    Unit,
    Project,
    Unknown,
}

fn name_kind(name: &str) -> NameKind {
    let n = name.trim();
    if PROJECT_SUFFIXES.iter().any(|s| n.ends_with(s)) {
        NameKind::Project
    } else if UNIT_SUFFIXES.iter().any(|s| n.ends_with(s)) {
        NameKind::Unit
    } else {
        NameKind::Unknown
    }
}

/// The name ends like an organisation (委员会 中心 局 …) and not like a fund (经费 资金 …).
pub(crate) fn looks_like_unit(name: &str) -> bool {
    name_kind(name) == NameKind::Unit
}

fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
    }
}

/// Column sums of a run of project amounts, with the summand count and the
/// largest printed scale per column (for the rounding tolerance).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Agg {
    sum: [Option<Decimal>; 4],
    scale: [u32; 4],
    n: usize,
}

fn cols(f: &Funding) -> [Option<Decimal>; 4] {
    [
        f.total,
        f.fiscal_appropriation,
        f.special_account,
        f.other_funds,
    ]
}

impl Agg {
    fn push(&mut self, f: &Funding) {
        for ((sum, scale), v) in self.sum.iter_mut().zip(self.scale.iter_mut()).zip(cols(f)) {
            *scale = (*scale).max(v.map_or(0, |d| d.scale()));
            *sum = add(*sum, v);
        }
        self.n += 1;
    }
    fn of<'a>(parts: impl IntoIterator<Item = &'a Funding>) -> Agg {
        let mut a = Agg::default();
        for f in parts {
            a.push(f);
        }
        a
    }
}

/// Does `stated` equal the sum of `parts` in every column, within the rounding tolerance?
pub(crate) fn balances(stated: &Funding, parts: &[&Funding]) -> bool {
    balances_agg(stated, &Agg::of(parts.iter().copied()))
}

/// Tolerance: half a unit of the last printed decimal, times the number of summands.
fn balances_agg(stated: &Funding, agg: &Agg) -> bool {
    if agg.n == 0 {
        return false;
    }
    let n = Decimal::from(agg.n);
    for ((s, sum), scale) in cols(stated).into_iter().zip(agg.sum).zip(agg.scale) {
        if s.is_none() && sum.is_none() {
            continue;
        }
        let scale = scale.max(s.map_or(0, |d| d.scale()));
        let diff = (s.unwrap_or_default() - sum.unwrap_or_default()).abs();
        if diff > half_unit(scale) * n {
            return false;
        }
    }
    true
}

/// A row's amount as the table printed it, with its money unit (`342.98 万元`,
/// `3429840.00 元`): the way the sum findings quote amounts.
fn printed(f: &Funding, english: bool, scale: jixiao_core::MoneyScale) -> String {
    match f.total.or(f.fiscal_appropriation) {
        Some(d) => {
            let mut d = jixiao_core::money::from_wan(d, scale).normalize();
            if d.scale() < 2 {
                d.rescale(2);
            }
            let unit = match scale {
                jixiao_core::MoneyScale::WanYuan => "万元",
                jixiao_core::MoneyScale::Yuan => "元",
            };
            format!("{d} {unit}")
        }
        None if english => "blank".to_string(),
        None => "空".to_string(),
    }
}

/// A notice at `row`, in Chinese (`zh`) and English (`en`).
fn notice(row: &AmountRow, code: &str, zh: String, en: String) -> Notice {
    Notice::new(Some(row.origin), code, zh, en)
}

/// What a candidate row turned out to be.
#[derive(Debug, Clone, PartialEq)]
enum Decided {
    Unit,
    Project,
    /// A subtotal: balanced against what follows (`None`), or taken as one
    /// by its code or name although it does not balance.
    Subtotal(Option<Heads>),
}

/// Why an amount-only row that does not balance against the rest of the
/// table is still the subtotal of the units after it, and the projects under
/// it: up to the next total, the next department row, or the next unit whose
/// code it does not head.
#[derive(Debug, Clone, PartialEq)]
struct Heads {
    why: Text,
    /// Their sum.
    sum: Funding,
    /// Whether the row equals that sum (within rounding): then it is the
    /// balanced subtotal of one department among others.
    balanced: bool,
    /// Whether they run to the end of the table: only then can the row be
    /// the table's total (a department among others is not).
    to_end: bool,
}

/// Build the grand total and units from the items. `department` names the
/// implicit unit when the table has no unit rows.
pub(crate) fn resolve(
    items: Vec<Item>,
    department: Option<&str>,
    scale: jixiao_core::MoneyScale,
    notices: &mut Vec<Notice>,
) -> (Option<AmountRow>, Vec<Unit>) {
    let column_units = items.iter().any(|i| matches!(i, Item::Project(_, Some(_))));
    let has_total_row = items.iter().any(|i| matches!(i, Item::Total(_)));
    // Decide every candidate first (needs look-ahead over the items).
    let mut items = items;
    let (mut decided, mut said) = decide_all(&items, column_units, scale);
    if !column_units {
        let targetless = targetless_among_units(&items, &decided);
        if !targetless.is_empty() {
            said = Vec::new();
            for pos in targetless {
                if let Some(item) = items.get_mut(pos) {
                    if let Item::Candidate(row, _) = item {
                        said.push(targetless_notice(row));
                        *item = Item::Project(Box::new(without_targets(row.clone())), None);
                    }
                }
            }
            let (again, notes) = decide_all(&items, column_units, scale);
            decided = again;
            said.extend(notes);
        }
    }
    notices.extend(said);

    let implicit_name = department
        .map(str::to_string)
        .unwrap_or_else(|| super::UNNAMED_UNIT.to_string());
    let any_unit_rows = decided.contains(&Some(Decided::Unit)) || column_units;
    let mut grand_total: Option<AmountRow> = None;
    let mut units: Vec<Unit> = Vec::new();
    let mut current: Option<Unit> = None;
    let mut warned_before_unit = false;
    let mut seen_subtotal = false;
    for (item, d) in items.into_iter().zip(decided) {
        match item {
            Item::Total(row) => set_total(&mut grand_total, row, notices),
            Item::Candidate(row, _) => match d {
                Some(Decided::Unit) => {
                    let (code, name) = split_code(&row.label);
                    // In a 单位名称 layout the unit row is attached to the unit that follows.
                    units.extend(current.take());
                    current = Some(Unit {
                        name,
                        code,
                        stated: Some(row),
                        projects: Vec::new(),
                    });
                }
                Some(Decided::Subtotal(heads)) => {
                    let r = row.origin.row;
                    // The table's total when it has none: the first subtotal,
                    // if it covers the rest of the table (one department of
                    // several does not).
                    let as_total = grand_total.is_none()
                        && !has_total_row
                        && !seen_subtotal
                        && heads.as_ref().is_none_or(|h| h.to_end);
                    seen_subtotal = true;
                    let n = match (&heads, as_total) {
                        (None, true) => notice(
                            &row,
                            "subtotal-as-total",
                            format!("第{r}行：「{}」是全表的小计，按合计处理", row.label),
                            format!(
                                "row {r}: “{}” is a subtotal of the whole table; taken as the grand total",
                                row.label
                            ),
                        ),
                        (None, false) => notice(
                            &row,
                            "subtotal-row",
                            format!("第{r}行：「{}」是小计行，未计入单位或项目", row.label),
                            format!(
                                "row {r}: “{}” is a subtotal row; not counted as a unit or a project",
                                row.label
                            ),
                        ),
                        // Its mismatch is the total's, reported against the projects.
                        (Some(h), true) => notice(
                            &row,
                            "subtotal-as-total",
                            format!(
                                "第{r}行：「{}」{}，是其后各单位的小计，按合计处理（其金额与其下项目之和不符）",
                                row.label, h.why.zh
                            ),
                            format!(
                                "row {r}: “{}”: {}: the subtotal of the units after it, taken as the grand total \
                                 (its amounts do not equal the sum of the projects under it)",
                                row.label, h.why.en
                            ),
                        ),
                        (Some(h), false) if h.balanced => notice(
                            &row,
                            "subtotal-row",
                            format!(
                                "第{r}行：「{}」{}，是其后各单位的小计，未计入单位或项目",
                                row.label, h.why.zh
                            ),
                            format!(
                                "row {r}: “{}”: {}: the subtotal of the units after it; not counted as a unit or a project",
                                row.label, h.why.en
                            ),
                        ),
                        (Some(h), false) => notice(
                            &row,
                            "subtotal-mismatch",
                            format!(
                                "第{r}行：「{}」{}，是其后各单位的小计，未计入单位或项目；其金额（{}）与其下项目之和（{}）不符",
                                row.label,
                                h.why.zh,
                                printed(&row.funding, false, scale),
                                printed(&h.sum, false, scale)
                            ),
                            format!(
                                "row {r}: “{}”: {}: the subtotal of the units after it, not counted as a unit or a project; \
                                 its amount ({}) does not equal the sum of the projects under it ({})",
                                row.label,
                                h.why.en,
                                printed(&row.funding, true, scale),
                                printed(&h.sum, true, scale)
                            ),
                        ),
                    };
                    notices.push(n);
                    if as_total {
                        grand_total = Some(row);
                    }
                }
                Some(Decided::Project) | None => {
                    let project = without_targets(row);
                    push_project(
                        &mut current,
                        &mut units,
                        project,
                        None,
                        &implicit_name,
                        any_unit_rows,
                        &mut warned_before_unit,
                        notices,
                    );
                }
            },
            Item::Project(p, key) => push_project(
                &mut current,
                &mut units,
                *p,
                key,
                &implicit_name,
                any_unit_rows,
                &mut warned_before_unit,
                notices,
            ),
        }
    }
    units.extend(current.take());
    (grand_total, units)
}

/// What every candidate row of `items` is (`None` for the other rows), and
/// the notices the decisions give.
fn decide_all(
    items: &[Item],
    column_units: bool,
    scale: jixiao_core::MoneyScale,
) -> (Vec<Option<Decided>>, Vec<Notice>) {
    let mut notices = Vec::new();
    let suffix = if items.iter().any(|i| matches!(i, Item::Candidate(..))) {
        suffix_aggs(items)
    } else {
        Vec::new()
    };
    let decided = (0..items.len())
        .map(|pos| {
            matches!(items.get(pos), Some(Item::Candidate(..)))
                .then(|| decide(items, &suffix, pos, column_units, scale, &mut notices))
        })
        .collect();
    (decided, notices)
}

/// An amount-only row as a project without goal or indicators.
fn without_targets(row: AmountRow) -> Project {
    Project {
        name: row.label.trim().to_string(),
        code: None,
        funding: row.funding,
        goal: None,
        indicators: Vec::new(),
        origin: row.origin,
        indicator_cell: None,
        amount_origins: None,
    }
}

/// The amount-only rows taken as units because the projects after them sum
/// to them, which are projects without targets: named as projects (`经费`,
/// `补助` …), and only counted as projects does the unit row above them
/// (`某区教育局 105.50` over `85.50`, `校园安全管理经费 10.00`, `10.00`) or
/// the 合计 (`80.00` over `60.00`, `党建工作经费 10.00`, `10.00`) balance.
/// Two projects of 10.00 in a row are common; a project's amount equal to
/// the next ones' sum happens. Nothing is changed where the table balances
/// as read, or where no such reading makes it balance.
fn targetless_among_units(items: &[Item], decided: &[Option<Decided>]) -> Vec<usize> {
    let is_unit = |pos: usize| matches!(decided.get(pos), Some(Some(Decided::Unit)));
    let ambiguous: Vec<(usize, &Funding)> = items
        .iter()
        .enumerate()
        .filter_map(|(pos, item)| match item {
            Item::Candidate(row, Named::NameColumn)
                if is_unit(pos)
                    && name_kind(&split_code(&row.label).1) == NameKind::Project
                    && balances(&row.funding, &segment(items, pos)) =>
            {
                Some((pos, &row.funding))
            }
            _ => None,
        })
        .collect();
    if ambiguous.is_empty() {
        return Vec::new();
    }
    // The unit row right above, which does not balance, balances with the
    // row and the projects after it.
    let by_unit_above: Vec<usize> = ambiguous
        .iter()
        .filter(|&&(pos, funding)| {
            let above = items
                .get(..pos)
                .unwrap_or(&[])
                .iter()
                .rposition(|i| !matches!(i, Item::Project(..)));
            let Some(q) = above.filter(|&q| is_unit(q)) else {
                return false;
            };
            let Some(Item::Candidate(unit, _)) = items.get(q) else {
                return false;
            };
            let own = segment(items, q);
            if balances(&unit.funding, &own) {
                return false;
            }
            let mut parts = own;
            parts.push(funding);
            parts.extend(segment(items, pos));
            balances(&unit.funding, &parts)
        })
        .map(|&(pos, _)| pos)
        .collect();
    if !by_unit_above.is_empty() {
        return by_unit_above;
    }
    // The one 合计 row, which does not balance the projects as read, balances
    // with all these rows counted as projects, or with exactly one of them.
    let mut totals = items.iter().filter_map(|i| match i {
        Item::Total(r) => Some(&r.funding),
        _ => None,
    });
    let (Some(total), None) = (totals.next(), totals.next()) else {
        return Vec::new();
    };
    let leaves: Vec<&Funding> = items
        .iter()
        .enumerate()
        .filter_map(|(pos, item)| match item {
            Item::Project(p, _) => Some(&p.funding),
            Item::Candidate(row, _) if matches!(decided.get(pos), Some(Some(Decided::Project))) => {
                Some(&row.funding)
            }
            _ => None,
        })
        .collect();
    if balances(total, &leaves) {
        return Vec::new();
    }
    let with = |extra: &[(usize, &Funding)]| {
        let mut parts = leaves.clone();
        parts.extend(extra.iter().map(|&(_, f)| f));
        balances(total, &parts)
    };
    if with(&ambiguous) {
        return ambiguous.iter().map(|&(pos, _)| pos).collect();
    }
    let single: Vec<usize> = ambiguous
        .iter()
        .filter(|&&one| with(&[one]))
        .map(|&(pos, _)| pos)
        .collect();
    if single.len() == 1 {
        single
    } else {
        Vec::new()
    }
}

/// The notice of a row [`targetless_among_units`] found.
fn targetless_notice(row: &AmountRow) -> Notice {
    let r = row.origin.row;
    notice(
        row,
        "project-without-targets",
        format!(
            "第{r}行：「{}」有金额但没有绩效目标和绩效指标；其金额虽等于其后项目之和，但按单位计时合计（或其上的单位行）不符，按项目计才相符，按缺少绩效目标的项目处理",
            row.label
        ),
        format!(
            "row {r}: “{}” has amounts but no goal and no indicators; its amount equals the sum of the projects after it, \
             but the total (or the unit row above it) balances only when it is counted as a project: taken as a project with missing targets",
            row.label
        ),
    )
}

fn set_total(grand_total: &mut Option<AmountRow>, row: AmountRow, notices: &mut Vec<Notice>) {
    if let Some(first) = grand_total {
        notices.push(notice(
            &row,
            "total-duplicate",
            format!(
                "第{}行：又一个合计行（第{}行已有合计），未使用",
                row.origin.row, first.origin.row
            ),
            format!(
                "row {}: a second total row (row {} holds the total already); not used",
                row.origin.row, first.origin.row
            ),
        ));
    } else {
        *grand_total = Some(row);
    }
}

#[allow(clippy::too_many_arguments)]
fn push_project(
    current: &mut Option<Unit>,
    units: &mut Vec<Unit>,
    project: Project,
    key: Option<UnitKey>,
    implicit_name: &str,
    any_unit_rows: bool,
    warned_before_unit: &mut bool,
    notices: &mut Vec<Notice>,
) {
    if let Some(key) = key {
        let same = current
            .as_ref()
            .is_some_and(|u| u.name == key.name && (u.code == key.code || key.code.is_none()));
        if !same {
            // A stated unit row immediately before with the same name keeps its amounts.
            let reuse = current
                .as_ref()
                .is_some_and(|u| u.projects.is_empty() && u.name == key.name);
            if !reuse {
                units.extend(current.take());
                *current = Some(Unit {
                    name: key.name,
                    code: key.code,
                    stated: None,
                    projects: Vec::new(),
                });
            }
        }
    }
    if current.is_none() {
        if any_unit_rows && !*warned_before_unit {
            *warned_before_unit = true;
            notices.push(Notice::new(
                Some(project.origin),
                "projects-before-unit",
                format!(
                    "第{}行：项目出现在第一个单位行之前，归入以部门命名的单位「{implicit_name}」",
                    project.origin.row
                ),
                format!(
                    "row {}: projects come before the first unit row; they are put under a unit named after the department, “{implicit_name}”",
                    project.origin.row
                ),
            ));
        }
        *current = Some(Unit {
            name: implicit_name.to_string(),
            code: None,
            stated: None,
            projects: Vec::new(),
        });
    }
    if let Some(u) = current.as_mut() {
        u.projects.push(project);
    }
}

/// Whether the unit named `name` (`code`) is the unit of the last project or
/// unit row before `pos`: a row of that unit with its project name left blank,
/// not a new unit.
fn continues_previous_unit(items: &[Item], pos: usize, name: &str, code: &Option<String>) -> bool {
    let same =
        |n: &str, c: &Option<String>| n == name && (c.is_none() || code.is_none() || c == code);
    for item in items.get(..pos).unwrap_or(&[]).iter().rev() {
        match item {
            Item::Project(_, Some(k)) => return same(&k.name, &k.code),
            Item::Candidate(r, Named::UnitColumn) => {
                let (c, n) = split_code(&r.label);
                return same(&n, &c);
            }
            Item::Total(_) => return false,
            _ => {}
        }
    }
    false
}

/// The projects (and the items' fundings) that follow `pos` up to the next
/// candidate or total.
fn segment(items: &[Item], pos: usize) -> Vec<&Funding> {
    items
        .get(pos + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|i| matches!(i, Item::Project(..)))
        .filter_map(|i| match i {
            Item::Project(p, _) => Some(&p.funding),
            _ => None,
        })
        .collect()
}

/// `suffix[i]`: the projects in `items[i..]` up to the next total row.
fn suffix_aggs(items: &[Item]) -> Vec<Agg> {
    let mut out = vec![Agg::default(); items.len() + 1];
    for (i, item) in items.iter().enumerate().rev() {
        let next = out.get(i + 1).copied().unwrap_or_default();
        let here = match item {
            Item::Total(_) => Agg::default(),
            Item::Candidate(..) => next,
            Item::Project(p, _) => {
                let mut a = next;
                a.push(&p.funding);
                a
            }
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = here;
        }
    }
    out
}

/// Whether the amount-only row at `pos` (`code`, `name`), followed by the
/// rows of another unit and not by projects of its own, heads the units
/// after it as their subtotal although its amounts do not balance: its code
/// is a proper prefix of the next unit's (`820` over `820001`: rows nest by
/// code, GUIDE §3.2), or its name is a department's (`马踏镇部门`: a 部门
/// holds the fund-using units, it is not one of them). Deciding such a row
/// by its organisation-like name would make it an empty unit, every project
/// below it counted elsewhere, and its mismatch reported against nothing.
fn heads_units(
    items: &[Item],
    pos: usize,
    stated: &Funding,
    code: Option<&str>,
    name: &str,
) -> Option<Heads> {
    let after = items.get(pos + 1..).unwrap_or(&[]);
    // The code of the unit that follows: named in the 单位名称 column, or by a unit row.
    let next_code = match after.first()? {
        Item::Project(_, Some(k)) => k.code.clone(),
        Item::Candidate(r, _) => split_code(&r.label).0,
        Item::Project(_, None) | Item::Total(_) => return None,
    };
    let nests = |c: &str| {
        next_code
            .as_deref()
            .is_some_and(|n| n.len() > c.len() && n.starts_with(c))
    };
    let why = match code {
        Some(c) if nests(c) => Text::new(
            format!(
                "的编码 {c} 是其后单位编码 {} 的上级",
                next_code.as_deref().unwrap_or("")
            ),
            format!(
                "its code {c} is the head of the code {} of the unit after it",
                next_code.as_deref().unwrap_or("")
            ),
        ),
        _ if is_department(name) => Text::new(
            "的名称是部门（以“部门”结尾）",
            "its name is a department's (ending in 部门)",
        ),
        _ => return None,
    };
    let (parts, to_end) = scope(after, code);
    Some(Heads {
        why,
        sum: Funding::sum(parts.iter().copied()),
        balanced: balances(stated, &parts),
        to_end,
    })
}

/// A department (部门), which holds units: a name ending in 部门.
fn is_department(name: &str) -> bool {
    name.trim().ends_with("部门")
}

/// The projects (with targets) in `after` that a subtotal coded `code`
/// heads: up to the next total, the next department row, or the next unit
/// whose code it does not head; and whether they run to the end of `after`.
fn scope<'a>(after: &'a [Item], code: Option<&str>) -> (Vec<&'a Funding>, bool) {
    let outside = |other: Option<&str>| match (code, other) {
        (Some(c), Some(o)) => o.len() <= c.len() || !o.starts_with(c),
        _ => false,
    };
    let mut parts = Vec::new();
    for item in after {
        match item {
            Item::Total(_) => return (parts, false),
            Item::Candidate(r, _) => {
                let (c, n) = split_code(&r.label);
                if is_department(&n) || outside(c.as_deref()) {
                    return (parts, false);
                }
            }
            Item::Project(p, key) => {
                if outside(key.as_ref().and_then(|k| k.code.as_deref())) {
                    return (parts, false);
                }
                parts.push(&p.funding);
            }
        }
    }
    (parts, true)
}

/// What the candidate row at `pos` of `items` is.
fn decide(
    items: &[Item],
    suffix: &[Agg],
    pos: usize,
    column_units: bool,
    scale: jixiao_core::MoneyScale,
    notices: &mut Vec<Notice>,
) -> Decided {
    let Some(Item::Candidate(row, named)) = items.get(pos) else {
        return Decided::Project;
    };
    let named = *named;
    let r = row.origin.row;
    let (code, name) = split_code(&row.label);
    if column_units {
        // Units come from the 单位名称 column: a unit row names the unit that follows.
        let next_unit = items
            .get(pos + 1..)
            .unwrap_or(&[])
            .iter()
            .find_map(|i| match i {
                Item::Project(_, k) => Some(k.clone()),
                _ => None,
            });
        if let Some(Some(k)) = next_unit {
            if k.name == name && (code.is_none() || k.code.is_none() || k.code == code) {
                let seg: Vec<&Funding> = items
                    .get(pos + 1..)
                    .unwrap_or(&[])
                    .iter()
                    .take_while(|i| matches!(i, Item::Project(_, Some(kk)) if kk.name == k.name))
                    .filter_map(|i| match i {
                        Item::Project(p, _) => Some(&p.funding),
                        _ => None,
                    })
                    .collect();
                if !balances(&row.funding, &seg) {
                    notices.push(notice(
                        row,
                        "unit-sum-mismatch",
                        format!(
                            "第{r}行：单位「{name}」的金额 {} 与其项目合计不符",
                            printed(&row.funding, false, scale)
                        ),
                        format!(
                            "row {r}: the amount {} of unit “{name}” does not equal the sum of its projects",
                            printed(&row.funding, true, scale)
                        ),
                    ));
                }
                return Decided::Unit;
            }
        }
        if balances_agg(
            &row.funding,
            &suffix.get(pos + 1).copied().unwrap_or_default(),
        ) {
            return Decided::Subtotal(None);
        }
        if let Some(heads) = heads_units(items, pos, &row.funding, code.as_deref(), &name) {
            return Decided::Subtotal(Some(heads));
        }
        // Named in the unit column alone, and not the unit of the rows before:
        // a unit with amounts but no projects of its own.
        if named == Named::UnitColumn && !continues_previous_unit(items, pos, &name, &code) {
            return Decided::Unit;
        }
        notices.push(notice(
            row,
            "amount-row-unassigned",
            format!(
                "第{r}行：「{}」只有金额，既不是单位行也不是小计，按无绩效指标的项目处理",
                row.label
            ),
            format!(
                "row {r}: “{}” has amounts only and is neither a unit row nor a subtotal; taken as a project without targets",
                row.label
            ),
        ));
        return Decided::Project;
    }
    let seg = segment(items, pos);
    if balances(&row.funding, &seg) {
        return Decided::Unit;
    }
    // A subtotal over several units: nothing of its own follows, but everything after sums to it.
    if seg.is_empty()
        && matches!(items.get(pos + 1), Some(Item::Candidate(..)))
        && balances_agg(
            &row.funding,
            &suffix.get(pos + 1).copied().unwrap_or_default(),
        )
        && (code.is_some() || name_kind(&name) != NameKind::Project)
    {
        return Decided::Subtotal(None);
    }
    if seg.is_empty() {
        if let Some(heads) = heads_units(items, pos, &row.funding, code.as_deref(), &name) {
            return Decided::Subtotal(Some(heads));
        }
    }
    let kind = name_kind(&name);
    let as_unit = match kind {
        NameKind::Unit => true,
        NameKind::Project => false,
        NameKind::Unknown => !seg.is_empty(),
    };
    if as_unit {
        let (why, why_en) = if seg.is_empty() {
            (
                "之后没有带绩效目标或指标的项目行可供核对金额",
                "no project with a goal or indicators follows to check the amounts against",
            )
        } else {
            (
                "与其后项目的合计不符",
                "the amounts do not equal the sum of the projects that follow",
            )
        };
        notices.push(notice(
            row,
            "unit-row-by-name",
            format!(
                "第{r}行：「{}」（{}）{why}，按名称判断为资金使用单位",
                row.label,
                printed(&row.funding, false, scale)
            ),
            format!(
                "row {r}: “{}” ({}): {why_en}; taken as a fund-using unit by its name",
                row.label,
                printed(&row.funding, true, scale)
            ),
        ));
        Decided::Unit
    } else {
        notices.push(notice(
            row,
            "project-without-targets",
            format!(
                "第{r}行：「{}」有金额但没有绩效目标和绩效指标，且不是其后项目的合计，按名称判断为缺少绩效目标的项目",
                row.label
            ),
            format!(
                "row {r}: “{}” has amounts but no goal and no indicators, and is not the sum of the projects that follow; \
                 taken by its name as a project with missing targets",
                row.label
            ),
        ));
        Decided::Project
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn total_labels() {
        for yes in [
            "合计",
            "总 计",
            " 合\u{3000}计 ",
            "总合计",
            "合计数",
            "总计数",
            "项目 合计",
        ] {
            assert!(is_total_label(yes), "{yes}");
        }
        for no in ["", "合", "小计", "合计金额", "总计划", "项目", "计合"] {
            assert!(!is_total_label(no), "{no}");
        }
    }

    fn f(total: &str) -> Funding {
        Funding {
            total: Decimal::from_str(total).ok(),
            ..Funding::default()
        }
    }

    #[test]
    fn totals_and_codes() {
        assert!(is_total_label("合计"));
        assert!(is_total_label("合 计"));
        assert!(is_total_label("总计"));
        assert!(!is_total_label("合计金额说明"));
        assert_eq!(
            split_code("820001-马踏镇人民政府"),
            (Some("820001".into()), "马踏镇人民政府".into())
        );
        assert_eq!(split_code("2024年项目"), (None, "2024年项目".into()));
        assert_eq!(split_code("12-3"), (None, "12-3".into()));
    }

    #[test]
    fn balance_uses_tolerance_per_summand() {
        assert!(balances(&f("522.50"), &[&f("158.00"), &f("364.50")]));
        // Three summands printed with 2 decimals may miss by up to 3 × 0.005.
        assert!(balances(&f("1.00"), &[&f("0.33"), &f("0.33"), &f("0.33")]));
        assert!(!balances(&f("1.00"), &[&f("0.32"), &f("0.32"), &f("0.32")]));
        assert!(!balances(
            &f("1.000"),
            &[&f("0.334"), &f("0.334"), &f("0.334")]
        ));
        assert!(!balances(&f("1.00"), &[]));
    }
}
