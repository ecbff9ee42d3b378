package io.omnireach.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.db.DataAccessException;
import io.omnireach.db.Transactions;
import io.omnireach.testing.TestDatabase;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogTest {

  private static TestDatabase db;
  private static Transactions tx;
  private static AuditLog audit;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.migrated();
    tx = db.transactions();
    audit = new AuditLog(tx);
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void entries_carry_the_request_context_and_chain_per_tenant() {
    try (AuditContext.Scope ignored = AuditContext.open("203.0.113.7", "req-chain-0001")) {
      audit.record("ann@chain.test", "chain", "settings.ai", "ai", "model gpt-4o-mini");
      tx.platform(
          c -> {
            AuditLog.record(
                c, "ann@chain.test", "chain", "user.role", "42", "Sales", "Admin — Zoë ✓");
            return null;
          });
    }
    audit.record("bob@other.test", "other-chain", "policy.create", "1", "No discounts");

    List<AuditEntry> chain = audit.recent("chain", 10);
    assertThat(chain)
        .extracting(e -> e.seq() + " " + e.action() + " " + e.ip() + " " + e.requestId())
        .containsExactly(
            "2 user.role 203.0.113.7 req-chain-0001", "1 settings.ai 203.0.113.7 req-chain-0001");
    assertThat(chain.get(0).before()).isEqualTo("Sales");
    assertThat(chain.get(0).detail()).isEqualTo("Admin — Zoë ✓");
    // the trigger's hash is what Java computes from the same fields
    assertThat(chain.get(0).hash()).isEqualTo(AuditChain.hash(chain.get(0), chain.get(1).hash()));
    assertThat(chain.get(1).hash()).isEqualTo(AuditChain.hash(chain.get(1), null));
    assertThat(audit.recent("other-chain", 10)).extracting(AuditEntry::seq).containsExactly(1L);
    assertThat(audit.verify("chain")).isEqualTo(AuditVerification.intact("chain", 2));
  }

  @Test
  void concurrent_appends_to_one_tenant_never_fork_the_chain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 15; i++) {
                    audit.record("w" + thread, "busy", "lead.create", thread + "-" + i, null);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    AuditVerification v = audit.verify("busy");
    assertThat(v.ok()).as(v.toString()).isTrue();
    assertThat(v.rows()).isEqualTo(90);
  }

  @Test
  void entries_cannot_be_changed_or_deleted() {
    audit.record("ann@locked.test", "locked", "lead.delete", "9", "Ann Lee");
    assertThatThrownBy(
            () ->
                tx.platform(
                    c -> c.createStatement().executeUpdate("update audit_log set actor = 'x'")))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                tx.platform(
                    c ->
                        c.createStatement()
                            .executeUpdate("delete from audit_log where tenant_slug = 'locked'")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> tx.platform(c -> c.createStatement().executeUpdate("truncate audit_log")))
        .hasMessageContaining("append-only");
    assertThat(audit.recent("locked", 5)).hasSize(1);
  }

  @Test
  void verify_finds_the_first_tampered_entry() {
    for (int i = 1; i <= 4; i++) {
      audit.record("ann@tamper.test", "tamper", "settings.mail", "mailbox " + i, "v" + i);
    }
    assertThat(audit.verify("tamper").ok()).isTrue();
    long third = audit.recent("tamper", 10).get(1).id();
    // a superuser can switch the triggers off; the chain still tells
    tx.platform(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.executeUpdate("update audit_log set detail = 'forged' where id = " + third);
          }
          return null;
        });
    AuditVerification v = audit.verify("tamper");
    assertThat(v.ok()).isFalse();
    assertThat(v.brokenId()).isEqualTo(third);
    assertThat(v.brokenSeq()).isEqualTo(3);
    assertThat(v.rows()).isEqualTo(2);
    assertThat(v.problem()).contains("hash");
  }

  @Test
  void a_removed_entry_breaks_the_chain_at_its_successor() {
    for (int i = 1; i <= 3; i++) {
      audit.record("ann@gap.test", "gap", "lead.create", "" + i, null);
    }
    long second = audit.recent("gap", 10).get(1).id();
    tx.platform(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
            s.executeUpdate("delete from audit_log where id = " + second);
          }
          return null;
        });
    AuditVerification v = audit.verify("gap");
    assertThat(v.ok()).isFalse();
    assertThat(v.brokenSeq()).isEqualTo(3);
  }

  @Test
  void search_filters_by_time_actor_and_action_prefix_within_the_tenant() {
    Instant before = Instant.now().minusSeconds(1);
    audit.record("Ann@Search.test", "search", "policy.create", "1", "A");
    audit.record("bob@search.test", "search", "policy.update", "1", "B");
    audit.record("ann@search.test", "search", "lead.export", null, "12 leads");
    audit.record("ann@search.test", "search-elsewhere", "policy.create", "1", "X");

    assertThat(
            audit
                .search(new AuditQuery("search", before, null, "ann@search.test", null, 0, 50))
                .items())
        .extracting(AuditEntry::action)
        .containsExactly("lead.export", "policy.create");
    assertThat(audit.search(new AuditQuery("search", null, null, null, "policy.", 0, 50)).items())
        .extracting(AuditEntry::detail)
        .containsExactly("B", "A");
    AuditLog.Page first = audit.search(new AuditQuery("search", null, null, null, null, 0, 2));
    assertThat(first.items()).hasSize(2);
    assertThat(first.more()).isTrue();
    assertThat(audit.search(new AuditQuery("search", null, null, null, null, 1, 2)).more())
        .isFalse();
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        "search", null, Instant.now().minusSeconds(3600), null, null, 0, 5))
                .items())
        .isEmpty();
    List<String> all = new ArrayList<>();
    audit.forEach(
        new AuditQuery(null, null, null, "ann@search.test", "policy.", 0, 1),
        e -> all.add(e.tenantSlug()));
    assertThat(all).containsExactly("search-elsewhere", "search");
  }
}
