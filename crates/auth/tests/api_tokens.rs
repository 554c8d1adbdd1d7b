//! API tokens against a real PostgreSQL (a fresh database per test, the product's migrations).

use auth::api_tokens::TOKENS;
use auth::Scope;
use chrono::Utc;
use sqlx::PgPool;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

use rand::rngs::mock::StepRng;

async fn pool() -> PgPool {
    pgembed::testing::fresh_database(&MIGRATOR).await
}

#[tokio::test]
async fn a_created_token_resolves_until_revoked() {
    let pool = pool().await;
    let now = Utc::now();
    let scope = Scope {
        clouds: vec!["huawei".into()],
        ..Scope::default()
    };
    let (made, plain) = TOKENS
        .create(
            &pool,
            "ci",
            &scope,
            now + chrono::Duration::days(1),
            "root",
            now,
            &mut StepRng::new(3, 7),
        )
        .await
        .unwrap();
    assert!(plain.starts_with("gwa_"));
    let found = TOKENS
        .resolve(&pool, &plain, now)
        .await
        .unwrap()
        .expect("resolves");
    assert_eq!(found.scope, scope);
    assert!(found.last_used_at.is_some());
    TOKENS.revoke(&pool, made.id, now).await.unwrap();
    assert_eq!(TOKENS.resolve(&pool, &plain, now).await.unwrap(), None);
}

#[tokio::test]
async fn expired_wall_shaped_and_unknown_tokens_do_not_resolve() {
    let pool = pool().await;
    let now = Utc::now();
    let (_, plain) = TOKENS
        .create(
            &pool,
            "short",
            &Scope::default(),
            now + chrono::Duration::minutes(1),
            "root",
            now,
            &mut StepRng::new(5, 9),
        )
        .await
        .unwrap();
    let later = now + chrono::Duration::minutes(2);
    assert_eq!(TOKENS.resolve(&pool, &plain, later).await.unwrap(), None);
    let wall_shaped = plain.replacen("gwa_", "gww_", 1);
    assert_eq!(
        TOKENS.resolve(&pool, &wall_shaped, now).await.unwrap(),
        None
    );
    assert_eq!(TOKENS.resolve(&pool, "gwa_nope", now).await.unwrap(), None);
}

#[tokio::test]
async fn names_and_expiries_are_checked() {
    let pool = pool().await;
    let now = Utc::now();
    let mut rng = StepRng::new(1, 1);
    let day = now + chrono::Duration::days(1);
    assert!(TOKENS
        .create(&pool, " ", &Scope::default(), day, "root", now, &mut rng)
        .await
        .is_err());
    assert!(TOKENS
        .create(&pool, "x", &Scope::default(), now, "root", now, &mut rng)
        .await
        .is_err());
    let too_far = now + chrono::Duration::days(400);
    assert!(TOKENS
        .create(
            &pool,
            "x",
            &Scope::default(),
            too_far,
            "root",
            now,
            &mut rng
        )
        .await
        .is_err());
}
