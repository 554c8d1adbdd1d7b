//! Marker + limit pagination (huawei.md §2.4 style A): the marker is the creation time of the
//! last record of the previous page; records are served in creation order.

use huawei::types::{Marked, PageInfo};

use super::errors::HwErr;

fn q<'a>(query: &'a [(String, String)], k: &str) -> Option<&'a str> {
    query.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str())
}

/// Parses `limit` (1..=max; absent or 0 = `default`).
pub fn limit(query: &[(String, String)], default: usize, max: usize) -> Result<usize, HwErr> {
    match q(query, "limit") {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(0) => Ok(default),
            Ok(n) if n <= max => Ok(n),
            _ => Err(HwErr::invalid(format!(
                "limit {v:?} must be an integer in 0..={max}"
            ))),
        },
    }
}

/// One page after `marker`; returns (items, page_info, total_count).
pub fn marker_page<T: Marked + Clone>(
    items: &[T],
    query: &[(String, String)],
    default: usize,
    max: usize,
) -> Result<(Vec<T>, PageInfo, i64), HwErr> {
    let limit = limit(query, default, max)?;
    let marker = q(query, "marker").filter(|m| !m.is_empty());
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by(|a, b| a.marker_time().cmp(&b.marker_time()));
    let page: Vec<T> = sorted
        .iter()
        .filter(|i| marker.is_none_or(|m| i.marker_time().is_some_and(|t| t > m)))
        .take(limit)
        .map(|i| (*i).clone())
        .collect();
    let info = PageInfo {
        next_marker: page.last().and_then(|i| i.marker_time()).map(str::to_owned),
        current_count: Some(page.len() as i64),
    };
    Ok((page, info, items.len() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use huawei::types::CustomerGateway;

    #[test]
    fn pages_follow_creation_time() {
        let items: Vec<CustomerGateway> = (0..5)
            .map(|i| CustomerGateway {
                id: format!("c{i}"),
                created_at: Some(crate::estate::huawei::created(i * 10)),
                ..Default::default()
            })
            .collect();
        let qy = |m: Option<&str>| {
            let mut v = vec![("limit".to_string(), "2".to_string())];
            if let Some(m) = m {
                v.push(("marker".into(), m.into()));
            }
            v
        };
        let (p1, i1, total) = marker_page(&items, &qy(None), 200, 200).unwrap();
        assert_eq!((p1.len(), total), (2, 5));
        let (p2, _, _) = marker_page(&items, &qy(i1.next_marker.as_deref()), 200, 200).unwrap();
        assert_eq!(p2[0].id, "c2");
        assert!(limit(&[("limit".into(), "201".into())], 200, 200).is_err());
    }
}
