package io.omnireach.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.omnireach.ai.AiSettings;
import io.omnireach.ai.AiSettingsRepository;
import io.omnireach.ai.AiSettingsUpdate;
import io.omnireach.ai.AiUsage;
import io.omnireach.ai.GenerationService;
import io.omnireach.ai.Provider;
import io.omnireach.auth.AuthenticatedUser;
import io.omnireach.common.DomainException;
import io.omnireach.tenant.TenantRef;
import io.omnireach.ui.security.UiSession;
import io.omnireach.user.Permission;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Settings → AI: which provider and model write drafts, the API key (write-only), temperature and
 * monthly token budget, the embedding model, plus this month's usage. Who holds settings.manage
 * edits (as PUT /settings/ai requires), who holds billing.read sees this month's AI cost in total
 * and per workflow ({@link AiCostSection}, as GET /ai/costs requires); everyone else sees a
 * summary. With no key the panel says plainly that the offline generator is in use.
 */
public class AiSettingsPanel extends Div {

  private final AiSettingsRepository settings;
  private final GenerationService generation;
  private final io.omnireach.ai.AiLedger ledger;
  private final AiCostSection costs = new AiCostSection();
  private final AuthenticatedUser user;
  private final Span status = new Span();
  private final Paragraph summary = new Paragraph();
  private final Paragraph usage = new Paragraph();
  private final Select<Provider> provider = new Select<>();
  private final TextField model = new TextField("Model");
  private final PasswordField apiKey = new PasswordField("API key");
  private final NumberField temperature = new NumberField("Temperature");
  private final IntegerField budget = new IntegerField("Monthly token budget");
  private final TextField embeddingModel = new TextField("Embedding model");
  private final Button removeKey = new Button("Remove key");

  /** May change the AI settings (settings.manage). */
  private final boolean manage;

  /** May see what AI costs, in total and per workflow (billing.read). */
  private final boolean billing;

  @Inject
  public AiSettingsPanel(
      AiSettingsRepository settings,
      GenerationService generation,
      io.omnireach.ai.AiLedger ledger) {
    this.settings = settings;
    this.generation = generation;
    this.ledger = ledger;
    this.user = UiSession.require();
    this.manage = UiSession.can(user, Permission.SETTINGS_MANAGE);
    this.billing = UiSession.can(user, Permission.BILLING_READ);
    setId("ai-settings");
    addClassName("omni-panel");
    status.setId("ai-generator-status");
    Div head = new Div(new H3("AI"), status);
    head.addClassName("omni-panel-head");
    summary.addClassName("omni-muted");
    usage.setId("ai-usage");
    usage.addClassName("omni-muted");
    add(head, summary);
    if (user.tenant() == null) {
      return;
    }
    if (manage) {
      add(form());
    }
    add(usage);
    if (billing) {
      add(costs); // what each workflow's AI steps cost: for whoever pays
    }
    refresh();
  }

  private TenantRef tenant() {
    return user.tenant().ref();
  }

  private FormLayout form() {
    provider.setLabel("Provider");
    provider.setItems(Provider.values());
    provider.setItemLabelGenerator(p -> p == Provider.OPENROUTER ? "OpenRouter" : "Mistral");
    provider.setId("ai-provider");
    model.setId("ai-model");
    model.setHelperText("e.g. openai/gpt-4o-mini on OpenRouter, mistral-small-latest on Mistral");
    apiKey.setId("ai-api-key");
    apiKey.setValueChangeMode(ValueChangeMode.EAGER);
    temperature.setId("ai-temperature");
    temperature.setMin(0);
    temperature.setMax(2);
    temperature.setStep(0.1);
    temperature.setStepButtonsVisible(true);
    budget.setId("ai-budget");
    budget.setMin(1);
    budget.setHelperText("Tokens per calendar month; generation stops when they are spent");
    embeddingModel.setId("ai-embedding-model");
    embeddingModel.setPlaceholder("all-MiniLM-L6-v2 (in-process)");
    embeddingModel.setClearButtonVisible(true);
    embeddingModel.setHelperText(
        "For the knowledge base and lead history, used while a key is set: e.g. mistral-embed, or"
            + " openai/text-embedding-3-small on OpenRouter. Empty: the in-process model. A"
            + " change re-embeds everything in the background (progress on the Knowledge page).");
    Button save = new Button("Save AI settings", e -> save(false));
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setId("ai-save");
    removeKey.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    removeKey.setId("ai-remove-key");
    removeKey.addClickListener(e -> save(true));
    FormLayout form = new FormLayout(provider, model, apiKey, temperature, budget, embeddingModel);
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
    Div actions = new Div(save, removeKey);
    actions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)");
    form.add(actions, 2);
    return form;
  }

  private void save(boolean dropKey) {
    if (!UiSession.permits(Permission.SETTINGS_MANAGE)) {
      return;
    }
    String key = dropKey ? "" : apiKey.getValue().isBlank() ? null : apiKey.getValue();
    Integer b = budget.getValue();
    // sent only when changed: a change of embedding model starts a re-embedding
    String embedding = embeddingModel.getValue() == null ? "" : embeddingModel.getValue().strip();
    String currentEmbedding = settings.get(tenant()).embeddingModel();
    if (embedding.equals(currentEmbedding == null ? "" : currentEmbedding)) {
      embedding = null;
    }
    try {
      settings.update(
          tenant(),
          new AiSettingsUpdate(
              provider.getValue() == null ? null : provider.getValue().name(),
              model.getValue(),
              key,
              temperature.getValue(),
              b == null ? null : b.longValue(),
              embedding),
          user.email());
      apiKey.clear();
      toast(
          dropKey
              ? "API key removed: drafts now come from the offline generator."
              : "AI settings saved.",
          false);
    } catch (DomainException ex) {
      showError(ex);
    }
    refresh();
  }

  private void showError(DomainException ex) {
    String field = ex.field() == null ? "" : ex.field();
    switch (field) {
      case "model" -> invalid(model, ex);
      case "apiKey" -> invalid(apiKey, ex);
      case "temperature" -> invalid(temperature, ex);
      case "monthlyTokenBudget" -> invalid(budget, ex);
      case "embeddingModel" -> invalid(embeddingModel, ex);
      default -> toast(ex.getMessage(), true);
    }
  }

  private static void invalid(com.vaadin.flow.component.HasValidation field, DomainException ex) {
    field.setInvalid(true);
    field.setErrorMessage(ex.getMessage());
  }

  private void refresh() {
    AiSettings s = settings.get(tenant());
    boolean online = s.keyConfigured();
    status.setText(online ? label(s.provider()) + " · " + s.model() : "Offline generator");
    status.getElement().getThemeList().clear();
    status.getElement().getThemeList().add(online ? "badge success pill" : "badge contrast pill");
    summary.setText(
        online
            ? "Drafts are written by "
                + label(s.provider())
                + " ("
                + s.model()
                + ", temperature "
                + s.temperature()
                + ") with the key ending in "
                + s.keyHint()
                + ". Identical requests are answered from the cache."
            : "No API key is set, so drafts come from the offline generator: templates that"
                + " follow the persona's tone and the lead's company, title and industry."
                + (manage ? " Add an OpenRouter or Mistral key to use AI." : ""));
    if (manage) {
      provider.setValue(s.provider());
      model.setValue(s.model());
      temperature.setValue(s.temperature());
      budget.setValue((int) Math.min(Integer.MAX_VALUE, s.monthlyTokenBudget()));
      embeddingModel.setValue(s.embeddingModel() == null ? "" : s.embeddingModel());
      apiKey.setPlaceholder(online ? "•••• " + s.keyHint() + " (leave empty to keep)" : "not set");
      removeKey.setVisible(online);
      for (var f :
          new com.vaadin.flow.component.HasValidation[] {
            model, apiKey, temperature, budget, embeddingModel
          }) {
        f.setInvalid(false);
      }
    }
    AiUsage u = generation.usage(tenant());
    usage.setText(
        "AI usage this month: "
            + String.format(Locale.ROOT, "%,d", u.totalTokens())
            + " of "
            + String.format(Locale.ROOT, "%,d", s.monthlyTokenBudget())
            + " tokens, "
            + AiCostSection.usd(u.costUsd())
            + " ("
            + u.calls()
            + (u.calls() == 1 ? " call" : " calls")
            + (u.cacheHits() > 0 ? ", " + u.cacheHits() + " from the cache" : "")
            + (u.unpricedCalls() > 0 ? ", " + u.unpricedCalls() + " without a price" : "")
            + ").");
    if (billing) {
      java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
      java.time.Instant from =
          now.toLocalDate().withDayOfMonth(1).atStartOfDay(now.getZone()).toInstant();
      costs.show(ledger.costs(tenant(), from, now.toInstant().plusSeconds(1)));
    }
  }

  private static String label(Provider p) {
    return p == Provider.OPENROUTER ? "OpenRouter" : "Mistral";
  }

  private void toast(String message, boolean error) {
    Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_END);
    n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
  }
}
