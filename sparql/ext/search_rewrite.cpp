#include "sparql/ext/search_rewrite.h"

#include "rdf/error.h"
#include "sparql/ext/rewrite_internal.h"

namespace bdis::sparql::ext {

namespace detail {

algebra::OpPtr makeJoin(algebra::OpPtr left, algebra::OpPtr right) {
  auto j = std::make_unique<algebra::Join>();
  j->left = std::move(left);
  j->right = std::move(right);
  return j;
}

algebra::OrderBy* limitedAscendingOrder(algebra::Slice& slice) {
  using namespace algebra;
  if (!slice.length) return nullptr;
  Op* cur = slice.input.get();
  if (cur->kind == OpKind::Project) cur = as<Project>(*cur).input.get();
  if (cur->kind != OpKind::OrderBy) return nullptr;
  auto& order = as<OrderBy>(*cur);
  if (order.keys.empty() || order.keys[0].descending) return nullptr;
  return &order;
}

}  // namespace detail

namespace {

using algebra::OpKind;

void walk(algebra::OpPtr& op, detail::Rewriter& r) {
  using namespace algebra;
  switch (op->kind) {
    case OpKind::Bgp:
      detail::rewriteTextBgp(op, r);
      return;
    case OpKind::Join:
      walk(as<Join>(*op).left, r);
      walk(as<Join>(*op).right, r);
      return;
    case OpKind::LeftJoin:
      walk(as<LeftJoin>(*op).left, r);
      walk(as<LeftJoin>(*op).right, r);
      return;
    case OpKind::Union:
      walk(as<Union>(*op).left, r);
      walk(as<Union>(*op).right, r);
      return;
    case OpKind::Minus:
      walk(as<Minus>(*op).left, r);
      walk(as<Minus>(*op).right, r);
      return;
    case OpKind::Filter:
      walk(as<Filter>(*op).input, r);
      detail::rewriteGeoFilter(as<Filter>(*op), r);
      detail::rewriteLatLongFilter(as<Filter>(*op), r);
      return;
    case OpKind::Graph:
      ++r.graphDepth;
      walk(as<Graph>(*op).input, r);
      --r.graphDepth;
      return;
    case OpKind::Extend:
      walk(as<Extend>(*op).input, r);
      return;
    case OpKind::Group:
      walk(as<Group>(*op).input, r);
      return;
    case OpKind::Project:
      walk(as<Project>(*op).input, r);
      return;
    case OpKind::Distinct:
      walk(as<Distinct>(*op).input, r);
      return;
    case OpKind::Reduced:
      walk(as<Reduced>(*op).input, r);
      return;
    case OpKind::OrderBy:
      walk(as<OrderBy>(*op).input, r);
      return;
    case OpKind::Slice:
      walk(as<Slice>(*op).input, r);
      detail::rewriteGeoNearest(as<Slice>(*op), r);
      detail::rewriteLatLongNearest(as<Slice>(*op), r);
      return;
    case OpKind::Service:
    case OpKind::Path:
    case OpKind::Table:
      return;
  }
}

}  // namespace

std::vector<std::string> rewriteSearch(algebra::OpPtr& root, const rdf::ReadTxn& txn,
                                       SearchIndexes* indexes, const exec::DatasetIds* dataset) {
  // A non-owning handle: the caller keeps `indexes` alive.
  detail::Rewriter r(
      txn, [indexes] { return std::shared_ptr<SearchIndexes>(std::shared_ptr<void>(), indexes); },
      dataset);
  walk(root, r);
  return std::move(r.notes);
}

std::vector<std::string> rewriteSearch(algebra::OpPtr& root, const rdf::ReadTxn& txn,
                                       const exec::DatasetIds* dataset) {
  detail::Rewriter r(
      txn,
      [&txn] {
        std::shared_ptr<SearchIndexes> indexes = activeIndexes();
        if (indexes) indexes->sync(txn);
        return indexes;
      },
      dataset);
  walk(root, r);
  return std::move(r.notes);
}

}  // namespace bdis::sparql::ext
