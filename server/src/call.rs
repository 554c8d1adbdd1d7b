//! `gatewatch call`: one signed request to a cloud, for engineers debugging an account (like
//! aliyun-cli / hcloud). Credentials come from the same environment variables the official
//! tools read; the response is printed as JSON with secrets blanked; a failure exits non-zero
//! with the cloud's error code.

use crate::cli::{CallArgs, CallCloud};
use secrecy::SecretString;
use serde_json::Value;

/// The outcome the binary prints: the JSON, or (error code, message).
pub type CallOutcome = Result<Value, (String, String)>;

pub async fn run(args: CallArgs) -> CallOutcome {
    match args.cloud {
        CallCloud::Aliyun {
            action,
            params,
            region,
            endpoint,
            allow_insecure_http,
        } => {
            let id = env("ALIBABA_CLOUD_ACCESS_KEY_ID")?;
            let secret = env("ALIBABA_CLOUD_ACCESS_KEY_SECRET")?;
            let mut creds = aliyun::Credentials::new(id, secret);
            if let Ok(token) = std::env::var("ALIBABA_CLOUD_SECURITY_TOKEN") {
                creds = creds.with_security_token(token);
            }
            let mut config = aliyun::ClientConfig::new(creds);
            config.allow_insecure_http = allow_insecure_http;
            aliyun::run_call(config, &action, &params, Some(&region), endpoint.as_deref())
                .await
                .map_err(|e| (e.code().to_string(), e.to_string()))
        }
        CallCloud::Huawei {
            method,
            path,
            query,
            body,
            region,
            endpoint,
            project_id,
            allow_insecure_http,
        } => {
            let ak = env("HUAWEICLOUD_SDK_AK")?;
            let sk = SecretString::from(env("HUAWEICLOUD_SDK_SK")?);
            let mut creds = huawei::Credentials::new(ak, sk);
            if let Ok(token) = std::env::var("HUAWEICLOUD_SDK_SECURITY_TOKEN") {
                creds = creds.with_security_token(SecretString::from(token));
            }
            let call = huawei::CallArgs {
                method,
                path,
                query,
                body,
                region,
                endpoint,
                allow_insecure_http,
                project_id,
            };
            huawei::run_call(creds, call)
                .await
                .map_err(|e| (e.code(), e.to_string()))
        }
    }
}

fn env(name: &str) -> Result<String, (String, String)> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => Ok(v),
        _ => Err((
            "MissingCredentials".into(),
            format!("set {name} in the environment"),
        )),
    }
}
