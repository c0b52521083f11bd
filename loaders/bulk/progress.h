#pragma once
// A one-line progress display on stderr, redrawn at most a few times a second,
// only when stderr is a terminal.

#include <chrono>
#include <cstdint>
#include <string>

namespace bdis::loaders {

class Progress {
 public:
  /// `enabled` false makes every call a no-op.
  explicit Progress(bool enabled);
  ~Progress();
  /// Reports the statements read so far and the file being read.
  void update(uint64_t statements, const std::string& file, uint64_t bytesRead, uint64_t bytesTotal);
  /// A phase without a count (e.g. "building indexes").
  void phase(const std::string& what);
  /// Clears the line.
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

/// True when stderr is a terminal.
bool stderrIsTerminal();

}  // namespace bdis::loaders
