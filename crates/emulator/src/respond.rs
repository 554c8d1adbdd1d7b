//! Turning fault decisions into what the client sees on the wire (see [`crate::faults`]).

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::faults::FaultKind;

/// Whitespace sent before the JSON of an `oversized` fault: 64 MiB, past any sane client limit.
pub const OVERSIZED_BYTES: usize = 64 * 1024 * 1024;

/// Waits `ms` wall milliseconds (added latency).
pub async fn delay(ms: u64) {
    if ms > 0 {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
}

/// A success body damaged per `kind`, or `None` if `kind` does not damage bodies.
pub fn damage(kind: FaultKind, status: u16, text: &str, ctype: &str) -> Option<Response> {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    match kind {
        FaultKind::Truncated => {
            let cut = text
                .char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            Some(
                (
                    status,
                    [(header::CONTENT_TYPE, ctype.to_owned())],
                    text[..cut].to_owned(),
                )
                    .into_response(),
            )
        }
        FaultKind::Malformed => Some(
            (
                status,
                [(header::CONTENT_TYPE, ctype.to_owned())],
                "<html><body>502 Bad Gateway</body></html>{\"RequestId\":",
            )
                .into_response(),
        ),
        FaultKind::Reset => {
            // Announce more bytes than are sent, and fail the body after half of them: hyper
            // then drops the connection mid-response and the client sees it cut. (A plain
            // short body left the connection open in release builds: the client waited for
            // the rest and reported a timeout instead.)
            let half = axum::body::Bytes::copy_from_slice(&text.as_bytes()[..text.len() / 2]);
            let parts: [Result<axum::body::Bytes, std::io::Error>; 2] = [
                Ok(half),
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "emulated connection reset",
                )),
            ];
            let mut r = Response::new(Body::from_stream(futures_util::stream::iter(parts)));
            *r.status_mut() = status;
            r.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(text.len().max(2)));
            Some(r)
        }
        FaultKind::Oversized => {
            // Chunked, so the client cannot refuse it from a Content-Length: it has to count.
            const CHUNK: usize = 64 * 1024;
            let pad = axum::body::Bytes::from(vec![b' '; CHUNK]);
            let tail = axum::body::Bytes::from(text.to_owned());
            let chunks = std::iter::repeat_n(pad, OVERSIZED_BYTES / CHUNK)
                .chain(std::iter::once(tail))
                .map(Ok::<_, std::convert::Infallible>);
            let mut r = Response::new(Body::from_stream(futures_util::stream::iter(chunks)));
            *r.status_mut() = status;
            r.headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_str(ctype).ok()?);
            Some(r)
        }
        _ => None,
    }
}

/// Replaces the first list found (`{Plural: {Singular: [..]}}` or a top-level array field)
/// by its first element alone — the "single object instead of array" quirk (alibaba.md §5.1).
pub fn list_as_object(v: &mut Value) -> bool {
    let Value::Object(map) = v else { return false };
    for (_, child) in map.iter_mut() {
        let first = match child {
            Value::Array(items) => items.first().cloned(),
            _ => None,
        };
        if let Some(f) = first {
            *child = f;
            return true;
        }
        if child.is_object() && list_as_object(child) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_becomes_object() {
        let mut v = serde_json::json!({"RequestId": "r", "Vpcs": {"Vpc": [{"VpcId": "a"}, {"VpcId": "b"}]}});
        assert!(list_as_object(&mut v));
        assert_eq!(v["Vpcs"]["Vpc"]["VpcId"], "a");
        let mut none = serde_json::json!({"RequestId": "r"});
        assert!(!list_as_object(&mut none));
    }

    #[test]
    fn truncation_keeps_utf8_boundaries() {
        assert!(damage(
            FaultKind::Truncated,
            200,
            "{\"a\":\"éééé\"}",
            "application/json"
        )
        .is_some());
        assert!(damage(FaultKind::Throttle, 200, "{}", "application/json").is_none());
    }
}
