/* The HR case list (index.html): filters kept in the address, paging, CSV export link. */
(function () {
  'use strict';
  var el = Hr.el;
  var FILTERS = ['playbook', 'state', 'outcome', 'manager', 'openedFrom', 'openedTo', 'closedFrom', 'closedTo'];
  var SIZE = 50;
  var form = document.getElementById('filters');
  var page = Number(Hr.param('page') || 0);

  // the filters live in the address, so a list can be bookmarked and shared with another HR person
  FILTERS.forEach(function (name) {
    var value = Hr.param(name);
    if (value) { form.elements[name].value = value; }
  });

  /** The filters as set in the form; for the API (asInstants) a day becomes the start or the end of that day. */
  function query(extra, asInstants) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (!value) { return; }
      if (asInstants && /From$/.test(name)) { value = value + 'T00:00:00Z'; }
      if (asInstants && /To$/.test(name)) { value = value + 'T23:59:59Z'; }
      params.set(name, value);
    });
    Object.keys(extra || {}).forEach(function (k) { params.set(k, extra[k]); });
    return params.toString();
  }

  // the filter's options and the badges come from one list, so a badge always names an option that finds its case
  Object.keys(Hr.OUTCOMES).forEach(function (value) {
    form.elements.outcome.appendChild(el('option', { value: value, text: Hr.OUTCOMES[value] }));
  });
  var chosen = Hr.param('outcome');
  if (chosen) { form.elements.outcome.value = chosen; }

  function outcomeBadge(c) {
    if (!c.outcome) { return ''; }
    return el('span', { className: 'badge outcome ' + (c.outcome === 'recovered' || c.outcome === 'escalated' ? c.outcome : ''),
      'data-outcome': c.outcome, text: Hr.OUTCOMES[c.outcome] || c.outcome });
  }

  function show(result) {
    var body = Hr.clear(document.getElementById('cases'));
    (result.cases || []).forEach(function (c) {
      var link = el('a', { href: 'case.html?id=' + encodeURIComponent(c.caseId), text: c.employeeName || c.employeeId || c.caseId });
      body.appendChild(el('tr', { 'data-case-id': c.caseId },
        el('td', {}, link),
        el('td', { text: c.managerName || c.managerId || '' }),
        el('td', { text: c.playbook || c.processKey || '' }),
        el('td', { text: Hr.dateTime(c.openedAt) }),
        el('td', { text: Hr.dateTime(c.closedAt) }),
        el('td', { text: c.state || '' }),
        el('td', {}, outcomeBadge(c), c.escalated && c.outcome !== 'escalated' ? [' ', el('span', { className: 'badge hr-involved', text: 'HR brought in' })] : null)));
    });
    if (!result.cases || result.cases.length === 0) {
      body.appendChild(el('tr', {}, el('td', { colspan: 7, className: 'muted', text: 'No cases match these filters.' })));
    }
    var total = Number(result.total || 0);
    var first = total === 0 ? 0 : page * SIZE + 1;
    document.getElementById('summary').textContent = first + '–' + Math.min(total, (page + 1) * SIZE) + ' of ' + total + ' cases';
    document.getElementById('previous').disabled = page === 0;
    document.getElementById('next').disabled = (page + 1) * SIZE >= total;
  }

  function load() {
    var q = query({}, true);
    document.getElementById('export').href = '/api/audit/cases.csv' + (q ? '?' + q : '');
    history.replaceState(null, '', '?' + query({ page: page }, false));
    Hr.getJson('/api/audit/cases?' + query({ page: page, size: SIZE }, true)).then(show).catch(Hr.explained);
  }

  form.addEventListener('submit', function (event) { event.preventDefault(); page = 0; load(); });
  document.getElementById('previous').addEventListener('click', function () { if (page > 0) { page--; load(); } });
  document.getElementById('next').addEventListener('click', function () { page++; load(); });
  load();
})();
