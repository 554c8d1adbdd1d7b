//! Runs the emulator standalone: `cargo run -p emulator --example emulator -- [ADDR] [SEED] [toy|demo|max]`.
//! Prints the estate generation time, endpoints and demo credentials; serves until ctrl-c.

use std::time::Instant;

use emulator::{run_standalone, EmulatorConfig, EstateSize};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let addr = args
        .first()
        .map_or("127.0.0.1:8480", String::as_str)
        .parse()
        .expect("ADDR like 127.0.0.1:8480");
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(42);
    let size = match args.get(2).map(String::as_str) {
        Some("toy") => EstateSize::toy(),
        Some("max") => EstateSize::max(),
        _ => EstateSize::demo(),
    };
    let t = Instant::now();
    let estate = emulator::generate(seed, size);
    println!(
        "estate {size:?}: {:?} connections generated in {:?}",
        estate.connection_counts(),
        t.elapsed()
    );
    drop(estate);
    run_standalone(EmulatorConfig::new(seed, size), addr).await
}
