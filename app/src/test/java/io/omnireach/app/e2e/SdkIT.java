package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnireach.sdk.ApiException;
import io.omnireach.sdk.Lead;
import io.omnireach.sdk.LeadImport;
import io.omnireach.sdk.OmniReachClient;
import io.omnireach.sdk.Tokens;
import io.omnireach.sdk.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java SDK against the running server: auth, leads, workflows, errors, tenant isolation. */
class SdkIT {

  @TempDir Path dir;

  @BeforeAll
  static void appStarted() {
    E2eServer.awaitReady();
  }

  static OmniReachClient signedIn(String email) {
    OmniReachClient client =
        OmniReachClient.builder().server(E2e.BASE_URL).pollInterval(Duration.ofMillis(200)).build();
    client.auth().login(email, E2e.DEMO_PASSWORD);
    return client;
  }

  @Test
  void sign_in_and_refresh_rotate_the_tokens_and_a_used_refresh_token_is_refused() {
    OmniReachClient client = signedIn("sales@acme.demo");
    Tokens first = client.tokens();

    Tokens second = client.auth().refresh();

    assertThat(second.accessToken()).isNotBlank();
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(client.leads().list(null, null, 1).items()).isNotNull();
    OmniReachClient replay = OmniReachClient.builder().server(E2e.BASE_URL).tokens(first).build();
    assertThatThrownBy(() -> replay.auth().refresh())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.detail()).isNotBlank();
            });
  }

  @Test
  void an_expired_access_token_is_renewed_once_with_the_refresh_token() {
    Tokens real = signedIn("sales@acme.demo").tokens();
    AtomicReference<Tokens> told = new AtomicReference<>();
    OmniReachClient client =
        OmniReachClient.builder()
            .server(E2e.BASE_URL)
            .tokens(new Tokens("not-a-valid-token", "Bearer", 0, real.refreshToken(), 0))
            .onTokensRefreshed(told::set)
            .build();

    List<Workflow> workflows = client.workflows().list(false);

    assertThat(workflows).isNotNull();
    assertThat(told.get()).isNotNull();
    assertThat(client.tokens().accessToken()).isEqualTo(told.get().accessToken());
  }

  @Test
  void a_wrong_password_surfaces_the_servers_problem_as_a_typed_exception() {
    OmniReachClient client = OmniReachClient.builder().server(E2e.BASE_URL).build();

    assertThatThrownBy(() -> client.auth().login("sales@acme.demo", "wrong-password"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.title()).isEqualTo("Unauthorized");
              assertThat(e.detail()).contains("incorrect");
            });
  }

  @Test
  void a_csv_import_reports_its_progress_until_it_is_done_and_the_leads_are_readable()
      throws Exception {
    OmniReachClient acme = signedIn("sales@acme.demo");
    String tag = "sdk" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Company,Tags\n");
    for (int i = 0; i < 40; i++) {
      csv.append("Ada")
          .append(i)
          .append(",Lovelace,ada")
          .append(i)
          .append('.')
          .append(tag)
          .append("@sdk.example,Analytical,")
          .append(tag)
          .append('\n');
    }
    csv.append("Bad,Row,not-an-email,X,").append(tag).append('\n');
    Path file = Files.writeString(dir.resolve("leads.csv"), csv);
    List<LeadImport> seen = new ArrayList<>();

    LeadImport done = acme.leads().importCsv(file, LeadImport.DuplicatePolicy.SKIP, seen::add);

    assertThat(done.status()).isEqualTo(LeadImport.Status.COMPLETED);
    assertThat(done.imported()).isEqualTo(40);
    assertThat(done.failed()).isEqualTo(1);
    assertThat(seen).isNotEmpty().last().isEqualTo(done);
    assertThat(seen.get(0).fileName()).isEqualTo("leads.csv");
    Lead.Page page = acme.leads().list(tag, null, 100);
    assertThat(page.items()).hasSize(40);
    Lead one = acme.leads().get(page.items().get(0).id());
    assertThat(one.email()).endsWith("@sdk.example");
    assertThat(one.tags()).contains(tag);

    OmniReachClient globex = signedIn("admin@globex.demo");
    assertThat(globex.leads().list(tag, null, 100).items()).isEmpty();
    assertThatThrownBy(() -> globex.leads().get(one.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> globex.leads().importStatus(done.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void a_workflow_exported_and_imported_again_becomes_a_new_draft_of_the_same_tenant()
      throws Exception {
    String sales = E2e.token("sales@acme.demo");
    String name = "SDK tour " + UUID.randomUUID().toString().substring(0, 6);
    String id =
        E2e.field(
            WorkflowApiIT.created(
                    sales, WorkflowApiIT.GRAPH.formatted("P1D").replace("API tour", name))
                .body(),
            "id");
    OmniReachClient acme = signedIn("sales@acme.demo");

    assertThat(acme.workflows().list(false))
        .anySatisfy(
            w -> {
              assertThat(w.id()).isEqualTo(Long.parseLong(id));
              assertThat(w.status()).isEqualTo(Workflow.Status.DRAFT);
            });
    JsonNode exported = acme.workflows().export(Long.parseLong(id));
    Workflow.Ref copy = acme.workflows().importJson(exported);

    assertThat(copy.id()).isNotEqualTo(Long.parseLong(id));
    assertThat(acme.workflows().list(false)).extracting(Workflow::id).contains(copy.id());

    OmniReachClient globex = signedIn("admin@globex.demo");
    assertThat(globex.workflows().list(false)).extracting(Workflow::id).doesNotContain(copy.id());
    assertThatThrownBy(() -> globex.workflows().export(Long.parseLong(id)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void an_import_that_is_not_a_workflow_is_refused_with_the_field_named() {
    OmniReachClient acme = signedIn("sales@acme.demo");
    JsonNode notAWorkflow =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("format", "omnireach.workflow")
            .put("formatVersion", 99);

    assertThatThrownBy(() -> acme.workflows().importJson(notAWorkflow))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.detail()).isNotBlank();
            });
  }
}
