//! Money: CNY yuan with fen precision, parsed from and written as decimal strings.

use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub mod text;

/// The largest amount one payment may have, in fen (99,999,999.99 yuan).
/// This is the width of the amount field, not a plan cap.
pub const MAX_AMOUNT_FEN: i64 = 9_999_999_999;

/// An amount of CNY, always held to the fen (two decimals).
///
/// Money is never a binary float: it is parsed from decimal strings and
/// written as `"1234.50"`. Sums and differences may be negative (a net
/// amount after a fixed fee, a plan comparison); amounts of payments are
/// always positive.
///
/// ```
/// use posfee_core::Money;
/// let m = Money::parse_amount("amount", "1234.5").unwrap();
/// assert_eq!(m.to_string(), "1234.50");
/// assert_eq!(m.fen(), 123450);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(test, derive(ts_rs::TS), ts(type = "string", rename = "MoneyString"))]
pub struct Money(Decimal);

/// How a percentage fee is rounded to the fen.
///
/// ```
/// use posfee_core::Rounding;
/// assert_eq!(Rounding::default(), Rounding::HalfUp);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// 四舍五入: half a fen goes up.
    #[default]
    HalfUp,
    /// 银行家舍入: half a fen goes to the even fen.
    HalfEven,
    /// Always toward zero (truncate).
    Down,
    /// Always away from zero.
    Up,
}

impl Rounding {
    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Down => RoundingStrategy::ToZero,
            Rounding::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

impl Money {
    /// Zero yuan.
    ///
    /// ```
    /// assert_eq!(posfee_core::Money::ZERO.to_string(), "0.00");
    /// ```
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Money from a count of fen.
    ///
    /// ```
    /// assert_eq!(posfee_core::Money::from_fen(-305).to_string(), "-3.05");
    /// ```
    pub fn from_fen(fen: i64) -> Money {
        Money(Decimal::new(fen, 2))
    }

    /// The amount in fen, or `None` beyond what an `i64` holds.
    ///
    /// ```
    /// assert_eq!(posfee_core::Money::from_fen(42).fen(), 42);
    /// ```
    pub fn fen(self) -> i64 {
        // Money is always at scale 2, so the mantissa is the fen count; sums
        // are checked against i64 when they are made.
        i64::try_from(self.0.mantissa()).unwrap_or(i64::MAX)
    }

    /// The value as a `rust_decimal::Decimal` (scale 2).
    ///
    /// ```
    /// use posfee_core::Money;
    /// assert_eq!(Money::from_fen(150).as_decimal().to_string(), "1.50");
    /// ```
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// Rounds a decimal to the fen with the given rounding; `None` when the
    /// result is beyond `i64` fen.
    ///
    /// ```
    /// use posfee_core::{Money, Rounding};
    /// use rust_decimal::Decimal;
    /// let half = Decimal::new(475, 3); // 0.475
    /// assert_eq!(Money::round(half, Rounding::HalfUp).unwrap().to_string(), "0.48");
    /// assert_eq!(Money::round(half, Rounding::HalfEven).unwrap().to_string(), "0.48");
    /// assert_eq!(Money::round(Decimal::new(465, 3), Rounding::HalfEven).unwrap().to_string(), "0.46");
    /// ```
    pub fn round(value: Decimal, rounding: Rounding) -> Option<Money> {
        let mut d = value.round_dp_with_strategy(2, rounding.strategy());
        d.rescale(2);
        if d.scale() != 2 || i64::try_from(d.mantissa()).is_err() {
            return None;
        }
        Some(Money(d))
    }

    /// Parses the amount of a payment: a positive decimal string of yuan with
    /// at most two decimals, at most 99,999,999.99. Nothing is rounded.
    ///
    /// ```
    /// use posfee_core::Money;
    /// assert_eq!(Money::parse_amount("amount", "0.01").unwrap().fen(), 1);
    /// assert_eq!(Money::parse_amount("amount", "0").unwrap_err().reason().as_str(), "zero");
    /// assert_eq!(Money::parse_amount("amount", "1e3").unwrap_err().reason().as_str(), "format");
    /// assert_eq!(Money::parse_amount("amount", "100000000.00").unwrap_err().reason().as_str(), "too_large");
    /// ```
    pub fn parse_amount(field: &str, text: &str) -> Result<Money> {
        // The common shape, read in one pass; everything else below.
        if let Some(fen) = self::text::fast_fen(text.as_bytes()) {
            return Ok(Money::from_fen(fen));
        }
        let fen = parse_fen(field, text)?;
        if fen == 0 {
            return Err(amount_error(field, text, Reason::Zero));
        }
        Ok(Money::from_fen(fen))
    }

    /// Parses a non-negative sum such as a cumulative volume or a day's usage:
    /// like [`Money::parse_amount`] but zero is allowed.
    ///
    /// ```
    /// use posfee_core::Money;
    /// assert_eq!(Money::parse_non_negative("volume", "0").unwrap(), Money::ZERO);
    /// assert_eq!(Money::parse_non_negative("volume", "-1").unwrap_err().reason().as_str(), "sign");
    /// ```
    pub fn parse_non_negative(field: &str, text: &str) -> Result<Money> {
        parse_fen(field, text).map(Money::from_fen)
    }

    /// Appends the money's text (`"1234.50"`) to `out`, without the
    /// formatting machinery.
    ///
    /// ```
    /// use posfee_core::Money;
    /// let mut out = String::from("fee=");
    /// Money::from_fen(-5).push_to(&mut out);
    /// assert_eq!(out, "fee=-0.05");
    /// ```
    pub fn push_to(self, out: &mut String) {
        self::text::push_str(out, self.fen());
    }

    /// Checked sum.
    ///
    /// ```
    /// use posfee_core::Money;
    /// assert_eq!(Money::from_fen(1).checked_add(Money::from_fen(2)).unwrap().fen(), 3);
    /// ```
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.fen().checked_add(other.fen()).map(Money::from_fen)
    }

    /// Checked difference.
    ///
    /// ```
    /// use posfee_core::Money;
    /// assert_eq!(Money::from_fen(1).checked_sub(Money::from_fen(3)).unwrap().to_string(), "-0.02");
    /// ```
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.fen().checked_sub(other.fen()).map(Money::from_fen)
    }

    /// Checked multiplication by a count.
    ///
    /// ```
    /// use posfee_core::Money;
    /// assert_eq!(Money::from_fen(150).checked_mul_count(3).unwrap().to_string(), "4.50");
    /// ```
    pub fn checked_mul_count(self, count: u64) -> Option<Money> {
        let count = i64::try_from(count).ok()?;
        self.fen().checked_mul(count).map(Money::from_fen)
    }

    /// True when the amount is below zero.
    ///
    /// ```
    /// assert!(posfee_core::Money::from_fen(-1).is_negative());
    /// ```
    pub fn is_negative(self) -> bool {
        self.fen() < 0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (buf, i) = text::money_text(self.fen(), false);
        f.write_str(text::as_str(&buf, i))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (buf, i) = text::money_text(self.fen(), false);
        s.serialize_str(text::as_str(&buf, i))
    }
}

/// Plan files hold money as strings (`"25.00"`); a number is refused so no
/// float ever becomes money.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Money::parse_non_negative("", &text).map_err(|e| serde::de::Error::custom(e.reason()))
    }
}

pub(crate) fn amount_error(field: &str, text: &str, reason: Reason) -> Error {
    let text = crate::bounds::echo(text);
    let (zh, en) = match reason {
        Reason::Empty => ("金额为空".to_string(), "the amount is empty".to_string()),
        Reason::Missing => ("缺少金额".to_string(), "the amount is missing".to_string()),
        Reason::Sign => (
            format!("金额 \"{text}\" 不能带正负号"),
            format!("amount \"{text}\" must not carry a sign"),
        ),
        Reason::TooManyDecimals => (
            format!("金额 \"{text}\" 超过两位小数（最小单位为分），不会自动四舍五入"),
            format!("amount \"{text}\" has more than two decimals (the fen); it is never rounded silently"),
        ),
        Reason::Zero => (
            format!("金额 \"{text}\" 为零，须大于零"),
            format!("amount \"{text}\" is zero; it must be above zero"),
        ),
        Reason::TooLarge => (
            format!("金额 \"{text}\" 超过上限 99999999.99 元"),
            format!("amount \"{text}\" is above the limit of 99999999.99 yuan"),
        ),
        Reason::NotAString => (
            "金额须为十进制字符串（如 \"1234.50\"），不接受数字类型".to_string(),
            "amount must be a decimal string such as \"1234.50\", never a number".to_string(),
        ),
        _ => (
            format!("金额 \"{text}\" 格式不正确，应为如 \"1234.50\" 的十进制元金额"),
            format!("amount \"{text}\" is not a decimal yuan amount such as \"1234.50\""),
        ),
    };
    Error::at(ErrorCode::InvalidAmount, field, reason, zh, en)
}

/// The error for a money field given as a non-string (a JSON or JS number).
pub(crate) fn not_a_string(field: &str) -> Error {
    amount_error(field, "", Reason::NotAString)
}

fn parse_fen(field: &str, text: &str) -> Result<i64> {
    crate::bounds::check_value_text(field, text)?;
    fen_of(text).map_err(|reason| amount_error(field, text, reason))
}

/// The fen of an amount text (bounded by the caller), or why it is refused.
fn fen_of(text: &str) -> std::result::Result<i64, Reason> {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return Err(Reason::Empty);
    };
    if first == b'+' || first == b'-' {
        return Err(Reason::Sign);
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let int_ok = digits(int_part) && (int_part == "0" || !int_part.starts_with('0'));
    let frac_ok = frac_part.is_none_or(digits);
    if !int_ok || !frac_ok {
        return Err(Reason::Format);
    }
    let frac = frac_part.unwrap_or("");
    if frac.len() > 2 {
        return Err(Reason::TooManyDecimals);
    }
    // Integer part: more than 8 digits is always too large.
    if int_part.len() > 8 {
        return Err(Reason::TooLarge);
    }
    let mut fen: i64 = 0;
    for b in int_part.bytes().chain(frac.bytes()) {
        fen = fen * 10 + i64::from(b - b'0');
    }
    for _ in frac.len()..2 {
        fen *= 10;
    }
    if fen > MAX_AMOUNT_FEN {
        return Err(Reason::TooLarge);
    }
    Ok(fen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_text_is_the_decimal_with_two_places() {
        let mut fens: Vec<i64> = (-1234..=1234).collect();
        fens.extend([
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
            9_999_999_999,
            -100,
            100_000,
        ]);
        for fen in fens {
            let abs = fen.unsigned_abs();
            let sign = if fen < 0 { "-" } else { "" };
            let want = format!("{sign}{}.{:02}", abs / 100, abs % 100);
            assert_eq!(Money::from_fen(fen).to_string(), want, "fen {fen}");
            assert_eq!(
                serde_json::to_string(&Money::from_fen(fen)).unwrap(),
                format!("\"{want}\"")
            );
        }
    }

    fn reason(s: &str) -> String {
        Money::parse_amount("amount", s)
            .unwrap_err()
            .reason()
            .to_string()
    }

    #[test]
    fn parses_valid_forms() {
        for (s, fen) in [
            ("1", 100),
            ("1.5", 150),
            ("1.05", 105),
            ("0.01", 1),
            ("99999999.99", MAX_AMOUNT_FEN),
        ] {
            assert_eq!(Money::parse_amount("amount", s).unwrap().fen(), fen, "{s}");
        }
    }

    #[test]
    fn refuses_every_bad_form() {
        assert_eq!(reason(""), "empty");
        assert_eq!(reason("-1"), "sign");
        assert_eq!(reason("+1"), "sign");
        for s in [
            " 1", "1 ", "1e3", "NaN", "inf", "1,000", "1.", ".5", "01", "１", "0x10", "1.2.3",
        ] {
            assert_eq!(reason(s), "format", "{s}");
        }
        assert_eq!(reason("1.000"), "too_many_decimals");
        assert_eq!(reason("0.001"), "too_many_decimals");
        assert_eq!(reason("0"), "zero");
        assert_eq!(reason("0.00"), "zero");
        assert_eq!(reason("100000000"), "too_large");
        assert_eq!(reason("123456789012345678901234567890"), "too_large");
    }

    #[test]
    fn formats_with_two_decimals_and_sign() {
        assert_eq!(Money::from_fen(0).to_string(), "0.00");
        assert_eq!(Money::from_fen(-1).to_string(), "-0.01");
        assert_eq!(Money::from_fen(123456).to_string(), "1234.56");
    }

    #[test]
    fn rounding_modes_at_half_a_fen() {
        let half = Decimal::new(5, 3); // 0.005
        assert_eq!(Money::round(half, Rounding::HalfUp).unwrap().fen(), 1);
        assert_eq!(Money::round(half, Rounding::HalfEven).unwrap().fen(), 0);
        assert_eq!(Money::round(half, Rounding::Down).unwrap().fen(), 0);
        assert_eq!(
            Money::round(Decimal::new(1, 3), Rounding::Up)
                .unwrap()
                .fen(),
            1
        );
        let below = Decimal::new(4999, 6); // 0.004999
        assert_eq!(Money::round(below, Rounding::HalfUp).unwrap().fen(), 0);
    }
}
