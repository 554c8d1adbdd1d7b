//! VPN route writes (alibaba.md §3.5): `PublishVpnRouteEntry`, `ModifyVpnRouteEntryWeight`,
//! `ModifyVpnPbrRouteEntryWeight`, applied to the estate, with `ClientToken` idempotency
//! (§1.12): same token + same parameters → the original answer without side effects;
//! same token + different parameters → `IdempotentParameterMismatch`.

use serde_json::{json, Value};

use super::auth::param;
use super::errors::AliErr;
use crate::server::{lock, Shared};

pub fn is_write(action: &str) -> bool {
    matches!(
        action,
        "PublishVpnRouteEntry" | "ModifyVpnRouteEntryWeight" | "ModifyVpnPbrRouteEntryWeight"
    )
}

/// Parameters that identify the logical request (everything but per-attempt signing data).
fn fingerprint(p: &[(String, String)]) -> String {
    const VOLATILE: &[&str] = &[
        "Signature",
        "SignatureNonce",
        "Timestamp",
        "TimeStamp",
        "Format",
    ];
    let mut v: Vec<_> = p
        .iter()
        .filter(|(k, _)| !VOLATILE.contains(&k.as_str()))
        .cloned()
        .collect();
    v.sort();
    format!("{v:?}")
}

fn req<'a>(p: &'a [(String, String)], k: &str) -> Result<&'a str, AliErr> {
    param(p, k)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| AliErr::missing(k))
}

fn weight(p: &[(String, String)], k: &str) -> Result<u32, AliErr> {
    let v = req(p, k)?;
    // VPN route weight is 0 or 100 (§5.9).
    v.parse()
        .ok()
        .filter(|w| *w == 0 || *w == 100)
        .ok_or_else(|| AliErr::invalid(k, v))
}

pub fn handle(
    state: &Shared,
    account: usize,
    action: &str,
    p: &[(String, String)],
) -> Result<Value, AliErr> {
    let token = param(p, "ClientToken").filter(|t| !t.is_empty());
    if let Some(t) = token {
        if t.len() > 64 || !t.is_ascii() {
            return Err(AliErr::invalid("ClientToken", t));
        }
    }
    let key_id = param(p, "AccessKeyId").unwrap_or_default().to_owned();
    let fp = fingerprint(p);
    if let Some(t) = token {
        if let Some((seen_fp, resp)) = lock(&state.idempotency).get(&(key_id.clone(), t.to_owned()))
        {
            if *seen_fp != fp {
                return Err(AliErr::new(400, "IdempotentParameterMismatch", "The request uses the same client token as a previous, but non-identical request."));
            }
            return Ok(resp.clone());
        }
    }
    apply(state, account, action, p)?;
    let resp = json!({"RequestId": uuid::Uuid::new_v4().to_string().to_uppercase()});
    if let Some(t) = token {
        lock(&state.idempotency).insert((key_id, t.to_owned()), (fp, resp.clone()));
    }
    Ok(resp)
}

fn apply(
    state: &Shared,
    account: usize,
    action: &str,
    p: &[(String, String)],
) -> Result<(), AliErr> {
    let region_id = req(p, "RegionId")?;
    let gw = req(p, "VpnGatewayId")?;
    let dest = req(p, "RouteDest")?;
    let hop = req(p, "NextHop")?;
    let mut estate = state.estate_mut();
    let region = estate.accounts[account]
        .aliyun
        .iter_mut()
        .find(|r| r.region_id == region_id)
        .ok_or_else(|| AliErr::not_found("InvalidVpnGatewayInstanceId.NotFound", "VPN gateway"))?;
    if !region
        .vpn_gateways
        .iter()
        .any(|g| g.vpn_gateway_id.as_deref() == Some(gw))
    {
        return Err(AliErr::not_found(
            "InvalidVpnGatewayInstanceId.NotFound",
            "VPN gateway",
        ));
    }
    let not_found = || AliErr::not_found("InvalidVpnRouteEntry.NotFound", "VPN route entry");
    let is = |a: &Option<String>, b: &str| a.as_deref() == Some(b);
    match action {
        "PublishVpnRouteEntry" => {
            let publish = match req(p, "PublishVpc")? {
                "true" | "True" | "1" => true,
                "false" | "False" | "0" => false,
                other => return Err(AliErr::invalid("PublishVpc", other)),
            };
            let state_s = if publish { "published" } else { "normal" };
            match req(p, "RouteType")? {
                "dbr" => {
                    let e = region
                        .vpn_routes
                        .iter_mut()
                        .find(|e| {
                            is(&e.vpn_instance_id, gw)
                                && is(&e.route_dest, dest)
                                && is(&e.next_hop, hop)
                        })
                        .ok_or_else(not_found)?;
                    e.state = Some(state_s.into());
                }
                "pbr" => {
                    let e = region
                        .pbr_routes
                        .iter_mut()
                        .find(|e| {
                            is(&e.vpn_instance_id, gw)
                                && is(&e.route_dest, dest)
                                && is(&e.next_hop, hop)
                        })
                        .ok_or_else(not_found)?;
                    e.state = Some(state_s.into());
                }
                other => return Err(AliErr::invalid("RouteType", other)),
            }
        }
        "ModifyVpnRouteEntryWeight" => {
            let (old, new) = (weight(p, "Weight")?, weight(p, "NewWeight")?);
            let e = region
                .vpn_routes
                .iter_mut()
                .find(|e| {
                    is(&e.vpn_instance_id, gw)
                        && is(&e.route_dest, dest)
                        && is(&e.next_hop, hop)
                        && e.weight == Some(old)
                })
                .ok_or_else(not_found)?;
            e.weight = Some(new);
        }
        _ => {
            let (old, new) = (weight(p, "Weight")?, weight(p, "NewWeight")?);
            let src = req(p, "RouteSource")?;
            let e = region
                .pbr_routes
                .iter_mut()
                .find(|e| {
                    is(&e.vpn_instance_id, gw)
                        && is(&e.route_source, src)
                        && is(&e.route_dest, dest)
                        && is(&e.next_hop, hop)
                        && e.weight == Some(old)
                })
                .ok_or_else(not_found)?;
            e.weight = Some(new);
        }
    }
    Ok(())
}
