// A straightforward JavaScript implementation of posfee's full `quote` with
// decimal.js, for the benchmark (bench.mjs): the same work the package does
// for one payment — validate the payment, merchant and usage; price it by the
// plan's first matching fee rule (with the merchant's credit-rate tier); check
// acceptance in order; check single and daily limits; find the accounting
// date (day cut-off) and the arrival (T+0 window or T+N working days over the
// holiday calendar). Every rate, cap, time and date comes from the plan and
// calendar JSON given to makeDecimalQuote; money is decimal.js, never floats.
//
//   const quote = makeDecimalQuote(planJson, calendarJson);
//   quote(merchant, payment, usage?, { provisional }?)  // camelCase, like engine.quote
//
// Errors are plain Error objects (with `code`, and `year` for
// calendar_not_covered); they do not reproduce posfee's error codes exactly.
import Decimal from 'decimal.js';

const ROUNDINGS = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};
const METHODS = ['card', 'contactless', 'qr'];
const CARD_KINDS = ['credit', 'debit'];
const CARD_MEDIA = ['chip', 'magstripe'];
const WALLETS = ['alipay', 'wechat', 'unionpay'];
const TIERS = ['new', 'premium'];
const VERIFICATIONS = ['face_and_card', 'face_only', 'none'];
const CREDIT_RATES = ['standard', 'bulk', 'premium'];

const AMOUNT_RE = /^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/;
const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;
const CLOCK_RE = /^(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MINUTES = 8 * 60;

function fail(code, message, extra = {}) {
  return Object.assign(new Error(message), { code }, extra);
}

const isAbsent = (v) => v === undefined || v === null;

function oneOf(field, value, allowed) {
  if (isAbsent(value)) return null;
  if (!allowed.includes(value)) throw fail('invalid_field', `${field}: unknown value ${JSON.stringify(value)}`);
  return value;
}

function bool(field, value) {
  if (isAbsent(value)) return false;
  if (typeof value !== 'boolean') throw fail('invalid_field', `${field}: must be a boolean`);
  return value;
}

/** A UTC Date at midnight of a calendar date (years 0–9999 too). */
function utcDate(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t;
}

const isoDate = (date) => date.toISOString().slice(0, 10);
const addDays = (date, n) => new Date(date.getTime() + n * DAY_MS);

function clockMs(text, field) {
  const m = CLOCK_RE.exec(text ?? '');
  if (!m || +m[1] > 23 || +m[2] > 59) throw fail('plan_invalid', `${field}: expected "HH:MM"`);
  return (+m[1] * 60 + +m[2]) * 60_000;
}

/** Local China time or RFC 3339 with an offset → { date (UTC midnight Date), clock (ms since midnight) }. */
function parseTime(text) {
  if (isAbsent(text)) throw fail('invalid_time', 'payment.time: missing');
  if (typeof text !== 'string') throw fail('invalid_time', 'payment.time: must be a string');
  const m = TIME_RE.exec(text);
  if (!m) throw fail('invalid_time', `payment.time: bad format ${JSON.stringify(text)}`);
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const date = utcDate(y, mo, d);
  if (mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    throw fail('invalid_time', `payment.time: out of range ${JSON.stringify(text)}`);
  let instant = date.getTime() + ((h * 60 + mi) * 60 + s) * 1000 + frac;
  if (m[8] || m[9]) {
    let offset = 0;
    if (m[9]) {
      const oh = Number(m[10]);
      const om = Number(m[11]);
      if (oh > 23 || om > 59) throw fail('invalid_time', `payment.time: offset out of range ${JSON.stringify(text)}`);
      offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    instant += (CHINA_OFFSET_MINUTES - offset) * 60_000;
  }
  const clock = ((instant % DAY_MS) + DAY_MS) % DAY_MS;
  return { date: new Date(instant - clock), clock };
}

export function makeDecimalQuote(planJson, calendarJson) {
  const plan = typeof planJson === 'string' ? JSON.parse(planJson) : planJson;
  const calendar = typeof calendarJson === 'string' ? JSON.parse(calendarJson) : calendarJson;
  const rounding = ROUNDINGS[plan.rounding ?? 'half_up'];
  if (rounding === undefined) throw new Error(`unknown rounding ${plan.rounding}`);
  const D = Decimal.clone({ precision: 40, rounding });
  const ZERO = new D(0);
  const MAX_AMOUNT = new D('99999999.99');
  const money = (d) => (d === null ? null : d.toFixed(2));

  // ---- the plan, parsed once
  const condition = (w = {}) => ({
    ...w,
    rules: w.rules ? new Set(w.rules) : null,
    min: w.amount?.min ? new D(w.amount.min) : null,
    above: w.amount?.above ? new D(w.amount.above) : null,
    max: w.amount?.max ? new D(w.amount.max) : null,
    below: w.amount?.below ? new D(w.amount.below) : null,
  });
  const creditRates = plan.credit_rates ?? {};
  const feeRules = plan.fee_rules.map((r) => ({
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    when: condition(r.when),
    useCreditRate: r.use_credit_rate === true,
    ratePercent: r.rate_percent ?? null,
    rate: r.rate_percent ? new D(r.rate_percent).div(100) : null,
    creditRate: Object.fromEntries(Object.entries(creditRates).map(([k, v]) => [k, new D(v).div(100)])),
    cap: r.cap ? new D(r.cap) : null,
    minimum: r.minimum ? new D(r.minimum) : null,
    fixed: new D(r.fixed ?? '0'),
  }));
  const acceptance = plan.acceptance ?? null;
  const limits = plan.limits ?? null;
  // The advice of each cap, resolved once. (posfee also drops a step that
  // offers another means of payment when that means would not take the
  // payment; this peer skips that check, which only makes it faster.)
  const stepTexts = new Map([...(limits?.raise_steps ?? []), ...(limits?.advice_steps ?? [])].map((s) => [s.code, { code: s.code, zh: s.zh, en: s.en }]));
  const adviceSteps = new Map((limits?.advice ?? []).map((a) => [a.id, (a.steps ?? []).map((c) => stepTexts.get(c))]));
  const stepsOf = (id) => (id ? adviceSteps.get(id) ?? [] : []);
  const singleLimits = (limits?.single ?? []).map((l) => ({ dimension: l.dimension, when: condition(l.when), cap: new D(l.cap), steps: stepsOf(l.advice) }));
  const dailyLimits = (limits?.daily ?? []).map((l) => ({
    bucket: l.bucket,
    class: l.class ?? null,
    when: condition(l.when),
    cap: l.cap ? new D(l.cap) : null,
    countCap: l.count_cap ?? null,
    steps: stepsOf(l.advice),
  }));
  const moneyBuckets = new Set(dailyLimits.filter((l) => l.cap !== null).map((l) => l.bucket));
  const countBuckets = new Set(dailyLimits.filter((l) => l.countCap !== null).map((l) => l.bucket));
  const settlement = plan.settlement ?? null;
  const cutoff = settlement ? clockMs(settlement.day_cutoff, 'settlement.day_cutoff') : 0;
  const settlementRules = (settlement?.rules ?? []).map((r, i) => ({
    id: r.id,
    when: condition(r.when),
    realtime: r.realtime,
    from: r.window ? clockMs(r.window.from, `settlement.rules[${i}].window.from`) : null,
    until: r.window ? clockMs(r.window.until, `settlement.rules[${i}].window.until`) : null,
    workingDaysAfter: r.working_days_after ?? 1,
  }));

  // ---- the calendar, parsed once
  const coveredYears = new Set();
  const daysOff = new Set();
  const workingWeekends = new Set();
  for (const y of calendar.years) {
    coveredYears.add(y.year);
    for (const d of y.days_off ?? []) daysOff.add(d.date);
    for (const d of y.working_weekends ?? []) workingWeekends.add(d.date);
  }

  function isWorkingDay(date, provisional, uncovered) {
    const year = date.getUTCFullYear();
    const weekday = date.getUTCDay();
    if (!coveredYears.has(year)) {
      if (!provisional) throw fail('calendar_not_covered', `calendar: year ${year} is not covered`, { year });
      if (!uncovered.includes(year)) uncovered.push(year);
      return weekday !== 0 && weekday !== 6;
    }
    const iso = isoDate(date);
    if (workingWeekends.has(iso)) return true;
    if (daysOff.has(iso)) return false;
    return weekday !== 0 && weekday !== 6;
  }

  function nthWorkingDayAfter(date, n, provisional, uncovered) {
    let d = date;
    let found = 0;
    for (let i = 0; i < 1461; i++) {
      d = addDays(d, 1);
      if (isWorkingDay(d, provisional, uncovered) && ++found >= n) return d;
    }
    throw new Error('not enough working days within four years');
  }

  // ---- inputs
  function parseMoney(field, text, allowZero) {
    if (isAbsent(text)) throw fail('invalid_amount', `${field}: missing`);
    if (typeof text !== 'string') throw fail('invalid_amount', `${field}: must be a decimal string`);
    if (!AMOUNT_RE.test(text)) throw fail('invalid_amount', `${field}: bad amount ${JSON.stringify(text)}`);
    const value = new D(text);
    if (value.gt(MAX_AMOUNT)) throw fail('invalid_amount', `${field}: above 99999999.99`);
    if (!allowZero && value.isZero()) throw fail('invalid_amount', `${field}: zero`);
    return value;
  }

  function readPayment(p) {
    if (p === null || typeof p !== 'object') throw fail('invalid_field', 'payment: must be an object');
    const amount = parseMoney('payment.amount', p.amount, false);
    const method = oneOf('payment.method', p.method, METHODS);
    if (method === null) throw fail('invalid_field', 'payment.method: missing');
    let cardKind = oneOf('payment.cardKind', p.cardKind, CARD_KINDS);
    let cardMedium = oneOf('payment.cardMedium', p.cardMedium, CARD_MEDIA);
    const magstripeVerified = bool('payment.magstripeVerified', p.magstripeVerified);
    const wallet = oneOf('payment.wallet', p.wallet, WALLETS);
    const largeMode = bool('payment.largeMode', p.largeMode);
    const notApplicable = (field) => fail('invalid_field', `payment.${field}: not applicable to ${method}`);
    if (method === 'card') {
      if (cardKind === null) throw fail('invalid_field', 'payment.cardKind: missing');
      if (cardMedium === null) throw fail('invalid_field', 'payment.cardMedium: missing');
      if (magstripeVerified && cardMedium !== 'magstripe') throw notApplicable('magstripeVerified');
      if (wallet !== null) throw notApplicable('wallet');
      if (largeMode) throw notApplicable('largeMode');
    } else if (method === 'contactless') {
      if (cardKind === null) throw fail('invalid_field', 'payment.cardKind: missing');
      if (cardMedium !== null) throw notApplicable('cardMedium');
      if (magstripeVerified) throw notApplicable('magstripeVerified');
      if (wallet !== null) throw notApplicable('wallet');
      if (largeMode) throw notApplicable('largeMode');
    } else {
      if (cardKind !== null) throw notApplicable('cardKind');
      if (cardMedium !== null) throw notApplicable('cardMedium');
      if (magstripeVerified) throw notApplicable('magstripeVerified');
      if (wallet === null) throw fail('invalid_field', 'payment.wallet: missing');
    }
    const time = parseTime(p.time);
    return { amount, method, cardKind, cardMedium, magstripeVerified, wallet, largeMode, time };
  }

  function readMerchant(m) {
    if (m === null || typeof m !== 'object') throw fail('invalid_field', 'merchant: must be an object');
    const required = (field, v) => {
      if (v === null) throw fail('invalid_field', `merchant.${field}: missing`);
      return v;
    };
    const tier = required('tier', oneOf('merchant.tier', m.tier, TIERS));
    const verification = required('verification', oneOf('merchant.verification', m.verification, VERIFICATIONS));
    const creditRate = required('creditRate', oneOf('merchant.creditRate', m.creditRate, CREDIT_RATES));
    if (typeof m.activated !== 'boolean') throw fail('invalid_field', 'merchant.activated: must be a boolean');
    const wallets = {};
    for (const w of WALLETS) {
      const s = m.wallets?.[w] ?? {};
      wallets[w] = { enabled: bool(`merchant.wallets.${w}.enabled`, s.enabled), verified: bool(`merchant.wallets.${w}.verified`, s.verified) };
    }
    return {
      tier,
      verification,
      creditRate,
      activated: m.activated,
      wallets,
      largeModeApproved: bool('merchant.largeModeApproved', m.largeModeApproved),
    };
  }

  function readUsage(u) {
    const used = new Map();
    const counts = new Map();
    if (isAbsent(u)) return { used, counts };
    for (const [bucket, text] of Object.entries(u.used ?? {})) {
      if (!moneyBuckets.has(bucket)) throw fail('invalid_field', `usage.used.${bucket}: unknown bucket`);
      used.set(bucket, parseMoney(`usage.used.${bucket}`, text, true));
    }
    for (const [bucket, n] of Object.entries(u.counts ?? {})) {
      if (!countBuckets.has(bucket)) throw fail('invalid_field', `usage.counts.${bucket}: unknown bucket`);
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw fail('invalid_field', `usage.counts.${bucket}: must be a count`);
      counts.set(bucket, n);
    }
    return { used, counts };
  }

  // ---- the rules
  function matches(w, p, merchant, ruleId) {
    if (w.rules && !w.rules.has(ruleId)) return false;
    if (w.methods && !w.methods.includes(p.method)) return false;
    if (w.card_kinds && !w.card_kinds.includes(p.cardKind)) return false;
    if (w.card_media && !w.card_media.includes(p.cardMedium)) return false;
    if (w.magstripe_verified !== undefined && w.magstripe_verified !== p.magstripeVerified) return false;
    if (w.wallets && !w.wallets.includes(p.wallet)) return false;
    if (w.large_mode !== undefined && w.large_mode !== p.largeMode) return false;
    if (w.min && p.amount.lt(w.min)) return false;
    if (w.above && p.amount.lte(w.above)) return false;
    if (w.max && p.amount.gt(w.max)) return false;
    if (w.below && p.amount.gte(w.below)) return false;
    if (w.merchant_tiers && !w.merchant_tiers.includes(merchant.tier)) return false;
    if (w.verifications && !w.verifications.includes(merchant.verification)) return false;
    if (w.large_mode_approved !== undefined && w.large_mode_approved !== merchant.largeModeApproved) return false;
    return true;
  }

  function price(rule, p, merchant) {
    const rate = rule.useCreditRate ? rule.creditRate[merchant.creditRate] : rule.rate;
    let percentage = p.amount.times(rate).toDecimalPlaces(2, rounding);
    let capped = false;
    let minimumApplied = false;
    if (rule.cap && percentage.gt(rule.cap)) {
      percentage = rule.cap;
      capped = true;
    }
    if (rule.minimum && percentage.lt(rule.minimum)) {
      percentage = rule.minimum;
      minimumApplied = true;
    }
    const fee = percentage.plus(rule.fixed);
    return {
      fee,
      net: p.amount.minus(fee),
      rule: {
        id: rule.id,
        nameZh: rule.nameZh,
        nameEn: rule.nameEn,
        ratePercent: rule.useCreditRate ? creditRates[merchant.creditRate] : rule.ratePercent,
        cap: money(rule.cap),
      },
      feeDetail: { percentage: money(percentage), capped, minimumApplied, fixed: money(rule.fixed) },
    };
  }

  function acceptanceRefusal(p, merchant) {
    if (!acceptance) return null;
    if (acceptance.require_activation && !merchant.activated) return 'merchant_not_activated';
    if (acceptance.debit_chip_only && p.cardKind === 'debit' && p.cardMedium === 'magstripe') return 'debit_chip_only';
    if (p.method === 'qr') {
      if (acceptance.wallet_permission_required.includes(p.wallet)) {
        const status = merchant.wallets[p.wallet];
        if (!status.enabled) return 'wallet_not_enabled';
        if (!status.verified) return 'wallet_not_verified';
      }
      if (p.largeMode && (!acceptance.large_mode_wallets.includes(p.wallet) || !merchant.largeModeApproved))
        return 'large_mode_not_approved';
    }
    return null;
  }

  function checkLimits(p, merchant, ruleId, usage) {
    if (!limits) throw fail('plan_incomplete', 'limits: the plan has no limits');
    const single = [];
    let binding = null;
    for (const l of singleLimits) {
      if (!matches(l.when, p, merchant, ruleId)) continue;
      single.push({ dimension: l.dimension, cap: money(l.cap) });
      if (binding === null || l.cap.lt(binding.cap)) binding = l;
    }
    const daily = [];
    let least = null; // { left, bucket }
    let fullCount = null;
    for (const l of dailyLimits) {
      if (!matches(l.when, p, merchant, ruleId)) continue;
      const used = usage.used.get(l.bucket) ?? ZERO;
      const usedCount = usage.counts.get(l.bucket) ?? 0;
      const left = l.cap === null ? null : D.max(l.cap.minus(used), ZERO);
      const leftCount = l.countCap === null ? null : Math.max(l.countCap - usedCount, 0);
      const entry = {
        bucket: l.bucket,
        class: l.class,
        cap: money(l.cap),
        countCap: l.countCap,
        used: money(used),
        usedCount,
        left: money(left),
        leftCount,
      };
      if (left !== null && (least === null || left.lt(least.left))) least = { left, limit: l };
      if (leftCount === 0 && fullCount === null) fullCount = l;
      daily.push(entry);
    }
    const leftToday = least ? least.left : null;
    let refusal = null;
    if (binding && p.amount.gt(binding.cap)) {
      refusal = { code: 'single_limit_exceeded', dimension: binding.dimension, cap: money(binding.cap), countCap: null, leftToday: money(leftToday), steps: binding.steps };
    } else if (least && p.amount.gt(least.left)) {
      refusal = { code: 'daily_limit_exceeded', dimension: least.limit.bucket, cap: money(least.limit.cap), countCap: null, leftToday: money(least.left), steps: least.limit.steps };
    } else if (fullCount) {
      refusal = { code: 'daily_limit_exceeded', dimension: fullCount.bucket, cap: null, countCap: fullCount.countCap, leftToday: null, steps: fullCount.steps };
    }
    const raiseSteps = refusal ? refusal.steps : binding ? binding.steps : [];
    return {
      refusal,
      limits: {
        singleCap: binding ? money(binding.cap) : null,
        singleDimension: binding ? binding.dimension : null,
        dailyDimension: least ? least.limit.bucket : null,
        leftToday: money(leftToday),
        leftAfter: refusal === null && leftToday !== null ? money(leftToday.minus(p.amount)) : null,
        single,
        daily,
        raiseSteps,
      },
    };
  }

  function accountingDate(time) {
    return cutoff > 0 && time.clock >= cutoff ? addDays(time.date, 1) : time.date;
  }

  function arrival(p, merchant, ruleId, accounting, provisional) {
    const r = settlementRules.find((s) => matches(s.when, p, merchant, ruleId));
    if (!r) throw fail('plan_incomplete', 'settlement.rules: no settlement rule applies to this payment');
    let realtime = r.realtime === 'always';
    if (r.realtime === 'window') {
      const t = p.time.clock;
      realtime = r.from < r.until ? r.from <= t && t < r.until : t >= r.from || t < r.until;
    }
    if (realtime) {
      return { date: isoDate(p.time.date), realtime: true, accountingDate: isoDate(accounting), provisional: false, uncoveredYears: [], rule: r.id };
    }
    const uncovered = [];
    const date = nthWorkingDayAfter(accounting, r.workingDaysAfter, provisional, uncovered);
    return { date: isoDate(date), realtime: false, accountingDate: isoDate(accounting), provisional: uncovered.length > 0, uncoveredYears: uncovered, rule: r.id };
  }

  // ---- the quote
  return function quote(merchantInput, paymentInput, usageInput, options = {}) {
    const p = readPayment(paymentInput);
    const merchant = readMerchant(merchantInput);
    const usage = readUsage(usageInput);
    const rule = feeRules.find((r) => matches(r.when, p, merchant, null));
    if (!rule) throw fail('no_fee_rule', 'payment: no fee rule of the plan applies to this payment');
    const priced = price(rule, p, merchant);
    const accounting = accountingDate(p.time);
    const q = {
      outcome: 'refused',
      amount: money(p.amount),
      fee: money(priced.fee),
      net: money(priced.net),
      rule: priced.rule,
      feeDetail: priced.feeDetail,
      accountingDate: isoDate(accounting),
      refusal: null,
      limits: null,
      arrival: null,
    };
    const code = acceptanceRefusal(p, merchant);
    if (code) {
      q.refusal = { code, dimension: null, cap: null, countCap: null, leftToday: null, steps: [] };
      return q;
    }
    const checked = checkLimits(p, merchant, rule.id, usage);
    q.limits = checked.limits;
    if (checked.refusal) {
      q.refusal = checked.refusal;
      return q;
    }
    q.arrival = arrival(p, merchant, rule.id, accounting, options?.provisional === true);
    q.outcome = 'accepted';
    return q;
  };
}
