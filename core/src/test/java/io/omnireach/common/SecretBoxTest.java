package io.omnireach.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  SecretBox box = SecretBox.fromBase64(SecretBox.newKey());

  @Test
  void a_secret_round_trips_and_each_sealing_uses_a_fresh_iv() {
    String a = box.encrypt("pässword");
    String b = box.encrypt("pässword");
    assertThat(a).isNotEqualTo(b).doesNotContain("pässword");
    assertThat(Base64.getDecoder().decode(a)).hasSize(12 + "pässword".getBytes().length + 16);
    assertThat(box.decrypt(a)).isEqualTo("pässword");
  }

  @Test
  void a_changed_value_or_another_key_cannot_be_opened() {
    byte[] sealed = Base64.getDecoder().decode(box.encrypt("secret"));
    sealed[sealed.length - 1] ^= 1;
    String tampered = Base64.getEncoder().encodeToString(sealed);
    assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    SecretBox other = SecretBox.fromBase64(SecretBox.newKey());
    assertThatThrownBy(() -> other.decrypt(box.encrypt("secret")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void signatures_are_bound_to_key_purpose_and_data() {
    String sig = box.sign("unsubscribe", "acme:1");
    assertThat(box.verify("unsubscribe", "acme:1", sig)).isTrue();
    assertThat(box.verify("unsubscribe", "acme:2", sig)).isFalse();
    assertThat(box.verify("other", "acme:1", sig)).isFalse();
    assertThat(SecretBox.fromBase64(SecretBox.newKey()).verify("unsubscribe", "acme:1", sig))
        .isFalse();
  }

  @Test
  void a_key_must_be_32_bytes() {
    assertThatThrownBy(() -> new SecretBox(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
