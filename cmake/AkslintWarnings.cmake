# akslint_set_warnings(target): the project's warning set, PRIVATE, optionally as errors.
function(akslint_set_warnings target)
  # Rule metadata uses designated initializers that leave defaulted members out on purpose,
  # hence -Wno-missing-field-initializers.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
                                           -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
                                           -Wimplicit-fallthrough
                                           -Wno-missing-field-initializers)
  if(AKSLINT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()

# akslint_library(name): a folder's library target akslint_<name> with alias akslint::<name>,
# PUBLIC include/ and PRIVATE src/, from every .cpp under src/.
function(akslint_library name)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/src/*.cpp")
  add_library(akslint_${name} STATIC ${sources})
  add_library(akslint::${name} ALIAS akslint_${name})
  target_include_directories(akslint_${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include"
                                             PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/src")
  akslint_set_warnings(akslint_${name})
endfunction()
