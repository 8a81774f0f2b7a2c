//! Canonical JSON (`jixiao.table/1`): the whole [`Table`] model, decimals as
//! strings so precision is exact (`"552.50"`), fields in model order.
//! Documented in `docs/json.md`.

use super::{io_error, WriteOptions};
use crate::error::{Error, Location, Result};
use jixiao_core::Table;
use jixiao_core::Text;
use serde::{Deserialize, Serialize};

/// The schema tag written first in every document.
pub const JSON_SCHEMA: &str = "jixiao.table/1";

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    schema: &'static str,
    #[serde(flatten)]
    table: &'a Table,
}

#[derive(Deserialize)]
struct Envelope {
    schema: String,
    #[serde(flatten)]
    table: Table,
}

/// Write `table` as canonical JSON (pretty unless `opts.json_pretty` is off), with a final newline.
pub fn write_json(table: &Table, opts: &WriteOptions, out: &mut dyn std::io::Write) -> Result<()> {
    let env = EnvelopeRef {
        schema: JSON_SCHEMA,
        table,
    };
    let res = if opts.json_pretty {
        serde_json::to_writer_pretty(&mut *out, &env)
    } else {
        serde_json::to_writer(&mut *out, &env)
    };
    res.map_err(|e| {
        Error::Write(Text::new(
            format!("JSON 序列化失败：{e}"),
            format!("JSON serialisation failed: {e}"),
        ))
    })?;
    out.write_all(b"\n").map_err(|e| io_error("JSON", e))
}

/// Serialise to a string (pretty).
pub fn to_json_string(table: &Table) -> Result<String> {
    let mut buf = Vec::new();
    write_json(table, &WriteOptions::default(), &mut buf)?;
    String::from_utf8(buf).map_err(|e| Error::Write(Text::same(e.to_string())))
}

/// Read a canonical JSON document (`jixiao.table/1`) back into a [`Table`].
pub fn read_json(bytes: &[u8]) -> Result<Table> {
    read_json_named("<json>", bytes)
}

/// [`read_json`] with a file name for error messages.
pub fn read_json_named(name: &str, bytes: &[u8]) -> Result<Table> {
    let loc = |row: Option<u32>, col: Option<u32>| Location {
        file: name.to_string(),
        sheet: None,
        table: None,
        row,
        col,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let not_json = |e: &serde_json::Error| {
        Error::invalid(
            loc(line_of(e), col_of(e)),
            Text::new(
                format!("不是合法的 JSON：{e}"),
                format!("not valid JSON: {e}"),
            ),
            Text::new(
                "请检查文件是否完整、是否为 UTF-8 编码",
                "check that the file is complete and encoded in UTF-8",
            ),
        )
    };
    let unsupported = |other: &str| {
        Error::invalid(
            Location::file(name),
            Text::new(
                format!("不支持的 schema「{other}」，应为 {JSON_SCHEMA}"),
                format!("unsupported schema “{other}”; {JSON_SCHEMA} was expected"),
            ),
            Text::new(
                "请用本版本 jixiao 导出的 JSON",
                "use JSON exported by this version of jixiao",
            ),
        )
    };
    // One pass in the normal case. A document that does not fit is read
    // again as plain JSON only to say why, exactly as a two-step reader
    // would: not JSON at all (serde reports the first error it meets, which
    // may be a missing field before a syntax error further on), a foreign
    // document without our schema tag, another schema, or our schema with
    // content that does not fit the model.
    let env: Envelope = match serde_json::from_slice(bytes) {
        Ok(env) => env,
        Err(e) => {
            let value: serde_json::Value =
                serde_json::from_slice(bytes).map_err(|e| not_json(&e))?;
            return Err(match value.get("schema").and_then(|s| s.as_str()) {
                Some(JSON_SCHEMA) => Error::invalid(
                    loc(line_of(&e), col_of(&e)),
                    Text::new(
                        format!("JSON 内容与表格模型不符：{e}"),
                        format!("the JSON does not match the table model: {e}"),
                    ),
                    Text::new(
                        "金额须写成字符串，如 \"552.50\"；字段见 docs/json.md",
                        "amounts are strings such as \"552.50\"; the fields are in docs/json.md",
                    ),
                ),
                Some(other) => unsupported(other),
                None => Error::invalid(
                    Location::file(name),
                    Text::new(
                        format!("缺少 \"schema\": \"{JSON_SCHEMA}\" 字段"),
                        format!("the field \"schema\": \"{JSON_SCHEMA}\" is missing"),
                    ),
                    Text::new(
                        "这不是 jixiao 导出的表格 JSON，见 docs/json.md",
                        "this is not a table document exported by jixiao: see docs/json.md",
                    ),
                ),
            });
        }
    };
    if env.schema != JSON_SCHEMA {
        return Err(unsupported(&env.schema));
    }
    Ok(env.table)
}

fn line_of(e: &serde_json::Error) -> Option<u32> {
    u32::try_from(e.line()).ok().filter(|l| *l > 0)
}

fn col_of(e: &serde_json::Error) -> Option<u32> {
    u32::try_from(e.column()).ok().filter(|c| *c > 0)
}
