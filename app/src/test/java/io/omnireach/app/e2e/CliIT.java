package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnireach.cli.OmniReachCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * omnireach-cli against the running server, run in-process with captured output (one test runs the
 * shaded jar with {@code java -jar}).
 */
class CliIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void appStarted() {
    E2eServer.awaitReady();
  }

  record Run(int exitCode, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  static Run cli(Path config, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = OmniReachCli.commandLine(new OmniReachCli(config));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path login(Path config, String email) {
    Run login =
        cli(
            config,
            "login",
            "--server",
            E2e.BASE_URL,
            "--email",
            email,
            "--password",
            E2e.DEMO_PASSWORD);
    assertThat(login.exitCode()).as(login.err()).isZero();
    return config;
  }

  @Test
  void login_keeps_the_tokens_private_and_leads_import_shows_a_progress_bar() throws Exception {
    Path config = login(dir.resolve("acme"), "sales@acme.demo");
    Path credentials = config.resolve("credentials");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rwx------");
    JsonNode stored = JSON.readTree(credentials.toFile());
    assertThat(stored.get("server").asText()).isEqualTo(E2e.BASE_URL);
    assertThat(stored.get("refreshToken").asText()).isNotBlank();

    String tag = "cli" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("first_name,last_name,email,tags\n");
    for (int i = 0; i < 25; i++) {
      csv.append("Grace").append(i).append(",Hopper,grace").append(i).append('.');
      csv.append(tag).append("@cli.example,").append(tag).append('\n');
    }
    Path file = Files.writeString(dir.resolve("leads.csv"), csv);

    Run imported = cli(config, "leads", "import", file.toString(), "--output", "json");

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.err()).contains("Import leads.csv", "100%", "COMPLETED");
    assertThat(imported.json().get("status").asText()).isEqualTo("COMPLETED");
    assertThat(imported.json().get("imported").asInt()).isEqualTo(25);
    Run listed = cli(config, "--output", "json", "leads", "list", "-q", tag);
    assertThat(listed.json().get("items")).hasSize(25);
    Run table = cli(config, "leads", "list", "-q", tag, "--limit", "5");
    assertThat(table.out()).startsWith("ID").contains("FIRSTNAME", "Hopper", "@cli.example");

    Path globex = login(dir.resolve("globex"), "admin@globex.demo");
    assertThat(cli(globex, "--output", "json", "leads", "list", "-q", tag).json().get("items"))
        .isEmpty();
  }

  @Test
  void a_workflow_exported_to_a_file_imports_as_a_new_draft_and_other_tenants_cannot_export_it()
      throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String name = "CLI tour " + UUID.randomUUID().toString().substring(0, 6);
    String id =
        E2e.field(
            WorkflowApiIT.created(
                    sales, WorkflowApiIT.GRAPH.formatted("P1D").replace("API tour", name))
                .body(),
            "id");
    Path config = login(dir.resolve("acme"), "sales@acme.demo");
    Path file = dir.resolve("exported/workflow.json");

    Run export = cli(config, "workflows", "export", id, "-o", file.toString());
    Run imported = cli(config, "--output", "json", "workflows", "import", file.toString());

    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.readString(file)).contains(name);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    String copy = imported.json().get("id").asText();
    assertThat(copy).isNotEqualTo(id);
    Run list = cli(config, "workflows", "list");
    assertThat(list.out()).contains(copy, name);

    Path globex = login(dir.resolve("globex"), "admin@globex.demo");
    Run foreign = cli(globex, "workflows", "export", id);
    assertThat(foreign.exitCode()).isEqualTo(1);
    assertThat(foreign.err()).contains("404");
    assertThat(cli(globex, "workflows", "list").out()).doesNotContain(name);
  }

  @Test
  void a_developer_packs_signs_publishes_and_installs_a_block_and_a_tampered_one_is_refused()
      throws Exception {
    Path config = login(dir.resolve("admin"), "admin@acme.demo");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String id = "cli.closer-" + suffix;
    String name = "Cli Closer " + suffix;
    Path src = Files.createDirectories(dir.resolve("closer"));
    Files.writeString(
        src.resolve("manifest.json"),
        "{\"id\":\""
            + id
            + "\",\"kind\":\"persona\",\"name\":\""
            + name
            + "\",\"version\":\"1.0.0\",\"author\":\"CLI tests\",\"license\":\"MIT\","
            + "\"tags\":[\"cli\"],\"requires\":{\"channels\":[\"email\"]}}");
    Files.writeString(
        src.resolve("content.json"),
        "{\"kind\":\"persona\",\"schemaVersion\":1,\"name\":\""
            + name
            + "\",\"role\":\"Closer\",\"defaultChannel\":\"EMAIL\",\"language\":\"en\","
            + "\"samples\":[\"Hi {{first_name}}, shall we sign this week?\"],"
            + "\"voice\":{\"formality\":50,\"detail\":30,\"warmth\":80}}");
    Path block = dir.resolve("closer.block.json");
    Path key = dir.resolve("keys/publisher.pem");

    assertThat(cli(config, "blocks", "pack", src.toString(), "-o", block.toString()).exitCode())
        .isZero();
    assertThat(cli(config, "blocks", "keygen", "-o", key.toString()).exitCode()).isZero();
    assertThat(cli(config, "blocks", "sign", block.toString(), "--key", key.toString()).exitCode())
        .isZero();
    Run trust =
        cli(
            config,
            "blocks",
            "trust",
            dir.resolve("keys/publisher.pub.pem").toString(),
            "--name",
            "CLI tests " + suffix);
    assertThat(trust.exitCode()).as(trust.err()).isZero();
    Run plan = cli(config, "--output", "json", "blocks", "plan", block.toString());
    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.json().get("publisher").asText()).isEqualTo("verified");

    Run publish = cli(config, "blocks", "publish", block.toString());
    assertThat(publish.exitCode()).as(publish.err()).isZero();
    Run search = cli(config, "blocks", "search", id, "--kind", "persona");
    assertThat(search.out()).startsWith("ID").contains(id, name, "verified", "false");
    Run install = cli(config, "blocks", "install", id);
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).contains("Installed persona block " + id, "persona", name);
    Run rate = cli(config, "blocks", "rate", id, "--stars", "5", "--text", "Closes deals");
    assertThat(rate.exitCode()).as(rate.err()).isZero();
    JsonNode listed = cli(config, "--output", "json", "blocks", "search", id).json();
    assertThat(listed.get(0).get("installed").asBoolean()).isTrue();
    assertThat(listed.get(0).get("rating").asDouble()).isEqualTo(5.0);

    Files.writeString(block, Files.readString(block).replace("Closer\"", "Pushover\""));
    Run verify = cli(config, "blocks", "verify", block.toString());
    Run tampered = cli(config, "blocks", "import", block.toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).contains("HASH_MISMATCH");
    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.err()).contains("422");

    Path globex = login(dir.resolve("globex"), "admin@globex.demo");
    assertThat(cli(globex, "--output", "json", "blocks", "search", id).json())
        .allSatisfy(b -> assertThat(b.get("installed").asBoolean()).isFalse());
  }

  @Test
  void a_wrong_password_is_reported_and_nothing_is_stored() {
    Path config = dir.resolve("none");

    Run login =
        cli(
            config,
            "login",
            "--server",
            E2e.BASE_URL,
            "--email",
            "sales@acme.demo",
            "--password",
            "not-the-password");

    assertThat(login.exitCode()).isEqualTo(1);
    assertThat(login.err()).contains("401", "incorrect");
    assertThat(config.resolve("credentials")).doesNotExist();
  }

  @Test
  void an_expired_stored_access_token_is_renewed_and_stored_again() throws Exception {
    Path config = login(dir.resolve("acme"), "sales@acme.demo");
    Path credentials = config.resolve("credentials");
    ObjectNode stored = (ObjectNode) JSON.readTree(credentials.toFile());
    String refresh = stored.get("refreshToken").asText();
    stored.put("accessToken", "expired-or-garbage");
    Files.writeString(credentials, stored.toString());

    Run list = cli(config, "workflows", "list");

    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode renewed = JSON.readTree(credentials.toFile());
    assertThat(renewed.get("accessToken").asText()).isNotEqualTo("expired-or-garbage");
    assertThat(renewed.get("refreshToken").asText()).isNotEqualTo(refresh);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
        .isEqualTo("rw-------");
  }

  @Test
  void installed_blocks_are_listed_updated_and_uninstalled() throws Exception {
    Path config = login(dir.resolve("lifecycle"), "admin@acme.demo");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String id = "cli.lifecycle-" + suffix;
    String name = "Cli Lifecycle " + suffix;
    java.security.KeyPair key = io.omnireach.block.PublisherKeys.generate();
    Path v1 = dir.resolve("v1.block.json");
    Path v2 = dir.resolve("v2.block.json");
    Files.writeString(
        v1, io.omnireach.block.Blocks.write(SdkBlocksIT.personaBlock(id, name, "1.0.0", key)));
    Files.writeString(
        v2, io.omnireach.block.Blocks.write(SdkBlocksIT.personaBlock(id, name, "1.1.0", key)));
    assertThat(cli(config, "blocks", "publish", v1.toString()).exitCode()).isZero();
    assertThat(cli(config, "blocks", "install", id).exitCode()).isZero();

    Run table = cli(config, "blocks", "installed");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).startsWith("BLOCK").contains(id, name, "1.0.0");
    Run noUpdate = cli(config, "blocks", "update", id);
    assertThat(noUpdate.exitCode()).isEqualTo(1);
    assertThat(noUpdate.err()).contains("409");

    assertThat(cli(config, "blocks", "publish", v2.toString()).exitCode()).isZero();
    JsonNode mine = installed(cli(config, "--output", "json", "blocks", "installed").json(), id);
    assertThat(mine.get("version").asText()).isEqualTo("1.0.0");
    assertThat(mine.get("latestVersion").asText()).isEqualTo("1.1.0");
    assertThat(mine.get("updateAvailable").asBoolean()).isTrue();
    Run update = cli(config, "blocks", "update", id);
    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out()).contains("Updated " + id + " to 1.1.0", name);
    mine = installed(cli(config, "--output", "json", "blocks", "installed").json(), id);
    assertThat(mine.get("version").asText()).isEqualTo("1.1.0");
    assertThat(mine.get("updateAvailable").asBoolean()).isFalse();

    Path globex = login(dir.resolve("globex-lifecycle"), "admin@globex.demo");
    Run foreign = cli(globex, "blocks", "uninstall", id);
    assertThat(foreign.exitCode()).isEqualTo(1);
    assertThat(foreign.err()).contains("404");

    Run uninstall = cli(config, "--output", "json", "blocks", "uninstall", id);
    assertThat(uninstall.exitCode()).as(uninstall.err()).isZero();
    assertThat(uninstall.json().get("uninstalled").asBoolean()).isTrue();
    assertThat(cli(config, "--output", "json", "blocks", "installed").json())
        .noneMatch(b -> b.get("blockId").asText().equals(id));
  }

  private static JsonNode installed(JsonNode list, String id) {
    for (JsonNode b : list) {
      if (b.get("blockId").asText().equals(id)) {
        return b;
      }
    }
    throw new AssertionError(id + " not in " + list);
  }

  @Test
  void the_shaded_jar_runs_and_its_help_lists_the_commands() throws Exception {
    Path jar = Path.of(System.getProperty("omnireach.cliJar", "../cli/target/omnireach-cli.jar"));
    assertThat(jar).exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(java, "-jar", jar.toString(), "--help")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("Usage: omnireach-cli", "login", "blocks", "workflows", "leads", "completion");
  }
}
