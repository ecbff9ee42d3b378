package io.omnireach.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Tenant migration 19.1: puts every existing lead into its account, with the same normalisation and
 * statement as every later create, edit and import (V19 added the tables), in batches of 1,000
 * leads. Registered as a service like the relationship score's backfill.
 */
public final class AccountBackfill implements JavaMigration {

  private static final int BATCH = 1000;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("19.1");
  }

  @Override
  public String getDescription() {
    return "accounts from existing leads";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    linkAll(context.getConnection());
  }

  /** Links every lead of the schema the connection is bound to; returns how many were read. */
  public static int linkAll(Connection c) throws SQLException {
    int done = 0;
    long after = 0;
    while (true) {
      List<AccountLinks.LeadCompany> batch = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, email, company from leads where id > ? order by id limit " + BATCH)) {
        ps.setLong(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            batch.add(new AccountLinks.LeadCompany(after, rs.getString(2), rs.getString(3)));
          }
        }
      }
      if (batch.isEmpty()) {
        return done;
      }
      AccountLinks.link(c, batch);
      done += batch.size();
    }
  }
}
