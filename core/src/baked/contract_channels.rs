// @generated from core/data/contract-channels.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::contract::{ChannelDef, ContractChannel, ContractChannels};
use crate::money::Money;
use crate::payment::{CardKind, Method};
use crate::plan::{AmountRange, Condition};
use super::text;

/// The contract channel table of `core/data/contract-channels.json`, checked.
pub(crate) fn data() -> ContractChannels {
    ContractChannels {
        schema_version: 1,
        data_version: text("2025.10.1"),
        source: text("The channels of the 优POS fee rules F1–F5 (RULES.md §4), in the same order and with the same conditions, so that a payment falls into the same channel under a merchant's own contract and under 优POS"),
        default_name_zh: text("我的合同"),
        default_name_en: text("My contract"),
        channels: vec![
            ChannelDef {
                id: ContractChannel::Qr,
                name_zh: text("扫码"),
                name_en: text("QR payment"),
                when: Condition { methods: Some(vec![Method::Qr]), ..Default::default() },
            },
            ChannelDef {
                id: ContractChannel::SmallContactless,
                name_zh: text("小额双免（1000 元及以下）"),
                name_en: text("Small contactless (up to 1,000)"),
                when: Condition {
                    methods: Some(vec![Method::Contactless]),
                    amount: Some(AmountRange { max: Some(Money::from_fen(100000)), ..Default::default() }),
                    ..Default::default()
                },
            },
            ChannelDef {
                id: ContractChannel::Debit,
                name_zh: text("借记卡"),
                name_en: text("Debit card"),
                when: Condition { card_kinds: Some(vec![CardKind::Debit]), ..Default::default() },
            },
            ChannelDef {
                id: ContractChannel::Contactless,
                name_zh: text("闪付（1000 元以上信用卡）"),
                name_en: text("Contactless credit above 1,000"),
                when: Condition {
                    methods: Some(vec![Method::Contactless]),
                    card_kinds: Some(vec![CardKind::Credit]),
                    amount: Some(AmountRange { above: Some(Money::from_fen(100000)), ..Default::default() }),
                    ..Default::default()
                },
            },
            ChannelDef {
                id: ContractChannel::Credit,
                name_zh: text("信用卡刷卡"),
                name_en: text("Credit card swipe/insert"),
                when: Condition {
                    methods: Some(vec![Method::Card]),
                    card_kinds: Some(vec![CardKind::Credit]),
                    ..Default::default()
                },
            },
        ],
    }
}
