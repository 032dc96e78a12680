/* HR analytics (analytics.html): aggregates drawn with Chart.js; small groups arrive already hidden. */
(function () {
  'use strict';
  var el = Hr.el;
  var BLUE = '#2f6f8f', AMBER = '#c98a1b';

  function hiddenNote(id, labels) {
    var note = document.getElementById(id);
    if (labels.length) {
      note.textContent = labels.join(', ') + ': ' + Hr.HIDDEN + '.';
      note.hidden = false;
    }
  }

  function figure(target, value, unit, cases, suppressed, extra) {
    var box = Hr.clear(document.getElementById(target));
    if (suppressed || value === null || value === undefined) {
      box.appendChild(el('p', { className: 'suppressed', text: Hr.HIDDEN }));
      return;
    }
    box.appendChild(el('div', { className: 'figure', text: value + unit }));
    if (extra) { box.appendChild(el('div', { text: extra })); }
    box.appendChild(el('div', { className: 'muted', text: 'over ' + cases + ' cases' }));
  }

  /** Chart.js draws labels as canvas text (not markup), so values from the API cannot inject anything. */
  function chart(id, config) {
    if (!window.Chart) { return null; }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    return new Chart(document.getElementById(id), config);
  }

  function months(a) {
    var byMonth = {};
    function add(list, key) {
      (list || []).forEach(function (m) {
        byMonth[m.month] = byMonth[m.month] || { opened: null, closed: null, hidden: [] };
        if (m.suppressed) { byMonth[m.month].hidden.push(key); } else { byMonth[m.month][key] = m.count; }
      });
    }
    add(a.casesOpenedPerMonth, 'opened');
    add(a.casesClosedPerMonth, 'closed');
    var shown = Object.keys(byMonth).sort().filter(function (m) { return byMonth[m].opened !== null || byMonth[m].closed !== null; });
    var hidden = Object.keys(byMonth).sort().filter(function (m) { return byMonth[m].hidden.length; })
      .map(function (m) { return m + ' (' + byMonth[m].hidden.join(' and ') + ')'; });
    hiddenNote('months-hidden', hidden);
    chart('chart-months', {
      type: 'bar',
      data: {
        labels: shown,
        datasets: [
          { label: 'opened', backgroundColor: BLUE, data: shown.map(function (m) { return byMonth[m].opened; }) },
          { label: 'closed', backgroundColor: AMBER, data: shown.map(function (m) { return byMonth[m].closed; }) }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function phases(a) {
    var shown = (a.timeInPhaseDays || []).filter(function (p) { return !p.suppressed; });
    hiddenNote('phases-hidden', (a.timeInPhaseDays || []).filter(function (p) { return p.suppressed; }).map(function (p) { return p.name || p.phase; }));
    chart('chart-phases', {
      type: 'bar',
      data: {
        labels: shown.map(function (p) { return p.name || p.phase; }),
        datasets: [{ label: 'median days', backgroundColor: BLUE, data: shown.map(function (p) { return p.medianDays; }) }]
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true } } }
    });
  }

  function confidence(a) {
    var shown = (a.confidenceTrend || []).filter(function (p) { return !p.suppressed; });
    hiddenNote('confidence-hidden', (a.confidenceTrend || []).filter(function (p) { return p.suppressed; })
      .map(function (p) { return 'check-in ' + p.checkIn; }));
    chart('chart-confidence', {
      type: 'line',
      data: {
        labels: shown.map(function (p) { return 'check-in ' + p.checkIn; }),
        datasets: [{ label: 'average confidence (1–5)', borderColor: BLUE, backgroundColor: BLUE, tension: 0.2,
          data: shown.map(function (p) { return p.averageRating; }) }]
      },
      options: { scales: { y: { min: 1, max: 5 } } }
    });
  }

  function supports(a) {
    var body = Hr.clear(document.getElementById('supports'));
    (a.supportsChosen || []).forEach(function (s) {
      body.appendChild(s.suppressed
        ? el('tr', {}, el('td', { text: s.support }), el('td', { colspan: 2, className: 'suppressed', text: Hr.HIDDEN }))
        : el('tr', {}, el('td', { text: s.support }), el('td', { text: s.cases }), el('td', { text: s.recovered })));
    });
    if (!body.childNodes.length) { body.appendChild(el('tr', {}, el('td', { colspan: 3, className: 'muted', text: 'No closed cases yet.' }))); }
  }

  function show(a) {
    document.getElementById('rule').textContent = 'Every figure covers at least ' + a.minimumGroupSize
      + ' cases; smaller groups are hidden to protect privacy.';
    if (a.asOf) {
      document.getElementById('as-of').textContent = 'Figures as of ' + new Date(a.asOf).toLocaleString()
        + '; they are brought up to date every few minutes.';
    }
    var r = a.timeToRecoveryDays || {};
    figure('recovery', r.median, ' days (median)', r.cases, r.suppressed, r.p90 === null || r.p90 === undefined ? null : '9 in 10 within ' + r.p90 + ' days');
    var e = a.escalationRate || {};
    figure('escalation', e.rate === null || e.rate === undefined ? null : Math.round(e.rate * 1000) / 10, ' %', e.cases, e.suppressed);
    months(a);
    phases(a);
    confidence(a);
    supports(a);
    document.body.setAttribute('data-rendered', 'true');
  }

  if (!window.Chart) {
    Hr.notice('The chart library did not load; the figures below are still correct.');
  }
  Hr.getJson('/api/audit/analytics').then(show).catch(Hr.explained);
})();
