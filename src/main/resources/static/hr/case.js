/* One case's timeline (case.html?id=…). */
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

  if (!id) {
    Hr.notice('No case is named in the address (case.html?id=…). Pick a case from the list.', { href: 'index.html', text: 'Cases' });
    return;
  }
  document.getElementById('export').href = '/api/audit/cases/' + encodeURIComponent(id) + '.csv';

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

  function details(event) {
    var d = event.details || {};
    if (d['private']) {
      return el('p', { className: 'details private', text: 'A private note exists; its content is never shown.' });
    }
    var list = el('dl', { className: 'details facts' });
    if (event.kind === 'decision') {
      fact(list, 'decision', d.decisionKey);
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
    document.getElementById('title').textContent = 'Case: ' + (c.employeeName || c.employeeId || c.caseId || id);
    var facts = Hr.clear(document.getElementById('facts'));
    fact(facts, 'Employee', c.employeeName ? c.employeeName + ' (' + c.employeeId + ')' : c.employeeId);
    fact(facts, 'Manager', c.managerId);
    fact(facts, 'Playbook', c.playbook);
    fact(facts, 'Process', c.processKey);
    fact(facts, 'Opened', Hr.dateTime(c.openedAt));
    fact(facts, 'Closed', Hr.dateTime(c.closedAt));
    fact(facts, 'State', c.state);
    fact(facts, 'Outcome', c.outcome);
    fact(facts, 'Escalated', c.escalated ? 'yes' : 'no');
    fact(facts, 'Case id', c.caseId);

    var steps = Hr.clear(document.getElementById('steps'));
    (c.currentSteps || []).forEach(function (s) {
      steps.appendChild(el('li', {}, s.name || s.activityId, s.assignee ? el('span', { className: 'muted', text: ' — ' + s.assignee }) : null));
    });
    if (!steps.childNodes.length) { steps.appendChild(el('li', { className: 'muted', text: 'None: the case is closed or waiting.' })); }

    var timeline = Hr.clear(document.getElementById('timeline'));
    (result.timeline || []).forEach(function (event) {
      timeline.appendChild(el('li', { className: 'kind-' + String(event.kind || '').replace(/[^a-z-]/g, ''), 'data-kind': event.kind },
        el('span', { className: 'when', text: Hr.dateTime(event.at) }),
        el('span', { className: 'badge kind', text: KINDS[event.kind] || event.kind || '' }), ' ',
        el('strong', { text: event.what || '' }),
        event.who ? el('span', { className: 'muted', text: ' — ' + (event.whoName || event.who) }) : null,
        details(event)));
    });
    if (!timeline.childNodes.length) { timeline.appendChild(el('li', { className: 'muted', text: 'No events recorded.' })); }
  }

  Hr.getJson('/api/audit/cases/' + encodeURIComponent(id)).then(show).catch(Hr.explained);
})();
