package io.omnireach.brand;

/** An uploaded logo or favicon, addressed by the SHA-256 (hex) of its bytes. */
public record BrandAsset(String sha256, String mediaType, byte[] bytes) {

  /** Where the app serves assets; the rest of the URL is the hash and an extension. */
  public static final String PATH_PREFIX = "/brand-assets/";

  /** The content-addressed URL, e.g. {@code /brand-assets/9f86…08.png}. */
  public String url() {
    return PATH_PREFIX + sha256 + "." + BrandImages.extension(mediaType);
  }

  /** A strong ETag: the content hash. */
  public String etag() {
    return "\"" + sha256 + "\"";
  }
}
