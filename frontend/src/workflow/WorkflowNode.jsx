// One node card: type colour and icon, type label, a one-line summary of its config, a status
// badge (run states / analytics in read-only mode) and the validation messages that name it.
import { createContext, memo, useContext } from 'react';
import { Handle, Position, useNodeConnections } from '@xyflow/react';
import { summary } from './graph.js';
import { Icon, TypeIcon } from './icons.jsx';

/** What every card reads besides its own data: lookups, issues, run states, read-only. */
export const CanvasContext = createContext({ lookups: {}, issues: {}, states: {}, readonly: false, types: {} });

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

/** Named outputs (a decision's yes/no), spread along the bottom; an unconnected one says its name. */
function NamedHandles({ outputs }) {
  // spread between 28% and 72% of the card (one output: the middle); more than two use the
  // card's width so their names do not overlap
  const [lo, hi] = outputs.length > 2 ? [12, 88] : [28, 72];
  const at = (i) => (outputs.length === 1 ? 50 : lo + (i * (hi - lo)) / (outputs.length - 1));
  return outputs.map((name, i) => <NamedHandle key={name} name={name} left={at(i)} />);
}

function NamedHandle({ name, left }) {
  const used = useNodeConnections({ handleType: 'source', handleId: name }).length > 0;
  const pos = left + '%';
  return (
    <>
      <Handle type="source" id={name} position={Position.Bottom} className={'omni-handle omni-handle--' + name} style={{ left: pos }} />
      {!used && (
        <span className={'omni-handle-label omni-handle-label--' + name} style={{ left: pos }}>
          {(name.charAt(0).toUpperCase() + name.slice(1)).replace(/_/g, ' ')}
        </span>
      )}
    </>
  );
}

function WorkflowNode({ id, data, selected }) {
  const ctx = useContext(CanvasContext);
  const kind = data.kind;
  const t = ctx.types[kind] || { label: kind, color: '#64748b', input: true, outputs: [''] };
  const named = t.outputs.filter((o) => o);
  const issues = ctx.issues[id] || [];
  const state = ctx.states[id];
  const line = summary(kind, data.config, ctx.lookups, t);
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
      {t.input && <Handle type="target" position={Position.Top} className="omni-handle" />}
      <div className="omni-node-main">
        <div className="omni-node-icon">
          <TypeIcon type={t} size={18} />
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
      {named.length > 0 ? (
        <NamedHandles outputs={named} />
      ) : (
        t.outputs.length > 0 && <Handle type="source" position={Position.Bottom} className="omni-handle" />
      )}
    </div>
  );
}

export default memo(WorkflowNode);
