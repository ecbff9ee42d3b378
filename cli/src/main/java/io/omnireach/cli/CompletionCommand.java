package io.omnireach.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints picocli's bash/zsh completion script. */
@Command(
    name = "completion",
    description = {
      "Print the bash (and zsh) completion script.",
      "Use: source <(omnireach-cli completion)"
    })
class CompletionCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine()
        .getOut()
        .print(AutoComplete.bash("omnireach-cli", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
  }
}
