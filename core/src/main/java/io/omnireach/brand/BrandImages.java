package io.omnireach.brand;

import io.omnireach.common.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks an uploaded logo or favicon: the type comes from the file's first bytes (never from the
 * name or the declared content type), the size is capped, and SVG is sanitised (or refused).
 */
public final class BrandImages {

  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";
  public static final String WEBP = "image/webp";
  public static final String ICO = "image/x-icon";
  public static final String SVG = "image/svg+xml";

  /** Largest logo accepted: plenty for a header logo, small enough to keep in the database. */
  public static final int MAX_LOGO_BYTES = 512 * 1024;

  /** Largest favicon accepted. */
  public static final int MAX_FAVICON_BYTES = 128 * 1024;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private BrandImages() {}

  /** A checked image ready to store: its media type and the bytes to serve. */
  public record Checked(String mediaType, byte[] bytes) {}

  /** Checks an upload for a brand field ({@code LOGO} or {@code FAVICON}). */
  public static Checked check(BrandField field, byte[] bytes) {
    if (field != BrandField.LOGO && field != BrandField.FAVICON) {
      throw DomainException.invalid(field.jsonName(), "Only logos and favicons are uploaded.");
    }
    if (bytes == null || bytes.length == 0) {
      throw DomainException.invalid(field.jsonName(), "The uploaded file is empty.");
    }
    int max = field == BrandField.LOGO ? MAX_LOGO_BYTES : MAX_FAVICON_BYTES;
    if (bytes.length > max) {
      throw new DomainException(
          DomainException.Kind.PAYLOAD_TOO_LARGE,
          field.jsonName(),
          (field == BrandField.LOGO ? "Logo" : "Favicon")
              + " must be at most "
              + (max / 1024)
              + " KB, got "
              + ((bytes.length + 1023) / 1024)
              + " KB.");
    }
    String type = detect(bytes);
    if (type == null) {
      throw DomainException.invalid(
          field.jsonName(),
          "Upload a PNG, JPEG, WebP, ICO or SVG image; this file is none of them.");
    }
    if (SVG.equals(type)) {
      return new Checked(SVG, SvgSanitizer.sanitize(field.jsonName(), bytes));
    }
    return new Checked(type, bytes);
  }

  /** The media type from the magic bytes, or null when not an accepted image. */
  static String detect(byte[] b) {
    if (startsWith(b, 0, PNG_MAGIC)) {
      return PNG;
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return JPEG;
    }
    if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
      return WEBP;
    }
    // ICONDIR: reserved 0, type 1 (icon), at least one image
    if (b.length >= 6 && b[0] == 0 && b[1] == 0 && b[2] == 1 && b[3] == 0 && (b[4] | b[5]) != 0) {
      return ICO;
    }
    if (looksLikeSvg(b)) {
      return SVG;
    }
    return null;
  }

  public static String extension(String mediaType) {
    return switch (mediaType) {
      case PNG -> "png";
      case JPEG -> "jpg";
      case WEBP -> "webp";
      case ICO -> "ico";
      case SVG -> "svg";
      default -> throw new IllegalArgumentException(mediaType);
    };
  }

  private static boolean looksLikeSvg(byte[] b) {
    String head = new String(b, 0, Math.min(b.length, 4096), StandardCharsets.UTF_8);
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1);
    }
    head = head.stripLeading();
    return head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")
        ? head.contains("<svg")
        : head.startsWith("<!DOCTYPE svg") || head.startsWith("<!doctype svg");
  }

  private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
    return b.length >= offset + prefix.length
        && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
