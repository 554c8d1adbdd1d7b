//! A sync job's writes: several kinds in one transaction under their own generations, and
//! freshness of all its kinds (and the still-due check) in one statement each; a job's rows,
//! freshness and lease release committed together.

mod common;

use chrono::Duration;
use common::{account, db, t};
use serde_json::json;
use store::freshness::{
    freshness, record_attempt_if_due, record_failures, record_successes, JobKeys, SyncKey,
};
use store::lease::{lease_holder, try_acquire_lease};
use store::model::{Connection, CustomerGateway, ResourceItem, ResourceKind, Spec};
use store::sync_write::{apply_job, apply_snapshot, apply_snapshots, JobDone};

const REGION: &str = "cn-hangzhou";

fn connection(id: &str) -> ResourceItem {
    ResourceItem::new(id, Spec::Connection(Connection::default()), json!({}))
}

fn customer_gateway(id: &str) -> ResourceItem {
    ResourceItem::new(
        id,
        Spec::CustomerGateway(CustomerGateway::default()),
        json!({}),
    )
}

async fn count(pool: &sqlx::PgPool, kind: ResourceKind) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM resource_current WHERE kind = $1")
        .bind(kind.as_str())
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn kinds_keep_their_own_generations_and_commit_together() {
    let pool = db().await;
    let acc = account(&pool).await;
    // The connection kind is one generation ahead of the other.
    apply_snapshot(
        &pool,
        acc.id,
        REGION,
        ResourceKind::Connection,
        vec![connection("vco-0")],
        t(1),
    )
    .await
    .unwrap();
    let reports = apply_snapshots(
        &pool,
        acc.id,
        REGION,
        vec![
            (ResourceKind::Connection, vec![connection("vco-1")]),
            (
                ResourceKind::CustomerGateway,
                vec![customer_gateway("cgw-1")],
            ),
            (ResourceKind::Tunnel, Vec::new()),
        ],
        t(2),
    )
    .await
    .unwrap();
    let kinds: Vec<_> = reports.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            ResourceKind::Connection,
            ResourceKind::CustomerGateway,
            ResourceKind::Tunnel
        ]
    );
    let (conn, cgw) = (reports[0].1, reports[1].1);
    assert_eq!((conn.generation, conn.added, conn.gone), (2, 1, 1));
    assert_eq!((cgw.generation, cgw.added, cgw.gone), (1, 1, 0));
    assert_eq!(reports[2].1.generation, 1);

    // One invalid kind rolls back the whole job: nothing of the others is written either.
    let dup = vec![customer_gateway("cgw-2"), customer_gateway("cgw-2")];
    let bad = apply_snapshots(
        &pool,
        acc.id,
        REGION,
        vec![
            (ResourceKind::Connection, Vec::new()),
            (ResourceKind::CustomerGateway, dup),
        ],
        t(3),
    )
    .await;
    assert!(bad.is_err());
    assert_eq!(count(&pool, ResourceKind::Connection).await, 1);
    // A kind twice in one write is refused; an unknown account is not found.
    let twice = vec![
        (ResourceKind::Tunnel, Vec::new()),
        (ResourceKind::Tunnel, Vec::new()),
    ];
    assert!(apply_snapshots(&pool, acc.id, REGION, twice, t(3))
        .await
        .is_err());
    let none = vec![(ResourceKind::Tunnel, Vec::new())];
    let missing = apply_snapshots(&pool, uuid::Uuid::new_v4(), REGION, none, t(3)).await;
    assert!(matches!(missing, Err(store::Error::NotFound { .. })));
}

#[tokio::test]
async fn freshness_of_a_job_and_the_due_check() {
    let pool = db().await;
    let acc = account(&pool).await;
    let kinds = [ResourceKind::Connection, ResourceKind::Tunnel];
    let keys = JobKeys {
        account_id: acc.id,
        region: REGION,
        kinds: &kinds,
    };
    let primary = SyncKey {
        account_id: acc.id,
        region: REGION.into(),
        kind: ResourceKind::Connection,
    };
    // Never synced: due, and the attempt is recorded.
    assert!(record_attempt_if_due(&pool, &primary, t(1)).await.unwrap());
    record_successes(&pool, &keys, t(1), t(3)).await.unwrap();
    // Not due before t(3): nothing recorded.
    assert!(!record_attempt_if_due(&pool, &primary, t(2)).await.unwrap());
    record_failures(&pool, &keys, t(3), Some("Throttling"), "slow down", t(4))
        .await
        .unwrap();
    assert!(record_attempt_if_due(&pool, &primary, t(4)).await.unwrap());
    let rows = freshness(&pool, Some(acc.id), t(4), Duration::hours(10))
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    for f in &rows {
        assert_eq!(f.last_success_at, Some(t(1)));
        assert_eq!(f.consecutive_failures, 1);
        assert_eq!(f.next_due_at, Some(t(4)));
        let err = f.last_error.as_ref().unwrap();
        assert_eq!(err.code.as_deref(), Some("Throttling"));
    }
    let conn = rows.iter().find(|f| f.key.kind == ResourceKind::Connection);
    assert_eq!(conn.unwrap().last_attempt_at, Some(t(4)));
}

#[tokio::test]
async fn a_job_commits_its_rows_freshness_and_lease_release_together() {
    let pool = db().await;
    let acc = account(&pool).await;
    let kinds = [ResourceKind::Connection, ResourceKind::Tunnel];
    let ttl = std::time::Duration::from_secs(60);
    assert!(try_acquire_lease(&pool, "job", "me", ttl).await.unwrap());
    let done = |lease| JobDone {
        kinds: &kinds,
        next_due: t(5),
        lease: Some(lease),
    };

    // A write that fails (a snapshot names an item twice) leaves the lease held and the
    // freshness unrecorded: the job records its failure and gives the lease back itself.
    let dup = vec![connection("vco-1"), connection("vco-1")];
    let bad = vec![(ResourceKind::Connection, dup)];
    let failed = apply_job(&pool, acc.id, REGION, bad, t(1), Some(done(("job", "me")))).await;
    assert!(failed.is_err());
    assert_eq!(
        lease_holder(&pool, "job").await.unwrap().as_deref(),
        Some("me")
    );
    let none = freshness(&pool, Some(acc.id), t(1), Duration::hours(1)).await;
    assert!(none.unwrap().is_empty());

    // Another holder's lease is never released by this job's commit.
    let snapshots = || {
        vec![
            (ResourceKind::Connection, vec![connection("vco-1")]),
            (ResourceKind::Tunnel, Vec::new()),
        ]
    };
    apply_job(
        &pool,
        acc.id,
        REGION,
        snapshots(),
        t(2),
        Some(done(("job", "other"))),
    )
    .await
    .unwrap();
    assert_eq!(
        lease_holder(&pool, "job").await.unwrap().as_deref(),
        Some("me")
    );

    // The holder's write: rows, every kind's freshness and the free lease, at once.
    let reports = apply_job(
        &pool,
        acc.id,
        REGION,
        snapshots(),
        t(3),
        Some(done(("job", "me"))),
    )
    .await
    .unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(count(&pool, ResourceKind::Connection).await, 1);
    assert_eq!(lease_holder(&pool, "job").await.unwrap(), None);
    let rows = freshness(&pool, Some(acc.id), t(3), Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    for f in &rows {
        assert_eq!(f.last_success_at, Some(t(3)));
        assert_eq!(f.next_due_at, Some(t(5)));
        assert_eq!(f.consecutive_failures, 0);
    }
}
