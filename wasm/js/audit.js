// Auditor.prototype.auditCsv and auditStatement: a whole CSV statement
// streamed into the engine piece by piece, with progress (auditStatement
// reads it as merchants have it: startStatement, then the same stream; an
// .xlsx workbook's rows are read by posfee/xlsx, loaded only then, and fed
// with feedRows). Shared by every entry (the build derives audit.cjs from
// this file).

/** Text and bytes are fed in pieces of this size, so the engine never holds a whole file. */
const PIECE = 1 << 16;

function sourceError(en, zh, PosfeeError) {
  return new PosfeeError({ code: 'invalid_field', field: 'source', reason: 'wrong_type', year: null, messageZh: zh, messageEn: en });
}

async function* chunksOf(stream) {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      yield r.value;
    }
    done = true;
  } finally {
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function* pieces(bytes) {
  for (let i = 0; i < bytes.length; i += PIECE) yield bytes.subarray(i, i + PIECE);
}

/** The chunks of a source and its size when known. */
function open(source, PosfeeError) {
  if (typeof source === 'string') source = new TextEncoder().encode(source);
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (ArrayBuffer.isView(source)) {
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    return [pieces(bytes), bytes.length];
  }
  if (source && typeof source.stream === 'function' && typeof source.size === 'number') {
    return [chunksOf(source.stream()), source.size];
  }
  if (source && typeof source[Symbol.asyncIterator] === 'function') return [source, null];
  if (source && typeof source.getReader === 'function') return [chunksOf(source), null];
  if (source && typeof source[Symbol.iterator] === 'function') return [source, null];
  throw sourceError(
    'source: expected CSV text, bytes, a Blob or File, a stream or an iterable of chunks',
    'source：应为 CSV 文本、字节、Blob/File、流或分块的可迭代对象',
    PosfeeError,
  );
}

/** Lets a page repaint (a progress bar) between pieces. */
const pause = () =>
  globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((r) => setTimeout(r, 0));

/** Auditors with a whole-file audit under way, and which: a second one is refused, never interleaved. */
const BUSY = new WeakMap();

/** Rows of a workbook fed to the engine at once. */
const ROWS = 1000;

/** The bytes of an .xlsx workbook (a zip file: "PK\x03\x04"), or null for anything else. */
async function workbook(source) {
  const zip = (b) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  if (source instanceof ArrayBuffer) source = new Uint8Array(source);
  if (ArrayBuffer.isView(source)) {
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    return zip(bytes) ? bytes : null;
  }
  if (source && typeof source.slice === 'function' && typeof source.arrayBuffer === 'function' && typeof source.size === 'number') {
    const head = new Uint8Array(await source.slice(0, 4).arrayBuffer());
    return zip(head) ? new Uint8Array(await source.arrayBuffer()) : null;
  }
  return null;
}

/**
 * Installs auditCsv and auditStatement. `loadXlsx` loads posfee/xlsx (a
 * dynamic import, so the workbook reader is fetched only for a workbook).
 */
export function installAuditCsv(Auditor, PosfeeError, loadXlsx) {
  Auditor.prototype.auditCsv = async function auditCsv(source, options) {
    return exclusive(this, 'auditCsv', () => run.call(this, source, options, PosfeeError), PosfeeError);
  };
  Auditor.prototype.auditStatement = async function auditStatement(source, options) {
    return exclusive(
      this,
      'auditStatement',
      async () => {
        this.startStatement(options?.format ?? null);
        const book = await workbook(source);
        const r = book
          ? await runRows.call(this, book, options, loadXlsx)
          : await run.call(this, source, options, PosfeeError);
        return { ...r, layout: this.statementLayout(), totals: this.statementTotals() };
      },
      PosfeeError,
    );
  };
}

/** Runs `f` unless the auditor already runs a whole-file audit. */
async function exclusive(auditor, name, f, PosfeeError) {
  const running = BUSY.get(auditor);
  if (running !== undefined) {
    throw new PosfeeError({
      code: 'invalid_state',
      field: 'source',
      reason: 'busy',
      year: null,
      messageZh: `source：该 Auditor 正在执行另一次 ${running}；请等待其完成，或另建一个 Auditor`,
      messageEn: `source: this Auditor is already running an ${running}; wait for it to finish, or use another Auditor`,
    });
  }
  BUSY.set(auditor, name);
  try {
    return await f();
  } finally {
    BUSY.delete(auditor);
  }
}

/**
 * The lines judged, kept or handed to onLine, with progress reported every
 * progressEvery lines and a pause for the page to repaint after a report.
 */
function collector(options, progress) {
  const { onLine, onProgress, progressEvery } = options ?? {};
  const every = Math.max(1, Math.floor(Number(progressEvery ?? 1000)) || 1);
  const lines = [];
  let reported = false;
  let last = Date.now();
  const each = (line) => {
    if (onLine) onLine(line);
    else lines.push(line);
    progress.lines += 1;
    if (onProgress && progress.lines % every === 0) {
      onProgress({ ...progress });
      reported = true;
    }
  };
  const take = onLine || onProgress ? each : null;
  return {
    lines,
    take,
    feed(judged) {
      if (!take) for (const l of judged) lines.push(l);
    },
    async breathe() {
      if (reported && Date.now() - last > 50) {
        reported = false;
        await pause();
        last = Date.now();
      }
    },
    end() {
      if (onProgress) onProgress({ ...progress });
    },
  };
}

async function run(source, options, PosfeeError) {
  const [chunks, size] = open(source, PosfeeError);
  const progress = { lines: 0, bytes: 0, totalBytes: options?.totalBytes ?? size };
  const c = collector(options, progress);
  for await (let chunk of chunks) {
    if (typeof chunk === 'string') chunk = new TextEncoder().encode(chunk);
    // Big chunks are fed in pieces too.
    for (const piece of chunk.length > PIECE ? pieces(chunk) : [chunk]) {
      progress.bytes += piece.length;
      c.feed(this.feedCsv(piece, c.take));
    }
    await c.breathe();
  }
  c.feed(this.finishCsv(c.take));
  c.end();
  return { lines: c.lines, summary: this.summary() };
}

/** A workbook: its sheet's rows read whole by posfee/xlsx, then fed ROWS at a time. */
async function runRows(bytes, options, loadXlsx) {
  const { xlsxRows } = await loadXlsx();
  const rows = xlsxRows(bytes, options?.sheet ?? null);
  const progress = { lines: 0, bytes: bytes.length, totalBytes: bytes.length, rows: 0, totalRows: rows.length };
  const c = collector(options, progress);
  for (let i = 0; i < rows.length; i += ROWS) {
    const part = rows.slice(i, i + ROWS);
    progress.rows += part.length;
    c.feed(this.feedRows(part, c.take));
    await c.breathe();
  }
  c.feed(this.finishCsv(c.take));
  c.end();
  return { lines: c.lines, summary: this.summary() };
}
