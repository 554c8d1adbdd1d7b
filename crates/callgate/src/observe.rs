//! A process-wide listener for every HTTP attempt either cloud client makes (metrics). Unlike
//! the per-client [`crate::CallGate`], which the sync engine sets for pacing, this needs no
//! wiring through client configurations: the server installs one observer at start-up and
//! every client, whoever built it, reports to it.

use std::sync::{Arc, OnceLock};

/// How one attempt ended, as metrics tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptResult {
    /// The cloud answered with success.
    Ok,
    /// The cloud answered with an error that is not about rate.
    Error,
    /// The cloud refused the call for rate.
    Throttled,
    /// No answer: timeout, connection error.
    NoAnswer,
}

impl AttemptResult {
    pub fn as_str(self) -> &'static str {
        match self {
            AttemptResult::Ok => "ok",
            AttemptResult::Error => "error",
            AttemptResult::Throttled => "throttled",
            AttemptResult::NoAnswer => "no_answer",
        }
    }
}

/// One finished attempt: `retry` is true for every attempt after the first of a call.
#[derive(Debug, Clone, Copy)]
pub struct Attempt<'a> {
    pub cloud: &'static str,
    pub api: &'a str,
    pub result: AttemptResult,
    pub retry: bool,
}

pub trait CallObserver: Send + Sync {
    fn attempt(&self, attempt: Attempt<'_>);
}

static OBSERVER: OnceLock<Arc<dyn CallObserver>> = OnceLock::new();

/// Installs the observer; the first one installed stays (later calls return `false`), so a
/// process that starts several servers (tests) keeps counting into one place.
pub fn install(observer: Arc<dyn CallObserver>) -> bool {
    OBSERVER.set(observer).is_ok()
}

/// Called by the clients after each attempt; does nothing until an observer is installed.
pub fn report(attempt: Attempt<'_>) {
    if let Some(observer) = OBSERVER.get() {
        observer.attempt(attempt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Seen(Mutex<Vec<(String, &'static str, bool)>>);
    impl CallObserver for Seen {
        fn attempt(&self, a: Attempt<'_>) {
            self.0
                .lock()
                .unwrap()
                .push((a.api.to_string(), a.result.as_str(), a.retry));
        }
    }

    #[test]
    fn reports_reach_the_first_installed_observer_only() {
        let first = Arc::new(Seen::default());
        assert!(install(first.clone()));
        assert!(!install(Arc::new(Seen::default())));
        report(Attempt {
            cloud: "aliyun",
            api: "DescribeVpnGateways",
            result: AttemptResult::Throttled,
            retry: true,
        });
        assert_eq!(
            *first.0.lock().unwrap(),
            vec![("DescribeVpnGateways".to_string(), "throttled", true)]
        );
    }
}
