//! What the connections page needs from every matching row, not just the page's: the total
//! of a filter, the account list and the region list. Counting 10,000 rows on each page view
//! was most of the page's cost, yet these only change when a sync commits connections or
//! customer gateways, or an account changes. So they are kept per filter and thrown away as
//! soon as the store's version (one cheap query on the small bookkeeping tables) moves on,
//! which also keeps several servers sharing one database exact.

use super::{Filter, FROM};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Mutex;

/// Filters remembered per store version; a long tail of one-off searches is dropped whole
/// rather than let grow.
const MAX_FILTERS: usize = 512;

#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
struct StoreVersion {
    /// Two databases (the tests' fresh ones) must never share an entry.
    database: String,
    port: Option<i32>,
    /// Every sync commit bumps one generation, so the sum only ever grows.
    generations: i64,
    committed: Option<DateTime<Utc>>,
    accounts: i64,
    accounts_changed: Option<DateTime<Utc>>,
}

struct Cached {
    version: StoreVersion,
    accounts: Vec<String>,
    regions: Vec<String>,
    counts: HashMap<(String, Vec<String>), i64>,
}

static CACHE: Mutex<Option<Cached>> = Mutex::new(None);

pub struct Totals {
    pub count: i64,
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
}

pub async fn for_filter(pool: &PgPool, filter: &Filter) -> Result<Totals, AppError> {
    let version: StoreVersion = sqlx::query_as(
        "SELECT current_database()::text AS database, inet_server_port() AS port, \
           coalesce(sum(g.generation), 0)::bigint AS generations, max(g.committed_at) AS committed, \
           (SELECT count(*) FROM cloud_account) AS accounts, \
           (SELECT max(updated_at) FROM cloud_account) AS accounts_changed \
         FROM sync_generation g WHERE g.kind IN ('connection', 'customer_gateway')",
    )
    .fetch_one(pool)
    .await?;
    let key = (filter.sql.clone(), filter.values.clone());
    let lists = {
        let cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        match cache.as_ref().filter(|c| c.version == version) {
            Some(c) => {
                if let Some(count) = c.counts.get(&key) {
                    return Ok(Totals {
                        count: *count,
                        accounts: c.accounts.clone(),
                        regions: c.regions.clone(),
                    });
                }
                Some((c.accounts.clone(), c.regions.clone()))
            }
            None => None,
        }
    };
    let (accounts, regions) = match lists {
        Some(lists) => lists,
        None => (
            sqlx::query_scalar(
                "SELECT name FROM cloud_account WHERE deleted_at IS NULL ORDER BY name",
            )
            .fetch_all(pool)
            .await?,
            sqlx::query_scalar(
                "SELECT DISTINCT region FROM resource_current WHERE kind = 'connection' ORDER BY region",
            )
            .fetch_all(pool)
            .await?,
        ),
    };
    let sql = format!("SELECT count(*) {FROM} {}", filter.sql);
    let mut statement = sqlx::query_scalar::<_, i64>(&sql);
    for v in &filter.values {
        statement = statement.bind(v);
    }
    let count = statement.fetch_one(pool).await?;
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    let fresh = cache.as_ref().is_some_and(|c| c.version == version);
    if !fresh {
        *cache = Some(Cached {
            version,
            accounts: accounts.clone(),
            regions: regions.clone(),
            counts: HashMap::new(),
        });
    }
    if let Some(c) = cache.as_mut() {
        if c.counts.len() >= MAX_FILTERS {
            c.counts.clear();
        }
        c.counts.insert(key, count);
    }
    Ok(Totals {
        count,
        accounts,
        regions,
    })
}
