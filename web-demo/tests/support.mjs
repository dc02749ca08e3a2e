// Shared by the web demo's end-to-end tests: the server, headless Chromium
// (Debian's, driven by playwright-core), screenshots, and the package itself
// in Node to cross-check what the page shows.
//
// Environment:
//   POSFEE_WEB_URL   a running demo server (scripts/test-web.sh starts one);
//                    when unset, the tests start web-demo/server.mjs themselves
//   POSFEE_PKG       the built package directory (default wasm/pkg)
//   POSFEE_CHROMIUM  the browser (default /usr/bin/chromium)
//   POSFEE_SCREENSHOTS  where screenshots go (default target/web-demo-screenshots)
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = resolve(ROOT, process.env.POSFEE_PKG ?? 'wasm/pkg');
export const CHROMIUM = process.env.POSFEE_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = resolve(ROOT, process.env.POSFEE_SCREENSHOTS ?? 'target/web-demo-screenshots');
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** playwright-core: from node_modules, else from the tools scripts/setup-wasm.sh cached. */
export async function playwright() {
  try {
    return await import('playwright-core');
  } catch {
    const cache = process.env.POSFEE_CACHE ?? `${homedir()}/.cache/posfee`;
    const entry = `${cache}/node-tools/node_modules/playwright-core/index.mjs`;
    if (!existsSync(entry)) throw new Error(`playwright-core not found (run scripts/setup-wasm.sh): ${entry}`);
    return await import(pathToFileURL(entry).href);
  }
}

/** The package's Node build, to compute expected answers independently of the page. */
export async function nodePackage() {
  return await import(pathToFileURL(resolve(PKG, 'node.mjs')).href);
}

/** A server for the demo: POSFEE_WEB_URL, or one started here (closed by stop()). */
export async function demoServer() {
  if (process.env.POSFEE_WEB_URL) return { url: process.env.POSFEE_WEB_URL.replace(/\/?$/, '/'), stop: async () => {} };
  const { startServer } = await import(pathToFileURL(resolve(ROOT, 'web-demo/server.mjs')).href);
  const s = await startServer({ port: 0, pkgDir: PKG });
  return { url: s.url, stop: s.close };
}

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (scripts/setup-wasm.sh installs Debian's chromium)`);
  const { chromium } = await playwright();
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A fresh page on the demo, ready (the engine loaded), collecting console
 * errors and page errors in `problems`.
 */
export async function openDemo(browser, url, { width = 1280, height = 900, hash = '', query = '' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  // Fail at once, with the reason, when the page breaks while loading.
  const broken = new Promise((_, fail) => {
    page.once('pageerror', (e) => fail(new Error(`the page failed while loading: ${e}`)));
  });
  broken.catch(() => {});
  await page.goto(`${url}${query}${hash}`);
  await Promise.race([
    page.waitForSelector('body[data-ready="1"]', { timeout: 30000 }),
    page.waitForSelector('#load-status.error-box', { timeout: 30000 }).then(async () => {
      throw new Error(`the engine did not load: ${await page.textContent('#load-status')}`);
    }),
    broken,
  ]);
  return { page, context, problems };
}

export async function shot(page, name, options = {}) {
  mkdirSync(SHOTS, { recursive: true });
  const path = resolve(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true, ...options });
  return path;
}

/** Fills the quote form: { amount, method, cardKind, cardMedium, wallet, time, ... }. */
export async function fillQuote(page, p) {
  if (p.method) await page.click(`label[for="method-${p.method}"]`); // the visible segmented button
  if (p.cardKind) await page.selectOption('#cardKind', p.cardKind);
  if (p.cardMedium) await page.selectOption('#cardMedium', p.cardMedium);
  if (p.wallet) await page.selectOption('#wallet', p.wallet);
  if (p.largeMode !== undefined) await page.setChecked('#largeMode', p.largeMode);
  if (p.time) await page.fill('#time', p.time);
  if (p.amount !== undefined) {
    await page.fill('#amount', '');
    await page.locator('#amount').pressSequentially(p.amount);
  }
}

/** What the result panel shows. */
export async function result(page) {
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id)?.textContent.trim() ?? '';
    const shown = (id) => !document.getElementById(id).hidden;
    return {
      outcome: document.getElementById('r-outcome').dataset.outcome ?? '',
      outcomeText: text('r-outcome'),
      fee: text('r-fee'),
      net: text('r-net'),
      rule: text('r-rule'),
      ruleId: document.getElementById('r-rule').dataset.rule ?? '',
      arrival: shown('r-arrival') ? text('r-arrival') : '',
      arrivalDate: document.getElementById('r-arrival').dataset.date ?? '',
      accounting: text('r-accounting'),
      refusal: shown('r-refusal') ? text('r-refusal') : '',
      refusalCode: document.getElementById('r-refusal').dataset.code ?? '',
      limits: text('r-limits'),
      error: shown('r-error') ? text('r-error') : '',
      bodyShown: shown('r-body'),
    };
  });
}
