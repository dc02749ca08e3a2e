//! The merchant's profile: tier, verification, credit rate tier, activation
//! and wallet permissions.

use crate::payment::{named_enum, Wallet};
use serde::{Deserialize, Serialize};

named_enum! {
    /// Merchant tier (商户等级).
    ///
    /// ```
    /// assert_eq!(posfee_core::MerchantTier::from_name("premium"), Some(posfee_core::MerchantTier::Premium));
    /// ```
    MerchantTier {
        /// 新注册商户.
        New = "new",
        /// 优质商户 (monthly volume above the plan's threshold).
        Premium = "premium",
    }
}

named_enum! {
    /// How the merchant is verified (认证方式).
    ///
    /// ```
    /// assert_eq!(posfee_core::Verification::FaceOnly.as_str(), "face_only");
    /// ```
    Verification {
        /// 人脸识别 + 信用卡认证.
        FaceAndCard = "face_and_card",
        /// 仅人脸识别.
        FaceOnly = "face_only",
        /// 未认证.
        None = "none",
    }
}

named_enum! {
    /// The merchant's credit card rate tier; the plan gives each its rate.
    ///
    /// ```
    /// assert_eq!(posfee_core::CreditRate::NAMES, &["standard", "bulk", "premium"]);
    /// ```
    CreditRate {
        /// The standard rate.
        Standard = "standard",
        /// The bulk rate (many devices under an annual agreement).
        Bulk = "bulk",
        /// The premium rate (high monthly volume, on application).
        Premium = "premium",
    }
}

/// Whether a wallet is enabled for the merchant (开通权限) and real-name verified (实名认证).
///
/// ```
/// let w = posfee_core::WalletStatus { enabled: true, verified: false };
/// assert!(w.enabled && !w.verified);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WalletStatus {
    /// Permission enabled.
    pub enabled: bool,
    /// Real-name verification done.
    pub verified: bool,
}

/// The merchant's status for each wallet.
///
/// ```
/// use posfee_core::{Wallets, WalletStatus, Wallet};
/// let w = Wallets { alipay: WalletStatus { enabled: true, verified: true }, ..Wallets::default() };
/// assert!(w.get(Wallet::Alipay).enabled);
/// assert!(!w.get(Wallet::Wechat).enabled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Wallets {
    /// 支付宝.
    pub alipay: WalletStatus,
    /// 微信支付.
    pub wechat: WalletStatus,
    /// 银联.
    pub unionpay: WalletStatus,
}

impl Wallets {
    /// The status of one wallet.
    ///
    /// ```
    /// use posfee_core::{Wallets, Wallet};
    /// assert!(!Wallets::default().get(Wallet::Unionpay).verified);
    /// ```
    pub fn get(&self, wallet: Wallet) -> WalletStatus {
        match wallet {
            Wallet::Alipay => self.alipay,
            Wallet::Wechat => self.wechat,
            Wallet::Unionpay => self.unionpay,
        }
    }
}

/// A merchant profile.
///
/// ```
/// use posfee_core::{Merchant, MerchantTier, Verification, CreditRate, Wallets};
/// let m = Merchant {
///     tier: MerchantTier::New,
///     verification: Verification::FaceOnly,
///     credit_rate: CreditRate::Standard,
///     activated: true,
///     wallets: Wallets::default(),
///     large_mode_approved: false,
/// };
/// assert!(m.activated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merchant {
    /// 商户等级.
    pub tier: MerchantTier,
    /// 认证方式.
    pub verification: Verification,
    /// Credit card rate tier.
    pub credit_rate: CreditRate,
    /// The activation swipe (首刷) has been paid.
    pub activated: bool,
    /// Wallet permissions and verification.
    pub wallets: Wallets,
    /// Passed the review for Alipay large-amount mode.
    pub large_mode_approved: bool,
}
