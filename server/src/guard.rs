//! Request safety at the edge: state-changing requests only from our own pages (a browser
//! always says where a request comes from: `Sec-Fetch-Site`, else `Origin`), and headers that
//! keep the pages out of frames and stop content sniffing.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses a cross-site request that could change state (CSRF). Requests without either
/// header are not from a browser page (scripts, curl, server-side calls) and pass.
pub async fn same_origin(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe {
        if let Err(why) = check(req.headers()) {
            return (StatusCode::FORBIDDEN, format!("refused: {why}")).into_response();
        }
    }
    next.run(req).await
}

fn check(headers: &HeaderMap) -> Result<(), String> {
    let text = |name: &HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text(&HeaderName::from_static("sec-fetch-site")) {
        return match site {
            "same-origin" | "none" => Ok(()),
            other => Err(format!("a {other} request may not change anything here")),
        };
    }
    match (text(&header::ORIGIN), text(&header::HOST)) {
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(origin);
            if origin_host.eq_ignore_ascii_case(host) {
                Ok(())
            } else {
                Err(format!(
                    "requests from {origin} may not change anything here"
                ))
            }
        }
        (Some(origin), None) => Err(format!("request from {origin} without a Host header")),
        (None, _) => Ok(()),
    }
}

/// Headers every response carries.
pub fn security_headers() -> [(HeaderName, HeaderValue); 4] {
    [
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::CONTENT_SECURITY_POLICY,
            // Pages replace this with their own policy carrying the render's script nonce
            // (`app::csp`); everything else (JSON, CSV, event streams, files) runs no script.
            HeaderValue::from_static(
                "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; \
                 frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::check;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(check(&headers(&[("sec-fetch-site", "same-origin")])).is_ok());
        assert!(check(&headers(&[("sec-fetch-site", "cross-site")])).is_err());
        assert!(check(&headers(&[("sec-fetch-site", "same-site")])).is_err());
    }

    #[test]
    fn origin_must_match_host_otherwise() {
        assert!(check(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ]))
        .is_ok());
        let err = check(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ]))
        .unwrap_err();
        assert!(err.contains("evil.example"), "{err}");
        assert!(
            check(&headers(&[("host", "127.0.0.1:3000")])).is_ok(),
            "no browser, no check"
        );
    }
}
