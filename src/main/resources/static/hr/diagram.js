/*
 * The playbook's BPMN drawn with bpmn-js (served from this origin, see /vendor/bpmn-js/), with Foothold's marks on
 * it: steps done, the step a case is in now, or how many cases passed a step. The diagram is a picture; every
 * page that shows one also shows the same facts as a table (the text alternative).
 */
(function () {
  'use strict';

  /** Milliseconds as a short, readable duration: "3 d 4 h", "2 h 10 min", "45 s". */
  function duration(ms) {
    if (ms === null || ms === undefined) { return ''; }
    var s = Math.round(ms / 1000);
    if (s < 60) { return s + ' s'; }
    var min = Math.round(s / 60);
    if (min < 60) { return min + ' min'; }
    var h = Math.floor(min / 60), m = min % 60;
    if (h < 24) { return h + ' h' + (m ? ' ' + m + ' min' : ''); }
    var d = Math.floor(h / 24), rh = h % 24;
    return d + ' d' + (rh ? ' ' + rh + ' h' : '');
  }

  /**
   * Draws {@code xml} into {@code container}. {@code marks}: activity id -> { className, label } (label: a short
   * text put on the element). Resolves to true when drawn, false when the browser could not draw it.
   */
  function draw(container, xml, marks, description) {
    if (!window.BpmnJS) {
      Hr.append(container, Hr.el('p', { className: 'muted', text: 'The diagram cannot be drawn here; the table lists the same steps.' }));
      return Promise.resolve(false);
    }
    var viewer = new window.BpmnJS({ container: container });
    return viewer.importXML(xml).then(function () {
      var canvas = viewer.get('canvas');
      var overlays = viewer.get('overlays');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport');
      Object.keys(marks || {}).forEach(function (id) {
        if (!registry.get(id)) { return; }
        var mark = marks[id];
        if (mark.className) { canvas.addMarker(id, mark.className); }
        if (mark.label) {
          overlays.add(id, { position: { bottom: 4, left: 0 }, html: Hr.el('span', { className: 'fh-diagram-label', text: mark.label }) });
        }
      });
      // the picture is one image for assistive technology; its facts are in the table beside it
      var svg = container.querySelector('svg');
      if (svg) {
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', description);
      }
      container.setAttribute('data-drawn', 'true');
      return true;
    }).catch(function (error) {
      Hr.append(container, Hr.el('p', { className: 'muted', text: 'The diagram cannot be drawn; the table lists the same steps.' }));
      if (window.console) { console.error(error); }
      return false;
    });
  }

  /** Marks for one case: every step done, the step it is in now, and the time each took (visits added up). */
  function caseMarks(steps) {
    var marks = {};
    (steps || []).forEach(function (step) {
      var mark = marks[step.activityId] || (marks[step.activityId] = { millis: 0, current: false, visits: 0 });
      mark.visits += 1;
      if (step.current) { mark.current = true; } else { mark.millis += step.durationMillis || 0; }
    });
    Object.keys(marks).forEach(function (id) {
      var m = marks[id];
      m.className = m.current ? 'fh-current' : 'fh-done';
      m.label = m.current ? 'now' + (m.visits > 1 ? ' (' + m.visits + '×)' : '') : duration(m.millis) + (m.visits > 1 ? ' (' + m.visits + '×)' : '');
    });
    return marks;
  }

  /** The same path as a table: one row per pass through a step, oldest first. */
  function caseTable(steps) {
    var body = Hr.el('tbody');
    (steps || []).forEach(function (step) {
      body.appendChild(Hr.el('tr', { 'data-activity-id': step.activityId, 'data-current': step.current ? 'true' : 'false' },
        Hr.el('td', { text: step.name || step.activityId }),
        Hr.el('td', { text: Hr.dateTime(step.startedAt) }),
        Hr.el('td', { text: step.current ? '' : Hr.dateTime(step.endedAt) }),
        Hr.el('td', { text: step.current ? 'in this step now' : duration(step.durationMillis) })));
    });
    if (!body.childNodes.length) {
      body.appendChild(Hr.el('tr', {}, Hr.el('td', { colspan: 4, className: 'muted', text: 'No steps recorded.' })));
    }
    return Hr.el('table', { className: 'path-table' },
      Hr.el('caption', { text: 'Steps of this case, oldest first' }),
      Hr.el('thead', {}, Hr.el('tr', {}, ['Step', 'Started', 'Ended', 'Time taken'].map(function (h) { return Hr.el('th', { scope: 'col', text: h }); }))),
      body);
  }

  window.HrDiagram = { draw: draw, caseMarks: caseMarks, caseTable: caseTable, duration: duration };
})();
