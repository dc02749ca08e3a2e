'use strict';
// Node from CommonJS (require): wasm-bindgen's nodejs glue, in cjs/.
const glue = require('./cjs/posfee_wasm.js');
const { PosfeeError } = require('./error.cjs');

glue.__setErrorClass(PosfeeError);

module.exports = {
  Engine: glue.Engine,
  Plan: glue.Plan,
  Calendar: glue.Calendar,
  DayLedger: glue.DayLedger,
  compare: glue.compare,
  parseAmount: glue.parseAmount,
  version: glue.version,
  PosfeeError,
};
