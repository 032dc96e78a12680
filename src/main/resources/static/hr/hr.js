/*
 * Shared by Foothold's HR pages. Reads /api/audit/* with the Tasklist session (same sign-in as Tasklist).
 * Every value from the API reaches the page through textContent or attributes set one by one: never innerHTML.
 */
(function () {
  'use strict';

  var TASKLIST = '/camunda/app/tasklist/';
  var HIDDEN = 'fewer than 5 cases — hidden to protect privacy';
  /** The outcome's words, shared by the list's badge and its Outcome filter (the values are audit/CaseOutcome's). */
  var OUTCOMES = {
    'open': 'open', 'recovered': 'recovered', 'escalated': 'escalated (referral arranged)',
    'process-review': 'process gap handled', 'completed': 'completed', 'closed': 'closed otherwise'
  };

  // Elements are built by the shared /shared/dom.js (loaded before this file): text, never markup.
  var el = window.FootholdDom.el;
  var append = window.FootholdDom.append;

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  }

  /** Shows a message in the page's #notice area (text only); with a link when given. */
  function notice(message, link) {
    var box = document.getElementById('notice');
    if (!box) { return; }
    clear(box);
    append(box, message);
    if (link) {
      append(box, ' ');
      append(box, el('a', { href: link.href, text: link.text }));
    }
    box.hidden = false;
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  /** GET JSON from the audit API with the browser session; 401 and 403 become a message for the person. */
  function getJson(path) {
    return fetch(path, {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    }).then(function (response) {
      if (response.status === 401) {
        notice('You are not signed in. Sign in to Tasklist with your Foothold account, then come back to this page.',
          { href: TASKLIST, text: 'Sign in to Tasklist' });
        throw new ApiError(401, 'not signed in');
      }
      if (response.status === 403) {
        notice('This page is not part of your work: these pages are for HR, so the case audit is not shown to your account. Your own cases and steps are in',
          { href: TASKLIST, text: 'Tasklist' });
        throw new ApiError(403, 'not HR');
      }
      if (response.status === 404) {
        notice('Not found: the case may have been erased, or the link is wrong.');
        throw new ApiError(404, 'not found');
      }
      if (!response.ok) {
        notice('The audit service answered ' + response.status + '. Try again in a moment.');
        throw new ApiError(response.status, 'failed');
      }
      return response.json();
    }, function () {
      notice('The audit service cannot be reached. Check your connection and try again.');
      throw new ApiError(0, 'unreachable');
    });
  }

  /** An ISO-8601 instant as the reader's local date and time; empty for none. */
  function dateTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function date(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
  }

  function param(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  /** Swallows the errors getJson already explained on the page; logs anything else. */
  function explained(error) {
    if (!(error instanceof ApiError)) {
      notice('Something went wrong while showing this page.');
      if (window.console) { console.error(error); }
    }
  }

  window.Hr = {
    el: el, clear: clear, append: append, notice: notice, getJson: getJson, explained: explained,
    dateTime: dateTime, date: date, param: param, HIDDEN: HIDDEN, OUTCOMES: OUTCOMES
  };
})();
