package io.omnireach.channel;

import java.net.URI;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Step 3 of the relay: hands each claimed message to its {@link Channel}, outside any transaction.
 * A mailbox host the {@link HostPolicy} refuses, or a channel that throws, is a permanent failure;
 * everything the channel says goes to the recorder.
 */
final class OutboxSend {

  private final HostPolicy hosts;
  private final Function<SmtpSettings, Channel> email;
  private final Function<SmsSettings, Channel> sms;
  private final Function<SmsSettings, Channel> voice;

  OutboxSend(
      HostPolicy hosts,
      Function<SmtpSettings, Channel> email,
      Function<SmsSettings, Channel> sms,
      Function<SmsSettings, Channel> voice) {
    this.hosts = hosts;
    this.email = email;
    this.sms = sms;
    this.voice = voice;
  }

  void send(List<OutboxClaimed> batch, Consumer<OutboxRecord.Sent> recorder) {
    Map<String, RuntimeException> refusedHosts = new HashMap<>();
    // one settings object per sender in a batch: look its channel up once, not per message
    Map<Object, Channel> channels = new IdentityHashMap<>();
    Map<Object, Channel> calls = new IdentityHashMap<>();
    for (OutboxClaimed m : batch) {
      SendResult result;
      try {
        Channel channel;
        if (m.channel() == ChannelKind.SMS) {
          channel = channels.computeIfAbsent(m.sms(), s -> sms.apply((SmsSettings) s));
        } else if (m.channel() == ChannelKind.VOICE) {
          channel = calls.computeIfAbsent(m.sms(), s -> voice.apply((SmsSettings) s));
        } else {
          checkHost(m.smtp(), refusedHosts);
          channel = channels.computeIfAbsent(m.smtp(), s -> email.apply((SmtpSettings) s));
        }
        result = channel.send(m.message());
      } catch (RuntimeException e) {
        result = SendResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      recorder.accept(new OutboxRecord.Sent(m, result));
    }
  }

  private void checkHost(SmtpSettings smtp, Map<String, RuntimeException> refusedHosts) {
    String host =
        smtp.sendGrid()
            ? smtp.apiBaseUrl() == null ? null : URI.create(smtp.apiBaseUrl()).getHost()
            : smtp.host();
    if (host == null) {
      return;
    }
    RuntimeException refused =
        refusedHosts.computeIfAbsent(
            host,
            h -> {
              try {
                hosts.check("host", h);
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    if (refused != null) {
      throw refused;
    }
  }
}
