//! A resource row: what a snapshot carries in ([`ResourceItem`]) and what readers get back
//! ([`StoredResource`]). The kind-specific part is a [`Spec`], stored as jsonb `attrs`.

use super::network::{PhysicalConnection, Region, RouteTable, RouterInterface, VSwitch, Vbr, Vpc};
use super::route::Route;
use super::site::site_key;
use super::state::{Facet, StateValue};
use super::vpn::{
    BgpSession, Connection, CustomerGateway, HealthCheck, SslVpnServer, Tunnel, VpnGateway,
};
use super::ResourceKind;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The kind-specific, provider-neutral attributes of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Spec {
    Region(Region),
    VpnGateway(VpnGateway),
    CustomerGateway(CustomerGateway),
    Connection(Connection),
    Tunnel(Tunnel),
    BgpSession(BgpSession),
    HealthCheck(HealthCheck),
    Route(Route),
    Vpc(Vpc),
    VSwitch(VSwitch),
    RouteTable(RouteTable),
    Vbr(Vbr),
    RouterInterface(RouterInterface),
    PhysicalConnection(PhysicalConnection),
    SslVpnServer(SslVpnServer),
}

impl Spec {
    /// The kind this spec belongs to.
    pub fn kind(&self) -> ResourceKind {
        match self {
            Spec::Region(_) => ResourceKind::Region,
            Spec::VpnGateway(_) => ResourceKind::VpnGateway,
            Spec::CustomerGateway(_) => ResourceKind::CustomerGateway,
            Spec::Connection(_) => ResourceKind::Connection,
            Spec::Tunnel(_) => ResourceKind::Tunnel,
            Spec::BgpSession(_) => ResourceKind::BgpSession,
            Spec::HealthCheck(_) => ResourceKind::HealthCheck,
            Spec::Route(_) => ResourceKind::Route,
            Spec::Vpc(_) => ResourceKind::Vpc,
            Spec::VSwitch(_) => ResourceKind::VSwitch,
            Spec::RouteTable(_) => ResourceKind::RouteTable,
            Spec::Vbr(_) => ResourceKind::Vbr,
            Spec::RouterInterface(_) => ResourceKind::RouterInterface,
            Spec::PhysicalConnection(_) => ResourceKind::PhysicalConnection,
            Spec::SslVpnServer(_) => ResourceKind::SslVpnServer,
        }
    }

    /// Site merge key, for customer gateways only.
    pub fn site_key(&self) -> Option<String> {
        match self {
            Spec::CustomerGateway(c) => site_key(c.ip_address.as_deref(), c.fqdn.as_deref(), c.asn),
            _ => None,
        }
    }

    /// Attributes that are live counters, not configuration: left out of config diffs so
    /// "what changed" lists edits, not traffic.
    pub fn volatile_fields(&self) -> &'static [&'static str] {
        match self {
            Spec::BgpSession(_) => &["since", "learned", "received_count"],
            Spec::SslVpnServer(_) => &["connections"],
            _ => &[],
        }
    }

    /// Attributes that are running counters, moving on every poll while nothing happened
    /// (Huawei's BGP uptime, copied into `since`): see `counters.rs`.
    pub fn counter_fields(&self) -> &'static [&'static str] {
        match self {
            Spec::BgpSession(_) => &["since"],
            _ => &[],
        }
    }
}

/// One resource in a snapshot, as the sync engine hands it over.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceItem {
    /// The cloud's own id (or a synthetic stable key for id-less things such as routes).
    pub cloud_id: String,
    /// Display name.
    pub name: Option<String>,
    /// Cloud id of the owner (gateway of a connection, connection of a tunnel…).
    pub parent_id: Option<String>,
    /// Main state.
    pub state: StateValue,
    /// Further states (IKE / IPsec / health / BGP of a tunnel).
    pub facets: BTreeMap<Facet, StateValue>,
    /// Kind-specific attributes.
    pub spec: Spec,
    /// The cloud's payload; secrets are removed again on write.
    pub raw: Value,
}

impl ResourceItem {
    /// An item with an unknown state and no facets.
    pub fn new(cloud_id: impl Into<String>, spec: Spec, raw: Value) -> Self {
        Self {
            cloud_id: cloud_id.into(),
            name: None,
            parent_id: None,
            state: StateValue::default(),
            facets: BTreeMap::new(),
            spec,
            raw,
        }
    }
}

/// Identifies one resource row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResourceRef {
    /// Account.
    pub account_id: Uuid,
    /// Region.
    pub region: String,
    /// Kind.
    pub kind: ResourceKind,
    /// Cloud id.
    pub cloud_id: String,
}

/// A resource as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredResource {
    /// Which row.
    pub key: ResourceRef,
    /// Display name.
    pub name: Option<String>,
    /// Owner's cloud id.
    pub parent_id: Option<String>,
    /// Main state with raw string and reason.
    pub state: StateValue,
    /// Per-facet states.
    pub facets: BTreeMap<Facet, StateValue>,
    /// Attributes.
    pub spec: Spec,
    /// Redacted cloud payload.
    pub raw: Value,
    /// Site merge key (customer gateways).
    pub site_key: Option<String>,
    /// First seen by a sync.
    pub first_seen_at: DateTime<Utc>,
    /// Last present in a snapshot.
    pub last_seen_at: DateTime<Utc>,
    /// Last config or state change.
    pub changed_at: DateTime<Utc>,
    /// Main state unchanged since.
    pub state_since: DateTime<Utc>,
    /// Generation of the last snapshot it was in.
    pub generation: i64,
    /// When it disappeared, if it did.
    pub gone_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_json_is_tagged_by_kind() {
        let s = Spec::Vpc(Vpc {
            cidrs: vec!["10.0.0.0/16".into()],
            ..Vpc::default()
        });
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["kind"], "vpc");
        assert_eq!(serde_json::from_value::<Spec>(v).unwrap(), s);
        assert_eq!(s.kind(), ResourceKind::Vpc);
    }
}
