//! A form's money block: which of its columns or rows hold the year's
//! money. Headings of periods (`中期资金 | 年度资金`, `2024-2026年 | 2024年`,
//! `上年执行数 | 预算数`) matched against the form's own year, the blocks a
//! form prints side by side (the 88号 template's 中期资金总额 beside 年度资金总额),
//! labels over rows of periods, and the refusals when the year's money
//! cannot be told ([`MoneyUnclear`]).

use super::*;

/// A heading of a money block's column or row (parentheses aside:
/// `年度（2024年）`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Heading {
    /// The year's: `年度资金`, `年度`, `当年`.
    Year,
    /// Another span's: `中期资金`, `中长期`, `2024-2026年`.
    Span,
    /// The total of the years beside it (`合计`): a span's only
    /// where other headings name years.
    Total,
    /// One year's, named by its number: `2024年`, `2024年度资金`; the
    /// budget year's only if the form is for that year.
    Dated(u16),
}

pub(super) fn money_heading(text: &str) -> Option<Heading> {
    let n = super::super::preamble::ascii_years(&normalize(text)).into_owned();
    let (mut bare, mut inside) = split_parens(&n);
    // `（2024年）` alone: the parenthesis is the heading.
    if bare.is_empty() {
        bare = inside.clone();
    }
    // `年度预算 不含上年结转`: a note on the money's make-up without brackets.
    if let Some(at) = NOTE_WORDS
        .iter()
        .filter_map(|w| bare.find(w))
        .min()
        .filter(|at| *at > 0)
    {
        let note = bare.split_off(at);
        inside.push_str(&note);
    }
    // `2024年（含以前年度）`, `年度资金（2024-2026年）`: years up to it or
    // several, not the year.
    // What a heading says it leaves out (`（不含上年结转）`) or that it
    // includes money carried over (`（含上年结转）`) says nothing of its period.
    let said = without_notes(&inside);
    // `（含2023年）`, `（含2025-2026年）`: other years' money included.
    let includes_years = ["包含", "包括", "含"]
        .iter()
        .filter_map(|w| said.find(w))
        .min()
        .and_then(|at| said.get(at..))
        .is_some_and(|rest| rest.contains('年'));
    let cumulative = includes_years
        || [
            "以前", "累计", "以来", "以后", "中期", "三年", "上年", "下年",
        ]
        .iter()
        .any(|w| said.contains(w))
        || (inside != bare && years_heading(inside.trim_end_matches("度")) == Some(Heading::Span));
    let b = strip_money_words(bare.trim_end_matches(':'));
    // `年度决算数`, `本年执行数`: the year's actual money, not its budget.
    let actual = bare
        .get(b.len()..)
        .is_some_and(|words| words.contains("执行") || words.contains("决算"));
    match b {
        "年度" | "当年" | "本年度" | "本年" if cumulative || actual => Some(Heading::Span),
        "年度" | "当年" | "本年度" | "本年" => Some(Heading::Year),
        // Another period than the budget year's.
        "中期" | "中长期" | "上年" | "上年度" | "以前年度" | "以后年度" | "后续年度" | "累计"
        | "三年" | "两年" | "五年" | "三年合计" | "预计" | "实际" | "调整前" | "下年"
        | "下年度" | "明年" | "实施期" | "项目期" | "项目周期" | "实施周期" => {
            Some(Heading::Span)
        }
        "合计" | "总计" => Some(Heading::Total),
        _ => match years_heading(b) {
            Some(Heading::Dated(_)) if cumulative => Some(Heading::Span),
            h => h,
        },
    }
}

/// `年度资金`, `本年预算数`, `上年执行数`: the period, without the words of
/// money after it.
pub(super) fn strip_money_words(text: &str) -> &str {
    const WORDS: [&str; 11] = [
        "资金",
        "金额",
        "预算数",
        "预算",
        "申请数",
        "安排数",
        "安排",
        "执行数",
        "执行",
        "决算数",
        "数",
    ];
    let mut t = text;
    while let Some(rest) = WORDS.iter().find_map(|w| t.strip_suffix(w)) {
        if rest.is_empty() {
            break;
        }
        t = rest;
    }
    t
}

/// A heading of a money block's columns or rows, more loosely than
/// [`money_heading`]: a year or span followed by any few words without a
/// number or date (`2024年申请数`, `2024年一般公共预算`), which only a row of
/// headings over amounts can be taken for (a goal text cannot).
pub(super) fn block_heading(text: &str) -> Option<Heading> {
    money_heading(text).or_else(|| {
        // A money label is no heading (`2023年结转资金` is a source).
        if cell_key(text).is_some() {
            return None;
        }
        let n = super::super::preamble::ascii_years(&normalize(text)).into_owned();
        let (years, rest) = leading_years(&n)?;
        let words = rest.chars().count() <= 8
            && rest
                .chars()
                .all(|c| !c.is_ascii_digit() && !matches!(c, '月' | '日' | '至' | ':'));
        // `2024年及以前`, `2024年以前已安排`: years up to it, not the year.
        let cumulative = [
            "前", "以后", "之后", "累计", "及", "起", "以来", "至今", "中期", "三年", "上年",
            "下年",
        ]
        .iter()
        .any(|w| rest.contains(w));
        match years_heading(years) {
            Some(Heading::Dated(_)) if words && cumulative => Some(Heading::Span),
            h if words => h,
            _ => None,
        }
    })
}

/// `2024年`, `2024年度`, `2024年预算数` (one year) or `2024-2026年`,
/// `2024年至2026年`, `2024-26年` (a span): a year or span ending in 年,
/// then at most a few words of money (`资金`, `预算数`, `执行数`), no date.
pub(super) fn years_heading(b: &str) -> Option<Heading> {
    let year = |t: &str| year_number(t.trim_end_matches("年度").trim_end_matches('年'));
    let (years, rest) = leading_years(b)?;
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    // Words of money only: a goal text (`2024年完成培训`) is no heading.
    const MONEY_WORDS: [&str; 18] = [
        "",
        "资金",
        "资金总额",
        "总额",
        "预算",
        "预算数",
        "金额",
        "数",
        "执行数",
        "决算数",
        "安排",
        "安排数",
        "计划",
        "计划数",
        "调整",
        "调整数",
        "合计",
        "预计数",
    ];
    if !MONEY_WORDS.contains(&rest) {
        return None;
    }
    if let Some(y) = year(years) {
        return Some(Heading::Dated(y));
    }
    let (from, to) = span_years(years)?;
    (from < to).then_some(Heading::Span)
}

/// The first and last year of a span as written (`2024-2026年`,
/// `2024年至2026年`, `2024-26年`).
fn span_years(years: &str) -> Option<(u16, u16)> {
    let year = |t: &str| year_number(t.trim_end_matches("年度").trim_end_matches('年'));
    let (from, to) = years.split_once(SPAN_SEPS)?;
    let from = year(from)?;
    let to = to.trim_start_matches(SPAN_SEPS).trim_end_matches('年');
    // `2024-26年`: the end's century is the start's.
    let to = if to.len() == 2 && to.bytes().all(|d| d.is_ascii_digit()) {
        (from / 100 * 100) + to.parse::<u16>().ok()?
    } else {
        year(to)?
    };
    Some((from, to))
}

/// `text` cut after its leading run of years, at its last 年
/// (`2024-2026年` | `合计`): none when it does not start so.
pub(super) fn leading_years(text: &str) -> Option<(&str, &str)> {
    let end = text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || SPAN_SEPS.contains(c) || *c == '年')
        .filter(|(_, c)| *c == '年')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    Some(text.split_at(end))
}

pub(super) const SPAN_SEPS: [char; 8] = ['-', '—', '–', '－', '~', '～', '至', '到'];

/// Why a block's year headings cannot be read (see [`year_heading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unclear {
    /// Several years, and the form names none.
    NoYear,
    /// None of the years is the form's.
    NotTheYear(u16),
    /// More than one heading is the form's year.
    Several(u16),
    /// No heading says which column is the year's.
    NoYearColumn,
    /// More than one heading says it is the year's (`年度预算（含上年结转）
    /// | 年度预算`).
    SeveralYearColumns,
    /// Several rows of amounts under one row of labels, none headed.
    SeveralRows,
    /// A block's label and its total's name different money units.
    ScalesDiffer,
    /// A unit cell beside some rows of amounts and none beside others.
    UnitOnSomeRows,
    /// Several years, and the form names two budget years: its 预算年度
    /// line's and its title's.
    YearsDiffer(u16, u16),
    /// A block's label names a money unit jixiao does not hold (`千元`).
    Unit(&'static str),
    /// An amount under labels stands under none of them.
    Misaligned,
    /// A label in the money's rows says another period than the form's
    /// (`年度 | 2023年` on a 2024 form), the form's year if it names one.
    OtherPeriod(Option<u16>),
    /// Two totals both the year's, of different amounts (two blocks both
    /// headed as the year's, or neither headed).
    TwiceTheYear,
    /// A row of periods over groups of labels across, its periods not over
    /// each group's total (centred or right-aligned over the group).
    GroupsMisaligned,
}

/// Which of a money block's headings (`(position, heading)`, in order) is
/// the year's, for a form of budget year `year` (from its title lines).
/// `Ok(None)`: none names the year or a year (`中期` alone, `合计`).
/// `Err`: headings name years, but which is the budget year's cannot be told
/// (`2024年 | 2025年 | 2026年` on a form that names no year, or one for
/// another year): reading any of them would be a guess.
pub(super) fn year_heading(
    heads: &[(usize, Heading)],
    year: Option<u16>,
) -> Result<Option<usize>, Unclear> {
    let mut of_the_year = heads.iter().filter(|(_, h)| *h == Heading::Year);
    match (of_the_year.next(), of_the_year.next()) {
        (Some(&(at, _)), None) => return Ok(Some(at)),
        // `年度预算（含上年结转） | 年度预算`: both say they are the year's.
        (Some(_), Some(_)) => return Err(Unclear::SeveralYearColumns),
        (None, _) => {}
    }
    let dated: Vec<(usize, u16)> = heads
        .iter()
        .filter_map(|&(at, h)| match h {
            Heading::Dated(y) => Some((at, y)),
            _ => None,
        })
        .collect();
    let Some(y) = year else {
        // One year beside spans or totals (`2024-2026年 | 2024年`): that
        // year's column is the year's.
        return match dated.as_slice() {
            [] => Ok(None),
            [(at, _)] => Ok(Some(*at)),
            _ => Err(Unclear::NoYear),
        };
    };
    if dated.is_empty() {
        return Ok(None);
    }
    let mut of_year = dated.iter().filter(|(_, d)| *d == y);
    match (of_year.next(), of_year.next()) {
        (Some(&(at, _)), None) => Ok(Some(at)),
        (None, _) => Err(Unclear::NotTheYear(y)),
        (Some(_), Some(_)) => Err(Unclear::Several(y)),
    }
}

/// The budget year a form states: a `预算年度：2024` (or `年度 | 2024`) line,
/// else a year in its title lines above its first fact (`（2024年度）`,
/// `2024年项目支出绩效目标申报表`). Neither a filing date
/// (`填报日期：2024年11月`) nor a project's name is its budget year, and the
/// money headings themselves are not asked.
pub(super) fn form_year(rows: &[GridRow<'_>]) -> FormYear {
    let first_fact = rows
        .iter()
        .position(|r| {
            r.cells
                .iter()
                .any(|x| !x.merged && key_of(&x.text).is_some())
        })
        .unwrap_or(rows.len());
    let four_digits = |v: &str| {
        let v = v.trim_start_matches(':');
        let end = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
        let (d, after) = v.split_at(end);
        (after.is_empty() || after.starts_with('年'))
            .then(|| year_number(d))
            .flatten()
    };
    let mut title_year = None;
    let mut drawn_up = None;
    for (ri, r) in rows.iter().enumerate() {
        let cells: Vec<String> = r
            .cells
            .iter()
            .filter(|x| !x.merged && !x.text.trim().is_empty())
            .map(|x| super::super::preamble::ascii_years(&normalize(&x.text)).into_owned())
            .collect();
        // (Not a money block's period, `项目资金（万元） | 年度 | 2023年`, nor
        // the period of a row of money, `年度：2023年 | 资金总额：900.00`.)
        let block_row = cells.first().is_some_and(|f| block_label(f));
        let money_row = cells
            .iter()
            .any(|c| matches!(cell_key(c), Some(Key::Total | Key::MultiYearTotal)));
        for (k, n) in cells.iter().enumerate() {
            // The value after the key's colon, or in the next cell.
            let of_block = (k > 0 && block_row) || money_row;
            let keyed = |key: &str| {
                if of_block {
                    return None;
                }
                let v = n.strip_prefix(key)?;
                let v = if v.trim_start_matches(':').is_empty() {
                    // (Not a row of periods over groups of money, `年度 | 2023年
                    // | | | 2024年`: no one year is the form's.)
                    if cells.iter().skip(k + 2).any(|c| four_digits(c).is_some()) {
                        return None;
                    }
                    cells.get(k + 1).map_or("", String::as_str)
                } else {
                    v
                };
                four_digits(v)
            };
            if let Some(y) = ["预算年度", "年度", "年份"].into_iter().find_map(keyed) {
                return FormYear {
                    year: Some(y),
                    title: title_year.filter(|t| *t != y),
                };
            }
            // 编制年度: the year the form was drawn up, often the one before
            // its budget year; only when nothing else names a year.
            drawn_up = drawn_up.or_else(|| keyed("编制年度"));
            let dated = ["日期", "时间", "月", "日", "编制"]
                .iter()
                .any(|w| n.contains(w));
            if ri < first_fact && title_year.is_none() && !dated {
                title_year = super::super::preamble::year_in(n);
            }
        }
    }
    FormYear {
        year: title_year.or(drawn_up),
        title: None,
    }
}

/// A form's budget year ([`form_year`]).
pub(super) struct FormYear {
    pub(super) year: Option<u16>,
    /// Another year its title names above a `预算年度` line that wins.
    pub(super) title: Option<u16>,
}

/// Rows headed 中期 | 年度 (or `2024-2026年 | 2024年`) right under row `ri`
/// of money labels (`资金总额 | 财政拨款 | 其他资金`): `Some(Ok(Some(i)))` for
/// the year's row `i`, `Some(Ok(None))` when none is the year's (a
/// medium-term block alone), `Some(Err(…))` when the years they name cannot
/// be told apart; `None` when no such rows stand there.
pub(super) fn headed_rows(
    rows: &[GridRow<'_>],
    ri: usize,
    year: Option<u16>,
) -> Option<Result<Option<usize>, MoneyUnclear>> {
    // The block's label repeated on each row (`项目资金（万元） | 2024年 |
    // …`, a merged cell exported) aside.
    let first_heading = |r: &GridRow<'_>| {
        r.cells
            .iter()
            .enumerate()
            .find(|(_, x)| {
                !x.merged && !x.text.trim().is_empty() && key_of(&x.text) != Some(Key::Group)
            })
            .and_then(|(c, x)| block_heading(&x.text).map(|h| (c, h)))
    };
    rows.get(ri + 1).and_then(first_heading)?;
    let group: Vec<(usize, usize, Heading)> = rows
        .iter()
        .enumerate()
        .skip(ri + 1)
        .take(4)
        .take_while(|(_, r)| {
            r.cells
                .iter()
                .filter(|x| !x.merged)
                .any(|x| block_heading(&x.text).is_some())
        })
        .filter_map(|(i, r)| first_heading(r).map(|(c, h)| (i, c, h)))
        .collect();
    // `合计` alone under the labels is a row of amounts, no heading.
    if group.iter().all(|(.., h)| *h == Heading::Total) {
        return None;
    }
    let heads: Vec<(usize, Heading)> = group.iter().map(|&(i, _, h)| (i, h)).collect();
    Some(year_heading(&heads, year).map_err(|why| {
        MoneyUnclear::years_of_rows(rows, group.iter().map(|&(i, c, _)| (i, c)), why)
    }))
}

/// A heading of goal texts (`年度`, `2024年目标`, `2024-2026年目标`).
pub(super) fn goal_heading(text: &str) -> Option<Heading> {
    let n = normalize(text);
    money_heading(n.strip_suffix("目标").unwrap_or(&n))
}

/// The columns of `r`'s money headings, from column `from` on.
pub(super) fn heading_cells<'r>(
    r: &'r GridRow<'r>,
    from: usize,
) -> impl Iterator<Item = usize> + 'r {
    r.cells
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(_, x)| !x.merged && money_heading(&x.text).is_some())
        .map(|(c, _)| c)
}

/// A row of the money block headed `合计` (its total, by a word no money
/// label has).
pub(super) fn sum_row(r: &GridRow<'_>) -> bool {
    r.cells
        .iter()
        .find(|x| !x.merged && !x.text.trim().is_empty() && key_of(&x.text) != Some(Key::Group))
        .is_some_and(|x| matches!(normalize(&x.text).as_str(), "合计" | "总计" | "小计"))
}

/// The label of a money block beside its headings (`项目资金（万元）`,
/// `资金来源`, `项目预算`, `经费来源（万元）`), not a fact that names money
/// (`资金使用期限`, `资金性质`).
pub(super) fn block_label(text: &str) -> bool {
    let mut t = normalize(text);
    while let Some(open) = t.rfind('(').filter(|_| t.ends_with(')')) {
        t.truncate(open);
    }
    let t = t.trim_end_matches(':');
    const ENDS: [&str; 11] = [
        "资金",
        "经费",
        "预算",
        "金额",
        "来源",
        "支出",
        "安排",
        "投入",
        "情况",
        "构成",
        "资金总额",
    ];
    key_of(t) == Some(Key::Group) || ENDS.iter().any(|e| t.ends_with(e))
}

/// A label of the total or a source (`合计` aside): `财政拨款`, `资金总额`.
pub(super) fn amount_label(t: &str) -> bool {
    matches!(
        cell_key(t),
        Some(Key::Total | Key::MultiYearTotal | Key::Fiscal | Key::Special | Key::Other)
    )
}

/// The first year a text names (`截至2023年累计`, `2024年底`).
pub(super) fn year_named(t: &str) -> Option<u16> {
    let b = t.as_bytes();
    b.windows(4).enumerate().find_map(|(i, w)| {
        (w.iter().all(u8::is_ascii_digit)
            && t.get(i + 4..).is_some_and(|r| r.starts_with('年'))
            && (i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_digit)))
        .then(|| t.get(i..i + 4)?.parse().ok())
        .flatten()
    })
}

/// A heading of the year's money by another name than the year's
/// (`预算数`, `年初预算数`, `申报金额`, `本次申请`, `本年资金需求`), beside
/// columns of other periods: the plain names, or a word of this year's or of
/// money asked for, and none of money of more years, spent, arrived,
/// carried, of one source or decided elsewhere (`项目总预算`, `三年资金需求`,
/// `已安排`, `拨付金额`, `结余`, `上级补助资金`, `核定数`).
pub(super) fn year_money_word(t: &str) -> bool {
    const PLAIN: [&str; 6] = ["预算", "预算数", "预算金额", "预算资金", "金额", "资金"];
    const OURS: [&str; 14] = [
        "本年",
        "当年",
        "今年",
        "本期",
        "本次",
        "年度",
        "年初",
        "申请",
        "申报",
        "预算数",
        "预算额",
        "预算安排",
        "预算控制",
        "需求",
    ];
    const OTHER: [&str; 58] = [
        "已",
        "执行",
        "结余",
        "结转",
        "完成",
        "到位",
        "进度",
        "累计",
        "上年",
        "以前",
        "以后",
        "调整",
        "核定",
        "下达",
        "总",
        "中期",
        "三年",
        "全周期",
        "下年",
        "未来",
        "概算",
        "投资",
        "上级",
        "配套",
        "中央",
        "追加",
        "缺口",
        "剩余",
        "未",
        "拨付",
        "支付",
        "使用",
        "到账",
        "批复",
        "合同",
        "实际",
        "预计",
        "上一",
        "前一",
        "去年",
        "往年",
        "上期",
        "下一",
        "明年",
        "次年",
        "决算",
        "发生",
        "预拨",
        "结存",
        "收回",
        "压减",
        "新增",
        "自筹",
        "省级",
        "市级",
        "县级",
        "债券",
        "差额",
    ];
    // Only a unit in brackets is no part of the heading (`预算数（万元）`,
    // not `资金需求（三年）`).
    let mut t = normalize(t);
    for unit in ["(万元)", "(元)", "(千元)", "(亿元)"] {
        t = t.replace(unit, "");
    }
    let t = without_notes(t.trim_end_matches(':'));
    if t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    PLAIN.contains(&t)
        || (OURS.iter().any(|w| t.contains(w)) && !OTHER.iter().any(|w| t.contains(w)))
}

/// Words that open a note on what a heading's money includes or leaves out.
pub(super) const NOTE_WORDS: [&str; 6] = ["不含", "不包括", "扣除", "包含", "包括", "含"];

/// `text` up to what it says it leaves out (`不含上年结转`, `不包括…`,
/// `扣除…`) or to the money carried over it includes (`含上年结转`,
/// `包括以前年度结余`): the year's money with or without its carry-over is
/// still the year's. An inclusion of years (`含以前年度`) is kept: it makes
/// the heading a span.
pub(super) fn without_notes(text: &str) -> &str {
    let exclusion = ["不含", "不包括", "扣除"]
        .iter()
        .filter_map(|w| text.find(w))
        .min();
    let carried = || {
        let at = ["包含", "包括", "含"]
            .iter()
            .filter_map(|w| text.find(w))
            .min()?;
        let rest = text.get(at..)?;
        // Carried over from earlier years, not money of later ones
        // (`含以后年度结转`).
        let later = ["以后", "下年", "后续", "未来", "明年"]
            .iter()
            .any(|w| rest.contains(w));
        (["结转", "结余"].iter().any(|w| rest.contains(w)) && !later).then_some(at)
    };
    exclusion
        .or_else(carried)
        .map_or(text, |at| text.get(..at).unwrap_or(text))
        .trim_end_matches(['(', '（'])
}

/// A heading over numbers that are no money of a period: a change, share
/// or note (`增减额`, `比例（%）`, `占比`, `同比增长`, `备注`, `其中：新增`).
pub(super) fn no_money_column(t: &str) -> bool {
    const WORDS: [&str; 16] = [
        "增减", "增长", "变动", "比例", "占比", "比重", "同比", "环比", "备注", "说明", "其中",
        "%", "率", "差额", "进度", "权重",
    ];
    WORDS.iter().any(|w| t.contains(w))
}

/// The goal under the year's heading of row `ri`, right of its label in
/// column `c` (`总体目标 | 中期 | | 年度` over `| 三年累计… | | 2024年…`): none
/// when no heading is the year's (a medium-term goal is no year goal).
pub(super) fn goal_under_heading<'r>(
    rows: &'r [GridRow<'r>],
    ri: usize,
    c: usize,
    year: Option<u16>,
) -> Option<(&'r GridRow<'r>, usize, &'r crate::grid::GridCell<'r>)> {
    let row = rows.get(ri)?;
    let heads: Vec<(usize, Heading)> = row
        .cells
        .iter()
        .enumerate()
        .skip(c + 1)
        .filter(|(_, x)| !x.merged)
        .filter_map(|(hc, x)| goal_heading(&x.text).map(|h| (hc, h)))
        .collect();
    let yc = year_heading(&heads, year).ok()??;
    // The text under it, unless the row below is the money block's; else
    // the text right of it (`年度目标 | 2024年目标 | 全年培训500人次`).
    let below = rows.get(ri + 1).filter(|b| {
        !b.cells
            .iter()
            .any(|x| !x.merged && cell_key(&x.text).is_some())
    });
    below
        .and_then(|b| {
            b.cells
                .get(yc)
                .filter(|x| !x.merged && !x.text.trim().is_empty() && !plain_amount(&x.text))
                .map(|x| (b, yc, x))
        })
        .or_else(|| {
            row.cells
                .iter()
                .enumerate()
                .skip(yc + 1)
                .find(|(_, x)| !x.merged && !x.text.trim().is_empty())
                .filter(|(_, x)| goal_heading(&x.text).is_none() && cell_key(&x.text).is_none())
                .map(|(c, x)| (row, c, x))
        })
}

/// A money block whose year's amounts cannot be told, so the form is
/// refused at it, never read by a guess: headings naming years none of
/// which is (or more than one is) the budget year's (`合计 | 2024年 | 2025年 |
/// 2026年` on a form naming no year), or several amounts right of a money
/// label under headings not read as a split of the year.
#[derive(Debug, Clone)]
pub(crate) struct MoneyUnclear {
    row: u32,
    col: u32,
    why: Why,
}

#[derive(Debug, Clone)]
pub(super) enum Why {
    Years {
        headings: Vec<String>,
        unclear: Unclear,
    },
    Amounts {
        label: String,
        amounts: Vec<String>,
    },
}

impl MoneyUnclear {
    /// The same refusal, told for a form whose title and 预算年度 line name
    /// different years (matched against neither).
    pub(super) fn years_differ(mut self, stated: u16, title: u16) -> MoneyUnclear {
        if let Why::Years {
            unclear: u @ Unclear::NoYear,
            ..
        } = &mut self.why
        {
            *u = Unclear::YearsDiffer(stated, title);
        }
        self
    }

    /// Two totals of the year's that differ: the second's cell (row,
    /// 0-based column) and both amounts as written.
    pub(super) fn twice_the_year(row: u32, col: usize, amounts: Vec<String>) -> MoneyUnclear {
        MoneyUnclear {
            row,
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
            why: Why::Years {
                headings: amounts,
                unclear: Unclear::TwiceTheYear,
            },
        }
    }

    /// Headings in one row `r`, at the columns `at`.
    pub(super) fn years(r: &GridRow<'_>, at: &[usize], unclear: Unclear) -> MoneyUnclear {
        MoneyUnclear {
            row: r.number,
            col: at.first().map_or(1, |&c| col1(c)),
            why: Why::Years {
                headings: at
                    .iter()
                    .filter_map(|&c| r.cells.get(c).map(|x| x.text.trim().to_string()))
                    .collect(),
                unclear,
            },
        }
    }

    /// Headings of rows: (row index, column) of each.
    pub(super) fn years_of_rows(
        rows: &[GridRow<'_>],
        at: impl Iterator<Item = (usize, usize)>,
        unclear: Unclear,
    ) -> MoneyUnclear {
        let at: Vec<(usize, usize)> = at.collect();
        let first = at.first().copied().unwrap_or_default();
        MoneyUnclear {
            row: rows.get(first.0).map_or(0, |r| r.number),
            col: col1(first.1),
            why: Why::Years {
                headings: at
                    .iter()
                    .filter_map(|&(i, c)| {
                        rows.get(i)
                            .and_then(|r| r.cells.get(c))
                            .map(|x| x.text.trim().to_string())
                    })
                    .collect(),
                unclear,
            },
        }
    }

    /// A money label at column `c` of `r` with amounts at `at` on its right.
    pub(super) fn amounts(r: &GridRow<'_>, c: usize, at: [usize; 2]) -> MoneyUnclear {
        let text = |c: usize| {
            r.cells
                .get(c)
                .map_or(String::new(), |x| x.text.trim().to_string())
        };
        MoneyUnclear {
            row: r.number,
            col: col1(c),
            why: Why::Amounts {
                label: text(c),
                amounts: at.iter().map(|&a| text(a)).collect(),
            },
        }
    }

    /// The refusal, at the first heading (or the label).
    pub(crate) fn error(&self, location: &Location) -> Error {
        let (zh, en) = self.texts();
        let hint = match &self.why {
            Why::Years {
                unclear: Unclear::Several(y),
                ..
            } => Text::new(
                format!("只保留一列{y}年的金额（或把本年度的金额列标为「年度资金」）后再读取"),
                format!("keep one column of {y}'s amounts (or head the year's column 年度资金), then read it again"),
            ),
            // The year is stated; the headings do not say which column is its.
            Why::Years {
                unclear: Unclear::ScalesDiffer | Unclear::UnitOnSomeRows,
                ..
            } => Text::new(
                "请统一该栏目及其金额的单位（万元或元）后再读取",
                "write the block's amounts and labels in one unit (万元 or 元), then read it again",
            ),
            Why::Years {
                unclear: Unclear::TwiceTheYear,
                ..
            } => Text::new(
                "请只保留本年度的一组金额，或在其他各组写明所属期间（如「年度 | 2023年」）后再读取",
                "keep only the year's block of amounts, or state the period of the others (年度 | 2023年), then read it again",
            ),
            Why::Years {
                unclear: Unclear::SeveralRows,
                ..
            } => Text::new(
                "请在每行金额前写明其期间（如「中期资金总额」「年度资金总额」），或只保留本年度的一行后再读取",
                "head each row of amounts with its period (中期资金总额, 年度资金总额), or keep only the year's row, then read it again",
            ),
            Why::Years {
                unclear: Unclear::NoYearColumn | Unclear::SeveralYearColumns,
                ..
            } => Text::new(
                "请把本年度的金额列标为「年度资金」（或写明本表的年份，如「2024年」），其余各列写明所属期间，或只保留本年度的金额后再读取",
                "head the year's column 年度资金 (or with the form's year, e.g. 2024年) and the others with their periods, or keep only the year's amounts, then read it again",
            ),
            Why::Years {
                unclear: Unclear::OtherPeriod(_),
                ..
            } => Text::new(
                "请核对资金栏所写的期间与本表的年度：只填本年度的金额，并使两者一致后再读取",
                "check the period the money block names against the form's year: fill in the year's amounts only, with the two agreeing, then read it again",
            ),
            Why::Years {
                unclear: Unclear::Misaligned,
                ..
            } => Text::new(
                "请把每个金额放在其栏目（如「财政拨款」「其他资金」「合计」）的正下方后再读取",
                "put each amount right under its label (财政拨款, 其他资金, 合计), then read it again",
            ),
            Why::Years {
                unclear: Unclear::Unit(_),
                ..
            } => Text::new(
                "请把金额换算为元或万元，并改写栏目名称（如「年度资金（万元）」）后再读取",
                "convert the amounts to 元 or 万元 and relabel the block (e.g. 年度资金（万元）), then read it again",
            ),
            Why::Years {
                unclear: Unclear::YearsDiffer(..),
                ..
            } => Text::new(
                "请核对并统一标题与「预算年度」栏的年度后再读取",
                "make the title's year and the 预算年度 line agree, then read it again",
            ),
            Why::Years { .. } => Text::new(
                "请在表头或「预算年度」栏写明本表的年度（如「2024年度」），使其与其中一列的年份相同；或把本年度的金额列标为「年度资金」后再读取",
                "state the form's year in its title or a 预算年度 line (e.g. 2024年度), matching one heading's year, or head the year's column 年度资金, then read it again",
            ),
            Why::Amounts { .. } => Text::new(
                "请把各列的表头写成「中期资金 | 年度资金」或写明年份（如「2024-2026年 | 2024年」），或只保留本年度的金额后再读取",
                "head the columns 中期资金 | 年度资金 or by year (2024-2026年 | 2024年), or keep only the year's amounts, then read it again",
            ),
        };
        Error::invalid(
            Location {
                row: Some(self.row),
                col: Some(self.col),
                ..location.clone()
            },
            Text::new(zh, en),
            hint,
        )
    }

    pub(super) fn texts(&self) -> (String, String) {
        match &self.why {
            Why::Years { headings, unclear } => {
                let shown = headings.join("」「");
                let en = headings.join("”, “");
                match unclear {
                    Unclear::NotTheYear(y) => (
                        format!("资金按年份分列（「{shown}」），但没有一列是本表的{y}年度的，无法确定本年度的金额"),
                        format!("the money is set out by year (“{en}”), but none of them is this form's year, {y}, so the year's amounts cannot be told"),
                    ),
                    Unclear::Several(y) => (
                        format!("资金按年份分列（「{shown}」），但有不止一列是本表的{y}年度的，无法确定本年度的金额"),
                        format!("the money is set out by year (“{en}”), but more than one of them is this form's year, {y}, so the year's amounts cannot be told"),
                    ),
                    Unclear::NoYearColumn => (
                        format!("资金分列（「{shown}」），但表头没有说明哪一列是本年度的金额"),
                        format!("the money is set out in columns (“{en}”), but no heading says which is the year's amounts"),
                    ),
                    Unclear::ScalesDiffer => (
                        format!("「{shown}」写明的金额单位不同，无法确定本年度金额的单位"),
                        format!("“{en}” name different money units, so the unit of the year's amounts cannot be told"),
                    ),
                    Unclear::UnitOnSomeRows => (
                        format!("「{shown}」只写在部分金额旁边，其余金额没有写明单位，无法确定本年度金额的单位"),
                        format!("“{en}” stands beside some amounts only and the others name no unit, so the unit of the year's amounts cannot be told"),
                    ),
                    Unclear::TwiceTheYear => (
                        format!("资金栏有两个本年度的资金总额（「{shown}」），金额不同，无法确定哪一个是本年度的"),
                        format!("the money has two totals for the year (“{en}”) that differ, so which is the year's cannot be told"),
                    ),
                    Unclear::SeveralRows => (
                        format!("「{shown}」下有不止一行金额，没有写明哪一行是本年度的，无法确定本年度的金额"),
                        format!("“{en}” stand over more than one row of amounts, and none says which is the year's, so the year's amounts cannot be told"),
                    ),
                    Unclear::SeveralYearColumns => (
                        format!("资金分列（「{shown}」），其中不止一列标为本年度的金额，无法确定读取哪一列"),
                        format!("the money is set out in columns (“{en}”), and more than one of them is headed as the year's amounts, so which to read cannot be told"),
                    ),
                    Unclear::YearsDiffer(stated, title) => (
                        format!("资金按年份分列（「{shown}」），但表的标题写明{title}年度，「预算年度」栏却是{stated}，无法确定哪一列是本年度的金额"),
                        format!("the money is set out by year (“{en}”), but the form's title names {title} and its 预算年度 line {stated}, so which of them is the year's amounts cannot be told"),
                    ),
                    Unclear::OtherPeriod(Some(y)) => (
                        format!("资金栏写明其期间（「{shown}」），不是本表的{y}年度，这些金额不是本年度的"),
                        format!("the money block names its period (“{en}”), which is not the form's year, {y}: these are not the year's amounts"),
                    ),
                    Unclear::OtherPeriod(None) => (
                        format!("资金栏写明其期间（「{shown}」），不是本表的年度，这些金额不是本年度的"),
                        format!("the money block names its period (“{en}”), which is not the form's year: these are not the year's amounts"),
                    ),
                    Unclear::GroupsMisaligned => (
                        format!("年份标题（「{shown}」）没有对齐各组金额的第一栏（资金总额），无法确定哪一组金额属于哪一年"),
                        format!("the period headings (“{en}”) do not stand over each group's first column (its total), so which group is which period's cannot be told"),
                    ),
                    Unclear::Misaligned => (
                        format!("「{shown}」下的一行金额与栏目没有对齐（有金额不在任何栏目之下），无法确定各金额属于哪一栏"),
                        format!("the row of amounts under “{en}” is not aligned with them (an amount stands under none), so which amount is which cannot be told"),
                    ),
                    Unclear::Unit(unit) => (
                        format!("「{shown}」的金额以{unit}为单位，jixiao 只读元或万元"),
                        format!("“{en}” is in {unit}; jixiao reads 元 or 万元 only"),
                    ),
                    Unclear::NoYear => (
                        format!("资金按年份分列（「{shown}」），但表上没有写明预算年度，无法确定哪一列是本年度的金额"),
                        format!("the money is set out by year (“{en}”), but the form names no budget year, so which of them is the year's amounts cannot be told"),
                    ),
                }
            }
            Why::Amounts { label, amounts } => {
                let shown = amounts.join("、");
                let en = amounts.join(", ");
                (
                    format!("「{label}」右侧有不止一个金额（{shown}），表头没有说明哪一个是本年度的"),
                    format!("“{label}” has more than one amount on its right ({en}), and no heading says which is the year's"),
                )
            }
        }
    }
}

/// Which money block each cell of a form's money belongs to: the year's, or
/// a medium-term or multi-year one printed beside it (the 88号 template's
/// `中期资金总额` block, or a `项目资金总额` beside a `年度资金总额`).
pub(super) struct Blocks {
    /// Each total label: (row index, column, whether it is the year's).
    totals: Vec<(usize, usize, bool)>,
    /// Rows that open a section of the form with a label of their own in
    /// the first column (`项目资金（万元）` under `项目总投资 | … | 资金总额：`):
    /// a total above one is not a source's below it.
    opens_section: Vec<bool>,
    /// Block labels naming a year: (row index, column, year).
    dated: Vec<(usize, usize, u16)>,
    /// Each row's first column with text of its own.
    first_filled: Vec<usize>,
    /// Sources in a row of several groups under a row of periods (`2023年 |
    /// | | 2024年` over `其他资金 | 财政拨款 | 资金总额 | 资金总额 | …`): (row
    /// index, column, whether their group is the year's), by the period
    /// heading over them, not by the nearest total.
    grouped: Vec<(usize, usize, bool)>,
    /// A total that does not name the year, smaller than one that does
    /// (`资金总额 | 1000.00` over its sources, `年度资金总额：1200.00`): no
    /// project's total of several years, so two differing totals of the
    /// year. (Its row index, column, and both amounts.)
    below_the_year: Option<(usize, usize, Decimal, Decimal)>,
    /// A row of periods over groups of labels across whose periods do not
    /// stand over the groups' totals: (the headings' row index, their
    /// columns).
    misaligned: Option<(usize, Vec<usize>)>,
}

/// Whether a block's label names the project's money (`项目资金（万元）`,
/// `资金来源`) or the year's (`年度资金`, `2024年资金` on a 2024 form), and no
/// other period or scope: a list, not a guess (`下年资金`, `实施期资金` are
/// not the year's).
fn year_or_project_label(text: &str, year: Option<u16>) -> bool {
    const PROJECT: [&str; 10] = [
        "资金来源",
        "资金情况",
        "资金构成",
        "资金安排",
        "资金来源情况",
        "项目资金",
        "项目经费",
        "资金",
        "经费",
        "预算安排",
    ];
    let n = normalize(text);
    let bare = split_parens(&n).0;
    let bare = bare.trim_end_matches(':');
    if names_other_period(text, year) {
        return false;
    }
    key_of(bare) == Some(Key::Group)
        || PROJECT.contains(&bare)
        || names_this_year(bare)
        || matches!(money_heading(bare), Some(Heading::Year))
        || matches!(money_heading(bare), Some(Heading::Dated(d)) if Some(d) == year)
}

/// Whether a block's label names money of another period or scope than
/// the year's: a span or another year in words or brackets (`中期资金`,
/// `项目资金（2024-2026年）`, `项目资金（2023年）`), or another scope
/// (`上年执行情况`, `项目总投资`).
pub(super) fn names_other_period(text: &str, year: Option<u16>) -> bool {
    let n = normalize(text);
    let bare = split_parens(&n).0;
    let bracket = bracket_years(text).is_some_and(|(from, to)| from != to || Some(from) != year);
    bracket
        || other_scope(&bare, year)
        || matches!(block_heading(&bare), Some(Heading::Span))
        || matches!(block_heading(&bare), Some(Heading::Dated(d)) if Some(d) != year)
}

/// The period a label names in its brackets, units and separators aside
/// (`项目资金（2023年）（万元）`, `项目资金（2023年，万元）`,
/// `项目资金（2024-2026年）`).
fn bracket_period(text: &str) -> Option<Heading> {
    bracket_years(text).map(|(from, to)| {
        if from == to {
            Heading::Dated(from)
        } else {
            Heading::Span
        }
    })
}

/// The years a label names in its brackets (`（2023年）`, `（２０２３年）`,
/// `【2023年】`, `（2023）`, `（2023年1-12月）`, `（2023年，万元）`: 2023 to
/// 2023; `（2024-2026年）`: 2024 to 2026), units and separators aside.
fn bracket_years(text: &str) -> Option<(u16, u16)> {
    let n = super::super::preamble::ascii_years(&normalize(text))
        .replace(['【', '['], "(")
        .replace(['】', ']'], ")");
    let (_, inside) = split_parens(&n);
    let inside = inside.replace("万元", " ").replace('元', " ");
    inside
        .split([',', '，', '、', ';', '；', ' '])
        .map(|p| p.trim().trim_end_matches('度'))
        .filter(|p| !p.is_empty())
        .find_map(|p| {
            // A year alone (`2023`), or with its months (`2023年1-12月`).
            let p = match p.split_once('年') {
                Some((y, months)) if months.ends_with('月') && year_number(y).is_some() => y,
                _ => p,
            };
            if let Some(y) = year_number(p) {
                return Some((y, y));
            }
            match years_heading(p)? {
                Heading::Dated(y) => Some((y, y)),
                Heading::Span => span_years(leading_years(p)?.0),
                _ => None,
            }
        })
}

/// Whether cell `c` of `row` labels an amount of another period than the
/// year's (`上年执行数：900.00`, `2024-2026年资金总额 | 3000.00`, `2023年预算：`
/// on a 2024 form): the sources under or beside it are that period's.
fn other_period_amount(row: &GridRow<'_>, c: usize, year: Option<u16>) -> bool {
    let Some(cell) = row.cells.get(c) else {
        return false;
    };
    let n = normalize(&cell.text);
    let (label, amount) = match n.split_once(':') {
        Some((label, value)) if !value.trim().is_empty() => (label, plain_amount(value)),
        _ => (
            n.trim_end_matches(':'),
            row.cells
                .iter()
                .skip(c + 1)
                .find(|x| !x.merged && !x.text.trim().is_empty())
                .is_some_and(|x| plain_amount(&x.text)),
        ),
    };
    let other_money = || other_scope(label, year);
    amount
        && match block_heading(label) {
            Some(Heading::Span) => true,
            Some(Heading::Dated(y)) => year.is_some_and(|fy| fy != y) || other_money(),
            Some(Heading::Year | Heading::Total) => false,
            None => other_money(),
        }
}

/// Whether a label names money of another period or scope in words
/// (`去年执行数`, `上年决算`, `项目总投资`, `已安排资金`, `前三年累计`,
/// `历年投入`): not a part of the year's money (`其中：…`), not a known key,
/// and not one naming the year itself (`年度实际安排`, `本年执行预算`).
pub(super) fn other_scope(label: &str, year: Option<u16>) -> bool {
    const OTHER: [&str; 23] = [
        "去年",
        "上年",
        "上一",
        "前一",
        "以前",
        "往年",
        "历年",
        "前三年",
        "累计",
        "决算",
        "执行",
        "拨付",
        "已安排",
        "已下达",
        "总投资",
        "投资",
        "总预算",
        "总规模",
        "概算",
        "三年",
        "全周期",
        "实际",
        "到位",
    ];
    let n = normalize(label);
    let this_year = names_this_year(&n)
        || year.is_some_and(|y| year_named(&n) == Some(y) && n.starts_with(&y.to_string()));
    !n.starts_with("其中")
        && !this_year
        && key_of(&n).is_none()
        && OTHER.iter().any(|w| n.contains(w))
}

/// A `合计` or `总计` label (a colon after it aside).
pub(super) fn sum_label(text: &str) -> bool {
    let n = normalize(text);
    matches!(n.strip_suffix(':').unwrap_or(&n), "合计" | "总计")
}

/// Whether a normalised label starts by naming the year itself (`年度…`,
/// `本年…`, `当年…`).
pub(super) fn names_this_year(n: &str) -> bool {
    ["年度", "本年", "当年"].iter().any(|w| n.starts_with(w))
}

/// A money unit jixiao does not hold that a normalised text names in
/// brackets (`(千元)`, `(亿元)`).
pub(super) fn unit_not_held(n: &str) -> Option<&'static str> {
    super::super::preamble::UNITS_NOT_HELD
        .into_iter()
        .find(|u| n.contains(&format!("({u})")))
}

/// A money unit jixiao does not hold written after an amount (`1000.00千元`,
/// `年度资金总额:0.1亿元`, `1千万元`).
pub(super) fn amount_not_held(n: &str) -> Option<&'static str> {
    let v = n.rsplit_once(':').map_or(n, |(_, v)| v);
    super::super::preamble::UNITS_NOT_HELD
        .into_iter()
        .find(|u| {
            v.strip_suffix(u).is_some_and(|num| {
                num.starts_with(|c: char| c.is_ascii_digit())
                    && num
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            })
        })
}

/// The money scale a normalised text names in brackets (`(万元)`, `(元)`).
pub(super) fn scale_in(n: &str) -> Option<MoneyScale> {
    // Also `(人民币元)`, `【元】`, `[元]` and a label ending `/元`.
    let names = |unit: &str| {
        [
            ("(", ")"),
            ("(人民币", ")"),
            ("(", "人民币)"),
            ("【", "】"),
            ("【人民币", "】"),
            ("[", "]"),
        ]
        .iter()
        .any(|(open, close)| n.contains(&format!("{open}{unit}{close}")))
            || ["/", "／"]
                .iter()
                .any(|slash| n.trim_end_matches(':').ends_with(&format!("{slash}{unit}")))
    };
    if names("万元") {
        Some(MoneyScale::WanYuan)
    } else if names("元") {
        Some(MoneyScale::Yuan)
    } else {
        None
    }
}

/// The period a row of headings right above a row of money labels gives
/// the label at column `c`: (row, column, period) of the nearest heading at
/// or left of `c`, when every cell of that row right of its first column
/// says a period (`项目资金（万元） | 2023年 | | | 2024年` over `| 资金总额 |
/// 财政拨款 | 其他资金 | 资金总额 | …`; `中期 | 本年度`; `上年 | 本年`).
pub(super) fn period_above(
    rows: &[GridRow<'_>],
    ri: usize,
    c: usize,
    year: Option<u16>,
) -> Option<(usize, usize, Heading)> {
    // The nearest row above with text of its own (a blank row, or the
    // copies of periods merged down, between).
    let ar = (0..ri)
        .rev()
        .find(|&k| rows.get(k).is_some_and(|r| !blank_but_merges(r)))?;
    let above = rows.get(ar)?;
    // Its first column blank, or the money's label (`项目资金（万元）`), not a
    // fact of the project (`实施期 | 2024-2026年`).
    // (Or a label of the row of periods itself: `年度 | 2023年 | | | 2024年`,
    // `资金年度`, `年份`.)
    // (Or the first group's period itself, with no column of labels:
    // `2023年 | | | 2024年` over `资金总额 | 财政拨款 | 其他资金 | 资金总额 | …`.)
    let first_period = above.cells.first().is_some_and(|x| {
        let t = super::super::preamble::ascii_years(&normalize(&x.text)).into_owned();
        let t = t.trim();
        !x.merged
            && !t.is_empty()
            && !plain_amount(t)
            && super::period_shaped(split_parens(t).0.as_str())
            // (A year or a year's word, not a fact's label: `项目期`, `实施期`.)
            && (super::period_year(&split_parens(t).0).is_some()
                || ["上年", "本年", "去年", "今年", "当年", "上一年"]
                    .iter()
                    .any(|w| t.starts_with(w))
                // (Or a block's label dating it: `年度资金（2024年）`.)
                || (block_label(&x.text) && bracket_period(&x.text).is_some()))
            && !super::period_label_text(split_parens(t).0.trim_end_matches(':'))
    });
    let first_ok = first_period
        || above.cells.first().is_none_or(|x| {
            x.merged
                || x.text.trim().is_empty()
                || key_of(&x.text) == Some(Key::Group)
                || block_label(&x.text)
                || super::period_label_text(
                    split_parens(&normalize(&x.text)).0.trim_end_matches(':'),
                )
        });
    if !first_ok {
        return None;
    }
    // A block's label with its period (`项目资金（万元） | 年度 | 2023年` over
    // `| 资金总额 | 900.00`) says it for every column under it; not a row
    // with money of its own (`| 中期资金总额 | 3000.00 | 期间 | 2024-2026年`),
    // whose period is its own money's.
    let money_of_its_own = above.cells.iter().skip(1).any(|x| {
        !x.merged
            && (plain_amount(&x.text)
                || matches!(cell_key(&x.text), Some(Key::Total | Key::MultiYearTotal)))
    });
    if let Some((k, h)) = (!money_of_its_own)
        .then(|| label_period(&above.cells, 1, year))
        .flatten()
    {
        return Some((ar, k, h));
    }
    // A remark's heading or a unit beside the periods says no period; nor
    // does a remark itself (`说明：2025年为预计数`).
    let neutral = |t: &str| {
        ["备注", "说明", "附注", "注"]
            .iter()
            .any(|w| t == *w || t.strip_prefix(w).is_some_and(|r| r.starts_with(':')))
            || t.strip_prefix("单位:")
                .is_some_and(|u| matches!(u.trim(), "万元" | "元"))
    };
    let headings: Vec<(usize, Heading)> = above
        .cells
        .iter()
        .enumerate()
        .skip(usize::from(!first_period))
        .filter(|(_, x)| !x.merged && !x.text.trim().is_empty())
        .filter(|(_, x)| !neutral(&normalize(&x.text)))
        .map(|(k, x)| {
            let n = super::super::preamble::ascii_years(&normalize(&x.text)).into_owned();
            // (A heading may end in a colon: `年度： | | | 中期：`.)
            let t = n.trim().trim_end_matches(':');
            // (Not a label with its value, `项目期限：2024-2026年`, nor a
            // period's label, `所属期`; `年度` over a group is the year's.)
            let bare = split_parens(t).0;
            let bare = bare.trim_end_matches(':');
            let label = super::period_label_text(bare) && bare != "年度";
            // A carry-over's group (`2023年结转`, `以前年度结转`, `往年结转`) is
            // money of other years.
            if super::super::header::is_carry_over(t) {
                return Some((k, Heading::Span));
            }
            if key_of(t).is_some()
                || (plain_amount(t) && year_number(t).is_none())
                || t.contains(':')
                || label
                || !super::period_shaped(split_parens(t).0.as_str())
            {
                return None;
            }
            let dated = year_number(t).or(match money_heading(t) {
                Some(Heading::Dated(y)) => Some(y),
                _ => None,
            });
            let heading = match (dated, period_text_of_year(t, year)) {
                (Some(y), _) => Heading::Dated(y),
                (None, Some(true)) => Heading::Year,
                (None, Some(false)) => Heading::Span,
                (None, None) => return None,
            };
            Some((k, heading))
        })
        .collect::<Option<_>>()?;
    headings
        .iter()
        .rev()
        .find(|(k, _)| *k <= c)
        .map(|&(k, h)| (ar, k, h))
}

/// The period a label among `cells` from column `from` on states with its
/// value (`年度 | 2023年`, `所属年度：上年`): (the value's column, its
/// period). Not a row of periods over groups (`年度 | 2023年 | | | 2024年`):
/// nothing else after the value says a period.
fn label_period(
    cells: &[crate::grid::GridCell<'_>],
    from: usize,
    year: Option<u16>,
) -> Option<(usize, Heading)> {
    let filled = |x: &crate::grid::GridCell<'_>| !x.merged && !x.text.trim().is_empty();
    let heading = |v: &str| {
        let ascii = super::super::preamble::ascii_years(&normalize(v)).into_owned();
        let t = ascii.trim();
        // (A carry-over, `2023年结转`, is money of other years.)
        if super::super::header::is_carry_over(t) {
            return Some(Heading::Span);
        }
        // (A bare year, `2023`, is a period here.)
        if t.is_empty() || !super::period_shaped(t) || (plain_amount(t) && year_number(t).is_none())
        {
            return None;
        }
        match (super::period_year(t), period_text_of_year(t, year)) {
            (Some(y), _) => Some(Heading::Dated(y)),
            (_, Some(true)) => Some(Heading::Year),
            (_, Some(false)) => Some(Heading::Span),
            _ => None,
        }
    };
    let (k, h) = cells.iter().enumerate().skip(from).find_map(|(k, x)| {
        if !filled(x) {
            return None;
        }
        let n = normalize(&x.text);
        let (label, inline) = match n.split_once(':') {
            Some((l, v)) if !v.trim().is_empty() => (l, Some(v)),
            _ => (n.trim_end_matches(':'), None),
        };
        if !super::period_label_text(split_parens(label).0.trim_end_matches(':')) {
            return None;
        }
        match inline {
            Some(v) => Some((k, heading(v)?)),
            None => {
                let v = cells.get(k + 1).filter(|v| filled(v))?;
                Some((k + 1, heading(&v.text)?))
            }
        }
    })?;
    let more = cells
        .iter()
        .skip(k + 1)
        .any(|y| filled(y) && heading(&y.text).is_some());
    (!more).then_some((k, h))
}

/// Whether cell `c` of row `ri` is a carry-over with its own sources under
/// it (`以前年度结转资金：900.00` over `其中：财政拨款：700.00`): a block of
/// its own, not the year's.
fn carried_with_sources(rows: &[GridRow<'_>], ri: usize, c: usize) -> bool {
    let carried = rows
        .get(ri)
        .and_then(|r| r.cells.get(c))
        .is_some_and(|x| !x.merged && cell_key(&x.text) == Some(Key::CarryOver));
    carried
        && rows
            .iter()
            .skip(ri + 1)
            .find(|r| !blank_but_merges(r))
            .is_some_and(|r| {
                [c, c + 1].iter().any(|&k| {
                    r.cells.get(k).is_some_and(|x| {
                        !x.merged
                            && normalize(&x.text).starts_with("其中")
                            && matches!(
                                cell_key(&x.text),
                                Some(Key::Fiscal | Key::Special | Key::Other)
                            )
                    })
                })
            })
}

/// A row headed `合计` or `总计` in the first column, within three rows
/// under the total at row `ri`, whose first amount is not `total`: (its row
/// index, 0, `total`, its amount).
fn differing_sum_row(
    rows: &[GridRow<'_>],
    ri: usize,
    total: Decimal,
) -> Option<(usize, usize, Decimal, Decimal)> {
    // (Only rows without a label of their own between: a 合计 under
    // `上年结转 | …`, `本年新增 | …` or sub-projects' rows sums them.)
    let unlabelled = |k: usize| {
        rows.get(k)
            .and_then(|r| r.cells.first())
            .is_none_or(|x| x.merged || x.text.trim().is_empty())
    };
    (ri + 1..=ri + 3).find_map(|k| {
        if !(ri + 1..k).all(unlabelled) {
            return None;
        }
        let row = rows.get(k)?;
        let head = row.cells.first().filter(|x| !x.merged)?;
        if !matches!(normalize(&head.text).as_str(), "合计" | "总计") {
            return None;
        }
        let sum = row
            .cells
            .iter()
            .skip(1)
            .find(|x| !x.merged && plain_amount(&x.text))
            .and_then(|x| {
                jixiao_core::money::parse_amount(x.text.trim(), jixiao_core::MoneyScale::WanYuan)
                    .ok()
                    .flatten()
            })?;
        (sum != total).then_some((k, 0, total, sum))
    })
}

impl Blocks {
    pub(super) fn of(rows: &[GridRow<'_>], year: Option<u16>) -> Blocks {
        let mut found: Vec<(usize, usize, Key, bool)> = Vec::new();
        let mut dated: Vec<(usize, usize, u16)> = Vec::new();
        for (ri, row) in rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                // A total merged over several columns stands above each of
                // them (its copies in the row below are the same total).
                let copy_in_row = cell.merged
                    && c > 0
                    && row.cells.get(c - 1).is_some_and(|l| l.text == cell.text);
                if cell.merged && !copy_in_row {
                    continue;
                }
                if let Some(k @ (Key::Total | Key::MultiYearTotal)) = cell_key(&cell.text) {
                    // `2023年资金总额` on a 2024 form: another year's.
                    let label = normalize(&cell.text);
                    let label = label.split(':').next().unwrap_or_default();
                    let other_year = year.zip(year_named(label)).is_some_and(|(y, d)| y != d);
                    // The period a block's label on its left names (the 88号
                    // template's `中期资金（万元） | 资金总额 | 3000` above
                    // `年度资金（万元） | 资金总额 | 1000`).
                    // Only the row's own label, its first cell (not a heading
                    // of another column: `上年执行数 | 年度资金总额`).
                    // A label, not an amount of its own (`上年执行数：900.00 |
                    // 年度资金总额：1000.00` are two blocks side by side).
                    let own_first = row
                        .cells
                        .iter()
                        .take(c)
                        .find(|x| !x.merged && !x.text.trim().is_empty());
                    // With none, the label of the block it stands in: the
                    // first column of the nearest row above that has one
                    // (`中期资金（万元） | 期间 | 2024-2026年` over `| 资金总额 |
                    // 3000.00`).
                    // (Its block's first, and no total between: a second block
                    // under it stands without a label, `上年资金（万元） | 资金总额
                    // | 900.00` … `| 资金总额 | 1000.00`.)
                    let block_above = || {
                        // (Not when its block's label stands on the row
                        // under it: `| 资金总额 | 1000.00` over `项目资金（万元）
                        // | 其中：财政拨款 | 800.00`.)
                        let label_below = rows
                            .get(ri + 1)
                            .and_then(|r| r.cells.first())
                            .is_some_and(|f| {
                                !f.merged
                                    && (block_label(&f.text) || key_of(&f.text) == Some(Key::Group))
                            });
                        if label_below {
                            return None;
                        }
                        let k = (0..ri).rev().find(|&k| {
                            rows.get(k)
                                .and_then(|r| r.cells.first())
                                .is_some_and(|f| !f.merged && !f.text.trim().is_empty())
                        })?;
                        let total_between = rows.get(k..ri)?.iter().any(|r| {
                            r.cells.iter().any(|x| {
                                !x.merged
                                    && matches!(
                                        cell_key(&x.text),
                                        Some(Key::Total | Key::MultiYearTotal)
                                    )
                            })
                        });
                        rows.get(k)?.cells.first().filter(|f| {
                            !total_between && block_label(&f.text) && key_of(&f.text).is_none()
                        })
                    };
                    let label_only = |x: &&crate::grid::GridCell<'_>| {
                        !normalize(&x.text)
                            .split_once(':')
                            .is_some_and(|(_, v)| plain_amount(v))
                    };
                    // The period the label's brackets name (`项目资金（2023年）`,
                    // `年度资金（2023年）`, `项目资金（2024-2026年）`), else the
                    // one the label names.
                    let period_of = |x: &crate::grid::GridCell<'_>| match bracket_period(&x.text) {
                        Some(h @ (Heading::Dated(_) | Heading::Span)) => Some(h),
                        bracket => block_heading(&x.text).or(bracket),
                    };
                    let first = own_first.filter(label_only);
                    // (A period label heading the row with its value, `年度 |
                    // 2023年 | 资金总额 | 900.00`, says the period; `年度` alone
                    // is the year's heading.)
                    // (Not one right of another total, `中期资金总额：3000.00 |
                    // 期间：2024-2026年 | 年度资金总额：…`: that total's.)
                    let left = row.cells.get(..c).unwrap_or_default();
                    let money_left = left.iter().any(|x| {
                        !x.merged
                            && (plain_amount(&x.text)
                                || cell_key(&x.text).is_some_and(Key::is_money))
                    });
                    let left_label = (!money_left).then(|| label_period(left, 0, year)).flatten();
                    let period = left_label
                        .map(|(_, h)| h)
                        .or_else(|| first.and_then(period_of));
                    // Else the period a row of headings above gives it
                    // (`2023年 | | | 2024年` over `资金总额 | 财政拨款 | 其他资金 |
                    // 资金总额 | …`), else its block's label above.
                    let above = period
                        .is_none()
                        .then(|| period_above(rows, ri, c, year))
                        .flatten();
                    let first = match (own_first, above) {
                        (None, None) if c > 0 => block_above().filter(label_only),
                        _ => first,
                    };
                    // Else a period label beside the total on its row
                    // (`资金总额：900.00 | 年度：上年`).
                    // (Or heading its row on the left, `年度：2024年 | 资金总额：1000.00`,
                    // `年度 | 2024年 | 资金总额 | 1000.00`.)
                    let beside_label = (period.is_none() && above.is_none())
                        .then(|| label_period(&row.cells, c + 1, year).or(left_label))
                        .flatten();
                    let above = above.or(beside_label.map(|(k, h)| (ri, k, h)));
                    let period = period
                        .or(above.map(|a| a.2))
                        .or_else(|| first.and_then(period_of));
                    if let (Some(x), Some(Heading::Dated(d))) = (first, period) {
                        let bc = row.cells.iter().position(|y| std::ptr::eq(y, x));
                        dated.push((ri, bc.unwrap_or_default(), d));
                    } else if let Some((ar, ac, Heading::Dated(d))) = above {
                        dated.push((ar, ac, d));
                    } else if let Some(Heading::Dated(d)) = money_heading(label) {
                        // The total names its year itself (`2023年资金总额`).
                        dated.push((ri, c, d));
                    }
                    let other_period = match period {
                        Some(Heading::Span) => true,
                        Some(Heading::Dated(d)) => year.is_some_and(|y| y != d),
                        // `项目总投资（万元） | 资金总额 | 5000`.
                        None => first.is_some_and(|x| {
                            other_scope(&split_parens(&normalize(&x.text)).0, year)
                        }),
                        _ => false,
                    };
                    // A total naming the year (`年度资金总额`) is the year's
                    // under a label of the whole project's money
                    // (`项目资金（2024-2026年）`), not under one dated another
                    // year (`项目资金（2023年）`: that year's).
                    // A span in the brackets that leaves the year out
                    // (`项目资金（2021-2023年）`) is no label of the whole
                    // project's money either.
                    let beside = first
                        .and_then(|x| bracket_years(&x.text))
                        .zip(year)
                        .is_some_and(|((from, to), y)| from != to && !(from..=to).contains(&y));
                    // (A row of periods over the groups says it too: `上年 | 本年`
                    // over `年度资金总额 | …` twice.)
                    let dated =
                        matches!(period, Some(Heading::Dated(_))) || beside || above.is_some();
                    let other_period = other_period && (dated || !names_year(&cell.text));
                    let k = if other_year || other_period {
                        Key::MultiYearTotal
                    } else {
                        k
                    };
                    let names = names_year(&cell.text)
                        || matches!(period, Some(Heading::Year))
                        || matches!(period, Some(Heading::Dated(d)) if Some(d) == year);
                    found.push((ri, c, k, names && !other_year && !other_period));
                } else if other_period_amount(row, c, year) || carried_with_sources(rows, ri, c) {
                    found.push((ri, c, Key::MultiYearTotal, false));
                } else if let Some(this_year) = super::budget_total(rows, ri, c, year) {
                    // `年度预算数 | 财政拨款 | 其他资金`, `2023年预算数 | …`.
                    let k = if this_year {
                        Key::Total
                    } else {
                        Key::MultiYearTotal
                    };
                    found.push((ri, c, k, this_year));
                }
            }
        }
        // A total that does not name the year (`资金总额`) is the year's,
        // unless another names it: then it is the multi-year block's.
        // (Unless it gives the same amount: then the project's money is the
        // year's, its sources too; `资金总额 | 1000.00` over its sources and a
        // remark `年度资金总额：1000.00` under the block, ur55 c002.)
        let year_named = found.iter().any(|&(.., k, y)| k == Key::Total && y);
        // Each total's amount, found once.
        let amounts: Vec<Option<Decimal>> = found
            .iter()
            .map(|&(ri, c, ..)| total_amount(rows, ri, c))
            .collect();
        let named: Vec<(usize, Decimal)> = found
            .iter()
            .zip(&amounts)
            .filter(|(&(.., k, y), _)| k == Key::Total && y)
            .filter_map(|(&(ri, ..), a)| Some((ri, (*a)?)))
            .collect();
        // A row between two totals opening a section of its own (`本年度项目资金
        // （万元）` under a block headed `上年度项目执行情况`): the blocks are
        // apart, the first perhaps another period's.
        let apart = |a: usize, b: usize| {
            rows.get(a.min(b) + 1..a.max(b)).is_some_and(|between| {
                between.iter().any(|row| {
                    row.cells.first().is_some_and(|x| {
                        let t = normalize(&x.text);
                        !x.merged
                            && !t.is_empty()
                            && !t.starts_with("其中")
                            && !plain_amount(&t)
                            // (Not a row of periods over groups, `2023年 | | |
                            // 2024年`: it heads money of the same section;
                            // ur57 e005.)
                            && super::period_year(&split_parens(&t).0).is_none()
                            && (block_label(&x.text)
                                || !cell_key(&x.text).is_some_and(Key::is_money))
                    })
                })
            })
        };
        let undated = |ri: usize, c: usize| {
            rows.get(ri)
                .and_then(|r| r.cells.get(c))
                .is_some_and(|x| !x.text.contains(['年', '期']))
        };
        let below_the_year = found
            .iter()
            .zip(&amounts)
            .filter(|(&(ri, c, k, y), _)| year_named && k == Key::Total && !y && undated(ri, c))
            .find_map(|(&(ri, c, ..), a)| {
                let a = (*a)?;
                let n = named
                    .iter()
                    .filter(|(nri, n)| *n > a && !apart(ri, *nri))
                    .map(|n| n.1)
                    .max()?;
                Some((ri, c, a, n))
            });
        // A `合计` row right under the form's one block (`合计 | 1100` under
        // `资金总额 | …` over `1000.00 | …`) states its total again: of
        // another amount, which is the year's cannot be told (ur55 r002,
        // r005: the 合计 was left unread, the block's total read).
        let below_the_year =
            below_the_year.or_else(|| match (found.as_slice(), amounts.as_slice()) {
                // (Not under a total naming the year, `年度资金总额`: a 合计 of
                // more years may follow it.)
                ([(ri, _, Key::Total, false)], [Some(a)]) => differing_sum_row(rows, *ri, *a),
                _ => None,
            });
        let totals: Vec<(usize, usize, bool)> = found
            .into_iter()
            .zip(amounts)
            .map(|((ri, c, k, y), a)| {
                // (Only a label naming no period: `二〇二三年预算：1000.00` is
                // that year's whatever its amount.)
                let same = || undated(ri, c) && a.is_some_and(|a| named.iter().any(|n| n.1 == a));
                (ri, c, k == Key::Total && (y || !year_named || same()))
            })
            .collect();
        let mut grouped = Vec::new();
        let mut misaligned = None;
        for (ri, row) in rows.iter().enumerate() {
            // Each total of the row: its column, whether it is the year's,
            // and the period heading over it (its row and column).
            type Head = (usize, bool, Option<(usize, usize)>);
            let heads: Vec<Head> = totals
                .iter()
                .filter(|t| t.0 == ri)
                .map(|&(_, c, y)| (c, y, period_above(rows, ri, c, year).map(|h| (h.0, h.1))))
                .collect();
            // Periods over the groups, the first not over the first group
            // (`项目资金（万元） | | 2023年 | | | 2024年` over `| 资金总额 | 财政拨款
            // | 其他资金 | 资金总额 | …`: ur48 C39).
            // (The groups start at the row's first money label, whatever
            // their labels' order: `其他资金 | 财政拨款 | 资金总额 | 资金总额 | …`.)
            let first_label = row
                .cells
                .iter()
                .position(|x| !x.merged && cell_key(&x.text).is_some_and(Key::is_money));
            let first_head = heads.iter().filter_map(|(.., h)| h.map(|h| h.1)).min();
            if heads.len() >= 2
                && first_head.is_some()
                && (heads.iter().any(|(.., h)| h.is_none()) || first_head != first_label)
            {
                if let Some(hr) = heads.iter().find_map(|(.., h)| h.map(|h| h.0)) {
                    let cols = rows
                        .get(hr)
                        .map(|r| {
                            r.cells
                                .iter()
                                .enumerate()
                                .skip(1)
                                .filter(|(_, x)| !x.merged && !x.text.trim().is_empty())
                                .map(|(k, _)| k)
                                .collect()
                        })
                        .unwrap_or_default();
                    misaligned.get_or_insert((hr, cols));
                }
            }
            // The period heading over each total of the row: its group.
            let groups: Vec<(usize, bool)> = heads
                .iter()
                .filter_map(|&(_, y, h)| Some((h?.1, y)))
                .collect();
            if groups.len() < 2 {
                continue;
            }
            for (c, cell) in row.cells.iter().enumerate() {
                let source = cell_key(&cell.text).is_some_and(Key::is_source);
                if cell.merged || !source {
                    continue;
                }
                let group = period_above(rows, ri, c, year)
                    .and_then(|(_, hc, _)| groups.iter().find(|(gc, _)| *gc == hc));
                if let Some(&(_, y)) = group {
                    grouped.push((ri, c, y));
                }
            }
        }
        let opens_section = rows
            .iter()
            .map(|row| {
                row.cells.first().is_some_and(|x| {
                    let t = normalize(&x.text);
                    !x.merged
                        && !t.is_empty()
                        && !t.starts_with("其中")
                        && !cell_key(&x.text).is_some_and(Key::is_money)
                })
            })
            .collect();
        let first_filled = rows
            .iter()
            .map(|row| {
                row.cells
                    .iter()
                    .position(|x| !x.merged && !x.text.trim().is_empty())
                    .unwrap_or(usize::MAX)
            })
            .collect();
        Blocks {
            totals,
            opens_section,
            dated,
            first_filled,
            grouped,
            below_the_year,
            misaligned,
        }
    }

    /// Two totals that cannot be a project's of several years and its
    /// year's ([`Blocks::below_the_year`]): which is the year's cannot be
    /// told.
    pub(super) fn totals_unclear(&self, rows: &[GridRow<'_>]) -> Option<MoneyUnclear> {
        if let Some((hr, cols)) = &self.misaligned {
            let r = rows.get(*hr)?;
            return Some(MoneyUnclear::years(r, cols, Unclear::GroupsMisaligned));
        }
        let (ri, c, a, n) = self.below_the_year?;
        let row = rows.get(ri)?.number;
        Some(MoneyUnclear::twice_the_year(
            row,
            c,
            vec![a.to_string(), n.to_string()],
        ))
    }

    /// Blocks labelled with different years (`项目资金（2023年）` and
    /// `项目资金（2024年）`) on a form that names no year: which is the
    /// year's cannot be told.
    pub(super) fn years_unclear(&self, rows: &[GridRow<'_>]) -> Option<MoneyUnclear> {
        let first = self.dated.first()?.2;
        self.dated.iter().any(|d| d.2 != first).then(|| {
            MoneyUnclear::years_of_rows(
                rows,
                self.dated.iter().map(|&(ri, c, _)| (ri, c)),
                Unclear::NoYear,
            )
        })
    }

    /// The year's totals: (row index, column).
    pub(super) fn year_totals(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.totals.iter().filter(|t| t.2).map(|&(r, c, _)| (r, c))
    }

    /// Totals of other periods: (row index, column).
    pub(super) fn other_totals(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.totals.iter().filter(|t| !t.2).map(|&(r, c, _)| (r, c))
    }

    /// Whether the total at (`ri`, `c`), or the source label there, belongs
    /// to the year's block. A source belongs to the total nearest above it
    /// in its own column (the template's sources under their total), else
    /// to the nearest on its left in its row (`中期资金总额 | 其中：财政拨款 |
    /// 其他资金 | 年度资金总额 | …`); with neither, to the year.
    pub(super) fn is_year(&self, ri: usize, c: usize) -> bool {
        if let Some(&(.., y)) = self.totals.iter().find(|(r, tc, _)| *r == ri && *tc == c) {
            return y;
        }
        if let Some(&(.., y)) = self.grouped.iter().find(|(r, gc, _)| *r == ri && *gc == c) {
            return y;
        }
        let same_section = |r: usize| {
            self.opens_section
                .get(r + 1..=ri)
                .is_none_or(|between| !between.contains(&true))
        };
        let above_in = |col: usize| {
            self.totals
                .iter()
                .filter(|(r, tc, _)| *tc == col && *r <= ri)
                .max_by_key(|(r, ..)| *r)
                .filter(|(r, ..)| same_section(*r))
        };
        let left = || {
            self.totals
                .iter()
                .filter(|(r, tc, _)| *r == ri && *tc < c)
                .max_by_key(|(_, tc, _)| *tc)
        };
        // Sources indented one column right of their total are its too,
        // unless a total of their own row stands on their left; further
        // right, with nothing on their left in their row, the nearest total
        // above on their left (`去年执行数：1000.00` over `| | 其中：财政拨款：
        // 900.00`, ur34 n07; not a column of sources beside another's).
        let indented = self.first_filled.get(ri) == Some(&c);
        let further_left = || {
            self.totals
                .iter()
                .filter(|(r, tc, _)| indented && *r < ri && *tc + 1 < c)
                .max_by_key(|(r, tc, _)| (*r, *tc))
                .filter(|(r, ..)| same_section(*r))
        };
        above_in(c)
            .or_else(left)
            .or_else(|| c.checked_sub(1).and_then(above_in))
            .or_else(further_left)
            .is_none_or(|&(.., y)| y)
    }
}

/// Whether `row` holds nothing of its own (a label merged down over it
/// aside).
/// A money block of labels over rows of periods (`合计 | 财政拨款 | 其他资金`
/// over `中期资金总额 | 3000 | 2400 | 600` and `年度资金总额 | 1000 | 800 |
/// 200`, the total's column first or last): rows `labels..end`.
pub(super) struct LabelledRows {
    pub(super) labels: usize,
    pub(super) end: usize,
    /// The labels' columns and what each holds (`合计` the total).
    pub(super) columns: Vec<(usize, Key)>,
    /// The year's row, if one is.
    pub(super) year_row: Option<usize>,
}

/// A total or source label over a column of amounts (`合计`, `资金总额`,
/// `其中：财政拨款`).
pub(super) fn column_label(text: &str) -> Option<Key> {
    if sum_label(text) {
        return Some(Key::Total);
    }
    key_of(text).filter(|k| matches!(k, Key::Total | Key::Fiscal | Key::Special | Key::Other))
}

/// The period a row of a [`LabelledRows`] block is headed by, from its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RowPeriod {
    /// The year's (`年度资金总额`, `2024年资金总额` on a 2024 form).
    Year,
    /// A total naming no period (`资金总额`).
    Plain,
    /// Another period's, a sum of rows or a part (`中期资金总额`,
    /// `上年资金总额`, `合计`, `上年结转`, `项目资金总额`).
    Other,
}

pub(super) fn row_period(label: &str, year: Option<u16>) -> RowPeriod {
    let n = normalize(label);
    let n = n.strip_prefix("其中:").unwrap_or(&n).trim_end_matches(':');
    if matches!(n, "合计" | "总计") || key_of(n) == Some(Key::CarryOver) {
        return RowPeriod::Other;
    }
    let (head, note) = n.split_at(n.find('(').unwrap_or(n.len()));
    // A unit is no note of the period.
    let note = if money_unit(note) { "" } else { note };
    let mut stem = head;
    while let Some(rest) = [
        "资金总额",
        "资金总计",
        "资金合计",
        "总额",
        "总计",
        "合计",
        "资金",
        "金额",
    ]
    .iter()
    .find_map(|w| stem.strip_suffix(w))
    {
        stem = rest;
    }
    if stem.is_empty() && note.is_empty() {
        return RowPeriod::Plain;
    }
    match money_heading(&format!("{stem}{note}")) {
        Some(Heading::Year) => RowPeriod::Year,
        Some(Heading::Dated(y)) if Some(y) == year => RowPeriod::Year,
        _ => RowPeriod::Other,
    }
}

/// The first [`LabelledRows`] block of a form: a row whose cells from its
/// first money label on are labels of a total and sources (at least one
/// source), with at most the block's own label on their left; under it,
/// rows headed on the left of the labels, amounts under them, at least one
/// headed by a total (`…资金总额`, `合计`, `上年结转`), not by a heading word
/// alone (rows headed `中期 | 年度` are [`headed_rows`]'). The year's row is
/// the one headed as the year's, else the one plain total beside other
/// periods' (or alone); several of the year's or of plain totals are
/// refused, and none of them leaves the block unread.
pub(super) fn labelled_rows(
    rows: &[GridRow<'_>],
    year: Option<u16>,
) -> Option<Result<LabelledRows, MoneyUnclear>> {
    let at = |ri: usize, r: &GridRow<'_>| -> Option<Result<LabelledRows, MoneyUnclear>> {
        let written = |x: &&crate::grid::GridCell<'_>| !x.merged && !x.text.trim().is_empty();
        // A row's label: its first written cell but the block's own label.
        let row_label = |n: &GridRow<'_>| {
            n.cells
                .iter()
                .enumerate()
                .find(|(_, x)| written(x) && key_of(&x.text) != Some(Key::Group))
                .filter(|(_, x)| !plain_amount(&x.text))
                .map(|(c, _)| c)
        };
        let first_label = r
            .cells
            .iter()
            .position(|x| !x.merged && column_label(&x.text).is_some())?;
        // The column the rows under it are labelled in, left of every label.
        let lc = rows
            .iter()
            .skip(ri + 1)
            .find(|n| !blank_but_merges(n))
            .and_then(row_label)
            .filter(|&lc| lc < first_label)?;
        let left_ok = r.cells.iter().take(lc + 1).filter(written).all(|x| {
            let n = normalize(&x.text);
            key_of(&x.text) == Some(Key::Group)
                || block_label(&x.text)
                || n.starts_with("单位:")
                || money_unit(&n)
        });
        // Labels of a total and sources; a carry-over is read as such, a
        // source of another name left unread, never taken for one of them.
        let mut columns: Vec<(usize, Key)> = Vec::new();
        let mut periods: Vec<usize> = Vec::new();
        for (c, x) in r
            .cells
            .iter()
            .enumerate()
            .skip(lc + 1)
            .filter(|(_, x)| written(x))
        {
            match column_label(&x.text) {
                Some(k) => columns.push((c, k)),
                None if key_of(&x.text) == Some(Key::CarryOver) => {
                    columns.push((c, Key::CarryOver))
                }
                // A heading of a period among the labels (`2024-2026年`,
                // `上年执行数`, `年度预算`): which amounts are the year's
                // cannot be told.
                None if block_heading(&x.text).is_some() || year_money_word(&x.text) => {
                    periods.push(c)
                }
                None => {}
            }
        }
        let sources = columns
            .iter()
            .filter(|(_, k)| matches!(k, Key::Fiscal | Key::Special | Key::Other))
            .count();
        if !left_ok || sources == 0 || columns.len() < 2 {
            return None;
        }
        // The rows under it: labelled in that column, amounts right of it.
        let mut period_rows: Vec<(usize, usize)> = Vec::new();
        let mut end = ri + 1;
        for (k, n) in rows.iter().enumerate().skip(ri + 1).take(8) {
            if blank_but_merges(n) {
                end = k + 1;
                continue;
            }
            let Some(lx) = row_label(n)
                .filter(|&c| c == lc)
                .and_then(|c| n.cells.get(c))
            else {
                break;
            };
            // Under the labels amounts only; a column of remarks beside them
            // (`备注`, `资金用途`) may hold text.
            let amounts_only = columns.iter().all(|&(c, _)| {
                n.cells.get(c).is_none_or(|x| {
                    !written(&x)
                        || plain_amount(&x.text)
                        || matches!(x.text.trim(), "-" | "—" | "/")
                })
            });
            let any_amount = columns.iter().any(|&(c, _)| {
                n.cells
                    .get(c)
                    .is_some_and(|x| !x.merged && plain_amount(&x.text))
            });
            if !amounts_only || !any_amount || matches!(key_of(&lx.text), Some(k) if !k.is_money())
            {
                break;
            }
            period_rows.push((k, lc));
            end = k + 1;
        }
        let total_label = |t: &str| {
            let n = normalize(t);
            matches!(
                key_of(t),
                Some(Key::Total | Key::MultiYearTotal | Key::CarryOver)
            ) || n.contains("总额")
                || n.contains("合计")
                || n.contains("总计")
                || n.contains("资金")
        };
        let headed_by_totals = period_rows.iter().any(|&(k, lc)| {
            rows.get(k)
                .and_then(|n| n.cells.get(lc))
                .is_some_and(|x| total_label(&x.text))
        });
        // Rows all headed by periods (`中期 | 年度`, `2024年 | 2025年 | 合计`)
        // are [`headed_rows`]'.
        let sum_label = |&(k, lc): &(usize, usize)| {
            rows.get(k)
                .and_then(|n| n.cells.get(lc))
                .is_some_and(|x| sum_label(&x.text))
        };
        let by_heading = !period_rows.iter().all(sum_label)
            && period_rows.iter().all(|&(k, lc)| {
                sum_label(&(k, lc))
                    || rows.get(k).and_then(|n| n.cells.get(lc)).is_some_and(|x| {
                        key_of(&x.text).is_none() && block_heading(&x.text).is_some()
                    })
            });
        if period_rows.is_empty() || !headed_by_totals || by_heading {
            return None;
        }
        if !periods.is_empty() {
            let mut at: Vec<usize> = periods
                .into_iter()
                .chain(columns.iter().map(|&(c, _)| c))
                .collect();
            at.sort_unstable();
            return Some(Err(MoneyUnclear::years(r, &at, Unclear::NoYearColumn)));
        }
        // A part of the year's money: money carried over (`其中：上年结转`)
        // or the year's new money (`本年新增`).
        let part_of_year = |&(k, lc): &(usize, usize)| {
            rows.get(k).and_then(|n| n.cells.get(lc)).is_some_and(|x| {
                let n = normalize(&x.text);
                let n = n.strip_prefix("其中:").unwrap_or(&n);
                key_of(n) == Some(Key::CarryOver)
                    || (n.contains("新增")
                        && !other_scope(n, year)
                        && year_named(n).is_none_or(|y| Some(y) == year))
            })
        };
        // The block's own label, in the labels row or on a row of its own
        // above it, names the project's money or the year's, and no other
        // period or scope (`中期资金（万元）`, `上年执行情况`, `实施期资金`,
        // `项目资金（2024-2026年）`).
        let label_above = rows
            .get(..ri)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|n| !blank_but_merges(n))
            .filter(|n| n.cells.iter().filter(written).count() == 1);
        let labels = r
            .cells
            .iter()
            .take(lc + 1)
            .chain(label_above.into_iter().flat_map(|n| n.cells.iter()))
            .filter(written)
            .filter(|x| {
                let n = normalize(&x.text);
                !(n.starts_with("单位:") || money_unit(&n))
            });
        // Every label there of the project's or the year's money; with none,
        // no other block's amounts above (a 中期 block's rows).
        let after_other_block = || {
            rows.get(..ri)
                .unwrap_or(&[])
                .iter()
                .any(|n| n.cells.iter().any(|x| !x.merged && plain_amount(&x.text)))
        };
        // A label of the project's money (not naming the year) after another
        // block's amounts (`中期资金` then `资金构成`) does not say it is the
        // year's either.
        let labels: Vec<_> = labels.collect();
        let names_year_itself = labels.iter().any(|x| {
            let n = normalize(&x.text);
            let bare = split_parens(&n).0;
            names_this_year(&bare) || matches!(money_heading(&bare), Some(Heading::Year))
        });
        let block_of_year = labels.iter().all(|x| year_or_project_label(&x.text, year))
            && (names_year_itself || !after_other_block());
        let period = |&(k, lc): &(usize, usize)| {
            let t = rows
                .get(k)
                .and_then(|n| n.cells.get(lc))
                .map_or("", |x| &*x.text);
            row_period(t, year)
        };
        let of = |p: RowPeriod| -> Vec<(usize, usize)> {
            period_rows
                .iter()
                .copied()
                .filter(|r| period(r) == p)
                .collect()
        };
        let (years, plain) = (of(RowPeriod::Year), of(RowPeriod::Plain));
        // One `合计` over the year's parts: carried over and the year's own
        // (`合计 | 其中：上年结转 | 本年安排`): the 合计 is the year's money.
        let sum_of_parts = |year_row: (usize, usize)| {
            block_of_year
                && period_rows.iter().filter(|r| sum_label(r)).count() == 1
                && period_rows.iter().any(&part_of_year)
                && period_rows
                    .iter()
                    .all(|r| sum_label(r) || part_of_year(r) || *r == year_row)
        };
        let year_row = match (years.as_slice(), plain.as_slice()) {
            ([yr], _) if sum_of_parts(*yr) => {
                period_rows.iter().find(|r| sum_label(r)).map(|r| r.0)
            }
            ([(k, _)], _) => Some(*k),
            ([_, _, ..], _) => {
                return Some(Err(MoneyUnclear::years_of_rows(
                    rows,
                    years.into_iter(),
                    Unclear::SeveralYearColumns,
                )))
            }
            ([], [(k, _)]) => Some(*k),
            ([], [_, _, ..]) => {
                return Some(Err(MoneyUnclear::years_of_rows(
                    rows,
                    period_rows.into_iter(),
                    Unclear::NoYearColumn,
                )))
            }
            // `合计` alone under the labels: the block's one row of amounts;
            // two such rows cannot be told apart.
            ([], []) => match period_rows.as_slice() {
                // (Not a 中期 block's: `中期资金（万元）` over `合计 | 3000.00`.)
                [row] if sum_label(row) && block_of_year => Some(row.0),
                // One `合计` with parts of the year's money beside it
                // (`其中：上年结转`, `本年新增 | 上年结转 | 合计`): the
                // 合计 is the year's.
                _ if block_of_year
                    && period_rows.iter().filter(|r| sum_label(r)).count() == 1
                    && period_rows.iter().all(|r| sum_label(r) || part_of_year(r)) =>
                {
                    period_rows.iter().find(|r| sum_label(r)).map(|r| r.0)
                }
                [_, _, ..] if period_rows.iter().all(sum_label) => {
                    return Some(Err(MoneyUnclear::years_of_rows(
                        rows,
                        period_rows.into_iter(),
                        Unclear::NoYearColumn,
                    )))
                }
                _ => None,
            },
        };
        Some(Ok(LabelledRows {
            labels: ri,
            end,
            columns,
            year_row,
        }))
    };
    // A block with no row of the year's (a 中期 block's `合计 | 其中：上年结转`)
    // before the year's own block of such rows: the year's is read.
    let mut other_period = None;
    for (ri, r) in rows.iter().enumerate() {
        match at(ri, r) {
            Some(Ok(l)) if l.year_row.is_none() => {
                other_period.get_or_insert(l);
            }
            Some(found) => return Some(found),
            None => {}
        }
    }
    other_period.map(Ok)
}

/// The amount of the total label at (`ri`, `c`): after its colon
/// (`资金总额：1000.00`), else in the next filled cell of its row when that
/// is an amount, else right under it; in the label's unit (only compared
/// with another total's).
fn total_amount(rows: &[GridRow<'_>], ri: usize, c: usize) -> Option<Decimal> {
    let row = rows.get(ri)?;
    let number = |t: &str| {
        jixiao_core::money::parse_amount(
            t.trim().trim_end_matches("万元").trim_end_matches('元'),
            jixiao_core::MoneyScale::WanYuan,
        )
        .ok()
        .flatten()
    };
    if let Some(v) = inline_amount(&row.cells.get(c)?.text) {
        return number(v);
    }
    let mut filled = row
        .cells
        .iter()
        .skip(c + 1)
        .filter(|x| !x.merged && !x.text.trim().is_empty() && !unit_cell(&x.text));
    let right = filled.next();
    // (Several amounts on its right are a matrix's row, `资金总额 | 900.00 |
    // 1000.00`, of columns of periods: no one amount is the label's.)
    let more = filled.next().is_some_and(|x| plain_amount(&x.text));
    match right {
        Some(x) if plain_amount(&x.text) && more => None,
        Some(x) if plain_amount(&x.text) => number(&x.text),
        _ => rows
            .get(ri + 1)?
            .cells
            .get(c)
            .filter(|x| !x.merged && plain_amount(&x.text))
            .and_then(|x| number(&x.text)),
    }
}
