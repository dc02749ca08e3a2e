// The package in a plain browser page: <script type="module"> importing
// web.js (the `web` target) from a local server on 127.0.0.1, in headless
// Chromium driven by playwright-core. Skipped when Chromium is not installed
// (scripts/setup-wasm.sh installs Debian's). Also a statement File streamed
// through Auditor.auditCsv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const pkg = fileURLToPath(new URL('../../wasm/pkg/', import.meta.url));
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

const page = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>posfee</title></head>
<body><pre id="out"></pre>
<script type="module">
  import { Engine, PosfeeError, version } from '/pkg/web.js';
  const engine = new Engine();
  const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
  const q = engine.quote(merchant, { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' });
  let refused = '';
  try { engine.quote(merchant, { amount: 1000, method: 'card' }); } catch (e) { refused = (e instanceof PosfeeError) + ' ' + e.code + '/' + e.reason; }
  const batch = engine.feeBatchText(merchant, { amounts: '1000.00\\n88.00', instruments: [{ method: 'qr', wallet: 'wechat' }] });
  // A statement File streamed through the audit with progress, and a diagnosis.
  const file = new File(['id,time,amount,method,wallet,fee_charged\\nT1,2025-03-12T10:00,100.00,qr,wechat,0.40\\nT2,bad\\n'], 's.csv');
  const seen = [];
  const audit = await engine.auditor(merchant, '2025-03-20T00:00').auditCsv(file, { onProgress: (p) => seen.push(p.lines + ':' + (p.totalBytes === file.size)), progressEvery: 1 });
  const audited = audit.lines.map((l) => l.status).join(',') + ' ' + seen.join(',') + ' ' + engine.diagnose({ situation: 'huabei_unavailable' }).causes[0].code;
  window.result = [q.fee, q.arrival.date, refused, batch.fees, version(), audited].join('|');
</script></body></html>`;

test('a plain <script type="module"> page runs the package', { skip: !existsSync(CHROMIUM) && 'chromium not installed' }, async () => {
  const { chromium } = await import('playwright-core');
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
      return;
    }
    const file = path.startsWith('/pkg/') ? pkg + path.slice(5) : null;
    if (!file || file.includes('..') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    tab.on('pageerror', (e) => problems.push(String(e)));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => window.result !== undefined, null, { timeout: 20000 });
    const result = await tab.evaluate(() => window.result);
    assert.equal(result, '5.50|2025-10-09|true invalid_amount/not_a_string|3.80\n0.33|0.1.0|findings,unjudgeable 1:true,2:true,2:true terminal_not_integrated');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
