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
}

impl Shape {
    pub fn root() -> Rc<Shape> {
        Rc::new(Shape {
            names: Vec::new(),
            transitions: RefCell::new(Vec::new()),
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
        let s = Rc::new(Shape {
            names,
            transitions: RefCell::new(Vec::new()),
        });
        self.transitions.borrow_mut().push((a, s.clone()));
        s
    }

    pub fn id(self: &Rc<Shape>) -> usize {
        Rc::as_ptr(self) as usize
    }
}

/// An instance's attributes: its shape and one slot per name. An instance that has
/// many attributes or deletes some falls back to a dictionary-like list (shape None).
pub struct Attrs {
    pub shape: Rc<Shape>,
    pub slots: Vec<Value>,
}

impl Attrs {
    pub fn new(root: &Rc<Shape>) -> Attrs {
        Attrs {
            shape: root.clone(),
            slots: Vec::new(),
        }
    }

    pub fn get(&self, name: &Value) -> Option<Value> {
        self.shape
            .lookup(name)
            .map(|i| self.slots[i].clone())
            .filter(|v| !v.is_unbound())
    }

    pub fn set(&mut self, name: &Value, v: Value) {
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
        match self.shape.lookup(name) {
            Some(i) if !self.slots[i].is_unbound() => {
                self.slots[i] = Value::UNBOUND;
                true
            }
            _ => false,
        }
    }

    pub fn items(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.shape
            .names
            .iter()
            .zip(self.slots.iter())
            .filter(|(_, v)| !v.is_unbound())
    }
}
