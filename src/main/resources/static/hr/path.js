/* The case page's path on the diagram (case.html?id=…): the playbook's BPMN with the case's steps, and a table. */
(function () {
  'use strict';
  var id = Hr.param('id');
  if (!id) { return; }
  var record = document.getElementById('record');
  if (record) { record.href = 'record.html?id=' + encodeURIComponent(id); }

  Hr.getJson('/api/audit/cases/' + encodeURIComponent(id) + '/path').then(function (path) {
    var name = path.diagramName || path.processKey;
    Hr.clear(document.getElementById('path-table')).appendChild(HrDiagram.caseTable(path.steps));
    return HrDiagram.draw(document.getElementById('diagram'), path.bpmnXml, HrDiagram.caseMarks(path.steps),
      'Diagram of ' + name + ' with the steps this case went through marked; the table below lists them.');
  }).then(function () {
    document.body.setAttribute('data-path-rendered', 'true');
  }).catch(Hr.explained);
})();
