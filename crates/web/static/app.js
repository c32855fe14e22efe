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
