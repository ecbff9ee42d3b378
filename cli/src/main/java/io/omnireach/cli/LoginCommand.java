package io.omnireach.cli;

import io.omnireach.sdk.OmniReachClient;
import io.omnireach.sdk.Tokens;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Signs in and stores server and tokens for the next commands. */
@Command(
    name = "login",
    description =
        "Sign in (--server URL, --email) and keep the tokens in ~/.config/omnireach/credentials"
            + " (mode 0600).")
class LoginCommand implements java.util.concurrent.Callable<Integer> {

  @ParentCommand OmniReachCli root;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--email", required = true, description = "Your sign-in email")
  String email;

  @Option(
      names = "--password",
      description = "Password (default: asked for, or read as one line from stdin)")
  String password;

  @Option(names = "--tenant", description = "Workspace slug, for a user of several")
  String tenant;

  @Override
  public Integer call() throws IOException {
    String server = root.serverUrl();
    OmniReachClient client = OmniReachClient.builder().server(server).build();
    Tokens tokens = client.auth().login(email, password != null ? password : askPassword(), tenant);
    new Credentials(server, email, tokens.accessToken(), tokens.refreshToken())
        .save(root.configDir());
    Map<String, String> saved = new LinkedHashMap<>();
    saved.put("server", server);
    saved.put("email", email);
    saved.put("credentials", root.configDir().resolve(Credentials.FILE).toString());
    Output.print(spec.commandLine().getOut(), root.output(), saved);
    return 0;
  }

  private static String askPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password: ");
      return typed == null ? "" : new String(typed);
    }
    String line =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? "" : line;
  }
}
