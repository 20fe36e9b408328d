//! Instances of classes: one allocation holding the object header, the class, the
//! shape and the attribute slots.
//!
//! ```text
//!  HeapObj (48 bytes)                                         then cap-1 more slots
//! ┌────┬────┬─────┬───────┬───────┬───────────────┬────────┐┌────────┬────────┐
//! │ rc │ gc │ tag │ class │ shape │ rare | cap<<48 │ slot 0 ││ slot 1 │ …      │
//! └────┴────┴─────┴───────┴───────┴───────────────┴────────┘└────────┴────────┘
//! ```
//!
//! An instance reserves as many slots as the widest shape its class's instances have
//! had (see `Shape::reserve`), at least one: a two-attribute instance is 56 bytes.
//! The rare parts — an exception's state, the built-in value of a `class L(list)`
//! instance, a live `__dict__`, slots beyond the reserved ones, the finalised flag —
//! live in a separate `InstRare`, allocated only for instances that need one.
//!
//! Slots at or beyond the shape's length always hold `UNBOUND`, so adding an
//! attribute (here or in native code) writes a slot without releasing anything.
//!
//! Nothing here hands out a reference into the slots: reads clone, writes swap and
//! the old value is dropped after the instance is consistent again (dropping a value
//! can run `__del__`, which may look at this instance).

use crate::object::{ClassSlot, ExcData, HeapObj, ObjData};
use crate::shape::Shape;
use crate::value::Value;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

#[repr(C)]
pub struct InstanceObj {
    pub class: ClassSlot,
    shape: UnsafeCell<Rc<Shape>>,
    /// The `InstRare` pointer (low 48 bits, null: none) and the number of inline
    /// slots (high 16 bits).
    meta: Cell<u64>,
    /// The first inline slot; the others follow the heap object.
    slot0: UnsafeCell<Value>,
}

/// The parts of an instance that most instances do not have.
pub struct InstRare {
    pub exc: Option<RefCell<ExcData>>,
    /// For instances of subclasses of built-in types (`class L(list)`): the built-in
    /// value (a real list, int, str, …) that holds the data; unbound otherwise.
    pub base: Value,
    /// The live `__dict__` once a program asked for it (the attributes then live in
    /// it; the shape keeps only `__slots__` names).
    dict: UnsafeCell<Option<Value>>,
    /// Slots beyond the inline ones.
    pub(crate) overflow: UnsafeCell<Vec<Value>>,
    /// `__del__` has run (it runs at most once).
    finalized: Cell<bool>,
}

const PTR_MASK: u64 = (1 << 48) - 1;

/// Where the first slot is in a heap object (the last word of the `HeapObj`).
pub(crate) const SLOT0: usize = std::mem::size_of::<HeapObj>() - 8;

const _: () = {
    assert!(std::mem::size_of::<InstanceObj>() == 32);
    assert!(std::mem::size_of::<HeapObj>() == 48);
    assert!(std::mem::offset_of!(HeapObj, data) == 8);
};

/// The allocation of an instance with `cap` inline slots (at least one).
pub(crate) fn layout(cap: usize) -> std::alloc::Layout {
    std::alloc::Layout::from_size_align(SLOT0 + 8 * cap.max(1), std::mem::align_of::<HeapObj>())
        .expect("instance size")
}

/// A new instance of `cls`, starting with shape `root`, reserving slots for the
/// widest shape of `root`'s tree.
pub(crate) fn new_instance(
    cls: Value,
    root: &Rc<Shape>,
    exc: Option<ExcData>,
    base: Value,
) -> Value {
    let cap = root.reserve().max(1);
    let rare = if exc.is_some() || !base.is_unbound() {
        Box::into_raw(Box::new(InstRare {
            exc: exc.map(RefCell::new),
            base,
            ..InstRare::default()
        }))
    } else {
        std::ptr::null_mut()
    };
    debug_assert!(
        rare as u64 & !PTR_MASK == 0,
        "heap addresses fit in 48 bits"
    );
    let lay = layout(cap);
    // SAFETY: the layout is non-zero-sized. The header is written whole, then every
    // slot after it is initialised (to UNBOUND) before the value is made.
    unsafe {
        let p = crate::value::alloc_heap_obj(lay);
        p.write(HeapObj::new(ObjData::Instance(InstanceObj {
            class: ClassSlot::new(cls),
            shape: UnsafeCell::new(root.clone()),
            meta: Cell::new(rare as u64 | (cap as u64) << 48),
            slot0: UnsafeCell::new(Value::UNBOUND),
        })));
        let slots = (p as *mut u8).add(SLOT0) as *mut Value;
        for i in 1..cap {
            slots.add(i).write(Value::UNBOUND);
        }
        Value::from_new_obj(p)
    }
}

/// (pointer word, length word) offsets of the overflow vector in an `InstRare`, found
/// by `words` (see `crate::jit::object_layout`).
pub(crate) fn rare_overflow_words(words: impl Fn(&Vec<Value>, usize) -> (u32, u32)) -> (u32, u32) {
    let r = InstRare::default();
    // SAFETY: a private value, not shared.
    let ov = unsafe { &mut *r.overflow.get() };
    ov.reserve_exact(5);
    ov.extend([Value::NONE, Value::NONE]);
    words(ov, &r as *const InstRare as usize)
}

impl Default for InstRare {
    fn default() -> InstRare {
        InstRare {
            exc: None,
            base: Value::UNBOUND,
            dict: UnsafeCell::new(None),
            overflow: UnsafeCell::new(Vec::new()),
            finalized: Cell::new(false),
        }
    }
}

impl Drop for InstanceObj {
    fn drop(&mut self) {
        // (The class, shape and first slot are dropped as fields.)
        for i in 1..self.cap() {
            // SAFETY: inline slot `i` is initialised; it is read out once.
            drop(unsafe { self.slot_ptr(i).read() });
        }
        let r = (self.meta.get() & PTR_MASK) as *mut InstRare;
        if !r.is_null() {
            self.meta.set(self.meta.get() & !PTR_MASK);
            // SAFETY: the pointer came from Box::into_raw and is dropped once.
            drop(unsafe { Box::from_raw(r) });
        }
    }
}

impl InstanceObj {
    /// The number of inline slots.
    #[inline]
    pub fn cap(&self) -> usize {
        (self.meta.get() >> 48) as usize
    }

    /// The address of slot `i`: inline or (when the rare part's overflow has it)
    /// beyond. Callers keep `i` below the shape's length or the capacity.
    #[inline]
    fn slot_ptr(&self, i: usize) -> *mut Value {
        if i < self.cap() {
            // SAFETY: inline slots are contiguous from `slot0`, in the same
            // allocation (see `new_instance`).
            unsafe { self.slot0.get().add(i) }
        } else {
            let r = self.rare().expect("overflow slots");
            // SAFETY: no reference into the overflow vector is held across calls.
            unsafe { (*r.overflow.get()).as_mut_ptr().add(i - self.cap()) }
        }
    }

    fn rare(&self) -> Option<&InstRare> {
        let r = (self.meta.get() & PTR_MASK) as *const InstRare;
        // SAFETY: a non-null pointer is this instance's own InstRare, freed only
        // when the instance is dropped.
        unsafe { r.as_ref() }
    }

    /// The rare part, made if there is none yet.
    fn rare_or_make(&self) -> &InstRare {
        if self.rare().is_none() {
            let r = Box::into_raw(Box::<InstRare>::default());
            debug_assert!(r as u64 & !PTR_MASK == 0, "heap addresses fit in 48 bits");
            self.meta.set(self.meta.get() | r as u64);
        }
        self.rare().expect("just made")
    }

    /// The exception state of an exception instance.
    #[inline]
    pub fn exc(&self) -> Option<&RefCell<ExcData>> {
        self.rare().and_then(|r| r.exc.as_ref())
    }

    /// The built-in value a `class L(list)` instance wraps (unbound: none).
    #[inline]
    pub fn base(&self) -> &Value {
        const UNBOUND: &Value = &Value::UNBOUND;
        match self.rare() {
            Some(r) => &r.base,
            None => UNBOUND,
        }
    }

    /// Whether `__del__` has run.
    pub fn finalized(&self) -> bool {
        self.rare().is_some_and(|r| r.finalized.get())
    }

    pub fn set_finalized(&self) {
        self.rare_or_make().finalized.set(true);
    }

    /// The current shape.
    pub fn shape(&self) -> Rc<Shape> {
        // SAFETY: the Rc is cloned, not borrowed across any change.
        unsafe { (*self.shape.get()).clone() }
    }

    /// The shape's Rc word (what inline caches and native code compare).
    #[inline]
    pub fn shape_word(&self) -> u64 {
        // SAFETY: a short-lived read of the Rc's bits.
        crate::interp::shape_word(unsafe { &*self.shape.get() })
    }

    /// Where the shape and the class are, for native code.
    pub(crate) fn shape_addr(&self) -> *const u8 {
        self.shape.get() as *const u8
    }
    pub(crate) fn meta_addr(&self) -> *const u8 {
        self.meta.as_ptr() as *const u8
    }
    pub(crate) fn slot0_addr(&self) -> *const u8 {
        self.slot0.get() as *const u8
    }

    /// Replace the shape, returning the old one (to drop when convenient).
    fn set_shape(&self, s: Rc<Shape>) -> Rc<Shape> {
        // SAFETY: no reference to the Rc is held across this call.
        unsafe { std::mem::replace(&mut *self.shape.get(), s) }
    }

    /// The slot of `name` in the current shape.
    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<usize> {
        // SAFETY: the shape is only read during the lookup.
        unsafe { (&*self.shape.get()).lookup(name) }
    }

    /// The number of slots in use (the shape's length).
    #[inline]
    pub fn nslots(&self) -> usize {
        // SAFETY: as above.
        unsafe { (&*self.shape.get()).names.len() }
    }

    /// Slot `i`'s value (possibly UNBOUND: deleted), or None beyond the shape.
    #[inline]
    pub fn slot(&self, i: usize) -> Option<Value> {
        if i < self.nslots() {
            // SAFETY: `i` is below the shape's length: the slot exists.
            Some(unsafe { (*self.slot_ptr(i)).clone() })
        } else {
            None
        }
    }

    /// Put `v` in slot `i` (below the shape's length); returns the old value.
    #[inline]
    pub fn replace_slot(&self, i: usize, v: Value) -> Value {
        assert!(i < self.nslots(), "slot within the shape");
        // SAFETY: the slot exists; no reference into it is held.
        unsafe { std::ptr::replace(self.slot_ptr(i), v) }
    }

    /// Take shape `next` (the current one plus one name) and put `v` in its new
    /// last slot.
    pub fn push_slot(&self, next: Rc<Shape>, v: Value) {
        let i = self.nslots();
        debug_assert_eq!(next.names.len(), i + 1);
        if i >= self.cap() {
            let r = self.rare_or_make();
            // SAFETY: no reference into the overflow vector is held across calls.
            let ov = unsafe { &mut *r.overflow.get() };
            ov.resize(i + 1 - self.cap(), Value::UNBOUND);
        }
        // SAFETY: the slot exists and holds UNBOUND (nothing to release).
        unsafe { self.slot_ptr(i).write(v) };
        drop(self.set_shape(next));
    }

    /// The live `__dict__`, if the program asked for one.
    pub fn dict(&self) -> Option<Value> {
        // SAFETY: cloned out; no reference is held.
        self.rare().and_then(|r| unsafe { (*r.dict.get()).clone() })
    }

    pub fn has_dict(&self) -> bool {
        // SAFETY: a short-lived read.
        self.rare()
            .is_some_and(|r| unsafe { (*r.dict.get()).is_some() })
    }

    /// Make `d` the live `__dict__`, returning the previous one.
    pub fn replace_dict(&self, d: Value) -> Option<Value> {
        // SAFETY: swapped in, not borrowed.
        unsafe { std::ptr::replace(self.rare_or_make().dict.get(), Some(d)) }
    }

    /// Visit every value the instance holds (for the collector).
    pub(crate) fn for_each_value(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.class);
        for i in 0..self.nslots() {
            // SAFETY: `f` only looks at the value (the collector's visits never run
            // Python code), so the reference does not outlive a change.
            f(unsafe { &*self.slot_ptr(i) });
        }
        if let Some(r) = self.rare() {
            f(&r.base);
            // SAFETY: as above.
            if let Some(d) = unsafe { &*r.dict.get() } {
                f(d);
            }
            if let Some(e) = &r.exc {
                if let Ok(e) = e.try_borrow() {
                    f(&e.args);
                    f(&e.cause);
                    f(&e.context);
                }
            }
        }
    }

    /// Take out every value the attributes hold (to break a garbage cycle): the
    /// instance is left with an empty shape.
    pub(crate) fn clear(&self, out: &mut Vec<Value>) {
        for i in 0..self.nslots() {
            // SAFETY: the slot exists; it is swapped, not borrowed.
            out.push(unsafe { std::ptr::replace(self.slot_ptr(i), Value::UNBOUND) });
        }
        drop(self.set_shape(Shape::root()));
        if let Some(r) = self.rare() {
            // SAFETY: swapped out, not borrowed.
            unsafe {
                if let Some(d) = (*r.dict.get()).take() {
                    out.push(d);
                }
                (*r.overflow.get()).clear();
            }
            if let Some(e) = &r.exc {
                if let Ok(mut e) = e.try_borrow_mut() {
                    out.push(std::mem::replace(&mut e.args, Value::NONE));
                    out.push(std::mem::replace(&mut e.cause, Value::NONE));
                    out.push(std::mem::replace(&mut e.context, Value::NONE));
                }
            }
        }
    }

    pub fn get(&self, name: &Value) -> Option<Value> {
        if let Some(d) = self.dict() {
            if let Some(i) = self.lookup(name) {
                return self.slot(i).filter(|v| !v.is_unbound());
            }
            return crate::shape::dict_attr(&d, name);
        }
        self.lookup(name)
            .and_then(|i| self.slot(i))
            .filter(|v| !v.is_unbound())
    }

    pub fn set(&self, name: &Value, v: Value) {
        let dict = self.dict();
        let old = match (self.lookup(name), &dict) {
            (Some(i), _) => self.replace_slot(i, v),
            (None, Some(d)) => {
                crate::shape::dict_attr_set(d, name, v);
                return;
            }
            (None, None) => {
                let next = self.shape().with(name);
                self.push_slot(next, v);
                return;
            }
        };
        drop(old);
    }

    /// Deleting leaves the slot unbound (the shape stays; the name reads as missing).
    pub fn del(&self, name: &Value) -> bool {
        match self.lookup(name) {
            Some(i) => {
                let old = self.replace_slot(i, Value::UNBOUND);
                let was = !old.is_unbound();
                drop(old);
                was
            }
            None => match self.dict() {
                Some(d) => crate::shape::dict_attr_del(&d, name),
                None => false,
            },
        }
    }

    /// Whether `name` is in a slot with a bound attribute after it: deleting it and
    /// setting it again must put it last, as in a dict.
    pub fn has_bound_after(&self, name: &Value) -> bool {
        let Some(i) = self.lookup(name) else {
            return false;
        };
        let n = self.shape().names.len();
        (i + 1..n).any(|j| self.slot(j).is_some_and(|v| !v.is_unbound()))
    }

    /// (name, value) of every attribute, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        if let Some(d) = self.dict() {
            return crate::shape::dict_items(&d);
        }
        let shape = self.shape();
        shape
            .names
            .iter()
            .enumerate()
            .filter_map(|(i, k)| Some((k.clone(), self.slot(i)?)))
            .filter(|(_, v)| !v.is_unbound())
            .collect()
    }

    /// Move the attributes into `d` (a new, empty dict), which becomes the live
    /// `__dict__`; the names in `keep` (`__slots__`) stay in slots.
    pub fn into_dict(&self, d: Value, keep: &[Value]) {
        let shape = self.set_shape(Shape::dict_root());
        let values: Vec<Value> = (0..shape.names.len())
            // SAFETY: the old shape's slots exist; each is swapped out once.
            .map(|i| unsafe { std::ptr::replace(self.slot_ptr(i), Value::UNBOUND) })
            .collect();
        let mut moved = Vec::new();
        for (k, v) in shape.names.iter().zip(values) {
            if keep.iter().any(|s| s.addr() == k.addr()) {
                let next = self.shape().with(k);
                self.push_slot(next, v);
            } else if !v.is_unbound() {
                moved.push((k.clone(), v));
            }
        }
        crate::shape::dict_fill(&d, moved);
        drop(self.replace_dict(d));
        drop(shape);
    }
}
