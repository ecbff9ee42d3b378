package io.omnireach.app.rest;

import io.omnireach.brand.BrandField;
import io.omnireach.brand.BrandImages;
import io.omnireach.common.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads an uploaded image body without ever holding more than the allowed size plus one byte. */
final class Uploads {

  private Uploads() {}

  static byte[] image(BrandField field, InputStream body) {
    int max =
        field == BrandField.FAVICON ? BrandImages.MAX_FAVICON_BYTES : BrandImages.MAX_LOGO_BYTES;
    if (body == null) {
      throw DomainException.invalid(field.jsonName(), "The uploaded file is empty.");
    }
    try {
      // one byte over the limit is enough for BrandImages to refuse it with the size message
      return body.readNBytes(max + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
