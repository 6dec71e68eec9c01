// The issue glance and the issue panel: the objects linked to this issue, each with Refresh and Unlink.
// Ferry finds the issue from the Forge Invocation Token, so the paths carry only link ids.
import { view } from '@forge/bridge';
import { act, call, el, say, when } from './remote';

const list = document.getElementById('links');

async function load() {
  say('Loading linked objects…');
  try {
    const context = await view.getContext().catch(() => null);
    const issueKey = context && context.extension && context.extension.issue && context.extension.issue.key;
    if (issueKey) {
      list.setAttribute('aria-label', `Objects linked to ${issueKey}`);
    }
    render(await call('GET', '/forge/ui/issue-links'));
  } catch (error) {
    say(error.message, true);
  }
}

function render(data) {
  const links = (data && data.links) || [];
  list.replaceChildren(...links.map(item));
  say(links.length === 0 ? 'No objects are linked to this issue yet.'
    : `${links.length} linked object${links.length === 1 ? '' : 's'}.`);
}

function item(link) {
  const row = el('li');
  const title = link.url ? el('a', link.title || link.url, { href: link.url, target: '_blank', rel: 'noopener noreferrer' })
    : el('span', link.title || link.id);
  title.classList.add('title');
  const meta = el('span', describe(link), { class: 'meta' });
  const refresh = el('button', 'Refresh', { type: 'button', 'aria-label': `Refresh ${link.title || link.id}` });
  const unlink = el('button', 'Unlink', { type: 'button', 'aria-label': `Unlink ${link.title || link.id}` });
  refresh.addEventListener('click', () => act(refresh, async () => {
    const state = await call('POST', `/forge/ui/issue-links/${encodeURIComponent(link.id)}/refresh`);
    Object.assign(link, { statusName: state.statusName, statusCategory: state.statusCategory, issueDeleted: state.issueDeleted });
    meta.textContent = describe(link);
    say(`Refreshed ${link.title || link.id}.`);
  }));
  unlink.addEventListener('click', () => act(unlink, async () => {
    await call('POST', `/forge/ui/issue-links/${encodeURIComponent(link.id)}/unlink`);
    row.remove();
    say(`Unlinked ${link.title || link.id}.` + (list.children.length === 0 ? ' No objects are linked to this issue now.' : ''));
  }));
  const actions = el('span', null, { class: 'actions' });
  actions.append(refresh, unlink);
  row.append(title, actions, meta);
  return row;
}

// How a link came to be, in the Connect panel's words (IssuePanelController.origin); an unknown one is left out.
const ORIGINS = { AUTOMATIC: 'filed automatically', MANUAL: 'linked by hand', TEST: 'test ticket', HAND: 'filed by hand' };

function describe(link) {
  const parts = [link.type, link.state, ORIGINS[link.origin]].filter(Boolean);
  if (link.issueDeleted) {
    parts.push('the Jira issue was deleted');
  } else if (link.statusName) {
    parts.push(`Jira status: ${link.statusName}`);
  }
  if (link.createdAt) {
    parts.push(`linked ${when(link.createdAt)}`);
  }
  return parts.join(' · ');
}

load();
