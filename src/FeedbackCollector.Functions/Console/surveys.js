// Surveys (officer): list, create from a default survey or from scratch, edit questions, open and close, venues with
// their QR codes and posters.
import { h, api, render, field, errorSummary, showProblem, clearProblem, busy, flash, flashNext, replace, go, day, uid } from '/console/app.js';

const KINDS = [
  ['emoji-scale', 'Five faces (1 to 5)'],
  ['yes-not-sure-no', 'Yes / not sure / no'],
  ['single-choice', 'One choice'],
  ['multiple-choice', 'Several choices'],
  ['free-text', 'Free text (analysed)'],
  ['age-band', 'Age band (optional)'],
];
const AUDIENCES = [['child', 'Children and young people'], ['parent', 'Parents and carers'], ['practitioner', 'Practitioners']];
const WITH_OPTIONS = new Set(['single-choice', 'multiple-choice', 'age-band']);

/** Lower-case letters, digits and single hyphens, from any text (for codes and ids). */
export function slug(text, max = 40) {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/g, '');
}

function statusTag(status) {
  return h('strong', { class: `tag tag-${status}` }, status === 'open' ? 'Open' : status === 'closed' ? 'Closed' : 'Draft');
}

function audienceName(a) {
  const found = AUDIENCES.find(([v]) => v === a);
  return found ? found[1] : a;
}

export async function surveysPage() {
  const list = h('div', {}, h('p', {}, 'Loading surveys…'));
  const create = h('section', { 'aria-labelledby': 'create-title' }, h('h2', { id: 'create-title' }, 'Create a survey'), h('p', {}, 'Loading…'));
  render('Surveys', list, create);
  const [surveys, templates] = await Promise.all([api('GET', '/api/surveys'), api('GET', '/api/survey-templates')]);
  if (!surveys.ok) {
    replace(list, h('p', { class: 'flash flash-error' }, `The surveys could not be loaded: ${surveys.message}`));
    return;
  }
  replace(list, surveysTable(surveys.data));
  replace(create, h('h2', { id: 'create-title' }, 'Create a survey'), createForm(templates.ok ? templates.data : [], surveys.data));
}

function surveysTable(surveys) {
  if (surveys.length === 0) return h('p', {}, 'There are no surveys yet. Create one below.');
  return h('table', { class: 'table' },
    h('caption', {}, `${surveys.length} survey${surveys.length === 1 ? '' : 's'}`),
    h('thead', {}, h('tr', {}, ['Survey', 'Who for', 'Status', 'Venues', 'Changed'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, surveys.map((s) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/surveys/${encodeURIComponent(s.code)}` }, s.title), h('br'), h('span', { class: 'code' }, s.code)),
      h('td', {}, audienceName(s.audience)),
      h('td', {}, statusTag(s.status)),
      h('td', { class: 'num' }, String((s.venues || []).length)),
      h('td', {}, day(s.updatedUtc))))));
}

function createForm(templates, existing) {
  const form = h('form', { novalidate: true, class: 'narrow' });
  const from = h('select', { name: 'from' },
    templates.map((t) => h('option', { value: t.code }, `${t.title} (${audienceName(t.audience)})`)),
    h('option', { value: '' }, 'A blank survey'));
  const fromField = field('Start from', from, 'A default survey has questions written from what children, parents and practitioners say matters; you can edit them after.');
  const title = field('Title', h('input', { type: 'text', name: 'title', maxlength: '200' }));
  const code = field('Code', h('input', { type: 'text', name: 'code', maxlength: '40', spellcheck: 'false', autocomplete: 'off' }),
    'Used in the survey\'s link (/s/code): 3 to 40 lower-case letters, digits and hyphens. It cannot change later.');
  const audience = field('Who it is for', h('select', { name: 'audience' }, AUDIENCES.map(([v, t]) => h('option', { value: v }, t))));
  const fill = () => {
    const t = templates.find((x) => x.code === from.value);
    if (t) {
      title.input.value = t.title;
      let c = t.code;
      for (let i = 2; existing.some((s) => s.code === c); i += 1) c = `${t.code}-${i}`;
      code.input.value = c;
      audience.input.value = t.audience;
      audience.input.disabled = true;
    } else {
      title.input.value = '';
      code.input.value = '';
      audience.input.disabled = false;
    }
  };
  from.addEventListener('change', fill);
  title.input.addEventListener('input', () => {
    if (!from.value && !code.input.dataset.touched) code.input.value = slug(title.input.value);
  });
  code.input.addEventListener('input', () => { code.input.dataset.touched = '1'; });
  const button = h('button', { type: 'submit', class: 'button' }, 'Create survey');
  form.append(errorSummary(), fromField.row, title.row, code.row, audience.row, button);
  fill();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const t = templates.find((x) => x.code === from.value);
    const body = t
      ? { ...t, code: code.input.value.trim(), title: title.input.value.trim(), status: 'draft' }
      : {
        code: code.input.value.trim(),
        title: title.input.value.trim(),
        audience: audience.input.value,
        status: 'draft',
        questions: [{ id: 'one-thing', kind: 'free-text', text: 'What is one thing that would make things better?', maxLength: 2000 }],
      };
    await busy(button, async () => {
      const res = await api('POST', '/api/surveys', body);
      if (!res.ok) {
        showProblem(form, res, { code: code.input.id, title: title.input.id, audience: audience.input.id });
        return;
      }
      flashNext(`Survey "${res.data.title}" created as a draft. Edit its questions, add venues, then open it.`);
      go(`surveys/${encodeURIComponent(res.data.code)}`);
    });
  });
  return form;
}

// ---------- one survey ----------

export async function surveyPage(code) {
  render('Survey', h('p', {}, 'Loading the survey…'));
  const res = await api('GET', '/api/surveys');
  if (!res.ok) {
    render('Survey', h('p', { class: 'flash flash-error' }, `The survey could not be loaded: ${res.message}`));
    return;
  }
  const survey = res.data.find((s) => s.code === code);
  if (!survey) {
    render('Survey not found', h('p', {}, `There is no survey "${code}".`), h('p', {}, h('a', { href: '#/surveys' }, 'Back to surveys')));
    return;
  }
  showSurvey(survey);
}

function showSurvey(survey) {
  const state = { survey };
  const statusArea = h('section', { 'aria-labelledby': 'status-title' });
  const venuesArea = h('section', { 'aria-labelledby': 'venues-title' });
  const editArea = h('section', { 'aria-labelledby': 'edit-title' });
  const refresh = (s) => {
    state.survey = s;
    replace(statusArea, statusSection(state, refresh));
    replace(venuesArea, venuesSection(state, refresh));
  };
  render(survey.title,
    h('p', {}, h('a', { href: '#/surveys' }, 'Back to surveys')),
    statusArea, venuesArea, editArea);
  refresh(survey);
  replace(editArea, editSection(state, refresh));
}

function statusSection(state, refresh) {
  const s = state.survey;
  const form = h('form', { novalidate: true });
  const next = s.status === 'open' ? 'close' : 'open';
  const button = h('button', { type: 'submit', class: next === 'close' ? 'button warning' : 'button' }, next === 'open' ? 'Open the survey' : 'Close the survey');
  form.append(errorSummary(),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', {}, statusTag(s.status)),
      h('dt', {}, 'Code'), h('dd', { class: 'code' }, s.code),
      h('dt', {}, 'Who it is for'), h('dd', {}, audienceName(s.audience)),
      h('dt', {}, 'Link'), h('dd', {}, h('a', { href: `/s/${encodeURIComponent(s.code)}` }, `${location.origin}/s/${s.code}`))),
    h('p', { class: 'hint' }, s.status === 'open' ? 'Open: people can answer it now.' : s.status === 'closed' ? 'Closed: no new answers are taken.' : 'Draft: nobody can answer it yet.'),
    button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    await busy(button, async () => {
      const res = await api('POST', `/api/surveys/${encodeURIComponent(s.code)}/${next}`);
      if (!res.ok) { showProblem(form, res); return; }
      refresh(res.data);
      flash(next === 'open' ? 'The survey is open.' : 'The survey is closed.');
    });
  });
  return [h('h2', { id: 'status-title' }, 'Status'), form];
}

function definitionOf(s) {
  return { title: s.title, audience: s.audience, intro: s.intro, questions: s.questions, venues: s.venues || [] };
}

/** PUT the survey with changes; on success refresh, on failure show why (nothing changed). */
async function save(state, form, changes, refresh, fieldIds) {
  const body = { ...definitionOf(state.survey), ...changes };
  const res = await api('PUT', `/api/surveys/${encodeURIComponent(state.survey.code)}`, body, { ifMatch: state.survey.eTag });
  if (!res.ok) {
    showProblem(form, res.status === 409 ? { ...res, message: res.message + ' Reload the page to see the latest version.' } : res, fieldIds);
    return false;
  }
  refresh(res.data);
  return true;
}

function venuesSection(state, refresh) {
  const s = state.survey;
  const venues = s.venues || [];
  const form = h('form', { novalidate: true, class: 'inline-form' });
  const name = field('Venue name', h('input', { type: 'text', name: 'name', maxlength: '100' }), 'For example Oak Youth Club.');
  const code = field('Venue code', h('input', { type: 'text', name: 'code', maxlength: '40', spellcheck: 'false', autocomplete: 'off' }),
    'Goes in the poster\'s link: lower-case letters, digits and hyphens.');
  name.input.addEventListener('input', () => { if (!code.input.dataset.touched) code.input.value = slug(name.input.value); });
  code.input.addEventListener('input', () => { code.input.dataset.touched = '1'; });
  const add = h('button', { type: 'submit', class: 'button' }, 'Add venue');
  form.append(errorSummary(), name.row, code.row, add);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const venue = { code: code.input.value.trim(), name: name.input.value.trim() };
    const index = venues.length;
    await busy(add, async () => {
      const ok = await save(state, form, { venues: [...venues, venue] }, refresh,
        { [`venues[${index}].code`]: code.input.id, [`venues[${index}].name`]: name.input.id, venues: name.input.id });
      if (ok) flash(`Venue "${venue.name}" added. Its QR code and poster are below.`);
    });
  });
  const enc = encodeURIComponent;
  // QR codes and posters exist once the survey can be answered (open or closed); a draft has none yet.
  const ready = s.status !== 'draft';
  const qr = (v) => (ready
    ? h('img', { src: `/s/${enc(s.code)}/qr.svg?v=${enc(v.code)}`, alt: `QR code for ${v.name}`, width: '96', height: '96', class: 'qr' })
    : h('p', { class: 'hint' }, 'Ready when the survey is open.'));
  const links = (v) => (ready
    ? h('ul', { class: 'plain' },
      h('li', {}, h('a', { href: `/s/${enc(s.code)}/poster?v=${enc(v.code)}`, target: '_blank', rel: 'noopener' }, `Poster for ${v.name}`, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'))),
      h('li', {}, h('a', { href: `/s/${enc(s.code)}/qr.svg?v=${enc(v.code)}`, download: `${s.code}-${v.code}.svg` }, `QR code for ${v.name} (SVG)`)),
      h('li', {}, h('a', { href: `/s/${enc(s.code)}/qr.png?v=${enc(v.code)}`, download: `${s.code}-${v.code}.png` }, `QR code for ${v.name} (PNG)`)))
    : h('p', { class: 'hint' }, 'Open the survey to print its poster.'));
  const table = venues.length === 0 ? h('p', {}, 'No venues yet. Add the places where the survey is offered; each gets its own QR code and poster.')
    : h('table', { class: 'table' },
      h('caption', {}, `${venues.length} venue${venues.length === 1 ? '' : 's'}`),
      h('thead', {}, h('tr', {}, ['Venue', 'QR code', 'Print and download'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')))),
      h('tbody', {}, venues.map((v, i) => h('tr', {},
        h('th', { scope: 'row' }, v.name, h('br'), h('span', { class: 'code' }, v.code)),
        h('td', {}, qr(v)),
        h('td', {}, links(v)),
        h('td', {}, removeVenueButton(state, refresh, i))))));
  return [h('h2', { id: 'venues-title' }, 'Venues'), table, h('h3', {}, 'Add a venue'), form];
}

function removeVenueButton(state, refresh, index) {
  const v = state.survey.venues[index];
  const form = h('form', { novalidate: true });
  const button = h('button', { type: 'submit', class: 'button secondary small' }, 'Remove', h('span', { class: 'visually-hidden' }, ` ${v.name}`));
  form.append(errorSummary(), button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    await busy(button, async () => {
      const venues = state.survey.venues.filter((_, i) => i !== index);
      if (await save(state, form, { venues }, refresh)) flash(`Venue "${v.name}" removed. Responses already received from it keep its code.`);
    });
  });
  return form;
}

// ---------- questions ----------

function editSection(state, refresh) {
  const s = state.survey;
  const form = h('form', { novalidate: true });
  const title = field('Title', h('input', { type: 'text', name: 'title', maxlength: '200', value: s.title }));
  const intro = field('Introduction', h('textarea', { name: 'intro', rows: '4', maxlength: '2000' }), 'Shown before the questions. Say it is anonymous and who reads the answers.');
  intro.input.value = s.intro || '';
  const list = h('ol', { class: 'questions' });
  const questions = s.questions.map((q) => ({ ...q, key: uid('q') }));
  const ids = { title: title.input.id, intro: intro.input.id };
  const draw = () => {
    replace(list, questions.map((q, i) => questionEditor(q, i, questions, draw, ids)));
  };
  draw();
  const addButton = h('button', { type: 'button', class: 'button secondary' }, 'Add a question');
  addButton.addEventListener('click', () => {
    let n = questions.length + 1;
    while (questions.some((q) => q.id === `q${n}`)) n += 1;
    questions.push({ id: `q${n}`, kind: 'free-text', text: '', maxLength: 2000, key: uid('q') });
    draw();
    const inputs = list.querySelectorAll('textarea[name="text"]');
    inputs[inputs.length - 1].focus();
  });
  const saveButton = h('button', { type: 'submit', class: 'button' }, 'Save questions');
  form.append(errorSummary(), title.row, intro.row, h('h3', {}, 'Questions'), list, h('div', { class: 'button-row' }, addButton, saveButton));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    const parsed = questions.map((q) => readQuestion(q));
    await busy(saveButton, async () => {
      const ok = await save(state, form, { title: title.input.value.trim(), intro: intro.input.value.trim() || null, questions: parsed }, (saved) => {
        refresh(saved);
        document.getElementById('page-title').textContent = saved.title;
      }, ids);
      if (ok) flash('Questions saved.');
    });
  });
  return [h('h2', { id: 'edit-title' }, 'Title and questions'), form];
}

function questionEditor(q, index, questions, draw, ids) {
  const prefix = `questions[${index}]`;
  const number = index + 1;
  const id = field('Question id', h('input', { type: 'text', name: 'id', value: q.id, maxlength: '40', spellcheck: 'false' }),
    'Stays the same for the life of the survey: answers are stored under it.');
  const kind = field('Kind of answer', h('select', { name: 'kind' }, KINDS.map(([v, t]) => h('option', { value: v, selected: v === q.kind }, t))));
  const text = field('Question', h('textarea', { name: 'text', rows: '2', maxlength: '500' }));
  text.input.value = q.text || '';
  const hint = field('Hint (optional)', h('input', { type: 'text', name: 'hint', value: q.hint || '', maxlength: '500' }));
  const required = h('input', { type: 'checkbox', name: 'required', checked: !!q.required, id: uid('req') });
  const requiredRow = h('div', { class: 'checkbox' }, required, h('label', { for: required.id }, 'An answer is required'));
  const options = field('Options', h('textarea', { name: 'options', rows: '4' }),
    'One a line: a short id, a bar, then the text shown (for example: call | A phone call).');
  options.input.value = (q.options || []).map((o) => `${o.id} | ${o.text}`).join('\n');
  const maxLength = field('Longest answer (characters)', h('input', { type: 'number', name: 'maxLength', min: '1', max: '4000', value: q.maxLength || 2000 }));
  const sync = () => {
    q.id = id.input.value.trim();
    q.kind = kind.input.value;
    q.text = text.input.value;
    q.hint = hint.input.value;
    q.required = required.checked;
    q.optionsText = options.input.value;
    q.maxLength = Number(maxLength.input.value) || null;
  };
  const showFor = () => {
    options.row.hidden = !WITH_OPTIONS.has(kind.input.value);
    maxLength.row.hidden = kind.input.value !== 'free-text';
    requiredRow.hidden = kind.input.value === 'free-text' || kind.input.value === 'age-band';
  };
  for (const el of [id.input, kind.input, text.input, hint.input, required, options.input, maxLength.input]) {
    el.addEventListener('input', sync);
    el.addEventListener('change', () => { sync(); showFor(); });
  }
  q.optionsText = options.input.value;
  showFor();
  ids[`${prefix}.id`] = id.input.id;
  ids[`${prefix}.text`] = text.input.id;
  ids[`${prefix}.options`] = options.input.id;
  ids[`${prefix}.maxLength`] = maxLength.input.id;
  ids[`${prefix}.required`] = required.id;
  ids[prefix] = text.input.id;
  const move = (delta, label) => {
    const b = h('button', { type: 'button', class: 'button secondary small', disabled: index + delta < 0 || index + delta >= questions.length }, label,
      h('span', { class: 'visually-hidden' }, ` question ${number}`));
    b.addEventListener('click', () => {
      const [item] = questions.splice(index, 1);
      questions.splice(index + delta, 0, item);
      draw();
    });
    return b;
  };
  const remove = h('button', { type: 'button', class: 'button secondary small' }, 'Remove', h('span', { class: 'visually-hidden' }, ` question ${number}`));
  remove.addEventListener('click', () => { questions.splice(index, 1); draw(); });
  return h('li', { class: 'question' },
    h('fieldset', {},
      h('legend', {}, `Question ${number}`),
      text.row, kind.row, id.row, hint.row, requiredRow, options.row, maxLength.row,
      h('div', { class: 'button-row' }, move(-1, 'Move up'), move(1, 'Move down'), remove)));
}

function readQuestion(q) {
  const out = { id: q.id, kind: q.kind, text: (q.text || '').trim() };
  if (q.hint && q.hint.trim()) out.hint = q.hint.trim();
  if (q.kind !== 'free-text' && q.kind !== 'age-band' && q.required) out.required = true;
  if (WITH_OPTIONS.has(q.kind)) {
    out.options = (q.optionsText || '').split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const bar = line.indexOf('|');
      return bar >= 0 ? { id: line.slice(0, bar).trim(), text: line.slice(bar + 1).trim() } : { id: slug(line), text: line };
    });
  }
  if (q.kind === 'free-text') out.maxLength = q.maxLength || 2000;
  return out;
}
