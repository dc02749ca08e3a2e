//! Mainland China time: parsing local and RFC 3339 times, and clock times of day.

use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// China's offset from UTC in seconds: UTC+08:00 all year, no daylight saving.
const CHINA_OFFSET_SECONDS: i64 = 8 * 3600;

/// A date-time in mainland China time (UTC+08:00).
///
/// ```
/// use posfee_core::ChinaDateTime;
/// let t = ChinaDateTime::parse("time", "2025-03-12T14:00:00Z").unwrap();
/// assert_eq!(t.to_string(), "2025-03-12T22:00:00");
/// let local = ChinaDateTime::parse("time", "2025-03-12 22:00").unwrap();
/// assert_eq!(t, local);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChinaDateTime(NaiveDateTime);

impl ChinaDateTime {
    /// Wraps a naive date-time that is already China local time.
    ///
    /// ```
    /// use posfee_core::ChinaDateTime;
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_hms_opt(8, 0, 0).unwrap();
    /// assert_eq!(ChinaDateTime::from_local(d).date(), d.date());
    /// ```
    pub fn from_local(local: NaiveDateTime) -> ChinaDateTime {
        ChinaDateTime(local)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fraction]]` (a space may replace `T`) as
    /// China local time, or the same followed by `Z` or `±HH:MM` (RFC 3339),
    /// converted to China time.
    ///
    /// ```
    /// use posfee_core::ChinaDateTime;
    /// assert_eq!(ChinaDateTime::parse("t", "2025-10-01T00:30:00+09:00").unwrap().to_string(), "2025-09-30T23:30:00");
    /// assert_eq!(ChinaDateTime::parse("t", "2025-02-29T10:00").unwrap_err().reason().as_str(), "out_of_range");
    /// assert_eq!(ChinaDateTime::parse("t", "2025/03/12 10:00").unwrap_err().reason().as_str(), "format");
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<ChinaDateTime> {
        crate::bounds::check_value_text(field, text)?;
        let b = text.as_bytes();
        let fmt_err = || time_error(field, text, Reason::Format);
        let range_err = || time_error(field, text, Reason::OutOfRange);
        if b.len() < 16 {
            return Err(fmt_err());
        }
        let date = parse_date_bytes(b.get(..10).ok_or_else(fmt_err)?).ok_or_else(fmt_err)?;
        if !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
            return Err(fmt_err());
        }
        let hour = two_digits(b, 11).ok_or_else(fmt_err)?;
        if b.get(13) != Some(&b':') {
            return Err(fmt_err());
        }
        let minute = two_digits(b, 14).ok_or_else(fmt_err)?;
        let mut i = 16;
        let mut second = 0;
        let mut nanos = 0u32;
        if b.get(i) == Some(&b':') {
            second = two_digits(b, i + 1).ok_or_else(fmt_err)?;
            i += 3;
            if b.get(i) == Some(&b'.') {
                i += 1;
                let start = i;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                let digits = i - start;
                if digits == 0 || digits > 9 {
                    return Err(fmt_err());
                }
                for k in start..start + 9 {
                    let d = if k < i {
                        b.get(k).map_or(0, |c| c - b'0')
                    } else {
                        0
                    };
                    nanos = nanos * 10 + u32::from(d);
                }
            }
        }
        let offset_seconds: Option<i64> = match b.get(i..) {
            Some([]) => None,
            Some([b'Z' | b'z']) => Some(0),
            Some([sign @ (b'+' | b'-'), h1, h2, b':', m1, m2]) => {
                let oh = two_digits(&[*h1, *h2], 0).ok_or_else(fmt_err)?;
                let om = two_digits(&[*m1, *m2], 0).ok_or_else(fmt_err)?;
                if oh > 23 || om > 59 {
                    return Err(range_err());
                }
                let s = i64::from(oh * 3600 + om * 60);
                Some(if *sign == b'-' { -s } else { s })
            }
            _ => return Err(fmt_err()),
        };
        let date = date.ok_or_else(range_err)?;
        let clock = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
            .filter(|_| second < 60)
            .ok_or_else(range_err)?;
        let naive = NaiveDateTime::new(date, clock);
        let local = match offset_seconds {
            None => naive,
            Some(off) => naive
                .checked_add_signed(Duration::seconds(CHINA_OFFSET_SECONDS - off))
                .ok_or_else(range_err)?,
        };
        // Offsets can carry a time past 9999 or before 0000 in China time,
        // which no time text can say: refused, as a date out of range.
        if !(0..=9999).contains(&local.year()) {
            return Err(range_err());
        }
        Ok(ChinaDateTime(local))
    }

    /// The calendar date.
    ///
    /// ```
    /// use posfee_core::ChinaDateTime;
    /// assert_eq!(ChinaDateTime::parse("t", "2025-09-27T23:30").unwrap().date().to_string(), "2025-09-27");
    /// ```
    pub fn date(self) -> NaiveDate {
        self.0.date()
    }

    /// The time of day.
    ///
    /// ```
    /// use posfee_core::ChinaDateTime;
    /// assert_eq!(ChinaDateTime::parse("t", "2025-09-27T23:30").unwrap().clock().to_string(), "23:30:00");
    /// ```
    pub fn clock(self) -> NaiveTime {
        self.0.time()
    }

    /// The naive local date-time.
    ///
    /// ```
    /// use posfee_core::ChinaDateTime;
    /// let t = ChinaDateTime::parse("t", "2025-09-27T23:30").unwrap();
    /// assert_eq!(t.naive().to_string(), "2025-09-27 23:30:00");
    /// ```
    pub fn naive(self) -> NaiveDateTime {
        self.0
    }
}

impl fmt::Display for ChinaDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written field by field: chrono's strftime machinery is not needed
        // for one fixed layout (years are 0001–9999 here).
        let (d, t) = (self.0.date(), self.0.time());
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

impl Serialize for ChinaDateTime {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Parses a calendar date `YYYY-MM-DD`.
///
/// ```
/// use posfee_core::parse_date;
/// assert_eq!(parse_date("submitted", "2025-09-30").unwrap().to_string(), "2025-09-30");
/// assert_eq!(parse_date("submitted", "2025-09-31").unwrap_err().reason().as_str(), "out_of_range");
/// ```
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 {
        return Err(time_error(field, text, Reason::Format));
    }
    match parse_date_bytes(b) {
        None => Err(time_error(field, text, Reason::Format)),
        Some(None) => Err(time_error(field, text, Reason::OutOfRange)),
        Some(Some(d)) => Ok(d),
    }
}

/// `None`: not of the grammar; `Some(None)`: a date that does not exist.
fn parse_date_bytes(b: &[u8]) -> Option<Option<NaiveDate>> {
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let year = two_digits(b, 0)? * 100 + two_digits(b, 2)?;
    let month = two_digits(b, 5)?;
    let day = two_digits(b, 8)?;
    Some(NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        month,
        day,
    ))
}

fn two_digits(b: &[u8], at: usize) -> Option<u32> {
    match (b.get(at), b.get(at + 1)) {
        (Some(x @ b'0'..=b'9'), Some(y @ b'0'..=b'9')) => {
            Some(u32::from(x - b'0') * 10 + u32::from(y - b'0'))
        }
        _ => None,
    }
}

pub(crate) fn time_error(field: &str, text: &str, reason: Reason) -> Error {
    let text = crate::bounds::echo(text);
    let (zh, en) = match reason {
        Reason::Missing => ("缺少交易时间".to_string(), "the time is missing".to_string()),
        Reason::OutOfRange => (
            format!("时间 \"{text}\" 不存在（日期、时刻或时区超出范围）"),
            format!("time \"{text}\" does not exist (date, clock or offset out of range)"),
        ),
        Reason::NotAString => (
            "时间须为字符串，如 \"2025-03-12T10:00:00\"".to_string(),
            "time must be a string such as \"2025-03-12T10:00:00\"".to_string(),
        ),
        _ => (
            format!("时间 \"{text}\" 格式不正确，应为北京时间 \"2025-03-12T10:00:00\" 或带时区的 RFC 3339"),
            format!("time \"{text}\" is not China local time \"2025-03-12T10:00:00\" or RFC 3339 with an offset"),
        ),
    };
    Error::at(ErrorCode::InvalidTime, field, reason, zh, en)
}

/// A time of day `HH:MM` in plan data (cut-offs, real-time windows).
///
/// ```
/// use posfee_core::ClockTime;
/// let c: ClockTime = serde_json::from_str("\"23:00\"").unwrap();
/// assert_eq!(c.to_string(), "23:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(NaiveTime);

impl ClockTime {
    /// A time of day from hours and minutes, for data already checked (the
    /// baked plans); an impossible time is midnight.
    pub(crate) const fn from_hm(hour: u32, minute: u32) -> ClockTime {
        match NaiveTime::from_hms_opt(hour, minute, 0) {
            Some(t) => ClockTime(t),
            None => ClockTime(NaiveTime::MIN),
        }
    }

    /// The time of day.
    ///
    /// ```
    /// use posfee_core::ClockTime;
    /// let c: ClockTime = serde_json::from_str("\"07:00\"").unwrap();
    /// assert_eq!(c.time().to_string(), "07:00:00");
    /// ```
    pub fn time(self) -> NaiveTime {
        self.0
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let b = text.as_bytes();
        let parsed = if b.len() == 5 && b.get(2) == Some(&b':') {
            two_digits(b, 0)
                .zip(two_digits(b, 3))
                .and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0))
        } else {
            None
        };
        parsed
            .map(ClockTime)
            .ok_or_else(|| serde::de::Error::custom("expected a time of day \"HH:MM\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> String {
        ChinaDateTime::parse("t", s)
            .unwrap_err()
            .reason()
            .to_string()
    }

    #[test]
    fn accepts_local_and_offset_forms() {
        for (s, want) in [
            ("2025-03-12T10:00:00", "2025-03-12T10:00:00"),
            ("2025-03-12 10:00", "2025-03-12T10:00:00"),
            ("2025-03-12T10:00:00.123", "2025-03-12T10:00:00"),
            ("2025-03-12T02:00:00Z", "2025-03-12T10:00:00"),
            ("2025-03-12T10:00:00+08:00", "2025-03-12T10:00:00"),
            ("2025-03-11T21:00:00-05:00", "2025-03-12T10:00:00"),
            ("2024-02-29T10:00", "2024-02-29T10:00:00"),
        ] {
            assert_eq!(
                ChinaDateTime::parse("t", s).unwrap().to_string(),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn refuses_bad_times() {
        for s in [
            "",
            "10:00",
            "2025/03/12 10:00",
            "2025-3-12T10:00",
            "2025-03-12T10",
            "2025-03-12T10:00:00.",
            "2025-03-12T10:00+0800",
            "2025-03-12T10:00:00 ",
        ] {
            assert_eq!(reason(s), "format", "{s:?}");
        }
        for s in [
            "2025-02-29T10:00",
            "2025-03-12T24:00",
            "2025-03-12T12:60",
            "2025-03-12T12:00:60",
            "2025-03-12T10:00+24:00",
            "2025-13-01T10:00",
        ] {
            assert_eq!(reason(s), "out_of_range", "{s}");
        }
    }
}
