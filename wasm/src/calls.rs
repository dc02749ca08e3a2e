//! The calls both npm modules answer, written once: the whole package's
//! `Engine` and the quote module's `Engine` delegate to these in one line,
//! so the two cannot answer differently.

use crate::args::{parse_merchant, parse_options, parse_payment, parse_usage, payment_input};
use crate::convert::{JsErr, JsResult};
use posfee_core as pf;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// An answer the quick way when its texts allow it (`typed.rs`); otherwise,
/// in the whole package, as camelCase JSON, and in the quote module, whose
/// built-in texts always allow it, an internal error.
fn answer<T: Serialize>(quick: Option<JsValue>, value: &T, what: &str) -> JsResult<JsValue> {
    match quick {
        Some(v) => Ok(v),
        #[cfg(feature = "full")]
        None => {
            let _ = what;
            crate::convert::to_js(value)
        }
        #[cfg(not(feature = "full"))]
        None => {
            let _ = value;
            Err(crate::convert::internal(what))
        }
    }
}

/// `engine.quote(merchant, payment, usage?, options?)`.
pub(crate) fn quote(
    engine: &pf::Engine,
    merchant: &JsValue,
    payment: &JsValue,
    usage: Option<JsValue>,
    options: Option<JsValue>,
) -> JsResult<JsValue> {
    let p = parse_payment(payment, "payment")?;
    let m = parse_merchant(merchant)?;
    let u = parse_usage(&usage.unwrap_or(JsValue::UNDEFINED))?;
    let o = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
    let q = engine.quote(&m, &p, &u, o).map_err(JsErr::from)?;
    answer(crate::typed::quote_value(&q), &q, "quote text")
}

/// `engine.fee(merchant, payment)`: the payment's time, if any, is not used.
pub(crate) fn fee(engine: &pf::Engine, merchant: &JsValue, payment: &JsValue) -> JsResult<JsValue> {
    let charge = payment_input(payment, "payment")?
        .to_charge("payment")
        .map_err(JsErr::from)?;
    let m = parse_merchant(merchant)?;
    let f = pf::fee(engine.plan(), &m, &charge).map_err(JsErr::from)?;
    answer(crate::typed::fee_value(&f), &f, "fee text")
}

/// `engine.feeBatchText(merchant, batch)`.
pub(crate) fn fee_batch_text(
    engine: &pf::Engine,
    merchant: &JsValue,
    batch: &JsValue,
) -> JsResult<JsValue> {
    let m = parse_merchant(merchant)?;
    crate::batch::fee_batch_text(engine.plan(), &m, batch)
}

/// `engine.dataVersions()`.
pub(crate) fn data_versions(engine: &pf::Engine) -> JsResult<JsValue> {
    let v = pf::DataVersions::of(engine);
    answer(crate::typed::versions_value(&v), &v, "versions text")
}
