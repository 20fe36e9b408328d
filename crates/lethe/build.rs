//! The `lethe` executable is linked as a fixed-address (non-PIE) program on Linux:
//! its pointer tables then need no relocation at start-up, so they stay clean,
//! file-backed pages (shareable, evictable) instead of private copies, and the
//! relocation table is not read at all.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
