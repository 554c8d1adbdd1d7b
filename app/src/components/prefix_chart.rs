//! The prefix-count chart of a BGP peer: learned and advertised counts over a window as two
//! step lines, drawn as SVG on the server (no chart library, no JavaScript). The geometry is a
//! pure function, tested on its own; the component only lays it into `<svg>`.

use crate::api::bgp_peer::PrefixPoint;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 180.0;
/// Room for the axis labels.
const LEFT: f64 = 40.0;
const BOTTOM: f64 = 20.0;
const TOP: f64 = 10.0;

/// The two step paths and the scale they use.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGeometry {
    pub learned: String,
    pub advertised: String,
    /// The count at the top of the plot (at least 1).
    pub y_max: i64,
}

/// Step paths over `[from, to]`: each count holds from its sample until the next one, the
/// last until `to`. A sample before `from` (the value in force when the window opens) is
/// drawn from `from`. `None` when there is nothing to draw.
pub fn step_paths(
    samples: &[PrefixPoint],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Option<ChartGeometry> {
    if samples.is_empty() || to <= from {
        return None;
    }
    let y_max = samples
        .iter()
        .map(|s| s.learned.max(s.advertised))
        .max()
        .unwrap_or(0)
        .max(1);
    let span = (to - from).num_milliseconds() as f64;
    let x = |t: DateTime<Utc>| {
        let f = ((t.max(from) - from).num_milliseconds() as f64 / span).min(1.0);
        LEFT + f * (WIDTH - LEFT)
    };
    let y = |v: i64| TOP + (1.0 - v as f64 / y_max as f64) * (HEIGHT - TOP - BOTTOM);
    let path = |value: fn(&PrefixPoint) -> i64| {
        let mut d = format!("M{:.1},{:.1}", x(samples[0].at), y(value(&samples[0])));
        for s in &samples[1..] {
            d.push_str(&format!(" H{:.1} V{:.1}", x(s.at), y(value(s))));
        }
        d.push_str(&format!(" H{:.1}", x(to)));
        d
    };
    Some(ChartGeometry {
        learned: path(|s| s.learned),
        advertised: path(|s| s.advertised),
        y_max,
    })
}

/// Samples in the window whose counts differ from the sample before (two sync jobs of a
/// region finishing together may record the same counts twice).
pub fn changes(samples: &[PrefixPoint], from: DateTime<Utc>) -> usize {
    samples
        .windows(2)
        .filter(|w| {
            w[1].at >= from && (w[0].learned, w[0].advertised) != (w[1].learned, w[1].advertised)
        })
        .count()
}

/// The chart, or a sentence saying why there is none.
#[component]
pub fn PrefixChart(
    samples: Vec<PrefixPoint>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> impl IntoView {
    let Some(g) = step_paths(&samples, from, to) else {
        return view! { <p class="empty" id="no-samples">"No prefix counts recorded for this peer yet: the sync records them as it sees the session."</p> }.into_any();
    };
    let base = HEIGHT - BOTTOM;
    let label = |t: DateTime<Utc>| t.format("%m-%d %H:%M").to_string();
    view! {
        <figure class="prefix-chart">
            <svg id="prefix-chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img"
                aria-label=format!("Prefix counts from {} to {} UTC, at most {}", label(from), label(to), g.y_max)>
                <line class="axis" x1=LEFT y1=TOP x2=LEFT y2=base/>
                <line class="axis" x1=LEFT y1=base x2=WIDTH y2=base/>
                <text class="tick" x=LEFT - 4.0 y=TOP + 4.0 text-anchor="end">{g.y_max}</text>
                <text class="tick" x=LEFT - 4.0 y=base text-anchor="end">"0"</text>
                <text class="tick" x=LEFT y=HEIGHT - 4.0>{label(from)}</text>
                <text class="tick" x=WIDTH y=HEIGHT - 4.0 text-anchor="end">{label(to)}</text>
                <path class="series learned" d=g.learned/>
                <path class="series advertised" d=g.advertised/>
            </svg>
            <figcaption>
                <span class="key learned">"— learned"</span>" "<span class="key advertised">"— advertised"</span>
                <span class="muted">{format!(" · {} change(s) of the counts in the window, UTC", changes(&samples, from))}</span>
            </figcaption>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, h, 0, 0).unwrap()
    }

    fn point(h: u32, learned: i64, advertised: i64) -> PrefixPoint {
        PrefixPoint {
            at: at(h),
            learned,
            advertised,
        }
    }

    #[test]
    fn steps_hold_each_count_until_the_next_and_clamp_to_the_window() {
        // A sample before the window starts at the left edge; the last holds to the right.
        let g = step_paths(&[point(0, 4, 0), point(6, 2, 1)], at(2), at(12)).unwrap();
        assert_eq!(g.y_max, 4);
        assert_eq!(g.learned, "M40.0,10.0 H280.0 V85.0 H640.0");
        assert_eq!(g.advertised, "M40.0,160.0 H280.0 V122.5 H640.0");
        let repeated = [
            point(0, 4, 0),
            point(6, 2, 1),
            point(7, 2, 1),
            point(8, 3, 1),
        ];
        assert_eq!(
            changes(&repeated, at(2)),
            2,
            "a repeated sample is no change"
        );
        assert_eq!(changes(&repeated, at(7)), 1);
    }

    #[test]
    fn nothing_to_draw_is_none_and_a_flat_zero_still_has_a_scale() {
        assert_eq!(step_paths(&[], at(0), at(1)), None);
        assert_eq!(step_paths(&[point(0, 1, 1)], at(2), at(1)), None);
        assert_eq!(
            step_paths(&[point(0, 0, 0)], at(0), at(1)).unwrap().y_max,
            1
        );
    }
}
