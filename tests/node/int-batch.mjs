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
// ((0|[1-9][0-9]{0,7})(\.[0-9]{1,2})?, above zero); anything else throws.

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
  const candidates = instruments.map((p) =>
    rules.filter(({ when: w }) => {
      if (w.methods && !w.methods.includes(p.method)) return false;
      if (w.card_kinds && !w.card_kinds.includes(p.cardKind)) return false;
      if (w.card_media && !w.card_media.includes(p.cardMedium)) return false;
      if (w.wallets && !w.wallets.includes(p.wallet)) return false;
      if (w.large_mode !== undefined && w.large_mode !== (p.largeMode === true)) return false;
      return true;
    }),
  );
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function fee(fen, list) {
    for (let k = 0; k < list.length; k++) {
      const r = list[k];
      if (fen < r.lo || fen > r.hi) continue;
      // fen × num stays below 2^53 for every amount and rate of a plan.
      const n = fen * r.num;
      let q = Math.floor(n / r.den);
      if (2 * (n - q * r.den) >= r.den) q++;
      if (q > r.cap) q = r.cap;
      if (q < r.minimum) q = r.minimum;
      return q + r.fixed;
    }
    throw new Error('no fee rule');
  }

  /** Writes fen as yuan with two decimals at `at`; returns the new end. */
  function put(buf, at, fen) {
    let v = fen;
    if (v < 0) {
      buf[at++] = 45;
      v = -v;
    }
    const cents = v % 100;
    let yuan = (v - cents) / 100;
    // Yuan digits, most significant first.
    let digits = 1;
    for (let t = yuan; t >= 10; t = Math.floor(t / 10)) digits++;
    for (let i = at + digits - 1; i >= at; i--) {
      buf[i] = 48 + (yuan % 10);
      yuan = Math.floor(yuan / 10);
    }
    at += digits;
    buf[at] = 46;
    buf[at + 1] = DIGITS[2 * cents];
    buf[at + 2] = DIGITS[2 * cents + 1];
    return at + 3;
  }

  return function price(text, instrumentIndex) {
    const bytes = encoder.encode(text);
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 10) end--;
    let count = bytes.length === 0 ? 0 : 1;
    for (let k = 0; k < end; k++) if (bytes[k] === 10) count++;
    // A fee is at most as long as its amount plus a few; a net as its amount.
    const fees = new Uint8Array(end + 12 * count + 16);
    const nets = new Uint8Array(end + 12 * count + 16);
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
      i++;
      const list = candidates[instrumentIndex ? instrumentIndex[line] : 0];
      if (list === undefined) throw new Error(`instrumentIndex[${line}]: out of range`);
      const fe = fee(fen, list);
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
