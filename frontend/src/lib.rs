//! The browser entry point: hydrates the server-rendered page with the app's components.

// A build with typed views (without `erase_components`, which the leptos metadata in
// Cargo.toml turns on) computes the layout of each page's whole view type here; the connection
// page's nests deeper than the default 128 ("queries overflow the depth limit").
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Ignore a second logger registration (hot reload calls hydrate again).
    let _ = console_log::init_with_level(log::Level::Warn);
    leptos::mount::hydrate_body(app::App);
}
