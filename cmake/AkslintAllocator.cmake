# The executables' allocator. glibc's spent 1.4 G more instructions on the corpus's scan than
# on its parse alone (its thread cache holds 7 blocks a size; past that every request walks
# its bins); jemalloc, linked statically from Debian's libjemalloc-dev, cuts the scan by 7%
# (docs/benchmarks.md, round 13). Its settings are in scan/src/Heap.cpp. Sanitizers bring
# their own allocator, so a sanitized build keeps the system's.
option(AKSLINT_JEMALLOC "Link akslint and akslint_bench with jemalloc (Debian libjemalloc-dev)" ON)
set(AKSLINT_USES_JEMALLOC OFF)
if(AKSLINT_JEMALLOC AND NOT AKSLINT_SANITIZE)
  find_library(AKSLINT_JEMALLOC_LIBRARY NAMES libjemalloc_pic.a)
  if(NOT AKSLINT_JEMALLOC_LIBRARY)
    message(FATAL_ERROR "jemalloc not found: install libjemalloc-dev (scripts/setup.sh does), "
                        "or configure with -DAKSLINT_JEMALLOC=OFF to keep the system's allocator")
  endif()
  set(AKSLINT_USES_JEMALLOC ON)
endif()

# akslint_link_allocator(target): links an executable with the chosen allocator.
function(akslint_link_allocator target)
  if(AKSLINT_USES_JEMALLOC)
    target_link_libraries(${target} PRIVATE "${AKSLINT_JEMALLOC_LIBRARY}" Threads::Threads ${CMAKE_DL_LIBS} m)
  endif()
endfunction()
