//! A benchmark probe, built only with the `probe` feature and never part of
//! the npm package (`scripts/bench-boundary.sh` builds it into a scratch
//! directory): the same quote answer and the same payment input crossing
//! the boundary each way the package could take, so decision record 0002
//! rests on a measurement made in one run. Not a test: it asserts nothing.

use crate::convert;
use posfee_core::{self as pf, DailyUsage, PaymentInput, Quote, QuoteOptions};
use std::cell::OnceCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static QUOTE: OnceCell<Quote> = const { OnceCell::new() };
}

/// The quote every answer probe returns: a 1,000.00 credit chip payment on
/// the eve of National Day (fee, limits and a T+1 arrival over the holiday).
fn sample() -> Result<Quote, JsValue> {
    let engine = pf::Engine::builtin().map_err(|e| JsValue::from_str(e.message_en()))?;
    let merchant = pf::MerchantInput {
        tier: Some("premium".into()),
        verification: Some("face_and_card".into()),
        credit_rate: Some("standard".into()),
        activated: Some(true),
        ..Default::default()
    }
    .to_merchant("merchant")
    .map_err(|e| JsValue::from_str(e.message_en()))?;
    let payment = PaymentInput {
        amount: Some("1000.00".into()),
        method: Some("card".into()),
        card_kind: Some("credit".into()),
        card_medium: Some("chip".into()),
        time: Some("2025-09-30T22:00".into()),
        ..Default::default()
    }
    .to_payment("payment")
    .map_err(|e| JsValue::from_str(e.message_en()))?;
    engine
        .quote(
            &merchant,
            &payment,
            &DailyUsage::default(),
            QuoteOptions::default(),
        )
        .map_err(|e| JsValue::from_str(e.message_en()))
}

fn with_quote<R>(f: impl FnOnce(&Quote) -> Result<R, JsValue>) -> Result<R, JsValue> {
    QUOTE.with(|cell| {
        if cell.get().is_none() {
            let _ = cell.set(sample()?);
        }
        match cell.get() {
            Some(q) => f(q),
            None => Err(JsValue::from_str("no sample quote")),
        }
    })
}

/// The sample quote's answer built each way: `0` the packed fields
/// (`typed.rs`, the package's quote path), `1` JSON text (serde_json) for
/// `JSON.parse`, `2` serde-wasm-bindgen's `to_value`, `3` serde-wasm-bindgen
/// with `Serializer::json_compatible()` (plain objects, no `Map`s: the
/// package's general path).
#[wasm_bindgen(js_name = probeAnswer)]
pub fn probe_answer(mode: u8) -> Result<JsValue, JsValue> {
    with_quote(|q| match mode {
        0 => crate::typed::quote_value(q).ok_or_else(|| JsValue::from_str("not packable")),
        1 => {
            let text = serde_json::to_string(q).map_err(|e| JsValue::from_str(&e.to_string()))?;
            js_sys::JSON::parse(&text)
        }
        2 => serde_wasm_bindgen::to_value(q).map_err(JsValue::from),
        _ => convert::to_js(q).map_err(JsValue::from),
    })
}

/// The sample quote packed as `probeAnswer(0)` does, with every text that
/// comes from plan data (rule names, steps, the cut-off note) emptied: what
/// the packed answer would cost if static texts crossed by reference.
#[wasm_bindgen(js_name = probeAnswerWithoutStaticTexts)]
pub fn probe_answer_without_static_texts() -> Result<JsValue, JsValue> {
    thread_local! {
        static LEAN: OnceCell<Quote> = const { OnceCell::new() };
    }
    let lean = with_quote(|q| {
        let mut q = q.clone();
        let empty: std::sync::Arc<str> = std::sync::Arc::from("");
        q.rule.name_zh = empty.clone();
        q.rule.name_en = empty.clone();
        if let Some(l) = &mut q.limits {
            l.raise_steps = std::sync::Arc::from([]);
        }
        if let Some(a) = &mut q.arrival {
            a.cutoff_note = None;
            a.rule = empty.clone();
        }
        Ok(q)
    })?;
    LEAN.with(|cell| {
        let q = cell.get_or_init(|| lean);
        crate::typed::quote_value(q).ok_or_else(|| JsValue::from_str("not packable"))
    })
}

/// The answer's JSON text alone, to weigh it (`1` without the parse).
#[wasm_bindgen(js_name = probeAnswerText)]
pub fn probe_answer_text() -> Result<String, JsValue> {
    with_quote(|q| serde_json::to_string(q).map_err(|e| JsValue::from_str(&e.to_string())))
}

/// A payment read into the core's input: `0` the core's reader over the
/// tree built from the value (the package's general path), `1`
/// serde-wasm-bindgen's `from_value` into the same `PaymentInput` (keys in
/// the core's snake_case: it does not rename). Returns the amount read.
#[wasm_bindgen(js_name = probeRead)]
pub fn probe_read(payment: JsValue, mode: u8) -> Result<JsValue, JsValue> {
    let p: PaymentInput = match mode {
        0 => convert::read(&payment, "payment").map_err(JsValue::from)?,
        _ => serde_wasm_bindgen::from_value(payment)?,
    };
    Ok(JsValue::from(p.amount.unwrap_or_default()))
}
