# Extracts every translatable string of src/, ui/ and reports/ into subdesk.pot and merges
# it into uk.po. Keywords: wx's _() and wxPLURAL, the core's tr()/trn().
file(GLOB_RECURSE sources RELATIVE ${SRC}
  ${SRC}/src/*.cpp ${SRC}/src/*.h ${SRC}/ui/*.cpp ${SRC}/ui/*.h ${SRC}/reports/*.cpp ${SRC}/reports/*.h)
list(SORT sources)
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ --add-comments=TRANSLATORS:
          --keyword=_ --keyword=tr --keyword=trn:1,2 --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE
          --package-name=subdesk --msgid-bugs-address=dev@subdesk.invalid
          --sort-by-file -o i18n/subdesk.pot ${sources}
  WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed")
endif()
execute_process(COMMAND ${MSGMERGE} --quiet --update --backup=none --no-fuzzy-matching
                        i18n/uk.po i18n/subdesk.pot
                WORKING_DIRECTORY ${SRC} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "msgmerge failed")
endif()
