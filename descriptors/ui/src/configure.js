// The configure (admin) page: this site as Ferry knows it, and the link requests waiting for a Jira admin.
import { view } from '@forge/bridge';
import { act, call, el, say, when } from './remote';

const site = document.getElementById('site');
const requests = document.getElementById('requests');
const note = document.getElementById('requests-note');

// Ferry lists requests to a Jira administrator only; anyone else learns who can act (JiraAdminRequests.Viewer).
const ADMIN_NOTE = 'These Ferry organizations ask to work with this site: filing, commenting on and reading issues. '
  + 'Confirm only the ones you expect. Instead of confirming here, you can give the one-time code to whoever asked.';
const NOT_ADMIN_NOTE = 'Only a Jira administrator can confirm or decline it; ask one to open this page.';
const UNKNOWN_ERROR = 'A Ferry organization asks to link this site, but Jira did not say whether you administer it. '
  + 'Reload the page to try again.';

async function load() {
  say('Loading…');
  try {
    await view.getContext().catch(() => null);
    render(await call('GET', '/forge/ui/configure'));
  } catch (error) {
    say(error.message, true);
  }
}

function render(data) {
  const facts = (data && data.site) || {};
  site.replaceChildren(...fact('Site', facts.url), ...fact('Cloud id', facts.cloudId),
    ...fact('Linked organization', facts.linkedOrganization || 'None yet'));
  const pending = (data && data.requests) || [];
  requests.replaceChildren(...pending.map(request));
  const viewer = data && data.viewer;
  note.textContent = pending.length > 0 ? ADMIN_NOTE : viewer === 'NOT_ADMIN' ? NOT_ADMIN_NOTE : '';
  note.hidden = !note.textContent;
  // An empty list under its heading reads as a fault: the section shows only when there is something to say.
  requests.closest('section').hidden = pending.length === 0 && !note.textContent;
  if (pending.length > 0) {
    say(`${pending.length} link request${pending.length === 1 ? ' is' : 's are'} waiting for you.`);
  } else if (viewer === 'UNKNOWN') {
    say(UNKNOWN_ERROR, true);
  } else {
    say(viewer === 'NOT_ADMIN' ? 'A link request is waiting for a Jira administrator.' : 'No link requests are waiting.');
  }
}

function fact(name, value) {
  return [el('dt', name), el('dd', value || '—')];
}

function request(pending) {
  const row = el('li');
  const title = el('span', pending.organization || pending.id, { class: 'title' });
  const meta = el('span', [pending.requestedBy && `asked by ${pending.requestedBy}`,
    pending.requestedAt && when(pending.requestedAt)].filter(Boolean).join(' · '), { class: 'meta' });
  const code = el('span', null, { class: 'meta' });
  if (pending.code) {
    code.append('One-time code: ', el('strong', pending.code, { class: 'code' }),
      pending.codeExpiresAt ? ` (valid until ${when(pending.codeExpiresAt)}; opening this page again makes a new one)` : '');
  }
  const confirm = el('button', 'Confirm', { type: 'button', class: 'primary', 'aria-label': `Confirm the link to ${title.textContent}` });
  const decline = el('button', 'Decline', { type: 'button', 'aria-label': `Decline the link to ${title.textContent}` });
  const answer = (verb, button) => act(button, async () => {
    const outcome = await call('POST', `/forge/ui/configure/requests/${encodeURIComponent(pending.id)}/${verb}`);
    row.remove();
    say(outcome.message || (verb === 'confirm' ? 'The site is linked.' : 'The request was declined.'));
    if (verb === 'confirm') {
      render(await call('GET', '/forge/ui/configure'));
      say(outcome.message || 'The site is linked.');
    }
  });
  confirm.addEventListener('click', () => answer('confirm', confirm));
  decline.addEventListener('click', () => answer('decline', decline));
  const actions = el('span', null, { class: 'actions' });
  actions.append(confirm, decline);
  row.append(title, actions, meta);
  if (pending.code) {
    row.append(code);
  }
  return row;
}

load();
