// help.html's one script: adds the deployment's own support lines from
// tend.config.json (beside this page), as Get help in the app shows them.
// Without script, or without a config naming contacts, the page keeps its
// note on where to find them. A contact is shown only if it passes the
// same rules the app applies (docs/deploying.md: `contacts`); if any of
// them fails, none is shown, as the app refuses the whole file.
(function () {
  'use strict';
  var section = document.getElementById('org-contacts');
  var list = section && section.querySelector('ul');
  if (!list || !window.fetch) return;

  // Control characters and those that change the direction text reads in.
  var UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  function phoneHref(scheme, value) {
    var v = value.replace(new RegExp('^' + scheme + ':'), '');
    if (v.length > 32 || !/^\+?[0-9 ().-]+$/.test(v)) return null;
    var digits = v.replace(/[^0-9]/g, '');
    if (digits.length < 3 || digits.length > 20) return null;
    return scheme + ':' + (v.trim().charAt(0) === '+' ? '+' : '') + digits;
  }

  function webHref(value) {
    if (!/^https:\/\//.test(value) || /[\s"'<>]/.test(value)) return null;
    try {
      var url = new URL(value);
      if (url.protocol !== 'https:' || url.username || url.password || url.hostname.indexOf('.') < 1) return null;
      return url.href;
    } catch (e) {
      return null;
    }
  }

  function checked(contacts) {
    if (!Array.isArray(contacts) || contacts.length === 0 || contacts.length > 8) return null;
    var out = [];
    for (var i = 0; i < contacts.length; i++) {
      var c = contacts[i] || {};
      if (typeof c.label !== 'string' || typeof c.value !== 'string') return null;
      var label = c.label.trim();
      if (label.length < 1 || label.length > 80 || UNSAFE.test(label)) return null;
      var href =
        c.kind === 'phone' ? phoneHref('tel', c.value)
        : c.kind === 'sms' ? phoneHref('sms', c.value)
        : c.kind === 'web' ? webHref(c.value)
        : null;
      if (!href) return null;
      out.push({ label: label, kind: c.kind, value: c.value.replace(/^(tel|sms):/, ''), href: href });
    }
    return out;
  }

  fetch('./tend.config.json', { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : {}; })
    .then(function (config) {
      var contacts = checked(config && config.contacts);
      if (!contacts) return;
      contacts.forEach(function (c) {
        var li = document.createElement('li');
        li.className = 'contact card';
        var h = document.createElement('h3');
        h.textContent = c.label;
        var a = document.createElement('a');
        a.className = 'button contact-action';
        a.href = c.href;
        var words = section.getAttribute(c.kind === 'web' ? 'data-visit' : c.kind === 'sms' ? 'data-text' : 'data-call');
        a.textContent = c.kind === 'web' ? words.replace('{label}', c.label) : words.replace('{number}', c.value);
        li.appendChild(h);
        li.appendChild(a);
        list.appendChild(li);
      });
      section.hidden = false;
      var note = document.getElementById('org-contacts-note');
      if (note) note.hidden = true;
    })
    .catch(function () {
      // No config here: the note says where the lines are.
    });
})();
