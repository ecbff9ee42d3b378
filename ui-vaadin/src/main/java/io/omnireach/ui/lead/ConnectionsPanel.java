package io.omnireach.ui.lead;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.omnireach.common.DomainException;
import io.omnireach.graph.EdgeKind;
import io.omnireach.graph.LeadConnection;
import io.omnireach.graph.RelationshipGraph;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.LeadRepository;
import io.omnireach.tenant.TenantRef;
import io.omnireach.user.Member;
import java.util.List;

/**
 * The lead's manual connections (who they know, who introduced them) with remove, and, for writers,
 * a dialog to add one: a teammate or another lead as the peer.
 */
final class ConnectionsPanel extends Div {

  private static final String TEAMMATE = "A teammate";
  private static final String LEAD = "Another lead";

  private final TenantRef tenant;
  private final Lead lead;
  private final RelationshipGraph graph;
  private final LeadRepository leads;
  private final Owners owners;
  private final String actor;
  private final Runnable changed;

  ConnectionsPanel(
      TenantRef tenant,
      Lead lead,
      RelationshipGraph graph,
      LeadRepository leads,
      Owners owners,
      String actor,
      boolean writer,
      Runnable changed) {
    this.tenant = tenant;
    this.lead = lead;
    this.graph = graph;
    this.leads = leads;
    this.owners = owners;
    this.actor = actor;
    this.changed = changed;
    setId("lead-connections");
    addClassNames("omni-panel", "omni-connections");
    Span sub = new Span("Who this person knows or was introduced by, as your team told it.");
    sub.addClassName("omni-muted");
    Div text = new Div(new H3("Connections"), sub);
    text.addClassName("omni-graph-head");
    Div head = new Div(text);
    head.addClassName("omni-connections-head");
    if (writer) {
      Button add = new Button("Add connection", VaadinIcon.PLUS.create(), e -> openDialog());
      add.setId("connection-add");
      add.addThemeVariants(ButtonVariant.LUMO_SMALL);
      head.add(add);
    }
    add(head);
    List<LeadConnection> all = graph.connections(tenant, lead.id());
    for (LeadConnection c : all) {
      add(row(c, writer));
    }
    if (all.isEmpty()) {
      Span none = new Span("None yet.");
      none.addClassName("omni-muted");
      add(none);
    }
  }

  private Component row(LeadConnection c, boolean writer) {
    boolean mine = c.leadId() == lead.id();
    // this lead is the connection's lead, or the peer named by another lead's connection
    String what =
        c.kind() == EdgeKind.KNOWS
            ? "Knows " + c.peerLabel()
            : (mine ? "Introduced by " : "Introduced ") + c.peerLabel();
    Span text = new Span(what);
    text.addClassName("omni-connection-text");
    Span note =
        new Span(
            (c.note() == null ? "" : "“" + c.note() + "” · ")
                + "added by "
                + (c.createdBy() == null ? "someone" : c.createdBy()));
    note.addClassName("omni-muted");
    Div row = new Div(VaadinIcon.CONNECT.create(), new Div(text, note));
    row.addClassName("omni-connection-row");
    if (writer) {
      Button remove =
          new Button(
              VaadinIcon.CLOSE_SMALL.create(),
              e -> {
                graph.disconnect(tenant, lead.id(), c.id());
                changed.run();
              });
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      remove.setAriaLabel("Remove connection");
      remove.setTooltipText("Remove connection");
      row.add(remove);
    }
    return row;
  }

  private void openDialog() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Add a connection for " + lead.fullName());
    dialog.setId("connection-dialog");
    Select<EdgeKind> kind = new Select<>();
    kind.setLabel("Relation");
    kind.setItems(EdgeKind.KNOWS, EdgeKind.INTRODUCED_BY);
    kind.setItemLabelGenerator(k -> k == EdgeKind.KNOWS ? "Knows" : "Was introduced by");
    kind.setValue(EdgeKind.KNOWS);
    kind.setId("connection-kind");
    RadioButtonGroup<String> who = new RadioButtonGroup<>("Who");
    who.setItems(TEAMMATE, LEAD);
    who.setValue(TEAMMATE);
    who.setId("connection-who");
    Select<Member> teammate = new Select<>();
    teammate.setLabel("Teammate");
    teammate.setItems(owners.all());
    teammate.setItemLabelGenerator(Member::displayName);
    teammate.setId("connection-teammate");
    ComboBox<Lead> peer = new ComboBox<>("Lead");
    peer.setItems(
        q ->
            leads
                .slice(
                    tenant,
                    LeadQuery.all().withText(q.getFilter().orElse("")),
                    q.getOffset(),
                    q.getLimit())
                .stream()
                .filter(l -> l.id() != lead.id()));
    peer.setItemLabelGenerator(
        l -> l.fullName() + (l.company() == null ? "" : " · " + l.company()));
    peer.setPlaceholder("Search by name, email or company");
    peer.setVisible(false);
    peer.setId("connection-lead");
    who.addValueChangeListener(
        e -> {
          teammate.setVisible(TEAMMATE.equals(e.getValue()));
          peer.setVisible(LEAD.equals(e.getValue()));
        });
    TextField note = new TextField("Note (optional)");
    note.setMaxLength(500);
    note.setPlaceholder("e.g. Former colleagues at Initech");
    note.setId("connection-note");
    Div form = new Div(kind, who, teammate, peer, note);
    form.addClassName("omni-connection-form");
    dialog.add(form);
    Button save =
        new Button(
            "Add",
            e -> {
              boolean byTeammate = TEAMMATE.equals(who.getValue());
              if (byTeammate && teammate.getValue() == null) {
                teammate.setErrorMessage("Choose the teammate who knows this person.");
                teammate.setInvalid(true);
                return;
              }
              if (!byTeammate && peer.getValue() == null) {
                peer.setErrorMessage("Choose the lead this person is connected to.");
                peer.setInvalid(true);
                return;
              }
              try {
                graph.connect(
                    tenant,
                    lead.id(),
                    kind.getValue(),
                    byTeammate ? null : peer.getValue().id(),
                    byTeammate ? teammate.getValue().userId() : null,
                    note.getValue(),
                    actor);
                dialog.close();
                LeadUi.toast("Connection added.", false);
                changed.run();
              } catch (DomainException ex) {
                LeadUi.toast(ex.getMessage(), true);
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("connection-save");
    Button cancel = new Button("Cancel", e -> dialog.close());
    dialog.getFooter().add(cancel, save);
    dialog.open();
  }
}
