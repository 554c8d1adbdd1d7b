//! VPN route writes (spec §3.5). Each carries a `ClientToken` (caller-supplied or a fresh
//! UUID) that is reused on every retry, so a retried write cannot apply twice (§1.12);
//! without that guarantee a write would never be retried.

use crate::client::{Client, Retry};
use crate::error::Error;
use crate::types::write::{ModifyVpnRouteWeight, PublishVpnRouteEntry, WriteResponse};

fn with_token(mut p: Vec<(String, String)>, token: Option<&str>) -> Vec<(String, String)> {
    let token = token
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    p.push(("ClientToken".to_owned(), token));
    p
}

impl Client {
    /// Publishes a VPN route to (or withdraws it from) the VPC route table.
    pub async fn publish_vpn_route_entry(
        &self,
        req: &PublishVpnRouteEntry,
        client_token: Option<&str>,
    ) -> Result<WriteResponse, Error> {
        let p = with_token(req.params(), client_token);
        self.call_typed("PublishVpnRouteEntry", &p, Retry::Safe)
            .await
    }

    /// Changes the weight of a destination route, or of a policy route when
    /// `req.route_source` is set (`ModifyVpnPbrRouteEntryWeight`).
    pub async fn modify_vpn_route_weight(
        &self,
        req: &ModifyVpnRouteWeight,
        client_token: Option<&str>,
    ) -> Result<WriteResponse, Error> {
        let p = with_token(req.params(), client_token);
        self.call_typed(req.action(), &p, Retry::Safe).await
    }
}
