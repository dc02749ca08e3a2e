//! `Engine.feeBatch`: the fees of a statement's payments in one call.
//!
//! The amounts cross the boundary as one JSON text (one `JSON.stringify`,
//! which keeps each element's type so a number is still refused as money),
//! the per-payment instrument as a typed array of indexes into a short list
//! of instruments, and the fees come back as one string split by the engine.
//! The fees are the core's `FeeTable` (integer fen arithmetic, proven equal
//! to `fee`).

use crate::convert::{internal, JsErr, JsResult};
use js_sys::{Array, JsString, Object, Reflect};
use posfee_core::read::InstrumentInput;
use posfee_core::{
    Error, ErrorCode, FeeTable, Instrument, InstrumentFees, Merchant, Money, PaymentInput, Plan,
    Reason, MAX_AMOUNT_FEN,
};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen(inline_js = r#"
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
export function posfeeLength(v) {
  return typeof v === 'string' ? v.length : -1;
}
export function posfeeEncodeInto(v, from, bytes) {
  const r = ENCODER.encodeInto(from === 0 ? v : v.substring(from), bytes);
  return [r.read, r.written];
}
export function posfeeNumbers(list) {
  return Float64Array.from(list, (v) => (typeof v === 'number' ? v : NaN));
}
export function posfeeText(bytes) {
  return DECODER.decode(bytes);
}
// The batch's own members as a fresh plain object, arrays copied (reading
// them later runs no code of the caller's), typed arrays kept, any other
// object replaced by {} (refused as a wrong type); a key that is not a
// member's name comes back as itself, a batch that is not a plain object
// as null.
export function posfeeBatchArgs(batch) {
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) return null;
  const out = {};
  const keys = Object.keys(batch);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== 'amounts' && k !== 'instruments' && k !== 'instrumentIndex') return k;
    let v = batch[k];
    if (Array.isArray(v)) v = Array.prototype.slice.call(v);
    else if (typeof v === 'object' && v !== null && !ArrayBuffer.isView(v)) v = {};
    out[k] = v;
  }
  return out;
}
"#)]
extern "C" {
    /// An array's elements as numbers; anything but a number becomes NaN.
    #[wasm_bindgen(catch, js_name = posfeeNumbers)]
    fn numbers(list: &JsValue) -> Result<Vec<f64>, JsValue>;
    /// The batch argument's own members, copied (see the JavaScript above).
    #[wasm_bindgen(catch, js_name = posfeeBatchArgs)]
    fn batch_args(batch: &JsValue) -> Result<JsValue, JsValue>;
    /// A string's length in UTF-16 units (-1 for anything else).
    #[wasm_bindgen(js_name = posfeeLength)]
    pub(crate) fn js_length(v: &JsValue) -> f64;
    /// Encodes the string from UTF-16 unit `from` on as UTF-8 straight into
    /// `bytes` (wasm memory), as far as it fits: `[units read, bytes written]`.
    #[wasm_bindgen(js_name = posfeeEncodeInto)]
    fn encode_into(v: &JsValue, from: u32, bytes: &mut [u8]) -> Vec<u32>;
    /// The string of UTF-8 bytes, decoded by the engine straight from wasm
    /// memory (the batch writes only ASCII).
    #[wasm_bindgen(js_name = posfeeText)]
    fn js_text(bytes: &[u8]) -> JsString;
}

fn instrument(v: &JsValue, prefix: &str) -> JsResult<Instrument> {
    let i: InstrumentInput = crate::read_input(v, prefix)?;
    let p = PaymentInput {
        // Any valid amount: only the instrument is validated here.
        amount: Some("1.00".into()),
        method: i.method,
        card_kind: i.card_kind,
        card_medium: i.card_medium,
        magstripe_verified: i.magstripe_verified,
        wallet: i.wallet,
        large_mode: i.large_mode,
        time: None,
    };
    Ok(p.to_charge(prefix).map_err(JsErr::from)?.instrument)
}

/// A string's UTF-8 bytes, encoded by the engine straight into wasm memory
/// (`None` for anything else); faster than passing a long text as `&str`.
fn utf8(v: &JsValue) -> Option<Vec<u8>> {
    let units = js_length(v);
    if units.is_nan() || units < 0.0 {
        return None;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let units = units as usize;
    // One byte per unit for ASCII; what does not fit is encoded after the
    // buffer grows to the worst case, three bytes per remaining unit, so a
    // second call always finishes.
    let mut bytes = vec![0u8; units];
    let (mut read, mut written) = (0usize, 0usize);
    for _ in 0..2 {
        let from = u32::try_from(read).ok()?;
        let r = encode_into(v, from, bytes.get_mut(written..)?);
        read += *r.first()? as usize;
        written += *r.get(1)? as usize;
        if read >= units {
            bytes.truncate(written);
            return Some(bytes);
        }
        bytes.resize(written + (units - read) * 3, 0);
    }
    None
}

fn field_error(field: &str, reason: Reason, zh: String, en: String) -> JsErr {
    JsErr(Error::new(ErrorCode::InvalidField, field, reason, zh, en))
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// "00", "01", … "99": two digits at a time.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// A text column being written, one amount per line: whole words are
/// stored and the length moved by the text's own, so no write copies a
/// variable number of bytes.
struct Column {
    buf: Vec<u8>,
    len: usize,
}

impl Column {
    /// A column with room for about `bytes` bytes (it grows as needed).
    fn new(bytes: usize) -> Column {
        Column {
            buf: vec![0; bytes + 16],
            len: 0,
        }
    }

    /// Appends `fen` as yuan with two decimals, after a newline if
    /// `newline`.
    #[inline(always)]
    fn push(&mut self, fen: i64, newline: bool) {
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
    fn into_bytes(mut self) -> Vec<u8> {
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

/// Appends `fen` as yuan with two decimals to a text.
pub fn push_money_str(out: &mut String, fen: i64) {
    let (buf, i) = money_text(fen, false);
    // Only ASCII digits, '.', '-' and '\n' are written.
    out.push_str(std::str::from_utf8(buf.get(i..TEXT_END).unwrap_or_default()).unwrap_or_default());
}

/// Where [`money_text`]'s text ends in its buffer.
const TEXT_END: usize = 24;

/// The text of `fen` as yuan with two decimals (after a newline if
/// `newline`): the bytes from the returned index to [`TEXT_END`].
#[inline(always)]
fn money_text(fen: i64, newline: bool) -> ([u8; TEXT_END + 16], usize) {
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
fn fast_fen(line: &[u8]) -> Option<i64> {
    // The whole element must be the one line (it may hold a newline).
    match byte_line(line, 0) {
        (Some(fen), end) if end == line.len() => Some(fen),
        _ => None,
    }
}

/// The amount at `i` as its own element, for an exact error.
fn amount_error(amounts: &Array, i: usize) -> JsErr {
    let field = format!("amounts[{i}]");
    let v = amounts.get(u32::try_from(i).unwrap_or(u32::MAX));
    match v.as_string() {
        Some(s) => match Money::parse_amount(&field, &s) {
            Err(e) => JsErr(e),
            Ok(_) => internal("amount"),
        },
        None => {
            // The core's error for an amount that is absent or not a string,
            // named by its place in the batch.
            JsErr(if v.is_null() || v.is_undefined() {
                posfee_core::read::amount_missing(&field)
            } else {
                posfee_core::read::amount_not_a_string(&field)
            })
        }
    }
}

fn index_list(v: &JsValue, n: usize, kinds: usize) -> JsResult<Option<Vec<u32>>> {
    if v.is_undefined() || v.is_null() {
        if kinds != 1 && n > 0 {
            return Err(field_error(
                "instrumentIndex",
                Reason::Missing,
                "instrumentIndex：有多个支付工具时必须给出每笔支付的工具序号".into(),
                "instrumentIndex: required when more than one instrument is given".into(),
            ));
        }
        return Ok(None);
    }
    let out_of_range = |i: usize| {
        let field = format!("instrumentIndex[{i}]");
        Err(field_error(
            &field,
            Reason::OutOfRange,
            format!("{field}：须为 0 至 {} 的整数", kinds.saturating_sub(1)),
            format!(
                "{field}: must be an integer from 0 to {}",
                kinds.saturating_sub(1)
            ),
        ))
    };
    // Typed arrays are copied into wasm memory as they are, then widened.
    let list: Vec<u32> = if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        a.to_vec().into_iter().map(u32::from).collect()
    } else if let Some(a) = v.dyn_ref::<js_sys::Uint16Array>() {
        a.to_vec().into_iter().map(u32::from).collect()
    } else if let Some(a) = v.dyn_ref::<js_sys::Uint32Array>() {
        a.to_vec()
    } else if Array::is_array(v) {
        // Non-numbers become NaN; they and fractions become u32::MAX, which
        // no list of instruments reaches, and are refused below.
        numbers(v)
            .map_err(|e| crate::convert::unreadable("instrumentIndex", e))?
            .into_iter()
            .map(|x| {
                if x.fract() == 0.0 && (0.0..4_294_967_295.0).contains(&x) {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let k = x as u32;
                    k
                } else {
                    u32::MAX
                }
            })
            .collect()
    } else {
        return Err(JsErr(posfee_core::read::wrong_kind(
            "instrumentIndex",
            &crate::convert::what(v),
            "数组或 Uint8Array、Uint16Array、Uint32Array",
            "an array or a Uint8Array, Uint16Array or Uint32Array",
        )));
    };
    if list.len() != n {
        return Err(field_error(
            "instrumentIndex",
            Reason::OutOfRange,
            format!(
                "instrumentIndex：长度 {} 与 amounts 的 {n} 不一致",
                list.len()
            ),
            format!(
                "instrumentIndex: has {} elements, amounts has {n}",
                list.len()
            ),
        ));
    }
    if let Some(i) = list
        .iter()
        .position(|&k| k as usize >= kinds || k == u32::MAX)
    {
        return out_of_range(i);
    }
    Ok(Some(list))
}

/// The amounts column: a JavaScript array of strings, or one text with one
/// amount per line.
enum Amounts {
    Array(Array),
    Text(Vec<u8>),
}

/// A batch's fees and nets, each a text of one amount per line.
struct Priced {
    fees: Vec<u8>,
    nets: Vec<u8>,
    total_amount: i64,
    total_fee: i64,
    n: usize,
}

/// A batch's checked parts.
struct Validated {
    amounts: Amounts,
    instruments: Vec<Instrument>,
    index: Option<Vec<u32>>,
    table: FeeTable,
    n: usize,
}

fn validated(plan: &Plan, merchant: &Merchant, batch: &JsValue, text: bool) -> JsResult<Validated> {
    let safe = batch_args(batch).map_err(|e| crate::convert::unreadable("", e))?;
    if safe.is_null() {
        return Err(JsErr(posfee_core::read::wrong_kind(
            "",
            &posfee_core::read::Value::Null,
            "含 amounts 与 instruments 的对象",
            "an object with amounts and instruments",
        )));
    }
    if let Some(key) = safe.as_string() {
        return Err(JsErr(posfee_core::read::unknown_field(
            &key,
            &["amounts", "instruments", "instrument_index"],
            posfee_core::read::Naming::Camel,
        )));
    }
    let batch = &safe;
    let amounts_v = get(batch, "amounts");
    // A text of MAX_BATCH amounts of 16 characters each at most.
    let text_limit = posfee_core::bounds::MAX_BATCH * 16;
    #[allow(clippy::cast_precision_loss)]
    if text && js_length(&amounts_v) > text_limit as f64 {
        return Err(JsErr(posfee_core::bounds::too_long(
            "amounts",
            text_limit,
            "characters",
        )));
    }
    let amounts = match (text, if text { utf8(&amounts_v) } else { None }) {
        (true, Some(t)) => Amounts::Text(t),
        (false, _) if Array::is_array(&amounts_v) => Amounts::Array(amounts_v.unchecked_into()),
        _ => {
            let what = crate::convert::what(&amounts_v);
            return Err(JsErr(if amounts_v.is_undefined() {
                posfee_core::read::missing("amounts")
            } else if text {
                posfee_core::read::wrong_kind(
                    "amounts",
                    &what,
                    "每行一个金额的文本",
                    "a text of decimal strings, one per line",
                )
            } else {
                posfee_core::read::wrong_kind(
                    "amounts",
                    &what,
                    "金额字符串数组",
                    "an array of decimal strings",
                )
            }));
        }
    };
    let n = match &amounts {
        Amounts::Array(a) => a.length() as usize,
        Amounts::Text(t) => line_count(t),
    };
    if n > posfee_core::bounds::MAX_BATCH {
        return Err(JsErr(posfee_core::bounds::too_many(
            "amounts",
            posfee_core::bounds::MAX_BATCH,
        )));
    }
    let instruments_v = get(batch, "instruments");
    if !Array::is_array(&instruments_v) {
        return Err(JsErr(if instruments_v.is_undefined() {
            posfee_core::read::missing("instruments")
        } else {
            posfee_core::read::wrong_kind(
                "instruments",
                &crate::convert::what(&instruments_v),
                "支付方式数组",
                "an array of instruments",
            )
        }));
    }
    let instruments_a: Array = instruments_v.unchecked_into();
    let mut instruments = Vec::with_capacity(instruments_a.length() as usize);
    for (k, v) in instruments_a.iter().enumerate() {
        instruments.push(instrument(&v, &format!("instruments[{k}]"))?);
    }
    if instruments.is_empty() && n > 0 {
        return Err(field_error(
            "instruments",
            Reason::Missing,
            "instruments：至少需要一个支付工具".into(),
            "instruments: at least one instrument is needed".into(),
        ));
    }
    let index = index_list(&get(batch, "instrumentIndex"), n, instruments.len())?;
    let table = FeeTable::new(plan, merchant).map_err(JsErr::from)?;
    Ok(Validated {
        amounts,
        instruments,
        index,
        table,
        n,
    })
}

/// The lines of an amounts text (one trailing newline allowed; none for "").
#[cfg(test)]
fn lines(t: &str) -> impl Iterator<Item = &str> {
    let body = t.strip_suffix('\n').unwrap_or(t);
    let skip = usize::from(t.is_empty());
    // '\n' is ASCII, so every piece is a whole string.
    body.split('\n').skip(skip)
}

/// How many lines [`lines`] gives.
fn line_count(t: &[u8]) -> usize {
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

fn price<'a>(
    table: &FeeTable,
    instruments: &[Instrument],
    index: Option<&[u32]>,
    hint: usize,
    amounts: impl Iterator<Item = JsResult<&'a str>>,
) -> JsResult<Priced> {
    let lo = hint;
    let mut fees = Column::new(lo * 6);
    let mut nets = Column::new(lo * 10);
    let (mut total_amount, mut total_fee) = (0i64, 0i64);
    // Each instrument's rules, looked up once.
    let by_instrument: Vec<InstrumentFees> =
        instruments.iter().map(|&i| table.instrument(i)).collect();
    let first = by_instrument.first().copied();
    let mut n = 0usize;
    for (i, amount) in amounts.enumerate() {
        let amount = amount?;
        let fen = match fast_fen(amount.as_bytes()) {
            Some(fen) => fen,
            None => match Money::parse_amount(&format!("amounts[{i}]"), amount) {
                Ok(m) => m.fen(),
                Err(e) => return Err(JsErr(e)),
            },
        };
        let inst = match index {
            None => first,
            Some(ix) => ix
                .get(i)
                .and_then(|&k| by_instrument.get(k as usize))
                .copied(),
        }
        .ok_or_else(|| internal("instrument index"))?;
        let fee = inst.fee_fen(fen).ok_or_else(|| no_fee_rule(i))?;
        fees.push(fee, i > 0);
        nets.push(fen - fee, i > 0);
        total_amount = total_amount.checked_add(fen).ok_or_else(overflow)?;
        total_fee = total_fee.checked_add(fee).ok_or_else(overflow)?;
        n += 1;
    }
    Ok(Priced {
        fees: fees.into_bytes(),
        nets: nets.into_bytes(),
        total_amount,
        total_fee,
        n,
    })
}

/// Reads the amount line starting at `start` byte by byte: its fen if it is
/// well formed (the grammar of [`fast_fen`]), and where it ends.
#[inline(always)]
fn byte_line(body: &[u8], start: usize) -> (Option<i64>, usize) {
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
fn swar_line(body: &[u8], start: usize) -> Option<(i64, usize)> {
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

/// Prices an amounts text in one pass: each line is found and its amount
/// read byte by byte on the way (the grammar of [`fast_fen`]); a line that
/// does not read gets `Money::parse_amount`'s exact error.
fn price_text(
    table: &FeeTable,
    instruments: &[Instrument],
    index: Option<&[u32]>,
    text: &[u8],
    n: usize,
) -> JsResult<Priced> {
    let body = text.strip_suffix(b"\n").unwrap_or(text);
    // Fees are short; a net is about as long as its amount.
    let mut fees = Column::new(n * 6);
    let mut nets = Column::new(text.len() + n);
    let (mut total_amount, mut total_fee) = (0i64, 0i64);
    // Each instrument's rules, looked up once.
    let by_instrument: Vec<InstrumentFees> =
        instruments.iter().map(|&i| table.instrument(i)).collect();
    let first = by_instrument.first().copied();
    let mut start = 0usize;
    for i in 0..n {
        let (fen, end) = match swar_line(body, start) {
            Some(read) => read,
            None => {
                let (fen, end) = byte_line(body, start);
                match fen {
                    Some(fen) => (fen, end),
                    None => {
                        let line = body.get(start..end).unwrap_or_default();
                        let line = std::str::from_utf8(line).map_err(|_| internal("utf-8"))?;
                        let fen = Money::parse_amount(&format!("amounts[{i}]"), line)
                            .map_err(JsErr)?
                            .fen();
                        (fen, end)
                    }
                }
            }
        };
        start = end + 1;
        let inst = match index {
            None => first,
            Some(ix) => ix
                .get(i)
                .and_then(|&k| by_instrument.get(k as usize))
                .copied(),
        }
        .ok_or_else(|| internal("instrument index"))?;
        let fee = inst.fee_fen(fen).ok_or_else(|| no_fee_rule(i))?;
        fees.push(fee, i > 0);
        nets.push(fen - fee, i > 0);
        total_amount = total_amount.checked_add(fen).ok_or_else(overflow)?;
        total_fee = total_fee.checked_add(fee).ok_or_else(overflow)?;
    }
    Ok(Priced {
        fees: fees.into_bytes(),
        nets: nets.into_bytes(),
        total_amount,
        total_fee,
        n,
    })
}

fn no_fee_rule(i: usize) -> JsErr {
    let field = format!("amounts[{i}]");
    JsErr(Error::new(
        ErrorCode::NoFeeRule,
        field.clone(),
        Reason::NoMatchingRule,
        format!("{field}：没有适用于该支付的费率规则"),
        format!("{field}: no fee rule applies to this payment"),
    ))
}

/// The amounts of a JSON array text `["12.50","3.00",…]` (one crossing, types
/// kept); any element that is not a plain string gets its exact error.
fn array_amounts<'a>(
    text: &'a str,
    arr: &'a Array,
) -> impl Iterator<Item = JsResult<&'a str>> + 'a {
    let bytes = text.as_bytes();
    let n = arr.length() as usize;
    let mut pos = 1usize; // after '['
    (0..n).map(move |i| {
        if i > 0 {
            pos += 1; // ','
        }
        if bytes.get(pos) != Some(&b'"') {
            return Err(amount_error(arr, i));
        }
        let start = pos + 1;
        let len = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'));
        match len {
            Some(l) if bytes.get(start + l) == Some(&b'"') => {
                pos = start + l + 1;
                Ok(text.get(start..start + l).unwrap_or_default())
            }
            _ => Err(amount_error(arr, i)),
        }
    })
}

fn totals(result: &Object, p: &Priced) -> JsResult<()> {
    let total_net = p
        .total_amount
        .checked_sub(p.total_fee)
        .ok_or_else(overflow)?;
    let money = |fen: i64| JsValue::from_str(&Money::from_fen(fen).to_string());
    for (k, v) in [
        ("totalAmount", money(p.total_amount)),
        ("totalFee", money(p.total_fee)),
        ("totalNet", money(total_net)),
        ("count", JsValue::from_f64(p.n as f64)),
    ] {
        let _ = Reflect::set(result, &JsValue::from_str(k), &v);
    }
    Ok(())
}

/// Prices a batch given as arrays; see [`crate::Engine::fee_batch`].
pub fn fee_batch(plan: &Plan, merchant: &Merchant, batch: &JsValue) -> JsResult<JsValue> {
    let v = validated(plan, merchant, batch, false)?;
    let Amounts::Array(arr) = v.amounts else {
        return Err(internal("amounts"));
    };
    let text = js_sys::JSON::stringify(&arr)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| internal("JSON.stringify"))?;
    let p = price(
        &v.table,
        &v.instruments,
        v.index.as_deref(),
        v.n,
        array_amounts(&text, &arr),
    )?;
    let split = |s: &[u8]| -> JsValue {
        if p.n == 0 {
            Array::new().into()
        } else {
            js_text(s).split("\n").into()
        }
    };
    let result = Object::new();
    let _ = Reflect::set(&result, &"fees".into(), &split(&p.fees));
    let _ = Reflect::set(&result, &"nets".into(), &split(&p.nets));
    totals(&result, &p)?;
    Ok(result.into())
}

/// Prices a batch whose amounts are one text, one amount per line; the fees
/// and nets come back the same way. See [`crate::Engine::fee_batch_text`].
pub fn fee_batch_text(plan: &Plan, merchant: &Merchant, batch: &JsValue) -> JsResult<JsValue> {
    let v = validated(plan, merchant, batch, true)?;
    let Amounts::Text(text) = v.amounts else {
        return Err(internal("amounts"));
    };
    let p = price_text(&v.table, &v.instruments, v.index.as_deref(), &text, v.n)?;
    let result = Object::new();
    let _ = Reflect::set(&result, &"fees".into(), &js_text(&p.fees));
    let _ = Reflect::set(&result, &"nets".into(), &js_text(&p.nets));
    totals(&result, &p)?;
    Ok(result.into())
}

fn overflow() -> JsErr {
    JsErr(Error::new(
        ErrorCode::Overflow,
        "amounts",
        Reason::Overflow,
        "amounts：金额合计超出可计算范围",
        "amounts: the sum is beyond the range money arithmetic holds",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(
                String::from_utf8(out.into_bytes()).unwrap(),
                Money::from_fen(fen).to_string()
            );
            // After a line already written, with its newline.
            let mut out = Column::new(0);
            out.push(7, false);
            out.push(fen, true);
            assert_eq!(
                String::from_utf8(out.into_bytes()).unwrap(),
                format!("0.07\n{}", Money::from_fen(fen))
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
            let expected = Money::from_fen(i64::from(fen)).to_string();
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
            let core = Money::parse_amount("a", t).ok().map(Money::fen);
            assert_eq!(fast_fen(t.as_bytes()), core, "{t:?}");
        }
        for fen in (1..200_000).step_by(7) {
            let t = Money::from_fen(fen).to_string();
            assert_eq!(fast_fen(t.as_bytes()), Some(fen));
            let short = t.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(fast_fen(short.as_bytes()), Some(fen), "{short}");
        }
    }

    #[test]
    fn one_pass_text_pricing_equals_line_by_line_pricing() {
        use posfee_core::{
            CardKind, CardMedium, CreditRate, MerchantTier, Verification, Wallet, Wallets,
        };
        let plan = Plan::upos().unwrap();
        let m = Merchant {
            tier: MerchantTier::Premium,
            verification: Verification::FaceAndCard,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: true,
        };
        let table = FeeTable::new(&plan, &m).unwrap();
        let instruments = [
            Instrument::Card {
                kind: CardKind::Debit,
                medium: CardMedium::Chip,
                magstripe_verified: false,
            },
            Instrument::Qr {
                wallet: Wallet::Wechat,
                large_mode: false,
            },
        ];
        let outcome = |r: JsResult<Priced>| match r {
            Ok(p) => Ok((p.fees, p.nets, p.total_amount, p.total_fee, p.n)),
            Err(JsErr(e)) => Err((e.code(), e.field().to_string(), e.reason().to_string())),
        };
        let mut texts: Vec<String> = [
            "",
            "\n",
            "1",
            "1\n",
            "12.5\n3000\n0.01",
            "5000.00\n5001.00\n99999999.99",
            "1\n\n2",
            "01",
            "0",
            "1.",
            ".5",
            "1.001",
            "+1",
            "1e3",
            "１",
            "12\r",
            "100000000",
            "7\n8\nx",
            "0.00",
            "9.99\n10",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.push(
            (1..3000)
                .map(|k| Money::from_fen(k * 977).to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for t in &texts {
            let n = line_count(t.as_bytes());
            let index: Vec<u32> = (0..n).map(|i| u32::try_from(i % 2).unwrap()).collect();
            let one = price_text(&table, &instruments, Some(&index), t.as_bytes(), n);
            let each = price(&table, &instruments, Some(&index), n, lines(t).map(Ok));
            assert_eq!(outcome(one), outcome(each), "{t:?}");
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
