//! Where PostgreSQL's time goes, per statement (`BENCH_STATEMENTS=1`): needs a server started
//! with `shared_preload_libraries=pg_stat_statements` (put a `postgres` wrapper that adds it,
//! next to a copy of `initdb`, first on PATH: pgembed takes the first directory holding both,
//! and follows a linked `initdb` to the real binaries; the wrapper must pass `-V`, `--boot`
//! and `--single` through unchanged, as initdb needs them first).

use sqlx::{PgPool, Row};

pub fn wanted() -> bool {
    std::env::var_os("BENCH_STATEMENTS").is_some()
}

/// Creates the extension and forgets what migrations and setup ran.
pub async fn reset(pool: &PgPool) {
    sqlx::query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        .execute(pool)
        .await
        .expect("pg_stat_statements is preloaded (see statements.rs)");
    sqlx::query("SELECT pg_stat_statements_reset()")
        .execute(pool)
        .await
        .unwrap();
}

/// The statements that took the most planning + execution time since [`reset`].
pub async fn print_top(pool: &PgPool, n: i64) {
    let rows = sqlx::query(
        "SELECT calls, rows, total_plan_time + total_exec_time AS ms, total_plan_time AS plan, \
           left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q \
         FROM pg_stat_statements ORDER BY 3 DESC LIMIT $1",
    )
    .bind(n)
    .fetch_all(pool)
    .await
    .unwrap();
    println!("| calls | rows | ms (plan+exec) | plan ms | statement |\n|---:|---:|---:|---:|---|");
    for r in rows {
        println!(
            "| {} | {} | {:.0} | {:.0} | `{}` |",
            r.get::<i64, _>("calls"),
            r.get::<i64, _>("rows"),
            r.get::<f64, _>("ms"),
            r.get::<f64, _>("plan"),
            r.get::<String, _>("q"),
        );
    }
}

/// Mean stored and textual sizes of the JSON columns of `resource`, per kind: what each
/// synced row costs to send, parse and store.
pub async fn print_row_sizes(pool: &PgPool) {
    let rows = sqlx::query(
        "SELECT kind, count(*) AS n, \
           avg(length(raw::text))::float8 AS raw_text, avg(pg_column_size(raw))::float8 AS raw_stored, \
           avg(length(attrs::text))::float8 AS attrs_text, avg(length(facets::text))::float8 AS facets_text \
         FROM resource GROUP BY kind ORDER BY 2 DESC",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    println!("| kind | rows | raw text | raw stored | attrs text | facets text |\n|---|---:|---:|---:|---:|---:|");
    for r in rows {
        println!(
            "| {} | {} | {:.0} | {:.0} | {:.0} | {:.0} |",
            r.get::<String, _>("kind"),
            r.get::<i64, _>("n"),
            r.get::<f64, _>("raw_text"),
            r.get::<f64, _>("raw_stored"),
            r.get::<f64, _>("attrs_text"),
            r.get::<f64, _>("facets_text"),
        );
    }
}
