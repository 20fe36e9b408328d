//! A build identifier for the code cache: a hash of the sources that decide what
//! native code does (the code generator, the value encoding, the bytecode), so code
//! cached by one build is never used by a build that would compile differently.

use std::path::Path;

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let root = Path::new(&dir);
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(root.join("src")) {
        for e in rd.flatten() {
            files.push(e.path());
        }
    }
    files.push(root.join("../lethe-vm/src/value.rs"));
    files.push(root.join("../lethe-vm/src/jit.rs"));
    files.push(root.join("../lethe-compiler/src/bytecode.rs"));
    files.sort();
    // FNV-1a, 64 bits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        for b in f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .bytes()
            .chain(std::fs::read(f).unwrap_or_default())
        {
            h ^= b as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=LETHE_JIT_BUILD_ID={h:016x}");
}
