package io.omnireach.channel.inbound;

import io.omnireach.tenant.TenantRef;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the UNSEEN messages of a mailbox's INBOX over IMAP (without marking them read), hands each
 * to the {@link InboundProcessor} and marks it \Seen only after its transaction committed. A
 * message that fails stays unseen and is tried again by the next poll; storing is idempotent by the
 * message's own Message-ID, so a crash between commit and flag only repeats a no-op.
 */
public final class ImapPoller {

  private static final Logger LOG = Logger.getLogger(ImapPoller.class.getName());
  private static final String TIMEOUT_MS = "20000";
  static final int MAX_PER_POLL = 500;

  private final ImapMailboxes mailboxes;
  private final InboundProcessor processor;

  public ImapPoller(ImapMailboxes mailboxes, InboundProcessor processor) {
    this.mailboxes = mailboxes;
    this.processor = processor;
  }

  /** Polls every mailbox of the tenant that has IMAP settings. */
  public PollResult pollTenant(TenantRef tenant) {
    PollResult total = PollResult.NONE;
    for (long id : mailboxes.polled(tenant)) {
      try {
        total = total.plus(poll(tenant, id));
      } catch (RuntimeException e) {
        // one line, no stack trace: a mailbox that is down is reported on every poll
        LOG.warning(
            "Polling mailbox " + id + " of " + tenant.slug() + " failed: " + e.getMessage());
        total = total.plus(new PollResult(0, 0, 0, 0, 1));
      }
    }
    return total;
  }

  /** Polls one mailbox; none when it has no IMAP settings. */
  public PollResult poll(TenantRef tenant, long mailboxId) {
    ImapSettings settings = mailboxes.settings(tenant, mailboxId);
    if (settings == null) {
      return PollResult.NONE;
    }
    mailboxes.hosts().check("imapHost", settings.host());
    Session session = Session.getInstance(properties(settings));
    int fetched = 0;
    int stored = 0;
    int duplicates = 0;
    int unmatched = 0;
    int failed = 0;
    try (Store store = session.getStore(implicitTls(settings) ? "imaps" : "imap")) {
      store.connect(settings.host(), settings.port(), settings.username(), settings.password());
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      try {
        Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int i = 0; i < unseen.length && i < MAX_PER_POLL; i++) {
          Message m = unseen[i];
          fetched++;
          try {
            MimeMessage copy = new MimeMessage((MimeMessage) m);
            switch (processor.process(tenant, mailboxId, copy)) {
              case STORED -> stored++;
              case DUPLICATE -> duplicates++;
              case UNMATCHED -> unmatched++;
            }
            m.setFlag(Flags.Flag.SEEN, true);
          } catch (MessagingException | IOException | RuntimeException e) {
            failed++;
            LOG.log(Level.WARNING, "Inbound message of mailbox " + mailboxId + " failed", e);
          }
        }
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "IMAP " + settings.host() + ":" + settings.port() + " failed: " + e.getMessage(), e);
    }
    return new PollResult(fetched, stored, duplicates, unmatched, failed);
  }

  private static Properties properties(ImapSettings s) {
    Properties p = new Properties();
    String prefix = implicitTls(s) ? "mail.imaps." : "mail.imap.";
    p.put(prefix + "host", s.host());
    p.put(prefix + "port", Integer.toString(s.port()));
    p.put(prefix + "connectiontimeout", TIMEOUT_MS);
    p.put(prefix + "timeout", TIMEOUT_MS);
    p.put(prefix + "writetimeout", TIMEOUT_MS);
    p.put(prefix + "peek", "true");
    if (s.tls()) {
      p.put(prefix + "ssl.checkserveridentity", "true");
      if (!implicitTls(s)) {
        p.put("mail.imap.starttls.enable", "true");
        p.put("mail.imap.starttls.required", "true");
      }
    }
    return p;
  }

  private static boolean implicitTls(ImapSettings s) {
    return s.tls() && s.port() == 993;
  }
}
