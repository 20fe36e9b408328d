//! Live tests on the test process itself: totals agree with the kernel's own sums, and
//! memory we map is classified and measured as expected.

use std::ffi::CString;
use std::fs::File;
use std::io::Write;
use std::os::fd::AsRawFd;
use std::process::Command;

use memuse::{Backing, Category, Error, Mapping, Snapshot};

const PAGE: usize = 4096;

/// A mapping made with mmap, unmapped on drop.
struct Region {
    addr: *mut libc::c_void,
    len: usize,
}

impl Region {
    fn map(len: usize, prot: i32, flags: i32, fd: i32) -> Region {
        // SAFETY: a fresh mapping at an address of the kernel's choosing touches no
        // existing memory.
        let addr = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, fd, 0) };
        assert_ne!(
            addr,
            libc::MAP_FAILED,
            "{}",
            std::io::Error::last_os_error()
        );
        Region { addr, len }
    }

    fn start(&self) -> u64 {
        self.addr as u64
    }

    fn fill(&self, byte: u8) {
        // SAFETY: the region is mapped writable and `len` bytes long.
        unsafe { std::ptr::write_bytes(self.addr.cast::<u8>(), byte, self.len) };
    }

    fn touch_all(&self) -> u64 {
        let mut sum = 0u64;
        for off in (0..self.len).step_by(PAGE) {
            // SAFETY: in bounds of a readable mapping.
            sum += u64::from(unsafe { std::ptr::read_volatile(self.addr.cast::<u8>().add(off)) });
        }
        sum
    }

    fn protect(&self, prot: i32) {
        // SAFETY: changes protection of our own mapping only.
        let r = unsafe { libc::mprotect(self.addr, self.len, prot) };
        assert_eq!(r, 0, "{}", std::io::Error::last_os_error());
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly what `map` mapped; nothing refers to it any more.
        unsafe { libc::munmap(self.addr, self.len) };
    }
}

fn mapping_at(s: &Snapshot, start: u64) -> &Mapping {
    s.mappings
        .iter()
        .find(|m| m.start == start)
        .unwrap_or_else(|| panic!("no mapping at {start:#x}"))
}

fn mapping_containing(s: &Snapshot, addr: u64) -> &Mapping {
    s.mappings
        .iter()
        .find(|m| m.start <= addr && addr < m.end)
        .unwrap_or_else(|| panic!("no mapping contains {addr:#x}"))
}

fn me() -> i32 {
    std::process::id() as i32
}

#[test]
fn anonymous_code_written_then_made_executable_is_jit_code() {
    let len = 16 * PAGE;
    let r = Region::map(
        len,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
    );
    r.fill(0xC3);
    r.protect(libc::PROT_READ | libc::PROT_EXEC);
    let s = memuse::snapshot_self().expect("snapshot self");
    let m = mapping_at(&s, r.start());
    assert_eq!(m.category, Category::JitCode);
    assert_eq!(m.perm.to_string(), "p:r-x");
    assert_eq!(m.end - m.start, len as u64);
    assert_eq!(m.usage.size, len as u64);
    assert_eq!(m.usage.rss, len as u64);
    assert_eq!(m.usage.uss, len as u64);
    assert_eq!((m.usage.pinned, m.usage.evictable), (len as u64, 0));
    assert!(s.by_category().get(Category::JitCode).rss >= len as u64);
}

#[test]
fn anonymous_rwx_is_jit_code_and_data_is_not() {
    let rwx = Region::map(
        4 * PAGE,
        libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
    );
    let data = Region::map(
        3 * PAGE,
        libc::PROT_READ | libc::PROT_WRITE,
        libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
        -1,
    );
    rwx.fill(1);
    data.fill(1);
    let s = memuse::snapshot_self().expect("snapshot self");
    let m = mapping_at(&s, rwx.start());
    assert_eq!(
        (m.category, m.perm.to_string()),
        (Category::JitCode, "p:rwx".into())
    );
    assert_eq!(m.usage.rss, 4 * PAGE as u64);
    let by_perm = s.by_perm();
    let rwx_total = by_perm
        .iter()
        .find(|(p, _)| p.to_string() == "p:rwx")
        .map(|(_, u)| u.rss)
        .unwrap_or(0);
    assert!(rwx_total >= 4 * PAGE as u64);
    let d = mapping_containing(&s, data.start());
    // The kernel may merge our data region with a neighbour; its category holds anyway.
    assert_eq!(d.category, Category::AnonData);
}

#[test]
fn executable_memfd_is_jit_code_and_file_text_is_evictable() {
    let name = CString::new("memuse-test-jit").expect("no NUL");
    // SAFETY: name is a valid C string.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), 0) };
    assert!(fd >= 0);
    // SAFETY: fd is ours.
    assert_eq!(unsafe { libc::ftruncate(fd, 2 * PAGE as libc::off_t) }, 0);
    let code = Region::map(
        2 * PAGE,
        libc::PROT_READ | libc::PROT_EXEC,
        libc::MAP_SHARED,
        fd,
    );
    code.touch_all();

    // A real file, mapped executable (as a library would be), then deleted.
    let path = std::env::temp_dir().join(format!("memuse-live-{}.bin", me()));
    let mut f = File::create(&path).expect("create temp file");
    f.write_all(&vec![0x90u8; 8 * PAGE]).expect("write");
    f.sync_all().expect("sync");
    let f = File::open(&path).expect("reopen");
    let text = Region::map(
        8 * PAGE,
        libc::PROT_READ | libc::PROT_EXEC,
        libc::MAP_PRIVATE,
        f.as_raw_fd(),
    );
    text.touch_all();
    std::fs::remove_file(&path).expect("unlink");

    let s = memuse::snapshot_self().expect("snapshot self");
    let m = mapping_at(&s, code.start());
    assert_eq!(m.name, "/memfd:memuse-test-jit");
    assert!(m.deleted);
    assert_eq!((m.category, m.backing), (Category::JitCode, Backing::Shmem));
    assert_eq!(m.perm.to_string(), "s:r-x");
    assert_eq!(m.usage.evictable, 0);

    let t = mapping_at(&s, text.start());
    assert_eq!(t.name, path.to_string_lossy());
    assert!(t.deleted);
    assert_eq!((t.category, t.backing), (Category::LibText, Backing::File));
    assert_eq!(t.usage.rss, 8 * PAGE as u64);
    assert_eq!(t.usage.evictable, t.usage.rss);
    // SAFETY: fd is ours and no longer needed (the mapping keeps the memfd alive).
    unsafe { libc::close(fd) };
}

#[test]
fn own_program_text_and_stack_and_heap_are_found() {
    let s = memuse::snapshot_self().expect("snapshot self");
    let t = s.by_category();
    assert!(t.get(Category::ProgramText).rss > 0, "program text");
    assert!(t.get(Category::LibText).rss > 0, "libc");
    assert!(t.get(Category::Stack).rss > 0, "stack");
    assert!(t.get(Category::Other).mappings > 0, "vdso");
    let exe = std::env::current_exe().expect("current exe");
    assert_eq!(s.exe.as_deref(), Some(exe.as_path()));
    assert_eq!(s.pid, me());
}

#[test]
fn totals_agree_with_rollup_and_status() {
    // Other tests run in parallel threads and allocate; retry until the kernel's sums are
    // the same before and after our read, then demand exact agreement.
    let mut last = String::new();
    for _ in 0..50 {
        let before = memuse::rollup(me()).expect("rollup");
        let s = memuse::snapshot_self().expect("snapshot");
        let after = memuse::rollup(me()).expect("rollup");
        if before != after {
            last = format!("unstable: {before:?} / {after:?}");
            continue;
        }
        let t = s.total();
        assert_eq!(t.rss, before.rss, "RSS vs smaps_rollup");
        assert_eq!(t.uss, before.private_clean + before.private_dirty, "USS");
        assert_eq!(t.swap, before.swap, "swap");
        assert!(
            t.pss <= before.pss && before.pss - t.pss < t.mappings * 1024,
            "PSS"
        );
        // VmRSS is the sum of per-CPU batched counters (file, anon, shmem), each of
        // which may lag by up to a batch of pages per CPU.
        let cpus = std::thread::available_parallelism().map_or(8, |n| n.get()) as u64;
        let slack = 3 * 64 * cpus * PAGE as u64;
        let vm_rss = s.vm_rss.expect("VmRSS");
        assert!(
            t.rss.abs_diff(vm_rss) <= slack,
            "RSS {} vs VmRSS {vm_rss} (slack {slack})",
            t.rss
        );
        return;
    }
    panic!("process memory never stable across a read: {last}");
}

#[test]
fn nonexistent_pid_is_a_typed_error() {
    let pid_max: i32 = std::fs::read_to_string("/proc/sys/kernel/pid_max")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(4_194_304);
    // Pids are always below pid_max.
    let e = memuse::snapshot(pid_max).expect_err("no such pid");
    assert!(matches!(e, Error::NoSuchProcess { .. }), "{e:?}");
    assert_eq!(e.to_string(), format!("pid {pid_max}: no such process"));
    assert!(matches!(
        memuse::snapshot(0),
        Err(Error::NoSuchProcess { pid: 0 })
    ));
    assert!(matches!(
        memuse::snapshot(-1),
        Err(Error::NoSuchProcess { pid: -1 })
    ));
}

#[test]
fn exited_process_is_reported_as_exited() {
    let mut child = Command::new("true").spawn().expect("spawn true");
    let pid = child.id() as i32;
    // Wait, without reaping, until it is a zombie: its memory is gone, its pid is not.
    let mut zombie = false;
    for _ in 0..500 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if stat
            .rsplit(')')
            .next()
            .is_some_and(|r| r.trim_start().starts_with('Z'))
        {
            zombie = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(zombie, "child never became a zombie");
    let e = memuse::snapshot(pid).expect_err("zombie has no memory");
    assert!(matches!(e, Error::Exited { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!("pid {pid}: process exited while being read")
    );
    child.wait().expect("reap");
    assert!(matches!(
        memuse::snapshot(pid),
        Err(Error::NoSuchProcess { .. })
    ));
}
