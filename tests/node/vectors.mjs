// Runs every conformance vector in tests/vectors/*.json through
// the npm package, exactly as core/tests/vectors.rs runs them through the Rust API:
// vector inputs (snake_case) become the package's camelCase inputs, answers
// and errors come back to snake_case and are compared by the same subset rule.
// Run directly: prints each failure and a final line `N passed, N failed`,
// and exits non-zero on any failure. vectors.test.mjs runs it under node --test.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, parseAmount, PosfeeError } from 'posfee';
import { xlsxRows } from 'posfee/xlsx';
import { toCamel, toSnake, snakeField, hexBytes } from './support.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (p) => readFileSync(root + p, 'utf8');

class RunnerError extends Error {}

function planText(name) {
  if (name === 'upos') return Plan.upos().toJson();
  if (name === 'reference') return Plan.reference().toJson();
  if (!name.startsWith('test:')) throw new RunnerError(`unknown plan ${name}`);
  return read(`plans/${name.slice(5)}.json`);
}

function plan(input, key) {
  const name = typeof input[key] === 'string' ? input[key] : 'upos';
  try {
    return Plan.fromJson(planText(name));
  } catch (e) {
    throw new RunnerError(`plan ${name}: ${e.message}`);
  }
}

/** The `calendar_extra` files, in order, each a Calendar to add. */
function extraCalendars(input) {
  return (input.calendar_extra ?? []).map((entry) => {
    const [name, version] = typeof entry === 'string' ? [entry, undefined] : [entry.name, entry.data_version];
    try {
      const text = read(`calendars/${name}.json`);
      return { name, cal: version === undefined ? Calendar.fromJson(text) : Calendar.fromHolidayCn(text, version) };
    } catch (err) {
      throw new RunnerError(`calendar ${name}: ${err.message}`);
    }
  });
}

function engine(input) {
  const e = Engine.withData(plan(input, 'plan'), Calendar.embedded());
  for (const { name, cal } of extraCalendars(input)) {
    try {
      e.extendCalendar(cal);
    } catch (err) {
      throw new RunnerError(`calendar ${name}: ${err.message}`);
    }
  }
  return e;
}

/** The plan of the case's `contract` on its `base` (contract errors thrown). */
function contractPlan(input) {
  return Plan.fromContract(toCamel(input.contract ?? null), plan(input, 'base'));
}

/** The `calendar_load` op: see tests/vectors/README.md. */
function calendarLoad(input) {
  const cal = input.onto === 'embedded' ? Calendar.embedded() : Calendar.empty();
  if (input.onto !== undefined && input.onto !== 'embedded') throw new RunnerError(`unknown onto ${input.onto}`);
  for (const { name, cal: extra } of extraCalendars(input)) {
    try {
      cal.extend(extra);
    } catch (err) {
      throw new RunnerError(`calendar ${name}: ${err.message}`);
    }
  }
  const given = ['calendar', 'calendar_text', 'calendar_file'].filter((k) => k in input);
  if (given.length !== 1) throw new RunnerError('calendar_load needs one of calendar, calendar_text, calendar_file');
  const data =
    'calendar' in input ? JSON.stringify(input.calendar) : 'calendar_text' in input ? input.calendar_text : read(`calendars/${input.calendar_file}.json`);
  return out(() => {
    const loaded = input.data_version === undefined ? Calendar.fromJson(data) : Calendar.fromHolidayCn(data, input.data_version);
    cal.extend(loaded);
    const answer = { years: cal.years(), validUntil: cal.validUntil ?? null, versions: cal.versions() };
    if (Array.isArray(input.query)) {
      answer.days = input.query.map((d) => {
        try {
          return cal.day(d);
        } catch (e) {
          if (!(e instanceof PosfeeError)) throw e;
          return { date: d, error: errorInfo(e) };
        }
      });
    }
    return answer;
  });
}

function errorInfo(e) {
  return {
    code: e.code,
    field: snakeField(e.field, e.code),
    reason: e.reason,
    year: e.year,
    message_zh: e.messageZh,
    message_en: e.messageEn,
  };
}

function merchant(input, merchants) {
  const m = input.merchant;
  if (typeof m === 'string') {
    if (!(m in merchants)) throw new RunnerError(`no merchant named ${m}`);
    return toCamel(merchants[m]);
  }
  if (m === undefined) throw new RunnerError('case has no merchant');
  return toCamel(m);
}

const opts = (input) => ({ provisional: input.provisional === true });

/** Errors carried in an audit's lines, with their fields back in the core's spelling. */
function snakeLineErrors(r) {
  for (const l of r.results ?? []) {
    for (const k of ['error', 'arrival_error']) if (l[k]) l[k].field = snakeField(l[k].field, l[k].code);
  }
  return r;
}

/** The op's answer in the vectors' (snake_case) shape, or {error}. */
function out(f) {
  try {
    return toSnake(f());
  } catch (e) {
    if (!(e instanceof PosfeeError)) throw e;
    return { error: errorInfo(e) };
  }
}

function pointerParts(ptr) {
  const i = ptr.lastIndexOf('/');
  if (i < 0) throw new RunnerError('pointer must start with /');
  const unescape = (s) => s.replaceAll('~1', '/').replaceAll('~0', '~');
  const parent = ptr.slice(0, i).split('/').slice(1).map(unescape);
  return [parent, unescape(ptr.slice(i + 1))];
}

function container(v, parent) {
  let c = v;
  for (const p of parent) {
    if (c === null || typeof c !== 'object' || !(p in c)) throw new RunnerError(`no /${parent.join('/')}`);
    c = c[p];
  }
  if (c === null || typeof c !== 'object') throw new RunnerError(`/${parent.join('/')} is not a container`);
  return c;
}

export function runCase(c, merchants) {
  const input = c.input ?? null;
  switch (c.op) {
    case 'parse_amount': {
      const field = typeof input.field === 'string' ? input.field : 'amount';
      return out(() => ({ value: parseAmount(input.text, field) }));
    }
    case 'quote': {
      const e = engine(input);
      const m = merchant(input, merchants);
      return out(() => e.quote(m, toCamel(input.payment), toCamel(input.usage), opts(input)));
    }
    case 'ledger': {
      const e = engine(input);
      const m = merchant(input, merchants);
      return out(() => ({ results: new DayLedger().quoteAll(e, m, toCamel(input.payments ?? []), opts(input)) }));
    }
    case 'fee_batch': {
      // feeBatchText answers; feeBatch (the same amounts as an array) must
      // give the same fees, nets, totals or error.
      const e = engine(input);
      const m = merchant(input, merchants);
      const batch = { instruments: toCamel(input.instruments) };
      if (input.instrument_index !== undefined) batch.instrumentIndex = input.instrument_index;
      const text = out(() => e.feeBatchText(m, { amounts: input.amounts, ...batch }));
      const list = input.amounts === '' ? [] : input.amounts.replace(/\n$/, '').split('\n');
      const arrays = out(() => e.feeBatch(m, { amounts: list, ...batch }));
      if (arrays.fees) {
        arrays.fees = arrays.fees.join('\n');
        arrays.nets = arrays.nets.join('\n');
      }
      if (JSON.stringify(arrays) !== JSON.stringify(text)) {
        throw new RunnerError(`feeBatch ${JSON.stringify(arrays)} differs from feeBatchText ${JSON.stringify(text)}`);
      }
      return text;
    }
    case 'arrival': {
      const e = engine(input);
      return out(() => e.arrival(toCamel(input.payment), opts(input)));
    }
    case 'frozen_window': {
      const e = engine(input);
      return out(() => e.frozenWindow(input.submitted, opts(input)));
    }
    case 'provider': {
      const e = engine(input);
      return out(() => e.provider(input.on));
    }
    case 'activation': {
      const e = engine(input);
      return out(() => e.activation(input.volume));
    }
    case 'eligibility': {
      const e = engine(input);
      const { plan: _, ...facts } = input;
      return out(() => e.eligibility(toCamel(facts)));
    }
    case 'compare': {
      const a = plan(input, 'plan_a');
      const b = plan(input, 'plan_b');
      const m = merchant(input, merchants);
      return out(() => compare(a, b, m, toCamel(input.mix)));
    }
    case 'plan_load': {
      const v = JSON.parse(planText(typeof input.base === 'string' ? input.base : 'upos'));
      for (const s of input.set ?? []) {
        if (typeof s.pointer !== 'string') throw new RunnerError('set needs pointer');
        const [parent, last] = pointerParts(s.pointer);
        const c = container(v, parent);
        if (Array.isArray(c)) {
          const i = Number(last);
          if (!(i in c)) throw new RunnerError(`no index ${last}`);
          c[i] = s.value ?? null;
        } else {
          c[last] = s.value ?? null;
        }
      }
      for (const r of input.remove ?? []) {
        const [parent, last] = pointerParts(r);
        const c = container(v, parent);
        if (Array.isArray(c)) {
          const i = Number(last);
          if (i < c.length) c.splice(i, 1);
        } else {
          delete c[last];
        }
      }
      return out(() => {
        const p = Plan.fromJson(v);
        return { planId: p.id, dataVersion: p.dataVersion };
      });
    }
    case 'audit': {
      const e = engine(input);
      const m = merchant(input, merchants);
      const r = out(() => {
        const a = new Auditor(e, m, input.as_of, opts(input));
        const book = input.workbook_hex === undefined ? null : hexBytes(input.workbook_hex);
        const file = typeof input.statement === 'string' ? new TextEncoder().encode(input.statement) : input.statement_hex === undefined ? null : hexBytes(input.statement_hex);
        if (book || file) {
          a.startStatement(input.format === undefined ? null : toCamel(input.format));
          // An .xlsx statement: its sheet's rows (posfee/xlsx), then the same format.
          const results = book ? [...a.feedRows(xlsxRows(book))] : [];
          // A statement file, fed in 5-byte pieces as the Rust runner does.
          for (let i = 0; file && i < file.length; i += 5) results.push(...a.feedCsv(file.subarray(i, i + 5)));
          results.push(...a.finishCsv());
          return { results, summary: a.summary(), layout: a.statementLayout(), totals: a.statementTotals() };
        }
        const results =
          typeof input.csv === 'string'
            ? [...a.feedCsv(input.csv), ...a.finishCsv()]
            : a.auditLines(toCamel(input.lines ?? []));
        return { results, summary: a.summary() };
      });
      return snakeLineErrors(r);
    }
    case 'diagnose': {
      const e = engine(input);
      const { plan: _p, calendar_extra: _c, ...q } = input;
      if (typeof q.merchant === 'string') q.merchant = merchant(q, merchants);
      else if (q.merchant !== undefined) q.merchant = toCamel(q.merchant);
      return out(() => e.diagnose(toCamel(q)));
    }
    case 'calendar_load':
      return calendarLoad(input);
    case 'contract_plan':
      return out(() => JSON.parse(contractPlan(input).toJson()));
    case 'contract_quote': {
      const e = engine(input);
      const m = merchant(input, merchants);
      return out(() => {
        e.setPlan(contractPlan(input));
        return e.quote(m, toCamel(input.payment ?? null), input.usage === undefined ? undefined : toCamel(input.usage), opts(input));
      });
    }
    case 'contract_compare': {
      const b = plan(input, 'plan_b');
      const m = merchant(input, merchants);
      return out(() => compareByChannel(contractPlan(input), b, m, toCamel(input.mix ?? null)));
    }
    default:
      throw new RunnerError(`unknown op ${c.op}`);
  }
}

const show = (v) => (v === undefined ? 'nothing' : JSON.stringify(v));

/** `expected` ⊆ `actual`: see tests/vectors/README.md. */
export function subset(expected, actual, path, diffs) {
  if (expected === null && (actual === undefined || actual === null)) return;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return diffs.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    if (expected.length !== actual.length)
      return diffs.push(`${path}: expected ${expected.length} elements, got ${actual.length}: ${show(actual)}`);
    expected.forEach((e, i) => subset(e, actual[i], `${path}[${i}]`, diffs));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return diffs.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    for (const [k, e] of Object.entries(expected)) subset(e, actual[k], `${path}.${k}`, diffs);
    return;
  }
  if (expected !== actual) diffs.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Every case of every vector file, with its differences (empty = pass). */
export function runVectors() {
  // One engine lives through every case: after each, the same wasm instance
  // still answers a normal quote exactly (bad input never poisons it).
  const sentinel = new Engine();
  const sentinelMerchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
  const sentinelCard = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };
  const files = readdirSync(root + 'vectors').filter((f) => f.endsWith('.json')).sort().map((f) => `vectors/${f}`);
  const results = [];
  const ids = new Set();
  for (const file of files) {
    const doc = JSON.parse(read(file));
    const merchants = doc.merchants ?? {};
    for (const c of doc.cases) {
      const diffs = [];
      if (ids.has(c.id)) diffs.push(`duplicate vector id ${c.id}`);
      ids.add(c.id);
      try {
        subset(c.expect, runCase(c, merchants), '', diffs);
      } catch (e) {
        diffs.push(`runner: ${e instanceof RunnerError ? e.message : e.stack}`);
      }
      try {
        const q = sentinel.quote(sentinelMerchant, sentinelCard);
        if (q.fee !== '5.50' || q.net !== '994.50') diffs.push(`after this case a normal quote answers ${q.fee}/${q.net}`);
      } catch (e) {
        diffs.push(`after this case a normal quote throws: ${e}`);
      }
      results.push({ id: c.id, file, tags: c.tags ?? [], diffs });
    }
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = runVectors();
  const failed = results.filter((r) => r.diffs.length > 0);
  for (const f of failed) console.error(`FAIL ${f.id} (${f.file}): ${f.diffs.join('; ')}`);
  if (results.length < 200) {
    console.error(`expected at least 200 vectors, found ${results.length}`);
    process.exitCode = 1;
  }
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length > 0) process.exitCode = 1;
}
