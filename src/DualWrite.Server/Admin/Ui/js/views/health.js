import { h, replace, empty, fullTime } from '../dom.js';
import { errorMessage } from '../ui.js';

/** The health check of the connection and of every map: each finding with its code and how to fix it. */
export function healthView(context) {
  const result = h('div', { class: 'health-result' });
  const runButton = h('button', { type: 'button', class: 'button primary', 'data-action': 'run-health', onclick: () => run() }, 'Run the health check');
  const el = h('div', { class: 'page health-page' },
    h('header', { class: 'page-header' },
      h('div', {}, h('h1', {}, 'Health check'),
        h('p', { class: 'subtitle' }, 'Checks that both environments answer and accept the runtime, that the hooks are registered and reach the runtime, that every linked company exists on both sides, and that every map still fits both schemas.')),
      runButton),
    result);

  async function run() {
    runButton.disabled = true;
    runButton.textContent = 'Checking…';
    result.setAttribute('aria-busy', 'true');
    try {
      const health = await context.api.get('/connection/health');
      draw(health, new Date());
    } catch (error) {
      replace(result, errorMessage(error));
    } finally {
      runButton.disabled = false;
      runButton.textContent = 'Run the health check again';
      result.removeAttribute('aria-busy');
    }
  }

  function draw(health, at) {
    const findings = health.findings ?? [];
    const connection = findings.filter(f => !f.map);
    const byMap = Map.groupBy ? Map.groupBy(findings.filter(f => f.map), f => f.map) : group(findings.filter(f => f.map));
    replace(result,
      h('div', { class: `health-summary ${health.healthy ? 'healthy' : 'unhealthy'}`, 'data-healthy': String(health.healthy) },
        h('span', { class: 'health-icon', 'aria-hidden': 'true' }, health.healthy ? '✓' : '!'),
        h('div', {},
          h('strong', {}, health.healthy ? 'Everything checks out' : `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} to look at`),
          h('p', { class: 'muted small' }, `Checked ${fullTime(at.toISOString())}`))),
      findings.length === 0 ? empty('No findings', 'The link, its hooks, the companies and every map are as they should be.') : null,
      connection.length ? h('section', { class: 'card' }, h('h2', {}, 'Connection'), connection.map(finding)) : null,
      [...byMap].map(([map, items]) => h('section', { class: 'card' },
        h('h2', {}, h('a', { href: `#/maps/${encodeURIComponent(map)}` }, map)), items.map(finding))));
  }

  function group(items) {
    const groups = new Map();
    for (const item of items) groups.set(item.map, [...(groups.get(item.map) ?? []), item]);
    return groups;
  }

  function finding(f) {
    return h('div', { class: 'finding', 'data-code': f.code },
      h('code', { class: 'finding-code' }, f.code),
      h('div', {},
        h('p', { class: 'finding-message' }, f.field ? h('code', {}, f.field) : null, f.field ? ': ' : null, f.message),
        f.fix ? h('p', { class: 'finding-fix' }, h('strong', {}, 'Fix: '), f.fix) : null));
  }

  // The check calls both environments, so it runs when the page opens and when asked, not every two seconds.
  run();
  return { title: 'Health check', el };
}
