//! The cycle collector: trial deletion over container objects (as CPython's gc).
//!
//! Every container object is registered here when created. A collection computes, for
//! each tracked object, its reference count minus the references from other tracked
//! objects; objects left with a positive count are reachable from outside (Rust
//! locals, registers, globals), and so is everything they reach. The rest is garbage
//! held only by cycles: their contents are cleared, which breaks the cycles and lets
//! reference counting free them.

use crate::object::{HeapObj, ObjData};
use crate::value::Value;
use std::cell::{Cell, RefCell};

thread_local! {
    static TRACKED: RefCell<Vec<*const HeapObj>> = const { RefCell::new(Vec::new()) };
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// `gc.enable()` / `gc.disable()`: whether collections start by themselves
/// (`gc.collect()` always runs).
pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

/// `gc.isenabled()`.
pub fn enabled() -> bool {
    ENABLED.with(|e| e.get())
}

/// Container allocations between automatic collections grow with the heap.
pub const GC_THRESHOLD: usize = 10_000;

pub(crate) fn track(v: &Value) {
    if let Some(o) = v.obj() {
        // The registry is interpreter bookkeeping, not a Python object.
        let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
        TRACKED.with(|t| {
            let mut t = t.borrow_mut();
            o.set_gc_index(t.len() as u32);
            t.push(o as *const HeapObj);
        });
        ALLOCS.with(|a| a.set(a.get() + 1));
        if should_collect() {
            // Safe at any allocation: every value the runtime holds is an owned
            // reference, so it counts as external and keeps its referents alive.
            collect();
        }
    }
}

pub(crate) fn untrack(o: &HeapObj) {
    let i = o.gc_index();
    if i == crate::object::GC_UNTRACKED {
        return;
    }
    TRACKED.with(|t| {
        let mut t = t.borrow_mut();
        let i = i as usize;
        if i < t.len() {
            t.swap_remove(i);
            if i < t.len() {
                // SAFETY: tracked pointers are live (untracked before being freed).
                unsafe { (*t[i]).set_gc_index(i as u32) };
            }
        }
    });
    o.set_gc_index(crate::object::GC_UNTRACKED);
}

/// Every live class object (for `type.__subclasses__`).
pub(crate) fn all_classes() -> Vec<Value> {
    TRACKED.with(|t| {
        t.borrow()
            .iter()
            // SAFETY: tracked pointers are live (untracked before being freed).
            .filter(|&&p| matches!(unsafe { &(*p).data }, ObjData::Type(_)))
            // SAFETY: as above; the clone takes its own reference.
            .map(|&p| unsafe { Value::from_obj_ref(p) })
            .collect()
    })
}

/// Number of container objects currently alive.
pub fn tracked_count() -> usize {
    TRACKED.with(|t| t.borrow().len())
}

/// True when enough containers were allocated since the last collection.
pub fn should_collect() -> bool {
    let n = ALLOCS.with(|a| a.get());
    // A full collection costs O(live containers); waiting until as many new ones
    // were allocated as are alive keeps its cost amortised O(1) per allocation.
    n > GC_THRESHOLD && n > tracked_count() && enabled()
}

/// Visit the values directly referenced by a container.
fn children(data: &ObjData, f: &mut dyn FnMut(&Value)) {
    match data {
        ObjData::List(l) => {
            if let Ok(l) = l.try_borrow() {
                l.iter().for_each(&mut *f)
            }
        }
        ObjData::Tuple(t) => t.iter().for_each(&mut *f),
        ObjData::Dict(d) | ObjData::Set(d) | ObjData::FrozenSet(d) => {
            if let Ok(d) = d.try_borrow() {
                for e in d.iter() {
                    f(&e.1);
                    f(&e.2);
                }
            }
        }
        ObjData::Func(func) => {
            f(&func.globals);
            if let Ok(d) = func.defaults.try_borrow() {
                f(&d);
            }
            if let Ok(d) = func.kwdefaults.try_borrow() {
                f(&d);
            }
            f(&func.closure);
            if let Ok(d) = func.dict.try_borrow() {
                if let Some(d) = &*d {
                    f(d);
                }
            }
        }
        ObjData::Type(t) => {
            t.bases.iter().for_each(&mut *f);
            // (The MRO starts with the class itself: a class is always in a cycle.)
            if let Ok(m) = t.mro.try_borrow() {
                m.iter().for_each(&mut *f);
            }
            if let Ok(m) = t.meta.try_borrow() {
                f(&m);
            }
            if let Ok(d) = t.dict.try_borrow() {
                for e in d.iter() {
                    f(&e.1);
                    f(&e.2);
                }
            }
        }
        ObjData::Instance(i) => i.for_each_value(f),
        ObjData::Cell(c) => {
            if let Ok(c) = c.try_borrow() {
                f(&c)
            }
        }
        ObjData::Gen(g) => {
            if let Ok(g) = g.try_borrow() {
                g.regs.iter().for_each(&mut *f);
                f(&g.func);
            }
        }
        ObjData::BoundMethod(b) => {
            f(&b.0);
            f(&b.1);
        }
        ObjData::Module(m) => f(&m.dict),
        ObjData::Deque(d) => {
            if let Ok(d) = d.items.try_borrow() {
                d.iter().for_each(&mut *f)
            }
        }
        ObjData::DequeIter(it) => {
            if let Ok(d) = it.deque.try_borrow() {
                f(&d)
            }
        }
        _ => {}
    }
}

/// Break the references a container holds (for garbage found in a cycle).
fn clear(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    let Some(data) = v.data() else { return out };
    match data {
        ObjData::List(l) => {
            if let Ok(mut l) = l.try_borrow_mut() {
                out.extend(l.drain(..));
            }
        }
        ObjData::Dict(d) | ObjData::Set(d) => {
            if let Ok(mut d) = d.try_borrow_mut() {
                for e in d.clear() {
                    out.push(e.1);
                    out.push(e.2);
                }
            }
        }
        ObjData::Instance(i) => i.clear(&mut out),
        ObjData::Cell(c) => {
            if let Ok(mut c) = c.try_borrow_mut() {
                out.push(std::mem::replace(&mut *c, Value::UNBOUND));
            }
        }
        ObjData::Type(t) => {
            if let Ok(mut d) = t.dict.try_borrow_mut() {
                for e in d.clear() {
                    out.push(e.1);
                    out.push(e.2);
                }
            }
            if let Ok(mut m) = t.mro.try_borrow_mut() {
                out.extend(m.drain(..));
            }
        }
        ObjData::Gen(g) => {
            if let Ok(mut g) = g.try_borrow_mut() {
                out.append(&mut g.regs);
                out.append(&mut g.exc_info);
            }
        }
        ObjData::Func(f) => {
            if let Ok(mut d) = f.dict.try_borrow_mut() {
                if let Some(d) = d.take() {
                    out.push(d);
                }
            }
        }
        ObjData::Deque(d) => {
            if let Ok(mut d) = d.items.try_borrow_mut() {
                out.extend(d.drain(..));
            }
        }
        ObjData::DequeIter(it) => {
            if let Ok(mut d) = it.deque.try_borrow_mut() {
                out.push(std::mem::replace(&mut *d, Value::NONE));
            }
        }
        _ => {}
    }
    out
}

static EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Where the collection epoch is (native code reads it).
pub fn epoch_ptr() -> *const u64 {
    EPOCH.as_ptr()
}

/// Number of collections so far (the clock bytecode flushing ages code by).
pub fn epoch() -> u64 {
    EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// Run a full collection; returns the number of unreachable objects found.
///
/// Its working memory is 4 bytes per tracked object (the trial reference counts)
/// plus the marking stack: the registry itself is borrowed, not copied, while the
/// objects are examined (nothing is tracked or untracked meanwhile: no Python code
/// runs and nothing is freed until the garbage is cleared).
pub fn collect() -> usize {
    EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    ALLOCS.with(|a| a.set(0));
    let objs: Vec<*const HeapObj> = TRACKED.with(|t| std::mem::take(&mut *t.borrow_mut()));
    let n = objs.len();
    // A tracked object's header holds its index in the registry, so a child's index
    // is read from the child itself: no hash map.
    let index_of = |c: &Value| -> Option<usize> {
        let o = c.obj()?;
        let i = o.gc_index() as usize;
        (i < n && std::ptr::eq(objs[i], o as *const HeapObj)).then_some(i)
    };
    // Trial counts: the reference count minus the references from other tracked
    // objects. Positive: referenced from outside (a root). `REACHED` marks an object
    // found alive from a root.
    const REACHED: i32 = i32::MIN;
    // SAFETY: all tracked pointers are live objects for the duration of this function
    // (nothing is freed until the garbage list is cleared at the end).
    let mut refs: Vec<i32> = objs
        .iter()
        .map(|&p| unsafe { (*p).refcount() }.min(i32::MAX as u32) as i32)
        .collect();
    for &p in &objs {
        // SAFETY: as above.
        let data = unsafe { &(*p).data };
        children(data, &mut |c| {
            if let Some(j) = index_of(c) {
                refs[j] = refs[j].saturating_sub(1).max(REACHED + 1);
            }
        });
    }
    // Everything reachable from a root is alive.
    let mut stack: Vec<u32> = Vec::new();
    for i in 0..n {
        if refs[i] <= 0 {
            continue;
        }
        stack.push(i as u32);
        while let Some(k) = stack.pop() {
            // SAFETY: as above.
            let data = unsafe { &(*objs[k as usize]).data };
            children(data, &mut |c| {
                if let Some(j) = index_of(c) {
                    if refs[j] <= 0 && refs[j] != REACHED {
                        refs[j] = REACHED;
                        stack.push(j as u32);
                    }
                }
            });
        }
    }
    drop(stack);
    // Take a reference to every garbage object so none is freed while we clear.
    let garbage: Vec<Value> = (0..n)
        .filter(|&i| refs[i] <= 0 && refs[i] != REACHED)
        // SAFETY: the object is live (tracked).
        .map(|i| unsafe { Value::from_obj_ref(objs[i]) })
        .collect();
    drop(refs);
    TRACKED.with(|t| *t.borrow_mut() = objs);
    let count = garbage.len();
    // Weak references to the garbage are cleared first (callbacks only for those
    // that are not garbage themselves), so nothing run from here on sees it.
    // (The registry is back in place: callbacks may allocate. The garbage is
    // told apart by address.)
    // Only when some garbage is weakly referenced (rarely) is the set made.
    if garbage
        .iter()
        .any(|g| g.obj().is_some_and(|o| o.weak_flag()))
    {
        let garbage_addrs: std::collections::HashSet<usize> = garbage
            .iter()
            .filter_map(|g| g.obj())
            .map(|o| o as *const HeapObj as usize)
            .collect();
        let is_garbage = |a: usize| -> bool { garbage_addrs.contains(&a) };
        for g in &garbage {
            if let Some(o) = g.obj().filter(|o| o.weak_flag()) {
                crate::weak::clear_for_collector(o, &is_garbage);
            }
        }
    }
    // Finalisers (`__del__`, a suspended generator's `finally`) run before anything
    // is cleared, as CPython's (PEP 442): this time the garbage is only queued for
    // them (which keeps it alive; a finaliser may resurrect it) and the next
    // collection clears what is still unreachable (`gc.collect()` runs both).
    let mut finalizable = false;
    for g in &garbage {
        if g.obj().is_some_and(crate::value::needs_finalizer) {
            crate::value::queue_finalizer(g.clone());
            finalizable = true;
        }
    }
    if finalizable {
        return count;
    }
    let mut dropped = Vec::new();
    for g in &garbage {
        dropped.extend(clear(g));
    }
    drop(dropped);
    drop(garbage);
    count
}

/// Objects whose `__del__` has still to run, in the order a breadth-first walk from
/// `root` meets them (lists visited from their end, as CPython's collector traverses
/// them), then any others still alive. At shutdown CPython finalises the main
/// module's garbage in this order, globals intact, before clearing anything.
pub(crate) fn pending_finalizers(root: &Value) -> Vec<Value> {
    fn wants_data(d: &ObjData) -> bool {
        matches!(d, ObjData::Instance(i)
            if !i.finalized()
                && matches!(i.class.data(), Some(ObjData::Type(t)) if t.has_del))
    }
    fn wants(v: &Value) -> bool {
        v.data().is_some_and(wants_data)
    }
    // Instances are tracked: when none has a `__del__` to run (the usual case),
    // there is no order to find and the heap is not walked.
    let any = TRACKED.with(|t| {
        t.borrow().iter().any(|&p| {
            // SAFETY: tracked objects are alive.
            wants_data(unsafe { &(*p).data })
        })
    });
    if !any {
        return Vec::new();
    }
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut queue = std::collections::VecDeque::from([root.clone()]);
    if let Some(o) = root.obj() {
        seen.insert(o as *const HeapObj as usize);
    }
    while let Some(v) = queue.pop_front() {
        let Some(o) = v.obj() else { continue };
        let mut kids = Vec::new();
        children(&o.data, &mut |c: &Value| {
            if c.is_ptr() {
                kids.push(c.clone())
            }
        });
        if matches!(o.data, ObjData::List(_)) {
            kids.reverse();
        }
        for k in kids {
            let Some(ko) = k.obj() else { continue };
            if !seen.insert(ko as *const HeapObj as usize) {
                continue;
            }
            if wants(&k) {
                out.push(k.clone());
            }
            queue.push_back(k);
        }
    }
    let rest: Vec<*const HeapObj> = TRACKED.with(|t| t.borrow().clone());
    for p in rest {
        if seen.contains(&(p as usize)) {
            continue;
        }
        // SAFETY: tracked objects are alive; a new reference is taken.
        let v = unsafe { Value::from_obj_ref(p) };
        if wants(&v) {
            out.push(v);
        }
    }
    out
}
