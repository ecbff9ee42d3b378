package io.omnireach.cli;

import io.omnireach.sdk.Lead;
import io.omnireach.sdk.LeadImport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Leads: list, and CSV import with a progress bar. */
@Command(
    name = "leads",
    description = "List leads and import them from CSV.",
    subcommands = CommandLine.HelpCommand.class)
class LeadsCommand {

  @ParentCommand OmniReachCli root;
  @Spec CommandSpec spec;

  @Command(name = "list", description = "One page of leads.")
  int list(
      @Option(
              names = {"-q", "--query"},
              description = "Text in name, email or company")
          String q,
      @Option(names = "--limit", defaultValue = "50") int limit,
      @Option(names = "--cursor", description = "The nextCursor of the page before")
          String cursor) {
    Lead.Page page = root.client().leads().list(q, cursor, limit);
    if (root.output() == Output.Format.JSON) {
      Output.print(spec.commandLine().getOut(), root.output(), page);
    } else {
      Output.print(
          spec.commandLine().getOut(),
          root.output(),
          page.items(),
          "id",
          "firstName",
          "lastName",
          "email",
          "company",
          "stage");
    }
    return 0;
  }

  @Command(
      name = "import",
      description = {
        "Import leads from a CSV file, showing the job's progress (on stderr).",
        "Exit code 1 when the import failed."
      })
  int importCsv(
      @Parameters(paramLabel = "FILE") Path file,
      @Option(
              names = "--duplicates",
              defaultValue = "skip",
              description = "skip or update rows of existing leads (default: ${DEFAULT-VALUE})")
          LeadImport.DuplicatePolicy duplicates,
      @Option(names = "--no-progress", description = "No progress bar") boolean quiet) {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + file);
    }
    PrintWriter err = spec.commandLine().getErr();
    LeadImport done;
    if (quiet) {
      done = root.client().leads().importCsv(file, duplicates, state -> {});
    } else {
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Import " + file.getFileName())
              .setInitialMax(100)
              .setUnit("%", 1)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(200)
              .setConsumer(new WriterConsumer(err))
              .build()) {
        done =
            root.client()
                .leads()
                .importCsv(
                    file,
                    duplicates,
                    state -> {
                      bar.stepTo(Math.round(state.progress() * 100));
                      bar.setExtraMessage(state.status() + " · " + state.processed() + " rows");
                    });
        bar.stepTo(100);
        bar.setExtraMessage(done.status() + " · " + done.processed() + " rows");
      }
    }
    Output.print(spec.commandLine().getOut(), root.output(), done);
    return done.status() == LeadImport.Status.COMPLETED ? 0 : 1;
  }

  /** Renders the bar on one line of the command's error stream (a terminal or a test's buffer). */
  private record WriterConsumer(PrintWriter err) implements ProgressBarConsumer {
    @Override
    public int getMaxRenderedLength() {
      return 100;
    }

    @Override
    public void accept(String rendered) {
      err.print('\r' + rendered);
      err.flush();
    }

    @Override
    public void close() {
      err.println();
      err.flush();
    }
  }
}
