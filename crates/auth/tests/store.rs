//! Users, setup token, wall tokens and audit log against a real PostgreSQL (a fresh database
//! per test, the product's migrations).

use auth::{audit, setup, users, wall, AuthError, Role, Scope};
use chrono::{Duration, Utc};
use rand::rngs::OsRng;
use sqlx::PgPool;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

async fn db() -> PgPool {
    pgembed::testing::fresh_database(&MIGRATOR).await
}

#[tokio::test]
async fn users_authenticate_and_the_last_admin_stays() {
    let pool = db().await;
    let admin = users::create(&pool, "root.admin", "a long admin password", Role::Admin)
        .await
        .unwrap();
    assert_eq!(admin.role, Role::Admin);
    let again = users::create(&pool, "root.admin", "another long password", Role::Viewer).await;
    assert!(matches!(again, Err(AuthError::NameTaken(_))));
    assert!(matches!(
        users::create(&pool, "bad name", "a long enough password", Role::Viewer).await,
        Err(AuthError::InvalidName(_))
    ));

    assert_eq!(
        users::authenticate(&pool, "root.admin", "a long admin password")
            .await
            .unwrap()
            .map(|u| u.id),
        Some(admin.id)
    );
    assert!(users::authenticate(&pool, "root.admin", "wrong password!!")
        .await
        .unwrap()
        .is_none());
    assert!(
        users::authenticate(&pool, "nobody", "a long admin password")
            .await
            .unwrap()
            .is_none()
    );

    assert!(matches!(
        users::set_role(&pool, "root.admin", Role::Viewer).await,
        Err(AuthError::LastAdmin(Role::Viewer))
    ));
    assert!(matches!(
        users::remove(&pool, "root.admin").await,
        Err(AuthError::LastAdmin(_))
    ));
    users::create(&pool, "second", "a second admin password", Role::Admin)
        .await
        .unwrap();
    users::set_role(&pool, "root.admin", Role::Operator)
        .await
        .unwrap();
    users::remove(&pool, "root.admin").await.unwrap();
    assert_eq!(users::list(&pool).await.unwrap().len(), 1);

    users::set_password(&pool, "second", "a changed long password")
        .await
        .unwrap();
    assert!(
        users::authenticate(&pool, "second", "a changed long password")
            .await
            .unwrap()
            .is_some()
    );
    let stored: String = sqlx::query_scalar("SELECT password_hash FROM app_user")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains("changed"));
}

#[tokio::test]
async fn the_setup_token_creates_one_admin_once() {
    let pool = db().await;
    let now = Utc::now();
    let token = setup::issue_if_no_admin(&pool, now, &mut OsRng)
        .await
        .unwrap()
        .expect("no admin yet");
    assert!(setup::pending(&pool, now).await.unwrap());
    // A restart replaces the token: the old one stops working.
    let fresh = setup::issue_if_no_admin(&pool, now, &mut OsRng)
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        setup::redeem(&pool, &token, "first", "a long admin password", now).await,
        Err(AuthError::BadSetupToken)
    ));
    // A weak password is refused without using the token up.
    assert!(matches!(
        setup::redeem(&pool, &fresh, "first", "short", now).await,
        Err(AuthError::WeakPassword(_))
    ));
    let admin = setup::redeem(&pool, &fresh, "first", "a long admin password", now)
        .await
        .unwrap();
    assert_eq!(admin.role, Role::Admin);
    assert!(matches!(
        setup::redeem(&pool, &fresh, "second", "a long admin password", now).await,
        Err(AuthError::BadSetupToken)
    ));
    assert!(setup::issue_if_no_admin(&pool, now, &mut OsRng)
        .await
        .unwrap()
        .is_none());
    assert!(!setup::pending(&pool, now).await.unwrap());
}

#[tokio::test]
async fn an_expired_setup_token_is_refused() {
    let pool = db().await;
    let then = Utc::now() - Duration::hours(25);
    let token = setup::issue_if_no_admin(&pool, then, &mut OsRng)
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        setup::redeem(&pool, &token, "first", "a long admin password", Utc::now()).await,
        Err(AuthError::BadSetupToken)
    ));
}

#[tokio::test]
async fn wall_tokens_resolve_until_revoked_or_expired() {
    let pool = db().await;
    let now = Utc::now();
    let scope = Scope {
        clouds: vec!["aliyun".into()],
        ..Scope::default()
    };
    let (created, plain) = wall::TOKENS
        .create(
            &pool,
            "NOC left",
            &scope,
            now + Duration::days(30),
            "admin",
            now,
            &mut OsRng,
        )
        .await
        .unwrap();
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM wall_token")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_ne!(stored, plain, "the token is stored hashed");
    let found = wall::TOKENS
        .resolve(&pool, &plain, now)
        .await
        .unwrap()
        .expect("valid");
    assert_eq!((found.id, found.scope), (created.id, scope));
    assert!(wall::TOKENS
        .resolve(&pool, &plain, now + Duration::days(31))
        .await
        .unwrap()
        .is_none());
    assert!(wall::TOKENS
        .resolve(&pool, "gww_nonsense", now)
        .await
        .unwrap()
        .is_none());
    wall::TOKENS.revoke(&pool, created.id, now).await.unwrap();
    assert!(wall::TOKENS
        .resolve(&pool, &plain, now)
        .await
        .unwrap()
        .is_none());
    assert!(matches!(
        wall::TOKENS
            .create(
                &pool,
                "x",
                &Scope::default(),
                now - Duration::minutes(1),
                "admin",
                now,
                &mut OsRng
            )
            .await,
        Err(AuthError::InvalidExpiry(_))
    ));
    assert!(matches!(
        wall::TOKENS
            .create(
                &pool,
                "  ",
                &Scope::default(),
                now + Duration::days(1),
                "admin",
                now,
                &mut OsRng
            )
            .await,
        Err(AuthError::InvalidTokenName(_))
    ));
}

#[tokio::test]
async fn the_audit_log_filters_and_refuses_changes() {
    let pool = db().await;
    for (action, outcome) in [
        ("login", audit::Outcome::Ok),
        ("login_failed", audit::Outcome::Failed),
    ] {
        audit::append(
            &pool,
            &audit::Entry {
                actor: "alice",
                address: Some("192.0.2.1".into()),
                action,
                target: None,
                outcome,
                detail: serde_json::json!({}),
            },
        )
        .await
        .unwrap();
    }
    let failed = audit::query(
        &pool,
        &audit::Filter {
            outcome: Some("failed".into()),
            limit: 10,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].action, "login_failed");
    assert_eq!(
        audit::actions(&pool).await.unwrap(),
        ["login", "login_failed"]
    );
    let update = sqlx::query("UPDATE audit_log SET actor = 'mallory'")
        .execute(&pool)
        .await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM audit_log").execute(&pool).await;
    assert!(delete.is_err());
}
