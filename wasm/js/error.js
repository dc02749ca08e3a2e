/** Marks a PosfeeError from any copy of the package (ESM, CommonJS, a bundle). */
const BRAND = Symbol.for('posfee.PosfeeError');

/** The one error class posfee throws: the core's code, field and reason, and a message in Chinese and English. */
export class PosfeeError extends Error {
  constructor(e) {
    super(e.messageEn, e.cause === undefined ? undefined : { cause: e.cause });
    this.name = 'PosfeeError';
    this.code = e.code;
    this.field = e.field;
    this.reason = e.reason;
    this.year = e.year;
    this.messageZh = e.messageZh;
    this.messageEn = e.messageEn;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Whether `value` is a PosfeeError, from this copy of the package or another. */
  static is(value) {
    return value !== null && typeof value === 'object' && value[BRAND] === true;
  }

  /** `e instanceof PosfeeError` holds across copies of the package too. */
  static [Symbol.hasInstance](value) {
    return this === PosfeeError ? PosfeeError.is(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
