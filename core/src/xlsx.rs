//! Excel (.xlsx) statements (feature `xlsx`): a sheet's rows read by
//! calamine as text cells, then mapped and audited exactly as a CSV
//! statement is ([`CsvReader::feed_row`](crate::CsvReader::feed_row)).
//!
//! Cells Excel stored as numbers or dates are converted exactly: a number
//! becomes its shortest decimal text (`1234.56`), so a money cell that is not
//! whole fen (`12.345`, or `0.30000000000000004` from a sum) is refused by the
//! money reader with `too_many_decimals`; a date becomes posfee's
//! `2025-03-12T10:00:00`. The sheet is read whole (calamine reads a sheet at
//! once); statements exported as .xlsx are far smaller than CSV ones.

use crate::bounds::{too_long, MAX_XLSX_BYTES, MAX_XLSX_COLUMNS, MAX_XLSX_UNPACKED_BYTES};
use crate::error::{Error, ErrorCode, Reason, Result};
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};

/// The rows of an .xlsx file's sheet (the first, or the one `sheet`
/// names) as text cells, in order: row 1 of the sheet is the first, so a
/// line's number is its row's.
///
/// A file over [`MAX_XLSX_BYTES`], one whose parts unpack to more than
/// [`MAX_XLSX_UNPACKED_BYTES`] or whose shared-string count exceeds its
/// strings is refused before it is read (a zip bomb never reaches
/// memory), and so is a value right of column [`MAX_XLSX_COLUMNS`].
///
/// ```
/// let e = posfee_core::xlsx_rows(b"not a zip", None).unwrap_err();
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_csv", "unreadable"));
/// ```
pub fn xlsx_rows(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Vec<String>>> {
    if bytes.len() > MAX_XLSX_BYTES {
        return Err(too_long("file", MAX_XLSX_BYTES, "bytes"));
    }
    check_parts(bytes, MAX_XLSX_UNPACKED_BYTES)?;
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|_| unreadable("not an .xlsx workbook"))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(name) if names.iter().any(|n| n == name) => name.to_string(),
        Some(name) => {
            let names = names.join(", ");
            let shown = crate::bounds::echo(name);
            return Err(Error::new(
                ErrorCode::InvalidField,
                "sheet",
                Reason::UnknownValue,
                format!("sheet：没有名为 \"{shown}\" 的工作表，可选 {names}"),
                format!("sheet: no sheet named \"{shown}\"; the sheets are {names}"),
            ));
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable("no sheet"))?,
    };
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|_| unreadable("the sheet"))?;
    // Cells one by one (calamine's whole range would allocate every cell
    // between the first and the last used one).
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|_| unreadable("the sheet"))? {
        let (r, c) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        if c >= MAX_XLSX_COLUMNS {
            let line = format!("line {}", u64::from(r) + 1);
            return Err(too_long(&line, MAX_XLSX_COLUMNS as usize, "columns"));
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        if let Some(row) = rows.get_mut(r) {
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            if let Some(slot) = row.get_mut(c) {
                *slot = text;
            }
        }
    }
    Ok(rows)
}

fn unreadable(what: &str) -> Error {
    Error::new(
        ErrorCode::InvalidCsv,
        "file",
        Reason::Unreadable,
        format!("无法读取该 Excel 文件（{what}）"),
        format!("the Excel file cannot be read ({what})"),
    )
}

/// Unpacks every part of the workbook once, counting, before calamine
/// reads it: the parts together stay within `limit` bytes (whatever sizes
/// the zip declares), and the shared-string table holds at least the
/// strings it announces (calamine reserves room for them).
fn check_parts(bytes: &[u8], limit: usize) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| unreadable("not an .xlsx workbook"))?;
    let bound = limit;
    let limit = limit as u64;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|_| unreadable("a damaged part"))?;
        let name = part.name().to_ascii_lowercase();
        let shared = name.ends_with("sharedstrings.xml");
        let sheet = name.starts_with("xl/worksheets/") && name.ends_with(".xml");
        let mut counted = Counted {
            inner: part.take(limit - total + 1),
            bytes: 0,
        };
        if shared {
            check_shared_strings(&mut counted)?;
        } else if sheet {
            check_references(&mut counted)?;
        }
        std::io::copy(&mut counted, &mut std::io::sink())
            .map_err(|_| unreadable("a damaged part"))?;
        total += counted.bytes;
        if total > limit {
            return Err(too_long("file", bound, "bytes unpacked"));
        }
    }
    Ok(())
}

/// The shared-string table's announced count (`uniqueCount`) against the
/// strings it holds.
fn check_shared_strings(part: &mut impl Read) -> Result<()> {
    let mut announced = 0u64;
    let mut held = 0u64;
    each_element(part, "the shared strings", |e| {
        match e.local_name().as_ref() {
            b"sst" => {
                if let Some(count) = attribute(e, b"uniqueCount") {
                    announced = std::str::from_utf8(&count)
                        .ok()
                        .and_then(|t| t.trim().parse().ok())
                        .unwrap_or(0);
                }
            }
            b"si" => held += 1,
            _ => {}
        }
        Ok(())
    })?;
    if announced > held {
        return Err(unreadable("the shared strings' count exceeds the strings"));
    }
    Ok(())
}

/// A sheet's cell references (`r` of a row or cell, `ref` of its
/// dimension) are Excel's: at most three letters and seven digits
/// (`XFD1048576`). calamine reads longer ones into 32-bit numbers that
/// overflow.
fn check_references(part: &mut impl Read) -> Result<()> {
    let is_cell = |r: &[u8], letters: bool| {
        let digits = r.iter().skip_while(|b| b.is_ascii_alphabetic()).count();
        let alpha = r.len() - digits;
        (if letters { alpha <= 3 } else { alpha == 0 })
            && (1..=7).contains(&digits)
            && r.iter().skip(alpha).all(u8::is_ascii_digit)
    };
    each_element(part, "the sheet", |e| {
        let (key, letters): (&[u8], bool) = match e.local_name().as_ref() {
            b"c" => (b"r", true),
            b"row" => (b"r", false),
            b"dimension" => (b"ref", true),
            _ => return Ok(()),
        };
        match attribute(e, key) {
            Some(r) if !r.split(|&b| b == b':').all(|r| is_cell(r, letters)) => {
                Err(unreadable("a cell reference beyond the sheet"))
            }
            _ => Ok(()),
        }
    })
}

/// Each start (or empty) element of an XML part, in order, to `each`; XML
/// that does not read is `what` unreadable.
fn each_element(
    part: &mut impl Read,
    what: &str,
    mut each: impl FnMut(&quick_xml::events::BytesStart<'_>) -> Result<()>,
) -> Result<()> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => each(&e)?,
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(_) => return Err(unreadable(what)),
        }
    }
}

/// An element's attribute by its local name.
fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<Vec<u8>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// A cell as text (see the module's notes).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // The shortest text that reads back as the same number.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, mo, day, h, mi, s, ms) = d.to_ymd_hms_milli();
            if ms == 0 {
                format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}.{ms:03}")
            }
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("{e}"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn numbers_are_their_shortest_text() {
        assert_eq!(cell_text(&Data::Float(1234.56)), "1234.56");
        assert_eq!(cell_text(&Data::Float(100.0)), "100");
        assert_eq!(cell_text(&Data::Float(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(cell_text(&Data::Int(7)), "7");
    }

    fn workbook(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        fill(book.add_worksheet());
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_value_far_right_is_refused_not_allocated() {
        // Two cells: calamine's range would hold 17 billion cells between them.
        let bytes = workbook(|s| {
            s.write_string(0, 0, "交易金额").unwrap();
            s.write_string(1_048_575, 16_383, "x").unwrap();
        });
        let e = xlsx_rows(&bytes, None).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field(), e.reason().as_str()),
            ("input_too_large", "line 1048576", "too_long")
        );
        assert!(e.message_en().contains("256 columns"), "{}", e.message_en());
        // The last row of a sheet is read, with the rows above it empty.
        let bytes = workbook(|s| {
            s.write_string(0, 0, "交易金额").unwrap();
            s.write_string(1_048_575, 2, "x").unwrap();
        });
        let rows = xlsx_rows(&bytes, None).unwrap();
        assert_eq!(rows.len(), 1_048_576);
        assert_eq!(
            (rows[0].clone(), rows[1].len()),
            (vec!["交易金额".to_string()], 0)
        );
        assert_eq!(rows[1_048_575], vec!["", "", "x"]);
    }

    #[test]
    fn parts_that_unpack_beyond_the_bound_are_refused() {
        let bytes = workbook(|s| {
            s.write_string(0, 0, "0".repeat(20_000)).unwrap();
        });
        check_parts(&bytes, 1 << 20).unwrap();
        let e = check_parts(&bytes, 10_000).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field(), e.reason().as_str()),
            ("input_too_large", "file", "too_long")
        );
        assert!(
            e.message_en().contains("10000 bytes unpacked"),
            "{}",
            e.message_en()
        );
    }

    /// The workbook with `from` replaced by `to` in its part `name` (stored).
    fn patched(bytes: &[u8], name: &str, from: &str, to: &str) -> Vec<u8> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            let mut text = String::new();
            part.read_to_string(&mut text).unwrap();
            if part.name() == name {
                assert!(text.contains(from), "{text}");
                text = text.replace(from, to);
            }
            out.start_file(part.name(), stored).unwrap();
            std::io::Write::write_all(&mut out, text.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_cell_reference_beyond_excel_is_refused() {
        let bytes = workbook(|s| {
            s.write_string(0, 0, "交易金额").unwrap();
        });
        // calamine reads a reference into a 32-bit number: these overflowed it.
        for (from, to) in [
            ("r=\"A1\"", "r=\"ABCDEFGHIJKLMNOP1\""),
            ("r=\"A1\"", "r=\"A99999999999\""),
            ("<row r=\"1\"", "<row r=\"12345678901\""),
        ] {
            let e = xlsx_rows(&patched(&bytes, "xl/worksheets/sheet1.xml", from, to), None)
                .unwrap_err();
            assert_eq!(
                (e.code().as_str(), e.field(), e.reason().as_str()),
                ("invalid_csv", "file", "unreadable"),
                "{to}"
            );
            assert!(
                e.message_en().contains("cell reference"),
                "{}",
                e.message_en()
            );
        }
        // Excel's last cell is a reference like any other.
        let last = patched(
            &bytes,
            "xl/worksheets/sheet1.xml",
            "r=\"A1\"",
            "r=\"XFD1048576\"",
        );
        assert_eq!(
            xlsx_rows(&last, None).unwrap_err().reason().as_str(),
            "too_long"
        );
    }

    #[test]
    fn a_shared_string_count_beyond_the_strings_is_refused() {
        let bytes = workbook(|s| {
            s.write_string(0, 0, "交易金额").unwrap();
        });
        assert_eq!(xlsx_rows(&bytes, None).unwrap(), vec![vec!["交易金额"]]);
        // The same workbook announcing four billion strings (calamine would
        // reserve room for them all).
        let lying = patched(
            &bytes,
            "xl/sharedStrings.xml",
            "uniqueCount=\"1\"",
            "uniqueCount=\"4000000000\"",
        );
        let e = xlsx_rows(&lying, None).unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.field(), e.reason().as_str()),
            ("invalid_csv", "file", "unreadable")
        );
        assert!(
            e.message_en().contains("shared strings"),
            "{}",
            e.message_en()
        );
    }
}
