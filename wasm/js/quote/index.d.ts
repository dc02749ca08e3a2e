/// <reference path="../dispose.d.ts" />
export { Engine, parseAmount, version } from './posfee_quote.js';
export type * from './posfee_quote.js';
import type { ErrorCode } from './posfee_quote.js';

/** The one error class posfee throws. `code` and `reason` are the core's stable snake_case strings. */
export declare class PosfeeError extends Error {
  readonly name: 'PosfeeError';
  /** What kind of failure: invalid_amount, invalid_time, invalid_field, calendar_not_covered, plan_invalid, … */
  readonly code: ErrorCode;
  /** The input it concerns: a path such as "payment.amount", "mix[2].payment.cardKind", or a path in a plan file. */
  readonly field: string;
  /** A stable detail within the code: missing, not_a_string, too_many_decimals, unknown_value, … */
  readonly reason: string;
  /** The uncovered year, for calendar_not_covered; otherwise null. */
  readonly year: number | null;
  readonly messageZh: string;
  readonly messageEn: string;
  /** Whether `value` is a PosfeeError from any copy of the package (ESM, CommonJS, a bundle); `instanceof` holds across them too. */
  static is(value: unknown): value is PosfeeError;
}
