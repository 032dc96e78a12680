/* The printable case record (record.html?id=…): opening it is recorded in the case's read log, which it shows. */
(function () {
  'use strict';
  var el = Hr.el;
  var id = Hr.param('id');
  var HOW = { view: 'viewed the timeline', export: 'exported as CSV', path: 'viewed the path on the diagram', record: 'opened the printable record', erase: 'erased' };

  document.getElementById('print').addEventListener('click', function () { window.print(); });
  if (!id) {
    Hr.notice('No case is named in the address (record.html?id=…). Pick a case from the list.', { href: 'index.html', text: 'Cases' });
    return;
  }
  document.getElementById('back').href = 'case.html?id=' + encodeURIComponent(id);

  function fact(list, label, value) {
    if (value === null || value === undefined || value === '') { return; }
    list.appendChild(el('dt', { text: label }));
    list.appendChild(el('dd', { text: value }));
  }

  function show(record) {
    var c = (record.timeline && record.timeline['case']) || {};
    var who = c.employeeName || c.employeeId || id;
    document.title = 'Foothold HR — case record: ' + who;
    document.getElementById('title').textContent = 'Case record: ' + who;
    document.getElementById('produced').textContent = 'Produced ' + Hr.dateTime(new Date().toISOString()) + ' from the audit trail.';
    var facts = Hr.clear(document.getElementById('facts'));
    fact(facts, 'Employee', c.employeeName || c.employeeId);
    fact(facts, 'Manager', c.managerName || c.managerId);
    fact(facts, 'Playbook', c.playbook);
    fact(facts, 'Opened', Hr.dateTime(c.openedAt));
    fact(facts, 'Closed', Hr.dateTime(c.closedAt));
    fact(facts, 'State', c.state);
    fact(facts, 'Outcome', Hr.OUTCOMES[c.outcome] || c.outcome);
    fact(facts, 'Case id', c.caseId);

    var timeline = Hr.clear(document.getElementById('timeline'));
    ((record.timeline && record.timeline.timeline) || []).forEach(function (event) {
      var said = (event.facts || []).filter(function () { return event.kind !== 'variable-changed'; })
        .map(function (f) { return f.label + ': ' + f.value; }).join('; ');
      timeline.appendChild(el('tr', { 'data-kind': event.kind },
        el('td', { text: Hr.dateTime(event.at) }), el('td', {}, event.what || '', said ? el('div', { className: 'muted', text: said }) : null),
        el('td', { text: event.whoName || event.who || '' })));
    });

    var reads = Hr.clear(document.getElementById('reads'));
    (record.reads || []).forEach(function (read) {
      reads.appendChild(el('tr', { 'data-action': read.action },
        el('td', { text: Hr.dateTime(read.at) }), el('td', { text: read.who }), el('td', { text: HOW[read.action] || read.action })));
    });

    var path = record.path || {};
    Hr.clear(document.getElementById('path-table')).appendChild(HrDiagram.caseTable(path.steps));
    return HrDiagram.draw(document.getElementById('diagram'), path.bpmnXml, HrDiagram.caseMarks(path.steps),
      'Diagram of ' + (path.diagramName || path.processKey) + ' with the steps this case went through marked; the table below lists them.');
  }

  Hr.getJson('/api/audit/cases/' + encodeURIComponent(id) + '/record').then(show).then(function () {
    document.body.setAttribute('data-rendered', 'true');
  }).catch(Hr.explained);
})();
