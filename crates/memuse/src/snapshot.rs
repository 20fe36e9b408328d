//! Reading a process: `/proc/PID/{smaps,status,exe}` into a [`Snapshot`] of classified
//! mappings, with typed errors for the ways a read can fail.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use procfs::process::{MMapPath, MemoryMaps, Process};
use procfs::{FromBufRead, ProcError};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::classify::{
    classify, source_of, strip_deleted, Backing, Category, Perm, CATEGORY_COUNT,
};
use crate::usage::{SmapsFields, Usage};

/// Why a process could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// There is no process with this id (or it is not visible in this pid namespace).
    #[error("pid {pid}: no such process")]
    NoSuchProcess { pid: i32 },
    /// The process belongs to another user and we may not read its memory map.
    #[error("pid {pid}: permission denied")]
    PermissionDenied { pid: i32 },
    /// The process existed when we started and was gone (or a zombie) before we finished.
    #[error("pid {pid}: process exited while being read")]
    Exited { pid: i32 },
    /// Any other I/O failure.
    #[error("pid {pid}: reading /proc/{pid}/{file}: {source}")]
    Io {
        pid: i32,
        file: &'static str,
        #[source]
        source: io::Error,
    },
    /// The kernel (or a fixture) produced text we cannot parse.
    #[error("pid {pid}: {source}")]
    Parse {
        pid: i32,
        #[source]
        source: ParseError,
    },
}

impl Error {
    /// The pid the error is about.
    pub fn pid(&self) -> i32 {
        match self {
            Error::NoSuchProcess { pid }
            | Error::PermissionDenied { pid }
            | Error::Exited { pid }
            | Error::Io { pid, .. }
            | Error::Parse { pid, .. } => *pid,
        }
    }
}

/// Malformed `smaps` text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "smaps line {n}: {}", self.message),
            None => write!(f, "smaps: {}", self.message),
        }
    }
}

/// One mapping of a process, classified and measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mapping {
    pub start: u64,
    pub end: u64,
    pub perm: Perm,
    pub offset: u64,
    pub inode: u64,
    /// The kernel's name for the mapping (path, `[heap]`, empty for anonymous), without
    /// the ` (deleted)` suffix.
    pub name: String,
    /// The mapped file has been unlinked (the kernel printed ` (deleted)`).
    pub deleted: bool,
    pub category: Category,
    pub backing: Backing,
    pub usage: Usage,
    pub fields: SmapsFields,
}

/// A process's classified memory map at one moment.
#[derive(Clone, Debug, Serialize)]
pub struct Snapshot {
    pub pid: i32,
    /// The command name (`Name:` in `/proc/PID/status`, at most 15 bytes).
    pub command: String,
    /// The process's executable, when readable.
    pub exe: Option<PathBuf>,
    /// `VmRSS` from `/proc/PID/status`, in bytes (sampled just after `smaps`).
    pub vm_rss: Option<u64>,
    /// `VmHWM` (peak RSS) from `/proc/PID/status`, in bytes.
    pub vm_hwm: Option<u64>,
    pub mappings: Vec<Mapping>,
}

/// Usage per category, indexed by [`Category`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CategoryTotals {
    rows: [Usage; CATEGORY_COUNT],
}

impl CategoryTotals {
    pub fn get(&self, c: Category) -> &Usage {
        &self.rows[c.index()]
    }

    pub fn get_mut(&mut self, c: Category) -> &mut Usage {
        &mut self.rows[c.index()]
    }

    /// Every category in display order, with its usage (possibly zero).
    pub fn iter(&self) -> impl Iterator<Item = (Category, &Usage)> {
        Category::ALL.iter().map(|&c| (c, &self.rows[c.index()]))
    }

    /// Sum over all categories.
    pub fn total(&self) -> Usage {
        let mut t = Usage::default();
        for u in &self.rows {
            t += u;
        }
        t
    }

    /// Adds another set of totals (for sums over processes).
    pub fn add(&mut self, o: &CategoryTotals) {
        for (a, b) in self.rows.iter_mut().zip(o.rows.iter()) {
            *a += b;
        }
    }

    /// Field-wise maximum per category (for peaks over time).
    pub fn max_with(&mut self, o: &CategoryTotals) {
        for (a, b) in self.rows.iter_mut().zip(o.rows.iter()) {
            a.max_with(b);
        }
    }
}

impl Serialize for CategoryTotals {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(CATEGORY_COUNT))?;
        for (c, u) in self.iter() {
            m.serialize_entry(c.name(), u)?;
        }
        m.end()
    }
}

impl Snapshot {
    /// Usage per category.
    pub fn by_category(&self) -> CategoryTotals {
        let mut t = CategoryTotals::default();
        for m in &self.mappings {
            *t.get_mut(m.category) += &m.usage;
        }
        t
    }

    /// Usage per permission tag (`p:rwx`, ...), ordered by tag.
    pub fn by_perm(&self) -> BTreeMap<Perm, Usage> {
        let mut t = BTreeMap::new();
        for m in &self.mappings {
            *t.entry(m.perm).or_insert_with(Usage::default) += &m.usage;
        }
        t
    }

    /// Usage of the whole process.
    pub fn total(&self) -> Usage {
        let mut t = Usage::default();
        for m in &self.mappings {
            t += &m.usage;
        }
        t
    }

    /// Builds a snapshot from captured `smaps` text; `exe` is the target of
    /// `/proc/PID/exe` (it tells program text from library text).
    pub fn from_smaps(
        pid: i32,
        command: &str,
        exe: Option<&Path>,
        smaps: &[u8],
    ) -> Result<Snapshot, ParseError> {
        Ok(Snapshot {
            pid,
            command: command.to_string(),
            exe: exe.map(Path::to_path_buf),
            vm_rss: None,
            vm_hwm: None,
            mappings: parse_smaps(smaps, exe)?,
        })
    }
}

/// Parses the text of `/proc/PID/smaps` into classified mappings.
///
/// The text is checked first for the few malformed inputs that would make procfs's
/// parser panic (it slices names without bounds checks and multiplies values without
/// overflow checks); everything else is procfs's parser. Non-UTF-8 bytes in file names
/// (legal on Linux) are replaced rather than rejected.
pub fn parse_smaps(smaps: &[u8], exe: Option<&Path>) -> Result<Vec<Mapping>, ParseError> {
    let text = String::from_utf8_lossy(smaps);
    precheck(&text)?;
    let maps = MemoryMaps::from_buf_read(text.as_bytes()).map_err(|e| ParseError {
        line: None,
        message: proc_error_message(&e),
    })?;
    let exe = exe.map(|p| {
        let s = p.to_string_lossy();
        PathBuf::from(strip_deleted(&s).0)
    });
    Ok(maps
        .into_iter()
        .map(|m| {
            let raw = mmap_name(&m.pathname);
            let (name, deleted) = strip_deleted(&raw);
            let source = source_of(name);
            let perm = Perm::of(m.perms);
            let fields = SmapsFields::from_map(&m.extension.map);
            let backing = source.backing();
            Mapping {
                start: m.address.0,
                end: m.address.1,
                perm,
                offset: m.offset,
                inode: m.inode,
                category: classify(&source, perm, exe.as_deref()),
                backing,
                usage: Usage::of_mapping(&fields, backing),
                fields,
                name: name.to_string(),
                deleted,
            }
        })
        .collect())
}

/// Rejects the inputs procfs-core 0.17 would panic on instead of returning an error.
fn precheck(text: &str) -> Result<(), ParseError> {
    for (i, line) in text.lines().enumerate() {
        let err = |message: &str| ParseError {
            line: Some(i + 1),
            message: message.to_string(),
        };
        if line.starts_with(|c: char| c.is_ascii_uppercase()) {
            let mut parts = line.split_ascii_whitespace();
            let (_key, value, unit) = (parts.next(), parts.next(), parts.next());
            if let (Some(v), Some(_)) = (value, unit) {
                if let Ok(v) = v.parse::<u64>() {
                    if v.checked_mul(1024).is_none() {
                        return Err(err("value too large"));
                    }
                }
            }
        } else {
            let name = line.splitn(6, ' ').nth(5).unwrap_or("").trim();
            if name.starts_with("/SYSV") && name.get(5..13).is_none() {
                return Err(err("malformed SysV shared memory name"));
            }
            if name.starts_with("[stack:") && name.get(1..name.len() - 1).is_none() {
                return Err(err("malformed thread stack name"));
            }
        }
    }
    Ok(())
}

/// The name the kernel printed for a mapping, rebuilt from procfs's parsed form.
fn mmap_name(p: &MMapPath) -> String {
    match p {
        MMapPath::Path(p) => p.to_string_lossy().into_owned(),
        MMapPath::Heap => "[heap]".into(),
        MMapPath::Stack => "[stack]".into(),
        MMapPath::TStack(tid) => format!("[stack:{tid}]"),
        MMapPath::Vdso => "[vdso]".into(),
        MMapPath::Vvar => "[vvar]".into(),
        MMapPath::Vsyscall => "[vsyscall]".into(),
        MMapPath::Rollup => "[rollup]".into(),
        MMapPath::Anonymous => String::new(),
        MMapPath::Vsys(key) => format!("/SYSV{:08x}", *key as u32),
        MMapPath::Other(s) => format!("[{s}]"),
    }
}

fn proc_error_message(e: &ProcError) -> String {
    match e {
        ProcError::Incomplete(_) => "incomplete or malformed text".to_string(),
        ProcError::InternalError(ie) => ie.msg.clone(),
        other => other.to_string(),
    }
}

/// Maps an error from opening a process's directory.
fn open_error(pid: i32, e: ProcError) -> Error {
    match e {
        ProcError::NotFound(_) => Error::NoSuchProcess { pid },
        ProcError::PermissionDenied(_) => Error::PermissionDenied { pid },
        ProcError::Io(source, _) => Error::Io {
            pid,
            file: "",
            source,
        },
        other => Error::Io {
            pid,
            file: "",
            source: io::Error::other(other.to_string()),
        },
    }
}

/// Maps an error from reading a file of a process we had already opened: "not found"
/// now means the process went away.
fn read_error(pid: i32, file: &'static str, e: ProcError) -> Error {
    match e {
        ProcError::NotFound(_) => Error::Exited { pid },
        ProcError::PermissionDenied(_) => Error::PermissionDenied { pid },
        ProcError::Io(source, _) => io_error(pid, file, source),
        other => Error::Io {
            pid,
            file,
            source: io::Error::other(other.to_string()),
        },
    }
}

fn io_error(pid: i32, file: &'static str, e: io::Error) -> Error {
    match e.kind() {
        io::ErrorKind::PermissionDenied => Error::PermissionDenied { pid },
        io::ErrorKind::NotFound => Error::Exited { pid },
        _ if e.raw_os_error() == Some(libc::ESRCH) => Error::Exited { pid },
        _ => Error::Io {
            pid,
            file,
            source: e,
        },
    }
}

/// Reads and classifies the memory map of process `pid`.
pub fn snapshot(pid: i32) -> Result<Snapshot, Error> {
    if pid <= 0 {
        return Err(Error::NoSuchProcess { pid });
    }
    let process = Process::new(pid).map_err(|e| open_error(pid, e))?;
    // A kernel thread or a process of another user has no readable exe; that is not an
    // error by itself (reading smaps decides).
    let exe = process.exe().ok();
    let mut smaps = Vec::with_capacity(64 * 1024);
    process
        .open_relative("smaps")
        .map_err(|e| read_error(pid, "smaps", e))?
        .read_to_end(&mut smaps)
        .map_err(|e| io_error(pid, "smaps", e))?;
    let status = process.status().map_err(|e| read_error(pid, "status", e))?;
    // A zombie has an empty map; a process that died mid-read a truncated one. Either
    // way the figures are not the process's, so say so rather than report them.
    if !process.is_alive() {
        return Err(Error::Exited { pid });
    }
    let mappings =
        parse_smaps(&smaps, exe.as_deref()).map_err(|source| Error::Parse { pid, source })?;
    Ok(Snapshot {
        pid,
        command: status.name,
        exe,
        vm_rss: status.vmrss.map(|kb| kb.saturating_mul(1024)),
        vm_hwm: status.vmhwm.map(|kb| kb.saturating_mul(1024)),
        mappings,
    })
}

/// [`snapshot`] of the calling process.
pub fn snapshot_self() -> Result<Snapshot, Error> {
    snapshot(std::process::id() as i32)
}

/// The kernel's own sums over all mappings (`/proc/PID/smaps_rollup`): a cheap
/// cross-check of a [`Snapshot`]'s totals.
pub fn rollup(pid: i32) -> Result<SmapsFields, Error> {
    let process = Process::new(pid).map_err(|e| open_error(pid, e))?;
    let r = process
        .smaps_rollup()
        .map_err(|e| read_error(pid, "smaps_rollup", e))?;
    Ok(r.memory_map_rollup
        .iter()
        .next()
        .map(|m| SmapsFields::from_map(&m.extension.map))
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = "\
7f0000000000-7f0000002000 rwxp 00000000 00:00 0 
Size:                  8 kB
Rss:                   4 kB
Pss:                   4 kB
Private_Dirty:         4 kB
Anonymous:             4 kB
VmFlags: rd wr ex mr mw me ac 
";

    #[test]
    fn parses_one_anonymous_rwx_mapping() {
        let maps = parse_smaps(ONE.as_bytes(), None).unwrap();
        assert_eq!(maps.len(), 1);
        let m = &maps[0];
        assert_eq!(m.category, Category::JitCode);
        assert_eq!(m.perm.to_string(), "p:rwx");
        assert_eq!(m.usage.size, 8192);
        assert_eq!(m.usage.rss, 4096);
        assert_eq!(m.usage.uss, 4096);
        assert_eq!(m.usage.pinned, 4096);
        assert_eq!(m.name, "");
    }

    #[test]
    fn malformed_inputs_are_errors_not_panics() {
        let bad: &[&str] = &[
            "Rss: 4 kB\n",
            "zzzz\n",
            "0-1000 r--p 0 00:00 0 /SYSV\n",
            "0-1000 r--p 0 00:00 0 /SYSVé\n",
            "0-1000 r--p 0 00:00 0 [stack:é\n",
            "0-1000 r--p 0 00:00 0 [stack:\n",
            "0-1000 r--p 0 00:00 0 x\nRss: 18446744073709551615 kB\n",
            "0-1000 r--p 0 00:00 0 x\nRss: 99999999999999999999999 kB\n",
            "0-1000 r--p 0 00:00 0 x\nRss: -5 kB\n",
            "\n",
            "g-1000 r--p 0 00:00 0 x\n",
        ];
        for text in bad {
            assert!(parse_smaps(text.as_bytes(), None).is_err(), "{text:?}");
        }
        assert_eq!(parse_smaps(b"", None).unwrap(), vec![]);
    }

    #[test]
    fn non_utf8_names_are_kept() {
        let text = b"1000-2000 r--p 00000000 08:01 12 /tmp/\xff.bin\nRss: 4 kB\n";
        let maps = parse_smaps(text, None).unwrap();
        assert_eq!(maps[0].name, "/tmp/\u{fffd}.bin");
        assert_eq!(maps[0].category, Category::FileData);
    }
}
