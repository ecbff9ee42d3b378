package io.omnireach.ui.workflow;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Arrays;

/** The node types of the canvas with their label, colour and icon (as the canvas draws them). */
enum NodeKind {
  START("start", "Start", "#10b981", VaadinIcon.PLAY),
  AI_GENERATE("ai_generate", "AI generate", "#8b5cf6", VaadinIcon.MAGIC),
  SEND_EMAIL("send_email", "Send email", "#3b82f6", VaadinIcon.ENVELOPE_O),
  WAIT("wait", "Wait", "#f59e0b", VaadinIcon.CLOCK),
  DECISION("decision", "Decision", "#ec4899", VaadinIcon.SPLIT),
  UPDATE_LEAD("update_lead", "Update lead", "#14b8a6", VaadinIcon.USER_CHECK),
  TASK("task", "Task", "#0ea5e9", VaadinIcon.CHECK_SQUARE_O),
  END("end", "End", "#64748b", VaadinIcon.FLAG_CHECKERED);

  final String type;
  final String label;
  final String color;
  final VaadinIcon icon;

  NodeKind(String type, String label, String color, VaadinIcon icon) {
    this.type = type;
    this.label = label;
    this.color = color;
    this.icon = icon;
  }

  static NodeKind of(String type) {
    return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst().orElse(TASK);
  }
}
