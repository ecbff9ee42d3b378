package io.omnireach.app;

import io.omnireach.channel.HostPolicy;
import io.omnireach.channel.inbound.ImapMailboxes;
import io.omnireach.channel.inbound.ImapPoller;
import io.omnireach.channel.inbound.InboundProcessor;
import io.omnireach.channel.inbound.Replies;
import io.omnireach.channel.inbound.ReplyClassifier;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires inbound email of core (IMAP settings, poller, processor, classifier, replies) into CDI. */
@ApplicationScoped
public class InboundServices {

  @Produces
  @Singleton
  ReplyClassifier replyClassifier() {
    return new ReplyClassifier();
  }

  @Produces
  @Singleton
  ImapMailboxes imapMailboxes(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    return new ImapMailboxes(tx, secrets, hosts);
  }

  @Produces
  @Singleton
  InboundProcessor inboundProcessor(Transactions tx, ReplyClassifier classifier, Clock clock) {
    return new InboundProcessor(tx, classifier, clock);
  }

  @Produces
  @Singleton
  ImapPoller imapPoller(ImapMailboxes mailboxes, InboundProcessor processor) {
    return new ImapPoller(mailboxes, processor);
  }

  @Produces
  @Singleton
  Replies replies(Transactions tx) {
    return new Replies(tx);
  }
}
