// Benchmark (not a test): the npm package against a straightforward
// JavaScript implementation of the same fee arithmetic with decimal.js.
//   node tests/node/bench.mjs [payments=1000000]
// Reports one `quote` call, one `fee` call, a statement of N payments through
// `feeBatch` and `feeBatchText`, each through the whole package and the quote
// module (posfee/quote) where it has the call, and the decimal.js
// equivalents, with the ratios; `feeBatchText` also against a hand-written
// integer-fen JavaScript batch on byte buffers (int-batch.mjs), its
// strongest plain-JavaScript peer. The decimal.js
// quote (decimal-quote.mjs) does the same work as the package's: validation,
// fee, acceptance, limits, accounting date and arrival.
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { Engine, Plan } from 'posfee';
import { Engine as QuoteEngine } from 'posfee/quote';
import { makeDecimalQuote } from './decimal-quote.mjs';
import { makeIntBatch } from './int-batch.mjs';

const N = Number(process.argv[2] ?? 1_000_000);
const engine = new Engine();
const quoteEngine = new QuoteEngine();
const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true,
  wallets: { alipay: { enabled: true, verified: true }, wechat: { enabled: true, verified: true } }, largeModeApproved: true };
const payment = { amount: '1234.56', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-03-12T10:00' };

// ---- the decimal.js implementation: the plan's fee rules, read from the plan file
const plan = JSON.parse(Plan.upos().toJson());
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const rounding = { half_up: Decimal.ROUND_HALF_UP, half_even: Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP }[plan.rounding];
const rules = plan.fee_rules.map((r) => ({
  ...r,
  rate: new D(r.use_credit_rate ? plan.credit_rates[merchant.creditRate] : r.rate_percent).div(100),
  cap: r.cap ? new D(r.cap) : null,
  minimum: r.minimum ? new D(r.minimum) : null,
  fixed: new D(r.fixed ?? '0'),
  amount: r.when.amount ?? {},
}));
function matches(r, amount, p) {
  const w = r.when;
  if (w.methods && !w.methods.includes(p.method)) return false;
  if (w.card_kinds && !w.card_kinds.includes(p.cardKind)) return false;
  if (w.card_media && !w.card_media.includes(p.cardMedium)) return false;
  if (w.wallets && !w.wallets.includes(p.wallet)) return false;
  if (w.large_mode !== undefined && w.large_mode !== (p.largeMode === true)) return false;
  const a = r.amount;
  if (a.min && amount.lt(a.min)) return false;
  if (a.above && amount.lte(a.above)) return false;
  if (a.max && amount.gt(a.max)) return false;
  if (a.below && amount.gte(a.below)) return false;
  return true;
}
function feeDecimal(amountText, p) {
  if (typeof amountText !== 'string' || !/^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/.test(amountText)) throw new Error('bad amount');
  const amount = new D(amountText);
  const r = rules.find((x) => matches(x, amount, p));
  if (!r) throw new Error('no fee rule');
  let pct = amount.times(r.rate).toDecimalPlaces(2, rounding);
  if (r.cap && pct.gt(r.cap)) pct = r.cap;
  if (r.minimum && pct.lt(r.minimum)) pct = r.minimum;
  const fee = pct.plus(r.fixed);
  return { fee: fee.toFixed(2), net: amount.minus(fee).toFixed(2) };
}

// ---- the statement: a deterministic mix of every channel, amounts up to 60,000.00
const instruments = [
  { method: 'card', cardKind: 'credit', cardMedium: 'chip' },
  { method: 'card', cardKind: 'debit', cardMedium: 'chip' },
  { method: 'contactless', cardKind: 'credit' },
  { method: 'qr', wallet: 'wechat' },
  { method: 'qr', wallet: 'alipay', largeMode: true },
];
const amounts = new Array(N);
const instrumentIndex = new Uint8Array(N);
let x = 0x9e3779b9n;
for (let i = 0; i < N; i++) {
  x ^= (x << 13n) & 0xffffffffffffffffn;
  x ^= x >> 7n;
  x ^= (x << 17n) & 0xffffffffffffffffn;
  const fen = Number(x % 6000000n) + 1;
  amounts[i] = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  instrumentIndex[i] = Number(x % 5n);
}

function time(label, runs, f) {
  f(); // warm up
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    result = f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(times.length / 2)], result };
}

function perCall(label, iterations, f) {
  const r = time(label, 5, () => {
    let last;
    for (let i = 0; i < iterations; i++) last = f();
    return last;
  });
  return { ...r, us: (r.ms * 1000) / iterations };
}

const calendarJson = JSON.parse(readFileSync(new URL('../../core/data/calendar-cn.json', import.meta.url), 'utf8'));
const quoteDecimal = makeDecimalQuote(plan, calendarJson);
const quote = perCall('posfee quote (fee, acceptance, limits, arrival)', 20000, () => engine.quote(merchant, payment));
const liteQuote = perCall('posfee/quote quote (the same call, quote module)', 20000, () => quoteEngine.quote(merchant, payment));
const decQuote = perCall('decimal.js quote (the same work)', 20000, () => quoteDecimal(merchant, payment));
const fee = perCall('posfee fee', 20000, () => engine.fee(merchant, payment));
const liteFee = perCall('posfee/quote fee', 20000, () => quoteEngine.fee(merchant, payment));
const dec = perCall('decimal.js fee', 20000, () => feeDecimal(payment.amount, payment));
if (fee.result.fee !== dec.result.fee || quote.result.fee !== dec.result.fee) throw new Error('single answers differ');
for (const k of ['outcome', 'fee', 'net', 'accountingDate']) {
  if (quote.result[k] !== decQuote.result[k]) throw new Error(`quote answers differ in ${k}`);
}
if (quote.result.arrival.date !== decQuote.result.arrival.date || quote.result.limits.leftAfter !== decQuote.result.limits.leftAfter)
  throw new Error('quote answers differ in arrival or limits');

const batch = time(`posfee feeBatch, ${N} payments`, 5, () => engine.feeBatch(merchant, { amounts, instruments, instrumentIndex }));
const decBatch = time(`decimal.js, ${N} payments`, 3, () => {
  const fees = new Array(N);
  const nets = new Array(N);
  for (let i = 0; i < N; i++) {
    const r = feeDecimal(amounts[i], instruments[instrumentIndex[i]]);
    fees[i] = r.fee;
    nets[i] = r.net;
  }
  return { fees, nets };
});
const amountsText = amounts.join('\n');
const textBatch = time(`posfee feeBatchText, ${N} payments`, 5, () => engine.feeBatchText(merchant, { amounts: amountsText, instruments, instrumentIndex }));
const liteText = time(`posfee/quote feeBatchText, ${N} payments`, 5, () => quoteEngine.feeBatchText(merchant, { amounts: amountsText, instruments, instrumentIndex }));
const decText = time(`decimal.js, ${N} payments as text`, 3, () => {
  const lines = amountsText.split('\n');
  const fees = new Array(N);
  const nets = new Array(N);
  for (let i = 0; i < N; i++) {
    const r = feeDecimal(lines[i], instruments[instrumentIndex[i]]);
    fees[i] = r.fee;
    nets[i] = r.net;
  }
  return { fees: fees.join('\n'), nets: nets.join('\n') };
});
const intPrice = makeIntBatch(plan, merchant, instruments);
const intText = time(`integer-fen JavaScript, ${N} payments as text (byte buffers)`, 5, () => intPrice(amountsText, instrumentIndex));
for (const k of ['fees', 'nets', 'totalAmount', 'totalFee', 'totalNet', 'count']) {
  if (intText.result[k] !== textBatch.result[k]) throw new Error(`integer JavaScript batch differs in ${k}`);
}
if (liteText.result.fees !== decText.result.fees || liteText.result.nets !== decText.result.nets) throw new Error('quote module text batch answers differ');
if (JSON.stringify(liteQuote.result) !== JSON.stringify(quote.result) || JSON.stringify(liteFee.result) !== JSON.stringify(fee.result)) throw new Error('quote module answers differ');
if (textBatch.result.fees !== decText.result.fees || textBatch.result.nets !== decText.result.nets) throw new Error('text batch answers differ');
for (let i = 0; i < N; i++) {
  if (batch.result.fees[i] !== decBatch.result.fees[i] || batch.result.nets[i] !== decBatch.result.nets[i])
    throw new Error(`payment ${i} differs: ${amounts[i]} ${JSON.stringify(instruments[instrumentIndex[i]])} ${batch.result.fees[i]} vs ${decBatch.result.fees[i]}`);
}

const f = (n, d = 2) => n.toFixed(d);
console.log(`node ${process.version}; median of repeated runs; answers checked equal`);
console.log(`single call:`);
console.log(`  ${quote.label}: ${f(quote.us)} µs`);
console.log(`  ${decQuote.label}: ${f(decQuote.us)} µs  (posfee quote is ${f(decQuote.us / quote.us, 2)}× the speed of decimal.js; target > 1)`);
console.log(`  ${liteQuote.label}: ${f(liteQuote.us)} µs  (${f(decQuote.us / liteQuote.us, 2)}× the speed of decimal.js)`);
console.log(`  ${fee.label}: ${f(fee.us)} µs`);
console.log(`  ${liteFee.label}: ${f(liteFee.us)} µs`);
console.log(`  ${dec.label}: ${f(dec.us)} µs  (posfee fee is ${f(dec.us / fee.us, 2)}× the speed of decimal.js)`);
console.log(`batch of ${N} payments:`);
console.log(`  ${batch.label}: ${f(batch.ms, 1)} ms (${f((batch.ms * 1e6) / N, 1)} ns/payment)`);
console.log(`  ${decBatch.label}: ${f(decBatch.ms, 1)} ms (${f((decBatch.ms * 1e6) / N, 1)} ns/payment)`);
console.log(`  posfee feeBatch is ${f(decBatch.ms / batch.ms, 1)}× faster than decimal.js (strings in arrays, in and out)`);
console.log(`  ${textBatch.label}: ${f(textBatch.ms, 1)} ms (${f((textBatch.ms * 1e6) / N, 1)} ns/payment)`);
console.log(`  ${liteText.label}: ${f(liteText.ms, 1)} ms (${f((liteText.ms * 1e6) / N, 1)} ns/payment)`);
console.log(`  ${decText.label}: ${f(decText.ms, 1)} ms (${f((decText.ms * 1e6) / N, 1)} ns/payment)`);
console.log(`  posfee feeBatchText is ${f(decText.ms / textBatch.ms, 1)}× faster than decimal.js (one text per column, in and out; target ≥ 50×)`);
console.log(`  posfee/quote feeBatchText is ${f(decText.ms / liteText.ms, 1)}× faster than decimal.js (the same call, quote module; target ≥ 50×)`);
console.log(`  ${intText.label}: ${f(intText.ms, 1)} ms (${f((intText.ms * 1e6) / N, 1)} ns/payment)`);
console.log(`  posfee feeBatchText is ${f(intText.ms / textBatch.ms, 2)}× the speed of the integer JavaScript batch; posfee/quote ${f(intText.ms / liteText.ms, 2)}× (target ≥ 2×)`);
