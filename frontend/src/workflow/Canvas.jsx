// The React side of <omni-workflow-canvas>: palette, React Flow canvas, undo/redo, validation
// markers and run states. It reads the element's properties from a small store and reports
// changes back through it (the element turns them into DOM events).
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import {
  canConnect,
  defaultsOf,
  edgeId,
  fromGraph,
  issuesByNode,
  layout,
  namedOutputs,
  nextId,
  overlaps,
  toGraph,
} from './graph.js';
import { Icon, TypeIcon } from './icons.jsx';
import WorkflowNode, { CanvasContext } from './WorkflowNode.jsx';

const NODE_W = 280;
const NODE_H = 72;
const EMIT_DELAY_MS = 300;
const HISTORY_MAX = 200;
const nodeTypes = { omni: WorkflowNode };
const EDGE_COLORS = { yes: '#10b981', no: '#ef4444' };

/** React Flow edge with our look: rounded steps, an arrow, decision edges coloured and labelled. */
function decorate(edge) {
  const condition = edge.data && edge.data.condition;
  const colored = condition === 'yes' || condition === 'no';
  return {
    ...edge,
    type: 'smoothstep',
    pathOptions: { borderRadius: 16 },
    className: colored ? 'omni-edge--' + condition : 'omni-edge',
    label: colored ? (condition === 'yes' ? 'Yes' : 'No') : condition || undefined,
    labelBgPadding: [8, 3],
    labelBgBorderRadius: 8,
    markerEnd: {
      type: MarkerType.ArrowClosed,
      width: 16,
      height: 16,
      color: colored ? EDGE_COLORS[condition] : '#94a3b8',
    },
  };
}

function isTyping(target) {
  const tag = target && target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
}

function snap10(v) {
  return Math.round(v / 10) * 10;
}

/** Moves a new node right until its card does not overlap another one. */
function freeSpot(position, nodes) {
  const overlaps = (p) =>
    nodes.some((n) => {
      const w = (n.measured && n.measured.width) || NODE_W;
      const h = (n.measured && n.measured.height) || NODE_H;
      return p.x < n.position.x + w + 20 && n.position.x < p.x + NODE_W + 20 && p.y < n.position.y + h + 20 && n.position.y < p.y + NODE_H + 20;
    });
  let p = { x: snap10(position.x), y: snap10(position.y) };
  for (let i = 0; i < 12 && overlaps(p); i++) {
    p = { x: p.x + NODE_W + 40, y: p.y };
  }
  return p;
}

function Palette({ palette, onAdd, hasEntry, flowRef }) {
  const types = palette.types;
  const startDrag = (kind) => (e) => {
    if (e.button !== 0) {
      return;
    }
    e.preventDefault();
    const x0 = e.clientX;
    const y0 = e.clientY;
    let ghost = null;
    const host = e.currentTarget.closest('.omni-wf');
    const move = (ev) => {
      if (!ghost && Math.hypot(ev.clientX - x0, ev.clientY - y0) > 4) {
        ghost = document.createElement('div');
        ghost.className = 'omni-drag-ghost';
        ghost.style.setProperty('--omni-node-color', types[kind].color);
        ghost.textContent = types[kind].label;
        host.appendChild(ghost);
      }
      if (ghost) {
        ghost.style.left = ev.clientX + 'px';
        ghost.style.top = ev.clientY + 'px';
        const r = flowRef.current.getBoundingClientRect();
        const over = ev.clientX >= r.left && ev.clientX <= r.right && ev.clientY >= r.top && ev.clientY <= r.bottom;
        flowRef.current.classList.toggle('is-drop-target', over);
      }
    };
    const up = (ev) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      flowRef.current && flowRef.current.classList.remove('is-drop-target');
      if (!ghost) {
        onAdd(kind, null);
        return;
      }
      ghost.remove();
      const r = flowRef.current.getBoundingClientRect();
      if (ev.clientX >= r.left && ev.clientX <= r.right && ev.clientY >= r.top && ev.clientY <= r.bottom) {
        onAdd(kind, { x: ev.clientX, y: ev.clientY });
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <aside className="omni-palette" aria-label="Steps">
      <div className="omni-palette-title">Steps</div>
      <div className="omni-palette-hint">Drag onto the canvas, or click to add after the selected step.</div>
      {palette.groups.map((group) => (
        <div className="omni-palette-group" key={group}>
          <div className="omni-palette-group-title">{group}</div>
          {Object.entries(types)
            .filter(([, t]) => t.category === group)
            .map(([kind, t]) => {
              const disabled = !t.input && hasEntry; // one entry (Start) per workflow
              return (
                <div
                  key={kind}
                  className={'omni-palette-item' + (disabled ? ' is-disabled' : '')}
                  style={{ '--omni-node-color': t.color }}
                  data-palette-type={kind}
                  role="button"
                  tabIndex={disabled ? -1 : 0}
                  title={disabled ? 'A workflow has one start' : t.hint}
                  onPointerDown={disabled ? undefined : startDrag(kind)}
                  onKeyDown={(e) => {
                    if (!disabled && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault();
                      onAdd(kind, null);
                    }
                  }}
                >
                  <span className="omni-palette-icon">
                    <TypeIcon type={t} size={16} />
                  </span>
                  <span className="omni-palette-text">
                    <span className="omni-palette-label">{t.label}</span>
                    <span className="omni-palette-desc">{t.hint}</span>
                  </span>
                </div>
              );
            })}
        </div>
      ))}
    </aside>
  );
}

function Editor({ store }) {
  const snap = useSyncExternalStore(store.subscribe, store.get);
  const types = snap.palette.types;
  const rf = useReactFlow();
  const nodesInitialized = useNodesInitialized();
  const [nodes, setNodes] = useState([]);
  const [edges, setEdges] = useState([]);
  const [hist, setHist] = useState({ undo: false, redo: false });
  const [hasSelection, setHasSelection] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const name = useRef('');
  const present = useRef(null);
  const past = useRef([]);
  const future = useRef([]);
  const needsFit = useRef(false);
  // The graph just handed to React Flow; changes count again once the state shows it.
  const awaiting = useRef(null);
  const emitTimer = useRef(null);
  const lastSelected = useRef(null);
  const wrapper = useRef(null);
  const flowRef = useRef(null);
  const readonly = snap.readonly;

  const syncHist = () => setHist({ undo: past.current.length > 0, redo: future.current.length > 0 });

  // A settled graph goes to the element (getter) at once and out as an event, debounced.
  const changed = useCallback(
    (g) => {
      store.latest = g;
      syncHist();
      clearTimeout(emitTimer.current);
      emitTimer.current = setTimeout(() => store.emit('graph-changed', { graph: g }), EMIT_DELAY_MS);
    },
    [store],
  );

  const show = useCallback((graph, keepSelection) => {
    const flow = fromGraph(graph, store.get().palette.types);
    if (overlaps(flow.nodes)) {
      flow.nodes = layout(flow.nodes, flow.edges);
    }
    name.current = flow.name;
    const selected = new Set(keepSelection ? rf.getNodes().filter((n) => n.selected).map((n) => n.id) : []);
    awaiting.current = JSON.stringify(toGraph(flow.name, flow.nodes, flow.edges));
    setNodes(flow.nodes.map((n) => (selected.has(n.id) ? { ...n, selected: true } : n)));
    setEdges(flow.edges.map(decorate));
    return flow;
  }, [rf]);

  // Load the graph whenever the element's `graph` property is set; keep viewport and selection.
  useEffect(() => {
    const flow = fromGraph(store.latest, store.get().palette.types);
    if (overlaps(flow.nodes)) {
      flow.nodes = layout(flow.nodes, flow.edges);
    }
    const canonical = JSON.stringify(toGraph(flow.name, flow.nodes, flow.edges));
    name.current = flow.name;
    if (canonical === present.current) {
      return;
    }
    const before = new Set(rf.getNodes().map((n) => n.id));
    const first = present.current === null || !flow.nodes.some((n) => before.has(n.id));
    present.current = canonical;
    past.current = [];
    future.current = [];
    syncHist();
    show(store.latest, true);
    if (first) {
      needsFit.current = true;
    }
  }, [snap.graphRev]); // eslint-disable-line react-hooks/exhaustive-deps

  // Fit the graph; a long one is shown from its top at a readable zoom instead of tiny.
  const fit = useCallback(() => {
    const all = rf.getNodes();
    if (all.length === 0) {
      return;
    }
    const top = Math.min(...all.map((n) => n.position.y));
    const r = flowRef.current ? flowRef.current.getBoundingClientRect() : { height: 800 };
    const reach = Math.max(600, r.height / 0.7);
    const first = all.filter((n) => n.position.y <= top + reach);
    rf.fitView({ padding: 0.15, maxZoom: 1, nodes: first.length < all.length ? first : undefined });
  }, [rf]);

  useEffect(() => {
    if (needsFit.current && nodesInitialized) {
      needsFit.current = false;
      fit();
    }
  }, [nodesInitialized, nodes, fit]);

  // Every settled change (not mid-drag, not selection) is one undo step.
  useEffect(() => {
    if (present.current === null || nodes.some((n) => n.dragging)) {
      return;
    }
    const g = toGraph(name.current, nodes, edges);
    const s = JSON.stringify(g);
    if (awaiting.current !== null) {
      if (s === awaiting.current) {
        awaiting.current = null;
      }
      return;
    }
    if (s === present.current) {
      return;
    }
    past.current.push(present.current);
    if (past.current.length > HISTORY_MAX) {
      past.current.shift();
    }
    future.current = [];
    present.current = s;
    changed(g);
  }, [nodes, edges, changed]);

  const travel = useCallback(
    (from, to) => {
      if (readonly || from.current.length === 0) {
        return;
      }
      to.current.push(present.current);
      present.current = from.current.pop();
      const g = JSON.parse(present.current);
      show(g, true);
      changed(g);
    },
    [readonly, show, changed],
  );
  const undo = useCallback(() => travel(past, future), [travel]);
  const redo = useCallback(() => travel(future, past), [travel]);

  const onNodesChange = useCallback((changes) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  const onEdgesChange = useCallback((changes) => setEdges((es) => applyEdgeChanges(changes, es)), []);

  const outputsOf = useCallback((id) => {
    const n = rf.getNode(id);
    return namedOutputs(store.get().palette.types, n ? n.data.kind : null);
  }, [rf, store]);

  const connect = useCallback(
    (source, handle, target) => {
      const condition = handle && outputsOf(source).includes(handle) ? handle : null;
      return decorate({
        id: edgeId(source, condition, target),
        source,
        target,
        sourceHandle: condition,
        data: condition ? { condition } : {},
      });
    },
    [outputsOf],
  );

  const onConnect = useCallback(
    (c) => setEdges((es) => (canConnect(es, c.source, c.sourceHandle, c.target) ? es.concat(connect(c.source, c.sourceHandle, c.target)) : es)),
    [connect],
  );

  const isValidConnection = useCallback(
    (c) => canConnect(rf.getEdges(), c.source, c.sourceHandle || null, c.target),
    [rf],
  );

  // Makes the card at flow position p fully visible (clear of the minimap in the bottom corner),
  // e.g. after it was added or the settings panel narrowed the canvas: the whole graph is shown,
  // zoomed out down to 50 % if need be; a graph too big for that centres on the card instead.
  const reveal = useCallback(
    (p) => {
      requestAnimationFrame(() => {
        const r = flowRef.current && flowRef.current.getBoundingClientRect();
        if (!r) {
          return;
        }
        const { zoom } = rf.getViewport();
        const margin = 24;
        const bottomReserve = 170; // minimap height and its margin
        const tl = rf.flowToScreenPosition(p);
        if (
          tl.x >= r.left + margin &&
          tl.y >= r.top + margin &&
          tl.x + NODE_W * zoom <= r.right - margin &&
          tl.y + NODE_H * zoom <= r.bottom - bottomReserve
        ) {
          return;
        }
        const b = rf.getNodesBounds(rf.getNodes());
        const room = { w: r.width - 2 * margin, h: r.height - margin - bottomReserve };
        const fitZoom = Math.min(zoom, room.w / b.width, room.h / b.height);
        const z = fitZoom >= 0.5 ? fitZoom : zoom;
        const [cx, cy] = fitZoom >= 0.5 ? [b.x + b.width / 2, b.y + b.height / 2] : [p.x + NODE_W / 2, p.y + NODE_H / 2];
        // the centre of the free area (between the top margin and the minimap) shows (cx, cy)
        rf.setViewport({ x: r.width / 2 - cx * z, y: (margin + r.height - bottomReserve) / 2 - cy * z, zoom: z }, { duration: 200 });
      });
    },
    [rf],
  );

  // The settings panel opening beside the canvas makes it narrower: keep the selected step in
  // view (it may have been dropped where the panel now is).
  useEffect(() => {
    const el = flowRef.current;
    if (!el || typeof ResizeObserver === 'undefined') {
      return undefined;
    }
    let width = el.getBoundingClientRect().width;
    const observer = new ResizeObserver(() => {
      const now = el.getBoundingClientRect().width;
      if (Math.abs(now - width) < 1) {
        return;
      }
      width = now;
      const selected = rf.getNodes().filter((n) => n.selected);
      if (selected.length === 1) {
        reveal(selected[0].position);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [rf, reveal]);

  const addNode = useCallback(
    (kind, screenPoint) => {
      if (readonly) {
        return;
      }
      const all = rf.getNodes();
      const id = nextId(kind, all);
      let position;
      let link = null;
      const selected = all.filter((n) => n.selected);
      if (screenPoint) {
        const p = rf.screenToFlowPosition(screenPoint);
        position = { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 };
      } else if (
        selected.length === 1 &&
        (types[selected[0].data.kind] || { outputs: [''] }).outputs.length > 0 &&
        (types[kind] || {}).input
      ) {
        // Click-to-add continues the sequence from the selected step.
        const s = selected[0];
        const out = rf.getEdges().filter((e) => e.source === s.id);
        let handle = null;
        let dx = 0;
        const named = namedOutputs(types, s.data.kind);
        if (named.length > 0) {
          // the first free named output, placed under it
          const used = new Set(out.map((e) => e.sourceHandle));
          const free = named.findIndex((o) => !used.has(o));
          handle = free < 0 ? undefined : named[free];
          dx = free < 0 ? 0 : ((free + 1) / (named.length + 1) - 0.5) * 1020;
        } else if (out.length > 0) {
          handle = undefined;
        }
        const h = (s.measured && s.measured.height) || NODE_H;
        position = { x: s.position.x + dx, y: s.position.y + h + 70 };
        if (handle !== undefined) {
          link = { source: s.id, handle };
        }
      } else {
        const r = flowRef.current.getBoundingClientRect();
        const p = rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
        position = { x: p.x - NODE_W / 2, y: p.y - NODE_H / 2 };
      }
      const node = {
        id,
        type: 'omni',
        position: freeSpot(position, all),
        selected: true,
        data: { kind, config: defaultsOf(types, kind) },
      };
      setNodes((ns) => ns.map((n) => (n.selected ? { ...n, selected: false } : n)).concat(node));
      if (link) {
        setEdges((es) => es.concat(connect(link.source, link.handle, id)));
      }
      reveal(node.position);
    },
    [readonly, rf, connect, reveal, types],
  );

  const tidy = useCallback(() => {
    setNodes((ns) => layout(ns, rf.getEdges()));
    setTimeout(() => rf.fitView({ padding: 0.2, maxZoom: 1, duration: 300 }), 50);
  }, [rf]);

  const deleteSelected = useCallback(() => {
    rf.deleteElements({
      nodes: rf.getNodes().filter((n) => n.selected),
      edges: rf.getEdges().filter((e) => e.selected),
    });
  }, [rf]);

  const onSelectionChange = useCallback(
    ({ nodes: sel, edges: selEdges }) => {
      setHasSelection(sel.length + selEdges.length > 0);
      const id = sel.length === 1 ? sel[0].id : null;
      if (id !== lastSelected.current) {
        lastSelected.current = id;
        // The node itself goes along: a step just added may not have reached the server yet.
        const node = id ? { id, type: sel[0].data.kind, config: sel[0].data.config || {} } : null;
        store.emit('node-selected', { nodeId: id, node });
      }
    },
    [store],
  );

  // Commands the element exposes (setNodeConfig, undo, redo, selectNode, fitView).
  useEffect(() => {
    store.api = {
      setNodeConfig: (id, config) =>
        setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, config: config || {} } } : n))),
      selectNode: (id) => {
        setNodes((ns) => ns.map((n) => ((n.id === id) === !!n.selected ? n : { ...n, selected: n.id === id })));
        setEdges((es) => es.map((e) => (e.selected ? { ...e, selected: false } : e)));
      },
      undo,
      redo,
      fitView: fit,
      flush: () => {
        if (emitTimer.current) {
          clearTimeout(emitTimer.current);
          emitTimer.current = null;
          store.emit('graph-changed', { graph: store.latest });
        }
      },
    };
    return () => {
      store.api = null;
    };
  }, [store, undo, redo, fit]);

  useEffect(() => () => clearTimeout(emitTimer.current), []);

  const onKeyDown = useCallback(
    (e) => {
      if (isTyping(e.target) || !(e.ctrlKey || e.metaKey)) {
        return;
      }
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      }
    },
    [undo, redo],
  );

  // Clicking the pane does not move focus by itself; take it so Ctrl+Z reaches us.
  const onPointerDownCapture = useCallback((e) => {
    const w = wrapper.current;
    if (w && !isTyping(e.target) && !w.contains(document.activeElement)) {
      w.focus({ preventScroll: true });
    }
  }, []);

  const issues = useMemo(() => issuesByNode(snap.issues), [snap.issues]);
  const ctx = useMemo(
    () => ({ lookups: snap.lookups || {}, issues, states: snap.nodeStates || {}, readonly, types: snap.palette.types }),
    [snap.lookups, issues, snap.nodeStates, readonly, snap.palette],
  );
  const general = issues[''] || [];
  const orphanIssues = Object.keys(issues).filter((id) => id && !nodes.some((n) => n.id === id));
  const banner = general.concat(...orphanIssues.map((id) => issues[id].map((m) => id + ': ' + m)));
  const hasEntry = nodes.some((n) => types[n.data.kind] && !types[n.data.kind].input);

  return (
    <CanvasContext.Provider value={ctx}>
      <div
        className={'omni-wf' + (readonly ? ' is-readonly' : '') + (connecting ? ' is-connecting' : '')}
        ref={wrapper}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onPointerDownCapture={onPointerDownCapture}
      >
        {!readonly && <Palette palette={snap.palette} onAdd={addNode} hasEntry={hasEntry} flowRef={flowRef} />}
        <div className="omni-wf-flow" ref={flowRef}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onConnectStart={() => setConnecting(true)}
            onConnectEnd={() => setConnecting(false)}
            isValidConnection={isValidConnection}
            onSelectionChange={onSelectionChange}
            nodesDraggable={!readonly}
            nodesConnectable={!readonly}
            elementsSelectable
            deleteKeyCode={readonly ? null : ['Backspace', 'Delete']}
            snapToGrid
            snapGrid={[10, 10]}
            minZoom={0.2}
            maxZoom={2}
            attributionPosition="bottom-center"
          >
            <Background variant="dots" gap={22} size={1.6} />
            <Controls showInteractive={false} position="bottom-left" />
            {/* read-only views of small graphs (run page, results) fit whole: no minimap over them */}
            {(!readonly || nodes.length > 8) && (
              <MiniMap
                pannable
                zoomable
                position="bottom-right"
                nodeBorderRadius={10}
                nodeColor={(n) => (types[n.data.kind] || {}).color || '#94a3b8'}
              />
            )}
            {!readonly && (
              <Panel position="top-right" className="omni-toolbar">
                <button type="button" className="omni-tool" data-action="undo" onClick={undo} disabled={!hist.undo} title="Undo (Ctrl+Z)">
                  <Icon name="undo" size={16} />
                </button>
                <button type="button" className="omni-tool" data-action="redo" onClick={redo} disabled={!hist.redo} title="Redo (Ctrl+Shift+Z)">
                  <Icon name="redo" size={16} />
                </button>
                <span className="omni-tool-sep" />
                <button type="button" className="omni-tool" data-action="tidy" onClick={tidy} disabled={nodes.length < 2} title="Tidy up the layout">
                  <Icon name="tidy" size={16} />
                </button>
                <button type="button" className="omni-tool" data-action="delete" onClick={deleteSelected} disabled={!hasSelection} title="Delete selection (Del)">
                  <Icon name="trash" size={16} />
                </button>
              </Panel>
            )}
            {banner.length > 0 && (
              <Panel position="top-center" className="omni-banner" role="alert">
                <Icon name="alert" size={16} />
                <span>{banner.join(' · ')}</span>
              </Panel>
            )}
            {nodes.length === 0 && (
              <Panel position="top-center" className="omni-empty-hint">
                {readonly ? 'This workflow has no steps.' : 'Drag a step from the left onto the canvas, or click one to add it.'}
              </Panel>
            )}
          </ReactFlow>
        </div>
      </div>
    </CanvasContext.Provider>
  );
}

export function Canvas({ store }) {
  return (
    <ReactFlowProvider>
      <Editor store={store} />
    </ReactFlowProvider>
  );
}
