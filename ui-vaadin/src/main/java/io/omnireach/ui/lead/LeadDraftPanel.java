package io.omnireach.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.ai.AiException;
import io.omnireach.ai.Draft;
import io.omnireach.ai.DraftSource;
import io.omnireach.ai.GenerationService;
import io.omnireach.channel.Mailbox;
import io.omnireach.channel.Mailboxes;
import io.omnireach.channel.MessageView;
import io.omnireach.channel.Messages;
import io.omnireach.channel.Outbox;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.persona.Persona;
import io.omnireach.persona.PersonaRepository;
import io.omnireach.tenant.TenantRef;
import java.util.List;

/**
 * Writes an email to the lead — in a persona's voice with AI, or by hand — and sends it from one of
 * the tenant's mailboxes through the outbox (the same {@link Messages#queue} as the REST API). Says
 * plainly whether the offline generator or which model wrote it; the text stays editable.
 */
class LeadDraftPanel extends Div {

  /** What the send needs besides the draft: the outbox and a callback when a message is queued. */
  record Sending(
      Mailboxes mailboxes,
      Messages messages,
      Outbox outbox,
      Runnable onQueued,
      io.omnireach.policy.Policies policies) {}

  /** The persona of the last generated draft: sent with the message for analytics per persona. */
  private Persona draftPersona;

  /** The message this draft follows up (same thread), or null for a new conversation. */
  private MessageView followsUp;

  private final TextField subject = new TextField("Subject");
  private final TextArea body = new TextArea("Body");
  private final Span thread = new Span();
  private final Button newThread = new Button(VaadinIcon.CLOSE_SMALL.create());
  private Div threadRow;

  LeadDraftPanel(
      TenantRef tenant,
      Lead lead,
      PersonaRepository personas,
      GenerationService generation,
      Sending sending,
      String actor) {
    addClassNames("omni-panel", "omni-lead-draft");
    setId("lead-draft");
    add(new H3("Write an email"));
    List<Persona> all = personas.list(tenant);
    Select<Persona> persona = new Select<>();
    persona.setLabel("Persona");
    persona.setItems(all);
    persona.setItemLabelGenerator(Persona::name);
    persona.setId("draft-persona");
    Button write = new Button("Write draft", VaadinIcon.MAGIC.create());
    write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    write.setId("draft-write");
    Div controls = new Div(persona, write);
    controls.addClassName("omni-lead-draft-controls");
    if (all.isEmpty()) {
      Paragraph none =
          new Paragraph("Create a persona to have drafts written in its voice, or write by hand.");
      none.addClassName("omni-muted");
      add(none);
    } else {
      persona.setValue(all.get(0));
      add(controls);
    }

    subject.setWidthFull();
    subject.setId("draft-subject");
    body.setWidthFull();
    body.setMinHeight("220px");
    body.setId("draft-body");
    Span generator = new Span();
    generator.setId("draft-generator");
    generator.getElement().getThemeList().add("badge pill");
    generator.setVisible(false);
    Paragraph rationale = new Paragraph();
    rationale.addClassName("omni-muted");
    Paragraph error = new Paragraph();
    error.addClassName("omni-error");
    error.setVisible(false);
    thread.setId("draft-thread");
    thread.getElement().getThemeList().add("badge contrast pill");
    newThread.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    newThread.setAriaLabel("Start a new conversation instead");
    newThread.setTooltipText("Start a new conversation instead");
    newThread.setId("draft-thread-clear");
    newThread.addClickListener(e -> followUp(null));
    Div threadRow = new Div(thread, newThread);
    threadRow.addClassName("omni-draft-thread");
    threadRow.setVisible(false);
    this.threadRow = threadRow;
    Div sources = new Div();
    sources.setId("draft-sources");
    sources.addClassName("omni-draft-sources");
    sources.setVisible(false);
    Div result = new Div(generator, threadRow, subject, body, rationale, sources);
    result.addClassName("omni-lead-draft-result");
    add(error, result, sendBar(tenant, lead, sending, subject, body, actor));

    write.addClickListener(
        e -> {
          try {
            Draft draft = generation.generate(tenant, lead, persona.getValue(), actor);
            draftPersona = persona.getValue();
            subject.setValue(
                followsUp == null ? draft.subject() : Messages.reSubject(followsUp.subject()));
            body.setValue(draft.body());
            generator.setText(
                Draft.OFFLINE.equals(draft.generator())
                    ? "Offline generator (no AI key configured)"
                    : "Written by " + draft.generator() + (draft.cached() ? " · from cache" : ""));
            generator.setVisible(true);
            rationale.setText(draft.rationale() == null ? "" : draft.rationale());
            showSources(sources, draft);
            error.setVisible(false);
          } catch (AiException | DomainException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
          }
        });
  }

  /**
   * What the draft drew on: knowledge documents (chips that open the Knowledge page) and this
   * lead's earlier messages and replies (chips naming them; they are on this page's timeline).
   */
  private static void showSources(Div sources, Draft draft) {
    sources.removeAll();
    sources.setVisible(!draft.sources().isEmpty());
    if (draft.sources().isEmpty()) {
      return;
    }
    Span label = new Span("Sources");
    label.addClassName("omni-muted");
    sources.add(label);
    for (DraftSource s : draft.sources()) {
      com.vaadin.flow.component.Component chip;
      if (io.omnireach.ai.Passage.DOCUMENT.equals(s.kind())) {
        com.vaadin.flow.component.html.Anchor link =
            new com.vaadin.flow.component.html.Anchor(
                "knowledge", new Span(VaadinIcon.FILE_TEXT_O.create(), new Span(s.title())));
        link.setTitle("Knowledge document " + s.id());
        chip = link;
      } else {
        boolean reply = io.omnireach.ai.Passage.REPLY.equals(s.kind());
        Span item =
            new Span(
                (reply ? VaadinIcon.REPLY : VaadinIcon.ENVELOPE_O).create(), new Span(s.title()));
        item.setTitle(reply ? "The lead's reply" : "Our earlier message to this lead");
        chip = item;
      }
      chip.getElement().getClassList().add("omni-chip");
      sources.add(chip);
    }
  }

  /**
   * Makes the next send a follow-up of {@code m} in its thread (subject "Re: …", In-Reply-To and
   * References), or a new conversation again for null.
   */
  void followUp(MessageView m) {
    followsUp = m;
    threadRow.setVisible(m != null);
    if (m != null) {
      thread.setText("Follow-up to “" + m.subject() + "”");
      subject.setValue(Messages.reSubject(m.subject()));
      body.focus();
      scrollIntoView();
    } else if (subject.getValue().startsWith("Re: ")) {
      subject.clear();
    }
  }

  private Div sendBar(
      TenantRef tenant,
      Lead lead,
      Sending sending,
      TextField subject,
      TextArea body,
      String actor) {
    List<Mailbox> boxes = sending.mailboxes().list(tenant);
    Select<Mailbox> mailbox = new Select<>();
    mailbox.setLabel("Send from");
    mailbox.setItems(boxes);
    mailbox.setItemLabelGenerator(
        m -> m.name() + " · " + (m.fromName() == null ? "" : m.fromName() + " ") + m.fromAddress());
    mailbox.setId("send-mailbox");
    mailbox.setEmptySelectionAllowed(false);
    Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    send.setId("send-button");
    send.setDisableOnClick(true);
    Span state = new Span();
    state.setId("send-state");
    state.addClassName("omni-send-state");
    Div bar = new Div(mailbox, send, state);
    bar.addClassName("omni-send-bar");
    if (boxes.isEmpty()) {
      mailbox.setEnabled(false);
      mailbox.setPlaceholder("No mailbox yet");
      send.setEnabled(false);
      state.setText(
          "Someone with mailboxes.manage (an Admin) adds mailboxes in Settings → Mailboxes.");
      return bar;
    }
    mailbox.setValue(boxes.get(0));
    Div policyNote = new Div();
    policyNote.addClassName("omni-send-policy");
    policyNote.setId("send-policy");
    bar.add(policyNote);
    Runnable sendNow =
        () -> {
          subject.setInvalid(false);
          body.setInvalid(false);
          try {
            MessageView queued =
                sending
                    .messages()
                    .queue(
                        tenant,
                        lead.id(),
                        mailbox.getValue() == null ? null : mailbox.getValue().id(),
                        subject.getValue(),
                        body.getValue(),
                        null,
                        actor,
                        m ->
                            m.withPersona(draftPersona == null ? null : draftPersona.id())
                                .withThreadOf(followsUp == null ? null : followsUp.id()));
            if (queued.status() == MessageView.Status.QUEUED) {
              sending.outbox().dispatch(tenant, queued.id()); // committed: queue() returned
            }
            state.setText("Queued — it appears in Messages below and is sent in a moment.");
            state.getElement().setAttribute("data-state", "queued");
            followUp(null);
            sending.onQueued().run();
          } catch (DomainException ex) {
            String field = ex.field() == null ? "" : ex.field();
            switch (field) {
              case "subject" -> {
                subject.setInvalid(true);
                subject.setErrorMessage(ex.getMessage());
              }
              case "body" -> {
                body.setInvalid(true);
                body.setErrorMessage(ex.getMessage());
              }
              default -> {}
            }
            state.setText("Not sent: " + ex.getMessage());
            state.getElement().setAttribute("data-state", "error");
          } finally {
            send.setEnabled(true);
          }
        };
    send.addClickListener(
        e -> {
          // the tenant's policies first: block never queues, warnings need a confirmation
          io.omnireach.policy.Verdict verdict =
              io.omnireach.policy.PolicyEngine.evaluate(
                  sending.policies().list(tenant),
                  new io.omnireach.policy.OutboundText(
                      "email", subject.getValue(), body.getValue()),
                  sending.policies().context(tenant, lead.id(), "email", java.time.Instant.now()));
          policyNote.removeAll();
          if (verdict.outcome() == io.omnireach.policy.Verdict.Outcome.BLOCK) {
            state.setText("Not sent: it breaks a blocking policy.");
            state.getElement().setAttribute("data-state", "blocked");
            showViolations(policyNote, verdict, subject.getValue(), body.getValue());
            send.setEnabled(true);
            return;
          }
          if (verdict.outcome() == io.omnireach.policy.Verdict.Outcome.WARN) {
            showViolations(policyNote, verdict, subject.getValue(), body.getValue());
            state.setText("Policy warnings: confirm to send.");
            state.getElement().setAttribute("data-state", "warn");
            int warnings = verdict.of(io.omnireach.policy.Severity.WARN).size();
            com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm =
                new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                    "Send despite policy warnings?",
                    (warnings == 1 ? "1 warning: " : warnings + " warnings: ")
                        + verdict.of(io.omnireach.policy.Severity.WARN).stream()
                            .map(io.omnireach.policy.Violation::explanation)
                            .distinct()
                            .collect(java.util.stream.Collectors.joining(" ")),
                    "Send anyway",
                    ok -> sendNow.run(),
                    "Cancel",
                    no -> send.setEnabled(true));
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("policy-confirm");
            confirm.open();
            return;
          }
          sendNow.run();
        });
    return bar;
  }

  /** The policy verdict under the send bar: the marked text and each broken rule. */
  private static void showViolations(
      Div note, io.omnireach.policy.Verdict verdict, String subject, String body) {
    note.removeAll();
    if (subject != null && !subject.isBlank()) {
      note.add(io.omnireach.ui.policy.PolicyMarks.render(subject, verdict.violations(), "subject"));
    }
    note.add(io.omnireach.ui.policy.PolicyMarks.render(body, verdict.violations(), "body"));
    for (io.omnireach.policy.Violation v : verdict.violations()) {
      note.add(io.omnireach.ui.policy.PoliciesView.violation(v));
    }
  }
}
