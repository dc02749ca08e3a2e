//! The inputs as Kotlin and Swift give them: the core's string-typed input
//! records, each declared once by `input!` with its text fields as
//! [`InputText`], and lifted into the core's record field by field
//! ([`Lift`]), so a text that is not Unicode is refused at its own field.
//!
//! Why not the core's records themselves: a Kotlin `String` may hold a lone
//! surrogate, and uniffi's own string lowering throws Java's
//! `MalformedInputException` before the call reaches Rust (and leaks the
//! arguments already lowered). [`InputText`] crosses as UTF-16 code units,
//! which any Kotlin or Swift string can give, and the core's reader refuses a
//! lone surrogate as it does in JavaScript: `invalid_field` / `wrong_type` at
//! its path (`not_a_string` for money and times).

use crate::{err, PosfeeError};
use posfee_core as pf;
use std::collections::{BTreeMap, HashMap};

pub use pf::{WalletInput, WalletsInput};

type Result<T> = std::result::Result<T, PosfeeError>;

/// Text given by Kotlin or Swift: a `String` there, UTF-16 code units
/// across, and here either the text or the fact that it was not Unicode.
///
/// ```
/// use posfee_ffi::InputText;
/// assert_eq!(InputText::from("card").into_string("payment.method").unwrap(), "card");
/// let lone = InputText::from_utf16(&[0x63, 0xD800]);
/// let e = lone.into_string("payment.method").unwrap_err();
/// assert_eq!((e.field(), e.reason().as_str()), ("payment.method", "wrong_type"));
/// let e = InputText::from_utf16(&[0xDC00]).into_string("payment.amount").unwrap_err();
/// assert_eq!((e.code().as_str(), e.reason().as_str()), ("invalid_amount", "not_a_string"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct InputText(Option<String>);

/// How a text that is not Unicode is named in an error, in every language.
const LONE_SURROGATE: &str = "a string with a lone surrogate";

impl InputText {
    /// The text of UTF-16 code units, or not Unicode (a lone surrogate).
    pub fn from_utf16(units: &[u16]) -> InputText {
        InputText(String::from_utf16(units).ok())
    }

    /// The text, or the core's wrong-type error at `field` when it was not
    /// Unicode.
    pub fn into_string(self, field: &str) -> pf::Result<String> {
        self.lift(&|| field.to_string())
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> InputText {
        let pairs = bytes.chunks_exact(2);
        if !pairs.remainder().is_empty() {
            return InputText(None);
        }
        let units: Vec<u16> = pairs
            .map(|b| b.iter().rev().fold(0, |u, &x| (u << 8) | u16::from(x)))
            .collect();
        InputText::from_utf16(&units)
    }

    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let text = self.0.as_deref().unwrap_or_default();
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }
}

impl From<&str> for InputText {
    fn from(s: &str) -> InputText {
        InputText(Some(s.to_string()))
    }
}

impl From<String> for InputText {
    fn from(s: String) -> InputText {
        InputText(Some(s))
    }
}

// Little-endian UTF-16 code units; each language's lowering is in
// uniffi.toml. Lifting never fails: a text that is not Unicode is refused
// where its field is known.
uniffi::custom_type!(InputText, Vec<u8>, {
    lower: |t| t.to_bytes(),
    try_lift: |b| Ok(InputText::from_bytes(&b)),
});

/// An exported input lifted into the core's, its errors naming the path
/// (`at`, built only for an error) in the core's naming.
pub(crate) trait Lift<T> {
    /// The core's value of `self`.
    fn lift(self, at: &dyn Fn() -> String) -> pf::Result<T>;
}

impl Lift<String> for InputText {
    fn lift(self, at: &dyn Fn() -> String) -> pf::Result<String> {
        self.0.ok_or_else(|| {
            pf::read::wrong_type(&at(), &pf::read::Value::Foreign(LONE_SURROGATE.into()))
        })
    }
}

macro_rules! same_input {
    ($($t:ty),*) => {
        $(impl Lift<$t> for $t {
            fn lift(self, _: &dyn Fn() -> String) -> pf::Result<$t> {
                Ok(self)
            }
        })*
    };
}

same_input!(bool, i64, WalletsInput);

impl<A: Lift<B>, B> Lift<Option<B>> for Option<A> {
    fn lift(self, at: &dyn Fn() -> String) -> pf::Result<Option<B>> {
        self.map(|a| a.lift(at)).transpose()
    }
}

impl<A: Lift<B>, B> Lift<Vec<B>> for Vec<A> {
    fn lift(self, at: &dyn Fn() -> String) -> pf::Result<Vec<B>> {
        self.into_iter()
            .enumerate()
            .map(|(i, a)| a.lift(&|| format!("{}[{i}]", at())))
            .collect()
    }
}

/// A map of texts (`UsageInput.used`, `StatementFormatInput.columns`): a
/// value's error names its key (`usage.used.qr`); a key that is not Unicode
/// cannot be named, so its error names the map.
impl<A: Lift<B>, B> Lift<BTreeMap<String, B>> for HashMap<InputText, A> {
    fn lift(self, at: &dyn Fn() -> String) -> pf::Result<BTreeMap<String, B>> {
        let mut map = BTreeMap::new();
        for (k, v) in self {
            let k = k.into_string(&at())?;
            let v = v.lift(&|| format!("{}.{k}", at()))?;
            map.insert(k, v);
        }
        Ok(map)
    }
}

/// `prefix.name`, or `name` at the root (the core's `join`).
fn join(prefix: String, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

/// Lifts an input at the root path `prefix` (`payment`, `payments[3]`, or
/// `""` for an input whose fields are named alone).
pub(crate) fn lift<A: Lift<B>, B>(input: A, prefix: &str) -> Result<B> {
    input.lift(&|| prefix.to_string()).map_err(err)
}

/// Declares an exported input record and its lifting into the core's record
/// of the same fields.
macro_rules! input {
    (
        $(#[$doc:meta])*
        pub struct $name:ident from $core:path {
            $($(#[$attr:meta])* pub $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, uniffi::Record)]
        pub struct $name {
            $($(#[$attr])* pub $field: $ty,)*
        }

        impl Lift<$core> for $name {
            fn lift(self, at: &dyn Fn() -> String) -> pf::Result<$core> {
                type Core = $core;
                Ok(Core {
                    $($field: self.$field.lift(&|| join(at(), stringify!($field)))?,)*
                })
            }
        }
    };
}

input! {
/// A payment as strings: `amount` a decimal string of yuan, `method` one of
/// `card`, `contactless`, `qr`; fields that do not apply stay null.
pub struct PaymentInput from pf::PaymentInput {
    /// Yuan, as a decimal string.
    #[uniffi(default)]
    pub amount: Option<InputText>,
    /// `card`, `contactless` or `qr`.
    #[uniffi(default)]
    pub method: Option<InputText>,
    /// `credit` or `debit` (card, contactless).
    #[uniffi(default)]
    pub card_kind: Option<InputText>,
    /// `chip` or `magstripe` (card).
    #[uniffi(default)]
    pub card_medium: Option<InputText>,
    /// A verified magstripe credit card (card, magstripe).
    #[uniffi(default)]
    pub magstripe_verified: Option<bool>,
    /// `alipay`, `wechat` or `unionpay` (qr).
    #[uniffi(default)]
    pub wallet: Option<InputText>,
    /// Large-amount mode (qr).
    #[uniffi(default)]
    pub large_mode: Option<bool>,
    /// China local time or RFC 3339.
    #[uniffi(default)]
    pub time: Option<InputText>,
}
}

input! {
/// The instrument of a batch's payments: a payment without amount and time.
pub struct InstrumentInput from pf::read::InstrumentInput {
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub method: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub card_kind: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub card_medium: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub magstripe_verified: Option<bool>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub wallet: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub large_mode: Option<bool>,
}
}

/// A wallet's status as given (both default to false).
#[uniffi::remote(Record)]
pub struct WalletInput {
    #[uniffi(default)]
    pub enabled: Option<bool>,
    #[uniffi(default)]
    pub verified: Option<bool>,
}

/// The wallets as given; a missing wallet is neither enabled nor verified.
#[uniffi::remote(Record)]
pub struct WalletsInput {
    #[uniffi(default)]
    pub alipay: Option<WalletInput>,
    #[uniffi(default)]
    pub wechat: Option<WalletInput>,
    #[uniffi(default)]
    pub unionpay: Option<WalletInput>,
}

input! {
/// A merchant profile as strings (`tier`: `new`/`premium`, `verification`:
/// `face_and_card`/`face_only`/`none`, `credit_rate`: `standard`/`bulk`/`premium`).
pub struct MerchantInput from pf::MerchantInput {
    /// `new` or `premium`.
    #[uniffi(default)]
    pub tier: Option<InputText>,
    /// `face_and_card`, `face_only` or `none`.
    #[uniffi(default)]
    pub verification: Option<InputText>,
    /// `standard`, `bulk` or `premium`.
    #[uniffi(default)]
    pub credit_rate: Option<InputText>,
    /// Whether the terminal is activated.
    #[uniffi(default)]
    pub activated: Option<bool>,
    /// The wallets' status.
    #[uniffi(default)]
    pub wallets: Option<WalletsInput>,
    /// Whether large-amount QR mode is approved.
    #[uniffi(default)]
    pub large_mode_approved: Option<bool>,
}
}

input! {
/// A line of a payment mix: a payment (its time is not used) and a count.
pub struct MixLineInput from pf::MixLineInput {
    /// The payment.
    pub payment: PaymentInput,
    /// How many such payments.
    pub count: i64,
}
}

input! {
/// Eligibility facts as given (monthly volumes oldest first, decimal strings).
pub struct EligibilityInput from pf::EligibilityInput {
    /// Monthly volumes, oldest first, decimal strings of yuan.
    #[uniffi(default)]
    pub monthly_volumes: Vec<InputText>,
    /// Terminals in use.
    #[uniffi(default = 0)]
    pub devices: i64,
    /// Whether an annual agreement is signed.
    #[uniffi(default = false)]
    pub annual_agreement: bool,
    /// Whether the merchant has a risk record.
    #[uniffi(default = false)]
    pub risk_record: bool,
    /// `face_and_card`, `face_only` or `none`.
    #[uniffi(default)]
    pub verification: Option<InputText>,
}
}

input! {
/// The rate of each channel of a merchant's contract, as percent strings
/// (`"0.60"` is 0.60 %). Every channel is required: a missing one is an
/// error (`contract.rates.qr`, `missing`), never a default.
pub struct ContractRatesInput from pf::ContractRatesInput {
    /// Credit cards.
    #[uniffi(default)]
    pub credit: Option<InputText>,
    /// Debit cards.
    #[uniffi(default)]
    pub debit: Option<InputText>,
    /// QR payments.
    #[uniffi(default)]
    pub qr: Option<InputText>,
    /// Small contactless payments.
    #[uniffi(default)]
    pub small_contactless: Option<InputText>,
    /// Other contactless payments.
    #[uniffi(default)]
    pub contactless: Option<InputText>,
}
}

input! {
/// A merchant's own contract as strings: the rate of every channel, and
/// optionally `id` (the plan id, a lowercase code), `name`, `debit_cap`,
/// `fixed_fee` (with `fixed_fee_channels`), `minimum_fee` and `rounding`
/// (`half_up`, `half_even`, `down`, `up`). Errors name `contract.…`.
pub struct ContractInput from pf::ContractInput {
    /// The plan id (a lowercase code).
    #[uniffi(default)]
    pub id: Option<InputText>,
    /// The plan's name.
    #[uniffi(default)]
    pub name: Option<InputText>,
    /// The rate of each channel.
    #[uniffi(default)]
    pub rates: Option<ContractRatesInput>,
    /// The debit cap, yuan.
    #[uniffi(default)]
    pub debit_cap: Option<InputText>,
    /// A fixed fee per payment, yuan.
    #[uniffi(default)]
    pub fixed_fee: Option<InputText>,
    /// The channels the fixed fee applies to.
    #[uniffi(default)]
    pub fixed_fee_channels: Option<Vec<InputText>>,
    /// The minimum fee, yuan.
    #[uniffi(default)]
    pub minimum_fee: Option<InputText>,
    /// `half_up`, `half_even`, `down` or `up`.
    #[uniffi(default)]
    pub rounding: Option<InputText>,
}
}

/// What the merchant already used on the payment's accounting date: money per
/// bucket (`credit`, `qr`, …) as decimal strings, payments per count bucket
/// (`qr_large_count`). Missing buckets are zero.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct UsageInput {
    /// Money used per bucket.
    #[uniffi(default)]
    pub used: HashMap<InputText, InputText>,
    /// Payments per count bucket.
    #[uniffi(default)]
    pub counts: HashMap<InputText, i64>,
}

impl Lift<pf::UsageInput> for UsageInput {
    fn lift(self, at: &dyn Fn() -> String) -> pf::Result<pf::UsageInput> {
        let in_map = |map: &str| join(at(), map);
        let used = self.used.lift(&|| in_map("used"))?;
        // A key that is not Unicode cannot be named: the error names its map.
        let mut named = BTreeMap::new();
        for (k, n) in self.counts {
            named.insert(k.into_string(&in_map("counts"))?, n);
        }
        // In key order, so the first bad count is the same on every run.
        let mut counts = BTreeMap::new();
        for (k, n) in named {
            let field = format!("{}.{k}", in_map("counts"));
            counts.insert(k, pf::input::count_value(&field, n)?);
        }
        Ok(pf::UsageInput { used, counts })
    }
}

input! {
/// A troubleshooting question as given (`situation`: `not_arrived`,
/// `declined`, `huabei_unavailable`, `suspended` or `records_missing`;
/// times as strings).
pub struct DiagnoseInput from pf::DiagnoseInput {
    /// The situation.
    #[uniffi(default)]
    pub situation: Option<InputText>,
    /// The payment, if any.
    #[uniffi(default)]
    pub payment: Option<PaymentInput>,
    /// The merchant, to check the plan's own rules.
    #[uniffi(default)]
    pub merchant: Option<MerchantInput>,
    /// The day's usage before the payment.
    #[uniffi(default)]
    pub usage: Option<UsageInput>,
    /// What the terminal or app showed.
    #[uniffi(default)]
    pub terminal_message: Option<InputText>,
    /// When the question is asked.
    #[uniffi(default)]
    pub as_of: Option<InputText>,
    /// When the QR code was generated.
    #[uniffi(default)]
    pub qr_created: Option<InputText>,
    /// Times of the day's other payments.
    #[uniffi(default)]
    pub recent_payments: Vec<InputText>,
    /// Provisional arrival dates for uncovered years.
    #[uniffi(default = false)]
    pub provisional: bool,
}
}

input! {
/// A statement line as given: strings as in a CSV statement; `fee_charged`
/// required, `net_settled` and `settled_date` when settled.
pub struct StatementLineInput from pf::StatementLineInput {
    /// The line's id (流水号).
    #[uniffi(default)]
    pub id: Option<InputText>,
    /// When it was paid.
    #[uniffi(default)]
    pub time: Option<InputText>,
    /// Yuan.
    #[uniffi(default)]
    pub amount: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub method: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub card_kind: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub card_medium: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub magstripe_verified: Option<bool>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub wallet: Option<InputText>,
    /// As [`PaymentInput`].
    #[uniffi(default)]
    pub large_mode: Option<bool>,
    /// The fee the provider charged, yuan.
    #[uniffi(default)]
    pub fee_charged: Option<InputText>,
    /// What was settled, yuan.
    #[uniffi(default)]
    pub net_settled: Option<InputText>,
    /// When it was settled (`YYYY-MM-DD`).
    #[uniffi(default)]
    pub settled_date: Option<InputText>,
}
}

input! {
/// How a statement file (对账单) is read, as texts: `profile` a statement
/// profile's JSON text (the built-in `generic` one if null), `encoding`
/// (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `gbk`; detected if null),
/// `decoded_from` (for a caller that decoded the file itself and feeds
/// UTF-8), `columns` the column to read a field from (`{"id": "参考号"}`),
/// `totals` the totals the statement states. Errors name `format.…`.
pub struct StatementFormatInput from pf::StatementFormatInput {
    /// A statement profile's JSON text.
    #[uniffi(default)]
    pub profile: Option<InputText>,
    /// The file's encoding; detected if null.
    #[uniffi(default)]
    pub encoding: Option<InputText>,
    /// The encoding the UTF-8 fed was decoded from.
    #[uniffi(default)]
    pub decoded_from: Option<InputText>,
    /// The column to read a field from, by field (`id` or `cardKind`
    /// spelling).
    #[uniffi(default)]
    pub columns: HashMap<InputText, InputText>,
    /// The statement's totals, to check its lines against (a 合计 row in
    /// the file is used when null).
    #[uniffi(default)]
    pub totals: Option<StatedTotalsInput>,
}
}

input! {
/// The totals a statement states, as money text (`"1,100.00"`).
pub struct StatedTotalsInput from pf::StatedTotalsInput {
    /// Total amount.
    #[uniffi(default)]
    pub amount: Option<InputText>,
    /// Total fee charged.
    #[uniffi(default)]
    pub fee_charged: Option<InputText>,
    /// Total net settled.
    #[uniffi(default)]
    pub net_settled: Option<InputText>,
}
}

/// Options of a quote, an arrival or a frozen window.
#[derive(Debug, Clone, Copy, Default, uniffi::Record)]
pub struct QuoteOptions {
    /// Answer with a provisional (Monday–Friday) arrival for years the
    /// calendar lacks, instead of `calendar_not_covered`.
    #[uniffi(default = false)]
    pub provisional: bool,
}
