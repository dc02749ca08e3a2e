//! `diagnose` on arbitrary structured questions: situation, payment,
//! merchant, usage, terminal message (the catalogue's keywords, with text
//! around them, or any text), as-of, QR and recent payment times.
//!
//! Checks: no panic; the input survives a JSON round trip; validation errors
//! name a field under `diagnose`; the diagnosis is deterministic, names the
//! situation asked, lists each cause once, and matches "terminal_message"
//! only with a message; with a payment and a merchant its plan refusal is
//! exactly the quote's refusal; "not due" only when asked before the due
//! date; it serialises.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use posfee_core::{diagnose, input_from_json, DiagnoseInput, QuoteOptions, Situation};
use posfee_fuzz::{assert_field_under, MerchantCase, PaymentCase, TimeText, UsageCase, Word};

#[derive(Arbitrary, Debug, Clone)]
enum Message {
    Keyword(u8),
    Around(u8, String, String),
    Two(u8, u8),
    Any(String),
}

#[derive(Arbitrary, Debug, Clone)]
struct Case {
    engine: u8,
    situation: Word,
    payment: Option<PaymentCase>,
    merchant: Option<MerchantCase>,
    usage: Option<UsageCase>,
    message: Option<Message>,
    as_of: TimeText,
    qr_created: TimeText,
    recent: Vec<TimeText>,
    provisional: bool,
}

fn message(m: &Message) -> String {
    let k = posfee_fuzz::terminal_keywords();
    let pick = |i: u8| k.get(usize::from(i) % k.len().max(1)).cloned().unwrap_or_default();
    match m {
        Message::Keyword(i) => pick(*i),
        Message::Around(i, a, b) => format!("{a}{}{b}", pick(*i)),
        Message::Two(i, j) => format!("{}，{}", pick(*i), pick(*j)),
        Message::Any(s) => s.clone(),
    }
}

fuzz_target!(|case: Case| {
    let input = DiagnoseInput {
        situation: case.situation.resolve(Situation::NAMES),
        payment: case.payment.as_ref().map(PaymentCase::input),
        merchant: case.merchant.as_ref().map(MerchantCase::input),
        usage: case.usage.as_ref().map(UsageCase::input),
        terminal_message: case.message.as_ref().map(message),
        as_of: case.as_of.resolve(),
        qr_created: case.qr_created.resolve(),
        recent_payments: case.recent.iter().take(12).filter_map(TimeText::resolve).collect(),
        provisional: case.provisional,
    };
    let back: DiagnoseInput = input_from_json(serde_json::to_value(&input).expect("json"), "diagnose")
        .expect("a question's own JSON reads back");
    assert_eq!(back, input);
    let req = match input.to_request("diagnose") {
        Ok(r) => r,
        Err(e) => {
            assert_field_under(&e, "diagnose");
            return;
        }
    };
    let engines = posfee_fuzz::engines();
    let engine = &engines[usize::from(case.engine) % engines.len()];
    let (plan, cal) = (engine.plan(), engine.calendar());
    let d = match diagnose(plan, cal, &req) {
        Ok(d) => d,
        Err(e) => {
            assert!(!e.reason().as_str().is_empty(), "{e:?}");
            posfee_fuzz::assert_message_bounded(&e);
            assert_eq!(diagnose(plan, cal, &req).err(), Some(e), "not deterministic");
            return;
        }
    };
    assert_eq!(diagnose(plan, cal, &req).as_ref(), Ok(&d), "not deterministic");
    posfee_fuzz::trace(&format!(
        "diagnosis payment={} merchant={} refusal={} not_due={}",
        req.payment.is_some(),
        req.merchant.is_some(),
        d.plan_refusal.is_some(),
        d.not_due.is_some()
    ));
    assert_eq!(d.situation, req.situation);
    for (i, c) in d.causes.iter().enumerate() {
        assert!(
            d.causes[..i].iter().all(|o| o.code != c.code),
            "cause {} listed twice",
            c.code
        );
        if c.matched.contains(&"terminal_message") {
            assert!(req.terminal_message.as_deref().is_some_and(|m| !m.is_empty()));
        }
        if c.matched.contains(&"refused_by_plan") {
            assert!(d.plan_refusal.is_some());
        }
    }
    if let (Some(p), Some(m)) = (&req.payment, &req.merchant) {
        let q = posfee_core::quote(plan, cal, m, p, &req.usage, QuoteOptions { provisional: req.provisional })
            .expect("diagnose succeeded, so its quote did");
        assert_eq!(d.plan_refusal, q.refusal, "the diagnosis and the quote disagree on the refusal");
    } else {
        assert!(d.plan_refusal.is_none());
    }
    if let Some(nd) = &d.not_due {
        assert_eq!(req.situation, Situation::NotArrived);
        let asked = req.as_of.expect("not due needs an as-of time").date();
        assert!(asked <= nd.due, "not due on {asked}, due {}", nd.due);
    }
    let _ = serde_json::to_string(&d).expect("a diagnosis serialises");
});
