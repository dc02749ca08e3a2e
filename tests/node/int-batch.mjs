// The peer of `feeBatchText` in tests/node/bench.mjs: a hand-written
// statement batch in plain JavaScript, integer fen arithmetic on byte
// buffers (text in, text out), from the same plan file. Not part of the
// package; written to be as fast as plain JavaScript gets for this work:
//   - the amounts text is encoded once (TextEncoder) and read byte by byte,
//     each line's fen accumulated as an integer;
//   - each instrument's candidate rules are chosen once (all conditions but
//     the amount), each rule's rate held as an integer numerator over a
//     power of ten;
//   - fees and nets are written as ASCII bytes into preallocated buffers
//     and decoded once (TextDecoder).
// Amounts are checked as the package's fast path reads them
// ((0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?, above zero) and must stay below
// 21,474,836.48 yuan (32-bit fen); anything else throws.

const DIGITS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  DIGITS[2 * i] = 48 + Math.floor(i / 10);
  DIGITS[2 * i + 1] = 48 + (i % 10);
}

/** A percent text ("0.55") as [numerator, denominator] of the fraction. */
function rateFraction(text) {
  const [int, frac = ''] = text.split('.');
  return [Number(int + frac), 100 * 10 ** frac.length];
}

/** Fen of a money text ("25.00"). */
function fenOf(text) {
  const [int, frac = ''] = text.split('.');
  return Number(int) * 100 + Number((frac + '00').slice(0, 2));
}

/**
 * Compiles the plan's fee rules for a merchant and a list of instruments
 * (the package's instrument shape, camelCase); returns
 * `price(amountsText, instrumentIndex) -> {fees, nets, totalAmount, totalFee, totalNet, count}`.
 */
export function makeIntBatch(plan, merchant, instruments) {
  if (plan.rounding !== 'half_up') throw new Error('this peer implements half-up rounding only');
  const rules = plan.fee_rules.map((r) => {
    const [num, den] = rateFraction(r.use_credit_rate ? plan.credit_rates[merchant.creditRate] : r.rate_percent);
    const a = r.when.amount ?? {};
    return {
      when: r.when,
      num,
      den,
      cap: r.cap ? fenOf(r.cap) : Infinity,
      minimum: r.minimum ? fenOf(r.minimum) : 0,
      fixed: r.fixed ? fenOf(r.fixed) : 0,
      lo: a.min ? fenOf(a.min) : a.above ? fenOf(a.above) + 1 : -Infinity,
      hi: a.max ? fenOf(a.max) : a.below ? fenOf(a.below) - 1 : Infinity,
    };
  });
  // Each rule's numbers in parallel typed arrays (one shape, no objects in
  // the loop); each instrument's candidate rules as a run of indexes.
  const R = rules.length;
  // 32-bit integers, so V8 keeps every value in the loop a small integer
  // (doubles would be boxed across calls): amounts up to 21,474,836.47
  // yuan (larger ones throw), "no bound" as the largest int32.
  const BIG = 0x7fffffff;
  const clamp = (v) => Math.max(-BIG, Math.min(BIG, v));
  const LO = new Int32Array(R), HI = new Int32Array(R), NUM = new Int32Array(R), DEN = new Int32Array(R);
  const CAP = new Int32Array(R), MIN = new Int32Array(R), FIX = new Int32Array(R);
  rules.forEach((r, k) => {
    LO[k] = clamp(r.lo); HI[k] = clamp(r.hi); NUM[k] = r.num; DEN[k] = r.den;
    CAP[k] = clamp(r.cap); MIN[k] = r.minimum; FIX[k] = r.fixed;
  });
  const starts = new Int32Array(instruments.length + 1);
  const cand = [];
  instruments.forEach((p, k) => {
    rules.forEach(({ when: w }, j) => {
      if (w.methods && !w.methods.includes(p.method)) return;
      if (w.card_kinds && !w.card_kinds.includes(p.cardKind)) return;
      if (w.card_media && !w.card_media.includes(p.cardMedium)) return;
      if (w.wallets && !w.wallets.includes(p.wallet)) return;
      if (w.large_mode !== undefined && w.large_mode !== (p.largeMode === true)) return;
      cand.push(j);
    });
    starts[k + 1] = cand.length;
  });
  const CAND = Int32Array.from(cand);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  /** Writes fen (0 ≤ fen < 10^16) as yuan with two decimals at `at`, two digits at a time; returns the new end. */
  function put(buf, at, fen) {
    if (fen < 0) {
      buf[at++] = 45;
      fen = -fen;
    }
    const cents = fen % 100;
    let yuan = (fen - cents) / 100;
    const digits = yuan < 10 ? 1 : yuan < 100 ? 2 : yuan < 1e3 ? 3 : yuan < 1e4 ? 4 : yuan < 1e5 ? 5 : yuan < 1e6 ? 6 : yuan < 1e7 ? 7 : yuan < 1e8 ? 8 : String(yuan).length;
    let i = at + digits;
    while (yuan >= 100) {
      const r = yuan % 100;
      yuan = (yuan - r) / 100;
      buf[--i] = DIGITS[2 * r + 1];
      buf[--i] = DIGITS[2 * r];
    }
    if (yuan >= 10) {
      buf[--i] = DIGITS[2 * yuan + 1];
      buf[--i] = DIGITS[2 * yuan];
    } else buf[--i] = 48 + yuan;
    at += digits;
    buf[at] = 46;
    buf[at + 1] = DIGITS[2 * cents];
    buf[at + 2] = DIGITS[2 * cents + 1];
    return at + 3;
  }

  let feeBuf = new Uint8Array(0);
  let netBuf = new Uint8Array(0);
  return function price(text, instrumentIndex) {
    const bytes = encoder.encode(text);
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 10) end--;
    let count = bytes.length === 0 ? 0 : 1;
    for (let k = 0; k < end; k++) if (bytes[k] === 10) count++;
    // A fee or a net is at most as long as its amount plus a few bytes; the
    // buffers are kept from call to call (fresh ones cost page faults and
    // garbage collection).
    const need = end + 12 * count + 16;
    if (feeBuf.length < need) {
      feeBuf = new Uint8Array(need);
      netBuf = new Uint8Array(need);
    }
    // Locals: the loop reads no closure variable that changes.
    const fees = feeBuf;
    const nets = netBuf;
    const kinds = instruments.length;
    let f = 0;
    let n = 0;
    let totalAmount = 0;
    let totalFee = 0;
    let i = 0;
    for (let line = 0; line < count; line++) {
      const start = i;
      let fen = 0;
      let intDigits = 0;
      let fracDigits = -1;
      for (; i < end && bytes[i] !== 10; i++) {
        const b = bytes[i];
        if (b >= 48 && b <= 57) {
          fen = fen * 10 + (b - 48);
          if (fracDigits >= 0) fracDigits++;
          else intDigits++;
        } else if (b === 46 && fracDigits < 0) fracDigits = 0;
        else throw new Error(`amounts[${line}]: not an amount`);
      }
      if (
        intDigits === 0 || intDigits > 8 || fracDigits === 0 || fracDigits > 2 ||
        (intDigits > 1 && bytes[start] === 48)
      ) throw new Error(`amounts[${line}]: not an amount`);
      if (fracDigits <= 0) fen *= 100;
      else if (fracDigits === 1) fen *= 10;
      if (fen === 0) throw new Error(`amounts[${line}]: zero`);
      if (fen > BIG) throw new Error(`amounts[${line}]: beyond this peer's 32-bit range`);
      i++;
      const inst = instrumentIndex ? instrumentIndex[line] : 0;
      if (!(inst < kinds)) throw new Error(`instrumentIndex[${line}]: out of range`);
      // The fee, inline (a call would box its double result).
      let fe = -1;
      const last = starts[inst + 1];
      for (let c = starts[inst]; c < last; c++) {
        const k = CAND[c];
        if (fen < LO[k] || fen > HI[k]) continue;
        // fen × num stays below 2^53 for every amount and rate of a plan.
        const m = fen * NUM[k];
        const d = DEN[k];
        let q = Math.floor(m / d);
        if (2 * (m - q * d) >= d) q++;
        if (q > CAP[k]) q = CAP[k];
        if (q < MIN[k]) q = MIN[k];
        fe = q + FIX[k];
        break;
      }
      if (fe < 0) throw new Error(`amounts[${line}]: no fee rule`);
      if (line > 0) {
        fees[f++] = 10;
        nets[n++] = 10;
      }
      f = put(fees, f, fe);
      n = put(nets, n, fen - fe);
      totalAmount += fen;
      totalFee += fe;
    }
    return {
      fees: decoder.decode(fees.subarray(0, f)),
      nets: decoder.decode(nets.subarray(0, n)),
      totalAmount: moneyText(totalAmount),
      totalFee: moneyText(totalFee),
      totalNet: moneyText(totalAmount - totalFee),
      count,
    };
  };
}

function moneyText(fen) {
  const sign = fen < 0 ? '-' : '';
  const v = Math.abs(fen);
  return `${sign}${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')}`;
}
