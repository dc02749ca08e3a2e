//! Records and enums: the core's string-typed inputs (exported as they are),
//! and mirrors of the core's answers.

use crate::{Money, Percent};
use posfee_core as pf;
use std::collections::HashMap;

pub use pf::read::InstrumentInput;
pub use pf::{
    Cheaper, ContractChannel, DataOrigin, DayKind, FindingCode, LineStatus, Outcome, RefusalCode,
    Situation,
};
pub use pf::{
    ContractInput, ContractRatesInput, EligibilityInput, FeeBatch, MerchantInput, MixLineInput,
    PaymentInput, WalletInput, WalletsInput,
};

/// A count as every language reads it: a signed 64-bit integer (Java has
/// no unsigned types). Counts never come near 2⁶³.
fn count<T: TryInto<i64>>(n: T) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

// ---- inputs: the core's own structs, so the core validates them ----

/// A payment as strings: `amount` a decimal string of yuan, `method` one of
/// `card`, `contactless`, `qr`; fields that do not apply stay null.
#[uniffi::remote(Record)]
pub struct PaymentInput {
    #[uniffi(default)]
    pub amount: Option<String>,
    #[uniffi(default)]
    pub method: Option<String>,
    #[uniffi(default)]
    pub card_kind: Option<String>,
    #[uniffi(default)]
    pub card_medium: Option<String>,
    #[uniffi(default)]
    pub magstripe_verified: Option<bool>,
    #[uniffi(default)]
    pub wallet: Option<String>,
    #[uniffi(default)]
    pub large_mode: Option<bool>,
    #[uniffi(default)]
    pub time: Option<String>,
}

/// The instrument of a batch's payments: a payment without amount and time.
#[uniffi::remote(Record)]
pub struct InstrumentInput {
    #[uniffi(default)]
    pub method: Option<String>,
    #[uniffi(default)]
    pub card_kind: Option<String>,
    #[uniffi(default)]
    pub card_medium: Option<String>,
    #[uniffi(default)]
    pub magstripe_verified: Option<bool>,
    #[uniffi(default)]
    pub wallet: Option<String>,
    #[uniffi(default)]
    pub large_mode: Option<bool>,
}

/// A priced batch: fees and nets one per line, and their totals.
#[uniffi::remote(Record)]
pub struct FeeBatch {
    pub fees: String,
    pub nets: String,
    pub total_amount: Money,
    pub total_fee: Money,
    pub total_net: Money,
    pub count: i64,
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

/// A merchant profile as strings (`tier`: `new`/`premium`, `verification`:
/// `face_and_card`/`face_only`/`none`, `credit_rate`: `standard`/`bulk`/`premium`).
#[uniffi::remote(Record)]
pub struct MerchantInput {
    #[uniffi(default)]
    pub tier: Option<String>,
    #[uniffi(default)]
    pub verification: Option<String>,
    #[uniffi(default)]
    pub credit_rate: Option<String>,
    #[uniffi(default)]
    pub activated: Option<bool>,
    #[uniffi(default)]
    pub wallets: Option<WalletsInput>,
    #[uniffi(default)]
    pub large_mode_approved: Option<bool>,
}

/// A line of a payment mix: a payment (its time is not used) and a count.
#[uniffi::remote(Record)]
pub struct MixLineInput {
    pub payment: PaymentInput,
    pub count: i64,
}

/// Eligibility facts as given (monthly volumes oldest first, decimal strings).
#[uniffi::remote(Record)]
pub struct EligibilityInput {
    #[uniffi(default)]
    pub monthly_volumes: Vec<String>,
    #[uniffi(default = 0)]
    pub devices: i64,
    #[uniffi(default = false)]
    pub annual_agreement: bool,
    #[uniffi(default = false)]
    pub risk_record: bool,
    #[uniffi(default)]
    pub verification: Option<String>,
}

/// The rate of each channel of a merchant's contract, as percent strings
/// (`"0.60"` is 0.60 %). Every channel is required: a missing one is an
/// error (`contract.rates.qr`, `missing`), never a default.
#[uniffi::remote(Record)]
pub struct ContractRatesInput {
    #[uniffi(default)]
    pub credit: Option<String>,
    #[uniffi(default)]
    pub debit: Option<String>,
    #[uniffi(default)]
    pub qr: Option<String>,
    #[uniffi(default)]
    pub small_contactless: Option<String>,
    #[uniffi(default)]
    pub contactless: Option<String>,
}

/// A merchant's own contract as strings: the rate of every channel, and
/// optionally `id` (the plan id, a lowercase code), `name`, `debit_cap`,
/// `fixed_fee` (with `fixed_fee_channels`), `minimum_fee` and `rounding`
/// (`half_up`, `half_even`, `down`, `up`). Errors name `contract.…`.
#[uniffi::remote(Record)]
pub struct ContractInput {
    #[uniffi(default)]
    pub id: Option<String>,
    #[uniffi(default)]
    pub name: Option<String>,
    #[uniffi(default)]
    pub rates: Option<ContractRatesInput>,
    #[uniffi(default)]
    pub debit_cap: Option<String>,
    #[uniffi(default)]
    pub fixed_fee: Option<String>,
    #[uniffi(default)]
    pub fixed_fee_channels: Option<Vec<String>>,
    #[uniffi(default)]
    pub minimum_fee: Option<String>,
    #[uniffi(default)]
    pub rounding: Option<String>,
}

/// What the merchant already used on the payment's accounting date: money per
/// bucket (`credit`, `qr`, …) as decimal strings, payments per count bucket
/// (`qr_large_count`). Missing buckets are zero.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct UsageInput {
    /// Money used per bucket.
    #[uniffi(default)]
    pub used: HashMap<String, String>,
    /// Payments per count bucket.
    #[uniffi(default)]
    pub counts: HashMap<String, i64>,
}

/// Options of a quote, an arrival or a frozen window.
#[derive(Debug, Clone, Copy, Default, uniffi::Record)]
pub struct QuoteOptions {
    /// Answer with a provisional (Monday–Friday) arrival for years the
    /// calendar lacks, instead of `calendar_not_covered`.
    #[uniffi(default = false)]
    pub provisional: bool,
}

// ---- answers ----

fn s(a: &str) -> String {
    a.to_string()
}

fn os(a: Option<std::sync::Arc<str>>) -> Option<String> {
    a.map(|a| a.to_string())
}

/// Accepted or refused.
#[uniffi::remote(Enum)]
pub enum Outcome {
    /// The payment goes through.
    Accepted,
    /// The payment is refused; see the refusal.
    Refused,
}

/// Why a payment is refused.
#[uniffi::remote(Enum)]
pub enum RefusalCode {
    /// Pay the activation swipe first.
    MerchantNotActivated,
    /// Debit cards must be read by chip.
    DebitChipOnly,
    /// The wallet's permission is not enabled for the merchant.
    WalletNotEnabled,
    /// The wallet's real-name verification is not done.
    WalletNotVerified,
    /// Large-amount mode needs an eligible wallet and the merchant's approval.
    LargeModeNotApproved,
    /// Above a single-transaction cap.
    SingleLimitExceeded,
    /// Above what is left of a daily cap.
    DailyLimitExceeded,
}

/// Which plan is cheaper.
#[uniffi::remote(Enum)]
pub enum Cheaper {
    /// Plan A costs less.
    A,
    /// Plan B costs less.
    B,
    /// Both cost the same.
    Equal,
}

/// What kind of day a date is.
#[uniffi::remote(Enum)]
pub enum DayKind {
    /// An ordinary Monday–Friday.
    Workday,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A statutory day off.
    Holiday,
    /// A weekend day declared a working day (调休上班).
    AdjustedWorkingDay,
}

/// Where calendar data came from.
#[uniffi::remote(Enum)]
pub enum DataOrigin {
    /// Embedded in the library.
    Embedded,
    /// Loaded at run time.
    Loaded,
}

/// The fee rule applied.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RuleRef {
    /// Rule id (`F5`).
    pub id: String,
    /// Chinese name (信用卡刷卡).
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The rate applied, in percent.
    pub rate_percent: Percent,
    /// The cap of the percentage part, if any.
    pub cap: Option<Money>,
}

impl From<pf::RuleRef> for RuleRef {
    fn from(r: pf::RuleRef) -> Self {
        RuleRef {
            id: s(&r.id),
            name_zh: s(&r.name_zh),
            name_en: s(&r.name_en),
            rate_percent: r.rate_percent,
            cap: r.cap,
        }
    }
}

/// How the fee was made up: fee = percentage + fixed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FeeDetail {
    /// The percentage part after rounding, cap and minimum.
    pub percentage: Money,
    /// The cap was applied.
    pub capped: bool,
    /// The minimum was applied.
    pub minimum_applied: bool,
    /// The fixed part.
    pub fixed: Money,
}

impl From<pf::FeeDetail> for FeeDetail {
    fn from(d: pf::FeeDetail) -> Self {
        FeeDetail {
            percentage: d.percentage,
            capped: d.capped,
            minimum_applied: d.minimum_applied,
            fixed: d.fixed,
        }
    }
}

/// A priced payment: fee, net and the rule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Fee {
    /// The rule.
    pub rule: RuleRef,
    /// The fee.
    pub fee: Money,
    /// amount − fee (negative when a fixed fee exceeds the amount).
    pub net: Money,
    /// How the fee was made up.
    pub detail: FeeDetail,
}

impl From<pf::Fee> for Fee {
    fn from(f: pf::Fee) -> Self {
        Fee {
            rule: f.rule.into(),
            fee: f.fee,
            net: f.net,
            detail: f.detail.into(),
        }
    }
}

/// A refusal with what bound it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Refusal {
    /// The code.
    pub code: RefusalCode,
    /// The binding dimension or bucket, for limit refusals.
    pub dimension: Option<String>,
    /// The binding money cap.
    pub cap: Option<Money>,
    /// The binding count cap.
    pub count_cap: Option<i64>,
    /// What is left today.
    pub left_today: Option<Money>,
    /// What the merchant can do about the cap that refused.
    pub steps: Vec<Step>,
    /// Chinese message with how to fix it.
    pub message_zh: String,
    /// English message with how to fix it.
    pub message_en: String,
}

impl From<pf::Refusal> for Refusal {
    fn from(r: pf::Refusal) -> Self {
        Refusal {
            code: r.code,
            dimension: os(r.dimension),
            cap: r.cap,
            count_cap: r.count_cap.map(count),
            left_today: r.left_today,
            steps: steps(&r.steps),
            message_zh: r.message_zh,
            message_en: r.message_en,
        }
    }
}

/// A single-transaction cap that applies.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SingleCap {
    /// Dimension name (`channel`, `merchant_tier`, …).
    pub dimension: String,
    /// The cap.
    pub cap: Money,
}

/// A daily bucket that applies to the payment, with its usage.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DailyBucket {
    /// Bucket name.
    pub bucket: String,
    /// Class within the bucket.
    pub class: Option<String>,
    /// Money cap.
    pub cap: Option<Money>,
    /// Count cap.
    pub count_cap: Option<i64>,
    /// Money used before this payment.
    pub used: Money,
    /// Payments counted before this payment.
    pub used_count: i64,
    /// Money left before this payment (never below zero).
    pub left: Option<Money>,
    /// Payments left before this payment.
    pub left_count: Option<i64>,
}

/// A step to take (raise a limit, become eligible).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Step {
    /// Stable code.
    pub code: String,
    /// Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
}

fn step(x: &pf::Step) -> Step {
    Step {
        code: x.code.to_string(),
        zh: x.zh.to_string(),
        en: x.en.to_string(),
    }
}

fn steps(s: &[pf::Step]) -> Vec<Step> {
    s.iter().map(step).collect()
}

/// The limit answer for a payment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LimitCheck {
    /// The smallest single cap that applies.
    pub single_cap: Option<Money>,
    /// Its dimension.
    pub single_dimension: Option<String>,
    /// The daily bucket with the least money left.
    pub daily_dimension: Option<String>,
    /// The least money left in any daily bucket that applies, before this payment.
    pub left_today: Option<Money>,
    /// `left_today` minus the amount, when accepted.
    pub left_after: Option<Money>,
    /// Every single cap that applies, in plan order.
    pub single: Vec<SingleCap>,
    /// Every daily bucket that applies, in plan order.
    pub daily: Vec<DailyBucket>,
    /// How to raise the caps.
    pub raise_steps: Vec<Step>,
}

impl From<pf::LimitCheck> for LimitCheck {
    fn from(l: pf::LimitCheck) -> Self {
        LimitCheck {
            single_cap: l.single_cap,
            single_dimension: os(l.single_dimension),
            daily_dimension: os(l.daily_dimension),
            left_today: l.left_today,
            left_after: l.left_after,
            single: l
                .single
                .into_iter()
                .map(|c| SingleCap {
                    dimension: s(&c.dimension),
                    cap: c.cap,
                })
                .collect(),
            daily: l
                .daily
                .into_iter()
                .map(|b| DailyBucket {
                    bucket: s(&b.bucket),
                    class: os(b.class),
                    cap: b.cap,
                    count_cap: b.count_cap.map(count),
                    used: b.used,
                    used_count: count(b.used_count),
                    left: b.left,
                    left_count: b.left_count.map(count),
                })
                .collect(),
            raise_steps: steps(&l.raise_steps),
        }
    }
}

/// A calendar year whose data answered a question, with its data version
/// and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ConsultedYear {
    /// The year.
    pub year: i32,
    /// The data version of the file it came from.
    pub data_version: String,
    /// Embedded or loaded.
    pub origin: DataOrigin,
}

fn consulted(c: Vec<pf::ConsultedYear>) -> Vec<ConsultedYear> {
    c.into_iter()
        .map(|y| ConsultedYear {
            year: y.year,
            data_version: s(&y.data_version),
            origin: y.origin,
        })
        .collect()
}

/// The provider's facts on a day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProviderFacts {
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Customer service line.
    pub support_line: String,
    /// The licence as the plan's source gives it.
    pub licence: Option<LicenceFacts>,
    /// The licence's validity (as the source gives it), how to check it,
    /// how funds are cleared.
    pub notes: Vec<Step>,
}

/// A payment licence as the plan's source gives it, judged on a day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LicenceFacts {
    /// The licence number.
    pub number: String,
    /// What it covers, in Chinese.
    pub scope_zh: String,
    /// What it covers, in English.
    pub scope_en: String,
    /// The validity date the source gives (`YYYY-MM-DD`).
    pub valid_until: String,
    /// Whether that date has passed on the day asked.
    pub date_passed: bool,
}

impl From<pf::provider::ProviderFacts> for ProviderFacts {
    fn from(p: pf::provider::ProviderFacts) -> Self {
        ProviderFacts {
            name_zh: s(&p.name_zh),
            name_en: s(&p.name_en),
            support_line: s(&p.support_line),
            licence: p.licence.map(|l| LicenceFacts {
                number: s(&l.number),
                scope_zh: s(&l.scope_zh),
                scope_en: s(&l.scope_en),
                valid_until: l.valid_until.to_string(),
                date_passed: l.date_passed,
            }),
            notes: steps(&p.notes),
        }
    }
}

/// When the money of a payment arrives.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Arrival {
    /// The date the money arrives (`YYYY-MM-DD`).
    pub date: String,
    /// Real time (T+0).
    pub realtime: bool,
    /// The accounting date (日切 applied).
    pub accounting_date: String,
    /// Whether some working day was assumed Monday–Friday for an uncovered year.
    pub provisional: bool,
    /// The uncovered years assumed.
    pub uncovered_years: Vec<i32>,
    /// The calendar years whose data answered, in the order consulted
    /// (empty for a real-time answer and for days only assumed Monday–Friday).
    pub calendar: Vec<ConsultedYear>,
    /// The settlement rule that applied.
    pub rule: String,
    /// Set when the day cut-off moved the accounting date to the next day.
    pub cutoff_note: Option<Step>,
}

impl From<pf::Arrival> for Arrival {
    fn from(a: pf::Arrival) -> Self {
        Arrival {
            date: a.date.to_string(),
            realtime: a.realtime,
            accounting_date: a.accounting_date.to_string(),
            provisional: a.provisional,
            uncovered_years: a.uncovered_years,
            calendar: consulted(a.calendar),
            rule: s(&a.rule),
            cutoff_note: a.cutoff_note.as_ref().map(step),
        }
    }
}

/// The answer to "what will this payment cost, will it go through, and when
/// does the money arrive?"
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Quote {
    /// Accepted or refused.
    pub outcome: Outcome,
    /// The amount.
    pub amount: Money,
    /// The fee (also given for a refusal: what it would have cost).
    pub fee: Money,
    /// amount − fee.
    pub net: Money,
    /// The fee rule applied.
    pub rule: RuleRef,
    /// How the fee was made up.
    pub fee_detail: FeeDetail,
    /// The accounting date (日切 applied), `YYYY-MM-DD`.
    pub accounting_date: String,
    /// Why it was refused.
    pub refusal: Option<Refusal>,
    /// The limit check (absent when an acceptance rule refused first).
    pub limits: Option<LimitCheck>,
    /// When the money arrives (absent for a refusal).
    pub arrival: Option<Arrival>,
}

impl From<pf::Quote> for Quote {
    fn from(q: pf::Quote) -> Self {
        Quote {
            outcome: q.outcome,
            amount: q.amount,
            fee: q.fee,
            net: q.net,
            rule: q.rule.into(),
            fee_detail: q.fee_detail.into(),
            accounting_date: q.accounting_date.to_string(),
            refusal: q.refusal.map(Into::into),
            limits: q.limits.map(Into::into),
            arrival: q.arrival.map(Into::into),
        }
    }
}

/// The frozen-funds review window.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FrozenWindow {
    /// The earliest day the review ends (`YYYY-MM-DD`).
    pub first: String,
    /// The latest day the review ends.
    pub last: String,
    /// Whether an uncovered year was assumed Monday–Friday.
    pub provisional: bool,
    /// The uncovered years assumed.
    pub uncovered_years: Vec<i32>,
    /// The calendar years whose data answered, in the order consulted.
    pub calendar: Vec<ConsultedYear>,
}

impl From<pf::FrozenWindow> for FrozenWindow {
    fn from(w: pf::FrozenWindow) -> Self {
        FrozenWindow {
            first: w.first.to_string(),
            last: w.last.to_string(),
            provisional: w.provisional,
            uncovered_years: w.uncovered_years,
            calendar: consulted(w.calendar),
        }
    }
}

/// A cashback milestone.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Milestone {
    /// Volume at which it is reached (≥).
    pub volume: Money,
    /// Cashback paid.
    pub cashback: Money,
}

/// The next cashback milestone and the volume still needed to reach it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NextMilestone {
    /// The milestone's volume.
    pub volume: Money,
    /// Its cashback.
    pub cashback: Money,
    /// Volume still needed.
    pub still_needed: Money,
}

/// Where a merchant stands on activation cashback.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ActivationProgress {
    /// The activation service fee.
    pub activation_fee: Money,
    /// The volume counted.
    pub volume: Money,
    /// Cashback earned so far.
    pub earned: Money,
    /// Activation fee minus cashback earned.
    pub net_cost: Money,
    /// Milestones reached.
    pub reached: Vec<Milestone>,
    /// The next milestone, if any.
    pub next: Option<NextMilestone>,
}

impl From<pf::ActivationProgress> for ActivationProgress {
    fn from(a: pf::ActivationProgress) -> Self {
        ActivationProgress {
            activation_fee: a.activation_fee,
            volume: a.volume,
            earned: a.earned,
            net_cost: a.net_cost,
            reached: a
                .reached
                .into_iter()
                .map(|m| Milestone {
                    volume: m.volume,
                    cashback: m.cashback,
                })
                .collect(),
            next: a.next.map(|n| NextMilestone {
                volume: n.volume,
                cashback: n.cashback,
                still_needed: n.still_needed,
            }),
        }
    }
}

/// One eligibility answer.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Answer {
    /// Every condition is met.
    pub eligible: bool,
    /// Codes of the conditions not met, in a fixed order (`monthly_volume`,
    /// `devices`, `annual_agreement`, `risk_record`, `verification`).
    pub unmet: Vec<String>,
    /// What to do next.
    pub steps: Vec<Step>,
}

impl From<pf::Answer> for Answer {
    fn from(a: pf::Answer) -> Self {
        Answer {
            eligible: a.eligible,
            unmet: a.unmet.iter().map(|u| s(u)).collect(),
            steps: steps(&a.steps),
        }
    }
}

/// The three eligibility answers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EligibilityAnswers {
    /// The premium credit rate.
    pub premium_rate: Answer,
    /// The bulk credit rate.
    pub bulk_rate: Answer,
    /// A limit upgrade.
    pub limit_upgrade: Answer,
}

impl From<pf::EligibilityAnswers> for EligibilityAnswers {
    fn from(e: pf::EligibilityAnswers) -> Self {
        EligibilityAnswers {
            premium_rate: e.premium_rate.into(),
            bulk_rate: e.bulk_rate.into(),
            limit_upgrade: e.limit_upgrade.into(),
        }
    }
}

/// One line of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LineCost {
    /// Rule applied under A.
    pub rule_a: String,
    /// Rule applied under B.
    pub rule_b: String,
    /// Fee of one payment under A.
    pub fee_a: Money,
    /// Fee of one payment under B.
    pub fee_b: Money,
    /// Line total under A.
    pub total_a: Money,
    /// Line total under B.
    pub total_b: Money,
}

/// A comparison of two plans over a month's mix.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Comparison {
    /// Plan A's id.
    pub plan_a: String,
    /// Plan B's id.
    pub plan_b: String,
    /// Total fees under A.
    pub total_a: Money,
    /// Total fees under B.
    pub total_b: Money,
    /// total_b − total_a.
    pub difference: Money,
    /// Which is cheaper.
    pub cheaper: Cheaper,
    /// Total amount paid.
    pub volume: Money,
    /// Number of payments.
    pub payments: i64,
    /// Per line.
    pub lines: Vec<LineCost>,
}

impl From<pf::Comparison> for Comparison {
    fn from(c: pf::Comparison) -> Self {
        Comparison {
            plan_a: s(&c.plan_a),
            plan_b: s(&c.plan_b),
            total_a: c.total_a,
            total_b: c.total_b,
            difference: c.difference,
            cheaper: c.cheaper,
            volume: c.volume,
            payments: count(c.payments),
            lines: c
                .lines
                .into_iter()
                .map(|l| LineCost {
                    rule_a: s(&l.rule_a),
                    rule_b: s(&l.rule_b),
                    fee_a: l.fee_a,
                    fee_b: l.fee_b,
                    total_a: l.total_a,
                    total_b: l.total_b,
                })
                .collect(),
        }
    }
}

/// A channel of a merchant's contract (the 优POS fee rules F1–F5), in
/// first-match order.
#[uniffi::remote(Enum)]
pub enum ContractChannel {
    /// 扫码: any QR wallet.
    Qr,
    /// 小额双免: contactless up to the small amount, credit or debit.
    SmallContactless,
    /// 借记卡: a debit card above the small amount or not contactless.
    Debit,
    /// 闪付: a contactless credit card above the small amount.
    Contactless,
    /// 信用卡刷卡: a credit card inserted or swiped.
    Credit,
}

/// What the payments of one channel cost under plan A and plan B.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChannelCost {
    /// The channel.
    pub channel: ContractChannel,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its English name.
    pub name_en: String,
    /// Number of payments in the channel.
    pub payments: i64,
    /// Amount paid in the channel.
    pub volume: Money,
    /// Fees under A.
    pub total_a: Money,
    /// Fees under B.
    pub total_b: Money,
    /// total_b − total_a.
    pub difference: Money,
    /// |difference|: what the cheaper plan saves.
    pub saving: Money,
    /// Which is cheaper in this channel.
    pub cheaper: Cheaper,
}

/// One line of a comparison by channel.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChannelLineCost {
    /// The contract channel the line's payment falls into.
    pub channel: ContractChannel,
    /// Rule applied under A.
    pub rule_a: String,
    /// Rule applied under B.
    pub rule_b: String,
    /// Fee of one payment under A.
    pub fee_a: Money,
    /// Fee of one payment under B.
    pub fee_b: Money,
    /// Line total under A.
    pub total_a: Money,
    /// Line total under B.
    pub total_b: Money,
}

/// Two plans over a month's mix, per contract channel and in total.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChannelComparison {
    /// Plan A's id.
    pub plan_a: String,
    /// Plan B's id.
    pub plan_b: String,
    /// Total fees under A.
    pub total_a: Money,
    /// Total fees under B.
    pub total_b: Money,
    /// total_b − total_a.
    pub difference: Money,
    /// |difference|: what the cheaper plan saves.
    pub saving: Money,
    /// Which is cheaper.
    pub cheaper: Cheaper,
    /// Total amount paid.
    pub volume: Money,
    /// Number of payments.
    pub payments: i64,
    /// The channels the mix uses, in channel order.
    pub channels: Vec<ChannelCost>,
    /// Per line of the mix.
    pub lines: Vec<ChannelLineCost>,
}

impl From<pf::ChannelComparison> for ChannelComparison {
    fn from(c: pf::ChannelComparison) -> Self {
        ChannelComparison {
            plan_a: s(&c.plan_a),
            plan_b: s(&c.plan_b),
            total_a: c.total_a,
            total_b: c.total_b,
            difference: c.difference,
            saving: c.saving,
            cheaper: c.cheaper,
            volume: c.volume,
            payments: count(c.payments),
            channels: c
                .channels
                .into_iter()
                .map(|x| ChannelCost {
                    channel: x.channel,
                    name_zh: s(&x.name_zh),
                    name_en: s(&x.name_en),
                    payments: count(x.payments),
                    volume: x.volume,
                    total_a: x.total_a,
                    total_b: x.total_b,
                    difference: x.difference,
                    saving: x.saving,
                    cheaper: x.cheaper,
                })
                .collect(),
            lines: c
                .lines
                .into_iter()
                .map(|l| ChannelLineCost {
                    channel: l.channel,
                    rule_a: s(&l.rule_a),
                    rule_b: s(&l.rule_b),
                    fee_a: l.fee_a,
                    fee_b: l.fee_b,
                    total_a: l.total_a,
                    total_b: l.total_b,
                })
                .collect(),
        }
    }
}

/// The version and provenance of one covered calendar year.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct YearVersion {
    /// The year.
    pub year: i32,
    /// The data version of the file it came from.
    pub data_version: String,
    /// Embedded or loaded.
    pub origin: DataOrigin,
    /// The official notice's title.
    pub notice: Option<String>,
    /// The official documents.
    pub papers: Vec<String>,
}

impl From<pf::YearVersion> for YearVersion {
    fn from(v: pf::YearVersion) -> Self {
        YearVersion {
            year: v.year,
            data_version: s(&v.data_version),
            origin: v.origin,
            notice: os(v.notice),
            papers: v.papers.to_vec(),
        }
    }
}

/// One date, as the calendar sees it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DayInfo {
    /// The date (`YYYY-MM-DD`).
    pub date: String,
    /// Whether it is a working day.
    pub working: bool,
    /// The kind of day.
    pub kind: DayKind,
    /// The festival or adjustment name in Chinese.
    pub name_zh: Option<String>,
    /// The festival or adjustment name in English.
    pub name_en: Option<String>,
}

impl From<pf::DayInfo> for DayInfo {
    fn from(d: pf::DayInfo) -> Self {
        DayInfo {
            date: d.date.to_string(),
            working: d.working,
            kind: d.kind,
            name_zh: os(d.name_zh),
            name_en: os(d.name_en),
        }
    }
}

/// The versions of the data in use.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DataVersions {
    /// Library version.
    pub library: String,
    /// Plan id.
    pub plan_id: String,
    /// Plan data version.
    pub plan_version: String,
    /// Plan schema version read.
    pub plan_schema: i64,
    /// Covered calendar years and their versions.
    pub calendar_years: Vec<YearVersion>,
    /// Last day of the unbroken coverage.
    pub calendar_valid_until: Option<String>,
}

impl From<pf::DataVersions> for DataVersions {
    fn from(v: pf::DataVersions) -> Self {
        DataVersions {
            library: v.library,
            plan_id: v.plan_id,
            plan_version: v.plan_version,
            plan_schema: count(v.plan_schema),
            calendar_years: v.calendar_years.into_iter().map(Into::into).collect(),
            calendar_valid_until: v.calendar_valid_until,
        }
    }
}

// ---- statement audit (对账) ----

pub use pf::StatementLineInput;

/// A statement line as given: strings as in a CSV statement; `fee_charged`
/// required, `net_settled` and `settled_date` when settled.
#[uniffi::remote(Record)]
pub struct StatementLineInput {
    #[uniffi(default)]
    pub id: Option<String>,
    #[uniffi(default)]
    pub time: Option<String>,
    #[uniffi(default)]
    pub amount: Option<String>,
    #[uniffi(default)]
    pub method: Option<String>,
    #[uniffi(default)]
    pub card_kind: Option<String>,
    #[uniffi(default)]
    pub card_medium: Option<String>,
    #[uniffi(default)]
    pub magstripe_verified: Option<bool>,
    #[uniffi(default)]
    pub wallet: Option<String>,
    #[uniffi(default)]
    pub large_mode: Option<bool>,
    #[uniffi(default)]
    pub fee_charged: Option<String>,
    #[uniffi(default)]
    pub net_settled: Option<String>,
    #[uniffi(default)]
    pub settled_date: Option<String>,
}

/// An error carried inside an answer (a line that cannot be judged).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ErrorInfo {
    /// Stable code.
    pub code: String,
    /// The field or path.
    pub field: String,
    /// Stable reason.
    pub reason: String,
    /// The uncovered year, for `calendar_not_covered`.
    pub year: Option<i32>,
    /// Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

impl From<pf::Error> for ErrorInfo {
    fn from(e: pf::Error) -> Self {
        ErrorInfo {
            code: e.code().as_str().to_string(),
            field: e.field().to_string(),
            reason: e.reason().to_string(),
            year: e.year(),
            message_zh: e.message_zh().to_string(),
            message_en: e.message_en().to_string(),
        }
    }
}

/// What an audit found on a line.
#[uniffi::remote(Enum)]
pub enum FindingCode {
    /// The fee charged is above the plan's fee.
    FeeOvercharged,
    /// The fee charged is below the plan's fee.
    FeeUndercharged,
    /// The net settled is not amount − fee charged.
    NetMismatch,
    /// The same id was settled before.
    DuplicateSettlement,
    /// Settled after the expected arrival date.
    SettledLate,
    /// Not settled, and past the expected arrival date.
    NotSettled,
}

/// How a line came out.
#[uniffi::remote(Enum)]
pub enum LineStatus {
    /// Nothing found.
    Ok,
    /// One or more findings.
    Findings,
    /// The line cannot be judged; see `error`.
    Unjudgeable,
}

/// One finding with the money at stake.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// The finding.
    pub code: FindingCode,
    /// Money at stake.
    pub amount: Money,
    /// Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

/// The audit of one statement line.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LineAudit {
    /// 0-based position in the statement.
    pub index: i64,
    /// Line number in the CSV file, when read from CSV.
    pub line_number: Option<i64>,
    /// Transaction id, when readable.
    pub id: Option<String>,
    /// Ok, findings or unjudgeable.
    pub status: LineStatus,
    /// What was found.
    pub findings: Vec<Finding>,
    /// The plan's fee.
    pub expected_fee: Option<Money>,
    /// The fee charged.
    pub fee_charged: Option<Money>,
    /// The fee rule id.
    pub rule: Option<String>,
    /// Expected arrival date, `YYYY-MM-DD`.
    pub expected_arrival: Option<String>,
    /// Real-time arrival.
    pub realtime: Option<bool>,
    /// Settlement date given.
    pub settled_date: Option<String>,
    /// Why the line cannot be judged.
    pub error: Option<ErrorInfo>,
    /// Why the arrival could not be worked out (the fee is still judged).
    pub arrival_error: Option<ErrorInfo>,
    /// Likely causes, for fee findings.
    pub likely_causes: Vec<Step>,
    /// What to do, for fee findings.
    pub actions: Vec<Step>,
}

impl From<pf::LineAudit> for LineAudit {
    fn from(a: pf::LineAudit) -> Self {
        LineAudit {
            index: count(a.index),
            line_number: a.line_number.map(count),
            id: a.id,
            status: a.status,
            findings: a
                .findings
                .into_iter()
                .map(|f| Finding {
                    code: f.code,
                    amount: f.amount,
                    message_zh: f.message_zh,
                    message_en: f.message_en,
                })
                .collect(),
            expected_fee: a.expected_fee,
            fee_charged: a.fee_charged,
            rule: os(a.rule),
            expected_arrival: a.expected_arrival.map(|d| d.to_string()),
            realtime: a.realtime,
            settled_date: a.settled_date.map(|d| d.to_string()),
            error: a.error.map(Into::into),
            arrival_error: a.arrival_error.map(Into::into),
            likely_causes: steps(&a.likely_causes),
            actions: steps(&a.actions),
        }
    }
}

/// The audit's totals; every total is the sum of the lines' findings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuditSummary {
    /// Lines audited.
    pub lines: i64,
    /// Lines with nothing found.
    pub ok: i64,
    /// Lines with findings.
    pub with_findings: i64,
    /// Lines that could not be judged.
    pub unjudgeable: i64,
    /// Count per finding code (snake_case keys, every code present).
    pub counts: HashMap<String, i64>,
    /// Total overcharged.
    pub overcharged: Money,
    /// Total undercharged.
    pub undercharged: Money,
    /// Total net mismatch.
    pub net_mismatch: Money,
    /// Net value of duplicate settlements.
    pub duplicates: Money,
    /// Net value settled late.
    pub settled_late: Money,
    /// Net value not settled past its due date.
    pub not_settled: Money,
    /// Fees charged on judged lines.
    pub fees_charged: Money,
    /// Fees the plan expects on judged lines.
    pub fees_expected: Money,
}

impl From<pf::AuditSummary> for AuditSummary {
    fn from(s: pf::AuditSummary) -> Self {
        AuditSummary {
            lines: count(s.lines),
            ok: count(s.ok),
            with_findings: count(s.with_findings),
            unjudgeable: count(s.unjudgeable),
            counts: s
                .counts
                .into_iter()
                .map(|(k, v)| (k.to_string(), count(v)))
                .collect(),
            overcharged: s.overcharged,
            undercharged: s.undercharged,
            net_mismatch: s.net_mismatch,
            duplicates: s.duplicates,
            settled_late: s.settled_late,
            not_settled: s.not_settled,
            fees_charged: s.fees_charged,
            fees_expected: s.fees_expected,
        }
    }
}

// ---- troubleshooting (诊断) ----

/// What happened.
#[uniffi::remote(Enum)]
pub enum Situation {
    /// 不到账.
    NotArrived,
    /// 交易失败.
    Declined,
    /// 花呗 unavailable.
    HuabeiUnavailable,
    /// 银联停用.
    Suspended,
    /// 交易记录缺失.
    RecordsMissing,
}

/// A troubleshooting question as given (`situation`: `not_arrived`,
/// `declined`, `huabei_unavailable`, `suspended` or `records_missing`;
/// times as strings).
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct DiagnoseInput {
    /// The situation.
    #[uniffi(default)]
    pub situation: Option<String>,
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
    pub terminal_message: Option<String>,
    /// When the question is asked.
    #[uniffi(default)]
    pub as_of: Option<String>,
    /// When the QR code was generated.
    #[uniffi(default)]
    pub qr_created: Option<String>,
    /// Times of the day's other payments.
    #[uniffi(default)]
    pub recent_payments: Vec<String>,
    /// Provisional arrival dates for uncovered years.
    #[uniffi(default = false)]
    pub provisional: bool,
}

/// The money is simply not due yet.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct NotDue {
    /// Expected arrival date.
    pub due: String,
    /// Real-time arrival.
    pub realtime: bool,
    /// Assumed Monday–Friday for an uncovered year.
    pub provisional: bool,
}

/// A cause, ranked, with the facts that point to it and what to do.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RankedCause {
    /// Stable code.
    pub code: String,
    /// Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
    /// The signals that point to it.
    pub matched: Vec<String>,
    /// Whether a signal it was ranked by is posfee's own heuristic.
    pub heuristic: bool,
    /// Seeds it is drawn from.
    pub seeds: Vec<String>,
    /// What to do.
    pub actions: Vec<Step>,
}

/// Causes ranked most likely first.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Diagnosis {
    /// What happened.
    pub situation: Situation,
    /// Its name in Chinese.
    pub situation_zh: String,
    /// Its name in English.
    pub situation_en: String,
    /// Set when the money is simply not due yet.
    pub not_due: Option<NotDue>,
    /// Set when the plan's own rules refuse the payment.
    pub plan_refusal: Option<Refusal>,
    /// Causes, most likely first.
    pub causes: Vec<RankedCause>,
    /// Recovery steps (suspension).
    pub recovery_steps: Vec<Step>,
    /// Notes: `posfee_heuristic` when a heuristic ranked a cause; what a
    /// suspension risks.
    pub notes: Vec<Step>,
    /// The provider's customer service line.
    pub support_line: String,
    /// Catalogue version.
    pub catalogue_version: String,
}

impl From<pf::Diagnosis> for Diagnosis {
    fn from(d: pf::Diagnosis) -> Self {
        Diagnosis {
            situation: d.situation,
            situation_zh: d.situation_zh.to_string(),
            situation_en: d.situation_en.to_string(),
            not_due: d.not_due.map(|n| NotDue {
                due: n.due.to_string(),
                realtime: n.realtime,
                provisional: n.provisional,
            }),
            plan_refusal: d.plan_refusal.map(Into::into),
            causes: d
                .causes
                .into_iter()
                .map(|c| RankedCause {
                    code: c.code.to_string(),
                    zh: c.zh.to_string(),
                    en: c.en.to_string(),
                    matched: c.matched.iter().map(|m| m.to_string()).collect(),
                    heuristic: c.heuristic,
                    seeds: c.seeds,
                    actions: steps(&c.actions),
                })
                .collect(),
            recovery_steps: steps(&d.recovery_steps),
            notes: steps(&d.notes),
            support_line: d.support_line,
            catalogue_version: d.catalogue_version.to_string(),
        }
    }
}
