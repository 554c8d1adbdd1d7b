//! Quotas (spec §3.12) and tags (§3.13).

use super::seg;
use crate::client::Client;
use crate::error::Error;
use crate::types::*;

/// Taggable resource kinds, as used in tag API paths (spec §3.13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagResourceType {
    VpnGateway,
    CustomerGateway,
    VpnConnection,
    P2cVpnGateway,
}

impl TagResourceType {
    pub fn path_segment(self) -> &'static str {
        match self {
            Self::VpnGateway => "vpn-gateway",
            Self::CustomerGateway => "customer-gateway",
            Self::VpnConnection => "vpn-connection",
            Self::P2cVpnGateway => "p2c-vpn-gateways",
        }
    }
}

impl Client {
    /// `GET /v5/{p}/vpn/quotas`.
    pub async fn show_quotas(&self) -> Result<Vec<QuotaResource>, Error> {
        let r: QuotasResponse = self.vpn_get("/vpn/quotas", &[]).await?;
        Ok(r.quotas.resources)
    }

    /// `GET /v5/{p}/{resource_type}/{resource_id}/tags`.
    pub async fn list_resource_tags(
        &self,
        kind: TagResourceType,
        resource_id: &str,
    ) -> Result<Vec<Tag>, Error> {
        let path = format!("/{}/{}/tags", kind.path_segment(), seg(resource_id));
        let r: ResourceTagsResponse = self.vpn_get(&path, &[]).await?;
        Ok(r.tags)
    }

    /// `GET /v5/{p}/{resource_type}/tags` — every tag key and its values in the project.
    pub async fn list_project_tags(&self, kind: TagResourceType) -> Result<Vec<TagValues>, Error> {
        let r: ProjectTagsResponse = self
            .vpn_get(&format!("/{}/tags", kind.path_segment()), &[])
            .await?;
        Ok(r.tags)
    }
}
