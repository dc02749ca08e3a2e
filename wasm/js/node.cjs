'use strict';
// Node, from require() and from import (node.mjs): wasm-bindgen's nodejs
// glue in cjs/, reading posfee_wasm_bg.wasm beside this file.
const glue = require('./cjs/posfee_wasm.js');
const { PosfeeError } = require('./error.cjs');
const { installAuditCsv } = require('./audit.cjs');

glue.__setErrorClass(PosfeeError);
installAuditCsv(glue.Auditor, PosfeeError, async () => require('./xlsx/node.cjs'));

module.exports = {
  Engine: glue.Engine,
  Plan: glue.Plan,
  Calendar: glue.Calendar,
  DayLedger: glue.DayLedger,
  Auditor: glue.Auditor,
  compare: glue.compare,
  compareByChannel: glue.compareByChannel,
  compareContract: glue.compareContract,
  parseAmount: glue.parseAmount,
  version: glue.version,
  PosfeeError,
};
