//! Hostile inputs through the core: each refused with its code, field and
//! reason, within posfee's input bounds (`posfee_core::bounds`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use posfee_core::bounds::{MAX_CSV_RECORD_BYTES, MAX_DATA_FILE_BYTES, MAX_DEPTH};
use posfee_core::*;

fn upos_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/plan-upos.json")).unwrap()
}

#[test]
fn a_key_given_twice_in_a_plan_is_refused_not_taken_last() {
    let text = upos_text();
    let doubled = text.replacen(
        r#""rate_percent": "0.38""#,
        r#""rate_percent": "0.38", "rate_percent": "50.00""#,
        1,
    );
    assert_ne!(doubled, text);
    let e = Plan::from_json(&doubled).unwrap_err();
    assert_eq!(
        (e.code(), e.field(), e.reason().as_str()),
        (
            ErrorCode::PlanInvalid,
            "fee_rules[0].rate_percent",
            "duplicate_key"
        )
    );
    assert!(Plan::from_json(&text).is_ok());
}

#[test]
fn data_files_nested_too_deep_or_too_big_are_refused() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = Plan::from_json(&deep).unwrap_err();
    assert_eq!(
        (e.code(), e.reason().as_str()),
        (ErrorCode::InputTooLarge, "too_deep")
    );
    assert_eq!(e.field(), "[0]".repeat(MAX_DEPTH));
    let e = Calendar::from_json(&deep).unwrap_err();
    assert_eq!(e.reason().as_str(), "too_deep");
    let big = " ".repeat(MAX_DATA_FILE_BYTES + 1);
    let e = Plan::from_json(&big).unwrap_err();
    assert_eq!(
        (e.code(), e.reason().as_str()),
        (ErrorCode::InputTooLarge, "too_long")
    );
    assert!(e.message_en().contains(&MAX_DATA_FILE_BYTES.to_string()));
}

#[test]
fn an_array_is_never_read_as_a_struct() {
    let e = input_from_json::<PaymentInput>(serde_json::json!(["1000.00", "card"]), "payment")
        .unwrap_err();
    assert_eq!(
        (e.code(), e.field(), e.reason().as_str()),
        (ErrorCode::InvalidField, "payment", "wrong_type")
    );
    let e = input_from_json::<UsageInput>(serde_json::json!({"used": []}), "usage").unwrap_err();
    assert_eq!(
        (e.field(), e.reason().as_str()),
        ("usage.used", "wrong_type")
    );
    // A list input is an array at its root, and its list fields stay lists.
    let mix = serde_json::json!([{"payment": {"amount": "10", "method": "qr", "wallet": "alipay"}, "count": 1}]);
    assert_eq!(
        input_from_json::<Vec<MixLineInput>>(mix, "mix")
            .unwrap()
            .len(),
        1
    );
    let f = serde_json::json!({"monthly_volumes": ["1"], "devices": 1, "annual_agreement": false, "risk_record": false, "verification": "none"});
    assert!(input_from_json::<EligibilityInput>(f, "").is_ok());
}

#[test]
fn an_input_value_nested_too_deep_is_refused_at_its_path() {
    let mut v = serde_json::json!("x");
    for _ in 0..200 {
        v = serde_json::json!([v]);
    }
    let e =
        input_from_json::<PaymentInput>(serde_json::json!({"amount": "1.00", "x": v}), "payment")
            .unwrap_err();
    assert_eq!(
        (e.code(), e.reason().as_str()),
        (ErrorCode::InputTooLarge, "too_deep")
    );
    assert_eq!(
        e.field(),
        format!("payment.x{}", "[0]".repeat(MAX_DEPTH - 1))
    );
}

#[test]
fn messages_cut_long_values_and_escape_control_characters() {
    let long = "x\n\u{0}".repeat(1_000_000);
    let e = Money::parse_amount("amount", &long).unwrap_err();
    assert_eq!(
        (e.code(), e.reason().as_str()),
        (ErrorCode::InputTooLarge, "too_long")
    );
    assert!(e.message_en().len() < 200);
    let p = PaymentInput {
        amount: Some("1.00".into()),
        method: Some(long.clone()),
        ..PaymentInput::default()
    };
    let e = p.to_payment("payment").unwrap_err();
    assert_eq!(e.reason(), "unknown_value");
    assert!(e.message_en().len() < 400, "{}", e.message_en().len());
    assert!(!e.message_en().contains('\n') && !e.message_en().contains('\u{0}'));
    assert!(e.message_en().contains('…'));
}

#[test]
fn the_accounting_date_never_passes_9999() {
    let plan = Plan::upos().unwrap();
    let t = ChinaDateTime::parse("time", "9999-12-31T23:59").unwrap();
    let e = accounting_date(&plan, t).unwrap_err();
    assert_eq!(
        (e.code(), e.reason().as_str()),
        (ErrorCode::InvalidTime, "out_of_range")
    );
    let t = ChinaDateTime::parse("time", "9999-12-31T22:59").unwrap();
    assert_eq!(accounting_date(&plan, t).unwrap().to_string(), "9999-12-31");
}

#[test]
fn a_csv_record_with_no_newline_is_cut_at_the_bound_and_reading_goes_on() {
    let mut r = CsvReader::new();
    let mut got = Vec::new();
    let mut out = |rec: CsvRecord| got.push(rec);
    r.feed(b"id,time,amount,method,wallet,fee_charged\n", &mut out)
        .unwrap();
    let piece = vec![b'9'; 4096];
    // 1 MiB of one line: memory stays at the bound, one bad record.
    for _ in 0..256 {
        r.feed(&piece, &mut out).unwrap();
    }
    r.feed(b"\nT1,2025-03-12T10:00,100.00,qr,wechat,0.38\n", &mut out)
        .unwrap();
    r.finish(&mut out).unwrap();
    assert_eq!(got.len(), 2, "{got:?}");
    match &got[0] {
        CsvRecord::Bad {
            line_number, error, ..
        } => {
            assert_eq!(*line_number, 2);
            assert_eq!(
                (error.code(), error.field(), error.reason().as_str()),
                (ErrorCode::InputTooLarge, "line 2", "too_long")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&got[1], CsvRecord::Line { line_number: 3, .. }));
    // A complete record over the bound, in one chunk, is refused the same way.
    let mut r = CsvReader::new();
    let mut got = Vec::new();
    let mut text = b"id,time,amount,method,wallet,fee_charged\n".to_vec();
    text.extend(vec![b'x'; MAX_CSV_RECORD_BYTES + 1]);
    text.extend(b"\n");
    r.feed(&text, &mut |rec| got.push(rec)).unwrap();
    assert!(matches!(&got[0], CsvRecord::Bad { error, .. } if error.reason() == "too_long"));
    // A header with no newline stops the reading.
    let mut r = CsvReader::new();
    let e = r
        .feed(&vec![b'a'; MAX_CSV_RECORD_BYTES + 1], &mut |_| {})
        .unwrap_err();
    assert_eq!((e.field(), e.reason().as_str()), ("line 1", "too_long"));
}

#[test]
fn a_holiday_cn_file_with_more_days_than_a_year_has_is_refused() {
    let days: Vec<String> = (0..401)
        .map(|_| r#"{"name": "元旦", "date": "2030-01-01", "isOffDay": true}"#.to_string())
        .collect();
    let text = format!(r#"{{"year": 2030, "days": [{}]}}"#, days.join(","));
    let e = Calendar::from_holiday_cn(&text, Some("2026.12.01")).unwrap_err();
    assert_eq!((e.field(), e.reason().as_str()), ("days", "too_many"));
}

// Found by fuzzing (fuzz/regressions/): each input, and what the core gives.

#[test]
fn fuzz_a_time_whose_offset_carries_it_past_9999_or_before_0000_is_out_of_range() {
    for text in ["9999-12-31T23:59-08:00", "0000-01-01T00:00+23:59"] {
        let e = ChinaDateTime::parse("time", text).unwrap_err();
        assert_eq!(
            (e.code(), e.field(), e.reason().as_str()),
            (ErrorCode::InvalidTime, "time", "out_of_range"),
            "{text}"
        );
    }
    // Every time posfee accepts reads back from its own text.
    let t = ChinaDateTime::parse("time", "9999-12-31T23:59+08:00").unwrap();
    assert!(ChinaDateTime::parse("time", &t.to_string()).is_ok());
}

fn assert_printable(e: &Error) {
    for m in [e.message_en(), e.message_zh()] {
        assert!(!m.contains(['\0', '\n']), "a raw NUL or newline: {m:?}");
        assert!(
            m.chars().count() <= 1025,
            "{} characters",
            m.chars().count()
        );
    }
}

#[test]
fn fuzz_keys_holding_newlines_nuls_or_thousands_of_characters_are_escaped_and_cut_in_messages() {
    let e = Plan::from_json(r#"{"schema_version":1,"\n":""}"#).unwrap_err();
    assert_eq!((e.field(), e.reason().as_str()), ("\n", "unknown_field"));
    assert_printable(&e);
    let key = "k".repeat(5_000);
    let e = Plan::from_json(&format!(r#"{{"schema_version":1,"{key}":""}}"#)).unwrap_err();
    assert_eq!(e.field(), key, "the field itself stays exact");
    assert_printable(&e);
    let e = Calendar::from_holiday_cn(r#"{"\n":""}"#, None).unwrap_err();
    assert_printable(&e);
    let u: UsageInput = serde_json::from_str(r#"{"used": {"\u0000": ""}}"#).unwrap();
    let e = u.to_usage("usage").unwrap_err();
    assert_eq!(
        (e.field(), e.reason().as_str()),
        ("usage.used.\u{0}", "empty")
    );
    assert_printable(&e);
}
