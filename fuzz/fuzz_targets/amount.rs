//! `Money::parse_amount` / `parse_non_negative` on arbitrary text.
//!
//! Checks: no panic; an accepted amount is above zero and at most the
//! maximum, prints with two decimals and re-parses to itself; the two
//! parsers agree except on zero; a JSON string deserialises as Money exactly
//! when `parse_non_negative` accepts it; every text of the documented grammar
//! `(0|[1-9][0-9]*)(\.[0-9]{1,2})?` is read to its exact value (however other
//! forms are decided); error messages are bounded (a long text is cut)
//! and escape NUL and newline; every amount of fen written canonically or with its
//! trailing zeros dropped reads back to the same fen.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::{ErrorCode, Money, MAX_AMOUNT_FEN};

/// The fen of a text in the documented grammar, `None` off the grammar
/// (`Some(i128::MAX)` for a value too large for i128).
fn grammar_fen(text: &str) -> Option<i128> {
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || (int.len() > 1 && int.starts_with('0')) {
        return None;
    }
    let frac = match frac {
        None => "",
        Some(f) if digits(f) && f.len() <= 2 => f,
        Some(_) => return None,
    };
    if int.len() > 30 {
        return Some(i128::MAX);
    }
    let yuan: i128 = int.parse().ok()?;
    let cents: i128 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i128>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    Some(yuan * 100 + cents)
}

fn check(text: &str) {
    let a = Money::parse_amount("amount", text);
    let n = Money::parse_non_negative("volume", text);
    match &a {
        Ok(m) => {
            assert!(m.fen() > 0 && m.fen() <= MAX_AMOUNT_FEN, "{text:?} -> {m}");
            let printed = m.to_string();
            let (_, frac) = printed.split_once('.').expect("two decimals");
            assert_eq!(frac.len(), 2, "{printed}");
            assert_eq!(Money::parse_amount("amount", &printed).as_ref(), Ok(m), "{printed}");
            assert_eq!(n.as_ref(), Ok(m), "parse_non_negative disagrees on {text:?}");
        }
        Err(e) => {
            assert!(
                matches!(e.code(), ErrorCode::InvalidAmount | ErrorCode::InputTooLarge),
                "{text:?}: {e:?}"
            );
            assert_eq!(e.field(), "amount", "{e:?}");
            posfee_fuzz::assert_message_bounded(e);
            assert!(!e.reason().as_str().is_empty());
            if e.reason() == "zero" {
                assert_eq!(n.as_ref().ok(), Some(&Money::ZERO), "{text:?}");
            } else {
                let ne = n.as_ref().expect_err("parse_non_negative accepts what parse_amount refuses");
                assert_eq!((ne.code(), ne.reason()), (e.code(), e.reason()), "{text:?}");
                assert_eq!(ne.field(), "volume");
            }
        }
    }
    if let Some(fen) = grammar_fen(text) {
        match &a {
            Ok(m) => assert_eq!(i128::from(m.fen()), fen, "{text:?}"),
            Err(e) => assert!(
                fen == 0 || fen > i128::from(MAX_AMOUNT_FEN),
                "{text:?} is in the grammar and in range but refused: {e:?}"
            ),
        }
    }
    // Money in data files: a JSON string, read by serde.
    if let Ok(json) = serde_json::to_string(text) {
        let d: Result<Money, _> = serde_json::from_str(&json);
        assert_eq!(d.ok(), n.as_ref().ok().copied(), "serde and parse_non_negative disagree on {text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&text);
    if let Some(head) = data.get(..8) {
        let raw = u64::from_le_bytes(head.try_into().unwrap_or([0; 8]));
        let fen = i64::try_from(raw % MAX_AMOUNT_FEN as u64).unwrap_or(0) + 1;
        let canonical = Money::from_fen(fen).to_string();
        let short = canonical.trim_end_matches('0').trim_end_matches('.');
        for t in [canonical.as_str(), short] {
            assert_eq!(
                Money::parse_amount("amount", t).map(Money::fen),
                Ok(fen),
                "{t:?}"
            );
        }
        check(&posfee_fuzz::amount_in_style(fen, posfee_fuzz::AmountStyle::Grouped));
    }
});
