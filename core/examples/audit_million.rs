//! Benchmark: audit a generated 1,000,000-line CSV statement, streamed in
//! 64 KiB chunks, and report the time and the peak memory of the process.
//!
//! Run: `cargo run --release -p posfee-core --example audit_million [lines]`

#[path = "../tests/support/statement_gen.rs"]
mod statement_gen;

use posfee_core::*;
use statement_gen::Statement;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<()> {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let ok = WalletStatus {
        enabled: true,
        verified: true,
    };
    let merchant = Merchant {
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
    };
    let (plan, cal) = (Plan::upos()?, Calendar::embedded()?);
    let as_of = ChinaDateTime::parse("as_of", "2025-04-01T00:00")?;
    let before = peak_rss_kib();
    let start = std::time::Instant::now();
    let mut auditor = Auditor::new(
        &plan,
        &cal,
        merchant,
        AuditOptions {
            as_of,
            provisional: false,
        },
    )?;
    let mut findings = 0u64;
    let summary = auditor.audit_csv(
        Statement { n, next: 0 },
        u64::MAX,
        &mut |l| findings += l.findings.len() as u64,
        &mut |_| {},
    )?;
    let ms = start.elapsed().as_millis().max(1);
    println!(
        "audited {} lines ({} with findings, {} unjudgeable) in {} ms: {} lines/s",
        summary.lines,
        summary.with_findings,
        summary.unjudgeable,
        ms,
        u128::from(summary.lines) * 1000 / ms
    );
    println!(
        "peak memory: {} MiB (before the audit: {} MiB)",
        peak_rss_kib().unwrap_or(0) / 1024,
        before.unwrap_or(0) / 1024
    );
    Ok(())
}
