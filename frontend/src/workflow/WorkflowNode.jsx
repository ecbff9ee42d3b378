// One node card: type colour and icon, type label, a one-line summary of its config, a status
// badge (run states / analytics in read-only mode) and the validation messages that name it.
import { createContext, memo, useContext } from 'react';
import { Handle, Position, useNodeConnections } from '@xyflow/react';
import { NODE_TYPES, summary } from './graph.js';
import { Icon } from './icons.jsx';

/** What every card reads besides its own data: lookups, issues, run states, read-only. */
export const CanvasContext = createContext({ lookups: {}, issues: {}, states: {}, readonly: false });

const STATUS_LABELS = {
  pending: 'Pending',
  running: 'Running',
  waiting: 'Waiting',
  succeeded: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

function Badge({ state }) {
  const status = state.status || 'pending';
  const count = state.count;
  const text =
    state.label ||
    (count !== undefined && count !== null
      ? count.toLocaleString() + ' ' + (STATUS_LABELS[status] || status).toLowerCase()
      : STATUS_LABELS[status] || status);
  return (
    <span className={'omni-badge omni-badge--' + status} data-status={status}>
      <span className="omni-badge-dot" />
      {text}
    </span>
  );
}

/** Yes/no outputs; an output not yet connected says which one it is. */
function DecisionHandles() {
  const yes = useNodeConnections({ handleType: 'source', handleId: 'yes' }).length > 0;
  const no = useNodeConnections({ handleType: 'source', handleId: 'no' }).length > 0;
  return (
    <>
      <Handle type="source" id="yes" position={Position.Bottom} className="omni-handle omni-handle--yes" style={{ left: '28%' }} />
      {!yes && <span className="omni-handle-label omni-handle-label--yes">Yes</span>}
      <Handle type="source" id="no" position={Position.Bottom} className="omni-handle omni-handle--no" style={{ left: '72%' }} />
      {!no && <span className="omni-handle-label omni-handle-label--no">No</span>}
    </>
  );
}

function WorkflowNode({ id, data, selected }) {
  const ctx = useContext(CanvasContext);
  const kind = data.kind;
  const t = NODE_TYPES[kind] || { label: kind, color: '#64748b' };
  const issues = ctx.issues[id] || [];
  const state = ctx.states[id];
  const line = summary(kind, data.config, ctx.lookups);
  const cls = [
    'omni-node',
    'omni-node--' + kind,
    selected ? 'is-selected' : '',
    issues.length ? 'has-issues' : '',
    state ? 'has-state omni-state--' + (state.status || 'pending') : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={cls} style={{ '--omni-node-color': t.color }} data-node-id={id} data-node-type={kind}>
      {kind !== 'start' && <Handle type="target" position={Position.Top} className="omni-handle" />}
      <div className="omni-node-main">
        <div className="omni-node-icon">
          <Icon name={kind} size={18} />
        </div>
        <div className="omni-node-text">
          <div className="omni-node-kind">
            <span>{(data.config && data.config.label) || t.label}</span>
            {issues.length > 0 && (
              <span className="omni-node-alert" title={issues.join('\n')}>
                <Icon name="alert" size={14} />
              </span>
            )}
          </div>
          <div className="omni-node-summary" title={line}>
            {line}
          </div>
        </div>
      </div>
      {state && (
        <div className="omni-node-status">
          <Badge state={state} />
        </div>
      )}
      {issues.length > 0 && (
        <div className="omni-node-issues" role="alert">
          {issues.map((m, i) => (
            <div key={i} className="omni-node-issue">
              {m}
            </div>
          ))}
        </div>
      )}
      {kind === 'decision' ? (
        <DecisionHandles />
      ) : (
        kind !== 'end' && <Handle type="source" position={Position.Bottom} className="omni-handle" />
      )}
    </div>
  );
}

export default memo(WorkflowNode);
