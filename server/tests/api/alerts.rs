//! Alert webhooks end to end on the toy demo estate: the emulator's clock moves (its tunnels
//! flap by themselves as simulated time passes), the sync records the transitions, and the
//! dispatcher posts to a real loopback HTTP receiver. The dispatcher takes its time as an
//! argument, so "60 s later" needs no sleeping.

use crate::helpers::{fresh_database, scratch_dir};
use chrono::{Duration, Utc};
use emulator::{EmulatorConfig, EstateSize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

/// A webhook receiver on 127.0.0.1:0: keeps every (path, body), answers `status`.
#[derive(Clone)]
pub struct Receiver {
    pub base: String,
    pub got: Arc<Mutex<Vec<(String, Value)>>>,
    pub status: Arc<AtomicU16>,
}

impl Receiver {
    pub async fn start() -> Receiver {
        let got: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(200));
        let (g, s) = (got.clone(), status.clone());
        let app = axum::Router::new().fallback(move |uri: axum::http::Uri, body: String| {
            let (g, s) = (g.clone(), s.clone());
            async move {
                let v = serde_json::from_str(&body).unwrap_or(Value::String(body));
                g.lock().unwrap().push((uri.path().to_owned(), v));
                let code = axum::http::StatusCode::from_u16(s.load(Ordering::SeqCst)).unwrap();
                (code, "receiver says hello")
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { base, got, status }
    }

    /// Bodies posted to `path`.
    pub fn bodies(&self, path: &str) -> Vec<Value> {
        let got = self.got.lock().unwrap();
        got.iter()
            .filter(|(p, _)| p == path)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

pub struct Estate {
    pub emu: emulator::EmulatorHandle,
    pub pool: sqlx::PgPool,
    pub keys: Arc<store::crypto::KeyRing>,
    engine: Arc<sync::Engine>,
    http: reqwest::Client,
}

impl Estate {
    /// The toy estate registered and synced once (no transitions yet: nothing had a state).
    pub async fn synced() -> Estate {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let emu = emulator::spawn(
            EmulatorConfig::new(9, EstateSize::toy()).at_fixed_start(),
            listener,
        )
        .await;
        let pool = fresh_database().await;
        let keys = Arc::new(
            store::crypto::KeyRing::load_or_create(&scratch_dir("alert-keys").join("k")).unwrap(),
        );
        server::demo::ensure_accounts(&pool, &keys, &emu)
            .await
            .unwrap();
        let settings = sync::SyncSettings::default();
        let engine = sync::Engine::new(pool.clone(), keys.clone(), "alerts".into(), settings);
        engine.sync_due().await.unwrap();
        let http = reqwest::Client::new();
        Estate {
            emu,
            pool,
            keys,
            engine,
            http,
        }
    }

    /// Moves the emulator's clock one dynamics epoch and syncs everything; returns the tunnel
    /// transitions this recorded: cloud id → its state before them, then each new state in
    /// order (so a first transition that changed only the raw state, `down` → `down`, shows
    /// as no change, as the dispatcher sees it).
    pub async fn step(&self) -> BTreeMap<String, Vec<String>> {
        let before: i64 = sqlx::query_scalar("SELECT COALESCE(max(id), 0) FROM state_transition")
            .fetch_one(&self.pool)
            .await
            .unwrap();
        let moved = self
            .http
            .post(format!("{}/clock/advance", self.emu.admin_url))
            .body(r#"{"seconds": 300}"#)
            .send()
            .await
            .unwrap();
        assert!(
            moved.status().is_success(),
            "clock advance: {}",
            moved.status()
        );
        self.engine.refresh_now(None).await.unwrap();
        self.engine.sync_due().await.unwrap();
        let rows: Vec<(String, Option<String>, String)> = sqlx::query_as(
            "SELECT cloud_id, old_state, new_state FROM state_transition WHERE id > $1 \
             AND kind = 'tunnel' AND facet = 'main' ORDER BY id",
        )
        .bind(before)
        .fetch_all(&self.pool)
        .await
        .unwrap();
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (id, old, state) in rows {
            let states = out.entry(id).or_default();
            if states.is_empty() {
                states.push(old.unwrap_or_else(|| "unknown".into()));
            }
            states.push(state);
        }
        out
    }

    /// A dispatcher as a server runs it (default policy: 60 s debounce, 4 changes = flapping).
    pub fn dispatcher(&self) -> Arc<alerts::Alerts> {
        let settings = alerts::Settings {
            public_url: Some("https://gatewatch.example".into()),
            ..alerts::Settings::default()
        };
        alerts::Alerts::new(self.pool.clone(), self.keys.clone(), settings)
    }

    /// A generic and a Slack webhook (tunnels only) posting to `rx`.
    pub async fn webhooks(&self, rx: &Receiver) {
        for (name, format, path) in [
            ("generic", alerts::payload::Format::Generic, "/generic"),
            ("slack", alerts::payload::Format::Slack, "/slack"),
        ] {
            let new = alerts::webhooks::NewWebhook {
                name,
                format,
                url: format!("{}{path}", rx.base).into(),
                clouds: vec![],
                kinds: vec!["tunnel".into()],
                created_by: "test",
            };
            alerts::webhooks::create(&self.pool, &self.keys, new)
                .await
                .unwrap();
        }
    }
}

/// Generic bodies by resource id: (kind, changes).
fn generic_by_resource(rx: &Receiver) -> BTreeMap<String, Vec<(String, u64)>> {
    let mut out: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for b in rx.bodies("/generic") {
        let id = b["resource"]["id"].as_str().unwrap().to_owned();
        let kind = b["kind"].as_str().unwrap().to_owned();
        out.entry(id)
            .or_default()
            .push((kind, b["changes"].as_u64().unwrap()));
    }
    out
}

/// State changes in a tunnel's states as [`Estate::step`] returns them, concatenated over
/// steps (one between two raw states of one normalised state is not a change, and a step's
/// leading "state before" repeats the previous step's last state, so it adds none).
fn changes_of(s: &[String]) -> usize {
    s.windows(2).filter(|w| w[0] != w[1]).count()
}

/// What the rules promise for epochs recorded within seconds and rounds 61 s and 121 s later:
/// 4+ changes → one "flapping" (and "recovered" if it ended up); else down → one "down".
fn promised(all: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (id, s) in all {
        let last = s.last().unwrap().as_str();
        let events: Vec<&str> = match (changes_of(s) >= 4, last) {
            (true, "up") => vec!["flapping", "recovered"],
            (true, _) => vec!["flapping"],
            (false, "down") => vec!["down"],
            _ => vec![],
        };
        if !events.is_empty() {
            out.insert(id.clone(), events.into_iter().map(String::from).collect());
        }
    }
    out
}

/// Generic bodies' kinds by resource id.
fn kinds_by_resource(rx: &Receiver) -> BTreeMap<String, Vec<String>> {
    generic_by_resource(rx)
        .into_iter()
        .map(|(id, v)| (id, v.into_iter().map(|(k, _)| k).collect()))
        .collect()
}

/// Slack bodies shaped as Slack takes them (a `text` and at least one block).
fn slack_count(rx: &Receiver) -> usize {
    rx.bodies("/slack")
        .iter()
        .filter(|b| b["text"].is_string() && b["blocks"].as_array().is_some_and(|a| !a.is_empty()))
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tunnel_going_down_sends_one_alert_per_webhook_and_one_recovered() {
    // Arrange
    let estate = Estate::synced().await;
    let rx = Receiver::start().await;
    estate.webhooks(&rx).await;
    let alerts = estate.dispatcher();
    // Act: epochs pass until some tunnel goes down (rounds in between: nothing is due yet).
    let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut down = BTreeSet::new();
    for _ in 0..40 {
        let changed = estate.step().await;
        alerts.tick(Utc::now()).await.unwrap();
        for (id, states) in &changed {
            all.entry(id.clone()).or_default().extend(states.clone());
        }
        down = changed
            .iter()
            .filter(|(id, s)| s.last().unwrap() == "down" && changes_of(&all[*id]) < 4)
            .map(|(id, _)| id.clone())
            .collect();
        if !down.is_empty() {
            break;
        }
    }
    assert!(!down.is_empty(), "no tunnel went down in 40 epochs");
    assert!(
        rx.bodies("/generic").is_empty(),
        "nothing is sent inside the debounce window"
    );
    let later = Utc::now() + Duration::seconds(61);
    alerts.tick(later).await.unwrap();
    alerts.tick(later + Duration::seconds(60)).await.unwrap();
    // Assert: one generic and one Slack alert per tunnel that went down, nothing twice; the
    // epochs before may have made others flap (4+ changes: one "flapping" each).
    let by_id = generic_by_resource(&rx);
    for id in &down {
        assert_eq!(by_id.get(id).map(Vec::len), Some(1), "{id}: {by_id:?}");
        assert_eq!(by_id[id][0].0, "down");
    }
    assert_eq!(kinds_by_resource(&rx), promised(&all), "{all:?}");
    let generic = rx.bodies("/generic");
    assert_eq!(slack_count(&rx), generic.len());
    let g = generic.iter().find(|g| g["kind"] == "down").unwrap();
    assert_eq!(g["new_state"], "down");
    assert!(
        g["account"]["name"].is_string() && g["cloud"].is_string(),
        "{g}"
    );
    assert!(g["url"]
        .as_str()
        .unwrap()
        .starts_with("https://gatewatch.example/connections/"));
    // Act: epochs pass until one of them is back up.
    let target = down.iter().next().unwrap().clone();
    let mut back = false;
    for _ in 0..40 {
        let changed = estate.step().await;
        alerts.tick(Utc::now()).await.unwrap();
        if changed
            .get(&target)
            .is_some_and(|s| s.last().unwrap() == "up")
        {
            back = true;
            break;
        }
    }
    assert!(back, "{target} did not come back in 40 epochs");
    alerts
        .tick(Utc::now() + Duration::seconds(61))
        .await
        .unwrap();
    // Assert: exactly one "recovered" for it, per webhook.
    let by_id = generic_by_resource(&rx);
    let kinds: Vec<&str> = by_id[&target].iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(kinds, vec!["down", "recovered"], "{by_id:?}");
    assert_eq!(slack_count(&rx), rx.bodies("/generic").len());
    estate.emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flapping_tunnel_sends_one_alert_naming_its_changes() {
    // Arrange
    let estate = Estate::synced().await;
    let rx = Receiver::start().await;
    estate.webhooks(&rx).await;
    let alerts = estate.dispatcher();
    // Act: epochs within seconds of wall time, rounds in between, until a tunnel has changed
    // four times (the emulator's flaky links change in about half the epochs).
    let mut changes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for _ in 0..40 {
        for (id, states) in estate.step().await {
            changes.entry(id).or_default().extend(states);
        }
        alerts.tick(Utc::now()).await.unwrap();
        if changes.values().any(|s| changes_of(s) >= 4) {
            break;
        }
    }
    assert!(
        rx.bodies("/generic").is_empty(),
        "nothing inside the debounce window"
    );
    alerts
        .tick(Utc::now() + Duration::seconds(61))
        .await
        .unwrap();
    alerts
        .tick(Utc::now() + Duration::seconds(120))
        .await
        .unwrap();
    // Assert: each tunnel that changed 4+ times sent one "flapping" alert with its count,
    // then one "recovered" if it ended up (the second round is 60 s after the first). A
    // transition between two raw states of one normalised state is not a change.
    let flapping: Vec<(&String, usize, bool)> = changes
        .iter()
        .filter(|(_, s)| changes_of(s) >= 4)
        .map(|(id, s)| (id, changes_of(s), s.last().unwrap() == "up"))
        .collect();
    assert!(
        !flapping.is_empty(),
        "the flaky tunnels flapped: {changes:?}"
    );
    let by_id = generic_by_resource(&rx);
    for (id, n, up) in &flapping {
        let mut expected = vec![("flapping".to_owned(), *n as u64)];
        if *up {
            expected.push(("recovered".to_owned(), *n as u64));
        }
        assert_eq!(
            by_id.get(*id),
            Some(&expected),
            "{id}: {changes:?} {by_id:?}"
        );
    }
    assert_eq!(kinds_by_resource(&rx), promised(&changes));
    let slack = rx.bodies("/slack");
    assert!(slack
        .iter()
        .any(|b| b["text"].as_str().unwrap().starts_with("FLAPPING (")));
    assert_eq!(slack.len(), rx.bodies("/generic").len());
    estate.emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_dispatchers_on_one_database_send_each_alert_once() {
    // Arrange: two servers' dispatchers on one database.
    let estate = Estate::synced().await;
    let rx = Receiver::start().await;
    estate.webhooks(&rx).await;
    let (a, b) = (estate.dispatcher(), estate.dispatcher());
    let mut all: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for _ in 0..40 {
        for (id, states) in estate.step().await {
            all.entry(id).or_default().extend(states);
        }
        if !promised(&all).is_empty() {
            break;
        }
    }
    assert!(
        !promised(&all).is_empty(),
        "no tunnel went down or flapped in 40 epochs"
    );
    // Act: both run their rounds at the same moments, repeatedly.
    for n in 1..=5 {
        let at = Utc::now() + Duration::seconds(61 * n);
        let (ra, rb) = tokio::join!(a.tick(at), b.tick(at));
        ra.unwrap();
        rb.unwrap();
    }
    // Assert: every queued delivery was posted exactly once.
    let queued: i64 = sqlx::query_scalar("SELECT count(*) FROM alert_delivery")
        .fetch_one(&estate.pool)
        .await
        .unwrap();
    let sent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM alert_delivery WHERE status = 'sent' AND attempts = 1",
    )
    .fetch_one(&estate.pool)
    .await
    .unwrap();
    assert!(queued > 0, "something was alerted");
    assert_eq!(sent, queued);
    let posted = rx.got.lock().unwrap().len() as i64;
    assert_eq!(posted, queued, "each delivery reached the receiver once");
    let doubled: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT 1 FROM alert_delivery GROUP BY webhook_id, alert \
         HAVING count(*) > 1) d",
    )
    .fetch_one(&estate.pool)
    .await
    .unwrap();
    assert_eq!(doubled, 0, "no alert was decided twice");
    assert_eq!(kinds_by_resource(&rx), promised(&all), "{all:?}");
    estate.emu.shutdown().await;
}
