# The tree-sitter runtime and grammars come as C sources inside pinned npm packages
# (package.json, package-lock.json; `npm ci --ignore-scripts`). We compile them here into
# one static library, akslint::treesitter; no npm native build is involved.
set(_nm "${AKSLINT_NODE_MODULES}")
set(_runtime "${_nm}/tree-sitter/vendor/tree-sitter/lib")
if(NOT EXISTS "${_runtime}/src/lib.c")
  message(FATAL_ERROR "tree-sitter sources not found under ${_nm}. Run `npm ci --ignore-scripts` in the "
                      "source directory first (scripts/setup.sh does it).")
endif()

set(_grammars
    "${_nm}/@tree-sitter-grammars/tree-sitter-hcl/src"
    "${_nm}/tree-sitter-json/src"
    "${_nm}/tree-sitter-bicep/src"
    "${_nm}/@tree-sitter-grammars/tree-sitter-yaml/src")
set(_sources "${_runtime}/src/lib.c")
set(_tables "")
set(_scanners "")
foreach(dir IN LISTS _grammars)
  list(APPEND _sources "${dir}/parser.c")
  list(APPEND _tables "${dir}/parser.c")
  if(EXISTS "${dir}/scanner.c")
    list(APPEND _sources "${dir}/scanner.c")
    list(APPEND _scanners "${dir}/scanner.c")
  endif()
endforeach()

add_library(akslint_treesitter STATIC ${_sources})
add_library(akslint::treesitter ALIAS akslint_treesitter)
target_include_directories(akslint_treesitter SYSTEM PUBLIC "${_runtime}/include"
                                              PRIVATE "${_runtime}/src")
set_target_properties(akslint_treesitter PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
# Generated grammar code is not ours to lint; optimise it even in debug builds, since the
# parse tables dominate scan time. -O3 rather than -O2: 2% fewer instructions in parsing
# and 3% less time for the corpus's scan (docs/benchmarks.md, round 21).
target_compile_options(akslint_treesitter PRIVATE -w -O3)
target_compile_definitions(akslint_treesitter PRIVATE _DEFAULT_SOURCE _POSIX_C_SOURCE=200112L)
# The scanners allocate as the runtime does, in the parse arena while a document is parsed:
# through its allocator hooks for those that use tree-sitter's array.h, and through
# ScannerAllocator.h for those that call the C library's functions themselves.
set_source_files_properties(${_scanners} PROPERTIES
  COMPILE_DEFINITIONS TREE_SITTER_REUSE_ALLOCATOR
  COMPILE_OPTIONS "-include;${PROJECT_SOURCE_DIR}/parsers/src/ts/ScannerAllocator.h")
# The generated parse tables are data plus huge lexer switches: instrumenting them triples the
# sanitizer build's time and finds nothing. The runtime and the hand-written scanners stay checked.
if(AKSLINT_SANITIZE)
  set_source_files_properties(${_tables} PROPERTIES COMPILE_OPTIONS "-fno-sanitize=address,undefined")
endif()

# The runtime's internal headers (<src/subtree.h>, ...), for the copy of parse trees that walks
# tree-sitter's subtrees directly (parsers/src/ts/SyntaxTree.cpp). The version is pinned.
add_library(akslint_treesitter_internals INTERFACE)
add_library(akslint::treesitter_internals ALIAS akslint_treesitter_internals)
target_include_directories(akslint_treesitter_internals SYSTEM INTERFACE "${_runtime}")
