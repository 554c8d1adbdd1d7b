//! Signing test vectors of spec `alibaba.md` §1.6 (V0) and §1.8 (V1–V3), checked stage by
//! stage through the public API (canonical query, StringToSign, HMAC, full signed set).

use aliyun::encode::{canonical_query, percent_encode};
use aliyun::sign::{signature, signed_params, string_to_sign, HttpMethod};
use aliyun::verify::verify;
use aliyun::Credentials;
use chrono::{TimeZone, Utc};
use secrecy::SecretString;

const NONCE: &str = "c9a5b6e0-0000-4000-8000-000000000001";

fn creds() -> Credentials {
    Credentials::new("testid", "testsecret")
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2020, 9, 17, 8, 0, 0).unwrap()
}

fn owned(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Signs like the client would and checks CQS, StringToSign and Signature of one vector.
fn check_vector(action: &str, ops: &[(&str, &str)], cqs: &str, sig: &str) {
    // Arrange
    let params = signed_params(HttpMethod::Get, action, &owned(ops), &creds(), at(), NONCE);
    // Act
    let got_cqs = canonical_query(params.iter().map(|(k, v)| (k, v)));
    let sts = string_to_sign(HttpMethod::Get, params.iter().map(|(k, v)| (k, v)));
    // Assert
    assert_eq!(got_cqs, cqs);
    assert_eq!(sts, format!("GET&%2F&{}", percent_encode(cqs)));
    assert_eq!(signature(creds().secret(), &sts), sig);
    let sent = params.iter().find(|(k, _)| k == "Signature").unwrap();
    assert_eq!(sent.1, sig);
    assert!(verify(HttpMethod::Get, &params, creds().secret()).is_valid());
}

#[test]
fn v0_doc_value_reproduces_with_timestamp_spelled_timestamp_capital_s() {
    // §1.6: the only parameter set that yields the documented CT9X0… value.
    let params = [
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("AccessKeyId", "testid"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("TimeStamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ];
    let sts = string_to_sign(HttpMethod::Get, params);
    assert_eq!(
        sts,
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
    );
    let secret = SecretString::from("testsecret");
    assert_eq!(signature(&secret, &sts), "CT9X0VtwR86fNWSnsc6v8YGOjuE=");

    // Same request with the correct `Timestamp` spelling: the name is part of the signature.
    let fixed = params.map(|(k, v)| (if k == "TimeStamp" { "Timestamp" } else { k }, v));
    let sts2 = string_to_sign(HttpMethod::Get, fixed);
    assert_eq!(signature(&secret, &sts2), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
}

#[test]
fn v1_simple_list_call() {
    check_vector(
        "DescribeVpnGateways",
        &[("RegionId", "cn-hangzhou"), ("PageNumber", "1"), ("PageSize", "50")],
        "AccessKeyId=testid&Action=DescribeVpnGateways&Format=JSON&PageNumber=1&PageSize=50&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=c9a5b6e0-0000-4000-8000-000000000001&SignatureVersion=1.0&Timestamp=2020-09-17T08%3A00%3A00Z&Version=2016-04-28",
        "f0H+bC3PQ/TtFgWF2z+jxxtYFTE=",
    );
    // URL form of the signature given in §1.8 V1.
    assert_eq!(
        percent_encode("f0H+bC3PQ/TtFgWF2z+jxxtYFTE="),
        "f0H%2BbC3PQ%2FTtFgWF2z%2BjxxtYFTE%3D"
    );
}

#[test]
fn v1_string_to_sign_matches_spec_text() {
    let params = signed_params(
        HttpMethod::Get,
        "DescribeVpnGateways",
        &owned(&[
            ("RegionId", "cn-hangzhou"),
            ("PageNumber", "1"),
            ("PageSize", "50"),
        ]),
        &creds(),
        at(),
        NONCE,
    );
    assert_eq!(
        string_to_sign(HttpMethod::Get, params.iter().map(|(k, v)| (k, v))),
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeVpnGateways%26Format%3DJSON%26PageNumber%3D1%26PageSize%3D50%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dc9a5b6e0-0000-4000-8000-000000000001%26SignatureVersion%3D1.0%26Timestamp%3D2020-09-17T08%253A00%253A00Z%26Version%3D2016-04-28"
    );
}

#[test]
fn v2_json_string_parameter_space_star_tilde_unicode() {
    let ike = r#"{"IkeVersion":"ikev2","IkeMode":"main","IkeEncAlg":"aes","IkeAuthAlg":"sha1","IkePfs":"group2","IkeLifetime":86400,"Psk":"a b*c~d"}"#;
    check_vector(
        "CreateVpnConnection",
        &[
            ("RegionId", "cn-hangzhou"),
            ("VpnGatewayId", "vpn-bp1q8bgx4xnkm2ogj0fiu"),
            ("CustomerGatewayId", "cgw-bp1pvpl9r9adju6l5nxck"),
            ("LocalSubnet", "10.0.0.0/8,172.16.0.0/12"),
            ("RemoteSubnet", "192.168.0.0/16"),
            ("Name", "DC 1*主~x"),
            ("IkeConfig", ike),
        ],
        "AccessKeyId=testid&Action=CreateVpnConnection&CustomerGatewayId=cgw-bp1pvpl9r9adju6l5nxck&Format=JSON&IkeConfig=%7B%22IkeVersion%22%3A%22ikev2%22%2C%22IkeMode%22%3A%22main%22%2C%22IkeEncAlg%22%3A%22aes%22%2C%22IkeAuthAlg%22%3A%22sha1%22%2C%22IkePfs%22%3A%22group2%22%2C%22IkeLifetime%22%3A86400%2C%22Psk%22%3A%22a%20b%2Ac~d%22%7D&LocalSubnet=10.0.0.0%2F8%2C172.16.0.0%2F12&Name=DC%201%2A%E4%B8%BB~x&RegionId=cn-hangzhou&RemoteSubnet=192.168.0.0%2F16&SignatureMethod=HMAC-SHA1&SignatureNonce=c9a5b6e0-0000-4000-8000-000000000001&SignatureVersion=1.0&Timestamp=2020-09-17T08%3A00%3A00Z&Version=2016-04-28&VpnGatewayId=vpn-bp1q8bgx4xnkm2ogj0fiu",
        "yXeNmuBqvEMRX4r7hVgKKpb9M7c=",
    );
}

#[test]
fn v2_string_to_sign_double_encodes_json() {
    let sts = string_to_sign(HttpMethod::Get, [("IkeConfig", r#"{"IkeVersion":1}"#)]);
    assert_eq!(
        sts,
        "GET&%2F&IkeConfig%3D%257B%2522IkeVersion%2522%253A1%257D"
    );
}

#[test]
fn v3_repeat_list_filters_and_sort_order() {
    check_vector(
        "DescribeRouterInterfaces",
        &[
            ("RegionId", "cn-beijing"),
            ("Filter.2.Value.2", "Inactive"),
            ("Filter.1.Key", "RouterId"),
            ("Filter.1.Value.1", "vrt-2zeazning6tbzkm5c0jj2"),
            ("Filter.2.Key", "Status"),
            ("Filter.2.Value.1", "Active"),
        ],
        "AccessKeyId=testid&Action=DescribeRouterInterfaces&Filter.1.Key=RouterId&Filter.1.Value.1=vrt-2zeazning6tbzkm5c0jj2&Filter.2.Key=Status&Filter.2.Value.1=Active&Filter.2.Value.2=Inactive&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=c9a5b6e0-0000-4000-8000-000000000001&SignatureVersion=1.0&Timestamp=2020-09-17T08%3A00%3A00Z&Version=2016-04-28",
        "uxKxZyZDyECwzxZykVyrU88ejGA=",
    );
}

#[test]
fn empty_values_are_signed_and_change_the_signature() {
    let with_empty = string_to_sign(HttpMethod::Get, [("A", "1"), ("Description", "")]);
    assert!(with_empty.ends_with("A%3D1%26Description%3D"));
    let without = string_to_sign(HttpMethod::Get, [("A", "1")]);
    let s = SecretString::from("k");
    assert_ne!(signature(&s, &with_empty), signature(&s, &without));
}

#[test]
fn security_token_is_a_signed_parameter() {
    let sts_creds = creds().with_security_token("CAIS token/with+chars");
    let p = signed_params(
        HttpMethod::Get,
        "DescribeVpcs",
        &[],
        &sts_creds,
        at(),
        NONCE,
    );
    let tok = p.iter().find(|(k, _)| k == "SecurityToken").unwrap();
    assert_eq!(tok.1, "CAIS token/with+chars");
    assert!(verify(HttpMethod::Get, &p, sts_creds.secret()).is_valid());
    // Dropping the token must break verification: it is covered by the signature.
    let stripped: Vec<_> = p
        .into_iter()
        .filter(|(k, _)| k != "SecurityToken")
        .collect();
    assert!(!verify(HttpMethod::Get, &stripped, sts_creds.secret()).is_valid());
}

#[test]
fn form_post_signs_with_post_prefix_and_verifies() {
    let p = signed_params(HttpMethod::Post, "DescribeVpcs", &[], &creds(), at(), NONCE);
    assert!(verify(HttpMethod::Post, &p, creds().secret()).is_valid());
    assert!(!verify(HttpMethod::Get, &p, creds().secret()).is_valid());
}
