// The configure (admin) page: this site as Ferry knows it, and the link requests waiting for a Jira admin.
import { view } from '@forge/bridge';
import { act, call, el, say, when } from './remote';

const site = document.getElementById('site');
const requests = document.getElementById('requests');

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
  say(pending.length === 0 ? 'No link requests are waiting.'
    : `${pending.length} link request${pending.length === 1 ? ' is' : 's are'} waiting for you.`);
}

function fact(name, value) {
  return [el('dt', name), el('dd', value || '—')];
}

function request(pending) {
  const row = el('li');
  const title = el('span', pending.organization || pending.id, { class: 'title' });
  const meta = el('span', [pending.requestedBy && `asked by ${pending.requestedBy}`,
    pending.requestedAt && when(pending.requestedAt)].filter(Boolean).join(' · '), { class: 'meta' });
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
  return row;
}

load();
