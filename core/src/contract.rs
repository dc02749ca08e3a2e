//! A merchant's own contract (我的合同): the rates a merchant already pays,
//! typed in as a compact form, turned into a full [`Plan`] and compared with
//! another plan channel by channel.
//!
//! The channels are those the 优POS fee rules F1–F5 distinguish (扫码,
//! 小额双免, 借记卡, 闪付 above the small amount, 信用卡刷卡), read from the
//! data file `core/data/contract-channels.json` with their conditions and
//! labels, in the same first-match order, so a payment falls into the same
//! channel under a contract and under 优POS. Every rate, cap, minimum and
//! fixed fee comes from the contract; limits, settlement, acceptance,
//! activation and eligibility come from a base plan (the embedded 优POS plan
//! unless another is given). Nothing is defaulted: a channel whose rate is not
//! given is an error naming it.

use crate::compare::{compare, Cheaper, MixLine};
use crate::error::Reason;
use crate::error::{Error, ErrorCode, Result};
#[cfg(test)]
use crate::load;
use crate::merchant::Merchant;
use crate::money::{Money, Rounding};
use crate::payment::{named_enum, Charge};
use crate::plan::{Condition, FeeRule, Percent, Plan, Provider};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::{Arc, OnceLock};

/// The schema version of the channel file this library reads.
///
/// ```
/// let t = posfee_core::ContractChannels::embedded().unwrap();
/// assert_eq!(t.schema_version, posfee_core::CONTRACT_CHANNELS_SCHEMA_VERSION);
/// ```
pub const CONTRACT_CHANNELS_SCHEMA_VERSION: u32 = 1;

/// The plan id of a plan made from a contract that has no id of its own.
///
/// ```
/// assert_eq!(posfee_core::CONTRACT_PLAN_ID, "contract");
/// ```
pub const CONTRACT_PLAN_ID: &str = "contract";

/// The most decimals a contract rate may have (`"0.123456"` %), as in plan files.
///
/// ```
/// use posfee_core::{parse_rate, MAX_RATE_DECIMALS};
/// assert_eq!(MAX_RATE_DECIMALS, 6);
/// assert!(parse_rate("rates.qr", "0.123456").is_ok());
/// assert_eq!(parse_rate("rates.qr", "0.1234567").unwrap_err().reason().as_str(), "too_many_decimals");
/// ```
pub const MAX_RATE_DECIMALS: u32 = 6;

/// The channel table's source; the library carries it as baked data
/// (`core/src/baked/contract_channels.rs`), checked against this file.
#[cfg(test)]
pub(crate) const CHANNELS_JSON: &str = include_str!("../data/contract-channels.json");

named_enum! {
    /// A channel of a merchant's contract, in the first-match order of the
    /// 优POS fee rules F1–F5.
    ///
    /// ```
    /// use posfee_core::ContractChannel;
    /// assert_eq!(ContractChannel::from_name("small_contactless"), Some(ContractChannel::SmallContactless));
    /// assert_eq!(ContractChannel::NAMES, &["qr", "small_contactless", "debit", "contactless", "credit"]);
    /// ```
    ContractChannel {
        /// 扫码: any QR wallet (优POS F1).
        Qr = "qr",
        /// 小额双免: contactless up to the small amount, credit or debit (F2).
        SmallContactless = "small_contactless",
        /// 借记卡: a debit card, inserted, swiped or tapped above the small amount (F3).
        Debit = "debit",
        /// 闪付: a contactless credit card above the small amount (F4).
        Contactless = "contactless",
        /// 信用卡刷卡: a credit card inserted or swiped (F5).
        Credit = "credit",
    }
}

/// One channel as the data file describes it: id, labels and the condition
/// a payment meets to fall into it.
///
/// ```
/// let t = posfee_core::ContractChannels::embedded().unwrap();
/// let qr = &t.channels[0];
/// assert_eq!((qr.id.as_str(), &*qr.name_zh), ("qr", "扫码"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelDef {
    /// Stable snake_case id.
    pub id: ContractChannel,
    /// Chinese label.
    pub name_zh: Arc<str>,
    /// English label.
    pub name_en: Arc<str>,
    /// When a payment falls into the channel (first match in file order).
    pub when: Condition,
}

/// The contract channel table (`core/data/contract-channels.json`).
///
/// ```
/// use posfee_core::ContractChannels;
/// let t = ContractChannels::embedded().unwrap();
/// assert_eq!(t.channels.len(), 5);
/// assert_eq!(&*t.default_name_en, "My contract");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractChannels {
    /// Schema version of the file format.
    pub schema_version: u32,
    /// Version of the data.
    pub data_version: Arc<str>,
    /// Where the channels come from.
    pub source: Arc<str>,
    /// Chinese name of a contract given no name.
    pub default_name_zh: Arc<str>,
    /// English name of a contract given no name.
    pub default_name_en: Arc<str>,
    /// The channels, in first-match order.
    pub channels: Vec<ChannelDef>,
}

static CHANNELS: OnceLock<ContractChannels> = OnceLock::new();

impl ContractChannels {
    /// The embedded channel table.
    ///
    /// ```
    /// let t = posfee_core::ContractChannels::embedded().unwrap();
    /// assert_eq!(t.channels[4].id, posfee_core::ContractChannel::Credit);
    /// ```
    pub fn embedded() -> Result<&'static ContractChannels> {
        Ok(CHANNELS.get_or_init(crate::baked::contract_channels::data))
    }

    /// The channel a charge by a merchant falls into (the first whose
    /// condition matches).
    ///
    /// ```
    /// use posfee_core::*;
    /// let t = ContractChannels::embedded().unwrap();
    /// let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let tap = |fen| Charge { amount: Money::from_fen(fen), instrument: Instrument::Contactless { kind: CardKind::Credit } };
    /// assert_eq!(t.channel_of(&tap(100000), &m).unwrap().id, ContractChannel::SmallContactless);
    /// assert_eq!(t.channel_of(&tap(100001), &m).unwrap().id, ContractChannel::Contactless);
    /// ```
    pub fn channel_of(&self, charge: &Charge, merchant: &Merchant) -> Option<&ChannelDef> {
        self.channels
            .iter()
            .find(|c| c.when.matches(charge, merchant, None))
    }

    /// The definition of a channel.
    ///
    /// ```
    /// use posfee_core::{ContractChannels, ContractChannel};
    /// let t = ContractChannels::embedded().unwrap();
    /// assert_eq!(&*t.get(ContractChannel::Debit).unwrap().name_zh, "借记卡");
    /// ```
    pub fn get(&self, channel: ContractChannel) -> Option<&ChannelDef> {
        self.channels.iter().find(|c| c.id == channel)
    }
}

/// Reads and checks a channel table file (at test time: the embedded table
/// is baked from the file this reads).
#[cfg(test)]
pub(crate) fn load_channels(text: &str) -> Result<ContractChannels> {
    let value = load::parse_text(
        text,
        ErrorCode::PlanSyntax,
        "合同渠道表",
        "contract channel table",
    )?;
    load::check_schema(
        &value,
        CONTRACT_CHANNELS_SCHEMA_VERSION,
        ErrorCode::PlanUnsupportedSchema,
        ErrorCode::PlanInvalid,
        "合同渠道表",
        "contract channel table",
    )?;
    let table: ContractChannels = load::from_value(value, ErrorCode::PlanInvalid, "")?;
    for (i, c) in table.channels.iter().enumerate() {
        if table.channels.iter().take(i).any(|d| d.id == c.id) {
            return Err(load::invalid(
                ErrorCode::PlanInvalid,
                &format!("channels[{i}].id"),
                "渠道重复",
                "the channel is repeated",
            ));
        }
        if c.when.rules.is_some() {
            return Err(load::invalid(
                ErrorCode::PlanInvalid,
                &format!("channels[{i}].when.rules"),
                "渠道条件不能引用费率规则",
                "a channel's condition cannot refer to fee rules",
            ));
        }
    }
    if let Some(c) = ContractChannel::ALL
        .iter()
        .find(|c| table.get(**c).is_none())
    {
        return Err(load::invalid(
            ErrorCode::PlanInvalid,
            "channels",
            &format!("缺少渠道 {c}"),
            &format!("channel {c} is missing"),
        ));
    }
    Ok(table)
}

/// The rate of each channel as given: percentage decimal strings (`"0.60"`
/// is 0.60 %). Every channel is required.
///
/// ```
/// let r: posfee_core::ContractRatesInput = serde_json::from_str(r#"{"credit": "0.60"}"#).unwrap();
/// assert_eq!(r.credit.as_deref(), Some("0.60"));
/// assert!(r.debit.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractRatesInput {
    /// 信用卡刷卡.
    #[serde(default)]
    pub credit: Option<String>,
    /// 借记卡 (its cap is `debit_cap`).
    #[serde(default)]
    pub debit: Option<String>,
    /// 扫码.
    #[serde(default)]
    pub qr: Option<String>,
    /// 小额双免 (contactless up to the small amount).
    #[serde(default)]
    pub small_contactless: Option<String>,
    /// 闪付 (contactless credit above the small amount).
    #[serde(default)]
    pub contactless: Option<String>,
}

/// A merchant's contract as strings (JSON:
/// `{"rates": {"credit": "0.60", …}, "debit_cap": "20.00", "fixed_fee": "3.00"}`).
///
/// ```
/// use posfee_core::ContractInput;
/// let c: ContractInput = serde_json::from_str(r#"{"rates": {"credit": "0.60", "debit": "0.50",
///     "qr": "0.38", "small_contactless": "0.38", "contactless": "0.60"}, "debit_cap": "20.00"}"#).unwrap();
/// let contract = c.to_contract("contract").unwrap();
/// assert_eq!(contract.debit_cap.unwrap().to_string(), "20.00");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractInput {
    /// A lowercase code (`a-z`, `0-9`, `_`) used as the plan id; `contract` when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// A name for people (any language); the table's default name when absent.
    #[serde(default)]
    pub name: Option<String>,
    /// The rate of every channel.
    #[serde(default)]
    pub rates: Option<ContractRatesInput>,
    /// 借记卡封顶: cap of the debit percentage part; uncapped when absent.
    #[serde(default)]
    pub debit_cap: Option<String>,
    /// Fixed fee per payment (the "+3 元"), added after the percentage part.
    #[serde(default)]
    pub fixed_fee: Option<String>,
    /// The channels the fixed fee applies to; every channel when absent.
    #[serde(default)]
    pub fixed_fee_channels: Option<Vec<String>>,
    /// Minimum of the percentage part per payment (after the cap).
    #[serde(default)]
    pub minimum_fee: Option<String>,
    /// `half_up` (default), `half_even`, `down` or `up`.
    #[serde(default)]
    pub rounding: Option<String>,
}

/// The validated rate of every channel.
///
/// ```
/// use posfee_core::{ContractInput, ContractRatesInput, ContractChannel};
/// let r = ContractRatesInput { credit: Some("0.6".into()), debit: Some("0.5".into()), qr: Some("0.38".into()),
///     small_contactless: Some("0.38".into()), contactless: Some("0.6".into()) };
/// let c = ContractInput { rates: Some(r), ..Default::default() }.to_contract("").unwrap();
/// assert_eq!(c.rates.get(ContractChannel::Qr).to_string(), "0.38");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ContractRates {
    /// 信用卡刷卡.
    pub credit: Percent,
    /// 借记卡.
    pub debit: Percent,
    /// 扫码.
    pub qr: Percent,
    /// 小额双免.
    pub small_contactless: Percent,
    /// 闪付 above the small amount.
    pub contactless: Percent,
}

impl ContractRates {
    /// The rate of a channel.
    ///
    /// See [`ContractRates`] for an example.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let r = ContractRatesInput { credit: Some("0.6".into()), debit: Some("0.5".into()), qr: Some("0.38".into()), small_contactless: Some("0.38".into()), contactless: Some("0.6".into()) };
    /// let c = ContractInput { rates: Some(r), ..Default::default() }.to_contract("").unwrap();
    /// assert_eq!(c.rates.get(ContractChannel::Credit).to_string(), "0.6");
    /// ```
    pub fn get(&self, channel: ContractChannel) -> Percent {
        match channel {
            ContractChannel::Qr => self.qr,
            ContractChannel::SmallContactless => self.small_contactless,
            ContractChannel::Debit => self.debit,
            ContractChannel::Contactless => self.contactless,
            ContractChannel::Credit => self.credit,
        }
    }
}

/// A validated contract.
///
/// ```
/// use posfee_core::*;
/// let c: ContractInput = serde_json::from_str(r#"{"rates": {"credit": "0.60", "debit": "0.50", "qr": "0.38",
///     "small_contactless": "0.38", "contactless": "0.60"}, "fixed_fee": "3.00", "fixed_fee_channels": ["credit"]}"#).unwrap();
/// let c = c.to_contract("contract").unwrap();
/// assert_eq!(c.fixed_fee_channels, vec![ContractChannel::Credit]);
/// assert_eq!(c.rounding, Rounding::HalfUp);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contract {
    /// Plan id to use (a lowercase code), if given.
    pub id: Option<Arc<str>>,
    /// Name, if given.
    pub name: Option<Arc<str>>,
    /// Rate of every channel.
    pub rates: ContractRates,
    /// Cap of the debit percentage part.
    pub debit_cap: Option<Money>,
    /// Fixed fee per payment.
    pub fixed_fee: Option<Money>,
    /// Channels the fixed fee applies to (every channel unless narrowed).
    pub fixed_fee_channels: Vec<ContractChannel>,
    /// Minimum of the percentage part.
    pub minimum_fee: Option<Money>,
    /// Rounding of the percentage part.
    pub rounding: Rounding,
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    }
}

const ROUNDING_NAMES: &[&str] = &["half_up", "half_even", "down", "up"];

fn rounding_from_name(s: &str) -> Option<Rounding> {
    match s {
        "half_up" => Some(Rounding::HalfUp),
        "half_even" => Some(Rounding::HalfEven),
        "down" => Some(Rounding::Down),
        "up" => Some(Rounding::Up),
        _ => None,
    }
}

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn rate_error(field: &str, text: &str, reason: Reason) -> Error {
    let text = crate::bounds::echo(text);
    let (zh, en) = match reason {
        Reason::Empty => ("费率为空".to_string(), "the rate is empty".to_string()),
        Reason::Sign => (
            format!("费率 \"{text}\" 不能带正负号"),
            format!("rate \"{text}\" must not carry a sign"),
        ),
        Reason::TooManyDecimals => (
            format!("费率 \"{text}\" 超过 {MAX_RATE_DECIMALS} 位小数"),
            format!("rate \"{text}\" has more than {MAX_RATE_DECIMALS} decimals"),
        ),
        Reason::OutOfRange => (
            format!("费率 \"{text}\" 超过 100%"),
            format!("rate \"{text}\" is above 100 %"),
        ),
        _ => (
            format!("费率 \"{text}\" 格式不正确，应为如 \"0.60\" 的百分数（表示 0.60%，不带 % 号）"),
            format!("rate \"{text}\" is not a percentage such as \"0.60\" (meaning 0.60 %, without the % sign)"),
        ),
    };
    Error::at(ErrorCode::InvalidField, field, reason, zh, en)
}

/// Parses a contract rate: a percentage decimal string from 0 to 100 with at
/// most [`MAX_RATE_DECIMALS`] decimals, in the amount grammar
/// `(0|[1-9][0-9]*)(\.[0-9]+)?`. Errors are `invalid_field` with reason
/// `empty`, `sign`, `format`, `too_many_decimals` or `out_of_range`.
///
/// ```
/// use posfee_core::parse_rate;
/// assert_eq!(parse_rate("rates.qr", "0.38").unwrap().to_string(), "0.38");
/// assert_eq!(parse_rate("rates.qr", "0.38%").unwrap_err().reason().as_str(), "format");
/// assert_eq!(parse_rate("rates.qr", "100.5").unwrap_err().reason().as_str(), "out_of_range");
/// ```
pub fn parse_rate(field: &str, text: &str) -> Result<Percent> {
    crate::bounds::check_value_text(field, text)?;
    let Some(&first) = text.as_bytes().first() else {
        return Err(rate_error(field, text, Reason::Empty));
    };
    if first == b'+' || first == b'-' {
        return Err(rate_error(field, text, Reason::Sign));
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let int_ok = digits(int_part) && (int_part == "0" || !int_part.starts_with('0'));
    if !int_ok || !frac_part.is_none_or(digits) {
        return Err(rate_error(field, text, Reason::Format));
    }
    let decimals = frac_part.map_or(0, str::len);
    if decimals > MAX_RATE_DECIMALS as usize {
        return Err(rate_error(field, text, Reason::TooManyDecimals));
    }
    // More than three integer digits is always above 100.
    let value = if int_part.len() > 3 {
        None
    } else {
        text.parse::<Decimal>().ok()
    };
    match value {
        Some(v) if v <= Decimal::ONE_HUNDRED => {}
        _ => return Err(rate_error(field, text, Reason::OutOfRange)),
    }
    serde_json::from_value::<Percent>(Value::String(text.to_string()))
        .map_err(|_| rate_error(field, text, Reason::Format))
}

impl ContractInput {
    /// Validates the contract, in the order id, name, rates (credit, debit,
    /// qr, small_contactless, contactless), debit_cap, fixed_fee,
    /// fixed_fee_channels, minimum_fee, rounding, then minimum_fee against
    /// debit_cap. Fields are named under `prefix` (`contract.rates.credit`).
    ///
    /// ```
    /// use posfee_core::ContractInput;
    /// let c: ContractInput = serde_json::from_str(r#"{"rates": {"credit": "0.60"}}"#).unwrap();
    /// let e = c.to_contract("contract").unwrap_err();
    /// assert_eq!((e.code().as_str(), e.field(), e.reason().as_str()), ("invalid_field", "contract.rates.debit", "missing"));
    /// ```
    pub fn to_contract(&self, prefix: &str) -> Result<Contract> {
        let f = |n: &str| join(prefix, n);
        let id = match self.id.as_deref() {
            None => None,
            Some("") => {
                let field = f("id");
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    &field,
                    Reason::Empty,
                    "编号为空",
                    "the id is empty",
                ));
            }
            Some(s) if !is_code(s) => {
                let field = f("id");
                let s = crate::bounds::echo(s);
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    &field,
                    Reason::Format,
                    format!("编号 \"{s}\" 须为 1 至 64 个小写字母、数字或下划线"),
                    format!("id \"{s}\" must be 1 to 64 lowercase letters, digits or underscores"),
                ));
            }
            Some(s) => Some(Arc::from(s)),
        };
        let name = match self.name.as_deref() {
            None => None,
            Some(s) if s.trim().is_empty() => {
                let field = f("name");
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    &field,
                    Reason::Empty,
                    "名称为空",
                    "the name is empty",
                ));
            }
            Some(s) => Some(Arc::from(s)),
        };
        let rates_field = f("rates");
        let Some(r) = &self.rates else {
            return Err(Error::at(
                ErrorCode::InvalidField,
                rates_field,
                Reason::Missing,
                "缺少各渠道费率，请按合同填写",
                "the rates of the channels are missing; enter them from the contract",
            ));
        };
        let rate = |channel: ContractChannel, text: &Option<String>| -> Result<Percent> {
            let field = join(&rates_field, channel.as_str());
            match text {
                None => Err(Error::at(
            ErrorCode::InvalidField,
                    &field,
                    Reason::Missing,
                    format!("缺少渠道 {channel} 的费率，请按合同填写（不会使用默认费率）"),
                    format!("the rate of channel {channel} is missing; enter it from the contract (no rate is assumed)"),
                )),
                Some(t) => parse_rate(&field, t),
            }
        };
        let rates = ContractRates {
            credit: rate(ContractChannel::Credit, &r.credit)?,
            debit: rate(ContractChannel::Debit, &r.debit)?,
            qr: rate(ContractChannel::Qr, &r.qr)?,
            small_contactless: rate(ContractChannel::SmallContactless, &r.small_contactless)?,
            contactless: rate(ContractChannel::Contactless, &r.contactless)?,
        };
        let debit_cap = self
            .debit_cap
            .as_deref()
            .map(|t| Money::parse_amount(&f("debit_cap"), t))
            .transpose()?;
        let fixed_fee = self
            .fixed_fee
            .as_deref()
            .map(|t| Money::parse_non_negative(&f("fixed_fee"), t))
            .transpose()?;
        let fixed_fee_channels = match (&self.fixed_fee_channels, fixed_fee) {
            (None, _) => ContractChannel::ALL.to_vec(),
            (Some(_), None) => {
                let field = f("fixed_fee_channels");
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    &field,
                    Reason::NotApplicable,
                    "未填写 fixed_fee 时不能指定其适用渠道",
                    "applies only with a fixed_fee",
                ));
            }
            (Some(list), Some(_)) if list.is_empty() => {
                let field = f("fixed_fee_channels");
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    &field,
                    Reason::Empty,
                    "渠道列表为空（不收固定费用时请不填 fixed_fee）",
                    "the list is empty (leave fixed_fee out when there is none)",
                ));
            }
            (Some(list), Some(_)) => {
                let mut out = Vec::with_capacity(list.len());
                for (i, name) in list.iter().enumerate() {
                    let field = format!("{}[{i}]", f("fixed_fee_channels"));
                    let c = ContractChannel::from_name(name).ok_or_else(|| {
                        Error::unknown_value(&field, name, ContractChannel::NAMES)
                    })?;
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
                out
            }
        };
        let minimum_fee = self
            .minimum_fee
            .as_deref()
            .map(|t| Money::parse_non_negative(&f("minimum_fee"), t))
            .transpose()?;
        let rounding = match self.rounding.as_deref() {
            None => Rounding::HalfUp,
            Some(s) => rounding_from_name(s)
                .ok_or_else(|| Error::unknown_value(&f("rounding"), s, ROUNDING_NAMES))?,
        };
        if let (Some(min), Some(cap)) = (minimum_fee, debit_cap) {
            if min > cap {
                let field = f("minimum_fee");
                return Err(Error::at(
                    ErrorCode::InvalidField,
                    &field,
                    Reason::OutOfRange,
                    format!("保底 {min} 高于借记卡封顶 {cap}"),
                    format!("the minimum {min} is above the debit cap {cap}"),
                ));
            }
        }
        Ok(Contract {
            id,
            name,
            rates,
            debit_cap,
            fixed_fee,
            fixed_fee_channels,
            minimum_fee,
            rounding,
        })
    }
}

/// Rewrites the fee rule references (`when.rules`) of one list of limit or
/// settlement entries from the base plan's rule ids to channel ids.
fn remap_rules<'a>(
    conditions: impl Iterator<Item = &'a mut Condition>,
    path: &str,
    map: &dyn Fn(&str) -> Option<ContractChannel>,
) -> Result<()> {
    for (i, when) in conditions.enumerate() {
        let Some(rules) = &mut when.rules else {
            continue;
        };
        for (k, r) in rules.iter_mut().enumerate() {
            let c = map(r).ok_or_else(|| {
                let field = format!("{path}[{i}].when.rules[{k}]");
                Error::at(
                    ErrorCode::PlanIncomplete,
                    &field,
                    Reason::ChannelsDiffer,
                    format!("基础方案的费率规则 {r} 与合同的任何渠道条件都不相同，其限额或到账规则无法沿用"),
                    format!("the base plan's fee rule {r} has the condition of no contract channel, so its limit or settlement entry cannot be carried over"),
                )
            })?;
            *r = c.as_str().to_string();
        }
    }
    Ok(())
}

impl Contract {
    /// The contract as a full plan: one fee rule per channel (id = the
    /// channel id, condition and labels from the channel table, in its
    /// order) with the contract's rate, the debit cap on `debit`, the minimum
    /// on every channel, the fixed fee on its channels and the contract's
    /// rounding; every other section (acceptance, limits, settlement,
    /// activation, eligibility) from `base`, its fee rule references
    /// rewritten to the channel with the same condition. The plan id is the
    /// contract's id or `contract`; the data version is
    /// `contract/<base id>/<base data version>`; the base's credit rate tiers
    /// are dropped (the contract has its own credit rate).
    ///
    /// A base rule that limits or settlement refer to and that has the
    /// condition of no channel is `plan_incomplete` (`channels_differ`) at
    /// its path in the base plan.
    ///
    /// ```
    /// use posfee_core::*;
    /// let c: ContractInput = serde_json::from_str(r#"{"rates": {"credit": "0.60", "debit": "0.50", "qr": "0.38",
    ///     "small_contactless": "0.38", "contactless": "0.60"}, "debit_cap": "20.00"}"#).unwrap();
    /// let plan = c.to_contract("contract").unwrap().to_plan(&Plan::upos().unwrap()).unwrap();
    /// assert_eq!((plan.id(), plan.data_version()), ("contract", "contract/upos/2026.12.02"));
    /// assert_eq!(&*plan.data().fee_rules[2].id, "debit");
    /// assert_eq!(plan.data().fee_rules[2].cap.unwrap().to_string(), "20.00");
    /// assert!(plan.data().limits.is_some()); // from 优POS
    /// ```
    pub fn to_plan(&self, base: &Plan) -> Result<Plan> {
        let table = ContractChannels::embedded()?;
        let data = base.data();
        let map = |id: &str| -> Option<ContractChannel> {
            let rule = data.fee_rules.iter().find(|r| &*r.id == id)?;
            table
                .channels
                .iter()
                .find(|c| c.when == rule.when)
                .map(|c| c.id)
        };
        // The plan is built as data and validated as a loaded file is
        // (validation recomputes what it derives: rule masks, resolved
        // advice), without a trip through JSON.
        let mut plan = data.clone();
        if let Some(limits) = &mut plan.limits {
            remap_rules(
                limits.single.iter_mut().map(|l| &mut l.when),
                "limits.single",
                &map,
            )?;
            remap_rules(
                limits.daily.iter_mut().map(|l| &mut l.when),
                "limits.daily",
                &map,
            )?;
        }
        if let Some(s) = &mut plan.settlement {
            remap_rules(
                s.rules.iter_mut().map(|r| &mut r.when),
                "settlement.rules",
                &map,
            )?;
        }
        let nonzero = |m: Option<Money>| m.filter(|m| *m != Money::ZERO);
        plan.fee_rules = table
            .channels
            .iter()
            .map(|c| FeeRule {
                id: Arc::from(c.id.as_str()),
                name_zh: c.name_zh.clone(),
                name_en: c.name_en.clone(),
                when: c.when.clone(),
                rate_percent: Some(self.rates.get(c.id)),
                use_credit_rate: false,
                cap: self.debit_cap.filter(|_| c.id == ContractChannel::Debit),
                minimum: nonzero(self.minimum_fee),
                fixed: nonzero(self.fixed_fee).filter(|_| self.fixed_fee_channels.contains(&c.id)),
            })
            .collect();
        let (name_zh, name_en) = match &self.name {
            Some(n) => (n.clone(), n.clone()),
            None => (table.default_name_zh.clone(), table.default_name_en.clone()),
        };
        plan.plan_id = Arc::from(self.id.as_deref().unwrap_or(CONTRACT_PLAN_ID));
        plan.data_version = Arc::from(format!("contract/{}/{}", base.id(), base.data_version()));
        plan.source = Some(Arc::from(format!(
            "merchant's own contract: fees as entered; every other section from plan {} {}",
            base.id(),
            base.data_version()
        )));
        plan.provider = Provider {
            name_zh: name_zh.clone(),
            name_en: name_en.clone(),
            support_line: Arc::from(""),
            licence: None,
            clearing: None,
        };
        plan.name_zh = name_zh;
        plan.name_en = name_en;
        plan.rounding = self.rounding;
        plan.credit_rates = None;
        Plan::from_data(plan)
    }
}

/// One channel's cost under both plans.
///
/// ```
/// # use posfee_core::*;
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let qr = Instrument::Qr { wallet: Wallet::Wechat, large_mode: false };
/// let mix = [MixLine { charge: Charge { amount: Money::from_fen(10000), instrument: qr }, count: 2 }];
/// let c = compare_by_channel(&Plan::upos().unwrap(), &Plan::reference().unwrap(), &m, &mix).unwrap();
/// assert_eq!(c.channels[0].channel, ContractChannel::Qr);
/// assert_eq!(c.channels[0].total_a.to_string(), "0.76"); // 2 × 0.38
/// assert_eq!(c.channels[0].total_b.to_string(), "7.20"); // 2 × (0.60 + 3.00)
/// assert_eq!(c.channels[0].saving.to_string(), "6.44");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ChannelCost {
    /// The channel.
    pub channel: ContractChannel,
    /// Chinese label.
    pub name_zh: Arc<str>,
    /// English label.
    pub name_en: Arc<str>,
    /// Number of payments in the channel.
    pub payments: u64,
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

/// One mix line's cost under both plans, with its channel.
///
/// ```
/// # use posfee_core::*;
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let debit = Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Chip, magstripe_verified: false };
/// let mix = [MixLine { charge: Charge { amount: Money::from_fen(600000), instrument: debit }, count: 1 }];
/// let c = compare_by_channel(&Plan::upos().unwrap(), &Plan::upos().unwrap(), &m, &mix).unwrap();
/// assert_eq!((c.lines[0].channel, &*c.lines[0].rule_a), (ContractChannel::Debit, "F3"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ChannelLineCost {
    /// The contract channel the payment falls into.
    pub channel: ContractChannel,
    /// Rule of plan A.
    pub rule_a: Arc<str>,
    /// Rule of plan B.
    pub rule_b: Arc<str>,
    /// Fee per payment under A.
    pub fee_a: Money,
    /// Fee per payment under B.
    pub fee_b: Money,
    /// fee_a × count.
    pub total_a: Money,
    /// fee_b × count.
    pub total_b: Money,
}

/// A comparison of two plans over a month's mix, in total and per contract
/// channel.
///
/// ```
/// use posfee_core::*;
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let card = Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false };
/// let mix = [MixLine { charge: Charge { amount: Money::from_fen(100000), instrument: card }, count: 10 }];
/// let c = compare_by_channel(&Plan::reference().unwrap(), &Plan::upos().unwrap(), &m, &mix).unwrap();
/// assert_eq!((c.total_a.to_string(), c.total_b.to_string()), ("90.00".into(), "55.00".into()));
/// assert_eq!((c.difference.to_string(), c.saving.to_string()), ("-35.00".into(), "35.00".into()));
/// assert_eq!(c.cheaper, Cheaper::B);
/// assert_eq!(c.channels[0].channel, ContractChannel::Credit);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ChannelComparison {
    /// Plan A's id.
    pub plan_a: Arc<str>,
    /// Plan B's id.
    pub plan_b: Arc<str>,
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
    pub payments: u64,
    /// Per channel present in the mix, in channel order.
    pub channels: Vec<ChannelCost>,
    /// Per mix line, in mix order.
    pub lines: Vec<ChannelLineCost>,
}

fn cheaper_of(a: Money, b: Money) -> Cheaper {
    match a.cmp(&b) {
        std::cmp::Ordering::Less => Cheaper::A,
        std::cmp::Ordering::Greater => Cheaper::B,
        std::cmp::Ordering::Equal => Cheaper::Equal,
    }
}

fn saving_of(difference: Money) -> Option<Money> {
    if difference.is_negative() {
        Money::ZERO.checked_sub(difference)
    } else {
        Some(difference)
    }
}

/// Compares two plans over a month's payment mix (fees only, by
/// [`compare`]), in total and per contract channel: each line falls into the
/// channel of the channel table whatever the plans' own rules are.
///
/// See [`ChannelComparison`] for an example.
///
/// ```
/// use posfee_core::*;
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let c = compare_by_channel(&Plan::upos().unwrap(), &Plan::upos().unwrap(), &m, &[]).unwrap();
/// assert_eq!((c.cheaper, c.channels.len()), (Cheaper::Equal, 0));
/// ```
pub fn compare_by_channel(
    plan_a: &Plan,
    plan_b: &Plan,
    merchant: &Merchant,
    mix: &[MixLine],
) -> Result<ChannelComparison> {
    let c = compare(plan_a, plan_b, merchant, mix)?;
    let table = ContractChannels::embedded()?;
    let mut sums: Vec<ChannelCost> = Vec::new();
    let mut lines = Vec::with_capacity(c.lines.len());
    for (i, (line, cost)) in mix.iter().zip(c.lines).enumerate() {
        let ovf = || Error::overflow(&format!("mix[{i}]"));
        let def = table.channel_of(&line.charge, merchant).ok_or_else(|| {
            let field = format!("mix[{i}].payment");
            Error::at(
                ErrorCode::NoFeeRule,
                &field,
                Reason::NoMatchingChannel,
                "该支付不属于合同的任何渠道",
                "the payment falls into no contract channel",
            )
        })?;
        let n = u64::from(line.count);
        let volume = line.charge.amount.checked_mul_count(n).ok_or_else(ovf)?;
        let pos = match sums.iter().position(|s| s.channel == def.id) {
            Some(p) => p,
            None => {
                sums.push(ChannelCost {
                    channel: def.id,
                    name_zh: def.name_zh.clone(),
                    name_en: def.name_en.clone(),
                    payments: 0,
                    volume: Money::ZERO,
                    total_a: Money::ZERO,
                    total_b: Money::ZERO,
                    difference: Money::ZERO,
                    saving: Money::ZERO,
                    cheaper: Cheaper::Equal,
                });
                sums.len() - 1
            }
        };
        let s = sums.get_mut(pos).ok_or_else(ovf)?;
        s.payments = s.payments.checked_add(n).ok_or_else(ovf)?;
        s.volume = s.volume.checked_add(volume).ok_or_else(ovf)?;
        s.total_a = s.total_a.checked_add(cost.total_a).ok_or_else(ovf)?;
        s.total_b = s.total_b.checked_add(cost.total_b).ok_or_else(ovf)?;
        lines.push(ChannelLineCost {
            channel: def.id,
            rule_a: cost.rule_a,
            rule_b: cost.rule_b,
            fee_a: cost.fee_a,
            fee_b: cost.fee_b,
            total_a: cost.total_a,
            total_b: cost.total_b,
        });
    }
    for s in &mut sums {
        s.difference = s
            .total_b
            .checked_sub(s.total_a)
            .ok_or_else(|| Error::overflow("mix"))?;
        s.saving = saving_of(s.difference).ok_or_else(|| Error::overflow("mix"))?;
        s.cheaper = cheaper_of(s.total_a, s.total_b);
    }
    let order = |s: &ChannelCost| {
        table
            .channels
            .iter()
            .position(|d| d.id == s.channel)
            .unwrap_or(usize::MAX)
    };
    sums.sort_by_key(order);
    Ok(ChannelComparison {
        plan_a: c.plan_a,
        plan_b: c.plan_b,
        total_a: c.total_a,
        total_b: c.total_b,
        difference: c.difference,
        saving: saving_of(c.difference).ok_or_else(|| Error::overflow("mix"))?,
        cheaper: c.cheaper,
        volume: c.volume,
        payments: c.payments,
        channels: sums,
        lines,
    })
}

/// Compares a contract (plan A, made on `base` by [`Contract::to_plan`])
/// with another plan (B) over a month's mix, in total and per channel.
///
/// ```
/// use posfee_core::*;
/// let c: ContractInput = serde_json::from_str(r#"{"rates": {"credit": "0.60", "debit": "0.50", "qr": "0.38",
///     "small_contactless": "0.38", "contactless": "0.60"}, "fixed_fee": "3.00", "fixed_fee_channels": ["credit"]}"#).unwrap();
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let card = Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false };
/// let mix = [MixLine { charge: Charge { amount: Money::from_fen(100000), instrument: card }, count: 10 }];
/// let upos = Plan::upos().unwrap();
/// let r = compare_contract(&c.to_contract("contract").unwrap(), &upos, &upos, &m, &mix).unwrap();
/// assert_eq!(r.total_a.to_string(), "90.00"); // 10 × (6.00 + 3.00)
/// assert_eq!(r.total_b.to_string(), "55.00"); // 10 × 5.50
/// assert_eq!((r.cheaper, r.saving.to_string()), (Cheaper::B, "35.00".to_string()));
/// ```
pub fn compare_contract(
    contract: &Contract,
    base: &Plan,
    other: &Plan,
    merchant: &Merchant,
    mix: &[MixLine],
) -> Result<ChannelComparison> {
    let plan = contract.to_plan(base)?;
    compare_by_channel(&plan, other, merchant, mix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_are_the_upos_fee_rules_in_order() {
        let table = ContractChannels::embedded().unwrap();
        let upos = Plan::upos().unwrap();
        assert_eq!(table.channels.len(), upos.data().fee_rules.len());
        for (c, r) in table.channels.iter().zip(&upos.data().fee_rules) {
            assert_eq!(c.when, r.when, "channel {} vs rule {}", c.id, r.id);
        }
    }

    #[test]
    fn bad_tables_are_refused() {
        let text = CHANNELS_JSON.replace("\"id\": \"qr\"", "\"id\": \"credit\"");
        assert_eq!(load_channels(&text).unwrap_err().field(), "channels[4].id");
        let text = CHANNELS_JSON.replace("\"methods\": [\"qr\"]", "\"rules\": [\"F1\"]");
        assert_eq!(
            load_channels(&text).unwrap_err().field(),
            "channels[0].when.rules"
        );
    }

    #[test]
    fn rates_are_checked() {
        for (t, reason) in [
            ("", "empty"),
            ("-0.1", "sign"),
            ("+1", "sign"),
            ("0.6%", "format"),
            ("01", "format"),
            (".5", "format"),
            ("1.", "format"),
            ("1e2", "format"),
            ("0.1234567", "too_many_decimals"),
            ("100.000001", "out_of_range"),
            ("1000", "out_of_range"),
        ] {
            assert_eq!(parse_rate("r", t).unwrap_err().reason(), reason, "{t}");
        }
        assert_eq!(parse_rate("r", "100").unwrap().to_string(), "100");
        assert_eq!(parse_rate("r", "0").unwrap().to_string(), "0");
    }

    #[test]
    fn base_rules_without_a_channel_are_refused() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/plans/acme.json"
        ))
        .unwrap();
        let acme = Plan::from_json(&text).unwrap();
        let c: ContractInput = serde_json::from_value(serde_json::json!({"rates": {"credit": "0.6", "debit": "0.5", "qr": "0.38", "small_contactless": "0.38", "contactless": "0.6"}})).unwrap();
        let e = c.to_contract("").unwrap().to_plan(&acme).unwrap_err();
        assert_eq!(
            (e.code(), e.field(), e.reason().as_str()),
            (
                ErrorCode::PlanIncomplete,
                "limits.single[0].when.rules[1]",
                "channels_differ"
            )
        );
        // A fee-only base has nothing to carry over.
        let p = c
            .to_contract("")
            .unwrap()
            .to_plan(&Plan::reference().unwrap())
            .unwrap();
        assert!(p.data().limits.is_none());
        assert_eq!(p.data_version(), "contract/reference/2025.10.1");
    }
}
