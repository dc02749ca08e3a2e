// The posfee web demo. Every fee, limit, refusal, arrival date, calendar day,
// cashback and plan comparison on this page is the posfee package's answer,
// computed here in the browser by its WebAssembly build (`web.js`, mapped to
// `posfee` by the import map in index.html). The page only reads the form,
// asks the package, and draws what it says.
import { STRINGS } from './i18n.js';
import { feeChart, barChart } from './charts.js';

const $ = (id) => document.getElementById(id);
const LANG_KEY = 'posfee-demo-lang';
let lang = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANG_KEY) ?? 'zh';
if (!STRINGS[lang]) lang = 'zh';
const t = (key) => STRINGS[lang][key];

let posfee; // the package's namespace (feature-detected: Auditor, diagnose)
let engine; // the embedded 优POS plan and calendar
let refEngine; // the industry reference plan (0.60% + 3.00) with the same calendar
let calendar; // Calendar.embedded()
let planUpos, planRef;
let lastQuote = null; // the last good answer, for the calendar and the charts' cursor
let activationMilestones = [];

// ---------------------------------------------------------------- helpers

/** "1234567.50" → "1,234,567.50": grouping only, on the string (no float). */
export function money(s) {
  if (s === null || s === undefined) return '';
  const [int, frac] = String(s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

const pad = (n) => String(n).padStart(2, '0');
function addDays(date, n) {
  const [y, m, d] = date.split('-').map(Number);
  const x = new Date(Date.UTC(y, m - 1, d + n));
  return `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`;
}
/** 0 = Monday … 6 = Sunday (the Gregorian weekday of a date). */
function weekday(date) {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
function dateWithWeekday(date) {
  const wd = t('weekdays')[weekday(date)];
  return lang === 'zh' ? `${date} ${wd}` : `${wd} ${date}`;
}
/** Now, in China time, as "YYYY-MM-DDTHH:MM". */
function chinaNow() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date()).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
/** The package's message without its leading field path ("payment.amount：…"). */
function errText(e) {
  const msg = lang === 'zh' ? e.messageZh ?? e.message : e.messageEn ?? e.message;
  return String(msg).replace(/^[A-Za-z_][\w.[\]]*\s*[：:]\s*/, '');
}
const isPosfeeError = (e) => e && typeof e === 'object' && 'code' in e && 'field' in e && ('messageZh' in e);
const dimName = (d) => (d ? t('dim')[d] ?? d : '');
const zhOrEn = (o, zh = 'zh', en = 'en') => (lang === 'zh' ? o[zh] : o[en]);
/** Replaces an element's children, leaving out the absent ones (null, false). */
function put(el, ...kids) {
  el.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
}
function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

// ---------------------------------------------------------------- form reading

function readMerchant() {
  const w = (name) => ({ enabled: $(`w-${name}-enabled`).checked, verified: $(`w-${name}-verified`).checked });
  return {
    tier: $('tier').value,
    verification: $('verification').value,
    creditRate: $('creditRate').value,
    activated: $('activated').checked,
    // UnionPay QR needs no permission or verification (RULES §5): no switches for it.
    wallets: { alipay: w('alipay'), wechat: w('wechat') },
    largeModeApproved: $('largeModeApproved').checked,
  };
}

const method = () => document.querySelector('input[name="method"]:checked').value;

/** The payment as the package takes it: only the fields that apply to the method. */
function readPayment() {
  const m = method();
  const p = { amount: $('amount').value.trim(), method: m, time: $('time').value || null };
  if (m === 'card' || m === 'contactless') p.cardKind = $('cardKind').value;
  if (m === 'card') {
    p.cardMedium = $('cardMedium').value;
    if (p.cardMedium === 'magstripe' && p.cardKind === 'credit') p.magstripeVerified = $('magstripeVerified').checked;
  }
  if (m === 'qr') {
    p.wallet = $('wallet').value;
    if ($('largeMode').checked) p.largeMode = true;
  }
  return p;
}

function readUsage() {
  const used = {};
  const counts = {};
  for (const input of document.querySelectorAll('#usage [data-bucket]')) {
    const v = input.value.trim();
    if (v !== '') used[input.dataset.bucket] = v;
  }
  for (const input of document.querySelectorAll('#usage [data-count]')) {
    const v = input.value.trim();
    if (v !== '') counts[input.dataset.count] = Number(v);
  }
  return { used, counts };
}

/** Shows the fields that apply to the chosen method. */
function syncMethodFields() {
  const m = method();
  for (const f of document.querySelectorAll('#quote-form [data-for]')) {
    let show = f.dataset.for.split(' ').includes(m);
    if (show && f.dataset.when === 'magstripe-credit') show = $('cardMedium').value === 'magstripe' && $('cardKind').value === 'credit';
    f.hidden = !show;
  }
}

// ---------------------------------------------------------------- field errors

const FIELD_IDS = {
  'payment.amount': 'amount', 'payment.time': 'time', 'payment.method': 'method', 'payment.cardKind': 'cardKind',
  'payment.cardMedium': 'cardMedium', 'payment.wallet': 'wallet', 'payment.magstripeVerified': 'cardMedium',
  'payment.largeMode': 'wallet', calendar: 'time',
};
function fieldFor(path) {
  if (FIELD_IDS[path]) return FIELD_IDS[path];
  let m = /^usage\.used\.(\w+)/.exec(path);
  if (m && $(`used-${m[1]}`)) return `used-${m[1]}`;
  m = /^usage\.counts\.(\w+)/.exec(path);
  if (m && $(`count-${m[1]}`)) return `count-${m[1]}`;
  if (path.startsWith('merchant')) return 'merchant';
  return null;
}
function clearFieldErrors(scope) {
  for (const p of scope.querySelectorAll('.field-error')) {
    p.hidden = true;
    p.textContent = '';
  }
  for (const i of scope.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
}
function showFieldError(id, text) {
  const box = $(`${id}-error`);
  if (!box) return false;
  box.textContent = text;
  box.hidden = false;
  const input = $(id);
  if (input) input.setAttribute('aria-invalid', 'true');
  if (id.startsWith('used-') || id.startsWith('count-')) $('usage').open = true;
  return true;
}

// ---------------------------------------------------------------- quote

function updateQuote() {
  syncMethodFields();
  clearFieldErrors(document.querySelector('#view-quote'));
  const payment = readPayment();
  const merchant = readMerchant();
  const usage = readUsage();
  updateCalendarWarning(payment.time);
  let q;
  try {
    q = engine.quote(merchant, payment, usage, { provisional: $('provisional').checked });
  } catch (e) {
    if (!isPosfeeError(e)) throw e;
    lastQuote = null;
    if (e.code === 'calendar_not_covered' && e.year) updateCalendarWarning(payment.time, `${e.year}-01-01`);
    const id = fieldFor(e.field);
    if (id) showFieldError(id, errText(e));
    const box = $('r-error');
    put(box,
      h('p', { class: 'error-title', text: t('errorBox') + errText(e) }),
      h('p', { class: 'muted', text: e.code === 'calendar_not_covered' ? t('provisionalHint') : t('fixField') }),
    );
    box.dataset.code = e.code;
    box.hidden = false;
    $('r-body').hidden = true;
    renderCalendar(null, payment.time);
    if (isVisible('charts')) updateCharts();
    return;
  }
  lastQuote = q;
  updateCalendarWarning(payment.time, q.accountingDate, q.arrival?.date);
  $('r-error').hidden = true;
  $('r-body').hidden = false;
  renderQuote(q, payment);
  renderCalendar(q, payment.time);
  if (isVisible('charts')) updateCharts();
}

function holidayName(day) {
  if (lang === 'zh') return day.nameZh === '国庆节' ? '国庆' : day.nameZh;
  return day.nameEn;
}

/** The arrival sentence: the date, its weekday, and why that day (holidays skipped come from Calendar.day()). */
function arrivalSentence(q) {
  const a = q.arrival;
  if (a.realtime) return t('realtime')(dateWithWeekday(a.date));
  let text;
  const names = [];
  let weekendSkipped = false;
  let arrivalDay = null;
  try {
    const start = calendar.day(a.accountingDate).working ? addDays(a.accountingDate, 1) : a.accountingDate;
    for (let d = start; d < a.date; d = addDays(d, 1)) {
      const day = calendar.day(d);
      // the holiday the arrival day follows: the last holiday day skipped
      if (day.kind === 'holiday' && holidayName(day)) names.splice(0, names.length, holidayName(day));
      else if (day.kind === 'weekend') weekendSkipped = true;
    }
    arrivalDay = calendar.day(a.date);
  } catch {
    // a provisional answer for a year the calendar lacks: no names to give
  }
  const d = dateWithWeekday(a.date);
  if (names.length) text = t('arrivalAfterHoliday')(d, names[0]);
  else if (weekendSkipped) text = t('arrivalAfterWeekend')(d);
  else text = t('arrivalNextWorking')(d);
  if (arrivalDay && arrivalDay.kind === 'adjusted_working_day') text += t('arrivalAdjusted');
  if (a.provisional) text += t('provisionalNote')(a.uncoveredYears.join(', '));
  return text;
}

function renderQuote(q, payment) {
  const out = $('r-outcome');
  out.textContent = q.outcome === 'accepted' ? t('accepted') : t('refused');
  out.className = `outcome ${q.outcome}`;
  out.dataset.outcome = q.outcome;
  $('r-fee').textContent = money(q.fee) + (q.feeDetail.capped ? t('capped') : '');
  $('r-net').textContent = money(q.net);
  const r = q.rule;
  $('r-rule').textContent = (q.outcome === 'refused' ? `${t('wouldCost')} ${money(q.fee)} · ` : '') +
    t('ruleLine')(r.id, zhOrEn(r, 'nameZh', 'nameEn'), r.ratePercent, r.cap ? money(r.cap) : null);
  $('r-rule').dataset.rule = r.id;
  // arrival
  const arr = $('r-arrival');
  if (q.arrival) {
    arr.replaceChildren(arrivalSentence(q));
    if (q.arrival.cutoffNote) arr.append(h('span', { class: 'cutoff-note', text: ' ' + zhOrEn(q.arrival.cutoffNote) }));
    arr.dataset.date = q.arrival.date;
    arr.dataset.realtime = String(q.arrival.realtime);
    arr.hidden = false;
  } else {
    arr.hidden = true;
    arr.textContent = '';
    delete arr.dataset.date;
  }
  // where the calendar data behind the arrival came from, when a year was loaded in this page
  const src = $('r-calsource');
  const loaded = (q.arrival?.calendar ?? []).filter((y) => y.origin === 'loaded');
  if (loaded.length) {
    src.textContent = t('fromLoaded')(loaded.map((y) => ({ year: y.year, version: versionName(y.dataVersion) })));
    src.dataset.years = loaded.map((y) => y.year).join(',');
    src.hidden = false;
  } else {
    src.hidden = true;
    src.textContent = '';
    delete src.dataset.years;
  }
  const payDate = payment.time ? payment.time.slice(0, 10) : null;
  $('r-accounting').textContent = q.accountingDate !== payDate ? t('accountingNext')(q.accountingDate) : t('accounting')(q.accountingDate);
  // refusal
  const ref = $('r-refusal');
  if (q.refusal) {
    const f = q.refusal;
    const facts = [];
    if (f.code === 'single_limit_exceeded' && f.cap) facts.push(t('singleCap')(money(f.cap), dimName(f.dimension)));
    if (f.code === 'daily_limit_exceeded' && f.cap) facts.push(`${dimName(f.dimension)} ${money(f.cap)}`);
    if (f.countCap !== null) facts.push(`${dimName(f.dimension)} ≤ ${f.countCap}`);
    if (f.leftToday !== null) facts.push(t('leftToday')(money(f.leftToday), dimName(q.limits?.dailyDimension ?? f.dimension)));
    const limitRefusal = f.code === 'single_limit_exceeded' || f.code === 'daily_limit_exceeded';
    put(ref,
      h('h3', { text: t('refusalTitle') }),
      h('p', { class: 'refusal-message', text: zhOrEn(f, 'messageZh', 'messageEn') }),
      facts.length ? h('p', { class: 'refusal-facts', text: facts.join(' · ') }) : null,
      limitRefusal && f.steps?.length
        ? h('div', { class: 'refusal-steps' }, h('h4', { text: t('raiseTitle') }), h('ol', {}, f.steps.map((s) => h('li', { 'data-code': s.code, text: zhOrEn(s) }))))
        : null,
    );
    ref.dataset.code = f.code;
    ref.hidden = false;
  } else {
    ref.hidden = true;
    ref.replaceChildren();
    delete ref.dataset.code;
  }
  // limits
  const lim = $('r-limits');
  lim.replaceChildren();
  if (q.limits) {
    const l = q.limits;
    const lines = [];
    if (l.singleCap) lines.push(h('li', { class: 'binding-single', text: t('singleCap')(money(l.singleCap), dimName(l.singleDimension)) }));
    if (l.leftToday) lines.push(h('li', { class: 'left-today', text: t('leftToday')(money(l.leftToday), dimName(l.dailyDimension)) }));
    if (l.leftAfter) lines.push(h('li', { class: 'left-after', text: t('leftAfter')(money(l.leftAfter)) }));
    const rows = l.daily.map((b) => h('tr', { 'data-bucket': b.bucket },
      h('th', { scope: 'row', text: dimName(b.bucket) + (b.bucket === l.dailyDimension ? ' ★' : '') }),
      h('td', { text: b.cap ? money(b.cap) : b.countCap !== null ? String(b.countCap) : t('noCap') }),
      h('td', { text: b.countCap !== null ? String(b.usedCount) : money(b.used) }),
      h('td', { text: b.left ? money(b.left) : b.leftCount !== null ? String(b.leftCount) : '' })));
    lim.append(
      h('h3', { text: t('limitsTitle') }),
      h('ul', { class: 'limit-lines' }, lines),
      h('details', {},
        h('summary', { text: t('dailyBuckets') }),
        h('div', { class: 'table-wrap' }, h('table', { class: 'buckets' },
          h('thead', {}, h('tr', {}, [t('bucketCol'), t('capCol'), t('usedCol'), t('leftCol')].map((c) => h('th', { scope: 'col', text: c })))),
          h('tbody', {}, rows))),
        q.refusal || !l.raiseSteps.length ? null : h('div', {}, h('h4', { text: t('raiseTitle') }), h('ol', {}, l.raiseSteps.map((s) => h('li', { 'data-code': s.code, text: zhOrEn(s) }))))),
    );
  }
}

// ---------------------------------------------------------------- month calendar

function renderCalendar(q, time) {
  const host = $('month-calendar');
  const payDate = time && /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : null;
  if (!payDate) {
    host.replaceChildren();
    return;
  }
  const arrival = q?.arrival?.date ?? null;
  const accounting = q?.accountingDate ?? null;
  const months = [payDate.slice(0, 7)];
  for (const d of [accounting, arrival]) if (d && !months.includes(d.slice(0, 7))) months.push(d.slice(0, 7));
  host.replaceChildren(...months.map((ym) => monthTable(ym, payDate, arrival)));
}

function monthTable(ym, payDate, arrival) {
  const [y, m] = ym.split('-').map(Number);
  const first = `${ym}-01`;
  const daysIn = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = weekday(first);
  const cells = [];
  let uncovered = null;
  for (let i = 0; i < lead; i++) cells.push(h('td', { class: 'pad' }));
  for (let n = 1; n <= daysIn; n++) {
    const date = `${ym}-${pad(n)}`;
    let day = null;
    try {
      day = calendar.day(date);
    } catch (e) {
      if (isPosfeeError(e)) uncovered = e.year ?? y;
      else throw e;
    }
    const kind = day ? day.kind : 'unknown';
    const name = day ? zhOrEn(day, 'nameZh', 'nameEn') : null;
    const classes = ['day', `k-${kind}`];
    const tags = [];
    if (date === payDate) { classes.push('pay'); tags.push(t('tagPay')); }
    if (date === arrival) { classes.push('arrive'); tags.push(t('tagArrive')); }
    const kindLabel = { workday: t('legendWork'), weekend: t('legendWeekend'), holiday: t('legendHoliday'), adjusted_working_day: t('legendAdjusted') }[kind] ?? '';
    const marks = [date === payDate && t('legendPay'), date === arrival && t('legendArrive')];
    const label = [dateWithWeekday(date), kindLabel, name, ...marks].filter(Boolean).join(' · ');
    const short = kind === 'adjusted_working_day' ? (lang === 'zh' ? '班' : 'work') : kind === 'holiday' ? (name ?? '') : '';
    cells.push(h('td', { class: classes.join(' '), 'data-date': date, 'data-kind': kind, title: label, 'aria-label': label },
      h('span', { class: 'dnum', text: String(n) }),
      short ? h('span', { class: 'dname', text: short }) : null,
      tags.length ? h('span', { class: 'dtag', text: tags.join('/') }) : null));
  }
  while (cells.length % 7) cells.push(h('td', { class: 'pad' }));
  const rows = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(h('tr', {}, cells.slice(i, i + 7)));
  return h('div', { class: 'month' },
    h('table', { class: 'cal', 'data-month': ym },
      h('caption', { text: t('monthTitle')(y, m) }),
      h('thead', {}, h('tr', {}, t('weekdays').map((w) => h('th', { scope: 'col', text: w })))),
      h('tbody', {}, rows)),
    uncovered ? h('p', { class: 'warning small', text: t('calendarUncovered')(uncovered) }) : null);
}

// ---------------------------------------------------------------- footer

let versions = null;
function renderFooter() {
  const dv = engine.dataVersions();
  const years = dv.calendarYears.map((y) => y.year);
  const embedded = dv.calendarYears.filter((y) => y.origin !== 'loaded');
  const loaded = dv.calendarYears.filter((y) => y.origin === 'loaded');
  versions = {
    library: dv.library, planId: dv.planId, planVersion: dv.planVersion,
    years: years.length ? `${years[0]}–${years[years.length - 1]}` : '—',
    calVersion: [...new Set(embedded.map((y) => y.dataVersion))].join(', ') || '—',
    validUntil: dv.calendarValidUntil ?? calendar.validUntil ?? '—',
  };
  $('versions').textContent = t('footVersions')(versions) +
    (loaded.length ? t('footLoaded')(loaded.map((y) => ({ year: y.year, version: versionName(y.dataVersion) }))) : '');
  $('versions').dataset.validUntil = versions.validUntil;
}
/** Warns when the latest of the given dates (payment, accounting, arrival) is past the calendar. */
function updateCalendarWarning(...dates) {
  const warn = $('cal-warning');
  const date = dates.filter((d) => d && /^\d{4}-\d{2}-\d{2}/.test(d)).map((d) => d.slice(0, 10)).sort().pop();
  const until = versions?.validUntil;
  if (date && until && until !== '—' && date > until) {
    warn.textContent = t('calWarning')(date, until, Number(date.slice(0, 4)));
    warn.hidden = false;
  } else {
    warn.hidden = true;
    warn.textContent = '';
  }
}

// ---------------------------------------------------------------- holiday data update

/** "unversioned" (a file loaded without a version) in the page's words. */
const versionName = (v) => (v === 'unversioned' ? t('unversioned') : v);
/** Only web addresses become links (a loaded file's "papers" are not trusted). */
const safeUrl = (u) => {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
};
let calStatus = null; // the last load's outcome, redrawn on a language switch

/** Loads the pasted (or chosen) calendar JSON into the engine: its years join the calendar. */
function loadCalendarData() {
  const text = $('cal-json').value;
  const version = $('cal-version').value.trim();
  clearFieldErrors($('cal-update-form'));
  if (!text.trim()) {
    calStatus = { kind: 'empty' };
    renderCalStatus();
    return;
  }
  const before = new Map(engine.calendar.versions().map((y) => [y.year, `${y.origin}|${y.dataVersion}`]));
  try {
    engine.loadCalendar(text, version || undefined);
  } catch (e) {
    if (!isPosfeeError(e)) throw e;
    calStatus = { kind: 'error', error: e };
    renderCalStatus();
    return;
  }
  calendar = engine.calendar;
  const after = calendar.versions();
  const changed = after.filter((y) => before.get(y.year) !== `${y.origin}|${y.dataVersion}`);
  calStatus = { kind: 'ok', years: changed, validUntil: calendar.validUntil ?? '—' };
  renderFooter();
  renderCalStatus();
  updateQuote();
}

function renderCalStatus() {
  const host = $('cal-update-status');
  clearFieldErrors($('cal-update-form'));
  delete host.dataset.code;
  delete host.dataset.outcome;
  if (!calStatus) {
    host.replaceChildren();
    return;
  }
  if (calStatus.kind === 'empty') {
    showFieldError('cal-json', t('calEmpty'));
    host.replaceChildren();
    return;
  }
  if (calStatus.kind === 'error') {
    const e = calStatus.error;
    // a year already covered is fixed with a newer data version; anything else is in the file
    const id = e.code === 'calendar_year_covered' ? 'cal-version' : 'cal-json';
    showFieldError(id, errText(e));
    put(host, h('div', { class: 'error-box' },
      h('p', { class: 'error-title', text: t('calLoadFailed') + errText(e) }),
      e.field ? h('p', { class: 'muted small', text: t('errorField')(e.field) }) : null,
      e.code === 'calendar_year_covered' ? h('p', { class: 'muted small', text: t('calNewerHint') }) : null));
    host.dataset.code = e.code;
    host.dataset.outcome = 'error';
    return;
  }
  const { years, validUntil } = calStatus;
  put(host, h('div', { class: 'success-box' },
    h('p', { class: 'success-title', text: years.length ? t('calLoaded')(years.map((y) => ({ year: y.year, version: versionName(y.dataVersion) })), validUntil) : t('calNothingNew')(validUntil) }),
    years.map((y) => {
      const links = (y.papers ?? []).map((u) => {
        const href = safeUrl(u);
        return href ? h('li', {}, h('a', { href, rel: 'noopener noreferrer', target: '_blank', text: u })) : h('li', { text: u });
      });
      return links.length ? h('div', { 'data-year': y.year }, h('p', { class: 'small', text: t('calPapers')(y.year) }), h('ul', { class: 'papers small' }, links)) : null;
    })));
  host.dataset.outcome = 'ok';
}

// ---------------------------------------------------------------- charts

const CHART_AMOUNTS = Array.from({ length: 100 }, (_, i) => `${(i + 1) * 100}.00`);
const SERIES = [
  { id: 'credit', key: 'seriesCredit', color: '#1f6feb', instrument: { method: 'card', cardKind: 'credit', cardMedium: 'chip' } },
  { id: 'debit', key: 'seriesDebit', color: '#d9480f', instrument: { method: 'card', cardKind: 'debit', cardMedium: 'chip' } },
  { id: 'qr', key: 'seriesQr', color: '#2b8a3e', width: 7, opacity: 0.55, instrument: { method: 'qr', wallet: 'wechat' } },
  { id: 'contactless', key: 'seriesContactless', color: '#862e9c', instrument: { method: 'contactless', cardKind: 'credit' } },
];
const MIX = [
  { key: 'mixCredit', payment: { method: 'card', cardKind: 'credit', cardMedium: 'chip' }, count: 60, amount: '1500.00' },
  { key: 'mixDebit', payment: { method: 'card', cardKind: 'debit', cardMedium: 'chip' }, count: 30, amount: '800.00' },
  { key: 'mixQr', payment: { method: 'qr', wallet: 'wechat' }, count: 200, amount: '80.00' },
  { key: 'mixContactless', payment: { method: 'contactless', cardKind: 'credit' }, count: 40, amount: '300.00' },
  { key: 'mixContactlessLarge', payment: { method: 'contactless', cardKind: 'credit' }, count: 5, amount: '2000.00' },
];

function buildMixRows() {
  const body = $('mix-rows');
  body.replaceChildren(...MIX.map((line, i) => h('tr', {},
    h('th', { scope: 'row', id: `mix-label-${i}`, 'data-i18n': line.key, text: t(line.key) }),
    h('td', {}, h('input', { id: `mix-count-${i}`, type: 'number', min: '0', step: '1', inputmode: 'numeric', value: String(line.count), 'aria-labelledby': `mix-label-${i} mix-count-head` })),
    h('td', {}, h('input', { id: `mix-amount-${i}`, type: 'text', inputmode: 'decimal', value: line.amount, 'aria-labelledby': `mix-label-${i} mix-amount-head` })))));
  const heads = document.querySelectorAll('.mix-table thead th');
  heads[1].id = 'mix-count-head';
  heads[2].id = 'mix-amount-head';
}

/** The month's mix as the package takes it: the lines with a count, and which MIX row each came from. */
function readMix() {
  const mix = [];
  const rows = [];
  MIX.forEach((line, i) => {
    const count = Number($(`mix-count-${i}`).value || 0);
    const amount = $(`mix-amount-${i}`).value.trim();
    if (count > 0) {
      mix.push({ payment: { ...line.payment, amount }, count });
      rows.push(i);
    }
  });
  return { mix, rows };
}
/** Marks the mix input an error's field (`mix[i].payment.amount`, `mix[i].count`) names. */
function markMixError(e, rows) {
  const m = /^mix\[(\d+)\]\.(\w+)/.exec(e.field ?? '');
  if (m) $(`${m[2] === 'count' ? 'mix-count' : 'mix-amount'}-${rows[Number(m[1])]}`)?.setAttribute('aria-invalid', 'true');
  return Boolean(m);
}

// ---------------------------------------------------------------- my own contract against 优POS

const CONTRACT_OPTIONAL = { debitCap: 'contract-debitCap', fixedFee: 'contract-fixedFee', minimumFee: 'contract-minimumFee' };
/** The contract as typed: every rate as it stands (the package judges it), optional amounts only when filled in. */
function readContract() {
  const rates = {};
  for (const input of document.querySelectorAll('#contract-form [data-rate]')) rates[input.dataset.rate] = input.value.trim();
  const contract = { rates };
  for (const [key, id] of Object.entries(CONTRACT_OPTIONAL)) {
    const v = $(id).value.trim();
    if (v !== '') contract[key] = v;
  }
  return contract;
}
/** The input a contract error names: contract.rates.credit → contract-credit, contract.fixedFee → contract-fixedFee. */
function contractFieldFor(path) {
  const m = /^contract\.(?:rates\.)?(\w+)/.exec(path ?? '');
  return m && $(`contract-${m[1]}`) ? `contract-${m[1]}` : null;
}
const signed = (s) => (s.startsWith('-') ? `−${money(s.slice(1))}` : s === '0.00' ? '0.00' : `+${money(s)}`);

function updateContract(merchant = readMerchant(), mix = readMix().mix, rows = readMix().rows) {
  const form = $('contract-form');
  clearFieldErrors(form);
  const box = $('contract-error');
  box.hidden = true;
  box.replaceChildren();
  delete box.dataset.code;
  const answer = $('contract-answer');
  const verdict = $('contract-verdict');
  const table = $('contract-table');
  const fail = () => {
    answer.hidden = true;
    verdict.textContent = '';
    for (const k of ['cheaper', 'totalA', 'totalB', 'saving']) delete verdict.dataset[k];
    table.tBodies[0].replaceChildren();
    table.tFoot.replaceChildren();
  };
  let c;
  try {
    c = posfee.compareContract(readContract(), planUpos, planUpos, merchant, mix);
  } catch (e) {
    if (!isPosfeeError(e)) throw e;
    fail();
    const id = contractFieldFor(e.field);
    if (id) {
      showFieldError(id, errText(e));
    } else {
      // not a contract field: the mix above (marked there) or something else; said here, never fixed silently
      markMixError(e, rows);
      put(box, h('p', { class: 'error-title', text: t('errorBox') + errText(e) }), e.field ? h('p', { class: 'muted small', text: t('errorField')(e.field) }) : null);
      box.dataset.code = e.code;
      box.hidden = false;
    }
    return;
  }
  answer.hidden = false;
  verdict.textContent = mix.length ? t('contractVerdict')(c.cheaper, money(c.saving), money(c.totalA), money(c.totalB)) : t('contractNoMix');
  verdict.dataset.cheaper = c.cheaper;
  verdict.dataset.totalA = c.totalA;
  verdict.dataset.totalB = c.totalB;
  verdict.dataset.saving = c.saving;
  verdict.className = `compare-summary verdict cheaper-${c.cheaper}`;
  const row = (cells, attrs = {}) => h('tr', attrs, cells);
  table.tBodies[0].replaceChildren(...c.channels.map((ch) => row([
    h('th', { scope: 'row', text: zhOrEn(ch, 'nameZh', 'nameEn') }),
    h('td', { class: 'num count-col', text: String(ch.payments) }),
    h('td', { class: 'num', 'data-col': 'a', text: money(ch.totalA) }),
    h('td', { class: 'num', 'data-col': 'b', text: money(ch.totalB) }),
    h('td', { class: `num diff cheaper-${ch.cheaper}`, 'data-col': 'difference', text: signed(ch.difference) }),
  ], { 'data-channel': ch.channel })));
  table.tFoot.replaceChildren(row([
    h('th', { scope: 'row', text: t('total') }),
    h('td', { class: 'num count-col', text: String(c.payments) }),
    h('td', { class: 'num', 'data-col': 'a', text: money(c.totalA) }),
    h('td', { class: 'num', 'data-col': 'b', text: money(c.totalB) }),
    h('td', { class: `num diff cheaper-${c.cheaper}`, 'data-col': 'difference', text: signed(c.difference) }),
  ], { 'data-channel': 'total' }));
}

function updateCharts() {
  const merchant = readMerchant();
  // fee against amount
  const series = SERIES.map((s) => {
    const r = engine.feeBatch(merchant, { amounts: CHART_AMOUNTS, instruments: [s.instrument] });
    return { id: s.id, label: t(s.key), color: s.color, width: s.width, opacity: s.opacity, points: r.fees.map((f, i) => [Number(CHART_AMOUNTS[i]), Number(f)]), fees: r.fees };
  });
  const ref = refEngine.feeBatch(merchant, { amounts: CHART_AMOUNTS, instruments: [SERIES[0].instrument] });
  series.push({ id: 'reference', label: t('seriesReference'), color: '#868e96', dash: '6 4', points: ref.fees.map((f, i) => [Number(CHART_AMOUNTS[i]), Number(f)]) });
  const marks = [];
  const debit = series.find((s) => s.id === 'debit');
  const debitRule = engine.fee(merchant, { amount: CHART_AMOUNTS[CHART_AMOUNTS.length - 1], ...SERIES[1].instrument }).rule;
  if (debitRule.cap) {
    const i = debit.fees.indexOf(debitRule.cap);
    if (i >= 0) marks.push({ x: Number(CHART_AMOUNTS[i]), y: Number(debitRule.cap), label: t('capAt')(money(debitRule.cap), money(CHART_AMOUNTS[i])), amount: CHART_AMOUNTS[i] });
  }
  const cursor = lastQuote ? Number(lastQuote.amount) : null;
  const host = $('fee-chart');
  feeChart(host, { series, marks, cursor, xLabel: t('axisAmount'), yLabel: t('axisFee'), cursorLabel: `${t('currentAmount')} ${lastQuote ? money(lastQuote.amount) : ''}` });
  host.dataset.kink = marks.length ? `${marks[0].amount}:${debitRule.cap}` : '';
  $('fee-chart-desc').textContent = t('feeChartDesc') + (marks.length ? ' ' + marks[0].label : '');
  // a month under both plans
  clearFieldErrors($('mix-form'));
  const { mix, rows } = readMix();
  updateContract(merchant, mix, rows);
  const chart = $('compare-chart');
  const summary = $('compare-summary');
  if (!mix.length) {
    chart.replaceChildren();
    summary.textContent = '';
    return;
  }
  let c;
  try {
    c = posfee.compare(planUpos, planRef, merchant, mix);
  } catch (e) {
    if (!isPosfeeError(e)) throw e;
    markMixError(e, rows);
    showFieldError('mix', errText(e));
    chart.replaceChildren();
    summary.textContent = '';
    return;
  }
  const groups = c.lines.map((l, k) => ({
    label: t(MIX[rows[k]].key), a: Number(l.totalA), b: Number(l.totalB), aText: money(l.totalA), bText: money(l.totalB),
  }));
  groups.push({ label: t('total'), total: true, a: Number(c.totalA), b: Number(c.totalB), aText: money(c.totalA), bText: money(c.totalB) });
  barChart(chart, { groups, labelA: t('planUpos'), labelB: t('planReference') });
  const diff = c.difference.replace(/^-/, '');
  summary.textContent = t('compareSummary')(money(c.totalA), money(c.totalB), money(diff), c.cheaper);
  summary.dataset.totalA = c.totalA;
  summary.dataset.totalB = c.totalB;
}

// ---------------------------------------------------------------- activation

function updateActivation() {
  clearFieldErrors($('view-activation'));
  const bar = $('act-bar');
  let a;
  try {
    a = engine.activation($('volume').value.trim());
  } catch (e) {
    if (!isPosfeeError(e)) throw e;
    showFieldError('volume', errText(e));
    return;
  }
  const max = Number(activationMilestones[activationMilestones.length - 1]?.volume ?? a.next?.volume ?? a.volume) || 1;
  const v = Number(a.volume);
  bar.querySelector('.progress-fill').style.width = `${Math.min(100, (v / max) * 100)}%`;
  bar.setAttribute('aria-valuemax', String(max));
  bar.setAttribute('aria-valuenow', String(Math.min(v, max)));
  bar.setAttribute('aria-valuetext', `${money(a.volume)} / ${money(String(max))}`);
  const reached = new Set(a.reached.map((r) => r.volume));
  $('act-marks').replaceChildren(...activationMilestones.map((ms) => h('span', {
    class: 'mark' + (reached.has(ms.volume) ? ' reached' : ''),
    style: `left:${(Number(ms.volume) / max) * 100}%`,
    'data-volume': ms.volume,
  }, h('span', { class: 'mark-text', text: t('milestone')(money(ms.volume), money(ms.cashback)) }))));
  put($('act-figures'),
    ...[['actVolume', a.volume], ['actFee', a.activationFee], ['actEarned', a.earned], ['actNetCost', a.netCost]].map(([k, val]) =>
      h('div', { 'data-key': k }, h('dt', { text: t(k) }), h('dd', { text: money(val) }))),
  );
  $('act-next').textContent = a.next ? t('actNext')(money(a.next.volume), money(a.next.cashback), money(a.next.stillNeeded)) : t('actDone');
}

// ---------------------------------------------------------------- audit (when the package exports Auditor)

const SAMPLE_URL = new URL('./sample-statement.csv', import.meta.url);

/**
 * Audits a CSV statement (a File, or bytes) with the package's Auditor:
 * auditor.auditCsv(source, {onProgress}) where the package has it, else
 * feedCsv/finishCsv piece by piece. The progress bar follows the bytes read.
 */
/** The statement last audited, and the columns the merchant chose for it. */
let lastSource = null;
let lastResults = null;

async function runAudit(source, columns = null) {
  lastSource = source;
  const err = $('audit-error');
  err.hidden = true;
  const table = $('audit-table');
  const body = table.querySelector('tbody');
  body.replaceChildren();
  table.hidden = true;
  $('audit-summary').replaceChildren();
  const bar = $('audit-progress');
  const size = source.size ?? source.length;
  const setProgress = (done, total, unit = 'bytes') => {
    const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 100;
    bar.setAttribute('aria-valuenow', String(pct));
    bar.querySelector('.progress-fill').style.width = `${pct}%`;
    const label = unit === 'rows' ? t('auditProgressRows') : t('auditProgress');
    $('audit-progress-label').textContent = label(money(String(done)), money(String(total ?? done)));
  };
  setProgress(0, size);
  const asOf = $('audit-asof').value || chinaNow();
  let auditor;
  let lines = [];
  try {
    auditor = new posfee.Auditor(engine, readMerchant(), asOf, { provisional: $('provisional').checked });
    const every = Math.max(1, Math.floor(size / 80 / 50));
    // A workbook is read whole, then its rows are fed: progress by rows.
    const onProgress = (p) => (p.totalRows ? setProgress(p.rows, p.totalRows, 'rows') : setProgress(p.bytes, p.totalBytes ?? size));
    if (typeof auditor.auditStatement === 'function') {
      // The file as merchants have it: encoding detected, columns mapped.
      const r = await auditor.auditStatement(source, { onProgress, progressEvery: every, format: columns ? { columns } : null });
      lines = r.lines;
      showLayout(r.layout, r.totals);
    } else if (typeof auditor.auditCsv === 'function') {
      const r = await auditor.auditCsv(source, { onProgress, progressEvery: every });
      lines = r.lines;
    } else {
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      const chunk = Math.max(1024, Math.ceil(bytes.length / 40));
      for (let off = 0; off < bytes.length; off += chunk) {
        lines.push(...auditor.feedCsv(bytes.subarray(off, Math.min(bytes.length, off + chunk))));
        setProgress(Math.min(bytes.length, off + chunk), bytes.length);
        await new Promise((ok) => setTimeout(ok, 0)); // let the bar paint
      }
      lines.push(...auditor.finishCsv());
    }
  } catch (e) {
    err.textContent = t('errorBox') + (isPosfeeError(e) ? errText(e) : String(e?.message ?? e));
    err.hidden = false;
    $('audit-layout').hidden = true;
    $('audit-download').hidden = true;
    return;
  }
  lastResults = lines;
  $('audit-download').hidden = false;
  const s = auditor.summary();
  auditor.free?.();
  setProgress(size, size);
  $('audit-progress-label').textContent = t('auditDone')(s.lines);
  const totals = t('auditTotals');
  const stakeRows = Object.entries(totals)
    .filter(([k]) => s[k] !== undefined)
    .map(([k, label]) => h('div', { 'data-key': k }, h('dt', { text: label }), h('dd', { text: money(s[k]) })));
  put($('audit-summary'),
    h('p', { class: 'audit-summary-line', text: t('auditSummaryLine')(s) }),
    h('h3', { text: t('auditStake') }),
    h('dl', { class: 'figures stake' }, stakeRows),
  );
  for (const l of lines) {
    const where = l.lineNumber ?? l.index + 1;
    if (l.status === 'unjudgeable') {
      body.append(h('tr', { class: 'unjudgeable', 'data-code': 'unjudgeable' },
        h('td', { text: String(where) }), h('td', { text: l.id ?? '' }), h('td', { text: t('unjudgeable') }), h('td', { text: '' }),
        h('td', { text: l.error ? errText(l.error) : '' })));
      continue;
    }
    for (const f of l.findings ?? []) {
      const causes = (l.likelyCauses ?? []).map((c) => zhOrEn(c)).join('；');
      body.append(h('tr', { 'data-code': f.code },
        h('td', { text: String(where) }), h('td', { text: l.id ?? '' }), h('td', { text: t('findingNames')[f.code] ?? f.code }), h('td', { class: 'num', text: money(f.amount) }),
        h('td', {}, zhOrEn(f, 'messageZh', 'messageEn'), causes ? h('div', { class: 'muted small', text: `${t('likelyCauses')}: ${causes}` }) : null)));
    }
  }
  table.hidden = false;
}

/** How the statement was read: encoding, header, each column and the field it was read as (changeable), the totals check. */
function showLayout(layout, totals) {
  const box = $('audit-layout');
  if (!layout) {
    box.hidden = true;
    return;
  }
  const fields = Object.keys(t('fieldNames'));
  const select = (c, i) => h('select', { 'data-column': c.column, 'aria-label': `${t('layoutField')}: ${c.column}`, id: `audit-col-${i}` },
    h('option', { value: '', text: t('layoutNotRead') }),
    fields.map((f) => h('option', { value: f, text: `${t('fieldNames')[f]} (${f})`, selected: c.field === f ? '' : null })));
  const rows = layout.columns.map((c, i) => h('tr', { 'data-field': c.field ?? '' }, h('td', { text: c.column }), h('td', {}, select(c, i))));
  const checks = totals
    ? h('div', { class: 'totals-check', 'data-agrees': String(totals.agrees) },
      h('h3', { text: t('totalsTitle') }),
      h('p', { text: `${t('totalsLine')(totals)} ${totals.agrees ? t('totalsAgree') : t('totalsDisagree')}${totals.unread ? t('totalsUnread')(totals.unread) : ''}` }),
      h('ul', {}, totals.checks.map((c) => h('li', { 'data-field': c.field, 'data-agrees': String(c.agrees), text: t('totalsCheck')(t('fieldNames')[c.field] ?? c.field, money(c.stated), money(c.summed)) }))))
    : null;
  put(box,
    h('h3', { text: t('layoutTitle') }),
    layout.encoding
      ? h('p', { class: 'muted', id: 'audit-encoding', 'data-encoding': layout.encoding.encoding,
        text: t('layoutLine')(layout.encoding.encoding, t('encodingSources')[layout.encoding.source] ?? layout.encoding.source, layout.headerLine, layout.titleRows) })
      // An .xlsx sheet: its cells are text already, no encoding to settle.
      : h('p', { class: 'muted', id: 'audit-encoding', 'data-encoding': 'xlsx',
        text: t('layoutLineWorkbook')(layout.headerLine, layout.titleRows) }),
    h('div', { class: 'table-wrap' }, h('table', { class: 'findings', id: 'audit-columns' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('layoutColumn') }), h('th', { scope: 'col', text: t('layoutField') }))),
      h('tbody', {}, rows))),
    h('button', { type: 'button', id: 'audit-rerun', text: t('layoutRerun') }),
    checks,
  );
  box.hidden = false;
  $('audit-rerun').addEventListener('click', () => {
    // The merchant's choice for every field read: field → the file's column.
    // A field read before and now given no column is left unread ("").
    const chosen = Object.fromEntries(layout.columns.filter((c) => c.field).map((c) => [c.field, '']));
    for (const s of box.querySelectorAll('select[data-column]')) if (s.value) chosen[s.value] = s.dataset.column;
    if (lastSource) runAudit(lastSource, chosen);
  });
}

/** The results as CSV (UTF-8 with a byte-order mark, so Excel opens it). */
function resultsCsv(lines) {
  const cell = (v) => {
    const s = String(v ?? '');
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const out = [t('resultHeader').map(cell).join(',')];
  for (const l of lines) {
    const findings = (l.findings ?? []).map((f) => t('findingNames')[f.code] ?? f.code).join('；');
    const stake = (l.findings ?? []).map((f) => f.amount).join('；');
    const detail = l.error ? errText(l.error) : (l.findings ?? []).map((f) => zhOrEn(f, 'messageZh', 'messageEn')).join('；');
    out.push([l.lineNumber ?? l.index + 1, l.id, t('statusNames')[l.status] ?? l.status, findings, l.expectedFee, l.feeCharged, stake, detail].map(cell).join(','));
  }
  return '\ufeff' + out.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- troubleshooting (when the package has diagnose)

function updateDiagnose() {
  const box = $('diag-error');
  box.hidden = true;
  const input = { situation: $('diag-situation').value, provisional: $('provisional').checked };
  if ($('diag-use-payment').checked && (input.situation === 'not_arrived' || input.situation === 'declined')) {
    input.payment = readPayment();
    input.merchant = readMerchant();
    input.usage = readUsage();
  }
  const msg = $('diag-message').value.trim();
  if (msg) input.terminalMessage = msg;
  if ($('diag-asof').value) input.asOf = $('diag-asof').value;
  if ($('diag-qr').value) input.qrCreated = $('diag-qr').value;
  let d;
  try {
    d = engine.diagnose(input);
  } catch (e) {
    box.textContent = t('errorBox') + (isPosfeeError(e) ? errText(e) : String(e?.message ?? e));
    box.hidden = false;
    $('diag-result').replaceChildren();
    return;
  }
  const steps = (list) => h('ol', {}, (list ?? []).map((s) => h('li', { text: zhOrEn(s) })));
  const cause = (c) => h('li', { 'data-code': c.code },
    h('strong', { text: zhOrEn(c) }),
    c.matched?.length ? h('span', { class: 'muted small', text: ` (${t('matched')}: ${c.matched.map((m) => t('signals')[m] ?? m).join(', ')})` }) : null,
    c.heuristic ? h('span', { class: 'heuristic small', text: ` · ${t('heuristic')}` }) : null,
    c.actions?.length ? h('div', {}, h('span', { class: 'muted small', text: t('actions') }), steps(c.actions)) : null);
  const causes = d.causes ?? [];
  const TOP = 3;
  put($('diag-result'),
    h('h2', { text: zhOrEn(d, 'situationZh', 'situationEn') }),
    d.notDue ? h('p', { class: 'notice', 'data-not-due': d.notDue.due, text: d.notDue.realtime ? t('notDueRealtime') : t('notDue')(dateWithWeekday(d.notDue.due)) }) : null,
    d.planRefusal ? h('p', { class: 'refusal-message', text: t('planRefusal') + zhOrEn(d.planRefusal, 'messageZh', 'messageEn') }) : null,
    h('h3', { text: t('causes') }),
    h('ol', { class: 'causes' }, causes.slice(0, TOP).map(cause)),
    causes.length > TOP
      ? h('details', { class: 'more-causes' }, h('summary', { text: t('moreCauses')(causes.length - TOP) }), h('ol', { class: 'causes', start: String(TOP + 1) }, causes.slice(TOP).map(cause)))
      : null,
    ...(d.notes ?? []).filter((n) => n.code === 'posfee_heuristic').map((n) => h('p', { class: 'heuristic-note small', text: zhOrEn(n) })),
    d.recoverySteps?.length ? h('div', {}, h('h3', { text: t('recovery') }), steps(d.recoverySteps)) : null,
    (d.notes ?? []).some((n) => n.code !== 'posfee_heuristic')
      ? h('div', { class: 'diag-risks' }, h('h3', { text: t('risks') }), steps(d.notes.filter((n) => n.code !== 'posfee_heuristic')))
      : null,
    d.supportLine ? h('p', { class: 'support', text: t('support')(d.supportLine) }) : null,
  );
}

// ---------------------------------------------------------------- views, language

const VIEWS = ['quote', 'charts', 'activation', 'audit', 'diagnose'];
const isVisible = (v) => !$(`view-${v}`).hidden;
function showView(v) {
  if (!VIEWS.includes(v) || $(`tab-${v}`).hidden) v = 'quote';
  for (const name of VIEWS) {
    $(`view-${name}`).hidden = name !== v;
    $(`tab-${name}`).setAttribute('aria-selected', String(name === v));
    $(`tab-${name}`).tabIndex = name === v ? 0 : -1;
  }
  if (v === 'charts') updateCharts();
  if (v === 'activation') updateActivation();
  if (v === 'diagnose') updateDiagnose();
}

function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of document.querySelectorAll('[data-i18n]')) {
    const s = t(e.dataset.i18n);
    if (typeof s === 'string') e.textContent = s;
  }
  for (const e of document.querySelectorAll('[data-i18n-aria]')) {
    const s = t(e.dataset.i18nAria);
    if (typeof s === 'string') e.setAttribute('aria-label', s);
  }
  document.title = `posfee · ${t('title')}`;
  const sw = $('lang-switch');
  sw.textContent = t('switchTo');
  sw.setAttribute('aria-label', t('switchAria'));
  sw.lang = lang === 'zh' ? 'en' : 'zh-CN';
  if (!engine) return;
  renderFooter();
  renderCalStatus();
  updateQuote();
  const v = VIEWS.find(isVisible);
  if (v && v !== 'quote') showView(v);
}

// ---------------------------------------------------------------- start

async function start() {
  applyLang();
  try {
    posfee = await import('posfee');
    engine = new posfee.Engine();
    calendar = posfee.Calendar.embedded();
    planUpos = posfee.Plan.upos();
    planRef = posfee.Plan.reference();
    refEngine = posfee.Engine.withData(posfee.Plan.reference(), posfee.Calendar.embedded());
  } catch (e) {
    const s = $('load-status');
    s.textContent = t('loadFailed') + String(e?.message ?? e);
    s.classList.add('error-box');
    return;
  }
  $('load-status').hidden = true;
  const features = {
    audit: typeof posfee.Auditor === 'function',
    diagnose: typeof engine.diagnose === 'function',
  };
  $('tab-audit').hidden = !features.audit;
  $('tab-diagnose').hidden = !features.diagnose;
  activationMilestones = engine.activation('99999999.99').reached;
  buildMixRows();
  if (!$('time').value) $('time').value = chinaNow();
  $('audit-asof').value = chinaNow();
  $('diag-asof').value = chinaNow();

  $('quote-form').addEventListener('input', updateQuote);
  $('quote-form').addEventListener('change', updateQuote);
  $('quote-form').addEventListener('submit', (e) => e.preventDefault());
  $('time-now').addEventListener('click', () => { $('time').value = chinaNow(); updateQuote(); });
  const onMerchant = () => {
    updateQuote();
    if (isVisible('activation')) updateActivation();
    if (isVisible('diagnose')) updateDiagnose();
  };
  $('merchant-form').addEventListener('input', onMerchant);
  $('merchant-form').addEventListener('change', onMerchant);
  $('mix-form').addEventListener('input', updateCharts);
  $('contract-form').addEventListener('input', () => updateContract());
  $('contract-form').addEventListener('submit', (e) => e.preventDefault());
  $('cal-file').addEventListener('change', async () => {
    const f = $('cal-file').files[0];
    if (!f) return;
    $('cal-json').value = await f.text();
    calStatus = null;
    renderCalStatus();
  });
  $('cal-update-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadCalendarData();
  });
  $('volume').addEventListener('input', updateActivation);
  $('diag-form').addEventListener('input', updateDiagnose);
  $('diag-form').addEventListener('change', updateDiagnose);
  $('audit-file').addEventListener('change', async () => {
    const f = $('audit-file').files[0];
    if (f) await runAudit(f);
  });
  $('audit-download').addEventListener('click', () => {
    if (!lastResults) return;
    const url = URL.createObjectURL(new Blob([resultsCsv(lastResults)], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: 'posfee-audit.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  // A statement dropped on the audit card.
  const drop = $('audit-drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('dropping'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dropping'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('dropping');
    const f = e.dataTransfer?.files?.[0];
    if (f) await runAudit(f);
  });
  $('audit-sample').addEventListener('click', async () => {
    const r = await fetch(SAMPLE_URL);
    await runAudit(await r.blob());
  });
  for (const b of document.querySelectorAll('.tabs [role="tab"]')) {
    b.addEventListener('click', () => { history.replaceState(null, '', `#${b.dataset.view}`); showView(b.dataset.view); });
  }
  document.querySelector('.tabs').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const tabs = [...document.querySelectorAll('.tabs [role="tab"]:not([hidden])')];
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    next.focus();
    next.click();
  });
  $('lang-switch').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, lang);
    applyLang();
  });
  window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => isVisible('charts') && updateCharts(), 150);
  });

  renderFooter();
  updateQuote();
  showView(location.hash.slice(1) || 'quote');
  document.body.dataset.ready = '1';
  document.body.dataset.audit = String(features.audit);
  document.body.dataset.diagnose = String(features.diagnose);
}

start();
