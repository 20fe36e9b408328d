//! Mapping categories and permission tags, and the rules that assign a mapping to a
//! category.

use std::fmt;
use std::path::Path;

use serde::{Serialize, Serializer};

/// Declares the category table once; expands into the enum, its stable names, its
/// human labels and the list of all categories in display order.
macro_rules! categories {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, $label:literal; )*) => {
        /// What a mapping holds. The names (`Category::name`) are stable: they appear in
        /// JSON output and scripts may match on them.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Category {
            $( $(#[$doc])* $variant, )*
        }

        impl Category {
            /// Every category, in display order.
            pub const ALL: &'static [Category] = &[ $( Category::$variant, )* ];

            /// The stable machine-readable name (`jit_code`).
            pub fn name(self) -> &'static str {
                match self { $( Category::$variant => $name, )* }
            }

            /// A short human label (`JIT code`).
            pub fn label(self) -> &'static str {
                match self { $( Category::$variant => $label, )* }
            }

            /// Looks a category up by its stable name.
            pub fn from_name(name: &str) -> Option<Category> {
                match name { $( $name => Some(Category::$variant), )* _ => None }
            }
        }
    };
}

categories! {
    /// Executable file-backed mapping of the process's own executable.
    ProgramText => "program_text", "program text";
    /// Executable file-backed mapping of any other file (shared libraries, plugins).
    LibText => "lib_text", "library text";
    /// Executable anonymous memory, including executable `memfd` and SysV-shm mappings:
    /// code generated at run time.
    JitCode => "jit_code", "JIT code";
    /// The `[heap]` (brk) segment.
    Heap => "heap", "heap";
    /// `[stack]` and `[stack:TID]` mappings.
    Stack => "stack", "stack";
    /// Non-executable mappings of real files (read-only data, initialised data, mmapped files).
    FileData => "file_data", "file data";
    /// Non-executable anonymous memory: malloc arenas, mmapped buffers, `memfd`, shared
    /// anonymous memory, thread stacks the kernel does not name.
    AnonData => "anon_data", "anon data";
    /// Kernel-provided mappings: `[vdso]`, `[vvar]`, `[vsyscall]` and other `[...]` names.
    Other => "other", "other";
}

/// Number of categories.
pub const CATEGORY_COUNT: usize = Category::ALL.len();

impl Category {
    /// Index into per-category arrays (declaration order).
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// A mapping's permission tag: private or shared, and which of read, write and execute
/// it allows. Displayed as `p:rwx`, `s:r-x`, `p:---`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Perm {
    /// `MAP_SHARED` (`s`) rather than private copy-on-write (`p`).
    pub shared: bool,
    pub read: bool,
    pub write: bool,
    pub exec: bool,
}

impl Perm {
    /// Parses the 4-character permission field of `/proc/PID/maps` (`rwxp`). Unknown
    /// characters read as "not set".
    pub fn from_maps_field(s: &str) -> Perm {
        let b = s.as_bytes();
        Perm {
            read: b.first() == Some(&b'r'),
            write: b.get(1) == Some(&b'w'),
            exec: b.get(2) == Some(&b'x'),
            shared: b.get(3) == Some(&b's'),
        }
    }

    pub(crate) fn of(p: procfs::process::MMPermissions) -> Perm {
        use procfs::process::MMPermissions as P;
        Perm {
            shared: p.contains(P::SHARED),
            read: p.contains(P::READ),
            write: p.contains(P::WRITE),
            exec: p.contains(P::EXECUTE),
        }
    }
}

impl fmt::Display for Perm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flag = |on: bool, c: char| if on { c } else { '-' };
        write!(
            f,
            "{}:{}{}{}",
            if self.shared { 's' } else { 'p' },
            flag(self.read, 'r'),
            flag(self.write, 'w'),
            flag(self.exec, 'x')
        )
    }
}

impl Serialize for Perm {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What backs a mapping's pages, which decides whether the kernel can drop them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Backing {
    /// A file on a disk-backed filesystem: clean pages can be dropped and re-read.
    File,
    /// Anonymous memory (private): only swap can take it.
    Anon,
    /// Shared memory (`memfd`, SysV shm, shared anonymous): lives in the page cache of
    /// an in-memory filesystem, so it too can only be swapped.
    Shmem,
    /// Pages the kernel provides (`[vdso]`, `[vvar]`).
    Kernel,
}

/// Where a mapping's name says it comes from, reduced to what classification needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    Heap,
    Stack,
    /// `[vdso]`, `[vvar]`, `[vsyscall]` and other bracketed kernel names.
    Kernel,
    /// No name, or a named anonymous region (`[anon:NAME]`).
    Anonymous,
    /// Shared memory without a real file: `/memfd:`, `/SYSV…`, `/dev/zero (deleted)`,
    /// `[anon_shmem:NAME]`.
    Shmem,
    /// A file, with any ` (deleted)` suffix removed.
    File(&'a Path),
}

/// Assigns a category.
///
/// * program text: executable mapping of the file `exe` (the process's own executable);
/// * library text: any other executable file mapping;
/// * JIT code: executable anonymous or shared-memory (`memfd`) mapping;
/// * heap, stack: the kernel's `[heap]`, `[stack]`, `[stack:TID]`;
/// * file data / anon data: the non-executable rest, split by backing;
/// * other: kernel mappings.
pub fn classify(source: &Source<'_>, perm: Perm, exe: Option<&Path>) -> Category {
    match source {
        Source::Heap => Category::Heap,
        Source::Stack => Category::Stack,
        Source::Kernel => Category::Other,
        Source::Anonymous | Source::Shmem if perm.exec => Category::JitCode,
        Source::Anonymous | Source::Shmem => Category::AnonData,
        Source::File(p) if perm.exec => {
            if exe == Some(*p) {
                Category::ProgramText
            } else {
                Category::LibText
            }
        }
        Source::File(_) => Category::FileData,
    }
}

impl Source<'_> {
    /// The backing the source implies.
    pub fn backing(&self) -> Backing {
        match self {
            Source::Heap | Source::Stack | Source::Anonymous => Backing::Anon,
            Source::Kernel => Backing::Kernel,
            Source::Shmem => Backing::Shmem,
            Source::File(_) => Backing::File,
        }
    }
}

/// Suffix the kernel appends to the name of a mapped file that has been unlinked.
pub const DELETED_SUFFIX: &str = " (deleted)";

/// Splits a mapping name into the name proper and whether it carried ` (deleted)`.
pub fn strip_deleted(name: &str) -> (&str, bool) {
    match name.strip_suffix(DELETED_SUFFIX) {
        Some(base) => (base, true),
        None => (name, false),
    }
}

/// Reduces a mapping name as printed by the kernel (already stripped of ` (deleted)`)
/// to a [`Source`].
pub fn source_of(name: &str) -> Source<'_> {
    match name {
        "" => Source::Anonymous,
        "[heap]" => Source::Heap,
        "[stack]" => Source::Stack,
        n if n.starts_with("[stack:") => Source::Stack,
        n if n.starts_with("[anon_shmem:") => Source::Shmem,
        n if n.starts_with("[anon:") => Source::Anonymous,
        n if n.starts_with('[') => Source::Kernel,
        n if n.starts_with("/memfd:") || n.starts_with("/SYSV") || n == "/dev/zero" => {
            Source::Shmem
        }
        n => Source::File(Path::new(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perm(s: &str) -> Perm {
        Perm::from_maps_field(s)
    }

    #[test]
    fn perm_tags() {
        assert_eq!(perm("rwxp").to_string(), "p:rwx");
        assert_eq!(perm("r-xs").to_string(), "s:r-x");
        assert_eq!(perm("---p").to_string(), "p:---");
        assert_eq!(perm("").to_string(), "p:---");
    }

    #[test]
    fn names_round_trip() {
        for &c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
        assert_eq!(CATEGORY_COUNT, 8);
        assert_eq!(Category::JitCode.name(), "jit_code");
    }

    #[test]
    fn rules() {
        let exe = Some(Path::new("/usr/bin/prog"));
        let c = |name: &str, p: &str| classify(&source_of(strip_deleted(name).0), perm(p), exe);
        assert_eq!(c("/usr/bin/prog", "r-xp"), Category::ProgramText);
        assert_eq!(c("/usr/bin/prog", "r--p"), Category::FileData);
        assert_eq!(c("/usr/lib/libc.so.6", "r-xp"), Category::LibText);
        assert_eq!(c("/usr/bin/prog (deleted)", "r-xp"), Category::ProgramText);
        assert_eq!(c("", "rwxp"), Category::JitCode);
        assert_eq!(c("", "r-xp"), Category::JitCode);
        assert_eq!(c("", "rw-p"), Category::AnonData);
        assert_eq!(c("[anon:arena]", "rw-p"), Category::AnonData);
        assert_eq!(c("[anon:jit]", "r-xp"), Category::JitCode);
        assert_eq!(c("/memfd:jit (deleted)", "r-xs"), Category::JitCode);
        assert_eq!(c("/memfd:jit (deleted)", "rw-s"), Category::AnonData);
        assert_eq!(c("/dev/zero (deleted)", "rw-s"), Category::AnonData);
        assert_eq!(c("[heap]", "rw-p"), Category::Heap);
        assert_eq!(c("[stack]", "rw-p"), Category::Stack);
        assert_eq!(c("[stack:1234]", "rw-p"), Category::Stack);
        assert_eq!(c("[vdso]", "r-xp"), Category::Other);
        assert_eq!(c("[vvar]", "r--p"), Category::Other);
        assert_eq!(c("[vsyscall]", "--xp"), Category::Other);
        assert_eq!(c("/data/file.bin", "rw-s"), Category::FileData);
    }

    #[test]
    fn backing() {
        assert_eq!(source_of("/usr/lib/x.so").backing(), Backing::File);
        assert_eq!(source_of("/memfd:x").backing(), Backing::Shmem);
        assert_eq!(source_of("/SYSV00000000").backing(), Backing::Shmem);
        assert_eq!(source_of("").backing(), Backing::Anon);
        assert_eq!(source_of("[vdso]").backing(), Backing::Kernel);
    }
}
