#pragma once
// Running the real `bdis` program from tests: capture its output, or start it
// in the background and kill it.

#include <sys/types.h>

#include <string>
#include <vector>

namespace bdis::test {

/// What a finished process did.
struct RunResult {
  int exitCode = -1;  ///< exit status, or 128 + signal number when killed
  std::string out;
  std::string err;
};

/// Runs `args` (args[0] is the program path), feeding `input` on stdin, and waits.
RunResult run(const std::vector<std::string>& args, const std::string& input = {});

/// The built `bdis` binary.
std::string bdisPath();

/// Runs the built `bdis` with these arguments.
RunResult bdis(const std::vector<std::string>& args, const std::string& input = {});

/// A background process; killed (SIGKILL) and reaped when destroyed if still running.
class Child {
 public:
  /// Starts `args` with stdout and stderr sent to /dev/null (or to `logFile` when given).
  explicit Child(const std::vector<std::string>& args, const std::string& logFile = {});
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  pid_t pid() const { return pid_; }
  /// Sends a signal.
  void signal(int sig);
  /// Waits for the end; returns as RunResult::exitCode.
  int wait();
  /// True while it has not exited (reaps it if it has).
  bool running();

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  bool reaped_ = false;
};

}  // namespace bdis::test
