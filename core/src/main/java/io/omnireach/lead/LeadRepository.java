package io.omnireach.lead;

import io.omnireach.account.AccountLinks;
import io.omnireach.audit.AuditLog;
import io.omnireach.common.DomainException;
import io.omnireach.common.Json;
import io.omnireach.db.Transactions;
import io.omnireach.relationship.RelationshipScores;
import io.omnireach.tenant.TenantRef;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Leads in the tenant schema. Every method runs in one tenant's schema only. */
public final class LeadRepository {

  public static final int MAX_PAGE = 200;

  private static final String CONSENT_COLUMNS = consentColumns();

  /** Columns read for a {@link Lead}, with jsonb unpacked by PostgreSQL. */
  private static final String SELECT =
      "select l.*,"
          + " (select coalesce(array_agg(key order by key), '{}') from jsonb_each_text(l.custom_fields)) as cf_keys,"
          + " (select coalesce(array_agg(value order by key), '{}') from jsonb_each_text(l.custom_fields)) as cf_values"
          + CONSENT_COLUMNS
          + " from leads l";

  private final Transactions tx;
  private final Clock clock;

  public LeadRepository(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  public Lead create(TenantRef tenant, LeadDraft draft, String actor) {
    LeadRules.Valid valid = LeadRules.require(draft, true);
    return tx.tenant(
        tenant,
        c -> {
          requireOwner(c, tenant, valid);
          long id = insert(c, valid, actor, clock.instant());
          AuditLog.record(c, actor, tenant.slug(), "lead.create", "" + id, null);
          return linkAccount(c, get(c, id));
        });
  }

  public Lead get(TenantRef tenant, long id) {
    return tx.tenant(tenant, c -> get(c, id));
  }

  public Lead update(TenantRef tenant, long id, LeadDraft draft, String actor) {
    LeadRules.Valid valid = LeadRules.require(draft, false);
    return tx.tenant(
        tenant,
        c -> {
          requireOwner(c, tenant, valid);
          List<Object> params = new ArrayList<>();
          StringBuilder set = new StringBuilder("updated_at = ?, updated_by = ?");
          params.add(Timestamp.from(clock.instant()));
          params.add(actor);
          for (Map.Entry<LeadField, Object> e : valid.values().entrySet()) {
            set.append(", ").append(e.getKey().column()).append(" = ?");
            params.add(sqlValue(e.getValue()));
          }
          if (valid.tags() != null) {
            set.append(", tags = ?");
            params.add(c.createArrayOf("text", valid.tags().toArray()));
          }
          if (valid.customFields() != null) {
            set.append(", custom_fields = ?::jsonb");
            params.add(Json.object(valid.customFields(), false));
          }
          if (valid.consent() != null) {
            set.append(", consent = consent || ?::jsonb");
            params.add(consentJson(valid.consent()));
          }
          params.add(id);
          try (PreparedStatement ps =
              c.prepareStatement("update leads set " + set + " where id = ?")) {
            for (int i = 0; i < params.size(); i++) {
              ps.setObject(i + 1, params.get(i));
            }
            if (ps.executeUpdate() == 0) {
              throw DomainException.notFound("No lead " + id + ".");
            }
          } catch (SQLException e) {
            throw duplicateOr(e, valid);
          }
          if (valid.has(LeadField.STAGE)) {
            // the stage says whether a meeting happened: part of the relationship score
            RelationshipScores.recompute(c, List.of(id), clock.instant());
          }
          Lead lead = get(c, id);
          return valid.has(LeadField.EMAIL) || valid.has(LeadField.COMPANY)
              ? linkAccount(c, lead)
              : lead;
        });
  }

  /** Puts the lead into the account its email domain or company name says. */
  private static Lead linkAccount(Connection c, Lead lead) throws SQLException {
    AccountLinks.link(
        c, List.of(new AccountLinks.LeadCompany(lead.id(), lead.email(), lead.company())));
    return lead;
  }

  public void delete(TenantRef tenant, long id, String actor) {
    if (bulkDelete(tenant, List.of(id), actor) == 0) {
      throw DomainException.notFound("No lead " + id + ".");
    }
  }

  public int bulkDelete(TenantRef tenant, List<Long> ids, String actor) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("delete from leads where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            int n = ps.executeUpdate();
            AuditLog.record(
                c,
                actor,
                tenant.slug(),
                "lead.delete",
                ids.size() == 1 ? "" + ids.get(0) : n + " leads",
                null);
            return n;
          }
        });
  }

  /** Changes stage, adds tags and/or sets the owner of many leads at once; null = unchanged. */
  public int bulkUpdate(
      TenantRef tenant,
      List<Long> ids,
      Stage stage,
      List<String> addTags,
      Long ownerId,
      String actor) {
    return tx.tenant(
        tenant,
        c -> {
          if (ownerId != null) {
            requireMember(c, tenant, ownerId);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update leads set stage = coalesce(?, stage),"
                      + " tags = array(select distinct unnest(tags || ?::text[])),"
                      + " owner_id = coalesce(?, owner_id), updated_at = ?, updated_by = ?"
                      + " where id = any(?)")) {
            ps.setString(1, stage == null ? null : stage.value());
            ps.setArray(
                2,
                c.createArrayOf(
                    "text", addTags == null ? new Object[0] : LeadRules.tags(addTags).toArray()));
            ps.setObject(3, ownerId);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setString(5, actor);
            ps.setArray(6, c.createArrayOf("bigint", ids.toArray()));
            int n = ps.executeUpdate();
            if (stage != null) {
              RelationshipScores.recompute(c, ids, clock.instant());
            }
            AuditLog.record(c, actor, tenant.slug(), "lead.bulk-update", n + " leads", null);
            return n;
          }
        });
  }

  /** Keyset pagination: stable under inserts, cheap at any depth. */
  public LeadPage page(TenantRef tenant, LeadQuery query, String cursor, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    return tx.tenant(
        tenant,
        c -> {
          Where where = where(query);
          if (cursor != null && !cursor.isBlank()) {
            Object[] after = decodeCursor(query.sort(), cursor);
            where.add(
                "("
                    + query.sort().expression
                    + ", id) "
                    + (query.ascending() ? ">" : "<")
                    + " (?, ?)",
                after[0],
                after[1]);
          }
          List<Lead> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + where.sql() + order(query) + " limit " + (size + 1))) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(map(rs));
              }
            }
          }
          String next = null;
          if (items.size() > size) {
            items.remove(size);
            next = encodeCursor(query.sort(), items.get(size - 1));
          }
          return new LeadPage(items, next);
        });
  }

  /** Offset paging for the UI grid, which asks by offset and limit. */
  public List<Lead> slice(TenantRef tenant, LeadQuery query, int offset, int limit) {
    return tx.tenant(
        tenant,
        c -> {
          Where where = where(query);
          List<Lead> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + where.sql() + order(query) + " offset ? limit ?")) {
            int next = where.bind(ps);
            ps.setInt(next, offset);
            ps.setInt(next + 1, Math.min(limit, 500));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(map(rs));
              }
            }
          }
          return items;
        });
  }

  public int count(TenantRef tenant, LeadQuery query) {
    return tx.tenant(
        tenant,
        c -> {
          Where where = where(query);
          try (PreparedStatement ps =
              c.prepareStatement("select count(*) from leads l" + where.sql())) {
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  /** Writes the matching leads as CSV (REST and UI export) and audits who exported how many. */
  public int export(TenantRef tenant, LeadQuery query, String actor, java.io.Writer out) {
    int[] written = {0};
    try (LeadCsv csv = new LeadCsv(out)) {
      forEach(
          tenant,
          query,
          lead -> {
            csv.write(lead);
            written[0]++;
          });
    }
    new AuditLog(tx).record(actor, tenant.slug(), "lead.export", null, written[0] + " leads");
    return written[0];
  }

  /** Streams every matching lead to {@code sink} with a server-side cursor (flat memory). */
  public void forEach(TenantRef tenant, LeadQuery query, Consumer<Lead> sink) {
    tx.tenant(
        tenant,
        c -> {
          Where where = where(query);
          try (PreparedStatement ps = c.prepareStatement(SELECT + where.sql() + order(query))) {
            ps.setFetchSize(1000);
            where.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                sink.accept(map(rs));
              }
            }
          }
          return null;
        });
  }

  /** Leads per stage, every stage present (zero when empty), in pipeline order. */
  public Map<Stage, Integer> countByStage(TenantRef tenant) {
    return tx.tenant(
        tenant,
        c -> {
          Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
          for (Stage s : Stage.values()) {
            counts.put(s, 0);
          }
          try (PreparedStatement ps =
                  c.prepareStatement("select stage, count(*) from leads group by stage");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(Stage.parse("stage", rs.getString(1)), rs.getInt(2));
            }
          }
          return counts;
        });
  }

  /** Distinct values for filter pickers. */
  public List<String> distinctTags(TenantRef tenant) {
    return strings(tenant, "select distinct unnest(tags) t from leads order by t limit 500");
  }

  public List<String> distinctIndustries(TenantRef tenant) {
    return strings(
        tenant,
        "select distinct industry from leads where industry is not null order by 1 limit 500");
  }

  private List<String> strings(TenantRef tenant, String sql) {
    return tx.tenant(
        tenant,
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  // ---- SQL pieces -------------------------------------------------------------------------

  /** Inserts one validated lead in the caller's transaction; 409 on a taken email. */
  static long insert(Connection c, LeadRules.Valid valid, String actor, Instant now)
      throws SQLException {
    EnumMap<LeadField, Object> v = valid.values();
    StringBuilder cols = new StringBuilder("created_at, updated_at, created_by, updated_by");
    StringBuilder marks = new StringBuilder("?, ?, ?, ?");
    List<Object> params =
        new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now), actor, actor));
    for (Map.Entry<LeadField, Object> e : v.entrySet()) {
      cols.append(", ").append(e.getKey().column());
      marks.append(", ?");
      params.add(sqlValue(e.getValue()));
    }
    if (valid.tags() != null) {
      cols.append(", tags");
      marks.append(", ?");
      params.add(c.createArrayOf("text", valid.tags().toArray()));
    }
    if (valid.customFields() != null) {
      cols.append(", custom_fields");
      marks.append(", ?::jsonb");
      params.add(Json.object(valid.customFields(), false));
    }
    if (valid.consent() != null) {
      cols.append(", consent");
      marks.append(", ?::jsonb");
      params.add(consentJson(valid.consent()));
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into leads (" + cols + ") values (" + marks + ") returning id")) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw duplicateOr(e, valid);
    }
  }

  static Object sqlValue(Object value) {
    return value instanceof Stage s ? s.value() : value;
  }

  static String consentJson(Map<Consent.Channel, Consent> consent) {
    Map<String, String> channels = new LinkedHashMap<>();
    consent.forEach(
        (channel, c) -> {
          Map<String, String> one = new LinkedHashMap<>();
          one.put("status", c.status().name().toLowerCase());
          one.put("source", c.source());
          one.put("at", (c.at() == null ? Instant.now() : c.at()).toString());
          channels.put(channel.name().toLowerCase(), Json.object(one, false));
        });
    return Json.object(channels, true);
  }

  private static RuntimeException duplicateOr(SQLException e, LeadRules.Valid valid) {
    String message = String.valueOf(e.getMessage());
    if ("23505".equals(e.getSQLState()) && message.contains("leads_phone_only_uq")) {
      return DomainException.conflict(
          "phone",
          "A lead with phone "
              + valid.values().get(LeadField.PHONE)
              + " and no email already exists.");
    }
    if ("23505".equals(e.getSQLState())) {
      return DomainException.conflict(
          "email", "A lead with email " + valid.values().get(LeadField.EMAIL) + " already exists.");
    }
    if ("23514".equals(e.getSQLState()) && message.contains("leads_reachable_ck")) {
      // an update that clears the last of email, phone and LinkedIn URL
      return DomainException.invalid("email", LeadRules.UNREACHABLE);
    }
    return new io.omnireach.db.DataAccessException(e);
  }

  private static void requireOwner(Connection c, TenantRef tenant, LeadRules.Valid valid)
      throws SQLException {
    Object owner = valid.values().get(LeadField.OWNER_ID);
    if (owner != null) {
      requireMember(c, tenant, (Long) owner);
    }
  }

  private static void requireMember(Connection c, TenantRef tenant, long userId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from platform.memberships where tenant_id = ? and user_id = ?")) {
      ps.setLong(1, tenant.id());
      ps.setLong(2, userId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.invalid(
              "ownerId", "User " + userId + " is not a member of this workspace.");
        }
      }
    }
  }

  /**
   * The leads with these ids, read on the caller's connection (a workflow chunk reads the leads of
   * a whole batch of steps in one statement); ids of no lead are absent from the map.
   */
  public static Map<Long, Lead> byIds(Connection c, java.util.Collection<Long> ids)
      throws SQLException {
    Map<Long, Lead> leads = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return leads;
    }
    try (PreparedStatement ps = c.prepareStatement(SELECT + " where l.id = any(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Lead lead = map(rs);
          leads.put(lead.id(), lead);
        }
      }
    }
    return leads;
  }

  private static Lead get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " where l.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw DomainException.notFound("No lead " + id + ".");
        }
        return map(rs);
      }
    }
  }

  private static String order(LeadQuery q) {
    String dir = q.ascending() ? " asc" : " desc";
    return " order by " + q.sort().expression + dir + ", id" + dir;
  }

  private static Where where(LeadQuery q) {
    Where w = new Where();
    if (q.text() != null) {
      String like =
          "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      w.add(
          "(coalesce(first_name, '') || ' ' || coalesce(last_name, '') ilike ? or email ilike ?"
              + " or coalesce(company, '') ilike ?)",
          like,
          like,
          like);
    }
    if (q.stage() != null) {
      w.add("stage = ?", q.stage().value());
    }
    if (q.ownerId() != null) {
      w.add("owner_id = ?", q.ownerId());
    }
    if (q.tag() != null) {
      w.add("tags @> array[?]::text[]", q.tag());
    }
    if (q.industry() != null) {
      w.add("lower(industry) = lower(?)", q.industry());
    }
    return w;
  }

  /** A WHERE clause and its parameters, built from fixed fragments only. */
  private static final class Where {
    private final List<String> parts = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    void add(String sql, Object... values) {
      parts.add(sql);
      params.addAll(List.of(values));
    }

    String sql() {
      return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
    }

    /** Binds the parameters; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      return params.size() + 1;
    }
  }

  private static String encodeCursor(LeadQuery.Sort sort, Lead last) {
    String value =
        switch (sort) {
          case CREATED -> micros(last.createdAt());
          case UPDATED -> micros(last.updatedAt());
          case LAST_NAME -> last.lastName() == null ? "" : last.lastName();
          case COMPANY -> last.company() == null ? "" : last.company();
          case EMAIL -> last.email() == null ? "" : last.email().toLowerCase();
          case SCORE -> Integer.toString(last.score());
          case RELATIONSHIP -> Integer.toString(last.relationshipScore());
        };
    String raw = sort.json() + "\n" + last.id() + "\n" + value;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Object[] decodeCursor(LeadQuery.Sort sort, String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
      if (!parts[0].equals(sort.json())) {
        throw new IllegalArgumentException("cursor of another sort order");
      }
      long id = Long.parseLong(parts[1]);
      Object value =
          switch (sort) {
            case CREATED, UPDATED -> Timestamp.from(fromMicros(Long.parseLong(parts[2])));
            case SCORE, RELATIONSHIP -> Integer.parseInt(parts[2]);
            default -> parts[2];
          };
      return new Object[] {value, id};
    } catch (RuntimeException e) {
      throw DomainException.invalid(
          "cursor", "This cursor is not valid for this listing; start again without it.");
    }
  }

  private static String micros(Instant t) {
    return Long.toString(t.getEpochSecond() * 1_000_000 + t.getNano() / 1000);
  }

  private static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
  }

  static Lead map(ResultSet rs) throws SQLException {
    Map<String, String> custom = new LinkedHashMap<>();
    String[] keys = strings(rs.getArray("cf_keys"));
    String[] values = strings(rs.getArray("cf_values"));
    for (int i = 0; i < keys.length; i++) {
      custom.put(keys[i], values[i]);
    }
    return new Lead(
        rs.getLong("id"),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        rs.getString("phone"),
        rs.getString("company"),
        rs.getString("title"),
        rs.getString("industry"),
        rs.getString("company_size"),
        rs.getString("country"),
        rs.getString("timezone"),
        rs.getString("linkedin_url"),
        rs.getString("website"),
        List.of(strings(rs.getArray("tags"))),
        rs.getObject("owner_id", Long.class),
        Stage.parse("stage", rs.getString("stage")),
        rs.getInt("score"),
        rs.getInt("relationship_score"),
        consent(rs),
        rs.getBoolean("do_not_contact"),
        custom,
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getString("created_by"),
        rs.getString("updated_by"));
  }

  private static String consentColumns() {
    StringBuilder b = new StringBuilder();
    for (Consent.Channel ch : Consent.Channel.values()) {
      String n = ch.name().toLowerCase();
      for (String part : List.of("status", "source", "at")) {
        b.append(", l.consent->'")
            .append(n)
            .append("'->>'")
            .append(part)
            .append("' as consent_")
            .append(n)
            .append('_')
            .append(part);
      }
    }
    return b.toString();
  }

  private static Map<Consent.Channel, Consent> consent(ResultSet rs) throws SQLException {
    Map<Consent.Channel, Consent> out = new EnumMap<>(Consent.Channel.class);
    for (Consent.Channel ch : Consent.Channel.values()) {
      String n = "consent_" + ch.name().toLowerCase() + "_";
      String status = rs.getString(n + "status");
      if (status != null) {
        String at = rs.getString(n + "at");
        out.put(
            ch,
            new Consent(
                Consent.Status.valueOf(status.toUpperCase()),
                rs.getString(n + "source"),
                at == null ? null : Instant.parse(at)));
      }
    }
    return out;
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? new String[0] : (String[]) array.getArray();
  }
}
