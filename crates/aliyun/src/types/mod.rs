//! Wire types for every operation the dashboard reads (spec `alibaba.md` §3), shared with
//! the emulator: each derives `Serialize` + `Deserialize`, uses the cloud's PascalCase
//! names, accepts every documented variant (§5) and keeps unknown fields in `extra`.
//!
//! Lists use the `{Plural: {Singular: [...]}}` shape (§1.10, §5.3): a container struct per
//! list built with [`list_of!`], whose single field tolerates object-instead-of-array.
//! Paged responses are built with [`paged!`] and implement [`Paged`].

use serde::de::DeserializeOwned;

/// Declares a list container `{"<key>": [item, …]}` tolerant to the shapes of §5.1.
#[macro_export]
macro_rules! list_of {
    ($(#[$m:meta])* $name:ident, $key:literal, $item:ty) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            /// The list items.
            #[serde(rename = $key, default, deserialize_with = "crate::serde_util::one_or_many")]
            pub items: Vec<$item>,
        }

        impl From<Vec<$item>> for $name {
            fn from(items: Vec<$item>) -> Self {
                Self { items }
            }
        }
    };
}

/// Declares a paged `Describe*` response (§2): RequestId, PageNumber, PageSize, TotalCount
/// (each number-or-string), one list container, and `extra` for anything else.
#[macro_export]
macro_rules! paged {
    ($(#[$m:meta])* $name:ident, $action:literal, $key:literal, $field:ident: $set:ty => $item:ty) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            /// `RequestId`.
            #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
            pub request_id: Option<String>,
            /// `PageNumber` (may be absent, §2).
            #[serde(
                rename = "PageNumber",
                deserialize_with = "crate::serde_util::string_or_number::opt",
                skip_serializing_if = "Option::is_none"
            )]
            pub page_number: Option<u32>,
            /// `PageSize`.
            #[serde(
                rename = "PageSize",
                deserialize_with = "crate::serde_util::string_or_number::opt",
                skip_serializing_if = "Option::is_none"
            )]
            pub page_size: Option<u32>,
            /// `TotalCount` across all pages.
            #[serde(
                rename = "TotalCount",
                deserialize_with = "crate::serde_util::string_or_number::opt",
                skip_serializing_if = "Option::is_none"
            )]
            pub total_count: Option<u64>,
            /// The list container.
            #[serde(rename = $key, deserialize_with = "crate::serde_util::lenient")]
            pub $field: $set,
            /// Other top-level fields (e.g. `Code`/`Success` of DescribeRouteTableList).
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        impl $crate::types::Paged for $name {
            type Item = $item;
            const ACTION: &'static str = $action;
            fn total_count(&self) -> Option<u64> {
                self.total_count
            }
            fn page_size(&self) -> Option<u32> {
                self.page_size
            }
            fn into_items(self) -> Vec<$item> {
                self.$field.items
            }
        }
    };
}

/// Declares a single-object response: `RequestId` plus the object's fields at top level.
#[macro_export]
macro_rules! single {
    ($(#[$m:meta])* $name:ident, $field:ident: $item:ty) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            /// `RequestId`.
            #[serde(rename = "RequestId", skip_serializing_if = "Option::is_none")]
            pub request_id: Option<String>,
            /// The object, whose fields are inlined at top level.
            #[serde(flatten)]
            pub $field: $item,
        }
    };
}

/// A `PageNumber`/`PageSize` list response (§2).
pub trait Paged: DeserializeOwned {
    /// List element.
    type Item;
    /// Operation name.
    const ACTION: &'static str;
    /// `TotalCount`, if the response had one.
    fn total_count(&self) -> Option<u64>;
    /// `PageSize` as echoed by the server (it may clamp the requested size).
    fn page_size(&self) -> Option<u32>;
    /// The items of this page.
    fn into_items(self) -> Vec<Self::Item>;
}

pub mod bgp;
pub mod connection;
pub mod connection_config;
pub mod customer_gateway;
pub mod eip;
pub mod logs;
pub mod region;
pub mod route_table;
pub mod router_interface;
pub mod ssl_vpn;
pub mod tag;
pub mod tunnel;
pub mod vbr;
pub mod vpc;
pub mod vpn_gateway;
pub mod vpn_route;
pub mod write;
