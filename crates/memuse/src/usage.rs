//! Memory figures: the raw per-mapping fields of `smaps`, and the derived, summable
//! [`Usage`] (size, RSS, PSS, USS, swap, evictable, pinned).

use std::collections::HashMap;
use std::ops::AddAssign;

use serde::Serialize;

use crate::classify::Backing;

/// The `smaps` fields memuse reads for one mapping, in bytes. Fields the kernel does not
/// print (older kernels lack `LazyFree`, `SwapPss`) read as 0.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SmapsFields {
    pub size: u64,
    pub rss: u64,
    pub pss: u64,
    pub shared_clean: u64,
    pub shared_dirty: u64,
    pub private_clean: u64,
    pub private_dirty: u64,
    pub anonymous: u64,
    pub lazy_free: u64,
    pub swap: u64,
    pub swap_pss: u64,
}

impl SmapsFields {
    /// Picks the fields out of procfs's key/value map (values already in bytes).
    pub(crate) fn from_map(map: &HashMap<String, u64>) -> SmapsFields {
        let get = |k: &str| map.get(k).copied().unwrap_or(0);
        SmapsFields {
            size: get("Size"),
            rss: get("Rss"),
            pss: get("Pss"),
            shared_clean: get("Shared_Clean"),
            shared_dirty: get("Shared_Dirty"),
            private_clean: get("Private_Clean"),
            private_dirty: get("Private_Dirty"),
            anonymous: get("Anonymous"),
            lazy_free: get("LazyFree"),
            swap: get("Swap"),
            swap_pss: get("SwapPss"),
        }
    }
}

/// Summable memory figures, in bytes, for a mapping or a group of mappings.
///
/// `evictable + pinned == rss` always holds.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Usage {
    /// Number of mappings summed.
    pub mappings: u64,
    /// Virtual size.
    pub size: u64,
    /// Resident set: pages in RAM, shared ones counted in full.
    pub rss: u64,
    /// Proportional set: each resident page divided by the number of processes mapping it.
    pub pss: u64,
    /// Unique set: private pages (`Private_Clean + Private_Dirty`), what exiting would free.
    pub uss: u64,
    /// Pages of this mapping that are in swap.
    pub swap: u64,
    /// Resident pages the kernel can drop without swap: clean pages of real files, plus
    /// anonymous pages marked `MADV_FREE` (`LazyFree`).
    pub evictable: u64,
    /// Resident pages only swap can take: anonymous, shared-memory and dirty pages.
    pub pinned: u64,
}

impl Usage {
    /// Derives the usage of one mapping from its raw fields and backing.
    pub fn of_mapping(f: &SmapsFields, backing: Backing) -> Usage {
        // Copy-on-write pages in a private file mapping are anonymous; only the rest of
        // the resident pages belong to the file. Clean anonymous pages (swapped back in)
        // are rare; bounding by both figures keeps them out of the evictable count.
        let file_clean = match backing {
            Backing::File => (f.shared_clean.saturating_add(f.private_clean))
                .min(f.rss.saturating_sub(f.anonymous)),
            Backing::Anon | Backing::Shmem | Backing::Kernel => 0,
        };
        let lazy = f.lazy_free.min(f.anonymous);
        let evictable = file_clean.saturating_add(lazy).min(f.rss);
        Usage {
            mappings: 1,
            size: f.size,
            rss: f.rss,
            pss: f.pss,
            uss: f.private_clean.saturating_add(f.private_dirty),
            swap: f.swap,
            evictable,
            pinned: f.rss - evictable,
        }
    }

    /// Field-wise maximum, for peaks over time.
    pub fn max_with(&mut self, o: &Usage) {
        self.mappings = self.mappings.max(o.mappings);
        self.size = self.size.max(o.size);
        self.rss = self.rss.max(o.rss);
        self.pss = self.pss.max(o.pss);
        self.uss = self.uss.max(o.uss);
        self.swap = self.swap.max(o.swap);
        self.evictable = self.evictable.max(o.evictable);
        self.pinned = self.pinned.max(o.pinned);
    }
}

impl AddAssign<&Usage> for Usage {
    /// Saturating: a corrupt input with huge values must not wrap or panic.
    fn add_assign(&mut self, o: &Usage) {
        self.mappings = self.mappings.saturating_add(o.mappings);
        self.size = self.size.saturating_add(o.size);
        self.rss = self.rss.saturating_add(o.rss);
        self.pss = self.pss.saturating_add(o.pss);
        self.uss = self.uss.saturating_add(o.uss);
        self.swap = self.swap.saturating_add(o.swap);
        self.evictable = self.evictable.saturating_add(o.evictable);
        self.pinned = self.pinned.saturating_add(o.pinned);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(rss: u64, clean: u64, anon: u64) -> SmapsFields {
        SmapsFields {
            size: rss * 2,
            rss,
            pss: rss,
            private_clean: clean,
            private_dirty: rss - clean,
            anonymous: anon,
            ..SmapsFields::default()
        }
    }

    #[test]
    fn clean_file_pages_are_evictable() {
        let u = Usage::of_mapping(&fields(100, 60, 0), Backing::File);
        assert_eq!((u.evictable, u.pinned, u.uss), (60, 40, 100));
    }

    #[test]
    fn cow_pages_of_a_file_mapping_are_pinned() {
        // 30 anonymous (copied-on-write) pages, 80 clean: at most 70 file pages remain.
        let u = Usage::of_mapping(&fields(100, 80, 30), Backing::File);
        assert_eq!((u.evictable, u.pinned), (70, 30));
    }

    #[test]
    fn anonymous_and_shmem_are_pinned_except_lazyfree() {
        let mut f = fields(100, 100, 100);
        assert_eq!(Usage::of_mapping(&f, Backing::Shmem).evictable, 0);
        assert_eq!(Usage::of_mapping(&f, Backing::Anon).pinned, 100);
        f.lazy_free = 25;
        let u = Usage::of_mapping(&f, Backing::Anon);
        assert_eq!((u.evictable, u.pinned), (25, 75));
    }

    #[test]
    fn sums_saturate() {
        let mut a = Usage {
            rss: u64::MAX - 1,
            ..Usage::default()
        };
        a += &Usage {
            rss: 10,
            ..Usage::default()
        };
        assert_eq!(a.rss, u64::MAX);
    }
}
