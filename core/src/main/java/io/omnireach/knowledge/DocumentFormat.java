package io.omnireach.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The formats the knowledge base reads, recognised by file name and, for PDF and DOCX, bytes. */
public enum DocumentFormat {
  PDF("application/pdf", ".pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
  HTML("text/html", ".html", ".htm"),
  MARKDOWN("text/markdown", ".md", ".markdown"),
  TEXT("text/plain", ".txt", ".text");

  private final String mediaType;
  private final String[] extensions;

  DocumentFormat(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  /** By the file's extension (browsers send unreliable content types for .md and .docx). */
  public static Optional<DocumentFormat> of(String filename, String contentType) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    for (DocumentFormat f : values()) {
      for (String ext : f.extensions) {
        if (name.endsWith(ext)) {
          return Optional.of(f);
        }
      }
    }
    if (contentType != null) {
      String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
      for (DocumentFormat f : values()) {
        if (f.mediaType.equals(type)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  public static DocumentFormat ofMediaType(String mediaType) {
    for (DocumentFormat f : values()) {
      if (f.mediaType.equals(mediaType)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Unknown document media type " + mediaType);
  }
}
