//! `project-duplicate`: the same project entered twice in one table.
//!
//! A copied row counts its money twice, so the unit and 合计 rows stop adding
//! up or, worse, were computed with the copy. Two projects are the same when
//! name, amounts, goal and indicators all agree; a later project is compared
//! with the first project of its name and total (one hash look-up each).

use super::text::{trim, FastMap};
use super::{msg, project_loc, Arg, Sink, Template};
use crate::model::{Field, Project};
use rust_decimal::Decimal;

static PROJECT_DUPLICATE: Template = Template {
    zh: "项目「{0}」与第{1}行的项目完全相同（名称、金额、绩效目标和指标），疑为重复填报",
    en: "project \"{0}\" repeats the project on row {1} (name, amounts, goal and indicators)",
};

/// Fed project by project in the worker's pass; reports at the end.
pub(super) struct DuplicateProjects<'t> {
    on: bool,
    first: FastMap<(&'t str, Option<Decimal>), (usize, &'t Project)>,
    /// (later project index, later project, the earlier one).
    found: Vec<(usize, &'t Project, &'t Project)>,
}

impl<'t> DuplicateProjects<'t> {
    pub(super) fn new(s: &Sink<'t>) -> Self {
        DuplicateProjects {
            on: s.on("project-duplicate"),
            first: FastMap::default(),
            found: Vec::new(),
        }
    }

    /// Project `p` (index `pi`); projects in source order.
    pub(super) fn project(&mut self, pi: usize, p: &'t Project) {
        let name = trim(&p.name);
        if !self.on || name.is_empty() {
            return;
        }
        match self.first.get(&(name, p.funding.total)) {
            Some(&(_, earlier)) => {
                if same(earlier, p) {
                    self.found.push((pi, p, earlier));
                }
            }
            None => {
                self.first.insert((name, p.funding.total), (pi, p));
            }
        }
    }

    pub(super) fn finish(self, s: &mut Sink<'t>) {
        let t = s.table;
        for (pi, p, earlier) in self.found {
            s.emit("project-duplicate", || {
                (
                    project_loc(t, pi, p, Field::ProjectName),
                    msg!(
                        PROJECT_DUPLICATE,
                        Arg::project(pi),
                        Arg::Int(i64::from(earlier.origin.row))
                    ),
                )
            });
        }
    }
}

/// Same amounts, goal and indicators (the names are already equal).
fn same(a: &Project, b: &Project) -> bool {
    fn goal(p: &Project) -> &str {
        p.goal.as_deref().map(trim).unwrap_or_default()
    }
    let item = |i: &crate::model::Indicator, j: &crate::model::Indicator| {
        i.category_raw == j.category_raw
            && trim(&i.name) == trim(&j.name)
            && trim(&i.raw_value) == trim(&j.raw_value)
    };
    a.funding == b.funding
        && goal(a) == goal(b)
        && a.indicators.len() == b.indicators.len()
        && a.indicators
            .iter()
            .zip(&b.indicators)
            .all(|(i, j)| item(i, j))
}
