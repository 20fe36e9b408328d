//! Shapes (hidden classes): instances that gained the same attributes in the same
//! order share one `Shape`, which maps names to slot indices. Attribute access caches
//! (shape, slot) per instruction, so a hit is a pointer compare and an index.
//!
//! Names are interned strings, compared by address.

use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

pub struct Shape {
    /// Interned names, in slot order.
    pub names: Vec<Value>,
    transitions: RefCell<Vec<(usize, Rc<Shape>)>>,
    /// The most slots any shape of this tree has (shared by the whole tree): new
    /// instances reserve that many (up to [`MAX_RESERVED`]), so adding their
    /// attributes does not grow the slot vector again and again.
    widest: Rc<std::cell::Cell<u16>>,
}

/// Slots reserved at most for a new instance.
const MAX_RESERVED: usize = 16;

impl Shape {
    pub fn root() -> Rc<Shape> {
        Shape::root_reserving(0)
    }

    /// The shape of every instance whose attributes live in a `__dict__` (plus any
    /// `__slots__` names, as transitions from it). It is no class's root and is
    /// never freed, so no cache entry made for a class's shapes matches such an
    /// instance.
    pub fn dict_root() -> Rc<Shape> {
        thread_local! {
            static DICT_ROOT: Rc<Shape> = Shape::root();
        }
        DICT_ROOT.with(Rc::clone)
    }

    /// A root whose instances reserve `n` slots from the start.
    pub fn root_reserving(n: usize) -> Rc<Shape> {
        Rc::new(Shape {
            names: Vec::new(),
            transitions: RefCell::new(Vec::new()),
            widest: Rc::new(std::cell::Cell::new(n.min(u16::MAX as usize) as u16)),
        })
    }

    /// Slot of an interned name.
    #[inline]
    pub fn lookup(&self, name: &Value) -> Option<usize> {
        let a = name.addr();
        self.names.iter().position(|n| n.addr() == a)
    }

    /// The shape after adding `name`.
    pub fn with(self: &Rc<Shape>, name: &Value) -> Rc<Shape> {
        let a = name.addr();
        if let Some((_, s)) = self.transitions.borrow().iter().find(|(k, _)| *k == a) {
            return s.clone();
        }
        let mut names = self.names.clone();
        names.push(name.clone());
        let n = names.len().min(u16::MAX as usize) as u16;
        if n > self.widest.get() {
            self.widest.set(n);
        }
        let s = Rc::new(Shape {
            names,
            transitions: RefCell::new(Vec::new()),
            widest: self.widest.clone(),
        });
        self.transitions.borrow_mut().push((a, s.clone()));
        s
    }

    /// How many slots a new instance starting at this shape's tree reserves: the
    /// widest shape the tree has, up to [`MAX_RESERVED`].
    pub fn reserve(&self) -> usize {
        (self.widest.get() as usize).min(MAX_RESERVED)
    }

    pub fn id(self: &Rc<Shape>) -> usize {
        Rc::as_ptr(self) as usize
    }
}

/// The hash of a str key (cached in the string).
fn str_hash(name: &Value) -> Option<i64> {
    match name.data() {
        Some(crate::object::ObjData::Str(s)) => {
            let h = s.hash.get();
            if h != -1 {
                return Some(h);
            }
            let h = crate::ops::hash_bytes(s.s.as_bytes());
            s.hash.set(h);
            Some(h)
        }
        _ => None,
    }
}

fn dict_of(d: &Value) -> Option<&std::cell::RefCell<crate::dict::DictData>> {
    match d.data() {
        Some(crate::object::ObjData::Dict(dd)) => Some(dd),
        _ => None,
    }
}

/// The entry of attribute `name` in a `__dict__`: the hash probe, or when the probe
/// meets a key whose comparison would need Python (a user object put there through
/// `obj.__dict__[key]`), a scan comparing string values.
fn find_attr(dd: &crate::dict::DictData, name: &Value, h: i64) -> Option<usize> {
    match dd.find_fast(name, h) {
        Ok(r) => r,
        Err(_) => {
            let want = match name.data() {
                Some(crate::object::ObjData::Str(s)) => &s.s,
                _ => return None,
            };
            dd.entries.iter().position(|e| {
                if e.1.is_unbound() {
                    return false;
                }
                let k = match e.1.data() {
                    Some(crate::object::ObjData::Str(s)) => Some(&s.s),
                    Some(crate::object::ObjData::Instance(i)) => match i.base().data() {
                        Some(crate::object::ObjData::Str(s)) => Some(&s.s),
                        _ => None,
                    },
                    _ => None,
                };
                k == Some(want)
            })
        }
    }
}

/// Attribute `name` in a live `__dict__`.
pub(crate) fn dict_attr(d: &Value, name: &Value) -> Option<Value> {
    let h = str_hash(name)?;
    let dd = dict_of(d)?.try_borrow().ok()?;
    find_attr(&dd, name, h).map(|i| dd.entries[i].2.clone())
}

/// Set attribute `name` in a live `__dict__` (the old value is dropped after the
/// dict is consistent again).
pub(crate) fn dict_attr_set(d: &Value, name: &Value, v: Value) {
    let (Some(h), Some(dd)) = (str_hash(name), dict_of(d)) else {
        return;
    };
    let mut dd = dd.borrow_mut();
    match find_attr(&dd, name, h) {
        Some(i) => {
            let old = std::mem::replace(&mut dd.entries[i].2, v);
            drop(dd);
            drop(old);
        }
        None => dd.insert_new(h, name.clone(), v),
    }
}

/// Delete attribute `name` from a live `__dict__`; whether it was there.
pub(crate) fn dict_attr_del(d: &Value, name: &Value) -> bool {
    let (Some(h), Some(dd)) = (str_hash(name), dict_of(d)) else {
        return false;
    };
    let mut dd = dd.borrow_mut();
    match find_attr(&dd, name, h) {
        Some(i) => {
            let kv = dd.remove_entry(i);
            drop(dd);
            drop(kv);
            true
        }
        None => false,
    }
}

/// The (name, value) pairs of a live `__dict__`.
pub(crate) fn dict_items(d: &Value) -> Vec<(Value, Value)> {
    match dict_of(d) {
        Some(dd) => dd
            .borrow()
            .iter()
            .map(|e| (e.1.clone(), e.2.clone()))
            .collect(),
        None => Vec::new(),
    }
}

/// Put attributes into a new `__dict__`.
pub(crate) fn dict_fill(d: &Value, items: Vec<(Value, Value)>) {
    if let Some(dd) = dict_of(d) {
        let mut dd = dd.borrow_mut();
        for (k, v) in items {
            if let Some(h) = str_hash(&k) {
                dd.insert_new(h, k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// New instances reserve as many slots as the widest shape of their tree has (at
    /// most MAX_RESERVED), so adding the attributes the first instance got needs no
    /// overflow storage.
    #[test]
    fn new_instances_reserve_the_widest_shape() {
        let root = Shape::root();
        assert_eq!(root.reserve(), 0);
        let names: Vec<Value> = (0..20).map(Value::small_int).collect();
        let mut s = root.clone();
        for n in &names[..3] {
            s = s.with(n);
        }
        assert_eq!(root.reserve(), 3);
        assert_eq!(s.reserve(), 3, "the whole tree shares it");
        for n in &names[3..] {
            s = s.with(n);
        }
        assert_eq!(root.reserve(), MAX_RESERVED);
    }
}
