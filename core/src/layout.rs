//! A statement file as merchants have it (对账单 exported from a provider's
//! app or portal), read through a [`StatementProfile`]: its encoding, title
//! rows above the header, the header's columns mapped onto the statement
//! line's fields, each cell's value read by the profile, and a totals row
//! (合计) checked against the lines. [`CsvReader::with_format`] reads such a
//! file; [`CsvReader::new`] reads posfee's own CSV format exactly as before.
//!
//! [`CsvReader::with_format`]: crate::CsvReader::with_format
//! [`CsvReader::new`]: crate::CsvReader::new

use crate::encoding::{DecoderFactory, DetectedEncoding, EncodingSource, TextEncoding};
use crate::error::{Error, ErrorCode, Reason, Result};
use crate::money::Money;
use crate::profile::StatementProfile;
use crate::statement::{csv_error, StatementLineInput, CSV_COLUMNS, REQUIRED};
use serde::Serialize;
use std::collections::BTreeMap;

/// How a statement file is read: its profile, its encoding, the caller's
/// choice of columns, and the totals it states.
///
/// ```
/// let f = posfee_core::StatementFormat::default();
/// assert_eq!(f.profile.id(), "generic");
/// assert!(f.encoding.is_none());
/// ```
#[derive(Debug, Clone)]
pub struct StatementFormat {
    /// The profile mapping columns and values (the built-in `generic` one
    /// by default).
    pub profile: StatementProfile,
    /// The file's encoding; `None` detects it (a byte-order mark, then
    /// strict UTF-8, then GB18030).
    pub encoding: Option<TextEncoding>,
    /// For a binding that decoded the file with its platform's decoder: the
    /// encoding the UTF-8 it feeds was decoded from (bytes that did not
    /// decode are U+FFFD).
    pub decoded_from: Option<TextEncoding>,
    /// The decoders of encodings other than UTF-8: encoding_rs's with the
    /// feature `decode`; a binding may give its platform's.
    pub decoders: Option<DecoderFactory>,
    /// The caller's choice of column for a field (`{"id": "参考号"}`):
    /// it overrides the profile and settles an ambiguous header; an empty
    /// column (`{"net_settled": ""}`) leaves the field unread.
    pub columns: BTreeMap<String, String>,
    /// Totals the statement states, checked against its lines (a totals row
    /// in the file is used when this is `None`).
    pub totals: Option<StatedTotals>,
}

impl Default for StatementFormat {
    fn default() -> StatementFormat {
        StatementFormat {
            profile: StatementProfile::generic(),
            encoding: None,
            decoded_from: None,
            #[cfg(feature = "decode")]
            decoders: Some(crate::encoding::encoding_rs_decoder),
            #[cfg(not(feature = "decode"))]
            decoders: None,
            columns: BTreeMap::new(),
            totals: None,
        }
    }
}

/// The totals a statement states (its 合计 row, or the caller's).
///
/// ```
/// let t = posfee_core::StatedTotals::default();
/// assert!(t.amount.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct StatedTotals {
    /// Total amount.
    pub amount: Option<Money>,
    /// Total fee charged.
    pub fee_charged: Option<Money>,
    /// Total net settled.
    pub net_settled: Option<Money>,
}

/// One column of the file's header and the field it was mapped to.
///
/// ```
/// let c = posfee_core::ColumnMapping { column: "交易金额".into(), field: Some("amount") };
/// assert_eq!(c.field, Some("amount"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ColumnMapping {
    /// The column's name as the file writes it.
    pub column: String,
    /// The statement field it was read as; `None` for a column posfee does
    /// not read (listed in [`StatementLayout::unknown_columns`]).
    #[cfg_attr(test, ts(type = "string | null"))]
    pub field: Option<&'static str>,
}

/// How a statement file was read: encoding, profile, header and columns.
///
/// ```
/// use posfee_core::{CsvReader, StatementFormat};
/// let mut r = CsvReader::with_format(StatementFormat::default());
/// r.feed("对账单\n流水号,交易时间,交易金额,交易方式,手续费,备注\n".as_bytes(), &mut |_| {}).unwrap();
/// // Bytes are held until the encoding is settled (the first 4 KiB from the
/// // first non-ASCII byte, or the end of the file).
/// assert!(r.layout().is_none());
/// r.finish(&mut |_| {}).unwrap();
/// let layout = r.layout().unwrap();
/// assert_eq!((layout.header_line, layout.title_rows), (2, 1));
/// assert_eq!(layout.unknown_columns, vec!["备注".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct StatementLayout {
    /// The profile's id.
    pub profile: String,
    /// The encoding the file was read in; none (`null`) for rows of cells that
    /// were text already (an .xlsx sheet's, fed with `feed_row`).
    pub encoding: Option<DetectedEncoding>,
    /// The header's line number (1-based).
    pub header_line: u64,
    /// Rows above the header that were skipped as titles.
    pub title_rows: u64,
    /// Every column of the header, in the file's order.
    pub columns: Vec<ColumnMapping>,
    /// The columns posfee does not read (reported, not guessed).
    pub unknown_columns: Vec<String>,
}

/// One total, stated and summed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct TotalCheck {
    /// `amount`, `fee_charged` or `net_settled`.
    #[cfg_attr(test, ts(type = "string"))]
    pub field: &'static str,
    /// The statement's total.
    pub stated: Money,
    /// The sum of its lines.
    pub summed: Money,
    /// Whether they are equal.
    pub agrees: bool,
}

/// Whether a statement's lines add up to the totals it states.
///
/// ```
/// use posfee_core::{CsvReader, StatementFormat};
/// let text = "流水号,交易时间,交易金额,交易方式,手续费\n\
///             T1,2025-03-12 10:00:00,100.00,微信,0.38\n\
///             T2,2025-03-12 11:00:00,\"¥1,000.00\",支付宝,3.80\n\
///             合计,,\"1,100.00\",,4.10\n";
/// let mut r = CsvReader::with_format(StatementFormat::default());
/// r.feed(text.as_bytes(), &mut |_| {}).unwrap();
/// r.finish(&mut |_| {}).unwrap();
/// let t = r.totals().unwrap();
/// assert_eq!((t.line_number, t.lines, t.agrees), (Some(4), 2, false));
/// assert_eq!(t.checks[1].summed.to_string(), "4.18");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct TotalsCheck {
    /// The totals row's line; `None` when the caller gave the totals.
    pub line_number: Option<u64>,
    /// Lines summed.
    pub lines: u64,
    /// Lines whose money could not be read, left out of the sums (the
    /// check cannot agree while there are any).
    pub unread: u64,
    /// Each total stated.
    pub checks: Vec<TotalCheck>,
    /// Every total agrees and every line was summed.
    pub agrees: bool,
}

/// The money fields a totals row states, in order.
const TOTALLED: [&str; 3] = ["amount", "fee_charged", "net_settled"];

/// A [`CsvReader`](crate::CsvReader)'s state for a file read by a format.
#[derive(Debug)]
pub(crate) struct FormatState {
    pub(crate) spec: StatementFormat,
    decoder: Option<crate::encoding::Decoder>,
    pub(crate) layout: Option<StatementLayout>,
    /// The field of each column of the header.
    fields: Vec<Option<&'static str>>,
    title_rows: u64,
    /// Why the best candidate for the header was not one.
    best: Option<(usize, Error)>,
    sums: [Money; 3],
    summed: u64,
    unread: u64,
    stated_row: Option<(u64, StatedTotals)>,
    /// Fed rows of cells (`CsvReader::feed_row`), not bytes.
    pub(crate) cells: bool,
}

impl FormatState {
    pub(crate) fn new(spec: StatementFormat) -> FormatState {
        FormatState {
            decoder: spec
                .decoded_from
                .is_none()
                .then(|| crate::encoding::Decoder::new(spec.encoding, spec.decoders)),
            spec,
            layout: None,
            fields: Vec::new(),
            title_rows: 0,
            best: None,
            sums: [Money::ZERO; 3],
            summed: 0,
            unread: 0,
            stated_row: None,
            cells: false,
        }
    }

    /// A chunk of the file as UTF-8 (`last` ends the file).
    pub(crate) fn decode<'a>(
        &mut self,
        chunk: &'a [u8],
        last: bool,
    ) -> Result<std::borrow::Cow<'a, [u8]>> {
        if let Some(d) = self.decoder.as_mut() {
            let mut out = Vec::with_capacity(chunk.len());
            d.feed(chunk, last, &mut out)?;
            return Ok(std::borrow::Cow::Owned(out));
        }
        Ok(std::borrow::Cow::Borrowed(chunk))
    }

    /// The encoding the file is read in.
    fn encoding(&self) -> DetectedEncoding {
        if let Some(d) = self.decoder.as_ref().and_then(|d| d.settled()) {
            return d;
        }
        match (self.spec.decoded_from, self.spec.encoding) {
            (Some(encoding), named) => DetectedEncoding {
                encoding,
                source: if named.is_some() {
                    EncodingSource::Named
                } else {
                    EncodingSource::Detected
                },
                bom: 0,
            },
            (None, Some(encoding)) => DetectedEncoding {
                encoding,
                source: EncodingSource::Named,
                bom: 0,
            },
            (None, None) => DetectedEncoding {
                encoding: TextEncoding::Utf8,
                source: EncodingSource::Detected,
                bom: 0,
            },
        }
    }

    /// A row before the header: the header (its column count), a title row
    /// (`None`), or an error that stops the reading (an ambiguous header, a
    /// column the caller chose that is not there, no header within the
    /// profile's rows).
    pub(crate) fn header(&mut self, line: u64, cells: &[String]) -> Result<Option<usize>> {
        let profile = &self.spec.profile;
        let mut fields: Vec<Option<&'static str>> =
            cells.iter().map(|c| profile.field_of(c)).collect();
        for (field, column) in &self.spec.columns {
            let snake = crate::read::snake(field);
            let Some(known) = CSV_COLUMNS.iter().copied().find(|c| *c == snake) else {
                return Err(Error::unknown_value(
                    &format!("format.columns.{field}"),
                    field,
                    CSV_COLUMNS,
                ));
            };
            if column.trim().is_empty() {
                // An empty column: the caller does not want the field read.
                for f in fields.iter_mut().filter(|f| **f == Some(known)) {
                    *f = None;
                }
            } else if cells.iter().any(|c| c.trim() == column.trim()) {
                for (f, c) in fields.iter_mut().zip(cells) {
                    if c.trim() == column.trim() {
                        *f = Some(known);
                    } else if *f == Some(known) {
                        *f = None;
                    }
                }
            }
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|r| !fields.contains(&Some(r)))
            .collect();
        if !missing.is_empty() {
            let mapped = fields.iter().flatten().count();
            if self.best.as_ref().is_none_or(|(n, _)| mapped > *n) {
                self.best = Some((mapped, self.no_header(line, &missing)));
            }
            self.title_rows += 1;
            if self.title_rows >= u64::from(profile.data().header_search_rows) {
                return Err(self.no_header_error());
            }
            return Ok(None);
        }
        for field in CSV_COLUMNS {
            let named: Vec<&str> = cells
                .iter()
                .zip(&fields)
                .filter(|(_, f)| **f == Some(*field))
                .map(|(c, _)| c.as_str())
                .collect();
            if named.len() > 1 {
                let list = named
                    .iter()
                    .map(|c| format!("\"{}\"", crate::bounds::echo(c)))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(csv_error(
                    line,
                    Reason::AmbiguousColumn,
                    format!("多列都可作为 {field}：{list}；请指定其中一列（columns.{field}）"),
                    format!(
                        "more than one column can be {field}: {list}; choose one (columns.{field})"
                    ),
                ));
            }
        }
        for (field, column) in &self.spec.columns {
            if !column.trim().is_empty() && !cells.iter().any(|c| c.trim() == column.trim()) {
                let shown = crate::bounds::echo(column);
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    format!("format.columns.{field}"),
                    Reason::UnknownColumn,
                    format!("表头（第 {line} 行）中没有列 \"{shown}\""),
                    format!("the header (line {line}) has no column \"{shown}\""),
                ));
            }
        }
        let columns: Vec<ColumnMapping> = cells
            .iter()
            .zip(&fields)
            .map(|(c, f)| ColumnMapping {
                column: c.clone(),
                field: *f,
            })
            .collect();
        self.layout = Some(StatementLayout {
            profile: self.spec.profile.id().to_string(),
            encoding: (!self.cells).then(|| self.encoding()),
            header_line: line,
            title_rows: self.title_rows,
            unknown_columns: columns
                .iter()
                .filter(|c| c.field.is_none() && !c.column.trim().is_empty())
                .map(|c| c.column.clone())
                .collect(),
            columns,
        });
        self.fields = fields;
        Ok(Some(cells.len()))
    }

    /// A row above the header that cannot be read (a misplaced quote):
    /// a title row, unless the profile's rows are used up.
    pub(crate) fn title_row(&mut self) -> Result<()> {
        self.title_rows += 1;
        if self.title_rows >= u64::from(self.spec.profile.data().header_search_rows) {
            return Err(self.no_header_error());
        }
        Ok(())
    }

    fn no_header(&self, line: u64, missing: &[&str]) -> Error {
        let names = |field: &str| -> String {
            let known = self
                .spec
                .profile
                .data()
                .columns
                .get(field)
                .map(|n| {
                    n.iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_default();
            format!("{field} ({known})")
        };
        let list = missing
            .iter()
            .map(|m| names(m))
            .collect::<Vec<_>>()
            .join(", ");
        csv_error(
            line,
            Reason::MissingHeaderColumn,
            format!("最接近表头的一行缺少必需列：{list}"),
            format!("the row closest to a header lacks the required columns {list}"),
        )
    }

    /// The error for a file with no header: the best candidate's.
    pub(crate) fn no_header_error(&mut self) -> Error {
        match self.best.take() {
            Some((_, e)) => e,
            None => crate::statement::no_header(),
        }
    }

    /// Whether the header was found.
    pub(crate) fn has_header(&self) -> bool {
        self.layout.is_some()
    }

    /// A row after the header: a statement line, a bad line, or `None` for
    /// a totals row (recorded for the check).
    pub(crate) fn line(
        &mut self,
        index: u64,
        line: u64,
        cells: Vec<String>,
    ) -> Option<Result<StatementLineInput>> {
        let profile = self.spec.profile.clone();
        if profile.is_totals_row(&cells) {
            let mut stated = StatedTotals::default();
            for (cell, field) in cells.iter().zip(&self.fields) {
                let money = || {
                    profile
                        .money_value(cell)
                        .and_then(|t| Money::parse_non_negative("total", &t).ok())
                };
                match *field {
                    Some("amount") => stated.amount = money(),
                    Some("fee_charged") => stated.fee_charged = money(),
                    Some("net_settled") => stated.net_settled = money(),
                    _ => {}
                }
            }
            self.stated_row = Some((line, stated));
            return None;
        }
        let header = self.fields.len();
        if cells.len() < header || cells.iter().skip(header).any(|c| !c.trim().is_empty()) {
            let reason = if cells.len() < header {
                Reason::MissingColumn
            } else {
                Reason::ExtraColumn
            };
            let n = cells
                .iter()
                .rposition(|c| !c.trim().is_empty())
                .map_or(0, |i| i + 1)
                .max(cells.len().min(header));
            self.unread += 1;
            return Some(Err(csv_error(
                line,
                reason,
                format!("应有 {header} 列，实有 {n} 列"),
                format!("expected {header} columns, found {n}"),
            )));
        }
        let read = self.cells(index, line, &cells);
        self.sum(read.as_ref().ok());
        Some(read)
    }

    fn cells(&self, index: u64, line: u64, cells: &[String]) -> Result<StatementLineInput> {
        let profile = &self.spec.profile;
        let undecodable_marks = self.encoding().encoding != TextEncoding::Utf8;
        let mut input = StatementLineInput::default();
        for ((cell, field), mapping) in cells
            .iter()
            .zip(&self.fields)
            .zip(self.layout.iter().flat_map(|l| &l.columns))
        {
            let Some(field) = *field else { continue };
            let column = mapping.column.trim();
            if undecodable_marks && cell.contains('\u{FFFD}') {
                return Err(crate::encoding::undecodable(
                    line,
                    Some(column),
                    self.encoding().encoding,
                ));
            }
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let fault = |code, reason, zh: String, en: String| {
                Error::new(
                    code,
                    format!("lines[{index}].{field}"),
                    reason,
                    format!("第 {line} 行「{column}」列：{zh}"),
                    format!("line {line}, column \"{column}\": {en}"),
                )
            };
            let shown = crate::bounds::echo(cell);
            match field {
                "method" | "card_kind" | "card_medium" | "wallet" => {
                    match profile.text_value(field, cell) {
                        Ok(sets) => {
                            for (f, v) in sets {
                                let slot = match f {
                                    "method" => &mut input.method,
                                    "card_kind" => &mut input.card_kind,
                                    "card_medium" => &mut input.card_medium,
                                    _ => &mut input.wallet,
                                };
                                match slot {
                                Some(held) if *held != v => {
                                    return Err(fault(
                                        ErrorCode::InvalidField,
                                        Reason::Contradictory,
                                        format!("\"{shown}\" 表示 {f} 为 {v}，与本行其他列的 {held} 矛盾"),
                                        format!("\"{shown}\" means {f} {v}, which contradicts {held} in another column"),
                                    ))
                                }
                                _ => *slot = Some(v),
                            }
                            }
                        }
                        Err(allowed) => {
                            // The profile's names are a file's words: quoted.
                            let list = allowed
                                .iter()
                                .map(|a| format!("\"{}\"", crate::bounds::echo(a)))
                                .collect::<Vec<_>>()
                                .join(", ");
                            return Err(fault(
                                ErrorCode::InvalidField,
                                Reason::UnknownValue,
                                format!("未知取值 \"{shown}\"，可选值为 {list}"),
                                format!("unknown value \"{shown}\"; expected one of {list}"),
                            ));
                        }
                    }
                }
                "time" => match profile.time_value(cell) {
                    Some(t) => input.time = Some(t),
                    None => {
                        return Err(fault(
                            ErrorCode::InvalidTime,
                            Reason::Format,
                            format!("\"{shown}\" 不符合对账单配置的时间格式"),
                            format!("\"{shown}\" is in none of the profile's time layouts"),
                        ))
                    }
                },
                "settled_date" => match profile.date_value(cell) {
                    Some(d) => input.settled_date = Some(d),
                    None => {
                        return Err(fault(
                            ErrorCode::InvalidTime,
                            Reason::Format,
                            format!("\"{shown}\" 不符合对账单配置的日期格式"),
                            format!("\"{shown}\" is in none of the profile's date layouts"),
                        ))
                    }
                },
                "amount" | "fee_charged" | "net_settled" => match profile.money_value(cell) {
                    Some(m) => match field {
                        "amount" => input.amount = Some(m),
                        "fee_charged" => input.fee_charged = Some(m),
                        _ => input.net_settled = Some(m),
                    },
                    None => {
                        return Err(fault(
                            ErrorCode::InvalidAmount,
                            Reason::Format,
                            format!("\"{shown}\" 的千位分隔符位置不正确"),
                            format!("\"{shown}\" has its thousands separators in the wrong places"),
                        ))
                    }
                },
                "magstripe_verified" | "large_mode" => {
                    let b = match cell.to_ascii_lowercase().as_str() {
                        "true" | "1" => true,
                        "false" | "0" => false,
                        _ => {
                            return Err(fault(
                                ErrorCode::InvalidField,
                                Reason::WrongType,
                                format!("\"{shown}\" 不是 true/false"),
                                format!("\"{shown}\" is not true/false"),
                            ))
                        }
                    };
                    if field == "large_mode" {
                        input.large_mode = Some(b);
                    } else {
                        input.magstripe_verified = Some(b);
                    }
                }
                _ => input.id = Some(cell.to_string()),
            }
        }
        Ok(input)
    }

    /// Adds a line's money to the sums (a line whose money cannot be read
    /// is counted as unread).
    fn sum(&mut self, input: Option<&StatementLineInput>) {
        let Some(input) = input else {
            self.unread += 1;
            return;
        };
        let amount = input
            .amount
            .as_deref()
            .map(|t| Money::parse_amount("amount", t));
        let fee = input
            .fee_charged
            .as_deref()
            .map(|t| Money::parse_non_negative("fee", t));
        let net = input
            .net_settled
            .as_deref()
            .map(|t| Money::parse_non_negative("net", t));
        let mut next = self.sums;
        for (k, v) in [amount, fee, net].into_iter().enumerate() {
            match v {
                None => {}
                Some(Ok(m)) => match next.get(k).and_then(|s| s.checked_add(m)) {
                    Some(s) => {
                        if let Some(slot) = next.get_mut(k) {
                            *slot = s;
                        }
                    }
                    None => {
                        self.unread += 1;
                        return;
                    }
                },
                Some(Err(_)) => {
                    self.unread += 1;
                    return;
                }
            }
        }
        self.sums = next;
        self.summed += 1;
    }

    /// A bad line (not summed).
    pub(crate) fn bad_line(&mut self) {
        if self.has_header() {
            self.unread += 1;
        }
    }

    pub(crate) fn totals(&self) -> Option<TotalsCheck> {
        let (line_number, stated) = match (&self.spec.totals, &self.stated_row) {
            (Some(t), _) => (None, t),
            (None, Some((line, t))) => (Some(*line), t),
            (None, None) => return None,
        };
        let checks: Vec<TotalCheck> = TOTALLED
            .iter()
            .zip([stated.amount, stated.fee_charged, stated.net_settled])
            .zip(self.sums)
            .filter_map(|((field, stated), summed)| {
                stated.map(|stated| TotalCheck {
                    field,
                    stated,
                    summed,
                    agrees: stated == summed,
                })
            })
            .collect();
        Some(TotalsCheck {
            line_number,
            lines: self.summed,
            unread: self.unread,
            agrees: self.unread == 0 && !checks.is_empty() && checks.iter().all(|c| c.agrees),
            checks,
        })
    }
}

/// A statement format as a caller gives it, in text (what the bindings
/// read): `{profile, encoding, decoded_from, columns, totals}`.
///
/// ```
/// use posfee_core::StatementFormatInput;
/// let f = StatementFormatInput { encoding: Some("GBK".into()), ..Default::default() };
/// assert_eq!(f.to_format("format").unwrap().encoding, Some(posfee_core::TextEncoding::Gb18030));
/// let bad = StatementFormatInput { encoding: Some("latin1".into()), ..Default::default() };
/// assert_eq!(bad.to_format("format").unwrap_err().field(), "format.encoding");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementFormatInput {
    /// A statement profile's JSON text; the built-in `generic` one if absent.
    #[serde(default)]
    pub profile: Option<String>,
    /// The file's encoding (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`,
    /// `gbk`); detected if absent.
    #[serde(default)]
    pub encoding: Option<String>,
    /// For a caller that decoded the file itself: the encoding it decoded
    /// from (it then feeds UTF-8).
    #[serde(default)]
    pub decoded_from: Option<String>,
    /// The column to read a field from (`{"id": "参考号"}`; a binding's own
    /// spelling of the field, `cardKind`, is read too).
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// The statement's totals, to check the lines against.
    #[serde(default)]
    pub totals: Option<StatedTotalsInput>,
}

/// The totals a caller states, as money text.
///
/// ```
/// let t = posfee_core::StatedTotalsInput { amount: Some("1,000.00".into()), ..Default::default() };
/// let f = posfee_core::StatementFormatInput { totals: Some(t), ..Default::default() };
/// assert_eq!(f.to_format("format").unwrap_err().field(), "format.totals.amount");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedTotalsInput {
    /// Total amount.
    #[serde(default)]
    pub amount: Option<String>,
    /// Total fee charged.
    #[serde(default)]
    pub fee_charged: Option<String>,
    /// Total net settled.
    #[serde(default)]
    pub net_settled: Option<String>,
}

impl StatementFormatInput {
    /// The format, with errors named under `prefix` (`format.encoding`,
    /// `format.profile.columns.colour`, `format.totals.amount`).
    ///
    /// See [`StatementFormatInput`] for an example.
    pub fn to_format(&self, prefix: &str) -> Result<StatementFormat> {
        let at = |f: &str| {
            if prefix.is_empty() {
                f.to_string()
            } else {
                format!("{prefix}.{f}")
            }
        };
        let profile = match &self.profile {
            Some(text) => {
                StatementProfile::from_json(text).map_err(|e| e.within(&at("profile")))?
            }
            None => StatementProfile::generic(),
        };
        let encoding = self
            .encoding
            .as_deref()
            .map(|n| TextEncoding::from_name(&at("encoding"), n))
            .transpose()?;
        let decoded_from = self
            .decoded_from
            .as_deref()
            .map(|n| TextEncoding::from_name(&at("decoded_from"), n))
            .transpose()?;
        let mut columns = BTreeMap::new();
        for (field, column) in &self.columns {
            let snake = crate::read::snake(field);
            if !CSV_COLUMNS.contains(&snake.as_str()) {
                return Err(Error::unknown_value(
                    &at(&format!("columns.{field}")),
                    field,
                    CSV_COLUMNS,
                ));
            }
            // The caller's spelling is kept for the errors that name it.
            columns.insert(field.clone(), column.clone());
        }
        let totals = match &self.totals {
            None => None,
            Some(t) => {
                let money = |name: &str, v: &Option<String>| {
                    v.as_deref()
                        .map(|s| Money::parse_non_negative(&at(&format!("totals.{name}")), s))
                        .transpose()
                };
                Some(StatedTotals {
                    amount: money("amount", &t.amount)?,
                    fee_charged: money("fee_charged", &t.fee_charged)?,
                    net_settled: money("net_settled", &t.net_settled)?,
                })
            }
        };
        Ok(StatementFormat {
            profile,
            encoding,
            decoded_from,
            columns,
            totals,
            ..StatementFormat::default()
        })
    }
}
