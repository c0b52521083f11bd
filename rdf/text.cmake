# Search indexes (docs/search.md): the Xapian text index (bdis_text) and the
# R-tree spatial index with GEOS geometry (bdis_geo). Included from the top level.
find_package(GEOS REQUIRED CONFIG)

add_library(bdis_text STATIC
  ${PROJECT_SOURCE_DIR}/rdf/text/fold.cpp
  ${PROJECT_SOURCE_DIR}/rdf/text/french_stem.cpp
  ${PROJECT_SOURCE_DIR}/rdf/text/text_config.cpp
  ${PROJECT_SOURCE_DIR}/rdf/text/text_doc.cpp
  ${PROJECT_SOURCE_DIR}/rdf/text/text_index.cpp
  ${PROJECT_SOURCE_DIR}/rdf/text/text_query.cpp
)
target_include_directories(bdis_text PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_text PUBLIC bdis_rdf PkgConfig::XAPIAN PRIVATE PkgConfig::UTF8PROC)
bdis_warnings(bdis_text)

add_library(bdis_geo STATIC
  ${PROJECT_SOURCE_DIR}/rdf/geo/wkt.cpp
  ${PROJECT_SOURCE_DIR}/rdf/geo/geo_index.cpp
)
target_include_directories(bdis_geo PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_geo PUBLIC bdis_rdf bdis_text Boost::headers PRIVATE GEOS::geos_c)
bdis_warnings(bdis_geo)
