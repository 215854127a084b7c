// Taxonomy (officer): the themes and their phrases, edited and saved as a new version, and re-analysis of stored
// responses with the new version, with its progress.
import { h, api, render, field, errorSummary, showProblem, clearProblem, busy, flash, replace, when, uid } from '/console/app.js';

const SOURCES = { 'built-in': 'the taxonomy shipped with the analyzer', file: 'the taxonomy file set in the app\'s settings', stored: 'a version saved in this console' };
const POLL_MS = 1000;

export async function taxonomyPage() {
  render('Taxonomy', h('p', {}, 'Loading the taxonomy…'));
  const res = await api('GET', '/api/taxonomy');
  if (!res.ok) {
    render('Taxonomy', h('p', { class: 'flash flash-error' }, `The taxonomy could not be loaded: ${res.message}`));
    return;
  }
  show(res.data);
}

function show(data, savedMessage) {
  const reanalyse = h('section', { 'aria-labelledby': 'reanalyse-title' }, reanalyseSection(data));
  render('Taxonomy',
    h('p', {}, 'Themes are found by their phrases: words, stems ending in * (listen* finds listen, listens, listening) and * alone between two words for up to two other words. Each saved edit is a new version, so every analysis says which themes it used.'),
    savedMessage ? h('p', { class: 'flash flash-success' }, savedMessage) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Version in use'), h('dd', {}, data.version),
      h('dt', {}, 'From'), h('dd', {}, SOURCES[data.source] || data.source),
      data.savedBy ? [h('dt', {}, 'Saved by'), h('dd', {}, `${data.savedBy}, ${when(data.savedUtc)}`)] : null,
      h('dt', {}, 'Themes'), h('dd', {}, String(data.themes.length))),
    reanalyse,
    h('section', { 'aria-labelledby': 'edit-title' }, h('h2', { id: 'edit-title' }, 'Themes and phrases'), editor(data)),
    versionsSection(data));
}

function versionsSection(data) {
  if (!data.versions || data.versions.length === 0) return null;
  return h('section', { 'aria-labelledby': 'versions-title' },
    h('h2', { id: 'versions-title' }, 'Saved versions'),
    h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, 'Saved taxonomy versions, newest first'),
      h('thead', {}, h('tr', {}, ['Version', 'Saved by', 'When'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, data.versions.map((v) => h('tr', {}, h('th', { scope: 'row' }, v.version), h('td', {}, v.savedBy), h('td', {}, when(v.savedUtc)))))));
}

/** One phrase as a line: plain text, or a JSON object on one line when it has a weight or conditions. */
function phraseLine(p) { return typeof p === 'string' ? p : JSON.stringify(p); }

function editor(data) {
  const doc = data.taxonomy;
  const form = h('form', { novalidate: true });
  const themes = (doc.themes || []).map((t) => ({ original: t, key: uid('theme') }));
  const list = h('div', { class: 'theme-editors' });
  const ids = {};
  const draw = () => replace(list, themes.map((t, i) => themeEditor(t, i, themes, draw, ids)));
  draw();
  const version = field('New version', h('input', { type: 'text', name: 'version', value: data.nextVersion, maxlength: '40', spellcheck: 'false' }),
    `The version in use is ${data.version}. A saved edit needs a version never used before.`);
  ids.version = version.input.id;
  const add = h('button', { type: 'button', class: 'button secondary' }, 'Add a theme');
  add.addEventListener('click', () => {
    themes.push({ original: { id: '', label: '', phrases: [] }, key: uid('theme'), open: true });
    draw();
    const inputs = list.querySelectorAll('input[name="id"]');
    inputs[inputs.length - 1].focus();
  });
  const save = h('button', { type: 'submit', class: 'button' }, 'Save as a new version');
  form.append(errorSummary(), list, h('div', { class: 'button-row' }, add), version.row, save);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const problems = {};
    const out = themes.map((t, i) => readTheme(t, i, problems));
    if (Object.keys(problems).length > 0) {
      showProblem(form, { message: 'Some phrases could not be read; nothing was saved.', problem: { errors: problems } }, ids);
      return;
    }
    const body = { ...doc, version: version.input.value.trim(), themes: out };
    await busy(save, async () => {
      const res = await api('PUT', '/api/taxonomy', body, { ifMatch: data.version });
      if (!res.ok) {
        const errors = (res.problem && res.problem.errors) || {};
        showProblem(form, { ...res, problem: { ...res.problem, errors } }, ids);
        return;
      }
      show(res.data, `Version ${res.data.version} saved and in use for new answers. Re-analyse stored responses to bring them to it.`);
      flash(`Taxonomy version ${res.data.version} saved.`);
    });
  });
  return form;
}

function themeEditor(t, index, themes, draw, ids) {
  const o = t.original;
  const idInput = field('Theme id', h('input', { type: 'text', name: 'id', value: o.id, maxlength: '60', spellcheck: 'false' }),
    'Lower-case words joined by hyphens. Changing it splits the theme\'s history: keep it unless the theme is new.');
  const label = field('Label', h('input', { type: 'text', name: 'label', value: o.label || '', maxlength: '100' }));
  const description = field('Description', h('textarea', { name: 'description', rows: '3' }));
  description.input.value = o.description || '';
  const threshold = field('Threshold (optional)', h('input', { type: 'number', name: 'threshold', min: '0.05', max: '1', step: '0.05', value: o.threshold ?? '' }),
    'How strong the phrases together must be to assign the theme, above 0 and at most 1. Empty: the taxonomy\'s default.');
  const phrases = field('Phrases', h('textarea', { name: 'phrases', rows: '10', spellcheck: 'false', class: 'mono' }),
    'One a line. A line may instead be a JSON object such as {"text": "easy to read", "weight": 0.5}.');
  phrases.input.value = (o.phrases || []).map(phraseLine).join('\n');
  t.inputs = { id: idInput.input, label: label.input, description: description.input, threshold: threshold.input, phrases: phrases.input };
  ids[`themes[${index}].phrases`] = phrases.input.id;
  ids[`theme-${index}`] = phrases.input.id;
  const count = (o.phrases || []).length;
  const remove = h('button', { type: 'button', class: 'button secondary small' }, 'Remove this theme');
  remove.addEventListener('click', () => { themes.splice(index, 1); draw(); });
  const details = h('details', { class: 'theme-editor', open: !!t.open },
    h('summary', {}, o.label ? `${o.label}` : 'New theme', h('span', { class: 'hint' }, ` (${o.id || 'no id yet'}, ${count} phrase${count === 1 ? '' : 's'})`)),
    idInput.row, label.row, description.row, threshold.row, phrases.row, remove);
  details.addEventListener('toggle', () => { t.open = details.open; });
  return details;
}

function readTheme(t, index, problems) {
  const i = t.inputs;
  const out = { ...t.original, id: i.id.value.trim(), label: i.label.value.trim() };
  if (i.description.value.trim()) out.description = i.description.value.trim(); else delete out.description;
  if (i.threshold.value !== '') out.threshold = Number(i.threshold.value); else delete out.threshold;
  out.phrases = [];
  const lines = i.phrases.value.split('\n');
  lines.forEach((raw, n) => {
    const line = raw.trim();
    if (!line) return;
    if (line.startsWith('{')) {
      try {
        const p = JSON.parse(line);
        if (typeof p !== 'object' || Array.isArray(p) || p === null) throw new Error('not an object');
        out.phrases.push(p);
      } catch {
        problems[`theme-${index}`] = `Theme "${out.label || out.id || index + 1}", line ${n + 1}: "${line}" is not a JSON object. Write the phrase plainly, or fix the braces and quotes.`;
      }
    } else {
      out.phrases.push(line);
    }
  });
  return out;
}

const JOB = 'feedback.reanalysis';

function reanalyseSection(data) {
  const form = h('form', { novalidate: true });
  const button = h('button', { type: 'submit', class: 'button secondary' }, 'Re-analyse stored responses');
  const progressArea = h('div', {});
  form.append(errorSummary(),
    h('p', {}, `Responses analysed with another version keep their old themes until they are re-analysed with version ${data.version}. Corrections made by officers are kept. The work goes on in the background: you can leave this page and come back.`),
    button, progressArea);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    await busy(button, async () => {
      const res = await api('POST', '/api/reanalyse');
      if (!res.ok) { showProblem(form, res); return; }
      sessionStorage.setItem(JOB, res.data.id);
      await follow(res.data, progressArea, form);
    });
  });
  // A job started earlier in this tab is shown again, and followed while it runs.
  const earlier = sessionStorage.getItem(JOB);
  if (earlier) {
    api('GET', `/api/reanalyse/${encodeURIComponent(earlier)}`).then((res) => {
      if (res.ok && progressArea.isConnected) follow(res.data, progressArea, form, true);
      else if (!res.ok && res.status === 404) sessionStorage.removeItem(JOB);
    });
  }
  return [h('h2', { id: 'reanalyse-title' }, 'Re-analyse stored responses'), form];
}

function describe(job) {
  if (job.status === 'failed') return `Re-analysis failed: ${job.failure}`;
  if (job.status === 'queued') return `Listing the responses analysed with another version than ${job.taxonomyVersion}…`;
  if (job.total === 0) return `Every analysed response already uses version ${job.taxonomyVersion}.`;
  return `Re-analysed ${job.done} of ${job.total} responses with version ${job.taxonomyVersion}.`;
}

async function follow(job, area, form, resumed = false) {
  let watched = !resumed; // a job found finished on a later visit is shown, not announced again
  const labelId = uid('progress');
  const bar = h('progress', { max: String(Math.max(job.total, 1)), value: String(job.done), 'aria-labelledby': labelId });
  const text = h('p', { id: labelId }, '');
  const since = h('p', { class: 'hint' }, '');
  const announce = h('p', { role: 'status', class: 'visually-hidden' });
  const box = h('div', { class: 'progress' }, text, bar, since);
  replace(area, box, announce);
  let lastQuarter = -1;
  for (;;) {
    bar.max = Math.max(job.total, 1);
    if (job.status === 'queued') bar.removeAttribute('value');
    else bar.value = job.total === 0 ? 1 : job.done;
    text.textContent = describe(job);
    since.textContent = `Started by ${job.createdBy}, ${when(job.createdUtc)}; last progress ${when(job.updatedUtc || job.createdUtc)}.`;
    const quarter = job.status === 'queued' ? -2 : job.total === 0 ? 4 : Math.floor((job.done / job.total) * 4);
    if (job.status === 'failed') {
      // A batch went to the poison queue: the job will not finish by itself, so the page stops waiting and says why.
      box.classList.add('progress-failed');
      text.textContent = '';
      text.setAttribute('role', 'alert');
      text.textContent = describe(job);
      announce.textContent = '';
      if (watched) flash('Re-analysis failed. See the reason under "Re-analyse stored responses".', 'error');
      return;
    }
    if (job.status === 'done' || job.status === 'superseded') {
      announce.textContent = job.status === 'done'
        ? `Re-analysis finished: ${job.total} responses re-analysed with version ${job.taxonomyVersion}.`
        : `Another taxonomy version came into use before this re-analysis finished (${job.done} of ${job.total}). Start it again to bring every response to the new version.`;
      if (job.status === 'superseded') text.textContent = announce.textContent;
      else if (watched) flash(`Re-analysis finished: ${job.total} responses re-analysed with version ${job.taxonomyVersion}.`);
      return;
    }
    watched = true;
    if (quarter !== lastQuarter) {
      announce.textContent = text.textContent;
      lastQuarter = quarter;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
    if (!area.isConnected) return; // the officer went to another page; the job goes on
    const res = await api('GET', `/api/reanalyse/${encodeURIComponent(job.id)}`);
    if (!res.ok) {
      showProblem(form, { ...res, message: `Progress could not be read: ${res.message} The re-analysis goes on in the background; reload the page to check again.` });
      return;
    }
    job = res.data;
  }
}
