//! Statement audit (对账, RULES §10): one result per statement line, in
//! order — none dropped, none invented — and a summary of the money at stake.
//!
//! The audit is streaming: an [`Auditor`] judges one line at a time and keeps
//! only a 16-byte fingerprint of each id already settled (to find duplicate
//! settlements) and the running summary, so memory grows by 16 bytes per
//! distinct settled id and by nothing else.

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::fee::fee_by_rule;
use crate::merchant::{CreditRate, Merchant};
use crate::money::Money;
use crate::plan::{Percent, Plan, Step};
use crate::settlement::arrival_by_rule;
use crate::statement::{CsvReader, CsvRecord, StatementLine, StatementLineInput};
use crate::time::ChinaDateTime;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, OnceLock};

/// The fee causes' source; the library carries them as baked data
/// (`core/src/baked/audit_causes.rs`), checked against this file.
#[cfg(test)]
pub(crate) const CAUSES_JSON: &str = include_str!("../data/audit-causes.json");

/// What an audit found on a line.
///
/// ```
/// assert_eq!(posfee_core::FindingCode::FeeOvercharged.as_str(), "fee_overcharged");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
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
    /// Not settled, and the as-of time is past the expected arrival date.
    NotSettled,
}

impl FindingCode {
    /// Every code, in order.
    ///
    /// ```
    /// assert_eq!(posfee_core::FindingCode::ALL.len(), 6);
    /// ```
    pub const ALL: [FindingCode; 6] = [
        FindingCode::FeeOvercharged,
        FindingCode::FeeUndercharged,
        FindingCode::NetMismatch,
        FindingCode::DuplicateSettlement,
        FindingCode::SettledLate,
        FindingCode::NotSettled,
    ];

    /// The stable snake_case string.
    ///
    /// ```
    /// assert_eq!(posfee_core::FindingCode::NotSettled.as_str(), "not_settled");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::FeeOvercharged => "fee_overcharged",
            FindingCode::FeeUndercharged => "fee_undercharged",
            FindingCode::NetMismatch => "net_mismatch",
            FindingCode::DuplicateSettlement => "duplicate_settlement",
            FindingCode::SettledLate => "settled_late",
            FindingCode::NotSettled => "not_settled",
        }
    }
}

/// One finding, with the money at stake.
///
/// ```
/// # use posfee_core::*;
/// let f = Finding { code: FindingCode::FeeOvercharged, amount: Money::from_fen(10), message_zh: String::new(), message_en: String::new() };
/// assert_eq!(f.amount.to_string(), "0.10");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Finding {
    /// The finding.
    pub code: FindingCode,
    /// Money at stake: the fee difference, the net difference, the duplicate's
    /// net, or the net not yet settled.
    pub amount: Money,
    /// Chinese message.
    pub message_zh: String,
    /// English message.
    pub message_en: String,
}

/// How a line came out.
///
/// ```
/// assert_eq!(serde_json::to_string(&posfee_core::LineStatus::Unjudgeable).unwrap(), "\"unjudgeable\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum LineStatus {
    /// Nothing found.
    Ok,
    /// One or more findings.
    Findings,
    /// The line cannot be judged (bad input); see `error`.
    Unjudgeable,
}

/// The audit of one statement line.
///
/// ```
/// # use posfee_core::*;
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
/// let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
/// let as_of = ChinaDateTime::parse("as_of", "2025-03-20T00:00").unwrap();
/// let mut auditor = Auditor::new(&plan, &cal, m, AuditOptions { as_of, provisional: false }).unwrap();
/// let line: StatementLineInput = serde_json::from_str(r#"{"id": "T1", "time": "2025-03-12T10:00", "amount": "1000.00",
///   "method": "card", "card_kind": "credit", "card_medium": "chip", "fee_charged": "6.00", "net_settled": "994.00", "settled_date": "2025-03-12"}"#).unwrap();
/// let a = auditor.audit_input(0, None, &line);
/// assert_eq!(a.findings[0].code, FindingCode::FeeOvercharged);
/// assert_eq!(a.findings[0].amount.to_string(), "0.50");
/// assert_eq!(a.likely_causes.len(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct LineAudit {
    /// 0-based position in the statement.
    pub index: u64,
    /// Line number in the CSV file, when read from CSV.
    pub line_number: Option<u64>,
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
    /// The fee rule.
    pub rule: Option<Arc<str>>,
    /// The expected arrival date.
    pub expected_arrival: Option<NaiveDate>,
    /// Whether the arrival is real time.
    pub realtime: Option<bool>,
    /// The settlement date given.
    pub settled_date: Option<NaiveDate>,
    /// Why the line cannot be judged.
    pub error: Option<Error>,
    /// Why the arrival could not be worked out (e.g. `calendar_not_covered`);
    /// the fee is still judged.
    pub arrival_error: Option<Error>,
    /// Likely causes, for fee findings (seed 问题4).
    pub likely_causes: Arc<[Step]>,
    /// What to do, for fee findings.
    pub actions: Arc<[Step]>,
}

/// The audit's totals; every total is the sum of the lines' findings.
///
/// ```
/// # use posfee_core::*;
/// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
/// # let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
/// let as_of = ChinaDateTime::parse("as_of", "2025-03-20T00:00").unwrap();
/// let auditor = Auditor::new(&plan, &cal, m, AuditOptions { as_of, provisional: false }).unwrap();
/// assert_eq!(auditor.summary().lines, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct AuditSummary {
    /// Lines audited.
    pub lines: u64,
    /// Lines with nothing found.
    pub ok: u64,
    /// Lines with findings.
    pub with_findings: u64,
    /// Lines that could not be judged.
    pub unjudgeable: u64,
    /// Count per finding code (every code present).
    #[cfg_attr(test, ts(type = "Record<FindingCode, number>"))]
    pub counts: BTreeMap<&'static str, u64>,
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

impl AuditSummary {
    fn new() -> AuditSummary {
        AuditSummary {
            lines: 0,
            ok: 0,
            with_findings: 0,
            unjudgeable: 0,
            counts: FindingCode::ALL.iter().map(|c| (c.as_str(), 0)).collect(),
            overcharged: Money::ZERO,
            undercharged: Money::ZERO,
            net_mismatch: Money::ZERO,
            duplicates: Money::ZERO,
            settled_late: Money::ZERO,
            not_settled: Money::ZERO,
            fees_charged: Money::ZERO,
            fees_expected: Money::ZERO,
        }
    }

    fn total_mut(&mut self, code: FindingCode) -> &mut Money {
        match code {
            FindingCode::FeeOvercharged => &mut self.overcharged,
            FindingCode::FeeUndercharged => &mut self.undercharged,
            FindingCode::NetMismatch => &mut self.net_mismatch,
            FindingCode::DuplicateSettlement => &mut self.duplicates,
            FindingCode::SettledLate => &mut self.settled_late,
            FindingCode::NotSettled => &mut self.not_settled,
        }
    }
}

/// Audit options.
///
/// ```
/// let o = posfee_core::AuditOptions { as_of: posfee_core::ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap(), provisional: false };
/// assert!(!o.provisional);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditOptions {
    /// The time the statement is judged at (for `not_settled`).
    pub as_of: ChinaDateTime,
    /// Provisional arrivals for years the calendar lacks.
    pub provisional: bool,
}

/// `core/data/audit-causes.json`: the causes and actions of the audit's
/// findings (seed 000 问题4, 异常处理流程).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CausesFile {
    pub(crate) schema_version: u32,
    pub(crate) data_version: Arc<str>,
    pub(crate) source: Arc<str>,
    pub(crate) fee_causes: Vec<Step>,
    pub(crate) fee_actions: Vec<Step>,
    pub(crate) settlement_actions: Vec<Step>,
}

/// Likely causes and actions for the findings (seed 000 问题4, 异常处理流程).
#[derive(Debug, Clone)]
struct CauseLists {
    /// The three causes of a fee finding, in the seed's order.
    fee_causes: Arc<[Step]>,
    /// The seed's three fixes for a fee finding.
    fee_actions: Arc<[Step]>,
    /// What to do about a settlement finding (with the support line).
    settlement_actions: Arc<[Step]>,
    /// Both, for a line with both kinds of finding.
    all_actions: Arc<[Step]>,
}

/// Which of the seed's fee causes the charge points to (RULES §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FeeEvidence {
    /// The charge is another credit rate of the plan: a rate tier the
    /// merchant does not have.
    OtherCreditRate(Percent),
    /// The charge is the industry's conventional rate (the reference plan's
    /// rate and fixed fee).
    Reference(Percent, Money),
    /// The charge is another fee rule of the plan (a calculation error).
    OtherRule(Percent),
    /// The line was settled twice.
    Duplicate,
    /// No rate of the plan, nor the conventional one, gives the charge.
    UnknownRate,
}

impl FeeEvidence {
    /// The cause it points to, by code.
    fn cause(self) -> &'static str {
        match self {
            FeeEvidence::OtherCreditRate(_) => "preferential_conditions_not_met",
            FeeEvidence::Reference(..) | FeeEvidence::UnknownRate => "agent_changed_rate",
            FeeEvidence::OtherRule(_) | FeeEvidence::Duplicate => "system_mischarge",
        }
    }

    /// The evidence in words, ending the fee finding's message.
    fn text(self) -> (String, String) {
        match self {
            FeeEvidence::OtherCreditRate(r) => (
                format!("实收手续费与本方案 {r}% 的信用卡费率一致，而商户的费率档不是它"),
                format!("the charge matches the plan's {r}% credit rate, which is not the merchant's rate tier"),
            ),
            FeeEvidence::Reference(rate, fixed) => (
                format!("实收手续费与行业常规费率（{rate}%+{fixed}元/笔）一致"),
                format!("the charge matches the industry's conventional rate ({rate}% + {fixed} yuan a payment)"),
            ),
            FeeEvidence::OtherRule(r) => (
                format!("实收手续费与本方案另一交易类型的 {r}% 费率一致，可能是计费错误"),
                format!("the charge matches the plan's {r}% rate of another payment type: possibly a calculation error"),
            ),
            FeeEvidence::Duplicate => (
                "该流水重复结算，可能是系统误扣费".to_string(),
                "the line was settled twice: possibly a system mis-charge".to_string(),
            ),
            FeeEvidence::UnknownRate => (
                "实收手续费不符合本方案的任何费率".to_string(),
                "the charge matches none of the plan's rates".to_string(),
            ),
        }
    }
}

fn fee_causes() -> CauseLists {
    static CAUSES: OnceLock<CauseLists> = OnceLock::new();
    CAUSES
        .get_or_init(|| {
            let f = crate::baked::audit_causes::data();
            let all: Vec<Step> = f
                .fee_actions
                .iter()
                .chain(&f.settlement_actions)
                .cloned()
                .collect();
            CauseLists {
                fee_causes: Arc::from(f.fee_causes),
                fee_actions: Arc::from(f.fee_actions),
                settlement_actions: Arc::from(f.settlement_actions),
                all_actions: Arc::from(all),
            }
        })
        .clone()
}

/// The settlement actions with the plan's support line in the first.
fn with_support(steps: &[Step], support: &str) -> Arc<[Step]> {
    steps
        .iter()
        .map(|s| {
            if &*s.code == "contact_support_with_details" {
                s.with_support_line(support)
            } else {
                s.clone()
            }
        })
        .collect()
}

/// Audits statement lines one at a time. See [`LineAudit`] for an example.
#[derive(Debug, Clone)]
pub struct Auditor {
    plan: Plan,
    calendar: Calendar,
    merchant: Merchant,
    options: AuditOptions,
    /// 128-bit fingerprints of the ids already settled (two independent
    /// SipHash keys): 16 bytes an id, collisions beyond any practical reach.
    settled: HashSet<u128>,
    summary: AuditSummary,
    causes: CauseLists,
    none: Arc<[Step]>,
}

impl Auditor {
    /// An auditor for a merchant under a plan (the plan needs its settlement
    /// section). It keeps its own (shared, cheap) copies of the plan and calendar.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
    /// let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    /// let r = Plan::reference().unwrap();
    /// let cal = Calendar::embedded().unwrap();
    /// assert!(Auditor::new(&r, &cal, m, AuditOptions { as_of, provisional: false }).is_err());
    /// ```
    pub fn new(
        plan: &Plan,
        calendar: &Calendar,
        merchant: Merchant,
        options: AuditOptions,
    ) -> Result<Auditor> {
        plan.section(&plan.data().settlement, "settlement")?;
        Ok(Auditor {
            plan: plan.clone(),
            calendar: calendar.clone(),
            merchant,
            options,
            settled: HashSet::new(),
            summary: AuditSummary::new(),
            causes: {
                let mut c = fee_causes();
                let support = &*plan.data().provider.support_line;
                c.settlement_actions = with_support(&c.settlement_actions, support);
                c.all_actions = with_support(&c.all_actions, support);
                c
            },
            none: Arc::from(Vec::new()),
        })
    }

    /// The summary of the lines audited so far.
    ///
    /// See [`AuditSummary`].
    pub fn summary(&self) -> AuditSummary {
        self.summary.clone()
    }

    /// Audits a line as given; a line that cannot be validated is reported
    /// as unjudgeable with its error.
    ///
    /// See [`LineAudit`] for an example.
    pub fn audit_input(
        &mut self,
        index: u64,
        line_number: Option<u64>,
        input: &StatementLineInput,
    ) -> LineAudit {
        match input.to_line(&format!("lines[{index}]")) {
            Ok(line) => self.audit_line(index, line_number, &line),
            Err(e) => self.unjudgeable(index, line_number, input.id.clone(), e),
        }
    }

    /// Records a line that cannot be judged (bad input or a bad CSV record).
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
    /// # let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    /// # let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    /// let mut a = Auditor::new(&plan, &cal, m, AuditOptions { as_of, provisional: false }).unwrap();
    /// let e = Money::parse_amount("lines[0].amount", "x").unwrap_err();
    /// assert_eq!(a.unjudgeable(0, Some(2), None, e).status, LineStatus::Unjudgeable);
    /// assert_eq!(a.summary().unjudgeable, 1);
    /// ```
    pub fn unjudgeable(
        &mut self,
        index: u64,
        line_number: Option<u64>,
        id: Option<String>,
        error: Error,
    ) -> LineAudit {
        self.summary.lines += 1;
        self.summary.unjudgeable += 1;
        LineAudit {
            index,
            line_number,
            id,
            status: LineStatus::Unjudgeable,
            findings: Vec::new(),
            expected_fee: None,
            fee_charged: None,
            rule: None,
            expected_arrival: None,
            realtime: None,
            settled_date: None,
            error: Some(error),
            arrival_error: None,
            likely_causes: self.none.clone(),
            actions: self.none.clone(),
        }
    }

    /// Audits a validated line.
    pub fn audit_line(
        &mut self,
        index: u64,
        line_number: Option<u64>,
        line: &StatementLine,
    ) -> LineAudit {
        match self.judge(line) {
            Ok(a) => {
                let mut a = a;
                a.index = index;
                a.line_number = line_number;
                self.summary.lines += 1;
                if a.findings.is_empty() {
                    self.summary.ok += 1;
                } else {
                    self.summary.with_findings += 1;
                }
                for f in &a.findings {
                    if let Some(n) = self.summary.counts.get_mut(f.code.as_str()) {
                        *n += 1;
                    }
                    let total = self.summary.total_mut(f.code);
                    *total = total.checked_add(f.amount).unwrap_or(*total);
                }
                if let Some(e) = a.expected_fee {
                    self.summary.fees_expected = self
                        .summary
                        .fees_expected
                        .checked_add(e)
                        .unwrap_or(self.summary.fees_expected);
                }
                self.summary.fees_charged = self
                    .summary
                    .fees_charged
                    .checked_add(line.fee_charged)
                    .unwrap_or(self.summary.fees_charged);
                a
            }
            Err(e) => self.unjudgeable(
                index,
                line_number,
                Some(line.id.clone()),
                e.within(&format!("lines[{index}]")),
            ),
        }
    }

    fn judge(&mut self, line: &StatementLine) -> Result<LineAudit> {
        let charge = line.payment.charge();
        let rule = self.plan.rule_for(&charge, &self.merchant)?;
        let expected = fee_by_rule(&self.plan, rule, &self.merchant, &charge)?;
        let mut findings = Vec::new();
        let ovf = || Error::overflow("fee_charged");
        let fee_finding = line.fee_charged != expected.fee;
        if line.fee_charged > expected.fee {
            let d = line.fee_charged.checked_sub(expected.fee).ok_or_else(ovf)?;
            findings.push(finding(
                FindingCode::FeeOvercharged,
                d,
                format!(
                    "多收手续费 {d} 元（应收 {}，实收 {}）",
                    expected.fee, line.fee_charged
                ),
                format!(
                    "fee overcharged by {d} (expected {}, charged {})",
                    expected.fee, line.fee_charged
                ),
            ));
        } else if line.fee_charged < expected.fee {
            let d = expected.fee.checked_sub(line.fee_charged).ok_or_else(ovf)?;
            findings.push(finding(
                FindingCode::FeeUndercharged,
                d,
                format!(
                    "少收手续费 {d} 元（应收 {}，实收 {}）",
                    expected.fee, line.fee_charged
                ),
                format!(
                    "fee undercharged by {d} (expected {}, charged {})",
                    expected.fee, line.fee_charged
                ),
            ));
        }
        let owed = line
            .payment
            .amount
            .checked_sub(line.fee_charged)
            .ok_or_else(ovf)?;
        if let Some(net) = line.net_settled {
            if net != owed {
                let d = if net > owed {
                    net.checked_sub(owed)
                } else {
                    owed.checked_sub(net)
                }
                .ok_or_else(ovf)?;
                findings.push(finding(
                    FindingCode::NetMismatch,
                    d,
                    format!("结算净额 {net} 与 金额−手续费 {owed} 相差 {d} 元"),
                    format!("net settled {net} differs from amount − fee charged {owed} by {d}"),
                ));
            }
        }
        let settled_value = line.net_settled.unwrap_or(owed);
        if line.settled_date.is_some() && !self.settled.insert(fingerprint(&line.id)) {
            findings.push(finding(
                FindingCode::DuplicateSettlement,
                settled_value,
                format!("流水号 {} 重复结算", line.id),
                format!("id {} settled more than once", line.id),
            ));
        }
        let (expected_arrival, realtime, arrival_error) = match arrival_by_rule(
            &self.plan,
            &self.calendar,
            &line.payment,
            &self.merchant,
            rule,
            self.options.provisional,
        ) {
            Ok(a) => (Some(a.date), Some(a.realtime), None),
            Err(e) => (None, None, Some(e)),
        };
        if let Some(due) = expected_arrival {
            match line.settled_date {
                Some(d) if d > due => findings.push(finding(
                    FindingCode::SettledLate,
                    settled_value,
                    format!("应于 {due} 到账，实际 {d} 到账"),
                    format!("due {due}, settled {d}"),
                )),
                None if self.options.as_of.date() > due => findings.push(finding(
                    FindingCode::NotSettled,
                    owed,
                    format!(
                        "应于 {due} 到账，截至 {} 仍未结算",
                        self.options.as_of.date()
                    ),
                    format!(
                        "due {due}, still not settled as of {}",
                        self.options.as_of.date()
                    ),
                )),
                _ => {}
            }
        }
        let settlement_finding = findings.iter().any(|f| {
            matches!(
                f.code,
                FindingCode::NetMismatch
                    | FindingCode::DuplicateSettlement
                    | FindingCode::SettledLate
                    | FindingCode::NotSettled
            )
        });
        let mut causes = self.none.clone();
        if fee_finding {
            let duplicate = findings
                .iter()
                .any(|f| f.code == FindingCode::DuplicateSettlement);
            let evidence = self.fee_evidence(rule, &charge, line.fee_charged, duplicate);
            let (zh, en) = evidence.text();
            if let Some(f) = findings.first_mut() {
                f.message_zh.push('；');
                f.message_zh.push_str(&zh);
                f.message_en.push_str("; ");
                f.message_en.push_str(&en);
            }
            let first = evidence.cause();
            let fee_causes = &self.causes.fee_causes;
            causes = fee_causes
                .iter()
                .filter(|c| &*c.code == first)
                .chain(fee_causes.iter().filter(|c| &*c.code != first))
                .cloned()
                .collect();
        }
        let actions = match (fee_finding, settlement_finding) {
            (true, true) => self.causes.all_actions.clone(),
            (true, false) => self.causes.fee_actions.clone(),
            (false, true) => self.causes.settlement_actions.clone(),
            (false, false) => self.none.clone(),
        };
        Ok(LineAudit {
            index: 0,
            line_number: None,
            id: Some(line.id.clone()),
            status: if findings.is_empty() {
                LineStatus::Ok
            } else {
                LineStatus::Findings
            },
            findings,
            expected_fee: Some(expected.fee),
            fee_charged: Some(line.fee_charged),
            rule: Some(expected.rule.id),
            expected_arrival,
            realtime,
            settled_date: line.settled_date,
            error: None,
            arrival_error,
            likely_causes: causes,
            actions,
        })
    }

    /// What a fee charged that differs from the plan's points to (RULES
    /// §10): another credit rate of the plan, the industry's conventional
    /// 0.60% + 3.00, another fee rule of the plan, or none of them.
    fn fee_evidence(
        &self,
        rule: usize,
        charge: &crate::payment::Charge,
        charged: Money,
        duplicate: bool,
    ) -> FeeEvidence {
        if duplicate {
            return FeeEvidence::Duplicate;
        }
        let data = self.plan.data();
        let gives = |plan: &Plan, i: usize, m: &Merchant| {
            fee_by_rule(plan, i, m, charge).is_ok_and(|f| f.fee == charged)
        };
        if let (Some(r), Some(rates)) = (data.fee_rules.get(rule), &data.credit_rates) {
            if r.use_credit_rate {
                for tier in [CreditRate::Standard, CreditRate::Bulk, CreditRate::Premium] {
                    let other = Merchant {
                        credit_rate: tier,
                        ..self.merchant
                    };
                    if tier != self.merchant.credit_rate
                        && rates.get(tier) != rates.get(self.merchant.credit_rate)
                        && gives(&self.plan, rule, &other)
                    {
                        return FeeEvidence::OtherCreditRate(rates.get(tier));
                    }
                }
            }
        }
        if let Ok(reference) = Plan::reference() {
            let first = reference.data().fee_rules.first();
            if let Some((rate, r)) = first.and_then(|r| r.rate_percent.map(|p| (p, r))) {
                if gives(&reference, 0, &self.merchant) {
                    return FeeEvidence::Reference(rate, r.fixed.unwrap_or(Money::ZERO));
                }
            }
        }
        for (i, r) in data.fee_rules.iter().enumerate() {
            if i != rule && !r.use_credit_rate && gives(&self.plan, i, &self.merchant) {
                if let Some(p) = r.rate_percent {
                    return FeeEvidence::OtherRule(p);
                }
            }
        }
        FeeEvidence::UnknownRate
    }

    /// Audits a CSV statement given as chunks of bytes (owned or borrowed;
    /// each is dropped once read): every line is handed to `on_line` as soon
    /// as it is judged, in order, and `on_progress` gets the number of lines
    /// done every `progress_every` lines and once at the end. A header that
    /// cannot be used is an error; bad records are unjudgeable lines.
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
    /// # let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    /// let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    /// let mut auditor = Auditor::new(&plan, &cal, m, AuditOptions { as_of, provisional: false }).unwrap();
    /// let csv = "id,time,amount,method,wallet,fee_charged,net_settled,settled_date\n\
    ///            T1,2025-03-12T10:00,100.00,qr,wechat,0.38,99.62,2025-03-12\n\
    ///            T1,2025-03-12T10:00,100.00,qr,wechat,0.38,99.62,2025-03-12\n";
    /// let mut lines = Vec::new();
    /// let summary = auditor.audit_csv([csv.as_bytes()], 1000, &mut |l| lines.push(l), &mut |_| {}).unwrap();
    /// assert_eq!(lines[1].findings[0].code, FindingCode::DuplicateSettlement);
    /// assert_eq!(summary.duplicates.to_string(), "99.62");
    /// ```
    pub fn audit_csv<C: AsRef<[u8]>>(
        &mut self,
        chunks: impl IntoIterator<Item = C>,
        progress_every: u64,
        on_line: &mut dyn FnMut(LineAudit),
        on_progress: &mut dyn FnMut(u64),
    ) -> Result<AuditSummary> {
        let mut reader = CsvReader::new();
        let every = progress_every.max(1);
        let mut each = |l: LineAudit, done: u64| {
            on_line(l);
            if done % every == 0 {
                on_progress(done);
            }
        };
        for chunk in chunks {
            self.feed_csv(&mut reader, chunk.as_ref(), &mut each)?;
        }
        self.finish_csv(&mut reader, &mut each)?;
        on_progress(self.summary.lines);
        Ok(self.summary())
    }

    /// Feeds one chunk of a CSV statement; `on_line` gets each line judged
    /// and the number of lines done so far. For callers that receive the
    /// file piece by piece; end with [`Auditor::finish_csv`].
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
    /// # let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    /// # let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    /// let mut auditor = Auditor::new(&plan, &cal, m, AuditOptions { as_of, provisional: false }).unwrap();
    /// let mut reader = CsvReader::new();
    /// let mut n = 0;
    /// auditor.feed_csv(&mut reader, b"id,time,amount,method,wallet,fee_charged\nT1,2025-03-12T10:00,1", &mut |_, _| n += 1).unwrap();
    /// auditor.feed_csv(&mut reader, b"0.00,qr,alipay,0.04\n", &mut |_, _| n += 1).unwrap();
    /// auditor.finish_csv(&mut reader, &mut |_, _| n += 1).unwrap();
    /// // One line, split across two chunks; unsettled and past due on 2025-04-01.
    /// assert_eq!((n, auditor.summary().counts["not_settled"]), (1, 1));
    /// ```
    pub fn feed_csv(
        &mut self,
        reader: &mut CsvReader,
        chunk: &[u8],
        on_line: &mut dyn FnMut(LineAudit, u64),
    ) -> Result<()> {
        let mut pending = Vec::new();
        let fed = reader.feed(chunk, &mut |rec| pending.push(rec));
        self.drain(pending, on_line);
        fed
    }

    /// Feeds rows of a statement already split into cells (an Excel sheet's,
    /// [`crate::xlsx_rows`]) to a reader with a format; end with
    /// [`Auditor::finish_csv`].
    ///
    /// ```
    /// # use posfee_core::*;
    /// # let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: true };
    /// # let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    /// # let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    /// let mut auditor = Auditor::new(&plan, &cal, m, AuditOptions { as_of, provisional: false }).unwrap();
    /// let mut reader = CsvReader::with_format(StatementFormat::default());
    /// let rows = vec![vec!["流水号", "交易时间", "交易金额", "卡类型", "交易方式", "手续费"],
    ///                 vec!["T1", "2025-03-12T10:00:00", "1000", "贷记卡", "插卡", "5.5"]];
    /// let rows = rows.into_iter().map(|r| r.into_iter().map(String::from).collect());
    /// let mut fees = Vec::new();
    /// auditor.feed_rows(&mut reader, rows, &mut |l, _| fees.push(l.expected_fee)).unwrap();
    /// auditor.finish_csv(&mut reader, &mut |_, _| {}).unwrap();
    /// assert_eq!(fees[0].unwrap().to_string(), "5.50");
    /// ```
    #[cfg(feature = "statements")]
    pub fn feed_rows(
        &mut self,
        reader: &mut CsvReader,
        rows: impl IntoIterator<Item = Vec<String>>,
        on_line: &mut dyn FnMut(LineAudit, u64),
    ) -> Result<()> {
        for row in rows {
            let mut pending = Vec::new();
            let fed = reader.feed_row(row, &mut |rec| pending.push(rec));
            self.drain(pending, on_line);
            fed?;
        }
        Ok(())
    }

    /// Ends a CSV statement fed with [`Auditor::feed_csv`].
    pub fn finish_csv(
        &mut self,
        reader: &mut CsvReader,
        on_line: &mut dyn FnMut(LineAudit, u64),
    ) -> Result<AuditSummary> {
        let mut pending = Vec::new();
        let done = reader.finish(&mut |rec| pending.push(rec));
        self.drain(pending, on_line);
        done.map(|()| self.summary())
    }

    fn drain(&mut self, records: Vec<CsvRecord>, on_line: &mut dyn FnMut(LineAudit, u64)) {
        for rec in records {
            let a = match rec {
                CsvRecord::Line {
                    index,
                    line_number,
                    input,
                } => self.audit_input(index, Some(line_number), &input),
                CsvRecord::Bad {
                    index,
                    line_number,
                    error,
                } => self.unjudgeable(index, Some(line_number), None, error),
            };
            on_line(a, self.summary.lines);
        }
    }
}

fn fingerprint(id: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |salt: u8| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        id.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

fn finding(code: FindingCode, amount: Money, zh: String, en: String) -> Finding {
    Finding {
        code,
        amount,
        message_zh: zh,
        message_en: en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};

    fn merchant() -> Merchant {
        Merchant {
            tier: MerchantTier::Premium,
            verification: Verification::FaceAndCard,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: true,
        }
    }

    fn line(json: &str) -> StatementLineInput {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn each_finding_and_the_summary() {
        let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
        let as_of = ChinaDateTime::parse("as_of", "2025-03-20T00:00").unwrap();
        let mut a = Auditor::new(
            &plan,
            &cal,
            merchant(),
            AuditOptions {
                as_of,
                provisional: false,
            },
        )
        .unwrap();
        // Debit 1000 at 10:00 Wed 03-12: fee 5.00, due Thu 03-13.
        let base = r#""time": "2025-03-12T10:00", "amount": "1000.00", "method": "card", "card_kind": "debit", "card_medium": "chip""#;
        let ok = a.audit_input(0, None, &line(&format!(r#"{{"id": "A", {base}, "fee_charged": "5.00", "net_settled": "995.00", "settled_date": "2025-03-13"}}"#)));
        assert_eq!(ok.status, LineStatus::Ok);
        let under = a.audit_input(1, None, &line(&format!(r#"{{"id": "B", {base}, "fee_charged": "4.99", "net_settled": "995.00", "settled_date": "2025-03-14"}}"#)));
        let codes: Vec<_> = under
            .findings
            .iter()
            .map(|f| (f.code, f.amount.to_string()))
            .collect();
        assert_eq!(
            codes,
            vec![
                (FindingCode::FeeUndercharged, "0.01".into()),
                (FindingCode::NetMismatch, "0.01".into()),
                (FindingCode::SettledLate, "995.00".into())
            ]
        );
        let dup = a.audit_input(2, None, &line(&format!(r#"{{"id": "A", {base}, "fee_charged": "5.00", "net_settled": "995.00", "settled_date": "2025-03-13"}}"#)));
        assert_eq!(dup.findings[0].code, FindingCode::DuplicateSettlement);
        let missing = a.audit_input(
            3,
            None,
            &line(&format!(r#"{{"id": "C", {base}, "fee_charged": "5.00"}}"#)),
        );
        assert_eq!(
            (
                missing.findings[0].code,
                missing.findings[0].amount.to_string()
            ),
            (FindingCode::NotSettled, "995.00".into())
        );
        let bad = a.audit_input(4, None, &line(r#"{"id": "D", "time": "2025-03-12T10:00", "amount": "1.005", "method": "qr", "wallet": "alipay", "fee_charged": "0"}"#));
        assert_eq!(
            (bad.status, bad.error.unwrap().field().to_string()),
            (LineStatus::Unjudgeable, "lines[4].amount".to_string())
        );
        let s = a.summary();
        assert_eq!(
            (s.lines, s.ok, s.with_findings, s.unjudgeable),
            (5, 1, 3, 1)
        );
        assert_eq!(s.undercharged.to_string(), "0.01");
        assert_eq!(s.duplicates.to_string(), "995.00");
        assert_eq!(s.not_settled.to_string(), "995.00");
        assert_eq!(s.counts["settled_late"], 1);
    }

    #[test]
    fn an_uncovered_year_leaves_the_fee_judged() {
        let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
        let as_of = ChinaDateTime::parse("as_of", "2027-02-01T00:00").unwrap();
        let mut a = Auditor::new(
            &plan,
            &cal,
            merchant(),
            AuditOptions {
                as_of,
                provisional: false,
            },
        )
        .unwrap();
        let l = a.audit_input(0, None, &line(r#"{"id": "Y", "time": "2026-12-31T22:30", "amount": "100.00", "method": "card", "card_kind": "credit", "card_medium": "chip", "fee_charged": "0.60"}"#));
        assert_eq!(l.findings[0].code, FindingCode::FeeOvercharged);
        assert_eq!(l.arrival_error.unwrap().year(), Some(2027));
        assert!(l.expected_arrival.is_none());
    }
}
