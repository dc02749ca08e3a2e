//! Troubleshooting (诊断, RULES §11): why a payment was declined, why money
//! has not arrived, why 花呗 is unavailable, why UnionPay suspended the
//! merchant — causes ranked by the facts at hand, each with its actions.
//!
//! The catalogue of causes, actions and thresholds is data
//! (`data/diagnose-catalogue.json`, drawn from the seed documents).

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::limit::{DailyUsage, Refusal};
use crate::merchant::Merchant;
use crate::money::Money;
use crate::payment::{Instrument, Payment};
use crate::plan::{Plan, Step, Window};
use crate::quote::{quote, QuoteOptions};
use crate::time::ChinaDateTime;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The catalogue's source; the library carries it as baked data
/// (`core/src/baked/diagnose_catalogue.rs`), checked against this file.
#[cfg(test)]
pub(crate) const CATALOGUE_JSON: &str = include_str!("../data/diagnose-catalogue.json");

/// What happened.
///
/// ```
/// assert_eq!(posfee_core::Situation::from_name("not_arrived"), Some(posfee_core::Situation::NotArrived));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Situation {
    /// 不到账: the money has not arrived.
    NotArrived,
    /// 交易失败: the payment was declined.
    Declined,
    /// 花呗 cannot be used on the terminal.
    HuabeiUnavailable,
    /// 银联停用: the merchant was suspended by UnionPay.
    Suspended,
    /// 交易记录缺失: payments are missing from the app's records.
    RecordsMissing,
}

impl Situation {
    /// Every situation's string.
    ///
    /// ```
    /// assert_eq!(posfee_core::Situation::NAMES.len(), 5);
    /// ```
    pub const NAMES: &'static [&'static str] = &[
        "not_arrived",
        "declined",
        "huabei_unavailable",
        "suspended",
        "records_missing",
    ];

    /// The stable snake_case string.
    ///
    /// ```
    /// assert_eq!(posfee_core::Situation::Suspended.as_str(), "suspended");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Situation::NotArrived => "not_arrived",
            Situation::Declined => "declined",
            Situation::HuabeiUnavailable => "huabei_unavailable",
            Situation::Suspended => "suspended",
            Situation::RecordsMissing => "records_missing",
        }
    }

    /// Parses the snake_case string.
    ///
    /// ```
    /// assert_eq!(posfee_core::Situation::from_name("lost"), None);
    /// ```
    pub fn from_name(s: &str) -> Option<Situation> {
        match s {
            "not_arrived" => Some(Situation::NotArrived),
            "declined" => Some(Situation::Declined),
            "huabei_unavailable" => Some(Situation::HuabeiUnavailable),
            "suspended" => Some(Situation::Suspended),
            "records_missing" => Some(Situation::RecordsMissing),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CauseData {
    pub(crate) code: Arc<str>,
    pub(crate) zh: Arc<str>,
    pub(crate) en: Arc<str>,
    #[serde(default)]
    pub(crate) seeds: Vec<String>,
    #[serde(default)]
    pub(crate) signals: Vec<String>,
    #[serde(default)]
    pub(crate) actions: Vec<String>,
    #[serde(default)]
    pub(crate) terminal_keywords: Vec<String>,
    #[serde(default)]
    pub(crate) refusal_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SituationData {
    pub(crate) zh: Arc<str>,
    pub(crate) en: Arc<str>,
    pub(crate) causes: Vec<CauseData>,
    #[serde(default)]
    pub(crate) recovery_steps: Vec<Step>,
    #[serde(default)]
    pub(crate) risks: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SignalData {
    pub(crate) heuristic: bool,
    pub(crate) source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ManyPayments {
    pub(crate) count: usize,
    pub(crate) within_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Thresholds {
    pub(crate) late_night: Window,
    pub(crate) large_amount_above: Money,
    pub(crate) many_payments: ManyPayments,
    pub(crate) qr_valid_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TextData {
    pub(crate) zh: Arc<str>,
    pub(crate) en: Arc<str>,
    /// The plan's support line is added to the text.
    #[serde(default)]
    pub(crate) support_line: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Catalogue {
    pub(crate) schema_version: u32,
    pub(crate) data_version: Arc<str>,
    pub(crate) source: Arc<str>,
    pub(crate) thresholds: Thresholds,
    pub(crate) signals: BTreeMap<String, SignalData>,
    pub(crate) situations: BTreeMap<String, SituationData>,
    pub(crate) actions: BTreeMap<String, TextData>,
}

fn catalogue() -> Result<&'static Catalogue> {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    Ok(CAT.get_or_init(crate::baked::diagnose_catalogue::data))
}

/// The version of the troubleshooting catalogue.
///
/// ```
/// assert_eq!(posfee_core::diagnose::catalogue_version().unwrap(), "2026.12.02");
/// ```
pub fn catalogue_version() -> Result<&'static str> {
    catalogue().map(|c| &*c.data_version)
}

/// What is known about the trouble.
///
/// ```
/// use posfee_core::*;
/// let r = DiagnoseRequest::new(Situation::HuabeiUnavailable);
/// assert!(r.payment.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnoseRequest {
    /// What happened.
    pub situation: Situation,
    /// The payment, if there is one (declined, not arrived).
    pub payment: Option<Payment>,
    /// The merchant, to check the plan's own acceptance and limit rules.
    pub merchant: Option<Merchant>,
    /// The day's usage before the payment, for the limit check.
    pub usage: DailyUsage,
    /// The message the terminal or app showed.
    pub terminal_message: Option<String>,
    /// When the question is asked (not arrived: is it due yet?).
    pub as_of: Option<ChinaDateTime>,
    /// When the QR code was generated (declined QR: was it older than allowed?).
    pub qr_created: Option<ChinaDateTime>,
    /// Times of the day's other payments (the day ledger), for the
    /// many-payments-in-a-short-time signal.
    pub recent_payments: Vec<ChinaDateTime>,
    /// Provisional arrival dates for years the calendar lacks.
    pub provisional: bool,
}

impl DiagnoseRequest {
    /// A request with only the situation known.
    ///
    /// ```
    /// let r = posfee_core::DiagnoseRequest::new(posfee_core::Situation::Suspended);
    /// assert!(r.recent_payments.is_empty());
    /// ```
    pub fn new(situation: Situation) -> DiagnoseRequest {
        DiagnoseRequest {
            situation,
            payment: None,
            merchant: None,
            usage: DailyUsage::default(),
            terminal_message: None,
            as_of: None,
            qr_created: None,
            recent_payments: Vec::new(),
            provisional: false,
        }
    }
}

/// A cause, ranked, with the facts that point to it and what to do.
///
/// ```
/// # use posfee_core::*;
/// let d = diagnose(&Plan::upos().unwrap(), &Calendar::embedded().unwrap(), &DiagnoseRequest::new(Situation::HuabeiUnavailable)).unwrap();
/// assert_eq!(&*d.causes[0].code, "terminal_not_integrated");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct RankedCause {
    /// Stable code.
    pub code: Arc<str>,
    /// Chinese text.
    pub zh: Arc<str>,
    /// English text.
    pub en: Arc<str>,
    /// The signals among the facts that point to this cause.
    #[cfg_attr(test, ts(type = "Array<DiagnoseSignal>"))]
    pub matched: Vec<&'static str>,
    /// Whether a signal it was ranked by is posfee's own heuristic (a
    /// threshold or keyword list the seeds do not give), not the seeds'.
    pub heuristic: bool,
    /// Seeds the cause is drawn from.
    pub seeds: Vec<String>,
    /// What to do, in order.
    pub actions: Vec<Step>,
}

/// The payment is simply not due yet.
///
/// ```
/// # use posfee_core::*;
/// let n = NotDue { due: chrono::NaiveDate::from_ymd_opt(2025, 10, 9).unwrap(), realtime: false, provisional: false };
/// assert!(!n.realtime);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct NotDue {
    /// The expected arrival date.
    pub due: NaiveDate,
    /// Real-time arrival.
    pub realtime: bool,
    /// The date assumed Monday–Friday for an uncovered year.
    pub provisional: bool,
}

/// The answer: causes ranked most likely first.
///
/// ```
/// use posfee_core::*;
/// let mut r = DiagnoseRequest::new(Situation::Declined);
/// r.terminal_message = Some("二维码已失效，请重新生成".into());
/// let d = diagnose(&Plan::upos().unwrap(), &Calendar::embedded().unwrap(), &r).unwrap();
/// assert_eq!(&*d.causes[0].code, "qr_expired");
/// assert_eq!(d.support_line, "4001125883");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Diagnosis {
    /// What happened.
    pub situation: Situation,
    /// Its name in Chinese.
    pub situation_zh: Arc<str>,
    /// Its name in English.
    pub situation_en: Arc<str>,
    /// Set when the money is simply not due yet.
    pub not_due: Option<NotDue>,
    /// Set when the plan's own acceptance or limit rules refuse the payment.
    pub plan_refusal: Option<Refusal>,
    /// Causes, most likely first.
    pub causes: Vec<RankedCause>,
    /// Recovery steps (suspension).
    pub recovery_steps: Vec<Step>,
    /// Notes beside the causes: `posfee_heuristic` when a cause was ranked
    /// by posfee's own heuristic (naming which), and for a suspension what
    /// it risks if left unresolved (seed 003).
    pub notes: Vec<Step>,
    /// The provider's customer service line (plan data).
    pub support_line: String,
    /// The version of the catalogue.
    pub catalogue_version: Arc<str>,
}

/// Ranks the causes of a situation by the facts in the request.
///
/// Scores: the cause the plan's own refusal names first; then "not due yet"
/// (left out altogether when the as-of time shows the money is due);
/// then causes whose terminal keywords the message contains; then those
/// whose signals (late night, large amount, many payments, old QR code) the
/// facts show; then the rest in catalogue order.
///
/// ```
/// use posfee_core::*;
/// let engine = Engine::builtin().unwrap();
/// let mut r = DiagnoseRequest::new(Situation::NotArrived);
/// r.payment = Some(Payment { amount: Money::from_fen(2_000_000), instrument: Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false }, time: ChinaDateTime::parse("t", "2025-03-12T02:00").unwrap() });
/// r.as_of = Some(ChinaDateTime::parse("t", "2025-03-14T10:00").unwrap());
/// let d = diagnose(engine.plan(), engine.calendar(), &r).unwrap();
/// assert!(d.not_due.is_none()); // due 2025-03-13
/// assert_eq!(&*d.causes[0].code, "risk_control"); // 02:00, and above posfee's own "large" (10,000)
/// assert!(d.causes[0].heuristic);
/// assert_eq!(d.causes[0].matched, vec!["late_night", "large_amount"]);
/// ```
pub fn diagnose(plan: &Plan, calendar: &Calendar, req: &DiagnoseRequest) -> Result<Diagnosis> {
    let cat = catalogue()?;
    let sit = cat.situations.get(req.situation.as_str()).ok_or_else(|| {
        Error::unknown_value("situation", req.situation.as_str(), Situation::NAMES)
    })?;
    let t = &cat.thresholds;
    let mut signals: Vec<&'static str> = Vec::new();
    let mut not_due = None;
    // Whether "not due yet" could be judged; when it could and is false, the
    // causes resting on it are ruled out rather than ranked.
    let mut due_judged = false;
    let mut plan_refusal = None;
    if let Some(p) = &req.payment {
        if t.late_night.contains(p.time.clock()) {
            signals.push("late_night");
        }
        if p.amount > t.large_amount_above {
            signals.push("large_amount");
        }
        let window = chrono::Duration::minutes(t.many_payments.within_minutes);
        let near = req
            .recent_payments
            .iter()
            .filter(|o| (o.naive() - p.time.naive()).abs() <= window)
            .count();
        if near + 1 >= t.many_payments.count {
            signals.push("many_payments");
        }
        if let (Some(created), Instrument::Qr { .. }) = (req.qr_created, p.instrument) {
            if p.time.naive() - created.naive() > chrono::Duration::minutes(t.qr_valid_minutes) {
                signals.push("qr_old");
            }
        }
        if let Some(m) = &req.merchant {
            let q = quote(
                plan,
                calendar,
                m,
                p,
                &req.usage,
                QuoteOptions {
                    provisional: req.provisional,
                },
            )?;
            if let Some(r) = q.refusal {
                signals.push("refused_by_plan");
                plan_refusal = Some(r);
            }
        }
        if req.situation == Situation::NotArrived {
            let a = crate::settlement::arrival(plan, calendar, p, req.provisional)?;
            let asked = req.as_of.map(|t| t.date());
            due_judged = asked.is_some();
            let early = asked.is_some_and(|d| d < a.date || (!a.realtime && d == a.date));
            if early {
                signals.push("not_due");
                not_due = Some(NotDue {
                    due: a.date,
                    realtime: a.realtime,
                    provisional: a.provisional,
                });
            }
        }
    }
    let message = req.terminal_message.as_deref().unwrap_or("");
    let refusal_code = plan_refusal.as_ref().map(|r| r.code.as_str());
    let support = plan.data().provider.support_line.to_string();
    let mut ranked: Vec<(i64, usize, RankedCause)> = Vec::new();
    for (order, c) in sit.causes.iter().enumerate() {
        if due_judged && not_due.is_none() && c.signals.iter().any(|s| s == "not_due") {
            continue;
        }
        let mut score = 0i64;
        let mut matched: Vec<&'static str> = Vec::new();
        if refusal_code.is_some_and(|code| c.refusal_codes.iter().any(|r| r == code)) {
            score += 10_000;
            matched.push("refused_by_plan");
        }
        for s in &signals {
            if *s != "refused_by_plan" && c.signals.iter().any(|x| x == s) {
                score += if *s == "not_due" { 5_000 } else { 100 };
                matched.push(*s);
            }
        }
        if !message.is_empty()
            && c.terminal_keywords
                .iter()
                .any(|k| message.contains(k.as_str()))
        {
            score += 1_000;
            matched.push("terminal_message");
        }
        let actions = c
            .actions
            .iter()
            .filter_map(|a| {
                cat.actions.get(a).map(|t| {
                    let step = Step {
                        code: Arc::from(a.as_str()),
                        zh: t.zh.clone(),
                        en: t.en.clone(),
                    };
                    if t.support_line {
                        step.with_support_line(&support)
                    } else {
                        step
                    }
                })
            })
            .collect();
        ranked.push((
            score,
            order,
            RankedCause {
                code: c.code.clone(),
                zh: c.zh.clone(),
                en: c.en.clone(),
                heuristic: matched.iter().any(|s| is_heuristic(cat, s)),
                matched,
                seeds: c.seeds.clone(),
                actions,
            },
        ));
    }
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut used: Vec<&'static str> = Vec::new();
    for (_, _, c) in &ranked {
        for s in &c.matched {
            if is_heuristic(cat, s) && !used.contains(s) {
                used.push(s);
            }
        }
    }
    let mut notes = Vec::new();
    if !used.is_empty() {
        notes.push(heuristic_note(t, &used));
    }
    notes.extend(sit.risks.iter().cloned());
    Ok(Diagnosis {
        situation: req.situation,
        situation_zh: sit.zh.clone(),
        situation_en: sit.en.clone(),
        not_due,
        plan_refusal,
        causes: ranked.into_iter().map(|(_, _, c)| c).collect(),
        recovery_steps: sit.recovery_steps.clone(),
        notes,
        support_line: support,
        catalogue_version: cat.data_version.clone(),
    })
}

fn is_heuristic(cat: &Catalogue, signal: &str) -> bool {
    cat.signals.get(signal).is_some_and(|s| s.heuristic)
}

/// The label of an answer ranked by posfee's own heuristics (RULES §11),
/// naming each one used with its threshold.
fn heuristic_note(t: &Thresholds, used: &[&str]) -> Step {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for s in used {
        match *s {
            "large_amount" => {
                zh.push(format!("大额（超过 {} 元）", t.large_amount_above));
                en.push(format!("large (above {} yuan)", t.large_amount_above));
            }
            "many_payments" => {
                let (n, m) = (t.many_payments.count, t.many_payments.within_minutes);
                zh.push(format!("频繁（{m} 分钟内 {n} 笔及以上）"));
                en.push(format!(
                    "frequent ({n} or more payments within {m} minutes)"
                ));
            }
            "terminal_message" => {
                zh.push("终端提示中的关键词".to_string());
                en.push("keywords in the terminal's message".to_string());
            }
            other => {
                zh.push(other.to_string());
                en.push(other.to_string());
            }
        }
    }
    Step {
        code: Arc::from("posfee_heuristic"),
        zh: Arc::from(format!(
            "posfee 的经验判断：{}（参考资料未给出具体数值）",
            zh.join("、")
        )),
        en: Arc::from(format!(
            "posfee's own heuristic: {} (the reference documents give no numbers for these)",
            en.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::payment::{CardKind, CardMedium, Wallet};

    fn payment(fen: i64, i: Instrument, t: &str) -> Payment {
        Payment {
            amount: Money::from_fen(fen),
            instrument: i,
            time: ChinaDateTime::parse("t", t).unwrap(),
        }
    }

    fn run(r: &DiagnoseRequest) -> Diagnosis {
        diagnose(&Plan::upos().unwrap(), &Calendar::embedded().unwrap(), r).unwrap()
    }

    const CREDIT: Instrument = Instrument::Card {
        kind: CardKind::Credit,
        medium: CardMedium::Chip,
        magstripe_verified: false,
    };

    #[test]
    fn the_catalogue_is_complete_and_consistent() {
        let cat = catalogue().unwrap();
        for name in Situation::NAMES {
            let s = &cat.situations[*name];
            assert!(!s.causes.is_empty(), "{name}");
            for c in &s.causes {
                for a in &c.actions {
                    assert!(
                        cat.actions.contains_key(a),
                        "{name}.{}: unknown action {a}",
                        c.code
                    );
                }
                assert!(!c.seeds.is_empty(), "{}: names no seed", c.code);
            }
        }
        assert_eq!(cat.situations["suspended"].recovery_steps.len(), 5);
        for code in [
            "merchant_not_activated",
            "debit_chip_only",
            "wallet_not_enabled",
            "wallet_not_verified",
            "large_mode_not_approved",
            "single_limit_exceeded",
            "daily_limit_exceeded",
        ] {
            assert!(
                cat.situations["declined"]
                    .causes
                    .iter()
                    .any(|c| c.refusal_codes.iter().any(|r| r == code)),
                "{code} maps to no cause"
            );
        }
    }

    #[test]
    fn not_due_yet_comes_first_with_the_date() {
        let mut r = DiagnoseRequest::new(Situation::NotArrived);
        r.payment = Some(payment(100_000, CREDIT, "2025-09-30T22:00"));
        r.as_of = Some(ChinaDateTime::parse("t", "2025-10-03T12:00").unwrap());
        let d = run(&r);
        assert_eq!(d.not_due.unwrap().due.to_string(), "2025-10-09");
        assert_eq!(&*d.causes[0].code, "not_due_yet");
        // Once the date has passed it is no longer the answer.
        r.as_of = Some(ChinaDateTime::parse("t", "2025-10-10T12:00").unwrap());
        let d = run(&r);
        assert!(d.not_due.is_none());
        assert!(
            d.causes.iter().all(|c| &*c.code != "not_due_yet"),
            "ruled out by the date"
        );
        // Without an as-of time it cannot be ruled out.
        r.as_of = None;
        assert!(run(&r).causes.iter().any(|c| &*c.code == "not_due_yet"));
    }

    #[test]
    fn the_plans_own_refusal_is_named_first_with_its_cap() {
        let m = Merchant {
            tier: MerchantTier::New,
            verification: Verification::FaceAndCard,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: false,
        };
        let mut r = DiagnoseRequest::new(Situation::Declined);
        r.payment = Some(payment(2_000_000, CREDIT, "2025-03-12T10:00"));
        r.merchant = Some(m);
        let d = run(&r);
        assert_eq!(&*d.causes[0].code, "amount_over_limit");
        assert_eq!(
            d.plan_refusal.unwrap().cap,
            Some(Money::from_fen(1_000_000))
        );
    }

    #[test]
    fn an_old_qr_code_and_many_payments_are_signals() {
        let mut r = DiagnoseRequest::new(Situation::Declined);
        r.payment = Some(payment(
            1_000,
            Instrument::Qr {
                wallet: Wallet::Wechat,
                large_mode: false,
            },
            "2025-03-12T10:06",
        ));
        r.qr_created = Some(ChinaDateTime::parse("t", "2025-03-12T10:00").unwrap());
        assert_eq!(&*run(&r).causes[0].code, "qr_expired");
        let mut r = DiagnoseRequest::new(Situation::NotArrived);
        r.payment = Some(payment(1_000, CREDIT, "2025-03-12T10:05"));
        r.recent_payments = ["10:00", "10:01", "10:02", "10:03"]
            .iter()
            .map(|t| ChinaDateTime::parse("t", &format!("2025-03-12T{t}")).unwrap())
            .collect();
        let d = run(&r);
        assert_eq!(&*d.causes[0].code, "risk_control");
        assert!(d.causes[0].matched.contains(&"many_payments"));
        assert!(d.causes[0]
            .actions
            .iter()
            .any(|a| a.zh.contains("4001125883")));
    }
}
