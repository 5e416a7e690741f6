# subdesk_add_test(NAME name LABEL unit|db|gui|e2e SOURCES ... [LIBS ...] [ENV ...] [TIMEOUT s])
# One Boost.Test executable, registered with CTest under its label. Tests labelled db,
# gui and e2e need the PostgreSQL server that scripts/test starts (SUBDESK_TEST_PG set);
# without it they are reported as skipped, never as passed.
function(subdesk_add_test)
  cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS;ENV" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  subdesk_warnings(${T_NAME})
  target_link_libraries(${T_NAME} PRIVATE Boost::unit_test_framework ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE BOOST_TEST_DYN_LINK)
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  add_test(NAME ${T_NAME} COMMAND ${T_NAME} --log_level=test_suite --color_output=no)
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES LABELS ${T_LABEL} TIMEOUT ${T_TIMEOUT}
    SKIP_RETURN_CODE 77 ENVIRONMENT "LANGUAGE=;LC_ALL=C.UTF-8;${T_ENV}")
endfunction()
