//! The store version the connections page's cache is keyed on: it must move with every commit
//! that wrote rows of the kinds it covers and with every account change (or a page would be
//! served stale), and should stay put through writes that cannot change the page, such as a
//! poll that found every row as stored (or the cache is useless).

use crate::helpers::fresh_database;
use app::api::store_version::{membership_of_kinds, of_kinds};
use sqlx::PgPool;
use uuid::Uuid;

const KINDS: [&str; 2] = ["connection", "tunnel"];

async fn account(pool: &PgPool, name: &str) -> Uuid {
    let id = Uuid::new_v4();
    sqlx::query(
        "INSERT INTO cloud_account (id, cloud, name, access_key_id, secret_ciphertext, \
           secret_nonce, secret_key_version) VALUES ($1, 'aliyun', $2, 'LTAI', '\\x00', \
           '\\x000000000000000000000000', 1)",
    )
    .bind(id)
    .bind(name)
    .execute(pool)
    .await
    .unwrap();
    id
}

/// What a sync commit that wrote rows does to the bookkeeping: its key's generation and
/// content go up by one.
async fn commit(pool: &PgPool, account: Uuid, kind: &str) {
    sqlx::query(
        "INSERT INTO sync_generation (account_id, region, kind, generation, committed_at, content) \
         VALUES ($1, 'cn-hangzhou', $2, 1, '2026-11-26T00:00:00Z', 1) \
         ON CONFLICT (account_id, region, kind) \
         DO UPDATE SET generation = sync_generation.generation + 1, \
           content = sync_generation.content + 1",
    )
    .bind(account)
    .bind(kind)
    .execute(pool)
    .await
    .unwrap();
}

#[tokio::test]
async fn moves_with_its_kinds_and_accounts_only() {
    let (pool, other) = (fresh_database().await, fresh_database().await);
    let acc = account(&pool, "main").await;
    commit(&pool, acc, "connection").await;
    let v1 = of_kinds(&pool, &KINDS).await.unwrap();
    assert_eq!(
        of_kinds(&pool, &KINDS).await.unwrap(),
        v1,
        "nothing written"
    );

    // Writes the page cannot see: a setup token, a commit of another kind.
    sqlx::query("INSERT INTO setup_token (token_hash, expires_at) VALUES ('x', now())")
        .execute(&pool)
        .await
        .unwrap();
    commit(&pool, acc, "route").await;
    assert_eq!(
        of_kinds(&pool, &KINDS).await.unwrap(),
        v1,
        "unrelated writes"
    );

    // A poll that found every row as stored: a new generation, no row written.
    sqlx::query("UPDATE sync_generation SET generation = generation + 1, committed_at = now()")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        of_kinds(&pool, &KINDS).await.unwrap(),
        v1,
        "a poll that wrote no row"
    );

    commit(&pool, acc, "tunnel").await;
    let v2 = of_kinds(&pool, &KINDS).await.unwrap();
    assert_ne!(v2, v1, "a tunnel commit");
    commit(&pool, acc, "tunnel").await;
    let v3 = of_kinds(&pool, &KINDS).await.unwrap();
    assert_ne!(v3, v2, "a second commit of the same key");

    sqlx::query("UPDATE cloud_account SET name = 'renamed', updated_at = now() + interval '1 s'")
        .execute(&pool)
        .await
        .unwrap();
    let v4 = of_kinds(&pool, &KINDS).await.unwrap();
    assert_ne!(v4, v3, "an account renamed");
    account(&pool, "second").await;
    assert_ne!(
        of_kinds(&pool, &KINDS).await.unwrap(),
        v4,
        "an account added"
    );

    // Membership: a commit that only changes states leaves it, one that adds or removes a
    // resource (the write path bumps `membership` then) moves it, as does a new key.
    let m1 = membership_of_kinds(&pool, &KINDS).await.unwrap();
    commit(&pool, acc, "connection").await;
    assert_eq!(
        membership_of_kinds(&pool, &KINDS).await.unwrap(),
        m1,
        "states only"
    );
    sqlx::query("UPDATE sync_generation SET membership = membership + 1 WHERE kind = 'tunnel'")
        .execute(&pool)
        .await
        .unwrap();
    let m2 = membership_of_kinds(&pool, &KINDS).await.unwrap();
    assert_ne!(m2, m1, "a tunnel added or gone");
    sqlx::query(
        "INSERT INTO sync_generation (account_id, region, kind, generation, committed_at) \
         VALUES ($1, 'eu-central-1', 'connection', 1, now())",
    )
    .bind(acc)
    .execute(&pool)
    .await
    .unwrap();
    assert_ne!(
        membership_of_kinds(&pool, &KINDS).await.unwrap(),
        m2,
        "a new region"
    );

    // Another database with the same history still has a version of its own.
    let acc = account(&other, "main").await;
    commit(&other, acc, "connection").await;
    assert_ne!(of_kinds(&other, &KINDS).await.unwrap(), v1);
}
