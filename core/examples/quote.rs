//! Quote payments from the command line.
//!
//! ```text
//! cargo run -p posfee-core --example quote -- '{"amount": "1000.00", "method": "card", "card_kind": "credit", "card_medium": "chip", "time": "2025-09-30T22:00"}'
//! ```
//! Optional second argument: the merchant profile as JSON (default: a
//! premium, fully verified, activated merchant with every wallet enabled).
//! Prints the quote, or the error, as JSON; exits 1 on an error.

use posfee_core::*;
use serde_json::json;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let brief = args.first().is_some_and(|a| a == "--brief");
    if brief {
        args.remove(0);
    }
    let default_merchant = json!({
        "tier": "premium", "verification": "face_and_card", "credit_rate": "standard", "activated": true,
        "wallets": {"alipay": {"enabled": true, "verified": true}, "wechat": {"enabled": true, "verified": true},
                    "unionpay": {"enabled": true, "verified": true}},
        "large_mode_approved": true
    })
    .to_string();
    let Some(payment) = args.first() else {
        eprintln!("usage: quote [--brief] '<payment JSON>' ['<merchant JSON>']");
        std::process::exit(2);
    };
    let merchant = args.get(1).unwrap_or(&default_merchant);
    let run = || -> Result<Quote> {
        let engine = Engine::builtin()?;
        let parse = |text: &str, what: &str| {
            serde_json::from_str::<serde_json::Value>(text).map_err(|e| {
                Error::new(
                    ErrorCode::InvalidField,
                    what,
                    posfee_core::Reason::Syntax,
                    format!("{what}：不是有效的 JSON：{e}"),
                    format!("{what}: not valid JSON: {e}"),
                )
            })
        };
        let p: PaymentInput = input_from_json(parse(payment, "payment")?, "payment")?;
        let m: MerchantInput = input_from_json(parse(merchant, "merchant")?, "merchant")?;
        engine.quote(
            &m.to_merchant("merchant")?,
            &p.to_payment("payment")?,
            &DailyUsage::default(),
            QuoteOptions::default(),
        )
    };
    match run() {
        Ok(q) if brief => {
            let head = format!(
                "fee {} net {} ({} {} {}%)",
                q.fee, q.net, q.rule.id, q.rule.name_zh, q.rule.rate_percent
            );
            match (&q.refusal, &q.arrival) {
                (Some(r), _) => println!("refused {}: {} | {head}", r.code.as_str(), r.message_zh),
                (None, Some(a)) if a.realtime => {
                    println!("accepted: {head}; arrives {} in real time (T+0)", a.date)
                }
                (None, Some(a)) => println!(
                    "accepted: {head}; arrives {} (accounting date {})",
                    a.date, a.accounting_date
                ),
                (None, None) => println!("accepted: {head}"),
            }
        }
        Ok(q) => println!("{}", serde_json::to_string_pretty(&q).unwrap_or_default()),
        Err(e) if brief => {
            println!("error {} at {}: {}", e.code(), e.field(), e.message_en());
            std::process::exit(1);
        }
        Err(e) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({ "error": e })).unwrap_or_default()
            );
            std::process::exit(1);
        }
    }
}
