// Lets any part of the page ask for fresh data at once (after an action) without knowing who polls.

let refresher = () => {};

export function setRefresher(fn) {
  refresher = fn;
}

export function refreshNow() {
  refresher();
}
