#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "tests/support/shared_path.h"

namespace bdis::test {

namespace {

std::vector<char*> argv(const std::vector<std::string>& args) {
  std::vector<char*> v;
  for (const auto& a : args) v.push_back(const_cast<char*>(a.c_str()));
  v.push_back(nullptr);
  return v;
}

int decode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

RunResult run(const std::vector<std::string>& args, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    auto v = argv(args);
    execv(v[0], v.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  signal(SIGPIPE, SIG_IGN);
  RunResult r;
  size_t written = 0;
  if (input.empty()) {
    close(in[1]);
    in[1] = -1;
  }
  fcntl(out[0], F_SETFL, O_NONBLOCK);
  fcntl(err[0], F_SETFL, O_NONBLOCK);
  bool outOpen = true, errOpen = true;
  char buf[65536];
  while (outOpen || errOpen) {
    pollfd fds[3];
    int n = 0;
    if (outOpen) fds[n++] = {out[0], POLLIN, 0};
    if (errOpen) fds[n++] = {err[0], POLLIN, 0};
    if (in[1] >= 0) fds[n++] = {in[1], POLLOUT, 0};
    if (poll(fds, n, -1) < 0 && errno != EINTR) break;
    for (int i = 0; i < n; ++i) {
      if (fds[i].fd == in[1] && (fds[i].revents & (POLLOUT | POLLERR | POLLHUP))) {
        ssize_t w = write(in[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 || written == input.size()) {
          close(in[1]);
          in[1] = -1;
        }
      } else if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t k = read(fds[i].fd, buf, sizeof buf);
        if (k > 0) {
          (fds[i].fd == out[0] ? r.out : r.err).append(buf, static_cast<size_t>(k));
        } else if (k == 0 || (errno != EAGAIN && errno != EINTR)) {
          if (fds[i].fd == out[0]) outOpen = false;
          else errOpen = false;
        }
      }
    }
  }
  if (in[1] >= 0) close(in[1]);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exitCode = decode(status);
  return r;
}

std::string bdisPath() { return (binaryDir() / "server" / "bdis").string(); }

RunResult bdis(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> full{bdisPath()};
  full.insert(full.end(), args.begin(), args.end());
  return run(full, input);
}

Child::Child(const std::vector<std::string>& args, const std::string& logFile) {
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int fd = logFile.empty() ? open("/dev/null", O_WRONLY)
                             : open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int nul = open("/dev/null", O_RDONLY);
    dup2(nul, 0);
    dup2(fd, 1);
    dup2(fd, 2);
    auto v = argv(args);
    execv(v[0], v.data());
    _exit(127);
  }
}

Child::~Child() {
  if (!reaped_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    wait();
  }
}

void Child::signal(int sig) {
  if (!reaped_) kill(pid_, sig);
}

int Child::wait() {
  if (!reaped_) {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    status_ = decode(status);
    reaped_ = true;
  }
  return status_;
}

bool Child::running() {
  if (reaped_) return false;
  int status = 0;
  pid_t r = waitpid(pid_, &status, WNOHANG);
  if (r == pid_) {
    status_ = decode(status);
    reaped_ = true;
    return false;
  }
  return true;
}

}  // namespace bdis::test
