//! Excel (.xlsx) statements (`xlsx_rows`, issue 16), then the rows through
//! the generic profile's format reader and an auditor.
//!
//! Input layout: byte 0 chooses the shape. Even: the rest is the file's
//! bytes as they are (the zip container, its headers and sizes). Odd: the
//! rest, split at the first 0 byte, is a sheet's XML and a shared-string
//! table's XML, written here into a well-formed workbook (stored parts with
//! their right checksums), so the fuzzer reaches calamine's XML reading and
//! posfee's cell conversion instead of stopping at a checksum.
//!
//! Checks: no panic and no abort (a hostile count or extent must not
//! allocate); an error's message is bounded; no row has a value right of
//! `MAX_XLSX_COLUMNS`; the rows fed to an auditor give records numbered in
//! order with their row's line number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use posfee_core::bounds::MAX_XLSX_COLUMNS;
use posfee_core::{CsvReader, CsvRecord, StatementFormat};
use std::io::Write;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook of one sheet with the given sheet and shared-string XML.
fn workbook(sheet: &[u8], strings: &[u8]) -> Vec<u8> {
    let parts: [(&str, Vec<u8>); 5] = [
        ("[Content_Types].xml", format!(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
        ).into_bytes()),
        ("_rels/.rels", format!("<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").into_bytes()),
        ("xl/workbook.xml", format!("<workbook xmlns=\"{MAIN}\" xmlns:r=\"{DOC}\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").into_bytes()),
        ("xl/_rels/workbook.xml.rels", format!("<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" Type=\"{DOC}/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"{DOC}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").into_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.to_vec()),
    ];
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts.iter().map(|(n, b)| (*n, b.as_slice())).chain([("xl/sharedStrings.xml", strings)]) {
        z.start_file(name, stored).expect("a part");
        z.write_all(body).expect("a part's bytes");
    }
    z.finish().expect("the workbook").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else { return };
    let bytes = if shape % 2 == 0 {
        rest.to_vec()
    } else {
        let at = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let (sheet, strings) = rest.split_at(at);
        workbook(sheet, strings.get(1..).unwrap_or_default())
    };
    let rows = match posfee_core::xlsx_rows(&bytes, None) {
        Ok(rows) => rows,
        Err(e) => {
            posfee_fuzz::assert_message_bounded(&e);
            return;
        }
    };
    for row in &rows {
        assert!(row.len() <= MAX_XLSX_COLUMNS as usize, "a row of {} cells", row.len());
    }
    let mut reader = CsvReader::with_format(StatementFormat::default());
    let mut records = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        let before = records.len();
        if let Err(e) = reader.feed_row(row, &mut |r| records.push(r)) {
            posfee_fuzz::assert_message_bounded(&e);
            return;
        }
        for r in records.get(before..).unwrap_or_default() {
            if let CsvRecord::Line { line_number, .. } = r {
                assert_eq!(*line_number, i as u64 + 1, "a record's line is its row's");
            }
        }
    }
    if let Err(e) = reader.finish(&mut |r| records.push(r)) {
        posfee_fuzz::assert_message_bounded(&e);
    }
    posfee_fuzz::check_records(&records);
});
