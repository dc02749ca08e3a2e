// posfee/quote in Node as an ES module: the very module require('posfee/quote')
// gives (node.cjs): one instance and one PosfeeError class in a process.
import { createRequire } from 'node:module';

export const { Engine, parseAmount, version, PosfeeError } = createRequire(import.meta.url)('./node.cjs');
