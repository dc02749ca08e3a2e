// Node as an ES module: the same glue as the browser, instantiated
// synchronously from the .wasm file beside this one.
import { readFileSync } from 'node:fs';
import { initSync, Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, compareContract, parseAmount, version, __setErrorClass } from './posfee_wasm.js';
import { PosfeeError } from './error.js';
import { installAuditCsv } from './audit.js';

initSync({ module: readFileSync(new URL('./posfee_wasm_bg.wasm', import.meta.url)) });
__setErrorClass(PosfeeError);
installAuditCsv(Auditor, PosfeeError);

export { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, compareContract, parseAmount, version, PosfeeError };
