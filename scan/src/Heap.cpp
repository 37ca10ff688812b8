#include <akslint/scan/Heap.h>

#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

// jemalloc's settings, read when it starts (cmake/AkslintAllocator.cmake links it into the
// executables; elsewhere this string is unused). One arena for all threads: with one per
// thread, two jobs' peak RSS on the corpus rose by up to 15 MiB, past the memory target, and
// their time did not improve beyond the host's noise. Thread caches spare the arena's lock,
// and larger ones than the default (up to 1,000 blocks a size, not 200, and tidied after
// every MiB allocated, not 64 KiB) keep what tree-sitter frees after each file for the next
// file's parse, where the default sent most of it back to the arena and fetched it again:
// 1.1% fewer instructions on the corpus, for 1 to 1.5 MiB more peak RSS with two jobs (and
// 3 MiB less with one).
extern "C" {
extern const char* const malloc_conf;
const char* const malloc_conf =
    "narenas:1,tcache_nslots_small_max:1000,lg_tcache_nslots_mul:2,tcache_gc_incr_bytes:1048576";
}

namespace akslint {

void prepare_heap_for_one_scan(std::size_t bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr int kLargestHeapBlock = 32 << 20;  // glibc's ceiling for M_MMAP_THRESHOLD
  constexpr int kDefaultTopPad = 128 << 10;
  constexpr std::size_t kProbe = std::size_t{1} << 20;
  constexpr std::size_t kSlack = std::size_t{4} << 20;
  if (bytes > (std::size_t{1} << 30)) bytes = std::size_t{1} << 30;  // the tunables are ints
  mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(bytes + kSlack));
  // A block larger than the heap's free top makes glibc grow the heap by it plus the pad.
  mallopt(M_TOP_PAD, static_cast<int>(bytes));
  void* probe = std::malloc(kProbe);
  const auto begin = reinterpret_cast<std::uintptr_t>(probe) & ~std::uintptr_t{4095};
  std::free(probe);
  mallopt(M_TOP_PAD, kDefaultTopPad);
  const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // Anywhere else, the probe did not come from the heap's top (another allocator, or a
  // heap glibc could not grow): leave the memory as it is.
  if (begin == 0 || end <= begin || end - begin > bytes + kProbe + kSlack) return;
  ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice: a refusal changes nothing
#else
  (void)bytes;
#endif
}

void keep_until_exit(std::shared_ptr<const void> kept) {
  // Never freed, so never destroyed, not even by the static destructors at exit.
  static auto* const all = new std::vector<std::shared_ptr<const void>>;
  static std::mutex lock;
  const std::lock_guard guard(lock);
  all->push_back(std::move(kept));
}

}  // namespace akslint
