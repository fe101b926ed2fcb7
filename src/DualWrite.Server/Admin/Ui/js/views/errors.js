import { h, replace, renderWhenChanged, count, time, empty, table, badge, directionLabels, fullTime } from '../dom.js';

const periods = [
  { value: '3600', label: 'Last hour' },
  { value: '86400', label: 'Last 24 hours' },
  { value: '604800', label: 'Last 7 days' },
  { value: 'all', label: 'Any time' },
];
const types = ['Application', 'System', 'Concurrency'];
const pageSize = 50;

/** The live sync error log, newest first, searched by map, period, integration key and type. */
export function errorsView(context) {
  const query = { map: context.params.get('map') ?? '', period: '86400', key: '', types: new Set(), offset: 0 };
  const expanded = new Set();
  const mapSelect = h('select', { name: 'map', 'aria-label': 'Map', onchange: e => change({ map: e.target.value }) },
    h('option', { value: '' }, 'Every map'));
  const periodSelect = h('select', { name: 'period', 'aria-label': 'Period', onchange: e => change({ period: e.target.value }) },
    periods.map(p => h('option', { value: p.value, selected: p.value === query.period }, p.label)));
  const keyInput = h('input', { type: 'search', name: 'key', class: 'search', placeholder: 'Integration key', 'aria-label': 'Integration key' });
  const typeBoxes = types.map(t => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: t, onchange: e => { e.target.checked ? query.types.add(t) : query.types.delete(t); change({}); } }), t));
  const body = h('div', { class: 'errors-body' }, h('p', { class: 'loading' }, 'Loading the error log…'));
  const el = h('div', { class: 'page errors-page' },
    h('header', { class: 'page-header' }, h('div', {}, h('h1', {}, 'Error log'),
      h('p', { class: 'subtitle' }, 'Changes that failed in live sync or catch-up, newest first. Their users saw the same message.'))),
    h('form', { class: 'filters filter-form', onsubmit: e => { e.preventDefault(); change({ key: keyInput.value.trim() }); } },
      mapSelect, periodSelect, keyInput, h('div', { class: 'type-filter' }, typeBoxes),
      h('button', { type: 'submit', class: 'button' }, 'Search')),
    body);

  let mapsLoaded = false;

  function change(values) {
    Object.assign(query, values, { offset: values.offset ?? 0 });
    refreshSoon();
  }

  let refreshSoon = () => {};

  function url() {
    const p = new URLSearchParams({ offset: String(query.offset), limit: String(pageSize) });
    if (query.map) p.set('map', query.map);
    if (query.key) p.set('key', query.key);
    if (query.period !== 'all') p.set('from', new Date(Date.now() - Number(query.period) * 1000).toISOString());
    for (const t of query.types) p.append('type', t);
    return `/errors?${p}`;
  }

  function periodWords() {
    return periods.find(p => p.value === query.period).label.toLowerCase();
  }

  function draw(page) {
    renderWhenChanged(body, { page, expanded: [...expanded], query: { ...query, types: [...query.types] } }, () => {
      if (page.total === 0) {
        const narrowed = query.map || query.key || query.types.size;
        return empty(query.period === 'all' ? 'No errors' : `No errors in the ${periodWords()}`,
          narrowed ? 'Nothing matches these filters. Widen the period or clear the filters to see more.'
            : 'Every change that reached the runtime was written to the other side.');
      }
      const last = Math.min(query.offset + page.items.length, page.total);
      return [
        h('div', { class: 'section-tools' },
          h('span', { class: 'muted', 'data-total': page.total }, page.total === 1 ? '1 error' : last - query.offset === page.total ? `${count(page.total)} errors` : `${count(query.offset + 1)}–${count(last)} of ${count(page.total)} errors`),
          h('div', { class: 'button-row' },
            h('button', { type: 'button', class: 'button', disabled: query.offset === 0, onclick: () => change({ offset: Math.max(0, query.offset - pageSize) }) }, '← Newer'),
            h('button', { type: 'button', class: 'button', disabled: last >= page.total, onclick: () => change({ offset: query.offset + pageSize }) }, 'Older →'))),
        table(['When', 'Map', 'Direction', 'Key', 'Type', 'Message'], page.items.flatMap(e => {
          const open = expanded.has(e.id);
          const row = h('tr', {
            class: `error-row ${open ? 'open' : ''}`.trim(), 'data-id': e.id, tabindex: 0, title: 'Show the details',
            onclick: () => { open ? expanded.delete(e.id) : expanded.add(e.id); draw(page); },
          },
          h('td', { class: 'nowrap' }, time(e.at)),
          h('td', {}, h('a', { href: `#/maps/${encodeURIComponent(e.map)}`, onclick: ev => ev.stopPropagation() }, e.map)),
          h('td', { class: 'nowrap' }, directionLabels[e.direction] ?? e.direction),
          h('td', {}, h('code', {}, e.key ?? '–')),
          h('td', {}, badge(e.type, e.type === 'System' ? 'warn' : e.type === 'Concurrency' ? 'info' : 'error')),
          h('td', { class: 'message' }, e.message));
          if (!open) return [row];
          return [row, h('tr', { class: 'error-detail' }, h('td', { colspan: 6 },
            h('dl', { class: 'fields fields-inline' },
              h('div', { class: 'field' }, h('dt', {}, 'At'), h('dd', {}, fullTime(e.at))),
              h('div', { class: 'field' }, h('dt', {}, 'Source transaction'), h('dd', {}, h('code', {}, e.transaction ?? '–')))),
            e.payload ? h('pre', { class: 'payload' }, typeof e.payload === 'string' ? e.payload : JSON.stringify(e.payload, null, 2))
              : h('p', { class: 'muted small' }, 'No payload kept: turn on the map’s debug mode to keep the payload of failed changes.')))];
        }), { class: 'grid errors-table' }),
      ];
    });
  }

  const view = {
    title: 'Error log',
    el,
    async refresh() {
      if (!mapsLoaded) {
        const maps = await context.api.get('/maps');
        replace(mapSelect, h('option', { value: '' }, 'Every map'), maps.map(m => h('option', { value: m.name, selected: m.name === query.map }, m.name)));
        mapsLoaded = true;
      }
      draw(await context.api.get(url()));
    },
  };
  refreshSoon = () => view.refresh().catch(error => replace(body, h('div', { class: 'alert alert-error', role: 'alert' }, h('p', {}, error.message))));
  return view;
}
