//! The site's files go out precompressed: `scripts/serve.sh` builds with `--precompress`, which
//! writes a gzip and a brotli copy beside each file, and the server picks the one the browser
//! accepts. The release WASM is 2.2 MB raw and about a third of that compressed.

use crate::helpers::{fresh_database, scratch_dir, spawn_app_with, test_settings};
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE};

#[tokio::test]
async fn a_file_goes_out_in_the_encoding_the_browser_accepts() {
    let site = scratch_dir("precompressed-site");
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    // Three different bodies, so the test sees which copy was sent.
    std::fs::write(pkg.join("bundle.wasm"), b"raw wasm").unwrap();
    std::fs::write(pkg.join("bundle.wasm.gz"), b"gzip copy").unwrap();
    std::fs::write(pkg.join("bundle.wasm.br"), b"brotli copy").unwrap();
    let mut settings = test_settings();
    settings.site_root = site;
    let app = spawn_app_with(fresh_database().await, settings).await;

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
