//! The native half of files opened by `open()` (`lib/io.py` builds the file objects
//! on these): a table of open OS files, each with a small read buffer, addressed by
//! an integer handle. Writes go straight to the OS (nothing to flush at exit).

use crate::builtins::bytes_methods::{bytes_of, new_bytes};
use crate::object::ObjData;
use crate::ops::as_i64;
use crate::{Args, PyResult, Value, Vm};
use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom, Write};

struct Handle {
    file: std::fs::File,
    /// Bytes read ahead from the OS and not yet consumed (`rbuf[rpos..]`).
    rbuf: Vec<u8>,
    rpos: usize,
}

thread_local! {
    static FILES: RefCell<Vec<Option<Handle>>> = const { RefCell::new(Vec::new()) };
}

const CHUNK: usize = 8192;

fn handle_of(vm: &mut Vm, a: &Args) -> PyResult<usize> {
    match a.pos.first().and_then(as_i64) {
        Some(h) if h >= 0 => Ok(h as usize),
        _ => Err(vm.value_error("I/O operation on closed file.")),
    }
}

fn with<T>(
    vm: &mut Vm,
    h: usize,
    f: impl FnOnce(&mut Handle) -> std::io::Result<T>,
) -> PyResult<T> {
    let r = FILES.with(|t| {
        let mut t = t.borrow_mut();
        t.get_mut(h).and_then(|x| x.as_mut()).map(f)
    });
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => {
            let errno = e.raw_os_error().unwrap_or(5);
            let s = e.to_string();
            let msg = s.split(" (os error").next().unwrap_or(&s).to_string();
            let cls = vm.exc_type("OSError");
            let args = vec![vm.new_int(errno as i64), vm.new_string(msg)];
            Err(vm.new_exc(&cls, args))
        }
        None => Err(vm.value_error("I/O operation on closed file.")),
    }
}

/// `_lethe.file_open(path, mode)`, mode one of r w a x with an optional `+`.
pub fn open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path = match a.pos.first().map(|v| v.data()) {
        Some(Some(ObjData::Str(s))) => s.s.to_string(),
        _ => return Err(vm.type_error("file_open: path must be str")),
    };
    let mode = match a.pos.get(1).map(|v| v.data()) {
        Some(Some(ObjData::Str(s))) => s.s.to_string(),
        _ => "r".to_string(),
    };
    let plus = mode.contains('+');
    let mut o = std::fs::OpenOptions::new();
    match mode.chars().next() {
        Some('w') => o.write(true).create(true).truncate(true).read(plus),
        Some('a') => o.append(true).create(true).read(plus),
        Some('x') => o.write(true).create_new(true).read(plus),
        _ => o.read(true).write(plus),
    };
    let file = match o.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(crate::stdlib::os_error(vm, &e, &path)),
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(crate::stdlib::os_error(vm, &e, &path));
    }
    let h = FILES.with(|t| {
        let mut t = t.borrow_mut();
        let hd = Handle {
            file,
            rbuf: Vec::new(),
            rpos: 0,
        };
        match t.iter().position(|x| x.is_none()) {
            Some(i) => {
                t[i] = Some(hd);
                i
            }
            None => {
                t.push(Some(hd));
                t.len() - 1
            }
        }
    });
    Ok(vm.new_int(h as i64))
}

/// `_lethe.file_read(h, n)`: up to `n` bytes (all that is left when `n < 0`).
pub fn read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let n = a.pos.get(1).and_then(as_i64).unwrap_or(-1);
    let out = with(vm, h, |hd| {
        let mut out: Vec<u8> = hd.rbuf[hd.rpos..].to_vec();
        hd.rbuf.clear();
        hd.rpos = 0;
        if n < 0 {
            hd.file.read_to_end(&mut out)?;
            return Ok(out);
        }
        let n = n as usize;
        if out.len() > n {
            hd.rbuf = out.split_off(n);
            return Ok(out);
        }
        while out.len() < n {
            let mut buf = vec![0u8; (n - out.len()).max(CHUNK)];
            let k = hd.file.read(&mut buf)?;
            if k == 0 {
                break;
            }
            buf.truncate(k);
            let want = n - out.len();
            if k > want {
                hd.rbuf = buf.split_off(want);
            }
            out.extend_from_slice(&buf);
        }
        Ok(out)
    })?;
    Ok(new_bytes(out))
}

/// `_lethe.file_readline(h, limit)`: bytes up to and including `\n`.
pub fn readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let limit = a.pos.get(1).and_then(as_i64).unwrap_or(-1);
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    let out = with(vm, h, |hd| {
        let mut out = Vec::new();
        loop {
            if hd.rpos >= hd.rbuf.len() {
                hd.rbuf.resize(CHUNK, 0);
                let k = hd.file.read(&mut hd.rbuf)?;
                hd.rbuf.truncate(k);
                hd.rpos = 0;
                if k == 0 {
                    return Ok(out);
                }
            }
            let avail = &hd.rbuf[hd.rpos..];
            let room = limit - out.len();
            let take = match avail.iter().position(|&c| c == b'\n') {
                Some(i) if i < room => i + 1,
                _ => avail.len().min(room),
            };
            out.extend_from_slice(&avail[..take]);
            hd.rpos += take;
            if out.last() == Some(&b'\n') || out.len() >= limit {
                return Ok(out);
            }
        }
    })?;
    Ok(new_bytes(out))
}

/// Give back read-ahead bytes to the OS position (before a write or seek).
fn unread(hd: &mut Handle) -> std::io::Result<()> {
    let back = (hd.rbuf.len() - hd.rpos) as i64;
    hd.rbuf.clear();
    hd.rpos = 0;
    if back > 0 {
        hd.file.seek(SeekFrom::Current(-back))?;
    }
    Ok(())
}

/// `_lethe.file_write(h, data)`.
pub fn write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let data = a.pos.get(1).and_then(bytes_of).unwrap_or_default();
    let n = data.len();
    with(vm, h, |hd| {
        unread(hd)?;
        hd.file.write_all(&data)
    })?;
    Ok(vm.new_int(n as i64))
}

/// `_lethe.file_seek(h, offset, whence)`: the new absolute position.
pub fn seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let off = a.pos.get(1).and_then(as_i64).unwrap_or(0);
    let whence = a.pos.get(2).and_then(as_i64).unwrap_or(0);
    if whence == 0 && off < 0 {
        return Err(vm.value_error(&format!("negative seek position {off}")));
    }
    let pos = with(vm, h, |hd| {
        unread(hd)?;
        hd.file.seek(match whence {
            1 => SeekFrom::Current(off),
            2 => SeekFrom::End(off),
            _ => SeekFrom::Start(off as u64),
        })
    })?;
    Ok(vm.new_int(pos as i64))
}

/// `_lethe.file_tell(h)`.
pub fn tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let pos = with(vm, h, |hd| {
        let p = hd.file.stream_position()?;
        Ok(p - (hd.rbuf.len() - hd.rpos) as u64)
    })?;
    Ok(vm.new_int(pos as i64))
}

/// `_lethe.file_truncate(h, size)`.
pub fn truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let size = a.pos.get(1).and_then(as_i64).unwrap_or(0).max(0) as u64;
    with(vm, h, |hd| {
        unread(hd)?;
        hd.file.set_len(size)
    })?;
    Ok(vm.new_int(size as i64))
}

/// `_lethe.file_close(h)`.
pub fn close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    FILES.with(|t| {
        if let Some(slot) = t.borrow_mut().get_mut(h) {
            *slot = None;
        }
    });
    Ok(Value::NONE)
}

/// `_lethe.file_fd(handle)`: the OS descriptor of an open file (for a child
/// process's stdin/stdout/stderr); a file read ahead has its position put back first.
pub fn fd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let h = handle_of(vm, a)?;
    let fd = with(vm, h, |hd| {
        unread(hd)?;
        Ok(std::os::fd::AsRawFd::as_raw_fd(&hd.file))
    })?;
    Ok(vm.new_int(fd as i64))
}

/// `_lethe.remove(path)` (`os.remove`).
pub fn remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let path = match a.pos.first().map(|v| v.data()) {
        Some(Some(ObjData::Str(s))) => s.s.to_string(),
        _ => return Err(vm.type_error("remove: path should be string, bytes or os.PathLike")),
    };
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(Value::NONE),
        Err(e) => Err(crate::stdlib::os_error(vm, &e, &path)),
    }
}
