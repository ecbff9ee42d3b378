package io.omnireach.integration;

import io.omnireach.common.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a webhook can subscribe to; {@link #code()} is the wire name. */
public enum WebhookEvent {
  LEAD_CREATED("lead.created", "A lead was added (by hand, API or import)"),
  LEAD_STAGE_CHANGED("lead.stage_changed", "A lead moved to another stage"),
  REPLY_RECEIVED("reply.received", "A lead replied to a message"),
  MEETING_BOOKED("meeting.booked", "A meeting was booked"),
  DEAL_STAGE_CHANGED("deal.stage_changed", "A deal moved to another stage"),
  PING("ping", "A test delivery sent from the settings page");

  private final String code;
  private final String description;

  WebhookEvent(String code, String description) {
    this.code = code;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  public static WebhookEvent parse(String field, String value) {
    if (value != null) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      for (WebhookEvent e : values()) {
        if (e.code.equals(v)) {
          return e;
        }
      }
    }
    throw DomainException.invalid(
        field,
        "Unknown event '"
            + value
            + "'. Known events: "
            + Arrays.stream(values()).map(WebhookEvent::code).collect(Collectors.joining(", "))
            + ".");
  }
}
