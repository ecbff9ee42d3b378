package io.omnireach.ui.lead;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadQuery;
import java.time.Instant;
import java.util.List;

/**
 * The leads table: person, company, stage, tags, owner, score and age. Sortable only where {@link
 * LeadQuery.Sort} can sort; rows come lazily from the page through {@link #setItems}.
 */
class LeadGrid extends Grid<Lead> {

  private static final int SHOWN_TAGS = 2;
  private static final int TAG_CHARS = 18;

  private final Column<Lead> created;

  LeadGrid(Owners owners, boolean selectable) {
    super(Lead.class, false);
    setId("leads-grid");
    addClassName("omni-lead-grid");
    addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
    setSelectionMode(selectable ? SelectionMode.MULTI : SelectionMode.NONE);
    setPageSize(50);

    addColumn(
            LitRenderer.<Lead>of(
                    // a real link (router-link: in-app navigation) for keyboard and new tabs
                    "<a class=\"omni-lead-person\" href=\"leads/${item.id}\" router-link>"
                        + "<vaadin-avatar name=\"${item.name}\" color-index=\"${item.color}\""
                        + " theme=\"small\" aria-hidden=\"true\"></vaadin-avatar>"
                        + "<div class=\"omni-lead-person-text\">"
                        + "<span class=\"omni-lead-name\">${item.name}</span>"
                        + "<span class=\"omni-lead-sub\">${item.email}</span></div></a>")
                .withProperty("id", Lead::id)
                .withProperty("name", Lead::fullName)
                .withProperty("email", LeadUi::secondLine)
                .withProperty("color", LeadUi::colorIndex))
        .setHeader("Name")
        .setKey("name")
        .setSortProperty(LeadQuery.Sort.LAST_NAME.json())
        .setFlexGrow(3)
        .setWidth("210px");
    addColumn(
            LitRenderer.<Lead>of(
                    "<div class=\"omni-lead-person-text\">"
                        + "<span class=\"omni-lead-company\">${item.company}</span>"
                        + "<span class=\"omni-lead-sub\">${item.title}</span></div>")
                .withProperty("company", l -> l.company() == null ? "—" : l.company())
                .withProperty("title", l -> l.title() == null ? "" : l.title()))
        .setHeader("Company")
        .setKey("company")
        .setSortProperty(LeadQuery.Sort.COMPANY.json())
        .setFlexGrow(2)
        .setWidth("160px");
    addColumn(
            LitRenderer.<Lead>of(
                    "<span class=\"omni-lead-stage omni-lead-stage-${item.stage}\">"
                        + "${item.label}</span>")
                .withProperty("stage", l -> l.stage().value())
                .withProperty("label", l -> LeadUi.label(l.stage())))
        .setHeader("Stage")
        .setKey("stage")
        .setWidth("156px")
        .setFlexGrow(0);
    addColumn(tagRenderer()).setHeader("Tags").setKey("tags").setFlexGrow(1).setWidth("140px");
    addColumn(
            LitRenderer.<Lead>of(
                    "<span class=\"omni-lead-owner omni-lead-owner-${item.assigned}\">"
                        + "${item.owner}</span>")
                .withProperty("owner", l -> l.ownerId() == null ? "—" : owners.name(l.ownerId()))
                .withProperty("assigned", l -> l.ownerId() != null))
        .setHeader("Owner")
        .setKey("owner")
        .setTooltipGenerator(l -> owners.name(l.ownerId()))
        .setWidth("130px")
        .setFlexGrow(1);
    addColumn(
            LitRenderer.<Lead>of(
                    "<div class=\"omni-lead-score\"><div class=\"omni-lead-score-bar\">"
                        + "<span style=\"width: ${item.score}%\"></span></div>"
                        + "<span class=\"omni-lead-score-value\">${item.score}</span></div>")
                .withProperty("score", Lead::score))
        .setHeader("Score")
        .setKey("score")
        .setSortProperty(LeadQuery.Sort.SCORE.json())
        .setWidth("110px")
        .setFlexGrow(0);
    addColumn(
            LitRenderer.<Lead>of(
                    "<div class=\"omni-lead-score omni-lead-relationship\">"
                        + "<div class=\"omni-lead-score-bar\">"
                        + "<span style=\"width: ${item.score}%\"></span></div>"
                        + "<span class=\"omni-lead-score-value\">${item.score}</span></div>")
                .withProperty("score", Lead::relationshipScore))
        .setHeader("Relationship")
        .setKey("relationship")
        .setTooltipGenerator(l -> "Relationship score (replies, opens, clicks, meetings, bounces)")
        .setSortProperty(LeadQuery.Sort.RELATIONSHIP.json())
        .setWidth("130px")
        .setFlexGrow(0);
    created =
        addColumn(l -> LeadUi.ago(l.createdAt(), Instant.now()))
            .setHeader("Created")
            .setKey("created")
            .setSortProperty(LeadQuery.Sort.CREATED.json())
            .setTooltipGenerator(l -> LeadUi.DATE_TIME.format(l.createdAt()))
            .setTextAlign(ColumnTextAlign.END)
            .setWidth("124px")
            .setFlexGrow(0);
    sort(GridSortOrder.desc(created).build());
  }

  /**
   * As many tags as fit the column (at least one) as pills, and "+n" for the rest; empty pills are
   * hidden by the stylesheet.
   */
  private static LitRenderer<Lead> tagRenderer() {
    StringBuilder template = new StringBuilder("<div class=\"omni-lead-tags\">");
    for (int i = 0; i < SHOWN_TAGS; i++) {
      template.append("<span class=\"omni-lead-tag\">${item.t").append(i).append("}</span>");
    }
    template.append("<span class=\"omni-lead-tag omni-lead-tag-more\">${item.more}</span></div>");
    LitRenderer<Lead> renderer = LitRenderer.of(template.toString());
    for (int i = 0; i < SHOWN_TAGS; i++) {
      int index = i;
      renderer.withProperty("t" + i, l -> shownTags(l.tags()) > index ? l.tags().get(index) : "");
    }
    return renderer.withProperty(
        "more",
        l ->
            l.tags().size() > shownTags(l.tags())
                ? "+" + (l.tags().size() - shownTags(l.tags()))
                : "");
  }

  /** How many of the first tags fit in about {@value #TAG_CHARS} characters. */
  static int shownTags(List<String> tags) {
    int shown = 0;
    int used = 0;
    for (String tag : tags) {
      used += tag.length() + 3;
      if (shown == SHOWN_TAGS || (shown > 0 && used > TAG_CHARS)) {
        break;
      }
      shown++;
    }
    return shown;
  }
}
