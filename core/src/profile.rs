//! Statement profiles: how a statement file's columns and values map onto
//! posfee's statement line (data, `core/data/statement-profile-*.json`,
//! schema `schemas/statement-profile.schema.json`). A profile names each
//! field's header names in Chinese and English, the vocabulary of its values
//! (贷记卡 → `credit`, 挥卡 → `contactless`), the date-time and amount
//! layouts a statement may use (thousands separators and ¥ are read here, in
//! a statement, and never in the quote API), how many title rows may come
//! before the header, and the labels of a totals row (合计).
//!
//! The built-in profile is "generic": posfee's own vocabulary of the names
//! merchants' statements commonly use; it describes no provider's format.

use crate::error::{Error, ErrorCode, Reason, Result};
use crate::statement::CSV_COLUMNS;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

#[cfg(test)]
pub(crate) const GENERIC_JSON: &str = include_str!("../data/statement-profile-generic.json");

/// The profile schema version this library reads.
pub const PROFILE_SCHEMA_VERSION: u32 = 1;

/// The most title rows a profile may allow above the header.
const MAX_HEADER_SEARCH_ROWS: u32 = 1000;

/// A profile file's contents. See [`StatementProfile`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileData {
    /// Always [`PROFILE_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The profile's name (`generic`).
    pub id: Arc<str>,
    /// The data's version.
    pub data_version: Arc<str>,
    /// Its name in Chinese.
    pub name_zh: Arc<str>,
    /// Its name in English.
    pub name_en: Arc<str>,
    /// Where its names come from.
    pub source: Arc<str>,
    /// For each statement field ([`CSV_COLUMNS`]), the header names that
    /// mean it (compared trimmed; ASCII letters in any case).
    pub columns: BTreeMap<String, Vec<Arc<str>>>,
    /// For a field, the cell texts it knows and the statement fields each
    /// sets (`"支付宝": {"method": "qr", "wallet": "alipay"}`). posfee's own
    /// names of the field's values are read as well.
    pub values: BTreeMap<String, BTreeMap<String, BTreeMap<String, Arc<str>>>>,
    /// Layouts of the time column (chrono's `%Y-%m-%d %H:%M:%S` notation),
    /// besides posfee's own `2025-03-12T10:00[:00]`.
    pub time_formats: Vec<Arc<str>>,
    /// Layouts of the settlement date column, besides `2025-03-12`.
    pub date_formats: Vec<Arc<str>>,
    /// The thousands separator of money cells (`1,234.56`), if any.
    pub thousands_separator: Option<Arc<str>>,
    /// Currency signs money cells may start with (`¥`, `￥`).
    pub currency_signs: Vec<Arc<str>>,
    /// The first cell of a totals row (合计).
    pub totals_labels: Vec<Arc<str>>,
    /// How many rows from the top may hold the header (title rows above it).
    pub header_search_rows: u32,
}

/// A validated statement profile (cheap to clone).
///
/// ```
/// let p = posfee_core::StatementProfile::generic();
/// assert_eq!(p.id(), "generic");
/// assert_eq!(p.field_of("交易金额"), Some("amount"));
/// assert_eq!(p.field_of(" Amount "), Some("amount"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementProfile(Arc<ProfileData>);

fn invalid(field: &str, reason: Reason, zh: String, en: String) -> Error {
    Error::at(ErrorCode::ProfileInvalid, field, reason, zh, en)
}

/// A header or value name as compared: trimmed, ASCII letters in lower case.
fn key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

/// The statement fields whose values are text, not money, time or date.
const TEXT_FIELDS: &[&str] = &["method", "card_kind", "card_medium", "wallet"];

impl StatementProfile {
    /// The built-in generic profile (`core/data/statement-profile-generic.json`).
    ///
    /// ```
    /// assert!(posfee_core::StatementProfile::generic().data().totals_labels.iter().any(|l| &**l == "合计"));
    /// ```
    pub fn generic() -> StatementProfile {
        static GENERIC: OnceLock<StatementProfile> = OnceLock::new();
        GENERIC
            .get_or_init(|| {
                match StatementProfile::from_data(crate::baked::statement_profile_generic::data()) {
                    Ok(p) => p,
                    // The baked data is checked by the tests; a profile with no
                    // names still reads posfee's own format.
                    Err(_) => {
                        StatementProfile(Arc::new(crate::baked::statement_profile_generic::data()))
                    }
                }
            })
            .clone()
    }

    /// Loads and validates a profile from JSON text; errors are
    /// `profile_syntax` or `profile_invalid` with the path of the field.
    ///
    /// ```
    /// let text = r#"{"schema_version": 1, "id": "mine", "data_version": "1", "name_zh": "我的", "name_en": "Mine",
    ///   "source": "my statements", "columns": {"amount": ["金额", "交易金额"]}, "values": {}, "time_formats": [],
    ///   "date_formats": [], "thousands_separator": null, "currency_signs": [], "totals_labels": [], "header_search_rows": 1}"#;
    /// let p = posfee_core::StatementProfile::from_json(text).unwrap();
    /// assert_eq!(p.field_of("金额"), Some("amount"));
    /// let bad = text.replace("\"amount\"", "\"colour\"");
    /// let e = posfee_core::StatementProfile::from_json(&bad).unwrap_err();
    /// assert_eq!((e.code().as_str(), e.field()), ("profile_invalid", "columns.colour"));
    /// ```
    pub fn from_json(text: &str) -> Result<StatementProfile> {
        let value =
            crate::load::parse_text(text, ErrorCode::ProfileSyntax, "对账单配置", "profile file")?;
        crate::load::check_schema(
            &value,
            PROFILE_SCHEMA_VERSION,
            ErrorCode::ProfileInvalid,
            ErrorCode::ProfileInvalid,
            "对账单配置",
            "statement profile",
        )?;
        let data: ProfileData = crate::load::from_value(value, ErrorCode::ProfileInvalid, "")?;
        StatementProfile::from_data(data)
    }

    pub(crate) fn from_data(data: ProfileData) -> Result<StatementProfile> {
        validate(&data)?;
        Ok(StatementProfile(Arc::new(data)))
    }

    /// The profile's id.
    ///
    /// ```
    /// assert_eq!(posfee_core::StatementProfile::generic().id(), "generic");
    /// ```
    pub fn id(&self) -> &str {
        &self.0.id
    }

    /// The profile's contents.
    ///
    /// ```
    /// assert_eq!(posfee_core::StatementProfile::generic().data().schema_version, 1);
    /// ```
    pub fn data(&self) -> &ProfileData {
        &self.0
    }

    /// The statement field a header name means, if the profile knows it.
    ///
    /// ```
    /// assert_eq!(posfee_core::StatementProfile::generic().field_of("颜色"), None);
    /// ```
    pub fn field_of(&self, header: &str) -> Option<&'static str> {
        let k = key(header);
        self.0.columns.iter().find_map(|(field, names)| {
            names
                .iter()
                .any(|n| key(n) == k)
                .then(|| CSV_COLUMNS.iter().copied().find(|c| c == field))
                .flatten()
        })
    }

    /// Whether a row's first non-empty cell marks it as a totals row.
    pub(crate) fn is_totals_row(&self, cells: &[String]) -> bool {
        cells
            .iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
            .is_some_and(|first| self.0.totals_labels.iter().any(|l| l.trim() == first))
    }

    /// A cell of a text field as the fields it sets: from the vocabulary, or
    /// posfee's own name of a value (left to the line's own check). `Err`
    /// holds the names the column accepts.
    pub(crate) fn text_value<'a>(
        &'a self,
        field: &'a str,
        cell: &str,
    ) -> std::result::Result<Vec<(&'a str, String)>, Vec<String>> {
        let cell = cell.trim();
        let vocabulary = self.0.values.get(field);
        let found = vocabulary.and_then(|v| {
            v.get_key_value(cell)
                .or_else(|| v.iter().find(|(k, _)| key(k) == key(cell)))
        });
        if let Some(sets) = found {
            return Ok(sets
                .1
                .iter()
                .map(|(f, v)| (f.as_str(), v.to_string()))
                .collect());
        }
        let own = own_names(field);
        if own.is_empty() || own.contains(&cell) {
            return Ok(vec![(field, cell.to_string())]);
        }
        Err(vocabulary
            .into_iter()
            .flat_map(|v| v.keys().cloned())
            .chain(own.iter().map(|s| s.to_string()))
            .collect())
    }

    /// A time cell as posfee's `YYYY-MM-DDTHH:MM:SS`, read by the profile's
    /// layouts; `None` when none fits (posfee's own layout is left to the
    /// line's check).
    pub(crate) fn time_value(&self, cell: &str) -> Option<String> {
        use chrono::{Datelike, Timelike};
        let cell = cell.trim();
        // posfee's own layout (`2025-03-12T10:00`) is left to the line's check.
        if cell.as_bytes().get(10) == Some(&b'T') {
            return Some(cell.to_string());
        }
        self.0.time_formats.iter().find_map(|f| {
            NaiveDateTime::parse_from_str(cell, f).ok().map(|t| {
                format!(
                    "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                    t.year(),
                    t.month(),
                    t.day(),
                    t.hour(),
                    t.minute(),
                    t.second()
                )
            })
        })
    }

    /// A date cell as `YYYY-MM-DD`, read by the profile's layouts.
    pub(crate) fn date_value(&self, cell: &str) -> Option<String> {
        use chrono::Datelike;
        let cell = cell.trim();
        // posfee's own layout (`2025-03-12`) is left to the line's check.
        let b = cell.as_bytes();
        if b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
            return Some(cell.to_string());
        }
        // A date Excel stored as a date (midnight, `xlsx_rows`).
        if let Some(date) = cell.strip_suffix("T00:00:00").filter(|d| d.len() == 10) {
            return Some(date.to_string());
        }
        self.0.date_formats.iter().find_map(|f| {
            NaiveDate::parse_from_str(cell, f)
                .ok()
                .map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
        })
    }

    /// A money cell without its currency sign and thousands separators
    /// (which must then group by three), for posfee's money reader; `None`
    /// when the separators are misplaced.
    pub(crate) fn money_value(&self, cell: &str) -> Option<String> {
        let mut t = cell.trim();
        let negative = t.starts_with('-');
        if negative {
            t = t.get(1..).unwrap_or_default();
        }
        if let Some(rest) = self
            .0
            .currency_signs
            .iter()
            .find_map(|s| t.strip_prefix(&**s))
        {
            t = rest.trim_start();
        }
        let body = match self.0.thousands_separator.as_deref() {
            Some(sep) if !sep.is_empty() && t.contains(sep) => {
                let (whole, decimals) = match t.find('.') {
                    Some(at) => (t.get(..at)?, t.get(at..)?),
                    None => (t, ""),
                };
                let groups: Vec<&str> = whole.split(sep).collect();
                let (first, rest) = groups.split_first()?;
                let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
                let grouped = (1..=3).contains(&first.len())
                    && digits(first)
                    && rest.iter().all(|g| g.len() == 3 && digits(g));
                if !grouped {
                    return None;
                }
                format!("{}{decimals}", groups.concat())
            }
            _ => t.to_string(),
        };
        Some(if negative { format!("-{body}") } else { body })
    }
}

/// posfee's own names of a text field's values.
fn own_names(field: &str) -> &'static [&'static str] {
    match field {
        "method" => crate::Method::NAMES,
        "card_kind" => crate::CardKind::NAMES,
        "card_medium" => crate::CardMedium::NAMES,
        "wallet" => crate::Wallet::NAMES,
        _ => &[],
    }
}

fn validate(d: &ProfileData) -> Result<()> {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (field, names) in &d.columns {
        let at = format!("columns.{field}");
        if !CSV_COLUMNS.contains(&field.as_str()) {
            return Err(invalid(
                &at,
                Reason::UnknownField,
                format!("不是对账单字段，可用字段为 {}", CSV_COLUMNS.join(", ")),
                format!(
                    "not a statement field; the fields are {}",
                    CSV_COLUMNS.join(", ")
                ),
            ));
        }
        for (i, name) in names.iter().enumerate() {
            let k = key(name);
            let at = format!("{at}[{i}]");
            if k.is_empty() {
                return Err(invalid(
                    &at,
                    Reason::Empty,
                    "列名为空".into(),
                    "the column name is empty".into(),
                ));
            }
            if let Some(other) = seen.insert(k, field) {
                let shown = crate::bounds::echo(name);
                return Err(invalid(
                    &at,
                    Reason::Duplicate,
                    format!("列名 \"{shown}\" 已用于 {other}"),
                    format!("the column name \"{shown}\" already means {other}"),
                ));
            }
        }
    }
    for (field, vocabulary) in &d.values {
        let at = format!("values.{field}");
        if !TEXT_FIELDS.contains(&field.as_str()) {
            return Err(invalid(
                &at,
                Reason::UnknownField,
                format!("只有这些字段可有取值表：{}", TEXT_FIELDS.join(", ")),
                format!(
                    "only these fields have a vocabulary: {}",
                    TEXT_FIELDS.join(", ")
                ),
            ));
        }
        for (cell, sets) in vocabulary {
            let at = format!("{at}.{cell}");
            if sets.is_empty() {
                return Err(invalid(
                    &at,
                    Reason::Empty,
                    "未设置任何字段".into(),
                    "sets no field".into(),
                ));
            }
            for (target, value) in sets {
                let own = own_names(target);
                if own.is_empty() {
                    return Err(invalid(
                        &format!("{at}.{target}"),
                        Reason::UnknownField,
                        format!("只能设置这些字段：{}", TEXT_FIELDS.join(", ")),
                        format!("can set only these fields: {}", TEXT_FIELDS.join(", ")),
                    ));
                }
                if !own.contains(&&**value) {
                    return Err(Error::unknown_value(&format!("{at}.{target}"), value, own)
                        .with_code(ErrorCode::ProfileInvalid));
                }
            }
        }
    }
    let sample = NaiveDate::from_ymd_opt(2025, 3, 12)
        .and_then(|d| d.and_hms_opt(10, 5, 9))
        .unwrap_or_default();
    for (list, name, needs) in [
        (
            &d.time_formats,
            "time_formats",
            &["%Y", "%m", "%d", "%H", "%M"][..],
        ),
        (&d.date_formats, "date_formats", &["%Y", "%m", "%d"][..]),
    ] {
        for (i, f) in list.iter().enumerate() {
            let at = format!("{name}[{i}]");
            let readable = needs.iter().all(|n| f.contains(n)) && {
                let text = format_checked(&sample, f);
                text.is_some_and(|t| {
                    if name == "time_formats" {
                        NaiveDateTime::parse_from_str(&t, f).is_ok()
                    } else {
                        NaiveDate::parse_from_str(&t, f).is_ok()
                    }
                })
            };
            if !readable {
                return Err(invalid(
                    &at,
                    Reason::Format,
                    format!("无法用于读取日期时间（须含 {}）", needs.join(" ")),
                    format!("cannot read a date or time (it needs {})", needs.join(" ")),
                ));
            }
        }
    }
    if d.header_search_rows == 0 || d.header_search_rows > MAX_HEADER_SEARCH_ROWS {
        return Err(invalid(
            "header_search_rows",
            Reason::OutOfRange,
            format!("应在 1 到 {MAX_HEADER_SEARCH_ROWS} 之间"),
            format!("must be from 1 to {MAX_HEADER_SEARCH_ROWS}"),
        ));
    }
    Ok(())
}

/// A layout applied to a sample time, or `None` when chrono cannot write it.
fn format_checked(t: &NaiveDateTime, layout: &str) -> Option<String> {
    use chrono::format::{Item, StrftimeItems};
    let items: Vec<Item<'_>> = StrftimeItems::new(layout).collect();
    if items.iter().any(|i| matches!(i, Item::Error)) {
        return None;
    }
    Some(t.format_with_items(items.into_iter()).to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> Error {
        let mut v: serde_json::Value = serde_json::from_str(GENERIC_JSON).unwrap();
        edit(&mut v);
        StatementProfile::from_json(&v.to_string()).unwrap_err()
    }

    #[test]
    fn the_generic_profile_loads_and_reads_its_values() {
        let p = StatementProfile::from_json(GENERIC_JSON).unwrap();
        assert_eq!(p, StatementProfile::generic());
        assert_eq!(p.field_of("流水号"), Some("id"));
        assert_eq!(p.field_of("参考号"), Some("id"));
        assert_eq!(
            p.text_value("method", "支付宝").unwrap(),
            vec![
                ("method", "qr".to_string()),
                ("wallet", "alipay".to_string())
            ]
        );
        assert_eq!(
            p.text_value("card_kind", "credit").unwrap(),
            vec![("card_kind", "credit".to_string())]
        );
        assert!(p
            .text_value("card_kind", "金卡")
            .unwrap_err()
            .contains(&"贷记卡".to_string()));
        assert_eq!(
            p.time_value("2025/03/12 10:00:00").unwrap(),
            "2025-03-12T10:00:00"
        );
        assert_eq!(
            p.time_value("2025-03-12T10:00").unwrap(),
            "2025-03-12T10:00"
        );
        assert_eq!(p.time_value("12.03.2025"), None);
        assert_eq!(p.date_value("20250312").unwrap(), "2025-03-12");
        for (cell, want) in [
            ("¥1,234.56", Some("1234.56")),
            ("￥ 1,234,567.00", Some("1234567.00")),
            ("1234.56", Some("1234.56")),
            ("-¥3.80", Some("-3.80")),
            ("1,23.00", None),
            ("12,3456.00", None),
            (",123.00", None),
        ] {
            assert_eq!(p.money_value(cell).as_deref(), want, "{cell}");
        }
    }

    #[test]
    fn a_bad_profile_is_refused_at_its_field() {
        let e = edited(|v| v["columns"]["time"] = serde_json::json!(["time", "交易金额"]));
        assert_eq!(
            (e.code(), e.field(), e.reason()),
            (
                ErrorCode::ProfileInvalid,
                "columns.time[1]",
                Reason::Duplicate
            )
        );
        let e = edited(|v| v["values"]["method"]["刷卡"] = serde_json::json!({"method": "swipe"}));
        assert_eq!(
            (e.field(), e.reason()),
            ("values.method.刷卡.method", Reason::UnknownValue)
        );
        let e = edited(|v| v["time_formats"] = serde_json::json!(["%Y-%m-%d"]));
        assert_eq!((e.field(), e.reason()), ("time_formats[0]", Reason::Format));
        let e = edited(|v| v["header_search_rows"] = serde_json::json!(0));
        assert_eq!(e.field(), "header_search_rows");
        let e = edited(|v| v["schema_version"] = serde_json::json!(2));
        assert_eq!(
            (e.code(), e.reason()),
            (ErrorCode::ProfileInvalid, Reason::Unsupported)
        );
        let e = StatementProfile::from_json("{").unwrap_err();
        assert_eq!(e.code(), ErrorCode::ProfileSyntax);
    }
}
