// Hand-written (not generated): compiled into the JAR next to the generated
// bindings (mobile-ffi/bindings/kotlin/posfee/posfee.kt), and added to an
// Android module's sources with them.
//
// The generated bindings ask `findLibraryName` for the native library's name
// before JNA loads it; uniffi.toml's `cdylib_name` makes that answer
// `PosfeeLibrary.libraryName()`, which loads the library first and, when JNA
// finds none for this platform, throws an UnsatisfiedLinkError that names the
// platform, the platforms this JAR carries and how to build the missing one
// (docs/decisions/0008-jvm-native-library-loading.md).
package posfee

import com.sun.jna.Library
import com.sun.jna.NativeLibrary
import com.sun.jna.Platform
import java.util.Properties

/** The JAR's version and native libraries, and the loading of the native library. */
object PosfeeLibrary {
    /** The native library's name, as JNA maps it (`libposfee_ffi.so`, `libposfee_ffi.dylib`, `posfee_ffi.dll`). */
    const val NAME = "posfee_ffi"

    /** Written into the JAR by scripts/test-mobile.sh; absent when the sources are compiled into an app. */
    private const val BUILD_PROPERTIES = "posfee/build.properties"

    private val build: Properties by lazy {
        Properties().also { p ->
            PosfeeLibrary::class.java.classLoader?.getResourceAsStream(BUILD_PROPERTIES)?.use { p.load(it) }
        }
    }

    // JNA keeps loaded libraries by weak reference: holding it here means
    // the generated code's Native.register finds this one, not a second copy.
    @Volatile private var loaded: NativeLibrary? = null

    /** The JAR's version (the Rust workspace's version), or null where the sources were compiled into an app. */
    @JvmStatic val version: String? get() = build.getProperty("version")

    /** JNA's platforms (`<os>-<arch>`) whose native library the JAR carries; empty where there is no JAR. */
    @JvmStatic val platforms: List<String>
        get() = build.getProperty("platforms").orEmpty().split(',').map { it.trim() }.filter { it.isNotEmpty() }

    /** This machine's platform as JNA names it (`linux-x86-64`, `darwin-aarch64`, `win32-x86-64`, `android-aarch64`, …). */
    @JvmStatic val platform: String get() = Platform.RESOURCE_PREFIX

    /**
     * Loads the native library the way the generated bindings do (same name, same
     * class loader) and returns its name; throws an [UnsatisfiedLinkError] that
     * says what is missing and how to build it when JNA finds no library.
     */
    @JvmStatic
    @Synchronized
    fun libraryName(): String {
        if (loaded == null) {
            try {
                loaded = NativeLibrary.getInstance(NAME, mapOf(Library.OPTION_CLASSLOADER to PosfeeLibrary::class.java.classLoader))
            } catch (e: UnsatisfiedLinkError) {
                throw UnsatisfiedLinkError(missing(e.message)).apply { initCause(e) }
            }
        }
        return NAME
    }

    internal fun missing(jna: String?): String {
        val file = System.mapLibraryName(NAME)
        val carried = platforms
        val jar = if (carried.isEmpty()) {
            "The bindings were not loaded from a posfee JAR (no $BUILD_PROPERTIES): on Android, the library belongs in " +
                "src/main/jniLibs/<abi>/$file (cargo ndk, see mobile-ffi/README.md)."
        } else {
            "This posfee ${version ?: ""} JAR carries the library for ${carried.joinToString(", ")} only."
        }
        return "posfee: no native library for this platform, $platform: JNA found no $platform/$file on the classpath " +
            "and no $file in jna.library.path or the system's library path. $jar " +
            "Build it on a $platform machine with `cargo build --release -p posfee-ffi` (mobile-ffi/README.md, " +
            "\"Other platforms\") and put target/release/$file on the classpath as $platform/$file " +
            "(or its directory in -Djna.library.path). JNA said: ${jna ?: "nothing"}"
    }
}
