// A small consumer of the package, compiled with tsc --noEmit --strict: the
// published types must be complete enough for this to type-check.
import { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareContract, parseAmount, version, PosfeeError } from 'posfee';
import type { ContractInput, ChannelComparison, ConsultedYear } from 'posfee';
import type { MerchantInput, PaymentInput, Quote, FeeBatch, ErrorCode, DataVersions } from 'posfee';
import type { StatementLineInput, LineAudit, AuditSummary, AuditProgress, FindingCode, DiagnoseInput, Diagnosis, Situation } from 'posfee';

const engine = new Engine();
const merchant: MerchantInput = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
const payment: PaymentInput = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };

const q: Quote = engine.quote(merchant, payment, { used: { credit: '1000.00' } }, { provisional: false });
const fee: string = q.fee;
const arrives: string | undefined = q.arrival?.date;
const left: string | null = q.limits?.leftToday ?? null;
const outcome: 'accepted' | 'refused' = q.outcome;

const batch: FeeBatch = engine.feeBatch(merchant, {
  amounts: ['12.50', '3000.00'],
  instruments: [{ method: 'qr', wallet: 'wechat' }, { method: 'card', cardKind: 'debit', cardMedium: 'chip' }],
  instrumentIndex: new Uint8Array([0, 1]),
});
const totalFee: string = batch.totalFee;

const versions: DataVersions = engine.dataVersions();
const years: number[] = engine.calendar.years();
engine.loadCalendar('{"schema_version": 1}');
engine.setPlan(Plan.reference());
const c = compare(Plan.upos(), Plan.fromJson(Plan.reference().toJson()), merchant, [{ payment, count: 3 }]);
const cheaper: 'a' | 'b' | 'equal' = c.cheaper;
const ledger = new DayLedger();
const quotes: Quote[] = ledger.quoteAll(engine, merchant, [payment]);
const w = engine.frozenWindow('2025-09-30', { provisional: true });
const first: string = w.first;
const act = engine.activation('4999.99').next?.stillNeeded;
const el: boolean = engine.eligibility({ monthlyVolumes: ['60000.00'], verification: 'none' }).premiumRate.eligible;
const day = Calendar.embedded().day('2025-10-01').kind;
const amount: string = parseAmount('12.5');
const v: string = version();

// The statement audit: lines as objects, a CSV fed piece by piece, a whole CSV with progress.
const auditor = new Auditor(engine, merchant, '2025-03-20T00:00', { provisional: false });
const line: StatementLineInput = { id: 'T1', time: '2025-03-12T10:00', amount: '100.00', method: 'qr', wallet: 'wechat', feeCharged: '0.38', netSettled: '99.62', settledDate: '2025-03-12' };
const judged: LineAudit = auditor.auditLine(line);
const codes: FindingCode[] = judged.findings.map((f) => f.code);
const status: 'ok' | 'findings' | 'unjudgeable' = judged.status;
const why: string | undefined = judged.error?.reason;
const lineNo: number | null = judged.lineNumber;
const some: LineAudit[] = engine.auditor(merchant, '2025-03-20T00:00').auditLines([line, { ...line, id: 'T2' }]);
const fed: LineAudit[] = auditor.feedCsv(new TextEncoder().encode('id,time,amount,method,wallet,fee_charged\n'), (l) => console.log(l.index));
auditor.feedCsv('T3,2025-03-12T10:00,10.00,qr,alipay,0.04\n');
const rest: LineAudit[] = auditor.finishCsv();
const summary: AuditSummary = auditor.summary();
const overcharged: string = summary.overcharged;
const perCode: number = summary.counts.fee_overcharged;
async function upload(file: File, chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const a = engine.auditor(merchant, '2025-03-20T00:00');
  const { lines, summary: s } = await a.auditCsv(file, {
    onProgress: (p: AuditProgress) => console.log(p.lines, p.bytes, p.totalBytes ?? 0),
    progressEvery: 500,
  });
  await engine.auditor(merchant, '2025-03-20T00:00').auditCsv(file.stream(), { onLine: (l) => console.log(l.status) });
  await engine.auditor(merchant, '2025-03-20T00:00').auditCsv(chunks, { totalBytes: 1000 });
  await engine.auditor(merchant, '2025-03-20T00:00').auditCsv('id,time,amount,method,fee_charged\n');
  return `${lines.length} ${s.feesCharged}`;
}
// @ts-expect-error the fee charged is money: a string
auditor.auditLine({ ...line, feeCharged: 0.38 });

// Troubleshooting.
const question: DiagnoseInput = { situation: 'declined', terminalMessage: '余额不足', payment, merchant, recentPayments: ['2025-09-30T21:58'] };
const d: Diagnosis = engine.diagnose(question);
const situation: Situation = d.situation;
const firstCause: string | undefined = d.causes[0]?.code;
const dueDate: string | undefined = d.notDue?.due;
const refusal: string | undefined = d.planRefusal?.code;
// @ts-expect-error situations are the core's strings
engine.diagnose({ situation: 'lost' });

try {
  engine.quote(merchant, payment);
} catch (e) {
  if (e instanceof PosfeeError) {
    const code: ErrorCode = e.code;
    const where: string = e.field;
    const why: string = e.reason;
    const year: number | null = e.year;
    console.log(code, where, why, year, e.messageZh, e.messageEn);
  }
}

// A merchant's own contract against 优POS, and next year's calendar in the holiday-cn format.
const mine: ContractInput = { rates: { credit: '0.60', debit: '0.50', qr: '0.38', smallContactless: '0.38', contactless: '0.60' }, debitCap: '20.00', fixedFee: '3.00' };
const byChannel: ChannelComparison = compareContract(mine, Plan.upos(), Plan.upos(), merchant, [{ payment, count: 30 }]);
const saving: string = byChannel.channels[0].saving;
const myPlan: Plan = Plan.fromContract(mine);
engine.loadCalendar('{"year": 2027, "days": []}', '2026.12.01');
const next: Calendar = Calendar.fromHolidayCn({ year: 2027, days: [] }, '2026.12.01');
const consulted: ConsultedYear[] = engine.arrival(payment).calendar;
console.log(saving, myPlan.id, next.validUntil, consulted);
// @ts-expect-error a contract names every channel's rate
compareContract({ rates: { credit: '0.60' } }, Plan.upos(), Plan.upos(), merchant, []);

// @ts-expect-error money is never a number
engine.quote(merchant, { ...payment, amount: 1000 });
// @ts-expect-error enum values are the core's strings
engine.quote(merchant, { ...payment, method: 'cash' });
// @ts-expect-error the API is camelCase
engine.quote({ tier: 'new', verification: 'none', credit_rate: 'standard', activated: true }, payment);

console.log(fee, arrives, left, outcome, totalFee, versions, years, cheaper, quotes, first, act, el, day, amount, v);
console.log(codes, status, why, lineNo, some, fed, rest, overcharged, perCode, upload, situation, firstCause, dueDate, refusal);
