#pragma once
// The allocator's set-up for a process that runs one scan and exits.
#include <cstddef>
#include <memory>
#include <utility>

namespace akslint {

// Asks the kernel to back the allocator's main heap with huge pages (2 MiB). A scan's memory
// is nearly all new, and every 4 KiB page of it is first faulted in: on virtual machines,
// where a fault is dear, that was a tenth of a large scan's time. The heap is grown once by
// `bytes` of address space (pages are still only backed when touched) and advised
// MADV_HUGEPAGE; blocks up to 32 MiB are then carved from it rather than mapped on their
// own, and it is not trimmed, so freed memory goes back to the kernel only at exit. No
// advice is given unless the allocator is glibc's and its heap is where glibc keeps it (not
// under a sanitizer, say, nor in the executables linked with jemalloc, whose settings are in
// Heap.cpp). Call it before any other thread starts.
void prepare_heap_for_one_scan(std::size_t bytes = std::size_t{256} << 20);

// Keeps `kept` alive, undestroyed, to the end of the process. A process that exits once its
// scan is written gets all its memory back from the kernel at once; freeing a large model
// block by block first (50 to 70 ms of one thread on the corpus) only delays the exit.
// What is kept stays reachable, so LeakSanitizer does not count it as a leak.
void keep_until_exit(std::shared_ptr<const void> kept);

template <class T>
void keep_until_exit(T&& object) {
  keep_until_exit(std::shared_ptr<const void>(std::make_shared<std::decay_t<T>>(std::forward<T>(object))));
}

}  // namespace akslint
