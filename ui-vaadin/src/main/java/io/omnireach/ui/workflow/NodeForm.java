package io.omnireach.ui.workflow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A node's settings form as a {@link NodeFormProvider} builds it: its fields, the checks that must
 * hold before Apply, and the writer of the config keys it owns. Also the small helpers forms share.
 */
public final class NodeForm {

  private final List<Component> fields = new ArrayList<>();
  private final List<BooleanSupplier> checks = new ArrayList<>();
  private final Set<String> keys = new LinkedHashSet<>();
  private Consumer<JsonObject> writer = c -> {};
  private final List<Consumer<JsonObject>> embedded = new ArrayList<>();
  private boolean editable = true;

  /** A form without settings (Start, End): a sentence, no step name, no Apply. */
  public static NodeForm info(String text) {
    NodeForm form = new NodeForm().note(text);
    form.editable = false;
    return form;
  }

  public NodeForm add(Component... components) {
    fields.addAll(Arrays.asList(components));
    return this;
  }

  /** A muted sentence under the fields. */
  public NodeForm note(String text) {
    Paragraph p = new Paragraph(text);
    p.addClassName("omni-muted");
    return add(p);
  }

  /** A check run on Apply; it marks its field invalid and returns false when it fails. */
  public NodeForm check(BooleanSupplier check) {
    checks.add(check);
    return this;
  }

  /** Writes the form's values into the new config; {@code owned} are the keys it replaces. */
  public NodeForm writes(Consumer<JsonObject> writer, String... owned) {
    this.writer = writer;
    keys.addAll(Arrays.asList(owned));
    return this;
  }

  /**
   * Embeds another node type's form for the config object under {@code key} (a fallback send holds
   * an email, an SMS and a LinkedIn config, each edited by that type's own form): its fields in a
   * titled section, its checks while {@code active}, and its writer into that object, where keys it
   * does not own pass through. Returns the section, to show or hide.
   */
  public Div embed(
      String key, String title, NodeForm inner, JsonObject config, BooleanSupplier active) {
    Div section = new Div();
    section.addClassName("omni-node-section");
    Span heading = new Span(title);
    heading.addClassName("omni-node-section-title");
    section.add(heading);
    inner.fields().forEach(section::add);
    add(section);
    checks.add(() -> !active.getAsBoolean() || inner.validate());
    JsonObject before = object(config, key);
    embedded.add(
        out -> {
          if (!active.getAsBoolean()) {
            out.put(key, before); // a channel switched off keeps its content for later
            return;
          }
          JsonObject sub = Json.createObject();
          for (String k : before.keys()) {
            if (!inner.keys().contains(k)) {
              sub.put(k, (JsonValue) before.get(k));
            }
          }
          inner.write(sub);
          out.put(key, sub);
        });
    keys.add(key);
    return section;
  }

  List<Component> fields() {
    return fields;
  }

  boolean editable() {
    return editable;
  }

  Set<String> keys() {
    return keys;
  }

  boolean validate() {
    boolean ok = true;
    for (BooleanSupplier check : checks) {
      ok &= check.getAsBoolean();
    }
    return ok;
  }

  void write(JsonObject out) {
    writer.accept(out);
    embedded.forEach(w -> w.accept(out));
  }

  /** Marks a field invalid with {@code message} unless {@code ok}; returns {@code ok}. */
  public static boolean valid(Component field, boolean ok, String message) {
    if (field instanceof HasValidation v) {
      v.setErrorMessage(ok ? null : message);
      v.setInvalid(!ok);
    }
    return ok;
  }

  /** A config value as text ("" when absent or not a scalar). */
  public static String text(JsonObject config, String key) {
    return WorkflowGraphJson.text(config, key);
  }

  public static JsonObject object(JsonObject config, String key) {
    return WorkflowGraphJson.object(config, key);
  }

  public static JsonArray array(JsonObject config, String key) {
    return WorkflowGraphJson.array(config, key);
  }

  /** A positive id in the config, or null. */
  public static Long id(JsonObject config, String key) {
    String t = text(config, key);
    return t.matches("\\d+") ? Long.valueOf(t) : null;
  }
}
