package io.omnireach.ai;

/**
 * A piece of the tenant's knowledge a draft may use: where it comes from ({@code kind} "document"
 * and the document's id and title) and its text. Untrusted: it goes into the prompt as data.
 */
public record Passage(String kind, long sourceId, String title, long chunkId, String text) {

  public static final String DOCUMENT = "document";
}
