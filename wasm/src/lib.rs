//! posfee-core for JavaScript (wasm-bindgen).
