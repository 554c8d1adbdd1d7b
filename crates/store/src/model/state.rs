//! Normalised states (spec `huawei.md` §5.3, `alibaba.md` §3.4.2): every cloud status string
//! maps onto five states, and the original string is always kept next to it so detail views
//! and history show exactly what the cloud said.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A normalised state: what the dashboard colours by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Working (tunnel passing traffic, gateway active, BGP established, probe succeeding).
    Up,
    /// Not working (negotiation failed, error, frozen, probe failing).
    Down,
    /// Half up: IKE SA up but no IPsec SA, or one of two tunnels down.
    Partial,
    /// Being created / updated / deleted.
    Pending,
    /// Missing or unrecognised status.
    #[default]
    Unknown,
}

impl State {
    /// The token stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Up => "up",
            State::Down => "down",
            State::Partial => "partial",
            State::Pending => "pending",
            State::Unknown => "unknown",
        }
    }

    /// The state of something made of parts (a dual-tunnel connection): up when all are up,
    /// down when all are down, partial when some are up.
    pub fn combine(parts: impl IntoIterator<Item = State>) -> State {
        let parts: Vec<State> = parts.into_iter().collect();
        if parts.is_empty() {
            State::Unknown
        } else if parts.iter().all(|s| *s == State::Up) {
            State::Up
        } else if parts
            .iter()
            .any(|s| matches!(s, State::Up | State::Partial))
        {
            State::Partial
        } else if parts.iter().all(|s| *s == State::Down) {
            State::Down
        } else if parts.contains(&State::Pending) {
            State::Pending
        } else if parts.contains(&State::Down) {
            State::Down
        } else {
            State::Unknown
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for State {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        Ok(match s {
            "up" => State::Up,
            "down" => State::Down,
            "partial" => State::Partial,
            "pending" => State::Pending,
            "unknown" => State::Unknown,
            other => return Err(crate::Error::invalid("state", format!("{other:?}"))),
        })
    }
}

/// Which aspect of a resource a state describes (a tunnel has several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    /// IKE (phase 1) SA.
    Ike,
    /// IPsec (phase 2) SA.
    Ipsec,
    /// Health check result.
    Health,
    /// BGP session.
    Bgp,
    /// Provisioning lifecycle.
    Lifecycle,
}

impl Facet {
    /// The token stored in history rows.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Ike => "ike",
            Facet::Ipsec => "ipsec",
            Facet::Health => "health",
            Facet::Bgp => "bgp",
            Facet::Lifecycle => "lifecycle",
        }
    }
}

/// A normalised state with the cloud's own string and reason text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StateValue {
    /// Normalised state.
    pub state: State,
    /// The cloud's status string, as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// The cloud's explanation (error text, down reason), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl StateValue {
    /// A state with its raw string.
    pub fn new(state: State, raw: Option<&str>) -> Self {
        Self {
            state,
            raw: raw.map(str::to_owned),
            reason: None,
        }
    }

    /// Adds the cloud's reason text (ignored when empty).
    pub fn with_reason(mut self, reason: Option<&str>) -> Self {
        self.reason = reason.filter(|r| !r.trim().is_empty()).map(str::to_owned);
        self
    }

    /// Whether this differs from `other` enough to be a transition: the normalised state or
    /// the raw string changed (Alibaba `ike_sa_established` → `ipsec_sa_established` is one).
    pub fn is_transition_from(&self, other: &StateValue) -> bool {
        self.state != other.state || self.raw != other.raw
    }
}

fn norm(raw: Option<&str>) -> String {
    raw.unwrap_or("").trim().to_ascii_lowercase()
}

/// Alibaba connection / tunnel `Status` (§3.4.2).
pub fn aliyun_tunnel(raw: Option<&str>) -> StateValue {
    let s = match norm(raw).as_str() {
        "ipsec_sa_established" => State::Up,
        "ike_sa_established" => State::Partial,
        "ike_sa_not_established" | "ipsec_sa_not_established" => State::Down,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

/// Alibaba lifecycle `Status` plus `BusinessStatus` (FinancialLocked freezes the resource).
pub fn aliyun_lifecycle(raw: Option<&str>, business: Option<&str>) -> StateValue {
    if norm(business) == "financiallocked" {
        return StateValue::new(State::Down, business);
    }
    let s = match norm(raw).as_str() {
        "active" | "available" | "normal" | "enabled" | "on" => State::Up,
        "init" | "provisioning" | "updating" | "deleting" | "pending" | "creating"
        | "confirmed" | "activating" | "modifying" => State::Pending,
        "inactive" | "disabled" | "deactive" | "terminated" | "rejected" => State::Down,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

/// Alibaba `VpnBgpConfig.Status` (`success` / `false`, `true` seen) and tunnel `BgpStatus`.
pub fn aliyun_bgp(raw: Option<&str>) -> StateValue {
    let s = match norm(raw).as_str() {
        "success" | "true" | "established" | "up" => State::Up,
        "false" | "failed" | "down" | "idle" | "active" | "connect" => State::Down,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

/// Alibaba `VcoHealthCheck.Status` (`success` / `failed`).
pub fn aliyun_health(raw: Option<&str>) -> StateValue {
    let s = match norm(raw).as_str() {
        "success" => State::Up,
        "failed" => State::Down,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

/// Huawei `vpn_connection.status`.
pub fn huawei_tunnel(raw: Option<&str>) -> StateValue {
    let s = match norm(raw).as_str() {
        "active" => State::Up,
        "down" | "error" => State::Down,
        "pending_create" | "pending_update" | "pending_delete" => State::Pending,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

/// Huawei lifecycle status of gateways, servers, monitors, certificates.
pub fn huawei_lifecycle(raw: Option<&str>) -> StateValue {
    let s = match norm(raw).as_str() {
        "active" | "bound" => State::Up,
        "pending_create"
        | "pending_update"
        | "upgrading"
        | "rolling_back"
        | "pending_upgrade_confirm"
        | "binding"
        | "pending_delete" => State::Pending,
        "fault" | "error" | "freezed" | "frozen" => State::Down,
        _ => State::Unknown,
    };
    StateValue::new(s, raw)
}

/// Huawei `bgp_peer.state`: `established` is up, any other value down, absent unknown.
pub fn huawei_bgp(raw: Option<&str>) -> StateValue {
    let s = match raw.map(|r| r.trim().to_ascii_lowercase()) {
        None => State::Unknown,
        Some(r) if r.is_empty() => State::Unknown,
        Some(r) if r == "established" => State::Up,
        Some(_) => State::Down,
    };
    StateValue::new(s, raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliyun_tunnel_phases() {
        assert_eq!(aliyun_tunnel(Some("ipsec_sa_established")).state, State::Up);
        assert_eq!(
            aliyun_tunnel(Some("ike_sa_established")).state,
            State::Partial
        );
        assert_eq!(
            aliyun_tunnel(Some("ike_sa_not_established")).state,
            State::Down
        );
        assert_eq!(
            aliyun_tunnel(Some("IPSEC_SA_NOT_ESTABLISHED")).state,
            State::Down
        );
        let v = aliyun_tunnel(Some("weird"));
        assert_eq!((v.state, v.raw.as_deref()), (State::Unknown, Some("weird")));
        assert_eq!(aliyun_tunnel(None).state, State::Unknown);
    }

    #[test]
    fn lifecycle_and_freeze() {
        assert_eq!(
            aliyun_lifecycle(Some("active"), Some("Normal")).state,
            State::Up
        );
        assert_eq!(aliyun_lifecycle(Some("init"), None).state, State::Pending);
        let locked = aliyun_lifecycle(Some("active"), Some("FinancialLocked"));
        assert_eq!(locked.state, State::Down);
        assert_eq!(locked.raw.as_deref(), Some("FinancialLocked"));
        assert_eq!(
            huawei_lifecycle(Some("PENDING_UPDATE")).state,
            State::Pending
        );
        assert_eq!(huawei_lifecycle(Some("FREEZED")).state, State::Down);
        assert_eq!(huawei_lifecycle(Some("ACTIVE")).state, State::Up);
    }

    #[test]
    fn bgp_and_health() {
        assert_eq!(huawei_bgp(Some("Established")).state, State::Up);
        assert_eq!(huawei_bgp(Some("idle")).state, State::Down);
        assert_eq!(huawei_bgp(None).state, State::Unknown);
        assert_eq!(aliyun_bgp(Some("false")).state, State::Down);
        assert_eq!(aliyun_bgp(Some("success")).state, State::Up);
        assert_eq!(aliyun_health(Some("failed")).state, State::Down);
        assert_eq!(huawei_tunnel(Some("PENDING_CREATE")).state, State::Pending);
    }

    #[test]
    fn combine_parts() {
        use State::*;
        assert_eq!(State::combine([Up, Up]), Up);
        assert_eq!(State::combine([Up, Down]), Partial);
        assert_eq!(State::combine([Down, Down]), Down);
        assert_eq!(State::combine([Pending, Down]), Pending);
        assert_eq!(State::combine([]), Unknown);
    }

    #[test]
    fn transition_on_raw_change_only() {
        let a = StateValue::new(State::Down, Some("ike_sa_not_established"));
        let b = StateValue::new(State::Down, Some("ipsec_sa_not_established"));
        assert!(b.is_transition_from(&a));
        assert!(!a.clone().with_reason(Some("x")).is_transition_from(&a));
    }
}
