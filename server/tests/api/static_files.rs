//! The site's files (the WASM bundle, its JS, the CSS): precompressed copies, and caching
//! that cannot outlive an upgrade.

use crate::helpers::{fresh_database, scratch_dir, spawn_app_with, test_settings, TestApp};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, IF_MODIFIED_SINCE,
    LAST_MODIFIED,
};

/// A server whose site holds `pkg/bundle.wasm` and a gzip and a brotli copy of it, each with
/// its own body, so a test sees which one was sent.
async fn app_with_a_site(name: &str) -> TestApp {
    let site = scratch_dir(name);
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("bundle.wasm"), b"raw wasm").unwrap();
    std::fs::write(pkg.join("bundle.wasm.gz"), b"gzip copy").unwrap();
    std::fs::write(pkg.join("bundle.wasm.br"), b"brotli copy").unwrap();
    let mut settings = test_settings();
    settings.site_root = site;
    spawn_app_with(fresh_database().await, settings).await
}

/// `scripts/serve.sh` builds with `--precompress` (a gzip and a brotli copy beside each file)
/// and the server picks the copy the browser accepts: the release WASM is 2.2 MB raw, 540 KB
/// as brotli.
#[tokio::test]
async fn a_file_goes_out_in_the_encoding_the_browser_accepts() {
    let app = app_with_a_site("precompressed-site").await;

    for (accepts, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), "brotli copy"),
        (Some("gzip"), Some("gzip"), "gzip copy"),
        (None, None, "raw wasm"),
    ] {
        let mut request = app.client.get(app.url("/pkg/bundle.wasm"));
        if let Some(accepts) = accepts {
            request = request.header(ACCEPT_ENCODING, accepts);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 200, "{accepts:?}");
        let header = |name| {
            response
                .headers()
                .get(name)
                .map(|v: &reqwest::header::HeaderValue| v.to_str().unwrap().to_string())
        };
        assert_eq!(header(CONTENT_ENCODING).as_deref(), encoding, "{accepts:?}");
        // The type stays the file's own: browsers compile WASM as it streams in only when it
        // is served as application/wasm.
        assert_eq!(header(CONTENT_TYPE).as_deref(), Some("application/wasm"));
        assert_eq!(response.text().await.unwrap(), body, "{accepts:?}");
    }
    app.stop().await;
}

/// The files' names carry no hash: a browser must ask again on every load (and gets a 304
/// while nothing changed), or after an upgrade it would hydrate new pages with an old bundle.
#[tokio::test]
async fn files_are_revalidated_on_every_load() {
    let app = app_with_a_site("revalidated-site").await;
    let first = app
        .client
        .get(app.url("/pkg/bundle.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()[CACHE_CONTROL], "no-cache");
    let modified = first.headers()[LAST_MODIFIED].clone();
    let again = app
        .client
        .get(app.url("/pkg/bundle.wasm"))
        .header(IF_MODIFIED_SINCE, modified)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert!(again.bytes().await.unwrap().is_empty());
    app.stop().await;
}
