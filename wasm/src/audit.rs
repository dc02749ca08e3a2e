//! The statement audit (`Auditor`) and troubleshooting (`Engine.diagnose`).
//!
//! Lines given as JavaScript objects are read by the core's
//! `StatementLineInput`, one by one: a line that cannot be read is an
//! unjudgeable line (with its error, named in the caller's camelCase), never
//! a thrown error. A CSV statement is fed in chunks of bytes or text
//! (`feedCsv`, `finishCsv`); the entry points add `auditCsv` (audit.js),
//! which streams a whole file with progress.

use crate::api::Engine;
use crate::args::{parse_merchant, parse_options};
use crate::convert::{list, read, read_tree, to_js, tree, JsErr, JsResult};
use js_sys::{Array, Function, Uint8Array};
use posfee_core as pf;
use posfee_core::read::Value;
use wasm_bindgen::prelude::*;

/// Audits a statement, line by line or as a CSV file fed piece by piece.
/// It keeps its own copy of the engine's plan and calendar.
#[wasm_bindgen]
pub struct Auditor {
    inner: pf::Auditor,
    csv: pf::CsvReader,
    /// Lines audited so far (the index of the next line given as an object).
    lines: u64,
}

fn as_of(v: &JsValue) -> JsResult<pf::ChinaDateTime> {
    let text = match v.as_string() {
        Some(t) => t,
        None if v.is_null() || v.is_undefined() => {
            return Err(JsErr::from(pf::read::missing("as_of")))
        }
        None => {
            return Err(JsErr::from(pf::read::wrong_type(
                "as_of",
                &crate::convert::what(v),
            )))
        }
    };
    Ok(pf::ChinaDateTime::parse("as_of", &text)?)
}

/// A line's error in the caller's spelling (`lines[0].feeCharged`).
fn camel_errors(mut a: pf::LineAudit) -> pf::LineAudit {
    a.error = a.error.map(|e| JsErr::from(e).0);
    a
}

#[wasm_bindgen(inline_js = r#"
// A chunk as a string or a Uint8Array of its own bytes; undefined for any
// other kind; throws for a detached ArrayBuffer.
export function posfeeChunk(v) {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) {
    if (v.buffer.detached === true) throw new TypeError('detached ArrayBuffer');
    return v;
  }
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return undefined;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = posfeeChunk)]
    fn js_chunk(v: &JsValue) -> Result<JsValue, JsValue>;
}

fn chunk_bytes(v: &JsValue) -> JsResult<Vec<u8>> {
    let limit = pf::bounds::MAX_CHUNK_BYTES;
    let too_long = || JsErr(pf::bounds::too_long("chunk", limit, "bytes"));
    let chunk = js_chunk(v).map_err(|_| JsErr(pf::input::detached("chunk")))?;
    #[allow(clippy::cast_precision_loss)]
    if crate::batch::js_length(&chunk) > limit as f64 {
        return Err(too_long());
    }
    if let Some(s) = chunk.as_string() {
        return Ok(s.into_bytes());
    }
    if let Some(a) = chunk.dyn_ref::<Uint8Array>() {
        if a.byte_length() as usize > limit {
            return Err(too_long());
        }
        return Ok(a.to_vec());
    }
    Err(JsErr(pf::read::wrong_type(
        "chunk",
        &crate::convert::what(&chunk),
    )))
}

/// The lines as a JavaScript array, each also handed to `on_line`.
fn hand_over(lines: &[pf::LineAudit], on_line: Option<Function>) -> Result<JsValue, JsValue> {
    let out = to_js(&lines)?;
    if let Some(f) = on_line {
        for l in Array::from(&out).iter() {
            f.call1(&JsValue::NULL, &l)?;
        }
    }
    Ok(out)
}

#[wasm_bindgen(inline_js = r#"
// The platform's decoders for statement encodings other than UTF-8, by
// number (0: the platform has none); bytes that do not decode become U+FFFD.
const decoders = new Map();
let next = 0;
export function posfeeTextDecoder(label) {
  try {
    const d = new TextDecoder(label);
    decoders.set(++next, d);
    return next;
  } catch {
    return 0;
  }
}
export function posfeeDecode(id, bytes, last) {
  return decoders.get(id)?.decode(bytes, { stream: !last }) ?? '';
}
export function posfeeDropDecoder(id) {
  decoders.delete(id);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = posfeeTextDecoder)]
    fn text_decoder(label: &str) -> u32;
    #[wasm_bindgen(js_name = posfeeDecode)]
    fn decode_with(id: u32, bytes: &[u8], last: bool) -> String;
    #[wasm_bindgen(js_name = posfeeDropDecoder)]
    fn drop_decoder(id: u32);
}

/// A statement encoding decoded by the platform's `TextDecoder` (held on
/// the JavaScript side, by number, so the decoder is `Send` as the core
/// asks).
struct PlatformDecoder(u32);

impl pf::TextDecode for PlatformDecoder {
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut String) {
        out.push_str(&decode_with(self.0, bytes, last));
    }
}

impl Drop for PlatformDecoder {
    fn drop(&mut self) {
        drop_decoder(self.0);
    }
}

fn platform_decoder(encoding: pf::TextEncoding) -> Option<Box<dyn pf::TextDecode>> {
    match text_decoder(encoding.as_str()) {
        0 => None,
        id => Some(Box::new(PlatformDecoder(id))),
    }
}

impl Auditor {
    /// Runs one step of the statement's reading (`feedCsv`, `feedRows`,
    /// `finishCsv`) and hands the lines it judged over: returned, and each
    /// to `onLine`; the count of lines audited follows.
    fn read_step(
        &mut self,
        on_line: Option<Function>,
        step: impl FnOnce(
            &mut pf::Auditor,
            &mut pf::CsvReader,
            &mut dyn FnMut(pf::LineAudit, u64),
        ) -> pf::Result<()>,
    ) -> Result<JsValue, JsValue> {
        let mut out = Vec::new();
        let lines = &mut self.lines;
        step(&mut self.inner, &mut self.csv, &mut |l, done| {
            out.push(l);
            *lines = done;
        })
        .map_err(JsErr::from)?;
        hand_over(&out, on_line)
    }
}

#[wasm_bindgen]
impl Auditor {
    /// An auditor of a merchant's statement under the engine's plan and
    /// calendar, judged as of `asOf` (for `not_settled`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        engine: &Engine,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of_time: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<Auditor, JsValue> {
        let m = parse_merchant(&merchant)?;
        let t = as_of(&as_of_time)?;
        let o = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
        let e = &engine.inner;
        let opts = pf::AuditOptions {
            as_of: t,
            provisional: o.provisional,
        };
        let inner = pf::Auditor::new(e.plan(), e.calendar(), m, opts).map_err(JsErr::from)?;
        Ok(Auditor {
            inner,
            csv: pf::CsvReader::new(),
            lines: 0,
        })
    }

    fn judge(&mut self, v: &Value) -> pf::LineAudit {
        let index = self.lines;
        let prefix = format!("lines[{index}]");
        self.lines += 1;
        // The reader's errors already name the caller's keys.
        match read_tree::<pf::StatementLineInput>(v, &prefix) {
            Ok(line) => camel_errors(self.inner.audit_input(index, None, &line)),
            Err(e) => self.inner.unjudgeable(index, None, None, e.0),
        }
    }

    /// Audits one statement line; its index is the number of lines audited
    /// before it. A line that cannot be read or validated comes back
    /// unjudgeable, with its error.
    #[wasm_bindgen(js_name = auditLine, unchecked_return_type = "LineAudit")]
    pub fn audit_line(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "StatementLineInput")] line: JsValue,
    ) -> Result<JsValue, JsValue> {
        let prefix = format!("lines[{}]", self.lines);
        let a = match tree(&line, &prefix) {
            Ok(v) => self.judge(&v),
            Err(e) => {
                let a = self.inner.unjudgeable(self.lines, None, None, e.0);
                self.lines += 1;
                a
            }
        };
        Ok(to_js(&a)?)
    }

    /// Audits many lines in one call, in order.
    #[wasm_bindgen(js_name = auditLines, unchecked_return_type = "LineAudit[]")]
    pub fn audit_lines(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "StatementLineInput[]")] lines: JsValue,
    ) -> Result<JsValue, JsValue> {
        let list = list(&lines, "lines")?;
        let out: Vec<pf::LineAudit> = list.iter().map(|v| self.judge(v)).collect();
        Ok(to_js(&out)?)
    }

    /// Feeds the next piece of a CSV statement (bytes or text; a record may
    /// span pieces) and returns the lines it completed, each also handed to
    /// `onLine`. A header that cannot be used throws `invalid_csv` (and the
    /// reading starts over); a bad record is an unjudgeable line with its
    /// line number.
    #[wasm_bindgen(js_name = feedCsv, unchecked_return_type = "LineAudit[]")]
    pub fn feed_csv(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer | string")] chunk: JsValue,
        #[wasm_bindgen(
            js_name = onLine,
            unchecked_optional_param_type = "((line: LineAudit) => void) | null"
        )]
        on_line: Option<Function>,
    ) -> Result<JsValue, JsValue> {
        let bytes = chunk_bytes(&chunk)?;
        self.read_step(on_line, |a, csv, each| a.feed_csv(csv, &bytes, each))
    }

    /// Ends the CSV statement: reads a last record without a newline and
    /// returns it (handed to `onLine` too). A file without a header throws
    /// `invalid_csv`. The statement is then ended: a later `feedCsv` or
    /// `finishCsv` throws `invalid_state` (reason `finished`).
    #[wasm_bindgen(js_name = finishCsv, unchecked_return_type = "LineAudit[]")]
    pub fn finish_csv(
        &mut self,
        #[wasm_bindgen(
            js_name = onLine,
            unchecked_optional_param_type = "((line: LineAudit) => void) | null"
        )]
        on_line: Option<Function>,
    ) -> Result<JsValue, JsValue> {
        self.read_step(on_line, |a, csv, each| a.finish_csv(csv, each).map(|_| ()))
    }

    /// Feeds rows of text cells (a sheet read by `xlsxRows` of
    /// `posfee/xlsx`), after `startStatement`: read by the statement's
    /// format as a CSV file's records are; returns the lines judged, each
    /// also handed to `onLine`. End with `finishCsv`.
    #[wasm_bindgen(js_name = feedRows, unchecked_return_type = "LineAudit[]")]
    pub fn feed_rows(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string[][]")] rows: JsValue,
        #[wasm_bindgen(
            js_name = onLine,
            unchecked_optional_param_type = "((line: LineAudit) => void) | null"
        )]
        on_line: Option<Function>,
    ) -> Result<JsValue, JsValue> {
        let rows = pf::read::text_rows(&tree(&rows, "rows")?, "rows").map_err(JsErr)?;
        self.read_step(on_line, |a, csv, each| a.feed_rows(csv, rows, each))
    }

    /// Reads the next CSV statement (`feedCsv`, `finishCsv`) as merchants
    /// have it: encoding detected or named (decoded by the platform's
    /// `TextDecoder`), title rows skipped, columns and values mapped by the
    /// format's profile (the built-in `generic` one by default), a 合计 row
    /// checked. A format that cannot be used throws.
    #[wasm_bindgen(js_name = startStatement)]
    pub fn start_statement(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "StatementFormatInput | null")]
        format: Option<JsValue>,
    ) -> Result<(), JsValue> {
        let input: pf::StatementFormatInput = match format {
            Some(v) if !v.is_undefined() && !v.is_null() => read(&v, "format")?,
            _ => pf::StatementFormatInput::default(),
        };
        let mut f = input.to_format("format").map_err(JsErr::from)?;
        f.decoders = Some(platform_decoder);
        self.csv = pf::CsvReader::with_format(f);
        Ok(())
    }

    /// How the statement begun with `startStatement` is read (encoding,
    /// profile, header, columns), once its header is found; else null.
    #[wasm_bindgen(js_name = statementLayout, unchecked_return_type = "StatementLayout | null")]
    pub fn statement_layout(&self) -> Result<JsValue, JsValue> {
        Ok(to_js(&self.csv.layout())?)
    }

    /// Whether the statement's lines add up to its totals (its 合计 row or
    /// the format's); null when it states none.
    #[wasm_bindgen(js_name = statementTotals, unchecked_return_type = "TotalsCheck | null")]
    pub fn statement_totals(&self) -> Result<JsValue, JsValue> {
        Ok(to_js(&self.csv.totals())?)
    }

    /// The summary of the lines audited so far.
    #[wasm_bindgen(unchecked_return_type = "AuditSummary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        Ok(to_js(&self.inner.summary())?)
    }
}

#[wasm_bindgen]
impl Engine {
    /// An auditor of a merchant's statement (`new Auditor(engine, …)`).
    #[wasm_bindgen]
    pub fn auditor(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of_time: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<Auditor, JsValue> {
        Auditor::new(self, merchant, as_of_time, options)
    }

    /// Why a payment was declined, why money has not arrived, why 花呗 is
    /// unavailable, why UnionPay suspended the merchant: causes ranked by the
    /// facts given, each with what to do.
    #[wasm_bindgen(unchecked_return_type = "Diagnosis")]
    pub fn diagnose(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DiagnoseInput")] question: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input = read::<pf::DiagnoseInput>(&question, "")?;
        let d = self.inner.diagnose(&input).map_err(JsErr::from)?;
        Ok(to_js(&d)?)
    }
}
