/*
 * The manager's case overview. Reads GET /api/my/cases with the Tasklist session. Every value from the API reaches
 * the page through textContent or attributes set one by one, never as markup.
 */
(function () {
  'use strict';

  var TASKLIST = '/camunda/app/tasklist/';
  var SVG = 'http://www.w3.org/2000/svg';
  var OUTCOMES = {
    recovered: 'Back to confident work',
    escalated: 'Referred to HR',
    'process-review': 'Process gap handled',
    closed: 'Closed'
  };

  // Elements are built by the shared /shared/dom.js (loaded before this file): text, never markup.
  var el = window.FootholdDom.el;
  var append = window.FootholdDom.append;

  function show(id) { document.getElementById(id).hidden = false; }

  /** A message for the person, with a link when there is somewhere better to go. Links stay on this site. */
  function notice(message, href, linkText) {
    var box = document.getElementById('notice');
    box.textContent = message;
    if (href && linkText && href.charAt(0) === '/' && href.charAt(1) !== '/') {
      append(box, el('a', { href: href, text: linkText }));
    }
    box.hidden = false;
    document.getElementById('loading').hidden = true;
  }

  /** "Tue 15 Dec" (with the year when it is not this year), in the reader's time zone. */
  function day(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return String(iso); }
    var options = { weekday: 'short', day: 'numeric', month: 'short' };
    if (d.getFullYear() !== new Date().getFullYear()) { options.year = 'numeric'; }
    return d.toLocaleDateString('en-GB', options);
  }

  function plainDate(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  }

  function whereItStands(step) {
    switch (step.kind) {
      case 'yours': return [el('span', { className: 'kind yours', text: 'Your step' }), step.text];
      case 'theirs': return [el('span', { className: 'kind theirs', text: 'Their step' }), 'Waiting for ' + step.who + '’s step: ' + step.text];
      case 'hr': return [el('span', { className: 'kind hr', text: 'With HR' }), step.text];
      case 'timer': return [el('span', { className: 'kind timer', text: 'Waiting' }), step.text + (step.date ? ' ' + day(step.date) : '')];
      default: return [el('span', { className: 'kind', text: 'In progress' }), step.text];
    }
  }

  function dateCell(step) {
    if (!step.date) { return el('span', { className: 'muted', text: 'No date set' }); }
    if (step.overdue) { return el('span', { className: 'overdue', text: 'Overdue since ' + day(step.date) }); }
    return (step.kind === 'timer' ? 'Next on ' : 'Due ') + day(step.date);
  }

  /** A small line of the ratings (1 to 5, oldest left) with the same numbers as text beside it. */
  function trend(ratings) {
    if (!ratings.length) { return el('span', { className: 'muted', text: 'No check-in yet' }); }
    var values = ratings.map(function (r) { return r.value; });
    var label = 'Confidence at ' + values.length + (values.length === 1 ? ' check-in: ' : ' check-ins, oldest first: ')
      + values.join(', ') + ' (out of 5)';
    var width = 84, height = 26, pad = 4;
    var step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
    var points = values.map(function (v, i) {
      var x = values.length > 1 ? pad + i * step : width / 2;
      var y = height - pad - (Math.min(Math.max(v, 1), 5) - 1) / 4 * (height - 2 * pad);
      return [x, y];
    });
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    svg.setAttribute('class', 'sparkline');
    var title = document.createElementNS(SVG, 'title');
    title.textContent = label;
    svg.appendChild(title);
    if (points.length > 1) {
      var line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points.map(function (p) { return p.join(','); }).join(' '));
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', '#245d78');
      line.setAttribute('stroke-width', '2');
      svg.appendChild(line);
    }
    var last = points[points.length - 1];
    var dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', last[0]);
    dot.setAttribute('cy', last[1]);
    dot.setAttribute('r', '3');
    dot.setAttribute('fill', '#245d78');
    svg.appendChild(dot);
    return el('span', { className: 'trend' }, svg, el('span', { className: 'values', 'aria-hidden': 'true', text: values.join(' → ') }));
  }

  function openRow(c) {
    var stands = el('td', null, whereItStands(c.next));
    if (c.hrReviewOpen && c.next.kind !== 'hr') {
      append(stands, el('span', { className: 'also', text: 'HR is also looking at a serious signal.' }));
    }
    var action = c.next.taskUrl
      ? el('a', { href: c.next.taskUrl, className: 'open-task' }, 'Open in Tasklist',
        el('span', { className: 'visually-hidden', text: ': ' + c.next.text + ' for ' + c.employee }))
      : el('span', { className: 'muted', text: 'Nothing for you yet' });
    return el('tr', { 'data-case-id': c.caseId, 'data-kind': c.next.kind },
      el('th', { scope: 'row', text: c.employee }),
      el('td', { text: c.playbook }),
      stands,
      el('td', { className: 'date' }, dateCell(c.next)),
      el('td', { className: 'confidence' }, trend(c.confidence || [])),
      el('td', null, action));
  }

  function closedRow(c) {
    return el('tr', { 'data-case-id': c.caseId },
      el('th', { scope: 'row', text: c.employee }),
      el('td', { text: c.playbook }),
      el('td', { text: plainDate(c.opened) }),
      el('td', { text: plainDate(c.closed) }),
      el('td', { text: OUTCOMES[c.outcome] || c.outcome }));
  }

  function render(data) {
    document.getElementById('loading').hidden = true;
    document.getElementById('open-count').textContent = '(' + data.open.length + ')';
    append(document.getElementById('open-cases'), data.open.map(openRow));
    if (!data.open.length) { show('open-empty'); document.getElementById('open-table').hidden = true; }
    show('open-section');

    document.getElementById('closed-count').textContent = '(' + data.closedTotal + ')';
    append(document.getElementById('closed-cases'), data.closed.map(closedRow));
    if (!data.closed.length) { show('closed-empty'); document.getElementById('closed-table').hidden = true; }
    if (data.closedTotal > data.closed.length) {
      var more = document.getElementById('closed-more');
      more.textContent = 'The latest ' + data.closed.length + ' of ' + data.closedTotal + ' closed cases.';
      more.hidden = false;
    }
    show('closed-section');
    document.body.setAttribute('data-rendered', 'true');
  }

  fetch('/api/my/cases', {
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  }).then(function (response) {
    if (response.status === 401) {
      notice('You are not signed in. Sign in to Tasklist with your Foothold account, then come back to this page.',
        TASKLIST, 'Sign in to Tasklist');
      return null;
    }
    if (response.status === 403) {
      return response.json().then(function (body) {
        notice('This page is not part of your work. ' + (body.message || 'This overview is for managers.'), body.href, body.linkText);
        return null;
      });
    }
    if (!response.ok) {
      notice('Your cases could not be loaded just now (the server answered ' + response.status + '). Try again in a moment.');
      return null;
    }
    return response.json();
  }).then(function (data) {
    if (data) { render(data); }
    document.body.setAttribute('data-loaded', 'true');
  }).catch(function () {
    notice('Your cases could not be loaded. Check your connection and try again.');
    document.body.setAttribute('data-loaded', 'true');
  });
})();
