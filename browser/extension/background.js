// Authenticator extension, background (a service worker in Chromium, an event page in
// Firefox). It is the only part that talks to the native host, and it tells the app where a
// request comes from using the browser's own view of the sender (sender.url: the frame's
// address), never what a page or a content script claims.
'use strict';

const api = globalThis.browser ?? globalThis.chrome;
const HOST = 'org.authenticator.host';

let port = null;
let nextId = 1;
const waiting = new Map(); // request id -> resolve

function browserName() {
  const ua = navigator.userAgent;
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  const m = ua.match(/(Firefox|Edg|Brave|OPR|Chromium|Chrome)\/(\d+)/);
  let name = m ? m[1] : 'Browser';
  if (name === 'Edg') name = 'Edge';
  if (navigator.brave) name = 'Brave';
  return `${name}${m ? ' ' + m[2] : ''}${os ? ' on ' + os : ''}`;
}

function connect() {
  if (port) return port;
  port = api.runtime.connectNative(HOST);
  port.onMessage.addListener((msg) => {
    const resolve = msg && waiting.get(msg.id);
    if (resolve) {
      waiting.delete(msg.id);
      resolve(msg);
    }
  });
  port.onDisconnect.addListener(() => {
    const error = (api.runtime.lastError && api.runtime.lastError.message) || 'disconnected';
    port = null;
    for (const resolve of waiting.values()) resolve({ status: 'no-app', error });
    waiting.clear();
  });
  return port;
}

function ask(message) {
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    try {
      connect().postMessage({ ...message, id });
    } catch (e) {
      waiting.delete(id);
      port = null;
      resolve({ status: 'no-app', error: String(e && e.message || e) });
    }
  });
}

async function pairingKey() {
  const stored = await api.storage.local.get('pairingKey');
  return stored.pairingKey || null;
}

// One pairing question at a time, however many frames ask at once.
let pairing = null;
function pairOnce() {
  if (!pairing) {
    pairing = (async () => {
      const answer = await ask({ type: 'pair', browser: browserName() });
      if (answer.status === 'paired' && answer.key) await api.storage.local.set({ pairingKey: answer.key });
      return answer;
    })().finally(() => { pairing = null; });
  }
  return pairing;
}

// Ask the app; pair first when we have no key (the app asks the user), and once more when
// the app no longer knows our key (revoked).
async function request(message, { pair = true } = {}) {
  for (let attempt = 0; attempt < 2; attempt++) {
    let key = await pairingKey();
    if (!key) {
      if (!pair) return { status: 'unpaired' };
      const answer = await pairOnce();
      if (answer.status !== 'paired' || !answer.key) return answer.status === 'paired' ? { status: 'unpaired' } : answer;
      key = answer.key;
    }
    const answer = await ask({ ...message, key });
    if (answer.status !== 'unpaired') return answer;
    await api.storage.local.remove('pairingKey');
    if (!pair) return answer;
  }
  return { status: 'unpaired' };
}

function senderAddresses(sender) {
  const url = sender.url || '';
  const top = sender.tab && sender.tab.url;
  return { url, top: sender.frameId && top ? top : undefined };
}

async function tabUrl(tabId) {
  const tab = await api.tabs.get(tabId);
  return tab && tab.url || '';
}

// Fill on demand in the focused frame of a tab (keyboard shortcut, popup's Fill).
async function fillTab(tabId, account, trigger) {
  await api.tabs.sendMessage(tabId, { type: 'fill-now', account: account || null, trigger });
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg.type !== 'string') return false;
  // Our own pages (the popup, also when opened in a tab) vs content scripts in web pages.
  const ownPage = sender.id === api.runtime.id && (sender.url || '').startsWith(api.runtime.getURL(''));
  const fromContent = !!sender.tab && !ownPage;
  let work = null;
  if (msg.type === 'fill' && fromContent) {
    const trigger = ['auto', 'button', 'shortcut', 'popup'].includes(msg.trigger) ? msg.trigger : 'auto';
    work = request({ type: 'fill', trigger, account: typeof msg.account === 'string' ? msg.account : undefined,
                     ...senderAddresses(sender) });
  } else if (!ownPage) {
    return false; // everything below is for the popup only
  } else if (msg.type === 'codes') {
    work = tabUrl(msg.tabId).then((url) => request({ type: 'codes', url }, { pair: false }));
  } else if (msg.type === 'copy') {
    work = tabUrl(msg.tabId).then((url) => request({ type: 'copy', url, account: msg.account }, { pair: false }));
  } else if (msg.type === 'pair') {
    work = request({ type: 'ping' });
  } else if (msg.type === 'unlock') {
    work = request({ type: 'unlock' }, { pair: false });
  } else if (msg.type === 'fill-tab') {
    work = fillTab(msg.tabId, msg.account, 'popup').then(() => ({ status: 'ok' }), (e) => ({ status: 'error', error: String(e) }));
  } else {
    return false;
  }
  work.then(sendResponse, (e) => sendResponse({ status: 'error', error: String(e && e.message || e) }));
  return true; // the answer comes later
});

api.commands.onCommand.addListener(async (command) => {
  if (command !== 'fill-code') return;
  const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab && tab.id !== undefined) fillTab(tab.id, null, 'shortcut').catch(() => {});
});
