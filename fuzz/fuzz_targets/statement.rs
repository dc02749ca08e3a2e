//! Statement files as merchants have them (`CsvReader::with_format`, issue
//! 16): the encoding detected, title rows skipped, columns and values mapped
//! by the generic profile, a totals row checked, fed in arbitrary chunk
//! splits.
//!
//! Input layout: byte 0 = k (mod 8), then k little-endian u16 split points,
//! then the statement's bytes (so a seed is `\0` followed by a statement).
//!
//! Checks: no panic; whole, split and (for short inputs) byte-at-a-time
//! feeding give the same records, error, layout and totals check (a GBK,
//! UTF-16 or UTF-8 character split across chunks is decoded the same);
//! records are numbered 0, 1, 2… with increasing line numbers; a layout
//! exists once a record did; the totals check counts at most the records
//! and agrees only when every line was summed; error messages are bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::{CsvReader, CsvRecord, Error, StatementFormat, StatementLayout, TotalsCheck};

#[derive(Debug, PartialEq)]
struct Read {
    records: Vec<CsvRecord>,
    error: Option<Error>,
    layout: Option<StatementLayout>,
    totals: Option<TotalsCheck>,
}

fn read(chunks: &[&[u8]]) -> Read {
    let mut r = CsvReader::with_format(StatementFormat::default());
    let mut records = Vec::new();
    let mut error = None;
    for c in chunks {
        if let Err(e) = r.feed(c, &mut |rec| records.push(rec)) {
            error = Some(e);
            break;
        }
    }
    if error.is_none() {
        error = r.finish(&mut |rec| records.push(rec)).err();
    }
    Read { records, error, layout: r.layout().cloned(), totals: r.totals() }
}

fn check(x: &Read) {
    if let Some(e) = &x.error {
        posfee_fuzz::assert_message_bounded(e);
    }
    posfee_fuzz::check_records(&x.records);
    if x.error.is_none() && !x.records.is_empty() {
        let layout = x.layout.as_ref().expect("records without a layout");
        assert!(layout.header_line < x.records.iter().map(|r| match r {
            CsvRecord::Line { line_number, .. } | CsvRecord::Bad { line_number, .. } => *line_number,
        }).min().unwrap_or(u64::MAX));
        let read_in = layout.encoding.expect("a statement read from bytes names its encoding");
        posfee_fuzz::trace(&format!("statement-layout {}", read_in.encoding.as_str()));
    }
    if let Some(t) = &x.totals {
        assert!(t.lines + t.unread <= x.records.len() as u64, "{t:?}");
        if t.agrees {
            assert_eq!(t.unread, 0);
            assert!(t.checks.iter().all(|c| c.agrees && c.stated == c.summed));
        }
        posfee_fuzz::trace(&format!("statement-totals agrees={}", t.agrees));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((body, chunks)) = posfee_fuzz::statement_chunks(data) else { return };

    let whole = read(&[body]);
    check(&whole);
    let split = read(&chunks);
    assert_eq!(split, whole, "a different chunk split reads differently: {chunks:?}");
    if body.len() <= 512 {
        let bytes: Vec<&[u8]> = body.chunks(1).collect();
        assert_eq!(read(&bytes), whole, "byte-at-a-time reads differently");
    }
});
