package io.omnireach.app;

import io.omnireach.ai.AiCache;
import io.omnireach.ai.AiLedger;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.ChatModels;
import io.omnireach.ai.Prices;
import io.omnireach.channel.HostPolicy;
import io.omnireach.channel.SmsAccounts;
import io.omnireach.channel.UnsubscribeTokens;
import io.omnireach.channel.inbound.ImapMailboxes;
import io.omnireach.channel.inbound.ImapPoller;
import io.omnireach.channel.inbound.InboundProcessor;
import io.omnireach.channel.inbound.LlmReplyClassifier;
import io.omnireach.channel.inbound.Replies;
import io.omnireach.channel.inbound.ReplyClass;
import io.omnireach.channel.inbound.ReplyClassifier;
import io.omnireach.channel.inbound.ReplyListener;
import io.omnireach.channel.inbound.SendGridEvents;
import io.omnireach.channel.inbound.SmsWebhooks;
import io.omnireach.common.SecretBox;
import io.omnireach.db.Transactions;
import io.omnireach.deal.Negotiations;
import io.omnireach.retry.RetryPolicy;
import io.omnireach.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires inbound email of core (IMAP settings, poller, processor, LLM and offline classifiers,
 * replies) into CDI.
 */
@ApplicationScoped
public class InboundServices {

  @Produces
  @Singleton
  ReplyClassifier replyClassifier() {
    return new ReplyClassifier();
  }

  /** Twilio's SMS webhooks: offline rules only, so Twilio gets its answer fast. */
  @Produces
  @Singleton
  SmsWebhooks smsWebhooks(
      Transactions tx,
      TenantDirectory tenants,
      SmsAccounts sms,
      ReplyClassifier classifier,
      Clock clock) {
    return new SmsWebhooks(tx, tenants, sms, classifier, clock);
  }

  /** SendGrid's signed event webhook. */
  @Produces
  @Singleton
  SendGridEvents sendGridEvents(Transactions tx, TenantDirectory tenants, Clock clock) {
    return new SendGridEvents(tx, tenants, clock);
  }

  @Produces
  @Singleton
  ImapMailboxes imapMailboxes(Transactions tx, SecretBox secrets, HostPolicy hosts) {
    return new ImapMailboxes(tx, secrets, hosts);
  }

  /**
   * The tenant's LLM when Settings → AI has a key, else (and on any failure) the offline rules. At
   * most 2 attempts: a poll should not wait long for one reply.
   */
  @Produces
  @Singleton
  LlmReplyClassifier llmReplyClassifier(
      ReplyClassifier offline,
      AiSettingsRepository settings,
      AiLedger ledger,
      AiCache cache,
      ChatModels models,
      Prices prices) {
    return new LlmReplyClassifier(
        offline, settings, ledger, cache, models, prices, RetryPolicy.AI_CALL.withMaxAttempts(2));
  }

  @Produces
  @Singleton
  InboundProcessor inboundProcessor(
      Transactions tx,
      LlmReplyClassifier classifier,
      UnsubscribeTokens tokens,
      Clock clock,
      Negotiations negotiations) {
    // a reply that negotiates runs the deal desk's agent on the lead's open deal
    ReplyListener agent =
        (tenant, r) -> {
          if (r.type() == ReplyClass.NEGOTIATION) {
            negotiations.onReply(tenant, r.replyId(), r.leadId(), r.from(), r.ownText());
          }
        };
    return new InboundProcessor(tx, classifier, tokens, clock, agent);
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
