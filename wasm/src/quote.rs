//! The quote module (`posfee/quote`): the built-in 优POS plan and mainland
//! calendar, baked into the module, and the calls a quote calculator or a
//! statement page makes: `quote`, `fee`, `feeBatchText`, `dataVersions`.
//! Same names, inputs, answers and errors as the whole package; loading data
//! at run time, day ledgers, comparison, audit and troubleshooting are the
//! whole package's.

use crate::convert::JsErr;
use posfee_core as pf;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

/// The built-in 优POS plan with the built-in mainland calendar.
#[wasm_bindgen]
pub struct Engine {
    inner: pf::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// The built-in 优POS plan with the built-in calendar.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Engine, JsValue> {
        Ok(Engine {
            inner: pf::Engine::builtin().map_err(JsErr::from)?,
        })
    }

    /// Fee, acceptance, limits against the day's usage, and arrival.
    #[wasm_bindgen(unchecked_return_type = "Quote")]
    pub fn quote(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PaymentInput")] payment: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "UsageInput | null")] usage: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        Ok(crate::calls::quote(
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
        Ok(crate::calls::fee(&self.inner, &merchant, &payment)?)
    }

    /// The fees of many payments in one call, the amounts as one text, one
    /// decimal string per line; the fees and nets come back the same way.
    #[wasm_bindgen(js_name = feeBatchText, unchecked_return_type = "FeeBatchText")]
    pub fn fee_batch_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FeeBatchTextInput")] batch: JsValue,
    ) -> Result<JsValue, JsValue> {
        Ok(crate::calls::fee_batch_text(
            &self.inner,
            &merchant,
            &batch,
        )?)
    }

    /// The versions of the plan and calendar data in use.
    #[wasm_bindgen(js_name = dataVersions, unchecked_return_type = "DataVersions")]
    pub fn data_versions(&self) -> Result<JsValue, JsValue> {
        Ok(crate::calls::data_versions(&self.inner)?)
    }
}
