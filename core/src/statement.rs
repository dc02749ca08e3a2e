//! Statements (对账单): their lines as given, and a streaming CSV reader that
//! takes bytes in chunks and reports each bad record with its line number
//! without stopping.
//!
//! The CSV header names the columns (any order):
//! `id,time,amount,method,card_kind,card_medium,magstripe_verified,wallet,large_mode,fee_charged,net_settled,settled_date`.
//! `id`, `time`, `amount`, `method` and `fee_charged` are required; the others
//! may be left out or empty. Booleans are `true`/`false` (or `1`/`0`).

use crate::bounds::{self, MAX_CHUNK_BYTES, MAX_CSV_RECORD_BYTES};
use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
use crate::input::PaymentInput;
#[cfg(feature = "statements")]
use crate::layout::{FormatState, StatementFormat, StatementLayout, TotalsCheck};
use crate::money::Money;
use crate::payment::Payment;
use crate::time::parse_date;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The columns of a CSV statement, in the documented order.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "time",
    "amount",
    "method",
    "card_kind",
    "card_medium",
    "magstripe_verified",
    "wallet",
    "large_mode",
    "fee_charged",
    "net_settled",
    "settled_date",
];

/// The columns an audit needs.
pub(crate) const REQUIRED: &[&str] = &["id", "time", "amount", "method", "fee_charged"];

/// A statement line as given (JSON object or CSV record).
///
/// ```
/// let l: posfee_core::StatementLineInput = serde_json::from_str(r#"{"id": "T1", "time": "2025-03-12T10:00",
///   "amount": "1000.00", "method": "qr", "wallet": "wechat", "fee_charged": "3.80", "net_settled": "996.20",
///   "settled_date": "2025-03-12"}"#).unwrap();
/// assert_eq!(l.to_line("lines[0]").unwrap().fee_charged.to_string(), "3.80");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementLineInput {
    /// Transaction id (流水号).
    #[serde(default)]
    pub id: Option<String>,
    /// Payment time.
    #[serde(default)]
    pub time: Option<String>,
    /// Amount.
    #[serde(default)]
    pub amount: Option<String>,
    /// Method.
    #[serde(default)]
    pub method: Option<String>,
    /// Card kind.
    #[serde(default)]
    pub card_kind: Option<String>,
    /// Card medium.
    #[serde(default)]
    pub card_medium: Option<String>,
    /// Verified magstripe card.
    #[serde(default)]
    pub magstripe_verified: Option<bool>,
    /// Wallet.
    #[serde(default)]
    pub wallet: Option<String>,
    /// Large-amount mode.
    #[serde(default)]
    pub large_mode: Option<bool>,
    /// The fee the provider charged.
    #[serde(default)]
    pub fee_charged: Option<String>,
    /// The net amount settled, if settled.
    #[serde(default)]
    pub net_settled: Option<String>,
    /// The date it was settled, if settled.
    #[serde(default)]
    pub settled_date: Option<String>,
}

/// A validated statement line.
///
/// ```
/// # let l: posfee_core::StatementLineInput = serde_json::from_str(r#"{"id": "T1", "time": "2025-03-12T10:00", "amount": "10", "method": "qr", "wallet": "alipay", "fee_charged": "0.04"}"#).unwrap();
/// let line = l.to_line("lines[0]").unwrap();
/// assert!(line.settled_date.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLine {
    /// Transaction id.
    pub id: String,
    /// The payment.
    pub payment: Payment,
    /// Fee charged.
    pub fee_charged: Money,
    /// Net settled.
    pub net_settled: Option<Money>,
    /// Settlement date.
    pub settled_date: Option<NaiveDate>,
}

impl StatementLineInput {
    /// Validates the line; errors name `prefix.field`.
    ///
    /// ```
    /// let l = posfee_core::StatementLineInput { id: Some("T1".into()), ..Default::default() };
    /// assert_eq!(l.to_line("lines[3]").unwrap_err().field(), "lines[3].amount");
    /// ```
    pub fn to_line(&self, prefix: &str) -> Result<StatementLine> {
        let f = |n: &str| format!("{prefix}.{n}");
        let id = match self.id.as_deref() {
            Some(id) if !id.trim().is_empty() => id.to_string(),
            _ => return Err(Error::missing(&f("id"))),
        };
        let payment = PaymentInput {
            amount: self.amount.clone(),
            method: self.method.clone(),
            card_kind: self.card_kind.clone(),
            card_medium: self.card_medium.clone(),
            magstripe_verified: self.magstripe_verified,
            wallet: self.wallet.clone(),
            large_mode: self.large_mode,
            time: self.time.clone(),
        }
        .to_payment(prefix)?;
        let fee_charged = match &self.fee_charged {
            Some(t) => Money::parse_non_negative(&f("fee_charged"), t)?,
            None => {
                return Err(crate::money::amount_error(
                    &f("fee_charged"),
                    "",
                    Reason::Missing,
                ))
            }
        };
        let net_settled = self
            .net_settled
            .as_deref()
            .map(|t| Money::parse_non_negative(&f("net_settled"), t))
            .transpose()?;
        let settled_date = self
            .settled_date
            .as_deref()
            .map(|t| parse_date(&f("settled_date"), t))
            .transpose()?;
        Ok(StatementLine {
            id,
            payment,
            fee_charged,
            net_settled,
            settled_date,
        })
    }
}

/// One record read from a CSV statement.
///
/// ```
/// use posfee_core::{CsvReader, CsvRecord};
/// let mut r = CsvReader::new();
/// let mut got = Vec::new();
/// r.feed(b"id,time,amount,method,wallet,fee_charged\nT1,2025-03-12T10:00,10,qr,alipay,0.04\n", &mut |rec| got.push(rec)).unwrap();
/// r.finish(&mut |rec| got.push(rec)).unwrap();
/// assert!(matches!(&got[0], CsvRecord::Line { line_number: 2, .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvRecord {
    /// A record that has the header's shape.
    Line {
        /// 0-based index among data records.
        index: u64,
        /// 1-based line number in the file where the record starts.
        line_number: u64,
        /// The fields.
        input: Box<StatementLineInput>,
    },
    /// A record that cannot be read; it is still reported, with its line.
    Bad {
        /// 0-based index among data records.
        index: u64,
        /// 1-based line number in the file.
        line_number: u64,
        /// What is wrong.
        error: Error,
    },
}

/// A streaming CSV statement reader: feed it chunks of bytes as they come
/// (a file, a network stream, a browser `File`), get records as they complete.
/// Memory holds one incomplete record at a time.
///
/// ```
/// use posfee_core::{CsvReader, CsvRecord};
/// let mut r = CsvReader::new();
/// let mut bad = Vec::new();
/// let text = "id,time,amount,method,wallet,fee_charged\nT1,2025-03-12T10:00,10,qr\n\nT2,2025-03-12T10:00,\"1,000.00\",qr,alipay,3.80\n";
/// r.feed(text.as_bytes(), &mut |rec| if let CsvRecord::Bad { line_number, error, .. } = rec { bad.push((line_number, error.reason().to_string())) }).unwrap();
/// assert_eq!(bad, vec![(2, "missing_column".to_string())]);
/// assert_eq!(r.blank_lines(), 1);
/// ```
#[derive(Debug, Default)]
pub struct CsvReader {
    buf: Vec<u8>,
    scanned: usize,
    in_quotes: bool,
    line: u64,
    header: Option<Vec<usize>>,
    header_fields: Vec<String>,
    index: u64,
    blank: u64,
    skipping: bool,
    finished: bool,
    /// How a statement file not in posfee's own format is read.
    #[cfg(feature = "statements")]
    format: Option<Box<FormatState>>,
}

/// A CSV call after `finish` ended the statement.
fn finished() -> Error {
    Error::at(
        ErrorCode::InvalidState,
        "chunk",
        Reason::Finished,
        "该对账单已结束；下一份对账单请新建一个 Auditor",
        "this statement has ended; audit the next statement with a new Auditor",
    )
}

/// A statement with no header (empty, or only blank lines).
pub(crate) fn no_header() -> Error {
    csv_error(
        1,
        Reason::Empty,
        "文件为空或没有表头".into(),
        "the file is empty or has no header".into(),
    )
}

pub(crate) fn csv_error(line: u64, reason: Reason, zh: String, en: String) -> Error {
    Error::new(
        ErrorCode::InvalidCsv,
        format!("line {line}"),
        reason,
        format!("第 {line} 行：{zh}"),
        format!("line {line}: {en}"),
    )
}

impl CsvReader {
    /// A reader waiting for the header.
    ///
    /// ```
    /// assert_eq!(posfee_core::CsvReader::new().records(), 0);
    /// ```
    pub fn new() -> CsvReader {
        CsvReader::default()
    }

    /// A reader for a statement file as merchants have it (feature
    /// `statements`): encoding
    /// detected or named, title rows skipped, columns and values mapped by
    /// the format's profile, a totals row checked (see [`StatementFormat`]).
    /// Records come out in posfee's terms, so an [`Auditor`](crate::Auditor)
    /// audits them as any other.
    ///
    /// ```
    /// use posfee_core::{CsvReader, CsvRecord, StatementFormat};
    /// let text = "商户对账单\n流水号,交易时间,交易金额,卡类型,交易方式,手续费\nT1,2025/03/12 10:00:00,\"¥1,000.00\",贷记卡,挥卡,5.50\n";
    /// let mut r = CsvReader::with_format(StatementFormat::default());
    /// let mut lines = Vec::new();
    /// r.feed(text.as_bytes(), &mut |rec| lines.push(rec)).unwrap();
    /// r.finish(&mut |rec| lines.push(rec)).unwrap();
    /// let CsvRecord::Line { input, line_number, .. } = &lines[0] else { panic!() };
    /// assert_eq!(*line_number, 3);
    /// assert_eq!((input.amount.as_deref(), input.method.as_deref(), input.card_kind.as_deref()),
    ///            (Some("1000.00"), Some("contactless"), Some("credit")));
    /// assert_eq!(input.time.as_deref(), Some("2025-03-12T10:00:00"));
    /// ```
    #[cfg(feature = "statements")]
    pub fn with_format(format: StatementFormat) -> CsvReader {
        CsvReader {
            format: Some(Box::new(FormatState::new(format))),
            ..CsvReader::default()
        }
    }

    /// How the file is being read (encoding, profile, header, columns),
    /// once the header is found; `None` for posfee's own format.
    ///
    /// See [`StatementLayout`] for an example.
    #[cfg(feature = "statements")]
    pub fn layout(&self) -> Option<&StatementLayout> {
        self.format.as_ref().and_then(|f| f.layout.as_ref())
    }

    /// Whether the lines add up to the statement's totals (its totals row,
    /// or the totals the format gives); `None` when there are none.
    ///
    /// See [`TotalsCheck`] for an example.
    #[cfg(feature = "statements")]
    pub fn totals(&self) -> Option<TotalsCheck> {
        self.format.as_ref().and_then(|f| f.totals())
    }

    /// Feeds one row of a statement already split into cells (an Excel
    /// sheet's, [`crate::xlsx_rows`]): read as a record of the file on the
    /// next line, by the reader's format. A reader of posfee's own CSV
    /// format reads only bytes: `invalid_state`.
    ///
    /// ```
    /// use posfee_core::{CsvReader, CsvRecord, StatementFormat};
    /// let mut r = CsvReader::with_format(StatementFormat::default());
    /// let mut got = Vec::new();
    /// for row in [vec!["对账单"], vec!["流水号", "交易时间", "交易金额", "交易方式", "手续费"],
    ///             vec!["T1", "2025-03-12T10:00:00", "100", "微信", "0.38"]] {
    ///     r.feed_row(row.into_iter().map(String::from).collect(), &mut |rec| got.push(rec)).unwrap();
    /// }
    /// assert!(matches!(&got[0], CsvRecord::Line { line_number: 3, .. }));
    /// ```
    #[cfg(feature = "statements")]
    pub fn feed_row(&mut self, cells: Vec<String>, out: &mut dyn FnMut(CsvRecord)) -> Result<()> {
        if self.finished {
            return Err(finished());
        }
        if self.format.is_none() {
            return Err(Error::at(
                ErrorCode::InvalidState,
                "row",
                Reason::Unsupported,
                "posfee 自有 CSV 格式的读取器只读字节；按行读取请用 CsvReader::with_format",
                "posfee's own CSV reader reads bytes; read rows with CsvReader::with_format",
            ));
        }
        if let Some(f) = self.format.as_mut() {
            f.cells = true;
        }
        self.line += 1;
        let line = self.line;
        if cells.iter().all(|c| c.trim().is_empty()) {
            self.blank += 1;
            return Ok(());
        }
        let fed = self.format_record(line, cells, out);
        if fed.is_err() {
            self.restart();
        }
        fed
    }

    /// The reader as new, for the same format.
    fn restart(&mut self) {
        #[cfg(feature = "statements")]
        let format = self
            .format
            .take()
            .map(|f| Box::new(FormatState::new(f.spec)));
        *self = CsvReader::default();
        #[cfg(feature = "statements")]
        {
            self.format = format;
        }
    }

    /// Data records seen so far.
    ///
    /// ```
    /// assert_eq!(posfee_core::CsvReader::new().records(), 0);
    /// ```
    pub fn records(&self) -> u64 {
        self.index
    }

    /// Blank lines skipped so far.
    ///
    /// ```
    /// assert_eq!(posfee_core::CsvReader::new().blank_lines(), 0);
    /// ```
    pub fn blank_lines(&self) -> u64 {
        self.blank
    }

    /// Feeds a chunk. A header that cannot be used (a required column
    /// missing, an unknown or repeated column, longer than
    /// [`MAX_CSV_RECORD_BYTES`]) is an error, and the reading starts over;
    /// every other problem is a [`CsvRecord::Bad`] and reading goes on. After
    /// [`CsvReader::finish`] it is `invalid_state` / `finished`.
    ///
    /// See [`CsvReader`] for an example.
    pub fn feed(&mut self, chunk: &[u8], out: &mut dyn FnMut(CsvRecord)) -> Result<()> {
        if self.finished {
            return Err(finished());
        }
        if chunk.len() > MAX_CHUNK_BYTES {
            return Err(bounds::too_long("chunk", MAX_CHUNK_BYTES, "bytes"));
        }
        #[cfg(feature = "statements")]
        let fed = match self.format.as_mut().map(|f| f.decode(chunk, false)) {
            Some(Ok(text)) => {
                let text = text.into_owned();
                self.feed_bytes(&text, out)
            }
            Some(Err(e)) => Err(e),
            None => self.feed_bytes(chunk, out),
        };
        #[cfg(not(feature = "statements"))]
        let fed = self.feed_bytes(chunk, out);
        if fed.is_err() {
            // A header that cannot be used: the reading starts over.
            self.restart();
        }
        fed
    }

    fn feed_bytes(&mut self, chunk: &[u8], out: &mut dyn FnMut(CsvRecord)) -> Result<()> {
        let mut chunk = chunk;
        if self.skipping {
            // The rest of a record too long to read: dropped up to its newline.
            match chunk.iter().position(|b| *b == b'\n') {
                None => return Ok(()),
                Some(at) => {
                    self.skipping = false;
                    chunk = chunk.get(at + 1..).unwrap_or(&[]);
                }
            }
        }
        self.buf.extend_from_slice(chunk);
        let mut start = 0usize;
        let mut i = self.scanned;
        while let Some(&b) = self.buf.get(i) {
            if b == b'"' {
                self.in_quotes = !self.in_quotes;
            } else if b == b'\n' && !self.in_quotes {
                if i - start > MAX_CSV_RECORD_BYTES {
                    let newlines = count_newlines(self.buf.get(start..i).unwrap_or(&[]));
                    self.too_long(newlines, out)?;
                } else {
                    let record = self.buf.get(start..i).unwrap_or(&[]).to_vec();
                    self.record(&record, out)?;
                }
                start = i + 1;
            }
            i += 1;
        }
        self.buf.drain(..start.min(self.buf.len()));
        self.scanned = self.buf.len();
        if self.buf.len() > MAX_CSV_RECORD_BYTES {
            // No newline within the bound: the record is refused now, and
            // its bytes up to the next newline are dropped as they come.
            let newlines = count_newlines(&self.buf);
            self.buf = Vec::new();
            self.scanned = 0;
            self.in_quotes = false;
            self.skipping = true;
            self.too_long(newlines, out)?;
        }
        Ok(())
    }

    /// A record longer than [`MAX_CSV_RECORD_BYTES`]: a bad line, or for the
    /// header an error that stops the reading.
    fn too_long(&mut self, newlines: u64, out: &mut dyn FnMut(CsvRecord)) -> Result<()> {
        let first = self.line + 1;
        self.line += 1 + newlines;
        let field = format!("line {first}");
        let error = bounds::too_long(&field, MAX_CSV_RECORD_BYTES, "bytes");
        if self.header.is_none() {
            self.skipping = false;
            return Err(error);
        }
        self.bad(first, error, out);
        Ok(())
    }

    /// Ends the input: a last record without a newline is read; an open
    /// quote is a bad record. The reader is then finished: a second `finish`
    /// or a `feed` is `invalid_state` / `finished`.
    ///
    /// ```
    /// let mut r = posfee_core::CsvReader::new();
    /// let err = r.finish(&mut |_| {}).unwrap_err();
    /// assert_eq!(err.reason().as_str(), "empty");
    /// ```
    pub fn finish(&mut self, out: &mut dyn FnMut(CsvRecord)) -> Result<()> {
        if self.finished {
            return Err(finished());
        }
        #[cfg(feature = "statements")]
        if let Some(rest) = self.format.as_mut().map(|f| f.decode(&[], true)) {
            let rest = rest?.into_owned();
            if !rest.is_empty() {
                self.feed_bytes(&rest, out)?;
            }
        }
        self.finished = true;
        self.skipping = false;
        if !self.buf.is_empty() {
            let record = std::mem::take(&mut self.buf);
            self.scanned = 0;
            if self.in_quotes {
                self.in_quotes = false;
                let first = self.line + 1;
                self.line += 1 + count_newlines(&record);
                let index = self.index;
                self.index += 1;
                out(CsvRecord::Bad {
                    index,
                    line_number: first,
                    error: csv_error(
                        first,
                        Reason::UnterminatedQuote,
                        "引号未闭合".into(),
                        "a quoted field is not closed".into(),
                    ),
                });
            } else {
                self.record(&record, out)?;
            }
        }
        if self.header.is_none() {
            #[cfg(feature = "statements")]
            if let Some(f) = self.format.as_mut() {
                return Err(f.no_header_error());
            }
            return Err(no_header());
        }
        Ok(())
    }

    fn record(&mut self, raw: &[u8], out: &mut dyn FnMut(CsvRecord)) -> Result<()> {
        let first = self.line + 1;
        self.line += 1 + count_newlines(raw);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let raw = if first == 1 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        if raw.iter().all(|b| *b == b' ' || *b == b'\t' || *b == b'\r') {
            self.blank += 1;
            return Ok(());
        }
        // A row that cannot be read: above a format's header it is a title
        // row; below it, a bad line left out of the totals.
        #[cfg(feature = "statements")]
        let unreadable = |me: &mut CsvReader| -> Option<Result<()>> {
            let f = me.format.as_mut()?;
            if me.header.is_none() {
                return Some(f.title_row());
            }
            f.bad_line();
            None
        };
        let text = match std::str::from_utf8(raw) {
            Ok(t) => t,
            #[cfg(feature = "statements")]
            Err(_) if self.format.is_some() && self.header.is_none() => {
                return unreadable(self).unwrap_or(Ok(()));
            }
            Err(_) if self.header.is_none() => {
                return Err(csv_error(
                    first,
                    Reason::Encoding,
                    "表头不是 UTF-8 编码（如为 GBK，请另存为 UTF-8）".into(),
                    "the header is not UTF-8 (if it is GBK, save the file as UTF-8)".into(),
                ))
            }
            Err(_) => {
                #[cfg(feature = "statements")]
                let _ = unreadable(self);
                self.bad(
                    first,
                    csv_error(
                        first,
                        Reason::Encoding,
                        "该行不是 UTF-8 编码（如为 GBK，请另存为 UTF-8）".into(),
                        "the line is not UTF-8 (if it is GBK, save the file as UTF-8)".into(),
                    ),
                    out,
                );
                return Ok(());
            }
        };
        let fields = match split_fields(text) {
            Some(f) => f,
            None => {
                #[cfg(feature = "statements")]
                if let Some(done) = unreadable(self) {
                    return done;
                }
                self.bad(
                    first,
                    csv_error(
                        first,
                        Reason::BadQuote,
                        "引号使用不正确".into(),
                        "a quote is misplaced".into(),
                    ),
                    out,
                );
                return Ok(());
            }
        };
        #[cfg(feature = "statements")]
        if self.format.is_some() {
            return self.format_record(first, fields, out);
        }
        let Some(header) = &self.header else {
            return self.read_header(first, fields);
        };
        if fields == self.header_fields {
            self.bad(
                first,
                csv_error(
                    first,
                    Reason::DuplicateHeader,
                    "表头重复出现".into(),
                    "the header appears again".into(),
                ),
                out,
            );
            return Ok(());
        }
        if fields.len() != header.len() {
            let reason = if fields.len() < header.len() {
                Reason::MissingColumn
            } else {
                Reason::ExtraColumn
            };
            let (zh, en) = (
                format!("应有 {} 列，实有 {} 列", header.len(), fields.len()),
                format!("expected {} columns, found {}", header.len(), fields.len()),
            );
            self.bad(first, csv_error(first, reason, zh, en), out);
            return Ok(());
        }
        let mut input = StatementLineInput::default();
        for (col, value) in header.iter().zip(fields) {
            let value = if value.is_empty() { None } else { Some(value) };
            let name = CSV_COLUMNS.get(*col).copied().unwrap_or("");
            let boolean = |v: Option<String>| -> std::result::Result<Option<bool>, Error> {
                match v.as_deref() {
                    None => Ok(None),
                    Some("true" | "1" | "TRUE" | "True") => Ok(Some(true)),
                    Some("false" | "0" | "FALSE" | "False") => Ok(Some(false)),
                    Some(other) => Err(Error::invalid_field(
                        &format!("lines[{}].{name}", self.index),
                        Reason::WrongType,
                        format!(
                            "第 {first} 行 {name}：\"{}\" 不是 true/false",
                            crate::bounds::echo(other)
                        ),
                        format!(
                            "line {first}, {name}: \"{}\" is not true/false",
                            crate::bounds::echo(other)
                        ),
                    )),
                }
            };
            match name {
                "id" => input.id = value,
                "time" => input.time = value,
                "amount" => input.amount = value,
                "method" => input.method = value,
                "card_kind" => input.card_kind = value,
                "card_medium" => input.card_medium = value,
                "wallet" => input.wallet = value,
                "fee_charged" => input.fee_charged = value,
                "net_settled" => input.net_settled = value,
                "settled_date" => input.settled_date = value,
                "magstripe_verified" | "large_mode" => match boolean(value) {
                    Ok(b) if name == "large_mode" => input.large_mode = b,
                    Ok(b) => input.magstripe_verified = b,
                    Err(e) => {
                        self.bad(first, e, out);
                        return Ok(());
                    }
                },
                _ => {}
            }
        }
        let index = self.index;
        self.index += 1;
        out(CsvRecord::Line {
            index,
            line_number: first,
            input: Box::new(input),
        });
        Ok(())
    }

    /// A record of a file read by a format: a title row, the header, a
    /// line, a bad line or the totals row.
    #[cfg(feature = "statements")]
    fn format_record(
        &mut self,
        line: u64,
        fields: Vec<String>,
        out: &mut dyn FnMut(CsvRecord),
    ) -> Result<()> {
        let Some(format) = self.format.as_mut() else {
            return Ok(());
        };
        if self.header.is_none() {
            if let Some(n) = format.header(line, &fields)? {
                self.header = Some(vec![0; n]);
                self.header_fields = fields;
            }
            return Ok(());
        }
        if fields == self.header_fields {
            format.bad_line();
            self.bad(
                line,
                csv_error(
                    line,
                    Reason::DuplicateHeader,
                    "表头重复出现".into(),
                    "the header appears again".into(),
                ),
                out,
            );
            return Ok(());
        }
        match format.line(self.index, line, fields) {
            None => {}
            Some(Ok(input)) => {
                let index = self.index;
                self.index += 1;
                out(CsvRecord::Line {
                    index,
                    line_number: line,
                    input: Box::new(input),
                });
            }
            Some(Err(e)) => self.bad(line, e, out),
        }
        Ok(())
    }

    fn bad(&mut self, line: u64, error: Error, out: &mut dyn FnMut(CsvRecord)) {
        let index = self.index;
        self.index += 1;
        out(CsvRecord::Bad {
            index,
            line_number: line,
            error,
        });
    }

    fn read_header(&mut self, line: u64, fields: Vec<String>) -> Result<()> {
        let mut cols = Vec::with_capacity(fields.len());
        for name in &fields {
            let n = name.trim();
            let shown = crate::bounds::echo(n);
            let Some(col) = CSV_COLUMNS.iter().position(|c| *c == n) else {
                return Err(csv_error(
                    line,
                    Reason::UnknownColumn,
                    format!("未知列 \"{shown}\"，可用列为 {}", CSV_COLUMNS.join(",")),
                    format!(
                        "unknown column \"{shown}\"; the columns are {}",
                        CSV_COLUMNS.join(",")
                    ),
                ));
            };
            if cols.contains(&col) {
                return Err(csv_error(
                    line,
                    Reason::RepeatedColumn,
                    format!("列 \"{shown}\" 重复"),
                    format!("column \"{shown}\" appears twice"),
                ));
            }
            cols.push(col);
        }
        for req in REQUIRED {
            if !fields.iter().any(|f| f.trim() == *req) {
                return Err(csv_error(
                    line,
                    Reason::MissingHeaderColumn,
                    format!("表头缺少必需列 \"{req}\""),
                    format!("the header lacks the required column \"{req}\""),
                ));
            }
        }
        self.header = Some(cols);
        self.header_fields = fields;
        Ok(())
    }
}

fn count_newlines(b: &[u8]) -> u64 {
    b.iter().filter(|c| **c == b'\n').count() as u64
}

/// Splits one record into fields (RFC 4180 quoting); `None` for a misplaced quote.
fn split_fields(text: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            (true, '"') => {
                quoted = false;
                if !matches!(chars.peek(), None | Some(',')) {
                    return None;
                }
            }
            (true, c) => cur.push(c),
            (false, '"') if cur.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
            }
            (false, '"') => return None,
            (false, ',') => {
                fields.push(std::mem::take(&mut cur));
                was_quoted = false;
            }
            (false, c) => cur.push(c),
        }
    }
    if quoted {
        return None;
    }
    fields.push(cur);
    Some(fields.into_iter().map(|f| f.trim().to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(chunks: &[&[u8]]) -> (Vec<CsvRecord>, Result<()>) {
        let mut r = CsvReader::new();
        let mut out = Vec::new();
        for c in chunks {
            if let Err(e) = r.feed(c, &mut |rec| out.push(rec)) {
                return (out, Err(e));
            }
        }
        let res = r.finish(&mut |rec| out.push(rec));
        (out, res)
    }

    const HEADER: &str = "id,time,amount,method,wallet,fee_charged,settled_date\n";

    #[test]
    fn records_split_across_chunks_and_quoted_commas() {
        let text = format!("{HEADER}T1,2025-03-12T10:00,\"1,000.00\",qr,alipay,3.80,2025-03-12\r\nT2,2025-03-12T11:00,5,qr,\"we\"\"chat\",0.02,");
        let bytes = text.as_bytes();
        for split in [1, 7, 50, bytes.len() - 1] {
            let (out, res) = read(&[&bytes[..split], &bytes[split..]]);
            res.unwrap();
            assert_eq!(out.len(), 2, "split {split}");
            match &out[0] {
                CsvRecord::Line {
                    input, line_number, ..
                } => {
                    assert_eq!(input.amount.as_deref(), Some("1,000.00"));
                    assert_eq!(*line_number, 2);
                }
                other => panic!("{other:?}"),
            }
            match &out[1] {
                CsvRecord::Line {
                    input, line_number, ..
                } => {
                    assert_eq!(input.wallet.as_deref(), Some("we\"chat"));
                    assert_eq!(input.settled_date, None);
                    assert_eq!(*line_number, 3);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn bad_records_are_reported_and_reading_goes_on() {
        let text = [
            HEADER.as_bytes(),
            b"T1,2025-03-12T10:00,5,qr\n",
            b"\n",
            HEADER.as_bytes(),
            b"T2,2025-03-12T10:00,5,qr,alipay,0.02,,extra\n",
            b"T3,2025-03-12T10:00,\xB2\xE2,qr,alipay,0.02,\n",
            b"T4,2025-03-12T10:00,5,qr,alipay,0.02,\n",
            b"T5,2025-03-12T10:00,\"5,qr,alipay,0.02,\n",
        ]
        .concat();
        let (out, res) = read(&[&text]);
        res.unwrap();
        let summary: Vec<(u64, String)> = out
            .iter()
            .map(|r| match r {
                CsvRecord::Line { line_number, .. } => (*line_number, "ok".to_string()),
                CsvRecord::Bad {
                    line_number, error, ..
                } => (*line_number, error.reason().to_string()),
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (2, "missing_column".into()),
                (4, "duplicate_header".into()),
                (5, "extra_column".into()),
                (6, "encoding".into()),
                (7, "ok".into()),
                (8, "unterminated_quote".into()),
            ]
        );
    }

    #[test]
    fn unusable_headers_stop_the_reading() {
        let (_, res) = read(&[b"id,time,amount,method\n"]);
        assert_eq!(res.unwrap_err().reason(), "missing_header_column");
        let (_, res) = read(&[b"id,time,amount,method,fee_charged,colour\n"]);
        assert_eq!(res.unwrap_err().reason(), "unknown_column");
        let (_, res) = read(&[b""]);
        assert_eq!(res.unwrap_err().reason(), "empty");
        let (_, res) = read(&[b"\xEF\xBB\xBFid,time,amount,method,fee_charged\n"]);
        res.unwrap();
    }
}
