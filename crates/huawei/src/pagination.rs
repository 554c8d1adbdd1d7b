//! Pagination (spec §2.4): marker + limit for most lists, offset + limit for P2C sessions.
//!
//! The marker is the creation time of the last record of the previous page. The loop follows
//! the spec: stop on an empty page, a short page, a missing/repeated marker, a page that adds
//! nothing new (de-duplicated by id), or after [`MAX_PAGES`].

use crate::error::Error;
use crate::types::{Marked, PageInfo};
use std::collections::HashSet;
use std::future::Future;

/// Hard cap on pages fetched by one `list_all_*` call.
pub const MAX_PAGES: usize = 1000;

/// One page of a list, with the marker for the next page already derived.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total_count: Option<i64>,
    /// `None` when this is the last page.
    pub next_marker: Option<String>,
    pub request_id: Option<String>,
}

/// Page-size and position for one marker-paginated request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageRequest {
    pub limit: Option<u32>,
    pub marker: Option<String>,
}

/// Derives the marker for the next page: `page_info.next_marker`, else the last item's
/// creation time; `None` when this page is the last one (spec §2.4 A loop).
pub fn next_marker<T: Marked>(
    items: &[T],
    page_info: Option<&PageInfo>,
    limit: u32,
    current: Option<&str>,
) -> Option<String> {
    if items.is_empty() || items.len() < limit as usize {
        return None;
    }
    let from_info = page_info
        .and_then(|p| p.next_marker.as_deref())
        .filter(|m| !m.is_empty());
    let m = from_info.or_else(|| items.last().and_then(Marked::marker_time))?;
    (Some(m) != current).then(|| m.to_string())
}

/// Fetches every page; `fetch` receives the marker (`None` for the first page).
pub async fn collect_all<T, F, Fut>(mut fetch: F) -> Result<Vec<T>, Error>
where
    T: Marked,
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Page<T>, Error>>,
{
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut marker = None;
    for _ in 0..MAX_PAGES {
        let page = fetch(marker.take()).await?;
        let mut added = 0;
        for item in page.items {
            let fresh = match item.item_id() {
                Some(id) => seen.insert(id.to_string()),
                None => true,
            };
            if fresh {
                out.push(item);
                added += 1;
            }
        }
        match page.next_marker {
            Some(m) if added > 0 => marker = Some(m),
            _ => return Ok(out),
        }
    }
    tracing::warn!(
        pages = MAX_PAGES,
        "huawei pagination stopped at the page cap"
    );
    Ok(out)
}

/// Offset pagination (spec §2.4 B): `fetch(offset)` returns `(items, total_count)`.
pub async fn collect_offset<T, F, Fut>(limit: u32, mut fetch: F) -> Result<Vec<T>, Error>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, Option<i64>), Error>>,
{
    let mut out = Vec::new();
    for _ in 0..MAX_PAGES {
        let (items, total) = fetch(out.len() as u32).await?;
        let n = items.len();
        out.extend(items);
        let done = n == 0 || n < limit as usize || total.is_some_and(|t| out.len() as i64 >= t);
        if done {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
