// posfee/quote in browsers and bundlers: the quote module (built-in data),
// fetched from posfee_quote_bg.wasm beside this file and instantiated before
// the module finishes loading (top-level await).
import init, { Engine, parseAmount, version, __setErrorClass } from './posfee_quote.js';
import { PosfeeError } from '../error.js';

await init();
__setErrorClass(PosfeeError);

export { Engine, parseAmount, version, PosfeeError };
