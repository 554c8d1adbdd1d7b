//! Wire types, exactly as Huawei sends them (snake_case), `Serialize + Deserialize` so the
//! emulator can serve the same types. Unknown fields land in `extra`; missing optional fields
//! are `None`/empty; numbers and booleans sent as strings are accepted (see [`lenient`]).
//! Enum-like fields (`status`, `style`, `flavor`…) stay raw strings: the value sets are
//! partly undocumented (spec §6) and the mapping layer normalises them.

mod account;
mod common;
mod connection;
mod customer_gateway;
mod gateway;
mod gateway_extra;
pub mod lenient;
mod list_response;
mod monitor;
mod p2c;
mod routing;
mod server;
mod users;

pub use account::*;
pub use common::*;
pub use connection::*;
pub use customer_gateway::*;
pub use gateway::*;
pub use gateway_extra::*;
pub use list_response::ListResponse;
pub use monitor::*;
pub use p2c::*;
pub use routing::*;
pub use server::*;
pub use users::*;

/// Items of marker-paginated lists: the id for de-duplication, and the creation time that
/// serves as the next marker when `page_info.next_marker` is absent (spec §2.4 A).
pub trait Marked {
    fn item_id(&self) -> Option<&str>;
    fn marker_time(&self) -> Option<&str>;
}

macro_rules! marked {
    ($($t:ty),*) => {$(
        impl Marked for $t {
            fn item_id(&self) -> Option<&str> {
                Some(self.id.as_str()).filter(|s| !s.is_empty())
            }
            fn marker_time(&self) -> Option<&str> {
                self.created_at.as_ref().map(|t| t.as_str())
            }
        }
    )*};
}

marked!(
    CustomerGateway,
    VpnConnection,
    P2cVpnGateway,
    VpnServer,
    P2cUser,
    UserGroup,
    AccessPolicy
);

/// Routes have no id or creation time; de-duplicate by destination + next hop.
impl Marked for RouteEntry {
    fn item_id(&self) -> Option<&str> {
        None
    }
    fn marker_time(&self) -> Option<&str> {
        None
    }
}

#[cfg(test)]
mod seed_tests;
