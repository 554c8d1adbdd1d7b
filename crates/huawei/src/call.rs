//! Helper behind `gatewatch call huawei <METHOD> <path> [--query k=v ...] [--body JSON]
//! --region R [--endpoint URL]`: one raw signed call whose JSON result is redacted.

use crate::client::{Client, ClientConfig};
use crate::credentials::Credentials;
use crate::error::Error;
use crate::redact::redact_json;
use serde_json::Value;

/// Arguments of one raw call, as parsed by the CLI.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallArgs {
    pub method: String,
    /// Absolute path; `{project_id}` is substituted (e.g. `/v5/{project_id}/vpn-gateways`).
    pub path: String,
    /// Raw `k=v` strings from `--query`.
    pub query: Vec<String>,
    /// Raw JSON text from `--body`.
    pub body: Option<String>,
    pub region: String,
    /// Overrides both VPN and IAM base URLs.
    pub endpoint: Option<String>,
    pub allow_insecure_http: bool,
    pub project_id: Option<String>,
}

/// Splits `k=v` (a missing `=` means an empty value, as in `?flag`).
pub fn parse_query_arg(arg: &str) -> Result<(String, String), Error> {
    let (k, v) = arg.split_once('=').unwrap_or((arg, ""));
    if k.is_empty() {
        return Err(Error::InvalidRequest(format!(
            "query argument {arg:?} has no key"
        )));
    }
    Ok((k.to_string(), v.to_string()))
}

/// Runs one signed call and returns its JSON body with secrets blanked by [`redact_json`].
pub async fn run_call(credentials: Credentials, args: CallArgs) -> Result<Value, Error> {
    let mut config = ClientConfig::new(&args.region, credentials)?;
    if let Some(ep) = &args.endpoint {
        config = config.with_endpoint_override(ep, args.allow_insecure_http)?;
    }
    config.project_id = args.project_id.clone();
    run_call_with(&Client::new(config)?, &args).await
}

/// Like [`run_call`] with an already configured client (tests, long-running servers).
pub async fn run_call_with(client: &Client, args: &CallArgs) -> Result<Value, Error> {
    let query = args
        .query
        .iter()
        .map(|q| parse_query_arg(q))
        .collect::<Result<Vec<_>, _>>()?;
    let body: Option<Value> = match &args.body {
        Some(text) => Some(
            serde_json::from_str(text)
                .map_err(|e| Error::InvalidRequest(format!("--body is not valid JSON: {e}")))?,
        ),
        None => None,
    };
    let mut out = client
        .call(&args.method, &args.path, &query, body.as_ref())
        .await?;
    redact_json(&mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_args_split_on_first_equals() {
        assert_eq!(
            parse_query_arg("marker=a=b").unwrap(),
            ("marker".into(), "a=b".into())
        );
        assert_eq!(parse_query_arg("flag").unwrap(), ("flag".into(), "".into()));
        assert!(parse_query_arg("=x").is_err());
    }

    #[tokio::test]
    async fn bad_inputs_fail_before_any_network_io() {
        let creds = Credentials::new("AK", secrecy::SecretString::from("SK"));
        let args = CallArgs {
            method: "GET".into(),
            path: "/v5/p/x".into(),
            region: "cn-north-4".into(),
            endpoint: Some("http://192.0.2.1:1".into()),
            ..Default::default()
        };
        let err = run_call(creds.clone(), args.clone()).await.unwrap_err();
        assert!(matches!(err, Error::Endpoint(_)), "{err}");
        let bad_body = CallArgs {
            body: Some("{nope".into()),
            endpoint: None,
            ..args
        };
        let err = run_call(creds, bad_body).await.unwrap_err();
        assert!(err.to_string().contains("--body is not valid JSON"));
    }
}
