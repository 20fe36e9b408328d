//! Weak references (the native part of `weakref`).
//!
//! A weak reference is an ordinary instance of a library class (`weakref.ref`, its
//! subclasses, the proxy classes: `lib/_weakref.py`); what makes it weak lives here,
//! in two tables keyed by object address: each referent's list of weak references
//! (in CPython's order: the shared plain reference, the shared plain proxy, then the
//! others newest first), and each weak reference's (referent, callback). Neither
//! holds a reference to the objects they name. An object in either table has the
//! `GC_WEAK` bit of its header set, so freeing any other object costs one bit test,
//! and objects never weakly referenced carry no extra memory.
//!
//! When a referent is freed (its count reached zero, or the cycle collector broke
//! the cycle holding it) its weak references are cleared at once, and their
//! callbacks are queued to run at the interpreter's next safe point, like `__del__`
//! (`Vm::run_finalizers`). A weak reference freed first leaves its referent's list,
//! and its callback never runs.

use crate::object::{HeapObj, ObjData};
use crate::{Args, PyResult, Value, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

/// What a weak reference is, for sharing and for its place in the referent's list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `weakref.ref(obj)` itself, without a callback: one per referent, shared.
    BasicRef,
    /// `weakref.proxy(obj)` without a callback: one per referent, shared.
    BasicProxy,
    /// Anything else (a callback, a subclass).
    Other,
}

struct Entry {
    target: usize,
    callback: Value,
    kind: Kind,
}

#[derive(Default)]
struct Tables {
    /// Referent address → its weak references' addresses.
    referents: HashMap<usize, Vec<usize>, crate::FxBuild>,
    /// Weak reference address → what it refers to.
    refs: HashMap<usize, Entry, crate::FxBuild>,
}

thread_local! {
    static TABLES: RefCell<Tables> = RefCell::new(Tables::default());
    /// (callback, weak reference) pairs waiting for a safe point.
    static CALLBACKS: RefCell<Vec<(Value, Value)>> = const { RefCell::new(Vec::new()) };
    /// Interpreter shutdown: weak references are still cleared, callbacks not run.
    static STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From interpreter shutdown on, callbacks of cleared weak references are dropped.
pub fn stop_callbacks() {
    STOPPED.with(|s| s.set(true));
    drop(take_callbacks());
}

fn addr(v: &Value) -> Option<usize> {
    v.obj().map(|o| o as *const HeapObj as usize)
}

/// Clear the header bit of an object no longer in either table.
fn update_flag(t: &Tables, a: usize) {
    if !t.refs.contains_key(&a) && !t.referents.contains_key(&a) {
        // SAFETY: callers pass addresses of objects that are not yet deallocated
        // (alive, or being freed by `free_object`).
        unsafe { (*(a as *const HeapObj)).set_weak_flag(false) };
    }
}

/// Called by `free_object` for an object whose `GC_WEAK` bit is set, before its
/// memory is released.
pub(crate) fn on_free(p: *const HeapObj) {
    let a = p as usize;
    let mut dropped: Vec<Value> = Vec::new();
    let mut queued: Vec<(Value, Value)> = Vec::new();
    TABLES.with(|t| {
        let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
        let mut t = t.borrow_mut();
        // As a weak reference: leave the referent's list.
        if let Some(e) = t.refs.remove(&a) {
            if let Some(list) = t.referents.get_mut(&e.target) {
                list.retain(|&r| r != a);
                if list.is_empty() {
                    t.referents.remove(&e.target);
                    update_flag(&t, e.target);
                }
            }
            dropped.push(e.callback);
        }
        // As a referent: its weak references die now.
        clear_referent(&mut t, a, &|_| false, &mut queued, &mut dropped);
        shrink(&mut t);
    });
    queue(queued);
    drop(dropped);
}

/// Give back the tables' memory once most of their entries are gone.
fn shrink(t: &mut Tables) {
    if t.refs.capacity() > 1024 && t.refs.len() * 8 < t.refs.capacity() {
        t.refs.shrink_to(t.refs.len() * 2);
    }
    if t.referents.capacity() > 1024 && t.referents.len() * 8 < t.referents.capacity() {
        t.referents.shrink_to(t.referents.len() * 2);
    }
}

/// Clear the weak references to the object at `a`, queueing the callbacks of those
/// that are alive and not `garbage`.
fn clear_referent(
    t: &mut Tables,
    a: usize,
    garbage: &dyn Fn(usize) -> bool,
    queued: &mut Vec<(Value, Value)>,
    dropped: &mut Vec<Value>,
) {
    let Some(list) = t.referents.remove(&a) else {
        return;
    };
    update_flag(t, a);
    for r in list {
        let Some(e) = t.refs.remove(&r) else { continue };
        update_flag(t, r);
        let rp = r as *const HeapObj;
        // SAFETY: a weak reference in the tables is not deallocated (freeing it
        // removes it first); a count of zero means it is being freed in this same
        // cascade, and then, as when it is garbage, its callback does not run
        // (CPython does not call the callbacks of weak references that are garbage).
        let alive = unsafe { (*rp).refcount() } > 0 && !garbage(r);
        if !e.callback.is_none() && alive && !STOPPED.with(|s| s.get()) {
            // SAFETY: as above, it is alive.
            queued.push((e.callback, unsafe { Value::from_obj_ref(rp) }));
        } else {
            dropped.push(e.callback);
        }
    }
}

fn queue(queued: Vec<(Value, Value)>) {
    if !queued.is_empty() {
        CALLBACKS.with(|c| c.borrow_mut().extend(queued));
        crate::value::mark_finalizers_pending();
    }
}

/// The cycle collector found the object at `a` unreachable: its weak references are
/// cleared before any of the garbage is touched, and only the callbacks of those
/// that are not garbage themselves will run (CPython's `handle_weakrefs`).
pub(crate) fn clear_for_collector(a: *const HeapObj, garbage: &dyn Fn(usize) -> bool) {
    let mut dropped: Vec<Value> = Vec::new();
    let mut queued: Vec<(Value, Value)> = Vec::new();
    TABLES.with(|t| {
        let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
        let mut t = t.borrow_mut();
        clear_referent(&mut t, a as usize, garbage, &mut queued, &mut dropped);
        shrink(&mut t);
    });
    queue(queued);
    drop(dropped);
}

/// The callbacks of cleared weak references, for `Vm::run_finalizers`.
pub fn take_callbacks() -> Vec<(Value, Value)> {
    CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

/// Can `v` be weakly referenced? As CPython: instances of classes whose instances
/// have a `__dict__` or a `__weakref__` slot (not of built-in classes such as
/// `object` or `Exception`), classes, functions, methods, built-in functions, sets,
/// frozensets, generators and modules.
pub fn weakrefable(v: &Value) -> bool {
    match v.data() {
        Some(ObjData::Instance(i)) => match crate::types::type_obj(&i.class) {
            Some(t) if !t.builtin => match &t.slots {
                None => true,
                Some(names) => names
                    .iter()
                    .any(|n| matches!(n.data(), Some(ObjData::Str(s)) if &*s.s == "__weakref__")),
            },
            _ => false,
        },
        Some(
            ObjData::Type(_)
            | ObjData::Func(_)
            | ObjData::BoundMethod(_)
            | ObjData::Builtin(_)
            | ObjData::Set(_)
            | ObjData::FrozenSet(_)
            | ObjData::Gen(_)
            | ObjData::Module(_),
        ) => true,
        _ => false,
    }
}

/// The referent of the weak reference `wr`, if it is alive.
pub fn referent(wr: &Value) -> Option<Value> {
    let a = addr(wr)?;
    let target = TABLES.with(|t| t.borrow().refs.get(&a).map(|e| e.target))? as *const HeapObj;
    // SAFETY: a referent in the tables is not deallocated (freeing it removes its
    // entries); one whose count is zero is being freed, and is gone already.
    if unsafe { (*target).refcount() } == 0 {
        return None;
    }
    // SAFETY: as above, it is alive.
    Some(unsafe { Value::from_obj_ref(target) })
}

/// The weak references to `obj`, in CPython's order.
pub fn refs_to(obj: &Value) -> Vec<Value> {
    let Some(a) = addr(obj) else {
        return Vec::new();
    };
    let list = TABLES.with(|t| t.borrow().referents.get(&a).cloned().unwrap_or_default());
    list.into_iter()
        // SAFETY: weak references in the tables are not deallocated; those being
        // freed (count zero) are left out.
        .filter(|&r| unsafe { (*(r as *const HeapObj)).refcount() } > 0)
        .map(|r| unsafe { Value::from_obj_ref(r as *const HeapObj) })
        .collect()
}

fn arg<'a>(vm: &mut Vm, a: &'a Args, i: usize, f: &str) -> PyResult<&'a Value> {
    match a.pos.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(&format!("{f}: missing argument"))),
    }
}

thread_local! {
    /// `weakref.ref` itself (`_lethe.weakref_set_type`): its plain instances are shared.
    static REF_TYPE: RefCell<Value> = const { RefCell::new(Value::NONE) };
}

/// `_lethe.weakref_set_type(cls)`: the class `weakref.ref` is.
pub fn l_weakref_set_type(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = arg(vm, a, 0, "weakref_set_type")?.clone();
    REF_TYPE.with(|t| *t.borrow_mut() = cls);
    Ok(Value::NONE)
}

/// `weakref.ref.__new__(cls, obj[, callback])`, with CPython's argument checks.
pub fn l_weakref_make(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let n = a.pos.len().saturating_sub(1);
    if n == 0 {
        return Err(vm.type_error("__new__ expected at least 1 argument, got 0"));
    }
    if n > 2 {
        return Err(vm.type_error(&format!("__new__ expected at most 2 arguments, got {n}")));
    }
    let cls = a.pos[0].clone();
    let plain = REF_TYPE.with(|t| t.borrow().is(&cls));
    let callback = a.pos.get(2).cloned().unwrap_or(Value::NONE);
    let kind = Value::small_int(if plain { 0 } else { 2 });
    l_weakref_new(vm, &Args::new(vec![cls, a.pos[1].clone(), callback, kind]))
}

/// `weakref.ref.__init__`: the arguments were checked by `__new__`.
pub fn l_weakref_init(_vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// `_lethe.weakref_new(cls, obj, callback, kind)`: a weak reference to `obj` that is
/// a new instance of `cls` (kind 0: a plain `weakref.ref`, 1: a plain proxy, shared
/// with an existing one when there is no callback; 2: anything else).
pub fn l_weakref_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let cls = arg(vm, a, 0, "weakref_new")?.clone();
    let obj = arg(vm, a, 1, "weakref_new")?.clone();
    let callback = arg(vm, a, 2, "weakref_new")?.clone();
    let kind = match crate::ops::as_i64(arg(vm, a, 3, "weakref_new")?) {
        Some(0) if callback.is_none() => Kind::BasicRef,
        Some(1) if callback.is_none() => Kind::BasicProxy,
        _ => Kind::Other,
    };
    if !weakrefable(&obj) {
        let tn = vm.type_name(&obj);
        return Err(vm.type_error(&format!("cannot create weak reference to '{tn}' object")));
    }
    let Some(target) = addr(&obj) else {
        unreachable!("weakrefable objects are heap objects")
    };
    if kind != Kind::Other {
        let shared = TABLES.with(|t| {
            let t = t.borrow();
            let list = t.referents.get(&target)?;
            list.iter()
                .copied()
                .find(|r| t.refs.get(r).is_some_and(|e| e.kind == kind))
        });
        if let Some(r) = shared {
            // SAFETY: a weak reference in the tables is not deallocated; a count of
            // zero (being freed) is not shared.
            if unsafe { (*(r as *const HeapObj)).refcount() } > 0 {
                return Ok(unsafe { Value::from_obj_ref(r as *const HeapObj) });
            }
        }
    }
    let wr = vm.new_instance(&cls);
    let Some(w) = addr(&wr) else {
        unreachable!("an instance is a heap object")
    };
    // Placed as CPython does: the shared plain reference first, the shared plain
    // proxy after it, everything else after those two (newest first).
    TABLES.with(|t| {
        let _g = lethe_ledger::scope(lethe_ledger::Category::Runtime);
        let mut t = t.borrow_mut();
        let kind_at = |i: usize| -> Kind {
            t.referents
                .get(&target)
                .and_then(|l| l.get(i))
                .and_then(|r| t.refs.get(r))
                .map_or(Kind::Other, |e| e.kind)
        };
        let pos = match kind {
            Kind::BasicRef => 0,
            Kind::BasicProxy => usize::from(kind_at(0) == Kind::BasicRef),
            // (At most two shared ones lead.)
            Kind::Other => (0..2).take_while(|&i| kind_at(i) != Kind::Other).count(),
        };
        t.referents.entry(target).or_default().insert(pos, w);
        t.refs.insert(
            w,
            Entry {
                target,
                callback,
                kind,
            },
        );
    });
    if let Some(o) = obj.obj() {
        o.set_weak_flag(true);
    }
    if let Some(o) = wr.obj() {
        o.set_weak_flag(true);
    }
    Ok(wr)
}

/// `_lethe.weakref_get(wr)`: the referent, or None once it is gone (also
/// `weakref.ref.__call__`, with CPython's argument checks).
pub fn l_weakref_get(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if !a.kw.is_empty() {
        return Err(vm.type_error("weakref() takes no keyword arguments"));
    }
    if a.pos.len() > 1 {
        let n = a.pos.len() - 1;
        return Err(vm.type_error(&format!("weakref expected 0 arguments, got {n}")));
    }
    let wr = arg(vm, a, 0, "weakref_get")?;
    Ok(referent(wr).unwrap_or(Value::NONE))
}

/// `_lethe.weakref_callback(wr)`: the callback of a live weak reference, else None.
pub fn l_weakref_callback(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let wr = arg(vm, a, 0, "weakref_callback")?;
    let Some(w) = addr(wr) else {
        return Ok(Value::NONE);
    };
    Ok(TABLES.with(|t| {
        t.borrow()
            .refs
            .get(&w)
            .map(|e| e.callback.clone())
            .unwrap_or(Value::NONE)
    }))
}

/// `_lethe.weakref_refs(obj)`: the weak references to `obj` (a list).
pub fn l_weakref_refs(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = arg(vm, a, 0, "weakref_refs")?;
    let l = refs_to(obj);
    Ok(vm.new_list(l))
}

/// `_lethe.weakref_weakrefable(obj)`: whether `obj` can be weakly referenced.
pub fn l_weakref_weakrefable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let obj = arg(vm, a, 0, "weakref_weakrefable")?;
    Ok(Value::bool(weakrefable(obj)))
}

/// (referents, weak references) in the tables (for tests).
pub fn table_sizes() -> (usize, usize) {
    TABLES.with(|t| {
        let t = t.borrow();
        (t.referents.len(), t.refs.len())
    })
}
