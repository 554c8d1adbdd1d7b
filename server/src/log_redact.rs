//! Request URIs as they may appear in logs: wall links carry their token in the path
//! (`/wall/gww_…`) and the first-admin link in the query (`/setup?token=gws_…`). A log line
//! must never be enough to open a wall or claim the installation, so the request span shows
//! these as `…` while keeping the rest of the URI for debugging.

use axum::http::Request;

/// Token prefixes of gatewatch's bearer secrets: wall, setup and API tokens.
const TOKEN_PREFIXES: &[&str] = &["gww_", "gws_", "gwa_"];

fn is_token(s: &str) -> bool {
    TOKEN_PREFIXES.iter().any(|p| s.starts_with(p))
}

/// `uri` with every token-looking path segment and every `token=` query value replaced.
pub fn redacted_uri(uri: &str) -> String {
    let (path, query) = match uri.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (uri, None),
    };
    let path: Vec<&str> = path
        .split('/')
        .map(|seg| if is_token(seg) { "…" } else { seg })
        .collect();
    let mut out = path.join("/");
    if let Some(q) = query {
        let pairs: Vec<String> = q
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((k, v)) if k.eq_ignore_ascii_case("token") || is_token(v) => {
                    format!("{k}=…")
                }
                _ => pair.to_string(),
            })
            .collect();
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

/// The span every request's log lines sit in (what `TraceLayer`'s default shows, with the URI
/// redacted).
pub fn request_span<B>(req: &Request<B>) -> tracing::Span {
    tracing::debug_span!(
        "request",
        method = %req.method(),
        uri = %redacted_uri(&req.uri().to_string()),
        version = ?req.version(),
    )
}

#[cfg(test)]
mod tests {
    use super::redacted_uri;

    #[test]
    fn wall_and_setup_tokens_are_hidden() {
        assert_eq!(redacted_uri("/wall/gww_abc/events"), "/wall/…/events");
        assert_eq!(
            redacted_uri("/setup?token=gws_x&next=/"),
            "/setup?token=…&next=/"
        );
        assert_eq!(redacted_uri("/x?t=gwa_secret"), "/x?t=…");
    }

    #[test]
    fn other_uris_are_kept() {
        for uri in [
            "/",
            "/connections?q=frankfurt&page=2",
            "/wall",
            "/connections/vco-1",
        ] {
            assert_eq!(redacted_uri(uri), uri);
        }
    }
}
