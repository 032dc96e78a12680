/*
 * Builds page elements for Foothold's own pages (HR pages, the case overview). Values reach the page as text nodes
 * or as attributes set one by one, never as markup: an API value can never become HTML.
 */
(function () {
  'use strict';

  /** Builds an element; children are elements or text (strings become text nodes, never markup). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = String(value); }
      else if (name === 'className') { node.className = String(value); }
      else { node.setAttribute(name, String(value)); }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(parent, child) {
    if (child === null || child === undefined) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  window.FootholdDom = { el: el, append: append };
})();
