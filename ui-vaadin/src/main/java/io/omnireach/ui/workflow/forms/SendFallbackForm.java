package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Send with fallback: the order to try the channels in, and each chosen channel's content edited by
 * that channel's own step form (Send email, Send SMS, LinkedIn task) in a section of its own.
 */
public final class SendFallbackForm implements NodeFormProvider {

  static final String NONE = "";
  static final List<String> CHANNELS = List.of("email", "linkedin", "sms");

  @Override
  public String type() {
    return "send_fallback";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    List<String> current = new ArrayList<>();
    JsonArray saved = NodeForm.array(c, "channels");
    for (int i = 0; i < saved.length(); i++) {
      String ch = saved.get(i).asString();
      if (CHANNELS.contains(ch) && !current.contains(ch)) {
        current.add(ch);
      }
    }
    List<Select<String>> order = new ArrayList<>();
    Div row = new Div();
    row.addClassName("omni-fallback-order");
    for (int i = 0; i < CHANNELS.size(); i++) {
      Select<String> pick = new Select<>();
      pick.setId("node-fallback-" + (i + 1));
      pick.setLabel(i == 0 ? "Try first" : "then");
      List<String> items = new ArrayList<>();
      if (i > 0) {
        items.add(NONE);
      }
      items.addAll(CHANNELS);
      pick.setItems(items);
      pick.setItemLabelGenerator(SendFallbackForm::label);
      pick.setValue(i < current.size() ? current.get(i) : i == 0 ? "email" : NONE);
      order.add(pick);
      row.add(pick);
    }
    form.add(row);
    form.note(
        "A channel is skipped when the lead has no address on it (email, phone, LinkedIn URL),"
            + " no consent, when it is not set up, or its mailbox or number is at the daily cap;"
            + " the run log says why. When none can send, the step goes down “none”.");
    Map<String, Div> sections = new LinkedHashMap<>();
    Map<String, NodeForm> inner = new LinkedHashMap<>();
    inner.put("email", new SendEmailForm().create(NodeForm.object(c, "email"), ctx));
    inner.put("linkedin", new LinkedInTaskForm().create(NodeForm.object(c, "linkedin"), ctx));
    inner.put("sms", new SendSmsForm().create(NodeForm.object(c, "sms"), ctx));
    for (Map.Entry<String, NodeForm> e : inner.entrySet()) {
      String ch = e.getKey();
      Div section = form.embed(ch, label(ch), e.getValue(), c, () -> chosen(order).contains(ch));
      section.setId("node-fallback-" + ch);
      sections.put(ch, section);
    }
    Runnable sync =
        () -> {
          List<String> chosen = chosen(order);
          sections.forEach((ch, s) -> s.setVisible(chosen.contains(ch)));
        };
    order.forEach(p -> p.addValueChangeListener(e -> sync.run()));
    sync.run();
    form.check(
        () -> {
          boolean ok = true;
          List<String> seen = new ArrayList<>();
          for (Select<String> p : order) {
            String v = p.getValue();
            boolean twice = v != null && !v.isEmpty() && seen.contains(v);
            ok &= NodeForm.valid(p, !twice, "Already tried before.");
            if (v != null && !v.isEmpty()) {
              seen.add(v);
            }
          }
          return ok & NodeForm.valid(order.get(0), !seen.isEmpty(), "Choose the first channel.");
        });
    form.writes(
        out -> {
          JsonArray arr = Json.createArray();
          chosen(order).forEach(ch -> arr.set(arr.length(), ch));
          out.put("channels", arr);
        },
        "channels");
    return form;
  }

  /** The channels picked, in order, each once. */
  private static List<String> chosen(List<Select<String>> order) {
    List<String> out = new ArrayList<>();
    for (Select<String> p : order) {
      String v = p.getValue();
      if (v != null && !v.isEmpty() && !out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  static String label(String channel) {
    return switch (channel) {
      case "email" -> "Email";
      case "linkedin" -> "LinkedIn task";
      case "sms" -> "SMS";
      default -> "— nothing more";
    };
  }
}
