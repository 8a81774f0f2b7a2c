//! The reviewer (审核): rules with stable ids producing cell-precise findings.
//!
//! [`review`] runs every enabled rule of the [`catalogue`] over a [`Table`]
//! and returns [`Finding`]s in a deterministic order (by row, column, span,
//! rule id). Pure: no IO.

mod arith;
pub mod catalogue;
mod content;
mod doc;
mod goals;
mod history;
mod message;
pub mod profile;
mod project_dup;
mod structure;
mod text;
mod unit_cost;

pub(crate) use catalogue::{id, RuleId};
pub use catalogue::{rule, Rule, RULES};
pub use doc::{json_schema_markdown, rules_markdown};
pub(crate) use message::msg;
pub use message::{Arg, Lang, Message, Messages, Template};
pub use profile::{Profile, RuleSetting, Thresholds};

use crate::model::{Field, Indicator, Project, Span, Table};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// An irregularity or suggestion.
    Info,
    /// A substantive problem an expert reviewer would send back.
    Warning,
    /// Data internally inconsistent or unusable.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" | "note" => Ok(Severity::Info),
            "warning" | "warn" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!("未知级别「{other}」 (unknown severity)")),
        }
    }
}

/// Where a finding points. File and sheet come from [`Table::source`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// 1-based row (line) of the source.
    pub row: Option<u32>,
    /// 1-based column (field).
    pub col: Option<u32>,
    /// Byte span inside the cell text.
    pub span: Option<Span>,
    /// The project's 0-based index among all projects of the table, in source
    /// order ([`Messages::project_name`] gives its name).
    pub project: Option<u32>,
    /// The indicator's item number (`seq`).
    pub indicator: Option<u32>,
}

/// One problem found by a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Rule id from the catalogue, or a reader notice code.
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    pub location: Location,
    /// What is wrong; rendered with [`Messages`] against the reviewed table.
    pub message: Message,
}

impl Finding {
    /// The suggested fix: the catalogue's, or the reader's note for notices.
    pub fn help(&self, lang: Lang) -> &'static str {
        let (zh, en) = help_texts(&self.rule).unwrap_or((
            "读取时的提示，请核对原表。",
            "A note from the reader; check the source.",
        ));
        match lang {
            Lang::Zh => zh,
            Lang::English => en,
        }
    }
}

/// Review a table under a profile. Deterministic; never panics.
///
/// The table-wide groupings (copied indicators, near-duplicate goals, unit
/// costs) run on a second thread (when one can be started) while the amounts
/// and the per-project rules run on the caller's. Findings are ordered by
/// place, then rule id; findings at the same place and of the same rule keep
/// the order in which their rule emitted them.
pub fn review(table: &Table, profile: &Profile) -> Vec<Finding> {
    let n_projects = table.units.iter().map(|u| u.projects.len()).sum::<usize>();
    let rules = rule_states(profile);
    let sink = |capacity: usize| Sink {
        table,
        profile,
        rules: &rules,
        out: Vec::with_capacity(capacity),
    };
    // Table-wide groupings (boilerplate, goal texts, unit costs) and the
    // reader's notices on the worker; amounts, structure and the per-project
    // content rules here. Each side sorts its own findings.
    let worker_rules = || {
        let mut w = sink(n_projects.saturating_mul(3));
        // The amounts first: they weigh on neither side much, and this
        // side has less to do.
        arith::check(&mut w);
        // One pass over the projects feeds the groupings that look at
        // indicators; each reports at the end, in this order.
        let mut copies = content::Boilerplate::new(&w);
        let mut costs = unit_cost::UnitCosts::new(&w);
        let mut twice = project_dup::DuplicateProjects::new();
        // Projects that copy an earlier one: reported once, as such.
        let mut copy_of_earlier = vec![false; n_projects];
        for (pi, p) in projects(table) {
            if twice.project(pi, p) {
                if let Some(c) = copy_of_earlier.get_mut(pi) {
                    *c = true;
                }
                copies.skip(p);
                continue;
            }
            copies.project(pi, p);
            costs.project(pi, p);
        }
        twice.finish(&mut w);
        project_dup::same_names(&mut w, &copy_of_earlier);
        copies.finish(&mut w);
        goals::check_duplicates(&mut w, &copy_of_earlier);
        costs.finish(&mut w);
        notices(table, profile, &rules, &mut w.out);
        sort_findings(&mut w.out);
        w.out
    };
    // Room for both sides' findings (they are merged into this vector): only
    // the pages written are ever touched.
    let mut main = sink(n_projects.saturating_mul(10));
    let worker_findings = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("jixiao-review".into())
            .spawn_scoped(scope, worker_rules);
        per_project(&mut main);
        history::check(&mut main);
        sort_findings(&mut main.out);
        match worker {
            Ok(handle) => match handle.join() {
                Ok(out) => out,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            // No thread to be had: run those rules here.
            Err(_) => worker_rules(),
        }
    });
    // Two sorted runs, the main side's first on ties (a rule emits on one
    // side only, so ties of one rule keep their emission order).
    let mut out = main.out;
    merge_sorted(&mut out, worker_findings);
    out
}

/// Merge `later` (sorted) into `out` (sorted), stably, `out`'s findings first
/// on ties. From the back, in `out`'s own buffer: no scratch memory beyond the
/// room for `later` (fresh pages cost more than the merge itself).
fn merge_sorted(out: &mut Vec<Finding>, mut later: Vec<Finding>) {
    let mut i = out.len();
    out.reserve_exact(later.len());
    let hole = Finding {
        rule: Cow::Borrowed(""),
        severity: Severity::Info,
        location: Location::default(),
        message: Message::new(&message::EMPTY, Default::default()),
    };
    out.resize(i + later.len(), hole);
    // Invariant: out[..i] and later are the unmerged rests; out[i + later.len()..] is done.
    while let Some(b) = later.last() {
        let k = i + later.len() - 1;
        let a_after_b = i > 0 && out.get(i - 1).is_some_and(|a| order(a, b).is_gt());
        if a_after_b {
            out.swap(i - 1, k);
            i -= 1;
        } else if let (Some(b), Some(slot)) = (later.pop(), out.get_mut(k)) {
            *slot = b;
        }
    }
}

/// The order of findings: by place, then rule.
fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    place(a).cmp(&place(b)).then_with(|| a.rule.cmp(&b.rule))
}

/// The per-project rules (structure, content, goal against indicators) in one
/// pass over the projects. Each project's findings are sorted as they come,
/// so the whole stream is already in order and the final sort only merges it
/// with the table-wide runs.
fn per_project(s: &mut Sink<'_>) {
    let mut structure = structure::Structure::new(s);
    let mut mismatches = goals::Mismatches::new(s);
    let mut switches = content::Switches::new(s);
    // Each project's indicators' facts, kept from project to project.
    let mut facts = Vec::new();
    let table = s.table;
    for (pi, p) in projects(table) {
        let start = s.out.len();
        facts.clear();
        facts.extend(p.indicators.iter().map(Facts::of));
        structure.project(s, pi, p, &facts);
        content::project(s, pi, p, &mut switches, &facts);
        mismatches.project(s, pi, p);
        if let Some(new) = s.out.get_mut(start..) {
            sort_findings(new);
        }
    }
}

/// What several per-project rules ask of one indicator, found once.
pub(crate) struct Facts<'t> {
    /// [`text::unit_of`].
    pub unit: Option<Cow<'t, str>>,
    /// The bytes of the name (untrimmed): a word with a byte outside it is
    /// not in the name, nor in the trimmed name ([`text::has_in`]).
    pub(in crate::review) name_bytes: text::ByteSet,
    /// The bytes of the value as written (`raw_value`, untrimmed).
    pub(in crate::review) raw_bytes: text::ByteSet,
    name: &'t str,
    satisfaction: std::cell::OnceCell<bool>,
}

impl<'t> Facts<'t> {
    fn of(i: &'t Indicator) -> Self {
        Facts {
            unit: text::unit_of(i),
            name_bytes: text::ByteSet::of(&i.name),
            raw_bytes: text::ByteSet::of(&i.raw_value),
            name: &i.name,
            satisfaction: std::cell::OnceCell::new(),
        }
    }

    /// [`text::names_satisfaction`] of the name, asked when first needed
    /// (most rules ask it last). A name without the bytes of 满意 is none
    /// (`names_satisfaction` asks for 满意 first).
    pub fn satisfaction(&self) -> bool {
        *self
            .satisfaction
            .get_or_init(|| self.name_bytes.may_have("满意") && text::names_satisfaction(self.name))
    }
}

/// The reader's notices as findings: at info, unless the notice is a
/// catalogue rule the reader checks (`amount-unparseable`, `no-projects`),
/// which keeps the rule's severity and is reported even when the profile
/// switches the reader's notices off (`notices = false`).
fn notices(table: &Table, profile: &Profile, rules: &[RuleState], out: &mut Vec<Finding>) {
    for n in &table.notices {
        let state = RuleId::find(&n.code).and_then(|id| Sink::state_in(rules, id));
        let (enabled, severity) = match state {
            Some(r) => (r.enabled, r.severity.unwrap_or(r.default)),
            None => (
                profile.notice_enabled(&n.code),
                profile.severity(&n.code, Severity::Info),
            ),
        };
        if !enabled {
            continue;
        }
        out.push(Finding {
            rule: Cow::Owned(n.code.clone()),
            severity,
            location: Location {
                row: n.origin.map(|o| o.row),
                // Column 0: the notice is about the whole row.
                col: n.origin.map(|o| o.col).filter(|c| *c > 0),
                ..Location::default()
            },
            message: Message::owned(n.message.clone(), n.english().to_string()),
        });
    }
}

/// Sort by (row, column, span, rule), stable: findings at the same place and
/// of the same rule keep the order the rules emitted them in.
fn sort_findings(out: &mut [Finding]) {
    out.sort_by(order);
}

/// (row, column, span start, span end); absent parts sort first.
fn place(f: &Finding) -> (u32, u32, u32, u32) {
    let (s, e) = f.location.span.map(|s| (s.start, s.end)).unwrap_or((0, 0));
    (
        f.location.row.unwrap_or(0),
        f.location.col.unwrap_or(0),
        s,
        e,
    )
}

/// The text of a cell as the model holds it (name, amount, goal or
/// indicator cell), for showing a finding in context. Linear in the table;
/// for many look-ups build a [`CellIndex`] once.
pub fn cell_text(table: &Table, row: u32, col: u32) -> Option<String> {
    CellIndex::new(table).text(row, col)
}

/// What sits on a source row.
#[derive(Clone, Copy)]
enum RowRef<'a> {
    Amounts(&'a crate::model::AmountRow),
    Project(&'a Project),
}

/// Row → model lookup, built once per table: [`CellIndex::text`] is O(1).
pub struct CellIndex<'a> {
    table: &'a Table,
    rows: std::collections::HashMap<u32, RowRef<'a>>,
    /// Row layouts: the indicator written on each row.
    indicators: std::collections::HashMap<u32, &'a Indicator>,
    /// A form's amounts in cells of their own (`Project::amount_origins`):
    /// (row, col) → the amount.
    amounts: std::collections::HashMap<(u32, u32), (Field, Option<rust_decimal::Decimal>)>,
}

impl<'a> CellIndex<'a> {
    pub fn new(table: &'a Table) -> Self {
        let mut rows = std::collections::HashMap::new();
        let mut indicators = std::collections::HashMap::new();
        let mut amounts = std::collections::HashMap::new();
        if let Some(gt) = &table.grand_total {
            rows.entry(gt.origin.row).or_insert(RowRef::Amounts(gt));
        }
        for u in &table.units {
            if let Some(st) = &u.stated {
                rows.entry(st.origin.row).or_insert(RowRef::Amounts(st));
            }
            for p in &u.projects {
                rows.entry(p.origin.row).or_insert(RowRef::Project(p));
                let f = &p.funding;
                let values = [
                    (Field::Total, f.total),
                    (Field::FiscalAppropriation, f.fiscal_appropriation),
                    (Field::SpecialAccount, f.special_account),
                    (Field::OtherFunds, f.other_funds),
                ];
                for (o, v) in p.amount_origins.iter().flat_map(|a| a.iter()).zip(values) {
                    if let Some(o) = o {
                        amounts.entry((o.row, o.col)).or_insert(v);
                    }
                }
                if p.indicator_cell.is_none() {
                    for i in &p.indicators {
                        indicators.entry(i.origin.row).or_insert(i);
                    }
                }
            }
        }
        CellIndex {
            table,
            rows,
            indicators,
            amounts,
        }
    }

    /// The amount a key–value form holds in the cell at (row, col), if any:
    /// such a cell is not in a header column.
    pub fn form_amount(&self, row: u32, col: u32) -> Option<Field> {
        self.amounts.get(&(row, col)).map(|(f, _)| *f)
    }

    /// The text of the cell at (row, col), if the model holds it.
    pub fn text(&self, row: u32, col: u32) -> Option<String> {
        if let Some((_, v)) = self.amounts.get(&(row, col)) {
            let scale = self.table.money_scale;
            return Some(
                v.map(|d| crate::money::from_wan(d, scale).to_string())
                    .unwrap_or_default(),
            );
        }
        let field = field_at(self.table, col)?;
        if let Some(i) = self.indicators.get(&row) {
            let text = match field {
                Field::Category => Some(i.category_raw.as_str()),
                Field::Subcategory => i.subcategory.as_deref(),
                Field::IndicatorName => Some(i.name.as_str()),
                Field::TargetValue => Some(i.raw_value.as_str()),
                // The long CSV's value as written, where it was read (not
                // where the structured columns won over it).
                Field::RawValue if i.origin.col == col => Some(i.raw_value.as_str()),
                Field::Comparator => i.op_column(),
                Field::MeasureUnit => i.unit_column(),
                Field::PriorActual => i.prior_actual(),
                Field::Weight => return i.weight().map(|w| w.to_string()),
                _ => None,
            };
            if let Some(t) = text {
                return Some(t.to_string());
            }
        }
        let amount = |f: &crate::model::Funding| -> Option<String> {
            let v = match field {
                Field::Total => f.total,
                Field::FiscalAppropriation => f.fiscal_appropriation,
                Field::SpecialAccount => f.special_account,
                Field::OtherFunds => f.other_funds,
                _ => return None,
            };
            // As the table printed it (元 tables in 元), less any thousands separators.
            let scale = self.table.money_scale;
            Some(
                v.map(|d| crate::money::from_wan(d, scale).to_string())
                    .unwrap_or_default(),
            )
        };
        match *self.rows.get(&row)? {
            RowRef::Amounts(r) => match field {
                Field::ProjectName | Field::UnitName => Some(r.label.clone()),
                _ => amount(&r.funding),
            },
            RowRef::Project(p) => match field {
                Field::ProjectName => Some(p.name.clone()),
                Field::Goal => p.goal.clone(),
                Field::IndicatorCell => p.indicator_cell.clone(),
                _ => amount(&p.funding),
            },
        }
    }
}

/// Which field a column holds: from the header, else the one-cell layout's order.
fn field_at(table: &Table, col: u32) -> Option<Field> {
    if let Some(c) = table.columns.iter().find(|c| c.col == col) {
        return Some(c.field);
    }
    if !table.columns.is_empty() {
        return None;
    }
    default_field(col)
}

fn default_field(col: u32) -> Option<Field> {
    crate::model::ONE_CELL_FIELDS
        .get((col as usize).checked_sub(1)?)
        .copied()
}

/// The column of a field: from the header; in a table whose header lacks the
/// field (a row layout has no 绩效指标 cell), the project's name column; with
/// no header at all, the one-cell layout's order.
pub(crate) fn column(table: &Table, field: Field) -> u32 {
    if let Some(c) = table.column_of(field) {
        return c;
    }
    if !table.columns.is_empty() {
        if let Some(c) = table
            .column_of(Field::ProjectName)
            .or(table.column_of(Field::UnitName))
        {
            return c;
        }
    }
    let field = if field == Field::UnitName {
        Field::ProjectName
    } else {
        field
    };
    crate::model::ONE_CELL_FIELDS
        .iter()
        .position(|f| *f == field)
        .map_or(7, |k| k as u32 + 1)
}

/// Collects findings, applying the profile's switches and severities.
pub(crate) struct Sink<'a> {
    pub table: &'a Table,
    pub profile: &'a Profile,
    /// The catalogue's rules under the profile.
    pub rules: &'a [RuleState],
    pub out: Vec<Finding>,
}

impl Sink<'_> {
    /// The resolved switches of a catalogue rule (`rules` is the sink's own,
    /// borrowed apart from the sink; [`rule_states`] keeps the catalogue's order).
    fn state_in(rules: &[RuleState], id: RuleId) -> Option<&RuleState> {
        rules.get(id.index())
    }

    pub fn on(&self, id: RuleId) -> bool {
        Self::state_in(self.rules, id).is_some_and(|r| r.enabled)
    }

    /// Emit a finding of rule `id` at its default severity. `what` builds the
    /// location and the (Chinese, English) messages; it runs only when the
    /// rule is enabled.
    pub fn emit(&mut self, id: RuleId, what: impl FnOnce() -> (Location, Message)) {
        let rules = self.rules;
        if let Some(state) = Self::state_in(rules, id) {
            self.emit_with(id, state, state.default, what);
        }
    }

    /// Emit with an explicit default severity (still overridable by the profile).
    pub fn emit_at(
        &mut self,
        id: RuleId,
        sev: Severity,
        what: impl FnOnce() -> (Location, Message),
    ) {
        let rules = self.rules;
        if let Some(state) = Self::state_in(rules, id) {
            self.emit_with(id, state, sev, what);
        }
    }

    /// [`Sink::emit_at`] with the rule's state already looked up.
    fn emit_with(
        &mut self,
        id: RuleId,
        state: &RuleState,
        sev: Severity,
        what: impl FnOnce() -> (Location, Message),
    ) {
        if !state.enabled {
            return;
        }
        let (location, message) = what();
        self.out.push(Finding {
            rule: Cow::Borrowed(id.id()),
            severity: state.severity.unwrap_or(sev),
            location,
            message,
        });
    }
}

/// A catalogue rule under the profile, resolved once per review.
pub(crate) struct RuleState {
    enabled: bool,
    /// The catalogue's severity.
    default: Severity,
    /// The profile's override.
    severity: Option<Severity>,
}

/// The catalogue under `profile`, in the catalogue's order (indexed by [`RuleId`]).
fn rule_states(profile: &Profile) -> Vec<RuleState> {
    RULES
        .iter()
        .map(|r| RuleState {
            enabled: profile.enabled(r.id),
            default: r.severity,
            severity: profile.severity_override(r.id),
        })
        .collect()
}

/// The (Chinese, English) fix of a catalogue rule, split once per process.
fn help_texts(id: &str) -> Option<(&'static str, &'static str)> {
    static CACHE: std::sync::OnceLock<std::collections::HashMap<&'static str, (String, String)>> =
        std::sync::OnceLock::new();
    let map = CACHE.get_or_init(|| {
        RULES
            .iter()
            .map(|r| (r.id, split_bilingual(r.fix)))
            .collect()
    });
    map.get(id).map(|(zh, en)| (zh.as_str(), en.as_str()))
}

/// Split a catalogue text `中文。 English.` where a space and an English word
/// (a capital, then a small letter or a space: `The`, `A `) follow a
/// non-ASCII character. An abbreviation inside the Chinese (`以 PUE、pH
/// 结尾`) is no boundary.
pub(crate) fn split_bilingual(text: &str) -> (String, String) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(4) {
        if let [(_, a), (_, ' '), (i, c), (_, d)] = w {
            if !a.is_ascii() && c.is_ascii_uppercase() && (*d == ' ' || d.is_ascii_lowercase()) {
                let (zh, en) = text.split_at(*i);
                return (zh.trim().to_string(), en.trim().to_string());
            }
        }
    }
    (text.to_string(), text.to_string())
}

/// Location of a project (its name cell).
pub(crate) fn project_loc(table: &Table, index: usize, p: &Project, field: Field) -> Location {
    Location {
        row: Some(p.origin.row),
        col: Some(column(table, field)),
        span: None,
        project: Some(index as u32),
        indicator: None,
    }
}

/// Location of an indicator (its item in the cell).
pub(crate) fn indicator_loc(index: usize, _p: &Project, i: &Indicator) -> Location {
    Location {
        row: Some(i.origin.row),
        col: Some(i.origin.col),
        span: i.span,
        project: Some(index as u32),
        indicator: i.seq,
    }
}

/// Location of the value part of an indicator item, when it can be found in the cell.
pub(crate) fn value_loc(index: usize, p: &Project, i: &Indicator) -> Location {
    let mut loc = indicator_loc(index, p, i);
    if let (Some(cell), Some(span)) = (p.indicator_cell.as_deref(), i.span) {
        if let Some(item) = cell.get(span.range()) {
            if !i.raw_value.is_empty() {
                if let Some(pos) = last_occurrence(item, &i.raw_value) {
                    let start = span.start + pos as u32;
                    loc.span = Some(Span::new(start, start + i.raw_value.len() as u32));
                }
            }
        }
    }
    loc
}

/// Location of an indicator's 一级 (category): its column's cell on the
/// indicator's row in a row layout; in the one-cell layout the category
/// words inside the item (`产出指标` of `1-产出指标：…`), else the item.
pub(crate) fn category_loc(t: &Table, index: usize, p: &Project, i: &Indicator) -> Location {
    let mut loc = indicator_loc(index, p, i);
    match (p.indicator_cell.as_deref(), i.span) {
        (Some(cell), Some(span)) => {
            let words = text::trim(&i.category_raw);
            let at = (!words.is_empty())
                .then(|| cell.get(span.range())?.find(words))
                .flatten();
            if let Some(at) = at {
                let start = span.start + at as u32;
                loc.span = Some(Span::new(start, start + words.len() as u32));
            }
        }
        (None, _) => {
            if let Some(col) = t.column_of(Field::Category) {
                loc.col = Some(col);
                loc.span = None;
            }
        }
        (Some(_), None) => {}
    }
    loc
}

/// Location of an indicator's unit: the value's, except in a row layout whose
/// 度量单位 column gave the unit (the value is a bare number), where it is that
/// column's cell on the indicator's row.
pub(crate) fn unit_loc(t: &Table, index: usize, p: &Project, i: &Indicator) -> Location {
    let mut loc = value_loc(index, p, i);
    let from_column = p.indicator_cell.is_none()
        && i.unit_column().is_some_and(|u| !text::trim(u).is_empty())
        && crate::grammar::parse_value(&i.raw_value)
            .target
            .quantity()
            .is_some_and(|q| q.unit.is_none());
    if let (true, Some(col)) = (from_column, t.column_of(Field::MeasureUnit)) {
        loc.col = Some(col);
        loc.span = None;
    }
    loc
}

/// `hay.rfind(needle)`, looking first at the last few places by hand: the
/// value sits at the end of its item (before the terminator), so the last
/// occurrence nearly always starts within a few bytes of the end, where a
/// plain comparison beats setting up a substring searcher.
fn last_occurrence(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last_start = h.len().checked_sub(n.len())?;
    let nearest = last_start.saturating_sub(8);
    for q in (nearest..=last_start).rev() {
        // The first byte before the whole slice: most places fail on it.
        if h.get(q) == n.first() && h.get(q..q + n.len()) == Some(n) && hay.is_char_boundary(q) {
            return Some(q);
        }
    }
    // Earlier starts end before `nearest + n.len() - 1`. A byte match of valid
    // UTF-8 in valid UTF-8 always starts on a character boundary.
    let head = h.get(..(nearest + n.len()).saturating_sub(1))?;
    memchr::memmem::rfind(head, n)
}

/// Projects with their global index.
pub(crate) fn projects(table: &Table) -> impl Iterator<Item = (usize, &Project)> {
    table.projects().enumerate()
}

/// A short label for an indicator in messages: `「项目」第3项「名称」`, or in
/// English `"项目" item 3 "名称"`.
pub(crate) fn ind_label(p: &Project, i: &Indicator, lang: Lang) -> String {
    use std::fmt::Write;
    // Given its room at once: grown piece by piece (`to_string`), the label
    // was reallocated several times.
    let mut out = String::with_capacity(p.name.len() + i.name.len() + 32);
    // Writing into a String cannot fail.
    let _ = write!(out, "{}", Label(p, i, lang));
    out
}

/// [`ind_label`] without allocating: formatted only when a message is built.
pub(crate) struct Label<'a>(pub &'a Project, pub &'a Indicator, pub Lang);

impl std::fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (p, i, lang) = (self.0, self.1, self.2);
        let name = Named(p, lang);
        match (lang, i.seq) {
            (Lang::Zh, Some(s)) => write!(f, "「{name}」第{s}项「{}」", i.name),
            (Lang::Zh, None) => write!(f, "「{name}」的「{}」", i.name),
            (Lang::English, Some(s)) => write!(f, "\"{name}\" item {s} \"{}\"", i.name),
            (Lang::English, None) => write!(f, "\"{name}\" indicator \"{}\"", i.name),
        }
    }
}

/// A project's name in a message; a project whose name cell is blank is
/// named by its row (`第13行，未填名称`), not shown as an empty `「」`.
pub(crate) struct Named<'a>(pub &'a Project, pub Lang);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (p, lang) = (self.0, self.1);
        if !text::trim(&p.name).is_empty() {
            return f.write_str(&p.name);
        }
        match lang {
            Lang::Zh => write!(f, "第{}行，未填名称", p.origin.row),
            Lang::English => write!(f, "row {}, no name", p.origin.row),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(row: u32, rule: &'static str, tag: &str) -> Finding {
        Finding {
            rule: Cow::Borrowed(rule),
            severity: Severity::Info,
            location: Location {
                row: Some(row),
                ..Location::default()
            },
            message: Message::plain(tag),
        }
    }

    #[test]
    fn last_occurrence_is_rfind() {
        let hays = [
            "",
            "5000人次。",
            "发布推送100篇，100篇。",
            "≥95%；",
            "100",
            "人次人次人次人次人次人次",
        ];
        let needles = ["", "100", "100篇", "人次", "5000人次", "≥95%", "；", "x"];
        for h in hays {
            for n in needles {
                assert_eq!(last_occurrence(h, n), h.rfind(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn merge_equals_a_stable_sort_of_both_runs() {
        // Rows and rules with many ties; each side sorted on its own.
        let rules = ["a", "b", "c"];
        let side = |n: u32, salt: u32, tag: &str| -> Vec<Finding> {
            let mut v: Vec<Finding> = (0..n)
                .map(|k| {
                    let x = k.wrapping_mul(2_654_435_761).wrapping_add(salt);
                    finding(x % 17, rules[(x as usize / 17) % 3], &format!("{tag}{k}"))
                })
                .collect();
            sort_findings(&mut v);
            v
        };
        for (na, nb) in [(0, 0), (0, 5), (5, 0), (40, 25), (3, 60), (100, 100)] {
            let a = side(na, 7, "a");
            let b = side(nb, 11, "b");
            let mut want = a.clone();
            want.extend(b.clone());
            sort_findings(&mut want);
            let mut got = a;
            merge_sorted(&mut got, b);
            assert_eq!(got, want, "{na} + {nb}");
        }
    }
}
