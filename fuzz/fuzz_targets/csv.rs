//! The streaming CSV statement reader (`CsvReader`) and the auditor's
//! `feed_csv` / `finish_csv`, fed the same bytes in arbitrary chunk splits.
//!
//! Input layout: byte 0 = k (mod 8), then k little-endian u16 split points,
//! then the CSV bytes (so a seed is `\0` followed by a statement).
//!
//! Checks: no panic; whole, split and (for short inputs) byte-at-a-time
//! feeding give the same records, errors, record and blank-line counts, line
//! audits and summary, and `audit_csv` the same summary; records are
//! numbered 0, 1, 2… with increasing line numbers and their count is the
//! reader's `records()`; the auditor reports exactly one result per record
//! with a running count; the summary's counts and totals are the sums over
//! the lines (ok + with findings + unjudgeable = lines, each finding code's
//! count and total); error messages are bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::{
    AuditOptions, AuditSummary, Auditor, ChinaDateTime, CsvReader, CsvRecord, Error, LineAudit,
    LineStatus, Money, FindingCode,
};
use std::sync::OnceLock;

fn auditor() -> &'static Auditor {
    static A: OnceLock<Auditor> = OnceLock::new();
    A.get_or_init(|| {
        let (m, _) = &posfee_fuzz::fixed_payments()[0];
        let as_of = ChinaDateTime::parse("as_of", "2025-11-01T00:00").expect("as_of");
        Auditor::new(
            &posfee_fuzz::plans()[0],
            &posfee_fuzz::calendars()[0],
            m.clone(),
            AuditOptions { as_of, provisional: false },
        )
        .expect("an auditor for the built-in plan")
    })
}

#[derive(Debug, PartialEq)]
struct Read {
    records: Vec<CsvRecord>,
    /// The first error of `feed` (reading stops there), or of `finish`.
    error: Option<Error>,
    count: u64,
    blank: u64,
}

fn read(chunks: &[&[u8]]) -> Read {
    let mut r = CsvReader::new();
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
    Read { records, error, count: r.records(), blank: r.blank_lines() }
}

#[derive(Debug, PartialEq)]
struct Audit {
    lines: Vec<LineAudit>,
    done: Vec<u64>,
    summary: Option<AuditSummary>,
    error: Option<Error>,
    records: u64,
}

fn audit(chunks: &[&[u8]]) -> Audit {
    let mut a = auditor().clone();
    let mut r = CsvReader::new();
    let mut lines = Vec::new();
    let mut done = Vec::new();
    let mut error = None;
    let mut summary = None;
    for c in chunks {
        if let Err(e) = a.feed_csv(&mut r, c, &mut |l, n| {
            lines.push(l);
            done.push(n);
        }) {
            error = Some(e);
            break;
        }
    }
    if error.is_none() {
        match a.finish_csv(&mut r, &mut |l, n| {
            lines.push(l);
            done.push(n);
        }) {
            Ok(s) => summary = Some(s),
            Err(e) => error = Some(e),
        }
    }
    Audit { lines, done, summary, error, records: r.records() }
}

fn check_read(x: &Read) {
    if let Some(e) = &x.error {
        posfee_fuzz::assert_message_bounded(e);
    }
    posfee_fuzz::check_records(&x.records);
    // After a header it cannot use, the reader starts over (records() is 0
    // again): the count is checkable when the reading did not stop.
    if x.error.is_none() {
        assert_eq!(x.count, x.records.len() as u64, "records() is not the number of records reported");
    } else {
        assert!(
            x.count == 0 || x.count == x.records.len() as u64,
            "records() is {} after {} records and the error {:?}",
            x.count,
            x.records.len(),
            x.error
        );
    }
}

fn check_audit(a: &Audit, r: &Read) {
    assert_eq!(a.records, r.count);
    if let (Some(e), false) = (&r.error, r.records.is_empty()) {
        posfee_fuzz::trace(&format!("csv-error-after-records {}", e.reason()));
    }
    assert_eq!(a.lines.len() as u64, r.records.len() as u64, "one result per record");
    assert_eq!(a.done, (1..=a.lines.len() as u64).collect::<Vec<_>>(), "running count");
    assert_eq!(a.error.as_ref().map(Error::reason), r.error.as_ref().map(Error::reason));
    for (l, rec) in a.lines.iter().zip(&r.records) {
        let (index, line_number, bad) = match rec {
            CsvRecord::Line { index, line_number, .. } => (*index, *line_number, false),
            CsvRecord::Bad { index, line_number, .. } => (*index, *line_number, true),
        };
        assert_eq!((l.index, l.line_number), (index, Some(line_number)));
        if bad {
            assert_eq!(l.status, LineStatus::Unjudgeable);
        }
        assert_eq!(l.status == LineStatus::Unjudgeable, l.error.is_some(), "{l:?}");
        assert_eq!(l.status == LineStatus::Findings, !l.findings.is_empty(), "{l:?}");
    }
    let Some(s) = &a.summary else {
        posfee_fuzz::trace("csv-error");
        return;
    };
    posfee_fuzz::trace(&format!("csv-summary lines={} ok={} findings={}", s.lines.min(3), s.ok.min(1), s.with_findings.min(1)));
    assert_eq!(s.lines, a.lines.len() as u64);
    assert_eq!(s.ok + s.with_findings + s.unjudgeable, s.lines, "{s:?}");
    let count = |st: LineStatus| a.lines.iter().filter(|l| l.status == st).count() as u64;
    assert_eq!(
        (s.ok, s.with_findings, s.unjudgeable),
        (count(LineStatus::Ok), count(LineStatus::Findings), count(LineStatus::Unjudgeable))
    );
    for code in FindingCode::ALL {
        let found = a.lines.iter().flat_map(|l| &l.findings).filter(|f| f.code == code);
        let n = found.clone().count() as u64;
        let total = found.fold(Money::ZERO, |t, f| t.checked_add(f.amount).expect("sum"));
        assert_eq!(s.counts.get(code.as_str()).copied(), Some(n), "{code:?}");
        let t = match code {
            FindingCode::FeeOvercharged => s.overcharged,
            FindingCode::FeeUndercharged => s.undercharged,
            FindingCode::NetMismatch => s.net_mismatch,
            FindingCode::DuplicateSettlement => s.duplicates,
            FindingCode::SettledLate => s.settled_late,
            FindingCode::NotSettled => s.not_settled,
        };
        assert_eq!(t, total, "{code:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((body, chunks)) = posfee_fuzz::statement_chunks(data) else { return };

    let whole = read(&[body]);
    check_read(&whole);
    let split = read(&chunks);
    assert_eq!(split, whole, "a different chunk split reads differently: {chunks:?}");
    if body.len() <= 512 {
        let bytes: Vec<&[u8]> = body.chunks(1).collect();
        assert_eq!(read(&bytes), whole, "byte-at-a-time reads differently");
    }

    let a = audit(&[body]);
    check_audit(&a, &whole);
    let b = audit(&chunks);
    assert_eq!(b, a, "a different chunk split audits differently");
    if let Some(s) = &a.summary {
        let mut x = auditor().clone();
        let got = x
            .audit_csv(chunks.iter(), 1, &mut |_| {}, &mut |_| {})
            .expect("feed_csv accepted it, audit_csv refuses");
        assert_eq!(&got, s);
    }
});
