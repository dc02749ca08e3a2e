//! The one public error type: a stable code, the field it concerns, a reason,
//! and a message in Chinese and in English.

use serde::Serialize;
use std::fmt;

/// Stable snake_case error codes. They never change meaning once published;
/// every binding exposes the same strings.
///
/// ```
/// use posfee_core::ErrorCode;
/// assert_eq!(ErrorCode::InvalidAmount.as_str(), "invalid_amount");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ErrorCode {
    /// A money amount is malformed, zero, signed, too precise or too large.
    InvalidAmount,
    /// A date or time is malformed, missing or does not exist.
    InvalidTime,
    /// Any other input field is missing, unknown, of the wrong type or not applicable.
    InvalidField,
    /// The answer needs a working-day calendar year that is not loaded.
    CalendarNotCovered,
    /// No fee rule of the plan matches the payment.
    NoFeeRule,
    /// A plan file is not valid JSON.
    PlanSyntax,
    /// A plan file has a field that is missing, of the wrong type or out of range.
    PlanInvalid,
    /// A plan file has a schema version this library does not read.
    PlanUnsupportedSchema,
    /// The plan lacks a section the question needs (e.g. a fee-only plan asked for limits).
    PlanIncomplete,
    /// A calendar file is not valid JSON.
    CalendarSyntax,
    /// A calendar file has an entry that is missing, malformed or contradictory.
    CalendarInvalid,
    /// A calendar file has a schema version this library does not read.
    CalendarUnsupportedSchema,
    /// A calendar year being loaded is already covered.
    CalendarYearCovered,
    /// A sum went beyond what money arithmetic can hold.
    Overflow,
    /// A CSV statement is malformed (header, columns, quotes, encoding).
    InvalidCsv,
    /// An input beyond one of posfee's input bounds ([`crate::bounds`]): the
    /// field names where, the reason which limit (`too_deep`, `too_long`,
    /// `too_many`), the message the limit itself.
    InputTooLarge,
    /// A call that the object's state does not allow: feeding a statement
    /// already finished (`finished`), a second streaming audit while one
    /// runs (`busy`).
    InvalidState,
    /// A failure inside posfee (a bug), never caused by the input.
    Internal,
    /// A statement profile file is not valid JSON.
    ProfileSyntax,
    /// A statement profile file has a field that is missing, of the wrong
    /// type, unknown or contradictory, or a schema this library does not read.
    ProfileInvalid,
}

impl ErrorCode {
    /// The stable snake_case string of the code.
    ///
    /// ```
    /// use posfee_core::ErrorCode;
    /// assert_eq!(ErrorCode::CalendarNotCovered.as_str(), "calendar_not_covered");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidAmount => "invalid_amount",
            ErrorCode::InvalidTime => "invalid_time",
            ErrorCode::InvalidField => "invalid_field",
            ErrorCode::CalendarNotCovered => "calendar_not_covered",
            ErrorCode::NoFeeRule => "no_fee_rule",
            ErrorCode::PlanSyntax => "plan_syntax",
            ErrorCode::PlanInvalid => "plan_invalid",
            ErrorCode::PlanUnsupportedSchema => "plan_unsupported_schema",
            ErrorCode::PlanIncomplete => "plan_incomplete",
            ErrorCode::CalendarSyntax => "calendar_syntax",
            ErrorCode::CalendarInvalid => "calendar_invalid",
            ErrorCode::CalendarUnsupportedSchema => "calendar_unsupported_schema",
            ErrorCode::CalendarYearCovered => "calendar_year_covered",
            ErrorCode::Overflow => "overflow",
            ErrorCode::InvalidCsv => "invalid_csv",
            ErrorCode::InputTooLarge => "input_too_large",
            ErrorCode::InvalidState => "invalid_state",
            ErrorCode::Internal => "internal",
            ErrorCode::ProfileSyntax => "profile_syntax",
            ErrorCode::ProfileInvalid => "profile_invalid",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! reasons {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// The stable reason within an error's code: why the field was refused.
        ///
        /// Each reason has one snake_case name ([`Reason::as_str`]) that never
        /// changes meaning once published; [`Reason::ALL`] lists them all.
        ///
        /// ```
        /// use posfee_core::{Money, Reason};
        /// let e = Money::parse_amount("amount", "1.234").unwrap_err();
        /// assert_eq!(e.reason(), Reason::TooManyDecimals);
        /// assert_eq!(e.reason().as_str(), "too_many_decimals");
        /// assert_eq!(Reason::from_name("too_many_decimals"), Some(Reason::TooManyDecimals));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Reason {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Reason {
            /// Every reason, in the order of the documentation.
            ///
            /// ```
            /// assert!(posfee_core::Reason::ALL.contains(&posfee_core::Reason::Missing));
            /// ```
            pub const ALL: &'static [Reason] = &[$(Reason::$variant,)*];

            /// The stable snake_case name.
            ///
            /// ```
            /// assert_eq!(posfee_core::Reason::UnknownField.as_str(), "unknown_field");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Reason::$variant => $name,)*
                }
            }

            /// The reason of a name, as [`Reason::as_str`] spells it.
            ///
            /// ```
            /// assert_eq!(posfee_core::Reason::from_name("zero"), Some(posfee_core::Reason::Zero));
            /// assert_eq!(posfee_core::Reason::from_name("Zero"), None);
            /// ```
            pub fn from_name(name: &str) -> Option<Reason> {
                match name {
                    $($name => Some(Reason::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

reasons! {
    /// A required field or argument is absent.
    Missing = "missing",
    /// A key the input type does not have.
    UnknownField = "unknown_field",
    /// A value of the wrong JSON or JavaScript type.
    WrongType = "wrong_type",
    /// Money or a time given as something other than a string.
    NotAString = "not_a_string",
    /// A text outside the field's list of values.
    UnknownValue = "unknown_value",
    /// A value of the right type that the field cannot hold (a negative count).
    InvalidValue = "invalid_value",
    /// A field that does not apply to the rest of the input (a wallet for a card payment).
    NotApplicable = "not_applicable",
    /// Reading the value raised an exception in the host language (a getter, a Proxy).
    Unreadable = "unreadable",
    /// A byte buffer handed to another owner (a detached ArrayBuffer).
    Detached = "detached",
    /// An empty text where a value is needed.
    Empty = "empty",
    /// A text that does not have the field's form.
    Format = "format",
    /// A signed amount.
    Sign = "sign",
    /// A zero amount where a positive one is needed.
    Zero = "zero",
    /// More decimals than the field allows.
    TooManyDecimals = "too_many_decimals",
    /// A number above what the field allows.
    TooLarge = "too_large",
    /// A number or date outside the field's range.
    OutOfRange = "out_of_range",
    /// A data file that is not valid JSON.
    Syntax = "syntax",
    /// A key given twice in one object of a data file.
    DuplicateKey = "duplicate_key",
    /// An entry given twice.
    Duplicate = "duplicate",
    /// Entries that contradict each other.
    Contradictory = "contradictory",
    /// A calendar entry that contradicts the calendar already loaded.
    ContradictsHeld = "contradicts_held",
    /// A calendar year that is already loaded.
    AlreadyCovered = "already_covered",
    /// A calendar date outside the year it is filed under.
    OutsideYear = "outside_year",
    /// A make-up working day (调休) that is not a weekend day.
    NotWeekend = "not_weekend",
    /// Data that is not newer than the data already held.
    NotNewer = "not_newer",
    /// A year the working-day calendar does not cover.
    NotCovered = "not_covered",
    /// Contract terms that differ by channel where one value is needed.
    ChannelsDiffer = "channels_differ",
    /// A value nested deeper than posfee's bound.
    TooDeep = "too_deep",
    /// A text or file longer than posfee's bound.
    TooLong = "too_long",
    /// More entries than posfee's bound.
    TooMany = "too_many",
    /// A statement that is not in the expected text encoding.
    Encoding = "encoding",
    /// A CSV quote in the wrong place.
    BadQuote = "bad_quote",
    /// A CSV quoted field that never ends.
    UnterminatedQuote = "unterminated_quote",
    /// A CSV header naming one column twice.
    DuplicateHeader = "duplicate_header",
    /// A CSV header with a column posfee does not read.
    UnknownColumn = "unknown_column",
    /// A statement header with two columns that mean one field.
    AmbiguousColumn = "ambiguous_column",
    /// A CSV line with more or fewer columns than its header.
    RepeatedColumn = "repeated_column",
    /// A CSV header without a column the audit needs.
    MissingHeaderColumn = "missing_header_column",
    /// A CSV line with fewer columns than its header.
    MissingColumn = "missing_column",
    /// A CSV line with more columns than its header.
    ExtraColumn = "extra_column",
    /// A call on an object that has finished its work.
    Finished = "finished",
    /// A call on an object that is busy with another.
    Busy = "busy",
    /// A sum beyond what money arithmetic holds.
    Overflow = "overflow",
    /// No fee or arrival rule of the plan matches the payment.
    NoMatchingRule = "no_matching_rule",
    /// No channel of a contract matches the payment.
    NoMatchingChannel = "no_matching_channel",
    /// A plan without a section the question needs.
    MissingSection = "missing_section",
    /// A data file's schema version this library does not read.
    Unsupported = "unsupported",
    /// A failure inside posfee (a bug), never caused by the input.
    Internal = "internal",
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Reason {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// The error of every fallible posfee call.
///
/// `code` says what kind of failure it is, `field` names the input (a path
/// such as `payment.amount` or `fee_rules[2].cap`), `reason` is a stable
/// snake_case detail (`too_many_decimals`, `missing`, …), `year` is set for
/// [`ErrorCode::CalendarNotCovered`], and the two messages are for people.
///
/// ```
/// use posfee_core::{Money, ErrorCode};
/// let err = Money::parse_amount("payment.amount", "1.234").unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidAmount);
/// assert_eq!(err.field(), "payment.amount");
/// assert_eq!(err.reason().as_str(), "too_many_decimals");
/// assert!(err.is_invalid_input());
/// assert!(err.message_en().contains("1.234"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    test,
    derive(ts_rs::TS),
    ts(rename_all = "camelCase", rename = "ErrorInfo")
)]
pub struct Error {
    code: ErrorCode,
    field: String,
    #[cfg_attr(test, ts(type = "string"))]
    reason: Reason,
    year: Option<i32>,
    message_zh: String,
    message_en: String,
    /// What the messages say after the field they begin with (an error
    /// built by [`Error::at`]): kept so that a field renamed or put under a
    /// prefix is named anew in both messages, which are rendered from it.
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    detail: Option<Box<(String, String)>>,
}

impl Error {
    /// Builds an error from its parts. Bindings and data loaders use this;
    /// most callers only read errors.
    ///
    /// ```
    /// use posfee_core::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::InvalidField, "merchant.tier", posfee_core::Reason::Missing, "缺少商户等级", "merchant tier is missing");
    /// assert_eq!(e.reason().as_str(), "missing");
    /// ```
    pub fn new(
        code: ErrorCode,
        field: impl Into<String>,
        reason: Reason,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Error {
        let field = field.into();
        let message_zh = crate::bounds::tidy_message(message_zh.into(), &field);
        let message_en = crate::bounds::tidy_message(message_en.into(), &field);
        Error {
            code,
            field,
            reason,
            year: None,
            message_zh,
            message_en,
            detail: None,
        }
    }

    /// Builds an error whose messages begin with the field: `detail_zh` and
    /// `detail_en` say what is wrong with it, and each message is rendered
    /// as `field：detail` / `field: detail` (`(root)` for an empty field),
    /// now and whenever the field is renamed ([`Error::renamed`]) or put
    /// under a prefix ([`Error::within`]).
    ///
    /// ```
    /// use posfee_core::{Error, ErrorCode, Reason};
    /// let e = Error::at(ErrorCode::InvalidField, "merchant.tier", Reason::Missing, "缺少必填字段", "required field is missing");
    /// assert_eq!(e.message_en(), "merchant.tier: required field is missing");
    /// assert_eq!(e.within("a[0]").message_zh(), "a[0].merchant.tier：缺少必填字段");
    /// ```
    pub fn at(
        code: ErrorCode,
        field: impl Into<String>,
        reason: Reason,
        detail_zh: impl Into<String>,
        detail_en: impl Into<String>,
    ) -> Error {
        let mut e = Error::new(code, field, reason, "", "");
        e.detail = Some(Box::new((detail_zh.into(), detail_en.into())));
        e.render();
        e
    }

    /// The messages rendered anew from the field and the detail.
    fn render(&mut self) {
        if let Some(d) = &self.detail {
            let shown = if self.field.is_empty() {
                "(root)"
            } else {
                &self.field
            };
            let tidy = crate::bounds::tidy_message;
            self.message_zh = tidy(format!("{shown}：{}", d.0), &self.field);
            self.message_en = tidy(format!("{shown}: {}", d.1), &self.field);
        }
    }

    /// The stable code.
    ///
    /// ```
    /// # use posfee_core::{Money, ErrorCode};
    /// assert_eq!(Money::parse_amount("a", "").unwrap_err().code(), ErrorCode::InvalidAmount);
    /// ```
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The field or data path the error concerns.
    ///
    /// ```
    /// # use posfee_core::Money;
    /// assert_eq!(Money::parse_amount("volume", "-1").unwrap_err().field(), "volume");
    /// ```
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The stable snake_case reason within the code.
    ///
    /// ```
    /// # use posfee_core::Money;
    /// assert_eq!(Money::parse_amount("a", "-1").unwrap_err().reason().as_str(), "sign");
    /// ```
    pub fn reason(&self) -> Reason {
        self.reason
    }

    /// The uncovered year, for `calendar_not_covered`.
    ///
    /// ```
    /// # use posfee_core::Calendar;
    /// let cal = Calendar::embedded().unwrap();
    /// let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    /// assert_eq!(cal.is_working_day(d).unwrap_err().year(), Some(2027));
    /// ```
    pub fn year(&self) -> Option<i32> {
        self.year
    }

    /// The message in Simplified Chinese.
    ///
    /// ```
    /// # use posfee_core::Money;
    /// assert!(Money::parse_amount("a", "0").unwrap_err().message_zh().contains("金额"));
    /// ```
    pub fn message_zh(&self) -> &str {
        &self.message_zh
    }

    /// The message in English.
    ///
    /// ```
    /// # use posfee_core::Money;
    /// assert!(Money::parse_amount("a", "0").unwrap_err().message_en().contains("zero"));
    /// ```
    pub fn message_en(&self) -> &str {
        &self.message_en
    }

    /// True for errors caused by the caller's input (amount, time, field).
    ///
    /// ```
    /// # use posfee_core::Money;
    /// assert!(Money::parse_amount("a", "x").unwrap_err().is_invalid_input());
    /// ```
    pub fn is_invalid_input(&self) -> bool {
        matches!(
            self.code,
            ErrorCode::InvalidAmount | ErrorCode::InvalidTime | ErrorCode::InvalidField
        )
    }

    /// True when the answer needs a calendar year that is not loaded.
    ///
    /// ```
    /// # use posfee_core::Calendar;
    /// let cal = Calendar::embedded().unwrap();
    /// let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    /// assert!(cal.is_working_day(d).unwrap_err().is_calendar_not_covered());
    /// ```
    pub fn is_calendar_not_covered(&self) -> bool {
        self.code == ErrorCode::CalendarNotCovered
    }

    /// True for errors in a plan or calendar data file.
    ///
    /// ```
    /// # use posfee_core::Plan;
    /// assert!(Plan::from_json("{").unwrap_err().is_data_error());
    /// ```
    pub fn is_data_error(&self) -> bool {
        matches!(
            self.code,
            ErrorCode::PlanSyntax
                | ErrorCode::PlanInvalid
                | ErrorCode::PlanUnsupportedSchema
                | ErrorCode::PlanIncomplete
                | ErrorCode::CalendarSyntax
                | ErrorCode::CalendarInvalid
                | ErrorCode::CalendarUnsupportedSchema
                | ErrorCode::CalendarYearCovered
        )
    }

    /// The same error with its field put under `prefix` (`amount` →
    /// `payment.amount`), in its messages too.
    ///
    /// ```
    /// # use posfee_core::Money;
    /// let e = Money::parse_amount("amount", "").unwrap_err().within("mix[0].payment");
    /// assert_eq!(e.field(), "mix[0].payment.amount");
    /// assert!(e.message_en().starts_with("mix[0].payment.amount: "));
    /// ```
    pub fn within(mut self, prefix: &str) -> Error {
        if prefix.is_empty() {
            return self;
        }
        self.field = if self.field.is_empty() {
            prefix.to_string()
        } else if self.field.starts_with('[') {
            format!("{prefix}{}", self.field)
        } else {
            format!("{prefix}.{}", self.field)
        };
        self.render();
        self
    }

    /// The same error with its field named another way (a binding's
    /// camelCase): messages that begin with the field ([`Error::at`]) are
    /// rendered anew with it, so field and message always agree.
    ///
    /// ```
    /// # use posfee_core::Money;
    /// let e = Money::parse_amount("payment.fee_charged", "x").unwrap_err().renamed("payment.feeCharged");
    /// assert_eq!(e.field(), "payment.feeCharged");
    /// assert!(e.message_en().starts_with("payment.feeCharged: "));
    /// assert!(e.message_zh().starts_with("payment.feeCharged："));
    /// ```
    pub fn renamed(mut self, field: impl Into<String>) -> Error {
        let field = field.into();
        if field != self.field {
            self.field = field;
            self.render();
        }
        self
    }

    pub(crate) fn with_year(mut self, year: i32) -> Error {
        self.year = Some(year);
        self
    }

    pub(crate) fn calendar_not_covered(year: i32) -> Error {
        Error::new(
            ErrorCode::CalendarNotCovered,
            "calendar",
            Reason::NotCovered,
            format!("工作日历未包含 {year} 年：请加载 {year} 年的节假日安排，或选择临时（按周一至周五）估算"),
            format!("the working-day calendar does not cover {year}: load the {year} holiday arrangement, or ask for a provisional (Monday–Friday) answer"),
        )
        .with_year(year)
    }

    pub(crate) fn invalid_field(field: &str, reason: Reason, zh: String, en: String) -> Error {
        Error::new(ErrorCode::InvalidField, field, reason, zh, en)
    }

    pub(crate) fn missing(field: &str) -> Error {
        Error::at(
            ErrorCode::InvalidField,
            field,
            Reason::Missing,
            "缺少必填字段",
            "required field is missing",
        )
    }

    /// The same error under another code (a data file's fault worded as an
    /// input's).
    #[cfg(feature = "statements")]
    pub(crate) fn with_code(mut self, code: ErrorCode) -> Error {
        self.code = code;
        self
    }

    pub(crate) fn unknown_value(field: &str, value: &str, allowed: &[&str]) -> Error {
        let list = allowed.join(", ");
        let value = crate::bounds::echo(value);
        Error::at(
            ErrorCode::InvalidField,
            field,
            Reason::UnknownValue,
            format!("未知取值 \"{value}\"，可选值为 {list}"),
            format!("unknown value \"{value}\"; expected one of {list}"),
        )
    }

    pub(crate) fn not_applicable(field: &str, method: &str) -> Error {
        Error::at(
            ErrorCode::InvalidField,
            field,
            Reason::NotApplicable,
            format!("该字段不适用于支付方式 {method}，请不要填写"),
            format!("does not apply to method {method}; leave it out"),
        )
    }

    /// A failure inside posfee (a bug, never the input's fault): code and
    /// reason `internal`, no field.
    ///
    /// ```
    /// let e = posfee_core::Error::internal("a check");
    /// assert_eq!((e.code().as_str(), e.field(), e.message_en()), ("internal", "", "internal error: a check"));
    /// ```
    pub fn internal(what: &str) -> Error {
        Error::new(
            ErrorCode::Internal,
            "",
            Reason::Internal,
            format!("内部错误：{what}"),
            format!("internal error: {what}"),
        )
    }

    /// `no_fee_rule` for the payment at `field`: no fee rule of the plan
    /// matches it (a batch's line, an element of a list of charges).
    pub(crate) fn no_fee_rule(field: &str) -> Error {
        Error::at(
            ErrorCode::NoFeeRule,
            field,
            Reason::NoMatchingRule,
            "没有适用于该支付的费率规则",
            "no fee rule applies to this payment",
        )
    }

    pub(crate) fn overflow(field: &str) -> Error {
        Error::at(
            ErrorCode::Overflow,
            field,
            Reason::Overflow,
            "金额合计超出可计算范围",
            "the sum is beyond the range money arithmetic holds",
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.code, self.field, self.message_en)
    }
}

impl std::error::Error for Error {}

/// Result with the posfee [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_and_messages_agree_after_within_and_renamed() {
        let e = Error::no_fee_rule("payment").within("mix[2]");
        assert_eq!(e.field(), "mix[2].payment");
        assert_eq!(
            e.message_en(),
            "mix[2].payment: no fee rule applies to this payment"
        );
        assert_eq!(e.message_zh(), "mix[2].payment：没有适用于该支付的费率规则");
        let e = Error::missing("payment.card_kind").renamed("payment.cardKind");
        assert!(e.message_en().starts_with("payment.cardKind: "));
        assert!(e.message_zh().starts_with("payment.cardKind："));
        // A long or control-character field is cut and escaped in the
        // messages, never in the field.
        let long = "x".repeat(300);
        let e = Error::missing("a").renamed(long.clone());
        assert_eq!(e.field(), long);
        assert!(e.message_en().len() < 300 && e.message_en().contains('…'));
        let e = Error::missing("a\nb");
        assert!(e.message_en().starts_with("a\\nb: "));
        // A message that does not begin with a field is kept whole.
        let e = Error::calendar_not_covered(2030).renamed("cal");
        assert!(e.message_en().starts_with("the working-day calendar"));
    }
}
