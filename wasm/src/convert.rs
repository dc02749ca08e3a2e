//! The boundary: JavaScript values in camelCase to the core's snake_case
//! input shapes, core answers to camelCase JSON, core errors to the
//! exported `PosfeeError` class.

use js_sys::{Array, Object, Reflect};
use posfee_core::read::{Naming, ReadInput, Value, DATA_MAPS};
use posfee_core::{Error, ErrorCode};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
// MAX_DEPTH in posfee-core's bounds.rs: the outermost value is level 1.
const MAX_DEPTH = 64;
const WELL_FORMED = typeof ''.isWellFormed === 'function';
const isPlainObject = (v) => {
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof v.toJSON !== 'function';
};
// What an object that is not plain data is called in an error.
function kind(v) {
  if (v instanceof Map) return 'a Map';
  if (v instanceof Set) return 'a Set';
  if (v instanceof Date) return 'a Date';
  if (typeof v.toJSON === 'function') return 'an object with toJSON';
  const proto = Object.getPrototypeOf(v);
  const name = proto && typeof proto.constructor === 'function' ? proto.constructor.name : '';
  return typeof name === 'string' && /^[A-Za-z_$][\w$]{0,40}$/.test(name) ? 'an instance of ' + name : 'an object that is not plain';
}
function mark(key, value) {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : { '\u0000': String(value) };
    case 'string':
      // A value whose toJSON gave a string (a Date, a Decimal) is not a string.
      if (typeof this[key] !== 'string') return { '\u0000': kind(this[key]) };
      return !WELL_FORMED || value.isWellFormed() ? value : { '\u0000': 'a string with a lone surrogate' };
    case 'bigint':
    case 'function':
    case 'symbol':
      return { '\u0000': typeof value };
    case 'object': {
      // Only plain objects and arrays are data: a Map, a class instance or
      // an object with toJSON is refused, never read as its JSON.
      const given = this[key];
      if (value !== null && !Array.isArray(value) && (given !== value || !isPlainObject(value))) {
        return { '\u0000': typeof given === 'object' && given !== null ? kind(given) : 'object' };
      }
      return value;
    }
    default:
      return value;
  }
}
// The path (in the caller's keys) of the first value nested deeper than
// MAX_DEPTH, or null; own enumerable keys only, as JSON.stringify reads.
function tooDeep(value, depth, path) {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_DEPTH) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = tooDeep(value[i], depth + 1, path + '[' + i + ']');
      if (p !== null) return p;
    }
    return null;
  }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const p = tooDeep(value[k], depth + 1, path === '' ? k : path + '.' + k);
    if (p !== null) return p;
  }
  return null;
}
// JSON text of an input, what JSON cannot say marked {"\0": what}; or
// "\0" and the path of a value nested too deep.
export function posfeeDataJson(value) {
  const deep = tooDeep(value, 1, '');
  return deep !== null ? '\u0000' + deep : JSON.stringify(value);
}
export function posfeeStringify(value) {
  const deep = tooDeep(value, 1, '');
  if (deep !== null) return '\u0000' + deep;
  return JSON.stringify(value, mark);
}
"#)]
extern "C" {
    /// JSON text of an input; what JSON cannot say is marked `{"\0": what}`;
    /// `"\0path"` for a value nested deeper than the bound.
    #[wasm_bindgen(catch, js_name = posfeeStringify)]
    fn stringify(value: &JsValue) -> std::result::Result<Option<String>, JsValue>;

    /// `JSON.stringify` of a plan or calendar object after its depth is
    /// checked (`"\0path"` for a value nested too deep).
    #[wasm_bindgen(catch, js_name = posfeeDataJson)]
    fn data_json(value: &JsValue) -> std::result::Result<Option<String>, JsValue>;
}

/// A core error's field path in JavaScript's spelling: input errors name the
/// caller's (camelCase) keys; plan and calendar paths stay the file's.
pub fn js_field(code: ErrorCode, field: &str) -> String {
    if !matches!(
        code,
        ErrorCode::InvalidAmount | ErrorCode::InvalidTime | ErrorCode::InvalidField
    ) {
        return field.to_string();
    }
    let mut out = String::with_capacity(field.len());
    let mut data_map = false;
    for (i, seg) in field.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        let (name, rest) = seg.split_at(seg.find('[').unwrap_or(seg.len()));
        if data_map {
            out.push_str(name);
        } else {
            out.push_str(&Naming::Camel.name(name));
        }
        out.push_str(rest);
        data_map = DATA_MAPS.contains(&name) && rest.is_empty();
    }
    out
}

/// An error whose field is already in JavaScript's spelling.
#[derive(Debug)]
pub struct JsErr(pub Error);

impl From<Error> for JsErr {
    fn from(e: Error) -> JsErr {
        let field = js_field(e.code(), e.field());
        if field == e.field() {
            return JsErr(e);
        }
        JsErr(e.renamed(field))
    }
}

thread_local! {
    static ERROR_CLASS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Registers the JavaScript error class (done once by the package entry).
pub fn set_error_class(f: js_sys::Function) {
    ERROR_CLASS.with(|c| *c.borrow_mut() = Some(f));
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Reflect.set on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

impl From<JsErr> for JsValue {
    fn from(JsErr(e): JsErr) -> JsValue {
        let data = Object::new();
        set(&data, "code", &JsValue::from_str(e.code().as_str()));
        set(&data, "field", &JsValue::from_str(e.field()));
        set(&data, "reason", &JsValue::from_str(e.reason().as_str()));
        let year = e
            .year()
            .map_or(JsValue::NULL, |y| JsValue::from_f64(f64::from(y)));
        set(&data, "year", &year);
        set(&data, "messageZh", &JsValue::from_str(e.message_zh()));
        set(&data, "messageEn", &JsValue::from_str(e.message_en()));
        if let Some(cause) = CAUSE.with(|c| c.borrow_mut().take()) {
            if e.reason() == "unreadable" {
                set(&data, "cause", &cause);
            }
        }
        let class = ERROR_CLASS.with(|c| c.borrow().clone());
        if let Some(class) = class {
            if let Ok(err) = Reflect::construct(&class, &Array::of1(&data)) {
                return err;
            }
        }
        let err = js_sys::Error::new(e.message_en());
        err.set_name("PosfeeError");
        for key in ["code", "field", "reason", "year", "messageZh", "messageEn"] {
            if let Ok(v) = Reflect::get(&data, &JsValue::from_str(key)) {
                set(&err, key, &v);
            }
        }
        err.into()
    }
}

/// The result of every entry point.
pub type JsResult<T> = std::result::Result<T, JsErr>;

/// A JavaScript value as the core's input tree.
///
/// The value crosses the boundary once, as JSON text written by
/// `posfeeStringify` (own enumerable keys only, depth checked first). What
/// JSON cannot say is marked there and becomes a [`Value::Foreign`] that the
/// core refuses at its path: NaN, ±Infinity, BigInt, functions, symbols,
/// Maps, Dates, class instances, lone surrogates. `undefined` members are
/// absent; `undefined` itself is null.
pub fn tree(v: &JsValue, prefix: &str) -> JsResult<Value> {
    match careful_text(v, prefix)? {
        Some(text) => Value::from_json_text(&text)
            .map(unmark)
            .ok_or_else(|| internal("JSON")),
        None => Ok(Value::Null),
    }
}

/// The marks of `posfeeStringify` (`{"\0": what}`) as foreign values.
fn unmark(v: Value) -> Value {
    match v {
        Value::Map(members) => {
            if let [(k, Value::Text(what))] = members.as_slice() {
                if k == "\u{0}" {
                    return Value::Foreign(match what.as_str() {
                        w @ ("NaN" | "Infinity" | "-Infinity") => format!("the number {w}"),
                        other => other.to_string(),
                    });
                }
            }
            Value::Map(members.into_iter().map(|(k, x)| (k, unmark(x))).collect())
        }
        Value::List(items) => Value::List(items.into_iter().map(unmark).collect()),
        other => other,
    }
}

/// Reads a JavaScript input with the core's reader, in camelCase: its
/// errors already name the caller's keys.
pub fn read<T: ReadInput>(v: &JsValue, prefix: &str) -> JsResult<T> {
    read_tree(&tree(v, prefix)?, prefix)
}

/// [`read`] of a tree already built (an element of a list).
pub fn read_tree<T: ReadInput>(v: &Value, prefix: &str) -> JsResult<T> {
    posfee_core::read::read(v, prefix, Naming::Camel).map_err(JsErr)
}

/// The elements of a JavaScript list input (`payments`, `lines`).
pub fn list(v: &JsValue, field: &str) -> JsResult<Vec<Value>> {
    match tree(v, field)? {
        Value::List(items) => Ok(items),
        other => Err(JsErr(posfee_core::read::not_a_list(field, &other))),
    }
}

/// What a JavaScript argument is, for a wrong-type error.
pub fn what(v: &JsValue) -> Value {
    if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if v.as_f64().is_some() {
        // JavaScript's own text of the number: no float formatting in wasm.
        let text =
            wasm_bindgen::JsCast::unchecked_ref::<js_sys::Number>(v).to_string_with_radix(10);
        Value::Number(text.ok().and_then(|t| t.as_string()).unwrap_or_default())
    } else if v.is_null() {
        Value::Null
    } else if v.is_object() {
        Value::Foreign(
            if js_sys::Array::is_array(v) {
                "a list"
            } else {
                "an object"
            }
            .into(),
        )
    } else {
        Value::Foreign(v.js_typeof().as_string().unwrap_or_default())
    }
}

/// The careful JSON text of a value (`None` for `undefined`), as [`json_of`]
/// reads it, for the quote module's reader (`careful.rs`): a value nested
/// too deep is `input_too_large`, an exception raised while reading it
/// (a getter, a Proxy) `unreadable`.
pub fn careful_text(v: &JsValue, prefix: &str) -> JsResult<Option<String>> {
    match stringify(v) {
        Ok(Some(t)) => match t.strip_prefix('\u{0}') {
            Some(path) => Err(JsErr(posfee_core::bounds::too_deep_under(prefix, path))),
            None => Ok(Some(t)),
        },
        Ok(None) => Ok(None),
        Err(exception) => Err(unreadable(prefix, exception)),
    }
}

thread_local! {
    /// The exception behind the latest `unreadable` error, given to the
    /// thrown `PosfeeError` as its `cause`.
    static CAUSE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// A JavaScript exception raised while reading an input (a getter, a Proxy
/// trap, an iterator): `invalid_field` / `unreadable` at the input, with the
/// exception as the error's `cause`. Reading stops there; nothing is kept.
pub fn unreadable(field: &str, exception: JsValue) -> JsErr {
    CAUSE.with(|c| *c.borrow_mut() = Some(exception));
    JsErr(posfee_core::input::unreadable(field))
}

/// A string argument (time, date, volume): anything else is the core's
/// wrong-type error for that field.
pub fn string_arg(v: &JsValue, field: &str) -> JsResult<String> {
    match v.as_string() {
        Some(s) => Ok(s),
        None if v.is_null() || v.is_undefined() => Err(JsErr(posfee_core::read::missing(field))),
        None => Err(JsErr(posfee_core::read::wrong_type(field, &what(v)))),
    }
}

/// An optional string argument (`dataVersion`, `field`): `undefined` or
/// `null` is absent; anything but a string is `invalid_field` /
/// `wrong_type` at `name`.
pub fn optional_string(v: &JsValue, name: &str) -> JsResult<Option<String>> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_string() {
        Some(s) => Ok(Some(s)),
        None => Err(JsErr(posfee_core::read::wrong_type(name, &what(v)))),
    }
}

/// A plan or calendar argument as JSON text: a string is taken as the text
/// (syntax errors are the data's), anything else is written out by
/// `JSON.stringify` (NaN becoming null, as in any JSON file) after its depth
/// is checked. A text longer than the data file bound is refused unread.
pub fn data_text(v: &JsValue) -> JsResult<String> {
    // A text over the bound in UTF-16 units is over it in bytes too: refused
    // before the copy; the core refuses the rest by its bytes.
    let limit = posfee_core::bounds::MAX_DATA_FILE_BYTES;
    let units = crate::batch::js_length(v);
    #[allow(clippy::cast_precision_loss)]
    if units > limit as f64 {
        return Err(JsErr(posfee_core::bounds::too_long("", limit, "bytes")));
    }
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    match data_json(v) {
        Ok(Some(t)) => match t.strip_prefix('\u{0}') {
            Some(path) => Err(JsErr(posfee_core::bounds::too_deep(path))),
            None => Ok(t),
        },
        Ok(None) => Ok("null".to_string()),
        Err(exception) => Err(unreadable("", exception)),
    }
}

/// A core answer as a JavaScript value: plain objects with camelCase keys
/// (the core's answer types are renamed so in wasm builds), maps as objects
/// with their keys as they are, `None` as `null`, money and dates as
/// strings, built by serde-wasm-bindgen's JSON-compatible serializer.
pub fn to_js<T: Serialize>(value: &T) -> JsResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| internal("answer"))
}

/// An error that should not happen (serializing a core answer).
pub fn internal(what: &str) -> JsErr {
    JsErr(Error::internal(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_error_fields_are_camel_case_but_data_keys_are_kept() {
        let f = |s| js_field(ErrorCode::InvalidField, s);
        assert_eq!(f("mix[2].payment.card_kind"), "mix[2].payment.cardKind");
        assert_eq!(
            f("usage.used.small_contactless"),
            "usage.used.small_contactless"
        );
        assert_eq!(f("monthly_volumes[0]"), "monthlyVolumes[0]");
        assert_eq!(
            js_field(ErrorCode::PlanInvalid, "fee_rules[0].rate_percent"),
            "fee_rules[0].rate_percent"
        );
    }
}
