//! The npm module `posfee/xlsx`: an Excel (.xlsx) statement's rows read by
//! the core (calamine), as text cells, for `Auditor.feedRows` of the main
//! module. `auditStatement` loads this module only when it is given an
//! .xlsx file, so pages that never see a workbook never load its zip and
//! XML readers.
//!
//! Errors are returned as the core's error object (`{code, field, reason,
//! year, messageZh, messageEn}`); the module's entry throws them as the
//! package's `PosfeeError`.

use posfee_core::read::Value;
use posfee_core::{bounds, read, Error};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn to_js<T: Serialize>(v: &T) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// What a JavaScript argument is, for the core's wrong-type error.
fn what(v: &JsValue) -> Value {
    if v.is_null() {
        Value::Null
    } else if js_sys::Array::is_array(v) {
        Value::Foreign("a list".into())
    } else if v.is_object() {
        Value::Foreign("an object".into())
    } else {
        Value::Foreign(v.js_typeof().as_string().unwrap_or_default())
    }
}

fn bytes_of(file: &JsValue) -> Result<Vec<u8>, Error> {
    let array = if file.is_undefined() || file.is_null() {
        return Err(read::missing("file"));
    } else if let Some(a) = file.dyn_ref::<js_sys::Uint8Array>() {
        a.clone()
    } else if let Some(b) = file.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(b)
    } else {
        return Err(read::wrong_kind(
            "file",
            &what(file),
            "Uint8Array 或 ArrayBuffer",
            "a Uint8Array or an ArrayBuffer",
        ));
    };
    if array.byte_length() as usize > bounds::MAX_XLSX_BYTES {
        return Err(bounds::too_long("file", bounds::MAX_XLSX_BYTES, "bytes"));
    }
    Ok(array.to_vec())
}

/// The rows of an Excel (.xlsx) statement's sheet (the first, or the one
/// `sheet` names) as text cells, row 1 of the sheet first: numbers as
/// their shortest decimal text, dates as `2025-03-12T10:00:00`. Feed them
/// to `Auditor.feedRows` after `startStatement` (`auditStatement` does both
/// for an .xlsx file). Throws `PosfeeError`: `invalid_csv`/`unreadable`
/// for a file that is not a workbook, `input_too_large` beyond the bounds,
/// `invalid_field`/`unknown_value` at `sheet` for a sheet it does not have.
#[wasm_bindgen(js_name = xlsxRows, unchecked_return_type = "string[][]")]
pub fn xlsx_rows(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] file: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] sheet: JsValue,
) -> Result<JsValue, JsValue> {
    let sheet = match sheet.as_string() {
        Some(s) => Some(s),
        None if sheet.is_undefined() || sheet.is_null() => None,
        None => return Err(to_js(&read::wrong_type("sheet", &what(&sheet)))),
    };
    let bytes = bytes_of(&file).map_err(|e| to_js(&e))?;
    match posfee_core::xlsx_rows(&bytes, sheet.as_deref()) {
        Ok(rows) => Ok(to_js(&rows)),
        Err(e) => Err(to_js(&e)),
    }
}
