//! `Engine.feeBatch` and `Engine.feeBatchText`: the batch's JavaScript
//! values read into `posfee_core::fee_batch`'s arguments, and its answer
//! written back as a plain object.
//!
//! The amounts cross as one text (encoded by the engine straight into wasm
//! memory), the per-payment instrument as a typed array or an array of
//! indexes, and the fees and nets come back as texts the engine decodes
//! (split into arrays for `feeBatch`).

use crate::convert::{internal, JsErr, JsResult};
use js_sys::{Array, JsString, Object, Reflect};
use posfee_core::read::InstrumentInput;
use posfee_core::{fee_batch as core_fee_batch, FeeBatch, Merchant, Money, Plan};
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
// The elements of a (copied) array of amounts as one text, each followed by
// '\n', with an empty line for any element that is not a string or holds a
// newline; and the index of the first such element (-1 for none).
export function posfeeJoin(list) {
  if (list.length === 0) return ['', -1];
  let bad = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'string' || v.indexOf('\n') >= 0) {
      bad = i;
      break;
    }
  }
  if (bad < 0) return [list.join('\n') + '\n', -1];
  const parts = list.map((v) => (typeof v === 'string' && v.indexOf('\n') < 0 ? v : ''));
  return [parts.join('\n') + '\n', bad];
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
    /// The amounts of an array as one text and the first element that is
    /// not a plain string without a newline (see the JavaScript above).
    #[wasm_bindgen(js_name = posfeeJoin)]
    fn join(list: &JsValue) -> Array;
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

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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

/// The instrument index as the core takes it: typed arrays as they are,
/// arrays of numbers with anything but a whole number from 0 to 2³²−2
/// as `u32::MAX` (out of range for every batch, refused by the core).
fn index_list(v: &JsValue) -> JsResult<Option<Vec<u32>>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    // Typed arrays are copied into wasm memory as they are, then widened.
    Ok(Some(if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        a.to_vec().into_iter().map(u32::from).collect()
    } else if let Some(a) = v.dyn_ref::<js_sys::Uint16Array>() {
        a.to_vec().into_iter().map(u32::from).collect()
    } else if let Some(a) = v.dyn_ref::<js_sys::Uint32Array>() {
        a.to_vec()
    } else if Array::is_array(v) {
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
    }))
}

/// Prices a batch read from `batch`: its amounts an array of strings
/// (`text` false) or one text of one amount per line (`text` true).
fn priced(plan: &Plan, merchant: &Merchant, batch: &JsValue, text: bool) -> JsResult<FeeBatch> {
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
    // An early refusal before a long text is encoded: it has at least as
    // many bytes as UTF-16 units.
    #[allow(clippy::cast_precision_loss)]
    if js_length(&amounts_v) > posfee_core::MAX_BATCH_TEXT as f64 {
        return Err(JsErr(posfee_core::bounds::too_long(
            "amounts",
            posfee_core::MAX_BATCH_TEXT,
            "bytes",
        )));
    }
    let (amounts, bad) = match (text, if text { utf8(&amounts_v) } else { None }) {
        (true, Some(t)) => (t, None),
        (false, _) if Array::is_array(&amounts_v) => {
            let joined = join(&amounts_v);
            let bad = joined
                .get(1)
                .as_f64()
                .and_then(|b| usize::try_from(b as i64).ok());
            let t = utf8(&joined.get(0)).ok_or_else(|| internal("amounts text"))?;
            (t, bad)
        }
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
    let amounts = String::from_utf8(amounts).map_err(|_| internal("amounts text"))?;
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
    let mut instruments: Vec<InstrumentInput> = Vec::with_capacity(instruments_a.length() as usize);
    for (k, v) in instruments_a.iter().enumerate() {
        instruments.push(crate::read_input(&v, &format!("instruments[{k}]"))?);
    }
    let index = index_list(&get(batch, "instrumentIndex"))?;
    match core_fee_batch(plan, merchant, &amounts, &instruments, index.as_deref()) {
        Ok(b) => Ok(b),
        // The empty line standing for an element that is not a plain string
        // is that element's own error.
        Err(e) if bad.is_some_and(|i| e.field() == format!("amounts[{i}]")) => {
            let arr: Array = amounts_v.unchecked_into();
            Err(amount_error(&arr, bad.unwrap_or_default()))
        }
        Err(e) => Err(JsErr::from(e)),
    }
}

/// The answer object: `fees` and `nets` as given, the totals as strings.
fn answer(b: &FeeBatch, fees: JsValue, nets: JsValue) -> JsValue {
    let result = Object::new();
    let money = |m: Money| JsValue::from_str(&m.to_string());
    #[allow(clippy::cast_precision_loss)]
    for (k, v) in [
        ("fees", fees),
        ("nets", nets),
        ("totalAmount", money(b.total_amount)),
        ("totalFee", money(b.total_fee)),
        ("totalNet", money(b.total_net)),
        ("count", JsValue::from_f64(b.count as f64)),
    ] {
        let _ = Reflect::set(&result, &JsValue::from_str(k), &v);
    }
    result.into()
}

/// Prices a batch given as arrays; see [`crate::Engine::fee_batch`].
pub fn fee_batch(plan: &Plan, merchant: &Merchant, batch: &JsValue) -> JsResult<JsValue> {
    let b = priced(plan, merchant, batch, false)?;
    let split = |s: &str| -> JsValue {
        if b.count == 0 {
            Array::new().into()
        } else {
            js_text(s.as_bytes()).split("\n").into()
        }
    };
    Ok(answer(&b, split(&b.fees), split(&b.nets)))
}

/// Prices a batch whose amounts are one text, one amount per line; the fees
/// and nets come back the same way. See [`crate::Engine::fee_batch_text`].
pub fn fee_batch_text(plan: &Plan, merchant: &Merchant, batch: &JsValue) -> JsResult<JsValue> {
    let b = priced(plan, merchant, batch, true)?;
    let (fees, nets) = (js_text(b.fees.as_bytes()), js_text(b.nets.as_bytes()));
    Ok(answer(&b, fees.into(), nets.into()))
}
