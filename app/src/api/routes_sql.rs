//! The Routes page's server side: the filtered, paged route list (SQL over the current route
//! rows; filters are bound parameters), and the conflict report and path trace, which run the
//! `routes` analysis over the inventory built from the store ([`crate::api::inventory`]).

use super::inventory::{self, Built};
use super::routes_page::*;
use crate::error::AppError;
use routes::{Hop, Outcome, Trace};
use serde::Serialize;
use sqlx::{PgPool, Row};

/// The snake_case token serde gives a unit enum variant.
fn token<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub async fn page(pool: &PgPool, query: &RouteQuery) -> Result<RoutePage, AppError> {
    if let Some(s) = query.source.as_deref().filter(|s| !s.is_empty()) {
        if !SOURCES.iter().any(|(t, _)| *t == s) {
            return Err(AppError::InvalidInput(format!(
                "source must be one of {}, not {s:?}",
                SOURCES.map(|(t, _)| t).join(", ")
            )));
        }
    }
    let page = query.page.unwrap_or(1).max(1);
    let blank = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
    let fetched = sqlx::query(
        "SELECT a.cloud, a.name AS account, r.region, coalesce(r.attrs ->> 'table_id', r.parent_id, '') AS tbl, \
                r.attrs ->> 'destination' AS destination, coalesce(r.attrs ->> 'source', 'other') AS source, \
                r.attrs ->> 'next_hop' AS next_hop, r.attrs ->> 'next_hop_type' AS next_hop_type, \
                (r.attrs ->> 'weight')::bigint AS weight, (r.attrs ->> 'published')::boolean AS published, \
                r.state, count(*) OVER () AS total \
         FROM resource_current r JOIN cloud_account a ON a.id = r.account_id \
         WHERE r.kind = 'route' AND a.deleted_at IS NULL \
           AND ($1::text IS NULL OR a.cloud = $1) AND ($2::text IS NULL OR a.name = $2) \
           AND ($3::text IS NULL OR r.region = $3) AND ($4::text IS NULL OR r.attrs ->> 'source' = $4) \
           AND ($5::text IS NULL OR concat_ws(' ', r.attrs ->> 'destination', r.attrs ->> 'table_id', \
                r.attrs ->> 'next_hop') ILIKE '%' || $5 || '%') \
         ORDER BY a.name, r.region, tbl, r.attrs ->> 'destination', r.cloud_id LIMIT $6 OFFSET $7",
    )
    .bind(blank(&query.cloud))
    .bind(blank(&query.account))
    .bind(blank(&query.region))
    .bind(blank(&query.source))
    .bind(blank(&query.dest).map(|q| {
        q.trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    }))
    .bind(PAGE_SIZE)
    .bind((page - 1) * PAGE_SIZE)
    .fetch_all(pool)
    .await?;
    let total = fetched
        .first()
        .map(|r| r.try_get::<i64, _>("total"))
        .transpose()?
        .unwrap_or(0);
    let rows = fetched
        .iter()
        .map(|r| {
            Ok(RouteRow {
                cloud: r.try_get("cloud")?,
                account: r.try_get("account")?,
                region: r.try_get("region")?,
                table: r.try_get("tbl")?,
                destination: r
                    .try_get::<Option<String>, _>("destination")?
                    .unwrap_or_default(),
                source: r.try_get("source")?,
                next_hop: r.try_get("next_hop")?,
                next_hop_type: r.try_get("next_hop_type")?,
                weight: r
                    .try_get::<Option<i64>, _>("weight")?
                    .and_then(|w| u32::try_from(w).ok()),
                published: r.try_get("published")?,
                state: r.try_get("state")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let accounts =
        sqlx::query_scalar("SELECT name FROM cloud_account WHERE deleted_at IS NULL ORDER BY name")
            .fetch_all(pool)
            .await?;
    let regions = sqlx::query_scalar(
        "SELECT DISTINCT region FROM resource_current WHERE kind = 'route' ORDER BY region",
    )
    .fetch_all(pool)
    .await?;
    Ok(RoutePage {
        rows,
        total,
        page,
        pages: ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1),
        accounts,
        regions,
    })
}

/// The conflict report of a built inventory (pure; the findings come sorted worst first).
pub fn report(built: &Built) -> ConflictReport {
    let findings = routes::analyse(&built.inventory)
        .into_iter()
        .map(|f| FindingRow {
            severity: token(&f.severity),
            kind: token(&f.kind),
            message: f.message,
            objects: f.objects,
        })
        .collect();
    ConflictReport {
        findings,
        routes: built.inventory.routes.len(),
        skipped: built
            .skipped
            .0
            .iter()
            .map(|(what, n)| (what.to_string(), *n))
            .collect(),
        vpcs: vpc_choices(&built.inventory),
    }
}

/// Alibaba VPCs with their name and CIDRs, then the Huawei VPCs of gateways, each once.
fn vpc_choices(inv: &routes::Inventory) -> Vec<VpcChoice> {
    let mut out: Vec<VpcChoice> = inv
        .vpcs
        .iter()
        .map(|v| {
            let cidrs: Vec<String> = v.cidrs.iter().map(|c| c.to_string()).collect();
            let name = if v.name.is_empty() { &v.id } else { &v.name };
            VpcChoice {
                id: v.id.clone(),
                label: format!("{name} · {}", cidrs.join(", ")),
            }
        })
        .collect();
    for g in &inv.gateways {
        let Some(vpc) = g.vpc_id.as_deref().filter(|v| !v.is_empty()) else {
            continue;
        };
        if out.iter().any(|c| c.id == vpc) {
            continue;
        }
        let gateway = if g.name.is_empty() { &g.id } else { &g.name };
        out.push(VpcChoice {
            id: vpc.to_owned(),
            label: format!("VPC of gateway {gateway}"),
        });
    }
    out
}

pub async fn conflicts(pool: &PgPool) -> Result<ConflictReport, AppError> {
    Ok(report(&inventory::load(pool).await?))
}

fn hop_row(h: Hop) -> HopRow {
    let why = match &h.matched {
        Some(m) if h.note.is_empty() => m.reason.clone(),
        Some(m) => format!("{} {}", m.reason, h.note),
        None => h.note.clone(),
    };
    HopRow {
        kind: token(&h.kind),
        id: h.id,
        matched: h.matched.map(|m| m.destination.to_string()),
        why,
    }
}

fn outcome_sentence(o: &Outcome) -> (bool, String) {
    match o {
        Outcome::Delivered { at } => (true, format!("Delivered at {at}.")),
        Outcome::NoRoute { table } => (false, format!("No route matches in {table}: dropped.")),
        Outcome::Blackhole { route } => (false, format!("Dropped by blackhole route {route}.")),
        Outcome::Loop { table } => (false, format!("Routing loop: {table} visited twice.")),
        Outcome::HopLimit => (false, "Too many table hops: stopped.".to_owned()),
        Outcome::NextHopDown { connections } => (
            false,
            format!("Every tunnel is down on {}.", connections.join(", ")),
        ),
        Outcome::Unresolved { id } => (false, format!("{id} is not in the inventory.")),
    }
}

/// The trace as the page shows it.
pub fn trace_result(t: Trace) -> TraceResult {
    let (delivered, outcome) = outcome_sentence(&t.outcome);
    TraceResult {
        ip: t.query.destination.to_string(),
        vpc: t.query.from_vpc,
        hops: t.hops.into_iter().map(hop_row).collect(),
        delivered,
        outcome,
    }
}

/// Which path carries `ip` (starting in `vpc` when given). A bad address is `InvalidInput`
/// naming the field `ip`.
pub async fn trace(pool: &PgPool, ip: &str, vpc: Option<&str>) -> Result<TraceResult, AppError> {
    let addr = routes::parse_ip("ip", ip).map_err(|e| AppError::InvalidInput(e.to_string()))?;
    let vpc = vpc.map(str::trim).filter(|v| !v.is_empty());
    let built = inventory::load(pool).await?;
    Ok(trace_result(routes::trace(&built.inventory, addr, vpc)))
}
