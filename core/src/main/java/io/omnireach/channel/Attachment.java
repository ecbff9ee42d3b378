package io.omnireach.channel;

/** A file sent with an email (e.g. the offer PDF of a deal). */
public record Attachment(String filename, String contentType, byte[] content) {

  public Attachment {
    if (filename == null || filename.isBlank() || contentType == null || content == null) {
      throw new IllegalArgumentException("An attachment needs a file name, a type and content.");
    }
  }
}
