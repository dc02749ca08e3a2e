//! Data files (plans, calendars, contract tables) are read by serde's derived
//! code from a parsed JSON value through this deserializer, whose error type
//! records what went wrong as structure (a [`Reason`], the field a missing or
//! unknown key names, the path of keys and indexes it lies at) and words it
//! in posfee's own terms. No deserializer's message text is parsed.

use crate::error::Reason;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, IntoDeserializer, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde_json::Value;
use std::fmt;

/// A data file's fault, as serde's derived code reports it.
#[derive(Debug)]
pub(crate) struct Fault {
    pub(crate) reason: Reason,
    /// The key a missing or unknown field names (to be added to the path).
    pub(crate) name: Option<String>,
    pub(crate) zh: String,
    pub(crate) en: String,
    /// Where it lies, outermost first: each level the error passes through
    /// on its way out puts its key or index in front.
    pub(crate) path: Vec<Seg>,
}

/// A step of a path into a data file.
#[derive(Debug)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

impl Fault {
    fn new(reason: Reason, name: Option<String>, zh: String, en: String) -> Fault {
        Fault {
            reason,
            name,
            zh,
            en,
            path: Vec::new(),
        }
    }

    /// The fault seen from one level up.
    fn under(mut self, seg: Seg) -> Fault {
        self.path.insert(0, seg);
        self
    }

    /// The path as `fee_rules[0].rate_percent` (empty for the root).
    pub(crate) fn path_text(&self) -> String {
        path_text(&self.path)
    }
}

/// A path into a data file as `fee_rules[0].rate_percent` (empty for the
/// root); the strict reader (`load.rs`) spells its paths the same way.
pub(crate) fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Fault {}

/// What a value is, in both languages.
fn what(u: &Unexpected<'_>) -> (String, String) {
    let echo = crate::bounds::echo;
    match u {
        Unexpected::Bool(b) => (format!("布尔值 {b}"), format!("the boolean {b}")),
        Unexpected::Unsigned(n) => (format!("数字 {n}"), format!("the number {n}")),
        Unexpected::Signed(n) => (format!("数字 {n}"), format!("the number {n}")),
        Unexpected::Float(n) => (format!("数字 {n}"), format!("the number {n}")),
        Unexpected::Str(s) => {
            let s = echo(s);
            (format!("字符串 \"{s}\""), format!("the string \"{s}\""))
        }
        Unexpected::Unit => ("null".into(), "null".into()),
        Unexpected::Seq => ("数组".into(), "a list".into()),
        Unexpected::Map => ("对象".into(), "an object".into()),
        _ => ("该值".into(), "this value".into()),
    }
}

impl de::Error for Fault {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        // Only posfee's own Deserialize impls (and the date and decimal
        // readers they call) raise custom errors.
        let text = crate::bounds::echo_message(&msg.to_string());
        Fault::new(
            Reason::InvalidValue,
            None,
            format!("取值不正确（{text}）"),
            format!("invalid value: {text}"),
        )
    }

    fn invalid_type(unexp: Unexpected<'_>, _exp: &dyn Expected) -> Self {
        let (zh, en) = what(&unexp);
        Fault::new(
            Reason::WrongType,
            None,
            format!("类型不正确：实为{zh}"),
            format!("wrong type: {en}"),
        )
    }

    fn invalid_value(unexp: Unexpected<'_>, _exp: &dyn Expected) -> Self {
        let (zh, en) = what(&unexp);
        Fault::new(
            Reason::InvalidValue,
            None,
            format!("取值不正确：{zh}"),
            format!("invalid value: {en}"),
        )
    }

    fn invalid_length(len: usize, _exp: &dyn Expected) -> Self {
        Fault::new(
            Reason::InvalidValue,
            None,
            format!("条目数不正确：{len} 个"),
            format!("wrong number of entries: {len}"),
        )
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let v = crate::bounds::echo(variant);
        let list = expected.join(", ");
        Fault::new(
            Reason::UnknownValue,
            None,
            format!("未知取值 \"{v}\"，可选值为 {list}"),
            format!("unknown value \"{v}\"; expected one of {list}"),
        )
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let list = expected.join(", ");
        Fault::new(
            Reason::UnknownField,
            Some(field.to_string()),
            format!("未知字段，可用字段为 {list}"),
            format!("unknown field; the fields are {list}"),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        Fault::new(
            Reason::Missing,
            Some(field.to_string()),
            "缺少必填字段".into(),
            "required field is missing".into(),
        )
    }

    fn duplicate_field(field: &'static str) -> Self {
        Fault::new(
            Reason::DuplicateKey,
            Some(field.to_string()),
            "同一对象中该键出现不止一次".into(),
            "the key appears more than once in the same object".into(),
        )
    }
}

/// A parsed JSON value as a serde deserializer with [`Fault`] errors.
pub(crate) struct Data(pub(crate) Value);

type R<T> = std::result::Result<T, Fault>;

impl<'de> Deserializer<'de> for Data {
    type Error = Fault;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => visitor.visit_seq(Items(items.into_iter().enumerate())),
            Value::Object(members) => visitor.visit_map(Members {
                iter: members.into_iter(),
                next: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(Data(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(Variant {
                name: s,
                value: None,
            }),
            Value::Object(members) if members.len() == 1 => {
                let Some((name, value)) = members.into_iter().next() else {
                    return Err(de::Error::invalid_type(Unexpected::Map, &"an enum"));
                };
                visitor.visit_enum(Variant {
                    name,
                    value: Some(value),
                })
            }
            Value::Object(_) => Err(de::Error::invalid_type(Unexpected::Map, &"an enum")),
            Value::Array(_) => Err(de::Error::invalid_type(Unexpected::Seq, &"an enum")),
            other => Data(other).deserialize_any(visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

impl<'de> IntoDeserializer<'de, Fault> for Data {
    type Deserializer = Data;
    fn into_deserializer(self) -> Data {
        self
    }
}

struct Items(std::iter::Enumerate<std::vec::IntoIter<Value>>);

impl<'de> SeqAccess<'de> for Items {
    type Error = Fault;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> R<Option<T::Value>> {
        match self.0.next() {
            Some((i, v)) => seed
                .deserialize(Data(v))
                .map(Some)
                .map_err(|f| f.under(Seg::Index(i))),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Members {
    iter: serde_json::map::IntoIter,
    next: Option<(String, Value)>,
}

impl<'de> MapAccess<'de> for Members {
    type Error = Fault;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> R<Option<K::Value>> {
        match self.iter.next() {
            Some((k, v)) => {
                let key = seed.deserialize(k.as_str().into_deserializer());
                self.next = Some((k, v));
                key.map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> R<V::Value> {
        let (k, v) = self.next.take().unwrap_or_default();
        seed.deserialize(Data(v)).map_err(|f| f.under(Seg::Key(k)))
    }
}

struct Variant {
    name: String,
    value: Option<Value>,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Fault;
    type Variant = Payload;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> R<(S::Value, Payload)> {
        let name = seed.deserialize(self.name.as_str().into_deserializer())?;
        Ok((name, Payload(self.value, self.name)))
    }
}

/// A variant's content and its name (the path's step into it).
struct Payload(Option<Value>, String);

impl<'de> VariantAccess<'de> for Payload {
    type Error = Fault;
    fn unit_variant(self) -> R<()> {
        match self.0 {
            None | Some(Value::Null) => Ok(()),
            Some(_) => Err(de::Error::invalid_type(Unexpected::Map, &"a unit variant")),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> R<T::Value> {
        match self.0 {
            Some(v) => seed
                .deserialize(Data(v))
                .map_err(|f| f.under(Seg::Key(self.1))),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"a newtype variant",
            )),
        }
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> R<V::Value> {
        match self.0 {
            Some(v) => Data(v)
                .deserialize_any(visitor)
                .map_err(|f| f.under(Seg::Key(self.1))),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"a tuple variant",
            )),
        }
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        match self.0 {
            Some(v) => Data(v)
                .deserialize_any(visitor)
                .map_err(|f| f.under(Seg::Key(self.1))),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"a struct variant",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::Plan;

    fn plan_error(edit: impl FnOnce(&mut serde_json::Value)) -> crate::Error {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../data/plan-upos.json")).unwrap();
        edit(&mut v);
        Plan::from_json(&v.to_string()).unwrap_err()
    }

    #[test]
    fn data_faults_are_posfees_words_with_a_reason() {
        let e = plan_error(|v| v["fee_rules"][0]["rate_percent"] = serde_json::json!(5));
        assert_eq!(
            (e.field(), e.reason().as_str()),
            ("fee_rules[0].rate_percent", "wrong_type")
        );
        assert_eq!(
            e.message_en(),
            "fee_rules[0].rate_percent: wrong type: the number 5"
        );
        let first = e;
        let e = plan_error(|v| v["fee_rules"][0]["surprise"] = serde_json::json!(1));
        assert_eq!(
            (e.field(), e.reason().as_str()),
            ("fee_rules[0].surprise", "unknown_field")
        );
        assert!(e
            .message_en()
            .starts_with("fee_rules[0].surprise: unknown field; the fields are "));
        for e in [&first, &e] {
            for words in ["invalid type", "missing field", "expected a"] {
                assert!(!e.message_en().contains(words), "{}", e.message_en());
            }
        }
    }
}
