//! What the connections page needs from every matching row, not just the page's: the total
//! of a filter, the account list and the region list. Counting 10,000 rows on each page view
//! was most of the page's cost, yet these only change when a sync commits connections or
//! customer gateways, or an account changes. So they are kept per filter and thrown away as
//! soon as the store's version (one cheap query on the small bookkeeping tables) moves on,
//! which also keeps several servers sharing one database exact.

use super::Filter;
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

/// Per kind of version: [0] the store's full version (any commit of connections or customer
/// gateways), [1] its membership version (a connection added or gone), for the filters that
/// only depend on which connections exist. A hot sync commits connections every 30 s and
/// moves only the first: counting 10,000 rows again after each commit was 65-110 ms that 32
/// waiting clients saw as their page's latency.
static CACHES: [Mutex<Option<Cached>>; 2] = [Mutex::new(None), Mutex::new(None)];

pub struct Totals {
    pub count: i64,
    pub accounts: Vec<String>,
    pub regions: Vec<String>,
}

/// The totals of `filter`; `counted` is its count when the caller already has it (a text
/// search's page query counts its matches in the same pass, as a second query would).
pub async fn for_filter(
    pool: &PgPool,
    filter: &Filter,
    counted: Option<i64>,
) -> Result<Totals, AppError> {
    let version = match filter.by_membership {
        true => crate::api::store_version::membership_of_kinds(pool, &KINDS).await?,
        false => crate::api::store_version::of_kinds(pool, &KINDS).await?,
    };
    let cache_of_kind = &CACHES[usize::from(filter.by_membership)];
    let key = (filter.sql.clone(), filter.values.clone());
    let lists = {
        let cache = cache_of_kind.lock().unwrap_or_else(|e| e.into_inner());
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
                // Per (account, region) snapshot, one index probe for "holds a connection",
                // rather than every connection row (125 ms under load on 10,000).
                "SELECT DISTINCT g.region FROM sync_generation g \
                 WHERE g.kind = 'connection' AND EXISTS (SELECT 1 FROM resource r \
                   WHERE r.account_id = g.account_id AND r.region = g.region \
                     AND r.kind = 'connection' AND r.gone_at IS NULL) \
                 ORDER BY g.region",
            )
            .fetch_all(pool)
            .await?,
        ),
    };
    // A count handed in was taken in the caller's own snapshot, which may predate `version`:
    // it answers this page but is not kept under `version`.
    let (count, keep) = match counted {
        Some(count) => (count, false),
        None => (count(pool, filter).await?, true),
    };
    let mut cache = cache_of_kind.lock().unwrap_or_else(|e| e.into_inner());
    let fresh = cache.as_ref().is_some_and(|c| c.version == version);
    if !fresh {
        *cache = Some(Cached {
            version,
            accounts: accounts.clone(),
            regions: regions.clone(),
            counts: HashMap::new(),
        });
    }
    if let Some(c) = cache.as_mut().filter(|_| keep) {
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

/// Only the joins the filter needs: the full FROM made the plain total a 65-145 ms query on
/// 10,000 connections (a nested loop over the accounts per connection), which every sync
/// commit of connections made the page wait for again.
async fn count(pool: &PgPool, filter: &Filter) -> Result<i64, AppError> {
    let sql = format!("SELECT count(*) {} {}", filter.from(false), filter.sql);
    let mut statement = sqlx::query_scalar::<_, i64>(&sql);
    for v in &filter.values {
        statement = statement.bind(v);
    }
    Ok(statement.fetch_one(pool).await?)
}
