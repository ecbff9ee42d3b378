package io.omnireach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, completion and the messages a user sees before any server is involved. */
class CommandsTest {

  @TempDir Path config;

  @Test
  void help_lists_the_commands() {
    CliRun help = CliRun.run(config, "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("login", "blocks", "workflows", "leads", "completion", "--output", "--server");
  }

  @Test
  void completion_prints_a_bash_script_that_knows_the_subcommands() {
    CliRun completion = CliRun.run(config, "completion");

    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F", "omnireach-cli", "keygen", "publish", "install");
  }

  @Test
  void a_server_command_without_login_says_how_to_sign_in() {
    CliRun list = CliRun.run(config, "workflows", "list");

    assertThat(list.exitCode()).isNotZero();
    assertThat(list.err()).contains("Not signed in", "omnireach-cli login");
  }

  @Test
  void an_unknown_output_format_is_refused() {
    CliRun run = CliRun.run(config, "--output", "xml", "completion");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--output", "xml");
  }
}
