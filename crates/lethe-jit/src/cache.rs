//! The on-disk code cache: compiled functions as files, mapped read+execute.
//!
//! A function's native code depends only on its [`JitInput`] (bytecode reduced to
//! what code generation reads, plus feedback), the compiler's version and the CPU
//! features it may use. The cache stores the code under a SHA-256 of exactly that, in
//! a per-user directory (`$XDG_CACHE_HOME/lethe`, else `~/.cache/lethe`; mode 0700).
//! A second process running the same program finds the file and maps it: nothing is
//! compiled, and the pages are the same file pages in both processes (shared, counted
//! once in PSS, evictable by the kernel).
//!
//! File layout: a 4096-byte header (magic, format version, alignment, code length,
//! entry offsets, SHA-256 of the code), then the code, page-aligned so it can be
//! mapped directly. Files are written to a temporary name and renamed into place, so
//! readers never see a partial file and concurrent writers leave one valid file.
//! A file that is truncated, corrupted (hash mismatch), not owned by the user or
//! writable by others is never executed: `load` reports it and the caller replaces it.

use crate::codemem::CodeMap;
use crate::{Compiled, JitInput};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"LETHEJIT";
const FORMAT: u32 = 1;
const HEADER: usize = 4096;
const MAX_ENTRIES: usize = (HEADER - 64) / 4;
/// Cranelift's version, part of every key (pinned in Cargo.toml).
pub const CRANELIFT_VERSION: &str = "0.135.8";

/// Why a cache file was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    Truncated,
    BadHeader,
    HashMismatch,
    Foreign,
    Io(String),
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::Truncated => write!(f, "truncated"),
            Rejected::BadHeader => write!(f, "bad header"),
            Rejected::HashMismatch => write!(f, "hash mismatch"),
            Rejected::Foreign => write!(f, "not owned by this user, or writable by others"),
            Rejected::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Code mapped from the cache.
pub struct Cached {
    pub map: CodeMap,
    pub entries: Vec<u32>,
}

/// The CPU features code generation may use (part of the key).
pub fn cpu_fingerprint() -> String {
    let mut s = String::from(std::env::consts::ARCH);
    #[cfg(target_arch = "x86_64")]
    {
        macro_rules! feat {
            ($($f:tt),*) => {
                $( if std::is_x86_feature_detected!($f) { s.push(' '); s.push_str($f); } )*
            };
        }
        feat!(
            "sse3",
            "ssse3",
            "sse4.1",
            "sse4.2",
            "popcnt",
            "avx",
            "avx2",
            "bmi1",
            "bmi2",
            "lzcnt",
            "fma",
            "avx512f",
            "avx512vl",
            "avx512dq",
            "avx512bitalg",
            "avx512vbmi"
        );
    }
    s
}

/// The cache key of a function: a SHA-256 over the input, the lethe and Cranelift
/// versions and the CPU features, as 64 hex digits.
pub fn key(input: &JitInput, lethe_version: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"lethe ");
    h.update(lethe_version.as_bytes());
    h.update(b" build ");
    h.update(crate::BUILD_ID.as_bytes());
    h.update(b"\ncranelift ");
    h.update(CRANELIFT_VERSION.as_bytes());
    h.update(b"\n");
    h.update(cpu_fingerprint().as_bytes());
    h.update(b"\n");
    h.update(serde_json::to_vec(input).unwrap_or_default());
    hex(&h.finalize())
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A per-user code cache directory.
pub struct CodeCache {
    dir: PathBuf,
}

/// `$XDG_CACHE_HOME/lethe`, else `$HOME/.cache/lethe`.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty()) {
        return Some(PathBuf::from(x).join("lethe"));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".cache").join("lethe"))
}

fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
}

impl CodeCache {
    /// Open (creating, mode 0700) the cache directory. Fails when it cannot be
    /// created or is not a directory owned by this user and closed to others.
    pub fn open(dir: &Path) -> io::Result<CodeCache> {
        if !dir.exists() {
            fs::create_dir_all(dir)?;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        let md = fs::metadata(dir)?;
        if !md.is_dir() {
            return Err(io::Error::other("not a directory"));
        }
        if md.uid() != euid() || md.mode() & 0o022 != 0 {
            return Err(io::Error::other(
                "cache directory not owned by this user, or writable by others",
            ));
        }
        Ok(CodeCache {
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.code"))
    }

    /// Map the cached code for `key`: Ok(None) when there is none, Err when a file
    /// exists but must not be executed.
    pub fn load(&self, key: &str) -> Result<Option<Cached>, Rejected> {
        let path = self.path(key);
        let file = match fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Rejected::Io(e.to_string())),
        };
        let md = file.metadata().map_err(|e| Rejected::Io(e.to_string()))?;
        if !md.is_file() || md.uid() != euid() || md.mode() & 0o022 != 0 {
            return Err(Rejected::Foreign);
        }
        let mut head = vec![0u8; HEADER];
        {
            use std::os::unix::fs::FileExt;
            match file.read_exact_at(&mut head, 0) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    return Err(Rejected::Truncated)
                }
                Err(e) => return Err(Rejected::Io(e.to_string())),
            }
        }
        if &head[0..8] != MAGIC || u32_at(&head, 8) != FORMAT {
            return Err(Rejected::BadHeader);
        }
        let align = u32_at(&head, 12);
        let len = u64::from_le_bytes(head[16..24].try_into().expect("8 bytes")) as usize;
        let nent = u32_at(&head, 24) as usize;
        if nent > MAX_ENTRIES || len == 0 || len > (1 << 30) {
            return Err(Rejected::BadHeader);
        }
        let hash: [u8; 32] = head[28..60].try_into().expect("32 bytes");
        let entries: Vec<u32> = (0..nent).map(|i| u32_at(&head, 64 + 4 * i)).collect();
        if (md.len() as usize) < HEADER + len {
            return Err(Rejected::Truncated);
        }
        let map = CodeMap::from_file(&file, HEADER as u64, len, align)
            .map_err(|e| Rejected::Io(e.to_string()))?;
        // Verify what is mapped, not what was read: these are the bytes that run.
        let got: [u8; 32] = Sha256::digest(map.bytes()).into();
        if got != hash {
            return Err(Rejected::HashMismatch);
        }
        // Keep the directory's LRU order current for `prune`.
        let _ = file.set_modified(std::time::SystemTime::now());
        Ok(Some(Cached { map, entries }))
    }

    /// Write compiled code under `key` (atomically: temporary file, then rename).
    pub fn store(&self, key: &str, c: &Compiled) -> io::Result<()> {
        if c.entries.len() > MAX_ENTRIES {
            return Err(io::Error::other("too many entry points for the cache"));
        }
        let mut head = vec![0u8; HEADER];
        head[0..8].copy_from_slice(MAGIC);
        head[8..12].copy_from_slice(&FORMAT.to_le_bytes());
        head[12..16].copy_from_slice(&c.align.to_le_bytes());
        head[16..24].copy_from_slice(&(c.code.len() as u64).to_le_bytes());
        head[24..28].copy_from_slice(&(c.entries.len() as u32).to_le_bytes());
        let hash: [u8; 32] = Sha256::digest(&c.code).into();
        head[28..60].copy_from_slice(&hash);
        for (i, e) in c.entries.iter().enumerate() {
            head[64 + 4 * i..68 + 4 * i].copy_from_slice(&e.to_le_bytes());
        }
        let tmp = self.dir.join(format!(
            ".{key}.{}.{:x}.tmp",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        let write = || -> io::Result<()> {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode_0600()
                .open(&tmp)?;
            f.write_all(&head)?;
            f.write_all(&c.code)?;
            f.flush()?;
            fs::rename(&tmp, self.path(key))
        };
        let r = write();
        if r.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        r
    }

    /// Remove the file for `key` (after it was rejected).
    pub fn remove(&self, key: &str) {
        let _ = fs::remove_file(self.path(key));
    }

    /// (files, bytes) of cached code.
    pub fn stats(&self) -> io::Result<(u64, u64)> {
        let mut n = 0;
        let mut bytes = 0;
        for (_, len, _) in self.files()? {
            n += 1;
            bytes += len;
        }
        Ok((n, bytes))
    }

    fn files(&self) -> io::Result<Vec<(PathBuf, u64, std::time::SystemTime)>> {
        let mut v = Vec::new();
        for e in fs::read_dir(&self.dir)? {
            let e = e?;
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) != Some("code") {
                continue;
            }
            let md = e.metadata()?;
            v.push((p, md.len(), md.modified().unwrap_or(std::time::UNIX_EPOCH)));
        }
        Ok(v)
    }

    /// Delete every cached file; returns how many.
    pub fn clear(&self) -> io::Result<u64> {
        let mut n = 0;
        for (p, _, _) in self.files()? {
            fs::remove_file(p)?;
            n += 1;
        }
        Ok(n)
    }

    /// Delete least recently used files until at most `max_bytes` remain; returns
    /// (files removed, bytes left).
    pub fn prune(&self, max_bytes: u64) -> io::Result<(u64, u64)> {
        let mut files = self.files()?;
        files.sort_by_key(|f| f.2);
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        let mut removed = 0;
        for (p, len, _) in files {
            if total <= max_bytes {
                break;
            }
            fs::remove_file(p)?;
            total -= len;
            removed += 1;
        }
        Ok((removed, total))
    }
}

trait Mode0600 {
    fn mode_0600(&mut self) -> &mut Self;
}

impl Mode0600 for fs::OpenOptions {
    fn mode_0600(&mut self) -> &mut Self {
        use std::os::unix::fs::OpenOptionsExt;
        self.mode(0o600)
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}
