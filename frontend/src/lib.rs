//! The browser entry point: hydrates the server-rendered page with the app's components.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Ignore a second logger registration (hot reload calls hydrate again).
    let _ = console_log::init_with_level(log::Level::Warn);
    leptos::mount::hydrate_body(app::App);
}
