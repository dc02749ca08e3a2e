// The package as published: `npm pack` of wasm/pkg, unpacked into a fresh
// node_modules, then imported (ESM) and required (CommonJS) by a consumer
// that has nothing else. Catches a file missing from package.json "files".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../../wasm/pkg/', import.meta.url));

test('npm pack → unpack → import and require work', () => {
  const dir = mkdtempSync(`${tmpdir()}/posfee-pack-`);
  try {
    const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: pkg, encoding: 'utf8' }).trim().split('\n').at(-1);
    mkdirSync(`${dir}/node_modules/posfee`, { recursive: true });
    execFileSync('tar', ['xzf', `${dir}/${name}`, '-C', `${dir}/node_modules/posfee`, '--strip-components=1']);
    const merchant = "{tier:'new',verification:'none',creditRate:'standard',activated:true}";
    const pay = "{amount:'100.00',method:'qr',wallet:'alipay'}";
    writeFileSync(`${dir}/esm.mjs`, `import { Engine, PosfeeError } from 'posfee';
      const e = new Engine(); let r = ''; try { e.activation(1); } catch (x) { r = x instanceof PosfeeError; }
      console.log(e.fee(${merchant}, ${pay}).fee, r);`);
    writeFileSync(`${dir}/cjs.cjs`, `const { Engine, PosfeeError } = require('posfee');
      const e = new Engine(); let r = ''; try { e.activation(1); } catch (x) { r = x instanceof PosfeeError; }
      console.log(e.fee(${merchant}, ${pay}).fee, r);`);
    for (const f of ['esm.mjs', 'cjs.cjs']) {
      assert.equal(execFileSync(process.execPath, [f], { cwd: dir, encoding: 'utf8' }).trim(), '0.38 true', f);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
