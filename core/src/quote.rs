//! The whole answer for one payment: fee → acceptance → limits → settlement.

use crate::acceptance::{check_acceptance, refusal_text};
use crate::calendar::Calendar;
use crate::error::Result;
use crate::fee::{fee_by_rule, FeeDetail, RuleRef};
use crate::limit::{check_limits, DailyUsage, LimitCheck, Refusal};
use crate::merchant::Merchant;
use crate::money::Money;
use crate::payment::Payment;
use crate::plan::Plan;
use crate::settlement::{accounting_date, arrival_by_rule, Arrival};
use chrono::NaiveDate;
use serde::Serialize;

/// Options of a quote.
///
/// ```
/// let o = posfee_core::QuoteOptions { provisional: true };
/// assert!(o.provisional);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct QuoteOptions {
    /// Answer with a provisional (Monday–Friday) arrival for years the
    /// calendar lacks, instead of `calendar_not_covered`.
    pub provisional: bool,
}

/// Accepted or refused.
///
/// ```
/// assert_eq!(serde_json::to_string(&posfee_core::Outcome::Refused).unwrap(), "\"refused\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Outcome {
    /// The payment goes through.
    Accepted,
    /// The payment is refused; see the refusal.
    Refused,
}

/// The answer to "what will this payment cost, will it go through, and when
/// does the money arrive?"
///
/// ```
/// use posfee_core::*;
/// let engine = Engine::builtin().unwrap();
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let p = Payment {
///     amount: Money::parse_amount("amount", "1000.00").unwrap(),
///     instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false },
///     time: ChinaDateTime::parse("time", "2025-09-30T21:59").unwrap(),
/// };
/// let q = engine.quote(&m, &p, &DailyUsage::default(), QuoteOptions::default()).unwrap();
/// assert_eq!(q.fee.to_string(), "5.50");
/// assert_eq!(q.net.to_string(), "994.50");
/// assert_eq!(&*q.rule.name_zh, "信用卡刷卡");
/// assert!(q.arrival.as_ref().unwrap().realtime);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Quote {
    /// Accepted or refused.
    pub outcome: Outcome,
    /// The amount.
    pub amount: Money,
    /// The fee (also given for a refusal: what it would have cost).
    pub fee: Money,
    /// amount − fee.
    pub net: Money,
    /// The fee rule applied.
    pub rule: RuleRef,
    /// How the fee was made up.
    pub fee_detail: FeeDetail,
    /// The accounting date (日切 applied).
    pub accounting_date: NaiveDate,
    /// Why it was refused.
    pub refusal: Option<Refusal>,
    /// The limit check (absent when an acceptance rule refused first).
    pub limits: Option<LimitCheck>,
    /// When the money arrives (absent for a refusal).
    pub arrival: Option<Arrival>,
}

impl Quote {
    /// Whether the payment goes through.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let engine = Engine::builtin().unwrap();
    /// let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: false, wallets: Wallets::default(), large_mode_approved: false };
    /// let p = Payment { amount: Money::from_fen(100), instrument: Instrument::Qr { wallet: Wallet::Unionpay, large_mode: false }, time: ChinaDateTime::parse("t", "2025-03-12T10:00").unwrap() };
    /// let q = engine.quote(&m, &p, &DailyUsage::default(), QuoteOptions::default()).unwrap();
    /// assert!(!q.is_accepted());
    /// assert_eq!(q.refusal.unwrap().code, RefusalCode::MerchantNotActivated);
    /// ```
    pub fn is_accepted(&self) -> bool {
        self.outcome == Outcome::Accepted
    }
}

/// Quotes a payment: fee, acceptance, limits against `usage`, and arrival.
///
/// Input errors and `calendar_not_covered` are errors; refusals are answers.
/// See [`Quote`] for an example.
pub fn quote(
    plan: &Plan,
    calendar: &Calendar,
    merchant: &Merchant,
    payment: &Payment,
    usage: &DailyUsage,
    options: QuoteOptions,
) -> Result<Quote> {
    // Input validation comes before acceptance (RULES §5).
    usage.validate(plan)?;
    let charge = payment.charge();
    let rule = plan.rule_for(&charge, merchant)?;
    let priced = fee_by_rule(plan, rule, merchant, &charge)?;
    let accounting = accounting_date(plan, payment.time)?;
    let mut q = Quote {
        outcome: Outcome::Refused,
        amount: payment.amount,
        fee: priced.fee,
        net: priced.net,
        rule: priced.rule,
        fee_detail: priced.detail,
        accounting_date: accounting,
        refusal: None,
        limits: None,
        arrival: None,
    };
    if let Some(code) = check_acceptance(plan, merchant, payment.instrument) {
        let (zh, en) = refusal_text(plan, code);
        q.refusal = Some(Refusal {
            code,
            dimension: None,
            cap: None,
            count_cap: None,
            left_today: None,
            steps: std::sync::Arc::from(Vec::new()),
            message_zh: zh,
            message_en: en,
        });
        return Ok(q);
    }
    let mut limits = check_limits(plan, merchant, &charge, rule, usage)?;
    if let Some(r) = limits.refusal.take() {
        q.refusal = Some(r);
        q.limits = Some(limits);
        return Ok(q);
    }
    q.limits = Some(limits);
    q.arrival = Some(arrival_by_rule(
        plan,
        calendar,
        payment,
        merchant,
        rule,
        options.provisional,
    )?);
    q.outcome = Outcome::Accepted;
    Ok(q)
}

/// A plan and a calendar together: the usual way to ask questions.
///
/// ```
/// use posfee_core::Engine;
/// let e = Engine::builtin().unwrap();
/// assert_eq!(e.plan().id(), "upos");
/// assert_eq!(e.calendar().years(), vec![2023, 2024, 2025, 2026]);
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    plan: Plan,
    calendar: Calendar,
}

impl Engine {
    /// The embedded 优POS plan with the embedded calendar.
    ///
    /// ```
    /// assert!(posfee_core::Engine::builtin().is_ok());
    /// ```
    pub fn builtin() -> Result<Engine> {
        Ok(Engine {
            plan: Plan::upos()?,
            calendar: Calendar::embedded()?,
        })
    }

    /// An engine over a given plan and calendar.
    ///
    /// ```
    /// use posfee_core::{Engine, Plan, Calendar};
    /// let e = Engine::new(Plan::upos().unwrap(), Calendar::embedded().unwrap());
    /// assert_eq!(e.plan().data_version(), "2026.12.02");
    /// ```
    pub fn new(plan: Plan, calendar: Calendar) -> Engine {
        Engine { plan, calendar }
    }

    /// The plan.
    ///
    /// ```
    /// assert_eq!(posfee_core::Engine::builtin().unwrap().plan().id(), "upos");
    /// ```
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The calendar.
    ///
    /// ```
    /// assert!(posfee_core::Engine::builtin().unwrap().calendar().covers(2025));
    /// ```
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Replaces the plan (e.g. with one loaded at run time).
    ///
    /// ```
    /// let mut e = posfee_core::Engine::builtin().unwrap();
    /// e.set_plan(posfee_core::Plan::reference().unwrap());
    /// assert_eq!(e.plan().id(), "reference");
    /// ```
    pub fn set_plan(&mut self, plan: Plan) {
        self.plan = plan;
    }

    /// Adds calendar years loaded at run time.
    ///
    /// ```
    /// let mut e = posfee_core::Engine::builtin().unwrap();
    /// let again = posfee_core::Calendar::embedded().unwrap();
    /// assert!(e.extend_calendar(&again).is_err()); // years already covered
    /// ```
    pub fn extend_calendar(&mut self, years: &Calendar) -> Result<()> {
        self.calendar.extend(years)
    }

    /// Quotes a payment. See [`Quote`].
    pub fn quote(
        &self,
        merchant: &Merchant,
        payment: &Payment,
        usage: &DailyUsage,
        options: QuoteOptions,
    ) -> Result<Quote> {
        quote(
            &self.plan,
            &self.calendar,
            merchant,
            payment,
            usage,
            options,
        )
    }

    /// When the money of a payment arrives.
    ///
    /// ```
    /// use posfee_core::*;
    /// let e = Engine::builtin().unwrap();
    /// let p = Payment { amount: Money::from_fen(100), instrument: Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Chip, magstripe_verified: false }, time: ChinaDateTime::parse("t", "2025-10-10T10:00").unwrap() };
    /// assert_eq!(e.arrival(&p, false).unwrap().date.to_string(), "2025-10-11");
    /// ```
    pub fn arrival(&self, payment: &Payment, provisional: bool) -> Result<Arrival> {
        crate::settlement::arrival(&self.plan, &self.calendar, payment, provisional)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::payment::{CardKind, CardMedium, Instrument};

    #[test]
    fn bad_usage_is_an_input_error_even_when_acceptance_would_refuse() {
        let m = Merchant {
            tier: MerchantTier::New,
            verification: Verification::None,
            credit_rate: CreditRate::Standard,
            activated: false,
            wallets: Wallets::default(),
            large_mode_approved: false,
        };
        let p = Payment {
            amount: Money::from_fen(100),
            instrument: Instrument::Card {
                kind: CardKind::Credit,
                medium: CardMedium::Chip,
                magstripe_verified: false,
            },
            time: crate::time::ChinaDateTime::parse("t", "2025-03-12T10:00").unwrap(),
        };
        let mut usage = DailyUsage::default();
        usage.used.insert("kredit".into(), Money::ZERO);
        let e = quote(
            &Plan::upos().unwrap(),
            &Calendar::embedded().unwrap(),
            &m,
            &p,
            &usage,
            QuoteOptions::default(),
        )
        .unwrap_err();
        assert_eq!(e.field(), "usage.used.kredit");
        assert_eq!(e.message_en().matches("merchant_tier").count(), 1);
        let q = quote(
            &Plan::upos().unwrap(),
            &Calendar::embedded().unwrap(),
            &m,
            &p,
            &DailyUsage::default(),
            QuoteOptions::default(),
        )
        .unwrap();
        assert_eq!(
            q.refusal.unwrap().code,
            crate::acceptance::RefusalCode::MerchantNotActivated
        );
    }
}
