package io.omnireach.marketplace;

import io.omnireach.db.Transactions;
import io.omnireach.tenant.TenantRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Which sending channels a tenant has set up: what a block's "needs an SMS channel" checks. */
public final class TenantChannels {

  public static final String EMAIL = "email";
  public static final String SMS = "sms";

  private final Transactions tx;

  public TenantChannels(Transactions tx) {
    this.tx = tx;
  }

  /** What is missing for {@code channel}, in words, or empty when the tenant has it. */
  public Optional<String> missing(TenantRef tenant, String channel) {
    return switch (channel) {
      case EMAIL ->
          has(tenant, "select 1 from mailboxes limit 1")
              ? Optional.empty()
              : Optional.of("an email mailbox (Settings → Channels)");
      case SMS ->
          has(tenant, "select 1 from sms_settings limit 1")
              ? Optional.empty()
              : Optional.of("an SMS channel (Settings → SMS)");
      case "voice" ->
          has(tenant, "select 1 from sms_settings limit 1")
              ? Optional.empty()
              : Optional.of("a Twilio account for calls (Settings → SMS)");
      default -> Optional.empty(); // LinkedIn tasks and calendar links need no account
    };
  }

  private boolean has(TenantRef tenant, String sql) {
    return tx.tenant(
        tenant,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }
}
