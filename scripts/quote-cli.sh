#!/usr/bin/env bash
# Quotes a few payments from the command line with the embedded 优POS plan and calendar.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo build -q -p posfee-core --example quote
q() { printf '%s\n  ' "$1"; cargo run -q -p posfee-core --example quote -- --brief "$2" || true; }
q "credit card at 22:00 on the eve of National Day 2025" '{"amount": "1000.00", "method": "card", "card_kind": "credit", "card_medium": "chip", "time": "2025-09-30T22:00"}'
q "debit card 6,000 yuan (fee capped at 25)" '{"amount": "6000.00", "method": "card", "card_kind": "debit", "card_medium": "chip", "time": "2025-10-10T10:00"}'
q "wechat QR at 03:00 on a holiday" '{"amount": "88.00", "method": "qr", "wallet": "wechat", "time": "2025-10-03T03:00"}'
q "debit card swiped (magstripe)" '{"amount": "100.00", "method": "card", "card_kind": "debit", "card_medium": "magstripe", "time": "2025-03-12T10:00"}'
q "an amount with three decimals" '{"amount": "10.005", "method": "qr", "wallet": "alipay", "time": "2025-03-12T10:00"}'
