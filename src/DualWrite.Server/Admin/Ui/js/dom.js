// Builds elements from data without ever parsing data as HTML: names, keys and messages come from users' rows.

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Re-renders a part of the page only when its data changed, so that polling every two seconds neither flickers
 * nor takes away what the person is pointing at or typing into.
 */
export function renderWhenChanged(el, data, render) {
  const json = JSON.stringify(data);
  if (el.dataset.rendered === json) return;
  el.dataset.rendered = json;
  replace(el, render(data));
}

export const stateLabels = {
  NotRunning: 'Not running',
  Initializing: 'Initializing',
  Running: 'Running',
  Paused: 'Paused',
  Resuming: 'Resuming',
};

export function stateBadge(state) {
  return h('span', { class: `badge state state-${state}`, 'data-state': state }, stateLabels[state] ?? state);
}

export function badge(text, kind) {
  return h('span', { class: `badge badge-${kind}` }, text);
}

// The counts of an initial sync and of a bootstrap, which share its writer. Skipped rows were read but left out on
// purpose (the map's filter or companies, or a re-run without errors), so they sit apart from the failed ones.
export const countKeys = ['read', 'created', 'updated', 'unchanged', 'skipped', 'failed'];
export const countLabels = { read: 'Read', created: 'Created', updated: 'Updated', unchanged: 'Unchanged', skipped: 'Skipped', failed: 'Failed' };

const number = new Intl.NumberFormat('en-GB');

export function count(n) {
  return n === null || n === undefined ? '–' : number.format(n);
}

export function bytes(n) {
  if (n === null || n === undefined) return '–';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const absolute = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

export function fullTime(iso) {
  return iso ? absolute.format(new Date(iso)) : '';
}

export function ago(iso) {
  if (!iso) return '–';
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}

/** A time shown relative to now, with the exact time on hover. */
export function time(iso) {
  return h('time', { datetime: iso, title: fullTime(iso) }, ago(iso));
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  // A run of a few rows takes a fraction of a second, which rounded would read as no time at all.
  if (seconds < 1) return 'under 1 s';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const minutes = Math.floor((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${Math.floor(s / 3600)} h`;
}

export const directionLabels = {
  FinOpsToDataverse: 'F&O → Dataverse',
  DataverseToFinOps: 'Dataverse → F&O',
};

export function empty(title, hint, ...extra) {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), hint ? h('p', { class: 'empty-hint' }, hint) : null, extra);
}

export function table(headers, rows, options = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: options.class ?? 'grid' },
      h('thead', {}, h('tr', {}, headers.map(header => h('th', { class: header.class, title: header.title }, header.text ?? header)))),
      h('tbody', {}, rows)));
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);
}

export function field(label, value) {
  return h('div', { class: 'field' }, h('dt', {}, label), h('dd', {}, value ?? '–'));
}
