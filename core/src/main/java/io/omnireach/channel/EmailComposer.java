package io.omnireach.channel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the compliant email around a plain-text body: an HTML alternative, the CAN-SPAM footer in
 * both parts (sender, the tenant's postal address, unsubscribe link) and the RFC 8058 one-click
 * unsubscribe headers.
 */
final class EmailComposer {

  static final String NO_POSTAL_ADDRESS = "(postal address not set — Settings)";

  private EmailComposer() {}

  record Parts(String text, String html, Map<String, String> headers) {}

  static Parts compose(
      String body,
      String senderName,
      String fromAddress,
      String postalAddress,
      String unsubscribeUrl,
      String idempotencyKey) {
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
    String html =
        "<!DOCTYPE html><html><body>"
            + "<div>"
            + paragraphs(body.stripTrailing())
            + "</div>"
            + "<hr style=\"border:none;border-top:1px solid #ddd;margin:24px 0 8px\">"
            + "<p style=\"font-size:12px;color:#666\">"
            + escape(sender)
            + "<br>"
            + escape(postal).replace("\n", "<br>")
            + "<br><a href=\""
            + escape(unsubscribeUrl)
            + "\">Unsubscribe</a></p>"
            + "</body></html>";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "List-Unsubscribe",
        "<" + unsubscribeUrl + ">, <mailto:" + fromAddress + "?subject=unsubscribe>");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("X-OmniReach-Idempotency-Key", idempotencyKey);
    return new Parts(text, html, headers);
  }

  private static String paragraphs(String text) {
    StringBuilder b = new StringBuilder();
    for (String paragraph : text.split("\\R\\s*\\R")) {
      b.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
    }
    return b.toString();
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
