//! Rate plans as versioned data: fee rules, acceptance, limits, settlement,
//! activation and eligibility, loaded from JSON and validated.
//!
//! Every rate, cap, time and window lives in the plan file; a second
//! provider's plan is a new file, not new code.

use crate::error::{Error, ErrorCode, Reason, Result};
use crate::load;
use crate::merchant::{CreditRate, Merchant, MerchantTier, Verification};
use crate::money::{Money, Rounding};
use crate::payment::{CardKind, CardMedium, Charge, Method, Wallet};
use crate::time::ClockTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::{Arc, OnceLock};

/// The plan schema version this library reads.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// The most fee rules a plan may have.
pub const MAX_FEE_RULES: usize = 64;

/// A percentage rate such as `"0.55"` (0.55 %), from 0 to 100 with at most
/// six decimals.
///
/// ```
/// use posfee_core::Percent;
/// let p: Percent = serde_json::from_str("\"0.55\"").unwrap();
/// assert_eq!(p.to_string(), "0.55");
/// assert!(serde_json::from_str::<Percent>("0.55").is_err()); // a number is refused
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(test, derive(ts_rs::TS), ts(type = "string", rename = "PercentString"))]
pub struct Percent(Decimal);

impl Percent {
    /// A percentage as it is, unchecked (for data already checked: the baked plans).
    pub(crate) const fn from_decimal(d: Decimal) -> Percent {
        Percent(d)
    }

    /// The rate as a percentage (`0.55` for 0.55 %).
    ///
    /// ```
    /// # use posfee_core::Percent;
    /// let p: Percent = serde_json::from_str("\"0.38\"").unwrap();
    /// assert_eq!(p.percent().to_string(), "0.38");
    /// ```
    pub fn percent(self) -> Decimal {
        self.0
    }

    /// The rate as a fraction (`0.0055` for 0.55 %), exact.
    ///
    /// ```
    /// # use posfee_core::Percent;
    /// let p: Percent = serde_json::from_str("\"0.55\"").unwrap();
    /// assert_eq!(p.fraction().to_string(), "0.0055");
    /// ```
    pub fn fraction(self) -> Decimal {
        let mut d = self.0;
        // Moving the point two places is exact: scale ≤ 6 + 2 ≤ 28.
        let _ = d.set_scale(self.0.scale() + 2);
        d
    }
}

impl std::fmt::Display for Percent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl Percent {
    /// A percentage as a caller gives it (`"0.38"`): digits with at most six
    /// decimals, from 0 to 100; anything else is `invalid_field` /
    /// `invalid_value` at `field`.
    ///
    /// ```
    /// use posfee_core::Percent;
    /// assert_eq!(Percent::parse("percent", "0.38").unwrap().percent().to_string(), "0.38");
    /// assert_eq!(Percent::parse("percent", "101").unwrap_err().reason().as_str(), "invalid_value");
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<Percent> {
        Percent::from_text(text).ok_or_else(|| {
            let shown = crate::bounds::echo(text);
            Error::at(
                ErrorCode::InvalidField,
                field,
                Reason::InvalidValue,
                format!("取值不正确 \"{shown}\"，应为 \"0\" 至 \"100\" 的百分数字符串，最多六位小数"),
                format!("invalid value \"{shown}\", expected a percentage string from \"0\" to \"100\" with at most six decimals"),
            )
        })
    }

    fn from_text(text: &str) -> Option<Percent> {
        let ok = text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && !text.starts_with('.')
            && !text.ends_with('.');
        let value = if ok {
            text.parse::<Decimal>().ok()
        } else {
            None
        };
        match value {
            Some(v) if v.scale() <= 6 && v <= Decimal::ONE_HUNDRED => Some(Percent(v)),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Percent::from_text(&text).ok_or_else(|| {
            serde::de::Error::custom(
                "expected a percentage string from \"0\" to \"100\" with at most six decimals",
            )
        })
    }
}

/// An amount range: every bound given must hold.
///
/// ```
/// use posfee_core::{AmountRange, Money};
/// let r = AmountRange { max: Some(Money::from_fen(100000)), ..AmountRange::default() };
/// assert!(r.contains(Money::from_fen(100000)));
/// assert!(!r.contains(Money::from_fen(100001)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmountRange {
    /// amount ≥ min.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Money>,
    /// amount > above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<Money>,
    /// amount ≤ max.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Money>,
    /// amount < below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Money>,
}

impl AmountRange {
    /// Whether the amount lies in the range.
    ///
    /// ```
    /// use posfee_core::{AmountRange, Money};
    /// let r = AmountRange { above: Some(Money::from_fen(100000)), ..AmountRange::default() };
    /// assert!(!r.contains(Money::from_fen(100000)));
    /// ```
    pub fn contains(&self, amount: Money) -> bool {
        self.min.is_none_or(|m| amount >= m)
            && self.above.is_none_or(|m| amount > m)
            && self.max.is_none_or(|m| amount <= m)
            && self.below.is_none_or(|m| amount < m)
    }
}

/// When a rule, limit or settlement entry applies. Every field given must
/// match; a field a payment lacks (a card kind for QR) does not match.
///
/// ```
/// use posfee_core::{Condition, Method};
/// let c: Condition = serde_json::from_str(r#"{"methods": ["qr"]}"#).unwrap();
/// assert_eq!(c.methods.as_deref(), Some(&[Method::Qr][..]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The payment's fee rule is one of these (by id). Not allowed in fee rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<String>>,
    /// The payment method is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub methods: Option<Vec<Method>>,
    /// The card kind is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_kinds: Option<Vec<CardKind>>,
    /// The card medium is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_media: Option<Vec<CardMedium>>,
    /// The magstripe card verification is this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub magstripe_verified: Option<bool>,
    /// The QR wallet is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallets: Option<Vec<Wallet>>,
    /// Large-amount mode is this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_mode: Option<bool>,
    /// The amount lies in this range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountRange>,
    /// The merchant's tier is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_tiers: Option<Vec<MerchantTier>>,
    /// The merchant's verification is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verifications: Option<Vec<Verification>>,
    /// The merchant's approval for Alipay large-amount mode is this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_mode_approved: Option<bool>,
    /// The fee rules named by `rules`, one bit per rule index (set by validation).
    #[serde(skip)]
    pub(crate) rule_mask: u64,
}

fn one_of<T: PartialEq>(set: &Option<Vec<T>>, value: Option<T>) -> bool {
    match set {
        None => true,
        Some(set) => value.is_some_and(|v| set.contains(&v)),
    }
}

impl Condition {
    /// Whether a charge by a merchant, priced by fee rule `rule` (its index in
    /// the plan), meets the condition.
    ///
    /// ```
    /// use posfee_core::{Condition, Charge, Instrument, Wallet, Money, Merchant, MerchantTier, Verification, CreditRate, Wallets};
    /// let c: Condition = serde_json::from_str(r#"{"methods": ["qr"], "amount": {"above": "1000.00"}}"#).unwrap();
    /// let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let qr = Instrument::Qr { wallet: Wallet::Alipay, large_mode: true };
    /// assert!(c.matches(&Charge { amount: Money::from_fen(100001), instrument: qr }, &m, None));
    /// assert!(!c.matches(&Charge { amount: Money::from_fen(100000), instrument: qr }, &m, None));
    /// ```
    pub fn matches(&self, charge: &Charge, merchant: &Merchant, rule: Option<usize>) -> bool {
        let i = charge.instrument;
        if self.rules.is_some() {
            let bit = rule
                .and_then(|r| u32::try_from(r).ok())
                .and_then(|r| 1u64.checked_shl(r))
                .unwrap_or(0);
            if self.rule_mask & bit == 0 {
                return false;
            }
        }
        one_of(&self.methods, Some(i.method()))
            && one_of(&self.card_kinds, i.card_kind())
            && one_of(&self.card_media, i.card_medium())
            && self
                .magstripe_verified
                .is_none_or(|v| v == i.magstripe_verified())
            && one_of(&self.wallets, i.wallet())
            && self.large_mode.is_none_or(|v| v == i.large_mode())
            && self.amount.is_none_or(|r| r.contains(charge.amount))
            && one_of(&self.merchant_tiers, Some(merchant.tier))
            && one_of(&self.verifications, Some(merchant.verification))
            && self
                .large_mode_approved
                .is_none_or(|v| v == merchant.large_mode_approved)
    }

    /// Whether the condition depends on the amount (used by the batch path).
    pub(crate) fn amount_range(&self) -> Option<AmountRange> {
        self.amount
    }
}

/// A text in both languages with a stable code (a step, a requirement).
///
/// ```
/// use posfee_core::Step;
/// let s: Step = serde_json::from_str(r#"{"code": "x", "zh": "甲", "en": "A"}"#).unwrap();
/// assert_eq!(&*s.code, "x");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Step {
    /// Stable code.
    pub code: Arc<str>,
    /// Chinese text.
    pub zh: Arc<str>,
    /// English text.
    pub en: Arc<str>,
}

impl Step {
    /// The step with the provider's support line added to its texts
    /// (unchanged when there is none), the one wording every answer uses.
    ///
    /// ```
    /// use posfee_core::Step;
    /// let s: Step = serde_json::from_str(r#"{"code": "x", "zh": "联系客服", "en": "Call support"}"#).unwrap();
    /// assert_eq!(&*s.with_support_line("4001125883").zh, "联系客服（4001125883）");
    /// assert_eq!(&*s.with_support_line("").en, "Call support");
    /// ```
    pub fn with_support_line(&self, line: &str) -> Step {
        if line.is_empty() {
            return self.clone();
        }
        Step {
            code: self.code.clone(),
            zh: Arc::from(format!("{}（{line}）", self.zh)),
            en: Arc::from(format!("{} ({line})", self.en)),
        }
    }
}

/// The provider behind the plan.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(&*p.data().provider.support_line, "4001125883");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// Chinese name.
    pub name_zh: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// Customer service line.
    pub support_line: Arc<str>,
    /// The payment licence, as the source gives it (RULES §12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<Licence>,
    /// How funds are cleared, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clearing: Option<Step>,
}

/// A provider's payment licence (支付业务许可证) as its source document gives
/// it; [`provider_facts`](crate::provider::provider_facts) says whether the
/// date given has passed.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// let l = p.data().provider.licence.as_ref().unwrap();
/// assert_eq!(&*l.number, "Z2003911000010");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// The licence number.
    pub number: Arc<str>,
    /// The business it covers, in Chinese.
    pub scope_zh: Arc<str>,
    /// The business it covers, in English.
    pub scope_en: Arc<str>,
    /// The last day of validity the source gives.
    pub valid_until: chrono::NaiveDate,
    /// Where to check it, in Chinese.
    pub check_zh: Arc<str>,
    /// Where to check it, in English.
    pub check_en: Arc<str>,
}

/// The credit card rate of each [`CreditRate`] tier.
///
/// ```
/// use posfee_core::{Plan, CreditRate};
/// let p = Plan::upos().unwrap();
/// assert_eq!(p.data().credit_rates.as_ref().unwrap().get(CreditRate::Bulk).to_string(), "0.53");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditRates {
    /// Standard.
    pub standard: Percent,
    /// Bulk.
    pub bulk: Percent,
    /// Premium.
    pub premium: Percent,
}

impl CreditRates {
    /// The rate of a tier.
    ///
    /// ```
    /// use posfee_core::{Plan, CreditRate};
    /// let p = Plan::upos().unwrap();
    /// assert_eq!(p.data().credit_rates.as_ref().unwrap().get(CreditRate::Premium).to_string(), "0.52");
    /// ```
    pub fn get(&self, tier: CreditRate) -> Percent {
        match tier {
            CreditRate::Standard => self.standard,
            CreditRate::Bulk => self.bulk,
            CreditRate::Premium => self.premium,
        }
    }
}

/// A fee rule: the first rule whose condition matches prices the payment.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(&*p.data().fee_rules[2].id, "F3");
/// assert_eq!(p.data().fee_rules[2].cap.unwrap().to_string(), "25.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeRule {
    /// Stable id (`F1`).
    pub id: Arc<str>,
    /// Chinese name (扫码支付).
    pub name_zh: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// When the rule applies.
    #[serde(default)]
    pub when: Condition,
    /// A fixed rate; exclusive with `use_credit_rate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_percent: Option<Percent>,
    /// Use the merchant's credit rate tier.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub use_credit_rate: bool,
    /// Cap on the percentage part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money>,
    /// Minimum of the percentage part (after the cap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<Money>,
    /// Fixed fee added per payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<Money>,
}

/// Acceptance checks (RULES §5), applied in a fixed order.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert!(p.data().acceptance.as_ref().unwrap().debit_chip_only);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// Refuse every payment until the activation swipe is paid.
    pub require_activation: bool,
    /// Refuse debit cards read by magstripe.
    pub debit_chip_only: bool,
    /// Wallets that must be enabled and real-name verified for QR.
    pub wallet_permission_required: Vec<Wallet>,
    /// Wallets that offer large-amount mode (merchant approval still needed).
    pub large_mode_wallets: Vec<Wallet>,
}

/// A single-transaction cap.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(&*p.data().limits.as_ref().unwrap().single[0].dimension, "channel");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SingleLimit {
    /// The dimension named when this cap binds.
    pub dimension: Arc<str>,
    /// When it applies.
    #[serde(default)]
    pub when: Condition,
    /// The cap.
    pub cap: Money,
    /// What the merchant can do when this cap binds: the id of an entry of
    /// [`Limits::advice`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Arc<str>>,
}

/// A daily cap on a bucket of usage, per accounting date.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(&*p.data().limits.as_ref().unwrap().daily[0].bucket, "credit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailyLimit {
    /// The bucket the usage counts in.
    pub bucket: Arc<str>,
    /// A class within the bucket, kept apart in the ledger (card medium).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<Arc<str>>,
    /// When it applies.
    #[serde(default)]
    pub when: Condition,
    /// A money cap; exclusive with `count_cap`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Money>,
    /// A cap on the number of payments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_cap: Option<u32>,
    /// What the merchant can do when this cap binds: the id of an entry of
    /// [`Limits::advice`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice: Option<Arc<str>>,
}

/// What a merchant can do when a cap binds (RULES §6): a summary and the
/// steps, chosen per cap by the plan, never one list for every refusal.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// let l = p.data().limits.as_ref().unwrap();
/// let a = l.advice.iter().find(|a| &*a.id == "debit_highest").unwrap();
/// assert_eq!(&*a.resolved[0].code, "pay_by_credit_card");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// The id the caps name.
    pub id: Arc<str>,
    /// Whether the cap can be raised at all.
    pub raisable: bool,
    /// Chinese summary, ending the refusal's message.
    pub zh: Arc<str>,
    /// English summary.
    pub en: Arc<str>,
    /// Codes of the steps, in order: from [`Limits::raise_steps`] or
    /// [`Limits::advice_steps`].
    #[serde(default)]
    pub steps: Vec<Arc<str>>,
    /// The steps themselves (set by validation).
    #[serde(skip)]
    pub resolved: Arc<[Step]>,
    /// Whether a step offers another means of payment (set by validation).
    #[serde(skip)]
    pub alternatives: bool,
}

/// Another means of payment a step offers; the card kind and medium not
/// given are the payment's own (chip when the payment had none).
///
/// ```
/// let i: posfee_core::Instead = serde_json::from_str(r#"{"method": "card", "card_medium": "chip"}"#).unwrap();
/// assert!(i.card_kind.is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instead {
    /// `card` or `contactless`.
    pub method: Method,
    /// The card kind, if it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_kind: Option<CardKind>,
    /// The card medium, if it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_medium: Option<CardMedium>,
}

/// A step of advice beyond the raise steps: its texts, and the other means
/// of payment it offers, offered only when that means takes the payment.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// let s = &p.data().limits.as_ref().unwrap().advice_steps;
/// assert!(s.iter().any(|s| s.instead.is_some()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceStep {
    /// Stable code.
    pub code: Arc<str>,
    /// Chinese text.
    pub zh: Arc<str>,
    /// English text.
    pub en: Arc<str>,
    /// The other means of payment the step offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instead: Option<Instead>,
}

/// Single and daily caps, and how to raise them.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().limits.as_ref().unwrap().raise_steps.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Single-transaction caps, in naming order.
    pub single: Vec<SingleLimit>,
    /// Daily caps, in naming order.
    pub daily: Vec<DailyLimit>,
    /// The seed's steps to raise the caps (额度提升方法); the eligibility
    /// answer's limit upgrade lists them.
    pub raise_steps: Arc<[Step]>,
    /// What to do when a cap binds, by id (named by the caps' `advice`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<Advice>,
    /// Steps of advice beyond the raise steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice_steps: Vec<AdviceStep>,
}

/// When money arrives in real time.
///
/// ```
/// use posfee_core::RealtimeMode;
/// let m: RealtimeMode = serde_json::from_str("\"window\"").unwrap();
/// assert_eq!(m, RealtimeMode::Window);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RealtimeMode {
    /// Always real time (T+0).
    Always,
    /// Never: T+N working days.
    Never,
    /// Real time inside the window, T+N outside.
    Window,
}

/// A time window `[from, until)`; it may wrap past midnight.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// let w = p.data().settlement.as_ref().unwrap().rules[2].window.unwrap();
/// assert_eq!(w.from.to_string(), "07:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Start, inclusive.
    pub from: ClockTime,
    /// End, exclusive.
    pub until: ClockTime,
}

impl Window {
    /// Whether a time of day lies in the window.
    ///
    /// ```
    /// let p = posfee_core::Plan::upos().unwrap();
    /// let w = p.data().settlement.as_ref().unwrap().rules[2].window.unwrap();
    /// assert!(w.contains(chrono::NaiveTime::from_hms_opt(21, 59, 59).unwrap()));
    /// assert!(!w.contains(chrono::NaiveTime::from_hms_opt(22, 0, 0).unwrap()));
    /// ```
    pub fn contains(&self, t: chrono::NaiveTime) -> bool {
        let (from, until) = (self.from.time(), self.until.time());
        if from < until {
            from <= t && t < until
        } else {
            t >= from || t < until
        }
    }
}

/// A settlement rule: the first whose condition matches decides the arrival.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().settlement.as_ref().unwrap().rules[0].working_days_after, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettlementRule {
    /// Stable id.
    pub id: Arc<str>,
    /// When it applies.
    #[serde(default)]
    pub when: Condition,
    /// When the money arrives in real time.
    pub realtime: RealtimeMode,
    /// The real-time window, for `realtime: "window"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// N of T+N: the N-th working day strictly after the accounting date.
    #[serde(default = "one")]
    pub working_days_after: u32,
}

fn one() -> u32 {
    1
}

/// The frozen-funds review window, in working days after submission.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().settlement.as_ref().unwrap().frozen_review.last_working_day, 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrozenReview {
    /// The first working day of the window (1 = the first after submission).
    pub first_working_day: u32,
    /// The last working day of the window.
    pub last_working_day: u32,
}

/// Settlement: the day cut-off, arrival rules and the review window.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().settlement.as_ref().unwrap().day_cutoff.to_string(), "23:00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settlement {
    /// 日切: from this time, payments count on the next calendar date.
    pub day_cutoff: ClockTime,
    /// Arrival rules, first match wins.
    pub rules: Vec<SettlementRule>,
    /// Frozen-funds review window.
    pub frozen_review: FrozenReview,
}

/// A cashback milestone on cumulative volume after activation.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().activation.as_ref().unwrap().milestones[0].cashback.to_string(), "150.00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Milestone {
    /// Volume at which it is reached (≥).
    pub volume: Money,
    /// Cashback paid.
    pub cashback: Money,
}

/// Activation fee and cashback milestones.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().activation.as_ref().unwrap().fee.to_string(), "299.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    /// The service fee paid by the first swipe.
    pub fee: Money,
    /// Milestones, by increasing volume.
    pub milestones: Vec<Milestone>,
}

/// Premium credit rate eligibility.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().eligibility.as_ref().unwrap().premium_rate.monthly_volume_above.to_string(), "100000.00");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PremiumRateRule {
    /// The latest month's volume must be above this.
    pub monthly_volume_above: Money,
    /// What to do to obtain it.
    pub steps: Arc<[Step]>,
}

/// Bulk credit rate eligibility.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().eligibility.as_ref().unwrap().bulk_rate.min_devices, 100);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BulkRateRule {
    /// At least this many devices.
    pub min_devices: u32,
    /// An annual agreement is required.
    pub annual_agreement: bool,
    /// What to do to obtain it.
    pub steps: Arc<[Step]>,
}

/// Limit upgrade eligibility.
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert_eq!(p.data().eligibility.as_ref().unwrap().limit_upgrade.consecutive_months, 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitUpgradeRule {
    /// Each of the last N months must be above this.
    pub monthly_volume_above: Money,
    /// N.
    pub consecutive_months: u32,
    /// Verifications that qualify.
    pub verifications: Vec<Verification>,
}

/// Eligibility rules (RULES §9).
///
/// ```
/// let p = posfee_core::Plan::upos().unwrap();
/// assert!(p.data().eligibility.is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Premium credit rate.
    pub premium_rate: PremiumRateRule,
    /// Bulk credit rate.
    pub bulk_rate: BulkRateRule,
    /// Limit upgrade.
    pub limit_upgrade: LimitUpgradeRule,
}

/// The contents of a plan file. Sections other than fees are optional: a
/// fee-only plan (the industry reference) can be compared but not quoted.
///
/// ```
/// let p = posfee_core::Plan::reference().unwrap();
/// assert!(p.data().limits.is_none());
/// assert_eq!(p.data().fee_rules.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanData {
    /// Schema version of the file format.
    pub schema_version: u32,
    /// Stable plan id.
    pub plan_id: Arc<str>,
    /// Version of the data (e.g. `2025.10.1`).
    pub data_version: Arc<str>,
    /// Chinese name.
    pub name_zh: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// Where the numbers come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Arc<str>>,
    /// The provider.
    pub provider: Provider,
    /// Rounding of percentage fees.
    #[serde(default)]
    pub rounding: Rounding,
    /// Credit rate tiers, needed when a rule uses them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_rates: Option<CreditRates>,
    /// Fee rules, first match wins.
    pub fee_rules: Vec<FeeRule>,
    /// Acceptance checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
    /// Limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
    /// Settlement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settlement: Option<Settlement>,
    /// Activation and cashback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation: Option<Activation>,
    /// Eligibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Eligibility>,
}

/// A validated rate plan. Cheap to clone (shared).
///
/// ```
/// use posfee_core::Plan;
/// let upos = Plan::upos().unwrap();
/// assert_eq!(upos.id(), "upos");
/// let again = Plan::from_json(&upos.to_json()).unwrap();
/// assert_eq!(again.data(), upos.data());
/// ```
#[derive(Debug, Clone)]
pub struct Plan(Arc<PlanData>);

impl PartialEq for Plan {
    fn eq(&self, other: &Plan) -> bool {
        self.0 == other.0
    }
}

static UPOS: OnceLock<Result<Plan>> = OnceLock::new();
static REFERENCE: OnceLock<Result<Plan>> = OnceLock::new();

impl Plan {
    /// The embedded 优POS plan (联动优势), the default: `core/data/plan-upos.json`,
    /// compiled in as Rust code (no JSON is read).
    ///
    /// ```
    /// assert_eq!(posfee_core::Plan::upos().unwrap().data().fee_rules.len(), 5);
    /// ```
    pub fn upos() -> Result<Plan> {
        UPOS.get_or_init(|| Ok(Plan(Arc::new(crate::baked::plan_upos::data()))))
            .clone()
    }

    /// The embedded industry reference plan (常规费率 0.60% + 3.00 per payment), fees only:
    /// `core/data/plan-reference.json`, compiled in as Rust code.
    ///
    /// ```
    /// assert_eq!(&*posfee_core::Plan::reference().unwrap().data().fee_rules[0].id, "R1");
    /// ```
    pub fn reference() -> Result<Plan> {
        REFERENCE
            .get_or_init(|| Ok(Plan(Arc::new(crate::baked::plan_reference::data()))))
            .clone()
    }

    /// Loads and validates a plan from JSON text. Errors name the path of the
    /// offending field (`fee_rules[2].cap`).
    ///
    /// ```
    /// use posfee_core::{Plan, ErrorCode};
    /// let text = Plan::upos().unwrap().to_json().replace("\"0.38\"", "\"-1\"");
    /// let err = Plan::from_json(&text).unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::PlanInvalid);
    /// assert_eq!(err.field(), "fee_rules[0].rate_percent");
    /// ```
    pub fn from_json(text: &str) -> Result<Plan> {
        let value = load::parse_text(text, ErrorCode::PlanSyntax, "费率方案", "plan file")?;
        Plan::from_value(value)
    }

    /// Loads and validates a plan from a JSON value.
    ///
    /// ```
    /// let v = serde_json::json!({"schema_version": 9});
    /// let err = posfee_core::Plan::from_value(v).unwrap_err();
    /// assert_eq!(err.code(), posfee_core::ErrorCode::PlanUnsupportedSchema);
    /// ```
    pub fn from_value(value: serde_json::Value) -> Result<Plan> {
        load::check_schema(
            &value,
            PLAN_SCHEMA_VERSION,
            ErrorCode::PlanUnsupportedSchema,
            ErrorCode::PlanInvalid,
            "费率方案",
            "plan",
        )?;
        let data: PlanData = load::from_value(value, ErrorCode::PlanInvalid, "")?;
        Plan::from_data(data)
    }

    /// Validates plan data built in code, as a loaded file is validated
    /// (what validation derives is recomputed).
    pub(crate) fn from_data(mut data: PlanData) -> Result<Plan> {
        validate(&mut data)?;
        Ok(Plan(Arc::new(data)))
    }

    /// The plan as JSON text (the same format [`Plan::from_json`] reads).
    ///
    /// ```
    /// assert!(posfee_core::Plan::upos().unwrap().to_json().contains("\"plan_id\": \"upos\""));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&*self.0).unwrap_or_default()
    }

    /// The plan's contents.
    ///
    /// ```
    /// assert_eq!(&*posfee_core::Plan::upos().unwrap().data().plan_id, "upos");
    /// ```
    pub fn data(&self) -> &PlanData {
        &self.0
    }

    /// The plan id.
    ///
    /// ```
    /// assert_eq!(posfee_core::Plan::reference().unwrap().id(), "reference");
    /// ```
    pub fn id(&self) -> &str {
        &self.0.plan_id
    }

    /// The data version.
    ///
    /// ```
    /// assert!(!posfee_core::Plan::upos().unwrap().data_version().is_empty());
    /// ```
    pub fn data_version(&self) -> &str {
        &self.0.data_version
    }

    /// The index of the first fee rule matching the charge.
    ///
    /// ```
    /// use posfee_core::*;
    /// let plan = Plan::upos().unwrap();
    /// let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let c = Charge { amount: Money::from_fen(100000), instrument: Instrument::Contactless { kind: CardKind::Credit } };
    /// assert_eq!(&*plan.data().fee_rules[plan.rule_for(&c, &m).unwrap()].id, "F2");
    /// ```
    pub fn rule_for(&self, charge: &Charge, merchant: &Merchant) -> Result<usize> {
        self.0
            .fee_rules
            .iter()
            .position(|r| r.when.matches(charge, merchant, None))
            .ok_or_else(|| {
                Error::at(
                    ErrorCode::NoFeeRule,
                    "payment",
                    Reason::NoMatchingRule,
                    format!("费率方案 {} 没有适用于该支付的费率规则", self.id()),
                    format!("no fee rule of plan {} applies to this payment", self.id()),
                )
            })
    }

    /// The section, or `plan_incomplete` naming it.
    pub(crate) fn section<'a, T>(&self, section: &'a Option<T>, name: &str) -> Result<&'a T> {
        section.as_ref().ok_or_else(|| {
            Error::at(
                ErrorCode::PlanIncomplete,
                name,
                Reason::MissingSection,
                format!(
                    "费率方案 {} 没有此部分（仅含费率的方案只能用于比较）",
                    self.id()
                ),
                format!(
                    "plan {} has no such section (a fee-only plan serves comparisons only)",
                    self.id()
                ),
            )
        })
    }
}

/// Checks the advice of the limits (ids, step codes, the caps' references)
/// and resolves each entry's steps.
fn validate_advice(limits: &mut Limits) -> Result<()> {
    let mut codes: Vec<&str> = limits.raise_steps.iter().map(|s| &*s.code).collect();
    for (i, s) in limits.advice_steps.iter().enumerate() {
        let path = format!("limits.advice_steps[{i}]");
        if !is_code(&s.code) {
            return Err(plan_err(
                &format!("{path}.code"),
                "须为小写代码",
                "must be a lowercase code",
            ));
        }
        if codes.contains(&&*s.code) {
            return Err(plan_err(
                &format!("{path}.code"),
                "步骤代码重复",
                "a step code given twice",
            ));
        }
        if s.instead.is_some_and(|m| m.method == Method::Qr) {
            return Err(plan_err(
                &format!("{path}.instead.method"),
                "须为 card 或 contactless",
                "must be card or contactless",
            ));
        }
        codes.push(&s.code);
    }
    let mut ids: Vec<Arc<str>> = Vec::new();
    let mut resolved = Vec::new();
    for (i, a) in limits.advice.iter().enumerate() {
        let path = format!("limits.advice[{i}]");
        if !is_code(&a.id) {
            return Err(plan_err(
                &format!("{path}.id"),
                "须为小写代码",
                "must be a lowercase code",
            ));
        }
        if ids.contains(&a.id) {
            return Err(plan_err(
                &format!("{path}.id"),
                "建议 id 重复",
                "an advice id given twice",
            ));
        }
        ids.push(a.id.clone());
        let mut steps = Vec::new();
        let mut alternatives = false;
        for (j, code) in a.steps.iter().enumerate() {
            if let Some(s) = limits.raise_steps.iter().find(|s| s.code == *code) {
                steps.push(s.clone());
            } else if let Some(s) = limits.advice_steps.iter().find(|s| s.code == *code) {
                alternatives |= s.instead.is_some();
                steps.push(Step {
                    code: s.code.clone(),
                    zh: s.zh.clone(),
                    en: s.en.clone(),
                });
            } else {
                return Err(plan_err(
                    &format!("{path}.steps[{j}]"),
                    "不是 raise_steps 或 advice_steps 中的步骤",
                    "is not a step of raise_steps or advice_steps",
                ));
            }
        }
        resolved.push((Arc::<[Step]>::from(steps), alternatives));
    }
    for (a, (steps, alternatives)) in limits.advice.iter_mut().zip(resolved) {
        a.resolved = steps;
        a.alternatives = alternatives;
    }
    let named = limits
        .single
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("limits.single[{i}].advice"), &l.advice))
        .chain(
            limits
                .daily
                .iter()
                .enumerate()
                .map(|(i, l)| (format!("limits.daily[{i}].advice"), &l.advice)),
        );
    for (path, advice) in named {
        if advice.as_ref().is_some_and(|a| !ids.contains(a)) {
            return Err(plan_err(
                &path,
                "不是 limits.advice 中的 id",
                "is not an id of limits.advice",
            ));
        }
    }
    Ok(())
}

fn plan_err(path: &str, zh: &str, en: &str) -> Error {
    load::invalid(ErrorCode::PlanInvalid, path, zh, en)
}

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn validate_condition(c: &mut Condition, path: &str, rule_ids: Option<&[Arc<str>]>) -> Result<()> {
    if let Some(rules) = &c.rules {
        let Some(ids) = rule_ids else {
            return Err(plan_err(
                &format!("{path}.rules"),
                "费率规则的条件不能引用其他费率规则",
                "a fee rule's condition cannot refer to fee rules",
            ));
        };
        let mut mask = 0u64;
        for (k, r) in rules.iter().enumerate() {
            let Some(i) = ids.iter().position(|id| **id == **r) else {
                return Err(plan_err(
                    &format!("{path}.rules[{k}]"),
                    &format!("未知的费率规则 \"{r}\""),
                    &format!("unknown fee rule \"{r}\""),
                ));
            };
            mask |= u32::try_from(i)
                .ok()
                .and_then(|i| 1u64.checked_shl(i))
                .unwrap_or(0);
        }
        c.rule_mask = mask;
    }
    if let Some(r) = &c.amount {
        let lower = r.min.or(r.above);
        let upper = r.max.or(r.below);
        if r.min.is_some() && r.above.is_some() || r.max.is_some() && r.below.is_some() {
            return Err(plan_err(
                &format!("{path}.amount"),
                "min 与 above、max 与 below 不能同时给出",
                "give at most one of min/above and one of max/below",
            ));
        }
        if let (Some(lo), Some(hi)) = (lower, upper) {
            if lo > hi {
                return Err(plan_err(
                    &format!("{path}.amount"),
                    "金额区间的下限高于上限",
                    "the amount range's lower bound is above its upper bound",
                ));
            }
        }
    }
    Ok(())
}

fn validate(p: &mut PlanData) -> Result<()> {
    if !is_code(&p.plan_id) {
        return Err(plan_err(
            "plan_id",
            "须为小写字母、数字或下划线",
            "must be lowercase letters, digits or underscores",
        ));
    }
    if p.data_version.trim().is_empty() {
        return Err(plan_err("data_version", "不能为空", "must not be empty"));
    }
    if p.fee_rules.is_empty() {
        return Err(plan_err(
            "fee_rules",
            "至少需要一条费率规则",
            "needs at least one fee rule",
        ));
    }
    if p.fee_rules.len() > MAX_FEE_RULES {
        return Err(plan_err(
            "fee_rules",
            "费率规则过多（最多 64 条）",
            "too many fee rules (at most 64)",
        ));
    }
    let ids: Vec<Arc<str>> = p.fee_rules.iter().map(|r| r.id.clone()).collect();
    let has_credit_rates = p.credit_rates.is_some();
    for (i, r) in p.fee_rules.iter_mut().enumerate() {
        let path = format!("fee_rules[{i}]");
        if r.id.is_empty() || ids.iter().take(i).any(|id| *id == r.id) {
            return Err(plan_err(
                &format!("{path}.id"),
                "规则编号为空或重复",
                "rule id is empty or repeated",
            ));
        }
        match (r.rate_percent.is_some(), r.use_credit_rate) {
            (true, true) | (false, false) => {
                return Err(plan_err(
                    &format!("{path}.rate_percent"),
                    "须且仅须给出 rate_percent 或 use_credit_rate 之一",
                    "give exactly one of rate_percent and use_credit_rate",
                ))
            }
            (false, true) if !has_credit_rates => {
                return Err(plan_err(
                    "credit_rates",
                    "有规则使用商户信用卡费率档，但方案未给出 credit_rates",
                    "a rule uses the merchant's credit rate but the plan has no credit_rates",
                ))
            }
            _ => {}
        }
        if r.cap.is_some_and(|c| c == Money::ZERO) {
            return Err(plan_err(
                &format!("{path}.cap"),
                "封顶须大于零",
                "cap must be above zero",
            ));
        }
        if let (Some(cap), Some(min)) = (r.cap, r.minimum) {
            if min > cap {
                return Err(plan_err(
                    &format!("{path}.minimum"),
                    "保底高于封顶",
                    "minimum is above the cap",
                ));
            }
        }
        validate_condition(&mut r.when, &format!("{path}.when"), None)?;
    }
    if let Some(limits) = &mut p.limits {
        for (i, l) in limits.single.iter_mut().enumerate() {
            let path = format!("limits.single[{i}]");
            if !is_code(&l.dimension) {
                return Err(plan_err(
                    &format!("{path}.dimension"),
                    "须为小写代码",
                    "must be a lowercase code",
                ));
            }
            if l.cap == Money::ZERO {
                return Err(plan_err(
                    &format!("{path}.cap"),
                    "限额须大于零",
                    "cap must be above zero",
                ));
            }
            validate_condition(&mut l.when, &format!("{path}.when"), Some(&ids))?;
        }
        for (i, l) in limits.daily.iter_mut().enumerate() {
            let path = format!("limits.daily[{i}]");
            if !is_code(&l.bucket) {
                return Err(plan_err(
                    &format!("{path}.bucket"),
                    "须为小写代码",
                    "must be a lowercase code",
                ));
            }
            if l.class.as_deref().is_some_and(|c| !is_code(c)) {
                return Err(plan_err(
                    &format!("{path}.class"),
                    "须为小写代码",
                    "must be a lowercase code",
                ));
            }
            match (l.cap, l.count_cap) {
                (Some(c), None) if c != Money::ZERO => {}
                (None, Some(n)) if n > 0 => {}
                _ => {
                    return Err(plan_err(
                        &format!("{path}.cap"),
                        "须且仅须给出大于零的 cap 或 count_cap 之一",
                        "give exactly one of cap and count_cap, above zero",
                    ))
                }
            }
            validate_condition(&mut l.when, &format!("{path}.when"), Some(&ids))?;
        }
        for (i, s) in limits.raise_steps.iter().enumerate() {
            if !is_code(&s.code) {
                return Err(plan_err(
                    &format!("limits.raise_steps[{i}].code"),
                    "须为小写代码",
                    "must be a lowercase code",
                ));
            }
        }
        validate_advice(limits)?;
    }
    if let Some(s) = &mut p.settlement {
        if s.rules.is_empty() {
            return Err(plan_err(
                "settlement.rules",
                "至少需要一条到账规则",
                "needs at least one settlement rule",
            ));
        }
        for (i, r) in s.rules.iter_mut().enumerate() {
            let path = format!("settlement.rules[{i}]");
            match (r.realtime, r.window) {
                (RealtimeMode::Window, None) => {
                    return Err(plan_err(
                        &format!("{path}.window"),
                        "realtime 为 window 时须给出时段",
                        "realtime \"window\" needs a window",
                    ))
                }
                (RealtimeMode::Always | RealtimeMode::Never, Some(_)) => {
                    return Err(plan_err(
                        &format!("{path}.window"),
                        "仅 realtime 为 window 时可给出时段",
                        "a window is only for realtime \"window\"",
                    ))
                }
                (_, Some(w)) if w.from == w.until => {
                    return Err(plan_err(
                        &format!("{path}.window"),
                        "时段起止相同",
                        "the window is empty",
                    ))
                }
                _ => {}
            }
            if r.realtime != RealtimeMode::Always && !(1..=30).contains(&r.working_days_after) {
                return Err(plan_err(
                    &format!("{path}.working_days_after"),
                    "须在 1 到 30 之间",
                    "must be from 1 to 30",
                ));
            }
            validate_condition(&mut r.when, &format!("{path}.when"), Some(&ids))?;
        }
        let f = s.frozen_review;
        if f.first_working_day < 1
            || f.first_working_day > f.last_working_day
            || f.last_working_day > 30
        {
            return Err(plan_err(
                "settlement.frozen_review",
                "须满足 1 ≤ first_working_day ≤ last_working_day ≤ 30",
                "needs 1 ≤ first_working_day ≤ last_working_day ≤ 30",
            ));
        }
    }
    if let Some(a) = &p.activation {
        let mut last: Option<Money> = None;
        for (i, m) in a.milestones.iter().enumerate() {
            if m.volume == Money::ZERO || last.is_some_and(|l| m.volume <= l) {
                return Err(plan_err(
                    &format!("activation.milestones[{i}].volume"),
                    "返现门槛须大于零且逐级递增",
                    "milestone volumes must be above zero and increasing",
                ));
            }
            last = Some(m.volume);
        }
    }
    if let Some(e) = &p.eligibility {
        if e.limit_upgrade.consecutive_months == 0 || e.limit_upgrade.consecutive_months > 24 {
            return Err(plan_err(
                "eligibility.limit_upgrade.consecutive_months",
                "须在 1 到 24 之间",
                "must be from 1 to 24",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_plans_load() {
        let upos = Plan::upos().unwrap();
        assert_eq!(upos.data().fee_rules.len(), 5);
        assert!(upos.data().settlement.is_some());
        let r = Plan::reference().unwrap();
        assert!(r.data().settlement.is_none());
    }

    #[test]
    fn percent_fraction_is_exact() {
        let p: Percent = serde_json::from_str("\"0.123456\"").unwrap();
        assert_eq!(p.fraction().to_string(), "0.00123456");
        assert!(serde_json::from_str::<Percent>("\"100.01\"").is_err());
        assert!(serde_json::from_str::<Percent>("\"0.1234567\"").is_err());
        assert!(serde_json::from_str::<Percent>("\"-1\"").is_err());
    }

    #[test]
    fn round_trips_through_json() {
        for p in [Plan::upos().unwrap(), Plan::reference().unwrap()] {
            let again = Plan::from_json(&p.to_json()).unwrap();
            assert_eq!(again, p);
        }
    }
}
