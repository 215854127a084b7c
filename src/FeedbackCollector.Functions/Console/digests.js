// Digests (officer): generate a digest for a period, preview its HTML, download every format, and record "You said,
// we did" actions against themes.
import { h, api, render, field, errorSummary, showProblem, clearProblem, busy, flash, replace, when, saveBlob, fileNameOf, uid } from '/console/app.js';

const FILE_NAMES = {
  'digest.html': 'Web page (HTML)',
  'digest.md': 'Markdown',
  'digest.json': 'Data (JSON)',
  'themes.csv': 'Themes (CSV)',
  'comments.csv': 'Comments (CSV)',
};

function isoDay(d) { return d.toISOString().slice(0, 10); }

function quarterOf(d) { return { year: d.getUTCFullYear(), number: Math.floor(d.getUTCMonth() / 3) + 1 }; }

function quarterKey(q) { return `${q.year}-Q${q.number}`; }

function previousQuarter(q) { return q.number === 1 ? { year: q.year - 1, number: 4 } : { year: q.year, number: q.number - 1 }; }

export async function digestsPage() {
  const generate = h('section', { 'aria-labelledby': 'generate-title' });
  const stored = h('section', { 'aria-labelledby': 'stored-title' });
  const previewArea = h('section', { 'aria-labelledby': 'preview-title', hidden: true });
  const actions = h('section', { 'aria-labelledby': 'actions-title' });
  render('Digests',
    h('p', {}, 'A digest tells what children, parents and practitioners said in a period: themes, trends, typical quotes with personal data removed, and what was done about it. Small numbers are withheld so nobody can be picked out.'),
    generate, previewArea, stored, actions);
  const context = { previewArea, stored };
  replace(generate, h('h2', { id: 'generate-title' }, 'Generate a digest'), generateForm(context));
  await loadStored(context);
  const taxonomy = await api('GET', '/api/taxonomy');
  replace(actions, h('h2', { id: 'actions-title' }, 'You said, we did'),
    taxonomy.ok ? await actionsArea(taxonomy.data.themes) : h('p', { class: 'flash flash-error' }, `The themes could not be loaded: ${taxonomy.message}`));
}

function generateForm(context) {
  const now = new Date();
  const last = previousQuarter(quarterOf(now));
  const start = new Date(Date.UTC(last.year, (last.number - 1) * 3, 1));
  const end = new Date(Date.UTC(last.year, last.number * 3, 0));
  const form = h('form', { novalidate: true, class: 'narrow' });
  const from = field('From', h('input', { type: 'date', name: 'from', value: isoDay(start) }));
  const to = field('To (included)', h('input', { type: 'date', name: 'to', value: isoDay(end) }), 'A whole quarter is compared with the quarter before it.');
  const button = h('button', { type: 'submit', class: 'button' }, 'Generate digest');
  form.append(errorSummary(), h('div', { class: 'filter-grid' }, from.row, to.row), button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    await busy(button, async () => {
      const res = await api('POST', '/api/digests', { from: from.input.value, to: to.input.value });
      if (!res.ok) { showProblem(form, res, { from: from.input.id, to: to.input.id }); return; }
      flash(`Digest of ${res.data.label} generated.`);
      await loadStored(context);
      await preview(context, res.data.period, res.data.label);
    });
  });
  return form;
}

async function loadStored(context) {
  const res = await api('GET', '/api/digests');
  if (!res.ok) {
    replace(context.stored, h('h2', { id: 'stored-title' }, 'Stored digests'), h('p', { class: 'flash flash-error' }, `The digests could not be listed: ${res.message}`));
    return;
  }
  const digests = res.data.digests;
  const latest = (files) => files.reduce((m, f) => (f.lastModifiedUtc && f.lastModifiedUtc > m ? f.lastModifiedUtc : m), '');
  const row = (d) => h('tr', {},
    h('th', { scope: 'row' }, d.period),
    h('td', {}, h('ul', { class: 'plain' },
      d.files.some((f) => f.name === 'digest.html') ? h('li', {}, previewButton(context, d.period)) : null,
      d.files.map((f) => h('li', {}, downloadButton(d.period, f.name))))),
    h('td', {}, when(latest(d.files))));
  const table = h('table', { class: 'table' },
    h('caption', { class: 'visually-hidden' }, 'Stored digests, newest period first'),
    h('thead', {}, h('tr', {}, ['Period', 'Files', 'Made'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, digests.map(row)));
  replace(context.stored, h('h2', { id: 'stored-title' }, 'Stored digests'),
    digests.length === 0 ? h('p', {}, 'No digest has been generated yet.') : table);
}

function previewButton(context, period) {
  const b = h('button', { type: 'button', class: 'button secondary small' }, 'Preview', h('span', { class: 'visually-hidden' }, ` the digest of ${period}`));
  b.addEventListener('click', () => busy(b, () => preview(context, period, period)));
  return b;
}

function downloadButton(period, name) {
  const b = h('button', { type: 'button', class: 'button secondary small' }, `Download ${FILE_NAMES[name] || name}`, h('span', { class: 'visually-hidden' }, ` for ${period}`));
  b.addEventListener('click', () => busy(b, async () => {
    const res = await api('GET', `/api/digests/${encodeURIComponent(period)}/${encodeURIComponent(name)}`, undefined, { raw: true });
    if (!res.ok) { flash(`The file could not be downloaded: ${res.message}`, 'error'); return; }
    saveBlob(res.blob, fileNameOf(res.headers, `${period}-${name}`));
  }));
  return b;
}

async function preview(context, period, label) {
  const res = await api('GET', `/api/digests/${encodeURIComponent(period)}/digest.html`, undefined, { raw: true });
  const area = context.previewArea;
  if (!res.ok) {
    replace(area, h('h2', { id: 'preview-title' }, 'Preview'), h('p', { class: 'flash flash-error' }, `The digest could not be shown: ${res.message}`));
    area.hidden = false;
    return;
  }
  // The digest is shown in a sandboxed frame: no script can run in it, and its own style block is allowed by hash only.
  const frame = h('iframe', { class: 'preview-frame', title: `Digest of ${label}`, sandbox: '' });
  frame.srcdoc = await res.blob.text();
  const heading = h('h2', { id: 'preview-title', tabindex: '-1' }, `Preview: digest of ${label}`);
  replace(area, heading, frame);
  area.hidden = false;
  heading.focus();
}

async function actionsArea(themes) {
  const wrap = h('div', {});
  const now = quarterOf(new Date());
  const quarters = [now];
  for (let i = 0; i < 3; i += 1) quarters.push(previousQuarter(quarters[quarters.length - 1]));
  const list = h('div', {});
  const form = h('form', { novalidate: true, class: 'narrow' });
  const period = field('Quarter', h('select', { name: 'period' }, quarters.map((q) => h('option', { value: quarterKey(q) }, quarterKey(q)))),
    'The digest of this quarter lists the action under its theme.');
  const theme = field('Theme', h('select', { name: 'themeId' }, themes.map((t) => h('option', { value: t.id }, t.label))));
  const youSaid = field('You said', h('textarea', { name: 'youSaid', rows: '3', maxlength: '1000' }), 'What children, parents or practitioners told us, in their words where you can.');
  const weDid = field('We did', h('textarea', { name: 'weDid', rows: '3', maxlength: '1000' }), 'What changed because of it.');
  const button = h('button', { type: 'submit', class: 'button' }, 'Record action');
  form.append(errorSummary(), period.row, theme.row, youSaid.row, weDid.row, button);
  const labels = new Map(themes.map((t) => [t.id, t.label]));
  const load = async () => {
    const res = await api('GET', `/api/actions?period=${encodeURIComponent(period.input.value)}`);
    if (!res.ok) { replace(list, h('p', { class: 'flash flash-error' }, `The actions could not be loaded: ${res.message}`)); return; }
    const acts = res.data.actions;
    replace(list, acts.length === 0 ? h('p', {}, `No action recorded for ${res.data.period} yet.`)
      : h('table', { class: 'table' },
        h('caption', {}, `Actions recorded for ${res.data.period}`),
        h('thead', {}, h('tr', {}, ['Theme', 'You said', 'We did', 'Recorded'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, acts.map((a) => h('tr', {},
          h('th', { scope: 'row' }, labels.get(a.themeId) || a.themeId),
          h('td', {}, a.youSaid), h('td', {}, a.weDid),
          h('td', {}, `${a.recordedBy}, ${when(a.recordedUtc)}`))))));
  };
  period.input.addEventListener('change', load);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    await busy(button, async () => {
      const res = await api('POST', '/api/actions', { period: period.input.value, themeId: theme.input.value, youSaid: youSaid.input.value, weDid: weDid.input.value });
      if (!res.ok) {
        showProblem(form, res, { period: period.input.id, themeId: theme.input.id, youSaid: youSaid.input.id, weDid: weDid.input.id });
        return;
      }
      youSaid.input.value = '';
      weDid.input.value = '';
      flash(`Action recorded under ${labels.get(res.data.themeId) || res.data.themeId} for ${res.data.period}. Generate the digest again to include it.`);
      await load();
    });
  });
  const listId = uid('actions-list');
  wrap.append(form, h('div', { id: listId }, list));
  await load();
  return wrap;
}
