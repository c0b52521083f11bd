#pragma once
// Checks and normalisations of single cell values, as mapping fields request them (check = "...").

#include <string>
#include <string_view>

#include "loaders/load_report.h"
#include "loaders/mapping.h"

namespace bdis::loaders {

/// Checks `value` (already trimmed, non-empty) against `check`. On success writes the lexical form
/// to emit into `out` (normalised: "123 456 789" -> "123456789", "04/12/2026" or
/// "2026-12-04T10:00:00Z" -> "2026-12-04", "oui" -> "true", "1400" -> "01400", "45,5" -> "45.5",
/// "www.x.fr" -> "http://www.x.fr") and returns true. On failure sets `problem` and `reason` and
/// returns false.
bool checkValue(ValueCheck check, std::string_view value, std::string& out, Problem& problem,
                std::string& reason);

/// Parses a WGS 84 coordinate ("45.76", "45,76", "+4.8"). Returns false for anything else, or a
/// value outside [-limit, limit]. On success `lexical` is the xsd:decimal form.
bool parseCoordinate(std::string_view text, double limit, double& value, std::string& lexical);

}  // namespace bdis::loaders
