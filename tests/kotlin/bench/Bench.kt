// Benchmark (not a test): the Kotlin binding's crossing, run by
// scripts/bench-mobile.sh next to the core's own criterion figure for the
// same quote. Prints the median of repeated runs per call:
//   - `version()`: an empty call (one string back);
//   - `quote`: the quote of core/benches/quote.rs (credit chip 1234.56 at
//     2025-09-30T22:30, arrival over National Day), inputs as Kotlin records;
//   - `feeBatch`: 1,000,000 payments as one text column in and out;
//   - where the empty call's time goes: the same library called through JNA
//     directly (direct mapping, as the generated code does), step by step:
//     a call that takes and returns only an Int, the call-status structure
//     the generated code allocates for every call, `version`'s own symbol
//     with a status and a RustBuffer returned by value, freeing that buffer,
//     and lifting the string out of it.
package posfee.bench

import com.sun.jna.Native
import com.sun.jna.Structure
import posfee.*

/// The layout of uniffi's call status (`UniffiRustCallStatus`, internal to
/// the generated code): a code and an error buffer.
@Structure.FieldOrder("code", "error_buf")
open class BenchStatus : Structure() {
    @JvmField var code: Byte = 0
    @JvmField var error_buf: RustBuffer.ByValue = RustBuffer.ByValue()
}

/// The library's own symbols, direct-mapped as the generated code maps them.
object RawLib {
    init {
        Native.register(RawLib::class.java, "posfee_ffi")
    }

    @JvmStatic external fun ffi_posfee_ffi_uniffi_contract_version(): Int
    @JvmStatic external fun uniffi_posfee_ffi_fn_func_version(status: BenchStatus): RustBuffer.ByValue
    @JvmStatic external fun ffi_posfee_ffi_rustbuffer_free(buf: RustBuffer.ByValue, status: BenchStatus)
}

fun median(runs: Int, f: () -> Unit): Double {
    f()
    val times = (1..runs).map { val t0 = System.nanoTime(); f(); (System.nanoTime() - t0) / 1e6 }.sorted()
    return times[times.size / 2]
}

fun main(args: Array<String>) {
    val n = args.firstOrNull()?.toInt() ?: 1_000_000
    val engine = Engine()
    val merchant = MerchantInput(tier = "premium", verification = "face_and_card", creditRate = "standard", activated = true)
    val payment = PaymentInput(amount = "1234.56", method = "card", cardKind = "credit", cardMedium = "chip", time = "2025-09-30T22:30:00")
    val q = engine.quote(merchant, payment)
    check(q.fee.compareTo(java.math.BigDecimal("6.79")) == 0) { "quote fee ${q.fee}" }
    val calls = 20_000
    val empty = median(7) { repeat(calls) { version() } } * 1000 / calls
    var sink = 0L
    val rawInt = median(7) { repeat(calls) { sink += RawLib.ffi_posfee_ffi_uniffi_contract_version() } } * 1000 / calls
    val status = median(7) { repeat(calls) { sink += BenchStatus().code } } * 1000 / calls
    val oneStatus = BenchStatus()
    val rawCall = median(7) {
        repeat(calls) { sink += RawLib.uniffi_posfee_ffi_fn_func_version(oneStatus).len }
    } * 1000 / calls
    val rawCallFree = median(7) {
        repeat(calls) {
            val b = RawLib.uniffi_posfee_ffi_fn_func_version(oneStatus)
            RawLib.ffi_posfee_ffi_rustbuffer_free(b, oneStatus)
        }
    } * 1000 / calls
    val rawLift = median(7) {
        repeat(calls) {
            sink += FfiConverterString.lift(RawLib.uniffi_posfee_ffi_fn_func_version(BenchStatus())).length
        }
    } * 1000 / calls
    check(sink != 0L)
    val quote = median(7) { repeat(calls) { engine.quote(merchant, payment) } } * 1000 / calls
    val instruments = listOf(
        InstrumentInput(method = "card", cardKind = "credit", cardMedium = "chip"),
        InstrumentInput(method = "qr", wallet = "wechat"),
    )
    val sb = StringBuilder()
    var x = 0x9e3779b9L
    val index = ArrayList<Int>(n)
    for (i in 0 until n) {
        x = x xor (x shl 13); x = x xor (x ushr 7); x = x xor (x shl 17)
        val fen = Math.floorMod(x, 6_000_000L) + 1
        if (i > 0) sb.append('\n')
        sb.append(fen / 100).append('.').append(String.format("%02d", fen % 100))
        index.add(Math.floorMod(x, 2L).toInt())
    }
    val text = sb.toString()
    var count = 0L
    val batch = median(5) { count = engine.feeBatch(merchant, text, instruments, index).count }
    check(count == n.toLong()) { "batch count $count" }
    println("kotlin (JVM ${System.getProperty("java.version")}), median of repeated runs:")
    println("  empty call version(): %.2f µs".format(empty))
    println("  where it goes (JNA direct mapping, the same library):")
    println("    a call that takes and returns an Int: %.2f µs".format(rawInt))
    println("    allocating one call-status structure: %.2f µs".format(status))
    println("    version's symbol, one status reused, the RustBuffer returned by value: %.2f µs".format(rawCall))
    println("    the same and freeing the buffer: %.2f µs".format(rawCallFree))
    println("    a new status, the call, and lifting the string (frees the buffer): %.2f µs".format(rawLift))
    println("  quote: %.2f µs".format(quote))
    println("  feeBatch, $n payments: %.1f ms (%.1f ns/payment)".format(batch, batch * 1e6 / n))
}
