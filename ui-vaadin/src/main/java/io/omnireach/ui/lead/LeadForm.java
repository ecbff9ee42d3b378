package io.omnireach.ui.lead;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;
import io.omnireach.common.DomainException;
import io.omnireach.lead.Lead;
import io.omnireach.lead.LeadDraft;
import io.omnireach.lead.LeadField;
import io.omnireach.lead.Stage;
import io.omnireach.user.Member;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates or edits one lead: a field for every {@link LeadField}, Bean Validation while typing,
 * core's rules on save. Raises {@link SaveEvent} with a {@link LeadDraft} and {@link CloseEvent};
 * whoever stores the draft hands a rejection back through {@link #showError}.
 */
public class LeadForm extends FormLayout {

  static final List<String> COMPANY_SIZES =
      List.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5000+");

  private final TextField firstName = new TextField("First name");
  private final TextField lastName = new TextField("Last name");
  private final EmailField email = new EmailField("Email");
  private final TextField phone = new TextField("Phone");
  private final TextField title = new TextField("Job title");
  private final TextField linkedinUrl = new TextField("LinkedIn");
  private final TextField company = new TextField("Company");
  private final TextField website = new TextField("Website");
  private final ComboBox<String> industry = new ComboBox<>("Industry");
  private final ComboBox<String> companySize = new ComboBox<>("Company size");
  private final ComboBox<String> country = new ComboBox<>("Country");
  private final ComboBox<String> timezone = new ComboBox<>("Time zone");
  private final Select<Stage> stage = new Select<>();
  private final IntegerField score = new IntegerField("Score");
  private final ComboBox<Member> owner = new ComboBox<>("Owner");
  private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
  private final Checkbox doNotContact = new Checkbox("Do not contact");
  private final Div problem = new Div();

  private final Button save = new Button("Save lead");
  private final Button cancel = new Button("Cancel");

  private final BeanValidationBinder<LeadFormModel> binder =
      new BeanValidationBinder<>(LeadFormModel.class);
  private final Map<LeadField, HasValidationProperties> fields = new EnumMap<>(LeadField.class);
  private final List<String> tagItems = new ArrayList<>();
  private final List<String> industryItems = new ArrayList<>();
  private Lead editing;

  public LeadForm(Owners owners, List<String> knownTags, List<String> knownIndustries) {
    setId("lead-form");
    addClassName("omni-lead-form");
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("420px", 2));
    configureFields(owners, knownTags, knownIndustries);
    bind(owners);
    problem.addClassNames("omni-error", "omni-lead-form-problem");
    problem.setVisible(false);
    add(problem);
    setColspan(problem, 2);
    section("Person", VaadinIcon.USER);
    add(firstName, lastName, email, phone, title, linkedinUrl);
    section("Company", VaadinIcon.BUILDING);
    add(company, website, industry, companySize, country, timezone);
    section("Pipeline", VaadinIcon.FUNNEL);
    add(stage, score, owner, tags, doNotContact);
    setColspan(tags, 2);
    setColspan(doNotContact, 2);

    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("lead-save");
    save.addClickListener(e -> validateAndSave());
    cancel.setId("lead-cancel");
    cancel.addClickListener(e -> fireEvent(new CloseEvent(this)));
  }

  private void configureFields(Owners owners, List<String> knownTags, List<String> industries) {
    track(LeadField.FIRST_NAME, firstName, "lead-first-name");
    track(LeadField.LAST_NAME, lastName, "lead-last-name");
    track(LeadField.EMAIL, email, "lead-email");
    track(LeadField.PHONE, phone, "lead-phone");
    track(LeadField.TITLE, title, "lead-title");
    track(LeadField.LINKEDIN_URL, linkedinUrl, "lead-linkedin");
    track(LeadField.COMPANY, company, "lead-company");
    track(LeadField.WEBSITE, website, "lead-website");
    track(LeadField.INDUSTRY, industry, "lead-industry");
    track(LeadField.COMPANY_SIZE, companySize, "lead-company-size");
    track(LeadField.COUNTRY, country, "lead-country");
    track(LeadField.TIMEZONE, timezone, "lead-timezone");
    track(LeadField.STAGE, stage, "lead-stage");
    track(LeadField.SCORE, score, "lead-score");
    track(LeadField.OWNER_ID, owner, "lead-owner");
    track(LeadField.TAGS, tags, "lead-tags");
    doNotContact.setId("lead-dnc");

    email.setHelperText("Email, phone or LinkedIn: at least one");
    phone.setPlaceholder("+14155550123");
    phone.setHelperText("International format, with country code");
    linkedinUrl.setPlaceholder("linkedin.com/in/…");
    website.setPlaceholder("example.com");

    industryItems.addAll(industries);
    industry.setItems(industryItems);
    industry.setAllowCustomValue(true);
    industry.addCustomValueSetListener(e -> industry.setValue(e.getDetail().trim()));
    companySize.setItems(COMPANY_SIZES);
    companySize.setAllowCustomValue(true);
    companySize.addCustomValueSetListener(e -> companySize.setValue(e.getDetail().trim()));

    country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
    country.setItemLabelGenerator(LeadForm::countryLabel);
    timezone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
    timezone.setPlaceholder("Europe/Berlin");

    stage.setLabel("Stage");
    stage.setItems(Stage.values());
    stage.setRenderer(LeadUi.stageRenderer());
    score.setMin(0);
    score.setMax(100);
    score.setStepButtonsVisible(true);
    owner.setItems(owners.all());
    owner.setItemLabelGenerator(Member::displayName);
    owner.setClearButtonVisible(true);
    owner.setPlaceholder("Unassigned");

    tagItems.addAll(knownTags);
    tags.setItems(tagItems);
    tags.setAllowCustomValue(true);
    tags.setPlaceholder("Type a tag and press Enter");
    tags.addCustomValueSetListener(
        e -> {
          String tag = e.getDetail().trim();
          if (tag.isEmpty()) {
            return;
          }
          if (!tagItems.contains(tag)) {
            tagItems.add(tag);
            tags.getListDataView().refreshAll();
          }
          tags.select(tag);
        });
    doNotContact.setTooltipText("Workflows never message this lead");
  }

  private <C extends HasValidationProperties> void track(LeadField field, C component, String id) {
    fields.put(field, component);
    ((Component) component).setId(id);
    if (component instanceof HasSize sized) {
      sized.setWidthFull();
    }
  }

  private void bind(Owners owners) {
    binder.forField(firstName).bind("firstName");
    binder.forField(lastName).bind("lastName");
    binder.forField(email).bind("email");
    binder.forField(phone).bind("phone");
    binder.forField(title).bind("title");
    binder.forField(linkedinUrl).bind("linkedinUrl");
    binder.forField(company).bind("company");
    binder.forField(website).bind("website");
    binder.forField(industry).bind("industry");
    binder.forField(companySize).bind("companySize");
    binder.forField(country).bind("country");
    binder.forField(timezone).bind("timezone");
    binder.forField(stage).bind("stage");
    binder.forField(score).bind("score");
    binder
        .forField(owner)
        .withConverter(
            (Member m) -> m == null ? null : m.userId(), (Long id) -> owners.find(id).orElse(null))
        .bind("ownerId");
    binder.forField(tags).bind("tags");
    binder.forField(doNotContact).bind("doNotContact");
  }

  private void section(String text, VaadinIcon icon) {
    H4 h = new H4(icon.create(), new Span(text));
    h.addClassName("omni-lead-form-section");
    add(h);
    setColspan(h, 2);
  }

  private static String countryLabel(String code) {
    return code + " · " + new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  /** Fills the form with a lead to edit, or empties it for a new one (null). */
  public void edit(Lead lead) {
    this.editing = lead;
    clearProblems();
    LeadFormModel model = lead == null ? new LeadFormModel() : LeadFormModel.of(lead);
    if (lead != null && lead.industry() != null && !industryItems.contains(lead.industry())) {
      industryItems.add(lead.industry());
      industry.getListDataView().refreshAll();
    }
    if (lead != null) {
      lead.tags().stream().filter(t -> !tagItems.contains(t)).forEach(tagItems::add);
      tags.getListDataView().refreshAll();
    }
    binder.readBean(model);
    save.setText(lead == null ? "Create lead" : "Save changes");
    firstName.focus();
  }

  /** The lead being edited, or null for a new one. */
  public Lead editing() {
    return editing;
  }

  private void validateAndSave() {
    clearProblems();
    LeadFormModel model = new LeadFormModel();
    if (binder.writeBeanIfValid(model)) {
      fireEvent(new SaveEvent(this, model.toDraft(editing == null), editing));
    }
  }

  /** Shows a rejection from core on the field it names, or above the form when it names none. */
  public void showError(DomainException e) {
    HasValidationProperties field =
        e.field() == null ? null : LeadField.forJson(e.field()).map(fields::get).orElse(null);
    if (field == null) {
      problem.setText(e.getMessage());
      problem.setVisible(true);
      return;
    }
    field.setErrorMessage(e.getMessage());
    field.setInvalid(true);
    if (field instanceof Focusable<?> focusable) {
      focusable.focus();
    }
  }

  private void clearProblems() {
    problem.setVisible(false);
    fields.values().forEach(f -> f.setInvalid(false));
  }

  /** Save and Cancel, for the drawer's footer. */
  public Button[] actions() {
    return new Button[] {cancel, save};
  }

  /** Base of the form's events; the source is the form. */
  public abstract static class LeadFormEvent extends ComponentEvent<LeadForm> {
    protected LeadFormEvent(LeadForm source) {
      super(source, false);
    }
  }

  /** The person asked to save; {@link #lead()} is null for a new lead. */
  public static final class SaveEvent extends LeadFormEvent {
    private final LeadDraft draft;
    private final Lead lead;

    SaveEvent(LeadForm source, LeadDraft draft, Lead lead) {
      super(source);
      this.draft = draft;
      this.lead = lead;
    }

    public LeadDraft draft() {
      return draft;
    }

    public Lead lead() {
      return lead;
    }
  }

  /** The person closed the form without saving. */
  public static final class CloseEvent extends LeadFormEvent {
    CloseEvent(LeadForm source) {
      super(source);
    }
  }

  public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
    return addListener(SaveEvent.class, listener);
  }

  public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
    return addListener(CloseEvent.class, listener);
  }
}
