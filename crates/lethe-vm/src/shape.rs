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
        Rc::new(Shape {
            names: Vec::new(),
            transitions: RefCell::new(Vec::new()),
            widest: Rc::new(std::cell::Cell::new(0)),
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

    pub fn id(self: &Rc<Shape>) -> usize {
        Rc::as_ptr(self) as usize
    }
}

/// An instance's attributes: its shape and one slot per name. Once a program asks for
/// the instance's `__dict__`, the attributes move into that (live) dict and `dict` holds
/// it; the shape then stays the root.
pub struct Attrs {
    pub shape: Rc<Shape>,
    pub slots: Vec<Value>,
    pub dict: Option<Value>,
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
                    Some(crate::object::ObjData::Instance(i)) => match i.base.data() {
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

impl Attrs {
    pub fn new(root: &Rc<Shape>) -> Attrs {
        Attrs {
            shape: root.clone(),
            slots: Vec::with_capacity((root.widest.get() as usize).min(MAX_RESERVED)),
            dict: None,
        }
    }

    pub fn get(&self, name: &Value) -> Option<Value> {
        if let Some(d) = &self.dict {
            if let Some(i) = self.shape.lookup(name) {
                return Some(self.slots[i].clone()).filter(|v| !v.is_unbound());
            }
            let h = str_hash(name)?;
            let dd = dict_of(d)?.try_borrow().ok()?;
            return find_attr(&dd, name, h).map(|i| dd.entries[i].2.clone());
        }
        self.shape
            .lookup(name)
            .map(|i| self.slots[i].clone())
            .filter(|v| !v.is_unbound())
    }

    pub fn set(&mut self, name: &Value, v: Value) {
        if let (Some(i), Some(_)) = (self.shape.lookup(name), &self.dict) {
            self.slots[i] = v;
            return;
        }
        if let Some(d) = &self.dict {
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
            return;
        }
        match self.shape.lookup(name) {
            Some(i) => self.slots[i] = v,
            None => {
                self.shape = self.shape.with(name);
                self.slots.push(v);
            }
        }
    }

    /// Deleting leaves the slot unbound (the shape stays; the name reads as missing).
    pub fn del(&mut self, name: &Value) -> bool {
        if let (Some(i), Some(_)) = (self.shape.lookup(name), &self.dict) {
            let was = !self.slots[i].is_unbound();
            self.slots[i] = Value::UNBOUND;
            return was;
        }
        if let Some(d) = &self.dict {
            let (Some(h), Some(dd)) = (str_hash(name), dict_of(d)) else {
                return false;
            };
            let mut dd = dd.borrow_mut();
            return match find_attr(&dd, name, h) {
                Some(i) => {
                    let kv = dd.remove_entry(i);
                    drop(dd);
                    drop(kv);
                    true
                }
                None => false,
            };
        }
        match self.shape.lookup(name) {
            Some(i) if !self.slots[i].is_unbound() => {
                self.slots[i] = Value::UNBOUND;
                true
            }
            _ => false,
        }
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        if let Some(d) = &self.dict {
            return match dict_of(d) {
                Some(dd) => dd
                    .borrow()
                    .iter()
                    .map(|e| (e.1.clone(), e.2.clone()))
                    .collect(),
                None => Vec::new(),
            };
        }
        self.shape
            .names
            .iter()
            .zip(self.slots.iter())
            .filter(|(_, v)| !v.is_unbound())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Move the attributes into `d` (a new, empty dict), which becomes the live
    /// `__dict__`; the names in `keep` (`__slots__`) stay in slots.
    pub fn into_dict(&mut self, d: Value, root: &Rc<Shape>, keep: &[Value]) {
        let names = self.shape.names.clone();
        let values = std::mem::take(&mut self.slots);
        self.shape = root.clone();
        let mut moved = Vec::new();
        for (k, v) in names.into_iter().zip(values) {
            if keep.iter().any(|s| s.addr() == k.addr()) {
                self.shape = self.shape.with(&k);
                self.slots.push(v);
            } else if !v.is_unbound() {
                moved.push((k, v));
            }
        }
        if let Some(dd) = dict_of(&d) {
            let mut dd = dd.borrow_mut();
            for (k, v) in moved {
                if let Some(h) = str_hash(&k) {
                    dd.insert_new(h, k, v);
                }
            }
        }
        self.dict = Some(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// New instances reserve as many slots as the widest shape of their tree has
    /// (at most MAX_RESERVED): adding the attributes the first instance got does not
    /// grow the slot vector.
    #[test]
    fn new_instances_reserve_the_widest_shape() {
        let root = Shape::root();
        assert_eq!(Attrs::new(&root).slots.capacity(), 0);
        let names: Vec<Value> = (0..20).map(Value::small_int).collect();
        let mut s = root.clone();
        for n in &names[..3] {
            s = s.with(n);
        }
        let mut a = Attrs::new(&root);
        assert!(a.slots.capacity() >= 3);
        let p = a.slots.as_ptr();
        for _ in 0..3 {
            a.slots.push(Value::NONE);
        }
        assert_eq!(a.slots.as_ptr(), p, "no reallocation");
        for n in &names[3..] {
            s = s.with(n);
        }
        let c = Attrs::new(&root).slots.capacity();
        assert!((MAX_RESERVED..20).contains(&c), "{c}");
    }
}
