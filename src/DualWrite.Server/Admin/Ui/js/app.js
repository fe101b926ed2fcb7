import { Api, ApiError } from './api.js';
import { h, replace, ago } from './dom.js';
import { Session } from './session.js';
import { setRefresher } from './live.js';
import { errorMessage, plainButton } from './ui.js';
import { signInView } from './views/signin.js';
import { mapsView } from './views/maps.js';
import { mapView } from './views/map.js';
import { errorsView } from './views/errors.js';
import { alertsView } from './views/alerts.js';
import { healthView } from './views/health.js';
import { environmentView } from './views/environment.js';
import { bootstrapView } from './views/bootstrap.js';

const pollMilliseconds = 2000;

const pages = [
  { id: 'maps', label: 'Table maps', icon: '⇄' },
  { id: 'errors', label: 'Error log', icon: '!' },
  { id: 'alerts', label: 'Alerts', icon: '◔' },
  { id: 'health', label: 'Health check', icon: '✓' },
  { id: 'bootstrap', label: 'Bootstrap', icon: '⇪' },
  { id: 'environment', label: 'Environment', icon: '⌂' },
];

const session = new Session();
const api = new Api(session);
const root = document.getElementById('app');
let current = null;
let generation = 0;

session.takeFromAddress();
// An action's outcome shows at once rather than at the next poll.
setRefresher(() => poll(generation));
session.onChange(() => start());
// A sign-in link opened in a tab that already shows the page changes only the fragment: no reload, same sign-in.
window.addEventListener('hashchange', () => (location.hash.startsWith('#token=') ? session.takeFromAddress() : route()));
document.addEventListener('visibilitychange', () => { if (!document.hidden) poll(generation); });
start();

async function start() {
  generation++;
  current?.destroy?.();
  current = null;
  if (!session.token) {
    replace(root, signInView(session));
    return;
  }
  if (session.role === 'unknown') {
    replace(root, h('div', { class: 'loading-page' }, 'Signing in…'));
    await learnRole();
    if (!session.token) return;
  }
  layout();
  route();
}

/** Asks the runtime whose token this is, so that a reader's page is drawn with its actions greyed out from the start. */
async function learnRole() {
  try {
    const me = await api.get('/me');
    session.role = me?.role === 'reader' ? 'reader' : 'administrator';
  } catch (error) {
    // A refused token has already signed the tab out. Otherwise the actions are offered, and the first 403 turns
    // the page into a reader's.
    if (error instanceof ApiError && error.status === 401) return;
    session.role = 'administrator';
  }
}

let main;
let banner;
let liveStatus;
let navLinks;

function layout() {
  navLinks = pages.map(page => h('a', { href: `#/${page.id}`, class: 'nav-link', 'data-page': page.id },
    h('span', { class: 'nav-icon', 'aria-hidden': 'true' }, page.icon), page.label));
  liveStatus = h('span', { class: 'live', 'data-live': 'waiting' }, 'Connecting…');
  banner = h('div', { class: 'banner-slot' });
  main = h('main', { class: 'main', id: 'main' });
  replace(root,
    h('aside', { class: 'sidebar' },
      h('a', { class: 'brand', href: '#/maps' }, h('img', { src: '/ui/icon.svg', alt: '', width: 28, height: 28 }), h('span', {}, 'DualWrite')),
      h('p', { class: 'brand-sub' }, 'F&O ⇄ Dataverse'),
      h('nav', { class: 'nav', 'aria-label': 'Pages' }, navLinks),
      h('div', { class: 'sidebar-foot' },
        liveStatus,
        h('div', { class: 'who', 'data-role': session.role },
          session.role === 'reader' ? 'Signed in as a reader' : 'Signed in as an administrator'),
        plainButton('Sign out', () => session.signOut(), 'link sign-out'))),
    h('div', { class: 'content' }, banner, main));
}

function route() {
  if (!session.token || !main) return;
  generation++;
  current?.destroy?.();
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query ?? '');
  const page = parts[0] ?? 'maps';
  const context = { api, session, params, navigate: hash => { location.hash = hash; } };
  current = create(page, parts, context);
  for (const link of navLinks) link.classList.toggle('active', link.dataset.page === page);
  document.title = `${current.title} · DualWrite`;
  replace(main, current.el);
  replace(banner);
  main.focus?.();
  poll(generation);
}

function create(page, parts, context) {
  switch (page) {
    case 'maps': return parts.length > 1 ? mapView(context, parts[1], parts[2] ?? 'fields') : mapsView(context);
    case 'errors': return errorsView(context);
    case 'alerts': return alertsView(context);
    case 'health': return healthView(context);
    case 'bootstrap': return bootstrapView(context);
    case 'environment': return environmentView(context);
    default: return {
      title: 'No such page',
      el: h('div', { class: 'page' }, h('h1', {}, 'No such page'),
        h('p', {}, 'There is nothing at this address. ', h('a', { href: '#/maps' }, 'Go to the table maps.'))),
    };
  }
}

let polling = false;
let again = false;
let timer = null;

/** Asks the page to fetch what it shows every two seconds, one fetch at a time, while the tab is visible. */
async function poll(mine) {
  if (mine !== generation || !current?.refresh) return;
  if (polling) {
    // Asked while a fetch runs (after an action): fetch once more as soon as it ends, for the action's outcome.
    again = true;
    return;
  }
  clearTimeout(timer);
  again = false;
  polling = true;
  try {
    await current.refresh();
    if (mine === generation) {
      replace(banner);
      liveStatus.dataset.live = 'ok';
      liveStatus.dataset.at = new Date().toISOString();
      liveStatus.textContent = 'Live · updated just now';
    }
  } catch (error) {
    if (mine === generation && session.token) {
      liveStatus.dataset.live = 'failing';
      liveStatus.textContent = 'Not up to date';
      replace(banner, h('div', { class: 'banner' }, errorMessage(error),
        h('p', { class: 'banner-hint' }, 'The page tries again every two seconds.')));
    }
  } finally {
    polling = false;
  }
  // A page opened while this fetch ran starts its own polling now, without waiting out the interval.
  const next = generation;
  clearTimeout(timer);
  timer = setTimeout(() => { if (!document.hidden) poll(next); }, next === mine && !again ? pollMilliseconds : 0);
}


setInterval(() => {
  if (liveStatus?.dataset.live === 'ok') liveStatus.textContent = `Live · updated ${ago(liveStatus.dataset.at)}`;
}, 1000);
