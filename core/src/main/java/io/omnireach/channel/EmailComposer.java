package io.omnireach.channel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Builds the compliant email around a plain-text body: an HTML alternative, the CAN-SPAM footer in
 * both parts (sender, the tenant's postal address, unsubscribe link) and the RFC 8058 one-click
 * unsubscribe headers.
 */
final class EmailComposer {

  static final String NO_POSTAL_ADDRESS = "(postal address not set — Settings)";
  private static final java.util.regex.Pattern PARAGRAPH =
      java.util.regex.Pattern.compile("\\R[ \\t]*\\R\\s*");
  private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("\\R");

  private EmailComposer() {}

  record Parts(String text, String html, Map<String, String> headers) {}

  static Parts compose(
      String body,
      String senderName,
      String fromAddress,
      String postalAddress,
      String unsubscribeUrl,
      String idempotencyKey,
      IntFunction<String> clickUrl,
      String pixelUrl) {
    String sender = senderName == null || senderName.isBlank() ? fromAddress : senderName;
    String postal =
        postalAddress == null || postalAddress.isBlank() ? NO_POSTAL_ADDRESS : postalAddress.trim();
    String text =
        body.stripTrailing()
            + "\n\n-- \n"
            + sender
            + "\n"
            + postal
            + "\nUnsubscribe: "
            + unsubscribeUrl
            + "\n";
    // a line break between blocks: lines stay under SMTP's 998 characters, so an ASCII message
    // goes out 7bit instead of quoted-printable (smaller, and cheaper to encode)
    String html =
        "<!DOCTYPE html><html><body>\n"
            + "<div>"
            + html(body.stripTrailing(), clickUrl)
            + "</div>\n"
            + "<hr style=\"border:none;border-top:1px solid #ddd;margin:24px 0 8px\">\n"
            + "<p style=\"font-size:12px;color:#666\">"
            + escape(sender)
            + "<br>"
            + escape(postal).replace("\n", "<br>")
            + "<br><a href=\""
            + escape(unsubscribeUrl)
            + "\">Unsubscribe</a></p>\n"
            + (pixelUrl == null
                ? ""
                : "<img src=\"" + escape(pixelUrl) + "\" width=\"1\" height=\"1\" alt=\"\">\n")
            + "</body></html>\n";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "List-Unsubscribe",
        "<" + unsubscribeUrl + ">, <mailto:" + fromAddress + "?subject=unsubscribe>");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("X-OmniReach-Idempotency-Key", idempotencyKey);
    return new Parts(text, html, headers);
  }

  /** Paragraphs and line breaks; each URL becomes a link through {@code clickUrl} (or itself). */
  private static String html(String text, IntFunction<String> clickUrl) {
    StringBuilder b = new StringBuilder("<p>");
    int link = 0;
    for (String segment : TrackingLinks.segments(text)) {
      if (segment.startsWith("http")) {
        String href = clickUrl == null ? segment : clickUrl.apply(link);
        link++;
        b.append("<a href=\"")
            .append(escape(href))
            .append("\">")
            .append(escape(segment))
            .append("</a>");
      } else {
        String[] paragraphs = PARAGRAPH.split(escape(segment), -1);
        for (int i = 0; i < paragraphs.length; i++) {
          b.append(i == 0 ? "" : "</p>\n<p>")
              .append(LINE.matcher(paragraphs[i]).replaceAll("<br>\n"));
        }
      }
    }
    return b.append("</p>").toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
