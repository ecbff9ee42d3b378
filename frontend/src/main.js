// Entry of the runtime-loaded bundle: registers every OmniReach custom element once.
// Later issues add more here (e.g. <omni-workflow-canvas> with React Flow).
import { OmniChart } from './omni-chart.js';

function define(name, element) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

define('omni-chart', OmniChart);
