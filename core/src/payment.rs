//! A payment as the terminal sees it: amount, instrument (card, contactless
//! or QR wallet) and time.

use crate::money::Money;
use crate::time::ChinaDateTime;
use serde::{Deserialize, Serialize};

macro_rules! named_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(test, derive(ts_rs::TS))]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl $name {
            /// Every value, in order.
            ///
            /// ```
            /// assert_eq!(posfee_core::Method::ALL.len(), posfee_core::Method::NAMES.len());
            /// ```
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// Every value's string, in order.
            ///
            /// ```
            /// assert_eq!(posfee_core::Wallet::NAMES[0], "alipay");
            /// ```
            pub const NAMES: &'static [&'static str] = &[$($s),+];

            /// The stable snake_case string.
            ///
            /// ```
            /// assert_eq!(posfee_core::Verification::FaceAndCard.as_str(), "face_and_card");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }

            /// Parses the snake_case string; `None` for an unknown value.
            ///
            /// ```
            /// assert_eq!(posfee_core::CardMedium::from_name("stripe"), None);
            /// ```
            pub fn from_name(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$var),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use named_enum;

named_enum! {
    /// How the payment is made.
    ///
    /// ```
    /// use posfee_core::Method;
    /// assert_eq!(Method::from_name("qr"), Some(Method::Qr));
    /// assert_eq!(Method::Contactless.as_str(), "contactless");
    /// ```
    Method {
        /// 刷卡/插卡: chip insert or magstripe swipe.
        Card = "card",
        /// 闪付/云闪付 and phone wallets over NFC.
        Contactless = "contactless",
        /// 扫码: a wallet QR code.
        Qr = "qr",
    }
}

named_enum! {
    /// Credit or debit card.
    ///
    /// ```
    /// assert_eq!(posfee_core::CardKind::from_name("debit"), Some(posfee_core::CardKind::Debit));
    /// ```
    CardKind {
        /// 信用卡.
        Credit = "credit",
        /// 储蓄卡/借记卡.
        Debit = "debit",
    }
}

named_enum! {
    /// How a card is read at the terminal.
    ///
    /// ```
    /// assert_eq!(posfee_core::CardMedium::Magstripe.as_str(), "magstripe");
    /// ```
    CardMedium {
        /// 芯片卡 (inserted).
        Chip = "chip",
        /// 磁条卡 (swiped).
        Magstripe = "magstripe",
    }
}

named_enum! {
    /// The wallet behind a QR payment.
    ///
    /// ```
    /// assert_eq!(posfee_core::Wallet::NAMES, &["alipay", "wechat", "unionpay"]);
    /// ```
    Wallet {
        /// 支付宝.
        Alipay = "alipay",
        /// 微信支付.
        Wechat = "wechat",
        /// 银联二维码 / 云闪付扫码.
        Unionpay = "unionpay",
    }
}

/// The means of payment, with exactly the fields that apply to it.
///
/// ```
/// use posfee_core::{Instrument, CardKind, CardMedium, Method};
/// let i = Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Chip, magstripe_verified: false };
/// assert_eq!(i.method(), Method::Card);
/// assert_eq!(i.card_kind(), Some(CardKind::Credit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Instrument {
    /// A card inserted or swiped.
    Card {
        /// Credit or debit.
        kind: CardKind,
        /// Chip or magstripe.
        medium: CardMedium,
        /// A magstripe credit card that passed card verification (磁条信用卡认证).
        magstripe_verified: bool,
    },
    /// A card or phone tapped (NFC).
    Contactless {
        /// Credit or debit.
        kind: CardKind,
    },
    /// A wallet QR code.
    Qr {
        /// Which wallet.
        wallet: Wallet,
        /// Alipay large-amount mode (支付宝大额模式) requested.
        large_mode: bool,
    },
}

impl Instrument {
    /// The payment method.
    ///
    /// ```
    /// use posfee_core::{Instrument, Wallet, Method};
    /// assert_eq!(Instrument::Qr { wallet: Wallet::Wechat, large_mode: false }.method(), Method::Qr);
    /// ```
    pub fn method(self) -> Method {
        match self {
            Instrument::Card { .. } => Method::Card,
            Instrument::Contactless { .. } => Method::Contactless,
            Instrument::Qr { .. } => Method::Qr,
        }
    }

    /// The card kind, for card and contactless payments.
    ///
    /// ```
    /// use posfee_core::{Instrument, CardKind};
    /// assert_eq!(Instrument::Contactless { kind: CardKind::Debit }.card_kind(), Some(CardKind::Debit));
    /// ```
    pub fn card_kind(self) -> Option<CardKind> {
        match self {
            Instrument::Card { kind, .. } | Instrument::Contactless { kind } => Some(kind),
            Instrument::Qr { .. } => None,
        }
    }

    /// The card medium, for card payments.
    ///
    /// ```
    /// use posfee_core::{Instrument, CardKind};
    /// assert_eq!(Instrument::Contactless { kind: CardKind::Credit }.card_medium(), None);
    /// ```
    pub fn card_medium(self) -> Option<CardMedium> {
        match self {
            Instrument::Card { medium, .. } => Some(medium),
            _ => None,
        }
    }

    /// Whether a magstripe card passed verification (false otherwise).
    ///
    /// ```
    /// use posfee_core::{Instrument, CardKind, CardMedium};
    /// let i = Instrument::Card { kind: CardKind::Credit, medium: CardMedium::Magstripe, magstripe_verified: true };
    /// assert!(i.magstripe_verified());
    /// ```
    pub fn magstripe_verified(self) -> bool {
        matches!(
            self,
            Instrument::Card {
                magstripe_verified: true,
                ..
            }
        )
    }

    /// The wallet, for QR payments.
    ///
    /// ```
    /// use posfee_core::{Instrument, Wallet};
    /// assert_eq!(Instrument::Qr { wallet: Wallet::Alipay, large_mode: true }.wallet(), Some(Wallet::Alipay));
    /// ```
    pub fn wallet(self) -> Option<Wallet> {
        match self {
            Instrument::Qr { wallet, .. } => Some(wallet),
            _ => None,
        }
    }

    /// Whether large-amount mode is requested (QR only).
    ///
    /// ```
    /// use posfee_core::{Instrument, Wallet};
    /// assert!(Instrument::Qr { wallet: Wallet::Alipay, large_mode: true }.large_mode());
    /// ```
    pub fn large_mode(self) -> bool {
        matches!(
            self,
            Instrument::Qr {
                large_mode: true,
                ..
            }
        )
    }
}

/// An amount on an instrument, without a time: what a fee depends on.
///
/// ```
/// use posfee_core::{Charge, Instrument, Money, Wallet};
/// let c = Charge { amount: Money::from_fen(10000), instrument: Instrument::Qr { wallet: Wallet::Wechat, large_mode: false } };
/// assert_eq!(c.amount.to_string(), "100.00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Charge {
    /// The amount, positive.
    pub amount: Money,
    /// The means of payment.
    pub instrument: Instrument,
}

/// A payment: a charge at a time.
///
/// ```
/// use posfee_core::{Payment, Instrument, CardKind, Money, ChinaDateTime};
/// let p = Payment {
///     amount: Money::from_fen(100000),
///     instrument: Instrument::Contactless { kind: CardKind::Credit },
///     time: ChinaDateTime::parse("time", "2025-03-12T10:00").unwrap(),
/// };
/// assert_eq!(p.charge().amount, p.amount);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Payment {
    /// The amount, positive.
    pub amount: Money,
    /// The means of payment.
    pub instrument: Instrument,
    /// When it was made, China time.
    pub time: ChinaDateTime,
}

impl Payment {
    /// The amount and instrument without the time.
    ///
    /// ```
    /// # use posfee_core::{Payment, Instrument, Wallet, Money, ChinaDateTime};
    /// let p = Payment { amount: Money::from_fen(1), instrument: Instrument::Qr { wallet: Wallet::Alipay, large_mode: false }, time: ChinaDateTime::parse("t", "2025-01-02T10:00").unwrap() };
    /// assert_eq!(p.charge().instrument, p.instrument);
    /// ```
    pub fn charge(&self) -> Charge {
        Charge {
            amount: self.amount,
            instrument: self.instrument,
        }
    }
}
