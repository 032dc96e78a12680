/*
 * The signed-in person's choice of reminder mails (GET/PUT /api/my/nudges), on the case overview. A change with the
 * browser session carries the webapps' CSRF token, as Tasklist sends it.
 */
(function () {
  'use strict';

  var form = document.getElementById('nudges-form');
  var status = document.getElementById('nudges-status');

  function cookie(name) {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  /** The session's CSRF token: from the cookie, or asked from the webapps' API the way Camunda's own pages do. */
  function csrfToken() {
    var token = cookie('XSRF-TOKEN');
    if (token) { return Promise.resolve(token); }
    return fetch('/camunda/api/engine/engine/', { credentials: 'same-origin', headers: { 'X-XSRF-TOKEN': 'Fetch' } })
      .then(function (response) { return response.headers.get('X-XSRF-TOKEN') || cookie('XSRF-TOKEN'); });
  }

  fetch('/api/my/nudges', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) { return; }
      var current = form.querySelector('input[value="' + data.choice + '"]');
      if (current) { current.checked = true; }
      document.getElementById('nudges-section').hidden = false;
      document.body.setAttribute('data-nudges', 'true');
    });

  fetch('/api/demo/mails', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) { if (response.ok) { document.getElementById('demo-mail-link').hidden = false; } });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var chosen = form.querySelector('input[name="choice"]:checked');
    if (!chosen) { status.textContent = 'Choose one of the options first.'; return; }
    status.textContent = 'Saving…';
    csrfToken().then(function (token) {
      return fetch('/api/my/nudges', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': token || '' },
        body: JSON.stringify({ choice: chosen.value })
      });
    }).then(function (response) {
      status.textContent = response.ok ? 'Saved.' : 'Your choice could not be saved just now (the server answered ' + response.status + ').';
    }).catch(function () {
      status.textContent = 'Your choice could not be saved. Check your connection and try again.';
    });
  });
})();
