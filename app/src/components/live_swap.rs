//! Live regions: the page's URL fetched again and the server's fresh HTML swapped in, without
//! a reload. Elements marked `data-live-region` are matched by `id`. An island the server
//! renders the same (component, props, server-rendered children) keeps its element, so what
//! the person was doing in it survives (an open question, a shown answer, typed text); new or
//! changed islands are hydrated through Leptos's island script. What was typed or chosen in
//! the fields of a region, and the focus, carry over ([`super::live_edits`]).

#[cfg(not(feature = "ssr"))]
pub use browser::refresh;

/// Asks for a refresh of the live regions (after an action changed what the page shows).
pub fn refresh_soon() {
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(refresh());
}

#[cfg(not(feature = "ssr"))]
mod browser {
    use crate::components::live_edits::Edits;
    use leptos::prelude::*;
    use std::collections::HashMap;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DomParser, Element, Response, SupportedType};

    /// [`refresh_live_regions`], a failure logged (the page stays as it was; the next change
    /// tries again).
    pub async fn refresh() {
        if let Err(e) = refresh_live_regions().await {
            leptos::logging::warn!("refreshing the page failed: {e:?}");
        }
    }

    /// Fetches the page's URL again and swaps in the new content of every live region.
    async fn refresh_live_regions() -> Result<(), JsValue> {
        let href = window().location().href()?;
        let response: Response = JsFuture::from(window().fetch_with_str(&href))
            .await?
            .dyn_into()?;
        // A page that now refuses (a revoked wall token: 403) still renders what to say.
        let html_page = response
            .headers()
            .get("content-type")?
            .is_some_and(|t| t.starts_with("text/html"));
        if !html_page {
            return Err(JsValue::from_str(&format!(
                "{href}: HTTP {}",
                response.status()
            )));
        }
        let html = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        let fresh = DomParser::new()?.parse_from_string(&html, SupportedType::TextHtml)?;
        let regions = fresh.query_selector_all("[data-live-region]")?;
        for i in 0..regions.length() {
            let Some(new) = regions.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(old) = document().get_element_by_id(&new.id()) {
                let edits = Edits::take(&old);
                swap(&old, &new)?;
                edits.restore();
            }
        }
        Ok(())
    }

    /// An island is kept when the server renders it the same: the same component, props and
    /// server-rendered children (what the person typed into them is not part of their HTML).
    fn island_key(island: &Element) -> (String, String, String) {
        let children = island
            .query_selector("leptos-children")
            .ok()
            .flatten()
            .map(|c| c.inner_html())
            .unwrap_or_default();
        (
            island.get_attribute("data-component").unwrap_or_default(),
            island.get_attribute("data-props").unwrap_or_default(),
            children,
        )
    }

    fn islands_in(root: &Element) -> Result<Vec<Element>, JsValue> {
        let list = root.query_selector_all("leptos-island")?;
        Ok((0..list.length())
            .filter_map(|i| list.get(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .collect())
    }

    fn swap(old: &Element, new: &Element) -> Result<(), JsValue> {
        let mut kept: HashMap<(String, String, String), Vec<Element>> = HashMap::new();
        for island in islands_in(old)? {
            kept.entry(island_key(&island)).or_default().push(island);
        }
        let fragment = document().create_element("div")?;
        fragment.set_inner_html(&new.inner_html());
        let mut to_hydrate = Vec::new();
        for island in islands_in(&fragment)? {
            // An island inside one already placed moves with its parent.
            if !fragment.contains(Some(&island)) {
                continue;
            }
            match kept
                .get_mut(&island_key(&island))
                .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
            {
                Some(previous) => island.replace_with_with_node_1(&previous)?,
                None => to_hydrate.push(island),
            }
        }
        old.set_inner_html("");
        while let Some(child) = fragment.first_child() {
            old.append_child(&child)?;
        }
        let hydrate = js_sys::Reflect::get(&window(), &JsValue::from_str("__hydrateIsland"))?;
        if let Some(hydrate) = hydrate.dyn_ref::<js_sys::Function>() {
            for island in to_hydrate {
                let name = island.get_attribute("data-component").unwrap_or_default();
                hydrate.call2(&JsValue::NULL, &island, &JsValue::from_str(&name))?;
            }
        }
        Ok(())
    }
}
