//! The browser entry point: hydrates the islands, the interactive parts of the server-rendered
//! page (everything else stays the server's HTML).

// The islands are exported by the app crate and found by name from JavaScript: without this
// the linker would drop the whole crate, as nothing here calls into it.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Ignore a second logger registration (hot reload calls hydrate again).
    let _ = console_log::init_with_level(log::Level::Warn);
    leptos::mount::hydrate_islands();
}
