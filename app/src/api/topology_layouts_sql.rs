//! Named topology layouts in PostgreSQL (server only). A session sees the shared layouts
//! (owner NULL) and its own user's; it may replace or delete those, never another user's.

use super::topology_layouts::{ssr::check_pin, Pins, SavedLayout, MAX_PINS};
use crate::error::AppError;
use sqlx::{PgPool, Row};
use uuid::Uuid;

/// A layout name: trimmed, 1 to 80 characters, no control characters.
pub fn check_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > 80 {
        return Err(AppError::InvalidInput(format!(
            "layout name: 1 to 80 characters, got {chars}"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(AppError::InvalidInput(
            "layout name: control characters are not allowed".into(),
        ));
    }
    Ok(name.to_string())
}

fn saved(r: &sqlx::postgres::PgRow) -> Result<SavedLayout, sqlx::Error> {
    let owner: Option<Uuid> = r.try_get("owner")?;
    Ok(SavedLayout {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        shared: owner.is_none(),
        pins: r.try_get::<i32, _>("pins")? as usize,
        updated_at: r.try_get("updated_at")?,
    })
}

const COLS: &str =
    "id, name, owner, (SELECT count(*) FROM jsonb_object_keys(pins))::int AS pins, updated_at";

/// Shared layouts and `owner`'s, by name (shared first on a tie).
pub async fn list(pool: &PgPool, owner: Option<Uuid>) -> Result<Vec<SavedLayout>, AppError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLS} FROM topology_layout WHERE owner IS NULL OR owner = $1 \
         ORDER BY lower(name), owner NULLS FIRST"
    ))
    .bind(owner)
    .fetch_all(pool)
    .await?;
    Ok(rows.iter().map(saved).collect::<Result<_, _>>()?)
}

/// Saves `pins` as `name` for `owner` (None = shared), replacing that owner's layout of the
/// same name.
pub async fn save(
    pool: &PgPool,
    owner: Option<Uuid>,
    name: &str,
    pins: &Pins,
) -> Result<SavedLayout, AppError> {
    let name = check_name(name)?;
    check_pins(pins)?;
    let json = serde_json::to_value(pins).map_err(|_| AppError::Internal)?;
    let row = sqlx::query(&format!(
        "INSERT INTO topology_layout (name, owner, pins) VALUES ($1, $2, $3) \
         ON CONFLICT (owner, name) DO UPDATE SET pins = EXCLUDED.pins, updated_at = now() \
         RETURNING {COLS}"
    ))
    .bind(&name)
    .bind(owner)
    .bind(json)
    .fetch_one(pool)
    .await?;
    Ok(saved(&row)?)
}

/// The pins of layout `id`, if `owner` may see it.
pub async fn load(pool: &PgPool, owner: Option<Uuid>, id: Uuid) -> Result<Pins, AppError> {
    let pins: Option<serde_json::Value> = sqlx::query_scalar(
        "SELECT pins FROM topology_layout WHERE id = $1 AND (owner IS NULL OR owner = $2)",
    )
    .bind(id)
    .bind(owner)
    .fetch_optional(pool)
    .await?;
    let pins = pins.ok_or_else(|| AppError::NotFound(format!("layout {id}")))?;
    let pins: Pins = serde_json::from_value(pins).map_err(|e| {
        tracing::error!(error = %e, %id, "stored layout is not a pin map");
        AppError::Internal
    })?;
    Ok(pins)
}

/// Deletes layout `id` if `owner` may see it.
pub async fn delete(pool: &PgPool, owner: Option<Uuid>, id: Uuid) -> Result<(), AppError> {
    let done =
        sqlx::query("DELETE FROM topology_layout WHERE id = $1 AND (owner IS NULL OR owner = $2)")
            .bind(id)
            .bind(owner)
            .execute(pool)
            .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound(format!("layout {id}")));
    }
    Ok(())
}

fn check_pins(pins: &Pins) -> Result<(), AppError> {
    if pins.len() > MAX_PINS {
        return Err(AppError::InvalidInput(format!(
            "pins: at most {MAX_PINS}, got {}",
            pins.len()
        )));
    }
    pins.iter()
        .try_for_each(|(id, [x, y])| check_pin(id, *x, *y))
}
