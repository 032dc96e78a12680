/* One case's timeline (case.html?id=…): in people's words, with the raw values one click away. */
(function () {
  'use strict';
  var el = Hr.el;
  var id = Hr.param('id');
  var KINDS = {
    'case-opened': 'case opened', 'task-created': 'step created', 'task-assigned': 'step assigned',
    'task-completed': 'step completed', 'decision': 'decision', 'timer-fired': 'timer fired', 'escalation': 'escalation',
    'variable-changed': 'answer recorded', 'comment': 'comment', 'case-closed': 'case closed',
    'concern-raised': 'concern raised', 'called-playbook-started': 'called playbook started', 'called-playbook-ended': 'called playbook ended'
  };
  var rawShown = false;

  if (!id) {
    Hr.notice('No case is named in the address (case.html?id=…). Pick a case from the list.', { href: 'index.html', text: 'Cases' });
    return;
  }
  document.getElementById('export').href = '/api/audit/cases/' + encodeURIComponent(id) + '.csv';

  var toggle = document.getElementById('raw-toggle');
  toggle.addEventListener('click', function () {
    rawShown = !rawShown;
    toggle.setAttribute('aria-pressed', String(rawShown));
    toggle.textContent = rawShown ? 'Hide raw values' : 'Show raw values';
    Array.prototype.forEach.call(document.querySelectorAll('.raw'), function (node) { node.hidden = !rawShown; });
  });

  function fact(list, label, value) {
    if (value === null || value === undefined || value === '') { return; }
    list.appendChild(el('dt', { text: label }));
    list.appendChild(el('dd', { text: value }));
  }

  /** A value from the API as text: objects and lists as compact JSON text (still text, never markup). */
  function asText(value) {
    if (value === null || value === undefined) { return ''; }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  /** What the event says in people's words: the labelled facts the API gives (form and catalog labels, names). */
  function facts(event) {
    if ((event.details || {})['private']) {
      return el('p', { className: 'details private', text: 'A private note exists; its content is never shown.' });
    }
    if (event.kind === 'variable-changed') { return null; } // its one fact is already the line itself
    var list = el('dl', { className: 'details facts' });
    (event.facts || []).forEach(function (f) { fact(list, f.label, f.value); });
    return list.childNodes.length ? list : null;
  }

  /** The raw view: the engine's names, ids and values, as the API's raw fields hold them. */
  function raw(event) {
    var d = event.details || {};
    var list = el('dl', { className: 'raw facts', hidden: rawShown ? null : 'hidden' });
    fact(list, 'who', event.who);
    fact(list, 'activityId', event.activityId);
    fact(list, 'taskId', event.taskId);
    if (event.kind === 'decision') {
      fact(list, 'decisionKey', d.decisionKey);
      Object.keys(d.inputs || {}).forEach(function (name) { fact(list, 'in: ' + name, asText(d.inputs[name])); });
      (d.outputs || []).forEach(function (row, i) {
        Object.keys(row || {}).forEach(function (name) { fact(list, 'out ' + (i + 1) + ': ' + name, asText(row[name])); });
      });
    } else {
      Object.keys(d).forEach(function (name) { fact(list, name, asText(d[name])); });
    }
    return list.childNodes.length ? list : null;
  }

  function show(result) {
    var c = result['case'] || {};
    document.getElementById('title').textContent = 'Case: ' + (c.employeeName || c.employeeId || 'unnamed');
    var facts_ = Hr.clear(document.getElementById('facts'));
    fact(facts_, 'Employee', c.employeeName || c.employeeId);
    fact(facts_, 'Manager', c.managerName || c.managerId);
    fact(facts_, 'Playbook', c.playbook);
    fact(facts_, 'Opened', Hr.dateTime(c.openedAt));
    fact(facts_, 'Closed', Hr.dateTime(c.closedAt));
    fact(facts_, 'State', c.state);
    fact(facts_, 'Outcome', Hr.OUTCOMES[c.outcome] || c.outcome);
    fact(facts_, 'HR brought in', c.escalated ? 'yes' : 'no');
    var rawFacts = el('dl', { className: 'raw facts', hidden: rawShown ? null : 'hidden' });
    fact(rawFacts, 'caseId', c.caseId);
    fact(rawFacts, 'processKey', c.processKey);
    fact(rawFacts, 'employeeId', c.employeeId);
    fact(rawFacts, 'managerId', c.managerId);
    facts_.parentNode.appendChild(rawFacts);

    var steps = Hr.clear(document.getElementById('steps'));
    (c.currentSteps || []).forEach(function (s) {
      var who = s.assigneeName || s.assignee;
      steps.appendChild(el('li', {}, s.name || 'a step', who ? el('span', { className: 'muted', text: ' — ' + who }) : null));
    });
    if (!steps.childNodes.length) { steps.appendChild(el('li', { className: 'muted', text: 'None: the case is closed or waiting.' })); }

    var timeline = Hr.clear(document.getElementById('timeline'));
    (result.timeline || []).forEach(function (event) {
      timeline.appendChild(el('li', { className: 'kind-' + String(event.kind || '').replace(/[^a-z-]/g, ''), 'data-kind': event.kind },
        el('span', { className: 'when', text: Hr.dateTime(event.at) }),
        el('span', { className: 'badge kind', text: KINDS[event.kind] || 'event' }), ' ',
        el('strong', { text: event.what || '' }),
        event.who ? el('span', { className: 'muted', text: ' — ' + (event.whoName || event.who) }) : null,
        facts(event), raw(event)));
    });
    if (!timeline.childNodes.length) { timeline.appendChild(el('li', { className: 'muted', text: 'No events recorded.' })); }
  }

  Hr.getJson('/api/audit/cases/' + encodeURIComponent(id)).then(show).then(function () {
    document.body.setAttribute('data-timeline', 'rendered');
  }).catch(Hr.explained);
})();
