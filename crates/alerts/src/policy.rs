//! The debounce rules, pure: one resource's recent history in, the alert to send (if any) out.
//! Time is always an argument, so tests replay hours of flapping in microseconds.
//!
//! * **Down**: the state has stayed `down` for the debounce window.
//! * **Flapping**: at least `flap_threshold` changes inside the flap window, observed for a
//!   debounce window since the first of them: one alert naming the count and the state now.
//! * **Recovered**: after a down / flapping alert, the state has stayed `up` for the debounce
//!   window. Until then nothing else is sent for that resource: a flapping tunnel sends one
//!   alert, then one "recovered".

use chrono::{DateTime, Duration, Utc};

/// The tunable windows (the server's `[alerts]` section).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// How long a state must hold before it is alerted.
    pub debounce: Duration,
    /// How far back changes count towards flapping.
    pub flap_window: Duration,
    /// Changes inside the window that make a resource "flapping".
    pub flap_threshold: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            debounce: Duration::seconds(60),
            flap_window: Duration::minutes(5),
            flap_threshold: 4,
        }
    }
}

/// What an alert says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Down for the debounce window.
    Down,
    /// Changing state too often; `Alert::new_state` says where it is now.
    Flapping,
    /// Back up (and stable) after a down or flapping alert.
    Recovered,
    /// The "Send test" button.
    Test,
}

impl Event {
    /// The token stored in `alert_delivery.event`.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Down => "down",
            Event::Flapping => "flapping",
            Event::Recovered => "recovered",
            Event::Test => "test",
        }
    }
}

/// A decision: send this event, with the change count for a flapping one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub event: Event,
    /// Changes inside the flap window when decided.
    pub changes: usize,
}

/// One resource's debounce state (a row of `alert_resource`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    /// Normalised state now (`up`, `down`, `partial`, …).
    pub state: String,
    /// The state before (for the payload).
    pub old_state: Option<String>,
    /// Since when `state` holds.
    pub since: DateTime<Utc>,
    /// The cloud's reason for the last change.
    pub reason: Option<String>,
    /// Times of the changes inside the flap window, oldest first.
    pub changes: Vec<DateTime<Utc>>,
    /// A down / flapping alert is open (no "recovered" sent yet).
    pub alerted: bool,
}

impl Tracked {
    /// A resource first seen changing (there is no row for it yet): it was `old` until `at`.
    pub fn new(old: Option<&str>, at: DateTime<Utc>) -> Self {
        Tracked {
            state: old.unwrap_or("unknown").to_owned(),
            old_state: None,
            since: at,
            reason: None,
            changes: Vec::new(),
            alerted: false,
        }
    }

    /// Applies a recorded transition. Call [`Tracked::evaluate`] at `at` first, so an alert
    /// that came due before this change (seen late, in one poll) is not lost.
    pub fn observe(&mut self, at: DateTime<Utc>, new_state: &str, reason: Option<String>) {
        if new_state == self.state {
            return;
        }
        self.old_state = Some(std::mem::replace(&mut self.state, new_state.to_owned()));
        self.since = at;
        self.reason = reason;
        self.changes.push(at);
    }

    /// The alert due at `now`, if any; marks it as sent in `self`.
    pub fn evaluate(&mut self, now: DateTime<Utc>, p: &Policy) -> Option<Decision> {
        self.changes.retain(|t| *t > now - p.flap_window);
        let held = now - self.since >= p.debounce;
        let count = self.changes.len();
        if self.alerted {
            if self.state == "up" && held {
                self.alerted = false;
                return Some(Decision {
                    event: Event::Recovered,
                    changes: count,
                });
            }
            return None;
        }
        let flapping = count >= p.flap_threshold
            && self.changes.first().is_some_and(|t| now - *t >= p.debounce);
        let event = if flapping {
            Event::Flapping
        } else if self.state == "down" && held {
            Event::Down
        } else {
            return None;
        };
        self.alerted = true;
        Some(Decision {
            event,
            changes: count,
        })
    }

    /// Nothing in progress: quietly not-down, no open alert, no recent change. Such rows are
    /// deleted (a new transition recreates them).
    pub fn is_idle(&self, now: DateTime<Utc>, p: &Policy) -> bool {
        !self.alerted
            && self.state != "down"
            && self.changes.iter().all(|t| *t <= now - p.flap_window)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        "2026-11-25T12:00:00Z".parse().unwrap()
    }
    fn s(n: i64) -> DateTime<Utc> {
        t0() + Duration::seconds(n)
    }

    /// Evaluates every second from `from` to `to` and collects the events.
    fn run(tr: &mut Tracked, from: i64, to: i64) -> Vec<Decision> {
        (from..=to)
            .filter_map(|n| tr.evaluate(s(n), &Policy::default()))
            .collect()
    }

    #[test]
    fn down_is_sent_once_after_the_debounce_window() {
        // Arrange
        let mut tr = Tracked::new(Some("up"), s(0));
        tr.observe(s(0), "down", Some("peer gone".into()));
        // Act
        let early = run(&mut tr, 0, 59);
        let due = run(&mut tr, 60, 3600);
        // Assert
        assert!(early.is_empty(), "{early:?}");
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].event, Event::Down);
    }

    #[test]
    fn a_short_blip_sends_nothing() {
        let mut tr = Tracked::new(Some("up"), s(0));
        tr.observe(s(0), "down", None);
        assert!(run(&mut tr, 0, 30).is_empty());
        tr.observe(s(30), "up", None);
        assert!(run(&mut tr, 30, 3600).is_empty());
        assert!(tr.is_idle(s(3600), &Policy::default()));
    }

    #[test]
    fn twenty_flaps_send_one_alert_then_one_recovered() {
        // Arrange: 20 changes, one a second, ending down.
        let mut tr = Tracked::new(Some("up"), s(0));
        let mut sent = Vec::new();
        for n in 0..20 {
            sent.extend(tr.evaluate(s(n), &Policy::default()));
            tr.observe(s(n), if n % 2 == 0 { "down" } else { "up" }, None);
        }
        tr.observe(s(20), "down", None);
        // Act: stays down for ten minutes, then comes back for good.
        sent.extend(run(&mut tr, 20, 600));
        tr.observe(s(601), "up", None);
        sent.extend(run(&mut tr, 601, 1200));
        // Assert
        let events: Vec<Event> = sent.iter().map(|d| d.event).collect();
        assert_eq!(events, vec![Event::Flapping, Event::Recovered]);
        assert_eq!(sent[0].changes, 21);
        assert!(tr.is_idle(s(1200), &Policy::default()));
    }

    #[test]
    fn recovered_waits_for_a_stable_up() {
        let mut tr = Tracked::new(Some("up"), s(0));
        tr.observe(s(0), "down", None);
        assert_eq!(run(&mut tr, 0, 100).len(), 1);
        // Up for 30 s, down again: neither a recovered nor a second down.
        tr.observe(s(100), "up", None);
        assert!(run(&mut tr, 100, 130).is_empty());
        tr.observe(s(130), "down", None);
        assert!(run(&mut tr, 130, 400).is_empty());
        tr.observe(s(400), "up", None);
        let last = run(&mut tr, 400, 500);
        assert_eq!(last.len(), 1);
        assert_eq!(last[0].event, Event::Recovered);
    }

    #[test]
    fn a_late_poll_still_alerts_a_long_outage() {
        // Down at 0, up at 70, both seen in one poll at 75: evaluating at each transition's
        // time before applying it catches the 70 s outage.
        let mut tr = Tracked::new(Some("up"), s(0));
        tr.observe(s(0), "down", None);
        let down = tr.evaluate(s(70), &Policy::default());
        tr.observe(s(70), "up", None);
        assert_eq!(down.map(|d| d.event), Some(Event::Down));
        assert_eq!(
            tr.evaluate(s(130), &Policy::default()).map(|d| d.event),
            Some(Event::Recovered)
        );
    }

    #[test]
    fn same_state_again_is_not_a_change() {
        let mut tr = Tracked::new(Some("up"), s(0));
        tr.observe(s(1), "up", None);
        assert!(tr.changes.is_empty());
        assert_eq!(tr.since, s(0));
    }
}
