//! What the connections page needs from every matching row, not just the page's: the total
//! of a filter, the account list and the region list. Counting 10,000 rows on each page view
//! was most of the page's cost, yet these only change when a sync commits connections or
//! customer gateways, or an account changes. So they are kept per filter and thrown away as
//! soon as the store's version (one cheap query on the small bookkeeping tables) moves on,
//! which also keeps several servers sharing one database exact.

use super::{Filter, FROM};
use crate::error::AppError;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Mutex;

/// Filters remembered per store version; a long tail of one-off searches is dropped whole
/// rather than let grow.
const MAX_FILTERS: usize = 512;

/// The kinds the total and the lists are made of.
const KINDS: [&str; 2] = ["connection", "customer_gateway"];

struct Cached {
    version: String,
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
    let version = crate::api::store_version::of_kinds(pool, &KINDS).await?;
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
