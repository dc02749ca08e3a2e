//! Statements as merchants have them (issue 16): the same 1,000 lines
//! written by this test in posfee's English CSV and as a Chinese statement
//! (generic profile: Chinese header and values, title rows, a 合计 row) in
//! UTF-8, UTF-8 with a byte-order mark, GBK and UTF-16 audit to the same
//! results; each malformed case gets its code, line and column.

#![cfg(all(feature = "decode", feature = "xlsx"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use posfee_core::*;

#[path = "support/merchant.rs"]
mod merchant;
use merchant::merchant;

/// One line in both notations: (English CSV fields, Chinese fields).
struct Line {
    english: String,
    chinese: String,
    /// The cells of an Excel row: (day, h, m, s), card kind, method, settled day.
    day: u32,
    hms: (u32, u32, u32),
    card_kind: &'static str,
    method: &'static str,
    settled_day: Option<u32>,
    amount: i64,
    fee: i64,
    net: i64,
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// Thousands separators and a currency sign, as a statement writes money.
fn grouped(fen: i64) -> String {
    let whole = (fen / 100).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("\"￥{out}.{:02}\"", fen % 100)
}

fn lines(n: usize) -> Vec<Line> {
    let kinds = [
        ("card,credit,chip,", "贷记卡,插卡"),
        ("card,debit,chip,", "借记卡,插卡"),
        ("contactless,credit,,", "贷记卡,挥卡"),
        ("qr,,,wechat", ",微信"),
        ("qr,,,alipay", ",支付宝"),
    ];
    let mut x: u64 = 0x9e37_79b9;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let amount = i64::try_from(x % 3_000_000).unwrap() + 100;
            // A fee of 0.38% or 0.55%, rounded; some lines not settled.
            let rate = if i % 3 == 0 { 55 } else { 38 };
            let fee = (amount * rate + 5_000) / 10_000;
            let settled = i % 10 != 7;
            let net = amount - fee;
            let (english_kind, chinese_kind) = kinds[i % kinds.len()];
            let day = 10 + (i % 5);
            let (hh, mm, ss) = (8 + i % 12, i % 60, (i * 7) % 60);
            let (net_en, date_en, net_zh, date_zh) = if settled {
                (
                    yuan(net),
                    format!("2025-03-{:02}", day + 1),
                    grouped(net),
                    format!("2025/03/{:02}", day + 1),
                )
            } else {
                Default::default()
            };
            let (card_kind, method) = chinese_kind.split_once(',').unwrap();
            Line {
                day: day as u32,
                hms: (hh as u32, mm as u32, ss as u32),
                card_kind,
                method,
                settled_day: settled.then_some(day as u32 + 1),
                english: format!(
                    "T{i},2025-03-{day:02}T{hh:02}:{mm:02}:{ss:02},{},{english_kind},{},{net_en},{date_en}",
                    yuan(amount),
                    yuan(fee)
                ),
                chinese: format!(
                    "T{i},2025/03/{day:02} {hh:02}:{mm:02}:{ss:02},{},{chinese_kind},{},{net_zh},{date_zh},备注{i}",
                    grouped(amount),
                    yuan(fee)
                ),
                amount,
                fee,
                net: if settled { net } else { 0 },
            }
        })
        .collect()
}

const ENGLISH_HEADER: &str =
    "id,time,amount,method,card_kind,card_medium,wallet,fee_charged,net_settled,settled_date";

fn english(lines: &[Line]) -> String {
    let mut s = format!("{ENGLISH_HEADER}\n");
    for l in lines {
        s.push_str(&l.english);
        s.push('\n');
    }
    s
}

/// The Chinese statement: two title rows, the header, the lines, a 合计 row.
fn chinese(lines: &[Line]) -> String {
    let mut s = String::from("商户对账单\n对账日期：2025/03/01 至 2025/03/31,,,,\n");
    s.push_str("流水号,交易时间,交易金额,卡类型,交易方式,手续费,结算金额,结算日期,备注\r\n");
    for l in lines {
        s.push_str(&l.chinese);
        s.push_str("\r\n");
    }
    let sum = |f: fn(&Line) -> i64| lines.iter().map(f).sum::<i64>();
    s.push_str(&format!(
        "合计,,{},,,{},{},,\r\n",
        grouped(sum(|l| l.amount)),
        yuan(sum(|l| l.fee)),
        grouped(sum(|l| l.net))
    ));
    s
}

fn audit(bytes: &[u8], reader: CsvReader, chunk: usize) -> (Vec<LineAudit>, CsvReader) {
    let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    let mut auditor = Auditor::new(
        &plan,
        &cal,
        merchant(),
        AuditOptions {
            as_of,
            provisional: false,
        },
    )
    .unwrap();
    let mut reader = reader;
    let mut out = Vec::new();
    for c in bytes.chunks(chunk) {
        auditor
            .feed_csv(&mut reader, c, &mut |l, _| out.push(l))
            .unwrap();
    }
    auditor
        .finish_csv(&mut reader, &mut |l, _| out.push(l))
        .unwrap();
    (out, reader)
}

#[test]
fn a_chinese_statement_in_every_encoding_audits_as_the_english_csv() {
    let lines = lines(1000);
    let (want, _) = audit(english(&lines).as_bytes(), CsvReader::new(), 65_536);
    assert_eq!(want.len(), 1000);
    assert!(
        want.iter().all(|l| l.status != LineStatus::Unjudgeable),
        "{:?}",
        want.iter().find(|l| l.error.is_some())
    );
    assert!(want.iter().any(|l| !l.findings.is_empty()));

    let text = chinese(&lines);
    let bom: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .chain(text.as_bytes())
        .copied()
        .collect();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let files: [(&str, &[u8], TextEncoding, EncodingSource); 4] = [
        (
            "UTF-8",
            text.as_bytes(),
            TextEncoding::Utf8,
            EncodingSource::Detected,
        ),
        (
            "UTF-8 with BOM",
            &bom,
            TextEncoding::Utf8,
            EncodingSource::Bom,
        ),
        ("GBK", &gbk, TextEncoding::Gb18030, EncodingSource::Detected),
        (
            "UTF-16LE",
            &utf16,
            TextEncoding::Utf16Le,
            EncodingSource::Bom,
        ),
    ];
    for (name, bytes, encoding, source) in files {
        for chunk in [7, 65_536] {
            let (got, reader) = audit(
                bytes,
                CsvReader::with_format(StatementFormat::default()),
                chunk,
            );
            let layout = reader.layout().unwrap();
            let read_in = layout.encoding.unwrap();
            assert_eq!(
                (read_in.encoding, read_in.source),
                (encoding, source),
                "{name}"
            );
            assert_eq!((layout.header_line, layout.title_rows), (3, 2), "{name}");
            assert_eq!(layout.unknown_columns, vec!["备注".to_string()], "{name}");
            assert_eq!(got.len(), want.len(), "{name}");
            for (g, w) in got.iter().zip(&want) {
                // The Chinese file has two title rows more above its header.
                let mut g = g.clone();
                g.line_number = g.line_number.map(|n| n - 2);
                assert_eq!(&g, w, "{name}, chunks of {chunk}");
            }
            let totals = reader.totals().unwrap();
            assert_eq!(
                (totals.line_number, totals.lines, totals.unread),
                (Some(1004), 1000, 0),
                "{name}"
            );
            assert!(totals.agrees, "{name}: {totals:?}");
            assert_eq!(totals.checks.len(), 3);
        }
    }
}

/// The Chinese statement as an .xlsx sheet: the same title rows, header,
/// lines and 合计 row, money as number cells and times as date cells.
fn xlsx(lines: &[Line]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let when = Format::new().set_num_format("yyyy/mm/dd hh:mm:ss");
    let date = Format::new().set_num_format("yyyy/mm/dd");
    ws.write_string(0, 0, "商户对账单").unwrap();
    ws.write_string(1, 0, "对账日期：2025/03/01 至 2025/03/31")
        .unwrap();
    for (c, name) in [
        "流水号",
        "交易时间",
        "交易金额",
        "卡类型",
        "交易方式",
        "手续费",
        "结算金额",
        "结算日期",
        "备注",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *name).unwrap();
    }
    // Number cells, as Excel holds money: the yuan's decimal text read as a float.
    let yuan = |fen: i64| yuan(fen).parse::<f64>().unwrap();
    for (i, l) in lines.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, format!("T{i}")).unwrap();
        let (h, m, s) = l.hms;
        let t = ExcelDateTime::from_ymd(2025, 3, l.day as u8)
            .unwrap()
            .and_hms(h as u16, m as u8, s as f64)
            .unwrap();
        ws.write_datetime_with_format(r, 1, &t, &when).unwrap();
        ws.write_number(r, 2, yuan(l.amount)).unwrap();
        if !l.card_kind.is_empty() {
            ws.write_string(r, 3, l.card_kind).unwrap();
        }
        ws.write_string(r, 4, l.method).unwrap();
        ws.write_number(r, 5, yuan(l.fee)).unwrap();
        if let Some(d) = l.settled_day {
            ws.write_number(r, 6, yuan(l.net)).unwrap();
            ws.write_datetime_with_format(
                r,
                7,
                ExcelDateTime::from_ymd(2025, 3, d as u8).unwrap(),
                &date,
            )
            .unwrap();
        }
        ws.write_string(r, 8, format!("备注{i}")).unwrap();
    }
    let r = 3 + lines.len() as u32;
    let sum = |f: fn(&Line) -> i64| yuan(lines.iter().map(f).sum::<i64>());
    ws.write_string(r, 0, "合计").unwrap();
    ws.write_number(r, 2, sum(|l| l.amount)).unwrap();
    ws.write_number(r, 5, sum(|l| l.fee)).unwrap();
    ws.write_number(r, 6, sum(|l| l.net)).unwrap();
    book.save_to_buffer().unwrap()
}

fn audit_rows(rows: Vec<Vec<String>>) -> (Vec<LineAudit>, CsvReader) {
    let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    let opts = AuditOptions {
        as_of,
        provisional: false,
    };
    let mut auditor = Auditor::new(&plan, &cal, merchant(), opts).unwrap();
    let mut reader = CsvReader::with_format(StatementFormat::default());
    let mut out = Vec::new();
    auditor
        .feed_rows(&mut reader, rows, &mut |l, _| out.push(l))
        .unwrap();
    auditor
        .finish_csv(&mut reader, &mut |l, _| out.push(l))
        .unwrap();
    (out, reader)
}

#[test]
fn an_excel_statement_audits_as_the_english_csv() {
    let lines = lines(1000);
    let (want, _) = audit(english(&lines).as_bytes(), CsvReader::new(), 65_536);
    let rows = xlsx_rows(&xlsx(&lines), None).unwrap();
    let (got, reader) = audit_rows(rows);
    let layout = reader.layout().unwrap();
    assert_eq!((layout.header_line, layout.title_rows), (3, 2));
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        let mut g = g.clone();
        g.line_number = g.line_number.map(|n| n - 2);
        assert_eq!(&g, w);
    }
    let totals = reader.totals().unwrap();
    assert!(totals.agrees, "{totals:?}");
    // A sheet named by the caller; a name the file lacks.
    let book = xlsx(&lines[..2]);
    assert_eq!(xlsx_rows(&book, Some("Sheet1")).unwrap().len(), 6);
    let e = xlsx_rows(&book, Some("对账单")).unwrap_err();
    assert_eq!((e.field(), e.reason()), ("sheet", Reason::UnknownValue));
}

#[test]
fn an_excel_number_that_is_not_whole_fen_is_not_money() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (c, name) in ["流水号", "交易时间", "交易金额", "交易方式", "手续费"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *name).unwrap();
    }
    ws.write_string(1, 0, "T1").unwrap();
    ws.write_string(1, 1, "2025/03/12 10:00:00").unwrap();
    ws.write_number(1, 2, 12.345).unwrap();
    ws.write_string(1, 3, "微信").unwrap();
    // 0.1 + 0.2 as Excel would hold a sum: 0.30000000000000004.
    ws.write_number(1, 4, "0.30000000000000004".parse::<f64>().unwrap())
        .unwrap();
    let (got, _) = audit_rows(xlsx_rows(&book.save_to_buffer().unwrap(), None).unwrap());
    let e = got[0].error.as_ref().unwrap();
    assert_eq!(
        (e.code(), e.field(), e.reason()),
        (
            ErrorCode::InvalidAmount,
            "lines[0].amount",
            Reason::TooManyDecimals
        )
    );
}

/// The first error of a one-line Chinese statement whose line (or header) is `edit`ed.
fn fault(header: &str, line: &str) -> (Option<Error>, Result<()>) {
    let text = format!("{header}\n{line}\n");
    fault_bytes(text.as_bytes(), StatementFormat::default())
}

fn fault_bytes(bytes: &[u8], format: StatementFormat) -> (Option<Error>, Result<()>) {
    let mut r = CsvReader::with_format(format);
    let mut first = None;
    let mut keep = |rec: CsvRecord| {
        if let CsvRecord::Bad { error, .. } = rec {
            first.get_or_insert(error);
        }
    };
    let mut res = r.feed(bytes, &mut keep);
    if res.is_ok() {
        res = r.finish(&mut keep);
    }
    (first, res)
}

const HEADER: &str = "流水号,交易时间,交易金额,卡类型,交易方式,手续费";

#[test]
fn each_malformed_statement_gets_its_code_line_and_column() {
    // A GBK byte sequence that does not decode (0xFF is no GB18030 byte).
    let text = format!("{HEADER}\nT1,2025/03/12 10:00:00,10.00,贷记卡,插卡,0.06\n");
    let mut bytes = encoding_rs::GBK.encode(&text).0.into_owned();
    let at = bytes.len() - 3;
    bytes[at] = 0xFF;
    let (e, res) = fault_bytes(&bytes, StatementFormat::default());
    res.unwrap();
    let e = e.unwrap();
    assert_eq!(
        (e.code(), e.reason(), e.field()),
        (ErrorCode::InvalidCsv, Reason::Encoding, "line 2")
    );
    assert_eq!(
        e.message_en(),
        "line 2: column \"手续费\" holds bytes that are not valid gb18030"
    );

    // A header with two columns that mean one field.
    let (_, res) = fault("流水号,参考号,交易时间,交易金额,交易方式,手续费", "");
    let e = res.unwrap_err();
    assert_eq!(
        (e.code(), e.reason(), e.field()),
        (ErrorCode::InvalidCsv, Reason::AmbiguousColumn, "line 1")
    );
    assert!(
        e.message_en().contains("\"流水号\", \"参考号\""),
        "{}",
        e.message_en()
    );
    // ... settled by the caller's choice.
    let mut format = StatementFormat::default();
    format.columns.insert("id".into(), "参考号".into());
    let (e, res) = fault_bytes(
        "流水号,参考号,交易时间,交易金额,交易方式,手续费\nA,B,2025/03/12 10:00:00,10.00,微信,0.04\n".as_bytes(),
        format,
    );
    res.unwrap();
    assert!(e.is_none());

    // ... and a field the caller leaves unread.
    let mut format = StatementFormat::default();
    format.columns.insert("card_kind".into(), String::new());
    let mut r = CsvReader::with_format(format);
    let mut got = Vec::new();
    r.feed(
        format!("{HEADER}\nT1,2025/03/12 10:00:00,10.00,金卡,微信,0.04\n").as_bytes(),
        &mut |rec| got.push(rec),
    )
    .unwrap();
    r.finish(&mut |rec| got.push(rec)).unwrap();
    let CsvRecord::Line { input, .. } = &got[0] else {
        panic!("{got:?}")
    };
    assert_eq!(input.card_kind, None);
    assert_eq!(
        r.layout().unwrap().unknown_columns,
        vec!["卡类型".to_string()]
    );

    // An unknown value in 卡类型.
    let (e, _) = fault(HEADER, "T1,2025/03/12 10:00:00,10.00,金卡,插卡,0.06");
    let e = e.unwrap();
    assert_eq!(
        (e.code(), e.reason(), e.field()),
        (
            ErrorCode::InvalidField,
            Reason::UnknownValue,
            "lines[0].card_kind"
        )
    );
    assert!(
        e.message_en()
            .starts_with("line 2, column \"卡类型\": unknown value \"金卡\""),
        "{}",
        e.message_en()
    );
    assert!(
        e.message_zh().starts_with("第 2 行「卡类型」列："),
        "{}",
        e.message_zh()
    );

    // A date in a layout the profile does not name.
    let (e, _) = fault(HEADER, "T1,12.03.2025 10:00,10.00,贷记卡,插卡,0.06");
    let e = e.unwrap();
    assert_eq!(
        (e.code(), e.reason(), e.field()),
        (ErrorCode::InvalidTime, Reason::Format, "lines[0].time")
    );
    assert!(
        e.message_en().starts_with("line 2, column \"交易时间\":"),
        "{}",
        e.message_en()
    );

    // Thousands separators in the wrong places.
    let (e, _) = fault(
        HEADER,
        "T1,2025/03/12 10:00:00,\"1,00.00\",贷记卡,插卡,0.06",
    );
    let e = e.unwrap();
    assert_eq!(
        (e.code(), e.reason(), e.field()),
        (ErrorCode::InvalidAmount, Reason::Format, "lines[0].amount")
    );

    // Two columns that contradict each other.
    let (e, _) = fault(
        "流水号,交易时间,交易金额,交易方式,wallet,手续费",
        "T1,2025/03/12 10:00:00,10.00,支付宝,wechat,0.04",
    );
    assert_eq!(e.unwrap().reason(), Reason::Contradictory);

    // No header within the profile's rows: the closest row's missing columns.
    let (_, res) = fault("流水号,交易时间,交易金额", "T1,2025/03/12 10:00:00,10.00");
    let e = res.unwrap_err();
    assert_eq!(
        (e.reason(), e.field()),
        (Reason::MissingHeaderColumn, "line 1")
    );
    assert!(
        e.message_en().contains("method (\"method\"/\"交易方式\")"),
        "{}",
        e.message_en()
    );
}

#[test]
fn a_totals_row_that_disagrees_is_reported_with_its_line() {
    let text = format!(
        "{HEADER}\nT1,2025/03/12 10:00:00,100.00,贷记卡,插卡,0.55\nT2,2025/03/12 11:00:00,200.00,,微信,0.76\n合计,,300.00,,,1.30\n"
    );
    let mut r = CsvReader::with_format(StatementFormat::default());
    let mut n = 0;
    r.feed(text.as_bytes(), &mut |_| n += 1).unwrap();
    r.finish(&mut |_| n += 1).unwrap();
    assert_eq!(n, 2, "the totals row is not a statement line");
    let t = r.totals().unwrap();
    assert_eq!((t.line_number, t.lines, t.agrees), (Some(4), 2, false));
    let fee = t.checks.iter().find(|c| c.field == "fee_charged").unwrap();
    assert_eq!(
        (fee.stated.to_string(), fee.summed.to_string(), fee.agrees),
        ("1.30".into(), "1.31".into(), false)
    );
    assert!(
        t.checks
            .iter()
            .find(|c| c.field == "amount")
            .unwrap()
            .agrees
    );

    // Totals the caller gives win over the row.
    let format = StatementFormat {
        totals: Some(StatedTotals {
            amount: Some(Money::parse_amount("amount", "300").unwrap()),
            fee_charged: Some(Money::parse_amount("fee", "1.31").unwrap()),
            net_settled: None,
        }),
        ..StatementFormat::default()
    };
    let mut r = CsvReader::with_format(format);
    r.feed(text.as_bytes(), &mut |_| {}).unwrap();
    r.finish(&mut |_| {}).unwrap();
    let t = r.totals().unwrap();
    assert_eq!((t.line_number, t.agrees), (None, true));
}

#[test]
fn posfees_own_reader_is_unchanged_by_formats() {
    // The plain reader still refuses a thousands separator and a Chinese header.
    let mut r = CsvReader::new();
    let e = r
        .feed("流水号,交易时间\n".as_bytes(), &mut |_| {})
        .unwrap_err();
    assert_eq!(e.reason(), Reason::UnknownColumn);
}
