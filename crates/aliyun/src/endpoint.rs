//! Endpoint selection and validation (spec `alibaba.md` §1.1).
//!
//! VPC and VPN Gateway share one service. The central endpoint `vpc.aliyuncs.com` serves
//! the original regions (DescribeRegions returns it for `cn-qingdao`, S2:L25498); other
//! regions have `vpc.<region>.aliyuncs.com` (`eu-central-1`, S2:L25503; `cn-huhehaote`,
//! S2:L13527). An account may override the endpoint (private endpoint, emulator); plain
//! `http://` is accepted only for loopback hosts unless explicitly allowed.

use std::net::IpAddr;

use url::{Host, Url};

use crate::error::Error;

/// The shared central endpoint host.
pub const CENTRAL_HOST: &str = "vpc.aliyuncs.com";

/// Regions served by the central endpoint. `cn-qingdao` is seeded (S2:L25498); the rest
/// follow Alibaba's public endpoint table [EXT]. Any region works against the central
/// endpoint because `RegionId` is a signed parameter; the regional host is just closer.
const CENTRAL_REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-shenzhen",
    "cn-hongkong",
    "ap-southeast-1",
    "us-east-1",
    "us-west-1",
];

/// A validated base URL that requests are sent to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    url: Url,
}

impl Endpoint {
    /// The public default for `region`: central host for the original regions, otherwise
    /// `vpc.<region>.aliyuncs.com`, always over HTTPS.
    pub fn for_region(region: &str) -> Result<Self, Error> {
        let region = region.trim();
        let valid = !region.is_empty()
            && region
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            return Err(Error::Config(format!("invalid region id {region:?}")));
        }
        let host = if CENTRAL_REGIONS.contains(&region) {
            CENTRAL_HOST.to_owned()
        } else {
            format!("vpc.{region}.aliyuncs.com")
        };
        Self::parse(&host, false)
    }

    /// Parses an override. A bare host (`vpc-vpc.cn-beijing.aliyuncs.com`) means HTTPS.
    /// `http://` is rejected unless the host is loopback or `allow_insecure_http` is set,
    /// because the query string carries the AccessKeyId, signature and any STS token.
    pub fn parse(raw: &str, allow_insecure_http: bool) -> Result<Self, Error> {
        let raw = raw.trim();
        let with_scheme = if raw.contains("://") {
            raw.to_owned()
        } else {
            format!("https://{raw}")
        };
        let url = Url::parse(&with_scheme)
            .map_err(|e| Error::Config(format!("invalid endpoint {raw:?}: {e}")))?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Error::Config(format!(
                "endpoint {raw:?} must not contain a query or fragment"
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Error::Config("endpoint must not embed credentials".into()));
        }
        match url.scheme() {
            "https" => {}
            "http" if allow_insecure_http || is_loopback(&url) => {}
            "http" => {
                return Err(Error::Config(format!(
                    "refusing plain http:// endpoint {raw:?}: only loopback hosts may use \
                     http unless allow_insecure_http is set"
                )))
            }
            other => {
                return Err(Error::Config(format!(
                    "unsupported endpoint scheme {other:?} in {raw:?}"
                )))
            }
        }
        if url.host().is_none() {
            return Err(Error::Config(format!("endpoint {raw:?} has no host")));
        }
        Ok(Self { url })
    }

    /// The base URL (path `/` unless the override had one).
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The host name, for logs.
    pub fn host(&self) -> String {
        self.url.host_str().unwrap_or_default().to_owned()
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_endpoint_per_region() {
        let hz = Endpoint::for_region("cn-qingdao").unwrap();
        assert_eq!(hz.url().as_str(), "https://vpc.aliyuncs.com/");
        let fra = Endpoint::for_region("eu-central-1").unwrap();
        assert_eq!(fra.url().as_str(), "https://vpc.eu-central-1.aliyuncs.com/");
        assert!(Endpoint::for_region("evil.com/x").is_err());
        assert!(Endpoint::for_region("").is_err());
    }

    #[test]
    fn http_only_for_loopback_unless_allowed() {
        assert!(Endpoint::parse("http://127.0.0.1:8080", false).is_ok());
        assert!(Endpoint::parse("http://[::1]:8080", false).is_ok());
        assert!(Endpoint::parse("http://localhost:1", false).is_ok());
        let err = Endpoint::parse("http://10.0.0.5:8080", false).unwrap_err();
        assert!(err.to_string().contains("allow_insecure_http"));
        assert!(Endpoint::parse("http://10.0.0.5:8080", true).is_ok());
        assert!(Endpoint::parse("ftp://vpc.aliyuncs.com", true).is_err());
        assert!(Endpoint::parse("https://u:p@vpc.aliyuncs.com", false).is_err());
    }

    #[test]
    fn bare_host_means_https() {
        let e = Endpoint::parse("vpc-vpc.cn-beijing.aliyuncs.com", false).unwrap();
        assert_eq!(e.url().scheme(), "https");
        assert_eq!(e.host(), "vpc-vpc.cn-beijing.aliyuncs.com");
    }
}
