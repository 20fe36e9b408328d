//! Parsing and classification on captured `/proc` files (`tests/fixtures/`), with the
//! rendered tables compared against expected files (`LETHE_BLESS=1` rewrites them).

use std::path::{Path, PathBuf};

use memuse::report::{self, Units};
use memuse::{parse_smaps, Backing, Category, Mapping, Snapshot};

fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str, file: &str) -> Vec<u8> {
    let p = fixture_dir(name).join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn load(name: &str) -> Snapshot {
    let exe = String::from_utf8(read(name, "exe")).expect("exe is UTF-8");
    let exe = PathBuf::from(exe.trim_end_matches('\n'));
    Snapshot::from_smaps(1, name, Some(&exe), &read(name, "smaps")).expect("fixture parses")
}

/// A `Key:   N kB` field of a status or smaps_rollup file, in bytes.
fn field(text: &[u8], key: &str) -> u64 {
    let text = String::from_utf8_lossy(text);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{key}:")))
        .unwrap_or_else(|| panic!("no {key}"));
    let kb: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("bad {key}"));
    kb * 1024
}

fn find<'a>(s: &'a Snapshot, pred: impl Fn(&Mapping) -> bool, what: &str) -> &'a Mapping {
    let found: Vec<&Mapping> = s.mappings.iter().filter(|m| pred(m)).collect();
    assert_eq!(found.len(), 1, "expected exactly one {what}");
    found[0]
}

/// Compares `actual` with the expected file, or rewrites it under `LETHE_BLESS=1`.
fn expect_file(name: &str, file: &str, actual: &str) {
    let path = fixture_dir(name).join("expected").join(file);
    if std::env::var_os("LETHE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with LETHE_BLESS=1)", path.display()));
    assert!(
        expected == actual,
        "{} differs (LETHE_BLESS=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

const KB: u64 = 1024;
const PAGE: u64 = 4 * KB;

#[test]
fn python_jit_every_category_is_present() {
    let s = load("python-jit");
    let t = s.by_category();
    for &c in Category::ALL {
        assert!(t.get(c).mappings > 0, "no mapping classified {}", c.name());
    }
    assert_eq!(t.total().mappings, s.mappings.len() as u64);
}

#[test]
fn python_jit_specific_mappings() {
    let s = load("python-jit");

    let rwx = find(&s, |m| m.perm.to_string() == "p:rwx", "private rwx mapping");
    assert_eq!(rwx.category, Category::JitCode);
    assert_eq!(rwx.name, "");
    assert_eq!((rwx.usage.size, rwx.usage.rss), (3 * PAGE, 2 * PAGE));
    assert_eq!(rwx.usage.pinned, 2 * PAGE);

    let rx = find(
        &s,
        |m| m.perm.to_string() == "p:r-x" && m.name.is_empty(),
        "anonymous r-x mapping",
    );
    assert_eq!(rx.category, Category::JitCode);
    assert_eq!(
        (rx.usage.size, rx.usage.rss, rx.usage.uss),
        (5 * PAGE, 5 * PAGE, 5 * PAGE)
    );

    let memfd = find(&s, |m| m.name.starts_with("/memfd:"), "memfd mapping");
    assert_eq!(memfd.name, "/memfd:jit-code");
    assert!(memfd.deleted);
    assert_eq!(memfd.perm.to_string(), "s:rwx");
    assert_eq!(memfd.category, Category::JitCode);
    assert_eq!(memfd.backing, Backing::Shmem);
    assert_eq!((memfd.usage.rss, memfd.usage.evictable), (PAGE, 0));

    let shared_anon = find(&s, |m| m.name == "/dev/zero", "shared anonymous mapping");
    assert!(shared_anon.deleted);
    assert_eq!(shared_anon.category, Category::AnonData);
    assert_eq!(shared_anon.usage.pinned, shared_anon.usage.rss);

    let deleted = find(
        &s,
        |m| m.name.contains("memuse-fixture-"),
        "deleted file mapping",
    );
    assert!(deleted.deleted);
    assert!(!deleted.name.ends_with("(deleted)"));
    assert_eq!(deleted.category, Category::FileData);
    assert_eq!(deleted.backing, Backing::File);
    assert_eq!(
        (deleted.usage.rss, deleted.usage.evictable),
        (4 * PAGE, 4 * PAGE)
    );

    let reserve = find(&s, |m| m.usage.size == 64 << 30, "64 GiB reservation");
    assert_eq!(reserve.perm.to_string(), "p:---");
    assert_eq!(
        (reserve.category, reserve.usage.rss),
        (Category::AnonData, 0)
    );

    assert_eq!(
        find(&s, |m| m.name == "[heap]", "heap").category,
        Category::Heap
    );
    assert_eq!(
        find(&s, |m| m.name == "[stack]", "stack").category,
        Category::Stack
    );
    for k in ["[vdso]", "[vvar]", "[vsyscall]"] {
        assert_eq!(
            find(&s, |m| m.name == k, k).category,
            Category::Other,
            "{k}"
        );
    }

    let exe = s.exe.clone().expect("exe");
    for m in &s.mappings {
        let own = Path::new(&m.name) == exe;
        match m.category {
            Category::ProgramText => assert!(own && m.perm.exec, "{m:?}"),
            Category::LibText => assert!(!own && m.perm.exec && m.name.starts_with('/')),
            _ => {}
        }
        assert_eq!(m.usage.evictable + m.usage.pinned, m.usage.rss, "{m:?}");
    }
}

#[test]
fn python_jit_totals_match_rollup_and_status() {
    let s = load("python-jit");
    let rollup = read("python-jit", "smaps_rollup");
    let t = s.total();
    // smaps_rollup sums exact page counts: these must agree exactly.
    assert_eq!(t.rss, field(&rollup, "Rss"));
    assert_eq!(
        t.uss,
        field(&rollup, "Private_Clean") + field(&rollup, "Private_Dirty")
    );
    assert_eq!(t.swap, field(&rollup, "Swap"));
    // PSS is truncated to whole kB per mapping in smaps, once in the rollup.
    let pss = field(&rollup, "Pss");
    assert!(
        t.pss <= pss && pss - t.pss < t.mappings * KB,
        "{} vs {pss}",
        t.pss
    );
    // Anonymous pages are pinned; with no swap-cache pages and no LazyFree, exactly.
    let anon = field(&rollup, "Anonymous");
    assert!(t.pinned >= anon);
    // VmRSS comes from per-CPU batched counters: close, not exact.
    let vm_rss = field(&read("python-jit", "status"), "VmRSS");
    assert!(
        t.rss.abs_diff(vm_rss) <= 512 * KB,
        "{} vs VmRSS {vm_rss}",
        t.rss
    );
}

#[test]
fn python_jit_rendered_tables() {
    let s = load("python-jit");
    expect_file(
        "python-jit",
        "category.txt",
        &report::category_table(&s.by_category(), Units::Bytes),
    );
    expect_file(
        "python-jit",
        "perm.txt",
        &report::perm_table(&s.by_perm(), Units::Bytes),
    );
    expect_file(
        "python-jit",
        "maps.txt",
        &report::maps_table(&s.mappings, Units::Bytes),
    );
}

#[test]
fn edge_cases() {
    let s = load("edge");
    let by_name = |n: &str| find(&s, |m| m.name == n, n);

    let prog = &s.mappings[0];
    assert_eq!(prog.name, "/opt/my app/bin/prog");
    assert!(prog.deleted);
    assert_eq!(prog.category, Category::ProgramText);
    assert_eq!(s.mappings[1].category, Category::FileData);
    // Copy-on-write page of a file mapping: 4 kB anonymous, so only 4 kB evictable.
    assert_eq!(
        (s.mappings[1].usage.evictable, s.mappings[1].usage.pinned),
        (4 * KB, 4 * KB)
    );

    let jit = by_name("[anon:jit arena]");
    assert_eq!((jit.category, jit.usage.swap), (Category::JitCode, 16 * KB));
    let scratch = by_name("[anon:scratch]");
    assert_eq!(scratch.category, Category::AnonData);
    assert_eq!(
        (scratch.usage.evictable, scratch.usage.pinned),
        (128 * KB, 384 * KB)
    );

    let sysv = by_name("/SYSV0000abcd");
    assert_eq!(
        (sysv.category, sysv.backing),
        (Category::AnonData, Backing::Shmem)
    );
    assert_eq!(
        (sysv.usage.pss, sysv.usage.uss, sysv.usage.pinned),
        (8 * KB, 0, 16 * KB)
    );
    assert_eq!(by_name("[anon_shmem:code]").category, Category::JitCode);
    assert_eq!(by_name("[stack:4242]").category, Category::Stack);
    assert_eq!(by_name("[uprobes]").category, Category::Other);

    let huge = find(&s, |m| m.usage.size > 1 << 60, "huge mapping");
    assert_eq!(huge.usage.size, 18014398509481983 * KB);
    assert_eq!(huge.category, Category::AnonData);
    // Sums saturate instead of wrapping.
    let t = s.total();
    assert_eq!(t.size, u64::MAX);
    assert_eq!(t.rss, u64::MAX);
    assert_eq!(t.mappings, 9);

    let text = report::category_table(&s.by_category(), Units::Human);
    assert!(text.contains("16.0E"), "{text}");
    expect_file(
        "edge",
        "category.txt",
        &report::category_table(&s.by_category(), Units::Bytes),
    );
    expect_file(
        "edge",
        "maps.txt",
        &report::maps_table(&s.mappings, Units::Human),
    );
}

/// A tiny deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn mangled_input_never_panics() {
    let orig = read("python-jit", "smaps");
    let edge = read("edge", "smaps");
    let junk: &[&[u8]] = &[
        b" ",
        b"\n",
        b":",
        b"-",
        b"[",
        b"]",
        b"/SYSV",
        b"[stack:",
        b"\xff",
        b"kB",
        b"99999999999999999999",
        b"18446744073709551615",
        b"(deleted)",
        b"\xc3\xa9",
    ];
    let mut rng = Lcg(2);
    let mut ok = 0;
    for round in 0..3000 {
        let base = if round % 2 == 0 { &orig } else { &edge };
        let mut v = base.clone();
        for _ in 0..1 + rng.next(4) {
            let at = rng.next(v.len());
            match rng.next(4) {
                0 => v.truncate(at),
                1 => {
                    let j = junk[rng.next(junk.len())];
                    v.splice(at..at, j.iter().copied());
                }
                2 => {
                    let end = (at + rng.next(40)).min(v.len());
                    v.drain(at..end);
                }
                _ => {
                    if let Some(b) = v.get_mut(at) {
                        *b = rng.next(256) as u8;
                    }
                }
            }
        }
        if parse_smaps(&v, Some(Path::new("/x"))).is_ok() {
            ok += 1;
        }
    }
    // Some mangled inputs still parse, some do not; neither panics.
    assert!(ok > 0);
}
