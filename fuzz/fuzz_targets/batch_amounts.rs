//! Differential: the npm package's batch amount reader (wasm/src/batch.rs:
//! `swar_line`, the word-at-a-time reader, then `byte_line`, the byte
//! reader, then `Money::parse_amount` for what neither reads — the
//! `feeBatchText` path; `fast_fen` then `parse_amount` — the `feeBatch`
//! path; `line_count`) against `Money::parse_amount` on each line alone.
//!
//! The reader is copied verbatim from wasm/src/batch.rs at build time (see
//! fuzz/build.rs): it is private to the wasm crate.
//!
//! Checks, for every line of an arbitrary amounts text: same accept/refuse
//! decision and same fen as `parse_amount`; a line the fast readers read
//! is one `parse_amount` accepts with that value; every line in the fast
//! grammar `(0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?` above zero is read by
//! `byte_line` (the fast path is complete); `swar_line`, when it reads, agrees
//! with `byte_line` on value and end; lines end where the text's '\n' are;
//! `line_count` counts them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::Money;

mod reader {
    include!(concat!(env!("OUT_DIR"), "/batch_reader.rs"));

    pub fn byte(body: &[u8], start: usize) -> (Option<i64>, usize) {
        byte_line(body, start)
    }
    pub fn word(body: &[u8], start: usize) -> Option<(i64, usize)> {
        swar_line(body, start)
    }
    pub fn fast(line: &[u8]) -> Option<i64> {
        fast_fen(line)
    }
    pub fn count(t: &[u8]) -> usize {
        line_count(t)
    }
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

fn core(line: &[u8]) -> Option<i64> {
    let s = std::str::from_utf8(line).ok()?;
    Money::parse_amount("amounts[0]", s).ok().map(Money::fen)
}

fuzz_target!(|data: &[u8]| {
    let expected = lines(data);
    assert_eq!(reader::count(data), expected.len(), "line_count");
    let body = data.strip_suffix(b"\n").unwrap_or(data);
    let mut start = 0usize;
    for (i, line) in expected.iter().enumerate() {
        let want = core(line);
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
            .or_else(|| core(line));
        assert_eq!(decided, want, "line {i} {line:?}");
        // The feeBatch decision for the same text as one element.
        let element = reader::fast(line).or_else(|| core(line));
        assert_eq!(element, want, "fast_fen path, element {line:?}");
        start = end + 1;
    }
    // A whole element holding newlines is never read as one amount.
    if data.contains(&b'\n') {
        if let Some(f) = reader::fast(data) {
            assert_eq!(Some(f), core(data), "fast_fen reads a multi-line element {data:?}");
        }
    }
});
