// Benchmark (not a test): what crossing the wasm boundary costs for one
// quote, each way the package could take (decision record 0002). Runs
// against the probe build that scripts/bench-boundary.sh makes (feature
// `probe`, never shipped); the sample quote is computed once, so each
// answer timing is the crossing alone.
//   node tests/node/bench-boundary.mjs <probe glue (nodejs target)> [iterations=200000]
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

const require = createRequire(import.meta.url);
const glue = process.argv[2];
const iterations = Number(process.argv[3] ?? 200_000);
if (!glue) {
  console.error('usage: node tests/node/bench-boundary.mjs <path to posfee_wasm.js of the probe build> [iterations]');
  process.exit(2);
}
const probe = require(glue);

function perCall(f) {
  for (let i = 0; i < 10_000; i++) f(); // warm up
  const times = [];
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e3 / iterations);
  }
  times.sort((a, b) => a - b);
  return times[3];
}

// The answers must say the same thing (serde-wasm-bindgen's default
// serializer gives Maps for maps, so it is left out of the comparison).
const json = probe.probeAnswer(1);
const general = probe.probeAnswer(3);
const packed = probe.probeAnswer(0);
if (!isDeepStrictEqual(general, json)) console.log('note: the serde-wasm-bindgen (json_compatible) answer differs from the JSON answer');
if (!isDeepStrictEqual(packed, json)) console.log('note: the packed answer differs from the JSON answer');
const text = probe.probeAnswerText();

const answer = [
  ['packed fields + JS assembly (typed.rs; the package\'s quote path)', () => probe.probeAnswer(0)],
  ['the same packed, with the plan\'s static texts (rule names, steps, cut-off note) left out', () => probe.probeAnswerWithoutStaticTexts()],
  ['JSON text (serde_json) + JSON.parse', () => probe.probeAnswer(1)],
  ['serde-wasm-bindgen to_value (default: Maps for maps)', () => probe.probeAnswer(2)],
  ['serde-wasm-bindgen json_compatible (plain objects; the general path)', () => probe.probeAnswer(3)],
  ['the JSON text alone (serde_json), no parse', () => probe.probeAnswerText()],
];
const payment = { amount: '1000.00', method: 'qr', wallet: 'wechat', time: '2025-09-30T22:00' };
const read = [
  ['core reader over the tree walked from the JsValue (the general path)', () => probe.probeRead(payment, 0)],
  ['serde-wasm-bindgen from_value into PaymentInput', () => probe.probeRead(payment, 1)],
];
const engine = new probe.Engine();
const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
const full = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };

console.log(`node ${process.version}; ${iterations} calls per run, median of 7 runs; µs per call`);
console.log(`a quote answer (${Buffer.byteLength(text)} bytes as JSON), computed once, crossing out:`);
for (const [label, f] of answer) console.log(`  ${perCall(f).toFixed(2).padStart(6)}  ${label}`);
console.log('a payment (4 fields) crossing in:');
for (const [label, f] of read) console.log(`  ${perCall(f).toFixed(2).padStart(6)}  ${label}`);
console.log('for scale, a whole quote call (read both inputs, quote, answer), whole package:');
console.log(`  ${perCall(() => engine.quote(merchant, full)).toFixed(2).padStart(6)}  engine.quote`);
