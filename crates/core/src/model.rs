//! The performance-target table (项目支出绩效目标表) as one exact data model.
//!
//! Every reader produces a [`Table`]; every writer and the reviewer consume one.
//! Amounts are exact decimals in 万元 (never `f64`); every value remembers where
//! it came from ([`Origin`]) so a finding can point at the cell.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A 1-based position in the source: the line of a text file or the row of a
/// sheet, and the column (field) within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Origin {
    pub row: u32,
    pub col: u32,
}

impl Origin {
    pub const fn new(row: u32, col: u32) -> Self {
        Self { row, col }
    }
}

/// A byte range inside one cell's text (UTF-8 offsets, end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Where the table came from. File-level facts live here once, not per cell.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The path as given by the user.
    pub path: String,
    /// `text`, `csv`, `xlsx`, `xls`, `ods`, `html`, `json`.
    pub format: String,
    /// Detected or overridden character encoding (`UTF-8`, `GB18030`, `UTF-16LE`…); none for binary formats.
    pub encoding: Option<String>,
    /// How the encoding was decided: `bom`, `utf8-valid`, `detected`, `override`.
    pub encoding_source: Option<String>,
    /// Sheet name for workbooks (and for a workbook saved as HTML, when the
    /// page names the sheet).
    pub sheet: Option<String>,
    /// For HTML: the 1-based position of the `<table>` read, among the page's
    /// `<table>` elements. Rows are then that table's rows (the Nth `<tr>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    /// Field delimiter for delimited text.
    pub delimiter: Option<char>,
    /// Whether a text source ended with a newline (kept for exact write-back).
    pub final_newline: Option<bool>,
}

/// The money scale printed on the table (`单位：万元` / `金额单位:元`).
/// The model always holds 万元; this records what the source said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyScale {
    /// 万元, factor 10 000 (the usual scale).
    #[default]
    WanYuan,
    /// 元, factor 1.
    Yuan,
}

impl MoneyScale {
    pub fn label(self) -> &'static str {
        match self {
            MoneyScale::WanYuan => "万元",
            MoneyScale::Yuan => "元",
        }
    }
    /// 元 per unit of this scale.
    pub fn factor(self) -> u32 {
        match self {
            MoneyScale::WanYuan => 10_000,
            MoneyScale::Yuan => 1,
        }
    }
}

/// The two layout families of published tables (GUIDE §1 and §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayoutFamily {
    /// All of a project's indicators in one text cell (`1-产出指标：…，年度指标值：…。`).
    #[default]
    OneCell,
    /// One row per indicator with 一级/二级/三级/指标值 columns (Sichuan, central 申报表).
    RowPerIndicator,
}

/// What a column of the source holds, decided from its header text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 单位名称 / 资金使用单位 column (row family).
    UnitName,
    /// 项目名称 (one-cell family: 项目名称（资金使用单位）).
    ProjectName,
    /// 总计 / 预算数 / 项目金额 / 年度资金总额.
    Total,
    /// 财政拨款.
    FiscalAppropriation,
    /// 财政专户拨款 / 财政专户管理资金.
    SpecialAccount,
    /// 其他资金 / 其它资金 / 单位资金.
    OtherFunds,
    /// 绩效目标 / 年度目标 / 年度绩效目标.
    Goal,
    /// 绩效指标 in the one-cell layout.
    IndicatorCell,
    /// 一级指标.
    Category,
    /// 二级指标.
    Subcategory,
    /// 三级指标.
    IndicatorName,
    /// 指标性质 / 计算符号.
    Comparator,
    /// 指标值 / 年度指标值.
    TargetValue,
    /// 指标值上限: the upper bound of a range target in a column of its own
    /// (jixiao's long CSV writes `80-90%` as 指标值 80, 指标值上限 90).
    TargetValueHi,
    /// 原始指标值: the 年度指标值 exactly as first written, beside the
    /// structured 指标性质/指标值/度量单位 columns (jixiao's long CSV). Read
    /// with the value grammar when it agrees with them, so `左右` and a note
    /// (`5000人次（全年）`) survive the round trip.
    RawValue,
    /// 度量单位 / 计量单位.
    MeasureUnit,
    /// 权重 / 分值.
    Weight,
    /// 指标方向性.
    Direction,
    /// `(\d{4})年实际实现值` / 上年实际完成值: last year's actual value of the indicator
    /// (Hubei 批复表 `指标值/2021年实际实现值`; GUIDE §3.3). Never 执行数 (money).
    PriorActual,
}

impl Field {
    /// 财政拨款, 财政专户拨款 or 其他资金: a funding source (资金来源).
    pub fn is_funding_source(self) -> bool {
        matches!(
            self,
            Field::FiscalAppropriation | Field::SpecialAccount | Field::OtherFunds
        )
    }
}

/// The columns of the one-cell layout (the sample's 7: 项目名称 | 总计 | 财政拨款 |
/// 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标), in order: the reading of a table
/// without a header, and the order the writers use.
pub const ONE_CELL_FIELDS: [Field; 7] = [
    Field::ProjectName,
    Field::Total,
    Field::FiscalAppropriation,
    Field::SpecialAccount,
    Field::OtherFunds,
    Field::Goal,
    Field::IndicatorCell,
];

/// A recognised header: which field, what it said, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnInfo {
    pub field: Field,
    /// Header text as written.
    pub header: String,
    /// 1-based column.
    pub col: u32,
}

/// Something a reader had to assume or could not read with full confidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub origin: Option<Origin>,
    /// Stable short code, e.g. `encoding-detected`, `unit-row-by-name`.
    pub code: String,
    /// The message in Chinese.
    pub message: String,
    /// The same message in English. Empty in documents written before the
    /// two were kept apart (their `message` holds both languages):
    /// [`Notice::english`] then falls back to `message`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_en: String,
}

impl Notice {
    /// A notice with its message in Chinese (`zh`) and English (`en`).
    pub fn new(origin: Option<Origin>, code: &str, zh: String, en: String) -> Notice {
        Notice {
            origin,
            code: code.to_string(),
            message: zh,
            message_en: en,
        }
    }

    /// The message in English, or the stored message when the document
    /// holds none apart.
    pub fn english(&self) -> &str {
        if self.message_en.is_empty() {
            &self.message
        } else {
            &self.message_en
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: crate::review::Lang) -> &str {
        match lang {
            crate::review::Lang::Zh => &self.message,
            crate::review::Lang::English => self.english(),
        }
    }
}

/// One performance-target table (项目支出绩效目标表).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Table {
    /// Title as printed, e.g. `项目支出绩效目标表（含转移支付项目）`.
    pub title: Option<String>,
    /// 部门名称 / 主管部门.
    pub department: Option<String>,
    /// 年度, when printed or inferable from the title.
    pub fiscal_year: Option<u16>,
    /// The scale the source printed its amounts in; the model holds 万元.
    pub money_scale: MoneyScale,
    /// Whether the money scale was printed (`单位：万元`) or assumed.
    pub money_scale_stated: bool,
    pub layout: LayoutFamily,
    pub source: SourceInfo,
    /// The header row(s) as recognised.
    pub columns: Vec<ColumnInfo>,
    /// 1-based row of the (last) header row.
    pub header_row: Option<u32>,
    /// The 合计 row as stated, if the table has one.
    pub grand_total: Option<AmountRow>,
    /// 资金使用单位 in source order. Without unit rows, one unit named after the department.
    pub units: Vec<Unit>,
    /// Metadata lines before the header, verbatim, in order (title, 部门名称, 单位 …).
    pub preamble: Vec<PreambleLine>,
    /// Assumptions and doubts of the reader.
    pub notices: Vec<Notice>,
}

/// A non-tabular line above the header, kept so writers can reproduce it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreambleLine {
    pub row: u32,
    pub text: String,
}

/// A row that carries only amounts (合计 or a unit row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AmountRow {
    /// Name cell as written (`合计`, or the unit name).
    pub label: String,
    pub funding: Funding,
    pub origin: Origin,
}

/// 资金使用单位: a fund-using unit and its projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub name: String,
    /// Code prefix such as `820001` where the source prints one.
    pub code: Option<String>,
    /// The unit row as stated; `None` when the source has no unit rows.
    pub stated: Option<AmountRow>,
    pub projects: Vec<Project>,
}

/// One project (项目) with its money, goal and indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub name: String,
    pub code: Option<String>,
    pub funding: Funding,
    /// 绩效目标, verbatim.
    pub goal: Option<String>,
    pub indicators: Vec<Indicator>,
    /// The project's (first) row; `col` is the name column.
    pub origin: Origin,
    /// The one-cell layout's 绩效指标 cell verbatim (kept for exact write-back).
    pub indicator_cell: Option<String>,
    /// Where 总计, 财政拨款, 财政专户拨款 and 其他资金 stand when not on the
    /// project's row in the table's amount columns: a key–value form's cells
    /// (`年度资金总额： | 800`), `None` for a source the form does not have.
    /// `None` for tables (the amounts are on `origin.row`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_origins: Option<Box<[Option<Origin>; 4]>>,
}

/// Money by funding source, exact, in 万元.
///
/// `None` means the cell was blank (or the column absent): it counts as 0 in
/// sums but is written back blank. A value keeps its printed precision
/// (`158.00` has scale 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Funding {
    /// 总计 as printed.
    pub total: Option<Decimal>,
    /// 财政拨款.
    pub fiscal_appropriation: Option<Decimal>,
    /// 财政专户拨款.
    pub special_account: Option<Decimal>,
    /// 其他资金.
    pub other_funds: Option<Decimal>,
}

impl Funding {
    /// The row's amount in 万元: its 总计 as stated, or, when the table has no
    /// 总计 column or the row leaves its 总计 blank, what its funding sources sum
    /// to (a blank total is no 0: `sum-mismatch.row` reports it); `None` when
    /// neither is there.
    pub fn amount(&self) -> Option<Decimal> {
        self.total.or_else(|| self.parts_sum())
    }

    /// The stated total, blank as 0.
    pub fn total_or_zero(&self) -> Decimal {
        self.total.unwrap_or_default()
    }

    /// What the funding sources sum to (blank = 0), or `None` if every source is blank.
    pub fn parts_sum(&self) -> Option<Decimal> {
        let parts = [
            self.fiscal_appropriation,
            self.special_account,
            self.other_funds,
        ];
        if parts.iter().all(Option::is_none) {
            return None;
        }
        Some(parts.iter().fold(Decimal::ZERO, |acc, p| {
            acc.saturating_add(p.unwrap_or_default())
        }))
    }

    /// Column-wise sum (blank stays blank only if blank in every summand).
    /// A sum beyond the largest decimal saturates there (no panic; it
    /// differs from any stated amount a table can hold).
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Funding>) -> Funding {
        fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
            match (a, b) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or_default().saturating_add(b.unwrap_or_default())),
            }
        }
        items
            .into_iter()
            .fold(Funding::default(), |acc, f| Funding {
                total: add(acc.total, f.total),
                fiscal_appropriation: add(acc.fiscal_appropriation, f.fiscal_appropriation),
                special_account: add(acc.special_account, f.special_account),
                other_funds: add(acc.other_funds, f.other_funds),
            })
    }

    /// The four columns in table order, with their Chinese headers.
    pub fn columns(&self) -> [(FundingColumn, Option<Decimal>); 4] {
        [
            (FundingColumn::Total, self.total),
            (
                FundingColumn::FiscalAppropriation,
                self.fiscal_appropriation,
            ),
            (FundingColumn::SpecialAccount, self.special_account),
            (FundingColumn::OtherFunds, self.other_funds),
        ]
    }
}

/// One of the four amount columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingColumn {
    Total,
    FiscalAppropriation,
    SpecialAccount,
    OtherFunds,
}

impl FundingColumn {
    pub fn label(self) -> &'static str {
        match self {
            FundingColumn::Total => "总计",
            FundingColumn::FiscalAppropriation => "财政拨款",
            FundingColumn::SpecialAccount => "财政专户拨款",
            FundingColumn::OtherFunds => "其他资金",
        }
    }
    pub fn field(self) -> Field {
        match self {
            FundingColumn::Total => Field::Total,
            FundingColumn::FiscalAppropriation => Field::FiscalAppropriation,
            FundingColumn::SpecialAccount => Field::SpecialAccount,
            FundingColumn::OtherFunds => Field::OtherFunds,
        }
    }
}

/// 一级指标.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 产出指标.
    Output,
    /// 效益指标.
    Outcome,
    /// 满意度指标.
    Satisfaction,
    /// 成本指标.
    Cost,
    /// 实施效果指标 (Tianjin 2022; scored as 效益, flagged).
    ImplementationEffect,
    /// Not recognised after normalisation (`level-unknown`).
    Unknown,
}

impl Category {
    /// The canonical Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Category::Output => "产出指标",
            Category::Outcome => "效益指标",
            Category::Satisfaction => "满意度指标",
            Category::Cost => "成本指标",
            Category::ImplementationEffect => "实施效果指标",
            Category::Unknown => "未识别",
        }
    }
    pub fn english(self) -> &'static str {
        match self {
            Category::Output => "output",
            Category::Outcome => "outcome",
            Category::Satisfaction => "satisfaction",
            Category::Cost => "cost",
            Category::ImplementationEffect => "implementation_effect",
            Category::Unknown => "unknown",
        }
    }
}

/// Comparator of a quantitative target (指标性质 / 计算符号).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// ≥
    Ge,
    /// >
    Gt,
    /// ≤
    Le,
    /// <
    Lt,
    /// =
    Eq,
    /// a–b (value..=value_hi)
    Range,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Le => "≤",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
            Comparator::Range => "-",
        }
    }
    /// The direction a comparator states, if any.
    pub fn direction(self) -> Option<Direction> {
        match self {
            Comparator::Ge | Comparator::Gt => Some(Direction::HigherBetter),
            Comparator::Le | Comparator::Lt => Some(Direction::LowerBetter),
            Comparator::Eq | Comparator::Range => None,
        }
    }
}

/// 指标方向性.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 正向指标.
    HigherBetter,
    /// 反向指标.
    LowerBetter,
}

/// A quantitative target: comparator (as written or none), exact value, unit.
///
/// `value` is the number as printed; a magnitude written between the number and
/// the unit (`2万人次`) is kept apart in [`Quantity::magnitude`] so that the unit is
/// the unit (`人次`) and [`Quantity::scaled`] gives the number it stands for
/// (20000). Money units keep their magnitude (`50万元` is 50 in `万元`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    pub op: Option<Comparator>,
    /// The comparator exactly as written (`>=`, `不低于`, `以上` …).
    pub op_raw: Option<String>,
    /// The number, exact, with its printed precision.
    pub value: Decimal,
    /// Upper bound of a range target (`80-90%`).
    pub value_hi: Option<Decimal>,
    /// Unit of measure, normalised (`百分比`/`％` → `%`); `None` when the value has none.
    /// Without its magnitude (`人次` in `2万人次`), except for money (`万元`).
    pub unit: Option<String>,
    /// Magnitude written after the number (`万` in `2万人次`): `value` × its factor is
    /// the quantity meant ([`Quantity::scaled`]). Omitted from JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magnitude: Option<Magnitude>,
    /// Approximation written with the number: `余`/`多` ("more than", `2万余人次`,
    /// `300多名`), `左右` ("about", after the unit) or `约`/`大约` ("about",
    /// before the number: `约300人次`, `≥约90%`). Not a comparator: `op` stays
    /// as written. Omitted from JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
    /// A bracketed remark after the value, as written with its brackets
    /// (`（全年）` in `5000人次（全年）`). Omitted from JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}

/// A magnitude written between a number and its unit (`2万人次`, `1.5亿`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Magnitude {
    /// 千 (10³).
    #[serde(rename = "千")]
    Qian,
    /// 万 (10⁴).
    #[serde(rename = "万")]
    Wan,
    /// 十万 (10⁵).
    #[serde(rename = "十万")]
    ShiWan,
    /// 百万 (10⁶).
    #[serde(rename = "百万")]
    BaiWan,
    /// 千万 (10⁷).
    #[serde(rename = "千万")]
    QianWan,
    /// 亿 (10⁸).
    #[serde(rename = "亿")]
    Yi,
}

impl Magnitude {
    /// Every magnitude, longest spelling first.
    pub const ALL: [Magnitude; 6] = [
        Magnitude::ShiWan,
        Magnitude::BaiWan,
        Magnitude::QianWan,
        Magnitude::Qian,
        Magnitude::Wan,
        Magnitude::Yi,
    ];
    /// The spelling (`万`).
    pub fn as_str(self) -> &'static str {
        match self {
            Magnitude::Qian => "千",
            Magnitude::Wan => "万",
            Magnitude::ShiWan => "十万",
            Magnitude::BaiWan => "百万",
            Magnitude::QianWan => "千万",
            Magnitude::Yi => "亿",
        }
    }
    /// The factor (`万` → 10000).
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Magnitude::Qian => 1_000u64,
            Magnitude::Wan => 10_000,
            Magnitude::ShiWan => 100_000,
            Magnitude::BaiWan => 1_000_000,
            Magnitude::QianWan => 10_000_000,
            Magnitude::Yi => 100_000_000,
        })
    }
}

/// An approximation written with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Approx {
    /// 余: more than (`2万余人次`, `20余个`).
    #[serde(rename = "余")]
    Yu,
    /// 多: more than (`300多名`).
    #[serde(rename = "多")]
    Duo,
    /// 左右: about, written after the unit (`5000人次左右`).
    #[serde(rename = "左右")]
    ZuoYou,
    /// 约: about, written before the number (`约300人次`, `≥约90%`).
    #[serde(rename = "约")]
    Yue,
    /// 大约: about, written before the number (`大约300人次`).
    #[serde(rename = "大约")]
    DaYue,
    /// 约 before the number and 余 after it (`约300余人次`): about, more than.
    #[serde(rename = "约…余")]
    YueYu,
    /// 约 before the number and 多 after it (`约300多人次`).
    #[serde(rename = "约…多")]
    YueDuo,
    /// 大约 before the number and 余 after it (`大约2万余人次`).
    #[serde(rename = "大约…余")]
    DaYueYu,
    /// 大约 before the number and 多 after it (`大约300多名`).
    #[serde(rename = "大约…多")]
    DaYueDuo,
}

impl Approx {
    /// The spelling (`余`; `约…余` for 约 and 余 together, as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Approx::Yu => "余",
            Approx::Duo => "多",
            Approx::ZuoYou => "左右",
            Approx::Yue => "约",
            Approx::DaYue => "大约",
            Approx::YueYu => "约…余",
            Approx::YueDuo => "约…多",
            Approx::DaYueYu => "大约…余",
            Approx::DaYueDuo => "大约…多",
        }
    }
    /// Whether it means "more than" (余, 多, also after 约: `约300余人次`)
    /// rather than only "about" (左右, 约, 大约).
    /// A "more than" is written between the number and the unit.
    pub fn more_than(self) -> bool {
        self.more_str().is_some()
    }
    /// Whether it is written before the number (约, 大约), after the
    /// comparator if any.
    pub fn before_number(self) -> bool {
        self.before_str().is_some()
    }
    /// What is written before the number: `约` or `大约`.
    pub fn before_str(self) -> Option<&'static str> {
        match self {
            Approx::Yue | Approx::YueYu | Approx::YueDuo => Some("约"),
            Approx::DaYue | Approx::DaYueYu | Approx::DaYueDuo => Some("大约"),
            _ => None,
        }
    }
    /// What is written between the number and the unit: `余` or `多`.
    pub fn more_str(self) -> Option<&'static str> {
        match self {
            Approx::Yu | Approx::YueYu | Approx::DaYueYu => Some("余"),
            Approx::Duo | Approx::YueDuo | Approx::DaYueDuo => Some("多"),
            _ => None,
        }
    }
    /// An "about" written before the number (约, 大约) with a "more than"
    /// after it (余, 多): `约300余人次`. `None` for other pairs.
    pub fn with_more(self, more: Approx) -> Option<Approx> {
        match (self, more) {
            (Approx::Yue, Approx::Yu) => Some(Approx::YueYu),
            (Approx::Yue, Approx::Duo) => Some(Approx::YueDuo),
            (Approx::DaYue, Approx::Yu) => Some(Approx::DaYueYu),
            (Approx::DaYue, Approx::Duo) => Some(Approx::DaYueDuo),
            _ => None,
        }
    }
}

impl Quantity {
    /// `unit` as written after the number: the magnitude and a "more than"
    /// before it (`万余人次` for `2万余人次`). In the money unit 千万元 the
    /// "more than" goes after 千, as it is written (`3千余万元`, 30-odd million
    /// yuan; the grammar reads `3余千万元` the same).
    pub fn unit_as_written(&self, unit: &str) -> String {
        let mut s = String::new();
        if let Some(m) = self.magnitude {
            s.push_str(m.as_str());
        }
        if let Some(a) = self.approx.and_then(Approx::more_str) {
            if self.magnitude.is_none() && unit == "千万元" {
                s.push('千');
                s.push_str(a);
                s.push_str("万元");
                return s;
            }
            s.push_str(a);
        }
        s.push_str(unit);
        s
    }
    /// What is written before the number, after the comparator: `约` or
    /// `大约` (`≥约90%`), else nothing.
    pub fn head(&self) -> &'static str {
        self.approx.and_then(Approx::before_str).unwrap_or("")
    }
    /// What follows the unit: `左右` and the bracketed note (`左右（全年）`).
    pub fn tail(&self) -> String {
        let mut s = String::new();
        if let Some(a) = self.approx.filter(|a| *a == Approx::ZuoYou) {
            s.push_str(a.as_str());
        }
        s.push_str(self.note.as_deref().unwrap_or(""));
        s
    }
    /// `value` with its magnitude applied (`2万人次` → 20000); `None` only when
    /// that overflows a decimal.
    pub fn scaled(&self) -> Option<Decimal> {
        self.with_magnitude(self.value)
    }
    /// `value_hi` with its magnitude applied.
    pub fn scaled_hi(&self) -> Option<Decimal> {
        self.with_magnitude(self.value_hi?)
    }
    fn with_magnitude(&self, d: Decimal) -> Option<Decimal> {
        match self.magnitude {
            Some(m) => d.checked_mul(m.factor()),
            None => Some(d),
        }
    }
}

/// 优/良/中/差 thresholds (GUIDE §2.3). 差 is usually "below 中".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grades {
    pub you: Quantity,
    pub liang: Quantity,
    pub zhong: Quantity,
    pub cha: Option<Quantity>,
}

/// 年度指标值.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// 定量.
    Quantitative(Quantity),
    /// 定性: the wording (`效果明显`, `按计划实施` …).
    Qualitative { text: String },
    /// 优/良/中/差 graded targets (boxed: rare, and four quantities would make every target large).
    Graded(Box<Grades>),
    /// The value cell was empty.
    Missing,
}

impl Target {
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            Target::Quantitative(q) => Some(q),
            _ => None,
        }
    }
    pub fn is_qualitative(&self) -> bool {
        matches!(self, Target::Qualitative { .. })
    }
}

/// One 绩效指标.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// The item number (`2` in `2-效益指标：…`); `None` in row layouts without one.
    pub seq: Option<u32>,
    /// The item number and hyphen exactly as written, when they are not the plain
    /// `{seq}-` (`１－`, `2－`, `01-`, `1、`); written back by `format_cell`. Omitted from
    /// JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq_raw: Option<Box<str>>,
    pub category: Category,
    /// 一级 as written (`产出指标`, `产出指标(50分)`, `项目完成指标` …).
    pub category_raw: String,
    /// 二级指标 as written, when the layout has it.
    pub subcategory: Option<String>,
    /// 三级指标 name, verbatim.
    pub name: String,
    pub target: Target,
    /// 年度指标值 verbatim, without the item terminator.
    pub raw_value: String,
    /// Text before the number in the value (`发布新媒体推送` in `发布新媒体推送100篇`).
    pub value_label: Option<String>,
    /// The character that ended the item in a one-cell layout (`。`, `，`, `；`), `None` at end of cell.
    pub terminator: Option<String>,
    /// 度量单位 / 指标性质 / 权重 / 指标方向性 as the row layouts give them in their own
    /// columns; `None` in the one-cell layout. Boxed because most indicators of
    /// large tables come from the one-cell layout and do not need the space.
    pub columns: Option<Box<IndicatorColumns>>,
    /// The value's cell (one-cell layout: the 绩效指标 cell).
    pub origin: Origin,
    /// Byte span of this item inside the cell (one-cell layout).
    pub span: Option<Span>,
}

/// Per-indicator columns of the row layouts, as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IndicatorColumns {
    /// 度量单位 column as written.
    pub unit_column: Option<String>,
    /// 指标性质 column as written.
    pub op_column: Option<String>,
    /// 权重 / 分值.
    pub weight: Option<Decimal>,
    /// 指标方向性 as stated in a column.
    pub direction_stated: Option<Direction>,
    /// 上年实际值 (`2021年实际实现值`, `上年实际完成值` column) as written, trimmed;
    /// its year is [`Table::prior_year`]. Omitted from JSON when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_actual: Option<String>,
}

impl IndicatorColumns {
    /// `None` when every column is absent, so the one-cell layout stores nothing.
    pub fn boxed(
        unit_column: Option<String>,
        op_column: Option<String>,
        weight: Option<Decimal>,
        direction_stated: Option<Direction>,
        prior_actual: Option<String>,
    ) -> Option<Box<IndicatorColumns>> {
        if unit_column.is_none()
            && op_column.is_none()
            && weight.is_none()
            && direction_stated.is_none()
            && prior_actual.is_none()
        {
            return None;
        }
        Some(Box::new(IndicatorColumns {
            unit_column,
            op_column,
            weight,
            direction_stated,
            prior_actual,
        }))
    }
}

impl Indicator {
    /// 度量单位 column as written (row layouts).
    pub fn unit_column(&self) -> Option<&str> {
        self.columns.as_ref().and_then(|c| c.unit_column.as_deref())
    }
    /// 指标性质 column as written (row layouts).
    pub fn op_column(&self) -> Option<&str> {
        self.columns.as_ref().and_then(|c| c.op_column.as_deref())
    }
    /// 权重 / 分值.
    pub fn weight(&self) -> Option<Decimal> {
        self.columns.as_ref().and_then(|c| c.weight)
    }
    /// 指标方向性 as stated in a column.
    pub fn direction_stated(&self) -> Option<Direction> {
        self.columns.as_ref().and_then(|c| c.direction_stated)
    }
    /// 上年实际值 as written (row layouts with a `2021年实际实现值` / `上年实际完成值`
    /// column); the year is [`Table::prior_year`].
    pub fn prior_actual(&self) -> Option<&str> {
        self.columns
            .as_ref()
            .and_then(|c| c.prior_actual.as_deref())
    }
    /// Direction: stated (column or comparator) or inferred from the name (GUIDE §2.3).
    pub fn direction(&self) -> (Direction, bool) {
        if let Some(d) = self.direction_stated() {
            return (d, true);
        }
        if let Some(d) = self
            .target
            .quantity()
            .and_then(|q| q.op)
            .and_then(|o| o.direction())
        {
            return (d, true);
        }
        const LOWER: [&str; 8] = [
            "成本",
            "费用",
            "投诉",
            "事故",
            "差错率",
            "发生率",
            "超支",
            "用时",
        ];
        if LOWER.iter().any(|k| self.name.contains(k)) || self.category == Category::Cost {
            (Direction::LowerBetter, false)
        } else {
            (Direction::HigherBetter, false)
        }
    }
}

impl Table {
    /// All projects in source order.
    pub fn projects(&self) -> impl Iterator<Item = &Project> {
        self.units.iter().flat_map(|u| u.projects.iter())
    }
    /// All indicators in source order, with their project.
    pub fn indicators(&self) -> impl Iterator<Item = (&Project, &Indicator)> {
        self.projects()
            .flat_map(|p| p.indicators.iter().map(move |i| (p, i)))
    }
    /// The column that holds `field`, if the header had it.
    pub fn column_of(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.col)
    }
    /// Whether the source's header has funding-source columns (财政拨款 …) but
    /// no 总计 column: every row's total is then not stated (not zero), and only
    /// the sources are there to go by ([`Table::amount`]). A table built in code
    /// (no columns) or a key–value form (amounts beside their labels, not in
    /// columns) does not lack one.
    pub fn lacks_total_column(&self) -> bool {
        self.column_of(Field::Total).is_none()
            && self.columns.iter().any(|c| c.field.is_funding_source())
    }
    /// The funding of every amount row: the 合计, the units' stated rows and the
    /// projects, in source order.
    pub fn amount_rows(&self) -> impl Iterator<Item = &Funding> {
        self.grand_total
            .iter()
            .map(|r| &r.funding)
            .chain(self.units.iter().flat_map(|u| {
                u.stated
                    .iter()
                    .map(|r| &r.funding)
                    .chain(u.projects.iter().map(|p| &p.funding))
            }))
    }
    /// Whether the source's header has funding-source columns (财政拨款 …) that
    /// no row (合计, unit or project) fills: the sources are then not stated
    /// rather than 0, and no total is checked against them (the reader says
    /// so: `source-columns-blank`). The reverse of [`Table::lacks_total_column`].
    pub fn source_columns_blank(&self) -> bool {
        self.columns.iter().any(|c| c.field.is_funding_source())
            && self.amount_rows().all(|f| f.parts_sum().is_none())
    }
    /// Whether some indicator states its 指标方向性 (a row layout's column).
    pub fn states_direction(&self) -> bool {
        self.indicators()
            .any(|(_, i)| i.direction_stated().is_some())
    }

    /// Whether some indicator carries a 上年实际值 (prior-year actual).
    pub fn has_prior_actual(&self) -> bool {
        self.indicators().any(|(_, i)| i.prior_actual().is_some())
    }

    /// The year of the 上年实际值 column ([`Field::PriorActual`]): written in its header
    /// (`指标值/2021年实际实现值` → 2021), else the year before the fiscal year
    /// (`上年实际完成值` → [`Table::fiscal_year`] − 1, or the year of a
    /// `预期2022年实现值` target header − 1). `None` without such a column or year.
    pub fn prior_year(&self) -> Option<i32> {
        let header = &self
            .columns
            .iter()
            .find(|c| c.field == Field::PriorActual)?
            .header;
        let fiscal = self.fiscal_year.map(i32::from).or_else(|| {
            self.columns
                .iter()
                .find(|c| c.field == Field::TargetValue)
                .and_then(|c| header_year(&c.header))
        });
        prior_year_of(header, fiscal)
    }
}

/// The value of an ASCII or full-width decimal digit (`7`, `７`).
pub(crate) fn digit_of(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => u8::try_from(c as u32 - '０' as u32).ok(),
        _ => None,
    }
}

/// The last `NNNN年` (four ASCII or full-width digits before `年`) in a header text,
/// e.g. `指标值/2021年实际实现值` → 2021, `预期2022年实现值` → 2022.
pub fn header_year(header: &str) -> Option<i32> {
    let chars: Vec<char> = header.chars().collect();
    let mut found = None;
    for (i, c) in chars.iter().enumerate() {
        if *c != '年' || i < 4 {
            continue;
        }
        let year = chars
            .get(i - 4..i)?
            .iter()
            .try_fold(0i32, |y, d| Some(y * 10 + i32::from(digit_of(*d)?)));
        // A fifth digit before the four makes it no year (`12021年`).
        let longer = i >= 5 && chars.get(i - 5).and_then(|c| digit_of(*c)).is_some();
        if let (Some(year), false) = (year, longer) {
            found = Some(year);
        }
    }
    found
}

/// The year a 上年实际值 header refers to: a year written in it (`2021年实际实现值` →
/// 2021), else for `上年…` / `上一年…` the year before `fiscal_year`.
pub fn prior_year_of(header: &str, fiscal_year: Option<i32>) -> Option<i32> {
    if let Some(y) = header_year(header) {
        return Some(y);
    }
    let last = header.rsplit('/').next().unwrap_or(header);
    if last.contains("上年") || last.contains("上一年") || last.contains("去年") {
        return fiscal_year.map(|y| y - 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_year_finds_the_last_four_digit_year() {
        assert_eq!(header_year("2021年实际实现值"), Some(2021));
        assert_eq!(header_year("指标值/2021年实际实现值"), Some(2021));
        assert_eq!(header_year("预期2022年实现值"), Some(2022));
        assert_eq!(header_year("２０２０年实际值"), Some(2020));
        assert_eq!(header_year("上年实际完成值"), None);
        assert_eq!(header_year("21年实际值"), None);
        assert_eq!(header_year("12021年"), None);
        assert_eq!(header_year("年"), None);
        assert_eq!(header_year(""), None);
    }

    #[test]
    fn prior_year_from_header_or_fiscal_year() {
        assert_eq!(prior_year_of("指标值/2021年实际实现值", None), Some(2021));
        assert_eq!(prior_year_of("2021年实际实现值", Some(2030)), Some(2021));
        assert_eq!(prior_year_of("上年实际完成值", Some(2024)), Some(2023));
        assert_eq!(prior_year_of("上一年度实际值", Some(2024)), Some(2023));
        assert_eq!(prior_year_of("去年实际完成值", Some(2024)), Some(2023));
        assert_eq!(prior_year_of("上年实际完成值", None), None);
        assert_eq!(prior_year_of("实际值", Some(2024)), None);
    }

    fn table_with(columns: &[(Field, &str)], fiscal_year: Option<u16>) -> Table {
        Table {
            fiscal_year,
            columns: columns
                .iter()
                .enumerate()
                .map(|(i, (field, header))| ColumnInfo {
                    field: *field,
                    header: (*header).to_string(),
                    col: i as u32 + 1,
                })
                .collect(),
            ..Table::default()
        }
    }

    #[test]
    fn table_prior_year() {
        let hubei = table_with(
            &[
                (Field::PriorActual, "指标值/2021年实际实现值"),
                (Field::TargetValue, "指标值/预期2022年实现值"),
            ],
            Some(2022),
        );
        assert_eq!(hubei.prior_year(), Some(2021));
        let plain = table_with(&[(Field::PriorActual, "上年实际完成值")], Some(2024));
        assert_eq!(plain.prior_year(), Some(2023));
        let by_target = table_with(
            &[
                (Field::PriorActual, "上年实际值"),
                (Field::TargetValue, "预期2025年实现值"),
            ],
            None,
        );
        assert_eq!(by_target.prior_year(), Some(2024));
        let unknown = table_with(&[(Field::PriorActual, "上年实际值")], None);
        assert_eq!(unknown.prior_year(), None);
        let without = table_with(&[(Field::TargetValue, "指标值")], Some(2024));
        assert_eq!(without.prior_year(), None);
    }

    #[test]
    fn boxed_stores_nothing_without_columns() {
        assert!(IndicatorColumns::boxed(None, None, None, None, None).is_none());
        let c = IndicatorColumns::boxed(None, None, None, None, Some("200".into()));
        assert_eq!(c.and_then(|c| c.prior_actual), Some("200".to_string()));
    }
}
