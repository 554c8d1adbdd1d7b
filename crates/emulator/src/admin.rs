//! The emulator's own control API under `/_emulator` — not part of either cloud:
//! * `GET  /_emulator/state` — seed, size, clock, request count, faults, credentials,
//!   calls per action, connection counts and the planted mistakes;
//! * `POST /_emulator/faults` — body `{"rules":[FaultRule…]}` replaces the fault set;
//!   `DELETE /_emulator/faults` clears it;
//! * `POST /_emulator/clock/advance` — body `{"seconds": 90}` moves the simulation clock;
//! * `POST /_emulator/wall-skew` — body `{"seconds": 1000}` moves the emulator's wall clock
//!   (what signature freshness is checked against) away from the host's; `0` puts it back;
//! * `POST /_emulator/quotas/reset` — forgets all quota windows.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::faults::FaultSet;
use crate::server::{lock, Shared};

fn reply(status: StatusCode, v: Value) -> Response {
    (
        status,
        [("content-type", "application/json")],
        v.to_string(),
    )
        .into_response()
}

#[derive(Deserialize)]
struct Advance {
    seconds: f64,
}

#[derive(Deserialize)]
struct Skew {
    seconds: i64,
}

/// Handles `/_emulator{rest}`.
pub async fn handle(state: Arc<Shared>, rest: String, req: Request<Body>) -> Response {
    let method = req.method().clone();
    let Ok(body) = axum::body::to_bytes(req.into_body(), state.config.max_body_bytes).await else {
        return reply(
            StatusCode::PAYLOAD_TOO_LARGE,
            json!({"error": "body too large"}),
        );
    };
    match (method, rest.as_str()) {
        (Method::GET, "/state") => reply(StatusCode::OK, snapshot(&state)),
        (Method::POST, "/faults") => match serde_json::from_slice::<FaultSet>(&body) {
            Ok(f) => {
                *lock(&state.faults) = f.clone();
                reply(StatusCode::OK, json!({"faults": f}))
            }
            Err(e) => reply(StatusCode::BAD_REQUEST, json!({"error": e.to_string()})),
        },
        (Method::DELETE, "/faults") => {
            *lock(&state.faults) = FaultSet::default();
            reply(StatusCode::OK, json!({"faults": FaultSet::default()}))
        }
        (Method::POST, "/clock/advance") => match serde_json::from_slice::<Advance>(&body) {
            Ok(a) if a.seconds.is_finite() && a.seconds >= 0.0 => {
                state
                    .clock
                    .advance(std::time::Duration::from_secs_f64(a.seconds.min(1e9)));
                reply(StatusCode::OK, json!({"now": state.clock.now()}))
            }
            Ok(_) => reply(
                StatusCode::BAD_REQUEST,
                json!({"error": "seconds must be finite and >= 0"}),
            ),
            Err(e) => reply(StatusCode::BAD_REQUEST, json!({"error": e.to_string()})),
        },
        (Method::POST, "/wall-skew") => match serde_json::from_slice::<Skew>(&body) {
            // Ten years either way is plenty to simulate any drift.
            Ok(k) if k.seconds.abs() <= 315_360_000 => {
                state.set_wall_skew(k.seconds);
                reply(StatusCode::OK, json!({"wall_skew_secs": k.seconds}))
            }
            Ok(_) => reply(
                StatusCode::BAD_REQUEST,
                json!({"error": "seconds must be within ±315360000 (ten years)"}),
            ),
            Err(e) => reply(StatusCode::BAD_REQUEST, json!({"error": e.to_string()})),
        },
        (Method::POST, "/quotas/reset") => {
            lock(&state.quotas).clear();
            reply(StatusCode::OK, json!({"ok": true}))
        }
        _ => reply(
            StatusCode::NOT_FOUND,
            json!({"error": format!("no admin endpoint {rest}")}),
        ),
    }
}

fn snapshot(state: &Shared) -> Value {
    let (ali, hw) = state.estate().connection_counts();
    let estate = state.estate();
    json!({
        "seed": estate.seed,
        "size": estate.size,
        "now": state.clock.now(),
        "time_scale": state.clock.scale(),
        "wall_skew_secs": state.wall_skew(),
        "requests": state.request_count(),
        "calls": state.calls(),
        "faults": *lock(&state.faults),
        "quota_windows": lock(&state.quotas).len(),
        "connections": {"aliyun": ali, "huawei": hw},
        "mistakes": estate.mistakes,
        "accounts": state.credentials(),
    })
}
