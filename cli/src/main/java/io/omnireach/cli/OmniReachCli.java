package io.omnireach.cli;

import io.omnireach.block.BlockFormatException;
import io.omnireach.sdk.ApiException;
import io.omnireach.sdk.OmniReachClient;
import io.omnireach.sdk.Tokens;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code omnireach-cli}: the root command and its global options. Server and token come from the
 * options, else {@code OMNIREACH_SERVER} / {@code OMNIREACH_TOKEN}, else what {@code login} stored.
 */
@Command(
    name = "omnireach-cli",
    mixinStandardHelpOptions = true,
    // subcommands inherit --help and --version
    scope = ScopeType.INHERIT,
    versionProvider = OmniReachCli.Version.class,
    description = "Work with an OmniReach server and with block files from the command line.",
    subcommands = {
      LoginCommand.class,
      BlocksCommand.class,
      WorkflowsCommand.class,
      LeadsCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public class OmniReachCli implements Runnable {

  static final String DEFAULT_SERVER = "http://localhost:9080";

  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:OMNIREACH_SERVER}",
      description = "Server URL (default: the one of the last login, else " + DEFAULT_SERVER + ")")
  String server;

  @Option(
      names = "--token",
      scope = ScopeType.INHERIT,
      defaultValue = "${env:OMNIREACH_TOKEN}",
      description = "Access token to send (default: the one of the last login)")
  String token;

  @Option(
      names = {"--output"},
      scope = ScopeType.INHERIT,
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE})")
  Output.Format output;

  private final Path configDir;

  /** Keeps credentials in {@code configDir} (tests pass a temporary one). */
  public OmniReachCli(Path configDir) {
    this.configDir = configDir;
  }

  public OmniReachCli() {
    this(Credentials.defaultDir());
  }

  public static void main(String[] args) {
    System.exit(commandLine(new OmniReachCli()).execute(args));
  }

  /** The configured command line: case-insensitive enum values, readable errors, exit 1. */
  public static CommandLine commandLine(OmniReachCli cli) {
    CommandLine cl = new CommandLine(cli);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          command.getErr().println(command.getColorScheme().errorText("Error: " + message(e)));
          command.getErr().flush();
          return 1;
        });
    return cl;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  Path configDir() {
    return configDir;
  }

  Output.Format output() {
    return output == null ? Output.Format.TABLE : output;
  }

  /** The server: --server, OMNIREACH_SERVER, the last login's, or localhost. */
  String serverUrl() {
    if (server != null && !server.isBlank()) {
      return server;
    }
    Credentials stored = Credentials.load(configDir);
    return stored != null && stored.server() != null ? stored.server() : DEFAULT_SERVER;
  }

  /**
   * A client with --token, or with the stored tokens (refreshed by the SDK when they run out, and
   * stored again).
   */
  OmniReachClient client() {
    OmniReachClient.Builder builder = OmniReachClient.builder().server(serverUrl());
    if (token != null && !token.isBlank()) {
      return builder.token(token).build();
    }
    Credentials stored = Credentials.load(configDir);
    if (stored == null || stored.accessToken() == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Not signed in: run 'omnireach-cli login' or pass --token.");
    }
    return builder
        .tokens(new Tokens(stored.accessToken(), "Bearer", 0, stored.refreshToken(), 0))
        .onTokensRefreshed(
            t ->
                new Credentials(stored.server(), stored.email(), t.accessToken(), t.refreshToken())
                    .save(configDir))
        .build();
  }

  private static String message(Exception e) {
    if (e instanceof ApiException api) {
      return api.status()
          + " "
          + api.title()
          + (api.detail() == null ? "" : ": " + api.detail())
          + (api.field() == null ? "" : " (field " + api.field() + ")");
    }
    if (e instanceof BlockFormatException || e instanceof UncheckedIOException) {
      return e.getMessage();
    }
    return e.toString();
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = OmniReachCli.class.getPackage().getImplementationVersion();
      return new String[] {"omnireach-cli " + (v == null ? "(development build)" : v)};
    }
  }
}
