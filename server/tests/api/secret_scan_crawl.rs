//! The crawl of the secret scan: signs in as an admin, creates a wall and an API token, then
//! fetches every page reachable by following links from the navigation, every registered
//! server function, the `/api/v1` lists, the exports, the metrics and the event streams, and
//! keeps every answer body.

use futures_util::StreamExt as _;
use reqwest::cookie::CookieStore as _;
use reqwest::{Client, Method};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

/// One answer (or log) and the secrets it is allowed to show (a token in its own creation).
pub struct Fetched {
    pub url: String,
    pub body: String,
    pub may_show: Vec<String>,
}

impl Fetched {
    pub fn new(url: String, body: String) -> Self {
        Fetched {
            url,
            body,
            may_show: Vec::new(),
        }
    }
}

pub struct Outcome {
    pub fetched: Vec<Fetched>,
    /// Pages (HTML) crawled.
    pub pages: usize,
    pub session_id: String,
    pub wall_token: String,
    pub api_token: String,
}

/// Where the crawl starts: the navigation and the pages it does not link to.
const SEEDS: &[&str] = &[
    "/",
    "/connections",
    "/gateways",
    "/routes",
    "/bgp",
    "/topology",
    "/history",
    "/history/diff",
    "/settings",
    "/admin/users",
    "/admin/walls",
    "/admin/api-tokens",
    "/admin/audit",
    "/wall",
    "/login",
];
/// Pages per first path segment (the 40 connection pages show nothing the first few don't).
const PER_SECTION: usize = 6;
const MAX_PAGES: usize = 150;

struct Crawler {
    base: String,
    client: Client,
    fetched: Vec<Fetched>,
}

impl Crawler {
    async fn get(&mut self, path: &str, bearer: Option<&str>) -> String {
        let mut req = self.client.get(format!("{}{path}", self.base));
        if let Some(token) = bearer {
            req = req.bearer_auth(token);
        }
        let body = req.send().await.unwrap().text().await.unwrap();
        self.fetched.push(Fetched::new(path.into(), body.clone()));
        body
    }

    async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> String {
        let url = format!("{}{path}", self.base);
        let body = self.client.post(url).form(form).send().await.unwrap();
        let body = body.text().await.unwrap();
        self.fetched.push(Fetched::new(path.into(), body.clone()));
        body
    }

    /// The first bytes of an event stream (it never ends by itself).
    async fn stream(&mut self, path: &str) {
        let resp = self.client.get(format!("{}{path}", self.base)).send();
        let mut body = Vec::new();
        if let Ok(Ok(resp)) = tokio::time::timeout(Duration::from_secs(3), resp).await {
            let mut chunks = resp.bytes_stream();
            let read = async {
                while let Some(Ok(chunk)) = chunks.next().await {
                    body.extend_from_slice(&chunk);
                }
            };
            let _ = tokio::time::timeout(Duration::from_millis(1500), read).await;
        }
        let body = String::from_utf8_lossy(&body).into_owned();
        self.fetched.push(Fetched::new(path.into(), body));
    }
}

/// Same-site links of a page, without fragments, minus static files.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&"))
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .filter(|h| h.starts_with('/') && !h.starts_with("//") && !h.starts_with("/pkg/"))
        .collect()
}

fn section(path: &str) -> String {
    path.trim_start_matches('/')
        .split(['/', '?'])
        .next()
        .unwrap_or_default()
        .to_string()
}

fn json_field(body: &str, field: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {body}"))
        .to_string()
}

pub async fn crawl(base: &str, name: &str, password: &str) -> Outcome {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut c = Crawler {
        base: base.into(),
        client,
        fetched: Vec::new(),
    };
    c.post(
        "/api/session/login",
        &[("name", name), ("password", password)],
    )
    .await;
    let cookies = jar
        .cookies(&base.parse().unwrap())
        .expect("a session cookie");
    let session_id = cookies
        .to_str()
        .unwrap()
        .split("; ")
        .find_map(|kv| kv.strip_prefix("gatewatch_session="))
        .expect("the session cookie")
        .to_string();
    let form = [("name", "scan"), ("days", "1")];
    let wall = c.post("/api/admin/walls/create", &form).await;
    let wall_path = json_field(&wall, "path");
    let wall_token = wall_path.trim_start_matches("/wall/").to_string();
    c.fetched
        .last_mut()
        .unwrap()
        .may_show
        .push(wall_token.clone());
    let api = c.post("/api/admin/api-tokens/create", &form).await;
    let api_token = json_field(&api, "token");
    c.fetched
        .last_mut()
        .unwrap()
        .may_show
        .push(api_token.clone());

    // Pages, breadth first from the navigation, plus the wall.
    let mut queue: VecDeque<String> = SEEDS.iter().map(|s| s.to_string()).collect();
    queue.push_back(wall_path.clone());
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut per_section: BTreeMap<String, usize> = BTreeMap::new();
    let mut pages = 0;
    let mut connection = None;
    while let Some(path) = queue.pop_front() {
        if pages >= MAX_PAGES {
            break;
        }
        pages += 1;
        let html = c.get(&path, None).await;
        for link in links(&html) {
            if connection.is_none() {
                connection = link.strip_prefix("/connections/").map(str::to_string);
            }
            let count = per_section.entry(section(&link)).or_default();
            if *count < PER_SECTION && seen.insert(link.clone()) {
                *count += 1;
                queue.push_back(link);
            }
        }
    }
    let connection = connection.expect("a link to a connection's page");

    // Every server function (signing out last), then the reads with real arguments.
    let mut fns: Vec<(String, Method)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(p, m)| (p.to_string(), m))
        .filter(|(p, _)| p != "/api/session/logout")
        .collect();
    fns.sort();
    for (path, method) in fns {
        if method == Method::GET {
            c.get(&path, None).await;
        } else {
            c.post(&path, &[]).await;
        }
    }
    c.post("/api/connection", &[("id", &connection)]).await;

    // The JSON API, the exports, metrics and streams.
    let spec = c.get("/api/v1/openapi.json", None).await;
    let spec: serde_json::Value = serde_json::from_str(&spec).unwrap();
    let mut api_paths: Vec<String> = spec["paths"]
        .as_object()
        .expect("paths in the OpenAPI document")
        .keys()
        .map(|p| p.replace("{id}", &connection))
        .filter(|p| !p.contains('{'))
        .collect();
    api_paths.sort();
    for p in api_paths {
        c.get(&p, Some(&api_token)).await;
    }
    for p in ["/metrics", "/admin/audit.csv", "/connections.csv"] {
        c.get(p, None).await;
    }
    c.stream("/events").await;
    c.stream(&format!("{wall_path}/events")).await;
    Outcome {
        fetched: c.fetched,
        pages,
        session_id,
        wall_token,
        api_token,
    }
}
