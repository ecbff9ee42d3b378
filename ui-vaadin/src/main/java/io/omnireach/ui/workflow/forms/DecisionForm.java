package io.omnireach.ui.workflow.forms;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import elemental.json.Json;
import elemental.json.JsonObject;
import io.omnireach.lead.LeadField;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;
import java.util.Arrays;
import java.util.List;

/** Decision: the condition that sends a lead down "Yes". */
public final class DecisionForm implements NodeFormProvider {

  @Override
  public String type() {
    return "decision";
  }

  @Override
  public NodeForm create(JsonObject c, NodeFormContext ctx) {
    NodeForm form = new NodeForm();
    JsonObject cond = NodeForm.object(c, "condition");
    Select<String> kind = new Select<>();
    kind.setId("node-condition");
    kind.setLabel("Go down “Yes” when");
    kind.setItems(CONDITIONS);
    kind.setItemLabelGenerator(DecisionForm::conditionLabel);
    kind.setWidthFull();
    String k = NodeForm.text(cond, "kind");
    kind.setValue(CONDITIONS.contains(k) ? k : "replied");
    Select<String> field = new Select<>();
    field.setId("node-condition-field");
    field.setLabel("Field");
    List<String> fields =
        Arrays.stream(LeadField.values())
            .map(LeadField::json)
            .filter(f -> !f.equals("score") && !f.equals("ownerId"))
            .toList();
    field.setItems(fields);
    String f = NodeForm.text(cond, "field");
    field.setValue(fields.contains(f) ? f : "industry");
    Select<String> op = new Select<>();
    op.setId("node-condition-op");
    op.setLabel("is");
    op.setItems(OPS);
    op.setItemLabelGenerator(DecisionForm::opLabel);
    String o = NodeForm.text(cond, "op");
    op.setValue(OPS.contains(o) ? o : "eq");
    op.setWidth("10em");
    TextField value = new TextField("Value");
    value.setId("node-condition-value");
    value.setValue(NodeForm.text(cond, "value"));
    Div row = new Div(field, op, value);
    row.addClassName("omni-node-panel-row");
    Select<String> channel = new Select<>();
    channel.setId("node-condition-channel");
    channel.setLabel("Channel");
    channel.setItems(REPLY_CHANNELS);
    channel.setItemLabelGenerator(SendFallbackForm::label);
    String ch = NodeForm.text(cond, "channel");
    channel.setValue(REPLY_CHANNELS.contains(ch) ? ch : "email");
    IntegerField days = new IntegerField("Within (days)");
    days.setId("node-condition-days");
    days.setMin(1);
    days.setMax(365);
    days.setStepButtonsVisible(true);
    String d = NodeForm.text(cond, "days");
    days.setValue(d.matches("\\d+") ? Integer.parseInt(d) : 3);
    Select<String> callStatus = new Select<>();
    callStatus.setId("node-condition-call");
    callStatus.setLabel("The last automated call ended");
    callStatus.setItems(CALL_STATUSES);
    String cs = NodeForm.text(cond, "value");
    callStatus.setValue(CALL_STATUSES.contains(cs) ? cs : "completed");
    callStatus.setWidthFull();
    Div replyRow = new Div(channel, days);
    replyRow.addClassName("omni-node-panel-row");
    Paragraph hint = new Paragraph();
    hint.addClassName("omni-muted");
    Runnable sync =
        () -> {
          String v = kind.getValue();
          boolean needsValue = v.equals("field") || scored(v);
          row.setVisible(needsValue);
          field.setVisible(v.equals("field"));
          replyRow.setVisible(v.equals("no_reply"));
          callStatus.setVisible(v.equals("call"));
          hint.setText(
              v.equals("no_reply")
                  ? "Counts from this run's last send on the channel: waits until the days are"
                      + " over, then goes down “Yes” if the lead did not answer there (an answer"
                      + " goes down “No” at once). Nothing sent on the channel: “No”."
                  : needsValue
                      ? "Leads that match go down “Yes”, the others down “No”."
                      : "Counts events since the lead entered this workflow. Connect both"
                          + " outputs.");
        };
    kind.addValueChangeListener(e -> sync.run());
    sync.run();
    form.add(kind, row, replyRow, callStatus, hint);
    form.check(
        () -> {
          String v = kind.getValue();
          if (v.equals("no_reply")) {
            Integer n = days.getValue();
            return NodeForm.valid(days, n != null && n >= 1 && n <= 365, "1 to 365 days.");
          }
          if (scored(v)) {
            return NodeForm.valid(
                value, value.getValue().trim().matches("-?\\d+"), "A whole number.");
          }
          return !v.equals("field")
              || NodeForm.valid(
                  value, !value.getValue().isBlank(), "Give a value to compare with.");
        });
    form.writes(
        out -> {
          JsonObject cc = Json.createObject();
          String v = kind.getValue();
          cc.put("kind", v);
          if (v.equals("field")) {
            cc.put("field", field.getValue());
          }
          if (v.equals("no_reply")) {
            cc.put("channel", channel.getValue());
            cc.put("days", days.getValue());
          }
          if (v.equals("call")) {
            cc.put("value", callStatus.getValue());
          }
          if (v.equals("field") || scored(v)) {
            cc.put("op", op.getValue());
            if (scored(v)) {
              cc.put("value", Integer.parseInt(value.getValue().trim()));
            } else {
              cc.put("value", value.getValue().trim());
            }
          }
          out.put("condition", cc);
        },
        "condition");
    return form;
  }

  static final List<String> CONDITIONS =
      List.of(
          "replied",
          "no_reply",
          "opened",
          "clicked",
          "meeting_booked",
          "field",
          "score",
          "relationship",
          "call");

  static final List<String> REPLY_CHANNELS = List.of("email", "sms", "linkedin");

  /** Twilio's final call statuses (see the Call step's automated mode). */
  static final List<String> CALL_STATUSES =
      List.of("completed", "busy", "no-answer", "failed", "canceled");

  /** The manual score and the computed relationship score both compare with a whole number. */
  static boolean scored(String kind) {
    return kind.equals("score") || kind.equals("relationship");
  }

  static final List<String> OPS =
      List.of("eq", "neq", "contains", "empty", "not_empty", "gt", "gte", "lt", "lte");

  static String conditionLabel(String kind) {
    return switch (kind) {
      case "replied" -> "The lead replied";
      case "no_reply" -> "No reply on a channel within N days";
      case "call" -> "The automated call ended";
      case "opened" -> "The lead opened the email";
      case "clicked" -> "The lead clicked a link";
      case "meeting_booked" -> "The lead booked a meeting (Calendly)";
      case "field" -> "A lead field matches";
      case "score" -> "The manual lead score compares";
      case "relationship" -> "The relationship score compares (0–100)";
      default -> kind;
    };
  }

  static String opLabel(String op) {
    return switch (op) {
      case "eq" -> "equal to";
      case "neq" -> "not equal to";
      case "empty" -> "empty";
      case "not_empty" -> "not empty";
      case "gt" -> "greater than";
      case "gte" -> "at least";
      case "lt" -> "less than";
      case "lte" -> "at most";
      default -> op;
    };
  }
}
