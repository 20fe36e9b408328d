//! The compiler as a separate process, so that it can leave memory.
//!
//! The runtime starts the compiler on the first compile request: the same binary,
//! re-executed with a private flag (`--jit-compile-server`), fed over a pipe. Each
//! request is a [`JitInput`]; each answer is the [`Compiled`] code (or an error).
//! Messages are a little-endian `u32` length followed by JSON.
//!
//! After an idle period (`--jit-idle`, default [`DEFAULT_IDLE_SECS`]) the server
//! exits: every byte of compiler memory — Cranelift's code, its data structures, the
//! allocator's arenas — goes back to the operating system. The next request starts it
//! again. A server that crashes, hangs past [`TIMEOUT`] or answers nonsense costs
//! one compile: the function stays interpreted and the runtime warns.

use crate::{Compiled, JitInput};
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

/// Idle time after which the compiler process exits (the design note's five
/// minutes).
pub const DEFAULT_IDLE_SECS: u64 = 300;
/// Longest a single compile may take before the server is considered hung.
pub const TIMEOUT: Duration = Duration::from_secs(30);
/// The private command-line flag that turns lethe into the compile server.
pub const SERVER_FLAG: &str = "--jit-compile-server";

#[derive(serde::Serialize, serde::Deserialize)]
enum Response {
    Ok(Compiled),
    Err(String),
}

fn write_frame(w: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    w.write_all(&(bytes.len() as u32).to_le_bytes())?;
    w.write_all(bytes)?;
    w.flush()
}

fn read_frame(r: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let n = u32::from_le_bytes(len) as usize;
    if n > 256 << 20 {
        return Err(io::Error::other("message too large"));
    }
    let mut buf = vec![0u8; n];
    r.read_exact(&mut buf)?;
    Ok(Some(buf))
}

/// Wait until `fd` is readable; false on timeout.
fn wait_readable(fd: i32, timeout: Duration) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    loop {
        // SAFETY: one valid pollfd.
        let r = unsafe { libc::poll(&mut p, 1, ms) };
        if r < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        return r > 0;
    }
}

/// The server's loop (runs in the child process): answer requests until stdin
/// closes or nothing arrives for `idle`. Returns the exit status.
pub fn serve(idle: Duration) -> i32 {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let fd = stdin.as_raw_fd();
    let mut input = stdin.lock();
    let mut output = stdout.lock();
    loop {
        if !wait_readable(fd, idle) {
            return 0; // idle: leave, giving all compiler memory back
        }
        let req = match read_frame(&mut input) {
            Ok(Some(r)) => r,
            Ok(None) => return 0,
            Err(_) => return 1,
        };
        // Test hooks for the runtime's handling of a broken compiler.
        match std::env::var("LETHE_JIT_SERVER_FAIL").as_deref() {
            Ok("crash") => std::process::abort(),
            Ok("hang") => std::thread::sleep(Duration::from_secs(3600)),
            Ok("garbage") => {
                let _ = write_frame(&mut output, b"not json");
                continue;
            }
            _ => {}
        }
        let resp = match serde_json::from_slice::<JitInput>(&req) {
            Ok(inp) => match crate::compile(&inp) {
                Ok(c) => Response::Ok(c),
                Err(e) => Response::Err(e.0),
            },
            Err(e) => Response::Err(format!("bad request: {e}")),
        };
        let bytes = serde_json::to_vec(&resp).unwrap_or_default();
        drop(resp);
        crate::codemem::trim_heap();
        if write_frame(&mut output, &bytes).is_err() {
            return 1;
        }
    }
}

/// Why a remote compile produced no code.
#[derive(Debug)]
pub enum RemoteError {
    /// The compiler rejected the function (it stays interpreted; not a failure).
    Rejected(String),
    /// The compiler process failed (crash, hang, garbage); it has been stopped.
    Failed(String),
}

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
}

/// The runtime's side: starts, feeds and (by dropping) stops the server.
pub struct RemoteCompiler {
    exe: PathBuf,
    idle_secs: u64,
    server: Option<Server>,
    /// How many times the server was started.
    pub starts: u64,
    /// Wall time of the last start until its first answer arrived (cold start).
    pub last_cold_ns: u64,
    just_started: bool,
    pending: Option<Pending>,
}

/// A request sent and not answered yet.
struct Pending {
    req: Vec<u8>,
    t0: std::time::Instant,
    fresh: bool,
    attempt: u32,
}

impl RemoteCompiler {
    pub fn new(exe: PathBuf, idle_secs: u64) -> RemoteCompiler {
        RemoteCompiler {
            exe,
            idle_secs,
            server: None,
            starts: 0,
            last_cold_ns: 0,
            just_started: false,
            pending: None,
        }
    }

    /// Whether a server process is running now.
    pub fn alive(&mut self) -> bool {
        if let Some(s) = &mut self.server {
            if let Ok(None) = s.child.try_wait() {
                return true;
            }
            self.server = None;
        }
        false
    }

    fn start(&mut self) -> io::Result<()> {
        let mut child = Command::new(&self.exe)
            .arg(SERVER_FLAG)
            .arg(format!("--jit-idle={}", self.idle_secs))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("no stdout"))?;
        self.server = Some(Server {
            child,
            stdin,
            stdout,
        });
        self.starts += 1;
        Ok(())
    }

    /// Kill the server; the request in flight, if any, is handed back.
    fn stop(&mut self) -> Option<Vec<u8>> {
        let req = self.pending.take().map(|p| p.req);
        if let Some(mut s) = self.server.take() {
            let _ = s.child.kill();
            let _ = s.child.wait();
        }
        req
    }

    /// Start the server unless it is running (the runtime calls this first, so the
    /// process handle is allocated where it wants it counted).
    pub fn ensure_started(&mut self) -> io::Result<()> {
        if !self.alive() {
            self.start()?;
            self.just_started = true;
        }
        Ok(())
    }

    /// Compile through the server, starting it if needed, and wait for the code.
    pub fn compile(&mut self, input: &JitInput) -> Result<Compiled, RemoteError> {
        self.submit(input)?;
        loop {
            if let Some(r) = self.poll(true) {
                return r;
            }
        }
    }

    /// Stop the server if a request is in flight (the process is about to end and
    /// will not wait for the answer).
    /// Returns the request's bytes, for the caller to free where it counts them.
    pub fn abandon(&mut self) -> Option<Vec<u8>> {
        if self.pending.is_some() {
            self.stop()
        } else {
            None
        }
    }

    /// Whether a request sent by [`RemoteCompiler::submit`] is still unanswered.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Send a compile request without waiting for its answer (one at a time: the
    /// answer is collected by [`RemoteCompiler::poll`]). Starts the server if needed.
    pub fn submit(&mut self, input: &JitInput) -> Result<(), RemoteError> {
        debug_assert!(self.pending.is_none(), "one request at a time");
        let req = serde_json::to_vec(input).map_err(|e| RemoteError::Failed(e.to_string()))?;
        self.send(req, 0)
    }

    fn send(&mut self, req: Vec<u8>, attempt: u32) -> Result<(), RemoteError> {
        // A server that just left (idle) is restarted once.
        for attempt in attempt..2 {
            let mut fresh = std::mem::take(&mut self.just_started);
            let t0 = std::time::Instant::now();
            if !self.alive() {
                fresh = true;
                self.start()
                    .map_err(|e| RemoteError::Failed(format!("cannot start: {e}")))?;
            }
            let s = self.server.as_mut().expect("server started");
            if write_frame(&mut s.stdin, &req).is_err() {
                self.stop();
                continue;
            }
            self.pending = Some(Pending {
                req,
                t0,
                fresh,
                attempt,
            });
            return Ok(());
        }
        Err(RemoteError::Failed("compiler process unavailable".into()))
    }

    /// The answer to the request in flight: None while it is not there yet (`wait`:
    /// block until it is, or until the compile times out). Nothing in flight: None.
    pub fn poll(&mut self, wait: bool) -> Option<Result<Compiled, RemoteError>> {
        let p = self.pending.as_ref()?;
        let timeout = std::env::var("LETHE_JIT_TIMEOUT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(TIMEOUT);
        let left = timeout.saturating_sub(p.t0.elapsed());
        let s = self.server.as_mut()?;
        let ready = wait_readable(
            s.stdout.as_raw_fd(),
            if wait { left } else { Duration::ZERO },
        );
        if !ready {
            if wait || left.is_zero() {
                self.stop();
                return Some(Err(RemoteError::Failed("timed out".into())));
            }
            return None;
        }
        let p = self.pending.take().expect("a request in flight");
        let frame = read_frame(&mut s.stdout);
        if p.fresh {
            self.last_cold_ns = p.t0.elapsed().as_nanos() as u64;
        }
        Some(match frame {
            Ok(Some(bytes)) => match serde_json::from_slice::<Response>(&bytes) {
                Ok(Response::Ok(c)) => Ok(c),
                Ok(Response::Err(e)) => Err(RemoteError::Rejected(e)),
                Err(e) => {
                    self.stop();
                    Err(RemoteError::Failed(format!("bad answer: {e}")))
                }
            },
            Ok(None) | Err(_) => {
                // The server went away. If it left cleanly (idle) just before our
                // request arrived, try once more; a crash is a failure.
                let status = self
                    .server
                    .as_mut()
                    .and_then(|s| s.child.wait().ok())
                    .map(|st| st.success())
                    .unwrap_or(false);
                self.server = None;
                if status && p.attempt == 0 {
                    if let Err(e) = self.send(p.req, 1) {
                        return Some(Err(e));
                    }
                    return if wait { self.poll(true) } else { None };
                }
                Err(RemoteError::Failed("compiler process exited".into()))
            }
        })
    }
}

impl Drop for RemoteCompiler {
    fn drop(&mut self) {
        // A compile nobody will wait for: stopped, not waited out.
        drop(self.abandon());
        if let Some(s) = self.server.take() {
            // Closing its stdin makes the server leave; reap it.
            let Server {
                mut child, stdin, ..
            } = s;
            drop(stdin);
            let _ = child.wait();
        }
    }
}
