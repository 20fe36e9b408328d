//! The native half of `subprocess` (`lib/subprocess.py` builds `Popen` on these):
//! child processes started with `std::process`, kept in a table addressed by an
//! integer handle, with their pipes. `communicate` reads stdout and stderr on helper
//! threads (so a child filling one pipe while we wait on the other cannot deadlock),
//! and a wait with a timeout polls the child.

use crate::builtins::bytes_methods::{bytes_of, new_bytes};
use crate::object::ObjData;
use crate::ops::as_i64;
use crate::{Args, PyResult, Value, Vm};
use std::cell::RefCell;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How a standard stream of the child is connected (the values `subprocess.py`
/// passes): the parent's own, a pipe, /dev/null, or (stderr only) stdout's.
const INHERIT: i64 = 0;
const PIPE: i64 = 1;
const DEVNULL: i64 = 2;
const MERGE: i64 = 3;
/// Modes from FD_BASE up: the OS descriptor `mode - FD_BASE` (a file's), duplicated.
const FD_BASE: i64 = 100;

type Reader = BufReader<Box<dyn Read + Send>>;

struct Drain {
    thread: Option<JoinHandle<()>>,
    data: Arc<Mutex<Vec<u8>>>,
}

impl Drain {
    fn start(mut r: Reader) -> Drain {
        let data = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&data);
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match r.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if let Ok(mut d) = sink.lock() {
                            d.extend_from_slice(&buf[..n]);
                        }
                    }
                }
            }
        });
        Drain {
            thread: Some(thread),
            data,
        }
    }

    /// What has been read so far.
    fn snapshot(&self) -> Vec<u8> {
        self.data.lock().map(|d| d.clone()).unwrap_or_default()
    }

    /// Everything, once the pipe has reached its end.
    fn finish(&mut self) -> Vec<u8> {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.snapshot()
    }
}

struct Proc {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: Option<Reader>,
    stderr: Option<Reader>,
    /// Once `communicate` has started: the threads reading stdout and stderr to
    /// their end, and what they have read so far (kept across a timeout).
    out_thread: Option<Drain>,
    err_thread: Option<Drain>,
    status: Option<i64>,
}

thread_local! {
    static PROCS: RefCell<Vec<Option<Proc>>> = const { RefCell::new(Vec::new()) };
}

fn os_err(vm: &mut Vm, e: &std::io::Error) -> Value {
    let errno = e.raw_os_error().unwrap_or(5);
    let s = e.to_string();
    let msg = s.split(" (os error").next().unwrap_or(&s).to_string();
    let cls = vm.exc_type("OSError");
    let args = vec![vm.new_int(errno as i64), vm.new_string(msg)];
    vm.new_exc(&cls, args)
}

fn handle(vm: &mut Vm, a: &Args) -> PyResult<usize> {
    match a.pos.first().and_then(as_i64) {
        Some(h) if h >= 0 => Ok(h as usize),
        _ => Err(vm.value_error("invalid process handle")),
    }
}

fn with<T>(vm: &mut Vm, h: usize, f: impl FnOnce(&mut Proc) -> T) -> PyResult<T> {
    let r = PROCS.with(|t| t.borrow_mut().get_mut(h).and_then(|p| p.as_mut()).map(f));
    r.ok_or_else(|| vm.value_error("invalid process handle"))
}

fn code_of(st: std::process::ExitStatus) -> i64 {
    match st.code() {
        Some(c) => c as i64,
        None => -(st.signal().unwrap_or(0) as i64),
    }
}

fn strs(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match it.data() {
            Some(ObjData::Str(s)) => out.push(s.s.to_string()),
            _ => {
                let tn = vm.type_name(&it);
                return Err(vm.type_error(&format!(
                    "expected str, bytes or os.PathLike object, not {tn}"
                )));
            }
        }
    }
    Ok(out)
}

/// A pipe whose write end both stdout and stderr of the child get (`stderr=STDOUT`
/// with `stdout=PIPE`): (read end, write end).
fn pipe() -> std::io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes; on success both
    // are new descriptors that we own from here on.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    if r != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: as above, the descriptors are fresh and owned by nobody else.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

/// `_lethe.proc_spawn(args, cwd, env, stdin, stdout, stderr)` -> (handle, pid).
/// `env` is None (inherit) or a list of (name, value) pairs.
pub fn spawn(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 6 {
        return Err(vm.type_error("proc_spawn() takes 6 arguments"));
    }
    let argv = strs(vm, &a.pos[0])?;
    let Some(prog) = argv.first().cloned() else {
        return Err(vm.new_error("IndexError", "list index out of range"));
    };
    let mut cmd = Command::new(&prog);
    cmd.args(&argv[1..]);
    if let Some(ObjData::Str(s)) = a.pos[1].data() {
        cmd.current_dir(&*s.s);
    }
    if !a.pos[2].is_none() {
        cmd.env_clear();
        for pair in vm.collect(&a.pos[2])? {
            let kv = vm.collect(&pair)?;
            if let (Some(ObjData::Str(k)), Some(ObjData::Str(v))) = (
                kv.first().and_then(|x| x.data()),
                kv.get(1).and_then(|x| x.data()),
            ) {
                cmd.env(&*k.s, &*v.s);
            }
        }
    }
    let mode = |i: usize| as_i64(&a.pos[i]).unwrap_or(INHERIT);
    let (m_in, m_out, m_err) = (mode(3), mode(4), mode(5));
    let pick = |m: i64| -> std::io::Result<Stdio> {
        Ok(match m {
            PIPE => Stdio::piped(),
            DEVNULL => Stdio::null(),
            m if m >= FD_BASE => {
                let fd = i32::try_from(m - FD_BASE).unwrap_or(-1);
                // SAFETY: the descriptor belongs to an open file of ours for the
                // duration of this call; we only duplicate it.
                let b = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
                Stdio::from(b.try_clone_to_owned()?)
            }
            _ => Stdio::inherit(),
        })
    };
    let stdin_io = pick(m_in).map_err(|e| os_err(vm, &e))?;
    cmd.stdin(stdin_io);
    let mut merged_reader: Option<std::fs::File> = None;
    if m_err == MERGE {
        if m_out == PIPE {
            let (r, w) = pipe().map_err(|e| os_err(vm, &e))?;
            let w2 = w.try_clone().map_err(|e| os_err(vm, &e))?;
            cmd.stdout(Stdio::from(w));
            cmd.stderr(Stdio::from(w2));
            merged_reader = Some(std::fs::File::from(r));
        } else if m_out == DEVNULL {
            cmd.stdout(Stdio::null());
            cmd.stderr(Stdio::null());
        } else if m_out >= FD_BASE {
            let o = pick(m_out).map_err(|e| os_err(vm, &e))?;
            let e2 = pick(m_out).map_err(|e| os_err(vm, &e))?;
            cmd.stdout(o);
            cmd.stderr(e2);
        } else {
            cmd.stdout(Stdio::inherit());
            // The child's stderr is a copy of our stdout.
            let out = std::io::stdout();
            let fd = std::os::fd::AsFd::as_fd(&out)
                .try_clone_to_owned()
                .map_err(|e| os_err(vm, &e))?;
            cmd.stderr(Stdio::from(fd));
        }
    } else {
        let o = pick(m_out).map_err(|e| os_err(vm, &e))?;
        let e2 = pick(m_err).map_err(|e| os_err(vm, &e))?;
        cmd.stdout(o);
        cmd.stderr(e2);
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            // Dropping `cmd` closes our copies of a merged pipe's write end.
            drop(cmd);
            let exc = crate::stdlib::os_error(vm, &e, &prog);
            return Err(exc);
        }
    };
    // Our copies of the merged pipe's write end must go, or reading never ends.
    drop(cmd);
    let stdin = child.stdin.take();
    let stdout: Option<Reader> = match merged_reader {
        Some(f) => Some(BufReader::new(Box::new(f))),
        None => child
            .stdout
            .take()
            .map(|s| BufReader::new(Box::new(s) as Box<dyn Read + Send>)),
    };
    let stderr: Option<Reader> = child
        .stderr
        .take()
        .map(|s| BufReader::new(Box::new(s) as Box<dyn Read + Send>));
    let pid = child.id() as i64;
    let p = Proc {
        child,
        stdin,
        stdout,
        stderr,
        out_thread: None,
        err_thread: None,
        status: None,
    };
    let h = PROCS.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(i) = t.iter().position(|x| x.is_none()) {
            t[i] = Some(p);
            i
        } else {
            t.push(Some(p));
            t.len() - 1
        }
    });
    let items = vec![vm.new_int(h as i64), vm.new_int(pid)];
    Ok(vm.new_tuple(items))
}

/// `_lethe.proc_write(handle, data)`: write to the child's stdin.
pub fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let data = a.pos.get(1).and_then(bytes_of).unwrap_or_default();
    let r = with(vm, h, |p| match p.stdin.as_mut() {
        Some(s) => s.write_all(&data).and_then(|()| s.flush()).map(|()| true),
        None => Ok(false),
    })?;
    match r {
        Ok(true) => Ok(vm.new_int(data.len() as i64)),
        Ok(false) => Err(vm.value_error("write to closed file")),
        Err(e) => Err(os_err(vm, &e)),
    }
}

/// `_lethe.proc_close_stdin(handle)`.
pub fn close_stdin(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    with(vm, h, |p| p.stdin = None)?;
    Ok(Value::NONE)
}

fn stream(p: &mut Proc, which: i64) -> Option<&mut Reader> {
    if which == 2 {
        p.stderr.as_mut()
    } else {
        p.stdout.as_mut()
    }
}

/// `_lethe.proc_read(handle, which, n)`: up to n bytes of stdout (1) or stderr (2),
/// everything to the end when n < 0.
pub fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let which = a.pos.get(1).and_then(as_i64).unwrap_or(1);
    let n = a.pos.get(2).and_then(as_i64).unwrap_or(-1);
    let r = with(vm, h, |p| {
        let Some(s) = stream(p, which) else {
            return Ok(None);
        };
        let mut buf = Vec::new();
        if n < 0 {
            s.read_to_end(&mut buf)?;
        } else {
            buf.resize(n as usize, 0);
            let mut got = 0;
            while got < buf.len() {
                let k = s.read(&mut buf[got..])?;
                if k == 0 {
                    break;
                }
                got += k;
            }
            buf.truncate(got);
        }
        Ok(Some(buf))
    })?;
    match r {
        Ok(Some(b)) => Ok(new_bytes(b)),
        Ok(None) => Err(vm.value_error("read of closed file")),
        Err(e) => Err(os_err(vm, &e)),
    }
}

/// `_lethe.proc_readline(handle, which)`: one line (with its `\n`), b'' at the end.
pub fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let which = a.pos.get(1).and_then(as_i64).unwrap_or(1);
    let r = with(vm, h, |p| {
        let Some(s) = stream(p, which) else {
            return Ok(None);
        };
        let mut buf = Vec::new();
        s.read_until(b'\n', &mut buf)?;
        Ok(Some(buf))
    })?;
    match r {
        Ok(Some(b)) => Ok(new_bytes(b)),
        Ok(None) => Err(vm.value_error("readline of closed file")),
        Err(e) => Err(os_err(vm, &e)),
    }
}

/// Wait for the child until `deadline` (forever when None): Some(returncode), or
/// None when the deadline passed first.
fn wait_until(p: &mut Proc, deadline: Option<Instant>) -> std::io::Result<Option<i64>> {
    if let Some(c) = p.status {
        return Ok(Some(c));
    }
    let Some(deadline) = deadline else {
        let st = p.child.wait()?;
        p.status = Some(code_of(st));
        return Ok(p.status);
    };
    let mut nap = Duration::from_micros(200);
    loop {
        if let Some(st) = p.child.try_wait()? {
            p.status = Some(code_of(st));
            return Ok(p.status);
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(None);
        }
        std::thread::sleep(nap.min(deadline - now));
        nap = (nap * 2).min(Duration::from_millis(20));
    }
}

fn deadline_of(a: &Args, i: usize) -> Option<Instant> {
    let v = a.pos.get(i)?;
    let secs = crate::ops::as_f64(v)?;
    if secs.is_nan() || secs <= 0.0 {
        return Some(Instant::now());
    }
    // A timeout too long to represent is no timeout.
    let d = Duration::try_from_secs_f64(secs).ok()?;
    Instant::now().checked_add(d)
}

/// `_lethe.proc_wait(handle, timeout)`: the return code, None if the timeout (in
/// seconds; None for none) passed first.
pub fn wait(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let deadline = deadline_of(a, 1);
    match with(vm, h, |p| wait_until(p, deadline))? {
        Ok(Some(c)) => Ok(vm.new_int(c)),
        Ok(None) => Ok(Value::NONE),
        Err(e) => Err(os_err(vm, &e)),
    }
}

/// `_lethe.proc_poll(handle)`: the return code if the child has ended, else None.
pub fn poll(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let r = with(vm, h, |p| -> std::io::Result<Option<i64>> {
        if p.status.is_none() {
            if let Some(st) = p.child.try_wait()? {
                p.status = Some(code_of(st));
            }
        }
        Ok(p.status)
    })?;
    match r {
        Ok(Some(c)) => Ok(vm.new_int(c)),
        Ok(None) => Ok(Value::NONE),
        Err(e) => Err(os_err(vm, &e)),
    }
}

/// `_lethe.proc_signal(handle, sig)`: send a signal (nothing once it has ended).
pub fn signal(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let sig = a.pos.get(1).and_then(as_i64).unwrap_or(15) as i32;
    let r = with(vm, h, |p| {
        if p.status.is_some() {
            return 0;
        }
        if let Ok(Some(st)) = p.child.try_wait() {
            p.status = Some(code_of(st));
            return 0;
        }
        // SAFETY: kill(2) on the pid of a child we have not yet reaped (so the pid
        // cannot have been reused).
        unsafe { libc::kill(p.child.id() as i32, sig) }
    })?;
    if r != 0 {
        let e = std::io::Error::last_os_error();
        return Err(os_err(vm, &e));
    }
    Ok(Value::NONE)
}

/// `_lethe.proc_communicate(handle, input, timeout)` -> (stdout, stderr, returncode):
/// the input written (then stdin closed), both pipes read to their end, the child
/// waited for. When the timeout passes first the return code is None and stdout and
/// stderr are what was read so far (None for nothing, as CPython's TimeoutExpired);
/// the reading goes on, and the next call returns all of it.
pub fn communicate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let input = a.pos.get(1).and_then(bytes_of);
    let deadline = deadline_of(a, 2);
    let r = with(vm, h, |p| -> std::io::Result<_> {
        if p.out_thread.is_none() {
            p.out_thread = p.stdout.take().map(Drain::start);
        }
        if p.err_thread.is_none() {
            p.err_thread = p.stderr.take().map(Drain::start);
        }
        if let Some(mut stdin) = p.stdin.take() {
            if let Some(data) = input.filter(|d| !d.is_empty()) {
                // Written while the readers drain the child's output, so a child
                // that answers before reading all its input cannot block us.
                let _ = stdin.write_all(&data);
            }
        }
        let code = wait_until(p, deadline)?;
        let done = code.is_some();
        let take = |d: &mut Option<Drain>| -> Option<Vec<u8>> {
            d.as_mut()
                .map(|d| if done { d.finish() } else { d.snapshot() })
        };
        let out = take(&mut p.out_thread);
        let err = take(&mut p.err_thread);
        Ok((out, err, code))
    })?;
    match r {
        Ok((out, err, code)) => {
            let timed_out = code.is_none();
            let conv = |b: Option<Vec<u8>>| match b {
                Some(b) if !(timed_out && b.is_empty()) => new_bytes(b),
                _ => Value::NONE,
            };
            let (out, err) = (conv(out), conv(err));
            let code = code.map(|c| vm.new_int(c)).unwrap_or(Value::NONE);
            Ok(vm.new_tuple(vec![out, err, code]))
        }
        Err(e) => Err(os_err(vm, &e)),
    }
}

/// `_lethe.proc_release(handle)`: forget a child (reaping it if it has ended).
pub fn release(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle(vm, a)?;
    let p = PROCS.with(|t| t.borrow_mut().get_mut(h).and_then(|x| x.take()));
    if let Some(mut p) = p {
        if p.status.is_none() {
            let _ = p.child.try_wait();
        }
    }
    Ok(Value::NONE)
}
