// Ferry over Forge Remote: every call goes through @forge/bridge's invokeRemote({path, method}), which Jira answers
// with {status, headers, body} (an error answer is returned, not thrown). Failures become sentences for people.
import { invokeRemote } from '@forge/bridge';

const MEANINGS = {
  400: 'Ferry could not accept this request.',
  401: 'Ferry could not verify that this request came from Jira. Reload the page and try again.',
  403: 'You are not allowed to do this.',
  404: 'Ferry no longer knows this item. Reload to see the current list.',
  409: 'Someone changed this item meanwhile. Reload to see the current state.',
  429: 'Ferry is busy. Try again in a minute.'
};

export async function call(method, path) {
  let response;
  try {
    response = await invokeRemote({ path, method });
  } catch (error) {
    throw new Error('Ferry could not be reached. Check your connection and try again.');
  }
  const status = response && response.status;
  if (status >= 200 && status < 300) {
    return parse(response.body) || {};
  }
  throw new Error(describe(status, parse(response && response.body)));
}

function parse(body) {
  if (typeof body !== 'string') {
    return body;
  }
  try {
    return JSON.parse(body);
  } catch (ignored) {
    return undefined;
  }
}

/** The status in words, with the problem's own detail when Ferry gave one (application/problem+json). */
function describe(status, problem) {
  const meaning = MEANINGS[status] || (status >= 500
    ? 'Ferry had a problem answering. Try again in a moment.'
    : 'Ferry did not answer as expected' + (status ? ` (status ${status}).` : '.'));
  const detail = problem && (problem.detail || problem.title);
  return detail ? `${meaning} ${sentence(String(detail))}` : meaning;
}

/** Ferry's details are clauses ("only people who may edit…"): after our sentence they start one of their own. */
function sentence(text) {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A new element with text and attributes; text is never parsed as HTML. */
export function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

/** Shows a status line (polite) or an error (alert); one replaces the other. */
export function say(message, isError) {
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  status.textContent = isError ? '' : message;
  error.textContent = isError ? message : '';
  error.hidden = !isError;
}

/** Runs an action from a button: the button is disabled meanwhile, a failure is said in words. */
export async function act(button, action) {
  button.disabled = true;
  try {
    await action();
  } catch (error) {
    say(error.message, true);
  } finally {
    button.disabled = false;
  }
}

export function when(iso) {
  const date = iso ? new Date(iso) : null;
  return date && !isNaN(date) ? date.toLocaleString() : '';
}
