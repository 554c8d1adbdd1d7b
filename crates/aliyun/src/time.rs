//! Time parsing for the two families of time fields (spec `alibaba.md` §5.7).
//!
//! Wire types keep the value exactly as sent (epoch-ms integer or ISO string) so they
//! round-trip; these helpers convert for display and comparison.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};

/// Epoch milliseconds (VPN gateway family: `CreateTime`, `EndTime`) → UTC time.
pub fn from_epoch_ms(ms: i64) -> Option<DateTime<Utc>> {
    Utc.timestamp_millis_opt(ms).single()
}

/// ISO-8601 as the VPC family sends it: `YYYY-MM-DDThh:mm:ssZ`, `YYYY-MM-DDThh:mmZ`, or
/// either without `Z` (assumed UTC, §5.7 [DECISION]). Empty strings ("never") → `None`.
pub fn parse_iso_loose(s: &str) -> Option<DateTime<Utc>> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(dt.with_timezone(&Utc));
    }
    let naive = t.trim_end_matches(['Z', 'z']);
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(naive, f).ok())
        .map(|n| Utc.from_utc_datetime(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_documented_iso_shape() {
        let full = parse_iso_loose("2017-06-08T12:20:55Z").unwrap();
        assert_eq!(parse_iso_loose("2017-06-08T12:20:55"), Some(full));
        assert_eq!(
            parse_iso_loose("2017-06-08T12:20Z").unwrap().to_rfc3339(),
            "2017-06-08T12:20:00+00:00"
        );
        assert_eq!(parse_iso_loose(""), None);
        assert_eq!(parse_iso_loose("not a time"), None);
    }

    #[test]
    fn epoch_ms_keeps_millis() {
        let t = from_epoch_ms(1563873294331).unwrap();
        assert_eq!(t.to_rfc3339(), "2019-07-23T09:14:54.331+00:00");
    }
}
