//! The whole package: plans and calendars loaded at run time, quotes, limits
//! and day ledgers, arrival, activation, eligibility, comparison and audit.

pub use crate::audit::Auditor;

use crate::args::{parse_merchant, parse_options, parse_payment};
use crate::convert::{data_text, optional_string, read, string_arg, to_js, JsErr, JsResult};
use posfee_core as pf;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = concat!(include_str!("answers.d.ts"), include_str!("types.d.ts"));

fn out<T: serde::Serialize>(r: pf::Result<T>) -> Result<JsValue, JsValue> {
    let v = r.map_err(JsErr::from)?;
    Ok(to_js(&v)?)
}

/// A fee plan: the embedded 优POS or reference plan, or one loaded at run time.
#[wasm_bindgen]
pub struct Plan {
    inner: pf::Plan,
}

#[wasm_bindgen]
impl Plan {
    /// The embedded 优POS plan.
    pub fn upos() -> Result<Plan, JsValue> {
        Ok(Plan {
            inner: pf::Plan::upos().map_err(JsErr::from)?,
        })
    }

    /// The embedded industry reference plan (0.60% + 3.00).
    pub fn reference() -> Result<Plan, JsValue> {
        Ok(Plan {
            inner: pf::Plan::reference().map_err(JsErr::from)?,
        })
    }

    /// Loads and validates a plan file (JSON text, or the parsed object).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    ) -> Result<Plan, JsValue> {
        let plan = pf::Plan::from_json(&data_text(&json)?);
        Ok(Plan {
            inner: plan.map_err(JsErr::from)?,
        })
    }

    /// The plan of a merchant's own contract (rates per channel, optional
    /// debit cap, fixed fee and minimum), with its limits and settlement
    /// taken from `base` (default: the embedded 优POS plan). Errors name
    /// `contract.…`.
    #[wasm_bindgen(js_name = fromContract)]
    pub fn from_contract(
        #[wasm_bindgen(unchecked_param_type = "ContractInput")] contract: JsValue,
        base: Option<Plan>,
    ) -> Result<Plan, JsValue> {
        let c = contract_input(&contract)?;
        let base = match base {
            Some(b) => b.inner,
            None => pf::Plan::upos().map_err(JsErr::from)?,
        };
        Ok(Plan {
            inner: c.to_plan(&base).map_err(JsErr::from)?,
        })
    }

    /// The plan id (`upos`, `reference`, …).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_string()
    }

    /// The plan's data version.
    #[wasm_bindgen(getter, js_name = dataVersion)]
    pub fn data_version(&self) -> String {
        self.inner.data_version().to_string()
    }

    /// The plan as JSON text (the format `Plan.fromJson` reads).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}

/// A working-day calendar: the embedded years, or years loaded at run time.
#[wasm_bindgen]
pub struct Calendar {
    inner: pf::Calendar,
}

#[wasm_bindgen]
impl Calendar {
    /// The embedded mainland calendar.
    pub fn embedded() -> Result<Calendar, JsValue> {
        Ok(Calendar {
            inner: pf::Calendar::embedded().map_err(JsErr::from)?,
        })
    }

    /// A calendar covering no year (to build one from loaded files).
    pub fn empty() -> Calendar {
        Calendar {
            inner: pf::Calendar::empty(),
        }
    }

    /// Loads a calendar file (JSON text, or the parsed object): posfee's own
    /// calendar format, or one year in the holiday-cn format (unversioned).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    ) -> Result<Calendar, JsValue> {
        let cal = pf::Calendar::from_json(&data_text(&json)?);
        Ok(Calendar {
            inner: cal.map_err(JsErr::from)?,
        })
    }

    /// Loads one year in the holiday-cn format (`{"year", "papers", "days":
    /// [{"name", "date", "isOffDay"}]}`), with the data version it carries
    /// (a newer version may replace a year already covered).
    #[wasm_bindgen(js_name = fromHolidayCn)]
    pub fn from_holiday_cn(
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
        #[wasm_bindgen(js_name = dataVersion, unchecked_optional_param_type = "string | null")]
        data_version: JsValue,
    ) -> Result<Calendar, JsValue> {
        let data_version = optional_string(&data_version, "dataVersion")?;
        let cal = pf::Calendar::from_holiday_cn(&data_text(&json)?, data_version.as_deref());
        Ok(Calendar {
            inner: cal.map_err(JsErr::from)?,
        })
    }

    /// Adds the years of another calendar; a year already covered is
    /// replaced only by a newer data version (else `calendar_year_covered`,
    /// and nothing changes).
    pub fn extend(&mut self, other: &Calendar) -> Result<(), JsValue> {
        Ok(self.inner.extend(&other.inner).map_err(JsErr::from)?)
    }

    /// The covered years, ascending.
    #[wasm_bindgen(unchecked_return_type = "number[]")]
    pub fn years(&self) -> Result<JsValue, JsValue> {
        Ok(to_js(&self.inner.years())?)
    }

    /// The last day of the unbroken coverage (`YYYY-MM-DD`).
    #[wasm_bindgen(getter, js_name = validUntil)]
    pub fn valid_until(&self) -> Option<String> {
        self.inner.valid_until().map(|d| d.to_string())
    }

    /// The covered years and their data versions.
    #[wasm_bindgen(unchecked_return_type = "YearVersion[]")]
    pub fn versions(&self) -> Result<JsValue, JsValue> {
        Ok(to_js(&self.inner.versions())?)
    }

    /// What a date is: working day, weekend, holiday or adjusted working day.
    #[wasm_bindgen(unchecked_return_type = "DayInfo")]
    pub fn day(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = string_arg(&date, "date")?;
        let d = pf::parse_date("date", &text).map_err(JsErr::from)?;
        out(self.inner.day(d))
    }
}

/// A plan and a calendar together: the way to ask questions.
#[wasm_bindgen]
pub struct Engine {
    pub(crate) inner: pf::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// The embedded 优POS plan with the embedded calendar.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Engine, JsValue> {
        Ok(Engine {
            inner: pf::Engine::builtin().map_err(JsErr::from)?,
        })
    }

    /// An engine over a plan and a calendar.
    #[wasm_bindgen(js_name = withData)]
    pub fn with_data(plan: &Plan, calendar: &Calendar) -> Engine {
        Engine {
            inner: pf::Engine::new(plan.inner.clone(), calendar.inner.clone()),
        }
    }

    /// The plan in use.
    #[wasm_bindgen(getter)]
    pub fn plan(&self) -> Plan {
        Plan {
            inner: self.inner.plan().clone(),
        }
    }

    /// The calendar in use.
    #[wasm_bindgen(getter)]
    pub fn calendar(&self) -> Calendar {
        Calendar {
            inner: self.inner.calendar().clone(),
        }
    }

    /// Replaces the plan (e.g. with one loaded at run time).
    #[wasm_bindgen(js_name = setPlan)]
    pub fn set_plan(&mut self, plan: &Plan) {
        self.inner.set_plan(plan.inner.clone());
    }

    /// Loads a plan file (JSON text or object) and uses it.
    #[wasm_bindgen(js_name = loadPlan)]
    pub fn load_plan(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    ) -> Result<(), JsValue> {
        let plan = Plan::from_json(json)?;
        self.inner.set_plan(plan.inner);
        Ok(())
    }

    /// Adds calendar years loaded at run time (`calendar_year_covered` for a
    /// year already covered).
    #[wasm_bindgen(js_name = extendCalendar)]
    pub fn extend_calendar(&mut self, calendar: &Calendar) -> Result<(), JsValue> {
        Ok(self
            .inner
            .extend_calendar(&calendar.inner)
            .map_err(JsErr::from)?)
    }

    /// Loads a calendar file (JSON text or object, posfee's format or
    /// holiday-cn) and adds its years; with `dataVersion`, the file is read
    /// as holiday-cn data of that version.
    #[wasm_bindgen(js_name = loadCalendar)]
    pub fn load_calendar(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
        #[wasm_bindgen(js_name = dataVersion, unchecked_optional_param_type = "string | null")]
        data_version: JsValue,
    ) -> Result<(), JsValue> {
        let cal = match optional_string(&data_version, "dataVersion")? {
            Some(_) => Calendar::from_holiday_cn(json, data_version)?,
            None => Calendar::from_json(json)?,
        };
        self.extend_calendar(&cal)
    }

    /// The fees of many payments in one call (a statement): amounts as
    /// decimal strings, each naming one of a few instruments.
    #[wasm_bindgen(js_name = feeBatch, unchecked_return_type = "FeeBatch")]
    pub fn fee_batch(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(unchecked_param_type = "FeeBatchInput")] batch: JsValue,
    ) -> Result<JsValue, JsValue> {
        let m = parse_merchant(&merchant)?;
        Ok(crate::batch::fee_batch(self.inner.plan(), &m, &batch)?)
    }

    /// When the money of a payment arrives.
    #[wasm_bindgen(unchecked_return_type = "Arrival")]
    pub fn arrival(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PaymentInput")] payment: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let p = parse_payment(&payment, "payment")?;
        let o = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
        out(self.inner.arrival(&p, o.provisional))
    }

    /// The accounting date of a time (日切 applied), `YYYY-MM-DD`.
    #[wasm_bindgen(js_name = accountingDate)]
    pub fn accounting_date(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] time: JsValue,
    ) -> Result<String, JsValue> {
        let d = self.inner.accounting_date(&string_arg(&time, "time")?);
        Ok(d.map_err(JsErr::from)?.to_string())
    }

    /// The frozen-funds review window after a submission date (`YYYY-MM-DD`).
    #[wasm_bindgen(js_name = frozenWindow, unchecked_return_type = "FrozenWindow")]
    pub fn frozen_window(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] submitted: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let text = string_arg(&submitted, "submitted")?;
        let o = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
        out(self.inner.frozen_window(&text, o.provisional))
    }

    /// The provider's facts on a day (`YYYY-MM-DD`): its licence as the
    /// plan's source gives it, whether that date has passed, how to check it.
    #[wasm_bindgen(unchecked_return_type = "ProviderFacts")]
    pub fn provider(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] on: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self.inner.provider(&string_arg(&on, "on")?))
    }

    /// Activation cashback progress at a cumulative volume (decimal string).
    #[wasm_bindgen(unchecked_return_type = "ActivationProgress")]
    pub fn activation(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] volume: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self.inner.activation(&string_arg(&volume, "volume")?))
    }

    /// Which of the premium rate, bulk rate and limit upgrade a merchant may
    /// apply for, and what is unmet.
    #[wasm_bindgen(unchecked_return_type = "EligibilityAnswers")]
    pub fn eligibility(
        &self,
        #[wasm_bindgen(unchecked_param_type = "EligibilityInput")] facts: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self
            .inner
            .eligibility(&read::<pf::EligibilityInput>(&facts, "")?))
    }
}

/// What a payment mix costs under plan A and under plan B.
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(js_name = planA)] plan_a: &Plan,
    #[wasm_bindgen(js_name = planB)] plan_b: &Plan,
    #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MixLineInput[]")] mix: JsValue,
) -> Result<JsValue, JsValue> {
    let m = parse_merchant(&merchant)?;
    let lines = mix_lines(&mix)?;
    out(pf::compare(&plan_a.inner, &plan_b.inner, &m, &lines))
}

fn contract_input(v: &JsValue) -> JsResult<pf::Contract> {
    Ok(read::<pf::ContractInput>(v, "contract")?.to_contract("contract")?)
}

fn mix_lines(mix: &JsValue) -> JsResult<Vec<pf::MixLine>> {
    let lines: Vec<pf::MixLineInput> = read(mix, "mix")?;
    Ok(pf::MixLineInput::to_lines(&lines, "mix")?)
}

/// What a payment mix costs under plan A and under plan B, per channel of a
/// merchant's contract (credit, debit, QR, small contactless, contactless)
/// and in total.
#[wasm_bindgen(js_name = compareByChannel, unchecked_return_type = "ChannelComparison")]
pub fn compare_by_channel(
    #[wasm_bindgen(js_name = planA)] plan_a: &Plan,
    #[wasm_bindgen(js_name = planB)] plan_b: &Plan,
    #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MixLineInput[]")] mix: JsValue,
) -> Result<JsValue, JsValue> {
    let m = parse_merchant(&merchant)?;
    let lines = mix_lines(&mix)?;
    out(pf::compare_by_channel(
        &plan_a.inner,
        &plan_b.inner,
        &m,
        &lines,
    ))
}

/// A merchant's own contract (plan a, built on `base`) against `other`
/// (plan b) over a payment mix, per channel and in total: which is cheaper
/// and by how much.
#[wasm_bindgen(js_name = compareContract, unchecked_return_type = "ChannelComparison")]
pub fn compare_contract(
    #[wasm_bindgen(unchecked_param_type = "ContractInput")] contract: JsValue,
    base: &Plan,
    other: &Plan,
    #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MixLineInput[]")] mix: JsValue,
) -> Result<JsValue, JsValue> {
    let c = contract_input(&contract)?;
    let m = parse_merchant(&merchant)?;
    let lines = mix_lines(&mix)?;
    out(pf::compare_contract(
        &c,
        &base.inner,
        &other.inner,
        &m,
        &lines,
    ))
}

/// Accepted payments by accounting date, so callers need not track the day's
/// usage themselves.
#[wasm_bindgen]
#[derive(Default)]
pub struct DayLedger {
    inner: pf::DayLedger,
}

#[wasm_bindgen]
impl DayLedger {
    /// An empty ledger.
    #[wasm_bindgen(constructor)]
    pub fn new() -> DayLedger {
        DayLedger::default()
    }

    /// Quotes a payment against the usage recorded for its accounting date,
    /// and records it when accepted.
    #[wasm_bindgen(js_name = quoteAndRecord, unchecked_return_type = "Quote")]
    pub fn quote_and_record(
        &mut self,
        engine: &Engine,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PaymentInput")] payment: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let p = parse_payment(&payment, "payment")?;
        let m = parse_merchant(&merchant)?;
        let o = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
        let e = &engine.inner;
        out(self
            .inner
            .quote_and_record(e.plan(), e.calendar(), &m, &p, o))
    }

    /// Quotes and records many payments in order, in one call (a statement);
    /// the first invalid payment throws, naming `payments[i]`.
    #[wasm_bindgen(js_name = quoteAll, unchecked_return_type = "Quote[]")]
    pub fn quote_all(
        &mut self,
        engine: &Engine,
        #[wasm_bindgen(unchecked_param_type = "MerchantInput")] merchant: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PaymentInput[]")] payments: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "QuoteOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<JsValue, JsValue> {
        let m = parse_merchant(&merchant)?;
        let o = parse_options(&options.unwrap_or(JsValue::UNDEFINED))?;
        let list = crate::convert::list(&payments, "payments")?;
        let read = |v: &pf::read::Value, at: &str| {
            pf::read::read::<pf::PaymentInput>(v, at, pf::read::Naming::Camel)?.to_payment(at)
        };
        let e = &engine.inner;
        let quotes = self
            .inner
            .quote_all(e.plan(), e.calendar(), &m, &list, "payments", read, o);
        Ok(to_js(&quotes.map_err(JsErr::from)?)?)
    }

    /// The accounting dates the ledger holds (`YYYY-MM-DD`).
    pub fn dates(&self) -> Vec<String> {
        self.inner.dates().iter().map(|d| d.to_string()).collect()
    }
}

crate::calls::engine_calls!(Engine);
