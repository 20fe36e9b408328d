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
    /// For a set: the size of CPython's table that the first `set_base_len` entries
    /// (positions, deleted ones included) sit in, in its slot order (0: none, the
    /// table grows from 8 as entries are added one by one). A merge of a set or a
    /// resize fixes it; the entries after them were added one by one.
    set_base_size: u32,
    set_base_len: u32,
    /// The cells of that table the first `set_base_len` entries occupy (None: they
    /// were inserted in order into an empty table of that size).
    set_slots: Option<Box<[u32]>>,
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
pub(crate) fn next_version() -> u64 {
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
            set_base_size: 0,
            set_base_len: 0,
            set_slots: None,
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
        // A deleted entry's value slot keeps when it was deleted (how many entries
        // there were): a set's table simulation reuses its cell only after that.
        let when = Value::small_int(self.entries.len() as i64);
        let v = std::mem::replace(&mut self.entries[i].2, when);
        self.len -= 1;
        self.bump_keys();
        if self.len == 0 {
            self.entries.clear();
            self.indices.clear();
            self.set_base_len = 0;
            self.set_slots = None;
        } else if self.entries.len() > 16 && self.len * 4 < self.entries.len() {
            self.rebuild(self.len * 2);
        }
        (k, v)
    }

    /// Rebuild the index table for at least `n` entries, compacting deleted ones.
    fn rebuild(&mut self, n: usize) {
        // A set whose table is simulated keeps its deleted entries (CPython's
        // dummies, which count toward its table's fill) while they are no more
        // than the live ones.
        if self.set_base_size != 0 && self.entries.len() <= 2 * self.len.max(4) {
            let want = n.max(self.entries.len() + 1);
            let mut size = 8;
            while size * 2 <= want * 3 {
                size *= 2;
            }
            self.reindex_to(size);
            return;
        }
        let base = (self.set_base_len as usize).min(self.entries.len());
        if let Some(slots) = self.set_slots.take() {
            if slots.len() == base {
                let kept: Vec<u32> = (0..base)
                    .filter(|&i| !self.entries[i].1.is_unbound())
                    .map(|i| slots[i])
                    .collect();
                self.set_slots = Some(kept.into_boxed_slice());
            }
        }
        self.set_base_len = self.entries[..base]
            .iter()
            .filter(|e| !e.1.is_unbound())
            .count() as u32;
        self.entries.retain(|e| !e.1.is_unbound());
        let mut size = 8;
        while size * 2 <= n * 3 {
            size *= 2;
        }
        self.index_entries(size, false);
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
        /// Where `hash` goes in `table`: the first empty cell of CPython's probe
        /// sequence, or (when `reuse`) the first cell before it holding a dummy.
        fn find_slot(table: &[u32], hash: i64, reuse: &dyn Fn(u32) -> bool) -> (usize, bool) {
            let mask = table.len() - 1;
            let mut perturb = hash as u64;
            let mut j = (hash as u64 as usize) & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                let probes = if j + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for k in 0..=probes {
                    let c = table[j + k];
                    if c == EMPTY {
                        return match freeslot {
                            Some(f) => (f, true),
                            None => (j + k, false),
                        };
                    }
                    if freeslot.is_none() && reuse(c) {
                        freeslot = Some(j + k);
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
        let n = self.entries.len();
        let dead: Vec<bool> = self.entries.iter().map(|e| e.1.is_unbound()).collect();
        let hashes: Vec<i64> = self.entries.iter().map(|e| e.0).collect();
        let base = (self.set_base_len as usize).min(n);
        // The entries a merge or an earlier ordering placed sit in a table of the
        // recorded size, in slot order; the others were added one by one (CPython's
        // set_add_entry: a dummy on the probe sequence is reused, the table grows
        // when 3/5 full). A deleted entry becomes a dummy at the time it was
        // deleted (kept in its value slot).
        let deleted_at: Vec<usize> = self
            .entries
            .iter()
            .map(|e| match e.2.as_small_int() {
                Some(t) if e.1.is_unbound() => t as usize,
                _ => usize::MAX,
            })
            .collect();
        let mut dummy = vec![false; n];
        let mut table = vec![EMPTY; self.table_size()];
        let mut fill = 0usize;
        let slots = self
            .set_slots
            .as_ref()
            .filter(|s| s.len() == base && s.iter().all(|&c| (c as usize) < table.len()));
        for i in 0..base {
            let j = match slots {
                Some(s) if table[s[i] as usize] == EMPTY => s[i] as usize,
                _ => find_slot(&table, hashes[i], &|_| false).0,
            };
            table[j] = i as u32;
            fill += 1;
        }
        // Entries deleted by the time entry `i` came (fewer entries existed) become
        // dummies before it is added.
        let mut kills: Vec<(usize, usize)> = (0..n)
            .filter(|&d| dead[d])
            .map(|d| (deleted_at[d], d))
            .collect();
        kills.sort_unstable();
        let mut next = 0usize;
        let mut used = base;
        for i in base..n {
            while next < kills.len() && kills[next].0 <= i {
                dummy[kills[next].1] = true;
                used = used.saturating_sub(1);
                next += 1;
            }
            let is_dummy = |c: u32| dummy[c as usize];
            let (j, reused) = find_slot(&table, hashes[i], &is_dummy);
            if reused {
                dummy[table[j] as usize] = false;
            }
            table[j] = i as u32;
            used += 1;
            if reused {
                continue;
            }
            fill += 1;
            let mask = table.len() - 1;
            if fill * 5 >= mask * 3 {
                let minused = if used > 50000 { used * 2 } else { used * 4 };
                let mut size = 8;
                while size <= minused {
                    size <<= 1;
                }
                let old = std::mem::replace(&mut table, vec![EMPTY; size]);
                fill = 0;
                for c in old
                    .into_iter()
                    .filter(|&c| c != EMPTY && !dummy[c as usize])
                {
                    let (j, _) = find_slot(&table, hashes[c as usize], &|_| false);
                    table[j] = c;
                    fill += 1;
                }
            }
        }
        let size = table.len();
        let cells: Vec<(u32, usize)> = table
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c != EMPTY)
            .map(|(j, c)| (j as u32, c as usize))
            .collect();
        let order: Vec<usize> = cells.iter().map(|&(_, c)| c).collect();
        let already = order.len() == n && order.iter().enumerate().all(|(k, &i)| k == i);
        if !already {
            // Live entries in slot order, the dummies kept in place (unbound).
            let mut old: Vec<Option<(i64, Value, Value)>> = std::mem::take(&mut self.entries)
                .into_iter()
                .map(Some)
                .collect();
            self.entries = order.iter().filter_map(|&i| old[i].take()).collect();
            self.reindex();
        }
        // From now on the entries are the slot order of a table of this size, in
        // these cells.
        self.set_base_size = size as u32;
        self.set_base_len = self.entries.len() as u32;
        self.set_slots = Some(cells.iter().map(|&(j, _)| j).collect());
        self.set_ordered = self.version.wrapping_add(1);
    }

    /// A set's table as `other`'s (CPython copies the cells when an empty set of the
    /// same size merges a set without dummies): `self` holds `other`'s entries in the
    /// same order. Call after `set_slot_order` on both and the merge.
    pub fn copy_layout(&mut self, other: &DictData) {
        if self.entries.len() == other.entries.len()
            && other.entries.iter().all(|e| !e.1.is_unbound())
            && other.set_base_len as usize == other.entries.len()
        {
            self.set_base_size = other.set_base_size;
            self.set_base_len = other.set_base_len;
            self.set_slots = other.set_slots.clone();
            self.set_ordered = 0;
        }
    }

    /// The index table rebuilt for the entries as they are (deleted ones kept).
    fn reindex(&mut self) {
        let mut size = 8;
        while size * 2 <= self.entries.len().max(1) * 3 {
            size *= 2;
        }
        self.reindex_to(size);
    }

    fn reindex_to(&mut self, size: usize) {
        self.index_entries(size, true);
    }

    /// A fresh index table of `size` slots over the entries (skipping removed ones
    /// when `skip_dummies`), probing as CPython's dict does.
    fn index_entries(&mut self, size: usize, skip_dummies: bool) {
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (i, e) in self.entries.iter().enumerate() {
            if skip_dummies && e.1.is_unbound() {
                continue;
            }
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

    /// The size of the set's table as simulated (before entries added since).
    pub fn table_size(&self) -> usize {
        (self.set_base_size as usize).max(8)
    }

    /// CPython's one big resize before a merge of `incoming` entries: when the table
    /// would be too full, it becomes the smallest power of two above twice the entries
    /// (its present entries reinserted in slot order). Call after `set_slot_order`.
    pub fn presize_for_merge(&mut self, incoming: usize) {
        let mask = self.table_size() - 1;
        if (self.len + incoming) * 5 >= mask * 3 {
            let minused = (self.len + incoming) * 2;
            let mut size = 8usize;
            while size <= minused {
                size <<= 1;
            }
            // The entries are reinserted in slot order (dummies dropped).
            self.rebuild(self.len.max(1));
            self.set_base_size = size as u32;
            self.set_base_len = self.entries.len() as u32;
            self.set_slots = None;
            self.set_ordered = 0;
        }
    }

    pub fn clear(&mut self) -> Vec<(i64, Value, Value)> {
        self.set_base_size = 0;
        self.set_base_len = 0;
        self.set_slots = None;
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
