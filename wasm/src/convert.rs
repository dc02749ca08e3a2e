//! The boundary: JavaScript values in camelCase to the core's snake_case
//! input shapes, core answers to camelCase JSON, core errors to the
//! exported `PosfeeError` class.

use js_sys::{Array, Object, Reflect};
use posfee_core::bounds::{MAX_BATCH, MAX_DEPTH};
use posfee_core::read::{Naming, ReadInput, Value, DATA_MAPS};
use posfee_core::{Error, ErrorCode};
use serde::Serialize;
use std::cell::RefCell;
use std::fmt::Write as _;
use wasm_bindgen::JsValue;

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
// MAX_DEPTH in posfee-core's bounds.rs: the outermost value is level 1.
const MAX_DEPTH = 64;
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
// JSON text of a plan or calendar object, or "\0" and the path of a value
// nested too deep.
export function posfeeDataJson(value) {
  const deep = tooDeep(value, 1, '');
  return deep !== null ? '\u0000' + deep : JSON.stringify(value);
}
"#)]
extern "C" {
    /// `JSON.stringify` of a plan or calendar object after its depth is
    /// checked (`"\0path"` for a value nested too deep).
    #[wasm_bindgen(catch, js_name = posfeeDataJson)]
    fn data_json(value: &JsValue) -> std::result::Result<Option<String>, JsValue>;
}

// What reading an input calls, each declared to catch: a Proxy trap or a
// revoked Proxy throws, and nothing may unwind past Rust.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> std::result::Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(v: &JsValue) -> std::result::Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(v: &JsValue) -> std::result::Result<JsValue, JsValue>;
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

/// A JavaScript value as the core's input tree, read with no JSON text and
/// no callback of posfee's own: own enumerable keys only (`Object.keys`),
/// members as `JSON.stringify` would see them (`undefined` members absent,
/// `undefined` elements and `undefined` itself null). What is not data
/// becomes a [`Value::Foreign`] that the core refuses at its path: NaN,
/// ±Infinity, BigInt, functions, symbols, Maps, Sets, Dates, class
/// instances, objects with `toJSON`, lone surrogates. A value nested deeper
/// than [`MAX_DEPTH`] is `input_too_large` and a list longer than
/// [`MAX_BATCH`] `too_many`, both found before reading further; an
/// exception raised while reading (a getter, a Proxy) is `unreadable` at
/// `prefix`, with the exception as `cause`.
pub fn tree(v: &JsValue, prefix: &str) -> JsResult<Value> {
    let mut path = String::new();
    WALK.with(|w| w.value(v, 1, &mut path))
        .map_err(|fault| match fault {
            Fault::Deep => JsErr(posfee_core::bounds::too_deep_under(prefix, &path)),
            Fault::Long => JsErr(posfee_core::bounds::too_many(&path, MAX_BATCH).within(prefix)),
            Fault::Thrown(exception) => unreadable(prefix, exception),
        })
}

/// Why reading stopped; the path of the value is left in the walk's path.
enum Fault {
    Deep,
    Long,
    Thrown(JsValue),
}

thread_local! {
    static WALK: Walk = Walk::new();
}

/// The prototypes an input's objects are told apart by.
struct Walk {
    object: JsValue,
    map: JsValue,
    set: JsValue,
    date: JsValue,
}

/// What is left of a value that is not data, in an error.
fn foreign(what: &str) -> Value {
    Value::Foreign(what.to_string())
}

/// Whether a string JavaScript gave holds a lone surrogate: it arrives as
/// U+FFFD, and only then is the string looked at again, unit by unit.
fn lone_surrogate(v: &JsValue, text: &str) -> bool {
    text.contains('\u{FFFD}')
        && !wasm_bindgen::JsCast::unchecked_ref::<js_sys::JsString>(v).is_valid_utf16()
}

impl Walk {
    fn new() -> Walk {
        let proto = |v: JsValue| Object::get_prototype_of(&v).into();
        Walk {
            object: proto(Object::new().into()),
            map: proto(js_sys::Map::new().into()),
            set: proto(js_sys::Set::new(&JsValue::UNDEFINED).into()),
            date: proto(js_sys::Date::new_0().into()),
        }
    }

    fn value(&self, v: &JsValue, depth: usize, path: &mut String) -> Result<Value, Fault> {
        if let Some(text) = v.as_string() {
            return Ok(if lone_surrogate(v, &text) {
                foreign("a string with a lone surrogate")
            } else {
                Value::Text(text)
            });
        }
        if let Some(n) = v.as_f64() {
            return Ok(match what(v) {
                Value::Number(text) if n.is_finite() => Value::Number(text),
                Value::Number(text) => Value::Foreign(format!("the number {text}")),
                other => other,
            });
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if v.is_null() || v.is_undefined() {
            return Ok(Value::Null);
        }
        if !v.is_object() {
            // BigInt, symbol, function.
            return Ok(Value::Foreign(
                v.js_typeof().as_string().unwrap_or_default(),
            ));
        }
        if depth > MAX_DEPTH {
            return Err(Fault::Deep);
        }
        if is_array(v).map_err(Fault::Thrown)? {
            return self.list(v, depth, path);
        }
        let proto = prototype_of(v).map_err(Fault::Thrown)?;
        let to_json = Reflect::get(v, &JsValue::from_str("toJSON")).map_err(Fault::Thrown)?;
        if !(proto.is_null() || proto == self.object) || to_json.is_function() {
            return Ok(self.kind(&proto, &to_json));
        }
        let keys = own_keys(v).map_err(Fault::Thrown)?;
        let mut members = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            let member = Reflect::get(v, &key).map_err(Fault::Thrown)?;
            if member.is_undefined() {
                continue;
            }
            let name = key.as_string().unwrap_or_default();
            let mark = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&name);
            let x = if lone_surrogate(&key, &name) {
                foreign("a string with a lone surrogate")
            } else {
                self.value(&member, depth + 1, path)?
            };
            path.truncate(mark);
            members.push((name, x));
        }
        Ok(Value::map(members))
    }

    fn list(&self, v: &JsValue, depth: usize, path: &mut String) -> Result<Value, Fault> {
        let length = Reflect::get(v, &JsValue::from_str("length")).map_err(Fault::Thrown)?;
        let length = length.as_f64().unwrap_or(0.0);
        #[allow(clippy::cast_precision_loss)]
        if length > MAX_BATCH as f64 {
            return Err(Fault::Long);
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let length = length as u32;
        let mut items = Vec::with_capacity(length as usize);
        for i in 0..length {
            let item = Reflect::get_u32(v, i).map_err(Fault::Thrown)?;
            let mark = path.len();
            let _ = write!(path, "[{i}]");
            items.push(self.value(&item, depth + 1, path)?);
            path.truncate(mark);
        }
        Ok(Value::List(items))
    }

    /// What an object that is not plain data is called in an error.
    fn kind(&self, proto: &JsValue, to_json: &JsValue) -> Value {
        let what = if *proto == self.map {
            "a Map".to_string()
        } else if *proto == self.set {
            "a Set".to_string()
        } else if *proto == self.date {
            "a Date".to_string()
        } else if to_json.is_function() {
            "an object with toJSON".to_string()
        } else {
            let name = match Reflect::get(proto, &JsValue::from_str("constructor")) {
                Ok(c) if c.is_function() => Reflect::get(&c, &JsValue::from_str("name"))
                    .ok()
                    .and_then(|n| n.as_string()),
                _ => None,
            };
            match name {
                Some(n) if is_identifier(&n) => format!("an instance of {n}"),
                _ => "an object that is not plain".to_string(),
            }
        };
        Value::Foreign(what)
    }
}

/// A constructor's name as an error may show it (`[A-Za-z_$][\w$]{0,40}`).
fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name.len() <= 41
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
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
