//! Pagination (spec `alibaba.md` §2): `PageNumber`/`PageSize`/`TotalCount` for `Describe*`
//! lists and `NextToken`/`MaxResults` for `ListTagResources`.
//!
//! Pages are fetched sequentially; the API gives no cross-page consistency, so callers that
//! need uniqueness de-duplicate by ID (§2 "Snapshot consistency").

use crate::client::{Client, Retry};
use crate::error::Error;
use crate::types::tag::ListTagResourcesResponse;
use crate::types::Paged;

/// `PageSize` the client always sends: the documented maximum (§2 [DECISION]).
pub const MAX_PAGE_SIZE: u32 = 50;
/// `MaxResults` sent to token-paged operations (documented default, range 20–100).
pub const MAX_RESULTS: u32 = 50;
/// Safety stop against a server that never signals the end.
const MAX_PAGES: u32 = 10_000;

impl Client {
    /// Fetches every page of a `PageNumber`-paged list. `params` are the filters
    /// (`RegionId` included); paging parameters in them are replaced.
    ///
    /// Stops when a page is empty, or when `PageNumber × PageSize ≥ TotalCount` using the
    /// page size the server echoes (it may clamp), or — if `TotalCount` is absent — when a
    /// page is shorter than the page size. Fewer items in all than `TotalCount` is an error.
    pub async fn list_all<R: Paged>(
        &self,
        params: &[(String, String)],
    ) -> Result<Vec<R::Item>, Error> {
        let mut base: Vec<(String, String)> = params
            .iter()
            .filter(|(k, _)| k != "PageNumber" && k != "PageSize")
            .cloned()
            .collect();
        base.push(("PageSize".into(), MAX_PAGE_SIZE.to_string()));
        let mut out = Vec::new();
        for page in 1..=MAX_PAGES {
            let mut p = base.clone();
            p.push(("PageNumber".into(), page.to_string()));
            let resp: R = self.call_typed(R::ACTION, &p, Retry::Safe).await?;
            let total = resp.total_count();
            let size = u64::from(resp.page_size().filter(|s| *s > 0).unwrap_or(MAX_PAGE_SIZE));
            let items = resp.into_items();
            let n = items.len() as u64;
            out.extend(items);
            let done = match total {
                _ if n == 0 => true,
                Some(t) => u64::from(page) * size >= t,
                None => n < size,
            };
            if done {
                // Fewer items than the server's own TotalCount means a page came back short
                // (e.g. a list collapsed into a single object, §5.1). A short list would make
                // the caller think the rest were deleted, so it is an error, never a result.
                if let Some(t) = total.filter(|t| (out.len() as u64) < *t) {
                    return Err(Error::Decode {
                        action: R::ACTION.to_owned(),
                        status: 200,
                        message: format!(
                            "the list holds {} items but TotalCount says {t}",
                            out.len()
                        ),
                        body_snippet: String::new(),
                    });
                }
                return Ok(out);
            }
        }
        Err(Error::Config(format!(
            "{}: more than {MAX_PAGES} pages",
            R::ACTION
        )))
    }

    /// Fetches every page of `ListTagResources` by following `NextToken` (§2, §3.7).
    pub async fn list_tag_pages(
        &self,
        params: &[(String, String)],
    ) -> Result<Vec<crate::types::tag::TagResource>, Error> {
        let base: Vec<(String, String)> = params
            .iter()
            .filter(|(k, _)| k != "NextToken" && k != "MaxResults")
            .cloned()
            .chain([("MaxResults".to_owned(), MAX_RESULTS.to_string())])
            .collect();
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut p = base.clone();
            if let Some(t) = &token {
                p.push(("NextToken".into(), t.clone()));
            }
            let resp: ListTagResourcesResponse =
                self.call_typed("ListTagResources", &p, Retry::Safe).await?;
            out.extend(resp.tag_resources.items);
            match resp.next_token.filter(|t| !t.is_empty()) {
                None => return Ok(out),
                // A repeated token would loop forever; treat it as a server bug.
                Some(t) if token.as_deref() == Some(t.as_str()) => {
                    return Err(Error::Config(
                        "ListTagResources repeated its NextToken".into(),
                    ))
                }
                Some(t) => token = Some(t),
            }
        }
        Err(Error::Config(format!(
            "ListTagResources: more than {MAX_PAGES} pages"
        )))
    }
}
