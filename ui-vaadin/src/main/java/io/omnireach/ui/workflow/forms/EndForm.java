package io.omnireach.ui.workflow.forms;

import elemental.json.JsonObject;
import io.omnireach.ui.workflow.NodeForm;
import io.omnireach.ui.workflow.NodeFormContext;
import io.omnireach.ui.workflow.NodeFormProvider;

/** End: no settings. */
public final class EndForm implements NodeFormProvider {

  @Override
  public String type() {
    return "end";
  }

  @Override
  public NodeForm create(JsonObject config, NodeFormContext context) {
    return NodeForm.info("The run ends here. Leads can be enrolled again later.");
  }
}
