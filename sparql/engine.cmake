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
  ${PROJECT_SOURCE_DIR}/sparql/results/turtle_writer.cpp
  ${PROJECT_SOURCE_DIR}/sparql/results/jsonld_writer.cpp
)
target_include_directories(bdis_sparql_results PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_sparql_results PUBLIC bdis_rdf)
bdis_warnings(bdis_sparql_results)

# The engine: planner, executor, engine entry point.
add_library(bdis_sparql_engine STATIC
  ${PROJECT_SOURCE_DIR}/sparql/engine.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/exec_context.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/id_row.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/operator.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/graph_spec.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/graph_results.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/path_eval.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/seed_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/pattern_join_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/path_join_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/hash_join_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/merge_join_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/subject_merge_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/merge_counter.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/subject_merge_count_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/subject_range_join_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/object_range_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/subject_optionals_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/left_join_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/union_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/minus_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/filter_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/extend_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/group_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/table_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/project_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/distinct_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/order_by_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/slice_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/graph_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/exec/service_op.cpp
  ${PROJECT_SOURCE_DIR}/sparql/planner/var_analysis.cpp
  ${PROJECT_SOURCE_DIR}/sparql/planner/bgp_order.cpp
  ${PROJECT_SOURCE_DIR}/sparql/planner/subject_star.cpp
  ${PROJECT_SOURCE_DIR}/sparql/planner/integer_range.cpp
  ${PROJECT_SOURCE_DIR}/sparql/planner/plan_builder.cpp
  ${PROJECT_SOURCE_DIR}/sparql/planner/plan_optionals.cpp
)
target_include_directories(bdis_sparql_engine PUBLIC ${PROJECT_SOURCE_DIR})
# bdis_search_ext (sparql/ext/search.cmake, included later): text/geo rewrite, GeoSPARQL functions.
target_link_libraries(bdis_sparql_engine PUBLIC bdis_sparql_results bdis_search_ext bdis_sparql
  bdis_sparql_expr bdis_rdf)
bdis_warnings(bdis_sparql_engine)
