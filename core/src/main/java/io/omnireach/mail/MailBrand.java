package io.omnireach.mail;

import io.omnireach.tenant.Tenant;
import java.util.regex.Pattern;

/**
 * What a system email shows of the brand: product name, colour, logo, support address and whether
 * "Powered by OmniReach" is printed. This is the one seam to the branding model: {@link
 * #of(Tenant)} builds it from today's tenant name and colour; a richer brand resolver replaces that
 * function.
 *
 * @param logoUrl an absolute http(s) URL, or null for none
 * @param supportEmail where recipients can ask for help, or null
 */
public record MailBrand(
    String productName,
    String primaryColor,
    String logoUrl,
    String supportEmail,
    boolean poweredBy) {

  private static final String PLATFORM_NAME = "OmniReach";
  private static final String PLATFORM_COLOR = "#4f46e5";
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}");

  /** The platform's own brand, for mail that belongs to no tenant. */
  public static final MailBrand PLATFORM =
      new MailBrand(PLATFORM_NAME, PLATFORM_COLOR, null, null, false);

  /** Only values that are safe inside HTML attributes and CSS survive. */
  public MailBrand {
    productName =
        productName == null || productName.isBlank() ? PLATFORM_NAME : productName.strip();
    primaryColor =
        primaryColor != null && COLOR.matcher(primaryColor).matches()
            ? primaryColor
            : PLATFORM_COLOR;
    logoUrl =
        logoUrl != null && (logoUrl.startsWith("https://") || logoUrl.startsWith("http://"))
            ? logoUrl
            : null;
  }

  /** A tenant's brand as the tenant record has it today: its name and colour, logo if absolute. */
  public static MailBrand of(Tenant tenant) {
    if (tenant == null) {
      return PLATFORM;
    }
    return new MailBrand(
        tenant.displayName(),
        tenant.branding() == null ? null : tenant.branding().primaryColor(),
        tenant.branding() == null ? null : tenant.branding().logoUrl(),
        null,
        true);
  }
}
