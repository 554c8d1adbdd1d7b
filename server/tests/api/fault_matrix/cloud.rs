//! Faults on the cloud's side of the wire, against a running engine: 5xx, hung answers,
//! a throttling storm, truncated / malformed / oversized bodies, a list sent as one object,
//! a wrong AccessKey secret / SK, and a clock more than 15 minutes off the cloud's (the cases
//! are in `cloud_cases.rs`).

use super::cloud_cases::{cases, inject, remove};
use super::harness::Stage;
use super::store_checks::{assert_not_torn, visible_counts};
use super::{report, wait_until};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
async fn cloud_faults_are_recorded_shown_and_recovered_from_without_losing_data() {
    let stage = Stage::start(101).await;
    for case in cases() {
        let since = chrono::Utc::now();
        inject(&stage, &case.inject).await;
        // Recorded against its account and region, with the cloud's code.
        let mut records = Vec::new();
        for (cloud, code) in case.expect {
            wait_until(
                Duration::from_secs(30),
                &format!("{}: {code} on record", case.name),
                || async { stage.recorded(code, since).await.is_some() },
            )
            .await;
            let r = stage.recorded(code, since).await.unwrap();
            assert!(
                r.account.contains(if *cloud == "aliyun" {
                    "Alibaba"
                } else {
                    "Huawei"
                }),
                "{}: {r:?}",
                case.name
            );
            assert!(
                r.message
                    .to_lowercase()
                    .contains(&case.shown.to_lowercase()),
                "{}: recorded on {} as {:?}",
                case.name,
                r.region,
                r.message
            );
            records.push((code, r));
        }
        // Shown plainly through the API: the overview names code and cause for that region.
        let mut shown = String::new();
        for (cloud, code) in case.expect {
            let shows = |rows: &[(String, String, String, String)]| {
                rows.iter()
                    .find(|(c, _, _, e)| c == cloud && e.starts_with(code))
                    .cloned()
            };
            wait_until(
                // The connection job may wait in the quota gate after a throttling storm.
                Duration::from_secs(30),
                &format!("{}: {code} in the overview", case.name),
                || async { shows(&stage.overview_errors().await).is_some() },
            )
            .await;
            let (_, account, region, e) = shows(&stage.overview_errors().await).unwrap();
            assert!(
                e.to_lowercase().contains(&case.shown.to_lowercase()),
                "{}: shown as {e:?}",
                case.name
            );
            shown = format!(
                "{account} / {region}: \"{}\"",
                e.chars().take(110).collect::<String>()
            );
        }
        // Nothing stored lost or torn while it lasted.
        assert_not_torn(&stage.pool, case.name).await;
        assert_eq!(
            visible_counts(&stage.pool).await,
            stage.baseline,
            "{}: rows lost",
            case.name
        );

        // Removed: gatewatch recovers on its own (no refresh is asked for).
        remove(&stage, &case.inject).await;
        let removed = Instant::now();
        wait_until(
            Duration::from_secs(60),
            &format!("{}: recovery", case.name),
            || stage.healthy(),
        )
        .await;
        let recovery = removed.elapsed();
        assert!(
            stage.overview_errors().await.is_empty(),
            "{}: error still shown after recovery",
            case.name
        );
        assert_not_torn(&stage.pool, case.name).await;
        assert_eq!(
            visible_counts(&stage.pool).await,
            stage.baseline,
            "{}: rows lost",
            case.name
        );
        let codes: Vec<&str> = records.iter().map(|(c, _)| **c).collect();
        let rows: i64 = stage.baseline.values().sum();
        report(
            case.name,
            &format!(
                "{} recorded; overview shows {shown}; {rows} rows kept, none torn",
                codes.join(" + ")
            ),
            recovery,
        );
    }
    stage.stop().await;
}
