//! Saving a downloaded peer configuration as a file, in the browser (an effect: it never runs
//! while the server renders the page).

use crate::api::operator::PeerConfigFile;
use crate::components::island_net::FetchAction;
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys;

fn save(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    document().body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // The download has started from the URL; give the browser a moment before freeing it.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Saves each configuration `action` brings back, once.
pub fn save_when_downloaded(action: FetchAction<PeerConfigFile>) {
    Effect::new(move |_| {
        if let Some(Ok(file)) = action.value().get() {
            if let Err(e) = save(&file.file_name, &file.text) {
                leptos::logging::error!("could not save the peer configuration: {e:?}");
            }
        }
    });
}
