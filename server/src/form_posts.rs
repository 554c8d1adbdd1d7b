//! Forms posted by the browser itself: before the WASM bundle has loaded, or with JavaScript
//! off, an `<ActionForm>` is a plain HTML form that posts to its server function.
//!
//! Leptos answers such a post with a redirect back to the page (the `Referer`), and when the
//! function failed it puts the error into that URL (`__path`, `__err`), where the console's
//! form notice shows it. But the failed answer keeps the error's status (400, 403, 500…):
//! browsers follow `Location` only on a 3xx, so the person saw the raw JSON error as the page.
//! This layer makes every such answer a 303 See Other: the browser loads the page again with
//! GET, now naming what was wrong.

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub async fn see_other_after_form_post(req: Request, next: Next) -> Response {
    let plain_form_post = req.method() == Method::POST
        && req.uri().path().starts_with("/api/")
        && app::api::plain_form::is_plain_form(req.headers());
    let mut response = next.run(req).await;
    if plain_form_post
        && response.headers().contains_key(header::LOCATION)
        && !response.status().is_redirection()
    {
        *response.status_mut() = StatusCode::SEE_OTHER;
    }
    response
}
