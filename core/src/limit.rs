//! Limits (RULES §6): single-transaction caps, daily caps per bucket and
//! accounting date, the binding cap, what is left, and the day ledger.

use crate::error::{Error, Result};
use crate::merchant::Merchant;
use crate::money::Money;
use crate::payment::{CardKind, CardMedium, Charge, Instrument, Method};
use crate::plan::{Advice, DailyLimit, Instead, Limits, Plan, SingleLimit, Step};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the merchant already used on an accounting date, per bucket.
///
/// ```
/// use posfee_core::{DailyUsage, Money};
/// let mut u = DailyUsage::default();
/// u.used.insert("credit".into(), Money::from_fen(1_000_000));
/// u.counts.insert("qr_large_count".into(), 2);
/// assert_eq!(u.used_in("credit"), Money::from_fen(1_000_000));
/// assert_eq!(u.used_in("qr"), Money::ZERO);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DailyUsage {
    /// Money used per bucket (`card_medium`: the payment's own medium class).
    pub used: BTreeMap<String, Money>,
    /// Payments counted per count bucket.
    pub counts: BTreeMap<String, u32>,
}

impl DailyUsage {
    /// Money used in a bucket (zero when absent).
    ///
    /// ```
    /// assert_eq!(posfee_core::DailyUsage::default().used_in("qr"), posfee_core::Money::ZERO);
    /// ```
    pub fn used_in(&self, bucket: &str) -> Money {
        self.used.get(bucket).copied().unwrap_or(Money::ZERO)
    }

    /// Payments counted in a bucket (zero when absent).
    ///
    /// ```
    /// assert_eq!(posfee_core::DailyUsage::default().count_in("qr_large_count"), 0);
    /// ```
    pub fn count_in(&self, bucket: &str) -> u32 {
        self.counts.get(bucket).copied().unwrap_or(0)
    }

    /// Checks that every bucket named is one of the plan's; the error names
    /// `usage.used.<bucket>` or `usage.counts.<bucket>`.
    ///
    /// ```
    /// use posfee_core::{DailyUsage, Plan, Money};
    /// let mut u = DailyUsage::default();
    /// u.used.insert("kredit".into(), Money::ZERO);
    /// assert_eq!(u.validate(&Plan::upos().unwrap()).unwrap_err().field(), "usage.used.kredit");
    /// ```
    pub fn validate(&self, plan: &Plan) -> Result<()> {
        let daily: &[DailyLimit] = plan
            .data()
            .limits
            .as_ref()
            .map_or(&[], |l| l.daily.as_slice());
        let known = |name: &str, count: bool| {
            daily
                .iter()
                .any(|d| &*d.bucket == name && d.count_cap.is_some() == count)
        };
        let mut names: Vec<&str> = daily.iter().map(|d| &*d.bucket).collect();
        names.dedup();
        for name in self.used.keys() {
            if !known(name, false) {
                return Err(Error::unknown_value(
                    &format!("usage.used.{name}"),
                    name,
                    &names,
                ));
            }
        }
        for name in self.counts.keys() {
            if !known(name, true) {
                return Err(Error::unknown_value(
                    &format!("usage.counts.{name}"),
                    name,
                    &names,
                ));
            }
        }
        Ok(())
    }
}

/// A single-transaction cap that applies to the payment.
///
/// ```
/// # use posfee_core::SingleCap;
/// let c = SingleCap { dimension: "channel".into(), cap: posfee_core::Money::from_fen(100) };
/// assert_eq!(&*c.dimension, "channel");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct SingleCap {
    /// Dimension name.
    pub dimension: Arc<str>,
    /// The cap.
    pub cap: Money,
}

/// A daily bucket that applies to the payment, with its usage.
///
/// ```
/// # use posfee_core::*;
/// let b = DailyBucket { bucket: "qr".into(), class: None, cap: Some(Money::from_fen(100)), count_cap: None, used: Money::ZERO, used_count: 0, left: Some(Money::from_fen(100)), left_count: None };
/// assert_eq!(b.left, b.cap);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct DailyBucket {
    /// Bucket name.
    pub bucket: Arc<str>,
    /// Class within the bucket.
    pub class: Option<Arc<str>>,
    /// Money cap.
    pub cap: Option<Money>,
    /// Count cap.
    pub count_cap: Option<u32>,
    /// Money used before this payment.
    pub used: Money,
    /// Payments counted before this payment.
    pub used_count: u32,
    /// Money left before this payment (never below zero).
    pub left: Option<Money>,
    /// Payments left before this payment.
    pub left_count: Option<u32>,
}

/// A refusal with what bound it.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let cal = Calendar::embedded().unwrap();
/// let m = Merchant { tier: MerchantTier::New, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let p = Payment { amount: Money::from_fen(1_000_001), instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false }, time: ChinaDateTime::parse("t", "2025-03-12T10:00").unwrap() };
/// let q = quote(&plan, &cal, &m, &p, &DailyUsage::default(), QuoteOptions::default()).unwrap();
/// let r = q.refusal.unwrap();
/// assert_eq!(r.code, RefusalCode::SingleLimitExceeded);
/// assert_eq!(r.dimension.as_deref(), Some("merchant_tier"));
/// assert_eq!(r.cap, Some(Money::from_fen(1_000_000)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Refusal {
    /// The code.
    pub code: crate::acceptance::RefusalCode,
    /// The binding dimension or bucket, for limit refusals.
    pub dimension: Option<Arc<str>>,
    /// The binding money cap.
    pub cap: Option<Money>,
    /// The binding count cap.
    pub count_cap: Option<u32>,
    /// What is left today (see [`LimitCheck::left_today`]).
    pub left_today: Option<Money>,
    /// What the merchant can do about the cap that refused (RULES §6): the
    /// plan's advice for that cap; empty for acceptance refusals, whose
    /// message says how to fix them.
    pub steps: Arc<[Step]>,
    /// Chinese message with how to fix it.
    pub message_zh: String,
    /// English message with how to fix it.
    pub message_en: String,
}

/// The limit answer for a payment.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceOnly, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = Charge { amount: Money::from_fen(1_000_000), instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false } };
/// let rule = plan.rule_for(&c, &m).unwrap();
/// let l = check_limits(&plan, &m, &c, rule, &DailyUsage::default()).unwrap();
/// assert_eq!(l.single_cap, Some(Money::from_fen(3_000_000))); // face_only 30,000
/// assert_eq!(l.left_today, Some(Money::from_fen(15_000_000))); // face_only 150,000 a day
/// assert!(l.refusal.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct LimitCheck {
    /// The smallest single cap that applies.
    pub single_cap: Option<Money>,
    /// Its dimension.
    pub single_dimension: Option<Arc<str>>,
    /// The daily bucket with the least money left.
    pub daily_dimension: Option<Arc<str>>,
    /// The least money left in any daily bucket that applies, before this payment.
    pub left_today: Option<Money>,
    /// `left_today` minus the amount, when accepted.
    pub left_after: Option<Money>,
    /// Every single cap that applies, in plan order.
    pub single: Vec<SingleCap>,
    /// Every daily bucket that applies, in plan order.
    pub daily: Vec<DailyBucket>,
    /// What the merchant can do about the cap that binds: the refusal's cap
    /// when refused, else the smallest single cap (the plan's advice for it,
    /// RULES §6; another means of payment only when it takes more).
    pub raise_steps: Arc<[Step]>,
    /// The limit refusal, if any.
    #[serde(skip)]
    pub refusal: Option<Refusal>,
}

/// Checks the single and daily limits for a charge priced by fee rule `rule`.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let m = Merchant { tier: MerchantTier::New, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = Charge { amount: Money::from_fen(2_000_000), instrument: Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Chip, magstripe_verified: false } };
/// let l = check_limits(&plan, &m, &c, plan.rule_for(&c, &m).unwrap(), &DailyUsage::default()).unwrap();
/// assert_eq!(l.refusal.unwrap().dimension.as_deref(), Some("channel")); // debit: 10,000 a payment
/// ```
pub fn check_limits(
    plan: &Plan,
    merchant: &Merchant,
    charge: &Charge,
    rule: usize,
    usage: &DailyUsage,
) -> Result<LimitCheck> {
    let limits = plan.section(&plan.data().limits, "limits")?;
    let amount = charge.amount;
    let mut single = Vec::new();
    let mut binding: Option<&SingleLimit> = None;
    for l in &limits.single {
        if l.when.matches(charge, merchant, Some(rule)) {
            single.push(SingleCap {
                dimension: l.dimension.clone(),
                cap: l.cap,
            });
            if binding.is_none_or(|b| l.cap < b.cap) {
                binding = Some(l);
            }
        }
    }
    let mut daily = Vec::new();
    let mut rows: Vec<&DailyLimit> = Vec::new();
    let mut least: Option<(Money, usize)> = None;
    let mut full_count: Option<usize> = None;
    for l in &limits.daily {
        if !l.when.matches(charge, merchant, Some(rule)) {
            continue;
        }
        let used = usage.used_in(&l.bucket);
        let used_count = usage.count_in(&l.bucket);
        let left = l.cap.map(|c| {
            c.checked_sub(used)
                .filter(|m| !m.is_negative())
                .unwrap_or(Money::ZERO)
        });
        let left_count = l.count_cap.map(|c| c.saturating_sub(used_count));
        if let Some(left) = left {
            if least.is_none_or(|(m, _)| left < m) {
                least = Some((left, daily.len()));
            }
        }
        if left_count == Some(0) && full_count.is_none() {
            full_count = Some(daily.len());
        }
        rows.push(l);
        daily.push(DailyBucket {
            bucket: l.bucket.clone(),
            class: l.class.clone(),
            cap: l.cap,
            count_cap: l.count_cap,
            used,
            used_count,
            left,
            left_count,
        });
    }
    let left_today = least.map(|(m, _)| m);
    let daily_dimension = least
        .and_then(|(_, i)| daily.get(i))
        .map(|b| b.bucket.clone());
    let advice_of = |id: &Option<Arc<str>>| {
        id.as_ref()
            .and_then(|id| limits.advice.iter().find(|a| a.id == *id))
    };
    let refuse = |code, dimension, cap, count_cap, left_today, advice: Option<&Advice>| {
        let steps = advice
            .map(|a| advice_steps(plan, limits, merchant, charge, usage, a, None))
            .unwrap_or_else(no_steps);
        let (zh, en) = limit_refusal_text(code, cap, count_cap, left_today, advice);
        Refusal {
            code,
            dimension,
            cap,
            count_cap,
            left_today,
            steps,
            message_zh: zh,
            message_en: en,
        }
    };
    use crate::acceptance::RefusalCode;
    let refusal = if let Some(b) = binding.filter(|b| amount > b.cap) {
        Some(refuse(
            RefusalCode::SingleLimitExceeded,
            Some(b.dimension.clone()),
            Some(b.cap),
            None,
            left_today,
            advice_of(&b.advice),
        ))
    } else if let Some((left, i)) = least.filter(|(left, _)| amount > *left) {
        let b = daily.get(i);
        Some(refuse(
            RefusalCode::DailyLimitExceeded,
            b.map(|b| b.bucket.clone()),
            b.and_then(|b| b.cap),
            None,
            Some(left),
            rows.get(i).and_then(|r| advice_of(&r.advice)),
        ))
    } else {
        full_count.and_then(|i| daily.get(i)).map(|b| {
            refuse(
                RefusalCode::DailyLimitExceeded,
                Some(b.bucket.clone()),
                None,
                b.count_cap,
                None,
                full_count
                    .and_then(|i| rows.get(i))
                    .and_then(|r| advice_of(&r.advice)),
            )
        })
    };
    let raise_steps = match &refusal {
        Some(r) => r.steps.clone(),
        None => binding
            .and_then(|b| advice_of(&b.advice).map(|a| (a, b.cap)))
            .map(|(a, cap)| advice_steps(plan, limits, merchant, charge, usage, a, Some(cap)))
            .unwrap_or_else(no_steps),
    };
    let left_after = match (&refusal, left_today) {
        (None, Some(l)) => l.checked_sub(amount),
        _ => None,
    };
    Ok(LimitCheck {
        single_cap: binding.map(|b| b.cap),
        single_dimension: binding.map(|b| b.dimension.clone()),
        daily_dimension,
        left_today,
        left_after,
        single,
        daily,
        raise_steps,
        refusal,
    })
}

fn no_steps() -> Arc<[Step]> {
    static NONE: std::sync::OnceLock<Arc<[Step]>> = std::sync::OnceLock::new();
    NONE.get_or_init(|| Arc::from(Vec::new())).clone()
}

/// The steps of a piece of advice. A step offering another means of payment
/// is kept only when that means takes the payment: for a refusal
/// (`accepted_cap` none), when the plan would accept the payment made that
/// way with the same usage; for an accepted payment, when that way's single
/// cap is above `accepted_cap`, the cap that binds now.
fn advice_steps(
    plan: &Plan,
    limits: &Limits,
    merchant: &Merchant,
    charge: &Charge,
    usage: &DailyUsage,
    advice: &Advice,
    accepted_cap: Option<Money>,
) -> Arc<[Step]> {
    if !advice.alternatives {
        return advice.resolved.clone();
    }
    let kept: Vec<Step> = advice
        .resolved
        .iter()
        .filter(|s| {
            let Some(instead) = limits
                .advice_steps
                .iter()
                .find(|a| a.code == s.code)
                .and_then(|a| a.instead)
            else {
                return true;
            };
            let alt = Charge {
                amount: charge.amount,
                instrument: instead_instrument(charge.instrument, instead),
            };
            if alt.instrument == charge.instrument {
                return false;
            }
            let Ok(rule) = plan.rule_for(&alt, merchant) else {
                return false;
            };
            match accepted_cap {
                None => {
                    crate::acceptance::check_acceptance(plan, merchant, alt.instrument).is_none()
                        && check_caps(limits, merchant, &alt, rule, usage)
                }
                Some(cap) => single_cap(limits, merchant, &alt, rule).is_none_or(|c| c > cap),
            }
        })
        .cloned()
        .collect();
    Arc::from(kept)
}

fn instead_instrument(i: Instrument, instead: Instead) -> Instrument {
    let kind = instead
        .card_kind
        .or(i.card_kind())
        .unwrap_or(CardKind::Credit);
    match instead.method {
        Method::Contactless => Instrument::Contactless { kind },
        _ => {
            let medium = instead
                .card_medium
                .or(i.card_medium())
                .unwrap_or(CardMedium::Chip);
            Instrument::Card {
                kind,
                medium,
                magstripe_verified: medium == CardMedium::Magstripe && i.magstripe_verified(),
            }
        }
    }
}

fn single_cap(limits: &Limits, merchant: &Merchant, charge: &Charge, rule: usize) -> Option<Money> {
    limits
        .single
        .iter()
        .filter(|l| l.when.matches(charge, merchant, Some(rule)))
        .map(|l| l.cap)
        .min()
}

/// Whether a charge fits every single and daily cap with the given usage.
fn check_caps(
    limits: &Limits,
    merchant: &Merchant,
    charge: &Charge,
    rule: usize,
    usage: &DailyUsage,
) -> bool {
    single_cap(limits, merchant, charge, rule).is_none_or(|c| charge.amount <= c)
        && limits
            .daily
            .iter()
            .filter(|l| l.when.matches(charge, merchant, Some(rule)))
            .all(|l| {
                l.cap.is_none_or(|c| {
                    usage
                        .used_in(&l.bucket)
                        .checked_add(charge.amount)
                        .is_some_and(|t| t <= c)
                }) && l.count_cap.is_none_or(|c| usage.count_in(&l.bucket) < c)
            })
}

/// A limit refusal's message: the cap, what is left, and the plan's summary
/// of what can be done (RULES §6).
fn limit_refusal_text(
    code: crate::acceptance::RefusalCode,
    cap: Option<Money>,
    count_cap: Option<u32>,
    left_today: Option<Money>,
    advice: Option<&Advice>,
) -> (String, String) {
    use crate::acceptance::RefusalCode;
    let (mut zh, mut en) = match (code, cap, count_cap) {
        (RefusalCode::SingleLimitExceeded, Some(cap), _) => (
            format!("超过单笔限额 {cap} 元"),
            format!("above the single-payment cap of {cap} yuan"),
        ),
        (_, _, Some(n)) => (
            format!("今日该类交易已达 {n} 笔上限"),
            format!("today's limit of {n} such payments is reached"),
        ),
        (_, Some(cap), _) => {
            let left = left_today.unwrap_or(Money::ZERO);
            (
                format!("超过今日剩余额度 {left} 元（单日限额 {cap} 元）"),
                format!("above what is left of today's cap: {left} of {cap} yuan"),
            )
        }
        _ => crate::acceptance::refusal_text_parts(code),
    };
    if let Some(a) = advice {
        zh.push('：');
        zh.push_str(&a.zh);
        en.push_str(": ");
        en.push_str(&a.en);
    }
    (zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::acceptance::RefusalCode;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::payment::{CardKind, CardMedium, Instrument, Wallet};

    fn merchant(tier: MerchantTier, v: Verification) -> Merchant {
        Merchant {
            tier,
            verification: v,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: true,
        }
    }

    fn check(fen: i64, i: Instrument, m: &Merchant, usage: &DailyUsage) -> LimitCheck {
        let plan = Plan::upos().unwrap();
        let c = Charge {
            amount: Money::from_fen(fen),
            instrument: i,
        };
        let rule = plan.rule_for(&c, m).unwrap();
        check_limits(&plan, m, &c, rule, usage).unwrap()
    }

    const CHIP: Instrument = Instrument::Card {
        kind: CardKind::Credit,
        medium: CardMedium::Chip,
        magstripe_verified: false,
    };

    #[test]
    fn smallest_single_cap_binds_and_ties_go_to_plan_order() {
        // premium, face_and_card, chip: channel 50,000, tier 50,000, medium 50,000: channel named first.
        let l = check(
            100,
            CHIP,
            &merchant(MerchantTier::Premium, Verification::FaceAndCard),
            &DailyUsage::default(),
        );
        assert_eq!(l.single_dimension.as_deref(), Some("channel"));
        assert_eq!(l.single.len(), 3);
        let l = check(
            100,
            CHIP,
            &merchant(MerchantTier::Premium, Verification::None),
            &DailyUsage::default(),
        );
        assert_eq!(
            (l.single_dimension.as_deref(), l.single_cap),
            (Some("verification"), Some(Money::from_fen(1_000_000)))
        );
    }

    #[test]
    fn daily_refusal_names_the_bucket_with_least_left() {
        let m = merchant(MerchantTier::Premium, Verification::FaceOnly);
        let mut usage = DailyUsage::default();
        usage
            .used
            .insert("credit".into(), Money::from_fen(29_000_000)); // 10,000 left of 300,000
        usage
            .used
            .insert("verification".into(), Money::from_fen(14_500_000)); // 5,000 left of 150,000
        let l = check(600_000, CHIP, &m, &usage);
        let r = l.refusal.unwrap();
        assert_eq!(r.code, RefusalCode::DailyLimitExceeded);
        assert_eq!(r.dimension.as_deref(), Some("verification"));
        assert_eq!(r.left_today, Some(Money::from_fen(500_000)));
        let ok = check(500_000, CHIP, &m, &usage);
        assert!(ok.refusal.is_none());
        assert_eq!(ok.left_after, Some(Money::ZERO));
    }

    #[test]
    fn usage_above_the_cap_leaves_zero_not_a_negative() {
        let mut usage = DailyUsage::default();
        usage.used.insert("qr".into(), Money::from_fen(40_000_000));
        let l = check(
            100,
            Instrument::Qr {
                wallet: Wallet::Wechat,
                large_mode: false,
            },
            &merchant(MerchantTier::New, Verification::None),
            &usage,
        );
        assert_eq!(l.left_today, Some(Money::ZERO));
        assert!(l.refusal.is_some());
    }

    #[test]
    fn the_large_mode_count_bucket_refuses_the_fourth() {
        let m = merchant(MerchantTier::New, Verification::None);
        let big = Instrument::Qr {
            wallet: Wallet::Alipay,
            large_mode: true,
        };
        let mut usage = DailyUsage::default();
        usage.counts.insert("qr_large_count".into(), 3);
        let r = check(100_001, big, &m, &usage).refusal.unwrap();
        assert_eq!(
            (r.dimension.as_deref(), r.count_cap, r.cap),
            (Some("qr_large_count"), Some(3), None)
        );
        // A large-mode payment within the normal cap does not count.
        assert!(check(100_000, big, &m, &usage).refusal.is_none());
    }
}
