import { h } from '../dom.js';

export function signInView(session) {
  const input = h('input', {
    id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true,
    placeholder: 'Paste an access token', 'aria-describedby': 'token-help',
  });
  const form = h('form', {
    class: 'signin-form',
    onsubmit: event => {
      event.preventDefault();
      if (input.value.trim()) session.signIn(input.value);
    },
  },
  h('label', { for: 'token' }, 'Access token'),
  input,
  h('button', { type: 'submit', class: 'button primary' }, 'Sign in'));
  return h('div', { class: 'signin' },
    h('div', { class: 'signin-card' },
      h('div', { class: 'brand brand-dark' }, h('img', { src: '/ui/icon.svg', alt: '', width: 32, height: 32 }), h('span', {}, 'DualWrite')),
      h('h1', {}, 'Sign in to the dual-write admin page'),
      session.message ? h('div', { class: 'alert alert-error', role: 'alert' }, h('p', {}, session.message)) : null,
      form,
      h('div', { id: 'token-help', class: 'signin-help' },
        h('p', {}, h('code', {}, 'dualwrite up'), ' prints a sign-in link that signs you in at once.'),
        h('p', {}, 'Otherwise take a token from ', h('code', {}, 'DATA/runtime/credentials.json'),
          ' in the runtime’s data folder (', h('code', {}, '.dualwrite/runtime/credentials.json'),
          ' unless it was started with ', h('code', {}, '--data'), '). The ', h('em', {}, 'admin'),
          ' token may run and stop maps; the ', h('em', {}, 'reader'), ' token may only look.'),
        h('p', {}, 'The token stays in this browser tab only, until you sign out or close the tab.'))));
}
