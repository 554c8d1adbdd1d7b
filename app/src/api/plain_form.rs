//! Server functions reached by a plain HTML form: sign-in, setup and sign-out always, every
//! other form before its island has loaded or with JavaScript off; the browser follows the
//! answer.
//! Leptos sends it back to the form's page; a few forms lead somewhere else on success (sign
//! in → the page asked for, sign out → the sign-in page).

/// Only same-site paths: `?next=https://evil.example` or `//evil.example` must not redirect.
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
        .unwrap_or_else(|| "/".into())
}

/// Whether a request to a server function came from a plain form (the browser asks for a page)
/// rather than from an island (which asks for the function's JSON).
#[cfg(feature = "ssr")]
pub fn is_plain_form(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// Sends a browser that posted a plain form to `to` once the server function has done its
/// work. A call from an island is left alone: it shows the answer in place.
#[cfg(feature = "ssr")]
pub fn send_plain_form_to(to: &str) {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>();
    if parts.is_some_and(|parts| is_plain_form(&parts.headers)) {
        leptos_axum::redirect(to);
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(
            safe_next(Some("/connections?state=down".into())),
            "/connections?state=down"
        );
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:x",
        ] {
            assert_eq!(safe_next(Some(bad.into())), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some(String::new())), "/");
    }
}
