//! Benchmark: audit a generated 1,000,000-line CSV statement, streamed in
//! 64 KiB chunks, and report the time and the peak memory of the process.
//! With `utf-8` or `gbk` after the line count, the same statement is written
//! as a merchant's Chinese statement (generic profile: 流水号, 交易时间 …,
//! 微信, `2025/03/12 10:00:00`) in that encoding and read by
//! `CsvReader::with_format`, encoding detected; the time spent writing the
//! statement is left out of the figure.
//!
//! Run: `cargo run --release -p posfee-core --example audit_million [lines] [utf-8|gbk]`

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
    let statement = std::env::args().nth(2);
    let mut writing = std::time::Duration::ZERO;
    let summary = match statement.as_deref() {
        None => auditor.audit_csv(
            Statement { n, next: 0 },
            u64::MAX,
            &mut |l| findings += l.findings.len() as u64,
            &mut |_| {},
        )?,
        Some(encoding) => {
            let gbk = encoding == "gbk";
            let mut reader = CsvReader::with_format(StatementFormat::default());
            let mut on_line = |l: LineAudit, _| findings += l.findings.len() as u64;
            let mut lines = Statement { n, next: 0 };
            loop {
                let t = std::time::Instant::now();
                let Some(chunk) = lines.next() else { break };
                let chunk = chinese(&chunk, gbk);
                writing += t.elapsed();
                auditor.feed_csv(&mut reader, &chunk, &mut on_line)?;
            }
            let s = auditor.finish_csv(&mut reader, &mut on_line)?;
            let layout = reader
                .layout()
                .and_then(|l| l.encoding)
                .map(|e| e.encoding.as_str())
                .unwrap_or("?");
            println!("statement read as {layout} by the generic profile");
            s
        }
    };
    let ms = (start.elapsed() - writing).as_millis().max(1);
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

/// A chunk of the English statement as a merchant's Chinese one, in UTF-8
/// or GBK.
fn chinese(chunk: &[u8], gbk: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(chunk)
        .replace(
            "id,time,amount,method,card_kind,card_medium,wallet,fee_charged,net_settled,settled_date",
            "流水号,交易时间,交易金额,卡类型,交易方式,手续费,结算金额,结算日期",
        )
        .replace("2025-03-12T10:00:00", "2025/03/12 10:00:00")
        .replace(",qr,,,wechat,", ",,微信,")
        .replace("2025-03-12", "2025/03/12");
    if gbk {
        encoding_rs::GBK.encode(&text).0.into_owned()
    } else {
        text.into_bytes()
    }
}
