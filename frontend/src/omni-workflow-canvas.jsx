// <omni-workflow-canvas>: the workflow builder (React 19 + React Flow 12) as a custom element.
//   graph       (property) {"name","nodes":[{"id","type","config","position"}],"edges":[...]},
//               an object or a JSON string; setting it again keeps viewport and selection
//   nodeStates  (property) {nodeId: {status, count?, label?}}: badges for the run page/analytics
//   issues      (property) [{nodeId, message}]: validation messages shown on the nodes
//   palette     (property) [{type,label,hint,category,color,icon,input,outputs,defaults}]: the
//               node types, from the server's registry (the canvas knows none by name)
//   lookups     (property) {personas:{id:name}, mailboxes:{id:name}, users:{id:name}} for summaries
//   readonly    (attribute) no palette, no editing; selection still works
//   setNodeConfig(id, config), selectNode(id), undo(), redo(), fitView()
// Events (bubbling CustomEvents): graph-changed {graph} (debounced, after structural or position
// changes, undo and redo) and node-selected {nodeId|null, node: {id,type,config}|null}.
// React renders into a child div (no shadow DOM) so Lumo's CSS variables style it.
import { createRoot } from 'react-dom/client';
import xyflowCss from '@xyflow/react/dist/style.css?inline';
import canvasCss from './workflow/canvas.css?inline';
import { Canvas } from './workflow/Canvas.jsx';
import { indexPalette } from './workflow/graph.js';

const STYLE_ID = 'omni-workflow-canvas-style';
// palette first: the graph's edges need the node types' ports
const PROPS = ['palette', 'graph', 'nodeStates', 'issues', 'lookups', 'readonly'];

function parse(value, fallback) {
  if (value === null || value === undefined || value === '') {
    return fallback;
  }
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function injectStyles() {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = xyflowCss + '\n' + canvasCss;
    document.head.appendChild(style);
  }
}

/** The element's state as React reads it: an immutable snapshot plus change listeners. */
function createStore(element) {
  let state = { graphRev: 0, nodeStates: {}, issues: [], lookups: {}, readonly: false, palette: indexPalette([]) };
  const listeners = new Set();
  return {
    latest: { name: '', nodes: [], edges: [] },
    api: null,
    get: () => state,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    set(patch) {
      state = { ...state, ...patch };
      listeners.forEach((fn) => fn());
    },
    emit(type, detail) {
      element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    },
  };
}

export class OmniWorkflowCanvas extends HTMLElement {
  static get observedAttributes() {
    return ['readonly'];
  }

  constructor() {
    super();
    this._store = createStore(this);
  }

  get graph() {
    return this._store.latest;
  }

  set graph(value) {
    this._store.latest = parse(value, { name: '', nodes: [], edges: [] });
    this._store.set({ graphRev: this._store.get().graphRev + 1 });
  }

  get palette() {
    return this._store.get().palette.list;
  }

  set palette(value) {
    this._store.set({ palette: indexPalette(parse(value, [])), graphRev: this._store.get().graphRev + 1 });
  }

  get nodeStates() {
    return this._store.get().nodeStates;
  }

  set nodeStates(value) {
    this._store.set({ nodeStates: parse(value, {}) });
  }

  get issues() {
    return this._store.get().issues;
  }

  set issues(value) {
    this._store.set({ issues: parse(value, []) });
  }

  get lookups() {
    return this._store.get().lookups;
  }

  set lookups(value) {
    this._store.set({ lookups: parse(value, {}) });
  }

  get readonly() {
    return this.hasAttribute('readonly');
  }

  set readonly(value) {
    this.toggleAttribute('readonly', !!value);
  }

  attributeChangedCallback() {
    this._store.set({ readonly: this.hasAttribute('readonly') });
  }

  /** Replaces one node's config (e.g. from the server's settings panel); an undoable change. */
  setNodeConfig(id, config) {
    const cfg = parse(config, {});
    if (this._store.api) {
      this._store.api.setNodeConfig(id, cfg);
    } else {
      const g = this._store.latest;
      this._store.latest = {
        ...g,
        nodes: (g.nodes || []).map((n) => (n.id === id ? { ...n, config: cfg } : n)),
      };
    }
  }

  selectNode(id) {
    this._store.api && this._store.api.selectNode(id);
  }

  undo() {
    this._store.api && this._store.api.undo();
  }

  redo() {
    this._store.api && this._store.api.redo();
  }

  fitView() {
    this._store.api && this._store.api.fitView();
  }

  connectedCallback() {
    // Properties set before the element was defined (the bundle loads after Vaadin creates the
    // element) sit on the instance and would hide the accessors: re-apply them through them.
    PROPS.forEach((p) => {
      if (Object.prototype.hasOwnProperty.call(this, p)) {
        const v = this[p];
        delete this[p];
        this[p] = v;
      }
    });
    injectStyles();
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this._host) {
      this._host = document.createElement('div');
      this._host.className = 'omni-wf-host';
      this.appendChild(this._host);
    }
    this._store.set({ readonly: this.hasAttribute('readonly'), graphRev: this._store.get().graphRev + 1 });
    if (!this._root) {
      this._root = createRoot(this._host);
      this._root.render(<Canvas store={this._store} />);
    }
  }

  disconnectedCallback() {
    this._store.api && this._store.api.flush();
    // Vaadin may move the element; unmount only when it stays detached.
    queueMicrotask(() => {
      if (!this.isConnected && this._root) {
        this._root.unmount();
        this._root = null;
      }
    });
  }
}
