//! VPN servers, users, user groups and access policies of P2C gateways (spec §3.10–§3.11).

use super::{push_page, seg};
use crate::client::Client;
use crate::error::Error;
use crate::pagination::{collect_all, next_marker, Page, PageRequest};
use crate::types::*;

fn srv(vpn_server_id: &str, tail: &str) -> String {
    format!("/p2c-vpn-gateways/vpn-servers/{}{tail}", seg(vpn_server_id))
}

impl Client {
    /// `GET /v5/{p}/p2c-vpn-gateways/{id}/vpn-servers` — the servers of one gateway.
    pub async fn list_gateway_vpn_servers(
        &self,
        p2c_vgw_id: &str,
    ) -> Result<Vec<VpnServer>, Error> {
        let r: ListVpnServersResponse = self
            .vpn_get(
                &format!("/p2c-vpn-gateways/{}/vpn-servers", seg(p2c_vgw_id)),
                &[],
            )
            .await?;
        Ok(r.vpn_servers)
    }

    /// One page of `GET /v5/{p}/vpn-servers?limit&marker` (project-wide).
    pub async fn list_vpn_servers(&self, page: &PageRequest) -> Result<Page<VpnServer>, Error> {
        let mut query = vec![];
        let limit = push_page(&mut query, page);
        let r: ListVpnServersResponse = self.vpn_get("/vpn-servers", &query).await?;
        Ok(Page {
            next_marker: next_marker(
                &r.vpn_servers,
                r.page_info.as_ref(),
                limit,
                page.marker.as_deref(),
            ),
            items: r.vpn_servers,
            total_count: r.total_count,
            request_id: r.request_id,
        })
    }

    /// Every VPN server of the project.
    pub async fn list_all_vpn_servers(&self) -> Result<Vec<VpnServer>, Error> {
        collect_all(|marker| async move {
            self.list_vpn_servers(&PageRequest {
                limit: Some(self.config().page_limit),
                marker,
            })
            .await
        })
        .await
    }

    /// One page of `GET {srv}/users`.
    pub async fn list_p2c_users(
        &self,
        vpn_server_id: &str,
        page: &PageRequest,
    ) -> Result<Page<P2cUser>, Error> {
        let mut query = vec![];
        let limit = push_page(&mut query, page);
        let r: ListUsersResponse = self.vpn_get(&srv(vpn_server_id, "/users"), &query).await?;
        Ok(Page {
            next_marker: next_marker(
                &r.users,
                r.page_info.as_ref(),
                limit,
                page.marker.as_deref(),
            ),
            items: r.users,
            total_count: r.total_count,
            request_id: r.request_id,
        })
    }

    /// Every user of a VPN server.
    pub async fn list_all_p2c_users(&self, vpn_server_id: &str) -> Result<Vec<P2cUser>, Error> {
        collect_all(|marker| async move {
            self.list_p2c_users(
                vpn_server_id,
                &PageRequest {
                    limit: Some(self.config().page_limit),
                    marker,
                },
            )
            .await
        })
        .await
    }

    /// One page of `GET {srv}/groups`.
    pub async fn list_user_groups(
        &self,
        vpn_server_id: &str,
        page: &PageRequest,
    ) -> Result<Page<UserGroup>, Error> {
        let mut query = vec![];
        let limit = push_page(&mut query, page);
        let r: ListUserGroupsResponse =
            self.vpn_get(&srv(vpn_server_id, "/groups"), &query).await?;
        Ok(Page {
            next_marker: next_marker(
                &r.user_groups,
                r.page_info.as_ref(),
                limit,
                page.marker.as_deref(),
            ),
            items: r.user_groups,
            total_count: r.total_count,
            request_id: r.request_id,
        })
    }

    /// Every user group of a VPN server.
    pub async fn list_all_user_groups(&self, vpn_server_id: &str) -> Result<Vec<UserGroup>, Error> {
        collect_all(|marker| async move {
            self.list_user_groups(
                vpn_server_id,
                &PageRequest {
                    limit: Some(self.config().page_limit),
                    marker,
                },
            )
            .await
        })
        .await
    }

    /// One page of `GET {srv}/access-policies`.
    pub async fn list_access_policies(
        &self,
        vpn_server_id: &str,
        page: &PageRequest,
    ) -> Result<Page<AccessPolicy>, Error> {
        let mut query = vec![];
        let limit = push_page(&mut query, page);
        let r: ListAccessPoliciesResponse = self
            .vpn_get(&srv(vpn_server_id, "/access-policies"), &query)
            .await?;
        Ok(Page {
            next_marker: next_marker(
                &r.access_policies,
                r.page_info.as_ref(),
                limit,
                page.marker.as_deref(),
            ),
            items: r.access_policies,
            total_count: r.total_count,
            request_id: r.request_id,
        })
    }

    /// Every access policy of a VPN server.
    pub async fn list_all_access_policies(
        &self,
        vpn_server_id: &str,
    ) -> Result<Vec<AccessPolicy>, Error> {
        collect_all(|marker| async move {
            self.list_access_policies(
                vpn_server_id,
                &PageRequest {
                    limit: Some(self.config().page_limit),
                    marker,
                },
            )
            .await
        })
        .await
    }
}
