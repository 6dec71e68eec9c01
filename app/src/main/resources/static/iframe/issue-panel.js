// The issue panel's buttons. They authenticate with the context token the page carries (bound to this issue
// and viewer), so they work with or without Jira's iframe bridge, and they say in the panel what happened:
// Jira shows nothing of a failed request made from inside an iframe.
(function () {
  'use strict';

  var REFUSALS = {
    401: 'This view has expired. Reopen the issue to continue.',
    403: 'Jira does not let you edit this issue, so you cannot change its linked objects.',
    404: 'This link is no longer on this issue. Reopen the issue to see its current links.',
    502: 'Jira did not answer. Try again in a moment.'
  };

  function say(item, tone, text) {
    var outcome = item.querySelector('[data-outcome]');
    outcome.className = 'outcome ' + tone;
    outcome.textContent = text;
  }

  function refreshed(item, status) {
    if (status.issueDeleted) {
      say(item, 'warning', 'Jira says this issue was deleted.');
    } else {
      say(item, 'done', 'Status refreshed: this issue is ' + status.statusName + ' in Jira.');
    }
  }

  function unlinked(item) {
    item.classList.add('unlinked');
    item.querySelector('.actions').remove();
    say(item, 'done', 'Unlinked. This object no longer shows on this issue.');
    var count = document.querySelector('[data-testid="count"]');
    var left = document.querySelectorAll('[data-link-id]:not(.unlinked)').length;
    if (count) {
      count.textContent = left + ' linked';
    }
  }

  function refused(item, status) {
    say(item, 'error', REFUSALS[status] || 'Ferry could not do that (error ' + status + '). Try again in a moment.');
  }

  function act(button, token) {
    var item = button.closest('[data-link-id]');
    var action = button.getAttribute('data-action');
    var buttons = item.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    say(item, 'working', action === 'unlink' ? 'Unlinking…' : 'Asking Jira for the status…');
    fetch(button.getAttribute('data-url'), {
      method: 'POST',
      headers: {'Authorization': 'JWT ' + token, 'Accept': 'application/json'}
    }).then(function (response) {
      if (!response.ok) {
        refused(item, response.status);
      } else if (action === 'unlink') {
        unlinked(item);
      } else {
        return response.json().then(function (status) { refreshed(item, status); });
      }
    }).catch(function () {
      say(item, 'error', 'Ferry could not be reached. Check your connection and try again.');
    }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-action]');
    var main = document.querySelector('main[data-token]');
    if (button && main) {
      act(button, main.getAttribute('data-token'));
    }
  });
}());
