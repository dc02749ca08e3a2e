//! The mainland working-day calendar (工作日): statutory days off and adjusted
//! working weekends (调休上班), one entry per year, as versioned data.
//!
//! A day in a year the calendar does not cover is never guessed: the answer is
//! `calendar_not_covered`, or, when the caller asks for it, a provisional
//! answer (Monday–Friday) marked as such.

use crate::error::{Error, ErrorCode, Result};
use crate::load;
use crate::time::parse_date;
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The calendar schema version this library reads.
pub const CALENDAR_SCHEMA_VERSION: u32 = 1;

const EMBEDDED_JSON: &str = include_str!("../data/calendar-cn.json");

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

#[derive(Debug, Clone)]
struct YearData {
    off: BTreeMap<u32, (Arc<str>, Arc<str>)>,
    work: BTreeMap<u32, (Arc<str>, Arc<str>)>,
    off_bits: [u64; 6],
    work_bits: [u64; 6],
    version: YearVersion,
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
#[derive(Debug, Clone)]
pub struct Calendar {
    years: BTreeMap<i32, Arc<YearData>>,
    source: Option<Arc<str>>,
}

static EMBEDDED: OnceLock<Result<Calendar>> = OnceLock::new();

impl Calendar {
    /// The embedded mainland calendar (2023–2026).
    ///
    /// ```
    /// let cal = posfee_core::Calendar::embedded().unwrap();
    /// assert_eq!(cal.valid_until().unwrap().to_string(), "2026-12-31");
    /// ```
    pub fn embedded() -> Result<Calendar> {
        EMBEDDED
            .get_or_init(|| Calendar::parse(EMBEDDED_JSON, DataOrigin::Embedded))
            .clone()
    }

    /// An empty calendar (covers no year).
    ///
    /// ```
    /// assert!(posfee_core::Calendar::empty().years().is_empty());
    /// ```
    pub fn empty() -> Calendar {
        Calendar {
            years: BTreeMap::new(),
            source: None,
        }
    }

    /// Loads a calendar file (posfee's format) from JSON text.
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

    fn parse(text: &str, origin: DataOrigin) -> Result<Calendar> {
        let value = load::parse_text(text, ErrorCode::CalendarSyntax, "工作日历")?;
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
            return Err(cal_err(
                "years",
                "至少需要一个年份",
                "needs at least one year",
            ));
        }
        let version: Arc<str> = Arc::from(file.data_version.as_str());
        let mut cal = Calendar {
            years: BTreeMap::new(),
            source: file.source.map(Arc::from),
        };
        for (i, entry) in file.years.iter().enumerate() {
            let data = build_year(entry, &format!("years[{i}]"), &version, origin)?;
            if cal.years.insert(entry.year, Arc::new(data)).is_some() {
                return Err(cal_err(
                    &format!("years[{i}].year"),
                    "年份重复",
                    "the year appears twice",
                ));
            }
        }
        Ok(cal)
    }

    /// Adds the years of another calendar. A year already covered is refused
    /// with `calendar_year_covered`; nothing is changed then.
    ///
    /// ```
    /// use posfee_core::{Calendar, ErrorCode};
    /// let mut cal = Calendar::embedded().unwrap();
    /// let again = Calendar::embedded().unwrap();
    /// assert_eq!(cal.extend(&again).unwrap_err().code(), ErrorCode::CalendarYearCovered);
    /// ```
    pub fn extend(&mut self, other: &Calendar) -> Result<()> {
        if let Some(year) = other.years.keys().find(|y| self.years.contains_key(y)) {
            return Err(Error::new(
                ErrorCode::CalendarYearCovered,
                "year",
                "already_covered",
                format!("year：{year} 年已在工作日历中"),
                format!("year: {year} is already covered by the calendar"),
            )
            .with_year(*year));
        }
        for (y, d) in &other.years {
            self.years.insert(*y, d.clone());
        }
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
    pub(crate) fn working_or_provisional(
        &self,
        date: NaiveDate,
        provisional: bool,
        uncovered: &mut Vec<i32>,
    ) -> Result<bool> {
        match self.is_working_day(date) {
            Ok(w) => Ok(w),
            Err(e) if provisional && e.is_calendar_not_covered() => {
                if !uncovered.contains(&date.year()) {
                    uncovered.push(date.year());
                }
                Ok(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
            }
            Err(e) => Err(e),
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
        let mut d = date;
        let mut found = 0;
        // A year has at most a few dozen days off; 4 years of stepping is a
        // generous bound that keeps a malformed calendar from looping.
        for _ in 0..1461 {
            d = d
                .succ_opt()
                .ok_or_else(|| Error::calendar_not_covered(date.year()))?;
            if self.working_or_provisional(d, provisional, uncovered)? {
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
            .max()
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

fn named(days: &BTreeMap<u32, (Arc<str>, Arc<str>)>, year: i32) -> Vec<NamedDay> {
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

fn build_year(
    entry: &YearEntry,
    path: &str,
    version: &Arc<str>,
    origin: DataOrigin,
) -> Result<YearData> {
    if !(1900..=9999).contains(&entry.year) {
        return Err(cal_err(
            &format!("{path}.year"),
            "年份超出 1900–9999",
            "year outside 1900–9999",
        ));
    }
    if entry.days_off.is_empty() {
        return Err(cal_err(
            &format!("{path}.days_off"),
            "该年没有任何节假日，不像官方安排",
            "the year has no day off; not an official arrangement",
        ));
    }
    let mut data = YearData {
        off: BTreeMap::new(),
        work: BTreeMap::new(),
        off_bits: [0; 6],
        work_bits: [0; 6],
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
            let date = parse_date(&p, &day.date).map_err(|e| {
                Error::new(
                    ErrorCode::CalendarInvalid,
                    p.clone(),
                    e.reason().to_string(),
                    e.message_zh().to_string(),
                    e.message_en().to_string(),
                )
            })?;
            if date.year() != entry.year {
                return Err(cal_err(
                    &p,
                    &format!("日期不在 {} 年内", entry.year),
                    &format!("the date is not in {}", entry.year),
                ));
            }
            let o = date.ordinal0();
            if bit(&data.off_bits, o) || bit(&data.work_bits, o) {
                return Err(cal_err(
                    &p,
                    "日期重复或既是休息日又是工作日",
                    "the date is listed twice, or both off and working",
                ));
            }
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let names = (
                Arc::from(day.name_zh.as_str()),
                Arc::from(day.name_en.as_str()),
            );
            if working {
                if !weekend {
                    return Err(cal_err(
                        &p,
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
