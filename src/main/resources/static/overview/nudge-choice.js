/*
 * The signed-in person's choice of reminder mails (GET/PUT /api/my/nudges), on the case overview. A change with the
 * browser session carries the webapps' CSRF token, as Tasklist sends it.
 */
(function () {
  'use strict';

  var form = document.getElementById('nudges-form');
  var status = document.getElementById('nudges-status');

  /** The session's CSRF token, handed over in a header by the same-origin read of the choice (see PreferenceController). */
  var csrfToken = null;

  fetch('/api/my/nudges', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      csrfToken = response.headers.get('X-XSRF-TOKEN');
      return response.ok ? response.json() : null;
    })
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
    fetch('/api/my/nudges', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken || '' },
      body: JSON.stringify({ choice: chosen.value })
    }).then(function (response) {
      status.textContent = response.ok ? 'Saved.' : 'Your choice could not be saved just now (the server answered ' + response.status + ').';
    }).catch(function () {
      status.textContent = 'Your choice could not be saved. Check your connection and try again.';
    });
  });
})();
