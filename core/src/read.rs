//! The one reader of every input: a small value tree that each binding
//! builds from its own values, and one reader per input type that declares
//! its fields once and words every error itself.
//!
//! No deserializer's error text is parsed or shown: a field that is missing,
//! unknown, or of the wrong type is refused here with a [`Reason`], at a path
//! in the caller's own naming ([`Naming`]), so `cardKind` from JavaScript is
//! named `cardKind` and `card_kind` from JSON is named `card_kind`.
//!
//! Members are read in key order (a tree's maps are sorted); the first fault
//! met is the error: an unknown key, then a value of the wrong type, then,
//! once every member is read, a required field that is absent.
//!
//! ```
//! use posfee_core::read::{read, Naming, Value};
//! use posfee_core::{PaymentInput, Reason};
//! let v = Value::from_json_text(r#"{"amount": "12.50", "method": "qr", "wallet": "alipay"}"#).unwrap();
//! let p: PaymentInput = read(&v, "payment", Naming::Snake).unwrap();
//! assert_eq!(p.amount.as_deref(), Some("12.50"));
//! let v = Value::from_json_text(r#"{"amount": "1", "cardkind": "credit"}"#).unwrap();
//! let e = read::<PaymentInput>(&v, "payment", Naming::Camel).unwrap_err();
//! assert_eq!((e.field(), e.reason()), ("payment.cardkind", Reason::UnknownField));
//! assert!(e.message_en().contains("cardKind"));
//! ```

use crate::bounds::{echo, too_deep_under, MAX_DEPTH};
use crate::error::{Error, ErrorCode, Reason, Result};
use std::collections::BTreeMap;

/// An input value as a binding hands it over: JSON's values, numbers kept as
/// their text, maps sorted by key, and what the host language has that is
/// not data (`Foreign`: a JavaScript `Map`, a BigInt, NaN), named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null` (an absent optional field).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as the text that wrote it (`5`, `-1`, `1.5`, `1e3`).
    Number(String),
    /// A string.
    Text(String),
    /// A list.
    List(Vec<Value>),
    /// An object's members, sorted by key, each key once.
    Map(Vec<(String, Value)>),
    /// A host value that is not data, by what it is (`a Map`, `bigint`).
    Foreign(String),
}

/// How the caller names fields: `card_kind` (JSON, Rust, Kotlin records) or
/// `cardKind` (JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// snake_case, the core's own names.
    Snake,
    /// camelCase: each `_x` of the core's name is `X`.
    Camel,
}

impl Naming {
    /// A core field name in this naming.
    ///
    /// ```
    /// use posfee_core::read::Naming;
    /// assert_eq!(Naming::Camel.name("card_kind"), "cardKind");
    /// assert_eq!(Naming::Snake.name("card_kind"), "card_kind");
    /// ```
    pub fn name(self, snake: &str) -> String {
        match self {
            Naming::Snake => snake.to_string(),
            Naming::Camel => {
                let mut out = String::with_capacity(snake.len());
                let mut up = false;
                for c in snake.chars() {
                    if c == '_' {
                        up = true;
                    } else if up {
                        out.push(c.to_ascii_uppercase());
                        up = false;
                    } else {
                        out.push(c);
                    }
                }
                out
            }
        }
    }

    /// True when `key` is the core field `snake` in this naming.
    fn is(self, key: &str, snake: &str) -> bool {
        match self {
            Naming::Snake => key == snake,
            Naming::Camel => {
                let mut k = key.bytes();
                let mut up = false;
                for c in snake.bytes() {
                    if c == b'_' {
                        up = true;
                        continue;
                    }
                    let want = if up { c.to_ascii_uppercase() } else { c };
                    up = false;
                    if k.next() != Some(want) {
                        return false;
                    }
                }
                k.next().is_none()
            }
        }
    }
}

impl Value {
    /// Reads JSON text (`None` when it is not JSON). Keys given twice keep
    /// the last, as `JSON.parse` does; nesting beyond twice the input depth
    /// bound is refused unread.
    ///
    /// ```
    /// use posfee_core::read::Value;
    /// assert_eq!(Value::from_json_text("[1, \"a\"]"), Some(Value::List(vec![Value::Number("1".into()), Value::Text("a".into())])));
    /// assert_eq!(Value::from_json_text("{"), None);
    /// ```
    pub fn from_json_text(text: &str) -> Option<Value> {
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        let v = p.value(0)?;
        p.ws();
        (p.i == text.len()).then_some(v)
    }

    /// A `serde_json` value as a tree (for Rust callers and vector files).
    ///
    /// ```
    /// use posfee_core::read::Value;
    /// let v = Value::from_json(&serde_json::json!({"b": 1, "a": null}));
    /// assert_eq!(v, Value::Map(vec![("a".into(), Value::Null), ("b".into(), Value::Number("1".into()))]));
    /// ```
    pub fn from_json(v: &serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => Value::Number(n.to_string()),
            serde_json::Value::String(s) => Value::Text(s.clone()),
            serde_json::Value::Array(a) => Value::List(a.iter().map(Value::from_json).collect()),
            serde_json::Value::Object(o) => Value::map(
                o.iter()
                    .map(|(k, x)| (k.clone(), Value::from_json(x)))
                    .collect(),
            ),
        }
    }

    /// A map from members in any order (a later key given twice replaces
    /// the earlier).
    ///
    /// ```
    /// use posfee_core::read::Value;
    /// let v = Value::map(vec![("b".into(), Value::Null), ("a".into(), Value::Bool(true)), ("b".into(), Value::Bool(false))]);
    /// assert_eq!(v, Value::Map(vec![("a".into(), Value::Bool(true)), ("b".into(), Value::Bool(false))]));
    /// ```
    pub fn map(members: Vec<(String, Value)>) -> Value {
        // Insertion by binary search: a few keys, and far less code than a
        // general sort.
        let mut out: Vec<(String, Value)> = Vec::with_capacity(members.len());
        for (k, v) in members {
            match out.binary_search_by(|(x, _)| x.as_str().cmp(&k)) {
                Ok(i) => {
                    if let Some(slot) = out.get_mut(i) {
                        slot.1 = v;
                    }
                }
                Err(i) => out.insert(i, (k, v)),
            }
        }
        Value::Map(out)
    }

    /// What the value is, in an error message.
    fn what(&self) -> (String, String) {
        match self {
            Value::Null => ("null".into(), "null".into()),
            Value::Bool(b) => (format!("布尔值 {b}"), format!("the boolean {b}")),
            Value::Number(n) => {
                let n = echo(n);
                (format!("数字 {n}"), format!("the number {n}"))
            }
            Value::Text(_) => ("字符串".into(), "a string".into()),
            Value::List(_) => ("数组".into(), "a list".into()),
            Value::Map(_) => ("对象".into(), "an object".into()),
            Value::Foreign(k) => (k.clone(), k.clone()),
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Option<()> {
        let end = self.i.checked_add(word.len())?;
        (self.s.get(self.i..end)? == word).then(|| self.i = end)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > 2 * MAX_DEPTH {
            return None;
        }
        self.ws();
        match self.peek()? {
            b'n' => self.eat(b"null").map(|()| Value::Null),
            b't' => self.eat(b"true").map(|()| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Value::Bool(false)),
            b'"' => self.string().map(Value::Text),
            b'[' => {
                self.i += 1;
                let mut out = Vec::new();
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(Value::List(out));
                }
                loop {
                    out.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(Value::List(out));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut out = Vec::new();
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(Value::Map(out));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.ws();
                    self.eat(b":")?;
                    let v = self.value(depth + 1)?;
                    out.push((key, v));
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(Value::map(out));
                        }
                        _ => return None,
                    }
                }
            }
            _ => {
                let start = self.i;
                while matches!(
                    self.peek(),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    self.i += 1;
                }
                let t = std::str::from_utf8(self.s.get(start..self.i)?).ok()?;
                (!t.is_empty()).then(|| Value::Number(t.to_string()))
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.i.checked_add(4)?;
        let t = std::str::from_utf8(self.s.get(self.i..end)?).ok()?;
        self.i = end;
        u32::from_str_radix(t, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat(b"\"")?;
        let mut out = Vec::new();
        loop {
            let c = self.peek()?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = self.peek()?;
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            if (0xD800..0xDC00).contains(&hi) {
                                self.eat(b"\\u")?;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return None;
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                            } else {
                                char::from_u32(hi)?
                            }
                        }
                        _ => return None,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
    }
}

// ---- paths and errors ---------------------------------------------------------

/// `at.key` (`key` alone at the root).
pub(crate) fn key_path(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

fn index_path(at: &str, i: usize) -> String {
    format!("{at}[{i}]")
}

/// Where a value is: a path kept as links and written out only for an
/// error, so reading a good input builds no path text.
#[derive(Debug, Clone, Copy)]
pub enum At<'a> {
    /// The input itself, under the caller's prefix (`payment`, `""`).
    Root(&'a str),
    /// A member of an object.
    Key(&'a At<'a>, &'a str),
    /// An element of a list.
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The path as errors name it (`mix[2].payment.cardKind`).
    ///
    /// ```
    /// use posfee_core::read::At;
    /// let root = At::Root("mix");
    /// let line = At::Index(&root, 2);
    /// assert_eq!(At::Key(&line, "payment").render(), "mix[2].payment");
    /// ```
    pub fn render(&self) -> String {
        match self {
            At::Root(p) => (*p).to_string(),
            At::Key(parent, k) => key_path(&parent.render(), k),
            At::Index(parent, i) => index_path(&parent.render(), *i),
        }
    }
}

/// The money and time fields (by core name): a wrong type there is the
/// amount's or the time's `not_a_string`, not `invalid_field`.
const MONEY_LEAVES: &[&str] = &[
    "amount",
    "volume",
    "fee_charged",
    "net_settled",
    "debit_cap",
    "fixed_fee",
    "minimum_fee",
];
const TIME_LEAVES: &[&str] = &["time", "submitted", "as_of", "qr_created", "settled_date"];

/// The field's last name, without indexes, in core naming.
fn leaf(field: &str) -> String {
    let last = field.rsplit('.').next().unwrap_or("");
    snake(last.split('[').next().unwrap_or(""))
}

/// `cardKind` → `card_kind`.
pub(crate) fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What a field expects, for a wrong-type message.
#[derive(Clone, Copy)]
enum Expect {
    Text,
    Flag,
    Count,
    Object,
    List,
}

impl Expect {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Expect::Text => ("字符串", "a string"),
            Expect::Flag => ("布尔值（true 或 false）", "true or false"),
            Expect::Count => ("非负整数", "a whole number from 0"),
            Expect::Object => ("对象", "an object"),
            Expect::List => ("数组", "a list"),
        }
    }
}

/// A value of the wrong type at `field`: money or a time given as anything
/// but a string is that field's `not_a_string`.
///
/// ```
/// use posfee_core::read::{wrong_type, Value};
/// let e = wrong_type("payment.amount", &Value::Number("5".into()));
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_amount", "not_a_string"));
/// let e = wrong_type("payment.method", &Value::Number("5".into()));
/// assert_eq!(e.reason().as_str(), "wrong_type");
/// assert_eq!(e.message_en(), "payment.method: wrong type: the number 5, expected a string");
/// ```
pub fn wrong_type(field: &str, got: &Value) -> Error {
    wrong(field, got, Expect::Text)
}

fn wrong(field: &str, got: &Value, expect: Expect) -> Error {
    let name = leaf(field);
    if MONEY_LEAVES.contains(&name.as_str()) {
        return crate::money::not_a_string(field);
    }
    if TIME_LEAVES.contains(&name.as_str()) {
        return crate::time::time_error(field, "", Reason::NotAString);
    }
    let (got_zh, got_en) = got.what();
    let (want_zh, want_en) = expect.words();
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::WrongType,
        format!("类型不正确：应为{want_zh}，实为{got_zh}"),
        format!("wrong type: {got_en}, expected {want_en}"),
    )
}

/// A value that is not a list where a list belongs.
///
/// ```
/// use posfee_core::read::{not_a_list, Value};
/// let e = not_a_list("payments", &Value::Map(vec![]));
/// assert_eq!(e.message_en(), "payments: wrong type: an object, expected a list");
/// ```
pub fn not_a_list(field: &str, got: &Value) -> Error {
    wrong(field, got, Expect::List)
}

/// Rows of text cells (a sheet's rows handed over by a host, for
/// `Auditor::feed_rows`, feature `statements`): a list of lists of
/// strings. Anything else is `wrong_type` at the element (`rows[2][1]`);
/// a number is refused, never read as money.
///
/// ```
/// use posfee_core::read::{text_rows, Value};
/// let t = |s: &str| Value::Text(s.into());
/// let rows = Value::List(vec![Value::List(vec![t("交易金额")]), Value::List(vec![t("1,234.50")])]);
/// assert_eq!(text_rows(&rows, "rows").unwrap(), vec![vec!["交易金额"], vec!["1,234.50"]]);
/// let bad = Value::List(vec![Value::List(vec![t("a"), Value::Number("1.5".into())])]);
/// assert_eq!(text_rows(&bad, "rows").unwrap_err().field(), "rows[0][1]");
/// ```
pub fn text_rows(v: &Value, field: &str) -> Result<Vec<Vec<String>>> {
    let Value::List(rows) = v else {
        return Err(not_a_list(field, v));
    };
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let at = format!("{field}[{i}]");
        let Value::List(cells) = row else {
            return Err(not_a_list(&at, row));
        };
        let mut texts = Vec::with_capacity(cells.len());
        for (j, cell) in cells.iter().enumerate() {
            match cell {
                Value::Text(s) => texts.push(s.clone()),
                other => return Err(wrong_type(&format!("{at}[{j}]"), other)),
            }
        }
        out.push(texts);
    }
    Ok(out)
}

/// A required field that is absent: money and time fields keep their own
/// codes.
///
/// ```
/// let e = posfee_core::read::missing("as_of");
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_time", "missing"));
/// ```
pub fn missing(field: &str) -> Error {
    let name = leaf(field);
    if MONEY_LEAVES.contains(&name.as_str()) {
        crate::money::amount_error(field, "", Reason::Missing)
    } else if TIME_LEAVES.contains(&name.as_str()) {
        crate::time::time_error(field, "", Reason::Missing)
    } else {
        Error::missing(field)
    }
}

/// An amount that is absent, at any field (`amounts[3]` of a batch).
///
/// ```
/// let e = posfee_core::read::amount_missing("amounts[3]");
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_amount", "missing"));
/// ```
pub fn amount_missing(field: &str) -> Error {
    crate::money::amount_error(field, "", Reason::Missing)
}

/// An amount that is not a string, at any field.
///
/// ```
/// let e = posfee_core::read::amount_not_a_string("amounts[3]");
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_amount", "not_a_string"));
/// ```
pub fn amount_not_a_string(field: &str) -> Error {
    crate::money::not_a_string(field)
}

/// A value of the wrong type, with what was expected in both languages.
///
/// ```
/// use posfee_core::read::{wrong_kind, Value};
/// let e = wrong_kind("instruments", &Value::Null, "数组", "an array of instruments");
/// assert_eq!(e.message_en(), "instruments: wrong type: null, expected an array of instruments");
/// ```
pub fn wrong_kind(field: &str, got: &Value, expected_zh: &str, expected_en: &str) -> Error {
    let (got_zh, got_en) = got.what();
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::WrongType,
        format!("类型不正确：应为{expected_zh}，实为{got_zh}"),
        format!("wrong type: {got_en}, expected {expected_en}"),
    )
}

/// A key that the input does not have; `fields` are its fields, in core
/// naming, named in the caller's.
///
/// ```
/// use posfee_core::read::{unknown_field, Naming};
/// let e = unknown_field("x", &["instrument_index"], Naming::Camel);
/// assert_eq!(e.message_en(), "x: unknown field; the fields are instrumentIndex");
/// ```
pub fn unknown_field(field: &str, fields: &[&str], naming: Naming) -> Error {
    let names: Vec<String> = fields.iter().map(|f| naming.name(f)).collect();
    let list = names.join(", ");
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::UnknownField,
        format!("未知字段，可用字段为 {list}"),
        format!("unknown field; the fields are {list}"),
    )
}

fn not_camel(field: &str) -> Error {
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::UnknownField,
        "未知字段，字段名应为 camelCase",
        "unknown field; field names are camelCase",
    )
}

pub(crate) fn bad_count(field: &str, n: &str) -> Error {
    let n = echo(n);
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::InvalidValue,
        format!("取值不正确：{n}，应为 0 至 {} 的整数", u32::MAX),
        format!(
            "invalid value {n}, expected a whole number from 0 to {}",
            u32::MAX
        ),
    )
}

// ---- the reader -----------------------------------------------------------------

/// An input type read from a [`Value`].
pub trait ReadInput: Sized {
    /// Reads the value at `at` (a path in the caller's naming).
    fn read_at(v: &Value, at: &At<'_>, naming: Naming) -> Result<Self>;
}

/// Reads an input: the value must be data (a `Foreign` value is a wrong
/// type; with [`Naming::Camel`] every key outside a data map is camelCase),
/// nested at most [`MAX_DEPTH`] levels, and then of the input's shape.
/// Errors name fields under `prefix`, in the caller's naming.
///
/// ```
/// use posfee_core::read::{read, Naming, Value};
/// use posfee_core::MerchantInput;
/// let v = Value::from_json_text(r#"{"tier": "standard", "creditRate": 5}"#).unwrap();
/// let e = read::<MerchantInput>(&v, "merchant", Naming::Camel).unwrap_err();
/// assert_eq!((e.field(), e.reason().as_str()), ("merchant.creditRate", "wrong_type"));
/// ```
pub fn read<T: ReadInput>(v: &Value, prefix: &str, naming: Naming) -> Result<T> {
    if let Some(path) = too_deep(v, 1, &At::Root("")) {
        return Err(too_deep_under(prefix, &path));
    }
    if naming == Naming::Camel {
        if let Some(e) = not_data(v, &At::Root(prefix), false) {
            return Err(e);
        }
    }
    T::read_at(v, &At::Root(prefix), naming)
}

/// The path under the prefix of the first value nested deeper than
/// [`MAX_DEPTH`] (the root is level 1), `""` for the root itself.
fn too_deep(v: &Value, depth: usize, at: &At<'_>) -> Option<String> {
    if !matches!(v, Value::List(_) | Value::Map(_)) {
        return None;
    }
    if depth > MAX_DEPTH {
        return Some(at.render());
    }
    match v {
        Value::List(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| too_deep(x, depth + 1, &At::Index(at, i))),
        Value::Map(members) => members
            .iter()
            .find_map(|(k, x)| too_deep(x, depth + 1, &At::Key(at, k))),
        _ => None,
    }
}

/// Keys of data maps, kept as given: usage buckets (plan data) and a
/// statement format's columns (field names in either spelling).
pub const DATA_MAPS: &[&str] = &["used", "counts", "columns"];

/// The first value that is not data, or key that is not camelCase, in key
/// order.
fn not_data(v: &Value, at: &At<'_>, data_map: bool) -> Option<Error> {
    match v {
        Value::Foreign(_) => Some(wrong(&at.render(), v, Expect::Text)),
        Value::List(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| not_data(x, &At::Index(at, i), false)),
        Value::Map(members) => members.iter().find_map(|(k, x)| {
            let child = At::Key(at, k);
            if !data_map && !is_camel(k) {
                return Some(not_camel(&child.render()));
            }
            let map = !data_map && DATA_MAPS.contains(&k.as_str());
            not_data(x, &child, map)
        }),
        _ => None,
    }
}

/// A key that camelCase spelling gives back unchanged (no `_`, no capital
/// after a capital that snake_case could not say).
fn is_camel(key: &str) -> bool {
    Naming::Camel.name(&snake(key)) == key
}

/// Walks an object's members in key order: an unknown key is refused, each
/// known one handed to `each` with its index in `fields` and its path.
fn members(
    v: &Value,
    at: &At<'_>,
    naming: Naming,
    fields: &[&str],
    mut each: impl FnMut(usize, &Value, &At<'_>) -> Result<()>,
) -> Result<()> {
    let Value::Map(ms) = v else {
        return Err(wrong(&at.render(), v, Expect::Object));
    };
    for (k, x) in ms {
        let child = At::Key(at, k);
        match fields.iter().position(|f| naming.is(k, f)) {
            Some(i) => each(i, x, &child)?,
            None => return Err(unknown_field(&child.render(), fields, naming)),
        }
    }
    Ok(())
}

/// An optional text.
fn text(v: &Value, at: &At<'_>) -> Result<Option<String>> {
    match v {
        Value::Null => Ok(None),
        Value::Text(s) => Ok(Some(s.clone())),
        other => Err(wrong(&at.render(), other, Expect::Text)),
    }
}

/// An optional flag.
fn flag(v: &Value, at: &At<'_>) -> Result<Option<bool>> {
    match v {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        other => Err(wrong(&at.render(), other, Expect::Flag)),
    }
}

/// A flag that is `false` when absent, but not null.
fn bare_flag(v: &Value, at: &At<'_>) -> Result<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => Err(wrong(&at.render(), other, Expect::Flag)),
    }
}

/// A count from 0 to `u32::MAX`: a fraction or exponent is a wrong type, a
/// negative or larger whole number an invalid value.
fn count(v: &Value, at: &At<'_>) -> Result<u32> {
    let Value::Number(n) = v else {
        return Err(wrong(&at.render(), v, Expect::Count));
    };
    if n.contains(['.', 'e', 'E']) {
        return Err(wrong(&at.render(), v, Expect::Count));
    }
    let digits = n.strip_prefix('-').unwrap_or(n);
    if digits.len() > 20 {
        // Beyond 64 bits a JSON reader holds it as a fraction.
        return Err(wrong(&at.render(), v, Expect::Count));
    }
    n.parse::<u32>().map_err(|_| bad_count(&at.render(), n))
}

/// A list of texts (`null` refused unless `optional`).
fn texts(v: &Value, at: &At<'_>) -> Result<Vec<String>> {
    let Value::List(items) = v else {
        return Err(wrong(&at.render(), v, Expect::List));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        match x {
            Value::Text(s) => out.push(s.clone()),
            other => return Err(wrong(&At::Index(at, i).render(), other, Expect::Text)),
        }
    }
    Ok(out)
}

fn optional_texts(v: &Value, at: &At<'_>) -> Result<Option<Vec<String>>> {
    match v {
        Value::Null => Ok(None),
        other => texts(other, at).map(Some),
    }
}

/// A data map of texts: keys as given.
fn text_map(v: &Value, at: &At<'_>) -> Result<BTreeMap<String, String>> {
    let Value::Map(ms) = v else {
        return Err(wrong(&at.render(), v, Expect::Object));
    };
    let mut out = BTreeMap::new();
    for (k, x) in ms {
        match x {
            Value::Text(s) => {
                out.insert(k.clone(), s.clone());
            }
            other => return Err(wrong(&At::Key(at, k).render(), other, Expect::Text)),
        }
    }
    Ok(out)
}

/// A data map of counts: keys as given.
fn count_map(v: &Value, at: &At<'_>) -> Result<BTreeMap<String, u32>> {
    let Value::Map(ms) = v else {
        return Err(wrong(&at.render(), v, Expect::Object));
    };
    let mut out = BTreeMap::new();
    for (k, x) in ms {
        out.insert(k.clone(), count(x, &At::Key(at, k))?);
    }
    Ok(out)
}

/// An optional nested input.
fn nested<T: ReadInput>(v: &Value, at: &At<'_>, naming: Naming) -> Result<Option<T>> {
    match v {
        Value::Null => Ok(None),
        other => T::read_at(other, at, naming).map(Some),
    }
}

impl<T: ReadInput> ReadInput for Vec<T> {
    fn read_at(v: &Value, at: &At<'_>, naming: Naming) -> Result<Self> {
        let Value::List(items) = v else {
            return Err(wrong(&at.render(), v, Expect::List));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, x)| T::read_at(x, &At::Index(at, i), naming))
            .collect()
    }
}

/// Implements [`ReadInput`] for a struct of optional fields: each field
/// once, with how it is read.
macro_rules! read_struct {
    ($ty:ty { $($field:ident: $how:ident),* $(,)? }) => {
        impl ReadInput for $ty {
            fn read_at(v: &Value, at: &At<'_>, naming: Naming) -> Result<Self> {
                const FIELDS: &[&str] = &[$(stringify!($field)),*];
                let mut out = <$ty>::default();
                members(v, at, naming, FIELDS, |i, x, path| {
                    let mut k = 0usize;
                    $(
                        if i == k {
                            out.$field = read_struct!(@ $how x, path, naming);
                            return Ok(());
                        }
                        k += 1;
                    )*
                    let _ = k;
                    Ok(())
                })?;
                Ok(out)
            }
        }
    };
    (@ text $x:ident, $p:ident, $n:ident) => { text($x, $p)? };
    (@ flag $x:ident, $p:ident, $n:ident) => { flag($x, $p)? };
    (@ bare_flag $x:ident, $p:ident, $n:ident) => { bare_flag($x, $p)? };
    (@ count $x:ident, $p:ident, $n:ident) => { count($x, $p)? };
    (@ signed_count $x:ident, $p:ident, $n:ident) => { i64::from(count($x, $p)?) };
    (@ texts $x:ident, $p:ident, $n:ident) => { texts($x, $p)? };
    (@ optional_texts $x:ident, $p:ident, $n:ident) => { optional_texts($x, $p)? };
    (@ text_map $x:ident, $p:ident, $n:ident) => { text_map($x, $p)? };
    (@ count_map $x:ident, $p:ident, $n:ident) => { count_map($x, $p)? };
    (@ nested $x:ident, $p:ident, $n:ident) => { nested($x, $p, $n)? };
}

read_struct!(crate::input::PaymentInput {
    amount: text,
    method: text,
    card_kind: text,
    card_medium: text,
    magstripe_verified: flag,
    wallet: text,
    large_mode: flag,
    time: text,
});

read_struct!(crate::input::WalletInput {
    enabled: flag,
    verified: flag,
});

read_struct!(crate::input::WalletsInput {
    alipay: nested,
    wechat: nested,
    unionpay: nested,
});

read_struct!(crate::input::MerchantInput {
    tier: text,
    verification: text,
    credit_rate: text,
    activated: flag,
    wallets: nested,
    large_mode_approved: flag,
});

read_struct!(crate::input::UsageInput {
    used: text_map,
    counts: count_map,
});

read_struct!(crate::input::EligibilityInput {
    monthly_volumes: texts,
    devices: signed_count,
    annual_agreement: bare_flag,
    risk_record: bare_flag,
    verification: text,
});

read_struct!(crate::input::DiagnoseInput {
    situation: text,
    payment: nested,
    merchant: nested,
    usage: nested,
    terminal_message: text,
    as_of: text,
    qr_created: text,
    recent_payments: texts,
    provisional: bare_flag,
});

read_struct!(crate::contract::ContractRatesInput {
    credit: text,
    debit: text,
    qr: text,
    small_contactless: text,
    contactless: text,
});

read_struct!(crate::contract::ContractInput {
    id: text,
    name: text,
    rates: nested,
    debit_cap: text,
    fixed_fee: text,
    fixed_fee_channels: optional_texts,
    minimum_fee: text,
    rounding: text,
});

read_struct!(crate::statement::StatementLineInput {
    id: text,
    time: text,
    amount: text,
    method: text,
    card_kind: text,
    card_medium: text,
    magstripe_verified: flag,
    wallet: text,
    large_mode: flag,
    fee_charged: text,
    net_settled: text,
    settled_date: text,
});

#[cfg(feature = "statements")]
read_struct!(crate::layout::StatementFormatInput {
    profile: text,
    encoding: text,
    decoded_from: text,
    columns: text_map,
    totals: nested,
});

#[cfg(feature = "statements")]
read_struct!(crate::layout::StatedTotalsInput {
    amount: text,
    fee_charged: text,
    net_settled: text,
});

/// A quote's options: `{provisional}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OptionsInput {
    /// A provisional answer for years the calendar lacks.
    pub provisional: Option<bool>,
}

read_struct!(OptionsInput { provisional: flag });

/// An instrument of a batch: a payment without amount and time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstrumentInput {
    /// As [`crate::PaymentInput`].
    pub method: Option<String>,
    /// As [`crate::PaymentInput`].
    pub card_kind: Option<String>,
    /// As [`crate::PaymentInput`].
    pub card_medium: Option<String>,
    /// As [`crate::PaymentInput`].
    pub magstripe_verified: Option<bool>,
    /// As [`crate::PaymentInput`].
    pub wallet: Option<String>,
    /// As [`crate::PaymentInput`].
    pub large_mode: Option<bool>,
}

read_struct!(InstrumentInput {
    method: text,
    card_kind: text,
    card_medium: text,
    magstripe_verified: flag,
    wallet: text,
    large_mode: flag,
});

/// A line of a plan comparison's mix: both fields required.
impl ReadInput for crate::input::MixLineInput {
    fn read_at(v: &Value, at: &At<'_>, naming: Naming) -> Result<Self> {
        const FIELDS: &[&str] = &["payment", "count"];
        let (mut payment, mut n) = (None, None);
        members(v, at, naming, FIELDS, |i, x, path| {
            if i == 0 {
                payment = Some(crate::input::PaymentInput::read_at(x, path, naming)?);
            } else {
                n = Some(count(x, path)?);
            }
            Ok(())
        })?;
        let payment =
            payment.ok_or_else(|| missing(&key_path(&at.render(), &naming.name("payment"))))?;
        let count =
            i64::from(n.ok_or_else(|| missing(&key_path(&at.render(), &naming.name("count"))))?);
        Ok(crate::input::MixLineInput { payment, count })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::input::{EligibilityInput, MixLineInput, PaymentInput, UsageInput};

    fn json(text: &str) -> Value {
        Value::from_json_text(text).unwrap()
    }

    fn fault<T: ReadInput + std::fmt::Debug>(
        text: &str,
        naming: Naming,
    ) -> (String, String, String) {
        let e = read::<T>(&json(text), "x", naming).unwrap_err();
        (
            e.code().as_str().to_string(),
            e.field().to_string(),
            e.reason().as_str().to_string(),
        )
    }

    fn f(code: &str, field: &str, reason: &str) -> (String, String, String) {
        (code.into(), field.into(), reason.into())
    }

    #[test]
    fn members_are_read_in_key_order_and_missing_comes_last() {
        // `amount` (wrong type) before `zz` (unknown).
        assert_eq!(
            fault::<PaymentInput>(r#"{"zz": 1, "amount": 5}"#, Naming::Snake),
            f("invalid_amount", "x.amount", "not_a_string")
        );
        assert_eq!(
            fault::<PaymentInput>(r#"{"method": 5, "amout": "1"}"#, Naming::Snake),
            f("invalid_field", "x.amout", "unknown_field")
        );
        assert_eq!(
            fault::<MixLineInput>(r#"{"payment": {}}"#, Naming::Snake),
            f("invalid_field", "x.count", "missing")
        );
    }

    #[test]
    fn names_follow_the_callers_naming() {
        assert_eq!(
            fault::<PaymentInput>(r#"{"card_kind": "credit"}"#, Naming::Camel),
            f("invalid_field", "x.card_kind", "unknown_field")
        );
        assert_eq!(
            fault::<PaymentInput>(r#"{"cardKind": "credit"}"#, Naming::Snake),
            f("invalid_field", "x.cardKind", "unknown_field")
        );
        let p: PaymentInput = read(
            &json(r#"{"cardKind": "credit", "largeMode": true}"#),
            "x",
            Naming::Camel,
        )
        .unwrap();
        assert_eq!(
            (p.card_kind.as_deref(), p.large_mode),
            (Some("credit"), Some(true))
        );
        // Data map keys are kept as given, in either naming.
        let u: UsageInput = read(
            &json(r#"{"used": {"card_credit": "1.00"}}"#),
            "x",
            Naming::Camel,
        )
        .unwrap();
        assert_eq!(u.used.get("card_credit").map(String::as_str), Some("1.00"));
        assert_eq!(
            fault::<MixLineInput>(r#"{"payment": {}}"#, Naming::Camel),
            f("invalid_field", "x.count", "missing")
        );
    }

    #[test]
    fn counts_and_flags_are_exact() {
        assert_eq!(
            fault::<EligibilityInput>(r#"{"devices": -1}"#, Naming::Snake),
            f("invalid_field", "x.devices", "invalid_value")
        );
        assert_eq!(
            fault::<EligibilityInput>(r#"{"devices": 4294967296}"#, Naming::Snake),
            f("invalid_field", "x.devices", "invalid_value")
        );
        assert_eq!(
            fault::<EligibilityInput>(r#"{"devices": 1.0}"#, Naming::Snake),
            f("invalid_field", "x.devices", "wrong_type")
        );
        assert_eq!(
            fault::<EligibilityInput>(r#"{"risk_record": null}"#, Naming::Snake),
            f("invalid_field", "x.risk_record", "wrong_type")
        );
        assert_eq!(
            fault::<EligibilityInput>(r#"{"monthly_volumes": ["1", 2]}"#, Naming::Snake),
            f("invalid_field", "x.monthly_volumes[1]", "wrong_type")
        );
        let e: EligibilityInput =
            read(&json(r#"{"devices": 4294967295}"#), "x", Naming::Snake).unwrap();
        assert_eq!(e.devices, i64::from(u32::MAX));
    }

    #[test]
    fn what_is_not_data_is_refused_first() {
        let v = Value::map(vec![
            ("amount".into(), Value::Foreign("a Map".into())),
            ("zz".into(), Value::Null),
        ]);
        let e = read::<PaymentInput>(&v, "payment", Naming::Camel).unwrap_err();
        assert_eq!(
            (e.field(), e.reason().as_str()),
            ("payment.amount", "not_a_string")
        );
        let v = Value::map(vec![("method".into(), Value::Foreign("bigint".into()))]);
        let e = read::<PaymentInput>(&v, "payment", Naming::Camel).unwrap_err();
        assert_eq!(
            e.message_en(),
            "payment.method: wrong type: bigint, expected a string"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let mut v = Value::Null;
        for _ in 0..100 {
            v = Value::List(vec![v]);
        }
        let v = Value::map(vec![("amount".into(), v)]);
        let e = read::<PaymentInput>(&v, "payment", Naming::Snake).unwrap_err();
        assert_eq!(e.reason().as_str(), "too_deep");
        assert!(e.field().starts_with("payment.amount[0]"));
    }
}
