//! The provider (RULES §12): what a merchant checks about the company behind
//! the plan — its payment licence as the source gives it, whether the
//! source's validity date has passed on a given day, how to check it, and
//! how funds are cleared.

use crate::plan::{Licence, Plan, Step};
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// The provider's facts on a day.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let before = provider::provider_facts(&plan, day("2026-08-28"));
/// assert!(!before.licence.unwrap().date_passed);
/// let after = provider::provider_facts(&plan, day("2026-08-29"));
/// assert!(after.licence.unwrap().date_passed);
/// assert_eq!(&*after.notes[0].code, "licence_date_passed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ProviderFacts {
    /// Chinese name.
    pub name_zh: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// Customer service line.
    pub support_line: Arc<str>,
    /// The licence, when the plan gives one.
    pub licence: Option<LicenceFacts>,
    /// In order: the licence's validity as the source gives it
    /// (`licence_stated_valid` up to its date, `licence_date_passed` after
    /// it: posfee never says a licence is valid past the date its data
    /// gives), where to check it (`licence_check`), and how funds are
    /// cleared (the plan's own code).
    pub notes: Vec<Step>,
}

/// The licence as the source gives it, judged on a day.
///
/// ```
/// # use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let on = chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
/// let l = provider::provider_facts(&plan, on).licence.unwrap();
/// assert_eq!(l.valid_until.to_string(), "2026-08-28");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct LicenceFacts {
    /// The licence number.
    pub number: Arc<str>,
    /// What it covers, in Chinese.
    pub scope_zh: Arc<str>,
    /// What it covers, in English.
    pub scope_en: Arc<str>,
    /// The validity date the source gives.
    pub valid_until: NaiveDate,
    /// Whether that date has passed on the day asked.
    pub date_passed: bool,
}

/// The provider's facts on day `on` (RULES §12).
///
/// See [`ProviderFacts`] for an example.
pub fn provider_facts(plan: &Plan, on: NaiveDate) -> ProviderFacts {
    let p = &plan.data().provider;
    let mut notes = Vec::new();
    let licence = p.licence.as_ref().map(|l| {
        let passed = on > l.valid_until;
        notes.push(validity(l, passed));
        notes.push(Step {
            code: Arc::from("licence_check"),
            zh: Arc::from(format!("查询支付牌照：{}", l.check_zh)),
            en: Arc::from(format!("To check the licence: {}", l.check_en)),
        });
        LicenceFacts {
            number: l.number.clone(),
            scope_zh: l.scope_zh.clone(),
            scope_en: l.scope_en.clone(),
            valid_until: l.valid_until,
            date_passed: passed,
        }
    });
    notes.extend(p.clearing.iter().cloned());
    ProviderFacts {
        name_zh: p.name_zh.clone(),
        name_en: p.name_en.clone(),
        support_line: p.support_line.clone(),
        licence,
        notes,
    }
}

fn validity(l: &Licence, passed: bool) -> Step {
    let (number, until) = (&l.number, l.valid_until);
    if passed {
        Step {
            code: Arc::from("licence_date_passed"),
            zh: Arc::from(format!(
                "资料所载的支付业务许可证（{number}）有效期至 {until}，该日期已过；是否已续展请到中国人民银行官网查询"
            )),
            en: Arc::from(format!(
                "the source gives the payment licence ({number}) as valid until {until}, and that date has passed: check on the People's Bank of China website whether it was renewed"
            )),
        }
    } else {
        Step {
            code: Arc::from("licence_stated_valid"),
            zh: Arc::from(format!(
                "资料所载的支付业务许可证（{number}）有效期至 {until}"
            )),
            en: Arc::from(format!(
                "the source gives the payment licence ({number}) as valid until {until}"
            )),
        }
    }
}
