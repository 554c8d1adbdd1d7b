//! A wall token is no key to operator actions: the wall's browser (no session, the demo's guest
//! viewer) calling each operator endpoint, with the wall token as a bearer token too, is refused
//! with 403 before the function runs, and each refusal is in the audit log under the token.

use crate::helpers::{fresh_database, new_client, spawn_app_with, test_settings};

#[tokio::test]
async fn a_wall_holder_is_refused_every_operator_action_and_audited() {
    // Arrange: the demo's policy (a visitor reads as a guest viewer) and a live wall token.
    let mut settings = test_settings();
    settings.access.guest_role = Some("viewer".into());
    let app = spawn_app_with(fresh_database().await, settings).await;
    let wall_tokens = &auth::wall::TOKENS;
    let (_, token) = crate::api_v1::issue(&app, wall_tokens, "NOC", auth::Scope::default()).await;
    let wall = new_client();
    let endpoints = [
        "operator/psk",
        "operator/peer-config",
        "operator/route/publish",
        "operator/route/weight",
    ];
    for endpoint in endpoints {
        // Act
        let resp = wall
            .post(app.url(&format!("/api/{endpoint}")))
            .header("authorization", format!("Bearer {token}"))
            .header("referer", app.url(&format!("/wall/{token}")))
            .form(&[
                ("connection_id", "vco-x"),
                ("route", "r"),
                ("weight", "0"),
                ("publish", "true"),
            ])
            .send()
            .await
            .unwrap();
        // Assert: the token was understood and refused, nothing done.
        assert_eq!(resp.status(), 403, "{endpoint}");
    }
    let denied: Vec<String> = sqlx::query_scalar(
        "SELECT target FROM audit_log WHERE actor = 'wall token NOC' AND outcome = 'denied' \
         AND action = 'access_denied' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let expected: Vec<String> = endpoints.iter().map(|e| format!("/api/{e}")).collect();
    assert_eq!(denied, expected);
    let acted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action IN ('psk_revealed', 'peer_config_downloaded', \
         'vpn_route_published', 'vpn_route_withdrawn', 'vpn_route_weight_changed')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(acted, 0, "no operator action ran");
}
