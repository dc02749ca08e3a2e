// @generated from core/data/audit-causes.json by core/src/baked/bake.rs: do not edit.
// Regenerate with `POSFEE_BLESS=1 cargo test -p posfee-core baked`.

use crate::audit::CausesFile;
use crate::plan::Step;
use super::text;

/// The audit's causes and actions of `core/data/audit-causes.json`.
pub(crate) fn data() -> CausesFile {
    CausesFile {
        schema_version: 1,
        data_version: text("2026.12.02"),
        source: text("seed 000: 问题4 费率异常 (the causes and solutions of fee anomalies) and 异常处理流程 1 到账延迟 (the steps for a settlement that is late, missing or doubled)"),
        fee_causes: vec![
            Step {
                code: text("agent_changed_rate"),
                zh: text("代理商私自调整费率（如未通过官方渠道办理设备）"),
                en: text("An agent changed the rate privately (e.g. the device was not obtained through official channels)"),
            },
            Step {
                code: text("preferential_conditions_not_met"),
                zh: text("未达到优惠费率条件（如月交易额不足5万元）"),
                en: text("The conditions of a preferential rate are not met (e.g. monthly volume under 50,000 yuan)"),
            },
            Step {
                code: text("system_mischarge"),
                zh: text("系统误扣费（如重复结算或费率计算错误）"),
                en: text("A system mis-charge (e.g. duplicate settlement or a rate calculation error)"),
            },
        ],
        fee_actions: vec![
            Step {
                code: text("check_contract_rate"),
                zh: text("核对合同中的费率条款，确认是否为官方渠道办理"),
                en: text("Check the rate terms of the contract and whether the device came through official channels"),
            },
            Step {
                code: text("claim_refund_with_records"),
                zh: text("联系客服并提供交易记录，申请费率调整或差额补偿"),
                en: text("Contact customer service with the transaction records and ask for a rate correction or a refund of the difference"),
            },
            Step {
                code: text("ask_agent_for_fee_list"),
                zh: text("要求代理商提供详细费用清单，必要时向监管部门投诉"),
                en: text("Ask the agent for an itemised fee list and complain to the regulator if needed"),
            },
        ],
        settlement_actions: vec![
            Step {
                code: text("contact_support_with_details"),
                zh: text("联系客服查询银行处理进度，并提供流水号、交易时间和金额"),
                en: text("Call customer service to ask about the bank's progress, giving the transaction id, time and amount"),
            },
            Step {
                code: text("fund_trace"),
                zh: text("通过 APP 提交“资金追溯”申请"),
                en: text("Submit a fund-trace request in the app"),
            },
        ],
    }
}
