//! Pagination and filtering of `Describe*` lists (alibaba.md §2).
//!
//! Filters compare request parameters with the item's own wire fields (same names: a
//! `VpcId` parameter filters on the item's `VpcId`), comma-separated values meaning "any of"
//! (§5.6), so filtering cannot drift from the serialised shape either.

use serde::Serialize;

use super::auth::param;
use super::errors::AliErr;

/// Maximum `PageSize` (§2).
pub const MAX_PAGE_SIZE: u32 = 50;

/// Requested page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub number: u32,
    pub size: u32,
}

/// `PageNumber` (≥ 1, default 1) and `PageSize` (1–50, default 10); above 50 is
/// `InvalidParameter` unless `clamp`.
pub fn page(p: &[(String, String)], clamp: bool) -> Result<Page, AliErr> {
    let num = |k: &str, d: u32| -> Result<u32, AliErr> {
        match param(p, k) {
            None => Ok(d),
            Some(v) => v
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| AliErr::invalid(k, v)),
        }
    };
    let number = num("PageNumber", 1)?;
    let mut size = num("PageSize", 10)?;
    if size > MAX_PAGE_SIZE {
        if !clamp {
            return Err(AliErr::new(
                400,
                "InvalidParameter",
                format!(
                    "The specified PageSize {size} is invalid: the maximum is {MAX_PAGE_SIZE}."
                ),
            ));
        }
        size = MAX_PAGE_SIZE;
    }
    Ok(Page { number, size })
}

/// The items of page `pg` (empty past the end, §2).
pub fn slice<T>(all: Vec<T>, pg: Page) -> Vec<T> {
    let start = (pg.number as usize - 1).saturating_mul(pg.size as usize);
    all.into_iter().skip(start).take(pg.size as usize).collect()
}

/// Whether `item` passes every filter in `keys` that the request carries.
pub fn matches<T: Serialize>(item: &T, p: &[(String, String)], keys: &[&str]) -> bool {
    let wanted: Vec<(&str, &str)> = keys
        .iter()
        .filter_map(|k| param(p, k).filter(|v| !v.is_empty()).map(|v| (*k, v)))
        .collect();
    if wanted.is_empty() {
        return true;
    }
    let Ok(v) = serde_json::to_value(item) else {
        return false;
    };
    wanted.iter().all(|(k, want)| {
        let have = match v.get(k) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => return false,
            Some(other) => other.to_string(),
        };
        want.split(',')
            .any(|w| w.trim().eq_ignore_ascii_case(&have))
    })
}

/// Builds a paged response of type `$resp` from `$items`, filtered by `$keys` (§2).
#[macro_export]
macro_rules! paged_reply {
    ($resp:ty, $field:ident, $items:expr, $p:expr, $keys:expr, $clamp:expr) => {{
        let pg = $crate::aliyun::page::page($p, $clamp)?;
        let all: Vec<_> = $items
            .into_iter()
            .filter(|i| $crate::aliyun::page::matches(i, $p, $keys))
            .collect();
        let total = all.len() as u64;
        let mut r = <$resp>::default();
        r.page_number = Some(pg.number);
        r.page_size = Some(pg.size);
        r.total_count = Some(total);
        r.$field = $crate::aliyun::page::slice(all, pg).into();
        $crate::aliyun::to_json(&r)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn page_rules() {
        assert_eq!(
            page(&p(&[]), false).unwrap(),
            Page {
                number: 1,
                size: 10
            }
        );
        assert_eq!(
            page(&p(&[("PageSize", "51")]), false).unwrap_err().code,
            "InvalidParameter"
        );
        assert_eq!(page(&p(&[("PageSize", "51")]), true).unwrap().size, 50);
        assert!(page(&p(&[("PageNumber", "0")]), false).is_err());
        assert!(page(&p(&[("PageNumber", "x")]), false).is_err());
        let items: Vec<u32> = (0..120).collect();
        assert_eq!(
            slice(
                items.clone(),
                Page {
                    number: 3,
                    size: 50
                }
            )
            .len(),
            20
        );
        assert!(slice(
            items,
            Page {
                number: 9,
                size: 50
            }
        )
        .is_empty());
    }

    #[test]
    fn filters_on_wire_fields() {
        let item = serde_json::json!({"VpcId": "vpc-1", "Status": "Available"});
        assert!(matches(&item, &p(&[("VpcId", "vpc-2,vpc-1")]), &["VpcId"]));
        assert!(!matches(&item, &p(&[("VpcId", "vpc-2")]), &["VpcId"]));
        assert!(matches(&item, &p(&[("VpcId", "vpc-2")]), &["Status"]));
    }
}
