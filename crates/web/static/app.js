// Raamwerk: small conveniences on every page. Every page works without this script.
//
// A read-only field with class "copyable" (a link to pass on) gets a button that copies its
// text; the button's words come from the field's data-copy and data-copied.
(function () {
  'use strict';

  if (!navigator.clipboard) {
    return;
  }
  var fields = document.querySelectorAll('input.copyable[data-copy]');
  for (var i = 0; i < fields.length; i += 1) {
    (function (field) {
      var label = field.getAttribute('data-copy');
      var done = field.getAttribute('data-copied');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary-button copy-button';
      button.textContent = label;
      var state = document.createElement('span');
      state.className = 'hint';
      state.setAttribute('aria-live', 'polite');
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
          state.textContent = done;
        }, function () {
          field.select();
        });
      });
      field.parentNode.insertBefore(state, field.nextSibling);
      field.parentNode.insertBefore(button, field.nextSibling);
    }(fields[i]));
  }
}());

// A form with data-keep (the quick scan) keeps its answers in this browser tab's session
// storage, under the data-keep key, so that the same page in the other language, or after
// a reload, shows them again. Nothing leaves the browser; closing the tab forgets them.
// A field the server filled in (an answer it sent back) is left as the server sent it.
(function () {
  'use strict';

  var form = document.querySelector('form[data-keep]');
  var store;
  try {
    store = window.sessionStorage;
  } catch (e) {
    return;
  }
  if (!form || !store || !window.JSON) {
    return;
  }
  var key = 'raamwerk.' + form.getAttribute('data-keep');

  function read() {
    try {
      return JSON.parse(store.getItem(key) || '{}') || {};
    } catch (e) {
      return {};
    }
  }

  function save() {
    var kept = {};
    var fields = form.elements;
    for (var i = 0; i < fields.length; i += 1) {
      var field = fields[i];
      if (!field.name || field.type === 'hidden' || field.type === 'submit') {
        continue;
      }
      if (field.type === 'radio' || field.type === 'checkbox') {
        if (field.checked) {
          kept[field.name] = field.value;
        }
      } else if (field.value !== '') {
        kept[field.name] = field.value;
      }
    }
    try {
      store.setItem(key, JSON.stringify(kept));
    } catch (e) {
      // Storage full or refused: the page works as without the script.
    }
  }

  var kept = read();
  var fields = form.elements;
  for (var i = 0; i < fields.length; i += 1) {
    var field = fields[i];
    if (!field.name || !Object.prototype.hasOwnProperty.call(kept, field.name)) {
      continue;
    }
    if (field.type === 'radio' || field.type === 'checkbox') {
      var group = form.querySelectorAll('input[name="' + field.name.replace(/"/g, '') + '"]');
      var answered = false;
      for (var j = 0; j < group.length; j += 1) {
        answered = answered || group[j].checked;
      }
      if (!answered && field.value === kept[field.name]) {
        field.checked = true;
      }
    } else if (field.tagName === 'TEXTAREA' && field.value === '') {
      field.value = kept[field.name];
    }
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);
}());
