package io.omnireach.ui.lead;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.omnireach.lead.LeadQuery;
import io.omnireach.lead.Stage;
import io.omnireach.user.Member;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Search and filters above the grid. A picker adds its filter as a chip and empties itself; a chip
 * removes its filter. Reports every change as a new {@link LeadQuery} (without sort order).
 */
class LeadFilters extends Div {

  private final TextField search = new TextField();
  private final Select<Stage> stage = new Select<>();
  private final ComboBox<String> tag = new ComboBox<>();
  private final ComboBox<String> industry = new ComboBox<>();
  private final ComboBox<Member> owner = new ComboBox<>();
  private final Div chips = new Div();
  private final Owners owners;
  private final Consumer<LeadQuery> changed;
  private LeadQuery query = LeadQuery.all();

  LeadFilters(Owners owners, List<String> tags, List<String> industries, Consumer<LeadQuery> l) {
    this.owners = owners;
    this.changed = l;
    addClassName("omni-lead-filters");

    search.setId("lead-search");
    search.setPlaceholder("Search name, email or company");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.setValueChangeTimeout(300);
    search.addClassName("omni-lead-search");
    search.addValueChangeListener(e -> update(query.withText(e.getValue())));

    stage.setId("filter-stage");
    stage.setPlaceholder("Stage");
    stage.setItems(Stage.values());
    stage.setRenderer(LeadUi.stageRenderer());
    stage.setItemLabelGenerator(LeadUi::label);
    picked(stage, s -> query.withStage(s));

    tag.setId("filter-tag");
    tag.setPlaceholder("Tag");
    tag.setItems(tags);
    picked(tag, t -> query.withTag(t));

    industry.setId("filter-industry");
    industry.setPlaceholder("Industry");
    industry.setItems(industries);
    picked(industry, i -> query.withIndustry(i));

    owner.setId("filter-owner");
    owner.setPlaceholder("Owner");
    owner.setItems(owners.all());
    owner.setItemLabelGenerator(Member::displayName);
    picked(owner, m -> query.withOwner(m.userId()));

    stage.addClassName("omni-lead-picker");
    tag.addClassName("omni-lead-picker");
    industry.addClassName("omni-lead-picker");
    owner.addClassName("omni-lead-picker");
    Div pickers = new Div(stage, tag, industry, owner);
    pickers.addClassName("omni-lead-pickers");
    Div row = new Div(search, pickers);
    row.addClassName("omni-lead-filter-row");
    chips.addClassName("omni-lead-chips");
    chips.setId("lead-chips");
    add(row, chips);
  }

  private <T> void picked(AbstractField<?, T> picker, Function<T, LeadQuery> apply) {
    picker.addValueChangeListener(
        e -> {
          if (e.getValue() == null || !e.isFromClient()) {
            return;
          }
          LeadQuery next = apply.apply(e.getValue());
          picker.clear();
          update(next);
        });
  }

  /** New choices for the tag and industry pickers, after leads changed. */
  void options(List<String> tags, List<String> industries) {
    tag.setItems(tags);
    industry.setItems(industries);
  }

  LeadQuery query() {
    return query;
  }

  /** True when the person narrowed the list in any way. */
  boolean active() {
    return query.text() != null
        || query.stage() != null
        || query.tag() != null
        || query.industry() != null
        || query.ownerId() != null;
  }

  void clearAll() {
    query = LeadQuery.all();
    if (search.isEmpty()) {
      update(query);
    } else {
      search.clear(); // its listener reports the change once
    }
  }

  private void update(LeadQuery next) {
    query = next;
    renderChips();
    changed.accept(query);
  }

  private void renderChips() {
    chips.removeAll();
    if (query.stage() != null) {
      chips.add(chip("stage", "Stage", LeadUi.label(query.stage()), query.withStage(null)));
    }
    if (query.tag() != null) {
      chips.add(chip("tag", "Tag", query.tag(), query.withTag(null)));
    }
    if (query.industry() != null) {
      chips.add(chip("industry", "Industry", query.industry(), query.withIndustry(null)));
    }
    if (query.ownerId() != null) {
      chips.add(chip("owner", "Owner", owners.name(query.ownerId()), query.withOwner(null)));
    }
    // hidden by the stylesheet while empty (not setVisible: Flow stops syncing hidden children)
    if (chips.getComponentCount() > 0) {
      Button clear = new Button("Clear filters", e -> clearAll());
      clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
      clear.setId("chip-clear");
      chips.add(clear);
    }
  }

  private Div chip(String key, String label, String value, LeadQuery without) {
    Span name = new Span(label);
    name.addClassName("omni-lead-chip-label");
    Span text = new Span(value);
    text.addClassName("omni-lead-chip-value");
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> update(without));
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    remove.setAriaLabel("Remove filter " + label + " " + value);
    remove.setId("chip-" + key + "-remove");
    Div chip = new Div(name, text, remove);
    chip.addClassName("omni-lead-chip");
    chip.setId("chip-" + key);
    return chip;
  }
}
