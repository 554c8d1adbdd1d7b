//! Accounts with encrypted credentials against a real PostgreSQL.

mod common;

use common::{db, keys, new_account};
use secrecy::{ExposeSecret, SecretString};
use sqlx::Row;
use store::accounts::{
    create_account, delete_account, get_credentials, list_accounts, update_account,
};
use store::model::AccountUpdate;
use store::Error;

#[tokio::test]
async fn credentials_round_trip_and_are_encrypted_at_rest() {
    let pool = db().await;
    let ring = keys(1);
    let acc = create_account(&pool, &ring, new_account("prod", "TopSecretValue123"))
        .await
        .unwrap();
    let creds = get_credentials(&pool, &ring, acc.id).await.unwrap();
    assert_eq!(creds.secret.expose_secret(), "TopSecretValue123");
    assert_eq!(creds.access_key_id, "LTAI-test-id");
    assert!(!format!("{creds:?}").contains("TopSecretValue123"));
    assert!(!format!("{:?}", new_account("x", "TopSecretValue123")).contains("TopSecret"));

    // Nothing in the row holds the secret in clear.
    let row = sqlx::query("SELECT secret_ciphertext, secret_nonce, secret_key_version, t::text AS all_text FROM cloud_account t WHERE id = $1")
        .bind(acc.id)
        .fetch_one(&pool)
        .await
        .unwrap();
    let ct: Vec<u8> = row.get("secret_ciphertext");
    let needle = b"TopSecretValue123";
    assert!(!ct.windows(needle.len()).any(|w| w == needle));
    assert_eq!(row.get::<Vec<u8>, _>("secret_nonce").len(), 12);
    assert_eq!(row.get::<i32, _>("secret_key_version"), 1);
    assert!(!row
        .get::<String, _>("all_text")
        .contains("TopSecretValue123"));

    // A different key fails cleanly, without the secret in the error.
    let err = get_credentials(&pool, &keys(2), acc.id).await.unwrap_err();
    assert!(matches!(err, Error::Crypto(_)));
    assert!(!err.to_string().contains("TopSecret"));
}

#[tokio::test]
async fn crud_and_validation() {
    let pool = db().await;
    let ring = keys(1);
    let mut bad = new_account("x", "s");
    bad.cloud = "gcp".into();
    let e = create_account(&pool, &ring, bad).await.unwrap_err();
    assert!(matches!(e, Error::Invalid { field: "cloud", .. }));
    let e = create_account(&pool, &ring, new_account("  ", "s"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Invalid { field: "name", .. }));
    let mut bad = new_account("x", "s");
    bad.endpoints.insert("*".into(), "vpc.example.com".into());
    let e = create_account(&pool, &ring, bad).await.unwrap_err();
    assert!(matches!(
        e,
        Error::Invalid {
            field: "endpoint",
            ..
        }
    ));

    let mut hw = new_account("hw", "s1");
    hw.cloud = "huawei".into();
    hw.endpoints
        .insert("cn-north-4".into(), "https://vpn.example.test".into());
    let hw = create_account(&pool, &ring, hw).await.unwrap();
    let a = create_account(&pool, &ring, new_account("ali", "s2"))
        .await
        .unwrap();
    let e = create_account(&pool, &ring, new_account("ali", "s3"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Invalid { field: "name", .. }));
    let names: Vec<_> = list_accounts(&pool)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, vec!["ali", "hw"]);

    let upd = AccountUpdate {
        name: Some("ali-prod".into()),
        key: Some(("LTAI-new".into(), SecretString::from("rotated"))),
        regions: Some(vec!["cn-shanghai".into()]),
        ..AccountUpdate::default()
    };
    let a2 = update_account(&pool, &ring, a.id, upd).await.unwrap();
    assert_eq!(
        (a2.name.as_str(), a2.regions.as_slice()),
        ("ali-prod", &["cn-shanghai".to_owned()][..])
    );
    let creds = get_credentials(&pool, &ring, a.id).await.unwrap();
    assert_eq!(
        (creds.access_key_id.as_str(), creds.secret.expose_secret()),
        ("LTAI-new", "rotated")
    );
    assert_eq!(
        get_credentials(&pool, &ring, hw.id)
            .await
            .unwrap()
            .endpoints["cn-north-4"],
        "https://vpn.example.test"
    );

    delete_account(&pool, a.id).await.unwrap();
    assert_eq!(list_accounts(&pool).await.unwrap().len(), 1);
    assert!(matches!(
        get_credentials(&pool, &ring, a.id).await,
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        delete_account(&pool, a.id).await,
        Err(Error::NotFound { .. })
    ));
    // The name of a deleted account can be used again.
    create_account(&pool, &ring, new_account("ali-prod", "s"))
        .await
        .unwrap();
}
