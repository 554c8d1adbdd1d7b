//! The history timeline on a synced estate: configuration changes after a second sync of a
//! changed estate, state filter, and bad windows named.

use crate::overview::synced_toy_estate;
use app::api::history_sql::history;
use chrono::Utc;

#[tokio::test(flavor = "multi_thread")]
async fn the_history_shows_changes_in_the_window_and_refuses_bad_filters() {
    let (emu, pool, _) = synced_toy_estate().await;
    let all = history(&pool, None, None, Utc::now()).await.unwrap();
    let config = history(&pool, Some("24h".into()), Some("config".into()), Utc::now())
        .await
        .unwrap();
    assert!(config.events.iter().all(|e| e.what == "config"));
    let state = history(&pool, Some("24h".into()), Some("state".into()), Utc::now())
        .await
        .unwrap();
    assert!(state.events.iter().all(|e| e.what == "state"));
    assert_eq!(all.events.len(), config.events.len() + state.events.len());
    assert!(
        all.events.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first"
    );
    let bad = history(&pool, Some("forever".into()), None, Utc::now())
        .await
        .unwrap_err();
    assert!(bad.to_string().contains("window must be one of"), "{bad}");
    let bad = history(&pool, None, Some("gossip".into()), Utc::now())
        .await
        .unwrap_err();
    assert!(
        bad.to_string().contains("what must be state or config"),
        "{bad}"
    );
    emu.shutdown().await;
}
