//! Leases across two separate pools (two "processes") on one real PostgreSQL.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use store::lease::{lease_holder, lease_key, release_lease, renew_lease, try_acquire_lease};
use store::model::ResourceKind;

#[tokio::test]
async fn one_holder_across_pools_and_takeover_after_expiry() {
    let pool_a = common::db().await;
    // A second pool on the same database: its own connections, like another server process.
    let pool_b = sqlx::PgPool::connect_with(pool_a.connect_options().as_ref().clone())
        .await
        .unwrap();
    let key = lease_key(uuid::Uuid::nil(), "cn-hangzhou", ResourceKind::Connection);
    let ttl = Duration::from_secs(30);

    // Twenty contenders, half per pool, race for the same key: exactly one wins.
    let wins = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for i in 0..20 {
        let pool = if i % 2 == 0 {
            pool_a.clone()
        } else {
            pool_b.clone()
        };
        let (key, wins) = (key.clone(), wins.clone());
        tasks.push(tokio::spawn(async move {
            if try_acquire_lease(&pool, &key, &format!("holder-{i}"), ttl)
                .await
                .unwrap()
            {
                wins.fetch_add(1, Ordering::SeqCst);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(wins.load(Ordering::SeqCst), 1);
    let winner = lease_holder(&pool_a, &key).await.unwrap().unwrap();

    // The holder renews; others cannot renew or release it.
    assert!(renew_lease(&pool_b, &key, &winner, ttl).await.unwrap());
    assert!(!renew_lease(&pool_a, &key, "intruder", ttl).await.unwrap());
    assert!(!release_lease(&pool_a, &key, "intruder").await.unwrap());
    assert!(!try_acquire_lease(&pool_b, &key, "intruder", ttl)
        .await
        .unwrap());

    // A short lease expires and is taken over; the old holder can no longer renew.
    let short = lease_key(uuid::Uuid::nil(), "cn-hangzhou", ResourceKind::Route);
    assert!(
        try_acquire_lease(&pool_a, &short, "a", Duration::from_millis(200))
            .await
            .unwrap()
    );
    assert!(!try_acquire_lease(&pool_b, &short, "b", ttl).await.unwrap());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(try_acquire_lease(&pool_b, &short, "b", ttl).await.unwrap());
    assert!(!renew_lease(&pool_a, &short, "a", ttl).await.unwrap());
    assert_eq!(
        lease_holder(&pool_a, &short).await.unwrap().as_deref(),
        Some("b")
    );

    // Release frees it at once.
    assert!(release_lease(&pool_b, &short, "b").await.unwrap());
    assert!(try_acquire_lease(&pool_a, &short, "a", ttl).await.unwrap());
}
