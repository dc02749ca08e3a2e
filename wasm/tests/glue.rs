//! The wasm-only glue, run in Node by `wasm-pack test --node wasm`: the
//! JavaScript value conversion and the thrown error objects, which host
//! `cargo test` cannot reach.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use js_sys::{Reflect, JSON};
use posfee_wasm::{Engine, Plan};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn merchant() -> JsValue {
    js(
        r#"{"tier": "premium", "verification": "face_and_card", "creditRate": "standard", "activated": true}"#,
    )
}

fn payment() -> JsValue {
    js(
        r#"{"amount": "1000.00", "method": "card", "cardKind": "credit", "cardMedium": "chip", "time": "2025-09-30T22:00"}"#,
    )
}

fn error_of(r: Result<JsValue, JsValue>) -> (String, String, String) {
    let e = r.expect_err("expected an error");
    let s = |k| get(&e, k).as_string().unwrap_or_default();
    (s("code"), s("field"), s("reason"))
}

#[wasm_bindgen_test]
fn answers_have_camel_case_keys_and_string_money() {
    let q = Engine::new()
        .unwrap()
        .quote(merchant(), payment(), None, None)
        .unwrap();
    assert_eq!(get(&q, "fee").as_string().unwrap(), "5.50");
    let detail = get(&q, "feeDetail");
    assert_eq!(get(&detail, "minimumApplied").as_bool(), Some(false));
    assert!(get(&q, "fee_detail").is_undefined());
}

#[wasm_bindgen_test]
fn non_finite_numbers_as_money_are_not_a_string() {
    for n in [f64::NAN, f64::INFINITY, 12.5] {
        let p = payment();
        Reflect::set(&p, &"amount".into(), &JsValue::from_f64(n)).unwrap();
        let r = Engine::new().unwrap().quote(merchant(), p, None, None);
        assert_eq!(
            error_of(r),
            (
                "invalid_amount".into(),
                "payment.amount".into(),
                "not_a_string".into()
            )
        );
    }
}

#[wasm_bindgen_test]
fn undefined_members_are_absent_and_snake_case_keys_are_unknown() {
    let p = payment();
    Reflect::set(&p, &"wallet".into(), &JsValue::UNDEFINED).unwrap();
    assert!(Engine::new()
        .unwrap()
        .quote(merchant(), p, None, None)
        .is_ok());
    let p = payment();
    Reflect::set(&p, &"card_kind".into(), &"credit".into()).unwrap();
    let r = Engine::new().unwrap().quote(merchant(), p, None, None);
    assert_eq!(
        error_of(r),
        (
            "invalid_field".into(),
            "payment.card_kind".into(),
            "unknown_field".into()
        )
    );
}

#[wasm_bindgen_test]
fn errors_without_the_registered_class_are_still_errors() {
    let e = Plan::from_json("{".into()).err().unwrap();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "code").as_string().unwrap(), "plan_syntax");
    assert!(get(&e, "year").is_null());
}
