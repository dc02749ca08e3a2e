//! Turning JSON text or values into typed data, with errors that carry the
//! path of the offending field.

use crate::error::{Error, ErrorCode, Result};
use serde::de::DeserializeOwned;

/// Parses JSON text into a value; a syntax error gets `syntax_code` with the
/// line and column.
pub(crate) fn parse_text(
    text: &str,
    syntax_code: ErrorCode,
    what: &str,
) -> Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| {
        let at = format!("line {} column {}", e.line(), e.column());
        Error::new(
            syntax_code,
            "",
            "syntax",
            format!(
                "{what}不是有效的 JSON（第 {} 行第 {} 列）：{e}",
                e.line(),
                e.column()
            ),
            format!("{what} is not valid JSON ({at}): {e}"),
        )
    })
}

/// Deserializes a JSON value into `T`; a failure becomes `code` with the
/// field path, under `prefix`.
pub(crate) fn from_value<T: DeserializeOwned>(
    value: serde_json::Value,
    code: ErrorCode,
    prefix: &str,
) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        serde_error(code, prefix, &path, &message)
    })
}

/// Maps a serde message at a path to a posfee error.
pub(crate) fn serde_error(code: ErrorCode, prefix: &str, path: &str, message: &str) -> Error {
    let mut path = if path == "." {
        String::new()
    } else {
        path.to_string()
    };
    let (reason, named) = classify(message);
    if let Some(name) = named {
        if !path.ends_with(name) {
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
    let zh_reason = match reason {
        "missing" => "缺少必填字段",
        "unknown_field" => "未知字段",
        "wrong_type" => "类型不正确",
        "unknown_value" => "未知取值",
        _ => "取值不正确",
    };
    let shown = if field.is_empty() {
        "(root)"
    } else {
        field.as_str()
    };
    Error::new(
        code,
        field.clone(),
        reason,
        format!("{shown}：{zh_reason}（{message}）"),
        format!("{shown}: {message}"),
    )
}

/// The reason of a serde message and, for missing or unknown fields, the
/// field's name.
fn classify(message: &str) -> (&'static str, Option<&str>) {
    if message.starts_with("missing field") {
        ("missing", message.split('`').nth(1))
    } else if message.starts_with("unknown field") {
        ("unknown_field", message.split('`').nth(1))
    } else if message.starts_with("invalid type") {
        ("wrong_type", None)
    } else if message.starts_with("unknown variant") {
        ("unknown_value", None)
    } else {
        ("invalid_value", None)
    }
}

/// A validation error at a path.
pub(crate) fn invalid(code: ErrorCode, path: &str, zh: &str, en: &str) -> Error {
    Error::new(
        code,
        path,
        "invalid_value",
        format!("{path}：{zh}"),
        format!("{path}: {en}"),
    )
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
            "unsupported",
            format!("schema_version：不支持的{what_zh}格式版本 {v}（支持 {expected}）"),
            format!("schema_version: {what_en} schema {v} is not supported (this library reads {expected})"),
        )),
        Some(_) => Err(serde_error(invalid, "", "schema_version", "invalid type: expected an integer")),
        None => Err(serde_error(invalid, "", "", "missing field `schema_version`")),
    }
}
