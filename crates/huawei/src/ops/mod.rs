//! Typed operations, one file per resource family. Reads are `GET`s (retried on throttling
//! and transient errors); `list_all_*` walk every page for the caller (spec §2.4).

pub(crate) mod account;
mod connections;
mod customer_gateways;
mod gateways;
mod p2c;
mod p2c_servers;

pub use account::TagResourceType;
pub use connections::ListVpnConnectionsFilter;

/// Default page size: the documented maximum for customer gateways, and an explicit value
/// for connections whose documented default is unclear (spec §2.4 table).
pub const DEFAULT_LIMIT: u32 = 200;

/// Path segment encoding for ids (ids are opaque strings, spec §2.1).
pub(crate) fn seg(s: &str) -> String {
    crate::sign::encode(s)
}

pub(crate) fn push_page(
    query: &mut Vec<(String, String)>,
    page: &crate::pagination::PageRequest,
) -> u32 {
    let limit = page.limit.unwrap_or(DEFAULT_LIMIT);
    query.push(("limit".into(), limit.to_string()));
    if let Some(m) = page.marker.as_deref().filter(|m| !m.is_empty()) {
        query.push(("marker".into(), m.to_string()));
    }
    limit
}

pub(crate) fn push_opt(query: &mut Vec<(String, String)>, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        query.push((key.into(), v.into()));
    }
}

impl crate::client::Client {
    /// One page of the marker-paginated list at `path`; `query` holds the list's own filters.
    pub(crate) async fn list_page<R: crate::types::ListResponse>(
        &self,
        path: &str,
        mut query: Vec<(String, String)>,
        page: &crate::pagination::PageRequest,
    ) -> Result<crate::pagination::Page<R::Item>, crate::error::Error> {
        let limit = push_page(&mut query, page);
        let response: R = self.vpn_get(path, &query).await?;
        let (items, page_info, total_count, request_id) = response.into_parts();
        let next_marker = crate::pagination::next_marker(
            &items,
            page_info.as_ref(),
            limit,
            page.marker.as_deref(),
        );
        Ok(crate::pagination::Page {
            items,
            total_count,
            next_marker,
            request_id,
        })
    }

    /// The request for the page at `marker`, with the configured page size.
    pub(crate) fn page_at(&self, marker: Option<String>) -> crate::pagination::PageRequest {
        crate::pagination::PageRequest {
            limit: Some(self.config().page_limit),
            marker,
        }
    }
}
