#pragma once
// The command line of `bdis` (see docs/cli.md and ../shared/CONTRACT.md).

namespace bdis::server {

/// Parses argv and runs the chosen command. Returns the exit code: 0 success,
/// 1 failure of the operation, 2 bad usage. Never throws.
int runCli(int argc, char** argv);

}  // namespace bdis::server
