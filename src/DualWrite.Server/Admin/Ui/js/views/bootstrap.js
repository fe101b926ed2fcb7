import { h, replace, renderWhenChanged, countKeys, countLabels, empty, table, section, badge, count, bytes, time, fullTime } from '../dom.js';
import { actionButton, act, errorMessage, toast } from '../ui.js';
import { linkedCompanies } from '../link.js';
import { refreshNow } from '../live.js';

const statusKinds = { Running: 'info', Completed: 'ok', Failed: 'error' };

/**
 * Bringing rows that exist already into the link: Dataverse rows without a company given one, and a data-management
 * export of F&O loaded into Dataverse through a map. Both run as jobs on the runtime, followed here as they go.
 */
export function bootstrapView(context) {
  const companyForm = h('div', {});
  const fileForm = h('div', {});
  const jobs = h('div', { class: 'jobs' }, h('p', { class: 'loading' }, 'Loading the bootstrap jobs…'));
  const el = h('div', { class: 'page bootstrap-page' },
    h('header', { class: 'page-header' }, h('div', {}, h('h1', {}, 'Bootstrap'),
      h('p', { class: 'subtitle' }, 'Bring rows that exist already into the link before its maps run: give Dataverse rows without a company one, and load an F&O data-management export into Dataverse by company and key. Compare the map afterwards to see that both sides agree.'))),
    h('div', { class: 'two-columns' }, companyForm, fileForm),
    section('Jobs', jobs));
  let drawn = false;

  function drawForms(companies, maps) {
    if (drawn) return;
    drawn = true;
    replace(companyForm, companyBootstrap(companies, maps));
    replace(fileForm, fileBootstrap(maps));
  }

  function companyBootstrap(companies, maps) {
    const company = h('select', { name: 'company', required: true, 'aria-label': 'Company' }, companies.map(c => h('option', { value: c }, c.toUpperCase())));
    const tables = [...new Set(maps.map(m => m.dataverseTable))].sort();
    const tableInput = h('input', { type: 'text', name: 'table', value: 'account', required: true, list: 'bootstrap-tables', 'aria-label': 'Dataverse table' });
    const filter = h('input', { type: 'text', name: 'filter', placeholder: "startswith(name,'Contoso') (optional)", 'aria-label': 'OData filter' });
    const message = h('div', {});
    return h('form', {
      class: 'card company-bootstrap',
      onsubmit: async event => {
        event.preventDefault();
        replace(message);
        const body = { company: company.value, table: tableInput.value.trim(), filter: filter.value.trim() || null };
        const job = await act(() => context.api.post('/bootstrap/company', body), {
          success: `Giving ${body.table} rows without a company ${body.company.toUpperCase()}: follow it below.`,
          onError: error => replace(message, errorMessage(error)),
        });
        if (job !== undefined) refreshNow();
      },
    },
    h('h2', {}, 'Give rows a company'),
    h('p', { class: 'muted' }, 'Rows of a Dataverse table that have no company get the linked company chosen. Rows that have a company keep it.'),
    companies.length === 0 ? empty('No company is linked', 'Link a company on the Environment page first.') : [
      h('div', { class: 'form-grid' },
        h('label', { class: 'stack' }, h('span', {}, 'Company'), company),
        h('label', { class: 'stack' }, h('span', {}, 'Dataverse table'), tableInput,
          h('datalist', { id: 'bootstrap-tables' }, tables.map(t => h('option', { value: t }))))),
      h('label', { class: 'stack' }, h('span', {}, 'Only rows matching this OData filter'), filter),
      message,
      h('div', { class: 'button-row' }, submit('Give rows a company', 'bootstrap-company')),
    ]);
  }

  function fileBootstrap(maps) {
    const map = h('select', { name: 'map', required: true, 'aria-label': 'Map' }, maps.map(m => h('option', { value: m.name, selected: m.name === 'Customers V3 (accounts)' }, m.name)));
    const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true, 'aria-label': 'Export file' });
    const message = h('div', {});
    const form = h('form', {
      class: 'card file-bootstrap',
      onsubmit: async event => {
        event.preventDefault();
        const chosen = file.files?.[0];
        if (!chosen) return;
        const button = form.querySelector('button[type=submit]');
        button.disabled = true;
        replace(message, h('p', { class: 'loading upload-note' }, `Sending ${chosen.name} (${bytes(chosen.size)})…`));
        const job = await act(() => context.api.upload(`/bootstrap/file?map=${encodeURIComponent(map.value)}`, chosen, 'text/csv'), {
          onError: error => replace(message, errorMessage(error)),
        });
        button.disabled = false;
        if (job !== undefined) {
          replace(message);
          file.value = '';
          toast(`Loading ${chosen.name} through ${map.value}: follow it below.`);
          refreshNow();
        }
      },
    },
    h('h2', {}, 'Load a data-management export'),
    h('p', { class: 'muted' }, 'A CSV exported from F&O data management goes into Dataverse through the map: upserted by company and key, rows of unlinked companies or outside the map’s filter skipped. Loading the same file again changes nothing.'),
    h('div', { class: 'form-grid' },
      h('label', { class: 'stack' }, h('span', {}, 'Through the map'), map),
      h('label', { class: 'stack' }, h('span', {}, 'Export file (.csv)'), file)),
    message,
    h('div', { class: 'button-row' }, submit('Load file', 'bootstrap-file')));
    return form;
  }

  function submit(label, action) {
    return context.session.canAct
      ? h('button', { type: 'submit', class: 'button primary', 'data-action': action }, label)
      : actionButton(context.session, label, { kind: 'primary', action });
  }

  function drawJobs(list) {
    renderWhenChanged(jobs, list, () => list.length === 0
      ? empty('No bootstrap since the runtime started', 'Jobs appear here as they run, with their counts and the rows that failed.')
      : table(['Started', 'What', 'Status', ...countKeys.map(k => ({ text: countLabels[k], class: 'num' }))], list.map(jobRow)));
  }

  function jobRow(job) {
    return h('tr', { class: 'job', 'data-job': job.id, 'data-status': job.status, 'data-kind': job.kind },
      h('td', { class: 'nowrap', title: fullTime(job.startedAt) }, time(job.startedAt)),
      h('td', { class: 'job-what' }, what(job), h('div', { class: 'button-row job-actions' },
        job.counts?.failed ? h('button', {
          type: 'button', class: 'button small', 'data-action': 'download-errors',
          onclick: () => act(() => context.api.download(job.errors.replace(/^\/api\/v1/, ''), `bootstrap ${job.id} errors.csv`)),
        }, 'Failed rows (CSV)') : null,
        job.kind === 'File' && job.status === 'Completed'
          ? h('a', { class: 'button small', href: `#/maps/${encodeURIComponent(job.map)}/compare`, 'data-action': 'compare-map' }, 'Compare the map') : null)),
      h('td', { class: 'job-progress' }, badge(job.status, statusKinds[job.status] ?? 'info'),
        job.message ? h('div', { class: 'error-text small' }, job.message) : null, progress(job)),
      countKeys.map(k => h('td', { class: `num ${k === 'failed' && job.counts?.[k] ? 'error-text' : ''}`.trim(), 'data-count': k }, count(job.counts?.[k] ?? 0))));
  }

  function what(job) {
    if (job.kind === 'Company') {
      return [h('strong', {}, `${job.company?.toUpperCase()} given to ${job.table}`), h('div', { class: 'muted small' }, 'Rows without a company')];
    }
    const unlinked = Object.entries(job.unlinkedCompanies ?? {});
    const ignored = job.ignoredColumns ?? [];
    return [
      h('strong', {}, 'File through ', h('a', { href: `#/maps/${encodeURIComponent(job.map)}` }, job.map)),
      unlinked.length ? h('div', { class: 'small unlinked' }, 'Skipped, company not linked: ', unlinked.map(([c, n]) => `${c.toUpperCase()} ${count(n)}`).join(', ')) : null,
      ignored.length ? h('div', { class: 'muted small', title: ignored.join(', ') }, `${ignored.length} ${ignored.length === 1 ? 'column' : 'columns'} the map does not use`) : null,
    ];
  }

  function progress(job) {
    if (job.kind !== 'File' || !job.totalBytes) return job.status === 'Running' ? h('div', { class: 'muted small' }, `${count(job.counts?.read ?? 0)} rows so far`) : null;
    const percent = Math.round((job.bytesRead / job.totalBytes) * 100);
    const fill = h('div', { class: 'bar-fill' });
    fill.style.width = `${percent}%`;
    return [h('div', { class: 'small muted' }, `${percent}% of ${bytes(job.totalBytes)} read`),
      h('div', { class: 'bar', role: 'progressbar', 'aria-valuenow': percent, 'aria-valuemin': 0, 'aria-valuemax': 100 }, fill)];
  }

  return {
    title: 'Bootstrap',
    el,
    async refresh() {
      const [list, companies, maps] = await Promise.all([
        context.api.get('/bootstrap/jobs'),
        drawn ? null : linkedCompanies(context.api),
        drawn ? null : context.api.get('/maps'),
      ]);
      drawForms(companies, maps);
      drawJobs(list);
    },
  };
}
