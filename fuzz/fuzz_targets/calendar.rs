//! `Calendar::from_json` on arbitrary text (seeded with the embedded
//! calendar, the test calendars and the schema examples).
//!
//! Checks: no panic; a calendar that loads prints as JSON that loads to the
//! same days (every day of its first three years); `day` and
//! `is_working_day` agree; counting working days lands on working days; it
//! extends the embedded calendar or is refused cleanly, and quotes keep the
//! quote invariants; a text with a duplicate key is refused; error messages
//! are bounded; errors carry calendar codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::{Calendar, ErrorCode};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = Calendar::from_json(&text);
    posfee_fuzz::assert_duplicates_refused(&text, &r);
    match r {
        Ok(c) => {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                let by_value = Calendar::from_value(v).expect("from_json accepts, from_value refuses");
                posfee_fuzz::assert_same_days(&c, &by_value);
            }
            posfee_fuzz::check_loaded_calendar(&c);
        }
        Err(e) => {
            assert!(
                matches!(
                    e.code(),
                    ErrorCode::CalendarSyntax
                        | ErrorCode::CalendarInvalid
                        | ErrorCode::CalendarUnsupportedSchema
                        | ErrorCode::InputTooLarge
                ),
                "{e:?}"
            );
            assert!(!e.reason().as_str().is_empty(), "{e:?}");
            posfee_fuzz::assert_message_bounded(&e);
        }
    }
});
