// Sanity checks of the canvas' graph conversion, run by `node --test` before every bundle build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canConnect,
  defaultsOf,
  fromGraph,
  humanDuration,
  indexPalette,
  issuesByNode,
  nextId,
  summary,
  toGraph,
} from '../src/workflow/graph.js';

// As the server's registry sends it (NodeTypes.paletteJson), trimmed to what the tests need.
const PALETTE = indexPalette([
  { type: 'start', label: 'Start', category: 'Flow', input: false, outputs: [''], defaults: {} },
  { type: 'send_email', label: 'Send email', category: 'Outreach', input: true, outputs: [''], defaults: { subject: '' } },
  { type: 'decision', label: 'Decision', category: 'Timing & logic', input: true, outputs: ['yes', 'no'], defaults: { condition: { kind: 'replied' } } },
  { type: 'end', label: 'End', category: 'Flow', input: true, outputs: [], defaults: {} },
]);
const TYPES = PALETTE.types;

const GRAPH = {
  name: 'Cold outreach',
  nodes: [
    { id: 'start', type: 'start', config: {}, position: { x: 0, y: 0 } },
    { id: 'd1', type: 'decision', config: { condition: { kind: 'replied' } }, position: { x: 0, y: 150 } },
    { id: 'mail', type: 'send_email', config: { mailboxId: 3, subject: 'Hi {{lead.firstName}}', body: 'x' }, position: { x: -120, y: 300 } },
    { id: 'end', type: 'end', config: {}, position: { x: 120, y: 300 } },
  ],
  edges: [
    { source: 'start', target: 'd1' },
    { source: 'd1', target: 'end', condition: 'yes' },
    { source: 'd1', target: 'mail', condition: 'no' },
  ],
};

test('a graph survives the round trip through React Flow unchanged', () => {
  const flow = fromGraph(GRAPH, TYPES);
  assert.deepEqual(toGraph(flow.name, flow.nodes, flow.edges), GRAPH);
});

test('decision edges leave by their yes/no handle', () => {
  const { edges } = fromGraph(GRAPH, TYPES);
  assert.deepEqual(
    edges.map((e) => e.sourceHandle),
    [null, 'yes', 'no'],
  );
});

test('nodes without a position are stacked and edges to missing nodes are dropped', () => {
  const flow = fromGraph({
    nodes: [{ id: 'a', type: 'start' }, { id: 'b', type: 'end' }],
    edges: [{ source: 'a', target: 'b' }, { source: 'a', target: 'ghost' }],
  });
  assert.deepEqual(flow.nodes[1].position, { x: 0, y: 140 });
  assert.equal(flow.edges.length, 1);
  assert.deepEqual(flow.nodes[0].data.config, {});
});

test('new ids are readable and free', () => {
  assert.equal(nextId('wait', [{ id: 'wait_1' }, { id: 'wait_3' }]), 'wait_2');
});

test('no self loops and no duplicate edges', () => {
  const { edges } = fromGraph(GRAPH, TYPES);
  assert.equal(canConnect(edges, 'd1', 'yes', 'end'), false);
  assert.equal(canConnect(edges, 'd1', 'no', 'end'), true);
  assert.equal(canConnect(edges, 'mail', null, 'mail'), false);
});

test('durations and summaries read as sentences', () => {
  assert.equal(humanDuration('P2D'), '2 days');
  assert.equal(humanDuration('PT1H'), '1 hour');
  assert.equal(humanDuration('P1DT12H'), '1 day 12 hours');
  assert.equal(humanDuration('soon'), 'soon');
  const lookups = { personas: { 7: 'Ava' }, mailboxes: { 3: 'Sales' } };
  assert.equal(summary('wait', { duration: 'PT4H' }), 'Wait 4 hours');
  assert.equal(summary('wait', { until: 'reply', timeout: 'P3D' }), 'Until replied · max 3 days');
  assert.equal(summary('ai_generate', { personaId: 7, prompt: 'Intro' }, lookups), 'Ava · Intro');
  assert.equal(summary('send_email', GRAPH.nodes[2].config, lookups), '“Hi {{lead.firstName}}” · Sales');
  assert.equal(summary('send_email', { variants: [{}, {}] }), 'A/B · 2 variants');
  assert.equal(summary('send_fallback', { channels: ['email', 'linkedin', 'sms'] }), 'Email → LinkedIn → SMS');
  assert.equal(
    summary('decision', { condition: { kind: 'no_reply', channel: 'sms', days: 3 } }),
    'No SMS reply in 3 days?'
  );
  assert.equal(summary('decision', { condition: { kind: 'call', value: 'no-answer' } }), 'Call ended no-answer?');
  assert.equal(summary('call', { mode: 'automated' }), 'Automated call · reads the script');
  assert.equal(summary('decision', { condition: { kind: 'score', op: 'gte', value: 50 } }), 'Score ≥ 50');
  assert.equal(summary('update_lead', { stage: 'meeting', addTag: 'hot' }), 'Stage → Meeting · Tag +hot');
});

test('issues are grouped by node', () => {
  assert.deepEqual(issuesByNode([{ nodeId: 'a', message: 'x' }, { message: 'y' }, { nodeId: 'a', message: 'z' }]), {
    a: ['x', 'z'],
    '': ['y'],
  });
});

test('a layout made for another canvas is laid out again without overlaps', async () => {
  const { layout, overlaps } = await import('../src/workflow/graph.js');
  const wide = fromGraph({
    nodes: GRAPH.nodes.map((n, i) => ({ ...n, position: { x: i * 260, y: 0 } })),
    edges: GRAPH.edges,
  });
  assert.equal(overlaps(wide.nodes), true);
  const laid = layout(wide.nodes, wide.edges);
  assert.equal(overlaps(laid), false);
  const at = Object.fromEntries(laid.map((n) => [n.id, n.position]));
  assert.equal(at.start.x, at.d1.x); // the main chain runs straight down
  assert.ok(at.d1.y > at.start.y);
  assert.ok(at.mail.y > at.d1.y && at.end.y > at.d1.y);
});

test('the palette comes from the server: categories in order, ports and fresh defaults per type', () => {
  assert.deepEqual(PALETTE.groups, ['Flow', 'Outreach', 'Timing & logic']);
  const a = defaultsOf(TYPES, 'decision');
  a.condition.kind = 'opened';
  assert.deepEqual(defaultsOf(TYPES, 'decision'), { condition: { kind: 'replied' } });
  assert.deepEqual(defaultsOf(TYPES, 'unknown'), {});
});

test('a type the canvas never heard of branches by the outputs its palette entry names', () => {
  const { types } = indexPalette([{ type: 'split', label: 'Split', category: 'X', outputs: ['a', 'b', 'c'] }]);
  const { edges } = fromGraph(
    {
      nodes: [{ id: 's', type: 'split' }, { id: 't', type: 'x' }],
      edges: [{ source: 's', target: 't', condition: 'c' }, { source: 't', target: 's', condition: 'yes' }],
    },
    types,
  );
  assert.deepEqual(
    edges.map((e) => e.sourceHandle),
    ['c', null],
  );
});
