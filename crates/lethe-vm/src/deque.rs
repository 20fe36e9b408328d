//! `collections.deque`: a ring buffer (`VecDeque<Value>`) behind a Python class.
//!
//! `collections.py` defines the classes `deque`, `_deque_iterator` and
//! `_deque_reverse_iterator` (so that subclassing, `isinstance` and the abstract
//! base classes work as for any class) and hands them to [`l_deque_setup`], which
//! fills their dicts with the native methods here. An instance keeps its items in
//! the built-in value it wraps (`InstRare::base`, as a `class L(list)` instance
//! does): an `ObjData::Deque`. `Vm::plain_base` never unwraps it, so every protocol
//! reaches these methods through the class, as CPython's type slots would.
//!
//! As CPython's, the deque counts its structural changes (`state`): iterators and
//! comparisons that call back into Python check it and raise `RuntimeError: deque
//! mutated during iteration`. No `RefCell` borrow is held across a call into
//! Python, and removed items are dropped only after the borrow is released (a
//! `__del__` may look at the deque).

use crate::object::ObjData;
use crate::ops::{int_ref, IntRef};
use crate::{Args, PyResult, Value, Vm};
use lethe_compiler::bytecode::{BinOp, CmpOp};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

/// The items of a deque (the built-in value a deque instance wraps).
pub struct DequeObj {
    pub items: RefCell<VecDeque<Value>>,
    /// None: unbounded. Set by `__init__` (which may run again).
    pub maxlen: Cell<Option<usize>>,
    /// Bumped by every change of the items' positions (not by `d[i] = x`).
    pub state: Cell<u64>,
}

/// The state of a deque iterator (the built-in value an iterator instance wraps).
pub struct DequeIterObj {
    /// The deque iterated over (the instance, as CPython's iterator holds it).
    pub deque: RefCell<Value>,
    /// The position of the next item (counting from the left end).
    pub index: Cell<usize>,
    /// Items still to produce.
    pub counter: Cell<usize>,
    /// The deque's `state` when the iterator was made.
    pub state: u64,
    pub reverse: bool,
}

impl DequeObj {
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    /// Append on the right, dropping from the left past `maxlen`; returns what fell
    /// off (to be dropped by the caller once nothing is borrowed).
    fn push_back(&self, v: Value) -> Option<Value> {
        self.bump();
        let mut it = self.items.borrow_mut();
        it.push_back(v);
        match self.maxlen.get() {
            Some(m) if it.len() > m => it.pop_front(),
            _ => None,
        }
    }
    fn push_front(&self, v: Value) -> Option<Value> {
        self.bump();
        let mut it = self.items.borrow_mut();
        it.push_front(v);
        match self.maxlen.get() {
            Some(m) if it.len() > m => it.pop_back(),
            _ => None,
        }
    }
    fn take_all(&self) -> VecDeque<Value> {
        self.bump();
        std::mem::take(&mut *self.items.borrow_mut())
    }
}

/// The classes `collections.py` registered (by `deque_setup`).
fn deque_class(vm: &Vm) -> Value {
    vm.t.named("collections.deque")
}

thread_local! {
    /// The bits of the `deque`, `_deque_iterator` and `_deque_reverse_iterator`
    /// classes (0: not set up).
    static CLASSES: Cell<[u64; 3]> = const { Cell::new([0; 3]) };
    /// The last subclass of `deque` checked by `plain`: (class bits, type epoch,
    /// whether it keeps deque's protocol methods).
    static PLAIN: Cell<(u64, u64, bool)> = const { Cell::new((0, 0, false)) };
}

/// The protocol methods the runtime's operations take a shortcut to (`plain`).
const PROTOCOL: &[&str] = &[
    "__len__",
    "__bool__",
    "__getitem__",
    "__setitem__",
    "__contains__",
    "__iter__",
];

/// The items of `v` when it is a deque whose class does not override the
/// protocol methods (then `len(d)`, `bool(d)`, `d[i]` need not call them): the
/// runtime's operations try this first.
#[inline]
pub(crate) fn plain<'a>(vm: &mut Vm, v: &'a Value) -> Option<&'a DequeObj> {
    let Some(ObjData::Instance(i)) = v.data() else {
        return None;
    };
    let Some(ObjData::Deque(d)) = i.base().data() else {
        return None;
    };
    let cls = i.class.bits();
    if cls == CLASSES.with(|c| c.get()[0]) {
        return Some(d);
    }
    let epoch = crate::types::type_epoch();
    let (c, e, ok) = PLAIN.with(|p| p.get());
    if c == cls && e == epoch {
        return ok.then_some(d);
    }
    let ok = keeps_protocol(vm, &i.class);
    PLAIN.with(|p| p.set((cls, epoch, ok)));
    ok.then_some(d)
}

/// No class before `deque` in `cls`'s MRO defines a `PROTOCOL` method.
fn keeps_protocol(vm: &mut Vm, cls: &Value) -> bool {
    let dq = deque_class(vm);
    let Some(t) = crate::types::type_obj(cls) else {
        return false;
    };
    let mro = t.mro.borrow().clone();
    let names: Vec<Value> = PROTOCOL.iter().map(|n| vm.intern(n)).collect();
    for c in &mro {
        if c.is(&dq) {
            return true;
        }
        let Some(ct) = crate::types::type_obj(c) else {
            return false;
        };
        for n in &names {
            if let Ok(Some(_)) = vm.table_get(&ct.dict, n) {
                return false;
            }
        }
    }
    false
}

/// `d[key]` for a `plain` deque.
pub(crate) fn getitem(vm: &mut Vm, d: &DequeObj, key: &Value) -> PyResult<Value> {
    if let Some(i) = key.as_small_int() {
        let it = d.items.borrow();
        let j = if i < 0 { i + it.len() as i64 } else { i };
        if j >= 0 && (j as usize) < it.len() {
            return Ok(it[j as usize].clone());
        }
    }
    let i = position(vm, d, key)?;
    d.get(i)
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

/// `next(it)` for a deque iterator (None: `it` is not one). Ok(None): exhausted.
#[inline]
pub(crate) fn next(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let Some(ObjData::Instance(i)) = it.data() else {
        return None;
    };
    let Some(ObjData::DequeIter(st)) = i.base().data() else {
        return None;
    };
    // (Only the exact iterator classes: a subclass may define `__next__`.)
    let c = i.class.bits();
    let [_, fwd, rev] = CLASSES.with(|c| c.get());
    if c != fwd && c != rev {
        return None;
    }
    Some(step(vm, st))
}

fn step(vm: &mut Vm, it: &DequeIterObj) -> PyResult<Option<Value>> {
    let dv = it.deque.borrow().clone();
    let Some(d) = deque_of(&dv) else {
        return Ok(None);
    };
    if d.state.get() != it.state {
        it.counter.set(0);
        return Err(mutated(vm));
    }
    if it.counter.get() == 0 {
        return Ok(None);
    }
    let i = it.index.get();
    let v = d.get(i);
    it.counter.set(it.counter.get() - 1);
    it.index
        .set(if it.reverse { i.wrapping_sub(1) } else { i + 1 });
    Ok(v)
}

/// The deque an instance wraps, if it is one.
pub(crate) fn deque_of(v: &Value) -> Option<&DequeObj> {
    match v.data()? {
        ObjData::Instance(i) => match i.base().data() {
            Some(ObjData::Deque(d)) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

fn recv<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<&'a DequeObj> {
    let Some(v) = a.pos.first() else {
        return Err(vm.type_error(&format!("unbound method deque.{name}() needs an argument")));
    };
    match deque_of(v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// The special methods CPython implements as type slots.
const SLOTS: &[&str] = &[
    "__len__",
    "__getitem__",
    "__delitem__",
    "__contains__",
    "__iter__",
    "__add__",
    "__iadd__",
    "__mul__",
    "__rmul__",
    "__imul__",
    "__repr__",
];

/// Exactly `n` arguments after the receiver (CPython's METH_O / METH_NOARGS errors).
fn arity(vm: &mut Vm, a: &Args, name: &str, n: usize) -> PyResult<()> {
    let got = a.pos.len().saturating_sub(1);
    if got == n {
        return Ok(());
    }
    // Slot wrappers (`d.__len__(1)`) word it as CPython's wrappers do.
    let slot = SLOTS.contains(&name);
    // (`d.__mul__()`'s wrapper unpacks its arguments with no name: CPython's
    // message starts with a space.)
    let sp = if matches!(name, "__mul__" | "__rmul__" | "__imul__") {
        " "
    } else {
        ""
    };
    Err(vm.type_error(&match (n, slot) {
        (_, true) => format!(
            "{sp}expected {n} argument{}, got {got}",
            if n == 1 { "" } else { "s" }
        ),
        (0, _) => format!("deque.{name}() takes no arguments ({got} given)"),
        _ => format!("deque.{name}() takes exactly one argument ({got} given)"),
    }))
}

/// A Py_ssize_t argument (`__index__`), as CPython's "n" format.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match int_ref(v) {
        Some(IntRef::Small(i)) => return Ok(i),
        Some(IntRef::Big(b)) => {
            use num_traits::ToPrimitive;
            return b
                .to_i64()
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"));
        }
        None => {}
    }
    if matches!(v.data(), Some(ObjData::Instance(_))) {
        if let Some(f) = vm.lookup_special(v, "__index__") {
            let r = vm.call(&f, vec![v.clone()])?;
            if int_ref(&r).is_some() {
                return ssize_arg(vm, &r);
            }
            let tn = vm.type_name(&r);
            return Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!(
        "'{tn}' object cannot be interpreted as an integer"
    )))
}

fn mutated(vm: &mut Vm) -> Value {
    vm.runtime_error("deque mutated during iteration")
}

/// Whether `item == x`, identity first (as `PyObject_RichCompareBool`).
fn same(vm: &mut Vm, item: &Value, x: &Value) -> PyResult<bool> {
    Ok(item.is(x) || vm.eq(item, x)?)
}

// ---------------------------------------------------------------- construction

fn new_deque_value() -> Value {
    Value::new_obj(ObjData::Deque(Box::new(DequeObj {
        items: RefCell::new(VecDeque::new()),
        maxlen: Cell::new(None),
        state: Cell::new(0),
    })))
}

/// `deque.__new__(cls, *args, **kw)`: an empty deque (`__init__` fills it).
fn d_new(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let Some(cls) = a.pos.first() else {
        return Err(vm.type_error("deque.__new__(): not enough arguments"));
    };
    let dq = deque_class(vm);
    if crate::types::type_obj(cls).is_none() {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(&format!(
            "collections.deque.__new__(X): X is not a type object ({tn})"
        )));
    }
    if !vm.is_subclass(cls, &dq) {
        let n = crate::types::type_obj(cls)
            .map(|t| t.name.borrow().clone())
            .unwrap_or_default();
        return Err(vm.type_error(&format!(
            "collections.deque.__new__({n}): {n} is not a subtype of collections.deque"
        )));
    }
    Ok(vm.new_instance_base(cls, new_deque_value()))
}

/// A new deque of the receiver's exact class `deque` with `maxlen` and `items`.
fn make(vm: &mut Vm, maxlen: Option<usize>, items: VecDeque<Value>) -> Value {
    let cls = deque_class(vm);
    let v = vm.new_instance_base(&cls, new_deque_value());
    if let Some(d) = deque_of(&v) {
        d.maxlen.set(maxlen);
        *d.items.borrow_mut() = items;
    }
    v
}

/// `deque.__init__(self, iterable=(), maxlen=None)` (keywords are placed by
/// `kwcheck`).
fn d_init(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__init__")?;
    let n = a.pos.len() - 1;
    if n > 2 {
        return Err(vm.type_error(&format!("deque() takes at most 2 arguments ({n} given)")));
    }
    // (`kwcheck` made keywords positional up to the first one missing.)
    let kw = |name: &str| a.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v);
    let maxlen = match a.pos.get(2).or_else(|| kw("maxlen")) {
        None => None,
        Some(m) if m.is_none() || m.is_unbound() => None,
        Some(m) => {
            // (An int only: CPython's PyLong_AsSsize_t, no `__index__`.)
            if int_ref(m).is_none() {
                return Err(vm.type_error("an integer is required"));
            }
            let m = ssize_arg(vm, m)?;
            if m < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        drop(d.take_all());
    }
    match a.pos.get(1).or_else(|| kw("iterable")) {
        Some(it) if !it.is_unbound() => extend(vm, &a.pos[0], d, it, false).map(|_| Value::NONE),
        _ => Ok(Value::NONE),
    }
}

// ---------------------------------------------------------------- adding and removing

fn d_append(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "append")?;
    arity(vm, a, "append", 1)?;
    drop(d.push_back(a.pos[1].clone()));
    Ok(Value::NONE)
}

fn d_appendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "appendleft")?;
    arity(vm, a, "appendleft", 1)?;
    drop(d.push_front(a.pos[1].clone()));
    Ok(Value::NONE)
}

fn d_pop(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "pop")?;
    arity(vm, a, "pop", 0)?;
    let v = d.items.borrow_mut().pop_back();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn d_popleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "popleft")?;
    arity(vm, a, "popleft", 0)?;
    let v = d.items.borrow_mut().pop_front();
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

/// Add every item of `src` at the right (or, `left`, at the left one by one).
fn extend(vm: &mut Vm, slf: &Value, d: &DequeObj, src: &Value, left: bool) -> PyResult<()> {
    let push = |d: &DequeObj, v: Value| {
        drop(if left {
            d.push_front(v)
        } else {
            d.push_back(v)
        });
    };
    // The deque itself: a snapshot first (CPython makes a list).
    if src.is(slf) {
        let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
        for v in items {
            push(d, v);
        }
        return Ok(());
    }
    match src.data() {
        Some(ObjData::List(l)) => {
            // Pushing runs no Python code but a dropped item's `__del__`, which
            // may change the list: read it by index.
            let mut i = 0;
            loop {
                let v = match l.borrow().get(i) {
                    Some(v) => v.clone(),
                    None => break,
                };
                push(d, v);
                i += 1;
            }
            Ok(())
        }
        Some(ObjData::Tuple(t)) => {
            if d.maxlen.get().is_none() && !left {
                d.bump();
                d.items.borrow_mut().extend(t.iter().cloned());
                return Ok(());
            }
            for v in t.iter() {
                push(d, v.clone());
            }
            Ok(())
        }
        _ => {
            let it = vm.iter(src)?;
            while let Some(v) = vm.next(&it)? {
                push(d, v);
            }
            Ok(())
        }
    }
}

fn d_extend(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "extend")?;
    arity(vm, a, "extend", 1)?;
    extend(vm, &a.pos[0], d, &a.pos[1], false)?;
    Ok(Value::NONE)
}

fn d_extendleft(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "extendleft")?;
    arity(vm, a, "extendleft", 1)?;
    extend(vm, &a.pos[0], d, &a.pos[1], true)?;
    Ok(Value::NONE)
}

fn d_clear(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "clear")?;
    arity(vm, a, "clear", 0)?;
    drop(d.take_all());
    Ok(Value::NONE)
}

fn d_insert(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "insert")?;
    let n = a.pos.len() - 1;
    if n != 2 {
        return Err(vm.type_error(&format!("insert() takes exactly 2 arguments ({n} given)")));
    }
    let i = ssize_arg(vm, &a.pos[1])?;
    let len = d.len();
    if d.maxlen.get() == Some(len) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let at = if i < 0 {
        (i + len as i64).max(0) as usize
    } else {
        (i as usize).min(len)
    };
    d.bump();
    d.items.borrow_mut().insert(at, a.pos[2].clone());
    Ok(Value::NONE)
}

fn d_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "remove")?;
    arity(vm, a, "remove", 1)?;
    let x = &a.pos[1];
    let start = d.state.get();
    let n = d.len();
    for i in 0..n {
        let Some(item) = d.get(i) else { break };
        let eq = same(vm, &item, x)?;
        if d.state.get() != start {
            return Err(vm.index_error("deque mutated during iteration"));
        }
        if eq {
            d.bump();
            let old = d.items.borrow_mut().remove(i);
            drop(old);
            return Ok(Value::NONE);
        }
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(&format!("{r} is not in deque")))
}

fn d_rotate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "rotate")?;
    let n = a.pos.len() - 1;
    if n > 1 {
        return Err(vm.type_error(&format!(
            "deque.rotate expected at most 1 argument, got {n}"
        )));
    }
    let k = match a.pos.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    let len = d.len();
    if len <= 1 {
        return Ok(Value::NONE);
    }
    let k = k.rem_euclid(len as i64) as usize;
    d.bump();
    if k != 0 {
        d.items.borrow_mut().rotate_right(k);
    }
    Ok(Value::NONE)
}

fn d_reverse(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "reverse")?;
    arity(vm, a, "reverse", 0)?;
    d.bump();
    let mut it = d.items.borrow_mut();
    let n = it.len();
    for i in 0..n / 2 {
        it.swap(i, n - 1 - i);
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- searching

fn d_count(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "count")?;
    arity(vm, a, "count", 1)?;
    let start = d.state.get();
    let mut c = 0i64;
    for i in 0..d.len() {
        let Some(item) = d.get(i) else { break };
        if same(vm, &item, &a.pos[1])? {
            c += 1;
        }
        if d.state.get() != start {
            return Err(mutated(vm));
        }
    }
    Ok(Value::small_int(c))
}

fn d_contains(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__contains__")?;
    arity(vm, a, "__contains__", 1)?;
    let start = d.state.get();
    for i in 0..d.len() {
        let Some(item) = d.get(i) else { break };
        let eq = same(vm, &item, &a.pos[1])?;
        if d.state.get() != start {
            return Err(mutated(vm));
        }
        if eq {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// A slice bound of `index()` (`_PyEval_SliceIndexNotNone`).
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match int_ref(v) {
        Some(IntRef::Small(i)) => Ok(i),
        Some(IntRef::Big(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        None => {
            if matches!(v.data(), Some(ObjData::Instance(_)))
                && vm.lookup_special(v, "__index__").is_some()
            {
                return ssize_arg(vm, v);
            }
            Err(vm.type_error("slice indices must be integers or have an __index__ method"))
        }
    }
}

fn d_index(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "index")?;
    let n = a.pos.len() - 1;
    if n == 0 {
        return Err(vm.type_error("index() takes at least 1 argument (0 given)"));
    }
    if n > 3 {
        return Err(vm.type_error(&format!("index() takes at most 3 arguments ({n} given)")));
    }
    let len = d.len() as i64;
    let mut start = match a.pos.get(2) {
        Some(v) => slice_bound(vm, v)?,
        None => 0,
    };
    let mut stop = match a.pos.get(3) {
        Some(v) => slice_bound(vm, v)?,
        None => i64::MAX,
    };
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    if stop < 0 {
        stop = stop.saturating_add(len).max(0);
    }
    stop = stop.min(len);
    start = start.min(stop);
    let state = d.state.get();
    for i in start..stop {
        let Some(item) = d.get(i as usize) else { break };
        let eq = same(vm, &item, &a.pos[1])?;
        if d.state.get() != state {
            return Err(mutated(vm));
        }
        if eq {
            return Ok(Value::small_int(i));
        }
    }
    let r = vm.repr(&a.pos[1])?;
    Err(vm.value_error(&format!("{r} is not in deque")))
}

// ---------------------------------------------------------------- sequence protocol

fn d_len(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__len__")?;
    arity(vm, a, "__len__", 0)?;
    Ok(Value::small_int(d.len() as i64))
}

/// A position for `d[i]` (negative from the right), or IndexError.
fn position(vm: &mut Vm, d: &DequeObj, key: &Value) -> PyResult<usize> {
    let i = match int_ref(key) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        None => {
            if matches!(key.data(), Some(ObjData::Instance(_)))
                && vm.lookup_special(key, "__index__").is_some()
            {
                ssize_arg(vm, key)?
            } else {
                let tn = vm.type_name(key);
                return Err(vm.type_error(&format!("sequence index must be integer, not '{tn}'")));
            }
        }
    };
    let len = d.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn d_getitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__getitem__")?;
    arity(vm, a, "__getitem__", 1)?;
    if let Some(i) = a.pos[1].as_small_int() {
        let it = d.items.borrow();
        let j = if i < 0 { i + it.len() as i64 } else { i };
        if j >= 0 && (j as usize) < it.len() {
            return Ok(it[j as usize].clone());
        }
    }
    let i = position(vm, d, &a.pos[1])?;
    d.get(i)
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn d_setitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__setitem__")?;
    let n = a.pos.len() - 1;
    if n != 2 {
        // (The leading space is CPython's: `PyArg_UnpackTuple` with no name.)
        return Err(vm.type_error(&format!(" expected 2 arguments, got {n}")));
    }
    let i = position(vm, d, &a.pos[1])?;
    let old = match d.items.borrow_mut().get_mut(i) {
        Some(slot) => std::mem::replace(slot, a.pos[2].clone()),
        None => return Err(vm.index_error("deque index out of range")),
    };
    drop(old);
    Ok(Value::NONE)
}

fn d_delitem(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__delitem__")?;
    arity(vm, a, "__delitem__", 1)?;
    let i = position(vm, d, &a.pos[1])?;
    d.bump();
    let old = d.items.borrow_mut().remove(i);
    drop(old);
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- iteration

fn new_iter(vm: &mut Vm, slf: &Value, reverse: bool) -> PyResult<Value> {
    let Some(d) = deque_of(slf) else {
        return Err(vm.type_error("deque expected"));
    };
    let len = d.len();
    let data = Value::new_obj(ObjData::DequeIter(Box::new(DequeIterObj {
        deque: RefCell::new(slf.clone()),
        index: Cell::new(if reverse { len.wrapping_sub(1) } else { 0 }),
        counter: Cell::new(len),
        state: d.state.get(),
        reverse,
    })));
    let cls = vm.t.named(if reverse {
        "collections._deque_reverse_iterator"
    } else {
        "collections._deque_iterator"
    });
    Ok(vm.new_instance_base(&cls, data))
}

fn d_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "__iter__")?;
    arity(vm, a, "__iter__", 0)?;
    new_iter(vm, &a.pos[0], false)
}

fn d_reversed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "__reversed__")?;
    arity(vm, a, "__reversed__", 0)?;
    new_iter(vm, &a.pos[0], true)
}

fn iter_recv<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a DequeIterObj> {
    let it = a.pos.first().and_then(|v| match v.data()? {
        ObjData::Instance(i) => match i.base().data() {
            Some(ObjData::DequeIter(it)) => Some(&**it),
            _ => None,
        },
        _ => None,
    });
    it.ok_or_else(|| vm.type_error("deque iterator expected"))
}

fn it_next(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = iter_recv(vm, a)?;
    match step(vm, it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn it_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    iter_recv(vm, a)?;
    Ok(a.pos[0].clone())
}

fn it_length_hint(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let it = iter_recv(vm, a)?;
    Ok(Value::small_int(it.counter.get() as i64))
}

// ---------------------------------------------------------------- comparison

fn compare(vm: &mut Vm, a: &Args, op: CmpOp, name: &str) -> PyResult<Value> {
    let v = recv(vm, a, name)?;
    arity(vm, a, name, 1)?;
    let Some(w) = deque_of(&a.pos[1]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (vs, ws) = (v.len(), w.len());
    let same_obj = std::ptr::eq(v, w);
    match op {
        CmpOp::Eq if same_obj => return Ok(Value::TRUE),
        CmpOp::Eq if vs != ws => return Ok(Value::FALSE),
        CmpOp::Ne if same_obj => return Ok(Value::FALSE),
        CmpOp::Ne if vs != ws => return Ok(Value::TRUE),
        _ => {}
    }
    let (sv, sw) = (v.state.get(), w.state.get());
    let mut i = 0;
    let (x, y) = loop {
        if v.state.get() != sv || w.state.get() != sw {
            return Err(mutated(vm));
        }
        let (x, y) = (v.get(i), w.get(i));
        let (Some(xi), Some(yi)) = (&x, &y) else {
            break (x, y);
        };
        if !same(vm, xi, yi)? {
            return vm.compare(op, xi, yi);
        }
        i += 1;
    };
    Ok(Value::bool(match op {
        CmpOp::Lt => y.is_some(),
        CmpOp::Le => x.is_none(),
        CmpOp::Eq => x.is_none() && y.is_none(),
        CmpOp::Ne => x.is_some() || y.is_some(),
        CmpOp::Gt => x.is_some(),
        _ => y.is_none(),
    }))
}

/// `_lethe.deque_cmp(a, b, op)` (op: 0 `<`, 1 `<=`, 2 `==`, 3 `!=`, 4 `>`, 5 `>=`):
/// the class's comparison methods are Python functions calling this (the
/// comparison operators pass over native methods of instances).
pub fn l_deque_cmp(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 3 {
        return Err(vm.type_error("deque_cmp(a, b, op)"));
    }
    let op = match a.pos[2].as_small_int() {
        Some(0) => CmpOp::Lt,
        Some(1) => CmpOp::Le,
        Some(2) => CmpOp::Eq,
        Some(3) => CmpOp::Ne,
        Some(4) => CmpOp::Gt,
        _ => CmpOp::Ge,
    };
    let args = Args::new(vec![a.pos[0].clone(), a.pos[1].clone()]);
    compare(vm, &args, op, "__eq__")
}

// ---------------------------------------------------------------- copying and arithmetic

/// `d.copy()`: an exact deque is copied directly; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`, as CPython does.
fn copy_of(vm: &mut Vm, slf: &Value) -> PyResult<Value> {
    let Some(d) = deque_of(slf) else {
        return Err(vm.type_error("deque expected"));
    };
    let cls = vm.type_of(slf);
    if cls.is(&deque_class(vm)) {
        let items = d.items.borrow().clone();
        return Ok(make(vm, d.maxlen.get(), items));
    }
    let mut args = vec![slf.clone()];
    if let Some(m) = d.maxlen.get() {
        args.push(Value::small_int(m as i64));
    }
    vm.call(&cls, args)
}

fn d_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "copy")?;
    arity(vm, a, "copy", 0)?;
    copy_of(vm, &a.pos[0])
}

fn d_dunder_copy(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "__copy__")?;
    arity(vm, a, "__copy__", 0)?;
    copy_of(vm, &a.pos[0])
}

fn d_add(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "__add__")?;
    arity(vm, a, "__add__", 1)?;
    if deque_of(&a.pos[1]).is_none() {
        let tn = vm.type_name(&a.pos[1]);
        return Err(vm.type_error(&format!(
            "can only concatenate deque (not \"{tn}\") to deque"
        )));
    }
    let new = copy_of(vm, &a.pos[0])?;
    if let Some(nd) = deque_of(&new) {
        extend(vm, &new, nd, &a.pos[1], false)?;
    }
    Ok(new)
}

fn d_iadd(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__iadd__")?;
    arity(vm, a, "__iadd__", 1)?;
    extend(vm, &a.pos[0], d, &a.pos[1], false)?;
    Ok(a.pos[0].clone())
}

/// The count of `d * n`: None when the operand is not an integer and has its own
/// reflected operation (the operator then tries it).
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if int_ref(n).is_some()
        || (matches!(n.data(), Some(ObjData::Instance(_)))
            && vm.lookup_special(n, "__index__").is_some())
    {
        return match ssize_arg(vm, n) {
            Ok(k) => Ok(Some(k)),
            Err(_) if matches!(int_ref(n), Some(IntRef::Big(_))) => {
                Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
            }
            Err(e) => Err(e),
        };
    }
    if matches!(n.data(), Some(ObjData::Instance(_))) && vm.lookup_special(n, "__rmul__").is_some()
    {
        return Ok(None);
    }
    let tn = vm.type_name(n);
    Err(vm.type_error(&format!(
        "can't multiply sequence by non-int of type '{tn}'"
    )))
}

/// Repeat the items in place (`maxlen` keeps the rightmost ones).
fn repeat_in_place(vm: &mut Vm, d: &DequeObj, n: i64) -> PyResult<()> {
    let len = d.len();
    if n <= 0 || len == 0 {
        if len > 0 {
            drop(d.take_all());
        }
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    let total = (len as u128) * (n as u128);
    // (CPython's limit: the product must fit a Py_ssize_t, except for one item.)
    if len > 1 && total > isize::MAX as u128 {
        let cls = vm.exc_type("MemoryError");
        return Err(vm.new_exc(&cls, vec![]));
    }
    let keep = match d.maxlen.get() {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / 8 {
        let cls = vm.exc_type("MemoryError");
        return Err(vm.new_exc(&cls, vec![]));
    }
    d.bump();
    let mut it = d.items.borrow_mut();
    let orig: Vec<Value> = it.iter().cloned().collect();
    // The result is the last `keep` items of `orig * n` (u128: `n` may be huge when
    // `maxlen` bounds the result).
    let start = ((total - keep) % len as u128) as usize;
    let keep = keep as usize;
    let mut out = VecDeque::with_capacity(keep);
    for k in 0..keep {
        out.push_back(orig[(start + k) % len].clone());
    }
    let old = std::mem::replace(&mut *it, out);
    drop(it);
    drop(old);
    Ok(())
}

fn d_mul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    recv(vm, a, "__mul__")?;
    arity(vm, a, "__mul__", 1)?;
    let Some(n) = repeat_count(vm, &a.pos[1])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let new = copy_of(vm, &a.pos[0])?;
    if let Some(nd) = deque_of(&new) {
        repeat_in_place(vm, nd, n)?;
    }
    Ok(new)
}

fn d_imul(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__imul__")?;
    arity(vm, a, "__imul__", 1)?;
    let Some(n) = repeat_count(vm, &a.pos[1])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    repeat_in_place(vm, d, n)?;
    Ok(a.pos[0].clone())
}

// ---------------------------------------------------------------- repr and attributes

thread_local! {
    /// Deques whose repr is being made (a deque inside itself shows as `[...]`).
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn d_repr(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__repr__")?;
    arity(vm, a, "__repr__", 0)?;
    let addr = a.pos[0].addr();
    if REPR_ACTIVE.with(|r| r.borrow().contains(&addr)) {
        return Ok(vm.new_str("[...]"));
    }
    let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let list = vm.new_list(items);
    REPR_ACTIVE.with(|r| r.borrow_mut().push(addr));
    let r = vm.repr(&list);
    REPR_ACTIVE.with(|r| r.borrow_mut().pop());
    let r = r?;
    let cls = vm.type_of(&a.pos[0]);
    let name = crate::types::type_obj(&cls)
        .map(|t| t.name.borrow().clone())
        .unwrap_or_default();
    let s = match d.maxlen.get() {
        Some(m) => format!("{name}({r}, maxlen={m})"),
        None => format!("{name}({r})"),
    };
    Ok(vm.new_string(s))
}

fn d_maxlen(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "maxlen")?;
    Ok(match d.maxlen.get() {
        Some(m) => Value::small_int(m as i64),
        None => Value::NONE,
    })
}

fn d_sizeof(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let d = recv(vm, a, "__sizeof__")?;
    let n = 48 + 32 + 48 + d.items.borrow().capacity() * 8;
    Ok(Value::small_int(n as i64))
}

const DEQUE_METHODS: &[(&str, crate::object::NativeFn)] = &[
    ("__init__", d_init),
    ("append", d_append),
    ("appendleft", d_appendleft),
    ("pop", d_pop),
    ("popleft", d_popleft),
    ("extend", d_extend),
    ("extendleft", d_extendleft),
    ("clear", d_clear),
    ("copy", d_copy),
    ("__copy__", d_dunder_copy),
    ("count", d_count),
    ("index", d_index),
    ("insert", d_insert),
    ("remove", d_remove),
    ("reverse", d_reverse),
    ("rotate", d_rotate),
    ("__len__", d_len),
    ("__getitem__", d_getitem),
    ("__setitem__", d_setitem),
    ("__delitem__", d_delitem),
    ("__contains__", d_contains),
    ("__iter__", d_iter),
    ("__reversed__", d_reversed),
    ("__add__", d_add),
    ("__iadd__", d_iadd),
    ("__mul__", d_mul),
    ("__rmul__", d_mul),
    ("__imul__", d_imul),
    ("__repr__", d_repr),
    ("__sizeof__", d_sizeof),
];

const ITER_METHODS: &[(&str, crate::object::NativeFn)] = &[
    ("__iter__", it_iter),
    ("__next__", it_next),
    ("__length_hint__", it_length_hint),
];

fn set_attr(vm: &mut Vm, cls: &Value, name: &str, v: Value) -> PyResult<()> {
    let k = vm.intern(name);
    vm.setattr(cls, &k, v)
}

/// `_lethe.deque_setup(deque, iterator, reverse_iterator)`: install the native
/// methods in the classes `collections.py` made.
pub fn l_deque_setup(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 3 || a.pos.iter().any(|c| crate::types::type_obj(c).is_none()) {
        return Err(vm.type_error("deque_setup(deque, iterator, reverse_iterator)"));
    }
    let (dq, it, rit) = (a.pos[0].clone(), a.pos[1].clone(), a.pos[2].clone());
    for (name, f) in DEQUE_METHODS {
        let v = vm.new_native(name, "deque", *f);
        set_attr(vm, &dq, name, v)?;
    }
    let new = vm.new_native("__new__", "deque", d_new);
    set_attr(
        vm,
        &dq,
        "__new__",
        Value::new_obj(ObjData::StaticMethod(new)),
    )?;
    let getter = vm.new_native("maxlen", "deque", d_maxlen);
    let setter = vm.new_native("maxlen", "deque", d_maxlen_set);
    let p = Value::new_obj(ObjData::Property(Box::new([
        getter,
        setter,
        Value::NONE,
        Value::NONE,
    ])));
    set_attr(vm, &dq, "maxlen", p)?;
    for cls in [&it, &rit] {
        for (name, f) in ITER_METHODS {
            let v = vm.new_native(name, "_deque_iterator", *f);
            set_attr(vm, cls, name, v)?;
        }
    }
    CLASSES.with(|c| c.set([dq.bits(), it.bits(), rit.bits()]));
    vm.t.named.insert("collections.deque", dq);
    vm.t.named.insert("collections._deque_iterator", it);
    vm.t.named
        .insert("collections._deque_reverse_iterator", rit);
    Ok(Value::NONE)
}

fn d_maxlen_set(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    Err(vm.attribute_error("attribute 'maxlen' of 'collections.deque' objects is not writable"))
}

// ---------------------------------------------------------------- Counter

/// `_lethe.count_elements(mapping, iterable)`: `mapping[k] = mapping.get(k, 0) + 1`
/// for every item (CPython's `_collections._count_elements`). A dict or a dict
/// subclass that overrides neither `get` nor `__setitem__` is updated in place.
pub fn l_count_elements(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.pos.len() != 2 {
        let n = a.pos.len();
        return Err(vm.type_error(&format!("_count_elements expected 2 arguments, got {n}")));
    }
    let (mapping, src) = (&a.pos[0], &a.pos[1]);
    let one = Value::small_int(1);
    if let Some(d) = plain_dict(vm, mapping) {
        let Some(ObjData::Dict(table)) = d.data() else {
            return Ok(Value::NONE);
        };
        let count = |vm: &mut Vm, key: Value| -> PyResult<()> {
            let h = vm.hash(&key)?;
            match vm.table_find(table, &key, h)? {
                Some(i) => {
                    let old = table.borrow().entries[i].2.clone();
                    match old.as_small_int() {
                        Some(n) if Value::fits_inline(n + 1) => {
                            let mut t = table.borrow_mut();
                            // Value changes bump the version (global caches key on it).
                            t.version = crate::dict::next_version();
                            t.entries[i].2 = Value::small_int(n + 1);
                        }
                        _ => {
                            // (`__add__` may change the dict: set by key.)
                            let new = vm.binary(BinOp::Add, &old, &one)?;
                            drop(old);
                            vm.table_set_hashed(table, key, h, new)?;
                        }
                    }
                }
                None => table.borrow_mut().insert_new(h, key, one.clone()),
            }
            Ok(())
        };
        if let Some(ObjData::List(l)) = src.data() {
            let mut i = 0;
            loop {
                let key = match l.borrow().get(i) {
                    Some(k) => k.clone(),
                    None => break,
                };
                count(vm, key)?;
                i += 1;
            }
            return Ok(Value::NONE);
        }
        let it = vm.iter(src)?;
        while let Some(key) = vm.next(&it)? {
            count(vm, key)?;
        }
        return Ok(Value::NONE);
    }
    let get_name = vm.intern("get");
    let get = vm.getattr(mapping, &get_name)?;
    let zero = Value::small_int(0);
    let it = vm.iter(src)?;
    while let Some(key) = vm.next(&it)? {
        let old = vm.call(&get, vec![key.clone(), zero.clone()])?;
        let new = vm.binary(BinOp::Add, &old, &one)?;
        vm.setitem(mapping, &key, new)?;
    }
    Ok(Value::NONE)
}

/// The dict to update in place: `mapping` itself, or the dict a subclass instance
/// wraps when its class takes `get` and `__setitem__` from `dict`.
fn plain_dict(vm: &mut Vm, mapping: &Value) -> Option<Value> {
    match mapping.data()? {
        ObjData::Dict(_) => Some(mapping.clone()),
        ObjData::Instance(i) if matches!(i.base().data(), Some(ObjData::Dict(_))) => {
            let dict = vm.t.dict.clone();
            let cls = vm.type_of(mapping);
            for name in ["get", "__setitem__"] {
                let k = vm.intern(name);
                let mine = vm.lookup_mro(&cls, &k)?;
                let theirs = vm.lookup_mro(&dict, &k)?;
                if !mine.is(&theirs) {
                    return None;
                }
            }
            Some(i.base().clone())
        }
        _ => None,
    }
}
