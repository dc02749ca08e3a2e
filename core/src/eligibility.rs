//! Eligibility answers (RULES §9): premium and bulk credit rates, limit upgrade.

use crate::error::Result;
use crate::merchant::Verification;
use crate::money::Money;
use crate::plan::{Plan, Step};
use serde::Serialize;
use std::sync::Arc;

/// What the merchant tells about itself.
///
/// ```
/// use posfee_core::*;
/// let f = MerchantFacts { monthly_volumes: vec![Money::from_fen(10_000_001)], devices: 1, annual_agreement: false, risk_record: false, verification: Verification::FaceAndCard };
/// assert!(eligibility(&Plan::upos().unwrap(), &f).unwrap().premium_rate.eligible);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MerchantFacts {
    /// Monthly volumes, oldest first; the last is the latest month.
    pub monthly_volumes: Vec<Money>,
    /// Number of devices.
    pub devices: u32,
    /// An annual agreement is signed.
    pub annual_agreement: bool,
    /// A risk-control record exists.
    pub risk_record: bool,
    /// How the merchant is verified.
    pub verification: Verification,
}

/// One eligibility answer.
///
/// ```
/// use posfee_core::*;
/// let f = MerchantFacts { monthly_volumes: vec![], devices: 99, annual_agreement: true, risk_record: false, verification: Verification::FaceAndCard };
/// let e = eligibility(&Plan::upos().unwrap(), &f).unwrap();
/// assert_eq!(e.bulk_rate.unmet, vec!["devices"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(
    test,
    derive(ts_rs::TS),
    ts(rename_all = "camelCase", rename = "EligibilityAnswer")
)]
pub struct Answer {
    /// Every condition is met.
    pub eligible: bool,
    /// Codes of the conditions not met, in a fixed order.
    pub unmet: Vec<&'static str>,
    /// What to do next.
    pub steps: Arc<[Step]>,
}

/// The three eligibility answers.
///
/// ```
/// use posfee_core::*;
/// let f = MerchantFacts { monthly_volumes: vec![Money::from_fen(6_000_000); 3], devices: 1, annual_agreement: false, risk_record: false, verification: Verification::FaceAndCard };
/// assert!(eligibility(&Plan::upos().unwrap(), &f).unwrap().limit_upgrade.eligible);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct EligibilityAnswers {
    /// The premium credit rate.
    pub premium_rate: Answer,
    /// The bulk credit rate.
    pub bulk_rate: Answer,
    /// A limit upgrade.
    pub limit_upgrade: Answer,
}

/// Answers what the merchant is eligible for. See [`EligibilityAnswers`].
pub fn eligibility(plan: &Plan, facts: &MerchantFacts) -> Result<EligibilityAnswers> {
    let e = plan.section(&plan.data().eligibility, "eligibility")?;
    let latest = facts.monthly_volumes.last().copied().unwrap_or(Money::ZERO);
    let mut premium = Vec::new();
    if latest <= e.premium_rate.monthly_volume_above {
        premium.push("monthly_volume");
    }
    let mut bulk = Vec::new();
    if facts.devices < e.bulk_rate.min_devices {
        bulk.push("devices");
    }
    if e.bulk_rate.annual_agreement && !facts.annual_agreement {
        bulk.push("annual_agreement");
    }
    let u = &e.limit_upgrade;
    let n = usize::try_from(u.consecutive_months).unwrap_or(usize::MAX);
    let recent = facts
        .monthly_volumes
        .len()
        .checked_sub(n)
        .and_then(|start| facts.monthly_volumes.get(start..));
    let mut upgrade = Vec::new();
    if !recent.is_some_and(|months| months.iter().all(|m| *m > u.monthly_volume_above)) {
        upgrade.push("monthly_volume");
    }
    if facts.risk_record {
        upgrade.push("risk_record");
    }
    if !u.verifications.contains(&facts.verification) {
        upgrade.push("verification");
    }
    let raise = plan
        .data()
        .limits
        .as_ref()
        .map(|l| l.raise_steps.clone())
        .unwrap_or_else(|| Arc::from(Vec::new()));
    Ok(EligibilityAnswers {
        premium_rate: Answer {
            eligible: premium.is_empty(),
            unmet: premium,
            steps: e.premium_rate.steps.clone(),
        },
        bulk_rate: Answer {
            eligible: bulk.is_empty(),
            unmet: bulk,
            steps: e.bulk_rate.steps.clone(),
        },
        limit_upgrade: Answer {
            eligible: upgrade.is_empty(),
            unmet: upgrade,
            steps: raise,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(
        months: &[i64],
        devices: u32,
        agreement: bool,
        risk: bool,
        v: Verification,
    ) -> MerchantFacts {
        MerchantFacts {
            monthly_volumes: months.iter().map(|f| Money::from_fen(*f)).collect(),
            devices,
            annual_agreement: agreement,
            risk_record: risk,
            verification: v,
        }
    }

    #[test]
    fn thresholds_are_strictly_above() {
        let plan = Plan::upos().unwrap();
        let at = eligibility(
            &plan,
            &facts(&[10_000_000], 1, false, false, Verification::FaceAndCard),
        )
        .unwrap();
        assert_eq!(at.premium_rate.unmet, vec!["monthly_volume"]);
        let above = eligibility(
            &plan,
            &facts(&[10_000_001], 1, false, false, Verification::FaceAndCard),
        )
        .unwrap();
        assert!(above.premium_rate.eligible);
    }

    #[test]
    fn limit_upgrade_needs_every_recent_month_and_lists_all_that_is_unmet() {
        let plan = Plan::upos().unwrap();
        let e = eligibility(
            &plan,
            &facts(
                &[1, 6_000_000, 6_000_000],
                1,
                false,
                true,
                Verification::FaceOnly,
            ),
        )
        .unwrap();
        assert_eq!(
            e.limit_upgrade.unmet,
            vec!["monthly_volume", "risk_record", "verification"]
        );
        let ok = eligibility(
            &plan,
            &facts(
                &[1, 6_000_000, 6_000_000, 6_000_000],
                1,
                false,
                false,
                Verification::FaceAndCard,
            ),
        )
        .unwrap();
        assert!(ok.limit_upgrade.eligible);
        assert_eq!(ok.limit_upgrade.steps.len(), 3);
        assert_eq!(ok.bulk_rate.unmet, vec!["devices", "annual_agreement"]);
    }
}
