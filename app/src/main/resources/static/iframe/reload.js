// The Reload button of the page shown when Jira's token for a view expired or did not verify. Loading the same
// address again would send the same token and land here again, so the button asks Jira (the page that frames
// this one) to reload, which signs the view anew. Outside Jira there is nobody to ask: the page says so.
(function () {
  'use strict';

  function host() {
    var framed = window.self !== window.top;
    return framed && window.AP && window.AP.navigator && typeof window.AP.navigator.reload === 'function'
      ? window.AP : null;
  }

  document.addEventListener('click', function (event) {
    if (!event.target.closest('[data-reload]')) {
      return;
    }
    var jira = host();
    if (jira) {
      jira.navigator.reload();
    } else {
      document.querySelector('[data-testid="reload-outside-jira"]').hidden = false;
    }
  });
}());
