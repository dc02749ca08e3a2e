//! posfee's own input bounds: how deep, how long and how many an input may
//! be before it is refused with [`ErrorCode::InputTooLarge`]. They are not
//! plan data (no seed speaks of them); they keep a hostile input from
//! exhausting memory or time, and sit far above anything a real payment,
//! plan, calendar or statement needs. Each is documented with its error in
//! the README ("Input bounds").
//!
//! ```
//! use posfee_core::bounds;
//! assert_eq!(bounds::MAX_DEPTH, 64);
//! let e = bounds::too_deep("payment.x[0]");
//! assert_eq!((e.code().as_str(), e.reason().as_str()), ("input_too_large", "too_deep"));
//! ```

use crate::error::Reason;
use crate::error::{Error, ErrorCode};

/// Nesting of objects and arrays in any input (a JavaScript value, a plan,
/// calendar or statement-line JSON text): the outermost value is level 1.
pub const MAX_DEPTH: usize = 64;

/// Bytes of a plan, calendar or contract file (the embedded 优POS plan is
/// 7 KB, its four-year calendar 17 KB).
pub const MAX_DATA_FILE_BYTES: usize = 1 << 20;

/// Entries of a holiday-cn file's `days` list (a year and the December
/// before it have 397 days).
pub const MAX_CALENDAR_ENTRIES: usize = 400;

/// Bytes of one CSV statement record (a header or a line): a longer record
/// is a bad record (a longer header stops the reading); reading goes on at
/// the next line.
pub const MAX_CSV_RECORD_BYTES: usize = 64 * 1024;

/// Bytes of one JSON statement line.
pub const MAX_JSON_LINE_BYTES: usize = 64 * 1024;

/// Bytes of one chunk given to a CSV reader at once (bigger files are fed in
/// pieces; `auditCsv` feeds 64 KiB at a time).
pub const MAX_CHUNK_BYTES: usize = 16 << 20;

/// Bytes of an .xlsx statement file: a bigger workbook is refused before
/// it is read. posfee's own bound (an .xlsx is read whole, not streamed).
pub const MAX_XLSX_BYTES: usize = 64 << 20;

/// Bytes of all parts of an .xlsx file unpacked: a workbook that unpacks to
/// more (a zip bomb) is refused before calamine reads it. posfee's own bound.
pub const MAX_XLSX_UNPACKED_BYTES: usize = 256 << 20;

/// Columns of an .xlsx statement sheet (column A = 1): a cell with a value
/// further right is refused. posfee's own bound; a statement has about ten.
pub const MAX_XLSX_COLUMNS: u32 = 256;

/// Payments in one batch call (`feeBatch`, `feeBatchText`, a ledger's
/// `quoteAll`, an audit's `auditLines`, a comparison's mix).
pub const MAX_BATCH: usize = 10_000_000;

/// Characters of a money, rate or time text (`"1234.50"`,
/// `"2025-03-12T10:00:00+08:00"`): a longer one is refused before it is read.
pub const MAX_VALUE_CHARS: usize = 64;

/// Refuses a value text longer than [`MAX_VALUE_CHARS`].
///
/// ```
/// use posfee_core::bounds::check_value_text;
/// assert!(check_value_text("amount", "12.50").is_ok());
/// let e = check_value_text("amount", &"1".repeat(10_000)).unwrap_err();
/// assert_eq!((e.field(), e.reason().as_str()), ("amount", "too_long"));
/// ```
pub fn check_value_text(field: &str, text: &str) -> crate::Result<()> {
    if text.len() > MAX_VALUE_CHARS && text.chars().nth(MAX_VALUE_CHARS).is_some() {
        return Err(too_long(field, MAX_VALUE_CHARS, "characters"));
    }
    Ok(())
}

/// Characters of an input value repeated in an error message; a longer value
/// is cut and ends with "…".
pub const MAX_ECHO_CHARS: usize = 64;

/// An input value as an error message repeats it: control characters (a
/// newline, NUL) escaped, at most [`MAX_ECHO_CHARS`] characters, a longer
/// one cut with "…".
///
/// ```
/// use posfee_core::bounds::echo;
/// assert_eq!(echo("12.5"), "12.5");
/// assert_eq!(echo("1\n2\u{0}"), "1\\n2\\0");
/// assert_eq!(echo(&"9".repeat(10_000)).chars().count(), 65);
/// ```
pub fn echo(text: &str) -> String {
    cut_escaped(text, MAX_ECHO_CHARS)
}

/// `text` with control characters escaped, cut after `max` characters with "…".
fn cut_escaped(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max.saturating_mul(4)) + 3);
    for (n, c) in text.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        push_escaped(&mut out, c);
    }
    out
}

/// Characters of a field path repeated in a message (the `field` itself
/// stays exact); a longer one is cut with "…".
pub const MAX_FIELD_ECHO_CHARS: usize = 256;

/// Characters of a whole message; a longer one is cut with "…".
pub const MAX_MESSAGE_CHARS: usize = 1024;

/// An error message as it is kept: the field path it repeats cut to
/// [`MAX_FIELD_ECHO_CHARS`], control characters (a key holding a newline or
/// NUL) escaped, the whole at most [`MAX_MESSAGE_CHARS`].
pub(crate) fn tidy_message(message: String, field: &str) -> String {
    let long_field =
        field.len() > MAX_FIELD_ECHO_CHARS && field.chars().nth(MAX_FIELD_ECHO_CHARS).is_some();
    let m = if !field.is_empty() && (long_field || field.chars().any(char::is_control)) {
        message.replace(field, &cut_escaped(field, MAX_FIELD_ECHO_CHARS))
    } else {
        message
    };
    if m.len() <= MAX_MESSAGE_CHARS && !m.chars().any(char::is_control) {
        return m;
    }
    // Escaped first, so the bound counts the characters shown.
    cut_escaped(&cut_escaped(&m, usize::MAX), MAX_MESSAGE_CHARS)
}

/// A message text (serde's, a file's) cut to a few times the echo length,
/// for messages that repeat a value inside their own words.
pub(crate) fn echo_message(text: &str) -> String {
    cut_escaped(text, MAX_ECHO_CHARS * 4)
}

/// `c`, or for a control character its escape (`\n`, `\0`, `\u{1b}`),
/// written without the Unicode tables `char::escape_debug` brings.
fn push_escaped(out: &mut String, c: char) {
    if !c.is_control() {
        out.push(c);
        return;
    }
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\0' => out.push_str("\\0"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u{");
            let v = u32::from(c);
            let mut started = false;
            for shift in [20u32, 16, 12, 8, 4, 0] {
                let d = (v >> shift) & 0xf;
                if d != 0 || started || shift == 0 {
                    started = true;
                    out.push(char::from(HEX.get(d as usize).copied().unwrap_or(b'0')));
                }
            }
            out.push('}');
        }
    }
}

/// Nesting deeper than [`MAX_DEPTH`] at `field` (the first value too deep).
///
/// ```
/// let e = posfee_core::bounds::too_deep("usage.used");
/// assert!(e.message_en().contains("64"));
/// ```
pub fn too_deep(field: &str) -> Error {
    Error::at(
        ErrorCode::InputTooLarge,
        field,
        Reason::TooDeep,
        format!("嵌套超过 {MAX_DEPTH} 层"),
        format!("nested more than {MAX_DEPTH} levels deep"),
    )
}

/// [`too_deep`] at `path` (keys and `[i]` indexes) under the input `prefix`:
/// `payment` and `x[0]` name `payment.x[0]`, `mix` and `[2]` name `mix[2]`.
///
/// ```
/// let e = posfee_core::bounds::too_deep_under("payment", "x[0]");
/// assert_eq!(e.field(), "payment.x[0]");
/// assert_eq!(posfee_core::bounds::too_deep_under("", "x").field(), "x");
/// ```
pub fn too_deep_under(prefix: &str, path: &str) -> Error {
    let field = if prefix.is_empty() || path.is_empty() || path.starts_with('[') {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}.{path}")
    };
    too_deep(&field)
}

/// More than `limit` bytes at `field` (a file, a record, a chunk).
///
/// ```
/// let e = posfee_core::bounds::too_long("line 2", 65_536, "bytes");
/// assert_eq!(e.reason().as_str(), "too_long");
/// assert!(e.message_en().contains("65536 bytes"));
/// ```
pub fn too_long(field: &str, limit: usize, unit: &str) -> Error {
    let unit_zh = if unit == "bytes" {
        "字节"
    } else {
        "个字符"
    };
    Error::at(
        ErrorCode::InputTooLarge,
        field,
        Reason::TooLong,
        format!("超过 {limit} {unit_zh}的上限"),
        format!("longer than the limit of {limit} {unit}"),
    )
}

/// More than `limit` entries at `field` (a batch, a list in a file).
///
/// ```
/// let e = posfee_core::bounds::too_many("amounts", 10_000_000);
/// assert_eq!(e.reason().as_str(), "too_many");
/// ```
pub fn too_many(field: &str, limit: usize) -> Error {
    Error::at(
        ErrorCode::InputTooLarge,
        field,
        Reason::TooMany,
        format!("超过 {limit} 项的上限"),
        format!("more than the limit of {limit} entries"),
    )
}
