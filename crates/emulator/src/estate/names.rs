//! Realistic names and region lists for the demo estate.

/// Alibaba regions used by the estate, in the order accounts take them.
pub const ALIYUN_REGIONS: &[(&str, &str)] = &[
    ("cn-hangzhou", "China (Hangzhou)"),
    ("cn-shanghai", "China (Shanghai)"),
    ("eu-central-1", "Germany (Frankfurt)"),
    ("ap-southeast-1", "Singapore"),
    ("cn-beijing", "China (Beijing)"),
    ("cn-shenzhen", "China (Shenzhen)"),
    ("us-west-1", "US (Silicon Valley)"),
    ("cn-hongkong", "China (Hong Kong)"),
];

/// Huawei regions used by the estate.
pub const HUAWEI_REGIONS: &[&str] = &[
    "cn-north-4",
    "cn-east-3",
    "ap-southeast-1",
    "eu-west-101",
    "cn-south-1",
    "ap-southeast-3",
    "la-south-2",
    "af-south-1",
];

const CITIES: &[&str] = &[
    "Shanghai",
    "Frankfurt",
    "Singapore",
    "London",
    "Munich",
    "Shenzhen",
    "Hong Kong",
    "Paris",
    "Amsterdam",
    "Tokyo",
    "Dubai",
    "Madrid",
    "Milan",
    "Warsaw",
    "Sydney",
    "Chicago",
];

const KINDS: &[&str] = &["DC", "colo", "branch", "office", "plant", "DR site"];

/// Name of on-prem site `i`: "Shanghai DC", "Frankfurt colo", … then numbered.
pub fn site_name(i: usize) -> String {
    let base = format!(
        "{} {}",
        CITIES[i % CITIES.len()],
        KINDS[(i / CITIES.len()) % KINDS.len()]
    );
    let round = i / (CITIES.len() * KINDS.len());
    if round == 0 {
        base
    } else {
        format!("{base} {}", round + 1)
    }
}

/// Account display names.
pub fn account_name(i: usize) -> String {
    const TEAMS: &[&str] = &["retail", "payments", "logistics", "analytics", "platform"];
    let round = i / TEAMS.len();
    if round == 0 {
        format!("acme-{}", TEAMS[i])
    } else {
        format!("acme-{}-{}", TEAMS[i % TEAMS.len()], round + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_readable_and_unique() {
        assert_eq!(site_name(0), "Shanghai DC");
        assert_eq!(site_name(1), "Frankfurt DC");
        assert_eq!(site_name(16), "Shanghai colo");
        let all: std::collections::HashSet<_> = (0..500).map(site_name).collect();
        assert_eq!(all.len(), 500);
        assert_eq!(account_name(0), "acme-retail");
        assert_eq!(account_name(5), "acme-retail-2");
    }
}
