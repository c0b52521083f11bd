# SPARQL 1.1 Update execution (sparql/update.h). Included from the top-level
# CMakeLists after sparql/engine.cmake.
add_library(bdis_sparql_update STATIC
  ${PROJECT_SOURCE_DIR}/sparql/update/update.cpp
  ${PROJECT_SOURCE_DIR}/sparql/update/where_rows.cpp
  ${PROJECT_SOURCE_DIR}/sparql/update/quad_template.cpp
  ${PROJECT_SOURCE_DIR}/sparql/update/graph_ops.cpp
  ${PROJECT_SOURCE_DIR}/sparql/update/load.cpp
)
target_include_directories(bdis_sparql_update PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_sparql_update PUBLIC bdis_sparql_engine bdis_bulk bdis_rdf
  PRIVATE CURL::libcurl)
bdis_warnings(bdis_sparql_update)
