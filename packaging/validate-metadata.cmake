# Runs the freedesktop validators on the desktop entry and the AppStream metadata; any warning fails the test.
foreach(var DESKTOP_FILE_VALIDATE APPSTREAMCLI DESKTOP_FILE METAINFO_FILE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "validate-metadata.cmake needs -D${var}=…")
    endif()
endforeach()

execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${DESKTOP_FILE}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output STREQUAL "")
    message(FATAL_ERROR "desktop-file-validate ${DESKTOP_FILE} (exit ${result}):\n${output}")
endif()
message(STATUS "desktop-file-validate: ${DESKTOP_FILE} is valid")

execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --explain ${METAINFO_FILE}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate --no-net ${METAINFO_FILE} (exit ${result}):\n${output}")
endif()
# Warnings ("W:") make appstreamcli exit 0 but still mean the stores may reject the file.
if(output MATCHES "(^|\n)[EW]: ")
    message(FATAL_ERROR "appstreamcli reported problems in ${METAINFO_FILE}:\n${output}")
endif()
message(STATUS "appstreamcli: ${METAINFO_FILE} is valid\n${output}")
