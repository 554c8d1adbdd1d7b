//! Local users: create, authenticate, list, change role or password, remove. The last admin can
//! be neither removed nor demoted, so an installation never locks itself out.

use crate::{password, AuthError, Role};
use chrono::{DateTime, Utc};
use rand::rngs::OsRng;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: Uuid,
    pub name: String,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

type UserRow = (Uuid, String, String, DateTime<Utc>);

fn from_row((id, name, role, created_at): UserRow) -> User {
    User {
        id,
        name,
        // The column's CHECK constraint admits only the three names.
        role: role.parse().unwrap_or(Role::Viewer),
        created_at,
    }
}

pub fn check_name(name: &str) -> Result<(), AuthError> {
    let ok = (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'@' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(AuthError::InvalidName(name.chars().take(80).collect()))
    }
}

pub async fn create(pool: &PgPool, name: &str, pass: &str, role: Role) -> Result<User, AuthError> {
    let mut conn = pool.acquire().await?;
    insert(&mut conn, name, pass, role).await
}

/// `create` on a connection the caller controls (the setup token's transaction).
pub(crate) async fn insert(
    conn: &mut sqlx::PgConnection,
    name: &str,
    pass: &str,
    role: Role,
) -> Result<User, AuthError> {
    check_name(name)?;
    let hash = password::hash(pass, &mut OsRng)?;
    let row: Result<UserRow, sqlx::Error> = sqlx::query_as(
        "INSERT INTO app_user (id, name, password_hash, role) VALUES ($1, $2, $3, $4)
         RETURNING id, name, role, created_at",
    )
    .bind(Uuid::new_v4())
    .bind(name)
    .bind(hash)
    .bind(role.as_str())
    .fetch_one(conn)
    .await;
    match row {
        Ok(row) => Ok(from_row(row)),
        Err(sqlx::Error::Database(db)) if db.is_unique_violation() => {
            Err(AuthError::NameTaken(name.into()))
        }
        Err(e) => Err(e.into()),
    }
}

/// The user when name and password match; `None` otherwise (the same time either way).
pub async fn authenticate(
    pool: &PgPool,
    name: &str,
    pass: &str,
) -> Result<Option<User>, AuthError> {
    let row: Option<(Uuid, String, String, DateTime<Utc>, String)> = sqlx::query_as(
        "SELECT id, name, role, created_at, password_hash FROM app_user WHERE name = $1",
    )
    .bind(name)
    .fetch_optional(pool)
    .await?;
    let Some((id, name, role, created_at, hash)) = row else {
        password::verify_nothing(pass);
        return Ok(None);
    };
    Ok(password::verify(&hash, pass).then(|| from_row((id, name, role, created_at))))
}

pub async fn get(pool: &PgPool, id: Uuid) -> Result<Option<User>, AuthError> {
    let row: Option<UserRow> =
        sqlx::query_as("SELECT id, name, role, created_at FROM app_user WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(from_row))
}

pub async fn list(pool: &PgPool) -> Result<Vec<User>, AuthError> {
    let rows: Vec<UserRow> =
        sqlx::query_as("SELECT id, name, role, created_at FROM app_user ORDER BY name")
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

pub async fn admin_exists(pool: &PgPool) -> Result<bool, AuthError> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'admin')")
            .fetch_one(pool)
            .await?,
    )
}

/// Changes a user's role; refuses to demote the last admin. The admin count is read under a
/// lock on the admin rows, so two concurrent demotions cannot both pass.
pub async fn set_role(pool: &PgPool, name: &str, role: Role) -> Result<User, AuthError> {
    let mut tx = pool.begin().await?;
    let admins: Vec<String> =
        sqlx::query_scalar("SELECT name FROM app_user WHERE role = 'admin' FOR UPDATE")
            .fetch_all(&mut *tx)
            .await?;
    if role != Role::Admin && admins.len() == 1 && admins[0] == name {
        return Err(AuthError::LastAdmin(role));
    }
    let row: Option<UserRow> = sqlx::query_as(
        "UPDATE app_user SET role = $2, updated_at = now() WHERE name = $1
         RETURNING id, name, role, created_at",
    )
    .bind(name)
    .bind(role.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let user = row
        .map(from_row)
        .ok_or_else(|| AuthError::UnknownUser(name.into()))?;
    tx.commit().await?;
    Ok(user)
}

pub async fn set_password(pool: &PgPool, name: &str, pass: &str) -> Result<(), AuthError> {
    let hash = password::hash(pass, &mut OsRng)?;
    let done =
        sqlx::query("UPDATE app_user SET password_hash = $2, updated_at = now() WHERE name = $1")
            .bind(name)
            .bind(hash)
            .execute(pool)
            .await?;
    match done.rows_affected() {
        0 => Err(AuthError::UnknownUser(name.into())),
        _ => Ok(()),
    }
}

pub async fn remove(pool: &PgPool, name: &str) -> Result<(), AuthError> {
    let mut tx = pool.begin().await?;
    let admins: Vec<String> =
        sqlx::query_scalar("SELECT name FROM app_user WHERE role = 'admin' FOR UPDATE")
            .fetch_all(&mut *tx)
            .await?;
    if admins.len() == 1 && admins[0] == name {
        return Err(AuthError::LastAdmin(Role::Viewer));
    }
    let done = sqlx::query("DELETE FROM app_user WHERE name = $1")
        .bind(name)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AuthError::UnknownUser(name.into()));
    }
    tx.commit().await?;
    Ok(())
}
