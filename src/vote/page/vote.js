// vote.js: the vote page on a participant's phone.
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every word shown comes from the server, already in the phone's
// language: the page's own text in the HTML, the question and the
// answers in the JSON replies. This script only moves between the two
// forms and sends what was chosen. It keeps nothing: the device's vote
// is remembered by the server's cookie, and the room code only in memory.

'use strict';

(function () {
  const byId = (id) => document.getElementById(id);
  const joinForm = byId('join');
  const voteForm = byId('vote');
  const done = byId('done');
  const status = byId('status');
  const offline = byId('offline');
  const choose = byId('choose');
  let code = '';

  function say (text, problem) {
    offline.hidden = true;
    choose.hidden = true;
    status.textContent = text || '';
    status.classList.toggle('problem', !!problem);
  }

  function showOnly (form) {
    for (const element of [joinForm, voteForm, done])
      element.hidden = element !== form;
  }

  async function post (path, data) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = {};
    }
    return { status: response.status, answer: answer };
  }

  function addChoice (container, choice) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    const text = document.createElement('span');

    label.className = 'choice';
    input.type = 'radio';
    input.name = 'level';
    input.value = String(choice.value);
    text.className = 'label';
    text.textContent = choice.label;
    label.append(input, text);
    if (choice.description) {
      const description = document.createElement('span');
      description.className = 'description';
      description.textContent = choice.description;
      label.append(description);
    }
    container.append(label);
  }

  function showQuestion (answer) {
    const choices = byId('choices');

    byId('legend').textContent = answer.legend || '';
    byId('hint').textContent = answer.hint || '';
    byId('hint').hidden = !answer.hint;
    choices.replaceChildren();
    for (const choice of answer.choices || [])
      addChoice(choices, choice);
    showOnly(voteForm);
    say('');
    const first = choices.querySelector('input');
    if (first)
      first.focus();
  }

  // Sends to the vote and shows what comes back: the question to answer,
  // or the sentence of the answer.
  async function ask (path, data) {
    try {
      const reply = await post(path, data);
      if (path === '/join' && reply.status === 200 && !reply.answer.voted) {
        showQuestion(reply.answer);
      } else if (reply.status === 200 || reply.status === 409) {
        showOnly(done);
        say(reply.answer.message);
      } else {
        say(reply.answer.message, true);
      }
    } catch (e) {
      offline.hidden = false;
    }
  }

  function join () {
    return ask('/join', { code: code });
  }

  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    code = byId('code').value.trim();
    join();
  });

  voteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = voteForm.querySelector('input[name="level"]:checked');
    if (!chosen) {
      say('');
      choose.hidden = false;
      return;
    }
    const data = { code: code, level: Number(chosen.value) };
    const name = byId('name').value.trim();
    if (name)
      data.name = name;
    ask('/vote', data);
  });

  byId('again').addEventListener('click', () => join());

  // The address in the QR code carries the room code after a '#': the
  // fragment never leaves the phone, and scanning saves typing it.
  const fragment = decodeURIComponent(window.location.hash.slice(1)).trim();
  if (fragment) {
    byId('code').value = fragment;
    code = fragment;
    join();
  }
})();
