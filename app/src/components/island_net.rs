//! How the islands call the server, without Leptos's server-function client (which alone
//! costs about 120 KB of WASM, issue 7): post a form, or fields, to a server function and read
//! its JSON answer. Refreshing what the page shows afterwards is [`super::live_swap`].

use leptos::prelude::*;

#[cfg(not(feature = "ssr"))]
pub use browser::{post_fields, post_form, post_form_text};

#[cfg(not(feature = "ssr"))]
mod browser {
    use crate::components::form_answer::decode;
    use crate::error::AppError;
    use leptos::prelude::*;
    use serde::de::DeserializeOwned;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{FormData, HtmlFormElement, RequestInit, Response, UrlSearchParams};

    fn failed(what: impl std::fmt::Debug) -> AppError {
        AppError::Request(format!("{what:?}"))
    }

    /// Posts the fields of `form` (URL-encoded, as the server functions read them) to the
    /// form's `action` and decodes the JSON answer; a refusal decodes as the [`AppError`] the
    /// server sent, which names what was wrong.
    pub async fn post_form<T: DeserializeOwned>(form: &HtmlFormElement) -> Result<T, AppError> {
        decode(&post_form_text(form).await?)
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
        decode(&post_body(url, &body).await?)
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
            Err(decode(&text)
                .unwrap_or_else(|_| AppError::Request(format!("HTTP {}", response.status()))))
        }
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
                    crate::components::live_swap::refresh().await;
                }
                this.pending.try_set(false);
                this.value.try_set(Some(answer));
            });
        }
        #[cfg(feature = "ssr")]
        let _ = (fields, self.url, refresh);
    }
}
