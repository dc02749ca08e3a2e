'use strict';
// posfee/quote in Node from CommonJS (require): the nodejs glue, in cjs/.
const glue = require('./cjs/posfee_quote.js');
const { PosfeeError } = require('../error.cjs');

glue.__setErrorClass(PosfeeError);

module.exports = {
  Engine: glue.Engine,
  parseAmount: glue.parseAmount,
  version: glue.version,
  PosfeeError,
};
