# bdis_sparql_expr: the SPARQL 1.1 expression evaluator and aggregates (sparql/expr/).
find_package(OpenSSL REQUIRED)

set(BDIS_EXPR_DIR ${PROJECT_SOURCE_DIR}/sparql/expr)
add_library(bdis_sparql_expr STATIC
  ${BDIS_EXPR_DIR}/decimal.cpp
  ${BDIS_EXPR_DIR}/numeric.cpp
  ${BDIS_EXPR_DIR}/datetime.cpp
  ${BDIS_EXPR_DIR}/compare.cpp
  ${BDIS_EXPR_DIR}/evaluator.cpp
  ${BDIS_EXPR_DIR}/builtin_table.cpp
  ${BDIS_EXPR_DIR}/term_functions.cpp
  ${BDIS_EXPR_DIR}/numeric_functions.cpp
  ${BDIS_EXPR_DIR}/string_functions.cpp
  ${BDIS_EXPR_DIR}/regex.cpp
  ${BDIS_EXPR_DIR}/datetime_functions.cpp
  ${BDIS_EXPR_DIR}/hash.cpp
  ${BDIS_EXPR_DIR}/casts.cpp
  ${BDIS_EXPR_DIR}/aggregate.cpp
)
target_include_directories(bdis_sparql_expr PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(bdis_sparql_expr PUBLIC bdis_sparql bdis_rdf Boost::headers
  PRIVATE ICU::uc ICU::i18n OpenSSL::Crypto)
bdis_warnings(bdis_sparql_expr)
