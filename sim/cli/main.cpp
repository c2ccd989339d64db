// gopherbus-cli: the headless front door to every layer (trace, explore, litmus, bugs, run).
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "lesson_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"gopherbus-cli: headless Gopherbus. Run Go programs, coherence traces, explore protocol state spaces and "
               "litmus tests, with the same engine the desktop app shows."};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Print help for every subcommand");
  gb::cli::TraceCommand trace(app);
  gb::cli::ExploreCommand explore(app);
  gb::cli::LitmusCommand litmus(app);
  gb::cli::BugsCommand bugs(app);
  gb::cli::RunCommand run(app);
  gb::cli::LessonsCommand lessons(app);
  gb::cli::LessonCommand lesson(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "gopherbus-cli: %s\n", e.what());
    std::fprintf(stderr, "Run with --help for usage.\n");
    return 2;
  }
  if (app.got_subcommand("trace")) return trace.run();
  if (app.got_subcommand("explore")) return explore.run();
  if (app.got_subcommand("litmus")) return litmus.run();
  if (app.got_subcommand("bugs")) return bugs.run();
  if (app.got_subcommand("run")) return run.run();
  if (app.got_subcommand("lessons")) return lessons.run();
  if (app.got_subcommand("lesson")) return lesson.run();
  return 2;
}
