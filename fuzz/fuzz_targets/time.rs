//! `ChinaDateTime::parse`, `parse_date` and `accounting_date` on arbitrary text.
//!
//! Checks: no panic; an accepted time prints in the format the parser reads
//! and re-parses to itself (to the second); a local time's date is the text's
//! date; a time with an offset is the local reading shifted by (8 h −
//! offset); the accounting date of an accepted time is its day or the next
//! one and prints as a date `parse_date` reads; `parse_date` accepts only
//! the text it prints; errors are `invalid_time` on the given field, with bounded messages.
#![no_main]

use chrono::{Duration, Timelike};
use libfuzzer_sys::fuzz_target;
use posfee_core::{accounting_date, parse_date, ChinaDateTime, ErrorCode};

fn check_time(text: &str) {
    let t = match ChinaDateTime::parse("time", text) {
        Ok(t) => t,
        Err(e) => {
            assert!(
                matches!(e.code(), ErrorCode::InvalidTime | ErrorCode::InputTooLarge),
                "{text:?}: {e:?}"
            );
            assert_eq!(e.field(), "time", "{e:?}");
            posfee_fuzz::assert_message_bounded(&e);
            return;
        }
    };
    // fuzz/regressions/time/: times an offset carried out of 0000–9999 were
    // accepted and did not read back (fixed in the core, 7e0be1a).
    let printed = t.to_string();
    let again = ChinaDateTime::parse("time", &printed)
        .unwrap_or_else(|e| panic!("{text:?} is read as {printed:?}, which does not read back: {e:?}"));
    let whole = t.naive().with_nanosecond(0).expect("a whole second");
    assert_eq!(again.naive(), whole, "{text:?} -> {printed:?}");
    // The date part of the text, read alone.
    let b = text.as_bytes();
    let local_date = text.get(..10).and_then(|d| parse_date("d", d).ok());
    let local = text.get(..16).and_then(|_| {
        // The same text without its offset, if it has one.
        let cut = [b.len().saturating_sub(6), b.len().saturating_sub(1)]
            .into_iter()
            .find(|&i| i >= 16 && matches!(b.get(i), Some(b'+' | b'-' | b'Z' | b'z')))?;
        ChinaDateTime::parse("time", text.get(..cut)?).ok().map(|l| (cut, l))
    });
    match local {
        None => assert_eq!(Some(t.date()), local_date, "{text:?}"),
        Some((cut, l)) => {
            let off = match b.get(cut) {
                Some(b'Z' | b'z') => 0,
                _ => {
                    let h = i64::from(b[cut + 1] - b'0') * 10 + i64::from(b[cut + 2] - b'0');
                    let m = i64::from(b[cut + 4] - b'0') * 10 + i64::from(b[cut + 5] - b'0');
                    let s = h * 3600 + m * 60;
                    if b[cut] == b'-' { -s } else { s }
                }
            };
            let expected = l.naive() + Duration::seconds(8 * 3600 - off);
            assert_eq!(t.naive(), expected, "{text:?}");
        }
    }
    for plan in posfee_fuzz::plans() {
        if let Ok(d) = accounting_date(plan, t) {
            let days = (d - t.date()).num_days();
            assert!((0..=1).contains(&days), "{text:?}: accounting date {d}");
            let s = d.to_string();
            assert!(
                parse_date("d", &s).is_ok(),
                "{text:?}: the accounting date {s:?} is not a date posfee reads"
            );
        }
    }
}

fn check_date(text: &str) {
    match parse_date("date", text) {
        Ok(d) => assert_eq!(d.to_string(), text, "parse_date accepts a non-canonical date"),
        Err(e) => {
            assert!(matches!(e.code(), ErrorCode::InvalidTime | ErrorCode::InputTooLarge), "{e:?}");
            assert_eq!(e.field(), "date");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_time(&text);
    check_date(&text);
    if let Some(d) = text.get(..10) {
        check_date(d);
    }
});
