#include "rdf/error.h"

namespace bdis {

void throwInternal(const char* file, int line, const char* cond) {
  throw InternalError(std::string("internal error at ") + file + ":" + std::to_string(line) +
                      ": check failed: " + cond);
}

}  // namespace bdis
