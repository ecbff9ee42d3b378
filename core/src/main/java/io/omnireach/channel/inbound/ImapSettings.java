package io.omnireach.channel.inbound;

/** How to read one mailbox's INBOX over IMAP; the password is the mailbox's own (SMTP) password. */
public record ImapSettings(
    long mailboxId, String host, int port, boolean tls, String username, String password) {

  @Override
  public String toString() {
    return "ImapSettings[" + mailboxId + ": " + username + "@" + host + ":" + port + "]";
  }
}
