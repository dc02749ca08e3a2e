//! Shared pieces of the posfee fuzz targets: structured inputs built with
//! `arbitrary` (each string field is a valid word, a near miss of one, or
//! arbitrary text), the plans and calendars the targets run against, and the
//! invariants more than one target checks.

use arbitrary::{Arbitrary, Unstructured};
use posfee_core::{
    Calendar, CardKind, CardMedium, CreditRate, DailyUsage, Engine, ErrorCode, FeeTable,
    Merchant, MerchantInput, MerchantTier, Method, Money, Payment, PaymentInput, Plan,
    QuoteOptions, UsageInput, Verification, Wallet, WalletInput, WalletsInput, MAX_AMOUNT_FEN,
};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The repository's own data, compiled in.
pub const ACME_PLAN: &str = include_str!("../../tests/plans/acme.json");
/// A fictional 2027 calendar (posfee format).
pub const FICTIONAL_2027: &str = include_str!("../../tests/calendars/fictional-2027.json");
/// The troubleshooting catalogue (for its terminal keywords).
pub const CATALOGUE: &str = include_str!("../../core/data/diagnose-catalogue.json");

/// A near miss of a valid word.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Tweak {
    /// Upper case.
    Upper,
    /// A leading space.
    Lead,
    /// A trailing space.
    Trail,
    /// The last character dropped.
    Short,
    /// A NUL appended.
    Nul,
    /// Hyphens for underscores.
    Hyphen,
}

/// A string field: absent, one of the valid words, a near miss, or any text.
/// Valid words are the most likely (70 %), so that whole inputs are often
/// valid and reach the deep code; the rest is split between near misses,
/// absence and arbitrary text.
#[derive(Debug, Clone)]
pub enum Word {
    /// The field is absent.
    Missing,
    /// `names[i % len]`.
    Valid(u8),
    /// A valid word, tweaked.
    Near(u8, Tweak),
    /// Arbitrary text.
    Any(String),
}

impl<'a> Arbitrary<'a> for Word {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let tag: u8 = u.arbitrary()?;
        Ok(match tag {
            0..=179 => Word::Valid(u.arbitrary()?),
            180..=209 => Word::Near(u.arbitrary()?, u.arbitrary()?),
            210..=229 => Word::Missing,
            _ => Word::Any(u.arbitrary()?),
        })
    }
}

impl Word {
    /// The text of the field, words taken from `names`.
    pub fn resolve(&self, names: &[&str]) -> Option<String> {
        let pick = |i: u8| -> String {
            if names.is_empty() {
                String::new()
            } else {
                names[usize::from(i) % names.len()].to_string()
            }
        };
        match self {
            Word::Missing => None,
            Word::Valid(i) => Some(pick(*i)),
            Word::Near(i, t) => {
                let w = pick(*i);
                Some(match t {
                    Tweak::Upper => w.to_uppercase(),
                    Tweak::Lead => format!(" {w}"),
                    Tweak::Trail => format!("{w} "),
                    Tweak::Short => {
                        let mut w = w;
                        w.pop();
                        w
                    }
                    Tweak::Nul => format!("{w}\0"),
                    Tweak::Hyphen => w.replace('_', "-"),
                })
            }
            Word::Any(s) => Some(s.clone()),
        }
    }
}

/// Amounts in the forms people type (issue 13) and edge values.
pub const SPECIAL_AMOUNTS: &[&str] = &[
    "1,000", "１０００", "¥100", " 100 ", "100.", ".5", "1e3", "0x10", "-0", "0", "0.00", "0.01",
    "99999999.99", "100000000.00", "100000000", "0.001", "+1", "-1", "NaN", "inf", "1\0", "",
    "00", "01", "1.2.3", "1_000", "١٠٠", "12\r", "12\n", "\u{feff}12", "１２.５", "1 000",
    "9999999999999999999999999999", "0.10", "5.", "1.0000",
];

/// How an amount of fen is written.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum AmountStyle {
    /// `Money`'s own text: `12.50`.
    Canonical,
    /// Trailing zeros dropped: `12.5`, `12`.
    Short,
    /// Whole yuan only (the fen dropped).
    Yuan,
    /// Leading zeros: `0012.50`.
    LeadingZeros,
    /// Three decimals: `12.500`.
    ThreeDecimals,
    /// Thousands separators: `1,234.50`.
    Grouped,
    /// Full-width digits.
    FullWidth,
    /// Surrounded by spaces.
    Spaced,
    /// A yen sign in front.
    Yen,
}

/// A money string field. Mostly (60 %) an amount of fen of any magnitude
/// written canonically or without its trailing zeros.
#[derive(Debug, Clone)]
pub enum AmountText {
    /// The field is absent.
    Missing,
    /// An amount of fen (1 up to just above the maximum), in a style.
    Fen(u64, AmountStyle),
    /// One of [`SPECIAL_AMOUNTS`].
    Special(u8),
    /// Ten thousand nines, or another long run of one digit.
    Long(u16, u8),
    /// Arbitrary text.
    Any(String),
}

impl<'a> Arbitrary<'a> for AmountText {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let tag: u8 = u.arbitrary()?;
        Ok(match tag {
            0..=153 => {
                // 1 to 10^k fen, k = 1..=10: every magnitude equally likely.
                let k = 1 + u32::from(u.arbitrary::<u8>()? % 10);
                let f = 1 + u.arbitrary::<u64>()? % 10u64.pow(k);
                let style = match u.arbitrary::<u8>()? {
                    0..=99 => AmountStyle::Canonical,
                    100..=179 => AmountStyle::Short,
                    _ => u.arbitrary()?,
                };
                AmountText::Fen(f, style)
            }
            154..=199 => AmountText::Special(u.arbitrary()?),
            200..=214 => AmountText::Missing,
            215..=219 => AmountText::Long(u.arbitrary()?, u.arbitrary()?),
            _ => AmountText::Any(u.arbitrary()?),
        })
    }
}

/// The text of `fen` written in `style`.
pub fn amount_in_style(fen: i64, style: AmountStyle) -> String {
    let canonical = Money::from_fen(fen).to_string();
    match style {
        AmountStyle::Canonical => canonical,
        AmountStyle::Short => {
            let t = canonical.trim_end_matches('0');
            t.trim_end_matches('.').to_string()
        }
        AmountStyle::Yuan => (fen / 100).to_string(),
        AmountStyle::LeadingZeros => format!("00{canonical}"),
        AmountStyle::ThreeDecimals => format!("{canonical}0"),
        AmountStyle::Grouped => {
            let (int, frac) = canonical.split_once('.').unwrap_or((&canonical, "00"));
            let mut out = String::new();
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push(',');
                }
                out.push(c);
            }
            format!("{out}.{frac}")
        }
        AmountStyle::FullWidth => canonical
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0xff10 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' => '．',
                c => c,
            })
            .collect(),
        AmountStyle::Spaced => format!(" {canonical} "),
        AmountStyle::Yen => format!("¥{canonical}"),
    }
}

impl AmountText {
    /// The text of the field.
    pub fn resolve(&self) -> Option<String> {
        match self {
            AmountText::Missing => None,
            AmountText::Fen(f, style) => {
                let fen = i64::try_from(*f % (MAX_AMOUNT_FEN as u64 + 2)).unwrap_or(1).max(1);
                Some(amount_in_style(fen, *style))
            }
            AmountText::Special(i) => {
                Some(SPECIAL_AMOUNTS[usize::from(*i) % SPECIAL_AMOUNTS.len()].to_string())
            }
            AmountText::Long(n, d) => {
                let digit = char::from(b'0' + d % 10);
                Some(std::iter::repeat(digit).take(usize::from(*n % 10_001)).collect())
            }
            AmountText::Any(s) => Some(s.clone()),
        }
    }
}

/// A UTC offset of a time.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Offset {
    /// China local time.
    Local,
    /// `Z`.
    Zulu,
    /// `z`.
    LowerZulu,
    /// `+HH:MM`.
    Plus(u8, u8),
    /// `-HH:MM`.
    Minus(u8, u8),
    /// `+0800` (no colon: not RFC 3339).
    Compact(u8),
}

/// Times in odd forms.
pub const SPECIAL_TIMES: &[&str] = &[
    "9999-12-31T23:59",
    "9999-12-31T23:59:59.999999999-23:59",
    "0000-01-01T00:00+23:59",
    "0000-01-01T00:00",
    "2025-02-29T10:00",
    "2024-02-29T10:00",
    "2025-12-31T23:59:60",
    "2025-03-12T24:00",
    "2025-03-12T10:00:00.",
    "2025-03-12T10:00:00.1234567890",
    "2025-03-12t10:00z",
    "2025-03-12 10:00",
    "2025-03-12T10:00:00+08:00",
    "2025/03/12 10:00",
    "２０２５-03-12T10:00",
    "2025-03-12T10:00 ",
    "2025-03-12",
    "",
];

/// A time string field: mostly (70 %) built from parts, mostly valid.
#[derive(Debug, Clone)]
pub enum TimeText {
    /// The field is absent.
    Missing,
    /// Built from parts (mostly valid, sometimes one part out of range).
    Parts {
        /// 2022 + year % 8 when below 60000, else year % 10000.
        year: u16,
        /// 1 + month % 13 (13 is impossible).
        month: u8,
        /// 1 + day % 32.
        day: u8,
        /// hour % 25.
        hour: u8,
        /// minute % 61.
        minute: u8,
        /// second % 62, if given.
        second: Option<u8>,
        /// A fraction of 1 to 10 digits, if given.
        fraction: Option<(u32, u8)>,
        /// `T`, `t`, or a space.
        sep: u8,
        /// The offset.
        offset: Offset,
    },
    /// One of [`SPECIAL_TIMES`].
    Special(u8),
    /// Arbitrary text.
    Any(String),
}

impl<'a> Arbitrary<'a> for TimeText {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let tag: u8 = u.arbitrary()?;
        Ok(match tag {
            0..=179 => TimeText::Parts {
                year: u.arbitrary()?,
                month: u.arbitrary()?,
                day: u.arbitrary()?,
                hour: u.arbitrary()?,
                minute: u.arbitrary()?,
                second: u.arbitrary()?,
                fraction: u.arbitrary()?,
                sep: u.arbitrary()?,
                offset: u.arbitrary()?,
            },
            180..=209 => TimeText::Special(u.arbitrary()?),
            210..=219 => TimeText::Missing,
            _ => TimeText::Any(u.arbitrary()?),
        })
    }
}

impl TimeText {
    /// The text of the field.
    pub fn resolve(&self) -> Option<String> {
        match self {
            TimeText::Missing => None,
            TimeText::Parts {
                year,
                month,
                day,
                hour,
                minute,
                second,
                fraction,
                sep,
                offset,
            } => {
                let year = if *year < 60000 { 2022 + year % 8 } else { year % 10000 };
                let sep = match sep % 3 {
                    0 => 'T',
                    1 => ' ',
                    _ => 't',
                };
                let mut s = format!(
                    "{year:04}-{:02}-{:02}{sep}{:02}:{:02}",
                    1 + month % 13,
                    1 + day % 32,
                    hour % 25,
                    minute % 61
                );
                if let Some(sec) = second {
                    s.push_str(&format!(":{:02}", sec % 62));
                    if let Some((f, digits)) = fraction {
                        let digits = usize::from(1 + digits % 10);
                        let f = format!("{f:010}");
                        s.push('.');
                        s.push_str(&f[..digits]);
                    }
                }
                match offset {
                    Offset::Local => {}
                    Offset::Zulu => s.push('Z'),
                    Offset::LowerZulu => s.push('z'),
                    Offset::Plus(h, m) => s.push_str(&format!("+{:02}:{:02}", h % 25, m % 61)),
                    Offset::Minus(h, m) => s.push_str(&format!("-{:02}:{:02}", h % 25, m % 61)),
                    Offset::Compact(h) => s.push_str(&format!("+{:02}00", h % 25)),
                }
                Some(s)
            }
            TimeText::Special(i) => {
                Some(SPECIAL_TIMES[usize::from(*i) % SPECIAL_TIMES.len()].to_string())
            }
            TimeText::Any(s) => Some(s.clone()),
        }
    }
}

/// A payment as the bindings hand it over. Most of the time (`shape` <
/// 200) the fields that do not apply to the method are left out and the
/// ones it needs filled in, so that the quote is reached; otherwise every
/// field is as drawn.
#[derive(Arbitrary, Debug, Clone)]
pub struct PaymentCase {
    /// Below 200: a payment of a coherent shape.
    pub shape: u8,
    /// amount
    pub amount: AmountText,
    /// method
    pub method: Word,
    /// card_kind
    pub card_kind: Word,
    /// card_medium
    pub card_medium: Word,
    /// magstripe_verified
    pub magstripe_verified: Option<bool>,
    /// wallet
    pub wallet: Word,
    /// large_mode
    pub large_mode: Option<bool>,
    /// time
    pub time: TimeText,
}

impl PaymentCase {
    /// The core's input.
    pub fn input(&self) -> PaymentInput {
        let mut p = PaymentInput {
            amount: self.amount.resolve(),
            method: self.method.resolve(Method::NAMES),
            card_kind: self.card_kind.resolve(CardKind::NAMES),
            card_medium: self.card_medium.resolve(CardMedium::NAMES),
            magstripe_verified: self.magstripe_verified,
            wallet: self.wallet.resolve(Wallet::NAMES),
            large_mode: self.large_mode,
            time: self.time.resolve(),
        };
        if self.shape < 200 {
            let first = |names: &[&str]| Some(names[0].to_string());
            match p.method.as_deref().and_then(Method::from_name) {
                Some(Method::Card) => {
                    p.card_kind = p.card_kind.or_else(|| first(CardKind::NAMES));
                    p.card_medium = p.card_medium.or_else(|| first(CardMedium::NAMES));
                    if p.card_medium.as_deref() != Some("magstripe") {
                        p.magstripe_verified = None;
                    }
                    p.wallet = None;
                    p.large_mode = None;
                }
                Some(Method::Contactless) => {
                    p.card_kind = p.card_kind.or_else(|| first(CardKind::NAMES));
                    p.card_medium = None;
                    p.magstripe_verified = None;
                    p.wallet = None;
                    p.large_mode = None;
                }
                Some(Method::Qr) => {
                    p.card_kind = None;
                    p.card_medium = None;
                    p.magstripe_verified = None;
                    p.wallet = p.wallet.or_else(|| first(Wallet::NAMES));
                }
                None => {}
            }
        }
        p
    }
}

/// A wallet's status as given.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub struct WalletCase {
    /// enabled
    pub enabled: Option<bool>,
    /// verified
    pub verified: Option<bool>,
}

/// A merchant as the bindings hand it over; most of the time (`shape` <
/// 200) the required fields are filled in when drawn absent.
#[derive(Arbitrary, Debug, Clone)]
pub struct MerchantCase {
    /// Below 200: the required fields are present.
    pub shape: u8,
    /// tier
    pub tier: Word,
    /// verification
    pub verification: Word,
    /// credit_rate
    pub credit_rate: Word,
    /// activated
    pub activated: Option<bool>,
    /// wallets (alipay, wechat, unionpay)
    pub wallets: Option<[Option<WalletCase>; 3]>,
    /// large_mode_approved
    pub large_mode_approved: Option<bool>,
}

impl MerchantCase {
    /// The core's input.
    pub fn input(&self) -> MerchantInput {
        let w = |x: &Option<WalletCase>| {
            x.map(|x| WalletInput {
                enabled: x.enabled,
                verified: x.verified,
            })
        };
        let fill = |v: Option<String>, names: &[&str]| {
            if self.shape < 200 {
                v.or_else(|| Some(names[0].to_string()))
            } else {
                v
            }
        };
        MerchantInput {
            tier: fill(self.tier.resolve(MerchantTier::NAMES), MerchantTier::NAMES),
            verification: fill(self.verification.resolve(Verification::NAMES), Verification::NAMES),
            credit_rate: fill(self.credit_rate.resolve(CreditRate::NAMES), CreditRate::NAMES),
            activated: if self.shape < 200 {
                Some(self.activated.unwrap_or(true))
            } else {
                self.activated
            },
            wallets: self.wallets.as_ref().map(|[a, b, c]| WalletsInput {
                alipay: w(a),
                wechat: w(b),
                unionpay: w(c),
            }),
            large_mode_approved: self.large_mode_approved,
        }
    }
}

/// A day's usage as the bindings hand it over.
#[derive(Arbitrary, Debug, Clone)]
pub struct UsageCase {
    /// Money used per bucket.
    pub used: Vec<(Word, AmountText)>,
    /// Counts per bucket.
    pub counts: Vec<(Word, u32)>,
}

/// The daily bucket names of the plans the targets use.
pub fn bucket_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&'static str> = Vec::new();
        for p in plans() {
            if let Some(l) = &p.data().limits {
                for d in &l.daily {
                    let n: &'static str = Box::leak(d.bucket.to_string().into_boxed_str());
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
            }
        }
        names
    })
}

impl UsageCase {
    /// The core's input.
    pub fn input(&self) -> UsageInput {
        let names = bucket_names();
        let mut used = BTreeMap::new();
        for (k, v) in self.used.iter().take(16) {
            if let Some(k) = k.resolve(names) {
                used.insert(k, v.resolve().unwrap_or_else(|| "0".to_string()));
            }
        }
        let mut counts = BTreeMap::new();
        for (k, v) in self.counts.iter().take(16) {
            if let Some(k) = k.resolve(names) {
                counts.insert(k, *v);
            }
        }
        UsageInput { used, counts }
    }
}

/// The plans the targets quote with: 优POS, the reference plan (fees only)
/// and the test plan `acme`.
pub fn plans() -> &'static [Plan] {
    static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();
    PLANS.get_or_init(|| {
        let mut v = vec![
            Plan::upos().expect("the built-in plan loads"),
            Plan::reference().expect("the reference plan loads"),
        ];
        v.push(Plan::from_json(ACME_PLAN).expect("tests/plans/acme.json loads"));
        v
    })
}

/// The calendars: the embedded one, and the embedded one extended by the
/// fictional 2027 file.
pub fn calendars() -> &'static [Calendar] {
    static CALS: OnceLock<Vec<Calendar>> = OnceLock::new();
    CALS.get_or_init(|| {
        let embedded = Calendar::embedded().expect("the embedded calendar loads");
        let mut extended = embedded.clone();
        let y2027 = Calendar::from_json(FICTIONAL_2027).expect("fictional-2027.json loads");
        extended.extend(&y2027).expect("2027 extends the embedded calendar");
        vec![embedded, extended]
    })
}

/// Engines for every plan and calendar (index `plan * 2 + calendar`).
pub fn engines() -> &'static [Engine] {
    static ENGINES: OnceLock<Vec<Engine>> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let mut v = Vec::new();
        for p in plans() {
            for c in calendars() {
                v.push(Engine::new(p.clone(), c.clone()));
            }
        }
        v
    })
}

/// The terminal keywords of the troubleshooting catalogue.
pub fn terminal_keywords() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let v: serde_json::Value = serde_json::from_str(CATALOGUE).unwrap_or_default();
        let mut out: Vec<String> = Vec::new();
        if let Some(s) = v.get("situations").and_then(|s| s.as_object()) {
            for sit in s.values() {
                for c in sit.get("causes").and_then(|c| c.as_array()).into_iter().flatten() {
                    for k in c
                        .get("terminal_keywords")
                        .and_then(|k| k.as_array())
                        .into_iter()
                        .flatten()
                    {
                        if let Some(k) = k.as_str() {
                            if !out.iter().any(|o| o == k) {
                                out.push(k.to_string());
                            }
                        }
                    }
                }
            }
        }
        out
    })
}

/// With `POSFEE_FUZZ_TRACE` set, prints what an input reached (one word a
/// line on stderr), to see how deep a corpus goes:
/// `POSFEE_FUZZ_TRACE=1 fuzz/target/*/release/quote -runs=0 fuzz/corpus/quote 2>&1 | grep '^reached' | sort | uniq -c`.
pub fn trace(what: &str) {
    static ON: OnceLock<bool> = OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("POSFEE_FUZZ_TRACE").is_some()) {
        eprintln!("reached {what}");
    }
}

/// An error's messages are bounded and printable: a long input is cut
/// ("…", at most a few hundred characters repeated) and newlines and NULs
/// are escaped (issue 13).
pub fn assert_message_bounded(e: &posfee_core::Error) {
    // fuzz/regressions/{quote,diagnose,plan,holiday_cn}/: the field path (input
    // keys) was repeated raw and uncut in messages (fixed in the core, 7e0be1a).
    for m in [e.message_en(), e.message_zh()] {
        assert!(!m.is_empty(), "an empty message: {e:?}");
        let n = m.chars().count();
        assert!(n <= 2048, "a message of {n} characters: {e:?}");
        assert!(!m.contains(['\0', '\n']), "a raw NUL or newline in a message: {e:?}");
    }
}

/// Whether a JSON text serde_json reads has an object with a key twice
/// (`None` when it does not read, e.g. too deep for serde_json).
pub fn has_duplicate_key(text: &str) -> Option<bool> {
    use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
    struct Seed;
    struct Dup;
    impl<'de> Visitor<'de> for Dup {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_str<E>(self, _: &str) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_unit<E>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<bool, A::Error> {
            let mut dup = false;
            while let Some(d) = a.next_element_seed(Seed)? {
                dup |= d;
            }
            Ok(dup)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<bool, A::Error> {
            let mut keys = std::collections::HashSet::new();
            let mut dup = false;
            while let Some(k) = a.next_key::<String>()? {
                dup |= !keys.insert(k);
                dup |= a.next_value_seed(Seed)?;
            }
            Ok(dup)
        }
    }
    impl<'de> DeserializeSeed<'de> for Seed {
        type Value = bool;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            d.deserialize_any(Dup)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let dup = Seed.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(dup)
}

/// A data file with a key twice must be refused (issue 13: a duplicated
/// `rate_percent` silently took the last value).
pub fn assert_duplicates_refused<T: std::fmt::Debug, E>(text: &str, r: &Result<T, E>) {
    if r.is_ok() && has_duplicate_key(text) == Some(true) {
        panic!("a data file with a duplicate key is accepted: {text:?}");
    }
}

/// An error from validating an input must name a field under its prefix.
pub fn assert_field_under(e: &posfee_core::Error, prefix: &str) {
    assert_message_bounded(e);
    let f = e.field();
    assert!(
        f == prefix || f.starts_with(&format!("{prefix}.")) || f.starts_with(&format!("{prefix}[")),
        "error field {f:?} is not under {prefix:?}: {e:?}"
    );
    assert!(!e.reason().as_str().is_empty(), "an error without a reason: {e:?}");
    assert!(!e.message_en().is_empty() && !e.message_zh().is_empty(), "{e:?}");
}

/// Quotes and checks what every quote must satisfy:
///
/// * the free function and the engine give the same answer, twice;
/// * the quote's amount is the payment's, fee + net = amount, fee ≥ 0;
/// * accepted ⇔ no refusal; accepted ⇒ an arrival not before the payment's
///   day, with the quote's accounting date; refused ⇒ no arrival;
/// * the fee is the one `fee()` and `FeeTable` (the batch path) compute.
pub fn check_quote(
    engine: &Engine,
    merchant: &Merchant,
    payment: &Payment,
    usage: &DailyUsage,
    options: QuoteOptions,
) -> posfee_core::Result<posfee_core::Quote> {
    let r = engine.quote(merchant, payment, usage, options);
    let again = posfee_core::quote(
        engine.plan(),
        engine.calendar(),
        merchant,
        payment,
        usage,
        options,
    );
    assert_eq!(r, again, "the engine and quote() disagree");
    let q = match r {
        Ok(q) => q,
        Err(e) => {
            trace(&format!("quote-error {}", e.code()));
            assert!(!e.reason().as_str().is_empty(), "{e:?}");
            assert_message_bounded(&e);
            // An input the core refuses is not an overflow of its own sums.
            assert_ne!(e.code(), ErrorCode::Overflow, "quote overflowed: {e:?}");
            return Err(e);
        }
    };
    trace(if q.is_accepted() { "quote-accepted" } else { "quote-refused" });
    assert_eq!(q.amount, payment.amount);
    assert_eq!(
        q.fee.checked_add(q.net),
        Some(q.amount),
        "fee {} + net {} != amount {}",
        q.fee,
        q.net,
        q.amount
    );
    assert!(!q.fee.is_negative(), "negative fee {}", q.fee);
    assert_eq!(q.is_accepted(), q.refusal.is_none(), "{q:?}");
    if q.is_accepted() {
        let a = q.arrival.as_ref().expect("an accepted quote has an arrival");
        assert!(a.date >= payment.time.date(), "money arrives before it is paid: {q:?}");
        assert_eq!(a.accounting_date, q.accounting_date, "{q:?}");
    } else {
        assert!(q.arrival.is_none(), "a refused quote with an arrival: {q:?}");
    }
    let charge = payment.charge();
    let f = posfee_core::fee(engine.plan(), merchant, &charge).expect("fee() after a quote");
    assert_eq!((f.fee, f.net), (q.fee, q.net), "fee() and quote() disagree");
    let table = FeeTable::new(engine.plan(), merchant).expect("FeeTable after a quote");
    assert_eq!(
        table.fee_fen(payment.amount.fen(), payment.instrument),
        Some(q.fee.fen()),
        "FeeTable (the batch path) and quote() disagree for {payment:?}"
    );
    let json = serde_json::to_string(&q).expect("a quote serialises");
    assert!(json.contains("\"fee\""));
    Ok(q)
}

/// A few fixed payments (every instrument, small to large amounts) for
/// targets that load a plan or a calendar and then quote with it.
pub fn fixed_payments() -> &'static [(Merchant, Payment)] {
    static FIXED: OnceLock<Vec<(Merchant, Payment)>> = OnceLock::new();
    FIXED.get_or_init(|| {
        let m: MerchantInput = serde_json::from_str(
            r#"{"tier": "premium", "verification": "face_and_card", "credit_rate": "standard",
                "activated": true, "large_mode_approved": true,
                "wallets": {"alipay": {"enabled": true, "verified": true}, "wechat": {"enabled": true, "verified": true},
                            "unionpay": {"enabled": true, "verified": true}}}"#,
        )
        .expect("merchant JSON");
        let m = m.to_merchant("merchant").expect("merchant");
        let payments = [
            r#"{"amount": "1000.00", "method": "card", "card_kind": "credit", "card_medium": "chip", "time": "2025-09-30T22:00:00"}"#,
            r#"{"amount": "6000.00", "method": "card", "card_kind": "debit", "card_medium": "magstripe", "time": "2026-12-31T23:30"}"#,
            r#"{"amount": "88.00", "method": "qr", "wallet": "wechat", "time": "2027-02-10T10:00"}"#,
            r#"{"amount": "99999999.99", "method": "qr", "wallet": "alipay", "large_mode": true, "time": "2024-02-29T03:00"}"#,
            r#"{"amount": "0.01", "method": "contactless", "card_kind": "credit", "time": "2023-01-01T00:00"}"#,
        ];
        payments
            .iter()
            .map(|p| {
                let p: PaymentInput = serde_json::from_str(p).expect("payment JSON");
                (m.clone(), p.to_payment("payment").expect("payment"))
            })
            .collect()
    })
}

/// Every day of a calendar's first years (at most three) and the days
/// around them answer the same in both calendars.
pub fn assert_same_days(a: &Calendar, b: &Calendar) {
    assert_eq!(a.years(), b.years(), "years differ");
    assert_eq!(a.valid_until(), b.valid_until());
    for y in a.years().into_iter().take(3) {
        let Some(mut d) = chrono::NaiveDate::from_ymd_opt(y, 1, 1) else {
            continue;
        };
        while chrono::Datelike::year(&d) == y {
            assert_eq!(a.day(d), b.day(d), "{d}");
            let info = a.day(d);
            if let Ok(info) = &info {
                assert_eq!(a.is_working_day(d).ok(), Some(info.working), "{d}");
                assert_eq!(info.date, d);
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
    }
}

/// Checks a calendar that loaded: its own JSON loads to the same days,
/// working days can be counted from every covered year, and quoting with it
/// keeps the quote invariants.
pub fn check_loaded_calendar(c: &Calendar) {
    let text = c.to_json();
    let again = Calendar::from_json(&text)
        .unwrap_or_else(|e| panic!("a calendar's own JSON does not load: {e:?}\n{text}"));
    assert_same_days(c, &again);
    for y in c.years().into_iter().take(3) {
        if let Some(d) = chrono::NaiveDate::from_ymd_opt(y, 1, 1) {
            let mut uncovered = Vec::new();
            for n in [0, 1, 5, 40] {
                if let Ok(w) = c.nth_working_day_after(d, n, false, &mut uncovered) {
                    assert!(w >= d, "{w} before {d}");
                    if n > 0 {
                        assert!(w > d);
                        assert_eq!(c.is_working_day(w).ok(), Some(true), "{w}");
                    }
                }
            }
        }
    }
    // Extending the embedded calendar with it: covered years are refused or
    // added; either way the quote invariants hold afterwards.
    let mut engine = Engine::builtin().expect("builtin engine");
    let extended = engine.extend_calendar(c).is_ok();
    if extended {
        for y in c.years() {
            assert!(engine.calendar().covers(y), "{y} not covered after extend");
        }
    }
    for (m, p) in fixed_payments() {
        let _ = check_quote(&engine, m, p, &DailyUsage::default(), QuoteOptions::default());
        let _ = check_quote(
            &Engine::new(Plan::upos().expect("upos"), c.clone()),
            m,
            p,
            &DailyUsage::default(),
            QuoteOptions { provisional: true },
        );
    }
}

/// A statement target's input cut as its layout says: byte 0 = k (mod 8),
/// then k little-endian u16 split points, then the statement's bytes.
/// Returns the bytes and the chunks they are cut into (`None` for no input).
pub fn statement_chunks(data: &[u8]) -> Option<(&[u8], Vec<&[u8]>)> {
    let (&k, rest) = data.split_first()?;
    let k = usize::from(k % 8);
    let (head, body) = rest.split_at((2 * k).min(rest.len()));
    let mut cuts: Vec<usize> = head
        .chunks_exact(2)
        .map(|c| usize::from(u16::from_le_bytes([c[0], c[1]])) % (body.len() + 1))
        .collect();
    cuts.sort_unstable();
    let mut chunks: Vec<&[u8]> = Vec::new();
    let mut at = 0;
    for c in cuts {
        chunks.push(&body[at..c]);
        at = c;
    }
    chunks.push(&body[at..]);
    Some((body, chunks))
}

/// Records numbered 0, 1, 2… with increasing line numbers, every bad
/// record's message bounded.
pub fn check_records(records: &[posfee_core::CsvRecord]) {
    use posfee_core::CsvRecord;
    let mut last_line = 0;
    for (i, rec) in records.iter().enumerate() {
        let (index, line_number) = match rec {
            CsvRecord::Line { index, line_number, .. } | CsvRecord::Bad { index, line_number, .. } => {
                (*index, *line_number)
            }
        };
        assert_eq!(index, i as u64, "records are not numbered in order");
        if let CsvRecord::Bad { error, .. } = rec {
            assert_message_bounded(error);
        }
        assert!(line_number > last_line, "line numbers do not increase: {line_number} after {last_line}");
        last_line = line_number;
    }
}
