//! The memory ledger: every byte the runtime allocates is attributed to a category.
//!
//! lethe's promise is that each intermediate form (AST, IR, bytecode, feedback, native
//! code, …) can be accounted for exactly and is freed as a whole. The ledger makes that
//! checkable: [`Ledger`] wraps the system allocator and adds each allocation's size to
//! the *current* category, a process-wide setting changed with [`scope`]. Forms are freed
//! inside their own category (a form's owner enters the category in its `Drop`, see
//! [`Counted`]), so a category's `current` figure returns to exactly zero when the last
//! form of that kind is gone — tests assert on this.
//!
//! The current category is a single atomic rather than a thread-local: lethe runs one
//! interpreter thread (threads are a non-goal), and a thread-local in an allocator can
//! itself allocate on first use. Allocations from other threads land in whatever category
//! is current; that is reported, not hidden (they go to `runtime` in practice).
//!
//! Counters are plain relaxed atomics: the cost is two atomic adds per allocation.
//! They are process-wide statics, so any thread can read them (`lethe --mem-trace`
//! samples them from a background thread).
//!
//! Besides each category's all-time peak, the ledger keeps a *window* peak: the highest
//! figure since [`take_window_peak`] last reset it. A sampler that reads the counters
//! every few milliseconds uses it to see a form that was built and freed between two
//! samples (a function's parse tree lives well under a millisecond). It costs the hot
//! path nothing: the window peak is never above the all-time peak, so the one
//! comparison an allocation already made (against the peak) is now made against the
//! window peak, and the all-time peak is only looked at when the window peak rises.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, AtomicU8, Ordering::Relaxed};

macro_rules! categories {
    ($($(#[$doc:meta])* $name:ident = $str:literal,)*) => {
        /// A ledger category: one kind of memory the runtime can account for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Category { $($(#[$doc])* $name,)* }

        impl Category {
            /// Every category, in report order.
            pub const ALL: &'static [Category] = &[$(Category::$name,)*];
            /// The category's stable name (used in reports and JSON).
            pub fn name(self) -> &'static str {
                match self { $(Category::$name => $str,)* }
            }
        }
    };
}

categories! {
    /// Everything not attributed elsewhere: interpreter tables, I/O buffers, the CLI.
    Runtime = "runtime",
    /// Module source text kept for re-deriving bytecode.
    Source = "source",
    /// The parser's syntax tree (freed when the module or function has been compiled).
    Ast = "ast",
    /// lethe's tree IR (freed as soon as bytecode exists).
    Ir = "ir",
    /// Scope summaries, line tables and function stubs kept to recompile lazily.
    Scopes = "scopes",
    /// Register bytecode and its constant tables.
    Bytecode = "bytecode",
    /// Type feedback and inline caches (side tables of the bytecode).
    Feedback = "feedback",
    /// Native code produced by the JIT.
    Native = "native",
    /// Deoptimisation maps of native code.
    Deopt = "deopt",
    /// The code generator's working memory.
    Compiler = "compiler",
    /// Python objects: everything a running program allocates.
    Objects = "objects",
    /// Interpreter frames (the register stack).
    Frames = "frames",
}

const N: usize = Category::ALL.len();

#[allow(clippy::declare_interior_mutable_const)]
const ZERO: AtomicIsize = AtomicIsize::new(0);
static CURRENT: [AtomicIsize; N] = [ZERO; N];
static PEAK: [AtomicIsize; N] = [ZERO; N];
/// Highest `CURRENT` since the last [`take_window_peak`]; `<= PEAK` at all times.
static WINDOW_PEAK: [AtomicIsize; N] = [ZERO; N];
static ACTIVE: AtomicU8 = AtomicU8::new(Category::Runtime as u8);

/// The counting allocator. Install it in the binary:
/// `#[global_allocator] static A: lethe_ledger::Ledger = lethe_ledger::Ledger;`
pub struct Ledger;

#[inline]
fn add(bytes: isize) {
    add_to(ACTIVE.load(Relaxed) as usize, bytes);
}

#[inline]
fn add_to(c: usize, bytes: isize) {
    let now = CURRENT[c].fetch_add(bytes, Relaxed) + bytes;
    // WINDOW_PEAK <= PEAK, so a figure that does not pass the window peak does not
    // pass the peak either: one load and one comparison in the common case.
    if bytes > 0 && now > WINDOW_PEAK[c].load(Relaxed) {
        WINDOW_PEAK[c].fetch_max(now, Relaxed);
        if now > PEAK[c].load(Relaxed) {
            PEAK[c].fetch_max(now, Relaxed);
        }
    }
}

/// Small blocks of the interpreter thread, carved from chunks the ledger maps itself.
///
/// A Python program allocates and frees small objects at a high rate (a str
/// concatenation makes one and usually frees another). The C allocator costs about
/// 100 instructions a block between `malloc` and `free` once its per-thread cache is
/// full, and it puts a header before every block and rounds to 16 bytes after it: a
/// 60-byte str takes 80 bytes. Here requests of up to [`cache::MAX`] bytes (alignment
/// up to 16) on the thread that called [`own_cache`] are served in 16 size classes
/// (16, 32, …, 256 bytes) from 256 KiB chunks, aligned to their size and mapped
/// on demand (pages count only once touched): a free list per class, else the next
/// block of the class's chunk. No header, so the 60-byte str takes 64 bytes, as in
/// CPython's own small-object allocator. Freed blocks go back on their class's list
/// (they are kept for the program's next objects, never returned to the system).
///
/// Every other thread, and every larger request, uses the C allocator. A free finds
/// out where a block came from by looking its chunk up in a table of chunk addresses
/// that any thread can read (only the owner adds to it). A chunk block freed by
/// another thread is not reused (no lock guards the lists); that happens only to
/// the few values that change threads at start and exit.
///
/// The ledger counts what the program asked for, as before: a block kept here is
/// free as far as every category is concerned.
mod cache {
    use std::cell::UnsafeCell;
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    /// The largest request served from the chunks.
    pub const MAX: usize = 256;
    const CLASSES: usize = MAX / 16;
    const CHUNK_SHIFT: u32 = 18;
    /// The size (and alignment) of a chunk.
    pub const CHUNK: usize = 1 << CHUNK_SHIFT;
    /// Slots of the chunk table; at most half of them are used (512 MiB of chunks;
    /// past that, small blocks come from the C allocator too).
    const SLOTS: usize = 4096;

    /// The class of a request of `1 <= size <= MAX` bytes.
    #[inline]
    pub fn class(size: usize) -> usize {
        size.max(1).div_ceil(16) - 1
    }

    /// The size of every block of class `c`.
    #[inline]
    pub fn class_size(c: usize) -> usize {
        16 * (c + 1)
    }

    thread_local! {
        // Only its address is used: it tells the owning thread apart (a constant
        // thread-local with no destructor: reading its address allocates nothing).
        static MARK: u8 = const { 0 };
    }
    static OWNER: AtomicUsize = AtomicUsize::new(0);

    #[inline]
    fn mark() -> usize {
        MARK.with(|m| m as *const u8 as usize)
    }

    /// Make the calling thread the owner of the chunks.
    pub fn own() {
        OWNER.store(mark(), Relaxed);
    }

    #[inline]
    pub fn on_owner() -> bool {
        OWNER.load(Relaxed) == mark()
    }

    /// Base addresses of the chunks (0: free slot), by open addressing.
    static TABLE: [AtomicUsize; SLOTS] = [const { AtomicUsize::new(0) }; SLOTS];
    static CHUNKS: AtomicUsize = AtomicUsize::new(0);

    #[inline]
    fn slot(base: usize) -> usize {
        ((base >> CHUNK_SHIFT).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 12)) & (SLOTS - 1)
    }

    /// Whether `p` is a block of one of the chunks.
    #[inline]
    pub fn owns(p: *mut u8) -> bool {
        if CHUNKS.load(Relaxed) == 0 {
            return false;
        }
        let base = p as usize & !(CHUNK - 1);
        let mut i = slot(base);
        loop {
            let v = TABLE[i].load(Relaxed);
            if v == base {
                return true;
            }
            if v == 0 {
                return false;
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    struct State {
        /// Free blocks of each class (each holds the next one's address).
        free: [*mut u8; CLASSES],
        /// The rest of each class's current chunk: next block, end.
        fresh: [(usize, usize); CLASSES],
    }
    struct Owned(UnsafeCell<State>);
    // SAFETY: only the owner thread (checked by `on_owner` before every use) touches
    // the state.
    unsafe impl Sync for Owned {}
    static STATE: Owned = Owned(UnsafeCell::new(State {
        free: [std::ptr::null_mut(); CLASSES],
        fresh: [(0, 0); CLASSES],
    }));

    /// A new chunk, mapped and entered in the table (None: the table is full or
    /// the system refused).
    fn new_chunk() -> Option<(usize, usize)> {
        let n = CHUNKS.load(Relaxed);
        if n >= SLOTS / 2 {
            return None;
        }
        // SAFETY: a fresh anonymous mapping; the parts outside the aligned chunk are
        // unmapped again.
        let base = unsafe {
            let p = libc::mmap(
                std::ptr::null_mut(),
                2 * CHUNK,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            if p == libc::MAP_FAILED {
                return None;
            }
            let a = p as usize;
            let base = (a + CHUNK - 1) & !(CHUNK - 1);
            if base > a {
                libc::munmap(a as *mut libc::c_void, base - a);
            }
            let tail = a + 2 * CHUNK - (base + CHUNK);
            if tail > 0 {
                libc::munmap((base + CHUNK) as *mut libc::c_void, tail);
            }
            base
        };
        let mut i = slot(base);
        while TABLE[i].load(Relaxed) != 0 {
            i = (i + 1) & (SLOTS - 1);
        }
        TABLE[i].store(base, Relaxed);
        CHUNKS.store(n + 1, Relaxed);
        Some((base, base + CHUNK))
    }

    /// A block of class `c` (null: none can be had here).
    ///
    /// # Safety
    /// Called on the owner thread only.
    #[inline]
    pub unsafe fn alloc(c: usize) -> *mut u8 {
        // SAFETY: owner thread only (the caller's contract); `c < CLASSES`.
        unsafe {
            let st = &mut *STATE.0.get();
            let p = st.free[c];
            if !p.is_null() {
                st.free[c] = *(p as *mut *mut u8);
                return p;
            }
            let size = class_size(c);
            let (next, end) = st.fresh[c];
            if next != 0 && next + size <= end {
                st.fresh[c].0 = next + size;
                return next as *mut u8;
            }
            match new_chunk() {
                Some((b, e)) => {
                    st.fresh[c] = (b + size, e);
                    b as *mut u8
                }
                None => std::ptr::null_mut(),
            }
        }
    }

    /// Take back the block `p` of class `c` (or of a bigger class).
    ///
    /// # Safety
    /// Called on the owner thread only, with a chunk block that nothing uses any more.
    #[inline]
    pub unsafe fn free(c: usize, p: *mut u8) {
        // SAFETY: owner thread only; the block is free and big enough for a pointer.
        unsafe {
            let st = &mut *STATE.0.get();
            *(p as *mut *mut u8) = st.free[c];
            st.free[c] = p;
        }
    }
}

/// Serve the calling thread's small allocations from the ledger's chunks (see
/// the `cache` module); for the one interpreter thread.
pub fn own_cache() {
    cache::own();
}

/// The class of a layout served from the chunks.
#[inline]
fn small_class(layout: &Layout) -> Option<usize> {
    (layout.size() <= cache::MAX && layout.align() <= 16).then(|| cache::class(layout.size()))
}

// SAFETY: a block comes from the chunks (small requests on the owner thread) or from
// `System`, and goes back where it came from (`cache::owns` tells which) with the
// layout it was allocated with; chunk blocks are at least as big as their class and
// 16-byte aligned (chunks are aligned, classes are multiples of 16).
unsafe impl GlobalAlloc for Ledger {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let mut p = std::ptr::null_mut();
        if let Some(c) = small_class(&layout) {
            if cache::on_owner() {
                // SAFETY: on the owner thread.
                p = unsafe { cache::alloc(c) };
            }
        }
        if p.is_null() {
            // SAFETY: same contract as the caller's.
            p = unsafe { System.alloc(layout) };
        }
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if small_class(&layout).is_some() && cache::on_owner() {
            // SAFETY: same contract as the caller's.
            let p = unsafe { self.alloc(layout) };
            if !p.is_null() {
                // SAFETY: `p` holds at least `layout.size()` bytes.
                unsafe { std::ptr::write_bytes(p, 0, layout.size()) };
            }
            return p;
        }
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if cache::owns(ptr) {
            if cache::on_owner() {
                // SAFETY: a chunk block of at least this layout's class, now free.
                unsafe { cache::free(cache::class(layout.size()), ptr) };
            }
            // (Freed by another thread: not reused, see `cache`.)
        } else {
            // SAFETY: same contract as the caller's.
            unsafe { System.dealloc(ptr, layout) };
        }
        add(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: a valid alignment and a size the caller guarantees fits isize.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let p = if cache::owns(ptr) {
            if new_size <= cache::class_size(cache::class(layout.size())) {
                // The block already has the room (a smaller class's list takes it
                // back later, which only wastes the difference).
                ptr
            } else {
                // Out of the chunks' sizes, or to a bigger class: a new block.
                // SAFETY: the caller's contract; `q` holds both sizes' common part.
                unsafe {
                    let q = self.alloc(new_layout);
                    if !q.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, q, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                        // `alloc` and `dealloc` counted the sizes already.
                        add(layout.size() as isize - new_size as isize);
                    }
                    q
                }
            }
        } else {
            // SAFETY: same contract as the caller's.
            unsafe { System.realloc(ptr, layout, new_size) }
        };
        if !p.is_null() {
            add(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Figures for one category, in bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub current: isize,
    pub peak: isize,
}

/// Current and peak bytes of one category.
pub fn figures(c: Category) -> Figures {
    Figures {
        current: CURRENT[c as usize].load(Relaxed),
        peak: PEAK[c as usize].load(Relaxed),
    }
}

/// Current bytes of one category.
pub fn current(c: Category) -> isize {
    CURRENT[c as usize].load(Relaxed)
}

/// The highest current bytes of a category since the previous call (since the start
/// for the first), and starts a new window at the current figure. For one sampling
/// thread; an allocation racing the reset is counted in one window or the next.
pub fn take_window_peak(c: Category) -> isize {
    let old = WINDOW_PEAK[c as usize].swap(isize::MIN, Relaxed);
    let now = CURRENT[c as usize].load(Relaxed);
    WINDOW_PEAK[c as usize].fetch_max(now, Relaxed);
    old.max(now)
}

/// Sum of the current bytes of every category.
pub fn total() -> isize {
    Category::ALL.iter().map(|&c| current(c)).sum()
}

/// The category allocations are attributed to right now.
pub fn active() -> Category {
    let v = ACTIVE.load(Relaxed);
    Category::ALL
        .iter()
        .copied()
        .find(|c| *c as u8 == v)
        .unwrap_or(Category::Runtime)
}

/// Attribute allocations and frees to `c` until the guard is dropped (scopes nest).
pub fn scope(c: Category) -> Scope {
    let prev = ACTIVE.swap(c as u8, Relaxed);
    Scope { prev }
}

/// Guard returned by [`scope`]; restores the previous category on drop.
#[must_use = "the scope ends when the guard is dropped"]
pub struct Scope {
    prev: u8,
}

impl Drop for Scope {
    fn drop(&mut self) {
        ACTIVE.store(self.prev, Relaxed);
    }
}

/// Run `f` with allocations attributed to `c`.
pub fn within<R>(c: Category, f: impl FnOnce() -> R) -> R {
    let _g = scope(c);
    f()
}

/// Count memory the allocator does not see (native code mapped from a file) in `c`:
/// `bytes` is added on map and subtracted (negative) on unmap.
pub fn record_mapped(c: Category, bytes: isize) {
    let now = CURRENT[c as usize].fetch_add(bytes, Relaxed) + bytes;
    if bytes > 0 && now > PEAK[c as usize].load(Relaxed) {
        PEAK[c as usize].fetch_max(now, Relaxed);
    }
}

/// A value whose memory belongs to one category for its whole life: it is built inside
/// the category by the caller (see [`Counted::new_in`]) and is dropped inside it.
pub struct Counted<T> {
    cat: Category,
    inner: std::mem::ManuallyDrop<T>,
}

impl<T> Counted<T> {
    /// Wrap a value that was allocated in `cat`.
    pub fn new(cat: Category, value: T) -> Self {
        Counted {
            cat,
            inner: std::mem::ManuallyDrop::new(value),
        }
    }
    /// Build a value inside `cat` and wrap it.
    pub fn new_in(cat: Category, f: impl FnOnce() -> T) -> Self {
        let v = within(cat, f);
        Self::new(cat, v)
    }
    /// The category this value is counted in.
    pub fn category(&self) -> Category {
        self.cat
    }
}

impl<T> std::ops::Deref for Counted<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> Drop for Counted<T> {
    fn drop(&mut self) {
        let _g = scope(self.cat);
        // SAFETY: `inner` is dropped exactly once, here, and never used afterwards.
        unsafe { std::mem::ManuallyDrop::drop(&mut self.inner) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The test binary does not install the allocator, so figures stay at zero; the
    // counting itself is exercised through `add` directly and by the runtime's tests
    // (which do install it).
    #[test]
    fn scopes_nest_and_restore() {
        assert_eq!(active(), Category::Runtime);
        {
            let _a = scope(Category::Ast);
            assert_eq!(active(), Category::Ast);
            {
                let _b = scope(Category::Bytecode);
                assert_eq!(active(), Category::Bytecode);
            }
            assert_eq!(active(), Category::Ast);
        }
        assert_eq!(active(), Category::Runtime);
    }

    #[test]
    fn counting_tracks_current_and_peak() {
        let _s = scope(Category::Deopt);
        let before = figures(Category::Deopt);
        add(100);
        add(-40);
        let f = figures(Category::Deopt);
        assert_eq!(f.current - before.current, 60);
        assert!(f.peak >= before.current + 100);
        add(-60);
        assert_eq!(figures(Category::Deopt).current, before.current);
    }

    #[test]
    fn window_peak_sees_a_rise_between_samples() {
        // Counted straight into the category, not through the process-wide active
        // category, which other tests change while this one runs.
        let c = Category::Compiler;
        let base = current(c);
        let _ = take_window_peak(c);
        add_to(c as usize, 5000);
        add_to(c as usize, -5000);
        assert_eq!(current(c), base);
        assert!(take_window_peak(c) >= base + 5000);
        // A new window starts at the current figure.
        assert_eq!(take_window_peak(c), base);
        add_to(c as usize, 10);
        assert!(figures(c).peak >= base + 5000);
        assert_eq!(take_window_peak(c), base + 10);
        add_to(c as usize, -10);
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = Category::ALL.iter().map(|c| c.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Category::ALL.len());
    }
}
