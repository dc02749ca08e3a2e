//! posfee-core for Kotlin and Swift (uniffi, proc-macro exports).
//!
//! A thin layer: every object is a newtype over the core type and every
//! method is a line or two. Inputs are the core's string-typed input records
//! ([`posfee_core::PaymentInput`], [`posfee_core::MerchantInput`], …) with
//! their texts as [`InputText`] (see `inputs.rs`), so the core validates them
//! and names the failing field exactly as in Rust and JavaScript
//! (`payment.amount`, `mix[2].payment.wallet`). Answers are records
//! mirroring the core's outputs; money crosses as a decimal string and
//! surfaces as `java.math.BigDecimal` in Kotlin and `Decimal` in Swift (the
//! [`Money`] custom type), never as a float. Every fallible call returns
//! `Result<_, PosfeeError>`: one exception type carrying the core's code,
//! field, reason, year and both messages.

// The error crosses as a record of its six strings (freed as it is read, which
// an object handle in an error was not), so every `Result` carries it by value.
#![allow(clippy::result_large_err)]

mod inputs;
mod records;

pub use inputs::*;
pub use records::*;

use posfee_core as pf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

uniffi::setup_scaffolding!("posfee");

/// Money: yuan held to the fen, crossing as a decimal string (`"5.50"`).
pub type Money = pf::Money;

/// A percentage rate such as `0.55` (0.55 %), crossing as a decimal string.
pub type Percent = pf::Percent;

fn money_from_text(text: &str) -> std::result::Result<pf::Money, PosfeeError> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let m = pf::Money::parse_non_negative("money", digits)?;
    Ok(if negative {
        pf::Money::from_fen(-m.fen())
    } else {
        m
    })
}

fn percent_from_text(text: &str) -> std::result::Result<pf::Percent, PosfeeError> {
    pf::Percent::parse("percent", text).map_err(Into::into)
}

uniffi::custom_type!(Money, String, {
    remote,
    lower: |m| m.to_string(),
    try_lift: |s| money_from_text(&s).map_err(|e| uniffi::deps::anyhow::anyhow!("{e}")),
});

uniffi::custom_type!(Percent, String, {
    remote,
    lower: |p| p.to_string(),
    try_lift: |s| percent_from_text(&s).map_err(|e| uniffi::deps::anyhow::anyhow!("{e}")),
});

/// The one error of every fallible call: the core's stable code
/// (`invalid_amount`, `plan_invalid`, …), the field it concerns
/// (`payment.amount`, `fee_rules[0].rate_percent`), a stable reason
/// (`too_many_decimals`), the uncovered year for `calendar_not_covered`, and a
/// message in Chinese and in English. Kotlin: `PosfeeException` (its one case
/// `PosfeeException.Failure`, whose `message` names every part); Swift:
/// `PosfeeError.Failure`. The methods `code()`, `field()`, … read the same
/// parts in every language.
///
/// An error crosses as a record of strings, freed as it is read: nothing is
/// left behind per thrown error.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
pub enum PosfeeError {
    /// Every error posfee gives.
    Failure {
        /// The stable snake_case code.
        code: String,
        /// The input field or data path.
        field: String,
        /// The stable snake_case reason.
        reason: String,
        /// The uncovered year, for `calendar_not_covered`.
        year: Option<i32>,
        /// The message in Simplified Chinese.
        message_zh: String,
        /// The message in English.
        message_en: String,
    },
}

impl std::fmt::Display for PosfeeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let PosfeeError::Failure {
            code,
            field,
            message_en,
            ..
        } = self;
        write!(f, "{code} ({field}): {message_en}")
    }
}

impl std::error::Error for PosfeeError {}

impl From<pf::Error> for PosfeeError {
    fn from(e: pf::Error) -> Self {
        // The parts as a line audit's `ErrorInfo` carries them.
        let records::ErrorInfo {
            code,
            field,
            reason,
            year,
            message_zh,
            message_en,
        } = e.into();
        PosfeeError::Failure {
            code,
            field,
            reason,
            year,
            message_zh,
            message_en,
        }
    }
}

/// What every fallible call returns.
pub type Result<T> = std::result::Result<T, PosfeeError>;

fn err(e: pf::Error) -> PosfeeError {
    PosfeeError::from(e)
}

#[uniffi::export]
impl PosfeeError {
    /// The stable snake_case code (`invalid_amount`, `calendar_not_covered`, …).
    pub fn code(&self) -> String {
        let PosfeeError::Failure { code, .. } = self;
        code.clone()
    }

    /// The input field or data path (`payment.amount`, `fee_rules[0].cap`).
    pub fn field(&self) -> String {
        let PosfeeError::Failure { field, .. } = self;
        field.clone()
    }

    /// The stable snake_case reason (`too_many_decimals`, `missing`, …).
    pub fn reason(&self) -> String {
        let PosfeeError::Failure { reason, .. } = self;
        reason.clone()
    }

    /// The uncovered year, for `calendar_not_covered`.
    pub fn year(&self) -> Option<i32> {
        let PosfeeError::Failure { year, .. } = self;
        *year
    }

    /// The message in Simplified Chinese.
    pub fn message_zh(&self) -> String {
        let PosfeeError::Failure { message_zh, .. } = self;
        message_zh.clone()
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        let PosfeeError::Failure { message_en, .. } = self;
        message_en.clone()
    }
}

/// A required text argument: absent is `missing`, as in every binding.
fn arg(value: Option<InputText>, field: &str) -> Result<String> {
    value
        .ok_or_else(|| pf::read::missing(field))
        .and_then(|t| t.into_string(field))
        .map_err(err)
}

/// An optional text argument.
fn optional(value: Option<InputText>, field: &str) -> Result<Option<String>> {
    value.map(|t| text(t, field)).transpose()
}

/// A text argument that is always given (a file's text).
fn text(value: InputText, field: &str) -> Result<String> {
    value.into_string(field).map_err(err)
}

fn options_of(o: Option<QuoteOptions>) -> pf::QuoteOptions {
    pf::QuoteOptions {
        provisional: o.is_some_and(|o| o.provisional),
    }
}

fn merchant_of(m: MerchantInput) -> Result<pf::Merchant> {
    let m: pf::MerchantInput = lift(m, "merchant")?;
    m.to_merchant("merchant").map_err(err)
}

fn payment_of(p: PaymentInput, prefix: &str) -> Result<pf::Payment> {
    let p: pf::PaymentInput = lift(p, prefix)?;
    p.to_payment(prefix).map_err(err)
}

fn usage_of(u: Option<UsageInput>) -> Result<pf::DailyUsage> {
    match u {
        None => Ok(pf::DailyUsage::default()),
        Some(u) => {
            let u: pf::UsageInput = lift(u, "usage")?;
            u.to_usage("usage").map_err(err)
        }
    }
}

/// Reads a lock even if a panic poisoned it (the core never panics).
fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn lock<T>(l: &Mutex<T>) -> MutexGuard<'_, T> {
    l.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The library version.
#[uniffi::export]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Validates a payment amount (a decimal string of yuan, at most two
/// decimals, above zero) and returns it: "12.5" → 12.50. Errors name `field`
/// (default `amount`).
#[uniffi::export(default(field = None))]
pub fn parse_amount(text: Option<InputText>, field: Option<InputText>) -> Result<Money> {
    let field = match field {
        Some(f) => f.into_string("field").map_err(err)?,
        None => "amount".to_string(),
    };
    let text = arg(text, &field)?;
    pf::Money::parse_amount(&field, &text).map_err(err)
}

fn mix_of(mix: Vec<MixLineInput>) -> Result<Vec<pf::MixLine>> {
    let mix: Vec<pf::MixLineInput> = lift(mix, "mix")?;
    pf::MixLineInput::to_lines(&mix, "mix").map_err(err)
}

/// A merchant's contract validated, its errors naming `contract.…`.
fn contract_of(c: ContractInput) -> Result<pf::Contract> {
    let c: pf::ContractInput = lift(c, "contract")?;
    c.to_contract("contract").map_err(err)
}

/// What a payment mix costs under plan A and under plan B (fees only).
#[uniffi::export]
pub fn compare(
    plan_a: &Plan,
    plan_b: &Plan,
    merchant: MerchantInput,
    mix: Vec<MixLineInput>,
) -> Result<Comparison> {
    let m = merchant_of(merchant)?;
    let lines = mix_of(mix)?;
    Ok(pf::compare(&plan_a.0, &plan_b.0, &m, &lines)
        .map_err(err)?
        .into())
}

/// What a payment mix costs under plan A and under plan B, per channel of a
/// merchant's contract (QR, small contactless, debit, contactless, credit)
/// and in total.
#[uniffi::export]
pub fn compare_by_channel(
    plan_a: &Plan,
    plan_b: &Plan,
    merchant: MerchantInput,
    mix: Vec<MixLineInput>,
) -> Result<ChannelComparison> {
    let m = merchant_of(merchant)?;
    let lines = mix_of(mix)?;
    Ok(pf::compare_by_channel(&plan_a.0, &plan_b.0, &m, &lines)
        .map_err(err)?
        .into())
}

/// A merchant's own contract (plan A, built on `base`) against `other`
/// (plan B) over a payment mix, per channel and in total. Errors: the
/// contract first (`contract.…`), then the merchant, then the mix.
#[uniffi::export]
pub fn compare_contract(
    contract: ContractInput,
    base: &Plan,
    other: &Plan,
    merchant: MerchantInput,
    mix: Vec<MixLineInput>,
) -> Result<ChannelComparison> {
    let c = contract_of(contract)?;
    let m = merchant_of(merchant)?;
    let lines = mix_of(mix)?;
    Ok(pf::compare_contract(&c, &base.0, &other.0, &m, &lines)
        .map_err(err)?
        .into())
}

/// A fee plan: the embedded 优POS or reference plan, or one loaded at run time.
#[derive(Debug, uniffi::Object)]
pub struct Plan(pf::Plan);

#[uniffi::export]
impl Plan {
    /// The embedded 优POS plan.
    #[uniffi::constructor]
    pub fn upos() -> Result<Arc<Plan>> {
        Ok(Arc::new(Plan(pf::Plan::upos().map_err(err)?)))
    }

    /// The embedded industry reference plan (0.60% + 3.00).
    #[uniffi::constructor]
    pub fn reference() -> Result<Arc<Plan>> {
        Ok(Arc::new(Plan(pf::Plan::reference().map_err(err)?)))
    }

    /// Loads and validates a plan file (JSON text).
    #[uniffi::constructor]
    pub fn from_json(json: InputText) -> Result<Arc<Plan>> {
        Ok(Arc::new(Plan(
            pf::Plan::from_json(&text(json, "json")?).map_err(err)?,
        )))
    }

    /// The plan of a merchant's own contract (rates per channel, optional
    /// debit cap, fixed fee and minimum), with its acceptance, limits,
    /// settlement, activation and eligibility taken from `base` (default: the
    /// embedded 优POS plan). Errors name `contract.…`.
    #[uniffi::constructor(default(base = None))]
    pub fn from_contract(contract: ContractInput, base: Option<Arc<Plan>>) -> Result<Arc<Plan>> {
        let c = contract_of(contract)?;
        let plan = match base {
            Some(b) => c.to_plan(&b.0),
            None => c.to_plan(&pf::Plan::upos().map_err(err)?),
        };
        Ok(Arc::new(Plan(plan.map_err(err)?)))
    }

    /// The plan id (`upos`, `reference`, …).
    pub fn id(&self) -> String {
        self.0.id().to_string()
    }

    /// The plan's data version.
    pub fn data_version(&self) -> String {
        self.0.data_version().to_string()
    }

    /// The plan as JSON text (the format `Plan.fromJson` reads).
    pub fn to_json(&self) -> String {
        self.0.to_json()
    }
}

/// A working-day calendar: the embedded years, or years loaded at run time.
#[derive(Debug, uniffi::Object)]
pub struct Calendar(RwLock<pf::Calendar>);

impl Calendar {
    fn new(c: pf::Calendar) -> Arc<Calendar> {
        Arc::new(Calendar(RwLock::new(c)))
    }

    fn get(&self) -> pf::Calendar {
        read(&self.0).clone()
    }
}

#[uniffi::export]
impl Calendar {
    /// The embedded mainland calendar.
    #[uniffi::constructor]
    pub fn embedded() -> Result<Arc<Calendar>> {
        Ok(Calendar::new(pf::Calendar::embedded().map_err(err)?))
    }

    /// A calendar covering no year (to build one from loaded files with
    /// `extend`).
    #[uniffi::constructor]
    pub fn empty() -> Arc<Calendar> {
        Calendar::new(pf::Calendar::empty())
    }

    /// Loads a calendar file (JSON text): posfee's own calendar format, or
    /// one year in the holiday-cn format (then unversioned).
    #[uniffi::constructor]
    pub fn from_json(json: InputText) -> Result<Arc<Calendar>> {
        Ok(Calendar::new(
            pf::Calendar::from_json(&text(json, "json")?).map_err(err)?,
        ))
    }

    /// Loads one year in the holiday-cn format (`{"year", "papers", "days":
    /// [{"name", "date", "isOffDay"}]}`) with the data version it carries (a
    /// newer version may replace a year already covered; none:
    /// `unversioned`).
    #[uniffi::constructor(default(data_version = None))]
    pub fn from_holiday_cn(
        text: InputText,
        data_version: Option<InputText>,
    ) -> Result<Arc<Calendar>> {
        let (text, version) = (
            self::text(text, "text")?,
            optional(data_version, "data_version")?,
        );
        let c = pf::Calendar::from_holiday_cn(&text, version.as_deref()).map_err(err)?;
        Ok(Calendar::new(c))
    }

    /// Adds the years of another calendar; a year already covered is
    /// replaced only by a newer data version (else `calendar_year_covered`,
    /// reason `already_covered` or `not_newer`, and nothing changes).
    pub fn extend(&self, other: &Calendar) -> Result<()> {
        let other = other.get();
        write(&self.0).extend(&other).map_err(err)
    }

    /// The covered years, ascending.
    pub fn years(&self) -> Vec<i32> {
        read(&self.0).years()
    }

    /// The last day of the unbroken coverage (`YYYY-MM-DD`).
    pub fn valid_until(&self) -> Option<String> {
        read(&self.0).valid_until().map(|d| d.to_string())
    }

    /// The covered years and their data versions.
    pub fn versions(&self) -> Vec<YearVersion> {
        read(&self.0)
            .versions()
            .into_iter()
            .map(Into::into)
            .collect()
    }

    /// What a date (`YYYY-MM-DD`) is: working day, weekend, holiday or
    /// adjusted working day.
    pub fn day(&self, date: Option<InputText>) -> Result<DayInfo> {
        let d = pf::parse_date("date", &arg(date, "date")?).map_err(err)?;
        Ok(read(&self.0).day(d).map_err(err)?.into())
    }
}

/// A plan and a calendar together: the way to ask questions.
#[derive(Debug, uniffi::Object)]
pub struct Engine(RwLock<pf::Engine>);

#[uniffi::export]
impl Engine {
    /// The embedded 优POS plan with the embedded calendar.
    #[uniffi::constructor]
    pub fn new() -> Result<Arc<Engine>> {
        Ok(Arc::new(Engine(RwLock::new(
            pf::Engine::builtin().map_err(err)?,
        ))))
    }

    /// An engine over a plan and a calendar.
    #[uniffi::constructor]
    pub fn with_data(plan: &Plan, calendar: &Calendar) -> Arc<Engine> {
        Arc::new(Engine(RwLock::new(pf::Engine::new(
            plan.0.clone(),
            calendar.get(),
        ))))
    }

    /// The plan in use.
    pub fn plan(&self) -> Arc<Plan> {
        Arc::new(Plan(read(&self.0).plan().clone()))
    }

    /// The calendar in use.
    pub fn calendar(&self) -> Arc<Calendar> {
        Calendar::new(read(&self.0).calendar().clone())
    }

    /// Replaces the plan (e.g. with one loaded at run time).
    pub fn set_plan(&self, plan: &Plan) {
        write(&self.0).set_plan(plan.0.clone());
    }

    /// Loads a plan file (JSON text) and uses it.
    pub fn load_plan(&self, json: InputText) -> Result<()> {
        let plan = pf::Plan::from_json(&text(json, "json")?).map_err(err)?;
        write(&self.0).set_plan(plan);
        Ok(())
    }

    /// Adds calendar years loaded at run time; a year already covered is
    /// replaced only by a newer data version (else `calendar_year_covered`).
    pub fn extend_calendar(&self, calendar: &Calendar) -> Result<()> {
        let cal = calendar.get();
        write(&self.0).extend_calendar(&cal).map_err(err)
    }

    /// Loads a calendar file (JSON text, posfee's format or holiday-cn) and
    /// adds its years; with `data_version`, the file is read as holiday-cn
    /// data of that version.
    #[uniffi::method(default(data_version = None))]
    pub fn load_calendar(&self, json: InputText, data_version: Option<InputText>) -> Result<()> {
        let json = text(json, "json")?;
        let cal = match optional(data_version, "data_version")? {
            Some(v) => pf::Calendar::from_holiday_cn(&json, Some(&v)),
            None => pf::Calendar::from_json(&json),
        }
        .map_err(err)?;
        write(&self.0).extend_calendar(&cal).map_err(err)
    }

    /// Fee, acceptance, limits against the day's usage, and arrival.
    #[uniffi::method(default(usage = None, options = None))]
    pub fn quote(
        &self,
        merchant: MerchantInput,
        payment: PaymentInput,
        usage: Option<UsageInput>,
        options: Option<QuoteOptions>,
    ) -> Result<Quote> {
        let p = payment_of(payment, "payment")?;
        let m = merchant_of(merchant)?;
        let u = usage_of(usage)?;
        let q = read(&self.0).quote(&m, &p, &u, options_of(options));
        Ok(q.map_err(err)?.into())
    }

    /// The fee of a payment alone (its time, if any, is not used).
    pub fn fee(&self, merchant: MerchantInput, payment: PaymentInput) -> Result<Fee> {
        let payment: pf::PaymentInput = lift(payment, "payment")?;
        let charge = payment.to_charge("payment").map_err(err)?;
        let m = merchant_of(merchant)?;
        let f = pf::fee(read(&self.0).plan(), &m, &charge);
        Ok(f.map_err(err)?.into())
    }

    /// The fees of many payments (a statement's) in one call: `amounts`
    /// one decimal string per line, `instruments` the instruments used and
    /// `instrument_index` each payment's (left out for one instrument).
    /// Errors as [`posfee_core::fee_batch`]'s.
    #[uniffi::method(default(instrument_index = None))]
    pub fn fee_batch(
        &self,
        merchant: MerchantInput,
        amounts: InputText,
        instruments: Vec<InstrumentInput>,
        instrument_index: Option<Vec<i32>>,
    ) -> Result<FeeBatch> {
        let m = merchant_of(merchant)?;
        // A negative index is out of range, as u32::MAX is for every batch.
        let index: Option<Vec<u32>> = instrument_index.map(|ix| {
            ix.into_iter()
                .map(|k| u32::try_from(k).unwrap_or(u32::MAX))
                .collect()
        });
        let amounts = text(amounts, "amounts")?;
        let instruments: Vec<pf::read::InstrumentInput> = lift(instruments, "instruments")?;
        let b = read(&self.0).fee_batch(&m, &amounts, &instruments, index.as_deref());
        b.map_err(err)
    }

    /// When the money of a payment arrives.
    #[uniffi::method(default(options = None))]
    pub fn arrival(&self, payment: PaymentInput, options: Option<QuoteOptions>) -> Result<Arrival> {
        let p = payment_of(payment, "payment")?;
        let a = read(&self.0).arrival(&p, options_of(options).provisional);
        Ok(a.map_err(err)?.into())
    }

    /// The accounting date of a time (日切 applied), `YYYY-MM-DD`.
    pub fn accounting_date(&self, time: Option<InputText>) -> Result<String> {
        let d = read(&self.0).accounting_date(&arg(time, "time")?);
        Ok(d.map_err(err)?.to_string())
    }

    /// The frozen-funds review window after a submission date (`YYYY-MM-DD`).
    #[uniffi::method(default(options = None))]
    pub fn frozen_window(
        &self,
        submitted: Option<InputText>,
        options: Option<QuoteOptions>,
    ) -> Result<FrozenWindow> {
        let submitted = arg(submitted, "submitted")?;
        let w = read(&self.0).frozen_window(&submitted, options_of(options).provisional);
        Ok(w.map_err(err)?.into())
    }

    /// The provider's facts on a day (`YYYY-MM-DD`): its licence as the
    /// plan's source gives it, whether that date has passed, how to check it.
    pub fn provider(&self, on: Option<InputText>) -> Result<ProviderFacts> {
        Ok(read(&self.0).provider(&arg(on, "on")?).map_err(err)?.into())
    }

    /// Activation cashback progress at a cumulative volume (decimal string).
    pub fn activation(&self, volume: Option<InputText>) -> Result<ActivationProgress> {
        let a = read(&self.0).activation(&arg(volume, "volume")?);
        Ok(a.map_err(err)?.into())
    }

    /// Which of the premium rate, bulk rate and limit upgrade a merchant may
    /// apply for, and what is unmet.
    pub fn eligibility(&self, facts: EligibilityInput) -> Result<EligibilityAnswers> {
        let facts: pf::EligibilityInput = lift(facts, "")?;
        Ok(read(&self.0).eligibility(&facts).map_err(err)?.into())
    }

    /// The versions of the plan and calendar data in use.
    pub fn data_versions(&self) -> DataVersions {
        pf::DataVersions::of(&read(&self.0)).into()
    }

    /// Ranks the causes of a decline, a payment not arrived, 花呗 unavailable
    /// or a UnionPay suspension by the facts given.
    pub fn diagnose(&self, input: DiagnoseInput) -> Result<Diagnosis> {
        let core: pf::DiagnoseInput = lift(input, "")?;
        Ok(read(&self.0).diagnose(&core).map_err(err)?.into())
    }
}

/// Audits a statement (对账) line by line against the engine's plan: JSON-like
/// records one at a time, or a CSV file fed in chunks (posfee's own format,
/// or a statement file as merchants have it after `start_statement`). Keeps
/// only the fingerprints of settled ids and the running summary.
#[derive(Debug, uniffi::Object)]
pub struct Auditor {
    auditor: Mutex<pf::Auditor>,
    reader: Mutex<pf::CsvReader>,
}

#[uniffi::export]
impl Auditor {
    /// An auditor for a merchant, judging `not_settled` as of `as_of`.
    #[uniffi::constructor(default(options = None))]
    pub fn new(
        engine: &Engine,
        merchant: MerchantInput,
        as_of: Option<InputText>,
        options: Option<QuoteOptions>,
    ) -> Result<Arc<Auditor>> {
        let m = merchant_of(merchant)?;
        let t = pf::ChinaDateTime::parse("as_of", &arg(as_of, "as_of")?).map_err(err)?;
        let e = read(&engine.0);
        let opts = pf::AuditOptions {
            as_of: t,
            provisional: options_of(options).provisional,
        };
        let a = pf::Auditor::new(e.plan(), e.calendar(), m, opts).map_err(err)?;
        Ok(Arc::new(Auditor {
            auditor: Mutex::new(a),
            reader: Mutex::new(pf::CsvReader::new()),
        }))
    }

    /// Audits the next line (its index is the number of lines so far); a line
    /// that cannot be judged comes back unjudgeable with its error.
    pub fn audit_line(&self, line: StatementLineInput) -> LineAudit {
        let mut a = lock(&self.auditor);
        let index = a.summary().lines;
        let id = line.id.clone().and_then(|t| t.into_string("").ok());
        match line.lift(&|| format!("lines[{index}]")) {
            Ok(line) => a.audit_input(index, None, &line).into(),
            Err(e) => a.unjudgeable(index, None, id, e).into(),
        }
    }

    /// Reads the CSV fed next (`feed_csv`, `finish_csv`) as a statement file
    /// as merchants have it (对账单: UTF-8, UTF-16 or GB18030, Chinese
    /// headers and values, title rows, a 合计 totals row) through `format`
    /// (the generic profile, the encoding detected, when null), in place of
    /// posfee's own CSV format. A format that cannot be used is an error
    /// named under `format` (`format.encoding`).
    #[uniffi::method(default(format = None))]
    pub fn start_statement(&self, format: Option<StatementFormatInput>) -> Result<()> {
        let format = match format {
            Some(f) => lift::<_, pf::StatementFormatInput>(f, "format")?
                .to_format("format")
                .map_err(err)?,
            None => pf::StatementFormat::default(),
        };
        *lock(&self.reader) = pf::CsvReader::with_format(format);
        Ok(())
    }

    /// How the statement file is being read (profile, encoding, header,
    /// columns), once its header is found; null for posfee's own CSV format.
    pub fn statement_layout(&self) -> Option<StatementLayout> {
        lock(&self.reader).layout().cloned().map(Into::into)
    }

    /// Whether the statement's lines add up to the totals it states (its
    /// 合计 row, or the format's totals); null when it states none.
    pub fn statement_totals(&self) -> Option<TotalsCheck> {
        lock(&self.reader).totals().map(Into::into)
    }

    /// Feeds a chunk of a CSV statement; returns the lines it completed, in
    /// order. A header that cannot be used is an error (`invalid_csv`).
    pub fn feed_csv(&self, chunk: Vec<u8>) -> Result<Vec<LineAudit>> {
        let mut out = Vec::new();
        let mut reader = lock(&self.reader);
        lock(&self.auditor)
            .feed_csv(&mut reader, &chunk, &mut |l, _| out.push(l.into()))
            .map_err(err)?;
        Ok(out)
    }

    /// Feeds an Excel (.xlsx) statement whole, after `start_statement`: the
    /// rows of its first sheet (or the one `sheet` names), read by the
    /// statement's format; returns the lines judged. End with `finish_csv`.
    #[uniffi::method(default(sheet = None))]
    pub fn feed_xlsx(&self, file: Vec<u8>, sheet: Option<InputText>) -> Result<Vec<LineAudit>> {
        let sheet = sheet.map(|s| s.into_string("sheet")).transpose()?;
        let rows = pf::xlsx_rows(&file, sheet.as_deref()).map_err(err)?;
        let mut out = Vec::new();
        let mut reader = lock(&self.reader);
        lock(&self.auditor)
            .feed_rows(&mut reader, rows, &mut |l, _| out.push(l.into()))
            .map_err(err)?;
        Ok(out)
    }

    /// Ends the CSV statement; returns the last lines.
    pub fn finish_csv(&self) -> Result<Vec<LineAudit>> {
        let mut out = Vec::new();
        let mut reader = lock(&self.reader);
        lock(&self.auditor)
            .finish_csv(&mut reader, &mut |l, _| out.push(l.into()))
            .map_err(err)?;
        Ok(out)
    }

    /// The summary of the lines audited so far.
    pub fn summary(&self) -> AuditSummary {
        lock(&self.auditor).summary().into()
    }
}

/// Accepted payments by accounting date, so callers need not track the day's
/// usage themselves.
#[derive(Debug, Default, uniffi::Object)]
pub struct DayLedger(Mutex<pf::DayLedger>);

#[uniffi::export]
impl DayLedger {
    /// An empty ledger.
    #[uniffi::constructor]
    pub fn new() -> Arc<DayLedger> {
        Arc::new(DayLedger::default())
    }

    /// Quotes a payment against the usage recorded for its accounting date,
    /// and records it when accepted.
    #[uniffi::method(default(options = None))]
    pub fn quote_and_record(
        &self,
        engine: &Engine,
        merchant: MerchantInput,
        payment: PaymentInput,
        options: Option<QuoteOptions>,
    ) -> Result<Quote> {
        let p = payment_of(payment, "payment")?;
        let m = merchant_of(merchant)?;
        let e = read(&engine.0);
        let q = lock(&self.0).quote_and_record(e.plan(), e.calendar(), &m, &p, options_of(options));
        Ok(q.map_err(err)?.into())
    }

    /// Quotes and records many payments in order, in one call (a statement);
    /// the first invalid payment fails, naming `payments[i]`.
    #[uniffi::method(default(options = None))]
    pub fn quote_all(
        &self,
        engine: &Engine,
        merchant: MerchantInput,
        payments: Vec<PaymentInput>,
        options: Option<QuoteOptions>,
    ) -> Result<Vec<Quote>> {
        let m = merchant_of(merchant)?;
        let o = options_of(options);
        let e = read(&engine.0);
        let read = |p: PaymentInput, at: &str| {
            let p: pf::PaymentInput = p.lift(&|| at.to_string())?;
            p.to_payment(at)
        };
        let quotes =
            lock(&self.0).quote_all(e.plan(), e.calendar(), &m, payments, "payments", read, o);
        Ok(quotes.map_err(err)?.into_iter().map(Into::into).collect())
    }

    /// The accounting dates the ledger holds (`YYYY-MM-DD`).
    pub fn dates(&self) -> Vec<String> {
        lock(&self.0)
            .dates()
            .iter()
            .map(|d| d.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn std_merchant() -> MerchantInput {
        MerchantInput {
            tier: Some("premium".into()),
            verification: Some("face_and_card".into()),
            credit_rate: Some("standard".into()),
            activated: Some(true),
            ..Default::default()
        }
    }

    fn card(amount: &str) -> PaymentInput {
        PaymentInput {
            amount: Some(amount.into()),
            method: Some("card".into()),
            card_kind: Some("credit".into()),
            card_medium: Some("chip".into()),
            time: Some("2025-09-30T22:00:00".into()),
            ..Default::default()
        }
    }

    #[test]
    fn money_crosses_as_text_and_back() {
        for text in ["0.00", "5.50", "-3.05", "99999999.99"] {
            assert_eq!(money_from_text(text).unwrap().to_string(), text);
        }
        assert_eq!(money_from_text("12.5").unwrap().to_string(), "12.50");
        assert!(money_from_text("1.234").is_err());
        assert_eq!(percent_from_text("0.55").unwrap().to_string(), "0.55");
        assert!(percent_from_text("101").is_err());
    }

    /// A text that is not Unicode (a Kotlin string with a lone surrogate)
    /// is refused at its own field, as in JavaScript, and leaves nothing
    /// behind: the engine and auditor go on answering.
    #[test]
    fn a_lone_surrogate_is_refused_at_its_field() {
        let lone = || InputText::from_utf16(&[0x63, 0xD800]);
        let e = Engine::new().unwrap();
        let what = |r: Result<Quote>| {
            let x = r.unwrap_err();
            (x.code(), x.field(), x.reason())
        };
        let bad = PaymentInput {
            method: Some(lone()),
            ..card("10.00")
        };
        assert_eq!(
            what(e.quote(std_merchant(), bad, None, None)),
            (
                "invalid_field".into(),
                "payment.method".into(),
                "wrong_type".into()
            )
        );
        let bad = PaymentInput {
            amount: Some(lone()),
            ..card("10.00")
        };
        assert_eq!(
            what(e.quote(std_merchant(), bad, None, None)),
            (
                "invalid_amount".into(),
                "payment.amount".into(),
                "not_a_string".into()
            )
        );
        let m = MerchantInput {
            tier: Some(lone()),
            ..std_merchant()
        };
        assert_eq!(
            what(e.quote(m, card("10.00"), None, None)).1,
            "merchant.tier"
        );
        let used = std::collections::HashMap::from([("credit".into(), lone())]);
        let u = UsageInput {
            used,
            ..Default::default()
        };
        assert_eq!(
            what(e.quote(std_merchant(), card("10.00"), Some(u), None)).1,
            "usage.used.credit"
        );
        let mix = vec![
            MixLineInput {
                payment: card("1.00"),
                count: 1,
            },
            MixLineInput {
                payment: PaymentInput {
                    wallet: Some(lone()),
                    ..card("1.00")
                },
                count: 1,
            },
        ];
        let x = compare(
            &Plan::upos().unwrap(),
            &Plan::reference().unwrap(),
            std_merchant(),
            mix,
        )
        .unwrap_err();
        assert_eq!(x.field(), "mix[1].payment.wallet");
        let x = e.accounting_date(Some(lone())).unwrap_err();
        assert_eq!(
            (x.field(), x.reason()),
            ("time".into(), "not_a_string".into())
        );
        let x = Plan::from_json(lone()).unwrap_err();
        assert_eq!(
            (x.field(), x.reason()),
            ("json".into(), "wrong_type".into())
        );
        let a = Auditor::new(&e, std_merchant(), Some("2025-10-20T00:00".into()), None).unwrap();
        let line = StatementLineInput {
            id: Some("T1".into()),
            card_kind: Some(lone()),
            ..Default::default()
        };
        let l = a.audit_line(line);
        assert_eq!(
            l.error.map(|x| x.field),
            Some("lines[0].card_kind".to_string())
        );
        assert_eq!(l.id.as_deref(), Some("T1"));
        assert_eq!(
            e.quote(std_merchant(), card("1000.00"), None, None)
                .unwrap()
                .fee
                .to_string(),
            "5.50"
        );
    }

    #[test]
    fn the_text_crosses_as_utf16_code_units() {
        for s in ["", "card", "贷记卡", "𝄞 ¥1,000"] {
            let t = InputText::from(s);
            assert_eq!(
                InputText::from_bytes(&t.to_bytes())
                    .into_string("f")
                    .unwrap(),
                s
            );
        }
        assert!(InputText::from_bytes(&[0x63]).into_string("f").is_err());
        assert!(InputText::from_bytes(&[0x00, 0xD8])
            .into_string("f")
            .is_err());
    }

    #[test]
    fn quotes_and_errors_match_the_core() {
        let e = Engine::new().unwrap();
        let q = e
            .quote(std_merchant(), card("1000.00"), None, None)
            .unwrap();
        assert_eq!(
            (q.fee.to_string(), q.net.to_string()),
            ("5.50".into(), "994.50".into())
        );
        assert_eq!(q.outcome, Outcome::Accepted);
        assert_eq!(q.arrival.unwrap().date, "2025-10-09");
        let err = e
            .quote(std_merchant(), card("1.234"), None, None)
            .unwrap_err();
        assert_eq!(
            (err.code(), err.field(), err.reason()),
            (
                "invalid_amount".into(),
                "payment.amount".into(),
                "too_many_decimals".into()
            )
        );
        let err = e.frozen_window(None, None).unwrap_err();
        assert_eq!(
            (err.code(), err.field(), err.reason()),
            ("invalid_time".into(), "submitted".into(), "missing".into())
        );
    }

    #[test]
    fn calendars_extend_even_themselves() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/calendars/holiday-cn-2027-fictional.json"
        ))
        .unwrap();
        let cal = Calendar::empty();
        cal.extend(
            &Calendar::from_holiday_cn(text.clone().into(), Some("2026.12.01".into())).unwrap(),
        )
        .unwrap();
        assert_eq!(cal.years(), vec![2027]);
        // The same object on both sides: an error, not a deadlock.
        let e = cal.extend(&cal).unwrap_err();
        assert_eq!(
            (e.code(), e.reason()),
            ("calendar_year_covered".into(), "already_covered".into())
        );
        let engine = Engine::new().unwrap();
        engine
            .load_calendar(text.into(), Some("2026.12.01".into()))
            .unwrap();
        let p = PaymentInput {
            amount: Some("100.00".into()),
            method: Some("card".into()),
            card_kind: Some("debit".into()),
            card_medium: Some("chip".into()),
            time: Some("2027-03-01T10:00".into()),
            ..Default::default()
        };
        let a = engine.arrival(p, None).unwrap();
        assert!(a
            .calendar
            .iter()
            .all(|y| y.year == 2027 && y.origin == DataOrigin::Loaded));
        assert!(!a.calendar.is_empty());
    }

    #[test]
    fn contracts_name_their_fields() {
        let rates = ContractRatesInput {
            credit: Some("0.60".into()),
            debit: Some("0.50".into()),
            qr: Some("0.38".into()),
            small_contactless: Some("0.38".into()),
            contactless: Some("0.60".into()),
        };
        let c = ContractInput {
            rates: Some(rates.clone()),
            ..Default::default()
        };
        let p = Plan::from_contract(c.clone(), None).unwrap();
        assert_eq!(p.data_version(), "contract/upos/2026.12.02");
        let mix = vec![MixLineInput {
            payment: card("1000.00"),
            count: 10,
        }];
        let upos = Plan::upos().unwrap();
        let cmp = compare_contract(c, &upos, &upos, std_merchant(), mix).unwrap();
        assert_eq!(
            (cmp.total_a.to_string(), cmp.saving.to_string()),
            ("60.00".into(), "5.00".into())
        );
        assert_eq!(cmp.channels[0].channel, ContractChannel::Credit);
        let bad = ContractInput {
            rates: Some(ContractRatesInput {
                qr: Some("0.38%".into()),
                ..rates
            }),
            ..Default::default()
        };
        let e = Plan::from_contract(bad, Some(upos)).unwrap_err();
        assert_eq!(
            (e.field(), e.reason()),
            ("contract.rates.qr".into(), "format".into())
        );
    }

    #[test]
    fn ledger_names_the_failing_payment() {
        let e = Engine::new().unwrap();
        let ledger = DayLedger::new();
        let err = ledger
            .quote_all(&e, std_merchant(), vec![card("1.00"), card("x")], None)
            .unwrap_err();
        assert_eq!(err.field(), "payments[1].amount");
    }

    #[test]
    fn a_statement_file_is_read_through_its_format() {
        let e = Engine::new().unwrap();
        let a = Auditor::new(&e, std_merchant(), Some("2025-03-20T00:00".into()), None).unwrap();
        let bad = StatementFormatInput {
            encoding: Some("latin1".into()),
            ..Default::default()
        };
        let err = a.start_statement(Some(bad)).unwrap_err();
        assert_eq!(
            (err.field(), err.reason()),
            ("format.encoding".into(), "unknown_value".into())
        );
        let lone = StatementFormatInput {
            columns: [(InputText::from("id"), InputText::from_utf16(&[0xD800]))].into(),
            ..Default::default()
        };
        let err = a.start_statement(Some(lone)).unwrap_err();
        assert_eq!(
            (err.field(), err.reason()),
            ("format.columns.id".into(), "wrong_type".into())
        );
        let given = StatementFormatInput {
            totals: Some(StatedTotalsInput {
                fee_charged: Some("0.40".into()),
                ..Default::default()
            }),
            ..Default::default()
        };
        a.start_statement(Some(given)).unwrap();
        let text = "对账单\n流水号,交易时间,交易金额,交易方式,手续费,备注\n\
                    S1,2025/03/12 10:00:00,100.00,微信,0.38,\n";
        let mut lines = a.feed_csv(text.as_bytes().to_vec()).unwrap();
        lines.extend(a.finish_csv().unwrap());
        assert_eq!(lines.len(), 1);
        let layout = a.statement_layout().unwrap();
        assert_eq!((layout.header_line, layout.title_rows), (2, 1));
        assert_eq!(layout.encoding.unwrap().encoding, TextEncoding::Utf8);
        assert_eq!(layout.unknown_columns, vec!["备注".to_string()]);
        let totals = a.statement_totals().unwrap();
        assert_eq!(
            (totals.line_number, totals.lines, totals.agrees),
            (None, 1, false)
        );
        assert_eq!(totals.checks[0].field, "fee_charged");
    }
}
