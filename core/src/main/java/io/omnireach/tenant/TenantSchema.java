package io.omnireach.tenant;

import io.omnireach.common.DomainException;
import java.util.Set;
import java.util.regex.Pattern;

/** Tenant slugs and the schema names derived from them. */
public final class TenantSchema {

  /** Lower-case letters, digits and single hyphens; 3 to 30 characters; starts with a letter. */
  private static final Pattern SLUG = Pattern.compile("^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,29}$");

  private static final Set<String> RESERVED =
      Set.of("api", "app", "admin", "platform", "public", "www", "static", "health", "metrics");

  private TenantSchema() {}

  /** Throws a {@link DomainException} (field {@code slug}) explaining what is wrong. */
  public static String requireValidSlug(String slug) {
    if (slug == null || slug.isBlank()) {
      throw DomainException.invalid("slug", "Slug is required.");
    }
    if (!SLUG.matcher(slug).matches()) {
      throw DomainException.invalid(
          "slug",
          "Slug '"
              + slug
              + "' is invalid: use 3-30 lower-case letters, digits or single hyphens, starting"
              + " with a letter.");
    }
    if (RESERVED.contains(slug)) {
      throw DomainException.invalid("slug", "Slug '" + slug + "' is reserved.");
    }
    return slug;
  }

  public static String schemaFor(String slug) {
    return "tenant_" + requireValidSlug(slug).replace('-', '_');
  }
}
