//! The legend under the topology drawing: every state with its colour, dash pattern and
//! symbol, the pin mark, and the node shapes (kinds that share a shape share an entry).

use std::fmt::Write;

use crate::model::{Kind, State};
use crate::svg::{pin_mark, shape, state_name, style};

const LEGEND_KIND_W: f32 = 170.0;
const STATES: [State; 4] = [State::Up, State::Degraded, State::Down, State::Unknown];
const KINDS: [Kind; 6] = [
    Kind::Vpc,
    Kind::VpnGateway,
    Kind::Connection,
    Kind::CustomerGateway,
    Kind::Site,
    Kind::Group,
];

/// Kind names in the legend: kinds that share a shape share an entry.
fn legend_label(k: Kind) -> &'static str {
    match k {
        Kind::Vpc => "VPC / VBR",
        Kind::VpnGateway => "Gateway / router interface",
        Kind::Connection => "Connection / tunnel / line",
        other => other.label(),
    }
}

pub(crate) fn legend(s: &mut String, x: f32, y: f32) {
    let _ = write!(s, "<g class=\"legend\">");
    for (i, st) in STATES.iter().enumerate() {
        let (stroke, fill, dash, icon) = style(*st);
        let lx = x + i as f32 * 110.0;
        let _ = write!(
            s,
            "<rect x=\"{lx:.1}\" y=\"{y:.1}\" width=\"22\" height=\"14\" fill=\"{fill}\" stroke=\"{stroke}\" \
             stroke-dasharray=\"{dash}\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"{stroke}\">{icon} {}</text>",
            lx + 28.0,
            y + 11.0,
            state_name(*st)
        );
    }
    let px = x + STATES.len() as f32 * 110.0;
    let _ = write!(
        s,
        "{}<text x=\"{:.1}\" y=\"{:.1}\">pinned</text>",
        pin_mark(true, px + 8.0, y + 7.0),
        px + 18.0,
        y + 11.0
    );
    for (i, k) in KINDS.iter().enumerate() {
        let lx = x + i as f32 * LEGEND_KIND_W;
        let _ = write!(
            s,
            "{} fill=\"#fff\" stroke=\"#555\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            shape(*k, lx + 14.0, y + 36.0, 28.0, 14.0),
            lx + 32.0,
            y + 40.0,
            legend_label(*k)
        );
    }
    s.push_str("</g>");
}
