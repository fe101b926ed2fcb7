import { h, replace, renderWhenChanged, empty, table, badge, fullTime, time, count } from '../dom.js';
import { actionButton, act, confirmAction, errorMessage, openDialog, plainButton } from '../ui.js';
import { connectionOrNull } from '../link.js';
import { refreshNow } from '../live.js';

/** Both environments, the link between them, its companies and solutions, and resetting the link. */
export function environmentView(context) {
  const environments = h('div', { class: 'env-cards' }, h('p', { class: 'loading' }, 'Asking both environments…'));
  const link = h('div', {});
  const solutions = h('div', {});
  const danger = h('div', {});
  const el = h('div', { class: 'page environment-page' },
    h('header', { class: 'page-header' }, h('div', {}, h('h1', {}, 'Environment'),
      h('p', { class: 'subtitle' }, 'The F&O and Dataverse environments this runtime links, the companies it syncs and the solutions its maps come from.'))),
    environments, link, solutions, danger);
  let addForm = null;

  function drawEnvironments(status) {
    const list = [['FinOps', 'Finance and Operations', status?.finOps], ['Dataverse', 'Dataverse', status?.dataverse]].filter(([, , env]) => env);
    renderWhenChanged(environments, list, () => list.map(([kind, title, env]) =>
      h('section', { class: 'card env-card', 'data-env': kind },
        h('div', { class: 'env-head' },
          h('h2', {}, title),
          env.answers ? badge('answers', 'ok') : badge('does not answer', 'error')),
        h('dl', { class: 'fields' },
          h('div', { class: 'field' }, h('dt', {}, 'Service root'), h('dd', {}, h('code', {}, env.environment?.serviceRoot ?? '–'))),
          h('div', { class: 'field' }, h('dt', {}, 'The runtime signs in as'), h('dd', {}, h('code', {}, env.environment?.clientId ?? '–'))),
          env.problem ? h('div', { class: 'field' }, h('dt', {}, 'Problem'), h('dd', { class: 'error-text' }, env.problem)) : null,
          h('div', { class: 'field' }, h('dt', {}, 'Linked companies here'), h('dd', {}, (env.companies ?? []).length
            ? env.companies.map(c => h('span', {
              class: `chip-code ${c.present ? '' : 'missing'}`.trim(),
              title: c.present ? `${c.code} exists in ${title}` : `${c.code} is missing in ${title}: the health check says how to fix it`,
            }, c.present ? '✓ ' : '✗ ', c.code.toUpperCase()))
            : h('span', { class: 'muted' }, 'None')))))));
  }

  function drawLink(connection) {
    if (!connection) {
      renderWhenChanged(link, null, () => h('section', { class: 'card' }, h('h2', {}, 'Link'),
        empty('This runtime is not linked', 'Start everything with dualwrite up, or link two environments with dualwrite link.')));
      return;
    }
    const companies = connection.companies ?? [];
    renderWhenChanged(link, { connection, role: context.session.role }, () => h('section', { class: 'card link-card' },
      h('h2', {}, 'Link'),
      h('dl', { class: 'fields fields-inline' },
        connection.linkedAt ? h('div', { class: 'field' }, h('dt', {}, 'Linked'), h('dd', {}, fullTime(connection.linkedAt), connection.linkedBy ? ` by ${connection.linkedBy}` : '')) : null,
        connection.hookBaseUrl ? h('div', { class: 'field' }, h('dt', {}, 'Hooks call the runtime at'), h('dd', {}, h('code', {}, connection.hookBaseUrl))) : null),
      h('h3', {}, 'Linked companies'),
      h('div', { class: 'company-list' }, companies.length === 0
        ? h('span', { class: 'muted' }, 'No company is linked, so no row is synchronised.')
        : companies.map(c => {
          const code = typeof c === 'string' ? c : c.code;
          return h('span', { class: 'company', 'data-company': code }, code.toUpperCase(),
            actionButton(context.session, '×', {
              kind: 'icon-button remove-company', title: `Stop syncing ${code}`,
              onClick: async () => {
                if (await confirmAction({ title: `Stop syncing ${code.toUpperCase()}?`, message: `Rows of ${code.toUpperCase()} stay where they are on both sides but are no longer kept in step.`, confirmLabel: 'Remove company', danger: true })) {
                  await act(() => context.api.delete(`/connection/companies/${encodeURIComponent(code)}`), { success: `${code.toUpperCase()} is no longer synchronised.` });
                  refreshNow();
                }
              },
            }));
        })),
      addCompany(),
      hooks(connection.hooks)));
  }

  function addCompany() {
    if (!addForm) {
      const code = h('input', { type: 'text', name: 'code', placeholder: 'Company code, e.g. dat', required: true, class: 'narrow-text', 'aria-label': 'Company code' });
      const skip = h('input', { type: 'checkbox', name: 'skip' });
      const message = h('div', {});
      addForm = h('form', {
        class: 'inline-form add-company',
        onsubmit: async e => {
          e.preventDefault();
          replace(message);
          const result = await act(() => context.api.post('/connection/companies', { code: code.value.trim(), skipInitialSync: skip.checked }), {
            success: `${code.value.trim().toUpperCase()} is linked.`,
            onError: error => replace(message, errorMessage(error)),
          });
          if (result !== undefined) { code.value = ''; skip.checked = false; refreshNow(); }
        },
      }, code, h('label', { class: 'check' }, skip, 'Skip initial sync for running maps'),
      context.session.canAct ? h('button', { type: 'submit', class: 'button', 'data-action': 'add-company' }, 'Add company') : actionButton(context.session, 'Add company'), message);
    }
    return addForm;
  }

  function hooks(registered) {
    if (!registered) return null;
    const finOps = registered.finOpsEntities ?? [];
    const dataverse = registered.dataverseTables ?? [];
    return [h('h3', {}, 'Hooks'), h('ul', { class: 'plain-list' },
      h('li', {}, h('strong', {}, 'F&O sync hook '), h('code', {}, registered.finOpsHookId), ` for ${finOps.length} ${finOps.length === 1 ? 'entity' : 'entities'}`),
      h('li', {}, h('strong', {}, 'Dataverse webhook '), h('code', {}, registered.dataverseEndpointId),
        ` with ${(registered.dataverseStepIds ?? []).length} steps on ${dataverse.length} ${dataverse.length === 1 ? 'table' : 'tables'}`))];
  }

  function drawSolutions(list, active) {
    const items = Array.isArray(list) ? list : list?.items ?? [];
    const maps = Array.isArray(active) ? active : active?.items ?? [];
    renderWhenChanged(solutions, { items, maps }, () => h('section', { class: 'card' },
      h('h2', {}, 'Solutions'),
      items.length === 0 ? empty('No solution imported', 'Maps come in solutions: import one with dualwrite solutions import.')
        : table(['Name', 'Version', 'Publisher', { text: 'Maps', class: 'num' }, 'Imported', 'Description'], items.map(s => h('tr', {},
          h('td', {}, h('strong', {}, s.name)), h('td', {}, s.version), h('td', {}, s.publisher), h('td', { class: 'num' }, count(s.maps)),
          h('td', {}, s.importedAt ? time(s.importedAt) : '–'), h('td', { class: 'muted' }, s.description ?? '')))),
      maps.length ? h('details', { class: 'active-versions' }, h('summary', {}, `Active version of each of the ${maps.length} maps`),
        table(['Map', 'Solution', 'Version'], maps.map(m => h('tr', {}, h('td', {}, h('a', { href: `#/maps/${encodeURIComponent(m.map)}` }, m.map)), h('td', {}, m.solution), h('td', {}, m.version))))) : null));
  }

  function drawDanger(linked) {
    renderWhenChanged(danger, { linked, role: context.session.role }, () => !linked ? [] : h('section', { class: 'card danger-zone' },
      h('h2', {}, 'Reset the link'),
      h('p', {}, 'Clears what this runtime knows of the link: its configuration, hooks, key settings, logs and history, so that a refreshed pair of environments can be linked again. Business data on both sides is left as it is.'),
      actionButton(context.session, 'Reset link…', { kind: 'danger', action: 'reset-link', onClick: reset })));
  }

  /**
   * Asks before resetting; a refusal (maps still running, an environment not answering) stays in the dialog in the
   * API's words, so that the person can tick the box that forces it and confirm again, or cancel.
   */
  function reset() {
    const force = h('input', { type: 'checkbox', name: 'force' });
    let busy = false;
    const confirm = h('button', {
      type: 'submit', class: 'button danger', 'data-action': 'confirm-reset',
      onclick: async () => {
        if (busy) return;
        busy = true;
        confirm.disabled = true;
        dialog.clearError();
        const answer = await act(() => context.api.post('/connection/reset', { force: force.checked }), {
          success: r => [
            'The link is reset.',
            (r?.stopped ?? []).length ? `Stopped ${r.stopped.join(', ')}.` : '',
            (r?.leftBehind ?? []).length ? `Remove by hand what the environments kept: ${r.leftBehind.join(', ')}.` : '',
          ].filter(Boolean).join(' '),
          onError: error => dialog.showError(error),
        });
        busy = false;
        confirm.disabled = false;
        if (answer !== undefined) dialog.close();
        refreshNow();
      },
    }, 'Reset link');
    const dialog = openDialog({
      title: 'Reset the link?',
      body: [
        h('p', {}, 'This cannot be undone: the runtime forgets the link, its maps’ states and logs, and the queued changes. Maps must be stopped first unless you stop them now.'),
        h('label', { class: 'check' }, force, 'Force the reset: stop the maps that are running'),
      ],
      actions: [plainButton('Cancel', () => dialog.close()), confirm],
    });
  }

  return {
    title: 'Environment',
    el,
    async refresh() {
      const connection = await connectionOrNull(context.api);
      const [envs, list, active] = await Promise.all([
        connection ? context.api.get('/environments').catch(error => ({ error })) : null,
        context.api.get('/solutions'),
        context.api.get('/solutions/active'),
      ]);
      if (envs?.error) renderWhenChanged(environments, envs.error.message, () => errorMessage(envs.error));
      else drawEnvironments(envs);
      drawLink(connection);
      drawSolutions(list, active);
      drawDanger(Boolean(connection));
    },
  };
}
