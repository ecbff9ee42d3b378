package io.omnireach.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** API keys are sealed with AES-GCM: they round-trip, and any change to the stored bytes fails. */
class KeyCipherTest {

  final KeyCipher cipher = KeyCipher.fromBase64(KeyCipher.newMasterKey());

  @Test
  void a_key_round_trips_and_each_encryption_uses_a_new_iv() {
    byte[] a = cipher.encrypt("sk-or-v1-secret", "tenant_acme");
    byte[] b = cipher.encrypt("sk-or-v1-secret", "tenant_acme");
    assertThat(a).isNotEqualTo(b);
    assertThat(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("secret");
    assertThat(cipher.decrypt(a, "tenant_acme")).isEqualTo("sk-or-v1-secret");
    assertThat(cipher.decrypt(b, "tenant_acme")).isEqualTo("sk-or-v1-secret");
  }

  @Test
  void a_tampered_ciphertext_another_tenant_or_another_master_key_is_refused() {
    byte[] sealed = cipher.encrypt("sk-or-v1-secret", "tenant_acme");
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    byte[] ivChanged = sealed.clone();
    ivChanged[0] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(tampered, "tenant_acme"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("altered");
    assertThatThrownBy(() -> cipher.decrypt(ivChanged, "tenant_acme"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, "tenant_globex"))
        .isInstanceOf(IllegalStateException.class);
    KeyCipher other = KeyCipher.fromBase64(KeyCipher.newMasterKey());
    assertThatThrownBy(() -> other.decrypt(sealed, "tenant_acme"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[5], "tenant_acme"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void the_master_key_must_be_32_bytes() {
    assertThatThrownBy(() -> KeyCipher.fromBase64("c2hvcnQ="))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyCipher.fromBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void values_sealed_under_a_previous_key_stay_readable_and_new_ones_use_the_current_key() {
    String previousKey = KeyCipher.newMasterKey();
    byte[] old = KeyCipher.fromBase64(previousKey).encrypt("sk-old", "tenant_acme");
    KeyCipher current =
        KeyCipher.fromBase64(KeyCipher.newMasterKey())
            .withPreviousKey(java.util.Base64.getDecoder().decode(previousKey));

    assertThat(current.decrypt(old, "tenant_acme")).isEqualTo("sk-old");
    byte[] fresh = current.encrypt("sk-new", "tenant_acme");
    assertThatThrownBy(() -> KeyCipher.fromBase64(previousKey).decrypt(fresh, "tenant_acme"))
        .isInstanceOf(IllegalStateException.class);
  }
}
