// Foothold: what a person typed into a task form survives switching to the Diagram, History or Description tab,
// or to another task and back. Tasklist re-creates the form on every switch and would start from the stored
// variables again; its own "Save" keeps a draft per task ("camunda-form:<task id>" in localStorage) that the form
// reads when it is created and removes when the task is completed. This module presses that Save for the person,
// on exactly the gestures that take the form away, and only when something was typed. Drafts are removed when the
// person signs out, so nothing typed stays on a shared computer.
// Loaded by Tasklist through config.js (customScripts) as a module from this origin, so it runs under the
// webapps' nonce-based Content-Security-Policy; it never evaluates strings and never builds markup.

const DRAFT_PREFIX = 'camunda-form:';

/** Gestures after which the open form is gone: the task's tabs, another task, another filter, the start dialog. */
const LEAVING_THE_FORM = [
  '.nav-tabs a',
  'ol.tasks-list a',
  '.task-filters a',
  '.filter a',
  '.start-process-action a',
  'a.start-process-action'
].join(', ');

function openTaskForms() {
  if (!window.angular) {
    return [];
  }
  return Array.from(document.querySelectorAll('[cam-tasklist-form]'))
    .map(element => window.angular.element(element).isolateScope())
    .filter(scope => scope && scope.params && scope.params.taskId);
}

/**
 * form-js hands typed text to the form a moment later (debounced) and at once when the field loses focus. The
 * gesture that takes the form away would blur the field only after this handler, so blur it first: what was just
 * typed is then part of the form's data that Save reads.
 */
function settleTyping() {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.closest('[cam-tasklist-form]')) {
    active.blur();
  }
}

/** Tasklist's own Save for every open task form with typed changes (a form nobody touched keeps no draft). */
function keepDrafts() {
  settleTyping();
  openTaskForms().forEach(scope => {
    if (scope.$dirty && !scope.completeInProgress && !scope.taskRemoved && typeof scope.saveHandler === 'function') {
      try {
        scope.saveHandler();
      } catch (e) {
        // a form that cannot be read right now keeps the last draft it had
      }
    }
  });
}

function forgetDrafts() {
  Object.keys(window.localStorage)
    .filter(key => key.indexOf(DRAFT_PREFIX) === 0)
    .forEach(key => window.localStorage.removeItem(key));
}

document.addEventListener('mousedown', event => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) {
    return;
  }
  if (target.closest('li.logout a, [ng-click="logout()"]')) {
    forgetDrafts();
  } else if (target.closest(LEAVING_THE_FORM)) {
    keepDrafts();
  }
}, true);

document.addEventListener('keydown', event => {
  // keyboard users leave a form with Enter on a focused tab or link
  const target = event.target instanceof Element ? event.target : null;
  if (event.key === 'Enter' && target && target.closest(LEAVING_THE_FORM)) {
    keepDrafts();
  }
}, true);

window.addEventListener('pagehide', keepDrafts);

export default [];
