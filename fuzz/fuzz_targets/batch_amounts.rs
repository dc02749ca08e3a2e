//! Differential: Money's fast amount reader (posfee_core::money::text:
//! `swar_line`, the word-at-a-time reader, then `byte_line`, the byte
//! reader — the path of `fee_batch`, the npm package's `feeBatchText` and
//! `feeBatch`; `fast_fen`, the fast path of `Money::parse_amount`;
//! `line_count`) against the general reader (`general_fen`) on each line
//! alone.
//!
//! Checks, for every line of an arbitrary amounts text: same accept/refuse
//! decision and same fen as the general reader, and `Money::parse_amount`
//! (fast path first) the same; a line the fast readers read is one the
//! general reader accepts with that value; every line in the fast grammar
//! `(0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?` above zero is read by `byte_line`
//! (the fast path is complete); `swar_line`, when it reads, agrees with
//! `byte_line` on value and end; lines end where the text's '\n' are;
//! `line_count` counts them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::Money;

mod reader {
    pub use posfee_core::money::text::{
        byte_line as byte, fast_fen as fast, line_count as count, swar_line as word,
    };
}

/// The lines of an amounts text as the package defines them (one trailing
/// newline allowed; none for "").
fn lines(t: &[u8]) -> Vec<&[u8]> {
    if t.is_empty() {
        return Vec::new();
    }
    let body = t.strip_suffix(b"\n").unwrap_or(t);
    body.split(|&b| b == b'\n').collect()
}

fn in_fast_grammar(line: &[u8]) -> bool {
    let (int, frac) = match line.iter().position(|&b| b == b'.') {
        Some(p) => (&line[..p], Some(&line[p + 1..])),
        None => (line, None),
    };
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    digits(int)
        && int.len() <= 8
        && !(int.len() > 1 && int[0] == b'0')
        && frac.is_none_or(|f| digits(f) && f.len() <= 2)
}

/// The general reader's answer, after checking that `Money::parse_amount`
/// (its fast path first) gives the same: on every line it accepts, and on
/// the lines of short inputs it refuses (wording an error costs far more
/// than reading a line, and on a refused line `parse_amount` is the fast
/// path, checked below, then the general reader).
fn core(line: &[u8], short: bool) -> Option<i64> {
    let s = std::str::from_utf8(line).ok()?;
    let general = posfee_core::money::text::general_fen(s);
    if general.is_some() || short {
        let full = Money::parse_amount("amounts[0]", s).ok().map(Money::fen);
        assert_eq!(full, general, "parse_amount {s:?}");
    }
    general
}

fuzz_target!(|data: &[u8]| {
    let short = data.len() < 256;
    let expected = lines(data);
    assert_eq!(reader::count(data), expected.len(), "line_count");
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    let mut start = 0usize;
    for (i, line) in expected.iter().enumerate() {
        let want = core(line, short);
        let (fen, end) = reader::byte(body, start);
        assert_eq!(end, start + line.len(), "line {i} ends in the wrong place");
        if let Some(f) = fen {
            assert_eq!(Some(f), want, "byte_line reads line {i} {line:?} as {f}, parse_amount as {want:?}");
        } else if in_fast_grammar(line) {
            assert!(
                want.is_none() || want == Some(0),
                "byte_line refuses line {i} {line:?} that is in its grammar, parse_amount reads {want:?}"
            );
        }
        if let Some((f, e)) = reader::word(body, start) {
            assert_eq!((Some(f), e), (fen, end), "swar_line and byte_line disagree on line {i} {line:?}");
        }
        // The feeBatchText decision: the fast readers, else parse_amount.
        let decided = reader::word(body, start)
            .map(|(f, _)| f)
            .or(fen)
            .or_else(|| core(line, short));
        assert_eq!(decided, want, "line {i} {line:?}");
        // The feeBatch decision for the same text as one element.
        let element = reader::fast(line).or_else(|| core(line, short));
        assert_eq!(element, want, "fast_fen path, element {line:?}");
        start = end + 1;
    }
    // A whole element holding newlines is never read as one amount.
    if data.contains(&b'\n') {
        if let Some(f) = reader::fast(data) {
            assert_eq!(Some(f), core(data, short), "fast_fen reads a multi-line element {data:?}");
        }
    }
});
