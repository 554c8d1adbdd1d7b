//! The Content-Security-Policy of every page: scripts only with this response's nonce (the
//! hydration script carries it; what it imports is trusted through 'strict-dynamic'), WASM
//! compilation allowed, everything else from this origin only, no framing, no plugins.

use leptos::prelude::*;

/// The policy for a page rendered with `nonce`.
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// Puts the policy with this render's nonce on the response (the layer in `server::guard`
/// adds a stricter nonce-less one to every response that is not a page).
pub fn apply() {
    let (Some(nonce), Some(options)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = axum::http::HeaderValue::from_str(&policy(&nonce)) {
        options.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn scripts_need_the_nonce_and_nothing_may_frame_the_page() {
        let p = policy("abc123");
        assert!(p.contains("script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval';"));
        assert!(!p.contains("'unsafe-eval'") || p.contains("'wasm-unsafe-eval'"));
        assert!(!p
            .split(';')
            .any(|d| d.trim_start().starts_with("script-src") && d.contains("'unsafe-inline'")));
        assert!(p.contains("frame-ancestors 'none'") && p.contains("object-src 'none'"));
    }
}
