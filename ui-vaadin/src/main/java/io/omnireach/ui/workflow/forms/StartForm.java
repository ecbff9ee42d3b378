package io.omnireach.ui.workflow.forms;

import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;

/** Start: no settings. */
public final class StartForm implements NodeFormProvider {

  @Override
  public String type() {
    return "start";
  }

  @Override
  public NodeForm create(JsonObject config, NodeFormContext context) {
    return NodeForm.info("Every lead enrolled in this workflow starts here.");
  }
}
