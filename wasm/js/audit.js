// Auditor.prototype.auditCsv and auditStatement: a whole CSV statement
// streamed into the engine piece by piece, with progress (auditStatement
// reads it as merchants have it: startStatement, then the same stream). Shared by every entry (the build derives
// audit.cjs from this file).

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

export function installAuditCsv(Auditor, PosfeeError) {
  Auditor.prototype.auditCsv = async function auditCsv(source, options) {
    return exclusive(this, 'auditCsv', () => run.call(this, source, options, PosfeeError), PosfeeError);
  };
  Auditor.prototype.auditStatement = async function auditStatement(source, options) {
    return exclusive(
      this,
      'auditStatement',
      async () => {
        this.startStatement(options?.format ?? null);
        const r = await run.call(this, source, options, PosfeeError);
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

async function run(source, options, PosfeeError) {
  const { onLine, onProgress, progressEvery, totalBytes } = options ?? {};
  const every = Math.max(1, Math.floor(Number(progressEvery ?? 1000)) || 1);
  const [chunks, size] = open(source, PosfeeError);
  const progress = { lines: 0, bytes: 0, totalBytes: totalBytes ?? size };
  const lines = [];
  let reported = false;
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
  const feed = (judged) => {
    if (!take) for (const l of judged) lines.push(l);
  };
  let last = Date.now();
  for await (let chunk of chunks) {
    if (typeof chunk === 'string') chunk = new TextEncoder().encode(chunk);
    // Big chunks are fed in pieces too.
    for (const piece of chunk.length > PIECE ? pieces(chunk) : [chunk]) {
      progress.bytes += piece.length;
      feed(this.feedCsv(piece, take));
    }
    if (reported && Date.now() - last > 50) {
      reported = false;
      await pause();
      last = Date.now();
    }
  }
  feed(this.finishCsv(take));
  if (onProgress) onProgress({ ...progress });
  return { lines, summary: this.summary() };
}
