//! Answers cached per database snapshot: reused while nothing is committed, recomputed after
//! any commit, never shared between two databases, not kept when a commit lands while they
//! are computed, and computed once for callers asking at the same moment (by one of the
//! waiting callers if the first goes away).
//!
//! Transaction ids are cluster-wide, so the other tests' writes (in their own databases on
//! the same cluster) change the snapshot too: a check that needs a quiet database is repeated
//! until one run saw no foreign commit.

use crate::helpers::fresh_database;
use app::api::snapshot_cache::{snapshot, SnapshotCache};
use sqlx::PgPool;
use std::sync::atomic::{AtomicI64, Ordering};

/// A loader whose answers count up, so a reused answer is told apart from a new one.
async fn next(counter: &AtomicI64) -> Result<i64, sqlx::Error> {
    Ok(counter.fetch_add(1, Ordering::SeqCst) + 1)
}

async fn write(pool: &PgPool) {
    sqlx::query(
        "INSERT INTO setup_token (token_hash, expires_at) VALUES ('x', now()) \
         ON CONFLICT (singleton) DO UPDATE SET expires_at = now()",
    )
    .execute(pool)
    .await
    .unwrap();
}

/// Runs `check` until the database's snapshot is the same before and after it (no commit
/// anywhere on the cluster meanwhile); returns what that quiet run returned.
async fn when_quiet<T, F, Fut>(pool: &PgPool, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = T>,
{
    for _ in 0..200 {
        let before = snapshot(pool).await.unwrap();
        let out = check().await;
        if snapshot(pool).await.unwrap() == before {
            return out;
        }
    }
    panic!("the cluster was never quiet for one check");
}

/// Like [`when_quiet`], with a new key for each try: a quiet try starts with nothing cached.
async fn when_quiet_with_a_new_key<T, F, Fut>(pool: &PgPool, mut check: F) -> T
where
    F: FnMut(i64) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let mut round = 0;
    when_quiet(pool, || {
        round += 1;
        check(round)
    })
    .await
}

#[tokio::test]
async fn kept_until_a_commit_and_per_database() {
    static CACHE: SnapshotCache<&str, i64> = SnapshotCache::new(8);
    let (a, b) = (fresh_database().await, fresh_database().await);
    let counter = AtomicI64::new(0);
    // The same question twice under one snapshot: the second answer is the first.
    let (first, second) = when_quiet(&a, || async {
        let first = CACHE.get_or_load(&a, "k", next(&counter)).await.unwrap();
        let second = CACHE.get_or_load(&a, "k", next(&counter)).await.unwrap();
        (first, second)
    })
    .await;
    assert_eq!(first, second);
    // Another database never gets that answer.
    let loads = counter.load(Ordering::SeqCst);
    let other = CACHE.get_or_load(&b, "k", next(&counter)).await.unwrap();
    assert_eq!(other, loads + 1, "b's answer is its own");
    // A commit: computed again.
    let cached = CACHE.get_or_load(&a, "k", next(&counter)).await.unwrap();
    write(&a).await;
    let after = CACHE.get_or_load(&a, "k", next(&counter)).await.unwrap();
    assert!(
        after > cached,
        "recomputed after the commit: {cached} then {after}"
    );
}

#[tokio::test]
async fn an_answer_computed_across_a_commit_is_not_kept() {
    static CACHE: SnapshotCache<&str, i64> = SnapshotCache::new(8);
    let pool = fresh_database().await;
    let counter = AtomicI64::new(0);
    let racing = async {
        write(&pool).await;
        next(&counter).await
    };
    let mixed = CACHE.get_or_load(&pool, "k", racing).await.unwrap();
    let again = CACHE.get_or_load(&pool, "k", next(&counter)).await.unwrap();
    assert_eq!((mixed, again), (1, 2), "the first answer was not kept");
}

#[tokio::test]
async fn callers_asking_at_once_wait_for_one_computation() {
    static CACHE: SnapshotCache<i64, i64> = SnapshotCache::new(8);
    let pool = fresh_database().await;
    let counter = AtomicI64::new(0);
    let loads = when_quiet_with_a_new_key(&pool, |key| {
        let counter = &counter;
        let pool = &pool;
        async move {
            let before = counter.load(Ordering::SeqCst);
            let slow = || async {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                next(counter).await
            };
            futures_util::future::join_all((0..8).map(|_| CACHE.get_or_load(pool, key, slow())))
                .await;
            counter.load(Ordering::SeqCst) - before
        }
    })
    .await;
    assert_eq!(loads, 1, "eight callers, one computation");
}

#[tokio::test]
async fn when_the_computing_caller_goes_away_a_waiting_one_takes_over() {
    static CACHE: SnapshotCache<i64, i64> = SnapshotCache::new(8);
    let pool = fresh_database().await;
    let counter = AtomicI64::new(0);
    let (abandoned, answers, loads) = when_quiet_with_a_new_key(&pool, |key| {
        let counter = &counter;
        let pool = &pool;
        async move {
            let before = counter.load(Ordering::SeqCst);
            // The first caller's computation says when it has begun (it leads from then on),
            // and never ends.
            let (began, begun) = tokio::sync::watch::channel(false);
            let never = async move {
                began.send_replace(true);
                std::future::pending::<Result<i64, sqlx::Error>>().await
            };
            let has_begun = || {
                let mut begun = begun.clone();
                async move { begun.wait_for(|b| *b).await.map(|_| ()) }
            };
            // Its request is dropped (a closed browser tab) while it computes.
            let first = async {
                tokio::select! {
                    _ = CACHE.get_or_load(pool, key, never) => false,
                    _ = async {
                        has_begun().await.unwrap();
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    } => true,
                }
            };
            let waiting = async {
                has_begun().await.unwrap();
                let all = futures_util::future::join_all(
                    (0..4).map(|_| CACHE.get_or_load(pool, key, next(counter))),
                );
                tokio::time::timeout(std::time::Duration::from_secs(10), all)
                    .await
                    .expect("the waiting callers were woken when the first went away")
            };
            let (first, answers) = tokio::join!(first, waiting);
            let answers: Vec<i64> = answers.into_iter().map(Result::unwrap).collect();
            (first, answers, counter.load(Ordering::SeqCst) - before)
        }
    })
    .await;
    assert!(abandoned, "the first caller never finished");
    assert_eq!(loads, 1, "one of the four computed it: {answers:?}");
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "{answers:?}");
}
