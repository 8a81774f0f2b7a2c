//! `--profile FILE.toml`: a review profile (see docs/rules.md, profiles/).

use jixiao_core::review::{self, Profile};
use jixiao_core::Text;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// Why a profile cannot be used: the message, and the (line, column) of its
/// first problem when one is known (for a report's `errors[].location`).
pub struct Refused {
    pub text: Text,
    pub at: Option<(u32, u32)>,
}

/// Read and validate a TOML profile. The error names the file and (from
/// [`parse`]) each problem on a line of its own, in both languages.
pub fn load(path: &Path) -> Result<Profile, Refused> {
    load_text(path).map_err(|(text, at)| Refused { text, at })
}

fn load_text(path: &Path) -> Result<Profile, (Text, Option<(u32, u32)>)> {
    let file = path.display();
    let cannot = |why: Text| {
        (
            Text::new(
                format!("无法读取配置 {file}：{}", why.zh),
                format!("cannot read the profile {file}: {}", why.en),
            ),
            None,
        )
    };
    let bytes = std::fs::read(path).map_err(|e| cannot(jixiao_formats::io_text(&e)))?;
    // NUL bytes are valid UTF-8, but no profile holds one: UTF-16 (with or
    // without a byte-order mark) or binary content.
    if bytes.contains(&0) {
        return Err(cannot(not_utf8(&bytes)));
    }
    let text = String::from_utf8(bytes).map_err(|e| cannot(not_utf8(e.as_bytes())))?;
    parse_at(&text).map_err(|(problems, at)| {
        let (zh, en) = if problems.zh.contains('\n') {
            (
                format!(
                    "配置 {file} 有误：\n  {}",
                    problems.zh.replace('\n', "\n  ")
                ),
                format!(
                    "invalid profile {file}:\n  {}",
                    problems.en.replace('\n', "\n  ")
                ),
            )
        } else {
            (
                format!("配置 {file} 有误：{}", problems.zh),
                format!("invalid profile {file}: {}", problems.en),
            )
        };
        (Text::new(zh, en), at)
    })
}

/// Whether `bytes` are UTF-16 text: a byte-order mark, or none but the NUL
/// bytes of ASCII characters all at odd offsets (little-endian) or all at
/// even ones (big-endian); then whole code units that decode, none of them
/// NUL.
fn is_utf16(bytes: &[u8]) -> bool {
    let (little, units) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => {
            let at = |odd: usize| {
                bytes
                    .iter()
                    .skip(odd)
                    .step_by(2)
                    .filter(|b| **b == 0)
                    .count()
            };
            let (even, odd) = (at(0), at(1));
            match (even, odd) {
                (0, n) if n > 0 => (true, bytes),
                (n, 0) if n > 0 => (false, bytes),
                _ => return false,
            }
        }
    };
    units.len() % 2 == 0
        && char::decode_utf16(units.chunks_exact(2).map(|u| {
            let pair = [u[0], u[1]];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        }))
        .all(|c| c.is_ok_and(|c| c != '\0'))
}

/// Why `bytes` (not UTF-8) cannot be a profile, and what to do: a binary
/// file is no text at all; UTF-16 or another encoding (GBK, as Notepad and
/// Excel save by default on a Chinese Windows) is to be saved as UTF-8, the
/// first byte that is not UTF-8 named by line and column.
fn not_utf8(bytes: &[u8]) -> Text {
    const SAVE_ZH: &str = "请将文件另存为 UTF-8 编码（如记事本“另存为”时编码选 UTF-8）";
    const SAVE_EN: &str = "save the file as UTF-8 (in Notepad: Save As, encoding UTF-8)";
    if is_utf16(bytes) {
        return Text::new(
            format!("文件是 UTF-16 编码，{SAVE_ZH}"),
            format!("the file is in UTF-16: {SAVE_EN}"),
        );
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        return Text::new(
            "不是文本文件（含二进制内容）；配置应为 UTF-8 编码的 TOML 文本，见 profiles/national.toml",
            "not a text file (it holds binary content); a profile is TOML text in UTF-8, as profiles/national.toml",
        );
    }
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let before = std::str::from_utf8(bytes.get(..valid).unwrap_or_default()).unwrap_or_default();
    let (n, c) = super::line_col(before, before.len());
    Text::new(
        format!("第{n}行第{c}列起不是 UTF-8 编码（可能是 GBK），{SAVE_ZH}"),
        format!("line {n}, column {c}: not UTF-8 from here (GBK, perhaps): {SAVE_EN}"),
    )
}

/// Parse and validate a TOML profile. Every problem names its line and
/// column, in Chinese and in English, and says what to write instead;
/// several problems are one per line.
#[cfg(test)]
pub fn parse(text: &str) -> Result<Profile, Text> {
    parse_at(text).map_err(|(problems, _)| problems)
}

/// [`parse`], and the (line, column) of the first problem when one is known.
fn parse_at(text: &str) -> Result<Profile, (Text, Option<(u32, u32)>)> {
    // Byte-order marks (an editor may write two, saving a file twice) are
    // no part of the first key; columns are counted after them.
    let text = text.trim_start_matches('\u{feff}');
    let place = |at: usize| {
        let (n, c) = super::line_col(text, at);
        (
            u32::try_from(n).unwrap_or(u32::MAX),
            u32::try_from(c).unwrap_or(u32::MAX),
        )
    };
    // TOML syntax and duplicate keys first, then the keys each table takes,
    // then the values (serde, through the profile's own deserializers), then
    // their ranges and the rule ids.
    let doc =
        DeTable::parse(text).map_err(|e| (syntax(text, &e), e.span().map(|sp| place(sp.start))))?;
    let mut wrong = Vec::new();
    check_keys(doc.get_ref(), &mut Vec::new(), &mut wrong);
    let mut said: Vec<(usize, Text)> = wrong
        .into_iter()
        .map(|(at, m)| (at, at_place(&located(text, at, None), &m)))
        .collect();
    // A wrong key's line is left out and the values read on, so that every
    // mistake is said at once; a wrong table stops here (its keys would be
    // read as the table's above).
    let mut rest = text.to_string();
    for (at, _) in &said {
        let (start, end) = line_around(text, *at);
        if text[start..end].trim_start().starts_with('[') {
            said.sort_by_key(|(at, _)| *at);
            let first = said.first().map(|(at, _)| place(*at));
            let said: Vec<Text> = said.into_iter().map(|(_, t)| t).collect();
            return Err((Text::lines(&said), first));
        }
        rest.replace_range(start..end, &" ".repeat(end - start));
    }
    // Values serde refuses, then the ranges of those it took: all at once,
    // in the order of the file.
    let (profile, more) = deserialize_all(text, rest, doc.get_ref());
    said.extend(more);
    if let Some(profile) = &profile {
        let keys = key_offsets(text);
        for p in profile.problems() {
            // A problem of a key left at its default (`percent_min` against a
            // `percent_max = 0`) is put at a key of the same table that is
            // written.
            let table = p.key.split('.').next().unwrap_or("");
            let written = keys.get(&p.key).or_else(|| {
                keys.iter()
                    .filter(|(k, _)| k.split('.').next() == Some(table))
                    .map(|(_, at)| at)
                    .min()
            });
            said.push(match written {
                Some(&at) => (at, at_place(&located(text, at, None), &p.message)),
                None => (usize::MAX, p.message.clone()),
            });
        }
    }
    match profile {
        Some(profile) if said.is_empty() => Ok(profile),
        _ => {
            said.sort_by_key(|(at, _)| *at);
            let first = said
                .first()
                .filter(|(at, _)| *at != usize::MAX)
                .map(|(at, _)| place(*at));
            let said: Vec<Text> = said.into_iter().map(|(_, t)| t).collect();
            Err((Text::lines(&said), first))
        }
    }
}

/// The profile read with every value serde refuses left out, and those
/// values said (with their byte offsets). serde stops at the first; each
/// refused value's line is then blanked (line numbers stay) and the text read
/// again, so that a profile with several mistakes is told all of them at
/// once. `None` when what is left still does not read (a refused table).
fn deserialize_all(
    text: &str,
    mut current: String,
    doc: &DeTable<'_>,
) -> (Option<Profile>, Vec<(usize, Text)>) {
    let mut said = Vec::new();
    // Each round blanks one more line: at most one round per line.
    for _ in 0..=text.lines().count() {
        let e = match toml::from_str::<Profile>(&current) {
            Ok(profile) => return (Some(profile), said),
            Err(e) => e,
        };
        let at = e.span().map_or(usize::MAX, |s| s.start);
        said.push((at, describe(text, doc, &e)));
        let Some(span) = e.span() else { break };
        let (start, end) = line_around(&current, span.start);
        let line = &current[start..end];
        // Only a `key = value` line can go; a refused table stops here.
        if line.trim_start().starts_with('[') || line.trim().is_empty() {
            break;
        }
        current.replace_range(start..end, &" ".repeat(end - start));
    }
    (None, said)
}

/// The byte range of the line of `text` that holds byte `at` (without its
/// line end).
fn line_around(text: &str, at: usize) -> (usize, usize) {
    let from = at.min(text.len());
    let start = text[..from].rfind('\n').map_or(0, |i| i + 1);
    let end = text[from..].find('\n').map_or(text.len(), |i| from + i);
    (start, end)
}

/// `第2行第5列 KEY` / `line 2, column 5, KEY` for byte `at` of `text`.
fn located(text: &str, at: usize, key: Option<&str>) -> Text {
    let (n, c) = super::line_col(text, at);
    match key {
        Some(k) => Text::new(
            format!("第{n}行第{c}列 {k}"),
            format!("line {n}, column {c}, {k}"),
        ),
        None => Text::new(format!("第{n}行第{c}列"), format!("line {n}, column {c}")),
    }
}

/// `PLACE: MESSAGE` in each language.
fn at_place(place: &Text, message: &Text) -> Text {
    Text::new(
        format!("{}: {}", place.zh, message.zh),
        format!("{}: {}", place.en, message.en),
    )
}

/// Keys the profile has no place for, and tables written as plain values:
/// (byte offset of the key, message), for every table under `path`.
fn check_keys<'a>(table: &'a DeTable<'a>, path: &mut Vec<&'a str>, out: &mut Vec<(usize, Text)>) {
    for (key, value) in table.iter() {
        let name: &str = key.get_ref();
        if let Some(m) = review::profile::unknown_key(path, name) {
            out.push((key.span().start, m));
            continue;
        }
        path.push(name);
        if review::profile::table_keys(path).is_some() {
            match value.get_ref().as_table() {
                Some(inner) => check_keys(inner, path, out),
                None if path.len() == 2
                    && review::profile::top_level_misplaced(&path[..1], name).is_some() =>
                {
                    // `[rules]` then `notices = false`: no rule, a misplaced key.
                    if let Some(m) = review::profile::top_level_misplaced(&path[..1], name) {
                        out.push((key.span().start, m));
                    }
                }
                None => {
                    let t = path.join(".");
                    let (zh, en) = written(value.get_ref());
                    out.push((
                        key.span().start,
                        Text::new(
                            format!("{t} 应为一节表，写成 [{t}] 下的若干行，不能是{zh}"),
                            format!("{t} should be a table, a [{t}] section of its own, not {en}"),
                        ),
                    ));
                }
            }
        }
        path.pop();
    }
}

/// What a TOML value is, for a message (Chinese after 不能是, English after "not").
fn written(v: &DeValue<'_>) -> (String, String) {
    match v {
        DeValue::String(s) => (format!("字符串 \"{s}\""), format!("the string \"{s}\"")),
        DeValue::Integer(i) => (
            format!(" {}", i.as_str()),
            format!("the number {}", i.as_str()),
        ),
        DeValue::Float(f) => (
            format!(" {}", f.as_str()),
            format!("the number {}", f.as_str()),
        ),
        DeValue::Boolean(b) => (format!(" {b}"), format!("the boolean {b}")),
        DeValue::Datetime(_) => ("日期".into(), "a date".into()),
        DeValue::Array(_) => ("数组".into(), "an array".into()),
        DeValue::Table(_) => ("表".into(), "a table".into()),
    }
}

/// A value serde refused: `第3行第20列 thresholds.satisfaction_min: …`.
/// The profile's deserializers say what is wrong in Chinese and English
/// (packed in one string, [`Text::pack`]); a message of serde or toml's own
/// (English only) is marked as such.
fn describe(text: &str, doc: &DeTable<'_>, e: &toml::de::Error) -> Text {
    let message = e.message();
    let written = e.span().and_then(|s| text.get(s)).unwrap_or("").trim();
    let message = Text::unpack(message).unwrap_or_else(|| match message {
        // An integer beyond 128 bits, as the profile's deserializers say
        // one beyond what a threshold holds.
        "integer number overflowed" | "floating-point number overflowed"
            if written.starts_with('-') =>
        {
            Text::new(
                format!("数值过小：{written}"),
                format!("too small: {written}"),
            )
        }
        "integer number overflowed" | "floating-point number overflowed" => Text::new(
            format!("数值过大：{written}"),
            format!("too large: {written}"),
        ),
        _ => Text::new(
            format!("值无法使用：{message}"),
            format!("unusable value: {message}"),
        ),
    });
    let Some(span) = e.span() else {
        return message;
    };
    let mut path = Vec::new();
    let key = key_path(doc, span.start, &mut path).then(|| path.join("."));
    at_place(&located(text, span.start, key.as_deref()), &message)
}

/// The dotted key (`thresholds.satisfaction_min`) whose key or value holds
/// byte `at`, into `path`; whether there is one. (A `[table]`'s own span is
/// its header only, so tables are searched whatever their span.)
fn key_path<'a>(table: &'a DeTable<'a>, at: usize, path: &mut Vec<&'a str>) -> bool {
    for (key, value) in table.iter() {
        path.push(key.get_ref());
        if let Some(inner) = value.get_ref().as_table() {
            if key_path(inner, at, path) {
                return true;
            }
        }
        if key.span().contains(&at) || value.span().contains(&at) {
            return true;
        }
        path.pop();
    }
    false
}

/// A TOML syntax error or duplicate key, translated: where, what (in
/// Chinese; in English toml's own words) and what to do.
fn syntax(text: &str, e: &toml::de::Error) -> Text {
    let message = e.message();
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let Some(span) = e.span() else {
        return Text::new(
            format!("TOML 格式有误：{message}"),
            format!("TOML syntax error: {message}"),
        );
    };
    if what == "duplicate key" {
        return duplicate(text, span);
    }
    let (zh, todo_zh, todo_en) = SYNTAX
        .iter()
        .find(|(en, ..)| *en == what)
        .map(|&(_, zh, tz, te)| (zh, tz, te))
        .unwrap_or((
            "TOML 格式有误",
            "请对照 TOML 写法修改此处",
            "fix the TOML here",
        ));
    // toml's expectations (`"`, `literal string`) are for the English part.
    let expected_en = match expected {
        Some(x) if x != "nothing" => format!(", expected {x}"),
        _ => String::new(),
    };
    let (n, _) = super::line_col(text, span.start);
    let line = text.lines().nth(n - 1).unwrap_or("");
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && !k.starts_with('[') && !k.starts_with('#'));
    at_place(
        &located(text, span.start, key),
        &Text::new(
            format!("{zh}，{todo_zh}"),
            format!("TOML syntax error: {what}{expected_en}; {todo_en}"),
        ),
    )
}

/// A key written twice (`span`: the second), with the line of the first.
fn duplicate(text: &str, span: std::ops::Range<usize>) -> Text {
    let written = text.get(span.clone()).unwrap_or("").trim();
    let name = written.trim_matches(|c| c == '"' || c == '\'');
    // The first one: the last key of that name in the text before the
    // second, as far as toml can read it.
    let (doc, _) = DeTable::parse_recoverable(text.get(..span.start).unwrap_or(""));
    let mut first = None;
    earlier_key(doc.get_ref(), name, span.start, &mut first);
    let (zh_first, en_first) = match first {
        Some(at) => {
            let n = super::line_col(text, at).0;
            (format!("第{n}行已有"), format!("already on line {n}"))
        }
        None => ("前面已有".to_string(), "already set above".to_string()),
    };
    at_place(
        &located(text, span.start, Some(name)),
        &Text::new(
            format!("重复的键「{name}」，{zh_first}，请删去或合并其中一处"),
            format!("duplicate key `{name}`, {en_first}: remove or merge one of them"),
        ),
    )
}

/// The offset of the last key called `name` before byte `before`, anywhere
/// in `table`, into `found`.
fn earlier_key(table: &DeTable<'_>, name: &str, before: usize, found: &mut Option<usize>) {
    for (key, value) in table.iter() {
        let at = key.span().start;
        let k: &str = key.get_ref();
        if k == name && at < before && found.is_none_or(|f| f < at) {
            *found = Some(at);
        }
        if let Some(inner) = value.get_ref().as_table() {
            earlier_key(inner, name, before, found);
        }
    }
}

/// toml's syntax error descriptions a profile's author is likely to meet:
/// (toml's words, 中文, 怎么改, what to do).
#[rustfmt::skip]
const SYNTAX: &[(&str, &str, &str, &str)] = &[
    ("invalid basic string", "字符串缺少结尾的引号", "请补上引号", "add the closing quote"),
    ("invalid multi-line basic string", "多行字符串缺少结尾的三引号", "请补上 \"\"\"", "add the closing \"\"\""),
    ("invalid string", "字符串无法识别", "请检查引号", "check the quotes"),
    ("missing opening quote", "字符串缺少开头的引号", "请补上引号", "add the opening quote"),
    ("string values must be quoted", "值无法识别", "文字须加引号（如 name = \"sichuan\"），数字直接写，不带单位或 %", "quote text (name = \"sichuan\"); write numbers bare, without a unit or %"),
    ("extra `=`", "多了一个 =", "请删去多余的 =", "remove the extra ="),
    ("extra assignment between key-value pairs", "多了一个 =", "请删去多余的 =", "remove the extra ="),
    ("missing assignment between key-value pairs", "键和值之间缺少 =", "请写成 键 = 值", "write key = value"),
    ("missing value", "= 后面缺少值", "请在 = 后写上值", "write a value after ="),
    ("missing value for key", "= 后面缺少值", "请在 = 后写上值", "write a value after ="),
    ("key with no value", "键后面缺少 = 和值", "请写成 键 = 值", "write key = value"),
    ("invalid value", "值无法识别", "数字直接写，文字加引号，开关写 true 或 false", "write numbers bare, text in quotes, switches as true or false"),
    ("invalid integer number", "整数无法识别", "请只写数字", "write digits only"),
    ("invalid float", "小数无法识别", "请写成 0.3 的样子", "write it like 0.3"),
    ("invalid boolean", "开关值无法识别", "请写 true 或 false（小写）", "write true or false, in lower case"),
    ("unexpected leading zero", "数字不能以 0 开头", "请去掉开头的 0", "remove the leading zero"),
    ("`_` may only go between digits", "_ 只能写在两个数字之间", "请删去多余的 _", "remove the stray _"),
    ("invalid unquoted key", "键中含有不允许的字符", "键只能含字母、数字、- 和 _，请改正或给键加引号", "a bare key takes letters, digits, - and _ only: fix it or quote the key"),
    ("unquoted keys cannot be empty", "缺少键名", "请在 = 前写上键", "write the key before ="),
    ("unclosed table", "表头缺少 ]", "请写成 [thresholds] 的样子", "write it like [thresholds]"),
    ("unclosed array table", "表头缺少 ]]", "请补上 ]]", "add the closing ]]"),
    ("missing table open", "表头缺少 [", "请写成 [thresholds] 的样子", "write it like [thresholds]"),
    ("unclosed array", "数组缺少 ]", "请补上 ]", "add the closing ]"),
    ("unclosed inline table", "行内表缺少 }", "请补上 }", "add the closing }"),
    ("missing comma between key-value pairs", "行内表的两项之间缺少逗号", "请补上逗号", "add the comma"),
    ("missing comma between array elements", "数组元素之间缺少逗号", "请补上逗号", "add the comma"),
    ("extra comma in inline table", "行内表多了一个逗号", "请删去多余的逗号", "remove the extra comma"),
    ("extra comma in array", "数组多了一个逗号", "请删去多余的逗号", "remove the extra comma"),
    ("unexpected key or value", "多出的内容", "一行只写一个 键 = 值", "write one key = value per line"),
    ("unexpected content", "多出的内容", "一行只写一个 键 = 值，注释以 # 开头", "write one key = value per line; comments start with #"),
    ("unexpected content between comment and newline", "注释中含有不允许的字符", "请删去该字符", "remove the character"),
    ("invalid comment character", "注释中含有不允许的字符", "请删去该字符", "remove the character"),
];

/// The offsets of the `rules.ID` and `thresholds.NAME` keys of a profile.
fn key_offsets(text: &str) -> std::collections::HashMap<String, usize> {
    type Keys = std::collections::BTreeMap<toml::Spanned<String>, serde::de::IgnoredAny>;
    #[derive(serde::Deserialize)]
    struct Located {
        #[serde(default)]
        rules: Keys,
        #[serde(default)]
        thresholds: Keys,
    }
    let mut out = std::collections::HashMap::new();
    if let Ok(located) = toml::from_str::<Located>(text) {
        for (table, keys) in [("rules", located.rules), ("thresholds", located.thresholds)] {
            for key in keys.keys() {
                out.insert(format!("{table}.{}", key.get_ref()), key.span().start);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_core::review::Severity;

    fn shipped(name: &str) -> String {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../profiles")
            .join(name);
        std::fs::read_to_string(p).unwrap()
    }

    #[test]
    fn national_profile_file_equals_the_builtin_default() {
        let p = parse(&shipped("national.toml")).unwrap();
        assert_eq!(p, Profile::national());
    }

    #[test]
    fn sichuan_profile_requires_cost() {
        let p = parse(&shipped("sichuan.toml")).unwrap();
        assert_eq!(p.name, "sichuan");
        assert!(p.thresholds.require_cost);
        assert_ne!(p.thresholds, Profile::national().thresholds);
        assert_eq!(
            p.severity("missing-cost", Severity::Info),
            Severity::Warning
        );
    }

    #[test]
    fn empty_profile_is_national_and_unknown_keys_fail() {
        assert_eq!(parse("").unwrap(), Profile::national());
        assert!(parse("[thresholds]\nno_such = 1\n").is_err());
        assert!(parse("[rules.no-such-rule]\nenabled = false\n").is_err());
        let p =
            parse("[thresholds]\nsatisfaction_min = 90\nqualitative_share_max = 0.3\n").unwrap();
        assert_eq!(p.thresholds.satisfaction_min.to_string(), "90");
        assert_eq!(p.thresholds.qualitative_share_max.to_string(), "0.3");
    }

    /// The error of a profile in Chinese (`.zh`) and English (`.en`).
    fn error(text: &str) -> Text {
        let e = parse(text).unwrap_err();
        // Each language stands alone: no English in the Chinese text, no
        // Chinese in the English one beyond what the profile itself says.
        assert!(!e.zh.contains(" (line "), "{}", e.zh);
        assert!(!e.en.contains("第"), "{}", e.en);
        e
    }

    #[test]
    fn a_quoted_or_mistyped_threshold_is_refused_naming_key_line_and_type() {
        let e = error("name = \"x\"\n[thresholds]\nsatisfaction_min = \"85\"\n");
        assert!(
            e.zh.starts_with("第3行第20列 thresholds.satisfaction_min: 应为数字，不能是字符串 \"85\"，请去掉引号"),
            "{}",
            e.zh
        );
        assert_eq!(
            e.en,
            "line 3, column 20, thresholds.satisfaction_min: expected a number, not the string \"85\": remove the quotes"
        );
        let e = error("[thresholds]\ntoo_few_indicators_count = \"3\"\n");
        assert!(
            e.en.contains("too_few_indicators_count") && e.en.contains("whole number"),
            "{}",
            e.en
        );
        assert!(e.zh.contains("应为整数"), "{}", e.zh);
        let e = error("[thresholds]\nrequire_cost = \"true\"\n");
        assert!(
            e.en.contains("require_cost") && e.en.contains("true or false"),
            "{}",
            e.en
        );
        let e = error("[thresholds]\nsatisfaction_min = true\n");
        assert!(e.en.contains("expected a number"), "{}", e.en);
        assert!(e.zh.contains("应为数字"), "{}", e.zh);
    }

    #[test]
    fn thresholds_out_of_range_are_refused_with_their_line() {
        let e = error("[thresholds]\nsatisfaction_min = 150\n");
        assert_eq!(
            e.zh,
            "第2行第1列: satisfaction_min 应在 0–100% 之间，不能是 150"
        );
        assert_eq!(
            e.en,
            "line 2, column 1: satisfaction_min must lie in 0–100%, not 150"
        );
        // Several problems: one per line, in the order of the file.
        let e = error("[thresholds]\npercent_min = -5\npercent_max = 1000\n");
        let zh: Vec<&str> = e.zh.lines().collect();
        assert_eq!(zh.len(), 2, "{}", e.zh);
        assert!(zh[0].starts_with("第2行第1列: percent_min"), "{}", e.zh);
        assert!(zh[1].starts_with("第3行第1列: percent_max"), "{}", e.zh);
        let en: Vec<&str> = e.en.lines().collect();
        assert_eq!(en.len(), 2, "{}", e.en);
        assert!(
            en[0].starts_with("line 2, column 1: percent_min"),
            "{}",
            e.en
        );
        assert!(
            en[1].starts_with("line 3, column 1: percent_max"),
            "{}",
            e.en
        );
        let e = error("[thresholds]\ntoo_few_indicators_count = -1\n");
        assert!(
            e.zh.starts_with("第2行第28列 thresholds.too_few_indicators_count: 应为非负整数"),
            "{}",
            e.zh
        );
        assert!(e.en.contains("from 0 up"), "{}", e.en);
        let e = error("[thresholds]\nunit_cost_outlier_z = 0\ntoo_few_indicators_amount = -1\n");
        assert!(
            e.en.contains("unit_cost_outlier_z") && e.en.contains("too_few_indicators_amount"),
            "{}",
            e.en
        );
        assert_eq!(e.en.lines().count(), 2, "{}", e.en);
        assert!(parse("[thresholds]\nsatisfaction_min = 100\npercent_min = 0\n").is_ok());
    }

    #[test]
    fn unknown_keys_and_wrong_values_are_said_together() {
        let e = error("[thresholds]\nsatisfaction_min = 0.9\nsatisfaction_min2 = 1\n[rules.missing-cost]\nenabled = 1\n");
        let zh: Vec<&str> = e.zh.lines().collect();
        assert_eq!(zh.len(), 3, "{}", e.zh);
        assert!(
            zh[0].starts_with("第2行第1列: satisfaction_min 以百分数计"),
            "{}",
            e.zh
        );
        assert!(zh[1].contains("satisfaction_min2"), "{}", e.zh);
        assert!(
            zh[2].starts_with("第5行第11列 rules.missing-cost.enabled"),
            "{}",
            e.zh
        );
    }

    #[test]
    fn every_refused_value_and_range_is_said_at_once() {
        // Two values serde refuses and one out of range: three lines, in the
        // order of the file (serde alone stops at the first).
        let e = error(
            "[rules.missing-cost]\nseverity = \"warn\"\n[thresholds]\nsatisfaction_min = 0.9\nunit_cost_min_group = 2.5\n",
        );
        let zh: Vec<&str> = e.zh.lines().collect();
        assert_eq!(zh.len(), 3, "{}", e.zh);
        assert!(
            zh[0].starts_with("第2行第12列 rules.missing-cost.severity: 未知级别「warn」"),
            "{}",
            e.zh
        );
        assert!(
            zh[1].starts_with("第4行第1列: satisfaction_min 以百分数计"),
            "{}",
            e.zh
        );
        assert!(zh[1].contains("是否应为 90？"), "{}", e.zh);
        assert!(
            zh[2].starts_with("第5行第23列 thresholds.unit_cost_min_group: 应为整数"),
            "{}",
            e.zh
        );
        assert_eq!(e.en.lines().count(), 3, "{}", e.en);
        assert!(e.en.contains("did you mean 90?"), "{}", e.en);
        // 1.5 is no fraction; 0 is a floor of 0 %; a floor of 1 % means
        // nothing, so 1 is taken for a fraction (100 %).
        let e = error("[thresholds]\nsatisfaction_min = 1\n");
        assert_eq!(
            e.zh,
            "第2行第1列: satisfaction_min 以百分数计（90 即 90%），1 像是比例；是否应为 100？"
        );
        let e = error("[thresholds]\npercent_max = 0.95\n");
        assert_eq!(
            e.en,
            "line 2, column 1: percent_max is in per cent (90 means 90 %); 0.95 looks like a fraction: did you mean 95?"
        );
        let e = error("[thresholds]\npercent_min = 0.5\n");
        assert!(e.zh.contains("是否应为 50？"), "{}", e.zh);
        assert!(parse("[thresholds]\npercent_min = 1\npercent_max = 99\n").is_ok());
        assert!(parse("[thresholds]\nsatisfaction_min = 1.5\n").is_ok());
        assert!(parse("[thresholds]\nsatisfaction_min = 0\n").is_ok());
    }

    #[test]
    fn an_unknown_rule_id_names_its_line_and_the_nearest_known_id() {
        let e = error("name = \"x\"\n\n[rules.missing-satisfacton]\nenabled = false\n");
        assert_eq!(
            e.zh,
            "第3行第8列: 未知规则「missing-satisfacton」，是否应为「missing-satisfaction」？"
        );
        assert_eq!(
            e.en,
            "line 3, column 8: unknown rule id `missing-satisfacton`; did you mean `missing-satisfaction`?"
        );
        let e = error("[rules]\nzzzz = { enabled = false }\n");
        assert!(
            e.zh.starts_with("第2行第1列: ") && e.zh.contains("docs/rules.md"),
            "{}",
            e.zh
        );
        assert!(
            e.en.starts_with("line 2, column 1: ") && e.en.contains("docs/rules.md"),
            "{}",
            e.en
        );
    }

    #[test]
    fn notice_codes_can_be_switched_off_and_relevelled() {
        let p = parse(
            "[rules.whitespace-outside-item]\nenabled = false\n\
             [rules.no-projects]\nseverity = \"error\"\n",
        )
        .unwrap();
        assert!(!p.enabled("whitespace-outside-item"));
        assert_eq!(p.severity("no-projects", Severity::Info), Severity::Error);
        let e = error("[rules.whitespace-outside-itme]\nenabled = false\n");
        assert!(e.zh.contains("「whitespace-outside-item」"), "{}", e.zh);
        assert!(e.en.contains("`whitespace-outside-item`"), "{}", e.en);
    }

    #[test]
    fn an_unknown_key_names_its_line_the_nearest_key_and_the_valid_ones() {
        let e = error("name = \"x\"\n[thresholds]\nsatisfaction_mim = 85\n");
        assert!(e.zh.starts_with("第3行第1列: [thresholds] 中没有「satisfaction_mim」这一项，是否应为「satisfaction_min」？可用的键：too_few_indicators_count,"), "{}", e.zh);
        assert!(
            e.en.starts_with("line 3, column 1: unknown key `satisfaction_mim` in [thresholds]; did you mean `satisfaction_min`? valid keys: too_few_indicators_count,"),
            "{}",
            e.en
        );
        let e = error("[rules.missing-cost]\nenable = false\n");
        assert!(
            e.zh.contains("第2行第1列")
                && e.zh.contains("「enabled」")
                && e.zh.contains("enabled, severity"),
            "{}",
            e.zh
        );
        // Every unknown key at once, in the order of the file, one per line.
        let e = error("[thresholds]\nzzz = 1\n[rules.missing-cost]\nseveriti = \"info\"\n");
        let (first, second) = e.zh.split_once('\n').unwrap();
        assert!(
            first.starts_with("第2行第1列")
                && first.contains("「zzz」")
                && !first.contains("是否应为"),
            "{}",
            e.zh
        );
        assert!(
            second.starts_with("第4行第1列") && second.contains("「severity」"),
            "{}",
            e.zh
        );
        let (first, second) = e.en.split_once('\n').unwrap();
        assert!(
            first.starts_with("line 2, column 1: unknown key `zzz`"),
            "{}",
            e.en
        );
        assert!(
            second.starts_with("line 4, column 1: unknown key `severiti`")
                && second.contains("`severity`"),
            "{}",
            e.en
        );
    }

    #[test]
    fn an_unknown_top_level_key_or_table_is_named_with_the_nearest() {
        let e = error("name = \"x\"\nnotice = false\n");
        assert!(e.zh.starts_with("第2行第1列: 配置顶层没有「notice」这一项，是否应为「notices」？可用的键：name, rules, thresholds, notices"), "{}", e.zh);
        let e = error("[threshold]\nsatisfaction_min = 85\n");
        assert!(
            e.zh.starts_with("第1行第2列") && e.zh.contains("「thresholds」"),
            "{}",
            e.zh
        );
        assert!(
            e.en.starts_with("line 1, column 2: ") && e.en.contains("at the top level"),
            "{}",
            e.en
        );
        let e = error("thresholds = 5\n");
        assert!(e.zh.contains("thresholds 应为一节表"), "{}", e.zh);
        assert!(e.en.contains("not the number 5"), "{}", e.en);
        // A default's problem is put at the table's written key (ur17 M6).
        let e = error("[thresholds]\npercent_max = 0\n");
        assert!(e.zh.starts_with("第2行第1列"), "{}", e.zh);
        // A top-level key right under `[rules]` is misplaced, no rule (ur17 M5).
        let e = error("[rules]\nnotices = false\n");
        assert!(e.zh.contains("须写在第一个 [表] 之前"), "{}", e.zh);
        assert!(!e.zh.contains("应为一节表"), "{}", e.zh);
    }

    #[test]
    fn a_syntax_error_is_translated_with_line_column_and_what_to_do() {
        let e = error("name = \"x\n");
        assert_eq!(e.zh, "第1行第10列 name: 字符串缺少结尾的引号，请补上引号");
        assert_eq!(e.en, "line 1, column 10, name: TOML syntax error: invalid basic string, expected `\"`; add the closing quote");
        let e = error("[thresholds]\nsatisfaction_min = = 85\n");
        assert!(
            e.zh.starts_with("第2行第20列 satisfaction_min: 多了一个 =，请删去多余的 ="),
            "{}",
            e.zh
        );
        let e = error("[thresholds\n");
        assert!(e.zh.contains("表头缺少 ]"), "{}", e.zh);
        assert!(e.en.contains("unclosed table"), "{}", e.en);
        let e = error("[thresholds]\nsatisfaction_min = 85%\n");
        assert!(
            e.zh.starts_with("第2行第20列") && e.zh.contains("不带单位或 %"),
            "{}",
            e.zh
        );
    }

    #[test]
    fn a_wrong_type_outside_the_thresholds_is_said_in_chinese_and_english() {
        let e = error("notices = \"yes\"\n");
        assert_eq!(
            e.zh,
            "第1行第11列 notices: 应为 true 或 false，不能是字符串 \"yes\""
        );
        assert_eq!(
            e.en,
            "line 1, column 11, notices: expected true or false, not the string \"yes\""
        );
        let e = error("[rules.missing-cost]\nenabled = \"false\"\n");
        assert!(
            e.zh.contains("rules.missing-cost.enabled") && e.zh.contains("请去掉引号"),
            "{}",
            e.zh
        );
        let e = error("name = 5\n");
        assert!(e.zh.contains("应为加引号的文字"), "{}", e.zh);
        assert!(e.en.contains("not the number 5"), "{}", e.en);
        let e = error("[rules.missing-cost]\nseverity = \"warn\"\n");
        assert!(
            e.zh.contains("第2行第12列 rules.missing-cost.severity")
                && e.zh.contains("「warning」")
                && e.zh.contains("info, warning, error"),
            "{}",
            e.zh
        );
        let e = error("[thresholds]\nsatisfaction_min = [85]\n");
        assert!(e.zh.ends_with("应为数字，不能是数组"), "{}", e.zh);
        assert!(
            e.en.ends_with("expected a number, not an array"),
            "{}",
            e.en
        );
    }

    #[test]
    fn a_duplicate_key_or_table_names_both_lines() {
        let e = error("name = \"a\"\nname = \"b\"\n");
        assert_eq!(
            e.zh,
            "第2行第1列 name: 重复的键「name」，第1行已有，请删去或合并其中一处"
        );
        assert_eq!(
            e.en,
            "line 2, column 1, name: duplicate key `name`, already on line 1: remove or merge one of them"
        );
        let e = error("[thresholds]\nsatisfaction_min = 85\n\n[thresholds]\npercent_min = 1\n");
        assert!(
            e.zh.starts_with("第4行第2列 thresholds") && e.zh.contains("第1行已有"),
            "{}",
            e.zh
        );
        assert!(e.en.contains("already on line 1"), "{}", e.en);
    }

    /// Every number a threshold cannot hold is refused in the profile's own
    /// words (never serde's or rust_decimal's English), shown as written.
    #[test]
    fn every_numeric_threshold_refuses_numbers_it_cannot_hold_in_its_own_words() {
        let Some(review::profile::TableKeys::Fields(keys)) =
            review::profile::table_keys(&["thresholds"])
        else {
            panic!("thresholds is a table");
        };
        let numeric = keys.iter().filter(|k| **k != "require_cost");
        let mut n = 0;
        for key in numeric {
            n += 1;
            // (written, said): beyond a decimal (7.9e28) and a count alike.
            for (v, said) in [
                (
                    "10000000000000000000000000000000",
                    "数值过大：10000000000000000000000000000000",
                ),
                (
                    "170141183460469231731687303715884105728",
                    "数值过大：170141183460469231731687303715884105728",
                ),
                (
                    "-170141183460469231731687303715884105728",
                    "-170141183460469231731687303715884105728",
                ),
                (
                    "-170141183460469231731687303715884105729",
                    "数值过小：-170141183460469231731687303715884105729",
                ),
                (
                    "99999999999999999999999999999999999999999",
                    "数值过大：99999999999999999999999999999999999999999",
                ),
                ("1e300", "1e300"),
                ("1e-300", "1e-300"),
                (
                    "-10000000000000000000000000000000",
                    "-10000000000000000000000000000000",
                ),
                ("-1e300", "-1e300"),
                // Beyond f64: toml's own overflow (ur16 M3).
                ("1e309", "数值过大：1e309"),
                ("-1e309", "数值过小：-1e309"),
            ] {
                let en = &said
                    .replace("数值过大：", "too large: ")
                    .replace("数值过小：", "too small: ");
                let zh = said;
                let e = error(&format!("[thresholds]\n{key} = {v}\n"));
                assert!(e.zh.starts_with("第2行第"), "{key} = {v}: {}", e.zh);
                assert!(e.zh.contains(zh), "{key} = {v}: {}", e.zh);
                assert!(e.en.contains(en), "{key} = {v}: {}", e.en);
                for leak in [
                    "invalid type",
                    "无法使用：",
                    "unusable",
                    "expected a value",
                    "0.0000",
                ] {
                    assert!(
                        !e.zh.contains(leak) && !e.en.contains(leak),
                        "{key} = {v}: {}\n{}",
                        e.zh,
                        e.en
                    );
                }
            }
        }
        assert_eq!(n, 14);
    }

    /// Two byte-order marks are no part of the first key (ur16 C4).
    #[test]
    fn byte_order_marks_are_not_read_into_a_key() {
        let p = parse("\u{feff}\u{feff}name = \"x\"\n").unwrap();
        assert_eq!(p.name, "x");
    }

    #[test]
    fn a_number_is_shown_as_written_and_one_too_near_0_is_not_called_0() {
        let e = error("[thresholds]\ntoo_few_indicators_count = 3.0\n");
        assert_eq!(
            e.zh,
            "第2行第28列 thresholds.too_few_indicators_count: 应为整数，不能是 3.0，请写成 3"
        );
        assert_eq!(
            e.en,
            "line 2, column 28, thresholds.too_few_indicators_count: expected a whole number, not the number 3.0: write 3"
        );
        let e = error("[thresholds]\ntoo_few_indicators_count = 99999999999999999999\n");
        assert_eq!(
            e.zh,
            "第2行第28列 thresholds.too_few_indicators_count: 数值过大：99999999999999999999"
        );
        assert!(
            e.en.ends_with("too large: 99999999999999999999"),
            "{}",
            e.en
        );
        let e = error("[thresholds]\nunit_cost_min_group = 2.5\n");
        assert!(e.zh.ends_with("应为整数，不能是 2.5"), "{}", e.zh);
        let e = error("[thresholds]\nunit_cost_outlier_z = 1e-300\n");
        assert_eq!(
            e.zh,
            "第2行第23列 thresholds.unit_cost_outlier_z: 数值 1e-300 过于接近 0（小数位过多），无法使用"
        );
        assert_eq!(
            e.en,
            "line 2, column 23, thresholds.unit_cost_outlier_z: 1e-300 is too near 0 (too many decimal places) to use"
        );
        let e = error("[thresholds]\nsatisfaction_min = 1e30\n");
        assert!(e.zh.ends_with("数值过大：1e30"), "{}", e.zh);
        // A small number a decimal holds is taken.
        let p = parse("[thresholds]\ntoo_few_indicators_amount = 1e-20\n").unwrap();
        assert_eq!(
            p.thresholds.too_few_indicators_amount.to_string(),
            "0.00000000000000000001"
        );
    }

    #[test]
    fn a_severity_or_rule_id_in_capitals_or_chinese_is_refused_with_the_one_meant() {
        let e = error("[rules.missing-cost]\nseverity = \"ERROR\"\n");
        assert_eq!(
            e.zh,
            "第2行第12列 rules.missing-cost.severity: 未知级别「ERROR」，是否应为「error」？可用：info, warning, error"
        );
        let e = error("[rules.missing-cost]\nseverity = \"警告\"\n");
        assert!(e.zh.contains("是否应为「warning」？"), "{}", e.zh);
        assert!(e.en.contains("did you mean `warning`?"), "{}", e.en);
        let e = error("[rules.MISSING-COST]\nenabled = false\n");
        assert_eq!(
            e.zh,
            "第1行第8列: 未知规则「MISSING-COST」，是否应为「missing-cost」？"
        );
    }
}
