//! # posfee-core
//!
//! Every fee rate, transaction limit and money-arrival rule of a Chinese POS
//! acquiring plan, exactly: what a payment costs, whether it goes through,
//! when the money arrives (到账), and why not.
//!
//! * Money is [`Money`]: decimal yuan held to the fen, never a float.
//! * Every number is plan data ([`Plan`], [`Calendar`]): the 优POS plan, the
//!   industry reference plan and the 2023–2026 mainland working-day calendar
//!   are embedded, and newer data can be loaded at run time.
//! * The core has no clock and no I/O: callers pass the time.
//!
//! ```
//! use posfee_core::*;
//!
//! let engine = Engine::builtin().unwrap();
//! let merchant: MerchantInput = serde_json::from_str(r#"{"tier": "premium",
//!     "verification": "face_and_card", "credit_rate": "standard", "activated": true}"#).unwrap();
//! let payment: PaymentInput = serde_json::from_str(r#"{"amount": "1000.00", "method": "card",
//!     "card_kind": "credit", "card_medium": "chip", "time": "2025-09-30T22:00:00"}"#).unwrap();
//! let q = engine.quote(&merchant.to_merchant("merchant").unwrap(), &payment.to_payment("payment").unwrap(),
//!     &DailyUsage::default(), QuoteOptions::default()).unwrap();
//! assert_eq!((q.fee.to_string(), q.net.to_string()), ("5.50".into(), "994.50".into()));
//! assert_eq!(q.arrival.unwrap().date.to_string(), "2025-10-09"); // after National Day
//! ```

#![forbid(unsafe_code)]

pub mod acceptance;
pub mod activation;
pub mod audit;
mod baked;
mod batch;
pub mod bounds;
pub mod calendar;
pub mod compare;
pub mod contract;
mod data_de;
pub mod diagnose;
pub mod eligibility;
#[cfg(feature = "statements")]
pub mod encoding;
pub mod error;
pub mod fee;
pub mod input;
#[cfg(feature = "statements")]
pub mod layout;
pub mod ledger;
pub mod limit;
mod load;
pub mod merchant;
pub mod money;
pub mod payment;
pub mod plan;
#[cfg(feature = "statements")]
pub mod profile;
pub mod provider;
mod questions;
pub mod quote;
pub mod read;
pub mod settlement;
mod sorted_map;
pub mod statement;
pub mod time;
#[cfg(test)]
mod ts;
#[cfg(feature = "xlsx")]
pub mod xlsx;

pub use acceptance::{check_acceptance, RefusalCode};
pub use activation::{activation_progress, ActivationProgress, NextMilestone};
pub use audit::{AuditOptions, AuditSummary, Auditor, Finding, FindingCode, LineAudit, LineStatus};
pub use batch::{fee_batch, FeeBatch, MAX_BATCH_TEXT};
pub use calendar::{
    Calendar, ConsultedYear, DataOrigin, DayInfo, DayKind, NamedDay, YearEntry, YearVersion,
};
pub use compare::{compare, Cheaper, Comparison, LineCost, MixLine};
pub use contract::{
    compare_by_channel, compare_contract, parse_rate, ChannelComparison, ChannelCost, ChannelDef,
    ChannelLineCost, Contract, ContractChannel, ContractChannels, ContractInput, ContractRates,
    ContractRatesInput, CONTRACT_CHANNELS_SCHEMA_VERSION, CONTRACT_PLAN_ID, MAX_RATE_DECIMALS,
};
pub use diagnose::{diagnose, DiagnoseRequest, Diagnosis, NotDue, RankedCause, Situation};
pub use eligibility::{eligibility, Answer, EligibilityAnswers, MerchantFacts};
#[cfg(feature = "decode")]
pub use encoding::encoding_rs_decoder;
#[cfg(feature = "statements")]
pub use encoding::{
    detect_encoding, DecoderFactory, DetectedEncoding, EncodingSource, TextDecode, TextEncoding,
};
pub use error::{Error, ErrorCode, Reason, Result};
pub use fee::{fee, Fee, FeeDetail, FeeTable, InstrumentFees, RuleRef};
pub use input::{
    input_from_json, DiagnoseInput, EligibilityInput, MerchantInput, MixLineInput, PaymentInput,
    UsageInput, WalletInput, WalletsInput,
};
#[cfg(feature = "statements")]
pub use layout::{
    ColumnMapping, StatedTotals, StatedTotalsInput, StatementFormat, StatementFormatInput,
    StatementLayout, TotalCheck, TotalsCheck,
};
pub use ledger::DayLedger;
pub use limit::{check_limits, DailyBucket, DailyUsage, LimitCheck, Refusal, SingleCap};
pub use merchant::{CreditRate, Merchant, MerchantTier, Verification, WalletStatus, Wallets};
pub use money::{Money, Rounding, MAX_AMOUNT_FEN};
pub use payment::{CardKind, CardMedium, Charge, Instrument, Method, Payment, Wallet};
pub use plan::{
    Acceptance, Activation, Advice, AdviceStep, AmountRange, BulkRateRule, Condition, CreditRates,
    DailyLimit, Eligibility, FeeRule, FrozenReview, Instead, Licence, LimitUpgradeRule, Limits,
    Milestone, Percent, Plan, PlanData, PremiumRateRule, Provider, RealtimeMode, Settlement,
    SettlementRule, SingleLimit, Step, Window, PLAN_SCHEMA_VERSION,
};
#[cfg(feature = "statements")]
pub use profile::{ProfileData, StatementProfile, PROFILE_SCHEMA_VERSION};
pub use quote::{quote, Engine, Outcome, Quote, QuoteOptions};
pub use settlement::{accounting_date, arrival, frozen_window, Arrival, FrozenWindow};
pub use statement::{CsvReader, CsvRecord, StatementLine, StatementLineInput, CSV_COLUMNS};
pub use time::{parse_date, ChinaDateTime, ClockTime};
#[cfg(feature = "xlsx")]
pub use xlsx::xlsx_rows;

/// The versions of the data in use, for display in every binding.
///
/// ```
/// let v = posfee_core::DataVersions::of(&posfee_core::Engine::builtin().unwrap());
/// assert_eq!(v.plan_id, "upos");
/// assert_eq!(v.calendar_valid_until.as_deref(), Some("2026-12-31"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct DataVersions {
    /// Library version.
    pub library: String,
    /// Plan id.
    pub plan_id: String,
    /// Plan data version.
    pub plan_version: String,
    /// Plan schema version read.
    pub plan_schema: u32,
    /// Covered calendar years and their versions.
    pub calendar_years: Vec<YearVersion>,
    /// Last day of the unbroken coverage.
    pub calendar_valid_until: Option<String>,
}

impl DataVersions {
    /// The versions of an engine's data.
    ///
    /// ```
    /// let v = posfee_core::DataVersions::of(&posfee_core::Engine::builtin().unwrap());
    /// assert_eq!(v.calendar_years.len(), 4);
    /// ```
    pub fn of(engine: &Engine) -> DataVersions {
        DataVersions {
            library: env!("CARGO_PKG_VERSION").to_string(),
            plan_id: engine.plan().id().to_string(),
            plan_version: engine.plan().data_version().to_string(),
            plan_schema: PLAN_SCHEMA_VERSION,
            calendar_years: engine.calendar().versions(),
            calendar_valid_until: engine.calendar().valid_until().map(|d| d.to_string()),
        }
    }
}
