//! The engine's questions with their inputs as a caller gives them (texts
//! and input records), read and checked here: the npm, Kotlin and Swift
//! bindings translate their arguments into these and call them, so every
//! language reads each argument the same way and names it the same.

use crate::activation::{activation_progress, ActivationProgress};
use crate::batch::{fee_batch, FeeBatch};
use crate::diagnose::{diagnose, Diagnosis};
use crate::eligibility::{eligibility, EligibilityAnswers};
use crate::error::Result;
use crate::input::{DiagnoseInput, EligibilityInput};
use crate::merchant::Merchant;
use crate::money::Money;
use crate::provider::{provider_facts, ProviderFacts};
use crate::quote::Engine;
use crate::read::InstrumentInput;
use crate::settlement::{accounting_date, frozen_window, FrozenWindow};
use crate::time::{parse_date, ChinaDateTime};
use chrono::NaiveDate;

impl Engine {
    /// The accounting date of a time (日切 applied); `time` as a payment's,
    /// named `time` in errors.
    ///
    /// ```
    /// let e = posfee_core::Engine::builtin().unwrap();
    /// assert_eq!(e.accounting_date("2025-03-12T23:30").unwrap().to_string(), "2025-03-13");
    /// assert_eq!(e.accounting_date("12:00").unwrap_err().field(), "time");
    /// ```
    pub fn accounting_date(&self, time: &str) -> Result<NaiveDate> {
        accounting_date(self.plan(), ChinaDateTime::parse("time", time)?)
    }

    /// The frozen-funds review window after a submission date
    /// (`YYYY-MM-DD`, named `submitted` in errors).
    ///
    /// ```
    /// let e = posfee_core::Engine::builtin().unwrap();
    /// let w = e.frozen_window("2025-09-30", false).unwrap();
    /// assert_eq!((w.first.to_string(), w.last.to_string()), ("2025-10-09".to_string(), "2025-10-11".to_string()));
    /// ```
    pub fn frozen_window(&self, submitted: &str, provisional: bool) -> Result<FrozenWindow> {
        let d = parse_date("submitted", submitted)?;
        frozen_window(self.plan(), self.calendar(), d, provisional)
    }

    /// The provider's facts on a day (`YYYY-MM-DD`, named `on` in errors).
    ///
    /// ```
    /// let e = posfee_core::Engine::builtin().unwrap();
    /// assert!(e.provider("2025-03-12").is_ok());
    /// assert_eq!(e.provider("2025-02-30").unwrap_err().field(), "on");
    /// ```
    pub fn provider(&self, on: &str) -> Result<ProviderFacts> {
        Ok(provider_facts(self.plan(), parse_date("on", on)?))
    }

    /// Activation cashback progress at a cumulative volume (a decimal
    /// string, zero allowed, named `volume` in errors).
    ///
    /// ```
    /// let e = posfee_core::Engine::builtin().unwrap();
    /// assert!(e.activation("0").is_ok());
    /// assert_eq!(e.activation("-1").unwrap_err().reason().as_str(), "sign");
    /// ```
    pub fn activation(&self, volume: &str) -> Result<ActivationProgress> {
        activation_progress(self.plan(), Money::parse_non_negative("volume", volume)?)
    }

    /// Which of the premium rate, bulk rate and limit upgrade a merchant may
    /// apply for, and what is unmet.
    ///
    /// ```
    /// use posfee_core::{Engine, EligibilityInput};
    /// let e = Engine::builtin().unwrap();
    /// let facts = EligibilityInput { devices: -1, verification: Some("none".into()), ..Default::default() };
    /// assert_eq!(e.eligibility(&facts).unwrap_err().field(), "devices");
    /// ```
    pub fn eligibility(&self, facts: &EligibilityInput) -> Result<EligibilityAnswers> {
        eligibility(self.plan(), &facts.to_facts("")?)
    }

    /// Ranks the causes of a situation (a decline, money not arrived, …) by
    /// the facts given.
    ///
    /// ```
    /// use posfee_core::{DiagnoseInput, Engine};
    /// let e = Engine::builtin().unwrap();
    /// let input = DiagnoseInput { situation: Some("declined".into()), terminal_message: Some("二维码已失效".into()), ..Default::default() };
    /// assert_eq!(&*e.diagnose(&input).unwrap().causes[0].code, "qr_expired");
    /// ```
    pub fn diagnose(&self, input: &DiagnoseInput) -> Result<Diagnosis> {
        diagnose(self.plan(), self.calendar(), &input.to_request("")?)
    }

    /// The fees of a batch of payments: [`fee_batch`] on the engine's plan.
    ///
    /// ```
    /// use posfee_core::*;
    /// let e = Engine::builtin().unwrap();
    /// let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
    /// let qr = read::InstrumentInput { method: Some("qr".into()), wallet: Some("wechat".into()), ..Default::default() };
    /// assert_eq!(e.fee_batch(&m, "100.00", &[qr], None).unwrap().fees, "0.38");
    /// ```
    pub fn fee_batch(
        &self,
        merchant: &Merchant,
        amounts: &str,
        instruments: &[InstrumentInput],
        index: Option<&[u32]>,
    ) -> Result<FeeBatch> {
        fee_batch(self.plan(), merchant, amounts, instruments, index)
    }
}
