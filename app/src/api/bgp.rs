//! The BGP looking glass: every BGP session of both clouds (over VPN tunnels, connections and
//! VBRs), grouped established / not established, with ASNs, addresses, time in state, prefix
//! counts and flaps in the last 24 hours.

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgpRow {
    pub cloud: String,
    pub account: String,
    pub region: String,
    pub id: String,
    /// What the session runs over (tunnel, connection or VBR id).
    pub over: Option<String>,
    pub peer_ip: Option<String>,
    pub local_asn: Option<i64>,
    pub peer_asn: Option<i64>,
    pub state: String,
    pub raw_state: Option<String>,
    pub reason: Option<String>,
    pub state_since: DateTime<Utc>,
    /// Seconds in the current state, computed on the server (the browser has no clock of
    /// its own to trust, and WASM has no `std` clock).
    pub in_state_secs: i64,
    pub advertised: i64,
    pub learned: i64,
    pub flaps_24h: i64,
}

impl BgpRow {
    /// "established", else the normalised state with the cloud's own word when it differs
    /// ("down (Idle)"; Alibaba's is a bare "false", which alone reads as nothing).
    pub fn state_label(&self) -> String {
        match (self.state.as_str(), self.raw_state.as_deref()) {
            ("up", _) => "established".to_string(),
            (state, Some(raw)) if !raw.eq_ignore_ascii_case(state) => format!("{state} ({raw})"),
            (state, _) => state.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BgpView {
    pub rows: Vec<BgpRow>,
    pub established: usize,
    pub not_established: usize,
    /// The oldest last successful sync of BGP sessions: everything is at least this fresh.
    pub as_of: Option<DateTime<Utc>>,
    pub generated_at: DateTime<Utc>,
}

#[server(endpoint = "bgp")]
pub async fn list_bgp_sessions(
    #[server(default)] state: Option<String>,
    #[server(default)] asn: Option<String>,
) -> Result<BgpView, AppError> {
    let (app, _) = crate::access::guard::require(crate::access::Role::Viewer, "read").await?;
    crate::api::bgp_sql::sessions(&app.pool, state, asn, Utc::now()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_label_adds_the_clouds_word_only_when_it_says_more() {
        let row = |state: &str, raw: Option<&str>| BgpRow {
            cloud: "aliyun".into(),
            account: "a".into(),
            region: "r".into(),
            id: "bgp-1".into(),
            over: None,
            peer_ip: None,
            local_asn: None,
            peer_asn: None,
            state: state.into(),
            raw_state: raw.map(Into::into),
            reason: None,
            state_since: DateTime::<Utc>::MIN_UTC,
            in_state_secs: 0,
            advertised: 0,
            learned: 0,
            flaps_24h: 0,
        };
        assert_eq!(row("up", Some("true")).state_label(), "established");
        assert_eq!(row("down", Some("false")).state_label(), "down (false)");
        assert_eq!(row("down", Some("Down")).state_label(), "down");
        assert_eq!(row("pending", None).state_label(), "pending");
    }
}
