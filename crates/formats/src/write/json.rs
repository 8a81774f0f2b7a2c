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

/// The schema tag of a document (a string `schema` of a top-level object,
/// wherever it stands), everything else skipped: any JSON value reads, so
/// only a syntax error fails. (`serde(flatten)` beside a `Table` would
/// buffer the whole document as a generic tree first: twice the time and
/// three times the memory of the table itself.)
struct SchemaTag(Option<String>);

impl<'de> Deserialize<'de> for SchemaTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct Tag;
        impl<'de> Visitor<'de> for Tag {
            type Value = SchemaTag;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<SchemaTag, A::Error> {
                let mut tag = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "schema" {
                        // A tag that is not a string is no tag.
                        tag = map
                            .next_value::<serde_json::Value>()?
                            .as_str()
                            .map(str::to_string);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(SchemaTag(tag))
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<SchemaTag, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(SchemaTag(None))
            }
            fn visit_bool<E>(self, _: bool) -> std::result::Result<SchemaTag, E> {
                Ok(SchemaTag(None))
            }
            fn visit_i64<E>(self, _: i64) -> std::result::Result<SchemaTag, E> {
                Ok(SchemaTag(None))
            }
            fn visit_u64<E>(self, _: u64) -> std::result::Result<SchemaTag, E> {
                Ok(SchemaTag(None))
            }
            fn visit_f64<E>(self, _: f64) -> std::result::Result<SchemaTag, E> {
                Ok(SchemaTag(None))
            }
            fn visit_str<E>(self, _: &str) -> std::result::Result<SchemaTag, E> {
                Ok(SchemaTag(None))
            }
            fn visit_unit<E>(self) -> std::result::Result<SchemaTag, E> {
                Ok(SchemaTag(None))
            }
        }
        d.deserialize_any(Tag)
    }
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
    res.map_err(|e| match e.io_error_kind() {
        // The writer failed (a full disk), not the serialisation.
        Some(kind) => io_error("JSON", std::io::Error::new(kind, e.to_string())),
        None => Error::Write(Text::new(
            format!("JSON 序列化失败：{e}"),
            format!("JSON serialisation failed: {e}"),
        )),
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
    // First the tag (a quick pass that skips the content and finds any
    // syntax error), then the table itself: a foreign document without our
    // schema tag, or another schema, is said as such before its content is
    // compared with the model.
    let tag: SchemaTag = serde_json::from_slice(bytes).map_err(|e| not_json(&e))?;
    match tag.0.as_deref() {
        Some(JSON_SCHEMA) => {}
        Some(other) => return Err(unsupported(other)),
        None => {
            return Err(Error::invalid(
                Location::file(name),
                Text::new(
                    format!("缺少 \"schema\": \"{JSON_SCHEMA}\" 字段"),
                    format!("the field \"schema\": \"{JSON_SCHEMA}\" is missing"),
                ),
                Text::new(
                    "这不是 jixiao 导出的表格 JSON，见 docs/json.md",
                    "this is not a table document exported by jixiao: see docs/json.md",
                ),
            ))
        }
    }
    // The table's own fields; `schema` is not one of them and is skipped.
    serde_json::from_slice::<Table>(bytes).map_err(|e| {
        Error::invalid(
            loc(line_of(&e), col_of(&e)),
            Text::new(
                format!("JSON 内容与表格模型不符：{e}"),
                format!("the JSON does not match the table model: {e}"),
            ),
            Text::new(
                "金额须写成字符串，如 \"552.50\"；字段见 docs/json.md",
                "amounts are strings such as \"552.50\"; the fields are in docs/json.md",
            ),
        )
    })
}

fn line_of(e: &serde_json::Error) -> Option<u32> {
    u32::try_from(e.line()).ok().filter(|l| *l > 0)
}

fn col_of(e: &serde_json::Error) -> Option<u32> {
    u32::try_from(e.column()).ok().filter(|c| *c > 0)
}
