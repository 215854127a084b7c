// Responses (officer): filters, each response's redacted text with its themes and evidence, sentiment and key phrases,
// theme corrections, and the export of corrections as labelled data.
import { h, api, render, field, errorSummary, showProblem, clearProblem, busy, flash, replace, when, receipt, uid, saveBlob, fileNameOf } from '/console/app.js';

const PAGE_SIZE = 50;
const AUDIENCES = [['child', 'Children and young people'], ['parent', 'Parents and carers'], ['practitioner', 'Practitioners'], ['forum-notes', 'Forum session notes']];
const SENTIMENTS = [['negative', 'Negative'], ['positive', 'Positive'], ['mixed', 'Mixed'], ['neutral', 'Neutral']];
const CHANNELS = { web: 'Web link', qr: 'QR code', 'forum-notes': 'Session notes', import: 'Imported' };

function isoDay(d) { return d.toISOString().slice(0, 10); }

function quarterStart(now) { return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1)); }

function option(value, text, selected) { return h('option', { value, selected: value === selected }, text); }

export async function responsesPage() {
  const filters = h('section', { 'aria-labelledby': 'filter-title' }, h('h2', { id: 'filter-title' }, 'Filter'), h('p', {}, 'Loading…'));
  const results = h('section', { 'aria-labelledby': 'results-title', 'aria-busy': 'false' });
  const exportArea = h('section', { 'aria-labelledby': 'export-title' });
  render('Responses',
    h('p', {}, 'Each response shows its text with personal data removed, the themes found and why, sentiment and key phrases. Correct the themes where the analyzer got them wrong: your correction wins in every digest.'),
    filters, results, exportArea);
  const [surveys, taxonomy] = await Promise.all([api('GET', '/api/surveys'), api('GET', '/api/taxonomy')]);
  if (!surveys.ok || !taxonomy.ok) {
    replace(filters, h('h2', { id: 'filter-title' }, 'Filter'),
      h('p', { class: 'flash flash-error' }, `The page could not be loaded: ${(surveys.ok ? taxonomy : surveys).message}`));
    return;
  }
  const context = {
    surveys: surveys.data,
    themes: taxonomy.data.themes,
    taxonomyVersion: taxonomy.data.version,
    questions: new Map(),
  };
  for (const s of surveys.data) for (const q of s.questions) context.questions.set(`${s.code}/${q.id}`, q.text);
  replace(filters, h('h2', { id: 'filter-title' }, 'Filter'), filterForm(context, results));
  replace(exportArea, h('h2', { id: 'export-title' }, 'Corrections as labelled data'), exportForm());
}

function filterForm(context, results) {
  const now = new Date();
  const start = quarterStart(now);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
  const form = h('form', { novalidate: true, class: 'filters' });
  const survey = field('Survey', h('select', { name: 'survey' }, option('', 'All surveys'),
    context.surveys.map((s) => option(s.code, s.title)), option('forum-notes', 'Forum session notes')));
  const venue = field('Venue', h('select', { name: 'venue' }, option('', 'All venues')));
  const audience = field('Who answered', h('select', { name: 'audience' }, option('', 'Everyone'), AUDIENCES.map(([v, t]) => option(v, t))));
  const theme = field('Theme', h('select', { name: 'theme' }, option('', 'All themes'), context.themes.map((t) => option(t.id, t.label))));
  const sentiment = field('Sentiment', h('select', { name: 'sentiment' }, option('', 'Any'), SENTIMENTS.map(([v, t]) => option(v, t))));
  const from = field('From', h('input', { type: 'date', name: 'from', value: isoDay(start) }));
  const to = field('To (included)', h('input', { type: 'date', name: 'to', value: isoDay(end) }));
  const corrected = field('Corrections', h('select', { name: 'corrected' }, option('', 'Corrected or not'), option('true', 'Only corrected'), option('false', 'Only not corrected')));
  const button = h('button', { type: 'submit', class: 'button' }, 'Show responses');
  const venuesOfSurvey = () => {
    const chosen = context.surveys.find((s) => s.code === survey.input.value);
    const known = new Map();
    for (const s of chosen ? [chosen] : context.surveys) for (const v of s.venues || []) known.set(v.code, v.name);
    for (const v of context.seenVenues || []) if (!known.has(v)) known.set(v, v);
    const current = venue.input.value;
    replace(venue.input, option('', 'All venues'), [...known].map(([c, n]) => option(c, n === c ? c : `${n} (${c})`, current)));
  };
  survey.input.addEventListener('change', venuesOfSurvey);
  venuesOfSurvey();
  const ids = { survey: survey.input.id, venue: venue.input.id, audience: audience.input.id, theme: theme.input.id, sentiment: sentiment.input.id, from: from.input.id, to: to.input.id, corrected: corrected.input.id };
  form.append(errorSummary(),
    h('div', { class: 'filter-grid' }, survey.row, venue.row, audience.row, theme.row, sentiment.row, corrected.row, from.row, to.row),
    button);
  const load = async () => {
    clearProblem(form);
    const q = new URLSearchParams();
    for (const [name, input] of [['survey', survey.input], ['venue', venue.input], ['audience', audience.input], ['theme', theme.input], ['sentiment', sentiment.input], ['corrected', corrected.input]]) {
      if (input.value) q.set(name, input.value);
    }
    if (from.input.value) q.set('from', from.input.value);
    if (to.input.value) {
      const next = new Date(to.input.value + 'T00:00:00Z');
      next.setUTCDate(next.getUTCDate() + 1);
      q.set('to', isoDay(next));
    }
    results.setAttribute('aria-busy', 'true');
    const res = await api('GET', '/api/responses?' + q.toString());
    results.setAttribute('aria-busy', 'false');
    if (!res.ok) {
      showProblem(form, res, ids);
      return;
    }
    context.seenVenues = res.data.venues;
    venuesOfSurvey();
    showResults(results, res.data, context);
  };
  form.addEventListener('submit', async (e) => { e.preventDefault(); await busy(button, load); });
  load();
  return form;
}

function showResults(results, data, context) {
  const list = h('div', { class: 'response-list' });
  let shown = 0;
  const more = h('button', { type: 'button', class: 'button secondary' });
  const showMore = () => {
    const next = data.responses.slice(shown, shown + PAGE_SIZE);
    list.append(...next.map((r) => responseCard(r, context)));
    shown += next.length;
    const left = data.responses.length - shown;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more of ${left}`;
  };
  more.addEventListener('click', () => {
    const first = shown;
    showMore();
    const target = list.children[first] && list.children[first].querySelector('h3');
    if (target) { target.setAttribute('tabindex', '-1'); target.focus(); }
  });
  const count = data.total === 1 ? '1 response' : `${data.total} responses`;
  flash(`${count} found.`, 'info');
  replace(results,
    h('h2', { id: 'results-title' }, count),
    data.total > data.responses.length ? h('p', { class: 'hint' }, `Showing the newest ${data.responses.length}. Narrow the filters to see others.`) : null,
    data.total === 0 ? h('p', {}, 'No response matches these filters.') : null,
    list, more);
  showMore();
}

function questionText(context, r, questionId) {
  if (r.surveyCode === 'forum-notes') return 'Point from session notes';
  return context.questions.get(`${r.surveyCode}/${questionId}`) || questionId;
}

function surveyTitle(context, code) {
  if (code === 'forum-notes') return 'Forum session notes';
  const s = context.surveys.find((x) => x.code === code);
  return s ? s.title : code;
}

function percent(x) { return `${Math.round(x * 100)}%`; }

function themeList(themes, withEvidence) {
  if (themes.length === 0) return h('p', { class: 'no-theme' }, 'No theme');
  return h('ul', { class: 'themes' }, themes.map((t) => h('li', {},
    h('strong', { class: 'theme' }, t.label),
    withEvidence && t.evidence && t.evidence.length
      ? [' ', h('span', { class: 'evidence' }, `because of: ${t.evidence.map((e) => `“${e}”`).join(', ')}`), ' ', h('span', { class: 'hint' }, `(${percent(t.confidence)} sure)`)]
      : null)));
}

function responseCard(r, context) {
  const titleId = uid('r');
  const body = h('div', {});
  const card = h('article', { class: 'response', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, `Response ${receipt(r.id)}`),
    h('dl', { class: 'facts compact' },
      h('dt', {}, 'Survey'), h('dd', {}, surveyTitle(context, r.surveyCode)),
      h('dt', {}, 'Venue'), h('dd', {}, r.venue || 'Not known'),
      h('dt', {}, 'Received'), h('dd', {}, when(r.receivedUtc)),
      h('dt', {}, 'How'), h('dd', {}, CHANNELS[r.channel] || r.channel),
      h('dt', {}, 'Analysis'), h('dd', {}, r.status === 'analysed' ? 'Done' : 'Waiting')),
    body);
  const draw = (view) => replace(body, answersOf(view, context), correctionArea(view, context, draw));
  draw(r);
  return card;
}

function answersOf(r, context) {
  if (r.status !== 'analysed') return h('p', {}, 'This response is waiting to be analysed; its text and themes will show here.');
  if (r.freeText.length === 0) return h('p', {}, 'This response has no written answer.');
  return r.freeText.map((a) => h('section', { class: 'answer' },
    h('h4', {}, questionText(context, r, a.questionId)),
    a.concernFlagged
      ? h('p', { class: 'withheld' }, 'Withheld: this answer may be a safeguarding concern. The safeguarding lead sees it on the Concerns page.')
      : h('blockquote', {}, h('p', {}, a.redactedText)),
    h('dl', { class: 'facts compact' },
      h('dt', {}, 'Sentiment'), h('dd', {}, `${capital(a.sentiment.label)} (positive ${percent(a.sentiment.positive)}, negative ${percent(a.sentiment.negative)})`),
      a.keyPhrases.length ? [h('dt', {}, 'Key phrases'), h('dd', {}, a.keyPhrases.join(', '))] : null,
      h('dt', {}, a.correctedThemes ? 'Themes found' : 'Themes'), h('dd', {}, themeList(a.themes, true)),
      a.correctedThemes ? [h('dt', {}, 'Corrected themes'), h('dd', {}, themeList(a.correctedThemes, false))] : null)));
}

function capital(s) { return s ? s[0].toUpperCase() + s.slice(1) : s; }

function correctionArea(r, context, redraw) {
  const correctable = r.status === 'analysed' ? r.freeText.filter((a) => !a.concernFlagged) : [];
  const note = r.correction ? h('p', { class: 'correction-note' }, `Themes corrected by ${r.correction.correctedBy} on ${when(r.correction.correctedUtc)}.`) : null;
  if (correctable.length === 0) return note;
  const details = h('details', { class: 'correct' }, h('summary', {}, 'Correct the themes'));
  const form = h('form', { novalidate: true });
  const groups = correctable.map((a) => {
    const current = new Set((a.correctedThemes || a.themes).map((t) => t.themeId));
    const boxes = context.themes.map((t) => {
      const box = h('input', { type: 'checkbox', name: `${a.questionId}`, value: t.id, id: uid('t'), checked: current.has(t.id) });
      return { box, row: h('div', { class: 'checkbox' }, box, h('label', { for: box.id }, t.label)) };
    });
    return { answer: a, boxes, fieldset: h('fieldset', { class: 'theme-choices' }, h('legend', {}, `Themes for “${questionText(context, r, a.questionId)}”`), boxes.map((b) => b.row)) };
  });
  const save = h('button', { type: 'submit', class: 'button' }, 'Save themes');
  const undo = r.correction ? h('button', { type: 'button', class: 'button secondary' }, 'Remove the correction') : null;
  form.append(errorSummary(), h('p', { class: 'hint' }, `Tick every theme the answer is about (taxonomy ${context.taxonomyVersion}).`),
    ...groups.map((g) => g.fieldset), h('div', { class: 'button-row' }, save, undo ?? ''));
  const send = async (answers, button, done) => {
    clearProblem(form);
    await busy(button, async () => {
      const res = await api('PUT', `/api/responses/${encodeURIComponent(r.id)}/themes`, { answers });
      if (!res.ok) { showProblem(form, res); return; }
      redraw(res.data);
      flash(done);
    });
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const answers = {};
    for (const g of groups) answers[g.answer.questionId] = g.boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    send(answers, save, `Themes of response ${receipt(r.id)} corrected.`);
  });
  if (undo) undo.addEventListener('click', () => send({}, undo, `Correction of response ${receipt(r.id)} removed; the analyzer's themes apply again.`));
  details.append(form);
  return [note, details];
}

function exportForm() {
  const form = h('form', { novalidate: true, class: 'narrow' });
  const from = field('From (optional)', h('input', { type: 'date', name: 'from' }));
  const to = field('To (optional, included)', h('input', { type: 'date', name: 'to' }));
  const button = h('button', { type: 'submit', class: 'button secondary' }, 'Download corrections (JSON Lines)');
  form.append(errorSummary(),
    h('p', {}, 'Every corrected answer as a line of the analyzer\'s development set (text with personal data removed, your themes), to help the analyzer learn.'),
    h('div', { class: 'filter-grid' }, from.row, to.row), button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const q = new URLSearchParams();
    if (from.input.value) q.set('from', from.input.value);
    if (to.input.value) {
      const next = new Date(to.input.value + 'T00:00:00Z');
      next.setUTCDate(next.getUTCDate() + 1);
      q.set('to', isoDay(next));
    }
    await busy(button, async () => {
      const res = await api('GET', '/api/corrections/export?' + q.toString(), undefined, { raw: true });
      if (!res.ok) { showProblem(form, res, { from: from.input.id, to: to.input.id }); return; }
      saveBlob(res.blob, fileNameOf(res.headers, 'theme-corrections.jsonl'));
      flash('Corrections downloaded.');
    });
  });
  return form;
}
