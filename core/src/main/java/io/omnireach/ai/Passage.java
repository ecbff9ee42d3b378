package io.omnireach.ai;

/**
 * A piece of the tenant's knowledge a draft may use: where it comes from ({@code kind} "document"
 * with the document's id and title, or "message" / "reply" of the lead's history with the message's
 * or reply's id and a dated title) and its text. Untrusted: it goes into the prompt as data.
 */
public record Passage(String kind, long sourceId, String title, long chunkId, String text) {

  public static final String DOCUMENT = "document";
  public static final String MESSAGE = "message";
  public static final String REPLY = "reply";

  public boolean fromHistory() {
    return !DOCUMENT.equals(kind);
  }
}
