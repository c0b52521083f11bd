# GET /search (server/routes/search.cpp) in the bdis_http library and the search
# commands (server/cli/cmd_search.cpp) in bdis_cli; included from the top level
# after add_subdirectory(server).
if(TARGET bdis_http AND TARGET bdis_search_ext)
  target_sources(bdis_http PRIVATE ${PROJECT_SOURCE_DIR}/server/routes/search.cpp)
  target_link_libraries(bdis_http PUBLIC bdis_search_ext PRIVATE nlohmann_json::nlohmann_json)
endif()
# bdis reindex and the search part of bdis check (server/cli/cmd_search.cpp).
if(TARGET bdis_cli AND TARGET bdis_search_ext)
  target_sources(bdis_cli PRIVATE ${PROJECT_SOURCE_DIR}/server/cli/cmd_search.cpp)
  target_link_libraries(bdis_cli PUBLIC bdis_search_ext)
endif()
