// Resources under load through the npm package: memory stays flat over
// 1,000,000 quotes and 100,000 errors, and a large CSV statement with 1% bad
// lines streams through auditCsv with every line accounted for, in bounded
// memory. POSFEE_CSV_MB sets the statement's size (default 20; the README's
// figure is from `POSFEE_CSV_MB=200 node tests/node/resources.test.mjs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Engine, Auditor } from 'posfee';

// The glue instance `posfee` runs on in Node (node.mjs re-exports node.cjs).
const glue = createRequire(import.meta.url)('./node_modules/posfee/cjs/posfee_wasm.js');
const wasmMemory = () => glue.__memoryPages() * 65536;
const MiB = 1 << 20;
const mib = (n) => (n / MiB).toFixed(1);

const merchant = {
  tier: 'premium',
  verification: 'face_and_card',
  creditRate: 'standard',
  activated: true,
  wallets: { wechat: { enabled: true, verified: true } },
};
const card = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };

test('memory is flat over 1,000,000 quotes and 100,000 errors', () => {
  const e = new Engine();
  for (let i = 0; i < 10_000; i++) e.quote(merchant, card);
  const wasm0 = wasmMemory();
  const rss0 = process.memoryUsage().rss;
  for (let i = 0; i < 1_000_000; i++) {
    const q = e.quote(merchant, i % 2 ? card : { ...card, amount: `${1 + (i % 5000)}.00` });
    if (q.outcome !== 'accepted') assert.fail(`quote ${i}: ${q.outcome}`);
  }
  let errors = 0;
  for (let i = 0; i < 100_000; i++) {
    try {
      e.quote(merchant, { ...card, amount: i % 2 ? '1.234' : 12 });
    } catch {
      errors++;
    }
  }
  assert.equal(errors, 100_000);
  const grownWasm = wasmMemory() - wasm0;
  const grownRss = process.memoryUsage().rss - rss0;
  console.log(`resources: 1,000,000 quotes + 100,000 errors: wasm memory +${mib(grownWasm)} MiB, RSS +${mib(grownRss)} MiB`);
  assert.ok(grownWasm <= MiB, `wasm memory grew by ${grownWasm} bytes`);
  assert.ok(grownRss <= 128 * MiB, `RSS grew by ${mib(grownRss)} MiB`);
  assert.equal(e.quote(merchant, card).fee, '5.50');
});

/** A CSV statement of about `bytes` bytes, one bad line in a hundred, as chunks made on the fly. */
function* statement(bytes, counts) {
  const header = 'id,time,amount,method,wallet,fee_charged\n';
  yield header;
  let made = header.length;
  let n = 0;
  const enc = new TextEncoder();
  while (made < bytes) {
    let chunk = '';
    for (let k = 0; k < 2000; k++, n++) {
      const bad = n % 100 === 99;
      if (bad) counts.bad++;
      chunk += bad ? `B${n},2025-03-12T10:00:00,abc,qr,wechat,0.38\n` : `T${n},2025-03-12T10:00:00,${100 + (n % 900)}.00,qr,wechat,${(((100 + (n % 900)) * 38 + 50) / 10000).toFixed(2)}\n`;
      counts.lines++;
    }
    made += chunk.length;
    yield enc.encode(chunk);
  }
}

test('a large CSV statement with 1% bad lines: every line accounted for, memory bounded', async () => {
  const mb = Number(process.env.POSFEE_CSV_MB ?? 20);
  const counts = { lines: 0, bad: 0 };
  const seen = { lines: 0, unjudgeable: 0, lastIndex: -1, ordered: true };
  let peakRss = 0;
  let peakWasm = 0;
  const a = new Auditor(new Engine(), merchant, '2025-03-20T00:00');
  const t0 = Date.now();
  const r = await a.auditCsv(statement(mb * 1_000_000, counts), {
    onLine: (l) => {
      seen.lines++;
      if (l.status === 'unjudgeable') seen.unjudgeable++;
      if (l.index !== seen.lastIndex + 1) seen.ordered = false;
      seen.lastIndex = l.index;
    },
    onProgress: () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      peakWasm = Math.max(peakWasm, wasmMemory());
    },
    progressEvery: 50_000,
  });
  const seconds = (Date.now() - t0) / 1000;
  console.log(
    `resources: ${mb} MB CSV, ${counts.lines} lines (${counts.bad} bad) in ${seconds.toFixed(1)} s: peak RSS ${mib(peakRss)} MiB, peak wasm memory ${mib(peakWasm)} MiB`,
  );
  assert.equal(r.lines.length, 0, 'lines go to onLine, not into memory');
  assert.equal(seen.lines, counts.lines, 'one result per line');
  assert.equal(seen.unjudgeable, counts.bad, 'every bad line reported, no good line refused');
  assert.ok(seen.ordered, 'results in the file order');
  assert.equal(r.summary.lines, counts.lines);
  assert.equal(r.summary.unjudgeable, counts.bad);
  assert.ok(peakWasm <= 256 * MiB, `wasm memory reached ${mib(peakWasm)} MiB`);
});
