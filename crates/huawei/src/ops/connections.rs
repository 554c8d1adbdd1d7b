//! VPN connection and connection-monitor operations (spec §3.7, §3.8).

use super::{push_opt, seg};
use crate::client::Client;
use crate::error::Error;
use crate::pagination::{collect_all, Page, PageRequest};
use crate::types::*;
use reqwest::Method;

/// Filters for `GET /v5/{p}/vpn-connection`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListVpnConnectionsFilter {
    pub vgw_id: Option<String>,
    pub vgw_ip: Option<String>,
    pub enterprise_project_ids: Vec<String>,
}

impl Client {
    /// One page of `GET /v5/{p}/vpn-connection` (singular path).
    pub async fn list_vpn_connections(
        &self,
        filter: &ListVpnConnectionsFilter,
        page: &PageRequest,
    ) -> Result<Page<VpnConnection>, Error> {
        let mut query = vec![];
        push_opt(&mut query, "vgw_id", filter.vgw_id.as_deref());
        push_opt(&mut query, "vgw_ip", filter.vgw_ip.as_deref());
        for e in &filter.enterprise_project_ids {
            query.push(("enterprise_project_id".into(), e.clone()));
        }
        // Always send an explicit limit: the documented default is unclear (spec §2.4).
        self.list_page::<ListVpnConnectionsResponse>("/vpn-connection", query, page)
            .await
    }

    /// Every VPN connection matching `filter`.
    pub async fn list_all_vpn_connections(
        &self,
        filter: &ListVpnConnectionsFilter,
    ) -> Result<Vec<VpnConnection>, Error> {
        collect_all(|marker| async move {
            self.list_vpn_connections(filter, &self.page_at(marker))
                .await
        })
        .await
    }

    /// `GET /v5/{p}/vpn-connection/{id}` — the only call returning `bgp_peer`.
    pub async fn show_vpn_connection(&self, id: &str) -> Result<VpnConnection, Error> {
        let r: ShowVpnConnectionResponse = self
            .vpn_get(&format!("/vpn-connection/{}", seg(id)), &[])
            .await?;
        Ok(r.vpn_connection)
    }

    /// `GET /v5/{p}/vpn-connection/{id}/log` — IKE/IPsec negotiation log (unpaginated).
    pub async fn list_vpn_connection_logs(&self, id: &str) -> Result<Vec<ConnectionLog>, Error> {
        let r: ConnectionLogsResponse = self
            .vpn_get(&format!("/vpn-connection/{}/log", seg(id)), &[])
            .await?;
        Ok(r.logs)
    }

    /// `POST /v5/{p}/vpn-connection/{id}/reset` (no body): renegotiate the tunnel.
    /// A write: not retried on server errors.
    pub async fn reset_vpn_connection(&self, id: &str) -> Result<(), Error> {
        self.vpn_write(
            Method::POST,
            &format!("/vpn-connection/{}/reset", seg(id)),
            None,
        )
        .await
        .map(drop)
    }

    /// `GET /v5/{p}/connection-monitors[?vpn_connection_id=]` (unpaginated).
    pub async fn list_connection_monitors(
        &self,
        vpn_connection_id: Option<&str>,
    ) -> Result<Vec<ConnectionMonitor>, Error> {
        let mut query = vec![];
        push_opt(&mut query, "vpn_connection_id", vpn_connection_id);
        let r: ListConnectionMonitorsResponse =
            self.vpn_get("/connection-monitors", &query).await?;
        Ok(r.connection_monitors)
    }

    /// `GET /v5/{p}/connection-monitors/{id}`.
    pub async fn show_connection_monitor(&self, id: &str) -> Result<ConnectionMonitor, Error> {
        let r: ShowConnectionMonitorResponse = self
            .vpn_get(&format!("/connection-monitors/{}", seg(id)), &[])
            .await?;
        Ok(r.connection_monitor)
    }
}
