//! Sites: customer gateways of every account and cloud that are the same on-premises device,
//! merged by public IP (or, lacking one, by FQDN and ASN).

use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use uuid::Uuid;

/// The merge key of a customer gateway: `ip:<canonical address>` when it has a public IP,
/// else `fqdn:<lower-case name>[#asn]`, else `asn:<asn>`; `None` when nothing identifies it.
/// The ASN does not split IP-keyed sites: one device may speak different ASNs per cloud.
pub fn site_key(ip: Option<&str>, fqdn: Option<&str>, asn: Option<u32>) -> Option<String> {
    if let Some(ip) = ip.map(str::trim).and_then(|s| s.parse::<IpAddr>().ok()) {
        // Canonical text: "10.0.0.1" and "::ffff:10.0.0.1" name one device.
        let ip = match ip {
            IpAddr::V6(v6) => v6
                .to_ipv4_mapped()
                .map(IpAddr::V4)
                .unwrap_or(IpAddr::V6(v6)),
            v4 => v4,
        };
        return Some(format!("ip:{ip}"));
    }
    let fqdn = fqdn
        .map(|f| f.trim().trim_end_matches('.').to_ascii_lowercase())
        .filter(|f| !f.is_empty());
    match (fqdn, asn) {
        (Some(f), Some(a)) => Some(format!("fqdn:{f}#{a}")),
        (Some(f), None) => Some(format!("fqdn:{f}")),
        (None, Some(a)) => Some(format!("asn:{a}")),
        (None, None) => None,
    }
}

/// One customer gateway that belongs to a site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteMember {
    /// Account.
    pub account_id: Uuid,
    /// Region.
    pub region: String,
    /// Cloud id of the customer gateway.
    pub cloud_id: String,
    /// Its name.
    pub name: Option<String>,
    /// Its ASN.
    pub asn: Option<u32>,
}

/// An on-premises site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// Merge key ([`site_key`]).
    pub key: String,
    /// Customer gateways of all accounts that are this site.
    pub members: Vec<SiteMember>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_wins_and_is_canonical() {
        assert_eq!(
            site_key(Some(" 203.0.113.7 "), Some("x.example"), Some(65000)).as_deref(),
            Some("ip:203.0.113.7")
        );
        assert_eq!(
            site_key(Some("::ffff:203.0.113.7"), None, None),
            site_key(Some("203.0.113.7"), None, Some(65001))
        );
    }

    #[test]
    fn fallbacks() {
        assert_eq!(
            site_key(Some("not-an-ip"), Some("VPN.Example.COM."), Some(65000)).as_deref(),
            Some("fqdn:vpn.example.com#65000")
        );
        assert_eq!(site_key(None, None, Some(7)).as_deref(), Some("asn:7"));
        assert_eq!(site_key(None, Some("  "), None), None);
    }
}
