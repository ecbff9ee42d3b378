package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailStreamsTest {

  final String before = System.getProperty(MailStreams.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(MailStreams.PROPERTY);
    } else {
      System.setProperty(MailStreams.PROPERTY, before);
    }
  }

  @Test
  void angus_is_named_when_nothing_else_is_and_jakarta_mail_then_uses_it() {
    System.clearProperty(MailStreams.PROPERTY);
    assertThat(MailStreams.preferAngus()).isTrue();
    assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
    assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
  }

  @Test
  void a_provider_named_by_the_operator_is_left_alone() {
    System.setProperty(MailStreams.PROPERTY, "com.example.OtherStreams");
    assertThat(MailStreams.preferAngus()).isFalse();
    assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.OtherStreams");
  }
}
