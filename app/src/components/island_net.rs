//! What the islands do over the network, without Leptos's server-function client (which alone
//! costs about 120 KB of WASM, issue 7): post a form to a server function and read its JSON
//! answer, and fetch the page again to swap in the server's fresh HTML of the live regions.

use leptos::prelude::*;

#[cfg(not(feature = "ssr"))]
pub use browser::{post_fields, post_form, post_form_text, refresh_live_regions};

#[cfg(not(feature = "ssr"))]
mod browser {
    use crate::error::AppError;
    use leptos::prelude::*;
    use serde::de::DeserializeOwned;
    use std::collections::HashMap;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        DomParser, Element, FormData, HtmlFormElement, RequestInit, Response, SupportedType,
        UrlSearchParams,
    };

    fn failed(what: impl std::fmt::Debug) -> AppError {
        AppError::Request(format!("{what:?}"))
    }

    /// Posts the fields of `form` (URL-encoded, as the server functions read them) to the
    /// form's `action` and decodes the JSON answer; a refusal decodes as the [`AppError`] the
    /// server sent, which names what was wrong.
    pub async fn post_form<T: DeserializeOwned>(form: &HtmlFormElement) -> Result<T, AppError> {
        let text = post_form_text(form).await?;
        serde_json::from_slice(text.as_bytes()).map_err(|e| AppError::Request(e.to_string()))
    }

    /// As [`post_form`], the answer left as JSON text.
    pub async fn post_form_text(form: &HtmlFormElement) -> Result<String, AppError> {
        let data = FormData::new_with_form(form).map_err(failed)?;
        let body = UrlSearchParams::new_with_str_sequence_sequence(&data).map_err(failed)?;
        post_body(&form.action(), &body).await
    }

    /// Posts `fields` (URL-encoded) to the server function at `url`; the JSON answer decoded.
    pub async fn post_fields<T: DeserializeOwned>(
        url: &str,
        fields: &[(&str, String)],
    ) -> Result<T, AppError> {
        let body = UrlSearchParams::new().map_err(failed)?;
        for (k, v) in fields {
            body.append(k, v);
        }
        let text = post_body(url, &body).await?;
        serde_json::from_slice(text.as_bytes()).map_err(|e| AppError::Request(e.to_string()))
    }

    async fn post_body(url: &str, body: &UrlSearchParams) -> Result<String, AppError> {
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(body);
        let headers = web_sys::Headers::new().map_err(failed)?;
        headers.set("Accept", "application/json").map_err(failed)?;
        init.set_headers(&headers);
        let response: Response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
            .await
            .map_err(|_| AppError::Request("the server could not be reached".into()))?
            .dyn_into()
            .map_err(failed)?;
        let text = JsFuture::from(response.text().map_err(failed)?)
            .await
            .map_err(failed)?
            .as_string()
            .unwrap_or_default();
        if response.ok() {
            Ok(text)
        } else {
            Err(serde_json::from_slice(text.as_bytes())
                .unwrap_or_else(|_| AppError::Request(format!("HTTP {}", response.status()))))
        }
    }

    /// Fetches the page's URL again and swaps in the new content of every element marked
    /// `data-live-region` (matched by `id`). An island whose props did not change keeps its
    /// element, so whatever the person was doing in it (an open question, a shown result)
    /// survives; new or changed islands are hydrated.
    pub async fn refresh_live_regions() -> Result<(), JsValue> {
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
                swap(&old, &new)?;
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

/// The submit handler of a form that a server function answers in place: it posts the form
/// with [`post_form`] and hands the decoded answer to `answer` (after `pending`, called as
/// the request leaves). Without JavaScript, or before the island hydrated, the same form
/// posts as a plain HTML form and the server answers with a redirect back.
pub fn answer_in_place<T>(
    pending: impl Fn() + Clone + 'static,
    answer: impl Fn(Result<T, crate::error::AppError>) + Clone + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + Clone + 'static
where
    T: serde::de::DeserializeOwned + 'static,
{
    move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        #[cfg(not(feature = "ssr"))]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            pending();
            let answer = answer.clone();
            leptos::task::spawn_local(async move { answer(post_form::<T>(&form).await) });
        }
        #[cfg(feature = "ssr")]
        let _ = (&pending, &answer);
    }
}

/// Asks for a refresh of the live regions (after an action changed what the page shows).
pub fn refresh_soon() {
    #[cfg(not(feature = "ssr"))]
    leptos::task::spawn_local(async {
        if let Err(e) = refresh_live_regions().await {
            leptos::logging::warn!("refresh failed: {e:?}");
        }
    });
}

/// A server function called from an island, as Leptos's `ServerAction` but over
/// [`post_fields`]: its latest answer and whether a call is under way.
pub struct FetchAction<T: Send + Sync + 'static> {
    url: &'static str,
    value: RwSignal<Option<Result<T, crate::error::AppError>>>,
    pending: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for FetchAction<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for FetchAction<T> {}

impl<T> FetchAction<T>
where
    T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
{
    /// An action posting to the server function `S`.
    pub fn new<S: leptos::server_fn::ServerFn>() -> Self {
        FetchAction {
            url: S::url(),
            value: RwSignal::new(None),
            pending: RwSignal::new(false),
        }
    }

    pub fn value(&self) -> RwSignal<Option<Result<T, crate::error::AppError>>> {
        self.value
    }

    pub fn pending(&self) -> RwSignal<bool> {
        self.pending
    }

    /// Posts `fields`; the answer lands in [`Self::value`].
    pub fn dispatch(&self, fields: Vec<(&'static str, String)>) {
        self.post(fields, false);
    }

    /// As [`Self::dispatch`], then, if the server took it, refreshes the page's live regions
    /// (for a change that alters what the server renders).
    pub fn dispatch_and_refresh(&self, fields: Vec<(&'static str, String)>) {
        self.post(fields, true);
    }

    fn post(&self, fields: Vec<(&'static str, String)>, refresh: bool) {
        #[cfg(not(feature = "ssr"))]
        {
            let this = *self;
            this.pending.set(true);
            leptos::task::spawn_local(async move {
                let answer = post_fields::<T>(this.url, &fields).await;
                if refresh && answer.is_ok() {
                    if let Err(e) = refresh_live_regions().await {
                        leptos::logging::warn!("refresh failed: {e:?}");
                    }
                }
                this.pending.try_set(false);
                this.value.try_set(Some(answer));
            });
        }
        #[cfg(feature = "ssr")]
        let _ = (fields, self.url, refresh);
    }
}
