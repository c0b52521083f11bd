#include "tests/http/server_fixture.h"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace bdis::test {

int freePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

void ServerTest::startServer(const std::string& turtle, const std::vector<std::string>& extraArgs,
                             bool writable) {
  store_ = (dir_.path() / "store").string();
  log_ = (dir_.path() / "server.log").string();
  auto data = dir_.path() / "data.ttl";
  std::ofstream(data) << turtle;
  auto load = bdis({"load", "--store", store_, data.string()});
  ASSERT_EQ(load.exitCode, 0) << load.err;
  auto tokens = dir_.path() / "tokens";
  std::ofstream(tokens) << "# test tokens\n" << kToken << "\n";
  port_ = freePort();
  std::vector<std::string> args = {bdisPath(), "serve", "--store", store_, "--port",
                                   std::to_string(port_)};
  if (writable) {
    args.push_back("--write-token-file");
    args.push_back(tokens.string());
  }
  args.insert(args.end(), extraArgs.begin(), extraArgs.end());
  server_ = std::make_unique<Child>(args, log_);
  for (int i = 0; i < 200; ++i) {
    auto r = httpRequest("GET", url("/health"), {}, {}, 500);
    if (r.status == 200) return;
    if (!server_->running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL() << "server did not start: " << logText();
}

void ServerTest::TearDown() {
  if (server_ && server_->running()) {
    server_->signal(SIGTERM);
    for (int i = 0; i < 100 && server_->running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  server_.reset();
}

std::string ServerTest::url(const std::string& pathAndQuery) const {
  return "http://127.0.0.1:" + std::to_string(port_) + pathAndQuery;
}

HttpResult ServerTest::query(const std::string& sparql, const std::string& accept) {
  return httpRequest("GET", url("/sparql?query=" + urlEncode(sparql)), {}, {"Accept: " + accept});
}

std::string ServerTest::logText() const {
  std::ifstream in(log_);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace bdis::test
