// @generated from core/data/plan-upos.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use chrono::NaiveDate;
use crate::merchant::{MerchantTier, Verification};
use crate::money::{Money, Rounding};
use crate::payment::{CardKind, CardMedium, Method, Wallet};
use crate::plan::{Acceptance, Activation, Advice, AdviceStep, AmountRange, BulkRateRule, Condition, CreditRates, DailyLimit, Eligibility, FeeRule, FrozenReview, Instead, Licence, LimitUpgradeRule, Limits, Milestone, Percent, PlanData, PremiumRateRule, Provider, RealtimeMode, Settlement, SettlementRule, SingleLimit, Step, Window};
use crate::time::ClockTime;
use rust_decimal::Decimal;
use std::sync::Arc;
use super::text;

/// The plan of `core/data/plan-upos.json`, validated.
pub(crate) fn data() -> PlanData {
    PlanData {
        schema_version: 1,
        plan_id: text("upos"),
        data_version: text("2026.12.02"),
        name_zh: text("联动优势 优POS"),
        name_en: text("UMPay uPOS"),
        source: Some(text("优POS product sheet of 联动优势 (seed 000), read as in RULES.md §1–§9 and §12")),
        provider: Provider {
            name_zh: text("联动优势电子商务有限公司"),
            name_en: text("UMPay (Liandong Youshi) E-commerce Co., Ltd."),
            support_line: text("4001125883"),
            licence: Some(Licence {
                number: text("Z2003911000010"),
                scope_zh: text("全国范围的互联网支付、移动电话支付、银行卡收单业务（中国人民银行颁发的支付业务许可证）"),
                scope_en: text("internet payment, mobile phone payment and bank card acquiring, nationwide (a payment business licence issued by the People's Bank of China)"),
                valid_until: NaiveDate::from_yo_opt(2026, 240).unwrap_or_default(),
                check_zh: text("中国人民银行官网（http://www.pbc.gov.cn）“政务公开目录”-“行政审批公示”-“已获许可机构名单”"),
                check_en: text("the People's Bank of China website (http://www.pbc.gov.cn): Government Information Disclosure, then Administrative Approvals, then the list of licensed institutions"),
            }),
            clearing: Some(Step {
                code: text("cleared_by_unionpay"),
                zh: text("资金清算由银联直接处理，没有“二清”风险"),
                en: text("funds are cleared by UnionPay directly, so there is no second-tier clearing risk"),
            }),
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
                    advice: Some(text("credit_highest")),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition { rules: Some(vec![String::from("F2")]), rule_mask: 0x2, ..Default::default() },
                    cap: Money::from_fen(100000),
                    advice: Some(text("small_contactless_highest")),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition {
                        rules: Some(vec![String::from("F1")]),
                        wallets: Some(vec![Wallet::Alipay]),
                        large_mode: Some(false),
                        large_mode_approved: Some(false),
                        rule_mask: 0x1,
                        ..Default::default()
                    },
                    cap: Money::from_fen(100000),
                    advice: Some(text("alipay_large_mode")),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition {
                        rules: Some(vec![String::from("F1")]),
                        wallets: Some(vec![Wallet::Alipay]),
                        large_mode: Some(false),
                        large_mode_approved: Some(true),
                        rule_mask: 0x1,
                        ..Default::default()
                    },
                    cap: Money::from_fen(100000),
                    advice: Some(text("alipay_large_mode_approved")),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition {
                        rules: Some(vec![String::from("F1")]),
                        wallets: Some(vec![Wallet::Wechat, Wallet::Unionpay]),
                        large_mode: Some(false),
                        rule_mask: 0x1,
                        ..Default::default()
                    },
                    cap: Money::from_fen(100000),
                    advice: Some(text("qr_no_large_mode")),
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
                    advice: Some(text("large_mode_highest")),
                },
                SingleLimit {
                    dimension: text("channel"),
                    when: Condition { rules: Some(vec![String::from("F3")]), rule_mask: 0x4, ..Default::default() },
                    cap: Money::from_fen(1000000),
                    advice: Some(text("debit_highest")),
                },
                SingleLimit {
                    dimension: text("merchant_tier"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        merchant_tiers: Some(vec![MerchantTier::New]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(1000000),
                    advice: Some(text("raise_tier")),
                },
                SingleLimit {
                    dimension: text("merchant_tier"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        merchant_tiers: Some(vec![MerchantTier::Premium]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(5000000),
                    advice: Some(text("single_highest")),
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
                    advice: Some(text("single_highest")),
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
                    advice: Some(text("magstripe_unverified")),
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
                    advice: Some(text("single_highest")),
                },
                SingleLimit {
                    dimension: text("verification"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        verifications: Some(vec![Verification::FaceOnly]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(3000000),
                    advice: Some(text("raise_verification")),
                },
                SingleLimit {
                    dimension: text("verification"),
                    when: Condition {
                        methods: Some(vec![Method::Card, Method::Contactless]),
                        verifications: Some(vec![Verification::None]),
                        ..Default::default()
                    },
                    cap: Money::from_fen(1000000),
                    advice: Some(text("raise_verification")),
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
                    advice: Some(text("daily_highest")),
                },
                DailyLimit {
                    bucket: text("small_contactless"),
                    class: None,
                    when: Condition { rules: Some(vec![String::from("F2")]), rule_mask: 0x2, ..Default::default() },
                    cap: Some(Money::from_fen(1000000)),
                    count_cap: None,
                    advice: Some(text("daily_small_contactless_highest")),
                },
                DailyLimit {
                    bucket: text("qr"),
                    class: None,
                    when: Condition { rules: Some(vec![String::from("F1")]), rule_mask: 0x1, ..Default::default() },
                    cap: Some(Money::from_fen(30000000)),
                    count_cap: None,
                    advice: Some(text("daily_qr_highest")),
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
                    advice: Some(text("daily_large_count")),
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
                    advice: Some(text("raise_tier")),
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
                    advice: Some(text("daily_highest")),
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
                    advice: Some(text("magstripe_unverified")),
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
                    advice: Some(text("daily_highest")),
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
                    advice: Some(text("daily_highest")),
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
                    advice: Some(text("raise_verification")),
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
                    advice: Some(text("raise_verification")),
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
            advice: vec![
                Advice {
                    id: text("raise_tier"),
                    raisable: true,
                    zh: text("可按以下步骤提升额度"),
                    en: text("the cap can be raised with these steps"),
                    steps: vec![
                        text("real_name_certification"),
                        text("bind_legal_person_card"),
                        text("sustained_volume"),
                    ],
                    resolved: Arc::from([
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
                    alternatives: false,
                },
                Advice {
                    id: text("raise_verification"),
                    raisable: true,
                    zh: text("完成人脸识别和信用卡认证可提升额度"),
                    en: text("face recognition and credit card verification raise this cap"),
                    steps: vec![
                        text("bind_legal_person_card"),
                        text("real_name_certification"),
                        text("sustained_volume"),
                    ],
                    resolved: Arc::from([
                        Step {
                            code: text("bind_legal_person_card"),
                            zh: text("绑定法人本人信用卡并完成人脸识别"),
                            en: text("Bind the legal person's own credit card and pass face recognition"),
                        },
                        Step {
                            code: text("real_name_certification"),
                            zh: text("完成商户实名认证：上传营业执照、法人身份证、经营场所照片"),
                            en: text("Complete merchant real-name certification: upload the business license, the legal person's ID card and photos of the premises"),
                        },
                        Step {
                            code: text("sustained_volume"),
                            zh: text("保持连续 3 个月月交易额超过 5 万元，且无风控记录"),
                            en: text("Keep monthly volume above 50,000 yuan for 3 consecutive months with no risk-control record"),
                        },
                    ]),
                    alternatives: false,
                },
                Advice {
                    id: text("magstripe_unverified"),
                    raisable: true,
                    zh: text("磁条信用卡认证后可提升额度，也可改用芯片卡"),
                    en: text("verifying the magstripe card raises this cap, or use a chip card"),
                    steps: vec![text("verify_magstripe_card"), text("use_chip_card")],
                    resolved: Arc::from([
                        Step {
                            code: text("verify_magstripe_card"),
                            zh: text("完成磁条信用卡认证：认证后的磁条信用卡与芯片信用卡额度相同"),
                            en: text("Have the magstripe credit card verified: a verified magstripe card has the caps of a chip card"),
                        },
                        Step {
                            code: text("use_chip_card"),
                            zh: text("请顾客改用芯片信用卡插卡支付"),
                            en: text("Ask the customer to insert a chip credit card instead"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("alipay_large_mode"),
                    raisable: true,
                    zh: text("支付宝扫码可申请大额模式（需通过商户资质审核）"),
                    en: text("Alipay QR has a large-amount mode, after the merchant qualification review"),
                    steps: vec![text("apply_alipay_large_mode"), text("pay_by_card_instead")],
                    resolved: Arc::from([
                        Step {
                            code: text("apply_alipay_large_mode"),
                            zh: text("申请支付宝大额模式：通过商户资质审核后，支付宝扫码可收更大金额"),
                            en: text("Apply for Alipay large-amount mode: after the merchant qualification review, Alipay QR payments can take larger amounts"),
                        },
                        Step {
                            code: text("pay_by_card_instead"),
                            zh: text("请顾客改用银行卡刷卡或云闪付支付"),
                            en: text("Ask the customer to pay by card or UnionPay QuickPass instead"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("alipay_large_mode_approved"),
                    raisable: true,
                    zh: text("商户已通过审核，可改用支付宝大额模式"),
                    en: text("the merchant has passed the review and may use Alipay large-amount mode"),
                    steps: vec![text("use_alipay_large_mode"), text("pay_by_card_instead")],
                    resolved: Arc::from([
                        Step {
                            code: text("use_alipay_large_mode"),
                            zh: text("本笔改用支付宝大额模式收款"),
                            en: text("Take this payment in Alipay large-amount mode"),
                        },
                        Step {
                            code: text("pay_by_card_instead"),
                            zh: text("请顾客改用银行卡刷卡或云闪付支付"),
                            en: text("Ask the customer to pay by card or UnionPay QuickPass instead"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("qr_no_large_mode"),
                    raisable: false,
                    zh: text("微信和银联扫码没有大额模式，此限额无法提升"),
                    en: text("WeChat and UnionPay QR have no large-amount mode: this cap cannot be raised"),
                    steps: vec![text("pay_by_card_instead")],
                    resolved: Arc::from([
                        Step {
                            code: text("pay_by_card_instead"),
                            zh: text("请顾客改用银行卡刷卡或云闪付支付"),
                            en: text("Ask the customer to pay by card or UnionPay QuickPass instead"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("large_mode_highest"),
                    raisable: false,
                    zh: text("已是支付宝大额模式的最高单笔限额，无法提升"),
                    en: text("this is the highest single cap of Alipay large-amount mode and cannot be raised"),
                    steps: Vec::new(),
                    resolved: Arc::from([]),
                    alternatives: false,
                },
                Advice {
                    id: text("credit_highest"),
                    raisable: false,
                    zh: text("已是信用卡的最高单笔限额，无法提升"),
                    en: text("this is the highest single cap for credit cards and cannot be raised"),
                    steps: Vec::new(),
                    resolved: Arc::from([]),
                    alternatives: false,
                },
                Advice {
                    id: text("debit_highest"),
                    raisable: false,
                    zh: text("已是储蓄卡的最高单笔限额，无法提升"),
                    en: text("this is the highest single cap for debit cards and cannot be raised"),
                    steps: vec![text("pay_by_credit_card")],
                    resolved: Arc::from([
                        Step {
                            code: text("pay_by_credit_card"),
                            zh: text("请顾客改用信用卡插卡支付"),
                            en: text("Ask the customer to pay with a credit card, inserted"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("small_contactless_highest"),
                    raisable: false,
                    zh: text("已是小额免密的最高单笔限额，无法提升"),
                    en: text("this is the highest single cap of small contactless payments and cannot be raised"),
                    steps: vec![text("insert_card")],
                    resolved: Arc::from([
                        Step {
                            code: text("insert_card"),
                            zh: text("请顾客插卡支付，不用小额免密"),
                            en: text("Ask the customer to insert the card rather than tap it"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("single_highest"),
                    raisable: false,
                    zh: text("已是本方案的最高单笔限额，无法提升"),
                    en: text("this is the plan's highest single cap and cannot be raised"),
                    steps: Vec::new(),
                    resolved: Arc::from([]),
                    alternatives: false,
                },
                Advice {
                    id: text("daily_highest"),
                    raisable: false,
                    zh: text("已是本方案的最高单日限额，无法提升"),
                    en: text("this is the plan's highest daily cap and cannot be raised"),
                    steps: vec![text("wait_next_accounting_day")],
                    resolved: Arc::from([
                        Step {
                            code: text("wait_next_accounting_day"),
                            zh: text("单日限额按记账日计算，下一个记账日额度恢复"),
                            en: text("Daily caps count by accounting date and start again on the next accounting day"),
                        },
                    ]),
                    alternatives: false,
                },
                Advice {
                    id: text("daily_small_contactless_highest"),
                    raisable: false,
                    zh: text("已是小额免密的最高单日限额，无法提升"),
                    en: text("this is the highest daily cap of small contactless payments and cannot be raised"),
                    steps: vec![text("wait_next_accounting_day"), text("insert_card")],
                    resolved: Arc::from([
                        Step {
                            code: text("wait_next_accounting_day"),
                            zh: text("单日限额按记账日计算，下一个记账日额度恢复"),
                            en: text("Daily caps count by accounting date and start again on the next accounting day"),
                        },
                        Step {
                            code: text("insert_card"),
                            zh: text("请顾客插卡支付，不用小额免密"),
                            en: text("Ask the customer to insert the card rather than tap it"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("daily_qr_highest"),
                    raisable: false,
                    zh: text("已是扫码支付的最高单日限额，无法提升"),
                    en: text("this is the highest daily cap of QR payments and cannot be raised"),
                    steps: vec![text("wait_next_accounting_day"), text("pay_by_card_instead")],
                    resolved: Arc::from([
                        Step {
                            code: text("wait_next_accounting_day"),
                            zh: text("单日限额按记账日计算，下一个记账日额度恢复"),
                            en: text("Daily caps count by accounting date and start again on the next accounting day"),
                        },
                        Step {
                            code: text("pay_by_card_instead"),
                            zh: text("请顾客改用银行卡刷卡或云闪付支付"),
                            en: text("Ask the customer to pay by card or UnionPay QuickPass instead"),
                        },
                    ]),
                    alternatives: true,
                },
                Advice {
                    id: text("daily_large_count"),
                    raisable: false,
                    zh: text("今日支付宝大额模式的笔数已用完，无法提升"),
                    en: text("today's Alipay large-amount payments are used up; this cannot be raised"),
                    steps: vec![text("wait_next_accounting_day"), text("pay_by_card_instead")],
                    resolved: Arc::from([
                        Step {
                            code: text("wait_next_accounting_day"),
                            zh: text("单日限额按记账日计算，下一个记账日额度恢复"),
                            en: text("Daily caps count by accounting date and start again on the next accounting day"),
                        },
                        Step {
                            code: text("pay_by_card_instead"),
                            zh: text("请顾客改用银行卡刷卡或云闪付支付"),
                            en: text("Ask the customer to pay by card or UnionPay QuickPass instead"),
                        },
                    ]),
                    alternatives: true,
                },
            ],
            advice_steps: vec![
                AdviceStep {
                    code: text("verify_magstripe_card"),
                    zh: text("完成磁条信用卡认证：认证后的磁条信用卡与芯片信用卡额度相同"),
                    en: text("Have the magstripe credit card verified: a verified magstripe card has the caps of a chip card"),
                    instead: None,
                },
                AdviceStep {
                    code: text("use_chip_card"),
                    zh: text("请顾客改用芯片信用卡插卡支付"),
                    en: text("Ask the customer to insert a chip credit card instead"),
                    instead: Some(Instead { method: Method::Card, card_kind: None, card_medium: Some(CardMedium::Chip) }),
                },
                AdviceStep {
                    code: text("apply_alipay_large_mode"),
                    zh: text("申请支付宝大额模式：通过商户资质审核后，支付宝扫码可收更大金额"),
                    en: text("Apply for Alipay large-amount mode: after the merchant qualification review, Alipay QR payments can take larger amounts"),
                    instead: None,
                },
                AdviceStep {
                    code: text("use_alipay_large_mode"),
                    zh: text("本笔改用支付宝大额模式收款"),
                    en: text("Take this payment in Alipay large-amount mode"),
                    instead: None,
                },
                AdviceStep {
                    code: text("pay_by_card_instead"),
                    zh: text("请顾客改用银行卡刷卡或云闪付支付"),
                    en: text("Ask the customer to pay by card or UnionPay QuickPass instead"),
                    instead: Some(Instead {
                        method: Method::Card,
                        card_kind: Some(CardKind::Credit),
                        card_medium: Some(CardMedium::Chip),
                    }),
                },
                AdviceStep {
                    code: text("pay_by_credit_card"),
                    zh: text("请顾客改用信用卡插卡支付"),
                    en: text("Ask the customer to pay with a credit card, inserted"),
                    instead: Some(Instead {
                        method: Method::Card,
                        card_kind: Some(CardKind::Credit),
                        card_medium: Some(CardMedium::Chip),
                    }),
                },
                AdviceStep {
                    code: text("insert_card"),
                    zh: text("请顾客插卡支付，不用小额免密"),
                    en: text("Ask the customer to insert the card rather than tap it"),
                    instead: Some(Instead { method: Method::Card, card_kind: None, card_medium: Some(CardMedium::Chip) }),
                },
                AdviceStep {
                    code: text("wait_next_accounting_day"),
                    zh: text("单日限额按记账日计算，下一个记账日额度恢复"),
                    en: text("Daily caps count by accounting date and start again on the next accounting day"),
                    instead: None,
                },
            ],
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
