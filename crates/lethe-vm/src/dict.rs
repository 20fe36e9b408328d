//! Compact, insertion-ordered hash table (dict and set), as CPython 3.6+ lays it out:
//! a dense entry array in insertion order and a sparse index table of `u32`s.
//!
//! Lookups may call Python code (`__eq__`, `__hash__`), which may mutate the table. The
//! table itself never calls out: the VM drives a [`Probe`] and performs slow
//! comparisons with no borrow held, then re-validates with the table's `version`
//! (hard rule 6 in DESIGN.md).

use crate::value::Value;
use crate::{PyResult, Vm};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

pub struct DictData {
    pub entries: Vec<(i64, Value, Value)>,
    indices: Vec<u32>,
    pub len: usize,
    /// Bumped on every change (values too); lets callers detect mutation during a
    /// call, and module-attribute caches (which hold values) key on it.
    pub version: u64,
    /// Bumped when keys come or go or the entries move: an entry's value slot stays
    /// where it is while this is unchanged (global-variable caches hold its address).
    pub keys_version: u64,
    /// `version + 1` when the entries were last put in CPython's set order (0: never).
    set_ordered: u64,
}

#[derive(Clone, Copy)]
pub struct Probe {
    slot: usize,
    perturb: u64,
}

pub enum Slot {
    Empty(usize),
    Entry(usize),
}

thread_local! {
    static VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Versions are unique across all tables (not per table), so a cache keyed on a
/// table's address and version cannot be fooled by a new table at a reused address.
fn next_version() -> u64 {
    VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

impl Default for DictData {
    fn default() -> Self {
        DictData {
            entries: Vec::new(),
            indices: Vec::new(),
            len: 0,
            version: next_version(),
            keys_version: next_version(),
            set_ordered: 0,
        }
    }
}

impl DictData {
    /// A change of keys (and so of values too).
    fn bump_keys(&mut self) {
        let v = next_version();
        self.version = v;
        self.keys_version = v;
    }

    pub fn new() -> DictData {
        DictData::default()
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut d = DictData::default();
        if n > 0 {
            d.entries.reserve(n);
            d.rebuild(n);
        }
        d
    }

    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    pub fn probe(&self, hash: i64) -> Probe {
        Probe {
            slot: (hash as u64 as usize) & self.mask(),
            perturb: hash as u64,
        }
    }

    /// Next slot along the probe sequence that is empty or holds a live entry with
    /// this hash. Tables are never full, so this terminates.
    pub fn step(&self, p: &mut Probe, hash: i64) -> Slot {
        if self.indices.is_empty() {
            return Slot::Empty(0);
        }
        let mask = self.mask();
        let mut first_dummy: Option<usize> = None;
        loop {
            let s = p.slot;
            let ix = self.indices[s];
            p.perturb >>= 5;
            p.slot = (s
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(p.perturb as usize))
                & mask;
            match ix {
                EMPTY => return Slot::Empty(first_dummy.unwrap_or(s)),
                DUMMY => {
                    if first_dummy.is_none() {
                        first_dummy = Some(s);
                    }
                }
                i => {
                    let e = &self.entries[i as usize];
                    if e.0 == hash {
                        return Slot::Entry(i as usize);
                    }
                }
            }
        }
    }

    /// Find a key using only comparisons that cannot run Python code. Returns
    /// `Err(entry)` when a candidate needs a full `__eq__`.
    pub fn find_fast(&self, key: &Value, hash: i64) -> Result<Option<usize>, usize> {
        let mut p = self.probe(hash);
        loop {
            match self.step(&mut p, hash) {
                Slot::Empty(_) => return Ok(None),
                Slot::Entry(i) => match crate::ops::fast_eq(&self.entries[i].1, key) {
                    Some(true) => return Ok(Some(i)),
                    Some(false) => continue,
                    None => return Err(i),
                },
            }
        }
    }

    /// Append a new entry (the key must not be present).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.len + 1) * 2);
        }
        let mut p = self.probe(hash);
        let slot = loop {
            let s = p.slot;
            let ix = self.indices[s];
            if ix == EMPTY || ix == DUMMY {
                break s;
            }
            p.perturb >>= 5;
            p.slot = (s
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(p.perturb as usize))
                & self.mask();
        };
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push((hash, key, value));
        self.len += 1;
        self.bump_keys();
    }

    /// Remove the entry at index `i`; returns (key, value).
    pub fn remove_entry(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].0;
        let mut p = self.probe(hash);
        loop {
            let s = p.slot;
            if self.indices[s] == i as u32 {
                self.indices[s] = DUMMY;
                break;
            }
            if self.indices[s] == EMPTY {
                break;
            }
            p.perturb >>= 5;
            p.slot = (s
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(p.perturb as usize))
                & self.mask();
        }
        let k = std::mem::replace(&mut self.entries[i].1, Value::UNBOUND);
        let v = std::mem::replace(&mut self.entries[i].2, Value::UNBOUND);
        self.len -= 1;
        self.bump_keys();
        if self.len == 0 {
            self.entries.clear();
            self.indices.clear();
        } else if self.entries.len() > 16 && self.len * 4 < self.entries.len() {
            self.rebuild(self.len * 2);
        }
        (k, v)
    }

    /// Rebuild the index table for at least `n` entries, compacting deleted ones.
    fn rebuild(&mut self, n: usize) {
        self.entries.retain(|e| !e.1.is_unbound());
        let mut size = 8;
        while size * 2 <= n * 3 {
            size *= 2;
        }
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (i, e) in self.entries.iter().enumerate() {
            let mut p = Probe {
                slot: (e.0 as u64 as usize) & mask,
                perturb: e.0 as u64,
            };
            while self.indices[p.slot] != EMPTY {
                p.perturb >>= 5;
                p.slot = (p
                    .slot
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(p.perturb as usize))
                    & mask;
            }
            self.indices[p.slot] = i as u32;
        }
        self.bump_keys();
    }

    /// Put a set's entries in the order CPython iterates them: the slot order of its
    /// open-addressing table (linear probes, then perturbation), simulated by inserting
    /// the entries in their current order with CPython's growth rule. Resizes in CPython
    /// reinsert in slot order too, so the result is stable under repeated calls.
    pub fn set_slot_order(&mut self) {
        if self.set_ordered == self.version.wrapping_add(1) {
            return;
        }
        const LINEAR_PROBES: usize = 9;
        fn insert(table: &mut [u32], hashes: &[i64], i: u32) {
            let mask = table.len() - 1;
            let hash = hashes[i as usize];
            let mut perturb = hash as u64;
            let mut j = (hash as u64 as usize) & mask;
            loop {
                if table[j] == EMPTY {
                    table[j] = i;
                    return;
                }
                if j + LINEAR_PROBES <= mask {
                    for k in 1..=LINEAR_PROBES {
                        if table[j + k] == EMPTY {
                            table[j + k] = i;
                            return;
                        }
                    }
                }
                perturb >>= 5;
                j = (j
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
        let live: Vec<usize> = (0..self.entries.len())
            .filter(|&i| !self.entries[i].1.is_unbound())
            .collect();
        let hashes: Vec<i64> = live.iter().map(|&i| self.entries[i].0).collect();
        let mut table = vec![EMPTY; 8];
        let mut used = 0usize;
        for i in 0..hashes.len() {
            insert(&mut table, &hashes, i as u32);
            used += 1;
            let mask = table.len() - 1;
            if used * 5 >= mask * 3 {
                let minused = if used > 50000 { used * 2 } else { used * 4 };
                let mut size = 8;
                while size <= minused {
                    size <<= 1;
                }
                let old = std::mem::replace(&mut table, vec![EMPTY; size]);
                for ix in old.into_iter().filter(|&x| x != EMPTY) {
                    insert(&mut table, &hashes, ix);
                }
            }
        }
        let order: Vec<usize> = table
            .into_iter()
            .filter(|&x| x != EMPTY)
            .map(|x| live[x as usize])
            .collect();
        let already = order.iter().enumerate().all(|(k, &i)| k == i);
        if !already {
            let mut old: Vec<Option<(i64, Value, Value)>> = std::mem::take(&mut self.entries)
                .into_iter()
                .map(Some)
                .collect();
            self.entries = order.iter().filter_map(|&i| old[i].take()).collect();
            self.rebuild(self.len.max(1));
        }
        self.set_ordered = self.version.wrapping_add(1);
    }

    pub fn clear(&mut self) -> Vec<(i64, Value, Value)> {
        self.indices = Vec::new();
        self.len = 0;
        self.bump_keys();
        std::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &(i64, Value, Value)> {
        self.entries.iter().filter(|e| !e.1.is_unbound())
    }

    /// The live entry at or after dense position `pos` (for iterators).
    pub fn entry_at(&self, pos: usize) -> Option<(usize, &(i64, Value, Value))> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find(|(_, e)| !e.1.is_unbound())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.1.clone()).collect()
    }

    /// A set's keys in CPython's iteration order.
    pub fn set_keys(&mut self) -> Vec<Value> {
        self.set_slot_order();
        self.keys()
    }

    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * 24 + self.indices.capacity() * 4
    }
}

/// Dictionary operations that may run Python code.
impl Vm {
    /// Index of `key`'s entry in the table, if present.
    pub fn table_find(
        &mut self,
        d: &std::cell::RefCell<DictData>,
        key: &Value,
        hash: i64,
    ) -> PyResult<Option<usize>> {
        'restart: loop {
            let (version, mut p) = {
                let b = d.borrow();
                match b.find_fast(key, hash) {
                    Ok(r) => return Ok(r),
                    Err(_) => (b.version, b.probe(hash)),
                }
            };
            loop {
                let cand = {
                    let b = d.borrow();
                    if b.version != version {
                        continue 'restart;
                    }
                    match b.step(&mut p, hash) {
                        Slot::Empty(_) => return Ok(None),
                        Slot::Entry(i) => (i, b.entries[i].1.clone()),
                    }
                };
                let eq = match crate::ops::fast_eq(&cand.1, key) {
                    Some(b) => b,
                    None => self.eq(&cand.1, key)?,
                };
                if d.borrow().version != version {
                    continue 'restart;
                }
                if eq {
                    return Ok(Some(cand.0));
                }
            }
        }
    }

    pub fn table_get(
        &mut self,
        d: &std::cell::RefCell<DictData>,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        Ok(self
            .table_find(d, key, h)?
            .map(|i| d.borrow().entries[i].2.clone()))
    }

    pub fn table_set(
        &mut self,
        d: &std::cell::RefCell<DictData>,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        let h = self.hash(&key)?;
        self.table_set_hashed(d, key, h, value)
    }

    pub fn table_set_hashed(
        &mut self,
        d: &std::cell::RefCell<DictData>,
        key: Value,
        h: i64,
        value: Value,
    ) -> PyResult<()> {
        match self.table_find(d, &key, h)? {
            Some(i) => {
                let old = {
                    let mut b = d.borrow_mut();
                    // Value changes bump the version too: global-variable caches key on it.
                    b.version = next_version();
                    std::mem::replace(&mut b.entries[i].2, value)
                };
                drop(old);
            }
            None => d.borrow_mut().insert_new(h, key, value),
        }
        Ok(())
    }

    pub fn table_del(
        &mut self,
        d: &std::cell::RefCell<DictData>,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.table_find(d, key, h)? {
            Some(i) => {
                let (k, v) = d.borrow_mut().remove_entry(i);
                drop(k);
                Ok(Some(v))
            }
            None => Ok(None),
        }
    }
}
