//! The merchant the audit tests, the statement tests and the benchmarks
//! share: premium, face and card verified, standard credit rate, activated,
//! every wallet enabled and verified, large-amount mode approved.

use posfee_core::{CreditRate, Merchant, MerchantTier, Verification, WalletStatus, Wallets};

/// That merchant.
pub fn merchant() -> Merchant {
    let ok = WalletStatus {
        enabled: true,
        verified: true,
    };
    Merchant {
        tier: MerchantTier::Premium,
        verification: Verification::FaceAndCard,
        credit_rate: CreditRate::Standard,
        activated: true,
        wallets: Wallets {
            alipay: ok,
            wechat: ok,
            unionpay: ok,
        },
        large_mode_approved: true,
    }
}
