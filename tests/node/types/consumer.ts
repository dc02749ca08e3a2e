// A small consumer of the package, compiled with tsc --noEmit --strict: the
// published types must be complete enough for this to type-check.
import { Engine, Plan, Calendar, DayLedger, compare, parseAmount, version, PosfeeError } from 'posfee';
import type { MerchantInput, PaymentInput, Quote, FeeBatch, ErrorCode, DataVersions } from 'posfee';

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

// @ts-expect-error money is never a number
engine.quote(merchant, { ...payment, amount: 1000 });
// @ts-expect-error enum values are the core's strings
engine.quote(merchant, { ...payment, method: 'cash' });
// @ts-expect-error the API is camelCase
engine.quote({ tier: 'new', verification: 'none', credit_rate: 'standard', activated: true }, payment);

console.log(fee, arrives, left, outcome, totalFee, versions, years, cheaper, quotes, first, act, el, day, amount, v);
