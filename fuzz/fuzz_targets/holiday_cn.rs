//! `Calendar::from_holiday_cn` on arbitrary text (seeded with the
//! holiday-cn test files), with and without a data version.
//!
//! Checks: no panic; the data version changes only the version, not the
//! days; a file that loads prints (posfee format) as JSON that loads to the
//! same days, and the same checks as the calendar target; errors carry
//! calendar codes and do not depend on the data version.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::{Calendar, ErrorCode};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the data version given.
    let (version, body) = match data.split_first() {
        Some((v, rest)) if *v == b'\x01' => (Some("2027.01.01"), rest),
        Some((v, rest)) if *v == b'\x02' => (Some(""), rest),
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(body);
    let plain = Calendar::from_holiday_cn(&text, None);
    let versioned = Calendar::from_holiday_cn(&text, version);
    posfee_fuzz::assert_duplicates_refused(&text, &plain);
    match (&plain, &versioned) {
        (Ok(a), Ok(b)) => {
            posfee_fuzz::assert_same_days(a, b);
            posfee_fuzz::check_loaded_calendar(a);
        }
        (Err(e), Err(f)) => {
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
            posfee_fuzz::assert_message_bounded(e);
            // The data version is checked first: its own error may come instead.
            if f.field() != "data_version" {
                assert_eq!((e.code(), e.field()), (f.code(), f.field()), "the data version changed the error");
            }
        }
        // A data version may itself be refused (an empty one).
        (Ok(_), Err(f)) => assert!(version.is_some(), "{f:?}"),
        (Err(e), Ok(_)) => panic!("refused without a version, accepted with one: {e:?}"),
    }
});
