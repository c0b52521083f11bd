#pragma once
// The public API of SPARQL 1.1 Update lives in sparql/update.h; this header
// only forwards to it (one definition of UpdateRequest for every caller).
#include "sparql/update.h"
