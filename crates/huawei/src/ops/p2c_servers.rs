//! VPN servers, users, user groups and access policies of P2C gateways (spec §3.10–§3.11).

use super::seg;
use crate::client::Client;
use crate::error::Error;
use crate::pagination::{collect_all, Page, PageRequest};
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
        self.list_page::<ListVpnServersResponse>("/vpn-servers", vec![], page)
            .await
    }

    /// Every VPN server of the project.
    pub async fn list_all_vpn_servers(&self) -> Result<Vec<VpnServer>, Error> {
        collect_all(|marker| async move { self.list_vpn_servers(&self.page_at(marker)).await })
            .await
    }

    /// One page of `GET {srv}/users`.
    pub async fn list_p2c_users(
        &self,
        vpn_server_id: &str,
        page: &PageRequest,
    ) -> Result<Page<P2cUser>, Error> {
        self.list_page::<ListUsersResponse>(&srv(vpn_server_id, "/users"), vec![], page)
            .await
    }

    /// Every user of a VPN server.
    pub async fn list_all_p2c_users(&self, vpn_server_id: &str) -> Result<Vec<P2cUser>, Error> {
        collect_all(|marker| async move {
            self.list_p2c_users(vpn_server_id, &self.page_at(marker))
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
        self.list_page::<ListUserGroupsResponse>(&srv(vpn_server_id, "/groups"), vec![], page)
            .await
    }

    /// Every user group of a VPN server.
    pub async fn list_all_user_groups(&self, vpn_server_id: &str) -> Result<Vec<UserGroup>, Error> {
        collect_all(|marker| async move {
            self.list_user_groups(vpn_server_id, &self.page_at(marker))
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
        self.list_page::<ListAccessPoliciesResponse>(
            &srv(vpn_server_id, "/access-policies"),
            vec![],
            page,
        )
        .await
    }

    /// Every access policy of a VPN server.
    pub async fn list_all_access_policies(
        &self,
        vpn_server_id: &str,
    ) -> Result<Vec<AccessPolicy>, Error> {
        collect_all(|marker| async move {
            self.list_access_policies(vpn_server_id, &self.page_at(marker))
                .await
        })
        .await
    }
}
