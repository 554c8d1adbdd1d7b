//! Sync settings an admin edits at run time: the hot and cold intervals, the history retention
//! and per-API call budgets. The configuration file's values stay the defaults: a field left
//! empty is stored as NULL and means "the file's value". Input is checked against the values
//! that would take effect, so the error names the field that is wrong.

use crate::{Error, Result};
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Row};

/// Shortest hot interval: below this the clouds' quotas would be spent on state polls alone.
pub const MIN_HOT_SECS: i64 = 5;
/// Longest interval of either kind (a week): beyond that the data is not "monitored" any more.
pub const MAX_INTERVAL_SECS: i64 = 7 * 24 * 3600;
/// Longest retention (ten years).
pub const MAX_RETENTION_DAYS: i64 = 3650;
/// Largest budget for one API (calls per minute); the clouds publish at most a few hundred.
pub const MAX_CALLS_PER_MINUTE: i64 = 100_000;

/// The configuration file's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    pub hot_interval_secs: i64,
    pub cold_interval_secs: i64,
    pub history_retention_days: i64,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            hot_interval_secs: 30,
            cold_interval_secs: 600,
            history_retention_days: 90,
        }
    }
}

/// What an admin set (`None`: the default applies). Also the input of [`save`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overrides {
    pub hot_interval_secs: Option<i64>,
    pub cold_interval_secs: Option<i64>,
    pub history_retention_days: Option<i64>,
}

impl Overrides {
    /// The values in force: each override, else its default.
    pub fn effective(&self, d: &Defaults) -> Defaults {
        Defaults {
            hot_interval_secs: self.hot_interval_secs.unwrap_or(d.hot_interval_secs),
            cold_interval_secs: self.cold_interval_secs.unwrap_or(d.cold_interval_secs),
            history_retention_days: self
                .history_retention_days
                .unwrap_or(d.history_retention_days),
        }
    }

    /// Checks the values that would take effect; the error names the first bad field.
    pub fn validate(&self, d: &Defaults) -> Result<Defaults> {
        let e = self.effective(d);
        if !(MIN_HOT_SECS..=MAX_INTERVAL_SECS).contains(&e.hot_interval_secs) {
            return Err(Error::invalid(
                "hot_interval_secs",
                format!(
                    "must be between {MIN_HOT_SECS} and {MAX_INTERVAL_SECS} seconds, not {}",
                    e.hot_interval_secs
                ),
            ));
        }
        if e.cold_interval_secs < e.hot_interval_secs || e.cold_interval_secs > MAX_INTERVAL_SECS {
            return Err(Error::invalid(
                "cold_interval_secs",
                format!(
                    "must be at least the hot interval ({} s) and at most {MAX_INTERVAL_SECS} s, not {}",
                    e.hot_interval_secs, e.cold_interval_secs
                ),
            ));
        }
        if !(1..=MAX_RETENTION_DAYS).contains(&e.history_retention_days) {
            return Err(Error::invalid(
                "history_retention_days",
                format!(
                    "must be between 1 and {MAX_RETENTION_DAYS} days, not {}",
                    e.history_retention_days
                ),
            ));
        }
        Ok(e)
    }
}

/// The stored overrides and who last changed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    pub overrides: Overrides,
    pub updated_at: Option<DateTime<Utc>>,
    pub updated_by: Option<String>,
}

/// The stored overrides (none when no admin ever saved any).
pub async fn load(pool: &PgPool) -> Result<Stored> {
    let row = sqlx::query(
        "SELECT hot_interval_secs, cold_interval_secs, history_retention_days, updated_at, \
         updated_by FROM sync_setting",
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Ok(Stored::default());
    };
    let int =
        |c: &str| -> Result<Option<i64>> { Ok(row.try_get::<Option<i32>, _>(c)?.map(i64::from)) };
    Ok(Stored {
        overrides: Overrides {
            hot_interval_secs: int("hot_interval_secs")?,
            cold_interval_secs: int("cold_interval_secs")?,
            history_retention_days: int("history_retention_days")?,
        },
        updated_at: Some(row.try_get("updated_at")?),
        updated_by: Some(row.try_get("updated_by")?),
    })
}

/// Validates against `defaults`, then stores the overrides (replacing the previous ones).
pub async fn save(
    pool: &PgPool,
    overrides: Overrides,
    defaults: &Defaults,
    actor: &str,
) -> Result<Stored> {
    overrides.validate(defaults)?;
    // Validated above, so each value fits an i32.
    let narrow = |v: Option<i64>| v.map(|v| v as i32);
    sqlx::query(
        "INSERT INTO sync_setting (singleton, hot_interval_secs, cold_interval_secs, \
           history_retention_days, updated_by) VALUES (true, $1, $2, $3, $4) \
         ON CONFLICT (singleton) DO UPDATE SET hot_interval_secs = $1, cold_interval_secs = $2, \
           history_retention_days = $3, updated_by = $4, updated_at = now()",
    )
    .bind(narrow(overrides.hot_interval_secs))
    .bind(narrow(overrides.cold_interval_secs))
    .bind(narrow(overrides.history_retention_days))
    .bind(actor)
    .execute(pool)
    .await?;
    tracing::info!(?overrides, actor, "sync settings saved");
    load(pool).await
}

#[path = "sync_budgets.rs"]
mod budgets;
pub use budgets::{list_budgets, remove_budget, set_budget, BudgetOverride};

#[cfg(test)]
mod tests {
    use super::*;

    fn field(r: Result<Defaults>) -> &'static str {
        match r {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn validation_names_the_field_and_uses_defaults_for_blanks() {
        let d = Defaults::default();
        let o = |hot, cold, days| Overrides {
            hot_interval_secs: hot,
            cold_interval_secs: cold,
            history_retention_days: days,
        };
        assert_eq!(
            field(o(Some(4), None, None).validate(&d)),
            "hot_interval_secs"
        );
        // A cold interval below the (default) hot one.
        assert_eq!(
            field(o(None, Some(20), None).validate(&d)),
            "cold_interval_secs"
        );
        // A hot interval above the (default) cold one.
        assert_eq!(
            field(o(Some(900), None, None).validate(&d)),
            "cold_interval_secs"
        );
        assert_eq!(
            field(o(None, None, Some(0)).validate(&d)),
            "history_retention_days"
        );
        let ok = o(Some(5), Some(5), Some(1)).validate(&d).unwrap();
        assert_eq!((ok.hot_interval_secs, ok.cold_interval_secs), (5, 5));
        assert_eq!(o(None, None, None).validate(&d).unwrap(), d);
    }
}
