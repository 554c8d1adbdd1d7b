//! Cloud accounts: create, list (never with secrets), decrypt credentials for the sync
//! engine, update, soft-delete. Input is validated up front so the UI gets an error naming
//! the field rather than a constraint name.

use crate::crypto::{KeyRing, Sealed};
use crate::model::{Account, AccountUpdate, Cloud, Credentials, NewAccount};
use crate::{Error, Result};
use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use sqlx::types::Json;
use sqlx::{PgPool, Row};
use std::collections::BTreeMap;
use uuid::Uuid;

const COLUMNS: &str =
    "id, cloud, name, access_key_id, regions, endpoints, enabled, created_at, updated_at";

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("name", "must not be empty"));
    }
    if name.chars().count() > 128 {
        return Err(Error::invalid("name", "longer than 128 characters"));
    }
    Ok(name.to_owned())
}

fn check_key(id: &str, secret: &SecretString) -> Result<String> {
    let id = id.trim();
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(Error::invalid("access_key_id", "empty or contains spaces"));
    }
    if secret.expose_secret().trim().is_empty() {
        return Err(Error::invalid("secret", "must not be empty"));
    }
    Ok(id.to_owned())
}

fn check_regions(regions: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for r in regions.iter().map(|r| r.trim()) {
        let ok = !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !ok {
            return Err(Error::invalid("regions", format!("bad region id {r:?}")));
        }
        if !out.iter().any(|o| o == r) {
            out.push(r.to_owned());
        }
    }
    Ok(out)
}

/// Endpoint overrides must be absolute http(s) URLs with a host and nothing after the path.
fn check_endpoints(endpoints: &BTreeMap<String, String>) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (region, ep) in endpoints {
        let bad = |why: &str| Error::invalid("endpoint", format!("{region}: {why}"));
        let url = url::Url::parse(ep.trim()).map_err(|e| bad(&e.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(bad("scheme must be http or https"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(bad("no host"));
        }
        if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
            return Err(bad("no query, fragment or user info allowed"));
        }
        out.insert(region.trim().to_owned(), ep.trim().to_owned());
    }
    Ok(out)
}

fn map_unique(e: sqlx::Error) -> Error {
    match &e {
        sqlx::Error::Database(d) if d.code().as_deref() == Some("23505") => {
            Error::invalid("name", "an account with this name exists")
        }
        _ => Error::Db(e),
    }
}

fn account_from(row: &sqlx::postgres::PgRow) -> Result<Account> {
    let cloud: String = row.try_get("cloud")?;
    let Json(endpoints): Json<BTreeMap<String, String>> = row.try_get("endpoints")?;
    Ok(Account {
        id: row.try_get("id")?,
        cloud: cloud.parse()?,
        name: row.try_get("name")?,
        access_key_id: row.try_get("access_key_id")?,
        regions: row.try_get("regions")?,
        endpoints,
        enabled: row.try_get("enabled")?,
        created_at: row.try_get::<DateTime<Utc>, _>("created_at")?,
        updated_at: row.try_get::<DateTime<Utc>, _>("updated_at")?,
    })
}

/// Validates and stores a new account, its secret sealed with the ring's active key.
pub async fn create_account(pool: &PgPool, keys: &KeyRing, new: NewAccount) -> Result<Account> {
    let cloud: Cloud = new.cloud.parse()?;
    let name = check_name(&new.name)?;
    let ak = check_key(&new.access_key_id, &new.secret)?;
    let regions = check_regions(&new.regions)?;
    let endpoints = check_endpoints(&new.endpoints)?;
    let id = Uuid::new_v4();
    let sealed = keys.seal(&new.secret, id.as_bytes())?;
    let row = sqlx::query(&format!(
        "INSERT INTO cloud_account (id, cloud, name, access_key_id, secret_ciphertext, \
         secret_nonce, secret_key_version, regions, endpoints) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(cloud.as_str())
    .bind(&name)
    .bind(&ak)
    .bind(&sealed.ciphertext)
    .bind(&sealed.nonce)
    .bind(sealed.key_version)
    .bind(&regions)
    .bind(Json(&endpoints))
    .fetch_one(pool)
    .await
    .map_err(map_unique)?;
    tracing::info!(account = %id, %cloud, "cloud account created");
    account_from(&row)
}

/// Live accounts, by name. No secrets are read.
pub async fn list_accounts(pool: &PgPool) -> Result<Vec<Account>> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM cloud_account WHERE deleted_at IS NULL ORDER BY name"
    ))
    .fetch_all(pool)
    .await?;
    rows.iter().map(account_from).collect()
}

/// One live account, without its secret.
pub async fn get_account(pool: &PgPool, id: Uuid) -> Result<Account> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM cloud_account WHERE id = $1 AND deleted_at IS NULL"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or(Error::NotFound { what: "account" })?;
    account_from(&row)
}

/// Decrypts the account's credentials (for the sync engine only). Any executor: a sync job
/// reads them on the connection it took its lease with.
pub async fn get_credentials<'e, E: sqlx::Executor<'e, Database = sqlx::Postgres>>(
    pool: E,
    keys: &KeyRing,
    id: Uuid,
) -> Result<Credentials> {
    let row = sqlx::query(
        "SELECT cloud, access_key_id, secret_ciphertext, secret_nonce, secret_key_version, \
         endpoints FROM cloud_account WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?
    .ok_or(Error::NotFound { what: "account" })?;
    let sealed = Sealed {
        key_version: row.try_get("secret_key_version")?,
        nonce: row.try_get("secret_nonce")?,
        ciphertext: row.try_get("secret_ciphertext")?,
    };
    let cloud: String = row.try_get("cloud")?;
    let Json(endpoints): Json<BTreeMap<String, String>> = row.try_get("endpoints")?;
    Ok(Credentials {
        account_id: id,
        cloud: cloud.parse()?,
        access_key_id: row.try_get("access_key_id")?,
        secret: keys.open(&sealed, id.as_bytes())?,
        endpoints,
    })
}

/// Applies a partial update; a new key pair is sealed afresh.
pub async fn update_account(
    pool: &PgPool,
    keys: &KeyRing,
    id: Uuid,
    upd: AccountUpdate,
) -> Result<Account> {
    let name = upd.name.as_deref().map(check_name).transpose()?;
    let key = match &upd.key {
        Some((ak, secret)) => Some((check_key(ak, secret)?, keys.seal(secret, id.as_bytes())?)),
        None => None,
    };
    let regions = upd.regions.as_deref().map(check_regions).transpose()?;
    let endpoints = upd.endpoints.as_ref().map(check_endpoints).transpose()?;
    let (ak, sealed) = key.unzip();
    let row = sqlx::query(&format!(
        "UPDATE cloud_account SET \
           name = COALESCE($2, name), \
           access_key_id = COALESCE($3, access_key_id), \
           secret_ciphertext = COALESCE($4, secret_ciphertext), \
           secret_nonce = COALESCE($5, secret_nonce), \
           secret_key_version = COALESCE($6, secret_key_version), \
           regions = COALESCE($7, regions), \
           endpoints = COALESCE($8, endpoints), \
           enabled = COALESCE($9, enabled), \
           updated_at = now() \
         WHERE id = $1 AND deleted_at IS NULL RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(name)
    .bind(ak)
    .bind(sealed.as_ref().map(|s| s.ciphertext.clone()))
    .bind(sealed.as_ref().map(|s| s.nonce.clone()))
    .bind(sealed.as_ref().map(|s| s.key_version))
    .bind(regions)
    .bind(endpoints.map(Json))
    .bind(upd.enabled)
    .fetch_optional(pool)
    .await
    .map_err(map_unique)?
    .ok_or(Error::NotFound { what: "account" })?;
    account_from(&row)
}

/// Soft-deletes: the row and its history stay, syncs and listings skip it.
pub async fn delete_account(pool: &PgPool, id: Uuid) -> Result<()> {
    let done = sqlx::query(
        "UPDATE cloud_account SET deleted_at = now(), enabled = false, updated_at = now() \
         WHERE id = $1 AND deleted_at IS NULL",
    )
    .bind(id)
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(Error::NotFound { what: "account" });
    }
    tracing::info!(account = %id, "cloud account deleted");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_validation_names_the_field() {
        let mut m = BTreeMap::new();
        m.insert("cn-hangzhou".to_owned(), "ftp://x".to_owned());
        let e = check_endpoints(&m).unwrap_err();
        assert!(matches!(
            e,
            Error::Invalid {
                field: "endpoint",
                ..
            }
        ));
        m.insert("cn-hangzhou".to_owned(), "not a url".to_owned());
        assert!(check_endpoints(&m).is_err());
        m.insert(
            "cn-hangzhou".to_owned(),
            "https://vpc.example.com:8443".to_owned(),
        );
        assert!(check_endpoints(&m).is_ok());
    }

    #[test]
    fn regions_are_checked_and_deduplicated() {
        let r = check_regions(&["cn-hangzhou".into(), " cn-hangzhou ".into()]).unwrap();
        assert_eq!(r, vec!["cn-hangzhou"]);
        assert!(matches!(
            check_regions(&["bad region".into()]),
            Err(Error::Invalid {
                field: "regions",
                ..
            })
        ));
        assert!(matches!(
            check_name("  "),
            Err(Error::Invalid { field: "name", .. })
        ));
    }
}
