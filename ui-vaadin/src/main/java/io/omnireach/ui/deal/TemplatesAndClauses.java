package io.omnireach.ui.deal;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.common.DomainException;
import io.omnireach.deal.Clause;
import io.omnireach.deal.Clauses;
import io.omnireach.deal.DealTemplate;
import io.omnireach.deal.DealTemplates;
import io.omnireach.deal.DocumentKind;
import io.omnireach.deal.MergeFields;
import io.omnireach.deal.Product;
import io.omnireach.deal.Products;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The "Templates & clauses" tab beside the price book: the transaction templates (merge fields and
 * clause slots), the clause library (an edit is a new version) and which clauses each product
 * allows. Admins edit; everyone else reads.
 */
final class TemplatesAndClauses extends Div {

  /** What the tab needs; injected into the deals page as one bean. */
  @Dependent
  static class Services {
    @Inject DealTemplates templates;
    @Inject Clauses clauses;
    @Inject Products products;
  }

  private final Services s;
  private final TenantRef tenant;
  private final String actor;

  /** May change templates, clauses and allowed clauses (deals.configure). */
  private final boolean admin;

  private final Grid<DealTemplate> templates = new Grid<>();
  private final Grid<Clause> clauses = new Grid<>();
  private final Grid<Product> allowed = new Grid<>();
  private final Div clausesEmpty = new Div();

  TemplatesAndClauses(Services s, TenantRef tenant, String actor, boolean admin) {
    this.s = s;
    this.tenant = tenant;
    this.actor = actor;
    this.admin = admin;
    setId("templates-and-clauses");
    addClassName("omni-doc-library");

    templates.setId("template-grid");
    templates.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    templates.addColumn(DealTemplate::name).setHeader("Template").setFlexGrow(2);
    templates
        .addComponentColumn(t -> kindBadge(t.kind()))
        .setHeader("Kind")
        .setWidth("150px")
        .setFlexGrow(0);
    templates
        .addColumn(t -> t.clauseKeys().isEmpty() ? "—" : String.join(", ", t.clauseKeys()))
        .setHeader("Clause slots")
        .setFlexGrow(2);
    templates
        .addColumn(t -> "v" + t.version())
        .setHeader("Version")
        .setWidth("100px")
        .setFlexGrow(0);
    templates.setAllRowsVisible(true);
    templates.addItemClickListener(e -> editTemplate(e.getItem()));

    clauses.setId("clause-grid");
    clauses.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    clauses.addColumn(Clause::title).setHeader("Clause").setFlexGrow(2);
    clauses.addColumn(Clause::key).setHeader("Key").setFlexGrow(1);
    clauses.addColumn(Clause::category).setHeader("Category").setFlexGrow(1);
    clauses.addColumn(c -> "v" + c.version()).setHeader("Version").setWidth("100px").setFlexGrow(0);
    clauses.setAllRowsVisible(true);
    clauses.addItemClickListener(e -> editClause(e.getItem()));

    allowed.setId("allowed-clauses-grid");
    allowed.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    allowed.addColumn(Product::name).setHeader("Product").setFlexGrow(1);
    allowed.addComponentColumn(this::allowedCell).setHeader("Allowed clauses").setFlexGrow(3);
    allowed.setAllRowsVisible(true);

    add(
        section(
            "Templates",
            "Offer letters, order forms and contracts. Merge fields such as {{deal.title}} are"
                + " filled from the deal; line items, totals, clauses and signatures are laid out"
                + " for you.",
            admin ? button("New template", "template-add", e -> editTemplate(null)) : null,
            templates),
        section(
            "Clause library",
            "The exact text of each clause. Editing one stores a new version; documents keep the"
                + " version they printed.",
            admin ? button("Add clause", "clause-add", e -> editClause(null)) : null,
            clauses,
            clausesEmpty),
        section(
            "Allowed clauses",
            "A document may only print clauses that a product on its deal allows.",
            null,
            allowed));
    refresh();
  }

  private void refresh() {
    templates.setItems(s.templates.list(tenant));
    List<Clause> all = s.clauses.list(tenant);
    clauses.setItems(all);
    clauses.setVisible(!all.isEmpty());
    clausesEmpty.removeAll();
    if (all.isEmpty()) {
      clausesEmpty.add(
          new EmptyState(
              VaadinIcon.BOOK,
              "No clauses yet",
              admin
                  ? "Add the clauses your documents may use, with their exact text."
                  : "Someone with the deals.configure permission adds the clauses your documents may use."));
    }
    allowed.setItems(s.products.list(tenant));
  }

  private com.vaadin.flow.component.Component allowedCell(Product p) {
    List<String> current = s.clauses.allowed(tenant, p.id());
    if (!admin) {
      return new Span(current.isEmpty() ? "—" : String.join(", ", current));
    }
    MultiSelectComboBox<String> box = new MultiSelectComboBox<>();
    box.setItems(s.clauses.list(tenant).stream().map(Clause::key).toList());
    box.setValue(new LinkedHashSet<>(current));
    box.setWidthFull();
    box.setPlaceholder("No clauses allowed");
    box.setId("allowed-clauses-" + p.id());
    box.addValueChangeListener(
        e -> {
          if (!e.isFromClient() || !UiSession.permits(Permission.DEALS_CONFIGURE)) {
            return;
          }
          try {
            s.clauses.allow(tenant, p.id(), List.copyOf(e.getValue()), actor);
            Toasts.success("Allowed clauses of " + p.name() + " saved.");
          } catch (DomainException ex) {
            Toasts.error(ex.getMessage());
          }
        });
    return box;
  }

  private void editTemplate(DealTemplate t) {
    Dialog d = new Dialog();
    d.setHeaderTitle(t == null ? "New template" : t.name() + " · v" + t.version());
    d.setWidth("760px");
    Select<DocumentKind> kind = new Select<>();
    kind.setLabel("Kind");
    kind.setItems(DocumentKind.values());
    kind.setItemLabelGenerator(DocumentKind::label);
    kind.setValue(t == null ? DocumentKind.OFFER_LETTER : t.kind());
    TextField name = new TextField("Name");
    name.setValue(t == null ? "" : t.name());
    name.setId("template-name");
    TextField title = new TextField("Document title");
    title.setValue(t == null ? "" : t.title());
    title.setWidthFull();
    title.setId("template-title");
    TextArea body = new TextArea("Text");
    body.setValue(t == null ? "" : t.body());
    body.setWidthFull();
    body.setMinHeight("180px");
    body.setId("template-body");
    MultiSelectComboBox<String> slots = new MultiSelectComboBox<>("Clause slots");
    slots.setItems(s.clauses.list(tenant).stream().map(Clause::key).toList());
    slots.setValue(new LinkedHashSet<>(t == null ? List.of() : t.clauseKeys()));
    slots.setWidthFull();
    Div fields = new Div();
    fields.addClassName("omni-merge-fields");
    fields.add(new Span("Merge fields"));
    for (Map.Entry<String, String> f : MergeFields.FIELDS.entrySet()) {
      Span chip = new Span("{{" + f.getKey() + "}}");
      chip.setTitle(f.getValue());
      chip.addClassName("omni-merge-field");
      fields.add(chip);
    }
    Div row = new Div(kind, name);
    row.addClassName("omni-doc-form-row");
    d.add(new Div(row, title, body, slots, fields));
    Button save = new Button("Save");
    save.setId("template-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setEnabled(admin);
    save.addClickListener(
        e -> {
          if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
            return;
          }
          DealTemplates.Draft draft =
              new DealTemplates.Draft(
                  kind.getValue(),
                  name.getValue(),
                  title.getValue(),
                  body.getValue(),
                  List.copyOf(slots.getValue()));
          try {
            if (t == null) {
              s.templates.create(tenant, draft, actor);
            } else {
              s.templates.update(tenant, t.id(), draft, actor);
            }
            Toasts.success("Template saved.");
            d.close();
            refresh();
          } catch (DomainException ex) {
            show(ex, Map.of("name", name, "title", title, "body", body, "clauseKeys", slots));
          }
        });
    d.getFooter().add(new Button("Cancel", e -> d.close()));
    if (t != null && admin) {
      Button delete =
          new Button(
              "Delete",
              e -> {
                if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
                  return;
                }
                s.templates.delete(tenant, t.id(), actor);
                d.close();
                refresh();
              });
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      d.getFooter().add(delete);
    }
    d.getFooter().add(save);
    d.open();
  }

  private void editClause(Clause c) {
    Dialog d = new Dialog();
    d.setHeaderTitle(c == null ? "New clause" : c.title() + " · v" + c.version());
    d.setWidth("640px");
    TextField key = new TextField("Key");
    key.setValue(c == null ? "" : c.key());
    key.setReadOnly(c != null);
    key.setPlaceholder("liability-cap");
    key.setId("clause-key");
    TextField category = new TextField("Category");
    category.setValue(c == null ? "" : c.category());
    category.setId("clause-category");
    TextField title = new TextField("Title");
    title.setValue(c == null ? "" : c.title());
    title.setWidthFull();
    title.setId("clause-title");
    TextArea body = new TextArea("Exact text");
    body.setValue(c == null ? "" : c.body());
    body.setWidthFull();
    body.setMinHeight("160px");
    body.setId("clause-body");
    Div row = new Div(key, category);
    row.addClassName("omni-doc-form-row");
    d.add(new Div(row, title, body));
    if (c != null) {
      Paragraph note = new Paragraph("Saving stores version " + (c.version() + 1) + ".");
      note.addClassName("omni-muted");
      d.add(note);
    }
    Button save = new Button("Save");
    save.setId("clause-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setEnabled(admin);
    save.addClickListener(
        e -> {
          if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
            return;
          }
          try {
            if (c == null) {
              s.clauses.create(
                  tenant,
                  key.getValue(),
                  title.getValue(),
                  body.getValue(),
                  category.getValue(),
                  actor);
            } else {
              s.clauses.update(
                  tenant, c.key(), title.getValue(), body.getValue(), category.getValue(), actor);
            }
            Toasts.success("Clause saved.");
            d.close();
            refresh();
          } catch (DomainException ex) {
            show(ex, Map.of("key", key, "title", title, "body", body, "category", category));
          }
        });
    d.getFooter().add(new Button("Cancel", e -> d.close()));
    if (c != null && admin) {
      Button delete =
          new Button(
              "Delete",
              e -> {
                if (!UiSession.permits(Permission.DEALS_CONFIGURE)) {
                  return;
                }
                try {
                  s.clauses.delete(tenant, c.key(), actor);
                  d.close();
                  refresh();
                } catch (DomainException ex) {
                  Toasts.error(ex.getMessage());
                }
              });
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
      d.getFooter().add(delete);
    }
    d.getFooter().add(save);
    d.open();
  }

  /** The message on the field at fault, else as a toast. */
  private static void show(DomainException ex, Map<String, HasValidation> fields) {
    HasValidation f = ex.field() == null ? null : fields.get(ex.field());
    if (f == null) {
      Toasts.error(ex.getMessage());
      return;
    }
    f.setInvalid(true);
    f.setErrorMessage(ex.getMessage());
  }

  private static Span kindBadge(DocumentKind k) {
    Span badge = new Span(k.label());
    badge.getElement().getThemeList().add("badge pill");
    badge.addClassName("omni-doc-kind-" + k.name().toLowerCase(java.util.Locale.ROOT));
    return badge;
  }

  private static Button button(
      String text,
      String id,
      com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>>
          click) {
    Button b = new Button(text, VaadinIcon.PLUS.create(), click);
    b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    b.setId(id);
    return b;
  }

  private static Div section(
      String title, String intro, Button action, com.vaadin.flow.component.Component... content) {
    Paragraph p = new Paragraph(intro);
    p.addClassName("omni-muted");
    Div head = new Div(new Div(new H3(title), p));
    head.addClassName("omni-doc-section-head");
    if (action != null) {
      head.add(action);
    }
    Div section = new Div(head);
    section.add(content);
    section.addClassNames("omni-panel", "omni-doc-section");
    return section;
  }
}
