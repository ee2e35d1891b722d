# Shared target settings: strict warnings, and the rule that keeps Qt Widgets out of models/.

# Strict warnings for every target.
function(envdeck_set_compiler_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(ENVDECK_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Strict warnings plus Qt's string-safety defines, for product code (tests may use plain literals).
function(envdeck_set_warnings target)
    envdeck_set_compiler_warnings(${target})
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
        QT_USE_QSTRINGBUILDER)
endfunction()

# Fails the configure step when `target` links Qt6::Widgets directly or through a dependency.
function(envdeck_forbid_widgets target)
    set(pending ${target})
    set(seen "")
    while(pending)
        list(POP_FRONT pending current)
        if(current IN_LIST seen)
            continue()
        endif()
        list(APPEND seen ${current})
        if(current MATCHES "^Qt6?::(Widgets|Charts|Svg)Widgets?$" OR current STREQUAL "Qt6::Widgets"
           OR current STREQUAL "Qt::Widgets")
            message(FATAL_ERROR "${target} must not depend on Qt Widgets (found ${current})")
        endif()
        if(TARGET ${current})
            get_target_property(aliased ${current} ALIASED_TARGET)
            if(aliased)
                list(APPEND pending ${aliased})
            endif()
            get_target_property(libs ${current} INTERFACE_LINK_LIBRARIES)
            if(libs)
                list(APPEND pending ${libs})
            endif()
            get_target_property(type ${current} TYPE)
            if(NOT type STREQUAL "INTERFACE_LIBRARY")
                get_target_property(libs ${current} LINK_LIBRARIES)
                if(libs)
                    list(APPEND pending ${libs})
                endif()
            endif()
        endif()
    endwhile()
endfunction()
