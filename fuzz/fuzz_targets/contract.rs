//! Contracts: an arbitrary `ContractInput` (rates, caps, fees, channels and
//! rounding chosen from valid words and values or arbitrary text) through
//! `to_contract`, `to_plan` on every base plan, and `compare_contract`
//! against every plan with an arbitrary mix.
//!
//! Checks: no panic; the input survives a JSON round trip through
//! `input_from_json` with the same answer; errors name a field under
//! `contract`; an accepted rate prints and re-parses to itself; a contract's
//! plan prints as JSON that loads to the same plan; quotes with it keep the
//! quote invariants; a comparison's totals are the sums of its lines and
//! channels, its difference is total_b − total_a, its saving |difference|,
//! and its cheaper side the smaller total; each line's fee is `fee()`'s.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use posfee_core::{
    compare_contract, input_from_json, parse_rate, Cheaper, ContractChannel, ContractInput,
    ContractRatesInput, DailyUsage, Engine, MixLine, Money, Plan, QuoteOptions,
};
use posfee_fuzz::{AmountText, MerchantCase, PaymentCase, Word};

/// A rate field: mostly (80 %) a value with up to eight decimals.
#[derive(Debug, Clone)]
enum RateText {
    Missing,
    /// `value / 10^decimals` percent, decimals % 9.
    Value(u32, u8),
    Special(u8),
    Any(String),
}

impl<'a> Arbitrary<'a> for RateText {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u.arbitrary::<u8>()? {
            0..=204 => RateText::Value(u.arbitrary()?, u.arbitrary()?),
            205..=234 => RateText::Special(u.arbitrary()?),
            235..=244 => RateText::Missing,
            _ => RateText::Any(u.arbitrary()?),
        })
    }
}

const SPECIAL_RATES: &[&str] = &[
    "0.60", "0", "0.0", "100", "100.000000", "100.0000001", "0.000001", "0.0000001", "-0.5",
    "+0.5", "0.60%", "00.5", ".5", "5.", "1e-2", "０.６", " 0.6", "",
];

impl RateText {
    fn resolve(&self) -> Option<String> {
        match self {
            RateText::Missing => None,
            RateText::Value(v, d) => {
                let d = u32::from(d % 9);
                let p = 10u64.pow(d);
                // Mostly realistic rates (up to 2 %), sometimes up to 101 %.
                let top = if v % 4 == 0 { 101 * p + 2 } else { 2 * p + 1 };
                let v = u64::from(*v / 4) % top;
                Some(if d == 0 {
                    v.to_string()
                } else {
                    format!("{}.{:0width$}", v / p, v % p, width = d as usize)
                })
            }
            RateText::Special(i) => Some(SPECIAL_RATES[usize::from(*i) % SPECIAL_RATES.len()].into()),
            RateText::Any(s) => Some(s.clone()),
        }
    }
}

/// An optional money field: absent half of the time.
#[derive(Arbitrary, Debug, Clone)]
struct OptionalMoney(bool, AmountText);

impl OptionalMoney {
    fn resolve(&self) -> Option<String> {
        if self.0 {
            self.1.resolve()
        } else {
            None
        }
    }
}

#[derive(Arbitrary, Debug, Clone)]
struct Case {
    /// Below 230: rates are given.
    has_rates: u8,
    rates: [RateText; 5],
    id: Word,
    name: Word,
    debit_cap: OptionalMoney,
    fixed_fee: OptionalMoney,
    fixed_fee_channels: Option<Vec<Word>>,
    minimum_fee: OptionalMoney,
    rounding: Word,
    base: u8,
    merchant: MerchantCase,
    mix: Vec<(PaymentCase, u16)>,
}

const IDS: &[&str] = &["contract", "acme_2025", "a", "x0_", "upos", "Contract", "a-b"];
const NAMES: &[&str] = &["某银行 2025 合同", "Acme bank", " ", "\u{0}"];
const ROUNDINGS: &[&str] = &["half_up", "half_even", "down", "up"];

fn input(c: &Case) -> ContractInput {
    ContractInput {
        id: c.id.resolve(IDS),
        name: c.name.resolve(NAMES),
        rates: (c.has_rates < 230).then(|| {
            let [a, b, q, s, l] = &c.rates;
            ContractRatesInput {
                credit: a.resolve(),
                debit: b.resolve(),
                qr: q.resolve(),
                small_contactless: s.resolve(),
                contactless: l.resolve(),
            }
        }),
        debit_cap: c.debit_cap.resolve(),
        fixed_fee: c.fixed_fee.resolve(),
        fixed_fee_channels: c
            .fixed_fee_channels
            .as_ref()
            .map(|v| v.iter().take(8).filter_map(|w| w.resolve(ContractChannel::NAMES)).collect()),
        minimum_fee: c.minimum_fee.resolve(),
        rounding: c.rounding.resolve(ROUNDINGS),
    }
}

fuzz_target!(|case: Case| {
    let ci = input(&case);
    for r in &case.rates {
        if let Some(t) = r.resolve() {
            if let Ok(p) = parse_rate("rate", &t) {
                let s = p.to_string();
                assert_eq!(parse_rate("rate", &s).ok(), Some(p), "{t:?} -> {s:?}");
            }
        }
    }
    let v = serde_json::to_value(&ci).expect("a contract input serialises");
    let back: ContractInput = input_from_json(v, "contract").expect("its own JSON reads back");
    assert_eq!(back, ci);
    let contract = match ci.to_contract("contract") {
        Ok(c) => c,
        Err(e) => {
            posfee_fuzz::assert_field_under(&e, "contract");
            assert_eq!(back.to_contract("contract").err(), Some(e));
            return;
        }
    };
    assert_eq!(back.to_contract("contract").as_ref(), Ok(&contract));
    let plans = posfee_fuzz::plans();
    let base = &plans[usize::from(case.base) % plans.len()];
    let plan = match contract.to_plan(base) {
        Ok(p) => p,
        Err(e) => {
            assert!(!e.reason().as_str().is_empty(), "{e:?}");
            return;
        }
    };
    posfee_fuzz::trace("contract-plan");
    let json = plan.to_json();
    let again = Plan::from_json(&json)
        .unwrap_or_else(|e| panic!("a contract's plan does not load from its JSON: {e:?}\n{json}"));
    assert_eq!(again.data(), plan.data());
    let merchant = case.merchant.input().to_merchant("merchant");
    let Ok(merchant) = merchant else { return };
    let engine = Engine::new(plan.clone(), posfee_fuzz::calendars()[0].clone());
    let mut mix = Vec::new();
    for (p, count) in case.mix.iter().take(8) {
        let pi = p.input();
        if let Ok(pay) = pi.to_payment("payment") {
            let _ = posfee_fuzz::check_quote(&engine, &merchant, &pay, &DailyUsage::default(), QuoteOptions::default());
        }
        if let Ok(charge) = pi.to_charge("payment") {
            mix.push(MixLine { charge, count: u32::from(*count) });
        }
    }
    for (m, p) in posfee_fuzz::fixed_payments() {
        let _ = posfee_fuzz::check_quote(&engine, m, p, &DailyUsage::default(), QuoteOptions::default());
    }
    for other in plans {
        let Ok(cmp) = compare_contract(&contract, base, other, &merchant, &mix) else {
            continue;
        };
        let sum = |f: &dyn Fn(usize) -> Money, n: usize| {
            (0..n).try_fold(Money::ZERO, |acc, i| acc.checked_add(f(i))).expect("sums fit")
        };
        assert_eq!(cmp.total_a, sum(&|i| cmp.lines[i].total_a, cmp.lines.len()), "{cmp:?}");
        assert_eq!(cmp.total_b, sum(&|i| cmp.lines[i].total_b, cmp.lines.len()), "{cmp:?}");
        assert_eq!(cmp.total_a, sum(&|i| cmp.channels[i].total_a, cmp.channels.len()));
        assert_eq!(cmp.total_b, sum(&|i| cmp.channels[i].total_b, cmp.channels.len()));
        assert_eq!(cmp.payments, cmp.channels.iter().map(|c| c.payments).sum::<u64>());
        assert_eq!(cmp.payments, mix.iter().map(|l| u64::from(l.count)).sum::<u64>());
        assert_eq!(cmp.total_b.checked_sub(cmp.total_a), Some(cmp.difference));
        assert!(!cmp.saving.is_negative());
        assert!(cmp.saving == cmp.difference || Money::ZERO.checked_sub(cmp.difference) == Some(cmp.saving));
        let expected = match cmp.total_a.cmp(&cmp.total_b) {
            std::cmp::Ordering::Less => Cheaper::A,
            std::cmp::Ordering::Greater => Cheaper::B,
            std::cmp::Ordering::Equal => Cheaper::Equal,
        };
        assert_eq!(cmp.cheaper, expected);
        assert_eq!(cmp.lines.len(), mix.len());
        for (line, m) in cmp.lines.iter().zip(&mix) {
            let f = posfee_core::fee(&plan, &merchant, &m.charge).expect("fee of a compared line");
            assert_eq!(line.fee_a, f.fee, "{line:?}");
            assert_eq!(line.fee_a.checked_mul_count(u64::from(m.count)), Some(line.total_a));
        }
        posfee_fuzz::trace(&format!("contract-compare lines={}", cmp.lines.len().min(2)));
        let _ = serde_json::to_string(&cmp).expect("a comparison serialises");
    }
});
