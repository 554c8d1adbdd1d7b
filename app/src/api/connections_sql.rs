//! The connections query (server only). Filters are bound parameters and only the filters in
//! use appear in the SQL (so each combination gets a plan that fits it); the sort order comes
//! from a fixed list, never from the request text.
//!
//! Speed on a 10,000-connection estate (scripts/bench-ssr.sh): a page reads its 50 rows by
//! walking an index in the page's order (migration 20261125000060) and stops there; the
//! total, the account list and the region list, which need every row, are cached until the
//! store changes (see `totals`). A text search, which must read every connection anyway,
//! counts its matches in the pass that finds its page.

mod filter;
mod totals;

pub use filter::STATES;
use filter::{filter, Filter};

use super::connections::*;
use crate::api::snapshot_cache::SnapshotCache;
use crate::error::AppError;
use sqlx::types::Json;
use sqlx::{PgPool, Row};

/// Each sort is written exactly as an index of migration 20261125000060 (except account and
/// region, which sort by the account's name from another table), so PostgreSQL reads the
/// first page straight off the index.
fn order_by(sort: Option<&str>) -> &'static str {
    match sort {
        Some("name") => "coalesce(c.name, c.cloud_id), c.cloud_id",
        Some("account") => "a.name, c.region, coalesce(c.name, c.cloud_id)",
        Some("region") => "c.region, a.name, coalesce(c.name, c.cloud_id)",
        Some("since") => "c.state_since DESC, c.cloud_id",
        // Worst first: down, partial, pending/unknown, up; longest-broken first within a state.
        _ => {
            "CASE c.state WHEN 'down' THEN 0 WHEN 'partial' THEN 1 WHEN 'up' THEN 3 ELSE 2 END, \
              c.state_since, c.cloud_id"
        }
    }
}

/// A connection and its account.
const ACCOUNT_FROM: &str = "FROM resource_current c JOIN cloud_account a ON a.id = c.account_id";

/// A connection's customer gateway, when the cloud reports one.
const CUSTOMER_GATEWAY_JOIN: &str =
    "LEFT JOIN resource_current cg ON cg.kind = 'customer_gateway' \
     AND cg.account_id = c.account_id AND cg.region = c.region \
     AND cg.cloud_id = c.attrs ->> 'customer_gateway_id'";

/// Rows matching `query`, in its order (all of them when `limit` is None: the CSV export).
pub async fn rows(
    pool: &PgPool,
    query: &ConnectionQuery,
    limit: Option<i64>,
) -> Result<Vec<ConnectionRow>, AppError> {
    Ok(select(pool, query, &filter(query)?, limit).await?.0)
}

/// The rows of one page and, for a text search, how many match in all (None otherwise, and
/// when the page is past the last match).
///
/// Two steps in one statement: the page's keys in order, from the narrowest join the filter
/// allows, then the details (customer gateway, tunnels) for those keys only. A page deep in
/// the list (`OFFSET` 1,700) then reads 1,750 keys rather than 1,750 rows joined with their
/// customer gateways: 66 ms became 18 on 10,000 connections. A text search reads every
/// connection whatever the page, so it counts them in the same pass instead of a second one
/// (a new search term cost its first viewers 130-200 ms, half of it counting).
async fn select(
    pool: &PgPool,
    query: &ConnectionQuery,
    filter: &Filter,
    limit: Option<i64>,
) -> Result<(Vec<ConnectionRow>, Option<i64>), AppError> {
    let page = query.page.unwrap_or(1).max(1);
    let n = filter.values.len();
    let order = order_by(query.sort.as_deref());
    let total = match filter.uses_text {
        true => "count(*) OVER ()",
        false => "NULL::bigint",
    };
    // The account is always joined: it is shown, and sorted by.
    let from = filter.from(true);
    // row_number() over the page's order streams off the order's index and stops at the
    // LIMIT; the tunnel sub-select runs for the page's rows only.
    let sql = format!(
        "WITH page AS MATERIALIZED (SELECT c.account_id, c.region, c.cloud_id, a.cloud, \
           a.name AS account, row_number() OVER (ORDER BY {order}) AS position, {total} AS total \
           {from} {} ORDER BY {order} LIMIT ${} OFFSET ${}) \
         SELECT p.cloud, p.account, c.region, c.cloud_id, c.name, c.state, c.reason, c.state_since, \
           cg.name AS cg_name, cg.attrs ->> 'ip_address' AS cg_ip, cg.site_key, p.total, \
           coalesce((SELECT json_agg(json_build_object('id', t.cloud_id, 'role', t.attrs ->> 'role', \
               'state', t.state, 'ike', t.facets -> 'ike' ->> 'state', 'ipsec', t.facets -> 'ipsec' ->> 'state', \
               'health', t.facets -> 'health' ->> 'state', 'bgp', t.facets -> 'bgp' ->> 'state', \
               'reason', t.reason, 'since', t.state_since) ORDER BY t.cloud_id) \
             FROM resource_current t WHERE t.kind = 'tunnel' AND t.account_id = c.account_id \
               AND t.region = c.region AND t.parent_id = c.cloud_id), '[]'::json) AS tunnels \
         FROM page p JOIN resource c ON c.account_id = p.account_id AND c.region = p.region \
           AND c.kind = 'connection' AND c.cloud_id = p.cloud_id \
         {CUSTOMER_GATEWAY_JOIN} ORDER BY p.position",
        filter.sql,
        n + 1,
        n + 2
    );
    let mut statement = sqlx::query(&sql);
    for v in &filter.values {
        statement = statement.bind(v);
    }
    let fetched = statement
        .bind(limit)
        .bind(limit.map(|l| (page - 1) * l).unwrap_or(0))
        .fetch_all(pool)
        .await?;
    let total = match fetched.first() {
        Some(r) => r.try_get("total")?,
        None => None,
    };
    let rows = fetched
        .iter()
        .map(|r| {
            let Json(tunnels): Json<Vec<TunnelCell>> = r.try_get("tunnels")?;
            let cg_name: Option<String> = r.try_get("cg_name")?;
            let cg_ip: Option<String> = r.try_get("cg_ip")?;
            Ok(ConnectionRow {
                cloud: r.try_get("cloud")?,
                account: r.try_get("account")?,
                region: r.try_get("region")?,
                id: r.try_get("cloud_id")?,
                name: r.try_get("name")?,
                state: r.try_get("state")?,
                reason: r.try_get("reason")?,
                since: r.try_get("state_since")?,
                customer_gateway: match (&cg_name, cg_ip) {
                    (Some(n), Some(ip)) => Some(format!("{n} ({ip})")),
                    (n, ip) => n.clone().or(ip),
                },
                site: cg_name,
                tunnels,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok((rows, total))
}

/// Pages already answered while the store shows the same connections, tunnels, customer
/// gateways and accounts (see `snapshot_cache`, `store_version`): between two syncs every
/// screen asks for the same few pages.
static PAGES: SnapshotCache<ConnectionQuery, ConnectionPage> = SnapshotCache::new(256);

/// Everything a page of connections is made of.
const PAGE_KINDS: [&str; 3] = ["connection", "tunnel", "customer_gateway"];

pub async fn page(pool: &PgPool, query: &ConnectionQuery) -> Result<ConnectionPage, AppError> {
    let version = || crate::api::store_version::of_kinds(pool, &PAGE_KINDS);
    PAGES
        .get_or_load_at(version, query.clone(), load_page(pool, query))
        .await
}

async fn load_page(pool: &PgPool, query: &ConnectionQuery) -> Result<ConnectionPage, AppError> {
    let filter = filter(query)?;
    let (rows, counted) = select(pool, query, &filter, Some(PAGE_SIZE)).await?;
    let totals = totals::for_filter(pool, &filter, counted).await?;
    Ok(ConnectionPage {
        rows,
        total: totals.count,
        page: query.page.unwrap_or(1).max(1),
        pages: ((totals.count + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        accounts: totals.accounts,
        regions: totals.regions,
    })
}
/// The filtered set as CSV (every row, not one page), for spreadsheets and tickets.
pub async fn csv(pool: &PgPool, query: &ConnectionQuery) -> Result<String, AppError> {
    let rows = rows(pool, query, None).await?;
    let mut out = String::from("cloud,account,region,connection_id,name,state,since,customer_gateway,tunnel1_state,tunnel1_ike,tunnel1_ipsec,tunnel1_bgp,tunnel2_state,tunnel2_ike,tunnel2_ipsec,tunnel2_bgp,reason\n");
    for r in rows {
        let t = |i: usize, f: fn(&TunnelCell) -> Option<String>| {
            r.tunnels.get(i).and_then(f).unwrap_or_default()
        };
        let fields = [
            r.cloud.clone(),
            r.account.clone(),
            r.region.clone(),
            r.id.clone(),
            r.name.clone().unwrap_or_default(),
            r.state.clone(),
            r.since.to_rfc3339(),
            r.customer_gateway.clone().unwrap_or_default(),
            t(0, |c| Some(c.state.clone())),
            t(0, |c| c.ike.clone()),
            t(0, |c| c.ipsec.clone()),
            t(0, |c| c.bgp.clone()),
            t(1, |c| Some(c.state.clone())),
            t(1, |c| c.ike.clone()),
            t(1, |c| c.ipsec.clone()),
            t(1, |c| c.bgp.clone()),
            r.reason.clone().unwrap_or_default(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    Ok(out)
}

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// never runs a cloud-supplied name as a formula.
pub(crate) fn csv_field(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@']) {
        format!("'{v}")
    } else {
        v.to_string()
    };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=cmd()"), "'=cmd()");
    }
}
