//! Records and enums of the answers: the core's C-like enums (exported as
//! they are, `#[uniffi::remote]`), and the answer records, each
//! declared once by `mirror!` with the fields Kotlin and Swift see and
//! converted from the core's record field by field (`FromCore`).

use crate::{Money, Percent};
use posfee_core as pf;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

pub use pf::FeeBatch;
pub use pf::{
    Cheaper, ContractChannel, DataOrigin, DayKind, EncodingSource, FindingCode, LineStatus,
    Outcome, RefusalCode, Situation, TextEncoding,
};

/// A core value in its exported form. The identity for the types the core
/// and the bindings share (money, flags, the core's enums); a shared text
/// (`Arc<str>`), a static word or a date becomes a `String`; a count
/// becomes an `i64` (Java has no unsigned types; counts never come near
/// 2⁶³, and one that did would saturate); lists, options and mirrors
/// convert element by element.
pub(crate) trait FromCore<T> {
    /// The exported form of `value`.
    fn from_core(value: T) -> Self;
}

macro_rules! same_type {
    ($($t:ty),* $(,)?) => {
        $(impl FromCore<$t> for $t {
            fn from_core(value: $t) -> Self {
                value
            }
        })*
    };
}

same_type!(
    bool,
    i32,
    String,
    Money,
    Percent,
    pf::Outcome,
    pf::RefusalCode,
    pf::Cheaper,
    pf::DayKind,
    pf::DataOrigin,
    pf::ContractChannel,
    pf::FindingCode,
    pf::LineStatus,
    pf::Situation,
    pf::TextEncoding,
    pf::EncodingSource
);

impl FromCore<Arc<str>> for String {
    fn from_core(value: Arc<str>) -> Self {
        value.to_string()
    }
}

impl FromCore<&'static str> for String {
    fn from_core(value: &'static str) -> Self {
        value.to_string()
    }
}

impl FromCore<chrono::NaiveDate> for String {
    fn from_core(value: chrono::NaiveDate) -> Self {
        value.to_string()
    }
}

macro_rules! count_type {
    ($($t:ty),*) => {
        $(impl FromCore<$t> for i64 {
            fn from_core(value: $t) -> Self {
                value.try_into().unwrap_or(i64::MAX)
            }
        })*
    };
}

count_type!(u32, u64, usize);

impl<T, U: FromCore<T>> FromCore<Option<T>> for Option<U> {
    fn from_core(value: Option<T>) -> Self {
        value.map(U::from_core)
    }
}

impl<T, U: FromCore<T>> FromCore<Vec<T>> for Vec<U> {
    fn from_core(value: Vec<T>) -> Self {
        value.into_iter().map(U::from_core).collect()
    }
}

impl<K, V, K2, V2> FromCore<BTreeMap<K, V>> for HashMap<K2, V2>
where
    K2: FromCore<K> + Eq + std::hash::Hash,
    V2: FromCore<V>,
{
    fn from_core(value: BTreeMap<K, V>) -> Self {
        value
            .into_iter()
            .map(|(k, v)| (K2::from_core(k), V2::from_core(v)))
            .collect()
    }
}

impl FromCore<pf::Error> for ErrorInfo {
    fn from_core(value: pf::Error) -> Self {
        value.into()
    }
}

impl<T: Clone, U: FromCore<T>> FromCore<Arc<[T]>> for Vec<U> {
    fn from_core(value: Arc<[T]>) -> Self {
        value.iter().cloned().map(U::from_core).collect()
    }
}

/// An answer record declared once, as its fields appear to Kotlin and
/// Swift, and converted from the core's record of the same name field by
/// field through [`FromCore`] (so a field the core lacks does not compile).
macro_rules! mirror {
    (
        $(#[$meta:meta])*
        pub struct $name:ident from $core:path {
            $($(#[$fmeta:meta])* pub $field:ident: $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty),*
        }

        impl FromCore<$core> for $name {
            fn from_core(value: $core) -> Self {
                $name {
                    $($field: FromCore::from_core(value.$field)),*
                }
            }
        }

        impl From<$core> for $name {
            fn from(value: $core) -> Self {
                FromCore::from_core(value)
            }
        }
    };
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

// ---- answers ----

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

mirror! {
/// The fee rule applied.
pub struct RuleRef from pf::RuleRef {
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
}

mirror! {
/// How the fee was made up: fee = percentage + fixed.
pub struct FeeDetail from pf::FeeDetail {
    /// The percentage part after rounding, cap and minimum.
    pub percentage: Money,
    /// The cap was applied.
    pub capped: bool,
    /// The minimum was applied.
    pub minimum_applied: bool,
    /// The fixed part.
    pub fixed: Money,
}
}

mirror! {
/// A priced payment: fee, net and the rule.
pub struct Fee from pf::Fee {
    /// The rule.
    pub rule: RuleRef,
    /// The fee.
    pub fee: Money,
    /// amount − fee (negative when a fixed fee exceeds the amount).
    pub net: Money,
    /// How the fee was made up.
    pub detail: FeeDetail,
}
}

mirror! {
/// A refusal with what bound it.
pub struct Refusal from pf::Refusal {
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
}

mirror! {
/// A single-transaction cap that applies.
pub struct SingleCap from pf::SingleCap {
    /// Dimension name (`channel`, `merchant_tier`, …).
    pub dimension: String,
    /// The cap.
    pub cap: Money,
}
}

mirror! {
/// A daily bucket that applies to the payment, with its usage.
pub struct DailyBucket from pf::DailyBucket {
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
}

mirror! {
/// A step to take (raise a limit, become eligible).
pub struct Step from pf::Step {
    /// Stable code.
    pub code: String,
    /// Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
}
}

mirror! {
/// The limit answer for a payment.
pub struct LimitCheck from pf::LimitCheck {
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
}

mirror! {
/// A calendar year whose data answered a question, with its data version
/// and where it came from.
pub struct ConsultedYear from pf::ConsultedYear {
    /// The year.
    pub year: i32,
    /// The data version of the file it came from.
    pub data_version: String,
    /// Embedded or loaded.
    pub origin: DataOrigin,
}
}

mirror! {
/// The provider's facts on a day.
pub struct ProviderFacts from pf::provider::ProviderFacts {
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
}

mirror! {
/// A payment licence as the plan's source gives it, judged on a day.
pub struct LicenceFacts from pf::provider::LicenceFacts {
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
}

mirror! {
/// When the money of a payment arrives.
pub struct Arrival from pf::Arrival {
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
}

mirror! {
/// The answer to "what will this payment cost, will it go through, and when
/// does the money arrive?"
pub struct Quote from pf::Quote {
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
}

mirror! {
/// The frozen-funds review window.
pub struct FrozenWindow from pf::FrozenWindow {
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
}

mirror! {
/// A cashback milestone.
pub struct Milestone from pf::Milestone {
    /// Volume at which it is reached (≥).
    pub volume: Money,
    /// Cashback paid.
    pub cashback: Money,
}
}

mirror! {
/// The next cashback milestone and the volume still needed to reach it.
pub struct NextMilestone from pf::NextMilestone {
    /// The milestone's volume.
    pub volume: Money,
    /// Its cashback.
    pub cashback: Money,
    /// Volume still needed.
    pub still_needed: Money,
}
}

mirror! {
/// Where a merchant stands on activation cashback.
pub struct ActivationProgress from pf::ActivationProgress {
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
}

mirror! {
/// One eligibility answer.
pub struct Answer from pf::Answer {
    /// Every condition is met.
    pub eligible: bool,
    /// Codes of the conditions not met, in a fixed order (`monthly_volume`,
    /// `devices`, `annual_agreement`, `risk_record`, `verification`).
    pub unmet: Vec<String>,
    /// What to do next.
    pub steps: Vec<Step>,
}
}

mirror! {
/// The three eligibility answers.
pub struct EligibilityAnswers from pf::EligibilityAnswers {
    /// The premium credit rate.
    pub premium_rate: Answer,
    /// The bulk credit rate.
    pub bulk_rate: Answer,
    /// A limit upgrade.
    pub limit_upgrade: Answer,
}
}

mirror! {
/// One line of a comparison.
pub struct LineCost from pf::LineCost {
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
}

mirror! {
/// A comparison of two plans over a month's mix.
pub struct Comparison from pf::Comparison {
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

mirror! {
/// What the payments of one channel cost under plan A and plan B.
pub struct ChannelCost from pf::ChannelCost {
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
}

mirror! {
/// One line of a comparison by channel.
pub struct ChannelLineCost from pf::ChannelLineCost {
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
}

mirror! {
/// Two plans over a month's mix, per contract channel and in total.
pub struct ChannelComparison from pf::ChannelComparison {
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
}

mirror! {
/// The version and provenance of one covered calendar year.
pub struct YearVersion from pf::YearVersion {
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
}

mirror! {
/// One date, as the calendar sees it.
pub struct DayInfo from pf::DayInfo {
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
}

mirror! {
/// The versions of the data in use.
pub struct DataVersions from pf::DataVersions {
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
}

// ---- statement audit (对账) ----

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

mirror! {
/// One finding with the money at stake.
pub struct Finding from pf::Finding {
    /// The finding.
    pub code: FindingCode,
    /// Money at stake.
    pub amount: Money,
    /// Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}
}

mirror! {
/// The audit of one statement line.
pub struct LineAudit from pf::LineAudit {
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
}

mirror! {
/// The audit's totals; every total is the sum of the lines' findings.
pub struct AuditSummary from pf::AuditSummary {
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
}

// ---- statement files (对账单) ----

/// A statement file's text encoding.
#[uniffi::remote(Enum)]
pub enum TextEncoding {
    /// UTF-8 (`utf-8`), with or without a byte-order mark.
    Utf8,
    /// UTF-16, little-endian (`utf-16le`).
    Utf16Le,
    /// UTF-16, big-endian (`utf-16be`).
    Utf16Be,
    /// GB18030 (`gb18030`), which decodes GBK and GB2312 too.
    Gb18030,
}

/// How a statement file's encoding was settled.
#[uniffi::remote(Enum)]
pub enum EncodingSource {
    /// The file's byte-order mark.
    Bom,
    /// No mark: strict UTF-8 where the bytes are UTF-8, else GB18030.
    Detected,
    /// Named by the caller.
    Named,
}

mirror! {
/// The encoding a statement file was read in, and how it was settled.
pub struct DetectedEncoding from pf::DetectedEncoding {
    /// The encoding.
    pub encoding: TextEncoding,
    /// How it was settled.
    pub source: EncodingSource,
}
}

mirror! {
/// One column of a statement file's header and the field it was read as.
pub struct ColumnMapping from pf::ColumnMapping {
    /// The column's name as the file writes it.
    pub column: String,
    /// The statement field (`amount`, `fee_charged`, …); null for a column
    /// posfee does not read.
    pub field: Option<String>,
}
}

mirror! {
/// How a statement file was read: profile, encoding, header and columns.
pub struct StatementLayout from pf::StatementLayout {
    /// The profile's id.
    pub profile: String,
    /// The encoding the file was read in; null for an .xlsx sheet's rows
    /// (cells that were text already).
    pub encoding: Option<DetectedEncoding>,
    /// The header's line number (1-based).
    pub header_line: i64,
    /// Rows above the header skipped as titles.
    pub title_rows: i64,
    /// Every column of the header, in the file's order.
    pub columns: Vec<ColumnMapping>,
    /// The columns posfee does not read (reported, not guessed).
    pub unknown_columns: Vec<String>,
}
}

mirror! {
/// One total of a statement, stated and summed.
pub struct TotalCheck from pf::TotalCheck {
    /// `amount`, `fee_charged` or `net_settled`.
    pub field: String,
    /// The statement's total.
    pub stated: Money,
    /// The sum of its lines.
    pub summed: Money,
    /// Whether they are equal.
    pub agrees: bool,
}
}

mirror! {
/// Whether a statement's lines add up to the totals it states (its 合计
/// row, or the totals given in its format).
pub struct TotalsCheck from pf::TotalsCheck {
    /// The totals row's line; null when the format gave the totals.
    pub line_number: Option<i64>,
    /// Lines summed.
    pub lines: i64,
    /// Lines whose money could not be read, left out of the sums.
    pub unread: i64,
    /// Each total stated.
    pub checks: Vec<TotalCheck>,
    /// Every total agrees and every line was summed.
    pub agrees: bool,
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

mirror! {
/// The money is simply not due yet.
pub struct NotDue from pf::NotDue {
    /// Expected arrival date.
    pub due: String,
    /// Real-time arrival.
    pub realtime: bool,
    /// Assumed Monday–Friday for an uncovered year.
    pub provisional: bool,
}
}

mirror! {
/// A cause, ranked, with the facts that point to it and what to do.
pub struct RankedCause from pf::RankedCause {
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
}

mirror! {
/// Causes ranked most likely first.
pub struct Diagnosis from pf::Diagnosis {
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
}
