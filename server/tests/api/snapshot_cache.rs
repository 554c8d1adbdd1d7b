//! Answers cached per database snapshot: reused while nothing is committed, recomputed after
//! any commit, never shared between two databases, and not kept when a commit lands while
//! they are computed.

use crate::helpers::fresh_database;
use app::api::snapshot_cache::SnapshotCache;
use std::sync::atomic::{AtomicUsize, Ordering};

async fn load(counter: &AtomicUsize, value: i64) -> Result<i64, sqlx::Error> {
    counter.fetch_add(1, Ordering::SeqCst);
    Ok(value)
}

async fn write(pool: &sqlx::PgPool) {
    sqlx::query(
        "INSERT INTO setup_token (token_hash, expires_at) VALUES ('x', now()) \
         ON CONFLICT (singleton) DO UPDATE SET expires_at = now()",
    )
    .execute(pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn kept_until_a_commit_and_per_database() {
    static CACHE: SnapshotCache<&str, i64> = SnapshotCache::new(8);
    let (a, b) = (fresh_database().await, fresh_database().await);
    let loads = AtomicUsize::new(0);
    // The same question twice under one snapshot: computed once.
    assert_eq!(
        CACHE.get_or_load(&a, "k", load(&loads, 1)).await.unwrap(),
        1
    );
    assert_eq!(
        CACHE.get_or_load(&a, "k", load(&loads, 2)).await.unwrap(),
        1
    );
    assert_eq!(loads.load(Ordering::SeqCst), 1);
    // Another database: its own answer.
    assert_eq!(
        CACHE.get_or_load(&b, "k", load(&loads, 3)).await.unwrap(),
        3
    );
    // A commit: computed again.
    write(&a).await;
    assert_eq!(
        CACHE.get_or_load(&a, "k", load(&loads, 4)).await.unwrap(),
        4
    );
    assert_eq!(
        CACHE.get_or_load(&a, "k", load(&loads, 5)).await.unwrap(),
        4
    );
    assert_eq!(loads.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn an_answer_computed_across_a_commit_is_not_kept() {
    static CACHE: SnapshotCache<&str, i64> = SnapshotCache::new(8);
    let pool = fresh_database().await;
    let loads = AtomicUsize::new(0);
    let racing = async {
        write(&pool).await;
        load(&loads, 1).await
    };
    assert_eq!(CACHE.get_or_load(&pool, "k", racing).await.unwrap(), 1);
    assert_eq!(
        CACHE
            .get_or_load(&pool, "k", load(&loads, 2))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        CACHE
            .get_or_load(&pool, "k", load(&loads, 3))
            .await
            .unwrap(),
        2
    );
}
