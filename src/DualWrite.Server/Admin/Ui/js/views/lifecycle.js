import { h, replace, stateBadge, stateLabels } from '../dom.js';
import { actionButton, act, openDialog, plainButton, confirmAction, toast } from '../ui.js';
import { refreshNow } from '../live.js';

// What each state allows (the lifecycle table of the specification); the API refuses the rest with 409.
const allowed = {
  run: ['NotRunning'],
  pause: ['Running'],
  resume: ['Paused'],
  stop: ['Running', 'Paused'],
  'skip-to-live': ['Resuming'],
};

const verbs = { run: 'Run', pause: 'Pause', resume: 'Resume', stop: 'Stop', 'skip-to-live': 'Skip to live' };

function reasonFor(action, maps) {
  if (maps.length === 0) return 'Tick one or more maps first.';
  const wrong = maps.find(m => !allowed[action].includes(m.state));
  if (!wrong) return null;
  const states = allowed[action].map(s => stateLabels[s].toLowerCase()).join(' or ');
  return `${verbs[action]} applies to maps that are ${states}; ${wrong.name} is ${stateLabels[wrong.state].toLowerCase()}.`;
}

/** Run, Pause, Resume, Stop and Skip to live for the given maps, each enabled only when every map's state allows it. */
export function lifecycleButtons(context, maps, done = () => {}) {
  const button = (action, kind, onClick) => {
    const reason = reasonFor(action, maps);
    return actionButton(context.session, verbs[action] + (action === 'run' || action === 'resume' ? '…' : ''), {
      kind, action, disabled: Boolean(reason), reason, onClick,
    });
  };
  const names = maps.map(m => m.name);
  return h('div', { class: 'button-row lifecycle' },
    button('run', 'primary', () => openRunDialog(context, names, done)),
    button('pause', '', () => simple(context, 'pause', names, done)),
    button('resume', '', () => openResumeDialog(context, names, done)),
    button('stop', 'danger-outline', () => stopMaps(context, names, done)),
    maps.some(m => m.state === 'Resuming') ? button('skip-to-live', '', () => skipToLive(context, names, done)) : null);
}

function describe(names) {
  return names.length === 1 ? names[0] : `${names.length} maps`;
}

async function simple(context, action, names, done, body = {}) {
  const result = await act(() => context.api.post(`/actions/${action}`, { maps: names, ...body }),
    { success: answer => outcome(action, answer, names) });
  if (result !== undefined) {
    done();
    refreshNow();
  }
  return result;
}

function outcome(action, answer, names) {
  const maps = answer?.maps ?? [];
  if (maps.length === 1) return `${maps[0].name} is now ${(stateLabels[maps[0].state] ?? maps[0].state).toLowerCase()}.`;
  if (maps.length > 1) return `${verbs[action]}: ${maps.map(m => `${m.name} ${(stateLabels[m.state] ?? m.state).toLowerCase()}`).join(', ')}.`;
  return `${verbs[action]} ${describe(names)}: done.`;
}

async function stopMaps(context, names, done) {
  const ok = await confirmAction({
    title: `Stop ${describe(names)}?`,
    message: 'A stopped map no longer syncs, and changes made while it is stopped are not queued. Running it again offers an initial sync to catch up.',
    confirmLabel: 'Stop',
    danger: true,
  });
  if (ok) await simple(context, 'stop', names, done);
}

async function skipToLive(context, names, done) {
  const keep = h('input', { type: 'checkbox', name: 'keep', checked: true });
  const ok = await confirmAction({
    title: `Skip ${describe(names)} to live?`,
    message: 'The map stops replaying its queue and syncs new changes at once.',
    extra: h('label', { class: 'check' }, keep, 'Keep what is left in the queue as catch-up errors (otherwise it is discarded)'),
    confirmLabel: 'Skip to live',
  });
  if (ok) await simple(context, 'skip-to-live', names, done, { keepAsCatchUpErrors: keep.checked });
}

function openResumeDialog(context, names, done) {
  const choices = [
    ['CatchUp', 'Catch up', 'Replay the queue in order, then sync live. Failures stay as catch-up errors.'],
    ['KeepAsCatchUpErrors', 'Skip the queue, keep it', 'Sync live at once; the queued changes become catch-up errors to retry or dismiss later.'],
    ['Discard', 'Skip the queue, discard it', 'Sync live at once and drop the queued changes. They are lost.'],
  ];
  const options = choices.map(([value, label, hint], i) => h('label', { class: 'choice' },
    h('input', { type: 'radio', name: 'mode', value, checked: i === 0 }),
    h('span', {}, h('strong', {}, label), h('small', {}, hint))));
  const handle = openDialog({
    title: `Resume ${describe(names)}`,
    body: h('div', { class: 'choices' }, options),
    actions: [
      plainButton('Cancel', () => handle.close()),
      h('button', {
        type: 'submit', class: 'button primary', 'data-action': 'confirm-resume',
        onclick: async () => {
          const mode = handle.dialog.querySelector('input[name=mode]:checked').value;
          try {
            const answer = await context.api.post('/actions/resume', { maps: names, mode });
            handle.close();
            toast(outcome('resume', answer, names));
            done();
            refreshNow();
          } catch (error) {
            handle.showError(error);
          }
        },
      }, 'Resume'),
    ],
  });
}

/**
 * The Run dialog: the maps asked for with the related maps the runtime proposes, in run order; each can be left
 * out, run without initial sync, or moved by dragging (or with its arrows, for keyboards).
 */
export async function openRunDialog(context, names, done = () => {}) {
  let proposals;
  try {
    proposals = await Promise.all(names.map(name => context.api.get(`/maps/${encodeURIComponent(name)}/related`)));
  } catch (error) {
    toast(error.message, 'error');
    return;
  }
  const rows = [];
  const seen = new Set();
  for (const proposal of proposals) {
    for (const item of proposal.maps ?? []) {
      if (seen.has(item.map.toLowerCase())) continue;
      seen.add(item.map.toLowerCase());
      const canRun = item.state === 'NotRunning';
      rows.push({ ...item, include: canRun, initialSync: item.initialSync ?? true, canRun, asked: names.includes(item.map) });
    }
  }
  const master = proposals[0]?.master ?? 'Dataverse';
  const list = h('ol', { class: 'run-list', 'aria-label': 'Maps to run, in order' });
  const skipAll = h('input', { type: 'checkbox', name: 'skip-initial-sync', id: 'skip-initial-sync' });
  const rerun = h('select', { name: 'rerun', id: 'rerun' },
    h('option', { value: 'Everything' }, 'Everything, failed rows included'),
    h('option', { value: 'WithoutErrors' }, 'Only rows not tried before (without errors)'));
  skipAll.addEventListener('change', () => draw());
  let dragged = null;

  function move(from, to) {
    if (to < 0 || to >= rows.length || from === to) return;
    const [row] = rows.splice(from, 1);
    rows.splice(to, 0, row);
    draw();
  }

  function draw() {
    replace(list, rows.map((row, index) => {
      const include = h('input', {
        type: 'checkbox', class: 'include', checked: row.include, disabled: !row.canRun,
        'aria-label': `Run ${row.map}`,
        onchange: e => { row.include = e.target.checked; draw(); },
      });
      const sync = h('input', {
        type: 'checkbox', class: 'initial-sync', checked: row.initialSync && !skipAll.checked,
        disabled: !row.include || skipAll.checked, 'aria-label': `Initial sync for ${row.map}`,
        onchange: e => { row.initialSync = e.target.checked; },
      });
      const item = h('li', {
        class: `run-item ${row.include ? '' : 'excluded'}`.trim(), draggable: 'true', 'data-map': row.map,
        ondragstart: e => { dragged = index; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', row.map); item.classList.add('dragging'); },
        ondragend: () => item.classList.remove('dragging'),
        ondragover: e => { e.preventDefault(); item.classList.add('drop-target'); },
        ondragleave: () => item.classList.remove('drop-target'),
        ondrop: e => { e.preventDefault(); if (dragged !== null) move(dragged, index); dragged = null; },
      },
      h('span', { class: 'drag-handle', title: 'Drag to change the order', 'aria-hidden': 'true' }, '⋮⋮'),
      h('span', { class: 'run-order' }, String(index + 1)),
      h('label', { class: 'run-name' }, include, h('span', {}, row.map),
        row.asked ? h('span', { class: 'tag' }, 'asked for') : row.required ? h('span', { class: 'tag' }, 'dependency') : null),
      row.canRun ? null : h('span', { class: 'run-state' }, 'already ', stateBadge(row.state)),
      h('label', { class: 'run-sync', title: 'Copy the rows that exist now before syncing live' }, sync, 'Initial sync'),
      h('span', { class: 'run-move' },
        h('button', { type: 'button', class: 'icon-button move-up', title: 'Move up', 'aria-label': `Move ${row.map} up`, disabled: index === 0, onclick: () => move(index, index - 1) }, '↑'),
        h('button', { type: 'button', class: 'icon-button move-down', title: 'Move down', 'aria-label': `Move ${row.map} down`, disabled: index === rows.length - 1, onclick: () => move(index, index + 1) }, '↓')));
      return item;
    }));
    const chosen = rows.filter(r => r.include).length;
    submit.disabled = chosen === 0;
    submit.textContent = chosen === 1 ? 'Run 1 map' : `Run ${chosen} maps`;
  }

  const submit = h('button', {
    type: 'submit', class: 'button primary', 'data-action': 'confirm-run',
    onclick: async () => {
      const body = {
        maps: rows.filter(r => r.include).map(r => ({ map: r.map, initialSync: r.initialSync && !skipAll.checked })),
        master: handle.dialog.querySelector('input[name=master]:checked').value,
        rerun: rerun.value,
      };
      submit.disabled = true;
      try {
        const answer = await context.api.post('/actions/run', body);
        handle.close();
        toast(outcome('run', answer, body.maps.map(m => m.map)));
        done();
        refreshNow();
      } catch (error) {
        handle.showError(error);
        submit.disabled = false;
      }
    },
  }, 'Run');

  const handle = openDialog({
    title: names.length === 1 ? `Run ${names[0]}` : `Run ${names.length} maps`,
    wide: true,
    body: [
      h('p', { class: 'muted' }, 'The maps run one after another in this order, the ones others depend on first. Untick a map to leave it out, untick initial sync to start it live at once, and drag a row to change the order.'),
      list,
      h('div', { class: 'run-options' },
        h('fieldset', { class: 'master' },
          h('legend', {}, 'Master for conflicts'),
          h('p', { class: 'muted small' }, 'When a row differs on both sides, the master’s values win.'),
          ['Dataverse', 'FinOps'].map(value => h('label', { class: 'radio' },
            h('input', { type: 'radio', name: 'master', value, checked: value === master }),
            value === 'FinOps' ? 'Finance and Operations' : 'Dataverse'))),
        h('div', { class: 'run-extra' },
          h('label', { class: 'check' }, skipAll, 'Skip initial sync: go straight to Running'),
          h('label', { class: 'stack' }, h('span', {}, 'When a map ran before, re-run'), rerun))),
    ],
    actions: [plainButton('Cancel', () => handle.close()), submit],
  });
  draw();
}
