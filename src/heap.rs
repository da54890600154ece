//! The wasm's global allocator: one free list per power-of-two size class.
//!
//! Why not the standard library's dlmalloc: it is general-purpose (splitting,
//! coalescing, bins, trees) and costs about 7 KB of wasm, 2.5 KB of it gzip,
//! for a program whose allocations are small, short-lived and repeat the same
//! shapes on every render. Here a request is rounded up to a power of two
//! (8 B at least); a freed block goes on its class's list and the next request
//! of that class takes it back; otherwise a block is cut from the top of the
//! heap, which grows the wasm memory when it must. Blocks are never split or
//! merged, so the waste is bounded by the rounding (under 2×) and the memory a
//! workload holds stops growing once it has run once: the leak tests and the
//! benchmark's memory figures hold it to that.
//!
//! The bookkeeping is in [`Pow2`], generic over where new memory comes from
//! ([`Grow`]), so native tests drive the same code over a plain buffer.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// Classes of 2^3 up to 2^(BITS − 2) bytes (1 GiB on wasm32): a larger
/// request gets null, as it would from any allocator there.
const CLASSES: usize = usize::BITS as usize - 4;

/// Where fresh memory comes from: the wasm memory, or a test's buffer.
pub trait Grow {
    /// Adds at least `bytes` bytes right after the memory handed out so far
    /// and returns the new end, or `None` when no more can be had. The first
    /// call (with `end` 0) returns the start of the heap as `start`.
    fn grow(&self, end: usize, bytes: usize) -> Option<(usize, usize)>;
}

struct State {
    /// The head of each class's list of free blocks; each free block holds
    /// the address of the next one in its first word.
    free: [*mut u8; CLASSES],
    /// The heap's unused part: `[next, end)`.
    next: usize,
    end: usize,
}

/// A size-class allocator over the memory `G` provides (single-threaded, as
/// wasm32-unknown-unknown is).
pub struct Pow2<G> {
    state: UnsafeCell<State>,
    grow: G,
}

// SAFETY: the target has no threads; native tests use one `Pow2` per thread.
unsafe impl<G> Sync for Pow2<G> {}

impl<G: Grow> Pow2<G> {
    /// An allocator with nothing handed out yet.
    pub const fn new(grow: G) -> Self {
        Pow2 {
            state: UnsafeCell::new(State {
                free: [null_mut(); CLASSES],
                next: 0,
                end: 0,
            }),
            grow,
        }
    }
}

/// The class of `layout`: block size `8 << class`, at least its size and its
/// alignment, so a block cut at an address aligned to `align` serves it.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    (usize::BITS - (size - 1).leading_zeros()) as usize - 3
}

unsafe impl<G: Grow> GlobalAlloc for Pow2<G> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let k = class(layout);
        if k >= CLASSES {
            return null_mut();
        }
        // SAFETY: single-threaded and not re-entered (`grow` does not allocate).
        let s = unsafe { &mut *self.state.get() };
        let head = s.free[k];
        if !head.is_null() {
            // SAFETY: a free block of this class holds the next one's address.
            s.free[k] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        // Every block is cut at an address aligned to its own size, so a block
        // taken back from a list serves any alignment its class allows.
        let size = 8usize << k;
        let mut start = (s.next + size - 1) & !(size - 1);
        if s.end == 0 || start.saturating_add(size) > s.end {
            // The first call does not know where the heap starts: ask for enough
            // to align anywhere.
            let want = if s.end == 0 {
                2 * size
            } else {
                start.saturating_add(size) - s.end
            };
            let Some((from, end)) = self.grow.grow(s.end, want) else {
                return null_mut();
            };
            if s.end == 0 {
                s.next = from;
            }
            s.end = end;
            start = (s.next + size - 1) & !(size - 1);
        }
        // The gap skipped for alignment is not lost: it splits into blocks each
        // aligned to its size (next's lowest set bit), which go on their lists.
        while s.next < start {
            let gap = 1usize << s.next.trailing_zeros();
            let c = gap.trailing_zeros() as usize - 3;
            let block = s.next as *mut u8;
            // SAFETY: the gap is unused heap, 8-aligned at least.
            unsafe { block.cast::<*mut u8>().write(s.free[c]) };
            s.free[c] = block;
            s.next += gap;
        }
        s.next = start + size;
        start as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let k = class(layout);
        // SAFETY: as in `alloc`; `ptr` is a block of class `k` (8 bytes at least,
        // aligned to 8), now unused, so its first word can hold the list link.
        let s = unsafe { &mut *self.state.get() };
        unsafe { ptr.cast::<*mut u8>().write(s.free[k]) };
        s.free[k] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A string or vector growing within its block's class stays where it is.
        // SAFETY: the caller guarantees a valid layout for `new_size`.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        let to = unsafe { self.alloc(new) };
        if !to.is_null() {
            // SAFETY: both blocks are live and hold at least the smaller size.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, to, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        to
    }
}

/// The wasm linear memory: the heap starts at its size when first asked
/// (whatever the linker laid out below stays untouched) and grows by pages.
#[cfg(target_arch = "wasm32")]
pub struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl Grow for WasmMemory {
    fn grow(&self, end: usize, bytes: usize) -> Option<(usize, usize)> {
        const PAGE: usize = 65536;
        let pages = bytes.div_ceil(PAGE);
        let old = core::arch::wasm32::memory_grow(0, pages);
        if old == usize::MAX {
            return None;
        }
        // Only this allocator grows the memory, so new pages follow the heap's
        // end, except on the first call, when the heap starts at the old size.
        let start = if end == 0 { old * PAGE } else { end };
        Some((start, (old + pages) * PAGE))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A fixed buffer handed out in 4 KiB steps, counting the bytes given.
    struct Buffer {
        base: usize,
        len: usize,
        given: Cell<usize>,
    }

    impl Grow for Buffer {
        fn grow(&self, end: usize, bytes: usize) -> Option<(usize, usize)> {
            let bytes = bytes.div_ceil(4096) * 4096;
            let given = self.given.get() + bytes;
            if given > self.len {
                return None;
            }
            self.given.set(given);
            let start = if end == 0 { self.base } else { end };
            Some((start, self.base + given))
        }
    }

    fn arena(len: usize) -> (Vec<u64>, Pow2<Buffer>) {
        let mut mem = vec![0u64; len / 8];
        let base = mem.as_mut_ptr() as usize;
        (
            mem,
            Pow2::new(Buffer {
                base,
                len,
                given: Cell::new(0),
            }),
        )
    }

    #[test]
    fn classes_round_up_to_a_power_of_two_of_at_least_eight() {
        // (size, align, block size)
        for (size, align, block) in [
            (0, 1, 8),
            (1, 1, 8),
            (8, 8, 8),
            (9, 1, 16),
            (16, 4, 16),
            (17, 8, 32),
            (3, 64, 64),
            (4096, 8, 4096),
            (4097, 8, 8192),
        ] {
            let layout = Layout::from_size_align(size, align).unwrap();
            assert_eq!(8 << class(layout), block, "size {size} align {align}");
        }
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_bytes() {
        let (_mem, a) = arena(1 << 20);
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        // A deterministic mix of sizes and alignments, freeing every third block.
        for i in 0..600usize {
            let size = (i * 37) % 700 + 1;
            let align = 1 << (i % 6);
            let layout = Layout::from_size_align(size, align).unwrap();
            let p = unsafe { a.alloc(layout) };
            assert!(!p.is_null(), "allocation {i} failed");
            assert_eq!(p as usize % align, 0, "allocation {i} misaligned");
            // Blocks handed out are aligned to their class's size.
            assert_eq!(
                p as usize % (8 << class(layout)),
                0,
                "allocation {i} not natural"
            );
            let tag = (i % 251) as u8;
            unsafe { p.write_bytes(tag, size) };
            live.push((p, layout, tag));
            if i % 3 == 2 {
                let (p, layout, _) = live.remove(i % live.len());
                unsafe { a.dealloc(p, layout) };
            }
        }
        for &(p, layout, tag) in &live {
            let bytes = unsafe { std::slice::from_raw_parts(p, layout.size()) };
            assert!(bytes.iter().all(|&b| b == tag), "a block was overwritten");
        }
        let mut spans: Vec<(usize, usize)> = live
            .iter()
            .map(|&(p, l, _)| (p as usize, p as usize + l.size()))
            .collect();
        spans.sort();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "blocks overlap");
    }

    #[test]
    fn a_repeated_workload_stops_taking_memory() {
        let (_mem, a) = arena(1 << 20);
        let round = |a: &Pow2<Buffer>| {
            let blocks: Vec<_> = (1..200usize)
                .map(|i| {
                    let l = Layout::from_size_align(i * 13, 8).unwrap();
                    (unsafe { a.alloc(l) }, l)
                })
                .collect();
            for (p, l) in blocks.into_iter().rev() {
                unsafe { a.dealloc(p, l) };
            }
        };
        round(&a);
        let after_one = a.grow.given.get();
        for _ in 0..100 {
            round(&a);
        }
        assert_eq!(a.grow.given.get(), after_one);
    }

    #[test]
    fn realloc_keeps_the_block_within_its_class_and_moves_the_bytes_otherwise() {
        let (_mem, a) = arena(1 << 16);
        let l = Layout::from_size_align(20, 4).unwrap();
        let p = unsafe { a.alloc(l) };
        unsafe { p.write_bytes(7, 20) };
        assert_eq!(
            unsafe { a.realloc(p, l, 32) },
            p,
            "20 → 32 stays in the 32-byte class"
        );
        let l32 = Layout::from_size_align(32, 4).unwrap();
        let q = unsafe { a.realloc(p, l32, 100) };
        assert_ne!(q, p);
        let bytes = unsafe { std::slice::from_raw_parts(q, 20) };
        assert!(bytes.iter().all(|&b| b == 7));
        // The 32-byte block went back on its list and serves the next request.
        assert_eq!(unsafe { a.alloc(l32) }, p);
    }

    #[test]
    fn running_out_gives_null_not_a_bad_block() {
        let (_mem, a) = arena(8192);
        let big = Layout::from_size_align(8192, 8).unwrap();
        assert!(
            unsafe { a.alloc(big) }.is_null(),
            "8 KiB and room to align it do not fit"
        );
        let small = Layout::from_size_align(100, 8).unwrap();
        assert!(!unsafe { a.alloc(small) }.is_null());
        // Past the largest class: null, never a shift that wraps to a tiny block.
        let huge = Layout::from_size_align(isize::MAX as usize, 1).unwrap();
        assert!(unsafe { a.alloc(huge) }.is_null());
    }
}
