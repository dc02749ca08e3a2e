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
const TYPES: &'static str = concat!(include_str!("answers.d.ts"), include_str!("types.d.ts"));

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
}

crate::calls::engine_calls!(Engine);
