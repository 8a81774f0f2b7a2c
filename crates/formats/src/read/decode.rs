//! Bytes → text: BOM → strict UTF-8 → UTF-16 without BOM (NUL pattern) →
//! `<meta charset>` hint (HTML) → chardetng guess (biased to Chinese, so GBK
//! exports of Chinese Excel are recognised; GBK is decoded as its superset
//! GB18030). An `--encoding` override beats all of it.
//!
//! Decoding is strict: a byte sequence that is invalid in the chosen encoding
//! is an error naming its line and column (乱码 is never passed on silently).
//! Text holding control bytes other than tab, LF, CR, VT and FF is rejected
//! as "not a text table" (二进制文件).

use crate::error::{Error, Location, Result};
use encoding_rs::{Encoding, GB18030, GBK, REPLACEMENT, UTF_16BE, UTF_16LE, UTF_8};
use jixiao_core::Text;
use std::borrow::Cow;

/// How much of a file chardetng looks at (it only needs a sample).
const DETECT_SAMPLE: usize = 1024 * 1024;
/// How much of a file the UTF-16 NUL heuristic looks at.
const NUL_SAMPLE: usize = 64 * 1024;

/// Decoded text and how its encoding was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, BOM stripped; borrowed from the input when it was UTF-8.
    pub text: Cow<'a, str>,
    /// `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`, `Big5` …
    pub encoding: String,
    /// `bom`, `utf8-valid`, `utf16-nul-pattern`, `meta`, `detected` or `override`.
    pub source: &'static str,
}

/// The encoding for a user-given label (`gbk`, `gb2312`, `utf-8`, `utf-16le` …).
/// GBK and GB2312 map to GB18030 (a strict superset that decodes the same bytes).
pub fn encoding_for_label(file: &str, label: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(enc) if enc != REPLACEMENT => Ok(widen(enc)),
        _ => Err(Error::invalid(
            Location::file(file),
            Text::new(
                format!("未知编码“{label}”"),
                format!("unknown encoding “{label}”"),
            ),
            Text::new(
                "可用的编码如 utf-8、gbk、gb18030、utf-16le、utf-16be、big5",
                "encodings such as utf-8, gbk, gb18030, utf-16le, utf-16be and big5 are known \
                 (e.g. --encoding gbk)",
            ),
        )),
    }
}

/// GBK → GB18030; everything else unchanged.
fn widen(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK {
        GB18030
    } else {
        enc
    }
}

/// The display name recorded in [`jixiao_core::SourceInfo::encoding`].
pub fn encoding_name(enc: &'static Encoding) -> String {
    if enc == GB18030 {
        "GB18030".to_string()
    } else {
        enc.name().to_string()
    }
}

/// The charset an HTML document declares in its first 4 KiB
/// (`<meta charset="gbk">` or `content="text/html; charset=gb2312"`), if any.
/// A UTF-16 declaration is read as UTF-8, as browsers do for ASCII-compatible bytes.
pub fn html_charset_hint(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let finder = memchr::memmem::Finder::new(b"charset");
    for pos in finder.find_iter(&lower) {
        let rest = lower.get(pos + 7..).unwrap_or(&[]);
        let rest = trim_start(rest, |b| b.is_ascii_whitespace());
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest, |b| b.is_ascii_whitespace() || b == b'"' || b == b'\'');
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .unwrap_or(rest.len());
        let label = rest.get(..end).unwrap_or(&[]);
        if let Some(enc) = Encoding::for_label(label) {
            if enc == REPLACEMENT {
                continue;
            }
            if enc == UTF_16LE || enc == UTF_16BE {
                return Some(UTF_8);
            }
            return Some(widen(enc));
        }
    }
    None
}

fn trim_start(mut s: &[u8], pred: impl Fn(u8) -> bool) -> &[u8] {
    while let Some((&first, rest)) = s.split_first() {
        if pred(first) {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// Decode `bytes` (the content of `file`).
///
/// `override_label` is the user's `--encoding`; `hint` is a declared charset
/// (HTML `<meta>`), used only when the bytes are not valid UTF-8.
pub fn decode<'a>(
    file: &str,
    bytes: &'a [u8],
    override_label: Option<&str>,
    hint: Option<&'static Encoding>,
) -> Result<Decoded<'a>> {
    decode_as(file, bytes, override_label, hint, Controls::Refuse)
}

/// [`decode`] for a web page: control characters are not refused, since the
/// page's cells show them as visible pictures (see `grid::visible_controls`)
/// and its markup never holds them.
pub fn decode_markup<'a>(
    file: &str,
    bytes: &'a [u8],
    override_label: Option<&str>,
    hint: Option<&'static Encoding>,
) -> Result<Decoded<'a>> {
    decode_as(file, bytes, override_label, hint, Controls::Keep)
}

/// What decoding does with control characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Controls {
    /// A text table holds none: refused (`不是文本表格：含控制字符`).
    Refuse,
    Keep,
}

fn decode_as<'a>(
    file: &str,
    bytes: &'a [u8],
    override_label: Option<&str>,
    hint: Option<&'static Encoding>,
    controls: Controls,
) -> Result<Decoded<'a>> {
    let strict = |file: &str, enc, body: &'a [u8], source| {
        let d = strict(file, enc, body, source)?;
        if controls == Controls::Refuse {
            check_controls(file, &d.text)?;
        }
        Ok(d)
    };
    if let Some(label) = override_label {
        let enc = encoding_for_label(file, label)?;
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => bytes.get(len..).unwrap_or(&[]),
            _ => bytes,
        };
        return strict(file, enc, body, "override");
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return strict(file, enc, bytes.get(len..).unwrap_or(&[]), "bom");
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        if let Some(enc) = utf16_by_nul_pattern(bytes) {
            return strict(file, enc, bytes, "utf16-nul-pattern");
        }
        return Err(not_text(file, bytes, nul));
    }
    if let Some(text) = utf8(bytes) {
        if controls == Controls::Refuse {
            check_controls(file, &text)?;
        }
        return Ok(Decoded {
            text,
            encoding: "UTF-8".to_string(),
            source: "utf8-valid",
        });
    }
    if let Some(enc) = hint {
        return strict(file, enc, bytes, "meta");
    }
    let sample = bytes.get(..bytes.len().min(DETECT_SAMPLE)).unwrap_or(bytes);
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let enc = widen(detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow));
    let decoded = strict(file, enc, bytes, "detected")?;
    // UTF-8 Chinese is mostly valid GB18030 too: a UTF-8 line pasted into
    // a GBK file decodes without error, as mojibake (`涓浗…`).
    if enc == GB18030 {
        if let Some(lines) = LineKinds::of(bytes, false).utf8_in_gbk() {
            return Err(mixed_encodings(file, lines, ("GBK", "UTF-8")));
        }
    }
    Ok(decoded)
}

/// Whether `bytes` are binary data, not text in any encoding the text
/// reader takes: no BOM, and a NUL byte outside the UTF-16 pattern or a
/// control character other than tab, LF, VT, FF and CR — what the text
/// reader refuses as `不是文本表格`. Used to tell a file named as a workbook
/// that is not one (its reader gives the workbook's reason instead).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    if memchr::memchr(0, bytes).is_some() {
        return utf16_by_nul_pattern(bytes).is_none();
    }
    bytes
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, 9..=13)) || b == 0x7f)
}

/// UTF-16 without BOM: NUL bytes sit almost only at odd (LE) or even (BE)
/// offsets, because ASCII tabs, digits and line ends have a zero high byte.
fn utf16_by_nul_pattern(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(NUL_SAMPLE)).unwrap_or(bytes);
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    if odd >= 4 && even * 20 <= odd {
        Some(UTF_16LE)
    } else if even >= 4 && odd * 20 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode with `enc`, failing on the first malformed sequence.
fn strict<'a>(
    file: &str,
    enc: &'static Encoding,
    body: &'a [u8],
    source: &'static str,
) -> Result<Decoded<'a>> {
    let name = encoding_name(enc);
    let text: Cow<'a, str> = if enc == UTF_8 {
        match utf8(body) {
            Some(t) => t,
            None => {
                let valid = Encoding::utf8_valid_up_to(body);
                let good = std::str::from_utf8(body.get(..valid).unwrap_or(&[])).unwrap_or("");
                return Err(bad_bytes(file, enc, good, source, body));
            }
        }
    } else if let Some(text) = decode_parallel(enc, body) {
        Cow::Owned(text)
    } else {
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        if had_errors {
            let cut = text.find('\u{FFFD}').unwrap_or(text.len());
            return Err(bad_bytes(
                file,
                enc,
                text.get(..cut).unwrap_or(""),
                source,
                body,
            ));
        }
        text
    };
    Ok(Decoded {
        text,
        encoding: name,
        source,
    })
}

/// Below this size a file is decoded on one thread.
const PARALLEL_DECODE_MIN: usize = 4 * 1024 * 1024;

/// Decode a large file in chunks on all cores. Chunks are cut after a `\n`:
/// in an ASCII-compatible encoding (GBK, GB18030, Big5 …) the byte 0x0A is
/// never part of a multi-byte sequence, so every chunk decodes on its own.
/// Returns `None` (the caller decodes sequentially and reports the exact
/// place) for small inputs, other encodings, or any malformed chunk.
fn decode_parallel(enc: &'static Encoding, body: &[u8]) -> Option<String> {
    use rayon::prelude::*;
    if body.len() < PARALLEL_DECODE_MIN || !enc.is_ascii_compatible() || enc == UTF_8 {
        return None;
    }
    let parts = (rayon::current_num_threads() * 4).max(2);
    let target = body.len() / parts;
    let mut chunks = Vec::with_capacity(parts);
    let mut start = 0;
    while start < body.len() {
        let want = (start + target).min(body.len());
        let end = match memchr::memchr(b'\n', body.get(want..)?) {
            Some(off) => want + off + 1,
            None => body.len(),
        };
        chunks.push(body.get(start..end)?);
        start = end;
    }
    let decoded: Vec<Option<String>> = chunks
        .par_iter()
        .map(|c| match enc.decode_without_bom_handling(c) {
            (text, false) => Some(text.into_owned()),
            (_, true) => None,
        })
        .collect();
    let total = decoded
        .iter()
        .map(|d| d.as_ref().map_or(0, String::len))
        .sum();
    let mut text = String::with_capacity(total);
    for d in decoded {
        text.push_str(&d?);
    }
    Some(text)
}

/// `bytes` as borrowed text if it is valid UTF-8. encoding_rs validates with
/// SIMD (simdutf8, runtime-detected), several times faster than
/// `std::str::from_utf8` on Chinese text.
/// One validating pass: valid UTF-8 comes back borrowed.
fn utf8(bytes: &[u8]) -> Option<Cow<'_, str>> {
    UTF_8.decode_without_bom_handling_and_without_replacement(bytes)
}

/// 1-based (line, column in characters) of the end of `prefix`.
fn line_col(prefix: &str) -> (u32, u32) {
    let line = memchr::memchr_iter(b'\n', prefix.as_bytes()).count() + 1;
    let line_start = memchr::memrchr(b'\n', prefix.as_bytes()).map_or(0, |p| p + 1);
    let col = prefix.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

/// The non-ASCII lines of a text file by encoding, in one pass: which are
/// UTF-8 and which are not. A file pieced together from two sources shows as
/// a few lines of one kind among many of the other.
struct LineKinds {
    /// Lines (not ASCII) that are valid UTF-8.
    utf8: usize,
    /// Of those, the ones holding at least four CJK characters, which GBK
    /// text almost never is by chance (each of its characters would have to
    /// line up with UTF-8's byte patterns).
    utf8_chinese: Vec<u32>,
    /// Lines that are not UTF-8.
    other: Vec<u32>,
    /// Whether every line of `other` decodes as GB18030 (only looked at
    /// when asked for: decoding every line of a GBK file costs).
    other_all_gbk: bool,
}

impl LineKinds {
    fn of(bytes: &[u8], decode_others: bool) -> LineKinds {
        let mut k = LineKinds {
            utf8: 0,
            utf8_chinese: Vec::new(),
            other: Vec::new(),
            other_all_gbk: true,
        };
        for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
            if line.is_ascii() {
                continue;
            }
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            match std::str::from_utf8(line) {
                Ok(t) => {
                    k.utf8 += 1;
                    let cjk = t.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c));
                    if cjk.take(4).count() == 4 {
                        k.utf8_chinese.push(n);
                    }
                }
                Err(_) => {
                    if decode_others && k.other_all_gbk {
                        k.other_all_gbk = GB18030
                            .decode_without_bom_handling_and_without_replacement(line)
                            .is_some();
                    }
                    k.other.push(n);
                }
            }
        }
        k
    }

    /// A UTF-8 file with a few lines in another encoding: those lines, and
    /// whether they are all GBK (asked of `of(.., true)`).
    fn other_in_utf8(&self) -> Option<(&[u32], bool)> {
        (!self.other.is_empty() && self.utf8 > self.other.len())
            .then_some((&self.other, self.other_all_gbk))
    }

    /// A GBK file with a few UTF-8 Chinese lines: those lines. (A UTF-8 file
    /// read as GBK is no mix: the hint says to drop --encoding.)
    fn utf8_in_gbk(&self) -> Option<&[u32]> {
        (!self.utf8_chinese.is_empty() && self.other.len() > self.utf8_chinese.len())
            .then_some(&self.utf8_chinese)
    }
}

/// The error for a file mixing UTF-8 with GBK lines, at the first GBK line.
fn mixed_encodings(file: &str, lines: &[u32], (most, other): (&str, &str)) -> Error {
    const SHOWN: usize = 10;
    let first = lines.first().copied().unwrap_or(1);
    let mut list: Vec<String> = lines.iter().take(SHOWN).map(u32::to_string).collect();
    if lines.len() > SHOWN {
        list.push("…".to_string());
    }
    let (zh, en) = (list.join("、"), list.join(", "));
    Error::invalid(
        Location {
            file: file.to_string(),
            row: Some(first),
            ..Location::default()
        },
        Text::new(
            format!(
                "文件混用了两种编码：其余各行是 {most}，第 {zh} 行（共 {} 行）不是，像是 {other}",
                lines.len()
            ),
            format!(
                "the file mixes two encodings: its other lines are {most}, line(s) {en} ({} in all) are not (they look like {other})",
                lines.len()
            ),
        ),
        Text::new(
            "这些行多半是从另一个文件粘贴进来的：请在原表中重新输入或粘贴这些行后另存（或在 Excel 中另存整张表）；--encoding 无法同时读两种编码",
            "those lines were most likely pasted from another file: retype or re-paste them and save the file again \
             (or save the whole table from Excel); --encoding cannot read two encodings at once",
        ),
    )
}

fn bad_bytes(
    file: &str,
    enc: &'static Encoding,
    good_prefix: &str,
    source: &str,
    body: &[u8],
) -> Error {
    if matches!(source, "detected" | "override" | "bom") {
        let kinds = LineKinds::of(body, true);
        if let Some((lines, gbk)) = kinds.other_in_utf8() {
            let other = if gbk { "GBK" } else { "Latin-1/Windows-1252" };
            return mixed_encodings(file, lines, ("UTF-8", other));
        }
        if enc == GB18030 || enc == GBK {
            if let Some(lines) = kinds.utf8_in_gbk() {
                return mixed_encodings(file, lines, ("GBK", "UTF-8"));
            }
        }
    }
    let (row, col) = line_col(good_prefix);
    let name = encoding_name(enc);
    Error::invalid(
        Location {
            file: file.to_string(),
            sheet: None,
            table: None,
            row: Some(row),
            col: Some(col),
        },
        Text::new(
            format!("按 {name} 解码时遇到无效字节"),
            format!("invalid {name} byte sequence"),
        ),
        other_encoding_hint(enc, source, body),
    )
}

/// What to try when `enc` fails: never `enc` itself, and after a failed
/// `--encoding`, to drop it (a UTF-8 file is said to be one).
fn other_encoding_hint(enc: &'static Encoding, source: &str, body: &[u8]) -> Text {
    let overridden = source == "override";
    if overridden && enc != UTF_8 && std::str::from_utf8(body).is_ok() {
        return Text::new(
            "文件是 UTF-8 编码：请去掉 --encoding（自动识别），或改用 --encoding utf-8",
            "the file is UTF-8: drop --encoding to detect it, or pass --encoding utf-8",
        );
    }
    let others: Vec<String> = ["utf-8", "gbk"]
        .into_iter()
        .filter(|label| Encoding::for_label(label.as_bytes()).map(widen) != Some(enc))
        .map(|label| format!("--encoding {label}"))
        .collect();
    let (zh, en) = (others.join(" 或 "), others.join(" or "));
    let name = encoding_name(enc);
    if overridden {
        Text::new(
            format!("文件不是 {name} 编码：请去掉 --encoding（自动识别），或改用 {zh}"),
            format!("the file is not {name}: drop --encoding to detect the encoding, or pass {en}"),
        )
    } else {
        Text::new(
            format!("文件可能是另一种编码：请用 {zh} 指定"),
            format!("the file may use another encoding: pass {en}"),
        )
    }
}

fn not_text(file: &str, bytes: &[u8], at: usize) -> Error {
    let prefix = bytes.get(..at).unwrap_or(&[]);
    let row = memchr::memchr_iter(b'\n', prefix).count() + 1;
    let textual = looks_like_text_with_nul(bytes);
    Error::invalid(
        Location {
            file: file.to_string(),
            sheet: None,
            table: None,
            row: Some(u32::try_from(row).unwrap_or(u32::MAX)),
            col: None,
        },
        if textual {
            Text::new(
                format!("第 {at} 字节是空字符（NUL，字节值 0），文本表格中不应有"),
                format!("byte {at} is a NUL character (byte 0), which a text table cannot hold"),
            )
        } else {
            Text::new(
                format!("不是文本表格：第 {at} 字节起含二进制数据"),
                format!("not a text table: binary data at byte {at}"),
            )
        },
        if textual {
            // One stray NUL in an otherwise textual file (a bad copy): the
            // file is a text table, and the NUL is what to remove.
            Text::new(
                format!("文件其余部分是文本：请删除第{row}行中的空字符（NUL，字节值 0）后再读"),
                format!(
                    "the rest of the file is text: remove the NUL character (byte 0) on line {row}"
                ),
            )
        } else {
            Text::new(
                "请提供 TXT/CSV/XLSX/XLS/ODS/HTML 格式的表格",
                "give the table as TXT, CSV, XLSX, XLS, ODS or HTML",
            )
        },
    )
}

/// Whether bytes holding NUL are otherwise text: a few NULs, and without
/// them valid UTF-8 (or GB18030) with no other control character.
fn looks_like_text_with_nul(bytes: &[u8]) -> bool {
    let nuls = memchr::memchr_iter(0, bytes).count();
    if nuls == 0 || nuls > 8 {
        return false;
    }
    let rest: Vec<u8> = bytes.iter().copied().filter(|b| *b != 0).collect();
    let controls = rest
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, 9..=13)) || b == 0x7f);
    !controls
        && (std::str::from_utf8(&rest).is_ok()
            || GB18030
                .decode_without_bom_handling_and_without_replacement(&rest)
                .is_some())
}

/// Reject text holding control characters other than tab, LF, VT, FF and
/// CR, C1 controls included.
fn check_controls(file: &str, text: &str) -> Result<()> {
    let is_bad = |b: u8| (b < 0x20 && !matches!(b, 9..=13)) || b == 0x7f;
    // Branch-free scan of 64-byte blocks (vectorises); locate only on a hit.
    let bytes = text.as_bytes();
    let mut bad = None;
    for (i, block) in bytes.chunks(64).enumerate() {
        if block.iter().fold(false, |acc, &b| acc | is_bad(b)) {
            bad = block.iter().position(|&b| is_bad(b)).map(|p| i * 64 + p);
            break;
        }
    }
    // A C1 control (U+0080–U+009F, `C2 80`–`C2 9F` in UTF-8): CSI (U+009B)
    // starts an escape sequence on many terminals, as ESC does.
    let bad = bad.or_else(|| {
        memchr::memchr_iter(0xC2, bytes)
            .find(|&i| bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)))
    });
    match bad {
        None => Ok(()),
        Some(at) => {
            let (row, col) = line_col(text.get(..at).unwrap_or(""));
            Err(Error::invalid(
                Location {
                    file: file.to_string(),
                    sheet: None,
                    table: None,
                    row: Some(row),
                    col: Some(col),
                },
                Text::new(
                    "不是文本表格：含控制字符",
                    "not a text table: it holds control characters",
                ),
                Text::new(
                    "请提供 TXT/CSV/XLSX/XLS/ODS/HTML 格式的表格，或用 --encoding 指定正确编码",
                    "give the table as TXT, CSV, XLSX, XLS, ODS or HTML, \
                     or pass the right --encoding",
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A UTF-8 file with a few GBK lines pasted in is said to mix two
    /// encodings, at those lines, with or without `--encoding utf-8`; before,
    /// the error named a valid line and the hints sent the user back and
    /// forth between two encodings (/tmp/ur13 defect 9).
    #[test]
    fn a_utf8_file_with_gbk_lines_is_said_to_mix_encodings() {
        let lines: Vec<Vec<u8>> = (1..=8)
            .map(|i| {
                let text = format!("项目{i}\t10.00\t完成培训{i}场。");
                if i == 3 || i == 6 {
                    GBK.encode(&text).0.into_owned()
                } else {
                    text.into_bytes()
                }
            })
            .collect();
        let bytes = lines.join(&b'\n');
        for over in [None, Some("utf-8"), Some("gbk")] {
            let e = decode("m.txt", &bytes, over, None).unwrap_err().to_string();
            assert!(
                e.contains("第3行") && e.contains("第 3、6 行（共 2 行）") && e.contains("混用"),
                "{over:?}: {e}"
            );
        }
        // A GBK file is no mix.
        let gbk = GBK
            .encode("项目\t10.00\t完成培训。\n项目二\t5.00\t完成。")
            .0;
        assert!(LineKinds::of(&gbk, true).other_in_utf8().is_none());
        assert_eq!(
            decode("g.txt", &gbk, None, None).unwrap().encoding,
            "GB18030"
        );
        // A GBK file with a UTF-8 line pasted in decodes without error as
        // mojibake: refused at that line (/tmp/ur14 defect 4).
        let mut mixed = GBK
            .encode("项目名称\t总计\t绩效目标\n青年服务项目\t10.00\t完成青年服务活动。\n")
            .0
            .into_owned();
        mixed.extend_from_slice("志愿服务经费\t5.00\t完成志愿服务活动。\n".as_bytes());
        mixed.extend_from_slice(&GBK.encode("团委活动经费\t3.00\t完成团委各项活动。\n").0);
        let e = decode("m.txt", &mixed, None, None).unwrap_err().to_string();
        assert!(
            e.contains("第3行") && e.contains("其余各行是 GBK") && e.contains("UTF-8"),
            "{e}"
        );
        // A Windows-1252 quote in one line of a UTF-8 file is named at its line.
        let mut latin = "项目名称\t总计\t绩效目标\n青年服务项目\t10.00\t完成青年服务活动。\n志愿服务\t5.00\t完成志愿服务。\n"
            .as_bytes()
            .to_vec();
        latin.extend_from_slice(b"\x93x\x94\t3.00\t\xb0C\n");
        let e = decode("l.txt", &latin, None, None).unwrap_err().to_string();
        assert!(e.contains("第4行") && e.contains("Latin-1"), "{e}");
    }

    #[test]
    fn parallel_gbk_decode_equals_sequential() {
        let line = "项目名称\t158.00\t“青年地带”青少年服务经费，年度指标值：≥95%。\n";
        let text = line.repeat(PARALLEL_DECODE_MIN / line.len() * 2);
        let (gbk, _, unmappable) = GB18030.encode(&text);
        assert!(!unmappable);
        let fast = decode_parallel(GB18030, &gbk).expect("large GB18030 input decodes in parallel");
        assert_eq!(fast, text);
        let d = decode("big.txt", &gbk, None, None).expect("decode");
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "GB18030");
    }

    #[test]
    fn parallel_decode_leaves_errors_to_the_sequential_path() {
        let line = "合计\t552.50\n";
        let mut gbk = GB18030
            .encode(&line.repeat(PARALLEL_DECODE_MIN / line.len() * 2))
            .0
            .into_owned();
        let mid = gbk.len() / 2;
        gbk.splice(mid..mid, [0x81, 0x0A]);
        assert!(decode_parallel(GB18030, &gbk).is_none());
        let err = strict("bad.txt", GB18030, &gbk, "override").expect_err("malformed");
        assert!(err.to_string().contains("bad.txt"), "{err}");
        assert!(decode_parallel(GB18030, b"small").is_none());
    }

    #[test]
    fn utf8_borrowed() {
        let d = decode("a.txt", "单位：万元\n".as_bytes(), None, None).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.source, "utf8-valid");
    }

    #[test]
    fn gbk_detected_as_gb18030() {
        let (bytes, _, _) =
            GB18030.encode("项目名称\t总计\t财政拨款\n合计\t552.50\t552.50\n单位：万元");
        let d = decode("a.txt", &bytes, None, None).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.source, "detected");
        assert!(d.text.starts_with("项目名称\t总计"));
    }

    #[test]
    fn utf16le_without_bom() {
        let units: Vec<u8> = "合计\t552.50\t552.50\n单位\t1\t2\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode("a.txt", &units, None, None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert!(d.text.starts_with("合计\t552.50"));
    }

    #[test]
    fn bad_utf8_names_line_and_column() {
        let mut bytes = "第一行\nab".as_bytes().to_vec();
        bytes.push(0xff);
        let err = decode("x.txt", &bytes, Some("utf-8"), None).unwrap_err();
        let loc = err.location().unwrap();
        assert_eq!((loc.row, loc.col), (Some(2), Some(3)));
        assert!(err.to_string().contains("--encoding gbk"), "{err}");
    }

    #[test]
    fn meta_hint() {
        let html =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">";
        assert_eq!(html_charset_hint(html), Some(GB18030));
        assert_eq!(html_charset_hint(b"<meta charset='utf-8'>"), Some(UTF_8));
        assert_eq!(html_charset_hint(b"<p>no charset</p>"), None);
    }

    #[test]
    fn junk_is_not_text() {
        let err = decode("x.bin", &[1, 2, 3, 0, 0, 0, 0xff, 0x10], None, None).unwrap_err();
        assert!(err.to_string().contains("不是文本表格"), "{err}");
        let en = err.render(jixiao_core::Lang::English);
        assert!(en.contains("not a text table"), "{en}");
        let err = decode("x.bin", b"abc\x01\x02def", None, None).unwrap_err();
        assert!(err.to_string().contains("含控制字符"), "{err}");
        let en = err.render(jixiao_core::Lang::English);
        assert!(en.contains("not a text table"), "{en}");
    }
}
