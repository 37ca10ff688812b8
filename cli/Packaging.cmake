# Installation (`cmake --install`) and the Debian package (`cpack -G DEB`): the executable and
# the documentation, with the generated rule pages.
include(GNUInstallDirs)

install(TARGETS akslint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT akslint)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT akslint
        FILES_MATCHING PATTERN "*.md" PATTERN "*.json")

set(CPACK_PACKAGE_NAME akslint)
set(CPACK_PACKAGE_VENDOR "akslint")
set(CPACK_PACKAGE_CONTACT "akslint maintainers <akslint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# Library dependencies (libfmt, libstdc++) from the binary itself, so they never drift.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
