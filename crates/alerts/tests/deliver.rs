//! Delivery on real PostgreSQL and a real loopback receiver: a 5xx is retried with backoff
//! and given up after `max_attempts`; a hung receiver times out and is retried; a 4xx fails at
//! once; a 2xx is sent once. No URL reaches the delivery log or the log lines.

use alerts::payload::Format;
use alerts::webhooks::{create, NewWebhook};
use alerts::{Alert, Alerts, Settings};
use chrono::{Duration, Utc};
use std::sync::atomic::{AtomicU16, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

const TOKEN: &str = "hook-token-s3cr3t";

/// Answers `status` (a 599 means: never answer), counting requests.
async fn receiver(status: Arc<AtomicU16>, hits: Arc<AtomicUsize>) -> String {
    let app = axum::Router::new().fallback(move || {
        let (status, hits) = (status.clone(), hits.clone());
        async move {
            hits.fetch_add(1, Ordering::SeqCst);
            let code = status.load(Ordering::SeqCst);
            if code == 599 {
                tokio::time::sleep(std::time::Duration::from_secs(30)).await;
            }
            (
                axum::http::StatusCode::from_u16(code.min(599)).unwrap(),
                "nope",
            )
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}/services/{TOKEN}")
}

/// A log sink for this test's thread (the runtime is current-thread, so every task logs here).
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);
impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

async fn queue(pool: &sqlx::PgPool, at: chrono::DateTime<Utc>) {
    sqlx::query(
        "INSERT INTO alert_delivery (webhook_id, event, alert, status, next_attempt_at, created_at) \
         SELECT id, 'test', $1, 'pending', $2, $2 FROM alert_webhook",
    )
    .bind(sqlx::types::Json(Alert::test(at)))
    .bind(at)
    .execute(pool)
    .await
    .unwrap();
}

async fn row(pool: &sqlx::PgPool) -> (String, i32, Option<i32>, Option<String>) {
    sqlx::query_as("SELECT status, attempts, http_status, last_error FROM alert_delivery")
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn failures_are_retried_with_backoff_then_given_up_and_never_logged_with_their_url() {
    // Arrange
    let sink = Sink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(move || writer.clone())
        .finish();
    let _log = tracing::subscriber::set_default(subscriber);
    let pool = pgembed::testing::fresh_database(&store::MIGRATOR).await;
    let keys = Arc::new(
        store::crypto::KeyRing::from_base64("MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=")
            .unwrap(),
    );
    let (status, hits) = (Arc::new(AtomicU16::new(500)), Arc::new(AtomicUsize::new(0)));
    let url = receiver(status.clone(), hits.clone()).await;
    let new = NewWebhook {
        name: "r",
        format: Format::Generic,
        url: url.clone().into(),
        clouds: vec![],
        kinds: vec![],
        created_by: "t",
    };
    create(&pool, &keys, new).await.unwrap();
    let settings = Settings {
        max_attempts: 3,
        timeout: std::time::Duration::from_millis(500),
        ..Settings::default()
    };
    let alerts = Alerts::new(pool.clone(), keys, settings);
    let t0 = Utc::now();
    queue(&pool, t0).await;

    // Act + Assert: a 500 is retried after 30 s, not before.
    alerts.tick(t0).await.unwrap();
    assert_eq!(row(&pool).await.0, "pending");
    alerts.tick(t0 + Duration::seconds(10)).await.unwrap();
    assert_eq!(
        hits.load(Ordering::SeqCst),
        1,
        "no retry inside the backoff"
    );
    // A hung receiver times out and counts as an attempt, retried after 60 s.
    status.store(599, Ordering::SeqCst);
    alerts.tick(t0 + Duration::seconds(31)).await.unwrap();
    let (st, attempts, code, err) = row(&pool).await;
    assert_eq!((st.as_str(), attempts, code), ("pending", 2, None));
    assert!(err.as_deref().unwrap().starts_with("timed out"), "{err:?}");
    // The third 500 is the last try.
    status.store(500, Ordering::SeqCst);
    alerts.tick(t0 + Duration::seconds(92)).await.unwrap();
    let (st, attempts, code, err) = row(&pool).await;
    assert_eq!((st.as_str(), attempts, code), ("failed", 3, Some(500)));
    assert_eq!(err.as_deref(), Some("the receiver answered HTTP 500: nope"));
    alerts.tick(t0 + Duration::seconds(3600)).await.unwrap();
    assert_eq!(hits.load(Ordering::SeqCst), 3, "bounded");

    // A 4xx is not retried; a 2xx is sent once.
    sqlx::query("DELETE FROM alert_delivery")
        .execute(&pool)
        .await
        .unwrap();
    status.store(404, Ordering::SeqCst);
    queue(&pool, t0).await;
    alerts.tick(t0).await.unwrap();
    assert_eq!(row(&pool).await.0, "failed");
    sqlx::query("DELETE FROM alert_delivery")
        .execute(&pool)
        .await
        .unwrap();
    status.store(204, Ordering::SeqCst);
    queue(&pool, t0).await;
    alerts.tick(t0).await.unwrap();
    alerts.tick(t0 + Duration::seconds(600)).await.unwrap();
    let sent: (String, i32, Option<i32>, Option<String>) =
        sqlx::query_as("SELECT status, attempts, http_status, last_error FROM alert_delivery")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(sent, ("sent".into(), 1, Some(204), None));
    assert_eq!(hits.load(Ordering::SeqCst), 5);

    // Disabling a webhook drops what is still queued for it.
    queue(&pool, t0 + Duration::seconds(700)).await;
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM alert_webhook")
        .fetch_one(&pool)
        .await
        .unwrap();
    alerts::webhooks::set_enabled(&pool, id, false)
        .await
        .unwrap();
    alerts.tick(t0 + Duration::seconds(800)).await.unwrap();
    assert_eq!(
        hits.load(Ordering::SeqCst),
        5,
        "nothing sent to a disabled webhook"
    );
    let dropped: Vec<String> = sqlx::query_scalar(
        "SELECT last_error FROM alert_delivery WHERE status = 'failed' AND attempts = 0",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(dropped, ["not sent: the webhook was disabled"]);

    // Nothing logged or stored carries the URL's token.
    let logged = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
    assert!(logged.contains("alert webhook delivery failed"), "{logged}");
    assert!(!logged.contains(TOKEN), "{logged}");
    let stored: Vec<String> = sqlx::query_scalar(
        "SELECT concat_ws(' ', alert::text, last_error) FROM alert_delivery \
         UNION ALL SELECT url_host FROM alert_webhook",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(stored.iter().all(|s| !s.contains(TOKEN)), "{stored:?}");
}
