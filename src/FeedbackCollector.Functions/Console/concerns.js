// Concerns (safeguarding lead): open concerns first with survey, venue, time and the words written; mark reviewed with
// a note; the audit trail of who reviewed what and when. Only this role's key can read these.
import { h, api, render, field, errorSummary, showProblem, clearProblem, busy, flash, replace, when, receipt, uid } from '/console/app.js';

const CATEGORIES = {
  'immediate-danger': 'Someone in danger now',
  'self-harm': 'Self-harm or suicidal thoughts',
  'abuse-neglect': 'Abuse or neglect',
  exploitation: 'Exploitation or grooming',
  'domestic-abuse': 'Domestic abuse',
};

export async function concernsPage() {
  render('Concerns', h('p', {}, 'Loading concerns…'));
  const res = await api('GET', '/api/concerns');
  if (!res.ok) {
    render('Concerns', h('p', { class: 'flash flash-error' }, `The concerns could not be loaded: ${res.message}`));
    return;
  }
  show(res.data);
}

function show(data) {
  const open = data.concerns.filter((c) => c.status === 'open');
  const reviewed = data.concerns.filter((c) => c.status !== 'open');
  const openList = h('div', {});
  const audit = h('div', {});
  const redraw = (view) => {
    const i = data.concerns.findIndex((c) => c.id === view.id);
    if (i >= 0) data.concerns[i] = view;
    show(data);
    flash(`Concern ${receipt(view.id)} marked reviewed. It is in the audit trail below.`);
  };
  replace(openList, open.length === 0
    ? h('p', {}, 'There are no open concerns.')
    : open.map((c) => concernCard(c, redraw)));
  replace(audit, reviewed.length === 0 ? h('p', {}, 'No concern has been reviewed yet.') : auditTable(reviewed));
  render('Concerns',
    h('p', {}, 'Answers that may disclose harm are raised here at once. Read each, act under your safeguarding procedures, then record what was done. A review cannot be changed afterwards.'),
    h('section', { 'aria-labelledby': 'open-title' }, h('h2', { id: 'open-title' }, `Open concerns (${open.length})`), openList),
    h('section', { 'aria-labelledby': 'audit-title' }, h('h2', { id: 'audit-title' }, 'Reviewed: audit trail'), audit));
}

function concernCard(c, redraw) {
  const titleId = uid('c');
  const form = h('form', { novalidate: true, class: 'narrow' });
  const note = field('What was done', h('textarea', { name: 'note', rows: '3', maxlength: '2000' }),
    'For the audit trail: for example "Referred to MASH, ref 1234" or "Known to the school DSL, no further action".');
  const button = h('button', { type: 'submit', class: 'button' }, 'Mark reviewed', h('span', { class: 'visually-hidden' }, ` concern ${receipt(c.id)}`));
  form.append(errorSummary(), note.row, button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(form);
    await busy(button, async () => {
      const res = await api('POST', `/api/concerns/${encodeURIComponent(c.id)}/review`, { note: note.input.value });
      if (!res.ok) {
        showProblem(form, res, { note: note.input.id });
        return;
      }
      redraw(res.data);
    });
  });
  return h('article', { class: 'concern', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, `${CATEGORIES[c.category] || c.category}: response ${receipt(c.id)}`),
    h('dl', { class: 'facts compact' },
      h('dt', {}, 'Kind'), h('dd', {}, CATEGORIES[c.category] || c.category),
      h('dt', {}, 'Survey'), h('dd', {}, c.surveyCode),
      h('dt', {}, 'Venue'), h('dd', {}, c.venue || 'Not known'),
      h('dt', {}, 'Answered'), h('dd', {}, when(c.receivedUtc)),
      h('dt', {}, 'Raised'), h('dd', {}, when(c.raisedUtc)),
      h('dt', {}, 'Alert'), h('dd', {}, c.alertDeliveredUtc ? `Delivered ${when(c.alertDeliveredUtc)}` : c.alertAttempts > 0 ? `Not delivered yet (${c.alertAttempts} attempts)` : 'Queued'),
      c.withdrawn ? [h('dt', {}, 'Withdrawn'), h('dd', {}, 'The respondent withdrew the response; the words below were kept for safeguarding.')] : null),
    h('h4', {}, 'What was written (personal data removed)'),
    c.texts.length === 0 ? h('p', { class: 'withheld' }, 'No text is stored for this concern.')
      : c.texts.map((t) => answer(t)),
    form);
}

/** One answer: its text with the words that raised the concern marked, then those words and their kinds in plain text. */
function answer(t) {
  const evidence = t.flagged && t.evidence
    ? h('p', { class: 'evidence' }, h('strong', {}, 'Words that raised it: '), `“${t.evidence}”`,
      t.categories && t.categories.length ? ` (${t.categories.map((k) => CATEGORIES[k] || k).join('; ')})` : '')
    : null;
  return h('blockquote', { class: t.flagged ? 'flagged' : null }, h('p', {}, marked(t.redactedText, t.highlights || [])), evidence);
}

/** The text as nodes, with each highlighted range in a mark element (built as text, never as HTML). */
function marked(text, ranges) {
  const out = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at || r.start + r.length > text.length) continue;
    if (r.start > at) out.push(text.slice(at, r.start));
    out.push(h('mark', {}, text.slice(r.start, r.start + r.length)));
    at = r.start + r.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

function auditTable(reviewed) {
  return h('table', { class: 'table audit' },
    h('caption', {}, `${reviewed.length} reviewed concern${reviewed.length === 1 ? '' : 's'}, most recent first`),
    h('thead', {}, h('tr', {}, ['Concern', 'Kind', 'Raised', 'Reviewed by', 'Reviewed', 'Note'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, reviewed.map((c) => h('tr', {},
      h('th', { scope: 'row' }, receipt(c.id)),
      h('td', {}, CATEGORIES[c.category] || c.category),
      h('td', {}, when(c.raisedUtc)),
      h('td', {}, c.reviewedBy || ''),
      h('td', {}, when(c.reviewedUtc)),
      h('td', {}, c.reviewNote || '')))));
}
