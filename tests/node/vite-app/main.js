// A page bundled by Vite that uses the package as any app would.
import { Engine, PosfeeError } from 'posfee';

const engine = new Engine();
const merchant = { tier: 'premium', verification: 'face_and_card', creditRate: 'standard', activated: true };
const q = engine.quote(merchant, { amount: '1000.00', method: 'card', cardKind: 'credit', cardMedium: 'chip', time: '2025-09-30T22:00' });
let refused = '';
try {
  engine.quote(merchant, { amount: 1000, method: 'card' });
} catch (e) {
  refused = e instanceof PosfeeError ? `${e.code}/${e.reason}` : String(e);
}
const result = `fee ${q.fee} net ${q.net} arrives ${q.arrival.date}; number as money: ${refused}`;
document.getElementById('out').textContent = result;
globalThis.posfeeResult = result;
