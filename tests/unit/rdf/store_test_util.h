#pragma once
// Helpers shared by the store tests: a universe of terms and a std::set model.

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <vector>

#include "rdf/quad_block.h"
#include "rdf/store.h"

namespace bdis::rdf::testing {

using Model = std::set<QuadIds>;

/// The terms random quads are drawn from.
struct Universe {
  std::vector<TermId> subjects, predicates, objects, graphs;  // graphs[0] is kDefaultGraph

  /// Interns a mix of IRIs, blank nodes, long and inline literals.
  static Universe make(WriteTxn& w, int subjects, int predicates, int objects, int graphs);
  QuadIds random(std::mt19937_64& rng) const;
};

/// Quads of `model` matching `pattern`.
std::vector<QuadIds> filterModel(const Model& model, const QuadPattern& pattern);
/// An existing quad (or a random one when the model is empty).
QuadIds pickExisting(const Model& model, const Universe& u, std::mt19937_64& rng);
/// Compares every pattern shape (s/p/o bound or not x four graph modes), counts,
/// explicit orders, statistics and check() with the model.
void verifyAgainstModel(const ReadTxn& txn, const Model& model, const Universe& u,
                        std::mt19937_64& rng);

}  // namespace bdis::rdf::testing
