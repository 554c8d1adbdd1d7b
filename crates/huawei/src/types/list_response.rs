//! The shape every marker-paginated list response shares: one page of items, `page_info`,
//! `total_count` and `request_id` (spec §2.4). One trait lets a single function fetch a page
//! of any list (see `Client::list_page`).

use super::*;
use serde::de::DeserializeOwned;

/// A list response carrying one page.
pub trait ListResponse: DeserializeOwned {
    type Item: Marked;
    /// (items, page info, total count, request id).
    fn into_parts(
        self,
    ) -> (
        Vec<Self::Item>,
        Option<PageInfo>,
        Option<i64>,
        Option<String>,
    );
}

macro_rules! list_response {
    ($response:ty, $items:ident, $item:ty) => {
        impl ListResponse for $response {
            type Item = $item;
            fn into_parts(self) -> (Vec<$item>, Option<PageInfo>, Option<i64>, Option<String>) {
                (
                    self.$items,
                    self.page_info,
                    self.total_count,
                    self.request_id,
                )
            }
        }
    };
}

list_response!(ListVpnConnectionsResponse, vpn_connections, VpnConnection);
list_response!(
    ListCustomerGatewaysResponse,
    customer_gateways,
    CustomerGateway
);
list_response!(RoutingTableResponse, routing_table, RouteEntry);
list_response!(ListP2cGatewaysResponse, p2c_vpn_gateways, P2cVpnGateway);
list_response!(ListVpnServersResponse, vpn_servers, VpnServer);
list_response!(ListUsersResponse, users, P2cUser);
list_response!(ListUserGroupsResponse, user_groups, UserGroup);
list_response!(ListAccessPoliciesResponse, access_policies, AccessPolicy);
