//! Values: one 64-bit word, NaN-boxed.
//!
//! ```text
//!  63      48 47                                             0
//! ┌──────────┬────────────────────────────────────────────────┐
//! │ < FFF9   │ any other pattern: an f64, stored as itself    │
//! │ FFF9     │ 48-bit signed integer (sign-extended on read)  │
//! │ FFFA     │ pointer to a HeapObj (48-bit address)          │
//! │ FFFB     │ special: 0 None, 1 False, 2 True, 3 unbound,   │
//! │          │          4 NotImplemented, 5 Ellipsis          │
//! └──────────┴────────────────────────────────────────────────┘
//! ```
//!
//! Every NaN a float operation produces is made a quiet NaN with its sign kept and a
//! payload of at most 48 bits (0x7FF8… or 0xFFF8… — the negative ones sit just below
//! the tag space; NaNs with arbitrary payloads could collide with it). Floats
//! therefore never allocate, and `math.copysign(1, -nan)` is -1.0 as in CPython. The payload is a sequence number, so every NaN made is a
//! distinct value, as every float object is in CPython: `x is x` holds for one NaN,
//! `float('nan') is float('nan')` does not, and containment (`is`, then `==`) of NaNs
//! in lists, dicts and sets follows.
//!
//! A pointer value owns one reference: `Clone` increments the object's count and
//! `Drop` decrements it. The last reference frees the object — iteratively, through a
//! work list, so dropping a million-long linked chain does not recurse on the Rust
//! stack. This module and `object.rs` are the only places that touch raw pointers.

use crate::object::{HeapObj, ObjData};
use std::cell::{Cell, RefCell};

#[repr(transparent)]
pub struct Value(u64);

const _: () = assert!(std::mem::size_of::<Value>() == 8);

const TAG_MASK: u64 = 0xFFFF << 48;
const TAG_INT: u64 = 0xFFF9 << 48;
const TAG_PTR: u64 = 0xFFFA << 48;
const TAG_SPECIAL: u64 = 0xFFFB << 48;
const PAYLOAD: u64 = (1 << 48) - 1;
const CANON_NAN: u64 = 0x7FF8_0000_0000_0000;
/// The payloads NaNs are given: 48 bits, so that a negative NaN (0xFFF8…) stays
/// below the tags.
const NAN_PAYLOAD: u64 = (1 << 48) - 1;
static NAN_SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Smallest and largest inline integers.
pub const INLINE_MIN: i64 = -(1 << 47);
pub const INLINE_MAX: i64 = (1 << 47) - 1;

impl Value {
    pub const NONE: Value = Value(TAG_SPECIAL);
    pub const FALSE: Value = Value(TAG_SPECIAL | 1);
    pub const TRUE: Value = Value(TAG_SPECIAL | 2);
    /// An empty register / unset local. Never visible to Python code.
    pub const UNBOUND: Value = Value(TAG_SPECIAL | 3);
    pub const NOT_IMPLEMENTED: Value = Value(TAG_SPECIAL | 4);
    pub const ELLIPSIS: Value = Value(TAG_SPECIAL | 5);

    #[inline]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            let n = NAN_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            // Payloads 1..2⁴⁸: payload 0 is the canonical NaN of compiled code; the
            // sign bit is the NaN's own.
            let sign = f.to_bits() & (1 << 63);
            Value(CANON_NAN | sign | ((n % NAN_PAYLOAD) + 1))
        } else {
            Value(f.to_bits())
        }
    }

    /// An inline int; the caller guarantees the range (see [`Value::fits_inline`]).
    #[inline]
    pub fn small_int(i: i64) -> Value {
        debug_assert!(Self::fits_inline(i));
        Value(TAG_INT | (i as u64 & PAYLOAD))
    }

    #[inline]
    pub fn fits_inline(i: i64) -> bool {
        (INLINE_MIN..=INLINE_MAX).contains(&i)
    }

    #[inline]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline]
    pub fn bits(&self) -> u64 {
        self.0
    }

    /// Take over the reference the bits `bits` carry (from native code).
    ///
    /// # Safety
    /// The caller owns a reference to the value (if it is an object).
    #[inline]
    pub unsafe fn from_owned_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// A new reference to the value whose bits are `bits`.
    ///
    /// # Safety
    /// If `bits` encode an object, it must be alive.
    #[inline]
    pub unsafe fn clone_from_bits(bits: u64) -> Value {
        let v = std::mem::ManuallyDrop::new(Value(bits));
        (*v).clone()
    }

    #[inline]
    pub fn is_float(&self) -> bool {
        self.0 < TAG_INT
    }

    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        if self.0 < TAG_INT {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    #[inline]
    pub fn is_small_int(&self) -> bool {
        self.0 & TAG_MASK == TAG_INT
    }

    #[inline]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }

    #[inline]
    pub fn is_ptr(&self) -> bool {
        self.0 & TAG_MASK == TAG_PTR
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        self.0 == Value::NONE.0
    }

    #[inline]
    pub fn is_unbound(&self) -> bool {
        self.0 == Value::UNBOUND.0
    }

    #[inline]
    pub fn is_bool(&self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }

    #[inline]
    pub fn is_true_const(&self) -> bool {
        self.0 == Value::TRUE.0
    }

    /// Identity (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// Wrap a new heap object.
    pub fn new_obj(data: ObjData) -> Value {
        let b = Box::new(HeapObj::new(data));
        let p = Box::into_raw(b) as u64;
        debug_assert!(p & TAG_MASK == 0, "heap addresses fit in 48 bits");
        let v = Value(TAG_PTR | p);
        if v.obj().map(|o| o.data.is_container()).unwrap_or(false) {
            crate::gc::track(&v);
        }
        v
    }

    /// The value of a freshly allocated heap object (count 1), registered with the
    /// collector when it is a container.
    ///
    /// # Safety
    /// `p` must be a fully initialised heap object allocated so that `free_object`
    /// can free it (see there), not yet owned by any value.
    pub(crate) unsafe fn from_new_obj(p: *mut HeapObj) -> Value {
        debug_assert!(p as u64 & TAG_MASK == 0, "heap addresses fit in 48 bits");
        let v = Value(TAG_PTR | p as u64);
        // SAFETY: the caller's contract.
        if unsafe { (*p).data.is_container() } {
            crate::gc::track(&v);
        }
        v
    }

    /// A new str object: header and text in one allocation (the text follows the
    /// `HeapObj`; `free_object` frees both with `str_layout`).
    pub fn new_str_obj(s: &str) -> Value {
        Value::new_str_parts(&[s], char_count(s))
    }

    /// A new str object whose text is `parts` concatenated, of `nchars` characters in
    /// all (the caller knows it: a concatenation adds its operands' counts), in one
    /// allocation and one copy of each part.
    pub fn new_str_parts(parts: &[&str], nchars: usize) -> Value {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let layout = str_layout(len);
        // SAFETY: the layout is non-zero-sized; the header is written before the
        // value is made, and the parts are copied into the `len` bytes after it.
        unsafe {
            let p = alloc_heap_obj(layout);
            let text = (p as *mut u8).add(std::mem::size_of::<HeapObj>());
            let mut at = text;
            for part in parts {
                std::ptr::copy_nonoverlapping(part.as_ptr(), at, part.len());
                at = at.add(part.len());
            }
            let buf = crate::object::StrBuf::from_raw(std::ptr::NonNull::new_unchecked(text), len);
            p.write(HeapObj::new(ObjData::Str(crate::object::StrObj {
                s: buf,
                nchars,
                hash: std::cell::Cell::new(-1),
            })));
            debug_assert!(p as u64 & TAG_MASK == 0, "heap addresses fit in 48 bits");
            Value(TAG_PTR | p as u64)
        }
    }

    /// A new str object from a built `String`. A long one keeps the string's own
    /// buffer (shrunk to fit) rather than being copied after a header: building a
    /// big str (a `join`, a file read) then needs its bytes once, not twice.
    /// `free_object` tells the two apart by where the text is.
    pub fn new_str_from_string(s: String) -> Value {
        if s.len() < STR_OWN_BUFFER {
            return Value::new_str_obj(&s);
        }
        let nchars = char_count(&s);
        let b: Box<str> = s.into_boxed_str();
        let len = b.len();
        let text = Box::into_raw(b) as *mut u8;
        // SAFETY: the text is a leaked `Box<str>` of `len` bytes, freed by
        // `free_object` with the object.
        let buf =
            unsafe { crate::object::StrBuf::from_raw(std::ptr::NonNull::new_unchecked(text), len) };
        Value::new_obj(ObjData::Str(crate::object::StrObj {
            s: buf,
            nchars,
            hash: std::cell::Cell::new(-1),
        }))
    }

    /// The heap object, if this is a pointer.
    #[inline]
    pub fn obj(&self) -> Option<&HeapObj> {
        if self.is_ptr() {
            // SAFETY: a pointer-tagged value owns a reference to a live HeapObj that
            // was created by `new_obj`; the object lives at least as long as `self`.
            Some(unsafe { &*((self.0 & PAYLOAD) as *const HeapObj) })
        } else {
            None
        }
    }

    #[inline]
    pub fn data(&self) -> Option<&ObjData> {
        self.obj().map(|o| &o.data)
    }

    /// The object's address (for `id()` and identity maps).
    #[inline]
    pub fn addr(&self) -> usize {
        (self.0 & PAYLOAD) as usize
    }

    /// Reconstruct a value from a raw pointer to a live object, taking a new reference.
    ///
    /// # Safety
    /// `p` must point to a live HeapObj.
    pub(crate) unsafe fn from_obj_ref(p: *const HeapObj) -> Value {
        // SAFETY: per the caller's contract the object is live.
        unsafe { (*p).incref() };
        Value(TAG_PTR | p as u64)
    }

    pub(crate) fn raw_ptr(&self) -> *const HeapObj {
        (self.0 & PAYLOAD) as *const HeapObj
    }
}

// Always inlined: a value is cloned or dropped in nearly every instruction, and in the
// interpreter loop (one very large function) LLVM otherwise calls them out of line.
impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(o) = self.obj() {
            o.incref();
        }
        Value(self.0)
    }
}

thread_local! {
    static FREE_LIST: RefCell<Vec<*mut HeapObj>> = const { RefCell::new(Vec::new()) };
    static FREEING: Cell<bool> = const { Cell::new(false) };
    /// Generators suspended inside a `try` whose last reference went away: their
    /// `finally`/`except` code must run (`close()`), which needs the VM, so they are
    /// kept alive here until the interpreter reaches a safe point (hard rule 4).
    static FINALIZE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether generators are waiting to be closed.
#[inline]
pub fn finalizers_pending() -> bool {
    PENDING.with(|p| p.get())
}

/// Make the interpreter stop at its next safe point for `Vm::run_finalizers` (weak
/// reference callbacks queue themselves in `crate::weak`).
pub(crate) fn mark_finalizers_pending() {
    PENDING.with(|f| f.set(true));
}

/// Queue an object's finaliser to run at the next safe point.
pub fn queue_finalizer(v: Value) {
    FINALIZE.with(|f| f.borrow_mut().push(v));
    PENDING.with(|f| f.set(true));
}

/// Take the generators waiting to be closed.
pub fn take_finalizers() -> Vec<Value> {
    PENDING.with(|p| p.set(false));
    FINALIZE.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

/// A suspended generator inside a protected range needs closing before it is freed.
pub(crate) fn needs_finalizer(o: &HeapObj) -> bool {
    match &o.data {
        ObjData::Instance(i) => {
            !i.finalized() && matches!(i.class.data(), Some(ObjData::Type(t)) if t.has_del)
        }
        ObjData::Gen(g) => match g.try_borrow() {
            Ok(g) => {
                g.state == crate::object::GenState::Suspended
                    && g.code.code.handler_for(g.pc.saturating_sub(1)).is_some()
            }
            Err(_) => false,
        },
        _ => false,
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if !self.is_ptr() {
            return;
        }
        let p = self.raw_ptr() as *mut HeapObj;
        // SAFETY: we own one reference to a live object.
        let last = unsafe { (*p).decref() };
        if last {
            free_object(p);
        }
    }
}

/// Characters in `s` (its length when ASCII).
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a str object's text is stored right after its header (`new_str_parts`)
/// rather than in a buffer of its own (`new_str_from_string`).
fn text_is_inline(p: *const HeapObj, text: *const u8) -> bool {
    text == (p as *const u8).wrapping_add(std::mem::size_of::<HeapObj>())
}

/// From this length on, a str built from a `String` keeps that string's buffer.
pub(crate) const STR_OWN_BUFFER: usize = 4096;

/// `s += t` where the str in `s` has no other reference: the text is extended in place
/// (CPython resizes an unshared str the same way), so building a long string by
/// appending is linear rather than quadratic. A short str is first moved into a str
/// with its own buffer once the result reaches [`STR_OWN_BUFFER`] bytes; a str with
/// its own buffer grows by `realloc`, its header staying where it is. False when the
/// operands are not two exact strs or the left one is shared (the caller then does
/// the ordinary `+=`).
pub(crate) fn str_append_in_place(left: &mut Value, right: &Value) -> bool {
    let Some(ho) = left.obj() else { return false };
    if ho.refcount() != 1 {
        return false;
    }
    let (ObjData::Str(a), Some(ObjData::Str(b))) = (&ho.data, right.data()) else {
        return false;
    };
    let p = left.raw_ptr() as *mut HeapObj;
    let (text, len) = (a.s.as_ptr() as *mut u8, a.s.len());
    let inline = text_is_inline(p, text);
    let (btext, blen, bchars) = (b.s.as_ptr(), b.s.len(), b.nchars);
    let total = len + blen;
    if inline {
        if total < STR_OWN_BUFFER {
            return false;
        }
        let mut s = String::with_capacity(total);
        s.push_str(&a.s);
        s.push_str(&b.s);
        *left = Value::new_str_from_string(s);
        return true;
    }
    // SAFETY: `left` holds the only reference to this str (count 1) and `right` is
    // another object (a second reference to the same str would make the count 2), so
    // nothing reads the text or the header while they change. The text is a
    // `Box<str>` of `len` bytes (`new_str_from_string`), reallocated with that layout
    // and freed by `free_object` with its new length.
    unsafe {
        let grown = std::alloc::realloc(
            text,
            std::alloc::Layout::from_size_align_unchecked(len, 1),
            total,
        );
        if grown.is_null() {
            std::alloc::handle_alloc_error(std::alloc::Layout::from_size_align_unchecked(total, 1));
        }
        std::ptr::copy_nonoverlapping(btext, grown.add(len), blen);
        if let ObjData::Str(so) = &mut (*p).data {
            so.s = crate::object::StrBuf::from_raw(std::ptr::NonNull::new_unchecked(grown), total);
            so.nchars += bchars;
            so.hash.set(-1);
        }
    }
    true
}

/// The allocation of a str object with `len` bytes of text.
/// Uninitialised memory for a heap object with trailing data (`layout` is at least a
/// `HeapObj`, aligned as one); allocation failure aborts, as `Box` does.
///
/// # Safety
/// The caller writes the `HeapObj` (and its trailing data) before making a value.
pub(crate) unsafe fn alloc_heap_obj(layout: std::alloc::Layout) -> *mut HeapObj {
    // SAFETY: the layout is non-zero-sized (it holds a HeapObj).
    let p = unsafe { std::alloc::alloc(layout) } as *mut HeapObj;
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    p
}

fn str_layout(len: usize) -> std::alloc::Layout {
    std::alloc::Layout::from_size_align(
        std::mem::size_of::<HeapObj>() + len,
        std::mem::align_of::<HeapObj>(),
    )
    .expect("str size")
}

/// Free an object whose count reached zero, and any objects that this frees in turn,
/// without recursion.
#[cold]
fn free_object(p: *mut HeapObj) {
    let nested = FREEING.with(|f| f.replace(true));
    if nested {
        FREE_LIST.with(|l| {
            let mut l = l.borrow_mut();
            if l.len() == l.capacity() {
                // The work list is the runtime's bookkeeping, not an object.
                let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
                let more = l.len().max(16);
                l.reserve(more);
            }
            l.push(p)
        });
        return;
    }
    let mut next = Some(p);
    while let Some(p) = next {
        // SAFETY: the count reached zero; the object is still intact.
        if unsafe { needs_finalizer(&*p) } {
            // SAFETY: resurrect it with a fresh reference, owned by the queue.
            let v = unsafe { Value::from_obj_ref(p) };
            FINALIZE.with(|f| f.borrow_mut().push(v));
            PENDING.with(|f| f.set(true));
            next = FREE_LIST.with(|l| l.borrow_mut().pop());
            continue;
        }
        // SAFETY: the object is intact until freed below.
        if unsafe { (*p).weak_flag() } {
            crate::weak::on_free(p);
        }
        // SAFETY: the count reached zero, so this is the only remaining handle; the
        // object came from Box::into_raw in `new_obj`.
        unsafe {
            crate::gc::untrack(&*p);
            match &(*p).data {
                // A str's text shares its allocation (see `Value::new_str_obj`).
                ObjData::Str(so) => {
                    let (text, len) = (so.s.as_ptr() as *mut u8, so.s.len());
                    let inline = text_is_inline(p, text);
                    std::ptr::drop_in_place(p);
                    if inline {
                        std::alloc::dealloc(p as *mut u8, str_layout(len));
                    } else {
                        // A long str's own buffer (`new_str_from_string`).
                        drop(Box::from_raw(
                            std::ptr::slice_from_raw_parts_mut(text, len) as *mut str
                        ));
                        drop(Box::from_raw(p));
                    }
                }
                // An instance's slots follow its header (`crate::instance`).
                ObjData::Instance(i) => {
                    let lay = crate::instance::layout(i.cap());
                    std::ptr::drop_in_place(p);
                    std::alloc::dealloc(p as *mut u8, lay);
                }
                // A freed class's address may be reused by a new class: caches
                // keyed by class address (the MRO lookup cache) are invalidated.
                ObjData::Type(_) => {
                    crate::types::bump_type_epoch();
                    drop(Box::from_raw(p));
                }
                _ => drop(Box::from_raw(p)),
            }
        }
        next = FREE_LIST.with(|l| l.borrow_mut().pop());
    }
    // A big container's items made the work list long: its memory goes back.
    FREE_LIST.with(|l| {
        let mut l = l.borrow_mut();
        if l.capacity() > FREE_LIST_KEEP {
            let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
            *l = Vec::new();
        }
    });
    FREEING.with(|f| f.set(false));
}

/// Entries of `FREE_LIST` kept allocated between frees.
const FREE_LIST_KEEP: usize = 1024;

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(x) = self.as_float() {
            write!(f, "Float({x})")
        } else if self.is_ptr() {
            write!(f, "Obj({:#x})", self.addr())
        } else {
            write!(f, "Special({})", self.0 & PAYLOAD)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_int_edges() {
        for i in [0, 1, -1, INLINE_MAX, INLINE_MIN, 12345, -99999] {
            let v = Value::small_int(i);
            assert_eq!(v.as_small_int(), Some(i));
            assert!(v.as_float().is_none());
        }
        assert!(!Value::fits_inline(INLINE_MAX + 1));
        assert!(!Value::fits_inline(INLINE_MIN - 1));
    }

    #[test]
    fn floats_round_trip_and_nans_are_distinct() {
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
        ] {
            let v = Value::float(f);
            assert_eq!(v.as_float().map(f64::to_bits), Some(f.to_bits()));
            assert!(v.as_small_int().is_none());
        }
        // A negative NaN whose bits are a pointer tag's: still a float, still
        // negative, payload moved into the 48 bits below the tags.
        let weird = f64::from_bits(0xFFFA_0000_0000_1234);
        let v = Value::float(weird);
        assert_eq!(v.bits() & !NAN_PAYLOAD, CANON_NAN | 1 << 63);
        assert!(v.is_float() && !v.is_ptr());
        assert!(v.as_float().unwrap().is_nan() && v.as_float().unwrap().is_sign_negative());
        let x86_default = f64::from_bits(0xFFF8_0000_0000_0000);
        let w = Value::float(x86_default);
        assert_eq!(w.bits() & !NAN_PAYLOAD, CANON_NAN | 1 << 63);
        assert!(w.is_float() && !w.is(&v));
        let pos = Value::float(f64::NAN);
        assert_eq!(pos.bits() & !NAN_PAYLOAD, CANON_NAN);
        assert!(pos.as_float().unwrap().is_sign_positive());
        // The largest payload stays below the int tag.
        const { assert!((CANON_NAN | 1 << 63 | NAN_PAYLOAD) < TAG_INT) };
        assert!(!Value::float(-0.0).is(&Value::float(0.0)));
    }

    #[test]
    fn specials_are_distinct() {
        let all = [
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            Value::UNBOUND,
            Value::NOT_IMPLEMENTED,
            Value::ELLIPSIS,
        ];
        for (i, a) in all.iter().enumerate() {
            assert!(a.as_float().is_none() && a.as_small_int().is_none() && !a.is_ptr());
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a.is(b));
            }
        }
    }
}
