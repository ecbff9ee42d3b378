// Entry of the runtime-loaded bundle: registers every OmniReach custom element once.
import { OmniChart } from './omni-chart.js';
import { OmniWorkflowCanvas } from './omni-workflow-canvas.jsx';

function define(name, element) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

define('omni-chart', OmniChart);
define('omni-workflow-canvas', OmniWorkflowCanvas);
