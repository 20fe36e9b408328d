//! `--mem-trace=FILE`: the memory ledger over time.
//!
//! A background thread reads the ledger's counters every [`INTERVAL`] and appends one
//! JSON line per sample to FILE; when the program has finished, a last sample (marked
//! `"final":true`) is written. The counters are process-wide relaxed atomics (see
//! `lethe-ledger`), so reading them from another thread needs nothing from the
//! allocator's hot path. The format, one JSON object per line:
//!
//! ```text
//! {"trace":"lethe-ledger","version":1,"interval_ms":10,"start_unix_ms":1764000000123.456,"categories":["runtime","source",…]}
//! {"t_ms":0.021,"ledger":{"runtime":133120,"source":0,"ast":0,…},"peak":{"runtime":133120,…}}
//! {"t_ms":10.102,"ledger":{…},"peak":{…}}
//! {"t_ms":1834.250,"ledger":{…},"peak":{…},"final":true}
//! ```
//!
//! The first line is a header: `start_unix_ms` is the wall-clock time lethe started
//! (milliseconds since the Unix epoch), so a tool that started the process can line the
//! samples up with its own clock; `categories` lists the ledger's categories in report
//! order. Every other line is a sample: `t_ms` is milliseconds since the start, `ledger`
//! the *current* bytes of every category (as `--mem-report` prints them), and `peak` the
//! highest figure of each category since the previous sample (the ledger's window peak,
//! see `lethe_ledger::take_window_peak`): a parse tree built and freed between two
//! samples does not show in `ledger` but does in `peak`. A process
//! killed by a signal leaves the samples written so far, possibly with a cut last line.
//!
//! The sampler must not disturb what it measures: the ledger attributes an allocation
//! to the category that is current process-wide, whichever thread makes it. So the
//! sampler allocates nothing once started — each line is formatted into a buffer
//! reserved up front and written with one `write` call. What tracing itself costs is a
//! little over 1 KB in `runtime` (the buffer and the thread's bookkeeping), allocated
//! before the program starts.

use std::fs::File;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use lethe_ledger::Category;

/// Time between two samples.
pub const INTERVAL: Duration = Duration::from_millis(10);

/// Room for one sample line: twice 12 categories of at most 20 digits with their names
/// is under 900 bytes, so the buffer never grows (growing would allocate).
const LINE_CAPACITY: usize = 1024;

/// A running sampler; [`Tracer::finish`] writes the last sample and stops it.
pub struct Tracer {
    stop: Arc<AtomicBool>,
    handle: JoinHandle<io::Result<()>>,
}

/// The header line (see the module documentation).
fn header(out: &mut Vec<u8>, start_unix_ms: f64) -> io::Result<()> {
    write!(
        out,
        "{{\"trace\":\"lethe-ledger\",\"version\":1,\"interval_ms\":{},\"start_unix_ms\":{start_unix_ms:.3},\"categories\":[",
        INTERVAL.as_millis()
    )?;
    for (i, c) in Category::ALL.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(out, "{sep}\"{}\"", c.name())?;
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

/// One sample line, replacing `out`'s contents (its capacity is kept).
fn sample(out: &mut Vec<u8>, t: Duration, last: bool) -> io::Result<()> {
    out.clear();
    write!(
        out,
        "{{\"t_ms\":{:.3},\"ledger\":{{",
        t.as_secs_f64() * 1000.0
    )?;
    for (i, &c) in Category::ALL.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(out, "{sep}\"{}\":{}", c.name(), lethe_ledger::current(c))?;
    }
    out.extend_from_slice(b"},\"peak\":{");
    for (i, &c) in Category::ALL.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(
            out,
            "{sep}\"{}\":{}",
            c.name(),
            lethe_ledger::take_window_peak(c)
        )?;
    }
    out.extend_from_slice(if last {
        b"},\"final\":true}\n"
    } else {
        b"}}\n"
    });
    Ok(())
}

/// Creates `path`, writes the header and a first sample, and starts the sampler.
/// Call it before the program starts, so its own allocations land in `runtime`.
pub fn start(path: &str) -> io::Result<Tracer> {
    let mut file = File::create(path)?;
    let started = Instant::now();
    let start_unix_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0);
    let mut buf = Vec::with_capacity(LINE_CAPACITY);
    header(&mut buf, start_unix_ms)?;
    file.write_all(&buf)?;
    let stop = Arc::new(AtomicBool::new(false));
    // The sampler's start-up (its thread-local bookkeeping) happens before the program
    // runs: both sides wait here once.
    let ready = Arc::new(Barrier::new(2));
    let handle = std::thread::Builder::new()
        .name("lethe-mem-trace".into())
        .stack_size(64 * 1024)
        .spawn({
            let stop = Arc::clone(&stop);
            let ready = Arc::clone(&ready);
            move || {
                ready.wait();
                let mut next = started;
                loop {
                    // Read the flag before sampling: the last sample is taken after the
                    // program has finished.
                    let last = stop.load(Ordering::Acquire);
                    sample(&mut buf, started.elapsed(), last)?;
                    file.write_all(&buf)?;
                    if last {
                        return Ok(());
                    }
                    next += INTERVAL;
                    let now = Instant::now();
                    if next <= now {
                        // Fell behind (a stopped process, a loaded machine): resume the
                        // rhythm from now rather than writing a burst of samples.
                        next = now + INTERVAL;
                    }
                    std::thread::park_timeout(next - now);
                }
            }
        })?;
    ready.wait();
    Ok(Tracer { stop, handle })
}

impl Tracer {
    /// Writes the final sample and stops the sampler; reports a write error.
    pub fn finish(self) -> io::Result<()> {
        self.stop.store(true, Ordering::Release);
        self.handle.thread().unpark();
        match self.handle.join() {
            Ok(r) => r,
            Err(_) => Err(io::Error::other("the sampler thread panicked")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(line: &[u8]) -> serde_json::Value {
        serde_json::from_slice(line).expect("valid JSON")
    }

    #[test]
    fn header_names_every_category() {
        let mut b = Vec::new();
        header(&mut b, 1234.5).expect("format");
        assert!(b.ends_with(b"\n"));
        let v = json(&b);
        assert_eq!(v["trace"], "lethe-ledger");
        assert_eq!(v["interval_ms"], 10);
        assert_eq!(v["start_unix_ms"], 1234.5);
        let cats: Vec<_> = v["categories"]
            .as_array()
            .expect("array")
            .iter()
            .map(|c| c.as_str().expect("name").to_string())
            .collect();
        let want: Vec<_> = Category::ALL.iter().map(|c| c.name().to_string()).collect();
        assert_eq!(cats, want);
    }

    #[test]
    fn sample_lines_are_json_and_fit_the_reserved_buffer() {
        let mut b = Vec::with_capacity(LINE_CAPACITY);
        sample(&mut b, Duration::from_micros(12_345), false).expect("format");
        let v = json(&b);
        assert_eq!(v["t_ms"], 12.345);
        assert!(v.get("final").is_none());
        for c in Category::ALL {
            assert!(v["ledger"][c.name()].is_i64(), "{}", c.name());
            assert!(v["peak"][c.name()].is_i64(), "{}", c.name());
        }
        sample(&mut b, Duration::from_secs(1), true).expect("format");
        assert_eq!(json(&b)["final"], true);
        // The longest possible line still fits: every counter at its widest.
        let widest = Category::ALL
            .iter()
            .map(|c| c.name().len() + 4 + isize::MIN.to_string().len())
            .sum::<usize>()
            * 2
            + 64;
        assert!(widest < LINE_CAPACITY, "{widest}");
        assert_eq!(b.capacity(), LINE_CAPACITY);
    }
}
