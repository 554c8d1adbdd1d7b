//! What a form posted without JavaScript answered. Before the WASM bundle has loaded (or with
//! JavaScript off) an `<ActionForm>` posts as a plain HTML form; when its server function
//! refuses, the server sends the browser back to the page with the error in the URL
//! (`__path`, `__err`, Leptos's encoding) and this notice shows it, naming what was wrong.

use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::error::ServerFnUrlError;
use leptos_router::hooks::use_query_map;

/// The sentence for the `__err` value of a URL. A value that does not decode (an edited
/// link) says so instead of failing the page.
pub fn refusal_in_url(encoded: &str) -> String {
    format!(
        "The form was refused: {}",
        ServerFnUrlError::<AppError>::decode_err(encoded)
    )
}

#[component]
pub fn FormNotice() -> impl IntoView {
    let query = use_query_map();
    move || {
        query.read().get("__err").map(|encoded| {
            view! { <p class="error form-notice" id="form-error" role="alert">{refusal_in_url(&encoded)}</p> }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_a_redirect_carries_reads_as_its_message() {
        let refused = AppError::InvalidInput("hot interval: at least 10 s".into());
        let url = ServerFnUrlError::new("/api/sync/save", refused)
            .to_url("http://127.0.0.1:3000/admin/sync?tab=1")
            .unwrap();
        let (_, encoded) = url.query_pairs().find(|(k, _)| k == "__err").unwrap();
        assert_eq!(
            refusal_in_url(&encoded),
            "The form was refused: invalid input: hot interval: at least 10 s"
        );
    }

    #[test]
    fn an_edited_link_says_so() {
        let text = refusal_in_url("not base64 at all!");
        assert!(
            text.starts_with("The form was refused: request failed:"),
            "{text}"
        );
    }
}
