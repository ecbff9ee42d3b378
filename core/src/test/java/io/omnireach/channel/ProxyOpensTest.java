package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyOpensTest {

  static final Instant SENT = Instant.parse("2026-05-04T09:00:00Z");
  static final Instant LATER = SENT.plusSeconds(3600);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
        "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
        "Mimecast URL Protect",
        "Barracuda Sentinel (EE)",
        "ProofPoint-URL-Defense/1.0",
        "python-requests/2.31.0",
        "Mozilla/5.0 HeadlessChrome/120.0"
      })
  void known_proxies_and_scanners_are_flagged(String agent) {
    assertThat(ProxyOpens.isProxy(agent, SENT, LATER)).isTrue();
    assertThat(ProxyOpens.reason(agent, SENT, LATER)).startsWith("proxy user agent");
  }

  @Test
  void an_open_within_seconds_of_the_send_is_flagged() {
    String human = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15";
    assertThat(ProxyOpens.reason(human, SENT, SENT.plusSeconds(3))).contains("3 s after the send");
    assertThat(ProxyOpens.isProxy(human, SENT, SENT.plusSeconds(9))).isTrue();
  }

  @Test
  void a_person_opening_later_is_not_flagged() {
    String human = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Thunderbird/128.0";
    assertThat(ProxyOpens.isProxy(human, SENT, SENT.plusSeconds(10))).isFalse();
    assertThat(ProxyOpens.isProxy(human, SENT, LATER)).isFalse();
    assertThat(ProxyOpens.isProxy(null, SENT, LATER)).isFalse();
    assertThat(ProxyOpens.isProxy(null, null, LATER)).isFalse();
  }
}
