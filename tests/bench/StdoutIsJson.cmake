# Issue 8 §8: bizdesk-bench's stdout is one JSON document and nothing else (log lines go to
# stderr), so `bizdesk-bench | jq` and the CI comparison can read it.
# Usage: cmake -DBENCH=path/to/bizdesk-bench -P StdoutIsJson.cmake
execute_process(COMMAND "${BENCH}" --rows 200 --quick --only open_and_migrate
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "bizdesk-bench failed (${status}):\n${err}")
endif()
string(JSON ours ERROR_VARIABLE problem GET "${out}" scenarios open_and_migrate ours)
if(problem)
  message(FATAL_ERROR "stdout is not only the JSON document (${problem}):\n${out}")
endif()
message(STATUS "stdout is one JSON document (open_and_migrate ours = ${ours})")
