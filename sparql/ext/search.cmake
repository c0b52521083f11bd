# SPARQL search extensions (docs/search.md): the text/geo rewrite pass and the
# GeoSPARQL functions. Included from the top level after rdf/text.cmake.
add_library(bdis_search_ext STATIC
  ${PROJECT_SOURCE_DIR}/sparql/ext/geof.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/geo_rewrite.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/index_follower.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/latlong_rewrite.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/map_search.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/search_indexes.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/search_rewrite.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/text_rewrite.cpp
)
target_include_directories(bdis_search_ext PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_search_ext PUBLIC bdis_sparql bdis_text bdis_geo bdis_rdf)
bdis_warnings(bdis_search_ext)

# The search benchmark program (tests/bench/README.md).
if(TARGET bdis_sparql_engine)
  add_executable(search_bench ${PROJECT_SOURCE_DIR}/tests/bench/search_bench.cpp)
  target_link_libraries(search_bench PRIVATE bdis_sparql_engine bdis_search_ext)
  bdis_warnings(search_bench)
  add_executable(search_write_bench ${PROJECT_SOURCE_DIR}/tests/bench/search_write_bench.cpp)
  target_link_libraries(search_write_bench PRIVATE bdis_sparql_engine bdis_search_ext)
  bdis_warnings(search_write_bench)
endif()
