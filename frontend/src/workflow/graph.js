// The workflow graph as the server and the engine know it, and its conversion to React Flow's
// nodes and edges. Pure functions (no React, no DOM), checked by `node --test` in the build.
//
// Server graph: {"name","nodes":[{"id","type","config":{...},"position":{"x","y"}}],
//                "edges":[{"source","target","condition"?}]}
// React Flow:   nodes {id, type:'omni', position, data:{kind, config}},
//               edges {id, source, target, sourceHandle?, data:{condition?}}
// `position` is layout only; the engine ignores it.

/**
 * The server's palette ([{type, label, hint, category, color, icon, input, outputs, defaults}], in
 * palette order) indexed by type, with its categories in order of first appearance. `outputs` is
 * [] (the run ends), [''] (one exit) or named branches such as ['yes', 'no'].
 */
export function indexPalette(list) {
  const types = {};
  const groups = [];
  (Array.isArray(list) ? list : []).forEach((t) => {
    if (!t || !t.type) {
      return;
    }
    types[t.type] = {
      ...t,
      input: t.input !== false,
      outputs: Array.isArray(t.outputs) ? t.outputs : [''],
      defaults: t.defaults && typeof t.defaults === 'object' ? t.defaults : {},
    };
    if (!groups.includes(t.category)) {
      groups.push(t.category);
    }
  });
  return { list: Array.isArray(list) ? list : [], types, groups };
}

/** A type's named outputs (a decision's yes/no); [] for a plain exit, no exit or an unknown type. */
export function namedOutputs(types, kind) {
  const t = types && types[kind];
  return t ? t.outputs.filter((o) => o) : [];
}

/** A fresh copy of a type's default config. */
export function defaultsOf(types, kind) {
  const t = types && types[kind];
  return t ? JSON.parse(JSON.stringify(t.defaults)) : {};
}


const UNITS = { D: ['day', 'days'], H: ['hour', 'hours'], M: ['minute', 'minutes'], S: ['second', 'seconds'] };

/** "P2D" → "2 days", "PT4H" → "4 hours", "P1DT12H" → "1 day 12 hours"; unparsable text as is. */
export function humanDuration(iso) {
  if (!iso || typeof iso !== 'string') {
    return '';
  }
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(iso.trim());
  if (!m || !(m[1] || m[2] || m[3] || m[4])) {
    return iso;
  }
  const parts = [];
  [
    [m[1], 'D'],
    [m[2], 'H'],
    [m[3], 'M'],
    [m[4], 'S'],
  ].forEach(([n, u]) => {
    if (n && Number(n) > 0) {
      parts.push(n + ' ' + UNITS[u][Number(n) === 1 ? 0 : 1]);
    }
  });
  return parts.length ? parts.join(' ') : '0 minutes';
}

const OPS = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', contains: 'contains', empty: 'is empty', not_empty: 'is not empty' };

function cap(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

function name(lookups, kind, id) {
  if (id === null || id === undefined || id === '') {
    return null;
  }
  const table = (lookups && lookups[kind]) || {};
  return table[String(id)] || '#' + id;
}

/** One line that says what a node does with its config (the card's second line). */
const CHANNELS = { email: 'Email', linkedin: 'LinkedIn', sms: 'SMS' };

export function summary(kind, config, lookups, type) {
  const c = config || {};
  switch (kind) {
    case 'start':
      return 'When a lead is enrolled';
    case 'ai_generate': {
      const persona = name(lookups, 'personas', c.personaId);
      if (!persona) {
        return c.personaName ? c.personaName + (c.prompt ? ' · ' + c.prompt : '') : 'Choose a persona';
      }
      return c.prompt ? persona + ' · ' + c.prompt : 'In ' + persona + '’s voice';
    }
    case 'send_email': {
      const variants = Array.isArray(c.variants) ? c.variants.length : 0;
      const what =
        variants > 1
          ? 'A/B · ' + variants + ' variants'
          : c.subject
            ? '“' + c.subject + '”'
            : 'Sends the AI draft';
      const box = c.mailboxId === 'rotate' ? 'Rotating mailboxes' : name(lookups, 'mailboxes', c.mailboxId);
      return box ? what + ' · ' + box : what;
    }
    case 'wait':
      if (c.until) {
        const t = humanDuration(c.timeout || c.duration);
        return 'Until ' + (c.until === 'open' ? 'opened' : 'replied') + (t ? ' · max ' + t : '');
      }
      return c.duration ? 'Wait ' + humanDuration(c.duration) : 'Set a duration';
    case 'decision': {
      const cond = c.condition || {};
      switch (cond.kind) {
        case 'replied':
          return 'Has the lead replied?';
        case 'opened':
          return 'Opened the last email?';
        case 'clicked':
          return 'Clicked a link?';
        case 'field':
          return (
            (cond.field || 'field') + ' ' + (OPS[cond.op] || cond.op || '=') + ' ' + (cond.value ?? '')
          );
        case 'score':
          return 'Score ' + (OPS[cond.op] || cond.op || '≥') + ' ' + (cond.value ?? '');
        case 'no_reply':
          return 'No ' + (CHANNELS[cond.channel] || cond.channel || '') + ' reply in ' + humanDuration('P' + num(cond.days) + 'D') + '?';
        case 'call':
          return 'Call ended ' + (cond.value || '…') + '?';
        default:
          return 'Choose a condition';
      }
    }
    case 'update_lead': {
      const parts = [];
      if (c.stage) {
        parts.push('Stage → ' + cap(c.stage));
      }
      if (c.addTag) {
        parts.push('Tag +' + c.addTag);
      }
      return parts.length ? parts.join(' · ') : 'Nothing to update yet';
    }
    case 'http_action': {
      const url = (c.url || '').replace(/^https?:\/\//, '');
      return url ? (c.method || 'POST') + ' ' + url : 'No URL yet';
    }
    case 'task': {
      const who = name(lookups, 'users', c.assignee);
      return (c.title || 'Untitled task') + (who ? ' · ' + who : '');
    }
    case 'send_fallback': {
      const order = Array.isArray(c.channels) ? c.channels : [];
      return order.length ? order.map((ch) => CHANNELS[ch] || ch).join(' → ') : 'Choose the channels';
    }
    case 'call':
      return c.mode === 'automated' ? 'Automated call · reads the script' : (type && type.hint) || kind;
    case 'end':
      return 'The run ends here';
    default:
      return (type && type.hint) || kind;
  }
}

function num(v) {
  const n = Number(v);
  return Number.isFinite(n) ? Math.round(n) : 0;
}

export function edgeId(source, handle, target) {
  return 'e-' + source + '-' + (handle || 'out') + '-' + target;
}

/** Edges of a branching node leave by their named output's handle; others by the default one. */
export function toFlowEdge(edge, outputsOf) {
  const condition = edge.condition || null;
  const handle = condition && outputsOf(edge.source).includes(condition) ? condition : null;
  return {
    id: edgeId(edge.source, handle, edge.target),
    source: edge.source,
    target: edge.target,
    sourceHandle: handle,
    data: condition ? { condition } : {},
  };
}

/**
 * Server graph → React Flow nodes and edges; nodes without a position are stacked downwards.
 * `types` is the indexed palette's types (for the ports of branching nodes).
 */
export function fromGraph(graph, types) {
  const g = graph || {};
  const nodes = (Array.isArray(g.nodes) ? g.nodes : [])
    .filter((n) => n && n.id)
    .map((n, i) => ({
      id: String(n.id),
      type: 'omni',
      position:
        n.position && Number.isFinite(Number(n.position.x)) && Number.isFinite(Number(n.position.y))
          ? { x: num(n.position.x), y: num(n.position.y) }
          : { x: 0, y: i * 140 },
      data: { kind: n.type, config: n.config && typeof n.config === 'object' ? n.config : {} },
    }));
  const kinds = new Map(nodes.map((n) => [n.id, n.data.kind]));
  const ids = new Set(kinds.keys());
  const edges = (Array.isArray(g.edges) ? g.edges : [])
    .filter((e) => e && ids.has(String(e.source)) && ids.has(String(e.target)))
    .map((e) =>
      toFlowEdge(
        { source: String(e.source), target: String(e.target), condition: e.condition },
        (id) => namedOutputs(types, kinds.get(id)),
      ),
    );
  return { name: typeof g.name === 'string' ? g.name : '', nodes, edges };
}

/** React Flow state → server graph (selection, sizes and other view state left out). */
export function toGraph(name, nodes, edges) {
  return {
    name: name || '',
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.data.kind,
      config: n.data.config || {},
      position: { x: num(n.position.x), y: num(n.position.y) },
    })),
    edges: edges.map((e) => {
      const out = { source: e.source, target: e.target };
      const condition = (e.data && e.data.condition) || null;
      if (condition) {
        out.condition = condition;
      }
      return out;
    }),
  };
}

/** The next free readable id for a type: send_email_1, send_email_2, … */
export function nextId(kind, nodes) {
  const taken = new Set(nodes.map((n) => n.id));
  for (let i = 1; ; i++) {
    const id = kind + '_' + i;
    if (!taken.has(id)) {
      return id;
    }
  }
}

/** Whether a new edge from (source, handle) to target makes sense on the canvas. */
export function canConnect(edges, source, handle, target) {
  if (!source || !target || source === target) {
    return false;
  }
  return !edges.some(
    (e) => e.source === source && (e.sourceHandle || null) === (handle || null) && e.target === target,
  );
}

/** Issues [{nodeId, message}] grouped by node; those without a node under "". */
export function issuesByNode(issues) {
  const map = {};
  (Array.isArray(issues) ? issues : []).forEach((i) => {
    if (!i) {
      return;
    }
    const key = i.nodeId ? String(i.nodeId) : '';
    (map[key] = map[key] || []).push(i.message || 'Invalid');
  });
  return map;
}

export const CARD = { w: 280, h: 80 };

/** Whether two cards of the graph sit on each other (e.g. a layout made for another canvas). */
export function overlaps(nodes) {
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i].position;
      const b = nodes[j].position;
      if (Math.abs(a.x - b.x) < CARD.w + 10 && Math.abs(a.y - b.y) < CARD.h + 10) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Top-down layout: the longest chain from the start runs straight down, every other branch gets a
 * column of its own to the right. Each column is one path, so no two cards overlap.
 */
export function layout(nodes, edges) {
  const out = new Map();
  nodes.forEach((n) => out.set(n.id, []));
  edges.forEach((e) => out.has(e.source) && out.get(e.source).push(e));
  const size = new Map();
  const count = (id, seen) => {
    if (seen.has(id)) {
      return 0;
    }
    seen.add(id);
    let total = 1;
    (out.get(id) || []).forEach((e) => (total += count(e.target, seen)));
    return total;
  };
  nodes.forEach((n) => size.set(n.id, count(n.id, new Set())));
  const place = new Map();
  let columns = 0;
  let leftColumns = 0; // a secondary "yes" branch goes left, under the decision's yes output
  const visit = (id, column, depth) => {
    if (place.has(id)) {
      return;
    }
    place.set(id, { x: column * (CARD.w + 80), y: depth * 150 });
    const children = (out.get(id) || [])
      .filter((e) => !place.has(e.target))
      .sort((a, b) => size.get(b.target) - size.get(a.target));
    children.forEach((e, i) => {
      if (i === 0) {
        visit(e.target, column, depth + 1);
      } else if (e.data && e.data.condition === 'yes') {
        leftColumns -= 1;
        visit(e.target, leftColumns, depth + 1);
      } else {
        columns += 1;
        visit(e.target, columns, depth + 1);
      }
    });
  };
  // entry nodes (no edge leads in) first
  const roots = nodes.filter((n) => !edges.some((e) => e.target === n.id)).concat(nodes);
  roots.forEach((n) => {
    if (!place.has(n.id)) {
      if (place.size > 0) {
        columns += 1;
      }
      visit(n.id, columns, 0);
    }
  });
  return nodes.map((n) => ({ ...n, position: place.get(n.id) }));
}
