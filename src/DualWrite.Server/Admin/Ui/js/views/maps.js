import { h, replace, renderWhenChanged, stateBadge, stateLabels, count, time, empty, table, bytes, duration } from '../dom.js';
import { lifecycleButtons } from './lifecycle.js';

const order = ['Running', 'Initializing', 'Resuming', 'Paused', 'NotRunning'];

/** The table-map list: every active map at a glance, with the lifecycle actions on the ticked ones. */
export function mapsView(context) {
  let maps = null;
  const selected = new Set();
  let filter = context.params.get('state') ?? 'all';
  let search = '';

  const searchBox = h('input', {
    type: 'search', class: 'search', placeholder: 'Filter by name, entity or table', 'aria-label': 'Filter maps',
    oninput: e => { search = e.target.value.trim().toLowerCase(); draw(); },
  });
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': 'Show maps by state' });
  const toolbar = h('div', { class: 'toolbar' });
  const body = h('div', { class: 'list-body' }, h('p', { class: 'loading' }, 'Loading the table maps…'));
  const el = h('div', { class: 'page maps-page' },
    h('header', { class: 'page-header' },
      h('div', {}, h('h1', {}, 'Table maps'),
        h('p', { class: 'subtitle' }, 'Each map pairs an F&O entity with a Dataverse table. Tick maps to run, pause, resume or stop them together.'))),
    h('div', { class: 'filters' }, chips, searchBox),
    toolbar,
    body);

  function visible() {
    return maps.filter(m => (filter === 'all' || m.state === filter) &&
      (!search || [m.name, m.finOpsEntity, m.dataverseTable].some(text => text?.toLowerCase().includes(search))));
  }

  function draw() {
    if (!maps) return;
    for (const name of [...selected]) if (!maps.some(m => m.name === name)) selected.delete(name);
    const counts = Object.fromEntries(order.map(s => [s, maps.filter(m => m.state === s).length]));
    renderWhenChanged(chips, { counts, filter, total: maps.length }, () => [
      chip('all', 'All', maps.length),
      order.filter(s => counts[s] > 0).map(s => chip(s, stateLabels[s], counts[s])),
    ]);
    const chosen = maps.filter(m => selected.has(m.name));
    renderWhenChanged(toolbar, { chosen: chosen.map(m => [m.name, m.state]), role: context.session.role }, () => [
      h('span', { class: 'selection', 'data-selected': chosen.length },
        chosen.length === 0 ? 'No maps ticked' : chosen.length === 1 ? '1 map ticked' : `${chosen.length} maps ticked`),
      lifecycleButtons(context, chosen, () => { selected.clear(); draw(); }),
    ]);
    const shown = visible();
    renderWhenChanged(body, { shown, selected: [...selected], all: maps.length, search, filter }, () => list(shown));
  }

  function chip(value, label, n) {
    return h('button', {
      type: 'button', class: `chip ${filter === value ? 'active' : ''}`.trim(), 'data-filter': value,
      'aria-pressed': filter === value ? 'true' : 'false',
      onclick: () => { filter = value; draw(); },
    }, label, h('span', { class: 'chip-count' }, String(n)));
  }

  function list(shown) {
    if (maps.length === 0) {
      return empty('No table maps yet',
        'Maps come in solutions. Import one (dualwrite solutions import solutions/maps/dualwrite-core.json) or link the environments with dualwrite up, which applies the out-of-box solution.');
    }
    if (shown.length === 0) {
      return empty('No map matches', 'Clear the filter or pick another state above to see the other maps.');
    }
    const all = shown.every(m => selected.has(m.name));
    const tickAll = h('input', {
      type: 'checkbox', 'aria-label': 'Tick every map shown', checked: all,
      onchange: e => { for (const m of shown) e.target.checked ? selected.add(m.name) : selected.delete(m.name); draw(); },
    });
    return table(
      [{ text: tickAll, class: 'col-check' }, 'Name', 'F&O entity', 'Dataverse table', 'State', 'Version', { text: 'Queue', class: 'num' }, 'Last error'],
      shown.map(m => row(m)),
      { class: 'grid maps-table' });
  }

  function row(m) {
    const href = `#/maps/${encodeURIComponent(m.name)}`;
    return h('tr', { 'data-map': m.name, 'data-state': m.state, class: selected.has(m.name) ? 'selected' : null },
      h('td', { class: 'col-check' }, h('input', {
        type: 'checkbox', class: 'select-map', 'aria-label': `Tick ${m.name}`, checked: selected.has(m.name),
        onchange: e => { e.target.checked ? selected.add(m.name) : selected.delete(m.name); draw(); },
      })),
      h('td', { class: 'col-name' }, h('a', { href, class: 'map-link' }, m.name),
        m.debug ? h('span', { class: 'tag tag-warn', title: 'Error log entries keep the payloads of failed changes' }, 'debug') : null),
      h('td', {}, h('code', {}, m.finOpsEntity)),
      h('td', {}, h('code', {}, m.dataverseTable)),
      h('td', { class: 'col-state' }, stateBadge(m.state)),
      h('td', { class: 'muted' }, m.version, m.solution ? h('div', { class: 'small' }, m.solution) : null),
      h('td', { class: 'num col-queue', 'data-queue': m.queue?.count ?? 0 }, queue(m.queue)),
      h('td', { class: 'col-error' }, m.lastError
        ? h('div', { class: 'last-error', title: m.lastError.message }, h('span', { class: 'error-text' }, m.lastError.message), h('div', { class: 'small muted' }, time(m.lastError.at)))
        : h('span', { class: 'muted' }, 'None')));
  }

  function queue(q) {
    if (!q || !q.count) return h('span', { class: 'muted' }, '0');
    const age = q.oldest ? Math.max(0, (Date.now() - new Date(q.oldest).getTime()) / 1000) : null;
    return h('span', { class: 'queue-count', title: `${bytes(q.bytes)}${age !== null ? `, oldest waiting ${duration(age)}` : ''}` }, count(q.count));
  }

  return {
    title: 'Table maps',
    el,
    async refresh() {
      maps = await context.api.get('/maps');
      draw();
    },
  };
}
