// The conformance vectors under node --test: one test per case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runVectors } from './vectors.mjs';

const results = runVectors();

test('there are at least 200 vectors', () => assert.ok(results.length >= 200, `found ${results.length}`));

for (const r of results) {
  test(`${r.file} ${r.id}`, () => assert.deepEqual(r.diffs, []));
}
