'use strict';
// posfee/xlsx from Node (require, and import through node.mjs): the nodejs
// glue in cjs/, reading posfee_xlsx_bg.wasm beside this file.
const glue = require('./cjs/posfee_xlsx.js');
const { PosfeeError } = require('../error.cjs');
const { wrapXlsxRows } = require('./rows.cjs');

module.exports = { xlsxRows: wrapXlsxRows(glue.xlsxRows, PosfeeError) };
