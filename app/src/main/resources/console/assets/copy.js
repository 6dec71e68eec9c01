/*
 * Copy buttons for the admin console, loaded as a file because the Content-Security-Policy allows no inline
 * script. A button <button type="button" class="copy" data-copy-target="ID" hidden>Copy</button> copies the
 * text of the element #ID. Buttons start hidden, so a page without script shows none that do nothing; this
 * file shows them. Where the clipboard is not available (an insecure origin, a refused permission) the text is
 * selected instead, and the button says to press Ctrl+C.
 */
(function () {
  'use strict';

  var RESET_AFTER_MS = 2500;

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function say(button, state, words) {
    if (!button.dataset.copyLabel) {
      button.dataset.copyLabel = button.textContent;
    }
    button.dataset.copyState = state;
    button.textContent = words;
    window.clearTimeout(button.copyTimer);
    button.copyTimer = window.setTimeout(function () {
      button.textContent = button.dataset.copyLabel;
      delete button.dataset.copyState;
    }, RESET_AFTER_MS);
  }

  function fallback(button, target) {
    selectText(target);
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (ignored) {
      copied = false;
    }
    if (copied) {
      say(button, 'copied', 'Copied');
    } else {
      say(button, 'selected', 'Selected: press Ctrl+C');
    }
  }

  function copy(button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) {
      return;
    }
    var text = target.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        say(button, 'copied', 'Copied');
      }, function () {
        fallback(button, target);
      });
    } else {
      fallback(button, target);
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-copy-target]');
    if (button) {
      event.preventDefault();
      copy(button);
    }
  });

  function reveal() {
    document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
      button.hidden = false;
    });
  }

  // htmx swaps in parts of a page (the Jira sites page refreshes itself): their buttons need showing too.
  document.addEventListener('htmx:afterSettle', reveal);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', reveal);
  } else {
    reveal();
  }
})();
