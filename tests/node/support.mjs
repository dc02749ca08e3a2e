// Shared by the Node tests: key conversion between the vectors' snake_case
// JSON and the package's camelCase JavaScript API.

/** Keys whose object values are data maps (usage buckets): kept as given. */
const DATA_MAPS = new Set(['used', 'counts', 'columns']);

export const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
export const snake = (k) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

/** snake_case keys → camelCase, recursively (not inside data maps). */
export function toCamel(v, dataMap = false) {
  if (Array.isArray(v)) return v.map((x) => toCamel(x));
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    const key = dataMap ? k : camel(k);
    out[key] = toCamel(x, !dataMap && DATA_MAPS.has(k));
  }
  return out;
}

/** camelCase keys → snake_case, recursively. */
export function toSnake(v) {
  if (Array.isArray(v)) return v.map(toSnake);
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) out[snake(k)] = toSnake(x);
  return out;
}

/** A field path back in the core's spelling: payment.cardKind → payment.card_kind.
 * Only input errors are named in JavaScript's spelling; a path in a data
 * file (plan, calendar: `days[0].isOffDay`) is the file's own and is kept. */
const INPUT_CODES = new Set(['invalid_amount', 'invalid_time', 'invalid_field']);
export const snakeField = (f, code = 'invalid_field') =>
  INPUT_CODES.has(code) ? f.split('.').map((seg) => seg.replace(/^[^[]+/, snake)).join('.') : f;

/** Bytes written in hex (the vectors' `statement_hex`, `workbook_hex`). */
export const hexBytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
