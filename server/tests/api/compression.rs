//! Pages and answers are compressed for browsers that accept it; live event streams are not
//! (a compressor would hold events back until its block fills).

use crate::helpers::spawn_app;
use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING};
use std::io::Read;

#[tokio::test]
async fn pages_are_gzipped_for_a_browser_and_plain_for_other_clients() {
    let app = spawn_app().await;
    let gzipped = app
        .client
        .get(app.url("/connections"))
        .header(ACCEPT_ENCODING, "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gzipped.status(), 200);
    assert_eq!(gzipped.headers()[CONTENT_ENCODING], "gzip");
    let compressed = gzipped.bytes().await.unwrap();
    let mut html = String::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_string(&mut html)
        .expect("a valid gzip stream");
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..60.min(html.len())]
    );
    assert!(html.contains("Connections"));

    let plain = app
        .client
        .get(app.url("/connections"))
        .send()
        .await
        .unwrap();
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    let plain = plain.text().await.unwrap();
    assert!(
        compressed.len() < plain.len(),
        "{} vs {}",
        compressed.len(),
        plain.len()
    );
    app.stop().await;
}

#[tokio::test]
async fn the_live_event_stream_is_never_compressed() {
    let app = spawn_app().await;
    let events = app
        .client
        .get(app.url("/events"))
        .header(ACCEPT_ENCODING, "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(events.status(), 200);
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    assert!(events.headers().get(CONTENT_ENCODING).is_none());
    drop(events);
    app.stop().await;
}
