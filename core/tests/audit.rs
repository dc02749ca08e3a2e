//! Statement audit at scale and its properties.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use posfee_core::*;
use proptest::prelude::*;

#[path = "support/merchant.rs"]
mod merchant;
use merchant::merchant;

#[path = "support/statement_gen.rs"]
mod statement_gen;
use statement_gen::Statement;

#[test]
fn a_million_line_statement_streams_through_with_every_line_accounted_for() {
    let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
    let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00").unwrap();
    let mut auditor = Auditor::new(
        &plan,
        &cal,
        merchant(),
        AuditOptions {
            as_of,
            provisional: false,
        },
    )
    .unwrap();
    let n = 1_000_000u64;
    let (mut out, mut ok, mut with_findings, mut unjudgeable) = (0u64, 0u64, 0u64, 0u64);
    let mut sums = std::collections::BTreeMap::<&'static str, i64>::new();
    let mut counts = std::collections::BTreeMap::<&'static str, u64>::new();
    let mut progress = Vec::new();
    let summary = auditor
        .audit_csv(
            Statement { n, next: 0 },
            100_000,
            &mut |l: LineAudit| {
                assert_eq!(l.index, out, "results come in input order");
                out += 1;
                match l.status {
                    LineStatus::Ok => ok += 1,
                    LineStatus::Findings => with_findings += 1,
                    LineStatus::Unjudgeable => unjudgeable += 1,
                }
                for f in &l.findings {
                    *sums.entry(f.code.as_str()).or_default() += f.amount.fen();
                    *counts.entry(f.code.as_str()).or_default() += 1;
                }
            },
            &mut |done| progress.push(done),
        )
        .unwrap();
    assert_eq!(out, n, "one result per input line");
    assert_eq!(
        (
            summary.lines,
            summary.ok,
            summary.with_findings,
            summary.unjudgeable
        ),
        (n, ok, with_findings, unjudgeable)
    );
    for code in FindingCode::ALL {
        let c = code.as_str();
        assert_eq!(
            summary.counts[c],
            counts.get(c).copied().unwrap_or(0),
            "{c}"
        );
    }
    assert_eq!(
        summary.overcharged.fen(),
        sums.get("fee_overcharged").copied().unwrap_or(0)
    );
    assert_eq!(
        summary.duplicates.fen(),
        sums.get("duplicate_settlement").copied().unwrap_or(0)
    );
    assert_eq!(
        summary.not_settled.fen(),
        sums.get("not_settled").copied().unwrap_or(0)
    );
    // What the generator put in: 100 bad amounts (i % 10,000 == 3), 1,000
    // overcharges (i % 1000 == 0; none of them a bad line), 500 unsettled
    // (i % 2000 == 500), 200 repeated ids (i % 5000 == 7, all settled).
    assert_eq!(unjudgeable, 100);
    assert_eq!(summary.counts["fee_overcharged"], 1000);
    assert_eq!(summary.overcharged.fen(), 1000);
    assert_eq!(summary.counts["not_settled"], 500);
    assert_eq!(summary.counts["duplicate_settlement"], 200);
    assert_eq!(summary.counts["net_mismatch"], 0);
    assert_eq!(progress.len(), 11, "every 100,000 lines and at the end");
    assert_eq!(progress.last(), Some(&n));
}

fn quoted_line(i: usize, fen: i64, inst: Instrument, time: &str) -> (StatementLineInput, Money) {
    let plan = Plan::upos().unwrap();
    let cal = Calendar::embedded().unwrap();
    let p = Payment {
        amount: Money::from_fen(fen),
        instrument: inst,
        time: ChinaDateTime::parse("t", time).unwrap(),
    };
    let q = quote(
        &plan,
        &cal,
        &merchant(),
        &p,
        &DailyUsage::default(),
        QuoteOptions::default(),
    )
    .unwrap();
    let arrival = q.arrival.as_ref().map(|a| a.date.to_string());
    let s = |v: &str| Some(v.to_string());
    let input = StatementLineInput {
        id: Some(format!("T{i}")),
        time: s(time),
        amount: s(&p.amount.to_string()),
        method: s(inst.method().as_str()),
        card_kind: inst.card_kind().map(|k| k.as_str().to_string()),
        card_medium: inst.card_medium().map(|m| m.as_str().to_string()),
        magstripe_verified: inst.card_medium().map(|_| inst.magstripe_verified()),
        wallet: inst.wallet().map(|w| w.as_str().to_string()),
        large_mode: inst.wallet().map(|_| inst.large_mode()),
        fee_charged: s(&q.fee.to_string()),
        net_settled: s(&q.net.to_string()),
        settled_date: arrival,
    };
    (input, q.fee)
}

fn instrument() -> impl Strategy<Value = Instrument> {
    prop_oneof![
        (any::<bool>(), any::<bool>()).prop_map(|(debit, ver)| Instrument::Card {
            kind: if debit {
                CardKind::Debit
            } else {
                CardKind::Credit
            },
            medium: if debit || !ver {
                CardMedium::Chip
            } else {
                CardMedium::Magstripe
            },
            magstripe_verified: !debit && ver,
        }),
        any::<bool>().prop_map(|debit| Instrument::Contactless {
            kind: if debit {
                CardKind::Debit
            } else {
                CardKind::Credit
            }
        }),
        (0..3usize).prop_map(|w| Instrument::Qr {
            wallet: Wallet::ALL[w],
            large_mode: false
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_statement_made_from_the_engines_own_quotes_has_no_findings(
        lines in prop::collection::vec((1..1_000_000i64, instrument(), 0..24u32, 1..28u32), 1..30)
    ) {
        let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
        let as_of = ChinaDateTime::parse("as_of", "2025-06-01T00:00").unwrap();
        let mut auditor = Auditor::new(&plan, &cal, merchant(), AuditOptions { as_of, provisional: false }).unwrap();
        for (i, (fen, inst, hour, day)) in lines.iter().enumerate() {
            let fen = if matches!(inst, Instrument::Qr { .. }) { fen % 100_000 + 1 } else { fen % 1_000_000 + 1 };
            let (input, _) = quoted_line(i, fen, *inst, &format!("2025-03-{day:02}T{hour:02}:15:00"));
            let a = auditor.audit_input(i as u64, None, &input);
            prop_assert_eq!(a.status, LineStatus::Ok, "{:?}", a);
        }
    }

    #[test]
    fn changing_one_fee_by_a_fen_yields_exactly_one_finding(
        lines in prop::collection::vec((1..1_000_000i64, instrument(), 0..24u32, 1..28u32), 1..20),
        pick in any::<prop::sample::Index>(), up in any::<bool>()
    ) {
        let (plan, cal) = (Plan::upos().unwrap(), Calendar::embedded().unwrap());
        let as_of = ChinaDateTime::parse("as_of", "2025-06-01T00:00").unwrap();
        let mut auditor = Auditor::new(&plan, &cal, merchant(), AuditOptions { as_of, provisional: false }).unwrap();
        let k = pick.index(lines.len());
        let mut found = Vec::new();
        for (i, (fen, inst, hour, day)) in lines.iter().enumerate() {
            let fen = if matches!(inst, Instrument::Qr { .. }) { fen % 100_000 + 1 } else { fen % 1_000_000 + 1 };
            let (mut input, fee) = quoted_line(i, fen, *inst, &format!("2025-03-{day:02}T{hour:02}:15:00"));
            if i == k {
                // The provider charged a fen more (or less) and settled accordingly.
                let changed = if up || fee == Money::ZERO { fee.checked_add(Money::from_fen(1)) } else { fee.checked_sub(Money::from_fen(1)) }.unwrap();
                input.fee_charged = Some(changed.to_string());
                input.net_settled = Some(Money::from_fen(fen).checked_sub(changed).unwrap().to_string());
            }
            found.extend(auditor.audit_input(i as u64, None, &input).findings.into_iter().map(|f| (i, f.code)));
        }
        prop_assert_eq!(found.len(), 1);
        prop_assert_eq!(found[0].0, k);
        prop_assert!(matches!(found[0].1, FindingCode::FeeOvercharged | FindingCode::FeeUndercharged));
    }
}
