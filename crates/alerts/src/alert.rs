//! The neutral alert: what happened to which resource, with the names an on-call person needs.
//! Stored as JSON in `alert_delivery.alert` and formatted per webhook kind when sent
//! ([`crate::payload`]).

use crate::policy::Event;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One alert about one tunnel or BGP session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub event: Event,
    /// `tunnel` or `bgp_session`.
    pub resource_kind: String,
    pub resource_id: String,
    pub resource_name: Option<String>,
    pub connection_id: Option<String>,
    pub connection_name: Option<String>,
    pub account_id: Uuid,
    pub account_name: String,
    pub region: String,
    /// `aliyun` or `huawei`.
    pub cloud: String,
    pub old_state: Option<String>,
    pub new_state: String,
    pub reason: Option<String>,
    /// Since when `new_state` holds.
    pub since: DateTime<Utc>,
    /// State changes inside the flap window when decided.
    pub changes: usize,
    /// Minutes of the flap window (for "N changes in M min").
    pub window_minutes: i64,
    /// The connection's page, when a public URL is configured or derivable.
    pub url: Option<String>,
}

impl Alert {
    /// The resource as people call it: its name, else its id.
    pub fn resource_label(&self) -> &str {
        self.resource_name.as_deref().unwrap_or(&self.resource_id)
    }

    /// "tunnel" / "BGP session".
    pub fn kind_label(&self) -> &str {
        match self.resource_kind.as_str() {
            "bgp_session" => "BGP session",
            other => other,
        }
    }

    /// One line for chat and logs, e.g. `DOWN: tunnel t-1 (conn office) in acme / cn-hangzhou`.
    pub fn summary(&self) -> String {
        if self.event == Event::Test {
            return "TEST: a test alert from gatewatch; no tunnel or BGP session is affected"
                .to_owned();
        }
        let what = match self.event {
            Event::Down => "DOWN".to_owned(),
            Event::Recovered => "RECOVERED".to_owned(),
            Event::Test => "TEST".to_owned(),
            Event::Flapping => format!(
                "FLAPPING ({} changes in {} min, now {})",
                self.changes, self.window_minutes, self.new_state
            ),
        };
        let conn = self
            .connection_name
            .as_deref()
            .or(self.connection_id.as_deref())
            .map(|c| format!(" of connection {c}"))
            .unwrap_or_default();
        format!(
            "{what}: {} {}{conn} in {} / {} ({})",
            self.kind_label(),
            self.resource_label(),
            self.account_name,
            self.region,
            self.cloud
        )
    }

    /// `critical` for down / flapping, `info` for recovered and tests.
    pub fn severity(&self) -> &'static str {
        match self.event {
            Event::Down | Event::Flapping => "critical",
            Event::Recovered | Event::Test => "info",
        }
    }

    /// The payload "Send test" posts: clearly a test, shaped like a real alert.
    pub fn test(now: DateTime<Utc>) -> Alert {
        Alert {
            event: Event::Test,
            resource_kind: "tunnel".into(),
            resource_id: "test-tunnel".into(),
            resource_name: Some("gatewatch test alert".into()),
            connection_id: None,
            connection_name: None,
            account_id: Uuid::nil(),
            account_name: "gatewatch".into(),
            region: "-".into(),
            cloud: "-".into(),
            old_state: Some("up".into()),
            new_state: "down".into(),
            reason: Some("This is a test sent from gatewatch's alert settings.".into()),
            since: now,
            changes: 0,
            window_minutes: 0,
            url: None,
        }
    }
}
