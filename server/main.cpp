#include "server/cli/cli.h"

int main(int argc, char** argv) { return bdis::server::runCli(argc, argv); }
