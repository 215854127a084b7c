// The staff console: sign-in, the role's pages, and the helpers every page uses.
// No framework and nothing from elsewhere; every element is built with h(), never from HTML strings, so text from
// responses can never become markup.
import { surveysPage, surveyPage } from '/console/surveys.js';
import { responsesPage } from '/console/responses.js';
import { taxonomyPage } from '/console/taxonomy.js';
import { concernsPage } from '/console/concerns.js';
import { notesPage } from '/console/notes.js';
import { digestsPage } from '/console/digests.js';

const KEY = 'feedback.key';
const ROLE = 'feedback.role';
const LABEL = 'feedback.label';
const PAGES = 'feedback.pages';
const VIA = 'feedback.via';
const SIGNED_OUT = 'feedback.signedOut';

/** Every page a role may see, in menu order. */
const PAGE_INFO = {
  surveys: { title: 'Surveys', render: surveysPage },
  responses: { title: 'Responses', render: responsesPage },
  digests: { title: 'Digests', render: digestsPage },
  taxonomy: { title: 'Taxonomy', render: taxonomyPage },
  notes: { title: 'Session notes', render: notesPage },
  concerns: { title: 'Concerns', render: concernsPage },
};

// ---------- DOM helpers ----------

/** Builds an element: h('p', {class: 'x'}, 'text', child). Attributes starting with "on" attach listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;
/** A unique element id. */
export function uid(prefix) { idCounter += 1; return `${prefix}-${idCounter}`; }

/** A labelled form field: label, optional hint, error slot, control. Returns {row, input}. */
export function field(labelText, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  const hintId = hint ? id + '-hint' : null;
  const errorId = id + '-error';
  const described = [hintId, errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  const row = h('div', { class: 'field' },
    h('label', { for: id }, labelText),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
    control);
  return { row, input: control };
}

/** Formats an ISO time for people (local time, day month year). */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Formats an ISO time as a date only. */
export function day(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A response id as a receipt: ABCDE-FGHJK. */
export function receipt(id) { return id && id.length === 10 ? id.slice(0, 5) + '-' + id.slice(5) : id; }

// ---------- session ----------

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  get role() { return sessionStorage.getItem(ROLE); },
  get label() { return sessionStorage.getItem(LABEL); },
  get pages() { try { return JSON.parse(sessionStorage.getItem(PAGES) || '[]'); } catch { return []; } },
  /** 'key', or 'app-service' when App Service authentication signed the person in (no key is kept then). */
  get via() { return sessionStorage.getItem(VIA) || 'key'; },
  get signedIn() { return !!sessionStorage.getItem(ROLE); },
  set(key, me) {
    if (key) sessionStorage.setItem(KEY, key);
    else sessionStorage.removeItem(KEY);
    sessionStorage.setItem(ROLE, (me.roles && me.roles.length > 1) ? me.roles.join(', ') : me.role);
    sessionStorage.setItem(LABEL, me.label || me.role);
    sessionStorage.setItem(PAGES, JSON.stringify(me.pages || []));
    sessionStorage.setItem(VIA, me.via || 'key');
    sessionStorage.removeItem(SIGNED_OUT);
  },
  clear() { for (const k of [KEY, ROLE, LABEL, PAGES, VIA]) sessionStorage.removeItem(k); },
};

// ---------- API ----------

/** The outcome of an API call: ok, status, data (parsed JSON), problem (RFC 9457), message (why it failed, for people). */
export async function api(method, path, body, options = {}) {
  // The console's own header: where App Service authentication signs people in by cookie, the server refuses
  // requests without it, so a page on another site cannot act with that cookie.
  const headers = { Accept: 'application/json', 'X-Feedback-Console': '1' };
  const key = options.key || session.key;
  if (key) headers['X-Feedback-Key'] = key;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let res;
  try {
    res = await fetch(path, { method, headers, body: payload, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, message: 'The console could not reach the server. Check your connection and try again; nothing was changed.' };
  }
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (options.raw && res.ok) {
    return { ok: true, status: res.status, blob: await res.blob(), headers: res.headers };
  }
  if (type.includes('json')) {
    try { data = await res.json(); } catch { data = null; }
  }
  if (res.ok) return { ok: true, status: res.status, data, headers: res.headers };
  if (res.status === 401 && !options.signingIn) {
    signOut(session.via === 'app-service' ? 'Your sign-in has ended. Sign in again.' : 'Your key was not accepted: it may have been revoked. Sign in again.');
  }
  return { ok: false, status: res.status, problem: data, message: problemMessage(res.status, data) };
}

function problemMessage(status, problem) {
  const detail = problem && (problem.detail || problem.title);
  switch (status) {
    case 401: return 'Your key was not accepted. Check it and try again.';
    case 403: return detail || 'Your role may not do this.';
    case 413: return detail || 'That is too large to send.';
    case 503: return (detail || 'Storage is not answering.') + ' Nothing was changed; try again shortly.';
    default: return detail || `The server answered ${status}; nothing was changed.`;
  }
}

// ---------- messages ----------

let pending = null;

/** Shows a message once the next page (after go()) has been shown, so the navigation does not clear it. */
export function flashNext(text, kind = 'success') { pending = { text, kind }; }

/** Shows a short message in the page's polite live region. */
export function flash(text, kind = 'success') {
  const region = document.getElementById('flash');
  replace(region, text ? h('p', { class: `flash flash-${kind}` }, text) : null);
}

/**
 * Shows why an action failed in an error summary at the top of a form (role=alert), with one line per field at fault,
 * each linking to the field when the form has one of that name; also marks the fields.
 */
export function showProblem(form, outcome, fieldIds = {}) {
  clearProblem(form);
  const summary = form.querySelector('.error-summary');
  const items = [];
  const errors = (outcome.problem && outcome.problem.errors) || {};
  for (const [name, text] of Object.entries(errors)) {
    const id = fieldIds[name] || fieldIds[name.split(/[.[]/)[0]];
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      const slot = document.getElementById(target.id + '-error');
      if (slot) { slot.hidden = false; slot.textContent = text; }
      items.push(h('li', {}, h('a', { href: '#' + target.id, onclick: (e) => { e.preventDefault(); target.focus(); } }, text)));
    } else {
      // A problem of the whole document (taxonomy[3]) or body ($) reads best alone; a named field keeps its name.
      items.push(h('li', {}, name === '$' || /^\w+\[\d+\]$/.test(name) ? text : `${name}: ${text}`));
    }
  }
  replace(summary,
    h('h2', { class: 'error-title' }, 'There is a problem'),
    h('p', {}, outcome.message),
    items.length ? h('ul', { class: 'error-list' }, items) : null);
  summary.hidden = false;
  summary.focus();
}

/** Clears an error summary and field marks. */
export function clearProblem(form) {
  const summary = form.querySelector('.error-summary');
  if (summary) { summary.hidden = true; summary.replaceChildren(); }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error')) { el.hidden = true; el.textContent = ''; }
}

/** The error summary element a form starts with. */
export function errorSummary() {
  return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
}

/** Runs an action with its button busy, so it cannot be sent twice. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try { return await work(); } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Saves a fetched file to the user's downloads. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, class: 'visually-hidden' }, name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The file name a download answer gives, or a fallback. */
export function fileNameOf(headers, fallback) {
  const cd = headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

// ---------- pages and routing ----------

/** Sets the page's content and title, and moves focus to its heading (for screen readers and keyboards). */
export function render(title, ...content) {
  document.title = `${title} – FeedbackCollector staff console`;
  const page = document.getElementById('page');
  const heading = h('h1', { tabindex: '-1', id: 'page-title' }, title);
  replace(page, heading, ...content);
  heading.focus();
  return page;
}

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const parts = hash.split('/').filter(Boolean).map(decodeURIComponent);
  return parts;
}

export function go(path) {
  if (location.hash === '#/' + path) show();
  else location.hash = '#/' + path;
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  const list = document.getElementById('nav-list');
  const who = document.getElementById('who');
  if (!session.signedIn) {
    nav.hidden = true;
    who.hidden = true;
    return;
  }
  replace(list, session.pages.filter((p) => PAGE_INFO[p]).map((p) => h('li', {},
    h('a', { href: '#/' + p, 'aria-current': p === current ? 'page' : null }, PAGE_INFO[p].title))));
  nav.hidden = false;
  document.getElementById('who-text').textContent = `Signed in as ${session.label} (${session.role})`;
  who.hidden = false;
}

async function show() {
  if (pending) {
    flash(pending.text, pending.kind);
    pending = null;
  } else {
    flash('');
  }
  const [name, ...rest] = route();
  if (!session.signedIn && !sessionStorage.getItem(SIGNED_OUT)) await signInThroughAppService();
  if (!session.signedIn) {
    renderNav(null);
    signInPage();
    return;
  }
  const pages = session.pages;
  if (!name || !PAGE_INFO[name] || !pages.includes(name)) {
    const first = pages.find((p) => PAGE_INFO[p]);
    if (name && PAGE_INFO[name]) {
      renderNav(null);
      render('Not for your role', h('p', {}, `The ${PAGE_INFO[name].title} page is not for the ${session.role} role.`),
        first ? h('p', {}, h('a', { href: '#/' + first }, `Go to ${PAGE_INFO[first].title}`)) : null);
      return;
    }
    if (first) { go(first); return; }
    render('Nothing to show', h('p', {}, 'Your role has no pages in this console.'));
    return;
  }
  renderNav(name);
  if (name === 'surveys' && rest.length > 0) await surveyPage(rest[0]);
  else await PAGE_INFO[name].render(...rest);
}

let appServiceTried = false;

/**
 * Behind App Service authentication the person is already signed in to their organisation: /api/me answers without a
 * key when the app reads that sign-in. Asked once per page load; without it (401) the key form is shown.
 */
async function signInThroughAppService() {
  if (appServiceTried) return;
  appServiceTried = true;
  const me = await api('GET', '/api/me', undefined, { signingIn: true });
  if (me.ok && me.data.via === 'app-service') session.set(null, me.data);
  else if (!me.ok && me.status === 403) appServiceRefusal = me.message;
}

let appServiceRefusal = null;

function signInPage(message) {
  const form = h('form', { class: 'narrow', novalidate: true });
  const keyField = field('Staff key', h('input', { type: 'password', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true }),
    'Your key starts with fck_. Ask your administrator if you do not have one.');
  const button = h('button', { type: 'submit', class: 'button' }, 'Sign in');
  form.append(errorSummary(), keyField.row, button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const key = keyField.input.value.trim();
    if (!key) {
      showProblem(form, { message: 'Enter your staff key.', problem: { errors: { key: 'Enter your staff key.' } } }, { key: keyField.input.id });
      return;
    }
    await busy(button, async () => {
      const me = await api('GET', '/api/me', undefined, { key, signingIn: true });
      if (!me.ok) {
        const text = me.status === 401 ? 'That key was not accepted. Check it (it may have been revoked) and try again.' : me.message;
        showProblem(form, { message: text, problem: { errors: { key: text } } }, { key: keyField.input.id });
        return;
      }
      session.set(key, me.data);
      const first = (me.data.pages || []).find((p) => PAGE_INFO[p]);
      go(first || '');
    });
  });
  const again = sessionStorage.getItem(SIGNED_OUT) === 'app-service'
    ? h('p', {}, h('button', {
      type: 'button',
      class: 'button secondary',
      onclick: () => { sessionStorage.removeItem(SIGNED_OUT); appServiceTried = false; show(); },
    }, 'Sign in again with your organisation account'), ' ', h('a', { href: '/.auth/logout' }, 'Sign out of your organisation account'))
    : null;
  render('Sign in',
    message ? h('p', { class: 'flash flash-warning' }, message) : null,
    appServiceRefusal ? h('p', { class: 'flash flash-error' }, appServiceRefusal) : null,
    again,
    h('p', {}, 'Sign in with the staff key you were given. Participation officers, youth-forum facilitators and safeguarding leads each see the pages of their role.'),
    form);
}

export function signOut(message) {
  // Signed in by App Service: stay signed out of the console in this tab until asked (the organisation sign-in stays).
  sessionStorage.setItem(SIGNED_OUT, session.via === 'app-service' ? 'app-service' : 'key');
  session.clear();
  renderNav(null);
  if (location.hash && location.hash !== '#/') history.replaceState(null, '', '#/');
  signInPage(message || 'You have signed out.');
}

document.getElementById('sign-out').addEventListener('click', () => signOut());
window.addEventListener('hashchange', show);
show();
