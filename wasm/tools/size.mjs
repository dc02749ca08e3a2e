// Reports the package payload (JS glue + .wasm), raw and gzipped, and fails
// when the browser payload is over the gzipped budget.
//   node wasm/tools/size.mjs [budgetBytes]
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = new URL('../pkg/', import.meta.url);
// wasm-bindgen's inline JS snippet(s), in a hashed folder.
const snippets = (dir) =>
  readdirSync(new URL(`${dir}snippets/`, pkg)).flatMap((d) =>
    readdirSync(new URL(`${dir}snippets/${d}/`, pkg)).map((f) => `${dir}snippets/${d}/${f}`));
const payloads = {
  'browser / bundler / Node ESM (web.js, error.js, audit.js, posfee_wasm.js, snippets, posfee_wasm_bg.wasm)': ['web.js', 'error.js', 'audit.js', 'posfee_wasm.js', ...snippets(''), 'posfee_wasm_bg.wasm'],
  'Node CommonJS (node.cjs, error.cjs, audit.cjs, cjs/posfee_wasm.js, snippets, cjs/posfee_wasm_bg.wasm)': ['node.cjs', 'error.cjs', 'audit.cjs', 'cjs/posfee_wasm.js', ...snippets('cjs/'), 'cjs/posfee_wasm_bg.wasm'],
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
let browserGz = 0;
for (const [name, files] of Object.entries(payloads)) {
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
  if (!browserGz) browserGz = gz;
  console.log(`payload ${name}: ${kb(raw)} raw, ${kb(gz)} gzipped`);
  console.log(`  ${parts.join(', ')}`);
}
const budget = Number(process.argv[2] ?? 64 * 1024);
const target = 64 * 1024;
console.log(`size budget: ${kb(browserGz)} gzipped of ${kb(budget)} allowed (target ${kb(target)})`);
if (browserGz > budget) {
  console.error(`size budget exceeded: ${kb(browserGz)} > ${kb(budget)} gzipped`);
  process.exitCode = 1;
}
