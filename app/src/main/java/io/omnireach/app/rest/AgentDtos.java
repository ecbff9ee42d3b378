package io.omnireach.app.rest;

import io.omnireach.deal.ApproverRule;
import io.omnireach.deal.DecisionReplay;
import io.omnireach.deal.Terms;
import io.omnireach.deal.Trace;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the negotiation agent's approvals, approver rules and replays. */
public final class AgentDtos {

  private AgentDtos() {}

  @Schema(name = "ApprovalRequest", description = "An optional note on an approval or rejection")
  public record ApprovalRequest(@Schema(example = "OK for this quarter only.") String note) {}

  @Schema(
      name = "ApproverRule",
      description =
          "Who may approve escalated terms up to a discount: members with one of the roles, or"
              + " the named users. The rule with the smallest limit covering the discount"
              + " applies; above every rule only Admins approve.")
  public record ApproverRuleDto(
      @Schema(example = "25", required = true) BigDecimal upToDiscountPercent,
      @Schema(example = "[\"Sales\"]") List<String> roles,
      @Schema(example = "[\"lee@acme.example\"]") List<String> users) {

    ApproverRule rule() {
      return new ApproverRule(upToDiscountPercent, roles, users);
    }

    static ApproverRuleDto of(ApproverRule r) {
      return new ApproverRuleDto(r.upToDiscountPercent(), r.roles(), r.users());
    }
  }

  @Schema(name = "ApproverRules")
  public record ApproverRules(List<ApproverRuleDto> rules) {}

  @Schema(
      name = "ReplayRequest",
      description =
          "Playbook overrides for the replay; every field is optional (missing: the current"
              + " playbook's value)")
  public record ReplayRequest(
      @Schema(
              enumeration = {"SUGGEST_ONLY", "AUTO_SEND", "ALWAYS_ESCALATE_ABOVE"},
              example = "SUGGEST_ONLY")
          String autonomy,
      @Schema(example = "5000") BigDecimal escalateAbove,
      @Schema(example = "10") BigDecimal discountStepPercent,
      @Schema(example = "false") Boolean termBeforeDiscount) {}

  @Schema(name = "ReplayChange", description = "One difference between original and replay")
  public record ChangeDto(
      @Schema(example = "discountPercent") String what,
      @Schema(example = "5") String before,
      @Schema(example = "10") String after) {}

  @Schema(
      name = "Replay",
      description = "What the engine would decide now; not stored, nothing phrased or sent")
  public record ReplayDto(
      @Schema(example = "4") long decisionId,
      @Schema(example = "counter") String originalAction,
      Terms originalTerms,
      @Schema(example = "counter") String action,
      Terms terms,
      Trace trace,
      DealDtos.PlaybookDto playbook,
      List<ChangeDto> changes) {

    static ReplayDto of(DecisionReplay.Replay r) {
      return new ReplayDto(
          r.original().id(),
          r.original().decision().action().wire(),
          r.original().decision().terms(),
          r.decision().action().wire(),
          r.decision().terms(),
          r.decision().trace(),
          DealDtos.PlaybookDto.of(r.playbook()),
          r.changes().stream().map(c -> new ChangeDto(c.what(), c.before(), c.after())).toList());
    }
  }
}
