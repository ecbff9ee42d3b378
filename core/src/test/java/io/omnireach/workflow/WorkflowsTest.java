package io.omnireach.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drafts autosave, publishing validates and freezes versions, export/import, templates, isolation.
 */
class WorkflowsTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final TenantRef GLOBEX = new TenantRef(2, "globex");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  static TestDatabase db;
  static Workflows workflows;
  static long mailbox;
  static long persona;

  @BeforeAll
  static void freshDatabase() {
    db = TestDatabase.migrated();
    for (TenantRef t : List.of(ACME, GLOBEX)) {
      Migrations.migrateTenant(db.dataSource(), t.schema());
    }
    db.transactions()
        .tenant(
            GLOBEX,
            c -> {
              try (Statement s = c.createStatement()) {
                return s.execute("alter sequence workflows_id_seq restart 1000000");
              }
            });
    mailbox =
        insert(
            ACME,
            "insert into mailboxes (name, host, port, from_address) values"
                + " ('Main', 'smtp.example', 25, 'a@acme.example') returning id");
    persona =
        insert(
            ACME,
            "insert into personas (name, tone_formality, tone_detail, tone_warmth,"
                + " default_channel, language) values ('Friendly SDR', 50, 50, 50, 'EMAIL', 'en') returning id");
    workflows = new Workflows(db.transactions(), CLOCK);
  }

  static long insert(TenantRef t, String sql) {
    return db.transactions()
        .tenant(
            t,
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
              }
            });
  }

  /** As it comes back from JSON (numbers as Integer). */
  static WorkflowGraph json(WorkflowGraph g) {
    return WorkflowJson.parse(WorkflowJson.write(g));
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void a_draft_autosaves_even_when_invalid_and_publishing_freezes_numbered_versions() {
    WorkflowRef created = workflows.create(ACME, Graphs.simple(mailbox).build(), "ada");
    assertThat(created.version()).isEqualTo(1);
    WorkflowDetail draft = workflows.get(ACME, created.id());
    assertThat(draft.summary().status()).isEqualTo(WorkflowStatus.DRAFT);
    assertThat(draft.summary().settings().stopOnReply()).isTrue();
    assertThat(draft.draft()).isEqualTo(json(Graphs.simple(mailbox).build()));

    WorkflowGraph broken =
        Graphs.named("Simple")
            .node("s", "start")
            .node("w", "wait", "duration", "soon")
            .edge("s", "w")
            .build();
    workflows.saveDraft(ACME, created.id(), broken, "ada");
    assertThat(workflows.get(ACME, created.id()).draft()).isEqualTo(json(broken));
    assertThatThrownBy(() -> workflows.publish(ACME, created.id(), "ada"))
        .isInstanceOf(WorkflowInvalidException.class)
        .hasMessageContaining("node w");

    workflows.saveDraft(ACME, created.id(), Graphs.simple(mailbox).build(), "ada");
    assertThat(workflows.publish(ACME, created.id(), "ada"))
        .isEqualTo(new WorkflowRef(created.id(), 1));
    WorkflowGraph v2 = Graphs.simple(mailbox).build().withName("Simple v2");
    workflows.saveDraft(ACME, created.id(), v2, "ada");
    assertThat(workflows.publish(ACME, created.id(), "ada").version()).isEqualTo(2);

    assertThat(workflows.version(ACME, created.id(), 1).graph().name()).isEqualTo("Simple");
    assertThat(workflows.version(ACME, created.id(), 2).graph().name()).isEqualTo("Simple v2");
    WorkflowDetail after = workflows.get(ACME, created.id());
    assertThat(after.versions()).containsExactly(1, 2);
    assertThat(after.summary().publishedVersion()).isEqualTo(2);
    assertThat(after.summary().draftVersion()).isEqualTo(3);
    assertThat(after.summary().status()).isEqualTo(WorkflowStatus.PUBLISHED);
  }

  @Test
  void archived_workflows_leave_the_list_and_cannot_be_edited() {
    long id = workflows.create(ACME, Graphs.simple(mailbox).build().withName("Old"), "ada").id();
    workflows.archive(ACME, id, "ada");
    assertThat(workflows.list(ACME, false)).extracting(WorkflowSummary::id).doesNotContain(id);
    assertThat(workflows.list(ACME, true)).extracting(WorkflowSummary::id).contains(id);
    assertThatThrownBy(() -> workflows.saveDraft(ACME, id, Graphs.simple(mailbox).build(), "ada"))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.CONFLICT);
  }

  @Test
  void another_tenant_sees_nothing() {
    long id = workflows.create(ACME, Graphs.simple(mailbox).build(), "ada").id();
    assertThatThrownBy(() -> workflows.get(GLOBEX, id))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.NOT_FOUND);
    assertThatThrownBy(() -> workflows.publish(GLOBEX, id, "gina"))
        .isInstanceOf(DomainException.class);
    assertThat(workflows.list(GLOBEX, true)).extracting(WorkflowSummary::id).doesNotContain(id);
  }

  @Test
  void export_carries_names_and_import_maps_them_to_the_importing_tenant() {
    WorkflowGraph g =
        Graphs.named("Portable")
            .node("s", "start")
            .node("ai", "ai_generate", "personaId", persona, "prompt", "Say hi")
            .node("m", "send_email", "mailboxId", mailbox)
            .edge("s", "ai")
            .edge("ai", "m")
            .build();
    long id = workflows.create(ACME, g, "ada").id();
    workflows.publish(ACME, id, "ada");
    String exported = workflows.export(ACME, id, 1);
    assertThat(exported)
        .contains(
            "\"format\" : \"omnireach.workflow\"",
            "\"personaName\" : \"Friendly SDR\"",
            "\"mailboxName\" : \"Main\"");

    WorkflowRef again = workflows.importJson(ACME, exported, "ada");
    assertThat(workflows.get(ACME, again.id()).draft().node("ai").orElseThrow().config())
        .containsEntry("personaId", (int) persona)
        .doesNotContainKey("personaName");
    assertThat(workflows.validate(ACME, workflows.get(ACME, again.id()).draft())).isEmpty();

    // globex has neither: the ids are dropped for the author to pick, never kept pointing elsewhere
    WorkflowRef foreign = workflows.importJson(GLOBEX, exported, "gina");
    WorkflowGraph imported = workflows.get(GLOBEX, foreign.id()).draft();
    assertThat(imported.node("ai").orElseThrow().config()).doesNotContainKey("personaId");
    assertThat(workflows.validate(GLOBEX, imported))
        .extracting(ValidationError::field)
        .contains("personaId", "mailboxId");
  }

  @Test
  void a_template_becomes_a_draft_that_publishes_with_the_tenants_persona() {
    WorkflowRef ref = workflows.createFromTemplate(ACME, "cold-outreach-3-touches", "seed");
    WorkflowDetail d = workflows.get(ACME, ref.id());
    assertThat(d.summary().name()).isEqualTo("Cold outreach, 3 touches");
    assertThat(d.summary().template()).isEqualTo("cold-outreach-3-touches");
    assertThat(workflows.hasTemplate(ACME, "cold-outreach-3-touches")).isTrue();
    assertThat(workflows.publish(ACME, ref.id(), "ada").version()).isEqualTo(1);
    assertThatThrownBy(() -> workflows.createFromTemplate(ACME, "nope", "x"))
        .isInstanceOf(DomainException.class);
  }
}
