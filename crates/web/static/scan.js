// Raamwerk self-scan: saves every change at once, field by field, and says so.
//
// The page works without this script (its form saves an area as a whole). With it, each
// change is sent to the form's data-save address as `field` and `value`. One request per
// field is in flight at a time, so a later value is never overtaken by an earlier one. A
// field shows "saved" only when the server answered that it saved exactly that value; a
// network failure or a server error is retried with growing pauses, and a refusal (a value
// the server cannot take, a closed round, signed out) is shown with the server's message.
// The script also keeps the area's "answered" count current, shows a character counter on a
// note that nears its limit, and hides the form's save button, which it makes unnecessary.
(function () {
  'use strict';

  var form = document.querySelector('form[data-save]');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var url = form.getAttribute('data-save');
  var words = {
    saving: form.getAttribute('data-saving'),
    saved: form.getAttribute('data-saved'),
    retrying: form.getAttribute('data-retrying'),
    failed: form.getAttribute('data-failed')
  };
  var pending = {};   // field -> the newest value not yet saved
  var inflight = {};  // field -> true while a request for it runs
  var failed = {};    // field -> true when the server refused its newest value
  var timers = {};    // field -> typing pause timer

  function hasOwn(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key);
  }

  function stateFor(field) {
    var dot = field.indexOf('.');
    var what = field.slice(0, dot);
    var key = (what === 'keuze' || what === 'notitie' || what === 'bespreken') ? field.slice(dot + 1) : field;
    var states = form.querySelectorAll('.save-state');
    for (var i = 0; i < states.length; i += 1) {
      if (states[i].getAttribute('data-for') === key) {
        return states[i];
      }
    }
    return null;
  }

  function show(field, state, message) {
    var element = stateFor(field);
    if (!element) {
      return;
    }
    element.className = 'save-state save-state-' + state;
    element.textContent = message ? words[state] + ': ' + message : words[state];
  }

  function valueOf(input) {
    if (input.type === 'radio') {
      var group = form.querySelectorAll('input[type="radio"]');
      for (var i = 0; i < group.length; i += 1) {
        if (group[i].name === input.name && group[i].checked) {
          return group[i].value;
        }
      }
      return '';
    }
    if (input.type === 'checkbox') {
      return input.checked ? input.value : '';
    }
    return input.value;
  }

  // The form's "was" value follows what is saved, so that submitting the whole form later
  // sends only what is still unsaved.
  function remember(field, value) {
    var hidden = form.querySelectorAll('input[type="hidden"]');
    for (var i = 0; i < hidden.length; i += 1) {
      if (hidden[i].name === 'was.' + field) {
        hidden[i].value = value;
      }
    }
  }

  function send(field, value) {
    var body = new URLSearchParams();
    body.append('field', field);
    body.append('value', value);
    return fetch(url, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok && data.saved === true) {
          return { ok: true };
        }
        if (response.status >= 400 && response.status < 500) {
          return { ok: false, permanent: true, message: data.error || '' };
        }
        return { ok: false, permanent: false };
      });
    }, function () {
      return { ok: false, permanent: false };
    });
  }

  function flush(field, attempt) {
    if (inflight[field] || !hasOwn(pending, field)) {
      return;
    }
    var value = pending[field];
    inflight[field] = true;
    show(field, 'saving');
    send(field, value).then(function (outcome) {
      delete inflight[field];
      var newer = pending[field] !== value;
      if (outcome.ok) {
        remember(field, value);
        delete failed[field];
        if (newer) {
          flush(field, 0);
        } else {
          delete pending[field];
          show(field, 'saved');
        }
      } else if (outcome.permanent) {
        if (newer) {
          flush(field, 0);
        } else {
          delete pending[field];
          failed[field] = true;
          show(field, 'failed', outcome.message);
        }
      } else {
        show(field, 'retrying');
        window.setTimeout(function () { flush(field, attempt + 1); }, Math.min(30000, 1000 * Math.pow(2, attempt)));
      }
    });
  }

  function schedule(input, pause) {
    var field = input.name;
    if (!field || field.indexOf('was.') === 0) {
      return;
    }
    pending[field] = valueOf(input);
    window.clearTimeout(timers[field]);
    timers[field] = window.setTimeout(function () { flush(field, 0); }, pause);
  }

  form.addEventListener('change', function (event) {
    schedule(event.target, 0);
  });
  form.addEventListener('input', function (event) {
    if (event.target.tagName === 'TEXTAREA') {
      schedule(event.target, 700);
    }
  });
  // The count of answered statements in this area, as the page showed it on loading.
  var progress = document.getElementById('scan-progress');
  function recount() {
    if (!progress || !progress.getAttribute('data-format')) {
      return;
    }
    var groups = {};
    var answered = {};
    var radios = form.querySelectorAll('input[type="radio"]');
    for (var i = 0; i < radios.length; i += 1) {
      groups[radios[i].name] = true;
      if (radios[i].checked && radios[i].value) {
        answered[radios[i].name] = true;
      }
    }
    progress.textContent = progress.getAttribute('data-format')
      .replace('{answered}', String(Object.keys(answered).length))
      .replace('{total}', String(Object.keys(groups).length));
  }

  // A note shows how many characters it has once it is past four fifths of its limit.
  var counterFormat = form.getAttribute('data-counter');
  function count(area) {
    var max = parseInt(area.getAttribute('maxlength'), 10);
    if (!counterFormat || !(max > 0)) {
      return;
    }
    var counter = document.getElementById(area.id + '-count');
    if (!counter) {
      counter = document.createElement('span');
      counter.id = area.id + '-count';
      counter.className = 'hint note-counter';
      counter.setAttribute('aria-live', 'polite');
      area.parentNode.insertBefore(counter, area.nextSibling);
    }
    var used = area.value.length;
    counter.hidden = used < max * 0.8;
    counter.textContent = counterFormat.replace('{used}', String(used)).replace('{max}', String(max));
  }
  var areas = form.querySelectorAll('textarea[maxlength]');
  for (var a = 0; a < areas.length; a += 1) {
    count(areas[a]);
  }

  form.addEventListener('change', recount);
  form.addEventListener('input', function (event) {
    if (event.target.tagName === 'TEXTAREA') {
      count(event.target);
    }
  });
  var fallback = form.querySelectorAll('.save-fallback');
  for (var f = 0; f < fallback.length; f += 1) {
    fallback[f].hidden = true;
  }

  // Leaving with unsaved or refused changes asks first.
  window.addEventListener('beforeunload', function (event) {
    if (Object.keys(pending).length || Object.keys(failed).length) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
}());
