package io.omnireach.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.ContactHashes;
import io.omnireach.common.DomainException;
import io.omnireach.db.Migrations;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.TestDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention against a real PostgreSQL: what is older than each setting goes (message and reply
 * bodies blanked with their history texts, cached AI texts and consumed signals deleted), what is
 * younger, still queued or not yet consumed stays, and the purge is audited.
 */
class PrivacyRetentionTest {

  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  static TestDatabase db;
  static TenantRef tenant;
  static PrivacyRetention retention;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.migrated();
    long id =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into tenants (slug, display_name, status)"
                              + " values ('keepco', 'Keep Co', 'ACTIVE') returning id")) {
                    ResultSet rs = ps.executeQuery();
                    rs.next();
                    return rs.getLong(1);
                  }
                });
    tenant = new TenantRef(id, "keepco");
    Migrations.migrateTenant(db.dataSource(), tenant.schema());
    retention = new PrivacyRetention(db.transactions(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static long insert(String sql, Object... params) {
    return db.transactions()
        .tenant(
            tenant,
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql + " returning 1")) {
                for (int i = 0; i < params.length; i++) {
                  ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                }
              }
              return 0L;
            });
  }

  static String text(String sql) {
    return db.transactions()
        .tenant(
            tenant,
            c -> {
              try (PreparedStatement ps = c.prepareStatement(sql);
                  ResultSet rs = ps.executeQuery()) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                  b.append(rs.getString(1)).append('|');
                }
                return b.toString();
              }
            });
  }

  static Timestamp daysAgo(int days) {
    return Timestamp.from(NOW.minusSeconds(86_400L * days));
  }

  @Test
  void old_texts_are_purged_young_and_pending_ones_stay_and_the_purge_is_audited() {
    insert("insert into leads (id, email, first_name) values (1, 'old@keep.example', 'Olga')");
    for (Object[] m :
        new Object[][] {
          {1L, "SENT", "Old body", daysAgo(800)},
          {2L, "SENT", "Young body", daysAgo(30)},
          {3L, "QUEUED", "Queued long ago", daysAgo(800)}
        }) {
      insert(
          "insert into messages (id, lead_id, idempotency_key, message_id, to_address, subject,"
              + " body, status, created_at) values (?, 1, ?, ?, 'old@keep.example', 'Subject',"
              + " ?, ?, ?)",
          m[0],
          "k" + m[0],
          "<m" + m[0] + "@x>",
          m[2],
          m[1],
          m[3]);
    }
    insert(
        "insert into lead_history_chunks (lead_id, message_id, occurred_at, title, text,"
            + " embedding) values (1, 1, ?, 'Email', 'Old body',"
            + " array_fill(0.1, array[384])::real[]::extensions.vector)",
        daysAgo(800));
    insert(
        "insert into replies (lead_id, from_address, body, received_at, classification,"
            + " raw_message_id) values (1, 'old@keep.example', 'Old reply', ?, 'OTHER', 'r1'),"
            + " (1, 'old@keep.example', 'Young reply', ?, 'OTHER', 'r2')",
        daysAgo(400),
        daysAgo(10));
    insert(
        "insert into ai_cache (cache_key, subject, body, generator, created_at) values"
            + " ('a', 's', 'Old draft', 'offline', ?), ('b', 's', 'Young draft', 'offline', ?)",
        daysAgo(40),
        daysAgo(5));
    insert(
        "insert into lead_signals (lead_id, kind, occurred_at, consumed_at) values"
            + " (1, 'REPLY', ?, ?), (1, 'REPLY', ?, null), (1, 'REPLY', ?, ?)",
        daysAgo(100),
        daysAgo(99),
        daysAgo(100),
        daysAgo(2),
        daysAgo(2));

    assertThat(retention.apply(tenant)).as("nothing is set: nothing goes").isEmpty();

    retention.put(tenant, new Retention(24, 12, 30, 90), "admin@keep.example");
    Map<String, Integer> purged = retention.apply(tenant);

    assertThat(purged)
        .containsEntry("messageBodies", 1)
        .containsEntry("replyBodies", 1)
        .containsEntry("aiCachedTexts", 1)
        .containsEntry("leadSignals", 1);
    assertThat(text("select body from messages order by id"))
        .isEqualTo(PrivacyRetention.REMOVED + "|Young body|Queued long ago|");
    assertThat(text("select subject from messages where id = 1"))
        .isEqualTo(PrivacyRetention.REMOVED + "|");
    assertThat(text("select count(*) from lead_history_chunks")).isEqualTo("0|");
    assertThat(text("select body from replies order by id"))
        .isEqualTo(PrivacyRetention.REMOVED + "|Young reply|");
    assertThat(text("select body from ai_cache")).isEqualTo("Young draft|");
    assertThat(text("select count(*) from lead_signals")).isEqualTo("2|");
    assertThat(retention.apply(tenant)).as("a second pass finds nothing new").isEmpty();
    String audit =
        db.transactions()
            .platform(
                c -> {
                  try (PreparedStatement ps =
                          c.prepareStatement(
                              "select string_agg(action || ':' || coalesce(detail, ''), ';'"
                                  + " order by id) from audit_log where tenant_slug = 'keepco'");
                      ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                  }
                });
    assertThat(audit)
        .contains("privacy.retention.changed", "privacy.retention.purged:{messageBodies=1");
  }

  @Test
  void values_out_of_range_are_refused() {
    assertThatThrownBy(() -> new Retention(0, null, null, null))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("messageBodyMonths");
    assertThatThrownBy(() -> new Retention(null, null, 3651, null))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("aiCacheDays");
  }

  @Test
  void the_relay_s_sql_hashes_match_the_java_ones_so_an_erased_address_is_recognised() {
    String sql =
        "select "
            + ContactHashes.EMAIL_SQL.formatted("' Ana.Ruiz@Example.COM '")
            + " || '|' || "
            + ContactHashes.PHONE_SQL.formatted("'+34 (600) 12-34-56'");
    assertThat(text(sql))
        .isEqualTo(
            ContactHashes.email("ana.ruiz@example.com")
                + "|"
                + ContactHashes.phone("+34600123456")
                + "|");
  }
}
