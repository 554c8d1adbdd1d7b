//! The prefix counts of one region's present BGP sessions, as the `bgp_session_prefix_count`
//! view defines them, computed from one read of the region's rows.
//!
//! Sampling runs after every sessions or routes write of a sync. Asking the view (or any join
//! over `resource_current`) for one region cost 25 ms of planning, and on a first sync, when
//! the tables grow from empty faster than autovacuum analyses them, the planner's one-row
//! estimates turned its joins into nested loops that took seconds per region. One index read
//! of the region's sessions, what they run over, and its BGP routes has no join to misplan;
//! the matching below is the view's, term for term (a test holds the two equal).

use crate::Result;
use sqlx::{PgPool, Row};
use std::collections::HashMap;
use uuid::Uuid;

/// (session id, advertised, learned) of every present BGP session of (account, region).
pub(super) async fn region_counts(
    pool: &PgPool,
    account_id: Uuid,
    region: &str,
) -> Result<Vec<(String, i64, i64)>> {
    let rows = sqlx::query(
        "SELECT kind, cloud_id, parent_id, attrs ->> 'over_id' AS over_id, \
           CASE WHEN kind = 'bgp_session' THEN \
             coalesce(jsonb_array_length(attrs -> 'advertised'), 0) END::bigint AS own_advertised, \
           CASE WHEN kind = 'bgp_session' THEN \
             greatest(coalesce(jsonb_array_length(attrs -> 'learned'), 0), \
               coalesce((attrs ->> 'received_count')::bigint, 0)) END::bigint AS own_learned, \
           attrs ->> 'source' AS source, attrs ->> 'next_hop' AS next_hop, \
           attrs ->> 'table_id' AS table_id \
         FROM resource_current WHERE account_id = $1 AND region = $2 \
           AND (kind IN ('bgp_session', 'tunnel', 'connection', 'vbr') \
             OR (kind = 'route' AND attrs ->> 'source' IN ('bgp_learned', 'bgp_network')))",
    )
    .bind(account_id)
    .bind(region)
    .fetch_all(pool)
    .await?;
    let mut sessions = Vec::new();
    // Parents of what a session may run over, per cloud id (one entry per row: the view's
    // left join yields a row for each, and counts each).
    let mut parents: HashMap<String, Vec<Option<String>>> = HashMap::new();
    let mut routes = Vec::new();
    for r in &rows {
        let kind: String = r.try_get("kind")?;
        match kind.as_str() {
            "bgp_session" => sessions.push(Session {
                id: r.try_get("cloud_id")?,
                over: r.try_get("over_id")?,
                advertised: r.try_get("own_advertised")?,
                learned: r.try_get("own_learned")?,
            }),
            "route" => routes.push(BgpRoute {
                network: r.try_get::<Option<String>, _>("source")?.as_deref()
                    == Some("bgp_network"),
                next_hop: r.try_get("next_hop")?,
                table: r.try_get("table_id")?,
            }),
            _ => parents
                .entry(r.try_get("cloud_id")?)
                .or_default()
                .push(r.try_get("parent_id")?),
        }
    }
    let none = vec![None];
    Ok(sessions
        .into_iter()
        .map(|s| {
            let mut advertised = 0;
            let mut learned = 0;
            let over_rows = s
                .over
                .as_ref()
                .and_then(|o| parents.get(o))
                .unwrap_or(&none);
            for parent in over_rows {
                for r in routes.iter().filter(|r| r.matches(&s.over, parent)) {
                    *(if r.network {
                        &mut advertised
                    } else {
                        &mut learned
                    }) += 1;
                }
            }
            (s.id, s.advertised.max(advertised), s.learned.max(learned))
        })
        .collect())
}

struct Session {
    id: String,
    over: Option<String>,
    /// What the session reports itself (its prefix lists, or a bare received count).
    advertised: i64,
    learned: i64,
}

/// A route learned over BGP, or a network advertised into it.
struct BgpRoute {
    network: bool,
    next_hop: Option<String>,
    table: Option<String>,
}

impl BgpRoute {
    /// The view's join condition, with SQL's rule that a comparison with NULL is not true.
    fn matches(&self, over: &Option<String>, parent: &Option<String>) -> bool {
        let eq = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
        if self.network {
            eq(&self.table, over) || eq(&self.table, parent)
        } else {
            eq(&self.next_hop, over)
                || eq(&self.next_hop, parent)
                || (self.next_hop.is_none() && eq(&self.table, over))
        }
    }
}
