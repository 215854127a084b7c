// Session notes (facilitator): choose a file, see the points it splits into and their themes, then confirm the upload.
import { h, api, render, field, errorSummary, showProblem, clearProblem, busy, flash, replace } from '/console/app.js';

const ACCEPT = '.txt,.md,.docx,.csv,text/plain,text/markdown,text/csv,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function today() { return new Date().toISOString().slice(0, 10); }

export async function notesPage() {
  const form = h('form', { novalidate: true, class: 'narrow' });
  const file = field('Notes file', h('input', { type: 'file', name: 'file', accept: ACCEPT }),
    'A .txt, .md, .docx or .csv file of up to 5 MB. Each bullet, line or paragraph becomes a point.');
  const forum = field('Forum', h('input', { type: 'text', name: 'forum', maxlength: '100', autocomplete: 'off' }), 'For example Northside Youth Forum.');
  const date = field('Session date', h('input', { type: 'date', name: 'sessionDate', max: today() }));
  const participants = field('Young people taking part (optional)', h('input', { type: 'number', name: 'participants', min: '1', max: '500' }));
  const ageRange = field('Age range (optional)', h('input', { type: 'text', name: 'ageRange', maxlength: '20' }), 'For example 13-17.');
  const previewButton = h('button', { type: 'submit', class: 'button' }, 'Preview the points');
  form.append(errorSummary(), file.row, forum.row, date.row, participants.row, ageRange.row, previewButton);
  const preview = h('section', { 'aria-labelledby': 'preview-title', hidden: true });
  const ids = { file: file.input.id, forum: forum.input.id, sessionDate: date.input.id, participants: participants.input.id, ageRange: ageRange.input.id };
  const formData = () => {
    const data = new FormData();
    data.append('file', file.input.files[0]);
    data.append('forum', forum.input.value.trim());
    data.append('sessionDate', date.input.value);
    if (participants.input.value) data.append('participants', participants.input.value);
    if (ageRange.input.value.trim()) data.append('ageRange', ageRange.input.value.trim());
    return data;
  };
  const check = () => {
    const errors = {};
    if (!file.input.files || file.input.files.length === 0) errors.file = 'Choose the notes file.';
    if (!forum.input.value.trim()) errors.forum = 'Enter the forum\'s name.';
    if (!date.input.value) errors.sessionDate = 'Enter the date of the session.';
    return errors;
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    preview.hidden = true;
    const errors = check();
    if (Object.keys(errors).length) {
      showProblem(form, { message: 'Some details are missing; nothing was sent.', problem: { errors } }, ids);
      return;
    }
    await busy(previewButton, async () => {
      const res = await api('POST', '/api/notes/preview', formData());
      if (!res.ok) { showProblem(form, res, ids); return; }
      showPreview(preview, res.data, formData, form, ids);
    });
  });
  render('Session notes',
    h('p', {}, 'Upload the notes of a youth-forum session. You will see the points the file is split into, with the themes found in each, before anything is stored. Points that may disclose harm go to the safeguarding lead at once.'),
    form, preview);
}

function showPreview(section, data, formData, form, ids) {
  const flagged = data.points.filter((p) => p.concernFlagged).length;
  const confirm = h('button', { type: 'button', class: 'button' }, `Upload these ${data.points.length} points`);
  const again = h('button', { type: 'button', class: 'button secondary' }, 'Choose another file');
  const problemArea = h('form', { novalidate: true }, errorSummary());
  again.addEventListener('click', () => {
    section.hidden = true;
    form.querySelector('input[type=file]').focus();
  });
  confirm.addEventListener('click', async () => {
    clearProblem(problemArea);
    await busy(confirm, async () => {
      const res = await api('POST', '/api/notes', formData());
      if (!res.ok) { showProblem(problemArea, res, ids); return; }
      replace(section,
        h('h2', { id: 'preview-title', tabindex: '-1' }, res.data.duplicate ? 'Already uploaded' : 'Notes uploaded'),
        h('p', { class: `flash ${res.data.duplicate ? 'flash-warning' : 'flash-success'}` }, res.data.message),
        h('p', {}, 'Officers will see the points, with personal data removed, once they are analysed.'));
      flash(res.data.message);
      section.querySelector('h2').focus();
    });
  });
  replace(section,
    h('h2', { id: 'preview-title', tabindex: '-1' }, `${data.points.length} point${data.points.length === 1 ? '' : 's'} found`),
    h('p', {}, 'Check the points below. Nothing is stored until you upload them.'),
    flagged ? h('p', { class: 'flash flash-warning' }, `${flagged} point${flagged === 1 ? '' : 's'} may disclose harm and will be sent to the safeguarding lead when you upload.`) : null,
    h('ol', { class: 'points' }, data.points.map((p) => h('li', {},
      p.heading ? h('p', { class: 'hint' }, `Under “${p.heading}” (line ${p.line})`) : h('p', { class: 'hint' }, `Line ${p.line}`),
      h('blockquote', {}, h('p', {}, p.redactedText)),
      h('p', {}, h('strong', {}, 'Themes: '), p.themes.length ? p.themes.map((t) => t.label).join(', ') : 'none found',
        h('br'), h('strong', {}, 'Sentiment: '), p.sentiment.label),
      p.concernFlagged ? h('p', { class: 'correction-note' }, 'May disclose harm: goes to the safeguarding lead.') : null))),
    problemArea,
    h('div', { class: 'button-row' }, confirm, again));
  section.hidden = false;
  section.querySelector('h2').focus();
}
