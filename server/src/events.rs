//! Server-sent events: `/events` for signed-in pages, `/wall/<token>/events` for walls. Each
//! stream sends `change` whenever the change feed ticks (the sync stored something), and a
//! comment every 15 s so proxies keep the connection open. A wall's stream re-checks its
//! token on every change and every minute, and ends with `revoked` once it stops working.
//!
//! A slow client costs nothing extra: the feed is a watch channel, which holds only the
//! latest value, so nothing queues up behind a reader that does not read.

use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::watch;

const KEEP_ALIVE: Duration = Duration::from_secs(15);
const RECHECK_TOKEN: Duration = Duration::from_secs(60);

/// The number of open streams (for the system panel and metrics).
pub static OPEN_STREAMS: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

struct Open;
impl Open {
    fn new() -> Self {
        OPEN_STREAMS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Open
    }
}
impl Drop for Open {
    fn drop(&mut self) {
        OPEN_STREAMS.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

fn change(n: u64) -> Event {
    Event::default().event("change").data(n.to_string())
}

/// Signed-in pages (the access layer has let the request through).
pub async fn console(State(state): State<AppState>) -> impl IntoResponse {
    let mut rx = state.changes.clone();
    rx.mark_unchanged();
    let stream = stream::unfold((rx, Open::new()), |(mut rx, open)| async move {
        rx.changed().await.ok()?;
        let n = *rx.borrow_and_update();
        Some((Ok::<_, Infallible>(change(n)), (rx, open)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}

pub async fn wall(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let valid = auth::wall::TOKENS
        .resolve(&state.pool, &token, chrono::Utc::now())
        .await;
    match valid {
        Ok(Some(_)) => {}
        Ok(None) => return (StatusCode::NOT_FOUND, "this wall link is not valid").into_response(),
        Err(e) => return (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
    let mut rx = state.changes.clone();
    rx.mark_unchanged();
    Sse::new(wall_stream(state, token, rx))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

enum Step {
    Live,
    Ended,
}

fn wall_stream(
    state: AppState,
    token: String,
    rx: watch::Receiver<u64>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(
        (state, token, rx, Step::Live, Open::new()),
        |(state, token, mut rx, step, open)| async move {
            if let Step::Ended = step {
                return None;
            }
            let changed = tokio::select! {
                r = rx.changed() => { r.ok()?; true }
                _ = tokio::time::sleep(RECHECK_TOKEN) => false,
            };
            // A database error keeps the stream (the wall shows its staleness banner); only a
            // token that is known to be invalid ends it.
            let still_valid = !matches!(
                auth::wall::TOKENS
                    .resolve(&state.pool, &token, chrono::Utc::now())
                    .await,
                Ok(None)
            );
            let event = match (still_valid, changed) {
                (false, _) => (
                    Event::default()
                        .event("revoked")
                        .data("this wall link no longer works"),
                    Step::Ended,
                ),
                (true, true) => (change(*rx.borrow_and_update()), Step::Live),
                (true, false) => (Event::default().comment("token checked"), Step::Live),
            };
            Some((Ok(event.0), (state, token, rx, event.1, open)))
        },
    )
}
