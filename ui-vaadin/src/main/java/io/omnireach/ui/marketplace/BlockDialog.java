package io.omnireach.ui.marketplace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.omnireach.block.BlockManifest;
import io.omnireach.common.DomainException;
import io.omnireach.marketplace.BlockCatalogue;
import io.omnireach.marketplace.BlockDetail;
import io.omnireach.marketplace.CatalogueEntry;
import io.omnireach.marketplace.InstallPlan;
import io.omnireach.marketplace.Preview;
import java.util.function.Consumer;

/**
 * A block's page: readme (the description, as plain text), screenshots, versions, requirements, the
 * install plan shown before installing, install / update / uninstall, and reviews.
 */
class BlockDialog extends Dialog {

  /** What the dialog asks the view to do; each answers with a message or throws. */
  interface Actions {
    Preview plan(String id);

    String install(String id);

    String update(String id);

    String uninstall(String id);

    void rate(String id, int stars, String text);
  }

  private final Actions actions;
  private final Consumer<String> done;
  private final Div error = new Div();

  BlockDialog(BlockDetail d, boolean canWrite, Actions actions, Consumer<String> done) {
    this.actions = actions;
    this.done = done;
    CatalogueEntry e = d.entry();
    BlockManifest m = d.manifest();
    setId("block-dialog");
    addClassName("omni-block-dialog");
    setWidth("min(880px, 96vw)");
    setMaxHeight("92vh");
    setHeaderTitle(e.name());
    Button close = new Button(VaadinIcon.CLOSE.create(), ev -> close());
    close.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    close.setAriaLabel("Close");
    getHeader().add(close);
    error.addClassName("omni-block-error");
    error.setVisible(false);

    Div meta =
        new Div(
            BlockCard.tag(BlockCard.kindLabel(e.kind())),
            BlockCard.trust(e.publisher()),
            BlockCard.stars(e.rating(), e.ratingCount()),
            muted(
                e.author()
                    + " · v"
                    + e.version()
                    + " · "
                    + m.license()
                    + " · "
                    + BlockCard.sourceLabel(e.source())));
    meta.addClassName("omni-block-meta");

    Paragraph readme = new Paragraph(m.description() == null ? "No description." : m.description());
    readme.addClassName("omni-block-readme");
    Div main = new Div(meta, readme);
    main.addClassName("omni-block-main");
    Div shots = new Div();
    shots.addClassName("omni-block-shots");
    for (String url : m.screenshots()) {
      // only https and inline images: never a URL the browser would resolve inside this instance
      if (url.startsWith("https://") || url.startsWith("data:image/")) {
        Image img = new Image(url, "Screenshot of " + e.name());
        shots.add(img);
      }
    }
    if (shots.getComponentCount() > 0) {
      main.add(shots);
    }

    Div side = new Div(section("Versions", list(e.versions())));
    if (!m.requires().nodeTypes().isEmpty() || !m.requires().channels().isEmpty()) {
      side.add(section("Uses", list(concat(m.requires().channels(), m.requires().nodeTypes()))));
    }
    if (e.keyId() != null) {
      side.add(section("Signed by key", muted(e.keyId())));
    }
    side.addClassName("omni-block-side");
    Div columns = new Div(main, side);
    columns.addClassName("omni-block-columns");

    Div plan = new Div();
    plan.setId("block-plan");
    plan.addClassName("omni-block-plan");
    add(error, columns);
    if (canWrite) {
      add(plan);
      showPlan(e, plan);
    }
    add(reviews(d, canWrite));

    if (canWrite) {
      if (!e.installed()) {
        Button install = primary("Install", "block-install", () -> done(actions.install(e.id())));
        getFooter().add(install);
      } else {
        Button uninstall =
            new Button("Uninstall", ev -> run(() -> done(actions.uninstall(e.id()))));
        uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        uninstall.setId("block-uninstall");
        getFooter().add(uninstall);
        if (e.updateAvailable()) {
          getFooter()
              .add(
                  primary(
                      "Update to " + e.version(),
                      "block-update",
                      () -> done(actions.update(e.id()))));
        }
      }
    }
  }

  private void showPlan(CatalogueEntry e, Div plan) {
    if (e.installed() && !e.updateAvailable()) {
      plan.add(
          new H4("Installed"),
          muted("Version " + e.installedVersion() + " is installed in this workspace."));
      return;
    }
    try {
      Preview p = actions.plan(e.id());
      InstallPlan ip = p.plan();
      plan.add(
          new H4(e.installed() ? "Updating will" : "Installing will create"), list(ip.creates()));
      if (!ip.needs().isEmpty()) {
        Div needs = new Div(new Span("Needs: "), list(ip.needs()));
        needs.addClassName("omni-block-needs");
        plan.add(needs);
      }
      if (!ip.mappings().isEmpty()) {
        UnorderedList maps = new UnorderedList();
        for (InstallPlan.Mapping mp : ip.mappings()) {
          maps.add(
              new ListItem(
                  mp.type()
                      + " “"
                      + mp.name()
                      + "” → "
                      + (mp.mappedTo() == null
                          ? "not found here: pick one after installing"
                          : "yours (#" + mp.mappedTo() + ")")));
        }
        plan.add(muted("References"), maps);
      }
    } catch (DomainException ex) {
      plan.add(new H4("Cannot install"), muted(ex.getMessage()));
    }
  }

  private Div reviews(BlockDetail d, boolean canWrite) {
    Div box = new Div(new H4("Reviews"));
    box.addClassName("omni-block-reviews");
    box.setId("block-reviews");
    if (canWrite) {
      Select<Integer> stars = new Select<>();
      stars.setLabel("Your rating");
      stars.setItems(5, 4, 3, 2, 1);
      stars.setItemLabelGenerator(n -> "★".repeat(n) + "☆".repeat(5 - n));
      stars.setId("block-rating-stars");
      TextArea text = new TextArea("Review (optional)");
      text.setMaxLength(2000);
      text.setId("block-rating-text");
      d.reviews().stream()
          .filter(BlockCatalogue.Review::mine)
          .findFirst()
          .ifPresent(
              r -> {
                stars.setValue(r.stars());
                text.setValue(r.text() == null ? "" : r.text());
              });
      Button save =
          new Button(
              "Save rating",
              ev ->
                  run(
                      () -> {
                        if (stars.getValue() == null) {
                          throw DomainException.invalid("stars", "Pick 1 to 5 stars.");
                        }
                        actions.rate(d.entry().id(), stars.getValue(), text.getValue());
                        done("Thanks for rating “" + d.entry().name() + "”.");
                      }));
      save.setId("block-rating-save");
      Div form = new Div(stars, text, save);
      form.addClassName("omni-block-rating-form");
      box.add(form);
    }
    if (d.reviews().isEmpty()) {
      box.add(muted("No reviews yet."));
    }
    for (BlockCatalogue.Review r : d.reviews()) {
      Div item =
          new Div(
              new Span("★".repeat(r.stars()) + "☆".repeat(5 - r.stars())),
              muted(r.tenant() + (r.mine() ? " (your workspace)" : "")));
      item.addClassName("omni-block-review");
      if (r.text() != null) {
        item.add(new Paragraph(r.text()));
      }
      box.add(item);
    }
    return box;
  }

  private Button primary(String label, String id, Runnable action) {
    Button b = new Button(label, ev -> run(action));
    b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    b.setId(id);
    return b;
  }

  private void run(Runnable action) {
    try {
      action.run();
    } catch (DomainException ex) {
      error.setText(ex.getMessage());
      error.setVisible(true);
    }
  }

  private void done(String message) {
    close();
    done.accept(message);
  }

  private static Div section(String title, com.vaadin.flow.component.Component body) {
    Div d = new Div(new H4(title), body);
    d.addClassName("omni-block-section");
    return d;
  }

  private static UnorderedList list(java.util.List<String> items) {
    UnorderedList ul = new UnorderedList();
    items.forEach(i -> ul.add(new ListItem(i)));
    return ul;
  }

  private static java.util.List<String> concat(java.util.List<String> a, java.util.List<String> b) {
    java.util.List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Span muted(String text) {
    Span s = new Span(text);
    s.addClassName("omni-muted");
    return s;
  }
}
