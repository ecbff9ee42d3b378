package io.omnireach.knowledge;

import io.omnireach.common.DomainException;
import io.omnireach.common.DomainException.Kind;
import io.omnireach.persona.PersonaRules;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import org.jsoup.Jsoup;

/**
 * The text of a writing sample uploaded as a file: .txt, .docx and .pdf through the knowledge
 * base's {@link TextExtractor}, .eml through Jakarta Mail (the plain-text body, else the HTML one
 * as text; quoted "&gt;" lines of earlier mails dropped, they are someone else's voice).
 */
public final class SampleFiles {

  /** A writing sample is a few paragraphs; a bigger file is refused rather than read. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private static final String KINDS = "Upload a .txt, .docx, .pdf or .eml file.";

  private final TextExtractor extractor = new TextExtractor();

  /**
   * The sample text, whitespace tidied and cut at a word boundary to the sample limit. {@code
   * content} may hold one byte more than {@link #MAX_BYTES} (enough to refuse it): 400 empty or
   * without text, 413 too large, 415 another kind of file.
   */
  public String text(String filename, byte[] content) {
    if (content == null || content.length == 0) {
      throw DomainException.invalid("file", "The uploaded file is empty.");
    }
    if (content.length > MAX_BYTES) {
      throw new DomainException(
          Kind.PAYLOAD_TOO_LARGE,
          "file",
          "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
    }
    String name = filename == null ? "" : filename.strip().toLowerCase(Locale.ROOT);
    String text;
    try {
      if (name.endsWith(".eml")) {
        text = eml(content);
      } else {
        DocumentFormat format =
            DocumentFormat.of(name, null)
                .filter(
                    f ->
                        f == DocumentFormat.TEXT
                            || f == DocumentFormat.DOCX
                            || f == DocumentFormat.PDF)
                .orElseThrow(() -> new DomainException(Kind.UNSUPPORTED_MEDIA_TYPE, "file", KINDS));
        text = extractor.extract(format, content);
      }
    } catch (TextExtractor.UnreadableDocument e) {
      throw DomainException.invalid("file", e.getMessage());
    }
    text = tidy(text);
    if (text.isEmpty()) {
      throw DomainException.invalid("file", "The file contains no text to learn a voice from.");
    }
    return cut(text, PersonaRules.WRITING_SAMPLE_MAX);
  }

  private static String eml(byte[] content) {
    try {
      MimeMessage message =
          new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(content));
      String plain = body(message, "text/plain");
      String body = plain != null ? plain : html(body(message, "text/html"));
      if (body == null) {
        throw DomainException.invalid("file", "The email has no text body.");
      }
      StringBuilder own = new StringBuilder();
      for (String line : body.split("\r?\n", -1)) {
        if (!line.stripLeading().startsWith(">")) {
          own.append(line).append('\n');
        }
      }
      return own.toString();
    } catch (MessagingException | IOException e) {
      throw DomainException.invalid("file", "Not a readable email (.eml): " + e.getMessage());
    }
  }

  /** The first part of that type, depth first. */
  private static String body(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      Object content = part.getContent();
      return content instanceof String s ? s : null;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        String found = body(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String html(String html) {
    return html == null ? null : Jsoup.parse(html).wholeText();
  }

  /** Trailing spaces off, at most one blank line in a row, no blank start or end. */
  static String tidy(String text) {
    return text.replace("\r\n", "\n")
        .replace('\r', '\n')
        .replaceAll("[ \\t\\u00A0]+\\n", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  /** At most {@code max} characters, cut after the last whole word that fits. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    while (end > max / 2 && !Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end == max / 2 ? max : end).strip();
  }
}
