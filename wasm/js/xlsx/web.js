// posfee/xlsx for browsers and bundlers: an Excel (.xlsx) statement's rows,
// read by the core (calamine) in its own WebAssembly module, fetched from
// posfee_xlsx_bg.wasm beside this file. auditStatement loads this module
// only when it is given an .xlsx file.
import init, { xlsxRows as read } from './posfee_xlsx.js';
import { PosfeeError } from '../error.js';
import { wrapXlsxRows } from './rows.js';

await init();

export const xlsxRows = wrapXlsxRows(read, PosfeeError);
