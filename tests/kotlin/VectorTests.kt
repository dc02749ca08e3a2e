// Runs every conformance vector in tests/vectors/*.json through the Kotlin
// bindings (mobile-ffi, package `posfee`), exactly as core/tests/vectors.rs
// runs them through the Rust API: each op is mapped onto the typed API, the
// answer record is turned back into the vectors' snake_case shape (money as a
// string with two decimals) and compared by the same subset rule. Cases
// tagged "json_types" feed a JSON type the typed API cannot express and are
// skipped. Then the error paths and the rest of the API are checked.
//
// Usage: java -cp posfee.jar:tests.jar:jna.jar:gson.jar:kotlin-stdlib.jar \
//          posfee.tests.VectorTestsKt <tests dir> <Cargo.toml's version>
// Prints each failure and a last line `N passed, N failed, N skipped`; exits
// non-zero on any failure.
package posfee.tests

import com.google.gson.GsonBuilder
import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import posfee.*
import java.io.File
import java.math.BigDecimal
import kotlin.system.exitProcess

class RunnerError(message: String) : Exception(message)

lateinit var root: File
// Cargo.toml's workspace version (the runner's second argument), which the
// JAR and the native library must both carry.
var expectedVersion: String? = null
val gson = GsonBuilder().disableHtmlEscaping().serializeNulls().create()

// ---- inputs: vector JSON → the typed API's records ----

fun planText(name: String): String = when {
    name == "upos" -> Plan.upos().toJson()
    name == "reference" -> Plan.reference().toJson()
    name.startsWith("test:") -> File(root, "plans/${name.removePrefix("test:")}.json").readText()
    else -> throw RunnerError("unknown plan $name")
}

fun plan(input: JsonObject, key: String): Plan {
    val name = input.get(key)?.takeIf { it.isJsonPrimitive }?.asString ?: "upos"
    return try {
        Plan.fromJson(planText(name))
    } catch (e: PosfeeException) {
        throw RunnerError("plan $name: $e")
    }
}

/**
 * Loads the `calendar_extra` entries of an input onto `cal`, in order: a name
 * (`tests/calendars/NAME.json`, either format, `Calendar.fromJson`) or
 * `{"name", "data_version"}` (a holiday-cn file with that version,
 * `Calendar.fromHolidayCn`). A failure is a broken test.
 */
fun extendExtra(cal: Calendar, input: JsonObject) {
    input.getAsJsonArray("calendar_extra")?.forEach { entry ->
        val (name, version) = when {
            entry.isJsonPrimitive && entry.asJsonPrimitive.isString -> entry.asString to null
            entry.isJsonObject -> {
                val o = entry.asJsonObject
                keys(o, setOf("name", "data_version"), "calendar_extra entry")
                (str(o, "name") ?: throw RunnerError("calendar_extra: an entry needs a name")) to str(o, "data_version")
            }
            else -> throw RunnerError("calendar_extra: names or {name, data_version}")
        }
        val text = File(root, "calendars/$name.json").readText()
        try {
            cal.extend(if (version != null) Calendar.fromHolidayCn(text, version) else Calendar.fromJson(text))
        } catch (err: PosfeeException) {
            throw RunnerError("calendar $name: $err")
        }
    }
}

/** The embedded calendar with the input's `calendar_extra` on top. */
fun calendar(input: JsonObject): Calendar = Calendar.embedded().also { extendExtra(it, input) }

fun engine(input: JsonObject): Engine = Engine.withData(plan(input, "plan"), calendar(input))

/** The keys an input object may have: anything else a typed API cannot express. */
fun keys(o: JsonObject, allowed: Set<String>, what: String) {
    for (k in o.keySet()) if (k !in allowed) throw RunnerError("$what: key $k has no typed field")
}

fun str(o: JsonObject, k: String): String? {
    val v = o.get(k) ?: return null
    if (v.isJsonNull) return null
    if (!v.isJsonPrimitive || !v.asJsonPrimitive.isString) throw RunnerError("$k: not a string: $v")
    return v.asString
}

fun bool(o: JsonObject, k: String): Boolean? {
    val v = o.get(k) ?: return null
    if (v.isJsonNull) return null
    if (!v.isJsonPrimitive || !v.asJsonPrimitive.isBoolean) throw RunnerError("$k: not a boolean: $v")
    return v.asBoolean
}

fun obj(v: JsonElement?, what: String): JsonObject? {
    if (v == null || v.isJsonNull) return null
    if (!v.isJsonObject) throw RunnerError("$what: not an object: $v")
    return v.asJsonObject
}

val paymentKeys = setOf("amount", "method", "card_kind", "card_medium", "magstripe_verified", "wallet", "large_mode", "time")

fun paymentIn(v: JsonElement?): PaymentInput {
    val o = obj(v, "payment") ?: throw RunnerError("no payment")
    keys(o, paymentKeys, "payment")
    return PaymentInput(
        amount = str(o, "amount"), method = str(o, "method"), cardKind = str(o, "card_kind"),
        cardMedium = str(o, "card_medium"), magstripeVerified = bool(o, "magstripe_verified"),
        wallet = str(o, "wallet"), largeMode = bool(o, "large_mode"), time = str(o, "time"),
    )
}

fun walletIn(v: JsonElement?): WalletInput? {
    val o = obj(v, "wallet") ?: return null
    keys(o, setOf("enabled", "verified"), "wallet")
    return WalletInput(enabled = bool(o, "enabled"), verified = bool(o, "verified"))
}

fun merchantIn(input: JsonObject, merchants: JsonObject): MerchantInput {
    val m = input.get("merchant") ?: throw RunnerError("case has no merchant")
    val o = if (m.isJsonPrimitive) {
        merchants.getAsJsonObject(m.asString) ?: throw RunnerError("no merchant named ${m.asString}")
    } else {
        obj(m, "merchant")!!
    }
    keys(o, setOf("tier", "verification", "credit_rate", "activated", "wallets", "large_mode_approved"), "merchant")
    val w = obj(o.get("wallets"), "wallets")?.let {
        keys(it, setOf("alipay", "wechat", "unionpay"), "wallets")
        WalletsInput(alipay = walletIn(it.get("alipay")), wechat = walletIn(it.get("wechat")), unionpay = walletIn(it.get("unionpay")))
    }
    return MerchantInput(
        tier = str(o, "tier"), verification = str(o, "verification"), creditRate = str(o, "credit_rate"),
        activated = bool(o, "activated"), wallets = w, largeModeApproved = bool(o, "large_mode_approved"),
    )
}

fun usageIn(v: JsonElement?): UsageInput? {
    val o = obj(v, "usage") ?: return null
    keys(o, setOf("used", "counts"), "usage")
    val used = obj(o.get("used"), "used")?.entrySet()?.associate { (k, x) ->
        if (!x.isJsonPrimitive || !x.asJsonPrimitive.isString) throw RunnerError("used.$k: not a string")
        k to x.asString
    } ?: emptyMap()
    val counts = obj(o.get("counts"), "counts")?.entrySet()?.associate { (k, x) -> k to x.asLong } ?: emptyMap()
    return UsageInput(used = used, counts = counts)
}

val contractKeys = setOf("id", "name", "rates", "debit_cap", "fixed_fee", "fixed_fee_channels", "minimum_fee", "rounding")

fun contractIn(v: JsonElement?): ContractInput {
    val o = obj(v, "contract") ?: throw RunnerError("no contract")
    keys(o, contractKeys, "contract")
    val rates = obj(o.get("rates"), "rates")?.let {
        keys(it, setOf("credit", "debit", "qr", "small_contactless", "contactless"), "contract.rates")
        ContractRatesInput(
            credit = str(it, "credit"), debit = str(it, "debit"), qr = str(it, "qr"),
            smallContactless = str(it, "small_contactless"), contactless = str(it, "contactless"),
        )
    }
    val channels = o.get("fixed_fee_channels")?.takeIf { !it.isJsonNull }?.let { l ->
        if (!l.isJsonArray) throw RunnerError("fixed_fee_channels: not an array: $l")
        l.asJsonArray.map {
            if (!it.isJsonPrimitive || !it.asJsonPrimitive.isString) throw RunnerError("fixed_fee_channels: not a string: $it")
            it.asString
        }
    }
    return ContractInput(
        id = str(o, "id"), name = str(o, "name"), rates = rates, debitCap = str(o, "debit_cap"),
        fixedFee = str(o, "fixed_fee"), fixedFeeChannels = channels, minimumFee = str(o, "minimum_fee"),
        rounding = str(o, "rounding"),
    )
}

fun mixIn(input: JsonObject): List<MixLineInput> = (input.getAsJsonArray("mix") ?: JsonArray()).map {
    val l = it.asJsonObject
    keys(l, setOf("payment", "count"), "mix line")
    MixLineInput(payment = paymentIn(l.get("payment")), count = l.get("count").asLong)
}

fun instrumentIn(v: JsonElement): InstrumentInput {
    val o = obj(v, "instrument") ?: throw RunnerError("no instrument")
    keys(o, paymentKeys - setOf("amount", "time"), "instrument")
    return InstrumentInput(
        method = str(o, "method"), cardKind = str(o, "card_kind"), cardMedium = str(o, "card_medium"),
        magstripeVerified = bool(o, "magstripe_verified"), wallet = str(o, "wallet"), largeMode = bool(o, "large_mode"),
    )
}

fun opts(input: JsonObject) = QuoteOptions(provisional = bool(input, "provisional") == true)

/** A map of strings (`format.columns`). */
fun texts(v: JsonElement?, what: String): Map<String, String> = obj(v, what)?.entrySet()?.associate { (k, x) ->
    if (!x.isJsonPrimitive || !x.asJsonPrimitive.isString) throw RunnerError("$what.$k: not a string")
    k to x.asString
} ?: emptyMap()

/** A statement file's format: the vectors' snake_case keys onto the record. */
fun formatIn(v: JsonElement?): StatementFormatInput? {
    val o = obj(v, "format") ?: return null
    keys(o, setOf("profile", "encoding", "decoded_from", "columns", "totals"), "format")
    val totals = obj(o.get("totals"), "totals")?.let {
        keys(it, setOf("amount", "fee_charged", "net_settled"), "format.totals")
        StatedTotalsInput(amount = str(it, "amount"), feeCharged = str(it, "fee_charged"), netSettled = str(it, "net_settled"))
    }
    return StatementFormatInput(
        profile = str(o, "profile"), encoding = str(o, "encoding"), decodedFrom = str(o, "decoded_from"),
        columns = texts(o.get("columns"), "format.columns"), totals = totals,
    )
}

/** Bytes written in hex. */
fun hexBytes(h: String): ByteArray = ByteArray(h.length / 2) { h.substring(2 * it, 2 * it + 2).toInt(16).toByte() }

/** `statement` (UTF-8 text) or `statement_hex` (the file's bytes in hex). */
fun statementBytes(input: JsonObject): ByteArray? =
    str(input, "statement")?.toByteArray() ?: str(input, "statement_hex")?.let(::hexBytes)

// ---- answers: records → the vectors' snake_case JSON ----

fun j(vararg pairs: Pair<String, JsonElement>): JsonObject = JsonObject().apply { pairs.forEach { (k, v) -> add(k, v) } }
fun m(x: BigDecimal?): JsonElement = x?.let { JsonPrimitive(it.setScale(2).toPlainString()) } ?: JsonNull.INSTANCE
fun pct(x: BigDecimal): JsonElement = JsonPrimitive(x.toPlainString())
fun s(x: String?): JsonElement = x?.let { JsonPrimitive(it) } ?: JsonNull.INSTANCE
fun b(x: Boolean): JsonElement = JsonPrimitive(x)
fun n(x: Long?): JsonElement = x?.let { JsonPrimitive(it) } ?: JsonNull.INSTANCE
fun e(x: Enum<*>): JsonElement = JsonPrimitive(x.name.lowercase())
fun <T> arr(xs: List<T>, f: (T) -> JsonElement): JsonArray = JsonArray().apply { xs.forEach { add(f(it)) } }
fun <T> opt(x: T?, f: (T) -> JsonElement): JsonElement = x?.let(f) ?: JsonNull.INSTANCE

fun stepJson(x: Step) = j("code" to s(x.code), "zh" to s(x.zh), "en" to s(x.en))
fun steps(xs: List<Step>) = arr(xs) { stepJson(it) }

fun ruleJson(r: RuleRef) = j("id" to s(r.id), "name_zh" to s(r.nameZh), "name_en" to s(r.nameEn), "rate_percent" to pct(r.ratePercent), "cap" to m(r.cap))

fun detailJson(d: FeeDetail) = j("percentage" to m(d.percentage), "capped" to b(d.capped), "minimum_applied" to b(d.minimumApplied), "fixed" to m(d.fixed))

fun consultedJson(xs: List<ConsultedYear>) = arr(xs) { j("year" to JsonPrimitive(it.year), "data_version" to s(it.dataVersion), "origin" to e(it.origin)) }

fun arrivalJson(a: Arrival) = j(
    "date" to s(a.date), "realtime" to b(a.realtime), "accounting_date" to s(a.accountingDate),
    "provisional" to b(a.provisional), "uncovered_years" to arr(a.uncoveredYears) { JsonPrimitive(it) },
    "calendar" to consultedJson(a.calendar), "rule" to s(a.rule), "cutoff_note" to opt(a.cutoffNote, ::stepJson),
)

fun limitsJson(l: LimitCheck) = j(
    "single_cap" to m(l.singleCap), "single_dimension" to s(l.singleDimension), "daily_dimension" to s(l.dailyDimension),
    "left_today" to m(l.leftToday), "left_after" to m(l.leftAfter),
    "single" to arr(l.single) { j("dimension" to s(it.dimension), "cap" to m(it.cap)) },
    "daily" to arr(l.daily) {
        j("bucket" to s(it.bucket), "class" to s(it.`class`), "cap" to m(it.cap), "count_cap" to n(it.countCap),
            "used" to m(it.used), "used_count" to n(it.usedCount), "left" to m(it.left), "left_count" to n(it.leftCount))
    },
    "raise_steps" to steps(l.raiseSteps),
)

fun refusalJson(r: Refusal) = j(
    "code" to e(r.code), "dimension" to s(r.dimension), "cap" to m(r.cap), "count_cap" to n(r.countCap),
    "left_today" to m(r.leftToday), "steps" to steps(r.steps), "message_zh" to s(r.messageZh), "message_en" to s(r.messageEn),
)

fun quoteJson(q: Quote) = j(
    "outcome" to e(q.outcome), "amount" to m(q.amount), "fee" to m(q.fee), "net" to m(q.net),
    "rule" to ruleJson(q.rule), "fee_detail" to detailJson(q.feeDetail), "accounting_date" to s(q.accountingDate),
    "refusal" to opt(q.refusal, ::refusalJson), "limits" to opt(q.limits, ::limitsJson), "arrival" to opt(q.arrival, ::arrivalJson),
)

fun frozenJson(w: FrozenWindow) = j(
    "first" to s(w.first), "last" to s(w.last), "provisional" to b(w.provisional),
    "uncovered_years" to arr(w.uncoveredYears) { JsonPrimitive(it) }, "calendar" to consultedJson(w.calendar),
)

fun activationJson(a: ActivationProgress) = j(
    "activation_fee" to m(a.activationFee), "volume" to m(a.volume), "earned" to m(a.earned), "net_cost" to m(a.netCost),
    "reached" to arr(a.reached) { j("volume" to m(it.volume), "cashback" to m(it.cashback)) },
    "next" to opt(a.next) { j("volume" to m(it.volume), "cashback" to m(it.cashback), "still_needed" to m(it.stillNeeded)) },
)

fun answerJson(a: Answer) = j("eligible" to b(a.eligible), "unmet" to arr(a.unmet) { s(it) }, "steps" to steps(a.steps))

fun eligibilityJson(a: EligibilityAnswers) = j(
    "premium_rate" to answerJson(a.premiumRate), "bulk_rate" to answerJson(a.bulkRate), "limit_upgrade" to answerJson(a.limitUpgrade),
)

fun comparisonJson(c: Comparison) = j(
    "plan_a" to s(c.planA), "plan_b" to s(c.planB), "total_a" to m(c.totalA), "total_b" to m(c.totalB),
    "difference" to m(c.difference), "cheaper" to e(c.cheaper), "volume" to m(c.volume), "payments" to n(c.payments.toLong()),
    "lines" to arr(c.lines) {
        j("rule_a" to s(it.ruleA), "rule_b" to s(it.ruleB), "fee_a" to m(it.feeA), "fee_b" to m(it.feeB),
            "total_a" to m(it.totalA), "total_b" to m(it.totalB))
    },
)

fun channelComparisonJson(c: ChannelComparison) = j(
    "plan_a" to s(c.planA), "plan_b" to s(c.planB), "total_a" to m(c.totalA), "total_b" to m(c.totalB),
    "difference" to m(c.difference), "saving" to m(c.saving), "cheaper" to e(c.cheaper), "volume" to m(c.volume),
    "payments" to n(c.payments.toLong()),
    "channels" to arr(c.channels) {
        j("channel" to e(it.channel), "name_zh" to s(it.nameZh), "name_en" to s(it.nameEn), "payments" to n(it.payments.toLong()),
            "volume" to m(it.volume), "total_a" to m(it.totalA), "total_b" to m(it.totalB), "difference" to m(it.difference),
            "saving" to m(it.saving), "cheaper" to e(it.cheaper))
    },
    "lines" to arr(c.lines) {
        j("channel" to e(it.channel), "rule_a" to s(it.ruleA), "rule_b" to s(it.ruleB), "fee_a" to m(it.feeA), "fee_b" to m(it.feeB),
            "total_a" to m(it.totalA), "total_b" to m(it.totalB))
    },
)

fun yearVersionJson(v: YearVersion) = j(
    "year" to JsonPrimitive(v.year), "data_version" to s(v.dataVersion), "origin" to e(v.origin),
    "notice" to s(v.notice), "papers" to arr(v.papers) { s(it) },
)

fun dayJson(d: DayInfo) = j(
    "date" to s(d.date), "working" to b(d.working), "kind" to e(d.kind), "name_zh" to s(d.nameZh), "name_en" to s(d.nameEn),
)

fun errorJson(x: PosfeeException) = j(
    "error" to j(
        "code" to s(x.code()), "field" to s(x.field()), "reason" to s(x.reason()), "year" to n(x.year()?.toLong()),
        "message_zh" to s(x.messageZh()), "message_en" to s(x.messageEn()),
    ),
)

fun errorInfoJson(x: ErrorInfo) = j(
    "code" to s(x.code), "field" to s(x.field), "reason" to s(x.reason), "year" to n(x.year?.toLong()),
    "message_zh" to s(x.messageZh), "message_en" to s(x.messageEn),
)

fun lineAuditJson(a: LineAudit) = j(
    "index" to n(a.index.toLong()), "line_number" to n(a.lineNumber?.toLong()), "id" to s(a.id), "status" to e(a.status),
    "findings" to arr(a.findings) { j("code" to e(it.code), "amount" to m(it.amount), "message_zh" to s(it.messageZh), "message_en" to s(it.messageEn)) },
    "expected_fee" to m(a.expectedFee), "fee_charged" to m(a.feeCharged), "rule" to s(a.rule),
    "expected_arrival" to s(a.expectedArrival), "realtime" to opt(a.realtime, ::b), "settled_date" to s(a.settledDate),
    "error" to opt(a.error, ::errorInfoJson), "arrival_error" to opt(a.arrivalError, ::errorInfoJson),
    "likely_causes" to steps(a.likelyCauses), "actions" to steps(a.actions),
)

fun auditSummaryJson(x: AuditSummary) = j(
    "lines" to n(x.lines.toLong()), "ok" to n(x.ok.toLong()), "with_findings" to n(x.withFindings.toLong()),
    "unjudgeable" to n(x.unjudgeable.toLong()),
    "counts" to JsonObject().apply { x.counts.forEach { (k, v) -> add(k, JsonPrimitive(v.toLong())) } },
    "overcharged" to m(x.overcharged), "undercharged" to m(x.undercharged), "net_mismatch" to m(x.netMismatch),
    "duplicates" to m(x.duplicates), "settled_late" to m(x.settledLate), "not_settled" to m(x.notSettled),
    "fees_charged" to m(x.feesCharged), "fees_expected" to m(x.feesExpected),
)

fun diagnosisJson(d: Diagnosis) = j(
    "situation" to e(d.situation), "situation_zh" to s(d.situationZh), "situation_en" to s(d.situationEn),
    "not_due" to opt(d.notDue) { j("due" to s(it.due), "realtime" to b(it.realtime), "provisional" to b(it.provisional)) },
    "plan_refusal" to opt(d.planRefusal, ::refusalJson),
    "causes" to arr(d.causes) {
        j("code" to s(it.code), "zh" to s(it.zh), "en" to s(it.en), "matched" to arr(it.matched) { x -> s(x) }, "heuristic" to b(it.heuristic),
            "seeds" to arr(it.seeds) { x -> s(x) }, "actions" to steps(it.actions))
    },
    "recovery_steps" to steps(d.recoverySteps), "notes" to steps(d.notes), "support_line" to s(d.supportLine), "catalogue_version" to s(d.catalogueVersion),
)

fun encodingName(x: TextEncoding) = when (x) {
    TextEncoding.UTF8 -> "utf-8"
    TextEncoding.UTF16_LE -> "utf-16le"
    TextEncoding.UTF16_BE -> "utf-16be"
    TextEncoding.GB18030 -> "gb18030"
}

fun layoutJson(l: StatementLayout) = j(
    "profile" to s(l.profile),
    "encoding" to opt(l.encoding) { j("encoding" to s(encodingName(it.encoding)), "source" to e(it.source)) },
    "header_line" to n(l.headerLine), "title_rows" to n(l.titleRows),
    "columns" to arr(l.columns) { j("column" to s(it.column), "field" to s(it.field)) },
    "unknown_columns" to arr(l.unknownColumns) { s(it) },
)

fun totalsJson(t: TotalsCheck) = j(
    "line_number" to n(t.lineNumber), "lines" to n(t.lines), "unread" to n(t.unread),
    "checks" to arr(t.checks) { j("field" to s(it.field), "stated" to m(it.stated), "summed" to m(it.summed), "agrees" to b(it.agrees)) },
    "agrees" to b(t.agrees),
)

val statementKeys = setOf("id", "time", "amount", "method", "card_kind", "card_medium", "magstripe_verified", "wallet", "large_mode", "fee_charged", "net_settled", "settled_date")

fun statementLineIn(v: JsonElement): StatementLineInput {
    val o = obj(v, "line") ?: throw RunnerError("no line")
    keys(o, statementKeys, "statement line")
    return StatementLineInput(
        id = str(o, "id"), time = str(o, "time"), amount = str(o, "amount"), method = str(o, "method"),
        cardKind = str(o, "card_kind"), cardMedium = str(o, "card_medium"), magstripeVerified = bool(o, "magstripe_verified"),
        wallet = str(o, "wallet"), largeMode = bool(o, "large_mode"), feeCharged = str(o, "fee_charged"),
        netSettled = str(o, "net_settled"), settledDate = str(o, "settled_date"),
    )
}

fun out(f: () -> JsonElement): JsonElement = try {
    f()
} catch (x: PosfeeException) {
    errorJson(x)
}

// ---- plan_load's JSON pointers ----

fun pointerParts(ptr: String): Pair<List<String>, String> {
    val i = ptr.lastIndexOf('/')
    if (i < 0) throw RunnerError("pointer must start with /")
    fun unescape(x: String) = x.replace("~1", "/").replace("~0", "~")
    val parent = ptr.substring(0, i).split('/').drop(1).map(::unescape)
    return parent to unescape(ptr.substring(i + 1))
}

fun container(v: JsonElement, parent: List<String>): JsonElement {
    var c = v
    for (p in parent) {
        c = when {
            c.isJsonObject && c.asJsonObject.has(p) -> c.asJsonObject.get(p)
            c.isJsonArray && p.toIntOrNull()?.let { it in 0 until c.asJsonArray.size() } == true -> c.asJsonArray.get(p.toInt())
            else -> throw RunnerError("no /${parent.joinToString("/")}")
        }
    }
    if (!c.isJsonObject && !c.isJsonArray) throw RunnerError("/${parent.joinToString("/")} is not a container")
    return c
}

// ---- ops ----

fun runCase(c: JsonObject, merchants: JsonObject): JsonElement {
    val input = obj(c.get("input"), "input") ?: JsonObject()
    return when (val op = c.get("op").asString) {
        "parse_amount" -> {
            val field = str(input, "field") ?: "amount"
            out { j("value" to m(parseAmount(str(input, "text"), field))) }
        }
        "quote" -> {
            val en = engine(input)
            val mi = merchantIn(input, merchants)
            out { quoteJson(en.quote(mi, paymentIn(input.get("payment")), usageIn(input.get("usage")), opts(input))) }
        }
        "ledger" -> {
            val en = engine(input)
            val mi = merchantIn(input, merchants)
            val payments = (input.getAsJsonArray("payments") ?: JsonArray()).map { paymentIn(it) }
            out { j("results" to arr(DayLedger().quoteAll(en, mi, payments, opts(input)), ::quoteJson)) }
        }
        "fee_batch" -> {
            val en = engine(input)
            val mi = merchantIn(input, merchants)
            val instruments = (input.getAsJsonArray("instruments") ?: JsonArray()).map { instrumentIn(it) }
            val index = input.getAsJsonArray("instrument_index")?.map { it.asInt }
            out {
                val r = en.feeBatch(mi, str(input, "amounts") ?: "", instruments, index)
                j("fees" to s(r.fees), "nets" to s(r.nets), "total_amount" to m(r.totalAmount), "total_fee" to m(r.totalFee),
                  "total_net" to m(r.totalNet), "count" to n(r.count))
            }
        }
        "arrival" -> {
            val en = engine(input)
            out { arrivalJson(en.arrival(paymentIn(input.get("payment")), opts(input))) }
        }
        "frozen_window" -> {
            val en = engine(input)
            out { frozenJson(en.frozenWindow(str(input, "submitted"), opts(input))) }
        }
        "provider" -> {
            val en = engine(input)
            out {
                val p = en.provider(str(input, "on"))
                j(
                    "name_zh" to s(p.nameZh), "name_en" to s(p.nameEn), "support_line" to s(p.supportLine),
                    "licence" to opt(p.licence) {
                        j("number" to s(it.number), "scope_zh" to s(it.scopeZh), "scope_en" to s(it.scopeEn),
                            "valid_until" to s(it.validUntil), "date_passed" to b(it.datePassed))
                    },
                    "notes" to steps(p.notes),
                )
            }
        }
        "activation" -> {
            val en = engine(input)
            out { activationJson(en.activation(str(input, "volume"))) }
        }
        "eligibility" -> {
            val en = engine(input)
            keys(input, setOf("plan", "monthly_volumes", "devices", "annual_agreement", "risk_record", "verification"), "eligibility")
            val facts = EligibilityInput(
                monthlyVolumes = (input.getAsJsonArray("monthly_volumes") ?: JsonArray()).map { it.asString },
                devices = input.get("devices")?.asLong ?: 0L,
                annualAgreement = bool(input, "annual_agreement") ?: false,
                riskRecord = bool(input, "risk_record") ?: false,
                verification = str(input, "verification"),
            )
            out { eligibilityJson(en.eligibility(facts)) }
        }
        "compare" -> {
            val a = plan(input, "plan_a")
            val b = plan(input, "plan_b")
            val mi = merchantIn(input, merchants)
            val mix = mixIn(input)
            out { comparisonJson(compare(a, b, mi, mix)) }
        }
        "plan_load" -> {
            val v = JsonParser.parseString(planText(str(input, "base") ?: "upos"))
            input.getAsJsonArray("set")?.forEach { x ->
                val set = x.asJsonObject
                val (parent, last) = pointerParts(set.get("pointer")?.asString ?: throw RunnerError("set needs pointer"))
                val value = set.get("value") ?: JsonNull.INSTANCE
                val cont = container(v, parent)
                if (cont.isJsonArray) {
                    val i = last.toIntOrNull()?.takeIf { it in 0 until cont.asJsonArray.size() } ?: throw RunnerError("no index $last")
                    cont.asJsonArray.set(i, value)
                } else {
                    cont.asJsonObject.add(last, value)
                }
            }
            input.getAsJsonArray("remove")?.forEach { r ->
                val (parent, last) = pointerParts(r.asString)
                val cont = container(v, parent)
                if (cont.isJsonArray) {
                    val i = last.toIntOrNull() ?: throw RunnerError("bad index $last")
                    if (i < cont.asJsonArray.size()) cont.asJsonArray.remove(i)
                } else {
                    cont.asJsonObject.remove(last)
                }
            }
            out {
                val p = Plan.fromJson(gson.toJson(v))
                j("plan_id" to s(p.id()), "data_version" to s(p.dataVersion()))
            }
        }
        "calendar_load" -> {
            keys(input, setOf("calendar", "calendar_text", "calendar_file", "data_version", "onto", "calendar_extra", "query"), "calendar_load")
            val cal = when (val onto = str(input, "onto")) {
                "embedded" -> Calendar.embedded()
                null -> Calendar.empty()
                else -> throw RunnerError("unknown onto $onto")
            }
            extendExtra(cal, input)
            val given = listOf("calendar", "calendar_text", "calendar_file").filter { input.has(it) }
            if (given.size != 1) throw RunnerError("calendar_load needs one of calendar, calendar_text, calendar_file")
            val text = when (given[0]) {
                "calendar" -> gson.toJson(input.get("calendar"))
                "calendar_text" -> str(input, "calendar_text") ?: throw RunnerError("calendar_text: null")
                else -> File(root, "calendars/${str(input, "calendar_file")}.json").readText()
            }
            val version = str(input, "data_version")
            out {
                cal.extend(if (version != null) Calendar.fromHolidayCn(text, version) else Calendar.fromJson(text))
                val o = j(
                    "years" to arr(cal.years()) { JsonPrimitive(it) }, "valid_until" to s(cal.validUntil()),
                    "versions" to arr(cal.versions(), ::yearVersionJson),
                )
                input.getAsJsonArray("query")?.let { q ->
                    o.add("days", arr(q.toList()) { d ->
                        try {
                            dayJson(cal.day(d.asString))
                        } catch (x: PosfeeException) {
                            j("date" to d, "error" to errorJson(x).get("error"))
                        }
                    })
                }
                o
            }
        }
        "contract_plan" -> {
            val base = plan(input, "base")
            val ci = contractIn(input.get("contract"))
            out { JsonParser.parseString(Plan.fromContract(ci, base).toJson()) }
        }
        "contract_quote" -> {
            val base = plan(input, "base")
            val cal = calendar(input)
            val ci = contractIn(input.get("contract"))
            val mi = merchantIn(input, merchants)
            out {
                val en = Engine.withData(Plan.fromContract(ci, base), cal)
                quoteJson(en.quote(mi, paymentIn(input.get("payment")), usageIn(input.get("usage")), opts(input)))
            }
        }
        "contract_compare" -> {
            val base = plan(input, "base")
            val b = plan(input, "plan_b")
            val ci = contractIn(input.get("contract"))
            val mi = merchantIn(input, merchants)
            val mix = mixIn(input)
            out { channelComparisonJson(compareContract(ci, base, b, mi, mix)) }
        }
        "audit" -> {
            val en = engine(input)
            val mi = merchantIn(input, merchants)
            out {
                val auditor = Auditor(en, mi, str(input, "as_of"), opts(input))
                val results = mutableListOf<LineAudit>()
                val csv = str(input, "csv")
                val statement = statementBytes(input)
                val workbook = str(input, "workbook_hex")?.let(::hexBytes)
                if (workbook != null || statement != null) {
                    auditor.startStatement(formatIn(input.get("format")))
                    // An .xlsx statement: its sheet's rows, then the same format.
                    if (workbook != null) results += auditor.feedXlsx(workbook, null)
                    // A statement file, fed in pieces of 5 bytes as the Rust
                    // runner does (a GBK or UTF-16 character split across them).
                    statement?.asList()?.chunked(5)?.forEach { results += auditor.feedCsv(it.toByteArray()) }
                    results += auditor.finishCsv()
                    return@out j(
                        "results" to arr(results, ::lineAuditJson), "summary" to auditSummaryJson(auditor.summary()),
                        "layout" to opt(auditor.statementLayout(), ::layoutJson), "totals" to opt(auditor.statementTotals(), ::totalsJson),
                    )
                }
                if (csv != null) {
                    // Fed in small chunks, as an app streaming a file would.
                    csv.toByteArray().asList().chunked(7).forEach { results += auditor.feedCsv(it.toByteArray()) }
                    results += auditor.finishCsv()
                } else {
                    (input.getAsJsonArray("lines") ?: JsonArray()).forEach { results += auditor.auditLine(statementLineIn(it)) }
                }
                j("results" to arr(results, ::lineAuditJson), "summary" to auditSummaryJson(auditor.summary()))
            }
        }
        "diagnose" -> {
            val en = engine(input)
            keys(input, setOf("plan", "calendar_extra", "situation", "payment", "merchant", "usage", "terminal_message", "as_of", "qr_created", "recent_payments", "provisional"), "diagnose")
            out {
                val d = DiagnoseInput(
                    situation = str(input, "situation"),
                    payment = input.get("payment")?.let { paymentIn(it) },
                    merchant = if (input.has("merchant")) merchantIn(input, merchants) else null,
                    usage = usageIn(input.get("usage")),
                    terminalMessage = str(input, "terminal_message"),
                    asOf = str(input, "as_of"),
                    qrCreated = str(input, "qr_created"),
                    recentPayments = (input.getAsJsonArray("recent_payments") ?: JsonArray()).map { it.asString },
                    provisional = bool(input, "provisional") ?: false,
                )
                diagnosisJson(en.diagnose(d))
            }
        }
        else -> throw RunnerError("unknown op $op")
    }
}

/** `expected` ⊆ `actual`: see tests/vectors/README.md. */
fun subset(expected: JsonElement, actual: JsonElement?, path: String, diffs: MutableList<String>) {
    when {
        expected.isJsonNull && (actual == null || actual.isJsonNull) -> {}
        expected.isJsonObject && actual != null && actual.isJsonObject ->
            for ((k, ev) in expected.asJsonObject.entrySet()) subset(ev, actual.asJsonObject.get(k), "$path.$k", diffs)
        expected.isJsonArray && actual != null && actual.isJsonArray -> {
            val e = expected.asJsonArray
            val a = actual.asJsonArray
            if (e.size() != a.size()) {
                diffs.add("$path: expected ${e.size()} elements, got ${a.size()}: $a")
                return
            }
            for (i in 0 until e.size()) subset(e.get(i), a.get(i), "$path[$i]", diffs)
        }
        actual != null && expected == actual -> {}
        else -> diffs.add("$path: expected $expected, got ${actual ?: "nothing"}")
    }
}

// ---- the error paths and the rest of the API ----

val std = MerchantInput(tier = "premium", verification = "face_and_card", creditRate = "standard", activated = true)
val card = PaymentInput(amount = "1000.00", method = "card", cardKind = "credit", cardMedium = "chip", time = "2025-09-30T22:00:00")
val debit2027 = PaymentInput(amount = "100.00", method = "card", cardKind = "debit", cardMedium = "chip", time = "2027-03-01T10:00")

fun expectError(code: String, field: String, reason: String?, f: () -> Unit) {
    try {
        f()
    } catch (x: PosfeeException) {
        check(x.code() == code && x.field() == field && (reason == null || x.reason() == reason)) {
            "expected $code/$field/$reason, got ${x.code()}/${x.field()}/${x.reason()}"
        }
        check(x.messageZh().isNotEmpty() && x.messageEn().isNotEmpty()) { "empty messages" }
        check(x.toString().isNotEmpty()) { "empty toString" }
        // The exception's own message names the code, the field and the English message.
        val message = x.message
        check(message != null && message.contains(code) && message.contains(field) && message.contains(x.messageEn())) { "message $message" }
        return
    }
    throw IllegalStateException("expected $code on $field, got no error")
}

val apiChecks: List<Pair<String, () -> Unit>> = listOf(
    "the JAR: version in the manifest, build.properties and the native library; its platforms" to {
        val want = expectedVersion ?: error("no expected version given")
        check(version() == want) { "native library version ${version()}, Cargo.toml $want" }
        check(PosfeeLibrary.version == want) { "posfee/build.properties version ${PosfeeLibrary.version}" }
        val manifest = PosfeeLibrary::class.java.`package`.implementationVersion
        check(manifest == want) { "manifest Implementation-Version $manifest" }
        check(PosfeeLibrary.platform in PosfeeLibrary.platforms) { "${PosfeeLibrary.platform} not in ${PosfeeLibrary.platforms}" }
        check(PosfeeLibrary.libraryName() == "posfee_ffi") { "library name" }
    },
    "money comes back with scale 2: equals is scale-sensitive, compareTo is not (README)" to {
        val q = Engine().quote(std, card)
        check(q.fee.scale() == 2 && q.fee.toPlainString() == "5.50") { "fee ${q.fee} scale ${q.fee.scale()}" }
        check(q.fee != BigDecimal("5.5") && q.fee == BigDecimal("5.50")) { "equals" }
        check(q.fee.compareTo(BigDecimal("5.5")) == 0) { "compareTo" }
    },
    "error: bad amount" to {
        expectError("invalid_amount", "payment.amount", "too_many_decimals") { Engine().quote(std, card.copy(amount = "1.234")) }
        expectError("invalid_amount", "amount", "format") { parseAmount("1e3") }
        expectError("invalid_amount", "volume", "sign") { Engine().activation("-1") }
    },
    "error: a string with a lone surrogate is refused at its field, and leaks nothing" to {
        // Before InputText, uniffi's String lowering threw MalformedInputException
        // here, before the call, leaving the arguments already lowered unfreed.
        val lone = "card\uD800"
        val engine = Engine()
        expectError("invalid_field", "payment.method", "wrong_type") { engine.quote(std, card.copy(method = lone)) }
        expectError("invalid_amount", "payment.amount", "not_a_string") { engine.quote(std, card.copy(amount = "\uDC00")) }
        expectError("invalid_field", "merchant.tier", "wrong_type") { engine.quote(std.copy(tier = "\uD83D"), card) }
        expectError("invalid_field", "usage.used.credit", "wrong_type") { engine.quote(std, card, UsageInput(used = mapOf("credit" to lone)), null) }
        expectError("invalid_time", "time", "not_a_string") { engine.accountingDate(lone) }
        expectError("invalid_field", "json", "wrong_type") { Plan.fromJson("{\uD800}") }
        expectError("invalid_field", "mix[1].payment.wallet", "wrong_type") {
            compare(Plan.upos(), Plan.reference(), std, listOf(MixLineInput(card, 1L), MixLineInput(PaymentInput(amount = "1", method = "qr", wallet = lone), 1L)))
        }
        val line = Auditor(engine, std, "2025-10-20T00:00", null).auditLine(StatementLineInput(id = "T1", cardKind = lone))
        check(line.status == LineStatus.UNJUDGEABLE && line.error?.field == "lines[0].card_kind" && line.id == "T1") { "audit line $line" }
        // Valid text of every plane crosses unchanged, and the engine answers as before.
        check(engine.quote(std, card).fee == Engine().quote(std, card).fee)
        expectError("invalid_field", "payment.method", "unknown_value") { engine.quote(std, card.copy(method = "贷记卡𝄞")) }
        try { engine.quote(std, card.copy(method = "贷记卡𝄞")) } catch (x: PosfeeException) { check(x.messageEn().contains("贷记卡𝄞")) { x.messageEn() } }
        val before = liveMallocBytes()
        repeat(100_000) { try { engine.quote(std, card.copy(method = lone)) } catch (x: PosfeeException) { check(x.reason() == "wrong_type") } }
        val growth = liveMallocBytes() - before
        check(growth < 3_000_000) { "allocated native memory grew by $growth bytes over 100,000 lone-surrogate errors" }
    },
    "error: unknown enum" to {
        expectError("invalid_field", "payment.method", "unknown_value") { Engine().quote(std, card.copy(method = "cash")) }
        expectError("invalid_field", "merchant.tier", "unknown_value") { Engine().quote(std.copy(tier = "gold"), card) }
        expectError("invalid_field", "mix[1].payment.wallet", "unknown_value") {
            compare(Plan.upos(), Plan.reference(), std, listOf(MixLineInput(card, 1L), MixLineInput(PaymentInput(amount = "1", method = "qr", wallet = "paypal"), 1L)))
        }
    },
    "error: bad plan" to {
        expectError("plan_syntax", "", null) { Plan.fromJson("{not json") }
        val bad = Plan.upos().toJson().replaceFirst("\"schema_version\": 1", "\"schema_version\": 99").replaceFirst("\"schema_version\":1", "\"schema_version\":99")
        expectError("plan_unsupported_schema", "schema_version", null) { Plan.fromJson(bad) }
        expectError("plan_syntax", "", null) { Engine().loadPlan("[") }
    },
    "error: calendar not covered carries the year" to {
        try {
            Engine().arrival(debit2027)
            throw IllegalStateException("no error")
        } catch (x: PosfeeException) {
            check(x.code() == "calendar_not_covered" && x.year() == 2027) { "got ${x.code()} ${x.year()}" }
        }
    },
    "money is BigDecimal, never a float" to {
        val q = Engine().quote(std, card)
        check(q.fee == BigDecimal("5.50") && q.fee.scale() == 2) { "fee ${q.fee}" }
        check(q.net.toPlainString() == "994.50") { "net ${q.net}" }
        check(q.rule.ratePercent.toPlainString() == "0.55") { "rate ${q.rule.ratePercent}" }
        check(q.outcome == Outcome.ACCEPTED && q.arrival?.date == "2025-10-09") { "arrival ${q.arrival}" }
        check(parseAmount("12.5") == BigDecimal("12.50")) { "parseAmount" }
    },
    "provisional mode" to {
        val a = Engine().arrival(debit2027, QuoteOptions(provisional = true))
        check(a.provisional && a.uncoveredYears == listOf(2027)) { "arrival $a" }
        val w = Engine().frozenWindow("2026-12-30", QuoteOptions(provisional = true))
        check(w.provisional) { "window $w" }
    },
    "day ledger" to {
        val en = Engine()
        val ledger = DayLedger()
        val small = PaymentInput(amount = "100.00", method = "qr", wallet = "alipay", time = "2025-03-12T10:00")
        val m = std.copy(wallets = WalletsInput(alipay = WalletInput(enabled = true, verified = true)))
        val q1 = ledger.quoteAndRecord(en, m, small)
        val q2 = ledger.quoteAndRecord(en, m, small)
        check(q1.outcome == Outcome.ACCEPTED && q2.limits!!.leftToday!! < q1.limits!!.leftToday!!) { "ledger $q1 $q2" }
        check(ledger.dates() == listOf("2025-03-12")) { "dates ${ledger.dates()}" }
    },
    "plan and calendar loading, data versions" to {
        val en = Engine()
        en.loadPlan(Plan.reference().toJson())
        check(en.plan().id() == "reference") { "plan ${en.plan().id()}" }
        en.loadCalendar(File(root, "calendars/fictional-2027.json").readText())
        val v = en.dataVersions()
        check(v.planId == "reference" && v.calendarYears.any { it.year == 2027 && it.origin == DataOrigin.LOADED }) { "versions $v" }
        expectError("calendar_year_covered", "year", "already_covered") { en.loadCalendar(File(root, "calendars/fictional-2027.json").readText()) }
        check(Engine().dataVersions().calendarValidUntil == "2026-12-31") { "valid until" }
        check(version().isNotEmpty()) { "version" }
    },
    "audit: a GBK statement file through startStatement, and a bad format" to {
        val wallets = WalletsInput(alipay = WalletInput(enabled = true, verified = true), wechat = WalletInput(enabled = true, verified = true))
        val a = Auditor(Engine(), std.copy(wallets = wallets), "2025-03-20T00:00", null)
        // As Excel on a Chinese Windows machine saves it: GBK, a title row, a 合计 row
        // (the fullwidth ￥, which GBK has; it has no ¥).
        val text = "商户对账单\n流水号,交易时间,交易金额,卡类型,交易方式,手续费,结算金额,结算日期\n" +
            "S1,2025/03/12 10:00:00,100.00,,微信,0.38,99.62,2025/03/12\n" +
            "S2,2025/03/12 10:00:00,\"￥1,000.00\",贷记卡,插卡,5.50,994.50,2025/03/12\n" +
            "合计,,\"1,100.00\",,,5.88,\"1,094.12\",\n"
        val bytes = text.toByteArray(java.nio.charset.Charset.forName("GBK"))
        a.startStatement(null)
        val results = bytes.asList().chunked(5).flatMap { a.feedCsv(it.toByteArray()) } + a.finishCsv()
        check(results.map { it.id } == listOf("S1", "S2") && results.all { it.status == LineStatus.OK }) { "results $results" }
        check(results.map { it.lineNumber } == listOf(3L, 4L)) { "line numbers $results" }
        val layout = a.statementLayout()
        check(layout?.encoding == DetectedEncoding(TextEncoding.GB18030, EncodingSource.DETECTED)) { "layout $layout" }
        check(layout?.headerLine == 2L && layout.titleRows == 1L && layout.profile == "generic") { "layout $layout" }
        check(layout?.columns?.first() == ColumnMapping("流水号", "id")) { "columns ${layout?.columns}" }
        val totals = a.statementTotals()
        check(totals?.agrees == true && totals.lineNumber == 5L && totals.lines == 2L) { "totals $totals" }
        check(totals?.checks?.map { it.stated } == listOf(BigDecimal("1100.00"), BigDecimal("5.88"), BigDecimal("1094.12"))) { "checks ${totals?.checks}" }
        val b = Auditor(Engine(), std, "2025-03-20T00:00", null)
        check(b.statementLayout() == null && b.statementTotals() == null) { "no statement yet" }
        expectError("invalid_field", "format.encoding", "unknown_value") { b.startStatement(StatementFormatInput(encoding = "latin1")) }
        expectError("invalid_amount", "format.totals.fee_charged", null) { b.startStatement(StatementFormatInput(totals = StatedTotalsInput(feeCharged = "abc"))) }
        expectError("invalid_field", "format.columns.colour", "unknown_value") { b.startStatement(StatementFormatInput(columns = mapOf("colour" to "颜色"))) }
    },
    "audit: an Excel (.xlsx) statement through feedXlsx" to {
        val wallets = WalletsInput(alipay = WalletInput(enabled = true, verified = true), wechat = WalletInput(enabled = true, verified = true))
        // A minimal workbook written here: one sheet, a title row, the header,
        // two lines (amounts as number cells, one of them not whole fen) and a 合计 row.
        fun str(s: String) = "<c t=\"inlineStr\"><is><t>$s</t></is></c>"
        fun num(n: String) = "<c><v>$n</v></c>"
        val rows = listOf(
            listOf(str("商户对账单")),
            listOf("流水号", "交易时间", "交易金额", "交易方式", "手续费").map(::str),
            listOf(str("X1"), str("2025/03/12 10:00:00"), num("100"), str("微信"), num("0.38")),
            listOf(str("X2"), str("2025/03/12 11:00:00"), num("12.345"), str("支付宝"), num("0.05")),
            listOf(str("合计"), str(""), num("112.345"), str(""), num("0.43")),
        )
        val sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
            rows.joinToString("") { "<row>${it.joinToString("")}</row>" } + "</sheetData></worksheet>"
        val files = linkedMapOf(
            "[Content_Types].xml" to "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
            "_rels/.rels" to "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            "xl/workbook.xml" to "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"对账单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels" to "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            "xl/worksheets/sheet1.xml" to sheet,
        )
        val zipped = java.io.ByteArrayOutputStream()
        java.util.zip.ZipOutputStream(zipped).use { z ->
            for ((name, body) in files) {
                z.putNextEntry(java.util.zip.ZipEntry(name))
                z.write(body.toByteArray(Charsets.UTF_8))
                z.closeEntry()
            }
        }
        val a = Auditor(Engine(), std.copy(wallets = wallets), "2025-03-20T00:00", null)
        a.startStatement(null)
        val results = a.feedXlsx(zipped.toByteArray(), "对账单") + a.finishCsv()
        check(results.map { it.lineNumber } == listOf(3L, 4L)) { "line numbers $results" }
        // X1: WeChat 100 at 0.38, never settled: past due by 03-20.
        check(results[0].expectedFee == BigDecimal("0.38") && results[0].findings.map { it.code } == listOf(FindingCode.NOT_SETTLED)) { "X1 ${results[0]}" }
        val e = results[1].error
        check(results[1].status == LineStatus.UNJUDGEABLE && e?.code == "invalid_amount" && e.field == "lines[1].amount" && e.reason == "too_many_decimals") { "X2 ${results[1]}" }
        check(a.statementLayout()?.titleRows == 1L) { "layout ${a.statementLayout()}" }
        // The sum of the lines that could be read is not the stated one: the check does not agree.
        check(a.statementTotals()?.agrees == false && a.statementTotals()?.unread == 1L) { "totals ${a.statementTotals()}" }
        val b = Auditor(Engine(), std, "2025-03-20T00:00", null)
        expectError("invalid_state", "row", "unsupported") { b.feedXlsx(zipped.toByteArray(), null) }
        b.startStatement(null)
        expectError("invalid_field", "sheet", "unknown_value") { b.feedXlsx(zipped.toByteArray(), "Sheet9") }
        expectError("invalid_csv", "file", "unreadable") { Auditor(Engine(), std, "2025-03-20T00:00", null).also { it.startStatement(null) }.feedXlsx("not a zip".toByteArray(), null) }
    },
    "audit: CSV errors and the summary" to {
        val en = Engine()
        expectError("invalid_csv", "line 1", "missing_header_column") {
            Auditor(en, std, "2025-04-01T00:00").feedCsv("id,time,amount\n".toByteArray())
        }
        expectError("invalid_time", "as_of", "missing") { Auditor(en, std, null) }
        val a = Auditor(en, std, "2025-04-01T00:00")
        val l = a.auditLine(StatementLineInput(id = "T1", time = "2025-03-12T10:00", amount = "1000.00", method = "card",
            cardKind = "credit", cardMedium = "chip", feeCharged = "6.00", netSettled = "994.00", settledDate = "2025-03-12"))
        check(l.findings.single().code == FindingCode.FEE_OVERCHARGED && l.findings.single().amount == BigDecimal("0.50")) { "line $l" }
        check(a.summary().overcharged == BigDecimal("0.50") && a.summary().counts["fee_overcharged"] == 1L) { "summary ${a.summary()}" }
        val bad = a.auditLine(StatementLineInput(id = "T2", time = "2025-03-12T10:00", amount = "1.005", method = "qr", wallet = "alipay", feeCharged = "0"))
        check(bad.status == LineStatus.UNJUDGEABLE && bad.error?.field == "lines[1].amount") { "bad $bad" }
    },
    "diagnose" to {
        val d = Engine().diagnose(DiagnoseInput(situation = "declined", terminalMessage = "二维码已失效"))
        check(d.causes.first().code == "qr_expired" && d.supportLine == "4001125883") { "diagnosis $d" }
        expectError("invalid_field", "situation", "unknown_value") { Engine().diagnose(DiagnoseInput(situation = "lost")) }
    },
    "calendar updates: holiday-cn, empty, extend, provenance" to {
        val text = File(root, "calendars/holiday-cn-2027-fictional.json").readText()
        val revised = File(root, "calendars/holiday-cn-2027-fictional-revised.json").readText()
        val cal = Calendar.empty()
        check(cal.years().isEmpty() && cal.validUntil() == null) { "empty ${cal.years()}" }
        cal.extend(Calendar.fromHolidayCn(text, "2026.12.01"))
        check(cal.years() == listOf(2027) && cal.validUntil() == "2027-12-31") { "years ${cal.years()}" }
        check(cal.versions().single().let { it.dataVersion == "2026.12.01" && it.origin == DataOrigin.LOADED }) { "versions ${cal.versions()}" }
        check(cal.day("2027-02-06").let { it.kind == DayKind.HOLIDAY && it.nameZh == "春节" }) { "day" }
        expectError("calendar_year_covered", "year", "already_covered") { cal.extend(Calendar.fromHolidayCn(revised, "2026.12.01")) }
        expectError("calendar_year_covered", "year", "not_newer") { cal.extend(Calendar.fromHolidayCn(revised)) }
        expectError("calendar_year_covered", "year", "already_covered") { cal.extend(cal) }
        cal.extend(Calendar.fromHolidayCn(revised, "2027.01.15"))
        check(cal.versions().single().dataVersion == "2027.01.15") { "replaced ${cal.versions()}" }
        // fromJson recognises the holiday-cn shape; unversioned.
        check(Calendar.fromJson(text).versions().single().dataVersion == "unversioned") { "fromJson" }
        val en = Engine()
        en.loadCalendar(text, "2026.12.01")
        val a = en.arrival(debit2027)
        check(a.calendar.isNotEmpty() && a.calendar.all { it.year == 2027 && it.dataVersion == "2026.12.01" && it.origin == DataOrigin.LOADED }) { "arrival ${a.calendar}" }
        val w = Engine().frozenWindow("2025-09-30")
        check(w.calendar.first() == ConsultedYear(2025, "2026.11.23", DataOrigin.EMBEDDED)) { "window ${w.calendar}" }
        check(Engine().quote(std, card).arrival!!.calendar.isNotEmpty()) { "quote arrival calendar" }
    },
    "error texts: holiday-cn file" to {
        val dup = """{"year": 2030, "days": [{"name": "元旦", "date": "2030-01-01", "isOffDay": true}, {"name": "元旦", "date": "2030-01-01", "isOffDay": true}]}"""
        try {
            Calendar.fromHolidayCn(dup, "2030.01.01")
            throw IllegalStateException("no error")
        } catch (x: PosfeeException) {
            check(x.code() == "calendar_invalid" && x.field() == "days[1].date" && x.reason() == "duplicate") { "got $x" }
            check(x.messageZh() == "days[1].date：日期 2030-01-01 重复列出") { "zh ${x.messageZh()}" }
            check(x.messageEn() == "days[1].date: the date 2030-01-01 is listed twice") { "en ${x.messageEn()}" }
        }
        expectError("calendar_invalid", "data_version", "empty") { Calendar.fromHolidayCn(dup, "") }
        expectError("calendar_syntax", "", "syntax") { Engine().loadCalendar("{", "2030.01.01") }
    },
    "contract: plan, quote, comparison" to {
        val rates = ContractRatesInput(credit = "0.60", debit = "0.50", qr = "0.38", smallContactless = "0.38", contactless = "0.60")
        val contract = ContractInput(name = "某银行 POS 合同", rates = rates, debitCap = "20.00", fixedFee = "3.00", fixedFeeChannels = listOf("credit"))
        val p = Plan.fromContract(contract)
        check(p.id() == "contract" && p.dataVersion() == "contract/upos/2026.12.02") { "plan ${p.id()} ${p.dataVersion()}" }
        check(Plan.fromContract(contract.copy(id = "bank_x"), Plan.reference()).dataVersion() == "contract/reference/2025.10.1") { "base" }
        // 1000.00 × 0.60 % = 6.00, + 3.00 fixed on credit.
        val q = Engine.withData(p, Calendar.embedded()).quote(std, card)
        check(q.fee == BigDecimal("9.00") && q.rule.id == "credit" && q.arrival?.date == "2025-10-09") { "quote $q" }
        val mix = listOf(MixLineInput(card, 10L))
        // Contract 10 × 9.00 = 90.00 against 优POS 10 × 5.50 = 55.00.
        val c = compareContract(contract, Plan.upos(), Plan.upos(), std, mix)
        check(c.planA == "contract" && c.planB == "upos" && c.totalA == BigDecimal("90.00") && c.totalB == BigDecimal("55.00")) { "compare $c" }
        check(c.difference == BigDecimal("-35.00") && c.saving == BigDecimal("35.00") && c.cheaper == Cheaper.B) { "saving $c" }
        check(c.channels.single().let { it.channel == ContractChannel.CREDIT && it.nameZh == "信用卡刷卡" && it.payments == 10L }) { "channels ${c.channels}" }
        check(c.lines.single().let { it.ruleA == "credit" && it.ruleB == "F5" && it.feeA == BigDecimal("9.00") }) { "lines ${c.lines}" }
        val d = compareByChannel(Plan.upos(), p, std, mix)
        check(d.cheaper == Cheaper.A && d.difference == BigDecimal("35.00") && d.lines.single().channel == ContractChannel.CREDIT) { "by channel $d" }
        expectError("invalid_field", "contract.rates.contactless", "missing") { Plan.fromContract(contract.copy(rates = rates.copy(contactless = null))) }
        expectError("invalid_field", "contract.rates", "missing") { compareContract(ContractInput(), Plan.upos(), Plan.upos(), std, mix) }
        expectError("invalid_amount", "contract.debit_cap", "zero") { Plan.fromContract(contract.copy(debitCap = "0")) }
        expectError("invalid_field", "contract.fixed_fee_channels[0]", "unknown_value") { Plan.fromContract(contract.copy(fixedFeeChannels = listOf("nfc"))) }
        expectError("plan_incomplete", "limits.single[0].when.rules[1]", "channels_differ") {
            Plan.fromContract(contract, Plan.fromJson(File(root, "plans/acme.json").readText()))
        }
        expectError("invalid_field", "mix[0].count", "out_of_range") { compareContract(contract, Plan.upos(), Plan.upos(), std, listOf(MixLineInput(card, 0L))) }
        // Counts are Long, so Java can build the record; below 0 or above UInt.MAX_VALUE is refused.
        expectError("invalid_field", "mix[0].count", "invalid_value") { compare(Plan.upos(), Plan.reference(), std, listOf(MixLineInput(card, -1L))) }
        expectError("invalid_field", "devices", "invalid_value") { Engine().eligibility(EligibilityInput(devices = 4294967296L, verification = "face_and_card")) }
    },
    "error texts: contract rate" to {
        val rates = ContractRatesInput(credit = "0.60%", debit = "0.50", qr = "0.38", smallContactless = "0.38", contactless = "0.60")
        try {
            Plan.fromContract(ContractInput(rates = rates))
            throw IllegalStateException("no error")
        } catch (x: PosfeeException) {
            check(x.code() == "invalid_field" && x.field() == "contract.rates.credit" && x.reason() == "format") { "got $x" }
            check(x.messageZh() == "contract.rates.credit：费率 \"0.60%\" 格式不正确，应为如 \"0.60\" 的百分数（表示 0.60%，不带 % 号）") { "zh ${x.messageZh()}" }
            check(x.messageEn() == "contract.rates.credit: rate \"0.60%\" is not a percentage such as \"0.60\" (meaning 0.60 %, without the % sign)") { "en ${x.messageEn()}" }
        }
        expectError("invalid_field", "contract.rates.debit", "out_of_range") { Plan.fromContract(ContractInput(rates = rates.copy(credit = "0.6", debit = "100.5"))) }
    },
    "calendar, fee, accounting date" to {
        val d = Calendar.embedded().day("2025-10-11")
        check(d.kind == DayKind.ADJUSTED_WORKING_DAY && d.working) { "day $d" }
        expectError("invalid_time", "date", "out_of_range") { Calendar.embedded().day("2025-02-30") }
        val f = Engine().fee(std, card.copy(time = null))
        check(f.fee.toPlainString() == "5.50" && f.rule.id == "F5") { "fee $f" }
        check(Engine().accountingDate("2025-09-30T23:30") == "2025-10-01") { "accounting date" }
        val c = compare(Plan.upos(), Plan.reference(), std, listOf(MixLineInput(card, 10L)))
        check(c.cheaper == Cheaper.A && c.difference.toPlainString() == "35.00") { "compare $c" }
    },
)

/** glibc's `struct mallinfo2`: `uordblks` is the bytes malloc has handed out and not had back. */
@com.sun.jna.Structure.FieldOrder("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
open class MallInfo2 : com.sun.jna.Structure() {
    @JvmField var arena: Long = 0
    @JvmField var ordblks: Long = 0
    @JvmField var smblks: Long = 0
    @JvmField var hblks: Long = 0
    @JvmField var hblkhd: Long = 0
    @JvmField var usmblks: Long = 0
    @JvmField var fsmblks: Long = 0
    @JvmField var uordblks: Long = 0
    @JvmField var fordblks: Long = 0
    @JvmField var keepcost: Long = 0
    class ByValue : MallInfo2(), com.sun.jna.Structure.ByValue
}

interface LibC : com.sun.jna.Library {
    fun mallinfo2(): MallInfo2.ByValue
}

val libc: LibC = com.sun.jna.Native.load("c", LibC::class.java)

/**
 * Bytes the C allocator (Rust's allocator here) has handed out on this
 * thread's arena and not had back, after a collection (so the JVM's cleaners
 * have freed what they hold): a leak of a few bytes per call shows here,
 * where resident memory would hide it in reused free blocks.
 */
fun liveMallocBytes(): Long {
    // Collect until the count stops falling (up to 3 s): the cleaners free
    // native memory after a collection, on their own thread.
    var last = Long.MAX_VALUE
    for (i in 0 until 30) {
        System.gc()
        Thread.sleep(100)
        val now = libc.mallinfo2().uordblks
        if (i >= 2 && now >= last) return now
        last = now
    }
    return last
}

/** Resident memory of this process in KiB (Linux), after a collection. */
fun residentKiB(): Long {
    repeat(3) { System.gc(); Thread.sleep(50) }
    val line = File("/proc/self/status").readLines().firstOrNull { it.startsWith("VmRSS:") } ?: return 0
    return line.removePrefix("VmRSS:").trim().removeSuffix("kB").trim().toLong()
}

/** Hostile and heavy use: threads sharing an engine, memory over many errors and quotes. */
val hostileChecks: List<Pair<String, () -> Unit>> = listOf(
    "8 threads share one engine and get the single-threaded answers" to {
        val engine = Engine()
        val payments = (1..50).map { card.copy(amount = "${it * 37}.${it % 100}".let { a -> if (a.substringAfter('.').length == 1) a + "0" else a }) }
        val expected = payments.map { engine.quote(std, it).fee }
        val wrong = java.util.concurrent.atomic.AtomicInteger()
        val threads = (1..8).map {
            Thread {
                repeat(2_000) { i ->
                    val k = (i + it) % payments.size
                    if (engine.quote(std, payments[k]).fee != expected[k]) wrong.incrementAndGet()
                }
            }
        }
        threads.forEach { it.start() }
        threads.forEach { it.join() }
        check(wrong.get() == 0) { "${wrong.get()} wrong answers" }
    },
    "memory is flat over 200,000 errors (nothing is left behind per thrown error)" to {
        val engine = Engine()
        val bad = card.copy(amount = "1.234")
        val batch = { repeat(100_000) { try { engine.quote(std, bad) } catch (x: PosfeeException) { check(x.reason() == "too_many_decimals") } } }
        batch()
        // Two batches of 100,000 measured: a leak grows both (the old error
        // object left 63-94 bytes an error, 6-9 MB a batch); the JVM's own
        // allocations move either by up to about 1.5 MB.
        val growth = (1..2).map { val before = liveMallocBytes(); batch(); liveMallocBytes() - before }
        println("kotlin: allocated native memory over two batches of 100,000 errors grew by ${growth.joinToString(" and ")} bytes")
        check(growth.min() < 3_000_000) { "allocated native memory grew by $growth bytes over 100,000 errors each" }
    },
    "an Auditor refuses CSV after finishCsv" to {
        val a = Auditor(Engine(), std, "2025-03-20T00:00", null)
        a.feedCsv("id,time,amount,method,wallet,fee_charged\nT1,2025-03-12T10:00,100.00,qr,wechat,0.38\n".toByteArray())
        a.finishCsv()
        expectError("invalid_state", "chunk", "finished") { a.feedCsv("T2,2025-03-12T10:00,100.00,qr,wechat,0.38\n".toByteArray()) }
        expectError("invalid_state", "chunk", "finished") { a.finishCsv() }
    },
    "a large CSV statement with 1% bad lines: every line accounted for, memory bounded" to {
        val mb = (System.getenv("POSFEE_CSV_MB") ?: "20").toInt()
        val wallets = WalletsInput(alipay = null, wechat = WalletInput(enabled = true, verified = true), unionpay = null)
        val a = Auditor(Engine(), std.copy(wallets = wallets), "2025-03-20T00:00", null)
        var made = 0L
        var lines = 0L
        var bad = 0L
        var seen = 0L
        var unjudgeable = 0L
        var peak = 0L
        val started = System.nanoTime()
        fun take(results: List<LineAudit>) {
            for (l in results) {
                if (l.index.toLong() != seen) throw IllegalStateException("line ${l.index} out of order at $seen")
                seen++
                if (l.status == LineStatus.UNJUDGEABLE) unjudgeable++
            }
        }
        take(a.feedCsv("id,time,amount,method,wallet,fee_charged\n".toByteArray()))
        val chunk = StringBuilder()
        while (made < mb * 1_000_000L) {
            chunk.setLength(0)
            repeat(1_000) {
                val n = lines
                val amount = 100 + n % 900
                if (n % 100 == 99L) {
                    bad++
                    chunk.append("B$n,2025-03-12T10:00:00,abc,qr,wechat,0.38\n")
                } else {
                    chunk.append("T$n,2025-03-12T10:00:00,$amount.00,qr,wechat,").append(BigDecimal(amount * 38).movePointLeft(4).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).append('\n')
                }
                lines++
            }
            val bytes = chunk.toString().toByteArray()
            made += bytes.size
            take(a.feedCsv(bytes))
            if (lines % 50_000 == 0L) peak = maxOf(peak, residentKiB())
        }
        take(a.finishCsv())
        val seconds = (System.nanoTime() - started) / 1e9
        println("kotlin: $mb MB CSV, $lines lines ($bad bad) in ${"%.1f".format(seconds)} s: peak resident memory ${peak / 1024} MiB")
        check(seen == lines) { "$seen results for $lines lines" }
        check(unjudgeable == bad) { "$unjudgeable unjudgeable for $bad bad lines" }
        check(a.summary().lines.toLong() == lines) { "summary ${a.summary().lines}" }
        check(peak < 1_024 * 1_024) { "peak resident memory ${peak / 1024} MiB" }
    },
    "memory is flat over 200,000 quotes" to {
        val engine = Engine()
        val batch = { repeat(100_000) { check(engine.quote(std, card).fee.toPlainString() == "5.50") } }
        batch()
        val growth = (1..2).map { val before = liveMallocBytes(); batch(); liveMallocBytes() - before }
        println("kotlin: allocated native memory over two batches of 100,000 quotes grew by ${growth.joinToString(" and ")} bytes")
        check(growth.min() < 3_000_000) { "allocated native memory grew by $growth bytes over 100,000 quotes each" }
    },
)

fun main(args: Array<String>) {
    root = File(args.firstOrNull() ?: "tests")
    expectedVersion = args.getOrNull(1)
    val files = File(root, "vectors").listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }
    var passed = 0
    var skipped = 0
    val failed = mutableListOf<String>()
    // One engine lives through every case: after each, it still answers a
    // normal quote exactly (bad input never poisons it).
    val sentinel = Engine()
    for (file in files) {
        val doc = JsonParser.parseString(file.readText()).asJsonObject
        val merchants = doc.getAsJsonObject("merchants") ?: JsonObject()
        for (ce in doc.getAsJsonArray("cases")) {
            val c = ce.asJsonObject
            val id = c.get("id").asString
            if (c.getAsJsonArray("tags")?.any { it.asString == "json_types" } == true) {
                skipped++
                continue
            }
            val diffs = mutableListOf<String>()
            try {
                subset(c.get("expect"), runCase(c, merchants), "", diffs)
            } catch (x: Throwable) {
                diffs.add("runner: $x")
            }
            try {
                val q = sentinel.quote(std, card)
                if (q.fee.toPlainString() != "5.50") diffs.add("after this case a normal quote answers ${q.fee}")
            } catch (x: Throwable) {
                diffs.add("after this case a normal quote throws: $x")
            }
            if (diffs.isEmpty()) passed++ else failed.add("$id (${file.name}): ${diffs.joinToString("; ")}")
        }
    }
    for ((name, check) in apiChecks + hostileChecks) {
        try {
            check()
            passed++
        } catch (x: Throwable) {
            failed.add("api: $name: $x")
        }
    }
    for (f in failed) System.err.println("FAIL $f")
    println("$passed passed, ${failed.size} failed, $skipped skipped")
    if (failed.isNotEmpty() || passed < 200) exitProcess(1)
}
