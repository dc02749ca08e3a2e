//! The generator of the baked modules: Rust source text for loaded data.
//!
//! Every struct is destructured in full, so a field added to the data
//! types does not compile until it is baked here too. Run the tests with
//! `POSFEE_BLESS=1` to rewrite the modules after a data file changes.

use crate::audit::CausesFile;
use crate::calendar::{
    Calendar, DataOrigin, NamePair, NameTable, Spill, SpillDay, YearData, YearVersion,
};
use crate::contract::{ChannelDef, ContractChannel, ContractChannels};
use crate::diagnose::{
    Catalogue, CauseData, ManyPayments, SignalData, SituationData, TextData, Thresholds,
};
use crate::merchant::{MerchantTier, Verification};
use crate::money::{Money, Rounding};
use crate::payment::{CardKind, CardMedium, Method, Wallet};
use crate::plan::{
    Acceptance, Activation, Advice, AdviceStep, AmountRange, BulkRateRule, Condition, CreditRates,
    DailyLimit, Eligibility, FeeRule, FrozenReview, Instead, Licence, LimitUpgradeRule, Limits,
    Milestone, Percent, PlanData, PremiumRateRule, Provider, RealtimeMode, Settlement,
    SettlementRule, SingleLimit, Step, Window,
};
#[cfg(feature = "statements")]
use crate::profile::ProfileData;
use crate::sorted_map::SortedMap;
use crate::time::ClockTime;
use chrono::{Datelike, NaiveDate, Timelike};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The longest group of items written on one line.
const INLINE_WIDTH: usize = 80;

/// Rust source text being written, with the names it uses.
pub(crate) struct Out {
    text: String,
    depth: usize,
    /// Full paths of the names used (`crate::plan::FeeRule`), imported at the top.
    uses: BTreeSet<String>,
}

impl Out {
    fn new(depth: usize) -> Out {
        Out {
            text: String::new(),
            depth,
            uses: BTreeSet::new(),
        }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Writes a name and records its import.
    fn name(&mut self, module: &str, name: &str) {
        self.uses.insert(format!("{module}::{name}"));
        self.push(name);
    }

    fn line(&mut self, depth: usize) {
        self.text.push('\n');
        for _ in 0..depth {
            self.text.push_str("    ");
        }
    }

    /// One value as text, one level deeper than here.
    fn render(&mut self, value: &dyn Bake) -> String {
        let mut sub = Out::new(self.depth + 1);
        value.bake(&mut sub);
        self.uses.append(&mut sub.uses);
        sub.text
    }

    /// Items between `open` and `close`: on one line when short, else one a
    /// line. `rest` ends the items without a comma (`..Default::default()`).
    fn group(
        &mut self,
        open: &str,
        items: &[String],
        rest: Option<&str>,
        close: &str,
        spaced: bool,
    ) {
        let mut all: Vec<&str> = items.iter().map(String::as_str).collect();
        all.extend(rest);
        let width: usize = all.iter().map(|i| i.chars().count() + 2).sum();
        if width <= INLINE_WIDTH && !all.iter().any(|i| i.contains('\n')) {
            let pad = if spaced { " " } else { "" };
            self.push(open);
            self.push(pad);
            self.push(&all.join(", "));
            self.push(pad);
            self.push(close);
        } else {
            self.push(open);
            for item in items {
                self.line(self.depth + 1);
                self.push(item);
                self.push(",");
            }
            if let Some(rest) = rest {
                self.line(self.depth + 1);
                self.push(rest);
            }
            self.line(self.depth);
            self.push(close);
        }
    }

    /// A sequence of values.
    fn seq<'a, T: Bake + 'a>(
        &mut self,
        open: &str,
        items: impl IntoIterator<Item = &'a T>,
        close: &str,
    ) {
        let items: Vec<String> = items.into_iter().map(|v| self.render(v)).collect();
        self.group(open, &items, None, close, false);
    }

    /// The fields of a struct literal whose name is already written; `rest`
    /// fills the fields not given with their defaults.
    fn fields(&mut self, fields: &[(&str, &dyn Bake)], rest: bool) {
        let items: Vec<String> = fields
            .iter()
            .map(|(name, v)| match self.render(*v) {
                // `years: years` is written `years`.
                same if same == *name => same,
                value => format!("{name}: {value}"),
            })
            .collect();
        self.group(
            " {",
            &items,
            rest.then_some("..Default::default()"),
            "}",
            true,
        );
    }
}

/// A value that can be written as a Rust expression building it.
pub(crate) trait Bake {
    /// Writes the expression.
    fn bake(&self, out: &mut Out);
}

/// The source of a baked module: a header naming the data file, the
/// imports, and `pub(crate) fn data() -> T` building the value.
pub(crate) fn module(source: &str, doc: &str, ty: (&str, &str), value: &dyn Bake) -> String {
    let mut body = Out::new(1);
    body.line(1);
    value.bake(&mut body);
    body.uses.insert(format!("{}::{}", ty.0, ty.1));
    let mut imports: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for path in &body.uses {
        if let Some((module, name)) = path.rsplit_once("::") {
            imports.entry(module).or_default().push(name);
        }
    }
    let mut text = format!(
        "// @generated from core/data/{source} by core/src/baked/bake.rs: do not edit.\n\
         // Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.\n\n"
    );
    for (module, names) in imports {
        match names.as_slice() {
            [one] => text.push_str(&format!("use {module}::{one};\n")),
            many => text.push_str(&format!("use {module}::{{{}}};\n", many.join(", "))),
        }
    }
    text.push_str(&format!(
        "\n/// {doc}\npub(crate) fn data() -> {} {{{}\n}}\n",
        ty.1, body.text
    ));
    text
}

macro_rules! bake_display {
    ($($ty:ty),*) => {$(
        impl Bake for $ty {
            fn bake(&self, out: &mut Out) {
                out.push(&self.to_string());
            }
        }
    )*};
}

bake_display!(u32, i32, i64, usize, bool);

/// Bit masks, in hex.
impl Bake for u64 {
    fn bake(&self, out: &mut Out) {
        out.push(&format!("{self:#x}"));
    }
}

impl Bake for Arc<str> {
    fn bake(&self, out: &mut Out) {
        out.name("super", "text");
        out.push(&format!("({:?})", &**self));
    }
}

impl Bake for String {
    fn bake(&self, out: &mut Out) {
        out.push(&format!("String::from({self:?})"));
    }
}

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, out: &mut Out) {
        match self {
            None => out.push("None"),
            Some(v) => {
                out.push("Some(");
                v.bake(out);
                out.push(")");
            }
        }
    }
}

impl<T: Bake> Bake for Vec<T> {
    fn bake(&self, out: &mut Out) {
        if self.is_empty() {
            out.push("Vec::new()");
        } else {
            out.seq("vec![", self, "]");
        }
    }
}

impl<T: Bake, const N: usize> Bake for [T; N] {
    fn bake(&self, out: &mut Out) {
        out.seq("[", self, "]");
    }
}

impl<T: Bake> Bake for Arc<[T]> {
    fn bake(&self, out: &mut Out) {
        out.name("std::sync", "Arc");
        out.seq("::from([", self.iter(), "])");
    }
}

impl<T: Bake> Bake for Arc<T> {
    fn bake(&self, out: &mut Out) {
        out.name("std::sync", "Arc");
        out.push("::new(");
        (**self).bake(out);
        out.push(")");
    }
}

impl<A: Bake, B: Bake> Bake for (A, B) {
    fn bake(&self, out: &mut Out) {
        let items = [out.render(&self.0), out.render(&self.1)];
        out.group("(", &items, None, ")", false);
    }
}

/// Maps keyed by text, in key order.
impl<V: Bake> Bake for BTreeMap<String, V> {
    fn bake(&self, out: &mut Out) {
        out.name("std::collections", "BTreeMap");
        let pairs: Vec<Keyed<'_, V>> = self.iter().map(|(k, v)| Keyed(k, v)).collect();
        out.seq("::from([", &pairs, "])");
    }
}

/// A text key and a value borrowed, baked as a tuple.
struct Keyed<'a, V>(&'a str, &'a V);

impl<V: Bake> Bake for Keyed<'_, V> {
    fn bake(&self, out: &mut Out) {
        out.push(&format!("(String::from({:?}), ", self.0));
        self.1.bake(out);
        out.push(")");
    }
}

/// Maps keyed by year.
impl<V: Bake> Bake for SortedMap<i32, V> {
    fn bake(&self, out: &mut Out) {
        if self.is_empty() {
            out.name("crate::sorted_map", "SortedMap");
            out.push("::new()");
        } else {
            out.name("super", "map");
            let pairs: Vec<Pair<'_, V>> = self.iter().map(|(k, v)| Pair(*k, v)).collect();
            out.seq("([", &pairs, "])");
        }
    }
}

/// A year and a value borrowed, baked as a tuple.
struct Pair<'a, V>(i32, &'a V);

impl<V: Bake> Bake for Pair<'_, V> {
    fn bake(&self, out: &mut Out) {
        out.push(&format!("({}, ", self.0));
        self.1.bake(out);
        out.push(")");
    }
}

/// A year's named days, as a table of (day of the year, Chinese, English).
impl Bake for SortedMap<u32, (Arc<str>, Arc<str>)> {
    fn bake(&self, out: &mut Out) {
        out.name("super", "day_names");
        let rows: Vec<String> = self
            .iter()
            .map(|(o, (zh, en))| format!("({o}, {:?}, {:?})", &**zh, &**en))
            .collect();
        out.group("(&[", &rows, None, "])", false);
    }
}

impl Bake for Decimal {
    fn bake(&self, out: &mut Out) {
        let m = self.mantissa().unsigned_abs();
        let (lo, mid, hi) = (m as u32, (m >> 32) as u32, (m >> 64) as u32);
        out.name("rust_decimal", "Decimal");
        out.push(&format!(
            "::from_parts({lo}, {mid}, {hi}, {}, {})",
            self.is_sign_negative(),
            self.scale()
        ));
    }
}

impl Bake for Money {
    fn bake(&self, out: &mut Out) {
        assert_eq!(self.as_decimal().scale(), 2, "money is held to the fen");
        out.name("crate::money", "Money");
        out.push(&format!("::from_fen({})", self.fen()));
    }
}

impl Bake for Percent {
    fn bake(&self, out: &mut Out) {
        out.name("crate::plan", "Percent");
        let d = out.render(&self.percent());
        out.push(&format!("::from_decimal({d})"));
    }
}

impl Bake for ClockTime {
    fn bake(&self, out: &mut Out) {
        let t = self.time();
        assert_eq!(
            (t.second(), t.nanosecond()),
            (0, 0),
            "a clock time is HH:MM"
        );
        out.name("crate::time", "ClockTime");
        out.push(&format!("::from_hm({}, {})", t.hour(), t.minute()));
    }
}

impl Bake for NaiveDate {
    fn bake(&self, out: &mut Out) {
        out.name("chrono", "NaiveDate");
        out.push(&format!(
            "::from_yo_opt({}, {}).unwrap_or_default()",
            self.year(),
            self.ordinal()
        ));
    }
}

/// Enums: every variant is named, so a new one does not compile until baked.
macro_rules! bake_enum {
    ($module:literal $ty:ident { $($v:ident),+ $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut Out) {
                out.name($module, stringify!($ty));
                out.push(match self {
                    $($ty::$v => concat!("::", stringify!($v)),)+
                });
            }
        }
    };
}

bake_enum!("crate::payment" Method { Card, Contactless, Qr });
bake_enum!("crate::payment" CardKind { Credit, Debit });
bake_enum!("crate::payment" CardMedium { Chip, Magstripe });
bake_enum!("crate::payment" Wallet { Alipay, Wechat, Unionpay });
bake_enum!("crate::merchant" MerchantTier { New, Premium });
bake_enum!("crate::merchant" Verification { FaceAndCard, FaceOnly, None });
bake_enum!("crate::money" Rounding { HalfUp, HalfEven, Down, Up });
bake_enum!("crate::plan" RealtimeMode { Always, Never, Window });
bake_enum!("crate::calendar" DataOrigin { Embedded, Loaded });
bake_enum!("crate::contract" ContractChannel { Qr, SmallContactless, Debit, Contactless, Credit });

/// Structs: destructured in full, so a new field does not compile until
/// baked. `default` structs write only the fields that differ from
/// `Default::default()`.
macro_rules! bake_struct {
    ($module:literal $ty:ident { $($f:ident),+ $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut Out) {
                let $ty { $($f),+ } = self;
                out.name($module, stringify!($ty));
                out.fields(&[$((stringify!($f), $f as &dyn Bake)),+], false);
            }
        }
    };
    ($module:literal default $ty:ident { $($f:ident),+ $(,)? }) => {
        impl Bake for $ty {
            fn bake(&self, out: &mut Out) {
                let $ty { $($f),+ } = self;
                let default = $ty::default();
                let mut given: Vec<(&str, &dyn Bake)> = Vec::new();
                $(if *$f != default.$f {
                    given.push((stringify!($f), $f as &dyn Bake));
                })+
                out.name($module, stringify!($ty));
                if given.is_empty() {
                    out.push("::default()");
                } else {
                    let all = [$(stringify!($f)),+].len();
                    out.fields(&given, given.len() < all);
                }
            }
        }
    };
}

bake_struct!("crate::plan" default AmountRange { min, above, max, below });
bake_struct!("crate::plan" default Condition {
    rules, methods, card_kinds, card_media, magstripe_verified, wallets, large_mode, amount,
    merchant_tiers, verifications, large_mode_approved, rule_mask,
});
bake_struct!("crate::plan" Step { code, zh, en });
bake_struct!("crate::plan" Provider { name_zh, name_en, support_line, licence, clearing });
bake_struct!("crate::plan" Licence { number, scope_zh, scope_en, valid_until, check_zh, check_en });
bake_struct!("crate::plan" CreditRates { standard, bulk, premium });
bake_struct!("crate::plan" FeeRule {
    id, name_zh, name_en, when, rate_percent, use_credit_rate, cap, minimum, fixed,
});
bake_struct!("crate::plan" Acceptance {
    require_activation, debit_chip_only, wallet_permission_required, large_mode_wallets,
});
bake_struct!("crate::plan" SingleLimit { dimension, when, cap, advice });
bake_struct!("crate::plan" DailyLimit { bucket, class, when, cap, count_cap, advice });
bake_struct!("crate::plan" Advice { id, raisable, zh, en, steps, resolved, alternatives });
bake_struct!("crate::plan" Instead { method, card_kind, card_medium });
bake_struct!("crate::plan" AdviceStep { code, zh, en, instead });
bake_struct!("crate::plan" Limits { single, daily, raise_steps, advice, advice_steps });
bake_struct!("crate::plan" Window { from, until });
bake_struct!("crate::plan" SettlementRule { id, when, realtime, window, working_days_after });
bake_struct!("crate::plan" FrozenReview { first_working_day, last_working_day });
bake_struct!("crate::plan" Settlement { day_cutoff, rules, frozen_review });
bake_struct!("crate::plan" Milestone { volume, cashback });
bake_struct!("crate::plan" Activation { fee, milestones });
bake_struct!("crate::plan" PremiumRateRule { monthly_volume_above, steps });
bake_struct!("crate::plan" BulkRateRule { min_devices, annual_agreement, steps });
bake_struct!("crate::plan" LimitUpgradeRule { monthly_volume_above, consecutive_months, verifications });
bake_struct!("crate::plan" Eligibility { premium_rate, bulk_rate, limit_upgrade });
bake_struct!("crate::plan" PlanData {
    schema_version, plan_id, data_version, name_zh, name_en, source, provider, rounding,
    credit_rates, fee_rules, acceptance, limits, settlement, activation, eligibility,
});
bake_struct!("crate::calendar" YearVersion { year, data_version, origin, notice, papers });
bake_struct!("crate::calendar" YearData {
    off, work, off_bits, work_bits, spill_bits, spill_from, version,
});
bake_struct!("crate::calendar" SpillDay { date, off, names, path });
bake_struct!("crate::calendar" Spill { version, days });
bake_struct!("crate::calendar" NameTable { data_version, note, working_day, names });
bake_struct!("crate::calendar" NamePair { zh, en });
bake_struct!("crate::contract" ContractChannels {
    schema_version, data_version, source, default_name_zh, default_name_en, channels,
});
bake_struct!("crate::contract" ChannelDef { id, name_zh, name_en, when });
#[cfg(feature = "statements")]
bake_struct!("crate::profile" ProfileData {
    schema_version, id, data_version, name_zh, name_en, source, columns, values, time_formats,
    date_formats, thousands_separator, currency_signs, totals_labels, header_search_rows,
});
bake_struct!("crate::audit" CausesFile {
    schema_version, data_version, source, fee_causes, fee_actions, settlement_actions,
});
bake_struct!("crate::diagnose" CauseData {
    code, zh, en, seeds, signals, actions, terminal_keywords, refusal_codes,
});
bake_struct!("crate::diagnose" SituationData { zh, en, causes, recovery_steps, risks });
bake_struct!("crate::diagnose" SignalData { heuristic, source });
bake_struct!("crate::diagnose" ManyPayments { count, within_minutes });
bake_struct!("crate::diagnose" Thresholds {
    late_night, large_amount_above, many_payments, qr_valid_minutes,
});
bake_struct!("crate::diagnose" TextData { zh, en, support_line });
bake_struct!("crate::diagnose" Catalogue {
    schema_version, data_version, source, thresholds, signals, situations, actions,
});

/// A calendar: the years as answered, and the years as loaded written as
/// the same shared data when they are the same (as for a file in posfee's
/// format, which has no December days of another year).
impl Bake for Calendar {
    fn bake(&self, out: &mut Out) {
        let Calendar {
            years,
            base,
            spills,
            source,
        } = self;
        out.push("let years = ");
        years.bake(out);
        out.push(";");
        out.line(out.depth);
        out.name("crate::calendar", "Calendar");
        let shared = Shared;
        let base: &dyn Bake = if base == years { &shared } else { base };
        out.fields(
            &[
                ("base", base),
                ("spills", spills),
                ("source", source),
                ("years", &Verbatim("years")),
            ],
            false,
        );
    }
}

/// `years.clone()`: the years as loaded are the years as answered.
struct Shared;

impl Bake for Shared {
    fn bake(&self, out: &mut Out) {
        out.push("years.clone()");
    }
}

/// Text written as it is.
struct Verbatim(&'static str);

impl Bake for Verbatim {
    fn bake(&self, out: &mut Out) {
        out.push(self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Plan;
    use std::path::Path;

    /// Compares a baked module with what its data file gives; with
    /// `POSFEE_BLESS=1` rewrites it instead. True when it was up to date.
    fn check(file: &str, source: &str, text: &str) -> bool {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/baked")
            .join(file);
        let held = std::fs::read_to_string(&path).unwrap_or_default();
        if held == text {
            return true;
        }
        if std::env::var("POSFEE_BLESS").as_deref() == Ok("1") {
            std::fs::write(&path, text).unwrap();
            eprintln!("rewrote core/src/baked/{file}; build again to use it");
            return false;
        }
        panic!(
            "core/src/baked/{file} is not what core/data/{source} gives; \
             regenerate it with `POSFEE_BLESS=1 cargo test -p posfee-core baked`"
        );
    }

    fn plan_module(source: &str, plan: &Plan) -> String {
        module(
            source,
            &format!("The plan of `core/data/{source}`, validated."),
            ("crate::plan", "PlanData"),
            plan.data(),
        )
    }

    #[test]
    fn upos_plan_is_baked() {
        let loaded = Plan::from_json(include_str!("../../data/plan-upos.json")).unwrap();
        let text = plan_module("plan-upos.json", &loaded);
        if check("plan_upos.rs", "plan-upos.json", &text) {
            assert_eq!(&super::super::plan_upos::data(), loaded.data());
            assert_eq!(Plan::upos().unwrap(), loaded);
        }
    }

    #[test]
    fn reference_plan_is_baked() {
        let loaded = Plan::from_json(include_str!("../../data/plan-reference.json")).unwrap();
        let text = plan_module("plan-reference.json", &loaded);
        if check("plan_reference.rs", "plan-reference.json", &text) {
            assert_eq!(&super::super::plan_reference::data(), loaded.data());
            assert_eq!(Plan::reference().unwrap(), loaded);
        }
    }

    #[test]
    fn calendar_is_baked() {
        let loaded = Calendar::parse(
            include_str!("../../data/calendar-cn.json"),
            DataOrigin::Embedded,
        )
        .unwrap();
        let text = module(
            "calendar-cn.json",
            "The calendar of `core/data/calendar-cn.json`, checked, as embedded data.",
            ("crate::calendar", "Calendar"),
            &loaded,
        );
        if check("calendar_cn.rs", "calendar-cn.json", &text) {
            let baked = super::super::calendar_cn::data();
            assert_eq!(baked, loaded);
            assert_eq!(Calendar::embedded().unwrap(), loaded);
            assert_eq!(baked.versions(), loaded.versions());
            assert_eq!(baked.source(), loaded.source());
            assert_eq!(baked.to_json(), loaded.to_json());
        }
    }

    /// A data file read strictly: posfee's parse (a key given twice is
    /// refused), then serde with unknown keys refused.
    fn strict<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> T {
        let value = crate::load::parse_text(text, crate::ErrorCode::PlanSyntax, what, what)
            .unwrap_or_else(|e| panic!("{what}: {e:?}"));
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{what}: {e}"))
    }

    /// Bakes `loaded`, read from `core/data/{source}`, as
    /// `core/src/baked/{file}`; when that module is up to date, holds what it
    /// builds to `loaded`.
    fn holds<T: Bake + PartialEq + std::fmt::Debug>(
        (file, source): (&str, &str),
        doc: &str,
        ty: (&str, &str),
        loaded: &T,
        baked: fn() -> T,
    ) {
        if check(file, source, &module(source, doc, ty, loaded)) {
            assert_eq!(&baked(), loaded);
        }
    }

    #[test]
    fn contract_channels_are_baked() {
        let loaded = crate::contract::load_channels(crate::contract::CHANNELS_JSON).unwrap();
        holds(
            ("contract_channels.rs", "contract-channels.json"),
            "The contract channel table of `core/data/contract-channels.json`, checked.",
            ("crate::contract", "ContractChannels"),
            &loaded,
            super::super::contract_channels::data,
        );
    }

    #[test]
    fn audit_causes_are_baked() {
        let loaded: CausesFile = strict(crate::audit::CAUSES_JSON, "audit-causes.json");
        assert_eq!(loaded.schema_version, 1);
        assert!(!loaded.fee_causes.is_empty() && !loaded.fee_actions.is_empty());
        assert!(!loaded.settlement_actions.is_empty());
        holds(
            ("audit_causes.rs", "audit-causes.json"),
            "The audit's causes and actions of `core/data/audit-causes.json`.",
            ("crate::audit", "CausesFile"),
            &loaded,
            super::super::audit_causes::data,
        );
    }

    #[test]
    #[cfg(feature = "statements")]
    fn the_generic_statement_profile_is_baked() {
        let loaded: ProfileData = strict(
            crate::profile::GENERIC_JSON,
            "statement-profile-generic.json",
        );
        assert!(crate::StatementProfile::from_data(loaded.clone()).is_ok());
        holds(
            (
                "statement_profile_generic.rs",
                "statement-profile-generic.json",
            ),
            "The generic statement profile of `core/data/statement-profile-generic.json`.",
            ("crate::profile", "ProfileData"),
            &loaded,
            super::super::statement_profile_generic::data,
        );
    }

    #[test]
    fn holiday_names_are_baked() {
        let loaded: NameTable = strict(crate::calendar::NAMES_JSON, "holiday-names.json");
        assert!(
            loaded.working_day.zh.contains("{name}") && loaded.working_day.en.contains("{name}")
        );
        holds(
            ("holiday_names.rs", "holiday-names.json"),
            "The holiday name table of `core/data/holiday-names.json`.",
            ("crate::calendar", "NameTable"),
            &loaded,
            super::super::holiday_names::data,
        );
    }

    #[test]
    fn diagnose_catalogue_is_baked() {
        let loaded: Catalogue = strict(crate::diagnose::CATALOGUE_JSON, "diagnose-catalogue.json");
        assert_eq!(loaded.schema_version, 1);
        holds(
            ("diagnose_catalogue.rs", "diagnose-catalogue.json"),
            "The troubleshooting catalogue of `core/data/diagnose-catalogue.json`.",
            ("crate::diagnose", "Catalogue"),
            &loaded,
            super::super::diagnose_catalogue::data,
        );
    }

    #[test]
    fn baked_text_is_rust() {
        let mut out = Out::new(0);
        Some(vec![Method::Qr, Method::Card]).bake(&mut out);
        assert_eq!(out.text, "Some(vec![Method::Qr, Method::Card])");
        let mut out = Out::new(0);
        Decimal::new(-55, 2).bake(&mut out);
        assert_eq!(out.text, "Decimal::from_parts(55, 0, 0, true, 2)");
        let mut out = Out::new(0);
        Arc::<str>::from("a \"b\"").bake(&mut out);
        assert_eq!(out.text, r#"text("a \"b\"")"#);
    }
}
