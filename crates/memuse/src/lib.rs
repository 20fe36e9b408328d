//! memuse: where does a process's memory go?
//!
//! The kernel already knows, mapping by mapping, in `/proc/PID/smaps`. memuse reads that
//! file (parsed by the `procfs` crate), gives every mapping a [`Category`] and a
//! permission tag ([`Perm`], printed `p:rwx` / `s:r-x`), and sums the figures that matter
//! for a runtime that wants to be frugal:
//!
//! | figure | meaning |
//! |---|---|
//! | size | virtual size: address space, not memory |
//! | RSS | resident pages, shared ones counted in full |
//! | PSS | resident pages, each divided by the number of processes sharing it: sums over processes add up to the machine's usage |
//! | USS | private pages (`Private_Clean + Private_Dirty`): what exiting would free |
//! | swap | pages in swap |
//! | evictable | resident pages the kernel can simply drop: clean pages of real files (and `MADV_FREE`d anonymous pages) |
//! | pinned | resident pages only swap can take: anonymous, shared-memory (`memfd`, SysV) and dirty pages; `evictable + pinned = RSS` |
//!
//! # Categories
//!
//! | name | rule |
//! |---|---|
//! | `program_text` | executable mapping of the process's own executable (`/proc/PID/exe`) |
//! | `lib_text` | executable mapping of any other file |
//! | `jit_code` | executable anonymous memory, and executable `memfd`/SysV-shm mappings (a JIT that double-maps code through a memfd shows up here) |
//! | `heap` | `[heap]` |
//! | `stack` | `[stack]`, `[stack:TID]` (other thread stacks are plain anonymous memory and land in `anon_data`) |
//! | `file_data` | non-executable mappings of real files |
//! | `anon_data` | non-executable anonymous memory, `[anon:NAME]`, `memfd`, shared anonymous memory |
//! | `other` | `[vdso]`, `[vvar]`, `[vsyscall]` and other kernel mappings |
//!
//! A file that has been unlinked keeps its category (the kernel's ` (deleted)` suffix is
//! stripped and recorded in [`Mapping::deleted`]). A JIT that maps its code from files
//! (lethe's on-disk code cache) is reported as `lib_text`: file-backed, shareable and
//! evictable, which is the point of doing it.
//!
//! Known limits: files on tmpfs are counted as file-backed (evictable) although their
//! pages are shared memory; hugetlbfs pages are not part of RSS (as in the kernel).
//!
//! # Use
//!
//! ```no_run
//! let snap = memuse::snapshot_self()?;
//! let by_cat = snap.by_category();
//! println!("JIT code RSS: {}", by_cat.get(memuse::Category::JitCode).rss);
//! print!("{}", memuse::report::category_table(&by_cat, memuse::report::Units::Human));
//! # Ok::<(), memuse::Error>(())
//! ```
//!
//! Captured text can be parsed without a live process ([`Snapshot::from_smaps`],
//! [`parse_smaps`]); the tests use committed fixtures this way.

pub mod classify;
pub mod report;
pub mod snapshot;
pub mod usage;

pub use classify::{Backing, Category, Perm};
pub use snapshot::{
    parse_smaps, rollup, snapshot, snapshot_self, CategoryTotals, Error, Mapping, ParseError,
    Snapshot,
};
pub use usage::{SmapsFields, Usage};
