//! P2C gateway operations (spec §3.9): gateways, live client sessions, jobs.

use super::{push_opt, seg};
use crate::client::Client;
use crate::error::Error;
use crate::pagination::{collect_all, collect_offset, Page, PageRequest};
use crate::types::*;

/// Page size for the offset-paginated session list.
const SESSION_PAGE: u32 = 100;

impl Client {
    /// One page of `GET /v5/{p}/p2c-vpn-gateways?limit&marker`.
    pub async fn list_p2c_gateways(
        &self,
        page: &PageRequest,
    ) -> Result<Page<P2cVpnGateway>, Error> {
        self.list_page::<ListP2cGatewaysResponse>("/p2c-vpn-gateways", vec![], page)
            .await
    }

    /// Every P2C gateway.
    pub async fn list_all_p2c_gateways(&self) -> Result<Vec<P2cVpnGateway>, Error> {
        collect_all(|marker| async move { self.list_p2c_gateways(&self.page_at(marker)).await })
            .await
    }

    /// `GET /v5/{p}/p2c-vpn-gateways/{id}`.
    pub async fn show_p2c_gateway(&self, id: &str) -> Result<P2cVpnGateway, Error> {
        let r: ShowP2cGatewayResponse = self
            .vpn_get(&format!("/p2c-vpn-gateways/{}", seg(id)), &[])
            .await?;
        Ok(r.p2c_vpn_gateway)
    }

    /// One page of `GET /v5/{p}/p2c-vpn-gateways/{id}/connections?limit&offset`.
    pub async fn list_p2c_connections(
        &self,
        p2c_vgw_id: &str,
        limit: u32,
        offset: u32,
    ) -> Result<ListP2cConnectionsResponse, Error> {
        let query = vec![
            ("limit".to_string(), limit.to_string()),
            ("offset".to_string(), offset.to_string()),
        ];
        self.vpn_get(
            &format!("/p2c-vpn-gateways/{}/connections", seg(p2c_vgw_id)),
            &query,
        )
        .await
    }

    /// Every connected client of a P2C gateway (offset pagination, spec §2.4 B).
    pub async fn list_all_p2c_connections(
        &self,
        p2c_vgw_id: &str,
    ) -> Result<Vec<P2cConnection>, Error> {
        collect_offset(SESSION_PAGE, |offset| async move {
            let r = self
                .list_p2c_connections(p2c_vgw_id, SESSION_PAGE, offset)
                .await?;
            Ok((r.connections, r.total_count))
        })
        .await
    }

    /// `GET /v5/{p}/p2c-vpn-gateways/jobs[?resource_id=]`.
    pub async fn list_p2c_jobs(&self, resource_id: Option<&str>) -> Result<Vec<Job>, Error> {
        let mut query = vec![];
        push_opt(&mut query, "resource_id", resource_id);
        let r: ListJobsResponse = self.vpn_get("/p2c-vpn-gateways/jobs", &query).await?;
        Ok(r.jobs)
    }
}
