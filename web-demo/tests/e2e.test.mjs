// The web demo end to end: headless Chromium (Debian's) driven by
// playwright-core types amounts and picks methods, and the assertions read
// what the page shows. Expected numbers are the package's own answers
// (computed again here with its Node build), so the page is checked against
// the engine, not against a second copy of the rules.
// Run: node --test web-demo/tests/  (or scripts/test-web.sh, which builds and serves)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoServer, launch, openDemo, shot, fillQuote, result, nodePackage } from './support.mjs';

let server;
let browser;
// The package in Node, loaded first: it decides which conditional tests run.
const pkg = await nodePackage();
// Feature-detect the audit and troubleshooting panels the way the page does.
const features = { audit: typeof pkg.Auditor === 'function', diagnose: typeof new pkg.Engine().diagnose === 'function' };
const MERCHANT = {
  tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true, largeModeApproved: false,
  wallets: { alipay: { enabled: true, verified: true }, wechat: { enabled: true, verified: true }, unionpay: { enabled: true, verified: true } },
};

before(async () => {
  server = await demoServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the page, runs fn(page), asserts no console or page errors, closes. */
async function withPage(options, fn) {
  const { page, context, problems } = await openDemo(browser, server.url, options);
  try {
    await fn(page);
    assert.deepEqual(problems, [], 'no console errors');
    const shown = await page.evaluate(() => document.body.innerText);
    assert.doesNotMatch(shown, /\bnull\b|\bundefined\b|\bNaN\b|\[object /, 'no leaked null/undefined/NaN on the page');
  } finally {
    await context.close();
  }
}

test('1. credit card chip at 22:00 before National Day: fee, net, rule, arrival after the holiday, month calendar', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00', amount: '1000' });
    const r = await result(page);
    const expected = new pkg.Engine().quote(MERCHANT, { amount: '1000', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' });
    assert.equal(r.outcome, 'accepted');
    assert.equal(r.fee, expected.fee);
    assert.equal(r.fee, '5.50');
    assert.equal(r.net, '994.50');
    assert.match(r.rule, /F5 信用卡刷卡 0\.55%/);
    assert.equal(r.arrival, '到账: 2025-10-09 周四, 国庆假期后第一个工作日');
    assert.match(r.limits, /单笔上限 50,000\.00 元（渠道）/);
    assert.match(r.limits, /今日剩余 300,000\.00 元/);
    assert.match(r.limits, /收款后今日剩余 299,000\.00 元/);
    // The month calendar marks the payment day, the arrival day, holidays and adjusted working weekends.
    const cal = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#month-calendar td[data-date]')].map((td) => [td.dataset.date, td.className])));
    assert.match(cal['2025-09-30'], /\bpay\b/);
    assert.match(cal['2025-10-09'], /\barrive\b/);
    assert.match(cal['2025-10-01'], /k-holiday/);
    assert.match(cal['2025-09-28'], /k-adjusted_working_day/);
    assert.match(cal['2025-10-11'], /k-adjusted_working_day/);
    assert.match(cal['2025-10-12'], /k-weekend/);
    assert.match(cal['2025-10-10'], /k-workday/);
    await shot(page, 'quote-holiday-arrival');
  });
});

test('2. a 23:30 Saturday payment counts on the next (adjusted working) day and arrives Monday', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-27T23:30', amount: '500.00' });
    const r = await result(page);
    assert.equal(r.outcome, 'accepted');
    assert.equal(r.fee, '2.75');
    assert.match(r.accounting, /记账日 2025-09-28（23:00 日切后记为次日交易/);
    assert.equal(r.arrivalDate, '2025-09-29');
    assert.match(r.arrival, /^到账: 2025-09-29 周一/);
    assert.match(r.arrival, /23:00 后的交易记为次日交易：本笔的记账日为 2025-09-28，到账日从记账日起算/);
    await shot(page, 'quote-2330');
  });
});

test('3. a debit card swiped on its magstripe is refused, with how to fix it', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'card', cardKind: 'debit', cardMedium: 'magstripe', time: '2025-03-12T10:00', amount: '100.00' });
    const r = await result(page);
    assert.equal(r.outcome, 'refused');
    assert.equal(r.refusalCode, 'debit_chip_only');
    assert.match(r.refusal, /储蓄卡仅支持芯片卡/);
    assert.match(r.refusal, /请插卡/);
    assert.equal(r.arrival, '');
    assert.match(r.rule, /若收款，手续费为 0\.50/);
    await shot(page, 'quote-debit-magstripe-refused');
  });
});

test('4. a QR payment above the single cap is refused naming the binding cap; a used-up daily quota names what is left', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'qr', wallet: 'wechat', time: '2025-10-03T03:00', amount: '2000.00' });
    let r = await result(page);
    assert.equal(r.refusalCode, 'single_limit_exceeded');
    assert.match(r.refusal, /单笔上限 1,000\.00 元（渠道）/);
    assert.match(r.refusal, /今日剩余 300,000\.00 元（扫码）/);
    assert.match(r.refusal, /超过单笔限额 1000\.00 元：微信和银联扫码没有大额模式，此限额无法提升/);
    assert.match(r.refusal, /可以怎么做.*请顾客改用银行卡刷卡或云闪付支付/);
    assert.doesNotMatch(r.refusal, /人脸识别|分笔/);
    await shot(page, 'quote-single-limit-refused');
    // Daily: 299,500 of the 300,000 credit quota already used today.
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-10-10T10:00', amount: '1000.00' });
    await page.click('#usage summary');
    await page.fill('#used-credit', '299500.00');
    r = await result(page);
    assert.equal(r.refusalCode, 'daily_limit_exceeded');
    assert.match(r.refusal, /超过今日剩余额度 500\.00 元（单日限额 300000\.00 元）：已是本方案的最高单日限额，无法提升/);
    assert.match(r.refusal, /今日剩余 500\.00 元（信用卡额度）/);
    await shot(page, 'quote-daily-limit-refused');
    // Lowering the amount to what is left goes through.
    await fillQuote(page, { amount: '500.00' });
    r = await result(page);
    assert.equal(r.outcome, 'accepted');
    assert.match(r.limits, /收款后今日剩余 0\.00 元/);
    await shot(page, 'quote-daily-limit-after');
  });
});

test('5. an invalid amount shows the error next to the field and loses nothing from the form', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'qr', wallet: 'alipay', time: '2025-10-03T03:00', amount: '12.345' });
    const err = page.locator('#amount-error');
    assert.equal(await err.isVisible(), true);
    assert.match(await err.textContent(), /超过两位小数/);
    assert.equal(await page.getAttribute('#amount', 'aria-invalid'), 'true');
    const r = await result(page);
    assert.equal(r.bodyShown, false);
    assert.match(r.error, /超过两位小数/);
    // Nothing lost: the typed amount, the method, the wallet and the time are still there.
    assert.equal(await page.inputValue('#amount'), '12.345');
    assert.equal(await page.isChecked('#method-qr'), true);
    assert.equal(await page.inputValue('#wallet'), 'alipay');
    assert.equal(await page.inputValue('#time'), '2025-10-03T03:00');
    await shot(page, 'quote-invalid-amount');
    // Other bad amounts, each with the package's reason.
    for (const [bad, text] of [['-5', /正负号/], ['abc', /格式不正确/], ['0', /./]]) {
      await fillQuote(page, { amount: bad });
      assert.equal(await err.isVisible(), true, bad);
      assert.match(await err.textContent(), text, bad);
    }
    // Fixing it brings the answer back at once.
    await fillQuote(page, { amount: '12.34' });
    assert.equal(await err.isVisible(), false);
    const ok = await result(page);
    assert.equal(ok.outcome, 'accepted');
    assert.equal(ok.fee, '0.05');
    assert.match(ok.arrival, /实时到账/);
  });
});

test('6. a QR payment at 03:00 on a holiday arrives in real time; a debit card at 6,000 is capped at 25.00', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'qr', wallet: 'wechat', time: '2025-10-03T03:00', amount: '88.00' });
    let r = await result(page);
    assert.equal(r.fee, '0.33');
    assert.equal(r.arrival, '到账: 实时到账（T+0），2025-10-03 周五');
    assert.match(r.rule, /F1 扫码支付 0\.38%/);
    await fillQuote(page, { method: 'card', cardKind: 'debit', cardMedium: 'chip', time: '2025-10-10T10:00', amount: '6000.00' });
    r = await result(page);
    assert.equal(r.fee, '25.00（已封顶）');
    assert.equal(r.net, '5,975.00');
    assert.match(r.rule, /F3 储蓄卡 0\.50%，封顶 25\.00 元/);
    // Friday 10-10, T+1: Saturday 10-11 is an adjusted working day.
    assert.match(r.arrival, /^到账: 2025-10-11 周六.*（调休上班日）$/);
    await shot(page, 'quote-debit-capped');
  });
});

test('7. small contactless, then a new unverified merchant hits the tier cap (merchant profile panel)', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'contactless', cardKind: 'credit', time: '2025-03-12T10:00', amount: '800.00' });
    let r = await result(page);
    assert.equal(r.ruleId, 'F2');
    assert.match(r.rule, /小额免密/);
    assert.equal(r.fee, '3.04');
    assert.equal(await page.isHidden('#cardMedium'), true, 'card medium does not apply to contactless');
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', amount: '20000.00' });
    await page.selectOption('#tier', 'new');
    await page.selectOption('#verification', 'none');
    r = await result(page);
    assert.equal(r.refusalCode, 'single_limit_exceeded');
    assert.match(r.refusal, /单笔上限 10,000\.00 元（商户等级）/);
    // Not activated: every payment refused.
    await page.setChecked('#activated', false);
    r = await result(page);
    assert.equal(r.refusalCode, 'merchant_not_activated');
    // A wallet not enabled.
    await page.setChecked('#activated', true);
    await page.setChecked('#w-alipay-enabled', false);
    await fillQuote(page, { method: 'qr', wallet: 'alipay', amount: '50.00' });
    r = await result(page);
    assert.equal(r.refusalCode, 'wallet_not_enabled');
    await shot(page, 'quote-merchant-panel');
  });
});

test('8. a date past the calendar: warning in the footer, calendar_not_covered next to the time, provisional answer on request', async () => {
  await withPage({}, async (page) => {
    const versions = new pkg.Engine().dataVersions();
    const foot = await page.textContent('#versions');
    assert.match(foot, new RegExp(`posfee ${versions.library}`));
    assert.match(foot, new RegExp(`${versions.planId} ${versions.planVersion.replace(/\./g, '\\.')}`));
    assert.match(foot, /2023–2026/);
    assert.match(foot, new RegExp(`日历覆盖至 ${versions.calendarValidUntil}`));
    assert.equal(await page.isVisible('#cal-warning'), false);
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2026-12-31T22:30', amount: '100.00' });
    let r = await result(page);
    assert.match(r.error, /2027/);
    assert.match(await page.textContent('#time-error'), /2027/);
    // The payment is inside the calendar, but its arrival needs 2027: warned too.
    assert.equal(await page.isVisible('#cal-warning'), true);
    assert.match(await page.textContent('#cal-warning'), /2027 年的节假日安排/);
    await fillQuote(page, { time: '2027-01-04T10:00' });
    assert.equal(await page.isVisible('#cal-warning'), true);
    assert.match(await page.textContent('#cal-warning'), /超出日历覆盖范围（至 2026-12-31）/);
    await fillQuote(page, { time: '2026-12-31T22:30' });
    await page.check('#provisional');
    r = await result(page);
    assert.equal(r.outcome, 'accepted');
    assert.match(r.arrival, /2027-01-01.*临时估算/);
    await shot(page, 'quote-calendar-not-covered');
  });
});

test('9. English switch: labels, the arrival sentence and the package messages change language; back to Chinese', async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00', amount: '1000.00' });
    await page.click('#lang-switch');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('label[for="amount"]'), 'Amount (yuan)');
    let r = await result(page);
    assert.equal(r.arrival, 'Arrives: Thu 2025-10-09, the first working day after the National Day holiday');
    assert.match(r.rule, /Rule F5 Credit card swipe\/insert 0\.55%/);
    assert.equal(await page.inputValue('#amount'), '1000.00', 'the form survives the switch');
    await fillQuote(page, { cardKind: 'debit', cardMedium: 'magstripe' });
    r = await result(page);
    assert.match(r.refusal, /debit cards are chip only/);
    await fillQuote(page, { amount: '1.234' });
    assert.match(await page.textContent('#amount-error'), /more than two decimals/);
    await fillQuote(page, { amount: '1000.00', cardKind: 'credit', cardMedium: 'chip' });
    assert.match(await page.textContent('#versions'), /calendar covers until 2026-12-31/);
    await shot(page, 'quote-english');
    await page.click('#tab-charts');
    assert.match(await page.textContent('#compare-summary'), /A month: 优POS/);
    await shot(page, 'charts-english');
    await page.click('#lang-switch');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.match(await page.textContent('#compare-summary'), /每月：优POS/);
  });
});

test('10. charts: fee against amount per channel with the debit cap kink; a month under 优POS against 0.6% + 3', async () => {
  await withPage({ hash: '#charts' }, async (page) => {
    assert.equal(await page.isVisible('#view-charts'), true);
    const series = await page.$$eval('#fee-chart path.series', (ps) => ps.map((p) => p.dataset.series));
    assert.deepEqual(series, ['credit', 'debit', 'qr', 'contactless', 'reference']);
    assert.equal(await page.getAttribute('#fee-chart', 'data-kink'), '5000.00:25.00');
    assert.match(await page.textContent('#fee-chart'), /封顶 25\.00 元（5,000\.00 元起）/);
    // The comparison is the package's compare() of the default mix.
    const mix = [
      { payment: { method: 'card', cardKind: 'credit', cardMedium: 'chip', amount: '1500.00' }, count: 60 },
      { payment: { method: 'card', cardKind: 'debit', cardMedium: 'chip', amount: '800.00' }, count: 30 },
      { payment: { method: 'qr', wallet: 'wechat', amount: '80.00' }, count: 200 },
      { payment: { method: 'contactless', cardKind: 'credit', amount: '300.00' }, count: 40 },
      { payment: { method: 'contactless', cardKind: 'credit', amount: '2000.00' }, count: 5 },
    ];
    const c = pkg.compare(pkg.Plan.upos(), pkg.Plan.reference(), MERCHANT, mix);
    const summary = await page.locator('#compare-summary');
    assert.equal(await summary.getAttribute('data-total-a'), c.totalA);
    assert.equal(await summary.getAttribute('data-total-b'), c.totalB);
    assert.match(await summary.textContent(), /优POS 省/);
    assert.equal(await page.locator('#compare-chart rect.bar').count(), 2 * (mix.length + 1));
    await shot(page, 'charts');
    // Typing in the mix updates the bars; a bad amount is flagged, not thrown.
    await page.fill('#mix-amount-0', '1500.005');
    assert.match(await page.textContent('#mix-error'), /超过两位小数/);
    await page.fill('#mix-amount-0', '2000.00');
    const c2 = pkg.compare(pkg.Plan.upos(), pkg.Plan.reference(), MERCHANT, [{ ...mix[0], payment: { ...mix[0].payment, amount: '2000.00' } }, ...mix.slice(1)]);
    assert.equal(await summary.getAttribute('data-total-a'), c2.totalA);
    // The premium credit rate lowers the 优POS side.
    await page.click('#tab-quote');
    await page.selectOption('#creditRate', 'premium');
    await page.click('#tab-charts');
    const c3 = pkg.compare(pkg.Plan.upos(), pkg.Plan.reference(), { ...MERCHANT, creditRate: 'premium' }, [{ ...mix[0], payment: { ...mix[0].payment, amount: '2000.00' } }, ...mix.slice(1)]);
    assert.equal(await summary.getAttribute('data-total-a'), c3.totalA);
  });
});

test('11. activation cashback: progress toward 5,000 and 10,000', async () => {
  await withPage({ hash: '#activation' }, async (page) => {
    await page.fill('#volume', '');
    await page.locator('#volume').pressSequentially('6000');
    assert.equal(await page.getAttribute('#act-bar', 'aria-valuenow'), '6000');
    assert.equal(await page.getAttribute('#act-bar', 'aria-valuemax'), '10000');
    const marks = await page.$$eval('#act-marks .mark', (ms) => ms.map((m) => [m.dataset.volume, m.classList.contains('reached')]));
    assert.deepEqual(marks, [['5000.00', true], ['10000.00', false]]);
    assert.match(await page.textContent('#act-figures'), /已返现150\.00/);
    assert.match(await page.textContent('#act-figures'), /激活净成本149\.00/);
    assert.equal(await page.textContent('#act-next'), '下一档：累计 10,000.00 元返 50.00 元，还差 4,000.00 元');
    await shot(page, 'activation');
    await page.fill('#volume', '12000');
    assert.equal(await page.textContent('#act-next'), '全部返现已到手');
    assert.match(await page.textContent('#act-figures'), /激活净成本99\.00/);
    await page.fill('#volume', '-1');
    assert.match(await page.textContent('#volume-error'), /正负号/);
  });
});

test('12. phone width: one column, no sideways scrolling, every view', async () => {
  await withPage({ width: 390, height: 844 }, async (page) => {
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00', amount: '1000.00' });
    const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, 'no horizontal overflow on the quote view');
    const boxes = await page.evaluate(() => ['quote-form', 'result', 'merchant-form'].map((id) => document.getElementById(id).getBoundingClientRect()).map((b) => [Math.round(b.left), Math.round(b.width)]));
    assert.ok(boxes.every(([, w]) => w > 300), 'panels take the full width');
    assert.equal(new Set(boxes.map(([l]) => l)).size, 1, 'panels stacked in one column');
    await shot(page, 'phone-quote');
    for (const v of ['charts', 'activation']) {
      await page.click(`#tab-${v}`);
      assert.ok((await overflow()) <= 0, `no horizontal overflow on ${v}`);
      await shot(page, `phone-${v}`);
    }
  });
});

test('13. accessible form: every control is labelled; errors are announced and tied to their field', async () => {
  await withPage({}, async (page) => {
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
      .filter((e) => e.type !== 'hidden')
      .filter((e) => !(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')))
      .map((e) => e.id || e.name));
    assert.deepEqual(unlabelled, []);
    assert.equal(await page.getAttribute('#amount', 'aria-describedby'), 'amount-error');
    assert.equal(await page.getAttribute('#amount-error', 'role'), 'alert');
    assert.equal(await page.getAttribute('#result', 'aria-live'), 'polite');
    // The labels are usable: clicking a method's label picks it.
    await page.click('label[for="method-qr"]');
    assert.equal(await page.isChecked('#method-qr'), true);
    assert.equal(await page.isVisible('#wallet'), true);
    // Keyboard: tabs move with the arrow keys.
    await page.focus('#tab-quote');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-charts', 'aria-selected'), 'true');
  });
});

test('14. the time defaults to now in China time', async () => {
  await withPage({}, async (page) => {
    const value = await page.inputValue('#time');
    const now = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    assert.equal(value.slice(0, 10), now);
    assert.match(value, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const r = await result(page);
    assert.ok(r.outcome === 'accepted' || r.error !== '', 'the default form gives an answer');
  });
});

test('15. audit: upload a CSV statement, progress bar, findings table, money at stake', { skip: !features.audit && 'the package has no Auditor yet' }, async () => {
  await withPage({ hash: '#audit' }, async (page) => {
    assert.equal(await page.isVisible('#tab-audit'), true);
    await page.fill('#audit-asof', '2025-10-20T00:00');
    await page.setInputFiles('#audit-file', new URL('../sample-statement.csv', import.meta.url).pathname);
    await page.waitForSelector('#audit-table:not([hidden])', { timeout: 20000 });
    assert.equal(await page.getAttribute('#audit-progress', 'aria-valuenow'), '100');
    const codes = await page.$$eval('#audit-table tbody tr', (rs) => rs.map((r) => r.dataset.code));
    assert.ok(codes.includes('fee_overcharged'), codes.join(','));
    assert.ok(codes.includes('duplicate_settlement'), codes.join(','));
    assert.ok(codes.includes('unjudgeable'), codes.join(','));
    assert.match(await page.textContent('#audit-summary'), /涉及金额合计/);
    // The money at stake is the package's own summary of the same statement.
    const auditor = new pkg.Auditor(new pkg.Engine(), MERCHANT, '2025-10-20T00:00');
    auditor.feedCsv(new Uint8Array(readFileSync(new URL('../sample-statement.csv', import.meta.url))));
    auditor.finishCsv();
    const want = auditor.summary();
    const stake = await page.$$eval('#audit-summary [data-key]', (ds) => Object.fromEntries(ds.map((d) => [d.dataset.key, d.querySelector('dd').textContent])));
    for (const k of ['overcharged', 'netMismatch', 'duplicates', 'settledLate', 'notSettled']) assert.equal(stake[k].replace(/,/g, ''), want[k], k);
    assert.match(await page.textContent('#audit-summary'), new RegExp(`${want.lines} 行`));
    await shot(page, 'audit');
    // The sample button audits the same statement again: the rows of the
    // first run are marked, so only a finished second run satisfies the wait.
    await page.$eval('#audit-table tbody', (b) => { for (const r of b.children) r.dataset.stale = '1'; });
    await page.click('#audit-sample');
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('#audit-table tbody tr');
      return rows.length > 0 && ![...rows].some((r) => r.dataset.stale)
        && document.getElementById('audit-progress-label').textContent.includes('完成');
    });
    assert.deepEqual(await page.$$eval('#audit-table tbody tr', (rs) => rs.map((r) => r.dataset.code)), codes);
  });
});

test('15b. audit: a GBK statement with Chinese columns, a title row and a 合计 row; a column fixed; results downloaded', { skip: !features.audit && 'the package has no Auditor yet' }, async () => {
  // The GBK statement of the conformance vectors (tests/vectors/statements.json).
  const cases = JSON.parse(readFileSync(new URL('../../tests/vectors/statements.json', import.meta.url), 'utf8')).cases;
  const gbk = Buffer.from(cases.find((c) => c.id === 'statement-gbk-detected').input.statement_hex, 'hex');
  await withPage({ hash: '#audit' }, async (page) => {
    await page.fill('#audit-asof', '2025-03-20T00:00');
    await page.setInputFiles('#audit-file', { name: '对账单.csv', mimeType: 'text/csv', buffer: gbk });
    await page.waitForSelector('#audit-layout:not([hidden]) #audit-encoding', { timeout: 20000 });
    assert.equal(await page.getAttribute('#audit-encoding', 'data-encoding'), 'gb18030');
    assert.match(await page.textContent('#audit-encoding'), /第 2 行/);
    const mapped = await page.$$eval('#audit-columns tbody tr', (rs) => rs.map((r) => [r.cells[0].textContent, r.dataset.field]));
    assert.deepEqual(mapped.slice(0, 3), [['流水号', 'id'], ['交易时间', 'time'], ['交易金额', 'amount']]);
    assert.equal(await page.getAttribute('.totals-check', 'data-agrees'), 'true');
    assert.match(await page.textContent('#audit-summary'), /2 行：2 行无问题/);
    await shot(page, 'audit-gbk');
    // The merchant reads 结算金额 as nothing: the totals row's net can no
    // longer be checked, the lines are still audited.
    await page.selectOption('#audit-layout select[data-column="结算金额"]', { index: 0 });
    await page.click('#audit-rerun');
    await page.waitForFunction(() => !document.querySelector('.totals-check li[data-field="net_settled"]') && document.querySelector('#audit-columns tr[data-field=""] td')?.textContent === '结算金额', null, { timeout: 20000 });
    // The results as CSV, UTF-8 with a byte-order mark.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#audit-download')]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const rows = text.slice(1).trim().split('\r\n');
    assert.equal(rows[0], '行,流水号,状态,发现,应收手续费,实收手续费,涉及金额,说明');
    assert.deepEqual(rows.slice(1).map((r) => r.split(',').slice(0, 3)), [['3', 'S1', '无问题'], ['4', 'S2', '无问题']]);
  });
});

test('15c. audit: the same statement as an .xlsx workbook, read by the module loaded for it', { skip: !features.audit && 'the package has no Auditor yet' }, async () => {
  // The vectors' workbook (tests/vectors/tools/statement_xlsx.py writes it).
  const cases = JSON.parse(readFileSync(new URL('../../tests/vectors/statements.json', import.meta.url), 'utf8')).cases;
  const book = Buffer.from(cases.find((c) => c.id === 'statement-xlsx').input.workbook_hex, 'hex');
  await withPage({ hash: '#audit' }, async (page) => {
    const wasm = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname.split('/').pop()));
    await page.fill('#audit-asof', '2025-03-20T00:00');
    // The .xlsx reader is fetched only now, for a workbook.
    assert.ok(!wasm.includes('posfee_xlsx_bg.wasm'), `fetched before a workbook: ${wasm}`);
    await page.setInputFiles('#audit-file', { name: '对账单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: book });
    await page.waitForSelector('#audit-layout:not([hidden]) #audit-encoding', { timeout: 20000 });
    assert.ok(wasm.includes('posfee_xlsx_bg.wasm'), `fetched: ${wasm}`);
    assert.equal(await page.getAttribute('#audit-encoding', 'data-encoding'), 'xlsx');
    assert.match(await page.textContent('#audit-encoding'), /Excel 工作簿.*第 2 行/);
    const mapped = await page.$$eval('#audit-columns tbody tr', (rs) => rs.map((r) => [r.cells[0].textContent, r.dataset.field]));
    assert.deepEqual(mapped.slice(0, 3), [['流水号', 'id'], ['交易时间', 'time'], ['交易金额', 'amount']]);
    assert.equal(await page.getAttribute('.totals-check', 'data-agrees'), 'true');
    assert.match(await page.textContent('#audit-summary'), /2 行：2 行无问题/);
    assert.match(await page.textContent('#audit-progress-label'), /2/);
    await shot(page, 'audit-xlsx');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#audit-download')]);
    const rows = readFileSync(await download.path(), 'utf8').slice(1).trim().split('\r\n');
    assert.deepEqual(rows.slice(1).map((r) => r.split(',').slice(0, 3)), [['3', 'S1', '无问题'], ['4', 'S2', '无问题']]);
  });
});

test('16. troubleshooting: what happened, ranked causes and actions', { skip: !features.diagnose && 'the package has no diagnose yet' }, async () => {
  await withPage({ hash: '#diagnose' }, async (page) => {
    assert.equal(await page.isVisible('#tab-diagnose'), true);
    await page.selectOption('#diag-situation', 'declined');
    await page.setChecked('#diag-use-payment', false);
    await page.fill('#diag-message', '二维码已失效，请重新生成');
    await page.waitForSelector('#diag-result .causes li');
    assert.equal(await page.getAttribute('#diag-result .causes li:first-child', 'data-code'), 'qr_expired');
    assert.match(await page.textContent('#diag-result'), /4001125883/);
    await shot(page, 'diagnose');
    // Not arrived, about the Quote view's payment: simply not due yet, with the date.
    await page.click('#tab-quote');
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00', amount: '1000.00' });
    await page.click('#tab-diagnose');
    await page.fill('#diag-message', '');
    await page.selectOption('#diag-situation', 'not_arrived');
    await page.setChecked('#diag-use-payment', true);
    await page.fill('#diag-asof', '2025-10-05T10:00');
    assert.equal(await page.getAttribute('#diag-result [data-not-due]', 'data-not-due'), '2025-10-09');
    assert.match(await page.textContent('#diag-result [data-not-due]'), /预计 2025-10-09 周四 到账/);
    await shot(page, 'diagnose-not-due');
  });
});

test('22. advice a merchant can trust: a WeChat QR of 1,500 cannot be raised; records missing; a heuristic is labelled; in Chinese and English', { skip: !features.diagnose && 'the package has no diagnose yet' }, async () => {
  await withPage({}, async (page) => {
    await fillQuote(page, { method: 'qr', wallet: 'wechat', time: '2025-03-12T10:00', amount: '1500.00' });
    let r = await result(page);
    assert.equal(r.refusalCode, 'single_limit_exceeded');
    assert.match(r.refusal, /微信和银联扫码没有大额模式，此限额无法提升/);
    assert.match(r.refusal, /请顾客改用银行卡刷卡或云闪付支付/);
    assert.doesNotMatch(r.refusal, /人脸识别|实名认证|分笔/);
    assert.equal(await page.isVisible('#w-unionpay-enabled'), false, 'no UnionPay switches that change nothing');
    await page.click('#lang-switch');
    r = await result(page);
    assert.match(r.refusal, /WeChat and UnionPay QR have no large-amount mode: this cap cannot be raised/);
    assert.match(r.refusal, /What you can do.*Ask the customer to pay by card or UnionPay QuickPass instead/);
    await page.click('#lang-switch');
    await page.click('#tab-diagnose');
    await page.selectOption('#diag-situation', 'records_missing');
    await page.fill('#diag-message', '');
    await page.waitForSelector('#diag-result .causes li');
    let text = await page.textContent('#diag-result');
    assert.match(text, /交易记录缺失/);
    assert.equal(await page.getAttribute('#diag-result .causes li:first-child', 'data-code'), 'terminal_not_synced');
    assert.match(text, /同步数据/);
    assert.match(text, /解除风控限制（4001125883）/);
    assert.doesNotMatch(text, /经验判断/);
    // A keyword of posfee's own list ranks a cause: the page says it is posfee's heuristic.
    await page.fill('#diag-message', 'APP版本过低');
    await page.waitForSelector('#diag-result .heuristic-note');
    assert.equal(await page.getAttribute('#diag-result .causes li:first-child', 'data-code'), 'app_outdated');
    text = await page.textContent('#diag-result');
    assert.match(text, /posfee 的经验判断/);
    assert.match(await page.textContent('#diag-result .heuristic-note'), /posfee 的经验判断：终端提示中的关键词/);
    await shot(page, 'diagnose-records-missing');
    await page.click('#lang-switch');
    await page.waitForSelector('#diag-result .heuristic-note');
    text = await page.textContent('#diag-result');
    assert.match(text, /Transaction records missing/);
    assert.match(text, /posfee's own heuristic/);
    assert.match(await page.textContent('#diag-result .heuristic-note'), /posfee's own heuristic: keywords in the terminal's message/);
    await shot(page, 'diagnose-records-missing-english');
  });
});

test('17. without Auditor or diagnose in the package, their tabs stay hidden', async () => {
  await withPage({}, async (page) => {
    assert.equal(await page.isVisible('#tab-audit'), features.audit);
    assert.equal(await page.isVisible('#tab-diagnose'), features.diagnose);
  });
});

// The month's mix the charts view starts with, and the contract its form is preset with.
const DEFAULT_MIX = [
  { payment: { method: 'card', cardKind: 'credit', cardMedium: 'chip', amount: '1500.00' }, count: 60 },
  { payment: { method: 'card', cardKind: 'debit', cardMedium: 'chip', amount: '800.00' }, count: 30 },
  { payment: { method: 'qr', wallet: 'wechat', amount: '80.00' }, count: 200 },
  { payment: { method: 'contactless', cardKind: 'credit', amount: '300.00' }, count: 40 },
  { payment: { method: 'contactless', cardKind: 'credit', amount: '2000.00' }, count: 5 },
];
const PRESET_CONTRACT = { rates: { credit: '0.60', debit: '0.50', qr: '0.38', smallContactless: '0.38', contactless: '0.60' }, debitCap: '20.00', fixedFee: '3.00' };
const contractAnswer = (contract, merchant = MERCHANT, mix = DEFAULT_MIX) => pkg.compareContract(contract, pkg.Plan.upos(), pkg.Plan.upos(), merchant, mix);
const group = (s) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** The contract panel as shown: the verdict and the per-channel table. */
async function contractPanel(page) {
  return page.evaluate(() => {
    const v = document.getElementById('contract-verdict');
    const rows = [...document.querySelectorAll('#contract-table tr[data-channel]')].map((tr) => ({
      channel: tr.dataset.channel,
      name: tr.querySelector('th').textContent,
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
    }));
    return { verdict: v.textContent, cheaper: v.dataset.cheaper ?? '', totalA: v.dataset.totalA ?? '', totalB: v.dataset.totalB ?? '', shown: !document.getElementById('contract-answer').hidden, rows };
  });
}
function assertTable(panel, c, lang = 'zh') {
  const want = c.channels.map((ch) => ({ channel: ch.channel, name: lang === 'zh' ? ch.nameZh : ch.nameEn, a: group(ch.totalA), b: group(ch.totalB) }));
  const got = panel.rows.filter((r) => r.channel !== 'total').map((r) => ({ channel: r.channel, name: r.name, a: r.cells[1], b: r.cells[2] }));
  assert.deepEqual(got, want);
  const total = panel.rows.find((r) => r.channel === 'total');
  assert.deepEqual([total.cells[1], total.cells[2]], [group(c.totalA), group(c.totalB)]);
}

test('18. my own contract against 优POS: an answer on load, per channel; a cheaper contract flips the verdict', async () => {
  await withPage({ hash: '#charts' }, async (page) => {
    const c = contractAnswer(PRESET_CONTRACT);
    let panel = await contractPanel(page);
    assert.equal(panel.shown, true);
    assert.equal(panel.cheaper, c.cheaper);
    assert.equal(panel.totalA, c.totalA);
    assert.equal(panel.totalB, c.totalB);
    assert.equal(c.channels.length, 5, 'the default mix uses all five channels');
    assertTable(panel, c);
    assert.equal(panel.verdict, c.cheaper === 'b'
      ? `优POS 每月便宜 ${group(c.saving)} 元（我的合同 ${group(c.totalA)} 元，优POS ${group(c.totalB)} 元）`
      : `你的合同每月便宜 ${group(c.saving)} 元（我的合同 ${group(c.totalA)} 元，优POS ${group(c.totalB)} 元）`);
    // The difference column is 优POS − my contract, per channel.
    const qr = panel.rows.find((r) => r.channel === 'qr');
    const qrWant = c.channels.find((ch) => ch.channel === 'qr').difference;
    assert.equal(qr.cells[3].replace('−', '-').replace('+', ''), qrWant);
    await page.locator('#contract-form').scrollIntoViewIfNeeded();
    await shot(page, 'charts-contract');
    // A cheaper credit rate: the answer follows at once.
    await page.fill('#contract-credit', '0.45');
    const c2 = contractAnswer({ ...PRESET_CONTRACT, rates: { ...PRESET_CONTRACT.rates, credit: '0.45' } });
    panel = await contractPanel(page);
    assert.equal(panel.totalA, c2.totalA);
    assert.notEqual(c2.totalA, c.totalA);
    assertTable(panel, c2);
    // No fixed fee and low rates: now the contract is the cheaper one.
    const cheap = { rates: { credit: '0.45', debit: '0.30', qr: '0.20', smallContactless: '0.20', contactless: '0.45' }, debitCap: '20.00' };
    await page.fill('#contract-fixedFee', '');
    for (const [k, v] of Object.entries({ debit: '0.30', qr: '0.20', smallContactless: '0.20', contactless: '0.45' })) await page.fill(`#contract-${k}`, v);
    const c3 = contractAnswer(cheap);
    assert.equal(c3.cheaper, 'a', 'the cheap contract beats 优POS');
    assert.notEqual(c3.cheaper, c.cheaper, 'the verdict flips');
    panel = await contractPanel(page);
    assert.equal(panel.cheaper, 'a');
    assert.equal(panel.verdict, `你的合同每月便宜 ${group(c3.saving)} 元（我的合同 ${group(c3.totalA)} 元，优POS ${group(c3.totalB)} 元）`);
    assertTable(panel, c3);
    // The mix above feeds it too.
    await page.fill('#mix-count-2', '0');
    const c4 = contractAnswer(cheap, MERCHANT, DEFAULT_MIX.filter((_, i) => i !== 2));
    panel = await contractPanel(page);
    assert.equal(panel.totalA, c4.totalA);
    assert.equal(panel.rows.some((r) => r.channel === 'qr'), false);
    // English: the channel names and the verdict change language.
    await page.click('#lang-switch');
    panel = await contractPanel(page);
    assertTable(panel, c4, 'en');
    assert.match(panel.verdict, /^Your contract is cheaper by /);
    assert.equal(await page.textContent('label[for="contract-credit"]'), 'Credit card swipe/insert (%)');
    await shot(page, 'charts-contract-english');
  });
});

test('19. a bad contract rate or amount shows the package error next to its field, never fixed silently', async () => {
  await withPage({ hash: '#charts' }, async (page) => {
    const err = (field) => { try { contractAnswer(field); } catch (e) { return e; } throw new Error('no error'); };
    const strip = (m) => m.replace(/^[A-Za-z_][\w.[\]]*\s*[：:]\s*/, '');
    await page.fill('#contract-credit', 'abc');
    const e1 = err({ ...PRESET_CONTRACT, rates: { ...PRESET_CONTRACT.rates, credit: 'abc' } });
    assert.equal(e1.field, 'contract.rates.credit');
    assert.equal(await page.isVisible('#contract-credit-error'), true);
    assert.equal(await page.textContent('#contract-credit-error'), strip(e1.messageZh));
    assert.equal(await page.getAttribute('#contract-credit', 'aria-invalid'), 'true');
    assert.equal(await page.isVisible('#contract-answer'), false, 'no answer from a bad contract');
    assert.equal(await page.inputValue('#contract-credit'), 'abc', 'what was typed stays');
    await page.locator('#contract-form').scrollIntoViewIfNeeded();
    await shot(page, 'charts-contract-bad-rate');
    await page.fill('#contract-credit', '120');
    const e2 = err({ ...PRESET_CONTRACT, rates: { ...PRESET_CONTRACT.rates, credit: '120' } });
    assert.equal(await page.textContent('#contract-credit-error'), strip(e2.messageZh));
    assert.match(await page.textContent('#contract-credit-error'), /100%/);
    await page.click('#lang-switch');
    assert.equal(await page.textContent('#contract-credit-error'), strip(e2.messageEn));
    await page.click('#lang-switch');
    await page.fill('#contract-credit', '0.60');
    assert.equal(await page.isVisible('#contract-credit-error'), false);
    assert.equal(await page.isVisible('#contract-answer'), true);
    // The fixed fee, the debit cap: each next to its own field.
    await page.fill('#contract-fixedFee', '3.001');
    const e3 = err({ ...PRESET_CONTRACT, fixedFee: '3.001' });
    assert.equal(e3.field, 'contract.fixedFee');
    assert.equal(await page.textContent('#contract-fixedFee-error'), strip(e3.messageZh));
    await page.fill('#contract-fixedFee', '3.00');
    await page.fill('#contract-debitCap', '-20');
    assert.equal(await page.isVisible('#contract-debitCap-error'), true);
    await page.fill('#contract-debitCap', '');
    assert.equal(await page.isVisible('#contract-debitCap-error'), false);
    assert.equal((await contractPanel(page)).totalA, contractAnswer({ ...PRESET_CONTRACT, debitCap: undefined }).totalA);
  });
});

const HOLIDAY_CN_2027 = fileURLToPath(new URL('../../tests/calendars/holiday-cn-2027-fictional.json', import.meta.url));

test('20. loading a holiday-cn year (fictional test data) extends the coverage; arrivals name the loaded data; a second load is refused', async () => {
  await withPage({}, async (page) => {
    // Expected: the package in Node, given the same file.
    const engine = new pkg.Engine();
    engine.loadCalendar(readFileSync(HOLIDAY_CN_2027, 'utf8'));
    const until = engine.calendar.validUntil;
    assert.equal(until, '2027-12-31');
    const payment = { amount: '100.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2026-12-31T22:30' };
    const want = engine.quote(MERCHANT, payment);
    const loaded = want.arrival.calendar.find((y) => y.origin === 'loaded');
    assert.equal(loaded.year, 2027);
    // Before: past the calendar.
    await fillQuote(page, payment);
    assert.match((await result(page)).error, /2027/);
    await page.click('#cal-update summary');
    await page.setInputFiles('#cal-file', HOLIDAY_CN_2027);
    await page.waitForFunction(() => document.getElementById('cal-json').value.includes('"year"'));
    await page.click('#cal-load');
    await page.waitForSelector('#cal-update-status[data-outcome="ok"]');
    const status = await page.textContent('#cal-update-status');
    assert.match(status, /已加载 2027 年（数据版本 未标版本）；日历现覆盖至 2027-12-31/);
    const papers = await page.$$eval('#cal-update-status a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(papers, engine.calendar.versions().find((y) => y.year === 2027).papers);
    // The footer's coverage line follows.
    assert.equal(await page.getAttribute('#versions', 'data-valid-until'), until);
    assert.match(await page.textContent('#versions'), /2023–2027/);
    assert.match(await page.textContent('#versions'), /日历覆盖至 2027-12-31/);
    assert.match(await page.textContent('#versions'), /已加载：2027 年/);
    // The quote now has an arrival, from the loaded year, and says so.
    const r = await result(page);
    assert.equal(r.outcome, 'accepted');
    assert.equal(r.arrivalDate, want.arrival.date);
    assert.match(r.arrival, new RegExp(`^到账: ${want.arrival.date}`));
    assert.equal(await page.isVisible('#cal-warning'), false);
    assert.equal(await page.textContent('#r-calsource'), '按已加载的 2027 年数据（版本 未标版本）');
    // The month calendar shows the loaded days off.
    const kind = await page.getAttribute(`#month-calendar td[data-date="${want.arrival.date}"]`, 'class');
    assert.match(kind, /\barrive\b/);
    assert.match(await page.getAttribute('#month-calendar td[data-date="2027-01-01"]', 'class'), /k-holiday/);
    await shot(page, 'calendar-loaded');
    // A payment inside the embedded years names no loaded data.
    await fillQuote(page, { time: '2025-09-30T22:00' });
    assert.equal(await page.isVisible('#r-calsource'), false);
    await fillQuote(page, { time: '2027-02-05T22:30' });
    const w2 = engine.quote(MERCHANT, { ...payment, time: '2027-02-05T22:30' });
    assert.equal((await result(page)).arrivalDate, w2.arrival.date);
    assert.equal(await page.isVisible('#r-calsource'), true);
    // English.
    await page.click('#lang-switch');
    assert.equal(await page.textContent('#r-calsource'), 'From loaded 2027 data (version unversioned)');
    assert.match(await page.textContent('#cal-update-status'), /Loaded 2027 \(data version unversioned\); the calendar now covers until 2027-12-31/);
    await page.click('#lang-switch');
    // The same file again, without a newer version: refused, with the package's message.
    let refused;
    try { engine.loadCalendar(readFileSync(HOLIDAY_CN_2027, 'utf8')); } catch (e) { refused = e; }
    assert.equal(refused.code, 'calendar_year_covered');
    await page.setInputFiles('#cal-file', HOLIDAY_CN_2027);
    await page.click('#cal-load');
    await page.waitForSelector('#cal-update-status[data-outcome="error"]');
    assert.equal(await page.getAttribute('#cal-update-status', 'data-code'), 'calendar_year_covered');
    const strip = (m) => m.replace(/^[A-Za-z_][\w.[\]]*\s*[：:]\s*/, '');
    assert.match(await page.textContent('#cal-update-status'), new RegExp(strip(refused.messageZh).replace(/[()（）.]/g, '.')));
    assert.equal(await page.textContent('#cal-version-error'), strip(refused.messageZh));
    assert.match(await page.textContent('#cal-update-status'), /字段：year/);
    await page.click('#lang-switch');
    assert.equal(await page.textContent('#cal-version-error'), strip(refused.messageEn));
    await page.click('#lang-switch');
    // Nothing changed.
    assert.equal(await page.getAttribute('#versions', 'data-valid-until'), until);
    await page.locator('#cal-update').scrollIntoViewIfNeeded();
    await shot(page, 'calendar-load-refused');
    // Not JSON at all: the syntax error, next to the pasted text.
    await page.fill('#cal-json', '{"year": 2028,');
    await page.click('#cal-load');
    await page.waitForSelector('#cal-update-status[data-code="calendar_syntax"]');
    assert.equal(await page.isVisible('#cal-json-error'), true);
  });
});

test('21. phone width: the contract panel and the holiday data control fit', async () => {
  await withPage({ width: 390, height: 844, hash: '#charts' }, async (page) => {
    const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok((await overflow()) <= 0, 'no horizontal overflow with the contract panel');
    await page.locator('#contract-form').scrollIntoViewIfNeeded();
    await shot(page, 'phone-charts-contract');
    await page.click('#cal-update summary');
    await page.setInputFiles('#cal-file', HOLIDAY_CN_2027);
    await page.waitForFunction(() => document.getElementById('cal-json').value.includes('"year"'));
    await page.click('#cal-load');
    await page.waitForSelector('#cal-update-status[data-outcome="ok"]');
    assert.ok((await overflow()) <= 0, 'no horizontal overflow with the holiday data control open');
    await page.click('#tab-quote');
    await fillQuote(page, { method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2026-12-31T22:30', amount: '100.00' });
    assert.equal(await page.isVisible('#r-calsource'), true);
    assert.ok((await overflow()) <= 0, 'no horizontal overflow on the quote view');
    await shot(page, 'phone-calendar-loaded');
  });
});
