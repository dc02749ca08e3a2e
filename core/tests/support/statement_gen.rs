//! A generated CSV statement, shared by the audit test and the audit benchmark.

/// A deterministic statement of `n` lines, as CSV chunks of about 64 KiB,
/// generated on the fly. Every 1000th line is overcharged by 0.01, every
/// 2000th (offset 500) has no settlement, every 5000th (offset 7) repeats
/// the id of the line before it, and every 10,000th (offset 3) has a bad amount.
pub struct Statement {
    /// Lines to generate.
    pub n: u64,
    /// The next line (0: the header).
    pub next: u64,
}

const HEADER: &str =
    "id,time,amount,method,card_kind,card_medium,wallet,fee_charged,net_settled,settled_date\n";

impl Iterator for Statement {
    type Item = Vec<u8>;
    fn next(&mut self) -> Option<Vec<u8>> {
        if self.next > self.n {
            return None;
        }
        let mut chunk = String::with_capacity(70_000);
        if self.next == 0 {
            chunk.push_str(HEADER);
            self.next = 1;
        }
        while self.next <= self.n && chunk.len() < 65_536 {
            let i = self.next;
            self.next += 1;
            // Wechat QR on Wed 2025-03-12 10:00, 1.00 to 1000.00 yuan: F1 0.38%, real time.
            let fen = (i * 7919) % 100_000 + 1;
            let fee = (fen * 38 + 5_000) / 10_000; // half up, integer
            let charged = if i % 1000 == 0 { fee + 1 } else { fee };
            let amount = format!("{}.{:02}", fen / 100, fen % 100);
            let money = |f: u64| format!("{}.{:02}", f / 100, f % 100);
            let id = if i % 5000 == 7 {
                format!("T{}", i - 1)
            } else {
                format!("T{i}")
            };
            let amount = if i % 10_000 == 3 {
                format!("{amount}5")
            } else {
                amount
            };
            let (net, date) = if i % 2000 == 500 {
                (String::new(), String::new())
            } else {
                (money(fen - charged), "2025-03-12".to_string())
            };
            chunk.push_str(&format!(
                "{id},2025-03-12T10:00:00,{amount},qr,,,wechat,{},{net},{date}\n",
                money(charged)
            ));
        }
        Some(chunk.into_bytes())
    }
}
