//! The small-block chunks under the ledger: blocks are reused without corrupting their
//! contents, reallocation keeps data across classes, other threads can free the
//! owner's blocks, and the ledger's figures stay exact throughout. Runs without the
//! test harness, on the main thread, which owns the lists.

use lethe_ledger::{current, Category};
use std::alloc::{GlobalAlloc, Layout};

#[global_allocator]
static ALLOC: lethe_ledger::Ledger = lethe_ledger::Ledger;

fn fill(p: *mut u8, n: usize, seed: u8) {
    for i in 0..n {
        // SAFETY: `p` holds `n` bytes.
        unsafe { *p.add(i) = seed.wrapping_add(i as u8) };
    }
}

fn check(p: *const u8, n: usize, seed: u8) {
    for i in 0..n {
        // SAFETY: `p` holds `n` bytes.
        assert_eq!(
            unsafe { *p.add(i) },
            seed.wrapping_add(i as u8),
            "byte {i} of {n}"
        );
    }
}

fn main() {
    lethe_ledger::own_cache();
    let _g = lethe_ledger::scope(Category::Objects);
    // The list of live blocks is allocated before the baseline is taken.
    let mut live = Vec::with_capacity(300);
    let start = current(Category::Objects);

    // Every size up to past the largest class, allocated, filled, freed in an
    // interleaved order, several rounds (later rounds are served from the lists).
    for round in 0..4u8 {
        for size in 1..=300usize {
            let layout = Layout::from_size_align(size, 8).unwrap();
            // SAFETY: a non-zero size.
            let p = unsafe { ALLOC.alloc(layout) };
            assert!(!p.is_null());
            fill(p, size, round ^ size as u8);
            live.push((p, layout));
            if size % 3 == 0 {
                let (q, l) = live.remove(live.len() / 2);
                check(q, l.size(), round ^ l.size() as u8);
                // SAFETY: allocated above with `l`.
                unsafe { ALLOC.dealloc(q, l) };
            }
        }
        assert_eq!(
            current(Category::Objects) - start,
            live.iter().map(|(_, l)| l.size() as isize).sum::<isize>(),
            "the ledger counts requested bytes"
        );
        for (p, l) in live.drain(..) {
            check(p, l.size(), round ^ l.size() as u8);
            // SAFETY: allocated above with `l`.
            unsafe { ALLOC.dealloc(p, l) };
        }
        assert_eq!(current(Category::Objects), start, "everything freed");
    }

    // Zeroed blocks are zero even when a used block is reused.
    for size in [8usize, 24, 25, 100, 248] {
        let l = Layout::from_size_align(size, 8).unwrap();
        // SAFETY: a non-zero size.
        let p = unsafe { ALLOC.alloc(l) };
        fill(p, size, 0xAA);
        // SAFETY: allocated above with `l`.
        unsafe { ALLOC.dealloc(p, l) };
        // SAFETY: a non-zero size.
        let z = unsafe { ALLOC.alloc_zeroed(l) };
        // SAFETY: `z` holds `size` bytes.
        assert!(
            (0..size).all(|i| unsafe { *z.add(i) } == 0),
            "zeroed {size}"
        );
        // SAFETY: allocated above with `l`.
        unsafe { ALLOC.dealloc(z, l) };
    }

    // Growing and shrinking through every class and beyond keeps the contents.
    let mut l = Layout::from_size_align(1, 8).unwrap();
    // SAFETY: a non-zero size.
    let mut p = unsafe { ALLOC.alloc(l) };
    fill(p, 1, 7);
    for size in (2..=600usize).chain((1..600).rev()) {
        let keep = l.size().min(size);
        // SAFETY: `p` was allocated with `l`; `size` is non-zero.
        p = unsafe { ALLOC.realloc(p, l, size) };
        check(p, keep, 7);
        l = Layout::from_size_align(size, 8).unwrap();
        fill(p, size, 7);
        assert_eq!(current(Category::Objects) - start, size as isize);
    }
    // SAFETY: allocated with `l`.
    unsafe { ALLOC.dealloc(p, l) };
    assert_eq!(current(Category::Objects), start);

    drop(live);
    // Blocks allocated here and freed by another thread (which does not own the
    // lists), and the other way round.
    let blocks: Vec<usize> = (1..=200usize)
        .map(|n| {
            // SAFETY: a non-zero size.
            let p = unsafe { ALLOC.alloc(Layout::from_size_align(n, 8).unwrap()) };
            fill(p, n, n as u8);
            p as usize
        })
        .collect();
    let theirs: Vec<usize> = std::thread::spawn(move || {
        for (i, &p) in blocks.iter().enumerate() {
            let n = i + 1;
            check(p as *const u8, n, n as u8);
            // SAFETY: allocated above with this layout.
            unsafe { ALLOC.dealloc(p as *mut u8, Layout::from_size_align(n, 8).unwrap()) };
        }
        (1..=200usize)
            .map(|n| {
                // SAFETY: a non-zero size.
                let p = unsafe { ALLOC.alloc(Layout::from_size_align(n, 8).unwrap()) };
                fill(p, n, !(n as u8));
                p as usize
            })
            .collect()
    })
    .join()
    .unwrap();
    for (i, &p) in theirs.iter().enumerate() {
        let n = i + 1;
        check(p as *const u8, n, !(n as u8));
        // SAFETY: allocated by the other thread with this layout.
        unsafe { ALLOC.dealloc(p as *mut u8, Layout::from_size_align(n, 8).unwrap()) };
    }
    // Reuse after the exchange still gives sound blocks.
    for n in 1..=248usize {
        let l = Layout::from_size_align(n, 8).unwrap();
        // SAFETY: a non-zero size.
        let p = unsafe { ALLOC.alloc(l) };
        fill(p, n, 3);
        check(p, n, 3);
        // SAFETY: allocated with `l`.
        unsafe { ALLOC.dealloc(p, l) };
    }
    println!("test small_blocks ... ok");
}
