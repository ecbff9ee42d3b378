package io.omnireach.channel.inbound;

import io.omnireach.tenant.TenantRef;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the new messages of a mailbox's INBOX over IMAP and hands each to the {@link
 * InboundProcessor}. The folder is opened read-only and read with {@code BODY.PEEK}: the poller
 * never changes a flag, so the user's unread mail stays unread. What is new is decided by UID: the
 * {@link ImapCursor} keeps the folder's UIDVALIDITY and the last UID processed, and only UIDs above
 * it are fetched. When the server reports another UIDVALIDITY (the folder was rebuilt) the folder
 * is read again from the start; replies are unique by their own Message-ID, so that stores nothing
 * twice. The cursor moves only past messages that are done: at a failure the poll stops and the
 * next one tries that message again; after {@link #MAX_FAILURES} failing polls it is skipped.
 *
 * <p>A mailbox whose scheduled poll fails (cannot connect, refused login, no IMAP server) sits out
 * the next 1, 2, 4, … 64 scheduled polls ({@link PollBackoff}), so a broken mailbox does not cost
 * every poll cycle; a successful poll, a manual {@link #poll} and other settings end that at once.
 */
public final class ImapPoller {

  private static final Logger LOG = Logger.getLogger(ImapPoller.class.getName());
  private static final String TIMEOUT_MS = "20000";
  static final String FOLDER = "INBOX";
  static final int MAX_PER_POLL = 500;
  static final int MAX_FAILURES = 3;

  private final ImapMailboxes mailboxes;
  private final InboundProcessor processor;
  private final PollBackoff backoff = new PollBackoff();

  public ImapPoller(ImapMailboxes mailboxes, InboundProcessor processor) {
    this.mailboxes = mailboxes;
    this.processor = processor;
  }

  /**
   * The scheduled poll: every mailbox of the tenant that has IMAP settings, except those sitting
   * out after failed polls.
   */
  public PollResult pollTenant(TenantRef tenant) {
    PollResult total = PollResult.NONE;
    for (long id : mailboxes.polled(tenant)) {
      int settingsHash = 0;
      try {
        ImapSettings settings = mailboxes.settings(tenant, id);
        if (settings == null) {
          continue;
        }
        settingsHash = settings.hashCode();
        if (!backoff.due(tenant.schema(), id, settingsHash)) {
          continue;
        }
        total = total.plus(poll(tenant, settings));
        backoff.succeeded(tenant.schema(), id);
      } catch (RuntimeException e) {
        int skips = backoff.failed(tenant.schema(), id, settingsHash);
        // one line, no stack trace: a mailbox that is down is reported on every attempt
        LOG.warning(
            "Polling mailbox "
                + id
                + " of "
                + tenant.slug()
                + " failed: "
                + e.getMessage()
                + " (sits out the next "
                + (skips == 1 ? "poll)" : skips + " polls)"));
        total = total.plus(new PollResult(0, 0, 0, 0, 1));
      }
    }
    return total;
  }

  /**
   * Polls one mailbox now ("poll now"); none when it has no IMAP settings. The mailbox is back on
   * every scheduled poll, whatever this one finds.
   */
  public PollResult poll(TenantRef tenant, long mailboxId) {
    backoff.reset(tenant.schema(), mailboxId);
    ImapSettings settings = mailboxes.settings(tenant, mailboxId);
    if (settings == null) {
      return PollResult.NONE;
    }
    return poll(tenant, settings);
  }

  private PollResult poll(TenantRef tenant, ImapSettings settings) {
    long mailboxId = settings.mailboxId();
    mailboxes.hosts().check("imapHost", settings.host());
    Session session = Session.getInstance(properties(settings));
    try (Store store = session.getStore(implicitTls(settings) ? "imaps" : "imap")) {
      store.connect(settings.host(), settings.port(), settings.username(), settings.password());
      Folder inbox = store.getFolder(FOLDER);
      // EXAMINE, not SELECT: the server must not change any flag (\Seen, \Recent) for us
      inbox.open(Folder.READ_ONLY);
      try {
        return read(tenant, mailboxId, inbox);
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException e) {
      String where = "IMAP " + settings.host() + ":" + settings.port();
      LOG.info(where + " failed: " + e);
      throw new IllegalStateException(where + ": " + forTenant(e), e);
    }
  }

  /**
   * What went wrong, in general terms: the server's own text is not repeated (the host may be an
   * internal service that is no IMAP server at all); the detail is logged.
   */
  static String forTenant(MessagingException e) {
    if (e instanceof jakarta.mail.AuthenticationFailedException) {
      return "the server refused the username or password.";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "the host name cannot be resolved.";
      }
      if (t instanceof java.net.ConnectException) {
        return "cannot connect (connection refused).";
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return "the server did not answer in time.";
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS with the server failed.";
      }
    }
    return "the server did not answer like an IMAP server (details in the server log).";
  }

  private PollResult read(TenantRef tenant, long mailboxId, Folder inbox)
      throws MessagingException {
    UIDFolder uids = (UIDFolder) inbox;
    long validity = uids.getUIDValidity();
    ImapCursor cursor = mailboxes.cursor(tenant, mailboxId, FOLDER);
    if (cursor != null && cursor.uidValidity() != validity) {
      LOG.info(
          "UIDVALIDITY of mailbox "
              + mailboxId
              + " of "
              + tenant.slug()
              + " changed: reading "
              + FOLDER
              + " again from the start");
      cursor = null;
    }
    long last = cursor == null ? 0 : cursor.lastUid();
    Long stuckAt = cursor == null ? null : cursor.failedUid();
    int failures = cursor == null ? 0 : cursor.failures();
    List<Message> fresh = new ArrayList<>();
    long next = uids.getUIDNext(); // -1 when the server does not say
    boolean nothingNew = inbox.getMessageCount() == 0 || (next > 0 && next <= last + 1);
    for (Message m :
        nothingNew ? new Message[0] : uids.getMessagesByUID(last + 1, UIDFolder.LASTUID)) {
      // "n:*" names the newest message even when its UID is below n (RFC 3501): filter
      if (m != null && uids.getUID(m) > last) {
        fresh.add(m);
      }
    }
    fresh.sort(Comparator.comparingLong(m -> uid(uids, m)));
    int fetched = 0;
    int stored = 0;
    int duplicates = 0;
    int unmatched = 0;
    int failed = 0;
    for (Message m : fresh) {
      if (fetched == MAX_PER_POLL) {
        break; // the rest next time
      }
      long uid = uids.getUID(m);
      fetched++;
      try {
        MimeMessage copy = new MimeMessage((MimeMessage) m);
        switch (processor.process(tenant, mailboxId, copy)) {
          case STORED -> stored++;
          case DUPLICATE -> duplicates++;
          case UNMATCHED -> unmatched++;
        }
        last = uid;
        if (stuckAt != null && stuckAt == uid) {
          stuckAt = null;
          failures = 0;
        }
      } catch (MessagingException | IOException | RuntimeException e) {
        failed++;
        int attempts = stuckAt != null && stuckAt == uid ? failures + 1 : 1;
        if (attempts >= MAX_FAILURES) {
          LOG.log(
              Level.WARNING,
              "Inbound message UID "
                  + uid
                  + " of mailbox "
                  + mailboxId
                  + " failed "
                  + attempts
                  + " polls in a row: skipped",
              e);
          last = uid;
          stuckAt = null;
          failures = 0;
          continue;
        }
        LOG.log(
            Level.WARNING,
            "Inbound message UID " + uid + " of mailbox " + mailboxId + " failed",
            e);
        stuckAt = uid;
        failures = attempts;
        break; // the cursor only passes what is done: the next poll starts here
      }
    }
    mailboxes.saveCursor(
        tenant, mailboxId, FOLDER, new ImapCursor(validity, last, stuckAt, failures));
    return new PollResult(fetched, stored, duplicates, unmatched, failed);
  }

  private static long uid(UIDFolder uids, Message m) {
    try {
      return uids.getUID(m);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
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
