package io.omnireach.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ECDSA check against signatures the JDK makes the way SendGrid documents them. */
class SendGridSignatureTest {

  static final String BODY =
      "[{\"email\":\"maria@northwind.example\",\"event\":\"delivered\","
          + "\"sg_event_id\":\"ZGVsaXZlcmVk\",\"timestamp\":1767225590}]\r\n";
  static final String TIMESTAMP = "1767225600";

  static KeyPair pair;
  static String publicKey;

  @BeforeAll
  static void keys() throws Exception {
    pair = generate();
    publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
  }

  static KeyPair generate() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** SendGrid's scheme: base64 of the DER ECDSA signature over timestamp + body. */
  static String sign(PrivateKey key, String timestamp, byte[] body) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(key);
    s.update(timestamp.getBytes(StandardCharsets.UTF_8));
    s.update(body);
    return Base64.getEncoder().encodeToString(s.sign());
  }

  @Test
  void a_signature_over_timestamp_and_raw_body_verifies() throws Exception {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    String signature = sign(pair.getPrivate(), TIMESTAMP, body);
    assertThat(
            SendGridSignature.verify(
                SendGridSignature.publicKey(publicKey), TIMESTAMP, body, signature))
        .isTrue();
  }

  @Test
  void another_body_timestamp_or_key_does_not() throws Exception {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    String signature = sign(pair.getPrivate(), TIMESTAMP, body);
    var key = SendGridSignature.publicKey(publicKey);
    // the raw bytes count: the same JSON without its line break is another body
    byte[] reformatted = BODY.strip().getBytes(StandardCharsets.UTF_8);
    assertThat(SendGridSignature.verify(key, TIMESTAMP, reformatted, signature)).isFalse();
    assertThat(SendGridSignature.verify(key, "1767225601", body, signature)).isFalse();
    var other =
        SendGridSignature.publicKey(
            Base64.getEncoder().encodeToString(generate().getPublic().getEncoded()));
    assertThat(SendGridSignature.verify(other, TIMESTAMP, body, signature)).isFalse();
    assertThat(SendGridSignature.verify(key, TIMESTAMP, body, "not base64!")).isFalse();
    assertThat(SendGridSignature.verify(key, TIMESTAMP, body, "AAAA")).isFalse();
    assertThat(SendGridSignature.verify(key, TIMESTAMP, body, null)).isFalse();
  }

  @Test
  void the_key_may_come_as_base64_or_pem_and_must_be_p256() throws Exception {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + publicKey.substring(0, 40)
            + "\n"
            + publicKey.substring(40)
            + "\n-----END PUBLIC KEY-----\n";
    assertThat(SendGridSignature.publicKey(pem).getEncoded())
        .isEqualTo(pair.getPublic().getEncoded());
    // SendGrid's documented sample key
    assertThat(
            SendGridSignature.publicKey(
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g=="))
        .isNotNull();
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"));
    String wrongCurve =
        Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded());
    assertThatThrownBy(() -> SendGridSignature.publicKey(wrongCurve))
        .isInstanceOf(IllegalArgumentException.class);
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String rsaKey =
        Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
    assertThatThrownBy(() -> SendGridSignature.publicKey(rsaKey))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SendGridSignature.publicKey("hello"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
