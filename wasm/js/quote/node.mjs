// posfee/quote in Node as an ES module, instantiated synchronously.
import { readFileSync } from 'node:fs';
import { initSync, Engine, parseAmount, version, __setErrorClass } from './posfee_quote.js';
import { PosfeeError } from '../error.js';

initSync({ module: readFileSync(new URL('./posfee_quote_bg.wasm', import.meta.url)) });
__setErrorClass(PosfeeError);

export { Engine, parseAmount, version, PosfeeError };
