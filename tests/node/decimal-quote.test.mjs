// The benchmark's decimal.js `quote` (decimal-quote.mjs) against the npm
// package and the conformance vectors: every non-error `quote` vector on the
// default plan with the embedded calendar (no calendar_extra, no provisional).
//   cd tests/node && node --test decimal-quote.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engine, Plan } from 'posfee';
import { toCamel } from './support.mjs';
import { makeDecimalQuote } from './decimal-quote.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const planJson = JSON.parse(Plan.upos().toJson());
const calendarJson = JSON.parse(readFileSync(root + '../core/data/calendar-cn.json', 'utf8'));
const engine = new Engine();
const quote = makeDecimalQuote(planJson, calendarJson);

/** The compared fields of a quote, in the package's camelCase shape. */
const fields = (q) => ({
  outcome: q.outcome,
  fee: q.fee,
  net: q.net,
  ruleId: q.rule?.id,
  accountingDate: q.accountingDate,
  refusalCode: q.refusal?.code ?? null,
  leftAfter: q.limits?.leftAfter ?? null,
  singleCap: q.limits?.singleCap ?? null,
  arrivalDate: q.arrival?.date ?? null,
  arrivalRealtime: q.arrival?.realtime ?? null,
});

/**
 * The same fields from a vector's snake_case expect (a subset: a key it does not
 * give stays undefined and is not checked; a null object makes its fields null).
 */
const pick = (o, k) => (o === null ? null : o === undefined || !(k in o) ? undefined : o[k]);
const expected = (e) => ({
  outcome: e.outcome,
  fee: e.fee,
  net: e.net,
  ruleId: pick(e.rule, 'id'),
  accountingDate: e.accounting_date,
  refusalCode: pick(e.refusal, 'code'),
  leftAfter: pick(e.limits, 'left_after'),
  singleCap: pick(e.limits, 'single_cap'),
  arrivalDate: pick(e.arrival, 'date'),
  arrivalRealtime: pick(e.arrival, 'realtime'),
});

const cases = [];
for (const file of readdirSync(root + 'vectors').filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(root + 'vectors/' + file, 'utf8'));
  for (const c of doc.cases) {
    const input = c.input ?? {};
    if (c.op !== 'quote' || 'error' in c.expect) continue;
    if ((input.plan ?? 'upos') !== 'upos' || 'calendar_extra' in input || 'provisional' in input) continue;
    const m = typeof input.merchant === 'string' ? doc.merchants[input.merchant] : input.merchant;
    cases.push({ id: c.id, file, merchant: toCamel(m), payment: toCamel(input.payment), usage: toCamel(input.usage), expect: c.expect });
  }
}

test('the vectors give enough quote cases', () => {
  assert.ok(cases.length >= 100, `only ${cases.length} cases`);
});

for (const c of cases) {
  test(`${c.id} (${c.file})`, () => {
    const ours = quote(c.merchant, c.payment, c.usage);
    const theirs = engine.quote(c.merchant, c.payment, c.usage);
    assert.deepEqual(fields(ours), fields(theirs), 'decimal.js quote vs posfee');
    const want = expected(c.expect);
    const got = fields(ours);
    for (const [k, v] of Object.entries(want)) if (v !== undefined) assert.equal(got[k], v, `${k} vs the vector's expect`);
  });
}

test('the bench payment', () => {
  const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true,
    wallets: { alipay: { enabled: true, verified: true }, wechat: { enabled: true, verified: true } }, largeModeApproved: true };
  const payment = { amount: '1234.56', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-03-12T10:00' };
  assert.deepEqual(fields(quote(merchant, payment)), fields(engine.quote(merchant, payment)));
  assert.equal(quote(merchant, payment).fee, '6.79'); // 1234.56 × 0.55% = 6.79008
});

test('bad input is an Error', () => {
  const merchant = { tier: 'new', verification: 'none', creditRate: 'standard', activated: true };
  const card = { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-03-12T10:00' };
  for (const amount of ['1.005', '0', '-1', '1e3', '01.00', '1.', '.5', '100000000.00', 1000])
    assert.throws(() => quote(merchant, { ...card, amount }), Error, String(amount));
  for (const time of ['2025-02-29T10:00', '2025-03-12T24:00', '2025-03-12T10:00+0800', '2025-03-12', '2025-03-12T10:00+24:00'])
    assert.throws(() => quote(merchant, { ...card, amount: '1.00', time }), Error, time);
  assert.throws(() => quote(merchant, { ...card, amount: '1.00', wallet: 'alipay' }), Error);
  assert.throws(() => quote({ ...merchant, tier: 'gold' }, { ...card, amount: '1.00' }), Error);
  assert.throws(() => quote(merchant, { ...card, amount: '1.00' }, { used: { kredit: '1.00' } }), Error);
  assert.throws(() => quote(merchant, { ...card, amount: '1.00', time: '2026-12-31T22:30' }), /calendar/);
  // An offset is converted to China time: 15:30Z is 23:30 in China, the next accounting date.
  assert.equal(quote(merchant, { ...card, amount: '1.00', time: '2025-03-12T15:30:00Z' }).accountingDate, '2025-03-13');
});
