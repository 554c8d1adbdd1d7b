//! The Alerts admin page's server functions over HTTP: add (URL write-only), list, send test
//! (a 200 and a 500 from a real receiver, and nobody listening), enable / disable, remove,
//! bad input named, audit entries; the URL's token appears in no answer, log row or audit row.

use crate::alerts::Receiver;
use crate::helpers::{fresh_database, settings_without_guests, signed_in, spawn_app_with_services};
use serde_json::Value;
use std::sync::atomic::Ordering;
use std::sync::Arc;

const TOKEN: &str = "T0SECRET/B0SECRET/xoxTOKEN123";

async fn json(resp: reqwest::Response) -> (u16, String, Value) {
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    let v = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, text, v)
}

#[tokio::test(flavor = "multi_thread")]
async fn webhooks_are_added_tested_and_removed_without_showing_their_url() {
    // Arrange: a server with the alerts handle, an admin, a receiver.
    let pool = fresh_database().await;
    let keys = Arc::new(
        store::crypto::KeyRing::from_base64("MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=")
            .unwrap(),
    );
    let handle = alerts::Alerts::new(pool.clone(), keys, alerts::Settings::default());
    let services = app::state::Services {
        alerts: Some(handle),
        ..Default::default()
    };
    let app = spawn_app_with_services(pool.clone(), settings_without_guests(), services).await;
    let admin = signed_in(&app, "root", auth::Role::Admin).await;
    let rx = Receiver::start().await;
    let url = format!("{}/services/{TOKEN}", rx.base);
    let call = |endpoint: &'static str, form: Vec<(&'static str, String)>| {
        let req = admin.post(app.url(&format!("/api/{endpoint}"))).form(&form);
        async move { json(req.send().await.unwrap()).await }
    };
    let mut answers = String::new();

    // Act + Assert: bad input is refused, naming the field, without echoing the URL.
    let (st, text, _) = call(
        "admin/alerts/create",
        vec![
            ("name", "x".into()),
            ("kind", "teams".into()),
            ("url", url.clone()),
        ],
    )
    .await;
    assert_eq!(st, 400, "{text}");
    assert!(text.contains("kind"), "{text}");
    let (st, text, _) = call(
        "admin/alerts/create",
        vec![
            ("name", "x".into()),
            ("kind", "slack".into()),
            ("url", format!("ftp://h/{TOKEN}")),
        ],
    )
    .await;
    assert_eq!(st, 400, "{text}");
    assert!(text.contains("url") && !text.contains(TOKEN), "{text}");
    answers.push_str(&text);

    // Add: the answer shows the host only.
    let (st, text, hook) = call(
        "admin/alerts/create",
        vec![
            ("name", "on-call".into()),
            ("kind", "slack".into()),
            ("url", url.clone()),
        ],
    )
    .await;
    assert_eq!(st, 200, "{text}");
    answers.push_str(&text);
    let host = rx.base.trim_start_matches("http://");
    assert_eq!(hook["shown_url"], format!("{host}/…"));
    let id = hook["id"].as_str().unwrap().to_owned();

    // Send test: the receiver gets a Slack-shaped test, the page is told "HTTP 200".
    let (st, text, ok) = call("admin/alerts/test", vec![("id", id.clone())]).await;
    assert_eq!(st, 200, "{text}");
    answers.push_str(&text);
    assert_eq!(ok["ok"], true, "{ok}");
    assert_eq!(ok["http_status"], 200);
    let got = rx.bodies(&format!("/services/{TOKEN}"));
    assert_eq!(got.len(), 1);
    assert!(
        got[0]["text"].as_str().unwrap().starts_with("TEST: "),
        "{}",
        got[0]
    );

    // A receiver answering 500 is reported plainly.
    rx.status.store(500, Ordering::SeqCst);
    let (_, text, failed) = call("admin/alerts/test", vec![("id", id.clone())]).await;
    answers.push_str(&text);
    assert_eq!(failed["ok"], false, "{failed}");
    assert_eq!(failed["http_status"], 500);
    let msg = failed["message"].as_str().unwrap();
    assert!(msg.contains("HTTP 500"), "{msg}");

    // Nobody listening: "could not connect", no URL.
    let (_, text, dead) = call(
        "admin/alerts/create",
        vec![
            ("name", "gone".into()),
            ("kind", "generic".into()),
            ("url", format!("http://127.0.0.1:9/{TOKEN}")),
        ],
    )
    .await;
    answers.push_str(&text);
    let dead_id = dead["id"].as_str().unwrap().to_owned();
    let (_, text, refused) = call("admin/alerts/test", vec![("id", dead_id)]).await;
    answers.push_str(&text);
    assert_eq!(refused["ok"], false);
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("could not connect"),
        "{refused}"
    );

    // Disable, list with the delivery log, remove.
    let (_, text, off) = call(
        "admin/alerts/enable",
        vec![("id", id.clone()), ("enabled", "false".into())],
    )
    .await;
    answers.push_str(&text);
    assert_eq!(off["enabled"], false, "{text}");
    let (st, text, list) = call("admin/alerts", vec![]).await;
    assert_eq!(st, 200, "{text}");
    answers.push_str(&text);
    assert_eq!(list["webhooks"].as_array().unwrap().len(), 2);
    let statuses: Vec<&str> = list["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, vec!["failed", "failed", "sent"], "{list}");
    let (st, text, _) = call("admin/alerts/remove", vec![("id", id.clone())]).await;
    assert_eq!(st, 200, "{text}");
    let (st, text, _) = call("admin/alerts/remove", vec![("id", id.clone())]).await;
    assert_eq!(st, 404, "{text}");

    // The token is in no answer, no delivery row, no audit row; the URL is sealed at rest.
    assert!(
        !answers.contains(TOKEN) && !answers.contains("/services/"),
        "{answers}"
    );
    let stored: Vec<String> = sqlx::query_scalar(
        "SELECT concat_ws(' ', url_host, encode(url_ciphertext, 'escape')) FROM alert_webhook \
         UNION ALL SELECT concat_ws(' ', alert::text, last_error) FROM alert_delivery \
         UNION ALL SELECT concat_ws(' ', target, detail::text) FROM audit_log",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(
        stored.iter().all(|s| !s.contains("xoxTOKEN123")),
        "{stored:?}"
    );
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'alert_webhook_%' ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        actions,
        [
            "alert_webhook_created",
            "alert_webhook_tested",
            "alert_webhook_tested",
            "alert_webhook_created",
            "alert_webhook_tested",
            "alert_webhook_disabled",
            "alert_webhook_removed"
        ]
    );
    app.stop().await;
}
