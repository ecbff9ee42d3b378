package io.omnireach.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnireach.common.DomainException;
import io.omnireach.common.DomainException.Kind;
import io.omnireach.db.Migrations;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaDraft;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.persona.PersonaRules;
import io.omnireach.tenant.TenantRef;
import io.omnireach.testing.SampleDocuments;
import io.omnireach.testing.TestDatabase;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writing samples from .txt, .docx, .pdf and .eml files, and how they join a persona. */
class SampleFilesTest {

  static final TenantRef ACME = new TenantRef(1, "acme");
  static final SampleFiles files = new SampleFiles();

  static TestDatabase db;
  static PersonaRepository personas;

  @BeforeAll
  static void freshDatabase() {
    db = TestDatabase.migrated();
    Migrations.migrateTenant(db.dataSource(), ACME.schema());
    personas = new PersonaRepository(db.transactions(), Clock.systemUTC());
  }

  @AfterAll
  static void drop() {
    db.close();
  }

  @Test
  void text_docx_and_pdf_files_give_their_text_tidied() throws Exception {
    assertThat(files.text("note.TXT", utf8("\uFEFFHi Sam,  \r\n\r\n\r\n\r\nQuick one.\r\n")))
        .isEqualTo("Hi Sam,\n\nQuick one.");
    assertThat(files.text("mail.docx", SampleDocuments.docx("Dear Ms Smith,", "Thank you.")))
        .isEqualTo("Dear Ms Smith,\n\nThank you.");
    assertThat(files.text("letter.pdf", SampleDocuments.pdf("Cheers, Bob")))
        .isEqualTo("Cheers, Bob");
  }

  @Test
  void an_email_gives_its_own_plain_text_without_the_quoted_mail() throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setSubject("Re: pricing");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText("Hey Jo,\n\nsounds great!\n\n> On Monday you wrote:\n> Any news?\n", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>Hey Jo, sounds great!</p>", "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
    m.setContent(alternative);
    m.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    assertThat(files.text("reply.eml", out.toByteArray())).isEqualTo("Hey Jo,\n\nsounds great!");

    MimeMessage htmlOnly = new MimeMessage(Session.getInstance(new Properties()));
    htmlOnly.setContent("<p>Hello <b>there</b></p>", "text/html; charset=UTF-8");
    htmlOnly.saveChanges();
    ByteArrayOutputStream out2 = new ByteArrayOutputStream();
    htmlOnly.writeTo(out2);
    assertThat(files.text("html.eml", out2.toByteArray())).isEqualTo("Hello there");
  }

  @Test
  void a_long_text_is_cut_after_a_whole_word_at_the_sample_limit() {
    String text = files.text("long.txt", utf8("word ".repeat(1000)));
    assertThat(text).hasSizeLessThanOrEqualTo(PersonaRules.WRITING_SAMPLE_MAX).endsWith("word");
  }

  @Test
  void bad_files_are_refused_with_a_clear_kind() {
    assertKind(() -> files.text("a.txt", new byte[0]), Kind.INVALID);
    assertKind(() -> files.text("a.txt", utf8(" \n \n")), Kind.INVALID);
    assertKind(
        () -> files.text("big.txt", new byte[SampleFiles.MAX_BYTES + 1]), Kind.PAYLOAD_TOO_LARGE);
    assertKind(() -> files.text("slides.pptx", utf8("x")), Kind.UNSUPPORTED_MEDIA_TYPE);
    assertKind(() -> files.text("page.html", utf8("<p>x</p>")), Kind.UNSUPPORTED_MEDIA_TYPE);
    assertKind(() -> files.text("broken.pdf", utf8("not a pdf")), Kind.INVALID);
  }

  @Test
  void an_uploaded_sample_joins_the_persona_after_its_others() {
    Persona p =
        personas.create(
            ACME,
            new PersonaDraft(
                "Sampled Sue", null, null, null, null, List.of("First."), null, null, null),
            "a");
    Persona after = personas.addSample(ACME, p.id(), "Second, from a file.", "a");
    assertThat(after.writingSamples()).containsExactly("First.", "Second, from a file.");
    for (int i = 3; i <= PersonaRules.WRITING_SAMPLES_MAX; i++) {
      personas.addSample(ACME, p.id(), "Sample " + i, "a");
    }
    assertKind(() -> personas.addSample(ACME, p.id(), "One too many", "a"), Kind.INVALID);
    assertKind(() -> personas.addSample(ACME, 999_999, "Nobody", "a"), Kind.NOT_FOUND);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertKind(ThrowingCallable call, Kind kind) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.getMessage()).isNotBlank();
            });
  }
}
