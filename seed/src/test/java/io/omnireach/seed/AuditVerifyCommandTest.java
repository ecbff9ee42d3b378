package io.omnireach.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.audit.AuditLog;
import io.omnireach.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class AuditVerifyCommandTest {

  @Test
  void reports_every_chain_and_names_a_tampered_entry() throws Exception {
    try (TestDatabase db = TestDatabase.migrated()) {
      AuditLog audit = new AuditLog(db.transactions());
      audit.record("owner@platform.test", null, "tenant.create", "acme", "Acme");
      audit.record("admin@acme.test", "acme", "settings.ai", "ai", "model a");
      audit.record("admin@acme.test", "acme", "settings.ai", "ai", "model b");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(AuditVerifyCommand.run(new String[0], audit, new PrintStream(out, true, "UTF-8")))
          .isEqualTo(AuditVerifyCommand.INTACT);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("ok      (platform): 1 entries", "ok      acme: 2 entries");

      long first = audit.recent("acme", 5).get(1).id();
      db.transactions()
          .platform(
              c -> {
                try (Statement s = c.createStatement()) {
                  s.execute("set local session_replication_role = replica");
                  s.executeUpdate(
                      "update audit_log set actor = 'someone@else.test' where id = " + first);
                }
                return null;
              });
      out.reset();
      assertThat(
              AuditVerifyCommand.run(
                  new String[] {"acme"}, audit, new PrintStream(out, true, "UTF-8")))
          .isEqualTo(AuditVerifyCommand.BROKEN);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains(
              "BROKEN  acme: entry id " + first + " (#1) its content does not match its hash");
    }
  }
}
