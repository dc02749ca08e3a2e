//! Statement batches: the fees and nets of many payments in one call, one
//! amount per line in and one per line out.
//!
//! A batch is priced with a [`FeeTable`] (integer fen arithmetic, proven
//! equal to [`crate::fee`]); its amounts are read by Money's fast reader
//! ([`crate::money::text`]) with [`Money::parse_amount`] for every line it
//! does not read, so a bad line gets exactly the error a single payment
//! would. The npm package's `feeBatch`/`feeBatchText` and the Kotlin and
//! Swift `feeBatch` are this function.

use crate::error::{Error, ErrorCode, Reason, Result};
use crate::fee::{FeeTable, InstrumentFees};
use crate::input::PaymentInput;
use crate::merchant::Merchant;
use crate::money::text::{byte_line, line_count, swar_line, Column};
use crate::money::Money;
use crate::payment::Instrument;
use crate::plan::Plan;
use crate::read::InstrumentInput;
use serde::Serialize;

/// A priced batch: fees and nets as text columns (one amount per line, in
/// the order of the amounts, no trailing newline) and their totals.
///
/// ```
/// use posfee_core::*;
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let qr = read::InstrumentInput { method: Some("qr".into()), wallet: Some("wechat".into()), ..Default::default() };
/// let b = fee_batch(&Plan::upos().unwrap(), &m, "125.00\n1000", &[qr], None).unwrap();
/// assert_eq!((b.fees.as_str(), b.nets.as_str()), ("0.48\n3.80", "124.52\n996.20"));
/// assert_eq!((b.total_fee.to_string(), b.count), ("4.28".to_string(), 2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", serde(rename_all = "camelCase"))]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct FeeBatch {
    /// The fee of each payment, one per line.
    pub fees: String,
    /// Each payment's amount less its fee, one per line.
    pub nets: String,
    /// The sum of the amounts.
    pub total_amount: Money,
    /// The sum of the fees.
    pub total_fee: Money,
    /// `total_amount − total_fee`.
    pub total_net: Money,
    /// The number of payments (never negative: signed so that every
    /// language, Java included, reads it as a plain integer).
    pub count: i64,
}

impl InstrumentInput {
    /// The instrument, checked as a payment's would be (same fields, same
    /// errors), `prefix` naming it in errors.
    ///
    /// ```
    /// use posfee_core::{read::InstrumentInput, Instrument, Wallet};
    /// let i = InstrumentInput { method: Some("qr".into()), wallet: Some("alipay".into()), ..Default::default() };
    /// assert_eq!(i.to_instrument("instruments[0]").unwrap(), Instrument::Qr { wallet: Wallet::Alipay, large_mode: false });
    /// let e = InstrumentInput { method: Some("qr".into()), ..Default::default() }.to_instrument("instruments[0]").unwrap_err();
    /// assert_eq!(e.field(), "instruments[0].wallet");
    /// ```
    pub fn to_instrument(&self, prefix: &str) -> Result<Instrument> {
        let p = PaymentInput {
            // Any valid amount: only the instrument is checked here.
            amount: Some("1.00".into()),
            method: self.method.clone(),
            card_kind: self.card_kind.clone(),
            card_medium: self.card_medium.clone(),
            magstripe_verified: self.magstripe_verified,
            wallet: self.wallet.clone(),
            large_mode: self.large_mode,
            time: None,
        };
        Ok(p.to_charge(prefix)?.instrument)
    }
}

/// The largest amounts text of a batch, in bytes: [`crate::bounds::MAX_BATCH`]
/// amounts of sixteen bytes each.
pub const MAX_BATCH_TEXT: usize = crate::bounds::MAX_BATCH * 16;

/// Prices a batch: `amounts` holds one amount per line (one trailing
/// newline allowed; `""` is no payment), `instruments` the instruments used,
/// and `index` the instrument of each payment (its position in
/// `instruments`; it may be left out when there is one instrument).
///
/// Errors name the fields `amounts`, `amounts[i]` (the line's error is
/// [`Money::parse_amount`]'s), `instruments[k]…`, `instrument_index` and
/// `instrument_index[i]`; a payment no fee rule matches is `no_fee_rule` at
/// `amounts[i]`.
///
/// ```
/// use posfee_core::*;
/// let m = Merchant { tier: MerchantTier::Premium, verification: Verification::FaceAndCard, credit_rate: CreditRate::Standard, activated: true, wallets: Wallets::default(), large_mode_approved: false };
/// let card = read::InstrumentInput { method: Some("card".into()), card_kind: Some("debit".into()), card_medium: Some("chip".into()), ..Default::default() };
/// let qr = read::InstrumentInput { method: Some("qr".into()), wallet: Some("wechat".into()), ..Default::default() };
/// let plan = Plan::upos().unwrap();
/// let b = fee_batch(&plan, &m, "7000.00\n125.00\n", &[card.clone(), qr.clone()], Some(&[0, 1])).unwrap();
/// assert_eq!(b.fees, "25.00\n0.48");
/// let e = fee_batch(&plan, &m, "1.00\n1.001", &[card], None).unwrap_err();
/// assert_eq!((e.field(), e.reason().as_str()), ("amounts[1]", "too_many_decimals"));
/// ```
pub fn fee_batch(
    plan: &Plan,
    merchant: &Merchant,
    amounts: &str,
    instruments: &[InstrumentInput],
    index: Option<&[u32]>,
) -> Result<FeeBatch> {
    if amounts.len() > MAX_BATCH_TEXT {
        return Err(crate::bounds::too_long("amounts", MAX_BATCH_TEXT, "bytes"));
    }
    let n = line_count(amounts.as_bytes());
    if n > crate::bounds::MAX_BATCH {
        return Err(crate::bounds::too_many("amounts", crate::bounds::MAX_BATCH));
    }
    let instruments = instruments
        .iter()
        .enumerate()
        .map(|(k, i)| i.to_instrument(&format!("instruments[{k}]")))
        .collect::<Result<Vec<_>>>()?;
    if instruments.is_empty() && n > 0 {
        return Err(Error::at(
            ErrorCode::InvalidField,
            "instruments",
            Reason::Missing,
            "至少需要一个支付工具",
            "at least one instrument is needed",
        ));
    }
    check_index(index, n, instruments.len())?;
    let table = FeeTable::new(plan, merchant)?;
    price(&table, amounts, &instruments, index, n)
}

fn check_index(index: Option<&[u32]>, n: usize, kinds: usize) -> Result<()> {
    let field_error = |field: String, reason: Reason, zh: String, en: String| {
        Err(Error::at(ErrorCode::InvalidField, field, reason, zh, en))
    };
    let Some(list) = index else {
        if kinds != 1 && n > 0 {
            return field_error(
                "instrument_index".into(),
                Reason::Missing,
                "有多个支付工具时必须给出每笔支付的工具序号".into(),
                "required when more than one instrument is given".into(),
            );
        }
        return Ok(());
    };
    if list.len() != n {
        return field_error(
            "instrument_index".into(),
            Reason::OutOfRange,
            format!("长度 {} 与 amounts 的 {n} 不一致", list.len()),
            format!("has {} elements, amounts has {n}", list.len()),
        );
    }
    if let Some(i) = list.iter().position(|&k| k as usize >= kinds) {
        let field = format!("instrument_index[{i}]");
        let last = kinds.saturating_sub(1);
        return field_error(
            field.clone(),
            Reason::OutOfRange,
            format!("须为 0 至 {last} 的整数"),
            format!("must be an integer from 0 to {last}"),
        );
    }
    Ok(())
}

/// Prices the checked batch in one pass: each line is found and its amount
/// read on the way; a line the fast readers do not read gets
/// [`Money::parse_amount`]'s exact error.
fn price(
    table: &FeeTable,
    text: &str,
    instruments: &[Instrument],
    index: Option<&[u32]>,
    n: usize,
) -> Result<FeeBatch> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    let bytes = body.as_bytes();
    // Fees are short; a net is about as long as its amount.
    let mut fees = Column::new(n * 6);
    let mut nets = Column::new(text.len() + n);
    let (mut total_amount, mut total_fee) = (0i64, 0i64);
    // Each instrument's rules, looked up once.
    let by_instrument: Vec<InstrumentFees> =
        instruments.iter().map(|&i| table.instrument(i)).collect();
    let first = by_instrument.first().copied();
    let mut start = 0usize;
    for i in 0..n {
        let (fen, end) = match swar_line(bytes, start) {
            Some(read) => read,
            None => match byte_line(bytes, start) {
                (Some(fen), end) => (fen, end),
                (None, end) => {
                    // '\n' is ASCII, so the line is a whole string.
                    let line = body.get(start..end).unwrap_or_default();
                    let amount = Money::parse_amount(&format!("amounts[{i}]"), line)?;
                    (amount.fen(), end)
                }
            },
        };
        start = end + 1;
        let inst = match index {
            None => first,
            Some(ix) => ix
                .get(i)
                .and_then(|&k| by_instrument.get(k as usize))
                .copied(),
        }
        .ok_or_else(|| Error::internal("an instrument index checked before pricing"))?;
        let fee = inst.fee_fen(fen).ok_or_else(|| no_fee_rule(i))?;
        fees.push(fee, i > 0);
        nets.push(fen - fee, i > 0);
        total_amount = total_amount
            .checked_add(fen)
            .ok_or_else(|| Error::overflow("amounts"))?;
        total_fee = total_fee
            .checked_add(fee)
            .ok_or_else(|| Error::overflow("amounts"))?;
    }
    let total_net = total_amount
        .checked_sub(total_fee)
        .ok_or_else(|| Error::overflow("amounts"))?;
    let text = |c: Column| {
        String::from_utf8(c.into_bytes())
            .map_err(|_| Error::internal("the money writer writes ASCII"))
    };
    Ok(FeeBatch {
        fees: text(fees)?,
        nets: text(nets)?,
        total_amount: Money::from_fen(total_amount),
        total_fee: Money::from_fen(total_fee),
        total_net: Money::from_fen(total_net),
        count: i64::try_from(n).map_err(|_| Error::overflow("amounts"))?,
    })
}

fn no_fee_rule(i: usize) -> Error {
    Error::no_fee_rule(&format!("amounts[{i}]"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merchant::{CreditRate, MerchantTier, Verification, Wallets};
    use crate::money::text::lines;
    use crate::payment::{CardKind, CardMedium, Wallet};

    /// The batch priced line by line with `fee`'s table and `parse_amount`.
    fn line_by_line(
        table: &FeeTable,
        instruments: &[Instrument],
        index: &[u32],
        t: &str,
    ) -> Result<(Vec<String>, Vec<String>, i64, i64)> {
        let (mut fees, mut nets, mut ta, mut tf) = (vec![], vec![], 0i64, 0i64);
        for (i, line) in lines(t).enumerate() {
            let a = Money::parse_amount(&format!("amounts[{i}]"), line)?.fen();
            let inst = instruments[index[i] as usize];
            let f = table.fee_fen(a, inst).ok_or_else(|| no_fee_rule(i))?;
            fees.push(Money::from_fen(f).to_string());
            nets.push(Money::from_fen(a - f).to_string());
            ta += a;
            tf += f;
        }
        Ok((fees, nets, ta, tf))
    }

    #[test]
    fn one_pass_text_pricing_equals_line_by_line_pricing() {
        let plan = Plan::upos().unwrap();
        let m = Merchant {
            tier: MerchantTier::Premium,
            verification: Verification::FaceAndCard,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: true,
        };
        let table = FeeTable::new(&plan, &m).unwrap();
        let instruments = [
            Instrument::Card {
                kind: CardKind::Debit,
                medium: CardMedium::Chip,
                magstripe_verified: false,
            },
            Instrument::Qr {
                wallet: Wallet::Wechat,
                large_mode: false,
            },
        ];
        let mut texts: Vec<String> = [
            "",
            "\n",
            "1",
            "1\n",
            "12.5\n3000\n0.01",
            "5000.00\n5001.00\n99999999.99",
            "1\n\n2",
            "01",
            "0",
            "1.",
            ".5",
            "1.001",
            "+1",
            "1e3",
            "１",
            "12\r",
            "100000000",
            "7\n8\nx",
            "0.00",
            "9.99\n10",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        texts.push(
            (1..3000)
                .map(|k| Money::from_fen(k * 977).to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let mut priced = 0;
        for t in &texts {
            let n = line_count(t.as_bytes());
            let index: Vec<u32> = (0..n).map(|i| u32::try_from(i % 2).unwrap()).collect();
            let one = price(&table, t, &instruments, Some(&index), n);
            let each = line_by_line(&table, &instruments, &index, t);
            match (one, each) {
                (Ok(b), Ok((fees, nets, ta, tf))) => {
                    assert_eq!(b.fees, fees.join("\n"), "{t:?}");
                    assert_eq!(b.nets, nets.join("\n"), "{t:?}");
                    assert_eq!((b.total_amount.fen(), b.total_fee.fen()), (ta, tf));
                    assert_eq!(b.total_net.fen(), ta - tf);
                    assert_eq!(b.count, i64::try_from(n).unwrap());
                    priced += 1;
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{t:?}"),
                (a, b) => panic!("{t:?}: {a:?} vs {b:?}"),
            }
        }
        assert!(priced >= 5, "{priced}");
    }

    #[test]
    fn the_index_and_the_instruments_are_checked_first() {
        let plan = Plan::upos().unwrap();
        let m = Merchant {
            tier: MerchantTier::New,
            verification: Verification::None,
            credit_rate: CreditRate::Standard,
            activated: true,
            wallets: Wallets::default(),
            large_mode_approved: false,
        };
        let qr = InstrumentInput {
            method: Some("qr".into()),
            wallet: Some("wechat".into()),
            ..Default::default()
        };
        let two = [qr.clone(), qr.clone()];
        let err = |r: Result<FeeBatch>| {
            let e = r.unwrap_err();
            (e.field().to_string(), e.reason().as_str())
        };
        assert_eq!(
            err(fee_batch(&plan, &m, "1\n2", &two, None)),
            ("instrument_index".into(), "missing")
        );
        assert_eq!(
            err(fee_batch(&plan, &m, "1\n2", &two, Some(&[0]))),
            ("instrument_index".into(), "out_of_range")
        );
        assert_eq!(
            err(fee_batch(&plan, &m, "1\n2", &two, Some(&[0, 2]))),
            ("instrument_index[1]".into(), "out_of_range")
        );
        assert_eq!(
            err(fee_batch(&plan, &m, "1", &[], None)),
            ("instruments".into(), "missing")
        );
        let bad = InstrumentInput {
            method: Some("qr".into()),
            ..Default::default()
        };
        assert_eq!(
            err(fee_batch(&plan, &m, "x", &[qr, bad], Some(&[0]))),
            ("instruments[1].wallet".into(), "missing")
        );
        let empty = fee_batch(&plan, &m, "", &[], None).unwrap();
        assert_eq!((empty.fees.as_str(), empty.count), ("", 0));
        assert_eq!(empty.total_net, Money::ZERO);
    }
}
