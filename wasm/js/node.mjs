// Node as an ES module: the very module require('posfee') gives (node.cjs),
// so a process that both imports and requires posfee has one engine and one
// PosfeeError class.
import { createRequire } from 'node:module';

export const { Engine, Plan, Calendar, DayLedger, Auditor, compare, compareByChannel, compareContract, parseAmount, version, PosfeeError } =
  createRequire(import.meta.url)('./node.cjs');
