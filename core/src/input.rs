//! Inputs as strings, the way JSON, JavaScript and mobile apps hand them
//! over, validated into typed values with errors that name each field.
//!
//! Every binding goes through these types so that every language refuses the
//! same input with the same code, field and reason.

use crate::compare::MixLine;
use crate::eligibility::MerchantFacts;
use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
use crate::limit::DailyUsage;
use crate::merchant::{CreditRate, Merchant, MerchantTier, Verification, WalletStatus, Wallets};
use crate::money::Money;
use crate::payment::{CardKind, CardMedium, Charge, Instrument, Method, Payment, Wallet};
use crate::time::ChinaDateTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

fn parse_enum<T: Copy>(
    field: &str,
    value: Option<&str>,
    parse: fn(&str) -> Option<T>,
    names: &[&str],
) -> Result<Option<T>> {
    match value {
        None => Ok(None),
        Some(v) => parse(v)
            .map(Some)
            .ok_or_else(|| Error::unknown_value(field, v, names)),
    }
}

/// A count as given (a signed 64-bit number, which every language can
/// build): 0 to `u32::MAX`, else `invalid_field` / `invalid_value`.
///
/// ```
/// assert_eq!(posfee_core::input::count_value("count", 3).unwrap(), 3);
/// assert_eq!(posfee_core::input::count_value("count", -1).unwrap_err().reason().as_str(), "invalid_value");
/// ```
pub fn count_value(field: &str, n: i64) -> Result<u32> {
    u32::try_from(n).map_err(|_| crate::read::bad_count(field, &n.to_string()))
}

fn required<T>(field: &str, v: Option<T>) -> Result<T> {
    v.ok_or_else(|| Error::missing(field))
}

/// [`parse_enum`] for `prefix.name`, the path built only for an error.
fn enum_at<T: Copy>(
    prefix: &str,
    name: &str,
    value: Option<&str>,
    parse: fn(&str) -> Option<T>,
    names: &[&str],
) -> Result<Option<T>> {
    match value {
        None => Ok(None),
        Some(v) => match parse(v) {
            Some(x) => Ok(Some(x)),
            None => parse_enum(&join(prefix, name), value, parse, names),
        },
    }
}

/// [`required`] for `prefix.name`, the path built only for an error.
fn required_at<T>(prefix: &str, name: &str, v: Option<T>) -> Result<T> {
    match v {
        Some(x) => Ok(x),
        None => required(&join(prefix, name), None),
    }
}

/// A payment as strings (JSON: `{"amount": "1000.00", "method": "card", …}`).
///
/// ```
/// use posfee_core::PaymentInput;
/// let p: PaymentInput = serde_json::from_str(r#"{"amount": "1000.00", "method": "qr", "wallet": "wechat", "time": "2025-03-12T10:00"}"#).unwrap();
/// let payment = p.to_payment("payment").unwrap();
/// assert_eq!(payment.amount.to_string(), "1000.00");
/// let bad = PaymentInput { wallet: None, ..p };
/// assert_eq!(bad.to_payment("payment").unwrap_err().field(), "payment.wallet");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentInput {
    /// Yuan, as a decimal string.
    #[serde(default)]
    pub amount: Option<String>,
    /// `card`, `contactless` or `qr`.
    #[serde(default)]
    pub method: Option<String>,
    /// `credit` or `debit` (card, contactless).
    #[serde(default)]
    pub card_kind: Option<String>,
    /// `chip` or `magstripe` (card).
    #[serde(default)]
    pub card_medium: Option<String>,
    /// A verified magstripe credit card (card, magstripe).
    #[serde(default)]
    pub magstripe_verified: Option<bool>,
    /// `alipay`, `wechat` or `unionpay` (qr).
    #[serde(default)]
    pub wallet: Option<String>,
    /// Large-amount mode (qr).
    #[serde(default)]
    pub large_mode: Option<bool>,
    /// China local time or RFC 3339.
    #[serde(default)]
    pub time: Option<String>,
}

impl PaymentInput {
    /// The amount and instrument, validated in the order amount, method,
    /// card_kind, card_medium, magstripe_verified, wallet, large_mode.
    ///
    /// ```
    /// use posfee_core::PaymentInput;
    /// let p = PaymentInput { amount: Some("5".into()), method: Some("card".into()), card_kind: Some("debit".into()), card_medium: Some("chip".into()), ..Default::default() };
    /// assert_eq!(p.to_charge("payment").unwrap().amount.to_string(), "5.00");
    /// ```
    pub fn to_charge(&self, prefix: &str) -> Result<Charge> {
        let f = |n: &str| join(prefix, n);
        let amount = match &self.amount {
            None => {
                return Err(crate::money::amount_error(
                    &f("amount"),
                    "",
                    Reason::Missing,
                ))
            }
            // The field path is spelled out only when an error needs it.
            Some(a) => match Money::parse_amount("", a) {
                Ok(m) => m,
                Err(_) => Money::parse_amount(&f("amount"), a)?,
            },
        };
        let method = required_at(
            prefix,
            "method",
            enum_at(
                prefix,
                "method",
                self.method.as_deref(),
                Method::from_name,
                Method::NAMES,
            )?,
        )?;
        let kind = enum_at(
            prefix,
            "card_kind",
            self.card_kind.as_deref(),
            CardKind::from_name,
            CardKind::NAMES,
        )?;
        let medium = enum_at(
            prefix,
            "card_medium",
            self.card_medium.as_deref(),
            CardMedium::from_name,
            CardMedium::NAMES,
        )?;
        let verified = self.magstripe_verified.unwrap_or(false);
        let wallet = enum_at(
            prefix,
            "wallet",
            self.wallet.as_deref(),
            Wallet::from_name,
            Wallet::NAMES,
        )?;
        let large = self.large_mode.unwrap_or(false);
        let m = method.as_str();
        let na = |name: &str| Error::not_applicable(&f(name), m);
        let instrument = match method {
            Method::Card => {
                let kind = required_at(prefix, "card_kind", kind)?;
                let medium = required_at(prefix, "card_medium", medium)?;
                if verified && medium != CardMedium::Magstripe {
                    return Err(Error::at(
                        ErrorCode::InvalidField,
                        f("magstripe_verified"),
                        Reason::NotApplicable,
                        "仅磁条卡有磁条认证",
                        "only a magstripe card can be verified",
                    ));
                }
                if wallet.is_some() {
                    return Err(na("wallet"));
                }
                if large {
                    return Err(na("large_mode"));
                }
                Instrument::Card {
                    kind,
                    medium,
                    magstripe_verified: verified,
                }
            }
            Method::Contactless => {
                let kind = required_at(prefix, "card_kind", kind)?;
                if medium.is_some() {
                    return Err(na("card_medium"));
                }
                if verified {
                    return Err(na("magstripe_verified"));
                }
                if wallet.is_some() {
                    return Err(na("wallet"));
                }
                if large {
                    return Err(na("large_mode"));
                }
                Instrument::Contactless { kind }
            }
            Method::Qr => {
                if kind.is_some() {
                    return Err(na("card_kind"));
                }
                if medium.is_some() {
                    return Err(na("card_medium"));
                }
                if verified {
                    return Err(na("magstripe_verified"));
                }
                let wallet = required_at(prefix, "wallet", wallet)?;
                Instrument::Qr {
                    wallet,
                    large_mode: large,
                }
            }
        };
        Ok(Charge { amount, instrument })
    }

    /// The full payment: the charge and the time.
    ///
    /// ```
    /// use posfee_core::PaymentInput;
    /// let p = PaymentInput { amount: Some("5".into()), method: Some("qr".into()), wallet: Some("alipay".into()), ..Default::default() };
    /// let e = p.to_payment("payment").unwrap_err();
    /// assert_eq!((e.field(), e.reason().as_str()), ("payment.time", "missing"));
    /// ```
    pub fn to_payment(&self, prefix: &str) -> Result<Payment> {
        let charge = self.to_charge(prefix)?;
        let time = match &self.time {
            None => {
                return Err(crate::time::time_error(
                    &join(prefix, "time"),
                    "",
                    Reason::Missing,
                ))
            }
            Some(t) => match ChinaDateTime::parse("", t) {
                Ok(t) => t,
                Err(_) => ChinaDateTime::parse(&join(prefix, "time"), t)?,
            },
        };
        Ok(Payment {
            amount: charge.amount,
            instrument: charge.instrument,
            time,
        })
    }
}

/// A wallet's status as given (both default to false).
///
/// ```
/// let w: posfee_core::WalletInput = serde_json::from_str(r#"{"enabled": true}"#).unwrap();
/// assert!(!w.verified.unwrap_or(false));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalletInput {
    /// Permission enabled.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// Real-name verified.
    #[serde(default)]
    pub verified: Option<bool>,
}

/// The wallets as given; a missing wallet is neither enabled nor verified.
///
/// ```
/// let w: posfee_core::WalletsInput = serde_json::from_str(r#"{"alipay": {"enabled": true, "verified": true}}"#).unwrap();
/// assert!(w.wechat.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalletsInput {
    /// 支付宝.
    #[serde(default)]
    pub alipay: Option<WalletInput>,
    /// 微信支付.
    #[serde(default)]
    pub wechat: Option<WalletInput>,
    /// 银联.
    #[serde(default)]
    pub unionpay: Option<WalletInput>,
}

/// A merchant profile as strings.
///
/// ```
/// use posfee_core::MerchantInput;
/// let m: MerchantInput = serde_json::from_str(r#"{"tier": "new", "verification": "none", "credit_rate": "standard", "activated": true}"#).unwrap();
/// assert!(m.to_merchant("merchant").unwrap().activated);
/// let bad = MerchantInput { tier: Some("gold".into()), ..m };
/// assert_eq!(bad.to_merchant("merchant").unwrap_err().reason().as_str(), "unknown_value");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MerchantInput {
    /// `new` or `premium`.
    #[serde(default)]
    pub tier: Option<String>,
    /// `face_and_card`, `face_only` or `none`.
    #[serde(default)]
    pub verification: Option<String>,
    /// `standard`, `bulk` or `premium`.
    #[serde(default)]
    pub credit_rate: Option<String>,
    /// The activation swipe is paid.
    #[serde(default)]
    pub activated: Option<bool>,
    /// Wallet permissions.
    #[serde(default)]
    pub wallets: Option<WalletsInput>,
    /// Approved for large-amount mode.
    #[serde(default)]
    pub large_mode_approved: Option<bool>,
}

impl MerchantInput {
    /// Validates into a [`Merchant`], in the order tier, verification,
    /// credit_rate, activated.
    ///
    /// ```
    /// let e = posfee_core::MerchantInput::default().to_merchant("merchant").unwrap_err();
    /// assert_eq!(e.field(), "merchant.tier");
    /// ```
    pub fn to_merchant(&self, prefix: &str) -> Result<Merchant> {
        let tier = required_at(
            prefix,
            "tier",
            enum_at(
                prefix,
                "tier",
                self.tier.as_deref(),
                MerchantTier::from_name,
                MerchantTier::NAMES,
            )?,
        )?;
        let verification = required_at(
            prefix,
            "verification",
            enum_at(
                prefix,
                "verification",
                self.verification.as_deref(),
                Verification::from_name,
                Verification::NAMES,
            )?,
        )?;
        let credit_rate = required_at(
            prefix,
            "credit_rate",
            enum_at(
                prefix,
                "credit_rate",
                self.credit_rate.as_deref(),
                CreditRate::from_name,
                CreditRate::NAMES,
            )?,
        )?;
        let activated = required_at(prefix, "activated", self.activated)?;
        let w = self.wallets.unwrap_or_default();
        let status = |x: Option<WalletInput>| {
            let x = x.unwrap_or_default();
            WalletStatus {
                enabled: x.enabled.unwrap_or(false),
                verified: x.verified.unwrap_or(false),
            }
        };
        Ok(Merchant {
            tier,
            verification,
            credit_rate,
            activated,
            wallets: Wallets {
                alipay: status(w.alipay),
                wechat: status(w.wechat),
                unionpay: status(w.unionpay),
            },
            large_mode_approved: self.large_mode_approved.unwrap_or(false),
        })
    }
}

/// A day's usage as strings: `{"used": {"credit": "1000.00"}, "counts": {"qr_large_count": 2}}`.
///
/// ```
/// let u: posfee_core::UsageInput = serde_json::from_str(r#"{"used": {"credit": "1000"}}"#).unwrap();
/// assert_eq!(u.to_usage("usage").unwrap().used_in("credit").to_string(), "1000.00");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageInput {
    /// Money used per bucket.
    #[serde(default)]
    pub used: BTreeMap<String, String>,
    /// Payments per count bucket.
    #[serde(default)]
    pub counts: BTreeMap<String, u32>,
}

impl UsageInput {
    /// Validates the amounts (non-negative, fen precision).
    ///
    /// ```
    /// let u: posfee_core::UsageInput = serde_json::from_str(r#"{"used": {"qr": "-1"}}"#).unwrap();
    /// assert_eq!(u.to_usage("usage").unwrap_err().field(), "usage.used.qr");
    /// ```
    pub fn to_usage(&self, prefix: &str) -> Result<DailyUsage> {
        let mut usage = DailyUsage::default();
        for (k, v) in &self.used {
            let field = join(&join(prefix, "used"), k);
            usage
                .used
                .insert(k.clone(), Money::parse_non_negative(&field, v)?);
        }
        usage.counts = self.counts.clone();
        Ok(usage)
    }
}

/// A line of a payment mix as given.
///
/// ```
/// let l: posfee_core::MixLineInput = serde_json::from_str(r#"{"payment": {"amount": "10", "method": "qr", "wallet": "alipay"}, "count": 3}"#).unwrap();
/// assert_eq!(l.to_line("mix[0]").unwrap().count, 3);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixLineInput {
    /// The payment (its time, if any, is not used).
    pub payment: PaymentInput,
    /// How many such payments.
    pub count: i64,
}

impl MixLineInput {
    /// Validates the line.
    ///
    /// ```
    /// let l = posfee_core::MixLineInput::default();
    /// assert_eq!(l.to_line("mix[0]").unwrap_err().field(), "mix[0].payment.amount");
    /// ```
    pub fn to_line(&self, prefix: &str) -> Result<MixLine> {
        Ok(MixLine {
            charge: self.payment.to_charge(&join(prefix, "payment"))?,
            count: count_value(&join(prefix, "count"), self.count)?,
        })
    }

    /// Validates a mix in order, each line named `<field>[i]`; the first bad
    /// line is the error.
    ///
    /// ```
    /// use posfee_core::MixLineInput;
    /// let good: MixLineInput = serde_json::from_str(r#"{"payment": {"amount": "10", "method": "qr", "wallet": "alipay"}, "count": 3}"#).unwrap();
    /// assert_eq!(MixLineInput::to_lines(&[good.clone()], "mix").unwrap().len(), 1);
    /// let bad = MixLineInput::default();
    /// assert_eq!(MixLineInput::to_lines(&[good, bad], "mix").unwrap_err().field(), "mix[1].payment.amount");
    /// ```
    pub fn to_lines(lines: &[MixLineInput], field: &str) -> Result<Vec<MixLine>> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| l.to_line(&format!("{field}[{i}]")))
            .collect()
    }
}

/// Eligibility facts as given.
///
/// ```
/// let f: posfee_core::EligibilityInput = serde_json::from_str(r#"{"monthly_volumes": ["1"], "devices": 1, "annual_agreement": false, "risk_record": false, "verification": "none"}"#).unwrap();
/// assert_eq!(f.to_facts("").unwrap().devices, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityInput {
    /// Monthly volumes, oldest first.
    #[serde(default)]
    pub monthly_volumes: Vec<String>,
    /// Devices.
    #[serde(default)]
    pub devices: i64,
    /// Annual agreement signed.
    #[serde(default)]
    pub annual_agreement: bool,
    /// Risk-control record.
    #[serde(default)]
    pub risk_record: bool,
    /// Verification.
    #[serde(default)]
    pub verification: Option<String>,
}

impl EligibilityInput {
    /// Validates the facts.
    ///
    /// ```
    /// let f = posfee_core::EligibilityInput { monthly_volumes: vec!["x".into()], ..Default::default() };
    /// assert_eq!(f.to_facts("").unwrap_err().field(), "monthly_volumes[0]");
    /// ```
    pub fn to_facts(&self, prefix: &str) -> Result<MerchantFacts> {
        let mut monthly_volumes = Vec::with_capacity(self.monthly_volumes.len());
        for (i, v) in self.monthly_volumes.iter().enumerate() {
            let field = format!("{}[{i}]", join(prefix, "monthly_volumes"));
            monthly_volumes.push(Money::parse_non_negative(&field, v)?);
        }
        let vf = join(prefix, "verification");
        let verification = required(
            &vf,
            parse_enum(
                &vf,
                self.verification.as_deref(),
                Verification::from_name,
                Verification::NAMES,
            )?,
        )?;
        Ok(MerchantFacts {
            monthly_volumes,
            devices: count_value(&join(prefix, "devices"), self.devices)?,
            annual_agreement: self.annual_agreement,
            risk_record: self.risk_record,
            verification,
        })
    }
}

/// Reads a JSON input value into `T` with the core's reader
/// ([`crate::read`]), naming the failing field under `prefix` in snake_case:
/// a wrong type for money is
/// `invalid_amount`/`not_a_string`, for a time `invalid_time`/`not_a_string`,
/// anything else `invalid_field` with `wrong_type`, `unknown_field`,
/// `missing` or `unknown_value`.
///
/// ```
/// use posfee_core::{input_from_json, PaymentInput};
/// let e = input_from_json::<PaymentInput>(serde_json::json!({"amount": 1000}), "payment").unwrap_err();
/// assert_eq!((e.code().as_str(), e.field(), e.reason().as_str()), ("invalid_amount", "payment.amount", "not_a_string"));
/// let e = input_from_json::<PaymentInput>(serde_json::json!({"amout": "1"}), "payment").unwrap_err();
/// assert_eq!((e.field(), e.reason().as_str()), ("payment.amout", "unknown_field"));
/// ```
pub fn input_from_json<T: crate::read::ReadInput>(
    value: serde_json::Value,
    prefix: &str,
) -> Result<T> {
    crate::read::read(
        &crate::read::Value::from_json(&value),
        prefix,
        crate::read::Naming::Snake,
    )
}

/// A path of keys and `[i]` indexes in the data files' spelling
/// (`"."` for the root), as the input errors take it.
///
/// ```
/// let p = ["mix".to_string(), "[2]".to_string(), "payment".to_string()];
/// assert_eq!(posfee_core::input::path_text(&p), "mix[2].payment");
/// assert_eq!(posfee_core::input::path_text(&[]), ".");
/// ```
pub fn path_text(path: &[String]) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let mut out = String::new();
    for seg in path {
        if !seg.starts_with('[') && !out.is_empty() {
            out.push('.');
        }
        out.push_str(seg);
    }
    out
}

/// An input a binding could not read: its host raised an exception while
/// the value was read (a JavaScript getter or Proxy trap).
///
/// ```
/// let e = posfee_core::input::unreadable("payment");
/// assert_eq!((e.field(), e.reason().as_str()), ("payment", "unreadable"));
/// ```
pub fn unreadable(field: &str) -> Error {
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::Unreadable,
        "读取该值时抛出了异常（getter、Proxy 或迭代器），见 cause",
        "reading the value threw an exception (a getter, a Proxy or an iterator); see cause",
    )
}

/// Bytes a binding could not read because their buffer was handed to
/// another owner (a detached JavaScript `ArrayBuffer`).
///
/// ```
/// assert_eq!(posfee_core::input::detached("chunk").reason().as_str(), "detached");
/// ```
pub fn detached(field: &str) -> Error {
    Error::at(
        ErrorCode::InvalidField,
        field,
        Reason::Detached,
        "ArrayBuffer 已被转移（detached），无法读取",
        "the ArrayBuffer is detached and cannot be read",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payment(v: serde_json::Value) -> Result<Payment> {
        input_from_json::<PaymentInput>(v, "payment")?.to_payment("payment")
    }

    #[test]
    fn fields_that_do_not_apply_are_refused() {
        let e = payment(serde_json::json!({"amount": "1", "method": "card", "card_kind": "credit", "card_medium": "chip", "wallet": "alipay", "time": "2025-03-12T10:00"})).unwrap_err();
        assert_eq!(
            (e.field(), e.reason().as_str()),
            ("payment.wallet", "not_applicable")
        );
        let e = payment(serde_json::json!({"amount": "1", "method": "contactless", "card_kind": "credit", "card_medium": "chip", "time": "2025-03-12T10:00"})).unwrap_err();
        assert_eq!(e.field(), "payment.card_medium");
        let e = payment(serde_json::json!({"amount": "1", "method": "card", "card_kind": "credit", "card_medium": "chip", "magstripe_verified": true, "time": "2025-03-12T10:00"})).unwrap_err();
        assert_eq!(e.field(), "payment.magstripe_verified");
    }

    #[test]
    fn json_types_map_to_the_right_codes() {
        let e = payment(serde_json::json!({"amount": 1.5})).unwrap_err();
        assert_eq!(
            (e.code(), e.reason().as_str()),
            (ErrorCode::InvalidAmount, "not_a_string")
        );
        let e = payment(
            serde_json::json!({"amount": "1", "method": "qr", "wallet": "alipay", "time": 5}),
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            (ErrorCode::InvalidTime, "payment.time")
        );
        let e = payment(serde_json::json!({"amount": "1", "method": 5})).unwrap_err();
        assert_eq!(
            (e.code(), e.reason().as_str()),
            (ErrorCode::InvalidField, "wrong_type")
        );
        let e = payment(serde_json::json!({"amount": "1", "method": "cash"})).unwrap_err();
        assert_eq!(
            (e.field(), e.reason().as_str()),
            ("payment.method", "unknown_value")
        );
        assert!(e.message_en().contains("card, contactless, qr"));
    }
}

/// A troubleshooting question as given.
///
/// ```
/// let d: posfee_core::DiagnoseInput = serde_json::from_str(r#"{"situation": "declined", "terminal_message": "余额不足"}"#).unwrap();
/// assert_eq!(d.to_request("").unwrap().situation, posfee_core::Situation::Declined);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagnoseInput {
    /// `not_arrived`, `declined`, `huabei_unavailable` or `suspended`.
    #[serde(default)]
    pub situation: Option<String>,
    /// The payment, if any.
    #[serde(default)]
    pub payment: Option<PaymentInput>,
    /// The merchant, to check the plan's own rules.
    #[serde(default)]
    pub merchant: Option<MerchantInput>,
    /// The day's usage before the payment.
    #[serde(default)]
    pub usage: Option<UsageInput>,
    /// What the terminal or app showed.
    #[serde(default)]
    pub terminal_message: Option<String>,
    /// When the question is asked.
    #[serde(default)]
    pub as_of: Option<String>,
    /// When the QR code was generated.
    #[serde(default)]
    pub qr_created: Option<String>,
    /// Times of the day's other payments.
    #[serde(default)]
    pub recent_payments: Vec<String>,
    /// Provisional arrival dates for uncovered years.
    #[serde(default)]
    pub provisional: bool,
}

impl DiagnoseInput {
    /// Validates the question.
    ///
    /// ```
    /// let d = posfee_core::DiagnoseInput { situation: Some("lost".into()), ..Default::default() };
    /// assert_eq!(d.to_request("").unwrap_err().field(), "situation");
    /// ```
    pub fn to_request(&self, prefix: &str) -> Result<crate::diagnose::DiagnoseRequest> {
        use crate::diagnose::{DiagnoseRequest, Situation};
        let f = |n: &str| join(prefix, n);
        let situation = required_at(
            prefix,
            "situation",
            enum_at(
                prefix,
                "situation",
                self.situation.as_deref(),
                Situation::from_name,
                Situation::NAMES,
            )?,
        )?;
        let mut r = DiagnoseRequest::new(situation);
        r.payment = self
            .payment
            .as_ref()
            .map(|p| p.to_payment(&f("payment")))
            .transpose()?;
        r.merchant = self
            .merchant
            .as_ref()
            .map(|m| m.to_merchant(&f("merchant")))
            .transpose()?;
        if let Some(u) = &self.usage {
            r.usage = u.to_usage(&f("usage"))?;
        }
        r.terminal_message = self.terminal_message.clone();
        r.as_of = self
            .as_of
            .as_deref()
            .map(|t| ChinaDateTime::parse(&f("as_of"), t))
            .transpose()?;
        r.qr_created = self
            .qr_created
            .as_deref()
            .map(|t| ChinaDateTime::parse(&f("qr_created"), t))
            .transpose()?;
        r.recent_payments = self
            .recent_payments
            .iter()
            .enumerate()
            .map(|(i, t)| ChinaDateTime::parse(&format!("{}[{i}]", f("recent_payments")), t))
            .collect::<Result<_>>()?;
        r.provisional = self.provisional;
        Ok(r)
    }
}
