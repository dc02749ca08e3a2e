// Hostile inputs through both modules (`posfee` and `posfee/quote`): every
// one gets a PosfeeError with a stable code, field and reason, and the same
// wasm instance and engine answer normally afterwards, with memory bounded.
// The JavaScript-only part of the bad-input corpus (BigInt, Symbol, Proxy,
// getters, Maps, class instances, `__proto__`) lives here; the part every
// language runs is tests/vectors/bad-input-*.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as full from 'posfee';
import * as quoteModule from 'posfee/quote';

const root = new URL('../', import.meta.url);
const holidayCn2027 = readFileSync(new URL('calendars/holiday-cn-2027-fictional.json', root), 'utf8');
// The glue instances `posfee` and `posfee/quote` run on in Node (node.mjs re-exports node.cjs).
const require = createRequire(import.meta.url);
const fullGlue = require('./node_modules/posfee/cjs/posfee_wasm.js');
const quoteGlue = require('./node_modules/posfee/quote/cjs/posfee_quote.js');
/** The instance's memory in bytes. */
const memoryOf = (glue) => () => glue.__memoryPages() * 65536;
const fullMemory = memoryOf(fullGlue);
const quoteMemory = memoryOf(quoteGlue);

const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
const card = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };
const qr = { amount: '100.00', method: 'qr', wallet: 'wechat', time: '2025-03-12T10:00' };
const wallets = { wechat: { enabled: true, verified: true } };

function caught(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Asserts `f` throws a PosfeeError of `mod` with these properties. */
function refuses(mod, f, expected) {
  const err = caught(f);
  assert.ok(err instanceof mod.PosfeeError, `expected a PosfeeError, got ${err && err.stack}`);
  for (const [k, v] of Object.entries(expected)) {
    if (v instanceof RegExp) assert.match(err[k], v, `${k} of ${JSON.stringify(err)}`);
    else assert.deepEqual(err[k], v, `${k} of ${JSON.stringify(err)}`);
  }
  for (const k of ['messageZh', 'messageEn']) assert.ok(typeof err[k] === 'string' && err[k].length > 0, k);
  assert.ok(err.messageEn.length < 400, `short message: ${err.messageEn.length}`);
  // Each message in its own language (a value the caller gave may be quoted).
  const cjk = /[\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]/;
  assert.ok(!cjk.test(err.messageEn.split('"').filter((_, i) => i % 2 === 0).join('')), `Chinese in ${err.messageEn}`);
  assert.ok(cjk.test(err.messageZh), `no Chinese in ${err.messageZh}`);
  return err;
}

/** The engine still answers a normal quote exactly, and can be freed. */
function stillRight(mod, engine) {
  const q = engine.quote(merchant, card);
  assert.equal(q.fee, '5.50');
  assert.equal(q.net, '994.50');
  if (engine.free) {
    const fresh = new mod.Engine();
    assert.equal(fresh.quote(merchant, card).fee, '5.50');
    fresh.free();
  }
}

/** `[[[…]]]` nested `depth` levels (the outermost array is level 1). */
function nested(depth) {
  let v = [];
  for (let i = 1; i < depth; i++) v = [v];
  return v;
}
/** `{a: {a: …}}` nested `depth` levels. */
function nestedObject(depth) {
  let v = {};
  for (let i = 1; i < depth; i++) v = { a: v };
  return v;
}

for (const [name, mod, memory] of [
  ['posfee', full, fullMemory],
  ['posfee/quote', quoteModule, quoteMemory],
]) {
  test(`${name}: a value nested 3,000 deep is input_too_large at its path, and the engine lives on`, () => {
    const e = new mod.Engine();
    const deep = nested(3000);
    const payment = { ...card, x: deep };
    for (let i = 0; i < 400; i++) {
      refuses(mod, () => e.quote(merchant, payment), { code: 'input_too_large', reason: 'too_deep', field: /^payment\.x(\[0\]){63}$/ });
    }
    refuses(mod, () => e.quote({ ...merchant, wallets: nestedObject(5000) }, card), { code: 'input_too_large', field: /^merchant\.wallets(\.a){63}$/ });
    refuses(mod, () => e.quote(merchant, card, { used: { credit: nested(3000) } }), { code: 'input_too_large', field: /^usage\.used\.credit/ });
    refuses(mod, () => e.quote(merchant, card, null, { provisional: nested(3000) }), { code: 'input_too_large', field: /^options\.provisional/ });
    refuses(mod, () => e.fee(merchant, { ...card, x: deep }), { code: 'input_too_large', field: /^payment\.x/ });
    refuses(mod, () => e.feeBatchText(merchant, { amounts: '1.00', instruments: [{ method: 'qr', wallet: 'wechat', x: deep }] }), {
      code: 'input_too_large',
      field: /^instruments\[0\]\.x/,
    });
    stillRight(mod, e);
  });

  test(`${name}: nesting up to 64 levels is read (an unknown key), 65 is too deep`, () => {
    const e = new mod.Engine();
    // payment is level 1, payment.x level 2: x holding 63 levels reaches 64.
    refuses(mod, () => e.quote(merchant, { ...card, x: nested(63) }), { code: 'invalid_field', field: 'payment.x', reason: 'unknown_field' });
    refuses(mod, () => e.quote(merchant, { ...card, x: nested(64) }), { code: 'input_too_large', reason: 'too_deep' });
    stillRight(mod, e);
  });

  test(`${name}: a number where a string belongs is a coded error, never a trap (Node 20)`, () => {
    const e = new mod.Engine();
    for (let i = 0; i < 300; i++) {
      refuses(mod, () => mod.parseAmount('12.5', 0), { code: 'invalid_field', field: 'field', reason: 'wrong_type' });
      refuses(mod, () => mod.parseAmount('12.5', {}), { code: 'invalid_field', field: 'field', reason: 'wrong_type' });
      assert.equal(mod.parseAmount('12.5'), '12.50');
      assert.equal(e.fee(merchant, card).fee, '5.50');
      assert.equal(e.quote(merchant, card).fee, '5.50');
      if (mod === full) {
        refuses(mod, () => e.loadCalendar(holidayCn2027, 1), { code: 'invalid_field', field: 'dataVersion', reason: 'wrong_type' });
        refuses(mod, () => mod.Calendar.fromHolidayCn(holidayCn2027, 1), { code: 'invalid_field', field: 'dataVersion', reason: 'wrong_type' });
        assert.equal(e.accountingDate('2025-03-12T23:00'), '2025-03-13');
      }
    }
    stillRight(mod, e);
  });

  test(`${name}: throwing getters, Proxies and revoked Proxies are unreadable, the engine stays usable and memory flat`, () => {
    const e = new mod.Engine();
    const boom = new Error('boom');
    const getter = Object.defineProperty({ ...card }, 'amount', { enumerable: true, get() { throw boom; } });
    const trap = new Proxy({ ...card }, { get() { throw boom; } });
    const keysTrap = new Proxy({ ...card }, { ownKeys() { throw boom; } });
    const { proxy: revoked, revoke } = Proxy.revocable({ ...card }, {});
    revoke();
    const badIndex = [0];
    Object.defineProperty(badIndex, 0, { get() { throw boom; } });
    const cases = [
      [() => e.quote(merchant, getter), 'payment'],
      [() => e.quote(merchant, trap), 'payment'],
      [() => e.quote(merchant, keysTrap), 'payment'],
      [() => e.quote(merchant, revoked), 'payment'],
      [() => e.quote(trap, card), 'merchant'],
      [() => e.quote(merchant, card, trap), 'usage'],
      [() => e.fee(merchant, getter), 'payment'],
      [() => e.feeBatchText(merchant, { amounts: '1.00', instruments: [trap] }), 'instruments[0]'],
      [() => e.feeBatchText(merchant, new Proxy({ amounts: '1.00', instruments: [] }, { get() { throw boom; } })), ''],
      [() => e.feeBatchText(merchant, { amounts: '1.00', instruments: [{ method: 'qr', wallet: 'wechat' }], instrumentIndex: badIndex }), ''],
    ];
    for (const [f, field] of cases) {
      const err = refuses(mod, f, { code: 'invalid_field', reason: 'unreadable', field });
      assert.equal(err.cause instanceof Error || err.cause instanceof TypeError, true, 'the caller’s exception is the cause');
    }
    const before = memory();
    for (let i = 0; i < 1000; i++) for (const [f] of cases) caught(f);
    assert.ok(memory() - before <= 1 << 20, `wasm memory grew by ${memory() - before} bytes`);
    stillRight(mod, e);
  });

  test(`${name}: own properties only; Maps, class instances and arrays are refused, never read as nothing`, () => {
    const e = new mod.Engine();
    // Inherited properties are not the caller's input.
    Object.prototype.cardKind = 'debit';
    try {
      const q = e.quote(merchant, { amount: '1000.00', method: 'card', cardMedium: 'chip', time: '2025-09-30T22:00', cardKind: 'credit' });
      assert.equal(q.fee, '5.50');
      refuses(mod, () => e.quote(merchant, { amount: '1000.00', method: 'card', cardMedium: 'chip', time: '2025-09-30T22:00' }), {
        code: 'invalid_field',
        field: 'payment.cardKind',
        reason: 'missing',
      });
    } finally {
      delete Object.prototype.cardKind;
    }
    refuses(mod, () => e.quote(merchant, card, { used: new Map([['credit', '49999.00']]) }), { code: 'invalid_field', field: 'usage.used', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, card, new Map([['used', { credit: '49999.00' }]])), { code: 'invalid_field', field: 'usage', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, card, []), { code: 'invalid_field', field: 'usage', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, card, null, []), { code: 'invalid_field', field: 'options', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, card, null, new Map()), { code: 'invalid_field', field: 'options', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, ['1000.00', 'card', 'credit', 'chip']), { code: 'invalid_field', field: 'payment', reason: 'wrong_type' });
    class Payment {
      constructor() {
        Object.assign(this, card);
      }
    }
    refuses(mod, () => e.quote(merchant, new Payment()), { code: 'invalid_field', field: 'payment', reason: 'wrong_type', messageEn: /Payment/ });
    refuses(mod, () => e.quote(merchant, { ...card, time: new Date('2025-09-30T14:00:00Z') }), { code: 'invalid_time', field: 'payment.time', reason: 'not_a_string' });
    refuses(mod, () => e.quote(merchant, { ...card, amount: new String('1000.00') }), { code: 'invalid_amount', field: 'payment.amount', reason: 'not_a_string' });
    refuses(mod, () => e.quote(merchant, { ...card, amount: { toJSON: () => '1000.00' } }), { code: 'invalid_amount', field: 'payment.amount', reason: 'not_a_string' });
    // A "__proto__" key of a usage map is data (an unknown bucket), not dropped.
    const used = JSON.parse('{"__proto__": "1.00"}');
    refuses(mod, () => e.quote(merchant, card, { used }), { code: 'invalid_field', field: 'usage.used.__proto__', reason: 'unknown_value' });
    // The daily cap still binds when the usage is a plain object.
    assert.equal(e.quote(merchant, card, { used: { credit: '99999999.00' } }).outcome, 'refused');
    stillRight(mod, e);
  });

  test(`${name}: BigInt, Symbol, functions and lone surrogates are coded errors at their field`, () => {
    const e = new mod.Engine();
    refuses(mod, () => e.quote(merchant, { ...card, amount: 1000n }), { code: 'invalid_amount', field: 'payment.amount', reason: 'not_a_string' });
    refuses(mod, () => e.quote(merchant, { ...card, method: Symbol('card') }), { code: 'invalid_field', field: 'payment.method', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, { ...card, method: () => 'card' }), { code: 'invalid_field', field: 'payment.method', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, { ...card, method: 'card\ud800' }), { code: 'invalid_field', field: 'payment.method', reason: 'wrong_type' });
    refuses(mod, () => e.quote(merchant, { ...card, amount: '\udc00' }), { code: 'invalid_amount', field: 'payment.amount', reason: 'not_a_string' });
    refuses(mod, () => e.quote({ ...merchant, tier: '\ud83d' }, card), { code: 'invalid_field', field: 'merchant.tier', reason: 'wrong_type' });
    stillRight(mod, e);
  });

  test(`${name}: a long input is cut in the message, control characters escaped`, () => {
    const e = new mod.Engine();
    const err = refuses(mod, () => e.quote(merchant, { ...card, method: 'x\n\u0000'.repeat(1_000_000) }), { code: 'invalid_field', field: 'payment.method', reason: 'unknown_value' });
    assert.ok(!err.messageEn.includes('\n') && !err.messageEn.includes('\u0000'));
    assert.match(err.messageEn, /…/);
    refuses(mod, () => mod.parseAmount('9'.repeat(10_000)), { code: 'input_too_large', field: 'amount', reason: 'too_long' });
    stillRight(mod, e);
  });

  test(`${name}: 10,000 hostile calls in a row, then the same instance answers exactly with memory bounded`, () => {
    const e = new mod.Engine();
    const boom = new Proxy({}, { get() { throw new Error('x'); } });
    const inputs = [
      () => e.quote(merchant, { ...card, x: nested(200) }),
      () => e.quote(merchant, boom),
      () => e.quote(merchant, { ...card, amount: 12 }),
      () => e.quote(merchant, { ...card, method: 'x'.repeat(10_000) }),
      () => mod.parseAmount('1', 0),
      () => e.fee(merchant, new Map()),
      () => e.feeBatchText(merchant, { amounts: 'x\n'.repeat(100), instruments: [{ method: 'qr', wallet: 'wechat' }] }),
      () => e.quote(merchant, { ...card, amount: '１０００' }),
    ];
    for (let i = 0; i < 200; i++) caught(inputs[i % inputs.length]);
    const before = memory();
    for (let i = 0; i < 10_000; i++) {
      const err = caught(inputs[i % inputs.length]);
      assert.ok(err instanceof mod.PosfeeError, String(err));
    }
    assert.ok(memory() - before <= 1 << 20, `wasm memory grew by ${memory() - before} bytes`);
    stillRight(mod, e);
  });
}

test('posfee: deep nesting in every entry point that reads an object', () => {
  const { Engine, DayLedger, Plan, compare, compareContract, Auditor } = full;
  const e = new Engine();
  const deep = nested(3000);
  const contract = { id: 'c', rates: { credit: '0.60', debit: '0.50', qr: '0.38', smallContactless: '0.38', contactless: '0.60' } };
  const cases = [
    [() => e.arrival({ ...card, x: deep }), /^payment\.x/],
    [() => e.eligibility({ monthlyVolumes: deep, devices: 1, annualAgreement: false, riskRecord: false, verification: 'none' }), /^monthlyVolumes/],
    [() => e.diagnose({ situation: 'declined', x: deep }), /^x/],
    [() => e.feeBatch(merchant, { amounts: ['1.00'], instruments: [{ method: 'qr', wallet: 'wechat', x: deep }] }), /^instruments\[0\]\.x/],
    [() => new Auditor(e, merchant, '2025-03-20T00:00', { x: deep }), /^options\.x/],
    [() => new DayLedger().quoteAll(e, merchant, [{ ...card, x: deep }]), /^payments\[0\]\.x/],
    [() => Plan.fromContract({ ...contract, x: deep }), /^contract\.x/],
    [() => compare(Plan.upos(), Plan.reference(), merchant, [{ payment: { ...card, x: deep }, count: 1 }]), /^mix/],
    [() => compareContract({ ...contract, x: deep }, Plan.upos(), Plan.reference(), merchant, [{ payment: qr, count: 1 }]), /^contract/],
    [() => Plan.fromJson({ schema_version: 1, x: deep }), /^x/],
    [() => e.loadPlan({ schema_version: 1, x: deep }), /^x/],
    [() => e.loadCalendar({ year: 2027, days: deep }), /^days/],
  ];
  for (const [f, field] of cases) {
    refuses(full, f, { code: 'input_too_large', reason: 'too_deep', field });
  }
  // A plan or calendar text nested too deep, too.
  refuses(full, () => Plan.fromJson('['.repeat(5000)), { code: 'input_too_large', reason: 'too_deep' });
  refuses(full, () => full.Calendar.fromJson('{"a":'.repeat(5000)), { code: 'input_too_large', reason: 'too_deep' });
  e.setPlan(Plan.upos());
  stillRight(full, e);
});

test('posfee: the input walk bounds a list by its length before reading it, and names what is not data', () => {
  const { Engine, DayLedger } = full;
  const e = new Engine();
  // A sparse list of 2^31 holes: refused by its length, never walked.
  refuses(full, () => new DayLedger().quoteAll(e, merchant, new Array(2 ** 31)), { code: 'input_too_large', reason: 'too_many', field: 'payments' });
  refuses(full, () => e.diagnose({ situation: 'declined', recentPayments: new Array(2 ** 31) }), { code: 'input_too_large', reason: 'too_many', field: 'recentPayments' });
  // A Set, a subclass of Array's element, a boxed string: not data, at their field.
  refuses(full, () => e.arrival({ ...card, method: new Set(['card']) }), { code: 'invalid_field', reason: 'wrong_type', field: 'payment.method', messageEn: /a Set/ });
  refuses(full, () => e.arrival({ ...card, method: new String('card') }), { code: 'invalid_field', reason: 'wrong_type', field: 'payment.method', messageEn: /an instance of String/ });
  // A key with a lone surrogate is never read as another key.
  refuses(full, () => e.arrival({ ...card, ['x\ud800']: 1 }), { code: 'invalid_field', field: /^payment\./ });
  // Holes in a list are null, as JSON would have them.
  refuses(full, () => e.diagnose({ situation: 'declined', recentPayments: [, '2025-03-12T10:00'] }), { code: 'invalid_field', reason: 'wrong_type', field: 'recentPayments[0]', messageEn: /null/ });
  stillRight(full, e);
});

test('posfee: a plan file with a key given twice is refused at that key', () => {
  const text = readFileSync(new URL('../core/data/plan-upos.json', root), 'utf8');
  const doubled = text.replace('"rate_percent": "0.38"', '"rate_percent": "0.38", "rate_percent": "5.00"');
  assert.notEqual(doubled, text);
  refuses(full, () => full.Plan.fromJson(doubled), { code: 'plan_invalid', reason: 'duplicate_key', field: /^fee_rules\[\d+\]\.rate_percent$/ });
  refuses(full, () => full.Calendar.fromJson('{"year": 2027, "year": 2028, "days": []}'), { code: 'calendar_invalid', reason: 'duplicate_key', field: 'year' });
});

test('posfee: a data text beyond the file bound is refused unread', () => {
  const big = ' '.repeat((1 << 20) + 1);
  refuses(full, () => full.Plan.fromJson(big), { code: 'input_too_large', reason: 'too_long', field: '' });
  refuses(full, () => full.Calendar.fromJson(big), { code: 'input_too_large', reason: 'too_long' });
  const days = Array.from({ length: 401 }, (_, i) => ({ name: '元旦', date: `2027-01-01`, isOffDay: i % 2 === 0 }));
  refuses(full, () => full.Calendar.fromHolidayCn({ year: 2027, days }, '2026.12.01'), { code: 'input_too_large', reason: 'too_many', field: 'days' });
});

test('posfee: accountingDate at the end of 9999 is out of range, not year 10000', () => {
  const e = new full.Engine();
  refuses(full, () => e.accountingDate('9999-12-31T23:59'), { code: 'invalid_time', reason: 'out_of_range' });
  assert.equal(e.accountingDate('9999-12-31T22:59'), '9999-12-31');
});

test('posfee: a CSV line with no newline is refused at the bound and the rest is audited', async () => {
  const { Engine, Auditor } = full;
  const header = 'id,time,amount,method,wallet,fee_charged\n';
  const good = 'T1,2025-03-12T10:00,100.00,qr,wechat,0.38\n';
  const a = new Auditor(new Engine(), { ...merchant, wallets }, '2025-03-20T00:00');
  const lines = [...a.feedCsv(header)];
  // 1 MB of one line, fed in pieces: refused once it passes 64 KiB.
  const piece = 'x'.repeat(1 << 16);
  for (let i = 0; i < 16; i++) lines.push(...a.feedCsv(piece));
  lines.push(...a.feedCsv('\n' + good), ...a.finishCsv());
  assert.equal(lines.length, 2);
  assert.equal(lines[0].status, 'unjudgeable');
  assert.equal(lines[0].error.code, 'input_too_large');
  assert.equal(lines[0].error.reason, 'too_long');
  assert.equal(lines[0].error.field, 'line 2');
  assert.equal(lines[1].lineNumber, 3);
  assert.equal(lines[1].id, 'T1');
  assert.notEqual(lines[1].status, 'unjudgeable');
  // A header with no newline stops the reading with the same code.
  const b = new Auditor(new Engine(), merchant, '2025-03-20T00:00');
  refuses(full, () => { for (let i = 0; i < 4; i++) b.feedCsv(piece); }, { code: 'input_too_large', field: 'line 1' });
  // A chunk beyond the chunk bound is refused before it is copied.
  refuses(full, () => new Auditor(new Engine(), merchant, '2025-03-20T00:00').feedCsv(new Uint8Array((16 << 20) + 1)), { code: 'input_too_large', field: 'chunk' });
});

test('posfee: the auditor refuses CSV after finishCsv, a second auditCsv while busy, and a detached buffer', async () => {
  const { Engine, Auditor, PosfeeError } = full;
  const csv = 'id,time,amount,method,wallet,fee_charged\nT1,2025-03-12T10:00,100.00,qr,wechat,0.38\n';
  const a = new Auditor(new Engine(), { ...merchant, wallets }, '2025-03-20T00:00');
  a.feedCsv(csv);
  a.finishCsv();
  refuses(full, () => a.feedCsv(csv), { code: 'invalid_state', reason: 'finished' });
  refuses(full, () => a.finishCsv(), { code: 'invalid_state', reason: 'finished' });
  const b = new Auditor(new Engine(), { ...merchant, wallets }, '2025-03-20T00:00');
  const big = csv + 'T2,2025-03-12T10:00,100.00,qr,wechat,0.38\n'.repeat(20_000);
  const first = b.auditCsv(big, { onProgress: () => {}, progressEvery: 100 });
  await assert.rejects(b.auditCsv(csv), (e) => e instanceof PosfeeError && e.code === 'invalid_state' && e.reason === 'busy');
  const r = await first;
  assert.equal(r.lines.length, 20_001);
  assert.equal(r.lines.every((l) => l.status !== 'unjudgeable'), true);
  const c = new Auditor(new Engine(), merchant, '2025-03-20T00:00');
  const buf = new ArrayBuffer(8);
  structuredClone(buf, { transfer: [buf] });
  refuses(full, () => c.feedCsv(buf), { code: 'invalid_field', field: 'chunk', reason: 'detached' });
  assert.equal([...c.feedCsv(csv), ...c.finishCsv()].length, 1);
});
