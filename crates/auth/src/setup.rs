//! The first admin. gatewatch never ships a default password: while no admin exists, each
//! start issues a fresh one-time setup token (printed on the console, stored hashed, valid for
//! a day); redeeming it creates the admin and deletes the token. `gatewatch user add --admin`
//! is the other way in.

use crate::{token, users, AuthError, Role};
use chrono::{DateTime, Duration, Utc};
use rand::RngCore;
use sqlx::PgPool;

pub const PREFIX: &str = "gws";

/// A new setup token when no admin exists (replacing any earlier one), else `None`.
pub async fn issue_if_no_admin(
    pool: &PgPool,
    now: DateTime<Utc>,
    rng: &mut impl RngCore,
) -> Result<Option<String>, AuthError> {
    if users::admin_exists(pool).await? {
        sqlx::query("DELETE FROM setup_token").execute(pool).await?;
        return Ok(None);
    }
    let (plain, hash) = token::generate(PREFIX, rng);
    sqlx::query(
        "INSERT INTO setup_token (token_hash, expires_at) VALUES ($1, $2)
         ON CONFLICT (singleton) DO UPDATE SET token_hash = EXCLUDED.token_hash,
                                               expires_at = EXCLUDED.expires_at",
    )
    .bind(hash)
    .bind(now + Duration::hours(24))
    .execute(pool)
    .await?;
    Ok(Some(plain))
}

/// Whether the setup page should be offered at all.
pub async fn pending(pool: &PgPool, now: DateTime<Utc>) -> Result<bool, AuthError> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM setup_token WHERE expires_at > $1)")
            .bind(now)
            .fetch_one(pool)
            .await?,
    )
}

/// Until when a setup token is valid (the latest expiry of any unredeemed one), or None.
/// Unlike [`pending`] this does not depend on the time of asking, so it can be cached for as
/// long as the table does not change.
pub async fn valid_until(pool: &PgPool) -> Result<Option<DateTime<Utc>>, AuthError> {
    Ok(
        sqlx::query_scalar("SELECT max(expires_at) FROM setup_token")
            .fetch_one(pool)
            .await?,
    )
}

/// Creates the first admin with the token; the token works once.
pub async fn redeem(
    pool: &PgPool,
    plain: &str,
    name: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<users::User, AuthError> {
    users::check_name(name)?;
    crate::password::check_strength(password)?;
    if !token::well_formed(PREFIX, plain) {
        return Err(AuthError::BadSetupToken);
    }
    let mut tx = pool.begin().await?;
    let stored: Option<(String, DateTime<Utc>)> =
        sqlx::query_as("SELECT token_hash, expires_at FROM setup_token FOR UPDATE")
            .fetch_optional(&mut *tx)
            .await?;
    match stored {
        Some((hash, expires)) if hash == token::digest(plain) && expires > now => {}
        _ => return Err(AuthError::BadSetupToken),
    }
    let admins: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'admin')")
            .fetch_one(&mut *tx)
            .await?;
    if admins {
        return Err(AuthError::AdminExists);
    }
    // The admin and the token's removal commit together: a failure keeps the token usable.
    let admin = users::insert(&mut tx, name, password, Role::Admin).await?;
    sqlx::query("DELETE FROM setup_token")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(admin)
}
