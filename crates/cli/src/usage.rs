//! Mistakes on the command line, said in Chinese unless `--lang en` was
//! given: clap's own words are English only, and a budget officer who
//! mistypes `--deny 错误` should be told in the language of the rest of the
//! tool.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};
use std::error::Error as _;

/// Whether the command line asks for English (`--lang en`, `--lang=en`),
/// read from the raw arguments: the parse that would say so has failed.
fn english() -> bool {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--lang=en" || (a == "--lang" && args.get(i + 1).is_some_and(|v| v == "en"))
    })
}

/// Print `e` in the language asked for and end the process: help and the
/// version as clap prints them (exit 0), a mistake with exit code 2.
pub fn exit(e: Error) -> ! {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) || english()
    {
        e.exit()
    }
    eprintln!("错误：{}", chinese(&e));
    if let Some(usage) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        eprintln!("\n用法：{usage}");
    }
    eprintln!("\n更多信息请运行 jixiao --help（或 jixiao 子命令 --help）。");
    std::process::exit(2)
}

fn one(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The mistake in Chinese; kinds with no wording of their own keep clap's
/// first line after a Chinese lead.
fn chinese(e: &Error) -> String {
    let arg = one(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = one(e, ContextKind::InvalidValue).unwrap_or_default();
    let suggested = one(e, ContextKind::SuggestedSubcommand)
        .or_else(|| one(e, ContextKind::SuggestedArg))
        .or_else(|| one(e, ContextKind::SuggestedValue))
        .map(|s| format!("（是否要用「{s}」？）"))
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("选项「{arg}」缺少值"),
        ErrorKind::InvalidValue => {
            let valid = one(e, ContextKind::ValidValue)
                .map(|v| format!("；可选的值：{v}"))
                .unwrap_or_default();
            format!("选项「{arg}」的值「{value}」无效{valid}{suggested}")
        }
        ErrorKind::UnknownArgument => format!("无法识别的选项「{arg}」{suggested}"),
        ErrorKind::InvalidSubcommand => {
            let name = one(e, ContextKind::InvalidSubcommand).unwrap_or(arg);
            format!(
                "无法识别的子命令「{name}」{suggested}；可用的子命令：show、convert、check、gen"
            )
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => {
            "缺少子命令；可用的子命令：show（显示）、convert（转换）、check（审核）、gen（生成）"
                .to_string()
        }
        ErrorKind::ArgumentConflict => {
            let other = one(e, ContextKind::PriorArg).unwrap_or_default();
            format!("选项「{arg}」不能与「{other}」同时使用")
        }
        ErrorKind::ValueValidation => {
            let why = e.source().map(|s| format!("（{s}）")).unwrap_or_default();
            format!("选项「{arg}」的值「{value}」无效{why}")
        }
        ErrorKind::TooManyValues => format!("选项「{arg}」的值「{value}」多余"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("选项「{arg}」的值的个数不对")
        }
        ErrorKind::NoEquals => format!("选项「{arg}」须用「=」给出值"),
        ErrorKind::InvalidUtf8 => "命令行参数不是有效的 UTF-8 文本".to_string(),
        _ => {
            let text = e.render().to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error:")
                .trim();
            format!("命令行参数有误：{first}")
        }
    }
}
