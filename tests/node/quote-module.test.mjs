// posfee/quote, the quote module: the same answers and errors as the whole
// package on every quote vector over the built-in data, on random good and
// bad inputs, on statement batches and on its data versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as full from 'posfee';
import * as lite from 'posfee/quote';
import { toCamel } from './support.mjs';

const root = new URL('../', import.meta.url);
const fullEngine = new full.Engine();
const liteEngine = new lite.Engine();

/** An answer, or the thrown PosfeeError's every property. */
function answer(f) {
  try {
    return { ok: f() };
  } catch (err) {
    if (!(err instanceof full.PosfeeError)) throw err;
    const { code, field, reason, year, messageZh, messageEn } = err;
    return { error: { code, field, reason, year, messageZh, messageEn } };
  }
}

test('the quote module exports the same error class and names as the whole package', () => {
  assert.equal(lite.PosfeeError, full.PosfeeError);
  assert.equal(lite.version(), full.version());
  assert.deepEqual(Object.keys(lite).sort(), ['Engine', 'PosfeeError', 'parseAmount', 'version']);
  for (const name of ['quote', 'fee', 'feeBatchText', 'dataVersions']) {
    assert.equal(typeof lite.Engine.prototype[name], 'function', name);
  }
  // Loading data at run time is the whole package's.
  assert.equal(lite.Engine.withData, undefined);
  assert.equal(lite.Engine.prototype.loadPlan, undefined);
});

const sentinel = {
  merchant: { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true },
  card: { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' },
};

test('the quote module answers every quote vector over the built-in data as the whole package does', () => {
  let compared = 0;
  let errors = 0;
  for (const f of readdirSync(new URL('vectors/', root)).filter((n) => n.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(new URL(`vectors/${f}`, root), 'utf8'));
    for (const c of doc.cases) {
      const input = c.input ?? {};
      if (c.op !== 'quote' || (input.plan ?? 'upos') !== 'upos' || input.calendar_extra) continue;
      const m = toCamel(typeof input.merchant === 'string' ? doc.merchants[input.merchant] : input.merchant);
      const args = [m, toCamel(input.payment), toCamel(input.usage), { provisional: input.provisional === true }];
      const a = answer(() => fullEngine.quote(...args));
      const b = answer(() => liteEngine.quote(...args));
      assert.deepEqual(b, a, `${f} ${c.id}`);
      // The same instance still answers a normal quote exactly.
      assert.equal(liteEngine.quote(sentinel.merchant, sentinel.card).fee, '5.50', `after ${c.id}`);
      compared++;
      if (a.error) errors++;
    }
  }
  assert.ok(compared >= 150, `compared ${compared}`);
  assert.ok(errors >= 20, `the vectors should include refused inputs (${errors})`);
});

test('the quote module agrees with the whole package on random good and bad inputs', () => {
  let seed = 20261123;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = (xs) => xs[rand(xs.length)];
  class Box {}
  const values = ['1000.00', '12.5', '0', '1.001', '', 'card', 'qr', 'contactless', 'credit', 'debit', 'chip', 'magstripe', 'alipay', 'wechat',
    'unionpay', '2025-03-12T10:00', '2025-10-01T22:30+08:00', '2025-13-01T10:00', '2031-01-05T10:00', 1000, 0.5, -3, 1e21, NaN, Infinity,
    true, false, null, undefined, [], {}, ['a'], { x: 1 }, new Box(), 10n, 'a\u0001b', 'a\u0000b', '日'];
  const paymentKeys = ['amount', 'method', 'cardKind', 'cardMedium', 'wallet', 'largeMode', 'magstripeVerified', 'time', 'card_kind', 'Amount', 'extra'];
  const merchantKeys = ['tier', 'verification', 'creditRate', 'activated', 'wallets', 'largeModeApproved', 'credit_rate'];
  const base = [
    { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' },
    { amount: '80.00', method: 'qr', wallet: 'alipay', time: '2025-10-08T09:00' },
    { amount: '600.00', method: 'contactless', cardKind: 'debit', time: '2025-12-31T23:30' },
  ];
  let agreedErrors = 0;
  let agreedAnswers = 0;
  for (let i = 0; i < 600; i++) {
    const payment = { ...pick(base) };
    const m = { tier: pick(['premium', 'new']), verification: pick(['face_and_card', 'none', 'face_only']), creditRate: 'standard', activated: rand(5) !== 0, wallets: { alipay: { enabled: true, verified: rand(2) === 0 } } };
    // One input in four is left good, apart from the time and the day's usage.
    const spoil = i % 4 !== 0;
    for (let k = spoil ? rand(3) : 0; k > 0; k--) payment[pick(paymentKeys)] = pick(values);
    if (spoil && rand(3) === 0) m[pick(merchantKeys)] = pick([...values, 'premium', 'new', 'none', 'standard']);
    const usage = rand(4) === 0 ? { used: { credit: pick(['100.00', '49000.00', spoil ? '-1' : '0', spoil ? 5 : '1.00']) }, counts: { qr_large_count: pick([1, spoil ? '2' : 0, spoil ? -1 : 3]) } } : undefined;
    const options = rand(6) === 0 ? { provisional: pick([true, false, spoil ? 'yes' : true, spoil ? 1 : false]) } : undefined;
    const shown = () => `input ${i}: ${JSON.stringify({ m, payment, usage, options }, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`;
    const a = answer(() => fullEngine.quote(m, payment, usage, options));
    const b = answer(() => liteEngine.quote(m, payment, usage, options));
    assert.deepEqual(b, a, shown());
    if (a.error) agreedErrors++;
    else agreedAnswers++;
    assert.deepEqual(answer(() => liteEngine.fee(m, payment)), answer(() => fullEngine.fee(m, payment)), `fee ${shown()}`);
  }
  assert.ok(agreedErrors > 100, `the random inputs should include many bad ones (${agreedErrors})`);
  assert.ok(agreedAnswers > 100, `the random inputs should include many good ones (${agreedAnswers})`);
});

test('the quote module prices statement batches as the whole package does', () => {
  const m = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
  const instruments = [
    { method: 'card', cardKind: 'credit', cardMedium: 'chip' },
    { method: 'qr', wallet: 'wechat' },
    { method: 'contactless', cardKind: 'debit' },
  ];
  const amounts = Array.from({ length: 5000 }, (_, i) => `${(i * 7919) % 50000}.${String(i % 100).padStart(2, '0')}`);
  amounts[0] = '0.01';
  const good = { amounts: amounts.join('\n'), instruments, instrumentIndex: Uint8Array.from(amounts, (_, i) => i % 3) };
  const a = answer(() => fullEngine.feeBatchText(m, good));
  assert.ok(a.ok, JSON.stringify(a.error));
  assert.deepEqual(answer(() => liteEngine.feeBatchText(m, good)), a);
  const bad = [
    { ...good, amounts: amounts.slice(0, 10).join('\n') + '\n1.001' },
    { ...good, amounts: 5 },
    { ...good, instruments: [{ method: 'cash' }] },
    { amounts: '1.00' },
    { ...good, extra: true },
  ];
  for (const [i, b] of bad.entries()) {
    const e = answer(() => fullEngine.feeBatchText(m, b));
    assert.ok(e.error, `bad batch ${i} is refused`);
    assert.deepEqual(answer(() => liteEngine.feeBatchText(m, b)), e, `bad batch ${i}`);
  }
});

test('the quote module names its built-in data as the whole package does', () => {
  assert.deepEqual(liteEngine.dataVersions(), fullEngine.dataVersions());
  assert.equal(liteEngine.dataVersions().planId, 'upos');
  assert.deepEqual(answer(() => lite.parseAmount('12.5')), { ok: '12.50' });
  assert.deepEqual(answer(() => lite.parseAmount(12.5)), answer(() => full.parseAmount(12.5)));
});

test('the quote module loads from CommonJS too', () => {
  const require = createRequire(import.meta.url);
  const cjs = require('posfee/quote');
  const q = new cjs.Engine().quote(
    { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true },
    { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' },
  );
  assert.deepEqual(q, liteEngine.quote(
    { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true },
    { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' },
  ));
  assert.throws(() => new cjs.Engine().fee({}, { amount: 1 }), (e) => e instanceof cjs.PosfeeError && e.code === 'invalid_amount');
});
