//! The general way in for the quote module, without serde: an input the
//! quick shapes of `typed.rs` cannot say (a number as money, an unknown key,
//! an object of a class) is written out by the same JavaScript as the whole
//! package's careful path (`posfeeStringify`), read here, renamed, and checked
//! against the input's fields in the order and with the words serde's derived
//! code and `serde_json` use, so the quote module refuses every input with
//! the same code, field, reason and message as the whole package. The unit
//! tests hold this reader to serde on a few thousand inputs.

// The whole package reads with serde; it uses only this file's input types.
#![cfg_attr(feature = "full", allow(dead_code))]

use crate::convert::{camel, internal, push_key, snake, wrong_type, JsErr, JsResult, DATA_MAPS};
use posfee_core::{
    input_error, MerchantInput, PaymentInput, UsageInput, WalletInput, WalletsInput,
};
use serde::Deserialize;

/// A JSON value as `JSON.stringify` writes it; numbers keep their text.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    /// Members sorted by key, as `serde_json::Map` keeps them.
    Obj(Members),
}

/// An object's members sorted by key (a later duplicate replaces the
/// earlier), in a vector: smaller code than a tree for a few keys.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Members(Vec<(String, J)>);

impl Members {
    /// Adds or replaces the member `key`.
    fn insert(&mut self, key: String, value: J) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The member `key`.
    fn get(&self, key: &str) -> Option<&J> {
        let i = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    /// The members in key order.
    fn iter(&self) -> impl Iterator<Item = (&String, &J)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl IntoIterator for Members {
    type Item = (String, J);
    type IntoIter = std::vec::IntoIter<(String, J)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<const N: usize> From<[(String, J); N]> for Members {
    fn from(members: [(String, J); N]) -> Members {
        let mut m = Members::default();
        for (k, v) in members {
            m.insert(k, v);
        }
        m
    }
}

// ---- reading JSON text ------------------------------------------------------

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

    fn value(&mut self, depth: u32) -> Option<J> {
        if depth > 128 {
            return None;
        }
        self.ws();
        match self.peek()? {
            b'n' => self.eat(b"null").map(|()| J::Null),
            b't' => self.eat(b"true").map(|()| J::Bool(true)),
            b'f' => self.eat(b"false").map(|()| J::Bool(false)),
            b'"' => self.string().map(J::Str),
            b'[' => {
                self.i += 1;
                let mut out = Vec::new();
                self.ws();
                if self.peek()? == b']' {
                    self.i += 1;
                    return Some(J::Arr(out));
                }
                loop {
                    out.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b']' => {
                            self.i += 1;
                            return Some(J::Arr(out));
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut out = Members::default();
                self.ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                    return Some(J::Obj(out));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.ws();
                    self.eat(b":")?;
                    let v = self.value(depth + 1)?;
                    out.insert(key, v);
                    self.ws();
                    match self.peek()? {
                        b',' => self.i += 1,
                        b'}' => {
                            self.i += 1;
                            return Some(J::Obj(out));
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
                (!t.is_empty()).then(|| J::Num(t.to_string()))
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

/// Reads JSON text as `JSON.stringify` writes it (`None` for anything else,
/// such as a lone surrogate, which `serde_json` refuses too).
pub fn parse(text: &str) -> Option<J> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    (p.i == text.len()).then_some(v)
}

// ---- serde_json's words for what a value is -----------------------------------

/// A JSON number as `serde_json` holds it.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(String),
}

fn number(text: &str) -> Number {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(u) = text.parse::<u64>() {
            return Number::Unsigned(u);
        }
        if let Ok(i) = text.parse::<i64>() {
            return Number::Signed(i);
        }
    }
    Number::Float(float_text(text))
}

/// A number as `serde_json` writes a float in its messages (zmij's form:
/// fixed notation for decimal exponents −5 to 15, with ".0" on whole numbers,
/// scientific "1.5e+21" / "1e-7" otherwise), from the shortest round-trip
/// digits JavaScript wrote. The whole package reads the number with
/// serde_json, whose fast reader may land a 16- or 17-digit number one step
/// away; only the last digits of such a number echoed in a message can then
/// differ between the two modules.
fn float_text(text: &str) -> String {
    let (neg, t) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text),
    };
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(k) => (
            t.get(..k).unwrap_or(""),
            t.get(k + 1..)
                .and_then(|e| e.parse::<i32>().ok())
                .unwrap_or(0),
        ),
        None => (t, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let all: String = format!("{int}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    let sign = if neg { "-" } else { "" };
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    // Decimal exponent of the first significant digit.
    let int_len = i32::try_from(int.len()).unwrap_or(0);
    let e = int_len - 1 - i32::try_from(lead).unwrap_or(0) + exp;
    let n = i32::try_from(digits.len()).unwrap_or(1);
    let mut out = String::from(sign);
    if (-5..=15).contains(&e) {
        if n - 1 <= e {
            out.push_str(digits);
            for _ in 0..(e + 1 - n) {
                out.push('0');
            }
            out.push_str(".0");
        } else if e >= 0 {
            let k = usize::try_from(e + 1).unwrap_or(0);
            out.push_str(digits.get(..k).unwrap_or(""));
            out.push('.');
            out.push_str(digits.get(k..).unwrap_or(""));
        } else {
            out.push_str("0.");
            for _ in 0..(-e - 1) {
                out.push('0');
            }
            out.push_str(digits);
        }
    } else {
        out.push_str(digits.get(..1).unwrap_or(""));
        if n > 1 {
            out.push('.');
            out.push_str(digits.get(1..).unwrap_or(""));
        }
        out.push_str(if e >= 0 { "e+" } else { "e-" });
        out.push_str(&e.unsigned_abs().to_string());
    }
    out
}

fn unexpected(v: &J) -> String {
    match v {
        J::Null => "null".to_string(),
        J::Bool(b) => format!("boolean `{b}`"),
        J::Num(t) => match number(t) {
            Number::Unsigned(u) => format!("integer `{u}`"),
            Number::Signed(i) => format!("integer `{i}`"),
            Number::Float(f) => format!("floating point `{f}`"),
        },
        J::Str(s) => format!("string {s:?}"),
        J::Arr(_) => "sequence".to_string(),
        J::Obj(_) => "map".to_string(),
    }
}

// ---- renaming, as convert::rename does ----------------------------------------

fn rename(v: J, prefix: &str, path: &str, data_map: bool) -> JsResult<J> {
    match v {
        J::Arr(a) => {
            let mut out = Vec::with_capacity(a.len());
            for (i, x) in a.into_iter().enumerate() {
                out.push(rename(x, prefix, &format!("{path}[{i}]"), false)?);
            }
            Ok(J::Arr(out))
        }
        J::Obj(o) => {
            if o.len() == 1 {
                if let Some(J::Str(what)) = o.get("\u{0}") {
                    let what = match what.as_str() {
                        "NaN" | "Infinity" | "-Infinity" => format!("floating point `{what}`"),
                        other => other.to_string(),
                    };
                    return Err(wrong_type(prefix, path, &what));
                }
            }
            let mut out = Members::default();
            for (key, x) in o {
                let name = if data_map {
                    key.clone()
                } else {
                    let s = snake(&key);
                    if camel(&s) != key {
                        return Err(JsErr(input_error(
                            prefix,
                            path,
                            &format!("unknown field `{key}`, expected a camelCase name"),
                        )));
                    }
                    s
                };
                let is_map = !data_map && DATA_MAPS.contains(&name.as_str());
                let child = push_key(path, &key);
                out.insert(name, rename(x, prefix, &child, is_map)?);
            }
            Ok(J::Obj(out))
        }
        other => Ok(other),
    }
}

// ---- checking against the input's fields, as serde's derived code does --------

/// What a field holds.
#[derive(Clone, Copy)]
pub enum Ty {
    Str,
    Bool,
    U32,
    Struct(&'static Shape),
    /// A map of text keys to values (`BTreeMap<String, T>`).
    Map(&'static Ty),
}

/// A struct's fields in declaration order, each optional (`Option<T>`) or
/// not (a `#[serde(default)]` map); every field has a default.
pub struct Shape {
    name: &'static str,
    fields: &'static [(&'static str, Ty, bool)],
}

static WALLET: Shape = Shape {
    name: "WalletInput",
    fields: &[("enabled", Ty::Bool, true), ("verified", Ty::Bool, true)],
};
static WALLETS: Shape = Shape {
    name: "WalletsInput",
    fields: &[
        ("alipay", Ty::Struct(&WALLET), true),
        ("wechat", Ty::Struct(&WALLET), true),
        ("unionpay", Ty::Struct(&WALLET), true),
    ],
};
static PAYMENT: Shape = Shape {
    name: "PaymentInput",
    fields: &[
        ("amount", Ty::Str, true),
        ("method", Ty::Str, true),
        ("card_kind", Ty::Str, true),
        ("card_medium", Ty::Str, true),
        ("magstripe_verified", Ty::Bool, true),
        ("wallet", Ty::Str, true),
        ("large_mode", Ty::Bool, true),
        ("time", Ty::Str, true),
    ],
};
static MERCHANT: Shape = Shape {
    name: "MerchantInput",
    fields: &[
        ("tier", Ty::Str, true),
        ("verification", Ty::Str, true),
        ("credit_rate", Ty::Str, true),
        ("activated", Ty::Bool, true),
        ("wallets", Ty::Struct(&WALLETS), true),
        ("large_mode_approved", Ty::Bool, true),
    ],
};
static USAGE: Shape = Shape {
    name: "UsageInput",
    fields: &[
        ("used", Ty::Map(&Ty::Str), false),
        ("counts", Ty::Map(&Ty::U32), false),
    ],
};
static OPTIONS: Shape = Shape {
    name: "OptionsInput",
    fields: &[("provisional", Ty::Bool, true)],
};
static INSTRUMENT: Shape = Shape {
    name: "InstrumentInput",
    fields: &[
        ("method", Ty::Str, true),
        ("card_kind", Ty::Str, true),
        ("card_medium", Ty::Str, true),
        ("magstripe_verified", Ty::Bool, true),
        ("wallet", Ty::Str, true),
        ("large_mode", Ty::Bool, true),
    ],
};

use posfee_core::input::path_text;

/// A failure: the path and serde's message.
type Fail = (String, String);

fn fail<T>(path: &[String], message: String) -> Result<T, Fail> {
    Err((path_text(path), message))
}

fn expecting(ty: Ty) -> String {
    match ty {
        Ty::Str => "a string".to_string(),
        Ty::Bool => "a boolean".to_string(),
        Ty::U32 => "u32".to_string(),
        Ty::Struct(s) => format!("struct {}", s.name),
        Ty::Map(_) => "a map".to_string(),
    }
}

fn invalid_type<T>(path: &[String], v: &J, ty: Ty) -> Result<T, Fail> {
    fail(
        path,
        format!(
            "invalid type: {}, expected {}",
            unexpected(v),
            expecting(ty)
        ),
    )
}

fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

fn check(v: &J, ty: Ty, path: &mut Vec<String>) -> Result<(), Fail> {
    match (ty, v) {
        (Ty::Str, J::Str(_)) | (Ty::Bool, J::Bool(_)) => Ok(()),
        (Ty::U32, J::Num(t)) => match number(t) {
            Number::Unsigned(u) if u <= u64::from(u32::MAX) => Ok(()),
            Number::Unsigned(u) => {
                fail(path, format!("invalid value: integer `{u}`, expected u32"))
            }
            Number::Signed(i) => fail(path, format!("invalid value: integer `{i}`, expected u32")),
            Number::Float(_) => invalid_type(path, v, ty),
        },
        (Ty::Struct(shape), J::Obj(o)) => {
            for (key, x) in o.iter() {
                let Some((_, fty, optional)) = shape.fields.iter().find(|(n, _, _)| n == key)
                else {
                    path.push(key.clone());
                    let names: Vec<&str> = shape.fields.iter().map(|(n, _, _)| *n).collect();
                    let message = if names.is_empty() {
                        format!("unknown field `{key}`, there are no fields")
                    } else {
                        format!("unknown field `{key}`, expected {}", one_of(&names))
                    };
                    return fail(path, message);
                };
                path.push(key.clone());
                field(x, *fty, *optional, path)?;
                path.pop();
            }
            Ok(())
        }
        (Ty::Struct(shape), J::Arr(a)) => {
            for (i, (x, (_, fty, optional))) in a.iter().zip(shape.fields.iter()).enumerate() {
                path.push(format!("[{i}]"));
                field(x, *fty, *optional, path)?;
                path.pop();
            }
            if a.len() > shape.fields.len() {
                return fail(
                    path,
                    format!(
                        "invalid length {}, expected fewer elements in array",
                        a.len()
                    ),
                );
            }
            Ok(())
        }
        (Ty::Map(vty), J::Obj(o)) => {
            for (key, x) in o.iter() {
                path.push(key.clone());
                check(x, *vty, path)?;
                path.pop();
            }
            Ok(())
        }
        _ => invalid_type(path, v, ty),
    }
}

fn stray_array(v: &J, path: &mut Vec<String>) -> Option<String> {
    match v {
        J::Arr(_) => Some(path_text(path)),
        J::Obj(o) => {
            for (key, x) in o.iter() {
                path.push(key.clone());
                if let Some(p) = stray_array(x, path) {
                    return Some(p);
                }
                path.pop();
            }
            None
        }
        _ => None,
    }
}

fn field(v: &J, ty: Ty, optional: bool, path: &mut Vec<String>) -> Result<(), Fail> {
    if optional && *v == J::Null {
        return Ok(());
    }
    check(v, ty, path)
}

// ---- the typed inputs -----------------------------------------------------------

/// An input the careful reader can build once its value is checked.
pub trait Careful: Sized {
    /// The input's fields.
    fn shape() -> &'static Shape;
    /// The input from a checked value (an object or an array of fields).
    fn build(v: &J) -> Self;
}

/// Field `i` of a checked struct value: by name in an object, by position in
/// an array; `None` when absent or null.
fn member<'a>(v: &'a J, shape: &Shape, i: usize) -> Option<&'a J> {
    let found = match v {
        J::Obj(o) => shape.fields.get(i).and_then(|(n, _, _)| o.get(n)),
        J::Arr(a) => a.get(i),
        _ => None,
    };
    found.filter(|x| **x != J::Null)
}

fn text_at(v: &J, shape: &Shape, i: usize) -> Option<String> {
    match member(v, shape, i) {
        Some(J::Str(s)) => Some(s.clone()),
        _ => None,
    }
}

fn flag_at(v: &J, shape: &Shape, i: usize) -> Option<bool> {
    match member(v, shape, i) {
        Some(J::Bool(b)) => Some(*b),
        _ => None,
    }
}

impl Careful for PaymentInput {
    fn shape() -> &'static Shape {
        &PAYMENT
    }
    fn build(v: &J) -> Self {
        let s = &PAYMENT;
        PaymentInput {
            amount: text_at(v, s, 0),
            method: text_at(v, s, 1),
            card_kind: text_at(v, s, 2),
            card_medium: text_at(v, s, 3),
            magstripe_verified: flag_at(v, s, 4),
            wallet: text_at(v, s, 5),
            large_mode: flag_at(v, s, 6),
            time: text_at(v, s, 7),
        }
    }
}

fn wallet_at(v: &J, i: usize) -> Option<WalletInput> {
    member(v, &WALLETS, i).map(|w| WalletInput {
        enabled: flag_at(w, &WALLET, 0),
        verified: flag_at(w, &WALLET, 1),
    })
}

impl Careful for MerchantInput {
    fn shape() -> &'static Shape {
        &MERCHANT
    }
    fn build(v: &J) -> Self {
        let s = &MERCHANT;
        MerchantInput {
            tier: text_at(v, s, 0),
            verification: text_at(v, s, 1),
            credit_rate: text_at(v, s, 2),
            activated: flag_at(v, s, 3),
            wallets: member(v, s, 4).map(|w| WalletsInput {
                alipay: wallet_at(w, 0),
                wechat: wallet_at(w, 1),
                unionpay: wallet_at(w, 2),
            }),
            large_mode_approved: flag_at(v, s, 5),
        }
    }
}

impl Careful for UsageInput {
    fn shape() -> &'static Shape {
        &USAGE
    }
    fn build(v: &J) -> Self {
        let map = |i: usize| match member(v, &USAGE, i) {
            Some(J::Obj(o)) => o.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        // Inserted one by one: the keys come in order, and collecting would
        // bring a sort along.
        let mut usage = UsageInput::default();
        for (k, x) in map(0) {
            if let J::Str(s) = x {
                usage.used.insert(k.clone(), s.clone());
            }
        }
        for (k, x) in map(1) {
            if let Some(n) = match x {
                J::Num(t) => t.parse::<u32>().ok(),
                _ => None,
            } {
                usage.counts.insert(k.clone(), n);
            }
        }
        usage
    }
}

/// `{provisional}` of a quote's options (the name is in serde's messages).
#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsInput {
    /// A provisional answer for years the calendar lacks.
    #[serde(default)]
    pub provisional: Option<bool>,
}

impl Careful for OptionsInput {
    fn shape() -> &'static Shape {
        &OPTIONS
    }
    fn build(v: &J) -> Self {
        OptionsInput {
            provisional: flag_at(v, &OPTIONS, 0),
        }
    }
}

/// An instrument of a batch: a payment without amount and time.
#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstrumentInput {
    /// As [`PaymentInput`].
    #[serde(default)]
    pub method: Option<String>,
    /// As [`PaymentInput`].
    #[serde(default)]
    pub card_kind: Option<String>,
    /// As [`PaymentInput`].
    #[serde(default)]
    pub card_medium: Option<String>,
    /// As [`PaymentInput`].
    #[serde(default)]
    pub magstripe_verified: Option<bool>,
    /// As [`PaymentInput`].
    #[serde(default)]
    pub wallet: Option<String>,
    /// As [`PaymentInput`].
    #[serde(default)]
    pub large_mode: Option<bool>,
}

impl Careful for InstrumentInput {
    fn shape() -> &'static Shape {
        &INSTRUMENT
    }
    fn build(v: &J) -> Self {
        let s = &INSTRUMENT;
        InstrumentInput {
            method: text_at(v, s, 0),
            card_kind: text_at(v, s, 1),
            card_medium: text_at(v, s, 2),
            magstripe_verified: flag_at(v, s, 3),
            wallet: text_at(v, s, 4),
            large_mode: flag_at(v, s, 5),
        }
    }
}

/// Reads an input from the careful JSON text of a JavaScript value (`None`:
/// the value was `undefined`), with the whole package's errors.
pub fn read<T: Careful>(text: Option<&str>, prefix: &str) -> JsResult<T> {
    let v = match text {
        None => J::Null,
        Some(t) => parse(t).ok_or_else(|| internal("JSON"))?,
    };
    let v = rename(v, prefix, "", false)?;
    let mut path = Vec::new();
    match check(&v, Ty::Struct(T::shape()), &mut path) {
        // The quote module's inputs have no list fields: an array serde's
        // order let through is refused, as the core's `input_from_json` does.
        Ok(()) => match stray_array(&v, &mut path) {
            Some(at) => Err(JsErr::from(input_error(
                prefix,
                &at,
                posfee_core::STRAY_ARRAY,
            ))),
            None => Ok(T::build(&v)),
        },
        Err((at, message)) => Err(JsErr::from(input_error(prefix, &at, &message))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;

    /// The whole package's way: serde_json, `convert::rename`, serde.
    fn by_serde<T: DeserializeOwned>(
        text: &str,
        prefix: &str,
    ) -> Result<T, (String, String, String, String)> {
        let v: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| ("json".into(), e.to_string(), String::new(), String::new()))?;
        let v = crate::convert::rename(v, prefix, "", false).map_err(|JsErr(e)| parts(&e))?;
        posfee_core::input_from_json::<T>(v, prefix).map_err(|e| parts(&JsErr::from(e).0))
    }

    fn parts(e: &posfee_core::Error) -> (String, String, String, String) {
        (
            e.code().as_str().to_string(),
            e.field().to_string(),
            e.reason().to_string(),
            format!("{} | {}", e.message_zh(), e.message_en()),
        )
    }

    fn by_careful<T: Careful>(
        text: &str,
        prefix: &str,
    ) -> Result<T, (String, String, String, String)> {
        read::<T>(Some(text), prefix).map_err(|JsErr(e)| parts(&e))
    }

    /// Whether both refuse the input (after asserting they agree).
    fn same<T: Careful + DeserializeOwned + PartialEq + std::fmt::Debug>(
        text: &str,
        prefix: &str,
    ) -> bool {
        let a = by_serde::<T>(text, prefix);
        let b = by_careful::<T>(text, prefix);
        assert_eq!(b, a, "{prefix}: {text}");
        a.is_err()
    }

    const VALUES: &[&str] = &[
        "null",
        "true",
        "false",
        "0",
        "5",
        "-3",
        "18446744073709552000",
        "-9223372036854776000",
        "4294967296",
        "1.5",
        "0.5",
        "-0.25",
        "1e+21",
        "1.5e+21",
        "1e-7",
        "1.2345e-7",
        "2.5e+25",
        "7e-10",
        "0.00001",
        "0.000001",
        "123456.789",
        "\"\"",
        "\"1000.00\"",
        "\"card\"",
        "\"qr\"",
        "\"a\\\"b\\n\\u0001日\\ud83d\\ude00\"",
        "[]",
        "[\"a\"]",
        "[null, \"x\"]",
        "{}",
        "{\"x\": 1}",
        "{\"\\u0000\": \"NaN\"}",
        "{\"\\u0000\": \"object\"}",
        "{\"\\u0000\": \"bigint\"}",
        "{\"enabled\": true}",
        "{\"alipay\": {\"enabled\": 1}}",
        "{\"credit\": \"1.00\"}",
        "{\"credit\": 5}",
        "{\"qr_large_count\": -1}",
        "{\"a_b\": 1}",
        "[1, 2, 3, 4, 5, 6, 7, 8, 9]",
    ];
    const PAYMENT_KEYS: &[&str] = &[
        "amount",
        "method",
        "cardKind",
        "cardMedium",
        "magstripeVerified",
        "wallet",
        "largeMode",
        "time",
        "card_kind",
        "Amount",
        "extra",
        "\\u0000",
    ];
    const MERCHANT_KEYS: &[&str] = &[
        "tier",
        "verification",
        "creditRate",
        "activated",
        "wallets",
        "largeModeApproved",
        "credit_rate",
        "x",
    ];
    const USAGE_KEYS: &[&str] = &["used", "counts", "other"];

    struct Rand(u64);
    impl Rand {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            usize::try_from((self.0 >> 33) % n as u64).unwrap_or(0)
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs.get(self.next(xs.len())).copied().unwrap_or("null")
        }
    }

    fn object(r: &mut Rand, keys: &[&str], values: &[&str]) -> String {
        let mut members: Vec<String> = Vec::new();
        for _ in 0..r.next(4) {
            let k = r.pick(keys);
            if members.iter().any(|m| m.starts_with(&format!("\"{k}\":"))) {
                continue;
            }
            members.push(format!("\"{k}\": {}", r.pick(values)));
        }
        format!("{{{}}}", members.join(", "))
    }

    #[test]
    fn the_careful_reader_refuses_and_accepts_as_serde_does() {
        let mut r = Rand(20261123);
        for v in VALUES {
            same::<PaymentInput>(v, "payment");
            same::<MerchantInput>(v, "merchant");
            same::<UsageInput>(v, "usage");
            same::<OptionsInput>(v, "options");
            same::<InstrumentInput>(v, "instruments[0]");
        }
        let wallet_values: Vec<String> = (0..40)
            .map(|_| {
                let mut r2 = Rand(r.next(1 << 20) as u64);
                let inner = object(&mut r2, &["enabled", "verified", "x"], VALUES);
                let k = r2.pick(&["alipay", "wechat", "unionpay", "other"]);
                format!("{{\"{k}\": {inner}}}")
            })
            .collect();
        let mut merchant_values: Vec<&str> = VALUES.to_vec();
        merchant_values.extend(wallet_values.iter().map(String::as_str));
        let (mut refused, mut read) = (0, 0);
        for _ in 0..3000 {
            let outcomes = [
                same::<PaymentInput>(&object(&mut r, PAYMENT_KEYS, VALUES), "payment"),
                same::<MerchantInput>(&object(&mut r, MERCHANT_KEYS, &merchant_values), "merchant"),
                same::<UsageInput>(&object(&mut r, USAGE_KEYS, VALUES), "usage"),
                same::<OptionsInput>(&object(&mut r, &["provisional", "x"], VALUES), "options"),
                same::<InstrumentInput>(&object(&mut r, PAYMENT_KEYS, VALUES), "instruments[2]"),
            ];
            for was_refused in outcomes {
                if was_refused {
                    refused += 1;
                } else {
                    read += 1;
                }
            }
        }
        assert!(
            refused > 3000 && read > 3000,
            "refused {refused}, read {read}"
        );
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        let cases = [
            ("0.5", "0.5"),
            ("1.5", "1.5"),
            ("1e+21", "1e+21"),
            ("1.5e+21", "1.5e+21"),
            ("1e-7", "1e-7"),
            ("0.00001", "0.00001"),
            ("0.000001", "0.000001"),
            ("2.5e+25", ""),
            ("7e-10", ""),
            ("100000000000000000000", ""),
            ("1234.5", ""),
            ("123456.789", "1234567890123456.8"),
            ("-0.25", "-0.25"),
            ("18446744073709552000", "1.8446744073709552e+19"),
        ];
        for (js, _) in cases {
            let f: f64 = js.parse().unwrap_or(f64::NAN);
            let v: serde_json::Value = serde_json::from_str(js).unwrap_or(serde_json::Value::Null);
            let by_serde = serde_json::from_value::<String>(v)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert_eq!(
                format!(
                    "invalid type: {}, expected a string",
                    unexpected(&J::Num(js.to_string()))
                ),
                by_serde,
                "{js} ({f})"
            );
        }
    }

    #[test]
    fn text_as_json_stringify_writes_it_is_read() {
        assert_eq!(
            parse("{\"a\":[1,\"x\\u00e9\",null,true]}"),
            Some(J::Obj(Members::from([(
                "a".to_string(),
                J::Arr(vec![
                    J::Num("1".into()),
                    J::Str("xé".into()),
                    J::Null,
                    J::Bool(true)
                ])
            )])))
        );
        assert_eq!(parse("\"\\ud800\""), None);
        assert_eq!(parse("{\"a\":1"), None);
        assert_eq!(parse("[1,]"), None);
    }
}
