#include "loaders/bulk/progress.h"

#include <unistd.h>

#include <cstdio>

namespace bdis::loaders {

bool stderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

Progress::Progress(bool enabled)
    : enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(uint64_t statements, const std::string& file, uint64_t bytesRead,
                      uint64_t bytesTotal) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? statements / secs : 0;
  char pct[16] = "";
  if (bytesTotal > 0) std::snprintf(pct, sizeof pct, "%3d%% ", int(100.0 * bytesRead / bytesTotal));
  std::fprintf(stderr, "\r\033[K%s%llu statements, %.0f/s, %s", pct,
               static_cast<unsigned long long>(statements), rate, file.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::phase(const std::string& what) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s", what.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!enabled_ || !drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace bdis::loaders
