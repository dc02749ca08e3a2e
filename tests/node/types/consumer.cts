// The same package from CommonJS.
import posfee = require('posfee');

const engine = new posfee.Engine();
const q: posfee.Quote = engine.quote(
  { tier: 'new', verification: 'none', creditRate: 'standard', activated: true },
  { amount: '88.00', method: 'qr', wallet: 'wechat', time: '2025-03-12T10:00' },
);
const e: typeof posfee.PosfeeError = posfee.PosfeeError;
const audit: posfee.LineAudit[] = new posfee.Auditor(engine, { tier: 'new', verification: 'none', creditRate: 'standard', activated: true }, '2025-03-20T00:00').feedCsv('id,time,amount,method,wallet,fee_charged\n');
const d: posfee.Diagnosis = engine.diagnose({ situation: 'suspended' });
console.log(q.fee, e, audit, d.recoverySteps);
