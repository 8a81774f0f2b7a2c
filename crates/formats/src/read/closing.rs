//! The labels of the lines that close a table or a form under its rows:
//! remarks, review opinions and signatures (`注：…`, `其他需要说明的问题 |
//! 无`, `主管部门审核意见 | 同意申报`, `填报人：张三  审核人：李四`,
//! `制表人：王五`). One list for every reader (rows, forms, PDF text).
//!
//! A label is compared whole, up to its colon (or, for `填报人 张三`, up to
//! the space after it): a project named 审核人员业务培训经费, 联系电话费补助
//! or 制表打印耗材购置, or an indicator named 说明书印制数量, closes nothing.

use super::header::normalize;

/// Whether `text` (a cell, or a line's first run of text) starts with a
/// closing label.
pub(crate) fn is_closing_label(text: &str) -> bool {
    let head = text.split(['：', ':']).next().unwrap_or(text);
    let is = |label: &str| {
        let n = normalize(label);
        LABELS.contains(&n.as_str())
            || (OPINIONS.iter().any(|w| n.ends_with(w)) && n.chars().count() <= 16)
    };
    is(head)
        || head
            .split_whitespace()
            .next()
            .is_some_and(|w| w != head.trim() && is(w))
}

/// Labels as [`normalize`] leaves them (no whitespace, ASCII `()`).
const LABELS: [&str; 30] = [
    "其他需要说明的问题",
    "其他需说明的问题",
    "其他需要说明的事项",
    "其他说明",
    "其他说明事项",
    "需要说明的问题",
    "说明",
    "备注",
    "注",
    "填报人",
    "填表人",
    "审核人",
    "联系人",
    "联系电话",
    "填报日期",
    "填表日期",
    "负责人",
    "单位负责人",
    "部门负责人",
    "项目负责人",
    "财务负责人",
    "分管领导",
    "制表",
    "制表人",
    "制表日期",
    "盖章",
    "单位盖章",
    "单位(盖章)",
    "(盖章)",
    "填报单位(盖章)",
];

/// A review opinion's label ends so (`主管部门审核意见`, `财政部门批复意见`).
const OPINIONS: [&str; 3] = ["审核意见", "审批意见", "批复意见"];

#[cfg(test)]
mod tests {
    use super::is_closing_label;

    #[test]
    fn labels_close_and_names_starting_alike_do_not() {
        for t in [
            "注：1.本表金额单位为万元",
            "注:",
            "说明：本表由系统生成",
            "填报人：张三",
            "填报人 张三",
            "制表人：王五",
            "制表：",
            "单位负责人：赵六",
            "其他需要说明的问题",
            "主管部门审核意见",
            "主管部门及财政部门审核意见：同意",
            "单位（盖章）：",
            "备注",
        ] {
            assert!(is_closing_label(t), "{t}");
        }
        for t in [
            "审核人员业务培训经费",
            "联系电话费补助",
            "制表打印耗材购置",
            "说明书印制数量",
            "填报人员培训经费",
            "负责人培训",
            "关于某某县农村饮水安全巩固提升工程项目的绩效目标审核意见",
            "",
        ] {
            assert!(!is_closing_label(t), "{t}");
        }
    }
}
