# HCL → JSON converter (`envdeck hcl2json`), included from models/hcl/CMakeLists.txt.
target_sources(envdeck_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/HclJson.h ${CMAKE_CURRENT_LIST_DIR}/HclJson.cpp)
