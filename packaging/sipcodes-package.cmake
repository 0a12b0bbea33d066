# SPDX-License-Identifier: GPL-2.0-or-later
#
# Install, uninstall and the Debian package (issue 7). Included at the end of
# the top-level CMakeLists.txt, after the plugin, the command and the tests.
#
#   cmake --install build                      personal folders (the default)
#   cmake --build build --target uninstall     removes what that installed
#   packaging/build-deb.sh                     sipcodes_<version>_<arch>.deb

# ---- uninstall ------------------------------------------------------------
configure_file(${CMAKE_CURRENT_LIST_DIR}/cmake_uninstall.cmake.in
               ${PROJECT_BINARY_DIR}/cmake_uninstall.cmake @ONLY)
add_custom_target(uninstall
  COMMAND ${CMAKE_COMMAND} -P ${PROJECT_BINARY_DIR}/cmake_uninstall.cmake
  COMMENT "Removing the files listed in ${PROJECT_BINARY_DIR}/install_manifest.txt")

# ---- documentation of a global (package) install -----------------------
# /usr/share/doc/sipcodes: the Debian copyright file and the user docs. A
# personal install leaves documentation where the repository is.
if(SIPCODES_INSTALL_GLOBAL)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright DESTINATION share/doc/sipcodes)
  install(FILES
      ${PROJECT_SOURCE_DIR}/README.md
      ${PROJECT_SOURCE_DIR}/docs/user-guide.md
      ${PROJECT_SOURCE_DIR}/docs/changelog.md
      ${PROJECT_SOURCE_DIR}/docs/fields.md
      ${PROJECT_SOURCE_DIR}/docs/dispositions.md
      ${PROJECT_SOURCE_DIR}/docs/outcomes.md
      ${PROJECT_SOURCE_DIR}/docs/overrides.md
    DESTINATION share/doc/sipcodes)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/examples/sipcodes_overrides
    DESTINATION share/doc/sipcodes/examples)
  # The user guide's screenshots, so it reads the same offline.
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/images
    DESTINATION share/doc/sipcodes FILES_MATCHING PATTERN "*.png")
endif()

# ---- the Debian package -------------------------------------------------
# The plugin only loads in the Wireshark major.minor it was built for, so the
# package depends on exactly the libwireshark package this build linked:
# the one dpkg says owns the library behind the Wireshark CMake target epan
# (libwireshark16 on Debian 12), within that major.minor.
function(sipcodes_libwireshark_package out_var)
  set(library "")
  get_target_property(configurations epan IMPORTED_CONFIGURATIONS)
  foreach(configuration IN LISTS configurations)
    get_target_property(location epan IMPORTED_LOCATION_${configuration})
    get_target_property(soname epan IMPORTED_SONAME_${configuration})
    if(location)
      set(library "${location}")
      break()
    endif()
  endforeach()
  set(package "")
  if(library)
    get_filename_component(library "${library}" REALPATH)
    find_program(SIPCODES_DPKG_QUERY dpkg-query)
    if(SIPCODES_DPKG_QUERY)
      execute_process(COMMAND ${SIPCODES_DPKG_QUERY} -S "${library}"
        OUTPUT_VARIABLE owner RESULT_VARIABLE result ERROR_QUIET)
      if(result EQUAL 0 AND owner MATCHES "^([a-z0-9][a-z0-9.+-]*)[:,]")
        set(package "${CMAKE_MATCH_1}")
      endif()
    endif()
  endif()
  # Not from a Debian package (a Wireshark built from source): name it the
  # way Debian does, from the soname (libwireshark.so.16 -> libwireshark16).
  if(NOT package AND soname MATCHES "^libwireshark\\.so\\.([0-9]+)$")
    set(package "libwireshark${CMAKE_MATCH_1}")
  endif()
  if(NOT package)
    set(package "libwireshark-data")
    message(WARNING "sipcodes: could not tell which package provides libwireshark; "
                    "the Debian package will depend on ${package}")
  endif()
  set(${out_var} "${package}" PARENT_SCOPE)
endfunction()

sipcodes_libwireshark_package(SIPCODES_LIBWIRESHARK_PACKAGE)
math(EXPR sipcodes_next_minor "${Wireshark_MINOR_VERSION} + 1")
set(sipcodes_ws_range_low "${Wireshark_MAJOR_VERSION}.${Wireshark_MINOR_VERSION}")
set(sipcodes_ws_range_high "${Wireshark_MAJOR_VERSION}.${sipcodes_next_minor}")

set(SIPCODES_PACKAGE_MAINTAINER "sipcodes maintainers <sipcodes@example.org>"
  CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sipcodes)
set(CPACK_PACKAGE_VENDOR "sipcodes")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${SIPCODES_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "SIP Response Insight for Wireshark ${sipcodes_ws_range_low}: every SIP response explained")
set(CPACK_PACKAGE_DESCRIPTION
  "A Wireshark and tshark plugin that explains every SIP response in a capture:\n\
its class, what it means, its likely causes, what to do next and what it means\n\
for the call. Per call it finds the response that decided the call (answered,\n\
busy, cancelled, blocked...) and tallies those outcomes in a statistics tree,\n\
a per-call table and expert information. The companion command sipcodes\n\
explains a code without a capture and reports per-call outcomes of captures.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/COPYING)
set(CPACK_STRIP_FILES ON)
# Absolute destinations (the global plugin folder) go into the package tree,
# and the command and man page under /usr whatever the build's prefix is.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)          # sipcodes_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)           # libc6, libglib2.0-0, ...
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "${SIPCODES_LIBWIRESHARK_PACKAGE} (>= ${sipcodes_ws_range_low}), ${SIPCODES_LIBWIRESHARK_PACKAGE} (<< ${sipcodes_ws_range_high})")
# `sipcodes report` runs tshark; the GUI is the other way to use the plugin.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "tshark (>= ${sipcodes_ws_range_low}), tshark (<< ${sipcodes_ws_range_high})")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "wireshark")
if(SIPCODES_INSTALL_GLOBAL)
  set(sipcodes_install_scope global)
else()
  set(sipcodes_install_scope personal)
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake.in
               ${PROJECT_BINARY_DIR}/CPackProjectConfig.cmake @ONLY)
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_BINARY_DIR}/CPackProjectConfig.cmake)
include(CPack)

# ---- packaging test -----------------------------------------------------
# Builds the .deb in a temporary global build folder and checks its name,
# contents and Depends with dpkg-deb; installs nothing. `ctest -L packaging`.
add_test(NAME packaging/deb
  COMMAND ${PROJECT_SOURCE_DIR}/packaging/test-deb.sh ${SIPCODES_WIRESHARK_ABI})
set_tests_properties(packaging/deb PROPERTIES
  LABELS packaging TIMEOUT 600 RESOURCE_LOCK sipcodes-packaging)
# Where a personal and a global configuration install the profile.
add_test(NAME packaging/profile-folder
  COMMAND ${PROJECT_SOURCE_DIR}/packaging/test-profile-folder.sh)
set_tests_properties(packaging/profile-folder PROPERTIES LABELS packaging TIMEOUT 300)
