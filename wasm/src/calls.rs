//! The calls both npm modules answer, written once: `engine_calls!` declares
//! the methods on each module's `Engine` (one more `#[wasm_bindgen] impl`
//! block), and each method delegates to a function here in one line, so the
//! two modules cannot answer differently.

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
        None if cfg!(feature = "full") => crate::convert::to_js(value),
        None => Err(crate::convert::internal(what)),
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

/// The methods both modules' `Engine` export (`quote`, `fee`,
/// `feeBatchText`, `dataVersions`), declared once. `$engine` holds the core
/// engine as `inner`.
macro_rules! engine_calls {
    ($engine:ident) => {
        #[wasm_bindgen::prelude::wasm_bindgen]
        impl $engine {
            /// Fee, acceptance, limits against the day's usage, and arrival.
            #[wasm_bindgen(unchecked_return_type = "Quote")]
            pub fn quote(
                &self,
                #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
                #[wasm_bindgen(unchecked_param_type = "PaymentInput")] payment: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "UsageInput | null")] usage: Option<
                    JsValue,
                >,
                #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")]
                options: Option<JsValue>,
            ) -> Result<JsValue, JsValue> {
                Ok($crate::calls::quote(
                    &self.inner,
                    &merchant,
                    &payment,
                    usage,
                    options,
                )?)
            }

            /// The fee of a payment alone (its time, if any, is not used).
            #[wasm_bindgen(unchecked_return_type = "Fee")]
            pub fn fee(
                &self,
                #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
                #[wasm_bindgen(unchecked_param_type = "PaymentInput")] payment: JsValue,
            ) -> Result<JsValue, JsValue> {
                Ok($crate::calls::fee(&self.inner, &merchant, &payment)?)
            }

            /// The fees of many payments in one call, the amounts as one
            /// text, one decimal string per line (a statement column as read
            /// from a file); the fees and nets come back as texts the same
            /// way. The fastest way to price many payments.
            #[wasm_bindgen(js_name = feeBatchText, unchecked_return_type = "FeeBatchText")]
            pub fn fee_batch_text(
                &self,
                #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
                #[wasm_bindgen(unchecked_param_type = "FeeBatchTextInput")] batch: JsValue,
            ) -> Result<JsValue, JsValue> {
                Ok($crate::calls::fee_batch_text(
                    &self.inner,
                    &merchant,
                    &batch,
                )?)
            }

            /// The versions of the plan and calendar data in use.
            #[wasm_bindgen(js_name = dataVersions, unchecked_return_type = "DataVersions")]
            pub fn data_versions(&self) -> Result<JsValue, JsValue> {
                Ok($crate::calls::data_versions(&self.inner)?)
            }
        }
    };
}

pub(crate) use engine_calls;
