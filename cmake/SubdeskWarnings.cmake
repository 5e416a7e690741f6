# Every target of the project compiles warning-clean with these.
function(subdesk_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
endfunction()
