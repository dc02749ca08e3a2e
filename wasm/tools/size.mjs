// Reports the package payloads (JS glue + .wasm), raw and gzipped, and fails
// when a browser payload is over its gzipped budget.
//   node wasm/tools/size.mjs [fullBudgetBytes] [quoteBudgetBytes] [xlsxBudgetBytes]
// `posfee/quote` (the quote module) is held to the 64 KiB target; the whole
// package and `posfee/xlsx` (loaded only for a workbook) to regression
// guards (see wasm/README.md, "Size and speed"). Node reads the same .wasm
// files as browsers (one copy of each in the package).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = new URL('../pkg/', import.meta.url);
// wasm-bindgen's inline JS snippet(s), in a hashed folder.
const snippets = (dir) =>
  readdirSync(new URL(`${dir}snippets/`, pkg)).flatMap((d) =>
    readdirSync(new URL(`${dir}snippets/${d}/`, pkg)).map((f) => `${dir}snippets/${d}/${f}`));
const target = 64 * 1024;
const payloads = [
  {
    name: 'posfee/quote, browser / bundler (quote/web.js, error.js, quote/posfee_quote.js, snippets, quote/posfee_quote_bg.wasm)',
    files: ['quote/web.js', 'error.js', 'quote/posfee_quote.js', ...snippets('quote/'), 'quote/posfee_quote_bg.wasm'],
    budget: Number(process.argv[3] ?? target),
    target,
  },
  {
    name: 'posfee/quote, Node (quote/node.cjs, error.cjs, quote/cjs/posfee_quote.js, snippets, quote/posfee_quote_bg.wasm)',
    files: ['quote/node.cjs', 'error.cjs', 'quote/cjs/posfee_quote.js', ...snippets('quote/cjs/'), 'quote/posfee_quote_bg.wasm'],
  },
  {
    name: 'posfee, browser / bundler (web.js, error.js, audit.js, posfee_wasm.js, snippets, posfee_wasm_bg.wasm)',
    files: ['web.js', 'error.js', 'audit.js', 'posfee_wasm.js', ...snippets(''), 'posfee_wasm_bg.wasm'],
    budget: Number(process.argv[2] ?? 330 * 1024),
  },
  {
    name: 'posfee, Node (node.cjs, error.cjs, audit.cjs, cjs/posfee_wasm.js, snippets, posfee_wasm_bg.wasm)',
    files: ['node.cjs', 'error.cjs', 'audit.cjs', 'cjs/posfee_wasm.js', ...snippets('cjs/'), 'posfee_wasm_bg.wasm'],
  },
  {
    name: 'posfee/xlsx, browser / bundler, loaded by auditStatement only for a workbook (xlsx/web.js, xlsx/rows.js, xlsx/posfee_xlsx.js, xlsx/posfee_xlsx_bg.wasm)',
    files: ['xlsx/web.js', 'xlsx/rows.js', 'xlsx/posfee_xlsx.js', 'xlsx/posfee_xlsx_bg.wasm'],
    budget: Number(process.argv[4] ?? 300 * 1024),
  },
];
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const { name, files, budget, target: goal } of payloads) {
  let raw = 0;
  let gz = 0;
  const parts = [];
  for (const f of files) {
    const bytes = readFileSync(new URL(f, pkg));
    const z = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += z;
    parts.push(`${f.replace(/snippets\/[^/]+\//, 'snippets/…/')} ${kb(bytes.length)} (${kb(z)} gz)`);
  }
  console.log(`payload ${name}: ${kb(raw)} raw, ${kb(gz)} gzipped`);
  console.log(`  ${parts.join(', ')}`);
  if (budget !== undefined) {
    console.log(`  size budget: ${kb(gz)} gzipped of ${kb(budget)} allowed${goal ? ` (target ${kb(goal)})` : ''}`);
    if (gz > budget) {
      console.error(`size budget exceeded: ${kb(gz)} > ${kb(budget)} gzipped`);
      process.exitCode = 1;
    }
  }
}
