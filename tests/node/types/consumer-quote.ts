// A consumer of the quote module (posfee/quote), compiled with tsc --noEmit
// --strict: the same names and types as the whole package.
import { Engine, parseAmount, version, PosfeeError } from 'posfee/quote';
import type { MerchantInput, PaymentInput, Quote, Fee, FeeBatchText, DataVersions, ErrorCode } from 'posfee/quote';

const engine = new Engine();
const merchant: MerchantInput = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
const payment: PaymentInput = { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' };

const q: Quote = engine.quote(merchant, payment, { used: { credit: '1000.00' } }, { provisional: false });
const arrives: string | undefined = q.arrival?.date;
const f: Fee = engine.fee(merchant, payment);
const batch: FeeBatchText = engine.feeBatchText(merchant, {
  amounts: '12.50\n3000.00',
  instruments: [{ method: 'qr', wallet: 'wechat' }, { method: 'card', cardKind: 'debit', cardMedium: 'chip' }],
  instrumentIndex: Uint8Array.of(0, 1),
});
const v: DataVersions = engine.dataVersions();
const amount: string = parseAmount('12.5');

try {
  engine.quote(merchant, { ...payment, amount: '1.001' });
} catch (e) {
  if (e instanceof PosfeeError) {
    const code: ErrorCode = e.code;
    console.log(code, e.field, e.messageZh, e.messageEn);
  }
}
console.log(version(), q.fee, arrives, f.net, batch.totalFee, v.planId, amount);
