import { h, renderWhenChanged, empty, table, badge, duration } from '../dom.js';
import { actionButton, act, confirmAction } from '../ui.js';
import { refreshNow } from '../live.js';

const types = ['Application', 'System', 'Concurrency'];
const actions = { Notify: 'Only notify', Pause: 'Notify and pause the map', Stop: 'Notify and stop the map' };

/** Alert rules: N errors of some types within M minutes on a map notify, and may pause or stop it. */
export function alertsView(context) {
  const list = h('div', { class: 'alerts-list' }, h('p', { class: 'loading' }, 'Loading the alert rules…'));
  const formSlot = h('div', {});
  const el = h('div', { class: 'page alerts-page' },
    h('header', { class: 'page-header' }, h('div', {}, h('h1', {}, 'Alerts'),
      h('p', { class: 'subtitle' }, 'A rule watches one map: when enough errors come within a window it writes to the map’s activity log, posts to a webhook if given, and can pause the map so that users’ changes queue instead of failing.'))),
    h('section', { class: 'card' }, h('h2', {}, 'Rules'), list),
    formSlot);
  let formDrawn = false;

  function drawForm(maps) {
    if (formDrawn) return;
    formDrawn = true;
    const map = h('select', { name: 'map', required: true }, maps.map(m => h('option', { value: m.name }, m.name)));
    const errors = h('input', { type: 'number', name: 'errors', min: 1, value: 5, required: true, class: 'narrow' });
    const minutes = h('input', { type: 'number', name: 'minutes', min: 1, value: 10, required: true, class: 'narrow' });
    const action = h('select', { name: 'action' }, Object.entries(actions).map(([value, label]) => h('option', { value, selected: value === 'Pause' }, label)));
    const webhook = h('input', { type: 'url', name: 'webhook', placeholder: 'https://… (optional)' });
    const typeBoxes = types.map(t => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'type', value: t, checked: true }), t));
    const message = h('div', {});
    const canAct = context.session.canAct;
    const form = h('form', {
      class: 'card alert-form',
      onsubmit: async e => {
        e.preventDefault();
        const chosen = typeBoxes.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value);
        const body = {
          map: map.value, errors: Number(errors.value), types: chosen, windowSeconds: Number(minutes.value) * 60,
          action: action.value, webhook: webhook.value.trim() || null,
        };
        await act(() => context.api.post('/alerts', body), {
          success: `Alert rule added for ${body.map}.`,
          onError: error => renderWhenChanged(message, error.message, () => h('div', { class: 'alert alert-error', role: 'alert' }, h('p', {}, error.message))),
        }).then(result => { if (result !== undefined) { message.replaceChildren(); message.dataset.rendered = ''; refreshNow(); } });
      },
    },
    h('h2', {}, 'Add a rule'),
    maps.length === 0 ? empty('No maps to watch', 'Alert rules watch a map; import a solution first.') : [
      h('div', { class: 'sentence' },
        h('label', {}, 'When ', errors, ' errors'),
        h('span', {}, ' of the types '), h('span', { class: 'type-filter' }, typeBoxes),
        h('label', {}, ' happen within ', minutes, ' minutes'),
        h('label', {}, ' on ', map)),
      h('div', { class: 'form-grid' },
        h('label', { class: 'stack' }, h('span', {}, 'Then'), action),
        h('label', { class: 'stack' }, h('span', {}, 'Webhook to post a JSON notice to'), webhook)),
      message,
      h('div', { class: 'button-row' }, canAct
        ? h('button', { type: 'submit', class: 'button primary', 'data-action': 'add-alert' }, 'Add rule')
        : actionButton(context.session, 'Add rule', { kind: 'primary' })),
    ]);
    formSlot.replaceChildren(form);
  }

  function draw(rules) {
    renderWhenChanged(list, { rules, role: context.session.role }, () => rules.length === 0
      ? empty('No alert rules', 'Add one below to be told when errors pile up on a map, and to pause it before more users’ changes fail.')
      : table(['Map', 'Rule', 'Then', 'Webhook', ''], rules.map(r => h('tr', { 'data-id': r.id },
        h('td', {}, h('a', { href: `#/maps/${encodeURIComponent(r.map)}` }, r.map)),
        h('td', {}, `${r.errors} ${r.errors === 1 ? 'error' : 'errors'}`,
          (r.types ?? []).length && r.types.length < types.length ? ` (${r.types.join(', ').toLowerCase()})` : '',
          ` within ${duration(r.windowSeconds)}`),
        h('td', {}, badge(actions[r.action] ?? r.action, r.action === 'Notify' ? 'info' : 'warn')),
        h('td', { class: 'muted small' }, r.webhook ?? 'None'),
        h('td', { class: 'actions-cell' }, actionButton(context.session, 'Delete', {
          kind: 'danger-outline small', action: 'delete-alert',
          onClick: async () => {
            if (await confirmAction({ title: 'Delete this alert rule?', message: `The rule on ${r.map} stops watching it.`, confirmLabel: 'Delete', danger: true })) {
              await act(() => context.api.delete(`/alerts/${encodeURIComponent(r.id)}`), { success: 'Alert rule deleted.' });
              refreshNow();
            }
          },
        }))))));
  }

  return {
    title: 'Alerts',
    el,
    async refresh() {
      if (!formDrawn) drawForm(await context.api.get('/maps'));
      const rules = await context.api.get('/alerts');
      draw(Array.isArray(rules) ? rules : rules.items ?? []);
    },
  };
}
