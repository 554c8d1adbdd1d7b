//! The raw `gatewatch call aliyun <Action> [Key=Value …] --region R [--endpoint URL]` helper.
//!
//! It signs and sends any action, maps errors like typed calls, and returns the response
//! with secrets blanked by [`redact_json`], so the CLI can print it as is.

use serde_json::Value;

use crate::client::{Client, ClientConfig};
use crate::error::Error;
use crate::redact::redact_json;

/// Parses `Key=Value` arguments. The value may contain `=`; an empty key is rejected.
pub fn parse_key_values(args: &[String]) -> Result<Vec<(String, String)>, Error> {
    args.iter()
        .map(|a| match a.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
            _ => Err(Error::Config(format!("expected Key=Value, got {a:?}"))),
        })
        .collect()
}

/// Runs one raw call and returns the redacted JSON. `region` becomes `RegionId` unless the
/// arguments already set it; `endpoint` overrides the configured endpoint.
/// On failure the CLI prints [`Error::code`] and the (secret-free) error message.
pub async fn run_call(
    mut config: ClientConfig,
    action: &str,
    args: &[String],
    region: Option<&str>,
    endpoint: Option<&str>,
) -> Result<Value, Error> {
    if action.is_empty() || !action.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(Error::Config(format!("invalid action name {action:?}")));
    }
    if let Some(e) = endpoint {
        config.endpoint = Some(e.to_owned());
    }
    let mut params = parse_key_values(args)?;
    if let Some(r) = region {
        if !params.iter().any(|(k, _)| k == "RegionId") {
            params.push(("RegionId".to_owned(), r.to_owned()));
        }
    }
    let client = Client::new(config)?;
    let mut value = client.call(action, &params).await?;
    redact_json(&mut value);
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_values_keep_equals_in_values() {
        let args = vec!["IkeConfig={\"a\":\"b=c\"}".to_owned(), "Name=".to_owned()];
        let p = parse_key_values(&args).unwrap();
        assert_eq!(p[0], ("IkeConfig".into(), "{\"a\":\"b=c\"}".into()));
        assert_eq!(p[1], ("Name".into(), String::new()));
        assert!(parse_key_values(&["novalue".to_owned()]).is_err());
        assert!(parse_key_values(&["=x".to_owned()]).is_err());
    }
}
