//! VPN gateway reads (spec §3.2–§3.5): gateways, AZs, routing table, certificate, jobs.

use super::{push_opt, seg};
use crate::client::Client;
use crate::error::Error;
use crate::pagination::{collect_all, Page, PageRequest};
use crate::types::*;

impl Client {
    /// `GET /v5/{p}/vpn-gateways` — unpaginated; optional enterprise-project filter
    /// (repeatable key, spec §3.2).
    pub async fn list_vpn_gateways(
        &self,
        enterprise_project_ids: &[String],
    ) -> Result<Vec<VpnGateway>, Error> {
        let query: Vec<(String, String)> = enterprise_project_ids
            .iter()
            .map(|e| ("enterprise_project_id".to_string(), e.clone()))
            .collect();
        let r: ListVpnGatewaysResponse = self.vpn_get("/vpn-gateways", &query).await?;
        Ok(r.vpn_gateways)
    }

    /// `GET /v5/{p}/vpn-gateways/{vgw_id}`.
    pub async fn show_vpn_gateway(&self, vgw_id: &str) -> Result<VpnGateway, Error> {
        let r: ShowVpnGatewayResponse = self
            .vpn_get(&format!("/vpn-gateways/{}", seg(vgw_id)), &[])
            .await?;
        Ok(r.vpn_gateway)
    }

    /// `GET /v5/{p}/vpn-gateways/availability-zones` (v5 map shape).
    pub async fn list_gateway_availability_zones(
        &self,
    ) -> Result<AvailabilityZonesResponse, Error> {
        self.vpn_get("/vpn-gateways/availability-zones", &[]).await
    }

    /// One page of `GET /v5/{p}/vpn-gateways/{vgw_id}/routing-table`.
    pub async fn list_routing_table(
        &self,
        vgw_id: &str,
        page: &PageRequest,
    ) -> Result<Page<RouteEntry>, Error> {
        let path = format!("/vpn-gateways/{}/routing-table", seg(vgw_id));
        self.list_page::<RoutingTableResponse>(&path, vec![], page)
            .await
    }

    /// Every route of a gateway.
    pub async fn list_all_routes(&self, vgw_id: &str) -> Result<Vec<RouteEntry>, Error> {
        collect_all(
            |marker| async move { self.list_routing_table(vgw_id, &self.page_at(marker)).await },
        )
        .await
    }

    /// `GET /v5/{p}/vpn-gateways/{vgw_id}/certificate` (GM gateways).
    pub async fn show_gateway_certificate(
        &self,
        vgw_id: &str,
    ) -> Result<GatewayCertificate, Error> {
        let r: ShowGatewayCertificateResponse = self
            .vpn_get(&format!("/vpn-gateways/{}/certificate", seg(vgw_id)), &[])
            .await?;
        Ok(r.certificate)
    }

    /// `GET /v5/{p}/vpn-gateways/jobs[?resource_id=]` — upgrade jobs.
    pub async fn list_gateway_jobs(&self, resource_id: Option<&str>) -> Result<Vec<Job>, Error> {
        let mut query = vec![];
        push_opt(&mut query, "resource_id", resource_id);
        let r: ListJobsResponse = self.vpn_get("/vpn-gateways/jobs", &query).await?;
        Ok(r.jobs)
    }
}
