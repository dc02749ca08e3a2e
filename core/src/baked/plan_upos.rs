// @generated from core/data/plan-upos.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::merchant::{MerchantTier, Verification};
use crate::money::{Money, Rounding};
use crate::payment::{CardKind, CardMedium, Method, Wallet};
use crate::plan::{Acceptance, Activation, AmountRange, BulkRateRule, Condition, CreditRates, DailyLimit, Eligibility, FeeRule, FrozenReview, LimitUpgradeRule, Limits, Milestone, Percent, PlanData, PremiumRateRule, Provider, RealtimeMode, Settlement, SettlementRule, SingleLimit, Step, Window};
use crate::time::ClockTime;
use rust_decimal::Decimal;
use std::sync::Arc;
use super::text;

/// The plan of `core/data/plan-upos.json`, validated.
pub(crate) fn data() -> PlanData {
    PlanData {
        schema_version: 1,
        plan_id: text("upos"),
        data_version: text("2025.10.1"),
        name_zh: text("联动优势 优POS"),
        name_en: text("UMPay uPOS"),
        source: Some(text("优POS product sheet of 联动优势 (seed 000), read as in RULES.md §1–§9")),
        provider: Provider {
            name_zh: text("联动优势电子商务有限公司"),
            name_en: text("UMPay (Liandong Youshi) E-commerce Co., Ltd."),
            support_line: text("4001125883"),
        },
        rounding: Rounding::HalfUp,
        credit_rates: Some(CreditRates {
            standard: Percent::from_decimal(Decimal::from_parts(55, 0, 0, false, 2)),
            bulk: Percent::from_decimal(Decimal::from_parts(53, 0, 0, false, 2)),
            premium: Percent::from_decimal(Decimal::from_parts(52, 0, 0, false, 2)),
        }),
        fee_rules: vec![
            FeeRule {
                id: text("F1"),
                name_zh: text("扫码支付"),
                name_en: text("QR payment"),
                when: Condition { methods: Some(vec![Method::Qr]), ..Default::default() },
                rate_percent: Some(Percent::from_decimal(Decimal::from_parts(38, 0, 0, false, 2))),
                use_credit_rate: false,
                cap: None,
                minimum: None,
                fixed: None,
            },
            FeeRule {
                id: text("F2"),
                name_zh: text("小额免密"),
                name_en: text("Small contactless (no PIN)"),
                when: Condition {
                    methods: Some(vec![Method::Contactless]),
                    amount: Some(AmountRange { max: Some(Money::from_fen(100000)), ..Default::default() }),
                    ..Default::default()
                },
                rate_percent: Some(Percent::from_decimal(Decimal::from_parts(38, 0, 0, false, 2))),
                use_credit_rate: false,
                cap: None,
                minimum: None,
                fixed: None,
            },
            FeeRule {
                id: text("F3"),
                name_zh: text("储蓄卡"),
                name_en: text("Debit card"),
                when: Condition { card_kinds: Some(vec![CardKind::Debit]), ..Default::default() },
                rate_percent: Some(Percent::from_decimal(Decimal::from_parts(50, 0, 0, false, 2))),
                use_credit_rate: false,
                cap: Some(Money::from_fen(2500)),
                minimum: None,
                fixed: None,
            },
            FeeRule {
                id: text("F4"),
                name_zh: text("闪付/云闪付"),
                name_en: text("Contactless credit (QuickPass)"),
                when: Condition {
                    methods: Some(vec![Method::Contactless]),
                    card_kinds: Some(vec![CardKind::Credit]),
                    amount: Some(AmountRange { above: Some(Money::from_fen(100000)), ..Default::default() }),
                    ..Default::default()
                },
                rate_percent: Some(Percent::from_decimal(Decimal::from_parts(38, 0, 0, false, 2))),
                use_credit_rate: false,
                cap: None,
                minimum: None,
                fixed: None,
            },
            FeeRule {
                id: text("F5"),
                name_zh: text("信用卡刷卡"),
                name_en: text("Credit card swipe/insert"),
                when: Condition {
                    methods: Some(vec![Method::Card]),
                    card_kinds: Some(vec![CardKind::Credit]),
                    ..Default::default()
                },
                rate_percent: None,
                use_credit_rate: true,
                cap: None,
                minimum: None,
                fixed: None,
            },
        ],
        acceptance: Some(Acceptance {
            require_activation: true,
            debit_chip_only: true,
            wallet_permission_required: vec![Wallet::Alipay, Wallet::Wechat],
            large_mode_wallets: vec![Wallet::Alipay],
        }),
        limits: Some(Limits {
            single: vec![
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition {
                        rules: Some(vec![String::from("F5"), String::from("F4")]),
                        rule_mask: 0x18,
                        ..Default::default()
                    },
                    cap: Money::from_fen(5000000),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition { rules: Some(vec![String::from("F2")]), rule_mask: 0x2, ..Default::default() },
                    cap: Money::from_fen(100000),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition {
                        rules: Some(vec![String::from("F1")]),
                        large_mode: Some(false),
                        rule_mask: 0x1,
                        ..Default::default()
                    },
                    cap: Money::from_fen(100000),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition {
                        rules: Some(vec![String::from("F1")]),
                        large_mode: Some(true),
                        rule_mask: 0x1,
                        ..Default::default()
                    },
                    cap: Money::from_fen(10000000),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition { rules: Some(vec![String::from("F3")]), rule_mask: 0x4, ..Default::default() },
                    cap: Money::from_fen(1000000),
                },
                SingleLimit {
                    dimension: text("merchant_tier"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        merchant_tiers: Some(vec![MerchantTier::New]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(1000000),
                },
                SingleLimit {
                    dimension: text("merchant_tier"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        merchant_tiers: Some(vec![MerchantTier::Premium]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(5000000),
                },
                SingleLimit {
                    dimension: text("card_medium"),
                    when: Condition {
                        methods: Some(vec![Method::Card]),
                        card_kinds: Some(vec![CardKind::Credit]),
                        card_media: Some(vec![CardMedium::Chip]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(5000000),
                },
                SingleLimit {
                    dimension: text("card_medium"),
                    when: Condition {
                        methods: Some(vec![Method::Card]),
                        card_kinds: Some(vec![CardKind::Credit]),
                        card_media: Some(vec![CardMedium::Magstripe]),
                        magstripe_verified: Some(false),
                        ..Default::default()
                    },
                    cap: Money::from_fen(1000000),
                },
                SingleLimit {
                    dimension: text("card_medium"),
                    when: Condition {
                        methods: Some(vec![Method::Card]),
                        card_kinds: Some(vec![CardKind::Credit]),
                        card_media: Some(vec![CardMedium::Magstripe]),
                        magstripe_verified: Some(true),
                        ..Default::default()
                    },
                    cap: Money::from_fen(5000000),
                },
                SingleLimit {
                    dimension: text("verification"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        verifications: Some(vec![Verification::FaceOnly]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(3000000),
                },
                SingleLimit {
                    dimension: text("verification"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        verifications: Some(vec![Verification::None]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(1000000),
                },
            ],
            daily: vec![
                DailyLimit {
                    bucket: text("credit"),
                    class: None,
                    when: Condition {
                        rules: Some(vec![String::from("F5"), String::from("F4")]),
                        rule_mask: 0x18,
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(30000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("small_contactless"),
                    class: None,
                    when: Condition { rules: Some(vec![String::from("F2")]), rule_mask: 0x2, ..Default::default() },
                    cap: Some(Money::from_fen(1000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("qr"),
                    class: None,
                    when: Condition { rules: Some(vec![String::from("F1")]), rule_mask: 0x1, ..Default::default() },
                    cap: Some(Money::from_fen(30000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("qr_large_count"),
                    class: None,
                    when: Condition {
                        rules: Some(vec![String::from("F1")]),
                        large_mode: Some(true),
                        amount: Some(AmountRange { above: Some(Money::from_fen(100000)), ..Default::default() }),
                        rule_mask: 0x1,
                        ..Default::default()
                    },
                    cap: None,
                    count_cap: Some(3),
                },
                DailyLimit {
                    bucket: text("merchant_tier"),
                    class: None,
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        merchant_tiers: Some(vec![MerchantTier::New]),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(5000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("merchant_tier"),
                    class: None,
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        merchant_tiers: Some(vec![MerchantTier::Premium]),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(30000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("card_medium"),
                    class: Some(text("magstripe_unverified")),
                    when: Condition {
                        methods: Some(vec![Method::Card]),
                        card_kinds: Some(vec![CardKind::Credit]),
                        card_media: Some(vec![CardMedium::Magstripe]),
                        magstripe_verified: Some(false),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(10000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("card_medium"),
                    class: Some(text("chip_or_verified")),
                    when: Condition {
                        methods: Some(vec![Method::Card]),
                        card_kinds: Some(vec![CardKind::Credit]),
                        card_media: Some(vec![CardMedium::Chip]),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(30000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("card_medium"),
                    class: Some(text("chip_or_verified")),
                    when: Condition {
                        methods: Some(vec![Method::Card]),
                        card_kinds: Some(vec![CardKind::Credit]),
                        card_media: Some(vec![CardMedium::Magstripe]),
                        magstripe_verified: Some(true),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(30000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("verification"),
                    class: None,
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        verifications: Some(vec![Verification::FaceOnly]),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(15000000)),
                    count_cap: None,
                },
                DailyLimit {
                    bucket: text("verification"),
                    class: None,
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        verifications: Some(vec![Verification::None]),
                        ..Default::default()
                    },
                    cap: Some(Money::from_fen(5000000)),
                    count_cap: None,
                },
            ],
            raise_steps: Arc::from([
                Step {
                    code: text("real_name_certification"),
                    zh: text("完成商户实名认证：上传营业执照、法人身份证、经营场所照片"),
                    en: text("Complete merchant real-name certification: upload the business license, the legal person's ID card and photos of the premises"),
                },
                Step {
                    code: text("bind_legal_person_card"),
                    zh: text("绑定法人本人信用卡并完成人脸识别"),
                    en: text("Bind the legal person's own credit card and pass face recognition"),
                },
                Step {
                    code: text("sustained_volume"),
                    zh: text("保持连续 3 个月月交易额超过 5 万元，且无风控记录"),
                    en: text("Keep monthly volume above 50,000 yuan for 3 consecutive months with no risk-control record"),
                },
            ]),
        }),
        settlement: Some(Settlement {
            day_cutoff: ClockTime::from_hm(23, 0),
            rules: vec![
                SettlementRule {
                    id: text("debit_t1"),
                    when: Condition { card_kinds: Some(vec![CardKind::Debit]), ..Default::default() },
                    realtime: RealtimeMode::Never,
                    window: None,
                    working_days_after: 1,
                },
                SettlementRule {
                    id: text("qr_t0"),
                    when: Condition { methods: Some(vec![Method::Qr]), ..Default::default() },
                    realtime: RealtimeMode::Always,
                    window: None,
                    working_days_after: 1,
                },
                SettlementRule {
                    id: text("credit_t0_window"),
                    when: Condition { card_kinds: Some(vec![CardKind::Credit]), ..Default::default() },
                    realtime: RealtimeMode::Window,
                    window: Some(Window { from: ClockTime::from_hm(7, 0), until: ClockTime::from_hm(22, 0) }),
                    working_days_after: 1,
                },
            ],
            frozen_review: FrozenReview { first_working_day: 1, last_working_day: 3 },
        }),
        activation: Some(Activation {
            fee: Money::from_fen(29900),
            milestones: vec![
                Milestone { volume: Money::from_fen(500000), cashback: Money::from_fen(15000) },
                Milestone { volume: Money::from_fen(1000000), cashback: Money::from_fen(5000) },
            ],
        }),
        eligibility: Some(Eligibility {
            premium_rate: PremiumRateRule {
                monthly_volume_above: Money::from_fen(10000000),
                steps: Arc::from([
                    Step {
                        code: text("apply_premium_rate"),
                        zh: text("提交优质商户费率申请，附营业执照及交易流水证明"),
                        en: text("Apply for the premium rate with the business license and transaction statements"),
                    },
                ]),
            },
            bulk_rate: BulkRateRule {
                min_devices: 100,
                annual_agreement: true,
                steps: Arc::from([
                    Step {
                        code: text("sign_annual_agreement"),
                        zh: text("批量采购 100 台起并签订年度合作协议"),
                        en: text("Buy at least 100 devices and sign an annual cooperation agreement"),
                    },
                ]),
            },
            limit_upgrade: LimitUpgradeRule {
                monthly_volume_above: Money::from_fen(5000000),
                consecutive_months: 3,
                verifications: vec![Verification::FaceAndCard],
            },
        }),
    }
}
