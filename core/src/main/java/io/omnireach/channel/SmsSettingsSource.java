package io.omnireach.channel;

import java.sql.Connection;
import java.sql.SQLException;

/** The tenant's SMS sender, read (and decrypted) inside the relay's claim transaction. */
@FunctionalInterface
public interface SmsSettingsSource {

  /** No SMS sender: SMS messages fail with SMS_NOT_CONFIGURED. */
  SmsSettingsSource NONE = c -> null;

  /** The settings on the tenant's connection, or null when the tenant has none. */
  SmsSettings load(Connection c) throws SQLException;
}
