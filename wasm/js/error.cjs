"use strict";
/** The one error class posfee throws: the core's code, field and reason, and a message in Chinese and English. */
class PosfeeError extends Error {
  constructor(e) {
    super(e.messageEn, e.cause === undefined ? undefined : { cause: e.cause });
    this.name = 'PosfeeError';
    this.code = e.code;
    this.field = e.field;
    this.reason = e.reason;
    this.year = e.year;
    this.messageZh = e.messageZh;
    this.messageEn = e.messageEn;
  }
}

module.exports = { PosfeeError };
