//! Benchmarks: one full quote, and batch fees over 1,000,000 payments on the
//! integer path and on the decimal path.
//!
//! Run: `cargo bench -p posfee-core --bench quote`

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use posfee_core::*;
use std::hint::black_box;

#[path = "../tests/support/merchant.rs"]
mod merchant;
use merchant::merchant;

/// A deterministic mix of every channel and amounts up to 60,000 yuan.
fn charges(n: usize) -> Vec<Charge> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let fen = i64::try_from(x % 6_000_000).unwrap_or(0) + 1;
            let instrument = match x % 5 {
                0 => Instrument::Card {
                    kind: CardKind::Credit,
                    medium: CardMedium::Chip,
                    magstripe_verified: false,
                },
                1 => Instrument::Card {
                    kind: CardKind::Debit,
                    medium: CardMedium::Chip,
                    magstripe_verified: false,
                },
                2 => Instrument::Contactless {
                    kind: CardKind::Credit,
                },
                3 => Instrument::Qr {
                    wallet: Wallet::Wechat,
                    large_mode: false,
                },
                _ => Instrument::Qr {
                    wallet: Wallet::Alipay,
                    large_mode: true,
                },
            };
            Charge {
                amount: Money::from_fen(fen),
                instrument,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let engine = Engine::builtin().unwrap();
    let m = merchant();
    let payment = Payment {
        amount: Money::parse_amount("amount", "1234.56").unwrap(),
        instrument: Instrument::Card {
            kind: CardKind::Credit,
            medium: CardMedium::Chip,
            magstripe_verified: false,
        },
        time: ChinaDateTime::parse("time", "2025-09-30T22:30:00").unwrap(),
    };
    let usage = DailyUsage::default();
    c.bench_function(
        "quote (fee, acceptance, limits, T+1 arrival over National Day)",
        |b| {
            b.iter(|| {
                engine.quote(
                    black_box(&m),
                    black_box(&payment),
                    &usage,
                    QuoteOptions::default(),
                )
            })
        },
    );

    let plan = Plan::upos().unwrap();
    let table = FeeTable::new(&plan, &m).unwrap();
    let batch = charges(1_000_000);
    let mut group = c.benchmark_group("batch fees, 1,000,000 payments");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.sample_size(20);
    // The output buffer is reused across iterations, as a batch caller would.
    let mut out = Vec::with_capacity(batch.len());
    group.bench_function("integer path (FeeTable)", |b| {
        b.iter(|| {
            out.clear();
            table.fees(black_box(&batch), &mut out)
        })
    });
    group.sample_size(10);
    group.bench_function("decimal path (fee)", |b| {
        b.iter(|| {
            let mut total = Money::ZERO;
            for ch in &batch {
                if let Ok(f) = fee(&plan, &m, ch) {
                    total = total.checked_add(f.fee).unwrap_or(total);
                }
            }
            total
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
