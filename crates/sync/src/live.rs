//! The sync settings an admin may change while the engine runs (`store::sync_settings`): the
//! hot and cold intervals and per-API budgets. The engine's [`SyncSettings`] hold the
//! configuration file's values, which stay the defaults.
//!
//! Every server reloads them from PostgreSQL every [`RELOAD_EVERY`] (an admin may save them
//! on any server); the server that saves them reloads at once. When an interval shrinks, the
//! jobs already scheduled further out than the new interval are pulled in, so the change shows
//! within one new interval instead of one old one. When budgets change, the per-(account,
//! region) gates are dropped and rebuilt with the new quotas by the next jobs.
//!
//! [`SyncSettings`]: crate::SyncSettings

use crate::engine::Engine;
use crate::quota::{CloudApi, Quota, Quotas};
use crate::unit::{Cadence, Unit};
use std::collections::BTreeMap;
use std::time::Duration;
use store::sync_settings::Overrides;
use uuid::Uuid;

/// How often a running engine re-reads the settings.
pub const RELOAD_EVERY: Duration = Duration::from_secs(5);

/// Budgets by account (`None`: every account), then API: calls per minute.
pub type Budgets = BTreeMap<Option<Uuid>, BTreeMap<String, u32>>;

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Live {
    pub cadence: Option<Cadence>,
    pub budgets: Budgets,
}

impl Engine {
    /// The hot and cold intervals in force.
    pub fn cadence(&self) -> Cadence {
        self.live_read().cadence.unwrap_or(self.settings.cadence)
    }

    /// The quotas of one account: the configured ones, then every-account budgets, then the
    /// account's own.
    pub(crate) fn quotas_for(&self, account: Uuid) -> Quotas {
        let mut quotas = self.settings.quotas.clone();
        let live = self.live_read();
        for scope in [None, Some(account)] {
            if let Some(apis) = live.budgets.get(&scope) {
                quotas
                    .overrides
                    .extend(apis.iter().map(|(a, c)| (a.clone(), *c)));
            }
        }
        quotas
    }

    /// The quota in force for one API of one account (what its next gate will use).
    pub fn quota_for(&self, account: Uuid, cloud: CloudApi, api: &str) -> Quota {
        self.quotas_for(account).for_api(cloud, api)
    }

    /// Re-reads the settings; returns whether anything changed.
    pub async fn reload_settings(&self) -> Result<bool, store::Error> {
        let stored = store::sync_settings::load(&self.pool).await?;
        let budgets = store::sync_settings::list_budgets(&self.pool).await?;
        let next = Live {
            cadence: Some(cadence(&stored.overrides, self.settings.cadence)),
            budgets: budgets.into_iter().fold(Budgets::new(), |mut m, b| {
                let calls = u32::try_from(b.calls_per_minute).unwrap_or(u32::MAX);
                m.entry(b.account_id).or_default().insert(b.api, calls);
                m
            }),
        };
        let before = self.cadence();
        let previous = self.live_read().clone();
        if previous == next {
            return Ok(false);
        }
        let after = next.cadence.unwrap_or(self.settings.cadence);
        *self.live.write().unwrap_or_else(|p| p.into_inner()) = next.clone();
        if previous.budgets != next.budgets {
            self.gates.lock().unwrap_or_else(|p| p.into_inner()).clear();
        }
        if after != before {
            pull_in(&self.pool, after).await?;
        }
        tracing::info!(hot = ?after.hot, cold = ?after.cold, budgets = next.budgets.values().map(BTreeMap::len).sum::<usize>(), "sync settings in force");
        Ok(true)
    }

    fn live_read(&self) -> std::sync::RwLockReadGuard<'_, Live> {
        // A poisoned lock only means a panic mid-assignment of plain values.
        self.live.read().unwrap_or_else(|p| p.into_inner())
    }
}

fn cadence(o: &Overrides, configured: Cadence) -> Cadence {
    let secs = |v: Option<i64>, d: Duration| v.map_or(d, |s| Duration::from_secs(s.max(1) as u64));
    Cadence {
        hot: secs(o.hot_interval_secs, configured.hot),
        cold: secs(o.cold_interval_secs, configured.cold),
    }
}

/// Jobs due later than one new interval after their last attempt become due then.
async fn pull_in(pool: &sqlx::PgPool, cadence: Cadence) -> Result<(), store::Error> {
    for unit in Unit::ALL {
        let kinds: Vec<&str> = unit.kinds().iter().map(|k| k.as_str()).collect();
        sqlx::query(
            "UPDATE sync_freshness SET next_due_at = COALESCE(last_attempt_at, now()) + $2 \
             WHERE kind = ANY($1) AND next_due_at > COALESCE(last_attempt_at, now()) + $2",
        )
        .bind(&kinds)
        .bind(chrono::Duration::from_std(unit.interval(cadence)).unwrap_or(chrono::Duration::MAX))
        .execute(pool)
        .await
        .map_err(store::Error::from)?;
    }
    Ok(())
}
