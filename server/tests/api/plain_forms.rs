//! Forms posted by the browser itself (before hydration, or with JavaScript off): a refusal
//! comes back as a page naming what was wrong, never as the raw JSON error; signing in and
//! out lead where they should.

use crate::helpers::{new_client, spawn_app, TestApp};
use reqwest::header::{ACCEPT, LOCATION, REFERER};

/// What a browser sends for a plain form post from `page`.
async fn post_as_browser(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/{endpoint}")))
        .header(ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(REFERER, app.url(page))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// The page `client` (with its session cookie) gets at `url`.
async fn page_for(client: &reqwest::Client, url: &str) -> String {
    let response = client.get(url).send().await.unwrap();
    assert_eq!(response.status(), 200, "{url}");
    response.text().await.unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()[LOCATION].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_refused_form_post_returns_to_the_page_which_names_the_error() {
    let app = spawn_app().await;
    let client = new_client();
    let page = "/login?next=%2Fconnections";
    let form = [("name", "nobody"), ("password", "wrong password")];
    let refused = post_as_browser(&app, &client, page, "session/login", &form).await;
    // 303: the browser follows it with a GET (a 400 with a Location is not followed, and
    // the person saw `{"InvalidInput":…}` as the page).
    assert_eq!(refused.status(), 303);
    let back = location(&refused);
    assert!(
        back.contains("/login?next=%2Fconnections&__path="),
        "{back}"
    );
    assert!(
        !back.contains("wrong password"),
        "the password is not in the URL: {back}"
    );

    let html = page_for(&client, &back).await;
    assert!(
        html.contains(r#"id="form-error""#),
        "the notice is rendered"
    );
    assert!(
        html.contains("The form was refused: invalid input: wrong user name or password"),
        "the notice names the error"
    );
    // The hidden field carries `next` on to the next attempt.
    assert!(html.contains(r#"name="next" value="/connections""#));
    app.stop().await;
}

#[tokio::test]
async fn signing_in_and_out_with_plain_forms_leads_on() {
    let app = spawn_app().await;
    auth::users::create(
        &app.pool,
        "ops",
        "a long test password",
        auth::Role::Operator,
    )
    .await
    .unwrap();
    let client = new_client();
    let form = [
        ("name", "ops"),
        ("password", "a long test password"),
        ("next", "/connections?state=down"),
    ];
    let signed_in = post_as_browser(&app, &client, "/login", "session/login", &form).await;
    assert_eq!(signed_in.status(), 302);
    assert_eq!(location(&signed_in), "/connections?state=down");
    let html = page_for(&client, &app.url("/")).await;
    assert!(html.contains("ops · operator"), "signed in");

    // `next` off this site is not followed.
    let offsite = [
        ("name", "ops"),
        ("password", "a long test password"),
        ("next", "//evil.example/"),
    ];
    let other = new_client();
    let response = post_as_browser(&app, &other, "/login", "session/login", &offsite).await;
    assert_eq!(location(&response), "/");

    let signed_out = post_as_browser(&app, &client, "/", "session/logout", &[]).await;
    assert_eq!(signed_out.status(), 302);
    assert_eq!(location(&signed_out), "/login");
    let html = page_for(&client, &app.url("/")).await;
    assert!(!html.contains("ops · operator"), "signed out");

    // The hydrated page's own calls (JSON) get the answer, not a redirect.
    let hydrated = client
        .post(app.url("/api/session/login"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(hydrated.status(), 200);
    assert!(hydrated.headers().get(LOCATION).is_none());
    app.stop().await;
}
