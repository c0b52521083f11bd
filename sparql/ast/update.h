#pragma once
// SPARQL 1.1 Update requests as written (grammar rules 3, 29-52 of the Update
// section of the SPARQL 1.1 Query grammar).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sparql/ast/query.h"

namespace bdis::sparql::ast {

/// A graph designator of CLEAR/DROP/CREATE/ADD/MOVE/COPY.
struct GraphRef {
  enum class Kind : uint8_t { Default, Named, All, Graph };
  Kind kind = Kind::Default;
  std::string iri;  ///< Graph only.
};

/// One USING / USING NAMED clause.
struct UsingClause {
  std::string iri;
  bool named = false;
};

/// One operation of an update request.
struct UpdateOperation {
  enum class Kind : uint8_t {
    InsertData,
    DeleteData,
    DeleteWhere,
    Modify,
    Load,
    Clear,
    Drop,
    Create,
    Add,
    Move,
    Copy,
  };
  Kind kind = Kind::InsertData;
  bool silent = false;
  /// DeleteData, DeleteWhere (the quad pattern) and Modify's DELETE template.
  std::vector<QuadPattern> deleteQuads;
  /// InsertData and Modify's INSERT template.
  std::vector<QuadPattern> insertQuads;
  bool hasDeleteClause = false;              ///< Modify: a DELETE clause was written.
  bool hasInsertClause = false;              ///< Modify: an INSERT clause was written.
  std::string with;                          ///< Modify: WITH iri (empty if none).
  std::vector<UsingClause> usingClauses;     ///< Modify.
  std::unique_ptr<GroupGraphPattern> where;  ///< Modify (and DeleteWhere: the pattern as written).
  std::string source;                        ///< Load: the document IRI.
  std::string into;                          ///< Load: INTO GRAPH iri (empty if none).
  GraphRef target;  ///< Clear/Drop/Create (Graph only for Create); Add/Move/Copy: destination.
  GraphRef from;    ///< Add/Move/Copy: source (Default or Graph).
};

/// A whole update request: operations in order, each with the prologue in
/// effect where it was written (already applied to its IRIs).
struct Update {
  Prologue prologue;  ///< The prologue at the end of the request.
  std::vector<UpdateOperation> operations;
};

}  // namespace bdis::sparql::ast
