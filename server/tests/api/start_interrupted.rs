//! SIGTERM while `gatewatch` is still starting: it stops there, cleanly (exit 0, one line
//! saying so), instead of finishing a start-up nobody wants any more. Before, the signal
//! handlers were installed only once the server served, so a signal during start-up killed
//! the process outright (and one at the wrong moment was lost: see `server/src/shutdown.rs`).
//!
//! The database is a TCP port that accepts and then never answers, which holds the start-up
//! at its first database connection (until the 10 s connect timeout, far longer than the
//! test needs: it signals as soon as the connection arrives).

use crate::helpers::{gatewatch_on, scratch_dir, stop_child};
use std::io::Read;
use std::net::TcpListener;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn sigterm_during_start_up_stops_it_there() {
    // Arrange: a "database" that takes the connection and says nothing.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    silent.set_nonblocking(true).unwrap();
    let url = format!(
        "postgres://gatewatch:unused@{}/gatewatch",
        silent.local_addr().unwrap()
    );
    let dir = scratch_dir("start-interrupted");
    let mut child = gatewatch_on(&dir, &url)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let _held = loop {
        match silent.accept() {
            Ok((stream, _)) => break stream,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                let exited = child.try_wait().unwrap();
                assert!(exited.is_none(), "gatewatch exited early: {exited:?}");
                assert!(
                    started.elapsed() < Duration::from_secs(60),
                    "gatewatch never reached the database"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("accept: {e}"),
        }
    };

    // Act: SIGTERM while it waits for the database.
    let status = stop_child(&mut child, "TERM");

    // Assert: a clean stop that says where it stopped.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "{status:?}; stderr: {stderr}");
    assert!(
        stderr.contains("gatewatch: stopped while starting"),
        "stderr: {stderr}"
    );
}
