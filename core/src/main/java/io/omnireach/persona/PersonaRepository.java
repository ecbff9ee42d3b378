package io.omnireach.persona;

import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code personas} table of each tenant schema, over plain JDBC. Every write is validated by
 * {@link PersonaRules} and recorded in the audit log in the same transaction.
 */
public final class PersonaRepository {

  private static final String COLUMNS =
      "id, name, role, tone_formality, tone_detail, tone_warmth, industry_focus,"
          + " value_propositions, writing_samples, signature, default_channel, language,"
          + " created_at, updated_at";

  private final Transactions tx;
  private final Clock clock;

  public PersonaRepository(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  /** All personas of the tenant, by name (a tenant has a handful). */
  public List<Persona> list(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from personas order by lower(name), id")) {
            List<Persona> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                result.add(map(rs));
              }
            }
            return result;
          }
        });
  }

  /** One persona; NOT_FOUND when this tenant has none with that id. */
  public Persona get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> find(c, id, false));
  }

  /** Creates a persona; INVALID names the field at fault, CONFLICT when the name is taken. */
  public Persona create(TenantRef tenant, PersonaDraft draft, String actor) {
    PersonaRules.Values v = PersonaRules.apply(PersonaRules.Values.NEW, requireDraft(draft));
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into personas (name, role, tone_formality, tone_detail, tone_warmth,"
                      + " industry_focus, value_propositions, writing_samples, signature,"
                      + " default_channel, language, created_at, updated_at)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            int i = bind(c, ps, v);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setTimestamp(i, Timestamp.from(now));
            try (ResultSet rs = executeUnique(ps, v.name())) {
              rs.next();
              id = rs.getLong(1);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "persona.create", "" + id, v.name());
          return find(c, id, false);
        });
  }

  /** Reads and validates a {@link PersonaBlock} without storing it; INVALID names the field. */
  public static PersonaDraft checkBlock(String json) {
    PersonaDraft draft = PersonaBlock.read(json);
    try {
      PersonaRules.apply(PersonaRules.Values.NEW, requireDraft(draft));
    } catch (DomainException e) {
      throw PersonaBlock.inBlockTerms(e);
    }
    return draft;
  }

  /**
   * Creates a persona from an exported {@link PersonaBlock}; a taken name becomes "Name (2)", "Name
   * (3)"… INVALID names the block's field at fault.
   */
  public Persona importBlock(TenantRef tenant, String json, String actor) {
    // validates the whole block before any name is tried
    PersonaDraft draft = checkBlock(json);
    String name = draft.name().strip();
    for (int n = 1; ; n++) {
      String candidate = n == 1 ? name : PersonaBlock.numbered(name, n);
      try {
        return create(tenant, withName(draft, candidate), actor);
      } catch (DomainException e) {
        if (e.kind() != DomainException.Kind.CONFLICT || n >= 100) {
          throw e;
        }
      }
    }
  }

  private static PersonaDraft withName(PersonaDraft d, String name) {
    return new PersonaDraft(
        name,
        d.role(),
        d.tone(),
        d.industryFocus(),
        d.valuePropositions(),
        d.writingSamples(),
        d.signature(),
        d.defaultChannel(),
        d.language());
  }

  /** Adds a writing sample (e.g. the text of an uploaded file) after the persona's others. */
  /** Appends a writing sample; the row is locked while read, so concurrent uploads all land. */
  public Persona addSample(TenantRef tenant, long id, String sample, String actor) {
    return update(
        tenant,
        id,
        current -> {
          List<String> samples = new ArrayList<>(current.writingSamples());
          samples.add(sample);
          return new PersonaDraft(null, null, null, null, null, samples, null, null, null);
        },
        actor);
  }

  /** Changes the non-null parts of the draft and keeps the rest. */
  public Persona update(TenantRef tenant, long id, PersonaDraft draft, String actor) {
    PersonaDraft change = requireDraft(draft);
    return update(tenant, id, current -> change, actor);
  }

  /** Applies the change made from the row as it is, read under a row lock. */
  private Persona update(
      TenantRef tenant,
      long id,
      java.util.function.Function<Persona, PersonaDraft> changeOf,
      String actor) {
    Instant now = clock.instant();
    return tx.tenant(
        tenant,
        c -> {
          Persona current = find(c, id, true);
          PersonaDraft change = changeOf.apply(current);
          PersonaRules.Values v = PersonaRules.apply(PersonaRules.Values.of(current), change);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update personas set name = ?, role = ?, tone_formality = ?, tone_detail = ?,"
                      + " tone_warmth = ?, industry_focus = ?, value_propositions = ?,"
                      + " writing_samples = ?, signature = ?, default_channel = ?, language = ?,"
                      + " updated_at = ? where id = ?")) {
            int i = bind(c, ps, v);
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setLong(i, id);
            executeUnique(ps, v.name());
          }
          AuditLog.record(c, actor, tenant.slug(), "persona.update", "" + id, v.name());
          return find(c, id, false);
        });
  }

  public void delete(TenantRef tenant, long id, String actor) {
    tx.tenant(
        tenant,
        c -> {
          String name;
          try (PreparedStatement ps =
              c.prepareStatement("delete from personas where id = ? returning name")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw notFound(id);
              }
              name = rs.getString(1);
            }
          }
          AuditLog.record(c, actor, tenant.slug(), "persona.delete", "" + id, name);
          return null;
        });
  }

  private static PersonaDraft requireDraft(PersonaDraft draft) {
    if (draft == null) {
      throw DomainException.invalid("name", "Name is required.");
    }
    return draft;
  }

  /** Binds the eleven value columns in table order; returns the next parameter index. */
  private static int bind(Connection c, PreparedStatement ps, PersonaRules.Values v)
      throws SQLException {
    int i = 1;
    ps.setString(i++, v.name());
    ps.setString(i++, v.role());
    ps.setInt(i++, v.tone().formality());
    ps.setInt(i++, v.tone().detail());
    ps.setInt(i++, v.tone().warmth());
    ps.setArray(i++, textArray(c, v.industryFocus()));
    ps.setArray(i++, textArray(c, v.valuePropositions()));
    ps.setArray(i++, textArray(c, v.writingSamples()));
    ps.setString(i++, v.signature());
    ps.setString(i++, v.defaultChannel().name());
    ps.setString(i++, v.language());
    return i;
  }

  /** Runs an insert or update; a taken name (unique index on lower(name)) becomes CONFLICT. */
  private static ResultSet executeUnique(PreparedStatement ps, String name) throws SQLException {
    try {
      if (ps.execute()) {
        return ps.getResultSet();
      }
      return null;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw DomainException.conflict("name", "A persona named \"" + name + "\" already exists.");
      }
      throw e;
    }
  }

  private static Persona find(Connection c, long id, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from personas where id = ?"
                + (forUpdate ? " for update" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw notFound(id);
        }
        return map(rs);
      }
    }
  }

  private static DomainException notFound(long id) {
    return DomainException.notFound("No persona " + id + " in this tenant.");
  }

  private static Array textArray(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  private static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Persona map(ResultSet rs) throws SQLException {
    return new Persona(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("role"),
        new Tone(rs.getInt("tone_formality"), rs.getInt("tone_detail"), rs.getInt("tone_warmth")),
        strings(rs, "industry_focus"),
        strings(rs, "value_propositions"),
        strings(rs, "writing_samples"),
        rs.getString("signature"),
        Channel.valueOf(rs.getString("default_channel")),
        rs.getString("language"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
