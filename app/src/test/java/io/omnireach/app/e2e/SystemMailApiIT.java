package io.omnireach.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * System email through the real relay into GreenMail: invitations are mailed with a working accept
 * link, and "forgot password" mails a single-use link that replaces the password, without telling
 * outsiders which emails have accounts.
 */
class SystemMailApiIT {

  @RegisterExtension static GreenMailExtension smtp = SystemMails.greenMail();

  static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@globex.test";
  }

  static HttpResponse<String> askReset(String email) throws Exception {
    return E2e.send(
        "POST",
        "/api/v1/auth/password-reset",
        null,
        SystemMails.JSON.createObjectNode().put("email", email).toString());
  }

  static HttpResponse<String> confirm(String token, String password) throws Exception {
    return E2e.send(
        "POST",
        "/api/v1/auth/password-reset/confirm",
        null,
        SystemMails.JSON
            .createObjectNode()
            .put("token", token)
            .put("password", password)
            .toString());
  }

  static int signIn(String email, String password) throws Exception {
    return E2e.send(
            "POST",
            "/api/v1/auth/token",
            null,
            SystemMails.JSON
                .createObjectNode()
                .put("email", email)
                .put("password", password)
                .toString())
        .statusCode();
  }

  @Test
  void an_invitation_is_emailed_once_in_the_workspace_brand_and_its_link_lets_the_invitee_join()
      throws Exception {
    String email = unique("nora");
    HttpResponse<String> invited =
        E2e.send(
            "POST",
            "/api/v1/invitations",
            E2e.token("admin@globex.demo"),
            SystemMails.JSON
                .createObjectNode()
                .put("email", email)
                .put("role", "Sales")
                .toString());
    assertThat(invited.statusCode()).isEqualTo(201);
    long id = SystemMails.json(invited).get("id").asLong();

    MimeMessage mail = SystemMails.await(smtp, email, 1);
    // Globex belongs to the Demo Reseller: its mails carry the reseller's product name
    assertThat(mail.getSubject())
        .isEqualTo("You're invited to join Globex Corporation on Demo Reach");
    assertThat(mail.getHeader("X-OmniReach-Idempotency-Key")).containsExactly("invitation:" + id);
    assertThat(mail.getFrom()[0].toString()).contains("no-reply@omnireach.test");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    String html = SystemMails.part(mail, 1);
    assertThat(html).contains("Accept invitation", "as a Sales");
    String token = SystemMails.token(mail, "/accept-invitation");
    assertThat(token)
        .as("dev mode also returns the token, and it is the mailed one")
        .isEqualTo(SystemMails.json(invited).get("token").asText());

    HttpResponse<String> accepted =
        E2e.send(
            "POST",
            "/api/v1/invitations/accept",
            null,
            SystemMails.JSON
                .createObjectNode()
                .put("token", token)
                .put("displayName", "Nora New")
                .put("password", "nora-long-passphrase")
                .toString());
    assertThat(accepted.statusCode()).isEqualTo(201);
    assertThat(signIn(email, "nora-long-passphrase")).isEqualTo(200);
    assertThat(SystemMails.to(smtp, email)).as("mailed once").hasSize(1);
  }

  @Test
  void a_reset_link_sets_a_new_password_once_and_the_old_password_stops_working() throws Exception {
    String email = unique("mia");
    SystemMails.newMember(smtp, email, "mia-old-passphrase");
    String before = E2e.token(email, "mia-old-passphrase", null);

    HttpResponse<String> asked = askReset(email.toUpperCase());
    assertThat(asked.statusCode()).isEqualTo(202);
    MimeMessage mail = SystemMails.await(smtp, email, 2); // the invitation was #1
    assertThat(mail.getSubject()).isEqualTo("Reset your Demo Reach password");
    assertThat(mail.getHeader("X-OmniReach-Idempotency-Key")[0]).startsWith("password-reset:");
    assertThat(SystemMails.part(mail, 0)).contains("expires in 30 minutes");
    String token = SystemMails.token(mail, "/reset-password");

    HttpResponse<String> weak = confirm(token, "short");
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(SystemMails.json(weak).get("field").asText()).isEqualTo("password");
    assertThat(signIn(email, "mia-old-passphrase"))
        .as("a refused try changes nothing")
        .isEqualTo(200);

    assertThat(E2e.get("/api/v1/me", before).statusCode()).isEqualTo(200);
    assertThat(confirm(token, "mia-brand-new-passphrase").statusCode()).isEqualTo(204);
    assertThat(E2e.get("/api/v1/me", before).statusCode())
        .as("a token from before the reset ends on its next request")
        .isEqualTo(401);
    assertThat(signIn(email, "mia-old-passphrase")).isEqualTo(401);
    assertThat(signIn(email, "mia-brand-new-passphrase")).isEqualTo(200);

    HttpResponse<String> reused = confirm(token, "mia-third-passphrase");
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(SystemMails.json(reused).get("field").asText()).isEqualTo("token");
    assertThat(SystemMails.json(reused).get("detail").asText()).contains("already used");
    assertThat(signIn(email, "mia-brand-new-passphrase")).isEqualTo(200);
  }

  @Test
  void an_unknown_email_gets_the_same_answer_and_no_mail() throws Exception {
    String known = unique("kim");
    SystemMails.newMember(smtp, known, "kim-long-passphrase");
    String unknown = unique("nobody");

    HttpResponse<String> forUnknown = askReset(unknown);
    HttpResponse<String> forKnown = askReset(known);
    assertThat(forUnknown.statusCode()).isEqualTo(202);
    assertThat(forUnknown.body()).isEqualTo(forKnown.body());

    // the relay sends in queue order: once the later mail is here, an earlier one would be too
    SystemMails.await(smtp, known, 2);
    assertThat(SystemMails.to(smtp, unknown)).isEmpty();
  }

  @Test
  void asking_too_often_for_one_email_is_throttled_like_sign_in() throws Exception {
    String email = unique("flood");
    for (int i = 0; i < 5; i++) {
      assertThat(askReset(email).statusCode()).isEqualTo(202);
    }
    HttpResponse<String> sixth = askReset(email);
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(SystemMails.json(sixth).get("detail").asText())
        .isEqualTo("Too many password reset requests. Try again in 15 minutes.");
    assertThat(sixth.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void bad_reset_input_is_a_clear_400() throws Exception {
    HttpResponse<String> notAnEmail = askReset("not an email");
    assertThat(notAnEmail.statusCode()).isEqualTo(400);
    assertThat(SystemMails.json(notAnEmail).get("field").asText()).isEqualTo("email");
    HttpResponse<String> unknownToken = confirm("no-such-token", "a-long-enough-passphrase");
    assertThat(unknownToken.statusCode()).isEqualTo(400);
    assertThat(SystemMails.json(unknownToken).get("field").asText()).isEqualTo("token");
  }

  @Test
  void the_reset_endpoints_are_in_the_openapi_document_with_examples() throws Exception {
    String doc = E2e.get("/openapi", null).body();
    assertThat(doc)
        .contains(
            "/api/v1/auth/password-reset:",
            "/api/v1/auth/password-reset/confirm:",
            "sales@acme.demo",
            "a-new-long-passphrase");
  }
}
