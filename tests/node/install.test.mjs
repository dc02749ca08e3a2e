// The package as a developer installs it: `npm pack` of wasm/pkg, then
// `npm install <tarball>` (offline; the package has no dependencies) into a
// fresh project for each way it is used: Node ESM, Node CommonJS, TypeScript
// for Node (lib es2022, no DOM) and for the browser, Vite 5, 6, 7 and 8
// (build and dev server, with the config README states), and a plain
// browser page. Fails on any tsc diagnostic, page error or console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const pkg = fileURLToPath(new URL('../../wasm/pkg/', import.meta.url));
const tools = fileURLToPath(new URL('./node_modules/', import.meta.url));
const cases = JSON.parse(readFileSync(new URL('../vectors/statements.json', import.meta.url), 'utf8')).cases;
const WORKBOOK = cases.find((c) => c.id === 'statement-xlsx').input.workbook_hex;
const EXPECTED = 'fee 5.50 arrives 2025-10-09 | invalid_amount/not_a_string true | xlsx S1,S2 ok,ok';

let dir;
let tarball;

before(() => {
  dir = mkdtempSync(`${tmpdir()}/posfee-install-`);
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: pkg, encoding: 'utf8' }).trim().split('\n').at(-1);
  tarball = join(dir, name);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh project with `files`, and the tarball installed as npm would. */
function project(name, files) {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(root, f), text);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: root, encoding: 'utf8' });
  return root;
}

/** What every consumer computes (JavaScript; `imports` brings Engine, Auditor, PosfeeError in). */
const consumer = (imports) => `${imports}
const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true,
  wallets: { wechat: { enabled: true, verified: true } } };
const engine = new Engine();
const q = engine.quote(merchant, { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' });
let refused = '';
try { engine.quote(merchant, { amount: 1000, method: 'card' }); } catch (e) { refused = e.code + '/' + e.reason + ' ' + (e instanceof PosfeeError); }
// A workbook: auditStatement loads posfee/xlsx for it.
const book = Uint8Array.from('${WORKBOOK}'.match(/../g), (h) => parseInt(h, 16));
const audit = await new Auditor(engine, merchant, '2025-03-20T00:00').auditStatement(book);
const result = 'fee ' + q.fee + ' arrives ' + q.arrival.date + ' | ' + refused + ' | xlsx ' + audit.lines.map((l) => l.id) + ' ' + audit.lines.map((l) => l.status);
`;

test('the tarball: each .wasm once, both licence texts, no placeholder links, engines', () => {
  const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
  const root = join(dir, 'unpacked');
  mkdirSync(root);
  execFileSync('tar', ['xzf', tarball, '-C', root, '--strip-components=1']);
  const wasm = files.filter((f) => f.endsWith('.wasm')).sort();
  assert.deepEqual(wasm, ['posfee_wasm_bg.wasm', 'quote/posfee_quote_bg.wasm', 'xlsx/posfee_xlsx_bg.wasm']);
  // No engine twice, byte for byte.
  const hashes = wasm.map((f) => createHash('sha256').update(readFileSync(join(root, f))).digest('hex'));
  assert.equal(new Set(hashes).size, wasm.length);
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) assert.ok(files.includes(f), `${f} in the tarball`);
  assert.match(readFileSync(join(root, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(join(root, 'LICENSE-MIT'), 'utf8'), /^MIT License/);
  const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(meta.license, 'MIT OR Apache-2.0');
  for (const key of ['repository', 'homepage', 'bugs']) {
    const value = JSON.stringify(meta[key] ?? '');
    assert.doesNotMatch(value, /example|invalid|placeholder|TODO|your-/i, `${key}: ${value}`);
  }
  // engines: the oldest Node this suite runs on is what it names.
  const oldest = Number(/^>=(\d+)$/.exec(meta.engines.node)?.[1]);
  assert.ok(oldest >= 20 && oldest <= Number(process.versions.node.split('.')[0]), `engines.node ${meta.engines.node} on Node ${process.version}`);
});

test('Node ESM and CommonJS: one instance and one PosfeeError class in a process', () => {
  const root = project('node-app', {
    'esm.mjs': `${consumer("import { Engine, Auditor, PosfeeError } from 'posfee';")}
import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('posfee');
console.log(result + ' | same ' + (cjs.Engine === Engine && cjs.PosfeeError === PosfeeError));`,
    'cjs.cjs': `(async () => {
${consumer("const { Engine, Auditor, PosfeeError } = require('posfee');")}
const quote = require('posfee/quote');
console.log(result + ' | quote ' + new quote.Engine().quote(merchant, { amount: '100.00', method: 'qr', wallet: 'wechat', time: '2025-03-12T10:00' }).fee);
})();`,
  });
  assert.equal(execFileSync(process.execPath, ['esm.mjs'], { cwd: root, encoding: 'utf8' }).trim(), `${EXPECTED} | same true`);
  assert.equal(execFileSync(process.execPath, ['cjs.cjs'], { cwd: root, encoding: 'utf8' }).trim(), `${EXPECTED} | quote 0.38`);
});

/** tsc --noEmit in `root` with `tsconfig`: nothing printed, exit 0. */
function tsc(root, tsconfig) {
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify(tsconfig));
  let out = '';
  try {
    out = execFileSync(process.execPath, [join(tools, 'typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed in ${root}:\n${e.stdout}${e.stderr}`);
  }
  assert.equal(out, '', 'tsc printed nothing');
}

const typed = (from) => `import { Engine, Auditor, PosfeeError, type Quote, type AuditStatementResult } from '${from}';
import { Engine as QuoteEngine } from '${from}/quote';
import { xlsxRows } from '${from}/xlsx';
const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true } as const;
const q: Quote = new Engine().quote(merchant, { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' });
const fee: string = q.fee;
const rows: string[][] = xlsxRows(new Uint8Array(0));
export async function audit(file: Uint8Array): Promise<string> {
  const r: AuditStatementResult = await new Auditor(new Engine(), merchant, '2025-03-20T00:00').auditStatement(file, { sheet: null });
  const small = new QuoteEngine().quote(merchant, { amount: '100.00', method: 'qr', wallet: 'wechat', time: '2025-03-12T10:00' });
  return r.lines.map((l) => l.status).join() + fee + rows.length + small.fee;
}
export function code(e: unknown): string | null {
  return e instanceof PosfeeError || PosfeeError.is(e) ? e.code : null;
}
`;

test('TypeScript for Node (strict, lib es2022, no DOM): ESM and CommonJS consumers type-check with no diagnostic', () => {
  const root = project('ts-node', { 'index.mts': typed('posfee'), 'index.cts': typed('posfee') });
  tsc(root, {
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: [], skipLibCheck: false },
    include: ['*.mts', '*.cts'],
  });
});

test('TypeScript for the browser (strict, bundler resolution, DOM): a consumer handing a File type-checks', () => {
  const root = project('ts-browser', {
    'main.ts': `${typed('posfee')}
export async function dropped(file: File): Promise<number> {
  const r = await new Auditor(new Engine(), merchant, '2025-03-20T00:00').auditStatement(file, { onProgress: (p) => p.rows ?? p.bytes });
  return r.summary.lines;
}
`,
  });
  tsc(root, {
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
    include: ['*.ts'],
  });
});

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

/** A static server of `root` on 127.0.0.1. */
async function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(root, path === '/' ? 'index.html' : path);
    if (path.includes('..') || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

let browser;
async function chromium() {
  if (!browser) {
    const { chromium: c } = await import('playwright-core');
    browser = await c.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  }
  return browser;
}
after(async () => browser?.close());

/** The page's `globalThis.result`, with no page or console error. */
async function resultOf(url) {
  const tab = await (await chromium()).newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(String(e)));
  tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => globalThis.result !== undefined || globalThis.failure !== undefined, null, { timeout: 30000 });
    const { result, failure } = await tab.evaluate(() => ({ result: globalThis.result, failure: globalThis.failure }));
    assert.equal(failure, undefined, `${url}: ${failure}`);
    assert.deepEqual(problems, [], url);
    return result;
  } finally {
    await tab.close();
  }
}

const browserApp = (from) => `${consumer(`import { Engine, Auditor, PosfeeError } from '${from}';`)}
globalThis.result = result;
`;
const html = (src) => `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>posfee</title></head>
<body><script>addEventListener('error', (e) => { globalThis.failure = String(e.message); });
addEventListener('unhandledrejection', (e) => { globalThis.failure = String(e.reason?.stack ?? e.reason); });</script>
<script type="module" src="${src}"></script></body></html>`;

const skipBrowser = !existsSync(CHROMIUM) && 'chromium not installed';

test('a plain browser page imports the installed package (web.js) with no bundler', { skip: skipBrowser }, async () => {
  const root = project('plain-page', { 'index.html': html('./main.js'), 'main.js': browserApp('./node_modules/posfee/web.js') });
  const site = await serve(root);
  try {
    assert.equal(await resultOf(site.url), EXPECTED);
  } finally {
    site.close();
  }
});

// Vite 5 and 6 build for browsers without top-level await unless told
// es2022; every version's dev server pre-bundles dependencies away from
// their .wasm unless posfee is excluded: the config README states.
for (const [major, module] of [[5, 'vite5'], [6, 'vite6'], [7, 'vite'], [8, 'vite8']]) {
  test(`Vite ${major}: build and dev server, with README's config`, { skip: skipBrowser }, async () => {
    const vite = await import(join(tools, module, 'dist/node/index.js'));
    assert.equal(Number(vite.version.split('.')[0]), major);
    const root = project(`vite-${major}`, { 'index.html': html('/main.js'), 'main.js': browserApp('posfee') });
    const build = major < 7 ? { target: 'es2022' } : {};
    if (major < 7) {
      // Why the config names the target: without it the build stops at web.js's top-level await.
      await assert.rejects(vite.build({ root, logLevel: 'silent', configFile: false, build: { outDir: join(root, 'dist'), write: false } }), /Transform failed|top-level await/i);
    }
    await vite.build({ root, logLevel: 'error', configFile: false, build: { outDir: join(root, 'dist'), emptyOutDir: true, ...build } });
    const assets = readdirSync(join(root, 'dist/assets'));
    assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 2, `the engine and the .xlsx reader: ${assets}`);
    const site = await serve(join(root, 'dist'));
    try {
      assert.equal(await resultOf(site.url), EXPECTED, 'the build');
    } finally {
      site.close();
    }
    const server = await vite.createServer({ root, configFile: false, logLevel: 'error', optimizeDeps: { exclude: ['posfee'] }, server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    try {
      assert.equal(await resultOf(server.resolvedUrls.local[0]), EXPECTED, 'the dev server');
    } finally {
      await server.close();
    }
  });
}
