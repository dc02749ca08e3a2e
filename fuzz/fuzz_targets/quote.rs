//! `Engine::quote` on arbitrary structured payments, merchants and usage:
//! each string field a valid word, a near miss, or arbitrary text; amounts
//! and times in every form people type; usage buckets of the plans and
//! others; every plan (优POS, reference, acme) and calendar (embedded, +2027).
//!
//! Checks: no panic; every input survives a JSON round trip through
//! `input_from_json`; validation errors name a field under `payment`,
//! `merchant` or `usage`; `to_charge` agrees with `to_payment`; the quote
//! invariants of `posfee_fuzz::check_quote` (engine = quote(), fee + net =
//! amount, fee ≥ 0, accepted ⇔ no refusal, arrival not before the payment,
//! fee() = FeeTable = quote); a payment accepted with some usage is accepted
//! with none.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use posfee_core::{
    input_from_json, DailyUsage, MerchantInput, PaymentInput, QuoteOptions, UsageInput,
};
use posfee_fuzz::{assert_field_under, check_quote, MerchantCase, PaymentCase, UsageCase};

#[derive(Arbitrary, Debug, Clone)]
struct Case {
    engine: u8,
    merchant: MerchantCase,
    payment: PaymentCase,
    usage: UsageCase,
    provisional: bool,
}

fuzz_target!(|case: Case| {
    let pi = case.payment.input();
    let mi = case.merchant.input();
    let ui = case.usage.input();
    let back: PaymentInput = input_from_json(serde_json::to_value(&pi).expect("json"), "payment")
        .expect("a payment's own JSON reads back");
    assert_eq!(back, pi);
    let back: MerchantInput = input_from_json(serde_json::to_value(&mi).expect("json"), "merchant")
        .expect("a merchant's own JSON reads back");
    assert_eq!(back, mi);
    let back: UsageInput = input_from_json(serde_json::to_value(&ui).expect("json"), "usage")
        .expect("a usage's own JSON reads back");
    assert_eq!(back, ui);

    let payment = pi.to_payment("payment");
    let charge = pi.to_charge("payment");
    match (&payment, &charge) {
        (Ok(p), Ok(c)) => assert_eq!((p.amount, p.instrument), (c.amount, c.instrument)),
        (Ok(p), Err(e)) => panic!("to_payment accepts {p:?}, to_charge refuses: {e:?}"),
        (Err(e), Ok(_)) => {
            assert_field_under(e, "payment");
            assert_eq!(e.field(), "payment.time", "only the time can fail after the charge: {e:?}");
        }
        (Err(e), Err(f)) => {
            assert_field_under(e, "payment");
            assert_eq!(e, f, "to_payment and to_charge refuse differently");
        }
    }
    let merchant = mi.to_merchant("merchant");
    if let Err(e) = &merchant {
        assert_field_under(e, "merchant");
    }
    let usage = ui.to_usage("usage");
    if let Err(e) = &usage {
        assert_field_under(e, "usage");
    }
    let (Ok(payment), Ok(merchant), Ok(usage)) = (&payment, &merchant, &usage) else {
        for e in [payment.err(), merchant.err(), usage.err()].into_iter().flatten() {
            posfee_fuzz::trace(&format!("invalid {} {}", e.field(), e.reason()));
        }
        return;
    };
    let engines = posfee_fuzz::engines();
    let engine = &engines[usize::from(case.engine) % engines.len()];
    let options = QuoteOptions { provisional: case.provisional };
    match check_quote(engine, merchant, payment, usage, options) {
        Ok(q) => {
            if q.is_accepted() && *usage != DailyUsage::default() {
                let none = check_quote(engine, merchant, payment, &DailyUsage::default(), options)
                    .expect("accepted with usage, an error without");
                assert!(none.is_accepted(), "accepted with usage {usage:?}, refused without: {none:?}");
                assert_eq!((none.fee, none.net), (q.fee, q.net));
            }
        }
        Err(e) => {
            if e.field().starts_with("usage") {
                assert_field_under(&e, "usage");
            }
        }
    }
});
