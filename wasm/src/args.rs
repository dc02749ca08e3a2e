//! The arguments most entry points share: merchant, payment, day's usage and
//! options, each taken the quick way when it can be (`typed.rs`) and the
//! general way otherwise.

use crate::convert::JsResult;
use crate::read_input;
use posfee_core as pf;
use posfee_core::read::OptionsInput;
use posfee_core::{MerchantInput, PaymentInput, UsageInput};
use wasm_bindgen::JsValue;

pub(crate) fn parse_options(v: &JsValue) -> JsResult<pf::QuoteOptions> {
    if v.is_undefined() || v.is_null() {
        return Ok(pf::QuoteOptions::default());
    }
    let o: OptionsInput = read_input(v, "options")?;
    Ok(pf::QuoteOptions {
        provisional: o.provisional.unwrap_or(false),
    })
}

pub(crate) fn merchant_input(v: &JsValue) -> JsResult<MerchantInput> {
    match crate::typed::merchant(v) {
        Some(m) => Ok(m),
        None => read_input::<MerchantInput>(v, "merchant"),
    }
}

pub(crate) fn payment_input(v: &JsValue, prefix: &str) -> JsResult<PaymentInput> {
    match crate::typed::payment(v) {
        Some(p) => Ok(p),
        None => read_input::<PaymentInput>(v, prefix),
    }
}

pub(crate) fn parse_merchant(v: &JsValue) -> JsResult<pf::Merchant> {
    Ok(merchant_input(v)?.to_merchant("merchant")?)
}

pub(crate) fn parse_payment(v: &JsValue, prefix: &str) -> JsResult<pf::Payment> {
    Ok(payment_input(v, prefix)?.to_payment(prefix)?)
}

pub(crate) fn parse_usage(v: &JsValue) -> JsResult<pf::DailyUsage> {
    if v.is_undefined() || v.is_null() {
        return Ok(pf::DailyUsage::default());
    }
    Ok(read_input::<UsageInput>(v, "usage")?.to_usage("usage")?)
}
