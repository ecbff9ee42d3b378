package io.omnireach.ai;

/**
 * What a draft drew on: {@code kind} "document" with the document's id and file name, or "message"
 * / "reply" with the message's or reply's id and its dated title.
 */
public record DraftSource(String kind, long id, String title) {}
