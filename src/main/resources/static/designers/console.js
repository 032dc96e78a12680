/*
 * The designers' playbook console: reads GET /api/playbooks/console with the Tasklist session. Values reach the
 * page through textContent only, never as markup.
 */
(function () {
  'use strict';

  // Elements are built by the shared /shared/dom.js (loaded before this file): text, never markup.
  var el = window.FootholdDom.el;

  function notice(text, link) {
    var box = document.getElementById('notice');
    box.textContent = text;
    if (link) { box.appendChild(document.createTextNode(' ')); box.appendChild(el('a', { href: link.href, text: link.text })); }
    box.hidden = false;
  }

  function when(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  }

  function list(items, render, empty) {
    var ul = el('ul');
    (items || []).forEach(function (item) { ul.appendChild(el('li', {}, render(item))); });
    if (!ul.childNodes.length) { ul.appendChild(el('li', { className: 'muted', text: empty })); }
    return ul;
  }

  function finding(f) {
    var where = f.file + (f.line ? ':' + f.line : '') + (f.elementId ? ' [' + f.elementId + ']' : '');
    return el('span', { className: f.severity === 'ERROR' ? 'problem' : '' },
      el('strong', { text: f.severity === 'ERROR' ? 'Error' : 'Warning' }), ' ' + where + ' — ' + f.rule + ': ' + f.message);
  }

  /** The last live reload: when, which files, and whether it went live (with the version Tasklist starts) or was refused. */
  function reload(r, withPlaybook) {
    if (!r) { return el('p', { className: 'muted', text: 'No live reload since the application started.' }); }
    var files = (r.files || []).join(', ') + (r.moreFiles ? ' and ' + r.moreFiles + ' more' : '');
    var head = when(r.at) + (withPlaybook ? ', playbook ' + r.playbookId : '') + ': ' + (files || 'no file named');
    var box = el('div', { className: 'reload', 'data-result': r.result }, el('p', { text: head }));
    if (r.result === 'DEPLOYED') {
      var versions = Object.keys(r.versions || {}).map(function (key) { return key + ' version ' + r.versions[key]; });
      box.appendChild(el('p', {}, el('span', { className: 'state DEPLOYED', text: 'went live' }),
        versions.length ? ' — Tasklist starts ' + versions.join(', ') + '.' : ''));
    } else if (r.result === 'REFUSED') {
      box.appendChild(el('p', {}, el('span', { className: 'state FAILED', text: 'refused' }), ' — the last good version keeps serving:'));
      box.appendChild(list(r.problems, function (t) { return el('span', { className: 'problem', text: t }); }, ''));
    } else {
      box.appendChild(el('p', { className: 'muted', text: 'No playbook with this id was found, so nothing was deployed.' }));
    }
    return box;
  }

  /** Older versions with running cases: counts only for administrators (the API leaves them out for designers). */
  function olderVersion(v) {
    var running = v.runningCases === null || v.runningCases === undefined
      ? v.running : v.runningCases + ' running case' + (v.runningCases === 1 ? '' : 's') + ', ' + v.mapCleanly + ' of them map cleanly';
    var text = v.processKey + ' version ' + v.version + ': ' + running + ' — ' + v.mapping + ' to version ' + v.newestVersion + '.';
    return el('span', { 'data-process': v.processKey, 'data-version': v.version }, text,
      (v.reasons || []).length ? list(v.reasons, function (t) { return t; }, '') : null);
  }

  function show(overview) {
    var lastReload = document.getElementById('last-reload');
    lastReload.appendChild(reload(overview.lastReload, true));
    var outside = overview.filesOutsidePlaybooks || [];
    if (outside.length) {
      var files = document.getElementById('outside-files');
      outside.forEach(function (file) { files.appendChild(el('li', {}, el('code', { text: file }))); });
      document.getElementById('outside').hidden = false;
    }
    var summary = document.getElementById('summary');
    var box = document.getElementById('playbooks');
    overview.playbooks.forEach(function (p) {
      var anchor = 'playbook-' + p.id;
      summary.appendChild(el('tr', { 'data-playbook': p.id, 'data-state': p.state },
        el('td', {}, el('a', { href: '#' + anchor, text: p.name || p.id })),
        el('td', {}, el('span', { className: 'state ' + p.state, text: p.state === 'DEPLOYED' ? 'live' : 'not deployed' })),
        el('td', { text: p.version || '' }), el('td', { text: p.origin || '' }), el('td', { text: when(p.checkedAt) })));

      var section = el('section', { className: 'card playbook', id: anchor, 'data-playbook': p.id, 'aria-labelledby': anchor + '-heading' },
        el('h2', { id: anchor + '-heading' }, (p.name || p.id) + ' ', el('span', { className: 'state ' + p.state, text: p.state === 'DEPLOYED' ? 'live' : 'not deployed' })));
      if (p.problems && p.problems.length) {
        section.appendChild(el('h3', { text: 'Why it is not deployed' }));
        section.appendChild(list(p.problems, function (text) { return el('span', { className: 'problem', text: text }); }, ''));
      }
      section.appendChild(el('h3', { text: 'Last deployment' }));
      section.appendChild(el('p', { text: p.lastDeployment ? when(p.lastDeployment.at) + ' (deployment ' + p.lastDeployment.deploymentId + ')' : 'Never deployed.' }));
      section.appendChild(el('h3', { text: 'Last refused deployment' }));
      section.appendChild(p.lastRefusal
        ? el('div', { className: 'refusal' }, el('p', { text: when(p.lastRefusal.at) }), list(p.lastRefusal.problems, function (t) { return el('span', { className: 'problem', text: t }); }, ''))
        : el('p', { className: 'muted', text: 'None since the application started.' }));
      section.appendChild(el('h3', { text: 'Last live reload' }));
      section.appendChild(reload(p.lastReload, false));
      section.appendChild(el('h3', { text: 'Versions' }));
      section.appendChild(list(p.processes, function (v) {
        return (v.name || v.key) + ': version ' + v.latestVersion + ' is what Tasklist starts (' + v.versions + ' version' + (v.versions === 1 ? '' : 's') + ' deployed)';
      }, 'No process deployed.'));
      section.appendChild(el('h3', { text: 'Running cases on older versions' }));
      var older = list(p.olderVersionsInUse, olderVersion, 'None: every running case is on the newest version.');
      older.className = 'older-versions';
      section.appendChild(older);
      if ((p.olderVersionsInUse || []).length) {
        section.appendChild(el('p', { className: 'muted', text: 'To move the cases that map cleanly, use POST /api/playbooks/' + p.id + '/migrations/execute; each moved case gets a comment in its audit trail.' }));
      }
      section.appendChild(el('h3', { text: 'Files' }));
      section.appendChild(list(p.files, function (file) { return el('code', { text: file }); }, 'Not readable.'));
      section.appendChild(el('h3', { text: 'Lint findings' }));
      section.appendChild(list(p.lintFindings, finding, 'None.'));
      box.appendChild(section);
    });
    document.body.setAttribute('data-rendered', 'true');
  }

  fetch('/api/playbooks/console', { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
    .then(function (response) {
      if (response.status === 401) {
        notice('You are not signed in. Sign in to Tasklist with your Foothold account, then come back to this page.', { href: '/camunda/app/tasklist/', text: 'Sign in to Tasklist' });
        return null;
      }
      if (response.status === 403) {
        notice('This page is not part of your work: the playbook console is for playbook designers and administrators.', { href: '/camunda/app/tasklist/', text: 'Back to Tasklist' });
        return null;
      }
      if (!response.ok) { notice('The console answered ' + response.status + '. Try again in a moment.'); return null; }
      return response.json();
    }, function () { notice('The console cannot be reached. Check your connection and try again.'); return null; })
    .then(function (overview) { if (overview) { show(overview); } });
})();
