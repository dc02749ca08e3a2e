// The package's JavaScript contract: every error path, run-time data loading,
// provisional mode, data versions, the batch entry point, the statement
// audit and troubleshooting, and CommonJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hexBytes } from './support.mjs';
import { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, compareContract, parseAmount, version, PosfeeError } from 'posfee';

const root = new URL('../', import.meta.url);
const fictional2027 = readFileSync(new URL('calendars/fictional-2027.json', root), 'utf8');
// Invented test data in the holiday-cn format (tests/calendars/README.md).
const holidayCn2027 = readFileSync(new URL('calendars/holiday-cn-2027-fictional.json', root), 'utf8');

const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
const card = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };

/** Asserts `f` throws a PosfeeError with these properties. */
function throwsPosfee(f, expected) {
  let err;
  try {
    f();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof PosfeeError, `expected a PosfeeError, got ${err}`);
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'PosfeeError');
  for (const [k, v] of Object.entries(expected)) assert.deepEqual(err[k], v, `${k} of ${JSON.stringify(err)}`);
  for (const k of ['messageZh', 'messageEn']) assert.ok(typeof err[k] === 'string' && err[k].length > 0, k);
  assert.equal(err.message, err.messageEn);
  return err;
}

test('a quote: decimal strings out, camelCase keys, core codes', () => {
  const q = new Engine().quote(merchant, card);
  assert.equal(q.outcome, 'accepted');
  assert.equal(q.fee, '5.50');
  assert.equal(q.net, '994.50');
  assert.equal(q.feeDetail.minimumApplied, false);
  assert.equal(q.arrival.date, '2025-10-09');
  assert.equal(q.arrival.accountingDate, '2025-09-30');
  assert.equal(q.rule.nameZh, '信用卡刷卡');
});

test('a JS number as money is refused, whatever the number', () => {
  const e = new Engine();
  for (const amount of [1000, 12.5, 0, -1, NaN, Infinity, 2n ** 70n]) {
    const err = throwsPosfee(() => e.quote(merchant, { ...card, amount }), {
      code: 'invalid_amount',
      field: 'payment.amount',
      reason: 'not_a_string',
    });
    assert.match(err.messageEn, /never a number/);
  }
  throwsPosfee(() => e.activation(4999.99), { code: 'invalid_amount', field: 'volume', reason: 'not_a_string' });
  throwsPosfee(() => parseAmount(12.5), { code: 'invalid_amount', reason: 'not_a_string' });
  throwsPosfee(() => e.quote(merchant, card, { used: { credit: 1000 } }), {
    code: 'invalid_field',
    field: 'usage.used.credit',
    reason: 'wrong_type',
  });
  throwsPosfee(() => e.eligibility({ monthlyVolumes: [60000], verification: 'none' }), {
    field: 'monthlyVolumes[0]',
  });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', 2], instruments: [{ method: 'qr', wallet: 'alipay' }] }), {
    code: 'invalid_amount',
    field: 'amounts[1]',
    reason: 'not_a_string',
  });
});

test('bad amounts give the core reasons', () => {
  const cases = { '': 'empty', '-1': 'sign', '1e3': 'format', '1.234': 'too_many_decimals', '0': 'zero', '100000000.00': 'too_large' };
  for (const [amount, reason] of Object.entries(cases)) {
    throwsPosfee(() => new Engine().quote(merchant, { ...card, amount }), { code: 'invalid_amount', reason });
    throwsPosfee(() => parseAmount(amount), { code: 'invalid_amount', field: 'amount', reason });
  }
  assert.equal(parseAmount('12.5'), '12.50');
});

test('bad times', () => {
  const e = new Engine();
  throwsPosfee(() => e.quote(merchant, { ...card, time: '2025-02-30T10:00' }), { code: 'invalid_time', field: 'payment.time', reason: 'out_of_range' });
  throwsPosfee(() => e.quote(merchant, { ...card, time: '30/09/2025' }), { code: 'invalid_time', reason: 'format' });
  throwsPosfee(() => e.quote(merchant, { ...card, time: undefined }), { code: 'invalid_time', reason: 'missing' });
  throwsPosfee(() => e.quote(merchant, { ...card, time: new Date() }), { code: 'invalid_time', reason: 'not_a_string' });
  throwsPosfee(() => e.quote(merchant, { ...card, time: 1759240800000 }), { code: 'invalid_time', reason: 'not_a_string' });
  throwsPosfee(() => e.accountingDate('25:00'), { code: 'invalid_time', field: 'time' });
  throwsPosfee(() => e.frozenWindow('2025-13-01'), { code: 'invalid_time', field: 'submitted' });
  // RFC 3339 with an offset is converted to China time.
  assert.equal(e.accountingDate('2025-03-12T15:30:00Z'), '2025-03-13');
});

test('unknown enum values, unknown and misspelt keys, wrong types', () => {
  const e = new Engine();
  const err = throwsPosfee(() => e.quote(merchant, { ...card, method: 'cash' }), {
    code: 'invalid_field',
    field: 'payment.method',
    reason: 'unknown_value',
  });
  assert.match(err.messageEn, /card, contactless, qr/);
  throwsPosfee(() => e.quote({ ...merchant, tier: 'gold' }, card), { field: 'merchant.tier', reason: 'unknown_value' });
  throwsPosfee(() => e.quote({ ...merchant, creditRate: 'cheap' }, card), { field: 'merchant.creditRate', reason: 'unknown_value' });
  throwsPosfee(() => e.quote(merchant, { ...card, cardKind: 'gold' }), { field: 'payment.cardKind', reason: 'unknown_value' });
  // The API is camelCase: the core's snake_case spelling is an unknown field.
  throwsPosfee(() => e.quote(merchant, { amount: '1', method: 'card', card_kind: 'credit' }), {
    code: 'invalid_field',
    field: 'payment.card_kind',
    reason: 'unknown_field',
  });
  throwsPosfee(() => e.quote(merchant, { ...card, amout: '1' }), { field: 'payment.amout', reason: 'unknown_field' });
  throwsPosfee(() => e.quote(merchant, { ...card, largeMode: 'yes' }), { field: 'payment.largeMode', reason: 'wrong_type' });
  throwsPosfee(() => e.quote(merchant, { ...card, wallet: 'alipay' }), { field: 'payment.wallet', reason: 'not_applicable' });
  throwsPosfee(() => e.quote({ ...merchant, largeModeApproved: 1 }, card), { field: 'merchant.largeModeApproved', reason: 'wrong_type' });
  throwsPosfee(() => e.quote(merchant, card, null, { provisional: 'yes' }), { field: 'options.provisional', reason: 'wrong_type' });
  throwsPosfee(() => e.quote(merchant, null), { code: 'invalid_field', field: 'payment', reason: 'wrong_type' });
  throwsPosfee(() => e.quote(merchant, card, { used: { nope: '1.00' } }), { field: 'usage.used.nope', reason: 'unknown_value' });
  throwsPosfee(() => compare(Plan.upos(), Plan.reference(), merchant, [{ payment: { ...card, cardKind: 'x' }, count: 1 }]), {
    field: 'mix[0].payment.cardKind',
    reason: 'unknown_value',
  });
  throwsPosfee(() => new DayLedger().quoteAll(e, merchant, [card, { ...card, amount: '1.001' }]), {
    field: 'payments[1].amount',
    reason: 'too_many_decimals',
  });
});

test('bad plan JSON', () => {
  throwsPosfee(() => Plan.fromJson('{"schema_version": 1,'), { code: 'plan_syntax' });
  throwsPosfee(() => Plan.fromJson({ schema_version: 9 }), { code: 'plan_unsupported_schema' });
  const plan = JSON.parse(Plan.upos().toJson());
  plan.fee_rules[0].rate_percent = '-1';
  throwsPosfee(() => Plan.fromJson(plan), { code: 'plan_invalid', field: 'fee_rules[0].rate_percent' });
  plan.fee_rules[0].rate_percent = 0.38; // a number where the file holds a decimal string
  throwsPosfee(() => Plan.fromJson(plan), { code: 'plan_invalid', field: 'fee_rules[0].rate_percent' });
  throwsPosfee(() => new Engine().loadPlan('not json'), { code: 'plan_syntax' });
  // A valid plan loaded at run time is used.
  const e = new Engine();
  e.loadPlan(Plan.reference().toJson());
  assert.equal(e.dataVersions().planId, 'reference');
  assert.equal(e.fee(merchant, card).fee, '9.00'); // 0.60% + 3.00
});

test('a newer calendar year loaded at run time', () => {
  const e = new Engine();
  const p2027 = { amount: '100.00', method: 'card', cardKind: 'debit', cardMedium: 'chip', time: '2027-01-01T10:00' };
  throwsPosfee(() => e.arrival(p2027), { code: 'calendar_not_covered', field: 'calendar', year: 2027 });
  // Provisional mode answers Monday–Friday, marked as such.
  const prov = e.arrival(p2027, { provisional: true });
  assert.equal(prov.provisional, true);
  assert.deepEqual(prov.uncoveredYears, [2027]);
  assert.equal(prov.date, '2027-01-04');

  e.loadCalendar(fictional2027);
  const a = e.arrival(p2027);
  assert.equal(a.provisional, false);
  assert.equal(a.date, '2027-01-05'); // 01-04 is a (fictional) holiday
  const v = e.dataVersions();
  assert.deepEqual(v.calendarYears.map((y) => [y.year, y.origin]).at(-1), [2027, 'loaded']);
  assert.equal(v.calendarValidUntil, '2027-12-31');
  assert.equal(e.calendar.day('2027-01-09').kind, 'adjusted_working_day');
  throwsPosfee(() => e.loadCalendar(fictional2027), { code: 'calendar_year_covered' });
  throwsPosfee(() => Calendar.fromJson('{'), { code: 'calendar_syntax' });
  throwsPosfee(() => Calendar.fromJson({ schema_version: 2 }), { code: 'calendar_unsupported_schema' });
  // From an object, and into an engine built from parts.
  const cal = Calendar.embedded();
  const e2 = Engine.withData(Plan.upos(), cal);
  e2.extendCalendar(Calendar.fromJson(JSON.parse(fictional2027)));
  assert.deepEqual(e2.calendar.years(), [2023, 2024, 2025, 2026, 2027]);
  assert.deepEqual(cal.years(), [2023, 2024, 2025, 2026]); // the original is not changed
});

test('holiday-cn data: loaded at run time, replaced only by a newer version, named in answers', () => {
  const e = new Engine();
  const debit = { amount: '100.00', method: 'card', cardKind: 'debit', cardMedium: 'chip', time: '2027-02-05T10:00' };
  e.loadCalendar(holidayCn2027); // unversioned
  assert.equal(e.calendar.validUntil, '2027-12-31');
  const a = e.arrival(debit);
  assert.deepEqual(a.calendar, [{ year: 2027, dataVersion: 'unversioned', origin: 'loaded' }]);
  const y2027 = e.calendar.versions().find((v) => v.year === 2027);
  assert.deepEqual(y2027.papers, JSON.parse(holidayCn2027).papers);
  // The same data again is refused; unversioned data never replaces a year; a newer version does.
  throwsPosfee(() => e.loadCalendar(holidayCn2027), { code: 'calendar_year_covered', reason: 'already_covered', year: 2027 });
  throwsPosfee(() => e.loadCalendar(holidayCn2027, '2099.1.1'), { code: 'calendar_year_covered', reason: 'not_newer', year: 2027 });
  const e2 = new Engine();
  e2.loadCalendar(holidayCn2027, '2026.12.01');
  throwsPosfee(() => e2.loadCalendar(holidayCn2027, '2026.12.01'), { code: 'calendar_year_covered', reason: 'already_covered' });
  throwsPosfee(() => e2.loadCalendar(holidayCn2027, '2026.11.30'), { code: 'calendar_year_covered', reason: 'not_newer' });
  e2.loadCalendar(holidayCn2027, '2026.12.15');
  assert.equal(e2.arrival(debit).calendar[0].dataVersion, '2026.12.15');
  // Validation names the entry, in the file's own spelling.
  const bad = { year: 2027, days: [{ name: '春节', date: '2027-02-06', isOffDay: 'yes' }] };
  throwsPosfee(() => Calendar.fromHolidayCn(bad), { code: 'calendar_invalid', field: 'days[0].isOffDay', reason: 'wrong_type' });
  const both = { year: 2027, days: [{ name: '春节', date: '2027-02-06', isOffDay: true }, { name: '春节', date: '2027-02-06', isOffDay: false }] };
  const err = throwsPosfee(() => Calendar.fromJson(both), { code: 'calendar_invalid', reason: 'contradictory' });
  assert.match(err?.messageZh ?? '', /2027-02-06/);
  // An empty calendar built up from files.
  const c = Calendar.empty();
  assert.deepEqual(c.years(), []);
  c.extend(Calendar.fromHolidayCn(holidayCn2027, '1'));
  assert.deepEqual(c.years(), [2027]);
});

test('a merchant contract: a plan of its own, compared per channel and in total', () => {
  const contract = { rates: { credit: '0.60', debit: '0.50', qr: '0.38', smallContactless: '0.38', contactless: '0.60' }, debitCap: '20.00', fixedFee: '3.00' };
  const p = Plan.fromContract(contract);
  assert.equal(p.id, 'contract');
  const e = Engine.withData(p, Calendar.embedded());
  // 1000.00 × 0.60% = 6.00, + 3.00 fixed.
  assert.equal(e.fee(merchant, card).fee, '9.00');
  const mix = [{ payment: card, count: 10 }, { payment: { amount: '50.00', method: 'qr', wallet: 'alipay' }, count: 20 }];
  const r = compareContract(contract, Plan.upos(), Plan.upos(), merchant, mix);
  assert.deepEqual(r, compareByChannel(p, Plan.upos(), merchant, mix));
  assert.deepEqual(r.channels.map((c) => c.channel), ['qr', 'credit']);
  // The totals are the sums of the channels, and the saving is |b − a|.
  const fen = (m) => Math.round(Number(m) * 100);
  assert.equal(fen(r.totalA), r.channels.reduce((s, c) => s + fen(c.totalA), 0));
  assert.equal(fen(r.saving), Math.abs(fen(r.totalB) - fen(r.totalA)));
  assert.equal(r.cheaper, fen(r.totalA) < fen(r.totalB) ? 'a' : 'b');
  // Errors name the contract field in the caller's spelling, in Chinese and English.
  const bad = { ...contract, rates: { ...contract.rates, smallContactless: '0.3800001' } };
  const err = throwsPosfee(() => Plan.fromContract(bad), { code: 'invalid_field', field: 'contract.rates.smallContactless', reason: 'too_many_decimals' });
  assert.ok(err?.messageZh && err?.messageEn && err.messageZh !== err.messageEn);
  throwsPosfee(() => Plan.fromContract({ ...contract, rates: { ...contract.rates, credit: 0.6 } }), { code: 'invalid_field', field: 'contract.rates.credit', reason: 'wrong_type' });
  throwsPosfee(() => Plan.fromContract({ ...contract, fixedFee: 3 }), { code: 'invalid_amount', field: 'contract.fixedFee', reason: 'not_a_string' });
  throwsPosfee(() => Plan.fromContract({ rates: { credit: '0.60' } }), { code: 'invalid_field', field: 'contract.rates.debit', reason: 'missing' });
  throwsPosfee(() => compareContract(contract, Plan.upos(), Plan.upos(), merchant, [{ payment: { ...card, amount: '1.001' }, count: 1 }]), { code: 'invalid_amount', field: 'mix[0].payment.amount' });
});

test('quick quotes equal the general answers on every quote vector', () => {
  // engine.quote writes its answer the quick way; DayLedger.quoteAndRecord
  // (a fresh ledger, so no usage) the general way, through JSON.
  let compared = 0;
  for (const file of readdirSync(new URL('vectors/', root)).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(new URL(`vectors/${file}`, root), 'utf8'));
    for (const c of doc.cases) {
      if (c.op !== 'quote' || c.input.usage !== undefined || c.input.calendar_extra !== undefined) continue;
      const m = typeof c.input.merchant === 'string' ? doc.merchants[c.input.merchant] : c.input.merchant;
      const e = c.input.plan && c.input.plan !== 'upos' ? null : new Engine();
      if (!e || m === undefined) continue;
      const camel = (v) => JSON.parse(JSON.stringify(v ?? null).replace(/"([a-z]+(?:_[a-z]+)+)":/g, (_, k) => `"${k.replace(/_([a-z])/g, (_m, ch) => ch.toUpperCase())}":`));
      const opts = { provisional: c.input.provisional === true };
      let quick, general;
      try { quick = e.quote(camel(m), camel(c.input.payment), undefined, opts); } catch (err) { quick = err.code; }
      try { general = new DayLedger().quoteAndRecord(e, camel(m), camel(c.input.payment), opts); } catch (err) { general = err.code; }
      assert.deepEqual(quick, general, c.id);
      compared++;
    }
  }
  assert.ok(compared > 100, `compared ${compared}`);
});

test('random plain inputs: the quick answer is the general one, and the same data in class instances is refused', () => {
  // A class instance is not plain data: refused at the first argument read
  // (the payment), whatever it holds, never read as its own properties.
  class Box {}
  const careful = (v) => {
    if (Array.isArray(v)) return v.map(careful);
    if (v === null || typeof v !== 'object') return v;
    return Object.assign(new Box(), Object.fromEntries(Object.entries(v).map(([k, x]) => [k, careful(x)])));
  };
  const e = new Engine();
  const answer = (f) => {
    try {
      return { ok: f() };
    } catch (err) {
      if (!(err instanceof PosfeeError)) throw err;
      return { error: { code: err.code, field: err.field, reason: err.reason, messageEn: err.messageEn } };
    }
  };
  let seed = 20251123;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = (xs) => xs[rand(xs.length)];
  const values = ['1000.00', '12.5', '0', '1.001', '', 'card', 'qr', 'credit', 'debit', 'chip', 'magstripe', 'alipay', 'wechat',
    '2025-03-12T10:00', '2025-13-01T10:00', 1000, 0.5, NaN, true, false, null, undefined, [], {}, ['a'], { x: 1 }];
  const paymentKeys = ['amount', 'method', 'cardKind', 'cardMedium', 'wallet', 'largeMode', 'magstripeVerified', 'time', 'card_kind', 'Amount', 'extra'];
  const merchantKeys = ['tier', 'verification', 'creditRate', 'activated', 'wallets', 'largeModeApproved', 'credit_rate'];
  let agreedErrors = 0;
  for (let i = 0; i < 400; i++) {
    const payment = { ...card };
    const m = { ...merchant, wallets: { alipay: { enabled: true, verified: rand(2) === 0 } } };
    for (let k = rand(3); k > 0; k--) payment[pick(paymentKeys)] = pick(values);
    if (rand(3) === 0) m[pick(merchantKeys)] = pick([...values, 'premium', 'new', 'none', 'standard']);
    const usage = rand(4) === 0 ? { used: { credit: pick(['100.00', '-1', 5, '0']) }, counts: { qr_large_count: pick([1, '2', -1]) } } : undefined;
    const a = answer(() => e.quote(m, payment, usage));
    const b = answer(() => e.quote(careful(m), careful(payment), careful(usage)));
    assert.deepEqual([b.error?.code, b.error?.field, b.error?.reason], ['invalid_field', 'payment', 'wrong_type'], `input ${i}`);
    assert.match(b.error.messageEn, /instance of Box/);
    if (a.error) agreedErrors++;
    // The quote's quick answer is the object the JSON answer of a fresh day
    // ledger parses to; a fee is the quote's rule and fee detail.
    if (usage === undefined) {
      assert.deepEqual(a, answer(() => new DayLedger().quoteAndRecord(e, m, payment)), `ledger ${i}`);
    }
    const f = answer(() => e.fee(m, payment));
    if (a.ok && f.ok) {
      assert.deepEqual([f.ok.rule, f.ok.fee, f.ok.net, f.ok.detail], [a.ok.rule, a.ok.fee, a.ok.net, a.ok.feeDetail], `fee ${i}`);
    }
  }
  assert.ok(agreedErrors > 50, `the random inputs should include many bad ones (${agreedErrors})`);
});

test('everything else the core answers is reachable', () => {
  const e = new Engine();
  assert.equal(version(), e.dataVersions().library);
  assert.equal(e.dataVersions().planId, 'upos');
  assert.equal(e.plan.id, 'upos');
  assert.equal(e.frozenWindow('2025-09-30').first, '2025-10-09');
  assert.equal(e.activation('4999.99').next.stillNeeded, '0.01');
  const el = e.eligibility({ monthlyVolumes: ['60000.00'], devices: 1, annualAgreement: false, riskRecord: false, verification: 'face_and_card' });
  assert.equal(typeof el.premiumRate.eligible, 'boolean');
  const c = compare(Plan.upos(), Plan.reference(), merchant, [{ payment: card, count: 3 }]);
  assert.equal(c.payments, 3);
  assert.equal(c.cheaper, 'a');
  const ledger = new DayLedger();
  for (let i = 0; i < 6; i++) {
    const q = ledger.quoteAndRecord(e, { ...merchant, tier: 'new' }, { ...card, amount: '10000.00', time: `2025-03-12T1${i}:00` });
    assert.equal(q.outcome, i < 5 ? 'accepted' : 'refused');
  }
  assert.deepEqual(ledger.dates(), ['2025-03-12']);
  assert.equal(e.fee(merchant, { amount: '88.00', method: 'qr', wallet: 'wechat' }).fee, '0.33');
});

test('feeBatch equals quote, payment by payment', () => {
  const e = new Engine();
  const instruments = [
    { method: 'card', cardKind: 'credit', cardMedium: 'chip' },
    { method: 'card', cardKind: 'debit', cardMedium: 'chip' },
    { method: 'contactless', cardKind: 'credit' },
    { method: 'qr', wallet: 'wechat' },
    { method: 'qr', wallet: 'alipay', largeMode: true },
  ];
  const amounts = [];
  const index = new Uint8Array(500);
  let x = 12345;
  for (let i = 0; i < 500; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const fen = (x % 6000000) + 1;
    amounts.push(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);
    index[i] = x % 5;
  }
  const r = e.feeBatch(merchant, { amounts, instruments, instrumentIndex: index });
  assert.equal(r.fees.length, 500);
  for (let i = 0; i < 500; i++) {
    const f = e.fee(merchant, { amount: amounts[i], ...instruments[index[i]] });
    assert.equal(r.fees[i], f.fee, `payment ${i}`);
    assert.equal(r.nets[i], f.net, `payment ${i}`);
  }
  const same = e.feeBatch(merchant, { amounts, instruments, instrumentIndex: Array.from(index) });
  assert.deepEqual(same, r);
  const one = e.feeBatch(merchant, { amounts: ['1000.00', '6000.00'], instruments: [instruments[1]] });
  assert.deepEqual(one, { fees: ['5.00', '25.00'], nets: ['995.00', '5975.00'], totalAmount: '7000.00', totalFee: '30.00', totalNet: '6970.00', count: 2 });
  // The same statement as text columns.
  const text = e.feeBatchText(merchant, { amounts: amounts.join('\n') + '\n', instruments, instrumentIndex: index });
  assert.equal(text.fees, r.fees.join('\n'));
  assert.equal(text.nets, r.nets.join('\n'));
  assert.equal(text.totalFee, r.totalFee);
  assert.equal(text.count, 500);
  assert.deepEqual(e.feeBatchText(merchant, { amounts: '', instruments: [] }), { fees: '', nets: '', totalAmount: '0.00', totalFee: '0.00', totalNet: '0.00', count: 0 });
  throwsPosfee(() => e.feeBatchText(merchant, { amounts: '1.00\n\n2.00', instruments: [instruments[0]] }), { field: 'amounts[1]', reason: 'empty' });
  throwsPosfee(() => e.feeBatchText(merchant, { amounts: ['1.00'], instruments: [instruments[0]] }), { field: 'amounts', reason: 'wrong_type' });
  throwsPosfee(() => e.feeBatchText(merchant, { amounts: '1.00\n2.00', instruments, instrumentIndex: [0] }), { field: 'instrumentIndex', reason: 'out_of_range' });
  assert.deepEqual(e.feeBatch(merchant, { amounts: [], instruments: [] }).fees, []);
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00'], instruments, instrumentIndex: [7] }), { field: 'instrumentIndex[0]', reason: 'out_of_range' });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00'], instruments, instrumentIndex: [] }), { field: 'instrumentIndex', reason: 'out_of_range' });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00'], instruments: [{ method: 'qr' }] }), { field: 'instruments[0].wallet', reason: 'missing' });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', '1.001'], instruments }), { field: 'instrumentIndex', reason: 'missing' });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', '1.001'], instruments: [instruments[0]] }), { field: 'amounts[1]', reason: 'too_many_decimals' });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', 'a"b\n'], instruments: [instruments[0]] }), { field: 'amounts[1]', reason: 'format' });
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', null], instruments: [instruments[0]] }), { field: 'amounts[1]', reason: 'missing' });
  throwsPosfee(() => e.feeBatch(merchant, { amount: ['1.00'], instruments }), { reason: 'unknown_field' });
  // Every kind of index list, and the first wrong index named.
  for (const Typed of [Uint8Array, Uint16Array, Uint32Array, Array]) {
    const ok = e.feeBatchText(merchant, { amounts: '1.00\n2.00\n3.00', instruments, instrumentIndex: Typed.from([4, 0, 3]) });
    assert.equal(ok.fees, ['1.00', '2.00', '3.00'].map((a, i) => e.fee(merchant, { amount: a, ...instruments[[4, 0, 3][i]] }).fee).join('\n'));
    throwsPosfee(() => e.feeBatchText(merchant, { amounts: '1.00\n2.00\n3.00', instruments, instrumentIndex: Typed.from([0, 5, 9]) }),
      { field: 'instrumentIndex[1]', reason: 'out_of_range', messageEn: 'instrumentIndex[1]: must be an integer from 0 to 4' });
  }
  for (const bad of [0.5, -1, NaN, 'a', '1', null, undefined, true, [1], 4294967295, 2 ** 53, Infinity, 1n]) {
    throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', '2.00'], instruments, instrumentIndex: [1, bad] }), { field: 'instrumentIndex[1]', reason: 'out_of_range' });
  }
  // A list of the wrong length is named before any wrong element in it.
  throwsPosfee(() => e.feeBatch(merchant, { amounts: ['1.00', '2.00'], instruments, instrumentIndex: [9] }),
    { field: 'instrumentIndex', reason: 'out_of_range', messageEn: 'instrumentIndex: has 1 elements, amounts has 2' });
  // Texts beyond ASCII: each line still read and named in its place.
  throwsPosfee(() => e.feeBatchText(merchant, { amounts: '1.00\n２.00\n3.00', instruments: [instruments[0]] }), { field: 'amounts[1]', reason: 'format' });
  throwsPosfee(() => e.feeBatchText(merchant, { amounts: '好'.repeat(40) + '\n1.00', instruments: [instruments[0]] }), { field: 'amounts[0]' });
  throwsPosfee(() => e.feeBatchText(merchant, { amounts: '1.00\n2.00\n\u{1F4B4}', instruments: [instruments[0]] }), { field: 'amounts[2]', reason: 'format' });
  const wide = e.feeBatchText(merchant, { amounts: '1.00\n2.00', instruments: [instruments[0]] });
  assert.equal(wide.count, 2);
});

test('wrong objects and freed engines throw, and the engine keeps working', () => {
  const e = new Engine();
  assert.throws(() => new DayLedger().quoteAndRecord({}, merchant, card));
  const gone = new Engine();
  gone.free();
  assert.throws(() => gone.quote(merchant, card));
  assert.equal(e.quote(merchant, card).fee, '5.50');
});

const CSV_HEADER = 'id,time,amount,method,card_kind,card_medium,wallet,fee_charged,net_settled,settled_date\n';
const CSV =
  '\uFEFF' + CSV_HEADER +
  'Q1,2025-03-12T10:00,100.00,qr,,,wechat,0.38,99.62,2025-03-12\r\n' +
  'C1,2025-03-12T10:00,1000.00,card,credit,chip,,6.00,994.00,2025-03-12\n' +
  'C2,2025-03-12T10:00,"1,000.00",card,credit,chip,,5.50,994.50,2025-03-12\n' +
  'D2,2025-03-14T10:00,100.00,card,debit,chip,,0.50,,\n' +
  'B1,2025-03-12T10:00,100.00,qr\n' +
  '\n' +
  '"付款 ""甲""",2025-03-12T10:00,10.00,qr,,,alipay,0.04,9.96,2025-03-12\n' +
  'Q1,2025-03-12T10:00,100.00,qr,,,wechat,0.38,99.62,2025-03-12';
const asOf = '2025-03-20T00:00';

function auditOnce(text) {
  const a = new Auditor(new Engine(), merchant, asOf);
  return { lines: [...a.feedCsv(text), ...a.finishCsv()], summary: a.summary() };
}

test('audit: lines given as objects; a number as feeCharged is refused like any money', () => {
  const a = new Engine().auditor(merchant, asOf);
  const line = { id: 'C1', time: '2025-03-12T10:00', amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', feeCharged: '6.00', netSettled: '994.00', settledDate: '2025-03-12' };
  const l = a.auditLine(line);
  assert.deepEqual([l.index, l.lineNumber, l.status, l.expectedFee, l.rule], [0, null, 'findings', '5.50', 'F5']);
  assert.deepEqual(l.findings.map((f) => [f.code, f.amount]), [['fee_overcharged', '0.50']]);
  assert.equal(l.likelyCauses.length, 3);
  for (const [i, feeCharged] of [[1, 5.5], [2, NaN]]) {
    const bad = a.auditLine({ ...line, feeCharged });
    assert.equal(bad.index, i);
    assert.equal(bad.status, 'unjudgeable');
    assert.deepEqual([bad.error.code, bad.error.field, bad.error.reason], ['invalid_amount', `lines[${i}].feeCharged`, 'not_a_string']);
  }
  const more = a.auditLines([{ ...line, fee_charged: '5.50' }, { ...line, id: 'C9', feeCharged: '5.50', netSettled: '994.50' }, null]);
  assert.deepEqual(more.map((x) => [x.index, x.status]), [[3, 'unjudgeable'], [4, 'ok'], [5, 'unjudgeable']]);
  assert.deepEqual([more[0].error.field, more[0].error.reason], ['lines[3].fee_charged', 'unknown_field']);
  const s = a.summary();
  assert.deepEqual([s.lines, s.ok, s.withFindings, s.unjudgeable, s.overcharged], [6, 1, 1, 4, '0.50']);
  // Counts are keyed by the finding codes themselves.
  assert.equal(s.counts[l.findings[0].code], 1);
  assert.deepEqual(Object.keys(s.counts).sort(), ['duplicate_settlement', 'fee_overcharged', 'fee_undercharged', 'net_mismatch', 'not_settled', 'settled_late']);
  throwsPosfee(() => a.auditLines('nope'), { code: 'invalid_field', field: 'lines', reason: 'wrong_type' });
  throwsPosfee(() => new Auditor(new Engine(), merchant), { code: 'invalid_time', field: 'asOf', reason: 'missing' });
  throwsPosfee(() => new Auditor(new Engine(), merchant, '2025-13-01T00:00'), { code: 'invalid_time', field: 'asOf' });
  throwsPosfee(() => new Auditor(new Engine(), { ...merchant, tier: 'x' }, asOf), { field: 'merchant.tier' });
  throwsPosfee(() => new Auditor(new Engine(), merchant, asOf, { provisional: 1 }), { field: 'options.provisional' });
});

test('audit: a CSV streamed in small chunks gives the same lines as one piece', async () => {
  const whole = auditOnce(CSV);
  assert.deepEqual(whole.lines.map((l) => [l.index, l.lineNumber, l.id, l.status]), [
    [0, 2, 'Q1', 'ok'],
    [1, 3, 'C1', 'findings'],
    [2, 4, 'C2', 'unjudgeable'],
    [3, 5, 'D2', 'findings'],
    [4, 6, null, 'unjudgeable'],
    [5, 8, '付款 "甲"', 'ok'],
    [6, 9, 'Q1', 'findings'],
  ]);
  assert.deepEqual([whole.lines[2].error.field, whole.lines[2].error.reason], ['lines[2].amount', 'format']);
  assert.deepEqual([whole.lines[4].error.code, whole.lines[4].error.field, whole.lines[4].error.reason], ['invalid_csv', 'line 6', 'missing_column']);
  assert.equal(whole.lines[6].findings[0].code, 'duplicate_settlement');
  assert.equal(whole.summary.lines, 7);
  const bytes = new TextEncoder().encode(CSV);
  for (const size of [1, 2, 7, 64]) {
    const a = new Auditor(new Engine(), merchant, asOf);
    const got = [];
    for (let i = 0; i < bytes.length; i += size) got.push(...a.feedCsv(bytes.subarray(i, i + size)));
    const seen = [];
    got.push(...a.finishCsv((l) => seen.push(l)));
    assert.deepEqual(got, whole.lines, `pieces of ${size} bytes`);
    assert.deepEqual(a.summary(), whole.summary);
    assert.equal(seen.length, 1);
  }
  // Text pieces, handed to onLine.
  const a = new Auditor(new Engine(), merchant, asOf);
  const handed = [];
  for (let i = 0; i < CSV.length; i += 5) a.feedCsv(CSV.slice(i, i + 5), (l) => handed.push(l));
  a.finishCsv((l) => handed.push(l));
  assert.deepEqual(handed, whole.lines);
  // auditCsv over every kind of source.
  async function* gen(size) {
    for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
  }
  const head = new TextEncoder().encode(CSV.slice(0, 40)).length;
  const sources = [CSV, bytes, bytes.slice().buffer, new Blob([CSV]), new Blob([CSV]).stream(), gen(3), [CSV.slice(0, 40), bytes.slice(head)]];
  for (const [i, source] of sources.entries()) {
    const r = await new Auditor(new Engine(), merchant, asOf).auditCsv(source);
    assert.deepEqual(r, whole, `source ${i}`);
  }
  const r = await new Auditor(new Engine(), merchant, asOf).auditCsv(gen(4), { onLine: () => {} });
  assert.deepEqual(r, { lines: [], summary: whole.summary });
});

test('audit: auditCsv reports progress', async () => {
  let big = CSV_HEADER;
  for (let i = 0; i < 2500; i++) big += `T${i},2025-03-12T10:00,100.00,qr,,,wechat,0.38,99.62,2025-03-12\n`;
  const calls = [];
  const r = await new Auditor(new Engine(), merchant, asOf).auditCsv(big, { onProgress: (p) => calls.push(p), progressEvery: 1000 });
  const size = new TextEncoder().encode(big).length;
  assert.deepEqual(calls.map((p) => p.lines), [1000, 2000, 2500]);
  assert.ok(calls.every((p) => p.totalBytes === size && p.bytes > 0 && p.bytes <= size));
  assert.equal(calls.at(-1).bytes, size);
  assert.equal(r.lines.length, 2500);
  assert.equal(r.summary.ok, 2500);
  const streamed = [];
  await new Auditor(new Engine(), merchant, asOf).auditCsv(new Blob([big]).stream(), { onProgress: (p) => streamed.push(p), progressEvery: 700, totalBytes: size });
  assert.deepEqual(streamed.map((p) => p.lines), [700, 1400, 2100, 2500]);
  assert.equal(streamed.at(-1).totalBytes, size);
});

test('audit: auditStatement reads a GBK statement with Chinese columns, title rows and a 合计 row', async () => {
  // The vectors' GBK statement (tests/vectors/statements.json), as a Blob
  // streamed in pieces, and the same text as UTF-8 with a byte-order mark.
  const cases = JSON.parse(readFileSync(new URL('../vectors/statements.json', import.meta.url), 'utf8')).cases;
  const hex = cases.find((c) => c.id === 'statement-gbk-detected').input.statement_hex;
  const gbk = hexBytes(hex);
  const text = new TextDecoder('gbk').decode(gbk);
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const calls = [];
  const r = await new Auditor(new Engine(), merchant, '2025-03-20T00:00').auditStatement(new Blob([gbk]), {
    onProgress: (p) => calls.push(p),
    progressEvery: 1,
  });
  assert.deepEqual(r.layout.encoding, { encoding: 'gb18030', source: 'detected' });
  assert.deepEqual([r.layout.headerLine, r.layout.titleRows], [2, 1]);
  assert.deepEqual(r.lines.map((l) => [l.lineNumber, l.status, l.expectedFee]), [[3, 'ok', '0.38'], [4, 'ok', '5.50']]);
  assert.equal(r.totals.agrees, true);
  assert.deepEqual(calls.map((p) => p.lines), [1, 2, 2]);
  const b = await new Auditor(new Engine(), merchant, '2025-03-20T00:00').auditStatement(utf8);
  assert.deepEqual(b.layout.encoding, { encoding: 'utf-8', source: 'bom' });
  assert.deepEqual(b.lines, r.lines);
  assert.deepEqual(b.totals, r.totals);
  // A format that cannot be used throws before reading; the caller's
  // spelling of the field is in the error.
  const a = new Auditor(new Engine(), merchant, asOf);
  await assert.rejects(a.auditStatement(gbk, { format: { decodedFrom: 'ebcdic' } }), (e) => e.code === 'invalid_field' && e.field === 'format.decodedFrom');
  await assert.rejects(a.auditStatement(gbk, { format: { columns: { cardKind: 'x' } } }), (e) => e.field === 'format.columns.cardKind' && e.reason === 'unknown_column');
});

test('audit: a CSV header that cannot be used throws invalid_csv', async () => {
  const a = new Auditor(new Engine(), merchant, asOf);
  throwsPosfee(() => a.feedCsv('id,time,amount,method,wallet\nC1,2025-03-12T10:00,100.00,qr,wechat\n'), {
    code: 'invalid_csv',
    field: 'line 1',
    reason: 'missing_header_column',
  });
  throwsPosfee(() => a.feedCsv('id,time,amount,method,fee_charged,colour\n'), { code: 'invalid_csv', reason: 'unknown_column' });
  throwsPosfee(() => new Auditor(new Engine(), merchant, asOf).finishCsv(), { code: 'invalid_csv', reason: 'empty' });
  throwsPosfee(() => a.feedCsv(12), { code: 'invalid_field', field: 'chunk', reason: 'wrong_type' });
  // The reading starts over: a good file is read after the bad header.
  assert.equal([...a.feedCsv(CSV), ...a.finishCsv()].length, 7);
  await assert.rejects(new Auditor(new Engine(), merchant, asOf).auditCsv('id,time\n'), (e) => e instanceof PosfeeError && e.code === 'invalid_csv');
  await assert.rejects(new Auditor(new Engine(), merchant, asOf).auditCsv(42), (e) => e instanceof PosfeeError && e.field === 'source');
});

test('diagnose: causes ranked by the facts, errors in the caller spelling', () => {
  const e = new Engine();
  const d = e.diagnose({ situation: 'not_arrived', asOf: '2025-10-03T12:00', payment: card });
  assert.deepEqual(d.notDue, { due: '2025-10-09', realtime: false, provisional: false });
  assert.equal(d.causes[0].code, 'not_due_yet');
  assert.deepEqual(d.causes[0].matched, ['not_due']);
  assert.equal(d.supportLine, '4001125883');
  const refused = e.diagnose({ situation: 'declined', merchant: { ...merchant, tier: 'new' }, payment: { ...card, amount: '20000.00' }, usage: { used: { credit: '0.00' } } });
  assert.equal(refused.planRefusal.code, 'single_limit_exceeded');
  assert.equal(e.diagnose({ situation: 'suspended' }).recoverySteps.length, 5);
  throwsPosfee(() => e.diagnose({ situation: 'lost' }), { code: 'invalid_field', field: 'situation', reason: 'unknown_value' });
  throwsPosfee(() => e.diagnose({ situation: 'declined', qrCreated: 'soon' }), { code: 'invalid_time', field: 'qrCreated' });
  throwsPosfee(() => e.diagnose({ situation: 'declined', terminal_message: 'x' }), { field: 'terminal_message', reason: 'unknown_field' });
  throwsPosfee(() => e.diagnose({ situation: 'declined', payment: { ...card, amount: 5 } }), { code: 'invalid_amount', field: 'payment.amount' });
});

test('CommonJS: require("posfee") gives the same answers and error class', () => {
  const require = createRequire(import.meta.url);
  const cjs = require('posfee');
  const q = new cjs.Engine().quote(merchant, card);
  assert.equal(q.fee, '5.50');
  assert.throws(() => new cjs.Engine().quote(merchant, { ...card, amount: 1 }), (e) => e instanceof cjs.PosfeeError && e.reason === 'not_a_string');
  assert.equal(typeof cjs.Auditor.prototype.auditCsv, 'function');
  assert.equal(new cjs.Engine().diagnose({ situation: 'huabei_unavailable' }).causes[0].code, 'terminal_not_integrated');
});

test('ESM and CommonJS in one process: one instance, one PosfeeError class; instanceof holds across copies', async () => {
  const require = createRequire(import.meta.url);
  const cjs = require('posfee');
  const quoteCjs = require('posfee/quote');
  const quoteEsm = await import('posfee/quote');
  // import gives the very module require gives.
  assert.equal(cjs.Engine, Engine);
  assert.equal(cjs.PosfeeError, PosfeeError);
  assert.equal(quoteCjs.Engine, quoteEsm.Engine);
  assert.equal(quoteEsm.PosfeeError, PosfeeError);
  // Another copy of the class (the browser entry's error.js, a bundle's
  // copy): its errors are PosfeeErrors to this one, and the reverse.
  const { PosfeeError: Copy } = await import(new URL('node_modules/posfee/error.js', import.meta.url));
  assert.notEqual(Copy, PosfeeError);
  const fields = { code: 'invalid_amount', field: 'amount', reason: 'missing', year: null, messageZh: '缺少金额', messageEn: 'amount: missing' };
  const copied = new Copy(fields);
  assert.ok(copied instanceof PosfeeError && PosfeeError.is(copied));
  let thrown;
  try {
    new Engine().quote(merchant, { ...card, amount: 1 });
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Copy && Copy.is(thrown) && thrown instanceof Error);
  assert.ok(!(new Error('x') instanceof PosfeeError) && !PosfeeError.is({ code: 'invalid_amount' }) && !PosfeeError.is(null));
  class Sub extends PosfeeError {}
  assert.ok(new Sub(fields) instanceof Sub && !(copied instanceof Sub));
});

test('CommonJS: auditCsv', async () => {
  const cjs = createRequire(import.meta.url)('posfee');
  const r = await new cjs.Auditor(new cjs.Engine(), merchant, asOf).auditCsv(CSV);
  assert.deepEqual(r, auditOnce(CSV));
  await assert.rejects(new cjs.Auditor(new cjs.Engine(), merchant, asOf).auditCsv('id\n'), (e) => e instanceof cjs.PosfeeError && e.code === 'invalid_csv');
});
