//! The rule catalogue (GUIDE §4.1): every rule with its stable id, default
//! severity, messages, explanation, basis (依据) and suggested fix.

use super::Severity;

/// The rule a reader reports as a notice of this code when an amount cell is
/// not a number (`ReadOptions::report_bad_amounts`); the reviewer skips that
/// row's sums, which would only repeat it.
pub const AMOUNT_UNPARSEABLE: &str = "amount-unparseable";
/// The rule a reader reports as a notice of this code for a table without projects.
pub const NO_PROJECTS: &str = "no-projects";
/// The rule the form reader reports as a notice of this code for a form
/// (申报表) whose year's money was not read at all.
pub const MONEY_UNREAD: &str = "money-unread";

/// One review rule as documented in `docs/rules.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `missing-satisfaction`. Never renamed.
    pub id: &'static str,
    /// Default severity (a profile may override it).
    pub severity: Severity,
    /// One-line Chinese message.
    pub message: &'static str,
    /// One-line English message.
    pub message_en: &'static str,
    /// What the rule checks and why.
    pub explanation: &'static str,
    /// 依据: the document or the common practice behind the rule.
    pub basis: &'static str,
    /// Suggested fix (Chinese, English).
    pub fix: &'static str,
    /// Profile thresholds that tune the rule (`[thresholds]` keys).
    pub thresholds: &'static [&'static str],
}

macro_rules! rule {
    ($id:expr, $sev:ident, $zh:literal, $en:literal, $expl:literal, $basis:literal, $fix:literal $(, [$($t:literal),*])?) => {
        Rule {
            id: $id,
            severity: Severity::$sev,
            message: $zh,
            message_en: $en,
            explanation: $expl,
            basis: $basis,
            fix: $fix,
            thresholds: &[$($($t),*)?],
        }
    };
}

/// Every rule, in documentation order.
/// Every rule, in the order `docs/rules.md` lists them.
pub static RULES: &[Rule] = CATALOGUE;

const CATALOGUE: &[Rule] = &[
    rule!("sum-mismatch.row", Error, "总计不等于各资金来源之和", "row total differs from the sum of its funding sources",
        "总计 = 财政拨款 + 财政专户拨款 + 其他资金（空白按 0）。超出末位半个单位的差额即为错误。表中没有总计列，或资金来源列各行均为空时，不核对（读取说明 total-column-missing、source-columns-blank）。单位行或合计行的差额与某一项目行相同时（项目的笔误被逐级汇总），消息指出该项目行。 The row total must equal the funding sources (blank = 0), within half a unit of the last printed decimal. Not checked when the table has no total column, or its funding-source columns are blank on every row (reader notices total-column-missing, source-columns-blank). When a unit's or the 合计's row differs by as much as one project row (a slip summed upwards), the message names that row.",
        "表格定义 (table definition) [S]",
        "核对该行各列金额。 Re-check the amounts of the row."),
    rule!("sum-mismatch.unit", Error, "单位行金额不等于其项目之和", "unit row differs from the sum of its projects",
        "单位行每一金额列应等于其下各项目之和。差额可由其下某一项目行的笔误解释时（该行总计与资金来源之差与此差额相等：总计列方向相反，资金来源列方向相同），消息指出该行：多半是同一笔误。否则，差额正好等于其下某一项目在该列的金额与其移动小数点一至四位后之差（7500.00 与 75.00 相差 7425.00），且只有这一项如此时，消息指出该行及应有的金额：多半是小数点错位（相差 10000 倍时，多半是按另一金额单位填写）。 Each amount column of a unit row must equal the sum of its projects. When one of its project rows' own gap between total and sources explains the difference (the same size; the other way in the total column, the same way in a source column), the message names that row: most likely one slip. Otherwise, when the difference is exactly one project's amount in that column against the same with its decimal point moved one to four places (7500.00 against 75.00: 7425.00), and only one project's is, the message names that row and the amount meant: most likely a decimal point moved (10 000 times: the other money unit).",
        "层级关系 (nesting) [S]",
        "核对单位行或其下项目的金额，检查是否遗漏项目。 Check the unit row and its projects; a project may be missing."),
    rule!("sum-mismatch.total", Error, "合计不等于各单位（或项目）之和", "grand total differs from the sum of the units",
        "合计行每一金额列应等于各单位行之和（无单位行时为各项目之和）。差额可由所加的某一行（单位行，或无单位行时的项目行）自身总计与资金来源之差解释时，消息指出该行；差额正好是所加某一行的金额移动小数点一至四位之差时，同样指出该行及应有的金额（见 sum-mismatch.unit）。 The 合计 row must equal the sum of the unit rows (or of the projects). When one of the rows it sums (a unit row, or a project row when there are none) has its own gap between total and sources that explains the difference, the message names that row; so it does, with the amount meant, when the difference is one summed row's amount with its decimal point moved one to four places (see sum-mismatch.unit).",
        "层级关系 (nesting) [S]",
        "核对合计行与各单位行（无单位行时与各项目）；相差远大于合计的，查找按元填写的金额。 Re-check the 合计 row against the unit rows (or the projects, without unit rows); a difference far larger than the total points to an amount typed in 元."),
    rule!("sum-rounding", Info, "合计差额在四舍五入误差范围内", "sum differs within rounding",
        "差额超过末位半个单位，但不超过 n × 半个单位（n 为加数个数），多半是由未取整金额分别四舍五入所致。 The difference exceeds half a unit of the last decimal but stays within n half-units for n summands: rounding of unrounded amounts.",
        "四舍五入惯例 (rounding practice) [P]",
        "可按四舍五入后的金额重新计算合计。 Recompute the sum from the rounded amounts."),
    rule!(AMOUNT_UNPARSEABLE, Error, "金额不是数字", "amount is not a number",
        "金额单元格清理（去千分位、空格、货币符号）后仍不是数字。读取时按空白处理，因此该行的合计检查也会受影响。 The amount cell is not a number after cleaning (thousands separators, spaces, currency signs); it is read as blank, so the sums of its row are affected too. (Found by the reader.)",
        "数据可用性 (usable data) [P]",
        "填写数字，例如 158.00 或 3,309,840.00；空白表示 0。 Write a number such as 158.00; leave blank for 0."),
    rule!(NO_PROJECTS, Error, "表中没有项目", "the table holds no project",
        "表头之后没有读到任何项目行：文件可能不完整，或数据不在识别出的列中。这样的表无法审核。 No project row follows the header: the file may be incomplete, or the data is not in the recognised columns. Such a table cannot be reviewed. (Found by the reader.)",
        "数据可用性 (usable data) [P]",
        "检查文件是否完整、表头与数据列是否对齐。 Check that the file is complete and that the data sits under the header."),
    rule!(MONEY_UNREAD, Warning, "申报表没有读到本年度的金额", "no money of the year was read from the form",
        "申报表（一表一项目）读完后，项目的总计、财政拨款、财政专户拨款、其他资金都是空的：资金栏只有其他期间的金额（如只有中期资金），或其写法没有被识别（未读入的栏目见读取说明 form-field-unread）。这样的项目无法核对金额，也不会有金额方面的发现，因此单独指出。 After reading a form (one project per form), the project's total and all its funding sources are blank: the money block holds only another period's money (a medium-term block alone), or its layout was not recognised (the fields left unread are listed in the reader's note form-field-unread). Such a project's amounts cannot be checked and yield no finding about money, so this is said on its own. (Found by the reader.)",
        "数据可用性 (usable data) [P]",
        "核对原表的资金栏：写明本年度的资金总额及各资金来源，或把本年度的一组金额标为「年度资金」。 Check the form's money block: state the year's total and its sources, or label the year's group 年度资金."),
    rule!("amount-negative", Error, "金额为负数", "negative amount",
        "绩效目标表中的金额是项目（单位、合计）的预算，不能为负数。负数多是从预算调整表（调减）复制而来，或是录入时多了负号；会计写法的括号金额（(10.00)）也按负数读入并在此报告。 The amounts of a performance-target table are budgets of projects (units, the total) and cannot be negative. A negative amount is usually copied from a budget adjustment (a reduction) or a stray minus sign; an amount in accounting brackets ((10.00)) is read as negative and reported here too.",
        "表格定义 (table definition) [S]",
        "填写该项目本年度的预算金额（不小于 0）；调减应反映在调整后的金额中。 Write the project's budget for the year (0 or more); a reduction belongs in the adjusted amount."),
    rule!("money-scale-suspect", Warning, "金额单位可疑", "money scale looks wrong",
        "以表中项目金额的中位数判断金额单位是否可信：单位为万元而中位数超过 50000（即每个项目 5 亿元以上），多半是按元填写；单位为元而中位数不足 1000，多半是按万元填写。至少 3 个金额为正的项目才按中位数判断；项目个数为偶数时，中位数取中间两个金额的平均值。只有一两个项目（如一张申报表）而表上没有写明金额单位（按万元推定）时，以其中较大的金额按同一标准判断。表中有项目的成本指标与其金额在表格单位下相符（总成本，或单位成本乘以计量同一单位的产出，在金额的 1/3 到 3 倍之间，如 ≤30万元/公里 × 6000公里 对 180000 万元）时，金额单位得到印证，不报告。 Judged from the median project amount: under 万元 a median above 50 000 (5亿 per project) suggests the amounts are in 元; under 元 a median below 1 000 suggests 万元. The median needs at least 3 projects with positive amounts; with an even count it is the mean of the two middle amounts. With one or two projects (a 申报表 form) and no scale printed (万元 assumed), the larger amount is judged the same way. When a project's cost indicators agree with its amount in the table's scale (a total cost, or a cost per unit times the output counted in that unit, within a factor of 3: ≤30万元/公里 × 6000公里 for 180 000 万元), the scale is borne out and nothing is reported.",
        "常见填报错误 (common practice) [P]",
        "核对表头的金额单位（单位：万元 / 元）与金额是否一致。 Check the printed scale (单位：万元 / 元) against the amounts."),
    rule!("money-scale-project", Warning, "单个项目金额的单位疑似填错", "one project's amount looks typed in the other scale",
        "在以万元为单位的表中，某个项目的金额远大于本表项目金额的中位数（至少 project_scale_ratio 倍），而按元换算成万元后（÷10000）落在其他项目的金额范围内（不超过其中最大者，不低于最小者的十分之一），多半是把元填进了万元表。为避免误报，还须有佐证：该项目所在单位的单位行（无单位行时为合计行）与按元换算后的金额恰好相符，或该项目金额超过了包含它的单位行（合计行）；表中没有单位行、合计行时，须至少有 project_scale_min_projects 个有金额的项目，且该金额至少为中位数的 10 × project_scale_ratio 倍（默认一千倍）。单位行、合计行与该金额（按万元）相符时，或项目自己的目标（安排资金25亿元）、成本指标按万元印证了该金额时，不报告：真正的大项目不是错误。以上只检查以万元为单位的表。另一佐证来自项目自己的成本指标，在万元表和元表中都检查：名称表明是项目全部成本的总额（项目总成本、成本总额、项目经费；不是专家评审费这类某一部分的费用，也不是多年的总投资），或单位成本乘以计量同一单位的产出（=1500元/人·学期 × ≥400人次 = 60万元；按月的标准再乘 12 个月，按季度的乘 4；某一部分的费用标准不算），与金额按另一单位读取后相符（相差不到 1.5 倍），而没有成本指标或目标按表格单位印证该金额时——万元表中的 600000.00 多半是按元填写，元表中的 360.00（对 ≤8万元/人 × 45人）多半是按万元填写；单位行、合计行往往随之汇总，所以不看合计。消息给出推算的依据，也提示可能是成本指标的单位有误。 In a 万元 table, one project's amount is far above the median project amount (at least project_scale_ratio times), and divided by 10 000 it lies within the other projects' range (at most the largest, at least a tenth of the smallest): 元 typed in a 万元 table. Evidence is also required: the project's unit row (or the 合计 row, without unit rows) adds up with the amount read as 元, or the amount exceeds the row that contains it; in a table without unit or total rows, at least project_scale_min_projects projects with amounts and an amount at least 10 × project_scale_ratio times the median (1 000 by default). Not reported when the unit row or 合计 adds up with the amount in 万元, or the project's own goal (安排资金25亿元) or cost indicators bear the amount out in 万元: a genuinely large project is no error. The above checks 万元 tables only. Other evidence comes from the project's own cost indicators, in 万元 and 元 tables alike: a total cost named as the project's whole (项目总成本, 成本总额, 项目经费; not the fee of one part such as 专家评审费, nor a multi-year 总投资), or a cost per unit times the output counted in that unit (=1500元/人·学期 × ≥400人次 = 60 万元; a standard per month also times 12, per quarter times 4; not a part's fee), that agrees with the amount read in the other scale (within a factor of 1.5) while no cost indicator or goal bears the amount out in the table's scale — 600000.00 in a 万元 table was typed in 元, 360.00 in a 元 table (against ≤8万元/人 × 45人) in 万元; the unit and 合计 rows usually follow such an amount, so they are not looked at. The message gives the reckoning, and says a cost's unit may be the wrong one instead.",
        "常见填报错误：金额单位混用 (common practice: 元 and 万元 mixed) [P]",
        "核对该项目金额：若是按元填写的，除以 10000 改为万元（如 35000.00 元 → 3.50 万元）；元表中按万元填写的，乘以 10000；再核对单位行与合计行。 Check the project's amount: if it is in 元, divide it by 10 000 (35000.00 元 → 3.50 万元); in a 元 table, an amount in 万元 is multiplied by 10 000; then re-check the unit and 合计 rows.",
        ["project_scale_ratio", "project_scale_min_projects"]),
    rule!("goal-missing", Warning, "项目有绩效指标但没有绩效目标", "project has indicators but no goal",
        "绩效目标是申报表的必填项。 The goal text is a required field of the target table.",
        "财预〔2015〕88号 申报表模板 [D]",
        "补写项目的年度绩效目标。 Write the project's annual performance goal."),
    rule!("indicators-missing", Error, "项目没有可识别的绩效指标", "project has no parseable indicator",
        "有资金的项目必须设置绩效指标。 A funded project must have performance indicators.",
        "财预〔2015〕88号 [D]",
        "按“序号-一级指标：指标名称，年度指标值：值。”格式填写指标。 Fill in the indicators in the standard form."),
    rule!("level-unknown", Error, "一级指标名称无法识别", "unknown 一级 indicator level",
        "一级指标应为产出、效益、满意度或成本指标（及其常见别名）。把二级指标名写在一级的位置（数量指标、质量指标、时效指标；经济、社会、生态效益指标，可持续影响指标；社会成本、生态环境成本指标）报警告，消息指出其所属的一级，该指标仍按所属一级计入（不再报缺少产出、效益指标）；其他无法识别的名称报错误。 The first level must be output, outcome, satisfaction or cost (or a known synonym). A second-level name written in the first level's place (数量指标, 质量指标, 时效指标; 经济, 社会, 生态效益指标, 可持续影响指标; 社会成本, 生态环境成本指标) is a warning naming the first level it belongs to, and the item counts for that level (no missing-output or missing-benefit follows); any other unknown name is an error.",
        "指标体系 (framework) GUIDE §2.1 [P]",
        "改用标准的一级指标名称；二级指标名（如数量指标）改写为其所属的一级（产出指标）。 Use a standard first-level name; for a second-level name such as 数量指标, the level it belongs to (产出指标)."),
    rule!("numbering-gap", Warning, "指标序号不连续或重复", "indicator numbers not 1..n",
        "序号应为 1..n；缺号可能意味着指标丢失。 Item numbers should run 1..n; a gap may mean a lost indicator.",
        "填报惯例 (practice) [P]",
        "检查是否遗漏指标并重新编号。 Check for a lost indicator and renumber."),
    rule!("separator-nonstandard", Info, "指标之间未以“。”分隔", "item not ended by 。",
        "一格多指标的写法中，每条指标以“。”结束；“，”“；”或无分隔会使解析依赖推断。每条指标各占一行（以换行分隔）也可以，不报告。 In the one-cell form each item ends with 。; other separators, or none, make parsing rely on inference. Items on lines of their own (separated by line breaks) are fine and not reported.",
        "填报惯例 (practice) [P]",
        "将指标结尾改为“。”。 End each item with 。."),
    rule!("value-prefixed", Info, "年度指标值前带有文字", "text label before the target value",
        "年度指标值应只写比较符、数值和单位；前面的文字往往重复或改写了指标名称。时限的起点（每学期开学后2个月内、自受理之日起5个工作日内）和计数的基数或期间（每月≥1次、每季度≥2次、每人每年≤1200元、每万人≥3名、全年≥4次、年度≥2次、全年累计≥4次）不是这样的文字，不报告；相对上年、某一年或基期的变化（较上年增长10%以上、较2023年提高1个百分点、较上年下降0.5个百分点、缩短10分钟以上）的文字就是目标本身，也不报告。 The value should hold comparator, number and unit only; a label usually repeats or rewords the name. The starting point of a time limit (每学期开学后2个月内, 自受理之日起5个工作日内) and the base or period a number is counted per (每月≥1次, 每季度≥2次, 每人每年≤1200元, 每万人≥3名, 全年≥4次, 年度≥2次, 全年累计≥4次) are no such labels and are not reported; nor are the words of a change against last year, a given year or a base (较上年增长10%以上, 较2023年提高1个百分点, 较上年下降0.5个百分点, 缩短10分钟以上), which are the target itself.",
        "填报惯例 (practice) [P]",
        "删去指标值前的文字，必要时修改指标名称。 Remove the label; fix the name if needed."),
    rule!("operator-missing", Info, "定量指标值缺少比较符（≥、≤、=）", "quantitative value without comparator",
        "指标性质（≥、≤、=）说明目标的方向；缺失时只能推断。以文字写明变化方向的相对目标（较上年下降0.5个百分点）不报告。 The comparator states the direction of the target; without it the direction is inferred. A change against a base stated in words (较上年下降0.5个百分点) is not reported.",
        "财预〔2021〕101号 指标性质 [D]",
        "在数值前加上 ≥、≤ 或 =。 Put ≥, ≤ or = before the number."),
    rule!("unit-missing", Warning, "定量指标值缺少计量单位", "number without unit",
        "每个定量指标值都应有计量单位。无量纲的量除外：名称以系数、指数、比、比值、倍数、倍差或容积率结尾（灌溉水有效利用系数 ≥0.58、恩格尔系数、空气质量综合指数、性别比、城乡居民收入倍差 ≤2.1；其后括号中的英文缩写不计：路面技术状况指数（PQI） ≥80），或以 PUE、pH（可带“值”：数据中心PUE值 ≤1.3）结尾，或以比率结尾而值小于 1（资产负债比率 ≤0.6）；占比是百分数，仍须写 %；单独的“值”不算（产值以万元计）。名称末尾括号中写明的单位（项目总成本（万元）、覆盖率（%）、人均成本（元/人次））就是指标值的单位，各条规则都按它读取；带数量级的（受益人口（万人））、量词（床位数（张））或“元/…”的标准（补贴标准（元/件））也算写明了单位，不报告缺少单位。 Every quantitative value needs a unit of measure (a unit in the brackets closing the name, 项目总成本（万元）, 覆盖率（%）, 人均成本（元/人次）, is the value's, for every rule; one with a magnitude, 受益人口（万人）, a classifier, 床位数（张）, or a standard in 元 per something, 补贴标准（元/件）, also states the unit, and no unit is missing), except a dimensionless quantity: a name ending in 系数, 指数, 比, 比值, 倍数, 倍差 or 容积率 (灌溉水有效利用系数 ≥0.58, 恩格尔系数, 空气质量综合指数, 性别比, 城乡居民收入倍差 ≤2.1; a Latin abbreviation in brackets after it does not count: 路面技术状况指数（PQI） ≥80), or in PUE or pH, with or without 值 (数据中心PUE值 ≤1.3), or in 比率 with a value below 1 (资产负债比率 ≤0.6); a share (占比) is a percentage and still needs its %, and 值 alone is no sign (产值 is in 万元).",
        "实际案例 (real cases) [S]",
        "补充计量单位（个、人次、%…）。 Add the unit."),
    rule!("unit-inconsistent", Warning, "同名指标的计量单位不一致", "same indicator with different units",
        "同一张表中同名指标应使用同一计量单位；指标值中的单位也应与计量单位列一致。 One indicator name should have one unit within a table, and the value's unit should match the unit column.",
        "实际案例 (real cases) [S]",
        "指标值的单位与计量单位列不一致时，改正其中之一；同名指标各处单位不同时，统一单位，确属不同指标的改用能区分的名称。 Where the value's unit and the unit column differ, correct one of them; where one name has different units, use one unit, or give different indicators names that tell them apart."),
    rule!("unit-name-mismatch", Info, "指标名称与计量单位不符", "indicator name and unit disagree",
        "名称说“人数”而单位是“人次”（或相反）；名称说“户数”而单位是“人”或“人次”，说“人数”而单位是“户”，说“面积”“长度”“里程”而单位是“个”；名称含“率”“满意度”而单位不是 %（千分率 ‰、万分率 ‱ 和每多少人口的比率 1/10万 也是比率；满意度测评、调查等的次数除外）；名称末尾括注单位（设备采购及安装成本（万元））而指标值的单位不是同一类（金额、百分比、计数）。 The name says 人数 but the unit is 人次 (or the reverse); 户数 counted in 人 or 人次, 人数 in 户, an area (面积), a length (长度) or a mileage (里程) in 个; a rate or satisfaction not in % (‰, ‱ and rates per population such as 1/10万 are rates too; counts of satisfaction surveys aside); a unit in brackets at the end of the name (设备采购及安装成本（万元）) of another kind than the value's (money, percentage, count).",
        "填报惯例 (practice) [P]",
        "使名称与单位一致。 Make the name and the unit agree."),
    rule!("percent-out-of-range", Warning, "百分比指标值超出合理范围", "percentage out of range",
        "比率类指标的百分比应在 0–100 之间（增长率、增幅除外；出栏率、复种指数、毛入学率按定义可超过 100%，以 300% 为限）。 A rate lies within 0–100 % unless it is a growth rate, or a ratio that exceeds 100 % by definition (出栏率, 复种指数, 毛入学率: up to 300 %).",
        "填报惯例 (practice) [P]",
        "检查数值或单位。 Check the number or the unit.",
        ["percent_min", "percent_max"]),
    rule!("missing-output", Warning, "项目缺少产出指标", "no output indicator",
        "绩效指标应包括产出、效益和满意度指标。 Indicators should cover outputs, outcomes and satisfaction.",
        "财预〔2015〕88号、财预〔2020〕10号 模板 [D]",
        "补充产出指标（数量、质量、时效）。 Add output indicators."),
    rule!("missing-benefit", Warning, "项目缺少效益指标", "no outcome indicator",
        "绩效指标应包括效益指标。 Indicators should include outcomes.",
        "财预〔2015〕88号、财预〔2020〕10号 [D]；黄石 2022 实例 [S]",
        "补充效益指标（社会、经济、生态、可持续影响）。 Add outcome indicators."),
    rule!("missing-satisfaction", Warning, "项目缺少满意度指标", "no satisfaction indicator",
        "自评中满意度指标占 10 分，目标表应设置。满意度指标放在产出或效益下时已有满意度指标，只报 level-misplaced（应归入满意度指标），不再报此条。 Satisfaction weighs 10 points in self-evaluation, so the target table should set it. A satisfaction indicator filed under output or outcome is there: level-misplaced reports where it belongs, and this rule does not fire as well.",
        "财预〔2020〕10号 [D]",
        "补充服务对象满意度指标（如 ≥90%）。 Add a beneficiary-satisfaction indicator."),
    rule!("missing-cost", Info, "项目缺少成本指标", "no cost indicator",
        "财预〔2021〕101号 起成本指标为一级指标；按 101号 模板审核时为警告。成本指标作为产出的二级（经济成本指标），或产出指标下以金额计、名称含“成本”的指标（项目总成本 ≤25万元，指标合在一格的表没有二级的位置），都算有成本指标。 Since 101号 cost is a first-level indicator; a warning when the profile requires it. A cost as a second level under output (经济成本指标), or an output indicator in money whose name says 成本 (项目总成本 ≤25万元: the one-cell form has no room for the second level), counts as one.",
        "财预〔2021〕101号 [D]；软件按缺失封顶 5 分 [V]",
        "补充经济成本指标（如 项目总成本 ≤X万元）。 Add a cost indicator.",
        ["require_cost"]),
    rule!("too-few-indicators", Info, "指标数量过少", "too few indicators",
        "指标少于阈值时难以反映项目绩效；资金量大而指标少时为警告。 Below the count threshold the indicators cannot reflect performance; a warning when the amount is large.",
        "相应匹配原则 (88号) [D]；阈值 [P]",
        "按产出、效益、满意度补充指标。 Add indicators.",
        ["too_few_indicators_count", "too_few_indicators_amount"]),
    rule!("qualitative-vague", Info, "定性指标值只是一个评价词", "qualitative target is a bare grade word",
        "定性指标值只写“良好”“较好”“效果良好”“好”“一般”之类的评价词，没有说明好到什么程度、以什么为准，年末自评时无法判断是否达成。“显著提升”“有效改善”“符合国家标准”“按计划完成”等写明了方向或标准的表述不报告；分级评定的等次（考核结果等次 优秀、体质健康测试等级 良好以上、空气质量 优良：名称含等次、等级、评级、测评、考核、评价等）有其标准，也不报告。 A qualitative target that is only a grade word (良好, 较好, 效果良好, 好, 一般) says neither how good nor judged by what, so the self-evaluation cannot tell whether it was met. Wording with a direction or a standard (显著提升, 有效改善, 符合国家标准, 按计划完成) is not reported, nor is the grade of a graded assessment, which has its standard (考核结果等次 优秀, 体质健康测试等级 良好以上, 空气质量 优良: names with 等次, 等级, 评级, 测评, 考核, 评价 …).",
        "定性指标应采用分级分档形式表述，可衡量、可考核 (285号) [S]；财预〔2020〕10号 定性评价 [D]",
        "写明可判断的标准或改为定量，如“出水水质达到GB 18918一级A标准”“群众知晓率≥80%”。 State a standard to judge it by, or quantify it (e.g. 出水水质达到GB 18918一级A标准, 知晓率≥80%)."),
    rule!("qualitative-share", Warning, "定性指标占比过高", "too many qualitative indicators",
        "定性指标超过阈值比例时难以考核。写日期或月底、年底、年内、半年的时限（2024年12月31日前、12月底前、年底前、年内完成、上半年完成）按期完成与否可以判断，不算定性指标。 Beyond the share threshold the targets cannot be assessed. A deadline written as a date or a month's or the year's end (2024年12月31日前, 12月底前, 年底前, 年内完成, 上半年完成) is met or not and does not count as qualitative.",
        "量化易评原则 [D]；阈值 [P]",
        "尽量改为定量指标。 Quantify the targets.",
        ["qualitative_share_max"]),
    rule!("missing-quantity-quality", Info, "缺少定量的数量或质量指标", "no quantitative quantity or quality indicator",
        "列有二级指标时，产出应至少有一个定量的数量指标和一个定量的质量指标。只有部分产出指标写了二级时（同一格中 1-产出指标：… 与 2-产出指标-数量指标：… 并存），未写二级的可能就是数量或质量指标，不作判断。 With 二级 given, outputs should include a quantitative 数量 and a quantitative 质量 indicator. When only some output indicators name their 二级 (1-产出指标：… beside 2-产出指标-数量指标：… in one cell), one without may be the 数量 or 质量 one, and nothing is reported.",
        "量化不足 实例 [S]；规则 [P]",
        "补充定量的数量、质量指标。 Add them."),
    rule!("input-as-output", Warning, "以投入或过程作为绩效指标", "input or process used as a target",
        "资金支出率、预算执行率（执行进度）、资金执行率、支付/拨付进度、资金到位率、经费到位率、经费执行率、经费使用率、资金使用（管理）合规率或规范性、政府采购执行率（名称以数、数量结尾的工作计数，如经费执行情况审计项目数、预算执行情况审计项目数、助学经费拨付学生人数，是产出）、制度建立、制度建设、建立健全管理制度、人力物力财力等是投入或管理过程，不是产出或效益；项目自身的管理会议作为产出计数（召开培训工作推进会次数，推进会、调度会、协调会、部署会、联席会、例会、工作会、专题会、领导小组会、专班会的次数或场次，以名称或指标值的单位计：召开工作调度会 ≥12次；会诊、为他人保障或调处的会议（保障…会场次、承接…会议场次、劳资纠纷调处协调会、三方协调会、供需对接推进会）和会议系统的故障次数不算）也是过程，项目名称为会议、会务、论坛、会展、座谈会或这些会议的除外（会议就是其产出；会议中心、会议室等建筑不算）；座谈会多是与群众、代表、企业的交流，是服务，不报告。项目带动、撬动、吸引他人的投入（带动社会资本投入），以及名称中在投入之前写明的企业、社会、民间、农户、市场主体的投入或自筹投入（获奖补企业研发投入增长率）是效益，不报告；人力资源（人社领域的名称，人力资源市场）、投入使用/投入运营/投入运行（设施建成启用，是产出）、研发经费投入强度与研发投入占营业收入比重（全社会或企业的研发投入，科技领域的标准效益指标）、人力资本（是效果）、财力保障（基本财力保障机制是转移支付项目，保障水平是其效果）、农业投入品（化肥、农药等，是监管的对象，不是资金）和投入产出比（效率）也不报告。预算执行、支出进度之后是监控、监督、监管、分析、通报、检查、考核、审计（预算执行动态监控覆盖率、预算执行情况通报次数）的，计量的是财政部门监督他人预算执行的工作，是产出，不报告。 Spending rates, budget execution and how the money is handled (执行率, 执行进度, 支付进度, 拨付进度, 到位率, 经费到位率, 经费执行率, 经费使用率, 资金使用合规率 or 规范性, 政府采购执行率: a count of work ending in 数 or 数量, such as 经费执行情况审计项目数, 预算执行情况审计项目数, 助学经费拨付学生人数, is an output), rules adopted (制度建立, 制度建设, 管理制度) or resources used are inputs or management processes, not outputs or outcomes; so is the project's own management meetings counted as an output (召开培训工作推进会次数: counts of 推进会, 调度会, 协调会, 部署会, 联席会, 例会, 工作会, 专题会, 领导小组会, 专班会, by the name or the value's unit: 召开工作调度会 ≥12次; not consultations (病例会诊), meetings served, hosted or mediated for others (保障…会场次, 承接…会议场次, 劳资纠纷调处协调会, 三方协调会, 供需对接推进会) nor a meeting system's failures), unless the project is about meetings (会议, 会务, 论坛, 会展, 座谈会 or those meetings in its name; not a building such as 会议中心 or 会议室), whose meetings are its output; 座谈会 (talks with the public, deputies or firms) are a service and are not reported. Investment the project induces others to make (带动社会资本投入), and the spending of firms, society, private parties, farm households or market actors, or their own funds, named before 投入 (获奖补企业研发投入增长率), is a benefit and is not reported; so are 人力资源 (the name of the 人社 sector: 人力资源市场), 投入使用/投入运营/投入运行 (a facility put into service, an output) R&D intensity (研发经费投入强度, 研发投入占营业收入比重: society's or enterprises' spending, the standard 科技 outcome), 人力资本 (human capital, an outcome), 财力保障 (基本财力保障机制 is a transfer programme and the capacity it secures its outcome), 农业投入品 (farm inputs such as fertiliser and pesticide, inspected goods, not money) and 投入产出比 (an efficiency ratio). 预算执行 or 支出进度 followed by 监控, 监督, 监管, 分析, 通报, 检查, 考核 or 审计 (预算执行动态监控覆盖率, 预算执行情况通报次数) measures a finance bureau's oversight of others' spending, its output, and is not reported.",
        "“财力、人力和物力等投入数量不能作为绩效目标” [S]",
        "改为反映实际产出或效果的指标。 Measure what the money delivers instead."),
    rule!("level-misplaced", Warning, "指标归类错误", "indicator under the wrong category",
        "满意度指标（名称含满意度或满意率）放在产出或效益下，或成本放在效益下（也包括以每单位金额设上限的标准：岗位补贴标准 不超过1500元/人·月；以每件物、每处设上限的费用、经费、单价：单处健身路径年维护费用 ≤2500元/处、设备采购单价 ≤1.05万元/台，而按人、户、人次设上限的费用可能是群众的负担，次均住院费用 ≤8000元/人次 不算；以下限提高的标准是效益本身）；以人次、个、场等计数的产出（设上限或为零的不算：施工影响居民户数 ≤200户、媒体负面报道次数 =0次）放在满意度下（名称不含满意、投诉、评价、好评、认可、信任、回访、调查、测评）或成本下（名称不含成本、费、价、资金、金额、元、投资、支出）。名称中的满意度之后是测评、调查、调研、问卷、回访、测试时（开展满意度测评次数、满意度调查覆盖率，中间可有电话、网络、线上、入户、抽样、第三方：满意度电话回访人数），指标计量的是开展的调查，是产出，不是满意度；效益下名称含成本而说的是节约、节省、降低、减少、下降、减轻、压减、缩减成本（降低企业物流成本、节约运行成本）时，是服务对象或社会得到的经济效益，不是项目自身的成本；降低写在指标值中的（群众就医成本：有所降低、企业融资成本：较上年下降200万元）同样如此，但以金额设上限的项目自身成本（≤350万元，较预算节约）不在此列。 Satisfaction (a name with 满意度 or 满意率) outside 满意度, or cost under 效益 (a standard capped in money per unit too: 岗位补贴标准 不超过1500元/人·月; a fee, funds or unit price capped per thing or place: 单处健身路径年维护费用 ≤2500元/处, 设备采购单价 ≤1.05万元/台, while one capped per person, household or visit may be the public's burden and is not taken, 次均住院费用 ≤8000元/人次; one raised is the benefit itself); a count of outputs (人次, 个, 场 …; not a cap or a zero, which limits a harm: 施工影响居民户数 ≤200户, 媒体负面报道次数 =0次) under 满意度 (no 满意, 投诉, 评价, 好评, 认可, 信任, 回访, 调查, 测评 in the name) or under 成本 (no 成本, 费, 价, 资金, 金额, 元, 投资, 支出). A name where 满意度 is followed by 测评, 调查, 调研, 问卷, 回访 or 测试, maybe by way of a channel (电话, 网络, 线上, 入户, 抽样, 第三方) (surveys carried out: 开展满意度测评次数, 满意度调查覆盖率, 满意度电话回访人数) counts an output, not satisfaction; an outcome naming a cost saved or lowered (节约, 节省, 降低, 减少, 下降, 减轻, 压减, 缩减: 降低企业物流成本, 节约运行成本) is an economic benefit to others, not the project's own cost; so is one lowered in the value (群众就医成本: 有所降低, 企业融资成本: 较上年下降200万元), unless the value caps the project's own cost in money (≤350万元，较预算节约).",
        "实际案例 (real cases) [S]",
        "将指标移到正确的一级指标下。 Move the indicator to the right category."),
    rule!("benefit-is-output", Info, "效益指标实为产出", "outcome indicator is really an output",
        "以组建、举办、开展、发布、建设、购置、招募、培训开头，或以篇、场、期、份、册计量的效益指标，通常是产出；建设、改造的数量也是（名称含改造、新建、建成、修建、维修、修缮、改建、扩建、安装、铺设，以数量、个数、数、长度、面积结尾，以个、套、处、座、公里、米、栋、间、台、条、平方米计量：改造老旧小区数量 =23个）。受益人数、带动就业人数等以人计的不在此列；活动之后的结果（培训后就业人数：动词后紧接“后”，后勤、后续除外）也不在此列。以活动开头的比率（名称以“率”结尾或含比例、占比、比重，或以 %、‰ 计量：培训后就业率、购置设备使用率、开展活动群众参与率）计量的是活动的效果，不报告；名称写明效果的（培训带动脱贫人口人均增收：含带动、增收、提升、提高、促进、改善、降低、减少、增长、拉动）也不报告。 Outcome names starting with an activity verb, or counted in 篇/场/期/份/册, are usually outputs; so is a count of works built or renovated (a name with 改造, 新建, 建成, 修建, 维修, 修缮, 改建, 扩建, 安装 or 铺设, ending in 数量, 个数, 数, 长度 or 面积, counted in 个, 套, 处, 座, 公里, 米, 栋, 间, 台, 条 or 平方米: 改造老旧小区数量 =23个). People helped (受益人数, 带动就业人数), counted in 人, are not, nor is what followed the activity (培训后就业人数: 后 right after the verb, other than in 后勤 or 后续). A rate after the verb (a name ending in 率 or holding 比例, 占比, 比重, or a value in % or ‰: 培训后就业率, 购置设备使用率) measures the activity's effect and is not reported, as does a name that states the effect (培训带动脱贫人口人均增收, with 带动, 增收, 提升, 提高, 促进, 改善, 降低, 减少, 增长, 拉动).",
        "质量与效益混淆 [S]；规则 [P]",
        "移到产出指标，或改写为反映效果的指标。 Move it to outputs or measure the effect."),
    rule!("boilerplate-indicator", Info, "多个项目使用完全相同的指标", "same indicator copied across projects",
        "同一（一级、名称、数值、单位）出现在多个项目中（满意度除外，全部合格、达标的 100%（工程验收合格率 100%）和零事故、零差错、零投诉（安全事故 0起）这类同类项目都这样写的目标也除外），可能是套用或重复计算同一产出。另报告笼统的效益值：经济效益、生态效益或可持续影响下（看二级；无二级时看名称是否含可持续、经济效益、经济发展、经济增长、生态、环保、环境保护）的效益指标，目标为 95%–100% 的高百分比（比较符不是 ≤、<），名称却不是可计量的比率（不含率、比例、占比、比重、覆盖、指数、合格、达标、满意，也不以“度”结尾，“程度”除外），且与项目名称及本项目产出指标名称没有两个连续相同的字，即与项目产出无关的套话（已在多项目相同的组中报告的指标不再单独报告）。成本指标的值等于本项目金额（两个 10.00 万元项目各写项目总成本 ≤10万元）是各项目自己的数，不计入相同的组。定性的效益指标按（一级、名称、指标值文字）同样分组（群众文化素养：显著提升 照抄在多个项目中）；定性的产出（完成时间：2024年12月底前）各项目本来就写得一样，不分组。以二级指标名称作名称（社会效益、经济效益、生态效益、可持续影响，可带“指标”）而指标值是不含数字的八字以内的笼统说法（显著提升、长期）的定性效益，没有说明是什么效益，也无从考核，每处都报告（不再计入相同的组）；指标值写明了效益的（带动就业200人以上）不在此列。 The same (level, name, value, unit) in several projects (satisfaction excluded, and so are full compliance, 工程验收合格率 100%, and no incident, error or complaint, 安全事故 0起, which every project of the kind states alike) suggests copy-paste or one output counted twice. Also reported, once per indicator: a generic outcome value, i.e. an indicator under 经济效益 / 生态效益 / 可持续影响 (the 二级, or without one the name) whose target is a high percentage of 95–100 % (comparator not ≤ or <) although the name measures no rate (no 率, 比例, 占比, 比重, 覆盖, 指数, 合格, 达标, 满意, no final 度 other than 程度), and whose name shares no two-character run with the project's name or its output indicators (not for an indicator a copy group already reports). A cost target equal to its project's own amount (项目总成本 ≤10万元 in each of two 10.00 万元 projects) is that project's own number and joins no group. A qualitative outcome is grouped the same way by (level, name, text) (群众文化素养: 显著提升 pasted into several projects); qualitative outputs (完成时间: 2024年12月底前) are alike in every project by nature and are not grouped. A qualitative outcome named by its 二级 alone (社会效益, 经济效益, 生态效益, 可持续影响, with or without 指标) whose value is a vague phrase of at most eight characters without a number (显著提升, 长期) names no benefit and can be assessed by nothing: reported wherever it is (and joins no group); a value that says what the benefit is (带动就业200人以上) is not.",
        "四川乡镇实例：干部工资项目声称“保护生态环境卫生” [S]",
        "按各项目实际产出分别设置指标；效益指标应写与本项目产出相关、可计量的值。 Set each project's own targets; an outcome should measure what the project's outputs bring about.",
        ["boilerplate_min_projects"]),
    rule!("project-duplicate", Warning, "项目重复填报", "project entered twice",
        "两个项目的名称、金额、绩效目标和指标完全相同：多半是复制行，资金被计算两次。副本只报告这一次，不再参与指标雷同、目标雷同和单位成本的统计。 Two projects agree in name, amounts, goal and indicators: most likely a copied row, counting the money twice. The copy is reported once, here, and left out of the copied-indicator, shared-goal and unit-cost groupings.",
        "填报惯例 (practice) [P]",
        "删除重复的项目行，并核对单位行和合计。 Delete the repeated row and re-check the unit and 合计 rows."),
    rule!("project-name-duplicate", Warning, "同一单位下项目同名", "two projects of one unit share a name",
        "同一单位下两个项目名称相同，但金额、目标或指标不完全相同（完全相同的见 project-duplicate）：可能是改过金额或指标的复制行，资金被计算两次；如确为两个项目，名称应能区分。 Two projects of one unit have the same name but differ in amounts, goal or indicators (identical ones are project-duplicate): likely a copied row that was then edited, counting the money twice; two real projects should be told apart by name.",
        "填报惯例 (practice) [P]",
        "删除重复的项目行并核对单位行和合计；如为不同项目，在名称中加以区分。 Delete the repeated row and re-check the unit and 合计 rows, or give the two projects distinct names."),
    rule!("indicator-duplicate", Warning, "同一项目中指标重复", "indicator repeated within a project",
        "同一项目中两个指标的一级、二级和名称都相同：指标值也相同时是重复填写（同一产出计算两次，也使单位成本、定性指标占比失真）；指标值不同时，无法判断哪一个是目标。 Two indicators of one project share level, sub-level and name: with the same value, one output is entered twice (which also skews unit costs and the qualitative share); with different values, which one is the target cannot be told.",
        "填报惯例 (practice) [P]；同一产出不应重复计算 [S]",
        "删除重复的指标，或在名称中写明两者的区别。 Delete the repeat, or say in the names how the two differ."),
    rule!("goal-duplicate", Info, "绩效目标与其他项目雷同", "near-duplicate goal text",
        "两个项目共有一句足够长的目标文字（阿拉伯数字屏蔽后相同），或两个目标整体几乎相同（同一模板只改了地名、个别词语：两者相同的字三元组占全部三元组的比例不低于阈值），或一个目标在另一项目的完整目标（不少于 goal_duplicate_min_chars 字）前后以逗号、分号等添加了文字（照抄后加上“，确保项目顺利实施”）。 Two projects share a goal sentence that is identical once Arabic numbers are masked, or their goals as wholes are nearly the same (one template with a place name or a phrase changed: the share of character trigrams they have in common, Jaccard, at or above the threshold), or one goal is another project's whole goal (at least goal_duplicate_min_chars characters) with words added before or after it at a clause end (copied, then `，确保项目顺利实施` appended).",
        "填报惯例 (practice) [P]",
        "按项目分别写明目标。 Write each project's own goal.",
        ["goal_duplicate_min_chars", "goal_duplicate_similarity"]),
    rule!("goal-indicator-mismatch", Info, "目标中的产出没有对应指标", "goal output not measured by any indicator",
        "目标写明“数字+量词+名词”的产出（量词：个、家、所、座、场、次、人、名、篇、期、批、户、项、台、套、件、辆、株、处、条、部、份、册、本、盏；部门、部分等词中的“部”不算），但项目指标名称中没有与该名词共享两个连续字的指标（年龄、日期与序号除外；满意度指标不衡量产出，不算）。量词后接“的”时（储备粮1.5万吨的储存费用），所计的是数字前的文字；量词后的以上、以下、左右、以内、余、多不是名词：其后没有名词时（提供就业岗位3000个以上），取数字前的文字为名词；量词后直接是标点的（组织招聘会8场，、培训养老护理员500人次，），分句中常有项目领域的泛称（养老），故只以分句的前两个字（所做的工作：培训）和后三个字（所指的事物：护理员）比对，分句开头的序号（1.、一是、①）和时间、计划用语（全年、年内、计划）不算；分句以开展、组织、完成、实施、举办、进行、做好这类泛指的动词开头的，只以后三个字比对（开展应急疏散演练10次 比对 演练，其间的 应急疏散、垃圾分类 是领域用语）；分句以活动、工作结尾的，后三个字取其前的（开展文化惠民演出活动40场 比对 民演出）；指标中有同一数字和单位的（个 除外：什么都能以个计），即算有指标衡量；列举的分项（进社区30场、进乡村40场）、已有的数量（现有、共有）、其他年度的数量（上年、明年、今后、预计、到2026年）和没有名词的（惠及1500人次）和每单位的数（每期50人、村均2个）不报告；“N个百分点”是比率的变化，由数字前所写的比率（普及率提高2个百分点）与指标名称比对。人、户、家等量词后是动词短语时（5200户发展生产、210户增收；物品不做事：为社区民警配备800部数字对讲机 中衡量的是对讲机），指标名称与数字前的文字（支持脱贫户和监测户5200户、支持科技型中小企业40家）共享两个连续字，即算有指标衡量；仅数字与单位相同不算（20个服务站点 与 覆盖社区数量 ≥20个 计的不是同一事物）。量词后以及、和、并、与开头的（执法记录仪45台及配套采集存储设备），所接的是附带的东西，名词取数字前的文字，指标中有同一数字和单位的也算有指标衡量；人数以名计而指标以人计的（502名…老年人 对 服务对象人数 ≥502人），名与人是同一量词，数字相同即算衡量。分句的前两个字（所做的工作）只在指标以同一量词计数时才算比对上（新建标准化服务站点15个 不由以亩计的 新建高标准农田面积 衡量）。同一段文字中的两个数量（100所中小学幼儿园配备专职保安200名）只报告一次。名词在量词之后而用词与指标不同时，指标以同一量词（个除外）给出同一数字即为衡量它（6所中小学的屋面防水 对 维修改造学校数量 =6所，2900户家庭 对 减免服务费用户数 ≥2900户）。 The goal names a counted output (a classifier: 个 家 所 座 场 次 人 名 篇 期 批 户 项 台 套 件 辆 株 处 条 部, not the 部 of 部门 or 部分) that no indicator of the project measures (a satisfaction indicator measures no output). 以上, 以下, 左右, 以内, 余, 多 after the classifier are no noun: when no noun follows (提供就业岗位3000个以上), the words before the number are the noun; for a count followed by punctuation alone (组织招聘会8场，, 培训养老护理员500人次，), whose clause often holds the project's field (养老), only the clause's first two characters (the work: 培训) and last three (what it names: 护理员) are matched, list markers (1., 一是, ①) and words of time or plan (全年, 年内, 计划) aside; a clause opening with a verb of any work (开展, 组织, 完成, 实施, 举办, 进行, 做好) is matched by its last three characters alone (演练 in 开展应急疏散演练10次, the words between, 应急疏散 or 垃圾分类, being the field's); a clause ending in 活动 or 工作 is matched by the three characters before them (民演出 in 开展文化惠民演出活动40场); an indicator with the same number and unit (not 个, in which anything is counted) measures it; items of an enumeration (进社区30场、进乡村40场), what there already is (现有, 共有), other years' counts (上年, 明年, 今后, 预计, 到2026年) and counts naming nothing (惠及1500人次) and figures per unit (每期50人, 村均2个) are not reported; N个百分点 is a change in a rate, matched by the rate named before the number. When a verb phrase follows a count of people, households or bodies (户 人 名 家 个 所: 5200户发展生产, 210户增收), the count is measured by an indicator naming the words before the number (支持脱贫户和监测户5200户, 支持科技型中小企业40家); the same number and unit alone are not enough (20个服务站点 and 覆盖社区数量 ≥20个 count different things). A classifier followed by 的 (储备粮1.5万吨的储存费用) counts the words before the number. A noun after the classifier opening with 及, 和, 并 or 与 (执法记录仪45台及配套采集存储设备) is something added: the words before the number are the noun, and an indicator with the same number and unit measures it; people counted in 名 and measured in 人 (502名…老年人 against 服务对象人数 ≥502人) are one counter, and the same number measures them. A loose clause's first two characters (its work) match only an indicator counted in the same unit (新建标准化服务站点15个 is not measured by 新建高标准农田面积 in 亩). Two counts of one span (100所中小学幼儿园配备专职保安200名) are reported once. A count whose noun follows it in other words than the indicator's is measured by an indicator giving the same number in the same classifier, other than 个 (6所中小学的屋面防水 by 维修改造学校数量 =6所, 2900户家庭 by 减免服务费用户数 ≥2900户).",
        "目标与指标不对应 [S]",
        "为该产出设置指标，或修改目标。 Add an indicator for it, or change the goal."),
    rule!("goal-indicator-number", Warning, "目标中的数字与衡量它的指标明显不一致", "goal count and its indicator's number clearly differ",
        "目标中“数字+量词”的数量（个、人次、场、户次等，紧跟数字；公里、亩、公顷、平方米、吨等计量单位也算；数字与单位之间的千、万、亿按倍数换算，14万人 即 140000人；每（每年除外）、均、各（各类、各项、各级等除外：120个社区各配备2名）、其中、累计之后的不算，衡量每单位之数的指标（月均安全巡查次数）也不配对；现有、共有之后、数字结束其分句、分句不以对、为、向、给开头且其前没有培训、服务、改造等工作的（全区现有持证残疾人6000人，）是已有的人口或数量，也不算）与衡量它的指标数值明显不一致，多为笔误（3000人次 写成 300人次，12个 写成 21个，12.5公里 写成 1.25公里，14万人 写成 1.4万人）。只在确有把握时配对：项目中以该量词计量、且名称与目标中的名词至少有两处两个连续相同的字（只有一处时常是“服务”之类的泛称）的指标恰有一个；该指标为下限或等值（≥、>、= 或无比较符，单个数值）；目标的数字不是本项目任何指标的数值；目标中以该量词计的其他数量都另有指标衡量（配置分类收集容器3500个、建设集中投放点220个 各有其指标），不是列举的分项（进社区30场、进乡村40场 是分项，指标给的可能是合计），也不是该指标的数值（持证残疾人约2.1万人 旁的 提供康复服务3000人 才是指标所计）。配对后，只有两数相差 2 倍及以上（含 ×10 的数位错误），或为同样数字的不同排列（12 与 21）时才报告；目标 3000 而指标 ≥2800 只是目标定得稍低，不报告。 A count in the goal (a classifier right after the number, or a unit of measure such as 公里, 亩, 公顷, 平方米, 吨; a 千, 万 or 亿 between the number and the unit is applied, 14万人 being 140 000人; not after 每 (but 每年), 均, 各 (but 各类, 各项, 各级 …: 120个社区各配备2名), 其中, 累计, nor paired with an indicator of a figure per unit (月均安全巡查次数); nor after 现有, 共有 when the count ends its clause, the clause does not open with 对, 为, 向, 给 and no work (培训, 服务, 改造 …) comes before them (全区现有持证残疾人6000人，): the population already there, not the project's output) and the indicator measuring it give clearly different numbers, most often a slip (3000人次 typed as 300人次, 12个 as 21个, 12.5公里 as 1.25公里, 14万人 as 1.4万人). Paired only with confidence: exactly one indicator of the project counted in that unit has a name sharing at least two different 2-character runs with the counted noun (one alone is often a generic word such as 服务); it is a floor or an exact count (≥, >, = or none; one number); the goal's number is no indicator's of the project; and the goal's other counts in that unit are each measured by an indicator of their own (配置分类收集容器3500个 beside 建设集中投放点220个), not items of a list (进社区30场、进乡村40场 are parts, whose sum the indicator may give), nor the indicator's own number (3000人 for 提供康复服务 beside 持证残疾人约2.1万人). Then only a factor of 2 or more (a ×10 digit slip among them) or the same digits in another order (12 and 21) is reported; a goal of 3000 against ≥2800 is a target set a little lower, not reported.",
        "目标与指标应相互衔接（财预〔2021〕101号 加强指标衔接）[D]；审核中常见的笔误 [S]",
        "核对目标与指标中的数字，改正写错的一方。 Check both numbers and correct the one that is wrong."),
    rule!("goal-count-unquantified", Warning, "目标写明了数量，衡量它的指标却没有数值", "goal states a count its indicator leaves unquantified",
        "目标中“数字+量词”的数量（培育高素质农民300人）由一项产出指标衡量（名称与目标中的名词至少有两处两个连续相同的字，且只有这一项指标如此；名词不对应任何指标时，看数字前的文字：选派科技特派员80名深入镇村…；比率或按人计的成本，反弹率 ≤5%、人均工作补助 ≤6000元/人，不计量目标中的数量，不算），而该指标的指标值只是文字、没有数字（按计划完成、全部完成），即报告：目标已给出数量，指标却不可考核。完成时限（2024年10月底前）、以及名称为率、度、质量、效果、水平、情况、时间、时限、进度、标准、规范、成效的指标不在此列；每、均、其中、累计之后的数量、已有的人口或数量（全区现有…）不配对；另有带数值的指标与该名词相符时不报告。 A count in the goal (培育高素质农民300人) is measured by one output indicator (whose name shares at least two different 2-character runs with the counted noun, and no other indicator's does; when the noun names no indicator, the words before the number: 选派科技特派员80名深入镇村…; a rate or a cost per head, 反弹率 ≤5%, 人均工作补助 ≤6000元/人, counts nothing the goal counts and is not taken) whose target is words with no number (按计划完成, 全部完成): the goal knows the number, the indicator cannot be assessed. Deadlines (2024年10月底前) and indicators named as a rate, degree, quality, effect, level, situation, time, time limit, progress, standard, conformity or result are not such outputs; counts after 每, 均, 其中, 累计 and the population already there (全区现有…) are not paired; nothing is reported when an indicator with a number shares the noun as well.",
        "指标值应量化、可考核（财预〔2021〕101号：能量化的尽量量化）[D]；目标与指标衔接 [P]",
        "把目标中的数量写入指标值（≥300人）。 State the goal's number as the indicator's target (≥300人)."),
    rule!("target-too-low", Warning, "目标值低于上年实际值", "target below last year's actual",
        "表中列有上年实际值（如湖北黄石批复表“2021年实际实现值”）时，定量目标不应低于已经实现的水平：≥、>、= 或无比较符的目标（区间取下限）低于上年实际值，或 ≤、< 及指标方向性为“反向”的目标（区间取上限）高于上年实际值，即报告。只比较可比的数值：上年实际值须是单个数字，单位与目标相同或未写单位（未写单位的小于等于 1 的数对百分比目标、相差千倍以上的数对金额目标不作比较）；单位不同、定性、分级或缺失的目标，以及比较符与方向性列矛盾、或未写比较符而名称显示为反向（成本、投诉、事故等）或属时效类（二级为时效、进度，名称含时间、时限、时长，或以月、日、小时等计量，早晚快慢哪方为优不明）的指标，一律不判断。自评时“实际完成值 ≥ 目标值的 130%”的另一半规则需要年末实际值，尚无读取器提供，暂未实现。 When the table prints last year's actual (e.g. the Hubei 黄石 批复表 column 2021年实际实现值), a quantitative target should not fall below what was already achieved: a ≥, >, = or bare target (a range by its lower bound) below the prior actual, or a ≤, < or 反向 target (a range by its upper bound) above it, is reported. Only comparable numbers are judged: the prior must be one number in the target's unit or bare (a bare value ≤ 1 against a percentage, or one a thousand times off a money target, is not compared); other units, qualitative, graded or missing targets, a comparator contradicting the 指标方向性 column, and bare targets whose name reads lower-is-better (成本, 投诉, 事故 …) or that measure a time or deadline (时效/进度 二级, 时间/时限/时长 in the name, or a unit of months, days, hours …, where it is unclear whether sooner or later is better) give no finding. The self-evaluation half of the rule (actual ≥ 130 % of the target) needs year-end actuals, which no reader captures yet, and is not implemented.",
        "财预〔2020〕10号（绩效标准含历史标准；完成值高于指标值较多的，要分析是否年初指标值设定明显偏低）[D]；目标不应低于已实现水平的审核惯例 [P]",
        "提高目标值，或在指标标准或依据中说明低于上年实际的原因。 Raise the target, or explain in the basis column why it is below last year's actual."),
    rule!("satisfaction-low", Info, "满意度目标偏低", "satisfaction target low",
        "满意度目标通常在 85%–95% 之间。写成上限（≤90%）的由 direction-conflict 报告，此处不再重复。 Satisfaction targets normally lie between 85 % and 95 %. One written as a cap (≤90%) is reported by direction-conflict, not again here.",
        "常见取值 [S]；阈值 [P]",
        "提高满意度目标或说明理由。 Raise the target or give a reason.",
        ["satisfaction_min"]),
    rule!("satisfaction-high", Warning, "满意度目标为 100%，不合理可行", "satisfaction target of 100 %",
        "满意度目标写成 100%（=100%、≥100%、达到100%、不低于100%，或不带比较符的 100%），要求每一位服务对象都满意，不合理可行，自评时几乎必然扣分；审核时通常退回，要求改为 90%–95% 左右。目标不低于 satisfaction_max 即报告（默认 100，即只报告 100%；超过 100% 的由 percent-out-of-range 报告，以上限写的 ≤100% 由 direction-conflict 报告）。只看名称含满意度、满意率的指标（满意度测评次数、满意度调查覆盖率这类调查的产出不算）；投诉率、不满意率这类越低越好的比率不算。 A satisfaction target of 100 % (=100%, ≥100%, 达到100%, 不低于100%, or a bare 100%) asks every beneficiary to be satisfied: not 合理可行, and almost sure to lose points at self-evaluation; reviewers send it back and ask for about 90–95 %. Reported from satisfaction_max on (100 by default: 100 % only; above 100 % is percent-out-of-range's, a cap ≤100% direction-conflict's). Only names with 满意度 or 满意率 count (not a survey's output such as 满意度测评次数 or 满意度调查覆盖率), and not a rate better lower (投诉率, 不满意率).",
        "财预〔2015〕88号 合理可行 [D]；满意度目标通常在 85%–95% 之间 [S]；审核退回惯例 [P]",
        "将满意度目标改为可实现的水平（如 ≥90% 或 ≥95%），或在指标依据中说明理由。 Set an attainable satisfaction target (≥90 % or ≥95 %), or give the reason in the basis column.",
        ["satisfaction_max"]),
    rule!("direction-conflict", Warning, "目标方向自相矛盾", "the target's direction contradicts itself",
        "指标值的比较符、指标性质列和指标方向性列应指向同一方向：≥、> 表示越大越好（正向），≤、< 表示越小越好（反向）。指标性质写 ≥ 而指标值写 ≤70、指标方向性为正向而比较符为 ≤，或满意度目标写成上限（≤90%），或越低越好的指标写成下限（以金额计的成本、费用 ≥30万元，成本指标下以金额计的经费、支出 45.50万元以上；发生率、差错率、事故率、投诉率、死亡率、不合格率等 ≥1%；节约、降低类及处理率、控制率不算，经费的补助标准、定额是每个对象至少应得的，也不算：经费补助标准 ≥94元/人），读者无法判断目标的本意，自评时也无从打分。日期（≤2024年12月31日）的 ≤ 是“不晚于”，不是方向。按受益对象或案件安排的经费（生均公用经费 ≥950元/生·年、以案定补经费 ≥300元/件，名称含生均、人均、户均、校均、以案，单位为元每单位）与标准、定额一样，是每人应得的下限，以 ≥ 设下限不报告。 The value's comparator, the 指标性质 column and the 指标方向性 column must point the same way: ≥ and > mean higher is better (正向), ≤ and < lower is better (反向). A ≥ column beside a ≤70 value, a 正向 direction with a ≤ target, a satisfaction target written as a cap (≤90%), or a lower-is-better indicator written as a floor (a cost or fee in money ≥30万元, or under 成本指标 funds or spending in money, 45.50万元以上; a rate of occurrences, errors, accidents, complaints, deaths, rejects … ≥1%; savings, reductions and handling or control rates aside, and a standard or quota of funds, the least each beneficiary is owed: 经费补助标准 ≥94元/人) leaves the target's meaning open, and the self-evaluation cannot score it. Before a date (≤2024年12月31日) ≤ means “by”, not a direction. Funds allocated per beneficiary or case (生均公用经费 ≥950元/生·年, 以案定补经费 ≥300元/件: 生均, 人均, 户均, 校均 or 以案 in the name, in 元 per unit), like a standard or quota, are the least each is owed: a floor is not reported.",
        "GUIDE §2.3 指标方向性；填报惯例 (practice) [P]",
        "统一比较符与方向：正向指标用 ≥，反向指标用 ≤；满意度用 ≥，成本、差错率、事故发生率、投诉率用 ≤。 Make them agree: ≥ for 正向, ≤ for 反向; ≥ for satisfaction, ≤ for costs, error, accident and complaint rates."),
    rule!("timeliness-no-date", Warning, "时效指标没有日期或期限", "timeliness target without date",
        "时效指标（二级为时效、进度，或名称含时间、时限、时效、及时、进度，如项目竣工时间、资金拨付时间；比率除外）的值应是日期或期限（如 12月底前、30天内；响应时间以分钟、秒计也是期限，≤5分钟；以时间单位计的时长，志愿服务时间 ≥2000小时，也是）。名称以数、数量、人次、户次、次结尾的计数（时间银行新增注册志愿者人数、预算执行进度通报次数、及时救助困难群众人次）不是时效指标。 A timeliness indicator (二级 时效 or 进度, or a name with 时间, 时限, 时效, 及时 or 进度, such as 项目竣工时间 or 资金拨付时间; not a rate) needs a date or a duration as its value (a response time in minutes or seconds, ≤5分钟, is one; so is a length of time in a unit of time, 志愿服务时间 ≥2000小时). A count whose name ends in 数, 数量, 人次, 户次 or 次 (时间银行新增注册志愿者人数, 预算执行进度通报次数, 及时救助困难群众人次) is no timeliness indicator.",
        "填报惯例 (practice) [P]",
        "写明完成时间。 State the deadline."),
    rule!("deadline-outside-year", Warning, "期限不在预算年度内", "deadline outside the budget year",
        "年度指标值是预算年度内要完成的目标。期限晚于预算年度（2024年的表写“2025年6月30日前”）是跨年度的目标，年末自评时无法判断是否完成；早于预算年度（写“2023年12月底前”）多是沿用了往年的表。只看单独的期限（日期后有“前”“底”“内”“完成”等，或是时效、时间类指标的值；文字中的期限如“2025年3月底前完成竣工结算”也算，但只写一个年份，且不是“较2023年底”“自2023年起”这类比较或起点，也不是“2023年底前已建成的农村公路”这类限定范围的说法）：跨两个年度的时段（2024年9月-2025年6月、学年）和参照日期（普查时点、基期）不报告；表格年度未知或为多年度（2024-2026年）时不检查。绩效目标文字中早于预算年度的期限（确保2023年12月底前完工）也报告，指向该分句；晚于预算年度的不报告（跨年度项目的目标常写明整体完成的时间）。 An annual target is what the budget year delivers. A deadline after that year (2025年6月30日前 in a 2024 table) is a target over years that the year-end self-evaluation cannot score; one before it (2023年12月底前) is usually last year's table copied. Only single deadlines count (a date followed by 前, 底, 内, 完成 …, or the value of a timeliness or time indicator; a deadline inside wording such as 2025年3月底前完成竣工结算 counts too, when the text names one year only and the date is not compared with or a start, as in 较2023年底 or 自2023年起, nor a scope, as in 2023年底前已建成的农村公路): a period over two years (2024年9月-2025年6月, a school year) and a reference date (普查时点, 基期) are not reported, and nothing is checked when the table's year is unknown or a span (2024-2026年). A deadline before the budget year in the goal's wording (确保2023年12月底前完工) is reported too, at its clause; one after it is not (a project over several years states in its goal when the whole is done).",
        "年度绩效目标应在预算年度内可实现 (财预〔2020〕10号 年度目标) [D]；填报惯例 [P]",
        "改为预算年度内的期限，或把跨年度的部分写入中长期目标。 State a deadline within the budget year, or move the rest to the long-term goal."),
    rule!("cost-exceeds-budget", Warning, "成本指标超过项目金额", "cost target exceeds the project amount",
        "成本指标值（换算为同一金额单位；元、千元、万元、十万元、百万元、千万元、亿元，只写数量级不写“元”的如 ≤160万 按元计）不应超过项目预算。名称为项目总投资、计划总投资、投资总额或总概算的，是整个项目各年度、各资金来源的投资，跨年度或多渠道筹资的项目本年金额本就小于它，不比较；年度、本年、当年的总投资仍比较。名称写明是单位成本的（每公里改造成本、单公里造价），项目以该单位计的产出不足一个单位（改造0.6公里）且单位成本乘以产出不超过项目金额时也不报告；否则一个单位的成本超过项目全部金额，仍然报告。以单位计的成本标准（人均培训成本 ≤3000元/人次）乘以项目以该单位计的产出（培训人次 ≥3200人次），在每一种配对下都超过项目金额三倍以上的（960万元 对 96万元，多为 ×10 的笔误），也报告（有以标准的单位本身计的产出时只与之配对：每人次的标准乘以人次，不乘以人数）；目标写明按月、每月发放的，按月的标准乘以 12 个月（高龄津贴标准 =1000元/人·月 × 3000人 = 3600万元；目标写明发放几个月、起止月份或寒暑假、见习期等期间的不乘，以人次计的产出已是人月数，也不乘）；三倍以内的可能只是宽松的上限，多年累计的产出（三年内累计培训人次）和另一产出的其中部分（其中骨干教师培训人次；成本标准以名称写明该部分的除外，如 骨干教师人均培训成本）不相乘，每人次的最高标准、限额、额度（单人次最高救助标准、最高支付限额、创业担保贷款额度）很少有人达到或不是项目的钱，也不相乘。保障标准、低保标准（城乡低保保障标准 =960元/人·月）是差额救助的保障线，不是按人支付的金额，不相乘。 A cost target, converted to one money unit (元 to 亿元; a magnitude without 元, as in ≤160万, taken as 元), should not exceed the project's money. A name for the whole project's investment (项目总投资, 计划总投资, 投资总额, 总概算) covers every year and every source of funds, which a multi-year or co-funded project's amount for this year falls short of by design: it is not compared. The year's total investment (年度, 本年, 当年总投资) still is. Nor is a cost per unit named so (每公里改造成本, 单公里造价) when the project's output in that unit is less than one (0.6公里) and the cost times that output fits the money; otherwise one unit costing more than all the money is still reported. A cost standard per unit (人均培训成本 ≤3000元/人次) times the project's output in that unit (培训人次 ≥3200人次) that comes to over three times the money under every pairing (9.6 million against 0.96 million 元, most often a ×10 slip) is reported too (paired only with outputs counted in the standard's own unit when there are any: per 人次 times 人次, not times 人); a standard per month, when the goal says it is paid monthly (按月, 每月), is times twelve months (=1000元/人·月 × 3000人 = 3600 万元; not when the goal says for how many months, from which month to which, or for a holiday or probation period, nor against an output counted in 人次, person-months already); within three times it may be a loose cap; outputs summed over years (三年内累计培训人次) and parts of another output (其中骨干教师培训人次; unless the standard names the part, 骨干教师人均培训成本) are not multiplied, nor ceilings, limits or quotas per case (单人次最高救助标准, 最高支付限额, 创业担保贷款额度), which few reach or which are not the project's money. A guarantee line (保障标准, 低保标准: 城乡低保保障标准 =960元/人·月) is not paid per head (the gap below it is) and is not multiplied.",
        "填报惯例 (practice) [P]",
        "核对成本指标的数值和单位。 Check the value and its scale."),
    rule!("cost-below-budget", Warning, "成本远低于项目金额", "cost far below the project amount",
        "成本指标应与项目资金相应匹配。名称表明是项目全部成本的总额（项目总成本、成本总额、项目经费；不是专家评审费这类某一部分的费用，也不是多年的总投资）不到项目金额的五分之一（项目总成本 ≤2.4万元 对 24.50 万元），多半是少写了一位，或金额偏大。本项目另有成本指标按金额的三倍以内印证了金额，或有成本超过金额（由 cost-exceeds-budget 报告）时，不报告。单位成本乘以产出约为金额十分之一的，不报告：这同样常见于产出数量少写一位（目标 3200人次、指标 ≥320人次，由 goal-indicator-number 报告），或只补助每件的一部分的标准。 A cost indicator should match the project's money (相应匹配). A total named as the project's whole cost (项目总成本, 成本总额, 项目经费; not a part's fee such as 专家评审费, nor a multi-year 总投资) under a fifth of the amount (项目总成本 ≤2.4万元 against 24.50 万元) is most likely a digit lost, or money overstated. Not reported when another cost of the project bears the amount out within a factor of three, or a cost exceeds it (cost-exceeds-budget's). A cost per unit times its output about a tenth of the amount is not reported: as often the output's count is a digit short (goal 3200人次, indicator ≥320人次: goal-indicator-number's), or the standard subsidises part of each case.",
        "财预〔2015〕88号 相应匹配 [D]；填报惯例 [P]",
        "核对成本指标的数值和单位，或核对项目金额。 Check the cost's number and unit, or the project amount."),
    rule!("long-term-in-annual", Info, "年度指标使用了跨年度表述", "annual target worded over years",
        "年度指标的名称或值出现“三年内”“到2025年”“逐年提高”“近三年平均”等跨年度表述，混淆了长期目标与年度目标；消息引用找到的表述。“年均”（每年平均，如单个站点年均补贴标准）是年度的量，不报告。标题为跨年度的表（2024-2026年项目中期绩效目标表，且未读到单一年度）本身不是年度表：只报告超出其最后一年的“到YYYY年”。 An annual target worded over several years (三年内, 到2025年, 逐年提高, 近三年平均, in the name or the value) mixes long-term and annual goals; the message quotes the phrase found. 年均 (a per-year average) is an annual figure and is not reported. A table whose title spans years (2024-2026年项目中期绩效目标表, with no single budget year read) is not annual: only 到YYYY年 beyond its last year is reported.",
        "长期目标与年度目标混淆 [S]",
        "改为本年度可实现的值。 State what this year delivers."),
    rule!("scale-mismatch", Info, "目标文字中的金额单位与表格不同", "goal quotes money in another scale",
        "表格以万元计，目标文字却写“元”（或相反），容易误读。每单位的标准一律以元计，不报告：所在分句含每、均（人均、户均）、标准、单价或 /（按每亩120元标准、每人每月100元、人均增收1000元以上、200元/人）；项目带动、撬动、吸引的他人资金（撬动社会资本投入500万元）也不是项目的金额，不报告；只报告以元写的项目总额。每件（人）的上限（个人创业担保贷款额度最高30万元、补助上限5万元，含最高、上限、额度、封顶）也不是项目总额，不报告。 The goal quotes money in another scale than the table. A standard per unit is written in 元 whatever the table's scale and is not reported: its clause holds 每, 均 (人均, 户均), 标准, 单价 or / (按每亩120元标准, 每人每月100元, 人均增收1000元以上, 200元/人); nor is others' money the project brings in (撬动社会资本投入500万元); only a total quoted in 元 counts. A ceiling per case (个人创业担保贷款额度最高30万元, 补助上限5万元: 最高, 上限, 额度, 封顶) is no project total either and is not reported.",
        "实际案例 [S]",
        "统一金额单位。 Use the table's scale."),
    rule!("placeholder-value", Warning, "指标值为占位符", "placeholder target value",
        "指标值为“/”“无”“XX”等占位内容或明显不合理的数字；质量或完成类比率（合格率、达标率、完成率、知晓率、满意度、治疗率、管理率、参保率，以及服务和设施保持的亮灯率、在线率、正常率、运行率、办结率、处置率、整改率、到位率、出勤率等；接种率可以很低，如老年人流感疫苗接种率；覆盖率可以很低，如森林覆盖率、试点覆盖率，不合格率等反向比率也不算）的下限（或不带比较符的值、等值）不足 10%、乘以 10 正是常见目标（80%–100%）的（培训考核合格率 ≥9.5%），多为小数点错位，也报告。 The value is a placeholder or an implausible number; a floor (or a value without comparator, or an exact one) under 10 % on a rate of quality or completion (合格率, 达标率, 完成率, 知晓率, 满意度, 治疗率, 管理率, 参保率, and the rates a service or facility is kept at, 亮灯率, 在线率, 正常率, 运行率, 办结率, 处置率, 整改率, 到位率, 出勤率 …; not 接种率, which can be that low, as the elderly's flu vaccination; not 覆盖率, which can be that low for a forest or a pilot, nor a rate of failures such as 不合格率) that times ten is a usual target (80–100 %), as 培训考核合格率 ≥9.5%, is most often a decimal point moved and is reported too.",
        "填报惯例 (practice) [P]",
        "填写实际目标值。 Fill in the real target."),
    rule!("ocr-suspect", Info, "指标值疑似识别错误", "value looks OCR-damaged",
        "“W90%”“(X)”或“295%”之类的值可能是 ≤、≥ 被识别错误；“1OO%”“≥9O%”“l200人”中夹在数字间的字母 O、l、I 可能是 0、1 被识别错误（该值因此按文字读取，“CO2”之类的名称不算）。 Values like W90%, (X) or 295% may be a misread ≤ or ≥; the letters O, l or I among digits (1OO%, ≥9O%, l200人) may be misread 0 and 1 (the value is then read as words; a name such as CO2 is not).",
        "实际案例 [S]",
        "对照原件核对比较符。 Check the comparator against the original."),
    rule!("unit-cost", Info, "单位成本（每单位主要产出的金额）", "money per unit of the main output",
        "以项目金额除以第一个计数类产出指标值（日均、月均、每日、每月等按期计的数量除外），得到如“元/人次”的单位成本作为参考。单位成本保留两位小数，不少于 10000 元的以万元表示（1500.00 万元/公里）。明显偏离同类项目的单位成本另由 unit-cost-outlier 报告（该项目不再在此重复）。 Money divided by the first counted output (not a count per day, week or month: 日均, 月均, 每日, 每月) gives a cost per unit (e.g. 元/人次; two decimals, from 10 000 元 on in 万元: 1500.00 万元/公里) for information. A cost far from the table's similar projects is unit-cost-outlier's instead (not reported here again).",
        "相应匹配原则 (88号) [D]；方法 [P]",
        "单位成本供与同类项目比较，无须修改。 The cost is for comparison with similar projects and needs no change.",
        []),
    rule!("unit-cost-outlier", Warning, "单位成本明显偏离同类项目", "cost per unit far from similar projects",
        "同一计量单位（如元/人次）的项目不少于阈值个数时，对各项目的单位成本（见 unit-cost）取自然对数，用中位数与中位数绝对偏差（MAD）计算修正 z 值 = 0.6745 × |ln x − 中位数| / MAD，超过阈值者为异常值。取对数是因为单位成本呈偏态分布。本规则关闭时，这些项目的单位成本作为 unit-cost 提示报告。以个、项、次计的产出不分组比较：它们可以计任何东西（空气质量自动监测站、土壤点位、村级污水设施都以个计），单位成本并不相近。 Among projects whose main output is counted in the same unit, at least the threshold's number of them, a modified z-score on the logarithm of the cost per unit (see unit-cost; median/MAD) above the threshold flags an outlier. With this rule off, these projects' costs are reported as unit-cost information. Outputs counted in 个, 项 or 次 are not grouped: those units count anything (an air-quality station, a soil plot, a village's sewage works are all 个), and their costs are not alike.",
        "相应匹配原则 (88号) [D]；方法 [P]",
        "核对该项目的金额与主要产出的数量（常见为数位或单位错误）。 Check the project's money and its main output's count (often a digit or unit slip).",
        ["unit_cost_min_group", "unit_cost_outlier_z"]),
];

impl Rule {
    /// What the rule checks and why, in one language (the catalogue keeps
    /// both in one text).
    pub fn explanation_in(&self, lang: super::Lang) -> String {
        in_lang(self.explanation, lang)
    }

    /// The suggested fix in one language.
    pub fn fix_in(&self, lang: super::Lang) -> String {
        in_lang(self.fix, lang)
    }

    /// The basis for a reader: without the evidence tags (`[D]`, `[S]`,
    /// `[P]`, `[V]`, which say where GUIDE.md took it from) and, in Chinese,
    /// without the English glosses (`表格定义 (table definition)`). The
    /// documents cited are Chinese; the English reader gets them as cited,
    /// with the glosses.
    pub fn basis_in(&self, lang: super::Lang) -> String {
        let mut out = String::with_capacity(self.basis.len());
        let mut rest = self.basis;
        while let Some(open) = rest.find(['[', '(']) {
            let (before, from) = rest.split_at(open);
            let close = if from.starts_with('[') { ']' } else { ')' };
            let Some(end) = from.find(close) else { break };
            let inner = &from[1..end];
            let tag = from.starts_with('[') && matches!(inner, "D" | "S" | "P" | "V");
            let gloss = from.starts_with('(') && inner.is_ascii() && lang == super::Lang::Zh;
            if tag || gloss {
                out.push_str(before.trim_end());
            } else {
                out.push_str(before);
                out.push_str(&from[..=end]);
            }
            rest = &from[end + 1..];
        }
        out.push_str(rest);
        out.trim().to_string()
    }
}

fn in_lang(text: &str, lang: super::Lang) -> String {
    let (zh, en) = super::split_bilingual(text);
    match lang {
        super::Lang::Zh => zh,
        super::Lang::English => en,
    }
}

/// A catalogue rule by its position in [`RULES`]. Rules name the rule they
/// emit with [`id!`](crate::review::id), which finds the position at compile
/// time: a misspelt id does not compile, and a finding's rule is looked up
/// without comparing strings (the review emits hundreds of thousands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RuleId(u16);

impl RuleId {
    /// The rule of this id; a compile error (in `const`) when there is none.
    pub(crate) const fn of(id: &str) -> RuleId {
        match RuleId::find(id) {
            Some(r) => r,
            None => panic!("not a rule of the catalogue"),
        }
    }

    /// The rule of this id, if it is in the catalogue.
    pub(crate) const fn find(id: &str) -> Option<RuleId> {
        let mut rest = CATALOGUE;
        let mut k = 0;
        while let [first, tail @ ..] = rest {
            if same(first.id.as_bytes(), id.as_bytes()) {
                return Some(RuleId(k));
            }
            rest = tail;
            k += 1;
        }
        None
    }

    /// Its position in [`RULES`].
    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Its stable id.
    pub(crate) fn id(self) -> &'static str {
        RULES.get(self.index()).map_or("", |r| r.id)
    }
}

/// Byte equality, usable in `const`.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a, b);
    while let ([x, xs @ ..], [y, ys @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        a = xs;
        b = ys;
    }
    true
}

/// `id!("rule-id")`: the [`RuleId`] of a catalogue rule, found at compile time.
macro_rules! id {
    ($id:expr) => {
        const { $crate::review::catalogue::RuleId::of($id) }
    };
}
pub(crate) use id;

/// Look a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RuleId::find(id).and_then(|r| RULES.get(r.index()))
}

#[cfg(test)]
mod tests {
    use super::{RuleId, RULES};

    #[test]
    fn every_rule_is_found_at_its_own_position() {
        for (k, r) in RULES.iter().enumerate() {
            let id = RuleId::find(r.id).expect(r.id);
            assert_eq!((id.index(), id.id()), (k, r.id));
        }
        assert_eq!(RuleId::find("sum-mismatch"), None);
        assert_eq!(RuleId::find("sum-mismatch.row.x"), None);
        assert_eq!(RuleId::find(""), None);
        assert_eq!(super::id!("goal-duplicate").id(), "goal-duplicate");
    }
}
