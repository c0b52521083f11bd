# The SPARQL query engine: result writers, planner, executor (see docs/architecture.md).
# Included from the top-level CMakeLists after add_subdirectory(sparql).

# Result writers: depend on rdf only, so that the server can use them on their own.
add_library(bdis_sparql_results STATIC
  ${PROJECT_SOURCE_DIR}/sparql/results/escape.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/result_format.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/json_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/xml_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/csv_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/tsv_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/table_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/ntriples_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/jsonld_writer.cpp
)
target_include_directories(bdis_sparql_results PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_sparql_results PUBLIC bdis_rdf)
bdis_warnings(bdis_sparql_results)
