//! Executable memory that is file-backed from the first byte and never writable and
//! executable at once.
//!
//! Each function's code is written into its own anonymous file (`memfd_create`) through
//! a read+write view, the view is unmapped, and the file is mapped again read+execute.
//! The kernel therefore accounts the pages as shared file pages (shown by `memuse` as
//! file-backed code, not anonymous `rwx`), and no mapping of the process is ever both
//! writable and executable. The on-disk code cache (a later step) replaces the memfd
//! with a file in the cache directory; the mapping code is the same.

use std::io;

/// A read+execute mapping of one compiled function. Unmapped on drop.
pub struct CodeMap {
    ptr: *const u8,
    map_len: usize,
    len: usize,
}

fn page_size() -> usize {
    // SAFETY: sysconf has no memory-safety preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

impl CodeMap {
    /// Map `code` read+execute. `align` is the alignment the code buffer asks for; a
    /// mapping starts on a page boundary, which satisfies any code alignment up to a
    /// page (larger ones are refused).
    pub fn new(code: &[u8], align: u32) -> io::Result<CodeMap> {
        let page = page_size();
        if align as usize > page {
            return Err(io::Error::other("code alignment larger than a page"));
        }
        let map_len = code.len().max(1).div_ceil(page) * page;
        // SAFETY: the name is a NUL-terminated literal; flags are valid.
        let fd = unsafe { libc::memfd_create(c"lethe-jit".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let close = |e: io::Error| {
            // SAFETY: fd is a descriptor this function opened and still owns.
            unsafe { libc::close(fd) };
            e
        };
        // SAFETY: fd is a valid memfd.
        if unsafe { libc::ftruncate(fd, map_len as libc::off_t) } != 0 {
            return Err(close(io::Error::last_os_error()));
        }
        // The write view: read+write, never executable.
        // SAFETY: a fresh shared mapping of map_len bytes of a file that long.
        let w = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        if w == libc::MAP_FAILED {
            return Err(close(io::Error::last_os_error()));
        }
        // SAFETY: w is a writable mapping of at least code.len() bytes that nothing else
        // refers to; it is unmapped right after the copy.
        unsafe {
            std::ptr::copy_nonoverlapping(code.as_ptr(), w as *mut u8, code.len());
            libc::munmap(w, map_len);
        }
        // The execute view: read+execute, never writable.
        // SAFETY: as above, a fresh shared mapping of the same file.
        let x = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        // SAFETY: the mapping keeps the file alive; the descriptor is no longer needed.
        unsafe { libc::close(fd) };
        if x == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(CodeMap {
            ptr: x as *const u8,
            map_len,
            len: code.len(),
        })
    }

    /// Map `len` bytes of `file` from `offset` (page-aligned) read+execute: code
    /// from the on-disk cache, shared with every process that maps the same file.
    pub fn from_file(
        file: &std::fs::File,
        offset: u64,
        len: usize,
        align: u32,
    ) -> io::Result<CodeMap> {
        use std::os::fd::AsRawFd;
        let page = page_size();
        if align as usize > page || !(offset as usize).is_multiple_of(page) || len == 0 {
            return Err(io::Error::other("bad code layout"));
        }
        let map_len = len.div_ceil(page) * page;
        // SAFETY: a fresh read+execute shared mapping of a regular file; the kernel
        // checks the range (pages past the end of the file fault only if touched,
        // and the caller checked the length).
        let x = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_EXEC,
                libc::MAP_SHARED,
                file.as_raw_fd(),
                offset as libc::off_t,
            )
        };
        if x == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(CodeMap {
            ptr: x as *const u8,
            map_len,
            len,
        })
    }

    /// Address of the first instruction.
    pub fn ptr(&self) -> *const u8 {
        self.ptr
    }

    /// Bytes of code.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bytes of address space (whole pages) the mapping takes.
    pub fn mapped_len(&self) -> usize {
        self.map_len
    }

    /// The mapped bytes (for tests comparing code across processes).
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the mapping is readable and at least len bytes long while self lives.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl Drop for CodeMap {
    fn drop(&mut self) {
        // SAFETY: ptr/map_len describe a mapping this value created and owns.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.map_len) };
    }
}

/// Give the compiler's freed working memory back to the operating system. The C
/// allocator keeps freed heap pages mapped; after a compile (megabytes of Cranelift
/// data structures, all freed) this returns them, so compiling leaves no resident
/// trace beyond the code itself.
pub fn trim_heap() {
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only releases free memory held by the allocator.
    unsafe {
        libc::malloc_trim(0);
    }
}
