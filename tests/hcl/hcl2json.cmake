# The hcl2json differential test (tests/hcl/tst_hcl2json.cpp); included from
# tests/hcl/CMakeLists.txt. Needs node 20 + npm: the test installs @cdktf/hcl2json 0.21.0 into
# the build folder with tests/hcl/reference/install.sh and fails (never skips) without it.
envdeck_add_test(tst_hcl2json
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hcl2json.cpp
            ${CMAKE_CURRENT_LIST_DIR}/HclGenerator.h ${CMAKE_CURRENT_LIST_DIR}/HclGenerator.cpp
    TIMEOUT 900)
target_include_directories(tst_hcl2json PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_compile_definitions(tst_hcl2json PRIVATE
    ENVDECK_HCL_REFERENCE_DIR="${CMAKE_BINARY_DIR}/hcl2json-reference")

# envdeck_hclgen OUTDIR [COUNT] [FIRSTSEED]: writes generated files, e.g. to feed the reference.
add_executable(envdeck_hclgen EXCLUDE_FROM_ALL
    ${CMAKE_CURRENT_LIST_DIR}/hclgen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/HclGenerator.h ${CMAKE_CURRENT_LIST_DIR}/HclGenerator.cpp)
target_link_libraries(envdeck_hclgen PRIVATE Qt6::Core)
envdeck_set_compiler_warnings(envdeck_hclgen)
