// Authenticator extension, content script (every frame of https pages and loopback http).
// Finds one-time-code fields, asks the background for a code and fills it with the events a
// page's own scripts expect. The background decides nothing either: the app checks the site.
(() => {
  'use strict';
  if (globalThis.__authenticatorContent) return;
  globalThis.__authenticatorContent = true;
  const api = globalThis.browser ?? globalThis.chrome;
  const msg = (name) => (api.i18n && api.i18n.getMessage(name)) || name;

  const NAME_RE = /otp|totp|2fa|mfa|two.?factor|one.?time|verif|auth.?code|security.?code|(^|[^a-z])code([^a-z]|$)|^code|code$/i;
  const NOT_OTP_RE = /zip|postal|post.?code|promo|coupon|voucher|gift|discount|referral|country|area|phone|captcha|invite|sort.?code|swift|iban|cvv|cvc|card/i;
  const LABEL_RE = /(authentication|authenticator|verification|security|one[- ]?time|2fa|two[- ]factor|otp|totp|login|sign[- ]in)\s*(code|password|pass ?code)|one[- ]time password|code (de|d')\s*(vérification|verification|sécurité|securite|connexion|confirmation|authentification)|code à usage unique|mot de passe à usage unique/i;
  const TEXTLIKE = new Set(['', 'text', 'tel', 'number', 'password']);
  const handled = new WeakSet(); // inputs already asked for, filled or given a button
  const targets = []; // {inputs: [...], sure: bool}

  function visible(el) {
    if (!el.isConnected || el.disabled || el.readOnly) return false;
    const rects = el.getClientRects();
    if (!rects.length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && rects[0].width > 0;
  }

  function labelText(el) {
    const parts = [el.getAttribute('aria-label') || '', el.placeholder || '', el.title || ''];
    for (const label of el.labels || []) parts.push(label.textContent || '');
    const by = el.getAttribute('aria-labelledby');
    if (by) for (const id of by.split(/\s+/)) { const n = document.getElementById(id); if (n) parts.push(n.textContent || ''); }
    if (!(el.labels && el.labels.length)) {
      const prev = el.previousElementSibling;
      if (prev && !prev.querySelector('input')) parts.push(prev.textContent || '');
    }
    return parts.join(' ').replace(/\s+/g, ' ').slice(0, 300);
  }

  function signals(el) {
    const nameId = `${el.name || ''} ${el.id || ''}`;
    const ac = (el.getAttribute('autocomplete') || '').toLowerCase();
    const numeric = ['numeric', 'decimal', 'tel'].includes((el.inputMode || el.getAttribute('inputmode') || '').toLowerCase())
      || el.type === 'tel' || el.type === 'number' || /^\[?(\\d|0-9)/.test(el.pattern || '');
    const max = el.maxLength > 0 ? el.maxLength : 0;
    return {
      otpAutocomplete: ac.split(/\s+/).includes('one-time-code'),
      name: NAME_RE.test(nameId) && !NOT_OTP_RE.test(nameId),
      label: LABEL_RE.test(labelText(el)),
      numeric, max,
      length: max >= 6 && max <= 8,
    };
  }

  // 4 to 8 one-character inputs side by side (the "six boxes" form).
  function boxGroup(el) {
    if (el.maxLength !== 1) return null;
    let container = el.parentElement;
    for (let depth = 0; container && depth < 3; depth++, container = container.parentElement) {
      const boxes = [...container.querySelectorAll('input')].filter((i) => i.maxLength === 1 && TEXTLIKE.has(i.type));
      if (boxes.length >= 4 && boxes.length <= 8) return boxes;
      if (boxes.length > 8) return null;
    }
    return null;
  }

  function classify(el) {
    if (!(el instanceof HTMLInputElement) || !TEXTLIKE.has(el.type) || handled.has(el) || !visible(el)) return null;
    const s = signals(el);
    const group = boxGroup(el);
    if (group) {
      const any = group.map(signals);
      const strong = any.some((g) => g.otpAutocomplete || g.name || g.label) || any.every((g) => g.numeric);
      return { inputs: group, sure: strong };
    }
    if (s.otpAutocomplete) return { inputs: [el], sure: true };
    if (el.type === 'password' && !s.label) return null;
    if ((s.name || s.label) && (s.numeric || s.length)) return { inputs: [el], sure: true };
    if (s.name || s.label) return { inputs: [el], sure: false };
    return null;
  }

  function scan() {
    for (const el of document.querySelectorAll('input')) {
      const target = classify(el);
      if (!target) continue;
      target.inputs.forEach((i) => handled.add(i));
      targets.push(target);
      if (target.sure) {
        if (target.inputs.every((i) => !i.value)) requestFill(target, 'auto');
      } else {
        addButton(target);
      }
    }
  }

  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;

  function type(el, text) {
    el.focus();
    const key = text.length === 1 ? text : 'Unidentified';
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
    el.dispatchEvent(new InputEvent('beforeinput', { data: text, inputType: 'insertText', bubbles: true, cancelable: true, composed: true }));
    setValue.call(el, text); // the prototype's setter: frameworks tracking .value see the change
    el.dispatchEvent(new InputEvent('input', { data: text, inputType: 'insertText', bubbles: true, composed: true }));
    el.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function fill(target, code) {
    if (target.inputs.length > 1) {
      if (code.length !== target.inputs.length) return false;
      target.inputs.forEach((box, i) => type(box, code[i]));
    } else {
      type(target.inputs[0], code);
    }
    if (target.button) { target.button.remove(); target.button = null; }
    return true;
  }

  function secure() {
    const h = location.hostname;
    return location.protocol === 'https:' || h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '[::1]';
  }

  async function requestFill(target, trigger, account) {
    if (!secure()) return;
    let answer;
    try {
      answer = await api.runtime.sendMessage({ type: 'fill', trigger, account: account || undefined });
    } catch (e) {
      return;
    }
    if (!answer || answer.status !== 'ok' || typeof answer.code !== 'string' || !/^[0-9A-Z]{4,10}$/.test(answer.code)) return;
    if (trigger === 'auto' && target.inputs.some((i) => i.value)) return; // the user typed meanwhile
    fill(target, answer.code);
  }

  function addButton(target) {
    const el = target.inputs[target.inputs.length - 1];
    const host = document.createElement('authenticator-fill');
    host.style.cssText = 'all: initial; display: inline-block; margin-left: 4px; vertical-align: middle;';
    const root = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = msg('fillButton');
    button.title = msg('fillButtonTitle');
    button.style.cssText = 'font: 12px sans-serif; padding: 2px 8px; border: 1px solid #3b6fd8; border-radius: 4px; background: #eef3ff; color: #1d3f8f; cursor: pointer;';
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) requestFill(target, 'button'); // a page cannot click it for the user
    });
    root.appendChild(button);
    el.insertAdjacentElement('afterend', host);
    target.button = host;
  }

  function targetFor(el) {
    return targets.find((t) => t.inputs.includes(el)) || null;
  }

  api.runtime.onMessage.addListener((message) => {
    if (!message || message.type !== 'fill-now') return false;
    const focused = document.hasFocus();
    if (!focused && window !== window.top) return false;
    if (window === window.top && document.activeElement instanceof HTMLIFrameElement && focused) return false; // a frame has it
    scan();
    const active = document.activeElement;
    let target = active instanceof HTMLInputElement ? targetFor(active) : null;
    if (!target && active instanceof HTMLInputElement && TEXTLIKE.has(active.type) && active.type !== 'password') {
      target = { inputs: [active], sure: true }; // the person asked for this very field
    }
    target = target || targets.find((t) => t.sure && t.inputs.every(visible)) || targets.find((t) => t.inputs.every(visible));
    if (target) requestFill(target, message.trigger === 'popup' ? 'popup' : 'shortcut', message.account);
    return false;
  });

  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; scan(); });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true,
                                               attributeFilter: ['style', 'class', 'hidden', 'type', 'autocomplete'] });
  scan();
})();
