package io.omnireach.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The system emails, each as plain text and HTML in the brand's name and colour. Every value that
 * comes from a user or tenant (names, messages, URLs) is HTML-escaped; the layout is a single table
 * so it renders in old mail clients too.
 */
public final class MailTemplates {

  /** A rendered email. */
  public record Mail(String subject, String text, String html) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private MailTemplates() {}

  /** Someone was invited to a tenant with a role; {@code acceptUrl} carries the secret token. */
  public static Mail invitation(
      MailBrand brand, String workspace, String roleLabel, String acceptUrl, Instant expiresAt) {
    // a tenant's brand is named after the workspace until resellers have product names
    String where =
        workspace.equals(brand.productName())
            ? workspace
            : workspace + " on " + brand.productName();
    String subject = "You're invited to join " + where;
    String intro =
        "You have been invited to join "
            + where
            + " as "
            + article(roleLabel)
            + " "
            + roleLabel
            + ".";
    String validity = "The link works once and expires on " + DAY.format(expiresAt) + ".";
    return new Mail(
        subject,
        text(brand, intro, "Accept the invitation: " + acceptUrl, validity),
        html(brand, "You're invited", intro, "Accept invitation", acceptUrl, validity));
  }

  /** A password reset link; {@code resetUrl} carries the secret token. */
  public static Mail passwordReset(MailBrand brand, String resetUrl, Duration validity) {
    String intro =
        "Someone (hopefully you) asked to reset the password of your "
            + brand.productName()
            + " account.";
    String note =
        "The link works once and expires in "
            + validity.toMinutes()
            + " minutes. If you did not ask for it, ignore this email: your password stays as it"
            + " is.";
    return new Mail(
        "Reset your " + brand.productName() + " password",
        text(brand, intro, "Choose a new password: " + resetUrl, note),
        html(brand, "Reset your password", intro, "Choose a new password", resetUrl, note));
  }

  /** A short notice for an operator or admin; {@code actionUrl} may be null. */
  public static Mail alert(MailBrand brand, String title, String message, String actionUrl) {
    return new Mail(
        "[" + brand.productName() + "] " + title,
        text(brand, message, actionUrl == null ? null : "Details: " + actionUrl, null),
        html(brand, title, message, actionUrl == null ? null : "View details", actionUrl, null));
  }

  private static String text(MailBrand brand, String intro, String action, String note) {
    StringBuilder b = new StringBuilder(intro).append("\n\n");
    if (action != null) {
      b.append(action).append("\n\n");
    }
    if (note != null) {
      b.append(note).append("\n\n");
    }
    b.append("— ").append(brand.productName()).append('\n');
    if (brand.supportEmail() != null) {
      b.append("Questions? ").append(brand.supportEmail()).append('\n');
    }
    if (brand.poweredBy()) {
      b.append("Powered by OmniReach\n");
    }
    return b.toString();
  }

  private static String html(
      MailBrand brand, String title, String intro, String button, String url, String note) {
    String color = brand.primaryColor(); // validated by MailBrand: #rgb or #rrggbb
    StringBuilder b = new StringBuilder(2048);
    b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title></head>")
        .append("<body style=\"margin:0;padding:0;background:#f4f4f7;")
        .append("font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;")
        .append("color:#1f2933\">")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"")
        .append(" style=\"background:#f4f4f7;padding:32px 0\"><tr><td align=\"center\">")
        .append("<table role=\"presentation\" width=\"560\" cellpadding=\"0\" cellspacing=\"0\"")
        .append(" style=\"max-width:560px;background:#ffffff;border-radius:12px;overflow:hidden\">")
        .append("<tr><td style=\"background:")
        .append(color)
        .append(";padding:20px 32px;color:#ffffff;font-size:18px;font-weight:600\">");
    if (brand.logoUrl() != null) {
      b.append("<img src=\"")
          .append(esc(brand.logoUrl()))
          .append("\" alt=\"")
          .append(esc(brand.productName()))
          .append("\" height=\"32\" style=\"height:32px;vertical-align:middle\">");
    } else {
      b.append(esc(brand.productName()));
    }
    b.append("</td></tr><tr><td style=\"padding:32px\">")
        .append("<h1 style=\"margin:0 0 16px;font-size:22px\">")
        .append(esc(title))
        .append("</h1><p style=\"margin:0 0 24px;font-size:15px;line-height:1.6\">")
        .append(esc(intro))
        .append("</p>");
    if (url != null) {
      b.append("<p style=\"margin:0 0 24px\"><a href=\"")
          .append(esc(url))
          .append("\" style=\"display:inline-block;background:")
          .append(color)
          .append(";color:#ffffff;text-decoration:none;font-weight:600;padding:12px 24px;")
          .append("border-radius:8px\">")
          .append(esc(button))
          .append("</a></p><p style=\"margin:0 0 16px;font-size:13px;color:#52606d\">")
          .append("Or paste this link into your browser:<br><span style=\"word-break:break-all\">")
          .append(esc(url))
          .append("</span></p>");
    }
    if (note != null) {
      b.append("<p style=\"margin:0;font-size:13px;color:#52606d\">")
          .append(esc(note))
          .append("</p>");
    }
    b.append("</td></tr><tr><td style=\"padding:16px 32px;background:#f9fafb;font-size:12px;")
        .append("color:#7b8794\">")
        .append(esc(brand.productName()));
    if (brand.supportEmail() != null) {
      b.append(" · Questions? <a href=\"mailto:")
          .append(esc(brand.supportEmail()))
          .append("\" style=\"color:#52606d\">")
          .append(esc(brand.supportEmail()))
          .append("</a>");
    }
    if (brand.poweredBy()) {
      b.append(" · Powered by OmniReach");
    }
    b.append("</td></tr></table></td></tr></table></body></html>");
    return b.toString();
  }

  private static String article(String word) {
    return !word.isEmpty() && "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
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
