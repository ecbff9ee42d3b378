package io.omnireach.app.rest;

import io.omnireach.deal.Deal;
import io.omnireach.deal.DealEvent;
import io.omnireach.deal.DealLine;
import io.omnireach.deal.Playbook;
import io.omnireach.deal.Product;
import io.omnireach.deal.StoredDecision;
import io.omnireach.deal.Terms;
import io.omnireach.deal.Trace;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of {@code /products}, {@code /deals}, {@code /deal-playbook} and {@code /decisions}. */
public final class DealDtos {

  private DealDtos() {}

  @Schema(name = "Product", description = "A price book entry")
  public record ProductDto(
      @Schema(example = "3") long id,
      @Schema(example = "Growth plan (seat)") String name,
      @Schema(example = "USD") String currency,
      @Schema(example = "100.00") BigDecimal listPrice,
      @Schema(example = "80.00") BigDecimal floorPrice,
      @Schema(example = "15.00") BigDecimal maxDiscountPercent,
      @Schema(example = "[\"net30\",\"annual\"]") List<String> paymentTerms,
      @Schema(example = "[12,24,36]") List<Integer> contractMonths,
      List<Product.Tier> volumeTiers,
      Instant updatedAt) {

    static ProductDto of(Product p) {
      return new ProductDto(
          p.id(),
          p.name(),
          p.currency(),
          p.listPrice(),
          p.floorPrice(),
          p.maxDiscountPercent(),
          p.paymentTerms(),
          p.contractMonths(),
          p.volumeTiers(),
          p.updatedAt());
    }
  }

  @Schema(name = "ProductList")
  public record ProductList(List<ProductDto> items) {}

  @Schema(name = "DealLine")
  public record LineDto(
      @Schema(example = "3") long productId,
      @Schema(example = "Growth plan (seat)") String product,
      @Schema(example = "10") int quantity,
      @Schema(example = "100.00") BigDecimal unitPrice,
      @Schema(example = "0.00") BigDecimal discountPercent,
      @Schema(example = "1000.00") BigDecimal net) {

    static LineDto of(DealLine l) {
      return new LineDto(
          l.productId(),
          l.productName(),
          l.quantity(),
          l.unitPrice(),
          l.discountPercent(),
          l.net());
    }
  }

  @Schema(name = "Deal", description = "An opportunity with a lead")
  public record DealDto(
      @Schema(example = "12") long id,
      @Schema(example = "101") long leadId,
      @Schema(example = "Ada Lovelace") String leadName,
      @Schema(example = "Acme — 10 seats") String title,
      @Schema(
              enumeration = {"qualification", "proposal", "negotiation", "won", "lost"},
              example = "negotiation")
          String stage,
      @Schema(example = "USD") String currency,
      @Schema(example = "1000.00") BigDecimal amount,
      @Schema(example = "2027-03-31") LocalDate closeDate,
      @Schema(example = "rep@acme.example") String owner,
      @Schema(example = "12") Integer termMonths,
      @Schema(example = "net30") String paymentTerms,
      List<LineDto> lines,
      Instant createdAt,
      Instant updatedAt) {

    static DealDto of(Deal d) {
      return new DealDto(
          d.id(),
          d.leadId(),
          d.leadName(),
          d.title(),
          d.stage().value(),
          d.currency(),
          d.amount(),
          d.closeDate(),
          d.owner(),
          d.termMonths(),
          d.paymentTerms(),
          d.lines().stream().map(LineDto::of).toList(),
          d.createdAt(),
          d.updatedAt());
    }
  }

  @Schema(name = "DealList")
  public record DealList(List<DealDto> items) {}

  @Schema(name = "DealEvent", description = "One entry of a deal's timeline")
  public record EventDto(
      @Schema(
              enumeration = {"created", "stage", "updated", "decision"},
              example = "decision")
          String kind,
      @Schema(example = "Countered: Countered with 5 % off on a 24-month contract.") String text,
      @Schema(example = "4") Long decisionId,
      @Schema(example = "rep@acme.example") String actor,
      Instant at) {

    static EventDto of(DealEvent e) {
      return new EventDto(e.kind(), e.text(), e.decisionId(), e.actor(), e.at());
    }
  }

  @Schema(name = "DealTimeline")
  public record Timeline(List<EventDto> items) {}

  @Schema(name = "NegotiateRequest")
  public record NegotiateRequest(
      @Schema(example = "We need 40% off to sign this quarter.", required = true) String message) {}

  @Schema(name = "Negotiation", description = "The engine's decision on a message")
  public record NegotiationDto(
      @Schema(
              enumeration = {"accept", "counter", "clarify", "escalate"},
              example = "counter")
          String action,
      Terms terms,
      @Schema(example = "Hi Ada,\n\nThank you for the note. Here is what I can offer: …")
          String draft,
      @Schema(example = "offline") String draftGenerator,
      @Schema(example = "4") long decisionId,
      @Schema(description = "The approval task when escalated", example = "31") Long taskId,
      @Schema(
              description =
                  "The message queued through the outbox (autonomy AUTO_SEND), null otherwise",
              example = "88")
          Long messageId) {

    static NegotiationDto of(StoredDecision s) {
      return new NegotiationDto(
          s.decision().action().wire(),
          s.decision().terms(),
          s.draft(),
          s.draftGenerator(),
          s.id(),
          s.taskId(),
          s.decision().action() == io.omnireach.deal.NegotiationAction.ESCALATE
              ? null
              : s.messageId());
    }
  }

  @Schema(name = "DecisionTrace", description = "A stored decision with its full trace")
  public record DecisionDto(
      @Schema(example = "4") long id,
      @Schema(example = "12") long dealId,
      @Schema(example = "counter") String action,
      Terms terms,
      Trace trace,
      @Schema(example = "Re: Acme — 10 seats") String draftSubject,
      String draft,
      @Schema(example = "offline") String draftGenerator,
      Long taskId,
      @Schema(description = "Who approved the escalated terms; null until approved")
          String approvedBy,
      @Schema(example = "rep@acme.example") String createdBy,
      Instant createdAt,
      @Schema(
              enumeration = {"approved", "rejected"},
              description = "A person's answer to an escalation; null while it waits")
          String approval,
      @Schema(description = "Who approved or rejected", example = "admin@acme.example")
          String decidedBy,
      @Schema(example = "OK for this quarter only.") String approvalNote,
      @Schema(description = "The reply that triggered the agent; null when run by hand")
          Long replyId,
      @Schema(description = "The message the agent queued (AUTO_SEND); null otherwise")
          Long messageId) {

    static DecisionDto of(StoredDecision s) {
      return new DecisionDto(
          s.id(),
          s.dealId(),
          s.decision().action().wire(),
          s.decision().terms(),
          s.decision().trace(),
          s.draftSubject(),
          s.draft(),
          s.draftGenerator(),
          s.taskId(),
          s.approvedBy(),
          s.createdBy(),
          s.createdAt(),
          s.approval() == null ? null : s.approval().name().toLowerCase(java.util.Locale.ROOT),
          s.decidedBy(),
          s.approvalNote(),
          s.replyId(),
          s.messageId());
    }
  }

  @Schema(name = "DecisionList")
  public record DecisionList(List<DecisionDto> items) {}

  @Schema(name = "PlaybookRequest", description = "A new playbook (the version is counted)")
  public record PlaybookRequest(
      @Schema(
              enumeration = {"SUGGEST_ONLY", "AUTO_SEND", "ALWAYS_ESCALATE_ABOVE"},
              example = "ALWAYS_ESCALATE_ABOVE")
          String autonomy,
      @Schema(example = "50000") BigDecimal escalateAbove,
      @Schema(example = "5", defaultValue = "5") BigDecimal discountStepPercent,
      @Schema(example = "true", defaultValue = "true") Boolean termBeforeDiscount) {}

  @Schema(name = "Playbook", description = "The tenant's negotiation playbook")
  public record PlaybookDto(
      @Schema(
              enumeration = {"SUGGEST_ONLY", "AUTO_SEND", "ALWAYS_ESCALATE_ABOVE"},
              example = "ALWAYS_ESCALATE_ABOVE")
          String autonomy,
      @Schema(example = "50000.00") BigDecimal escalateAbove,
      @Schema(example = "5") BigDecimal discountStepPercent,
      @Schema(example = "true") boolean termBeforeDiscount,
      @Schema(example = "2") int version) {

    static PlaybookDto of(Playbook p) {
      return new PlaybookDto(
          p.autonomy().name(),
          p.escalateAbove(),
          p.discountStepPercent(),
          p.termBeforeDiscount(),
          p.version());
    }
  }
}
