package io.omnireach.ui.deal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Approvals;
import io.omnireach.deal.Autonomy;
import io.omnireach.deal.DecisionReplay;
import io.omnireach.deal.NegotiationAction;
import io.omnireach.deal.Playbook;
import io.omnireach.deal.StoredDecision;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Role;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The actions under a decision in the "Why?" panel: approve or reject an escalation (with a note;
 * the approver rules decide who may, a refusal is shown in words), and for Admins "Replay with
 * current playbook" and an edit-and-replay form showing what the engine would decide now and what
 * changed. A replay stores and sends nothing.
 */
class DecisionActions extends Div {

  private final StoredDecision decision;
  private final Approvals approvals;
  private final DecisionReplay replays;
  private final AuthenticatedUser user;
  private final TenantRef tenant;
  private final Consumer<StoredDecision> answered;
  private final Div replayResult = new Div();

  DecisionActions(
      StoredDecision decision,
      Approvals approvals,
      DecisionReplay replays,
      AuthenticatedUser user,
      Consumer<StoredDecision> answered) {
    this.decision = decision;
    this.approvals = approvals;
    this.replays = replays;
    this.user = user;
    this.tenant = user.tenant().ref();
    this.answered = answered;
    addClassName("omni-why-actions");
    approval();
    if (UiSession.can(user, io.omnireach.user.Permission.DEALS_CONFIGURE)) {
      replay(); // as POST /decisions/{id}/replay requires
    }
  }

  private void approval() {
    if (decision.decision().action() != NegotiationAction.ESCALATE) {
      return;
    }
    if (decision.approval() != null) {
      Span done =
          new Span(
              (decision.approval() == StoredDecision.Approval.APPROVED
                      ? "Approved by "
                      : "Rejected by ")
                  + decision.decidedBy()
                  + (decision.approvalNote() == null ? "." : ": " + decision.approvalNote()));
      done.addClassNames(
          "omni-why-approval",
          "omni-why-approval-" + decision.approval().name().toLowerCase(java.util.Locale.ROOT));
      done.setId("why-approval");
      add(done);
      return;
    }
    if (!UiSession.can(user, io.omnireach.user.Permission.DEALS_WRITE)) {
      return;
    }
    TextField note = new TextField();
    note.setPlaceholder("Note (optional)");
    note.setWidthFull();
    note.setId("approval-note");
    Button approve =
        new Button("Approve terms", VaadinIcon.CHECK.create(), e -> answer(true, note.getValue()));
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    approve.setId("approve-decision");
    Button reject =
        new Button("Reject", VaadinIcon.CLOSE_SMALL.create(), e -> answer(false, note.getValue()));
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    reject.setId("reject-decision");
    Div buttons = new Div(approve, reject);
    buttons.addClassName("omni-why-buttons");
    Div box = new Div(new H4("Waiting for approval"), note, buttons);
    box.addClassName("omni-why-approve-box");
    add(box);
  }

  private void answer(boolean approve, String note) {
    try {
      StoredDecision d =
          approvals.decide(
              tenant,
              decision.id(),
              approve,
              note,
              user.email(),
              user.roles().stream().map(Role::label).toList());
      Toasts.success(approve ? "Terms approved." : "Terms rejected.");
      answered.accept(d);
    } catch (DomainException e) {
      Toasts.error(e.getMessage());
    }
  }

  private void replay() {
    Button current =
        new Button(
            "Replay with current playbook",
            VaadinIcon.REFRESH.create(),
            e -> show(UnaryOperator.identity()));
    current.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
    current.setId("replay-current");

    Select<Autonomy> autonomy = new Select<>();
    autonomy.setLabel("Autonomy");
    autonomy.setItems(Autonomy.values());
    autonomy.setItemLabelGenerator(DecisionActions::label);
    autonomy.setEmptySelectionAllowed(true);
    autonomy.setEmptySelectionCaption("As now");
    BigDecimalField step = new BigDecimalField("Discount step (%)");
    step.setPlaceholder("As now");
    step.setId("replay-step");
    BigDecimalField above = new BigDecimalField("Escalate above");
    above.setPlaceholder("As now");
    Checkbox termFirst = new Checkbox("Longer term before discount");
    Checkbox changeTerm = new Checkbox("Change it");
    termFirst.setEnabled(false);
    changeTerm.addValueChangeListener(e -> termFirst.setEnabled(e.getValue()));
    Button run =
        new Button(
            "Replay",
            VaadinIcon.PLAY.create(),
            e ->
                show(
                    p ->
                        new Playbook(
                            autonomy.getValue() == null ? p.autonomy() : autonomy.getValue(),
                            above.getValue() == null ? p.escalateAbove() : above.getValue(),
                            step.getValue() == null ? p.discountStepPercent() : step.getValue(),
                            changeTerm.getValue() ? termFirst.getValue() : p.termBeforeDiscount(),
                            p.version())));
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
    run.setId("replay-edited");
    Div form = new Div(autonomy, step, above, new Div(changeTerm, termFirst), run);
    form.addClassName("omni-why-replay-form");
    Details edit = new Details("Edit the playbook and replay", form);
    edit.addClassName("omni-why-replay-edit");
    replayResult.setId("replay-result");
    Div box = new Div(new H4("What would it do now?"), current, edit, replayResult);
    box.addClassName("omni-why-replay");
    add(box);
  }

  private void show(UnaryOperator<Playbook> change) {
    if (!UiSession.permits(io.omnireach.user.Permission.DEALS_CONFIGURE)) {
      return;
    }
    replayResult.removeAll();
    DecisionReplay.Replay r;
    try {
      r = replays.replay(tenant, decision.id(), change);
    } catch (DomainException e) {
      Toasts.error(e.getMessage());
      return;
    }
    Span verdict =
        new Span(
            "Now: "
                + r.decision().action().wire()
                + " — "
                + r.decision().terms().discountPercent().stripTrailingZeros().toPlainString()
                + " % off, "
                + DealsView.money(r.decision().terms().total(), r.decision().terms().currency())
                + ".");
    verdict.addClassName("omni-why-replay-verdict");
    Span summary = new Span(r.decision().trace().summary());
    summary.addClassName("omni-muted");
    replayResult.add(verdict, summary);
    List<DecisionReplay.Change> changes = r.changes();
    if (changes.isEmpty()) {
      replayResult.add(new Span("Same decision as the original."));
    } else {
      Div list = new Div();
      list.addClassName("omni-why-replay-changes");
      for (DecisionReplay.Change c : changes) {
        Span what = new Span(c.what());
        what.addClassName("omni-why-rule-name");
        list.add(
            new Div(
                what,
                new Span(
                    (c.before() == null ? "—" : c.before())
                        + " → "
                        + (c.after() == null ? "—" : c.after()))));
      }
      replayResult.add(list);
    }
    Span note = new Span("A replay is not stored and sends nothing.");
    note.addClassName("omni-muted");
    replayResult.add(note);
  }

  static String label(Autonomy a) {
    if (a == null) {
      return "As now"; // the select's empty item
    }
    return switch (a) {
      case SUGGEST_ONLY -> "Suggest only";
      case AUTO_SEND -> "Auto-send within limits";
      case ALWAYS_ESCALATE_ABOVE -> "Escalate above an amount";
    };
  }
}
