#!/usr/bin/env node
// A tiny static server for the posfee web demo, on 127.0.0.1 only:
//   /            web-demo/index.html (and the demo's own files)
//   /pkg/…       the built npm package `posfee` (its browser build web.js,
//                the wasm-bindgen glue and posfee_wasm_bg.wasm)
// Nothing is computed here: every answer is worked out in the page by the
// package's WebAssembly.
//
//   node web-demo/server.mjs [--port N] [--pkg DIR]
//   (or PORT=N POSFEE_PKG=DIR; port 0 picks a free port; the default package
//   is wasm/pkg, built by wasm/tools/build.sh)
//
// Prints "posfee web demo: http://127.0.0.1:PORT/" once listening. Stops on
// Ctrl-C (SIGINT) or SIGTERM. No dependencies beyond Node.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { resolve, extname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under one of the served roots, or null. */
function locate(path, demoDir, pkgDir) {
  let base = demoDir;
  let rel = path;
  if (path === '/' || path === '') rel = '/index.html';
  if (path.startsWith('/pkg/')) {
    base = pkgDir;
    rel = path.slice(4);
  } else if (path.startsWith('/tests/')) {
    return null; // the e2e suite is not part of the page
  }
  const file = resolve(base, '.' + rel);
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

/**
 * Starts the server; resolves to { server, url, port, close() }.
 * @param {{port?: number, pkgDir?: string, demoDir?: string, host?: string}} options
 */
export async function startServer({ port = 0, pkgDir, demoDir = HERE, host = '127.0.0.1' } = {}) {
  const pkg = resolve(pkgDir ?? process.env.POSFEE_PKG ?? resolve(ROOT, 'wasm/pkg'));
  const demo = resolve(demoDir);
  try {
    await stat(resolve(pkg, 'web.js'));
  } catch {
    throw new Error(`no built package at ${pkg} (web.js missing): run bash wasm/tools/build.sh`);
  }
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = locate(path, demo, pkg);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  return {
    server,
    url,
    port: actual,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const wanted = Number(arg('--port') ?? process.env.PORT ?? 8080);
  const pkgDir = arg('--pkg') ?? process.env.POSFEE_PKG;
  let running;
  try {
    running = await startServer({ port: wanted, pkgDir });
  } catch (e) {
    if (e.code === 'EADDRINUSE') {
      console.error(`port ${wanted} is in use; picking a free one`);
      running = await startServer({ port: 0, pkgDir });
    } else {
      console.error(`posfee web demo: ${e.message}`);
      process.exit(1);
    }
  }
  console.log(`posfee web demo: ${running.url}`);
  console.log('(Ctrl-C stops it)');
  const stop = async () => {
    running.server.closeAllConnections?.();
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
