//! Turning JSON text or values into typed data, with errors that carry the
//! path of the offending field.

use crate::bounds::{self, MAX_DATA_FILE_BYTES};
use crate::data_de::Seg;
use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor,
};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// Parses JSON text into a value; a syntax error gets `syntax_code` with the
/// line and column.
pub(crate) fn parse_text(
    text: &str,
    syntax_code: ErrorCode,
    what: &str,
    what_en: &str,
) -> Result<serde_json::Value> {
    if text.len() > MAX_DATA_FILE_BYTES {
        return Err(bounds::too_long("", MAX_DATA_FILE_BYTES, "bytes"));
    }
    let invalid_code = match syntax_code {
        ErrorCode::CalendarSyntax => ErrorCode::CalendarInvalid,
        _ => ErrorCode::PlanInvalid,
    };
    let ctx = Strict::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ValueSeed {
        ctx: &ctx,
        depth: 1,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match (parsed, ctx.fault.into_inner()) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some(Fault::TooDeep(path))) => Err(bounds::too_deep(&path)),
        (Err(_), Some(Fault::Duplicate(path))) => Err(Error::at(
            invalid_code,
            path,
            Reason::DuplicateKey,
            "同一对象中该键出现不止一次",
            "the key appears more than once in the same object",
        )),
        (Err(e), None) => Err(syntax_error(text, &e, syntax_code, what, what_en)),
    }
}

/// A JSON syntax error in posfee's words: where (line and column, as
/// serde_json counts them) and what is there — the character that does not
/// fit, or the end of the text.
fn syntax_error(
    text: &str,
    e: &serde_json::Error,
    code: ErrorCode,
    what: &str,
    what_en: &str,
) -> Error {
    let (line, column) = (e.line(), e.column());
    let found = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .and_then(|l| {
            // The column counts bytes from 1; step back to a character's start.
            let mut at = column.saturating_sub(1).min(l.len());
            while !l.is_char_boundary(at) {
                at -= 1;
            }
            l.get(at..)
        })
        .and_then(|rest| rest.chars().next());
    let eof = matches!(e.classify(), serde_json::error::Category::Eof);
    let (zh, en) = match found {
        Some(c) if !eof => (
            format!("字符 {c:?} 不符合 JSON 语法"),
            format!("the character {c:?} does not fit JSON syntax here"),
        ),
        _ => (
            "文本在 JSON 值结束前就结束了（对象、数组或字符串未闭合）".to_string(),
            "the text ends before the JSON value does (an object, array or string is not closed)"
                .to_string(),
        ),
    };
    Error::new(
        code,
        "",
        Reason::Syntax,
        format!("{what}不是有效的 JSON（第 {line} 行第 {column} 列）：{zh}"),
        format!("the {what_en} is not valid JSON (line {line} column {column}): {en}"),
    )
}

/// What the strict reader refused, beyond JSON syntax.
enum Fault {
    TooDeep(String),
    Duplicate(String),
}

/// The strict reader's state: the path being read and the first fault.
#[derive(Default)]
struct Strict {
    path: RefCell<Vec<Seg>>,
    fault: RefCell<Option<Fault>>,
}

impl Strict {
    fn path_with(&self, last: Option<&str>) -> String {
        let mut out = crate::data_de::path_text(&self.path.borrow());
        if let Some(k) = last {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(k);
        }
        out
    }

    fn fail<E: de::Error>(&self, fault: Fault) -> E {
        *self.fault.borrow_mut() = Some(fault);
        E::custom("refused")
    }
}

/// Reads a JSON value as `serde_json::Value` does, but refuses a key given
/// twice in one object (serde_json keeps the last) and nesting deeper than
/// [`bounds::MAX_DEPTH`].
struct ValueSeed<'c> {
    ctx: &'c Strict,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        if self.depth > bounds::MAX_DEPTH {
            return Err(self.ctx.fail(Fault::TooDeep(self.ctx.path_with(None))));
        }
        let mut out = Vec::new();
        loop {
            self.ctx.path.borrow_mut().push(Seg::Index(out.len()));
            let next = seq.next_element_seed(ValueSeed {
                ctx: self.ctx,
                depth: self.depth + 1,
            });
            self.ctx.path.borrow_mut().pop();
            match next? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        if self.depth > bounds::MAX_DEPTH {
            return Err(self.ctx.fail(Fault::TooDeep(self.ctx.path_with(None))));
        }
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(self
                    .ctx
                    .fail(Fault::Duplicate(self.ctx.path_with(Some(&key)))));
            }
            self.ctx.path.borrow_mut().push(Seg::Key(key.clone()));
            let value = map.next_value_seed(ValueSeed {
                ctx: self.ctx,
                depth: self.depth + 1,
            });
            self.ctx.path.borrow_mut().pop();
            out.insert(key, value?);
        }
        Ok(Value::Object(out))
    }
}

pub(crate) fn from_value<T: DeserializeOwned>(
    value: serde_json::Value,
    code: ErrorCode,
    prefix: &str,
) -> Result<T> {
    T::deserialize(crate::data_de::Data(value)).map_err(|e| {
        let path = e.path_text();
        fault_error(code, prefix, &path, e)
    })
}

/// A data file's fault at a path (`fee_rules[0].rate_percent`, empty for
/// the root) as a posfee error; a missing or unknown key is added to the
/// path.
fn fault_error(code: ErrorCode, prefix: &str, path: &str, fault: crate::data_de::Fault) -> Error {
    let mut path = path.to_string();
    if let Some(name) = &fault.name {
        if !path.ends_with(name.as_str()) {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(name);
        }
    }
    let field = match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path,
        (false, true) => prefix.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    };
    Error::at(code, field, fault.reason, fault.zh, fault.en)
}

/// A validation error at a path.
pub(crate) fn invalid(code: ErrorCode, path: &str, zh: &str, en: &str) -> Error {
    Error::at(code, path, Reason::InvalidValue, zh, en)
}

/// Checks a data file's `schema_version` before anything else is read:
/// another version is `unsupported`, a missing or non-integer one is `invalid`.
pub(crate) fn check_schema(
    value: &serde_json::Value,
    expected: u32,
    unsupported: ErrorCode,
    invalid: ErrorCode,
    what_zh: &str,
    what_en: &str,
) -> Result<()> {
    match value.get("schema_version") {
        Some(v) if v.as_u64() == Some(u64::from(expected)) => Ok(()),
        Some(v) if v.as_u64().is_some() => Err(Error::new(
            unsupported,
            "schema_version",
            Reason::Unsupported,
            format!("schema_version：不支持的{what_zh}格式版本 {v}（支持 {expected}）"),
            format!("schema_version: {what_en} schema {v} is not supported (this library reads {expected})"),
        )),
        Some(v) => Err(Error::new(
            invalid,
            "schema_version",
            Reason::WrongType,
            format!("schema_version：类型不正确：应为整数，实为 {}", crate::bounds::echo(&v.to_string())),
            format!("schema_version: wrong type: {}, expected a whole number", crate::bounds::echo(&v.to_string())),
        )),
        None => Err(Error::new(
            invalid,
            "schema_version",
            Reason::Missing,
            "schema_version：缺少必填字段",
            "schema_version: required field is missing",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (String, String) {
        let e = parse_text(text, ErrorCode::PlanSyntax, "费率方案", "plan file").unwrap_err();
        assert_eq!(
            (e.code(), e.reason(), e.field()),
            (ErrorCode::PlanSyntax, Reason::Syntax, "")
        );
        (e.message_en().to_string(), e.message_zh().to_string())
    }

    #[test]
    fn syntax_errors_are_worded_by_posfee() {
        let (en, zh) = syntax("{\n  \"id\": 5,\n  }");
        assert_eq!(
            en,
            "the plan file is not valid JSON (line 3 column 3): the character '}' does not fit JSON syntax here"
        );
        assert!(
            zh.starts_with("费率方案不是有效的 JSON（第 3 行第 3 列）"),
            "{zh}"
        );
        let (en, _) = syntax("{\"id\": \"upos");
        assert!(
            en.ends_with("(an object, array or string is not closed)"),
            "{en}"
        );
        let (en, _) = syntax("");
        assert!(en.contains("the text ends before"), "{en}");
        // A multi-byte character where the error is: named whole.
        let (en, _) = syntax("{\"a\": 好}");
        assert!(
            en.ends_with("the character '好' does not fit JSON syntax here"),
            "{en}"
        );
        // Nothing of serde_json's own wording.
        for t in ["[1,]", "{\"a\" 1}", "nul", "{\"a\":1}x", "\"\\q\""] {
            let (en, _) = syntax(t);
            for word in ["expected", "trailing", "invalid escape", "EOF"] {
                assert!(!en.contains(word), "{t:?}: {en}");
            }
        }
    }
}
