//! `Plan::from_json` on arbitrary text (seeded with the repository's plans).
//!
//! Checks: no panic; a plan that loads prints as JSON that loads to the same
//! plan, and loads the same through `from_value`; quotes with it keep the
//! quote invariants (fee + net = amount, fee() = FeeTable = quote, …); a
//! text with a duplicate key is refused; error messages are bounded;
//! errors carry plan codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::{Calendar, DailyUsage, Engine, ErrorCode, Plan, QuoteOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = Plan::from_json(&text);
    posfee_fuzz::assert_duplicates_refused(&text, &r);
    match r {
        Ok(p) => {
            let json = p.to_json();
            let again = Plan::from_json(&json)
                .unwrap_or_else(|e| panic!("a plan's own JSON does not load: {e:?}\n{json}"));
            assert_eq!(again.data(), p.data(), "the plan changed through its JSON");
            assert_eq!(again.to_json(), json, "to_json is not stable");
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                let by_value = Plan::from_value(v).expect("from_json accepts, from_value refuses");
                assert_eq!(by_value.data(), p.data());
            }
            let engine = Engine::new(p, Calendar::embedded().expect("calendar"));
            for (m, pay) in posfee_fuzz::fixed_payments() {
                for provisional in [false, true] {
                    let _ = posfee_fuzz::check_quote(
                        &engine,
                        m,
                        pay,
                        &DailyUsage::default(),
                        QuoteOptions { provisional },
                    );
                }
            }
        }
        Err(e) => {
            assert!(
                matches!(
                    e.code(),
                    ErrorCode::PlanSyntax
                        | ErrorCode::PlanInvalid
                        | ErrorCode::PlanUnsupportedSchema
                        | ErrorCode::PlanIncomplete
                        | ErrorCode::InputTooLarge
                ),
                "{e:?}"
            );
            assert!(!e.reason().as_str().is_empty(), "{e:?}");
            posfee_fuzz::assert_message_bounded(&e);
        }
    }
});
