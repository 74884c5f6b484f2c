// The demo page talks only to the service that served it: no external requests.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const hooks = {};

  function text(s) {
    return String(s).replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // A small Markdown subset, enough for the cards' detail: paragraphs, **bold**, nested "- " lists,
  // backslash escapes. Angle brackets are escaped first, so no card text can become markup.
  function markdown(md) {
    const lines = text(md).split('\n');
    let html = '';
    let depth = 0;
    const inline = (s) => s.replace(/\\([\\`*_\[\]])/g, (m, c) => '&#' + c.charCodeAt(0) + ';')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    for (const line of lines) {
      const m = /^( *)- (.*)$/.exec(line);
      if (m) {
        const level = m[1].length / 2 + 1;
        while (depth < level) { html += '<ul>'; depth++; }
        while (depth > level) { html += '</ul>'; depth--; }
        html += '<li>' + inline(m[2]) + '</li>';
        continue;
      }
      while (depth > 0) { html += '</ul>'; depth--; }
      if (line.trim() !== '') {
        html += '<p>' + inline(line) + '</p>';
      }
    }
    while (depth > 0) { html += '</ul>'; depth--; }
    return html;
  }

  function render(cards) {
    const box = $('cards');
    box.innerHTML = '';
    if (cards.length === 0) {
      box.innerHTML = '<p class="empty">No cards: nothing this check must show for this patient.</p>';
      return;
    }
    for (const c of cards) {
      const el = document.createElement('article');
      el.className = 'card ' + (c.indicator || 'info');
      let html = '<div class="indicator">' + text(c.indicator) + '</div>'
        + '<div class="summary">' + text(c.summary) + '</div>'
        + '<div class="detail">' + markdown(c.detail || '') + '</div>';
      for (const s of c.suggestions || []) {
        html += '<button type="button" class="suggestion" disabled>' + text(s.label) + '</button>';
      }
      if (c.source) {
        html += '<div class="source">Source: <a href="' + encodeURI(c.source.url || '#') + '">'
          + text(c.source.label) + '</a> · card ' + text(c.uuid) + '</div>';
      }
      if (c.overrideReasons) {
        html += '<div class="overrides">Override reasons: ' + c.overrideReasons.map((r) => text(r.display)).join('; ')
          + '</div>';
      }
      el.innerHTML = html;
      box.appendChild(el);
    }
  }

  function pickService() {
    try {
      const hook = JSON.parse($('body').value).hook;
      if (hooks[hook]) { $('service').value = hooks[hook]; }
    } catch (e) { /* the user is still typing */ }
  }

  async function load(name) {
    if (!name) { return; }
    const r = await fetch('demo/examples/' + encodeURIComponent(name));
    $('body').value = JSON.stringify(await r.json(), null, 2);
    pickService();
  }

  async function send() {
    const headers = { 'Content-Type': 'application/json' };
    const token = $('token').value.trim();
    if (token) { headers.Authorization = 'Bearer ' + token; }
    $('status').textContent = 'Sending…';
    const t0 = performance.now();
    const r = await fetch('cds-services/' + encodeURIComponent($('service').value),
      { method: 'POST', headers: headers, body: $('body').value });
    const body = await r.json();
    const ms = Math.round(performance.now() - t0);
    if (r.ok) {
      $('status').textContent = 'HTTP ' + r.status + ' in ' + ms + ' ms: ' + body.cards.length + ' card(s)';
      render(body.cards);
    } else {
      $('status').textContent = 'HTTP ' + r.status + ': ' + (body.reason || body.error);
      $('cards').innerHTML = '';
    }
  }

  async function init() {
    const d = await (await fetch('cds-services')).json();
    for (const s of d.services) {
      hooks[s.hook] = s.id;
      const o = document.createElement('option');
      o.value = s.id;
      o.textContent = s.id + ' (' + s.hook + ')';
      $('service').appendChild(o);
    }
    const examples = await (await fetch('demo/examples')).json();
    for (const e of examples) {
      const o = document.createElement('option');
      o.value = e.file;
      o.textContent = e.title;
      $('example').appendChild(o);
    }
    $('example').addEventListener('change', () => load($('example').value));
    $('body').addEventListener('input', pickService);
    $('send').addEventListener('click', () => send().catch((e) => { $('status').textContent = String(e); }));
    const first = new URLSearchParams(location.search).get('example');
    if (first) {
      $('example').value = first;
      await load(first);
      if (new URLSearchParams(location.search).has('send')) { await send(); }
    }
  }

  init().catch((e) => { $('status').textContent = String(e); });
})();
