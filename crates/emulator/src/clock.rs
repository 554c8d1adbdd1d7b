//! The emulator's simulation clock.
//!
//! Dynamics (tunnel flaps, BGP counters) and quota windows run on *simulation* time so tests
//! can control them: `time_scale` speeds real time up (1000 → a 60 s quota window lasts
//! 60 ms of wall time) and [`Clock::advance`] jumps forward instantly. Signature freshness
//! checks deliberately do *not* use this clock: clients stamp requests with wall time, as
//! against the real clouds (alibaba.md §1.9, huawei.md §1.3 step 0).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Duration, TimeZone, Utc};

/// Shared, cheaply clonable simulation clock.
#[derive(Clone, Debug)]
pub struct Clock {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug)]
struct Inner {
    /// Simulation time at `anchor`.
    origin: DateTime<Utc>,
    /// Wall instant the origin corresponds to; `None` = manual clock (frozen between advances).
    anchor: Option<Instant>,
    scale: f64,
    /// Sum of explicit advances.
    offset: Duration,
}

impl Clock {
    /// A clock that starts at `origin` and runs `scale` times faster than wall time.
    pub fn scaled(origin: DateTime<Utc>, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Self::build(origin, Some(Instant::now()), scale)
    }

    /// A clock that only moves when [`Clock::advance`] is called (fully deterministic tests).
    pub fn manual(origin: DateTime<Utc>) -> Self {
        Self::build(origin, None, 1.0)
    }

    /// Fixed epoch used by manual clocks in tests: 2026-01-01T00:00:00Z.
    pub fn test_epoch() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn build(origin: DateTime<Utc>, anchor: Option<Instant>, scale: f64) -> Self {
        Self {
            inner: Arc::new(Mutex::new(Inner {
                origin,
                anchor,
                scale,
                offset: Duration::zero(),
            })),
        }
    }

    /// Current simulation time.
    pub fn now(&self) -> DateTime<Utc> {
        let g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let run = match g.anchor {
            Some(a) => {
                let ms = a.elapsed().as_secs_f64() * g.scale * 1000.0;
                Duration::milliseconds(ms.min(1e15) as i64)
            }
            None => Duration::zero(),
        };
        g.origin + run + g.offset
    }

    /// Jumps the simulation forward by `by` (negative values are ignored: time never runs back).
    pub fn advance(&self, by: std::time::Duration) {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.offset += Duration::from_std(by).unwrap_or_else(|_| Duration::days(36_500));
    }

    /// The speed-up factor (1.0 for manual clocks).
    pub fn scale(&self) -> f64 {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_on_advance() {
        let c = Clock::manual(Clock::test_epoch());
        let t0 = c.now();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert_eq!(c.now(), t0);
        c.advance(std::time::Duration::from_secs(90));
        assert_eq!(c.now() - t0, Duration::seconds(90));
    }

    #[test]
    fn scaled_clock_runs_faster_than_wall_time() {
        let c = Clock::scaled(Clock::test_epoch(), 1000.0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(c.now() - Clock::test_epoch() >= Duration::seconds(20));
        assert_eq!(Clock::scaled(Clock::test_epoch(), f64::NAN).scale(), 1.0);
    }
}
