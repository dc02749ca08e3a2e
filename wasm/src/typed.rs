//! The quick way across for the most frequent calls (`quote`, `fee`): the
//! payment and merchant travel as a few fields in a fixed order, and a quote
//! comes back as one text of fields that a JavaScript function assembles into
//! the same object `JSON.parse` would give. Anything these shapes cannot say
//! (an unknown key, a number as money, a string holding the separator) is
//! left to the general path of `convert.rs`, which also words every error.
//!
//! The field order lives twice, here and in the JavaScript below; the Rust
//! side destructures every struct it writes, so a new field in the core does
//! not compile until it is written here, and the Node suite holds the result
//! to the general path's answer.

use chrono::{Datelike, NaiveDate};
use posfee_core::{Arrival, DataVersions, Fee, YearVersion};
use posfee_core::{
    ConsultedYear, DailyBucket, DataOrigin, FeeDetail, LimitCheck, MerchantInput, Money, Outcome,
    PaymentInput, Quote, Refusal, RuleRef, SingleCap, Step, WalletInput, WalletsInput,
};
use std::fmt::Write as _;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

#[wasm_bindgen(inline_js = r#"
const SEP = '\u0001';
const PAYMENT = ['amount', 'method', 'cardKind', 'cardMedium', 'magstripeVerified', 'wallet', 'largeMode', 'time'];
const PAYMENT_BOOL = new Set(['magstripeVerified', 'largeMode']);
const MERCHANT = ['tier', 'verification', 'creditRate', 'activated', 'wallets', 'largeModeApproved'];
const MERCHANT_BOOL = new Set(['activated', 'largeModeApproved']);
const WALLETS = ['alipay', 'wechat', 'unionpay'];
const WELL_FORMED = typeof ''.isWellFormed === 'function';
const isPlain = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return (p === Object.prototype || p === null) && typeof v.toJSON !== 'function';
};
// One field: '' absent (undefined or null), 's…' a string, 't'/'f' a boolean;
// undefined when the value is of another kind (or a string with a lone
// surrogate or the separator).
function field(v, bool) {
  if (v === undefined || v === null) return '';
  if (bool) return v === true ? 't' : v === false ? 'f' : undefined;
  if (typeof v !== 'string' || v.indexOf(SEP) !== -1 || (WELL_FORMED && !v.isWellFormed())) return undefined;
  return 's' + v;
}
// The object's own members in the order of `names` (inherited ones are not
// read); undefined when it has a member not in `names`.
function own(v, names, index) {
  const keys = Object.keys(v);
  const slots = new Array(names.length);
  for (let i = 0; i < keys.length; i++) {
    const at = index.get(keys[i]);
    if (at === undefined) return undefined;
    slots[at] = v[keys[i]];
  }
  return slots;
}
const indexOf = (names) => new Map(names.map((n, i) => [n, i]));
const PAYMENT_INDEX = indexOf(PAYMENT);
const MERCHANT_INDEX = indexOf(MERCHANT);
const WALLETS_INDEX = indexOf(WALLETS);
const WALLET = ['enabled', 'verified'];
const WALLET_INDEX = indexOf(WALLET);
export function posfeePackPayment(p) {
  if (!isPlain(p)) return undefined;
  const slots = own(p, PAYMENT, PAYMENT_INDEX);
  if (slots === undefined) return undefined;
  let out = '';
  for (let i = 0; i < PAYMENT.length; i++) {
    const f = field(slots[i], PAYMENT_BOOL.has(PAYMENT[i]));
    if (f === undefined) return undefined;
    out += i === 0 ? f : SEP + f;
  }
  return out;
}
export function posfeePackMerchant(m) {
  if (!isPlain(m)) return undefined;
  const slots = own(m, MERCHANT, MERCHANT_INDEX);
  if (slots === undefined) return undefined;
  let out = '';
  for (let i = 0; i < MERCHANT.length; i++) {
    const name = MERCHANT[i];
    let f;
    if (name === 'wallets') {
      const w = slots[i];
      if (w === undefined || w === null) f = '';
      else {
        if (!isPlain(w)) return undefined;
        const ws = own(w, WALLETS, WALLETS_INDEX);
        if (ws === undefined) return undefined;
        f = 'o';
        for (let k = 0; k < WALLETS.length; k++) {
          const x = ws[k];
          if (x === undefined || x === null) f += SEP + SEP + SEP;
          else {
            if (!isPlain(x)) return undefined;
            const xs = own(x, WALLET, WALLET_INDEX);
            if (xs === undefined) return undefined;
            const e = field(xs[0], true);
            const v = field(xs[1], true);
            if (e === undefined || v === undefined) return undefined;
            f += SEP + 'o' + SEP + e + SEP + v;
          }
        }
      }
    } else {
      f = field(slots[i], MERCHANT_BOOL.has(name));
      if (f === undefined) return undefined;
    }
    out += i === 0 ? f : SEP + f;
  }
  return out;
}
function reader(tape) {
  const t = tape.split('\u0000');
  let i = 0;
  const r = {
    s: () => t[i++],
    b: () => t[i++] === '1',
    n: () => Number(t[i++]),
    opt: (f) => (t[i++] === '1' ? f() : null),
    list: (f) => {
      const k = Number(t[i++]);
      const a = new Array(k);
      for (let j = 0; j < k; j++) a[j] = f();
      return a;
    },
  };
  return r;
}
function rule(r) {
  return { id: r.s(), nameZh: r.s(), nameEn: r.s(), ratePercent: r.s(), cap: r.opt(r.s) };
}
function feeDetail(r) {
  return { percentage: r.s(), capped: r.b(), minimumApplied: r.b(), fixed: r.s() };
}
function step(r) {
  return { code: r.s(), zh: r.s(), en: r.s() };
}
function refusal(r) {
  return { code: r.s(), dimension: r.opt(r.s), cap: r.opt(r.s), countCap: r.opt(r.n), leftToday: r.opt(r.s), steps: r.list(() => step(r)), messageZh: r.s(), messageEn: r.s() };
}
function limits(r) {
  return {
    singleCap: r.opt(r.s),
    singleDimension: r.opt(r.s),
    dailyDimension: r.opt(r.s),
    leftToday: r.opt(r.s),
    leftAfter: r.opt(r.s),
    single: r.list(() => ({ dimension: r.s(), cap: r.s() })),
    daily: r.list(() => ({ bucket: r.s(), class: r.opt(r.s), cap: r.opt(r.s), countCap: r.opt(r.n), used: r.s(), usedCount: r.n(), left: r.opt(r.s), leftCount: r.opt(r.n) })),
    raiseSteps: r.list(() => step(r)),
  };
}
function arrival(r) {
  return {
    date: r.s(),
    realtime: r.b(),
    accountingDate: r.s(),
    provisional: r.b(),
    uncoveredYears: r.list(r.n),
    calendar: r.list(() => ({ year: r.n(), dataVersion: r.s(), origin: r.s() })),
    rule: r.s(),
    cutoffNote: r.opt(() => step(r)),
  };
}
export function posfeeReadQuote(tape) {
  const r = reader(tape);
  return {
    outcome: r.s(),
    amount: r.s(),
    fee: r.s(),
    net: r.s(),
    rule: rule(r),
    feeDetail: feeDetail(r),
    accountingDate: r.s(),
    refusal: r.opt(() => refusal(r)),
    limits: r.opt(() => limits(r)),
    arrival: r.opt(() => arrival(r)),
  };
}
export function posfeeReadVersions(tape) {
  const r = reader(tape);
  return {
    library: r.s(),
    planId: r.s(),
    planVersion: r.s(),
    planSchema: r.n(),
    calendarYears: r.list(() => ({ year: r.n(), dataVersion: r.s(), origin: r.s(), notice: r.opt(r.s), papers: r.list(r.s) })),
    calendarValidUntil: r.opt(r.s),
  };
}
export function posfeeReadFee(tape) {
  const r = reader(tape);
  return { rule: rule(r), fee: r.s(), net: r.s(), detail: feeDetail(r) };
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = posfeePackPayment)]
    fn pack_payment(value: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, js_name = posfeePackMerchant)]
    fn pack_merchant(value: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(js_name = posfeeReadQuote)]
    fn read_quote(tape: &str) -> JsValue;
    #[wasm_bindgen(js_name = posfeeReadFee)]
    fn read_fee(tape: &str) -> JsValue;
    #[wasm_bindgen(js_name = posfeeReadVersions)]
    fn read_versions(tape: &str) -> JsValue;
}

/// One packed field: absent, a string or a boolean.
enum Field {
    Absent,
    Str(String),
    Bool(bool),
    Object,
}

fn field(token: &str) -> Option<Field> {
    match token.as_bytes().first() {
        None => Some(Field::Absent),
        Some(b's') => Some(Field::Str(token.get(1..)?.to_string())),
        Some(b't') if token.len() == 1 => Some(Field::Bool(true)),
        Some(b'f') if token.len() == 1 => Some(Field::Bool(false)),
        Some(b'o') if token.len() == 1 => Some(Field::Object),
        _ => None,
    }
}

fn text(f: Field) -> Option<Option<String>> {
    match f {
        Field::Absent => Some(None),
        Field::Str(s) => Some(Some(s)),
        _ => None,
    }
}

fn flag(f: Field) -> Option<Option<bool>> {
    match f {
        Field::Absent => Some(None),
        Field::Bool(b) => Some(Some(b)),
        _ => None,
    }
}

/// A payment in the quick shape, or `None` for the general path.
pub fn payment(v: &JsValue) -> Option<PaymentInput> {
    let packed = pack_payment(v).ok()??;
    let mut it = packed.split('\u{1}').map(field);
    let mut next = || it.next().flatten();
    let p = PaymentInput {
        amount: text(next()?)?,
        method: text(next()?)?,
        card_kind: text(next()?)?,
        card_medium: text(next()?)?,
        magstripe_verified: flag(next()?)?,
        wallet: text(next()?)?,
        large_mode: flag(next()?)?,
        time: text(next()?)?,
    };
    next().is_none().then_some(p)
}

/// A merchant in the quick shape, or `None` for the general path.
pub fn merchant(v: &JsValue) -> Option<MerchantInput> {
    let packed = pack_merchant(v).ok()??;
    let mut it = packed.split('\u{1}').map(field);
    let mut next = || it.next().flatten();
    let tier = text(next()?)?;
    let verification = text(next()?)?;
    let credit_rate = text(next()?)?;
    let activated = flag(next()?)?;
    let wallets = match next()? {
        Field::Absent => None,
        Field::Object => {
            let mut wallet = || -> Option<Option<WalletInput>> {
                match next()? {
                    Field::Absent => {
                        // The two fields of an absent wallet are empty too.
                        matches!(next()?, Field::Absent).then_some(())?;
                        matches!(next()?, Field::Absent).then_some(())?;
                        Some(None)
                    }
                    Field::Object => Some(Some(WalletInput {
                        enabled: flag(next()?)?,
                        verified: flag(next()?)?,
                    })),
                    _ => None,
                }
            };
            Some(WalletsInput {
                alipay: wallet()?,
                wechat: wallet()?,
                unionpay: wallet()?,
            })
        }
        _ => return None,
    };
    let large_mode_approved = flag(next()?)?;
    let m = MerchantInput {
        tier,
        verification,
        credit_rate,
        activated,
        wallets,
        large_mode_approved,
    };
    next().is_none().then_some(m)
}

/// Fields separated by NUL; a text that holds NUL itself cannot be written.
struct Tape {
    out: String,
    ok: bool,
}

impl Tape {
    fn new() -> Tape {
        Tape {
            out: String::with_capacity(2048),
            ok: true,
        }
    }

    fn s(&mut self, v: &str) {
        if v.contains('\0') {
            self.ok = false;
        }
        self.out.push_str(v);
        self.out.push('\0');
    }

    fn d(&mut self, v: impl std::fmt::Display) {
        if write!(self.out, "{v}\0").is_err() {
            self.ok = false;
        }
    }

    fn money(&mut self, m: Money) {
        m.push_to(&mut self.out);
        self.out.push('\0');
    }

    fn b(&mut self, v: bool) {
        self.out.push_str(if v { "1\0" } else { "0\0" });
    }

    /// A whole number, without the formatting machinery.
    fn int(&mut self, v: i64) {
        if v < 0 {
            self.out.push('-');
        }
        self.out.push_str(Digits::new(v.unsigned_abs()).as_str());
        self.out.push('\0');
    }

    /// A date as `YYYY-MM-DD` (years outside 0–9999 as chrono writes them).
    fn date(&mut self, d: &NaiveDate) {
        let (y, m, day) = (d.year(), d.month(), d.day());
        if !(0..=9999).contains(&y) {
            return self.d(d);
        }
        let digits = |n: u32, k: usize, out: &mut String| {
            let mut p = 10u32.pow(u32::try_from(k).unwrap_or(1).saturating_sub(1));
            while p > 0 {
                out.push(char::from(b'0' + ((n / p) % 10) as u8));
                p /= 10;
            }
        };
        digits(y.unsigned_abs(), 4, &mut self.out);
        self.out.push('-');
        digits(m, 2, &mut self.out);
        self.out.push('-');
        digits(day, 2, &mut self.out);
        self.out.push('\0');
    }

    fn opt<T>(&mut self, v: &Option<T>, f: impl FnOnce(&mut Tape, &T)) {
        match v {
            None => self.out.push_str("0\0"),
            Some(x) => {
                self.out.push_str("1\0");
                f(self, x);
            }
        }
    }

    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Tape, &T)) {
        self.int(i64::try_from(v.len()).unwrap_or(i64::MAX));
        for x in v {
            f(self, x);
        }
    }

    fn rule(&mut self, r: &RuleRef) {
        let RuleRef {
            id,
            name_zh,
            name_en,
            rate_percent,
            cap,
        } = r;
        self.s(id);
        self.s(name_zh);
        self.s(name_en);
        self.d(rate_percent);
        self.opt(cap, |t, m| t.money(*m));
    }

    fn fee_detail(&mut self, d: &FeeDetail) {
        let FeeDetail {
            percentage,
            capped,
            minimum_applied,
            fixed,
        } = d;
        self.money(*percentage);
        self.b(*capped);
        self.b(*minimum_applied);
        self.money(*fixed);
    }

    fn refusal(&mut self, r: &Refusal) {
        let Refusal {
            code,
            dimension,
            cap,
            count_cap,
            left_today,
            steps,
            message_zh,
            message_en,
        } = r;
        self.s(code.as_str());
        self.opt(dimension, |t, s| t.s(s));
        self.opt(cap, |t, m| t.money(*m));
        self.opt(count_cap, |t, n| t.int(i64::from(*n)));
        self.opt(left_today, |t, m| t.money(*m));
        self.steps(steps);
        self.s(message_zh);
        self.s(message_en);
    }

    fn limits(&mut self, l: &LimitCheck) {
        let LimitCheck {
            single_cap,
            single_dimension,
            daily_dimension,
            left_today,
            left_after,
            single,
            daily,
            raise_steps,
            refusal: _,
        } = l;
        self.opt(single_cap, |t, m| t.money(*m));
        self.opt(single_dimension, |t, s| t.s(s));
        self.opt(daily_dimension, |t, s| t.s(s));
        self.opt(left_today, |t, m| t.money(*m));
        self.opt(left_after, |t, m| t.money(*m));
        self.list(single, |t, c| {
            let SingleCap { dimension, cap } = c;
            t.s(dimension);
            t.money(*cap);
        });
        self.list(daily, |t, b| {
            let DailyBucket {
                bucket,
                class,
                cap,
                count_cap,
                used,
                used_count,
                left,
                left_count,
            } = b;
            t.s(bucket);
            t.opt(class, |t, s| t.s(s));
            t.opt(cap, |t, m| t.money(*m));
            t.opt(count_cap, |t, n| t.int(i64::from(*n)));
            t.money(*used);
            t.int(i64::from(*used_count));
            t.opt(left, |t, m| t.money(*m));
            t.opt(left_count, |t, n| t.int(i64::from(*n)));
        });
        self.steps(raise_steps);
    }

    fn steps(&mut self, steps: &[Step]) {
        self.list(steps, |t, s| t.step(s));
    }

    fn step(&mut self, s: &Step) {
        let Step { code, zh, en } = s;
        self.s(code);
        self.s(zh);
        self.s(en);
    }

    fn arrival(&mut self, a: &Arrival) {
        let Arrival {
            date,
            realtime,
            accounting_date,
            provisional,
            uncovered_years,
            calendar,
            rule,
            cutoff_note,
        } = a;
        self.date(date);
        self.b(*realtime);
        self.date(accounting_date);
        self.b(*provisional);
        self.list(uncovered_years, |t, y| t.int(i64::from(*y)));
        self.list(calendar, |t, c| {
            let ConsultedYear {
                year,
                data_version,
                origin,
            } = c;
            t.int(i64::from(*year));
            t.s(data_version);
            t.s(origin_name(*origin));
        });
        self.s(rule);
        self.opt(cutoff_note, |t, s| t.step(s));
    }
}

fn origin_name(o: DataOrigin) -> &'static str {
    match o {
        DataOrigin::Embedded => "embedded",
        DataOrigin::Loaded => "loaded",
    }
}

/// A quote as the JavaScript object, or `None` for the general path.
pub fn quote_value(q: &Quote) -> Option<JsValue> {
    let Quote {
        outcome,
        amount,
        fee,
        net,
        rule,
        fee_detail,
        accounting_date,
        refusal,
        limits,
        arrival,
    } = q;
    let mut t = Tape::new();
    t.s(match outcome {
        Outcome::Accepted => "accepted",
        Outcome::Refused => "refused",
    });
    t.money(*amount);
    t.money(*fee);
    t.money(*net);
    t.rule(rule);
    t.fee_detail(fee_detail);
    t.date(accounting_date);
    t.opt(refusal, Tape::refusal);
    t.opt(limits, Tape::limits);
    t.opt(arrival, Tape::arrival);
    t.ok.then(|| read_quote(&t.out))
}

/// A fee as the JavaScript object, or `None` for the general path.
pub fn fee_value(f: &Fee) -> Option<JsValue> {
    let Fee {
        rule_index: _,
        rule,
        fee,
        net,
        detail,
    } = f;
    let mut t = Tape::new();
    t.rule(rule);
    t.money(*fee);
    t.money(*net);
    t.fee_detail(detail);
    t.ok.then(|| read_fee(&t.out))
}

/// The data versions as the JavaScript object, or `None` for the general path.
pub fn versions_value(v: &DataVersions) -> Option<JsValue> {
    let DataVersions {
        library,
        plan_id,
        plan_version,
        plan_schema,
        calendar_years,
        calendar_valid_until,
    } = v;
    let mut t = Tape::new();
    t.s(library);
    t.s(plan_id);
    t.s(plan_version);
    t.int(i64::from(*plan_schema));
    t.list(calendar_years, |t, y| {
        let YearVersion {
            year,
            data_version,
            origin,
            notice,
            papers,
        } = y;
        t.int(i64::from(*year));
        t.s(data_version);
        t.s(origin_name(*origin));
        t.opt(notice, |t, n| t.s(n));
        t.list(papers, |t, p| t.s(p));
    });
    t.opt(calendar_valid_until, |t, d| t.s(d));
    t.ok.then(|| read_versions(&t.out))
}

/// The decimal digits of a whole number, written without the formatting
/// machinery (the tapes write many).
pub(crate) struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    pub(crate) fn new(mut v: u64) -> Digits {
        let mut buf = [b'0'; 20];
        let mut i = buf.len();
        loop {
            i -= 1;
            if let Some(d) = buf.get_mut(i) {
                *d = b'0' + (v % 10) as u8;
            }
            v /= 10;
            if v == 0 {
                break;
            }
        }
        Digits { buf, start: i }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits were written.
        std::str::from_utf8(self.buf.get(self.start..).unwrap_or_default()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_are_written_as_their_display() {
        let mut t = Tape::new();
        let mut want = String::new();
        for n in [0i64, 7, -7, 2027, i64::MAX, i64::MIN, 1_000_000] {
            t.int(n);
            want.push_str(&format!("{n}\0"));
        }
        for (y, m, d) in [
            (2025, 10, 9),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 3, 4),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            t.date(&date);
            // The general path writes what serde writes for a date.
            want.push_str(serde_json::to_string(&date).unwrap().trim_matches('"'));
            want.push('\0');
        }
        assert_eq!(t.out, want);
        assert!(t.ok);
    }

    #[test]
    fn a_text_holding_the_separator_is_left_to_the_general_path() {
        let mut t = Tape::new();
        t.s("a\0b");
        assert!(!t.ok);
    }
}
