//! What a wall token (or an API token) may see: lists of clouds, accounts, regions and sites.
//! An empty list means "any" for that dimension; a resource is visible when every non-empty
//! list contains its value.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    #[serde(default)]
    pub clouds: Vec<String>,
    /// Account names as shown in gatewatch.
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
    /// Site names (customer gateways merged across clouds).
    #[serde(default)]
    pub sites: Vec<String>,
}

impl Scope {
    /// Whether a resource at (cloud, account, region) and, if it has one, behind `site` is
    /// inside the scope. A resource without a site is outside a site-restricted scope.
    pub fn allows(&self, cloud: &str, account: &str, region: &str, site: Option<&str>) -> bool {
        let fits =
            |list: &[String], value: &str| list.is_empty() || list.iter().any(|v| v == value);
        fits(&self.clouds, cloud)
            && fits(&self.accounts, account)
            && fits(&self.regions, region)
            && (self.sites.is_empty() || site.is_some_and(|s| fits(&self.sites, s)))
    }

    /// One line for lists and audit entries: "clouds aliyun · regions cn-shanghai".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            ("clouds", &self.clouds),
            ("accounts", &self.accounts),
            ("regions", &self.regions),
            ("sites", &self.sites),
        ]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(name, list)| format!("{name} {}", list.join(", ")))
        .collect();
        if parts.is_empty() {
            "everything".into()
        } else {
            parts.join(" · ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(clouds: &[&str], regions: &[&str], sites: &[&str]) -> Scope {
        let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        Scope {
            clouds: own(clouds),
            accounts: vec![],
            regions: own(regions),
            sites: own(sites),
        }
    }

    #[test]
    fn empty_scope_allows_everything() {
        assert!(Scope::default().allows("aliyun", "a", "cn-shanghai", None));
        assert_eq!(Scope::default().describe(), "everything");
    }

    #[test]
    fn every_listed_dimension_must_match() {
        let s = scope(&["huawei"], &["cn-north-4"], &[]);
        assert!(s.allows("huawei", "x", "cn-north-4", Some("DC")));
        assert!(!s.allows("aliyun", "x", "cn-north-4", None));
        assert!(!s.allows("huawei", "x", "cn-south-1", None));
        assert_eq!(s.describe(), "clouds huawei · regions cn-north-4");
    }

    #[test]
    fn site_scope_excludes_resources_without_a_site() {
        let s = scope(&[], &[], &["Shanghai DC"]);
        assert!(s.allows("aliyun", "a", "r", Some("Shanghai DC")));
        assert!(!s.allows("aliyun", "a", "r", Some("Beijing DC")));
        assert!(!s.allows("aliyun", "a", "r", None));
    }
}
