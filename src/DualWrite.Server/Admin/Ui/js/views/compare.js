import { h, replace, count, empty, table, section, badge, duration } from '../dom.js';
import { actionButton, act, confirmAction, errorMessage } from '../ui.js';
import { refreshNow } from '../live.js';

const countColumns = [
  ['finOpsRows', 'F&O rows', 'Rows of the company read from F&O'],
  ['dataverseRows', 'Dataverse rows', 'Rows of the company read from Dataverse'],
  ['equal', 'Equal', 'Keys whose mapped values agree on both sides'],
  ['onlyInFinOps', 'Only in F&O', 'Keys F&O has and Dataverse lacks'],
  ['onlyInDataverse', 'Only in Dataverse', 'Keys Dataverse has and F&O lacks'],
  ['differing', 'Differing', 'Keys both sides have whose mapped values differ'],
  ['skipped', 'Skipped', 'Keys the map leaves out: outside its filter, or of a company that is not linked'],
];

const differenceKeys = new Set(['onlyInFinOps', 'onlyInDataverse', 'differing']);
const kindLabels = { OnlyInFinOps: 'Only in F&O', OnlyInDataverse: 'Only in Dataverse', Differing: 'Differing' };
const masterLabels = { FinOps: 'F&O', Dataverse: 'Dataverse' };

/**
 * The Compare tab of a map's page: both sides read in key order and merged, with the counts by company and the
 * differing rows field by field; an administrator may then settle them with a master. Nothing is compared until the
 * person asks, since a comparison reads every row of both sides, and what it found stays on the page while it polls.
 */
export function comparePanel(context, name, map, companies) {
  const path = `/maps/${encodeURIComponent(name)}/compare`;
  const companySelect = map.map?.companySpecific
    ? h('select', { name: 'company', 'aria-label': 'Company to compare' },
      h('option', { value: '' }, 'Every linked company'),
      companies.map(c => h('option', { value: c }, c.toUpperCase())))
    : null;
  const compareButton = h('button', { type: 'submit', class: 'button primary', 'data-action': 'compare' }, 'Compare');
  const result = h('div', { class: 'compare-result' }, empty('Nothing compared yet', 'Choose Compare to read both sides.'));
  const form = h('form', { class: 'compare-tools', onsubmit: event => { event.preventDefault(); compare(); } },
    h('p', { class: 'muted' }, 'Reads both sides in key order and lists the rows only in F&O, only in Dataverse, and the rows whose mapped values differ. Comparing changes nothing.'),
    h('div', { class: 'inline-form' }, companySelect ? h('label', { class: 'check' }, 'Company', companySelect) : null, compareButton));
  const el = h('div', { class: 'compare' }, section('Compare both sides', form), result);

  // The fix settles what the comparison on screen covered, whatever the company chosen since.
  let compared = null;

  async function compare() {
    const company = companySelect?.value || null;
    await busy('Comparing both sides…', () => context.api.post(path, { company }), report => {
      compared = company;
      replace(result, reportView(report));
    });
  }

  async function fix(master) {
    const ok = await confirmAction({
      title: `Fix with ${masterLabels[master]} as master?`,
      message: `Rows on one side only are created on the other, and differing rows take ${masterLabels[master]}’s values; fields that travel one way only still come from their source. The map keeps its state, and the fix is recorded as its latest initial sync. Afterwards both sides are compared again.${compared ? ` Only ${compared.toUpperCase()} is fixed, as compared.` : ''}`,
      confirmLabel: `Fix with ${masterLabels[master]}`,
    });
    if (!ok) return;
    await busy('Fixing, then comparing again…', () => context.api.post(path, { company: compared, fix: true, master }),
      report => {
        replace(result, fixView(report.fix), reportView(report.fix?.after ?? report));
        refreshNow();
      });
  }

  async function busy(words, work, done) {
    compareButton.disabled = true;
    el.setAttribute('aria-busy', 'true');
    replace(result, h('p', { class: 'loading compare-busy' }, words));
    const report = await act(work, { onError: error => replace(result, errorMessage(error)) });
    compareButton.disabled = false;
    el.removeAttribute('aria-busy');
    if (report !== undefined) done(report);
  }

  function reportView(report) {
    const totals = report.totals ?? {};
    return [
      summary(report, totals),
      section('By company', table(
        [{ text: 'Company' }, ...countColumns.map(([, text, title]) => ({ text, title, class: 'num' }))],
        [...(report.companies ?? []).map(c => countsRow(c.company ? c.company.toUpperCase() : 'Every row (a global table)', c.counts, c.company)),
          (report.companies ?? []).length > 1 ? countsRow('All', totals, null, 'totals') : null])),
      totals.differences ? differencesView(report, totals) : null,
      totals.differences ? fixChoice() : null,
    ];
  }

  function summary(report, totals) {
    const speed = `Compared ${count(totals.compared)} keys in ${duration(report.seconds)}${report.rowsPerSecond ? ` (${count(Math.round(report.rowsPerSecond))} rows/s)` : ''}.`;
    if (report.agrees) {
      return h('div', { class: 'alert alert-ok compare-summary', 'data-agrees': 'true' },
        h('p', {}, h('strong', {}, 'Both sides agree. '), `${count(totals.equal)} equal`, totals.skipped ? `, ${count(totals.skipped)} left out by the map.` : '.'),
        h('p', { class: 'muted small' }, speed));
    }
    return h('div', { class: 'alert alert-warn compare-summary', 'data-agrees': 'false' },
      h('p', {}, h('strong', {}, `The sides differ in ${count(totals.differences)} ${totals.differences === 1 ? 'row' : 'rows'}: `),
        `${count(totals.onlyInFinOps)} only in F&O, ${count(totals.onlyInDataverse)} only in Dataverse, ${count(totals.differing)} differing.`),
      h('p', { class: 'muted small' }, speed));
  }

  function countsRow(label, counts, company, kind) {
    return h('tr', { class: kind, 'data-company': company ?? (kind ? 'all' : '') },
      h('td', {}, h('strong', {}, label)),
      countColumns.map(([key]) => h('td', { class: `num ${differenceKeys.has(key) && counts?.[key] ? 'error-text' : ''}`.trim(), 'data-count': key }, count(counts?.[key] ?? 0))));
  }

  function differencesView(report, totals) {
    const listed = report.differences ?? [];
    return section('Differences',
      h('p', { class: 'muted small' }, listed.length < totals.differences
        ? `The first ${count(listed.length)} of ${count(totals.differences)}, in key order within each company; the counts above are exact.`
        : `All ${count(totals.differences)}, in key order within each company.`),
      table(['Company', 'Key', 'Difference', 'Field', 'F&O value', 'Dataverse value'], listed.flatMap(differenceRows)));
  }

  function differenceRows(d) {
    const fields = d.fields ?? [];
    const span = Math.max(fields.length, 1);
    const head = [
      h('td', { rowspan: span }, d.company ? d.company.toUpperCase() : '–'),
      h('td', { rowspan: span }, h('code', {}, d.key)),
      h('td', { rowspan: span }, badge(kindLabels[d.kind] ?? d.kind, d.kind === 'Differing' ? 'warn' : 'info'),
        d.problem ? h('div', { class: 'error-text small' }, d.problem) : null),
    ];
    if (fields.length === 0) {
      return [h('tr', { class: 'difference', 'data-kind': d.kind, 'data-key': d.key }, head, h('td', { colspan: 3, class: 'muted' }, 'The whole row'))];
    }
    return fields.map((f, i) => h('tr', { class: 'difference', 'data-kind': d.kind, 'data-key': d.key, 'data-field': f.mapping },
      i === 0 ? head : null,
      h('td', { title: f.mapping }, h('code', {}, f.finOpsField ?? '–'), ' ⇄ ', h('code', {}, f.dataverseField ?? '–')),
      h('td', { class: 'value', 'data-side': 'finops' }, value(f.finOpsValue)),
      h('td', { class: 'value', 'data-side': 'dataverse' }, value(f.dataverseValue))));
  }

  function value(text) {
    return text === null || text === undefined ? h('span', { class: 'muted' }, 'none') : h('code', {}, text);
  }

  function fixChoice() {
    return section('Settle the differences',
      h('p', {}, 'Choose the side whose values win. The fix writes through the change writer as an initial sync with that master would, then compares again.'),
      h('div', { class: 'button-row' },
        ['FinOps', 'Dataverse'].map(master => actionButton(context.session, `Fix with ${masterLabels[master]} as master…`, {
          action: `fix-${master.toLowerCase()}`,
          onClick: () => fix(master),
        }))));
  }

  function fixView(done) {
    if (!done) return null;
    const written = c => `${count(c?.created ?? 0)} created, ${count(c?.updated ?? 0)} updated, ${count(c?.failed ?? 0)} failed`;
    const failed = (done.toDataverse?.failed ?? 0) + (done.toFinOps?.failed ?? 0);
    return h('div', { class: `alert ${failed ? 'alert-error' : 'alert-info'} compare-fix`, 'data-master': done.master },
      h('p', {}, h('strong', {}, `Fixed with ${masterLabels[done.master] ?? done.master} as master`), ` (initial sync run ${done.run}).`),
      h('p', {}, `To Dataverse: ${written(done.toDataverse)}. To F&O: ${written(done.toFinOps)}.`),
      failed ? h('p', {}, 'The rows that failed are listed with their reasons on the ', h('a', { href: `#/maps/${encodeURIComponent(name)}/initial-sync` }, 'Initial sync tab'), '.') : null);
  }

  return el;
}
