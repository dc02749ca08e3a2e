//! Plan comparison: what a month's payment mix costs under two plans.

use crate::error::Reason;
use crate::error::{Error, Result};
use crate::fee::fee;
use crate::merchant::Merchant;
use crate::money::Money;
use crate::payment::Charge;
use crate::plan::Plan;
use serde::Serialize;
use std::sync::Arc;

/// A line of a month's payment mix: a charge and how many times it occurs.
///
/// ```
/// use posfee_core::*;
/// let l = MixLine { charge: Charge { amount: Money::from_fen(10000), instrument: Instrument::Qr { wallet: Wallet::Wechat, large_mode: false } }, count: 30 };
/// assert_eq!(l.count, 30);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MixLine {
    /// The charge.
    pub charge: Charge,
    /// How many such payments (≥ 1).
    pub count: u32,
}

/// One line's cost under both plans.
///
/// ```
/// # use posfee_core::*;
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let mix = [MixLine { charge: Charge { amount: Money::from_fen(10000), instrument: Instrument::Qr { wallet: Wallet::Wechat, large_mode: false } }, count: 2 }];
/// let c = compare(&Plan::upos().unwrap(), &Plan::reference().unwrap(), &m, &mix).unwrap();
/// assert_eq!(c.lines[0].fee_b.to_string(), "3.60");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct LineCost {
    /// Rule of plan A.
    pub rule_a: Arc<str>,
    /// Rule of plan B.
    pub rule_b: Arc<str>,
    /// Fee per payment under A.
    pub fee_a: Money,
    /// Fee per payment under B.
    pub fee_b: Money,
    /// fee_a × count.
    pub total_a: Money,
    /// fee_b × count.
    pub total_b: Money,
}

/// Which plan is cheaper.
///
/// ```
/// assert_eq!(serde_json::to_string(&posfee_core::Cheaper::Equal).unwrap(), "\"equal\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Cheaper {
    /// Plan A costs less.
    A,
    /// Plan B costs less.
    B,
    /// Both cost the same.
    Equal,
}

/// A comparison of two plans over a month's mix.
///
/// ```
/// use posfee_core::*;
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let card = Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false };
/// let mix = [MixLine { charge: Charge { amount: Money::from_fen(100000), instrument: card }, count: 10 }];
/// let c = compare(&Plan::upos().unwrap(), &Plan::reference().unwrap(), &m, &mix).unwrap();
/// assert_eq!(c.total_a.to_string(), "55.00"); // 10 × 5.50
/// assert_eq!(c.total_b.to_string(), "90.00"); // 10 × (6.00 + 3.00)
/// assert_eq!(c.difference.to_string(), "35.00");
/// assert_eq!(c.cheaper, Cheaper::A);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Comparison {
    /// Plan A's id.
    pub plan_a: Arc<str>,
    /// Plan B's id.
    pub plan_b: Arc<str>,
    /// Total fees under A.
    pub total_a: Money,
    /// Total fees under B.
    pub total_b: Money,
    /// total_b − total_a.
    pub difference: Money,
    /// Which is cheaper.
    pub cheaper: Cheaper,
    /// Total amount paid.
    pub volume: Money,
    /// Number of payments.
    pub payments: u64,
    /// Per line.
    pub lines: Vec<LineCost>,
}

/// Compares two plans over a month's payment mix (fees only).
///
/// See [`Comparison`] for an example.
pub fn compare(
    plan_a: &Plan,
    plan_b: &Plan,
    merchant: &Merchant,
    mix: &[MixLine],
) -> Result<Comparison> {
    let mut lines = Vec::with_capacity(mix.len());
    let (mut total_a, mut total_b, mut volume) = (Money::ZERO, Money::ZERO, Money::ZERO);
    let mut payments = 0u64;
    for (i, line) in mix.iter().enumerate() {
        let at = |e: Error| e.within(&format!("mix[{i}]"));
        let ovf = || Error::overflow(&format!("mix[{i}]"));
        if line.count == 0 {
            return Err(Error::invalid_field(
                &format!("mix[{i}].count"),
                Reason::OutOfRange,
                format!("mix[{i}].count：笔数须至少为 1"),
                format!("mix[{i}].count: the count must be at least 1"),
            ));
        }
        let fa = fee(plan_a, merchant, &line.charge).map_err(at)?;
        let fb = fee(plan_b, merchant, &line.charge).map_err(at)?;
        let n = u64::from(line.count);
        let ta = fa.fee.checked_mul_count(n).ok_or_else(ovf)?;
        let tb = fb.fee.checked_mul_count(n).ok_or_else(ovf)?;
        total_a = total_a.checked_add(ta).ok_or_else(ovf)?;
        total_b = total_b.checked_add(tb).ok_or_else(ovf)?;
        volume = volume
            .checked_add(line.charge.amount.checked_mul_count(n).ok_or_else(ovf)?)
            .ok_or_else(ovf)?;
        payments += n;
        lines.push(LineCost {
            rule_a: fa.rule.id,
            rule_b: fb.rule.id,
            fee_a: fa.fee,
            fee_b: fb.fee,
            total_a: ta,
            total_b: tb,
        });
    }
    let difference = total_b
        .checked_sub(total_a)
        .ok_or_else(|| Error::overflow("mix"))?;
    Ok(Comparison {
        plan_a: Arc::from(plan_a.id()),
        plan_b: Arc::from(plan_b.id()),
        total_a,
        total_b,
        difference,
        cheaper: match total_a.cmp(&total_b) {
            std::cmp::Ordering::Less => Cheaper::A,
            std::cmp::Ordering::Greater => Cheaper::B,
            std::cmp::Ordering::Equal => Cheaper::Equal,
        },
        volume,
        payments,
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::payment::{CardKind, CardMedium, Instrument, Wallet};

    #[test]
    fn totals_and_difference_add_up_and_zero_counts_are_refused() {
        let m = Merchant {
            tier: MerchantTier::Premium,
            verification: Verification::FaceAndCard,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: false,
        };
        let debit = Instrument::Card {
            kind: CardKind::Debit,
            medium: CardMedium::Chip,
            magstripe_verified: false,
        };
        let qr = Instrument::Qr {
            wallet: Wallet::Wechat,
            large_mode: false,
        };
        let mix = [
            MixLine {
                charge: Charge {
                    amount: Money::from_fen(800_000),
                    instrument: debit,
                },
                count: 2,
            },
            MixLine {
                charge: Charge {
                    amount: Money::from_fen(1_000),
                    instrument: qr,
                },
                count: 100,
            },
        ];
        let c = compare(
            &Plan::upos().unwrap(),
            &Plan::reference().unwrap(),
            &m,
            &mix,
        )
        .unwrap();
        // upos: 2 × 25.00 (capped) + 100 × 0.04; reference: 2 × (48.00 + 3.00) + 100 × (0.06 + 3.00)
        assert_eq!(c.total_a, Money::from_fen(5_400));
        assert_eq!(c.total_b, Money::from_fen(10_200 + 30_600));
        assert_eq!(c.difference, c.total_b.checked_sub(c.total_a).unwrap());
        assert_eq!(c.payments, 102);
        assert_eq!(c.volume, Money::from_fen(1_700_000));
        let zero = [MixLine { count: 0, ..mix[0] }];
        assert_eq!(
            compare(
                &Plan::upos().unwrap(),
                &Plan::reference().unwrap(),
                &m,
                &zero
            )
            .unwrap_err()
            .field(),
            "mix[0].count"
        );
    }
}
