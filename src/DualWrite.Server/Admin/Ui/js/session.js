// The bearer token lives in this tab's sessionStorage only: closing the tab signs out, and it never sits in a URL.

const key = 'dualwrite.token';

export class Session {
  constructor() {
    this.token = sessionStorage.getItem(key);
    this.role = 'unknown';
    this.listeners = new Set();
    this.message = null;
  }

  /** Takes a token handed over in the address (`#token=…`, the link `dualwrite up` prints) and removes it from there. */
  takeFromAddress() {
    const match = /^#token=([^&]+)/.exec(location.hash);
    if (!match) return;
    this.signIn(decodeURIComponent(match[1]));
    history.replaceState(null, '', `${location.pathname}${location.search}#/maps`);
  }

  signIn(token) {
    this.token = token.trim();
    this.role = 'unknown';
    this.message = null;
    sessionStorage.setItem(key, this.token);
    this.changed();
  }

  signOut(message = null) {
    this.token = null;
    this.role = 'unknown';
    this.message = message;
    sessionStorage.removeItem(key);
    this.changed();
  }

  rejected(message) {
    if (this.token) this.signOut(message);
  }

  forbidden() {
    // While signing in the role is still being learnt, and the page is drawn once it is known.
    const redraw = this.role === 'administrator';
    this.role = 'reader';
    if (redraw) this.changed();
  }

  get canAct() {
    return this.role !== 'reader';
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  changed() {
    for (const listener of this.listeners) listener();
  }
}

export const readerReason = 'You are signed in with a reader’s token: it shows everything but changes nothing. Sign in with an administrator’s token to act.';
