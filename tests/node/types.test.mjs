// The published TypeScript types: a consumer file compiles with
// tsc --noEmit --strict, and real answers of every kind, written out as
// typed literals, type-check against the declared output types (so a key
// the engine returns but the types lack, or the reverse, fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareContract } from 'posfee';

const dir = new URL('./types/', import.meta.url);
const require = createRequire(import.meta.url);

function samples() {
  const e = new Engine();
  e.loadCalendar(readFileSync(new URL('../calendars/fictional-2027.json', import.meta.url), 'utf8'));
  const premium = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
  const fresh = { tier: 'new', verification: 'none', creditRate: 'standard', activated: false };
  const card = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };
  const big = { ...card, amount: '60000.00' };
  const contract = { rates: { credit: '0.60', debit: '0.50', qr: '0.38', smallContactless: '0.38', contactless: '0.60' }, debitCap: '20.00', fixedFee: '3.00' };
  const ledger = new DayLedger();
  const auditor = new Auditor(e, premium, '2027-02-01T00:00');
  const line = { id: 'C1', time: '2025-03-12T10:00', amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', feeCharged: '6.00', netSettled: '994.00', settledDate: '2025-03-14' };
  const lines = auditor.auditLines([line, line, { ...line, amount: 1000 }, { id: 'Y', time: '2027-12-31T22:30', amount: '100.00', method: 'qr', wallet: 'alipay', feeCharged: '0.38' }]);
  const csv = auditor.feedCsv('id,time,amount,method,wallet,fee_charged\nT1,2025-03-12T10:00,10.00,qr,alipay,0.04\nT2,x\n');
  return [
    ['LineAudit[]', lines],
    ['LineAudit[]', csv],
    ['AuditSummary', auditor.summary()],
    ['Diagnosis', e.diagnose({ situation: 'declined', merchant: fresh, payment: card, terminalMessage: '余额不足' })],
    ['Diagnosis', e.diagnose({ situation: 'not_arrived', payment: card, asOf: '2025-10-03T12:00' })],
    ['Diagnosis', e.diagnose({ situation: 'suspended' })],
    ['Quote', e.quote(premium, card)],
    ['Quote', e.quote(fresh, card)],
    ['Quote', e.quote(premium, big)],
    ['Quote', e.quote(premium, { amount: '5000.00', method: 'qr', wallet: 'alipay', largeMode: true, time: '2025-03-12T10:00' })],
    ['Quote[]', ledger.quoteAll(e, premium, [card, big])],
    ['Fee', e.fee(premium, card)],
    ['FeeBatch', e.feeBatch(premium, { amounts: ['1.00'], instruments: [{ method: 'qr', wallet: 'wechat' }] })],
    ['Arrival', e.arrival({ ...card, time: '2028-01-03T10:00' }, { provisional: true })],
    ['FrozenWindow', e.frozenWindow('2026-12-30', { provisional: true })],
    ['ActivationProgress', e.activation('4999.99')],
    ['ActivationProgress', e.activation('99999.00')],
    ['EligibilityAnswers', e.eligibility({ monthlyVolumes: ['60000.00'], verification: 'none' })],
    ['Comparison', compare(Plan.upos(), Plan.reference(), premium, [{ payment: card, count: 2 }])],
    ['ChannelComparison', compareContract(contract, Plan.upos(), Plan.upos(), premium, [{ payment: card, count: 2 }, { payment: { amount: '80.00', method: 'qr', wallet: 'alipay' }, count: 5 }])],
    ['YearVersion[]', e.calendar.versions()],
    ['DataVersions', e.dataVersions()],
    ['YearVersion[]', Calendar.embedded().versions()],
    ['DayInfo', e.calendar.day('2025-10-01')],
    ['DayInfo', e.calendar.day('2025-03-12')],
  ];
}

test('tsc --noEmit --strict: the consumer files and real answers as typed literals', () => {
  const lines = ["import type * as P from 'posfee';"];
  samples().forEach(([type, value], i) => {
    const t = type.endsWith('[]') ? `P.${type.slice(0, -2)}[]` : `P.${type}`;
    lines.push(`export const sample${i}: ${t} = ${JSON.stringify(value, null, 1)};`);
  });
  mkdirSync(new URL('./generated/', dir), { recursive: true });
  writeFileSync(new URL('./generated/outputs.ts', dir), lines.join('\n') + '\n');
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', new URL('./tsconfig.json', dir).pathname], { encoding: 'utf8' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
