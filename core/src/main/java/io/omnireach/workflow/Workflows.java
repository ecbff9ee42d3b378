package io.omnireach.workflow;

import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflows of a tenant: drafts that autosave (saving replaces the draft graph, valid or not),
 * publishing that validates and freezes the draft as the next immutable version, export/import in
 * the {@link WorkflowExchange} format, templates. All methods take the tenant and return records,
 * for REST and the Vaadin builder alike.
 */
public final class Workflows {

  private static final String SUMMARY_COLUMNS =
      "id, name, description, status, stop_on_reply, draft_version, published_version, template,"
          + " created_at, updated_at, updated_by";

  private final Transactions tx;
  private final Clock clock;

  public Workflows(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** Creates a draft workflow from canvas JSON (validated only when published). */
  public WorkflowRef create(TenantRef tenant, WorkflowJson.Input input, String actor) {
    return create(
        tenant,
        input.graph(),
        input.description(),
        input.settings() == null ? WorkflowSettings.DEFAULT : input.settings(),
        null,
        actor);
  }

  public WorkflowRef create(TenantRef tenant, WorkflowGraph graph, String actor) {
    return create(tenant, graph, null, WorkflowSettings.DEFAULT, null, actor);
  }

  private WorkflowRef create(
      TenantRef tenant,
      WorkflowGraph graph,
      String description,
      WorkflowSettings settings,
      String template,
      String actor) {
    String name = name(graph);
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into workflows (name, description, stop_on_reply, draft, template,"
                      + " created_by, created_at, updated_by, updated_at)"
                      + " values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id")) {
            Timestamp now = Timestamp.from(clock.instant());
            ps.setString(1, name);
            ps.setString(2, blankToNull(description));
            ps.setBoolean(3, settings.stopOnReply());
            ps.setString(4, WorkflowJson.write(graph.withName(name)));
            ps.setString(5, template);
            ps.setString(6, actor);
            ps.setTimestamp(7, now);
            ps.setString(8, actor);
            ps.setTimestamp(9, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new WorkflowRef(rs.getLong(1), 1);
            }
          }
        });
  }

  /** The tenant's workflows, newest first; archived ones only when asked for. */
  public List<WorkflowSummary> list(TenantRef tenant, boolean includeArchived) {
    return tx.tenant(
        tenant,
        c -> {
          List<WorkflowSummary> list = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + SUMMARY_COLUMNS
                      + " from workflows"
                      + (includeArchived ? "" : " where status <> 'archived'")
                      + " order by updated_at desc, id desc")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                list.add(summary(rs));
              }
            }
          }
          return list;
        });
  }

  public WorkflowDetail get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> detail(c, id));
  }

  public WorkflowSummary summary(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> summary(c, id));
  }

  /**
   * Autosave: replaces the draft graph (and description/settings when given). The draft may be
   * invalid; publishing checks it. Archived workflows cannot be edited (CONFLICT).
   */
  public WorkflowDetail saveDraft(
      TenantRef tenant, long id, WorkflowJson.Input input, String actor) {
    String name = name(input.graph());
    return tx.tenant(
        tenant,
        c -> {
          WorkflowSummary current = summary(c, id);
          if (current.status() == WorkflowStatus.ARCHIVED) {
            throw DomainException.conflict(null, "Workflow " + id + " is archived.");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflows set name = ?, draft = ?::jsonb,"
                      + " description = coalesce(?, description),"
                      + " stop_on_reply = coalesce(?, stop_on_reply),"
                      + " updated_by = ?, updated_at = ? where id = ?")) {
            ps.setString(1, name);
            ps.setString(2, WorkflowJson.write(input.graph().withName(name)));
            ps.setString(3, input.description());
            ps.setObject(4, input.settings() == null ? null : input.settings().stopOnReply());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.setLong(7, id);
            ps.executeUpdate();
          }
          return detail(c, id);
        });
  }

  public WorkflowDetail saveDraft(TenantRef tenant, long id, WorkflowGraph graph, String actor) {
    return saveDraft(tenant, id, new WorkflowJson.Input(graph, null, null), actor);
  }

  /** Changes settings (e.g. stop on reply); they apply to all runs of the workflow. */
  public WorkflowSummary updateSettings(
      TenantRef tenant, long id, WorkflowSettings settings, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          summary(c, id);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflows set stop_on_reply = ?, updated_by = ?, updated_at = ?"
                      + " where id = ?")) {
            ps.setBoolean(1, settings.stopOnReply());
            ps.setString(2, actor);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, id);
            ps.executeUpdate();
          }
          return summary(c, id);
        });
  }

  /** The problems that would stop publishing this graph in this tenant (live feedback). */
  public List<ValidationError> validate(TenantRef tenant, WorkflowGraph graph) {
    return tx.tenant(tenant, c -> WorkflowValidator.validate(graph, catalog(c)));
  }

  /**
   * Validates the draft and freezes it as the next version; runs enrolled afterwards use it, runs
   * already going keep theirs. A draft workflow becomes published; a paused one stays paused.
   *
   * @throws WorkflowInvalidException naming the offending nodes
   */
  public WorkflowRef publish(TenantRef tenant, long id, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          WorkflowSummary current;
          WorkflowGraph draft;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select " + SUMMARY_COLUMNS + ", draft from workflows where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw notFound(id);
              }
              current = summary(rs);
              draft = WorkflowJson.parse(rs.getString("draft"));
            }
          }
          if (current.status() == WorkflowStatus.ARCHIVED) {
            throw DomainException.conflict(null, "Workflow " + id + " is archived.");
          }
          WorkflowValidator.check(draft, catalog(c));
          int version = current.draftVersion();
          Timestamp now = Timestamp.from(clock.instant());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into workflow_versions (workflow_id, version, graph, published_by,"
                      + " published_at) values (?, ?, ?::jsonb, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, WorkflowJson.write(draft));
            ps.setString(4, actor);
            ps.setTimestamp(5, now);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update workflows set published_version = ?, draft_version = ?,"
                      + " status = case when status = 'paused' then 'paused' else 'published' end,"
                      + " updated_by = ?, updated_at = ? where id = ?")) {
            ps.setInt(1, version);
            ps.setInt(2, version + 1);
            ps.setString(3, actor);
            ps.setTimestamp(4, now);
            ps.setLong(5, id);
            ps.executeUpdate();
          }
          return new WorkflowRef(id, version);
        });
  }

  /** A published version (NOT_FOUND when the workflow or version does not exist here). */
  public WorkflowVersion version(TenantRef tenant, long id, int version) {
    return tx.tenant(tenant, c -> version(c, id, version));
  }

  /** Reads a published version on the caller's connection (the engine's chunk). */
  public static WorkflowVersion version(Connection c, long id, int version) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select graph, published_by, published_at from workflow_versions"
                + " where workflow_id = ? and version = ?")) {
      ps.setLong(1, id);
      ps.setInt(2, version);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound(
              "Workflow " + id + " has no published version " + version + ".");
        }
        return new WorkflowVersion(
            id,
            version,
            WorkflowJson.parse(rs.getString(1)),
            rs.getString(2),
            rs.getTimestamp(3).toInstant());
      }
    }
  }

  /** Archives: no more enrolments or edits; running runs are cancelled by the engine's control. */
  public void archive(TenantRef tenant, long id, String actor) {
    setStatus(tenant, id, WorkflowStatus.ARCHIVED, actor);
  }

  /** Sets the status on the caller's connection; NOT_FOUND when absent. */
  public static void setStatus(
      Connection c, long id, WorkflowStatus status, String actor, Clock clock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update workflows set status = ?, updated_by = ?, updated_at = ? where id = ?")) {
      ps.setString(1, status.value());
      ps.setString(2, actor);
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.setLong(4, id);
      if (ps.executeUpdate() == 0) {
        throw notFound(id);
      }
    }
  }

  private void setStatus(TenantRef tenant, long id, WorkflowStatus status, String actor) {
    tx.tenant(
        tenant,
        c -> {
          setStatus(c, id, status, actor, clock);
          return null;
        });
  }

  /**
   * The workflow in the exchange format: a published version when given, else the draft. Persona
   * and mailbox names travel beside their ids.
   */
  public String export(TenantRef tenant, long id, Integer version) {
    return tx.tenant(
        tenant,
        c -> {
          WorkflowDetail d = detail(c, id);
          WorkflowGraph graph = version == null ? d.draft() : version(c, id, version).graph();
          return WorkflowExchange.write(
              new WorkflowExchange.Document(
                  d.summary().name(), d.summary().description(), d.summary().settings(), graph),
              names(c));
        });
  }

  /** Creates a draft from an export (or a bare canvas graph); names map to this tenant's ids. */
  public WorkflowRef importJson(TenantRef tenant, String json, String actor) {
    WorkflowExchange.Document doc = WorkflowExchange.read(json);
    return createFrom(tenant, doc, null, actor);
  }

  public List<WorkflowTemplate> templates() {
    return WorkflowExchange.templates();
  }

  /** A new draft from a shipped template, its persona names mapped to this tenant's personas. */
  public WorkflowRef createFromTemplate(TenantRef tenant, String templateId, String actor) {
    return createFrom(tenant, WorkflowExchange.template(templateId), templateId, actor);
  }

  /**
   * Whether the tenant already has a workflow made from this template (seeding stays idempotent).
   */
  public boolean hasTemplate(TenantRef tenant, String templateId) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select 1 from workflows where template = ?")) {
            ps.setString(1, templateId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private WorkflowRef createFrom(
      TenantRef tenant, WorkflowExchange.Document doc, String template, String actor) {
    WorkflowExchange.Names names = tx.tenant(tenant, Workflows::names);
    WorkflowGraph graph = WorkflowExchange.localise(doc.graph(), names);
    return create(
        tenant, graph.withName(doc.name()), doc.description(), doc.settings(), template, actor);
  }

  /** The tenant's persona and mailbox names by id (how an import maps references). */
  public WorkflowExchange.Names names(TenantRef tenant) {
    return tx.tenant(tenant, Workflows::names);
  }

  /** The tenant's persona and mailbox ids, for validation. */
  public static WorkflowValidator.Catalog catalog(Connection c) throws SQLException {
    return new WorkflowValidator.Catalog(ids(c, "personas"), ids(c, "mailboxes"));
  }

  private static Set<Long> ids(Connection c, String table) throws SQLException {
    Set<Long> ids = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement("select id from " + table);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  static WorkflowExchange.Names names(Connection c) throws SQLException {
    return new WorkflowExchange.Names(namesOf(c, "personas"), namesOf(c, "mailboxes"));
  }

  private static Map<Long, String> namesOf(Connection c, String table) throws SQLException {
    Map<Long, String> names = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("select id, name from " + table);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.put(rs.getLong(1), rs.getString(2));
      }
    }
    return names;
  }

  private static WorkflowDetail detail(Connection c, long id) throws SQLException {
    WorkflowSummary summary;
    WorkflowGraph draft;
    try (PreparedStatement ps =
        c.prepareStatement("select " + SUMMARY_COLUMNS + ", draft from workflows where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw notFound(id);
        }
        summary = summary(rs);
        draft = WorkflowJson.parse(rs.getString("draft"));
      }
    }
    List<Integer> versions = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select version from workflow_versions where workflow_id = ? order by version")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(rs.getInt(1));
        }
      }
    }
    return new WorkflowDetail(summary, draft, List.copyOf(versions));
  }

  /** A workflow on the caller's connection; NOT_FOUND when absent. */
  public static WorkflowSummary summary(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + SUMMARY_COLUMNS + " from workflows where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw notFound(id);
        }
        return summary(rs);
      }
    }
  }

  private static WorkflowSummary summary(ResultSet rs) throws SQLException {
    return new WorkflowSummary(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("description"),
        WorkflowStatus.parse(rs.getString("status")),
        new WorkflowSettings(rs.getBoolean("stop_on_reply")),
        rs.getInt("draft_version"),
        (Integer) rs.getObject("published_version"),
        rs.getString("template"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by"));
  }

  static DomainException notFound(long id) {
    return DomainException.notFound("No workflow " + id + " in this workspace.");
  }

  private static String name(WorkflowGraph graph) {
    String name = graph.name() == null ? "" : graph.name().strip();
    if (name.isEmpty()) {
      throw DomainException.invalid("name", "The workflow needs a name.");
    }
    if (name.length() > WorkflowValidator.MAX_NAME) {
      throw DomainException.invalid(
          "name", "The name is longer than " + WorkflowValidator.MAX_NAME + " characters.");
    }
    return name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
