//! Finding messages, rendered only when shown.
//!
//! A large table can yield hundreds of thousands of findings; formatting two
//! sentences for each while reviewing cost more than the rules themselves. A
//! [`Message`] therefore keeps a `'static` bilingual [`Template`] and up to
//! three small [`Arg`]s that point into the table (project and indicator
//! indices, goal spans) or carry a number. [`Messages`] renders it, in either
//! language, against the table the finding came from.
//!
//! Template syntax: `{0}`, `{1}`, `{2}` insert an argument; `{0.raw}` picks a
//! part of an indicator argument (`label`, the default; `name`, `raw`,
//! `prefix` (the text before the value), `level`, `category`, `unit`, `prior`
//! (the 上年实际值 as written), `amount` (its project's money in 万元)).

use crate::model::{Indicator, Project, Table};
use rust_decimal::Decimal;
use std::fmt::{self, Display, Write as _};

/// Which language to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    English,
}

/// A bilingual text with placeholders.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Template {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::English => self.en,
        }
    }
}

/// An empty text (a placeholder message).
pub(crate) static EMPTY: Template = Template { zh: "", en: "" };

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Arg {
    #[default]
    None,
    /// A project (its global index): renders its name.
    Project(u32),
    /// An indicator: project index and position in `Project::indicators`.
    Indicator(u32, u32),
    /// Bytes `start..end` of a project's goal.
    GoalSpan(u32, u32, u32),
    Int(i64),
    Dec(Decimal),
    /// A term in both languages.
    Term(&'static Template),
    /// Text that reads the same in both languages (a unit, a symbol).
    Str(&'static str),
    /// Text computed by the rule (rare: allocates).
    Text(Box<str>),
}

impl Arg {
    /// The indicator `i` of project `p` (index `pi`). `i` must be an element of
    /// `p.indicators`; otherwise the argument renders as the indicator's absence.
    pub fn indicator(pi: usize, p: &Project, i: &Indicator) -> Arg {
        // The position from the address (O(1): a project may have thousands of
        // indicators), confirmed by identity.
        let size = std::mem::size_of::<Indicator>().max(1);
        let offset = (i as *const Indicator as usize).wrapping_sub(p.indicators.as_ptr() as usize);
        let k = offset / size;
        let found = offset % size == 0 && p.indicators.get(k).is_some_and(|x| std::ptr::eq(x, i));
        Arg::Indicator(index32(pi), if found { index32(k) } else { u32::MAX })
    }

    pub fn project(pi: usize) -> Arg {
        Arg::Project(index32(pi))
    }

    pub fn text(s: impl Into<Box<str>>) -> Arg {
        Arg::Text(s.into())
    }
}

fn index32(k: usize) -> u32 {
    u32::try_from(k).unwrap_or(u32::MAX)
}

/// What a finding says: a template with arguments, or (for rare, elaborate
/// messages) two texts formatted by the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Repr);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    Template(&'static Template, [Arg; 3]),
    Owned(Box<(String, String)>),
}

impl Message {
    pub fn new(template: &'static Template, args: [Arg; 3]) -> Message {
        Message(Repr::Template(template, args))
    }

    /// A message formatted by the rule, in Chinese and English.
    pub fn owned(zh: String, en: String) -> Message {
        Message(Repr::Owned(Box::new((zh, en))))
    }

    /// The same text in both languages.
    pub fn plain(text: &str) -> Message {
        Message::owned(text.to_string(), text.to_string())
    }
}

/// `msg!(TEMPLATE, a, b)`: a [`Message`] with up to three arguments.
macro_rules! msg {
    ($t:expr) => {
        $crate::review::Message::new(&$t, Default::default())
    };
    ($t:expr, $a:expr) => {
        $crate::review::Message::new(
            &$t,
            [$a, $crate::review::Arg::None, $crate::review::Arg::None],
        )
    };
    ($t:expr, $a:expr, $b:expr) => {
        $crate::review::Message::new(&$t, [$a, $b, $crate::review::Arg::None])
    };
    ($t:expr, $a:expr, $b:expr, $c:expr) => {
        $crate::review::Message::new(&$t, [$a, $b, $c])
    };
}
pub(crate) use msg;

/// Renders messages against the table the findings came from.
pub struct Messages<'t> {
    projects: Vec<&'t Project>,
}

impl<'t> Messages<'t> {
    pub fn new(table: &'t Table) -> Self {
        Messages {
            projects: table.projects().collect(),
        }
    }

    /// Project `index` (as in [`super::Location::project`]).
    pub fn project(&self, index: u32) -> Option<&'t Project> {
        self.projects.get(index as usize).copied()
    }

    /// The name of project `index`, or "" when there is none.
    pub fn project_name(&self, index: u32) -> &'t str {
        self.project(index).map(|p| p.name.as_str()).unwrap_or("")
    }

    fn indicator(&self, pi: u32, k: u32) -> Option<(&'t Project, &'t Indicator)> {
        let p = self.project(pi)?;
        Some((p, p.indicators.get(k as usize)?))
    }

    /// The message of `finding` in `lang`, rendered when displayed.
    pub fn display<'a>(&'a self, message: &'a Message, lang: Lang) -> impl Display + 'a {
        Rendered {
            messages: self,
            message,
            lang,
        }
    }

    /// The message as a string.
    pub fn render(&self, message: &Message, lang: Lang) -> String {
        self.display(message, lang).to_string()
    }
}

struct Rendered<'a, 't> {
    messages: &'a Messages<'t>,
    message: &'a Message,
    lang: Lang,
}

impl Display for Rendered<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message.0 {
            Repr::Owned(texts) => f.write_str(match self.lang {
                Lang::Zh => &texts.0,
                Lang::English => &texts.1,
            }),
            Repr::Template(t, args) => self.fill(f, t.text(self.lang), args),
        }
    }
}

impl Rendered<'_, '_> {
    /// Copy `text`, replacing each `{n}` / `{n.part}` by its argument. A brace
    /// that does not open a placeholder is copied as it is.
    fn fill(&self, f: &mut fmt::Formatter<'_>, mut text: &str, args: &[Arg; 3]) -> fmt::Result {
        while let Some(open) = text.find('{') {
            let (before, rest) = text.split_at(open);
            f.write_str(before)?;
            let placeholder = rest
                .find('}')
                .and_then(|close| rest.get(1..close).map(|inner| (inner, close)))
                .and_then(|(inner, close)| {
                    let (n, part) = inner.split_once('.').unwrap_or((inner, ""));
                    let n: usize = n.parse().ok()?;
                    Some((args.get(n)?, part, close))
                });
            match placeholder {
                Some((arg, part, close)) => {
                    self.arg(f, arg, part)?;
                    text = rest.get(close + 1..).unwrap_or_default();
                }
                None => {
                    f.write_char('{')?;
                    text = rest.get(1..).unwrap_or_default();
                }
            }
        }
        f.write_str(text)
    }

    fn arg(&self, f: &mut fmt::Formatter<'_>, arg: &Arg, part: &str) -> fmt::Result {
        let m = self.messages;
        match arg {
            Arg::None => Ok(()),
            Arg::Project(pi) => match m.project(*pi) {
                Some(p) => write!(f, "{}", super::Named(p, self.lang)),
                None => Ok(()),
            },
            Arg::Indicator(pi, k) => match m.indicator(*pi, *k) {
                Some((p, i)) => indicator_part(f, p, i, part, self.lang),
                None => f.write_str("?"),
            },
            Arg::GoalSpan(pi, start, end) => f.write_str(
                m.project(*pi)
                    .and_then(|p| p.goal.as_deref())
                    .and_then(|g| g.get(*start as usize..*end as usize))
                    .unwrap_or_default(),
            ),
            Arg::Int(n) => write!(f, "{n}"),
            Arg::Dec(d) => write!(f, "{d}"),
            Arg::Term(t) => f.write_str(t.text(self.lang)),
            Arg::Str(s) => f.write_str(s),
            Arg::Text(s) => f.write_str(s),
        }
    }
}

fn indicator_part(
    f: &mut fmt::Formatter<'_>,
    p: &Project,
    i: &Indicator,
    part: &str,
    lang: Lang,
) -> fmt::Result {
    match part {
        "name" => f.write_str(&i.name),
        "raw" => f.write_str(&i.raw_value),
        "prefix" => f.write_str(i.value_label.as_deref().unwrap_or_default()),
        "level" => f.write_str(&i.category_raw),
        "category" => f.write_str(match lang {
            Lang::Zh => i.category.label(),
            Lang::English => i.category.english(),
        }),
        "unit" => f.write_str(super::text::unit_of(i).as_deref().unwrap_or_default()),
        "prior" => f.write_str(i.prior_actual().unwrap_or_default()),
        "amount" => match p.funding.amount() {
            Some(a) => write!(f, "{}", crate::money::wan_for_message(a)),
            None => Ok(()),
        },
        _ => write!(f, "{}", super::Label(p, i, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static T: Template = Template {
        zh: "{0}：指标值「{0.raw}」缺少比较符（{1}，{2}）{x} {9}",
        en: "{0}: value \"{0.raw}\" has no comparator ({1}, {2}) {x} {9}",
    };
    static TERM: Template = Template {
        zh: "数量",
        en: "quantity",
    };

    fn table() -> Table {
        let cell = "1-产出指标：培训次数，年度指标值：2次。2-产出指标：新媒体推送，年度指标值：3篇。3-产出指标：培训人数，年度指标值：200人。";
        let parsed = crate::grammar::parse_cell(cell, crate::model::Origin::new(2, 7));
        let p = Project {
            name: "培训项目".into(),
            code: None,
            funding: crate::model::Funding::default(),
            goal: Some("开展培训2次。".into()),
            indicators: parsed.indicators,
            origin: crate::model::Origin::new(2, 1),
            indicator_cell: Some(cell.into()),
            amount_origins: None,
        };
        let mut t = Table::default();
        t.units.push(crate::model::Unit {
            name: "单位".into(),
            code: None,
            stated: None,
            projects: vec![p],
        });
        t
    }

    #[test]
    fn placeholders_parts_terms_and_stray_braces() {
        let t = table();
        let m = Messages::new(&t);
        let msg = msg!(
            T,
            Arg::Indicator(0, 2),
            Arg::Term(&TERM),
            Arg::Dec(Decimal::new(1250, 2))
        );
        assert_eq!(
            m.render(&msg, Lang::Zh),
            "「培训项目」第3项「培训人数」：指标值「200人」缺少比较符（数量，12.50）{x} {9}"
        );
        assert_eq!(
            m.render(&msg, Lang::English),
            "\"培训项目\" item 3 \"培训人数\": value \"200人\" has no comparator (quantity, 12.50) {x} {9}"
        );
    }

    #[test]
    fn dangling_references_render_as_absent() {
        let t = table();
        let m = Messages::new(&t);
        let msg = msg!(T, Arg::Indicator(0, 7), Arg::Project(9));
        assert!(m.render(&msg, Lang::Zh).starts_with("?：指标值「?」"));
    }

    #[test]
    fn indicator_argument_finds_its_position() {
        let t = table();
        let p = t.projects().next().expect("project");
        assert_eq!(Arg::indicator(0, p, &p.indicators[1]), Arg::Indicator(0, 1));
        let stranger = p.indicators[1].clone();
        assert_eq!(Arg::indicator(0, p, &stranger), Arg::Indicator(0, u32::MAX));
    }
}
