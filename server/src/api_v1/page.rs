//! Pagination: `?limit=` (1–500, default 100) and `?cursor=` (opaque, from the previous
//! page's `next`). Cursors are keyset positions, so a walk returns every row once even while
//! rows are added before the position already passed.

use super::error::ApiError;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

pub const DEFAULT_LIMIT: i64 = 100;
pub const MAX_LIMIT: i64 = 500;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Rows per page, 1–500 (default 100).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next` cursor of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    pub fn limit(&self) -> Result<i64, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(n) => Err(ApiError::BadRequest(format!(
                "limit {n} is out of range: use 1 to {MAX_LIMIT}"
            ))),
        }
    }

    /// The decoded position, or `None` for the first page.
    pub fn position<T: DeserializeOwned>(&self) -> Result<Option<T>, ApiError> {
        let Some(cursor) = &self.cursor else {
            return Ok(None);
        };
        let bad = || {
            ApiError::BadRequest(
                "cursor is not one this API issued: pass the 'next' value of a previous page"
                    .into(),
            )
        };
        let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
        serde_json::from_slice(&bytes).map(Some).map_err(|_| bad())
    }
}

/// `PageParams` from the query string; a value that is not a number is a JSON 400 like every
/// other error of the API.
pub struct Paging(pub PageParams);

impl<S: Send + Sync> FromRequestParts<S> for Paging {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<PageParams>::from_request_parts(parts, state)
            .await
            .map(|Query(p)| Paging(p))
            .map_err(|e| ApiError::BadRequest(e.body_text()))
    }
}

/// The cursor for the page after the one whose last row is at `last`.
pub fn cursor<T: Serialize>(last: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(last).expect("plain data serializes"))
}

/// The link to the next page: the same path with `limit` and the new cursor.
pub fn next_link(path: &str, limit: i64, cursor: Option<String>) -> Option<String> {
    cursor.map(|c| format!("{path}?limit={limit}&cursor={c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_outside_the_range_are_refused() {
        for bad in [0, -1, 501] {
            let p = PageParams {
                limit: Some(bad),
                cursor: None,
            };
            assert!(p.limit().is_err(), "{bad}");
        }
        assert_eq!(PageParams::default().limit().unwrap(), DEFAULT_LIMIT);
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = cursor(&("acct", "cn-shanghai", "vco-1"));
        let p = PageParams {
            limit: None,
            cursor: Some(c),
        };
        let pos: Option<(String, String, String)> = p.position().unwrap();
        assert_eq!(pos.unwrap().2, "vco-1");
        let garbage = PageParams {
            limit: None,
            cursor: Some("%%%".into()),
        };
        assert!(garbage.position::<(String, String, String)>().is_err());
    }
}
