//! `project-duplicate`: the same project entered twice in one table.
//!
//! A copied row counts its money twice, so the unit and 合计 rows stop adding
//! up or, worse, were computed with the copy. Two projects are the same when
//! name, amounts, goal and indicators all agree. A later project is compared
//! with the first project of its name and total as written (a 64-bit
//! fingerprint, one look-up each); one that differs from it (another goal,
//! say) is kept in an exact map by name and total, where a third copy finds it.

use super::id;
use super::text::{trim, FastHasher, FastMap};
use super::{msg, project_loc, Arg, Sink, Template};
use crate::model::{Field, Project};
use std::collections::hash_map::Entry;
use std::hash::Hasher;

static PROJECT_DUPLICATE: Template = Template {
    zh: "项目「{0}」与第{1}行的项目完全相同（名称、金额、绩效目标和指标），疑为重复填报",
    en: "project \"{0}\" repeats the project on row {1} (name, amounts, goal and indicators)",
};

/// Fed project by project in the worker's pass; reports at the end.
pub(super) struct DuplicateProjects<'t> {
    /// Fingerprint of (name, total as written) → the first project with it.
    first: FastMap<u64, &'t Project>,
    /// Projects behind a fingerprint already taken by an unequal project
    /// (another goal, say, or a true hash collision): by name and total.
    collided: FastMap<(&'t str, Option<[u8; 16]>), &'t Project>,
    /// (later project index, later project, the earlier one).
    found: Vec<(usize, &'t Project, &'t Project)>,
}

impl<'t> DuplicateProjects<'t> {
    pub(super) fn new() -> Self {
        DuplicateProjects {
            first: FastMap::default(),
            collided: FastMap::default(),
            found: Vec::new(),
        }
    }

    /// Project `p` (index `pi`); projects in source order. Whether it is a
    /// copy of an earlier project (the other groupings then leave it out:
    /// one finding says it, not also a copy group or a shared goal with
    /// itself). Found whether or not `project-duplicate` is switched on: a
    /// copy is one project entered twice for the other rules too, and
    /// switching the rule off must not make them report the copy (as an
    /// edited copy, a copy group, a unit cost of its own).
    pub(super) fn project(&mut self, pi: usize, p: &'t Project) -> bool {
        let name = trim(&p.name);
        if name.is_empty() {
            return false;
        }
        // The total's bytes as written: a copied row has the same scale too.
        let total = p.funding.total.map(|d| d.serialize());
        let mut h = FastHasher::default();
        h.write(name.as_bytes());
        h.write(&total.unwrap_or_default());
        let earlier = match self.first.entry(h.finish()) {
            Entry::Vacant(v) => {
                v.insert(p);
                return false;
            }
            Entry::Occupied(o) => *o.get(),
        };
        if same(earlier, p) {
            self.found.push((pi, p, earlier));
            return true;
        }
        match self.collided.entry((name, total)) {
            Entry::Vacant(v) => {
                v.insert(p);
                false
            }
            Entry::Occupied(o) => {
                let earlier = *o.get();
                let copy = same(earlier, p);
                if copy {
                    self.found.push((pi, p, earlier));
                }
                copy
            }
        }
    }

    pub(super) fn finish(self, s: &mut Sink<'t>) {
        let t = s.table;
        for (pi, p, earlier) in self.found {
            s.emit(id!("project-duplicate"), || {
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

static NAME_DUPLICATE: Template = Template {
    zh: "项目「{0}」与同一单位第{1}行的项目同名，但金额、目标或指标不同，疑为修改过的重复行",
    en: "project \"{0}\" has the name of the project on row {1} of the same unit but other amounts, goal or indicators: perhaps an edited copy",
};

/// `project-name-duplicate`: a later project of a unit named as an earlier
/// one, unless it is an exact copy (`copy_of_earlier`, reported as
/// `project-duplicate`). Projects of different units may share a name (every
/// unit has its 办公经费).
pub(super) fn same_names(s: &mut Sink<'_>, copy_of_earlier: &[bool]) {
    if !s.on(id!("project-name-duplicate")) {
        return;
    }
    let t = s.table;
    let mut pi = 0usize;
    let mut first: FastMap<&str, &Project> = FastMap::default();
    for u in &t.units {
        first.clear();
        for p in &u.projects {
            let name = trim(&p.name);
            let copy = copy_of_earlier.get(pi).copied().unwrap_or(false);
            if !name.is_empty() {
                match first.entry(name) {
                    Entry::Vacant(v) => {
                        v.insert(p);
                    }
                    Entry::Occupied(o) if !copy => {
                        let row = o.get().origin.row;
                        s.emit(id!("project-name-duplicate"), || {
                            (
                                project_loc(t, pi, p, Field::ProjectName),
                                msg!(NAME_DUPLICATE, Arg::project(pi), Arg::Int(i64::from(row))),
                            )
                        });
                    }
                    Entry::Occupied(_) => {}
                }
            }
            pi += 1;
        }
    }
}

/// Same name, amounts, goal and indicators.
fn same(a: &Project, b: &Project) -> bool {
    fn goal(p: &Project) -> &str {
        p.goal.as_deref().map(trim).unwrap_or_default()
    }
    let item = |i: &crate::model::Indicator, j: &crate::model::Indicator| {
        i.category_raw == j.category_raw
            && trim(&i.name) == trim(&j.name)
            && trim(&i.raw_value) == trim(&j.raw_value)
    };
    trim(&a.name) == trim(&b.name)
        && a.funding == b.funding
        && goal(a) == goal(b)
        && a.indicators.len() == b.indicators.len()
        && a.indicators
            .iter()
            .zip(&b.indicators)
            .all(|(i, j)| item(i, j))
}
