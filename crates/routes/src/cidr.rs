//! Parsing CIDR and IP strings coming from the clouds into typed values.
//!
//! The clouds hand us CIDRs as strings (Alibaba even packs several into one comma-separated
//! string: `LocalSubnet`, `RemoteSubnet`, `ClientIpPool`, spec alibaba §3.4/§3.6). A bad value
//! must never panic and must say *which field* and *which value* was wrong, so the sync layer
//! can log something an operator can fix. The same functions back the serde adapters, so JSON
//! input gets the same messages.

use std::net::IpAddr;

use ipnet::IpNet;

/// A value from the clouds that could not be turned into a CIDR / address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {reason}: {value:?}")]
pub struct InputError {
    /// Name of the input field (`destination`, `client_ip_pool`, …).
    pub field: String,
    /// The value exactly as received.
    pub value: String,
    /// What is wrong with it.
    pub reason: String,
}

impl InputError {
    fn new(field: &str, value: &str, reason: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            value: value.to_owned(),
            reason: reason.into(),
        }
    }
}

/// Parses one CIDR. A bare address means a host route (/32 or /128), as Alibaba's
/// CreateRouteEntry does (spec alibaba §3.11). Host bits are cleared (`10.1.2.3/8` →
/// `10.0.0.0/8`), because the clouds normalise them too and the analysis compares networks.
pub fn parse_cidr(field: &str, value: &str) -> Result<IpNet, InputError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(InputError::new(field, value, "empty CIDR"));
    }
    if let Ok(net) = trimmed.parse::<IpNet>() {
        return Ok(net.trunc());
    }
    if let Ok(addr) = trimmed.parse::<IpAddr>() {
        return Ok(IpNet::from(addr));
    }
    let reason = match trimmed.split_once('/') {
        Some((addr, _)) if addr.parse::<IpAddr>().is_err() => {
            format!("invalid address part {addr:?} in CIDR")
        }
        Some((addr, len_str)) => {
            let max = if addr.contains(':') { 128 } else { 32 };
            format!("invalid prefix length {len_str:?} (must be 0..={max})")
        }
        None => "not an IP address or CIDR".to_owned(),
    };
    Err(InputError::new(field, value, reason))
}

/// Parses a comma-separated CIDR list (`"10.0.0.0/8,192.168.1.0/24"`); empty items are skipped.
/// The error names the list field and the single bad item.
pub fn parse_cidr_list(field: &str, value: &str) -> Result<Vec<IpNet>, InputError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| parse_cidr(field, item))
        .collect()
}

/// Parses a single address (customer gateway public IP, tunnel peer).
pub fn parse_ip(field: &str, value: &str) -> Result<IpAddr, InputError> {
    value
        .trim()
        .parse::<IpAddr>()
        .map_err(|_| InputError::new(field, value, "not an IP address"))
}

/// Serde adapter for one CIDR field, with the field name in the error.
/// `serde_cidr!(mod_name, "field")` defines `mod_name::{serialize, deserialize}`.
macro_rules! serde_cidr {
    ($module:ident, $field:literal) => {
        #[doc = concat!("Serde adapter for the `", $field, "` CIDR field.")]
        pub mod $module {
            use ipnet::IpNet;
            use serde::{Deserialize, Deserializer, Serializer};

            /// Writes the CIDR as a string.
            pub fn serialize<S: Serializer>(net: &IpNet, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(net)
            }

            /// Reads a CIDR string; the error names the field and the value.
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<IpNet, D::Error> {
                let raw = String::deserialize(d)?;
                $crate::cidr::parse_cidr($field, &raw).map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Serde adapters for the CIDR fields of the input model.
pub mod serde_fields {
    serde_cidr!(destination, "destination");
    serde_cidr!(source_cidr, "source_cidr");
    serde_cidr!(vswitch_cidr, "vswitch.cidr");
    serde_cidr!(client_ip_pool, "client_ip_pool");

    /// Serde adapter for CIDR lists (`vpc.cidrs`, `remote_subnets`, …); each item is checked.
    pub mod cidr_list {
        use ipnet::IpNet;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        /// Writes the list as an array of strings.
        pub fn serialize<S: Serializer>(nets: &[IpNet], s: S) -> Result<S::Ok, S::Error> {
            let strings: Vec<String> = nets.iter().map(ToString::to_string).collect();
            strings.serialize(s)
        }

        /// Reads an array of CIDR strings.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<IpNet>, D::Error> {
            let raw = Vec::<String>::deserialize(d)?;
            raw.iter()
                .map(|v| crate::cidr::parse_cidr("cidr list item", v))
                .collect::<Result<_, _>>()
                .map_err(serde::de::Error::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises() {
        assert_eq!(
            parse_cidr("destination", "10.1.2.3/8").unwrap().to_string(),
            "10.0.0.0/8"
        );
        assert_eq!(
            parse_cidr("d", "192.0.2.7").unwrap().to_string(),
            "192.0.2.7/32"
        );
        assert_eq!(
            parse_cidr("d", " 2001:db8::/32 ").unwrap().to_string(),
            "2001:db8::/32"
        );
        assert_eq!(parse_cidr("d", "2001:db8::1").unwrap().prefix_len(), 128);
    }

    #[test]
    fn bad_prefix_names_field_and_value() {
        let err = parse_cidr("destination", "10.0.0.0/33").unwrap_err();
        assert_eq!(err.field, "destination");
        assert_eq!(err.value, "10.0.0.0/33");
        let text = err.to_string();
        assert!(text.contains("`destination`"), "{text}");
        assert!(text.contains("10.0.0.0/33"), "{text}");
        assert!(text.contains("prefix length"), "{text}");
    }

    #[test]
    fn bad_address_and_garbage_are_errors() {
        let err = parse_cidr("client_ip_pool", "10.0.0.300/24").unwrap_err();
        assert!(err.reason.contains("address part"), "{err}");
        assert!(parse_cidr("x", "").unwrap_err().reason.contains("empty"));
        assert!(parse_cidr("x", "banana").is_err());
        assert!(parse_cidr("x", "/24").is_err());
        assert!(parse_cidr("x", "10.0.0.0/").is_err());
    }

    #[test]
    fn list_reports_the_bad_item() {
        let ok = parse_cidr_list("remote_subnets", "10.0.0.0/8, 192.168.0.0/16,").unwrap();
        assert_eq!(ok.len(), 2);
        let err = parse_cidr_list("remote_subnets", "10.0.0.0/8,192.168.0.0/40").unwrap_err();
        assert_eq!(err.field, "remote_subnets");
        assert_eq!(err.value, "192.168.0.0/40");
    }

    #[test]
    fn ip_errors_name_field() {
        assert!(parse_ip("public_ip", "203.0.113.10").is_ok());
        let err = parse_ip("public_ip", "203.0.113").unwrap_err();
        assert!(err.to_string().contains("`public_ip`"));
    }
}
