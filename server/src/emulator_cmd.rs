//! `gatewatch emulator`: the built-in cloud emulator as a server of its own, for trying the
//! official SDKs or `gatewatch call` against a demo estate without a cloud account.

use emulator::{EmulatorConfig, EstateSize};

/// Parses an estate size: `toy`, `demo`, `max`, or `ACCOUNTS,REGIONS,GATEWAYS,CONNECTIONS`
/// (regions per account per cloud, gateways per region, connections per gateway).
pub fn parse_size(text: &str) -> Result<EstateSize, String> {
    match text {
        "toy" => return Ok(EstateSize::toy()),
        "demo" => return Ok(EstateSize::demo()),
        "max" => return Ok(EstateSize::max()),
        _ => {}
    }
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let numbers: Result<Vec<usize>, _> = parts.iter().map(|p| p.parse::<usize>()).collect();
    match numbers.as_deref() {
        Ok([accounts, regions, gateways, connections]) => {
            let size = EstateSize {
                accounts: *accounts,
                regions_per_account: *regions,
                gateways_per_region: *gateways,
                connections_per_gateway: *connections,
            };
            if size.clamped() != size || [*accounts, *regions, *gateways, *connections].contains(&0)
            {
                let max = EstateSize::max();
                return Err(format!(
                    "estate size {text:?} is out of range: accounts 1–20, regions 1–8, gateways 1–50, \
                     connections 1–1000 (the largest preset, max, is {},{},{},{})",
                    max.accounts, max.regions_per_account, max.gateways_per_region, max.connections_per_gateway
                ));
            }
            Ok(size)
        }
        _ => Err(format!(
            "estate size {text:?} is not toy, demo, max or ACCOUNTS,REGIONS,GATEWAYS,CONNECTIONS"
        )),
    }
}

pub async fn run(args: crate::cli::EmulatorArgs) -> Result<(), String> {
    let size = parse_size(&args.size)?;
    if !(args.time_scale.is_finite() && args.time_scale > 0.0) {
        return Err(format!(
            "--time-scale must be a positive number, not {}",
            args.time_scale
        ));
    }
    let config = EmulatorConfig {
        time_scale: args.time_scale,
        quotas: !args.no_quotas,
        ..EmulatorConfig::new(args.seed, size)
    };
    emulator::run_standalone(config, args.listen)
        .await
        .map_err(|e| format!("cannot run the emulator on {}: {e}", args.listen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_explicit_sizes_parse() {
        assert_eq!(parse_size("toy").unwrap(), EstateSize::toy());
        assert_eq!(parse_size("max").unwrap(), EstateSize::max());
        let s = parse_size("3, 2, 1, 10").unwrap();
        assert_eq!(
            (
                s.accounts,
                s.regions_per_account,
                s.gateways_per_region,
                s.connections_per_gateway
            ),
            (3, 2, 1, 10)
        );
    }

    #[test]
    fn bad_sizes_say_what_is_allowed() {
        assert!(parse_size("huge")
            .unwrap_err()
            .contains("not toy, demo, max"));
        assert!(parse_size("21,1,1,1")
            .unwrap_err()
            .contains("accounts 1–20"));
        assert!(parse_size("1,0,1,1").unwrap_err().contains("out of range"));
        assert!(parse_size("1,1,1")
            .unwrap_err()
            .contains("ACCOUNTS,REGIONS"));
    }
}
