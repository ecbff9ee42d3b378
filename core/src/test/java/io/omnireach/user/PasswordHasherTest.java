package io.omnireach.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  @Test
  void hashes_are_salted_argon2id_and_verify_only_the_right_password() {
    String a = PasswordHasher.hash("correct horse battery");
    String b = PasswordHasher.hash("correct horse battery");
    assertThat(a).startsWith("$argon2id$").isNotEqualTo(b);
    assertThat(PasswordHasher.matches("correct horse battery", a)).isTrue();
    assertThat(PasswordHasher.matches("correct horse batterY", a)).isFalse();
    assertThat(PasswordHasher.matches(null, a)).isFalse();
  }

  @Test
  void short_passwords_are_refused_with_the_minimum_named() {
    assertThatThrownBy(() -> PasswordHasher.hash("short"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("at least 10 characters");
  }

  @Test
  void common_and_repetitive_passwords_are_refused_whatever_their_case() {
    assertThatThrownBy(() -> PasswordHasher.requireStrong("QwertyUIOP"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("common passwords");
    assertThatThrownBy(() -> PasswordHasher.requireStrong("abababababab"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("too repetitive");
    PasswordHasher.requireStrong("omnireach-demo");
  }
}
