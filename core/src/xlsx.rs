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

use crate::error::{Error, ErrorCode, Reason, Result};
use calamine::{Data, Reader, Xlsx};

/// The rows of an .xlsx file's sheet (the first, or the one `sheet`
/// names) as text cells, in order.
///
/// ```
/// let e = posfee_core::xlsx_rows(b"not a zip", None).unwrap_err();
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_csv", "unreadable"));
/// ```
pub fn xlsx_rows(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Vec<String>>> {
    let unreadable = |what: &str| {
        Error::new(
            ErrorCode::InvalidCsv,
            "file",
            Reason::Unreadable,
            format!("无法读取该 Excel 文件（{what}）"),
            format!("the Excel file cannot be read ({what})"),
        )
    };
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|_| unreadable("not an .xlsx workbook"))?;
    let range = match sheet {
        Some(name) => book.worksheet_range(name).map_err(|_| {
            let names = book.sheet_names().join(", ");
            let shown = crate::bounds::echo(name);
            Error::new(
                ErrorCode::InvalidField,
                "sheet",
                Reason::UnknownValue,
                format!("sheet：没有名为 \"{shown}\" 的工作表，可选 {names}"),
                format!("sheet: no sheet named \"{shown}\"; the sheets are {names}"),
            )
        })?,
        None => book
            .worksheet_range_at(0)
            .ok_or_else(|| unreadable("no sheet"))?
            .map_err(|_| unreadable("the first sheet"))?,
    };
    // Rows as the sheet has them from A1 (calamine's range starts at the
    // first used cell).
    let (top, left) = range.start().unwrap_or((0, 0));
    let pad = usize::try_from(left).unwrap_or(0);
    let mut rows: Vec<Vec<String>> = (0..top).map(|_| Vec::new()).collect();
    for row in range.rows() {
        let mut cells = vec![String::new(); pad];
        cells.extend(row.iter().map(cell_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    Ok(rows)
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
}
