//! Compression of what the server writes as it goes: pages, server-function answers, CSV and
//! JSON. A connections page of 10,000 connections is ~80 KB of HTML and ~10 KB gzipped, which
//! is what a NOC on the other side of a WAN link waits for.
//!
//! Left out:
//! - server-sent events (the default predicate): a compressor holds events back until its
//!   block fills, and a live page would show changes late;
//! - WASM: the release build ships a gzip and a brotli copy (`cargo leptos build
//!   --precompress`) that `ServeDir` sends as they are, and compressing a debug build's
//!   multi-megabyte bundle on every page load costs more than loopback saves;
//! - answers under 32 bytes and images (the default predicate).

use tower_http::compression::predicate::{And, DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};

pub type Layer = CompressionLayer<And<DefaultPredicate, NotForContentType>>;

/// The fastest level of each encoding: at the default levels (brotli 4, gzip 6) compressing
/// the 73 KB connections page cost about 0.45 ms of CPU, a third of the page's own, and under
/// 32 clients the pages per second fell from 1,060 to 710 (`scripts/bench-ssr.sh`, 26 Nov).
pub fn layer() -> Layer {
    CompressionLayer::new()
        .quality(CompressionLevel::Fastest)
        .compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/wasm")),
        )
}
