package io.omnireach.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnireach.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersAndSignatureTest {

  @Test
  void emailsAndPhonesAreNormalisedTheWayAdPlatformsMatchThem() {
    assertThat(Identifiers.emailHash("  Ann.Lee@Example.COM "))
        .isEqualTo(Identifiers.sha256("ann.lee@example.com"));
    assertThat(Identifiers.emailHash("not an email")).isNull();
    assertThat(Identifiers.normalisePhone("+44 (20) 7946-0000")).isEqualTo("442079460000");
    assertThat(Identifiers.normalisePhone("0044 20 7946 0000")).isEqualTo("442079460000");
    assertThat(Identifiers.normalisePhone("12345")).isNull();
    assertThat(Identifiers.sha256("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aSignatureVerifiesOnlyForItsSecretBodyAndTime() {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    String header = WebhookSignature.header("whsec_a", at, "{\"x\":1}");
    assertThat(header).startsWith("t=" + at.getEpochSecond() + ",v1=");
    Duration five = Duration.ofMinutes(5);
    assertThat(WebhookSignature.verify("whsec_a", header, "{\"x\":1}", at.plusSeconds(60), five))
        .isTrue();
    assertThat(WebhookSignature.verify("whsec_b", header, "{\"x\":1}", at, five)).isFalse();
    assertThat(WebhookSignature.verify("whsec_a", header, "{\"x\":2}", at, five)).isFalse();
    assertThat(WebhookSignature.verify("whsec_a", header, "{\"x\":1}", at.plusSeconds(600), five))
        .as("a replay ten minutes later")
        .isFalse();
    assertThat(WebhookSignature.verify("whsec_a", "garbage", "{}", at, five)).isFalse();
  }

  @Test
  void answersAreClassifiedForTheOneRetryPolicy() {
    assertThat(Deliveries.classify(204)).isNull();
    assertThat(Deliveries.classify(429)).isEqualTo(RetryPolicy.Failure.RATE_LIMITED);
    assertThat(Deliveries.classify(503)).isEqualTo(RetryPolicy.Failure.SERVER_ERROR);
    assertThat(Deliveries.classify(410)).isEqualTo(RetryPolicy.Failure.REJECTED);
    assertThat(RetryPolicy.WEBHOOK.retries(1, RetryPolicy.Failure.SERVER_ERROR)).isTrue();
    assertThat(RetryPolicy.WEBHOOK.retries(1, RetryPolicy.Failure.REJECTED)).isFalse();
    assertThat(RetryPolicy.WEBHOOK.retries(8, RetryPolicy.Failure.SERVER_ERROR)).isFalse();
  }

  @Test
  void metaPayloadHasOneRowOfHashesPerMemberAndBlanksForMissingOnes() {
    String payload =
        MetaCustomAudiences.payload(
            List.of(
                new AudienceAdapter.Member(1, "e1", "p1"),
                new AudienceAdapter.Member(2, "e2", null)));
    assertThat(payload)
        .isEqualTo("{\"schema\":[\"EMAIL\",\"PHONE\"],\"data\":[[\"e1\",\"p1\"],[\"e2\",\"\"]]}");
  }
}
