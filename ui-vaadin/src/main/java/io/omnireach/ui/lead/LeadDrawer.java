package io.omnireach.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import java.util.function.Consumer;

/**
 * The lead form in a panel that slides in from the right. Stores what the form hands over and shows
 * core's rejections on the form; tells the page once a lead was saved.
 */
class LeadDrawer extends Dialog {

  private final LeadForm form;
  private final H2 title = new H2();
  private final Span subtitle = new Span();

  LeadDrawer(
      LeadRepository leads, TenantRef tenant, String actor, Owners owners, Consumer<Lead> saved) {
    this.form = new LeadForm(owners, leads.distinctTags(tenant), leads.distinctIndustries(tenant));
    addClassName("omni-lead-drawer");
    setId("lead-drawer");
    setModal(true);
    setDraggable(false);
    setResizable(false);
    setCloseOnOutsideClick(false);

    Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> close());
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    close.setAriaLabel("Close");
    close.setId("lead-drawer-close");
    subtitle.addClassName("omni-muted");
    Div text = new Div(title, subtitle);
    text.addClassName("omni-lead-drawer-title");
    Div head = new Div(text, close);
    head.addClassName("omni-lead-drawer-head");
    getHeader().add(head);
    add(form);
    getFooter().add(form.actions());

    form.addCloseListener(e -> close());
    form.addSaveListener(
        e -> {
          try {
            Lead lead =
                e.lead() == null
                    ? leads.create(tenant, e.draft(), actor)
                    : leads.update(tenant, e.lead().id(), e.draft(), actor);
            close();
            LeadUi.toast((e.lead() == null ? "Added " : "Saved ") + lead.fullName() + ".", false);
            saved.accept(lead);
          } catch (DomainException ex) {
            form.showError(ex);
          }
        });
  }

  /** Opens for a new lead (null) or to edit one. */
  void open(Lead lead) {
    title.setText(lead == null ? "New lead" : "Edit " + lead.fullName());
    subtitle.setText(
        lead == null
            ? "An email, a phone or a LinkedIn URL is enough; everything else can follow."
            : "Changes are saved for everyone in your workspace.");
    form.edit(lead);
    open();
  }

  LeadForm form() {
    return form;
  }
}
