// @generated from core/data/statement-profile-generic.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::profile::ProfileData;
use std::collections::BTreeMap;
use super::text;

/// The generic statement profile of `core/data/statement-profile-generic.json`.
pub(crate) fn data() -> ProfileData {
    ProfileData {
        schema_version: 1,
        id: text("generic"),
        data_version: text("2026.12.06"),
        name_zh: text("通用中文对账单"),
        name_en: text("Generic Chinese statement"),
        source: text("posfee's own: the column names and values merchants' statements commonly use (交易时间, 交易金额, 手续费, 结算金额, 卡类型, 交易方式, 流水号 or 参考号, 结算日期), with posfee's own English names; it describes no particular provider's export format"),
        columns: BTreeMap::from([
            (String::from("amount"), vec![text("amount"), text("交易金额")]),
            (String::from("card_kind"), vec![text("card_kind"), text("卡类型")]),
            (String::from("card_medium"), vec![text("card_medium")]),
            (String::from("fee_charged"), vec![text("fee_charged"), text("手续费")]),
            (String::from("id"), vec![text("id"), text("流水号"), text("参考号")]),
            (String::from("large_mode"), vec![text("large_mode")]),
            (String::from("magstripe_verified"), vec![text("magstripe_verified")]),
            (String::from("method"), vec![text("method"), text("交易方式")]),
            (String::from("net_settled"), vec![text("net_settled"), text("结算金额")]),
            (String::from("settled_date"), vec![text("settled_date"), text("结算日期")]),
            (String::from("time"), vec![text("time"), text("交易时间")]),
            (String::from("wallet"), vec![text("wallet")]),
        ]),
        values: BTreeMap::from([
            (String::from("card_kind"), BTreeMap::from([
                (String::from("借记卡"), BTreeMap::from([(String::from("card_kind"), text("debit"))])),
                (String::from("贷记卡"), BTreeMap::from([(String::from("card_kind"), text("credit"))])),
            ])),
            (String::from("method"), BTreeMap::from([
                (String::from("云闪付"), BTreeMap::from([
                    (String::from("method"), text("qr")),
                    (String::from("wallet"), text("unionpay")),
                ])),
                (String::from("刷卡"), BTreeMap::from([(String::from("method"), text("card"))])),
                (String::from("微信"), BTreeMap::from([(String::from("method"), text("qr")), (String::from("wallet"), text("wechat"))])),
                (String::from("扫码"), BTreeMap::from([(String::from("method"), text("qr"))])),
                (String::from("挥卡"), BTreeMap::from([(String::from("method"), text("contactless"))])),
                (String::from("插卡"), BTreeMap::from([
                    (String::from("card_medium"), text("chip")),
                    (String::from("method"), text("card")),
                ])),
                (String::from("支付宝"), BTreeMap::from([(String::from("method"), text("qr")), (String::from("wallet"), text("alipay"))])),
                (String::from("闪付"), BTreeMap::from([(String::from("method"), text("contactless"))])),
            ])),
        ]),
        time_formats: vec![
            text("%Y-%m-%d %H:%M:%S"),
            text("%Y/%m/%d %H:%M:%S"),
            text("%Y-%m-%d %H:%M"),
            text("%Y/%m/%d %H:%M"),
        ],
        date_formats: vec![text("%Y/%m/%d"), text("%Y%m%d")],
        thousands_separator: Some(text(",")),
        currency_signs: vec![text("¥"), text("￥")],
        totals_labels: vec![text("合计"), text("总计")],
        header_search_rows: 20,
    }
}
