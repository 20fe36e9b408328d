//! CPython 3.11's list sort (`Objects/listobject.c`: timsort with the powersort
//! merge strategy), ported step for step so that a user's `__lt__` sees the same
//! comparisons in the same order, a comparison that raises leaves the same
//! permutation behind, and an inconsistent `__lt__` cannot upset the sort.
//!
//! The sort permutes a slice of indices; `lt(x, y)` compares the keys at indices
//! `x` and `y` (`keys[x] < keys[y]`).

const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: i32,
}

struct MergeState<'a, E> {
    a: &'a mut [usize],
    tmp: Vec<usize>,
    min_gallop: usize,
    pending: Vec<Run>,
    lt: &'a mut dyn FnMut(usize, usize) -> Result<bool, E>,
}

/// Sort `a` (indices) stably by `lt`, as CPython's `list.sort` (without its
/// `reverse` handling, which is the caller's: reverse, sort, reverse). On error
/// `a` holds a permutation of its items, as CPython leaves the list.
pub fn sort<E>(
    a: &mut [usize],
    lt: &mut dyn FnMut(usize, usize) -> Result<bool, E>,
) -> Result<(), E> {
    let n = a.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        a,
        tmp: Vec::new(),
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
        lt,
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut nremaining = n;
    while nremaining > 0 {
        let (mut run, descending) = ms.count_run(lo, lo + nremaining)?;
        if descending {
            ms.a[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = nremaining.min(minrun);
            ms.binarysort(lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(run, n)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        nremaining -= run;
    }
    ms.merge_force_collapse()
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The depth of the node joining the runs `[s1, s1+n1)` and `[s1+n1, s1+n1+n2)`
/// in the ideal merge tree of a list of `n` items (powersort).
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> i32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<E> MergeState<'_, E> {
    fn lt_at(&mut self, x: usize, y: usize) -> Result<bool, E> {
        (self.lt)(x, y)
    }

    /// The length of the run starting at `lo` (at most `hi - lo`), and whether it
    /// is strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> Result<(usize, bool), E> {
        let mut p = lo + 1;
        if p == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt_at(self.a[p], self.a[p - 1])? {
            p += 1;
            while p < hi {
                if !self.lt_at(self.a[p], self.a[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            p += 1;
            while p < hi {
                if self.lt_at(self.a[p], self.a[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion sort of `[lo, hi)`, of which `[lo, start)` is sorted.
    fn binarysort(&mut self, lo: usize, hi: usize, mut start: usize) -> Result<(), E> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.a[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt_at(pivot, self.a[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.a.copy_within(l..start, l + 1);
            self.a[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Where `key` belongs in the sorted `v[base..base+n]`, leftmost among equals
    /// (the returned k has `v[k-1] < key <= v[k]`), searching from `hint`.
    fn gallop_left(
        &mut self,
        key: usize,
        v: Src,
        base: usize,
        n: usize,
        hint: usize,
    ) -> Result<usize, E> {
        let at = |s: &Self, i: usize| s.get(v, base + i);
        let mut lastofs: isize;
        let mut ofs: isize;
        let hint_i = hint as isize;
        if self.lt_at(at(self, hint), key)? {
            // a[hint] < key: gallop right.
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt_at(at(self, hint + ofs as usize), key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += hint_i;
            ofs += hint_i;
        } else {
            // key <= a[hint]: gallop left.
            let maxofs = hint_i + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt_at(at(self, (hint_i - ofs) as usize), key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = hint_i - ofs;
            ofs = hint_i - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt_at(at(self, m as usize), key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    /// Where `key` belongs in the sorted `v[base..base+n]`, rightmost among equals
    /// (the returned k has `v[k-1] <= key < v[k]`), searching from `hint`.
    fn gallop_right(
        &mut self,
        key: usize,
        v: Src,
        base: usize,
        n: usize,
        hint: usize,
    ) -> Result<usize, E> {
        let at = |s: &Self, i: usize| s.get(v, base + i);
        let mut lastofs: isize;
        let mut ofs: isize;
        let hint_i = hint as isize;
        if self.lt_at(key, at(self, hint))? {
            // key < a[hint]: gallop left.
            let maxofs = hint_i + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt_at(key, at(self, (hint_i - ofs) as usize))? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            let k = lastofs;
            lastofs = hint_i - ofs;
            ofs = hint_i - k;
        } else {
            // a[hint] <= key: gallop right.
            let maxofs = (n - hint) as isize;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt_at(key, at(self, hint + ofs as usize))? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if ofs > maxofs {
                ofs = maxofs;
            }
            lastofs += hint_i;
            ofs += hint_i;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt_at(key, at(self, m as usize))? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    fn get(&self, v: Src, i: usize) -> usize {
        match v {
            Src::List => self.a[i],
            Src::Tmp => self.tmp[i],
        }
    }

    /// Merge the adjacent runs `[pa, pa+na)` and `[pb, pb+nb)` (`pa + na == pb`),
    /// `na <= nb`, with the first `na` items copied aside.
    fn merge_lo(&mut self, pa: usize, mut na: usize, pb: usize, mut nb: usize) -> Result<(), E> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[pa..pa + na]);
        let mut dest = pa;
        let mut ia = 0; // into tmp
        let mut ib = pb;
        self.a[dest] = self.a[ib];
        dest += 1;
        ib += 1;
        nb -= 1;
        // The outcome: Ok(true) = copy the rest of B then the last of A.
        let res: Result<bool, E> = 'merge: {
            if nb == 0 {
                break 'merge Ok(false);
            }
            if na == 1 {
                break 'merge Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    let k = match self.lt_at(self.a[ib], self.tmp[ia]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        self.a[dest] = self.a[ib];
                        dest += 1;
                        ib += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            break 'merge Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest] = self.tmp[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            break 'merge Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.a[ib];
                    let k = match self.gallop_right(key, Src::Tmp, ia, na, 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k;
                    if k > 0 {
                        self.a[dest..dest + k].copy_from_slice(&self.tmp[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            break 'merge Ok(true);
                        }
                        if na == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    self.a[dest] = self.a[ib];
                    dest += 1;
                    ib += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'merge Ok(false);
                    }
                    let key = self.tmp[ia];
                    let k = match self.gallop_left(key, Src::List, ib, nb, 0) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k;
                    if k > 0 {
                        self.a.copy_within(ib..ib + k, dest);
                        dest += k;
                        ib += k;
                        nb -= k;
                        if nb == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    self.a[dest] = self.tmp[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        break 'merge Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match res {
            Ok(true) => {
                // CopyB: the last item of A belongs at the end.
                self.a.copy_within(ib..ib + nb, dest);
                self.a[dest + nb] = self.tmp[ia];
                Ok(())
            }
            Ok(false) => {
                if na > 0 {
                    self.a[dest..dest + na].copy_from_slice(&self.tmp[ia..ia + na]);
                }
                Ok(())
            }
            Err(e) => {
                if na > 0 {
                    self.a[dest..dest + na].copy_from_slice(&self.tmp[ia..ia + na]);
                }
                Err(e)
            }
        }
    }

    /// Merge the adjacent runs `[pa, pa+na)` and `[pb, pb+nb)` (`pa + na == pb`),
    /// `na > nb`, from the right, with the last `nb` items copied aside.
    fn merge_hi(&mut self, pa: usize, mut na: usize, pb: usize, mut nb: usize) -> Result<(), E> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[pb..pb + nb]);
        // Positions of the current (last remaining) items; signed, as they may
        // step one before the start.
        let mut dest = (pb + nb - 1) as isize;
        let mut ia = (pa + na - 1) as isize; // into a
        let mut ib = (nb - 1) as isize; // into tmp
        let basea = pa;
        self.a[dest as usize] = self.a[ia as usize];
        dest -= 1;
        ia -= 1;
        na -= 1;
        // Ok(true) = CopyA.
        let res: Result<bool, E> = 'merge: {
            if na == 0 {
                break 'merge Ok(false);
            }
            if nb == 1 {
                break 'merge Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    let k = match self.lt_at(self.tmp[ib as usize], self.a[ia as usize]) {
                        Ok(k) => k,
                        Err(e) => break 'merge Err(e),
                    };
                    if k {
                        self.a[dest as usize] = self.a[ia as usize];
                        dest -= 1;
                        ia -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            break 'merge Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest as usize] = self.tmp[ib as usize];
                        dest -= 1;
                        ib -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            break 'merge Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let key = self.tmp[ib as usize];
                    let k = match self.gallop_right(key, Src::List, basea, na, na - 1) {
                        Ok(k) => na - k,
                        Err(e) => break 'merge Err(e),
                    };
                    acount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ia -= k as isize;
                        let (s, d) = ((ia + 1) as usize, (dest + 1) as usize);
                        self.a.copy_within(s..s + k, d);
                        na -= k;
                        if na == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    self.a[dest as usize] = self.tmp[ib as usize];
                    dest -= 1;
                    ib -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'merge Ok(true);
                    }
                    let key = self.a[ia as usize];
                    let k = match self.gallop_left(key, Src::Tmp, 0, nb, nb - 1) {
                        Ok(k) => nb - k,
                        Err(e) => break 'merge Err(e),
                    };
                    bcount = k;
                    if k > 0 {
                        dest -= k as isize;
                        ib -= k as isize;
                        let (s, d) = ((ib + 1) as usize, (dest + 1) as usize);
                        self.a[d..d + k].copy_from_slice(&self.tmp[s..s + k]);
                        nb -= k;
                        if nb == 1 {
                            break 'merge Ok(true);
                        }
                        if nb == 0 {
                            break 'merge Ok(false);
                        }
                    }
                    self.a[dest as usize] = self.a[ia as usize];
                    dest -= 1;
                    ia -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'merge Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match res {
            Ok(true) => {
                // CopyA: the first item of B belongs at the front.
                let d = (dest + 1) as usize - na;
                let s = (ia + 1) as usize - na;
                self.a.copy_within(s..s + na, d);
                self.a[d - 1] = self.tmp[ib as usize];
                Ok(())
            }
            Ok(false) | Err(_) => {
                if nb > 0 {
                    let d = (dest + 1) as usize - nb;
                    self.a[d..d + nb].copy_from_slice(&self.tmp[..nb]);
                }
                match res {
                    Err(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }

    /// Merge the pending runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> Result<(), E> {
        let (mut pa, mut na) = (self.pending[i].base, self.pending[i].len);
        let (pb, mut nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Where does b start in a? What is before is in place already.
        let key = self.a[pb];
        let k = self.gallop_right(key, Src::List, pa, na, 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Where does a end in b? What is after is in place already.
        let key = self.a[pa + na - 1];
        nb = self.gallop_left(key, Src::List, pb, nb, nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(pa, na, pb, nb)
        } else {
            self.merge_hi(pa, na, pb, nb)
        }
    }

    /// A run of length `n2` follows the last pending one: merge the pending runs
    /// deeper in the merge tree than the node joining the two (powersort).
    fn found_new_run(&mut self, n2: usize, n: usize) -> Result<(), E> {
        if let Some(last) = self.pending.last() {
            let power = powerloop(last.base, last.len, n2, n);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                self.merge_at(self.pending.len() - 2)?;
            }
            if let Some(last) = self.pending.last_mut() {
                last.power = power;
            }
        }
        Ok(())
    }

    fn merge_force_collapse(&mut self) -> Result<(), E> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }
}

/// Which array a gallop searches: the list or the merge's copy.
#[derive(Clone, Copy)]
enum Src {
    List,
    Tmp,
}

#[cfg(test)]
mod tests {
    use super::sort;

    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sorts_stably() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 10, 63, 64, 65, 100, 257, 1000, 5000] {
            for modulo in [2u64, 10, 1000, u64::MAX] {
                let keys: Vec<u64> = (0..len).map(|_| lcg(&mut seed) % modulo).collect();
                let mut idx: Vec<usize> = (0..len).collect();
                sort::<()>(&mut idx, &mut |x, y| Ok(keys[x] < keys[y])).unwrap();
                let mut want: Vec<usize> = (0..len).collect();
                want.sort_by_key(|&i| keys[i]);
                assert_eq!(idx, want, "len {len} modulo {modulo}");
            }
        }
        // Partly ordered inputs exercise galloping.
        let keys: Vec<u64> = (0..3000u64)
            .map(|i| if i % 500 < 400 { i } else { 3000 - i })
            .collect();
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        sort::<()>(&mut idx, &mut |x, y| Ok(keys[x] < keys[y])).unwrap();
        let mut want: Vec<usize> = (0..keys.len()).collect();
        want.sort_by_key(|&i| keys[i]);
        assert_eq!(idx, want);
    }

    #[test]
    fn inconsistent_order_keeps_a_permutation() {
        let mut seed = 3u64;
        for len in [5usize, 100, 2000] {
            let mut idx: Vec<usize> = (0..len).collect();
            sort::<()>(&mut idx, &mut |_, _| Ok(lcg(&mut seed) & 1 == 0)).unwrap();
            let mut s = idx.clone();
            s.sort();
            assert_eq!(s, (0..len).collect::<Vec<_>>());
            // An error part way keeps a permutation too.
            let mut idx: Vec<usize> = (0..len).collect();
            let mut count = 0;
            let r = sort(&mut idx, &mut |x, y| {
                count += 1;
                if count == len * 3 {
                    Err(())
                } else {
                    Ok(x % 7 < y % 7)
                }
            });
            if len > 5 {
                assert!(r.is_err());
            }
            let mut s = idx.clone();
            s.sort();
            assert_eq!(s, (0..len).collect::<Vec<_>>());
        }
    }
}
