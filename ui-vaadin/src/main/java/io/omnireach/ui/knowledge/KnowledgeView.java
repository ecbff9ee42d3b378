package io.omnireach.ui.knowledge;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.knowledge.EmbeddingState;
import io.omnireach.knowledge.EmbeddingStatus;
import io.omnireach.knowledge.KnowledgeBase;
import io.omnireach.knowledge.KnowledgeDocument;
import io.omnireach.knowledge.KnowledgeHit;
import io.omnireach.knowledge.KnowledgeStatus;
import io.omnireach.knowledge.Reembedding;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.ui.shell.EmptyState;
import io.omnireach.ui.shell.MainLayout;
import io.omnireach.ui.shell.Toasts;
import io.omnireach.user.Permission;
import io.omnireach.user.Requires;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge base: upload documents (each indexed by a job, its status and progress live in the
 * grid), delete them, and try a search the way drafts retrieve passages.
 */
@Route(value = "knowledge", layout = MainLayout.class)
@PageTitle("Knowledge")
@Requires(Permission.KNOWLEDGE_READ)
public class KnowledgeView extends Div {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  private final KnowledgeBase knowledge;
  private final Reembedding reembedding;
  private final Div embeddings = new Div();
  private final TenantRef tenant;
  private final AuthenticatedUser user;
  private final Grid<KnowledgeDocument> grid = new Grid<>();
  private final Div empty = new Div();
  private final Paragraph error = new Paragraph();
  private final Div hits = new Div();
  private com.vaadin.flow.shared.Registration polling;

  @Inject
  public KnowledgeView(KnowledgeBase knowledge, Reembedding reembedding) {
    this.knowledge = knowledge;
    this.reembedding = reembedding;
    this.user = UiSession.require();
    this.tenant = user.tenant().ref();
    addClassName("omni-page");
    addClassName("omni-knowledge");

    H2 title = new H2("Knowledge");
    Paragraph intro =
        new Paragraph(
            "Documents your AI drafts draw on: account notes, product sheets, case studies."
                + " Drafts for a lead quote the passages about the lead's company and name them"
                + " as sources.");
    intro.addClassName("omni-muted");
    add(new Div(title, intro));

    error.addClassName("omni-error");
    error.setId("knowledge-error");
    error.setVisible(false);
    add(error);

    Div columns = new Div();
    columns.addClassName("omni-knowledge-columns");
    Div left = new Div();
    left.addClassName("omni-knowledge-main");
    if (UiSession.can(user, io.omnireach.user.Permission.KNOWLEDGE_MANAGE)) {
      left.add(uploadPanel());
    }
    left.add(documentsPanel());
    columns.add(left, searchPanel());
    add(columns);
  }

  @Override
  protected void onAttach(com.vaadin.flow.component.AttachEvent attach) {
    // indexing runs in a job: poll while a document is on its way, only while this page shows
    polling = attach.getUI().addPollListener(e -> refresh());
    refresh();
  }

  @Override
  protected void onDetach(com.vaadin.flow.component.DetachEvent detach) {
    if (polling != null) {
      polling.remove();
      polling = null;
    }
    detach.getUI().setPollInterval(-1);
  }

  private Component uploadPanel() {
    UI ui = UI.getCurrent();
    Upload upload =
        new Upload(
            UploadHandler.toTempFile(
                (metadata, file) -> {
                  byte[] content = Files.readAllBytes(file.toPath());
                  Files.deleteIfExists(file.toPath());
                  ui.access(
                      () -> {
                        try {
                          KnowledgeDocument d =
                              knowledge.upload(
                                  tenant,
                                  metadata.fileName(),
                                  metadata.contentType(),
                                  content,
                                  user.email());
                          error.setVisible(false);
                          Toasts.success(d.filename() + " uploaded: indexing");
                          refresh();
                        } catch (DomainException ex) {
                          showError(ex.getMessage());
                        }
                      });
                }));
    upload.setId("knowledge-upload");
    upload.setAcceptedFileTypes(
        ".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".text");
    upload.setMaxFileSize(knowledge.maxBytes());
    upload.setMaxFiles(10);
    upload.setDropLabel(
        new Span(
            "Drop PDF, DOCX, HTML, Markdown or text files here (up to "
                + knowledge.maxBytes() / (1024 * 1024)
                + " MB each)"));
    upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));
    return panel("Add documents", upload);
  }

  private Component documentsPanel() {
    grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    grid.setId("knowledge-documents");
    grid.addComponentColumn(KnowledgeView::name).setHeader("Document").setFlexGrow(1);
    grid.addComponentColumn(KnowledgeView::status)
        .setHeader("Status")
        .setWidth("180px")
        .setFlexGrow(0);
    grid.addColumn(d -> d.chunksDone()).setHeader("Chunks").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(d -> WHEN.format(d.createdAt()))
        .setHeader("Added")
        .setAutoWidth(true)
        .setFlexGrow(0);
    if (UiSession.can(user, io.omnireach.user.Permission.KNOWLEDGE_MANAGE)) {
      grid.addColumn(
              new ComponentRenderer<>(
                  d -> {
                    Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(d));
                    delete.addThemeVariants(
                        ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                    delete.setAriaLabel("Delete " + d.filename());
                    delete.setTooltipText("Delete");
                    delete.setId("knowledge-delete-" + d.id());
                    return delete;
                  }))
          .setHeader("")
          .setAutoWidth(true)
          .setFlexGrow(0);
    }
    grid.setAllRowsVisible(true);
    empty.add(
        new EmptyState(
            VaadinIcon.BOOK,
            "No documents yet",
            "Upload account notes or product sheets: drafts will cite them."));
    embeddings.setId("knowledge-embeddings");
    embeddings.addClassName("omni-knowledge-embeddings");
    return panel("Documents", embeddings, empty, grid);
  }

  private Component searchPanel() {
    TextField query = new TextField();
    query.setPlaceholder("Ask the knowledge base…");
    query.setPrefixComponent(VaadinIcon.SEARCH.create());
    query.setWidthFull();
    query.setId("knowledge-query");
    Button go = new Button("Search");
    go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    go.setId("knowledge-search");
    go.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
    hits.setId("knowledge-hits");
    hits.addClassName("omni-knowledge-hits");
    go.addClickListener(
        e -> {
          hits.removeAll();
          try {
            List<KnowledgeHit> found = knowledge.search(tenant, query.getValue(), 5);
            if (found.isEmpty()) {
              Paragraph none = new Paragraph("Nothing found in indexed documents.");
              none.addClassName("omni-muted");
              hits.add(none);
            }
            for (KnowledgeHit h : found) {
              hits.add(hit(h));
            }
            error.setVisible(false);
          } catch (DomainException ex) {
            showError(ex.getMessage());
          }
        });
    Div bar = new Div(query, go);
    bar.addClassName("omni-knowledge-searchbar");
    Paragraph hint =
        new Paragraph("The closest passages by meaning, with their cosine similarity.");
    hint.addClassName("omni-muted");
    Div panel = panel("Search", hint, bar, hits);
    panel.addClassName("omni-knowledge-search");
    return panel;
  }

  private static Component hit(KnowledgeHit h) {
    Span score = new Span(String.format(Locale.ROOT, "%.2f", h.score()));
    score.getElement().getThemeList().add("badge pill");
    score.addClassName("omni-knowledge-score");
    Span source = new Span(VaadinIcon.FILE_TEXT_O.create(), new Span(h.title()));
    source.addClassName("omni-knowledge-source");
    Div head = new Div(source, score);
    head.addClassName("omni-knowledge-hit-head");
    String text = h.text().length() > 400 ? h.text().substring(0, 400) + "…" : h.text();
    Paragraph body = new Paragraph(text);
    Div card = new Div(head, body);
    card.addClassName("omni-knowledge-hit");
    return card;
  }

  private static Component name(KnowledgeDocument d) {
    com.vaadin.flow.component.icon.Icon icon = icon(d).create();
    icon.addClassName("omni-knowledge-icon");
    Span size = new Span(size(d.sizeBytes()));
    size.addClassName("omni-muted");
    Div text = new Div(new Span(d.filename()), size);
    text.addClassName("omni-knowledge-name-text");
    text.setTitle(d.filename());
    Div name = new Div(icon, text);
    name.addClassName("omni-knowledge-name");
    return name;
  }

  private static VaadinIcon icon(KnowledgeDocument d) {
    return switch (d.mediaType()) {
      case "application/pdf" -> VaadinIcon.FILE_TEXT;
      case "text/html" -> VaadinIcon.FILE_CODE;
      default -> VaadinIcon.FILE_O;
    };
  }

  private static Component status(KnowledgeDocument d) {
    Span badge = new Span(label(d.status()));
    badge.getElement().getThemeList().add("badge pill");
    switch (d.status()) {
      case READY -> badge.getElement().getThemeList().add("success");
      case FAILED -> badge.getElement().getThemeList().add("error");
      default -> badge.getElement().getThemeList().add("contrast");
    }
    badge.setId("knowledge-status-" + d.id());
    Div cell = new Div(badge);
    cell.addClassName("omni-knowledge-status");
    if (d.status() == KnowledgeStatus.INDEXING || d.status() == KnowledgeStatus.PENDING) {
      ProgressBar bar = new ProgressBar(0, 1, d.progress());
      bar.setIndeterminate(d.chunksTotal() == null);
      cell.add(bar);
    }
    if (d.status() == KnowledgeStatus.FAILED && d.error() != null) {
      Span why = new Span(d.error());
      why.addClassName("omni-knowledge-why");
      cell.add(why);
    }
    return cell;
  }

  /**
   * Which model the vectors come from; while a model change is re-embedding them, how far it is
   * (searches use the current vectors until the switch).
   */
  private void showEmbeddings(EmbeddingState s) {
    embeddings.removeAll();
    Span icon = new Span(VaadinIcon.CLUSTER.create());
    if (s.status() == EmbeddingStatus.REINDEXING) {
      Span badge = new Span("Re-indexing");
      badge.getElement().getThemeList().add("badge pill contrast");
      badge.setId("knowledge-embeddings-status");
      Span what =
          new Span(
              String.format(
                  Locale.ROOT,
                  "%s → %s: %,d of %,d passages re-embedded (%d%%). Search uses %s until then.",
                  modelName(s.model()),
                  modelName(s.targetModel()),
                  s.done(),
                  s.total(),
                  Math.round(s.progress() * 100),
                  modelName(s.model())));
      what.addClassName("omni-muted");
      ProgressBar bar = new ProgressBar(0, 1, s.progress());
      bar.setId("knowledge-embeddings-progress");
      embeddings.add(new Div(icon, badge, what), bar);
      if (s.error() != null) {
        Span why = new Span("Last step failed, retrying: " + s.error());
        why.addClassName("omni-knowledge-why");
        embeddings.add(why);
      }
    } else {
      Span badge = new Span("Embeddings");
      badge.getElement().getThemeList().add("badge pill success");
      badge.setId("knowledge-embeddings-status");
      Span what =
          new Span(
              modelName(s.model())
                  + (s.model().startsWith("local:") ? " (in-process)" : "")
                  + ", "
                  + s.dimensions()
                  + " dimensions");
      what.addClassName("omni-muted");
      embeddings.add(new Div(icon, badge, what));
      if (s.error() != null) {
        Span why = new Span("The new embedding model could not start: " + s.error());
        why.addClassName("omni-knowledge-why");
        embeddings.add(why);
      }
    }
  }

  private static String modelName(String id) {
    return id != null && id.startsWith("local:all-minilm") ? "all-MiniLM-L6-v2" : id;
  }

  private static String label(KnowledgeStatus s) {
    return switch (s) {
      case PENDING -> "Waiting";
      case INDEXING -> "Indexing";
      case READY -> "Ready";
      case FAILED -> "Failed";
    };
  }

  private static String size(int bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  private void confirmDelete(KnowledgeDocument d) {
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete " + d.filename() + "?",
            "Its passages are removed from the knowledge base; drafts stop citing it.",
            "Delete",
            e -> {
              try {
                knowledge.delete(tenant, d.id(), user.email());
                Toasts.success(d.filename() + " deleted");
              } catch (DomainException ex) {
                showError(ex.getMessage());
              }
              refresh();
            });
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    dialog.open();
  }

  private void refresh() {
    List<KnowledgeDocument> docs = knowledge.list(tenant);
    grid.setItems(docs);
    grid.setVisible(!docs.isEmpty());
    empty.setVisible(docs.isEmpty());
    boolean busy =
        docs.stream()
            .anyMatch(
                d ->
                    d.status() == KnowledgeStatus.PENDING
                        || d.status() == KnowledgeStatus.INDEXING);
    EmbeddingState state = reembedding.state(tenant);
    showEmbeddings(state);
    boolean reindexing = state.status() == EmbeddingStatus.REINDEXING;
    getUI().ifPresent(ui -> ui.setPollInterval(busy ? 700 : reindexing ? 3000 : -1));
  }

  private void showError(String message) {
    error.setText(message);
    error.setVisible(true);
  }

  private static Div panel(String title, Component... content) {
    Div panel = new Div(new H3(title));
    panel.add(content);
    panel.addClassName("omni-panel");
    return panel;
  }
}
