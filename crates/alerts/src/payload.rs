//! What a webhook receives.
//!
//! **Generic JSON** (`kind = generic`), one object:
//!
//! | field | meaning |
//! | --- | --- |
//! | `kind` | `down`, `flapping`, `recovered` or `test` |
//! | `severity` | `critical` (down, flapping) or `info` |
//! | `summary` | one human line |
//! | `resource` | `{kind: "tunnel" \| "bgp_session", id, name}` |
//! | `connection` | `{id, name}` of the IPsec connection, or `null` (e.g. a VBR's BGP peer) |
//! | `account` | `{id, name}` of the cloud account |
//! | `region`, `cloud` | region id; `aliyun` or `huawei` |
//! | `old_state`, `new_state` | normalised states (`up`, `down`, `partial`, `pending`, `unknown`) |
//! | `reason` | the cloud's reason text, or `null` |
//! | `since` | RFC 3339 time since when `new_state` holds |
//! | `changes` | state changes inside the flap window (meaningful for `flapping`) |
//! | `url` | the connection's page in gatewatch, or `null` |
//!
//! **Slack-compatible** (`kind = slack`): `{"text": summary, "blocks": [...]}` as Slack's
//! incoming webhooks take it (`text` is the notification fallback, `blocks` the message).

use crate::alert::Alert;
use serde_json::{json, Value};

/// Which format a webhook takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Generic,
    Slack,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Generic => "generic",
            Format::Slack => "slack",
        }
    }

    /// Parses `generic` / `slack`, naming the field on anything else.
    pub fn parse(s: &str) -> Result<Format, String> {
        match s.trim() {
            "generic" => Ok(Format::Generic),
            "slack" => Ok(Format::Slack),
            other => Err(format!(
                "kind: expected \"generic\" or \"slack\", got {other:?}"
            )),
        }
    }
}

/// The body for `format`.
pub fn render(alert: &Alert, format: Format) -> Value {
    match format {
        Format::Generic => generic(alert),
        Format::Slack => slack(alert),
    }
}

fn generic(a: &Alert) -> Value {
    json!({
        "kind": a.event.as_str(),
        "severity": a.severity(),
        "summary": a.summary(),
        "resource": {"kind": a.resource_kind, "id": a.resource_id, "name": a.resource_name},
        "connection": a.connection_id.as_ref().map(|id| json!({"id": id, "name": a.connection_name})),
        "account": {"id": a.account_id, "name": a.account_name},
        "region": a.region,
        "cloud": a.cloud,
        "old_state": a.old_state,
        "new_state": a.new_state,
        "reason": a.reason,
        "since": a.since.to_rfc3339(),
        "changes": a.changes,
        "url": a.url,
    })
}

/// Slack mrkdwn treats `&`, `<` and `>` as control characters.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn slack(a: &Alert) -> Value {
    let icon = match a.severity() {
        "critical" => ":red_circle:",
        _ => ":large_green_circle:",
    };
    let mut detail = format!(
        "*State:* {} → {} since {}",
        a.old_state.as_deref().unwrap_or("?"),
        a.new_state,
        a.since.format("%Y-%m-%d %H:%M:%S UTC")
    );
    if let Some(reason) = &a.reason {
        detail.push_str(&format!("\n*Reason:* {}", escape(reason)));
    }
    if let Some(url) = &a.url {
        detail.push_str(&format!("\n<{}|Open the connection in gatewatch>", url));
    }
    json!({
        "text": escape(&a.summary()),
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": format!("{icon} *{}*", escape(&a.summary()))}},
            {"type": "section", "text": {"type": "mrkdwn", "text": detail}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": format!(
                "{} `{}` · account {} · {} · {}",
                escape(a.kind_label()), escape(&a.resource_id), escape(&a.account_name), escape(&a.region), a.cloud
            )}]}
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Event;

    fn alert(event: Event) -> Alert {
        Alert {
            event,
            resource_kind: "tunnel".into(),
            resource_id: "tun-1".into(),
            resource_name: Some("office <a>".into()),
            connection_id: Some("vco-1".into()),
            connection_name: Some("office".into()),
            account_id: uuid::Uuid::nil(),
            account_name: "acme".into(),
            region: "cn-hangzhou".into(),
            cloud: "aliyun".into(),
            old_state: Some("up".into()),
            new_state: "down".into(),
            reason: Some("IKE timeout".into()),
            since: "2026-11-25T12:00:00Z".parse().unwrap(),
            changes: 20,
            window_minutes: 5,
            url: Some("https://gw.example/connections/vco-1".into()),
        }
    }

    #[test]
    fn generic_has_every_documented_field() {
        let v = render(&alert(Event::Down), Format::Generic);
        for field in [
            "kind",
            "severity",
            "summary",
            "resource",
            "connection",
            "account",
            "region",
            "cloud",
            "old_state",
            "new_state",
            "reason",
            "since",
            "changes",
            "url",
        ] {
            assert!(v.get(field).is_some(), "missing {field}: {v}");
        }
        assert_eq!(v["kind"], "down");
        assert_eq!(v["resource"]["id"], "tun-1");
        assert_eq!(v["connection"]["name"], "office");
        assert_eq!(v["since"], "2026-11-25T12:00:00+00:00");
    }

    #[test]
    fn flapping_summary_names_the_count_and_the_state_now() {
        let s = alert(Event::Flapping).summary();
        assert_eq!(
            s,
            "FLAPPING (20 changes in 5 min, now down): tunnel office <a> of connection office in acme / cn-hangzhou (aliyun)"
        );
    }

    #[test]
    fn slack_has_text_and_blocks_with_escaped_names() {
        let v = render(&alert(Event::Recovered), Format::Slack);
        assert!(v["text"].as_str().unwrap().starts_with("RECOVERED: tunnel"));
        let blocks = v["blocks"].as_array().unwrap();
        assert_eq!(blocks.len(), 3);
        let head = blocks[0]["text"]["text"].as_str().unwrap();
        assert!(head.contains("office &lt;a&gt;"), "{head}");
        assert!(blocks[1]["text"]["text"]
            .as_str()
            .unwrap()
            .contains("<https://gw.example/connections/vco-1|"));
    }

    #[test]
    fn format_parse_names_the_field() {
        assert_eq!(Format::parse("slack"), Ok(Format::Slack));
        assert!(Format::parse("teams").unwrap_err().starts_with("kind:"));
    }
}
