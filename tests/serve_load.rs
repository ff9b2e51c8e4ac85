//! `fulcrum workshop serve` under a room's load: many phones answering at once over loopback.
//!
//! The test checks what a facilitator relies on (every participant gets a plan and a complete,
//! valid answers file; nothing is lost or mixed up); it does not time anything. The same driver
//! with 200 participants is the load generator whose figures docs/performance.md records:
//!
//! ```sh
//! cargo test --release --test integration serve_load:: -- --ignored --nocapture
//! ```

use std::path::Path;
use std::time::Duration;

use crate::web::{Server, command, complete_any};

/// Every participant of `count` answers the built-in questionnaire on a thread of their own,
/// all at once. Returns every request's latency.
fn room(server: &Server, count: usize) -> Vec<Duration> {
    std::thread::scope(|scope| {
        let phones: Vec<_> = (0..count)
            .map(|i| {
                scope.spawn(move || {
                    let base = server.join("en");
                    complete_any(server, &base, &format!("Org {i}"), i)
                })
            })
            .collect();
        phones
            .into_iter()
            .flat_map(|phone| phone.join().expect("a participant finished"))
            .collect()
    })
}

/// The answers files in the folder, sorted.
fn answers_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

/// Checks that the folder holds one valid answers file per participant, each with its own
/// organization, read back by `workshop summary` as the facilitator would.
fn assert_every_answer_kept(dir: &Path, count: usize) {
    let files = answers_files(dir);
    assert_eq!(files.len(), count, "{files:?}");
    let out = command(&["--lang", "en", "workshop", "summary", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let participants = summary["participants"].as_array().unwrap();
    assert_eq!(participants.len(), count);
    let mut organizations: Vec<&str> = participants
        .iter()
        .map(|p| p["organization"].as_str().unwrap())
        .collect();
    organizations.sort_unstable();
    organizations.dedup();
    assert_eq!(organizations.len(), count, "answers were mixed up");
}

#[test]
fn fifty_phones_at_once_each_get_a_plan_and_a_complete_answers_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    let server = Server::builtin(&dir);
    let latencies = room(&server, 50);
    assert!(!latencies.is_empty());
    let (code, said) = server.interrupt();
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("50 answers file(s) saved"), "{said}");
    assert_every_answer_kept(&dir, 50);
}

/// The resident memory of a process, in KiB (Linux).
fn resident_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// The load generator: `FULCRUM_LOAD` participants (200 unless set) answer at once; prints the
/// latency percentiles of every request and the memory the server holds per participant.
#[test]
#[ignore = "a load generator: run it by hand for docs/performance.md"]
fn load_generator() {
    let count: usize = std::env::var("FULCRUM_LOAD")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("room");
    let server = Server::builtin(&dir);
    let before = resident_kib(server.pid());
    // Drafts in progress: everyone joins and answers the first question.
    let started = std::time::Instant::now();
    let mut latencies = room(&server, count);
    let wall = started.elapsed();
    let after = resident_kib(server.pid());
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    println!(
        "{count} participants, {} requests in {wall:.2?}: p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        latencies.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
    if let (Some(before), Some(after)) = (before, after) {
        println!(
            "server memory: {before} KiB before, {after} KiB after ({} KiB per participant)",
            after.saturating_sub(before) / count as u64
        );
    }
    let (code, said) = server.interrupt();
    assert_eq!(code, 0, "{said}");
    assert_every_answer_kept(&dir, count);
}
