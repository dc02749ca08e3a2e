// Runs every conformance vector in tests/vectors/*.json through the Swift
// bindings, as tests/kotlin/VectorTests.kt does through the Kotlin ones and
// core/tests/vectors.rs through Rust: each op is mapped onto the typed API,
// the answer is turned back into the vectors' snake_case shape (money as a
// string with two decimals) and compared by the same subset rule. Cases
// tagged "json_types" are skipped. Prints `swift: N passed, N failed, N skipped`.
//
// No Swift toolchain exists on the machine this was written on: this file is
// compiled and run only where `swift` is installed (scripts/test-mobile.sh).

import Foundation
import Posfee
import XCTest

// ---- JSON, decoded the same way on Darwin and Linux ----

indirect enum J: Decodable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([J])
    case object([String: J])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([J].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: J].self))
        }
    }

    subscript(key: String) -> J? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    var bool: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    var int: Int64? {
        if case let .int(i) = self { return i }
        return nil
    }

    var array: [J]? {
        if case let .array(a) = self { return a }
        return nil
    }

    var text: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return String(describing: d)
        case let .string(s):
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 {
                        out += String(format: "\\u%04x", u.value)
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
            return out + "\""
        case let .array(a): return "[" + a.map { $0.text }.joined(separator: ",") + "]"
        case let .object(o):
            return "{" + o.keys.sorted().map { J.string($0).text + ":" + o[$0]!.text }.joined(separator: ",") + "}"
        }
    }
}

struct RunnerError: Error, CustomStringConvertible {
    let description: String
}

let testsDir = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func read(_ path: String) throws -> String {
    try String(contentsOf: testsDir.appendingPathComponent(path), encoding: .utf8)
}

// ---- inputs ----

func planText(_ name: String) throws -> String {
    if name == "upos" { return try Plan.upos().toJson() }
    if name == "reference" { return try Plan.reference().toJson() }
    guard name.hasPrefix("test:") else { throw RunnerError(description: "unknown plan \(name)") }
    return try read("plans/\(name.dropFirst(5)).json")
}

func plan(_ input: J, _ key: String) throws -> Plan {
    try Plan.fromJson(json: try planText(input[key]?.string ?? "upos"))
}

/// Loads the `calendar_extra` entries of an input onto `cal`, in order: a name
/// (`tests/calendars/NAME.json`, either format, `Calendar.fromJson`) or
/// `{"name", "data_version"}` (a holiday-cn file with that version,
/// `Calendar.fromHolidayCn`). A failure is a broken test.
func extendExtra(_ cal: Posfee.Calendar, _ input: J) throws {
    for entry in input["calendar_extra"]?.array ?? [] {
        var name = entry.string
        var version: String? = nil
        if case .object = entry {
            try keys(entry, ["name", "data_version"], "calendar_extra entry")
            name = try str(entry, "name")
            version = try str(entry, "data_version")
        }
        guard let n = name else { throw RunnerError(description: "calendar_extra: names or {name, data_version}") }
        let text = try read("calendars/\(n).json")
        do {
            try cal.extend(other: try load(text, version))
        } catch let x as PosfeeError {
            throw RunnerError(description: "calendar \(n): \(x)")
        }
    }
}

/// A calendar file: as holiday-cn data of `version`, or read by `fromJson`.
func load(_ text: String, _ version: String?) throws -> Posfee.Calendar {
    if let v = version { return try Posfee.Calendar.fromHolidayCn(text: text, dataVersion: v) }
    return try Posfee.Calendar.fromJson(json: text)
}

/// The embedded calendar with the input's `calendar_extra` on top.
func calendar(_ input: J) throws -> Posfee.Calendar {
    let cal = try Posfee.Calendar.embedded()
    try extendExtra(cal, input)
    return cal
}

func engine(_ input: J) throws -> Engine {
    Engine.withData(plan: try plan(input, "plan"), calendar: try calendar(input))
}

func keys(_ o: J, _ allowed: Set<String>, _ what: String) throws {
    guard case let .object(d) = o else { throw RunnerError(description: "\(what): not an object") }
    for k in d.keys where !allowed.contains(k) {
        throw RunnerError(description: "\(what): key \(k) has no typed field")
    }
}

func str(_ o: J, _ k: String) throws -> String? {
    switch o[k] {
    case nil, .some(.null): return nil
    case let .some(.string(s)): return s
    case let .some(v): throw RunnerError(description: "\(k): not a string: \(v.text)")
    }
}

func flag(_ o: J, _ k: String) throws -> Bool? {
    switch o[k] {
    case nil, .some(.null): return nil
    case let .some(.bool(b)): return b
    case let .some(v): throw RunnerError(description: "\(k): not a boolean: \(v.text)")
    }
}

func paymentIn(_ v: J?) throws -> PaymentInput {
    guard let o = v, o != .null else { throw RunnerError(description: "no payment") }
    try keys(o, ["amount", "method", "card_kind", "card_medium", "magstripe_verified", "wallet", "large_mode", "time"], "payment")
    return PaymentInput(
        amount: try str(o, "amount"), method: try str(o, "method"), cardKind: try str(o, "card_kind"),
        cardMedium: try str(o, "card_medium"), magstripeVerified: try flag(o, "magstripe_verified"),
        wallet: try str(o, "wallet"), largeMode: try flag(o, "large_mode"), time: try str(o, "time"))
}

func instrumentIn(_ v: J) throws -> InstrumentInput {
    guard v != .null else { throw RunnerError(description: "no instrument") }
    try keys(v, ["method", "card_kind", "card_medium", "magstripe_verified", "wallet", "large_mode"], "instrument")
    return InstrumentInput(
        method: try str(v, "method"), cardKind: try str(v, "card_kind"), cardMedium: try str(v, "card_medium"),
        magstripeVerified: try flag(v, "magstripe_verified"), wallet: try str(v, "wallet"), largeMode: try flag(v, "large_mode"))
}

func walletIn(_ v: J?) throws -> WalletInput? {
    guard let o = v, o != .null else { return nil }
    try keys(o, ["enabled", "verified"], "wallet")
    return WalletInput(enabled: try flag(o, "enabled"), verified: try flag(o, "verified"))
}

func merchantIn(_ input: J, _ merchants: J) throws -> MerchantInput {
    guard var o = input["merchant"] else { throw RunnerError(description: "case has no merchant") }
    if let name = o.string {
        guard let m = merchants[name] else { throw RunnerError(description: "no merchant named \(name)") }
        o = m
    }
    try keys(o, ["tier", "verification", "credit_rate", "activated", "wallets", "large_mode_approved"], "merchant")
    var wallets: WalletsInput? = nil
    if let w = o["wallets"], w != .null {
        try keys(w, ["alipay", "wechat", "unionpay"], "wallets")
        wallets = WalletsInput(alipay: try walletIn(w["alipay"]), wechat: try walletIn(w["wechat"]), unionpay: try walletIn(w["unionpay"]))
    }
    return MerchantInput(
        tier: try str(o, "tier"), verification: try str(o, "verification"), creditRate: try str(o, "credit_rate"),
        activated: try flag(o, "activated"), wallets: wallets, largeModeApproved: try flag(o, "large_mode_approved"))
}

func usageIn(_ v: J?) throws -> UsageInput? {
    guard let o = v, o != .null else { return nil }
    try keys(o, ["used", "counts"], "usage")
    var used: [String: String] = [:]
    if case let .object(u)? = o["used"] {
        for (k, x) in u {
            guard let s = x.string else { throw RunnerError(description: "used.\(k): not a string") }
            used[k] = s
        }
    }
    var counts: [String: Int64] = [:]
    if case let .object(c)? = o["counts"] {
        for (k, x) in c { counts[k] = x.int ?? 0 }
    }
    return UsageInput(used: used, counts: counts)
}

func contractIn(_ v: J?) throws -> ContractInput {
    guard let o = v, o != .null else { throw RunnerError(description: "no contract") }
    try keys(o, ["id", "name", "rates", "debit_cap", "fixed_fee", "fixed_fee_channels", "minimum_fee", "rounding"], "contract")
    var rates: ContractRatesInput? = nil
    if let r = o["rates"], r != .null {
        try keys(r, ["credit", "debit", "qr", "small_contactless", "contactless"], "contract.rates")
        rates = ContractRatesInput(
            credit: try str(r, "credit"), debit: try str(r, "debit"), qr: try str(r, "qr"),
            smallContactless: try str(r, "small_contactless"), contactless: try str(r, "contactless"))
    }
    var channels: [String]? = nil
    if let l = o["fixed_fee_channels"], l != .null {
        guard let a = l.array else { throw RunnerError(description: "fixed_fee_channels: not an array: \(l.text)") }
        channels = try a.map {
            guard let s = $0.string else { throw RunnerError(description: "fixed_fee_channels: not a string: \($0.text)") }
            return s
        }
    }
    return ContractInput(
        id: try str(o, "id"), name: try str(o, "name"), rates: rates, debitCap: try str(o, "debit_cap"),
        fixedFee: try str(o, "fixed_fee"), fixedFeeChannels: channels, minimumFee: try str(o, "minimum_fee"),
        rounding: try str(o, "rounding"))
}

func mixIn(_ input: J) throws -> [MixLineInput] {
    try (input["mix"]?.array ?? []).map { l -> MixLineInput in
        try keys(l, ["payment", "count"], "mix line")
        return MixLineInput(payment: try paymentIn(l["payment"]), count: l["count"]?.int ?? 0)
    }
}

func opts(_ input: J) throws -> QuoteOptions {
    QuoteOptions(provisional: try flag(input, "provisional") ?? false)
}

/// A statement file's format: the vectors' snake_case keys onto the record.
func formatIn(_ v: J?) throws -> StatementFormatInput? {
    guard let o = v, o != .null else { return nil }
    try keys(o, ["profile", "encoding", "decoded_from", "columns", "totals"], "format")
    var columns: [String: String] = [:]
    if case let .object(c)? = o["columns"] {
        for (k, x) in c {
            guard let s = x.string else { throw RunnerError(description: "format.columns.\(k): not a string") }
            columns[k] = s
        }
    }
    var totals: StatedTotalsInput? = nil
    if let t = o["totals"], t != .null {
        try keys(t, ["amount", "fee_charged", "net_settled"], "format.totals")
        totals = StatedTotalsInput(amount: try str(t, "amount"), feeCharged: try str(t, "fee_charged"), netSettled: try str(t, "net_settled"))
    }
    return StatementFormatInput(
        profile: try str(o, "profile"), encoding: try str(o, "encoding"), decodedFrom: try str(o, "decoded_from"),
        columns: columns, totals: totals)
}

/// Bytes written in hex (`key` names them in errors).
func hexBytes(_ hex: String, _ key: String) throws -> [UInt8] {
    let u = Array(hex.utf8)
    guard u.count % 2 == 0 else { throw RunnerError(description: "\(key): odd length") }
    return try stride(from: 0, to: u.count, by: 2).map { i -> UInt8 in
        guard let b = UInt8(String(decoding: u[i..<i + 2], as: UTF8.self), radix: 16) else {
            throw RunnerError(description: "\(key): not hex at \(i)")
        }
        return b
    }
}

/// `statement` (UTF-8 text) or `statement_hex` (the file's bytes in hex).
func statementBytes(_ input: J) throws -> [UInt8]? {
    if let text = try str(input, "statement") { return Array(text.utf8) }
    guard let hex = try str(input, "statement_hex") else { return nil }
    return try hexBytes(hex, "statement_hex")
}

// ---- answers → the vectors' JSON ----

/// Money with exactly two decimals ("5.50", "-3.00").
func m(_ x: Decimal?) -> J {
    guard let x = x else { return .null }
    let text = NSDecimalNumber(decimal: x).stringValue
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let frac = parts.count > 1 ? String(parts[1]) : ""
    return .string(String(parts[0]) + "." + String((frac + "00").prefix(2)))
}

func pct(_ x: Decimal) -> J { .string(NSDecimalNumber(decimal: x).stringValue) }
func s(_ x: String?) -> J { x.map { J.string($0) } ?? J.null }
func n(_ x: Int64?) -> J { x.map { J.int($0) } ?? J.null }

/// An enum case as its snake_case name (`merchantNotActivated` → `merchant_not_activated`).
func e<T>(_ x: T) -> J {
    var out = ""
    for c in String(describing: x) {
        if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
    }
    return .string(out)
}

func stepJ(_ x: Step) -> J { J.object(["code": s(x.code), "zh": s(x.zh), "en": s(x.en)]) }
func steps(_ xs: [Step]) -> J { .array(xs.map(stepJ)) }
func years(_ xs: [Int32]) -> J { .array(xs.map { J.int(Int64($0)) }) }

func consultedJ(_ xs: [ConsultedYear]) -> J {
    .array(xs.map { J.object(["year": .int(Int64($0.year)), "data_version": s($0.dataVersion), "origin": e($0.origin)]) })
}

func arrivalJ(_ a: Arrival) -> J {
    J.object(["date": s(a.date), "realtime": .bool(a.realtime), "accounting_date": s(a.accountingDate),
             "provisional": .bool(a.provisional), "uncovered_years": years(a.uncoveredYears),
             "calendar": consultedJ(a.calendar), "rule": s(a.rule),
             "cutoff_note": a.cutoffNote.map(stepJ) ?? J.null])
}

func limitsJ(_ l: LimitCheck) -> J {
    J.object([
        "single_cap": m(l.singleCap), "single_dimension": s(l.singleDimension), "daily_dimension": s(l.dailyDimension),
        "left_today": m(l.leftToday), "left_after": m(l.leftAfter),
        "single": .array(l.single.map { J.object(["dimension": s($0.dimension), "cap": m($0.cap)]) }),
        "daily": .array(l.daily.map {
            J.object(["bucket": s($0.bucket), "class": s($0.class), "cap": m($0.cap), "count_cap": n($0.countCap),
                     "used": m($0.used), "used_count": n($0.usedCount), "left": m($0.left), "left_count": n($0.leftCount)])
        }),
        "raise_steps": steps(l.raiseSteps),
    ])
}

func quoteJ(_ q: Quote) -> J {
    J.object([
        "outcome": e(q.outcome), "amount": m(q.amount), "fee": m(q.fee), "net": m(q.net),
        "rule": .object(["id": s(q.rule.id), "name_zh": s(q.rule.nameZh), "name_en": s(q.rule.nameEn),
                         "rate_percent": pct(q.rule.ratePercent), "cap": m(q.rule.cap)]),
        "fee_detail": .object(["percentage": m(q.feeDetail.percentage), "capped": .bool(q.feeDetail.capped),
                               "minimum_applied": .bool(q.feeDetail.minimumApplied), "fixed": m(q.feeDetail.fixed)]),
        "accounting_date": s(q.accountingDate),
        "refusal": q.refusal.map { r -> J in
            J.object(["code": e(r.code), "dimension": s(r.dimension), "cap": m(r.cap), "count_cap": n(r.countCap),
                     "left_today": m(r.leftToday), "steps": steps(r.steps), "message_zh": s(r.messageZh), "message_en": s(r.messageEn)])
        } ?? J.null,
        "limits": q.limits.map(limitsJ) ?? J.null,
        "arrival": q.arrival.map(arrivalJ) ?? J.null,
    ])
}

func answerJ(_ a: Answer) -> J {
    J.object(["eligible": .bool(a.eligible), "unmet": .array(a.unmet.map { J.string($0) }), "steps": steps(a.steps)])
}

func errorInfoJ(_ x: ErrorInfo) -> J {
    J.object(["code": s(x.code), "field": s(x.field), "reason": s(x.reason),
             "year": x.year.map { J.int(Int64($0)) } ?? J.null, "message_zh": s(x.messageZh), "message_en": s(x.messageEn)])
}

func lineAuditJ(_ a: LineAudit) -> J {
    J.object([
        "index": .int(Int64(a.index)), "line_number": a.lineNumber.map { J.int(Int64($0)) } ?? J.null, "id": s(a.id),
        "status": e(a.status),
        "findings": .array(a.findings.map { J.object(["code": e($0.code), "amount": m($0.amount), "message_zh": s($0.messageZh), "message_en": s($0.messageEn)]) }),
        "expected_fee": m(a.expectedFee), "fee_charged": m(a.feeCharged), "rule": s(a.rule),
        "expected_arrival": s(a.expectedArrival), "realtime": a.realtime.map { J.bool($0) } ?? J.null, "settled_date": s(a.settledDate),
        "error": a.error.map(errorInfoJ) ?? J.null, "arrival_error": a.arrivalError.map(errorInfoJ) ?? J.null,
        "likely_causes": steps(a.likelyCauses), "actions": steps(a.actions),
    ])
}

func auditSummaryJ(_ x: AuditSummary) -> J {
    J.object([
        "lines": .int(Int64(x.lines)), "ok": .int(Int64(x.ok)), "with_findings": .int(Int64(x.withFindings)),
        "unjudgeable": .int(Int64(x.unjudgeable)), "counts": .object(x.counts.mapValues { J.int(Int64($0)) }),
        "overcharged": m(x.overcharged), "undercharged": m(x.undercharged), "net_mismatch": m(x.netMismatch),
        "duplicates": m(x.duplicates), "settled_late": m(x.settledLate), "not_settled": m(x.notSettled),
        "fees_charged": m(x.feesCharged), "fees_expected": m(x.feesExpected),
    ])
}

func diagnosisJ(_ d: Diagnosis) -> J {
    J.object([
        "situation": e(d.situation), "situation_zh": s(d.situationZh), "situation_en": s(d.situationEn),
        "not_due": d.notDue.map { J.object(["due": s($0.due), "realtime": .bool($0.realtime), "provisional": .bool($0.provisional)]) } ?? J.null,
        "plan_refusal": d.planRefusal.map { r -> J in
            J.object(["code": e(r.code), "dimension": s(r.dimension), "cap": m(r.cap), "count_cap": n(r.countCap),
                     "left_today": m(r.leftToday), "steps": steps(r.steps), "message_zh": s(r.messageZh), "message_en": s(r.messageEn)])
        } ?? J.null,
        "causes": .array(d.causes.map {
            J.object(["code": s($0.code), "zh": s($0.zh), "en": s($0.en), "matched": .array($0.matched.map { J.string($0) }), "heuristic": .bool($0.heuristic),
                     "seeds": .array($0.seeds.map { J.string($0) }), "actions": steps($0.actions)])
        }),
        "recovery_steps": steps(d.recoverySteps), "notes": steps(d.notes), "support_line": s(d.supportLine), "catalogue_version": s(d.catalogueVersion),
    ])
}

func channelComparisonJ(_ c: ChannelComparison) -> J {
    J.object([
        "plan_a": s(c.planA), "plan_b": s(c.planB), "total_a": m(c.totalA), "total_b": m(c.totalB),
        "difference": m(c.difference), "saving": m(c.saving), "cheaper": e(c.cheaper), "volume": m(c.volume),
        "payments": .int(Int64(c.payments)),
        "channels": .array(c.channels.map {
            J.object(["channel": e($0.channel), "name_zh": s($0.nameZh), "name_en": s($0.nameEn), "payments": .int(Int64($0.payments)),
                     "volume": m($0.volume), "total_a": m($0.totalA), "total_b": m($0.totalB), "difference": m($0.difference),
                     "saving": m($0.saving), "cheaper": e($0.cheaper)])
        }),
        "lines": .array(c.lines.map {
            J.object(["channel": e($0.channel), "rule_a": s($0.ruleA), "rule_b": s($0.ruleB), "fee_a": m($0.feeA), "fee_b": m($0.feeB),
                     "total_a": m($0.totalA), "total_b": m($0.totalB)])
        }),
    ])
}

func yearVersionJ(_ v: YearVersion) -> J {
    J.object(["year": .int(Int64(v.year)), "data_version": s(v.dataVersion), "origin": e(v.origin),
             "notice": s(v.notice), "papers": .array(v.papers.map { J.string($0) })])
}

func dayJ(_ d: DayInfo) -> J {
    J.object(["date": s(d.date), "working": .bool(d.working), "kind": e(d.kind), "name_zh": s(d.nameZh), "name_en": s(d.nameEn)])
}

func encodingName(_ x: TextEncoding) -> String {
    switch x {
    case .utf8: return "utf-8"
    case .utf16Le: return "utf-16le"
    case .utf16Be: return "utf-16be"
    case .gb18030: return "gb18030"
    }
}

func layoutJ(_ l: StatementLayout) -> J {
    J.object([
        "profile": s(l.profile),
        "encoding": l.encoding.map { J.object(["encoding": .string(encodingName($0.encoding)), "source": e($0.source)]) } ?? J.null,
        "header_line": .int(l.headerLine), "title_rows": .int(l.titleRows),
        "columns": .array(l.columns.map { J.object(["column": s($0.column), "field": s($0.field)]) }),
        "unknown_columns": .array(l.unknownColumns.map { J.string($0) }),
    ])
}

func totalsJ(_ t: TotalsCheck) -> J {
    J.object([
        "line_number": n(t.lineNumber), "lines": .int(t.lines), "unread": .int(t.unread),
        "checks": .array(t.checks.map {
            J.object(["field": s($0.field), "stated": m($0.stated), "summed": m($0.summed), "agrees": .bool($0.agrees)])
        }),
        "agrees": .bool(t.agrees),
    ])
}

func errorJ(_ x: PosfeeError) -> J {
    J.object([
        "code": s(x.code()), "field": s(x.field()), "reason": s(x.reason()),
        "year": x.year().map { J.int(Int64($0)) } ?? J.null,
        "message_zh": s(x.messageZh()), "message_en": s(x.messageEn()),
    ])
}

func statementLineIn(_ o: J) throws -> StatementLineInput {
    try keys(o, ["id", "time", "amount", "method", "card_kind", "card_medium", "magstripe_verified", "wallet", "large_mode", "fee_charged", "net_settled", "settled_date"], "statement line")
    return StatementLineInput(
        id: try str(o, "id"), time: try str(o, "time"), amount: try str(o, "amount"), method: try str(o, "method"),
        cardKind: try str(o, "card_kind"), cardMedium: try str(o, "card_medium"), magstripeVerified: try flag(o, "magstripe_verified"),
        wallet: try str(o, "wallet"), largeMode: try flag(o, "large_mode"), feeCharged: try str(o, "fee_charged"),
        netSettled: try str(o, "net_settled"), settledDate: try str(o, "settled_date"))
}

func out(_ f: () throws -> J) throws -> J {
    do {
        return try f()
    } catch let x as PosfeeError {
        return .object(["error": errorJ(x)])
    }
}

// ---- plan_load's JSON pointers ----

func unescape(_ p: Substring) -> String {
    p.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
}

/// Applies `f` to the value at `path` (all but the last pointer segment).
func edit(_ v: inout J, _ path: ArraySlice<String>, _ f: (inout J) throws -> Void) throws {
    guard let first = path.first else { return try f(&v) }
    switch v {
    case var .object(o):
        guard var child = o[first] else { throw RunnerError(description: "no /\(first)") }
        try edit(&child, path.dropFirst(), f)
        o[first] = child
        v = .object(o)
    case var .array(a):
        guard let i = Int(first), a.indices.contains(i) else { throw RunnerError(description: "no index \(first)") }
        try edit(&a[i], path.dropFirst(), f)
        v = .array(a)
    default:
        throw RunnerError(description: "not a container at \(first)")
    }
}

func pointer(_ ptr: String) -> ([String], String) {
    let parts = ptr.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(unescape)
    return (Array(parts.dropLast()), parts.last ?? "")
}

// ---- ops ----

func runCase(_ c: J, _ merchants: J) throws -> J {
    let input = c["input"] ?? .object([:])
    switch c["op"]?.string ?? "" {
    case "parse_amount":
        return try out { .object(["value": m(try parseAmount(text: try str(input, "text"), field: try str(input, "field") ?? "amount"))]) }
    case "quote":
        let en = try engine(input)
        let mi = try merchantIn(input, merchants)
        return try out { quoteJ(try en.quote(merchant: mi, payment: try paymentIn(input["payment"]), usage: try usageIn(input["usage"]), options: try opts(input))) }
    case "ledger":
        let en = try engine(input)
        let mi = try merchantIn(input, merchants)
        let payments = try (input["payments"]?.array ?? []).map { try paymentIn($0) }
        return try out { .object(["results": .array(try DayLedger().quoteAll(engine: en, merchant: mi, payments: payments, options: try opts(input)).map(quoteJ))]) }
    case "fee_batch":
        let en = try engine(input)
        let mi = try merchantIn(input, merchants)
        let instruments = try (input["instruments"]?.array ?? []).map { try instrumentIn($0) }
        let index: [Int32]? = try input["instrument_index"]?.array?.map { x -> Int32 in
            guard case let .int(i) = x, let k = Int32(exactly: i) else { throw RunnerError(description: "instrument_index: not an integer") }
            return k
        }
        return try out {
            let r = try en.feeBatch(merchant: mi, amounts: try str(input, "amounts") ?? "", instruments: instruments, instrumentIndex: index)
            return .object(["fees": .string(r.fees), "nets": .string(r.nets), "total_amount": m(r.totalAmount),
                            "total_fee": m(r.totalFee), "total_net": m(r.totalNet), "count": .int(r.count)])
        }
    case "arrival":
        let en = try engine(input)
        return try out { arrivalJ(try en.arrival(payment: try paymentIn(input["payment"]), options: try opts(input))) }
    case "frozen_window":
        let en = try engine(input)
        return try out {
            let w = try en.frozenWindow(submitted: try str(input, "submitted"), options: try opts(input))
            return .object(["first": s(w.first), "last": s(w.last), "provisional": .bool(w.provisional),
                            "uncovered_years": years(w.uncoveredYears), "calendar": consultedJ(w.calendar)])
        }
    case "provider":
        let en = try engine(input)
        return try out {
            let p = try en.provider(on: try str(input, "on"))
            return .object(["name_zh": s(p.nameZh), "name_en": s(p.nameEn), "support_line": s(p.supportLine),
                            "licence": p.licence.map { l in J.object(["number": s(l.number), "scope_zh": s(l.scopeZh),
                                "scope_en": s(l.scopeEn), "valid_until": s(l.validUntil), "date_passed": .bool(l.datePassed)]) } ?? J.null,
                            "notes": steps(p.notes)])
        }
    case "activation":
        let en = try engine(input)
        return try out {
            let a = try en.activation(volume: try str(input, "volume"))
            return .object([
                "activation_fee": m(a.activationFee), "volume": m(a.volume), "earned": m(a.earned), "net_cost": m(a.netCost),
                "reached": .array(a.reached.map { J.object(["volume": m($0.volume), "cashback": m($0.cashback)]) }),
                "next": a.next.map { J.object(["volume": m($0.volume), "cashback": m($0.cashback), "still_needed": m($0.stillNeeded)]) } ?? J.null,
            ])
        }
    case "eligibility":
        let en = try engine(input)
        try keys(input, ["plan", "monthly_volumes", "devices", "annual_agreement", "risk_record", "verification"], "eligibility")
        let facts = EligibilityInput(
            monthlyVolumes: (input["monthly_volumes"]?.array ?? []).map { $0.string ?? "" },
            devices: input["devices"]?.int ?? 0,
            annualAgreement: try flag(input, "annual_agreement") ?? false,
            riskRecord: try flag(input, "risk_record") ?? false,
            verification: try str(input, "verification"))
        return try out {
            let a = try en.eligibility(facts: facts)
            return .object(["premium_rate": answerJ(a.premiumRate), "bulk_rate": answerJ(a.bulkRate), "limit_upgrade": answerJ(a.limitUpgrade)])
        }
    case "compare":
        let a = try plan(input, "plan_a")
        let b = try plan(input, "plan_b")
        let mi = try merchantIn(input, merchants)
        let mix = try mixIn(input)
        return try out {
            let c = try compare(planA: a, planB: b, merchant: mi, mix: mix)
            return .object([
                "plan_a": s(c.planA), "plan_b": s(c.planB), "total_a": m(c.totalA), "total_b": m(c.totalB),
                "difference": m(c.difference), "cheaper": e(c.cheaper), "volume": m(c.volume), "payments": .int(Int64(c.payments)),
                "lines": .array(c.lines.map {
                    J.object(["rule_a": s($0.ruleA), "rule_b": s($0.ruleB), "fee_a": m($0.feeA), "fee_b": m($0.feeB),
                             "total_a": m($0.totalA), "total_b": m($0.totalB)])
                }),
            ])
        }
    case "plan_load":
        var v = try JSONDecoder().decode(J.self, from: Data(try planText(try str(input, "base") ?? "upos").utf8))
        for set in input["set"]?.array ?? [] {
            let (parent, last) = pointer(set["pointer"]?.string ?? "")
            let value = set["value"] ?? J.null
            try edit(&v, parent[...]) { cont in
                switch cont {
                case var .object(o): o[last] = value; cont = .object(o)
                case var .array(a):
                    guard let i = Int(last), a.indices.contains(i) else { throw RunnerError(description: "no index \(last)") }
                    a[i] = value
                    cont = .array(a)
                default: throw RunnerError(description: "not a container")
                }
            }
        }
        for r in input["remove"]?.array ?? [] {
            let (parent, last) = pointer(r.string ?? "")
            try edit(&v, parent[...]) { cont in
                switch cont {
                case var .object(o): o[last] = nil; cont = .object(o)
                case var .array(a):
                    if let i = Int(last), a.indices.contains(i) { a.remove(at: i) }
                    cont = .array(a)
                default: throw RunnerError(description: "not a container")
                }
            }
        }
        let text = v.text
        return try out {
            let p = try Plan.fromJson(json: text)
            return .object(["plan_id": s(p.id()), "data_version": s(p.dataVersion())])
        }
    case "calendar_load":
        try keys(input, ["calendar", "calendar_text", "calendar_file", "data_version", "onto", "calendar_extra", "query"], "calendar_load")
        let onto = try str(input, "onto")
        let cal: Posfee.Calendar
        if onto == nil {
            cal = Posfee.Calendar.empty()
        } else if onto == "embedded" {
            cal = try Posfee.Calendar.embedded()
        } else {
            throw RunnerError(description: "unknown onto \(onto ?? "")")
        }
        try extendExtra(cal, input)
        let given = ["calendar", "calendar_text", "calendar_file"].filter { input[$0] != nil }
        guard given.count == 1 else { throw RunnerError(description: "calendar_load needs one of calendar, calendar_text, calendar_file") }
        let text: String
        switch given[0] {
        case "calendar": text = input["calendar"]!.text
        case "calendar_text": text = try str(input, "calendar_text") ?? ""
        default: text = try read("calendars/\(try str(input, "calendar_file") ?? "").json")
        }
        let version = try str(input, "data_version")
        return try out {
            try cal.extend(other: try load(text, version))
            var o: [String: J] = [
                "years": years(cal.years()), "valid_until": s(cal.validUntil()),
                "versions": .array(cal.versions().map(yearVersionJ)),
            ]
            if let q = input["query"]?.array {
                o["days"] = .array(q.map { d -> J in
                    do {
                        return dayJ(try cal.day(date: d.string))
                    } catch let x as PosfeeError {
                        return .object(["date": d, "error": errorJ(x)])
                    } catch {
                        return .object(["date": d, "error": .string("\(error)")])
                    }
                })
            }
            return .object(o)
        }
    case "contract_plan":
        let base = try plan(input, "base")
        let ci = try contractIn(input["contract"])
        return try out {
            try JSONDecoder().decode(J.self, from: Data(try Plan.fromContract(contract: ci, base: base).toJson().utf8))
        }
    case "contract_quote":
        let base = try plan(input, "base")
        let cal = try calendar(input)
        let ci = try contractIn(input["contract"])
        let mi = try merchantIn(input, merchants)
        return try out {
            let en = Engine.withData(plan: try Plan.fromContract(contract: ci, base: base), calendar: cal)
            return quoteJ(try en.quote(merchant: mi, payment: try paymentIn(input["payment"]), usage: try usageIn(input["usage"]), options: try opts(input)))
        }
    case "contract_compare":
        let base = try plan(input, "base")
        let b = try plan(input, "plan_b")
        let ci = try contractIn(input["contract"])
        let mi = try merchantIn(input, merchants)
        let mix = try mixIn(input)
        return try out { channelComparisonJ(try compareContract(contract: ci, base: base, other: b, merchant: mi, mix: mix)) }
    case "audit":
        let en = try engine(input)
        let mi = try merchantIn(input, merchants)
        return try out {
            let auditor = try Auditor(engine: en, merchant: mi, asOf: try str(input, "as_of"), options: try opts(input))
            var results: [LineAudit] = []
            let workbook = try str(input, "workbook_hex").map { try hexBytes($0, "workbook_hex") }
            let file = try statementBytes(input)
            if workbook != nil || file != nil {
                try auditor.startStatement(format: try formatIn(input["format"]))
                // An .xlsx statement: its sheet's rows, then the same format.
                if let book = workbook {
                    results += try auditor.feedXlsx(file: Data(book), sheet: nil)
                }
                // A statement file, fed in pieces of 5 bytes as the Rust
                // runner does (a GBK or UTF-16 character split across them).
                let bytes = file ?? []
                var i = 0
                while i < bytes.count {
                    results += try auditor.feedCsv(chunk: Data(bytes[i..<min(i + 5, bytes.count)]))
                    i += 5
                }
                results += try auditor.finishCsv()
                return .object([
                    "results": .array(results.map(lineAuditJ)), "summary": auditSummaryJ(auditor.summary()),
                    "layout": auditor.statementLayout().map(layoutJ) ?? J.null,
                    "totals": auditor.statementTotals().map(totalsJ) ?? J.null,
                ])
            }
            if let csv = try str(input, "csv") {
                // Fed in small chunks, as an app streaming a file would.
                let bytes = Array(csv.utf8)
                var i = 0
                while i < bytes.count {
                    results += try auditor.feedCsv(chunk: Data(bytes[i..<min(i + 7, bytes.count)]))
                    i += 7
                }
                results += try auditor.finishCsv()
            } else {
                for l in input["lines"]?.array ?? [] { results.append(auditor.auditLine(line: try statementLineIn(l))) }
            }
            return .object(["results": .array(results.map(lineAuditJ)), "summary": auditSummaryJ(auditor.summary())])
        }
    case "diagnose":
        let en = try engine(input)
        try keys(input, ["plan", "calendar_extra", "situation", "payment", "merchant", "usage", "terminal_message", "as_of", "qr_created", "recent_payments", "provisional"], "diagnose")
        return try out {
            let d = DiagnoseInput(
                situation: try str(input, "situation"),
                payment: input["payment"] == nil ? nil : try paymentIn(input["payment"]),
                merchant: input["merchant"] == nil ? nil : try merchantIn(input, merchants),
                usage: try usageIn(input["usage"]),
                terminalMessage: try str(input, "terminal_message"),
                asOf: try str(input, "as_of"),
                qrCreated: try str(input, "qr_created"),
                recentPayments: (input["recent_payments"]?.array ?? []).compactMap { $0.string },
                provisional: try flag(input, "provisional") ?? false)
            return diagnosisJ(try en.diagnose(input: d))
        }
    case let op:
        throw RunnerError(description: "unknown op \(op)")
    }
}

/// `expected` ⊆ `actual` (tests/vectors/README.md); rates compare as decimals
/// because Swift's Decimal keeps no scale ("0.60" reads back as "0.6").
func subset(_ expected: J, _ actual: J?, _ path: String, _ diffs: inout [String]) {
    switch (expected, actual) {
    case (.null, nil), (.null, .some(.null)):
        return
    case let (.object(eo), .some(.object(ao))):
        for (k, ev) in eo { subset(ev, ao[k], "\(path).\(k)", &diffs) }
    case let (.array(ea), .some(.array(aa))):
        guard ea.count == aa.count else {
            diffs.append("\(path): expected \(ea.count) elements, got \(aa.count)")
            return
        }
        for (i, pair) in zip(ea, aa).enumerated() { subset(pair.0, pair.1, "\(path)[\(i)]", &diffs) }
    case let (.string(es), .some(.string(as_))) where path.hasSuffix(".rate_percent"):
        if Decimal(string: es, locale: Locale(identifier: "en_US_POSIX")) != Decimal(string: as_, locale: Locale(identifier: "en_US_POSIX")) {
            diffs.append("\(path): expected \(es), got \(as_)")
        }
    case let (e, .some(a)) where e == a:
        return
    case let (e, a):
        diffs.append("\(path): expected \(e.text), got \(a?.text ?? "nothing")")
    }
}

final class VectorTests: XCTestCase {
    func testEveryVector() throws {
        let dir = testsDir.appendingPathComponent("vectors")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        var passed = 0, skipped = 0
        var failed: [String] = []
        for file in files {
            let doc = try JSONDecoder().decode(J.self, from: Data(contentsOf: dir.appendingPathComponent(file)))
            let merchants = doc["merchants"] ?? .object([:])
            for c in doc["cases"]?.array ?? [] {
                let id = c["id"]?.string ?? "?"
                if (c["tags"]?.array ?? []).contains(.string("json_types")) {
                    skipped += 1
                    continue
                }
                var diffs: [String] = []
                do {
                    subset(c["expect"] ?? J.null, try runCase(c, merchants), "", &diffs)
                } catch {
                    diffs.append("runner: \(error)")
                }
                if diffs.isEmpty { passed += 1 } else { failed.append("\(id) (\(file)): \(diffs.joined(separator: "; "))") }
            }
        }
        for f in failed { print("FAIL \(f)") }
        print("swift: \(passed) passed, \(failed.count) failed, \(skipped) skipped")
        XCTAssertTrue(failed.isEmpty, "\(failed.count) vectors failed")
        XCTAssertGreaterThanOrEqual(passed, 200)
    }

    let std = MerchantInput(tier: "premium", verification: "face_and_card", creditRate: "standard", activated: true)
    let card = PaymentInput(amount: "1000.00", method: "card", cardKind: "credit", cardMedium: "chip", time: "2025-09-30T22:00:00")

    func expectError(_ code: String, _ field: String, _ reason: String?, _ f: () throws -> Void) {
        do {
            try f()
            XCTFail("expected \(code) on \(field), got no error")
        } catch let x as PosfeeError {
            XCTAssertEqual(x.code(), code)
            XCTAssertEqual(x.field(), field)
            if let r = reason { XCTAssertEqual(x.reason(), r) }
            XCTAssertFalse(x.messageZh().isEmpty)
            XCTAssertFalse(x.messageEn().isEmpty)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testErrorPaths() throws {
        expectError("invalid_amount", "payment.amount", "too_many_decimals") {
            var p = card
            p.amount = "1.234"
            _ = try Engine().quote(merchant: std, payment: p)
        }
        expectError("invalid_field", "payment.method", "unknown_value") {
            var p = card
            p.method = "cash"
            _ = try Engine().quote(merchant: std, payment: p)
        }
        expectError("plan_syntax", "", nil) { _ = try Plan.fromJson(json: "{not json") }
    }

    func testCalendarUpdates() throws {
        let text = try read("calendars/holiday-cn-2027-fictional.json")
        let revised = try read("calendars/holiday-cn-2027-fictional-revised.json")
        let cal = Posfee.Calendar.empty()
        XCTAssertEqual(cal.years(), [])
        XCTAssertNil(cal.validUntil())
        try cal.extend(other: try Posfee.Calendar.fromHolidayCn(text: text, dataVersion: "2026.12.01"))
        XCTAssertEqual(cal.years(), [2027])
        XCTAssertEqual(cal.versions().first?.dataVersion, "2026.12.01")
        XCTAssertEqual(cal.versions().first?.origin, .loaded)
        expectError("calendar_year_covered", "year", "already_covered") {
            try cal.extend(other: try Posfee.Calendar.fromHolidayCn(text: revised, dataVersion: "2026.12.01"))
        }
        expectError("calendar_year_covered", "year", "not_newer") {
            try cal.extend(other: try Posfee.Calendar.fromHolidayCn(text: revised))
        }
        try cal.extend(other: try Posfee.Calendar.fromHolidayCn(text: revised, dataVersion: "2027.01.15"))
        XCTAssertEqual(cal.versions().first?.dataVersion, "2027.01.15")
        XCTAssertEqual(try Posfee.Calendar.fromJson(json: text).versions().first?.dataVersion, "unversioned")
        let en = try Engine()
        try en.loadCalendar(json: text, dataVersion: "2026.12.01")
        let debit = PaymentInput(amount: "100.00", method: "card", cardKind: "debit", cardMedium: "chip", time: "2027-03-01T10:00")
        let a = try en.arrival(payment: debit)
        XCTAssertFalse(a.calendar.isEmpty)
        XCTAssertTrue(a.calendar.allSatisfy { $0.year == 2027 && $0.dataVersion == "2026.12.01" && $0.origin == .loaded })
        let w = try Engine().frozenWindow(submitted: "2025-09-30")
        XCTAssertEqual(w.calendar.first, ConsultedYear(year: 2025, dataVersion: "2026.11.23", origin: .embedded))

        let dup = #"{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true}, {"name": "元旦", "date": "2030-01-01", "isOffDay": true}]}"#
        do {
            _ = try Posfee.Calendar.fromHolidayCn(text: dup, dataVersion: "2030.01.01")
            XCTFail("no error")
        } catch let x as PosfeeError {
            XCTAssertEqual(x.code(), "calendar_invalid")
            XCTAssertEqual(x.field(), "days[1].date")
            XCTAssertEqual(x.reason(), "duplicate")
            XCTAssertEqual(x.messageZh(), "days[1].date：日期 2030-01-01 重复列出")
            XCTAssertEqual(x.messageEn(), "days[1].date: the date 2030-01-01 is listed twice")
        }
    }

    func testContract() throws {
        let rates = ContractRatesInput(credit: "0.60", debit: "0.50", qr: "0.38", smallContactless: "0.38", contactless: "0.60")
        let contract = ContractInput(name: "某银行 POS 合同", rates: rates, debitCap: "20.00", fixedFee: "3.00", fixedFeeChannels: ["credit"])
        let p = try Plan.fromContract(contract: contract)
        XCTAssertEqual(p.id(), "contract")
        XCTAssertEqual(p.dataVersion(), "contract/upos/2026.12.02")
        XCTAssertEqual(try Plan.fromContract(contract: contract, base: try Plan.reference()).dataVersion(), "contract/reference/2025.10.1")
        // 1000.00 × 0.60 % = 6.00, + 3.00 fixed on credit.
        let q = try Engine.withData(plan: p, calendar: try Posfee.Calendar.embedded()).quote(merchant: std, payment: card)
        XCTAssertEqual(q.fee, Decimal(string: "9.00"))
        XCTAssertEqual(q.rule.id, "credit")
        let mix = [MixLineInput(payment: card, count: 10)]
        // Contract 10 × 9.00 = 90.00 against 优POS 10 × 5.50 = 55.00.
        let c = try compareContract(contract: contract, base: try Plan.upos(), other: try Plan.upos(), merchant: std, mix: mix)
        XCTAssertEqual(c.totalA, Decimal(string: "90.00"))
        XCTAssertEqual(c.totalB, Decimal(string: "55.00"))
        XCTAssertEqual(c.difference, Decimal(string: "-35.00"))
        XCTAssertEqual(c.saving, Decimal(string: "35.00"))
        XCTAssertEqual(c.cheaper, .b)
        XCTAssertEqual(c.channels.first?.channel, .credit)
        XCTAssertEqual(c.channels.first?.nameZh, "信用卡刷卡")
        XCTAssertEqual(c.lines.first?.ruleB, "F5")
        let d = try compareByChannel(planA: try Plan.upos(), planB: p, merchant: std, mix: mix)
        XCTAssertEqual(d.cheaper, .a)
        expectError("invalid_field", "contract.rates", "missing") { _ = try Plan.fromContract(contract: ContractInput()) }
        expectError("invalid_amount", "contract.debit_cap", "zero") {
            var bad = contract
            bad.debitCap = "0"
            _ = try Plan.fromContract(contract: bad)
        }

        var bad = rates
        bad.credit = "0.60%"
        do {
            _ = try Plan.fromContract(contract: ContractInput(rates: bad))
            XCTFail("no error")
        } catch let x as PosfeeError {
            XCTAssertEqual(x.code(), "invalid_field")
            XCTAssertEqual(x.field(), "contract.rates.credit")
            XCTAssertEqual(x.reason(), "format")
            XCTAssertEqual(x.messageZh(), #"contract.rates.credit：费率 "0.60%" 格式不正确，应为如 "0.60" 的百分数（表示 0.60%，不带 % 号）"#)
            XCTAssertEqual(x.messageEn(), #"contract.rates.credit: rate "0.60%" is not a percentage such as "0.60" (meaning 0.60 %, without the % sign)"#)
        }
    }

    func testMoneyIsDecimal() throws {
        let q = try Engine().quote(merchant: std, payment: card)
        XCTAssertEqual(q.fee, Decimal(string: "5.50"))
        XCTAssertEqual(q.outcome, .accepted)
        XCTAssertEqual(q.arrival?.date, "2025-10-09")
        XCTAssertEqual(try parseAmount(text: "12.5"), Decimal(string: "12.5"))
    }

    func testStatementFile() throws {
        var m = std
        m.wallets = WalletsInput(alipay: nil, wechat: WalletInput(enabled: true, verified: true), unionpay: nil)
        let a = try Auditor(engine: Engine(), merchant: m, asOf: "2025-03-20T00:00", options: nil)
        // UTF-16 with its byte-order mark, as Excel's "Unicode text" saves it.
        let text = "商户对账单\n流水号,交易时间,交易金额,卡类型,交易方式,手续费,结算金额,结算日期\n"
            + "S1,2025/03/12 10:00:00,100.00,,微信,0.38,99.62,2025/03/12\n"
            + "S2,2025/03/12 10:00:00,\"¥1,000.00\",贷记卡,插卡,5.50,994.50,2025/03/12\n"
            + "合计,,\"1,100.00\",,,5.88,\"1,094.12\",\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        try a.startStatement(format: nil)
        var results: [LineAudit] = []
        var i = 0
        while i < bytes.count {
            results += try a.feedCsv(chunk: Data(bytes[i..<min(i + 5, bytes.count)]))
            i += 5
        }
        results += try a.finishCsv()
        XCTAssertEqual(results.map { $0.id }, ["S1", "S2"])
        XCTAssertEqual(results.map { $0.status }, [.ok, .ok])
        let layout = a.statementLayout()
        XCTAssertEqual(layout?.encoding, DetectedEncoding(encoding: .utf16Le, source: .bom))
        XCTAssertEqual(layout?.headerLine, 2)
        XCTAssertEqual(layout?.titleRows, 1)
        let totals = a.statementTotals()
        XCTAssertEqual(totals?.agrees, true)
        XCTAssertEqual(totals?.lineNumber, 5)
        let b = try Auditor(engine: Engine(), merchant: std, asOf: "2025-03-20T00:00", options: nil)
        XCTAssertNil(b.statementLayout())
        expectError("invalid_field", "format.encoding", "unknown_value") {
            try b.startStatement(format: StatementFormatInput(encoding: "latin1"))
        }
    }
}
