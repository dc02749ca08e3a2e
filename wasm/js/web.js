// Browsers and bundlers (Vite, webpack, Rollup): the engine is fetched from
// posfee_wasm_bg.wasm beside this file (new URL(…, import.meta.url)) and
// instantiated before the module finishes loading (top-level await).
import init, { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, compareContract, parseAmount, version, __setErrorClass } from './posfee_wasm.js';
import { PosfeeError } from './error.js';
import { installAuditCsv } from './audit.js';

await init();
__setErrorClass(PosfeeError);
installAuditCsv(Auditor, PosfeeError, () => import('./xlsx/web.js'));

export { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, compareContract, parseAmount, version, PosfeeError };
