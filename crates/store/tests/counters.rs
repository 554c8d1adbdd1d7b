//! Running counters against a real PostgreSQL: a Huawei BGP session whose message counts and
//! uptime moved, and nothing else, is not rewritten on every poll; its counters are rewritten
//! once due, or with the next real change.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{db, keys, new_account, t};
use serde_json::{json, Value};
use sqlx::PgPool;
use store::counters::REFRESH;
use store::model::{BgpSession, ResourceItem, ResourceKind, ResourceRef, Spec, State, StateValue};
use store::{read, sync_write::apply_snapshot};
use uuid::Uuid;

const REGION: &str = "cn-north-4";

fn session(messages: i64, state: &str) -> ResourceItem {
    let uptime = format!("0d00h{:02}m00s", messages % 60);
    let mut it = ResourceItem::new(
        "vpn-1#1#bgp",
        Spec::BgpSession(BgpSession {
            since: Some(uptime.clone()),
            peer_asn: Some(65010),
            ..BgpSession::default()
        }),
        json!({"state": state, "peer_asn": 65010, "state_duration": uptime,
               "num_message_received": messages, "num_message_sent": messages + 1}),
    );
    let up = if state == "established" {
        State::Up
    } else {
        State::Down
    };
    it.state = StateValue::new(up, Some(state));
    it
}

async fn apply(pool: &PgPool, acc: Uuid, item: ResourceItem, at: DateTime<Utc>) {
    apply_snapshot(pool, acc, REGION, ResourceKind::BgpSession, vec![item], at)
        .await
        .unwrap();
}

/// The stored payload and the row's version (xmin: moves whenever the row is written).
async fn stored(pool: &PgPool, acc: Uuid) -> (Value, String) {
    let raw = read::get_resource(
        pool,
        &ResourceRef {
            account_id: acc,
            region: REGION.into(),
            kind: ResourceKind::BgpSession,
            cloud_id: "vpn-1#1#bgp".into(),
        },
    )
    .await
    .unwrap()
    .unwrap()
    .raw;
    let version = sqlx::query_scalar("SELECT xmin::text FROM resource")
        .fetch_one(pool)
        .await
        .unwrap();
    (raw, version)
}

#[tokio::test]
async fn counters_alone_wait_until_due_and_go_with_the_next_real_change() {
    let pool = db().await;
    let mut new = new_account("hw", "sk-secret");
    new.cloud = "huawei".into();
    new.regions = vec![REGION.into()];
    let acc = store::accounts::create_account(&pool, &keys(9), new)
        .await
        .unwrap()
        .id;
    apply(&pool, acc, session(10, "established"), t(1)).await;
    let (raw, first) = stored(&pool, acc).await;
    assert_eq!(raw["num_message_received"], 10);

    // Polls that bring only new counters leave the row as it is.
    for (i, messages) in [13, 16, 19].into_iter().enumerate() {
        let at = t(1) + Duration::seconds(30 * (i as i64 + 1));
        apply(&pool, acc, session(messages, "established"), at).await;
        assert_eq!(stored(&pool, acc).await, (raw.clone(), first.clone()));
    }

    // A state change writes the row, counters included.
    apply(&pool, acc, session(22, "idle"), t(1) + Duration::minutes(2)).await;
    let (raw, second) = stored(&pool, acc).await;
    assert_ne!(second, first);
    assert_eq!(
        (raw["state"].clone(), raw["num_message_received"].clone()),
        (json!("idle"), json!(22))
    );

    // Counters alone are rewritten once due: at most two refresh periods after the write,
    // without moving what pages of rows are keyed on.
    let content = "SELECT content FROM sync_generation";
    let before: i64 = sqlx::query_scalar(content).fetch_one(&pool).await.unwrap();
    let late = t(1) + Duration::minutes(2) + REFRESH * 2;
    apply(&pool, acc, session(99, "idle"), late).await;
    let (raw, third) = stored(&pool, acc).await;
    assert_ne!(third, second);
    let after: i64 = sqlx::query_scalar(content).fetch_one(&pool).await.unwrap();
    assert_eq!(
        after, before,
        "a counters refresh moved the content version"
    );
    assert_eq!(raw["num_message_received"], 99);
    assert_eq!(raw["state_duration"], "0d00h39m00s");
}
