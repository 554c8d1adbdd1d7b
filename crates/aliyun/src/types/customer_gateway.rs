//! Customer gateways: `DescribeCustomerGateways`, `DescribeCustomerGateway` (spec §3.3).

use serde::{Deserialize, Serialize};

/// One customer gateway (the on-premises VPN device).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerGateway {
    /// `CustomerGatewayId`.
    #[serde(rename = "CustomerGatewayId", skip_serializing_if = "Option::is_none")]
    pub customer_gateway_id: Option<String>,
    /// `Name`.
    #[serde(rename = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `Description`.
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Public IP of the on-premises device.
    #[serde(rename = "IpAddress", skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    /// Epoch ms.
    #[serde(
        rename = "CreateTime",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<i64>,
    /// On-premises BGP ASN (S0 only).
    #[serde(
        rename = "Asn",
        deserialize_with = "crate::serde_util::string_or_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub asn: Option<u32>,
    /// Fields this crate does not model, kept for detail views.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

crate::list_of!(
    /// `CustomerGateways` container.
    CustomerGatewaySet, "CustomerGateway", CustomerGateway
);

crate::paged!(
    /// Response of `DescribeCustomerGateways`.
    DescribeCustomerGatewaysResponse, "DescribeCustomerGateways", "CustomerGateways",
    customer_gateways: CustomerGatewaySet => CustomerGateway
);

crate::single!(
    /// Response of `DescribeCustomerGateway`.
    DescribeCustomerGatewayResponse, gateway: CustomerGateway
);
