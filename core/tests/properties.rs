//! Property tests: invariants that must hold for every input, on every plan.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::{Datelike, NaiveDate, NaiveTime};
use posfee_core::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn acme() -> Plan {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/plans/acme.json"
    ))
    .unwrap();
    Plan::from_json(&text).unwrap()
}

fn plans() -> Vec<Plan> {
    vec![Plan::upos().unwrap(), Plan::reference().unwrap(), acme()]
}

fn instrument() -> impl Strategy<Value = Instrument> {
    prop_oneof![
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(debit, mag, ver)| {
            Instrument::Card {
                kind: if debit {
                    CardKind::Debit
                } else {
                    CardKind::Credit
                },
                medium: if mag {
                    CardMedium::Magstripe
                } else {
                    CardMedium::Chip
                },
                magstripe_verified: mag && ver,
            }
        }),
        any::<bool>().prop_map(|debit| Instrument::Contactless {
            kind: if debit {
                CardKind::Debit
            } else {
                CardKind::Credit
            }
        }),
        (0..3usize, any::<bool>()).prop_map(|(w, large)| Instrument::Qr {
            wallet: Wallet::ALL[w],
            large_mode: large,
        }),
    ]
}

/// Amounts in fen, weighted toward the plans' boundaries.
fn amount_fen() -> impl Strategy<Value = i64> {
    prop_oneof![
        1..=MAX_AMOUNT_FEN,
        1..=2_000_000i64,
        prop::sample::select(vec![
            1, 99, 100, 12_500, 99_999, 100_000, 100_001, 199_999, 200_000, 200_001, 499_999,
            500_000, 500_001, 1_000_000, 1_000_001, 5_000_000, 5_000_001
        ]),
    ]
}

fn merchant() -> impl Strategy<Value = Merchant> {
    (
        0..2usize,
        0..3usize,
        0..3usize,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(t, v, c, act, en, ver, lm)| Merchant {
            tier: MerchantTier::ALL[t],
            verification: Verification::ALL[v],
            credit_rate: CreditRate::ALL[c],
            activated: act,
            wallets: Wallets {
                alipay: WalletStatus {
                    enabled: en,
                    verified: ver,
                },
                wechat: WalletStatus {
                    enabled: en,
                    verified: ver,
                },
                unionpay: WalletStatus {
                    enabled: en,
                    verified: ver,
                },
            },
            large_mode_approved: lm,
        })
}

fn time_in(from: NaiveDate, days: i64) -> impl Strategy<Value = ChinaDateTime> {
    (0..days, 0..86_400u32).prop_map(move |(d, s)| {
        let date = from + chrono::Duration::days(d);
        ChinaDateTime::from_local(
            date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap()),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fee_is_non_negative_and_net_plus_fee_is_amount(fen in amount_fen(), i in instrument(), m in merchant()) {
        for plan in plans() {
            let c = Charge { amount: Money::from_fen(fen), instrument: i };
            if let Ok(f) = fee(&plan, &m, &c) {
                prop_assert!(f.fee >= Money::ZERO);
                prop_assert_eq!(f.net.checked_add(f.fee).unwrap(), c.amount);
                prop_assert_eq!(f.detail.percentage.checked_add(f.detail.fixed).unwrap(), f.fee);
            }
        }
    }

    #[test]
    fn fee_is_non_decreasing_in_amount_within_a_rule(a in amount_fen(), b in amount_fen(), i in instrument(), m in merchant()) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        for plan in plans() {
            let fl = fee(&plan, &m, &Charge { amount: Money::from_fen(lo), instrument: i });
            let fh = fee(&plan, &m, &Charge { amount: Money::from_fen(hi), instrument: i });
            if let (Ok(fl), Ok(fh)) = (fl, fh) {
                if fl.rule.id == fh.rule.id {
                    prop_assert!(fl.fee <= fh.fee, "{} {:?}: fee({lo}) = {} > fee({hi}) = {}", plan.id(), i, fl.fee, fh.fee);
                }
            }
        }
    }

    #[test]
    fn integer_batch_path_equals_decimal_path(fen in amount_fen(), i in instrument(), m in merchant()) {
        for plan in plans() {
            let table = FeeTable::new(&plan, &m).unwrap();
            let c = Charge { amount: Money::from_fen(fen), instrument: i };
            let decimal = fee(&plan, &m, &c).ok().map(|f| f.fee.fen());
            prop_assert_eq!(table.fee_fen(fen, i), decimal, "{} {:?} {}", plan.id(), i, fen);
        }
    }

    #[test]
    fn integer_batch_path_equals_decimal_path_for_rates_of_every_scale(
        rates in prop::collection::vec((1u64..=10_000_000, 0u32..=6), 4),
        rounding in prop::sample::select(vec!["half_up", "half_even", "down", "up"]),
        fen in amount_fen(), i in instrument(), m in merchant(),
    ) {
        // acme's four rates replaced by rates of mixed scales (up to six
        // places of a percent, at most 100 %), under each rounding.
        let mut text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/plans/acme.json")).unwrap();
        text = text.replace("\"half_even\"", &format!("\"{rounding}\""));
        for (old, (mantissa, scale)) in ["\"0.30\"", "\"0.35\"", "\"0.45\"", "\"0.40\""].iter().zip(&rates) {
            let rate = rust_decimal::Decimal::new(i64::try_from(*mantissa).unwrap(), *scale).min(rust_decimal::Decimal::ONE_HUNDRED);
            text = text.replace(&format!("\"rate_percent\": {old}"), &format!("\"rate_percent\": \"{rate}\""));
        }
        let plan = Plan::from_json(&text).unwrap();
        let table = FeeTable::new(&plan, &m).unwrap();
        let c = Charge { amount: Money::from_fen(fen), instrument: i };
        let decimal = fee(&plan, &m, &c).ok().map(|f| f.fee.fen());
        prop_assert_eq!(table.fee_fen(fen, i), decimal, "{} {:?} {} {}", rounding, i, fen, text);
        prop_assert_eq!(table.instrument(i).fee_fen(fen), decimal);
    }

    #[test]
    fn a_deferred_arrival_is_a_working_day_strictly_after_the_accounting_date(
        t in time_in(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(), 1450), fen in amount_fen(), i in instrument()
    ) {
        let cal = Calendar::embedded().unwrap();
        for plan in [Plan::upos().unwrap(), acme()] {
            let p = Payment { amount: Money::from_fen(fen), instrument: i, time: t };
            let a = arrival(&plan, &cal, &p, false).unwrap();
            prop_assert!(a.accounting_date >= t.date());
            if a.realtime {
                prop_assert_eq!(a.date, t.date());
            } else {
                prop_assert!(a.date > a.accounting_date);
                prop_assert!(cal.is_working_day(a.date).unwrap());
                prop_assert!(!a.provisional);
            }
        }
    }

    #[test]
    fn provisional_answers_are_marked(t in time_in(NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(), 40), i in instrument()) {
        let cal = Calendar::embedded().unwrap();
        let plan = Plan::upos().unwrap();
        let p = Payment { amount: Money::from_fen(10_000), instrument: i, time: t };
        match arrival(&plan, &cal, &p, false) {
            Ok(a) => prop_assert!(!a.provisional && (a.realtime || a.date.year() <= 2026)),
            Err(e) => {
                prop_assert_eq!(e.year(), Some(2027));
                let a = arrival(&plan, &cal, &p, true).unwrap();
                prop_assert!(a.provisional);
                prop_assert_eq!(a.uncovered_years, vec![2027]);
            }
        }
    }

    #[test]
    fn a_refusal_never_turns_into_acceptance_as_usage_grows(
        fen in amount_fen(), i in instrument(), m in merchant(),
        base in prop::collection::vec(0..40_000_000i64, 7), extra in prop::collection::vec(0..40_000_000i64, 7),
        counts in (0..6u32, 0..3u32),
    ) {
        let plan = Plan::upos().unwrap();
        let cal = Calendar::embedded().unwrap();
        let p = Payment { amount: Money::from_fen(fen), instrument: i, time: ChinaDateTime::parse("t", "2025-03-12T10:00").unwrap() };
        let buckets = ["credit", "small_contactless", "qr", "merchant_tier", "card_medium", "verification"];
        let usage = |add: bool, count_extra: u32| {
            let mut used = BTreeMap::new();
            for (k, b) in buckets.iter().enumerate() {
                let v = base[k] + if add { extra[k] } else { 0 };
                used.insert(b.to_string(), Money::from_fen(v));
            }
            let mut c = BTreeMap::new();
            c.insert("qr_large_count".to_string(), counts.0 + count_extra);
            DailyUsage { used, counts: c }
        };
        let small = quote(&plan, &cal, &m, &p, &usage(false, 0), QuoteOptions::default()).unwrap();
        let large = quote(&plan, &cal, &m, &p, &usage(true, counts.1), QuoteOptions::default()).unwrap();
        if !small.is_accepted() {
            prop_assert!(!large.is_accepted());
        }
    }

    #[test]
    fn money_parsing_never_panics_and_round_trips(s in "\\PC{0,20}", fen in 1..=MAX_AMOUNT_FEN) {
        let _ = Money::parse_amount("amount", &s);
        let _ = Money::parse_non_negative("volume", &s);
        let m = Money::from_fen(fen);
        prop_assert_eq!(Money::parse_amount("amount", &m.to_string()).unwrap(), m);
    }

    #[test]
    fn time_parsing_never_panics(s in "[0-9T:+\\-Zz. ]{0,32}", t in "\\PC{0,30}") {
        let _ = ChinaDateTime::parse("time", &s);
        let _ = ChinaDateTime::parse("time", &t);
        let _ = parse_date("submitted", &t);
    }

    #[test]
    fn data_loading_never_panics(s in "\\PC{0,200}") {
        let _ = Plan::from_json(&s);
        let _ = Calendar::from_json(&s);
    }

    #[test]
    fn mutated_plans_never_panic(pos in 0usize..12_000, ch in "[0-9a-z\"{}\\[\\],:.-]") {
        let text = Plan::upos().unwrap().to_json();
        let pos = pos.min(text.len());
        if text.is_char_boundary(pos) {
            let mut t = text.clone();
            t.insert_str(pos, &ch);
            if let Ok(p) = Plan::from_json(&t) {
                // Whatever loads must still price and quote without panicking.
                let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
                let pay = Payment { amount: Money::from_fen(123_456), instrument: Instrument::Contactless { kind: CardKind::Credit }, time: ChinaDateTime::parse("t", "2025-03-12T23:30").unwrap() };
                let _ = quote(&p, &Calendar::embedded().unwrap(), &m, &pay, &DailyUsage::default(), QuoteOptions::default());
            }
        }
    }

    #[test]
    fn holiday_cn_files_never_panic(pos in 0usize..4_000, ch in "[0-9a-zA-Z\"{}\\[\\],:.\\- ]", version in proptest::option::of("[0-9.]{0,8}")) {
        // A mutated holiday-cn file: whatever loads must extend a calendar
        // and answer arrivals without panicking.
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/calendars/holiday-cn-2027-fictional.json")).unwrap();
        let pos = pos.min(text.len());
        if text.is_char_boundary(pos) {
            let mut t = text.clone();
            t.insert_str(pos, &ch);
            let loaded = Calendar::from_holiday_cn(&t, version.as_deref());
            let _ = Calendar::from_json(&t);
            if let Ok(extra) = loaded {
                let mut cal = Calendar::embedded().unwrap();
                if cal.extend(&extra).is_ok() {
                    let plan = Plan::upos().unwrap();
                    let pay = Payment { amount: Money::from_fen(10_000), instrument: Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Chip, magstripe_verified: false }, time: ChinaDateTime::parse("t", "2026-12-30T23:30").unwrap() };
                    let _ = arrival(&plan, &cal, &pay, false);
                    let _ = cal.valid_until();
                }
            }
        }
    }

    #[test]
    fn contract_inputs_never_panic(rate in "\\PC{0,12}", money in "\\PC{0,12}", field in 0usize..8) {
        let good = || Some("0.60".to_string());
        let mut c = ContractInput {
            rates: Some(ContractRatesInput { credit: good(), debit: good(), qr: good(), small_contactless: good(), contactless: good() }),
            ..ContractInput::default()
        };
        if let Some(r) = c.rates.as_mut() {
            match field {
                0 => r.credit = Some(rate.clone()),
                1 => r.debit = Some(rate.clone()),
                2 => r.qr = Some(rate.clone()),
                3 => r.small_contactless = Some(rate.clone()),
                _ => r.contactless = Some(rate.clone()),
            }
        }
        match field {
            5 => c.debit_cap = Some(money.clone()),
            6 => c.fixed_fee = Some(money.clone()),
            7 => c.minimum_fee = Some(money.clone()),
            _ => {}
        }
        if let Ok(contract) = c.to_contract("contract") {
            let _ = contract.to_plan(&Plan::upos().unwrap());
        }
    }

    #[test]
    fn a_contract_prices_by_its_own_rates(
        rate_bp in 0u32..500, fixed_fen in 0i64..500, min_fen in 0i64..300, amount_fen in 1i64..10_000_000,
    ) {
        // Oracle: the credit-card fee of a contract is amount × rate rounded
        // half up to the fen, raised to the minimum, plus the fixed fee.
        let money = |fen: i64| Money::from_fen(fen).to_string();
        let rate = format!("{}.{:02}", rate_bp / 100, rate_bp % 100);
        let c = ContractInput {
            rates: Some(ContractRatesInput { credit: Some(rate.clone()), debit: Some("0.50".into()), qr: Some("0.38".into()), small_contactless: Some("0.38".into()), contactless: Some("0.60".into()) }),
            fixed_fee: Some(money(fixed_fen)),
            minimum_fee: Some(money(min_fen)),
            ..ContractInput::default()
        };
        let plan = c.to_contract("contract").unwrap().to_plan(&Plan::upos().unwrap()).unwrap();
        let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
        let charge = Charge { amount: Money::from_fen(amount_fen), instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false } };
        let f = fee(&plan, &m, &charge).unwrap();
        // amount_fen × rate_bp / 10_000, half up, in whole fen.
        let num = i128::from(amount_fen) * i128::from(rate_bp);
        let pct = i64::try_from((num + 5_000) / 10_000).unwrap();
        let want = pct.max(min_fen) + fixed_fen;
        prop_assert_eq!(f.fee.fen(), want, "rate {} amount {}", rate, amount_fen);
        prop_assert_eq!(f.net.fen(), amount_fen - want);
    }

}
