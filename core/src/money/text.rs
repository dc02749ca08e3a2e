//! Money's fast paths: the amount reader and the money writer that
//! statement batches run once per line, held to [`crate::Money::parse_amount`] and
//! `Display` by the tests below and the `batch_amounts` fuzz target.
//!
//! [`fast_fen`] reads the common shape of an amount
//! (`(0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?`, above zero) in one pass and
//! answers `None` for anything else, which [`crate::Money::parse_amount`] then
//! reads and words exactly; [`swar_line`] reads the commonest lines eight
//! bytes at a time. [`money_text`] and [`Column`] write yuan with two
//! decimals without the formatting machinery.
//!
//! Public only so the fuzz target and the benchmarks reach it; not part of
//! the API.
#![doc(hidden)]

use super::MAX_AMOUNT_FEN;

/// "00", "01", … "99": two digits at a time.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// A text column being written, one amount per line: whole words are
/// stored and the length moved by the text's own, so no write copies a
/// variable number of bytes.
pub struct Column {
    buf: Vec<u8>,
    len: usize,
}

impl Column {
    /// A column with room for about `bytes` bytes (it grows as needed).
    pub fn new(bytes: usize) -> Column {
        Column {
            buf: vec![0; bytes + 16],
            len: 0,
        }
    }

    /// Appends `fen` as yuan with two decimals, after a newline if
    /// `newline`.
    #[inline(always)]
    pub fn push(&mut self, fen: i64, newline: bool) {
        match u32::try_from(fen) {
            Ok(small) if small < 100_000_000 => {
                let (lo, hi, len) = small_words(small, newline);
                self.put(lo, hi, len);
            }
            _ => self.push_wide(fen, newline),
        }
    }

    /// Stores sixteen bytes at the end, of which the first `len` are text.
    #[inline(always)]
    fn put(&mut self, lo: u64, hi: u64, len: usize) {
        if self.buf.len() < self.len + 16 {
            self.grow();
        }
        if let Some(rest) = self.buf.get_mut(self.len..) {
            if let Some((a, rest)) = rest.split_first_chunk_mut::<8>() {
                *a = lo.to_le_bytes();
                if let Some(b) = rest.first_chunk_mut::<8>() {
                    *b = hi.to_le_bytes();
                }
            }
        }
        self.len += len;
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let n = self.buf.len() * 2 + 16;
        self.buf.resize(n, 0);
    }

    /// [`Column::push`] for any `i64`, a byte at a time.
    #[cold]
    #[inline(never)]
    fn push_wide(&mut self, fen: i64, newline: bool) {
        let (buf, i) = money_text(fen, newline);
        for &b in buf.get(i..TEXT_END).unwrap_or_default() {
            self.put(u64::from(b), 0, 1);
        }
    }

    /// The column's text as bytes.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.buf.truncate(self.len);
        self.buf
    }
}

/// The eight digits of `v` (below 10⁸, zero-padded) as ASCII, the first
/// in the lowest byte: divided in 32-, then 16-bit lanes of one word.
#[inline(always)]
fn eight_digit_text(v: u32) -> u64 {
    let x = u64::from(v / 10_000) | (u64::from(v % 10_000) << 32);
    // Per 32-bit lane, below 10⁴: ÷100 as ×5243 >> 19.
    let hi = ((x * 5243) >> 19) & 0x0000_007f_0000_007f;
    let pairs = hi | ((x - 100 * hi) << 16);
    // Per 16-bit lane, below 100: ÷10 as ×103 >> 10.
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    let digits = tens | ((pairs - 10 * tens) << 8);
    digits + 0x3030_3030_3030_3030
}

/// The text of `fen` (below 1,000,000.00 yuan), after a newline if
/// `newline`, as sixteen bytes in two words and its length: the eight
/// digits of the fen are made at once, the point put before the last two,
/// and the words shifted to the first significant digit. No loop and no
/// branch on the value.
#[inline(always)]
fn small_words(fen: u32, newline: bool) -> (u64, u64, usize) {
    let d = eight_digit_text(fen);
    // "dddddd.d" then "d": six yuan digits, the point, the cents.
    let head = (d & 0xffff_ffff_ffff) | (u64::from(b'.') << 48) | (((d >> 48) & 0xff) << 56);
    let tail = d >> 56;
    let yuan_digits = 1
        + u32::from(fen >= 1_000)
        + u32::from(fen >= 10_000)
        + u32::from(fen >= 100_000)
        + u32::from(fen >= 1_000_000)
        + u32::from(fen >= 10_000_000);
    // Skip the leading zeros: `skip` is 0 to 5 bytes.
    let skip = 8 * (6 - yuan_digits);
    let lo = (head >> skip) | tail.checked_shl(64 - skip).unwrap_or(0);
    let hi = tail >> skip;
    let len = yuan_digits as usize + 3;
    if newline {
        (
            (lo << 8) | u64::from(b'\n'),
            (hi << 8) | (lo >> 56),
            len + 1,
        )
    } else {
        (lo, hi, len)
    }
}

/// Where [`money_text`]'s text ends in its buffer.
pub const TEXT_END: usize = 24;

/// The text of `fen` as yuan with two decimals (after a newline if
/// `newline`): the bytes from the returned index to [`TEXT_END`].
#[inline(always)]
pub fn money_text(fen: i64, newline: bool) -> ([u8; TEXT_END + 16], usize) {
    let abs = fen.unsigned_abs();
    let mut buf = [b'0'; TEXT_END + 16];
    let mut i = TEXT_END;
    let mut put = |i: usize, b: u8| {
        if let Some(s) = buf.get_mut(i) {
            *s = b;
        }
    };
    // 32-bit division where the value allows: WebAssembly engines turn a
    // 32-bit division by a constant into a multiplication, not a 64-bit one.
    let pair = |v: u32| {
        let k = usize::try_from(v % 100).unwrap_or(0) * 2;
        (
            PAIRS.get(k).copied().unwrap_or(b'0'),
            PAIRS.get(k + 1).copied().unwrap_or(b'0'),
        )
    };
    // The fen, then ".", then the yuan two digits at a time.
    let (a, b) = pair(u32::try_from(abs % 100).unwrap_or(0));
    i -= 3;
    put(i, b'.');
    put(i + 1, a);
    put(i + 2, b);
    let mut wide = abs / 100;
    // Above u32, peel off the low eight digits first.
    let mut n = match u32::try_from(wide) {
        Ok(n) => n,
        Err(_) => {
            let mut low = u32::try_from(wide % 100_000_000).unwrap_or(0);
            wide /= 100_000_000;
            for _ in 0..4 {
                let (a, b) = pair(low);
                i -= 2;
                put(i, a);
                put(i + 1, b);
                low /= 100;
            }
            u32::try_from(wide).unwrap_or(0)
        }
    };
    loop {
        let (a, b) = pair(n);
        if n >= 10 {
            i -= 2;
            put(i, a);
            put(i + 1, b);
        } else {
            i -= 1;
            put(i, b);
        }
        n /= 100;
        if n == 0 {
            break;
        }
    }
    if fen < 0 {
        i -= 1;
        put(i, b'-');
    }
    if newline {
        i -= 1;
        put(i, b'\n');
    }
    (buf, i)
}

/// The fen of a well-formed amount (`(0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?`,
/// above zero), read in one pass; `None` for anything else, which
/// `Money::parse_amount` then words exactly.
#[inline(always)]
pub fn fast_fen(line: &[u8]) -> Option<i64> {
    // The whole element must be the one line (it may hold a newline).
    match byte_line(line, 0) {
        (Some(fen), end) if end == line.len() => Some(fen),
        _ => None,
    }
}

/// The lines of an amounts text (one trailing newline allowed; none for "").
pub fn lines(t: &str) -> impl Iterator<Item = &str> {
    let body = t.strip_suffix('\n').unwrap_or(t);
    let skip = usize::from(t.is_empty());
    // '\n' is ASCII, so every piece is a whole string.
    body.split('\n').skip(skip)
}

/// How many lines [`lines`] gives.
pub fn line_count(t: &[u8]) -> usize {
    let body = t.strip_suffix(b"\n").unwrap_or(t);
    if t.is_empty() {
        return 0;
    }
    // Eight bytes at a time: a byte's high bit is set in `zero` exactly when
    // the byte is '\n' (no carry crosses bytes).
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut words = body.chunks_exact(8);
    let mut count = 0usize;
    for w in &mut words {
        let w = <[u8; 8]>::try_from(w).map(u64::from_le_bytes).unwrap_or(0);
        let x = w ^ 0x0a0a_0a0a_0a0a_0a0a;
        let zero = !(((x & LOW7) + LOW7) | x | LOW7);
        count += zero.count_ones() as usize;
    }
    count + words.remainder().iter().filter(|&&b| b == b'\n').count() + 1
}

/// Reads the amount line starting at `start` byte by byte: its fen if it is
/// well formed (the grammar of [`fast_fen`]), and where it ends.
#[inline(always)]
pub fn byte_line(body: &[u8], start: usize) -> (Option<i64>, usize) {
    let (mut end, mut fen, mut int_digits, mut frac_digits) = (start, 0i64, 0u32, 0u32);
    let (mut dot, mut ok) = (false, true);
    while let Some(&b) = body.get(end) {
        if b == b'\n' {
            break;
        }
        if b.is_ascii_digit() {
            if dot {
                frac_digits += 1;
            } else {
                int_digits += 1;
            }
            fen = fen.wrapping_mul(10).wrapping_add(i64::from(b - b'0'));
        } else if b == b'.' && !dot {
            dot = true;
        } else {
            ok = false;
        }
        end += 1;
    }
    let leading_zero = body.get(start) == Some(&b'0') && int_digits > 1;
    ok = ok
        && (1..=8).contains(&int_digits)
        && frac_digits <= 2
        && !(dot && frac_digits == 0)
        && !leading_zero;
    fen = match frac_digits {
        0 => fen.wrapping_mul(100),
        1 => fen.wrapping_mul(10),
        _ => fen,
    };
    ((ok && fen > 0 && fen <= MAX_AMOUNT_FEN).then_some(fen), end)
}

/// Each byte of `x`: 0x80 where it is not an ASCII digit, 0 elsewhere
/// (exact: no carry or borrow crosses bytes).
#[inline(always)]
fn non_digits(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit set by: a byte ≥ 0x3a (plus 0x46), < 0x30 (the subtraction
    // leaves it clear, so its complement sets it), or ≥ 0x80.
    let above = (x & !HIGH) + 0x4646_4646_4646_4646;
    let below = !((x | HIGH) - 0x3030_3030_3030_3030);
    (above | below | x) & HIGH
}

/// The number of up to eight digit values (0–9), one per byte, the first
/// the most significant, right-aligned so the last digit is the top byte.
#[inline(always)]
fn eight_digits(x: u64) -> u64 {
    let x = x.wrapping_mul(10).wrapping_add(x >> 8);
    let lo = (x & 0x0000_00ff_0000_00ff).wrapping_mul(100 + (1_000_000 << 32));
    let hi = ((x >> 16) & 0x0000_00ff_0000_00ff).wrapping_mul(1 + (10_000 << 32));
    lo.wrapping_add(hi) >> 32
}

/// Reads the amount line starting at `start` a word at a time: its fen and
/// where it ends, for a line of one to seven digits, then a newline or a
/// '.' with one or two digits and a newline (the common shapes); `None` for
/// anything else, which [`byte_line`] then reads.
#[inline(always)]
pub fn swar_line(body: &[u8], start: usize) -> Option<(i64, usize)> {
    let window = body.get(start..start.checked_add(16)?)?;
    let w = u64::from_le_bytes(<[u8; 8]>::try_from(window.get(..8)?).ok()?);
    // The whole part ends at the first byte that is not a digit.
    let odd = non_digits(w);
    if odd == 0 {
        return None;
    }
    let int_digits = odd.trailing_zeros() / 8;
    if int_digits == 0 || (int_digits > 1 && w & 0xff == u64::from(b'0')) {
        return None;
    }
    let yuan = eight_digits(w.wrapping_sub(0x3030_3030_3030_3030) << (8 * (8 - int_digits)));
    let at = |k: u32| window.get(k as usize).copied().unwrap_or(0);
    let digit = |b: u8| b.is_ascii_digit().then(|| u64::from(b - b'0'));
    let p = int_digits;
    let (cents, len) = match (at(p), at(p + 1), at(p + 2), at(p + 3)) {
        (b'\n', _, _, _) => (0, p),
        (b'.', a, b'\n', _) => (digit(a)? * 10, p + 2),
        (b'.', a, b, b'\n') => (digit(a)? * 10 + digit(b)?, p + 3),
        _ => return None,
    };
    let fen = i64::try_from(yuan * 100 + cents).ok()?;
    (fen > 0).then_some((fen, start + len as usize))
}

/// The fen of an amount read by the general reader alone, the one
/// [`crate::Money::parse_amount`] uses for what [`fast_fen`] does not read: the
/// reference the fast readers are held to.
pub fn general_fen(text: &str) -> Option<i64> {
    // As `parse_amount` without wording an error: bounded, then read.
    if crate::bounds::check_value_text("", text).is_err() {
        return None;
    }
    super::fen_of(text).ok().filter(|&fen| fen != 0)
}

/// Appends `fen` as yuan with two decimals to a text.
pub fn push_str(out: &mut String, fen: i64) {
    let (buf, i) = money_text(fen, false);
    out.push_str(as_str(&buf, i));
}

/// [`money_text`]'s text as a string.
pub fn as_str(buf: &[u8; TEXT_END + 16], start: usize) -> &str {
    // Only ASCII digits, '.', '-' and '\n' are written.
    std::str::from_utf8(buf.get(start..TEXT_END).unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of a fen count, written the plain way.
    fn reference(fen: i64) -> String {
        let abs = fen.unsigned_abs();
        let sign = if fen < 0 { "-" } else { "" };
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    #[test]
    fn money_text_matches_the_core() {
        let mut fens: Vec<i64> = (-2000..=2000).collect();
        fens.extend([
            MAX_AMOUNT_FEN,
            -MAX_AMOUNT_FEN,
            i64::MAX,
            i64::MIN,
            100_000,
            99_999,
            1_000_000_007,
            // Around the 32-bit yuan the writer switches at.
            429_496_729_599,
            429_496_729_600,
            -429_496_729_600,
            10_000_000_000_000,
            1_000_000_000_000_000_001,
        ]);
        for fen in fens {
            let mut out = Column::new(0);
            out.push(fen, false);
            assert_eq!(String::from_utf8(out.into_bytes()).unwrap(), reference(fen));
            // After a line already written, with its newline.
            let mut out = Column::new(0);
            out.push(7, false);
            out.push(fen, true);
            assert_eq!(
                String::from_utf8(out.into_bytes()).unwrap(),
                format!("0.07\n{}", reference(fen))
            );
        }
    }

    #[test]
    fn small_money_text_matches_the_core() {
        let mut fens: Vec<u32> = (0..3000).collect();
        for p in [
            1_000u32,
            10_000,
            100_000,
            1_000_000,
            10_000_000,
            100_000_000,
        ] {
            fens.extend([p - 1, p, p + 1]);
        }
        let mut x = 0x2545_f491u32;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            fens.push(x % 100_000_000);
        }
        for fen in fens {
            let expected = reference(i64::from(fen));
            for newline in [false, true] {
                let mut out = Column::new(0);
                out.push(-1_000_000_000_000, false);
                out.push(i64::from(fen), newline);
                let nl = if newline { "\n" } else { "" };
                assert_eq!(
                    String::from_utf8(out.into_bytes()).unwrap(),
                    format!("-10000000000.00{nl}{expected}")
                );
            }
        }
    }

    #[test]
    fn the_fast_reading_agrees_with_parse_amount() {
        let texts = [
            "0",
            "0.0",
            "0.00",
            "0.01",
            "0.1",
            "1",
            "1.",
            ".5",
            "01",
            "00.5",
            "0.5",
            "10",
            "10.5",
            "10.50",
            "10.500",
            "99999999.99",
            "100000000",
            "99999999",
            "123456789",
            "1e3",
            "+1",
            "-1",
            " 1",
            "1 ",
            "",
            "1.2.3",
            "1,000",
            "１",
            "12\r",
            "0001",
            "5.",
            "9.99",
        ];
        for t in texts {
            let core = general_fen(t);
            assert_eq!(fast_fen(t.as_bytes()), core, "{t:?}");
        }
        for fen in (1..200_000).step_by(7) {
            let t = reference(fen);
            assert_eq!(fast_fen(t.as_bytes()), Some(fen));
            let short = t.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(fast_fen(short.as_bytes()), Some(fen), "{short}");
        }
    }

    #[test]
    fn the_word_reading_agrees_with_the_byte_reading() {
        // Lines of every length up to fourteen from digits, dots and bytes
        // next to them in value, each followed by a newline and more text.
        let alphabet = [
            b"0", b"1", b"5", b"9", b".", b"/", b":", b"\n", b"-", b" ", b"\x80", b"\xe5",
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut agreed = 0;
        for _ in 0..200_000 {
            let len = next() % 15;
            let mut line: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next();
                    // Mostly digits, so well-formed amounts are common.
                    if r % 3 == 0 {
                        alphabet[(r / 3 % 12) as usize][0]
                    } else {
                        b'0' + (r / 3 % 10) as u8
                    }
                })
                .collect();
            if next() % 2 == 0 && len > 2 {
                let at = (next() % len) as usize;
                line[at] = b'.';
            }
            let tail = [b'7'; 20];
            let mut body = line.clone();
            body.push(b'\n');
            body.extend_from_slice(&tail[..(next() % 20) as usize]);
            let (fen, end) = byte_line(&body, 0);
            match swar_line(&body, 0) {
                Some(read) => {
                    assert_eq!(Some(read), fen.map(|f| (f, end)), "{line:?}");
                    agreed += 1;
                }
                // Only the rare shapes are left to the bytes: a line the
                // window cannot hold, or eight whole digits.
                None => assert!(
                    fen.is_none()
                        || body.len() < 16
                        || line.iter().take_while(|b| b.is_ascii_digit()).count() >= 8,
                    "{line:?}"
                ),
            }
        }
        assert!(agreed > 10_000, "{agreed}");
    }

    #[test]
    fn lines_and_their_count() {
        for t in ["", "\n", "1", "1\n", "1\n2", "1\n2\n", "\n\n", "1\n\n2"] {
            assert_eq!(lines(t).count(), line_count(t.as_bytes()), "{t:?}");
        }
        assert_eq!(lines("1\n2\n").collect::<Vec<_>>(), ["1", "2"]);
        assert_eq!(lines("\n").collect::<Vec<_>>(), [""]);
        // Every word position, and the bytes next to '\n' in value.
        let alphabet = [b'\n', 0x0b, 0x09, 0x8a, 0x00, 0xff, 0x80, b'1'];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for len in 0..70 {
            for _ in 0..40 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        alphabet[(x % 8) as usize]
                    })
                    .collect();
                let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
                let expected = if bytes.is_empty() {
                    0
                } else {
                    body.iter().filter(|&&b| b == b'\n').count() + 1
                };
                assert_eq!(line_count(&bytes), expected, "{bytes:?}");
            }
        }
    }
}
