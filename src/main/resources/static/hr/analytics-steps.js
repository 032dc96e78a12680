/* Analytics: each process's diagram with how many cases passed each step and the median time in it. */
(function () {
  'use strict';
  var el = Hr.el;

  function hours(h) {
    return h === null || h === undefined ? '' : HrDiagram.duration(h * 3600000);
  }

  function table(flow) {
    var body = el('tbody');
    flow.steps.forEach(function (step) {
      body.appendChild(el('tr', { 'data-activity-id': step.activityId },
        el('td', { text: step.name || step.activityId }),
        el('td', { text: step.suppressed ? Hr.HIDDEN : String(step.cases) }),
        el('td', { text: step.suppressed ? '' : (step.medianHours === null ? 'fewer than 5 finished' : hours(step.medianHours)) })));
    });
    return el('table', { className: 'path-table' },
      el('caption', { text: 'Steps of ' + (flow.name || flow.processKey) + ' across cases' }),
      el('thead', {}, el('tr', {}, ['Step', 'Cases that passed it', 'Median time in it'].map(function (h) { return el('th', { scope: 'col', text: h }); }))),
      body);
  }

  function show(flows) {
    var box = Hr.clear(document.getElementById('step-flows'));
    if (!flows.length) { box.appendChild(el('p', { className: 'muted', text: 'No cases yet.' })); }
    var drawn = flows.map(function (flow, i) {
      var name = flow.name || flow.processKey;
      var section = el('section', { className: 'card step-flow', 'data-process-key': flow.processKey },
        el('h3', { text: name }));
      box.appendChild(section);
      if (flow.suppressed) {
        section.appendChild(el('p', { className: 'suppressed', text: Hr.HIDDEN }));
        return Promise.resolve();
      }
      section.appendChild(el('p', { className: 'muted', text: flow.cases + ' cases. Each step shows how many cases passed it and the median time they spent in it.' }));
      var canvas = el('div', { className: 'diagram-canvas', id: 'flow-diagram-' + i });
      section.appendChild(canvas);
      section.appendChild(table(flow));
      var marks = {};
      flow.steps.forEach(function (step) {
        if (!step.suppressed) {
          marks[step.activityId] = { className: 'fh-passed', label: step.cases + ' cases' + (step.medianHours === null ? '' : ' · ' + hours(step.medianHours)) };
        }
      });
      return HrDiagram.draw(canvas, flow.bpmnXml, marks, 'Diagram of ' + name + ' with how many cases passed each step; the table below lists the same figures.');
    });
    return Promise.all(drawn);
  }

  Hr.getJson('/api/audit/analytics/steps').then(show).then(function () {
    document.body.setAttribute('data-steps-rendered', 'true');
  }).catch(Hr.explained);
})();
