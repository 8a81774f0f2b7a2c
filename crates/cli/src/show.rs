//! `jixiao show`: a readable terminal view of a table.

use crate::check::Lang;
use anyhow::Result;
use jixiao_core::{Funding, MoneyScale, Table, Target};
use rust_decimal::Decimal;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// Pad `s` to `width` terminal cells (CJK counts 2), truncating with `…` when longer.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    let full = UnicodeWidthStr::width(s);
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if full > width && w + cw + 1 > width {
            out.push('…');
            w += 1;
            break;
        }
        if w + cw > width {
            break;
        }
        out.push(ch);
        w += cw;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// Right-align `s` in a 12-cell column (CJK counts 2).
fn right(s: &str) -> String {
    format!(
        "{}{s}",
        " ".repeat(12usize.saturating_sub(UnicodeWidthStr::width(s)))
    )
}

/// An amount (held in 万元) in the table's own scale, as the header line names
/// it (`金额单位: 元`): at least two decimals, more only where the amount has
/// them (`3309840.00` 元 for 330.984000 万元, `158.00` 万元, `0.0125` 万元).
fn amount(d: Option<Decimal>, scale: MoneyScale) -> String {
    d.map(|d| {
        let mut d = jixiao_core::money::from_wan(d, scale).normalize();
        if d.scale() < 2 {
            d.rescale(2);
        }
        d.to_string()
    })
    .unwrap_or_default()
}

fn funding_line(f: &Funding, scale: MoneyScale) -> String {
    format!(
        "{:>12} {:>12} {:>12} {:>12}",
        amount(f.total, scale),
        amount(f.fiscal_appropriation, scale),
        amount(f.special_account, scale),
        amount(f.other_funds, scale)
    )
}

/// A short human rendering of a target.
pub fn target_text(t: &Target) -> String {
    match t {
        Target::Quantitative(q) => q.to_string(),
        Target::Qualitative { text } => format!("定性: {text}"),
        Target::Graded(g) => format!("优{} 良{} 中{}", g.you.value, g.liang.value, g.zhong.value),
        Target::Missing => "（空）".to_string(),
    }
}

/// The layout family in words.
fn layout_name(layout: jixiao_core::LayoutFamily, lang: Lang) -> &'static str {
    use jixiao_core::LayoutFamily::*;
    match (layout, lang) {
        (OneCell, Lang::Zh) => "指标合在一格",
        (OneCell, Lang::En) => "indicators in one cell",
        (RowPerIndicator, Lang::Zh) => "每行一个指标",
        (RowPerIndicator, Lang::En) => "one row per indicator",
    }
}

/// Render the whole table for a terminal; the reader's notes in `lang`.
pub fn render(table: &Table, with_indicators: bool, lang: Lang) -> String {
    let mut o = String::new();
    let en = lang == Lang::En;
    let untitled = if en { "(no title)" } else { "（无标题）" };
    let _ = writeln!(o, "{}", table.title.as_deref().unwrap_or(untitled));
    let (department, year, scale, layout, inferred) = if en {
        ("department", "year", "money unit", "layout", " (inferred)")
    } else {
        ("部门", "年度", "金额单位", "版式", "（推定）")
    };
    let _ = writeln!(
        o,
        "{department}: {}  {year}: {}  {scale}: {}{}  {layout}: {}",
        table.department.as_deref().unwrap_or("—"),
        table
            .fiscal_year
            .map(|y| y.to_string())
            .unwrap_or_else(|| "—".into()),
        table.money_scale.label(),
        if table.money_scale_stated {
            ""
        } else {
            inferred
        },
        layout_name(table.layout, lang)
    );
    let s = &table.source;
    let (source, sheet) = if en {
        ("source", "sheet")
    } else {
        ("来源", "工作表")
    };
    let _ = writeln!(
        o,
        "{source}: {} ({}{}{})",
        jixiao_formats::grid::visible_name(&s.path),
        s.format,
        s.encoding
            .as_deref()
            .map(|e| format!(", {e}"))
            .unwrap_or_default(),
        match (&s.sheet, s.table) {
            (Some(e), _) => format!(", {sheet} {e}"),
            (None, Some(t)) if en => format!(", table {t}"),
            (None, Some(t)) => format!(", 表格 {t}"),
            (None, None) => String::new(),
        }
    );
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{} {} {} {} {}",
        fit("项目名称（资金使用单位）", 44),
        right("总计"),
        right("财政拨款"),
        right("财政专户拨款"),
        right("其他资金")
    );
    if let Some(gt) = &table.grand_total {
        let _ = writeln!(
            o,
            "{} {}",
            fit(&gt.label, 44),
            funding_line(&gt.funding, table.money_scale)
        );
    }
    for unit in &table.units {
        let stated = unit
            .stated
            .as_ref()
            .map(|r| r.funding)
            .unwrap_or_else(|| Funding::sum(unit.projects.iter().map(|p| &p.funding)));
        let _ = writeln!(
            o,
            "{} {}",
            fit(&format!("▸ {}", unit.name), 44),
            funding_line(&stated, table.money_scale)
        );
        for p in &unit.projects {
            let count = match lang {
                Lang::Zh => format!("{} 条指标", p.indicators.len()),
                Lang::En => format!("{} indicators", p.indicators.len()),
            };
            let _ = writeln!(
                o,
                "{} {}  [{count}]",
                fit(&format!("    {}", p.name), 44),
                funding_line(&p.funding, table.money_scale),
            );
            if with_indicators {
                for i in &p.indicators {
                    let seq = i.seq.map(|n| n.to_string()).unwrap_or_else(|| "·".into());
                    let cat = match &i.subcategory {
                        Some(sub) => format!("{}/{}", i.category.label(), sub),
                        None => i.category.label().to_string(),
                    };
                    let _ = writeln!(
                        o,
                        "        {:>2} {} {} {}",
                        seq,
                        fit(&cat, 22),
                        fit(&i.name, 36),
                        target_text(&i.target)
                    );
                }
            }
        }
    }
    if !table.notices.is_empty() {
        let _ = match lang {
            Lang::Zh => writeln!(o, "\n读取说明:"),
            Lang::En => writeln!(o, "\nreader notes:"),
        };
        // A notice names its row (and column) itself.
        for n in &table.notices {
            let _ = writeln!(o, "  [{}] {}", n.code, n.text(lang.core()));
        }
    }
    o
}

/// Counts for `--summary` and machine output.
#[derive(Debug, serde::Serialize)]
pub struct Summary {
    pub file: String,
    pub units: usize,
    pub projects: usize,
    pub indicators: usize,
    pub grand_total: Option<String>,
    pub projects_sum: String,
    pub notices: usize,
}

pub fn summary(table: &Table) -> Summary {
    let projects: Vec<_> = table.projects().collect();
    Summary {
        file: table.source.path.clone(),
        units: table.units.len(),
        projects: projects.len(),
        indicators: projects.iter().map(|p| p.indicators.len()).sum(),
        // In 万元, as the line says: two decimals, more only where the amount
        // has them (a 元 table's 552.500000 is 552.50).
        grand_total: table
            .grand_total
            .as_ref()
            .and_then(|g| g.funding.total)
            .map(|d| amount(Some(d), MoneyScale::WanYuan)),
        projects_sum: amount(
            Some(
                projects
                    .iter()
                    .map(|p| p.funding.total_or_zero())
                    .sum::<Decimal>(),
            ),
            MoneyScale::WanYuan,
        ),
        notices: table.notices.len(),
    }
}

pub fn write_summary_human(out: &mut impl std::io::Write, s: &Summary, lang: Lang) -> Result<()> {
    let total = s.grand_total.as_deref().unwrap_or("—");
    match lang {
        Lang::Zh => writeln!(
            out,
            "{}: {} 个单位, {} 个项目, {} 条指标, 合计 {total} 万元 (项目之和 {}), {} 条读取说明",
            s.file, s.units, s.projects, s.indicators, s.projects_sum, s.notices
        )?,
        Lang::En => writeln!(
            out,
            "{}: {} units, {} projects, {} indicators, grand total {total} (10 000 yuan) \
             (projects sum to {}), {} reader notes",
            s.file, s.units, s.projects, s.indicators, s.projects_sum, s.notices
        )?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::target_text;
    use jixiao_core::grammar::parse_value;

    #[test]
    fn targets_read_as_written() {
        for text in [
            "80-90%",
            "≥95%",
            "5000人次",
            "≤50万元",
            "=8个",
            // 余 inside 千万元, as written (it was shown `3余千万元`)
            "3千余万元",
        ] {
            assert_eq!(target_text(&parse_value(text).target), text);
        }
    }
}
