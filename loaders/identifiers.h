#pragma once
// French register identifiers: SIREN (legal unit), SIRET (establishment), RNA (association).
// Validation is pure and allocation-free; normalisation drops the spaces, dots and dashes that
// spreadsheets put in ("123 456 789 00012").

#include <string>
#include <string_view>

namespace bdis::loaders {

/// True when `digits` is non-empty, all ASCII digits, and passes the Luhn (mod 10) check.
bool luhnValid(std::string_view digits);

/// A SIREN: exactly 9 digits with a valid Luhn key.
bool isValidSiren(std::string_view s);

/// A SIRET: exactly 14 digits, the first 9 a valid SIREN, and the whole passing Luhn; for La Poste
/// (SIREN 356000000), whose establishment numbers do not follow Luhn, the sum of the 14 digits must
/// be a multiple of 5 instead.
bool isValidSiret(std::string_view s);

/// An RNA association number: 'W' (either case accepted) followed by 9 digits. Associations
/// registered before 2009 without an RNA number have no checkable key; none is checked.
bool isValidRna(std::string_view s);

/// The identifier with ASCII spaces, non-breaking spaces (U+00A0, U+202F), dots and dashes removed,
/// and letters upper-cased (RNA "w751234567" -> "W751234567").
std::string normalizeIdentifier(std::string_view s);

/// The Luhn check digit ('0'..'9') that makes `digits` + that digit valid. `digits` must be all
/// ASCII digits.
char luhnCheckDigit(std::string_view digits);

}  // namespace bdis::loaders
