//! The uniffi bindings generator, at exactly the uniffi version the crate uses.
fn main() {
    uniffi::uniffi_bindgen_main()
}
