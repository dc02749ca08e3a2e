'use strict';
// posfee/quote in Node, from require() and from import (node.mjs): the
// nodejs glue in cjs/, reading posfee_quote_bg.wasm beside this file.
const glue = require('./cjs/posfee_quote.js');
const { PosfeeError } = require('../error.cjs');

glue.__setErrorClass(PosfeeError);

module.exports = {
  Engine: glue.Engine,
  parseAmount: glue.parseAmount,
  version: glue.version,
  PosfeeError,
};
