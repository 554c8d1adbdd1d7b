//! Benchmark: our layered layout against Graphviz `dot` on the same graphs.
//!
//! Run with `cargo run --release -p layout --example layout_bench` (needs `dot` on PATH,
//! Debian package `graphviz`). Prints a Markdown table; `--runs N`, `--cap SECS`,
//! `--sweeps N` and `--passes N` adjust repetitions, dot timeout and crossing reduction.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use layout::{layout, svg, synthetic, Graph, Options};

fn dot_text(g: &Graph) -> String {
    let mut s = String::from("digraph G {\nnode [shape=box, fixedsize=true];\n");
    for n in &g.nodes {
        // Same sizes as ours: Graphviz uses inches (72 points).
        s.push_str(&format!(
            "\"{}\" [width={:.2}, height={:.2}];\n",
            n.id,
            n.width / 72.0,
            n.height / 72.0
        ));
    }
    for e in &g.edges {
        s.push_str(&format!("\"{}\" -> \"{}\";\n", e.from, e.to));
    }
    s.push_str("}\n");
    s
}

/// Wall time of a whole `dot -Tplain` process, or None when it exceeds `cap`.
fn time_dot(dot: &str, cap: Duration) -> Option<Duration> {
    let start = Instant::now();
    let mut child = Command::new("dot")
        .arg("-Tplain")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run dot (apt-get install -y graphviz)");
    let Some(mut stdin) = child.stdin.take() else {
        let _ = child.kill();
        let _ = child.wait();
        return None;
    };
    let text = dot.to_string();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            let _ = writer.join();
            return Some(start.elapsed());
        }
        if start.elapsed() > cap {
            let _ = child.kill();
            let _ = child.wait();
            let _ = writer.join();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let runs = arg("--runs", 7) as usize;
    let cap = Duration::from_secs(arg("--cap", 120));
    let mut opts = Options::default();
    opts.max_sweeps = arg("--sweeps", opts.max_sweeps as u64) as usize;
    opts.transpose_passes = arg("--passes", opts.transpose_passes as u64) as usize;
    println!("| nodes | edges | layers | ours ms (median of {runs}) | dot ms | dot / ours | SVG bytes | crossings | baseline crossings |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &n in &[1_000usize, 5_000, 10_000] {
        let g = synthetic::topology(n, 1.5, 42).graph;
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..runs {
            let t = Instant::now();
            let l = layout(&g, &opts, None);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            last = Some(l);
        }
        let l = last.expect("at least one run");
        let ours = median(times);
        let svg_bytes = svg::render(&g, &l).len();
        let dot_runs = if n <= 1_000 { 3 } else { 1 };
        let text = dot_text(&g);
        let mut dot_times = Vec::new();
        for _ in 0..dot_runs {
            match time_dot(&text, cap) {
                Some(d) => dot_times.push(d.as_secs_f64() * 1e3),
                None => break,
            }
        }
        let (dot_ms, ratio) = if dot_times.len() == dot_runs {
            let d = median(dot_times);
            (format!("{d:.0}"), format!("{:.0}×", d / ours))
        } else {
            let c = cap.as_secs_f64() * 1e3;
            (format!("> {c:.0} (cap)"), format!("> {:.0}×", c / ours))
        };
        println!(
            "| {} | {} | {} | {ours:.1} | {dot_ms} | {ratio} | {svg_bytes} | {} | {} |",
            g.nodes.len(),
            g.edges.len(),
            l.layers,
            l.crossings,
            l.initial_crossings
        );
    }
}
