//! The `lethe` executable is linked as a fixed-address (non-PIE) program on Linux:
//! its pointer tables then need no relocation at start-up, so they stay clean,
//! file-backed pages (shareable, evictable) instead of private copies, and the
//! relocation table is not read at all.
//!
//! On x86-64 Linux (where rustc links with its own lld) the functions that run at
//! start-up are also placed first, in the order they run (`startup-order.txt`,
//! written by `tools/startup_order.py`): the kernel maps text in 64 KiB windows
//! around each fault, so scattered start-up code made every window it touched
//! resident.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    if os == "linux" && arch == "x86_64" {
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it");
        let order = std::path::Path::new(&dir).join("startup-order.txt");
        println!("cargo:rerun-if-changed={}", order.display());
        if order.exists() {
            println!(
                "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={},--no-warn-symbol-ordering",
                order.display()
            );
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
