//! The deterministic demo estate: a pure function of `(seed, size)`.
//!
//! Resources are stored directly as the client crates' wire types (`aliyun::types`,
//! `huawei::types`), so what the emulator serves and what the clients parse can never drift.
//! Per-link behaviour over time lives in [`crate::dynamics`]; the generator only picks each
//! link's [`Profile`]. Deliberate configuration mistakes are listed in [`Estate::mistakes`].

pub mod aliyun;
pub use aliyun_vpc::VpcPart;
mod aliyun_conn;
mod aliyun_hybrid;
mod aliyun_vpc;
pub mod huawei;
mod huawei_extra;
pub mod mistakes;
pub mod names;
pub mod net;
mod secrets;

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use crate::dynamics::{mix, Profile};
pub use mistakes::{Mistake, MistakeKind};

/// How big the estate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EstateSize {
    pub accounts: usize,
    /// Regions per account, per cloud (≤ 8).
    pub regions_per_account: usize,
    pub gateways_per_region: usize,
    pub connections_per_gateway: usize,
}

impl EstateSize {
    /// One account, one region per cloud, one gateway with 3 connections.
    pub const fn toy() -> Self {
        Self {
            accounts: 1,
            regions_per_account: 1,
            gateways_per_region: 1,
            connections_per_gateway: 3,
        }
    }

    /// Two accounts × two regions per cloud × 2 gateways × 5 connections = 40 Alibaba
    /// connections (and 40 Huawei ones).
    pub const fn demo() -> Self {
        Self {
            accounts: 2,
            regions_per_account: 2,
            gateways_per_region: 2,
            connections_per_gateway: 5,
        }
    }

    /// The largest supported estate: 20 accounts × 8 regions × 5 gateways × 125
    /// connections = 5,000 connections per account and 100,000 per cloud.
    pub const fn max() -> Self {
        Self {
            accounts: 20,
            regions_per_account: 8,
            gateways_per_region: 5,
            connections_per_gateway: 125,
        }
    }

    /// Clamped to the supported maximums (20 accounts, 8 regions, 50 gateways, 1000 each).
    pub fn clamped(self) -> Self {
        Self {
            accounts: self.accounts.clamp(1, 20),
            regions_per_account: self.regions_per_account.clamp(1, 8),
            gateways_per_region: self.gateways_per_region.clamp(1, 50),
            connections_per_gateway: self.connections_per_gateway.clamp(1, 1000),
        }
    }

    /// Connections per cloud in the whole estate.
    pub fn connections(&self) -> usize {
        self.accounts
            * self.regions_per_account
            * self.gateways_per_region
            * self.connections_per_gateway
    }
}

/// An access key pair of the demo estate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyPair {
    pub id: String,
    pub secret: String,
}

/// An on-prem site: one VPN device reached from one or both clouds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub name: String,
    pub public_ip: String,
    pub asn: u32,
    pub cidr: String,
}

/// One tenant with an Alibaba and a Huawei identity.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub name: String,
    pub uid: String,
    pub aliyun_key: KeyPair,
    pub huawei_key: KeyPair,
    pub huawei_domain_id: String,
    pub aliyun: Vec<aliyun::AliRegion>,
    pub huawei: Vec<huawei::HwRegion>,
}

/// The whole estate.
#[derive(Debug, Clone, PartialEq)]
pub struct Estate {
    pub seed: u64,
    pub size: EstateSize,
    pub sites: Vec<Site>,
    pub accounts: Vec<Account>,
    pub mistakes: Vec<Mistake>,
}

/// A fresh RNG for one component, derived from the seed and a stable label so adding a
/// component never reshuffles the others.
pub fn rng_for(seed: u64, label: &str, a: usize, b: usize) -> StdRng {
    let h = crate::dynamics::key_hash(label);
    StdRng::seed_from_u64(mix(seed ^ mix(h ^ mix(((a as u64) << 32) | b as u64))))
}

/// Profile of the `i`-th link of a region: mostly healthy, some flapping, a few broken.
pub fn profile_for(i: usize) -> Profile {
    const CYCLE: [Profile; 10] = [
        Profile::Healthy,
        Profile::Flaky,
        Profile::IkeMismatch,
        Profile::Healthy,
        Profile::HealthCheckDown,
        Profile::Healthy,
        Profile::Healthy,
        Profile::Flaky,
        Profile::Healthy,
        Profile::Healthy,
    ];
    CYCLE[i % CYCLE.len()]
}

/// Generates the estate. Pure: same `(seed, size)` → identical estate.
pub fn generate(seed: u64, size: EstateSize) -> Estate {
    let size = size.clamped();
    let per_account =
        size.regions_per_account * size.gateways_per_region * size.connections_per_gateway;
    // Sites are shared by both clouds of an account (same IP/ASN on each side) and, for
    // small estates, reused across accounts; ~1 site per 2 connections.
    let site_count = (per_account / 2).clamp(4, 4000);
    let mut sites: Vec<Site> = (0..site_count)
        .map(|i| Site {
            name: names::site_name(i),
            public_ip: net::site_public_ip(i),
            asn: net::site_asn(i),
            cidr: net::site_cidr(i),
        })
        .collect();
    let mut found = Vec::new();
    mistakes::add_overlapping_site(&mut sites);
    let mut accounts = Vec::with_capacity(size.accounts);
    for a in 0..size.accounts {
        let mut rng = rng_for(seed, "account", a, 0);
        let aliyun_key = KeyPair {
            id: format!("LTAI5t{}", &net::hex32(&mut rng)[..18]),
            secret: net::hex32(&mut rng)[..30].to_owned(),
        };
        let huawei_key = KeyPair {
            id: net::hex32(&mut rng)[..20].to_uppercase(),
            secret: format!("{}{}", net::hex32(&mut rng), &net::hex32(&mut rng)[..8]),
        };
        let uid = format!("1{:015}", mix(seed ^ a as u64) % 1_000_000_000_000_000);
        let huawei_domain_id = net::hex32(&mut rng);
        let ali: Vec<_> = (0..size.regions_per_account)
            .map(|r| aliyun::generate_region(seed, &size, &sites, a, r, &uid, &mut found))
            .collect();
        let hw: Vec<_> = (0..size.regions_per_account)
            .map(|r| huawei::generate_region(seed, &size, &sites, a, r, &mut found))
            .collect();
        accounts.push(Account {
            name: names::account_name(a),
            uid,
            aliyun_key,
            huawei_key,
            huawei_domain_id,
            aliyun: ali,
            huawei: hw,
        });
    }
    Estate {
        seed,
        size,
        sites,
        accounts,
        mistakes: found,
    }
}

impl Estate {
    /// Alibaba AccessKeyId → account index.
    pub fn aliyun_keys(&self) -> HashMap<String, usize> {
        self.accounts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.aliyun_key.id.clone(), i))
            .collect()
    }

    /// Huawei AK → account index.
    pub fn huawei_keys(&self) -> HashMap<String, usize> {
        self.accounts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.huawei_key.id.clone(), i))
            .collect()
    }

    /// Total Alibaba and Huawei VPN connections.
    pub fn connection_counts(&self) -> (usize, usize) {
        let ali = self
            .accounts
            .iter()
            .flat_map(|a| &a.aliyun)
            .map(|r| r.connections.len())
            .sum();
        let hw = self
            .accounts
            .iter()
            .flat_map(|a| &a.huawei)
            .map(|r| r.connections.len())
            .sum();
        (ali, hw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_pure_and_sized() {
        let a = generate(5, EstateSize::toy());
        assert!(a == generate(5, EstateSize::toy()));
        assert_eq!(a.accounts[0].aliyun[0].vpn_gateways.len(), 1);
        assert_eq!(a.accounts[0].huawei[0].connections.len(), 3);
        // Every connection has a dynamics profile; the cycle mixes healthy and broken links.
        let r = &a.accounts[0].aliyun[0];
        assert!(r.connections.iter().all(|c| r
            .profiles
            .contains_key(c.vpn_connection_id.as_deref().unwrap_or_default())));
        let profiles: Vec<_> = (0..10).map(profile_for).collect();
        assert!(profiles.contains(&Profile::Flaky) && profiles.contains(&Profile::IkeMismatch));
        assert_eq!(
            EstateSize {
                accounts: 99,
                ..EstateSize::max()
            }
            .clamped()
            .accounts,
            20
        );
        assert_eq!(EstateSize::max().connections(), 100_000);
    }
}
