//! Payload fields that are running counters: they move on every read while nothing has
//! happened (a BGP peer's message counts and uptime, a client session's traffic). The store
//! compares payloads without them, so a connection that only exchanged keepalives since the
//! last poll is not rewritten every 30 s.

/// Field names (anywhere in a payload) that hold running counters.
const COUNTER_KEYS: &[&str] = &[
    // bgp_peer of ShowVpnConnection (spec §2.5)
    "num_message_received",
    "num_message_sent",
    "state_duration",
    // p2c VPN gateway client connections
    "inbound_packets",
    "outbound_packets",
    "inbound_bytes",
    "outbound_bytes",
];

/// True if a JSON field with this name is a running counter.
pub fn is_counter_key(name: &str) -> bool {
    COUNTER_KEYS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_counts_and_uptime_are_counters_state_and_routes_are_not() {
        assert!(is_counter_key("num_message_sent"));
        assert!(is_counter_key("state_duration"));
        assert!(!is_counter_key("state"));
        assert!(!is_counter_key("num_received_routes"));
    }
}
