use super::*;
use crate::types::{CustomerGateway, Timestamp};

fn cgw(id: &str, created: &str) -> CustomerGateway {
    CustomerGateway {
        id: id.into(),
        created_at: Some(Timestamp(created.into())),
        ..Default::default()
    }
}

fn info(m: Option<&str>) -> PageInfo {
    PageInfo {
        next_marker: m.map(Into::into),
        current_count: None,
    }
}

#[test]
fn next_marker_prefers_page_info_then_last_created_at() {
    let items = vec![cgw("a", "t1"), cgw("b", "t2")];
    assert_eq!(
        next_marker(&items, Some(&info(Some("m"))), 2, None).as_deref(),
        Some("m")
    );
    assert_eq!(
        next_marker(&items, Some(&info(Some(""))), 2, None).as_deref(),
        Some("t2")
    );
    assert_eq!(next_marker(&items, None, 2, None).as_deref(), Some("t2"));
}

#[test]
fn next_marker_stops_on_short_empty_or_repeated_pages() {
    let items = vec![cgw("a", "t1"), cgw("b", "t2")];
    // Seed example: next_marker present although current_count < limit → last page.
    assert_eq!(next_marker(&items, Some(&info(Some("m"))), 3, None), None);
    assert_eq!(
        next_marker::<CustomerGateway>(&[], Some(&info(Some("m"))), 2, None),
        None
    );
    assert_eq!(
        next_marker(&items, Some(&info(Some("m"))), 2, Some("m")),
        None
    );
}

#[tokio::test]
async fn collect_all_dedupes_and_stops_when_nothing_new() {
    let mut calls = Vec::new();
    let all = collect_all(|marker| {
        calls.push(marker.clone());
        let page = match marker.as_deref() {
            None => vec![cgw("a", "t1"), cgw("b", "t2")],
            Some("t2") => vec![cgw("b", "t2"), cgw("c", "t3")],
            _ => vec![cgw("c", "t3"), cgw("b", "t2")],
        };
        let next = next_marker(&page, None, 2, marker.as_deref());
        async move {
            Ok(Page {
                items: page,
                total_count: None,
                next_marker: next,
                request_id: None,
            })
        }
    })
    .await
    .unwrap();
    let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        calls,
        [None, Some("t2".to_string()), Some("t3".to_string())]
    );
}

#[tokio::test]
async fn collect_offset_walks_until_total() {
    let mut offsets = Vec::new();
    let all = collect_offset(2, |off| {
        offsets.push(off);
        let items: Vec<u32> = (off..(off + 2).min(5)).collect();
        async move { Ok((items, Some(5))) }
    })
    .await
    .unwrap();
    assert_eq!(all, [0, 1, 2, 3, 4]);
    assert_eq!(offsets, [0, 2, 4]);
}
