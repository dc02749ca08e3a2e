// Excel (.xlsx) statements through the npm package: auditStatement loads
// posfee/xlsx only for a workbook, reads its sheet's rows and feeds them with
// feedRows; xlsxRows and feedRows on their own; their errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Engine, Auditor, PosfeeError } from 'posfee';
import { hexBytes } from './support.mjs';

const cases = JSON.parse(readFileSync(new URL('../vectors/statements.json', import.meta.url), 'utf8')).cases;
const bytesOf = (id, key) => hexBytes(cases.find((c) => c.id === id).input[key]);
// The vectors' workbook (tests/vectors/tools/statement_xlsx.py) and the same statement as GBK CSV.
const book = bytesOf('statement-xlsx', 'workbook_hex');
const gbk = bytesOf('statement-gbk-detected', 'statement_hex');
const merchant = {
  tier: 'premium',
  verification: 'face_and_card',
  creditRate: 'standard',
  activated: true,
  wallets: { wechat: { enabled: true, verified: true } },
};
const asOf = '2025-03-20T00:00';
const auditor = () => new Auditor(new Engine(), merchant, asOf);

test('xlsx: auditStatement reads a workbook as the same statement in CSV', async () => {
  const calls = [];
  const r = await auditor().auditStatement(new Blob([book]), { onProgress: (p) => calls.push(p), progressEvery: 1 });
  const csv = await auditor().auditStatement(gbk);
  assert.deepEqual(r.lines.map((l) => [l.lineNumber, l.id, l.status, l.expectedFee]), [[3, 'S1', 'ok', '0.38'], [4, 'S2', 'ok', '5.50']]);
  assert.deepEqual(r.lines, csv.lines);
  assert.deepEqual(r.summary, csv.summary);
  assert.deepEqual([r.totals.lineNumber, r.totals.agrees], [5, true]);
  assert.deepEqual(r.totals.checks, csv.totals.checks);
  assert.deepEqual([r.layout.headerLine, r.layout.titleRows, r.layout.profile], [2, 1, 'generic']);
  // Progress by rows: the sheet's five rows fed at once, two lines judged.
  assert.deepEqual(calls.map((p) => [p.lines, p.rows, p.totalRows, p.bytes === book.length]), [[1, 5, 5, true], [2, 5, 5, true], [2, 5, 5, true]]);
  // Bytes, an ArrayBuffer and a named sheet give the same.
  const again = await auditor().auditStatement(book.slice().buffer, { sheet: '对账单' });
  assert.deepEqual(again.lines, r.lines);
});

test('xlsx: a sheet it does not have, and a number cell that is not whole fen', async () => {
  await assert.rejects(auditor().auditStatement(book, { sheet: 'Sheet9' }), (e) => {
    assert.ok(e instanceof PosfeeError);
    assert.deepEqual([e.code, e.field, e.reason], ['invalid_field', 'sheet', 'unknown_value']);
    assert.match(e.messageEn, /the sheets are 对账单/);
    return true;
  });
  const r = await auditor().auditStatement(bytesOf('statement-xlsx-number-not-fen', 'workbook_hex'));
  assert.deepEqual(r.lines.map((l) => [l.lineNumber, l.status, l.error?.code, l.error?.field, l.error?.reason]), [
    [2, 'unjudgeable', 'invalid_amount', 'lines[0].amount', 'too_many_decimals'],
  ]);
});

test('xlsx: xlsxRows and feedRows on their own, with their errors', async () => {
  for (const { xlsxRows } of [await import('posfee/xlsx'), createRequire(import.meta.url)('posfee/xlsx')]) {
    const rows = xlsxRows(book);
    assert.deepEqual(rows[0], ['商户对账单']);
    // A date cell as posfee's time, number cells as their shortest decimal text.
    assert.deepEqual(rows[2], ['S1', '2025-03-12T10:00:00', '100', '', '微信', '0.38', '99.62', '2025/03/12']);
    const code = (f) => {
      try {
        f();
      } catch (e) {
        assert.ok(e instanceof PosfeeError, String(e));
        return [e.code, e.field, e.reason];
      }
      return null;
    };
    assert.deepEqual(code(() => xlsxRows(new TextEncoder().encode('流水号,金额\n'))), ['invalid_csv', 'file', 'unreadable']);
    assert.deepEqual(code(() => xlsxRows('PK')), ['invalid_field', 'file', 'wrong_type']);
    assert.deepEqual(code(() => xlsxRows()), ['invalid_field', 'file', 'missing']);
    assert.deepEqual(code(() => xlsxRows(book, 7)), ['invalid_field', 'sheet', 'wrong_type']);
  }
  const a = auditor();
  a.startStatement(null);
  assert.throws(() => a.feedRows([['流水号', '交易金额'], ['T1', 100]]), (e) => e instanceof PosfeeError && e.field === 'rows[1][1]' && e.reason === 'wrong_type' && /the number 100/.test(e.messageEn));
  assert.throws(() => a.feedRows('x'), (e) => e instanceof PosfeeError && e.field === 'rows' && e.reason === 'wrong_type');
  // Without startStatement the rows have no format to be read by.
  assert.throws(() => auditor().feedRows([['流水号']]), (e) => e instanceof PosfeeError && e.code === 'invalid_state');
});
