/* tslint:disable */
/* eslint-disable */

/**
 * The rows of an Excel (.xlsx) statement's sheet (the first, or the one
 * `sheet` names) as text cells, row 1 of the sheet first: numbers as
 * their shortest decimal text, dates as `2025-03-12T10:00:00`. Feed them
 * to `Auditor.feedRows` after `startStatement` (`auditStatement` does both
 * for an .xlsx file). Throws `PosfeeError`: `invalid_csv`/`unreadable`
 * for a file that is not a workbook, `input_too_large` beyond the bounds,
 * `invalid_field`/`unknown_value` at `sheet` for a sheet it does not have.
 */
export function xlsxRows(file: Uint8Array | ArrayBuffer, sheet?: string | null): string[][];
