//! Exports of the topology: the current view (pan and zoom included) as a standalone SVG file
//! or as a PNG painted on a canvas in the browser, and the drawn graph as JSON (a plain link
//! to the server, so it works without JavaScript too).
//!
//! The server's SVG carries every style as presentation attributes (colours, dashes, fonts), so
//! a copy of the element is already a standalone file; only the page's selection and drag
//! marks are taken off.

use super::topology_state::TopologyUi;
use super::topology_viewport::ViewBox;
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use leptos::web_sys::{self, Element};

/// Largest PNG side in pixels (browsers refuse bigger canvases).
const MAX_PNG_SIDE: f64 = 8192.0;

/// The drawing as a standalone SVG document showing `vb`, and its size in user units.
fn standalone_svg(vb: ViewBox) -> Option<String> {
    let svg = document().query_selector("#graph svg").ok()??;
    let copy: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    copy.set_attribute("viewBox", &vb.attr()).ok()?;
    copy.set_attribute("width", &format!("{:.0}", vb.w)).ok()?;
    copy.set_attribute("height", &format!("{:.0}", vb.h)).ok()?;
    let marked = copy
        .query_selector_all(".selected, .pinning, [transform]")
        .ok()?;
    for i in 0..marked.length() {
        if let Some(e) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = e.class_list().remove_2("selected", "pinning");
            let _ = e.remove_attribute("transform");
        }
    }
    Some(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        copy.outer_html()
    ))
}

/// Makes the browser download `href` as `name`.
fn download(href: &str, name: &str) -> Result<(), JsValue> {
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(href);
    a.set_download(name);
    document().body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    Ok(())
}

fn export_svg(vb: ViewBox) -> Result<(), JsValue> {
    let text = standalone_svg(vb).ok_or("no drawing to export")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download(&url, "topology.svg")?;
    // The download has started from the URL; give the browser a moment before freeing it.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

fn export_png(vb: ViewBox) -> Result<(), JsValue> {
    let text = standalone_svg(vb).ok_or("no drawing to export")?;
    let scale = (2.0f64).min(MAX_PNG_SIDE / vb.w.max(vb.h));
    let (w, h) = ((vb.w * scale).round() as u32, (vb.h * scale).round() as u32);
    let image = web_sys::HtmlImageElement::new()?;
    let painted = image.clone();
    let onload = Closure::once_into_js(move || {
        let paint = || -> Result<(), JsValue> {
            let canvas: web_sys::HtmlCanvasElement =
                document().create_element("canvas")?.dyn_into()?;
            canvas.set_width(w);
            canvas.set_height(h);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .dyn_into()?;
            // The SVG has no background of its own: paint white so the PNG reads anywhere.
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &painted, 0.0, 0.0, w as f64, h as f64,
            )?;
            download(&canvas.to_data_url_with_type("image/png")?, "topology.png")
        };
        if let Err(e) = paint() {
            leptos::logging::error!("PNG export failed: {e:?}");
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        js_sys::encode_uri_component(&text)
    );
    image.set_src(&src);
    Ok(())
}

#[component]
pub fn TopologyExport(json_href: String) -> impl IntoView {
    let ui = expect_context::<TopologyUi>();
    let run = move |what: fn(ViewBox) -> Result<(), JsValue>| {
        if let Some(vb) = ui.current() {
            if let Err(e) = what(vb) {
                leptos::logging::error!("export failed: {e:?}");
            }
        }
    };
    view! {
        <span class="export">
            "Export: "
            <button id="export-svg" on:click=move |_| run(export_svg)>"SVG"</button>
            <button id="export-png" on:click=move |_| run(export_png)>"PNG"</button>
            <a id="export-json" href=json_href download="topology.json">"JSON"</a>
        </span>
    }
}
