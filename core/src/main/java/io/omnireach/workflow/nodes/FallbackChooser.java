package io.omnireach.workflow.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which channel a "Send with fallback" step uses: the first in the author's order that can reach
 * the lead now, and why each one before it could not. Pure: the facts are read by the step, so
 * every rule is unit-tested without a database.
 *
 * <p>Per channel, in this order: the lead is do-not-contact, has no address on it (email, phone in
 * E.164, LinkedIn profile URL), denied consent, lacks a required opt-in (SMS), the address is
 * suppressed, the channel is not set up for the workspace, its sender (mailbox, number) is at its
 * daily cap.
 */
public final class FallbackChooser {

  private FallbackChooser() {}

  /** A channel a fallback step can use, as its config spells it. */
  public enum Route {
    EMAIL("email"),
    LINKEDIN("LinkedIn"),
    SMS("SMS");

    private final String label;

    Route(String label) {
      this.label = label;
    }

    /** {@code email}, {@code linkedin}, {@code sms}. */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
      return label;
    }

    public static Optional<Route> parse(String s) {
      for (Route r : values()) {
        if (r.apiName().equals(s)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** Why a channel was passed over. */
  public enum Skip {
    DO_NOT_CONTACT,
    NO_ADDRESS,
    CONSENT_DENIED,
    CONSENT_MISSING,
    SUPPRESSED,
    NOT_CONFIGURED,
    AT_CAP
  }

  /**
   * What is known of one channel for this lead.
   *
   * @param configured whether the workspace can send on it (a mailbox, Twilio settings)
   * @param address the lead's address on it (email, E.164 phone, profile URL), or null
   * @param consent the lead's consent status for it ({@code granted}, {@code denied}, …), or null
   * @param optIn whether only a granted consent reaches the lead (SMS)
   * @param suppressed the suppression list's reason for the address, or null
   * @param atCap whether its sender is at its daily cap (every mailbox, for rotation)
   */
  public record Reach(
      boolean configured,
      String address,
      String consent,
      boolean optIn,
      String suppressed,
      boolean atCap) {}

  /** A channel passed over, with a sentence for the step log. */
  public record Skipped(Route route, Skip reason, String why) {}

  /** The channel to use (empty: none can reach the lead) and the ones skipped before it. */
  public record Choice(Optional<Route> route, List<Skipped> skipped) {}

  public static Choice choose(List<Route> order, boolean doNotContact, Map<Route, Reach> facts) {
    List<Skipped> skipped = new ArrayList<>();
    for (Route route : order) {
      Skip skip = doNotContact ? Skip.DO_NOT_CONTACT : skip(facts.get(route));
      if (skip == null) {
        return new Choice(Optional.of(route), List.copyOf(skipped));
      }
      skipped.add(new Skipped(route, skip, why(route, skip, facts.get(route))));
    }
    return new Choice(Optional.empty(), List.copyOf(skipped));
  }

  private static Skip skip(Reach r) {
    if (r == null) {
      return Skip.NOT_CONFIGURED;
    }
    if (r.address() == null || r.address().isBlank()) {
      return Skip.NO_ADDRESS;
    }
    if ("denied".equalsIgnoreCase(r.consent())) {
      return Skip.CONSENT_DENIED;
    }
    if (r.optIn() && !"granted".equalsIgnoreCase(r.consent())) {
      return Skip.CONSENT_MISSING;
    }
    if (r.suppressed() != null) {
      return Skip.SUPPRESSED;
    }
    if (!r.configured()) {
      return Skip.NOT_CONFIGURED;
    }
    return r.atCap() ? Skip.AT_CAP : null;
  }

  static String why(Route route, Skip skip, Reach r) {
    return switch (skip) {
      case DO_NOT_CONTACT -> "the lead is marked do-not-contact";
      case NO_ADDRESS ->
          switch (route) {
            case EMAIL -> "the lead has no email address";
            case SMS -> "the lead has no phone number in international format";
            case LINKEDIN -> "the lead has no LinkedIn profile URL";
          };
      case CONSENT_DENIED -> "the lead denied " + route.label() + " consent";
      case CONSENT_MISSING ->
          "the lead has not granted "
              + route.label()
              + " consent ("
              + (r.consent() == null ? "none recorded" : r.consent().toLowerCase(Locale.ROOT))
              + ")";
      case SUPPRESSED ->
          "the address is on the suppression list ("
              + r.suppressed().toLowerCase(Locale.ROOT)
              + ")";
      case NOT_CONFIGURED ->
          switch (route) {
            case EMAIL -> "the workspace has no mailbox to send from";
            case SMS -> "SMS is not set up for this workspace (Twilio settings)";
            case LINKEDIN -> "LinkedIn tasks are not available";
          };
      case AT_CAP ->
          route == Route.EMAIL
              ? "the mailbox is at its daily cap"
              : "the " + route.label() + " number is at its daily cap";
    };
  }
}
