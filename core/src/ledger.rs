//! The day ledger: accepted payments kept by accounting date, so a caller
//! quoting a day's payments one by one need not track the daily caps' usage
//! itself. It sits above both [`crate::limit`] and [`crate::quote`], which do
//! not depend on it.

use crate::error::{Error, Result};
use crate::limit::DailyUsage;
use crate::merchant::Merchant;
use crate::money::Money;
use crate::payment::Charge;
use crate::plan::Plan;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;

type BucketKey = (Arc<str>, Option<Arc<str>>);

#[derive(Debug, Clone, Default)]
struct DayTotals {
    used: BTreeMap<BucketKey, Money>,
    counts: BTreeMap<BucketKey, u32>,
}

/// Accepted payments sorted into daily buckets by accounting date, so callers
/// need not track usage themselves.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let cal = Calendar::embedded().unwrap();
/// let m = Merchant { tier: MerchantTier::New, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let mut ledger = DayLedger::default();
/// let card = Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false };
/// for t in ["2025-03-12T10:00", "2025-03-12T11:00", "2025-03-12T12:00", "2025-03-12T13:00", "2025-03-12T14:00", "2025-03-12T15:00"] {
///     let p = Payment { amount: Money::from_fen(1_000_000), instrument: card, time: ChinaDateTime::parse("t", t).unwrap() };
///     let q = ledger.quote_and_record(&plan, &cal, &m, &p, QuoteOptions::default()).unwrap();
///     // A new merchant may take 50,000 a day: the sixth 10,000 is refused.
///     assert_eq!(q.is_accepted(), t != "2025-03-12T15:00");
/// }
/// ```
#[derive(Debug, Clone, Default)]
pub struct DayLedger {
    days: BTreeMap<NaiveDate, DayTotals>,
}

impl DayLedger {
    /// The usage the ledger holds for a charge on an accounting date: per
    /// bucket that applies, the total of its class.
    ///
    /// ```
    /// # use posfee_core::*;
    /// let ledger = DayLedger::default();
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let plan = Plan::upos().unwrap();
    /// let c = Charge { amount: Money::from_fen(100), instrument: Instrument::Qr { wallet: Wallet::Unionpay, large_mode: false } };
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
    /// assert_eq!(ledger.usage_for(&plan, &m, &c, 0, d).used_in("qr"), Money::ZERO);
    /// ```
    pub fn usage_for(
        &self,
        plan: &Plan,
        merchant: &Merchant,
        charge: &Charge,
        rule: usize,
        date: NaiveDate,
    ) -> DailyUsage {
        let mut usage = DailyUsage::default();
        let (Some(day), Some(limits)) = (self.days.get(&date), plan.data().limits.as_ref()) else {
            return usage;
        };
        for l in limits
            .daily
            .iter()
            .filter(|l| l.when.matches(charge, merchant, Some(rule)))
        {
            let key = (l.bucket.clone(), l.class.clone());
            if l.count_cap.is_some() {
                let n = day.counts.get(&key).copied().unwrap_or(0);
                usage.counts.insert(l.bucket.to_string(), n);
            } else {
                let m = day.used.get(&key).copied().unwrap_or(Money::ZERO);
                usage.used.insert(l.bucket.to_string(), m);
            }
        }
        usage
    }

    /// Records an accepted charge on its accounting date.
    ///
    /// ```
    /// # use posfee_core::*;
    /// let mut ledger = DayLedger::default();
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let plan = Plan::upos().unwrap();
    /// let c = Charge { amount: Money::from_fen(100), instrument: Instrument::Qr { wallet: Wallet::Unionpay, large_mode: false } };
    /// let d = chrono::NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
    /// ledger.record(&plan, &m, &c, 0, d).unwrap();
    /// assert_eq!(ledger.usage_for(&plan, &m, &c, 0, d).used_in("qr"), Money::from_fen(100));
    /// ```
    pub fn record(
        &mut self,
        plan: &Plan,
        merchant: &Merchant,
        charge: &Charge,
        rule: usize,
        date: NaiveDate,
    ) -> Result<()> {
        let Some(limits) = plan.data().limits.as_ref() else {
            return Ok(());
        };
        let day = self.days.entry(date).or_default();
        let mut seen: Vec<BucketKey> = Vec::new();
        for l in limits
            .daily
            .iter()
            .filter(|l| l.when.matches(charge, merchant, Some(rule)))
        {
            let key = (l.bucket.clone(), l.class.clone());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key.clone());
            if l.count_cap.is_some() {
                let n = day.counts.entry(key).or_insert(0);
                *n = n.saturating_add(1);
            } else {
                let m = day.used.entry(key).or_insert(Money::ZERO);
                *m = m
                    .checked_add(charge.amount)
                    .ok_or_else(|| Error::overflow("ledger"))?;
            }
        }
        Ok(())
    }

    /// Quotes a payment against the ledger's usage for its accounting date and
    /// records it when accepted.
    ///
    /// See [`DayLedger`] for an example.
    pub fn quote_and_record(
        &mut self,
        plan: &Plan,
        calendar: &crate::calendar::Calendar,
        merchant: &Merchant,
        payment: &crate::payment::Payment,
        options: crate::quote::QuoteOptions,
    ) -> Result<crate::quote::Quote> {
        let charge = payment.charge();
        let rule = plan.rule_for(&charge, merchant)?;
        let date = crate::settlement::accounting_date(plan, payment.time)?;
        let usage = self.usage_for(plan, merchant, &charge, rule, date);
        let q = crate::quote::quote(plan, calendar, merchant, payment, &usage, options)?;
        if q.is_accepted() {
            self.record(plan, merchant, &charge, rule, date)?;
        }
        Ok(q)
    }

    /// Quotes and records payments in order (a statement), each read by
    /// `read` when its turn comes with its path (`{field}[i]`): the first
    /// payment that cannot be read or quoted ends the run with its error,
    /// the payments before it staying recorded, as one call each would.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
    /// let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    /// let card = |amount: &str| PaymentInput { amount: Some(amount.into()), method: Some("card".into()), card_kind: Some("credit".into()), card_medium: Some("chip".into()), time: Some("2025-03-12T10:00".into()), ..Default::default() };
    /// let read = |p: PaymentInput, at: &str| p.to_payment(at);
    /// let mut ledger = DayLedger::default();
    /// let quotes = ledger.quote_all(&plan, &cal, &m, [card("100.00"), card("200.00")], "payments", read, QuoteOptions::default()).unwrap();
    /// assert_eq!(quotes.len(), 2);
    /// let e = ledger.quote_all(&plan, &cal, &m, [card("1.00"), card("x")], "payments", read, QuoteOptions::default()).unwrap_err();
    /// assert_eq!(e.field(), "payments[1].amount");
    /// assert_eq!(ledger.dates().len(), 1); // the first of them was recorded
    /// ```
    #[allow(clippy::too_many_arguments)]
    pub fn quote_all<P>(
        &mut self,
        plan: &Plan,
        calendar: &crate::calendar::Calendar,
        merchant: &Merchant,
        payments: impl IntoIterator<Item = P>,
        field: &str,
        read: impl Fn(P, &str) -> Result<crate::payment::Payment>,
        options: crate::quote::QuoteOptions,
    ) -> Result<Vec<crate::quote::Quote>> {
        let payments = payments.into_iter();
        let mut quotes = Vec::with_capacity(payments.size_hint().0);
        for (i, p) in payments.enumerate() {
            let p = read(p, &format!("{field}[{i}]"))?;
            quotes.push(self.quote_and_record(plan, calendar, merchant, &p, options)?);
        }
        Ok(quotes)
    }

    /// The accounting dates the ledger holds.
    ///
    /// ```
    /// assert!(posfee_core::DayLedger::default().dates().is_empty());
    /// ```
    pub fn dates(&self) -> Vec<NaiveDate> {
        self.days.keys().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::payment::{CardKind, CardMedium, Instrument};

    #[test]
    fn ledger_keeps_medium_classes_apart_and_dates_apart() {
        let plan = Plan::upos().unwrap();
        let m = Merchant {
            tier: MerchantTier::Premium,
            verification: Verification::FaceAndCard,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: true,
        };
        let mag = Instrument::Card {
            kind: CardKind::Credit,
            medium: CardMedium::Magstripe,
            magstripe_verified: false,
        };
        let d1 = NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
        let d2 = NaiveDate::from_ymd_opt(2025, 3, 13).unwrap();
        let mut ledger = DayLedger::default();
        let chip = Charge {
            amount: Money::from_fen(1_000),
            instrument: Instrument::Card {
                kind: CardKind::Credit,
                medium: CardMedium::Chip,
                magstripe_verified: false,
            },
        };
        let swipe = Charge {
            amount: Money::from_fen(2_000),
            instrument: mag,
        };
        ledger.record(&plan, &m, &chip, 4, d1).unwrap();
        ledger.record(&plan, &m, &swipe, 4, d1).unwrap();
        let u = ledger.usage_for(&plan, &m, &swipe, 4, d1);
        assert_eq!(u.used_in("card_medium"), Money::from_fen(2_000));
        assert_eq!(u.used_in("credit"), Money::from_fen(3_000));
        assert_eq!(
            ledger.usage_for(&plan, &m, &swipe, 4, d2).used_in("credit"),
            Money::ZERO
        );
        assert_eq!(ledger.dates(), vec![d1]);
    }
}
