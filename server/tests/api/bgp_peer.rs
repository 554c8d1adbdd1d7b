//! One BGP peer on a synced estate: its prefix list from the stored routes and the session,
//! the direction filter, the prefix counts the sync sampled, bad input named.

use crate::overview::synced_toy_estate;
use app::api::bgp_peer::PeerQuery;
use app::api::bgp_peer_sql::peer;
use app::api::bgp_sql::sessions;
use app::error::AppError;
use chrono::Utc;

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_lists_its_prefixes_and_its_sampled_counts() {
    // Arrange: a session that both learns and advertises, else one with the most prefixes.
    let (emu, pool, _) = synced_toy_estate().await;
    let all = sessions(&pool, None, None, Utc::now()).await.unwrap();
    let row = all
        .rows
        .iter()
        .max_by_key(|r| {
            (
                r.learned.min(1) + r.advertised.min(1),
                r.learned + r.advertised,
            )
        })
        .unwrap();
    assert!(
        row.learned + row.advertised > 0,
        "the estate has a session with prefixes"
    );
    let query = PeerQuery {
        id: row.id.clone(),
        ..Default::default()
    };
    // Act
    let view = peer(&pool, &query, Utc::now()).await.unwrap();
    // Assert: the list agrees with the looking glass's counts (a bare received count may
    // exceed the prefixes the cloud names).
    assert_eq!(view.session.id, row.id);
    assert_eq!(
        view.totals.1 as i64, row.advertised,
        "advertised prefixes: {:?}",
        view.prefixes
    );
    assert!(view.totals.0 as i64 <= row.learned);
    assert_eq!(view.prefixes.len(), view.totals.0 + view.totals.1);
    assert!(view.prefixes.iter().all(|p| !p.destination.is_empty()));
    // The sync sampled the counts once: the chart starts at the looking glass's figures.
    let last = view.samples.last().expect("the sync recorded a sample");
    assert_eq!(
        (last.learned, last.advertised),
        (row.learned, row.advertised)
    );

    for dir in ["learned", "advertised"] {
        let q = PeerQuery {
            dir: Some(dir.into()),
            ..query.clone()
        };
        let one = peer(&pool, &q, Utc::now()).await.unwrap();
        assert!(one.prefixes.iter().all(|p| p.direction == dir), "{dir}");
        assert_eq!(one.totals, view.totals, "totals ignore the filter");
    }
    let bad = PeerQuery {
        window: Some("forever".into()),
        ..query.clone()
    };
    let err = peer(&pool, &bad, Utc::now()).await.unwrap_err();
    assert!(err.to_string().contains("window must be one of"), "{err}");
    let bad = PeerQuery {
        dir: Some("sideways".into()),
        ..query.clone()
    };
    let err = peer(&pool, &bad, Utc::now()).await.unwrap_err();
    assert!(
        err.to_string()
            .contains("dir must be learned or advertised"),
        "{err}"
    );
    let missing = PeerQuery {
        id: "bgp-nope".into(),
        ..Default::default()
    };
    assert!(matches!(
        peer(&pool, &missing, Utc::now()).await,
        Err(AppError::NotFound(_))
    ));
    emu.shutdown().await;
}
