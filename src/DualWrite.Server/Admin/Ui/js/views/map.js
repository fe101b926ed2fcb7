import { h, replace, renderWhenChanged, countKeys, countLabels, stateBadge, count, time, empty, table, section, field, bytes, duration, directionLabels, fullTime, badge } from '../dom.js';
import { actionButton, act, tabs, errorMessage } from '../ui.js';
import { ApiError } from '../api.js';
import { lifecycleButtons } from './lifecycle.js';
import { comparePanel } from './compare.js';
import { linkedCompanies } from '../link.js';
import { refreshNow } from '../live.js';

const tabList = [
  { id: 'fields', label: 'Field mappings' },
  { id: 'initial-sync', label: 'Initial sync' },
  { id: 'compare', label: 'Compare' },
  { id: 'queue', label: 'Queued records' },
  { id: 'catch-up', label: 'Catch-up errors' },
  { id: 'activity', label: 'Activity log' },
  { id: 'errors', label: 'Errors' },
];

const countHints = {
  read: 'Rows read from the source side',
  created: 'Rows created on the other side',
  updated: 'Rows that differed and were overwritten',
  unchanged: 'Rows already equal on both sides',
  skipped: 'Rows read but left out: outside the map’s filter or companies, or left out of a re-run without errors',
  failed: 'Rows that could not be written: see the row errors below',
};

/** One map: what it maps and how, and everything it did: initial sync, comparison, queue, catch-up errors, activity, errors. */
export function mapView(context, name, tab) {
  const path = `/maps/${encodeURIComponent(name)}`;
  const state = { map: null, run: undefined, queueKey: '', catchUpSelected: new Set() };
  const header = h('div', { class: 'map-header' }, h('p', { class: 'loading' }, `Loading ${name}…`));
  const progress = h('div', { class: 'progress-slot' });
  const tabBar = h('div', { class: 'tab-slot' });
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', 'data-tab': tab });
  const el = h('div', { class: 'page map-page' },
    h('a', { class: 'back', href: '#/maps' }, '← Table maps'),
    header, progress, tabBar, panel);

  const loaders = {
    fields: async () => drawFields(state.map),
    'initial-sync': async () => drawInitialSync(state.run, await errorsOfRun()),
    queue: async () => {
      const key = state.queueKey ? `&key=${encodeURIComponent(state.queueKey)}` : '';
      drawQueue(await context.api.get(`${path}/queue?limit=200${key}`));
    },
    // Drawn once: a comparison runs when asked, and what it found stays while the page polls.
    compare: async () => {
      if (!panel.querySelector('.compare')) replace(panel, comparePanel(context, name, state.map, await linkedCompanies(context.api)));
    },
    'catch-up': async () => drawCatchUp(await context.api.get(`${path}/catch-up-errors?limit=200`)),
    activity: async () => drawActivity(await context.api.get(`${path}/activity?limit=100`)),
    errors: async () => drawErrors(await context.api.get(`/errors?map=${encodeURIComponent(name)}&limit=50`)),
  };

  async function latestRun() {
    try {
      return await context.api.get(`${path}/initial-sync`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  async function errorsOfRun() {
    if (!state.run) return null;
    return context.api.get(`${path}/initial-sync/errors?limit=100`);
  }

  function drawHeader(m) {
    renderWhenChanged(header, { m, role: context.session.role }, () => [
      h('div', { class: 'map-title' },
        h('h1', {}, m.name),
        stateBadge(m.state),
        m.debug ? h('span', { class: 'tag tag-warn' }, 'debug') : null),
      h('p', { class: 'subtitle' },
        h('code', {}, m.finOpsEntity), ' ⇄ ', h('code', {}, m.dataverseTable),
        ` · version ${m.version}`, m.solution ? ` · solution ${m.solution}` : ''),
      h('div', { class: 'map-actions' },
        lifecycleButtons(context, [{ name: m.name, state: m.state }]),
        debugToggle(m)),
      h('div', { class: 'stats' },
        stat('State', stateBadge(m.state)),
        stat('Queued changes', h('span', { class: 'queue-count', 'data-queue': m.queue?.count ?? 0 }, count(m.queue?.count ?? 0)),
          m.queue?.count ? `${bytes(m.queue.bytes)}, oldest ${time(m.queue.oldest).textContent}` : 'Nothing waiting'),
        stat('Last error', m.lastError ? h('span', { class: 'error-text' }, m.lastError.message) : h('span', { class: 'muted' }, 'None'),
          m.lastError ? time(m.lastError.at) : null)),
    ]);
  }

  function debugToggle(m) {
    return actionButton(context.session, m.debug ? 'Turn debug off' : 'Turn debug on', {
      kind: 'link',
      action: 'debug',
      title: 'With debug on, error log entries of this map keep the payload of the changes that failed.',
      onClick: () => act(() => context.api.put(`${path}/debug`, { enabled: !m.debug }),
        { success: m.debug ? 'Debug mode is off.' : 'Debug mode is on: new errors keep their payloads.' }).then(refreshNow),
    });
  }

  function stat(label, value, note) {
    return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value),
      note ? h('div', { class: 'stat-note' }, note) : null);
  }

  function drawTabs(m) {
    renderWhenChanged(tabBar, { tab, queue: m.queue?.count ?? 0 }, () => tabs(tabList.map(t => ({
      ...t,
      href: `#/maps/${encodeURIComponent(name)}/${t.id}`,
      count: t.id === 'queue' && m.queue?.count ? count(m.queue.count) : null,
    })), tab));
  }

  function drawProgress(run, m) {
    // While the map initialises, its progress shows above every tab.
    const show = run && run.status === 'Running' && tab !== 'initial-sync';
    renderWhenChanged(progress, show ? { run, state: m.state } : null, () => show ? syncProgress(run) : []);
  }

  function syncProgress(run) {
    const companies = run.companies ?? [];
    const done = companies.filter(c => c.done).length;
    const read = (run.totals?.toDataverse?.read ?? 0) + (run.totals?.toFinOps?.read ?? 0);
    const percent = companies.length ? Math.round((done / companies.length) * 100) : 0;
    const bar = h('div', { class: 'bar-fill' });
    bar.style.width = `${Math.max(percent, run.status === 'Running' ? 3 : 0)}%`;
    return h('div', { class: `sync-progress status-${run.status}`, 'data-status': run.status },
      h('div', { class: 'sync-progress-head' },
        h('strong', {}, run.status === 'Running' ? 'Initial sync running' : `Initial sync ${run.status.toLowerCase()}`),
        h('span', { class: 'muted' }, `${done} of ${companies.length} ${companies.length === 1 ? 'company' : 'companies'} done · ${count(read)} rows read`,
          run.rowsPerSecond ? ` · ${count(Math.round(run.rowsPerSecond))} rows/s` : '')),
      h('div', { class: 'bar', role: 'progressbar', 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 }, bar));
  }

  function drawFields(m) {
    const def = m.map ?? {};
    renderWhenChanged(panel, { symbols: m.symbols, def }, () => [
      section('Field mappings',
        h('p', { class: 'legend muted small' },
          legend('=', 'both ways'), legend('>', 'F&O to Dataverse'), legend('<', 'Dataverse to F&O'),
          legend('>< >> <<', 'the same, with a transform (default or value map)')),
        (m.symbols ?? []).length === 0 ? empty('This map has no field mappings.') :
          h('table', { class: 'symbols' },
            h('thead', {}, h('tr', {}, h('th', {}, 'F&O field'), h('th', { class: 'sym-col' }, ''), h('th', {}, 'Dataverse column'), h('th', {}, 'Transform'))),
            h('tbody', {}, m.symbols.map(symbolRow)))),
      h('div', { class: 'two-columns' },
        section('Key and companies',
          h('dl', { class: 'fields' },
            field('Integration key', (def.key ?? []).length ? (def.key).map(k => h('code', { class: 'chip-code' }, k)) : 'None'),
            field('Company-specific', def.companySpecific ? 'Yes: the company is part of the key' : 'No: a global table'),
            field('Depends on', (def.dependsOn ?? []).length
              ? def.dependsOn.map(d => h('a', { class: 'dep', href: `#/maps/${encodeURIComponent(d)}` }, d))
              : 'No other map'))),
        section('Filters',
          h('dl', { class: 'fields' },
            field('F&O', def.finOps?.filter ? h('code', { class: 'filter' }, def.finOps.filter) : h('span', { class: 'muted' }, 'None: every row takes part')),
            field('Dataverse', def.dataverse?.filter ? h('code', { class: 'filter' }, def.dataverse.filter) : h('span', { class: 'muted' }, 'None: every row takes part'))))),
    ]);
  }

  function legend(symbol, words) {
    return h('span', { class: 'legend-item' }, h('code', { class: 'sym' }, symbol), ` ${words}`);
  }

  function symbolRow(line) {
    const match = /^(\S+)\s+(><|>>|<<|=|>|<)\s+(\S+)\s*(.*)$/.exec(line);
    if (!match) return h('tr', {}, h('td', { colspan: 4 }, h('code', {}, line)));
    const [, finOps, symbol, dataverse, rest] = match;
    const direction = symbol.includes('>') && symbol.includes('<') || symbol === '=' ? 'both' : symbol.includes('>') ? 'to-dataverse' : 'to-finops';
    return h('tr', { 'data-symbol': symbol },
      h('td', {}, h('code', { class: finOps === 'none' ? 'muted' : '' }, finOps)),
      h('td', { class: 'sym-col' }, h('code', { class: `sym sym-${direction}`, title: line }, symbol)),
      h('td', {}, h('code', { class: dataverse === 'none' ? 'muted' : '' }, dataverse)),
      h('td', { class: 'muted' }, rest.replace(/^\[|\]$/g, '').trim()));
  }

  function countsRow(label, c) {
    return h('tr', {}, h('td', {}, label), countKeys.map(k =>
      h('td', { class: `num ${k === 'failed' && c?.[k] ? 'error-text' : ''}`.trim(), 'data-count': k }, count(c?.[k] ?? 0))));
  }

  function drawInitialSync(run, errors) {
    renderWhenChanged(panel, { run, errors }, () => {
      if (!run) {
        return empty('This map has not had an initial sync yet',
          'Run the map with initial sync ticked to copy the rows that exist now, in both directions, before it syncs live.');
      }
      const counted = countKeys.map(k => ({ text: countLabels[k], class: 'num', title: countHints[k] }));
      return [
        syncProgress(run),
        section('Latest run',
          h('dl', { class: 'fields fields-inline' },
            field('Status', badge(run.status, run.status === 'Failed' ? 'error' : run.status === 'Completed' ? 'ok' : 'info')),
            field('Master', run.master === 'FinOps' ? 'Finance and Operations' : run.master),
            field('Started', h('span', { title: fullTime(run.startedAt) }, fullTime(run.startedAt))),
            field('Ended', run.endedAt ? fullTime(run.endedAt) : 'Still running'),
            field('Took', duration(((run.endedAt ? new Date(run.endedAt) : new Date()) - new Date(run.startedAt)) / 1000))),
          // A completed run's message is its counts in words, which the table below shows already; the speed is in the bar above.
          run.message && run.status !== 'Completed'
            ? h('div', { class: `alert ${run.status === 'Failed' ? 'alert-error' : 'alert-info'}` }, h('p', {}, run.message)) : null),
        section('By company',
          table([{ text: 'Company' }, { text: 'Direction' }, ...counted],
            (run.companies ?? []).flatMap(c => [
              h('tr', { class: 'company-row' }, h('td', { rowspan: 2 }, h('strong', {}, c.company.toUpperCase()), ' ', c.done ? badge('done', 'ok') : badge('in progress', 'info')),
                countsCells('F&O → Dataverse', c.toDataverse)),
              h('tr', {}, countsCells('Dataverse → F&O', c.toFinOps)),
            ]).concat([
              h('tr', { class: 'totals' }, h('td', { rowspan: 2 }, h('strong', {}, 'All')), countsCells('F&O → Dataverse', run.totals?.toDataverse)),
              h('tr', { class: 'totals' }, countsCells('Dataverse → F&O', run.totals?.toFinOps)),
            ]))),
        section('Row errors',
          !errors || errors.total === 0
            ? empty('No row failed', 'Every row the run read was created, updated, found equal or skipped.')
            : [
              h('div', { class: 'section-tools' },
                h('span', { class: 'muted' }, errors.total > errors.items.length ? `The first ${errors.items.length} of ${count(errors.total)}` : `${count(errors.total)} rows failed`),
                h('button', { type: 'button', class: 'button', onclick: () => act(() => context.api.download(`${path}/initial-sync/errors.csv`, `${name} initial sync errors.csv`)) }, 'Download all as CSV')),
              table(['Company', 'Direction', 'Key', 'Field', 'Message'], errors.items.map(e => h('tr', {},
                h('td', {}, e.company), h('td', {}, directionLabels[e.direction] ?? e.direction), h('td', {}, h('code', {}, e.key)),
                h('td', {}, e.field ? h('code', {}, e.field) : '–'), h('td', { class: 'message' }, e.message)))),
            ]),
      ];
    });
  }

  function countsCells(direction, c) {
    const cells = countsRow(direction, c);
    return [...cells.childNodes];
  }

  function drawQueue(page) {
    if (!panel.querySelector('.queue-tools')) {
      const input = h('input', { type: 'search', class: 'search', placeholder: 'Integration key', 'aria-label': 'Narrow to one integration key', value: state.queueKey });
      const form = h('form', { class: 'queue-tools section-tools', onsubmit: e => { e.preventDefault(); state.queueKey = input.value.trim(); refreshNow(); } },
        h('p', { class: 'muted' }, 'Changes wait here, in the order they were made, while the map is paused, initializing or catching up.'),
        h('div', { class: 'inline-form' }, input, h('button', { type: 'submit', class: 'button' }, 'Find')));
      replace(panel, form, h('div', { class: 'queue-list' }));
    }
    renderWhenChanged(panel.querySelector('.queue-list'), page, () => {
      if (page.total === 0) {
        return empty(state.queueKey ? `Nothing queued for key ${state.queueKey}` : 'Nothing queued',
          'A running map writes each change straight to the other side; pause it and changes wait here until it resumes.');
      }
      return [
        h('p', { class: 'muted small' }, page.total > page.items.length ? `The first ${page.items.length} of ${count(page.total)} queued changes` : `${count(page.total)} queued ${page.total === 1 ? 'change' : 'changes'}`),
        table([{ text: '#', class: 'num' }, 'Key', 'Operation', 'From', 'Transaction', 'Queued'], page.items.map(q => h('tr', { 'data-sequence': q.sequence },
          h('td', { class: 'num muted' }, q.sequence), h('td', {}, h('code', {}, q.key)), h('td', {}, q.operation),
          h('td', {}, sourceLabel(q.source)), h('td', { class: 'muted small' }, q.transaction), h('td', {}, time(q.queuedAt))))),
      ];
    });
  }

  function sourceLabel(source) {
    return source === 'FinOps' ? 'F&O' : source ?? '–';
  }

  function drawCatchUp(page) {
    const selected = state.catchUpSelected;
    for (const s of [...selected]) if (!page.items.some(i => i.sequence === s)) selected.delete(s);
    renderWhenChanged(panel, { page, selected: [...selected], role: context.session.role }, () => {
      if (page.total === 0) {
        return empty('No catch-up errors',
          'When a change fails while the queue is replayed, it stays here with its reason until you retry or dismiss it.');
      }
      const chosen = [...selected];
      const handle = verb => act(() => context.api.post(`${path}/catch-up-errors/${verb}`, chosen.length ? { sequences: chosen } : {}),
        { success: r => `${verb === 'retry' ? 'Retried' : 'Dismissed'} ${count(r?.count ?? 0)} ${r?.count === 1 ? 'change' : 'changes'}.` })
        .then(() => { selected.clear(); refreshNow(); });
      const scope = chosen.length ? `${chosen.length} ticked` : 'all';
      return [
        h('div', { class: 'section-tools' },
          h('p', { class: 'muted' }, `${count(page.total)} ${page.total === 1 ? 'change' : 'changes'} failed while catching up. Retry puts them back in their places in the queue.`),
          h('div', { class: 'button-row' },
            actionButton(context.session, `Retry ${scope}`, { kind: 'primary', action: 'retry', onClick: () => handle('retry') }),
            actionButton(context.session, `Dismiss ${scope}`, { kind: 'danger-outline', action: 'dismiss', onClick: () => handle('dismiss') }))),
        table(['', { text: '#', class: 'num' }, 'Key', 'Operation', 'Message', 'Failed', 'Queued'], page.items.map(e => h('tr', { 'data-sequence': e.sequence },
          h('td', { class: 'col-check' }, h('input', {
            type: 'checkbox', checked: selected.has(e.sequence), 'aria-label': `Tick change ${e.sequence}`,
            onchange: ev => { ev.target.checked ? selected.add(e.sequence) : selected.delete(e.sequence); drawCatchUp(page); },
          })),
          h('td', { class: 'num muted' }, e.sequence), h('td', {}, h('code', {}, e.key)), h('td', {}, e.operation),
          h('td', { class: 'message error-text' }, e.message), h('td', { class: 'nowrap' }, time(e.failedAt)), h('td', { class: 'nowrap' }, time(e.queuedAt))))),
      ];
    });
  }

  function drawActivity(entries) {
    const items = Array.isArray(entries) ? entries : entries?.items ?? [];
    renderWhenChanged(panel, items, () => items.length === 0
      ? empty('No activity yet', 'Every run, pause, resume, stop and alert of this map is written here, with who did it.')
      : h('ol', { class: 'timeline' }, items.map(a => h('li', { class: 'timeline-item' },
        h('div', { class: 'timeline-when' }, time(a.at)),
        h('div', { class: 'timeline-body' }, h('strong', {}, a.action), a.who ? h('span', { class: 'muted' }, ` by ${a.who}`) : null,
          a.detail ? h('p', { class: 'timeline-detail' }, a.detail) : null)))));
  }

  function drawErrors(page) {
    renderWhenChanged(panel, page, () => page.total === 0
      ? empty('No errors for this map', 'Live sync failures of this map would appear here and in the error log.')
      : [
        h('div', { class: 'section-tools' }, h('span', { class: 'muted' }, `${count(page.total)} in the error log`),
          h('a', { class: 'button', href: `#/errors?map=${encodeURIComponent(name)}` }, 'Open in the error log')),
        table(['When', 'Direction', 'Key', 'Type', 'Message'], page.items.map(e => h('tr', {},
          h('td', {}, time(e.at)), h('td', {}, directionLabels[e.direction] ?? e.direction), h('td', {}, h('code', {}, e.key)),
          h('td', {}, badge(e.type, 'error')), h('td', { class: 'message' }, e.message)))),
      ]);
  }

  return {
    title: name,
    el,
    async refresh() {
      try {
        state.map = await context.api.get(path);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          replace(header, h('h1', {}, name), errorMessage(error));
          replace(tabBar);
          replace(panel, h('p', {}, h('a', { href: '#/maps' }, 'Back to the table maps')));
          return;
        }
        throw error;
      }
      drawHeader(state.map);
      drawTabs(state.map);
      if (tab === 'initial-sync' || state.map.state === 'Initializing' || state.run?.status === 'Running') state.run = await latestRun();
      drawProgress(state.run, state.map);
      await (loaders[tab] ?? loaders.fields)();
    },
  };
}
