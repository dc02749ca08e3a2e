//! The embedded data files as Rust code ("baked" data): all eight files of
//! `core/data/` by one mechanism.
//!
//! [`Plan::upos`](crate::Plan::upos), [`Plan::reference`](crate::Plan::reference),
//! [`Calendar::embedded`](crate::Calendar::embedded), the holiday names, the
//! troubleshooting catalogue, the audit's causes and the contract channels
//! build their data from the generated modules here instead of parsing JSON,
//! so a program that only quotes with the built-in data carries no JSON
//! reader, and nothing is parsed on a first `diagnose` or audit. The JSON files
//! in `core/data/` stay the source of truth: the generator (`bake`, built
//! for tests only) turns the data loaded from them into these modules, and
//! its tests fail when a module differs from what the file gives.
//!
//! To regenerate after editing a data file:
//! `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::sorted_map::SortedMap;
use std::sync::Arc;

#[cfg(test)]
mod bake;
#[rustfmt::skip]
pub(crate) mod audit_causes;
#[rustfmt::skip]
pub(crate) mod calendar_cn;
#[rustfmt::skip]
pub(crate) mod contract_channels;
#[rustfmt::skip]
pub(crate) mod diagnose_catalogue;
#[rustfmt::skip]
pub(crate) mod holiday_names;
#[rustfmt::skip]
pub(crate) mod plan_reference;
#[rustfmt::skip]
pub(crate) mod plan_upos;
#[cfg(feature = "statements")]
#[rustfmt::skip]
pub(crate) mod statement_profile_generic;

/// A text, built by one call that is not inlined: the baked modules hold
/// many, and a call is smaller than an inlined allocation and copy.
#[inline(never)]
fn text(s: &str) -> Arc<str> {
    Arc::from(s)
}

/// A map built by inserting its entries in order.
fn map<K: Ord + Copy, V, const N: usize>(entries: [(K, V); N]) -> SortedMap<K, V> {
    let mut m = SortedMap::new();
    for (k, v) in entries {
        m.insert(k, v);
    }
    m
}

/// A calendar year's named days: day of the year (0-based), Chinese and
/// English names.
fn day_names(days: &[(u32, &str, &str)]) -> SortedMap<u32, (Arc<str>, Arc<str>)> {
    let mut m = SortedMap::new();
    for &(ordinal0, zh, en) in days {
        m.insert(ordinal0, (text(zh), text(en)));
    }
    m
}
