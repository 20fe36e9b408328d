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

/// Small blocks freed on the interpreter thread, kept for its next allocations.
///
/// A Python program allocates and frees small objects at a high rate (a str
/// concatenation makes one and usually frees another), and the C allocator's own
/// per-thread cache costs about 100 instructions a block between `malloc` and `free`.
/// These lists cost a few. Blocks up to [`cache::MAX`] bytes are requested in 15 size
/// classes (24, 40, …, 248 bytes: what the C allocator's 16-byte chunks hold), so
/// any free block of a class serves any request of it; at most [`cache::CAP`] blocks
/// a class are kept (under 128 KiB in all), the rest go back to the C allocator.
/// Only the thread that called [`own_cache`] uses the lists, so they need no lock;
/// every other thread allocates from the C allocator directly (with the same rounded
/// sizes, so a block may be freed on either side).
///
/// The ledger counts what the program asked for, as before: a block kept here is
/// free as far as every category is concerned.
mod cache {
    use std::cell::UnsafeCell;
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    /// The largest request served from the lists.
    pub const MAX: usize = 248;
    const CLASSES: usize = 15;
    /// Blocks kept per class.
    pub const CAP: u32 = 64;

    /// The class of a request of `size <= MAX` bytes.
    #[inline]
    pub fn class(size: usize) -> usize {
        (size.max(24) + 23) / 16 - 2
    }

    /// The size requested from the C allocator for every block of class `c`.
    #[inline]
    pub fn class_size(c: usize) -> usize {
        24 + 16 * c
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

    /// Make the calling thread the owner of the lists.
    pub fn own() {
        OWNER.store(mark(), Relaxed);
    }

    #[inline]
    pub fn on_owner() -> bool {
        OWNER.load(Relaxed) == mark()
    }

    struct Bins(UnsafeCell<[(*mut u8, u32); CLASSES]>);
    // SAFETY: only the owner thread (checked by `on_owner` before every use) touches
    // the lists.
    unsafe impl Sync for Bins {}
    static BINS: Bins = Bins(UnsafeCell::new([(std::ptr::null_mut(), 0); CLASSES]));

    /// A free block of class `c`, if one is kept.
    ///
    /// # Safety
    /// Called on the owner thread only.
    #[inline]
    pub unsafe fn pop(c: usize) -> *mut u8 {
        // SAFETY: owner thread only (the caller's contract); `c < CLASSES`.
        unsafe {
            let bin = &mut (*BINS.0.get())[c];
            let p = bin.0;
            if !p.is_null() {
                bin.0 = *(p as *mut *mut u8);
                bin.1 -= 1;
            }
            p
        }
    }

    /// Keep the free block `p` of class `c`; false when the class is full.
    ///
    /// # Safety
    /// Called on the owner thread only, with a block of at least `class_size(c)`
    /// bytes that nothing uses any more.
    #[inline]
    pub unsafe fn push(c: usize, p: *mut u8) -> bool {
        // SAFETY: owner thread only; the block is free and big enough for a pointer.
        unsafe {
            let bin = &mut (*BINS.0.get())[c];
            if bin.1 >= CAP {
                return false;
            }
            *(p as *mut *mut u8) = bin.0;
            bin.0 = p;
            bin.1 += 1;
            true
        }
    }
}

/// Serve the calling thread's small allocations from the ledger's free lists (see
/// the `cache` module); for the one interpreter thread.
pub fn own_cache() {
    cache::own();
}

/// The class of a layout served by the small-block lists.
#[inline]
fn small_class(layout: &Layout) -> Option<usize> {
    (layout.size() <= cache::MAX && layout.align() <= 16).then(|| cache::class(layout.size()))
}

/// The layout of the C allocator's block for class `c`.
#[inline]
fn class_layout(c: usize, align: usize) -> Layout {
    // SAFETY: a power-of-two alignment of at most 16 and a small size.
    unsafe { Layout::from_size_align_unchecked(cache::class_size(c), align) }
}

// SAFETY: every method forwards to `System`, small requests rounded up to their class
// size (the rounding is applied to every block of that size, whichever thread
// allocates or frees it, so the size passed back to `System` is the one it gave);
// the free lists hold only blocks no one uses.
unsafe impl GlobalAlloc for Ledger {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = match small_class(&layout) {
            Some(c) => {
                // SAFETY: `pop` on the owner thread only.
                let q = if cache::on_owner() {
                    unsafe { cache::pop(c) }
                } else {
                    std::ptr::null_mut()
                };
                if q.is_null() {
                    // SAFETY: a non-zero size (the caller's contract).
                    unsafe { System.alloc(class_layout(c, layout.align())) }
                } else {
                    q
                }
            }
            // SAFETY: same contract as the caller's.
            None => unsafe { System.alloc(layout) },
        };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = match small_class(&layout) {
            Some(_) => {
                // SAFETY: same contract as the caller's.
                let p = unsafe { self.alloc(layout) };
                if !p.is_null() {
                    // SAFETY: `p` holds at least `layout.size()` bytes.
                    unsafe { std::ptr::write_bytes(p, 0, layout.size()) };
                }
                return p;
            }
            // SAFETY: same contract as the caller's.
            None => unsafe { System.alloc_zeroed(layout) },
        };
        if !p.is_null() {
            add(layout.size() as isize);
        }
        p
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match small_class(&layout) {
            Some(c) => {
                // SAFETY: `push` on the owner thread only, with a block of class `c`
                // (allocated with at least its class size) that the caller frees.
                if !(cache::on_owner() && unsafe { cache::push(c, ptr) }) {
                    // SAFETY: the block was allocated with the class layout.
                    unsafe { System.dealloc(ptr, class_layout(c, layout.align())) };
                }
            }
            // SAFETY: same contract as the caller's.
            None => unsafe { System.dealloc(ptr, layout) },
        }
        add(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = small_class(&layout);
        // SAFETY: a valid alignment and a size the caller guarantees fits isize.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = small_class(&new_layout);
        let p = match (old, new) {
            // The block already has the room.
            (Some(a), Some(b)) if a == b => ptr,
            (Some(_), _) | (_, Some(_)) => {
                // Between a class and another size: a new block, as the rounding of
                // every small block to its class size requires.
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
            // SAFETY: same contract as the caller's.
            (None, None) => unsafe { System.realloc(ptr, layout, new_size) },
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
