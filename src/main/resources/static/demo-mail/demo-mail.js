/*
 * The demo's caught mails for the signed-in person (GET /api/demo/mails). Values reach the page through textContent
 * only; links in a mail's text become links only when they point at this site.
 */
(function () {
  'use strict';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function notice(message) {
    var box = document.getElementById('notice');
    box.textContent = message;
    box.hidden = false;
  }

  /** The mail's text, with this site's links made clickable. */
  function body(text) {
    var pre = el('p', 'body');
    String(text || '').split(/(https?:\/\/\S+)/).forEach(function (piece) {
      if (/^https?:\/\//.test(piece) && piece.indexOf(location.origin + '/') === 0) {
        var a = el('a', null, piece);
        a.href = piece;
        pre.appendChild(a);
      } else {
        pre.appendChild(document.createTextNode(piece));
      }
    });
    return pre;
  }

  function render(data) {
    if (data.address) { document.getElementById('address').textContent = ' (' + data.address + ')'; }
    var list = document.getElementById('mails');
    if (!data.mails.length) { document.getElementById('empty').hidden = false; }
    data.mails.forEach(function (mail) {
      var item = el('li');
      var heading = el('h2');
      if (mail.urgent) { heading.appendChild(el('span', 'urgent', 'Urgent')); }
      heading.appendChild(document.createTextNode(mail.subject));
      item.appendChild(heading);
      var when = mail.received ? new Date(mail.received).toLocaleString('en-GB') : '';
      item.appendChild(el('p', 'meta', 'To ' + mail.to + (when ? ' · ' + when : '')));
      item.appendChild(body(mail.text));
      if (mail.calendar) {
        var details = el('details');
        details.appendChild(el('summary', null, 'Calendar invitation (.ics)'));
        details.appendChild(el('pre', null, mail.calendar));
        item.appendChild(details);
      }
      list.appendChild(item);
    });
    document.body.setAttribute('data-rendered', 'true');
  }

  fetch('/api/demo/mails', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (response.status === 401) {
        notice('You are not signed in. Sign in to Tasklist with a demo account, then come back to this page.');
        return null;
      }
      if (!response.ok) {
        notice(response.status === 404 ? 'This server sends real mail, so there is no mail catcher to show.'
          : 'Your mails could not be loaded just now (the server answered ' + response.status + ').');
        return null;
      }
      return response.json();
    })
    .then(function (data) {
      document.getElementById('loading').hidden = true;
      if (data) { render(data); }
      document.body.setAttribute('data-loaded', 'true');
    })
    .catch(function () {
      document.getElementById('loading').hidden = true;
      notice('Your mails could not be loaded. Check your connection and try again.');
      document.body.setAttribute('data-loaded', 'true');
    });
})();
