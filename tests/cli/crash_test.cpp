// A load killed with SIGKILL at any moment leaves a store that opens, passes
// `bdis check`, and holds exactly the data of the loads that committed.

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "tests/cli/cli_fixture.h"

namespace bdis::test {
namespace {

std::string makeTriples(int count, int salt) {
  std::string nt;
  nt.reserve(static_cast<size_t>(count) * 90);
  for (int i = 0; i < count; ++i) {
    nt += "<https://example.org/initiative/" + std::to_string(salt) + "/" + std::to_string(i / 8) +
          "> <https://schema.org/p" + std::to_string(i % 8) + "> \"valeur " +
          std::to_string(i) + " de la source " + std::to_string(salt) + "\"@fr .\n";
  }
  return nt;
}

TEST_F(CliTest, KilledLoadLeavesCommittedDataOnly) {
  constexpr int kBase = 20000;
  constexpr int kBig = 600000;
  auto base = file("base.nt", makeTriples(kBase, 1));
  auto big = file("big.nt", makeTriples(kBig, 2));
  ASSERT_EQ(bdis({"load", "--store", store(), base}).exitCode, 0);
  auto committed = dumpLines();
  ASSERT_EQ(committed.size(), static_cast<size_t>(kBase));

  // Time one full load of the big file to spread the kills over its duration.
  auto probe = (dir() / "probe").string();
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(bdis({"load", "--store", probe, big}).exitCode, 0);
  auto full = std::chrono::steady_clock::now() - t0;
  auto fullMs = std::max<int64_t>(
      50, std::chrono::duration_cast<std::chrono::milliseconds>(full).count());

  std::mt19937 rng(12345);
  int killedMidway = 0;
  for (int round = 0; round < 6; ++round) {
    auto delay = std::uniform_int_distribution<int64_t>(1, fullMs)(rng);
    Child child({bdisPath(), "load", "--store", store(), big});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    bool wasRunning = child.running();
    child.signal(SIGKILL);
    int code = child.wait();
    if (wasRunning && code == 128 + SIGKILL) ++killedMidway;

    auto check = bdis({"check", "--store", store()});
    ASSERT_EQ(check.exitCode, 0) << "round " << round << ": " << check.err;
    uint64_t n = tripleCount();
    if (code == 0 || n == static_cast<uint64_t>(kBase + kBig)) {
      // The commit landed before the kill (possibly while the process was exiting):
      // everything is there.
      ASSERT_EQ(n, static_cast<uint64_t>(kBase + kBig));
      break;
    }
    ASSERT_EQ(n, static_cast<uint64_t>(kBase)) << "round " << round << " after " << delay << " ms";
    ASSERT_EQ(dumpLines(), committed);
  }
  EXPECT_GT(killedMidway, 0) << "no kill landed while a load was running";
}

}  // namespace
}  // namespace bdis::test
