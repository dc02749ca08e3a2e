// Run by scripts/test-mobile.sh in a JVM whose platform the JAR does not
// carry (-Dos.arch=aarch64 on Linux: JNA then looks for linux-aarch64):
// the first call must fail with PosfeeLibrary's UnsatisfiedLinkError, and a
// second call must still say why. Prints what it caught; the script checks
// the message names the platform, the platforms carried and the remedy.
package posfee.tests

import posfee.PosfeeLibrary
import posfee.version
import kotlin.system.exitProcess

fun main() {
    println("platform: ${PosfeeLibrary.platform}, JAR: ${PosfeeLibrary.version} ${PosfeeLibrary.platforms}")
    for (attempt in 1..2) {
        try {
            println("loaded: ${version()}")
            exitProcess(1)
        } catch (t: Throwable) {
            println("attempt $attempt:")
            generateSequence(t) { it.cause }.forEach { println("  ${it.javaClass.name}: ${it.message}") }
        }
    }
}
