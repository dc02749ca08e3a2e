//! Settlement (RULES §7): the accounting date with the day cut-off, real-time
//! (T+0) or T+N working-day arrival, and the frozen-funds review window.

use crate::calendar::{Calendar, ConsultedYear, Trace};
use crate::error::Reason;
use crate::error::{Error, Result};
use crate::merchant::Merchant;
use crate::payment::Payment;
use crate::plan::{Plan, RealtimeMode, Step};
use crate::time::ChinaDateTime;
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;
use std::sync::Arc;

/// When the money of a payment arrives (到账).
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let cal = Calendar::embedded().unwrap();
/// let p = Payment {
///     amount: Money::from_fen(10000),
///     instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false },
///     time: ChinaDateTime::parse("time", "2025-09-30T22:00").unwrap(),
/// };
/// let a = arrival(&plan, &cal, &p, false).unwrap();
/// assert_eq!(a.date.to_string(), "2025-10-09"); // after the National Day holiday
/// assert!(!a.realtime);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Arrival {
    /// The date the money arrives.
    pub date: NaiveDate,
    /// Real time (T+0).
    pub realtime: bool,
    /// The accounting date (日切 applied).
    pub accounting_date: NaiveDate,
    /// Whether some working day was assumed Monday–Friday for an uncovered year.
    pub provisional: bool,
    /// The uncovered years assumed.
    pub uncovered_years: Vec<i32>,
    /// The calendar years whose data answered, with their data version and
    /// origin (embedded or loaded), in the order consulted; empty for a
    /// real-time answer, which needs no calendar.
    pub calendar: Vec<ConsultedYear>,
    /// The settlement rule that applied.
    pub rule: Arc<str>,
    /// Set on a T+N answer whose accounting date the day cut-off moved to
    /// the next day (RULES §7): the explanation, code `after_cutoff`.
    pub cutoff_note: Option<Step>,
}

/// The accounting date of a time: its calendar date, or the next one at or
/// after the plan's day cut-off.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let t = ChinaDateTime::parse("t", "2025-03-12T23:00").unwrap();
/// assert_eq!(accounting_date(&plan, t).unwrap().to_string(), "2025-03-13");
/// let t = ChinaDateTime::parse("t", "2025-03-12T22:59:59").unwrap();
/// assert_eq!(accounting_date(&plan, t).unwrap().to_string(), "2025-03-12");
/// ```
pub fn accounting_date(plan: &Plan, time: ChinaDateTime) -> Result<NaiveDate> {
    let s = plan.section(&plan.data().settlement, "settlement")?;
    let cutoff = s.day_cutoff.time();
    if cutoff > chrono::NaiveTime::MIN && time.clock() >= cutoff {
        time.date()
            .checked_add_days(Days::new(1))
            .filter(|d| d.year() <= 9999)
            .ok_or_else(|| {
                Error::at(
                    crate::error::ErrorCode::InvalidTime,
                    "payment.time",
                    Reason::OutOfRange,
                    "记账日期将晚于 9999-12-31",
                    "the accounting date would fall after 9999-12-31",
                )
            })
    } else {
        Ok(time.date())
    }
}

/// When the money of a payment arrives. `provisional` opts in to a
/// Monday–Friday answer, marked as such, for years the calendar lacks;
/// otherwise such a year is `calendar_not_covered`.
///
/// See [`Arrival`] for an example.
pub fn arrival(
    plan: &Plan,
    calendar: &Calendar,
    payment: &Payment,
    provisional: bool,
) -> Result<Arrival> {
    // Settlement rules may name fee rules; no merchant field can change the
    // arrival, so a neutral profile is used for matching.
    let merchant = neutral_merchant();
    let rule = plan.rule_for(&payment.charge(), &merchant)?;
    arrival_by_rule(plan, calendar, payment, &merchant, rule, provisional)
}

pub(crate) fn arrival_by_rule(
    plan: &Plan,
    calendar: &Calendar,
    payment: &Payment,
    merchant: &Merchant,
    rule: usize,
    provisional: bool,
) -> Result<Arrival> {
    let s = plan.section(&plan.data().settlement, "settlement")?;
    let accounting = accounting_date(plan, payment.time)?;
    let charge = payment.charge();
    let r = s
        .rules
        .iter()
        .find(|r| r.when.matches(&charge, merchant, Some(rule)))
        .ok_or_else(|| {
            Error::at(
                crate::error::ErrorCode::PlanIncomplete,
                "settlement.rules",
                Reason::NoMatchingRule,
                "没有适用于该支付的到账规则",
                "no settlement rule applies to this payment",
            )
        })?;
    let realtime = match r.realtime {
        RealtimeMode::Always => true,
        RealtimeMode::Never => false,
        RealtimeMode::Window => r.window.is_some_and(|w| w.contains(payment.time.clock())),
    };
    if realtime {
        return Ok(Arrival {
            date: payment.time.date(),
            realtime: true,
            accounting_date: accounting,
            provisional: false,
            uncovered_years: Vec::new(),
            calendar: Vec::new(),
            rule: r.id.clone(),
            cutoff_note: None,
        });
    }
    let mut trace = Trace::default();
    let date = calendar.nth_working_day_traced(
        accounting,
        r.working_days_after,
        provisional,
        &mut trace,
    )?;
    Ok(Arrival {
        date,
        realtime: false,
        accounting_date: accounting,
        provisional: !trace.uncovered.is_empty(),
        uncovered_years: trace.uncovered,
        calendar: trace.consulted,
        rule: r.id.clone(),
        cutoff_note: (accounting != payment.time.date())
            .then(|| cutoff_note(s.day_cutoff, accounting)),
    })
}

/// Why a payment's accounting date is the next day (RULES §7). Dates and
/// times are written by hand: chrono's formatter would weigh on the quote
/// module for one sentence.
fn cutoff_note(cutoff: crate::time::ClockTime, date: NaiveDate) -> Step {
    use chrono::Timelike;
    let c = cutoff.time();
    let cutoff = format!("{:02}:{:02}", c.hour(), c.minute());
    let accounting = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
    Step {
        code: Arc::from("after_cutoff"),
        zh: Arc::from(format!(
            "{cutoff} 后的交易记为次日交易：本笔的记账日为 {accounting}，到账日从记账日起算"
        )),
        en: Arc::from(format!(
            "payments from {cutoff} count as the next day's: this payment's accounting date is {accounting}, and its arrival counts from that date"
        )),
    }
}

fn neutral_merchant() -> Merchant {
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    Merchant {
        tier: MerchantTier::Premium,
        verification: Verification::FaceAndCard,
        credit_rate: CreditRate::Standard,
        activated: true,
        wallets: Wallets::default(),
        large_mode_approved: true,
    }
}

/// The frozen-funds review window (资金冻结): from the plan's first to its
/// last working day strictly after the submission date.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let cal = Calendar::embedded().unwrap();
/// let w = frozen_window(&plan, &cal, chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap(), false).unwrap();
/// assert_eq!((w.first.to_string(), w.last.to_string()), ("2025-10-09".into(), "2025-10-11".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct FrozenWindow {
    /// The earliest day the review ends.
    pub first: NaiveDate,
    /// The latest day the review ends.
    pub last: NaiveDate,
    /// Whether an uncovered year was assumed Monday–Friday.
    pub provisional: bool,
    /// The uncovered years assumed.
    pub uncovered_years: Vec<i32>,
    /// The calendar years whose data answered (see [`Arrival::calendar`]).
    pub calendar: Vec<ConsultedYear>,
}

/// Computes the frozen-funds review window. See [`FrozenWindow`].
pub fn frozen_window(
    plan: &Plan,
    calendar: &Calendar,
    submitted: NaiveDate,
    provisional: bool,
) -> Result<FrozenWindow> {
    let s = plan.section(&plan.data().settlement, "settlement")?;
    let f = s.frozen_review;
    let mut trace = Trace::default();
    let first =
        calendar.nth_working_day_traced(submitted, f.first_working_day, provisional, &mut trace)?;
    let last =
        calendar.nth_working_day_traced(submitted, f.last_working_day, provisional, &mut trace)?;
    Ok(FrozenWindow {
        first,
        last,
        provisional: !trace.uncovered.is_empty(),
        uncovered_years: trace.uncovered,
        calendar: trace.consulted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;
    use crate::payment::{CardKind, CardMedium, Instrument, Wallet};

    fn at(t: &str, i: Instrument) -> Arrival {
        let p = Payment {
            amount: Money::from_fen(10_000),
            instrument: i,
            time: ChinaDateTime::parse("t", t).unwrap(),
        };
        arrival(
            &Plan::upos().unwrap(),
            &Calendar::embedded().unwrap(),
            &p,
            false,
        )
        .unwrap()
    }

    const CREDIT: Instrument = Instrument::Card {
        kind: CardKind::Credit,
        medium: CardMedium::Chip,
        magstripe_verified: false,
    };

    #[test]
    fn worked_examples_of_rules_section_7() {
        let d = |a: Arrival| {
            (
                a.date.to_string(),
                a.realtime,
                a.accounting_date.to_string(),
            )
        };
        assert_eq!(
            d(at("2025-09-30T21:59", CREDIT)),
            ("2025-09-30".into(), true, "2025-09-30".into())
        );
        assert_eq!(
            d(at("2025-09-30T22:00", CREDIT)),
            ("2025-10-09".into(), false, "2025-09-30".into())
        );
        assert_eq!(
            d(at("2025-09-27T23:30", CREDIT)),
            ("2025-09-29".into(), false, "2025-09-28".into())
        );
        let debit = Instrument::Card {
            kind: CardKind::Debit,
            medium: CardMedium::Chip,
            magstripe_verified: false,
        };
        assert_eq!(d(at("2025-10-10T10:00", debit)).0, "2025-10-11");
        let qr = Instrument::Qr {
            wallet: Wallet::Wechat,
            large_mode: false,
        };
        assert_eq!(
            d(at("2025-10-03T03:00", qr)),
            ("2025-10-03".into(), true, "2025-10-03".into())
        );
        assert_eq!(d(at("2025-03-12T22:59", CREDIT)).0, "2025-03-13");
        assert_eq!(
            d(at("2025-03-12T23:00", CREDIT)),
            ("2025-03-14".into(), false, "2025-03-13".into())
        );
    }

    #[test]
    fn needs_2027_until_loaded_or_provisional() {
        let plan = Plan::upos().unwrap();
        let cal = Calendar::embedded().unwrap();
        let p = Payment {
            amount: Money::from_fen(10_000),
            instrument: CREDIT,
            time: ChinaDateTime::parse("t", "2026-12-31T22:30").unwrap(),
        };
        let e = arrival(&plan, &cal, &p, false).unwrap_err();
        assert_eq!(
            (e.code(), e.year()),
            (crate::error::ErrorCode::CalendarNotCovered, Some(2027))
        );
        let a = arrival(&plan, &cal, &p, true).unwrap();
        assert_eq!(
            (a.date.to_string(), a.provisional, a.uncovered_years),
            ("2027-01-01".into(), true, vec![2027])
        );
    }

    #[test]
    fn a_fee_only_plan_cannot_answer_arrival() {
        let p = Payment {
            amount: Money::from_fen(10_000),
            instrument: CREDIT,
            time: ChinaDateTime::parse("t", "2025-03-12T10:00").unwrap(),
        };
        let e = arrival(
            &Plan::reference().unwrap(),
            &Calendar::embedded().unwrap(),
            &p,
            false,
        )
        .unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            (crate::error::ErrorCode::PlanIncomplete, "settlement")
        );
    }
}
