//! Reader front ends: bytes → grid, on the sample re-encoded and re-shaped
//! (fixtures `tests/fixtures/fe-*`, made by `tests/fixtures/fe-generate.py`),
//! workbooks written at runtime, and hostile inputs.

use jixiao_core::Lang;
use jixiao_formats::grid::Grid;
use jixiao_formats::read::{self, decode, html, Limits, ReadOptions};
use jixiao_formats::Error;
use std::borrow::Cow;
use std::io::Write;

mod common;
use common::{fixture, sample_text, SAMPLE_NAME as SAMPLE};

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// (row number, cell texts) of every row.
fn texts(g: &Grid<'_>) -> Vec<(u32, Vec<String>)> {
    g.rows
        .iter()
        .map(|r| {
            (
                r.number,
                r.cells.iter().map(|c| c.text.to_string()).collect(),
            )
        })
        .collect()
}

fn sample_grid_texts() -> Vec<(u32, Vec<String>)> {
    let text = sample_text();
    let tg = read::text_grid(SAMPLE, &text, &Limits::default()).unwrap();
    texts(&tg.grid)
}

// ---------------------------------------------------------------- text

#[test]
fn sample_is_read_zero_copy_with_true_line_numbers() {
    let raw = bytes(SAMPLE);
    let d = decode::decode(SAMPLE, &raw, None, None).unwrap();
    assert_eq!((d.encoding.as_str(), d.source), ("UTF-8", "utf8-valid"));
    assert!(matches!(d.text, Cow::Borrowed(_)));
    let tg = read::text_grid(SAMPLE, &d.text, &Limits::default()).unwrap();
    assert_eq!(tg.delimiter, Some('\t'));
    assert!(!tg.final_newline);
    let g = &tg.grid;
    assert_eq!(g.rows.len(), 20);
    for (i, r) in g.rows.iter().enumerate() {
        assert_eq!(r.number as usize, i + 1);
    }
    assert!(g.rows[0].is_blank() && g.rows[1].is_blank() && g.rows[3].is_blank());
    assert_eq!(g.rows[2].cells.len(), 1);
    assert_eq!(g.rows[2].text(0), "项目支出绩效目标表（含转移支付项目）");
    assert_eq!(g.rows[6].text(0), "单位：万元");
    assert_eq!(g.rows[8].cells.len(), 7);
    assert_eq!(g.rows[8].text(0), "项目名称（资金使用单位）");
    assert_eq!(g.rows[9].text(0), "合计");
    assert_eq!(g.rows[9].text(1), "552.50");
    assert_eq!(g.rows[9].cells.len(), 7);
    assert_eq!(g.rows[19].text(1), "10.00");
    assert!(g
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| matches!(c.text, Cow::Borrowed(_))));
}

#[test]
fn gb18030_export_is_detected() {
    let raw = bytes("fe-haizhu-gb18030.txt");
    let d = decode::decode("fe-haizhu-gb18030.txt", &raw, None, None).unwrap();
    assert_eq!((d.encoding.as_str(), d.source), ("GB18030", "detected"));
    assert_eq!(d.text, sample_text());
    // The same bytes with an explicit label.
    let d = decode::decode("f", &raw, Some("gbk"), None).unwrap();
    assert_eq!((d.encoding.as_str(), d.source), ("GB18030", "override"));
    assert_eq!(d.text, sample_text());
}

#[test]
fn utf16le_bom_crlf_gives_the_same_grid() {
    let raw = bytes("fe-haizhu-utf16le-bom.txt");
    let d = decode::decode("u16.txt", &raw, None, None).unwrap();
    assert_eq!((d.encoding.as_str(), d.source), ("UTF-16LE", "bom"));
    let tg = read::text_grid("u16.txt", &d.text, &Limits::default()).unwrap();
    assert!(tg.final_newline);
    assert_eq!(texts(&tg.grid), sample_grid_texts());
}

#[test]
fn utf8_bom_crlf_gives_the_same_grid() {
    let raw = bytes("fe-haizhu-utf8-bom-crlf.txt");
    let d = decode::decode("bom.txt", &raw, None, None).unwrap();
    assert_eq!((d.encoding.as_str(), d.source), ("UTF-8", "bom"));
    assert!(!d.text.starts_with('\u{feff}'));
    let tg = read::text_grid("bom.txt", &d.text, &Limits::default()).unwrap();
    assert_eq!(texts(&tg.grid), sample_grid_texts());
    assert!(tg
        .grid
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| !c.text.contains('\r')));
}

#[test]
fn quoted_csv_keeps_record_start_lines() {
    let raw = bytes("fe-haizhu-quoted.csv");
    let d = decode::decode("q.csv", &raw, None, None).unwrap();
    let tg = read::text_grid("fe-haizhu-quoted.csv", &d.text, &Limits::default()).unwrap();
    assert_eq!(tg.delimiter, Some(','));
    let got = texts(&tg.grid);
    let want = sample_grid_texts();
    // Line 12 (P1) holds a quoted line break, so P2 starts on line 14 and
    // every later record one line further down.
    assert_eq!(got.len(), want.len());
    for ((gn, gc), (wn, wc)) in got.iter().zip(&want) {
        if *wn <= 12 {
            assert_eq!(gn, wn);
        } else {
            assert_eq!(*gn, wn + 1);
        }
        if *wn == 12 {
            assert!(gc[5].contains('\n'));
            assert_eq!(gc[5].replace('\n', ""), wc[5]);
        } else {
            assert_eq!(gc, wc, "line {wn}");
        }
    }
}

#[test]
fn pipe_delimited_with_borders() {
    let raw = bytes("fe-haizhu-pipe.txt");
    let d = decode::decode("p.txt", &raw, None, None).unwrap();
    let tg = read::text_grid("p.txt", &d.text, &Limits::default()).unwrap();
    assert_eq!(tg.delimiter, Some('|'));
    let got: Vec<(u32, Vec<String>)> = texts(&tg.grid)
        .into_iter()
        .map(|(n, cells)| (n, cells.iter().map(|c| c.trim().to_string()).collect()))
        .collect();
    assert_eq!(got, sample_grid_texts());
}

// ---------------------------------------------------------------- HTML

#[test]
fn gbk_html_page_gives_preamble_and_table() {
    let raw = bytes("fe-haizhu-gbk.html");
    let d = decode::decode("p.html", &raw, None, decode::html_charset_hint(&raw)).unwrap();
    assert_eq!((d.encoding.as_str(), d.source), ("GB18030", "meta"));
    let tables = html::html_tables("p.html", &d.text, &Limits::default()).unwrap();
    assert_eq!(tables.len(), 2, "the one-row navigation table is left out");
    let t = &tables[0];
    assert_eq!((t.index, t.table_rows, t.cols), (2, 12, 7));
    let got = texts(&t.grid);
    let want = sample_grid_texts();
    // Preamble: the title and the two paragraphs, not the navigation table.
    assert_eq!(got[0].1, vec![want[2].1[0].clone()]);
    assert_eq!(got[1].1, vec![want[4].1[0].clone()]);
    assert_eq!(got[2].1, vec![want[6].1[0].clone()]);
    // Then header and data rows, numbered by <tr> within the table (what a
    // reader of the page counts); the preamble lines above are no table rows.
    for (i, (n, cells)) in got.iter().enumerate() {
        if i >= 3 {
            assert_eq!(*n as usize, i - 2);
            assert_eq!(cells, &want[i + 5].1);
        } else {
            assert_eq!(*n, 0);
        }
    }
    assert_eq!(t.sheet, None);
}

#[test]
fn html_spans_are_expanded() {
    let raw = bytes("fe-spans-gb2312.html");
    let d = decode::decode("s.html", &raw, None, decode::html_charset_hint(&raw)).unwrap();
    assert_eq!(d.encoding, "GB18030");
    let tables = html::html_tables("s.html", &d.text, &Limits::default()).unwrap();
    let g = &tables[0].grid;
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        texts(g),
        vec![
            (0, s(&["绩效指标"])),
            (1, s(&["一级指标", "二级指标", "指标值", "指标值"])),
            (
                2,
                s(&[
                    "一级指标",
                    "二级指标",
                    "2023年实际实现值",
                    "预期2024年实现值"
                ])
            ),
            (3, s(&["产出指标", "数量指标", "10", "≥12\n个"])),
            (4, s(&["产出指标", "质量指标", "95%", "≥98%"])),
        ]
    );
    let merged: Vec<Vec<bool>> = g
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.merged).collect())
        .collect();
    assert_eq!(merged[1], [false, false, false, true]);
    assert_eq!(merged[2], [true, true, false, false]);
    assert_eq!(merged[4], [true, false, false, false]);
}

// ---------------------------------------------------------------- workbooks

#[test]
fn xlsx_fixture_merges_formats_and_coordinates() {
    let raw = bytes("fe-haizhu.xlsx");
    let (name, sg) = read::sheet_grid(
        "fe-haizhu.xlsx",
        &raw,
        Some("绩效目标表"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(name, "绩效目标表");
    let g = &sg.grid;
    assert_eq!(g.rows.len(), 20);
    assert_eq!(g.rows[2].number, 3);
    assert_eq!(g.rows[2].cells.len(), 7);
    assert!(!g.rows[2].cells[0].merged);
    assert!(g.rows[2].cells[1..]
        .iter()
        .all(|c| c.merged && c.text == g.rows[2].cells[0].text));
    // 0.00-formatted numbers keep their printed decimals.
    let want = sample_grid_texts();
    for (row, (n, cells)) in g.rows.iter().zip(&want).skip(9) {
        for (j, cell) in cells.iter().enumerate() {
            assert_eq!(row.text(j), cell, "row {n} col {}", j + 1);
        }
    }
    assert_eq!(g.rows[9].text(1), "552.50");

    let (_, sg) =
        read::sheet_grid("fe-haizhu.xlsx", &raw, Some("合并"), &Limits::default()).unwrap();
    let g = &sg.grid;
    assert_eq!(g.rows[1].number, 2);
    assert_eq!(
        g.rows[1].text(0),
        "",
        "column A is padded so B stays column 2"
    );
    assert_eq!(g.rows[1].text(1), "一级指标");
    for r in 2..5 {
        assert_eq!(g.rows[r].text(1), "产出指标");
        assert_eq!(g.rows[r].cells[1].merged, r > 2);
    }
    assert_eq!(
        g.rows[2].text(3),
        "552.50",
        "#,##0.00: decimals kept, no grouping"
    );
    assert_eq!(g.rows[3].text(3), "95%");
    assert_eq!(g.rows[4].text(3), "0.3", "float noise of 0.1+0.2 removed");
}

#[test]
fn xls_from_libreoffice_merges_and_numbers() {
    let raw = bytes("fe-haizhu.xls");
    let (_, sg) = read::sheet_grid(
        "fe-haizhu.xls",
        &raw,
        Some("绩效目标表"),
        &Limits::default(),
    )
    .unwrap();
    let g = &sg.grid;
    assert_eq!(g.rows[2].number, 3);
    assert!(g.rows[2].cells[1..]
        .iter()
        .all(|c| c.merged && c.text == g.rows[2].cells[0].text));
    assert_eq!(g.rows[2].text(0), "项目支出绩效目标表（含转移支付项目）");
    // calamine exposes no number formats for XLS: the value prints shortest.
    assert_eq!(g.rows[9].text(0), "合计");
    assert_eq!(g.rows[9].text(1), "552.5");
    assert_eq!(g.rows[11].text(1), "158");
    let (_, sg) =
        read::sheet_grid("fe-haizhu.xls", &raw, Some("合并"), &Limits::default()).unwrap();
    let g = &sg.grid;
    assert_eq!(g.rows[4].text(1), "产出指标");
    assert!(g.rows[4].cells[1].merged);
    assert_eq!(g.rows[4].text(3), "0.3");
}

#[test]
fn ods_values_without_merges() {
    let raw = bytes("fe-haizhu.ods");
    assert_eq!(read::sniff("x", &raw), read::Sniffed::Zip);
    let (_, sg) =
        read::sheet_grid("fe-haizhu.ods", &raw, Some("合并"), &Limits::default()).unwrap();
    let g = &sg.grid;
    assert_eq!(g.rows[1].number, 2);
    assert_eq!(g.rows[1].text(0), "");
    assert_eq!(g.rows[2].text(1), "产出指标");
    // calamine offers no merged regions for ODS: covered cells stay empty.
    assert_eq!(g.rows[4].text(1), "");
    assert_eq!(g.rows[2].text(3), "552.5");
    assert_eq!(g.rows[4].text(3), "0.3");
}

/// XLS and ODS keep no number format calamine can give: a float amount is
/// printed with the table's two decimals (`552.50`, as LibreOffice shows it),
/// like the XLSX edition whose cells carry `0.00`.
#[test]
fn xls_and_ods_amounts_keep_their_printed_decimals() {
    for name in ["fe-haizhu.xls", "fe-haizhu.ods", "fe-haizhu.xlsx"] {
        let t = read::read_path(&fixture(name), &ReadOptions::default()).unwrap();
        let total = t.grand_total.as_ref().unwrap().funding.total.unwrap();
        assert_eq!(total.to_string(), "552.50", "{name}");
        let amounts: Vec<String> = t
            .projects()
            .map(|p| p.funding.total.unwrap().to_string())
            .collect();
        assert_eq!(
            amounts,
            ["158.00", "10.00", "50.00", "10.00", "94.50", "200.00", "20.00", "10.00"],
            "{name}"
        );
    }
    // The grid keeps the stored value, marked as a number without its format.
    let raw = bytes("fe-haizhu.ods");
    let (_, sg) = read::sheet_grid(
        "fe-haizhu.ods",
        &raw,
        Some("绩效目标表"),
        &Limits::default(),
    )
    .unwrap();
    let total = &sg.grid.rows[9].cells[1];
    assert_eq!((total.text.as_ref(), total.bare_number), ("552.5", true));
    assert!(!sg.grid.rows[9].cells[0].bare_number);
}

#[test]
fn html_saved_as_xls_is_read_by_content() {
    let raw = bytes("fe-haizhu-html.xls");
    assert_eq!(read::sniff("fe-haizhu-html.xls", &raw), read::Sniffed::Html);
    let d = decode::decode("h.xls", &raw, None, decode::html_charset_hint(&raw)).unwrap();
    let tables = html::html_tables("h.xls", &d.text, &Limits::default()).unwrap();
    let biggest = &tables[0].grid;
    let title = biggest
        .rows
        .iter()
        .find(|r| r.text(0) == "项目支出绩效目标表（含转移支付项目）")
        .unwrap();
    // LibreOffice writes the merged title as colspan="7".
    assert_eq!(title.cells.len(), 7);
    assert!(title.cells[1..].iter().all(|c| c.merged));
    // Its sheet is named by LibreOffice's `Sheet 2: 绩效目标表` heading, and
    // rows are the table's <tr>s: the title is row 1, P1 row 10.
    assert_eq!(tables[0].sheet.as_deref(), Some("绩效目标表"));
    assert_eq!(title.number, 1);
    assert_eq!(
        biggest.rows[0].number, 1,
        "the sheet heading is not a preamble line"
    );
    let p1 = biggest
        .rows
        .iter()
        .find(|r| r.text(0) == "“青年地带”青少年服务经费")
        .unwrap();
    assert_eq!(p1.number, 10);
}

fn xlsx_with_rust_xlsxwriter() -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("表1").unwrap();
    let two = Format::new().set_num_format("0.00");
    // Used range starts at C5, not A1.
    ws.merge_range(4, 2, 4, 5, "项目支出绩效目标表", &Format::new())
        .unwrap();
    ws.write_string(5, 2, "项目名称").unwrap();
    ws.write_string(5, 3, "总计").unwrap();
    ws.write_string(6, 2, "合计").unwrap();
    ws.write_number_with_format(6, 3, 552.5, &two).unwrap();
    ws.write_number(6, 4, "552.49999999999994".parse::<f64>().unwrap())
        .unwrap();
    ws.merge_range(7, 2, 9, 2, "产出指标", &Format::new())
        .unwrap();
    ws.write_formula(7, 3, "=#REF!+1").unwrap();
    ws.set_formula_result(7, 3, "#REF!");
    wb.save_to_buffer().unwrap()
}

#[test]
fn xlsx_written_at_runtime() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runtime.xlsx");
    std::fs::write(&path, xlsx_with_rust_xlsxwriter()).unwrap();
    let raw = std::fs::read(&path).unwrap();
    let (name, sg) = read::sheet_grid("runtime.xlsx", &raw, None, &Limits::default()).unwrap();
    assert_eq!(name, "表1");
    let g = &sg.grid;
    assert_eq!(g.rows.len(), 10);
    assert!(g.rows[..4].iter().all(|r| r.is_blank()));
    let title = &g.rows[4];
    assert_eq!(title.number, 5);
    assert_eq!(title.text(2), "项目支出绩效目标表");
    assert!(!title.cells[2].merged);
    assert!(title.cells[3..6]
        .iter()
        .all(|c| c.merged && c.text == "项目支出绩效目标表"));
    assert_eq!(g.rows[6].text(2), "合计");
    assert_eq!(g.rows[6].text(3), "552.50");
    assert_eq!(g.rows[6].text(4), "552.5");
    assert_eq!(g.rows[9].text(2), "产出指标");
    assert!(g.rows[9].cells[2].merged);
    assert_eq!(g.rows[7].text(3), "#REF!");
    assert_eq!(sg.notices.len(), 1);
    assert_eq!(sg.notices[0].code, "cell-error");
    assert_eq!(sg.notices[0].origin, Some(jixiao_core::Origin::new(8, 4)));
    // The position and the error in each language, each language alone.
    let n = &sg.notices[0];
    assert!(
        n.message.starts_with("第8行第4列：工作表“")
            && n.message.ends_with("的单元格含错误值 #REF!，按文本读取"),
        "{}",
        n.message
    );
    assert!(
        n.message_en
            .starts_with("row 8, column 4: the cell of sheet “")
            && n.message_en
                .ends_with("” holds the Excel error #REF!; read as text"),
        "{}",
        n.message_en
    );
}

// ---------------------------------------------------------------- hostile input

fn opts() -> ReadOptions {
    ReadOptions::default()
}

#[test]
fn truncated_xlsx_is_a_clear_error() {
    let raw = xlsx_with_rust_xlsxwriter();
    let cut = &raw[..raw.len() / 2];
    let err = read::read_bytes("报表.xlsx", cut, &opts()).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("报表.xlsx"), "{msg}");
    assert!(msg.contains("文件已损坏或不完整"), "{msg}");
    assert!(msg.contains("另存为 .xlsx"), "{msg}");
    // Cut right after the magic bytes, and a zip with a bad entry.
    let err = read::read_bytes("报表.xlsx", &raw[..10], &opts()).unwrap_err();
    let en = err.render(Lang::English);
    assert!(
        en.starts_with("报表.xlsx: the file is truncated or corrupt: ")
            && en.contains("\n  hint: open it in Excel and save it again as .xlsx"),
        "{en}"
    );
    assert!(!err.to_string().contains("corrupt"), "{err}");
}

#[test]
fn binary_data_named_as_a_workbook_is_refused_as_that_workbook() {
    // Random-looking bytes (no zip, no compound document) named .xlsx, .xls
    // or .ods: a damaged file or one of another type, said so for the
    // workbook the user gave, never "not a text table, give it as XLSX".
    let mut seed: u64 = 0x5eed;
    let noise: Vec<u8> = (0..4000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    for (name, zh, en, hint) in [
        (
            "r.xlsx",
            "不是有效的 XLSX 文件（不是 zip 压缩包）",
            "not a valid XLSX file (not a zip archive): the file may be damaged or of another type",
            "open it in Excel and save it again as .xlsx",
        ),
        (
            "r.xls",
            "不是有效的 XLS 文件（不是 Excel 97-2003 工作簿）",
            "not a valid XLS file (not an Excel 97-2003 workbook)",
            "save it again as .xlsx or .xls",
        ),
        (
            "r.ODS",
            "不是有效的 ODS 文件（不是 zip 压缩包）",
            "not a valid ODS file (not a zip archive)",
            "save it again as .ods or .xlsx",
        ),
    ] {
        let err = read::read_bytes(name, &noise, &opts()).unwrap_err();
        let (msg, en_msg) = (err.render(Lang::Zh), err.render(Lang::English));
        assert!(
            msg.starts_with(&format!("{name}: {zh}")) && msg.contains("文件可能已损坏"),
            "{msg}"
        );
        assert!(!msg.contains("文本表格"), "{msg}");
        assert!(
            en_msg.starts_with(&format!("{name}: {en}")) && en_msg.contains(hint),
            "{en_msg}"
        );
    }
    // Text and HTML named .xls are still read by their content, and binary
    // data under a text name is still "not a text table".
    let sample = sample_text();
    assert!(read::read_bytes("t.xls", sample.as_bytes(), &opts()).is_ok());
    assert!(read::read_bytes("p.xls", &bytes("fe-haizhu-html.xls"), &opts()).is_ok());
    let err = read::read_bytes("r.txt", &noise, &opts()).unwrap_err();
    assert!(err.to_string().contains("不是文本表格"), "{err}");
}

#[test]
fn a_self_evaluation_is_refused_not_read_as_a_target_table() {
    // The central 项目支出绩效自评表 (GUIDE §3.6): read as a target table it
    // took the label 预期目标 for the goal and dropped 实际完成值 and 得分.
    let text = "项目支出绩效自评表\n（2023年度）\n项目名称\t社区服务经费\t\n\
        项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n\
        年度资金总额\t100.00\t100.00\t95.00\t10\t95%\t9.5\n\
        年度总体目标\t预期目标\t实际完成情况\n\t开展社区服务\t已完成\n\
        绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
        \t产出指标(50分)\t数量指标\t服务人次\t≥1000人次\t1200人次\t25\t25\t\n";
    let err = read::read_bytes("zp.tsv", text.as_bytes(), &opts()).unwrap_err();
    let msg = err.render(Lang::Zh);
    assert!(
        msg.starts_with(
            "zp.tsv 第1行 第1列: 这是项目支出绩效自评表（「项目支出绩效自评表」），不是绩效目标表"
        ),
        "{msg}"
    );
    assert!(err
        .render(Lang::English)
        .contains("self-evaluations are not supported yet"));
    // Without its title, the self-evaluation's own columns tell it.
    let untitled = text.replacen("项目支出绩效自评表\n", "\n", 1);
    let err = read::read_bytes("zp.tsv", untitled.as_bytes(), &opts()).unwrap_err();
    assert!(
        err.render(Lang::Zh).contains("「全年执行数」"),
        "{}",
        err.render(Lang::Zh)
    );
    // A target table that mentions a self-evaluation in its prose, or names a
    // project or an indicator after one, is still read.
    let sample = sample_text().replacen("开展", "结合上年自评表结果开展", 1);
    assert!(read::read_bytes("t.txt", sample.as_bytes(), &opts()).is_ok());
    let sample = sample_text().replacen("团委各项工作经费", "绩效自评表印制费", 1);
    assert!(read::read_bytes("t.txt", sample.as_bytes(), &opts()).is_ok());
    let rows = "2024年项目支出绩效目标表\n单位：万元\n\
        单位名称\t项目名称\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\n\
        财政局\t预算绩效管理经费\t10.00\t组织开展绩效自评\t产出指标\t数量指标\t审核绩效自评表份数\t≥50份\n";
    let t = read::read_bytes("r.tsv", rows.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().count(), 1);
}

#[test]
fn a_whole_department_table_is_refused_not_read_as_projects() {
    // /tmp/ur9 t15, t15b, p7 (GUIDE §3.5): refused as "no header", with the
    // hint to add 项目名称, which would have its tasks reviewed as projects.
    let tasks = "2024年部门整体支出绩效目标表\n部门名称：某区医疗保障局\n单位：万元\n\
        年度主要任务\t主要内容\t总计\t财政拨款\t其他资金\t绩效目标\t绩效指标\n\
        城乡居民医疗保险财政补助\t按标准补助\t2560.00\t2560.00\t\t落实补助政策。\t1-产出指标：参保人数，年度指标值：≥3600人。\n";
    let err = read::read_bytes("dept.tsv", tasks.as_bytes(), &opts()).unwrap_err();
    let msg = err.render(Lang::Zh);
    assert!(
        msg.starts_with("dept.tsv 第1行 第1列: 这是部门（单位）整体支出绩效目标表"),
        "{msg}"
    );
    assert!(err.render(Lang::English).contains("not supported yet"));
    // The 申报表 form's title, or (untitled) its 年度主要任务 column.
    let form = tasks.replacen(
        "2024年部门整体支出绩效目标表",
        "部门（单位）整体支出绩效目标申报表",
        1,
    );
    assert!(read::read_bytes("f.tsv", form.as_bytes(), &opts())
        .unwrap_err()
        .render(Lang::Zh)
        .contains("整体支出"));
    let untitled = tasks.replacen("2024年部门整体支出绩效目标表\n", "", 1);
    let err = read::read_bytes("u.tsv", untitled.as_bytes(), &opts()).unwrap_err();
    assert!(
        err.render(Lang::Zh).contains("「年度主要任务」"),
        "{}",
        err.render(Lang::Zh)
    );
    // Without 支出 in the title, or untitled with a 任务名称 column (/tmp/ur10
    // w08); a project table with a 年度主要任务 column of its projects is read
    // (ur10 w05).
    let no_zhichu = tasks.replacen("部门整体支出绩效目标表", "部门整体绩效目标表", 1);
    assert!(read::read_bytes("w.tsv", no_zhichu.as_bytes(), &opts())
        .unwrap_err()
        .render(Lang::Zh)
        .contains("整体支出绩效目标表（「2024年部门整体绩效目标表」）"));
    let task_col = untitled.replacen("年度主要任务", "任务名称", 1);
    assert!(read::read_bytes("k.tsv", task_col.as_bytes(), &opts())
        .unwrap_err()
        .render(Lang::Zh)
        .contains("「任务名称」"));
    let rows = "2024年项目支出绩效目标表\n单位：万元\n\
        单位名称\t项目名称\t年度主要任务\t预算数\t年度目标\t一级指标\t二级指标\t三级指标\t指标值\n\
        财政局\t预算绩效管理经费\t组织评价\t10.00\t完成评价\t产出指标\t数量指标\t评价项目数\t≥5个\n";
    let t = read::read_bytes("p.tsv", rows.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().count(), 1);
    // On a page beside a project table, it is named, as a workbook's sheet
    // is (/tmp/ur10 h04).
    let table = |text: &str| -> String {
        let rows: String = text
            .lines()
            .map(|l| {
                let cells: String = l.split('\t').map(|c| format!("<td>{c}</td>")).collect();
                format!("<tr>{cells}</tr>")
            })
            .collect();
        format!("<table>{rows}</table>")
    };
    let page = format!(
        "<html><meta charset=\"utf-8\"><body>{}{}</body></html>",
        table(tasks),
        table(&sample_text())
    );
    let t = read::read_bytes("p.html", page.as_bytes(), &opts()).unwrap();
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "sheet-not-target")
        .expect("the whole-department table is named");
    assert!(
        n.message.contains("“表格1”（是部门整体支出绩效目标表"),
        "{}",
        n.message
    );
    // A project table with a project about a whole-department evaluation is read.
    let sample = sample_text().replacen("团委各项工作经费", "部门整体支出绩效评价经费", 1);
    assert!(read::read_bytes("t.txt", sample.as_bytes(), &opts()).is_ok());
}

#[test]
fn a_self_evaluation_sheet_beside_the_targets_is_named_as_such() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let self_evaluation =
        "项目支出绩效自评表\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\n\
        绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t得分\n\
        \t产出指标\t数量指标\t服务人次\t≥1000人次\t1200人次\t25";
    for (name, text) in [
        ("目标表", sample_text()),
        ("自评表", self_evaluation.to_string()),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, line) in text.split('\n').enumerate() {
            for (c, cell) in line.split('\t').enumerate() {
                ws.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("both.xlsx");
    wb.save(&path).unwrap();
    let t = read::read_path(&path, &opts()).unwrap();
    assert_eq!(t.source.sheet.as_deref(), Some("目标表"));
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "sheet-not-target")
        .expect("the self-evaluation sheet is named");
    assert!(
        n.message
            .contains("“自评表”（是项目支出绩效自评表，暂不支持）"),
        "{}",
        n.message
    );
}

fn zip_of_zeros(entry: &str, size: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    w.start_file(entry, o).unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..size >> 20 {
        w.write_all(&chunk).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bomb_is_refused() {
    let bomb = zip_of_zeros("xl/worksheets/sheet1.xml", 40 << 20);
    assert!(bomb.len() < 200_000, "compressed to {} bytes", bomb.len());
    // Default limits: the compression ratio gives it away.
    let err = read::read_bytes("bomb.xlsx", &bomb, &opts()).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("bomb.xlsx"), "{err}");
    // A small configured bound on the decompressed size.
    let small = ReadOptions {
        limits: Limits {
            max_unzipped_bytes: 8 << 20,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = read::read_bytes("bomb.xlsx", &bomb, &small).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::TooLarge { .. }), "{msg}");
    assert!(msg.contains("8 MiB"), "{msg}");
}

#[test]
fn binary_junk_is_not_a_text_table() {
    let mut junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    junk[0] = 0x7f;
    let err = read::read_bytes("junk.txt", &junk, &opts()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("junk.txt 第2行") && msg.contains("不是文本表格"),
        "{msg}"
    );
    let en = err.render(Lang::English);
    assert!(
        en.contains("junk.txt row 2") && en.contains("not a text table"),
        "{en}"
    );
    // Control bytes without NULs.
    let err = read::read_bytes("ctl.txt", b"a\tb\tc\n\x01\x02\x03\x04", &opts()).unwrap_err();
    assert!(
        err.to_string().contains("不是文本表格：含控制字符"),
        "{err}"
    );
    let en = err.render(Lang::English);
    assert!(
        en.starts_with("ctl.txt row 2, column 1: not a text table: it holds control characters"),
        "{en}"
    );
    assert_eq!(err.location().and_then(|l| l.row), Some(2));
    // Random bytes behind a CFB or zip magic never panic.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.extend_from_slice(&junk);
    assert!(read::read_bytes("junk.xls", &cfb, &opts()).is_err());
    let mut pk = b"PK\x03\x04".to_vec();
    pk.extend_from_slice(&junk);
    assert!(read::read_bytes("junk.xlsx", &pk, &opts()).is_err());
    assert!(read::read_bytes("empty.txt", b"", &opts()).is_err());
}

#[test]
fn wrong_encoding_names_line_and_column() {
    let raw = bytes("fe-haizhu-gb18030.txt");
    let o = ReadOptions {
        encoding: Some("utf-8".into()),
        ..ReadOptions::default()
    };
    let err = read::read_bytes("gbk.txt", &raw, &o).unwrap_err();
    let loc = err.location().unwrap().clone();
    assert_eq!(
        (loc.file.as_str(), loc.row, loc.col),
        ("gbk.txt", Some(3), Some(1))
    );
    let msg = err.to_string();
    assert!(
        msg.contains("--encoding gbk") && msg.contains("UTF-8"),
        "{msg}"
    );
}

#[test]
fn unknown_encoding_label() {
    let o = ReadOptions {
        encoding: Some("klingon-8".into()),
        ..ReadOptions::default()
    };
    let err = read::read_bytes("a.txt", b"a\tb\tc\n", &o).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("a.txt") && msg.contains("klingon-8") && msg.contains("未知编码"),
        "{msg}"
    );
    let en = err.render(Lang::English);
    assert!(
        en.starts_with("a.txt: unknown encoding “klingon-8”") && en.contains("--encoding gbk"),
        "{en}"
    );
}

#[test]
fn missing_sheet_lists_the_sheets() {
    let o = ReadOptions {
        sheet: Some("Sheet9".into()),
        ..ReadOptions::default()
    };
    let err = read::read_path(&fixture("fe-haizhu.xlsx"), &o).unwrap_err();
    let loc = err.location().unwrap();
    assert!(loc.file.ends_with("fe-haizhu.xlsx"));
    assert_eq!(loc.sheet.as_deref(), Some("Sheet9"));
    let msg = err.to_string();
    for s in ["说明", "绩效目标表", "合并"] {
        assert!(msg.contains(s), "{msg}");
    }
}

#[test]
fn size_bound_is_enforced() {
    let o = ReadOptions {
        limits: Limits {
            max_file_bytes: 1024,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = read::read_path(&fixture(SAMPLE), &o).unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }));
    assert!(err.to_string().contains("max_file_bytes"), "{err}");
}

#[test]
fn format_sniffing() {
    use read::Sniffed;
    assert_eq!(
        read::sniff("a.xlsx", &bytes("fe-haizhu.xlsx")),
        Sniffed::Zip
    );
    assert_eq!(read::sniff("a.bin", &bytes("fe-haizhu.xls")), Sniffed::Cfb);
    assert_eq!(
        read::sniff("a.xls", &bytes("fe-haizhu-gbk.html")),
        Sniffed::Html
    );
    assert_eq!(read::sniff("a.xls", &bytes(SAMPLE)), Sniffed::Text);
}

// ---------------------------------------------------------------- end to end (needs build_table)

fn assert_sample_table(t: &jixiao_core::Table) {
    let projects: Vec<_> = t.units.iter().flat_map(|u| &u.projects).collect();
    assert_eq!(projects.len(), 8);
    assert_eq!(
        projects.iter().map(|p| p.indicators.len()).sum::<usize>(),
        29
    );
    let total = t
        .grand_total
        .as_ref()
        .and_then(|g| g.funding.total)
        .unwrap();
    assert_eq!(total, "552.50".parse().unwrap());
}

/// The notice of `code` in `t`, if any.
fn notice<'t>(t: &'t jixiao_core::Table, code: &str) -> Option<&'t jixiao_core::Notice> {
    t.notices.iter().find(|n| n.code == code)
}

/// `fe-multi-sheet.*` (tests/fixtures/fe-multi-generate.py): a budget sheet
/// `部门项目支出预算05-1` first (it reads as a table, without targets), the
/// sample in `部门项目支出绩效目标05-2`, a second target table in `下属单位`,
/// and a blank `Sheet4`.
#[test]
fn workbooks_are_read_by_their_target_sheets_not_their_first() {
    for name in [
        "fe-multi-sheet.xlsx",
        "fe-multi-sheet.xls",
        "fe-multi-sheet.ods",
    ] {
        // One table (show, convert): the first target sheet, the others named.
        let t = read::read_path(&fixture(name), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            t.source.sheet.as_deref(),
            Some("部门项目支出绩效目标05-2"),
            "{name}"
        );
        assert_sample_table(&t);
        let skipped = notice(&t, "sheet-not-target").unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            skipped.message,
            "未读取没有绩效目标表的工作表：“部门项目支出预算05-1”（表头没有绩效目标、绩效指标或一级指标列）",
            "{name}"
        );
        assert_eq!(
            skipped.english(),
            "not read: a sheet without a performance-target table: “部门项目支出预算05-1” \
             (its header has no 绩效目标, 绩效指标 or 一级指标 column)"
        );
        let more = notice(&t, "sheet-more-targets").unwrap_or_else(|| panic!("{name}"));
        assert!(
            more.message.contains("“下属单位”") && more.message.contains("--sheet"),
            "{}",
            more.message
        );
        assert!(more.english().contains("“下属单位”"), "{}", more.english());

        // Every table (check): both target sheets, in workbook order; the
        // sheets without targets named once, on the first.
        let all = read::read_path_all(&fixture(name), &ReadOptions::default()).unwrap();
        let sheets: Vec<Option<&str>> = all.iter().map(|t| t.source.sheet.as_deref()).collect();
        assert_eq!(
            sheets,
            [Some("部门项目支出绩效目标05-2"), Some("下属单位")],
            "{name}"
        );
        assert_sample_table(&all[0]);
        assert!(notice(&all[0], "sheet-not-target").is_some(), "{name}");
        assert!(notice(&all[1], "sheet-not-target").is_none(), "{name}");
        assert!(all
            .iter()
            .all(|t| notice(t, "sheet-more-targets").is_none()));
        let names: Vec<&str> = all[1].projects().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["综合业务费", "志愿服务费"], "{name}");

        // --sheet reads that sheet alone, with no notice about the others.
        for sheet in ["下属单位", "部门项目支出预算05-1"] {
            let o = ReadOptions {
                sheet: Some(sheet.into()),
                ..ReadOptions::default()
            };
            for t in [
                vec![read::read_path(&fixture(name), &o).unwrap()],
                read::read_path_all(&fixture(name), &o).unwrap(),
            ] {
                assert_eq!(t.len(), 1);
                assert_eq!(t[0].source.sheet.as_deref(), Some(sheet));
                assert!(
                    t[0].notices.iter().all(|n| !n.code.starts_with("sheet-")),
                    "{name} {sheet}: {:?}",
                    t[0].notices
                );
            }
        }
    }
}

#[test]
fn a_workbook_without_target_sheets_reads_its_first_table() {
    // Budget sheets only: the first sheet that reads as a table, as before,
    // the other non-blank sheets named.
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "本表金额单位为万元").unwrap();
    for sheet in ["预算A", "预算B"] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        for (c, h) in ["项目名称", "总计", "财政拨款"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "某项目经费").unwrap();
        ws.write_string(1, 1, "10.00").unwrap();
        ws.write_string(1, 2, "10.00").unwrap();
    }
    wb.add_worksheet();
    let raw = wb.save_to_buffer().unwrap();
    for all in [false, true] {
        let tables = if all {
            read::read_bytes_all("b.xlsx", &raw, &opts()).unwrap()
        } else {
            vec![read::read_bytes("b.xlsx", &raw, &opts()).unwrap()]
        };
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!(t.source.sheet.as_deref(), Some("预算A"));
        let n = notice(t, "sheet-not-target").expect("the sheets not read");
        assert_eq!(
            n.message,
            "未读取没有绩效目标表的工作表：“说明”（没有可识别的表头）、“预算B”（表头没有绩效目标、绩效指标或一级指标列）"
        );
    }
}

#[test]
fn end_to_end_sample_and_fixtures() {
    for (name, format, encoding) in [
        (SAMPLE, "text", Some("UTF-8")),
        ("fe-haizhu-gb18030.txt", "text", Some("GB18030")),
        ("fe-haizhu-utf16le-bom.txt", "text", Some("UTF-16LE")),
        ("fe-haizhu-utf8-bom-crlf.txt", "text", Some("UTF-8")),
        ("fe-haizhu-quoted.csv", "csv", Some("UTF-8")),
        ("fe-haizhu-pipe.txt", "text", Some("UTF-8")),
        ("fe-haizhu-gbk.html", "html", Some("GB18030")),
        ("fe-haizhu.xlsx", "xlsx", None),
        ("fe-haizhu.xls", "xls", None),
        ("fe-haizhu.ods", "ods", None),
        ("fe-haizhu-html.xls", "html", Some("UTF-8")),
    ] {
        let t = read::read_path(&fixture(name), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_sample_table(&t);
        assert_eq!(t.source.format, format, "{name}");
        assert_eq!(t.source.encoding.as_deref(), encoding, "{name}");
        if matches!(format, "xlsx" | "xls" | "ods") {
            assert_eq!(t.source.sheet.as_deref(), Some("绩效目标表"), "{name}");
        }
    }
    let t = read::read_path(&fixture(SAMPLE), &ReadOptions::default()).unwrap();
    assert_eq!(t.source.delimiter, Some('\t'));
    assert_eq!(t.source.final_newline, Some(false));
    assert_eq!(t.source.encoding_source.as_deref(), Some("utf8-valid"));
}

// ---------------------------------------------------------------- no panics on damaged input

/// Deterministic damage: truncations and byte flips of every fixture format.
#[test]
fn damaged_fixtures_never_panic() {
    let mut seed: u64 = 0x2024;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for name in [
        "fe-haizhu.xlsx",
        "fe-haizhu.xls",
        "fe-haizhu-gbk.html",
        "fe-haizhu-quoted.csv",
        "fe-haizhu-utf16le-bom.txt",
        "fe-spans-gb2312.html",
    ] {
        let raw = bytes(name);
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for k in 1..8 {
            cases.push(raw[..raw.len() * k / 8].to_vec());
        }
        for _ in 0..40 {
            let mut v = raw.clone();
            for _ in 0..1 + next() % 8 {
                let i = (next() % v.len() as u64) as usize;
                v[i] = next() as u8;
            }
            cases.push(v);
        }
        for (i, case) in cases.iter().enumerate() {
            let r = std::panic::catch_unwind(|| read::read_bytes(name, case, &opts()));
            assert!(r.is_ok(), "{name} case {i} panicked");
        }
    }
}

// ---------------------------------------------------------------- PDF (experimental)

#[test]
fn pdf_layout_text_and_missing_pdftotext() {
    use read::pdf::{self, PdfText};
    let raw = bytes("fe-haizhu.pdf");
    assert_eq!(read::sniff("x.bin", &raw), read::Sniffed::Pdf);
    // Without the program: a clear message naming the file, never a panic.
    let o = ReadOptions {
        pdftotext: Some("/nonexistent/pdftotext".into()),
        ..ReadOptions::default()
    };
    let err = read::read_bytes("表.pdf", &raw, &o).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("表.pdf") && msg.contains("poppler-utils"),
        "{msg}"
    );
    // With it (skipped where poppler-utils is not installed).
    let backend = pdf::Pdftotext::default();
    match backend.pdf_to_text("fe-haizhu.pdf", &raw) {
        Ok(text) => {
            let g = pdf::layout_grid(&text);
            let total = g.rows.iter().find(|r| r.text(0) == "合计").unwrap();
            assert!(total.cells.iter().any(|c| c.text.contains("552.50")));
            // The whole read either works or says why, naming the file.
            if let Err(e) = read::read_bytes("表.pdf", &raw, &opts()) {
                assert!(e.to_string().contains("表.pdf"), "{e}");
            }
        }
        Err(e) => assert!(e.to_string().contains("pdftotext"), "{e}"),
    }
}

/// A page of `/tmp/ur2`'s user test: `preamble` above a target table of
/// amounts in 元 (1 000 000 元 = 100 万元), a second target table below.
fn yuan_page(preamble: &str) -> String {
    let head = "<tr><th>项目名称（资金使用单位）</th><th>总计</th><th>财政拨款</th>\
        <th>绩效目标</th><th>绩效指标</th></tr>";
    format!(
        "<html><head><meta charset=\"utf-8\"></head><body>{preamble}\
         <table border=1>{head}\
         <tr><td>合计</td><td>1000000.00</td><td>1000000.00</td><td></td><td></td></tr>\
         <tr><td>测试局&nbsp;</td><td>1000000.00</td><td>1000000.00</td><td></td><td></td></tr>\
         <tr><td>甲项目</td><td>700000.00</td><td>700000.00</td><td>完成甲任务。</td>\
         <td>1-产出指标：培训人次，年度指标值：≥100人次。</td></tr>\
         <tr><td>乙项目</td><td>300000.00</td><td>300000.00</td><td>完成乙任务。</td>\
         <td>1-产出指标：检查次数，年度指标值：≥12次。</td></tr></table>\
         <p>下属单位：</p><table border=1>{head}\
         <tr><td>合计</td><td>50.00</td><td>50.00</td><td></td><td></td></tr>\
         <tr><td>丙项目</td><td>50.00</td><td>50.00</td><td>完成丙任务。</td>\
         <td>1-产出指标：检查次数，年度指标值：≥12次。</td></tr></table></body></html>"
    )
}

#[test]
fn html_money_scale_beside_the_department_or_in_a_small_table() {
    let title = "<div align=center><b>项目支出绩效目标表</b></div>";
    for preamble in [
        format!("{title}<div>部门名称：测试局&nbsp;&nbsp;&nbsp;&nbsp;单位：元</div>"),
        format!("{title}<div>部门名称：测试局<span style=\"float:right\">单位：元</span></div>"),
        "<table><tr><td>项目支出绩效目标表</td></tr><tr><td>部门名称：测试局</td></tr>\
         <tr><td>单位：元</td></tr></table>"
            .to_string(),
    ] {
        let t = read::read_bytes("p.html", yuan_page(&preamble).as_bytes(), &opts())
            .unwrap_or_else(|e| panic!("{preamble}: {e}"));
        assert_eq!(t.department.as_deref(), Some("测试局"), "{preamble}");
        assert_eq!(t.money_scale, jixiao_core::MoneyScale::Yuan, "{preamble}");
        assert!(t.money_scale_stated, "{preamble}");
        assert_eq!(t.title.as_deref(), Some("项目支出绩效目标表"), "{preamble}");
    }
}

#[test]
fn html_pages_with_several_target_tables() {
    let page = yuan_page("<p>部门名称：测试局</p><p>单位：元</p>");
    let raw = page.as_bytes();
    // One table (show, convert): the first, the other named.
    let t = read::read_bytes("p.html", raw, &opts()).unwrap();
    assert_eq!(t.source.table, Some(1));
    let more = notice(&t, "table-more-targets").expect("the other table named");
    assert!(more.message.contains("表格2"), "{}", more.message);
    // Every target table (check), in page order, none with the notice.
    let all = read::read_bytes_all("p.html", raw, &opts()).unwrap();
    let index: Vec<_> = all.iter().map(|t| t.source.table).collect();
    assert_eq!(index, [Some(1), Some(2)]);
    assert!(all
        .iter()
        .all(|t| notice(t, "table-more-targets").is_none()));
    assert_eq!(all[1].projects().next().unwrap().name, "丙项目");
    // The page's 单位：元, printed once above the first table, holds for the
    // second too (50.00 元, not 50.00 万元), and a notice says it was taken.
    let inherited = |t: &jixiao_core::Table| {
        assert_eq!(t.money_scale, jixiao_core::MoneyScale::Yuan);
        assert_eq!(
            t.projects().next().unwrap().funding.total,
            Some(rust_decimal::Decimal::new(50, 4))
        );
        let n = notice(t, "money-scale-inherited").expect("the scale's origin said");
        assert_eq!(
            n.message,
            "表头以上没有金额单位，沿用本页表格1上方的「单位：元」"
        );
    };
    inherited(&all[1]);
    // --sheet picks a table by its place; an unknown one is refused with the list.
    for wanted in ["表格2", "表格 2", "table 2", "2"] {
        let o = ReadOptions {
            sheet: Some(wanted.to_string()),
            ..opts()
        };
        let t = read::read_bytes("p.html", raw, &o).unwrap();
        assert_eq!(t.source.table, Some(2), "{wanted}");
        assert!(notice(&t, "table-more-targets").is_none());
        inherited(&t);
    }
    let o = ReadOptions {
        sheet: Some("下属单位".to_string()),
        ..opts()
    };
    let e = read::read_bytes("p.html", raw, &o).unwrap_err().to_string();
    assert!(
        e.contains("“下属单位”") && e.contains("表格1、表格2"),
        "{e}"
    );
}

/// True when poppler's pdftotext runs here; otherwise says the test is skipped.
fn have_pdftotext(test: &str) -> bool {
    let ok = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !ok {
        eprintln!("{test}: skipped, pdftotext (poppler-utils) is not installed");
    }
    ok
}

/// The PDF `pdf-<stem>.pdf` (printed from `pdf-<stem>.tsv`) reads to the
/// same table as the TSV.
fn pdf_reads_as_tsv(stem: &str) {
    let pdf = format!("pdf-{stem}.pdf");
    let tsv = format!("pdf-{stem}.tsv");
    let mut p =
        read::read_bytes(&pdf, &bytes(&pdf), &opts()).unwrap_or_else(|e| panic!("{pdf}: {e}"));
    let mut t = read::read_bytes(&tsv, &bytes(&tsv), &opts()).unwrap();
    p.source = Default::default();
    t.source = Default::default();
    // Row numbers differ (text lines against TSV rows): compare without them.
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for k in ["origin", "header_row", "row"] {
                    m.remove(k);
                }
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let (mut pv, mut tv) = (
        serde_json::to_value(&p).unwrap(),
        serde_json::to_value(&t).unwrap(),
    );
    strip(&mut pv);
    strip(&mut tv);
    assert_eq!(pv, tv, "{pdf} does not read as {tsv}");
}

#[test]
fn pdf_blank_cells_stay_in_their_columns() {
    if !have_pdftotext("pdf_blank_cells_stay_in_their_columns") {
        return;
    }
    // Row layout: blank 度量单位 / 权重 on continuation rows.
    pdf_reads_as_tsv("r");
    pdf_reads_as_tsv("r2");
    // One-cell layout: blank 绩效目标.
    pdf_reads_as_tsv("p1");
}

#[test]
fn pdf_wrapped_goal_is_joined() {
    if !have_pdftotext("pdf_wrapped_goal_is_joined") {
        return;
    }
    pdf_reads_as_tsv("r3");
    let t = read::read_bytes("r3.pdf", &bytes("pdf-r3.pdf"), &opts()).unwrap();
    let goal = t.units[0].projects[0].goal.as_deref();
    assert_eq!(
        goal,
        Some("保障机关正常运转，完成年度各项工作任务，服务群众办事，提升行政效能和服务水平")
    );
}

#[test]
fn pdf_header_repeated_on_page_two_is_skipped() {
    if !have_pdftotext("pdf_header_repeated_on_page_two_is_skipped") {
        return;
    }
    pdf_reads_as_tsv("m");
}

#[test]
fn pdf_line_that_cannot_be_placed_is_refused() {
    use read::pdf;
    let (fields, h) = four_column_pdf();
    let a = "甲项目       10.00     甲目标         1-产出指标：x，年度指标值：1个。\n";
    let cont = "                    续行\n";
    let b = "乙项目       10.00     乙目标         1-产出指标：y，年度指标值：1个。\n";
    let b_no_goal = "乙项目       10.00                 1-产出指标：y，年度指标值：1个。\n";
    let cells = |g: &Grid<'_>| -> Vec<Vec<String>> {
        g.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
            .collect()
    };
    // A blank cell stays an empty column: nothing slides left.
    let text = format!("{h}{b_no_goal}");
    let g = pdf::column_grid(&text, "t.pdf", 0, &fields).unwrap();
    assert_eq!(
        cells(&g)[1],
        ["乙项目", "10.00", "", "1-产出指标：y，年度指标值：1个。"]
    );
    // A piece between two columns: refused, naming page and line.
    let bad = "甲项目       10.00           甲目标   1-产出指标：x，年度指标值：1个。\n";
    let err = pdf::column_grid(&format!("{h}{bad}"), "t.pdf", 0, &fields)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("t.pdf") && err.contains("第1页") && err.contains("第2行"),
        "{err}"
    );
    // A wrapped line between two rows that both have text in its column.
    let err = pdf::column_grid(&format!("{h}{a}{cont}{b}"), "t.pdf", 0, &fields)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("续行") && err.contains("第3行") && err.contains("XLSX"),
        "{err}"
    );
    // Joined to the one neighbouring row that has text there.
    let text = format!("{h}{a}{cont}{b_no_goal}");
    let g = pdf::column_grid(&text, "t.pdf", 0, &fields).unwrap();
    let c = cells(&g);
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[1][2], "甲目标续行");
    assert_eq!(c[2][2], "");
}

/// `hdr2-*` (tests/fixtures/hdr2-generate.py): a two-row header, `其中：`
/// merged over the funding sources and the money scale only in the second
/// row under 资金总额 (`（万元）` in the text, `（元）` in the workbook and
/// the page, below a `单位：万元` line that the column's label overrides; the
/// XLS and ODS are LibreOffice's conversions of the XLSX).
/// Every front end gives the same table: the scale and the funding columns
/// right, the totals balancing.
#[test]
fn a_two_row_header_reads_the_same_in_every_front_end() {
    use jixiao_core::{Field, MoneyScale};
    for (name, scale, conflict) in [
        ("hdr2-wan.tsv", MoneyScale::WanYuan, false),
        ("hdr2-yuan.xlsx", MoneyScale::Yuan, true),
        ("hdr2-yuan.xls", MoneyScale::Yuan, true),
        ("hdr2-yuan.ods", MoneyScale::Yuan, true),
        ("hdr2-yuan.html", MoneyScale::Yuan, true),
    ] {
        let t = read::read_path(&fixture(name), &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(t.money_scale, scale, "{name}");
        let fields: Vec<Field> = t.columns.iter().map(|c| c.field).collect();
        // The sample's seven columns, in its order.
        assert_eq!(fields, jixiao_core::ONE_CELL_FIELDS, "{name}");
        let codes: Vec<&str> = t.notices.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(
            codes,
            if conflict {
                vec!["money-scale-conflict"]
            } else {
                vec![]
            },
            "{name}"
        );
        let g = t.grand_total.as_ref().expect("合计").funding;
        assert_eq!(
            g.total.map(|d| d.normalize().to_string()).as_deref(),
            Some("250.5"),
            "{name}"
        );
        let totals: Vec<String> = t
            .projects()
            .map(|p| p.funding.total.unwrap_or_default().normalize().to_string())
            .collect();
        assert_eq!(totals, ["120", "70", "60.5"], "{name}");
        let sources: Vec<String> = t
            .projects()
            .map(|p| {
                p.funding
                    .parts_sum()
                    .unwrap_or_default()
                    .normalize()
                    .to_string()
            })
            .collect();
        assert_eq!(sources, totals, "{name}");
        assert_eq!(t.units.len(), 1, "{name}");
        assert_eq!(t.units[0].name, "某区文化广电旅游体育局", "{name}");
        assert_eq!(
            t.projects().map(|p| p.indicators.len()).collect::<Vec<_>>(),
            [5, 4, 4],
            "{name}"
        );
    }
}

/// Two central 申报表 forms stacked in one sheet (the layout of a user
/// tester's /tmp/ur8/gen8.py), as rows of cells; `None` marks a cell merged
/// into the one on its left or above.
fn stacked_forms_rows() -> Vec<Vec<Option<&'static str>>> {
    let form = |name: &'static str,
                amounts: [&'static str; 3],
                goal: &'static str,
                inds: [[&'static str; 4]; 2]| {
        let mut rows = vec![
            vec![
                Some("项目支出绩效目标申报表（2024年度）"),
                None,
                None,
                None,
                None,
            ],
            vec![Some("项目名称"), Some(name), Some(""), Some(""), Some("")],
            vec![
                Some("主管部门及代码"),
                Some("[101]某市委组织部"),
                Some(""),
                Some("实施单位"),
                Some("某中心"),
            ],
            vec![
                Some("项目资金（万元）"),
                Some("年度资金总额："),
                Some(amounts[0]),
                Some(""),
                Some(""),
            ],
            vec![
                None,
                Some("其中：财政拨款"),
                Some(amounts[1]),
                Some(""),
                Some(""),
            ],
            vec![None, Some("其他资金"), Some(amounts[2]), Some(""), Some("")],
            vec![Some("年度目标"), Some(goal), Some(""), Some(""), Some("")],
            vec![
                Some("绩效指标"),
                Some("一级指标"),
                Some("二级指标"),
                Some("三级指标"),
                Some("指标值"),
            ],
        ];
        for [a, b, c, d] in inds {
            rows.push(vec![None, Some(a), Some(b), Some(c), Some(d)]);
        }
        rows
    };
    let mut rows = form(
        "项目甲",
        ["50.00", "40.00", "10.00"],
        "甲目标。",
        [
            ["产出指标", "数量指标", "甲数量", "≥10个"],
            ["满意度指标", "服务对象满意度指标", "甲满意度", "≥90%"],
        ],
    );
    rows.push(vec![]);
    rows.extend(form(
        "项目乙",
        ["30.00", "30.00", "0.00"],
        "乙目标。",
        [
            ["产出指标", "数量指标", "乙数量", "≥20个"],
            ["效益指标", "社会效益指标", "乙效益", "明显"],
        ],
    ));
    rows
}

/// What a table of stacked forms was read as, for comparing front ends.
fn stacked_summary(t: &jixiao_core::Table) -> Vec<String> {
    t.units
        .iter()
        .flat_map(|u| u.projects.iter().map(move |p| (u, p)))
        .map(|(u, p)| {
            let inds: Vec<String> = p
                .indicators
                .iter()
                .map(|i| format!("{}@{}", i.name, i.origin.row))
                .collect();
            format!(
                "{} | {}@{} | {:?} {:?} {:?} | {:?} | {}",
                u.name,
                p.name,
                p.origin.row,
                p.funding.total.map(|d| d.to_string()),
                p.funding.fiscal_appropriation.map(|d| d.to_string()),
                p.funding.other_funds.map(|d| d.to_string()),
                p.goal,
                inds.join(", ")
            )
        })
        .collect()
}

/// A form whose year's money was not read at all says so, as the catalogue's
/// `money-unread` (a warning): a medium-term block alone, or money laid out
/// in a way not recognised (ur57 a014: a blank row between labels and
/// amounts). A form with its year's money does not.
#[test]
fn a_form_without_the_years_money_says_so() {
    let form = |money: &str| {
        format!(
            "项目支出绩效目标申报表\n（2024年度）\n项目名称\t技能培训项目\n{money}\n年度目标\t培训500人次\n\
             绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥500人次\n"
        )
    };
    let unread = |money: &str| {
        let t = read::read_bytes("f.tsv", form(money).as_bytes(), &opts()).unwrap();
        t.notices
            .iter()
            .filter(|n| n.code == jixiao_core::review::catalogue::MONEY_UNREAD)
            .map(|n| n.origin.map(|o| o.row))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unread("中期资金（万元）\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00"),
        [Some(3)]
    );
    assert_eq!(
        unread("项目资金（万元）\t中期资金（2024-2026年）\n\t预算数\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00"),
        [Some(3)]
    );
    // (A blank row between the labels and the amounts is read since: see
    // `a_blank_row_between_a_forms_money_labels_and_amounts_is_skipped`.)
    assert!(unread("项目资金（万元）\t年度资金总额\t1000.00\n\t其中：财政拨款\t800.00").is_empty());
}

/// Stacked forms whose money labels run across, the amounts on the row
/// below, the last amount in the indicators' value column (ur58 F3: the
/// second form was refused).
#[test]
fn stacked_forms_with_money_labels_across_read_each_form() {
    let form = |name: &str, amounts: &str| {
        format!(
            "项目名称\t{name}\n主管部门及代码\t[301]某局\t\t实施单位\t某中心\n\
             项目资金（万元）\t年度资金总额\t财政拨款\t财政专户拨款\t其他资金\n\t{amounts}\n\
             年度绩效目标\t{name}目标。\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\
             \t产出指标\t数量指标\t{name}数量\t≥10个\n\t满意度指标\t服务对象满意度指标\t{name}满意度\t≥90%\n"
        )
    };
    let text = format!(
        "2024年度项目支出绩效目标表\n\t\t\t\t单位：万元\n{}\n{}",
        form("项目甲", "5600.00\t4800.00\t800.00\t"),
        form("项目乙", "268.30\t200.00\t\t68.30")
    );
    let t = read::read_bytes("stacked.tsv", text.as_bytes(), &opts()).unwrap();
    let got: Vec<String> = t
        .projects()
        .map(|p| {
            format!(
                "{} {:?} {:?} {:?} {}",
                p.name,
                p.funding.total.map(|d| d.to_string()),
                p.funding.fiscal_appropriation.map(|d| d.to_string()),
                p.funding.other_funds.map(|d| d.to_string()),
                p.indicators.len()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "项目甲 Some(\"5600.00\") Some(\"4800.00\") None 2",
            "项目乙 Some(\"268.30\") Some(\"200.00\") Some(\"68.30\") 2"
        ]
    );
    // A later form's medium-term goal naming the year it is to be reached
    // (`到2026年…`) is no statement of that form's year (ur58 F4: refused as
    // a 2026 form).
    let goal = "项目乙目标。\n中期目标\t到2026年累计建成高标准农田6万亩，亩均粮食产能提高100斤。";
    let text = text.replacen("项目乙目标。", goal, 1);
    let t = read::read_bytes("stacked.tsv", text.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().count(), 2);
    // Nor is a later form's money heading of another year (`2023年执行数 |
    // 2024年预算数`, ur58 stack-hubei-tsv: refused as a 2023 form).
    let matrix = "项目资金（万元）\t\t2023年执行数\t2024年预算数\n\t资金总额\t250.00\t268.30\n\t其中：财政拨款\t200.00\t200.00\n\t其他资金\t50.00\t68.30";
    let text = text.replacen(
        "项目资金（万元）\t年度资金总额\t财政拨款\t财政专户拨款\t其他资金\n\t268.30\t200.00\t\t68.30",
        matrix,
        1,
    );
    assert!(text.contains("2023年执行数"));
    let t = read::read_bytes("stacked.tsv", text.as_bytes(), &opts()).unwrap();
    let second = t.projects().nth(1).map(|p| p.funding.total);
    assert_eq!(second, Some("268.30".parse().ok()));
}

#[test]
fn stacked_forms_read_alike_from_xlsx_csv_and_html() {
    use rust_xlsxwriter::{Format, Workbook};
    let rows = stacked_forms_rows();
    // XLSX: the title merged across, 项目资金 and 绩效指标 merged down.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Some(t) = cell.filter(|t| !t.is_empty()) {
                let (r, c) = (r as u32, c as u16);
                match t.parse::<f64>() {
                    Ok(n) => {
                        ws.write_number_with_format(r, c, n, &Format::new().set_num_format("0.00"))
                    }
                    Err(_) => ws.write_string(r, c, t),
                }
                .unwrap();
            }
        }
    }
    for top in [0u32, 11] {
        ws.merge_range(top, 0, top, 4, rows[top as usize][0].unwrap(), &plain)
            .unwrap();
        ws.merge_range(top + 3, 0, top + 5, 0, "项目资金（万元）", &plain)
            .unwrap();
        ws.merge_range(top + 7, 0, top + 9, 0, "绩效指标", &plain)
            .unwrap();
    }
    let xlsx = read::read_bytes("stacked.xlsx", &wb.save_to_buffer().unwrap(), &opts()).unwrap();
    let want = vec![
        "某中心 | 项目甲@2 | Some(\"50.00\") Some(\"40.00\") Some(\"10.00\") | Some(\"甲目标。\") | 甲数量@9, 甲满意度@10",
        "某中心 | 项目乙@13 | Some(\"30.00\") Some(\"30.00\") Some(\"0.00\") | Some(\"乙目标。\") | 乙数量@20, 乙效益@21",
    ];
    assert_eq!(stacked_summary(&xlsx), want);

    // CSV: merged cells written once, the rest blank.
    let csv: String = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.unwrap_or(""))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let t = read::read_bytes("stacked.csv", csv.as_bytes(), &opts()).unwrap();
    assert_eq!(stacked_summary(&t), want, "csv");

    // HTML: the same merges as colspan / rowspan.
    let mut html = String::from("<table>");
    for (r, row) in rows.iter().enumerate() {
        html.push_str("<tr>");
        let local = if r >= 11 { r - 11 } else { r };
        for (c, cell) in row.iter().enumerate() {
            let Some(t) = cell else { continue };
            let span = match (local, c) {
                (0, 0) => " colspan=\"5\"",
                (3, 0) => " rowspan=\"3\"",
                (7, 0) => " rowspan=\"3\"",
                _ => "",
            };
            html.push_str(&format!("<td{span}>{t}</td>"));
        }
        if row.is_empty() {
            html.push_str("<td></td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    let t = read::read_bytes("stacked.html", html.as_bytes(), &opts()).unwrap();
    assert_eq!(stacked_summary(&t), want, "html");
}

// --- Formulas without values, hidden sheets, rows and columns (/tmp/ur8 D4, D9) ---

/// The one-cell layout's official header.
const H7: [&str; 7] = jixiao_formats::write::ONE_CELL_HEADERS;

/// A sheet of `rows` (tab-separated cells; a cell written `=…` is a formula
/// with the cached result after `|`, as in `=SUM(B4:B5)|30`).
fn put_rows(ws: &mut rust_xlsxwriter::Worksheet, rows: &[String]) {
    for (r, line) in rows.iter().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            if cell.is_empty() {
                continue;
            }
            let (r, c) = (r as u32, c as u16);
            if let Some(f) = cell.strip_prefix('=') {
                let (f, cached) = f.split_once('|').unwrap_or((f, "0"));
                let formula = rust_xlsxwriter::Formula::new(f).set_result(cached);
                ws.write_formula(r, c, formula).unwrap();
            } else if let Ok(n) = cell.parse::<f64>() {
                ws.write_number(r, c, n).unwrap();
            } else {
                ws.write_string(r, c, cell).unwrap();
            }
        }
    }
}

fn target_rows(total_cell: &str) -> Vec<String> {
    vec![
        "单位：万元".to_string(),
        H7.join("\t"),
        format!("合计\t{total_cell}\t30"),
        "甲项目\t10\t10\t\t\t甲目标。\t1-产出指标：数量，年度指标值：5个。".to_string(),
        "乙项目\t20\t20\t\t\t乙目标。\t1-产出指标：数量，年度指标值：6个。".to_string(),
    ]
}

/// The workbook with every formula's cached value removed (`<v>…</v>` →
/// `<v />`), as openpyxl and many export systems write formulas.
fn without_cached_values(xlsx: &[u8]) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for i in 0..src.len() {
        let mut entry = src.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut text).unwrap();
        if name.starts_with("xl/worksheets/") {
            let s = String::from_utf8(text).unwrap();
            let mut kept = String::new();
            let mut rest = s.as_str();
            while let Some(at) = rest.find("</f><v>") {
                let end = rest[at..].find("</v>").unwrap() + at;
                kept.push_str(&rest[..at]);
                kept.push_str("</f><v />");
                rest = &rest[end + "</v>".len()..];
            }
            kept.push_str(rest);
            text = kept.into_bytes();
        }
        out.start_file(name, o).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn one_sheet(rows: &[String], edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("目标表").unwrap();
    put_rows(ws, rows);
    edit(ws);
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_formula_with_its_cached_value_reads_the_value() {
    let xlsx = one_sheet(&target_rows("=SUM(B4:B5)|30"), |_| {});
    let t = read::read_bytes("f.xlsx", &xlsx, &opts()).unwrap();
    let total = t.grand_total.as_ref().and_then(|g| g.funding.total);
    assert_eq!(total.map(|d| d.to_string()).as_deref(), Some("30"));
}

#[test]
fn a_formula_without_a_cached_value_is_refused_naming_its_cell() {
    // D4: read as a blank cell, the stated 合计 looked left blank.
    let xlsx = without_cached_values(&one_sheet(&target_rows("=SUM(B4:B5)|30"), |_| {}));
    for read_one in [true, false] {
        let err = if read_one {
            read::read_bytes("公式.xlsx", &xlsx, &opts()).unwrap_err()
        } else {
            read::read_bytes_all("公式.xlsx", &xlsx, &opts()).unwrap_err()
        };
        let zh = err.render(Lang::Zh);
        assert!(
            zh.starts_with(
                "公式.xlsx [工作表 目标表] 第3行 第2列: 单元格是公式 =SUM(B4:B5)，没有计算结果"
            ),
            "{zh}"
        );
        assert!(
            zh.contains("请在 Excel 或 LibreOffice 中打开并保存后再导入"),
            "{zh}"
        );
        let en = err.render(Lang::English);
        assert!(
            en.contains(
                "row 3, column 2: the cell holds the formula =SUM(B4:B5) without a computed value"
            ),
            "{en}"
        );
    }
}

#[test]
fn a_formula_cached_as_empty_text_is_no_missing_value() {
    // `IF(…,"",…)` computed to "" stores `<v></v>` with t="str": a value.
    let xlsx = one_sheet(&target_rows("=IF(1,\"\",0)|"), |_| {});
    let t = read::read_bytes("f.xlsx", &xlsx, &opts());
    assert!(t.is_ok(), "{:?}", t.err().map(|e| e.to_string()));
}

#[test]
fn a_visible_sheet_is_preferred_to_a_hidden_one() {
    // D9.1: a hidden withdrawn year before the visible one.
    let build = |new_rows: &[String]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let old = wb.add_worksheet();
        old.set_name("2023年（作废）").unwrap();
        put_rows(old, &target_rows("30"));
        old.set_hidden(true);
        let new = wb.add_worksheet();
        new.set_name("2024年").unwrap();
        put_rows(new, new_rows);
        new.set_active(true);
        wb.save_to_buffer().unwrap()
    };
    let xlsx = build(&target_rows("30"));
    let t = read::read_bytes("h.xlsx", &xlsx, &opts()).unwrap();
    assert_eq!(t.source.sheet.as_deref(), Some("2024年"));
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "sheet-hidden-skipped")
        .expect("the hidden sheet is named");
    assert!(n.message.contains("“2023年（作废）”"), "{}", n.message);
    assert!(!t.notices.iter().any(|n| n.code == "sheet-more-targets"));
    // check reads every visible sheet, and names the hidden one too.
    let all = read::read_bytes_all("h.xlsx", &xlsx, &opts()).unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0]
        .notices
        .iter()
        .any(|n| n.code == "sheet-hidden-skipped"));
    // --sheet reads the hidden sheet, saying it is hidden.
    let named = ReadOptions {
        sheet: Some("2023年（作废）".into()),
        ..opts()
    };
    let t = read::read_bytes("h.xlsx", &xlsx, &named).unwrap();
    assert!(t.notices.iter().any(|n| n.code == "sheet-hidden"));
    // Only the hidden sheet holds a target table (the visible one is a
    // cover): it is read, with the notice.
    let t = read::read_bytes("h.xlsx", &build(&["封面".to_string()]), &opts()).unwrap();
    assert_eq!(t.source.sheet.as_deref(), Some("2023年（作废）"));
    assert!(t.notices.iter().any(|n| n.code == "sheet-hidden"));
}

#[test]
fn a_hidden_duplicate_column_yields_to_the_visible_one() {
    // D9.2: 总计 twice, the first copy hidden (99) and the visible one 10.
    let rows = vec![
        "单位：万元".to_string(),
        "项目名称（资金使用单位）\t总计\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"
            .to_string(),
        "甲项目\t99\t10\t10\t\t\t甲目标。\t1-产出指标：数量，年度指标值：5个。".to_string(),
    ];
    let xlsx = one_sheet(&rows, |ws| {
        ws.set_column_hidden(1).unwrap();
    });
    let t = read::read_bytes("c.xlsx", &xlsx, &opts()).unwrap();
    let p = t.projects().next().unwrap();
    assert_eq!(
        p.funding.total.map(|d| d.to_string()).as_deref(),
        Some("10")
    );
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "column-duplicate")
        .unwrap();
    assert!(
        n.message.contains("第2行第2列") && n.message.contains("隐藏列"),
        "{}",
        n.message
    );
    // The same sheet with nothing hidden keeps the first copy, as before.
    let t = read::read_bytes("c.xlsx", &one_sheet(&rows, |_| {}), &opts()).unwrap();
    let p = t.projects().next().unwrap();
    assert_eq!(
        p.funding.total.map(|d| d.to_string()).as_deref(),
        Some("99")
    );
}

#[test]
fn hidden_rows_and_columns_are_read_and_named() {
    // D9.3: a hidden project row is read, and named with its project.
    let xlsx = one_sheet(&target_rows("30"), |ws| {
        ws.set_row_hidden(4).unwrap();
        ws.set_column_hidden(2).unwrap();
    });
    let t = read::read_bytes("r.xlsx", &xlsx, &opts()).unwrap();
    assert_eq!(t.projects().count(), 2);
    let n = t.notices.iter().find(|n| n.code == "row-hidden").unwrap();
    assert!(n.message.contains("第5行项目「乙项目」"), "{}", n.message);
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "column-hidden")
        .unwrap();
    assert!(
        n.message.contains("第2行第3列：「财政拨款」是隐藏列"),
        "{}",
        n.message
    );
    // Nothing hidden, nothing said.
    let t = read::read_bytes("r.xlsx", &one_sheet(&target_rows("30"), |_| {}), &opts()).unwrap();
    assert!(!t
        .notices
        .iter()
        .any(|n| n.code == "row-hidden" || n.code == "column-hidden"));
}

/// A row a web page hides (`<tr style="display:none">`) is read, as a
/// hidden sheet row is, and named in a `row-hidden` note worded for a page;
/// a linked style sheet, whose rules are not read, is said (/tmp/ur14 defect 5).
#[test]
fn a_hidden_html_row_is_read_and_named() {
    let html = r#"<html><head><link rel=stylesheet href="site.css"></head><body><table>
        <tr><th>项目名称</th><th>总计</th><th>绩效目标</th><th>绩效指标</th></tr>
        <tr><td>甲项目</td><td>100.00</td><td>开展工作</td><td>1-产出指标：培训人次，年度指标值：≥200人次</td></tr>
        <tr style="display:none"><td>已撤销项目</td><td>30.00</td><td>开展工作</td><td>1-产出指标：培训人次，年度指标值：≥200人次</td></tr>
        <tr><td>乙项目</td><td>50.00</td><td>开展工作</td><td>1-产出指标：培训人次，年度指标值：≥200人次</td></tr>
        </table></body></html>"#;
    let t = read::read_bytes("p.html", html.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().count(), 3);
    let n = t.notices.iter().find(|n| n.code == "row-hidden").unwrap();
    assert!(
        n.message.starts_with("网页中有隐藏的行") && n.message.contains("第3行项目「已撤销项目」"),
        "{}",
        n.message
    );
    assert!(
        n.english().contains("the page hides rows"),
        "{}",
        n.english()
    );
    let n = t
        .notices
        .iter()
        .find(|n| n.code == "css-linked-unread")
        .unwrap();
    assert!(n.message.contains("site.css"), "{}", n.message);
}

// --- 申报表 forms: closing rows, extra facts, carry-over, continuation pages (/tmp/ur10 D1, D3, D7, D11) ---

/// One 申报表 form as tab-separated rows: `facts` between 主管部门 and the
/// money block, `money` its 项目资金 rows, `tail` the rows under its
/// indicators.
fn form_lines(name: &str, facts: &[&str], money: &[&str], tail: &[&str]) -> Vec<String> {
    let mut rows = vec![
        "项目支出绩效目标申报表（2024年度）".to_string(),
        format!("项目名称\t{name}"),
        "主管部门及代码\t[101]某市民政局\t\t实施单位\t某中心".to_string(),
    ];
    rows.extend(facts.iter().map(|s| s.to_string()));
    rows.extend(money.iter().map(|s| s.to_string()));
    if !money.is_empty() {
        rows.push(format!("年度目标\t{name}目标。"));
    }
    rows.push("绩效指标\t一级指标\t二级指标\t三级指标\t指标值".to_string());
    rows.push(format!("\t产出指标\t数量指标\t{name}数量\t≥10个"));
    rows.push(format!(
        "\t满意度指标\t服务对象满意度指标\t{name}满意度\t≥90%"
    ));
    rows.extend(tail.iter().map(|s| s.to_string()));
    rows
}

const MONEY: [&str; 3] = [
    "项目资金（万元）\t年度资金总额：\t50",
    "\t其中：财政拨款\t40",
    "\t其他资金\t10",
];

/// The rows as an XLSX sheet (trailing blank cells not written, as an
/// export without merged cells stores them) and as CSV, both read.
fn read_both(rows: &[String]) -> [jixiao_core::Table; 2] {
    let xlsx = one_sheet(rows, |_| {});
    let x = read::read_bytes("f.xlsx", &xlsx, &opts()).unwrap();
    let csv = rows
        .iter()
        .map(|r| {
            let mut cells: Vec<&str> = r.split('\t').collect();
            cells.resize(5, "");
            cells.join(",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let c = read::read_bytes("f.csv", csv.as_bytes(), &opts()).unwrap();
    [x, c]
}

fn notes(t: &jixiao_core::Table, code: &str) -> Vec<u32> {
    t.notices
        .iter()
        .filter(|n| n.code == code)
        .filter_map(|n| n.origin.map(|o| o.row))
        .collect()
}

const TAIL: [&str; 3] = [
    "其他需要说明的问题\t无",
    "主管部门审核意见\t同意申报。（盖章）",
    "财政部门审核意见",
];

#[test]
fn a_forms_closing_rows_are_notes_never_indicators() {
    // D1: short XLSX rows were lined up on the right as continuation rows:
    // 其他需要说明的问题 | 无 became a 满意度 indicator valued 无.
    let mut rows = form_lines("项目甲", &[], &MONEY, &TAIL);
    for t in read_both(&rows) {
        let p = &t.units[0].projects[0];
        let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["项目甲数量", "项目甲满意度"]);
        assert_eq!(notes(&t, "row-note"), [11, 12, 13]);
    }
    // After every form of a stack, the last one's included.
    rows.push(String::new());
    rows.extend(form_lines("项目乙", &[], &MONEY, &TAIL));
    for t in read_both(&rows) {
        let counts: Vec<usize> = t.units[0]
            .projects
            .iter()
            .map(|p| p.indicators.len())
            .collect();
        assert_eq!(counts, [2, 2]);
        assert_eq!(notes(&t, "row-note"), [11, 12, 13, 25, 26, 27]);
    }
    // A footer printed on every page: the next page's indicators are read.
    let rows = form_lines(
        "项目甲",
        &[],
        &MONEY,
        &[
            "填报人：张三\t\t联系电话：1234",
            "\t（盖章）",
            "\t效益指标\t社会效益指标\t次页效益\t明显",
        ],
    );
    for t in read_both(&rows) {
        let p = &t.units[0].projects[0];
        let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["项目甲数量", "项目甲满意度", "次页效益"]);
        assert_eq!(notes(&t, "row-note"), [11, 12]);
    }
}

#[test]
fn a_later_form_s_extra_fact_rows_are_read_like_the_first_form_s() {
    // D3: the second form's 项目属性 row was refused as lying between its
    // facts and its indicator header.
    let facts = [
        "项目属性\t延续项目\t\t项目期\t1年",
        "项目负责人\t张三\t\t联系电话\t0571-88888888",
    ];
    let mut rows = form_lines("项目甲", &facts, &MONEY, &[]);
    rows.push(String::new());
    rows.extend(form_lines("项目乙", &facts, &MONEY, &[]));
    for t in read_both(&rows) {
        let ps = &t.units[0].projects;
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[1].name, "项目乙");
        assert_eq!(ps[1].indicators.len(), 2);
        assert_eq!(
            ps[1].funding.total.map(|d| d.to_string()).as_deref(),
            Some("50")
        );
    }
}

#[test]
fn a_forms_carry_over_is_counted_in_fiscal_appropriation() {
    // D7: 上年结转资金 was dropped, and 100 ≠ 60 + 10 followed.
    let money = [
        "项目资金（万元）\t年度资金总额：\t100",
        "\t其中：当年财政拨款\t60",
        "\t上年结转资金\t30",
        "\t其他资金\t10",
    ];
    for t in read_both(&form_lines("项目甲", &[], &money, &[])) {
        let f = &t.units[0].projects[0].funding;
        assert_eq!(
            f.fiscal_appropriation.map(|d| d.to_string()).as_deref(),
            Some("90")
        );
        assert_eq!(f.other_funds.map(|d| d.to_string()).as_deref(), Some("10"));
        assert_eq!(notes(&t, "amount-carry-over"), [6]);
    }
    // Where the sources already add up to the total, it is not added twice.
    let nested = [
        "项目资金（万元）\t年度资金总额：\t100",
        "\t其中：财政拨款\t90",
        "\t上年结转资金\t30",
        "\t其他资金\t10",
    ];
    for t in read_both(&form_lines("项目甲", &[], &nested, &[])) {
        let f = &t.units[0].projects[0].funding;
        assert_eq!(
            f.fiscal_appropriation.map(|d| d.to_string()).as_deref(),
            Some("90")
        );
        assert_eq!(notes(&t, "amount-carry-over"), [6]);
    }
}

#[test]
fn a_forms_carry_over_under_its_other_names() {
    // /tmp/ur11 b08, b32–b39: these labels were dropped, 财政拨款 read 60.
    for label in [
        "上年结余资金",
        "结转结余资金",
        "上年结转结余资金",
        "以前年度结转资金",
        "2023年结转资金",
        "上年结转资金（财政拨款）",
        "财政拨款结转资金",
    ] {
        let money = [
            "项目资金（万元）\t年度资金总额：\t100".to_string(),
            "\t其中：当年财政拨款\t60".to_string(),
            format!("\t{label}\t30"),
            "\t其他资金\t10".to_string(),
        ];
        let money: Vec<&str> = money.iter().map(String::as_str).collect();
        for t in read_both(&form_lines("项目甲", &[], &money, &[])) {
            let f = &t.units[0].projects[0].funding;
            assert_eq!(
                f.fiscal_appropriation.map(|d| d.to_string()).as_deref(),
                Some("90"),
                "{label}"
            );
        }
    }
}

#[test]
fn a_forms_source_row_of_another_name_is_named_not_dropped() {
    // /tmp/ur11 b51–b55: 自筹资金 (or 中央补助资金, 其中：上级补助) vanished
    // without a word, and check blamed the total.
    for label in ["自筹资金", "中央补助资金", "其中：上级补助"] {
        let money = [
            "项目资金（万元）\t年度资金总额：\t100".to_string(),
            "\t其中：财政拨款\t60".to_string(),
            format!("\t{label}\t30"),
            "\t其他资金\t10".to_string(),
        ];
        let money: Vec<&str> = money.iter().map(String::as_str).collect();
        for t in read_both(&form_lines("项目甲", &[], &money, &[])) {
            assert_eq!(notes(&t, "amount-source-unread"), [6], "{label}");
            let n = t
                .notices
                .iter()
                .find(|n| n.code == "amount-source-unread")
                .map(|n| n.message.clone())
                .unwrap_or_default();
            assert!(n.contains(label) && n.contains("30"), "{n}");
        }
    }
    // The known sources give no such note.
    let money = [
        "项目资金（万元）\t年度资金总额：\t100",
        "\t其中：财政拨款\t90",
        "\t其他资金\t10",
    ];
    for t in read_both(&form_lines("项目甲", &[], &money, &[])) {
        assert!(notes(&t, "amount-source-unread").is_empty());
    }
}

#[test]
fn a_form_continuation_page_repeating_the_facts_continues_the_project() {
    // D11: the page's 项目名称 and 主管部门 again made a second project of the
    // same name, without money or goal.
    let mut rows = form_lines("智慧养老", &[], &MONEY, &[]);
    let mut page = form_lines("智慧养老", &[], &[], &[]);
    page.truncate(4);
    page.push("\t效益指标\t社会效益指标\t响应时间\t≤30分钟".to_string());
    rows.extend(page);
    for t in read_both(&rows) {
        let ps = &t.units[0].projects;
        assert_eq!(ps.len(), 1, "{ps:?}");
        let names: Vec<&str> = ps[0].indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["智慧养老数量", "智慧养老满意度", "响应时间"]);
        assert_eq!(notes(&t, "header-repeated"), [12]);
    }
    // With money of its own it is a form of its own (a project split in two).
    let mut rows = form_lines("智慧养老", &[], &MONEY, &[]);
    rows.extend(form_lines("智慧养老", &[], &MONEY, &[]));
    for t in read_both(&rows) {
        assert_eq!(t.units[0].projects.len(), 2);
    }
    // A page titled as a continuation (`申报表（续）`, `续表`) may print the
    // same money and goal again: one project, its money once (ur55 c039:
    // two projects of 1000.00 each were read).
    for title in ["项目支出绩效目标申报表（续）", "（续表）"] {
        let mut rows = form_lines("智慧养老", &[], &MONEY, &[]);
        let mut page = form_lines("智慧养老", &[], &MONEY, &[]);
        page[0] = title.to_string();
        page.truncate(page.len() - 2);
        page.push("\t效益指标\t社会效益指标\t响应时间\t≤30分钟".to_string());
        rows.extend(page);
        for t in read_both(&rows) {
            let ps = &t.units[0].projects;
            assert_eq!(ps.len(), 1, "{title}: {ps:?}");
            assert_eq!(ps[0].funding.total.unwrap().to_string(), "50");
            assert_eq!(ps[0].indicators.len(), 3, "{title}");
            assert_eq!(notes(&t, "header-repeated"), [12], "{title}");
        }
        // Printed without its indicator header, restating only the total:
        // its indicators, in the first form's columns, continue the project
        // (ur55 c040, refused before); another project or other money so
        // printed cannot be read with confidence.
        for (name, total, reads) in [
            ("智慧养老", "50", true),
            ("智慧养老", "60", false),
            ("另一项目", "50", false),
        ] {
            let mut rows = form_lines("智慧养老", &[], &MONEY, &[]);
            rows.push(title.to_string());
            rows.push(format!("项目名称\t{name}\t资金总额\t{total}"));
            rows.push("\t效益指标\t社会效益指标\t响应时间\t≤30分钟".to_string());
            let text = rows.join("\n");
            let got = read::read_bytes("f.tsv", text.as_bytes(), &opts());
            match (reads, got) {
                (true, Ok(t)) => {
                    let ps = &t.units[0].projects;
                    assert_eq!(ps.len(), 1, "{title}");
                    assert_eq!(ps[0].funding.total.unwrap().to_string(), "50");
                    let names: Vec<&str> =
                        ps[0].indicators.iter().map(|i| i.name.as_str()).collect();
                    assert_eq!(
                        names,
                        ["智慧养老数量", "智慧养老满意度", "响应时间"],
                        "{title}"
                    );
                    assert!(
                        notes(&t, "row-heading").is_empty(),
                        "{title}: {:?}",
                        t.notices
                    );
                }
                (false, Err(e)) => assert!(e.to_string().contains("表头"), "{e}"),
                (reads, got) => {
                    panic!("{title} {name} {total}: expected read {reads}, got {got:?}")
                }
            }
        }
        // Other money under the continuation's title: a form of its own.
        let mut rows = form_lines("智慧养老", &[], &MONEY, &[]);
        let other = [
            "项目资金（万元）\t年度资金总额：\t60",
            "\t其中：财政拨款\t50",
            "\t其他资金\t10",
        ];
        let mut page = form_lines("智慧养老", &[], &other, &[]);
        page[0] = title.to_string();
        rows.extend(page);
        for t in read_both(&rows) {
            assert_eq!(t.units[0].projects.len(), 2, "{title}");
        }
    }
}

/// Text a page hides with CSS is not read (the amount a browser shows is
/// 200.00, not 200.005) and each such cell is named in a `text-hidden` note
/// (/tmp/ur12 defect 6).
#[test]
fn html_hidden_text_is_not_read_and_is_named() {
    let page = r#"<html><head><style>.hid{display:none}</style></head><body>
<p>2024年项目支出绩效目标表</p><p>部门名称：某县水利局 单位：万元</p>
<table border=1>
<tr><th>项目名称（资金使用单位）</th><th>总计</th><th>财政拨款</th><th>财政专户拨款</th><th>其他资金</th><th>绩效目标</th><th>绩效指标</th></tr>
<tr><td>合计</td><td>300.00</td><td>300.00</td><td></td><td></td><td></td><td></td></tr>
<tr><td>某县水利局</td><td>300.00</td><td>300.00</td><td></td><td></td><td></td><td></td></tr>
<tr><td>河道清淤工程</td><td>200.00<span style="display:none">5</span></td><td>200.00</td><td></td><td></td><td>完成河道清淤20公里。</td><td>1-产出指标：清淤长度，年度指标值：≥20公里。</td></tr>
<tr><td>水库安全巡查<span class="hid">（已撤销）</span></td><td>100.00</td><td>100.00</td><td></td><td></td><td>开展水库日常巡查。</td><td>1-产出指标：巡查次数，年度指标值：≥365次。</td></tr>
</table></body></html>"#;
    let t = read::read_bytes("p.html", page.as_bytes(), &opts()).unwrap();
    let projects: Vec<_> = t.projects().collect();
    assert_eq!(projects[0].funding.total.unwrap().to_string(), "200.00");
    assert_eq!(projects[1].name, "水库安全巡查");
    let hidden: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "text-hidden")
        .map(|n| (n.origin.map(|o| (o.row, o.col)), n.message.as_str()))
        .collect();
    assert_eq!(hidden.len(), 2, "{hidden:?}");
    assert_eq!(hidden[0].0, Some((4, 2)));
    assert!(hidden[0].1.contains("「5」"), "{}", hidden[0].1);
    assert_eq!(hidden[1].0, Some((5, 1)));
    assert!(hidden[1].1.contains("（已撤销）"), "{}", hidden[1].1);
}

/// `pdf-layout-<stem>.txt`: `pdftotext -layout` of a PDF of /tmp/ur12's
/// user test, read as jixiao reads the PDF.
fn read_layout(stem: &str) -> jixiao_formats::Result<jixiao_core::Table> {
    let name = format!("pdf-layout-{stem}.txt");
    let text = String::from_utf8(bytes(&name)).unwrap();
    read::read_pdf_text(&format!("{stem}.pdf"), &text, &opts())
}

fn project_names(t: &jixiao_core::Table) -> Vec<String> {
    t.projects().map(|p| p.name.clone()).collect()
}

#[test]
fn pdf_row_layout_merged_top_cells_are_joined_to_their_project() {
    // A name wrapped in a merged cell: its lines on later indicator rows.
    let t = read_layout("B4-top-namewrap").unwrap();
    assert_eq!(
        project_names(&t),
        [
            "村道维修工程（一期，含桥涵）",
            "农村人居环境整治提升（生活垃圾收运及污水治理）项目",
            "高标准农田建设管护",
            "动物防疫补助",
        ]
    );
    let p: Vec<_> = t.projects().collect();
    assert_eq!(p[0].indicators.len(), 7);
    assert_eq!(p[1].indicators.len(), 5);
    assert!(p[0]
        .goal
        .as_deref()
        .unwrap()
        .ends_with("年内通过竣工验收。"));
    // The weight printed alone on the name's last line: the row without one.
    assert!(p[1].indicators.iter().all(|i| i.weight().is_some()));
    assert!(t.notices.iter().all(|n| n.code != "indicator-incomplete"));
}

#[test]
fn pdf_two_cells_one_space_apart_are_split() {
    // `…保障道 产出指标`: the goal and the 一级指标 one space apart; the
    // goal's wrapped line on the next indicator row is joined, not dropped.
    let t = read_layout("B3-top-split").unwrap();
    let p = t.projects().next().unwrap();
    assert_eq!(
        p.goal.as_deref(),
        Some("完成全镇12.5公里村道路面维修及3座桥涵加固，改善群众出行条件，保障道路安全通行，年内通过竣工验收。")
    );
    assert_eq!(p.indicators[0].category_raw, "产出指标");
    assert!(t.notices.iter().all(|n| n.code != "goal-repeated-differs"));
}

#[test]
fn pdf_vertically_centred_cells_are_refused() {
    let e = read_layout("M1-even-odd-lines").unwrap_err().to_string();
    assert!(
        e.contains("垂直居中") && e.contains("第10行") && e.contains("XLSX"),
        "{e}"
    );
}

#[test]
fn pdf_notes_and_footers_under_the_table_are_not_cell_text() {
    // 注：… and 填报人：… under the table: row notes, not the last project's.
    let t = read_layout("M3-notes-after").unwrap();
    let last = t.projects().last().unwrap();
    assert_eq!(last.name, "旅游宣传推广经费");
    assert_eq!(last.goal.as_deref(), Some("组织参加旅游推介会。"));
    let notes: Vec<_> = t.notices.iter().filter(|n| n.code == "row-note").collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].message.contains("由项目单位填报"), "{notes:?}");
    // A `…监制` imprint and a browser's `URL … 1/1` footer are dropped.
    for stem in ["M2c-text-footer", "M2-hdrftr"] {
        let t = read_layout(stem).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let last = t.projects().last().unwrap();
        assert_eq!(last.name, "旅游宣传推广经费", "{stem}");
        let v = last.indicators[0].raw_value.as_str();
        assert_eq!(v, "≥6次", "{stem}");
    }
}

#[test]
fn pdf_header_without_indicator_columns_is_refused() {
    // Columns printed on separate pages: page 1's header has no 绩效指标.
    let e = read_layout("C-multipage-fit").unwrap_err().to_string();
    assert!(
        e.contains("没有绩效指标") && e.contains("比纸宽") && e.contains("第3行"),
        "{e}"
    );
}

#[test]
fn pdf_unplaceable_footer_is_named_as_such() {
    use read::pdf;
    let (fields, h) = four_column_pdf();
    let a = "甲项目       10.00     甲目标         1-产出指标：x，年度指标值：1个。\n\n";
    // A page number alone is dropped; a stray piece at the page's foot is
    // named as a probable footer.
    let text = format!("{h}{a}                 2/3\n\u{c}");
    assert!(pdf::column_grid(&text, "t.pdf", 0, &fields).is_ok());
    let text = format!("{h}{a}               内部\n");
    let e = pdf::column_grid(&text, "t.pdf", 0, &fields)
        .unwrap_err()
        .to_string();
    assert!(e.contains("页脚") && e.contains("第4行"), "{e}");
}

/// A text table with one stray NUL is told to remove it on its line, not to
/// give the table in another format; a byte-order mark alone is an empty
/// file (/tmp/ur13 defect 13).
#[test]
fn a_stray_nul_and_a_lone_bom_are_said_plainly() {
    let mut text = sample_text().into_bytes();
    let at = text
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(10)
        .map(|(i, _)| i + 3)
        .unwrap();
    text.insert(at, 0);
    let e = read::read_bytes("t.txt", &text, &opts())
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("第12行") && e.contains("空字符") && e.contains("请删除第12行"),
        "{e}"
    );
    assert!(!e.contains("XLSX"), "{e}");
    let e = read::read_bytes("b.txt", b"\xEF\xBB\xBF", &opts())
        .unwrap_err()
        .to_string();
    assert!(e.contains("文件为空"), "{e}");
}

// ------------------------------------------- /tmp/ur13 defects 3, 4 and 5

/// A minimal ODS (mimetype and content.xml) holding one sheet of `rows`.
fn ods_of(sheet: &str, rows: &str) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">\
         <office:body><office:spreadsheet><table:table table:name=\"{sheet}\">{rows}\
         </table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    w.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(content.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// A 1 KB ODS whose repeats stand for 17 billion cells is refused by the
/// cell bound, at its sheet and row, before calamine expands anything
/// (calamine took 8–9 GB for 82 million; for more it said "damaged").
#[test]
fn ods_repeated_cells_are_refused_before_expansion() {
    let rows = "<table:table-row><table:table-cell office:value-type=\"string\">\
                <text:p>项目支出绩效目标表</text:p></table:table-cell></table:table-row>\
                <table:table-row table:number-rows-repeated=\"1048000\">\
                <table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\">\
                <text:p>x</text:p></table:table-cell></table:table-row>";
    let bomb = ods_of("绩效目标表", rows);
    assert!(bomb.len() < 2000, "{} bytes", bomb.len());
    let t = std::time::Instant::now();
    let err = read::read_bytes("rep.ods", &bomb, &opts()).unwrap_err();
    assert!(t.elapsed().as_secs() < 2, "{:?}", t.elapsed());
    assert!(matches!(err, Error::TooLarge { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("rep.ods [工作表 绩效目标表] 第1221行")
            && msg.contains("单元格超过 20000000 个"),
        "{msg}"
    );
}

/// LibreOffice ends every sheet with a blank row repeated to row 1 048 576
/// and every row with an empty cell repeated to column 16 384; calamine
/// drops both, and so does the count: these files (saved by `soffice
/// --convert-to ods` from XLSX, `tests/fixtures/fe-generate.py`) read under
/// a bound of a few thousand cells.
#[test]
fn libreoffice_ods_blank_tails_are_not_counted() {
    let small = ReadOptions {
        limits: Limits {
            max_cells: 3000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    for name in ["fe-haizhu.ods", "fe-multi-sheet.ods", "hdr2-yuan.ods"] {
        let t = read::read_path(&fixture(name), &small).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(t.projects().count() >= 2, "{name}");
    }
}

/// html5ever's time grows with depth × tags (40 000 unclosed tables took
/// four minutes): a page nested deeper than 512 is refused before parsing.
#[test]
fn deeply_nested_html_is_refused_quickly() {
    for (page, tag) in [
        ("<table><tr><td>".repeat(5000), "<table>"),
        ("<div>".repeat(20_000), "<div>"),
    ] {
        let page = format!("<html><body>\n{page}</body></html>");
        let t = std::time::Instant::now();
        let err = read::read_bytes("deep.html", page.as_bytes(), &opts()).unwrap_err();
        assert!(t.elapsed().as_millis() < 500, "{:?}", t.elapsed());
        assert!(matches!(err, Error::TooLarge { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("嵌套超过 512 层") && msg.contains(&format!("源码第 2 行的 {tag}")),
            "{msg}"
        );
    }
}

/// Pages that leave `</td>`, `</tr>`, `</p>` out, and tables in cells of
/// layout tables, are not too deep.
#[test]
fn old_style_pages_without_end_tags_still_read() {
    let text = sample_text();
    let mut rows = String::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        rows.push_str("\n<tr>");
        for cell in line.split('\t') {
            rows.push_str(&format!("<td><p><font face=宋体>{cell}"));
        }
    }
    let page = format!(
        "<html><body><table width=100%><tr><td><table><tr><td><p>导航<td><p>x</table>\
         <td><div><center><table border=1>{rows}</table></center></div></table></body></html>"
    );
    let t = read::read_bytes("old.html", page.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().count(), 8);
}

/// The sample as TSV with a stray ASCII `"` opening the name of the project
/// on line 13: csv read everything after it as one cell (8 projects → 1).
#[test]
fn stray_quote_is_refused_at_its_line_and_column() {
    let text = sample_text();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[12].starts_with("驻镇帮镇扶村项目资金"));
    let mut broken = lines.clone();
    let opened = format!("\"{}", lines[12]);
    broken[12] = &opened;
    let txt = broken.join("\n");
    let err = read::read_bytes("q.txt", txt.as_bytes(), &opts()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::Invalid { .. }), "{msg}");
    assert!(msg.contains("q.txt 第13行 第1列"), "{msg}");
    assert!(msg.contains("引号未闭合"), "{msg}");
    assert!(msg.contains("删除这个引号"), "{msg}");
    assert!(
        err.render(Lang::English).contains("unpaired quote"),
        "{}",
        err.render(Lang::English)
    );

    // A second stray quote further down closes it: the rows between are
    // still swallowed, and still refused.
    let closed = format!("{}\"", lines[16]);
    broken[16] = &closed;
    let txt = broken.join("\n");
    let err = read::read_bytes("q.txt", txt.as_bytes(), &opts()).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("q.txt 第13行 第1列") && msg.contains("到第 17 行才闭合"),
        "{msg}"
    );

    // In CSV, a record started with `"` that never ends (/tmp/ur13 openquote.csv).
    let csv = format!(
        "项目名称,金额,目标,一级指标,二级指标\n\"unterminated,1,2,3,4\n{}",
        "乙,2,目标,产出指标,数量指标\n".repeat(7)
    );
    let err = read::read_bytes("q.csv", csv.as_bytes(), &opts()).unwrap_err();
    assert!(err.to_string().contains("q.csv 第2行 第1列"), "{err}");
}

/// What Excel writes for a cell typed over several lines: a quoted field
/// with line breaks (and commas) inside; it reads as one cell.
#[test]
fn quoted_multi_line_cells_still_read() {
    let csv = "项目名称,金额,目标,一级指标,二级指标,三级指标,指标值\n\
               甲,10,\"1.开展志愿服务, 招募志愿者;\n2.组织活动, 宣传, 培训\n3.总结\",产出指标,数量指标,场次,5\n\
               乙,20,\"第一行\n第二行\",效益指标,社会效益指标,满意度,\"\"\"好\"\"\"\n";
    let tg = read::text_grid("m.csv", csv, &Limits::default()).unwrap();
    let got = texts(&tg.grid);
    assert_eq!(got[1].0, 2);
    assert_eq!(
        got[1].1[2],
        "1.开展志愿服务, 招募志愿者;\n2.组织活动, 宣传, 培训\n3.总结"
    );
    assert_eq!(got[2].0, 5);
    assert_eq!(got[2].1[2], "第一行\n第二行");
    assert_eq!(got[2].1[6], "\"好\"");
}

/// A project whose name starts like a signature line (`审核人员…`, `填报人员…`,
/// `联系电话…`, `制表…`, `单位负责人…`) is a project: a row with amounts or
/// indicators is data, whatever its first word; a real signature line
/// under the table is still a note (/tmp/ur14 defect 1: the project was
/// dropped as a row-note and check passed).
#[test]
fn a_project_named_like_a_signature_line_is_read() {
    for name in [
        "审核人员业务培训经费",
        "填报人员培训经费",
        "联系电话费补助",
        "制表打印耗材购置",
        "单位负责人培训",
        "注：册登记经费",
    ] {
        let text = sample_text().replacen("团委各项活动费", name, 1);
        let text = format!("{}\n填报人：张三\t\t审核人：李四\n", text.trim_end());
        let t = read::read_bytes("t.txt", text.as_bytes(), &opts()).unwrap();
        let names: Vec<_> = t.projects().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&name), "{name}: {names:?}");
        assert_eq!(names.len(), 8, "{name}");
        let notes: Vec<_> = t.notices.iter().filter(|n| n.code == "row-note").collect();
        assert_eq!(notes.len(), 1, "{name}: {notes:?}");
        assert!(notes[0].message.contains("填报人：张三"), "{notes:?}");
    }
}

/// The labels that close a form close a row table too, whole (one list for
/// every reader): `备注`, `单位（盖章）：`, `填表人：`, a long 审核意见; a row
/// only starting like one (`负责人培训`) is no signature line.
#[test]
fn a_row_tables_closing_lines_use_the_forms_labels() {
    let base = sample_text();
    for (line, note) in [
        ("备注", true),
        ("单位（盖章）：", true),
        ("填表人：乙", true),
        ("填报人 张三", true),
        ("主管部门及财政部门审核意见\t同意", true),
        ("负责人培训", false),
        ("审核人员培训", false),
    ] {
        let text = format!("{}\n{line}\n", base.trim_end());
        let t = read::read_bytes("t.txt", text.as_bytes(), &opts()).unwrap();
        assert_eq!(t.projects().count(), 8, "{line}");
        let notes: Vec<_> = t.notices.iter().filter(|n| n.code == "row-note").collect();
        assert_eq!(notes.len(), usize::from(note), "{line}: {notes:?}");
        // Never dropped unsaid: a line that is no note is named as a heading.
        if !note {
            assert!(
                t.notices
                    .iter()
                    .any(|n| n.code == "row-heading" && n.message.contains(line)),
                "{line}"
            );
        }
    }
}

/// A stray quote closed on its own line or by a quoted word later in the row
/// is refused; a well-formed quoted cell holding commas over several lines,
/// or a tab, still reads (/tmp/ur14 defects 2 and 6).
#[test]
fn stray_quotes_closed_in_the_row_are_refused_and_quoted_cells_read() {
    let text = sample_text();
    let lines: Vec<&str> = text.lines().collect();
    let name = "驻镇帮镇扶村项目资金";
    assert!(lines[12].starts_with(name));
    let refuse = |line: String| {
        let mut broken = lines.clone();
        broken[12] = &line;
        let txt = broken.join("\n");
        let err = read::read_bytes("q.txt", txt.as_bytes(), &opts()).unwrap_err();
        assert!(
            err.to_string().contains("q.txt 第13行 第1列"),
            "{line}: {err}"
        );
    };
    // Closed by the quote of a quoted word at the row's end, and at its end.
    refuse(format!("\"{}质量\"优秀\"", lines[12]));
    refuse(format!("\"{}\"", lines[12]));
    // In CSV: a stray quote swallowing delimiters, closed with text after it.
    let csv = "项目名称,总计,绩效目标,绩效指标\n甲,10.00,目标,1-产出指标：x，年度指标值：1个。\n\"乙,20.00,目标,1-产出指标：质量\"优秀\"，年度指标值：1个。\n";
    let err = read::read_bytes("q.csv", csv.as_bytes(), &opts()).unwrap_err();
    assert!(err.to_string().contains("q.csv 第3行 第1列"), "{err}");
    // Well-formed: a goal over three lines with ASCII commas (as Python's or
    // Excel's CSV writer quotes it), and a TSV cell holding a tab and a line.
    let goal = "组织活动12场,每场不少于50人,覆盖团员,青年,少先队员,志愿者,社工,家长；\n开展培训,宣传,回访,总结,评估,考核,表彰；\n完成。";
    let csv = format!(
        "项目名称,总计,财政拨款,财政专户拨款,其他资金,绩效目标,绩效指标\n合计,10.00,10.00,,,,\n某局,10.00,10.00,,,,\n甲,10.00,10.00,,,\"{goal}\",1-产出指标：活动，年度指标值：12场。\n"
    );
    let t = read::read_bytes("ok.csv", csv.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().next().unwrap().goal.as_deref(), Some(goal));
    let mut ok = lines.clone();
    let quoted = lines[12].replacen(name, &format!("\"{name}\t（一期）\n续\""), 1);
    ok[12] = &quoted;
    let txt = ok.join("\n");
    let t = read::read_bytes("ok.txt", txt.as_bytes(), &opts()).unwrap();
    assert!(t
        .projects()
        .any(|p| p.name == format!("{name}\t（一期）\n续")));
}

/// A C1 control (U+009B CSI starts an escape sequence as ESC does) is refused
/// in a text table like a C0 one; a web page's raw control characters are
/// read as visible pictures, not refused as "not a text table" (/tmp/ur14
/// defect 10).
#[test]
fn c1_controls_in_text_are_refused_and_a_pages_controls_are_shown() {
    let text = sample_text().replacen("团委各项活动费", "团委\u{9b}31m各项活动费", 1);
    let e = read::read_bytes("c.txt", text.as_bytes(), &opts())
        .unwrap_err()
        .to_string();
    assert!(e.contains("第15行") && e.contains("含控制字符"), "{e}");
    let page = "<table><tr><th>项目名称</th><th>总计</th><th>绩效目标</th><th>绩效指标</th></tr>\
        <tr><td>甲\u{1b}[2J项目</td><td>10.00</td><td>目标\u{9b}x</td><td>1-产出指标：x，年度指标值：1个。</td></tr></table>";
    let t = read::read_bytes("p.html", page.as_bytes(), &opts()).unwrap();
    let p = t.projects().next().unwrap();
    assert_eq!(p.name, "甲\u{241b}[2J项目");
    assert_eq!(p.goal.as_deref(), Some("目标\u{fffd}x"));
}

/// Page furniture (a URL, a `…监制` imprint, a page number) is dropped only
/// where no cell explains it: a goal's last line `http://…` beside an
/// indicator, a goal's `…监制` line right under the goal, a value `6` or
/// `1/1` alone on its line between table lines are cell text (/tmp/ur14
/// defect 3); the page's own `第1页共1页` is dropped and named in a note.
#[test]
fn pdf_furniture_like_cell_text_is_kept() {
    let t = read_layout("O4-goal-url").unwrap();
    let last = t.projects().last().unwrap();
    assert_eq!(
        last.goal.as_deref().map(|g| g.replace('\n', "")).as_deref(),
        Some("保障门户网站稳定运行，网址：http://www.example.gov.cn")
    );
    assert_eq!(last.indicators.len(), 2, "{:?}", last.indicators);
    assert!(last.indicators[1].name.contains("公众满意度"));
    let t = read_layout("O8-goal-jianzhi").unwrap();
    let goal = t.projects().last().unwrap().goal.clone().unwrap();
    assert_eq!(
        goal.replace('\n', ""),
        "联合省文旅厅监制某市文化广电旅游局监制"
    );
    for (stem, v) in [("O5-ind-pagenum", "6"), ("O7-ind-1of1", "1/1")] {
        let t = read_layout(stem).unwrap();
        let ind = &t.projects().last().unwrap().indicators[0];
        assert_eq!(ind.raw_value.trim(), v, "{stem}: {ind:?}");
        let notes: Vec<_> = t
            .notices
            .iter()
            .filter(|n| n.code == "page-furniture")
            .collect();
        assert_eq!(notes.len(), 1, "{stem}: {notes:?}");
        assert!(notes[0].message.contains("第1页共1页"), "{notes:?}");
        assert!(!notes[0].message.contains(&format!("「{v}」")), "{notes:?}");
    }
}

/// A page number right under a cell's last line, in its column, could be
/// the cell's last line: refused naming page and line. Away from the cells
/// (after a blank line) it is dropped, as is a URL footer; but a line that
/// also holds a cell beside the URL is table text.
#[test]
fn pdf_page_number_under_a_cell_is_refused_not_guessed() {
    use read::pdf;
    let (fields, h) = four_column_pdf();
    let a = "甲项目       10.00     甲目标         1-产出指标：参加次数，年度指标值：\n";
    let text = format!("{h}{a}{}6\n\u{c}", " ".repeat(32));
    let e = pdf::column_grid(&text, "t.pdf", 0, &fields)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("第1页") && e.contains("第3行") && e.contains("「6」"),
        "{e}"
    );
    let text = format!("{h}{a}\n\n                    6\n\u{c}");
    let g = pdf::column_grid(&text, "t.pdf", 0, &fields).unwrap();
    assert_eq!(g.hidden.furniture, vec![(5, 1, "6".to_owned())]);
    let text = format!("{h}{a}\n   http://www.example.gov.cn    1/1\n\u{c}");
    let g = pdf::column_grid(&text, "t.pdf", 0, &fields).unwrap();
    assert_eq!(g.hidden.furniture.len(), 1, "{:?}", g.hidden.furniture);
    let text = format!(
        "{h}{a}{}www.x.cn    2-满意度指标：满意度，年度指标值：≥90%。\n\u{c}",
        " ".repeat(20)
    );

    let g = pdf::column_grid(&text, "t.pdf", 0, &fields).unwrap();
    assert!(g.hidden.furniture.is_empty());
    let last = g.rows.last().unwrap();
    assert!(last.cells[2].text.contains("www.x.cn"), "{last:?}");
    assert!(last.cells[3].text.contains("2-满意度指标"), "{last:?}");
}

/// A unit's name printed as the page's left footer is refused as a
/// probable footer (/tmp/ur14 §11).
#[test]
fn pdf_footer_like_a_cell_is_named_as_a_footer() {
    let e = read_layout("R7-footer-eq-cell").unwrap_err().to_string();
    assert!(
        e.contains("页脚") && e.contains("820002-某镇农业综合服务中心"),
        "{e}"
    );
}

/// The fields and header line of a four-column one-cell table as
/// `pdftotext -layout` prints it, for the PDF placement tests.
fn four_column_pdf() -> ([Option<jixiao_core::Field>; 4], &'static str) {
    use jixiao_core::Field;
    (
        [
            Some(Field::ProjectName),
            Some(Field::Total),
            Some(Field::Goal),
            Some(Field::IndicatorCell),
        ],
        "项目名称      总计        绩效目标        绩效指标\n",
    )
}

/// `--sheet` on a file of one table is said to be ignored (ur15 B13: a
/// directory run with `--sheet` read its text tables whole in silence).
#[test]
fn sheet_option_on_a_text_table_is_noted() {
    let text = sample_text();
    let t = read::read_bytes("t.txt", text.as_bytes(), &opts()).unwrap();
    assert!(!t.notices.iter().any(|n| n.code == "sheet-option-ignored"));
    let with_sheet = jixiao_formats::ReadOptions {
        sheet: Some("2024年".into()),
        ..opts()
    };
    let t = read::read_bytes("t.txt", text.as_bytes(), &with_sheet).unwrap();
    let n: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "sheet-option-ignored")
        .collect();
    assert_eq!(n.len(), 1);
    assert!(n[0].message.contains("2024年") && n[0].message.contains("文本表格"));
    assert_eq!(t.projects().count(), 8);
}

/// A header whose 绩效指标 cell is wrapped over the lines around the one
/// found (`绩效` above, `指标` below) is refused as a header of several
/// lines, not as a table whose columns went to other pages (/tmp/ur14
/// defect 11: a misleading message); a header truly without indicator
/// columns still gets the other-pages message.
#[test]
fn a_pdf_header_wrapped_around_its_indicator_column_is_named_as_such() {
    let wrapped = "                                2024年项目支出绩效目标表
部门名称：某局                                                                        单位：万元
                                                                                          绩效
项目名称              总计       财政拨款     财政专户拨款   其他资金   绩效目标
                                                                                          指标
合计                 30.00      30.00
某局本级             30.00      30.00
培训项目             30.00      30.00                               开展培训。            1-产出指标：培训人次，年度指标值：≥100人次。
";
    let e = read::read_pdf_text("w.pdf", wrapped, &opts())
        .unwrap_err()
        .to_string();
    assert!(e.contains("表头占多行（版式文本第3行起）"), "{e}");
    let cut: String = wrapped
        .lines()
        .filter(|l| l.trim() != "绩效" && l.trim() != "指标")
        .map(|l| format!("{l}\n"))
        .collect();
    let e = read::read_pdf_text("c.pdf", &cut, &opts())
        .unwrap_err()
        .to_string();
    assert!(e.contains("其他页"), "{e}");
    // A title or a project naming 指标 near the header is no piece of it
    // (ur17 M3: the other-pages message was lost to them).
    for (from, to) in [
        ("2024年项目支出绩效目标表", "绩效指标表"),
        ("某局本级", "指标库建设"),
    ] {
        let near: String = cut.replacen(from, to, 1);
        let e = read::read_pdf_text("n.pdf", &near, &opts())
            .unwrap_err()
            .to_string();
        assert!(e.contains("其他页"), "{to}: {e}");
    }
}

/// The 88号 template's money block: 中期资金总额 beside 年度资金总额, each
/// with its 其中：财政拨款 and 其他资金. The year's are read (the medium
/// term's were taken first, and the review said 300 ≠ 900 + 100); the
/// facts the model has no place for (项目属性, 项目负责人, the medium-term
/// money and goal) are named in one `form-field-unread` note.
#[test]
fn a_central_forms_year_money_is_read_beside_its_medium_term_block() {
    let text = "项目支出绩效目标申报表\t\t\t\t
（2024年度）\t\t\t\t
项目名称\t农村公路养护\t\t\t
主管部门及代码\t305-交通运输局\t\t实施单位\t县公路中心
项目属性\t延续项目\t\t项目期\t3年
项目负责人\t张三\t\t联系电话\t12345678
项目资金（万元）\t中期资金总额\t1000\t年度资金总额\t300
\t其中：财政拨款\t900\t其中：财政拨款\t280
\t其他资金\t100\t其他资金\t20
总体目标\t中长期目标（20XX年－20XX年）\t\t年度目标\t
\t三年内完成全县农村公路养护800公里\t\t养护农村公路300公里\t
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t养护里程\t≥300公里
\t效益指标\t社会效益指标\t道路通畅率\t≥95%
\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%
";
    let t = read::read_bytes("f.tsv", text.as_bytes(), &opts()).unwrap();
    let p = t.projects().next().unwrap();
    let f = &p.funding;
    let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(
        (f.total, f.fiscal_appropriation, f.other_funds),
        (Some(d("300")), Some(d("280")), Some(d("20")))
    );
    assert_eq!(p.goal.as_deref(), Some("养护农村公路300公里"));
    let n: Vec<_> = t
        .notices
        .iter()
        .filter(|n| n.code == "form-field-unread")
        .collect();
    assert_eq!(n.len(), 1, "{:?}", t.notices);
    for part in [
        "第5行「项目属性 延续项目 项目期 3年」",
        "「项目负责人 张三",
        "中期资金总额 1000",
        "其中：财政拨款 900",
        "三年内完成",
    ] {
        assert!(n[0].message.contains(part), "{part}: {}", n[0].message);
    }
    // Without the medium-term block, every fact is read: no note.
    let plain: String = text
        .lines()
        .filter(|l| !l.starts_with("项目属性") && !l.starts_with("项目负责人"))
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            if l.starts_with("项目资金") || l.starts_with("\t其中") || l.starts_with("\t其他")
            {
                format!("{}\t{}\n", cells[0], cells[3..].join("\t"))
            } else if l.starts_with("总体目标") || l.starts_with("\t三年") {
                format!(
                    "{}\t{}\n",
                    if l.starts_with("总体") {
                        "年度目标"
                    } else {
                        ""
                    },
                    cells[3]
                )
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let t = read::read_bytes("g.tsv", plain.as_bytes(), &opts()).unwrap();
    assert!(
        !t.notices.iter().any(|n| n.code == "form-field-unread"),
        "{plain}\n{:?}",
        t.notices
    );
    assert_eq!(t.projects().next().unwrap().funding.total, Some(d("300")));
}

/// Text in a hidden column beyond the header (a user tester's XLS: notes in
/// hidden column N of a 12-column table) is refused saying the column is
/// hidden, which the user who opens the file cannot see (ur17 M4).
#[test]
fn text_in_a_hidden_column_beyond_the_header_is_said_to_be_hidden() {
    let e = read::read_bytes("h.xls", &bytes("hidden-col-beyond-header.xls"), &opts())
        .unwrap_err()
        .to_string();
    assert!(e.contains("在隐藏的第14列，超出表头的12列"), "{e}");
}

/// One table with hidden rows and a hidden column, saved by LibreOffice as
/// XLSX, XLS and ODS (a user tester's): every format names the same hidden
/// projects and column (calamine says none of them for XLS and ODS).
#[test]
fn hidden_rows_and_columns_read_alike_in_xlsx_xls_and_ods() {
    let notes = |name: &str| {
        let t = read::read_bytes(name, &bytes(name), &opts()).unwrap();
        let n: Vec<(String, String)> = t
            .notices
            .iter()
            .filter(|n| n.code == "row-hidden" || n.code == "column-hidden")
            .map(|n| (n.code.clone(), n.message.clone()))
            .collect();
        (t.projects().count(), n)
    };
    let xlsx = notes("hidden-rows.xlsx");
    assert_eq!(xlsx.1.len(), 2, "{xlsx:?}");
    assert!(
        xlsx.1
            .iter()
            .any(|(_, m)| m.contains("第11行项目「项目0003经费」")
                && m.contains("第17行项目「项目0005经费」")),
        "{xlsx:?}"
    );
    assert!(
        xlsx.1
            .iter()
            .any(|(c, m)| c == "column-hidden" && m.contains("「权重」")),
        "{xlsx:?}"
    );
    assert_eq!(notes("hidden-rows.xls"), xlsx);
    assert_eq!(notes("hidden-rows.ods"), xlsx);
}

/// The money block of a form in the shapes departments print it (a user
/// tester's, ur18 D1–D4, D6–D8): the year's amounts are read wherever the
/// medium-term or multi-year block stands, each source going with the total
/// nearest above it in its column, else on its left in its row; a form with
/// no year block reads none; `年度资金总额：1000.00` in one cell reads too.
#[test]
fn a_forms_year_money_is_read_in_every_shape_of_its_block() {
    let form = |money: &str, goal: &str| {
        format!(
            "项目支出绩效目标申报表\n项目名称\t技能培训项目\n主管部门及代码\t101-人社局\t\t实施单位\t市就业服务中心\n\
             {money}\n总体目标\t中期目标（2024-2026年）\t\t年度目标\n\t三年累计培训1500人次\t\t{goal}\n\
             绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥500人次\n"
        )
    };
    let read = |money: &str, goal: &str| {
        let t = read::read_bytes("f.tsv", form(money, goal).as_bytes(), &opts()).unwrap();
        let goal = t.projects().next().unwrap().goal.clone();
        (amounts_of(&t), goal, t.notices)
    };
    let year = "1000.00 800.00 200.00";
    for (shape, money) in [
        (
            "项目资金总额 beside 年度资金总额",
            "项目资金（万元）\t项目资金总额：\t3000.00\t年度资金总额：\t1000.00\n\t其中：财政拨款\t2400.00\t其中：财政拨款\t800.00\n\t其他资金\t600.00\t其他资金\t200.00",
        ),
        (
            "labels over their amounts",
            "项目资金（万元）\t中期资金总额\t其中：财政拨款\t其他资金\t年度资金总额\t其中：财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\t1000.00\t800.00\t200.00",
        ),
        (
            "one block under the other",
            "项目资金（万元）\t中期资金总额：\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n\t年度资金总额：\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        ),
        (
            "a longer medium-term block",
            "项目资金（万元）\t中期资金总额：\t3000.00\t年度资金总额：\t1000.00\n\t其中：财政拨款\t2200.00\t其中：财政拨款\t800.00\n\t上年结转资金\t\t\n\t自筹资金\t200.00\n\t其他资金\t600.00\t其他资金\t200.00",
        ),
        (
            "values in the label cells",
            "项目资金（万元）\t中期资金总额：3000.00\t\t年度资金总额：1000.00\n\t其中：财政拨款：2400.00\t\t其中：财政拨款：800.00\n\t其他资金：600.00\t\t其他资金：200.00",
        ),
        (
            "sources indented under their totals",
            "项目资金（万元）\t中期资金总额：\t3000.00\t\t年度资金总额：\t1000.00\n\t\t其中：财政拨款\t2400.00\t\t其中：财政拨款\t800.00\n\t\t其他资金\t600.00\t\t其他资金\t200.00",
        ),
        (
            "a bare 预算数 under block labels in the first column (ur60 t2-mid)",
            "中期资金（万元）\t预算数\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n年度资金（万元）\t预算数\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        ),
        (
            "a bare 预算数 under headings of their own rows (ur60 t2-mid)",
            "项目资金（万元）\t中期资金（2024-2026年）\n\t预算数\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\n\t年度资金（万元）\n\t预算数\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00",
        ),
        (
            "a matrix headed 中期资金 | 年度资金",
            "项目资金（万元）\t\t中期资金\t年度资金\n\t资金总额\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00",
        ),
        (
            "rows headed 中期 and 年度",
            "资金情况（万元）\t\t资金总额\t财政拨款\t其他资金\n\t中期\t3000.00\t2400.00\t600.00\n\t年度\t1000.00\t800.00\t200.00",
        ),
        (
            "a unit after the labels' colons",
            "项目资金（万元）\t中期资金总额：（万元）\t3000.00\t年度资金总额：（万元）\t1000.00\n\t其中：财政拨款：（万元）\t2400.00\t其中：财政拨款：（万元）\t800.00\n\t其他资金：（万元）\t600.00\t其他资金：（万元）\t200.00",
        ),
        (
            "a matrix headed by a span of years and a year",
            "项目资金（万元）\t\t2024-2026年\t2024年\n\t资金总额\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00",
        ),
        (
            "a matrix headed by a year first, then the span",
            "项目资金（万元）\t\t2024年资金\t2024—2026年资金\n\t资金总额\t1000.00\t3000.00\n\t其中：财政拨款\t800.00\t2400.00\n\t其他资金\t200.00\t600.00",
        ),
        (
            "rows headed by a span of years and a year",
            "资金情况（万元）\t\t资金总额\t财政拨款\t其他资金\n\t2024-2026年\t3000.00\t2400.00\t600.00\n\t2024年\t1000.00\t800.00\t200.00",
        ),
        (
            "a dated medium-term label",
            "项目资金（万元）\t中期（2024-2026年）资金总额：\t3000.00\t当年资金总额：\t1000.00\n\t其中：财政拨款\t2400.00\t其中：财政拨款\t800.00\n\t其他资金\t600.00\t其他资金\t200.00",
        ),
        (
            "a space between each label and its amount (ur19 a08f)",
            "项目资金（万元）\t中期资金总额 3000.00\t年度资金总额 1000.00\n\t其中：财政拨款 2400.00\t其中：财政拨款 800.00\n\t其他资金 600.00\t其他资金 200.00",
        ),
        (
            "colons' look-alikes from PDF text (ur19 a08e)",
            "项目资金（万元）\t中期资金总额︰3000.00\t年度资金总额∶1000.00\n\t其中︰财政拨款︰2400.00\t其中∶财政拨款∶800.00\n\t其他资金︰600.00\t其他资金∶200.00",
        ),
    ] {
        let (amounts, goal, notices) = read(money, "2024年培训500人次");
        assert_eq!(amounts, year, "{shape}");
        // A medium-term source the model has no column for is no part of
        // the year's total (ur19 D6).
        assert!(
            !notices.iter().any(|n| n.code == "amount-source-unread"),
            "{shape}: {notices:?}"
        );
        assert_eq!(goal.as_deref(), Some("2024年培训500人次"), "{shape}");
        let unread = notices.iter().find(|n| n.code == "form-field-unread");
        assert!(unread.is_some_and(|n| n.message.contains("3000")), "{shape}: {notices:?}");
    }
    // The medium term's block alone: none of its money is the year's.
    for money in [
        "中期资金（万元）\t预算数\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00",
        "项目资金（万元）\t中期资金（2024-2026年）\n\t预算数\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00",
    ] {
        let (amounts, _, _) = read(money, "2024年培训500人次");
        assert_eq!(amounts, "- - -", "{money}");
    }
    // Headings that were read are no field left unread (ur20, low).
    for money in [
        "项目资金（万元）\t\t中期资金\t年度资金\n\t资金总额\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00",
        "资金情况（万元）\t\t资金总额\t财政拨款\t其他资金\n\t中期\t3000.00\t2400.00\t600.00\n\t年度\t1000.00\t800.00\t200.00",
    ] {
        let (_, _, notices) = read(money, "2024年培训500人次");
        let unread = notices.iter().find(|n| n.code == "form-field-unread").unwrap();
        assert!(!unread.message.contains("年度"), "{}", unread.message);
    }
    // A blank year total beside a medium-term block is blank, not its label.
    let (amounts, ..) = read(
        "项目资金（万元）\t年度资金总额：\t\t中期资金总额：\t3000.00\n\t其中：财政拨款\t800.00\t其中：财政拨款\t2400.00\n\t其他资金\t200.00\t其他资金\t600.00",
        "2024年培训500人次",
    );
    assert_eq!(amounts, "- 800.00 200.00");
    // A line of facts that says 中期 and 年度 above a block is no matrix's
    // headings; a source in a year total's own row is that total's, not the
    // one diagonally above; `：1000.00万元` is an amount (ur20 R1–R3, three
    // regressions of the first versions).
    for money in [
        "项目期\t中期\t年度\t2024\n项目资金（万元）\t年度资金总额：\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "项目总投资（万元）\t\t资金总额：\t3000.00\n项目资金\t年度资金总额：\t1000.00\t其中：财政拨款\t800.00\t其他资金\t200.00",
        "项目资金（万元）\t年度资金总额：1000.00万元\n\t其中：财政拨款：800.00万元\n\t其他资金：200.00万元",
        // `万` alone, shorthand for 万元 (ur55 p377).
        "项目资金（万元）\t年度资金总额\t1000.00万\n\t其中：财政拨款\t800.00万\n\t其他资金\t200.00",
        // A total of another section above a source's column is not its
        // total (ur21 N2).
        "项目总投资（万元）\t\t\t资金总额：\t3000.00\n项目资金（万元）\t年度资金总额：\t1000.00\t其中：财政拨款\t800.00\t其他资金\t200.00",
        "项目总投资（万元）\t\t资金总额：\t3000.00\n项目资金（万元）\t年度资金总额：\t1000.00\n\t\t其中：财政拨款\t800.00\n\t\t其他资金\t200.00",
        // A matrix whose heading row also states the scale, a blank row
        // under it (ur21 N1, a regression of the stricter headings).
        "项目资金\t\t中期\t年度\t单位：万元\n\t\t\t\t\n\t资金总额\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00",
    ] {
        let (amounts, ..) = read(money, "2024年培训500人次");
        assert_eq!(amounts, year, "{money}");
    }
    // A remark that names amounts is no label glued to its amount: the
    // amounts are the row's above (ur55 c003; ur41 R02, R22).
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n说明\t年度资金总额1000万元，其中财政拨款800万元",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t备注\n\t1000.00\t800.00\t200.00\t含上年结转资金100万元",
        "资金总额\t财政拨款\t其他资金\t备注\n1000.00\t800.00\t200.00\t含结转100万元",
    ] {
        let (amounts, ..) = read(money, "2024年培训500人次");
        assert_eq!(amounts, year, "{money}");
    }
    // Labels glued to their amounts, each block after its year, in a form
    // of 2024: the other year's block is left unread (ur55 p406).
    for money in [
        "2023年：资金总额3000.00\t财政拨款2400.00\t其他资金600.00\n2024年：资金总额1000.00\t财政拨款800.00\t其他资金200.00",
        "2024年资金总额1000.00万元\t财政拨款800.00万元\t其他资金200.00万元\n2023年资金总额3000.00万元\t财政拨款2400.00万元\t其他资金600.00万元",
    ] {
        let dated = form(money, "2024年培训500人次").replacen("申报表\n", "申报表\n（2024年度）\n", 1);
        let t = read::read_bytes("f.tsv", dated.as_bytes(), &opts()).unwrap();
        assert_eq!(amounts_of(&t), year, "{money}");
        let unread = t.notices.iter().find(|n| n.code == "form-field-unread");
        assert!(unread.is_some_and(|n| n.message.contains("3000")), "{money}: {:?}", t.notices);
    }
    // Two undated blocks of glued labels and amounts: which is the year's is
    // not said, and the form is refused.
    let two = form(
        "资金总额3000.00\t财政拨款2400.00\t其他资金600.00\n资金总额1000.00\t财政拨款800.00\t其他资金200.00",
        "2024年培训500人次",
    );
    let err = read::read_bytes("f.tsv", two.as_bytes(), &opts()).unwrap_err();
    assert!(err.to_string().contains("两个本年度的资金总额"), "{err}");
    // `合计` alone under a row of labels is a row of amounts, no heading.
    let (amounts, ..) = read(
        "资金来源（万元）\t资金总额\t财政拨款\t其他资金\n合计\t1000.00\t800.00\t200.00",
        "2024年培训500人次",
    );
    assert_eq!(amounts, year);
    // A breakdown by year (`合计 | 2024年 | 2025年 | 2026年`, ur20 D4'): the
    // column of the form's year, from its title; with no year on the form,
    // or none of the columns its year, it is refused at the headings.
    let by_year = "项目资金（万元）\t\t合计\t2024年\t2025年\t2026年\n\t资金总额\t3000.00\t1000.00\t1000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\t800.00\t800.00\n\t其他资金\t600.00\t200.00\t200.00\t200.00";
    let by_rows = "资金情况（万元）\t\t资金总额\t财政拨款\t其他资金\n\t2024年\t1000.00\t800.00\t200.00\n\t2025年\t1000.00\t800.00\t200.00\n\t合计\t2000.00\t1600.00\t400.00";
    for (money, at) in [(by_year, (4, 3)), (by_rows, (5, 2))] {
        for title in ["（2025年度）", "预算年度：2025"] {
            let dated = form(money, "2025年培训500人次").replacen('\n', &format!("\n{title}\n"), 1);
            let t = read::read_bytes("y.tsv", dated.as_bytes(), &opts()).unwrap();
            let f = &t.projects().next().unwrap().funding;
            assert_eq!(
                f.total.map(|d| d.to_string()).as_deref(),
                Some("1000.00"),
                "{title} {money}"
            );
            assert_eq!(
                f.other_funds.map(|d| d.to_string()).as_deref(),
                Some("200.00")
            );
        }
        for (title, said) in [("", "没有写明预算年度"), ("（2023年度）\n", "2023年度")]
        {
            let text = form(money, "").replacen('\n', &format!("\n{title}"), 1);
            let e = read::read_bytes("y.tsv", text.as_bytes(), &opts()).unwrap_err();
            let shown = e.to_string();
            assert!(
                shown.contains(said) && shown.contains("「2024年」"),
                "{shown}"
            );
            let at = (at.0 + u32::from(!title.is_empty()), at.1);
            let l = e.location().unwrap();
            assert_eq!((l.row, l.col), (Some(at.0), Some(at.1)), "{shown}");
        }
    }
    // Year headings as departments spell them, matched against the form's
    // year from its title (Chinese numerals and full-width digits too),
    // never a filing date; headings that cannot be matched are refused,
    // never read by position (ur22).
    let matrix = |a: &str, b: &str| {
        format!("项目资金（万元）\t\t{a}\t{b}\n\t资金总额\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00")
    };
    let titled = |title: &str, money: &str| {
        form(money, "2024年培训500人次").replacen('\n', &format!("\n{title}\n"), 1)
    };
    let funding =
        |text: &str| read::read_bytes("t.tsv", text.as_bytes(), &opts()).map(|t| amounts_of(&t));
    // A form titled `title` with `money` is refused, saying `words`.
    let refused = |title: &str, money: &str, words: &str| {
        let e = read::read_bytes("t.tsv", titled(title, money).as_bytes(), &opts()).unwrap_err();
        assert!(e.to_string().contains(words), "{money}: {e}");
    };
    // A 2024 form with `money` reads no money.
    let reads_none = |money: &str| {
        let got = funding(&titled("（2024年度）", money));
        assert_eq!(got.as_deref().ok(), Some("- - -"), "{money}");
    };
    // A 2024 form with `money` reads the year's 1000.00 800.00 200.00.
    let reads_year = |money: &str| {
        let got = funding(&titled("（2024年度）", money));
        assert_eq!(got.as_deref().ok(), Some(year), "{money}: {got:?}");
    };
    for (title, a, b) in [
        ("（2024年度）", "2024-2026年", "2024年预算数"),
        ("（2024年度）", "2023年执行数", "2024年预算数"),
        ("（2024年度）", "２０２４-２０２６年", "２０２４年"),
        ("（2024年度）", "2024-26年", "2024年"),
        ("（2024年度）", "（2024-2026年）", "（2024年）"),
        ("（二〇二四年度）", "2025年", "2024年"),
        ("预算年度：２０２４", "2025年", "2024年"),
        ("填报日期：2023年11月", "2024-2026年", "2024年"),
        // Headings that are totals of their periods (ur58 S4, ur39 E04).
        ("（2024年度）", "中期资金总额", "年度资金总额"),
        ("（2024年度）", "上年资金总额", "本年资金总额"),
        (
            "（2024年度）",
            "上年（2023年）资金总额",
            "本年（2024年）资金总额",
        ),
        ("（2024年度）", "上年执行数", "本年预算总额"),
    ] {
        let money = if a.starts_with("2025") {
            matrix(a, b)
                .replace("3000.00", "1100.00")
                .replace("2400.00", "900.00")
        } else {
            matrix(a, b)
        };
        let got = funding(&titled(title, &money));
        assert_eq!(
            got.as_deref().ok(),
            Some(year),
            "{title} {a} | {b}: {got:?}"
        );
    }
    // A label beside the block's (`资金来源`) before the headings.
    let sourced = matrix("2024-2026年", "2024年")
        .replace("项目资金（万元）\t\t", "项目资金（万元）\t资金来源\t");
    assert_eq!(
        funding(&titled("（2024年度）", &sourced)).ok().as_deref(),
        Some(year)
    );
    // Refused: two amounts right of a label under headings that are no
    // split of the year; a filing date or a project name is no budget year.
    for (title, money, said) in [
        (
            "（2024年度）",
            matrix("2024-2026", "2024"),
            "右侧有不止一个金额",
        ),
        (
            "填报日期：2024年11月",
            by_year.to_string(),
            "没有写明预算年度",
        ),
        (
            "（2024年度）",
            matrix("2024年", "2024年"),
            "有不止一列是本表的2024年度的",
        ),
    ] {
        let e = funding(&titled(title, &money)).unwrap_err().to_string();
        assert!(e.contains(said), "{title}: {e}");
    }
    // A line of facts naming years above the block is no row of headings;
    // year headings in more words, or naming the year by word, are read;
    // a second number that is no other period's amount is no reason to
    // refuse (ur23 1–3, regressions of the first versions).
    let block =
        "项目资金（万元）\t年度资金总额：\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00";
    // The year's column first.
    let year_first = |m: String| {
        m.replace("\t3000.00\t1000.00", "\t1000.00\t3000.00")
            .replace("\t2400.00\t800.00", "\t800.00\t2400.00")
            .replace("\t600.00\t200.00", "\t200.00\t600.00")
    };
    for money in [
        format!("项目期限\t起止年度\t2024年-2026年\n{block}"),
        format!("项目属性\t延续项目\t2023年\t2024年\n{block}"),
        format!("实施周期\t起始\t2023年\n{block}"),
        year_first(matrix("2024年申请数", "2024-2026年合计")),
        year_first(matrix("本年预算数", "上年预算数")),
        year_first(matrix("当年", "以后年度")),
        "项目资金（万元）\t\t金额\t占比\n\t资金总额\t1000.00\t1.00\n\t其中：财政拨款\t800.00\t0.80\n\t其他资金\t200.00\t0.20".to_string(),
        "项目资金（万元）\t年度资金总额：\t1000.00\t0\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00".to_string(),
        "项目资金（万元）\t年度资金总额：\t1000.00\t1000.00\n\t其中：财政拨款\t800.00\t800.00\n\t其他资金\t200.00\t200.00".to_string(),
        "项目资金（万元）\t\t金额\t年度\n\t资金总额\t1000.00\t2024\n\t其中：财政拨款\t800.00\t2024\n\t其他资金\t200.00\t2024".to_string(),
    ] {
        reads_year(&money);
    }
    // The one column not headed by another period is the year's, whichever
    // side it stands (`2024-2026年 | 预算数`, `预算数 | 上年执行数`, a new
    // project's `上年执行数 | 预算数` with zeros); `合计` heads the total's
    // row; a fact whose label names money above the block is no heading; a
    // change beside the amount is no rival (ur24 1–4, 7).
    for money in [
        matrix("2024-2026年", "预算数"),
        matrix("上年执行数", "预算数").replace("3000.00", "0.00").replace("2400.00", "0.00").replace("600.00", "0.00"),
        year_first(matrix("预算数", "上年执行数")),
        matrix("2023年执行数", "预算数"),
        matrix("2024年以前已安排", "2024年"),
        format!("资金使用期限\t\t2024-2026年\n{block}"),
        "资金总额（万元）\t\t2024年\n\t合计\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00".to_string(),
        "项目资金（万元）\t合计\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00".to_string(),
        "项目资金（万元）\t\t金额\t比上年增减\n\t资金总额\t1000.00\t100.00\n\t其中：财政拨款\t800.00\t50.00\n\t其他资金\t200.00\t50.00".to_string(),
        // Integer amounts that look like years are amounts.
        "项目资金（万元）\t\t合计\t2024年\t2025年\n\t资金总额\t3000\t1000\t2000\n\t其中：财政拨款\t2400\t800\t1600\n\t其他资金\t600\t200\t400".replace("\t1000\t", "\t1000.00\t").replace("\t800\t", "\t800.00\t").replace("\t200\t", "\t200.00\t"),
    ] {
        reads_year(&money);
    }
    // Sources in a column of their own (`其中` | `财政拨款`), `合计` over
    // source labels, rows headed by years with a `合计` row, a period
    // written in words (`截至2023年累计`), an amount in the label's cell
    // under year headings (ur25 2, 3, 5, 7, 8).
    for money in [
        "项目资金（万元）\t\t\t2024-2026年\t2024年\n\t资金总额\t\t3000.00\t1000.00\n\t其中\t财政拨款\t2400.00\t800.00\n\t\t其他资金\t600.00\t200.00".to_string(),
        "项目资金（万元）\t合计\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00".to_string(),
        "项目资金（万元）\t\t资金总额\t财政拨款\t其他资金\n项目资金（万元）\t2024年\t1000.00\t800.00\t200.00\n项目资金（万元）\t2025年\t2000.00\t1600.00\t400.00\n项目资金（万元）\t合计\t3000.00\t2400.00\t600.00".to_string(),
        matrix("截至2023年累计", "2024年"),
        matrix("2024-2026年", "2024年").replace("\t资金总额\t3000.00", "\t资金总额：3000.00\t"),
    ] {
        reads_year(&money);
    }
    // Other names of the year's money beside another period (ur26 1), a
    // `合计` first row under headings above the label (ur26 2).
    for money in [
        matrix("上年执行数", "年初预算数"),
        matrix("2024-2026年", "申报金额"),
        matrix("上年预算数", "预算控制数"),
        matrix("2024-2026年", "本次申请"),
        matrix("上年执行数", "本年资金需求"),
        matrix("上年执行数", "本年支出预算"),
        // What a heading leaves out is no period of its own (ur29), nor
        // the money carried over it includes, with or without brackets.
        matrix("上年执行数", "年度预算（不含上年结转）"),
        matrix("2024-2026年", "年度预算（含上年结转）"),
        matrix("2024-2026年", "年度预算 不含上年结转"),
        matrix("中期资金（含上年结转）", "年度资金"),
        matrix("中期预算", "年度预算（包括以前年度结余）"),
        matrix("中期预算", "2024年预算（含上年结转）"),
        "项目资金（万元）\t\t年度预算（含上年结转）\n\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00".to_string(),
        // The unit in brackets after an inline amount.
        "项目资金（万元）\t年度资金总额：1000.00（万元）\n\t其中：财政拨款：800.00（万元）\n\t其他资金：200.00（万元）".to_string(),
        // Source labels over rows headed by the totals of periods: the
        // year's row, first or after the medium term's.
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t年度资金总额\t1000.00\t800.00\t200.00".to_string(),
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t年度资金总额\t1000.00\t800.00\t200.00".to_string(),
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t年度资金总额\t1000.00\t800.00\t200.00\n\t中期资金总额\t3000.00\t2400.00\t600.00".to_string(),
        matrix("2024-2026年", "二〇二四年预算"),
        // A part of the money between the periods is no column (ur27 2).
        "项目资金（万元）\t\t中期资金\t其中：自筹\t年度资金\n\t资金总额\t3000.00\t500.00\t1000.00\n\t其中：财政拨款\t2400.00\t\t800.00\n\t其他资金\t600.00\t500.00\t200.00".to_string(),
        "\t\t2024-2026年\t2024年\n项目资金（万元）\t合计\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00".to_string(),
    ] {
        reads_year(&money);
    }
    // Labels of a total and its sources over rows of periods, read whole
    // (ur31): the total's column last, three periods, a `合计` row first, a
    // carry-over row or column, another name of 财政专户, a row of last
    // year's actuals; `项目资金总额：1000.00（万元）` is a total, not the
    // block's label.
    for money in [
        "项目资金（万元）\t\t财政拨款\t其他资金\t合计\n\t中期资金总额\t2400.00\t600.00\t3000.00\n\t年度资金总额\t800.00\t200.00\t1000.00",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t上年资金总额\t900.00\t700.00\t200.00\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t年度资金总额\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t合计\t4000.00\t3200.00\t800.00\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t年度资金总额\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t上年结转\t555.00\t444.00\t111.00\n\t年度资金总额\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t\t资金总额\t财政拨款\t其他资金\t上年结转\n\t中期资金总额\t3000.00\t2400.00\t600.00\t555.00\n\t年度资金总额\t1000.00\t800.00\t200.00\t555.00",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t上年执行数\t900.00\t700.00\t200.00\n\t年度资金总额\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t项目资金总额：1000.00（万元）\n\t其中：财政拨款：800.00（万元）\n\t其他资金：200.00（万元）",
        // `本年资金总额` beside `上年资金总额` (ur55 p407, c119).
        "项目资金（万元）\t上年资金总额\t900.00\n\t本年资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "上年资金总额\t900.00\t财政拨款\t700.00\t其他资金\t200.00\n本年资金总额\t1000.00\t财政拨款\t800.00\t其他资金\t200.00",
        "今年资金总额\t1000.00\t财政拨款\t800.00\t其他资金\t200.00",
        // The block's total restated, naming the year, beside or under it
        // (ur55 c002, c027, p390): the same money, the block's sources too.
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n年度资金总额：1000.00",
        "项目资金（万元）\t资金总额\t1000.00\t财政拨款\t800.00\t其他资金\t200.00\n年度资金总额：1000.00",
        "资金总额：1000.00\t年度资金总额：1,000.00\n财政拨款：800.00\t其他资金：200.00",
        // A total labelled `总额` or by the year's budget, across or down
        // (ur58 S2: the 上海 form's `项目预算（万元） | 总额 | 财政拨款 | 其他资金`).
        "项目预算（万元）\t总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00",
        "项目预算（万元）\t年度预算数\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t本年预算数\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
    ] {
        reads_year(money);
    }
    // Another period's budget as a block's total label: neither it nor its
    // sources are the year's (ur60: `2023年预算数` was read as the year's
    // total, `上年预算数`'s sources as the year's).
    for label in ["2023年预算数", "上年预算数"] {
        let got = funding(&titled(
            "（2024年度）",
            &format!("项目预算（万元）\t{label}\t财政拨款\t其他资金\n\t730.00\t550.00\t180.00"),
        ));
        assert_eq!(got.as_deref().ok(), Some("- - -"), "{label}: {got:?}");
    }
    // Another year's block with the same total lends the year none of its
    // sources (ur33 k20).
    let other_year = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t二〇二三年预算：1000.00（万元）\n\t其中：财政拨款：900.00（万元）\n\t其他资金：100.00（万元）\n\t年度资金总额：1000.00（万元）",
    ));
    assert_eq!(
        other_year.as_deref().ok(),
        Some("1000.00 - -"),
        "{other_year:?}"
    );
    let special = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t\t财政拨款\t财政专户\t其他资金\t合计\n\t中期资金总额\t2100.00\t300.00\t600.00\t3000.00\n\t年度资金总额\t700.00\t100.00\t200.00\t1000.00",
    ));
    assert_eq!(special.as_deref().ok(), Some("1000.00 700.00 200.00"));
    // Never another period's money as the year's (ur31): rows of last
    // year's, three years' or another year's total alone, an inline total
    // of another year, years a heading includes (`（含2023年）`), money of
    // later years carried, an amount in 千元; two columns both headed as
    // the year's are refused.
    for money in [
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t上年资金总额\t1000.00\t800.00\t200.00".to_string(),
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t三年资金总额\t1000.00\t800.00\t200.00".to_string(),
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t2025年资金总额\t1100.00\t900.00\t200.00".to_string(),
        "项目资金（万元）\t2023年资金总额：900.00（万元）\n\t其中：财政拨款：700.00（万元）\n\t其他资金：200.00（万元）".to_string(),
        "项目资金（万元）\t年度资金总额：1000.00（千元）\n\t其中：财政拨款：800.00（千元）\n\t其他资金：200.00（千元）".to_string(),
        matrix("2024年（含2023年）", "2024-2026年"),
        matrix("年度预算（含2025-2026年）", "上年执行数"),
        matrix("年度预算（含以后年度结转）", "上年执行数"),
        "项目资金（万元）\t\t上年执行数\t年度预算（含上年结转）\t年度预算\n\t资金总额\t900.00\t555.00\t1000.00\n\t其中：财政拨款\t700.00\t444.00\t800.00\n\t其他资金\t200.00\t111.00\t200.00".to_string(),
    ] {
        let got = funding(&titled("（2024年度）", &money));
        assert!(got.as_deref().map_or(true, |a| a == "- - -"), "{money}: {got:?}");
    }
    // ur32: a remark column beside the labels, the scale in the labels'
    // row, `合计` last over a bare row of amounts, the year's block under an
    // inline total of another period.
    for money in [
        "项目资金（万元）\t\t财政拨款\t其他资金\t合计\t备注\n\t中期资金总额\t2400.00\t600.00\t3000.00\t\n\t年度资金总额\t800.00\t200.00\t1000.00\t无",
        "项目资金\t单位：万元\t合计\t财政拨款\t其他资金\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t年度资金总额\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t财政拨款\t其他资金\t合计\n\t800.00\t200.00\t1000.00",
        "项目资金（万元）\t2024-2026年资金总额：3000.00（万元）\n\t其中：财政拨款：2400.00（万元）\n\t其他资金：600.00（万元）\n\t年度资金总额：1000.00（万元）\n\t其中：财政拨款：800.00（万元）\n\t其他资金：200.00（万元）",
    ] {
        reads_year(money);
    }
    // ur32: sources under an inline amount of another period or a
    // carry-over of their own are not the year's; two `合计` rows are
    // refused; labels over a line of facts take none of its cells.
    for money in [
        "项目资金（万元）\t上年执行数：1000.00（万元）\n\t其中：财政拨款：900.00（万元）\n\t其他资金：100.00（万元）",
        "项目资金（万元）\t上年执行：900.00万元\n\t其中：财政拨款：700.00（万元）\n\t其他资金：200.00（万元）",
        "项目资金（万元）\t以前年度结转资金：900.00（万元）\n\t其中：财政拨款：700.00（万元）\n\t其他资金：200.00（万元）",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t合计\t555.00\t444.00\t111.00\n\t合计\t1000.00\t800.00\t200.00",
    ] {
        let got = funding(&titled("（2024年度）", money));
        assert!(got.as_deref().map_or(true, |a| a == "- - -"), "{money}: {got:?}");
    }
    let facts = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n项目负责人\t张三\t联系电话\t12345678",
    ));
    assert_eq!(facts.as_deref().ok(), Some("- - -"));
    // A second form stacked under the first, its block headed by periods'
    // rows (ur32 q20: refused as a row between facts and indicators).
    let stacked = "项目支出绩效目标申报表\n（2024年度）\n项目名称\t技能培训项目\n主管部门及代码\t101-人社局\t\t实施单位\t市就业服务中心\n项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t年度资金总额\t1000.00\t800.00\t200.00\n年度目标\t2024年培训500人次\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥500人次\n项目支出绩效目标申报表\n（2024年度）\n项目名称\t道路养护项目\n主管部门及代码\t101-人社局\t\t实施单位\t市就业服务中心\n项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t上年执行数\t450.00\t350.00\t100.00\n\t年度资金总额\t500.00\t400.00\t100.00\n年度目标\t2024年养护道路10公里\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t养护里程\t≥10公里\n";
    let t = read::read_bytes("s.tsv", stacked.as_bytes(), &opts()).unwrap();
    let totals: Vec<String> = t
        .projects()
        .map(|p| p.funding.total.unwrap().to_string())
        .collect();
    assert_eq!(totals, ["1000.00", "500.00"]);
    // ur33: a unit cell at the end of the bare row, the year's block in
    // label and amount cells before a block of last year's, inline
    // budgets by their period, the 88号 vertical blocks headed in the first
    // column.
    for money in [
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\t万元",
        "项目资金（万元）\t年度资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00\n\t上年执行数\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00",
        "项目资金（万元）\t本年预算：1000.00万元\n\t其中：财政拨款：800.00万元\n\t其他资金：200.00万元",
        "项目资金（万元）\t上年执行：900.00万元\n\t其中：财政拨款：700.00万元\n\t其他资金：200.00万元\n\t本年预算：1000.00万元\n\t其中：财政拨款：800.00万元\n\t其他资金：200.00万元",
        "中期资金（万元）\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n年度资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
    ] {
        reads_year(money);
    }
    // ur33: two bare rows under one row of labels are two periods', not
    // the first's; sources under money of another scope in words (`去年执行数`,
    // `项目总投资`) are not the year's, beside a year total of its own.
    let two_rows = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t财政拨款\t其他资金\t合计\n\t2400.00\t600.00\t3000.00\n\t800.00\t200.00\t1000.00",
    ));
    assert!(
        two_rows.as_deref().map_or(true, |a| a == "- - -"),
        "{two_rows:?}"
    );
    for money in [
        "项目资金（万元）\t去年执行数：1000.00（万元）\n\t其中：财政拨款：900.00（万元）\n\t其他资金：100.00（万元）\n\t年度资金总额：1000.00（万元）",
        "项目资金（万元）\t项目总投资\t1000.00\n\t其中：财政拨款\t900.00\n\t其他资金\t100.00\n\t年度资金总额\t1000.00",
    ] {
        let got = funding(&titled("（2024年度）", money));
        assert_eq!(got.as_deref().ok(), Some("1000.00 - -"), "{money}");
    }
    // ur33: a dated money label on a form of two years is refused; a
    // project named 结转培训项目 is no carry-over label.
    refused(
        "（2024年度）\n预算年度：2025",
        "项目资金（万元）\t2024年资金总额：1000.00\n\t其中：财政拨款：800.00\n\t其他资金：200.00",
        "标题写明2024年度",
    );
    let named = titled("（2024年度）", &matrix("中期资金", "年度资金"))
        .replace("技能培训项目", "结转培训项目");
    let t = read::read_bytes("t.tsv", named.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().next().unwrap().name, "结转培训项目");
    // ur34: the year's own money however worded inline, a span in the
    // block's label over a total naming the year.
    for money in [
        "项目资金（万元）\t年度实际安排：1000.00（万元）\n\t其中：财政拨款：800.00（万元）\n\t其他资金：200.00（万元）",
        "项目资金（2024-2026年）（万元）\t年度资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
    ] {
        reads_year(money);
    }
    // ur34: the year's vertical block in 元 under a medium-term one: in 元
    // (it was read as 万元, ten thousand times too large).
    let yuan = funding(&titled(
        "（2024年度）",
        "中期资金（元）\t资金总额\t30,000,000.00\n\t其中：财政拨款\t24,000,000.00\n\t其他资金\t6,000,000.00\n年度资金（元）\t资金总额\t10,000,000.00\n\t其中：财政拨款\t8,000,000.00\n\t其他资金\t2,000,000.00",
    ));
    let total: Option<f64> = yuan
        .as_deref()
        .ok()
        .and_then(|a| a.split(' ').next()?.parse().ok());
    assert_eq!(total, Some(1000.0), "{yuan:?}");
    // ur34: a block of another scope or span alone is not the year's; two
    // bare rows written differently are still two periods' (refused).
    for money in [
        "项目总投资（万元）\t资金总额\t5000.00\n\t其中：财政拨款\t4000.00\n\t其他资金\t1000.00",
        "项目资金（2024-2026年）（万元）\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00",
    ] {
        let got = funding(&titled("（2024年度）", money));
        assert_eq!(got.as_deref().ok(), Some("- - -"), "{money}");
    }
    refused("（2024年度）", "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t3000\t2400\t600\n\t1000.00\t800.00\t200.00", "不止一行金额");
    // ur35: the same amounts written twice in two formats are one row; a
    // year in the block label's brackets is that block's period.
    for money in [
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n\t1,000\t800\t200",
        "项目资金（2023年）（万元）\t资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00\n项目资金（2024年）（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
    ] {
        reads_year(money);
    }
    // ur39: shifted right, a 序号 or year under the total: the amounts add
    // up only a column off.
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t2024\t1000.00\t800.00\t200.00",
    ] {
        refused("（2024年度）", money, "没有对齐");
    }
    // Amounts with their unit beside each (`10000000 | 元`) are in that unit.
    let got = funding(&titled(
        "（2024年度）",
        "项目资金\t资金总额\t\t财政拨款\t\t其他资金\t\n\t10000000\t元\t8000000\t元\t2000000\t元",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.0000 800.0000 200.0000"));
    // ur33: a row of amounts shifted a column off its labels is refused,
    // never paired by column (it read 1000 as 其他资金).
    refused(
        "（2024年度）",
        "项目资金（万元）\t财政拨款\t其他资金\t合计\n800.00\t200.00\t1000.00",
        "没有对齐",
    );
    // ur38: two halves of the year with the same amount are no one amount
    // written twice (the first half's 500 was read); 申请数 | 审核数 alike are.
    refused(
        "（2024年度）",
        "项目资金（万元）\t\t2024年1-6月\t2024年7-12月\n\t资金总额\t500.00\t500.00\n\t其中：财政拨款\t400.00\t400.00\n\t其他资金\t100.00\t100.00",
        "不止一个金额",
    );
    reads_year("项目资金（万元）\t\t申请数\t审核数\n\t资金总额\t1000.00\t1000.00\n\t其中：财政拨款\t800.00\t800.00\n\t其他资金\t200.00\t200.00");
    // ur38: a number beside the labels that is none of their amounts (a
    // 序号, a 年度, one right of the labels under a label of its own or
    // none) is no shifted row; a remark's or the unit's label after the
    // last money label leaves its amount below it.
    for money in [
        "序号\t资金总额\t财政拨款\t其他资金\n1\t1000.00\t800.00\t200.00",
        "年度\t资金总额\t财政拨款\t其他资金\n2024\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\t50.00",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t项目数\n\t1000.00\t800.00\t200.00\t3",
        "项目资金（万元）\t财政拨款\t其他资金\t合计\t说明\n\t800.00\t200.00\t1000.00\t300",
        "项目资金\t财政拨款\t其他资金\t合计\t单位：万元\n\t800.00\t200.00\t1000.00",
        "项目资金\t合计\t财政拨款\t其他资金\t单位：万元\n\t1000.00\t800.00\t200.00",
        "项目资金\t年度资金总额\t财政拨款\t其他资金\t（万元）\n\t1000.00\t800.00\t200.00",
    ] {
        reads_year(money);
    }
    // ur33: one 合计 row with parts of the year's money beside it (carried
    // over, new this year, 其中) is the year's; before, nothing was read.
    for money in [
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t合计\t1000.00\t800.00\t200.00\n\t其中：上年结转\t100.00\t100.00\t0.00",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t本年新增\t900.00\t700.00\t200.00\n\t上年结转\t100.00\t100.00\t0.00\n\t合计\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t合计\t1000.00\t800.00\t200.00\n\t上年结转\t100.00\t100.00\t0.00",
    ] {
        reads_year(money);
    }
    // ur38: not under another period's label, nor with another period's
    // amount among the parts (before, the medium term's 3000 was read).
    for money in [
        "中期资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00\n年度资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "上年执行情况（万元）\t资金总额\t财政拨款\t其他资金\n合计\t900.00\t700.00\t200.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t800.00\t600.00\t200.00\n年度资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "项目资金（2024-2026年）（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00\n年度资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
    ] {
        reads_year(money);
    }
    for money in [
        "中期资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t1900.00\t1500.00\t400.00\n其中：上年执行\t900.00\t700.00\t200.00\n本年新增\t1000.00\t800.00\t200.00",
    ] {
        let got = funding(&titled("（2024年度）", money));
        assert!(got.as_deref().map_or(true, |a| a == "- - -"), "{money}: {got:?}");
    }
    // ur39: nor under a label of its own row above (`中期资金（万元）`), nor
    // one of a period the words do not list (`实施期资金`, `下年资金`).
    for money in [
        "中期资金（万元）\n\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00",
        "实施期资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00",
        "下年资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00",
    ] {
        let got = funding(&titled("（2024年度）", money));
        assert!(got.as_deref().map_or(true, |a| a == "- - -"), "{money}: {got:?}");
    }
    // ur40: 资金来源 is the project's money; 合计 rows with no label of
    // their own right under another block's amounts are not the year's.
    reads_year("资金来源（万元）\t资金总额\t财政拨款\t其他资金\n合计\t1000.00\t800.00\t200.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t900.00\t700.00\t200.00");
    let got = funding(&titled(
        "（2024年度）",
        "中期资金（万元）\t资金总额\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\n\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00",
    ));
    assert!(
        got.as_deref()
            .map_or(true, |a| a != "3000.00 2400.00 600.00"),
        "{got:?}"
    );
    // ur40: 下年资金, 实施期资金 blocks are other periods' in any shape.
    for label in ["下年资金（万元）", "实施期资金（万元）"] {
        reads_none(&format!(
            "{label}\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00"
        ));
    }
    // ur40: a remark with text beside a row of amounts is no value of the
    // last label (it was refused); a row headed by another period with a
    // remark is no row of the year's.
    reads_year(
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t备注\n\t1000.00\t800.00\t200.00\t用于培训",
    );
    reads_none("项目资金（万元）\t\t财政拨款\t其他资金\t合计\t备注\n\t去年执行数\t900.00\t100.00\t1000.00\t无");
    // ur39 A27: a 合计 over the carry-over and the year's own row is the
    // year's money (本年安排's 900 was read).
    reads_year("项目资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t1000.00\t800.00\t200.00\n其中：上年结转资金\t100.00\t100.00\t0.00\n本年安排\t900.00\t700.00\t200.00");
    // ur41: two rows of amounts with remarks are no one row (the first was
    // read); 合计 last before a remark column reads its total; a 资金构成
    // block after a medium-term block is not told to be the year's, alone
    // it is; 元 cells against a 万元 label are refused.
    let got = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t备注\n\t900.00\t700.00\t200.00\t上年执行\n\t1000.00\t800.00\t200.00\t本年预算",
    ));
    assert!(got.as_deref().map_or(true, |a| a == "- - -"), "{got:?}");
    reads_year("项目资金（万元）\t财政拨款\t其他资金\t合计\t备注\n\t800.00\t200.00\t1000.00\t无");
    let mid =
        "中期资金（万元）\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n";
    let parts = "资金构成\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00";
    let got = funding(&titled("（2024年度）", &format!("{mid}{parts}")));
    assert!(got.as_deref().map_or(true, |a| a == "- - -"), "{got:?}");
    reads_year(
        &parts
            .replace("3000.00\t2400.00", "1000.00\t800.00")
            .replace("600.00\n其中", "200.00\n其中")
            .replace("2900.00\t2300.00\t600.00", "900.00\t700.00\t200.00"),
    );
    refused(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t\t财政拨款\t\t其他资金\t\n\t10000000\t元\t8000000\t元\t2000000\t元",
        "单位不同",
    );
    // ur33 e13: `无` in an amount cell is a blank.
    let got = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t1000.00\t无",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.00 1000.00 -"));
    // ur40: a unit cell beside each amount of labelled rows; 千元 cells refused.
    let got = funding(&titled(
        "（2024年度）",
        "年度资金\t资金总额\t10000000\t元\n\t其中：财政拨款\t8000000\t元\n\t其他资金\t2000000\t元",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.0000 800.0000 200.0000"));
    refused(
        "（2024年度）",
        "项目资金\t资金总额\t\t财政拨款\t\t其他资金\t\n\t10000\t千元\t8000\t千元\t2000\t千元",
        "千元",
    );
    // ur41 R02/R22, ur40 k14: a remark naming an amount (`含上年结转资金100万元`)
    // is a remark, not a carry-over label (they were refused); ur38 a09: a
    // two-level heading `资金总额 | 其中` over the sources' labels.
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t备注\n\t1000.00\t800.00\t200.00\t含上年结转资金100万元",
        "资金总额\t财政拨款\t其他资金\t备注\n1000.00\t800.00\t200.00\t含结转100万元",
        "序号\t项目资金（万元）\t资金总额\t财政拨款\t其他资金\t财政拨款占比\t备注\n1\t\t1000.00\t800.00\t200.00\t80%\t含上年结转100万元",
        "项目资金（万元）\t资金总额\t其中\t\n\t\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00",
    ] {
        reads_year(money);
    }
    // ur41 R23: a column of the period as text beside the amounts (it lost
    // 其他资金); ur39 C09: `合计 | 说明` over rows headed 年度 | 中期 (it lost
    // the total); ur39 A30: a 中期 block of 合计 rows before the year's.
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t实施期\n\t1000.00\t800.00\t200.00\t2024-2026年",
        "项目资金（万元）\t财政拨款\t其他资金\t合计\t说明\n年度\t800.00\t200.00\t1000.00\t\n中期\t2400.00\t600.00\t3000.00\t",
        "中期资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00\n年度资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t1000.00\t800.00\t200.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t900.00\t700.00\t200.00",
    ] {
        reads_year(money);
    }
    // ur39 A14: the 合计 rows of the project's whole investment are no year's
    // money (it read the carry-over's 100.00 as 财政拨款).
    reads_none("项目总投资（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t2900.00\t2300.00\t600.00");
    // ur36 c07, ur37 u44, ur43 Y03: an amount's own unit (`1000.00（万元）`)
    // beside bare amounts under a `单位：元` line: the bare ones' unit is
    // untold, refused (the 元 sources had been read as 万元); a bare zero is
    // zero in any unit (ur43 Y05).
    let e = read::read_bytes(
        "t.tsv",
        titled(
            "（2024年度）\n单位：元",
            "项目资金\t年度资金总额：1000.00（万元）\n\t其中：财政拨款：8,000,000.00\n\t其他资金：2,000,000.00",
        )
        .as_bytes(),
        &opts(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("有的未写单位"), "{e}");
    let got = funding(&titled(
        "（2024年度）\n单位：元",
        "项目资金\t年度资金总额：1000.00（万元）\n\t其中：财政拨款：1000.00（万元）\n\t其他资金：0",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.00 1000.00 0"));
    // ur43: a unit cell on one row only (a 中期 row's, a 人均成本's, the last
    // source's) is no scale for the bare year's amounts (they were read as
    // 元, 0.1 万元): refused; 人民币元 cells are 元 cells; 千元 cells beside
    // an amount in its label's cell are refused.
    for money in [
        "中期资金\t资金总额：30000000\t元\n年度资金\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "年度资金\t资金总额：1000.00\t\t人均成本：20000\t元\n\t其中：财政拨款：800.00\n\t其他资金：200.00",
        "年度资金\t资金总额：1000.00\n\t其中：财政拨款：800.00\n\t其他资金：200.00\t元",
    ] {
        refused("（2024年度）", money, "其余金额没有写明单位");
    }
    // ur35 l08: `单位：元` in a cell of the block states all its amounts' unit.
    let got = funding(&titled(
        "（2024年度）",
        "项目资金\t资金总额\t10,000,000.00\t单位：元\n\t其中：财政拨款\t8,000,000.00\n\t其他资金\t2,000,000.00",
    ));
    assert_eq!(
        got.as_deref().ok(),
        Some("1000.000000 800.000000 200.000000")
    );
    let got = funding(&titled(
        "（2024年度）",
        "年度资金\t资金总额：10000000\t人民币元\n\t其中：财政拨款：8000000\t人民币元\n\t其他资金：2000000\t人民币元",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.0000 800.0000 200.0000"));
    refused(
        "（2024年度）",
        "年度资金\t资金总额：10000\t千元\n\t其中：财政拨款：8000\t千元\n\t其他资金：2000\t千元",
        "千元",
    );
    // ur43: a column saying the amounts' period: the year's is read, another
    // refused; a project's duration (`实施期`) is no such column.
    reads_year(
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t年度\n\t1000.00\t800.00\t200.00\t2024年",
    );
    for (heading, period) in [
        ("年度", "2023年"),
        ("所属年度", "上年"),
        ("资金年度", "2024-2026年"),
        ("资金所属期", "中期"),
    ] {
        refused(
            "（2024年度）",
            &format!("项目资金（万元）\t资金总额\t财政拨款\t其他资金\t{heading}\n\t1000.00\t800.00\t200.00\t{period}"),
            "本年度",
        );
    }
    // ur43 T: headings of two levels with groups side by side: each source
    // goes with the total whose `其中` it stands under; rows headed by
    // periods under the second level give the year's row.
    for money in [
        "项目资金（万元）\t中期资金总额\t其中\t\t年度资金总额\t其中\t\n\t\t财政拨款\t其他资金\t\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t项目总投资\t其中\t\t资金总额\t其中\t\n\t\t财政拨款\t其他资金\t\t财政拨款\t其他资金\n\t5000.00\t4000.00\t1000.00\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t资金总额\t其中\t\n\t\t财政拨款\t其他资金\n中期\t3000.00\t2400.00\t600.00\n年度\t1000.00\t800.00\t200.00",
    ] {
        reads_year(money);
    }
    for money in [
        "项目资金（万元）\t项目总投资\t其中\t\n\t\t财政拨款\t其他资金\n\t5000.00\t4000.00\t1000.00",
        "中期资金（万元）\t资金总额\t其中\t\n\t\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00",
    ] {
        reads_none(money);
    }
    // ur45: a date of the project beside the amounts is no period column;
    // a duration of any spelling keeps the amount left of it; under a period
    // heading, anything but the year refuses; the year's months read.
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t填报日期\n\t1000.00\t800.00\t200.00\t2023年11月20日",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t立项年度\n\t1000.00\t800.00\t200.00\t2023年",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t实施期\n\t1000.00\t800.00\t200.00\t3年",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t期间\n\t1000.00\t800.00\t200.00\t2024年1-12月",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t资金期间\n\t1000.00\t800.00\t200.00\t全年",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t年度\n\t1000.00\t800.00\t200.00\t２０２４",
    ] {
        reads_year(money);
    }
    // (Review of the session: cumulative money up to the year, another
    // heading of the money's period.)
    refused(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t资金期间\n\t5000.00\t4000.00\t1000.00\t截至2024年累计",
        "本年度",
    );
    refused(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t执行年度\n\t1000.00\t800.00\t200.00\t2023年",
        "本年度",
    );
    // A bare carry-over beside amounts naming 万元 under `单位：元`.
    let e = read::read_bytes(
        "t.tsv",
        titled(
            "（2024年度）\n单位：元",
            "项目资金\t年度资金总额：1000.00（万元）\n\t其中：财政拨款：900.00（万元）\n\t上年结转：1,000,000.00",
        )
        .as_bytes(),
        &opts(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("有的未写单位"), "{e}");
    for period in ["前年", "23年", "2023.1-2023.12", "2023"] {
        refused(
            "（2024年度）",
            &format!("项目资金（万元）\t资金总额\t财政拨款\t其他资金\t年度\n\t1000.00\t800.00\t200.00\t{period}"),
            "本年度",
        );
    }
    // ur43 T10: `其中 | 上年结转 | 本年新增` under a total are its parts, no
    // sources: the total alone is read.
    let got = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t其中\t\n\t\t上年结转\t本年新增\n\t1000.00\t100.00\t900.00",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.00 - -"));
    // ur45 A36/A38: a row headed by its label with the unit in a column of
    // its own (it read 1e7 万元).
    for label in ["年度资金", "合计"] {
        let got = funding(&titled(
            "（2024年度）",
            &format!("项目资金\t资金总额\t财政拨款\t其他资金\t单位\n{label}\t10000000\t8000000\t2000000\t元"),
        ));
        assert_eq!(
            got.as_deref().ok(),
            Some("1000.0000 800.0000 200.0000"),
            "{label}"
        );
    }
    // ur43 M13: a 中期 block with its 合计 row alone above the year's.
    reads_year("中期资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t3000.00\t2400.00\t600.00\n年度资金（万元）\t资金总额\t财政拨款\t其他资金\n合计\t1000.00\t800.00\t200.00\n其中：上年结转\t100.00\t100.00\t0.00\n本年新增\t900.00\t700.00\t200.00");
    // ur41 U10: a label with its amount in one cell, the unit in the next
    // (it read 10000000 万元); ur40 U03: rows whose unit cells differ.
    let got = funding(&titled(
        "（2024年度）",
        "年度资金\t资金总额：10000000\t元\n\t其中：财政拨款：8000000\t元\n\t其他资金：2000000\t元",
    ));
    assert_eq!(got.as_deref().ok(), Some("1000.0000 800.0000 200.0000"));
    for money in [
        "年度资金\t资金总额\t10000000\t元\n\t其中：财政拨款\t800\t万元\n\t其他资金\t200\t万元",
        "项目资金\t资金总额\t\t财政拨款\t\t其他资金\t\n\t10000000\t元\t800\t万元\t200\t万元",
    ] {
        refused("（2024年度）", money, "单位不同");
    }
    // Beside another period's row, a 合计 is not told to be the year's.
    let got = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t中期资金总额\t3000.00\t2400.00\t600.00\n\t合计\t1000.00\t800.00\t200.00",
    ));
    assert!(got.as_deref().map_or(true, |a| a != year), "{got:?}");
    // ur33: columns headed by dated totals (`2024年资金总额 | 2025年资金总额`)
    // read the year's column; before, nothing was read.
    for money in [
        "项目资金（万元）\t\t2024年资金总额\t2025年资金总额\n\t资金总额\t1000.00\t1100.00\n\t其中：财政拨款\t800.00\t900.00\n\t其他资金\t200.00\t200.00",
        "项目资金（万元）\t\t2024-2026年总额\t2024年资金总额\n\t资金总额\t3000.00\t1000.00\n\t其中：财政拨款\t2400.00\t800.00\n\t其他资金\t600.00\t200.00",
        "项目资金（万元）\t\t合计\t2024年资金总额\t2025年资金总额\n\t资金总额\t2100.00\t1000.00\t1100.00\n\t其中：财政拨款\t1700.00\t800.00\t900.00\n\t其他资金\t400.00\t200.00\t200.00",
    ] {
        reads_year(money);
    }
    // ur34: sources two columns right of another period's amount, nothing
    // on their left, are that period's; a column of sources beside the
    // medium term's stays the year's (ur19 a07d).
    for money in [
        "项目资金（万元）\t去年执行数：900.00\n\t\t\t其中：财政拨款：700.00\n\t\t\t其他资金：200.00\n\t年度资金总额：1000.00",
        "项目资金（万元）\t上年执行数\t900.00\n\t\t\t其中：财政拨款\t700.00\n\t\t\t其他资金\t200.00\n\t年度资金总额\t1000.00",
    ] {
        let got = funding(&titled("（2024年度）", money));
        assert_eq!(got.as_deref().ok(), Some("1000.00 - -"), "{money}");
    }
    let got = funding(&titled(
        "（2024年度）",
        "项目资金（万元）\t中期资金总额：\t3000.00\n\t其中：财政拨款\t2400.00\t其中：财政拨款\t800.00\n\t其他资金\t600.00\t其他资金\t200.00",
    ));
    assert_eq!(got.as_deref().ok(), Some("- 800.00 200.00"));
    // ur35: a row of shares between two rows of amounts hides neither; one
    // row of shares under the amounts is no second row.
    for money in [
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\n\t100%\t80%\t20%\n\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n\t100%\t80%\t20%\n\t3000.00\t2400.00\t600.00",
    ] {
        refused("（2024年度）", money, "不止一行金额");
    }
    reads_year("项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n\t100%\t80%\t20%");
    // ur37: a row of shares with its label, on either side.
    for money in [
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\n占比\t100%\t80%\t20%\n\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\n\t100%\t80%\t20%\t占比\n\t1000.00\t800.00\t200.00",
    ] {
        refused("（2024年度）", money, "不止一行金额");
    }

    // ur36: a block labelled with another year is that year's, also when
    // its total or its row of labels says 年度资金总额, when the label is
    // 年度资金（2023年）, and with the scale in the same brackets; the
    // year's block after it is read. Before, 900 was read silently.
    for money in [
        "项目资金（2023年）（万元）\t年度资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00",
        "项目资金（2023年）（万元）\t年度资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00",
        "项目资金（2023年，万元）\t资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00",
        "中期资金（万元）\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n年度资金（2023年）（万元）\t资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00",
    ] {
        reads_none(money);
    }
    // ur37: the year written otherwise in the brackets, and a span of
    // other years over 年度资金总额.
    for label in [
        "项目资金（２０２３年）（万元）",
        "项目资金【2023年】（万元）",
        "项目资金（2023）（万元）",
        "项目资金（2023年1-12月）（万元）",
        "项目资金（2021-2023年）（万元）",
        "项目资金（2025-2027年）（万元）",
    ] {
        reads_none(&format!(
            "{label}\t年度资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00"
        ));
    }
    reads_year("项目资金（2023年）（万元）\t年度资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00\n项目资金（2024年）（万元）\t年度资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00");
    reads_year("年度资金（2024年）（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00");
    // A label of the whole project's years over the year's total stays the
    // year's (`项目资金（2024-2026年）` over `年度资金总额`).
    reads_year("项目资金（2024-2026年）（万元）\t年度资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00");
    // A form that names no year, with blocks of two years: refused.
    let e = read::read_bytes(
        "t.tsv",
        form("项目资金（2023年）（万元）\t资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00\n项目资金（2024年）（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00", "培训500人次").as_bytes(),
        &opts(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("没有写明预算年度"), "{e}");
    // ur37: the same with the years in the totals' own labels.
    for money in [
        "项目资金（万元）\t2023年资金总额：900.00\n\t其中：财政拨款：700.00\n\t其他资金：200.00\n\t2024年资金总额：1000.00\n\t其中：财政拨款：800.00\n\t其他资金：200.00",
        "项目资金（万元）\t2023年资金总额\t2024年资金总额\n\t900.00\t1000.00",
    ] {
        let e = read::read_bytes("t.tsv", form(money, "培训500人次").as_bytes(), &opts()).unwrap_err();
        assert!(e.to_string().contains("没有写明预算年度"), "{money}: {e}");
    }
    // ur35/ur36: a block labelled in one unit whose total names another is
    // refused (either reading had some amounts ten thousand times off).
    refused("（2024年度）", "年度资金（元）\t资金总额（万元）\t1000.00\n\t其中：财政拨款\t8,000,000.00\n\t其他资金\t2,000,000.00", "单位不同");
    // ur35: a second bare row with a dash is still another period's.
    refused("（2024年度）", "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t3000.00\t2400.00\t600.00\n\t1000.00\t800.00\t-", "不止一行金额");
    // A title naming another year than the 预算年度 line: the line's year,
    // said in a note; money set out by year is refused, saying both.
    let both = "（2024年度）\n预算年度：2025";
    let t = read::read_bytes(
        "t.tsv",
        titled(both, &matrix("中期资金", "年度资金")).as_bytes(),
        &opts(),
    )
    .unwrap();
    assert_eq!(t.fiscal_year, Some(2025));
    assert!(
        t.notices
            .iter()
            .any(|n| n.code == "form-year-conflict" && n.message.contains("2024")),
        "{:?}",
        t.notices
    );
    refused(both, &matrix("2024年", "2025年"), "标题写明2024年度");
    // Only under labels of a total and its sources: a carry-over heading
    // beside a period is no label of the amounts under it (a regression of
    // the first version, on ur27 d06), and the medium term's row alone is
    // not the year's.
    for money in [
        matrix("上年执行数", "以前年度结转资金"),
        "项目资金（万元）\t\t合计\t财政拨款\t其他资金\n\t中期资金总额\t3000.00\t2400.00\t600.00"
            .to_string(),
    ] {
        let got = funding(&titled("（2024年度）", &money));
        assert!(
            got.as_deref().map_or(true, |a| a == "- - -"),
            "{money}: {got:?}"
        );
    }
    // Headings beside another period that do not say which column is the
    // year's are refused, never read as its money (`已安排`, `结余`, `权重`,
    // `2024年1-6月`); a dash before the amount is no blank year (ur25 1, 8).
    for money in [
        matrix("2024-2026年", "已安排"),
        matrix("上年执行数", "结转结余"),
        // Money of more years, spent, arrived or of one source is not the
        // year's beside another period (ur27 1).
        matrix("上年执行数", "项目总预算"),
        matrix("2024-2026年", "三年资金需求"),
        matrix("上年执行数", "拨付金额"),
        matrix("2024-2026年", "上级补助资金"),
        matrix("上年执行数", "合同金额"),
        // Words in brackets, earlier or later years, actual or one source's
        // money (ur28 1).
        matrix("上年执行数", "资金需求（三年）"),
        matrix("2024-2026年", "金额（已下达）"),
        matrix("上年执行数", "去年申请金额"),
        matrix("2024-2026年", "明年申请金额"),
        matrix("上年执行数", "本年自筹资金"),
        matrix("2024-2026年", "二〇二五年申请金额"),
        matrix("中期资金", "分值"),
        matrix("2024-2026年", "2024年1-6月"),
        "项目资金（万元）\t资金总额：\t-\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00"
            .to_string(),
    ] {
        let got = funding(&titled("（2024年度）", &money));
        assert!(got.is_err(), "{money}: {got:?}");
    }
    for money in [
        "单位：万元\t\t2024-2026年\n\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00",
        "\t\t中期资金\n项目资金\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00",
    ] {
        assert_eq!(funding(&titled("（2024年度）", money)).ok().as_deref(), Some("- - -"), "{money}");
    }
    let e = funding(&titled("（2024年度）", &matrix("申报数", "审定数")))
        .unwrap_err()
        .to_string();
    assert!(e.contains("右侧有不止一个金额"), "{e}");
    // 编制年度 is the year a form was drawn up: the title's year wins.
    let drawn = titled(
        "（2024年度）\n编制年度\t2023",
        &matrix("2023年", "2024年").replace("3000.00", "900.00"),
    );
    assert_eq!(funding(&drawn).ok().as_deref(), Some(year));
    // `预算年度 | 2025` in two cells: the year of the money read is the
    // table's year (ur23 4).
    let t = read::read_bytes(
        "y.tsv",
        titled(
            "预算年度\t2025",
            &matrix("2024年", "2025年").replace("3000.00", "1100.00"),
        )
        .as_bytes(),
        &opts(),
    )
    .unwrap();
    assert_eq!(t.fiscal_year, Some(2025));
    assert_eq!(
        t.projects()
            .next()
            .unwrap()
            .funding
            .total
            .map(|d| d.to_string())
            .as_deref(),
        Some("1000.00")
    );
    // Only a medium-term column: no year amounts.
    let span_only = "项目资金（万元）\t\t2024-2026年\n\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00";
    assert_eq!(
        funding(&titled("（2024年度）", span_only)).ok().as_deref(),
        Some("- - -")
    );
    // In a 元 form, `：1000.00万元` is named, never a reason to refuse it.
    let yuan = form(
        "项目资金（元）\t年度资金总额：1000.00万元\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "2024年培训500人次",
    );
    let t = read::read_bytes("y.tsv", yuan.as_bytes(), &opts()).unwrap();
    assert!(t
        .notices
        .iter()
        .any(|n| n.code == "form-field-unread" && n.message.contains("1000.00万元")));
    // An inline amount with a remark: the amount read, the remark named
    // (ur20 b01); a unit in parentheses is not read as a remark.
    let (amounts, _, notices) = read(
        "项目资金（万元）\t年度资金总额：1000.00（含上年结转50万元）\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "2024年培训500人次",
    );
    assert_eq!(amounts, year);
    assert!(notices
        .iter()
        .any(|n| n.code == "form-field-unread" && n.message.contains("「（含上年结转50万元）」")));
    let (amounts, ..) = read(
        "项目资金（元）\t年度资金总额：1000.00（万元）\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "2024年培训500人次",
    );
    assert!(amounts.starts_with("- "), "{amounts}");
    // Inline amounts in the form's own unit are read, in 元 too; in another
    // unit, named (ur21 N3).
    let yuan = form(
        "项目资金（元）\t年度资金总额：10000000.00元\n\t其中：财政拨款：8000000.00元\n\t其他资金：2000000.00元",
        "2024年培训500人次",
    );
    let t = read::read_bytes("y.tsv", yuan.as_bytes(), &opts()).unwrap();
    let f = &t.projects().next().unwrap().funding;
    assert_eq!(
        f.total.map(|d| d.to_string()).as_deref(),
        Some("1000.000000")
    );
    assert_eq!(
        f.other_funds.map(|d| d.to_string()).as_deref(),
        Some("200.000000")
    );
    let (amounts, _, notices) = read(
        "项目资金（万元）\t年度资金总额：10000000元\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "2024年培训500人次",
    );
    assert_eq!(amounts, "- 800.00 200.00");
    assert!(notices.iter().any(|n| n.code == "form-field-unread"
        && n.message.contains("「10000000元」不是以万元为单位的金额")));
    // Text after a money label's colon that is no amount is no value: the
    // form is read, never refused over it (ur19 D1, a regression).
    let (amounts, ..) = read(
        "项目资金（万元）\t年度资金总额：详见附表\n\t其中：财政拨款：800.00\n\t其他资金：200.00",
        "2024年培训500人次",
    );
    assert_eq!(amounts, "- 800.00 200.00");
    // Only a medium-term block: no year amounts read.
    let (amounts, ..) = read(
        "项目资金（万元）\t中期资金总额：\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00",
        "2024年培训500人次",
    );
    assert_eq!(amounts, "- - -");
    // Goal texts headed `中期 | 年度` (or by years): the year's, not the
    // heading (ur20 G1); headed `中期` alone, none.
    let money =
        "项目资金（万元）\t年度资金总额：\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00";
    for (heads, goal) in [
        ("中期\t\t年度", Some("2024年培训500人次")),
        ("2024-2026年\t\t2024年", Some("2024年培训500人次")),
        ("中期\t\t", None),
    ] {
        let text =
            form(money, "2024年培训500人次").replace("中期目标（2024-2026年）\t\t年度目标", heads);
        let t = read::read_bytes("g.tsv", text.as_bytes(), &opts()).unwrap();
        assert_eq!(
            t.projects().next().unwrap().goal.as_deref(),
            goal,
            "{heads}"
        );
    }
    // A blank 年度目标: the 中期目标（…） heading is no goal.
    let (_, goal, _) = read(
        "项目资金（万元）\t年度资金总额：\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "",
    );
    assert_eq!(goal, None);
    // ur45 W25–W30: a row of periods over the groups of a row of labels
    // (`2023年 | | | 2024年` over `资金总额 | 财政拨款 | 其他资金 | 资金总额 |
    // …`): the year's group is read; with none, nothing (it read the first
    // group, another period's money).
    let grouped = |a: &str, b: &str| {
        format!("项目资金（万元）\t{a}\t\t\t{b}\t\t\n\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00\t1000.00\t800.00\t200.00")
    };
    for (a, b) in [("2023年", "2024年"), ("上年", "本年"), ("中期", "本年度")] {
        reads_year(&grouped(a, b));
    }
    // The year's group first (ur49 C14): `年度` over a group of labels is no
    // period label.
    for (a, b) in [("2023年实际", "2024年预算"), ("上个年度", "本预算年度")] {
        reads_year(&grouped(a, b));
    }
    reads_year("项目资金（万元）\t年度\t\t\t中期\t\t\n\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\t3000.00\t2400.00\t600.00");
    // A block's label on its middle row, under another scope's line (ur49
    // P30): the total above the label is the block's.
    reads_year("上年执行情况\t执行数900.00万元\n\t资金总额\t1000.00\n项目资金（万元）\t其中：财政拨款\t800.00\n\t其他资金\t200.00");
    for single in ["2023年", "中期"] {
        reads_none(&format!("项目资金（万元）\t{single}\t\t\n\t资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00"));
    }
    // (A fact of the project above the labels is no such row.)
    reads_year("实施期\t2023-2025年\n项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00");
    // ur45 P38/P60–P62: a label in the money's rows saying another period
    // than the form's, beside, under or after its label (it read that
    // period's money as the year's).
    for money in [
        "项目资金（万元）\t年度\t2023年\n\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "年度资金（万元）\t资金总额\t1000.00\t所属年度\t2023年\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "项目资金（万元）\t所属年度\t资金总额\t1000.00\n\t2023年\t其中：财政拨款\t800.00\n\t\t其他资金\t200.00",
        "年度资金（万元）\t资金总额：1000.00\t年度：上年\n\t其中：财政拨款：800.00\n\t其他资金：200.00",
    ] {
        refused("（2024年度）", money, "不是本表的2024年度");
    }
    // ur48: more spellings of another period (beside, under, or the block's
    // last row), and other labels of it.
    for (label, value) in [
        ("年度", "2023"),
        ("年度", "下一年度"),
        ("年度", "次年"),
        ("年度", "前年"),
        ("年度", "23年"),
        ("年度", "2023.1-2023.12"),
        ("年度", "2023财年"),
        ("年度", "二〇二三"),
        ("年度", "2023/2024"),
        ("所属期", "上期"),
        ("会计年度", "2023年"),
        ("资金归属年度", "2023年"),
        // (ur49)
        ("年度", "上个年度"),
        ("年度", "下一财年"),
        ("期间", "2023.01.01-2023.12.31"),
        ("期间", "2023年1月1日至2023年12月31日"),
    ] {
        refused(
            "（2024年度）",
            &format!("项目资金（万元）\t{label}\t{value}\n\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00"),
            "不是本表的2024年度",
        );
    }
    refused(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00\n\t所属年度\t2023年",
        "不是本表的2024年度",
    );
    // Another period's block labelled with its own period beside the
    // year's: the year's is read (ur48 D79, D90).
    for money in [
        "中期资金（万元）\t期间\t2024-2026年\n\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n年度资金（万元）\t年度\t2024年\n\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "项目资金（万元）\t中期资金总额：3000.00\t期间：2024-2026年\t年度资金总额：1000.00\t年度：2024年\n\t其中：财政拨款：2400.00\t\t其中：财政拨款：800.00\n\t其他资金：600.00\t\t其他资金：200.00",
    ] {
        reads_year(money);
    }
    // Periods over groups spelled otherwise, a remark or unit cell among
    // them, a blank row between (ur48 C).
    for (a, b) in [
        ("2023年", "2024"),
        ("2023年", "24年"),
        ("去年", "今年"),
        ("上期", "本期"),
        ("2023年", "二〇二四年"),
    ] {
        reads_year(&grouped(a, b));
    }
    reads_year("项目资金（万元）\t2023年\t\t\t2024年\t\t\t备注\n\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00\t1000.00\t800.00\t200.00");
    reads_year("项目资金（万元）\t2023年\t\t\t2024年\t\t\n\t\t\t\t\t\t\n\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00\t1000.00\t800.00\t200.00");
    // ur49 C: groups headed by a carry-over, a row of periods headed by
    // its label, a remark among the periods, labels saying 年度 under
    // `上年 | 本年` (each read the first group, another period's money).
    for (a, b) in [
        ("2023年结转", "2024年"),
        ("以前年度结转", "本年度"),
        ("往年结转", "本年"),
    ] {
        reads_year(&grouped(a, b));
    }
    let labels = "\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00\t1000.00\t800.00\t200.00";
    for label in ["年度", "资金年度", "年份"] {
        reads_year(&format!(
            "{label}\t2023年\t\t\t2024年\t\t\n项目资金（万元）{labels}"
        ));
        reads_year(&format!(
            "项目资金（万元）\t\t\t\t\t\t\n{label}\t上年\t\t\t本年\t\t\n{labels}"
        ));
        reads_year(&format!(
            "项目资金（万元）\t\t\t\t\t\t\n{label}\t2023年\t\t\t2024年\t\t\n{labels}"
        ));
    }
    reads_year(&format!(
        "项目资金（万元）\t2023年\t\t\t2024年\t\t\t说明：2023年为执行数\n{labels}"
    ));
    reads_year("项目资金（万元）\t上年\t\t\t本年\t\t\n\t年度资金总额\t其中：财政拨款\t其他资金\t年度资金总额\t其中：财政拨款\t其他资金\n\t900.00\t700.00\t200.00\t1000.00\t800.00\t200.00");
    // ur57 a010–a012: three groups without a column of labels, the year's
    // first, between or last (refused: a label's value was the next label).
    for years in [
        ["2024年", "2025年", "2026年"],
        ["2023年", "2024年", "2025年"],
        ["2022年", "2023年", "2024年"],
    ] {
        let amounts = years
            .iter()
            .map(|y| match *y {
                "2024年" => "1000.00\t800.00\t200.00",
                _ => "1100.00\t900.00\t200.00",
            })
            .collect::<Vec<_>>()
            .join("\t");
        reads_year(&format!(
            "{}\t\t\t{}\t\t\t{}\n资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n{amounts}",
            years[0], years[1], years[2]
        ));
    }
    // Periods centred or right-aligned over their groups, not over their
    // first column: which group is which period's cannot be told (ur48
    // C39/C40; the first group was read, or refused by accident).
    for heads in ["\t\t2023年\t\t\t2024年\t", "\t\t\t2023年\t\t\t2024年"] {
        refused(
            "（2024年度）",
            &format!("项目资金（万元）{heads}\n{labels}"),
            "没有对齐各组金额的第一栏",
        );
    }
    // ur49 D: a period label in a row under the block's money, the rows
    // between without labels, or heading its own row: refused when it is
    // another period's; the year's there reads.
    for (label, value) in [
        ("\t年度", "\t2023年"),
        ("年度", "\t2023年"),
        ("\t年度：", "2023年"),
        // (ur52: the label and its value in the first column's one cell.)
        ("所属年度：", "2023年"),
        ("资金年度：", "2023年"),
    ] {
        let under = |v: &str| {
            format!("项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n{label}{}", value.replace("2023", v))
        };
        refused("（2024年度）", &under("2023"), "不是本表的2024年度");
        reads_year(&under("2024"));
    }
    refused(
        "（2024年度）",
        "项目资金（万元）\t资金总额：1000.00\n\t其中：财政拨款：800.00\n\t其他资金：200.00\n\t年度：2023年",
        "不是本表的2024年度",
    );
    // ur49 D50/D51/D80/D81: two blocks, each labelled with its period, the
    // year's first or second: the year's is read (they were refused).
    let block = |label: &str, period: &str, amounts: [&str; 3]| {
        let [t, f, o] = amounts;
        format!("项目资金（万元）\t{label}\t{period}\n\t资金总额\t{t}\n\t其中：财政拨款\t{f}\n\t其他资金\t{o}")
    };
    let this = ["1000.00", "800.00", "200.00"];
    let last = ["900.00", "700.00", "200.00"];
    for label in ["年度", "所属年度"] {
        reads_year(&format!(
            "{}\n{}",
            block(label, "2023年", last),
            block(label, "2024年", this)
        ));
        reads_year(&format!(
            "{}\n{}",
            block(label, "2024年", this),
            block(label, "2023年", last)
        ));
    }
    reads_year("项目资金（万元）\t资金总额：1000.00\t年度：2024年\n\t其中：财政拨款：800.00\n\t其他资金：200.00\n项目资金（万元）\t资金总额：900.00\t年度：上年\n\t其中：财政拨款：700.00\n\t其他资金：200.00");
    // Both stated as the year's with different amounts, or neither stated:
    // which is the year's cannot be told (ur53: the first was read).
    for (a, b) in [("2024年", "2024年"), ("2024年", "本年")] {
        refused(
            "（2024年度）",
            &format!("{}\n{}", block("年度", a, this), block("年度", b, last)),
            "两个本年度的资金总额",
        );
    }
    refused(
        "（2024年度）",
        "项目资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00\n项目资金（万元）\t资金总额\t900.00\n\t其中：财政拨款\t700.00\n\t其他资金\t200.00",
        "两个本年度的资金总额",
    );
    // A total naming the year above one that does not, in the same block,
    // leaves the smaller no project's total of several years: two totals of
    // the year (ur55 r001, ur57 e002/e003/e020/b044; the year-named one was
    // read).
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n年度资金总额：1200.00",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n年度：2024年\t资金总额：1100.00\t财政拨款：900.00\t其他资金：200.00",
        "项目资金（万元）\t资金总额\t1000.00\n\t财政拨款\t800.00\n\t其他资金\t200.00\n年度资金（2024年）\t资金总额\t1100.00\n\t财政拨款\t900.00\n\t其他资金\t200.00",
    ] {
        refused("（2024年度）", money, "两个本年度的资金总额");
    }
    // Not when a heading of its own sets the blocks apart (ur55 p322), nor
    // for a block labelled as carried over (ur49 P07).
    reads_year("上年度项目执行情况\n资金总额\t财政拨款\t其他资金\n900.00\t700.00\t200.00\n本年度项目资金（万元）\n资金总额\t财政拨款\t其他资金\n1000.00\t800.00\t200.00");
    reads_year("年度资金（万元）\n\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00\n以前年度结转资金（万元）\n\t资金总额\t100.00\n\t其中：财政拨款\t100.00\n\t其他资金\t0.00");
    // Alone, a block of another period beside its total is refused (ur53:
    // its money was left unread, the refusal lost).
    for period in ["上年", "2023"] {
        refused(
            "（2024年度）",
            &format!("项目资金（万元）\t资金总额：900.00\t年度：{period}\n\t其中：财政拨款：700.00\n\t其他资金：200.00"),
            "不是本表的2024年度",
        );
    }
    // A label with more than one period (ur53 r3_mv): another among them
    // refuses the money.
    for values in ["2023年\t2024年", "2024年\t2023年", "上年\t本年"] {
        refused(
            "（2024年度）",
            &format!("项目资金（万元）\t年度\t{values}\n\t资金总额\t财政拨款\t其他资金\n\t900.00\t700.00\t200.00"),
            "不是本表的2024年度",
        );
    }
    // A carry-over block stating its period as such, and periods over
    // groups ending in a colon or bracketing their years (ur49 D52, C61,
    // C62).
    reads_year(&format!(
        "{}\n结转资金（万元）\t年度\t2023年结转\n\t资金总额\t100.00\n\t其中：财政拨款\t100.00",
        block("年度", "2024年", this)
    ));
    reads_year("项目资金（万元）\t年度：\t\t\t中期：\t\t\n\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\t3000.00\t2400.00\t600.00");
    reads_year("项目资金（万元）\t年度（2024年）\t\t\t中期（2024-2026年）\t\t\n\t资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\t3000.00\t2400.00\t600.00");
    // ur57 a029/a060: each group's sources are its own, whatever their
    // order (the first group's 财政拨款 was read with the year's total).
    reads_year("2023年\t\t\t2024年\t\t\n其他资金\t财政拨款\t资金总额\t资金总额\t财政拨款\t其他资金\n200.00\t700.00\t900.00\t1000.00\t800.00\t200.00");
    reads_year("项目资金（万元）\t2023年\t\t\t2024年\t\t\n\t资金总额\t财政拨款\t其他资金\t其他资金\t财政拨款\t资金总额\n\t900.00\t700.00\t200.00\t200.00\t800.00\t1000.00");
    // ur57 a026: the unit in the period headings' brackets is the block's.
    let got = funding(&titled(
        "（2024年度）",
        "2023年（元）\t\t\t2024年（元）\t\t\n资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n9000000\t7000000\t2000000\t10000000\t8000000\t2000000",
    ));
    assert_eq!(
        got.as_deref().ok(),
        Some("1000.0000 800.0000 200.0000"),
        "{got:?}"
    );
    // ur55: periods over groups with no column of labels, and rows of money
    // headed by their period (either first).
    for (a, b) in [("2023年", "2024年"), ("2024年", "2023年"), ("上年", "本年")] {
        let (x, y) = if a == "2024年" {
            (this, last)
        } else {
            (last, this)
        };
        reads_year(&format!(
            "{a}\t\t\t{b}\t\t\n资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n{}\t{}\t{}\t{}\t{}\t{}",
            x[0], x[1], x[2], y[0], y[1], y[2]
        ));
    }
    for rows in [
        "年度：2023年\t资金总额：900.00\t财政拨款：700.00\t其他资金：200.00\n年度：2024年\t资金总额：1000.00\t财政拨款：800.00\t其他资金：200.00",
        "年度：2024年\t资金总额：1000.00\t财政拨款：800.00\t其他资金：200.00\n年度：2023年\t资金总额：900.00\t财政拨款：700.00\t其他资金：200.00",
        "年度\t2023年\t资金总额\t900.00\t财政拨款\t700.00\t其他资金\t200.00\n年度\t2024年\t资金总额\t1000.00\t财政拨款\t800.00\t其他资金\t200.00",
    ] {
        reads_year(rows);
    }
    // (The period beside a block's own total is that total's: ur49 D53.)
    reads_year("项目资金（万元）\t中期资金总额\t3000.00\t期间\t2024-2026年\n\t年度资金总额\t1000.00\t年度\t2024年\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00");
    // The form's year there reads; headings over columns of amounts are no
    // such label (`年度 | 中期` over `资金总额 | 1000.00 | 3000.00`).
    for money in [
        "年度资金（万元）\t资金总额\t1000.00\t所属年度\t2024年\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "项目资金（万元）\t\t年度\t中期\n\n\t资金总额\t1000.00\t3000.00\n\t其中：财政拨款\t800.00\t2400.00\n\t其他资金\t200.00\t600.00",
        "项目资金（万元）\t期间\t合计\t财政拨款\t其他资金\n\t2024-2026年\t3000.00\t2400.00\t600.00\n\t2024年\t1000.00\t800.00\t200.00",
    ] {
        reads_year(money);
    }
}

/// A form whose indicator header holds two groups of indicator columns
/// (medium-term and year side by side) is refused: which group is the
/// year's the header does not say, and the first group was read, giving the
/// medium term's targets to the year's money (ur18 D5).
#[test]
fn a_form_with_two_groups_of_indicator_columns_is_refused() {
    let text = "项目支出绩效目标申报表\n项目名称\t技能培训项目\n主管部门及代码\t101-人社局\t\t实施单位\t市就业服务中心\n\
                项目资金（万元）\t年度资金总额：\t1000.00\n\t其中：财政拨款\t1000.00\n年度目标\t2024年培训500人次\n\
                绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n\
                \t产出指标\t数量指标\t三年培训人次\t≥1500人次\t数量指标\t年度培训人次\t≥500人次\n";
    let err = read::read_bytes("d.tsv", text.as_bytes(), &opts()).unwrap_err();
    let e = err.to_string();
    assert!(
        e.contains("两组指标列（三级指标在第4、7列，指标值在第5、8列）"),
        "{e}"
    );
    // (English lists without the Chinese 、, ur58.)
    let en = err.render(Lang::English);
    assert!(
        en.contains("三级指标 in columns 4 and 7, 指标值 in columns 5 and 8"),
        "{en}"
    );
    // One group: read.
    let one: String = text
        .lines()
        .map(|l| l.split('\t').take(5).collect::<Vec<_>>().join("\t") + "\n")
        .collect();
    let t = read::read_bytes("o.tsv", one.as_bytes(), &opts()).unwrap();
    assert_eq!(t.projects().next().unwrap().indicators.len(), 1);
}

/// Amounts in a unit jixiao does not hold (千元, 亿元) are never read as
/// 万元: `单位：千元` above a table, in a title's brackets, or a form's money
/// label in it is refused; a form's label of another period or scope in it
/// (`项目总投资（亿元）`) is left unread when the year's block names 万元.
#[test]
fn a_money_unit_jixiao_does_not_hold_is_refused() {
    let refused = |name: &str, text: &str, words: &str| {
        let e = read::read_bytes(name, text.as_bytes(), &opts()).unwrap_err();
        assert!(e.to_string().contains(words), "{text}\n{e}");
    };
    let sample = sample_text();
    assert!(sample.contains("单位：万元"));
    refused("t.tsv", &sample.replace("单位：万元", "单位：千元"), "千元");
    // (The key and the unit in two cells, ur52 U21.)
    refused(
        "t.tsv",
        &sample.replace("单位：万元", "金额单位\t千元"),
        "千元",
    );
    refused(
        "t.tsv",
        &sample.replace("单位：万元", "（单位：亿元）"),
        "亿元",
    );
    let form = |money: &str| {
        format!(
            "项目支出绩效目标申报表\n（2024年度）\n项目名称\t技能培训项目\n主管部门及代码\t101-人社局\t\t实施单位\t市就业服务中心\n\
             {money}\n年度目标\t2024年培训500人次\n\
             绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t培训人次\t≥500人次\n"
        )
    };
    for (money, unit) in [
        ("项目资金（千元）\t年度资金总额\t财政拨款\t其他资金\n\t10000.00\t8000.00\t2000.00", "千元"),
        ("项目资金\t年度资金总额（千元）\t10000.00\n\t其中：财政拨款\t8000.00\n\t其他资金\t2000.00", "千元"),
        ("项目资金（亿元）\t资金总额\t0.10\n\t其中：财政拨款\t0.08\n\t其他资金\t0.02", "亿元"),
        ("中期资金（千元）\t资金总额\t30000.00\n\t其中：财政拨款\t24000.00\n\t其他资金\t6000.00\n年度资金（千元）\t资金总额\t10000.00\n\t其中：财政拨款\t8000.00\n\t其他资金\t2000.00", "千元"),
        ("中期资金（万元）\t资金总额\t3000.00\n\t其中：财政拨款\t2400.00\n\t其他资金\t600.00\n年度资金（千元）\t资金总额\t10000.00\n\t其中：财政拨款\t8000.00\n\t其他资金\t2000.00", "年度资金（千元）"),
        ("项目资金（万元）\t年度资金总额：1000.00（千元）\n\t其中：财政拨款：800.00（千元）\n\t其他资金：200.00（千元）", "千元"),
        // ur37: the unit after the amount without brackets.
        ("项目资金\t年度资金总额：1000.00千元\n\t其中：财政拨款：800.00千元\n\t其他资金：200.00千元", "千元"),
        ("项目资金\t年度资金总额\t财政拨款\t其他资金\n\t1千万元\t0.8千万元\t0.2千万元", "千万元"),

    ] {
        refused("f.tsv", &form(money), unit);
    }
    // Amounts that name 万元 themselves state the scale (ur37 w11: a false
    // money-scale-suspect on an assumed scale).
    let t = read::read_bytes(
        "f.tsv",
        form("年度资金\t资金总额\t60000万元\n\t其中：财政拨款\t48000万元\n\t其他资金\t12000万元")
            .as_bytes(),
        &opts(),
    )
    .unwrap();
    assert!(t.money_scale_stated, "{:?}", t.notices);
    assert!(!t.notices.iter().any(|n| n.code == "money-scale-assumed"));
    // `单位：千元` above a form whose labels all name 万元: read, with a
    // note; only the total's naming it leaves the bare sources in 千元.
    let above =
        |money: &str| form(money).replacen("（2024年度）\n", "（2024年度）\n单位：千元\n", 1);
    let t = read::read_bytes(
        "f.tsv",
        above("项目资金\t年度资金总额（万元）\t财政拨款（万元）\t其他资金（万元）\n\t1000.00\t800.00\t200.00").as_bytes(),
        &opts(),
    )
    .unwrap();
    assert!(
        t.notices.iter().any(|n| n.code == "money-scale-conflict"),
        "{:?}",
        t.notices
    );
    assert_eq!(
        t.projects().next().unwrap().funding.total,
        Some(dec("1000.00"))
    );
    refused(
        "f.tsv",
        &above("项目资金\t年度资金总额（万元）\t财政拨款\t其他资金\n\t1000.00\t8000.00\t2000.00"),
        "千元",
    );
    for money in [
        "项目总投资（亿元）\t1.20\n年度资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
        "中期资金（千元）\t资金总额\t30000.00\n\t其中：财政拨款\t24000.00\n\t其他资金\t6000.00\n年度资金（万元）\t资金总额\t1000.00\n\t其中：财政拨款\t800.00\n\t其他资金\t200.00",
    ] {
        let t = read::read_bytes("f.tsv", form(money).as_bytes(), &opts()).unwrap();
        let f = t.projects().next().unwrap().funding;
        assert_eq!(
            (f.total, f.fiscal_appropriation, f.other_funds),
            (Some(dec("1000.00")), Some(dec("800.00")), Some(dec("200.00"))),
            "{money}"
        );
    }
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

/// A form's money written a line per amount in one cell is read as the
/// form that writes each amount in a cell of its own (ur35 m01–m10, ur19
/// a08h: nothing was read before); a cell of labels without amounts, or a
/// goal of several lines, is no such cell.
#[test]
fn a_forms_money_written_in_one_cell_of_lines_is_read() {
    let form = |money: &str| {
        format!(
            "项目支出绩效目标申报表\n（2024年度）\n项目名称,技能培训项目\n主管部门及代码,101-人社局,,实施单位,市就业服务中心\n\
             {money}\n年度目标,\"2024年培训500人次\n满意度90%\"\n\
             绩效指标,一级指标,二级指标,三级指标,指标值\n,产出指标,数量指标,培训人次,≥500人次\n"
        )
    };
    let read_form = |money: &str| {
        let t = read::read_bytes("f.csv", form(money).as_bytes(), &opts()).unwrap();
        let goal = t.projects().next().unwrap().goal.clone();
        (amounts_of(&t), goal)
    };
    for (money, want) in [
        ("项目资金（万元）,\"年度资金总额：1000.00\n其中：财政拨款：800.00\n其他资金：200.00\"", "1000.00 800.00 200.00"),
        ("项目资金（万元）,\"中期资金总额：3000.00\n年度资金总额：1000.00\n其中：财政拨款：800.00\n其他资金：200.00\"", "1000.00 800.00 200.00"),
        ("项目资金（万元）,\"上年执行：900.00\n年度资金总额：1000.00\n其中：财政拨款：800.00\n其他资金：200.00\"", "1000.00 800.00 200.00"),
        ("项目资金（万元）,\"年度资金总额：1000.00\r\n其中：财政拨款：800.00\r\n其他资金：200.00\"", "1000.00 800.00 200.00"),
        ("项目资金（万元）,\"其中：财政拨款：800.00\n其他资金：200.00\"", "- 800.00 200.00"),
        // A source not used, printed with nothing after its colon (ur58 S5:
        // every amount was dropped).
        ("项目资金（万元）,\"年度资金总额：1000.00\n其中：财政拨款：1000.00\n其他资金：\"", "1000.00 1000.00 -"),
        // Labels in one cell, amounts in the next: never paired by position.
        ("项目资金（万元）,\"年度资金总额\n财政拨款\n其他资金\",\"1000.00\n800.00\n200.00\"", "- - -"),
    ] {
        let (got, goal) = read_form(money);
        assert_eq!(got, want, "{money}");
        assert_eq!(goal.as_deref(), Some("2024年培训500人次\n满意度90%"), "{money}");
    }
    // A block label heading the lines with no empty cell on its left would
    // lose its period: such a cell is not set out (ur39: 中期 read as the year's).
    let (got, _) = read_form("项目资金（万元）,\"中期资金（万元）\n资金总额：3000.00\n其中：财政拨款：2400.00\n其他资金：600.00\"");
    assert_eq!(got, "- - -");
    let (got, _) = read_form(
        ",\"年度资金（万元）\n资金总额：1000.00\n其中：财政拨款：800.00\n其他资金：200.00\"",
    );
    assert_eq!(got, "1000.00 800.00 200.00");
    let html = "<table><tr><td>项目支出绩效目标申报表（2024年度）</td></tr>\
        <tr><td>项目名称</td><td>技能培训项目</td></tr>\
        <tr><td>项目资金（万元）</td><td>年度资金总额：1000.00<br>其中：财政拨款：800.00<br>其他资金：200.00</td></tr>\
        <tr><td>年度目标</td><td>2024年培训500人次</td></tr>\
        <tr><td>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
        <tr><td></td><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥500人次</td></tr></table>";
    let t = read::read_bytes("f.html", html.as_bytes(), &opts()).unwrap();
    let f = t.projects().next().unwrap().funding;
    assert_eq!(
        (f.total, f.fiscal_appropriation, f.other_funds),
        (
            Some(dec("1000.00")),
            Some(dec("800.00")),
            Some(dec("200.00"))
        )
    );
}

/// The first project's total, 财政拨款 and 其他资金, `-` for blank.
fn amounts_of(t: &jixiao_core::Table) -> String {
    let f = t.projects().next().unwrap().funding;
    let s = |d: Option<rust_decimal::Decimal>| d.map_or("-".to_string(), |d| d.to_string());
    format!(
        "{} {} {}",
        s(f.total),
        s(f.fiscal_appropriation),
        s(f.other_funds)
    )
}

/// A page of one table that cannot be read gives that table's own error,
/// its row, column and hint (ur58: the cause was wrapped in "没有一个表格
/// 能识别为绩效目标表" with a second, generic hint).
#[test]
fn a_page_of_one_refused_table_gives_its_own_error() {
    let page = "<table><tr><td>项目名称</td><td>资金总额</td><td>财政拨款</td><td>绩效目标</td><td>绩效指标</td></tr>\
        <tr><td>甲项目</td><td>一百</td><td>100.00</td><td>目标</td><td>1-产出指标：数量10个。</td></tr></table>";
    let e = read::read_bytes("one.html", page.as_bytes(), &opts()).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("第2行 第2列"), "{text}");
    assert!(text.contains("「一百」不是金额"), "{text}");
    assert!(!text.contains("没有一个表格"), "{text}");
    // Two tables refused are still listed, each with its cause.
    let two = format!("{page}{page}");
    let e = read::read_bytes("two.html", two.as_bytes(), &opts()).unwrap_err();
    assert!(e.to_string().contains("没有一个表格"), "{e}");
}

// --- A form's indicator header offering several value columns or groups (ur58) ---

/// Each indicator of every project read from `name`: `三级指标=值` and, when
/// read, `（上年 实际值）`.
fn form_indicators(name: &str, bytes: &[u8]) -> Result<Vec<String>, String> {
    let t = read::read_bytes(name, bytes, &opts()).map_err(|e| e.to_string())?;
    Ok(t.projects()
        .flat_map(|p| &p.indicators)
        .map(|i| {
            let prior = i
                .columns
                .as_ref()
                .and_then(|c| c.prior_actual.clone())
                .map_or(String::new(), |p| format!("（上年{p}）"));
            format!("{}={}{prior}", i.name, i.raw_value)
        })
        .collect())
}

/// A 2024 form with `money`-less facts, the rows `head` right above its
/// indicators and the indicator rows `inds` (tab-separated).
fn indicator_form(head: &str, inds: &str) -> String {
    format!(
        "2024年项目支出绩效目标申报表\n项目名称\t培训项目\n主管部门及代码\t[101]某局\t\t实施单位\t某中心\n\
         项目资金（万元）\t年度资金总额：\t100.00\n\t其中：财政拨款\t100.00\n{head}\n{inds}\n"
    )
}

/// XLSX of tab-separated `text`, each `(row, first col, last col)` of
/// `merges` merged over its first cell's text (0-based).
fn xlsx_of(text: &str, merges: &[(u32, u16, u32, u16)]) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    for (r, line) in lines.iter().enumerate() {
        for (c, t) in line.iter().enumerate() {
            if !t.is_empty() {
                ws.write_string(r as u32, c as u16, *t).unwrap();
            }
        }
    }
    for &(r1, c1, r2, c2) in merges {
        let t = lines[r1 as usize].get(c1 as usize).copied().unwrap_or("");
        ws.merge_range(r1, c1, r2, c2, t, &Format::new()).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// HTML of tab-separated `text`, a cell written `{colspan}|text` or
/// `_{rowspan}|text` spanning so; a cell `~` is covered by a span.
fn html_of(text: &str) -> String {
    let mut html = String::from("<table>");
    for line in text.lines() {
        html.push_str("<tr>");
        for cell in line.split('\t').filter(|c| *c != "~") {
            let (span, t) = match cell.split_once('|') {
                Some((n, t)) if n.starts_with('_') => (format!(" rowspan=\"{}\"", &n[1..]), t),
                Some((n, t)) if n.parse::<u32>().is_ok() => (format!(" colspan=\"{n}\""), t),
                _ => (String::new(), cell),
            };
            html.push_str(&format!("<td{span}>{t}</td>"));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    html
}

/// ur58 S1/F5: the 湖北 two-row value header (GUIDE §3.3), `指标值` over
/// `2023年实际实现值 | 预期2024年实现值`, reads the year's column as the
/// value and last year's actual as the prior, in TSV (the merged `指标值`
/// in its first cell only), XLSX and HTML alike; XLSX and HTML read last
/// year's actual as the target, TSV refused. A sub-header not naming the
/// year's column is refused.
#[test]
fn a_hubei_two_row_value_header_reads_the_years_column() {
    let head = "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\n\t\t\t\t2023年实际实现值\t预期2024年实现值";
    let inds =
        "\t产出指标\t数量指标\t培训人次\t900人次\t≥300人次\n\t\t质量指标\t合格率\t100%\t≥95%";
    let want = vec![
        "培训人次=≥300人次（上年900人次）".to_string(),
        "合格率=≥95%（上年100%）".to_string(),
    ];
    let tsv = indicator_form(head, inds);
    assert_eq!(form_indicators("h.tsv", tsv.as_bytes()), Ok(want.clone()));
    let csv = tsv.replace('\t', ",");
    assert_eq!(form_indicators("h.csv", csv.as_bytes()), Ok(want.clone()));
    // XLSX: 指标值 merged across, the other headings merged down.
    let mut merges = vec![(5, 4, 5, 5)];
    merges.extend((0..4).map(|c| (5, c, 6, c)));
    let xlsx = xlsx_of(&tsv, &merges);
    assert_eq!(form_indicators("h.xlsx", &xlsx), Ok(want.clone()));
    // HTML: the same as rowspan / colspan.
    let html = html_of(&indicator_form(
        "_2|绩效指标\t_2|一级指标\t_2|二级指标\t_2|三级指标\t2|指标值\n2023年实际实现值\t预期2024年实现值",
        "\t产出指标\t数量指标\t培训人次\t900人次\t≥300人次\n\t\t质量指标\t合格率\t100%\t≥95%",
    ));
    assert_eq!(form_indicators("h.html", html.as_bytes()), Ok(want.clone()));
    // The header printed again on the next page, both its rows.
    let again = indicator_form(
        head,
        &format!("{inds}\n{head}\n\t满意度指标\t服务对象满意度指标\t满意度\t90%\t≥85%"),
    );
    let got = form_indicators("p.tsv", again.as_bytes()).unwrap();
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2], "满意度=≥85%（上年90%）");
    // Stacked forms, each with the two-row header.
    let two = format!("{tsv}\n{}", tsv.replace("培训项目", "另一项目"));
    let got = form_indicators("s.tsv", two.as_bytes()).unwrap();
    assert_eq!(got, [want.clone(), want.clone()].concat());
    // Headings not naming the year's column: refused at the header.
    for sub in [
        "2023年实际实现值\t2025年实现值",
        "目标值\t指标值",
        "中期指标值\t2023年实际实现值",
    ] {
        let text = indicator_form(
            &format!("绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\n\t\t\t\t{sub}"),
            inds,
        );
        let e = form_indicators("r.tsv", text.as_bytes()).unwrap_err();
        assert!(e.contains("第6行") && e.contains("指标值"), "{sub}: {e}");
    }
}

/// ur58 F2/S6: value columns named by their period read the year's
/// (`中期目标值 | 年度目标值`, `中期指标值 | 本年度指标值`, `2024-2026年指标值 |
/// 2024年指标值`, either order); two of no period (`指标值 | 指标值`), or
/// none of the form's year, are refused at the header, not read as the
/// first (the medium term's).
#[test]
fn value_columns_named_by_their_period_read_the_years() {
    let inds = "\t产出指标\t数量指标\t培训人次\t≥900人次\t≥300人次";
    for (a, b) in [
        ("中期目标值", "年度目标值"),
        ("中期指标值", "本年度指标值"),
        ("2024-2026年指标值", "2024年指标值"),
        ("中期指标值", "年度指标值"),
        ("实施期指标值", "指标值"),
    ] {
        let text = indicator_form(
            &format!("绩效指标\t一级指标\t二级指标\t三级指标\t{a}\t{b}"),
            inds,
        );
        assert_eq!(
            form_indicators("v.tsv", text.as_bytes()),
            Ok(vec!["培训人次=≥300人次".to_string()]),
            "{a} | {b}"
        );
        // The year's first.
        let text = indicator_form(
            &format!("绩效指标\t一级指标\t二级指标\t三级指标\t{b}\t{a}"),
            "\t产出指标\t数量指标\t培训人次\t≥300人次\t≥900人次",
        );
        assert_eq!(
            form_indicators("v.tsv", text.as_bytes()),
            Ok(vec!["培训人次=≥300人次".to_string()]),
            "{b} | {a}"
        );
    }
    // A row of period headings right over the two columns names the year's.
    let text = indicator_form(
        "\t\t\t\t上年实际\t本年目标\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t指标值",
        inds,
    );
    assert_eq!(
        form_indicators("o.tsv", text.as_bytes()),
        Ok(vec!["培训人次=≥300人次".to_string()])
    );
    for (a, b, words) in [
        ("指标值", "指标值", "多个指标值列"),
        ("年度指标值", "指标值", "多个指标值列"),
        ("2023年指标值", "2025年指标值", "没有一列是2024年度的"),
        ("中期指标值", "2025-2027年指标值", "没有一列是2024年度的"),
    ] {
        let text = indicator_form(
            &format!("绩效指标\t一级指标\t二级指标\t三级指标\t{a}\t{b}"),
            inds,
        );
        let e = form_indicators("r.tsv", text.as_bytes()).unwrap_err();
        assert!(e.contains("第6行") && e.contains(words), "{a} | {b}: {e}");
    }
}

/// ur58 F1: the 88号 template's two indicator groups side by side read the
/// group the form names as the year's, by the 总体目标 headings over the
/// goals (`中期目标（2024-2026年） | 年度目标`) or a row `中期指标 | 年度指标`
/// over the groups; nothing naming them, still refused. The medium-term
/// group's values are never the year's.
#[test]
fn two_indicator_groups_read_the_one_named_the_years() {
    let header = "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值";
    let inds = "\t产出指标\t数量指标\t三年培训人次\t≥1500人次\t数量指标\t年度培训人次\t≥500人次\n\
                \t效益指标\t社会效益指标\t就业率\t≥80%\t社会效益指标\t知晓率\t≥90%";
    let want = Ok(vec![
        "年度培训人次=≥500人次".to_string(),
        "知晓率=≥90%".to_string(),
    ]);
    let goals = "总体目标\t中期目标（2024-2026年）\t\t\t年度目标\n\t三年累计培训1500人次\t\t\t2024年培训500人次";
    let text = indicator_form(&format!("{goals}\n{header}"), inds);
    assert_eq!(form_indicators("g.tsv", text.as_bytes()), want);
    // XLSX: the goal headings merged over the groups.
    let xlsx = xlsx_of(
        &text,
        &[(5, 1, 5, 3), (5, 4, 5, 7), (6, 1, 6, 3), (6, 4, 6, 7)],
    );
    assert_eq!(form_indicators("g.xlsx", &xlsx), want);
    // The year's group first, the goals so too.
    let swapped = indicator_form(
        &format!("总体目标\t年度目标\t\t\t中期目标（2024-2026年）\n\t2024年培训500人次\t\t\t三年累计培训1500人次\n{header}"),
        "\t产出指标\t数量指标\t年度培训人次\t≥500人次\t数量指标\t三年培训人次\t≥1500人次\n\
         \t效益指标\t社会效益指标\t知晓率\t≥90%\t社会效益指标\t就业率\t≥80%",
    );
    assert_eq!(form_indicators("w.tsv", swapped.as_bytes()), want);
    // A row naming the groups.
    let named = indicator_form(
        &format!("年度目标\t2024年培训500人次\n\t\t中期指标\t\t\t年度指标\n{header}"),
        inds,
    );
    assert_eq!(form_indicators("n.tsv", named.as_bytes()), want);
    // Nothing says which group is the year's: refused at the header.
    for head in [
        format!("年度目标\t2024年培训500人次\n{header}"),
        format!("总体目标\t中期目标\t\t\t长期目标\n\t甲\t\t\t乙\n{header}"),
        format!("总体目标\t年度目标\t\t\t年度目标\n\t甲\t\t\t乙\n{header}"),
    ] {
        let text = indicator_form(&head, inds);
        let e = form_indicators("r.tsv", text.as_bytes()).unwrap_err();
        assert!(e.contains("两组指标列") && e.contains("行"), "{head}: {e}");
    }
}

/// ur58 S3: stacked forms, each with its title and a `单位：万元` line
/// printed right-aligned (in the 指标值 column): the line ends the form
/// above as the title does, never an indicator of its project (an indicator
/// with no name and the value `单位：万元`); after a 填报人 footer too.
#[test]
fn a_stacked_forms_unit_line_in_the_value_column_is_no_indicator() {
    let form = |name: &str, footer: &str| {
        format!(
            "项目支出绩效目标申报表\n（2024年度）\n\t\t\t\t单位：万元\n项目名称\t{name}\n\
             主管部门及代码\t[101]某局\t\t实施单位\t某中心\n项目资金（万元）\t年度资金总额：\t100.00\n\
             \t其中：财政拨款\t100.00\n年度目标\t培训500人次\n\
             绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\
             \t产出指标\t数量指标\t{name}人次\t≥500人次\n\t满意度指标\t服务对象满意度指标\t{name}满意度\t≥90%\n{footer}"
        )
    };
    let want = Ok(vec![
        "甲人次=≥500人次".to_string(),
        "甲满意度=≥90%".to_string(),
        "乙人次=≥500人次".to_string(),
        "乙满意度=≥90%".to_string(),
    ]);
    for footer in [
        "",
        "填报人：李某\t\t联系电话：0371-6000\t\t填报日期：2023年12月5日\n",
    ] {
        let text = format!("{}\n{}", form("甲", footer), form("乙", footer));
        assert_eq!(form_indicators("u.tsv", text.as_bytes()), want, "{footer}");
        let xlsx = xlsx_of(&text, &[]);
        assert_eq!(form_indicators("u.xlsx", &xlsx), want, "{footer}");
        let t = read::read_bytes("u.tsv", text.as_bytes(), &opts()).unwrap();
        assert_eq!(t.projects().count(), 2);
    }
}

/// ur58 S7: an empty placeholder row (`生态效益指标` with no 三级指标 and no
/// value) under a `绩效指标` label merged down is skipped in XLSX and HTML
/// as in TSV: the short row was shifted right and read as an indicator with
/// no name and the value `生态效益指标`.
#[test]
fn a_placeholder_row_under_a_merged_label_is_no_indicator() {
    let text = indicator_form(
        "年度目标\t培训500人次\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值",
        "\t产出指标\t数量指标\t培训人次\t≥500人次\n\t效益指标\t社会效益指标\t就业率\t≥80%\n\
         \t\t生态效益指标\t\t\n\t满意度指标\t服务对象满意度指标\t满意度\t≥90%",
    );
    let want = Ok(vec![
        "培训人次=≥500人次".to_string(),
        "就业率=≥80%".to_string(),
        "满意度=≥90%".to_string(),
    ]);
    assert_eq!(form_indicators("p.tsv", text.as_bytes()), want);
    // 绩效指标 merged down over the indicator rows, 效益指标 over its two.
    let xlsx = xlsx_of(&text, &[(6, 0, 10, 0), (8, 1, 9, 1)]);
    assert_eq!(form_indicators("p.xlsx", &xlsx), want);
}

/// `指标值` over `上年实际值 | 本年目标值` (or `年度目标值`): the actual is last
/// year's, the other the year's value (ur60 i6: refused as naming no year's
/// column).
#[test]
fn a_value_header_over_an_actual_and_the_years_target_reads_the_target() {
    for (actual, target) in [
        ("上年实际值", "本年目标值"),
        ("上年实际值", "年度目标值"),
        // Without 值 (ur60 i6-sub-nozhi: the sub-header was an indicator).
        ("上年实际", "本年目标"),
        ("2023年实际", "2024年目标"),
    ] {
        let text = format!(
            "项目支出绩效目标申报表\n（2024年度）\n项目名称\t农村公路养护工程\n\
             项目资金（万元）\t年度资金总额\t850.50\n年度目标\t完成养护320公里。\n\
             绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\n\t\t\t\t{actual}\t{target}\n\
             \t产出指标\t数量指标\t日常养护里程\t300公里\t≥320公里\n"
        );
        let t = read::read_bytes("i6.tsv", text.as_bytes(), &opts()).unwrap();
        let values: Vec<String> = t
            .projects()
            .flat_map(|p| p.indicators.iter().map(|i| i.raw_value.clone()))
            .collect();
        assert_eq!(values, ["≥320公里"], "{actual} | {target}");
    }
    // Merged cells (HTML spans, XLSX merges): the sub-header row is the
    // header's, not an indicator named 三级指标.
    let page = "<table><tr><td colspan=\"5\">（2024年度）</td></tr>\
        <tr><td>项目名称</td><td colspan=\"4\">农村公路养护工程</td></tr>\
        <tr><td>项目资金（万元）</td><td>年度资金总额</td><td colspan=\"3\">850.50</td></tr>\
        <tr><td>年度目标</td><td colspan=\"4\">完成养护320公里。</td></tr>\
        <tr><td rowspan=\"3\">绩效指标</td><td rowspan=\"2\">一级指标</td><td rowspan=\"2\">三级指标</td><td colspan=\"2\">指标值</td></tr>\
        <tr><td>上年实际</td><td>本年目标</td></tr>\
        <tr><td>产出指标</td><td>日常养护里程</td><td>300公里</td><td>≥320公里</td></tr></table>";
    let t = read::read_bytes("i6.html", page.as_bytes(), &opts()).unwrap();
    let read: Vec<(String, String)> = t
        .projects()
        .flat_map(|p| p.indicators.iter())
        .map(|i| (i.name.clone(), i.raw_value.clone()))
        .collect();
    assert_eq!(read, [("日常养护里程".to_string(), "≥320公里".to_string())]);
}

/// ur55 c128, c202, c021: `年初预算数` heading the labels across is the
/// year's total (it was blank); a `年度 | 2024` column among the money labels
/// is a period, not the last source's amount (其他资金 was blank); a `合计`
/// under the sources written down is their total.
#[test]
fn a_forms_labels_across_read_the_years_budget_and_a_year_column() {
    let read = |money: &str| {
        let text = format!(
            "项目支出绩效目标申报表\n（2024年度）\n项目名称\t技能培训项目\n{money}\n\
             年度目标\t2024年培训500人次\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\
             \t产出指标\t数量指标\t培训人次\t≥500人次\n"
        );
        let t = read::read_bytes("f.tsv", text.as_bytes(), &opts()).unwrap();
        amounts_of(&t)
    };
    assert_eq!(
        read("项目资金（万元）\t年初预算数\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00"),
        "1000.00 800.00 200.00"
    );
    assert_eq!(
        read(
            "项目资金（万元）\t资金总额\t财政拨款\t其他资金\t年度\n\t1000.00\t800.00\t200.00\t2024"
        ),
        "1000.00 800.00 200.00"
    );
    // ur55 c021: a 合计 closing a list of sources written down is their
    // total (it was blank, and said to be an unread source).
    assert_eq!(
        read("项目资金（万元）\t资金来源\t金额\n\t财政拨款\t800.00\n\t其他资金\t200.00\n\t合计\t1000.00"),
        "1000.00 800.00 200.00"
    );
}

/// ur57 a014, c018: a blank row between a form's money labels and their
/// amounts (the money was left unread); blank rows elsewhere change nothing.
#[test]
fn a_blank_row_between_a_forms_money_labels_and_amounts_is_skipped() {
    let read = |money: &str| {
        let text = format!(
            "项目支出绩效目标申报表\n（2024年度）\n\n项目名称\t技能培训项目\n\n{money}\n\n\
             年度目标\t2024年培训500人次\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\
             \t产出指标\t数量指标\t培训人次\t≥500人次\n"
        );
        let t = read::read_bytes("f.tsv", text.as_bytes(), &opts()).unwrap();
        amounts_of(&t)
    };
    for money in [
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t\t\t\n\t1000.00\t800.00\t200.00",
        "2023年\t\t\t2024年\n资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n\n900.00\t700.00\t200.00\t1000.00\t800.00\t200.00",
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00",
    ] {
        assert_eq!(read(money), "1000.00 800.00 200.00", "{money}");
    }
    // Only another period's block: still no year money.
    assert_eq!(
        read("中期资金（万元）\t资金总额\t财政拨款\t其他资金\n\n\t3000.00\t2400.00\t600.00"),
        "- - -"
    );
}

/// ur55 r002, r005: a `合计` row right under the form's one block, of
/// another amount than its total, is a second statement of the year's
/// total: refused (the 合计 was left unread and the block's total read).
/// The same amount reads; a 合计 under rows of parts sums them; under a
/// total naming the year it may be of more years.
#[test]
fn a_forms_differing_sum_row_is_refused() {
    let form = |money: &str| {
        format!(
            "项目支出绩效目标申报表\n（2024年度）\n项目名称\t技能培训项目\n{money}\n\
             年度目标\t2024年培训500人次\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\
             \t产出指标\t数量指标\t培训人次\t≥500人次\n"
        )
    };
    let block = "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00";
    // (ur57 e005: also the year's group under a row of periods below the
    // block, of another amount; the row of periods opens no section.)
    for sum in [
        "合计\t1100",
        "合计\t1200\t800\t400",
        "2023年\t\t\t2024年\n资金总额\t财政拨款\t其他资金\t资金总额\t财政拨款\t其他资金\n900.00\t700.00\t200.00\t1100.00\t900.00\t200.00",
    ] {
        let e = read::read_bytes(
            "f.tsv",
            form(&format!("{block}\n{sum}")).as_bytes(),
            &opts(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("两个本年度的资金总额"), "{sum}: {e}");
    }
    for money in [
        format!("{block}\n合计\t1000.00\t800.00\t200.00"),
        "项目资金（万元）\t年度资金总额\t财政拨款\t其他资金\n\t1000.00\t800.00\t200.00\n合计\t3000.00\t2400.00\t600.00".to_string(),
        "项目资金（万元）\t资金总额\t财政拨款\t其他资金\n上年结转\t100.00\t100.00\t0.00\n本年新增\t900.00\t700.00\t200.00\n合计\t1000.00\t800.00\t200.00".to_string(),
    ] {
        let t = read::read_bytes("f.tsv", form(&money).as_bytes(), &opts()).unwrap();
        assert_eq!(amounts_of(&t), "1000.00 800.00 200.00", "{money}");
    }
}

/// A Chongqing 项目支出绩效目标审批表 (GUIDE §3.4) as a one-project form:
/// `重庆市奉节县2024年项目支出绩效目标审批表`, its facts, a row of money labels
/// `项目总预算 | 当年年度预算 | 其中:财政资金 | 财政资金科目代码 | 其中:其它资金 |
/// 年度预算执行率 | 分值` over their figures, then `年度绩效目标(90分) | 一级指标 …`.
fn chongqing_form(labels: &str, figures: &str) -> String {
    format!(
        "重庆市奉节县2024年项目支出绩效目标审批表\n\
         项目名称\t高标准农田建设项目\t\t\t项目分类\t其他运转类项目\n\
         建设周期\t2024年1月-2024年12月\t\t\t业务主管部门\t奉节县农业农村委员会\n\
         实施单位\t奉节县农业农村委员会\t\t\t项目负责人\t李强\t联系电话\t023-56551234\n\
         项目总体概况\t在全县6个乡镇新建高标准农田1.2万亩。\n\
         年度主要目标和成果\t新建高标准农田1.2万亩，完善田间灌排等基础设施，提高粮食综合生产能力。\n\
         项目资金 预算执行 10分\t{labels}\n\
         \t{figures}\n\
         年度绩效目标(90分)\t一级指标\t二级指标\t三级指标\t指标值\t分值\t指标解释\n\
         \t成本指标(0-20)分\t经济成本指标\t亩均财政投入\t≤1250元/亩\t20\t根据实施方案测算\n\
         \t产出指标 (40-50)分\t数量指标\t新建高标准农田面积\t≥1.2万亩\t25\t根据实施方案测算\n\
         \t\t质量指标\t工程验收合格率\t100%\t25\t根据实施方案测算\n\
         \t效益指标\t经济效益指标\t粮食亩均产能提高\t≥50公斤\t10\t根据实施方案测算\n\
         \t满意度指标\t服务对象满意度指标\t受益群众满意度\t≥90%\t10\t根据实施方案测算\n"
    )
}

/// The 审批表 form reads: 当年年度预算 the total, 其中:财政资金 / 其中:其它资金
/// the sources, 年度主要目标和成果 the goal, the indicators with their 分值
/// as weights; the budget code, rate and score among the money labels are
/// named as not read (they refused the form: 「财政资金科目代码」不是金额), and
/// the `年度绩效目标(90分)` label merged down the indicator rows is no goal.
#[test]
fn a_chongqing_approval_form_reads_its_money_goal_and_indicators() {
    let labels = "项目总预算\t当年年度预算\t其中:财政资金\t财政资金科目代码\t其中:其它资金\t年度预算执行率\t分值";
    let figures = "4500.00\t1500.00\t1200.00\t2130135\t300.00\t100%\t10";
    let text = chongqing_form(labels, figures);
    // XLSX: the money heading merged over its two rows, the indicator
    // group label down the indicator rows.
    let xlsx = xlsx_of(&text, &[(6, 0, 7, 0), (8, 0, 13, 0)]);
    for (name, bytes) in [("cq.tsv", text.as_bytes()), ("cq.xlsx", &xlsx[..])] {
        let t = read::read_bytes(name, bytes, &opts()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(amounts_of(&t), "1500.00 1200.00 300.00", "{name}");
        let p = t.projects().next().unwrap();
        assert_eq!(p.name, "高标准农田建设项目");
        assert_eq!(
            p.goal.as_deref(),
            Some("新建高标准农田1.2万亩，完善田间灌排等基础设施，提高粮食综合生产能力。")
        );
        let got: Vec<String> = p
            .indicators
            .iter()
            .map(|i| {
                let w = i.weight().map_or(String::new(), |w| w.to_string());
                format!("{}={} {w}", i.name, i.raw_value)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                "亩均财政投入=≤1250元/亩 20",
                "新建高标准农田面积=≥1.2万亩 25",
                "工程验收合格率=100% 25",
                "粮食亩均产能提高=≥50公斤 10",
                "受益群众满意度=≥90% 10",
            ],
            "{name}"
        );
        let codes: Vec<&str> = t.notices.iter().map(|n| n.code.as_str()).collect();
        assert!(
            !codes.contains(&"goal-repeated-differs"),
            "{name}: {codes:?}"
        );
        let figures_note = t
            .notices
            .iter()
            .find(|n| n.message.contains("不是金额"))
            .unwrap_or_else(|| panic!("{name}: {:?}", t.notices));
        assert_eq!(figures_note.code, "form-field-unread");
        for said in [
            "「财政资金科目代码」2130135",
            "「年度预算执行率」100%",
            "「分值」10",
        ] {
            assert!(
                figures_note.message.contains(said),
                "{name}: {}",
                figures_note.message
            );
        }
    }
}

/// A budget code under its label beside a blank 财政资金 is never read as
/// the 财政资金: the source stays blank (and `check` sees the sum short).
#[test]
fn a_chongqing_budget_code_is_no_amount() {
    let labels = "当年年度预算\t其中:财政资金\t财政资金科目代码\t其中:其它资金";
    let figures = "1500.00\t\t2130135\t300.00";
    let t = read::read_bytes(
        "cq.tsv",
        chongqing_form(labels, figures).as_bytes(),
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(amounts_of(&t), "1500.00 - 300.00");
}

/// A Hubei 黄石 项目支出绩效目标批复表 (GUIDE §3.3), its money given as
/// `money` (the 项目金额 row).
fn huangshi_form(money: &str) -> String {
    [
        "黄石市2024年市级项目支出绩效目标批复表\t\t\t\t\t\t",
        "项目名称\t城乡居民医疗救助资金\t\t项目负责人\t张明\t\t",
        money,
        "项目主管部门\t黄石市医疗保障局\t\t实施单位\t黄石市医疗保障局\t\t",
        "项目属性\t经常性项目\t\t项目期\t1年\t\t",
        "年度绩效目标\t对困难群众参加城乡居民医保个人缴费给予资助，减轻困难群众医疗负担。\t\t\t\t\t",
        "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t\t指标标准或依据",
        "\t\t\t\t2023年实际实现值\t预期2024年实现值\t",
        "\t产出指标\t数量指标\t资助参保人数\t11800人\t≥12000人\t计划标准",
        "\t效益指标\t社会效益指标\t困难群众医疗负担\t有所减轻\t明显减轻\t计划标准",
        "\t满意度指标\t服务对象满意度指标\t救助对象满意度\t92%\t≥90%\t计划标准",
    ]
    .join("\n")
}

#[test]
fn a_huangshi_approval_form_reads_its_money_and_department() {
    // A probe's hb01–hb03: 项目金额 and 其中:当年市级财政资金 were left unread
    // (money-unread), and 项目主管部门 with them.
    let text = huangshi_form("项目金额\t350.00\t\t其中:当年市级财政资金\t350.00\t\t");
    let xlsx = xlsx_of(&text, &[]);
    for (name, bytes) in [("hs.tsv", text.as_bytes()), ("hs.xlsx", &xlsx[..])] {
        let t = read::read_bytes(name, bytes, &opts()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(amounts_of(&t), "350.00 350.00 -", "{name}");
        assert_eq!(t.department.as_deref(), Some("黄石市医疗保障局"), "{name}");
        let p = t.projects().next().unwrap();
        let got: Vec<String> = p
            .indicators
            .iter()
            .map(|i| format!("{}={}", i.name, i.raw_value))
            .collect();
        assert_eq!(
            got,
            [
                "资助参保人数=≥12000人",
                "困难群众医疗负担=明显减轻",
                "救助对象满意度=≥90%"
            ],
            "{name}"
        );
    }
    // The city's money short of the project's: the rest stays unread as a
    // source, and the total is still the project's.
    let text = huangshi_form("项目金额\t500.00\t\t其中:当年市级财政资金\t350.00\t\t");
    let t = read::read_bytes("hs2.tsv", text.as_bytes(), &opts()).unwrap();
    assert_eq!(amounts_of(&t), "500.00 350.00 -");
}

#[test]
fn a_form_goal_over_two_rows_is_read_whole() {
    // `年度绩效目标 | 目标1：…` over ` | 目标2：…` (the label's cell merged
    // over both rows in the XLSX): both lines are the goal, not the first
    // alone with the second named as unread (a probe's cf13).
    let text = "项目支出绩效目标申报表\n\
                项目名称\t农村公路养护资金\t\t\n\
                主管部门\t某区交通运输局\t\t\n\
                项目资金（万元）\t年度资金总额：\t480.00\t\n\
                \t其中：财政拨款\t400.00\t\n\
                \t其他资金\t80.00\t\n\
                年度绩效目标\t目标1：完成全区620公里农村公路日常养护和小修保养。\t\t\n\
                \t目标2：及时处治路面病害，保障农村公路安全畅通。\t\t\n\
                绩效指标\t一级指标\t三级指标\t指标值\n\
                \t产出指标\t养护农村公路里程\t≥620公里\n\
                \t效益指标\t群众出行条件\t有效改善\n\
                \t满意度指标\t沿线群众满意度\t≥90%\n";
    let xlsx = xlsx_of(text, &[(6, 0, 7, 0)]);
    for (name, bytes) in [("goal.tsv", text.as_bytes()), ("goal.xlsx", &xlsx[..])] {
        let t = read::read_bytes(name, bytes, &opts()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let p = t.projects().next().unwrap();
        assert_eq!(
            p.goal.as_deref(),
            Some("目标1：完成全区620公里农村公路日常养护和小修保养。\n目标2：及时处治路面病害，保障农村公路安全畅通。"),
            "{name}"
        );
        assert_eq!(p.indicators.len(), 3, "{name}");
        let codes: Vec<&str> = t.notices.iter().map(|n| n.code.as_str()).collect();
        assert!(!codes.contains(&"form-field-unread"), "{name}: {codes:?}");
    }
    // A row below the goal holding other facts beside it is not the goal's.
    let other = text.replace(
        "\t目标2：及时处治路面病害，保障农村公路安全畅通。\t\t",
        "\t目标2：及时处治路面病害。\t联系电话\t12345",
    );
    let t = read::read_bytes("other.tsv", other.as_bytes(), &opts()).unwrap();
    let p = t.projects().next().unwrap();
    assert_eq!(
        p.goal.as_deref(),
        Some("目标1：完成全区620公里农村公路日常养护和小修保养。")
    );
}

#[test]
fn a_cell_broken_over_two_rows_is_read_whole() {
    // A page break in a PDF turned into a sheet: the 绩效指标 cell's second
    // half on a row of its own, nothing else on it (a probe's tk34). It is
    // the rest of the project's cell, not a project without a name.
    let first = "1-产出指标：培训教师人次，年度指标值：≥1500人次。2-产出指标：培训考核合格率，年度指标值：≥95%。3-产出指标：培训";
    let rest =
        "完成时间，年度指标值：2024年11月30日前。4-满意度指标：参训教师满意度，年度指标值：≥90%。";
    let text = format!(
        "项目支出绩效目标表\n单位：万元\n\
         项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n\
         合计\t97.50\t97.50\t\t\t\t\n\
         中小学教师培训经费\t85.50\t85.50\t\t\t组织全区中小学教师参加全员培训，提升教师\t{first}\n\
         \t\t\t\t\t教育教学能力。\t{rest}\n\
         党建工作经费\t12.00\t12.00\t\t\t保障党组织活动正常开展。\t1-产出指标：组织活动次数，年度指标值：≥12次。\n"
    );
    let xlsx = xlsx_of(&text, &[]);
    for (name, bytes) in [("broken.tsv", text.as_bytes()), ("broken.xlsx", &xlsx[..])] {
        let t = read::read_bytes(name, bytes, &opts()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ps: Vec<_> = t.projects().collect();
        assert_eq!(ps.len(), 2, "{name}");
        let p = ps[0];
        assert_eq!(
            p.goal.as_deref(),
            Some("组织全区中小学教师参加全员培训，提升教师教育教学能力。")
        );
        assert_eq!(
            p.indicator_cell.as_deref(),
            Some(format!("{first}{rest}").as_str())
        );
        let names: Vec<&str> = p.indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "培训教师人次",
                "培训考核合格率",
                "培训完成时间",
                "参训教师满意度"
            ],
            "{name}"
        );
        let codes: Vec<&str> = t.notices.iter().map(|n| n.code.as_str()).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == "row-continues-cell").count(),
            1,
            "{name}: {codes:?}"
        );
        assert!(
            !codes.contains(&"project-name-missing"),
            "{name}: {codes:?}"
        );
    }
    // A row opening a list of its own (`1-产出指标：…`) is a project whose
    // name is missing, as before; so is one with money.
    for row in [
        "\t\t\t\t\t\t1-产出指标：组织活动次数，年度指标值：≥12次。",
        "\t12.00\t12.00\t\t\t\t完成时间，年度指标值：2024年11月30日前。",
    ] {
        let text = format!(
            "项目支出绩效目标表\n单位：万元\n\
             项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n\
             中小学教师培训经费\t85.50\t85.50\t\t\t组织全区中小学教师参加全员培训。\t{first}\n{row}\n"
        );
        let t = read::read_bytes("own.tsv", text.as_bytes(), &opts()).unwrap();
        let codes: Vec<&str> = t.notices.iter().map(|n| n.code.as_str()).collect();
        assert!(codes.contains(&"project-name-missing"), "{row}: {codes:?}");
        assert!(!codes.contains(&"row-continues-cell"), "{row}: {codes:?}");
    }
}

#[test]
fn layout_text_saved_from_a_pdf_reads_as_the_pdf() {
    // `pdftotext -layout` output saved as a .txt (columns aligned by spaces,
    // no delimiter): read by column positions as the PDF is, with a
    // layout-text note; before, no header was found in it.
    if !have_pdftotext("layout_text_saved_from_a_pdf_reads_as_the_pdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for stem in ["r", "m", "p1"] {
        let pdf = format!("pdf-{stem}.pdf");
        let txt = dir.path().join(format!("{stem}.txt"));
        let status = std::process::Command::new("pdftotext")
            .arg("-layout")
            .arg(fixture(&pdf))
            .arg(&txt)
            .status()
            .unwrap();
        assert!(status.success());
        let from_pdf = read::read_bytes(&pdf, &bytes(&pdf), &opts()).unwrap();
        let name = txt.to_str().unwrap();
        let from_text = read::read_bytes(name, &std::fs::read(&txt).unwrap(), &opts())
            .unwrap_or_else(|e| panic!("{stem}.txt: {e}"));
        assert_eq!(from_text.units, from_pdf.units, "{stem}");
        assert_eq!(from_text.source.format, "text");
        assert_eq!(
            from_text.notices.first().map(|n| n.code.as_str()),
            Some("layout-text"),
            "{stem}"
        );
        assert_eq!(
            from_text.notices.len(),
            from_pdf.notices.len() + 1,
            "{stem}: {:?}",
            from_text.notices
        );
    }
    // Text whose lines cannot be placed under the header's columns keeps
    // the text reader's own error (no header found).
    let text = "项目名称（资金使用单位）  总计    财政拨款  绩效目标    绩效指标\n\
                森林防火专项经费  45.00  45.00  加强森林防火巡护和宣传，做好扑火物资储备，确保全年不发生重大森林火灾。  1-产出指标：巡护面积，年度指标值：≥18万亩。\n";
    let err = read::read_bytes("aligned.txt", text.as_bytes(), &opts()).unwrap_err();
    assert!(err.to_string().contains("表头"), "{err}");
}
