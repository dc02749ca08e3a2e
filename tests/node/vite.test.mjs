// The package in a bundler: `vite build` of a small page (no plugin, no
// config), then the built bundle is run, loading its .wasm asset the way a
// browser would (fetch of a URL relative to the chunk); and the dev server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const app = fileURLToPath(new URL('./vite-app/', import.meta.url));
const dist = fileURLToPath(new URL('./vite-app/dist/', import.meta.url));

test('vite build bundles the package and the bundle runs', async () => {
  rmSync(dist, { recursive: true, force: true });
  await build({ root: app, logLevel: 'error', configFile: false, build: { outDir: dist, emptyOutDir: true } });
  const assets = readdirSync(`${dist}assets`);
  const wasm = assets.filter((f) => f.endsWith('.wasm'));
  const js = assets.filter((f) => f.endsWith('.js'));
  // The engine, and the .xlsx reader in a chunk of its own (auditStatement
  // imports it only for a workbook).
  assert.deepEqual(wasm.map((f) => f.replace(/-[^-]+\.wasm$/, '')).sort(), ['posfee_wasm_bg', 'posfee_xlsx_bg'], `assets: ${assets}`);
  const chunk = (f) => readFileSync(`${dist}assets/${f}`, 'utf8');
  const entry = js.find((f) => f.startsWith('index-'));
  const engine = wasm.find((f) => f.startsWith('posfee_wasm_bg'));
  const xlsx = wasm.find((f) => f.startsWith('posfee_xlsx_bg'));
  const loaders = js.filter((f) => chunk(f).includes(engine));
  assert.deepEqual(loaders, [entry], 'the entry chunk loads the engine');
  const reader = js.filter((f) => chunk(f).includes(xlsx));
  assert.equal(reader.length, 1, 'one chunk loads the .xlsx reader');
  assert.notEqual(reader[0], entry, 'the .xlsx reader is not in the entry chunk');

  // Run the chunk: a minimal DOM and a fetch that serves the dist folder as
  // the site root (Vite writes the asset URL as /assets/…).
  let text = '';
  globalThis.document = {
    getElementById: () => ({ set textContent(v) { text = v; } }),
    createElement: () => ({ relList: { supports: () => true } }), // Vite's modulepreload check
  };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const u = new URL(url);
    assert.equal(u.protocol, 'file:');
    return new Response(readFileSync(dist + u.pathname.slice(1)), { headers: { 'content-type': 'application/wasm' } });
  };
  try {
    await import(pathToFileURL(`${dist}assets/${entry}`).href);
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(text, 'fee 5.50 net 994.50 arrives 2025-10-09; number as money: invalid_amount/not_a_string');
  rmSync(dist, { recursive: true, force: true });
});

test('vite dev server (with optimizeDeps.exclude) serves a page that runs the package', { skip: !existsSync('/usr/bin/chromium') && 'chromium not installed' }, async () => {
  // Installed as npm would (a copy inside the app's node_modules), so Vite
  // treats it as a dependency; its pre-bundling would move the module away
  // from its .wasm, hence the one documented line of config.
  const modules = `${app}node_modules/`;
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(modules);
  cpSync(fileURLToPath(new URL('../../wasm/pkg/', import.meta.url)), `${modules}posfee`, { recursive: true });
  const { createServer } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await createServer({
    root: app,
    configFile: false,
    logLevel: 'error',
    optimizeDeps: { exclude: ['posfee'] },
    server: { host: '127.0.0.1', port: 0 },
  });
  await server.listen();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (e) => problems.push(String(e)));
    await tab.goto(server.resolvedUrls.local[0]);
    await tab.waitForFunction(() => globalThis.posfeeResult !== undefined, null, { timeout: 20000 });
    assert.equal(await tab.evaluate(() => globalThis.posfeeResult), 'fee 5.50 net 994.50 arrives 2025-10-09; number as money: invalid_amount/not_a_string');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
    rmSync(modules, { recursive: true, force: true });
  }
});
