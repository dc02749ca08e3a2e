//! posfee-core for JavaScript (wasm-bindgen): the npm package `posfee`.
//!
//! A thin layer: every entry point turns its camelCase JavaScript input into
//! the core's string-typed input (`posfee_core::input_from_json`), asks the
//! core, and hands the answer back as camelCase JSON. Errors are thrown as
//! the package's `PosfeeError` with the core's codes and reasons. Money is a
//! decimal string in and out; a JavaScript number given as money is refused.
//!
//! Two modules are built from this crate: the whole package (feature `full`,
//! the default; `api.rs`) and the quote module `posfee/quote` (without
//! `full`; `quote.rs`): the built-in plan and calendar only, for pages that
//! quote and price statements, at a fraction of the size.

#![cfg_attr(not(feature = "full"), allow(dead_code))]

mod args;
#[cfg(feature = "full")]
mod audit;
mod batch;
mod calls;
mod convert;
#[cfg(feature = "probe")]
mod probe;
mod typed;

#[cfg(feature = "full")]
mod api;
#[cfg(feature = "full")]
pub use api::*;

#[cfg(not(feature = "full"))]
mod quote;
#[cfg(not(feature = "full"))]
pub use quote::*;

use convert::{JsErr, JsResult};
use posfee_core as pf;
use wasm_bindgen::prelude::*;

/// Registers the error class the package entry defines (internal).
#[wasm_bindgen(js_name = "__setErrorClass", skip_typescript)]
pub fn set_error_class(class: js_sys::Function) {
    convert::set_error_class(class);
}

/// The instance's linear memory in 64 KiB pages (internal: the memory
/// tests read it).
#[wasm_bindgen(js_name = "__memoryPages", skip_typescript)]
pub fn memory_pages() -> usize {
    #[cfg(target_arch = "wasm32")]
    return core::arch::wasm32::memory_size(0);
    #[cfg(not(target_arch = "wasm32"))]
    0
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Validates a payment amount (a decimal string of yuan, at most two
/// decimals, above zero) and returns it with exactly two decimals: "12.5" →
/// "12.50". Errors name `field` (default `amount`).
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] field: JsValue,
) -> Result<String, JsValue> {
    let field = convert::optional_string(&field, "field")?.unwrap_or_else(|| "amount".to_string());
    match text.as_string() {
        Some(t) => Ok(pf::Money::parse_amount(&field, &t)
            .map_err(JsErr::from)?
            .to_string()),
        None => Err(JsErr(pf::read::wrong_type(&field, &convert::what(&text))).into()),
    }
}

/// Reads an input the quick shapes cannot say, with the core's reader
/// (both modules alike).
pub(crate) fn read_input<T: pf::read::ReadInput>(v: &JsValue, prefix: &str) -> JsResult<T> {
    convert::read(v, prefix)
}
