package io.omnireach.ui.leadimport;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.lead.DuplicatePolicy;
import io.omnireach.lead.ImportMapping;
import io.omnireach.lead.ImportStore;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.LeadImport;
import io.omnireach.lead.LeadImports;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upload → map columns (with a preview) → duplicate policy → live progress → error report. */
@Route(value = "leads/import", layout = MainLayout.class)
@PageTitle("Import leads")
@Requires(Permission.LEADS_IMPORT)
public class LeadImportView extends Div {

  private static final String CUSTOM = "Custom field";
  private static final String IGNORE = "Ignore";

  private final LeadImports leadImports;
  private final ImportStore store;
  private final TenantRef tenant;
  private final AuthenticatedUser user;
  private final Div body = new Div();
  private final Div steps = new Div();

  /** The uploaded file while its columns are being mapped: deleted unless its import starts. */
  private Path waiting;

  @Inject
  public LeadImportView(LeadImports leadImports, ImportStore store) {
    this.leadImports = leadImports;
    this.store = store;
    this.user = UiSession.require();
    this.tenant = user.tenant().ref();
    addClassName("omni-page");
    addClassName("omni-import");
    body.addClassName("omni-import-body");
    steps.addClassName("omni-import-steps");
    add(steps, body);
    addDetachListener(e -> abandon());
    showUpload();
  }

  private void markStep(int current) {
    steps.removeAll();
    String[] names = {"Upload", "Map columns", "Import"};
    for (int i = 0; i < names.length; i++) {
      Span dot = new Span(Integer.toString(i + 1));
      dot.addClassName("omni-import-dot");
      Div step = new Div(dot, new Span(names[i]));
      step.addClassName("omni-import-step");
      if (i < current) {
        step.addClassName("done");
      } else if (i == current) {
        step.addClassName("current");
      }
      steps.add(step);
    }
  }

  // ---- step 1 ---------------------------------------------------------------------------

  private void showUpload() {
    abandon();
    markStep(0);
    body.removeAll();
    UI ui = UI.getCurrent();
    Upload upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) ->
                    ui.access(
                        () -> {
                          try {
                            Path stored = leadImports.adopt(tenant, file.toPath());
                            abandon();
                            waiting = stored;
                            showMapping(stored, metadata.fileName());
                          } catch (DomainException e) {
                            error(e.getMessage());
                          }
                        })));
    upload.setId("import-upload");
    upload.setAcceptedFileTypes(".csv", "text/csv", ".txt");
    upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, leadImports.maxBytes()));
    upload.setDropLabel(
        new Span("Drop a CSV file here (UTF-8 or Latin-1; comma, semicolon or tab)"));
    upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
    Paragraph hint =
        new Paragraph(
            "Columns are matched to lead fields automatically (email is required). You check the"
                + " mapping and a preview before anything is stored.");
    hint.addClassName("omni-muted");
    add(card("Upload a CSV file", hint, upload));
  }

  // ---- step 2 ---------------------------------------------------------------------------

  private void showMapping(Path file, String fileName) {
    LeadImports.Preview preview;
    try {
      preview = leadImports.preview(file, 5);
    } catch (DomainException e) {
      error(e.getMessage());
      return;
    }
    markStep(1);
    body.removeAll();
    Div facts =
        new Div(
            chip(VaadinIcon.FILE_TEXT_O, fileName),
            chip(VaadinIcon.TEXT_LABEL, preview.layout().encodingName()),
            chip(VaadinIcon.ELLIPSIS_H, preview.layout().delimiterName() + " separated"),
            chip(VaadinIcon.GRID_H, preview.headers().size() + " columns"));
    facts.addClassName("omni-import-facts");

    Map<String, Select<String>> choices = new LinkedHashMap<>();
    Div mappingRows = new Div();
    mappingRows.addClassName("omni-import-mapping");
    List<String> targets = new ArrayList<>();
    for (LeadField f : LeadField.values()) {
      targets.add(f.json());
    }
    targets.add(CUSTOM);
    targets.add(IGNORE);
    for (int i = 0; i < preview.headers().size(); i++) {
      String header = preview.headers().get(i);
      Select<String> target = new Select<>();
      target.setItems(targets);
      target.setItemLabelGenerator(LeadImportView::label);
      String auto = preview.mapping().targets().get(header);
      target.setValue(
          auto.startsWith(ImportMapping.CUSTOM)
              ? CUSTOM
              : auto.equals(ImportMapping.IGNORE) ? IGNORE : auto);
      target.setId("map-" + i);
      choices.put(header, target);
      String sample =
          preview.rows().isEmpty() || preview.rows().get(0).size() <= i
              ? ""
              : preview.rows().get(0).get(i);
      Span name = new Span(header.isBlank() ? "(no header)" : header);
      name.addClassName("omni-import-header");
      Span example = new Span(sample);
      example.addClassName("omni-muted");
      Div left = new Div(name, example);
      Div row = new Div(left, new Span("→"), target);
      row.addClassName("omni-import-map-row");
      mappingRows.add(row);
    }

    Grid<List<String>> grid = new Grid<>();
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    for (int i = 0; i < preview.headers().size(); i++) {
      int col = i;
      grid.addColumn(r -> r.size() > col ? r.get(col) : "")
          .setHeader(preview.headers().get(i))
          .setAutoWidth(true);
    }
    grid.setItems(preview.rows());
    grid.setAllRowsVisible(true);
    grid.setId("import-preview");

    RadioButtonGroup<DuplicatePolicy> policy =
        new RadioButtonGroup<>("When an email already exists");
    policy.setItems(DuplicatePolicy.values());
    policy.setItemLabelGenerator(
        p ->
            switch (p) {
              case SKIP -> "Skip the row (keep the stored lead)";
              case UPDATE -> "Update the lead with the row's values";
              case CREATE -> "Report the row as an error";
            });
    policy.setValue(DuplicatePolicy.SKIP);
    policy.setId("import-policy");

    Button start = new Button("Start import", VaadinIcon.PLAY.create());
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.setId("import-start");
    start.addClickListener(
        e -> {
          Map<String, String> overrides = new LinkedHashMap<>();
          choices.forEach(
              (header, select) -> {
                String v = select.getValue();
                overrides.put(
                    header,
                    CUSTOM.equals(v)
                        ? ImportMapping.CUSTOM + header
                        : IGNORE.equals(v) ? ImportMapping.IGNORE : v);
              });
          try {
            waiting = null; // the import owns the file now (start deletes it if it cannot)
            long id =
                leadImports.start(
                    tenant, file, fileName, overrides, policy.getValue(), user.email());
            showProgress(id);
          } catch (DomainException ex) {
            error(ex.getMessage());
          }
        });
    Button cancel = new Button("Choose another file", ev -> showUpload());
    cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    Div actions = new Div(cancel, start);
    actions.addClassName("omni-import-actions");

    add(card("Check the columns", facts, mappingRows));
    add(card("Preview · first rows", grid));
    add(card("Duplicates", policy, actions));
  }

  // ---- step 3 ---------------------------------------------------------------------------

  private void showProgress(long id) {
    markStep(2);
    body.removeAll();
    ProgressBar bar = new ProgressBar(0, 1);
    bar.setId("import-progress");
    Span status = new Span();
    status.setId("import-status");
    status.addClassName("omni-import-status");
    Div counters = new Div();
    counters.addClassName("omni-import-counters");
    Div done = new Div();
    add(card("Importing", status, bar, counters, done));
    UI ui = UI.getCurrent();
    ui.setPollInterval(500);
    Runnable refresh =
        () -> {
          LeadImport imp = store.get(tenant, id);
          bar.setValue(imp.progress());
          status.setText(
              imp.isFinished()
                  ? (imp.status().equals("COMPLETED")
                      ? "Import finished"
                      : "Import failed: " + imp.error())
                  : "Reading " + imp.fileName() + " · " + Math.round(imp.progress() * 100) + " %");
          counters.removeAll();
          counters.add(
              counter("processed", imp.processed(), "rows read"),
              counter("imported", imp.imported(), "new leads"),
              counter("updated", imp.updated(), "updated"),
              counter("skipped", imp.skipped(), "skipped"),
              counter("failed", imp.failed(), "with errors"));
          if (imp.isFinished() && done.getChildren().findAny().isEmpty()) {
            ui.setPollInterval(-1);
            Button view = new Button("View leads", e -> ui.navigate("leads"));
            view.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            view.setId("import-view-leads");
            done.add(view);
            if (imp.failed() > 0 || imp.skipped() > 0) {
              DownloadHandler errors =
                  event -> {
                    event.setFileName("import-" + id + "-errors.csv");
                    event.setContentType("text/csv");
                    Writer writer =
                        new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
                    store.writeErrors(tenant, id, writer);
                    writer.flush();
                  };
              Anchor report = new Anchor(errors, "Download error report");
              report.setId("import-errors");
              done.add(report);
            }
            Button again = new Button("Import another file", e -> showUpload());
            again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            done.add(again);
            done.addClassName("omni-import-actions");
          }
        };
    refresh.run();
    ui.addPollListener(e -> refresh.run());
  }

  // ---- pieces ---------------------------------------------------------------------------

  /** Deletes an upload that was not imported (another file chosen, or the page left). */
  private void abandon() {
    if (waiting != null) {
      leadImports.discard(tenant, waiting);
      waiting = null;
    }
  }

  private void add(Component c) {
    body.add(c);
  }

  private static Div card(String title, Component... content) {
    Div card = new Div(new H3(title));
    card.add(content);
    card.addClassName("omni-panel");
    return card;
  }

  private static Span chip(VaadinIcon icon, String text) {
    Span chip = new Span(icon.create(), new Span(text));
    chip.addClassName("omni-chip");
    return chip;
  }

  private static Div counter(String id, int value, String label) {
    Span number = new Span(Integer.toString(value));
    number.addClassName("omni-card-value");
    number.setId("import-" + id);
    Span text = new Span(label);
    text.addClassName("omni-card-label");
    Div d = new Div(number, text);
    d.addClassName("omni-import-counter");
    return d;
  }

  private void error(String message) {
    Paragraph p = new Paragraph(message);
    p.addClassName("omni-error");
    p.setId("import-error");
    body.getChildren()
        .filter(c -> "import-error".equals(c.getId().orElse(null)))
        .toList()
        .forEach(body::remove);
    body.addComponentAsFirst(p);
  }

  private static String label(String target) {
    if (CUSTOM.equals(target) || IGNORE.equals(target)) {
      return target;
    }
    String spaced = target.replaceAll("([A-Z])", " $1").toLowerCase();
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
