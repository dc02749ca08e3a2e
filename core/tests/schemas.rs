//! The loader against the files that test the published JSON Schemas
//! (`schemas/*.schema.json`, checked by `tests/node/schemas.test.mjs`): every
//! file in `tests/schemas/broken/` is refused by the loader as by its schema,
//! and every shipped, test and `tests/schemas/valid/` file loads, so the
//! schemas and the loader agree on the same set.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use posfee_core::{input_from_json, Calendar, ContractInput, Plan};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `.json` files of a folder (relative to the repository) whose names
/// start with `prefix`, sorted.
fn files(dir: &str, prefix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(repo().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".json")
        })
        .collect();
    out.sort();
    out
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_plan_loads() {
    let plans: Vec<PathBuf> = files("core/data", "plan-")
        .into_iter()
        .chain(files("tests/plans", ""))
        .chain(files("tests/schemas/valid", "plan-"))
        .collect();
    assert!(plans.len() >= 7, "{plans:?}");
    for path in plans {
        if let Err(e) = Plan::from_json(&text(&path)) {
            panic!("{} is refused: {e}", path.display());
        }
    }
}

#[test]
fn every_calendar_loads() {
    let calendars: Vec<PathBuf> = files("core/data", "calendar-")
        .into_iter()
        .chain(files("tests/calendars", ""))
        .chain(files("tests/schemas/valid", "calendar-"))
        .collect();
    assert!(calendars.len() >= 4, "{calendars:?}");
    for path in calendars {
        if let Err(e) = Calendar::from_json(&text(&path)) {
            panic!("{} is refused: {e}", path.display());
        }
    }
}

/// Each broken file and the field the loader names when it refuses it: the
/// defect tests/schemas/README.md describes, so the refusal is for that
/// defect and nothing else.
const BROKEN: &[(&str, &str)] = &[
    ("contract-blank-name.json", "contract.name"),
    ("contract-debit-cap-zero.json", "contract.debit_cap"),
    (
        "contract-empty-fixed-fee-channels.json",
        "contract.fixed_fee_channels",
    ),
    (
        "contract-fixed-fee-channels-without-fee.json",
        "contract.fixed_fee_channels",
    ),
    (
        "contract-fixed-fee-three-decimals.json",
        "contract.fixed_fee",
    ),
    ("contract-id-too-long.json", "contract.id"),
    ("contract-id-uppercase.json", "contract.id"),
    (
        "contract-missing-rate.json",
        "contract.rates.small_contactless",
    ),
    ("contract-money-as-number.json", "contract.minimum_fee"),
    ("contract-null-rates.json", "contract.rates"),
    ("contract-rate-as-number.json", "contract.rates.credit"),
    (
        "contract-rate-leading-zero.json",
        "contract.rates.contactless",
    ),
    ("contract-rate-over-100.json", "contract.rates.debit"),
    ("contract-rate-seven-decimals.json", "contract.rates.qr"),
    (
        "contract-rate-with-percent-sign.json",
        "contract.rates.credit",
    ),
    ("contract-unknown-field.json", "contract.discount_percent"),
    (
        "contract-unknown-fixed-fee-channel.json",
        "contract.fixed_fee_channels[1]",
    ),
    (
        "contract-unknown-rate-channel.json",
        "contract.rates.wechat",
    ),
    ("contract-unknown-rounding.json", "contract.rounding"),
    ("calendar-date-slashes.json", "years[0].days_off[0].date"),
    ("calendar-impossible-date.json", "years[0].days_off[1].date"),
    ("calendar-missing-data-version.json", "data_version"),
    (
        "calendar-missing-name-en.json",
        "years[0].working_weekends[0].name_en",
    ),
    ("calendar-missing-schema-version.json", "schema_version"),
    (
        "calendar-missing-working-weekends.json",
        "years[0].working_weekends",
    ),
    ("calendar-no-days-off.json", "years[0].days_off"),
    ("calendar-no-years.json", "years"),
    ("calendar-papers-as-string.json", "years[0].papers"),
    ("calendar-schema-version-2.json", "schema_version"),
    (
        "calendar-unknown-field.json",
        "years[0].days_off[0].isOffDay",
    ),
    ("calendar-unknown-top-field.json", "region"),
    ("calendar-year-as-string.json", "years[0].year"),
    ("calendar-year-out-of-range.json", "years[0].year"),
    ("holiday-cn-blank-name.json", "days[2].name"),
    ("holiday-cn-empty-days.json", "days"),
    ("holiday-cn-extra-day-field.json", "days[0].name_en"),
    ("holiday-cn-impossible-date.json", "days[1].date"),
    ("holiday-cn-isoffday-string.json", "days[0].isOffDay"),
    ("holiday-cn-missing-name.json", "days[0].name"),
    ("holiday-cn-no-day-off.json", "days"),
    ("holiday-cn-year-as-string.json", "year"),
    ("holiday-cn-year-out-of-range.json", "year"),
    ("plan-amount-min-and-above.json", "fee_rules[0].when.amount"),
    ("plan-blank-data-version.json", "data_version"),
    ("plan-cap-zero.json", "fee_rules[1].cap"),
    (
        "plan-consecutive-months-zero.json",
        "eligibility.limit_upgrade.consecutive_months",
    ),
    ("plan-credit-rate-without-tiers.json", "credit_rates"),
    ("plan-cutoff-24h.json", "settlement.day_cutoff"),
    ("plan-daily-cap-and-count.json", "limits.daily[1].cap"),
    ("plan-daily-count-zero.json", "limits.daily[1].cap"),
    ("plan-empty-fee-rules.json", "fee_rules"),
    ("plan-empty-settlement-rules.json", "settlement.rules"),
    (
        "plan-fee-rule-refers-to-rules.json",
        "fee_rules[1].when.rules",
    ),
    ("plan-id-uppercase.json", "plan_id"),
    (
        "plan-missing-acceptance-field.json",
        "acceptance.debit_chip_only",
    ),
    ("plan-missing-fee-rules.json", "fee_rules"),
    ("plan-missing-provider.json", "provider"),
    ("plan-money-as-number.json", "fee_rules[1].cap"),
    ("plan-money-leading-zero.json", "limits.single[0].cap"),
    ("plan-money-three-decimals.json", "activation.fee"),
    ("plan-no-rate.json", "fee_rules[0].rate_percent"),
    ("plan-null-fee-rules.json", "fee_rules"),
    (
        "plan-rate-and-credit-rate.json",
        "fee_rules[2].rate_percent",
    ),
    ("plan-rate-as-number.json", "fee_rules[0].rate_percent"),
    ("plan-rate-negative.json", "fee_rules[1].rate_percent"),
    ("plan-rate-over-100.json", "fee_rules[0].rate_percent"),
    ("plan-rate-seven-decimals.json", "credit_rates.bulk"),
    ("plan-rate-wrong-type.json", "credit_rates.standard"),
    ("plan-review-day-zero.json", "settlement.frozen_review"),
    ("plan-schema-version-2.json", "schema_version"),
    ("plan-schema-version-string.json", "schema_version"),
    (
        "plan-unknown-condition-field.json",
        "fee_rules[0].when.method",
    ),
    ("plan-unknown-field.json", "discount_percent"),
    ("plan-unknown-method.json", "fee_rules[0].when.methods[0]"),
    ("plan-unknown-nested-field.json", "provider.website"),
    ("plan-unknown-realtime.json", "settlement.rules[1].realtime"),
    ("plan-unknown-rounding.json", "rounding"),
    ("plan-window-missing.json", "settlement.rules[2].window"),
    ("plan-window-not-allowed.json", "settlement.rules[0].window"),
    (
        "plan-working-days-zero.json",
        "settlement.rules[0].working_days_after",
    ),
    (
        "statement-profile-no-header-rows.json",
        "header_search_rows",
    ),
    ("statement-profile-unknown-field.json", "columns.colour"),
    (
        "statement-profile-unknown-value.json",
        "values.method.扫码付.method",
    ),
];

/// Checks that every broken file with this prefix is refused at its field.
fn refuses(prefix: &str, load: impl Fn(&str) -> posfee_core::Result<()>) -> usize {
    let broken = files("tests/schemas/broken", prefix);
    for path in &broken {
        let file = name(path);
        let Some((_, field)) = BROKEN.iter().find(|(f, _)| *f == file) else {
            panic!("{file}: add it to BROKEN with the field the loader must name");
        };
        match load(&text(path)) {
            Ok(()) => panic!("{file} is broken (see tests/schemas/README.md) but loads"),
            Err(e) => assert_eq!(
                e.field(),
                *field,
                "{file} is refused for another reason: {e}"
            ),
        }
    }
    broken.len()
}

#[test]
fn every_broken_plan_is_refused_at_its_field() {
    let n = refuses("plan-", |t| Plan::from_json(t).map(drop));
    assert!(n >= 8, "{n} broken plans");
}

#[test]
fn every_broken_calendar_is_refused_at_its_field() {
    let n = refuses("calendar-", |t| Calendar::from_json(t).map(drop));
    assert!(n >= 5, "{n} broken calendars");
}

#[test]
#[cfg(feature = "statements")]
fn every_broken_statement_profile_is_refused_at_its_field() {
    use posfee_core::StatementProfile;
    let n = refuses("statement-profile-", |t| {
        StatementProfile::from_json(t).map(drop)
    });
    assert!(n >= 3, "{n} broken profiles");
    for path in files("tests/schemas/valid", "statement-profile-")
        .into_iter()
        .chain(files("core/data", "statement-profile-"))
    {
        if let Err(e) = StatementProfile::from_json(&text(&path)) {
            panic!("{} is refused: {e}", path.display());
        }
    }
}

#[test]
fn every_broken_file_is_listed() {
    for (file, _) in BROKEN {
        assert!(
            repo().join("tests/schemas/broken").join(file).is_file(),
            "{file} is in BROKEN but not in tests/schemas/broken/"
        );
    }
}

// The holiday-cn files (`tests/schemas/*/holiday-cn-*.json`): `Calendar::from_json`
// recognises the holiday-cn shape.
//   valid:  holiday-cn-full, holiday-cn-no-papers, holiday-cn-with-own-schema
//   broken: holiday-cn-blank-name, holiday-cn-empty-days,
//           holiday-cn-extra-day-field, holiday-cn-impossible-date,
//           holiday-cn-isoffday-string, holiday-cn-missing-name,
//           holiday-cn-no-day-off, holiday-cn-year-as-string,
//           holiday-cn-year-out-of-range

#[test]
fn every_holiday_cn_file_loads() {
    let valid = files("tests/schemas/valid", "holiday-cn-");
    assert!(valid.len() >= 3, "{valid:?}");
    for path in valid {
        if let Err(e) = Calendar::from_json(&text(&path)) {
            panic!("{} is refused: {e}", path.display());
        }
    }
}

#[test]
fn every_broken_holiday_cn_file_is_refused_at_its_field() {
    let n = refuses("holiday-cn-", |t| Calendar::from_json(t).map(drop));
    assert!(n >= 4, "{n} broken holiday-cn files");
}

/// A contract file read as the bindings read it, all the way to a plan on
/// the 优POS plan.
fn contract_plan(text: &str) -> posfee_core::Result<Plan> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let input: ContractInput = input_from_json(value, "contract")?;
    input.to_contract("contract")?.to_plan(&Plan::upos()?)
}

#[test]
fn every_contract_becomes_a_plan() {
    let valid = files("tests/schemas/valid", "contract-");
    assert!(valid.len() >= 4, "{valid:?}");
    for path in valid {
        match contract_plan(&text(&path)) {
            Ok(plan) => assert_eq!(plan.data().fee_rules.len(), 5, "{}", path.display()),
            Err(e) => panic!("{} is refused: {e}", path.display()),
        }
    }
    // The typical contract: 0.60 / 0.50 capped at 20 / 0.38 / 0.38 / 0.60, + 3.00 everywhere.
    let plan = contract_plan(&text(
        &repo().join("tests/schemas/valid/contract-typical.json"),
    ))
    .unwrap();
    for rule in &plan.data().fee_rules {
        assert_eq!(rule.fixed.map(|m| m.to_string()).as_deref(), Some("3.00"));
        let cap = rule.cap.map(|m| m.to_string());
        let want = (&*rule.id == "debit").then_some("20.00");
        assert_eq!(cap.as_deref(), want, "{}", rule.id);
    }
}

#[test]
fn every_broken_contract_is_refused_at_its_field() {
    let n = refuses("contract-", |t| contract_plan(t).map(drop));
    assert!(n >= 8, "{n} broken contracts");
}

/// What the contract schema cannot express: a minimum above the debit cap
/// passes `schemas/contract.schema.json` (schemas/README.md) but not the loader.
#[test]
fn a_minimum_above_the_debit_cap_is_refused_by_the_loader_only() {
    let full = text(&repo().join("tests/schemas/valid/contract-full.json"));
    let mut value: serde_json::Value = serde_json::from_str(&full).unwrap();
    value["minimum_fee"] = "20.01".into();
    let e = contract_plan(&value.to_string()).unwrap_err();
    assert_eq!(
        (e.field(), e.reason().as_str()),
        ("contract.minimum_fee", "out_of_range")
    );
    value["minimum_fee"] = "20.00".into();
    contract_plan(&value.to_string()).unwrap();
}
