//! Service endpoints (spec §2.1 and §1.2): public defaults per region, or one override per
//! account (private endpoints, the emulator). Plain `http://` is accepted only for loopback
//! hosts unless `allow_insecure_http` is set, so AK-signed traffic never leaves the machine
//! unencrypted by accident.

use crate::error::Error;
use std::net::IpAddr;
use url::Url;

/// The two base URLs the client talks to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// VPN service base, e.g. `https://vpn.cn-north-4.myhuaweicloud.com`.
    pub vpn: Url,
    /// IAM base used for project-id discovery, e.g. `https://iam.myhuaweicloud.com`.
    pub iam: Url,
}

/// Default global IAM endpoint the SDK uses for project discovery (spec §1.2).
pub const GLOBAL_IAM: &str = "https://iam.myhuaweicloud.com";

impl Endpoints {
    /// Public endpoints for `region` (spec §2.1: `https://vpn.{region}.myhuaweicloud.com`).
    pub fn public(region: &str) -> Result<Self, Error> {
        if region.is_empty()
            || !region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(Error::Endpoint(format!("invalid region id {region:?}")));
        }
        let vpn = format!("https://vpn.{region}.myhuaweicloud.com");
        Self::custom(&vpn, GLOBAL_IAM, false)
    }

    /// Separate VPN and IAM base URLs.
    pub fn custom(vpn: &str, iam: &str, allow_insecure_http: bool) -> Result<Self, Error> {
        Ok(Self {
            vpn: validate(vpn, allow_insecure_http)?,
            iam: validate(iam, allow_insecure_http)?,
        })
    }

    /// One base URL for both VPN and IAM calls (the emulator, a private gateway).
    pub fn override_all(base: &str, allow_insecure_http: bool) -> Result<Self, Error> {
        Self::custom(base, base, allow_insecure_http)
    }
}

/// True for `localhost`, 127.0.0.0/8 and `::1`.
pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

fn validate(raw: &str, allow_insecure_http: bool) -> Result<Url, Error> {
    let url = Url::parse(raw).map_err(|e| Error::Endpoint(format!("{raw:?}: {e}")))?;
    if url.host().is_none() {
        return Err(Error::Endpoint(format!("{raw:?} has no host")));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Endpoint(
            "credentials in the endpoint URL are not allowed".into(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Endpoint(format!(
            "{raw:?} must not have a query or fragment"
        )));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback_host(&url) || allow_insecure_http => Ok(url),
        "http" => Err(Error::Endpoint(format!(
            "{raw:?} uses plain http to a non-loopback host; use https or set allow_insecure_http"
        ))),
        other => Err(Error::Endpoint(format!(
            "unsupported scheme {other:?} in {raw:?}"
        ))),
    }
}

/// The authority to sign as `Host`: `host[:port]`, port omitted when it is the scheme default
/// (spec §1.4: sign exactly what the HTTP library sends).
pub fn host_header(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    }
}

/// Joins a base URL (which may carry a path prefix) with an absolute API path.
pub fn join_path(base: &Url, path: &str) -> String {
    format!("{}{}", base.path().trim_end_matches('/'), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_endpoints_follow_the_region_pattern() {
        let e = Endpoints::public("cn-north-4").unwrap();
        assert_eq!(e.vpn.as_str(), "https://vpn.cn-north-4.myhuaweicloud.com/");
        assert_eq!(e.iam.as_str(), "https://iam.myhuaweicloud.com/");
        assert_eq!(host_header(&e.vpn), "vpn.cn-north-4.myhuaweicloud.com");
        assert!(Endpoints::public("cn north").is_err());
    }

    #[test]
    fn http_only_for_loopback_unless_allowed() {
        assert!(Endpoints::override_all("http://127.0.0.1:8080", false).is_ok());
        assert!(Endpoints::override_all("http://localhost:1", false).is_ok());
        assert!(Endpoints::override_all("http://[::1]:9", false).is_ok());
        let err = Endpoints::override_all("http://10.0.0.5:8080", false).unwrap_err();
        assert!(err.to_string().contains("allow_insecure_http"));
        assert!(Endpoints::override_all("http://10.0.0.5:8080", true).is_ok());
        assert!(Endpoints::override_all("ftp://x", true).is_err());
        assert!(Endpoints::override_all("https://u:p@x", false).is_err());
    }

    #[test]
    fn host_header_keeps_explicit_port_and_prefix_paths_join() {
        let u = Url::parse("http://127.0.0.1:8080/emu/").unwrap();
        assert_eq!(host_header(&u), "127.0.0.1:8080");
        assert_eq!(join_path(&u, "/v5/p/x"), "/emu/v5/p/x");
        let u = Url::parse("https://h:443").unwrap();
        assert_eq!(host_header(&u), "h");
        assert_eq!(join_path(&u, "/v3/projects"), "/v3/projects");
    }
}
