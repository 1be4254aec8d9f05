// The page: shows the login form or the notes, and reacts to clicks. Every text that comes from
// a user is put into the page with textContent, never innerHTML, so a note titled
// <img src=x onerror=...> is shown as those characters and never runs.
import * as api from './api.js';

const PAGE_SIZE = 5;
const $ = (id) => document.getElementById(id);

let nextCursor = null; // where the next page of notes starts; null when there is none
let editing = null; // the note being edited, or null when the form adds a new one

function say(text) {
  $('message').textContent = text;
  $('message').hidden = !text;
}

/** Runs an action of the user, showing its error instead of losing it in the console. */
function guarded(action) {
  return async (event) => {
    event?.preventDefault();
    say('');
    try {
      await action();
    } catch (error) {
      if (error.status === 401) {
        showSignedOut(); // the session is over: log in again
      }
      say(error.message);
    }
  };
}

function showSignedOut() {
  $('signed-out').hidden = false;
  $('signed-in').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  $('notes').replaceChildren();
}

async function showSignedIn() {
  const me = await api.call('GET', '/api/me');
  $('who').textContent = me.email;
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  $('logout').hidden = false;
  $('password').value = '';
  await loadNotes(true);
}

function button(label, className, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', guarded(onClick));
  return element;
}

function noteItem(note) {
  const title = document.createElement('h2');
  title.textContent = note.title;
  const body = document.createElement('p');
  body.textContent = note.body;
  const item = document.createElement('li');
  item.dataset.id = note.id;
  item.append(
    title,
    body,
    button('Edit', 'edit', async () => startEditing(note)),
    button('Delete', 'delete', async () => {
      await api.call('DELETE', `/api/notes/${note.id}`);
      item.remove();
    }),
  );
  return item;
}

/** Loads the first page (from scratch) or the next one, newest first, using the keyset cursor. */
async function loadNotes(fromStart) {
  const query = new URLSearchParams({ limit: PAGE_SIZE });
  if (!fromStart && nextCursor) {
    query.set('cursor', nextCursor);
  }
  const page = await api.call('GET', `/api/notes?${query}`);
  if (fromStart) {
    $('notes').replaceChildren();
  }
  $('notes').append(...page.items.map(noteItem));
  nextCursor = page.nextCursor;
  $('load-more').hidden = !nextCursor;
}

function startEditing(note) {
  editing = note;
  $('note-title').value = note.title;
  $('note-body').value = note.body;
  $('save').textContent = 'Save';
  $('cancel-edit').hidden = false;
  $('note-title').focus();
}

function stopEditing() {
  editing = null;
  $('note-form').reset();
  $('save').textContent = 'Add note';
  $('cancel-edit').hidden = true;
}

async function saveNote() {
  const note = { title: $('note-title').value, body: $('note-body').value };
  if (editing) {
    await api.call('PUT', `/api/notes/${editing.id}`, note);
  } else {
    await api.call('POST', '/api/notes', note);
  }
  stopEditing();
  await loadNotes(true);
}

const credentials = () => [$('email').value, $('password').value];

$('auth-form').addEventListener('submit', guarded(async () => {
  await api.logIn(...credentials());
  await showSignedIn();
}));
$('register').addEventListener('click', guarded(async () => {
  if (!$('auth-form').reportValidity()) {
    return;
  }
  await api.register(...credentials());
  await api.logIn(...credentials());
  await showSignedIn();
}));
$('note-form').addEventListener('submit', guarded(saveNote));
$('cancel-edit').addEventListener('click', stopEditing);
$('load-more').addEventListener('click', guarded(() => loadNotes(false)));
$('logout').addEventListener('click', guarded(async () => {
  await api.logOut();
  stopEditing();
  showSignedOut();
}));

// A reload forgets the access token; the refresh cookie, if the browser has one, restores the session.
guarded(async () => ((await api.refresh()) ? showSignedIn() : showSignedOut()))();
