//! Activation and cashback (RULES §8).

use crate::error::{Error, Result};
use crate::money::Money;
use crate::plan::{Milestone, Plan};
use serde::Serialize;

/// The next cashback milestone and the volume still needed to reach it.
///
/// ```
/// # use posfee_core::*;
/// let a = activation_progress(&Plan::upos().unwrap(), Money::from_fen(499_999)).unwrap();
/// let next = a.next.unwrap();
/// assert_eq!(next.still_needed.to_string(), "0.01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct NextMilestone {
    /// The milestone's volume.
    pub volume: Money,
    /// Its cashback.
    pub cashback: Money,
    /// Volume still needed.
    pub still_needed: Money,
}

/// Where a merchant stands on activation cashback.
///
/// ```
/// use posfee_core::*;
/// let a = activation_progress(&Plan::upos().unwrap(), Money::from_fen(1_000_000)).unwrap();
/// assert_eq!(a.earned.to_string(), "200.00");
/// assert_eq!(a.net_cost.to_string(), "99.00");
/// assert!(a.next.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ActivationProgress {
    /// The activation service fee.
    pub activation_fee: Money,
    /// The volume counted (after activation; the activation swipe excluded).
    pub volume: Money,
    /// Cashback earned so far.
    pub earned: Money,
    /// Activation fee minus cashback earned.
    pub net_cost: Money,
    /// Milestones reached.
    pub reached: Vec<Milestone>,
    /// The next milestone, if any.
    pub next: Option<NextMilestone>,
}

/// Cashback earned on a cumulative volume after activation.
///
/// See [`ActivationProgress`] for an example.
pub fn activation_progress(plan: &Plan, volume: Money) -> Result<ActivationProgress> {
    let a = plan.section(&plan.data().activation, "activation")?;
    let mut earned = Money::ZERO;
    let mut reached = Vec::new();
    let mut next = None;
    for m in &a.milestones {
        if volume >= m.volume {
            earned = earned
                .checked_add(m.cashback)
                .ok_or_else(|| Error::overflow("activation"))?;
            reached.push(*m);
        } else if next.is_none() {
            next = Some(NextMilestone {
                volume: m.volume,
                cashback: m.cashback,
                still_needed: m
                    .volume
                    .checked_sub(volume)
                    .ok_or_else(|| Error::overflow("volume"))?,
            });
        }
    }
    Ok(ActivationProgress {
        activation_fee: a.fee,
        volume,
        earned,
        net_cost: a
            .fee
            .checked_sub(earned)
            .ok_or_else(|| Error::overflow("activation"))?,
        reached,
        next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(fen: i64) -> ActivationProgress {
        activation_progress(&Plan::upos().unwrap(), Money::from_fen(fen)).unwrap()
    }

    #[test]
    fn milestones_are_inclusive_and_cumulative() {
        assert_eq!(at(0).earned, Money::ZERO);
        assert_eq!(at(0).next.unwrap().still_needed, Money::from_fen(500_000));
        assert_eq!(at(499_999).earned, Money::ZERO);
        assert_eq!(at(500_000).earned, Money::from_fen(15_000));
        assert_eq!(at(500_000).next.unwrap().volume, Money::from_fen(1_000_000));
        assert_eq!(at(1_000_000).earned, Money::from_fen(20_000));
        assert_eq!(at(1_000_000).net_cost, Money::from_fen(9_900));
        assert_eq!(at(1_000_000).reached.len(), 2);
    }
}
