//! Operator actions on a connection: reveal its pre-shared key, download its peer
//! configuration (from the vault while fresh), publish / withdraw one of its VPN routes and
//! change a route's weight. Each needs the operator role, is audited with the cloud's request
//! id and outcome, and answers only the person who asked (the page never renders these into
//! its HTML). The work is in [`super::operator_ssr`].

use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One pre-shared key: of the connection, or of one tunnel (dual-tunnel gateways).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevealedKey {
    pub scope: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RevealedPsk {
    pub connection_id: String,
    pub keys: Vec<RevealedKey>,
}

/// A peer configuration to save as a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeerConfigFile {
    pub file_name: String,
    /// The cloud's JSON (holds the PSK).
    pub text: String,
    /// Served from the vault: no cloud call was made.
    pub from_vault: bool,
    pub fetched_at: DateTime<Utc>,
}

#[cfg(feature = "ssr")]
async fn operator(action: &str) -> Result<super::operator_ssr::Ctx, AppError> {
    let (app, who) = crate::access::guard::require(crate::access::Role::Operator, action).await?;
    let address = crate::access::guard::client_address()
        .await
        .map(|a| a.to_string());
    Ok(super::operator_ssr::Ctx {
        pool: app.pool.clone(),
        engine: app.services.sync.clone(),
        actor: who.name,
        address,
    })
}

#[server(endpoint = "operator/psk")]
pub async fn reveal_psk(connection_id: String) -> Result<RevealedPsk, AppError> {
    let ctx = operator("psk_revealed").await?;
    crate::error::respond(super::operator_ssr::reveal(&ctx, &connection_id).await)
}

#[server(endpoint = "operator/peer-config")]
pub async fn download_peer_config(connection_id: String) -> Result<PeerConfigFile, AppError> {
    let ctx = operator("peer_config_downloaded").await?;
    crate::error::respond(super::operator_ssr::peer_config(&ctx, &connection_id, Utc::now()).await)
}

/// `publish`: true to advertise the route into the VPC, false to withdraw it.
#[server(endpoint = "operator/route/publish")]
pub async fn publish_route(
    connection_id: String,
    route: String,
    publish: bool,
) -> Result<String, AppError> {
    let ctx = operator(super::operator_ssr::publish_action(publish)).await?;
    crate::error::respond(super::operator_ssr::publish(&ctx, &connection_id, &route, publish).await)
}

/// `weight`: the new weight, 0 (standby) or 100 (preferred).
#[server(endpoint = "operator/route/weight")]
pub async fn set_route_weight(
    connection_id: String,
    route: String,
    weight: u32,
) -> Result<String, AppError> {
    let ctx = operator("vpn_route_weight_changed").await?;
    crate::error::respond(
        super::operator_ssr::set_weight(&ctx, &connection_id, &route, weight).await,
    )
}
