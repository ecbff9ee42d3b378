package io.omnireach.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.sdk.Workflow;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Workflows: list, export to a file, import from one. */
@Command(
    name = "workflows",
    description = "List, export and import workflows.",
    subcommands = CommandLine.HelpCommand.class)
class WorkflowsCommand {

  @ParentCommand OmniReachCli root;
  @Spec CommandSpec spec;

  @Command(name = "list", description = "The workspace's workflows.")
  int list(@Option(names = "--archived", description = "Include archived ones") boolean archived) {
    Output.print(
        spec.commandLine().getOut(),
        root.output(),
        root.client().workflows().list(archived),
        "id",
        "name",
        "status",
        "draftVersion",
        "publishedVersion");
    return 0;
  }

  @Command(
      name = "export",
      description =
          "Export a workflow (its draft) as the server exports it: JSON to FILE or stdout.")
  int export(
      @Parameters(paramLabel = "ID") long id,
      @Option(
              names = {"-o", "--out"},
              paramLabel = "FILE")
          Path out)
      throws JsonProcessingException {
    JsonNode exported = root.client().workflows().export(id);
    String text = Output.JSON.writeValueAsString(exported);
    if (out == null) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
    } else {
      BlockFiles.write(out, text + "\n");
      spec.commandLine().getErr().println("Wrote " + out);
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  @Command(
      name = "import",
      description = {
        "Import a workflow file as a new draft: a block file as 'workflows export' writes it"
            + " (hash and signature checked by the server) or bare exchange JSON."
      })
  int importWorkflow(@Parameters(paramLabel = "FILE") Path file) {
    Workflow.Ref created = root.client().workflows().importJson(BlockFiles.readJson(file));
    Output.print(spec.commandLine().getOut(), root.output(), created);
    return 0;
  }
}
