//! Fees (RULES §4): the first matching rule's percentage, rounded to the fen,
//! capped, raised to any minimum, plus any fixed fee. Also the integer batch
//! path that prices millions of charges at once.

use crate::error::{Error, Result};
use crate::merchant::Merchant;
use crate::money::{Money, Rounding};
use crate::payment::{Charge, Instrument};
use crate::plan::{Percent, Plan};
use serde::Serialize;
use std::sync::Arc;

/// The rule that priced a payment.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Bulk, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = Charge { amount: Money::from_fen(100000), instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false } };
/// let f = fee(&plan, &m, &c).unwrap();
/// assert_eq!(&*f.rule.id, "F5");
/// assert_eq!(f.rule.rate_percent.to_string(), "0.53");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct RuleRef {
    /// Rule id (`F5`).
    pub id: Arc<str>,
    /// Chinese name (信用卡刷卡).
    pub name_zh: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// The rate applied, in percent.
    pub rate_percent: Percent,
    /// The cap of the percentage part, if any.
    pub cap: Option<Money>,
}

/// How the fee was made up.
///
/// ```
/// # use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = Charge { amount: Money::from_fen(600000), instrument: Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Chip, magstripe_verified: false } };
/// let f = fee(&plan, &m, &c).unwrap();
/// assert!(f.detail.capped);
/// assert_eq!(f.fee.to_string(), "25.00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct FeeDetail {
    /// The percentage part after rounding, cap and minimum.
    pub percentage: Money,
    /// The cap was applied.
    pub capped: bool,
    /// The minimum was applied.
    pub minimum_applied: bool,
    /// The fixed part.
    pub fixed: Money,
}

/// A priced charge: fee, net and the rule.
///
/// ```
/// # use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = Charge { amount: Money::from_fen(12500), instrument: Instrument::Qr { wallet: Wallet::Wechat, large_mode: false } };
/// let f = fee(&plan, &m, &c).unwrap();
/// assert_eq!(f.fee.to_string(), "0.48"); // 125.00 × 0.38% = 0.475, half up
/// assert_eq!(f.net.to_string(), "124.52");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Fee {
    /// Index of the rule in the plan.
    #[serde(skip)]
    pub rule_index: usize,
    /// The rule.
    pub rule: RuleRef,
    /// The fee.
    pub fee: Money,
    /// amount − fee (negative when a fixed fee exceeds the amount).
    pub net: Money,
    /// How the fee was made up.
    pub detail: FeeDetail,
}

/// The rate a rule applies for a merchant.
fn rate_of(plan: &Plan, rule: usize, merchant: &Merchant) -> Result<Percent> {
    let data = plan.data();
    let r = data
        .fee_rules
        .get(rule)
        .ok_or_else(|| Error::overflow("fee_rules"))?;
    match (r.rate_percent, &data.credit_rates) {
        (Some(p), _) => Ok(p),
        (None, Some(rates)) => Ok(rates.get(merchant.credit_rate)),
        (None, None) => Err(Error::overflow("credit_rates")),
    }
}

/// Prices a charge by the plan's first matching rule, on the decimal path.
///
/// ```
/// # use posfee_core::*;
/// let plan = Plan::reference().unwrap();
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = Charge { amount: Money::from_fen(100000), instrument: Instrument::Qr { wallet: Wallet::Alipay, large_mode: false } };
/// assert_eq!(fee(&plan, &m, &c).unwrap().fee.to_string(), "9.00"); // 6.00 + 3.00
/// ```
pub fn fee(plan: &Plan, merchant: &Merchant, charge: &Charge) -> Result<Fee> {
    let index = plan.rule_for(charge, merchant)?;
    fee_by_rule(plan, index, merchant, charge)
}

/// Prices a charge by a given rule of the plan.
pub(crate) fn fee_by_rule(
    plan: &Plan,
    index: usize,
    merchant: &Merchant,
    charge: &Charge,
) -> Result<Fee> {
    let data = plan.data();
    let rule = data
        .fee_rules
        .get(index)
        .ok_or_else(|| Error::overflow("fee_rules"))?;
    let rate = rate_of(plan, index, merchant)?;
    let raw = charge
        .amount
        .as_decimal()
        .checked_mul(rate.fraction())
        .ok_or_else(|| Error::overflow("payment.amount"))?;
    let mut pct =
        Money::round(raw, data.rounding).ok_or_else(|| Error::overflow("payment.amount"))?;
    let mut capped = false;
    let mut minimum_applied = false;
    if let Some(cap) = rule.cap {
        if pct > cap {
            pct = cap;
            capped = true;
        }
    }
    if let Some(min) = rule.minimum {
        if pct < min {
            pct = min;
            minimum_applied = true;
        }
    }
    let fixed = rule.fixed.unwrap_or(Money::ZERO);
    let total = pct
        .checked_add(fixed)
        .ok_or_else(|| Error::overflow("fee"))?;
    let net = charge
        .amount
        .checked_sub(total)
        .ok_or_else(|| Error::overflow("net"))?;
    Ok(Fee {
        rule_index: index,
        rule: RuleRef {
            id: rule.id.clone(),
            name_zh: rule.name_zh.clone(),
            name_en: rule.name_en.clone(),
            rate_percent: rate,
            cap: rule.cap,
        },
        fee: total,
        net,
        detail: FeeDetail {
            percentage: pct,
            capped,
            minimum_applied,
            fixed,
        },
    })
}

/// One rule compiled to integers: fee_fen = round(amount_fen × num / 10^exp).
/// Absent bounds, caps and minimums are sentinels so the hot path has no
/// data-dependent branches on them.
#[derive(Debug, Clone, Copy)]
struct IntRule {
    num: u64,
    exp: u32,
    cap: i64,
    minimum: i64,
    fixed: i64,
    /// Inclusive amount bounds in fen.
    lo: i64,
    hi: i64,
}

/// Number of instrument classes: card 2 kinds × 2 media × 2 verified,
/// contactless 2 kinds, QR 3 wallets × 2 modes.
const CLASSES: usize = 16;

/// A plan's fee rules compiled for one merchant into integer fen arithmetic:
/// the batch path. A test proves it equal to [`fee`] on every rule.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let table = FeeTable::new(&plan, &m).unwrap();
/// let charges = vec![
///     Charge { amount: Money::from_fen(100000), instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false } },
///     Charge { amount: Money::from_fen(700000), instrument: Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Chip, magstripe_verified: false } },
/// ];
/// let mut fees = Vec::new();
/// table.fees(&charges, &mut fees).unwrap();
/// assert_eq!(fees, vec![Money::from_fen(550), Money::from_fen(2500)]);
/// ```
#[derive(Debug, Clone)]
pub struct FeeTable {
    rounding: Rounding,
    /// Per instrument class, copies of the rules that may match it, in plan
    /// order (amount bounds still to check).
    classes: Vec<Vec<IntRule>>,
}

#[inline(always)]
fn class_of(i: Instrument) -> usize {
    use crate::payment::{CardKind, CardMedium, Wallet};
    let k = |kind: CardKind| usize::from(kind == CardKind::Debit);
    match i {
        Instrument::Card {
            kind,
            medium,
            magstripe_verified,
        } => {
            k(kind) * 4
                + usize::from(medium == CardMedium::Magstripe) * 2
                + usize::from(magstripe_verified)
        }
        Instrument::Contactless { kind } => 8 + k(kind),
        Instrument::Qr { wallet, large_mode } => {
            let w = match wallet {
                Wallet::Alipay => 0,
                Wallet::Wechat => 1,
                Wallet::Unionpay => 2,
            };
            10 + w * 2 + usize::from(large_mode)
        }
    }
}

fn representative(class: usize) -> Instrument {
    use crate::payment::{CardKind, CardMedium, Wallet};
    let kind = |debit: bool| {
        if debit {
            CardKind::Debit
        } else {
            CardKind::Credit
        }
    };
    match class {
        0..=7 => Instrument::Card {
            kind: kind(class >= 4),
            medium: if class % 4 >= 2 {
                CardMedium::Magstripe
            } else {
                CardMedium::Chip
            },
            magstripe_verified: class % 2 == 1,
        },
        8 | 9 => Instrument::Contactless {
            kind: kind(class == 9),
        },
        _ => {
            let w = (class - 10) / 2;
            Instrument::Qr {
                wallet: match w {
                    0 => Wallet::Alipay,
                    1 => Wallet::Wechat,
                    _ => Wallet::Unionpay,
                },
                large_mode: class % 2 == 1,
            }
        }
    }
}

impl FeeTable {
    /// Compiles the plan's fee rules for one merchant.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// assert!(FeeTable::new(&Plan::reference().unwrap(), &m).is_ok());
    /// ```
    pub fn new(plan: &Plan, merchant: &Merchant) -> Result<FeeTable> {
        let data = plan.data();
        let mut rules = Vec::with_capacity(data.fee_rules.len());
        for (i, r) in data.fee_rules.iter().enumerate() {
            let rate = rate_of(plan, i, merchant)?.percent();
            let num = u64::try_from(rate.mantissa()).map_err(|_| Error::overflow("rate"))?;
            let range = r.when.amount_range().unwrap_or_default();
            rules.push(IntRule {
                num,
                exp: rate.scale() + 2,
                cap: r.cap.map_or(i64::MAX, Money::fen),
                minimum: r.minimum.map_or(0, Money::fen),
                fixed: r.fixed.map_or(0, Money::fen),
                lo: match (range.min, range.above) {
                    (Some(m), _) => m.fen(),
                    (None, Some(a)) => a.fen().saturating_add(1),
                    (None, None) => i64::MIN,
                },
                hi: match (range.max, range.below) {
                    (Some(m), _) => m.fen(),
                    (None, Some(b)) => b.fen().saturating_sub(1),
                    (None, None) => i64::MAX,
                },
            });
        }
        // One divisor for every rule where the numerators allow: the division
        // then takes the same branch for every payment of a batch.
        let common = rules.iter().map(|r| r.exp).max().unwrap_or(0);
        for r in &mut rules {
            let scaled = 10u64
                .checked_pow(common.saturating_sub(r.exp))
                .and_then(|k| r.num.checked_mul(k));
            if let (Some(num), true) = (scaled, common <= MAX_EXP) {
                r.num = num;
                r.exp = common;
            }
        }
        let mut classes = Vec::with_capacity(CLASSES);
        for class in 0..CLASSES {
            let inst = representative(class);
            let mut cands = Vec::new();
            for (i, r) in data.fee_rules.iter().enumerate() {
                // Match everything but the amount: use a condition copy without it.
                let mut cond = r.when.clone();
                cond.amount = None;
                let probe = Charge {
                    amount: Money::from_fen(1),
                    instrument: inst,
                };
                if cond.matches(&probe, merchant, None) {
                    let rule = *rules.get(i).ok_or_else(|| Error::overflow("fee_rules"))?;
                    cands.push(rule);
                    if rule.lo == i64::MIN && rule.hi == i64::MAX {
                        break;
                    }
                }
            }
            classes.push(cands);
        }
        Ok(FeeTable {
            rounding: data.rounding,
            classes,
        })
    }

    /// Prices one charge in fen; `None` when no rule matches.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let t = FeeTable::new(&Plan::upos().unwrap(), &m).unwrap();
    /// assert_eq!(t.fee_fen(100_000, Instrument::Contactless { kind: CardKind::Credit }), Some(380));
    /// ```
    #[inline(always)]
    pub fn fee_fen(&self, amount_fen: i64, instrument: Instrument) -> Option<i64> {
        self.instrument(instrument).fee_fen(amount_fen)
    }

    /// The rules for one instrument, looked up once for many payments made
    /// with it.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let t = FeeTable::new(&Plan::upos().unwrap(), &m).unwrap();
    /// let tap = t.instrument(Instrument::Contactless { kind: CardKind::Credit });
    /// assert_eq!(tap.fee_fen(100_000), Some(380));
    /// ```
    #[inline(always)]
    pub fn instrument(&self, instrument: Instrument) -> InstrumentFees<'_> {
        InstrumentFees {
            rounding: self.rounding,
            rules: self
                .classes
                .get(class_of(instrument))
                .map_or(&[], Vec::as_slice),
        }
    }

    /// Prices many charges, appending one fee per charge to `out`. Fails with
    /// `no_fee_rule` naming the index of the first charge no rule matches.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let t = FeeTable::new(&Plan::upos().unwrap(), &m).unwrap();
    /// let mut out = Vec::new();
    /// t.fees(&[Charge { amount: Money::from_fen(12500), instrument: Instrument::Qr { wallet: Wallet::Wechat, large_mode: false } }], &mut out).unwrap();
    /// assert_eq!(out[0].to_string(), "0.48");
    /// ```
    pub fn fees(&self, charges: &[Charge], out: &mut Vec<Money>) -> Result<()> {
        out.reserve(charges.len());
        let start = out.len();
        out.extend(charges.iter().map_while(|c| {
            self.fee_fen(c.amount.fen(), c.instrument)
                .map(Money::from_fen)
        }));
        let i = out.len() - start;
        if i < charges.len() {
            return Err(Error::no_fee_rule(&format!("[{i}]")));
        }
        Ok(())
    }
}

/// A [`FeeTable`]'s rules for one instrument: [`FeeTable::instrument`].
#[derive(Debug, Clone, Copy)]
pub struct InstrumentFees<'a> {
    rounding: Rounding,
    rules: &'a [IntRule],
}

impl InstrumentFees<'_> {
    /// Prices one amount in fen; `None` when no rule matches.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let t = FeeTable::new(&Plan::upos().unwrap(), &m).unwrap();
    /// let wechat = t.instrument(Instrument::Qr { wallet: Wallet::Wechat, large_mode: false });
    /// assert_eq!(wechat.fee_fen(12_500), Some(48));
    /// ```
    #[inline(always)]
    pub fn fee_fen(&self, amount_fen: i64) -> Option<i64> {
        for r in self.rules {
            if amount_fen >= r.lo && amount_fen <= r.hi {
                return self.apply(r, amount_fen);
            }
        }
        None
    }

    #[inline(always)]
    fn apply(&self, r: &IntRule, amount_fen: i64) -> Option<i64> {
        let a = u64::try_from(amount_fen).ok()?;
        // Two factors below 2³² cannot overflow: a plain multiplication,
        // not the 128-bit one an overflow check costs on 32-bit targets.
        let n = if (a | r.num) >> 32 == 0 {
            a * r.num
        } else {
            a.checked_mul(r.num)?
        };
        let (q, rem, d) = div_pow10(n, r.exp)?;
        let up = match self.rounding {
            Rounding::HalfUp => rem * 2 >= d,
            Rounding::HalfEven => rem * 2 > d || (rem * 2 == d && q % 2 == 1),
            Rounding::Down => false,
            Rounding::Up => rem > 0,
        };
        let pct = i64::try_from(q + u64::from(up)).ok()?;
        pct.min(r.cap).max(r.minimum).checked_add(r.fixed)
    }
}

/// The largest power of ten [`div_pow10`] divides by.
const MAX_EXP: u32 = 8;

/// Divides by 10^exp with constant divisors; returns (quotient, remainder, divisor).
#[inline(always)]
fn div_pow10(n: u64, exp: u32) -> Option<(u64, u64, u64)> {
    macro_rules! d {
        ($d:expr) => {
            Some((n / $d, n % $d, $d))
        };
    }
    match exp {
        0 => Some((n, 0, 1)),
        1 => d!(10),
        2 => d!(100),
        3 => d!(1_000),
        4 => d!(10_000),
        5 => d!(100_000),
        6 => d!(1_000_000),
        7 => d!(10_000_000),
        8 => d!(100_000_000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::payment::{CardKind, CardMedium, Wallet};

    fn merchant(rate: CreditRate) -> Merchant {
        Merchant {
            tier: MerchantTier::Premium,
            verification: Verification::FaceAndCard,
            credit_rate: rate,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: true,
        }
    }

    fn price(fen: i64, i: Instrument, rate: CreditRate) -> Fee {
        fee(
            &Plan::upos().unwrap(),
            &merchant(rate),
            &Charge {
                amount: Money::from_fen(fen),
                instrument: i,
            },
        )
        .unwrap()
    }

    #[test]
    fn first_matching_rule_wins() {
        let tap = |k| Instrument::Contactless { kind: k };
        assert_eq!(
            &*price(100_000, tap(CardKind::Credit), CreditRate::Standard)
                .rule
                .id,
            "F2"
        );
        assert_eq!(
            &*price(100_001, tap(CardKind::Credit), CreditRate::Standard)
                .rule
                .id,
            "F4"
        );
        assert_eq!(
            &*price(100_000, tap(CardKind::Debit), CreditRate::Standard)
                .rule
                .id,
            "F2"
        );
        assert_eq!(
            &*price(100_001, tap(CardKind::Debit), CreditRate::Standard)
                .rule
                .id,
            "F3"
        );
    }

    #[test]
    fn credit_rate_tier_comes_from_the_merchant() {
        let card = Instrument::Card {
            kind: CardKind::Credit,
            medium: CardMedium::Chip,
            magstripe_verified: false,
        };
        assert_eq!(
            price(1_000_000, card, CreditRate::Standard).fee,
            Money::from_fen(5500)
        );
        assert_eq!(
            price(1_000_000, card, CreditRate::Bulk).fee,
            Money::from_fen(5300)
        );
        assert_eq!(
            price(1_000_000, card, CreditRate::Premium).fee,
            Money::from_fen(5200)
        );
    }

    #[test]
    fn debit_cap_binds_once_the_rounded_fee_passes_25() {
        let debit = Instrument::Card {
            kind: CardKind::Debit,
            medium: CardMedium::Chip,
            magstripe_verified: false,
        };
        let at = price(500_000, debit, CreditRate::Standard);
        assert_eq!((at.fee, at.detail.capped), (Money::from_fen(2500), false));
        // 5,000.01 × 0.50% = 25.00005 → 25.00: not above the cap yet.
        let just = price(500_001, debit, CreditRate::Standard);
        assert_eq!(
            (just.fee, just.detail.capped),
            (Money::from_fen(2500), false)
        );
        // 5,001.00 × 0.50% = 25.005 → 25.01 (half up) → capped at 25.00.
        let over = price(500_100, debit, CreditRate::Standard);
        assert_eq!(
            (over.fee, over.detail.capped),
            (Money::from_fen(2500), true)
        );
    }

    #[test]
    fn no_rule_is_an_error_not_a_zero_fee() {
        let mut v: serde_json::Value =
            serde_json::from_str(&Plan::reference().unwrap().to_json()).unwrap();
        for rule in v["fee_rules"].as_array_mut().unwrap() {
            rule["when"] = serde_json::json!({"methods": ["qr"]});
        }
        let plan = Plan::from_value(v).unwrap();
        let c = Charge {
            amount: Money::from_fen(100),
            instrument: Instrument::Contactless {
                kind: CardKind::Credit,
            },
        };
        assert_eq!(
            fee(&plan, &merchant(CreditRate::Standard), &c)
                .unwrap_err()
                .code(),
            ErrorCode::NoFeeRule
        );
        let table = FeeTable::new(&plan, &merchant(CreditRate::Standard)).unwrap();
        let mut out = Vec::new();
        let qr = Charge {
            amount: Money::from_fen(100),
            instrument: Instrument::Qr {
                wallet: Wallet::Alipay,
                large_mode: false,
            },
        };
        let err = table.fees(&[qr, c], &mut out).unwrap_err();
        assert_eq!(err.field(), "[1]");
        assert_eq!(out.len(), 1);
    }
}
