//! The text encoding of a statement file (对账单): UTF-8 with or without a
//! byte-order mark, UTF-16 with one, or GB18030 (a superset of GBK and
//! GB2312, what Excel writes on a Chinese Windows machine). It is named by
//! the caller or detected: a byte-order mark first, then strict UTF-8, then
//! GB18030. Decoding to UTF-8 is encoding_rs's (feature `decode`); a binding
//! that decodes with its platform's decoder (the browser's `TextDecoder`)
//! hands over UTF-8 and says which encoding it decoded from.

use crate::error::{Error, Reason, Result};
use serde::Serialize;

/// A statement file's text encoding.
///
/// ```
/// use posfee_core::TextEncoding;
/// assert_eq!(TextEncoding::from_name("encoding", "GBK").unwrap(), TextEncoding::Gb18030);
/// assert_eq!(TextEncoding::Utf16Le.as_str(), "utf-16le");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16, little-endian (byte-order mark `FF FE`).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian (byte-order mark `FE FF`).
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// GB18030, which decodes GBK and GB2312 too.
    #[serde(rename = "gb18030")]
    Gb18030,
}

impl TextEncoding {
    /// The names [`TextEncoding::from_name`] accepts.
    pub const NAMES: &'static [&'static str] =
        &["utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "gb2312"];

    /// Its name, as answers give it (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`).
    ///
    /// ```
    /// assert_eq!(posfee_core::TextEncoding::Gb18030.as_str(), "gb18030");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Gb18030 => "gb18030",
        }
    }

    /// Reads a caller's name for an encoding, in any case: one of
    /// [`TextEncoding::NAMES`] (`gbk` and `gb2312` read as GB18030, which
    /// decodes both) or `utf8`; anything else is `unknown_value` at `field`.
    ///
    /// ```
    /// use posfee_core::TextEncoding;
    /// assert_eq!(TextEncoding::from_name("encoding", "utf8").unwrap(), TextEncoding::Utf8);
    /// assert_eq!(TextEncoding::from_name("encoding", "latin1").unwrap_err().reason().as_str(), "unknown_value");
    /// ```
    pub fn from_name(field: &str, name: &str) -> Result<TextEncoding> {
        match name.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(TextEncoding::Utf8),
            "utf-16le" => Ok(TextEncoding::Utf16Le),
            "utf-16be" => Ok(TextEncoding::Utf16Be),
            "gb18030" | "gbk" | "gb2312" => Ok(TextEncoding::Gb18030),
            _ => Err(Error::unknown_value(field, name, Self::NAMES)),
        }
    }
}

/// How the encoding was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum EncodingSource {
    /// The file's byte-order mark.
    Bom,
    /// No mark: strict UTF-8 where the bytes are UTF-8, else GB18030.
    Detected,
    /// Named by the caller.
    Named,
}

/// The encoding a statement was read in, and how it was settled.
///
/// ```
/// use posfee_core::{detect_encoding, EncodingSource, TextEncoding};
/// let d = detect_encoding(b"\xEF\xBB\xBFid,time\n", false).unwrap();
/// assert_eq!((d.encoding, d.source, d.bom), (TextEncoding::Utf8, EncodingSource::Bom, 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct DetectedEncoding {
    /// The encoding.
    pub encoding: TextEncoding,
    /// How it was settled.
    pub source: EncodingSource,
    /// The length of the byte-order mark the file starts with (0 if none).
    #[serde(skip)]
    #[cfg_attr(test, ts(skip))]
    pub bom: usize,
}

/// How many bytes from the first non-ASCII one decide between UTF-8 and
/// GB18030 (posfee's own choice: a header line of Chinese column names is
/// far shorter).
pub const DETECTION_WINDOW: usize = 4096;

/// Settles a file's encoding from its first bytes: a byte-order mark; else
/// GB18030 as soon as the [`DETECTION_WINDOW`] bytes from the first non-ASCII
/// one hold a sequence that is not UTF-8, UTF-8 when the whole window (or
/// the whole file, if `last`) is strict UTF-8. `None` while the bytes cannot
/// tell yet; a file of ASCII alone is UTF-8.
///
/// ```
/// use posfee_core::{detect_encoding, TextEncoding};
/// // 交易 in GBK is not UTF-8.
/// assert_eq!(detect_encoding(b"\xBD\xBB\xD2\xD7,amount\n", false).unwrap().encoding, TextEncoding::Gb18030);
/// assert!(detect_encoding("交易,amount\n".as_bytes(), false).is_none()); // the window is not full
/// assert_eq!(detect_encoding("交易,amount\n".as_bytes(), true).unwrap().encoding, TextEncoding::Utf8);
/// assert!(detect_encoding(b"id,time,amount\n", false).is_none());
/// ```
pub fn detect_encoding(seen: &[u8], last: bool) -> Option<DetectedEncoding> {
    detect(seen, last, true)
}

/// [`detect_encoding`] over bytes that start the file (`at_start`) or come
/// after an ASCII beginning already passed on (no mark to look for).
fn detect(seen: &[u8], last: bool, at_start: bool) -> Option<DetectedEncoding> {
    let found = |encoding, source, bom| {
        Some(DetectedEncoding {
            encoding,
            source,
            bom,
        })
    };
    let marks: [(&[u8], TextEncoding); 3] = [
        (b"\xEF\xBB\xBF", TextEncoding::Utf8),
        (b"\xFF\xFE", TextEncoding::Utf16Le),
        (b"\xFE\xFF", TextEncoding::Utf16Be),
    ];
    for (mark, encoding) in marks.into_iter().filter(|_| at_start) {
        if seen.starts_with(mark) {
            return found(encoding, EncodingSource::Bom, mark.len());
        }
        if !last && !seen.is_empty() && mark.starts_with(seen) {
            return None;
        }
    }
    let Some(first) = seen.iter().position(|b| !b.is_ascii()) else {
        return if last {
            found(TextEncoding::Utf8, EncodingSource::Detected, 0)
        } else {
            None
        };
    };
    // The evidence is the window of bytes from the first non-ASCII one, so
    // the answer does not depend on how the file is cut into chunks.
    let rest = seen.get(first..).unwrap_or_default();
    let window = rest.get(..DETECTION_WINDOW).unwrap_or(rest);
    let whole = last || rest.len() >= DETECTION_WINDOW;
    match std::str::from_utf8(window) {
        Err(e) if e.error_len().is_some() => {
            found(TextEncoding::Gb18030, EncodingSource::Detected, 0)
        }
        _ if !whole => None,
        Ok(_) => found(TextEncoding::Utf8, EncodingSource::Detected, 0),
        // An unfinished sequence at the window's end: UTF-8 if whole
        // sequences came before it.
        Err(e) if e.valid_up_to() > 0 => found(TextEncoding::Utf8, EncodingSource::Detected, 0),
        Err(_) => found(TextEncoding::Gb18030, EncodingSource::Detected, 0),
    }
}

/// The error for a statement whose bytes are not in `encoding` (a line's
/// bytes that do not decode).
pub(crate) fn undecodable(line: u64, column: Option<&str>, encoding: TextEncoding) -> Error {
    let name = encoding.as_str();
    let (zh, en) = match column {
        Some(c) => (
            format!("「{c}」列含有按 {name} 无法解码的字节"),
            format!("column \"{c}\" holds bytes that are not valid {name}"),
        ),
        None => (
            format!("含有按 {name} 无法解码的字节"),
            format!("holds bytes that are not valid {name}"),
        ),
    };
    crate::statement::csv_error(line, Reason::Encoding, zh, en)
}

/// Decodes one encoding other than UTF-8 into UTF-8, chunk by chunk; bytes
/// that do not decode become U+FFFD (which the statement reader reports as
/// that line's `encoding` fault).
pub trait TextDecode: Send {
    /// Decodes `bytes` onto `out`; `last` ends the file.
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut String);
}

/// Makes a decoder for an encoding, or `None` when it has none: the core's
/// own is encoding_rs's ([`encoding_rs_decoder`], feature `decode`); a
/// binding may give its platform's (the browser's `TextDecoder`).
pub type DecoderFactory = fn(TextEncoding) -> Option<Box<dyn TextDecode>>;

/// encoding_rs's decoders for UTF-16 and GB18030 (feature `decode`).
///
/// ```
/// use posfee_core::{encoding_rs_decoder, TextEncoding};
/// let mut d = encoding_rs_decoder(TextEncoding::Gb18030).unwrap();
/// let mut out = String::new();
/// d.decode(b"\xBD\xBB\xD2\xD7", true, &mut out);
/// assert_eq!(out, "交易");
/// ```
#[cfg(feature = "decode")]
pub fn encoding_rs_decoder(encoding: TextEncoding) -> Option<Box<dyn TextDecode>> {
    struct Rs(encoding_rs::Decoder);
    impl TextDecode for Rs {
        fn decode(&mut self, bytes: &[u8], last: bool, out: &mut String) {
            out.reserve(
                self.0
                    .max_utf8_buffer_length(bytes.len())
                    .unwrap_or(bytes.len().saturating_mul(3)),
            );
            let _ = self.0.decode_to_string(bytes, out, last);
        }
    }
    let e = match encoding {
        TextEncoding::Utf8 => return None,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        TextEncoding::Gb18030 => encoding_rs::GB18030,
    };
    Some(Box::new(Rs(e.new_decoder_without_bom_handling())))
}

/// A statement's bytes as UTF-8, as they come, chunk by chunk: the encoding
/// settled (named, or detected from the first bytes), UTF-8 passed through
/// (the CSV reader checks each line), any other decoded by the factory's
/// decoder.
pub(crate) struct Decoder {
    named: Option<TextEncoding>,
    factory: Option<DecoderFactory>,
    settled: Option<DetectedEncoding>,
    /// Bytes held until the encoding is settled.
    held: Vec<u8>,
    /// Whether bytes (ASCII) went on before the encoding was settled.
    started: bool,
    inner: Option<Box<dyn TextDecode>>,
}

impl std::fmt::Debug for Decoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Decoder")
            .field("settled", &self.settled)
            .finish()
    }
}

impl Decoder {
    pub(crate) fn new(named: Option<TextEncoding>, factory: Option<DecoderFactory>) -> Decoder {
        Decoder {
            named,
            factory,
            settled: None,
            held: Vec::new(),
            started: false,
            inner: None,
        }
    }

    /// The encoding, once settled.
    pub(crate) fn settled(&self) -> Option<DetectedEncoding> {
        self.settled
    }

    /// Decodes a chunk into `out` (UTF-8 bytes); `last` ends the file. An
    /// encoding this build has no decoder for is an error.
    pub(crate) fn feed(&mut self, chunk: &[u8], last: bool, out: &mut Vec<u8>) -> Result<()> {
        if self.settled.is_some() {
            self.decode(chunk, last, out);
            return Ok(());
        }
        self.held.extend_from_slice(chunk);
        let settled = match self.named {
            // A named encoding still skips its own byte-order mark.
            Some(_) if self.held.len() < 3 && !last => None,
            Some(encoding) => Some(match detect(&self.held, true, !self.started) {
                Some(d) if d.source == EncodingSource::Bom && d.encoding == encoding => {
                    DetectedEncoding {
                        source: EncodingSource::Named,
                        ..d
                    }
                }
                _ => DetectedEncoding {
                    encoding,
                    source: EncodingSource::Named,
                    bom: 0,
                },
            }),
            None => detect(&self.held, last, !self.started),
        };
        let Some(d) = settled else {
            // Only ASCII so far (past a possible mark): it reads the same in
            // UTF-8 and GB18030, so it goes on now.
            if self.named.is_none() && self.held.len() >= 3 && self.held.is_ascii() {
                out.append(&mut self.held);
                self.started = true;
            }
            return Ok(());
        };
        if d.encoding != TextEncoding::Utf8 {
            self.inner = self.factory.and_then(|f| f(d.encoding));
            if self.inner.is_none() {
                let name = d.encoding.as_str();
                return Err(crate::statement::csv_error(
                    1,
                    Reason::Encoding,
                    format!("该文件为 {name} 编码，此版本无法解码"),
                    format!("the file is {name}, which this build cannot decode"),
                ));
            }
        }
        self.settled = Some(d);
        let held = std::mem::take(&mut self.held);
        self.decode(held.get(d.bom..).unwrap_or_default(), last, out);
        Ok(())
    }

    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        let Some(inner) = self.inner.as_mut() else {
            out.extend_from_slice(bytes);
            return;
        };
        let mut text = String::new();
        inner.decode(bytes, last, &mut text);
        out.extend_from_slice(text.as_bytes());
    }
}

#[cfg(all(test, feature = "decode"))]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn decode_in(chunks: &[&[u8]], named: Option<TextEncoding>) -> (String, DetectedEncoding) {
        let mut d = Decoder::new(named, Some(encoding_rs_decoder));
        let mut out = Vec::new();
        for c in chunks {
            d.feed(c, false, &mut out).unwrap();
        }
        d.feed(&[], true, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), d.settled().unwrap())
    }

    #[test]
    fn each_encoding_decodes_to_the_same_text_whatever_the_chunks() {
        let text = "流水号,交易时间,交易金额\nT1,2025/03/12 10:00:00,\"￥1,234.56\"\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let bom: Vec<u8> = b"\xEF\xBB\xBF"
            .iter()
            .chain(text.as_bytes())
            .copied()
            .collect();
        let cases: [(&[u8], TextEncoding, EncodingSource); 5] = [
            (
                text.as_bytes(),
                TextEncoding::Utf8,
                EncodingSource::Detected,
            ),
            (&bom, TextEncoding::Utf8, EncodingSource::Bom),
            (&gbk, TextEncoding::Gb18030, EncodingSource::Detected),
            (&utf16le, TextEncoding::Utf16Le, EncodingSource::Bom),
            (&utf16be, TextEncoding::Utf16Be, EncodingSource::Bom),
        ];
        for (bytes, encoding, source) in cases {
            for size in [1, 2, 3, 5, 64] {
                let chunks: Vec<&[u8]> = bytes.chunks(size).collect();
                let (got, d) = decode_in(&chunks, None);
                let got = got.strip_prefix('\u{feff}').unwrap_or(&got);
                assert_eq!(got, text, "{encoding:?} in chunks of {size}");
                assert_eq!(
                    (d.encoding, d.source),
                    (encoding, source),
                    "{encoding:?} in chunks of {size}"
                );
            }
        }
        let (got, d) = decode_in(&[&gbk], Some(TextEncoding::Gb18030));
        assert_eq!((got.as_str(), d.source), (text, EncodingSource::Named));
    }

    #[test]
    fn bytes_that_do_not_decode_become_the_replacement_character() {
        // 0xFF is not a GB18030 byte.
        let (got, d) = decode_in(&[b"\xBD\xBB\xD2\xD7,\xFF\n"], None);
        assert_eq!(d.encoding, TextEncoding::Gb18030);
        assert_eq!(got, "交易,\u{fffd}\n");
    }

    #[test]
    fn ascii_alone_is_utf8_and_a_lone_mark_prefix_waits() {
        assert!(detect_encoding(b"\xEF\xBB", false).is_none());
        assert!(detect_encoding(b"\xE4\xBA", false).is_none());
        assert_eq!(
            detect_encoding(b"\xE4\xBA", true).unwrap().encoding,
            TextEncoding::Gb18030
        );
        assert_eq!(
            detect_encoding(b"abc", true).unwrap().encoding,
            TextEncoding::Utf8
        );
        assert_eq!(
            detect_encoding(b"", true).unwrap().encoding,
            TextEncoding::Utf8
        );
    }
}
