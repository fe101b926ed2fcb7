import { h, replace } from './dom.js';
import { readerReason } from './session.js';

/** A button for something that changes the runtime: a reader sees it greyed out, with why on hover. */
export function actionButton(session, label, options = {}) {
  const reason = !session.canAct ? readerReason : options.disabled ? options.reason : null;
  const button = h('button', {
    type: 'button',
    class: `button ${options.kind ?? ''}`.trim(),
    disabled: Boolean(reason),
    title: reason ?? options.title,
    'data-action': options.action,
    onclick: options.onClick,
  }, label);
  // A disabled button gets no pointer events in some browsers; its wrapper still shows why.
  return reason ? h('span', { class: 'button-wrap', title: reason }, button) : button;
}

export function plainButton(label, onClick, kind = '') {
  return h('button', { type: 'button', class: `button ${kind}`.trim(), onclick: onClick }, label);
}

/** The problem the API gave, in its own words, with the findings of a refused map listed below. */
export function errorMessage(error) {
  const findings = error?.findings ?? [];
  return h('div', { class: 'alert alert-error', role: 'alert' },
    h('p', {}, error?.message ?? String(error)),
    findings.length === 0 ? null : h('ul', { class: 'findings-list' }, findings.map(f =>
      h('li', {}, h('code', {}, f.code), ' ', f.map ? h('strong', {}, `${f.map}: `) : null, f.message, f.fix ? h('div', { class: 'fix' }, `Fix: ${f.fix}`) : null))));
}

export function openDialog({ title, body, actions, wide }) {
  const form = h('form', { method: 'dialog', class: 'dialog-form' });
  const errors = h('div', { class: 'dialog-errors' });
  const dialog = h('dialog', { class: `dialog ${wide ? 'dialog-wide' : ''}`.trim(), 'aria-label': title },
    h('header', { class: 'dialog-header' }, h('h2', {}, title),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', title: 'Close', onclick: () => close() }, '×')),
    form);
  replace(form, h('div', { class: 'dialog-body' }, body), errors, h('footer', { class: 'dialog-footer' }, actions));
  form.addEventListener('submit', event => event.preventDefault());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  function close() {
    if (dialog.open) dialog.close();
  }
  return {
    dialog,
    close,
    showError(error) { replace(errors, errorMessage(error)); },
    clearError() { replace(errors); },
  };
}

/** Asks before something that cannot be undone; resolves to true only when the person confirms. */
export function confirmAction({ title, message, confirmLabel, danger, extra }) {
  return new Promise(resolve => {
    let answered = false;
    const finish = value => {
      if (!answered) {
        answered = true;
        resolve(value);
      }
      handle.close();
    };
    const handle = openDialog({
      title,
      body: [h('p', {}, message), extra],
      actions: [
        plainButton('Cancel', () => finish(false)),
        h('button', { type: 'submit', class: `button ${danger ? 'danger' : 'primary'}`, onclick: () => finish(true) }, confirmLabel),
      ],
    });
    handle.dialog.addEventListener('close', () => finish(false));
  });
}

let toasts;

export function toast(message, kind = 'success') {
  toasts ??= document.body.appendChild(h('div', { class: 'toasts', 'aria-live': 'polite' }));
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  toasts.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}

/** Runs an action against the API, disabling the clicked control meanwhile; a refusal shows its words. */
export async function act(work, { success, onError } = {}) {
  try {
    const result = await work();
    if (success) toast(typeof success === 'function' ? success(result) : success);
    return result;
  } catch (error) {
    if (onError) onError(error);
    else toast(error.message, 'error');
    return undefined;
  }
}

export function tabs(items, active, onSelect) {
  return h('nav', { class: 'tabs', role: 'tablist' }, items.map(item =>
    h('a', {
      role: 'tab',
      class: `tab ${item.id === active ? 'active' : ''}`.trim(),
      href: item.href,
      'aria-selected': item.id === active ? 'true' : 'false',
      'data-tab': item.id,
      onclick: onSelect ? event => { event.preventDefault(); onSelect(item.id); } : null,
    }, item.label, item.count ? h('span', { class: 'tab-count' }, item.count) : null)));
}
