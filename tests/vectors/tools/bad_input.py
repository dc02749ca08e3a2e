#!/usr/bin/env python3
"""Writes the bad-input corpus, tests/vectors/bad-input-*.json.

Every case is an input a person or a program really sends wrong, with the
error the contract gives it: the code, the field path and the reason, as
tests/vectors/README.md ("Errors", "Validation order and details") and the
README's "Input bounds" state them. The expectations come from those rules,
written out here case by case; posfee is never run to make them. Every
language suite runs the files (Rust, Node, Kotlin, Swift); cases a typed
binding cannot express (a JSON type, an unknown key, nesting) carry the tag
"json_types". JavaScript-only shapes (BigInt, Symbol, Proxy, getters, Maps,
class instances, `__proto__`) are in tests/node/hostile.test.mjs.

    python3 tests/vectors/tools/bad_input.py   # rewrites the files
    python3 tests/vectors/tools/bad_input.py --check   # fails if they differ
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
MERCHANT = {"tier": "premium", "verification": "face_and_card", "credit_rate": "standard", "activated": True,
            "wallets": {"alipay": {"enabled": True, "verified": True}, "wechat": {"enabled": True, "verified": True},
                        "unionpay": {"enabled": True, "verified": True}}}
CARD = {"amount": "1000.00", "method": "card", "card_kind": "credit", "card_medium": "chip", "time": "2025-03-12T10:00:00"}
QR = {"amount": "100.00", "method": "qr", "wallet": "wechat", "time": "2025-03-12T10:00:00"}
MAX_DEPTH = 64          # core/src/bounds.rs
MAX_VALUE_CHARS = 64    # core/src/bounds.rs


def err(code, field, reason):
    return {"error": {"code": code, "field": field, "reason": reason}}


def case(cid, section, note, op, inp, expect, json_types=False):
    c = {"id": cid, "section": section, "note": note, "op": op}
    if json_types:
        c["tags"] = ["json_types"]
    c["input"] = inp
    c["expect"] = expect
    return c


def with_(base, **kw):
    out = dict(base)
    for k, v in kw.items():
        if v is None and k.endswith("_absent"):
            out.pop(k[: -len("_absent")], None)
        else:
            out[k] = v
    return out


def without(base, key):
    out = dict(base)
    out.pop(key, None)
    return out


# ---- amounts: every form people type -------------------------------------------
# (text, reason, why). Decided once for every binding: posfee never normalises
# an amount. A thousands separator, a currency sign, full-width digits, spaces,
# an exponent, a hexadecimal or a bare point are refused as `format`, so a
# merchant never pays on a number posfee guessed.
AMOUNT_FORMS = [
    ("1,000", "format", "thousands separator"),
    ("1,000.00", "format", "thousands separator with cents"),
    ("1.000,00", "format", "European decimal comma"),
    ("1 000", "format", "space as thousands separator"),
    ("1_000", "format", "underscore separator"),
    ("１０００", "format", "full-width digits"),
    ("１.００", "format", "full-width digits with an ASCII point"),
    ("1000．00", "format", "full-width point"),
    ("¥100", "format", "yuan sign before"),
    ("￥100", "format", "full-width yuan sign"),
    ("100元", "format", "元 after"),
    ("元100", "format", "元 before"),
    ("RMB100", "format", "currency code before"),
    ("100 CNY", "format", "currency code after"),
    (" 100", "format", "leading space"),
    ("100 ", "format", "trailing space"),
    (" 100 ", "format", "spaces around"),
    ("\t100", "format", "leading tab"),
    ("100\n", "format", "trailing newline"),
    ("\u00a0100", "format", "no-break space"),
    ("100.", "format", "point without decimals"),
    (".5", "format", "decimals without a whole part"),
    (".", "format", "a lone point"),
    ("1..5", "format", "two points"),
    ("1.5.5", "format", "three parts"),
    ("1e3", "format", "exponent"),
    ("1E3", "format", "capital exponent"),
    ("1e-2", "format", "negative exponent"),
    ("0.1e1", "format", "fraction with exponent"),
    ("0x10", "format", "hexadecimal"),
    ("0b1", "format", "binary"),
    ("0o7", "format", "octal"),
    ("01", "format", "leading zero"),
    ("00", "format", "two zeros"),
    ("01.00", "format", "leading zero with cents"),
    ("00.50", "format", "two leading zeros"),
    ("NaN", "format", "NaN"),
    ("nan", "format", "lower-case nan"),
    ("Infinity", "format", "Infinity"),
    ("inf", "format", "inf"),
    ("null", "format", "the word null"),
    ("true", "format", "the word true"),
    ("abc", "format", "letters"),
    ("1/2", "format", "a fraction"),
    ("½", "format", "a vulgar fraction"),
    ("٣", "format", "an Arabic-Indic digit"),
    ("1\u0000", "format", "a NUL after the digits"),
    ("\u0000", "format", "a lone NUL"),
    ("12.5%", "format", "a percent sign"),
    ("(100)", "format", "accounting negative"),
    ("100-", "format", "trailing minus"),
    (" ", "format", "a single space"),
    ("-0", "sign", "minus zero"),
    ("-1", "sign", "negative"),
    ("-1.00", "sign", "negative with cents"),
    ("+1", "sign", "explicit plus"),
    ("-", "sign", "a lone minus"),
    ("+", "sign", "a lone plus"),
    ("-Infinity", "sign", "minus Infinity: the sign is seen first"),
    ("", "empty", "empty"),
    ("0", "zero", "zero"),
    ("0.00", "zero", "zero with cents"),
    ("0.0", "zero", "zero with one decimal"),
    ("1.000", "too_many_decimals", "three decimals, even zeros"),
    ("1.001", "too_many_decimals", "three decimals"),
    ("0.001", "too_many_decimals", "a tenth of a fen"),
    ("12.345", "too_many_decimals", "would need rounding: never done silently"),
    ("100000000.00", "too_large", "one yuan above 99,999,999.99"),
    ("100000000", "too_large", "a hundred million"),
    ("1" + "0" * (MAX_VALUE_CHARS - 1), "too_large", f"{MAX_VALUE_CHARS} digits: within the text bound, above the maximum"),
]
AMOUNT_OK = [("0.01", "0.01"), ("0.5", "0.50"), ("0.05", "0.05"), ("1", "1.00"), ("1.5", "1.50"), ("99999999.99", "99999999.99"), ("10", "10.00")]
AMOUNT_TOO_LONG = [("9" * (MAX_VALUE_CHARS + 1), f"{MAX_VALUE_CHARS + 1} digits"), ("9" * 10_000, "10,000 digits"),
                   ("1" + " " * MAX_VALUE_CHARS, "a digit and 64 spaces")]


def amounts():
    out = []
    for i, (text, reason, why) in enumerate(AMOUNT_FORMS):
        out.append(case(f"bad-amount-parse-{i:02d}", "§1", f"{why}: {text!r} is refused as {reason}, never normalised.",
                        "parse_amount", {"field": "amount", "text": text}, err("invalid_amount", "amount", reason)))
        out.append(case(f"bad-amount-quote-{i:02d}", "§1", f"{why} as a payment's amount: {reason} at payment.amount, before any other field.",
                        "quote", {"merchant": MERCHANT, "payment": with_(CARD, amount=text, method="bogus")},
                        err("invalid_amount", "payment.amount", reason)))
        if reason == "zero":
            continue  # a cumulative volume or a day's usage may be zero
        out.append(case(f"bad-amount-volume-{i:02d}", "§8", f"{why} as an activation volume: {reason} at volume.",
                        "activation", {"volume": text}, err("invalid_amount", "volume", reason)))
        out.append(case(f"bad-amount-usage-{i:02d}", "§6", f"{why} as a day's usage: {reason} at usage.used.credit.",
                        "quote", {"merchant": MERCHANT, "payment": CARD, "usage": {"used": {"credit": text}}},
                        err("invalid_amount", "usage.used.credit", reason)))
    for i, (text, value) in enumerate(AMOUNT_OK):
        out.append(case(f"bad-amount-ok-{i:02d}", "§1", f"{text!r} is a valid amount, printed with two decimals.",
                        "parse_amount", {"field": "amount", "text": text}, {"value": value}))
    for i, (text, why) in enumerate(AMOUNT_TOO_LONG):
        out.append(case(f"bad-amount-too-long-{i:02d}", "§1", f"{why}: longer than {MAX_VALUE_CHARS} characters, refused unread.",
                        "parse_amount", {"field": "amount", "text": text}, err("input_too_large", "amount", "too_long")))
        out.append(case(f"bad-amount-too-long-quote-{i:02d}", "§1", f"{why} as payment.amount.",
                        "quote", {"merchant": MERCHANT, "payment": with_(CARD, amount=text)}, err("input_too_large", "payment.amount", "too_long")))
    for i, (value, what) in enumerate([(1000, "an integer"), (12.5, "a float"), (0, "zero"), (-1, "a negative number"),
                                        (True, "a boolean"), ([], "an array"), ({}, "an object"), (["1000.00"], "a list of one string")]):
        out.append(case(f"bad-amount-type-{i:02d}", "§1", f"money given as {what} is not a string: never a number, never guessed.",
                        "quote", {"merchant": MERCHANT, "payment": with_(CARD, amount=value)},
                        err("invalid_amount", "payment.amount", "not_a_string"), json_types=True))
    out.append(case("bad-amount-null", "§1", "a null amount is absent: missing.", "quote",
                    {"merchant": MERCHANT, "payment": with_(CARD, amount=None)}, err("invalid_amount", "payment.amount", "missing")))
    out.append(case("bad-amount-absent", "§1", "no amount at all: missing.", "quote",
                    {"merchant": MERCHANT, "payment": without(CARD, "amount")}, err("invalid_amount", "payment.amount", "missing")))
    return out


# ---- times ------------------------------------------------------------------------
TIME_FORMS = [
    ("2025/03/12 10:00", "format", "slashes"),
    ("2025-3-12T10:00", "format", "one-digit month"),
    ("2025-03-12", "format", "a date without a time"),
    ("10:00", "format", "a time without a date"),
    ("20250312T1000", "format", "basic ISO format"),
    ("2025-03-12T1:00", "format", "one-digit hour"),
    ("2025-03-12T10", "format", "hour only"),
    ("2025-03-12T10:00 ", "format", "trailing space"),
    (" 2025-03-12T10:00", "format", "leading space"),
    ("２０２５-03-12T10:00", "format", "full-width digits"),
    ("2025年3月12日 10:00", "format", "Chinese date"),
    ("12/03/2025 10:00", "format", "day first"),
    ("2025-03-12T10:00+8", "format", "offset without minutes"),
    ("2025-03-12T10:00 +08:00", "format", "space before the offset"),
    ("yesterday", "format", "a word"),
    ("1741744800", "format", "a Unix time as text"),
    ("", "format", "empty"),
    ("2025-03-12T10:00\u0000", "format", "a NUL after the time"),
    ("2025-02-30T10:00", "out_of_range", "30 February"),
    ("2025-02-29T10:00", "out_of_range", "29 February in a common year"),
    ("2025-04-31T10:00", "out_of_range", "31 April"),
    ("2025-13-01T10:00", "out_of_range", "month 13"),
    ("2025-00-10T10:00", "out_of_range", "month 0"),
    ("2025-03-00T10:00", "out_of_range", "day 0"),
    ("2025-03-12T24:00", "out_of_range", "hour 24"),
    ("2025-03-12T12:60", "out_of_range", "minute 60"),
    ("2025-03-12T10:00:60", "out_of_range", "second 60"),
    ("2025-03-12T10:00+24:00", "out_of_range", "offset +24:00"),
]


def times():
    out = []
    for i, (text, reason, why) in enumerate(TIME_FORMS):
        out.append(case(f"bad-time-{i:02d}", "§7", f"{why}: {text!r} is {reason} at payment.time.",
                        "quote", {"merchant": MERCHANT, "payment": with_(CARD, time=text)}, err("invalid_time", "payment.time", reason)))
    for i, (value, what) in enumerate([(1741744800, "a number"), (True, "a boolean"), ({}, "an object"), (["2025-03-12T10:00"], "an array")]):
        out.append(case(f"bad-time-type-{i:02d}", "§7", f"a time given as {what} is not a string.",
                        "quote", {"merchant": MERCHANT, "payment": with_(CARD, time=value)},
                        err("invalid_time", "payment.time", "not_a_string"), json_types=True))
    out.append(case("bad-time-null", "§7", "a null time is absent.", "quote",
                    {"merchant": MERCHANT, "payment": with_(CARD, time=None)}, err("invalid_time", "payment.time", "missing")))
    out.append(case("bad-time-absent", "§7", "no time at all.", "quote",
                    {"merchant": MERCHANT, "payment": without(CARD, "time")}, err("invalid_time", "payment.time", "missing")))
    for i, (text, reason, why) in enumerate([
        ("2025/09/30", "format", "slashes"), ("2025-9-30", "format", "one-digit month"), ("30-09-2025", "format", "day first"),
        ("2025-09-30T10:00", "format", "a time where a date belongs"), ("20250930", "format", "no separators"),
        (" 2025-09-30", "format", "leading space"), ("2025-09-30 ", "format", "trailing space"), ("２０２５-09-30", "format", "full-width digits"),
        ("2025-02-29", "out_of_range", "29 February in a common year"), ("2025-06-31", "out_of_range", "31 June"),
        ("2025-00-01", "out_of_range", "month 0"), ("2025-01-32", "out_of_range", "day 32"), ("2025-09-00", "out_of_range", "day 0")]):
        out.append(case(f"bad-date-{i:02d}", "§7", f"{why}: {text!r} is {reason} at submitted.",
                        "frozen_window", {"submitted": text}, err("invalid_time", "submitted", reason)))
    out.append(case("bad-time-too-long", "§1", f"a time text of {MAX_VALUE_CHARS + 6} characters is refused unread.", "quote",
                    {"merchant": MERCHANT, "payment": with_(CARD, time="2025-03-12T10:00:00." + "0" * (MAX_VALUE_CHARS - 14))},
                    err("input_too_large", "payment.time", "too_long")))
    return out


# ---- fields: unknown values, missing, not applicable, wrong types, extra keys ---------
def fields():
    out = []
    n = 0

    def add(note, inp, expect, json_types=False, section="§2"):
        nonlocal n
        out.append(case(f"bad-field-{n:03d}", section, note, "quote", inp, expect, json_types))
        n += 1

    for field, values, base in [("method", ["Card", "CARD", "刷卡", "", " card", "card ", "swipe", "nfc", "cash", "qr_code", "card\u0000"], CARD),
                                ("card_kind", ["Credit", "信用卡", "", "prepaid", "credit "], CARD),
                                ("card_medium", ["Chip", "ic", "芯片", "", "nfc"], CARD),
                                ("wallet", ["WeChat", "微信", "", "applepay", "alipay "], QR)]:
        for v in values:
            add(f"{v!r} is not a {field}: unknown_value, the allowed values named.",
                {"merchant": MERCHANT, "payment": with_(base, **{field: v})}, err("invalid_field", f"payment.{field}", "unknown_value"))
    for field, values in [("tier", ["gold", "Premium", "", "新商户", "premium\n"]),
                          ("verification", ["face", "FACE_AND_CARD", "", "人脸"]),
                          ("credit_rate", ["cheap", "Standard", "", "0.55"])]:
        for v in values:
            add(f"{v!r} is not a merchant {field}.", {"merchant": with_(MERCHANT, **{field: v}), "payment": CARD},
                err("invalid_field", f"merchant.{field}", "unknown_value"))
    # Missing, in the validation order.
    add("no method: missing.", {"merchant": MERCHANT, "payment": without(CARD, "method")}, err("invalid_field", "payment.method", "missing"))
    add("a card payment without card_kind.", {"merchant": MERCHANT, "payment": without(CARD, "card_kind")}, err("invalid_field", "payment.card_kind", "missing"))
    add("a card payment without card_medium.", {"merchant": MERCHANT, "payment": without(CARD, "card_medium")}, err("invalid_field", "payment.card_medium", "missing"))
    add("a QR payment without wallet.", {"merchant": MERCHANT, "payment": without(QR, "wallet")}, err("invalid_field", "payment.wallet", "missing"))
    add("amount is checked before method.", {"merchant": MERCHANT, "payment": {"amount": "1.234"}}, err("invalid_amount", "payment.amount", "too_many_decimals"))
    add("an empty payment: the amount is missing first.", {"merchant": MERCHANT, "payment": {}}, err("invalid_amount", "payment.amount", "missing"))
    add("method before card_kind.", {"merchant": MERCHANT, "payment": with_(CARD, method="x", card_kind="y")}, err("invalid_field", "payment.method", "unknown_value"))
    add("card_kind before card_medium.", {"merchant": MERCHANT, "payment": with_(CARD, card_kind="x", card_medium="y")}, err("invalid_field", "payment.card_kind", "unknown_value"))
    add("the payment before the merchant.", {"merchant": with_(MERCHANT, tier="x"), "payment": with_(CARD, method="x")}, err("invalid_field", "payment.method", "unknown_value"))
    add("time is checked last among the payment's fields.", {"merchant": MERCHANT, "payment": with_(CARD, card_kind="x", time="x")}, err("invalid_field", "payment.card_kind", "unknown_value"))
    for field in ["tier", "verification", "credit_rate"]:
        add(f"a merchant without {field}.", {"merchant": without(MERCHANT, field), "payment": CARD}, err("invalid_field", f"merchant.{field}", "missing"))
    # Not applicable.
    for field, value in [("wallet", "wechat"), ("large_mode", True)]:
        add(f"{field} given for a card payment does not apply.", {"merchant": MERCHANT, "payment": with_(CARD, **{field: value})},
            err("invalid_field", f"payment.{field}", "not_applicable"))
    for field, value in [("card_kind", "credit"), ("card_medium", "chip"), ("magstripe_verified", True)]:
        add(f"{field} given for a QR payment does not apply.", {"merchant": MERCHANT, "payment": with_(QR, **{field: value})},
            err("invalid_field", f"payment.{field}", "not_applicable"))
    add("magstripe_verified true for a chip card does not apply.", {"merchant": MERCHANT, "payment": with_(CARD, magstripe_verified=True)},
        err("invalid_field", "payment.magstripe_verified", "not_applicable"))
    # Wrong JSON types, at every depth.
    for path, value, what in [("method", 1, "a number"), ("method", True, "a boolean"), ("method", {}, "an object"),
                              ("card_kind", 2, "a number"), ("wallet", ["wechat"], "an array"),
                              ("magstripe_verified", "true", "a string"), ("large_mode", 1, "a number")]:
        base = QR if path in ("wallet", "large_mode") else CARD
        add(f"payment.{path} given as {what}.", {"merchant": MERCHANT, "payment": with_(base, **{path: value})},
            err("invalid_field", f"payment.{path}", "wrong_type"), json_types=True)
    for path, value, what in [("tier", 1, "a number"), ("activated", "yes", "a string"), ("activated", 1, "a number"),
                              ("large_mode_approved", "false", "a string"), ("wallets", [], "an array"), ("wallets", "all", "a string")]:
        add(f"merchant.{path} given as {what}.", {"merchant": with_(MERCHANT, **{path: value}), "payment": CARD},
            err("invalid_field", f"merchant.{path}", "wrong_type"), json_types=True)
    for w, value, what in [("alipay", "on", "a string"), ("wechat", [True, True], "an array"), ("unionpay", 1, "a number")]:
        add(f"merchant.wallets.{w} given as {what}.", {"merchant": with_(MERCHANT, wallets={w: value}), "payment": QR},
            err("invalid_field", f"merchant.wallets.{w}", "wrong_type"), json_types=True)
    for key, value, what in [("enabled", "yes", "a string"), ("verified", 1, "a number")]:
        add(f"merchant.wallets.wechat.{key} given as {what}.", {"merchant": with_(MERCHANT, wallets={"wechat": {"enabled": True, "verified": True, key: value}}), "payment": QR},
            err("invalid_field", f"merchant.wallets.wechat.{key}", "wrong_type"), json_types=True)
    for value, what in [("x", "a string"), (1, "a number"), ([], "an array"), (["1000.00", "card"], "an array of the fields in order")]:
        add(f"the payment given as {what}.", {"merchant": MERCHANT, "payment": value}, err("invalid_field", "payment", "wrong_type"), json_types=True)
        if not isinstance(value, str):  # a string names a merchant of the file's table
            add(f"the merchant given as {what}.", {"merchant": value, "payment": CARD}, err("invalid_field", "merchant", "wrong_type"), json_types=True)
    for value, what in [("x", "a string"), (1, "a number"), ([], "an array")]:
        add(f"the usage given as {what}.", {"merchant": MERCHANT, "payment": CARD, "usage": value}, err("invalid_field", "usage", "wrong_type"), json_types=True, section="§6")
    add("usage.used given as an array.", {"merchant": MERCHANT, "payment": CARD, "usage": {"used": []}}, err("invalid_field", "usage.used", "wrong_type"), json_types=True, section="§6")
    add("usage.used.credit given as a number.", {"merchant": MERCHANT, "payment": CARD, "usage": {"used": {"credit": 1000}}}, err("invalid_field", "usage.used.credit", "wrong_type"), json_types=True, section="§6")
    add("usage.counts.qr_large_count given as a string.", {"merchant": MERCHANT, "payment": CARD, "usage": {"counts": {"qr_large_count": "2"}}},
        err("invalid_field", "usage.counts.qr_large_count", "wrong_type"), json_types=True, section="§6")
    # Unknown keys: refused, never ignored.
    for where, inp, field in [
        ("payment", {"merchant": MERCHANT, "payment": with_(CARD, amout="1000.00")}, "payment.amout"),
        ("payment", {"merchant": MERCHANT, "payment": with_(CARD, colour="red")}, "payment.colour"),
        ("merchant", {"merchant": with_(MERCHANT, tire="new"), "payment": CARD}, "merchant.tire"),
        ("merchant.wallets", {"merchant": with_(MERCHANT, wallets={"paypal": {"enabled": True}}), "payment": CARD}, "merchant.wallets.paypal"),
        ("merchant.wallets.wechat", {"merchant": with_(MERCHANT, wallets={"wechat": {"enabled": True, "on": True}}), "payment": CARD}, "merchant.wallets.wechat.on"),
        ("usage", {"merchant": MERCHANT, "payment": CARD, "usage": {"spent": {}}}, "usage.spent"),
    ]:
        add(f"an unknown key in {where} is refused.", inp, err("invalid_field", field, "unknown_field"), json_types=True)
    # Nesting: the outermost input is level 1.
    def nest(depth):
        v = []
        for _ in range(depth - 1):
            v = [v]
        return v
    add(f"an unknown key holding {MAX_DEPTH - 1} levels: read (level {MAX_DEPTH} is allowed), refused as unknown.",
        {"merchant": MERCHANT, "payment": with_(CARD, x=nest(MAX_DEPTH - 1))}, err("invalid_field", "payment.x", "unknown_field"), json_types=True, section="§1")
    add(f"a value at level {MAX_DEPTH + 1}: too deep, at the first value past the bound.",
        {"merchant": MERCHANT, "payment": with_(CARD, x=nest(MAX_DEPTH))}, err("input_too_large", "payment.x" + "[0]" * (MAX_DEPTH - 1), "too_deep"), json_types=True, section="§1")
    add("a merchant nested too deep.", {"merchant": with_(MERCHANT, wallets={"wechat": nest(100)}), "payment": CARD},
        err("input_too_large", "merchant.wallets.wechat" + "[0]" * (MAX_DEPTH - 2), "too_deep"), json_types=True, section="§1")
    add("a usage nested too deep.", {"merchant": MERCHANT, "payment": CARD, "usage": {"used": {"credit": nest(100)}}},
        err("input_too_large", "usage.used.credit" + "[0]" * (MAX_DEPTH - 2), "too_deep"), json_types=True, section="§1")
    # Null is absent.
    add("a null wallet on a card payment is absent, not a field given.", {"merchant": MERCHANT, "payment": with_(CARD, wallet=None, large_mode=None)},
        {"outcome": "accepted", "fee": "5.50"})
    add("large_mode false on a card payment is absent too.", {"merchant": MERCHANT, "payment": with_(CARD, large_mode=False, magstripe_verified=False)},
        {"outcome": "accepted", "fee": "5.50"})
    return out


# ---- calendar files ---------------------------------------------------------------------
def calendars():
    out = []
    n = 0

    def add(note, text, expect, section="§7"):
        nonlocal n
        out.append(case(f"bad-calendar-{n:02d}", section, note, "calendar_load", {"calendar_text": text}, expect))
        n += 1

    year = '{"year": 2030, "days_off": [{"date": "2030-01-01", "name_zh": "元旦", "name_en": "New Year"}], "working_weekends": []}'
    add("the same key twice in an object: refused at that key, never the last one taken.",
        '{"schema_version": 1, "data_version": "t", "data_version": "u", "years": [' + year + ']}', err("calendar_invalid", "data_version", "duplicate_key"))
    add("a duplicated key inside a year.",
        '{"schema_version": 1, "data_version": "t", "years": [{"year": 2030, "year": 2031, "days_off": [], "working_weekends": []}]}',
        err("calendar_invalid", "years[0].year", "duplicate_key"))
    add("a duplicated key in a holiday-cn day.",
        '{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "date": "2030-01-02", "isOffDay": true}]}',
        err("calendar_invalid", "days[0].date", "duplicate_key"))
    add("arrays nested 5,000 deep: too deep at level 65.", "[" * 5000 + "]" * 5000, err("input_too_large", "[0]" * MAX_DEPTH, "too_deep"), section="§1")
    add("objects nested 100 deep under a key.", '{"x": ' + '{"a": ' * 100 + '1' + '}' * 100 + '}', err("input_too_large", "x" + ".a" * (MAX_DEPTH - 1), "too_deep"), section="§1")
    add(f"{MAX_DEPTH} levels are read.", '{"x": ' + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + '}',
        err("calendar_invalid", "schema_version", "missing"))
    for i, text in enumerate(["", " ", "{", "}", "[", '{"year": 2030,}', '{"year": 2030} x', "nul", "'{}'", "{\"year\": 2030\u0000}", "\ufeff{}"]):
        add(f"not JSON ({text!r}): a syntax error.", text, err("calendar_syntax", "", "syntax"))
    days = ",".join('{"name": "元旦", "date": "2030-01-01", "isOffDay": true}' for _ in range(401))
    add("a holiday-cn file with 401 days (a year and its December have 397 at most).",
        '{"year": 2030, "days": [' + days + ']}', err("input_too_large", "days", "too_many"), section="§1")
    return out


# ---- CSV statements -----------------------------------------------------------------------
def statements():
    out = []
    header = "id,time,amount,method,wallet,fee_charged\n"
    line = "T1,2025-03-12T10:00:00,100.00,qr,wechat,0.38\n"
    long_line = "T2,2025-03-12T10:00:00,100.00,qr,wechat," + "9" * (64 * 1024) + "\n"
    out.append(case("bad-csv-line-too-long", "§1", "a record of more than 64 KiB is an unjudgeable line (input_too_large at its line); the lines after it are read.",
                    "audit", {"merchant": MERCHANT, "as_of": "2025-03-20T00:00:00", "csv": header + long_line + line},
                    {"results": [{"status": "unjudgeable", "line_number": 2, "error": {"code": "input_too_large", "field": "line 2", "reason": "too_long"}},
                                 {"line_number": 3, "id": "T1", "expected_fee": "0.38"}]}))
    out.append(case("bad-csv-header-too-long", "§1", "a header of more than 64 KiB stops the reading.",
                    "audit", {"merchant": MERCHANT, "as_of": "2025-03-20T00:00:00", "csv": "id," * 30_000 + "\n" + line},
                    err("input_too_large", "line 1", "too_long")))
    return out


FILES = {
    "bad-input-amounts.json": ("bad input: amounts in every form people type", amounts),
    "bad-input-times.json": ("bad input: times", times),
    "bad-input-fields.json": ("bad input: fields missing, unknown, not applicable, mistyped, extra, nested", fields),
    "bad-input-data.json": ("bad input: hostile calendar files and CSV statements", lambda: calendars() + statements()),
}


def main():
    check = "--check" in sys.argv
    total = 0
    stale = []
    for name, (title, make) in FILES.items():
        cases = make()
        total += len(cases)
        text = json.dumps({"format": 1, "title": title, "cases": cases}, ensure_ascii=False, indent=1) + "\n"
        path = HERE / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale:", ", ".join(stale), "(run python3 tests/vectors/tools/bad_input.py)")
        sys.exit(1)
    print(f"bad-input corpus: {total} cases")


if __name__ == "__main__":
    main()
