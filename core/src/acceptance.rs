//! Acceptance (RULES §5): refusals checked before limits, in a fixed order.

use crate::merchant::Merchant;
use crate::payment::{CardKind, CardMedium, Instrument};
use crate::plan::Plan;
use serde::Serialize;

/// Why a payment is refused: acceptance codes (§5) and limit codes (§6).
///
/// ```
/// use posfee_core::RefusalCode;
/// assert_eq!(RefusalCode::DebitChipOnly.as_str(), "debit_chip_only");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum RefusalCode {
    /// Pay the activation swipe first.
    MerchantNotActivated,
    /// Debit cards must be read by chip.
    DebitChipOnly,
    /// The wallet's permission is not enabled for the merchant.
    WalletNotEnabled,
    /// The wallet's real-name verification is not done.
    WalletNotVerified,
    /// Large-amount mode needs an eligible wallet and the merchant's approval.
    LargeModeNotApproved,
    /// Above a single-transaction cap.
    SingleLimitExceeded,
    /// Above what is left of a daily cap.
    DailyLimitExceeded,
}

impl RefusalCode {
    /// The stable snake_case string.
    ///
    /// ```
    /// assert_eq!(posfee_core::RefusalCode::DailyLimitExceeded.as_str(), "daily_limit_exceeded");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RefusalCode::MerchantNotActivated => "merchant_not_activated",
            RefusalCode::DebitChipOnly => "debit_chip_only",
            RefusalCode::WalletNotEnabled => "wallet_not_enabled",
            RefusalCode::WalletNotVerified => "wallet_not_verified",
            RefusalCode::LargeModeNotApproved => "large_mode_not_approved",
            RefusalCode::SingleLimitExceeded => "single_limit_exceeded",
            RefusalCode::DailyLimitExceeded => "daily_limit_exceeded",
        }
    }
}

/// The first acceptance rule that refuses the payment, if any.
///
/// ```
/// use posfee_core::*;
/// let plan = Plan::upos().unwrap();
/// let m = Merchant { tier: MerchantTier::New, verification: Verification::None, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let swipe = Instrument::Card { kind: CardKind::Debit, medium: CardMedium::Magstripe, magstripe_verified: false };
/// assert_eq!(check_acceptance(&plan, &m, swipe), Some(RefusalCode::DebitChipOnly));
/// ```
pub fn check_acceptance(
    plan: &Plan,
    merchant: &Merchant,
    instrument: Instrument,
) -> Option<RefusalCode> {
    let acc = plan.data().acceptance.as_ref()?;
    if acc.require_activation && !merchant.activated {
        return Some(RefusalCode::MerchantNotActivated);
    }
    if acc.debit_chip_only
        && instrument.card_kind() == Some(CardKind::Debit)
        && instrument.card_medium() == Some(CardMedium::Magstripe)
    {
        return Some(RefusalCode::DebitChipOnly);
    }
    if let Instrument::Qr { wallet, large_mode } = instrument {
        if acc.wallet_permission_required.contains(&wallet) {
            let status = merchant.wallets.get(wallet);
            if !status.enabled {
                return Some(RefusalCode::WalletNotEnabled);
            }
            if !status.verified {
                return Some(RefusalCode::WalletNotVerified);
            }
        }
        if large_mode
            && (!acc.large_mode_wallets.contains(&wallet) || !merchant.large_mode_approved)
        {
            return Some(RefusalCode::LargeModeNotApproved);
        }
    }
    None
}

/// The bare words of a limit refusal, for a plan that names no cap.
pub(crate) fn refusal_text_parts(code: RefusalCode) -> (String, String) {
    match code {
        RefusalCode::SingleLimitExceeded => (
            "超过单笔限额".to_string(),
            "above the single-payment cap".to_string(),
        ),
        _ => (
            "超过今日剩余额度".to_string(),
            "above what is left of today's cap".to_string(),
        ),
    }
}

/// The refusal's message in Chinese and English, with how to fix it.
pub(crate) fn refusal_text(plan: &Plan, code: RefusalCode) -> (String, String) {
    let fee = plan
        .data()
        .activation
        .as_ref()
        .map(|a| a.fee.to_string())
        .unwrap_or_default();
    match code {
        RefusalCode::MerchantNotActivated => (
            format!("商户未激活：请在 APP 首页点击「激活设备」，用首笔刷卡支付 {fee} 元服务费完成激活"),
            format!("merchant not activated: on the app's home screen tap \"Activate device\" and pay the {fee} yuan activation fee with the first swipe"),
        ),
        RefusalCode::DebitChipOnly => (
            "储蓄卡仅支持芯片卡：请插卡（芯片）而不是刷磁条".to_string(),
            "debit cards are chip only: insert the card instead of swiping the magstripe".to_string(),
        ),
        RefusalCode::WalletNotEnabled => (
            "该钱包收款权限未开通：请在 APP「我的商户」中申请开通".to_string(),
            "the wallet is not enabled for this merchant: apply for it in the app (My merchant)".to_string(),
        ),
        RefusalCode::WalletNotVerified => (
            "该钱包未完成实名认证：请先完成支付宝/微信实名认证".to_string(),
            "the wallet's real-name verification is not done: complete it first".to_string(),
        ),
        RefusalCode::LargeModeNotApproved => (
            "大额模式不可用：大额模式仅限支付宝扫码，且商户须先通过商户资质审核".to_string(),
            "large-amount mode unavailable: it is for Alipay QR only, and the merchant must first pass the qualification review".to_string(),
        ),
        RefusalCode::SingleLimitExceeded | RefusalCode::DailyLimitExceeded => {
            refusal_text_parts(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, WalletStatus, Wallets};
    use crate::payment::Wallet;

    fn merchant(activated: bool, w: WalletStatus, approved: bool) -> Merchant {
        Merchant {
            tier: MerchantTier::New,
            verification: Verification::None,
            credit_rate: CreditRate::Standard,
            activated,
            wallets: Wallets {
                alipay: w,
                wechat: w,
                unionpay: WalletStatus::default(),
            },
            large_mode_approved: approved,
        }
    }

    #[test]
    fn checks_run_in_the_table_order() {
        let plan = Plan::upos().unwrap();
        let off = WalletStatus::default();
        let on = WalletStatus {
            enabled: true,
            verified: true,
        };
        let swipe = Instrument::Card {
            kind: CardKind::Debit,
            medium: CardMedium::Magstripe,
            magstripe_verified: false,
        };
        assert_eq!(
            check_acceptance(&plan, &merchant(false, on, true), swipe),
            Some(RefusalCode::MerchantNotActivated)
        );
        assert_eq!(
            check_acceptance(&plan, &merchant(true, on, true), swipe),
            Some(RefusalCode::DebitChipOnly)
        );
        let large_wechat = Instrument::Qr {
            wallet: Wallet::Wechat,
            large_mode: true,
        };
        assert_eq!(
            check_acceptance(&plan, &merchant(true, off, true), large_wechat),
            Some(RefusalCode::WalletNotEnabled)
        );
        let half = WalletStatus {
            enabled: true,
            verified: false,
        };
        assert_eq!(
            check_acceptance(&plan, &merchant(true, half, true), large_wechat),
            Some(RefusalCode::WalletNotVerified)
        );
        assert_eq!(
            check_acceptance(&plan, &merchant(true, on, true), large_wechat),
            Some(RefusalCode::LargeModeNotApproved)
        );
        let large_alipay = Instrument::Qr {
            wallet: Wallet::Alipay,
            large_mode: true,
        };
        assert_eq!(
            check_acceptance(&plan, &merchant(true, on, false), large_alipay),
            Some(RefusalCode::LargeModeNotApproved)
        );
        assert_eq!(
            check_acceptance(&plan, &merchant(true, on, true), large_alipay),
            None
        );
        // UnionPay QR needs no wallet permission.
        let unionpay = Instrument::Qr {
            wallet: Wallet::Unionpay,
            large_mode: false,
        };
        assert_eq!(
            check_acceptance(&plan, &merchant(true, off, false), unionpay),
            None
        );
    }

    #[test]
    fn a_plan_without_acceptance_accepts() {
        let plan = Plan::reference().unwrap();
        let swipe = Instrument::Card {
            kind: CardKind::Debit,
            medium: CardMedium::Magstripe,
            magstripe_verified: false,
        };
        assert_eq!(
            check_acceptance(
                &plan,
                &merchant(false, WalletStatus::default(), false),
                swipe
            ),
            None
        );
    }
}
