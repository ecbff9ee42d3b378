package io.omnireach.ui.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.common.Emails;
import io.omnireach.tenant.Tenant;
import io.omnireach.tenant.TenantDirectory;
import io.omnireach.tenant.TenantSchema;
import io.omnireach.ui.brand.ColourField;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Four steps to a new tenant: workspace (name, slug with a live availability check), plan, brand
 * colour, first admin. The first admin gets an invitation; the wizard ends on a summary.
 */
class NewTenantWizard extends Dialog {

  private static final String[] STEPS = {"Workspace", "Plan", "Branding", "First admin"};

  private final OperatorConsole console;
  private final TenantDirectory directory;
  private final AuthenticatedUser operator;
  private final Consumer<Tenant> onCreated;

  private final TextField name = new TextField("Company or workspace name");
  private final TextField slug = new TextField("Slug");
  private final Span slugStatus = new Span();
  private final List<Div> planCards = new ArrayList<>();
  private final Map<String, String> planLabels = new HashMap<>();
  private final ColourField colour;
  private final EmailField adminEmail = new EmailField("First admin's work email");
  private final Paragraph error = new Paragraph();
  private final Div stepper = new Div();
  private final Div content = new Div();
  private final Button back = new Button("Back");
  private final Button next = new Button("Next");
  private final String inheritedColour;
  private String plan;
  private boolean slugEdited;
  private int step;

  NewTenantWizard(
      OperatorConsole console,
      TenantDirectory directory,
      AuthenticatedUser operator,
      String defaultColour,
      Consumer<Tenant> onCreated) {
    this.console = console;
    this.directory = directory;
    this.operator = operator;
    this.onCreated = onCreated;
    this.inheritedColour = defaultColour;
    this.colour = new ColourField("Primary colour", defaultColour);
    setHeaderTitle("New tenant");
    setId("new-tenant-wizard");
    addClassName("omni-wizard");
    setWidth("640px");
    configureFields();
    error.addClassName("omni-error");
    error.setVisible(false);
    stepper.addClassName("omni-import-steps");
    content.addClassName("omni-wizard-content");
    add(stepper, error, content);
    back.addClickListener(e -> show(step - 1));
    back.setId("wizard-back");
    next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    next.setId("wizard-next");
    next.addClickListener(e -> advance());
    Button cancel = new Button("Cancel", e -> close());
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div spacer = new Div();
    spacer.getStyle().set("flex", "1");
    getFooter().add(cancel, spacer, back, next);
    show(0);
  }

  private void configureFields() {
    name.setId("tenant-name");
    name.setAutofocus(true);
    name.setWidthFull();
    name.setValueChangeMode(ValueChangeMode.EAGER);
    name.addValueChangeListener(
        e -> {
          if (!slugEdited) {
            slug.setValue(slugFrom(e.getValue()));
          }
        });
    slug.setId("tenant-slug");
    slug.setWidthFull();
    slug.setPrefixComponent(new Span("/"));
    slug.setValueChangeMode(ValueChangeMode.LAZY);
    slug.setValueChangeTimeout(250);
    slug.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            slugEdited = true;
          }
          checkSlug();
        });
    slugStatus.setId("slug-status");
    slugStatus.addClassName("omni-slug-status");
    adminEmail.setId("admin-email");
    adminEmail.setWidthFull();
    adminEmail.setHelperText("They get an invitation to set their password and join.");
  }

  /** "Initech Ltd." → "initech-ltd", cut to 30 characters. */
  static String slugFrom(String name) {
    String ascii =
        Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^[^a-z]+", "")
            .replaceAll("-+$", "");
    String cut = ascii.length() > 30 ? ascii.substring(0, 30) : ascii;
    return cut.replaceAll("-+$", "");
  }

  /** Validates the slug and looks it up; returns true when it can be used. */
  private boolean checkSlug() {
    String value = slug.getValue().trim();
    slugStatus.removeClassNames("ok", "bad");
    if (value.isEmpty()) {
      slugStatus.setText("");
      return false;
    }
    try {
      TenantSchema.requireValidSlug(value);
    } catch (DomainException e) {
      slugStatus.setText(e.getMessage());
      slugStatus.addClassName("bad");
      return false;
    }
    if (directory.bySlug(value).isPresent()) {
      slugStatus.setText("'" + value + "' is taken — try another.");
      slugStatus.addClassName("bad");
      return false;
    }
    slugStatus.setText("'" + value + "' is available");
    slugStatus.addClassName("ok");
    return true;
  }

  private void show(int index) {
    step = index;
    error.setVisible(false);
    stepper.removeAll();
    for (int i = 0; i < STEPS.length; i++) {
      Span dot = new Span(i < step ? "✓" : Integer.toString(i + 1));
      dot.addClassName("omni-import-dot");
      Div item = new Div(dot, new Span(STEPS[i]));
      item.addClassName("omni-import-step");
      if (i == step) {
        item.addClassName("current");
      } else if (i < step) {
        item.addClassName("done");
      }
      stepper.add(item);
    }
    content.removeAll();
    content.add(
        switch (step) {
          case 0 -> workspaceStep();
          case 1 -> planStep();
          case 2 -> brandingStep();
          default -> adminStep();
        });
    back.setVisible(step > 0);
    next.setText(step == STEPS.length - 1 ? "Create tenant" : "Next");
  }

  private Component workspaceStep() {
    Paragraph hint =
        new Paragraph(
            "The slug names the workspace in links and sign-in (login?tenant=slug). It cannot be"
                + " changed later.");
    hint.addClassName("omni-muted");
    return section("Name the workspace", name, slug, slugStatus, hint);
  }

  private Component planStep() {
    Div cards = new Div();
    cards.addClassName("omni-plan-cards");
    planCards.clear();
    for (OperatorConsole.PlanOption option : console.plans()) {
      if (plan == null) {
        plan = option.id();
      }
      Span label = new Span(option.label());
      label.addClassName("omni-plan-name");
      Span seats = new Span(option.seats() + " seats");
      seats.addClassName("omni-muted");
      Div card = new Div(label, seats);
      card.addClassName("omni-plan-card");
      card.setId("plan-" + option.id().toLowerCase(Locale.ROOT));
      card.getElement().setAttribute("tabindex", "0");
      card.getElement().setAttribute("role", "radio");
      card.getElement().setAttribute("data-plan", option.id());
      card.addClickListener(e -> selectPlan(option.id()));
      card.getElement()
          .addEventListener("keydown", e -> selectPlan(option.id()))
          .setFilter("event.key === 'Enter' || event.key === ' '");
      planLabels.put(option.id(), option.label());
      planCards.add(card);
      cards.add(card);
    }
    selectPlan(plan);
    return section("Choose a plan", cards);
  }

  private void selectPlan(String id) {
    plan = id;
    for (Div card : planCards) {
      boolean selected = id.equals(card.getElement().getAttribute("data-plan"));
      card.setClassName("selected", selected);
      card.getElement().setAttribute("aria-checked", Boolean.toString(selected));
    }
  }

  private Component brandingStep() {
    Paragraph hint =
        new Paragraph(
            "Tenants inherit your brand — logo, product name, support links. Give this one its own"
                + " primary colour if you like; its admins can change what you allow later.");
    hint.addClassName("omni-muted");
    return section("Brand colour", hint, colour);
  }

  private Component adminStep() {
    Div summary =
        new Div(
            fact("Workspace", name.getValue().trim() + "  ·  /" + slug.getValue().trim()),
            fact("Plan", planLabels.getOrDefault(plan, plan)),
            fact("Primary colour", colour.getValue()));
    summary.addClassName("omni-wizard-summary");
    return section("Invite the first admin", adminEmail, summary);
  }

  private static Component fact(String label, String value) {
    Span l = new Span(label);
    l.addClassName("omni-muted");
    Span v = new Span(value);
    Div row = new Div(l, v);
    row.addClassName("omni-wizard-fact");
    return row;
  }

  private static Component section(String title, Component... body) {
    Div section = new Div(new H4(title));
    section.add(body);
    section.addClassName("omni-wizard-section");
    return section;
  }

  private void advance() {
    error.setVisible(false);
    switch (step) {
      case 0 -> {
        if (name.getValue().isBlank()) {
          name.setInvalid(true);
          name.setErrorMessage("A name is required.");
          return;
        }
        name.setInvalid(false);
        if (!checkSlug()) {
          return;
        }
        show(1);
      }
      case 1 -> show(2);
      case 2 -> {
        if (!colour.isValid()) {
          return;
        }
        show(3);
      }
      default -> create();
    }
  }

  private void create() {
    String email;
    try {
      email = Emails.normalise("adminEmail", adminEmail.getValue());
    } catch (DomainException e) {
      adminEmail.setInvalid(true);
      adminEmail.setErrorMessage(e.getMessage());
      return;
    }
    try {
      Tenant tenant =
          console.createTenant(
              operator,
              new OperatorConsole.TenantDraft(
                  name.getValue().trim(), slug.getValue().trim(), plan, colour.getValue(), email));
      done(tenant, email);
      onCreated.accept(tenant);
    } catch (DomainException e) {
      error.setText(e.getMessage());
      error.setVisible(true);
    }
  }

  private void done(Tenant tenant, String email) {
    stepper.setVisible(false);
    content.removeAll();
    Icon check = VaadinIcon.CHECK.create();
    check.addClassName("omni-empty-icon");
    Div badge = new Div(check);
    badge.addClassName("omni-empty-badge");
    Paragraph sent = new Paragraph("Invitation sent to " + email);
    sent.setId("invitation-sent");
    Div box =
        new Div(
            badge,
            new H4(tenant.displayName() + " is ready"),
            sent,
            new Paragraph(
                "The invitation is valid for 7 days. Its admin signs in at /login?tenant="
                    + tenant.slug()
                    + "."));
    box.addClassName("omni-wizard-done");
    content.add(box);
    getFooter().removeAll();
    Button close = new Button("Done", e -> close());
    close.setId("wizard-done");
    close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(close);
  }
}
