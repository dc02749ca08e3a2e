//! posfee-core for Kotlin and Swift (uniffi).
