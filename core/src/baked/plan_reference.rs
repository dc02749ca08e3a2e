// @generated from core/data/plan-reference.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::money::{Money, Rounding};
use crate::plan::{Condition, FeeRule, Percent, PlanData, Provider};
use rust_decimal::Decimal;
use super::text;

/// The plan of `core/data/plan-reference.json`, validated.
pub(crate) fn data() -> PlanData {
    PlanData {
        schema_version: 1,
        plan_id: text("reference"),
        data_version: text("2025.10.1"),
        name_zh: text("行业常规费率"),
        name_en: text("Industry conventional rate"),
        source: Some(text("常规费率 0.6%+3元/笔 quoted by seed 000 as the industry average; fees only")),
        provider: Provider {
            name_zh: text("行业参考"),
            name_en: text("Industry reference"),
            support_line: text(""),
            licence: None,
            clearing: None,
        },
        rounding: Rounding::HalfUp,
        credit_rates: None,
        fee_rules: vec![
            FeeRule {
                id: text("R1"),
                name_zh: text("常规费率"),
                name_en: text("Conventional rate"),
                when: Condition::default(),
                rate_percent: Some(Percent::from_decimal(Decimal::from_parts(60, 0, 0, false, 2))),
                use_credit_rate: false,
                cap: None,
                minimum: None,
                fixed: Some(Money::from_fen(300)),
            },
        ],
        acceptance: None,
        limits: None,
        settlement: None,
        activation: None,
        eligibility: None,
    }
}
