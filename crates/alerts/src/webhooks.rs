//! Webhook targets in `alert_webhook`. The URL is sealed with the store's key ring (the
//! webhook id as associated data) and only ever opened to post; lists carry `host/…`.

use crate::payload::Format;
use crate::{Error, Result};
use secrecy::{ExposeSecret, SecretString};
use sqlx::{PgPool, Row};
use store::crypto::{KeyRing, Sealed};
use uuid::Uuid;

/// What an admin gives to add a webhook.
pub struct NewWebhook<'a> {
    pub name: &'a str,
    pub format: Format,
    pub url: SecretString,
    /// Only these clouds (`aliyun`, `huawei`); empty = all.
    pub clouds: Vec<String>,
    /// Only these kinds (`tunnel`, `bgp_session`); empty = all.
    pub kinds: Vec<String>,
    pub created_by: &'a str,
}

/// A webhook as lists show it: no URL, only its host.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Webhook {
    pub id: Uuid,
    pub name: String,
    pub format: Format,
    /// `hooks.slack.com/…`.
    pub shown_url: String,
    pub enabled: bool,
    pub clouds: Vec<String>,
    pub kinds: Vec<String>,
    pub created_by: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Checks a webhook URL: absolute http(s) with a host. The error never repeats the URL.
pub fn check_url(url: &str) -> Result<url::Url> {
    let parsed = url::Url::parse(url.trim())
        .map_err(|e| Error::invalid("url", format!("not a valid URL ({e})")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::invalid("url", "must start with https:// or http://"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(Error::invalid("url", "has no host"));
    }
    Ok(parsed)
}

/// `host[:port]/…`: enough to recognise a target, nothing of its path or token.
pub fn shown_url(url: &url::Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(p) => format!("{host}:{p}/…"),
        None => format!("{host}/…"),
    }
}

fn check_list(field: &'static str, values: &[String], allowed: &[&str]) -> Result<()> {
    match values.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(bad) => Err(Error::invalid(
            field,
            format!("{bad:?} is not one of {}", allowed.join(", ")),
        )),
        None => Ok(()),
    }
}

/// Adds a webhook (enabled), sealing its URL.
pub async fn create(pool: &PgPool, keys: &KeyRing, new: NewWebhook<'_>) -> Result<Webhook> {
    let name = new.name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", "must not be empty"));
    }
    if name.chars().count() > 100 {
        return Err(Error::invalid("name", "must be at most 100 characters"));
    }
    let url = check_url(new.url.expose_secret())?;
    check_list("clouds", &new.clouds, &["aliyun", "huawei"])?;
    check_list("kinds", &new.kinds, &["tunnel", "bgp_session"])?;
    let id = Uuid::new_v4();
    let sealed = keys.seal(&SecretString::from(url.to_string()), id.as_bytes())?;
    let inserted = sqlx::query(
        "INSERT INTO alert_webhook (id, name, kind, url_host, url_ciphertext, url_nonce, \
         url_key_version, clouds, kinds, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
    )
    .bind(id)
    .bind(name)
    .bind(new.format.as_str())
    .bind(shown_url(&url))
    .bind(&sealed.ciphertext)
    .bind(&sealed.nonce)
    .bind(sealed.key_version)
    .bind(&new.clouds)
    .bind(&new.kinds)
    .bind(new.created_by)
    .execute(pool)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(Error::invalid(
            "name",
            format!("a webhook named {name:?} exists already"),
        )),
        other => {
            other?;
            get(pool, id).await?.ok_or(Error::NotFound)
        }
    }
}

const COLUMNS: &str = "id, name, kind, url_host, enabled, clouds, kinds, created_by, created_at";

fn webhook(r: &sqlx::postgres::PgRow) -> Result<Webhook> {
    let kind: String = r.try_get("kind")?;
    Ok(Webhook {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        format: Format::parse(&kind).map_err(|e| Error::invalid("kind", e))?,
        shown_url: r.try_get("url_host")?,
        enabled: r.try_get("enabled")?,
        clouds: r.try_get("clouds")?,
        kinds: r.try_get("kinds")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Every webhook, by name.
pub async fn list(pool: &PgPool) -> Result<Vec<Webhook>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM alert_webhook ORDER BY lower(name)"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(webhook).collect()
}

/// One webhook.
pub async fn get(pool: &PgPool, id: Uuid) -> Result<Option<Webhook>> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM alert_webhook WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(webhook).transpose()
}

/// Turns a webhook on or off (off also drops its queued deliveries); [`Error::NotFound`]
/// when there is none.
pub async fn set_enabled(pool: &PgPool, id: Uuid, enabled: bool) -> Result<Webhook> {
    let done = sqlx::query("UPDATE alert_webhook SET enabled = $2 WHERE id = $1")
        .bind(id)
        .bind(enabled)
        .execute(pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound);
    }
    if !enabled {
        // Disabling means "stop sending": what is still queued is not sent later either.
        sqlx::query(
            "UPDATE alert_delivery SET status = 'failed', finished_at = now(), \
             last_error = 'not sent: the webhook was disabled' \
             WHERE webhook_id = $1 AND status = 'pending'",
        )
        .bind(id)
        .execute(pool)
        .await?;
    }
    get(pool, id).await?.ok_or(Error::NotFound)
}

/// Removes a webhook and its delivery log; the removed one, or [`Error::NotFound`].
pub async fn remove(pool: &PgPool, id: Uuid) -> Result<Webhook> {
    let found = get(pool, id).await?.ok_or(Error::NotFound)?;
    sqlx::query("DELETE FROM alert_webhook WHERE id = $1")
        .bind(id)
        .execute(pool)
        .await?;
    Ok(found)
}

/// The clear URL, for posting only.
pub async fn open_url(pool: &PgPool, keys: &KeyRing, id: Uuid) -> Result<SecretString> {
    let row = sqlx::query(
        "SELECT url_ciphertext, url_nonce, url_key_version FROM alert_webhook WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or(Error::NotFound)?;
    let sealed = Sealed {
        key_version: row.try_get("url_key_version")?,
        nonce: row.try_get("url_nonce")?,
        ciphertext: row.try_get("url_ciphertext")?,
    };
    Ok(keys.open(&sealed, id.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_shown_by_host_only() {
        let u = check_url("https://hooks.slack.com/services/T0/B0/secret").unwrap();
        assert_eq!(shown_url(&u), "hooks.slack.com/…");
        let u = check_url("http://127.0.0.1:8080/hook?token=x").unwrap();
        assert_eq!(shown_url(&u), "127.0.0.1:8080/…");
        let err = check_url("ftp://x/secret-token").unwrap_err().to_string();
        assert!(
            err.contains("url") && !err.contains("secret-token"),
            "{err}"
        );
        assert!(check_url("not a url").is_err());
    }
}
