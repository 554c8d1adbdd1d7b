//! How a [`ServerForm`](crate::components::server_form::ServerForm)'s answer reads: the server
//! function's JSON, turned into the sentence (and the once-shown link or token) that the
//! status area shows. Pure, so it is tested here without a browser.

use crate::api::accounts_admin::ProbeResult;
use crate::api::alerts_admin::TestResult;
use crate::api::api_tokens::CreatedApiToken;
use crate::api::wall_tokens::CreatedWall;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// How the answer reads in the status area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// Any answer: the form's `done` text.
    Done,
    /// A cloud account's connection test (`ProbeResult`).
    AccountTest,
    /// A webhook's test delivery (`TestResult`).
    WebhookTest,
    /// A new wall link, shown this once.
    NewWall,
    /// A new API token, shown this once.
    NewApiToken,
}

/// What the status area shows: text, whether it is good news, and an optional link or
/// secret shown once (element id, text, href).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub ok: bool,
    pub text: String,
    pub http: Option<u16>,
    pub extra: Option<(&'static str, String, Option<String>)>,
}

impl Shown {
    pub fn text(ok: bool, text: String) -> Shown {
        Shown {
            ok,
            text,
            http: None,
            extra: None,
        }
    }
}

/// A server function's JSON answer decoded; an answer of the wrong shape is an error naming it.
pub fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, AppError> {
    serde_json::from_slice(json.as_bytes()).map_err(|e| AppError::Request(e.to_string()))
}

impl Answer {
    /// Reads the server function's JSON answer.
    pub fn read(&self, json: &str, done: &str) -> Result<Shown, AppError> {
        Ok(match self {
            Answer::Done => Shown::text(true, done.to_string()),
            Answer::AccountTest => {
                let probe: ProbeResult = decode(json)?;
                Shown::text(probe.code.is_none(), probe.summary())
            }
            Answer::WebhookTest => {
                let t: TestResult = decode(json)?;
                Shown {
                    ok: t.ok,
                    text: format!("Test to “{}”: {}", t.webhook, t.message),
                    http: t.http_status,
                    extra: None,
                }
            }
            Answer::NewWall => {
                let c: CreatedWall = decode(json)?;
                Shown {
                    ok: true,
                    text: format!("Wall “{}” created. Open this link on the wall's screen; it is shown only now:", c.name),
                    http: None,
                    extra: Some(("wall-link", c.path.clone(), Some(c.path))),
                }
            }
            Answer::NewApiToken => {
                let c: CreatedApiToken = decode(json)?;
                Shown {
                    ok: true,
                    text: format!("API token “{}” created. Copy it now; it is shown only once. Send it as 'Authorization: Bearer <token>':", c.name),
                    http: None,
                    extra: Some(("api-token", c.token, None)),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_change_says_its_done_text() {
        let shown = Answer::Done.read("null", "Budget saved.").unwrap();
        assert_eq!(shown, Shown::text(true, "Budget saved.".into()));
    }

    #[test]
    fn an_account_test_says_whether_it_connected() {
        let ok = r#"{"account":"prod","api":"DescribeRegions","region":"cn-shanghai","latency_ms":12,"code":null,"message":null}"#;
        let shown = Answer::AccountTest.read(ok, "").unwrap();
        assert!(shown.ok);
        assert_eq!(
            shown.text,
            "prod: connection OK (DescribeRegions in cn-shanghai, 12 ms)"
        );
        let refused = r#"{"account":"prod","api":"DescribeRegions","region":null,"latency_ms":3,"code":"InvalidAccessKeyId.NotFound","message":"Specified access key is not found."}"#;
        let shown = Answer::AccountTest.read(refused, "").unwrap();
        assert!(!shown.ok && shown.text.contains("InvalidAccessKeyId.NotFound"));
    }

    #[test]
    fn a_webhook_test_carries_the_receivers_status() {
        let json = r#"{"webhook":"on-call","ok":false,"http_status":500,"message":"HTTP 500: receiver broke"}"#;
        let shown = Answer::WebhookTest.read(json, "").unwrap();
        assert_eq!((shown.ok, shown.http), (false, Some(500)));
        assert_eq!(shown.text, "Test to “on-call”: HTTP 500: receiver broke");
    }

    #[test]
    fn a_new_token_is_shown_once_beside_the_sentence() {
        let wall = Answer::NewWall
            .read(r#"{"name":"NOC left","path":"/wall/gww_x"}"#, "")
            .unwrap();
        assert_eq!(
            wall.extra,
            Some((
                "wall-link",
                "/wall/gww_x".into(),
                Some("/wall/gww_x".into())
            ))
        );
        let api = Answer::NewApiToken
            .read(r#"{"name":"export","token":"gwa_y"}"#, "")
            .unwrap();
        assert_eq!(api.extra, Some(("api-token", "gwa_y".into(), None)));
        assert!(
            !api.text.contains("gwa_y"),
            "the token is shown once, in its own element"
        );
    }

    #[test]
    fn an_answer_of_the_wrong_shape_is_an_error_naming_it() {
        let err = Answer::NewWall.read(r#"{"name":1}"#, "").unwrap_err();
        assert!(matches!(err, AppError::Request(m) if m.contains("invalid type")));
    }
}
