# SPARQL search extensions (docs/search.md): the text/geo rewrite pass and the
# GeoSPARQL functions. Included from the top level after rdf/text.cmake.
add_library(bdis_search_ext STATIC
  ${PROJECT_SOURCE_DIR}/sparql/ext/geof.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/geo_rewrite.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/map_search.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/search_indexes.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/search_rewrite.cpp
  ${PROJECT_SOURCE_DIR}/sparql/ext/text_rewrite.cpp
)
target_include_directories(bdis_search_ext PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_search_ext PUBLIC bdis_sparql bdis_text bdis_geo bdis_rdf)
bdis_warnings(bdis_search_ext)
