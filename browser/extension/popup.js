// Toolbar popup: the current site's accounts with their codes and countdowns. Copying goes
// through the app, whose clipboard clears itself; the popup never writes the clipboard.
'use strict';
const api = globalThis.browser ?? globalThis.chrome;
const t = (name, ...subs) => api.i18n.getMessage(name, subs) || name;
const $ = (id) => document.getElementById(id);

let tabId = null;
let timer = null;

async function activeTab() {
  const fromQuery = new URLSearchParams(location.search).get('tab'); // popup opened in a tab
  if (fromQuery) return Number(fromQuery);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

function button(text, onClick, primary) {
  const b = document.createElement('button');
  b.textContent = text;
  if (primary) b.className = 'primary';
  b.addEventListener('click', onClick);
  return b;
}

function say(text, ...actions) {
  $('message').hidden = false;
  $('message').textContent = text;
  $('actions').replaceChildren(...actions);
}

function render(answer) {
  $('accounts').replaceChildren();
  $('message').hidden = true;
  $('actions').replaceChildren();
  $('warning').hidden = true;
  clearInterval(timer);
  const status = answer && answer.status;
  if (status === 'locked') return say(t('popupLocked'), button(t('popupUnlock'), unlock, true));
  if (status === 'unpaired' || status === 'denied') return say(t('popupUnpaired'), button(t('popupPair'), pair, true));
  if (status === 'no-app') return say(t('popupNoApp'));
  if (status === 'refused') return say(t('popupRefused', answer.error || answer.reason || ''));
  if (status !== 'ok') return say(t('popupNoSite'));
  $('site').textContent = answer.site + (answer.unicode ? ` (${answer.unicode})` : '');
  const warnings = [];
  if (answer.mixed_scripts && answer.mixed_scripts.length) warnings.push(t('popupMixed', answer.mixed_scripts.join(' + ')));
  if (answer.lookalike) warnings.push(t('popupLookalike', answer.lookalike));
  if (warnings.length) { $('warning').hidden = false; $('warning').textContent = warnings.join(' '); }
  if (!answer.accounts.length) {
    return say(t('popupNone'), ...(answer.lookalike ? [] : [button(t('popupChoose'), () => fillWith(null), true)]));
  }
  const started = performance.now();
  const rows = answer.accounts.map((a) => {
    const li = document.createElement('li');
    li.dataset.account = a.id;
    li.innerHTML = '<span class="label"></span><span class="code"></span><div class="side"><span class="left"></span><div class="bar"><div></div></div><div class="buttons"></div></div>';
    li.querySelector('.label').textContent = a.label;
    li.querySelector('.code').textContent = a.code.length === 6 ? `${a.code.slice(0, 3)} ${a.code.slice(3)}` : a.code;
    li.querySelector('.buttons').append(button(t('popupFill'), () => fillWith(a.id), true),
                                         button(t('popupCopy'), () => copy(a.id, li)));
    $('accounts').append(li);
    return [li, a];
  });
  const tick = () => {
    const gone = (performance.now() - started) / 1000;
    let expired = false;
    for (const [li, a] of rows) {
      const left = Math.max(0, a.remaining - gone);
      if (left <= 0) expired = true;
      li.querySelector('.left').textContent = t('popupSeconds', String(Math.ceil(left)));
      li.querySelector('.bar > div').style.width = `${(100 * left) / a.period}%`;
      li.querySelector('.bar').classList.toggle('low', left < 6);
    }
    if (expired) refresh();
  };
  tick();
  timer = setInterval(tick, 1000);
}

async function refresh() {
  if (tabId === null) return render(null);
  render(await api.runtime.sendMessage({ type: 'codes', tabId }));
}

async function copy(account, li) {
  const answer = await api.runtime.sendMessage({ type: 'copy', tabId, account });
  if (answer && answer.status === 'ok') li.querySelector('.left').textContent = t('popupCopied');
}

async function fillWith(account) {
  await api.runtime.sendMessage({ type: 'fill-tab', tabId, account });
  if (!new URLSearchParams(location.search).get('tab')) window.close();
}

async function unlock() {
  await api.runtime.sendMessage({ type: 'unlock' });
  window.close();
}

async function pair() {
  await api.runtime.sendMessage({ type: 'pair' });
  refresh();
}

activeTab().then((id) => { tabId = id; refresh(); });
