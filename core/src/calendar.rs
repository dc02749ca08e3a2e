//! The mainland working-day calendar (工作日): statutory days off and adjusted
//! working weekends (调休上班), one entry per year, as versioned data.
//!
//! A day in a year the calendar does not cover is never guessed: the answer is
//! `calendar_not_covered`, or, when the caller asks for it, a provisional
//! answer (Monday–Friday) marked as such.
//!
//! Two file formats are read: posfee's own (`schema_version`, `data_version`,
//! `years`) and the `holiday-cn` format (`year`, `papers`, `days` with
//! `isOffDay`), see [`Calendar::from_holiday_cn`]. A holiday-cn file may list
//! days of December of the previous year (from the next year's New Year
//! block): they are merged into that year when it is covered, and kept until
//! it is loaded otherwise.

use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
use crate::load;
use crate::sorted_map::SortedMap;
use crate::time::parse_date;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// The calendar schema version this library reads.
pub const CALENDAR_SCHEMA_VERSION: u32 = 1;

/// The holiday names' source; the library carries them as baked data
/// (`core/src/baked/holiday_names.rs`), checked against this file.
#[cfg(test)]
pub(crate) const NAMES_JSON: &str = include_str!("../data/holiday-names.json");

/// The `data_version` recorded for a holiday-cn file loaded without one.
pub const UNVERSIONED: &str = "unversioned";

/// A named day in a calendar file.
///
/// ```
/// let d: posfee_core::NamedDay = serde_json::from_str(r#"{"date": "2025-10-01", "name_zh": "国庆节", "name_en": "National Day"}"#).unwrap();
/// assert_eq!(d.date, "2025-10-01");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
}

/// One year's arrangement, as in a calendar file.
///
/// ```
/// let cal = posfee_core::Calendar::embedded().unwrap();
/// assert_eq!(cal.years(), vec![2023, 2024, 2025, 2026]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearEntry {
    /// The year.
    pub year: i32,
    /// Title of the official notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    /// Addresses of the official documents (provenance).
    #[serde(default)]
    pub papers: Vec<String>,
    /// Date the notice was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Every non-working day of the festival blocks (weekend days inside included).
    pub days_off: Vec<NamedDay>,
    /// Saturdays and Sundays that are working days.
    pub working_weekends: Vec<NamedDay>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    #[allow(dead_code)]
    schema_version: u32,
    data_version: String,
    #[serde(default)]
    source: Option<String>,
    years: Vec<YearEntry>,
}

/// Where a year's data came from.
///
/// ```
/// use posfee_core::{Calendar, DataOrigin};
/// let cal = Calendar::embedded().unwrap();
/// assert_eq!(cal.versions()[0].origin, DataOrigin::Embedded);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum DataOrigin {
    /// Shipped inside the library.
    Embedded,
    /// Loaded at run time.
    Loaded,
}

/// The version and provenance of one covered year.
///
/// ```
/// let v = &posfee_core::Calendar::embedded().unwrap().versions()[2];
/// assert_eq!(v.year, 2025);
/// assert!(v.papers[0].contains("gov.cn"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct YearVersion {
    /// The year.
    pub year: i32,
    /// The data version of the file it came from.
    pub data_version: Arc<str>,
    /// Embedded or loaded.
    pub origin: DataOrigin,
    /// The official notice's title.
    pub notice: Option<Arc<str>>,
    /// The official documents.
    pub papers: Arc<[String]>,
}

/// What kind of day a date is.
///
/// ```
/// use posfee_core::{Calendar, DayKind};
/// let cal = Calendar::embedded().unwrap();
/// let d = cal.day(chrono::NaiveDate::from_ymd_opt(2025, 10, 11).unwrap()).unwrap();
/// assert_eq!(d.kind, DayKind::AdjustedWorkingDay);
/// assert!(d.working);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum DayKind {
    /// An ordinary Monday–Friday.
    Workday,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A statutory day off (including weekend days inside a festival block).
    Holiday,
    /// A weekend day declared a working day (调休上班).
    AdjustedWorkingDay,
}

/// One date, as the calendar sees it.
///
/// ```
/// let cal = posfee_core::Calendar::embedded().unwrap();
/// let d = cal.day(chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap()).unwrap();
/// assert_eq!(d.name_zh.as_deref(), Some("国庆节"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct DayInfo {
    /// The date.
    pub date: NaiveDate,
    /// Whether it is a working day.
    pub working: bool,
    /// The kind of day.
    pub kind: DayKind,
    /// The festival or adjustment name in Chinese.
    pub name_zh: Option<Arc<str>>,
    /// The festival or adjustment name in English.
    pub name_en: Option<Arc<str>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearData {
    pub(crate) off: SortedMap<u32, (Arc<str>, Arc<str>)>,
    pub(crate) work: SortedMap<u32, (Arc<str>, Arc<str>)>,
    pub(crate) off_bits: [u64; 6],
    pub(crate) work_bits: [u64; 6],
    /// Days merged in from the next year's holiday-cn file (December spill).
    pub(crate) spill_bits: [u64; 6],
    /// The version of the file those days came from.
    pub(crate) spill_from: Option<YearVersion>,
    pub(crate) version: YearVersion,
}

impl YearData {
    fn working(&self, date: NaiveDate) -> bool {
        let o = date.ordinal0();
        if bit(&self.work_bits, o) {
            true
        } else if bit(&self.off_bits, o) {
            false
        } else {
            !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        }
    }
}

/// One calendar year whose data answered a question: its data version and
/// where it came from (embedded or loaded at run time).
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let cal = Calendar::embedded().unwrap();
/// let w = frozen_window(&plan, &cal, chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap(), false).unwrap();
/// assert_eq!(w.calendar[0].year, 2025);
/// assert_eq!(w.calendar[0].origin, DataOrigin::Embedded);
/// assert_eq!(&*w.calendar[0].data_version, "2026.11.23");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ConsultedYear {
    /// The calendar year.
    pub year: i32,
    /// The data version of the file it came from.
    pub data_version: Arc<str>,
    /// Embedded or loaded.
    pub origin: DataOrigin,
}

/// What a working-day walk looked at: the years consulted and the uncovered
/// years assumed Monday–Friday.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    pub(crate) uncovered: Vec<i32>,
    pub(crate) consulted: Vec<ConsultedYear>,
}

impl Trace {
    fn consult(&mut self, v: &YearVersion) {
        let seen = self
            .consulted
            .iter()
            .any(|c| c.year == v.year && c.origin == v.origin && c.data_version == v.data_version);
        if !seen {
            self.consulted.push(ConsultedYear {
                year: v.year,
                data_version: v.data_version.clone(),
                origin: v.origin,
            });
        }
    }
}

/// Days of December of the previous year listed in a holiday-cn file.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Spill {
    /// The version of the file (its own year) that carried them.
    pub(crate) version: YearVersion,
    pub(crate) days: Vec<SpillDay>,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SpillDay {
    pub(crate) date: NaiveDate,
    pub(crate) off: bool,
    pub(crate) names: (Arc<str>, Arc<str>),
    /// Where the entry is in its file (`days[0]`).
    pub(crate) path: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayCnFile {
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    schema: Option<String>,
    #[serde(rename = "$id", default)]
    #[allow(dead_code)]
    id: Option<String>,
    year: i32,
    #[serde(default)]
    papers: Vec<String>,
    days: Vec<HolidayCnDay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayCnDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// `core/data/holiday-names.json`: English names of holiday-cn days, and
/// the template that names an adjusted working day after its festival.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NameTable {
    pub(crate) data_version: Arc<str>,
    pub(crate) note: Arc<str>,
    pub(crate) working_day: NamePair,
    pub(crate) names: Vec<NamePair>,
}

/// A Chinese name and its English name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NamePair {
    pub(crate) zh: Arc<str>,
    pub(crate) en: Arc<str>,
}

static NAMES: OnceLock<NameTable> = OnceLock::new();

/// The Chinese and English names of a holiday-cn day: English from the name
/// table (`core/data/holiday-names.json`), else the Chinese name; an adjusted
/// working day is named from its festival by the table's template.
fn holiday_names(name: &str, off: bool) -> (Arc<str>, Arc<str>) {
    let t = NAMES.get_or_init(crate::baked::holiday_names::data);
    let en = t
        .names
        .iter()
        .find(|n| &*n.zh == name)
        .map_or(name, |n| &*n.en);
    if off {
        (Arc::from(name), Arc::from(en))
    } else {
        (
            Arc::from(t.working_day.zh.replace("{name}", name).as_str()),
            Arc::from(t.working_day.en.replace("{name}", en).as_str()),
        )
    }
}

fn bit(bits: &[u64; 6], ordinal0: u32) -> bool {
    let word = usize::try_from(ordinal0 / 64).unwrap_or(usize::MAX);
    bits.get(word)
        .is_some_and(|w| w & (1u64 << (ordinal0 % 64)) != 0)
}

fn set_bit(bits: &mut [u64; 6], ordinal0: u32) {
    let word = usize::try_from(ordinal0 / 64).unwrap_or(usize::MAX);
    if let Some(w) = bits.get_mut(word) {
        *w |= 1u64 << (ordinal0 % 64);
    }
}

/// A working-day calendar: the years it covers, each from an official notice.
///
/// ```
/// use posfee_core::Calendar;
/// use chrono::NaiveDate;
/// let cal = Calendar::embedded().unwrap();
/// // Saturday 2025-10-11 is an adjusted working day; Wednesday 2025-10-01 is National Day.
/// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2025, 10, 11).unwrap()).unwrap());
/// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2025, 10, 1).unwrap()).unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// Each covered year as answered: its own data plus any December days
    /// merged in from the next year's holiday-cn file.
    pub(crate) years: SortedMap<i32, Arc<YearData>>,
    /// Each covered year as loaded from its own file.
    pub(crate) base: SortedMap<i32, Arc<YearData>>,
    /// December-of-previous-year days, by the year of the file that listed them.
    pub(crate) spills: SortedMap<i32, Arc<Spill>>,
    pub(crate) source: Option<Arc<str>>,
}

static EMBEDDED: OnceLock<Result<Calendar>> = OnceLock::new();

impl Calendar {
    /// The embedded mainland calendar (2023–2026): `core/data/calendar-cn.json`,
    /// compiled in as Rust code (no JSON is read).
    ///
    /// ```
    /// let cal = posfee_core::Calendar::embedded().unwrap();
    /// assert_eq!(cal.valid_until().unwrap().to_string(), "2026-12-31");
    /// ```
    pub fn embedded() -> Result<Calendar> {
        EMBEDDED
            .get_or_init(|| Ok(crate::baked::calendar_cn::data()))
            .clone()
    }

    /// An empty calendar (covers no year).
    ///
    /// ```
    /// assert!(posfee_core::Calendar::empty().years().is_empty());
    /// ```
    pub fn empty() -> Calendar {
        Calendar {
            years: SortedMap::new(),
            base: SortedMap::new(),
            spills: SortedMap::new(),
            source: None,
        }
    }

    /// Loads a calendar file from JSON text: posfee's format, or a holiday-cn
    /// file (an object with `year` and `days` and no `schema_version`, see
    /// [`Calendar::from_holiday_cn`]; loaded without a data version).
    ///
    /// ```
    /// let cal = posfee_core::Calendar::from_json(r#"{"year": 2030, "papers": [], "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true}]}"#).unwrap();
    /// assert_eq!(cal.years(), vec![2030]);
    /// assert_eq!(&*cal.versions()[0].data_version, posfee_core::calendar::UNVERSIONED);
    /// ```
    ///
    /// ```
    /// use posfee_core::{Calendar, ErrorCode};
    /// let err = Calendar::from_json(r#"{"schema_version": 1, "data_version": "x", "years": [{"year": 2030, "days_off": [{"date": "2031-01-01", "name_zh": "元旦", "name_en": "New Year"}], "working_weekends": []}]}"#).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::CalendarInvalid);
    /// assert_eq!(err.field(), "years[0].days_off[0].date");
    /// ```
    pub fn from_json(text: &str) -> Result<Calendar> {
        Calendar::parse(text, DataOrigin::Loaded)
    }

    pub(crate) fn parse(text: &str, origin: DataOrigin) -> Result<Calendar> {
        let value = load::parse_text(text, ErrorCode::CalendarSyntax, "工作日历", "calendar file")?;
        Calendar::from_value_with(value, origin)
    }

    /// Loads a calendar file from a JSON value.
    ///
    /// ```
    /// let err = posfee_core::Calendar::from_value(serde_json::json!({"schema_version": 2})).unwrap_err();
    /// assert_eq!(err.code(), posfee_core::ErrorCode::CalendarUnsupportedSchema);
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<Calendar> {
        Calendar::from_value_with(value, DataOrigin::Loaded)
    }

    fn from_value_with(value: serde_json::Value, origin: DataOrigin) -> Result<Calendar> {
        if is_holiday_cn(&value) {
            return Calendar::holiday_cn_value(value, None);
        }
        load::check_schema(
            &value,
            CALENDAR_SCHEMA_VERSION,
            ErrorCode::CalendarUnsupportedSchema,
            ErrorCode::CalendarInvalid,
            "日历",
            "calendar",
        )?;
        let file: CalendarFile = load::from_value(value, ErrorCode::CalendarInvalid, "")?;
        if file.years.is_empty() {
            return Err(cal_reason(
                "years",
                Reason::Empty,
                "至少需要一个年份",
                "needs at least one year",
            ));
        }
        let version: Arc<str> = Arc::from(file.data_version.as_str());
        let mut cal = Calendar::empty();
        cal.source = file.source.map(Arc::from);
        for (i, entry) in file.years.iter().enumerate() {
            let data = Arc::new(build_year(entry, &format!("years[{i}]"), &version, origin)?);
            if cal.base.insert(entry.year, data.clone()).is_some() {
                return Err(cal_reason(
                    &format!("years[{i}].year"),
                    Reason::Duplicate,
                    "年份重复",
                    "the year appears twice",
                ));
            }
            cal.years.insert(entry.year, data);
        }
        Ok(cal)
    }

    /// Loads one year in the JSON format of the `holiday-cn` data set
    /// (`{"year": 2027, "papers": [...], "days": [{"name": "春节", "date":
    /// "2027-02-06", "isOffDay": true}, …]}`): statutory days off
    /// (`isOffDay` true) and adjusted working weekend days (`isOffDay` false);
    /// ordinary weekends are implied. `$schema` and `$id` are accepted, any
    /// other key is refused.
    ///
    /// `data_version` is recorded as the year's version (or
    /// [`UNVERSIONED`](crate::calendar::UNVERSIONED) when `None`); only a
    /// versioned load can later replace a covered year (see [`Calendar::extend`]).
    /// English names come from the name table `core/data/holiday-names.json`;
    /// a name it lacks keeps its Chinese name.
    ///
    /// Days of December of the previous year (the next New Year block, decided
    /// by this year's notice) belong to the previous year: [`Calendar::extend`]
    /// merges them into it when it is covered, or keeps them until it is
    /// loaded. A day contradicting what that year already holds is
    /// `calendar_invalid` (reason `contradicts_held`) naming the entry.
    ///
    /// Errors (`calendar_invalid` unless said; `field` is the path in the file):
    /// bad JSON is `calendar_syntax`; a wrong type, unknown or missing key is
    /// `wrong_type`, `unknown_field`, `missing`; a year outside 1900–9999 is
    /// `out_of_range` at `year`; no day off in the year is `empty` at `days`;
    /// an empty name is `empty`; a malformed or impossible date is `format` or
    /// `out_of_range`; a date outside the year (other than the previous
    /// December) is `outside_year`; a date listed twice is `duplicate` at its
    /// `date`, or `contradictory` at its `isOffDay` when once off and once
    /// working; a weekday listed as a working day is `not_weekend`; an empty
    /// `data_version` is `empty` at `data_version`.
    ///
    /// ```
    /// use posfee_core::{Calendar, DataOrigin, ErrorCode};
    /// let text = r#"{"year": 2030, "papers": ["https://example.org/notice"], "days": [
    ///     {"name": "元旦", "date": "2029-12-31", "isOffDay": true},
    ///     {"name": "元旦", "date": "2030-01-01", "isOffDay": true},
    ///     {"name": "春节", "date": "2030-02-02", "isOffDay": false}]}"#;
    /// let cal = Calendar::from_holiday_cn(text, Some("2029.11.01")).unwrap();
    /// assert_eq!(cal.years(), vec![2030]);
    /// let v = &cal.versions()[0];
    /// assert_eq!((&*v.data_version, v.origin), ("2029.11.01", DataOrigin::Loaded));
    /// assert_eq!(v.papers[0], "https://example.org/notice");
    /// let sat = cal.day(chrono::NaiveDate::from_ymd_opt(2030, 2, 2).unwrap()).unwrap();
    /// assert!(sat.working);
    /// assert_eq!(sat.name_en.as_deref(), Some("Adjusted working day (Spring Festival)"));
    ///
    /// let bad = r#"{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": "yes"}]}"#;
    /// let e = Calendar::from_holiday_cn(bad, None).unwrap_err();
    /// assert_eq!((e.code(), e.field(), e.reason().as_str()), (ErrorCode::CalendarInvalid, "days[0].isOffDay", "wrong_type"));
    /// ```
    pub fn from_holiday_cn(text: &str, data_version: Option<&str>) -> Result<Calendar> {
        let value = load::parse_text(text, ErrorCode::CalendarSyntax, "工作日历", "calendar file")?;
        Calendar::holiday_cn_value(value, data_version)
    }

    fn holiday_cn_value(value: serde_json::Value, data_version: Option<&str>) -> Result<Calendar> {
        let version: Arc<str> = match data_version {
            Some(v) if v.trim().is_empty() => {
                return Err(cal_reason(
                    "data_version",
                    Reason::Empty,
                    "数据版本为空",
                    "the data version is empty",
                ))
            }
            Some(v) => Arc::from(v),
            None => Arc::from(UNVERSIONED),
        };
        if let Some(days) = value.get("days").and_then(serde_json::Value::as_array) {
            if days.len() > crate::bounds::MAX_CALENDAR_ENTRIES {
                return Err(crate::bounds::too_many(
                    "days",
                    crate::bounds::MAX_CALENDAR_ENTRIES,
                ));
            }
        }
        let file: HolidayCnFile = load::from_value(value, ErrorCode::CalendarInvalid, "")?;
        let year = file.year;
        if !(1900..=9999).contains(&year) {
            return Err(cal_reason(
                "year",
                Reason::OutOfRange,
                "年份超出 1900–9999",
                "year outside 1900–9999",
            ));
        }
        let v = YearVersion {
            year,
            data_version: version,
            origin: DataOrigin::Loaded,
            notice: None,
            papers: Arc::from(file.papers.clone()),
        };
        let mut data = YearData {
            off: SortedMap::new(),
            work: SortedMap::new(),
            off_bits: [0; 6],
            work_bits: [0; 6],
            spill_bits: [0; 6],
            spill_from: None,
            version: v.clone(),
        };
        let mut seen: BTreeMap<NaiveDate, bool> = BTreeMap::new();
        let mut spill = Vec::new();
        for (j, day) in file.days.iter().enumerate() {
            let p = format!("days[{j}]");
            if day.name.trim().is_empty() {
                return Err(cal_reason(
                    &format!("{p}.name"),
                    Reason::Empty,
                    "名称为空",
                    "the name is empty",
                ));
            }
            let date = calendar_date(&format!("{p}.date"), &day.date)?;
            let previous_december = date.year() == year - 1 && date.month() == 12;
            if date.year() != year && !previous_december {
                return Err(cal_reason(
                    &format!("{p}.date"),
                    Reason::OutsideYear,
                    &format!("日期不在 {year} 年内（只允许上一年 12 月的日期）"),
                    &format!("the date is not in {year} (nor in December of the year before)"),
                ));
            }
            match seen.get(&date) {
                Some(off) if *off == day.is_off_day => {
                    return Err(cal_reason(
                        &format!("{p}.date"),
                        Reason::Duplicate,
                        &format!("日期 {date} 重复列出"),
                        &format!("the date {date} is listed twice"),
                    ))
                }
                Some(_) => {
                    return Err(cal_reason(
                        &format!("{p}.isOffDay"),
                        Reason::Contradictory,
                        &format!("日期 {date} 既列为休息日又列为调休上班日"),
                        &format!(
                            "the date {date} is listed both as a day off and as a working day"
                        ),
                    ))
                }
                None => {
                    seen.insert(date, day.is_off_day);
                }
            }
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            if !day.is_off_day && !weekend {
                return Err(cal_reason(
                    &format!("{p}.isOffDay"),
                    Reason::NotWeekend,
                    &format!("{date} 是周一至周五，不能列为调休上班日"),
                    &format!("{date} is a weekday; only a Saturday or Sunday can be an adjusted working day"),
                ));
            }
            let names = holiday_names(&day.name, day.is_off_day);
            if previous_december {
                spill.push(SpillDay {
                    date,
                    off: day.is_off_day,
                    names,
                    path: p,
                });
                continue;
            }
            let o = date.ordinal0();
            if day.is_off_day {
                set_bit(&mut data.off_bits, o);
                data.off.insert(o, names);
            } else {
                set_bit(&mut data.work_bits, o);
                data.work.insert(o, names);
            }
        }
        if data.off.is_empty() {
            return Err(cal_reason(
                "days",
                Reason::Empty,
                &format!("{year} 年内没有任何休息日，不像官方安排"),
                &format!("no day off in {year}; not an official arrangement"),
            ));
        }
        let mut cal = Calendar::empty();
        let data = Arc::new(data);
        cal.base.insert(year, data.clone());
        cal.years.insert(year, data);
        if !spill.is_empty() {
            cal.spills.insert(
                year,
                Arc::new(Spill {
                    version: v,
                    days: spill,
                }),
            );
        }
        Ok(cal)
    }

    /// Whether data version `new` is explicitly newer than `held`: both are
    /// dotted numbers (`2026.12.01`, `3`, `1.10`) compared part by part as
    /// numbers (missing parts count as zero). Anything else, including
    /// [`UNVERSIONED`](crate::calendar::UNVERSIONED), is never newer.
    ///
    /// ```
    /// use posfee_core::Calendar;
    /// assert!(Calendar::is_newer_version("2026.12.01", "2026.11.23"));
    /// assert!(Calendar::is_newer_version("2026.11.100", "2026.11.23"));
    /// assert!(!Calendar::is_newer_version("2026.11.23", "2026.11.23"));
    /// assert!(!Calendar::is_newer_version("2026.11.23.0", "2026.11.23"));
    /// assert!(!Calendar::is_newer_version("unversioned", "2026.11.23"));
    /// assert!(!Calendar::is_newer_version("2027.1.1", "test-only"));
    /// ```
    pub fn is_newer_version(new: &str, held: &str) -> bool {
        match (dotted(new), dotted(held)) {
            (Some(a), Some(b)) => a > b,
            _ => false,
        }
    }

    /// Adds the years of another calendar (posfee or holiday-cn format).
    ///
    /// A year already covered is replaced only when the new data's version is
    /// explicitly newer ([`Calendar::is_newer_version`]); otherwise the load is
    /// `calendar_year_covered` at `year` (reason `already_covered` for the same
    /// version, `not_newer` for an older, unversioned or incomparable one).
    /// December days listed by a holiday-cn file are merged into the previous
    /// year when it is covered, or kept and merged when it is loaded; a day
    /// contradicting that year's data is `calendar_invalid` (reason
    /// `contradicts_held`, field the entry in the holiday-cn file). On any
    /// error nothing is changed.
    ///
    /// ```
    /// use posfee_core::{Calendar, DataOrigin, ErrorCode};
    /// let mut cal = Calendar::embedded().unwrap();
    /// let again = Calendar::embedded().unwrap();
    /// assert_eq!(cal.extend(&again).unwrap_err().code(), ErrorCode::CalendarYearCovered);
    ///
    /// let y2027 = r#"{"year": 2027, "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true},
    ///     {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    /// cal.extend(&Calendar::from_holiday_cn(y2027, Some("2026.12.01")).unwrap()).unwrap();
    /// assert_eq!(cal.valid_until().unwrap().to_string(), "2027-12-31");
    /// // 2026-12-31 (a Thursday) is now a day off, taken from the 2027 file.
    /// assert!(!cal.is_working_day(chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()).unwrap());
    /// // Unversioned data never replaces a covered year.
    /// let e = cal.extend(&Calendar::from_holiday_cn(y2027, None).unwrap()).unwrap_err();
    /// assert_eq!((e.code(), e.reason().as_str()), (ErrorCode::CalendarYearCovered, "not_newer"));
    /// ```
    pub fn extend(&mut self, other: &Calendar) -> Result<()> {
        let mut next = self.clone();
        let mut affected = BTreeSet::new();
        for (y, d) in &other.base {
            if let Some(held) = self.base.get(y) {
                check_replaceable(*y, &d.version.data_version, &held.version.data_version)?;
            }
            next.base.insert(*y, d.clone());
            // The December days listed by the replaced file go with it.
            next.spills.remove(y);
            affected.insert(*y);
            affected.insert(y.saturating_sub(1));
        }
        for (y, sp) in &other.spills {
            next.spills.insert(*y, sp.clone());
            affected.insert(y.saturating_sub(1));
        }
        for y in affected {
            next.rebuild(y)?;
        }
        if next.source.is_none() {
            next.source = other.source.clone();
        }
        *self = next;
        Ok(())
    }

    /// Recomputes a year as answered: its own data plus the December days of
    /// the next year's file.
    fn rebuild(&mut self, year: i32) -> Result<()> {
        let Some(base) = self.base.get(&year) else {
            self.years.remove(&year);
            return Ok(());
        };
        let next = year.checked_add(1).and_then(|n| self.spills.get(&n));
        let merged = match next {
            None => base.clone(),
            Some(spill) => Arc::new(merge_spill(base, spill)?),
        };
        self.years.insert(year, merged);
        Ok(())
    }

    /// The covered years, ascending.
    ///
    /// ```
    /// assert!(posfee_core::Calendar::embedded().unwrap().years().contains(&2024));
    /// ```
    pub fn years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    /// Whether a year is covered.
    ///
    /// ```
    /// assert!(!posfee_core::Calendar::embedded().unwrap().covers(2027));
    /// ```
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The last day of the unbroken run of covered years that starts at the
    /// first covered year; `None` for an empty calendar.
    ///
    /// ```
    /// assert_eq!(posfee_core::Calendar::embedded().unwrap().valid_until().unwrap().to_string(), "2026-12-31");
    /// ```
    pub fn valid_until(&self) -> Option<NaiveDate> {
        let mut years = self.years.keys();
        let mut last = *years.next()?;
        for y in years {
            if *y != last + 1 {
                break;
            }
            last = *y;
        }
        NaiveDate::from_ymd_opt(last, 12, 31)
    }

    /// The version and provenance of each covered year.
    ///
    /// ```
    /// let v = posfee_core::Calendar::embedded().unwrap().versions();
    /// assert_eq!(&*v[0].data_version, "2026.11.23");
    /// ```
    pub fn versions(&self) -> Vec<YearVersion> {
        self.years.values().map(|y| y.version.clone()).collect()
    }

    /// The source statement of the embedded or loaded file.
    ///
    /// ```
    /// assert!(posfee_core::Calendar::embedded().unwrap().source().unwrap().contains("State Council"));
    /// ```
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// Whether a date is a working day; `calendar_not_covered` outside the
    /// covered years.
    ///
    /// ```
    /// use posfee_core::Calendar;
    /// let cal = Calendar::embedded().unwrap();
    /// let sunday = chrono::NaiveDate::from_ymd_opt(2025, 9, 28).unwrap(); // 调休上班
    /// assert!(cal.is_working_day(sunday).unwrap());
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        self.day(date).map(|d| d.working)
    }

    /// What kind of day a date is, with its festival name.
    ///
    /// ```
    /// use posfee_core::{Calendar, DayKind};
    /// let cal = Calendar::embedded().unwrap();
    /// let d = cal.day(chrono::NaiveDate::from_ymd_opt(2025, 3, 15).unwrap()).unwrap();
    /// assert_eq!(d.kind, DayKind::Weekend);
    /// ```
    pub fn day(&self, date: NaiveDate) -> Result<DayInfo> {
        let year = self
            .years
            .get(&date.year())
            .ok_or_else(|| Error::calendar_not_covered(date.year()))?;
        let o = date.ordinal0();
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        let (kind, names) = if bit(&year.work_bits, o) {
            (DayKind::AdjustedWorkingDay, year.work.get(&o))
        } else if bit(&year.off_bits, o) {
            (DayKind::Holiday, year.off.get(&o))
        } else if weekend {
            (DayKind::Weekend, None)
        } else {
            (DayKind::Workday, None)
        };
        Ok(DayInfo {
            date,
            working: matches!(kind, DayKind::Workday | DayKind::AdjustedWorkingDay),
            kind,
            name_zh: names.map(|n| n.0.clone()),
            name_en: names.map(|n| n.1.clone()),
        })
    }

    /// Whether a date is a working day, or, in an uncovered year when
    /// `provisional` is set, whether it is Monday–Friday (the year is then
    /// added to `uncovered`).
    /// The year's data (and, for a December day merged from the next year's
    /// file, that file's data) is recorded in `trace` as consulted.
    pub(crate) fn working_or_provisional(
        &self,
        date: NaiveDate,
        provisional: bool,
        trace: &mut Trace,
    ) -> Result<bool> {
        match self.years.get(&date.year()) {
            Some(year) => {
                trace.consult(&year.version);
                if bit(&year.spill_bits, date.ordinal0()) {
                    if let Some(v) = &year.spill_from {
                        trace.consult(v);
                    }
                }
                Ok(year.working(date))
            }
            None if provisional => {
                if !trace.uncovered.contains(&date.year()) {
                    trace.uncovered.push(date.year());
                }
                Ok(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
            }
            None => Err(Error::calendar_not_covered(date.year())),
        }
    }

    /// The `n`-th working day strictly after `date` (n ≥ 1).
    ///
    /// ```
    /// use posfee_core::Calendar;
    /// use chrono::NaiveDate;
    /// let cal = Calendar::embedded().unwrap();
    /// let d = NaiveDate::from_ymd_opt(2025, 9, 30).unwrap();
    /// let mut uncovered = Vec::new();
    /// assert_eq!(cal.nth_working_day_after(d, 1, false, &mut uncovered).unwrap().to_string(), "2025-10-09");
    /// assert_eq!(cal.nth_working_day_after(d, 3, false, &mut uncovered).unwrap().to_string(), "2025-10-11");
    /// ```
    pub fn nth_working_day_after(
        &self,
        date: NaiveDate,
        n: u32,
        provisional: bool,
        uncovered: &mut Vec<i32>,
    ) -> Result<NaiveDate> {
        let mut trace = Trace::default();
        let r = self.nth_working_day_traced(date, n, provisional, &mut trace);
        for y in trace.uncovered {
            if !uncovered.contains(&y) {
                uncovered.push(y);
            }
        }
        r
    }

    /// [`Calendar::nth_working_day_after`], recording the years consulted.
    pub(crate) fn nth_working_day_traced(
        &self,
        date: NaiveDate,
        n: u32,
        provisional: bool,
        trace: &mut Trace,
    ) -> Result<NaiveDate> {
        let mut d = date;
        let mut found = 0;
        // A year has at most a few dozen days off; 4 years of stepping is a
        // generous bound that keeps a malformed calendar from looping.
        for _ in 0..1461 {
            d = d
                .succ_opt()
                .ok_or_else(|| Error::calendar_not_covered(date.year()))?;
            if d.year() > 9999 {
                // No calendar holds a year past 9999, not even provisionally.
                return Err(Error::calendar_not_covered(d.year()));
            }
            if self.working_or_provisional(d, provisional, trace)? {
                found += 1;
                if found >= n {
                    return Ok(d);
                }
            }
        }
        Err(cal_err(
            "years",
            "四年内找不到足够的工作日",
            "not enough working days within four years",
        ))
    }

    /// The calendar as JSON text in posfee's format (embedded and loaded years alike).
    ///
    /// ```
    /// let text = posfee_core::Calendar::embedded().unwrap().to_json();
    /// let again = posfee_core::Calendar::from_json(&text).unwrap();
    /// assert_eq!(again.years(), vec![2023, 2024, 2025, 2026]);
    /// ```
    pub fn to_json(&self) -> String {
        let years: Vec<YearEntry> = self
            .years
            .iter()
            .map(|(y, d)| YearEntry {
                year: *y,
                notice: d.version.notice.as_deref().map(str::to_string),
                papers: d.version.papers.to_vec(),
                published: None,
                days_off: named(&d.off, *y),
                working_weekends: named(&d.work, *y),
            })
            .collect();
        let version = self
            .years
            .values()
            .map(|d| d.version.data_version.clone())
            .reduce(|a, b| {
                if Calendar::is_newer_version(&b, &a) || dotted(&a).is_none() {
                    b
                } else {
                    a
                }
            })
            .unwrap_or_else(|| Arc::from(""));
        let v = serde_json::json!({
            "schema_version": CALENDAR_SCHEMA_VERSION,
            "data_version": &*version,
            "source": self.source.as_deref(),
            "years": years,
        });
        serde_json::to_string_pretty(&v).unwrap_or_default()
    }
}

fn named(days: &SortedMap<u32, (Arc<str>, Arc<str>)>, year: i32) -> Vec<NamedDay> {
    let Some(start) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    days.iter()
        .filter_map(|(o, (zh, en))| {
            start
                .checked_add_days(chrono::Days::new(u64::from(*o)))
                .map(|d| NamedDay {
                    date: d.to_string(),
                    name_zh: zh.to_string(),
                    name_en: en.to_string(),
                })
        })
        .collect()
}

fn cal_err(path: &str, zh: &str, en: &str) -> Error {
    load::invalid(ErrorCode::CalendarInvalid, path, zh, en)
}

/// A `calendar_invalid` error at a path with a stable reason.
fn cal_reason(path: &str, reason: Reason, zh: &str, en: &str) -> Error {
    Error::at(ErrorCode::CalendarInvalid, path, reason, zh, en)
}

/// A date in a calendar file: `format` or `out_of_range` as for any date,
/// under `calendar_invalid`.
fn calendar_date(path: &str, text: &str) -> Result<NaiveDate> {
    parse_date(path, text).map_err(|e| {
        Error::new(
            ErrorCode::CalendarInvalid,
            path,
            e.reason(),
            e.message_zh().to_string(),
            e.message_en().to_string(),
        )
    })
}

/// A holiday-cn file: an object with `year` and `days` and no `schema_version`.
fn is_holiday_cn(value: &serde_json::Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.contains_key("year") && o.contains_key("days") && !o.contains_key("schema_version")
    })
}

/// A dotted numeric version as numbers without trailing zero parts.
fn dotted(v: &str) -> Option<Vec<u64>> {
    let mut parts = v
        .split('.')
        .map(|p| {
            if p.is_empty() || p.len() > 18 || !p.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                p.parse::<u64>().ok()
            }
        })
        .collect::<Option<Vec<u64>>>()?;
    while parts.last() == Some(&0) {
        parts.pop();
    }
    Some(parts)
}

fn check_replaceable(year: i32, new: &str, held: &str) -> Result<()> {
    if Calendar::is_newer_version(new, held) {
        return Ok(());
    }
    let (reason, zh, en) = if new == held {
        (
            Reason::AlreadyCovered,
            format!("year：{year} 年已在工作日历中（数据版本 {held}）"),
            format!("year: {year} is already covered by the calendar (data version {held})"),
        )
    } else {
        (
            Reason::NotNewer,
            format!("year：{year} 年已在工作日历中（数据版本 {held}），新数据的版本 {new} 并不更新，未替换"),
            format!("year: {year} is already covered (data version {held}); the new data (version {new}) is not newer, nothing replaced"),
        )
    };
    Err(Error::new(ErrorCode::CalendarYearCovered, "year", reason, zh, en).with_year(year))
}

/// A year with the December days of the next year's holiday-cn file merged
/// in. A day the year already lists the same way stays as it is; one it lists
/// the other way is `contradicts_held`.
fn merge_spill(base: &YearData, spill: &Spill) -> Result<YearData> {
    let mut data = base.clone();
    for day in &spill.days {
        let o = day.date.ordinal0();
        let held_off = bit(&base.off_bits, o);
        let held_work = bit(&base.work_bits, o);
        if (day.off && held_work) || (!day.off && held_off) {
            let (held_zh, held_en) = if held_off {
                ("休息日", "a day off")
            } else {
                ("调休上班日", "a working day")
            };
            let (new_zh, new_en) = if day.off {
                ("休息日", "a day off")
            } else {
                ("调休上班日", "a working day")
            };
            let p = format!("{}.isOffDay", day.path);
            return Err(Error::at(
                ErrorCode::CalendarInvalid,
                p,
                Reason::ContradictsHeld,
                format!(
                    "{} 年的文件把 {} 列为{new_zh}，而已有的 {} 年数据（版本 {}）列为{held_zh}",
                    spill.version.year, day.date, base.version.year, base.version.data_version
                ),
                format!(
                    "the {} file lists {} as {new_en}, but the {} data held (version {}) lists it as {held_en}",
                    spill.version.year, day.date, base.version.year, base.version.data_version
                ),
            )
            .with_year(base.version.year));
        }
        if held_off || held_work {
            continue;
        }
        set_bit(&mut data.spill_bits, o);
        if day.off {
            set_bit(&mut data.off_bits, o);
            data.off.insert(o, day.names.clone());
        } else {
            set_bit(&mut data.work_bits, o);
            data.work.insert(o, day.names.clone());
        }
    }
    data.spill_from = Some(spill.version.clone());
    Ok(data)
}

fn build_year(
    entry: &YearEntry,
    path: &str,
    version: &Arc<str>,
    origin: DataOrigin,
) -> Result<YearData> {
    if !(1900..=9999).contains(&entry.year) {
        return Err(cal_reason(
            &format!("{path}.year"),
            Reason::OutOfRange,
            "年份超出 1900–9999",
            "year outside 1900–9999",
        ));
    }
    if entry.days_off.is_empty() {
        return Err(cal_reason(
            &format!("{path}.days_off"),
            Reason::Empty,
            "该年没有任何节假日，不像官方安排",
            "the year has no day off; not an official arrangement",
        ));
    }
    let mut data = YearData {
        off: SortedMap::new(),
        work: SortedMap::new(),
        off_bits: [0; 6],
        work_bits: [0; 6],
        spill_bits: [0; 6],
        spill_from: None,
        version: YearVersion {
            year: entry.year,
            data_version: version.clone(),
            origin,
            notice: entry.notice.as_deref().map(Arc::from),
            papers: Arc::from(entry.papers.clone()),
        },
    };
    for (list, name, working) in [
        (&entry.days_off, "days_off", false),
        (&entry.working_weekends, "working_weekends", true),
    ] {
        for (j, day) in list.iter().enumerate() {
            let p = format!("{path}.{name}[{j}].date");
            let date = calendar_date(&p, &day.date)?;
            if date.year() != entry.year {
                return Err(cal_reason(
                    &p,
                    Reason::OutsideYear,
                    &format!("日期不在 {} 年内", entry.year),
                    &format!("the date is not in {}", entry.year),
                ));
            }
            let o = date.ordinal0();
            let (in_same, in_other) = if working {
                (bit(&data.work_bits, o), bit(&data.off_bits, o))
            } else {
                (bit(&data.off_bits, o), bit(&data.work_bits, o))
            };
            if in_same {
                return Err(cal_reason(
                    &p,
                    Reason::Duplicate,
                    &format!("日期 {date} 重复列出"),
                    &format!("the date {date} is listed twice"),
                ));
            }
            if in_other {
                return Err(cal_reason(
                    &p,
                    Reason::Contradictory,
                    &format!("日期 {date} 既列为休息日又列为调休上班日"),
                    &format!("the date {date} is listed both as a day off and as a working day"),
                ));
            }
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let names = (
                Arc::from(day.name_zh.as_str()),
                Arc::from(day.name_en.as_str()),
            );
            if working {
                if !weekend {
                    return Err(cal_reason(
                        &p,
                        Reason::NotWeekend,
                        "调休上班日须为周六或周日",
                        "an adjusted working day must be a Saturday or Sunday",
                    ));
                }
                set_bit(&mut data.work_bits, o);
                data.work.insert(o, names);
            } else {
                set_bit(&mut data.off_bits, o);
                data.off.insert(o, names);
            }
        }
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn embedded_matches_source_counts() {
        let cal = Calendar::embedded().unwrap();
        // 2025: 28 days off (RULES example: National Day 10-01..10-08), 5 working weekends.
        let working_2025 = (1..=365)
            .filter(|o| {
                cal.is_working_day(NaiveDate::from_yo_opt(2025, *o).unwrap())
                    .unwrap()
            })
            .count();
        // 261 weekdays in 2025, minus weekdays off, plus 5 working weekends.
        let weekday_off = [
            "01-01", "01-28", "01-29", "01-30", "01-31", "02-03", "02-04", "04-04", "05-01",
            "05-02", "05-05", "06-02", "10-01", "10-02", "10-03", "10-06", "10-07", "10-08",
        ]
        .len();
        assert_eq!(working_2025, 261 - weekday_off + 5);
    }

    #[test]
    fn uncovered_year_is_an_error_or_provisional() {
        let cal = Calendar::embedded().unwrap();
        let e = cal.is_working_day(d(2027, 1, 1)).unwrap_err();
        assert_eq!(e.year(), Some(2027));
        let mut un = Vec::new();
        let next = cal
            .nth_working_day_after(d(2026, 12, 31), 1, true, &mut un)
            .unwrap();
        assert_eq!(next, d(2027, 1, 1));
        assert_eq!(un, vec![2027]);
    }

    #[test]
    fn name_table_parses() {
        let t: NameTable = serde_json::from_str(NAMES_JSON).unwrap();
        assert!(t.names.iter().any(|n| &*n.zh == "春节"));
        assert_eq!(
            holiday_names("国庆节", false).1.as_ref(),
            "Adjusted working day (National Day)"
        );
    }

    #[test]
    fn replacing_a_year_drops_its_december_days() {
        let with_spill = r#"{"year": 2027, "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true},
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
        let without =
            r#"{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
        let mut cal = Calendar::embedded().unwrap();
        cal.extend(&Calendar::from_holiday_cn(with_spill, Some("1")).unwrap())
            .unwrap();
        assert!(!cal.is_working_day(d(2026, 12, 31)).unwrap());
        // A refused load changes nothing.
        let before = cal.versions();
        assert!(cal
            .extend(&Calendar::from_holiday_cn(without, Some("1")).unwrap())
            .is_err());
        assert_eq!(cal.versions(), before);
        cal.extend(&Calendar::from_holiday_cn(without, Some("2")).unwrap())
            .unwrap();
        assert!(cal.is_working_day(d(2026, 12, 31)).unwrap());
        // The embedded 2026 itself is untouched by either.
        assert_eq!(cal.versions()[3].origin, DataOrigin::Embedded);
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(Calendar::is_newer_version("10", "9"));
        assert!(Calendar::is_newer_version("2026.12", "2026.11.30"));
        assert!(!Calendar::is_newer_version("2026.12.0", "2026.12"));
        assert!(!Calendar::is_newer_version("", "1"));
        assert!(!Calendar::is_newer_version("1..2", "1"));
        assert!(!Calendar::is_newer_version("v2", "1"));
    }

    #[test]
    fn refuses_contradictions() {
        let text = r#"{"schema_version": 1, "data_version": "t", "years": [{"year": 2030,
            "days_off": [{"date": "2030-01-05", "name_zh": "a", "name_en": "a"}],
            "working_weekends": [{"date": "2030-01-05", "name_zh": "b", "name_en": "b"}]}]}"#;
        let e = Calendar::from_json(text).unwrap_err();
        assert_eq!(e.field(), "years[0].working_weekends[0].date");
        let weekday_work = r#"{"schema_version": 1, "data_version": "t", "years": [{"year": 2030,
            "days_off": [{"date": "2030-01-01", "name_zh": "a", "name_en": "a"}],
            "working_weekends": [{"date": "2030-01-07", "name_zh": "b", "name_en": "b"}]}]}"#;
        assert_eq!(
            Calendar::from_json(weekday_work).unwrap_err().code(),
            ErrorCode::CalendarInvalid
        );
    }
}
